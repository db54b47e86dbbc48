//! `hrdd assess`: the ranked table, as text, Markdown or JSON.

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use crate::model::{Assessment, Risk};
use crate::score::{Basis, Ranking, Score};

/// One row of the ranking, as every format shows it.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub rank: usize,
    pub id: &'a str,
    pub title: &'a str,
    pub band: &'static str,
    pub salient: bool,
    pub severity: Severity,
    pub likelihood: u8,
    pub residual_likelihood: u8,
    pub impact: &'static str,
    pub involvement: &'static str,
    pub status: &'static str,
    pub irremediable: bool,
    pub vulnerable: bool,
}

/// The severity dimensions of a row.
#[derive(Debug, Serialize)]
pub struct Severity {
    /// The severity the method ranks by.
    pub value: f64,
    pub scale: u8,
    pub scope: u8,
    pub remediability: u8,
    pub sum: u8,
}

/// The rows of a ranking, rank 1 first.
pub fn rows<'a>(assessment: &'a Assessment, ranking: &Ranking) -> Vec<Row<'a>> {
    ranking
        .scores
        .iter()
        .enumerate()
        .map(|(i, s)| row(&assessment.risks[s.index], s, i + 1))
        .collect()
}

fn row<'a>(risk: &'a Risk, s: &Score, rank: usize) -> Row<'a> {
    Row {
        rank,
        id: &risk.id.value,
        title: &risk.title.value,
        band: s.band.as_str(),
        salient: s.salient(),
        severity: Severity {
            value: s.method_severity,
            scale: s.scale,
            scope: s.scope,
            remediability: s.remediability,
            sum: s.sum,
        },
        likelihood: s.likelihood,
        residual_likelihood: s.residual,
        impact: risk.impact.value.as_str(),
        involvement: risk.involvement.value.as_str(),
        status: risk.status().as_str(),
        irremediable: s.irremediable,
        vulnerable: s.vulnerable,
    }
}

fn severity_cell(r: &Row<'_>) -> String {
    format!(
        "{} ({}/{}/{})",
        trim(r.severity.value),
        r.severity.scale,
        r.severity.scope,
        r.severity.remediability
    )
}

fn trim(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}")
    }
}

fn basis_name(basis: Basis) -> &'static str {
    match basis {
        Basis::Inherent => "ranked by severity, then likelihood",
        Basis::Residual => "ranked by severity, then residual likelihood",
    }
}

/// The heading lines shown above the table in text and Markdown.
fn heading(a: &Assessment, ranking: &Ranking) -> Vec<String> {
    let m = &a.assessment;
    let salient = ranking.scores.iter().filter(|s| s.salient()).count();
    let mut lines = vec![
        format!(
            "{} — {} (version {}, {})",
            m.organization.value, m.title.value, m.version.value, m.status.value
        ),
        format!(
            "Method: {} · {} · {} risks, {} salient",
            ranking.method.name(),
            basis_name(ranking.basis),
            ranking.scores.len(),
            salient
        ),
    ];
    if let Some(notice) = ranking.method.departure_notice() {
        lines.push(format!("Notice: {notice}."));
    }
    lines
}

/// The ranked table for a terminal.
pub fn text(a: &Assessment, ranking: &Ranking, width: Option<u16>) -> String {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    table.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        table.set_width(w);
    }
    table.set_header(HEADER);
    for r in rows(a, ranking) {
        table.add_row(vec![
            r.rank.to_string(),
            r.id.to_owned(),
            r.title.to_owned(),
            band_cell(&r),
            severity_cell(&r),
            likelihood_cell(&r),
            r.residual_likelihood.to_string(),
            r.involvement.to_owned(),
            r.status.to_owned(),
        ]);
    }
    let mut out = heading(a, ranking).join("\n");
    out.push_str("\n\n");
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

const HEADER: [&str; 9] = [
    "Rank",
    "Id",
    "Title",
    "Band",
    "Severity (scale/scope/remediability)",
    "Likelihood",
    "Residual",
    "Involvement",
    "Status",
];

/// Salient bands are marked in words, never by colour alone.
fn band_cell(r: &Row<'_>) -> String {
    if r.salient {
        format!("{} (salient)", r.band)
    } else {
        r.band.to_owned()
    }
}

fn likelihood_cell(r: &Row<'_>) -> String {
    if r.impact == "actual" {
        format!("{} (actual)", r.likelihood)
    } else {
        r.likelihood.to_string()
    }
}

/// The ranked table as GitHub-flavoured Markdown, for pull requests.
pub fn markdown(a: &Assessment, ranking: &Ranking) -> String {
    let mut out = String::new();
    let heading = heading(a, ranking);
    out.push_str(&format!("### {}\n\n", md_escape(&heading[0])));
    for line in &heading[1..] {
        out.push_str(&format!("{}\n\n", md_escape(line)));
    }
    out.push_str(&format!("| {} |\n", HEADER.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(HEADER.len())));
    for r in rows(a, ranking) {
        let band = if r.salient {
            format!("**{}**", band_cell(&r))
        } else {
            band_cell(&r)
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} |\n",
            r.rank,
            r.id,
            md_escape(r.title),
            band,
            severity_cell(&r),
            likelihood_cell(&r),
            r.residual_likelihood,
            r.involvement,
            r.status
        ));
    }
    out
}

/// Escapes what would break a Markdown table cell or inject markup.
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct Document<'a> {
    assessment: Meta<'a>,
    method: &'static str,
    departs_from_ungp24: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<&'static str>,
    basis: Basis,
    risks: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    organization: &'a str,
    version: &'a str,
    status: &'static str,
    assessed_on: &'a str,
    next_review: &'a str,
}

/// The ranking as JSON, `risks` in rank order.
pub fn json(a: &Assessment, ranking: &Ranking) -> String {
    let m = &a.assessment;
    super::json::to_string(&Document {
        assessment: Meta {
            id: &m.id.value,
            title: &m.title.value,
            organization: &m.organization.value,
            version: &m.version.value,
            status: m.status.value.as_str(),
            assessed_on: m.assessed_on.value.raw(),
            next_review: m.next_review.value.raw(),
        },
        method: ranking.method.name(),
        departs_from_ungp24: ranking.method.departs_from_ungp24(),
        notice: ranking.method.departure_notice(),
        basis: ranking.basis,
        risks: rows(a, ranking),
    })
}
