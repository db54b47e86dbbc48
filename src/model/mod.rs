//! The typed assessment of format v1, with the position of every value.
//!
//! This is the "unvalidated" shape: ratings, dates, ids and texts are kept as written so that
//! `rules` can report every problem of a file in one run. Code after validation may rely on
//! what the rules guarantee (ratings in 1..=5, references resolved).

mod date;
mod enums;
mod rights;
mod span;

pub use date::{Date, Day, parse_date};
pub use enums::*;
pub use rights::{BUILT_IN_RIGHTS, Right, built_in_right};
pub use span::{Pos, Spanned};

use serde::{Deserialize, Serialize};

/// An id or a reference to one.
pub type Id = Spanned<String>;
/// Free text (Markdown allowed).
pub type Text = Spanned<String>;
/// A 1..5 rating as written; range-checked by the rules.
pub type Rating = Spanned<i64>;

/// One assessment file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub hrdd: Spanned<i64>,
    pub assessment: Meta,
    pub products: Spanned<Vec<Product>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Relationship>,
    pub rights_holders: Spanned<Vec<RightsHolder>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights: Vec<CustomRight>,
    pub risks: Vec<Risk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Mitigation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy_channels: Vec<RemedyChannel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagements: Vec<Engagement>,
}

/// Metadata of the assessment.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub id: Id,
    pub title: Text,
    pub organization: Text,
    pub version: Spanned<String>,
    pub status: Spanned<AssessmentStatus>,
    pub assessed_on: Spanned<Day>,
    pub next_review: Spanned<Day>,
    pub owner: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<Spanned<Trigger>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessors: Vec<Assessor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frameworks: Vec<Spanned<Framework>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Spanned<String>>,
}

/// A person who assessed, internal or independent.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Assessor {
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Text>,
    #[serde(default)]
    pub external: bool,
}

/// Who approved the assessment, and when.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub by: Text,
    pub on: Spanned<Day>,
}

/// A product, service or system in scope.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub id: Id,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<Spanned<Lifecycle>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A business relationship across the tech stack.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Relationship {
    pub id: Id,
    pub name: Text,
    pub kind: Spanned<RelationshipKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layer: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leverage: Option<Spanned<Leverage>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crucial: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A group of people whose rights may be affected.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RightsHolder {
    pub id: Id,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Spanned<RightsHolderCategory>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub vulnerable: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vulnerability: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_number: Option<Spanned<i64>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// A right added to the built-in catalogue by this file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRight {
    pub id: Id,
    pub name: Text,
    pub instruments: Spanned<Vec<Text>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// An actual or potential adverse human rights impact.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub id: Id,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub products: Spanned<Vec<Id>>,
    pub rights: Spanned<Vec<Id>>,
    pub rights_holders: Spanned<Vec<Id>>,
    pub impact: Spanned<Impact>,
    pub involvement: Spanned<Involvement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relationships: Vec<Id>,
    pub severity: Spanned<Severity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_likelihood: Option<Rating>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mitigations: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedy: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub engagements: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Spanned<RiskStatus>>,
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
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Severity {
    pub scale: Rating,
    pub scope: Rating,
    pub remediability: Rating,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<Text>,
}

/// An action to cease, prevent, mitigate, use or build leverage, or remediate.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mitigation {
    pub id: Id,
    pub action: Text,
    #[serde(rename = "type")]
    pub kind: Spanned<MitigationType>,
    pub owner: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Spanned<Day>>,
    pub status: Spanned<MitigationStatus>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// How the effectiveness of a mitigation is tracked (UNGP 20).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: Text,
    pub kind: Spanned<IndicatorKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Spanned<IndicatorSource>>,
}

/// A grievance or remedy mechanism.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RemedyChannel {
    pub id: Id,
    pub name: Text,
    pub kind: Spanned<ChannelKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessible_to: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Spanned<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymous: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effectiveness: Option<Spanned<Effectiveness>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub confidential: bool,
}

/// The UNGP 31 effectiveness criteria, as self-assessed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Effectiveness {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessible: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub predictable: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equitable: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transparent: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_compatible: Option<Spanned<Criterion>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuous_learning: Option<Spanned<Criterion>>,
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
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub id: Id,
    pub date: Spanned<Day>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights_holders: Vec<Id>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Spanned<Organisation>>,
    pub method: Spanned<EngagementMethod>,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Text>,
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
