//! `--format json` for findings: `{"diagnostics": [...], "summary": {...}}`.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Summary};

#[derive(Serialize)]
struct Entry<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    code: &'static str,
    level: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Document<'a> {
    diagnostics: Vec<Entry<'a>>,
    summary: Summary,
}

/// The findings as one JSON document.
pub fn render(diagnostics: &[Diagnostic], summary: Summary) -> String {
    let doc = Document {
        diagnostics: diagnostics
            .iter()
            .map(|d| Entry {
                file: &d.file,
                line: d.pos.line,
                column: d.pos.column,
                code: d.rule.code(),
                level: d.level.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
        summary,
    };
    to_string(&doc)
}

/// Pretty JSON with a final newline; serialising these plain types cannot fail.
pub fn to_string<T: Serialize>(value: &T) -> String {
    let mut s =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
