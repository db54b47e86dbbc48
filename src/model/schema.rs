//! The JSON Schema of format v1, generated from the model (`hrdd schema`).
//!
//! It serves editors (completion, hover help, early errors) and other tools; hrdd's own
//! rules check more than a schema can (references, consistency, UNGP expectations).

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::{Assessment, Organisation};

/// The schema as pretty JSON with a final newline.
pub fn json() -> String {
    let generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Assessment>();
    schema.insert("title".into(), "hrdd assessment, format version 1".into());
    let mut s =
        serde_json::to_string_pretty(&schema).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

/// A label such as a version: text, or a number YAML reads from `2026.2` written unquoted.
pub(super) fn label(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "number"] })
}

/// An optional [`label`].
pub(super) fn label_option(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "number", "null"] })
}

impl JsonSchema for Organisation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Organisation".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An organisation engaged: its name, or `{name, confidential}`.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "name": { "type": "string", "minLength": 1 },
                        "confidential": {
                            "type": "boolean",
                            "description": "Never shown outside the internal audience."
                        }
                    },
                    "required": ["name"],
                    "additionalProperties": false
                }
            ]
        })
    }
}
