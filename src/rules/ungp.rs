//! UNGP expectations: what the Guiding Principles expect of the assessment and the response.

use std::collections::{BTreeMap, HashSet};

use super::{Context, Index, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Assessment, ChannelKind, Criterion, Impact, Involvement, MitigationStatus, MitigationType,
    Risk, RiskStatus,
};
use crate::score::{self, Band, Method};

pub(super) fn check(
    a: &Assessment,
    index: &Index<'_>,
    ctx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
) {
    for (i, risk) in a.risks.iter().enumerate() {
        risk_rules(a, index, ctx, i, risk, out);
    }
    vulnerable_not_engaged(a, index, out);
    for m in &a.mitigations {
        let status = m.status.value;
        if matches!(
            status,
            MitigationStatus::Implemented | MitigationStatus::Verified
        ) && m.indicators.is_empty()
        {
            out.push(
                Diagnostic::new(
                    Rule::IndicatorMissing,
                    m.status.pos,
                    format!("mitigation `{}` is `{status}` but has no indicator", m.id.value),
                )
                .label("how is its effectiveness tracked?")
                .help("add `indicators:` with a name, kind, target and source, ideally feedback from affected stakeholders"),
            );
        }
        if let (true, Some(due)) = (status.is_open(), &m.due)
            && let Some(date) = due.value.date().filter(|d| *d < ctx.today)
        {
            out.push(
                    Diagnostic::new(
                        Rule::MitigationOverdue,
                        due.pos,
                        format!(
                            "mitigation `{}` was due on {date} and is still `{status}`",
                            m.id.value
                        ),
                    )
                    .label(format!("{} days overdue", days_between(date, ctx.today)))
                    .help("deliver it and set `status: implemented`, or agree a new `due` date and record why"),
                );
        }
    }
    for ch in &a.remedy_channels {
        // UNGP 31 is written for non-judicial mechanisms.
        if ch.kind.value == ChannelKind::StateJudicial && ch.effectiveness.is_none() {
            continue;
        }
        let Some(eff) = &ch.effectiveness else {
            out.push(
                Diagnostic::new(
                    Rule::GrievanceNotAssessed,
                    ch.id.pos,
                    format!(
                        "remedy channel `{}` has no UNGP 31 effectiveness self-assessment",
                        ch.id.value
                    ),
                )
                .help(
                    "add `effectiveness:` rating each criterion met, partial, not-met or unknown",
                ),
            );
            continue;
        };
        let operational = matches!(
            ch.kind.value,
            ChannelKind::OperationalGrievance
                | ChannelKind::PlatformAppeal
                | ChannelKind::Whistleblowing
        );
        let mut missing = Vec::new();
        for (letter, name, value) in eff.value.criteria() {
            match value {
                Some(v) if v.value == Criterion::NotMet => out.push(
                    Diagnostic::new(
                        Rule::GrievanceCriteriaNotMet,
                        v.pos,
                        format!(
                            "remedy channel `{}` does not meet UNGP 31({letter}) `{name}`",
                            ch.id.value
                        ),
                    )
                    .help("add a mitigation that improves the channel, and link it from the risks it serves"),
                ),
                None if ch.kind.value != ChannelKind::StateJudicial
                    && (letter != "h" || operational) =>
                {
                    missing.push(name);
                }
                _ => {}
            }
        }
        if !missing.is_empty() {
            out.push(
                Diagnostic::new(
                    Rule::GrievanceNotAssessed,
                    eff.pos,
                    format!(
                        "remedy channel `{}` does not self-assess {}",
                        ch.id.value,
                        missing.join(", ")
                    ),
                )
                .help("rate each missing criterion met, partial, not-met or unknown"),
            );
        }
    }
    if let Some(next) = a
        .assessment
        .next_review
        .value
        .date()
        .filter(|d| *d < ctx.today)
    {
        out.push(
            Diagnostic::new(
                Rule::ReviewOverdue,
                a.assessment.next_review.pos,
                format!("the assessment was due for review on {next}"),
            )
            .label(format!("{} days overdue", days_between(next, ctx.today)))
            .help("review the assessment, then set a new `next_review` date"),
        );
    }
    unreferenced(a, out);
}

fn risk_rules(
    a: &Assessment,
    index: &Index<'_>,
    ctx: &Context<'_>,
    i: usize,
    risk: &Risk,
    out: &mut Vec<Diagnostic>,
) {
    let id = &risk.id.value;
    let actions: Vec<MitigationType> = risk
        .mitigations
        .iter()
        .filter_map(|m| index.mitigations.get(m.value.as_str()))
        .map(|&i| &a.mitigations[i])
        .filter(|m| m.status.value != MitigationStatus::Dropped)
        .map(|m| m.kind.value)
        .collect();
    let has = |types: &[MitigationType]| actions.iter().any(|t| types.contains(t));
    let band = band(a, i, ctx.method);
    let salient = band.is_some_and(Band::is_salient);
    let open = risk.status() != RiskStatus::Closed;
    let involvement = risk.involvement.value;
    let stop = [MitigationType::Cease, MitigationType::Prevent];

    if open {
        let missing = match involvement {
            Involvement::Cause => (!has(&stop)).then_some("a `cease` or `prevent` mitigation"),
            Involvement::Contribute => match (has(&stop), has(&[MitigationType::UseLeverage])) {
                (true, true) => None,
                (false, true) => Some("a `cease` or `prevent` mitigation"),
                (true, false) => Some("a `use-leverage` mitigation"),
                (false, false) => {
                    Some("a `cease` or `prevent` mitigation and a `use-leverage` one")
                }
            },
            Involvement::DirectlyLinked => {
                (!has(&[MitigationType::UseLeverage, MitigationType::BuildLeverage]))
                    .then_some("a `use-leverage` or `build-leverage` mitigation")
            }
        };
        if let Some(missing) = missing {
            out.push(
                Diagnostic::new(
                    Rule::ExpectedActionMissing,
                    risk.involvement.pos,
                    format!("risk `{id}` (`{involvement}`) lacks {missing}"),
                )
                .label("UNGP 19 sets the expected action by involvement")
                .help(format!(
                    "add {missing} to `mitigations` and link it from this risk"
                )),
            );
        }
    }

    if risk.impact.value == Impact::Actual
        && involvement != Involvement::DirectlyLinked
        && !has(&[MitigationType::Remediate])
        && risk.remedy.is_empty()
    {
        out.push(
            Diagnostic::new(
                Rule::RemediationMissing,
                risk.impact.pos,
                format!(
                    "risk `{id}` is an actual impact the company {}, with no remediation",
                    if involvement == Involvement::Cause {
                        "caused"
                    } else {
                        "contributed to"
                    }
                ),
            )
            .label("UNGP 22: provide for or cooperate in remediation")
            .help("link a `remediate` mitigation or a remedy channel from this risk"),
        );
    }

    if salient && open {
        if actions.is_empty() {
            out.push(
                Diagnostic::new(
                    Rule::SalientWithoutMitigation,
                    risk.id.pos,
                    format!("salient risk `{id}` has no mitigation"),
                )
                .label(format!("band {}", band.map_or("", Band::as_str)))
                .help("add a mitigation with an owner and a due date, and link it under `mitigations:`"),
            );
        }
        if risk.remedy.is_empty() {
            out.push(
                Diagnostic::new(
                    Rule::SalientWithoutRemedy,
                    risk.id.pos,
                    format!("salient risk `{id}` has no remedy channel"),
                )
                .label(format!("band {}", band.map_or("", Band::as_str)))
                .help("link the grievance or remedy channels that affected people can use under `remedy:`"),
            );
        } else {
            let reachable: HashSet<&str> = risk
                .remedy
                .iter()
                .filter_map(|r| index.remedy_channels.get(r.value.as_str()))
                .flat_map(|&i| a.remedy_channels[i].accessible_to.iter())
                .map(|rh| rh.value.as_str())
                .collect();
            let without: Vec<&str> = risk
                .rights_holders
                .iter()
                .map(|rh| rh.value.as_str())
                .filter(|rh| !reachable.contains(rh))
                .collect();
            if !without.is_empty() {
                out.push(
                    Diagnostic::new(
                        Rule::RemedyNotAccessible,
                        risk.remedy[0].pos,
                        format!(
                            "no remedy channel of salient risk `{id}` is accessible to {}",
                            quoted(&without)
                        ),
                    )
                    .help(
                        "add them to a channel's `accessible_to`, or link a channel they can use",
                    ),
                );
            }
        }
    }

    let vulnerable = score::affects_vulnerable(a, risk);
    let rationale = risk.severity.value.rationale.as_ref();
    if (salient || vulnerable) && rationale.is_none_or(|r| r.value.trim().is_empty()) {
        let why = match (salient, vulnerable) {
            (true, true) => "is salient and affects a vulnerable group",
            (true, false) => "is salient",
            _ => "affects a vulnerable group",
        };
        out.push(
            Diagnostic::new(
                Rule::RationaleMissing,
                risk.severity.pos,
                format!("risk `{id}` {why} but its severity has no rationale"),
            )
            .help("add `rationale:` under `severity:` saying why each rating was given"),
        );
    }
}

/// The band of risk `i`, when its ratings are valid enough to score.
fn band(a: &Assessment, i: usize, method: &Method) -> Option<Band> {
    let risk = &a.risks[i];
    let sev = &risk.severity.value;
    let ok = |v: i64| (1..=5).contains(&v);
    let likelihood_ok = match (&risk.likelihood, risk.impact.value) {
        (Some(l), _) => ok(l.value),
        (None, Impact::Actual) => true,
        (None, Impact::Potential) => false,
    };
    (ok(sev.scale.value) && ok(sev.scope.value) && ok(sev.remediability.value) && likelihood_ok)
        .then(|| score::score(a, i, method).band)
}

fn vulnerable_not_engaged(a: &Assessment, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    let engaged: HashSet<&str> = a
        .engagements
        .iter()
        .flat_map(|e| e.rights_holders.iter())
        .map(|rh| rh.value.as_str())
        .collect();
    let mut affected: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for risk in a.risks.iter().filter(|r| r.status() != RiskStatus::Closed) {
        for rh in risk.rights_holders.iter() {
            let rh = rh.value.as_str();
            if index.vulnerable.get(rh) == Some(&true) && !engaged.contains(rh) {
                affected.entry(rh).or_default().push(&risk.id.value);
            }
        }
    }
    for rh in a.rights_holders.iter() {
        if let Some(risks) = affected.remove(rh.id.value.as_str()) {
            out.push(
                Diagnostic::new(
                    Rule::VulnerableNotEngaged,
                    rh.id.pos,
                    format!(
                        "vulnerable group `{}` is affected by {} but no engagement involved them",
                        rh.id.value,
                        quoted(&risks)
                    ),
                )
                .help("record an engagement with them (or, where that is unsafe, with credible proxies) and list them under its `rights_holders`"),
            );
        }
    }
}

fn unreferenced(a: &Assessment, out: &mut Vec<Diagnostic>) {
    let mut used: HashSet<(&str, &str)> = HashSet::new();
    for r in &a.risks {
        let lists: [(&str, &[crate::model::Id]); 5] = [
            ("products", &r.products),
            ("rights_holders", &r.rights_holders),
            ("mitigations", &r.mitigations),
            ("remedy_channels", &r.remedy),
            ("engagements", &r.engagements),
        ];
        for (list, ids) in lists {
            used.extend(ids.iter().map(|id| (list, id.value.as_str())));
        }
    }
    let holders = a
        .remedy_channels
        .iter()
        .flat_map(|c| c.accessible_to.iter())
        .chain(a.engagements.iter().flat_map(|e| e.rights_holders.iter()));
    used.extend(holders.map(|id| ("rights_holders", id.value.as_str())));

    let mut report = |list: &'static str, what: &str, id: &crate::model::Id| {
        if !used.contains(&(list, id.value.as_str())) {
            out.push(
                Diagnostic::new(
                    Rule::UnreferencedItem,
                    id.pos,
                    format!("{what} `{}` is never referenced", id.value),
                )
                .help(format!(
                    "reference it from the risks it concerns, or remove it from `{list}`"
                )),
            );
        }
    };
    a.products
        .iter()
        .for_each(|p| report("products", "product", &p.id));
    a.rights_holders
        .iter()
        .for_each(|r| report("rights_holders", "rights-holder group", &r.id));
    a.mitigations
        .iter()
        .for_each(|m| report("mitigations", "mitigation", &m.id));
    a.remedy_channels
        .iter()
        .for_each(|c| report("remedy_channels", "remedy channel", &c.id));
    a.engagements
        .iter()
        .for_each(|e| report("engagements", "engagement", &e.id));
}

fn quoted(ids: &[&str]) -> String {
    ids.iter()
        .map(|id| format!("`{id}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn days_between(from: crate::model::Date, to: crate::model::Date) -> i64 {
    (to - from).get_days().into()
}
