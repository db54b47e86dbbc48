//! `hrdd rights`

use clap::ValueEnum;

use super::{Error, Status, out};
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

/// Output formats for the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

pub(super) fn run(args: &Args) -> Result<Status, Error> {
    out(&match args.format {
        Format::Table => output::rights::text(None),
        Format::Json => output::rights::json(),
    })?;
    Ok(Status::Success)
}
