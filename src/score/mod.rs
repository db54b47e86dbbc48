//! Scoring and prioritising risks (methodology.md, "Default scoring method").
//!
//! Scoring reads only the validated model and never the clock.

mod explain;
mod method;

pub use explain::explain;
pub use method::{Matrix, Method, Thresholds, Weighted, Weights};

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::model::{Assessment, Impact, Risk};

/// A severity band. Salient bands are `high` and `critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Low,
    Medium,
    High,
    Critical,
}

impl Band {
    /// The band's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Medium => "medium",
            Band::High => "high",
            Band::Critical => "critical",
        }
    }

    /// Salient risks (high, critical) lead every report.
    pub const fn is_salient(self) -> bool {
        matches!(self, Band::High | Band::Critical)
    }

    /// The band of a severity-first severity (1..=5).
    pub const fn of_severity(severity: u8) -> Band {
        match severity {
            5.. => Band::Critical,
            4 => Band::High,
            3 => Band::Medium,
            _ => Band::Low,
        }
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which likelihood orders risks: as assessed, or once mitigations are in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    #[default]
    Inherent,
    Residual,
}

/// The numbers behind one risk's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Index of the risk in `Assessment::risks`.
    #[serde(skip)]
    pub index: usize,
    pub id: String,
    pub scale: u8,
    pub scope: u8,
    pub remediability: u8,
    /// max(scale, scope, remediability).
    pub severity: u8,
    /// The severity the method ranks by: `severity` or, for `weighted`, the weighted mean.
    pub method_severity: f64,
    /// scale + scope + remediability, which breaks ties.
    pub sum: u8,
    pub band: Band,
    pub actual: bool,
    /// The likelihood used, with actual impacts counted as 5.
    pub likelihood: u8,
    /// `residual_likelihood`, or the likelihood when none is given.
    pub residual: u8,
    pub irremediable: bool,
    pub vulnerable: bool,
}

impl Score {
    /// The likelihood that orders this risk under `basis`.
    pub const fn likelihood_for(&self, basis: Basis) -> u8 {
        match basis {
            Basis::Inherent => self.likelihood,
            Basis::Residual => self.residual,
        }
    }

    /// Whether the band is salient.
    pub const fn salient(&self) -> bool {
        self.band.is_salient()
    }
}

/// A step of the priority order, in the order it is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Band,
    Severity,
    Irremediable,
    Likelihood,
    SeveritySum,
    Vulnerable,
    Id,
}

impl Criterion {
    /// How the criterion is named in explanations.
    pub const fn describe(self) -> &'static str {
        match self {
            Criterion::Band => "band",
            Criterion::Severity => "severity",
            Criterion::Irremediable => "irremediable character",
            Criterion::Likelihood => "likelihood",
            Criterion::SeveritySum => "severity sum",
            Criterion::Vulnerable => "vulnerable rights-holders",
            Criterion::Id => "id (stable order)",
        }
    }
}

/// Risks in priority order under one method and basis.
#[derive(Debug, Clone)]
pub struct Ranking {
    pub method: Method,
    pub basis: Basis,
    /// Rank 1 first.
    pub scores: Vec<Score>,
}

impl Ranking {
    /// The 1-based rank of a risk, by id.
    pub fn rank_of(&self, id: &str) -> Option<usize> {
        self.scores.iter().position(|s| s.id == id).map(|i| i + 1)
    }
}

/// Clamps a rating to 1..=5; validation has already refused anything else.
fn rating(value: i64) -> u8 {
    value.clamp(1, 5) as u8
}

/// Scores one risk of a validated assessment.
pub fn score(assessment: &Assessment, index: usize, method: &Method) -> Score {
    let risk = &assessment.risks[index];
    let sev = &risk.severity.value;
    let (scale, scope, remediability) = (
        rating(sev.scale.value),
        rating(sev.scope.value),
        rating(sev.remediability.value),
    );
    let severity = scale.max(scope).max(remediability);
    let actual = risk.impact.value == Impact::Actual;
    let likelihood = if actual {
        5
    } else {
        risk.likelihood.as_ref().map_or(5, |l| rating(l.value))
    };
    let residual = risk
        .residual_likelihood
        .as_ref()
        .map_or(likelihood, |l| rating(l.value).min(likelihood));
    let (method_severity, band) = match method {
        Method::SeverityFirst => (f64::from(severity), Band::of_severity(severity)),
        Method::Matrix(m) => (
            f64::from(severity),
            m.cells[usize::from(severity - 1)][usize::from(likelihood - 1)],
        ),
        Method::Weighted(w) => {
            let s = w.severity(scale, scope, remediability);
            (s, w.band(s))
        }
    };
    Score {
        index,
        id: risk.id.value.clone(),
        scale,
        scope,
        remediability,
        severity,
        method_severity,
        sum: scale + scope + remediability,
        band,
        actual,
        likelihood,
        residual,
        irremediable: remediability == 5 || (remediability >= 4 && actual),
        vulnerable: affects_vulnerable(assessment, risk),
    }
}

/// Whether any rights-holder group of the risk is marked vulnerable.
pub fn affects_vulnerable(assessment: &Assessment, risk: &Risk) -> bool {
    risk.rights_holders.iter().any(|id| {
        assessment
            .rights_holders
            .iter()
            .any(|rh| rh.vulnerable && rh.id.value == id.value)
    })
}

/// Compares two scores in priority order (`Less` ranks first) and names the deciding step.
pub fn compare(a: &Score, b: &Score, method: &Method, basis: Basis) -> (Ordering, Criterion) {
    let steps: [(Criterion, Ordering); 7] = [
        (
            Criterion::Band,
            if matches!(method, Method::Matrix(_)) {
                b.band.cmp(&a.band)
            } else {
                Ordering::Equal
            },
        ),
        (
            Criterion::Severity,
            b.method_severity.total_cmp(&a.method_severity),
        ),
        (Criterion::Irremediable, b.irremediable.cmp(&a.irremediable)),
        (
            Criterion::Likelihood,
            b.likelihood_for(basis).cmp(&a.likelihood_for(basis)),
        ),
        (Criterion::SeveritySum, b.sum.cmp(&a.sum)),
        (Criterion::Vulnerable, b.vulnerable.cmp(&a.vulnerable)),
        (Criterion::Id, a.id.cmp(&b.id)),
    ];
    steps
        .into_iter()
        .find(|(_, o)| o.is_ne())
        .map_or((Ordering::Equal, Criterion::Id), |(c, o)| (o, c))
}

/// Scores and orders every risk of a validated assessment.
pub fn rank(assessment: &Assessment, method: &Method, basis: Basis) -> Ranking {
    let mut scores: Vec<Score> = (0..assessment.risks.len())
        .map(|i| score(assessment, i, method))
        .collect();
    scores.sort_by(|a, b| compare(a, b, method, basis).0);
    Ranking {
        method: method.clone(),
        basis,
        scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(id: &str) -> Score {
        Score {
            index: 0,
            id: id.to_owned(),
            scale: 3,
            scope: 2,
            remediability: 2,
            severity: 3,
            method_severity: 3.0,
            sum: 7,
            band: Band::Medium,
            actual: false,
            likelihood: 3,
            residual: 3,
            irremediable: false,
            vulnerable: false,
        }
    }

    fn decide(a: &Score, b: &Score) -> (Ordering, Criterion) {
        compare(a, b, &Method::SeverityFirst, Basis::Inherent)
    }

    #[test]
    fn severity_comes_first() {
        let mut a = s("z");
        a.severity = 4;
        a.method_severity = 4.0;
        a.likelihood = 1;
        let b = s("a");
        assert_eq!(decide(&a, &b), (Ordering::Less, Criterion::Severity));
    }

    #[test]
    fn irremediable_breaks_severity_ties() {
        let mut a = s("z");
        a.irremediable = true;
        let mut b = s("a");
        b.likelihood = 5;
        assert_eq!(decide(&a, &b), (Ordering::Less, Criterion::Irremediable));
    }

    #[test]
    fn likelihood_breaks_irremediability_ties() {
        let mut a = s("z");
        a.likelihood = 4;
        let mut b = s("a");
        b.sum = 9;
        assert_eq!(decide(&a, &b), (Ordering::Less, Criterion::Likelihood));
    }

    #[test]
    fn residual_basis_uses_residual_likelihood() {
        let mut a = s("a");
        a.likelihood = 5;
        a.residual = 1;
        let mut b = s("b");
        b.residual = 2;
        assert_eq!(
            compare(&a, &b, &Method::SeverityFirst, Basis::Residual),
            (Ordering::Greater, Criterion::Likelihood)
        );
    }

    #[test]
    fn severity_sum_breaks_likelihood_ties() {
        let mut a = s("z");
        a.sum = 8;
        let mut b = s("a");
        b.vulnerable = true;
        assert_eq!(decide(&a, &b), (Ordering::Less, Criterion::SeveritySum));
    }

    #[test]
    fn vulnerable_rights_holders_break_sum_ties() {
        let mut a = s("z");
        a.vulnerable = true;
        let b = s("a");
        assert_eq!(decide(&a, &b), (Ordering::Less, Criterion::Vulnerable));
    }

    #[test]
    fn id_gives_a_stable_order_last() {
        assert_eq!(
            decide(&s("R-1"), &s("R-2")),
            (Ordering::Less, Criterion::Id)
        );
        assert_eq!(decide(&s("R-1"), &s("R-1")).0, Ordering::Equal);
    }

    #[test]
    fn bands_come_from_severity_alone() {
        assert_eq!(Band::of_severity(5), Band::Critical);
        assert_eq!(Band::of_severity(4), Band::High);
        assert_eq!(Band::of_severity(3), Band::Medium);
        assert_eq!(Band::of_severity(2), Band::Low);
        assert_eq!(Band::of_severity(1), Band::Low);
        assert!(Band::High.is_salient() && Band::Critical.is_salient());
        assert!(!Band::Medium.is_salient());
    }

    #[test]
    fn matrix_ranks_band_before_severity() {
        let m = Method::Matrix(Matrix::default());
        let mut a = s("a");
        a.band = Band::High;
        let mut b = s("b");
        b.severity = 5;
        b.method_severity = 5.0;
        b.band = Band::Medium;
        assert_eq!(
            compare(&a, &b, &m, Basis::Inherent),
            (Ordering::Less, Criterion::Band)
        );
    }

    #[test]
    fn weighted_severity_is_the_weighted_mean() {
        let w = Weighted {
            weights: Weights {
                scale: 2.0,
                scope: 1.0,
                remediability: 1.0,
            },
            ..Weighted::default()
        };
        assert!((w.severity(5, 1, 3) - 3.5).abs() < 1e-9);
        assert_eq!(w.band(3.5), Band::High);
        assert_eq!(w.band(2.4), Band::Low);
        assert!(w.check().is_ok());
    }
}
