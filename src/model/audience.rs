//! Who an output is for (methodology.md, "Audiences and redaction").

use std::collections::HashSet;

use serde::Serialize;

use super::{Assessment, Id};

/// Who a report or diff is for; it decides what may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everything, confidential items marked as such.
    #[default]
    Internal,
    /// No engagement organisations; confidential items only as counts.
    Board,
    /// No confidential item, no engagement organisations, no owners' or assessors' names.
    Public,
}

impl Audience {
    /// The audience as written on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Audience::Internal => "internal",
            Audience::Board => "board",
            Audience::Public => "public",
        }
    }

    /// Whether confidential items are withheld from the details (board and public).
    pub const fn hides_confidential(self) -> bool {
        !matches!(self, Audience::Internal)
    }
}

/// The assessment as `audience` may see it: for board and public, confidential items are
/// removed, and so is every reference to one, so neither its id nor its text can appear.
/// Engagement organisations are cleared. Names of people are the caller's concern.
pub fn redact(a: &Assessment, audience: Audience) -> Assessment {
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
