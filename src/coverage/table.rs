//! THE crosswalk: for each framework, each required element with its stable id, its precise
//! citation, the requirement in a short paraphrase, what to add when it is not evidenced, and
//! the evaluator that reads the file. This is the one table to review when the law changes.
//!
//! Sources (texts as published in the Official Journal; paraphrases, not quotations):
//! - Regulation (EU) 2024/1689 (AI Act), Art. 27(1)(a)–(f).
//! - Regulation (EU) 2022/2065 (Digital Services Act), Art. 34(1) (incl. (a)–(d) and the yearly cadence),
//!   34(2)(a)–(e) and its second and third subparagraphs, Art. 35(1).
//! - Regulation (EU) 2016/679 (GDPR), Art. 35(7)(a)–(d), 35(9), 35(11).
//! - Directive (EU) 2024/1760 (CSDDD), Art. 8–16, as adopted on 13 June 2024. Later
//!   amendments (the 2025–26 "Omnibus" simplification) may change periodicity and scope:
//!   check the consolidated text before relying on Art. 15's twelve months.
//! - UN Guiding Principles on Business and Human Rights (HR/PUB/11/04, 2011), Principles 15–22.
//!
//! `oecd` has no crosswalk yet: the OECD Guidelines (2023) Chapter IV and the OECD Due
//! Diligence Guidance follow the same steps as UNGP 17–22; use `ungp` until one is added.

use super::evidence::{self as ev, Check};
use crate::model::Framework;

/// One required element of a framework.
pub struct Element {
    pub framework: Framework,
    /// Stable id, e.g. `ai-act-27-1-a`; never reused for another element.
    pub id: &'static str,
    /// The precise citation.
    pub citation: &'static str,
    /// The requirement, paraphrased.
    pub requirement: &'static str,
    /// What to add to the file when the element is not evidenced.
    pub add: &'static str,
    pub(crate) check: Check,
}

/// Whether hrdd has a crosswalk for the framework.
pub fn covered(framework: Framework) -> bool {
    framework != Framework::Oecd
}

/// The instrument a framework's elements cite.
pub fn instrument(framework: Framework) -> &'static str {
    match framework {
        Framework::EuAiActFria => {
            "Regulation (EU) 2024/1689 (AI Act), Art. 27: fundamental rights impact assessment"
        }
        Framework::DsaSystemicRisk => {
            "Regulation (EU) 2022/2065 (Digital Services Act), Art. 34–35: systemic risks"
        }
        Framework::GdprDpia => {
            "Regulation (EU) 2016/679 (GDPR), Art. 35: data protection impact assessment"
        }
        Framework::Csddd => "Directive (EU) 2024/1760 (CSDDD), Art. 8–16: due diligence",
        Framework::Ungp => "UN Guiding Principles on Business and Human Rights, Principles 15–22",
        Framework::Oecd => {
            "OECD Guidelines for Multinational Enterprises, Chapter IV (no crosswalk in hrdd yet)"
        }
    }
}

/// The instruments' prefixes of every citation, as `cite!` writes them.
const PREFIXES: [&str; 5] = [
    "Regulation (EU) 2024/1689 (AI Act), ",
    "Regulation (EU) 2022/2065 (DSA), ",
    "Regulation (EU) 2016/679 (GDPR), ",
    "Directive (EU) 2024/1760 (CSDDD), ",
    "UN Guiding Principles on Business and Human Rights, ",
];

/// The citation without its instrument, e.g. `Art. 27(1)(a)`, for tables headed by it.
pub fn article(citation: &str) -> &str {
    PREFIXES
        .iter()
        .find_map(|p| citation.strip_prefix(p))
        .unwrap_or(citation)
}

/// A citation: the instrument's prefix, then the article or principle.
macro_rules! cite {
    (AI, $art:literal) => {
        concat!("Regulation (EU) 2024/1689 (AI Act), ", $art)
    };
    (DSA, $art:literal) => {
        concat!("Regulation (EU) 2022/2065 (DSA), ", $art)
    };
    (GDPR, $art:literal) => {
        concat!("Regulation (EU) 2016/679 (GDPR), ", $art)
    };
    (CSDDD, $art:literal) => {
        concat!("Directive (EU) 2024/1760 (CSDDD), ", $art)
    };
    (UNGP, $art:literal) => {
        concat!("UN Guiding Principles on Business and Human Rights, ", $art)
    };
}

/// Every element of every framework, in the order of each instrument.
pub static ELEMENTS: &[Element] = &[
    // ---- EU AI Act: fundamental rights impact assessment by deployers ----
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-a",
        citation: cite!(AI, "Art. 27(1)(a)"),
        requirement: "A description of the deployer's processes in which the high-risk AI system will be used, in line with its intended purpose.",
        add: "`products[].description`: the intended purpose and the deployer's process the system is used in",
        check: Check::Custom(ev::ai_deployer_process),
    },
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-b",
        citation: cite!(AI, "Art. 27(1)(b)"),
        requirement: "A description of the period of time within which, and the frequency with which, the system is intended to be used.",
        add: "the period and frequency of use in `assessment.scope` (e.g. \"daily, from 2027-03 for three years\"), and `products[].lifecycle` with `deployment`/`use`",
        check: Check::Custom(ev::ai_period_frequency),
    },
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-c",
        citation: cite!(AI, "Art. 27(1)(c)"),
        requirement: "The categories of natural persons and groups likely to be affected by its use in the specific context.",
        add: "`rights_holders[].category` for every group (and `vulnerable`, `vulnerability`, `estimated_number`)",
        check: Check::Custom(ev::ai_affected_groups),
    },
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-d",
        citation: cite!(AI, "Art. 27(1)(d)"),
        requirement: "The specific risks of harm likely to impact those categories, taking into account the information given by the provider under Art. 13.",
        add: "`risks[].description` and `severity.rationale`; the provider as a `relationships[]` entry (kind `supplier`) linked from the risks its instructions for use inform",
        check: Check::Custom(ev::ai_specific_risks),
    },
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-e",
        citation: cite!(AI, "Art. 27(1)(e)"),
        requirement: "A description of the implementation of human oversight measures, according to the instructions for use.",
        add: "a `mitigations[]` entry describing human oversight (who reviews, overrides or stops the system), linked from the risks of the AI system",
        check: Check::Custom(ev::ai_human_oversight),
    },
    Element {
        framework: Framework::EuAiActFria,
        id: "ai-act-27-1-f",
        citation: cite!(AI, "Art. 27(1)(f)"),
        requirement: "The measures to be taken if those risks materialise, including internal governance arrangements and complaint mechanisms.",
        add: "`mitigations[]` (with `owner`) linked from each salient risk, and `remedy_channels[]` linked under `risks[].remedy`",
        check: Check::Custom(ev::ai_materialisation),
    },
    // ---- DSA: systemic risks of very large online platforms and search engines ----
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-1-a",
        citation: cite!(DSA, "Art. 34(1)(a)"),
        requirement: "Systemic risk: the dissemination of illegal content through the service.",
        add: "a `risks[]` entry on illegal content (e.g. incitement, child sexual abuse material, illegal hate speech), or say in `assessment.scope` why none arises",
        check: Check::RiskCategory {
            rights: &[],
            terms: &[
                "illegal",
                "incitement",
                "hate speech",
                "child sexual abuse",
                "csam",
                "terroris",
                "counterfeit",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-1-b",
        citation: cite!(DSA, "Art. 34(1)(b)"),
        requirement: "Systemic risk: actual or foreseeable negative effects on fundamental rights, in particular human dignity, private and family life, personal data, freedom of expression and information (including media freedom and pluralism), non-discrimination, the rights of the child and consumer protection.",
        add: "`risks[].rights` covering `privacy`, `data-protection`, `expression`, `non-discrimination`, `child-rights` and a custom consumer-protection right where they are at stake",
        check: Check::Custom(ev::dsa_fundamental_rights),
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-1-c",
        citation: cite!(DSA, "Art. 34(1)(c)"),
        requirement: "Systemic risk: actual or foreseeable negative effects on civic discourse and electoral processes, and public security.",
        add: "a `risks[]` entry on civic discourse, elections or public security (rights `participation`, `assembly`)",
        check: Check::RiskCategory {
            rights: &["participation", "assembly"],
            terms: &[
                "election",
                "electoral",
                "civic",
                "public security",
                "disinformation",
                "political",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-1-d",
        citation: cite!(DSA, "Art. 34(1)(d)"),
        requirement: "Systemic risk: actual or foreseeable negative effects in relation to gender-based violence, public health, the protection of minors, and serious negative consequences to physical and mental well-being.",
        add: "a `risks[]` entry on gender-based violence, public health, minors or well-being (rights `health`, `child-rights`, `integrity`)",
        check: Check::RiskCategory {
            rights: &["health", "child-rights", "integrity"],
            terms: &[
                "gender-based",
                "gender based",
                "public health",
                "minors",
                "well-being",
                "wellbeing",
                "self-harm",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-1-annual",
        citation: cite!(DSA, "Art. 34(1)"),
        requirement: "The risk assessment is carried out at least once a year, and before deploying functionalities likely to have a critical impact on the risks.",
        add: "`assessment.next_review` at most a year after `assessed_on`, and `assessment.trigger` for a new functionality",
        check: Check::Custom(ev::dsa_annual),
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-a",
        citation: cite!(DSA, "Art. 34(2)(a)"),
        requirement: "Factor: the design of recommender systems and any other relevant algorithmic system.",
        add: "the recommender or algorithmic system as a `products[]` entry (layer `ai-model`) linked from the risks it influences",
        check: Check::Factor {
            layers: &["ai-model"],
            terms: &["recommend", "ranking", "algorithm", "feed"],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-b",
        citation: cite!(DSA, "Art. 34(2)(b)"),
        requirement: "Factor: the provider's content moderation systems.",
        add: "content moderation as a `products[]` entry linked from the risks it influences",
        check: Check::Factor {
            layers: &[],
            terms: &["moderat", "takedown"],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-c",
        citation: cite!(DSA, "Art. 34(2)(c)"),
        requirement: "Factor: the applicable terms and conditions and their enforcement.",
        add: "a `risks[]` entry (or product) on the terms and conditions and how they are enforced",
        check: Check::Factor {
            layers: &[],
            terms: &[
                "terms of service",
                "terms and conditions",
                "community guidelines",
                "community standards",
                "enforce",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-d",
        citation: cite!(DSA, "Art. 34(2)(d)"),
        requirement: "Factor: systems for selecting and presenting advertisements.",
        add: "the advertising system as a `products[]` entry, or a `risks[]` entry on ad selection and targeting",
        check: Check::Factor {
            layers: &[],
            terms: &["advert", "ads", "ad targeting", "ad-targeting", "sponsored"],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-e",
        citation: cite!(DSA, "Art. 34(2)(e)"),
        requirement: "Factor: the data-related practices of the provider.",
        add: "data practices as a `products[]` entry (layer `data`), or a `risks[]` entry on profiling, retention or sharing",
        check: Check::Factor {
            layers: &["data"],
            terms: &[
                "personal data",
                "profil",
                "data retention",
                "data sharing",
                "tracking",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-manipulation",
        citation: cite!(DSA, "Art. 34(2), second subparagraph"),
        requirement: "Whether and how the risks are influenced by intentional manipulation of the service (inauthentic use, automated exploitation) and by amplification and rapid, wide dissemination.",
        add: "a `risks[]` entry (or a passage in a risk's `description`) on manipulation, inauthentic behaviour or amplification",
        check: Check::RiskCategory {
            rights: &[],
            terms: &[
                "manipulat",
                "inauthentic",
                "bot",
                "coordinated",
                "amplif",
                "viral",
            ],
        },
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-34-2-regional",
        citation: cite!(DSA, "Art. 34(2), third subparagraph"),
        requirement: "The assessment takes into account specific regional or linguistic aspects, including those specific to a Member State.",
        add: "`products[].markets` and `remedy_channels[].languages`",
        check: Check::Custom(ev::dsa_regional),
    },
    Element {
        framework: Framework::DsaSystemicRisk,
        id: "dsa-35-1",
        citation: cite!(DSA, "Art. 35(1)"),
        requirement: "Reasonable, proportionate and effective mitigation measures, tailored to the specific systemic risks identified.",
        add: "a `mitigations[]` entry linked from each salient risk",
        check: Check::Custom(ev::dsa_mitigation),
    },
    // ---- GDPR: data protection impact assessment ----
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-7-a",
        citation: cite!(GDPR, "Art. 35(7)(a)"),
        requirement: "A systematic description of the envisaged processing operations and the purposes of the processing, including any legitimate interest pursued.",
        add: "`products[].description` of the processing and its purposes for every product in a `privacy`/`data-protection` risk",
        check: Check::Custom(ev::gdpr_description),
    },
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-7-b",
        citation: cite!(GDPR, "Art. 35(7)(b)"),
        requirement: "An assessment of the necessity and proportionality of the processing operations in relation to the purposes.",
        add: "the necessity and proportionality assessment in `assessment.scope` or the products' descriptions, and data minimisation as a `mitigations[]` entry",
        check: Check::Custom(ev::gdpr_necessity),
    },
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-7-c",
        citation: cite!(GDPR, "Art. 35(7)(c)"),
        requirement: "An assessment of the risks to the rights and freedoms of data subjects.",
        add: "`risks[]` naming `privacy` or `data-protection`, with `severity.rationale`",
        check: Check::Custom(ev::gdpr_risks),
    },
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-7-d",
        citation: cite!(GDPR, "Art. 35(7)(d)"),
        requirement: "The measures envisaged to address the risks, including safeguards, security measures and mechanisms to ensure the protection of personal data.",
        add: "a `mitigations[]` entry linked from each `privacy`/`data-protection` risk",
        check: Check::Custom(ev::gdpr_measures),
    },
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-9",
        citation: cite!(GDPR, "Art. 35(9)"),
        requirement: "Where appropriate, the views of data subjects or their representatives on the intended processing are sought.",
        add: "an `engagements[]` entry whose `rights_holders` lists the data subjects (or say in `assessment.scope` why it is not appropriate)",
        check: Check::Custom(ev::gdpr_views),
    },
    Element {
        framework: Framework::GdprDpia,
        id: "gdpr-35-11",
        citation: cite!(GDPR, "Art. 35(11)"),
        requirement: "Where necessary, a review of whether processing follows the assessment, at least when the risk changes.",
        add: "`mitigations[].indicators` on the data protection measures, and `assessment.next_review`",
        check: Check::Custom(ev::gdpr_review),
    },
    // ---- CSDDD: corporate sustainability due diligence ----
    Element {
        framework: Framework::Csddd,
        id: "csddd-8",
        citation: cite!(CSDDD, "Art. 8"),
        requirement: "Identify and assess actual and potential adverse impacts arising from own operations, subsidiaries and business partners in the chain of activities (mapping, then in-depth assessment).",
        add: "`relationships[]` for the business partners, linked from the `risks[]` that arise through them",
        check: Check::Custom(ev::csddd_identify),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-9",
        citation: cite!(CSDDD, "Art. 9"),
        requirement: "Where not all impacts can be addressed at once, prioritise them based on their severity and likelihood.",
        add: "`risks[]` with `severity` and `likelihood`",
        check: Check::Custom(ev::csddd_prioritise),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-10",
        citation: cite!(CSDDD, "Art. 10"),
        requirement: "Prevent potential adverse impacts, or adequately mitigate them where prevention is not possible (prevention action plan, contractual assurances, use of influence).",
        add: "a `prevent`, `mitigate` or leverage `mitigations[]` entry (with `due` and indicators) linked from each open potential impact",
        check: Check::Custom(ev::csddd_prevent),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-11",
        citation: cite!(CSDDD, "Art. 11"),
        requirement: "Bring actual adverse impacts to an end, or minimise their extent where that is not possible (corrective action plan).",
        add: "a `cease`, `mitigate` or leverage `mitigations[]` entry linked from each open actual impact",
        check: Check::Custom(ev::csddd_end),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-12",
        citation: cite!(CSDDD, "Art. 12"),
        requirement: "Provide remediation where the company has caused or jointly caused an actual adverse impact.",
        add: "a `remediate` `mitigations[]` entry linked from each actual impact the company caused or contributed to",
        check: Check::Custom(ev::csddd_remediate),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-13",
        citation: cite!(CSDDD, "Art. 13"),
        requirement: "Meaningful engagement with stakeholders when identifying, prioritising, planning action, remediating and developing indicators.",
        add: "`engagements[]` with the affected groups under `rights_holders`, each with an `outcome`",
        check: Check::Custom(ev::csddd_engage),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-14",
        citation: cite!(CSDDD, "Art. 14"),
        requirement: "A notification mechanism and a fair, accessible complaints procedure for those affected or with legitimate concerns.",
        add: "a company-level `remedy_channels[]` entry (`operational-grievance`, `platform-appeal`, `whistleblowing` or `multi-stakeholder`) with `accessible_to` listing each affected group",
        check: Check::Custom(ev::csddd_complaints),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-15",
        citation: cite!(CSDDD, "Art. 15"),
        requirement: "Monitor the effectiveness of the measures through periodic assessments, at least every twelve months and after a significant change, based on qualitative and quantitative indicators.",
        add: "`mitigations[].indicators`, and `assessment.next_review` within twelve months of `assessed_on`",
        check: Check::Custom(ev::csddd_monitor),
    },
    Element {
        framework: Framework::Csddd,
        id: "csddd-16",
        citation: cite!(CSDDD, "Art. 16"),
        requirement: "Communicate on due diligence: publish an annual statement on the company's website.",
        add: "publish the annual statement; `hrdd report --audience public` drafts its human rights part",
        check: Check::Outside(
            "publication is outside the file; `hrdd report --audience public` drafts the content",
        ),
    },
    // ---- UN Guiding Principles: the corporate responsibility to respect ----
    Element {
        framework: Framework::Ungp,
        id: "ungp-15",
        citation: cite!(UNGP, "Principle 15"),
        requirement: "Policies and processes: (a) a policy commitment, (b) a human rights due diligence process, (c) processes to enable remediation.",
        add: "`remedy_channels[]` for (c); the policy commitment (a) is evidenced outside the file",
        check: Check::Custom(ev::ungp_processes),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-16",
        citation: cite!(UNGP, "Principle 16"),
        requirement: "A policy commitment approved at the most senior level, informed by expertise, publicly available and embedded in policies and procedures.",
        add: "keep the published policy commitment with the assessment; it is not part of format v1",
        check: Check::Outside("a policy commitment is a separate, public document"),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-17",
        citation: cite!(UNGP, "Principle 17"),
        requirement: "Human rights due diligence covering impacts the company causes, contributes to or is directly linked to through its relationships; ongoing.",
        add: "`relationships[]` for the business relationships, `risks[].involvement`, and `assessment.next_review`",
        check: Check::Custom(ev::ungp_due_diligence),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-18",
        citation: cite!(UNGP, "Principle 18"),
        requirement: "Identify and assess impacts drawing on human rights expertise and meaningful consultation with potentially affected groups.",
        add: "`assessment.assessors` (internal or external expertise) and `engagements[]` whose `rights_holders` include each vulnerable group affected by a salient risk",
        check: Check::Custom(ev::ungp_identify),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-19",
        citation: cite!(UNGP, "Principle 19"),
        requirement: "Integrate the findings and take appropriate action, according to involvement (cause, contribute, directly linked) and leverage; responsibility assigned.",
        add: "the action the involvement calls for under each risk's `mitigations` (cause: `cease`/`prevent`; contribute: also `use-leverage`; directly linked: `use-leverage`/`build-leverage`)",
        check: Check::Custom(ev::ungp_act),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-20",
        citation: cite!(UNGP, "Principle 20"),
        requirement: "Track the effectiveness of the response with qualitative and quantitative indicators, drawing on feedback from affected stakeholders.",
        add: "`mitigations[].indicators` of both kinds, at least one with `source: affected-stakeholders`",
        check: Check::Custom(ev::ungp_track),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-21",
        citation: cite!(UNGP, "Principle 21"),
        requirement: "Communicate externally how impacts are addressed, in an accessible form and frequency, with enough information to judge the response, without putting people at risk.",
        add: "publish a report; `hrdd report --audience public` drafts one that leaves out confidential material",
        check: Check::Outside(
            "communication happens outside the file; `hrdd report --audience public` drafts it, and `engagements[].outcome` records what participants were told",
        ),
    },
    Element {
        framework: Framework::Ungp,
        id: "ungp-22",
        citation: cite!(UNGP, "Principle 22"),
        requirement: "Where the company has caused or contributed to adverse impacts, provide for or cooperate in their remediation through legitimate processes.",
        add: "a `remediate` mitigation or a remedy channel linked from each actual impact the company caused or contributed to",
        check: Check::Custom(ev::ungp_remediate),
    },
];

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_element_has_a_citation_a_requirement_and_a_fix() {
        for e in ELEMENTS {
            assert!(!e.citation.trim().is_empty(), "{}", e.id);
            assert!(!e.requirement.trim().is_empty(), "{}", e.id);
            assert!(!e.add.trim().is_empty(), "{}", e.id);
            assert_ne!(
                article(e.citation),
                e.citation,
                "{}: a known instrument",
                e.id
            );
            assert!(
                e.citation.contains("Art. ") || e.citation.contains("Principle "),
                "{}: cite the article or principle",
                e.id
            );
        }
    }

    #[test]
    fn ids_are_unique_and_every_framework_but_oecd_has_elements() {
        let ids: HashSet<&str> = ELEMENTS.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), ELEMENTS.len());
        for f in Framework::ALL {
            let n = ELEMENTS.iter().filter(|e| e.framework == *f).count();
            assert_eq!(n > 0, covered(*f), "{f}");
        }
    }
}
