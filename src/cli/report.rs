//! `hrdd report FILE --format md|html`

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, emit, findings, portfolio};
use crate::load::Origin;
use crate::pipeline::Checked;
use crate::render::{self, Renderer, changes, view};
use crate::score::{self, Basis};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML), or a folder of assessments for a portfolio report.
    #[arg(value_name = "FILE|DIR")]
    pub file: PathBuf,
    /// Report format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Who the report is for: what it may show.
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
    /// Write the report to PATH (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// A folder whose templates override the built-in ones by name (or `templates` in hrdd.toml).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The previous version of the assessment, a file or `REV:PATH` from git (e.g.
    /// `v2026.1:assessments/platform.yaml`): the report lists what changed since.
    #[arg(long, value_name = "FILE|REV:PATH")]
    pub previous: Option<String>,
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

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let templates = args.templates.as_deref().or(config.templates.as_deref());
    // Template problems are found before any work on the assessment.
    let renderer = Renderer::new(templates)?;
    if args.file.is_dir() {
        return run_folder(ctx, &config, args, &renderer);
    }
    let Some(current) = findings::valid_file(&Origin::File(args.file.clone()), &config, ctx.today)?
    else {
        return Ok(Status::Findings);
    };
    let previous_origin = args.previous.as_deref().map(Origin::parse);
    let previous = match &previous_origin {
        Some(origin) => match findings::valid_file(origin, &config, ctx.today)? {
            Some(p) => Some(p),
            None => return Ok(Status::Findings),
        },
        None => None,
    };
    let audience = crate::model::Audience::from(args.audience);
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
    let text = renderer.render(args.format.into(), &report)?;
    let mut inputs: Vec<&Path> = vec![&args.file];
    if let Some(Origin::File(path)) = &previous_origin {
        inputs.push(path);
    }
    emit(args.output.as_deref(), text.as_bytes(), &inputs, &config)?;
    Ok(Status::Success)
}

fn run_folder(
    ctx: &Ctx,
    config: &crate::config::Config,
    args: &Args,
    renderer: &Renderer,
) -> Result<Status, Error> {
    if args.previous.is_some() {
        return Err(Error::Usage(format!(
            "{} is a folder: --previous compares one assessment file with its earlier version",
            args.file.display()
        )));
    }
    let folder = portfolio::read(ctx, config, &args.file)?;
    let p = folder.portfolio(ctx, config, args.audience.into());
    let text = renderer.render_portfolio(args.format.into(), &p)?;
    let read = folder.paths();
    let inputs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
    emit(args.output.as_deref(), text.as_bytes(), &inputs, config)?;
    Ok(folder.status)
}

impl From<Format> for render::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Md => render::Format::Markdown,
            Format::Html => render::Format::Html,
        }
    }
}
