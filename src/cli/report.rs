//! `hrdd report FILE --format md|html`

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::validate::{self, Format as FindingsFormat};
use super::{Ctx, Error, Status, err, out};
use crate::config::Config;
use crate::output::write::write_atomic;
use crate::pipeline::{self, Checked};
use crate::render::{self, Renderer, changes, view};
use crate::score::{self, Basis};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Report format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Who the report is for: what it may show.
    #[arg(long, value_enum, default_value_t = Audience::Internal)]
    pub audience: Audience,
    /// Write the report to PATH (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// A folder whose templates override the built-in ones by name (or `templates` in hrdd.toml).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The previous version of the assessment: the report lists what changed since.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
    /// One self-contained HTML file.
    Html,
}

/// Report audiences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Audience {
    /// Everything, confidential items marked.
    Internal,
    /// A one-page summary first; no engagement organisations; confidential items as counts.
    Board,
    /// Nothing confidential, no engagement organisations, no owners.
    Public,
}

impl From<Audience> for view::Audience {
    fn from(a: Audience) -> Self {
        match a {
            Audience::Internal => view::Audience::Internal,
            Audience::Board => view::Audience::Board,
            Audience::Public => view::Audience::Public,
        }
    }
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let templates = args.templates.as_deref().or(config.templates.as_deref());
    // Template problems are found before any work on the assessment.
    let renderer = Renderer::new(templates)?;
    let Some(current) = checked(&args.file, &config, ctx)? else {
        return Ok(Status::Findings);
    };
    let previous = match &args.previous {
        Some(path) => match checked(path, &config, ctx)? {
            Some(p) => Some(p),
            None => return Ok(Status::Findings),
        },
        None => None,
    };
    let audience = view::Audience::from(args.audience);
    let build = |c: &Checked| -> Option<view::Report> {
        let assessment = c.valid()?;
        let ranking = score::rank(assessment, &config.method, Basis::Inherent);
        Some(view::build(&view::Inputs {
            assessment,
            ranking: &ranking,
            warnings: &c.diagnostics,
            audience,
            today: ctx.today,
            generated_on: ctx.today_given.then_some(ctx.today),
        }))
    };
    let Some(mut report) = build(&current) else {
        return Ok(Status::Findings);
    };
    if let Some(prev) = previous.as_ref().and_then(build) {
        report.changes = Some(changes::compare(&prev, &report));
    }
    let format = match args.format {
        Format::Md => render::Format::Markdown,
        Format::Html => render::Format::Html,
    };
    let text = renderer.render(format, &report)?;
    match &args.output {
        Some(target) => {
            let mut inputs: Vec<&Path> = vec![&args.file];
            inputs.extend(args.previous.as_deref());
            inputs.extend(config.path.as_deref());
            write_atomic(target, text.as_bytes(), &inputs)?;
        }
        None => out(&text)?,
    }
    Ok(Status::Success)
}

/// Reads and validates `path`; prints its findings and returns `None` when it has errors.
fn checked(path: &Path, config: &Config, ctx: &Ctx) -> Result<Option<Checked>, Error> {
    let checked = pipeline::check_file(path, config, ctx.today)?;
    if checked.valid().is_none() {
        validate::report(std::slice::from_ref(&checked), FindingsFormat::Human)?;
        return Ok(None);
    }
    let n = checked.diagnostics.len();
    if n > 0 {
        err(&format!(
            "hrdd: {} has {n} warning{}; `hrdd validate` shows them\n",
            path.display(),
            if n == 1 { "" } else { "s" }
        ))?;
    }
    Ok(Some(checked))
}
