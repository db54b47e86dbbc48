//! `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it.
//!
//! A small serde model of the parts hrdd fills: the tool with every rule (code, name,
//! descriptions, help, default level) and one result per finding with its region.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level};
use crate::rules::Rule;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    results: Vec<Finding>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: Properties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: &'static str,
    markdown: &'static str,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Finding {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

const fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// The findings as one SARIF log with a single run.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let repository = env!("CARGO_PKG_REPOSITORY");
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "hrdd",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: (!repository.is_empty()).then_some(repository),
                    rules: Rule::ALL.iter().map(|r| descriptor(*r)).collect(),
                },
            },
            results: diagnostics.iter().map(finding).collect(),
            column_kind: "unicodeCodePoints",
        }],
    };
    super::json::to_string(&log)
}

fn descriptor(rule: Rule) -> Descriptor {
    Descriptor {
        id: rule.code(),
        name: rule.name(),
        short_description: Text {
            text: rule.summary().to_owned(),
        },
        full_description: Text {
            text: section(rule.explanation(), "What it checks")
                .unwrap_or(rule.summary())
                .to_owned(),
        },
        help: Help {
            text: rule.explanation(),
            markdown: rule.explanation(),
        },
        default_configuration: Configuration {
            level: rule.default_level().map_or("none", level),
        },
        properties: Properties {
            tags: vec![match rule.family() {
                crate::rules::Family::Structure => "structure",
                crate::rules::Family::Consistency => "consistency",
                crate::rules::Family::Ungp => "ungp",
                crate::rules::Family::Gate => "gate",
            }],
        },
    }
}

fn finding(d: &Diagnostic) -> Finding {
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let region = (d.pos.line > 0).then(|| Region {
        start_line: d.pos.line,
        start_column: (d.pos.column > 0).then_some(d.pos.column),
        end_column: (d.pos.column > 0 && d.pos.len > 0).then_some(d.pos.column + d.pos.len),
    });
    Finding {
        rule_id: d.rule.code(),
        rule_index: Rule::ALL.iter().position(|r| *r == d.rule).unwrap_or(0),
        level: level(d.level),
        message: Text { text },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: super::artifact_uri(&d.file),
                },
                region,
            },
        }],
    }
}

/// The text of a `## heading` section of a rule's explanation, without the heading.
fn section<'a>(explanation: &'a str, heading: &str) -> Option<&'a str> {
    let marker = format!("## {heading}\n");
    let start = explanation.find(&marker)? + marker.len();
    let rest = &explanation[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_full_description() {
        for rule in Rule::ALL {
            let text = section(rule.explanation(), "What it checks");
            assert!(text.is_some_and(|t| !t.is_empty()), "{rule}");
        }
    }
}
