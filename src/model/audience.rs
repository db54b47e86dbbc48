//! Who an output is for (methodology.md, "Audiences and redaction").

use serde::Serialize;

/// Who a report or diff is for; it decides what may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everything, confidential items marked as such.
    #[default]
    Internal,
    /// No engagement organisations; confidential items only as counts.
    Board,
    /// No confidential item, no engagement organisations, no owners' or assessors' names.
    Public,
}

impl Audience {
    /// The audience as written on the command line.
    pub const fn as_str(self) -> &'static str {
        match self {
            Audience::Internal => "internal",
            Audience::Board => "board",
            Audience::Public => "public",
        }
    }

    /// Whether confidential items are withheld from the details (board and public).
    pub const fn hides_confidential(self) -> bool {
        !matches!(self, Audience::Internal)
    }
}
