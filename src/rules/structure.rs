//! Structure rules that need the whole file: ids, references, ranges, dates, empty values.

use std::collections::HashMap;

use super::{Index, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Assessment, BUILT_IN_RIGHTS, Day, Id, Impact, Pos, Rating, Spanned, Text, built_in_right,
};
use crate::suggest;

pub(super) fn check(a: &Assessment, index: &Index<'_>, out: &mut Vec<Diagnostic>) {
    let mut c = Checker { out };
    let m = &a.assessment;
    c.id(&m.id, "assessment");
    for (field, text) in [
        ("title", &m.title),
        ("organization", &m.organization),
        ("owner", &m.owner),
        ("version", &m.version),
    ] {
        c.text(field, text);
    }
    c.opt_text("scope", m.scope.as_ref());
    c.day("assessed_on", &m.assessed_on);
    c.day("next_review", &m.next_review);
    for assessor in &m.assessors {
        c.text("name", &assessor.name);
        c.opt_text("role", assessor.role.as_ref());
    }
    if let Some(approval) = &m.approval {
        c.text("by", &approval.by);
        c.day("on", &approval.on);
    }

    c.non_empty("products", &a.products);
    c.list("products", &a.products, |p| &p.id);
    for p in a.products.iter() {
        c.text("name", &p.name);
        c.opt_text("description", p.description.as_ref());
    }
    c.list("relationships", &a.relationships, |r| &r.id);
    for r in &a.relationships {
        c.text("name", &r.name);
        c.opt_text("notes", r.notes.as_ref());
    }
    c.non_empty("rights_holders", &a.rights_holders);
    c.list("rights_holders", &a.rights_holders, |r| &r.id);
    for rh in a.rights_holders.iter() {
        c.text("name", &rh.name);
        if let Some(n) = &rh.estimated_number
            && n.value < 0
        {
            c.push(
                Diagnostic::new(
                    Rule::OutOfRange,
                    n.pos,
                    format!("`estimated_number` cannot be negative, found {}", n.value),
                )
                .help("write how many people, as best known (0 or more)"),
            );
        }
    }
    c.list("rights", &a.rights, |r| &r.id);
    for right in &a.rights {
        c.text("name", &right.name);
        c.non_empty("instruments", &right.instruments);
        for i in right.instruments.iter() {
            c.text("instruments", i);
        }
        if let Some(built_in) = built_in_right(&right.id.value) {
            c.push(
                Diagnostic::new(
                    Rule::RightCollision,
                    right.id.pos,
                    format!(
                        "custom right `{}` reuses the id of a built-in right",
                        right.id.value
                    ),
                )
                .label(format!("built in: {}", built_in.name))
                .help(format!(
                    "reference the built-in `{}` directly and remove this entry, or give the new right another id",
                    built_in.id
                )),
            );
        }
    }

    c.list("risks", &a.risks, |r| &r.id);
    let right_ids = || {
        BUILT_IN_RIGHTS
            .iter()
            .map(|r| r.id)
            .chain(a.rights.iter().map(|r| r.id.value.as_str()))
    };
    for risk in &a.risks {
        c.text("title", &risk.title);
        c.opt_text("description", risk.description.as_ref());
        c.non_empty("products", &risk.products);
        c.non_empty("rights", &risk.rights);
        c.non_empty("rights_holders", &risk.rights_holders);
        c.refs("products", &risk.products, &index.products);
        for right in risk.rights.iter() {
            let known = built_in_right(&right.value).is_some()
                || index.rights.contains_key(right.value.as_str());
            if !known {
                c.dangling(
                    "rights",
                    right,
                    right_ids(),
                    " (the built-in catalogue or `rights`)",
                );
            }
        }
        c.refs(
            "rights_holders",
            &risk.rights_holders,
            &index.rights_holders,
        );
        c.refs("relationships", &risk.relationships, &index.relationships);
        c.refs("mitigations", &risk.mitigations, &index.mitigations);
        c.refs("remedy_channels", &risk.remedy, &index.remedy_channels);
        c.refs("engagements", &risk.engagements, &index.engagements);
        let sev = &risk.severity.value;
        c.rating("scale", &sev.scale);
        c.rating("scope", &sev.scope);
        c.rating("remediability", &sev.remediability);
        c.opt_text("rationale", sev.rationale.as_ref());
        match &risk.likelihood {
            Some(l) => c.rating("likelihood", l),
            None if risk.impact.value == Impact::Potential => c.push(
                Diagnostic::new(
                    Rule::MissingField,
                    risk.impact.pos,
                    format!(
                        "risk `{}` is potential but has no `likelihood`",
                        risk.id.value
                    ),
                )
                .label("a potential impact needs a likelihood")
                .help("add `likelihood:` from 1 (rare) to 5 (almost certain)"),
            ),
            None => {}
        }
        if let Some(r) = &risk.residual_likelihood {
            c.rating("residual_likelihood", r);
        }
    }

    c.list("mitigations", &a.mitigations, |m| &m.id);
    for m in &a.mitigations {
        c.text("action", &m.action);
        c.text("owner", &m.owner);
        if let Some(due) = &m.due {
            c.day("due", due);
        }
        for i in &m.indicators {
            c.text("name", &i.name);
        }
    }
    c.list("remedy_channels", &a.remedy_channels, |r| &r.id);
    for ch in &a.remedy_channels {
        c.text("name", &ch.name);
        c.refs("rights_holders", &ch.accessible_to, &index.rights_holders);
    }
    c.list("engagements", &a.engagements, |e| &e.id);
    for e in &a.engagements {
        c.day("date", &e.date);
        c.text("summary", &e.summary);
        c.opt_text("outcome", e.outcome.as_ref());
        c.refs("rights_holders", &e.rights_holders, &index.rights_holders);
    }
}

struct Checker<'o> {
    out: &'o mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.out.push(d);
    }

    fn id(&mut self, id: &Id, list: &str) {
        if !is_valid_id(&id.value) {
            self.push(
                Diagnostic::new(
                    Rule::InvalidId,
                    id.pos,
                    format!("`{}` is not a valid id in `{list}`", id.value),
                )
                .label("ids start with a letter; then letters, digits, `_`, `.` or `-`")
                .help(match suggest_id(&id.value) {
                    Some(s) => format!("use an id of at most 64 characters, e.g. `{s}`"),
                    None => {
                        "use an id such as `R-1` or `content-moderators` (at most 64 characters)"
                            .into()
                    }
                }),
            );
        }
    }

    /// Checks every id of a list and reports the second definition of any id.
    fn list<T>(&mut self, list: &str, items: &[T], id: fn(&T) -> &Id) {
        let mut seen: HashMap<&str, Pos> = HashMap::with_capacity(items.len());
        for item in items {
            let id = id(item);
            self.id(id, list);
            if let Some(first) = seen.get(id.value.as_str()) {
                self.push(
                    Diagnostic::new(
                        Rule::DuplicateId,
                        id.pos,
                        format!("the id `{}` is defined twice in `{list}`", id.value),
                    )
                    .label(format!("first defined at line {}", first.line))
                    .help(
                        "give each item its own id; ids must never be reused for a different thing",
                    ),
                );
            } else {
                seen.insert(&id.value, id.pos);
            }
        }
    }

    fn text(&mut self, field: &str, text: &Text) {
        if text.value.trim().is_empty() {
            self.push(
                Diagnostic::new(Rule::EmptyValue, text.pos, format!("`{field}` is empty")).help(
                    format!("write the {field}, or remove the key if it is optional"),
                ),
            );
        }
    }

    fn opt_text(&mut self, field: &str, text: Option<&Text>) {
        if let Some(t) = text {
            self.text(field, t);
        }
    }

    fn non_empty<T>(&mut self, field: &str, list: &Spanned<Vec<T>>) {
        if list.value.is_empty() {
            self.push(
                Diagnostic::new(
                    Rule::EmptyValue,
                    list.pos,
                    format!("`{field}` needs at least one item"),
                )
                .help(format!("list at least one entry under `{field}`")),
            );
        }
    }

    fn rating(&mut self, field: &str, r: &Rating) {
        if !(1..=5).contains(&r.value) {
            self.push(
                Diagnostic::new(
                    Rule::OutOfRange,
                    r.pos,
                    format!("`{field}` must be from 1 to 5, found {}", r.value),
                )
                .label("ratings run from 1 to 5")
                .help(format!(
                    "use the anchors in the methodology: {}",
                    if field.contains("likelihood") {
                        "1 rare … 5 almost certain, or occurring"
                    } else {
                        "1 the mildest … 5 the gravest, widest or irreversible"
                    }
                )),
            );
        }
    }

    fn day(&mut self, field: &str, day: &Spanned<Day>) {
        if day.value.date().is_none() {
            let reason = crate::model::parse_date(day.value.raw())
                .err()
                .unwrap_or_default();
            self.push(
                Diagnostic::new(Rule::InvalidDate, day.pos, format!("`{field}`: {reason}"))
                    .help("write a real day as YYYY-MM-DD, e.g. 2026-03-31"),
            );
        }
    }

    fn refs<V>(&mut self, list: &str, refs: &[Id], known: &HashMap<&str, V>) {
        for r in refs {
            if !known.contains_key(r.value.as_str()) {
                self.dangling(list, r, known.keys().copied(), "");
            }
        }
    }

    fn dangling<'a>(
        &mut self,
        list: &str,
        r: &Id,
        candidates: impl IntoIterator<Item = &'a str>,
        where_: &str,
    ) {
        let help = suggest::help(&r.value, candidates).unwrap_or_else(|| {
            format!(
                "define `{}` in `{list}`{where_}, or fix the reference",
                r.value
            )
        });
        self.push(
            Diagnostic::new(
                Rule::DanglingReference,
                r.pos,
                format!("`{}` is not defined in `{list}`", r.value),
            )
            .label(format!("unknown id in `{list}`{where_}"))
            .help(help),
        );
    }
}

/// `^[A-Za-z][A-Za-z0-9_.-]{0,63}$`
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    id.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// A valid id close to an invalid one, when there is an obvious one.
fn suggest_id(id: &str) -> Option<String> {
    let mut s: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    s = s
        .trim_start_matches(|c: char| !c.is_ascii_alphabetic())
        .to_owned();
    s.truncate(64);
    (is_valid_id(&s) && s != id).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_pattern() {
        assert!(is_valid_id("R-1"));
        assert!(is_valid_id("a.b_c-9"));
        assert!(!is_valid_id("1abc"));
        assert!(!is_valid_id("has space"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
        assert!(is_valid_id(&"a".repeat(64)));
        assert_eq!(suggest_id("R 1").as_deref(), Some("R-1"));
    }
}
