//! `hrdd coverage`: framework crosswalks and engagement coverage, as text, Markdown or JSON.

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use super::assess::md_escape;
use crate::coverage::{Coverage, EngagementCoverage, EngagementRef, Status, article};
use crate::model::{Assessment, Audience, Framework};

/// What the coverage outputs are about.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The assessment as the audience may see it.
    pub assessment: &'a Assessment,
    pub audience: Audience,
}

impl Subject<'_> {
    fn heading(&self) -> String {
        let m = &self.assessment.assessment;
        format!(
            "{} — {} (version {}, {})",
            m.organization.value, m.title.value, m.version.value, m.status.value
        )
    }
}

const NOT_COVERED: &str =
    "no crosswalk in this version of hrdd (OECD Guidelines Ch. IV follow UNGP 17–22: use `ungp`)";

fn counts_line(c: &Coverage) -> String {
    let n = c.counts();
    format!(
        "{}: {} evidenced, {} partial, {} missing, {} not assessable",
        c.framework, n.evidenced, n.partial, n.missing, n.not_assessable
    )
}

fn table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(w) = width {
        t.set_width(w);
    }
    t
}

/// Statuses other than `evidenced` are marked in words a reader can scan for.
fn status_cell(s: Status) -> String {
    match s {
        Status::Evidenced => "evidenced".into(),
        Status::Partial => "PARTIAL".into(),
        Status::Missing => "MISSING".into(),
        Status::NotAssessable => "not assessable".into(),
    }
}

/// The crosswalks for a terminal, one table per framework.
pub fn text(
    subject: Subject<'_>,
    coverages: &[Coverage],
    not_covered: &[Framework],
    width: Option<u16>,
) -> String {
    let mut out = format!(
        "{}\nCoverage for the {} audience",
        subject.heading(),
        subject.audience.as_str()
    );
    if subject.audience.hides_confidential() {
        out.push_str(" (evaluated on what it may see)");
    }
    out.push('\n');
    for c in coverages {
        out.push_str(&format!("\n{}\n{}\n", c.instrument, counts_line(c)));
        let mut t = table(width);
        t.set_header(["Element", "Provision", "Status", "Why", "To add"]);
        for i in &c.items {
            t.add_row(vec![
                i.id.to_owned(),
                article(i.citation).to_owned(),
                status_cell(i.status),
                i.reason.clone(),
                i.add.unwrap_or("").to_owned(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    for f in not_covered {
        out.push_str(&format!("\n{f}: {NOT_COVERED}\n"));
    }
    out
}

/// hrdd's own text with ids in backticks: keep the code spans, neutralise table breakers.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}

/// The crosswalks as GitHub-flavoured Markdown.
pub fn markdown(subject: Subject<'_>, coverages: &[Coverage], not_covered: &[Framework]) -> String {
    let mut out = format!(
        "### Coverage: {}\n\nAudience: {}\n",
        md_escape(&subject.heading()),
        subject.audience.as_str()
    );
    for c in coverages {
        out.push_str(&format!(
            "\n#### {}\n\n{}\n\n",
            md_escape(c.instrument),
            cell(&counts_line(c))
        ));
        out.push_str("| Element | Provision | Status | Why | To add |\n|---|---|---|---|---|\n");
        for i in &c.items {
            let status = match i.status {
                Status::Evidenced => "evidenced".to_owned(),
                s => format!("**{s}**"),
            };
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {} |\n",
                i.id,
                cell(article(i.citation)),
                status,
                cell(&i.reason),
                cell(i.add.unwrap_or(""))
            ));
        }
    }
    for f in not_covered {
        out.push_str(&format!("\n`{f}`: {}\n", cell(NOT_COVERED)));
    }
    out
}

#[derive(Serialize)]
struct Meta<'a> {
    id: &'a str,
    title: &'a str,
    organization: &'a str,
    version: &'a str,
}

fn meta(a: &Assessment) -> Meta<'_> {
    let m = &a.assessment;
    Meta {
        id: &m.id.value,
        title: &m.title.value,
        organization: &m.organization.value,
        version: &m.version.value,
    }
}

#[derive(Serialize)]
struct FrameworksDocument<'a> {
    assessment: Meta<'a>,
    audience: Audience,
    frameworks: &'a [Coverage],
    not_covered: &'a [Framework],
}

/// The crosswalks as one JSON document.
pub fn json(subject: Subject<'_>, coverages: &[Coverage], not_covered: &[Framework]) -> String {
    super::json::to_string(&FrameworksDocument {
        assessment: meta(subject.assessment),
        audience: subject.audience,
        frameworks: coverages,
        not_covered,
    })
}

fn engagement_line(e: &EngagementRef) -> String {
    format!("{} ({}, {})", e.id, e.date, e.method)
}

const PUBLIC_UNSAID: &str =
    "not stated for the public audience: a confidential engagement may be the only one";

/// Engagement coverage for a terminal.
pub fn engagement_text(subject: Subject<'_>, e: &EngagementCoverage, width: Option<u16>) -> String {
    let mut out = format!(
        "{}\nEngagement coverage for the {} audience\n\nRights-holder groups\n",
        subject.heading(),
        subject.audience.as_str()
    );
    let mut t = table(width);
    t.set_header([
        "Group",
        "Vulnerable",
        "Engaged",
        "Engagements (date, method)",
        "Open salient risks",
    ]);
    for g in &e.groups {
        t.add_row(vec![
            format!("{}\n{}", g.id, g.name),
            if g.vulnerable { "yes" } else { "no" }.to_owned(),
            match g.engaged {
                Some(true) => "yes".to_owned(),
                Some(false) => "NO".to_owned(),
                None => "—".to_owned(),
            },
            if g.engagements.is_empty() {
                none(subject)
            } else {
                g.engagements
                    .iter()
                    .map(engagement_line)
                    .collect::<Vec<_>>()
                    .join("\n")
            },
            g.salient_risks.join("\n"),
        ]);
    }
    out.push_str(&t.to_string());
    out.push_str(
        "\n\nVulnerable groups affected by open salient risks and never engaged (UNGP 18)\n",
    );
    match &e.vulnerable_not_engaged {
        None => out.push_str(&format!("  {PUBLIC_UNSAID}\n")),
        Some(v) if v.is_empty() => out.push_str("  none\n"),
        Some(v) => {
            for g in v {
                let risks: Vec<String> = g
                    .risks
                    .iter()
                    .map(|r| format!("{} ({})", r.id, r.band))
                    .collect();
                out.push_str(&format!(
                    "  - {} ({}): {}\n",
                    g.id,
                    g.name,
                    risks.join(", ")
                ));
            }
        }
    }
    out.push_str(
        "\nEngagements with no recorded outcome (nothing recorded as changed or reported back)\n",
    );
    list(&mut out, &e.without_outcome);
    out.push_str(
        "\nEngagements with no rights-holder group directly (experts or organisations only)\n",
    );
    list(&mut out, &e.indirect);
    out
}

/// An empty list: for board and public, confidential items may be behind it.
fn none(subject: Subject<'_>) -> String {
    if subject.audience.hides_confidential() {
        "none shown".into()
    } else {
        "none".into()
    }
}

fn list(out: &mut String, items: &[EngagementRef]) {
    if items.is_empty() {
        out.push_str("  none\n");
    }
    for i in items {
        out.push_str(&format!("  - {}\n", engagement_line(i)));
    }
}

/// Engagement coverage as GitHub-flavoured Markdown.
pub fn engagement_markdown(subject: Subject<'_>, e: &EngagementCoverage) -> String {
    let mut out = format!(
        "### Engagement coverage: {}\n\nAudience: {}\n\n",
        md_escape(&subject.heading()),
        subject.audience.as_str()
    );
    out.push_str("| Group | Vulnerable | Engaged | Engagements (date, method) | Open salient risks |\n|---|---|---|---|---|\n");
    for g in &e.groups {
        let engagements = if g.engagements.is_empty() {
            none(subject)
        } else {
            g.engagements
                .iter()
                .map(|x| format!("`{}` ({}, {})", x.id, x.date, x.method))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let risks: Vec<String> = g.salient_risks.iter().map(|r| format!("`{r}`")).collect();
        out.push_str(&format!(
            "| `{}` {} | {} | {} | {} | {} |\n",
            g.id,
            md_escape(&g.name),
            if g.vulnerable { "yes" } else { "no" },
            match g.engaged {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "—",
            },
            engagements,
            risks.join(", ")
        ));
    }
    out.push_str(
        "\n#### Vulnerable groups affected by open salient risks and never engaged (UNGP 18)\n\n",
    );
    match &e.vulnerable_not_engaged {
        None => out.push_str(&format!("{PUBLIC_UNSAID}\n")),
        Some(v) if v.is_empty() => out.push_str("None.\n"),
        Some(v) => {
            for g in v {
                let risks: Vec<String> = g
                    .risks
                    .iter()
                    .map(|r| format!("`{}` ({})", r.id, r.band))
                    .collect();
                out.push_str(&format!(
                    "- `{}` {}: {}\n",
                    g.id,
                    md_escape(&g.name),
                    risks.join(", ")
                ));
            }
        }
    }
    for (title, items) in [
        (
            "Engagements with no recorded outcome (nothing recorded as changed or reported back)",
            &e.without_outcome,
        ),
        (
            "Engagements with no rights-holder group directly (experts or organisations only)",
            &e.indirect,
        ),
    ] {
        out.push_str(&format!("\n#### {title}\n\n"));
        if items.is_empty() {
            out.push_str("None.\n");
        }
        for i in items {
            out.push_str(&format!("- `{}` ({}, {})\n", i.id, i.date, i.method));
        }
    }
    out
}

#[derive(Serialize)]
struct EngagementDocument<'a> {
    assessment: Meta<'a>,
    audience: Audience,
    engagement: &'a EngagementCoverage,
}

/// Engagement coverage as one JSON document.
pub fn engagement_json(subject: Subject<'_>, e: &EngagementCoverage) -> String {
    super::json::to_string(&EngagementDocument {
        assessment: meta(subject.assessment),
        audience: subject.audience,
        engagement: e,
    })
}
