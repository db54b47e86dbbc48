//! The serialisable items of a report: the template context below [`super::Report`].

use serde::Serialize;

use crate::score::Band;

/// The assessment's metadata.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub organization: String,
    pub version: String,
    pub status: &'static str,
    pub approved: bool,
    pub assessed_on: String,
    pub next_review: String,
    pub review_overdue: bool,
    /// Left out for the public audience.
    pub owner: Option<String>,
    pub scope: Option<String>,
    pub trigger: Option<&'static str>,
    pub assessors: Vec<AssessorView>,
    pub approval: Option<ApprovalView>,
    pub frameworks: Vec<FrameworkView>,
    pub previous: Option<String>,
}

/// One assessor; the name is left out for the public audience.
#[derive(Debug, Clone, Serialize)]
pub struct AssessorView {
    pub name: Option<String>,
    pub role: Option<String>,
    pub external: bool,
}

/// Who approved, and when.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalView {
    pub by: String,
    pub on: String,
}

/// A framework the assessment is meant to evidence.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkView {
    pub id: &'static str,
    pub label: &'static str,
}

/// The scoring method in force.
#[derive(Debug, Clone, Serialize)]
pub struct MethodView {
    pub name: &'static str,
    pub description: &'static str,
    pub departs_from_ungp24: bool,
    pub notice: Option<&'static str>,
    /// `grid[severity - 1][likelihood - 1]`: the band of each heat-map cell.
    #[serde(skip)]
    pub grid: [[Band; 5]; 5],
}

/// Counts over what the audience sees.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub risks: usize,
    pub salient: usize,
    pub actual: usize,
    /// Critical, high, medium, low.
    pub bands: Vec<BandCount>,
    pub mitigations: usize,
    pub open_mitigations: usize,
    pub overdue_mitigations: usize,
    pub remedy_channels: usize,
    pub engagements: usize,
    pub vulnerable_groups: usize,
    pub warnings: usize,
}

/// How many risks sit in one band.
#[derive(Debug, Clone, Serialize)]
pub struct BandCount {
    pub band: &'static str,
    pub label: &'static str,
    pub salient: bool,
    pub count: usize,
}

/// A risk as the audience sees it.
#[derive(Debug, Clone, Serialize)]
pub struct RiskView {
    /// 1-based, among the risks this audience sees.
    pub rank: usize,
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub band: &'static str,
    pub band_label: &'static str,
    pub salient: bool,
    pub severity: SeverityView,
    pub impact: &'static str,
    pub actual: bool,
    pub likelihood: u8,
    pub likelihood_label: &'static str,
    pub residual_likelihood: u8,
    pub residual_label: &'static str,
    pub irremediable: bool,
    /// Whether a vulnerable group this audience sees is affected.
    pub vulnerable: bool,
    pub involvement: &'static str,
    pub involvement_label: &'static str,
    pub expected_action: &'static str,
    pub status: &'static str,
    pub confidential: bool,
    pub products: Vec<Named>,
    pub relationships: Vec<RelationshipRef>,
    pub rights: Vec<RightRef>,
    pub rights_holders: Vec<HolderRef>,
    pub mitigations: Vec<MitigationRef>,
    pub remedy: Vec<Named>,
    pub engagements: Vec<EngagementRef>,
    /// Board only: references to confidential items, counted.
    pub withheld: Option<Counts>,
}

/// Severity dimensions (UNGP 14).
#[derive(Debug, Clone, Serialize)]
pub struct SeverityView {
    /// The severity the method ranks by, as text ("4", or "3.67" for `weighted`).
    pub value: String,
    /// The heat-map row: the severity, or the weighted severity rounded.
    pub level: u8,
    pub scale: u8,
    pub scope: u8,
    pub remediability: u8,
    pub sum: u8,
    pub rationale: Option<String>,
}

/// An id with a display name.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// A relationship a risk arises through.
#[derive(Debug, Clone, Serialize)]
pub struct RelationshipRef {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub leverage: Option<&'static str>,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// A right at stake, with the instruments that ground it.
#[derive(Debug, Clone, Serialize)]
pub struct RightRef {
    pub id: String,
    pub name: String,
    pub instruments: Vec<String>,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// A rights-holder group affected.
#[derive(Debug, Clone, Serialize)]
pub struct HolderRef {
    pub id: String,
    pub name: String,
    pub vulnerable: bool,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// A mitigation linked from a risk.
#[derive(Debug, Clone, Serialize)]
pub struct MitigationRef {
    pub id: String,
    pub action: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub status: &'static str,
    pub overdue: bool,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// An engagement that informed a risk.
#[derive(Debug, Clone, Serialize)]
pub struct EngagementRef {
    pub id: String,
    pub date: String,
    pub method: &'static str,
    /// Only ever true in the internal report: other audiences never receive confidential items.
    pub confidential: bool,
}

/// A risk named from elsewhere (a mitigation, a channel, a group).
#[derive(Debug, Clone, Serialize)]
pub struct RiskRef {
    pub rank: usize,
    pub id: String,
    pub title: String,
    pub band: &'static str,
    pub salient: bool,
    pub status: &'static str,
}

/// A mitigation in full.
#[derive(Debug, Clone, Serialize)]
pub struct MitigationView {
    pub id: String,
    pub action: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Left out for the public audience.
    pub owner: Option<String>,
    pub due: Option<String>,
    pub status: &'static str,
    /// Planned or in progress.
    pub open: bool,
    pub overdue: bool,
    pub days_overdue: Option<i64>,
    pub indicators: Vec<IndicatorView>,
    /// The risks it responds to, in rank order.
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// How a mitigation's effectiveness is tracked (UNGP 20).
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub name: String,
    pub kind: &'static str,
    pub target: Option<String>,
    pub current: Option<String>,
    pub source: Option<&'static str>,
}

/// A column of the UNGP 31 table.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionHead {
    pub letter: &'static str,
    pub name: &'static str,
    pub label: &'static str,
}

/// A remedy channel.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub accessible_to: Vec<HolderRef>,
    pub languages: Vec<String>,
    pub anonymous: Option<bool>,
    /// Whether a UNGP 31 self-assessment was given.
    pub assessed: bool,
    /// One entry per criterion, in UNGP 31 order.
    pub criteria: Vec<CriterionValue>,
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// One self-assessed UNGP 31 criterion.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionValue {
    pub letter: &'static str,
    pub name: &'static str,
    /// `met`, `partial`, `not-met`, `unknown`, or `not assessed`.
    pub value: &'static str,
    pub label: &'static str,
}

/// An engagement of the log.
#[derive(Debug, Clone, Serialize)]
pub struct EngagementView {
    pub id: String,
    pub date: String,
    pub method: &'static str,
    pub rights_holders: Vec<HolderRef>,
    /// Internal audience only.
    pub organisations: Vec<OrganisationView>,
    pub summary: String,
    pub outcome: Option<String>,
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// An organisation engaged (internal audience only).
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationView {
    pub name: String,
    pub confidential: bool,
}

/// A product in scope.
#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub layer: Option<String>,
    pub lifecycle: Vec<&'static str>,
    pub markets: Vec<String>,
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// A business relationship of the ecosystem map.
#[derive(Debug, Clone, Serialize)]
pub struct RelationshipView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub layer: Option<String>,
    pub leverage: Option<&'static str>,
    pub crucial: Option<bool>,
    pub notes: Option<String>,
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// A rights-holder group.
#[derive(Debug, Clone, Serialize)]
pub struct HolderView {
    pub id: String,
    pub name: String,
    pub category: Option<&'static str>,
    pub vulnerable: bool,
    pub vulnerability: Vec<String>,
    pub estimated_number: Option<i64>,
    pub risks: Vec<RiskRef>,
    pub confidential: bool,
}

/// A right at stake in the risks shown.
#[derive(Debug, Clone, Serialize)]
pub struct RightView {
    pub id: String,
    pub name: String,
    pub instruments: Vec<String>,
    pub custom: bool,
    pub risks: Vec<RiskRef>,
}

/// An open finding of the rules.
#[derive(Debug, Clone, Serialize)]
pub struct WarningView {
    pub code: &'static str,
    pub name: &'static str,
    pub level: &'static str,
    pub message: String,
    pub help: Option<String>,
}

/// Something the board is asked to decide.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub topic: &'static str,
    pub text: String,
}

/// A vulnerable group affected by open risks.
#[derive(Debug, Clone, Serialize)]
pub struct VulnerableGroup {
    pub id: String,
    pub name: String,
    pub vulnerability: Vec<String>,
    pub estimated_number: Option<i64>,
    /// Whether any engagement involved them; not given to the public audience.
    pub engaged: Option<bool>,
    pub risks: Vec<RiskRef>,
}

/// Confidential items counted per list (board audience).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: usize,
    pub risks: usize,
    pub salient_risks: usize,
    pub products: usize,
    pub relationships: usize,
    pub rights_holders: usize,
    pub rights: usize,
    pub mitigations: usize,
    pub overdue_mitigations: usize,
    pub remedy_channels: usize,
    pub engagements: usize,
    pub warnings: usize,
    /// The non-zero item counts in words, e.g. "2 mitigations" (warnings not included).
    pub items: Vec<String>,
}

impl Counts {
    /// Fills `total` and `items` from the counts.
    pub(super) fn sum(mut self) -> Self {
        let words = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        self.items = [
            words(self.risks, "risk", "risks"),
            words(self.products, "product", "products"),
            words(self.relationships, "relationship", "relationships"),
            words(
                self.rights_holders,
                "rights-holder group",
                "rights-holder groups",
            ),
            words(self.rights, "right", "rights"),
            words(self.mitigations, "mitigation", "mitigations"),
            words(self.remedy_channels, "remedy channel", "remedy channels"),
            words(self.engagements, "engagement", "engagements"),
        ]
        .into_iter()
        .flatten()
        .collect();
        self.total = self.risks
            + self.products
            + self.relationships
            + self.rights_holders
            + self.rights
            + self.mitigations
            + self.remedy_channels
            + self.engagements;
        self
    }
}
