//! Consistency rules: the file must not contradict itself.

use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::model::{Assessment, AssessmentStatus, Impact, Involvement};

pub(super) fn check(a: &Assessment, out: &mut Vec<Diagnostic>) {
    let meta = &a.assessment;
    if meta.status.value == AssessmentStatus::Approved && meta.approval.is_none() {
        out.push(
            Diagnostic::new(
                Rule::ApprovedWithoutApproval,
                meta.status.pos,
                "the assessment is `approved` but does not say who approved it",
            )
            .label("approved by whom, and when?")
            .help("add `approval: {by: \"Board Risk Committee\", on: YYYY-MM-DD}`, or set `status: in-review`"),
        );
    }
    for risk in &a.risks {
        let involvement = risk.involvement.value;
        if involvement != Involvement::Cause && risk.relationships.is_empty() {
            out.push(
                Diagnostic::new(
                    Rule::LinkedWithoutRelationships,
                    risk.involvement.pos,
                    format!(
                        "risk `{}` is `{involvement}` but names no business relationship",
                        risk.id.value
                    ),
                )
                .label("through whom?")
                .help("list the relationships it arises through under `relationships:`, or use `involvement: cause`"),
            );
        }
        let actual = risk.impact.value == Impact::Actual;
        if let Some(l) = risk.likelihood.as_ref().filter(|l| actual && l.value != 5) {
            out.push(
                Diagnostic::new(
                    Rule::ActualLikelihood,
                    l.pos,
                    format!(
                        "risk `{}` is an actual impact but has likelihood {}",
                        risk.id.value, l.value
                    ),
                )
                .label("an actual impact is occurring: likelihood 5")
                .help(
                    "remove `likelihood` (actual impacts count as 5), or set `impact: potential`",
                ),
            );
        }
        let likelihood = if actual {
            Some(5)
        } else {
            risk.likelihood.as_ref().map(|l| l.value)
        };
        if let (Some(r), Some(l)) = (&risk.residual_likelihood, likelihood)
            && r.value > l
        {
            out.push(
                    Diagnostic::new(
                        Rule::ResidualAboveLikelihood,
                        r.pos,
                        format!(
                            "risk `{}` has residual likelihood {} above its likelihood {l}",
                            risk.id.value, r.value
                        ),
                    )
                    .label(format!("at most {l}"))
                    .help("mitigation can only lower likelihood: set `residual_likelihood` at or below `likelihood`"),
                );
        }
    }
    for m in &a.mitigations {
        if m.status.value.is_open() && m.due.is_none() {
            out.push(
                Diagnostic::new(
                    Rule::OpenMitigationWithoutDue,
                    m.status.pos,
                    format!(
                        "mitigation `{}` is `{}` but has no due date",
                        m.id.value, m.status.value
                    ),
                )
                .label("by when?")
                .help("add `due: YYYY-MM-DD`"),
            );
        }
    }
}
