//! Turning the YAML crate's errors into hrdd diagnostics.

use serde_saphyr::Error;
use serde_saphyr::budget::BudgetBreach;

use super::SourceFile;
use super::spanned::pos;
use crate::diagnostic::Diagnostic;
use crate::model::Pos;
use crate::rules::Rule;
use crate::suggest;

pub(super) fn to_diagnostic(
    error: Error,
    source: &SourceFile,
    version_probe: fn(&str) -> Option<(i64, Pos)>,
) -> Diagnostic {
    let error = unwrap(error);
    let at = error.location().map(|l| pos(&l)).unwrap_or(Pos::new(1, 1));
    if !matches!(error, Error::Budget { .. } | Error::Eof { .. }) {
        if let Some((version, vpos)) = version_probe(&source.text) {
            if version != 1 {
                return unsupported_version(version, vpos);
            }
        }
    }
    let key = key_at(&source.text, at);
    let field = key
        .as_deref()
        .map_or_else(|| "this value ".to_owned(), |k| format!("`{k}` "));
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => Diagnostic::new(Rule::UnknownKey, at, format!("unknown key `{field}`"))
            .label("not a key of format v1 here")
            .help(
                suggest::help(&field, expected.iter().copied())
                    .unwrap_or_else(|| format!("allowed keys here: {}", expected.join(", "))),
            ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => Diagnostic::new(
            Rule::InvalidEnumValue,
            at,
            format!("{field}cannot be `{variant}`"),
        )
        .label("not an allowed value")
        .help(match suggest::did_you_mean(&variant, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? allowed: {}", expected.join(", ")),
            None => format!("allowed: {}", expected.join(", ")),
        }),
        Error::SerdeMissingField { field, .. } => Diagnostic::new(
            Rule::MissingField,
            at,
            format!("missing required field `{field}`"),
        )
        .label(format!("the mapping around here has no `{field}`"))
        .help(format!("add `{field}:` to this item (see format.md)")),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => wrong_type(at, &field, &expected, Some(&unexpected)),
        Error::Unexpected { expected, .. } => wrong_type(at, &field, expected, None),
        Error::SerdeInvalidLength { expected, .. } => wrong_type(at, &field, &expected, None),
        Error::NullIntoString { .. } => Diagnostic::new(
            Rule::EmptyValue,
            at,
            format!("{field}has no value"),
        )
        .help("write the value after the colon, or remove the key if it is optional"),
        Error::DuplicateMappingKey { key, .. } => Diagnostic::new(
            Rule::DuplicateKey,
            at,
            match key {
                Some(k) => format!("the key `{k}` appears twice in this mapping"),
                None => "a key appears twice in this mapping".to_owned(),
            },
        )
        .help("keep one of the two entries"),
        Error::Budget { breach, .. } => budget(at, &breach),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => Diagnostic::new(
            Rule::ResourceLimit,
            at,
            "the file expands YAML aliases beyond the parser's alias budget",
        )
        .help("write the values out instead of repeating them through aliases"),
        Error::Eof { .. } => Diagnostic::new(Rule::YamlSyntax, at, "the file is empty")
            .help("an assessment starts with `hrdd: 1` and an `assessment:` mapping; `hrdd init` is a starting point"),
        Error::MultipleDocuments { .. } => Diagnostic::new(
            Rule::YamlSyntax,
            at,
            "the file holds more than one YAML document",
        )
        .help("keep one assessment per file, without a second `---`"),
        other => {
            let text = other.to_string();
            let help = if text.contains("tab") {
                "YAML indents with spaces: replace the tab with spaces"
            } else {
                "check indentation (spaces, not tabs), quotes and colons on this line"
            };
            Diagnostic::new(
                Rule::YamlSyntax,
                at,
                format!("YAML syntax error: {}", strip_location(&text)),
            )
            .help(help)
        }
    }
}

fn unwrap(error: Error) -> Error {
    match error {
        Error::WithSnippet { error, .. } => unwrap(*error),
        other => other,
    }
}

fn unsupported_version(version: i64, at: Pos) -> Diagnostic {
    Diagnostic::new(
        Rule::UnsupportedVersion,
        at,
        format!("format version {version} is not supported"),
    )
    .label("this hrdd reads format version 1")
    .help("write `hrdd: 1`, or use the hrdd release that reads this version")
}

fn wrong_type(at: Pos, field: &str, expected: &str, found: Option<&str>) -> Diagnostic {
    let expected = plain_type(expected);
    let message = match found {
        Some(found) => format!("{field}must be {expected}, found {}", plain_type(found)),
        None => format!("{field}must be {expected}"),
    };
    Diagnostic::new(Rule::WrongType, at, message)
        .label(format!("expected {expected}"))
        .help(format!("write {expected} here (see format.md for this field)"))
}

/// Speaks of YAML shapes in the words of the format rather than of serde.
fn plain_type(t: &str) -> String {
    let t = t.trim();
    let s = match t {
        "sequence start" | "a sequence" | "sequence" => "a list",
        "mapping start" | "a map" | "map" | "struct Assessment" => "a mapping",
        "string scalar" | "a string" | "string" => "text",
        "i64" | "an integer" | "integer" => "a whole number",
        "a boolean" | "boolean" => "true or false",
        "unit value" => "an empty value",
        _ if t.starts_with("struct ") => "a mapping",
        _ if t.starts_with("sequence") || t.starts_with("a sequence") => "a list",
        _ if t.starts_with("integer `") => return format!("the number {}", &t[8..]),
        _ if t.starts_with("string ") => return format!("the text {}", &t[7..]),
        _ if t.starts_with("boolean `") => return format!("the boolean {}", &t[9..]),
        _ => t,
    };
    s.to_owned()
}

fn budget(at: Pos, breach: &BudgetBreach) -> Diagnostic {
    let (what, help) = match breach {
        BudgetBreach::Depth { .. } => (
            format!("nesting deeper than {} levels", super::MAX_DEPTH),
            "format v1 nests a few levels deep; this file is not an assessment",
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!("more than {} YAML nodes", super::MAX_NODES),
            "split the assessment into several files",
        ),
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
            format!(
                "more YAML aliases than the parser's budget ({} aliases, at most 10 per anchor)",
                super::MAX_ALIASES
            ),
            "write the values out instead of repeating them through aliases",
        ),
        BudgetBreach::Documents { .. } => (
            "more than one YAML document".to_owned(),
            "keep one assessment per file, without a second `---`",
        ),
        other => (
            format!("{other:?}"),
            "this file exceeds what an assessment needs; check where it came from",
        ),
    };
    Diagnostic::new(
        Rule::ResourceLimit,
        at,
        format!("refused: the YAML parser's budget was exceeded ({what})"),
    )
    .help(help)
}

fn strip_location(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
        .trim()
}

/// The key a value at `at` belongs to, read from the text around it, for messages.
fn key_at(text: &str, at: Pos) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let index = (at.line as usize).checked_sub(1)?;
    let line = *lines.get(index)?;
    let col = (at.column as usize).saturating_sub(1);
    let before: String = line.chars().take(col).collect();
    if let Some(key) = key_before(&before) {
        return Some(key);
    }
    // A block value: the key is on an earlier, less indented line.
    let indent = line.len() - line.trim_start().len();
    lines[..index].iter().rev().find_map(|l| {
        let i = l.len() - l.trim_start().len();
        let t = l.trim_start().trim_start_matches("- ");
        (i < indent && !t.starts_with('#'))
            .then(|| t.split_once(':').map(|(k, _)| k.trim().to_owned()))
            .flatten()
    })
}

fn key_before(before: &str) -> Option<String> {
    let t = before.trim_end();
    let t = t.strip_suffix(':')?;
    let key = t.trim_start().trim_start_matches("- ").trim();
    (!key.is_empty() && !key.contains(' ')).then(|| key.to_owned())
}
