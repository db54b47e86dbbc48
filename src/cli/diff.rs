//! `hrdd diff OLD NEW`: what changed between two versions of an assessment.

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, err, findings, out};
use crate::diagnostic::Summary;
use crate::diff::{self, Audience, Condition};
use crate::load::git::Origin;
use crate::output;
use crate::pipeline::{self, Checked};

const EXIT_CODES: &str = "\
Exit codes:
  0  compared (whether or not anything changed), and no --fail-on condition holds
  1  a --fail-on condition holds, or a side has validation errors (shown on stderr)
  2  usage, configuration, I/O or git error (a bad revision, a path not in that revision)";

#[derive(Debug, clap::Args)]
#[command(after_help = EXIT_CODES)]
pub struct Args {
    /// The old version: a file, or REV:PATH read from git (e.g. `origin/main:assessments/x.yaml`).
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The new version: a file, or REV:PATH.
    #[arg(value_name = "NEW")]
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Exit 1 when a condition holds (repeat the flag or separate with commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CONDITION")]
    pub fail_on: Vec<FailOn>,
    /// Who the diff is for: confidential items are withheld as in reports.
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
}

/// Output formats for a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// GitHub-flavoured Markdown, for a pull-request comment.
    Markdown,
    /// One JSON document.
    Json,
}

/// Conditions for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A risk added as, or moved into, band high or critical.
    NewSalient,
    /// A risk whose band went up.
    BandUp,
    /// A risk removed.
    RemovedRisk,
    /// Any difference at all.
    Any,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let sides = [Origin::parse(&args.old), Origin::parse(&args.new)];
    let read = |origin: &Origin| -> Result<Checked, Error> {
        Ok(match origin.read(config.max_file_bytes)? {
            Ok(source) => pipeline::check_source(source, &config, ctx.today),
            Err(d) => Checked {
                source: None,
                assessment: None,
                diagnostics: vec![d],
            },
        })
    };
    let checked = [read(&sides[0])?, read(&sides[1])?];
    let [Some(old), Some(new)] = checked.each_ref().map(Checked::valid) else {
        let bad: Vec<Checked> = checked.iter().filter(|c| c.has_errors()).cloned().collect();
        let all: Vec<_> = bad.iter().flat_map(|c| c.diagnostics.clone()).collect();
        findings::human(&bad, &[], &Summary::of(bad.len(), &all))?;
        err("hrdd: cannot compare: fix the errors above first\n")?;
        return Ok(Status::Findings);
    };
    for (c, origin) in checked.iter().zip(&sides) {
        findings::note_warnings(&origin.name(), c)?;
    }
    let audience = Audience::from(args.audience);
    let names = (sides[0].name(), sides[1].name());
    let d = diff::diff(old, new, (&names.0, &names.1), &config.method, audience);
    out(&match args.format {
        Format::Table => output::diff::text(&d),
        Format::Markdown => output::diff::markdown(&d),
        Format::Json => output::diff::json(&d),
    })?;
    let mut status = Status::Success;
    for condition in &args.fail_on {
        let (c, name) = match condition {
            FailOn::NewSalient => (Condition::NewSalient, "new-salient"),
            FailOn::BandUp => (Condition::BandUp, "band-up"),
            FailOn::RemovedRisk => (Condition::RemovedRisk, "removed-risk"),
            FailOn::Any => (Condition::Any, "any"),
        };
        if d.holds(c) {
            err(&format!("hrdd: --fail-on {name}: the condition holds\n"))?;
            status = Status::Findings;
        }
    }
    Ok(status)
}
