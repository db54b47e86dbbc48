//! Reading [`Spanned`] values with the YAML crate's positions.

use serde::{Deserialize, Deserializer};

use crate::model::{Pos, Spanned};

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = serde_saphyr::Spanned::<T>::deserialize(d)?;
        Ok(Spanned::new(s.value, pos(&s.referenced)))
    }
}

/// Converts the YAML crate's location.
pub(super) fn pos(l: &serde_saphyr::Location) -> Pos {
    Pos {
        line: u32::try_from(l.line()).unwrap_or(u32::MAX),
        column: u32::try_from(l.column()).unwrap_or(u32::MAX),
        len: u32::try_from(l.span().len()).unwrap_or(0),
    }
}
