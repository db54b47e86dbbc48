//! In-process benchmarks of the pipeline stages (`cargo bench`).
//! Whole-process comparisons with other tools: `scripts/bench.sh`.

#[path = "support/bare.rs"]
mod bare;
#[path = "support/corpus.rs"]
mod corpus;

use divan::{Bencher, black_box};
use hrdd::config::Config;
use hrdd::load::{self, SourceFile};
use hrdd::model::Date;
use hrdd::pipeline;
use hrdd::score::{self, Basis, Method};

fn main() {
    divan::main();
}

const SIZES: &[usize] = &[50, 1_000, 10_000];

fn source(risks: usize) -> SourceFile {
    SourceFile {
        name: format!("synthetic-{risks}.yaml"),
        text: corpus::assessment(risks, 1),
    }
}

fn today() -> Date {
    Date::constant(2026, 11, 23)
}

/// Text → typed, spanned model.
#[divan::bench(args = SIZES, sample_count = 10)]
fn parse(bencher: Bencher, risks: usize) {
    let src = source(risks);
    bencher.bench(|| black_box(load::parse(&src).is_ok()));
}

/// The baseline hrdd is measured against: a bare typed parse.
#[divan::bench(args = SIZES, sample_count = 10)]
fn bare_parse(bencher: Bencher, risks: usize) {
    let src = source(risks);
    bencher.bench(|| black_box(bare::parse(&src.text).is_ok()));
}

/// Parse plus every rule.
#[divan::bench(args = SIZES, sample_count = 10)]
fn validate(bencher: Bencher, risks: usize) {
    let src = source(risks);
    let config = Config::default();
    bencher.with_inputs(|| src.clone()).bench_values(|s| {
        black_box(
            pipeline::check_source(s, &config, today())
                .diagnostics
                .len(),
        )
    });
}

/// Scoring and ranking a validated model.
#[divan::bench(args = SIZES, sample_count = 10)]
fn rank(bencher: Bencher, risks: usize) {
    let checked = pipeline::check_source(source(risks), &Config::default(), today());
    let Some(assessment) = checked.valid() else {
        panic!(
            "the synthetic corpus validates: {:?}",
            checked.diagnostics.first()
        );
    };
    bencher.bench(|| {
        black_box(
            score::rank(assessment, &Method::SeverityFirst, Basis::Inherent)
                .scores
                .len(),
        )
    });
}

/// Rendering many findings (one warning per risk) as rustc-style snippets.
#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn render_findings(bencher: Bencher, risks: usize) {
    let mut src = source(risks);
    src.text = src.text.replace(
        "      rationale: Rated by the assessors after consulting affected groups.\n",
        "",
    );
    let checked = pipeline::check_source(src, &Config::default(), today());
    let text = &checked
        .source
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    let renderer = annotate_snippets::Renderer::plain();
    bencher.bench(|| {
        let lines = hrdd::output::human::Lines::new(text);
        checked
            .diagnostics
            .iter()
            .map(|d| hrdd::output::human::render(d, Some(&lines), &renderer).len())
            .sum::<usize>()
    });
}
