//! `hrdd validate FILE...`

use std::path::PathBuf;

use annotate_snippets::Renderer;
use clap::ValueEnum;

use super::{Ctx, Error, Status, err, out};
use crate::diagnostic::{Diagnostic, Summary};
use crate::output;
use crate::pipeline::{self, Checked};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Assessment files (YAML).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format: `human` diagnostics on stderr, or `json` on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Output formats for findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let mut status = Status::Success;
    let mut checked: Vec<Checked> = Vec::with_capacity(args.files.len());
    for path in &args.files {
        match pipeline::check_file(path, &config, ctx.today) {
            Ok(c) => {
                if c.has_errors() {
                    status = status.worst(Status::Findings);
                }
                checked.push(c);
            }
            Err(e) => {
                err(&format!("hrdd: error: {e}\n"))?;
                status = Status::Failure;
            }
        }
    }
    report(&checked, args.format)?;
    Ok(status)
}

/// Prints the findings of checked files in `format`.
pub(super) fn report(checked: &[Checked], format: Format) -> Result<(), Error> {
    let all: Vec<Diagnostic> = checked
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    let summary = Summary::of(checked.len(), &all);
    match format {
        Format::Json => out(&output::json::render(&all, summary)),
        Format::Human => {
            let renderer = Renderer::styled();
            let mut text = String::new();
            for c in checked {
                let source = c.source.as_ref().map(|s| s.text.as_str());
                for d in &c.diagnostics {
                    text.push_str(&output::human::render(d, source, &renderer));
                    text.push_str("\n\n");
                }
            }
            text.push_str(&output::human::summary(&summary));
            text.push('\n');
            err(&text)
        }
    }
}
