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

fn valid(risks: usize, seed: u64) -> hrdd::model::Assessment {
    let src = SourceFile {
        name: format!("synthetic-{risks}-{seed}.yaml"),
        text: corpus::assessment(risks, seed),
    };
    pipeline::check_source(src, &Config::default(), today())
        .assessment
        .expect("the synthetic corpus parses")
}

/// Every framework crosswalk over one assessment.
#[divan::bench(args = SIZES, sample_count = 10)]
fn coverage(bencher: Bencher, risks: usize) {
    use hrdd::model::Framework;
    let a = valid(risks, 1);
    let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
    bencher.bench(|| {
        [
            Framework::EuAiActFria,
            Framework::DsaSystemicRisk,
            Framework::GdprDpia,
            Framework::Csddd,
            Framework::Ungp,
        ]
        .into_iter()
        .filter_map(|f| hrdd::coverage::evaluate(&a, &ranking, f))
        .map(|c| c.items.len())
        .sum::<usize>()
    });
}

/// The ecosystem map laid out as SVG.
#[divan::bench(args = SIZES, sample_count = 10)]
fn map_svg(bencher: Bencher, risks: usize) {
    let a = valid(risks, 1);
    let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
    bencher.bench(|| {
        let map = hrdd::map::build(&a, &ranking, hrdd::model::Audience::Internal);
        black_box(hrdd::map::svg::render(&map).len())
    });
}

/// The whole assessment written as an XLSX workbook.
#[divan::bench(args = [50, 1_000], sample_count = 5)]
fn export_xlsx(bencher: Bencher, risks: usize) {
    let a = valid(risks, 1);
    let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
    bencher.bench(|| black_box(hrdd::sheets::to_xlsx(&a, &ranking).map(|b| b.len())));
}

/// A workbook read back into the model.
#[divan::bench(args = [50, 1_000], sample_count = 5)]
fn import_xlsx(bencher: Bencher, risks: usize) {
    let a = valid(risks, 1);
    let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
    let bytes = hrdd::sheets::to_xlsx(&a, &ranking).expect("exports");
    bencher
        .with_inputs(|| bytes.clone())
        .bench_values(|b| black_box(hrdd::sheets::from_xlsx("bench.xlsx", b).problems.len()));
}

/// A portfolio of 300 assessments of 50 risks each (already validated).
#[divan::bench(sample_count = 10)]
fn portfolio_300(bencher: Bencher) {
    let assessments: Vec<_> = (0..300).map(|i| valid(50, i)).collect();
    let names: Vec<String> = (0..300).map(|i| format!("a{i}.yaml")).collect();
    let members: Vec<hrdd::portfolio::Member<'_>> = assessments
        .iter()
        .zip(&names)
        .map(|(assessment, file)| hrdd::portfolio::Member { file, assessment })
        .collect();
    bencher.bench(|| {
        let p = hrdd::portfolio::build(&hrdd::portfolio::Inputs {
            members: &members,
            excluded: &[],
            method: &Method::SeverityFirst,
            audience: hrdd::model::Audience::Board,
            today: today(),
            generated_on: None,
        });
        black_box(p.salient.len())
    });
}
