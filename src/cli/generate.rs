//! `hrdd schema`, `hrdd completions SHELL` and `hrdd man`: files generated from hrdd's own
//! definitions.

use clap::CommandFactory;

use super::{Cli, Error, Status, out};

/// Arguments of `hrdd completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the JSON Schema of format v1.
pub(super) fn schema() -> Result<Status, Error> {
    out(&crate::model::schema::json())?;
    Ok(Status::Success)
}

/// Prints a completion script.
pub(super) fn completions(args: &CompletionsArgs) -> Result<Status, Error> {
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "hrdd", &mut buf);
    out(&String::from_utf8_lossy(&buf))?;
    Ok(Status::Success)
}

/// Prints the man page (roff).
pub(super) fn man() -> Result<Status, Error> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    out(&String::from_utf8_lossy(&buf))?;
    Ok(Status::Success)
}
