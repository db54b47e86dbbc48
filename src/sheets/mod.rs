//! Spreadsheets: the assessment as an XLSX workbook (one sheet per part, nothing lost) or a
//! CSV risk register, and back. The only module that knows the spreadsheet crates.
//!
//! [`layout`] describes the workbook; export turns a redacted assessment into tables of cells
//! and writes them; import reads cells back into the model, placing every problem at its
//! sheet, row and column.

mod export;
mod import;
pub mod layout;
mod table;

pub use export::ExportError;
pub use import::{Imported, MAX_CELLS, Place, Problem};

use crate::model::{Assessment, Audience, Spanned, redact};
use crate::score::Ranking;

/// The assessment as `audience` may see it: [`redact`], and for `public` the names of people
/// (owners, assessors) replaced by [`layout::WITHHELD`], so that the workbook stays importable.
pub fn view(a: &Assessment, audience: Audience) -> Assessment {
    let mut v = redact(a, audience);
    if audience == Audience::Public {
        let withheld = |t: &mut Spanned<String>| t.value = layout::WITHHELD.to_owned();
        withheld(&mut v.assessment.owner);
        for x in &mut v.assessment.assessors {
            withheld(&mut x.name);
        }
        for m in &mut v.mitigations {
            withheld(&mut m.owner);
        }
    }
    v
}

/// The workbook of an assessment (already given to [`view`]) ranked by `ranking`.
pub fn to_xlsx(a: &Assessment, ranking: &Ranking) -> Result<Vec<u8>, ExportError> {
    export::xlsx(&table::tables(a, ranking)?)
}

/// The CSV risk register of an assessment (already given to [`view`]), in rank order.
pub fn to_csv(a: &Assessment, ranking: &Ranking) -> Result<String, ExportError> {
    export::csv(&table::risks(a, ranking, true))
}

/// Reads a workbook in the layout of [`to_xlsx`].
pub fn from_xlsx(file: &str, bytes: Vec<u8>) -> Imported {
    import::xlsx(file, bytes)
}

/// Reads a CSV risk register; its risks replace those of `base`, which gives the rest.
pub fn from_csv(file: &str, text: &str, base: Assessment) -> Imported {
    import::csv(file, text, base)
}
