//! `--format gitlab`: GitLab Code Quality JSON (a list of issues).

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Level};

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Content<'a>>,
}

#[derive(Serialize)]
struct Content<'a> {
    body: &'a str,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

/// Every finding as a Code Quality issue.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let issues: Vec<Issue<'_>> = diagnostics
        .iter()
        .map(|d| Issue {
            description: format!("{} {}: {}", d.rule.code(), d.rule.name(), d.message),
            check_name: d.rule.code(),
            fingerprint: fingerprint(d),
            severity: match d.level {
                Level::Error => "major",
                Level::Warning => "minor",
                Level::Info => "info",
            },
            location: Location {
                path: super::relative_path(&d.file).unwrap_or_else(|| d.file.clone()),
                lines: Lines {
                    begin: d.pos.line.max(1),
                },
            },
            content: d.help.as_deref().map(|body| Content { body }),
        })
        .collect();
    super::json::to_string(&issues)
}

/// A stable id of a finding: the same file, code, line and message give the same value.
fn fingerprint(d: &Diagnostic) -> String {
    let mut hasher = Sha256::new();
    for part in [
        d.file.as_str(),
        d.rule.code(),
        &d.pos.line.to_string(),
        d.message.as_str(),
    ] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}
