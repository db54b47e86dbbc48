//! Starting assessments for `hrdd init`: commented files that validate as written.
//!
//! The starters live in `templates/init/`, one per kind of technology, and are compiled into
//! the binary. Dates are filled in from "today" so that a new file is never born overdue.

use crate::model::Date;

/// The kinds of starting assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An AI model or system and the decisions taken on its outputs.
    AiSystem,
    /// An online platform: content, recommender systems, moderation.
    Platform,
    /// A telecommunications network operator.
    Telecom,
    /// A public authority procuring a technology product from a vendor.
    Procurement,
}

impl Kind {
    /// Every kind, in the order `--help` lists them.
    pub const ALL: [Kind; 4] = [
        Kind::AiSystem,
        Kind::Platform,
        Kind::Telecom,
        Kind::Procurement,
    ];

    /// The kind as written on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::AiSystem => "ai-system",
            Kind::Platform => "platform",
            Kind::Telecom => "telecom",
            Kind::Procurement => "procurement",
        }
    }

    fn text(self) -> &'static str {
        match self {
            Kind::AiSystem => include_str!("../templates/init/ai-system.yaml"),
            Kind::Platform => include_str!("../templates/init/platform.yaml"),
            Kind::Telecom => include_str!("../templates/init/telecom.yaml"),
            Kind::Procurement => include_str!("../templates/init/procurement.yaml"),
        }
    }
}

/// What to fill into a starter.
#[derive(Debug, Clone)]
pub struct Fill<'a> {
    /// The day the assessment starts: `assessed_on` and the first engagement.
    pub today: Date,
    /// What the `$schema` line points to: a path relative to the file, or a URL.
    pub schema: &'a str,
    /// The file name shown in the commands of the header comment.
    pub file: &'a str,
}

/// The starting assessment of `kind`, dated from `fill.today`: the review a year on, open
/// actions due in three months.
pub fn starter(kind: Kind, fill: &Fill<'_>) -> String {
    let review = fill.today.saturating_add(jiff::Span::new().years(1));
    let due = fill.today.saturating_add(jiff::Span::new().months(3));
    kind.text()
        .replace("{{ today }}", &fill.today.to_string())
        .replace("{{ next_review }}", &review.to_string())
        .replace("{{ due }}", &due.to_string())
        .replace("{{ schema }}", fill.schema)
        .replace("{{ file }}", fill.file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_is_filled() {
        let fill = Fill {
            today: Date::constant(2026, 1, 31),
            schema: "hrdd.schema.json",
            file: "a.yaml",
        };
        for kind in Kind::ALL {
            let text = starter(kind, &fill);
            assert!(
                !text.contains("{{"),
                "{} keeps a placeholder",
                kind.as_str()
            );
            assert!(
                text.contains("next_review: 2027-01-31"),
                "{}",
                kind.as_str()
            );
            // Month arithmetic clamps to the end of the month.
            assert!(text.contains("due: 2026-04-30"), "{}", kind.as_str());
        }
    }
}
