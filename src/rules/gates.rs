//! The gates of `hrdd check`: policy a pipeline enforces on top of validation.
//!
//! Each gate failure is a coded finding (G001…) at error level, so that every output format
//! shows it like any other finding.

use std::collections::{HashMap, HashSet};

use super::{Context, Rule};
use crate::coverage::{self, Status};
use crate::diagnostic::{Diagnostic, Level};
use crate::model::{Assessment, Risk};
use crate::model::{AssessmentStatus, MitigationStatus, RiskStatus};
use crate::score::{self, Band};

/// What `hrdd check` enforces, from `[check]` in hrdd.toml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gates {
    /// The lowest level of finding that fails the check (default: error).
    pub fail_on: Level,
    /// At most this many `open` risks in band `critical` (default: no limit).
    pub max_open_critical: Option<u32>,
    /// Salient risks that are not closed need a mitigation (default: on).
    pub salient_need_mitigation: bool,
    /// Salient risks that are not closed need a remedy channel each rights-holder can reach (default: on).
    pub salient_need_remedy: bool,
    /// `next_review` must not have passed (default: on).
    pub review_not_overdue: bool,
    /// `status` must be `approved`, e.g. on a release branch (default: off).
    pub require_approved: bool,
    /// How well each framework in `assessment.frameworks` must be evidenced (default: off).
    pub coverage: CoverageGate,
}

/// What gate G006 asks of the frameworks an assessment declares (`[check] coverage`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CoverageGate {
    /// The gate does not run.
    #[default]
    Off,
    /// Every required element is at least `partial`.
    NoMissing,
    /// Every required element is `evidenced` (elements outside the file are exempt).
    Evidenced,
}

impl Default for Gates {
    fn default() -> Self {
        Gates {
            fail_on: Level::Error,
            max_open_critical: None,
            salient_need_mitigation: true,
            salient_need_remedy: true,
            review_not_overdue: true,
            require_approved: false,
            coverage: CoverageGate::Off,
        }
    }
}

impl Gates {
    /// The gate rules that are switched on, in code order.
    pub fn enabled(&self) -> Vec<Rule> {
        [
            (Rule::TooManyOpenCritical, self.max_open_critical.is_some()),
            (Rule::SalientUnmitigated, self.salient_need_mitigation),
            (Rule::SalientUnreachableRemedy, self.salient_need_remedy),
            (Rule::ReviewDatePassed, self.review_not_overdue),
            (Rule::NotApproved, self.require_approved),
            (
                Rule::FrameworkCoverageGap,
                self.coverage != CoverageGate::Off,
            ),
        ]
        .into_iter()
        .filter_map(|(rule, on)| on.then_some(rule))
        .collect()
    }
}

/// Runs the enabled gates over an assessment that has no structure error.
pub fn check(a: &Assessment, gates: &Gates, ctx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let ranking = score::rank(a, ctx.method, score::Basis::Inherent);
    if let Some(limit) = gates.max_open_critical {
        too_many_open_critical(a, &ranking, limit, &mut out);
    }
    let mitigations: HashMap<&str, MitigationStatus> = a
        .mitigations
        .iter()
        .map(|m| (m.id.value.as_str(), m.status.value))
        .collect();
    for s in ranking.scores.iter().filter(|s| s.salient()) {
        let risk = &a.risks[s.index];
        if risk.status() == RiskStatus::Closed {
            continue;
        }
        if gates.salient_need_mitigation {
            salient_unmitigated(risk, s.band, &mitigations, &mut out);
        }
        if gates.salient_need_remedy {
            salient_unreachable_remedy(a, risk, s.band, &mut out);
        }
    }
    if gates.review_not_overdue {
        let next = &a.assessment.next_review;
        if let Some(date) = next.value.date()
            && date < ctx.today
        {
            out.push(
                Diagnostic::new(
                    Rule::ReviewDatePassed,
                    next.pos,
                    format!("the review date {date} has passed (today is {})", ctx.today),
                )
                .label("review date passed")
                .help("review the assessment and set a new `next_review`, or turn the gate off with `review_not_overdue = false` under [check]"),
            );
        }
    }
    if gates.require_approved && a.assessment.status.value != AssessmentStatus::Approved {
        let status = &a.assessment.status;
        out.push(
            Diagnostic::new(
                Rule::NotApproved,
                status.pos,
                format!(
                    "the assessment is `{}`, and this check requires `approved`",
                    status.value
                ),
            )
            .label("not approved")
            .help("have it approved (`status: approved` with `approval: {by, on}`) before it is released"),
        );
    }
    if gates.coverage != CoverageGate::Off {
        coverage_gaps(a, &ranking, gates.coverage, &mut out);
    }
    for d in &mut out {
        d.level = Level::Error;
    }
    out
}

/// G006: an element of a declared framework that is missing (or, strictly, not evidenced).
fn coverage_gaps(
    a: &Assessment,
    ranking: &score::Ranking,
    gate: CoverageGate,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen = Vec::new();
    for declared in &a.assessment.frameworks {
        let framework = declared.value;
        if seen.contains(&framework) {
            continue;
        }
        seen.push(framework);
        // `oecd` has no crosswalk: nothing to check (documented in G006).
        let Some(found) = coverage::evaluate(a, ranking, framework) else {
            continue;
        };
        for item in found.items {
            let fails = match item.status {
                Status::Missing => true,
                Status::Partial => gate == CoverageGate::Evidenced,
                Status::Evidenced | Status::NotAssessable => false,
            };
            if !fails {
                continue;
            }
            let add = item.add.unwrap_or("the evidence the element asks for");
            out.push(
                Diagnostic::new(
                    Rule::FrameworkCoverageGap,
                    declared.pos,
                    format!(
                        "`{framework}`: {} is {}: {}",
                        item.citation, item.status, item.reason
                    ),
                )
                .label(format!("element `{}`", item.id))
                .help(format!(
                    "add {add}; `hrdd coverage FILE --framework {framework}` shows every element, and `coverage = \"off\"` under [check] turns the gate off"
                )),
            );
        }
    }
}

fn too_many_open_critical(
    a: &Assessment,
    ranking: &score::Ranking,
    limit: u32,
    out: &mut Vec<Diagnostic>,
) {
    let open: Vec<&Risk> = ranking
        .scores
        .iter()
        .filter(|s| s.band == Band::Critical)
        .map(|s| &a.risks[s.index])
        .filter(|r| r.status() == RiskStatus::Open)
        .collect();
    let Some(first_over) = open.get(limit as usize) else {
        return;
    };
    let ids: Vec<String> = open.iter().map(|r| format!("`{}`", r.id.value)).collect();
    out.push(
        Diagnostic::new(
            Rule::TooManyOpenCritical,
            first_over.id.pos,
            format!(
                "{} open critical risk{} ({}), above the limit of {limit}",
                open.len(),
                if open.len() == 1 { "" } else { "s" },
                ids.join(", ")
            ),
        )
        .label(format!("open critical risk number {}", limit + 1))
        .help("put mitigations in place and move risks to `monitoring`, or raise `max_open_critical` under [check]"),
    );
}

fn salient_unmitigated(
    risk: &Risk,
    band: Band,
    mitigations: &HashMap<&str, MitigationStatus>,
    out: &mut Vec<Diagnostic>,
) {
    let acting = risk.mitigations.iter().any(|m| {
        mitigations
            .get(m.value.as_str())
            .is_some_and(|s| *s != MitigationStatus::Dropped)
    });
    if !acting {
        out.push(
            Diagnostic::new(
                Rule::SalientUnmitigated,
                risk.id.pos,
                format!("salient risk `{}` has no mitigation", risk.id.value),
            )
            .label(format!("band {band}"))
            .help("link a mitigation that is not dropped under `mitigations:`, or turn the gate off with `salient_need_mitigation = false` under [check]"),
        );
    }
}

fn salient_unreachable_remedy(a: &Assessment, risk: &Risk, band: Band, out: &mut Vec<Diagnostic>) {
    let linked: HashSet<&str> = risk.remedy.iter().map(|r| r.value.as_str()).collect();
    let reachable: HashSet<&str> = a
        .remedy_channels
        .iter()
        .filter(|c| linked.contains(c.id.value.as_str()))
        .flat_map(|c| c.accessible_to.iter().map(|rh| rh.value.as_str()))
        .collect();
    let without: Vec<String> = risk
        .rights_holders
        .iter()
        .filter(|rh| !reachable.contains(rh.value.as_str()))
        .map(|rh| format!("`{}`", rh.value))
        .collect();
    if without.is_empty() {
        return;
    }
    let message = if risk.remedy.is_empty() {
        format!("salient risk `{}` has no remedy channel", risk.id.value)
    } else {
        format!(
            "no remedy channel of salient risk `{}` is accessible to {}",
            risk.id.value,
            without.join(", ")
        )
    };
    out.push(
        Diagnostic::new(Rule::SalientUnreachableRemedy, risk.id.pos, message)
            .label(format!("band {band}"))
            .help("link a remedy channel whose `accessible_to` lists each of the risk's rights-holders, or turn the gate off with `salient_need_remedy = false` under [check]"),
    );
}
