//! The command line: clap definitions and one function per command.

mod assess;
mod check;
mod coverage;
mod diff;
mod explain;
mod export;
mod findings;
mod generate;
mod import;
mod init;
mod map;
mod portfolio;
mod report;
mod rights;
mod templates;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{Config, ConfigError};
use crate::load::ReadError;
use crate::model::{Date, parse_date};

const EXIT_CODES: &str = "\
Exit codes:
  0  success: no finding at or above the failing level (warnings alone pass)
  1  findings: validation errors in an assessment (for `check`: a finding at or above
     the failing level, gate failures included; for `diff`: a --fail-on condition holds)
  2  usage, configuration, I/O or git error (a missing file, an unreadable path, a bad
     hrdd.toml, a bad git revision)

Environment:
  HRDD_TODAY  the date overdue checks use, as YYYY-MM-DD (same as --today)
  NO_COLOR    disables colour (same as --color never)";

/// Human rights due diligence of technology products, as code.
#[derive(Debug, Parser)]
#[command(name = "hrdd", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Use this configuration instead of the nearest hrdd.toml.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// The date overdue checks compare against (default: the system date).
    #[arg(long, global = true, env = "HRDD_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_today)]
    pub today: Option<Date>,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate assessment files (or every *.yaml/*.yml under folders) against format v1 and the UNGP-based rules.
    #[command(after_help = EXIT_CODES)]
    Validate(validate::Args),
    /// Validate, then enforce the gates under [check] in hrdd.toml (for CI).
    #[command(after_help = EXIT_CODES)]
    Check(check::Args),
    /// Compare two versions of an assessment: files, or REV:PATH from git.
    Diff(diff::Args),
    /// Score and rank the risks of an assessment (severity before likelihood, UNGP 24).
    #[command(after_help = EXIT_CODES)]
    Assess(assess::Args),
    /// List the built-in catalogue of rights and the instruments that ground them.
    Rights(rights::Args),
    /// Explain a rule: what it checks, why, a bad and a fixed example. Without CODE, list all rules.
    Explain(explain::Args),
    /// Print the JSON Schema of assessment format v1 (for editors and other tools).
    Schema,
    /// Print a shell completion script.
    Completions(generate::CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Render a report in Markdown or self-contained HTML for an internal, board or public audience.
    #[command(after_help = EXIT_CODES)]
    Report(report::Args),
    /// List the built-in report templates, or write them out with --dump DIR.
    Templates(templates::Args),
    /// Write a commented starting assessment that validates, for an AI system, platform, telecom network or procurement.
    Init(init::Args),
    /// Which required elements of a framework (AI Act FRIA, DSA, GDPR DPIA, CSDDD, UNGP) the file evidences, or who was engaged.
    #[command(after_help = EXIT_CODES)]
    Coverage(coverage::Args),
    /// Export the risk register as CSV, or the whole assessment as an XLSX workbook.
    #[command(after_help = EXIT_CODES)]
    Export(export::Args),
    /// Import a workbook in the exported layout (or a CSV register) back into an assessment.
    #[command(after_help = EXIT_CODES)]
    Import(import::Args),
    /// Draw the ecosystem map: products and relationships by stack layer, their risks and the rights-holders affected.
    #[command(after_help = EXIT_CODES)]
    Map(map::Args),
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Who an output is for, as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AudienceArg {
    /// Everything, confidential items marked.
    Internal,
    /// A summary first; no engagement organisations; confidential items only as counts.
    Board,
    /// Nothing confidential, no engagement organisations, no owners' names.
    Public,
}

impl From<AudienceArg> for crate::model::Audience {
    fn from(a: AudienceArg) -> Self {
        match a {
            AudienceArg::Internal => Self::Internal,
            AudienceArg::Board => Self::Board,
            AudienceArg::Public => Self::Public,
        }
    }
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing at or above the failing level.
    Success,
    /// Findings: the input has errors.
    Findings,
    /// Usage, configuration or I/O problems.
    Failure,
}

impl Status {
    /// The process exit code.
    pub const fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Findings => 1,
            Status::Failure => 2,
        }
    }

    fn worst(self, other: Status) -> Status {
        if other.code() > self.code() {
            other
        } else {
            self
        }
    }
}

/// Why a command could not do its work (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Render(#[from] crate::render::RenderError),
    #[error(transparent)]
    Write(#[from] crate::output::write::WriteError),
    #[error("cannot write output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// Output into a closed pipe (`hrdd assess x | head -1`) is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn parse_today(s: &str) -> Result<Date, String> {
    parse_date(s)
}

/// Parses `args` and runs the command. Clap's own errors (and `--help`) exit here.
pub fn run<I, T>(args: I) -> Result<Status, Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                Status::Failure
            } else {
                Status::Success
            };
            // clap prints help and version on stdout; a closed pipe there is fine.
            let _ = e.print();
            return Ok(code);
        }
    };
    anstream::ColorChoice::write_global(match cli.color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    });
    let today = cli.today.unwrap_or_else(system_today);
    let ctx = Ctx {
        config_path: cli.config,
        today,
        today_given: cli.today.is_some(),
    };
    match cli.command {
        Command::Validate(args) => validate::run(&ctx, &args),
        Command::Check(args) => check::run(&ctx, &args),
        Command::Diff(args) => diff::run(&ctx, &args),
        Command::Assess(args) => assess::run(&ctx, &args),
        Command::Rights(args) => rights::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Schema => generate::schema(),
        Command::Completions(args) => generate::completions(&args),
        Command::Man => generate::man(),
        Command::Report(args) => report::run(&ctx, &args),
        Command::Templates(args) => templates::run(&args),
        Command::Init(args) => init::run(&ctx, &args),
        Command::Coverage(args) => coverage::run(&ctx, &args),
        Command::Export(args) => export::run(&ctx, &args),
        Command::Import(args) => import::run(&ctx, &args),
        Command::Map(args) => map::run(&ctx, &args),
    }
}

/// Settings shared by every command.
struct Ctx {
    config_path: Option<PathBuf>,
    today: Date,
    /// Whether the date came from `--today` or `HRDD_TODAY`; only then is it printed.
    today_given: bool,
}

impl Ctx {
    fn config(&self) -> Result<Config, Error> {
        let cwd = std::env::current_dir()
            .map_err(|e| Error::Usage(format!("cannot read the current directory: {e}")))?;
        Ok(Config::discover(self.config_path.as_deref(), &cwd)?)
    }
}

fn system_today() -> Date {
    jiff::Zoned::now().date()
}

/// Writes data to stdout.
fn out(text: &str) -> Result<(), Error> {
    let mut stdout = anstream::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// Writes diagnostics and messages to stderr.
fn err(text: &str) -> Result<(), Error> {
    let mut stderr = anstream::stderr().lock();
    stderr.write_all(text.as_bytes())?;
    stderr.flush()?;
    Ok(())
}

/// Data on stdout exactly as given: no colour handling may touch a report's or a workbook's
/// bytes.
fn out_raw(bytes: &[u8]) -> Result<(), Error> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}

/// Writes a command's result to `-o PATH`, atomically and never over one of `inputs` or the
/// configuration file; without `-o`, or with `-o -`, to stdout.
fn emit(
    output: Option<&Path>,
    bytes: &[u8],
    inputs: &[&Path],
    config: &Config,
) -> Result<(), Error> {
    match output {
        Some(target) if target.as_os_str() != "-" => {
            let mut read = inputs.to_vec();
            read.extend(config.path.as_deref());
            crate::output::write::write_atomic(target, bytes, &read)?;
        }
        _ => out_raw(bytes)?,
    }
    Ok(())
}
