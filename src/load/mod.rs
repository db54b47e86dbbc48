//! Reading assessment files: the only module that knows the YAML crate.
//!
//! Text becomes the typed, spanned [`Assessment`]; whatever stops that is one located
//! [`Diagnostic`]. Problems of meaning are left to `rules`, which reports them all at once.

mod errors;
pub mod git;
pub use git::Origin;
mod spanned;
pub mod walk;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::{Assessment, Pos};
use crate::rules::Rule;

/// The default refusal threshold for one file: 64 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Parser budget: YAML nodes (mappings, lists, scalars) in one file.
///
/// A 10,000-risk assessment has about 600,000; the parser's own default (250,000) would refuse it.
pub const MAX_NODES: usize = 5_000_000;
/// Parser budget: nesting depth. Format v1 needs 6 levels; YAML bombs need thousands.
pub const MAX_DEPTH: usize = 64;
/// Parser budget: aliases (`*name`) in one file.
pub const MAX_ALIASES: usize = 10_000;

/// An assessment's text, with the name the user gave for it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

/// A file could not be read at all (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{path}: is a directory, not an assessment file")]
    IsDirectory { path: String },
    #[error("{spec}: git cannot read it: {reason}")]
    Git { spec: String, reason: String },
    #[error(
        "{spec}: reading a file at a git revision needs the `git` program, which could not be run ({error}); install git or give a file path"
    )]
    GitUnavailable { spec: String, error: std::io::Error },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
}

/// Reads a file, refusing it before parsing when it is larger than `max_bytes` or not UTF-8.
///
/// The outer error means the file could not be read; the inner one that its content is
/// refused (a finding, exit code 1).
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Result<SourceFile, Diagnostic>, ReadError> {
    let name = path.display().to_string();
    let io = |error| ReadError::Io {
        path: name.clone(),
        error,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        return Err(ReadError::IsDirectory { path: name });
    }
    if meta.len() > max_bytes {
        return Ok(Err(too_large(&name, meta.len(), max_bytes)));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    // A file can grow between metadata and read.
    if bytes.len() as u64 > max_bytes {
        return Ok(Err(too_large(&name, bytes.len() as u64, max_bytes)));
    }
    Ok(from_bytes(name, bytes))
}

/// Turns raw bytes into a source file, refusing anything that is not UTF-8.
pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(SourceFile { name, text })
        }
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
            let last_line = valid.rsplit(|b| *b == b'\n').next().unwrap_or_default();
            let column = String::from_utf8_lossy(last_line).chars().count() + 1;
            let mut d = Diagnostic::new(
                Rule::YamlSyntax,
                Pos::new(line as u32, column as u32),
                "the file is not valid UTF-8",
            )
            .help("save the file as UTF-8 (assessments are UTF-8 YAML)");
            d.file = name;
            Err(d)
        }
    }
}

fn too_large(name: &str, size: u64, limit: u64) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::ResourceLimit,
        Pos::new(1, 1),
        format!("the file is {size} bytes, above the limit of {limit} bytes"),
    )
    .help("split the assessment, or raise `max_file_bytes` under `[limits]` in hrdd.toml");
    d.file = name.to_owned();
    d
}

/// Whether a YAML text has a top-level `hrdd:` key, so that a folder walk can leave other
/// YAML files (CI workflows, compose files) alone. A flow mapping (`{...}`) is given the
/// benefit of the doubt and checked.
pub fn looks_like_assessment(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines().any(|line| {
        let key = ["hrdd", "\"hrdd\"", "'hrdd'"]
            .iter()
            .find_map(|k| line.strip_prefix(k));
        key.is_some_and(|rest| rest.trim_start().starts_with(':'))
    }) || text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && *l != "---")
        .is_some_and(|l| l.starts_with('{'))
}

/// Parses an assessment, or says (with its position) what stopped the parser.
pub fn parse(source: &SourceFile) -> Result<Assessment, Diagnostic> {
    serde_saphyr::from_str_with_options::<Assessment>(&source.text, options())
        .map_err(|e| errors::to_diagnostic(e, source, version_probe))
        .map_err(|mut d| {
            d.file.clone_from(&source.name);
            d
        })
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_NODES * 2;
    budget.max_depth = MAX_DEPTH;
    budget.max_aliases = MAX_ALIASES;
    budget.max_documents = 1;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.with_snippet = false;
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    options
}

/// Writes an assessment as format v1 YAML (for tools that create or convert assessments).
pub fn to_yaml(assessment: &Assessment) -> Result<String, WriteError> {
    serde_saphyr::to_string(assessment).map_err(|e| WriteError(e.to_string()))
}

/// An assessment could not be written as YAML.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the assessment as YAML: {0}")]
pub struct WriteError(String);

/// When a file does not parse, a version other than 1 explains it better than any detail.
fn version_probe(text: &str) -> Option<(i64, Pos)> {
    // A look at the top-level `hrdd:` line, not a second parse: a file that failed to parse
    // may be hostile, and parsing it again (aliases and all) would double its cost.
    text.lines().enumerate().find_map(|(i, line)| {
        let rest = line.strip_prefix("hrdd:")?;
        let value = rest.split('#').next()?.trim().trim_matches(['"', '\'']);
        let column = line.len() - rest.trim_start().len() + 1;
        let pos = Pos {
            line: u32::try_from(i + 1).ok()?,
            column: u32::try_from(column).ok()?,
            len: u32::try_from(value.len()).ok()?,
        };
        value.parse().ok().map(|v| (v, pos))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assessments_are_told_from_other_yaml() {
        assert!(looks_like_assessment("# c\nhrdd: 1\nassessment: {}\n"));
        assert!(looks_like_assessment("---\n\"hrdd\" : 1\n"));
        assert!(looks_like_assessment("{hrdd: 1}"));
        assert!(!looks_like_assessment("name: CI\non: [push]\njobs: {}\n"));
        assert!(!looks_like_assessment("  hrdd: 1\n"), "nested key");
        assert!(!looks_like_assessment("hrdd_version: 1\n"));
    }
}
