//! The closed vocabularies of format v1.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as written in YAML.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// Where the assessment stands in its approval workflow.
    AssessmentStatus { Draft = "draft", InReview = "in-review", Approved = "approved" }
);

vocabulary!(
    /// Why the assessment was made (UNGP 17: due diligence is ongoing).
    Trigger {
        NewProduct = "new-product",
        MarketEntry = "market-entry",
        PolicyChange = "policy-change",
        ContextChange = "context-change",
        NewRelationship = "new-relationship",
        Periodic = "periodic",
    }
);

vocabulary!(
    /// Frameworks an assessment is meant to evidence.
    Framework {
        Ungp = "ungp",
        Oecd = "oecd",
        Csddd = "csddd",
        EuAiActFria = "eu-ai-act-fria",
        DsaSystemicRisk = "dsa-systemic-risk",
        GdprDpia = "gdpr-dpia",
    }
);

vocabulary!(
    /// Lifecycle stages of a product.
    Lifecycle {
        Design = "design",
        Development = "development",
        Testing = "testing",
        Deployment = "deployment",
        Sale = "sale",
        Use = "use",
        EndOfLife = "end-of-life",
    }
);

vocabulary!(
    /// The kind of actor in a business relationship.
    RelationshipKind {
        Customer = "customer",
        EndUser = "end-user",
        Supplier = "supplier",
        Contractor = "contractor",
        Partner = "partner",
        Government = "government",
        Investor = "investor",
        Platform = "platform",
        Other = "other",
    }
);

vocabulary!(
    /// The company's ability to change an actor's practice.
    Leverage { None = "none", Low = "low", Medium = "medium", High = "high" }
);

vocabulary!(
    /// Category of a rights-holder group.
    RightsHolderCategory {
        Users = "users",
        NonUsers = "non-users",
        Children = "children",
        Workers = "workers",
        SupplyChainWorkers = "supply-chain-workers",
        GigWorkers = "gig-workers",
        DecisionSubjects = "decision-subjects",
        HumanRightsDefenders = "human-rights-defenders",
        Journalists = "journalists",
        Communities = "communities",
        Other = "other",
    }
);

vocabulary!(
    /// Whether an impact has happened or may happen.
    Impact { Potential = "potential", Actual = "actual" }
);

vocabulary!(
    /// How the company is involved in an impact (UNGP 13).
    Involvement { Cause = "cause", Contribute = "contribute", DirectlyLinked = "directly-linked" }
);

vocabulary!(
    /// Where the work on a risk stands.
    RiskStatus { Open = "open", Monitoring = "monitoring", Closed = "closed" }
);

vocabulary!(
    /// The kind of action a mitigation is (UNGP 19, 22).
    MitigationType {
        Cease = "cease",
        Prevent = "prevent",
        Mitigate = "mitigate",
        UseLeverage = "use-leverage",
        BuildLeverage = "build-leverage",
        EndRelationship = "end-relationship",
        Remediate = "remediate",
    }
);

vocabulary!(
    /// Where a mitigation stands.
    MitigationStatus {
        Planned = "planned",
        InProgress = "in-progress",
        Implemented = "implemented",
        Verified = "verified",
        Dropped = "dropped",
    }
);

impl MitigationStatus {
    /// Planned or in progress: the action still has to be delivered.
    pub const fn is_open(self) -> bool {
        matches!(self, Self::Planned | Self::InProgress)
    }
}

vocabulary!(
    /// Whether an indicator is counted or described.
    IndicatorKind { Quantitative = "quantitative", Qualitative = "qualitative" }
);

vocabulary!(
    /// Where an indicator's data comes from (UNGP 20).
    IndicatorSource {
        Internal = "internal",
        External = "external",
        AffectedStakeholders = "affected-stakeholders",
    }
);

vocabulary!(
    /// The kind of grievance or remedy mechanism.
    ChannelKind {
        OperationalGrievance = "operational-grievance",
        PlatformAppeal = "platform-appeal",
        Whistleblowing = "whistleblowing",
        Ombudsperson = "ombudsperson",
        MultiStakeholder = "multi-stakeholder",
        StateJudicial = "state-judicial",
        StateNonJudicial = "state-non-judicial",
    }
);

vocabulary!(
    /// A self-assessed UNGP 31 criterion.
    Criterion { Met = "met", Partial = "partial", NotMet = "not-met", Unknown = "unknown" }
);

vocabulary!(
    /// How stakeholders were engaged.
    EngagementMethod {
        Interview = "interview",
        Workshop = "workshop",
        Roundtable = "roundtable",
        Survey = "survey",
        FocusGroup = "focus-group",
        Consultation = "consultation",
        WrittenSubmission = "written-submission",
        ExpertReview = "expert-review",
    }
);
