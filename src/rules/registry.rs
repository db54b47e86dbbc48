//! Every rule: its stable code, name, default level, one-line summary and explanation.

use serde::Serialize;

use crate::diagnostic::Level;

/// The family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// The file does not follow format v1. Always an error.
    Structure,
    /// The file contradicts itself.
    Consistency,
    /// The assessment falls short of what the UNGPs expect.
    Ungp,
    /// A gate of `hrdd check`, set under `[check]` in hrdd.toml. Always an error.
    Gate,
}

macro_rules! rules {
    ($($variant:ident = $code:literal $name:literal $family:ident $level:ident $summary:literal;)+) => {
        /// A validation rule. Codes are stable and never reused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($variant),+
        }

        impl Rule {
            /// Every rule, in code order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),+];

            /// The stable code, e.g. `S011`.
            pub const fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code),+ }
            }

            /// The stable kebab-case name, e.g. `dangling-reference`.
            pub const fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name),+ }
            }

            /// The rule's family.
            pub const fn family(self) -> Family {
                match self { $(Rule::$variant => Family::$family),+ }
            }

            /// The level used when `hrdd.toml` does not set one.
            pub const fn default_level(self) -> Option<Level> {
                match self { $(Rule::$variant => rules!(@level $level)),+ }
            }

            /// One line saying what the rule checks.
            pub const fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary),+ }
            }

            /// The long explanation printed by `hrdd explain`.
            pub const fn explanation(self) -> &'static str {
                match self { $(Rule::$variant => include_str!(concat!("docs/", $code, ".md"))),+ }
            }
        }
    };
    (@level error) => { Some(Level::Error) };
    (@level warning) => { Some(Level::Warning) };
    (@level info) => { Some(Level::Info) };
}

rules! {
    YamlSyntax = "S001" "yaml-syntax" Structure error "The file is not well-formed YAML";
    WrongType = "S002" "wrong-type" Structure error "A value has the wrong type";
    MissingField = "S003" "missing-field" Structure error "A required field is missing";
    UnknownKey = "S004" "unknown-key" Structure error "A key the format does not define";
    InvalidEnumValue = "S005" "invalid-enum-value" Structure error "A value outside the field's allowed values";
    OutOfRange = "S006" "out-of-range" Structure error "A number outside its allowed range";
    InvalidDate = "S007" "invalid-date" Structure error "A date that is not a real YYYY-MM-DD day";
    InvalidId = "S008" "invalid-id" Structure error "An id that does not match the id pattern";
    EmptyValue = "S009" "empty-value" Structure error "An empty text or a list that needs at least one item";
    DuplicateId = "S010" "duplicate-id" Structure error "The same id twice in one list";
    DanglingReference = "S011" "dangling-reference" Structure error "A reference to an id that is not defined";
    UnsupportedVersion = "S012" "unsupported-version" Structure error "A format version this hrdd does not read";
    RightCollision = "S013" "right-collision" Structure error "A custom right reuses a built-in right's id";
    DuplicateKey = "S014" "duplicate-key" Structure error "The same key twice in one mapping";
    ResourceLimit = "S015" "resource-limit" Structure error "The file exceeds a size or parser limit";
    ApprovedWithoutApproval = "C001" "approved-without-approval" Consistency error "Status `approved` without `approval`";
    LinkedWithoutRelationships = "C002" "linked-without-relationships" Consistency error "Contribution or direct linkage without the relationships it runs through";
    ActualLikelihood = "C003" "actual-likelihood" Consistency error "An actual impact with a likelihood other than 5";
    ResidualAboveLikelihood = "C004" "residual-above-likelihood" Consistency error "Residual likelihood above the likelihood";
    OpenMitigationWithoutDue = "C005" "open-mitigation-without-due" Consistency error "A planned or in-progress mitigation without a due date";
    ExpectedActionMissing = "U001" "expected-action-missing" Ungp warning "The action UNGP 19 expects for the involvement is missing";
    RemediationMissing = "U002" "remediation-missing" Ungp error "An actual impact caused or contributed to, with no remediation (UNGP 22)";
    SalientWithoutMitigation = "U003" "salient-without-mitigation" Ungp warning "A salient risk with no mitigation";
    SalientWithoutRemedy = "U004" "salient-without-remedy" Ungp warning "A salient risk with no remedy channel";
    RemedyNotAccessible = "U005" "remedy-not-accessible" Ungp warning "A salient risk's remedy channels are not accessible to all its rights-holders";
    VulnerableNotEngaged = "U006" "vulnerable-not-engaged" Ungp warning "A vulnerable group affected by a risk was never engaged (UNGP 18)";
    RationaleMissing = "U007" "rationale-missing" Ungp warning "Severity rationale missing on a salient risk or one affecting a vulnerable group";
    IndicatorMissing = "U008" "indicator-missing" Ungp warning "An implemented or verified mitigation with no indicator (UNGP 20)";
    GrievanceCriteriaNotMet = "U009" "grievance-criteria-not-met" Ungp warning "A remedy channel fails a UNGP 31 effectiveness criterion";
    GrievanceNotAssessed = "U010" "grievance-not-assessed" Ungp warning "A remedy channel without a UNGP 31 self-assessment";
    MitigationOverdue = "U011" "mitigation-overdue" Ungp warning "A mitigation past its due date";
    ReviewOverdue = "U012" "review-overdue" Ungp warning "The assessment is past its review date";
    UnreferencedItem = "U013" "unreferenced-item" Ungp warning "An item defined but never referenced";
    TooManyOpenCritical = "G001" "too-many-open-critical" Gate error "More open critical risks than `max_open_critical` allows";
    SalientUnmitigated = "G002" "salient-unmitigated" Gate error "A salient risk that is not closed has no mitigation";
    SalientUnreachableRemedy = "G003" "salient-unreachable-remedy" Gate error "A salient risk that is not closed has no remedy channel its rights-holders can reach";
    ReviewDatePassed = "G004" "review-date-passed" Gate error "The assessment's review date has passed";
    NotApproved = "G005" "not-approved" Gate error "The assessment is not approved, and this check requires it";
    FrameworkCoverageGap = "G006" "framework-coverage-gap" Gate error "A framework the assessment declares has a required element the file does not evidence";
}

impl Rule {
    /// Whether `[rules]` in hrdd.toml may change the level (structure rules and gates may not).
    pub const fn configurable(self) -> bool {
        !matches!(self.family(), Family::Structure | Family::Gate)
    }

    /// Finds a rule by code (`U003`, any case) or name (`salient-without-mitigation`).
    pub fn find(key: &str) -> Option<Rule> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.code().eq_ignore_ascii_case(key) || r.name() == key)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_explained() {
        let mut codes: Vec<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        let mut names: Vec<_> = Rule::ALL.iter().map(|r| r.name()).collect();
        codes.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!(codes.len(), Rule::ALL.len());
        assert_eq!(names.len(), Rule::ALL.len());
        for rule in Rule::ALL {
            let first = rule.explanation().lines().next().unwrap_or_default();
            assert_eq!(first, format!("# {} {}", rule.code(), rule.name()));
        }
    }

    #[test]
    fn finds_by_code_or_name() {
        assert_eq!(Rule::find("u003"), Some(Rule::SalientWithoutMitigation));
        assert_eq!(
            Rule::find("salient-without-mitigation"),
            Some(Rule::SalientWithoutMitigation)
        );
        assert_eq!(Rule::find("nope"), None);
    }
}
