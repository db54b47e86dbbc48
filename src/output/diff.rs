//! `hrdd diff`: the changes as a terminal table, Markdown for a pull request, or JSON.

use std::collections::HashSet;

use comfy_table::{ContentArrangement, Table, presets};
use serde_json::Value;

use crate::diff::{Collection, Counts, Diff, FieldChange, Risks};

/// Longest value shown in a table cell before it is cut with `…`.
const MAX_VALUE: usize = 80;

/// The diff as JSON.
pub fn json(d: &Diff) -> String {
    super::json::to_string(d)
}

/// One row of a changes table.
struct Row {
    change: &'static str,
    id: String,
    label: String,
    /// Risks only: band and rank cells.
    band: String,
    rank: String,
    details: Vec<String>,
}

/// The heading lines: the two sides, the method, the notice.
fn heading(d: &Diff) -> Vec<String> {
    let a = &d.assessment;
    let side =
        |s: &crate::diff::Side| format!("{} (version {}, {})", s.source, s.version, s.status);
    let mut lines = vec![
        format!("hrdd diff · {}", a.new.title),
        format!("old: {}", side(&a.old)),
        format!("new: {}", side(&a.new)),
        format!("Method: {} · audience: {}", d.method, d.audience.as_str()),
    ];
    if let Some(notice) = d.notice {
        lines.push(format!("Notice: {notice}."));
    }
    if a.old.id != a.new.id {
        lines.push(format!(
            "Note: the two sides are different assessments (`{}` and `{}`)",
            a.old.id, a.new.id
        ));
    }
    lines
}

/// The lines that a reviewer must not miss.
fn alerts(d: &Diff) -> Vec<(&'static str, Vec<String>)> {
    let r = &d.risks;
    let removed: Vec<String> = r.removed.iter().map(|e| e.id.clone()).collect();
    [
        ("Newly salient", r.newly_salient.clone()),
        ("Band up", r.band_up.clone()),
        ("Band down", r.band_down.clone()),
        ("No longer salient", r.no_longer_salient.clone()),
        ("Removed risks", removed),
    ]
    .into_iter()
    .filter(|(_, ids)| !ids.is_empty())
    .collect()
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}")
}

fn counts_line(added: usize, removed: usize, changed: usize, moved: Option<usize>) -> String {
    let mut parts = Vec::new();
    for (n, what) in [(added, "added"), (removed, "removed"), (changed, "changed")] {
        if n > 0 {
            parts.push(plural(n, what));
        }
    }
    if let Some(m) = moved.filter(|m| *m > 0) {
        parts.push(plural(m, "moved"));
    }
    parts.join(", ")
}

fn confidential_line(c: Option<Counts>) -> Option<String> {
    let c = c.filter(|c| *c != Counts::default())?;
    Some(format!(
        "Confidential items (not shown): {}",
        counts_line(c.added, c.removed, c.changed, None)
    ))
}

/// A value as a reader sees it in a cell.
fn show(v: &Value) -> String {
    let s = match v {
        Value::Null => "(none)".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items.iter().map(show).collect::<Vec<_>>().join(", ")
            }
        }
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", show(v)))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    };
    cut(&s.replace(['\n', '\r'], " "), MAX_VALUE)
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `field: old → new`; lists of names as what was added and removed.
fn describe(f: &FieldChange) -> String {
    let strings = |v: &Value| -> Option<Vec<String>> {
        match v {
            Value::Null => Some(Vec::new()),
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => None,
        }
    };
    if let (Some(old), Some(new)) = (strings(&f.old), strings(&f.new))
        && (f.old.is_array() || f.new.is_array())
    {
        let mut parts: Vec<String> = new
            .iter()
            .filter(|x| !old.contains(x))
            .map(|x| format!("+{x}"))
            .collect();
        parts.extend(
            old.iter()
                .filter(|x| !new.contains(x))
                .map(|x| format!("-{x}")),
        );
        if parts.is_empty() {
            parts.push("reordered".to_owned());
        }
        return format!("{}: {}", f.field, cut(&parts.join(", "), MAX_VALUE));
    }
    let direction = match (f.old.as_f64(), f.new.as_f64()) {
        (Some(a), Some(b)) if b > a => " (up)",
        (Some(a), Some(b)) if b < a => " (down)",
        _ => "",
    };
    format!(
        "{}: {} → {}{direction}",
        f.field,
        show(&f.old),
        show(&f.new)
    )
}

fn risk_rows(r: &Risks) -> Vec<Row> {
    let salient = |band: &str, s: bool| {
        if s {
            format!("{band} (salient)")
        } else {
            band.to_owned()
        }
    };
    let mut rows = Vec::new();
    for e in &r.added {
        rows.push(Row {
            change: "added",
            id: e.id.clone(),
            label: e.label.clone(),
            band: salient(e.band.as_str(), e.salient),
            rank: e.rank.to_string(),
            details: Vec::new(),
        });
    }
    for c in &r.changed {
        let mut band = if c.band.old == c.band.new {
            c.band.new.as_str().to_owned()
        } else {
            format!("{} → {}", c.band.old, c.band.new)
        };
        if c.newly_salient {
            band.push_str(" (newly salient)");
        }
        rows.push(Row {
            change: "changed",
            id: c.id.clone(),
            label: c.label.clone(),
            band,
            rank: if c.rank.old == c.rank.new {
                c.rank.new.to_string()
            } else {
                format!("{} → {}", c.rank.old, c.rank.new)
            },
            details: c.fields.iter().map(describe).collect(),
        });
    }
    let changed: HashSet<&str> = r.changed.iter().map(|c| c.id.as_str()).collect();
    for m in r.moved.iter().filter(|m| !changed.contains(m.id.as_str())) {
        rows.push(Row {
            change: "moved",
            id: m.id.clone(),
            label: m.label.clone(),
            band: m.band.as_str().to_owned(),
            rank: format!("{} → {}", m.rank.old, m.rank.new),
            details: Vec::new(),
        });
    }
    for e in &r.removed {
        rows.push(Row {
            change: "removed",
            id: e.id.clone(),
            label: e.label.clone(),
            band: salient(e.band.as_str(), e.salient),
            rank: format!("was {}", e.rank),
            details: Vec::new(),
        });
    }
    rows
}

fn rows(c: &Collection) -> Vec<Row> {
    let row = |change, id: &str, label: &str, details| Row {
        change,
        id: id.to_owned(),
        label: label.to_owned(),
        band: String::new(),
        rank: String::new(),
        details,
    };
    let mut rows: Vec<Row> = c
        .added
        .iter()
        .map(|e| row("added", &e.id, &e.label, Vec::new()))
        .collect();
    rows.extend(c.changed.iter().map(|e| {
        row(
            "changed",
            &e.id,
            &e.label,
            e.fields.iter().map(describe).collect(),
        )
    }));
    rows.extend(
        c.removed
            .iter()
            .map(|e| row("removed", &e.id, &e.label, Vec::new())),
    );
    rows
}

/// A section of the diff: its title, its count line, its rows, and whether it has rank columns.
struct Section {
    title: String,
    counts: String,
    rows: Vec<Row>,
    ranked: bool,
    confidential: Option<String>,
}

fn sections(d: &Diff) -> Vec<Section> {
    let title = |name: &str| {
        let mut t = name.replace('_', " ");
        if let Some(first) = t.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        t
    };
    let r = &d.risks;
    let mut out = vec![Section {
        title: "Risks".to_owned(),
        counts: counts_line(
            r.added.len(),
            r.removed.len(),
            r.changed.len(),
            Some(r.moved.len()),
        ),
        rows: risk_rows(r),
        ranked: true,
        confidential: confidential_line(r.confidential),
    }];
    for (name, c) in d.collections() {
        out.push(Section {
            title: title(name),
            counts: counts_line(c.added.len(), c.removed.len(), c.changed.len(), None),
            rows: rows(c),
            ranked: false,
            confidential: confidential_line(c.confidential),
        });
    }
    out.retain(|s| !s.rows.is_empty() || s.confidential.is_some());
    out
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Dynamic);
    t.set_header(header);
    t
}

/// The diff for a terminal.
pub fn text(d: &Diff) -> String {
    let mut out = heading(d).join("\n");
    out.push_str("\n\n");
    if d.is_empty() {
        out.push_str("No differences.\n");
        return out;
    }
    for (what, ids) in alerts(d) {
        out.push_str(&format!("{what}: {}\n", ids.join(", ")));
    }
    let a = &d.assessment;
    if !a.fields.is_empty() {
        let mut t = table(&["Field", "Old", "New"]);
        for f in &a.fields {
            t.add_row([f.field.clone(), show(&f.old), show(&f.new)]);
        }
        out.push_str(&format!("\nAssessment\n{t}\n"));
    }
    for s in sections(d) {
        out.push_str(&format!("\n{}", s.title));
        if !s.counts.is_empty() {
            out.push_str(&format!(": {}", s.counts));
        }
        out.push('\n');
        if !s.rows.is_empty() {
            let mut t = if s.ranked {
                table(&["Change", "Id", "Title", "Band", "Rank", "Changes"])
            } else {
                table(&["Change", "Id", "Name", "Changes"])
            };
            for r in s.rows {
                let mut cells = vec![r.change.to_owned(), r.id, cut(&r.label, MAX_VALUE)];
                if s.ranked {
                    cells.push(r.band);
                    cells.push(r.rank);
                }
                cells.push(r.details.join("\n"));
                t.add_row(cells);
            }
            out.push_str(&format!("{t}\n"));
        }
        if let Some(line) = s.confidential {
            out.push_str(&format!("{line}\n"));
        }
    }
    out
}

/// The diff as GitHub-flavoured Markdown, for a pull-request comment.
pub fn markdown(d: &Diff) -> String {
    let a = &d.assessment;
    let mut out = format!("### hrdd diff: {}\n\n", md(&a.new.title));
    let side = |s: &crate::diff::Side| {
        format!(
            "`{}` (version {}, {})",
            code(&s.source),
            md(&s.version),
            s.status
        )
    };
    out.push_str(&format!(
        "{} → {} · method `{}` · audience `{}`\n\n",
        side(&a.old),
        side(&a.new),
        d.method,
        d.audience.as_str()
    ));
    if let Some(notice) = d.notice {
        out.push_str(&format!("> **Notice:** {}.\n\n", md(notice)));
    }
    if a.old.id != a.new.id {
        out.push_str(&format!(
            "> **Note:** the two sides are different assessments (`{}` and `{}`).\n\n",
            code(&a.old.id),
            code(&a.new.id)
        ));
    }
    if d.is_empty() {
        out.push_str("No differences.\n");
        return out;
    }
    let alerts = alerts(d);
    for (what, ids) in &alerts {
        let ids: Vec<String> = ids.iter().map(|i| format!("`{}`", code(i))).collect();
        out.push_str(&format!("- **{what}:** {}\n", ids.join(", ")));
    }
    if !alerts.is_empty() {
        out.push('\n');
    }
    if !a.fields.is_empty() {
        out.push_str("#### Assessment\n\n| Field | Old | New |\n|---|---|---|\n");
        for f in &a.fields {
            out.push_str(&format!(
                "| `{}` | {} | {} |\n",
                code(&f.field),
                md(&show(&f.old)),
                md(&show(&f.new))
            ));
        }
        out.push('\n');
    }
    for s in sections(d) {
        out.push_str(&format!("#### {}", s.title));
        if !s.counts.is_empty() {
            out.push_str(&format!(" — {}", s.counts));
        }
        out.push_str("\n\n");
        if !s.rows.is_empty() {
            if s.ranked {
                out.push_str(
                    "| Change | Id | Title | Band | Rank | Changes |\n|---|---|---|---|---|---|\n",
                );
            } else {
                out.push_str("| Change | Id | Name | Changes |\n|---|---|---|---|\n");
            }
            for r in s.rows {
                let details: Vec<String> = r.details.iter().map(|x| md(x)).collect();
                let mut cells = vec![
                    r.change.to_owned(),
                    format!("`{}`", code(&r.id)),
                    md(&cut(&r.label, MAX_VALUE)),
                ];
                if s.ranked {
                    cells.push(if r.band.contains("salient") {
                        format!("**{}**", md(&r.band))
                    } else {
                        md(&r.band)
                    });
                    cells.push(md(&r.rank));
                }
                cells.push(details.join("<br>"));
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out.push('\n');
        }
        if let Some(line) = s.confidential {
            out.push_str(&format!("_{}_\n\n", md(&line)));
        }
    }
    out
}

/// Escapes what would break a Markdown table cell or inject markup.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '#' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Text inside a code span: backticks and pipes cannot be escaped there, so they go.
fn code(s: &str) -> String {
    s.replace(['`', '|', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(field: &str, old: Value, new: Value) -> FieldChange {
        FieldChange {
            field: field.to_owned(),
            old,
            new,
        }
    }

    #[test]
    fn changes_read_as_a_reviewer_expects() {
        assert_eq!(
            describe(&change("severity.scale", json!(3), json!(4))),
            "severity.scale: 3 → 4 (up)"
        );
        assert_eq!(
            describe(&change("mitigations", json!(["a", "b"]), json!(["b", "c"]))),
            "mitigations: +c, -a"
        );
        assert_eq!(
            describe(&change("remedy", Value::Null, json!(["x"]))),
            "remedy: +x"
        );
        assert_eq!(
            describe(&change(
                "approval",
                Value::Null,
                json!({"by": "Board", "on": "2026-01-02"})
            )),
            "approval: (none) → by: Board, on: 2026-01-02"
        );
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(md("a|b<script>"), "a\\|b\\<script\\>");
    }
}
