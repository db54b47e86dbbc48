//! Portfolios: many assessments read together for the board.
//!
//! A portfolio ranks the salient risks of every assessment on one scale (the configured
//! method, severity before likelihood), lists overdue actions by owner, counts the rights most
//! at risk, and sums framework coverage. Each assessment is first reduced to what the audience
//! may see ([`crate::model::redact`]), so a portfolio shows no more than the single reports.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::coverage;
use crate::model::{Assessment, Audience, Date, built_in_right, redact};
use crate::score::{self, Band, Basis, Method, Score};

/// One assessment of the portfolio, as read.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// The file it was read from, as shown to the user.
    pub file: &'a str,
    pub assessment: &'a Assessment,
}

/// Everything a portfolio is built from.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    pub members: &'a [Member<'a>],
    /// Files left out because they have errors.
    pub excluded: &'a [String],
    pub method: &'a Method,
    pub audience: Audience,
    /// The day overdue flags compare against.
    pub today: Date,
    /// Printed only when the user gave `--today`.
    pub generated_on: Option<Date>,
}

/// The portfolio view: the context of the portfolio templates and the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct Portfolio {
    pub audience: &'static str,
    pub audience_label: &'static str,
    /// A fixed sentence per audience on what the report leaves out.
    pub audience_note: &'static str,
    pub method: &'static str,
    pub departure_notice: Option<&'static str>,
    pub generated_on: Option<String>,
    pub totals: Totals,
    pub assessments: Vec<AssessmentRow>,
    /// Salient risks of every assessment, ranked on one scale.
    pub salient: Vec<RiskRow>,
    /// Open actions past their due date, grouped by owner (one unnamed group for `public`).
    pub overdue: Vec<OwnerGroup>,
    /// Rights by how many salient risks, then risks, affect them.
    pub rights: Vec<RightRow>,
    /// Framework coverage of each assessment that declares frameworks.
    pub coverage: Vec<CoverageRow>,
    /// Files left out because they have errors.
    pub excluded: Vec<String>,
}

/// Counts over the whole portfolio.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Totals {
    pub assessments: usize,
    pub risks: usize,
    pub salient: usize,
    pub critical: usize,
    pub overdue_actions: usize,
    pub reviews_overdue: usize,
    pub excluded: usize,
}

/// One assessment in the portfolio's overview table.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentRow {
    pub id: String,
    pub title: String,
    pub organization: String,
    pub version: String,
    pub status: &'static str,
    pub file: String,
    pub risks: usize,
    pub salient: usize,
    pub critical: usize,
    pub high: usize,
    pub overdue_actions: usize,
    pub next_review: String,
    pub review_overdue: bool,
    pub frameworks: Vec<&'static str>,
    /// Board only: how many confidential risks are counted but not shown.
    pub withheld_risks: Option<usize>,
}

/// A salient risk in the portfolio ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub rank: usize,
    pub assessment: String,
    pub id: String,
    pub title: String,
    pub band: &'static str,
    pub scale: u8,
    pub scope: u8,
    pub remediability: u8,
    pub likelihood: u8,
    pub impact: &'static str,
    pub involvement: &'static str,
    pub status: &'static str,
    pub vulnerable: bool,
    pub products: Vec<String>,
    pub rights: Vec<String>,
    pub mitigations: usize,
}

/// The overdue actions of one owner.
#[derive(Debug, Clone, Serialize)]
pub struct OwnerGroup {
    /// `None` for the `public` audience, which shows no owners.
    pub owner: Option<String>,
    pub actions: Vec<ActionRow>,
}

/// An open action past its due date.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRow {
    pub assessment: String,
    pub id: String,
    pub action: String,
    pub due: String,
    pub days_overdue: i64,
    pub status: &'static str,
}

/// A right and the risks to it across the portfolio.
#[derive(Debug, Clone, Serialize)]
pub struct RightRow {
    pub id: String,
    pub name: String,
    pub salient: usize,
    pub risks: usize,
    pub worst_band: Band,
    pub assessments: Vec<String>,
}

/// How far one assessment evidences one framework.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageRow {
    pub assessment: String,
    pub framework: &'static str,
    pub evidenced: usize,
    pub partial: usize,
    pub missing: usize,
    pub not_assessable: usize,
}

/// Builds the portfolio view of `inputs.members` for `inputs.audience`.
pub fn build(inputs: &Inputs<'_>) -> Portfolio {
    let views: Vec<Assessment> = inputs
        .members
        .iter()
        .map(|m| redact(m.assessment, inputs.audience))
        .collect();
    let rankings: Vec<_> = views
        .iter()
        .map(|a| score::rank(a, inputs.method, Basis::Inherent))
        .collect();

    let mut assessments = Vec::with_capacity(views.len());
    let mut salient: Vec<(&Assessment, &Score)> = Vec::new();
    let mut overdue: BTreeMap<Option<String>, Vec<ActionRow>> = BTreeMap::new();
    let mut rights: BTreeMap<String, RightRow> = BTreeMap::new();
    let mut totals = Totals {
        excluded: inputs.excluded.len(),
        ..Totals::default()
    };
    for ((member, a), ranking) in inputs.members.iter().zip(&views).zip(&rankings) {
        let m = &a.assessment;
        let count = |band: Band| ranking.scores.iter().filter(|s| s.band == band).count();
        // The public audience sees no owners: its actions form one unnamed group.
        let late: Vec<(Option<String>, ActionRow)> = a
            .mitigations
            .iter()
            .filter_map(|x| {
                let due = x.due.as_ref()?.value.date()?;
                (x.status.value.is_open() && due < inputs.today).then(|| {
                    let owner =
                        (inputs.audience != Audience::Public).then(|| x.owner.value.clone());
                    let row = ActionRow {
                        assessment: m.id.value.clone(),
                        id: x.id.value.clone(),
                        action: x.action.value.clone(),
                        due: due.to_string(),
                        days_overdue: (inputs.today - due).get_days().into(),
                        status: x.status.value.as_str(),
                    };
                    (owner, row)
                })
            })
            .collect();
        let next_review = &m.next_review.value;
        let review_overdue = next_review.date().is_some_and(|d| d < inputs.today);
        totals.risks += ranking.scores.len();
        totals.salient += ranking.scores.iter().filter(|s| s.salient()).count();
        totals.critical += count(Band::Critical);
        totals.overdue_actions += late.len();
        totals.reviews_overdue += usize::from(review_overdue);
        assessments.push(AssessmentRow {
            id: m.id.value.clone(),
            title: m.title.value.clone(),
            organization: m.organization.value.clone(),
            version: m.version.value.clone(),
            status: m.status.value.as_str(),
            file: member.file.to_owned(),
            risks: ranking.scores.len(),
            salient: ranking.scores.iter().filter(|s| s.salient()).count(),
            critical: count(Band::Critical),
            high: count(Band::High),
            overdue_actions: late.len(),
            next_review: next_review.raw().to_owned(),
            review_overdue,
            frameworks: m.frameworks.iter().map(|f| f.value.as_str()).collect(),
            withheld_risks: (inputs.audience == Audience::Board)
                .then(|| member.assessment.risks.len() - a.risks.len()),
        });
        for (owner, row) in late {
            overdue.entry(owner).or_default().push(row);
        }
        for s in &ranking.scores {
            let risk = &a.risks[s.index];
            if s.salient() {
                salient.push((a, s));
            }
            for right in &risk.rights.value {
                let row = rights
                    .entry(right.value.clone())
                    .or_insert_with(|| RightRow {
                        id: right.value.clone(),
                        name: right_name(a, &right.value),
                        salient: 0,
                        risks: 0,
                        worst_band: Band::Low,
                        assessments: Vec::new(),
                    });
                row.risks += 1;
                row.salient += usize::from(s.salient());
                row.worst_band = row.worst_band.max(s.band);
                if !row.assessments.contains(&m.id.value) {
                    row.assessments.push(m.id.value.clone());
                }
            }
        }
    }
    totals.assessments = assessments.len();

    salient.sort_by(|(a1, s1), (a2, s2)| {
        score::compare(s1, s2, inputs.method, Basis::Inherent)
            .0
            .then_with(|| a1.assessment.id.value.cmp(&a2.assessment.id.value))
            .then_with(|| s1.id.cmp(&s2.id))
    });
    let salient = salient
        .into_iter()
        .enumerate()
        .map(|(i, (a, s))| risk_row(i + 1, a, s))
        .collect();

    let overdue = overdue
        .into_iter()
        .map(|(owner, mut actions)| {
            actions.sort_by(|x, y| {
                y.days_overdue
                    .cmp(&x.days_overdue)
                    .then_with(|| x.assessment.cmp(&y.assessment))
                    .then_with(|| x.id.cmp(&y.id))
            });
            OwnerGroup { owner, actions }
        })
        .collect();

    let mut rights: Vec<RightRow> = rights.into_values().collect();
    rights.sort_by(|x, y| {
        y.salient
            .cmp(&x.salient)
            .then_with(|| y.worst_band.cmp(&x.worst_band))
            .then_with(|| y.risks.cmp(&x.risks))
            .then_with(|| x.id.cmp(&y.id))
    });

    Portfolio {
        audience: inputs.audience.as_str(),
        audience_label: match inputs.audience {
            Audience::Internal => "Internal",
            Audience::Board => "Board",
            Audience::Public => "Public",
        },
        audience_note: note(inputs.audience),
        method: inputs.method.name(),
        departure_notice: inputs.method.departure_notice(),
        generated_on: inputs.generated_on.map(|d| d.to_string()),
        totals,
        assessments,
        salient,
        overdue,
        rights,
        coverage: coverage_rows(inputs, &views),
        excluded: inputs.excluded.to_vec(),
    }
}

/// Coverage counts: on the whole file for internal and board (counts reveal no confidential
/// content, and a board must not read a gap that is only hidden), on the public view for public.
fn coverage_rows(inputs: &Inputs<'_>, views: &[Assessment]) -> Vec<CoverageRow> {
    let mut rows = Vec::new();
    for (member, view) in inputs.members.iter().zip(views) {
        let a = if inputs.audience == Audience::Public {
            view
        } else {
            member.assessment
        };
        let ranking = score::rank(a, inputs.method, Basis::Inherent);
        for framework in coverage::declared(a) {
            if let Some(c) = coverage::evaluate(a, &ranking, framework) {
                rows.push(CoverageRow {
                    assessment: a.assessment.id.value.clone(),
                    framework: framework.as_str(),
                    evidenced: c.counts.evidenced,
                    partial: c.counts.partial,
                    missing: c.counts.missing,
                    not_assessable: c.counts.not_assessable,
                });
            }
        }
    }
    rows
}

/// Never depends on the data, so it reveals nothing.
const fn note(audience: Audience) -> &'static str {
    match audience {
        Audience::Internal => {
            "Internal portfolio: it contains every item of every assessment, including those marked confidential. Do not publish it."
        }
        Audience::Board => {
            "Board portfolio: items marked confidential are counted, not shown; engagement organisations are left out."
        }
        Audience::Public => {
            "Public portfolio: items marked confidential, engagement organisations and owners are left out."
        }
    }
}

fn risk_row(rank: usize, a: &Assessment, s: &Score) -> RiskRow {
    let risk = &a.risks[s.index];
    let product_name = |id: &str| {
        a.products
            .iter()
            .find(|p| p.id.value == id)
            .map_or_else(|| id.to_owned(), |p| p.name.value.clone())
    };
    RiskRow {
        rank,
        assessment: a.assessment.id.value.clone(),
        id: risk.id.value.clone(),
        title: risk.title.value.clone(),
        band: s.band.as_str(),
        scale: s.scale,
        scope: s.scope,
        remediability: s.remediability,
        likelihood: s.likelihood,
        impact: risk.impact.value.as_str(),
        involvement: risk.involvement.value.as_str(),
        status: risk.status().as_str(),
        vulnerable: s.vulnerable,
        products: risk
            .products
            .iter()
            .map(|p| product_name(&p.value))
            .collect(),
        rights: risk.rights.iter().map(|r| r.value.clone()).collect(),
        mitigations: risk.mitigations.len(),
    }
}

fn right_name(a: &Assessment, id: &str) -> String {
    built_in_right(id).map_or_else(
        || {
            a.rights
                .iter()
                .find(|r| r.id.value == id)
                .map_or_else(|| id.to_owned(), |r| r.name.value.clone())
        },
        |r| r.name.to_owned(),
    )
}
