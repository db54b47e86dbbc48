//! `hrdd assess FILE|DIR`

use std::path::PathBuf;

use clap::ValueEnum;

use super::findings;
use super::{AudienceArg, Ctx, Error, Status, out, portfolio};
use crate::load::Origin;
use crate::output;
use crate::score::{self, Basis};
use crate::suggest;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML), or a folder of assessments to read as a portfolio.
    #[arg(value_name = "FILE|DIR")]
    pub file: PathBuf,
    /// With a folder: who the portfolio is for (what it may show).
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
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
    if args.file.is_dir() {
        return run_folder(ctx, &config, args);
    }
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

fn run_folder(ctx: &Ctx, config: &crate::config::Config, args: &Args) -> Result<Status, Error> {
    if args.explain.is_some() || args.residual {
        return Err(Error::Usage(format!(
            "{} is a folder: --explain and --residual take one assessment file",
            args.file.display()
        )));
    }
    let folder = portfolio::read(ctx, config, &args.file)?;
    let p = folder.portfolio(ctx, config, args.audience.into());
    out(&match args.format {
        Format::Table => output::portfolio::text(&p, None),
        Format::Json => output::portfolio::json(&p),
        Format::Markdown => output::portfolio::markdown(&p),
    })?;
    Ok(folder.status)
}
