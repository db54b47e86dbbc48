//! Regulatory and engagement coverage: which parts of an assessment evidence which required
//! element of a framework, and who was engaged.
//!
//! The crosswalk lives in one reviewed table ([`ELEMENTS`], in `table.rs`); each element
//! names the evaluator (in `evidence.rs`) that reads the validated model. Evaluation never
//! reads the clock, so the same file always gives the same coverage.

mod engagement;
mod evidence;
mod table;

pub use engagement::{
    EngagementCoverage, EngagementRef, GroupEngagement, NeglectedGroup, RiskRef, engagement,
};
pub use table::{ELEMENTS, Element, article, covered, instrument};

use serde::Serialize;

use crate::model::{Assessment, Audience, Framework, redact};
use crate::score::{self, Basis, Method, Ranking};

/// How well the file evidences one required element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The file holds what the element asks for.
    Evidenced,
    /// Some of it, or something hrdd cannot check fully (the reason says which).
    Partial,
    /// Nothing in the file speaks to it.
    Missing,
    /// Outside what an assessment file can evidence (e.g. a policy commitment).
    NotAssessable,
}

impl Status {
    /// The status as written in every output.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Evidenced => "evidenced",
            Status::Partial => "partial",
            Status::Missing => "missing",
            Status::NotAssessable => "not-assessable",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One required element of a framework, as this file evidences it.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// Stable element id, e.g. `ai-act-27-1-a`.
    pub id: &'static str,
    /// The precise citation.
    pub citation: &'static str,
    /// The requirement, paraphrased.
    pub requirement: &'static str,
    pub status: Status,
    /// Why the status is what it is.
    pub reason: String,
    /// The items (`risks.x`, `mitigations.y`…) and fields that evidence it.
    pub evidence: Vec<String>,
    /// What to add to the file when the element is not evidenced.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub add: Option<&'static str>,
}

/// The coverage of one framework by one assessment.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub framework: Framework,
    /// The instrument, e.g. "Regulation (EU) 2024/1689 (AI Act), Art. 27".
    pub instrument: &'static str,
    /// Every element of the framework, in the order of the instrument.
    pub items: Vec<Item>,
    pub counts: Counts,
}

/// How many elements have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub evidenced: usize,
    pub partial: usize,
    pub missing: usize,
    pub not_assessable: usize,
}

impl Coverage {
    /// How many elements are evidenced, partial, missing or not assessable.
    pub fn counts(&self) -> Counts {
        self.counts
    }
}

fn count(items: &[Item]) -> Counts {
    let mut c = Counts::default();
    for i in items {
        match i.status {
            Status::Evidenced => c.evidenced += 1,
            Status::Partial => c.partial += 1,
            Status::Missing => c.missing += 1,
            Status::NotAssessable => c.not_assessable += 1,
        }
    }
    c
}

/// Evaluates every element of `framework` over a validated assessment and its ranking.
/// `None` when hrdd has no crosswalk for the framework (`oecd`).
pub fn evaluate(a: &Assessment, ranking: &Ranking, framework: Framework) -> Option<Coverage> {
    if !covered(framework) {
        return None;
    }
    let facts = evidence::Facts::new(a, ranking);
    let items: Vec<Item> = ELEMENTS
        .iter()
        .filter(|e| e.framework == framework)
        .map(|e| {
            let f = e.check.run(&facts);
            Item {
                id: e.id,
                citation: e.citation,
                requirement: e.requirement,
                status: f.status,
                add: (!matches!(f.status, Status::Evidenced)).then_some(e.add),
                reason: f.reason,
                evidence: f.evidence,
            }
        })
        .collect();
    Some(Coverage {
        framework,
        instrument: instrument(framework),
        counts: count(&items),
        items,
    })
}

/// Evaluates `framework` on what `audience` may see: for board and public the file is
/// redacted first, so an element evidenced only by confidential items shows as such there.
pub fn evaluate_for(
    a: &Assessment,
    method: &Method,
    framework: Framework,
    audience: Audience,
) -> Option<Coverage> {
    let view = redact(a, audience);
    let ranking = score::rank(&view, method, Basis::Inherent);
    evaluate(&view, &ranking, framework)
}

/// The frameworks `a` declares in `assessment.frameworks`, in order, without repeats.
pub fn declared(a: &Assessment) -> Vec<Framework> {
    let mut out: Vec<Framework> = Vec::new();
    for f in &a.assessment.frameworks {
        if !out.contains(&f.value) {
            out.push(f.value);
        }
    }
    out
}
