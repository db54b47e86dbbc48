//! What each audience may see of an assessment (methodology.md, "Audiences and redaction").
//!
//! `internal` sees everything. `board` sees no engagement organisations, and confidential
//! items only as counts. `public` sees no confidential item, no engagement organisations and
//! no owners' or assessors' names. For both, a reference to a confidential item is dropped
//! from the item that makes it, so that neither its id nor its text can appear.

use serde_json::Value;

pub use crate::model::Audience;

/// Removes names of people from an item's JSON for the `public` audience.
pub fn scrub(value: &mut Value, audience: Audience) {
    if audience != Audience::Public {
        return;
    }
    if let Value::Object(map) = value {
        map.remove("owner");
        if let Some(Value::Array(assessors)) = map.get_mut("assessors") {
            for a in assessors {
                if let Value::Object(a) = a {
                    a.remove("name");
                }
            }
        }
    }
}
