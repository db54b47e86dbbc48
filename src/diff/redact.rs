//! What each audience may see of an assessment (methodology.md, "Audiences and redaction").
//!
//! `internal` sees everything. `board` sees no engagement organisations, and confidential
//! items only as counts. `public` sees no confidential item, no engagement organisations and
//! no owners' or assessors' names. For both, a reference to a confidential item is dropped
//! from the item that makes it, so that neither its id nor its text can appear.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::{Assessment, Id};

pub use crate::model::Audience;

/// The assessment as `audience` may see it.
pub fn view(a: &Assessment, audience: Audience) -> Assessment {
    let mut v = a.clone();
    if !audience.hides_confidential() {
        return v;
    }
    fn keep<T>(
        items: &mut Vec<T>,
        confidential: fn(&T) -> bool,
        id: fn(&T) -> &Id,
    ) -> HashSet<String> {
        let hidden = items
            .iter()
            .filter(|x| confidential(x))
            .map(|x| id(x).value.clone())
            .collect();
        items.retain(|x| !confidential(x));
        hidden
    }
    let products = keep(&mut v.products.value, |x| x.confidential, |x| &x.id);
    let relationships = keep(&mut v.relationships, |x| x.confidential, |x| &x.id);
    let holders = keep(&mut v.rights_holders.value, |x| x.confidential, |x| &x.id);
    let rights = keep(&mut v.rights, |x| x.confidential, |x| &x.id);
    keep(&mut v.risks, |x| x.confidential, |x| &x.id);
    let mitigations = keep(&mut v.mitigations, |x| x.confidential, |x| &x.id);
    let channels = keep(&mut v.remedy_channels, |x| x.confidential, |x| &x.id);
    let engagements = keep(&mut v.engagements, |x| x.confidential, |x| &x.id);
    let drop =
        |ids: &mut Vec<Id>, hidden: &HashSet<String>| ids.retain(|i| !hidden.contains(&i.value));
    for r in &mut v.risks {
        drop(&mut r.products.value, &products);
        drop(&mut r.rights.value, &rights);
        drop(&mut r.rights_holders.value, &holders);
        drop(&mut r.relationships, &relationships);
        drop(&mut r.mitigations, &mitigations);
        drop(&mut r.remedy, &channels);
        drop(&mut r.engagements, &engagements);
    }
    for c in &mut v.remedy_channels {
        drop(&mut c.accessible_to, &holders);
    }
    for e in &mut v.engagements {
        drop(&mut e.rights_holders, &holders);
        e.organisations.clear();
    }
    v
}

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
