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
    if !matches!(error, Error::Budget { .. } | Error::Eof { .. })
        && let Some((version, vpos)) = version_probe(&source.text)
        && version != 1
    {
        return unsupported_version(version, vpos);
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
        Error::SerdeMissingField { field, .. } => {
            let (start, list) = mapping_start(&source.text, at);
            let place = list.map_or_else(String::new, |l| format!(" in this item of `{l}`"));
            Diagnostic::new(
                Rule::MissingField,
                start,
                format!("missing required field `{field}`{place}"),
            )
            .label(format!("this mapping has no `{field}`"))
            .help(format!("add `{field}:` to it (see format.md for the field)"))
        }
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
        Error::InvalidScalar { ty, .. } => {
            let found = token_at(&source.text, at);
            wrong_type(at, &field, ty, found.as_deref().map(|f| format!("`{f}`")).as_deref())
        }
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
        Error::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        }
        | Error::MultipleDocuments { .. } => Diagnostic::new(
            Rule::YamlSyntax,
            at,
            "the file holds more than one YAML document",
        )
        .help("keep one assessment per file, without a second `---`"),
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
            .help("an assessment starts with `hrdd: 1` and an `assessment:` mapping; the examples that ship with hrdd are a starting point"),
        other => {
            let text = other.to_string();
            if text.contains("recursion limit") {
                return Diagnostic::new(
                    Rule::ResourceLimit,
                    at,
                    "refused: nesting deeper than the YAML parser allows",
                )
                .help("format v1 nests a few levels deep; this file is not an assessment");
            }
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
        .help(format!(
            "write {expected} here (see format.md for this field)"
        ))
}

/// Speaks of YAML shapes in the words of the format rather than of serde.
fn plain_type(t: &str) -> String {
    let t = t.trim();
    let s = match t {
        "sequence start" | "a sequence" | "sequence" => "a list",
        "mapping start" | "a map" | "map" | "struct Assessment" => "a mapping",
        "string scalar" | "a string" | "string" => "text",
        "i64" | "u64" | "i32" | "u32" | "an integer" | "integer" => "a whole number",
        "bool" => "true or false",
        "a boolean" | "boolean" => "true or false",
        "unit value" => "an empty value",
        _ if t.starts_with("struct ") => "a mapping",
        _ if t.starts_with("sequence") || t.starts_with("a sequence") => "a list",
        _ if t.starts_with("integer `") => return format!("the number {}", &t[8..]),
        _ if t.starts_with("string ") => return format!("the text {}", &t[7..]),
        _ if t.starts_with("boolean `") => return format!("the boolean {}", &t[8..]),
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

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The scalar written at `at`, for messages.
fn token_at(text: &str, at: Pos) -> Option<String> {
    let line = text.lines().nth((at.line as usize).checked_sub(1)?)?;
    let rest: String = line
        .chars()
        .skip((at.column as usize).saturating_sub(1))
        .collect();
    let token = rest
        .split(" #")
        .next()?
        .trim()
        .trim_end_matches([',', ']', '}']);
    (!token.is_empty()).then(|| token.chars().take(60).collect())
}

/// Where the block mapping holding the key at `at` starts, and the list it is an item of.
///
/// serde reports a missing field at the end of the mapping; the start is where a reader looks.
fn mapping_start(text: &str, at: Pos) -> (Pos, Option<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let Some(index) = (at.line as usize)
        .checked_sub(1)
        .filter(|i| *i < lines.len())
    else {
        return (at, None);
    };
    let key_indent = (at.column as usize).saturating_sub(1);
    for i in (0..=index).rev() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let dash = indent(line);
        if trimmed.starts_with("- ") && dash + 2 == key_indent {
            let list = lines[..i].iter().rev().find_map(|l| {
                let t = l.trim_start();
                (indent(l) < dash || (indent(l) == dash && !t.starts_with('-')))
                    .then(|| t.strip_suffix(':').map(str::to_owned))
                    .flatten()
            });
            return (Pos::new(i as u32 + 1, key_indent as u32 + 1), list);
        }
        if dash < key_indent {
            return (Pos::new(i as u32 + 2, key_indent as u32 + 1).min(at), None);
        }
    }
    (Pos::new(1, 1).min(at), None)
}
