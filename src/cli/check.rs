//! `hrdd check PATH...`: validation plus the gates under `[check]` in hrdd.toml.

use clap::ValueEnum;

use super::findings::{self, Inputs};
use super::{Ctx, Error, Status};
use crate::diagnostic::Level;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: Inputs,
    /// The lowest level of finding that fails the check (default: `fail_on` under [check], else error).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<FailOn>,
    /// Require `status: approved` (gate G005), e.g. on a release branch.
    #[arg(long)]
    pub require_approved: bool,
}

/// The level at which `hrdd check` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let mut gates = ctx.config()?.gates;
    if args.require_approved {
        gates.require_approved = true;
    }
    if let Some(level) = args.fail_on {
        gates.fail_on = match level {
            FailOn::Error => Level::Error,
            FailOn::Warning => Level::Warning,
        };
    }
    findings::run(ctx, &args.inputs, Some(&gates), gates.fail_on)
}
