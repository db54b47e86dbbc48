//! `hrdd coverage FILE`: framework crosswalks and engagement coverage.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, findings, out};
use crate::coverage;
use crate::load::Origin;
use crate::model::{Audience, Framework, redact};
use crate::output::coverage as output;
use crate::score::{self, Basis};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The framework to check (repeatable); default: those in `assessment.frameworks`.
    #[arg(
        long,
        value_enum,
        value_name = "FRAMEWORK",
        conflicts_with = "engagement"
    )]
    pub framework: Vec<FrameworkArg>,
    /// Engagement coverage instead: who was engaged, who never was, what was never reported back.
    #[arg(long)]
    pub engagement: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Who the output is for: board and public see only what the redacted file evidences.
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
}

/// A framework as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FrameworkArg {
    /// EU AI Act Art. 27 fundamental rights impact assessment.
    EuAiActFria,
    /// DSA Art. 34–35 systemic risk assessment.
    DsaSystemicRisk,
    /// GDPR Art. 35 data protection impact assessment.
    GdprDpia,
    /// CSDDD Art. 8–16.
    Csddd,
    /// UN Guiding Principles 15–22.
    Ungp,
    /// OECD Guidelines (no crosswalk yet).
    Oecd,
}

impl From<FrameworkArg> for Framework {
    fn from(f: FrameworkArg) -> Self {
        match f {
            FrameworkArg::EuAiActFria => Framework::EuAiActFria,
            FrameworkArg::DsaSystemicRisk => Framework::DsaSystemicRisk,
            FrameworkArg::GdprDpia => Framework::GdprDpia,
            FrameworkArg::Csddd => Framework::Csddd,
            FrameworkArg::Ungp => Framework::Ungp,
            FrameworkArg::Oecd => Framework::Oecd,
        }
    }
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    if args.framework.contains(&FrameworkArg::Oecd) {
        return Err(Error::Usage(
            "hrdd has no crosswalk for `oecd` yet; its due diligence steps follow UNGP 17–22, so use `--framework ungp`".into(),
        ));
    }
    let config = ctx.config()?;
    let Some(checked) = findings::valid_file(&Origin::File(args.file.clone()), &config, ctx.today)?
    else {
        return Ok(Status::Findings);
    };
    let Some(full) = checked.valid() else {
        return Ok(Status::Findings);
    };
    let audience = Audience::from(args.audience);
    let view = redact(full, audience);
    let subject = output::Subject {
        assessment: &view,
        audience,
    };
    // A terminal sets its own width; piped output wraps at a readable width.
    let width = (!std::io::stdout().is_terminal()).then_some(120);
    if args.engagement {
        let e = coverage::engagement(full, &config.method, audience);
        out(&match args.format {
            Format::Table => output::engagement_text(subject, &e, width),
            Format::Json => output::engagement_json(subject, &e),
            Format::Markdown => output::engagement_markdown(subject, &e),
        })?;
        return Ok(Status::Success);
    }
    let frameworks: Vec<Framework> = if args.framework.is_empty() {
        coverage::declared(full)
    } else {
        let mut v: Vec<Framework> = Vec::new();
        for f in &args.framework {
            if !v.contains(&Framework::from(*f)) {
                v.push(Framework::from(*f));
            }
        }
        v
    };
    if frameworks.is_empty() {
        return Err(Error::Usage(format!(
            "{}: `assessment.frameworks` declares no framework; name one with --framework ({}), or use --engagement",
            args.file.display(),
            FrameworkArg::value_variants()
                .iter()
                .filter(|f| **f != FrameworkArg::Oecd)
                .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_owned()))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let ranking = score::rank(&view, &config.method, Basis::Inherent);
    let mut coverages = Vec::new();
    let mut not_covered = Vec::new();
    for f in frameworks {
        match coverage::evaluate(&view, &ranking, f) {
            Some(c) => coverages.push(c),
            None => not_covered.push(f),
        }
    }
    out(&match args.format {
        Format::Table => output::text(subject, &coverages, &not_covered, width),
        Format::Json => output::json(subject, &coverages, &not_covered),
        Format::Markdown => output::markdown(subject, &coverages, &not_covered),
    })?;
    Ok(Status::Success)
}
