//! The one description of the workbook: its sheets, their columns, and the model field each
//! column holds. Export writes it, import reads it, the README documents it.

use crate::model::{
    AssessmentStatus, ChannelKind, Criterion, EngagementMethod, Framework, Impact, IndicatorKind,
    IndicatorSource, Involvement, Leverage, Lifecycle, MitigationStatus, MitigationType,
    RelationshipKind, RightsHolderCategory, RiskStatus, Trigger,
};

/// A closed vocabulary of the model, as spreadsheet cells spell it.
pub trait Vocab: Copy + 'static {
    /// Every value, in the order of the format.
    fn all() -> &'static [Self];
    /// The value as written.
    fn name(self) -> &'static str;
}

macro_rules! vocab {
    ($($t:ty),+ $(,)?) => {$(
        impl Vocab for $t {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    )+};
}

vocab!(
    AssessmentStatus,
    Trigger,
    Framework,
    Lifecycle,
    RelationshipKind,
    Leverage,
    RightsHolderCategory,
    Impact,
    Involvement,
    RiskStatus,
    MitigationType,
    MitigationStatus,
    IndicatorKind,
    IndicatorSource,
    ChannelKind,
    Criterion,
    EngagementMethod,
);

/// The values of a vocabulary, for validation lists and error messages.
pub fn names<T: Vocab>() -> Vec<&'static str> {
    T::all().iter().map(|v| v.name()).collect()
}

/// What a column (or a metadata row) holds, which decides how a cell is written and read.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// An id (a text cell).
    Id,
    /// One line of text.
    Text,
    /// Text that may run over several lines (wrapped).
    LongText,
    /// A `YYYY-MM-DD` date, written as text so that it stays exactly as in the file.
    Date,
    /// An integer ≥ 0.
    Integer,
    /// A 1..5 rating.
    Rating,
    /// `TRUE`/`FALSE`; blank is false.
    Bool,
    /// `TRUE`/`FALSE`; blank is "not said".
    OptBool,
    /// Ids, separated by `;` (or one per line).
    Ids,
    /// Free-text values, one per line (they may contain `;` and `,`).
    Lines,
    /// One value of a vocabulary.
    Enum(fn() -> Vec<&'static str>),
    /// Values of a vocabulary, separated by `;` (or one per line).
    Enums(fn() -> Vec<&'static str>),
    /// Computed on export (rank, band, severity) and ignored on import.
    Derived,
}

impl Kind {
    /// What a cell of this kind should hold, for error messages.
    pub fn expected(self) -> String {
        match self {
            Kind::Id => "an id (a letter, then letters, digits, `_`, `.` or `-`)".into(),
            Kind::Text | Kind::LongText => "text".into(),
            Kind::Date => "a date written YYYY-MM-DD".into(),
            Kind::Integer => "a whole number ≥ 0".into(),
            Kind::Rating => "a whole number 1..5".into(),
            Kind::Bool | Kind::OptBool => "TRUE or FALSE".into(),
            Kind::Ids => "ids separated by `;`".into(),
            Kind::Lines => "values, one per line".into(),
            Kind::Enum(values) => format!("one of {}", values().join(", ")),
            Kind::Enums(values) => format!("values separated by `;` from {}", values().join(", ")),
            Kind::Derived => "anything (computed on export, ignored on import)".into(),
        }
    }

    /// Long text is wrapped in its cells.
    pub const fn wraps(self) -> bool {
        matches!(self, Kind::LongText | Kind::Lines)
    }
}

/// One column of a sheet: its header (the model's key) and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub kind: Kind,
    /// An empty cell is an error on import.
    pub required: bool,
    /// Width in characters.
    pub width: f64,
}

const fn col(header: &'static str, kind: Kind, required: bool, width: f64) -> Column {
    Column {
        header,
        kind,
        required,
        width,
    }
}

/// One sheet of the workbook.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub name: &'static str,
    /// A workbook without it cannot be imported.
    pub required: bool,
    pub columns: &'static [Column],
}

impl Sheet {
    /// The column with this header.
    pub fn column(&self, header: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.header == header)
    }

    /// The index of the column with this header (export writes columns in layout order).
    pub fn index(&self, header: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.header == header)
    }
}

/// The metadata sheet: one row per key of `assessment` (and the format version).
pub const METADATA: Sheet = Sheet {
    name: "Metadata",
    required: true,
    columns: &[
        col("field", Kind::Text, true, 16.0),
        col("value", Kind::LongText, false, 90.0),
    ],
};

/// The rows of the metadata sheet, in order: key, kind, required.
pub const METADATA_KEYS: &[Column] = &[
    col("hrdd", Kind::Integer, true, 0.0),
    col("id", Kind::Id, true, 0.0),
    col("title", Kind::Text, true, 0.0),
    col("organization", Kind::Text, true, 0.0),
    col("version", Kind::Text, true, 0.0),
    col("status", Kind::Enum(names::<AssessmentStatus>), true, 0.0),
    col("assessed_on", Kind::Date, true, 0.0),
    col("next_review", Kind::Date, true, 0.0),
    col("owner", Kind::Text, true, 0.0),
    col("scope", Kind::LongText, false, 0.0),
    col("trigger", Kind::Enum(names::<Trigger>), false, 0.0),
    col("approval.by", Kind::Text, false, 0.0),
    col("approval.on", Kind::Date, false, 0.0),
    col("frameworks", Kind::Enums(names::<Framework>), false, 0.0),
    col("previous", Kind::Text, false, 0.0),
];

/// `assessment.assessors`.
pub const ASSESSORS: Sheet = Sheet {
    name: "Assessors",
    required: false,
    columns: &[
        col("name", Kind::Text, true, 40.0),
        col("role", Kind::Text, false, 50.0),
        col("external", Kind::Bool, false, 10.0),
    ],
};

/// `products`.
pub const PRODUCTS: Sheet = Sheet {
    name: "Products",
    required: true,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 30.0),
        col("description", Kind::LongText, false, 60.0),
        col("layer", Kind::Text, false, 16.0),
        col("lifecycle", Kind::Enums(names::<Lifecycle>), false, 30.0),
        col("markets", Kind::Lines, false, 24.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `relationships`.
pub const RELATIONSHIPS: Sheet = Sheet {
    name: "Relationships",
    required: false,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 30.0),
        col("kind", Kind::Enum(names::<RelationshipKind>), true, 14.0),
        col("layer", Kind::Text, false, 16.0),
        col("leverage", Kind::Enum(names::<Leverage>), false, 10.0),
        col("crucial", Kind::OptBool, false, 9.0),
        col("notes", Kind::LongText, false, 50.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `rights_holders`.
pub const RIGHTS_HOLDERS: Sheet = Sheet {
    name: "Rights-holders",
    required: true,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 30.0),
        col(
            "category",
            Kind::Enum(names::<RightsHolderCategory>),
            false,
            20.0,
        ),
        col("vulnerable", Kind::Bool, false, 11.0),
        col("vulnerability", Kind::Lines, false, 20.0),
        col("estimated_number", Kind::Integer, false, 17.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `rights`: additions to the built-in catalogue.
pub const RIGHTS: Sheet = Sheet {
    name: "Rights",
    required: false,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 40.0),
        col("instruments", Kind::Lines, true, 50.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `risks`, in file order; rank, band and severity are derived.
pub const RISKS: Sheet = Sheet {
    name: "Risks",
    required: true,
    columns: &[
        col("rank", Kind::Derived, false, 6.0),
        col("band", Kind::Derived, false, 9.0),
        col("severity", Kind::Derived, false, 9.0),
        col("id", Kind::Id, true, 18.0),
        col("title", Kind::Text, true, 40.0),
        col("description", Kind::LongText, false, 60.0),
        col("products", Kind::Ids, true, 20.0),
        col("rights", Kind::Ids, true, 20.0),
        col("rights_holders", Kind::Ids, true, 20.0),
        col("impact", Kind::Enum(names::<Impact>), true, 10.0),
        col("involvement", Kind::Enum(names::<Involvement>), true, 15.0),
        col("relationships", Kind::Ids, false, 20.0),
        col("severity.scale", Kind::Rating, true, 8.0),
        col("severity.scope", Kind::Rating, true, 8.0),
        col("severity.remediability", Kind::Rating, true, 8.0),
        col("severity.rationale", Kind::LongText, false, 50.0),
        col("likelihood", Kind::Rating, false, 8.0),
        col("residual_likelihood", Kind::Rating, false, 8.0),
        col("mitigations", Kind::Ids, false, 20.0),
        col("remedy", Kind::Ids, false, 20.0),
        col("engagements", Kind::Ids, false, 20.0),
        col("status", Kind::Enum(names::<RiskStatus>), false, 11.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `mitigations` (their indicators are on their own sheet).
pub const MITIGATIONS: Sheet = Sheet {
    name: "Mitigations",
    required: false,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("action", Kind::LongText, true, 60.0),
        col("type", Kind::Enum(names::<MitigationType>), true, 15.0),
        col("owner", Kind::Text, true, 25.0),
        col("due", Kind::Date, false, 11.0),
        col("status", Kind::Enum(names::<MitigationStatus>), true, 12.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `mitigations[].indicators`, one row per indicator, in order.
pub const INDICATORS: Sheet = Sheet {
    name: "Indicators",
    required: false,
    columns: &[
        col("mitigation", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 50.0),
        col("kind", Kind::Enum(names::<IndicatorKind>), true, 13.0),
        col("target", Kind::Text, false, 20.0),
        col("current", Kind::Text, false, 20.0),
        col("source", Kind::Enum(names::<IndicatorSource>), false, 20.0),
    ],
};

/// The UNGP 31 criteria, one column each on the remedy channels sheet.
pub const CRITERIA: [&str; 8] = [
    "legitimate",
    "accessible",
    "predictable",
    "equitable",
    "transparent",
    "rights-compatible",
    "continuous-learning",
    "engagement-and-dialogue",
];

/// `remedy_channels`, with one column per UNGP 31 criterion.
pub const REMEDY_CHANNELS: Sheet = Sheet {
    name: "Remedy channels",
    required: false,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 30.0),
        col("kind", Kind::Enum(names::<ChannelKind>), true, 20.0),
        col("accessible_to", Kind::Ids, false, 20.0),
        col("languages", Kind::Lines, false, 14.0),
        col("anonymous", Kind::OptBool, false, 11.0),
        col("legitimate", Kind::Enum(names::<Criterion>), false, 11.0),
        col("accessible", Kind::Enum(names::<Criterion>), false, 11.0),
        col("predictable", Kind::Enum(names::<Criterion>), false, 11.0),
        col("equitable", Kind::Enum(names::<Criterion>), false, 11.0),
        col("transparent", Kind::Enum(names::<Criterion>), false, 11.0),
        col(
            "rights-compatible",
            Kind::Enum(names::<Criterion>),
            false,
            11.0,
        ),
        col(
            "continuous-learning",
            Kind::Enum(names::<Criterion>),
            false,
            11.0,
        ),
        col(
            "engagement-and-dialogue",
            Kind::Enum(names::<Criterion>),
            false,
            11.0,
        ),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `engagements` (their organisations are on their own sheet).
pub const ENGAGEMENTS: Sheet = Sheet {
    name: "Engagements",
    required: false,
    columns: &[
        col("id", Kind::Id, true, 20.0),
        col("date", Kind::Date, true, 11.0),
        col("rights_holders", Kind::Ids, false, 20.0),
        col("method", Kind::Enum(names::<EngagementMethod>), true, 18.0),
        col("summary", Kind::LongText, true, 60.0),
        col("outcome", Kind::LongText, false, 50.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// `engagements[].organisations`, one row per organisation, in order.
pub const ORGANISATIONS: Sheet = Sheet {
    name: "Organisations",
    required: false,
    columns: &[
        col("engagement", Kind::Id, true, 20.0),
        col("name", Kind::Text, true, 50.0),
        col("confidential", Kind::Bool, false, 13.0),
    ],
};

/// Every sheet, in workbook order.
pub const SHEETS: [&Sheet; 12] = [
    &METADATA,
    &ASSESSORS,
    &PRODUCTS,
    &RELATIONSHIPS,
    &RIGHTS_HOLDERS,
    &RIGHTS,
    &RISKS,
    &MITIGATIONS,
    &INDICATORS,
    &REMEDY_CHANNELS,
    &ENGAGEMENTS,
    &ORGANISATIONS,
];

/// The columns of the CSV risk register: rank order, the risks sheet's columns.
pub const CSV: &Sheet = &RISKS;

/// The value written for people's names in a `public` export.
pub const WITHHELD: &str = "withheld";

/// The spreadsheet name of a 0-based column: A, B, …, Z, AA, …
pub fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn headers_are_unique_per_sheet() {
        for sheet in SHEETS {
            let mut h: Vec<_> = sheet.columns.iter().map(|c| c.header).collect();
            h.sort_unstable();
            let n = h.len();
            h.dedup();
            assert_eq!(h.len(), n, "{}", sheet.name);
        }
    }
}
