//! `hrdd assess --explain`: every step of the method, with the numbers used for one risk.

use std::cmp::Ordering;
use std::fmt::Write;

use super::{Basis, Criterion, Method, Ranking, Score, compare};
use crate::model::{Assessment, Involvement};

/// Explains the rank of risk `id`, or `None` when the ranking has no such risk.
pub fn explain(assessment: &Assessment, ranking: &Ranking, id: &str) -> Option<String> {
    let pos = ranking.scores.iter().position(|s| s.id == id)?;
    let s = &ranking.scores[pos];
    let risk = &assessment.risks[s.index];
    let method = &ranking.method;
    let basis = ranking.basis;
    let mut out = String::new();
    let w = &mut out;

    let _ = writeln!(w, "Risk {} — {}", s.id, risk.title.value);
    let _ = writeln!(
        w,
        "Rank {} of {} ({} ranking, method `{}`)",
        pos + 1,
        ranking.scores.len(),
        match basis {
            Basis::Inherent => "inherent",
            Basis::Residual => "residual",
        },
        method.name()
    );
    if let Some(notice) = method.departure_notice() {
        let _ = writeln!(w, "Notice: {notice}.");
    }
    let _ = writeln!(w);

    // 1. Severity.
    match method {
        Method::Weighted(m) => {
            let x = &m.weights;
            let _ = writeln!(
                w,
                "1. Severity = weighted mean ({} × scale {} + {} × scope {} + {} × remediability {}) / {} = {:.2}",
                x.scale,
                s.scale,
                x.scope,
                s.scope,
                x.remediability,
                s.remediability,
                x.scale + x.scope + x.remediability,
                s.method_severity
            );
            let _ = writeln!(
                w,
                "   (the severity-first maximum would be {}; the sum {} breaks ties)",
                s.severity, s.sum
            );
        }
        _ => {
            let _ = writeln!(
                w,
                "1. Severity = max(scale {}, scope {}, remediability {}) = {}; the sum {} breaks ties.",
                s.scale, s.scope, s.remediability, s.severity, s.sum
            );
        }
    }

    // 2. Band.
    let salient = if s.salient() {
        "salient"
    } else {
        "not salient"
    };
    match method {
        Method::SeverityFirst => {
            let _ = writeln!(
                w,
                "2. Band from severity alone: {} → {} ({salient}). Likelihood never lowers a band.",
                s.severity, s.band
            );
        }
        Method::Matrix(_) => {
            let _ = writeln!(
                w,
                "2. Band from the matrix cell severity {} × likelihood {} → {} ({salient}).",
                s.severity, s.likelihood, s.band
            );
        }
        Method::Weighted(m) => {
            let t = &m.thresholds;
            let _ = writeln!(
                w,
                "2. Band from thresholds (critical ≥ {}, high ≥ {}, medium ≥ {}): {:.2} → {} ({salient}).",
                t.critical, t.high, t.medium, s.method_severity, s.band
            );
        }
    }

    // 3. Priority order.
    let _ = writeln!(
        w,
        "3. Priority order, each step breaking ties of the one before:"
    );
    let mut step = 'a'..='z';
    let mut item = |w: &mut String, text: String| {
        let _ = writeln!(w, "   {}. {text}", step.next().unwrap_or('-'));
    };
    if matches!(method, Method::Matrix(_)) {
        item(w, format!("band {} (higher first)", s.band));
    }
    match method {
        Method::Weighted(_) => item(
            w,
            format!("weighted severity {:.2} (higher first)", s.method_severity),
        ),
        _ => item(w, format!("severity {} (higher first)", s.severity)),
    }
    let why = if s.remediability == 5 {
        "remediability 5".to_owned()
    } else if s.remediability >= 4 && s.actual {
        "remediability 4 on an actual impact: delay makes it worse".to_owned()
    } else {
        format!(
            "remediability {}{}",
            s.remediability,
            if s.actual { ", actual" } else { ", potential" }
        )
    };
    item(
        w,
        format!(
            "irremediable: {} ({why}) (irremediable first)",
            yes_no(s.irremediable)
        ),
    );
    let likelihood = match basis {
        Basis::Inherent if s.actual => {
            format!("likelihood {} (actual impacts count as 5)", s.likelihood)
        }
        Basis::Inherent => format!("likelihood {}", s.likelihood),
        Basis::Residual => format!(
            "residual likelihood {} (likelihood {}{})",
            s.residual,
            s.likelihood,
            if risk.residual_likelihood.is_none() {
                ", no residual given"
            } else {
                ""
            }
        ),
    };
    item(w, format!("{likelihood} (higher first)"));
    item(w, format!("severity sum {} (higher first)", s.sum));
    let vulnerable: Vec<&str> = risk
        .rights_holders
        .iter()
        .filter_map(|id| {
            assessment
                .rights_holders
                .iter()
                .find(|rh| rh.vulnerable && rh.id.value == id.value)
                .map(|rh| rh.id.value.as_str())
        })
        .collect();
    item(
        w,
        if vulnerable.is_empty() {
            "vulnerable rights-holders: no (vulnerable first)".to_owned()
        } else {
            format!(
                "vulnerable rights-holders: yes ({}) (vulnerable first)",
                vulnerable.join(", ")
            )
        },
    );
    item(w, format!("id {} (alphabetical, for a stable order)", s.id));

    // 4. Involvement.
    let expected = match risk.involvement.value {
        Involvement::Cause => "cease or prevent the impact",
        Involvement::Contribute => "cease or prevent the contribution, and use leverage on others",
        Involvement::DirectlyLinked => "use leverage, or build it where there is none",
    };
    let _ = writeln!(
        w,
        "4. Involvement `{}` does not change priority; it sets the expected action (UNGP 19): {expected}.",
        risk.involvement.value
    );

    // 5. Residual.
    let _ = match &risk.residual_likelihood {
        Some(r) => writeln!(
            w,
            "5. Residual: mitigation lowers likelihood only: {} → {}; severity stays {}.",
            s.likelihood, r.value, s.severity
        ),
        None => writeln!(
            w,
            "5. Residual: no residual_likelihood given; the residual ranking uses likelihood {}.",
            s.likelihood
        ),
    };

    let _ = writeln!(w);
    let _ = writeln!(w, "Neighbours:");
    let neighbour = |other: &Score, rank: usize| {
        let (_, criterion) = compare(s, other, method, basis);
        format!(
            "#{rank} {} — decided by {}: {}",
            other.id,
            criterion.describe(),
            contrast(s, other, criterion, basis)
        )
    };
    if pos == 0 {
        let _ = writeln!(w, "   above: none, this is the top priority");
    } else {
        let _ = writeln!(w, "   above: {}", neighbour(&ranking.scores[pos - 1], pos));
    }
    match ranking.scores.get(pos + 1) {
        Some(next) => {
            let _ = writeln!(w, "   below: {}", neighbour(next, pos + 2));
        }
        None => {
            let _ = writeln!(w, "   below: none, this is the last risk");
        }
    }
    debug_assert!(
        ranking
            .scores
            .windows(2)
            .all(|p| compare(&p[0], &p[1], method, basis).0 != Ordering::Greater)
    );
    Some(out)
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// "5 here vs 4 there" for the deciding criterion.
fn contrast(this: &Score, other: &Score, criterion: Criterion, basis: Basis) -> String {
    let pair = |a: String, b: String| format!("{a} here vs {b} there");
    match criterion {
        Criterion::Band => pair(this.band.to_string(), other.band.to_string()),
        Criterion::Severity => pair(
            trim_float(this.method_severity),
            trim_float(other.method_severity),
        ),
        Criterion::Irremediable => pair(
            yes_no(this.irremediable).into(),
            yes_no(other.irremediable).into(),
        ),
        Criterion::Likelihood => pair(
            this.likelihood_for(basis).to_string(),
            other.likelihood_for(basis).to_string(),
        ),
        Criterion::SeveritySum => pair(this.sum.to_string(), other.sum.to_string()),
        Criterion::Vulnerable => pair(
            yes_no(this.vulnerable).into(),
            yes_no(other.vulnerable).into(),
        ),
        Criterion::Id => format!("every other step is equal; `{}` vs `{}`", this.id, other.id),
    }
}

fn trim_float(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}
