//! The evaluators the crosswalk table refers to: each reads the validated model and says
//! what evidences an element, what is missing, and why.

use std::collections::{BTreeSet, HashMap};

use super::Status;
use crate::model::{
    Assessment, ChannelKind, Impact, Involvement, Lifecycle, Mitigation, MitigationStatus,
    MitigationType, RelationshipKind, Risk, RiskStatus,
};
use crate::score::Ranking;

/// What an evaluator found.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub status: Status,
    pub reason: String,
    pub evidence: Vec<String>,
}

fn found(status: Status, reason: impl Into<String>, evidence: Vec<String>) -> Finding {
    Finding {
        status,
        reason: reason.into(),
        evidence,
    }
}

/// How an element is evaluated.
pub(crate) enum Check {
    /// An evaluator of its own.
    Custom(fn(&Facts<'_>) -> Finding),
    /// A category of risk: evidenced by a risk naming one of `rights`, or whose title or
    /// description mentions one of `terms` (matched at the start of a word, any case).
    RiskCategory {
        rights: &'static [&'static str],
        terms: &'static [&'static str],
    },
    /// A system that influences risks: a product in one of `layers`, or whose name or
    /// description mentions one of `terms`, and the risks linked to it or mentioning it.
    Factor {
        layers: &'static [&'static str],
        terms: &'static [&'static str],
    },
    /// Outside what an assessment file can evidence; the text says where to evidence it.
    Outside(&'static str),
}

impl Check {
    pub(crate) fn run(&self, f: &Facts<'_>) -> Finding {
        match self {
            Check::Custom(eval) => eval(f),
            Check::RiskCategory { rights, terms } => risk_category(f, rights, terms),
            Check::Factor { layers, terms } => factor(f, layers, terms),
            Check::Outside(why) => found(Status::NotAssessable, *why, Vec::new()),
        }
    }
}

/// The model and what several evaluators derive from it.
pub(crate) struct Facts<'a> {
    pub a: &'a Assessment,
    pub ranking: &'a Ranking,
    mitigations: HashMap<&'a str, &'a Mitigation>,
}

impl<'a> Facts<'a> {
    pub(crate) fn new(a: &'a Assessment, ranking: &'a Ranking) -> Self {
        Facts {
            a,
            ranking,
            mitigations: a
                .mitigations
                .iter()
                .map(|m| (m.id.value.as_str(), m))
                .collect(),
        }
    }

    /// Risks that are not closed, in file order.
    fn open(&self) -> impl Iterator<Item = &'a Risk> + '_ {
        self.a
            .risks
            .iter()
            .filter(|r| r.status() != RiskStatus::Closed)
    }

    /// Open salient risks, in rank order.
    fn salient(&self) -> Vec<&'a Risk> {
        self.ranking
            .scores
            .iter()
            .filter(|s| s.salient())
            .filter_map(|s| self.a.risks.get(s.index))
            .filter(|r| r.status() != RiskStatus::Closed)
            .collect()
    }

    /// The mitigations linked from a risk that are not dropped.
    fn actions(&self, r: &Risk) -> Vec<&'a Mitigation> {
        r.mitigations
            .iter()
            .filter_map(|m| self.mitigations.get(m.value.as_str()).copied())
            .filter(|m| m.status.value != MitigationStatus::Dropped)
            .collect()
    }

    fn has_action(&self, r: &Risk, types: &[MitigationType]) -> bool {
        self.actions(r)
            .iter()
            .any(|m| types.contains(&m.kind.value))
    }

    /// Rights-holder groups engaged directly by some engagement.
    fn engaged(&self) -> BTreeSet<&'a str> {
        self.a
            .engagements
            .iter()
            .flat_map(|e| e.rights_holders.iter().map(|h| h.value.as_str()))
            .collect()
    }

    /// Vulnerable groups affected by an open salient risk that no engagement involved.
    fn vulnerable_not_engaged(&self) -> Vec<&'a str> {
        let engaged = self.engaged();
        let affected: BTreeSet<&str> = self
            .salient()
            .iter()
            .flat_map(|r| r.rights_holders.iter().map(|h| h.value.as_str()))
            .collect();
        self.a
            .rights_holders
            .iter()
            .filter(|h| h.vulnerable)
            .map(|h| h.id.value.as_str())
            .filter(|id| affected.contains(id) && !engaged.contains(id))
            .collect()
    }

    fn risk_touches(r: &Risk, rights: &[&str]) -> bool {
        r.rights.iter().any(|x| rights.contains(&x.value.as_str()))
    }

    /// Open risks that name privacy or data protection: the processing of personal data.
    fn data_risks(&self) -> Vec<&'a Risk> {
        self.open()
            .filter(|r| Self::risk_touches(r, DATA_RIGHTS))
            .collect()
    }
}

const DATA_RIGHTS: &[&str] = &["privacy", "data-protection"];

/// Whether `term` starts a word of `text` (any case).
pub(crate) fn mentions(text: &str, term: &str) -> bool {
    let text = text.to_lowercase();
    let term = term.to_lowercase();
    text.match_indices(&term).any(|(i, _)| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn risk_text(r: &Risk) -> String {
    let mut s = r.title.value.clone();
    if let Some(d) = &r.description {
        s.push(' ');
        s.push_str(&d.value);
    }
    s
}

fn quoted<'s>(ids: impl IntoIterator<Item = &'s str>) -> String {
    ids.into_iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn refs<'s>(list: &str, ids: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    ids.into_iter().map(|i| format!("{list}.{i}")).collect()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `next` is at most twelve months after `from`.
fn within_a_year(a: &Assessment) -> Option<bool> {
    let from = a.assessment.assessed_on.value.date()?;
    let next = a.assessment.next_review.value.date()?;
    Some(
        (next.year(), next.month(), next.day())
            <= (from.year().saturating_add(1), from.month(), from.day()),
    )
}

// ---- generic checks ----

fn risk_category(f: &Facts<'_>, rights: &[&str], terms: &[&str]) -> Finding {
    let hits: Vec<&Risk> = f
        .open()
        .filter(|r| {
            Facts::risk_touches(r, rights) || terms.iter().any(|t| mentions(&risk_text(r), t))
        })
        .collect();
    if hits.is_empty() {
        let mut what = Vec::new();
        if !rights.is_empty() {
            what.push(format!("names {}", quoted(rights.iter().copied())));
        }
        if !terms.is_empty() {
            what.push(format!(
                "mentions {}",
                terms
                    .iter()
                    .map(|t| format!("\"{t}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        return found(
            Status::Missing,
            format!("no open risk {}", what.join(" or ")),
            Vec::new(),
        );
    }
    let ids: Vec<&str> = hits.iter().map(|r| r.id.value.as_str()).collect();
    found(
        Status::Evidenced,
        format!(
            "assessed in {}: {}",
            plural(ids.len(), "risk"),
            quoted(ids.clone())
        ),
        refs("risks", ids),
    )
}

fn factor(f: &Facts<'_>, layers: &[&str], terms: &[&str]) -> Finding {
    let products: Vec<&str> =
        f.a.products
            .iter()
            .filter(|p| {
                let layer = p
                    .layer
                    .as_ref()
                    .is_some_and(|l| layers.contains(&l.value.as_str()));
                let mut text = p.name.value.clone();
                if let Some(d) = &p.description {
                    text.push(' ');
                    text.push_str(&d.value);
                }
                layer || terms.iter().any(|t| mentions(&text, t))
            })
            .map(|p| p.id.value.as_str())
            .collect();
    let risks: Vec<&str> = f
        .open()
        .filter(|r| {
            r.products
                .iter()
                .any(|p| products.contains(&p.value.as_str()))
                || terms.iter().any(|t| mentions(&risk_text(r), t))
        })
        .map(|r| r.id.value.as_str())
        .collect();
    let mut evidence = refs("products", products.iter().copied());
    evidence.extend(refs("risks", risks.iter().copied()));
    match (products.is_empty(), risks.is_empty()) {
        (_, false) => found(
            Status::Evidenced,
            format!(
                "its influence is assessed in {}: {}",
                plural(risks.len(), "risk"),
                quoted(risks.iter().copied())
            ),
            evidence,
        ),
        (false, true) => found(
            Status::Partial,
            format!(
                "described as {}, but no open risk is linked to it",
                quoted(products.iter().copied())
            ),
            evidence,
        ),
        (true, true) => found(
            Status::Missing,
            "no product describes the system and no open risk mentions it",
            evidence,
        ),
    }
}

// ---- EU AI Act, Art. 27(1) ----

pub(crate) fn ai_deployer_process(f: &Facts<'_>) -> Finding {
    let products = &f.a.products.value;
    let scope = f.a.assessment.scope.is_some();
    let described: Vec<&str> = products
        .iter()
        .filter(|p| p.description.is_some())
        .map(|p| p.id.value.as_str())
        .collect();
    let bare: Vec<&str> = products
        .iter()
        .filter(|p| p.description.is_none())
        .map(|p| p.id.value.as_str())
        .collect();
    let mut evidence: Vec<String> = described
        .iter()
        .map(|p| format!("products.{p}.description"))
        .collect();
    if scope {
        evidence.push("assessment.scope".into());
    }
    if products.is_empty() || (described.is_empty() && !scope) {
        return found(
            Status::Missing,
            "no product describes its intended purpose and the process it is used in",
            evidence,
        );
    }
    if bare.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "every product ({}) describes its intended purpose and context of use",
                products.len()
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no description of purpose and use for {}", quoted(bare)),
            evidence,
        )
    }
}

pub(crate) fn ai_period_frequency(f: &Facts<'_>) -> Finding {
    let in_use: Vec<&str> =
        f.a.products
            .iter()
            .filter(|p| {
                p.lifecycle
                    .iter()
                    .any(|l| matches!(l.value, Lifecycle::Deployment | Lifecycle::Use))
            })
            .map(|p| p.id.value.as_str())
            .collect();
    let mut evidence = Vec::new();
    if f.a.assessment.scope.is_some() {
        evidence.push("assessment.scope".to_owned());
    }
    evidence.extend(in_use.iter().map(|p| format!("products.{p}.lifecycle")));
    if f.a.assessment.scope.is_none() {
        return found(
            Status::Missing,
            "no `assessment.scope` states when and how often the system is used",
            evidence,
        );
    }
    found(
        Status::Partial,
        "format v1 has no field for the period and frequency of use: check that `assessment.scope` states them",
        evidence,
    )
}

pub(crate) fn ai_affected_groups(f: &Facts<'_>) -> Finding {
    let holders = &f.a.rights_holders.value;
    if holders.is_empty() {
        return found(
            Status::Missing,
            "no rights-holder group is listed",
            Vec::new(),
        );
    }
    let uncategorised: Vec<&str> = holders
        .iter()
        .filter(|h| h.category.is_none())
        .map(|h| h.id.value.as_str())
        .collect();
    let vulnerable = holders.iter().filter(|h| h.vulnerable).count();
    let evidence = refs(
        "rights_holders",
        holders.iter().map(|h| h.id.value.as_str()),
    );
    if uncategorised.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} with a category, {vulnerable} marked vulnerable",
                plural(holders.len(), "group")
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no `category` for {}", quoted(uncategorised)),
            evidence,
        )
    }
}

pub(crate) fn ai_specific_risks(f: &Facts<'_>) -> Finding {
    let risks = &f.a.risks;
    if risks.is_empty() {
        return found(Status::Missing, "no risk is recorded", Vec::new());
    }
    let thin: Vec<&str> = risks
        .iter()
        .filter(|r| r.description.is_none() || r.severity.value.rationale.is_none())
        .map(|r| r.id.value.as_str())
        .collect();
    let suppliers: BTreeSet<&str> =
        f.a.relationships
            .iter()
            .filter(|x| x.kind.value == RelationshipKind::Supplier)
            .map(|x| x.id.value.as_str())
            .collect();
    let via_provider: Vec<&str> = risks
        .iter()
        .filter(|r| {
            r.relationships
                .iter()
                .any(|x| suppliers.contains(x.value.as_str()))
        })
        .map(|r| r.id.value.as_str())
        .collect();
    let mut evidence = refs("risks", risks.iter().map(|r| r.id.value.as_str()));
    evidence.extend(refs("relationships", suppliers.iter().copied()));
    let mut gaps = Vec::new();
    if !thin.is_empty() {
        gaps.push(format!(
            "no description or severity rationale for {}",
            quoted(thin)
        ));
    }
    if via_provider.is_empty() {
        gaps.push(
            "no risk runs through the provider (a `supplier` relationship), so the use of its Art. 13 information is not shown"
                .to_owned(),
        );
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} with groups, rights, severity rationale and likelihood; provider information in {}",
                plural(risks.len(), "risk"),
                quoted(via_provider)
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

/// Words that mark a mitigation as a human oversight measure (in its id or action).
const OVERSIGHT_TERMS: &[&str] = &[
    "oversight",
    "human review",
    "human-in-the-loop",
    "human in the loop",
];

pub(crate) fn ai_human_oversight(f: &Facts<'_>) -> Finding {
    let measures: Vec<&str> =
        f.a.mitigations
            .iter()
            .filter(|m| m.status.value != MitigationStatus::Dropped)
            .filter(|m| {
                OVERSIGHT_TERMS
                    .iter()
                    .any(|t| mentions(&m.id.value, t) || mentions(&m.action.value, t))
            })
            .map(|m| m.id.value.as_str())
            .collect();
    if measures.is_empty() {
        return found(
            Status::Missing,
            "no mitigation that is not dropped describes human oversight (\"oversight\", \"human review\", \"human-in-the-loop\")",
            Vec::new(),
        );
    }
    found(
        Status::Evidenced,
        format!(
            "human oversight measures: {}",
            quoted(measures.iter().copied())
        ),
        refs("mitigations", measures),
    )
}

pub(crate) fn ai_materialisation(f: &Facts<'_>) -> Finding {
    let channels: Vec<&str> =
        f.a.remedy_channels
            .iter()
            .map(|c| c.id.value.as_str())
            .collect();
    if channels.is_empty() && f.a.mitigations.is_empty() {
        return found(
            Status::Missing,
            "no mitigation and no complaint mechanism is recorded",
            Vec::new(),
        );
    }
    let salient = f.salient();
    let unmitigated: Vec<&str> = salient
        .iter()
        .filter(|r| f.actions(r).is_empty())
        .map(|r| r.id.value.as_str())
        .collect();
    let no_remedy: Vec<&str> = salient
        .iter()
        .filter(|r| r.remedy.is_empty())
        .map(|r| r.id.value.as_str())
        .collect();
    let mut evidence = refs("remedy_channels", channels.iter().copied());
    evidence.push("mitigations[].owner".into());
    let mut gaps = Vec::new();
    if channels.is_empty() {
        gaps.push("no remedy channel (complaint mechanism)".to_owned());
    }
    if !unmitigated.is_empty() {
        gaps.push(format!("no mitigation for {}", quoted(unmitigated)));
    }
    if !no_remedy.is_empty() && !channels.is_empty() {
        gaps.push(format!("no remedy channel linked to {}", quoted(no_remedy)));
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "each of {} has a mitigation with an accountable owner and a remedy channel; {}",
                plural(salient.len(), "open salient risk"),
                plural(channels.len(), "complaint mechanism")
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

// ---- DSA, Art. 34–35 ----

/// The fundamental rights DSA Art. 34(1)(b) names, as catalogue ids.
const DSA_RIGHTS: &[(&str, &str)] = &[
    ("privacy", "private and family life"),
    ("data-protection", "personal data"),
    ("expression", "expression and information"),
    ("non-discrimination", "non-discrimination"),
    ("child-rights", "rights of the child"),
    ("consumer", "consumer protection"),
];

pub(crate) fn dsa_fundamental_rights(f: &Facts<'_>) -> Finding {
    let mut covered = Vec::new();
    let mut uncovered = Vec::new();
    let mut risks = BTreeSet::new();
    for (right, name) in DSA_RIGHTS {
        // Consumer protection is not in the built-in catalogue: any right whose id names it.
        let hits: Vec<&str> = f
            .open()
            .filter(|r| {
                r.rights.iter().any(|x| {
                    x.value == *right || (*right == "consumer" && x.value.contains("consumer"))
                })
            })
            .map(|r| r.id.value.as_str())
            .collect();
        if hits.is_empty() {
            uncovered.push(*name);
        } else {
            covered.push(*name);
            risks.extend(hits);
        }
    }
    let evidence = refs("risks", risks.iter().copied());
    let note = "human dignity (Charter Art. 1) is not checked on its own";
    if uncovered.is_empty() {
        found(
            Status::Evidenced,
            format!("every right Art. 34(1)(b) names is assessed; {note}"),
            evidence,
        )
    } else if covered.is_empty() {
        found(
            Status::Missing,
            format!("no open risk names a right Art. 34(1)(b) lists; {note}"),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!(
                "assessed: {}; not assessed: {}; {note}",
                covered.join(", "),
                uncovered.join(", ")
            ),
            evidence,
        )
    }
}

pub(crate) fn dsa_regional(f: &Facts<'_>) -> Finding {
    let markets: Vec<&str> =
        f.a.products
            .iter()
            .filter(|p| !p.markets.is_empty())
            .map(|p| p.id.value.as_str())
            .collect();
    let languages: Vec<&str> =
        f.a.remedy_channels
            .iter()
            .filter(|c| !c.languages.is_empty())
            .map(|c| c.id.value.as_str())
            .collect();
    let mut evidence: Vec<String> = markets
        .iter()
        .map(|p| format!("products.{p}.markets"))
        .collect();
    evidence.extend(
        languages
            .iter()
            .map(|c| format!("remedy_channels.{c}.languages")),
    );
    match (markets.is_empty(), languages.is_empty()) {
        (false, false) => found(
            Status::Evidenced,
            format!(
                "markets of {} and languages of {}",
                plural(markets.len(), "product"),
                plural(languages.len(), "remedy channel")
            ),
            evidence,
        ),
        (true, true) => found(
            Status::Missing,
            "no product lists its markets and no remedy channel its languages",
            evidence,
        ),
        (true, false) => found(Status::Partial, "no product lists its `markets`", evidence),
        (false, true) => found(
            Status::Partial,
            "no remedy channel lists its `languages`",
            evidence,
        ),
    }
}

pub(crate) fn dsa_annual(f: &Facts<'_>) -> Finding {
    let m = &f.a.assessment;
    let evidence = vec![
        "assessment.assessed_on".to_owned(),
        "assessment.next_review".to_owned(),
    ];
    let dates = format!(
        "assessed on {}, next review {}",
        m.assessed_on.value.raw(),
        m.next_review.value.raw()
    );
    match within_a_year(f.a) {
        Some(true) => found(
            Status::Evidenced,
            format!("{dates}: within a year"),
            evidence,
        ),
        _ => found(
            Status::Partial,
            format!("{dates}: more than a year apart"),
            evidence,
        ),
    }
}

pub(crate) fn dsa_mitigation(f: &Facts<'_>) -> Finding {
    salient_acted_on(f)
}

/// Each open salient risk has a mitigation that is not dropped.
fn salient_acted_on(f: &Facts<'_>) -> Finding {
    let salient = f.salient();
    let mitigated: Vec<&Risk> = salient
        .iter()
        .copied()
        .filter(|r| !f.actions(r).is_empty())
        .collect();
    let bare: Vec<&str> = salient
        .iter()
        .filter(|r| f.actions(r).is_empty())
        .map(|r| r.id.value.as_str())
        .collect();
    let evidence: Vec<String> = mitigated
        .iter()
        .map(|r| format!("risks.{}.mitigations", r.id.value))
        .collect();
    if salient.is_empty() {
        return found(
            Status::Evidenced,
            "no open salient risk is recorded",
            evidence,
        );
    }
    if bare.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "each of {} has a mitigation",
                plural(salient.len(), "open salient risk")
            ),
            evidence,
        )
    } else if mitigated.is_empty() {
        found(
            Status::Missing,
            format!("no mitigation for {}", quoted(bare)),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no mitigation for {}", quoted(bare)),
            evidence,
        )
    }
}

// ---- GDPR, Art. 35 ----

pub(crate) fn gdpr_description(f: &Facts<'_>) -> Finding {
    let data = f.data_risks();
    if data.is_empty() {
        return found(
            Status::Missing,
            "no open risk names `privacy` or `data-protection`, so no processing of personal data is identified",
            Vec::new(),
        );
    }
    let products: BTreeSet<&str> = data
        .iter()
        .flat_map(|r| r.products.iter().map(|p| p.value.as_str()))
        .collect();
    let bare: Vec<&str> =
        f.a.products
            .iter()
            .filter(|p| products.contains(p.id.value.as_str()) && p.description.is_none())
            .map(|p| p.id.value.as_str())
            .collect();
    let evidence: Vec<String> = products
        .iter()
        .map(|p| format!("products.{p}.description"))
        .collect();
    if bare.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} that process personal data describe purpose and use",
                plural(products.len(), "product")
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!(
                "no description of the processing and its purpose for {}",
                quoted(bare)
            ),
            evidence,
        )
    }
}

/// Words that show a necessity and proportionality assessment somewhere in the file.
const PROPORTIONALITY_TERMS: &[&str] = &["necess", "proportional", "minimis", "minimiz"];

pub(crate) fn gdpr_necessity(f: &Facts<'_>) -> Finding {
    let mut evidence = Vec::new();
    if let Some(s) = &f.a.assessment.scope
        && PROPORTIONALITY_TERMS.iter().any(|t| mentions(&s.value, t))
    {
        evidence.push("assessment.scope".to_owned());
    }
    for p in f.a.products.iter() {
        if p.description
            .as_ref()
            .is_some_and(|d| PROPORTIONALITY_TERMS.iter().any(|t| mentions(&d.value, t)))
        {
            evidence.push(format!("products.{}.description", p.id.value));
        }
    }
    for m in &f.a.mitigations {
        if m.status.value != MitigationStatus::Dropped
            && PROPORTIONALITY_TERMS
                .iter()
                .any(|t| mentions(&m.action.value, t) || mentions(&m.id.value, t))
        {
            evidence.push(format!("mitigations.{}", m.id.value));
        }
    }
    if evidence.is_empty() {
        return found(
            Status::Missing,
            "nothing in the scope, products or mitigations speaks of necessity, proportionality or data minimisation",
            evidence,
        );
    }
    found(
        Status::Partial,
        "necessity, proportionality or minimisation is mentioned; format v1 has no field for the assessment itself: check it is complete",
        evidence,
    )
}

pub(crate) fn gdpr_risks(f: &Facts<'_>) -> Finding {
    if f.a.risks.is_empty() {
        return found(Status::Missing, "no risk is recorded", Vec::new());
    }
    let data = f.data_risks();
    let ids: Vec<&str> = data.iter().map(|r| r.id.value.as_str()).collect();
    let evidence = refs("risks", ids.iter().copied());
    if data.is_empty() {
        return found(
            Status::Partial,
            "risks are assessed, but no open risk names `privacy` or `data-protection`",
            evidence,
        );
    }
    let thin: Vec<&str> = data
        .iter()
        .filter(|r| r.severity.value.rationale.is_none())
        .map(|r| r.id.value.as_str())
        .collect();
    if thin.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} to data subjects assessed with severity rationale and likelihood: {}",
                plural(ids.len(), "risk"),
                quoted(ids.iter().copied())
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no severity rationale for {}", quoted(thin)),
            evidence,
        )
    }
}

pub(crate) fn gdpr_measures(f: &Facts<'_>) -> Finding {
    let data = f.data_risks();
    if data.is_empty() {
        return found(
            Status::Missing,
            "no open risk names `privacy` or `data-protection`, so no measure addresses one",
            Vec::new(),
        );
    }
    let bare: Vec<&str> = data
        .iter()
        .filter(|r| f.actions(r).is_empty())
        .map(|r| r.id.value.as_str())
        .collect();
    let measures: BTreeSet<&str> = data
        .iter()
        .flat_map(|r| f.actions(r))
        .map(|m| m.id.value.as_str())
        .collect();
    let evidence = refs("mitigations", measures.iter().copied());
    if bare.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "each data protection risk has a measure: {}",
                quoted(measures.iter().copied())
            ),
            evidence,
        )
    } else if measures.is_empty() {
        found(
            Status::Missing,
            format!("no measure for {}", quoted(bare)),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no measure for {}", quoted(bare)),
            evidence,
        )
    }
}

pub(crate) fn gdpr_views(f: &Facts<'_>) -> Finding {
    let data = f.data_risks();
    let subjects: BTreeSet<&str> = data
        .iter()
        .flat_map(|r| r.rights_holders.iter().map(|h| h.value.as_str()))
        .collect();
    let engaged = f.engaged();
    let heard: Vec<&str> = subjects
        .iter()
        .copied()
        .filter(|h| engaged.contains(h))
        .collect();
    let unheard: Vec<&str> = subjects
        .iter()
        .copied()
        .filter(|h| !engaged.contains(h))
        .collect();
    let evidence: Vec<String> =
        f.a.engagements
            .iter()
            .filter(|e| {
                e.rights_holders
                    .iter()
                    .any(|h| subjects.contains(h.value.as_str()))
            })
            .map(|e| format!("engagements.{}", e.id.value))
            .collect();
    if subjects.is_empty() {
        return found(
            Status::Missing,
            "no data subjects are identified (no open risk names `privacy` or `data-protection`)",
            evidence,
        );
    }
    if unheard.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "every group of data subjects was engaged: {}",
                quoted(heard)
            ),
            evidence,
        )
    } else if heard.is_empty() {
        found(
            Status::Missing,
            format!("no engagement involved {}", quoted(unheard)),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("never engaged: {}", quoted(unheard)),
            evidence,
        )
    }
}

pub(crate) fn gdpr_review(f: &Facts<'_>) -> Finding {
    let tracked: BTreeSet<&str> = f
        .data_risks()
        .iter()
        .flat_map(|r| f.actions(r))
        .filter(|m| !m.indicators.is_empty())
        .map(|m| m.id.value.as_str())
        .collect();
    let mut evidence = vec!["assessment.next_review".to_owned()];
    evidence.extend(
        tracked
            .iter()
            .map(|m| format!("mitigations.{m}.indicators")),
    );
    let next = f.a.assessment.next_review.value.raw();
    if tracked.is_empty() {
        found(
            Status::Partial,
            format!(
                "review due {next}, but no data protection measure has an indicator to show whether processing follows the assessment"
            ),
            evidence,
        )
    } else {
        found(
            Status::Evidenced,
            format!(
                "review due {next}; indicators on {}",
                quoted(tracked.iter().copied())
            ),
            evidence,
        )
    }
}

// ---- CSDDD, Art. 8–16 ----

pub(crate) fn csddd_identify(f: &Facts<'_>) -> Finding {
    if f.a.risks.is_empty() {
        return found(Status::Missing, "no adverse impact is recorded", Vec::new());
    }
    let actual =
        f.a.risks
            .iter()
            .filter(|r| r.impact.value == Impact::Actual)
            .count();
    let chain: Vec<&str> =
        f.a.risks
            .iter()
            .filter(|r| !r.relationships.is_empty())
            .map(|r| r.id.value.as_str())
            .collect();
    let mut evidence = refs("risks", f.a.risks.iter().map(|r| r.id.value.as_str()));
    evidence.extend(refs(
        "relationships",
        f.a.relationships.iter().map(|x| x.id.value.as_str()),
    ));
    let counts = format!(
        "{} ({actual} actual), {}",
        plural(f.a.risks.len(), "impact"),
        plural(f.a.relationships.len(), "business relationship")
    );
    if f.a.relationships.is_empty() || chain.is_empty() {
        found(
            Status::Partial,
            format!(
                "{counts}: no impact is traced through the chain of activities (business partners)"
            ),
            evidence,
        )
    } else {
        found(
            Status::Evidenced,
            format!(
                "{counts}; {} traced through business partners",
                plural(chain.len(), "impact")
            ),
            evidence,
        )
    }
}

pub(crate) fn csddd_prioritise(f: &Facts<'_>) -> Finding {
    if f.a.risks.is_empty() {
        return found(
            Status::Missing,
            "no adverse impact to prioritise",
            Vec::new(),
        );
    }
    let salient = f.ranking.scores.iter().filter(|s| s.salient()).count();
    found(
        Status::Evidenced,
        format!(
            "{} ranked by severity, then likelihood ({} method); {salient} salient",
            plural(f.ranking.scores.len(), "impact"),
            f.ranking.method.name()
        ),
        vec![
            "risks[].severity".to_owned(),
            "risks[].likelihood".to_owned(),
        ],
    )
}

/// Open risks of one impact kind, and those without an action of `types`.
fn acted(f: &Facts<'_>, impact: Impact, types: &[MitigationType]) -> (Vec<String>, Vec<String>) {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for r in f.open().filter(|r| r.impact.value == impact) {
        if f.has_action(r, types) {
            with.push(r.id.value.clone());
        } else {
            without.push(r.id.value.clone());
        }
    }
    (with, without)
}

fn acted_finding(with: &[String], without: &[String], none: &str, what: &str) -> Finding {
    let evidence = with
        .iter()
        .map(|r| format!("risks.{r}.mitigations"))
        .collect();
    let q = quoted(without.iter().map(String::as_str));
    match (with.is_empty(), without.is_empty()) {
        (true, true) => found(Status::Evidenced, none, evidence),
        (_, true) => found(
            Status::Evidenced,
            format!("every such impact ({}) has a {what}", with.len()),
            evidence,
        ),
        (true, false) => found(Status::Missing, format!("no {what} for {q}"), evidence),
        (false, false) => found(Status::Partial, format!("no {what} for {q}"), evidence),
    }
}

pub(crate) fn csddd_prevent(f: &Facts<'_>) -> Finding {
    use MitigationType::*;
    let (with, without) = acted(
        f,
        Impact::Potential,
        &[
            Cease,
            Prevent,
            Mitigate,
            UseLeverage,
            BuildLeverage,
            EndRelationship,
        ],
    );
    acted_finding(
        &with,
        &without,
        "no open potential impact is recorded",
        "prevention or mitigation measure",
    )
}

pub(crate) fn csddd_end(f: &Facts<'_>) -> Finding {
    use MitigationType::*;
    let (with, without) = acted(
        f,
        Impact::Actual,
        &[
            Cease,
            Prevent,
            Mitigate,
            UseLeverage,
            BuildLeverage,
            EndRelationship,
        ],
    );
    acted_finding(
        &with,
        &without,
        "no open actual impact is recorded",
        "measure to bring it to an end or minimise it",
    )
}

pub(crate) fn csddd_remediate(f: &Facts<'_>) -> Finding {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for r in f.a.risks.iter().filter(|r| {
        r.impact.value == Impact::Actual && r.involvement.value != Involvement::DirectlyLinked
    }) {
        if f.has_action(r, &[MitigationType::Remediate]) {
            with.push(r.id.value.clone());
        } else {
            without.push(r.id.value.clone());
        }
    }
    acted_finding(
        &with,
        &without,
        "no actual impact the company caused or jointly caused is recorded",
        "`remediate` mitigation",
    )
}

pub(crate) fn csddd_engage(f: &Facts<'_>) -> Finding {
    if f.a.engagements.is_empty() {
        return found(Status::Missing, "no engagement is recorded", Vec::new());
    }
    let evidence = refs(
        "engagements",
        f.a.engagements.iter().map(|e| e.id.value.as_str()),
    );
    let unengaged = f.vulnerable_not_engaged();
    let no_outcome: Vec<&str> =
        f.a.engagements
            .iter()
            .filter(|e| e.outcome.is_none())
            .map(|e| e.id.value.as_str())
            .collect();
    let mut gaps = Vec::new();
    if !unengaged.is_empty() {
        gaps.push(format!(
            "vulnerable groups affected by salient risks never engaged: {}",
            quoted(unengaged)
        ));
    }
    if !no_outcome.is_empty() {
        gaps.push(format!("no recorded outcome for {}", quoted(no_outcome)));
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{}, each with an outcome; every vulnerable group affected by a salient risk was engaged",
                plural(f.a.engagements.len(), "engagement")
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

pub(crate) fn csddd_complaints(f: &Facts<'_>) -> Finding {
    let own: Vec<&crate::model::RemedyChannel> =
        f.a.remedy_channels
            .iter()
            .filter(|c| {
                matches!(
                    c.kind.value,
                    ChannelKind::OperationalGrievance
                        | ChannelKind::PlatformAppeal
                        | ChannelKind::Whistleblowing
                        | ChannelKind::MultiStakeholder
                )
            })
            .collect();
    let evidence = refs("remedy_channels", own.iter().map(|c| c.id.value.as_str()));
    if own.is_empty() {
        return found(
            Status::Missing,
            "no company-level or collaborative complaints channel (state channels do not count)",
            evidence,
        );
    }
    let reach: BTreeSet<&str> = own
        .iter()
        .flat_map(|c| c.accessible_to.iter().map(|h| h.value.as_str()))
        .collect();
    let affected: BTreeSet<&str> = f
        .open()
        .flat_map(|r| r.rights_holders.iter().map(|h| h.value.as_str()))
        .collect();
    let unreached: Vec<&str> = affected
        .iter()
        .copied()
        .filter(|h| !reach.contains(h))
        .collect();
    if unreached.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} reach every group affected by an open risk",
                plural(own.len(), "company channel")
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!("no company channel is accessible to {}", quoted(unreached)),
            evidence,
        )
    }
}

pub(crate) fn csddd_monitor(f: &Facts<'_>) -> Finding {
    let indicators: Vec<&str> =
        f.a.mitigations
            .iter()
            .filter(|m| m.status.value != MitigationStatus::Dropped && !m.indicators.is_empty())
            .map(|m| m.id.value.as_str())
            .collect();
    let untracked: Vec<&str> =
        f.a.mitigations
            .iter()
            .filter(|m| {
                matches!(
                    m.status.value,
                    MitigationStatus::Implemented | MitigationStatus::Verified
                ) && m.indicators.is_empty()
            })
            .map(|m| m.id.value.as_str())
            .collect();
    let yearly = within_a_year(f.a) == Some(true);
    let mut evidence = vec!["assessment.next_review".to_owned()];
    evidence.extend(
        indicators
            .iter()
            .map(|m| format!("mitigations.{m}.indicators")),
    );
    if indicators.is_empty() && !yearly {
        return found(
            Status::Missing,
            "no indicator on any measure, and the next review is more than 12 months away",
            evidence,
        );
    }
    let mut gaps = Vec::new();
    if !yearly {
        gaps.push("the next review is more than 12 months after `assessed_on`".to_owned());
    }
    if indicators.is_empty() {
        gaps.push("no measure has an indicator".to_owned());
    }
    if !untracked.is_empty() {
        gaps.push(format!(
            "implemented or verified without an indicator: {}",
            quoted(untracked)
        ));
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "reviewed within 12 months; indicators on {}",
                plural(indicators.len(), "measure")
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

// ---- UNGP 15–22 ----

pub(crate) fn ungp_processes(f: &Facts<'_>) -> Finding {
    let channels = refs(
        "remedy_channels",
        f.a.remedy_channels.iter().map(|c| c.id.value.as_str()),
    );
    if channels.is_empty() {
        return found(
            Status::Partial,
            "this assessment evidences a due diligence process (b), but no process to enable remediation (c) is recorded; the policy commitment (a) is UNGP 16",
            channels,
        );
    }
    found(
        Status::Evidenced,
        format!(
            "this assessment evidences a due diligence process (b) and {} enable remediation (c); the policy commitment (a) is UNGP 16",
            plural(channels.len(), "remedy channel")
        ),
        channels,
    )
}

pub(crate) fn ungp_due_diligence(f: &Facts<'_>) -> Finding {
    if f.a.risks.is_empty() {
        return found(Status::Missing, "no impact is recorded", Vec::new());
    }
    let mut kinds: Vec<&str> =
        f.a.risks
            .iter()
            .map(|r| r.involvement.value.as_str())
            .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut evidence = vec![
        "risks[].involvement".to_owned(),
        "assessment.next_review".to_owned(),
    ];
    if f.a.assessment.trigger.is_some() {
        evidence.push("assessment.trigger".to_owned());
    }
    let involvement = format!(
        "{} ({}); next review {}",
        plural(f.a.risks.len(), "impact"),
        kinds.join(", "),
        f.a.assessment.next_review.value.raw()
    );
    if f.a.relationships.is_empty() {
        found(
            Status::Partial,
            format!(
                "{involvement}; no business relationship is mapped, so impacts directly linked through them are not considered"
            ),
            evidence,
        )
    } else {
        evidence.push("relationships".to_owned());
        found(
            Status::Evidenced,
            format!(
                "{involvement}; {} mapped",
                plural(f.a.relationships.len(), "business relationship")
            ),
            evidence,
        )
    }
}

pub(crate) fn ungp_identify(f: &Facts<'_>) -> Finding {
    let assessors = !f.a.assessment.assessors.is_empty();
    let external = f.a.assessment.assessors.iter().any(|x| x.external);
    let direct: Vec<&str> =
        f.a.engagements
            .iter()
            .filter(|e| !e.rights_holders.is_empty())
            .map(|e| e.id.value.as_str())
            .collect();
    let mut evidence = Vec::new();
    if assessors {
        evidence.push("assessment.assessors".to_owned());
    }
    evidence.extend(refs("engagements", direct.iter().copied()));
    if !assessors && direct.is_empty() {
        return found(
            Status::Missing,
            "no assessors (expertise) and no engagement with affected groups",
            evidence,
        );
    }
    let unengaged = f.vulnerable_not_engaged();
    let mut gaps = Vec::new();
    if !assessors {
        gaps.push("no `assessors` show the human rights expertise drawn on".to_owned());
    }
    if direct.is_empty() {
        gaps.push("no engagement involved an affected group directly".to_owned());
    }
    if !unengaged.is_empty() {
        gaps.push(format!(
            "vulnerable groups affected by salient risks never engaged: {}",
            quoted(unengaged)
        ));
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} expertise; {} with affected groups, every vulnerable group affected by a salient risk among them",
                if external {
                    "internal and external"
                } else {
                    "internal"
                },
                plural(direct.len(), "engagement")
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

pub(crate) fn ungp_act(f: &Facts<'_>) -> Finding {
    use MitigationType::*;
    if f.a.mitigations.is_empty() {
        return found(Status::Missing, "no mitigation is recorded", Vec::new());
    }
    let stop = [Cease, Prevent];
    let mut short = Vec::new();
    let mut ok = Vec::new();
    for r in f.open() {
        let good = match r.involvement.value {
            Involvement::Cause => f.has_action(r, &stop),
            Involvement::Contribute => f.has_action(r, &stop) && f.has_action(r, &[UseLeverage]),
            Involvement::DirectlyLinked => f.has_action(r, &[UseLeverage, BuildLeverage]),
        };
        if good {
            ok.push(r.id.value.clone());
        } else {
            short.push(r.id.value.clone());
        }
    }
    let mut evidence: Vec<String> = ok
        .iter()
        .map(|r| format!("risks.{r}.mitigations"))
        .collect();
    evidence.push("mitigations[].owner".to_owned());
    if short.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "each of {} has the action its involvement calls for, with an accountable owner",
                plural(ok.len(), "open risk")
            ),
            evidence,
        )
    } else {
        found(
            Status::Partial,
            format!(
                "the action the involvement calls for (see U001) is missing for {}",
                quoted(short.iter().map(String::as_str))
            ),
            evidence,
        )
    }
}

pub(crate) fn ungp_track(f: &Facts<'_>) -> Finding {
    use crate::model::{IndicatorKind, IndicatorSource};
    let all: Vec<(&str, &crate::model::Indicator)> =
        f.a.mitigations
            .iter()
            .filter(|m| m.status.value != MitigationStatus::Dropped)
            .flat_map(|m| m.indicators.iter().map(move |i| (m.id.value.as_str(), i)))
            .collect();
    if all.is_empty() {
        return found(
            Status::Missing,
            "no mitigation has an indicator",
            Vec::new(),
        );
    }
    let mut tracked: Vec<&str> = all.iter().map(|(m, _)| *m).collect();
    tracked.dedup();
    let evidence = tracked
        .iter()
        .map(|m| format!("mitigations.{m}.indicators"))
        .collect();
    let has_kind = |k: IndicatorKind| all.iter().any(|(_, i)| i.kind.value == k);
    let feedback = all.iter().any(|(_, i)| {
        i.source
            .as_ref()
            .is_some_and(|s| s.value == IndicatorSource::AffectedStakeholders)
    });
    let mut gaps = Vec::new();
    if !has_kind(IndicatorKind::Quantitative) {
        gaps.push("no quantitative indicator");
    }
    if !has_kind(IndicatorKind::Qualitative) {
        gaps.push("no qualitative indicator");
    }
    if !feedback {
        gaps.push("no indicator draws on feedback from affected stakeholders");
    }
    if gaps.is_empty() {
        found(
            Status::Evidenced,
            format!(
                "{} on {}, qualitative and quantitative, including feedback from affected stakeholders",
                plural(all.len(), "indicator"),
                plural(tracked.len(), "mitigation")
            ),
            evidence,
        )
    } else {
        found(Status::Partial, gaps.join("; "), evidence)
    }
}

pub(crate) fn ungp_remediate(f: &Facts<'_>) -> Finding {
    let mut with = Vec::new();
    let mut without = Vec::new();
    for r in f.a.risks.iter().filter(|r| {
        r.impact.value == Impact::Actual && r.involvement.value != Involvement::DirectlyLinked
    }) {
        if f.has_action(r, &[MitigationType::Remediate]) || !r.remedy.is_empty() {
            with.push(r.id.value.clone());
        } else {
            without.push(r.id.value.clone());
        }
    }
    let mut finding = acted_finding(
        &with,
        &without,
        "no actual impact the company caused or contributed to is recorded",
        "`remediate` mitigation or remedy channel",
    );
    finding.evidence.extend(refs(
        "remedy_channels",
        f.a.remedy_channels.iter().map(|c| c.id.value.as_str()),
    ));
    finding
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_at_the_start_of_words_only() {
        assert!(mentions(
            "Interest profiles used for ad targeting",
            "ad targeting"
        ));
        assert!(mentions("Hate-speech classifier over-enforces", "enforce"));
        assert!(mentions("Recommender pulls", "recommend"));
        assert!(!mentions("a broad ban", "ad"));
        assert!(!mentions("misread", "ads"));
    }
}
