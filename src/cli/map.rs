//! `hrdd map FILE --format mermaid|dot|svg`

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, findings, out};
use crate::load::Origin;
use crate::map;
use crate::output::write::write_atomic;
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
    /// Write the map to PATH (atomically) instead of stdout.
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
    match &args.output {
        Some(target) => {
            let mut inputs: Vec<&Path> = vec![&args.file];
            inputs.extend(config.path.as_deref());
            write_atomic(target, text.as_bytes(), &inputs)?;
        }
        None => out(&text)?,
    }
    Ok(Status::Success)
}
