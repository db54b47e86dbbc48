//! Field-level changes between two versions of an item, from its serialised form, so that
//! every field of the model is compared without listing them by hand.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

/// One changed field: its dotted path and the values on each side (`null` = absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Value,
    pub new: Value,
}

/// The changed fields, in path order. Mappings are compared key by key, lists of mappings
/// (indicators, assessors) item by item (`indicators[0].current`), other lists and scalars
/// as a whole.
pub fn changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    walk(String::new(), old, new, &mut out);
    out
}

fn walk(path: String, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for key in keys {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(
                    field,
                    a.get(key).unwrap_or(&Value::Null),
                    b.get(key).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(_) | Value::Null, Value::Array(_) | Value::Null)
            if mappings(old) && mappings(new) =>
        {
            let empty = Vec::new();
            let (a, b) = (
                old.as_array().unwrap_or(&empty),
                new.as_array().unwrap_or(&empty),
            );
            for i in 0..a.len().max(b.len()) {
                walk(
                    format!("{path}[{i}]"),
                    a.get(i).unwrap_or(&Value::Null),
                    b.get(i).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        _ => out.push(FieldChange {
            field: path,
            old: old.clone(),
            new: new.clone(),
        }),
    }
}

/// A list whose items are all mappings (or absent).
fn mappings(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Array(items) => !items.is_empty() && items.iter().all(Value::is_object),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_mappings_give_dotted_paths_and_absence_is_null() {
        let old = json!({"id": "r", "severity": {"scale": 3, "scope": 2}, "tags": ["a"]});
        let new = json!({"id": "r", "severity": {"scale": 4, "scope": 2}, "tags": ["a", "b"], "status": "closed"});
        let c = changes(&old, &new);
        let fields: Vec<&str> = c.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["severity.scale", "status", "tags"]);
        assert_eq!(c[0].old, json!(3));
        assert_eq!(c[1].old, Value::Null);
        assert_eq!(c[2].new, json!(["a", "b"]));
        assert!(changes(&old, &old).is_empty());
        let old = json!({"indicators": [{"name": "a", "current": "1"}]});
        let new = json!({"indicators": [{"name": "a", "current": "2"}, {"name": "b"}]});
        let fields: Vec<String> = changes(&old, &new).into_iter().map(|f| f.field).collect();
        assert_eq!(fields, ["indicators[0].current", "indicators[1]"]);
    }
}
