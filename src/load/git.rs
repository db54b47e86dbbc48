//! Files at a git revision, read with the `git` program.
//!
//! The revision is passed as one argument after `--end-of-options`, never through a shell, so
//! a revision such as `--output=x` or `$(rm -rf /)` is only ever a (bad) revision name.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::{ReadError, SourceFile};
use crate::diagnostic::Diagnostic;

/// Where an assessment comes from: a file, or a file at a git revision (`REV:PATH`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// `PATH` (relative to the current directory) as it was at revision `REV`.
    Git { rev: String, path: String },
}

impl Origin {
    /// Reads a command-line argument: an existing file is a file (even with a `:` in its
    /// name); otherwise `REV:PATH` splits at the first `:`.
    pub fn parse(arg: &str) -> Origin {
        if Path::new(arg).exists() {
            return Origin::File(PathBuf::from(arg));
        }
        match arg.split_once(':') {
            Some((rev, path)) if !rev.is_empty() && !path.is_empty() => Origin::Git {
                rev: rev.to_owned(),
                path: path.to_owned(),
            },
            _ => Origin::File(PathBuf::from(arg)),
        }
    }

    /// The name used in diagnostics: the path, or `REV:PATH`.
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::Git { rev, path } => format!("{rev}:{path}"),
        }
    }

    /// Reads the text, refusing it (as a finding) above `max_bytes` or when not UTF-8.
    pub fn read(&self, max_bytes: u64) -> Result<Result<SourceFile, Diagnostic>, ReadError> {
        match self {
            Origin::File(path) => super::read_file(path, max_bytes),
            Origin::Git { rev, path } => {
                let bytes = blob(rev, path)?;
                let name = self.name();
                if bytes.len() as u64 > max_bytes {
                    return Ok(Err(super::too_large(&name, bytes.len() as u64, max_bytes)));
                }
                Ok(super::from_bytes(name, bytes))
            }
        }
    }
}

/// The content of `path` at `rev`, from `git cat-file blob`.
pub fn blob(rev: &str, path: &str) -> Result<Vec<u8>, ReadError> {
    let spec = format!("{rev}:{path}");
    // `./` makes the path relative to the current directory, as the user typed it.
    let relative = path.strip_prefix("./").unwrap_or(path);
    let output = Command::new("git")
        .args(["cat-file", "blob", "--end-of-options"])
        .arg(format!("{rev}:./{relative}"))
        .output()
        .map_err(|error| ReadError::GitUnavailable {
            spec: spec.clone(),
            error,
        })?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let reason = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    Err(ReadError::Git {
        spec,
        reason: if reason.is_empty() {
            format!("git exited with {}", output.status)
        } else {
            reason
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_argument_is_a_file_unless_it_names_a_revision() {
        assert_eq!(
            Origin::parse("Cargo.toml"),
            Origin::File("Cargo.toml".into())
        );
        assert_eq!(
            Origin::parse("main:examples/a.yaml"),
            Origin::Git {
                rev: "main".into(),
                path: "examples/a.yaml".into()
            }
        );
        assert_eq!(
            Origin::parse("HEAD~1:dir/a:b.yaml"),
            Origin::Git {
                rev: "HEAD~1".into(),
                path: "dir/a:b.yaml".into()
            }
        );
        assert_eq!(
            Origin::parse("missing.yaml"),
            Origin::File("missing.yaml".into())
        );
        assert_eq!(Origin::parse(":a.yaml"), Origin::File(":a.yaml".into()));
        assert_eq!(Origin::parse("HEAD:"), Origin::File("HEAD:".into()));
    }
}
