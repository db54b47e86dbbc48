//! What a board reads first: decisions, vulnerable groups, confidential items as counts.

use crate::model::{MitigationStatus, MitigationType, RiskStatus};
use crate::score::Score;

use super::scope::Scope;
use super::*;

pub(super) fn vulnerable_groups(scope: &Scope<'_>, holders: &[HolderView]) -> Vec<VulnerableGroup> {
    holders
        .iter()
        .filter(|h| h.vulnerable)
        .filter_map(|h| {
            let risks: Vec<RiskRef> = h
                .risks
                .iter()
                .filter(|r| r.status != RiskStatus::Closed.as_str())
                .cloned()
                .collect();
            if risks.is_empty() {
                return None;
            }
            // Engagement is judged on the whole file for internal and board readers; the
            // public one is not told, since a confidential engagement may be the only one.
            let engaged = (scope.audience != Audience::Public).then(|| {
                scope
                    .a
                    .engagements
                    .iter()
                    .any(|e| e.rights_holders.iter().any(|x| x.value == h.id))
            });
            Some(VulnerableGroup {
                id: h.id.clone(),
                name: h.name.clone(),
                vulnerability: h.vulnerability.clone(),
                estimated_number: h.estimated_number,
                engaged,
                risks,
            })
        })
        .collect()
}

pub(super) fn decisions(
    scope: &Scope<'_>,
    meta: &Meta,
    risks: &[RiskView],
    mitigations: &[MitigationView],
    overdue: &[MitigationView],
) -> Vec<Decision> {
    if scope.audience == Audience::Public {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !meta.approved {
        out.push(Decision {
            topic: "approval",
            text: format!(
                "Approve the assessment: version {} is still {}.",
                meta.version,
                if meta.status == "draft" {
                    "a draft"
                } else {
                    "in review"
                }
            ),
        });
    }
    if meta.review_overdue {
        out.push(Decision {
            topic: "review",
            text: format!(
                "Schedule the review of the assessment: it was due on {}.",
                meta.next_review
            ),
        });
    }
    let unanswered: Vec<&RiskView> = risks
        .iter()
        .filter(|r| r.salient && r.status != RiskStatus::Closed.as_str())
        .filter(|r| {
            let acting = r
                .mitigations
                .iter()
                .any(|m| m.status != MitigationStatus::Dropped.as_str());
            !acting && r.withheld.as_ref().is_none_or(|w| w.mitigations == 0)
        })
        .collect();
    // A few are named one by one; many become one decision, so the summary stays one page.
    if unanswered.len() <= 3 {
        for r in &unanswered {
            out.push(Decision {
                topic: "response",
                text: format!(
                    "Decide the response to salient risk {} ({}): no action is planned.",
                    r.id, r.title
                ),
            });
        }
    } else {
        let ids: Vec<&str> = unanswered.iter().map(|r| r.id.as_str()).collect();
        out.push(Decision {
            topic: "response",
            text: format!(
                "Decide the response to {} salient risks with no action planned: {}.",
                ids.len(),
                ids.join(", ")
            ),
        });
    }
    if !overdue.is_empty() {
        out.push(Decision {
            topic: "overdue",
            text: format!(
                "Agree new dates or resources for {} overdue action{}.",
                overdue.len(),
                if overdue.len() == 1 { "" } else { "s" }
            ),
        });
    }
    for m in mitigations
        .iter()
        .filter(|m| m.open && m.kind == MitigationType::EndRelationship.as_str())
    {
        out.push(Decision {
            topic: "end-relationship",
            text: format!(
                "Decide on ending a business relationship ({}): {} Ending it is a last resort and can itself harm people (UNGP 19).",
                m.id, m.action
            ),
        });
    }
    out
}

pub(super) fn withheld(scope: &Scope<'_>, inputs: &Inputs<'_>) -> Counts {
    let a = scope.a;
    let confidential = |s: &&Score| a.risks.get(s.index).is_some_and(|r| r.confidential);
    let scores = || inputs.ranking.scores.iter().filter(confidential);
    Counts {
        risks: scores().count(),
        salient_risks: scores().filter(|s| s.salient()).count(),
        products: a.products.iter().filter(|x| x.confidential).count(),
        relationships: a.relationships.iter().filter(|x| x.confidential).count(),
        rights_holders: a.rights_holders.iter().filter(|x| x.confidential).count(),
        rights: a.rights.iter().filter(|x| x.confidential).count(),
        mitigations: a.mitigations.iter().filter(|x| x.confidential).count(),
        overdue_mitigations: a
            .mitigations
            .iter()
            .filter(|m| m.confidential && scope.overdue(m).is_some())
            .count(),
        remedy_channels: a.remedy_channels.iter().filter(|x| x.confidential).count(),
        engagements: a.engagements.iter().filter(|x| x.confidential).count(),
        warnings: inputs
            .warnings
            .iter()
            .filter(|d| d.level != Level::Error && mentions_hidden(scope, d))
            .count(),
        total: 0,
        items: Vec::new(),
    }
    .sum()
}

pub(super) fn confidential_shown(r: &Report) -> usize {
    r.risks.iter().filter(|x| x.confidential).count()
        + r.mitigations.iter().filter(|x| x.confidential).count()
        + r.remedy_channels.iter().filter(|x| x.confidential).count()
        + r.engagements.iter().filter(|x| x.confidential).count()
        + r.products.iter().filter(|x| x.confidential).count()
        + r.relationships.iter().filter(|x| x.confidential).count()
        + r.rights_holders.iter().filter(|x| x.confidential).count()
        + r.engagements
            .iter()
            .flat_map(|e| &e.organisations)
            .filter(|o| o.confidential)
            .count()
}
