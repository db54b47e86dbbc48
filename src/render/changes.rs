//! "Changes since the previous version" for `--previous FILE`.
//!
//! Computed on two views of the same audience, so a change can only name what that audience
//! may see in both versions. Self-contained on purpose: a general `diff` may replace it.

use std::collections::HashMap;

use serde::Serialize;

use super::view::{Report, RiskView};

/// What changed between the previous version and this one.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub previous_version: String,
    pub previous_assessed_on: String,
    /// Risks in this version only, in rank order.
    pub added: Vec<Change>,
    /// Risks in the previous version only, in their previous rank order.
    pub removed: Vec<Change>,
    /// Risks whose band moved; `direction` is `up` or `down`.
    pub band_changes: Vec<Change>,
    /// Risks in both versions that became salient.
    pub newly_salient: Vec<Change>,
    /// Risks in both versions that are no longer salient.
    pub no_longer_salient: Vec<Change>,
    /// Status changes of risks, then of mitigations.
    pub status_changes: Vec<Change>,
    /// Whether anything above is non-empty.
    pub any: bool,
}

/// One change to one item.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// `risk` or `mitigation`.
    pub kind: &'static str,
    pub id: String,
    /// The risk's title, or the mitigation's action.
    pub title: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub direction: Option<&'static str>,
    /// For band changes: `now salient` or `no longer salient` when salience changed.
    pub note: Option<&'static str>,
}

fn band_rank(band: &str) -> u8 {
    match band {
        "critical" => 3,
        "high" => 2,
        "medium" => 1,
        _ => 0,
    }
}

fn risk_change(r: &RiskView, from: Option<String>, to: Option<String>) -> Change {
    Change {
        kind: "risk",
        id: r.id.clone(),
        title: r.title.clone(),
        from,
        to,
        direction: None,
        note: None,
    }
}

/// Compares the previous version's view with this one's.
pub fn compare(previous: &Report, current: &Report) -> Changes {
    fn by_rank(r: &Report) -> Vec<&RiskView> {
        let mut v: Vec<&RiskView> = r.risks.iter().collect();
        v.sort_by_key(|x| x.rank);
        v
    }
    let (old, new) = (by_rank(previous), by_rank(current));
    let old_ids: HashMap<&str, &RiskView> = old.iter().map(|r| (r.id.as_str(), *r)).collect();
    let new_ids: HashMap<&str, &RiskView> = new.iter().map(|r| (r.id.as_str(), *r)).collect();

    let mut c = Changes {
        previous_version: previous.assessment.version.clone(),
        previous_assessed_on: previous.assessment.assessed_on.clone(),
        added: Vec::new(),
        removed: Vec::new(),
        band_changes: Vec::new(),
        newly_salient: Vec::new(),
        no_longer_salient: Vec::new(),
        status_changes: Vec::new(),
        any: false,
    };
    for r in &new {
        let Some(was) = old_ids.get(r.id.as_str()) else {
            c.added.push(risk_change(r, None, Some(r.band.to_owned())));
            continue;
        };
        if was.band != r.band {
            let mut change = risk_change(r, Some(was.band.to_owned()), Some(r.band.to_owned()));
            change.direction = Some(if band_rank(r.band) > band_rank(was.band) {
                "up"
            } else {
                "down"
            });
            change.note = match (was.salient, r.salient) {
                (false, true) => Some("now salient"),
                (true, false) => Some("no longer salient"),
                _ => None,
            };
            c.band_changes.push(change);
        }
        if r.salient && !was.salient {
            c.newly_salient.push(risk_change(
                r,
                Some(was.band.to_owned()),
                Some(r.band.to_owned()),
            ));
        }
        if !r.salient && was.salient {
            c.no_longer_salient.push(risk_change(
                r,
                Some(was.band.to_owned()),
                Some(r.band.to_owned()),
            ));
        }
        if was.status != r.status {
            c.status_changes.push(risk_change(
                r,
                Some(was.status.to_owned()),
                Some(r.status.to_owned()),
            ));
        }
    }
    for r in &old {
        if !new_ids.contains_key(r.id.as_str()) {
            c.removed
                .push(risk_change(r, Some(r.band.to_owned()), None));
        }
    }
    let old_mitigations: HashMap<&str, &str> = previous
        .mitigations
        .iter()
        .map(|m| (m.id.as_str(), m.status))
        .collect();
    for m in &current.mitigations {
        if let Some(was) = old_mitigations.get(m.id.as_str())
            && *was != m.status
        {
            c.status_changes.push(Change {
                kind: "mitigation",
                id: m.id.clone(),
                title: m.action.clone(),
                from: Some((*was).to_owned()),
                to: Some(m.status.to_owned()),
                direction: None,
                note: None,
            });
        }
    }
    c.any = !(c.added.is_empty()
        && c.removed.is_empty()
        && c.band_changes.is_empty()
        && c.newly_salient.is_empty()
        && c.no_longer_salient.is_empty()
        && c.status_changes.is_empty());
    c
}
