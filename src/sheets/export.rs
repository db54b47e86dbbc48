//! Writing tables as an XLSX workbook (rust_xlsxwriter) or a CSV risk register (csv).

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::layout::{self, Kind, Sheet};
use super::table::{Table, Value};
use crate::render::palette;
use crate::score::Band;

/// Why a workbook or register could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Unrepresentable(#[from] super::table::Unrepresentable),
    #[error("cannot write the workbook, sheet \"{sheet}\": {error}")]
    Xlsx {
        sheet: &'static str,
        error: XlsxError,
    },
    #[error("cannot write the CSV register: {0}")]
    Csv(String),
}

/// Rows below the data that still get the drop-down lists, for rows a team adds.
const SPARE_ROWS: u32 = 500;

/// The fill of a band cell.
fn band_color(band: Band) -> Color {
    Color::RGB(palette::rgb(palette::fill(band)))
}

/// The workbook's bytes. Its creation date is fixed so that two exports of the same
/// assessment are byte-identical.
pub fn xlsx(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)
        .map_err(|error| ExportError::Xlsx { sheet: "", error })?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title("hrdd assessment")
            .set_comment("Written by hrdd export; `hrdd import` reads it back.")
            .set_creation_datetime(&created),
    );
    for table in tables {
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, table).map_err(|error| ExportError::Xlsx {
            sheet: table.sheet.name,
            error,
        })?;
    }
    workbook
        .save_to_buffer()
        .map_err(|error| ExportError::Xlsx { sheet: "", error })
}

fn write_sheet(ws: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let sheet = table.sheet;
    ws.set_name(sheet.name)?;
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F_4E_79))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let derived = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x7F_7F_7F))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let plain = Format::new().set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let text = Format::new()
        .set_num_format("@")
        .set_align(FormatAlign::Top);
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        let format = if matches!(column.kind, Kind::Derived) {
            &derived
        } else {
            &header
        };
        ws.write_string_with_format(0, c, column.header, format)?;
        ws.set_column_width(c, column.width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if sheet.name == layout::RISKS.name {
        // The register is what a team opens the workbook for.
        ws.set_active(true);
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, (value, column)) in row.cells.iter().zip(sheet.columns).enumerate() {
            let c = c as u16;
            let format = if column.kind.wraps() {
                &wrap
            } else if matches!(column.kind, Kind::Date | Kind::Text | Kind::Id) {
                // Text, so that a spreadsheet does not turn `2026.2` or a date into a number.
                &text
            } else {
                &plain
            };
            let banded;
            let format = match (row.band, column.header) {
                (Some(band), "band" | "rank") => {
                    banded = format.clone().set_background_color(band_color(band));
                    &banded
                }
                _ => format,
            };
            match value {
                Value::Blank => ws.write_blank(r, c, format)?,
                Value::Text(s) => ws.write_string_with_format(r, c, s, format)?,
                Value::Int(n) => ws.write_number_with_format(r, c, *n as f64, format)?,
                Value::Bool(b) => ws.write_boolean_with_format(r, c, *b, format)?,
            };
        }
    }
    let last = table.rows.len() as u32;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, last.max(1), last_col)?;
    if sheet.name == layout::METADATA.name {
        metadata_validation(ws, table)?;
    } else {
        for (c, column) in sheet.columns.iter().enumerate() {
            if let Some(v) = validation(column.kind)? {
                ws.add_data_validation(1, c as u16, last + SPARE_ROWS, c as u16, &v)?;
            }
        }
    }
    Ok(())
}

/// The drop-down list or range check of a column, when it has one.
fn validation(kind: Kind) -> Result<Option<DataValidation>, XlsxError> {
    Ok(match kind {
        Kind::Enum(values) => Some(
            DataValidation::new()
                .allow_list_strings(&values())?
                .set_error_title("hrdd")?
                .set_error_message(format!("Expected one of: {}", values().join(", ")))?,
        ),
        Kind::Rating => Some(
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(1, 5))
                .set_error_title("hrdd")?
                .set_error_message("Expected a whole number 1..5")?,
        ),
        Kind::Integer => Some(
            DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                .set_error_title("hrdd")?
                .set_error_message("Expected a whole number ≥ 0")?,
        ),
        _ => None,
    })
}

/// Drop-down lists on the value cells of the metadata rows that hold an enum.
fn metadata_validation(ws: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    for (r, row) in table.rows.iter().enumerate() {
        let key = match row.cells.first() {
            Some(Value::Text(k)) => k.as_str(),
            _ => continue,
        };
        let kind = layout::METADATA_KEYS
            .iter()
            .find(|k| k.header == key)
            .map(|k| k.kind);
        if let Some(v) = kind.map(validation).transpose()?.flatten() {
            ws.add_data_validation(r as u32 + 1, 1, r as u32 + 1, 1, &v)?;
        }
    }
    Ok(())
}

/// The risk register as CSV: a header row, then one row per risk, in rank order.
pub fn csv(table: &Table) -> Result<String, ExportError> {
    let err = |e: &dyn std::fmt::Display| ExportError::Csv(e.to_string());
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(headers(table.sheet)).map_err(|e| err(&e))?;
    for row in &table.rows {
        w.write_record(row.cells.iter().map(|c| guard(c.to_text())))
            .map_err(|e| err(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| err(&e))?;
    String::from_utf8(bytes).map_err(|e| err(&e))
}

/// A spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return as a formula (CSV injection). Such cells, and cells starting with `'`, get
/// a leading `'`, which spreadsheets show as "text" and import removes again.
pub(super) fn guard(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
        format!("'{text}")
    } else {
        text
    }
}

fn headers(sheet: &Sheet) -> impl Iterator<Item = &'static str> {
    sheet.columns.iter().map(|c| c.header)
}

#[cfg(test)]
mod csv_tests {
    use super::guard;

    #[test]
    fn formula_like_cells_are_quoted_reversibly() {
        assert_eq!(guard("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(guard("-1".into()), "'-1");
        assert_eq!(guard("'quoted'".into()), "''quoted'");
        assert_eq!(guard("plain = text".into()), "plain = text");
        assert_eq!(guard(String::new()), "");
    }
}
