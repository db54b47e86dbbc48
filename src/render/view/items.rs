//! One view per item of the assessment, built only from what the [`Scope`] lets through.

use crate::model::{
    BUILT_IN_RIGHTS, Engagement, Framework, Impact, Involvement, Mitigation, RemedyChannel, Risk,
};
use crate::score::{Method, Score};

use super::scope::{List, Scope};
use super::*;

pub(super) fn meta(scope: &Scope<'_>, inputs: &Inputs<'_>) -> Meta {
    let m = &scope.a.assessment;
    let public = scope.audience == Audience::Public;
    Meta {
        id: m.id.value.clone(),
        title: m.title.value.clone(),
        organization: m.organization.value.clone(),
        version: m.version.value.clone(),
        status: m.status.value.as_str(),
        approved: m.status.value == crate::model::AssessmentStatus::Approved,
        assessed_on: m.assessed_on.value.to_string(),
        next_review: m.next_review.value.to_string(),
        review_overdue: m.next_review.value.date().is_some_and(|d| d < inputs.today),
        owner: (!public).then(|| m.owner.value.clone()),
        scope: m.scope.as_ref().map(|s| s.value.clone()),
        trigger: m.trigger.as_ref().map(|t| t.value.as_str()),
        assessors: m
            .assessors
            .iter()
            .map(|x| AssessorView {
                name: (!public).then(|| x.name.value.clone()),
                role: x.role.as_ref().map(|r| r.value.clone()),
                external: x.external,
            })
            .collect(),
        approval: m.approval.as_ref().map(|x| ApprovalView {
            by: x.by.value.clone(),
            on: x.on.value.to_string(),
        }),
        frameworks: m
            .frameworks
            .iter()
            .map(|f| FrameworkView {
                id: f.value.as_str(),
                label: framework_label(f.value),
            })
            .collect(),
        previous: m.previous.as_ref().map(|p| p.value.clone()),
    }
}

pub(super) fn method_view(method: &Method) -> MethodView {
    let mut grid = [[Band::Low; 5]; 5];
    for (s, row) in grid.iter_mut().enumerate() {
        for (l, cell) in row.iter_mut().enumerate() {
            let severity = s as u8 + 1;
            *cell = match method {
                Method::SeverityFirst => Band::of_severity(severity),
                Method::Matrix(m) => m.cells[s][l],
                Method::Weighted(w) => w.band(f64::from(severity)),
            };
        }
    }
    MethodView {
        name: method.name(),
        description: match method {
            Method::SeverityFirst => {
                "Severity is the highest of scale, scope and remediability (UNGP 14); the band comes from severity alone, and likelihood only orders risks within a band (UNGP 24)."
            }
            Method::Matrix(_) => {
                "The band comes from a 5×5 severity × likelihood matrix, as in an enterprise risk register."
            }
            Method::Weighted(_) => {
                "Severity is the weighted mean of scale, scope and remediability; bands come from thresholds."
            }
        },
        departs_from_ungp24: method.departs_from_ungp24(),
        notice: method.departure_notice(),
        grid,
    }
}

pub(super) fn risk_view(
    scope: &Scope<'_>,
    r: &Risk,
    s: &Score,
    rank: usize,
    method: &Method,
) -> RiskView {
    let level = match method {
        Method::Weighted(_) => s.method_severity.round().clamp(1.0, 5.0) as u8,
        _ => s.severity,
    };
    let rights_holders = scope.resolve(&r.rights_holders, &scope.holders, Scope::holder_ref);
    RiskView {
        rank,
        id: r.id.value.clone(),
        title: r.title.value.clone(),
        description: r.description.as_ref().map(|d| d.value.clone()),
        band: s.band.as_str(),
        band_label: band_label(s.band),
        salient: s.salient(),
        severity: SeverityView {
            value: number(s.method_severity),
            level,
            scale: s.scale,
            scope: s.scope,
            remediability: s.remediability,
            sum: s.sum,
            rationale: r.severity.value.rationale.as_ref().map(|x| x.value.clone()),
        },
        impact: r.impact.value.as_str(),
        actual: r.impact.value == Impact::Actual,
        likelihood: s.likelihood,
        likelihood_label: likelihood_label(s.likelihood),
        residual_likelihood: s.residual,
        residual_label: likelihood_label(s.residual),
        irremediable: s.irremediable,
        vulnerable: rights_holders.iter().any(|h| h.vulnerable),
        involvement: r.involvement.value.as_str(),
        involvement_label: match r.involvement.value {
            Involvement::Cause => "the company causes it",
            Involvement::Contribute => "the company contributes to it",
            Involvement::DirectlyLinked => "directly linked through a business relationship",
        },
        expected_action: match r.involvement.value {
            Involvement::Cause => "cease or prevent the impact (UNGP 19)",
            Involvement::Contribute => {
                "cease or prevent the contribution and use leverage on the others (UNGP 19)"
            }
            Involvement::DirectlyLinked => {
                "use or build leverage to prevent or mitigate it (UNGP 19)"
            }
        },
        status: r.status().as_str(),
        confidential: r.confidential,
        products: scope.resolve(&r.products, &scope.products, |p| Named {
            id: p.id.value.clone(),
            name: p.name.value.clone(),
            confidential: p.confidential,
        }),
        relationships: scope.resolve(&r.relationships, &scope.relationships, |x| {
            RelationshipRef {
                id: x.id.value.clone(),
                name: x.name.value.clone(),
                kind: x.kind.value.as_str(),
                leverage: x.leverage.as_ref().map(|l| l.value.as_str()),
                confidential: x.confidential,
            }
        }),
        rights: r
            .rights
            .iter()
            .filter_map(|id| right_ref(scope, &id.value))
            .collect(),
        rights_holders,
        mitigations: scope.resolve(&r.mitigations, &scope.mitigations, |m| MitigationRef {
            id: m.id.value.clone(),
            action: m.action.value.clone(),
            kind: m.kind.value.as_str(),
            status: m.status.value.as_str(),
            overdue: scope.overdue(m).is_some(),
            confidential: m.confidential,
        }),
        remedy: scope.resolve(&r.remedy, &scope.channels, |c| Named {
            id: c.id.value.clone(),
            name: c.name.value.clone(),
            confidential: c.confidential,
        }),
        engagements: scope.resolve(&r.engagements, &scope.engagements, |e| EngagementRef {
            id: e.id.value.clone(),
            date: e.date.value.to_string(),
            method: e.method.value.as_str(),
            confidential: e.confidential,
        }),
        withheld: scope.withheld_refs(r),
    }
}

pub(super) fn right_ref(scope: &Scope<'_>, id: &str) -> Option<RightRef> {
    if let Some(c) = scope.rights.get(id) {
        return Some(RightRef {
            id: c.id.value.clone(),
            name: c.name.value.clone(),
            instruments: c.instruments.iter().map(|i| i.value.clone()).collect(),
            confidential: c.confidential,
        });
    }
    // A confidential custom right is absent from `scope.rights`; it never falls through to
    // the catalogue because custom ids cannot reuse built-in ones (S013).
    if scope.a.rights.iter().any(|c| c.id.value == id) {
        return None;
    }
    crate::model::built_in_right(id).map(|r| RightRef {
        id: r.id.to_owned(),
        name: r.name.to_owned(),
        instruments: r.instruments.iter().map(|&i| i.to_owned()).collect(),
        confidential: false,
    })
}

pub(super) fn mitigation_view(scope: &Scope<'_>, m: &Mitigation) -> MitigationView {
    let days = scope.overdue(m);
    MitigationView {
        id: m.id.value.clone(),
        action: m.action.value.clone(),
        kind: m.kind.value.as_str(),
        owner: (scope.audience != Audience::Public).then(|| m.owner.value.clone()),
        due: m.due.as_ref().map(|d| d.value.to_string()),
        status: m.status.value.as_str(),
        open: m.status.value.is_open(),
        overdue: days.is_some(),
        days_overdue: days,
        indicators: m
            .indicators
            .iter()
            .map(|i| IndicatorView {
                name: i.name.value.clone(),
                kind: i.kind.value.as_str(),
                target: i.target.as_ref().map(|x| x.value.clone()),
                current: i.current.as_ref().map(|x| x.value.clone()),
                source: i.source.as_ref().map(|x| x.value.as_str()),
            })
            .collect(),
        risks: scope.risks_citing(List::Mitigations, &m.id.value),
        confidential: m.confidential,
    }
}

/// UNGP 31 criteria: letter, name as written in YAML, label.
pub(super) const CRITERIA: [(&str, &str, &str); 8] = [
    ("a", "legitimate", "Legitimate"),
    ("b", "accessible", "Accessible"),
    ("c", "predictable", "Predictable"),
    ("d", "equitable", "Equitable"),
    ("e", "transparent", "Transparent"),
    ("f", "rights-compatible", "Rights-compatible"),
    ("g", "continuous-learning", "Continuous learning"),
    ("h", "engagement-and-dialogue", "Engagement and dialogue"),
];

pub(super) fn channel_view(scope: &Scope<'_>, c: &RemedyChannel) -> ChannelView {
    let eff = c.effectiveness.as_ref().map(|e| e.value.criteria());
    let criteria = CRITERIA
        .iter()
        .enumerate()
        .map(|(i, &(letter, name, _))| {
            let value = eff
                .as_ref()
                .and_then(|e| e.get(i))
                .and_then(|(_, _, v)| v.map(|v| v.value));
            let (value, label) = match value {
                Some(crate::model::Criterion::Met) => ("met", "met"),
                Some(crate::model::Criterion::Partial) => ("partial", "partly met"),
                Some(crate::model::Criterion::NotMet) => ("not-met", "not met"),
                Some(crate::model::Criterion::Unknown) => ("unknown", "unknown"),
                None => ("not-assessed", "not assessed"),
            };
            CriterionValue {
                letter,
                name,
                value,
                label,
            }
        })
        .collect();
    ChannelView {
        id: c.id.value.clone(),
        name: c.name.value.clone(),
        kind: c.kind.value.as_str(),
        accessible_to: scope.resolve(&c.accessible_to, &scope.holders, Scope::holder_ref),
        languages: c.languages.iter().map(|l| l.value.clone()).collect(),
        anonymous: c.anonymous,
        assessed: c.effectiveness.is_some(),
        criteria,
        risks: scope.risks_citing(List::Remedy, &c.id.value),
        confidential: c.confidential,
    }
}

pub(super) fn engagement_view(scope: &Scope<'_>, e: &Engagement) -> EngagementView {
    let organisations = if scope.audience == Audience::Internal {
        e.organisations
            .iter()
            .map(|o| OrganisationView {
                name: o.value.name.clone(),
                confidential: o.value.confidential,
            })
            .collect()
    } else {
        Vec::new()
    };
    EngagementView {
        id: e.id.value.clone(),
        date: e.date.value.to_string(),
        method: e.method.value.as_str(),
        rights_holders: scope.resolve(&e.rights_holders, &scope.holders, Scope::holder_ref),
        organisations,
        summary: e.summary.value.clone(),
        outcome: e.outcome.as_ref().map(|o| o.value.clone()),
        risks: scope.risks_citing(List::Engagements, &e.id.value),
        confidential: e.confidential,
    }
}

pub(super) fn holders(scope: &Scope<'_>) -> Vec<HolderView> {
    scope
        .a
        .rights_holders
        .iter()
        .filter(|h| scope.shows(h.confidential))
        .map(|h| HolderView {
            id: h.id.value.clone(),
            name: h.name.value.clone(),
            category: h.category.as_ref().map(|c| c.value.as_str()),
            vulnerable: h.vulnerable,
            vulnerability: h.vulnerability.iter().map(|v| v.value.clone()).collect(),
            estimated_number: h.estimated_number.as_ref().map(|n| n.value),
            risks: scope.risks_citing(List::RightsHolders, &h.id.value),
            confidential: h.confidential,
        })
        .collect()
}

pub(super) fn products(scope: &Scope<'_>) -> Vec<ProductView> {
    scope
        .a
        .products
        .iter()
        .filter(|p| scope.shows(p.confidential))
        .map(|p| ProductView {
            id: p.id.value.clone(),
            name: p.name.value.clone(),
            description: p.description.as_ref().map(|d| d.value.clone()),
            layer: p.layer.as_ref().map(|l| l.value.clone()),
            lifecycle: p.lifecycle.iter().map(|l| l.value.as_str()).collect(),
            markets: p.markets.iter().map(|m| m.value.clone()).collect(),
            risks: scope.risks_citing(List::Products, &p.id.value),
            confidential: p.confidential,
        })
        .collect()
}

pub(super) fn relationships(scope: &Scope<'_>) -> Vec<RelationshipView> {
    scope
        .a
        .relationships
        .iter()
        .filter(|x| scope.shows(x.confidential))
        .map(|x| RelationshipView {
            id: x.id.value.clone(),
            name: x.name.value.clone(),
            kind: x.kind.value.as_str(),
            layer: x.layer.as_ref().map(|l| l.value.clone()),
            leverage: x.leverage.as_ref().map(|l| l.value.as_str()),
            crucial: x.crucial,
            notes: x.notes.as_ref().map(|n| n.value.clone()),
            risks: scope.risks_citing(List::Relationships, &x.id.value),
            confidential: x.confidential,
        })
        .collect()
}

pub(super) fn rights(scope: &Scope<'_>) -> Vec<RightView> {
    let cited = |id: &str| scope.risks_citing(List::Rights, id);
    let built_in = BUILT_IN_RIGHTS.iter().map(|r| RightView {
        id: r.id.to_owned(),
        name: r.name.to_owned(),
        instruments: r.instruments.iter().map(|&i| i.to_owned()).collect(),
        custom: false,
        risks: cited(r.id),
    });
    let custom = scope
        .a
        .rights
        .iter()
        .filter(|c| scope.shows(c.confidential))
        .map(|c| RightView {
            id: c.id.value.clone(),
            name: c.name.value.clone(),
            instruments: c.instruments.iter().map(|i| i.value.clone()).collect(),
            custom: true,
            risks: cited(&c.id.value),
        });
    built_in
        .chain(custom)
        .filter(|r| !r.risks.is_empty())
        .collect()
}

pub(super) fn framework_label(f: Framework) -> &'static str {
    match f {
        Framework::Ungp => "UN Guiding Principles on Business and Human Rights",
        Framework::Oecd => "OECD Guidelines for Multinational Enterprises",
        Framework::Csddd => "EU Corporate Sustainability Due Diligence Directive",
        Framework::EuAiActFria => "EU AI Act fundamental rights impact assessment (Art. 27)",
        Framework::DsaSystemicRisk => "Digital Services Act systemic risk assessment (Art. 34–35)",
        Framework::GdprDpia => "GDPR data protection impact assessment (Art. 35)",
    }
}

pub(super) fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}
