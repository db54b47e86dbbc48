//! Engagement coverage: who was engaged, when and how; which vulnerable groups affected by
//! salient risks never were; which engagements record no outcome.

use serde::Serialize;

use crate::model::{Assessment, Audience, Engagement, RiskStatus, redact};
use crate::score::{self, Basis, Method};

/// The engagement coverage of one assessment, as one audience may see it.
#[derive(Debug, Clone, Serialize)]
pub struct EngagementCoverage {
    /// Every rights-holder group shown, in file order.
    pub groups: Vec<GroupEngagement>,
    /// Vulnerable groups affected by an open salient risk that no engagement involved.
    /// `None` for the public audience: a confidential engagement may be the only one.
    pub vulnerable_not_engaged: Option<Vec<NeglectedGroup>>,
    /// Engagements with no `outcome`: nothing recorded as changed or told to participants.
    pub without_outcome: Vec<EngagementRef>,
    /// Engagements that involved no rights-holder group directly (experts, organisations).
    pub indirect: Vec<EngagementRef>,
}

/// How one rights-holder group was engaged.
#[derive(Debug, Clone, Serialize)]
pub struct GroupEngagement {
    pub id: String,
    pub name: String,
    pub vulnerable: bool,
    /// Whether any engagement in the whole file involved the group; `None` for public.
    pub engaged: Option<bool>,
    /// The engagements shown that involved it, by date.
    pub engagements: Vec<EngagementRef>,
    /// Open salient risks affecting the group, in rank order.
    pub salient_risks: Vec<String>,
}

/// An engagement, briefly.
#[derive(Debug, Clone, Serialize)]
pub struct EngagementRef {
    pub id: String,
    pub date: String,
    pub method: &'static str,
    /// Whether an `outcome` (what changed, how participants were told) is recorded.
    pub outcome: bool,
}

/// A vulnerable group affected by salient risks and never engaged.
#[derive(Debug, Clone, Serialize)]
pub struct NeglectedGroup {
    pub id: String,
    pub name: String,
    pub vulnerability: Vec<String>,
    pub risks: Vec<RiskRef>,
}

/// A risk, briefly.
#[derive(Debug, Clone, Serialize)]
pub struct RiskRef {
    pub id: String,
    pub title: String,
    pub band: &'static str,
}

fn brief(e: &Engagement) -> EngagementRef {
    EngagementRef {
        id: e.id.value.clone(),
        date: e.date.value.raw().to_owned(),
        method: e.method.value.as_str(),
        outcome: e.outcome.is_some(),
    }
}

/// The engagement coverage of a validated assessment for `audience`. Details come from the
/// redacted view; whether a group was engaged at all is judged on the whole file for
/// internal and board readers, and not said to the public.
pub fn engagement(full: &Assessment, method: &Method, audience: Audience) -> EngagementCoverage {
    let view = redact(full, audience);
    let ranking = score::rank(&view, method, Basis::Inherent);
    let mut engagements: Vec<&Engagement> = view.engagements.iter().collect();
    engagements
        .sort_by(|a, b| (a.date.value.raw(), &a.id.value).cmp(&(b.date.value.raw(), &b.id.value)));
    let public = audience == Audience::Public;
    let engaged_in_full = |id: &str| {
        full.engagements
            .iter()
            .any(|e| e.rights_holders.iter().any(|h| h.value == id))
    };
    let salient: Vec<_> = ranking
        .scores
        .iter()
        .filter(|s| s.salient())
        .filter_map(|s| view.risks.get(s.index).map(|r| (r, s.band)))
        .filter(|(r, _)| r.status() != RiskStatus::Closed)
        .collect();
    let groups: Vec<GroupEngagement> = view
        .rights_holders
        .iter()
        .map(|h| {
            let id = h.id.value.as_str();
            GroupEngagement {
                id: id.to_owned(),
                name: h.name.value.clone(),
                vulnerable: h.vulnerable,
                engaged: (!public).then(|| engaged_in_full(id)),
                engagements: engagements
                    .iter()
                    .filter(|e| e.rights_holders.iter().any(|x| x.value == id))
                    .map(|e| brief(e))
                    .collect(),
                salient_risks: salient
                    .iter()
                    .filter(|(r, _)| r.rights_holders.iter().any(|x| x.value == id))
                    .map(|(r, _)| r.id.value.clone())
                    .collect(),
            }
        })
        .collect();
    let vulnerable_not_engaged = (!public).then(|| {
        view.rights_holders
            .iter()
            .filter(|h| h.vulnerable && !engaged_in_full(&h.id.value))
            .filter_map(|h| {
                let risks: Vec<RiskRef> = salient
                    .iter()
                    .filter(|(r, _)| r.rights_holders.iter().any(|x| x.value == h.id.value))
                    .map(|(r, band)| RiskRef {
                        id: r.id.value.clone(),
                        title: r.title.value.clone(),
                        band: band.as_str(),
                    })
                    .collect();
                (!risks.is_empty()).then(|| NeglectedGroup {
                    id: h.id.value.clone(),
                    name: h.name.value.clone(),
                    vulnerability: h.vulnerability.iter().map(|v| v.value.clone()).collect(),
                    risks,
                })
            })
            .collect()
    });
    EngagementCoverage {
        groups,
        vulnerable_not_engaged,
        without_outcome: engagements
            .iter()
            .filter(|e| e.outcome.is_none())
            .map(|e| brief(e))
            .collect(),
        indirect: engagements
            .iter()
            .filter(|e| e.rights_holders.is_empty())
            .map(|e| brief(e))
            .collect(),
    }
}
