//! The typed assessment of format v1, with the position of every value.
//!
//! This is the "unvalidated" shape: ratings, dates, ids and texts are kept as written so that
//! `rules` can report every problem of a file in one run. Code after validation may rely on
//! what the rules guarantee (ratings in 1..=5, references resolved).

mod audience;
mod date;
mod enums;
mod rights;
pub mod schema;
mod span;

pub use audience::{Audience, redact};
pub use date::{Date, Day, parse_date};
pub use enums::*;
pub use rights::{BUILT_IN_RIGHTS, Right, built_in_right};
pub use span::{Pos, Spanned};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The pattern every id matches.
pub const ID_PATTERN: &str = "^[A-Za-z][A-Za-z0-9_.-]{0,63}$";

/// An id or a reference to one.
pub type Id = Spanned<String>;
/// Free text (Markdown allowed).
pub type Text = Spanned<String>;
/// A 1..5 rating as written; range-checked by the rules.
pub type Rating = Spanned<i64>;

/// One assessment file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Format version; must be 1.
    #[schemars(extend("const" = 1))]
    pub hrdd: Spanned<i64>,
    /// Metadata of the assessment.
    pub assessment: Meta,
    /// Products, services or systems in scope (at least one).
    #[schemars(length(min = 1))]
    pub products: Spanned<Vec<Product>>,
    /// Business relationships across the tech stack (the ecosystem map).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Relationship>,
    /// Groups of people whose rights may be affected (at least one).
    #[schemars(length(min = 1))]
    pub rights_holders: Spanned<Vec<RightsHolder>>,
    /// Rights added to the built-in catalogue (`hrdd rights` lists it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<CustomRight>,
    /// Actual and potential adverse human rights impacts.
    pub risks: Vec<Risk>,
    /// Actions to cease, prevent, mitigate, use or build leverage, or remediate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Mitigation>,
    /// Grievance and remedy mechanisms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy_channels: Vec<RemedyChannel>,
    /// The stakeholder engagement log.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagements: Vec<Engagement>,
}

/// Metadata of the assessment.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Identifies the assessment across versions and in a portfolio.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The assessment's title.
    #[schemars(length(min = 1))]
    pub title: Text,
    /// The company or public body doing the assessment.
    #[schemars(length(min = 1))]
    pub organization: Text,
    /// Release label, e.g. `2026.2` or `v3.1.0`.
    #[schemars(schema_with = "schema::label")]
    pub version: Spanned<String>,
    /// Where the assessment stands: `draft`, `in-review` or `approved`.
    pub status: Spanned<AssessmentStatus>,
    /// When this version was assessed.
    pub assessed_on: Spanned<Day>,
    /// When it must be reviewed again (due diligence is ongoing).
    pub next_review: Spanned<Day>,
    /// The accountable function or role, e.g. "Human Rights Lead".
    #[schemars(length(min = 1))]
    pub owner: Text,
    /// What is in and out of scope.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    /// Why this assessment was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Spanned<Trigger>>,
    /// Who assessed: internal staff or independent external expertise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<Assessor>,
    /// Who approved it and when; required when `status` is `approved`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Frameworks this assessment is meant to evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Spanned<Framework>>,
    /// The version label of the assessment this one supersedes.
    #[schemars(schema_with = "schema::label_option")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Spanned<String>>,
}

/// A person who assessed, internal or independent.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    /// The person's or team's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// Their role in the assessment.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    /// Whether the assessor is independent of the company.
    #[serde(default)]
    pub external: bool,
}

/// Who approved the assessment, and when.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The body that approved it, e.g. "Board Risk Committee".
    #[schemars(length(min = 1))]
    pub by: Text,
    /// The date of approval.
    pub on: Spanned<Day>,
}

/// A product, service or system in scope.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The product's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// Intended purpose and context of use.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Its place in the tech stack, e.g. `platform`, `ai-model`, `infrastructure`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Spanned<String>>,
    /// Lifecycle stages covered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<Spanned<Lifecycle>>,
    /// Countries or regions where it is offered or used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<Spanned<String>>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A business relationship across the tech stack.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The actor or class of actors, e.g. "Law-enforcement customers".
    #[schemars(length(min = 1))]
    pub name: Text,
    /// The kind of actor.
    pub kind: Spanned<RelationshipKind>,
    /// Its place in the tech stack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Spanned<String>>,
    /// The company's ability to change the actor's practice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leverage: Option<Spanned<Leverage>>,
    /// Whether the relationship is crucial to the business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crucial: Option<bool>,
    /// Notes, e.g. the consequences of ending the relationship.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A group of people whose rights may be affected.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightsHolder {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The group's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// The category of the group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Spanned<RightsHolderCategory>>,
    /// At heightened risk of vulnerability or marginalisation.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vulnerable: bool,
    /// The vulnerability factors, e.g. `minority`, `migrant`, `disability`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vulnerability: Vec<Spanned<String>>,
    /// How many people, as best known.
    #[schemars(range(min = 0))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_number: Option<Spanned<i64>>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A right added to the built-in catalogue by this file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomRight {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The right's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// The instruments that ground it (at least one).
    #[schemars(length(min = 1))]
    pub instruments: Spanned<Vec<Text>>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// An actual or potential adverse human rights impact.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    /// Stable across versions: `hrdd diff` matches risks by id.
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// One line.
    #[schemars(length(min = 1))]
    pub title: Text,
    /// What could happen (or happened), to whom, how.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Ids of the products involved (at least one).
    #[schemars(length(min = 1))]
    pub products: Spanned<Vec<Id>>,
    /// Ids of the rights affected, from the catalogue or `rights` (at least one).
    #[schemars(length(min = 1))]
    pub rights: Spanned<Vec<Id>>,
    /// Ids of the rights-holder groups affected (at least one).
    #[schemars(length(min = 1))]
    pub rights_holders: Spanned<Vec<Id>>,
    /// `potential` or `actual`.
    pub impact: Spanned<Impact>,
    /// How the company is involved (UNGP 13).
    pub involvement: Spanned<Involvement>,
    /// Ids of the relationships it runs through; required for `contribute` and `directly-linked`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Id>,
    /// Scale, scope and remediability (UNGP 14).
    pub severity: Spanned<Severity>,
    /// 1..5; required when `impact` is `potential`; omitted or 5 for `actual`.
    #[schemars(range(min = 1, max = 5))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Rating>,
    /// Expected likelihood once the linked mitigations are in place; at most `likelihood`.
    #[schemars(range(min = 1, max = 5))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_likelihood: Option<Rating>,
    /// Ids of the mitigations that address it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Id>,
    /// Ids of the remedy channels open to those affected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy: Vec<Id>,
    /// Ids of the engagements that informed it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagements: Vec<Id>,
    /// `open` (default), `monitoring` or `closed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Spanned<RiskStatus>>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

impl Risk {
    /// The status, `open` when not given.
    pub fn status(&self) -> RiskStatus {
        self.status.as_ref().map_or(RiskStatus::Open, |s| s.value)
    }
}

/// The three severity characteristics of UNGP 14.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Severity {
    /// Gravity of the harm for the person, 1..5.
    #[schemars(range(min = 1, max = 5))]
    pub scale: Rating,
    /// How many people, 1..5.
    #[schemars(range(min = 1, max = 5))]
    pub scope: Rating,
    /// How hard to put right, 1..5 (5 = irreversible).
    #[schemars(range(min = 1, max = 5))]
    pub remediability: Rating,
    /// Why each rating was given.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<Text>,
}

/// An action to cease, prevent, mitigate, use or build leverage, or remediate.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mitigation {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// What will be done.
    #[schemars(length(min = 1))]
    pub action: Text,
    /// The kind of action.
    #[serde(rename = "type")]
    pub kind: Spanned<MitigationType>,
    /// The accountable function.
    #[schemars(length(min = 1))]
    pub owner: Text,
    /// Required when `status` is `planned` or `in-progress`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Spanned<Day>>,
    /// Where the action stands.
    pub status: Spanned<MitigationStatus>,
    /// How effectiveness is tracked (UNGP 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// How the effectiveness of a mitigation is tracked (UNGP 20).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured or described.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// `quantitative` or `qualitative`.
    pub kind: Spanned<IndicatorKind>,
    /// The target value.
    #[schemars(schema_with = "schema::label_option")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Spanned<String>>,
    /// The current value.
    #[schemars(schema_with = "schema::label_option")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Spanned<String>>,
    /// Where the data comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Spanned<IndicatorSource>>,
}

/// A grievance or remedy mechanism.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RemedyChannel {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// The channel's name.
    #[schemars(length(min = 1))]
    pub name: Text,
    /// The kind of mechanism.
    pub kind: Spanned<ChannelKind>,
    /// Ids of the rights-holder groups who can actually use it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessible_to: Vec<Id>,
    /// Languages it works in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Spanned<String>>,
    /// Whether complaints can be made anonymously.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    /// The UNGP 31 effectiveness criteria, as self-assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effectiveness: Option<Spanned<Effectiveness>>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// The UNGP 31 effectiveness criteria, as self-assessed.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Effectiveness {
    /// UNGP 31(a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate: Option<Spanned<Criterion>>,
    /// UNGP 31(b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessible: Option<Spanned<Criterion>>,
    /// UNGP 31(c).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predictable: Option<Spanned<Criterion>>,
    /// UNGP 31(d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equitable: Option<Spanned<Criterion>>,
    /// UNGP 31(e).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transparent: Option<Spanned<Criterion>>,
    /// UNGP 31(f).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_compatible: Option<Spanned<Criterion>>,
    /// UNGP 31(g).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous_learning: Option<Spanned<Criterion>>,
    /// UNGP 31(h), for operational-level channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_and_dialogue: Option<Spanned<Criterion>>,
}

impl Effectiveness {
    /// Each criterion with its UNGP 31 letter and name, in the order of UNGP 31.
    pub fn criteria(&self) -> [(&'static str, &'static str, Option<&Spanned<Criterion>>); 8] {
        [
            ("a", "legitimate", self.legitimate.as_ref()),
            ("b", "accessible", self.accessible.as_ref()),
            ("c", "predictable", self.predictable.as_ref()),
            ("d", "equitable", self.equitable.as_ref()),
            ("e", "transparent", self.transparent.as_ref()),
            ("f", "rights-compatible", self.rights_compatible.as_ref()),
            (
                "g",
                "continuous-learning",
                self.continuous_learning.as_ref(),
            ),
            (
                "h",
                "engagement-and-dialogue",
                self.engagement_and_dialogue.as_ref(),
            ),
        ]
    }
}

/// A stakeholder engagement.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    /// An id, unique in its list: a letter, then letters, digits, `_`, `.` or `-` (at most 64).
    #[schemars(pattern(ID_PATTERN))]
    pub id: Id,
    /// When it took place.
    pub date: Spanned<Day>,
    /// Ids of the rights-holder groups engaged directly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights_holders: Vec<Id>,
    /// Civil society organisations, experts or representatives: a name, or `{name, confidential}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Spanned<Organisation>>,
    /// How stakeholders were engaged.
    pub method: Spanned<EngagementMethod>,
    /// What was raised.
    #[schemars(length(min = 1))]
    pub summary: Text,
    /// What changed because of it, and how participants were told.
    #[schemars(length(min = 1))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
    /// Never shown to the `public` audience.
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// An organisation engaged: written as a plain name, or as `{name, confidential}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub name: String,
    #[serde(skip_serializing_if = "is_false")]
    pub confidential: bool,
}

impl<'de> Deserialize<'de> for Organisation {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            name: String,
            #[serde(default)]
            confidential: bool,
        }

        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Organisation;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an organisation's name, or a mapping with `name` and `confidential`")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Organisation, E> {
                Ok(Organisation {
                    name: v.to_owned(),
                    confidential: false,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Organisation, A::Error> {
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Organisation {
                    name: full.name,
                    confidential: full.confidential,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}
