//! Finding assessment files in folders.
//!
//! `*.yaml` and `*.yml` files are found recursively, sorted by path; hidden files and folders,
//! paths ignored by git (`.gitignore`, inside a git work tree) and `[files] exclude` globs are
//! skipped. A walk never stops at a problem: a symlink loop or an unreadable folder is recorded
//! with its path and the walk goes on.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use super::ReadError;
use crate::config::Exclude;

/// A file to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Named on the command line (checked whatever it holds), not found in a folder.
    pub explicit: bool,
}

/// What a set of command-line paths expands to.
#[derive(Debug, Default)]
pub struct Found {
    /// Files in command-line order, each folder's files sorted by path, no file twice.
    pub inputs: Vec<Input>,
    /// Entries that could not be read while walking.
    pub problems: Vec<ReadError>,
}

/// Expands folders among `paths` into the YAML files under them.
///
/// `exclude` globs match paths relative to `base` (the folder of hrdd.toml, or the current
/// folder), or the path as walked.
pub fn discover(paths: &[PathBuf], exclude: &Exclude, base: &Path) -> Found {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    let mut push = |found: &mut Found, input: Input| {
        if seen.insert(input.path.clone()) {
            found.inputs.push(input);
        }
    };
    for path in paths {
        if !path.is_dir() {
            push(
                &mut found,
                Input {
                    path: path.clone(),
                    explicit: true,
                },
            );
            continue;
        }
        let exclude = exclude.clone();
        let base = base.to_owned();
        let walk = WalkBuilder::new(path)
            .standard_filters(false)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(true)
            .parents(true)
            .follow_links(true)
            .sort_by_file_name(Ord::cmp)
            .filter_entry(move |e| e.depth() == 0 || !excluded(&exclude, &base, e.path()))
            .build();
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_yaml(e.path()) => {
                    // `validate .` names files `a/b.yaml`, not `./a/b.yaml`.
                    let path = match e.path().strip_prefix(".") {
                        Ok(rest) if path.as_os_str() == "." => rest.to_path_buf(),
                        _ => e.into_path(),
                    };
                    push(
                        &mut found,
                        Input {
                            path,
                            explicit: false,
                        },
                    );
                }
                Ok(_) => {}
                Err(e) => found.problems.push(problem(path, &e)),
            }
        }
    }
    found
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn excluded(exclude: &Exclude, base: &Path, path: &Path) -> bool {
    if exclude.patterns.is_empty() {
        return false;
    }
    let relative = std::path::absolute(path)
        .ok()
        .and_then(|abs| abs.strip_prefix(base).ok().map(Path::to_path_buf));
    exclude.matches(path.strip_prefix("./").unwrap_or(path))
        || relative.is_some_and(|r| exclude.matches(&r))
}

/// Names the path a walk error is about, and what went wrong there.
fn problem(root: &Path, error: &ignore::Error) -> ReadError {
    fn find(e: &ignore::Error) -> (Option<PathBuf>, String) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path.clone()), find(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                find(err)
            }
            ignore::Error::Loop { ancestor, child } => (
                Some(child.clone()),
                format!(
                    "symbolic link loop: it points back to {}; the walk skipped it",
                    ancestor.display()
                ),
            ),
            other => {
                let text = other.to_string();
                // walkdir's text repeats the path: "IO error for operation on P: reason".
                let reason = match text.strip_prefix("IO error for operation on ") {
                    Some(rest) => rest.rsplit_once(": ").map_or(rest, |(_, r)| r).to_owned(),
                    None => text,
                };
                (None, reason)
            }
        }
    }
    let (path, message) = find(error);
    ReadError::Walk {
        path: path
            .unwrap_or_else(|| root.to_owned())
            .display()
            .to_string(),
        message,
    }
}
