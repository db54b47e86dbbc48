//! What `validate` and `check` share: finding files in folders, checking each, and printing
//! the findings in the chosen format, to stdout or atomically to `--output-file`.

use std::path::{Path, PathBuf};

use annotate_snippets::Renderer;
use clap::ValueEnum;
use rayon::prelude::*;

use super::{Ctx, Error, Status, err, out};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level, Summary};
use crate::load::{self, Origin, walk};
use crate::output::write::write_atomic;
use crate::output::{self, FileFindings};
use crate::pipeline::{self, Checked};
use crate::rules::{Gates, Rule};

/// Arguments shared by `validate` and `check`.
#[derive(Debug, clap::Args)]
pub struct Inputs {
    /// Assessment files, or folders to search for `*.yaml` and `*.yml` files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format: `human` diagnostics on stderr; the others on stdout (or --output-file).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the --format output to this file (replaced atomically) and show human
    /// diagnostics on stderr.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
}

/// Output formats for findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with the source line.
    Human,
    /// `{"diagnostics": [...], "summary": {...}}`.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one test suite per file, one test case per rule.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

/// The files checked in one run.
pub(super) struct Run {
    pub(super) checked: Vec<Checked>,
    rules: Vec<Vec<Rule>>,
    pub(super) skipped: Vec<PathBuf>,
    /// An entry of a folder could not be read (already reported).
    pub(super) failed: bool,
}

/// Checks every file under `inputs.paths`, with `gates` for `hrdd check`, and reports.
pub(super) fn run(
    ctx: &Ctx,
    inputs: &Inputs,
    gates: Option<&Gates>,
    fail_on: Level,
) -> Result<Status, Error> {
    let config = ctx.config()?;
    if inputs.output_file.is_some() && inputs.format == Format::Human {
        return Err(Error::Usage(
            "--output-file needs a machine format: --format json, github, sarif, junit or gitlab"
                .into(),
        ));
    }
    let run = check_all(ctx, &config, &inputs.paths, gates)?;
    let mut status = if run.failed {
        Status::Failure
    } else {
        Status::Success
    };
    if run
        .checked
        .iter()
        .flat_map(|c| &c.diagnostics)
        .any(|d| d.level >= fail_on)
    {
        status = status.worst(Status::Findings);
    }
    let files: Vec<FileFindings<'_>> = run
        .checked
        .iter()
        .zip(&run.rules)
        .map(|(c, rules)| FileFindings {
            name: c.source.as_ref().map_or_else(
                || c.diagnostics.first().map_or("", |d| d.file.as_str()),
                |s| s.name.as_str(),
            ),
            diagnostics: &c.diagnostics,
            rules: rules.clone(),
        })
        .collect();
    let all: Vec<Diagnostic> = run
        .checked
        .iter()
        .flat_map(|c| c.diagnostics.iter().cloned())
        .collect();
    let summary = Summary::of(run.checked.len(), &all);
    let machine = match inputs.format {
        Format::Human => None,
        Format::Json => Some(output::json::render(&all, summary)),
        Format::Github => Some(output::github::render(&all)),
        Format::Sarif => Some(output::sarif::render(&all)),
        Format::Junit => Some(output::junit::render(&files, fail_on)),
        Format::Gitlab => Some(output::gitlab::render(&all)),
    };
    match (machine, &inputs.output_file) {
        (None, _) => human(&run.checked, &run.skipped, &summary)?,
        (Some(text), None) => out(&text)?,
        (Some(text), Some(path)) => {
            // Never over one of the files being checked.
            let checked: Vec<&Path> = run
                .checked
                .iter()
                .filter_map(|c| c.source.as_ref())
                .map(|s| Path::new(s.name.as_str()))
                .collect();
            write_atomic(path, text.as_bytes(), &checked)?;
            human(&run.checked, &run.skipped, &summary)?;
        }
    }
    Ok(status)
}

pub(super) fn check_all(
    ctx: &Ctx,
    config: &Config,
    paths: &[PathBuf],
    gates: Option<&Gates>,
) -> Result<Run, Error> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Usage(format!("cannot read the current directory: {e}")))?;
    let base = config
        .base_dir()
        .filter(|p| !p.as_os_str().is_empty())
        .and_then(|p| std::path::absolute(p).ok())
        .unwrap_or(cwd);
    let found = walk::discover(paths, &config.exclude, &base);
    let mut run = Run {
        checked: Vec::with_capacity(found.inputs.len()),
        rules: Vec::with_capacity(found.inputs.len()),
        skipped: Vec::new(),
        failed: false,
    };
    for problem in &found.problems {
        err(&format!("hrdd: error: {problem}\n"))?;
        run.failed = true;
    }
    // Files are checked on all cores; results keep the sorted order of `found.inputs`.
    let outcomes: Vec<Outcome> = found
        .inputs
        .par_iter()
        .map(
            |input| match load::read_file(&input.path, config.max_file_bytes) {
                Err(e) => Outcome::Unreadable(e),
                Ok(Err(d)) => Outcome::Checked(Box::new(Checked {
                    source: None,
                    assessment: None,
                    diagnostics: vec![d],
                })),
                Ok(Ok(source)) => {
                    if !input.explicit && !load::looks_like_assessment(&source.text) {
                        Outcome::Skipped(input.path.clone())
                    } else {
                        Outcome::Checked(Box::new(pipeline::check_source(
                            source, config, ctx.today,
                        )))
                    }
                }
            },
        )
        .collect();
    for outcome in outcomes {
        let mut checked = match outcome {
            Outcome::Unreadable(e) => {
                err(&format!("hrdd: error: {e}\n"))?;
                run.failed = true;
                continue;
            }
            Outcome::Skipped(path) => {
                run.skipped.push(path);
                continue;
            }
            Outcome::Checked(c) => *c,
        };
        let gated =
            gates.is_some_and(|g| pipeline::apply_gates(&mut checked, config, ctx.today, g));
        run.rules
            .push(rules_run(&checked, config, gates.filter(|_| gated)));
        run.checked.push(checked);
    }
    if run.checked.is_empty() && !run.failed {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        let skipped = if run.skipped.is_empty() {
            String::new()
        } else {
            format!(
                " ({} YAML file{} without a top-level `hrdd:` key skipped)",
                run.skipped.len(),
                if run.skipped.len() == 1 { "" } else { "s" }
            )
        };
        return Err(Error::Usage(format!(
            "no assessment files found in {}{skipped}",
            names.join(", ")
        )));
    }
    Ok(run)
}

/// Reads and validates one file (or `REV:PATH`) for a command that needs a valid model
/// (`assess`, `report`): prints its errors and returns `None`, or notes its warnings.
pub(super) fn valid_file(
    origin: &Origin,
    config: &Config,
    today: crate::model::Date,
) -> Result<Option<Checked>, Error> {
    let checked = match origin.read(config.max_file_bytes)? {
        Ok(source) => pipeline::check_source(source, config, today),
        Err(d) => Checked {
            source: None,
            assessment: None,
            diagnostics: vec![d],
        },
    };
    if checked.valid().is_none() {
        let summary = Summary::of(1, &checked.diagnostics);
        human(std::slice::from_ref(&checked), &[], &summary)?;
        return Ok(None);
    }
    note_warnings(&origin.name(), &checked)?;
    Ok(Some(checked))
}

/// One line on stderr when a file that is used (not validated) has warnings.
pub(super) fn note_warnings(name: &str, checked: &Checked) -> Result<(), Error> {
    let n = checked.diagnostics.len();
    if n > 0 {
        err(&format!(
            "hrdd: {name} has {n} warning{}; `hrdd validate` shows them\n",
            if n == 1 { "" } else { "s" }
        ))?;
    }
    Ok(())
}

/// What became of one file found.
enum Outcome {
    Checked(Box<Checked>),
    Skipped(PathBuf),
    Unreadable(load::ReadError),
}

/// The rules that ran on a file: all configured ones when it parsed, else those that fired.
fn rules_run(checked: &Checked, config: &Config, gates: Option<&Gates>) -> Vec<Rule> {
    let parsed = checked.assessment.is_some()
        && !checked
            .diagnostics
            .iter()
            .any(|d| d.rule == Rule::UnsupportedVersion);
    let mut rules: Vec<Rule> = if parsed {
        Rule::ALL
            .iter()
            .copied()
            .filter(|r| r.family() != crate::rules::Family::Gate)
            .filter(|r| config.levels.level(*r).is_some())
            .collect()
    } else {
        checked.diagnostics.iter().map(|d| d.rule).collect()
    };
    if let Some(g) = gates {
        rules.extend(g.enabled());
    }
    rules.sort_unstable_by_key(|r| Rule::ALL.iter().position(|x| x == r));
    rules.dedup();
    rules
}

/// Human diagnostics on stderr, a line per file when there are several, and the summary.
pub(super) fn human(
    checked: &[Checked],
    skipped: &[PathBuf],
    summary: &Summary,
) -> Result<(), Error> {
    let renderer = Renderer::styled();
    let mut text = String::new();
    for c in checked {
        let lines = c
            .source
            .as_ref()
            .map(|s| output::human::Lines::new(&s.text));
        for d in &c.diagnostics {
            text.push_str(&output::human::render(d, lines.as_ref(), &renderer));
            text.push_str("\n\n");
        }
    }
    if checked.len() > 1 {
        for c in checked {
            let name = c
                .source
                .as_ref()
                .map(|s| s.name.as_str())
                .or_else(|| c.diagnostics.first().map(|d| d.file.as_str()))
                .unwrap_or_default();
            text.push_str(&output::human::file_line(name, &c.diagnostics));
            text.push('\n');
        }
    }
    for path in skipped {
        text.push_str(&format!(
            "skipped {}: no top-level `hrdd:` key, not an assessment\n",
            path.display()
        ));
    }
    text.push_str(&output::human::summary(summary));
    text.push('\n');
    err(&text)
}
