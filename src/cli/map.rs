//! `hrdd map FILE --format mermaid|dot|svg`

use std::path::PathBuf;

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, emit, findings};
use crate::load::Origin;
use crate::map;
use crate::score::{self, Basis};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Map format.
    #[arg(long, value_enum, default_value_t = Format::Mermaid)]
    pub format: Format,
    /// Who the map is for: what it may show.
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
    /// Write the map to PATH (atomically) instead of stdout; `-` is stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Map formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A Mermaid flowchart (GitHub and GitLab render it in Markdown).
    Mermaid,
    /// Graphviz DOT.
    Dot,
    /// A self-contained SVG laid out by hrdd.
    Svg,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let Some(checked) = findings::valid_file(&Origin::File(args.file.clone()), &config, ctx.today)?
    else {
        return Ok(Status::Findings);
    };
    let Some(assessment) = checked.valid() else {
        return Ok(Status::Findings);
    };
    let ranking = score::rank(assessment, &config.method, Basis::Inherent);
    let graph = map::build(assessment, &ranking, args.audience.into());
    let mut text = match args.format {
        Format::Mermaid => map::mermaid::render(&graph),
        Format::Dot => map::dot::render(&graph),
        Format::Svg => map::svg::render(&graph),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    emit(
        args.output.as_deref(),
        text.as_bytes(),
        &[&args.file],
        &config,
    )?;
    Ok(Status::Success)
}
