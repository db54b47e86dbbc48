//! `hrdd validate PATH...`

use super::findings::{self, Inputs};
use super::{Ctx, Error, Status};
use crate::diagnostic::Level;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: Inputs,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    findings::run(ctx, &args.inputs, None, Level::Error)
}
