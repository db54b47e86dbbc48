//! `hrdd assess FILE`

use std::path::PathBuf;

use clap::ValueEnum;

use super::findings;
use super::{Ctx, Error, Status, out};
use crate::load::Origin;
use crate::output;
use crate::score::{self, Basis};
use crate::suggest;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Rank by residual likelihood (once mitigations are in place) instead of likelihood.
    #[arg(long)]
    pub residual: bool,
    /// Print every step of the method for one risk and why it sits between its neighbours.
    #[arg(long, value_name = "RISK_ID")]
    pub explain: Option<String>,
}

/// Output formats for the ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Markdown,
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
    let basis = if args.residual {
        Basis::Residual
    } else {
        Basis::Inherent
    };
    let ranking = score::rank(assessment, &config.method, basis);
    if let Some(id) = &args.explain {
        return match score::explain(assessment, &ranking, id) {
            Some(text) => out(&text).map(|()| Status::Success),
            None => {
                let hint = suggest::help(id, ranking.scores.iter().map(|s| s.id.as_str()))
                    .map_or_else(String::new, |h| format!("; {h}"));
                Err(Error::Usage(format!(
                    "{}: no risk with id `{id}`{hint}",
                    args.file.display()
                )))
            }
        };
    }
    out(&match args.format {
        Format::Table => output::assess::text(assessment, &ranking, None),
        Format::Json => output::assess::json(assessment, &ranking),
        Format::Markdown => output::assess::markdown(assessment, &ranking),
    })?;
    Ok(Status::Success)
}
