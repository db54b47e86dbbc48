//! The redacted view model: what one audience may see of an assessment, ready to render.
//!
//! Every redaction happens here, before any template runs: templates (built-in or a user's)
//! only ever receive a [`Report`], so a confidential item cannot reach a board or public
//! report through a template, a table, the heat map or a count. [`scope`] decides what is
//! visible; [`items`] and [`board`] build from what it lets through.

mod board;
mod items;
mod scope;
mod types;

pub use types::*;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level};
use crate::model::{Assessment, Date};
use crate::score::{Band, Ranking};

use super::heatmap::{self, Heatmap};
use board::{confidential_shown, decisions, vulnerable_groups, withheld};
use items::{
    CRITERIA, channel_view, engagement_view, holders, meta, method_view, mitigation_view, products,
    relationships, rights, risk_view,
};
use scope::Scope;

pub use crate::model::Audience;

const fn label(audience: Audience) -> &'static str {
    match audience {
        Audience::Internal => "Internal",
        Audience::Board => "Board",
        Audience::Public => "Public",
    }
}

/// A fixed sentence per audience: it never depends on the data, so it reveals nothing.
const fn note(audience: Audience) -> &'static str {
    match audience {
        Audience::Internal => {
            "Internal report: it contains every item, including those marked confidential. Do not publish it."
        }
        Audience::Board => {
            "Board report: engagement organisations are left out and items marked confidential are counted, not shown."
        }
        Audience::Public => {
            "Public report: items marked confidential, engagement organisations, owners and assessors' names are left out."
        }
    }
}

const fn nothing(audience: Audience) -> &'static str {
    match audience {
        Audience::Internal => "none",
        Audience::Board => "none shown",
        Audience::Public => "none disclosed",
    }
}

/// Everything a report is built from.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub assessment: &'a Assessment,
    pub ranking: &'a Ranking,
    /// Findings below error level (validation errors stop a report earlier).
    pub warnings: &'a [Diagnostic],
    pub audience: Audience,
    /// The day overdue flags compare against.
    pub today: Date,
    /// Printed on the report only when the user gave `--today`.
    pub generated_on: Option<Date>,
}

/// The template context: one audience's view of an assessment.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub audience: &'static str,
    pub audience_label: &'static str,
    pub audience_note: &'static str,
    /// The word for an empty list in this audience ("none", "none shown", "none disclosed").
    pub nothing: &'static str,
    pub generated_on: Option<String>,
    pub assessment: Meta,
    pub method: MethodView,
    pub summary: Summary,
    pub heatmap: Heatmap,
    /// Salient risks first, each group in rank order.
    pub risks: Vec<RiskView>,
    pub mitigations: Vec<MitigationView>,
    pub remedy_channels: Vec<ChannelView>,
    /// The UNGP 31 criteria, in order: the columns of the effectiveness table.
    pub criteria: Vec<CriterionHead>,
    /// Chronological.
    pub engagements: Vec<EngagementView>,
    pub products: Vec<ProductView>,
    pub relationships: Vec<RelationshipView>,
    pub rights_holders: Vec<HolderView>,
    /// The rights at stake in the risks shown, catalogue order first.
    pub rights: Vec<RightView>,
    pub warnings: Vec<WarningView>,
    /// What the board should decide (empty for the public audience).
    pub decisions: Vec<Decision>,
    /// Mitigations past their due date, earliest first.
    pub overdue: Vec<MitigationView>,
    pub vulnerable_groups: Vec<VulnerableGroup>,
    /// Board only: how many confidential items were left out.
    pub withheld: Option<Counts>,
    /// Internal only: how many items shown are marked confidential (0 otherwise).
    pub confidential_shown: usize,
    /// Filled when `--previous` is given.
    pub changes: Option<super::changes::Changes>,
    /// The ecosystem map, built from the same audience's redacted assessment.
    pub map: crate::map::Map,
}

/// Builds the view of `inputs.assessment` for `inputs.audience`.
pub fn build(inputs: &Inputs<'_>) -> Report {
    let scope = Scope::new(inputs);
    let a = inputs.assessment;
    let method = method_view(&inputs.ranking.method);

    let mut risks: Vec<RiskView> = scope
        .risks
        .iter()
        .enumerate()
        .map(|(i, (r, s))| risk_view(&scope, r, s, i + 1, &inputs.ranking.method))
        .collect();
    // Rank order already puts salient bands first under every method; keep that a guarantee.
    risks.sort_by_key(|r| !r.salient);

    let mut mitigations: Vec<(usize, MitigationView)> = a
        .mitigations
        .iter()
        .enumerate()
        .filter(|(_, m)| scope.shows(m.confidential))
        .map(|(i, m)| (i, mitigation_view(&scope, m)))
        .collect();
    // Mitigations of the highest-ranked risks first; unlinked ones last, in file order.
    mitigations.sort_by_key(|(i, m)| (m.risks.first().map_or(usize::MAX, |r| r.rank), *i));
    let mitigations: Vec<MitigationView> = mitigations.into_iter().map(|(_, m)| m).collect();

    let mut overdue: Vec<MitigationView> =
        mitigations.iter().filter(|m| m.overdue).cloned().collect();
    overdue.sort_by(|x, y| (&x.due, &x.id).cmp(&(&y.due, &y.id)));

    let remedy_channels: Vec<ChannelView> = a
        .remedy_channels
        .iter()
        .filter(|c| scope.shows(c.confidential))
        .map(|c| channel_view(&scope, c))
        .collect();

    let mut engagements: Vec<EngagementView> = a
        .engagements
        .iter()
        .filter(|e| scope.shows(e.confidential))
        .map(|e| engagement_view(&scope, e))
        .collect();
    engagements.sort_by(|x, y| (&x.date, &x.id).cmp(&(&y.date, &y.id)));

    let warnings: Vec<WarningView> = inputs
        .warnings
        .iter()
        .filter(|d| d.level != Level::Error && !mentions_hidden(&scope, d))
        .map(|d| WarningView {
            code: d.rule.code(),
            name: d.rule.name(),
            level: d.level.as_str(),
            message: d.message.clone(),
            help: d.help.clone(),
        })
        .collect();

    let rights_holders = holders(&scope);

    let vulnerable_groups = vulnerable_groups(&scope, &rights_holders);
    let meta = meta(&scope, inputs);
    let decisions = decisions(&scope, &meta, &risks, &mitigations, &overdue);
    let summary = Summary {
        risks: risks.len(),
        salient: risks.iter().filter(|r| r.salient).count(),
        actual: risks.iter().filter(|r| r.actual).count(),
        bands: [Band::Critical, Band::High, Band::Medium, Band::Low]
            .into_iter()
            .map(|b| BandCount {
                band: b.as_str(),
                label: band_label(b),
                salient: b.is_salient(),
                count: risks.iter().filter(|r| r.band == b.as_str()).count(),
            })
            .collect(),
        mitigations: mitigations.len(),
        open_mitigations: mitigations.iter().filter(|m| m.open).count(),
        overdue_mitigations: overdue.len(),
        remedy_channels: remedy_channels.len(),
        engagements: engagements.len(),
        vulnerable_groups: vulnerable_groups.len(),
        warnings: warnings.len(),
    };
    let heatmap = heatmap::grid(&risks, &method.grid);

    let mut report = Report {
        audience: inputs.audience.as_str(),
        audience_label: label(inputs.audience),
        audience_note: note(inputs.audience),
        nothing: nothing(inputs.audience),
        generated_on: inputs.generated_on.map(|d| d.to_string()),
        assessment: meta,
        method,
        summary,
        heatmap,
        risks,
        mitigations,
        remedy_channels,
        criteria: CRITERIA
            .iter()
            .map(|&(letter, name, label)| CriterionHead {
                letter,
                name,
                label,
            })
            .collect(),
        engagements,
        products: products(&scope),
        relationships: relationships(&scope),
        rights_holders,
        rights: rights(&scope),
        warnings,
        decisions,
        overdue,
        vulnerable_groups,
        withheld: None,
        confidential_shown: 0,
        changes: None,
        map: crate::map::build(a, inputs.ranking, inputs.audience),
    };
    report.withheld = (inputs.audience == Audience::Board).then(|| withheld(&scope, inputs));
    if inputs.audience == Audience::Internal {
        report.confidential_shown = confidential_shown(&report);
    }
    report
}

/// Whether a finding names a confidential item (its text only ever carries ids, not content).
fn mentions_hidden(scope: &Scope<'_>, d: &Diagnostic) -> bool {
    let texts = [Some(&d.message), d.label.as_ref(), d.help.as_ref()];
    scope
        .hidden
        .iter()
        .any(|id| texts.iter().flatten().any(|t| t.contains(id)))
}

/// The band's name with a capital, as shown beside its colour.
pub const fn band_label(b: Band) -> &'static str {
    match b {
        Band::Critical => "Critical",
        Band::High => "High",
        Band::Medium => "Medium",
        Band::Low => "Low",
    }
}

/// The likelihood anchors of methodology.md.
pub const fn likelihood_label(l: u8) -> &'static str {
    match l {
        0 | 1 => "rare",
        2 => "unlikely",
        3 => "possible",
        4 => "likely",
        _ => "almost certain",
    }
}
