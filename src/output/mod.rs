//! Rendering findings, rankings and diffs: one small module per format, and atomic file output.

pub mod assess;
pub mod coverage;
pub mod diff;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod portfolio;
pub mod rights;
pub mod sarif;

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// The findings of one file, as the findings formats need them.
#[derive(Debug, Clone)]
pub struct FileFindings<'a> {
    /// The file as the user named it.
    pub name: &'a str,
    /// Every finding, sorted by position.
    pub diagnostics: &'a [Diagnostic],
    /// The rules that ran on the file, in code order (JUnit lists one test case per rule).
    pub rules: Vec<Rule>,
}

/// A user-given path relative to the current folder with forward slashes, as CI systems
/// expect; `None` for an absolute path outside the current folder.
pub fn relative_path(file: &str) -> Option<String> {
    let path = std::path::Path::new(file);
    let relative = if path.is_absolute() {
        let cwd = std::env::current_dir().ok()?;
        path.strip_prefix(cwd).ok()?.to_path_buf()
    } else {
        path.to_path_buf()
    };
    let s = relative.to_string_lossy().replace('\\', "/");
    Some(
        s.strip_prefix("./")
            .map_or_else(|| s.clone(), str::to_owned),
    )
}

/// A user-given path as a URI reference (SARIF): relative with forward slashes and
/// percent-encoded, or a `file://` URI for a path outside the current folder.
pub fn artifact_uri(file: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const PATH: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b']')
        .add(b'\\')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    match relative_path(file) {
        Some(r) => utf8_percent_encode(&r, PATH).to_string(),
        None => {
            let s = file.replace('\\', "/");
            let s = if s.starts_with('/') {
                s
            } else {
                format!("/{s}")
            };
            format!("file://{}", utf8_percent_encode(&s, PATH))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_with_forward_slashes_and_encoded() {
        assert_eq!(artifact_uri("a/b c.yaml"), "a/b%20c.yaml");
        assert_eq!(artifact_uri("./a.yaml"), "a.yaml");
        assert_eq!(artifact_uri("a\\b.yaml"), "a/b.yaml");
        assert_eq!(
            artifact_uri("/nowhere/x#1.yaml"),
            "file:///nowhere/x%231.yaml"
        );
    }
}
pub mod write;
