//! `hrdd import WORKBOOK.xlsx|REGISTER.csv [--base FILE.yaml] -o OUT.yaml`

use std::path::{Path, PathBuf};

use super::{Ctx, Error, Status, emit, err, findings};
use crate::diagnostic::Level;
use crate::load::{self, Origin, ReadError, SourceFile};
use crate::rules::{self, Context};
use crate::sheets::{self, Imported, Place, Problem};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A workbook in the layout `hrdd export --format xlsx` writes, or a CSV risk register.
    #[arg(value_name = "WORKBOOK.xlsx|REGISTER.csv")]
    pub file: PathBuf,
    /// For a CSV register: the assessment that gives everything but the risks (metadata,
    /// products, rights-holders, mitigations, ...). The register's risks replace its risks.
    #[arg(long, value_name = "FILE.yaml")]
    pub base: Option<PathBuf>,
    /// Write the assessment to PATH (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    let config = ctx.config()?;
    let name = args.file.display().to_string();
    let csv = args
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv && args.base.is_none() {
        return Err(Error::Usage(format!(
            "{name}: a CSV register holds only the risks; give --base FILE.yaml for the rest \
             (metadata, products, rights-holders, mitigations, ...), or import a workbook \
             written by `hrdd export --format xlsx`"
        )));
    }
    if !csv && args.base.is_some() {
        return Err(Error::Usage(
            "--base is for CSV registers; a workbook holds the whole assessment".into(),
        ));
    }
    let io = |error| ReadError::Io {
        path: name.clone(),
        error,
    };
    let meta = std::fs::metadata(&args.file).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory { path: name }.into());
    }
    if meta.len() > config.max_file_bytes {
        return report(&[Problem {
            level: Level::Error,
            code: None,
            file: name,
            place: None,
            line: None,
            message: format!(
                "the file is {} bytes, above the limit of {} bytes",
                meta.len(),
                config.max_file_bytes
            ),
            help: Some(
                "split the assessment, or raise `max_file_bytes` under `[limits]` in hrdd.toml"
                    .into(),
            ),
        }]);
    }
    let bytes = std::fs::read(&args.file).map_err(io)?;
    let imported = if let Some(base) = &args.base {
        let Some(checked) = findings::valid_file(&Origin::File(base.clone()), &config, ctx.today)?
        else {
            return Ok(Status::Findings);
        };
        let Some(base) = checked.assessment else {
            return Ok(Status::Findings);
        };
        match String::from_utf8(bytes) {
            Ok(text) => sheets::from_csv(&name, text.trim_start_matches('\u{feff}'), base),
            Err(_) => {
                return report(&[Problem {
                    level: Level::Error,
                    code: None,
                    file: name,
                    place: Some(Place::default()),
                    line: None,
                    message: "the register is not UTF-8 text".into(),
                    help: Some("save it as \"CSV UTF-8\"".into()),
                }]);
            }
        }
    } else {
        sheets::from_xlsx(&name, bytes)
    };
    let base_name = args.base.as_ref().map(|b| b.display().to_string());
    let Some(assessment) = imported.assessment.as_ref().filter(|_| !imported.failed()) else {
        return report(&imported.problems);
    };
    // The imported assessment meets the same rules as a file: findings point at their cells.
    let rules_ctx = Context {
        today: ctx.today,
        method: &config.method,
        levels: &config.levels,
    };
    let problems: Vec<Problem> = rules::check(assessment, &rules_ctx)
        .iter()
        .map(|d| imported.locate(d, base_name.as_deref()))
        .collect();
    if problems.iter().any(|p| p.level == Level::Error) {
        return report(&problems);
    }
    print(&problems)?;
    let yaml = yaml_of(&imported, &name)?;
    let mut inputs: Vec<&Path> = vec![&args.file];
    inputs.extend(args.base.as_deref());
    emit(args.output.as_deref(), yaml.as_bytes(), &inputs, &config)?;
    Ok(Status::Success)
}

/// The YAML of the imported assessment, checked to read back as the same file.
fn yaml_of(imported: &Imported, name: &str) -> Result<String, Error> {
    let Some(assessment) = &imported.assessment else {
        return Err(Error::Usage(format!("{name}: nothing to write")));
    };
    let yaml = load::to_yaml(assessment).map_err(|e| Error::Usage(format!("{name}: {e}")))?;
    let source = SourceFile {
        name: name.to_owned(),
        text: yaml.clone(),
    };
    if let Err(d) = load::parse(&source) {
        return Err(Error::Usage(format!(
            "{name}: the YAML written for it does not read back ({}); please report this",
            d.message
        )));
    }
    Ok(yaml)
}

/// Prints the problems and says that nothing was written (exit 1).
fn report(problems: &[Problem]) -> Result<Status, Error> {
    print(problems)?;
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    err(&format!(
        "hrdd: {errors} error{}; nothing written\n",
        if errors == 1 { "" } else { "s" }
    ))?;
    Ok(Status::Findings)
}

fn print(problems: &[Problem]) -> Result<(), Error> {
    let mut text = String::new();
    for p in problems {
        text.push_str(&p.to_string());
        text.push('\n');
    }
    err(&text)
}
