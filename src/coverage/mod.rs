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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::load::SourceFile;

    const BASE: &str = include_str!("../../tests/fixtures/valid.yaml");

    fn load(text: &str) -> Assessment {
        let source = SourceFile {
            name: "test.yaml".into(),
            text: text.to_owned(),
        };
        let today = "2026-11-23".parse().expect("date");
        let checked = crate::pipeline::check_source(source, &Config::default(), today);
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.level == crate::Level::Error)
            .map(|d| d.message.clone())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        checked.assessment.expect("parsed")
    }

    /// The status of one element for the file `text`.
    fn status(text: &str, element: &str) -> Status {
        let a = load(text);
        let framework = ELEMENTS
            .iter()
            .find(|e| e.id == element)
            .expect("element")
            .framework;
        let c = evaluate_for(&a, &Method::SeverityFirst, framework, Audience::Internal)
            .expect("covered");
        assert_eq!(
            c.counts().evidenced
                + c.counts().partial
                + c.counts().missing
                + c.counts().not_assessable,
            c.items.len()
        );
        c.items
            .into_iter()
            .find(|i| i.id == element)
            .expect("item")
            .status
    }

    fn with(edits: &[(&str, &str)]) -> String {
        let mut s = BASE.to_owned();
        for (from, to) in edits {
            assert!(s.contains(from), "{from}");
            s = s.replacen(from, to, 1);
        }
        s
    }

    const OVERSIGHT: &str = "    status: in-progress\n  - id: M-2\n    action: Human oversight, a reviewer can override or stop every automated flag\n    type: prevent\n    owner: Trust and Safety\n    status: STATUS\n    due: 2027-01-31\nremedy_channels:";

    #[test]
    fn human_oversight_evidenced_only_by_a_live_measure() {
        assert_eq!(status(BASE, "ai-act-27-1-e"), Status::Missing);
        let live = OVERSIGHT.replace("STATUS", "planned");
        let text = with(&[("    status: in-progress\nremedy_channels:", &live)]);
        assert_eq!(status(&text, "ai-act-27-1-e"), Status::Evidenced);
        let dropped = OVERSIGHT.replace("STATUS", "dropped");
        let text = with(&[("    status: in-progress\nremedy_channels:", &dropped)]);
        assert_eq!(status(&text, "ai-act-27-1-e"), Status::Missing);
    }

    #[test]
    fn period_of_use_is_at_best_partial_without_a_field() {
        assert_eq!(status(BASE, "ai-act-27-1-b"), Status::Missing);
        let text = with(&[(
            "  owner: Human Rights Lead\n",
            "  owner: Human Rights Lead\n  scope: Used daily by all users from 2026.\n",
        )]);
        assert_eq!(status(&text, "ai-act-27-1-b"), Status::Partial);
    }

    #[test]
    fn views_of_data_subjects_evidenced_partial_missing() {
        // R-1 names `privacy` for users and activists; only activists were engaged.
        assert_eq!(status(BASE, "gdpr-35-9"), Status::Partial);
        let all = with(&[(
            "rights_holders: [activists]\n    method",
            "rights_holders: [activists, users]\n    method",
        )]);
        assert_eq!(status(&all, "gdpr-35-9"), Status::Evidenced);
        let none = with(&[(
            "rights_holders: [activists]\n    method",
            "organisations: [Digital rights NGO]\n    method",
        )]);
        assert_eq!(status(&none, "gdpr-35-9"), Status::Missing);
    }

    #[test]
    fn remediation_of_actual_impacts_differs_between_csddd_and_ungp() {
        assert_eq!(status(BASE, "csddd-12"), Status::Evidenced);
        let actual = with(&[
            (
                "impact: potential\n    involvement: directly-linked",
                "impact: actual\n    involvement: cause",
            ),
            ("    likelihood: 3\n    residual_likelihood: 2\n", ""),
        ]);
        // CSDDD Art. 12 asks for remediation itself; UNGP 22 accepts a remedy channel.
        assert_eq!(status(&actual, "csddd-12"), Status::Missing);
        assert_eq!(status(&actual, "ungp-22"), Status::Evidenced);
    }

    #[test]
    fn annual_review_for_the_dsa() {
        assert_eq!(status(BASE, "dsa-34-1-annual"), Status::Evidenced);
        let late = with(&[("next_review: 2027-03-01", "next_review: 2027-03-02")]);
        assert_eq!(status(&late, "dsa-34-1-annual"), Status::Partial);
    }

    #[test]
    fn outside_the_file_is_not_assessable_and_oecd_has_no_crosswalk() {
        assert_eq!(status(BASE, "ungp-16"), Status::NotAssessable);
        let a = load(BASE);
        let ranking = score::rank(&a, &Method::SeverityFirst, Basis::Inherent);
        assert!(evaluate(&a, &ranking, Framework::Oecd).is_none());
    }
}
