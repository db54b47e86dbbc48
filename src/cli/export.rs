//! `hrdd export FILE --format csv|xlsx [--audience A] -o PATH`

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;

use super::{AudienceArg, Ctx, Error, Status, emit, findings};
use crate::load::Origin;
use crate::model::Audience;
use crate::score::{self, Basis};
use crate::sheets;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment file (YAML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// `xlsx`: a workbook with a sheet per part of the assessment (lossless, importable);
    /// `csv`: the risk register, one row per risk in rank order.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Who the spreadsheet is for: board and public exports leave confidential items out,
    /// public ones also people's names.
    #[arg(long, value_enum, default_value_t = AudienceArg::Internal)]
    pub audience: AudienceArg,
    /// Write to PATH (atomically); `-` is stdout. Required for xlsx, which is binary.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// Spreadsheet formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The risk register as comma-separated values (UTF-8).
    Csv,
    /// An Excel workbook.
    Xlsx,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let stdout = args.output.as_ref().is_none_or(|p| p.as_os_str() == "-");
    if args.format == Format::Xlsx && stdout {
        if args.output.is_none() {
            return Err(Error::Usage(
                "an XLSX workbook is binary: give -o PATH (or `-o -` to write it to a pipe)".into(),
            ));
        }
        if std::io::stdout().is_terminal() {
            return Err(Error::Usage(
                "refusing to write a binary workbook to the terminal: give -o PATH, or pipe it"
                    .into(),
            ));
        }
    }
    let config = ctx.config()?;
    let Some(checked) = findings::valid_file(&Origin::File(args.file.clone()), &config, ctx.today)?
    else {
        return Ok(Status::Findings);
    };
    let Some(assessment) = checked.valid() else {
        return Ok(Status::Findings);
    };
    let view = sheets::view(assessment, Audience::from(args.audience));
    let ranking = score::rank(&view, &config.method, Basis::Inherent);
    let fail = |e: sheets::ExportError| Error::Usage(format!("{}: {e}", args.file.display()));
    let bytes = match args.format {
        Format::Xlsx => sheets::to_xlsx(&view, &ranking).map_err(fail)?,
        Format::Csv => sheets::to_csv(&view, &ranking).map_err(fail)?.into_bytes(),
    };
    emit(args.output.as_deref(), &bytes, &[&args.file], &config)?;
    Ok(Status::Success)
}
