//! The severity × likelihood heat map, built from the redacted view only.
//!
//! [`grid`] places the risks an audience sees; [`svg`] draws it as an inline SVG for HTML.
//! Markdown templates render the same grid as a table.

use std::fmt::Write;

use minijinja::HtmlEscape;
use serde::Serialize;

use super::view::{RiskView, band_label, likelihood_label};
use crate::score::Band;

/// The grid: severity rows (5 first) × likelihood columns (1 first).
#[derive(Debug, Clone, Serialize)]
pub struct Heatmap {
    pub rows: Vec<HeatRow>,
    pub columns: Vec<Axis>,
    /// How many risks are placed.
    pub placed: usize,
}

/// A likelihood column.
#[derive(Debug, Clone, Serialize)]
pub struct Axis {
    pub value: u8,
    pub label: &'static str,
}

/// One severity row.
#[derive(Debug, Clone, Serialize)]
pub struct HeatRow {
    pub severity: u8,
    pub cells: Vec<HeatCell>,
}

/// One cell: its band and the risks in it, by rank.
#[derive(Debug, Clone, Serialize)]
pub struct HeatCell {
    pub severity: u8,
    pub likelihood: u8,
    pub band: &'static str,
    pub band_label: &'static str,
    pub risks: Vec<HeatRisk>,
}

/// A risk placed in a cell.
#[derive(Debug, Clone, Serialize)]
pub struct HeatRisk {
    pub rank: usize,
    pub id: String,
}

/// Places `risks` by severity level and likelihood; `bands[s - 1][l - 1]` colours the cells.
pub fn grid(risks: &[RiskView], bands: &[[Band; 5]; 5]) -> Heatmap {
    let mut rows: Vec<HeatRow> = (1..=5u8)
        .rev()
        .map(|severity| HeatRow {
            severity,
            cells: (1..=5u8)
                .map(|likelihood| {
                    let band = bands[usize::from(severity - 1)][usize::from(likelihood - 1)];
                    HeatCell {
                        severity,
                        likelihood,
                        band: band.as_str(),
                        band_label: band_label(band),
                        risks: Vec::new(),
                    }
                })
                .collect(),
        })
        .collect();
    let mut by_rank: Vec<&RiskView> = risks.iter().collect();
    by_rank.sort_by_key(|r| r.rank);
    for r in &by_rank {
        let (s, l) = (r.severity.level.clamp(1, 5), r.likelihood.clamp(1, 5));
        if let Some(cell) = rows
            .get_mut(usize::from(5 - s))
            .and_then(|row| row.cells.get_mut(usize::from(l - 1)))
        {
            cell.risks.push(HeatRisk {
                rank: r.rank,
                id: r.id.clone(),
            });
        }
    }
    Heatmap {
        rows,
        columns: (1..=5u8)
            .map(|value| Axis {
                value,
                label: likelihood_label(value),
            })
            .collect(),
        placed: by_rank.len(),
    }
}

const CELL_W: u32 = 112;
const CELL_H: u32 = 64;
const LEFT: u32 = 72;
const TOP: u32 = 8;
const BOTTOM: u32 = 64;
/// Ranks written in a cell before "+N more".
const SHOWN: usize = 3;

/// The heat map as an accessible inline SVG.
pub fn svg(map: &Heatmap) -> String {
    let width = LEFT + 5 * CELL_W + 8;
    let height = TOP + 5 * CELL_H + BOTTOM;
    let mut s = String::with_capacity(8 * 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-labelledby="heatmap-title heatmap-desc" font-family="system-ui, sans-serif">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="heatmap-title">Heat map: risks by severity and likelihood</title><desc id="heatmap-desc">Each cell names its band and the ranks of the risks in it; {} risk{} placed. The table that follows gives the same content.</desc>"#,
        map.placed,
        if map.placed == 1 { "" } else { "s" }
    );
    for (row_i, row) in map.rows.iter().enumerate() {
        let y = TOP + row_i as u32 * CELL_H;
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" text-anchor="end" font-size="14" fill="#222">{}</text>"##,
            LEFT - 10,
            y + CELL_H / 2 + 5,
            row.severity
        );
        for (col_i, cell) in row.cells.iter().enumerate() {
            let x = LEFT + col_i as u32 * CELL_W;
            cell_svg(&mut s, cell, x, y);
        }
    }
    let grid_bottom = TOP + 5 * CELL_H;
    for (i, axis) in map.columns.iter().enumerate() {
        let cx = LEFT + i as u32 * CELL_W + CELL_W / 2;
        let _ = writeln!(
            s,
            r##"<text x="{cx}" y="{}" text-anchor="middle" font-size="14" fill="#222">{}</text><text x="{cx}" y="{}" text-anchor="middle" font-size="11" fill="#444">{}</text>"##,
            grid_bottom + 18,
            axis.value,
            grid_bottom + 32,
            axis.label
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{}" y="{}" text-anchor="middle" font-size="13" font-weight="bold" fill="#222">Likelihood →</text>"##,
        LEFT + 5 * CELL_W / 2,
        grid_bottom + 54
    );
    let _ = writeln!(
        s,
        r##"<text transform="translate(22 {}) rotate(-90)" text-anchor="middle" font-size="13" font-weight="bold" fill="#222">Severity →</text>"##,
        TOP + 5 * CELL_H / 2
    );
    s.push_str("</svg>");
    s
}

fn cell_svg(s: &mut String, cell: &HeatCell, x: u32, y: u32) {
    let ids: Vec<&str> = cell.risks.iter().take(10).map(|r| r.id.as_str()).collect();
    let names = match cell.risks.len() {
        0 => "no risks".to_owned(),
        n if n > ids.len() => format!("{} and {} more", ids.join(", "), n - ids.len()),
        _ => ids.join(", "),
    };
    let _ = write!(
        s,
        r##"<g><title>Severity {}, likelihood {}: {}; {}</title><rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{}" stroke="#ffffff" stroke-width="2"/><text x="{}" y="{}" font-size="10" fill="#333">{}</text>"##,
        cell.severity,
        cell.likelihood,
        cell.band,
        HtmlEscape(&names),
        super::palette::fill_named(cell.band),
        x + 6,
        y + 14,
        cell.band
    );
    if !cell.risks.is_empty() {
        // "+1" would take the room of the rank it stands for.
        let shown = if cell.risks.len() > SHOWN + 1 {
            SHOWN
        } else {
            cell.risks.len()
        };
        let mut ranks: Vec<String> = cell
            .risks
            .iter()
            .take(shown)
            .map(|r| r.rank.to_string())
            .collect();
        if cell.risks.len() > shown {
            ranks.push(format!("+{}", cell.risks.len() - shown));
        }
        let ranks = ranks.join(", ");
        // Long rank lists are squeezed to the cell rather than spilling over its neighbours.
        let fit = if ranks.chars().count() as u32 * 8 > CELL_W - 10 {
            format!(
                r#" textLength="{}" lengthAdjust="spacingAndGlyphs""#,
                CELL_W - 10
            )
        } else {
            String::new()
        };
        let _ = write!(
            s,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="14" font-weight="bold" fill="#111"{fit}>{ranks}</text><text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#333">{} risk{}</text>"##,
            x + CELL_W / 2,
            y + 38,
            x + CELL_W / 2,
            y + 54,
            cell.risks.len(),
            if cell.risks.len() == 1 { "" } else { "s" }
        );
    }
    s.push_str("</g>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map_with(ranks: &[usize]) -> Heatmap {
        let mut map = grid(&[], &[[Band::Low; 5]; 5]);
        map.rows[0].cells[4].risks = ranks
            .iter()
            .map(|&rank| HeatRisk {
                rank,
                id: format!("R<{rank}>"),
            })
            .collect();
        map
    }

    #[test]
    fn rows_run_from_severity_5_and_columns_from_likelihood_1() {
        let map = grid(&[], &[[Band::Low; 5]; 5]);
        assert_eq!(map.rows[0].severity, 5);
        assert_eq!(map.rows[4].severity, 1);
        assert_eq!(map.rows[0].cells[0].likelihood, 1);
        assert_eq!(map.columns[4].label, "almost certain");
    }

    #[test]
    fn cells_name_their_band_escape_ids_and_abbreviate_long_lists() {
        let svg = svg(&map_with(&[1, 2, 3, 4]));
        assert!(svg.contains(">1, 2, 3, 4</text>"), "{svg}");
        assert!(svg.contains("R&lt;1&gt;"));
        assert!(!svg.contains("R<1>"));
        assert!(svg.contains(">low</text>"));
        let svg = super::svg(&map_with(&[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
        assert!(svg.contains(">1, 2, 3, +9</text>"), "{svg}");
        assert!(svg.contains("and 2 more</title>"));
    }
}
