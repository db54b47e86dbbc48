//! `hrdd assess DIR`: a portfolio as terminal tables, Markdown or JSON.

use comfy_table::{ContentArrangement, Table, presets};

use crate::portfolio::Portfolio;

/// How many rights the summary lists.
const TOP_RIGHTS: usize = 10;

/// A section: its title and its table as header and rows.
struct Section {
    title: &'static str,
    empty: &'static str,
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

fn heading(p: &Portfolio) -> Vec<String> {
    let t = &p.totals;
    let mut lines = vec![
        format!(
            "Portfolio of {} assessment{}: {} risks, {} salient ({} critical), {} overdue action{}, {} review{} overdue",
            t.assessments,
            if t.assessments == 1 { "" } else { "s" },
            t.risks,
            t.salient,
            t.critical,
            t.overdue_actions,
            if t.overdue_actions == 1 { "" } else { "s" },
            t.reviews_overdue,
            if t.reviews_overdue == 1 { "" } else { "s" },
        ),
        format!(
            "Method: {} · salient risks of every assessment ranked on one scale, severity before likelihood",
            p.method
        ),
    ];
    if let Some(notice) = p.departure_notice {
        lines.push(format!("Notice: {notice}."));
    }
    if !p.excluded.is_empty() {
        lines.push(format!(
            "Left out, with errors: {} (`hrdd validate` shows them)",
            p.excluded.join(", ")
        ));
    }
    lines
}

fn sections(p: &Portfolio) -> Vec<Section> {
    let mut out = vec![Section {
        title: "Assessments",
        empty: "none",
        header: vec![
            "Assessment",
            "Version",
            "Status",
            "Risks",
            "Salient",
            "Critical",
            "Overdue actions",
            "Next review",
        ],
        rows: p
            .assessments
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.version.clone(),
                    a.status.to_owned(),
                    match a.withheld_risks {
                        Some(n) if n > 0 => format!("{} (+{n} confidential)", a.risks),
                        _ => a.risks.to_string(),
                    },
                    a.salient.to_string(),
                    a.critical.to_string(),
                    a.overdue_actions.to_string(),
                    if a.review_overdue {
                        format!("{} (overdue)", a.next_review)
                    } else {
                        a.next_review.clone()
                    },
                ]
            })
            .collect(),
    }];
    out.push(Section {
        title: "Salient risks across the portfolio",
        empty: "No salient risk.",
        header: vec![
            "Rank",
            "Assessment",
            "Risk",
            "Title",
            "Band",
            "Severity (scale/scope/remediability)",
            "Likelihood",
            "Status",
        ],
        rows: p
            .salient
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.assessment.clone(),
                    r.id.clone(),
                    r.title.clone(),
                    r.band.to_owned(),
                    format!("{}/{}/{}", r.scale, r.scope, r.remediability),
                    if r.impact == "actual" {
                        format!("{} (actual)", r.likelihood)
                    } else {
                        r.likelihood.to_string()
                    },
                    r.status.to_owned(),
                ]
            })
            .collect(),
    });
    out.push(Section {
        title: "Overdue actions by owner",
        empty: "No action is overdue.",
        header: vec![
            "Owner",
            "Assessment",
            "Action",
            "Due",
            "Days late",
            "Status",
        ],
        rows: p
            .overdue
            .iter()
            .flat_map(|g| {
                g.actions.iter().map(|x| {
                    vec![
                        g.owner.clone().unwrap_or_else(|| "not disclosed".into()),
                        x.assessment.clone(),
                        x.id.clone(),
                        x.due.clone(),
                        x.days_overdue.to_string(),
                        x.status.to_owned(),
                    ]
                })
            })
            .collect(),
    });
    out.push(Section {
        title: "Rights most at risk",
        empty: "none",
        header: vec![
            "Right",
            "Salient risks",
            "Risks",
            "Worst band",
            "Assessments",
        ],
        rows: p
            .rights
            .iter()
            .take(TOP_RIGHTS)
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.salient.to_string(),
                    r.risks.to_string(),
                    r.worst_band.as_str().to_owned(),
                    r.assessments.join(", "),
                ]
            })
            .collect(),
    });
    out.push(Section {
        title: "Coverage by framework",
        empty: "No assessment declares a framework with a crosswalk.",
        header: vec![
            "Assessment",
            "Framework",
            "Evidenced",
            "Partial",
            "Missing",
            "Not assessable",
        ],
        rows: p
            .coverage
            .iter()
            .map(|c| {
                vec![
                    c.assessment.clone(),
                    c.framework.to_owned(),
                    c.evidenced.to_string(),
                    c.partial.to_string(),
                    c.missing.to_string(),
                    c.not_assessable.to_string(),
                ]
            })
            .collect(),
    });
    out
}

/// The portfolio for a terminal.
pub fn text(p: &Portfolio, width: Option<u16>) -> String {
    let mut out = heading(p).join("\n");
    out.push('\n');
    for s in sections(p) {
        out.push_str(&format!("\n{}\n", s.title));
        if s.rows.is_empty() {
            out.push_str(&format!("  {}\n", s.empty));
            continue;
        }
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if let Some(w) = width {
            table.set_width(w);
        }
        table.set_header(s.header);
        for row in s.rows {
            table.add_row(row);
        }
        out.push_str(&table.to_string());
        out.push('\n');
    }
    out
}

/// The portfolio as GitHub-flavoured Markdown.
pub fn markdown(p: &Portfolio) -> String {
    let lines = heading(p);
    let mut out = format!("## {}\n\n", super::assess::md_escape(&lines[0]));
    for line in &lines[1..] {
        out.push_str(&format!("{}\n\n", super::assess::md_escape(line)));
    }
    for s in sections(p) {
        out.push_str(&format!("### {}\n\n", s.title));
        if s.rows.is_empty() {
            out.push_str(&format!("{}\n\n", s.empty));
            continue;
        }
        out.push_str(&format!("| {} |\n", s.header.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(s.header.len())));
        for row in s.rows {
            let cells: Vec<String> = row.iter().map(|c| super::assess::md_escape(c)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out.push('\n');
    }
    out
}

/// The portfolio as JSON.
pub fn json(p: &Portfolio) -> String {
    super::json::to_string(p)
}
