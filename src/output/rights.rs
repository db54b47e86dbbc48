//! `hrdd rights`: the built-in catalogue.

use comfy_table::{ContentArrangement, Table, presets};

use crate::model::BUILT_IN_RIGHTS;

/// The catalogue as a table.
pub fn text(width: Option<u16>) -> String {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    table.set_header(["Id", "Right", "Instruments"]);
    for r in BUILT_IN_RIGHTS {
        table.add_row([r.id, r.name, &r.instruments.join("; ")]);
    }
    format!(
        "{table}\n{} built-in rights; an assessment may add its own under `rights:`.\n",
        BUILT_IN_RIGHTS.len()
    )
}

/// The catalogue as JSON.
pub fn json() -> String {
    super::json::to_string(&serde_json::json!({ "rights": BUILT_IN_RIGHTS }))
}
