//! The ecosystem map: products and business relationships by tech-stack layer, the risks that
//! arise through each, and the rights-holders they affect ("Across the Stack").
//!
//! [`build`] makes one audience's graph from the redacted assessment ([`crate::model::redact`]),
//! so the map withholds exactly what every other output withholds. [`mermaid`], [`dot`] and
//! [`svg`] draw the same graph.

pub mod dot;
pub mod mermaid;
pub mod svg;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{
    Assessment, Audience, Impact, Involvement, Leverage, RelationshipKind, RiskStatus, redact,
};
use crate::score::{Band, Ranking};

/// The layers of the format's suggested list, in stack order: lanes follow it.
pub const STACK: &[&str] = &[
    "hardware",
    "network",
    "infrastructure",
    "cloud",
    "operating-system",
    "platform",
    "application",
    "ai-model",
    "data",
    "service",
];

/// One audience's ecosystem map.
#[derive(Debug, Clone, Serialize)]
pub struct Map {
    /// The assessment's title.
    pub title: String,
    pub audience: Audience,
    /// Stack order, then other layers as first written, then "no layer".
    pub lanes: Vec<Lane>,
    /// Products and relationships, lane by lane (products first, each in file order).
    pub actors: Vec<Actor>,
    /// In priority order: rank 1 first.
    pub risks: Vec<RiskNode>,
    /// In file order.
    pub holders: Vec<HolderNode>,
    /// Actor → risk: the risk arises through this product or relationship.
    pub links: Vec<Link>,
    /// Risk → rights-holder group.
    pub affects: Vec<Affects>,
}

/// A tech-stack layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lane {
    /// The layer as written; none for items without a layer.
    pub layer: Option<String>,
    /// What the lane is called on the map.
    pub label: String,
}

/// A product or a business relationship.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// A node id safe in every format (`p_…` or `rel_…`).
    pub key: String,
    pub id: String,
    pub name: String,
    /// Index into [`Map::lanes`].
    pub lane: usize,
    #[serde(flatten)]
    pub role: Role,
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Role {
    Product,
    Relationship {
        kind: RelationshipKind,
        leverage: Option<Leverage>,
        crucial: Option<bool>,
    },
}

/// A risk with its place in the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct RiskNode {
    /// A node id safe in every format (`risk_…`).
    pub key: String,
    pub id: String,
    /// 1-based, over the risks this audience sees.
    pub rank: usize,
    pub title: String,
    pub band: Band,
    pub involvement: Involvement,
    pub actual: bool,
    pub status: RiskStatus,
}

/// A rights-holder group.
#[derive(Debug, Clone, Serialize)]
pub struct HolderNode {
    /// A node id safe in every format (`rh_…`).
    pub key: String,
    pub id: String,
    pub name: String,
    pub vulnerable: bool,
}

/// An edge from an actor to a risk; the involvement is the risk's, the leverage the actor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Link {
    pub actor: usize,
    pub risk: usize,
}

/// An edge from a risk to a rights-holder group it affects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Affects {
    pub risk: usize,
    pub holder: usize,
}

/// Builds `audience`'s map of `a`. `ranking` ranks the whole of `a` (as reports do); ranks are
/// renumbered over the risks shown, so a gap reveals nothing.
pub fn build(a: &Assessment, ranking: &Ranking, audience: Audience) -> Map {
    let v = redact(a, audience);
    let mut keys = Keys::default();

    let mut lanes: Vec<Lane> = Vec::new();
    let layered = v
        .products
        .iter()
        .map(|p| p.layer.as_ref())
        .chain(v.relationships.iter().map(|r| r.layer.as_ref()))
        .map(|l| l.map(|l| clean(&l.value)).filter(|l| !l.is_empty()));
    for layer in layered {
        if !lanes.iter().any(|x| x.layer == layer) {
            lanes.push(Lane {
                label: layer.clone().unwrap_or_else(|| "no layer".to_owned()),
                layer,
            });
        }
    }
    lanes.sort_by_key(|l| lane_order(l.layer.as_deref()));
    let lane_of = |layer: Option<&String>| {
        let layer = layer.map(|l| clean(l)).filter(|l| !l.is_empty());
        lanes.iter().position(|x| x.layer == layer).unwrap_or(0)
    };

    let mut actors: Vec<Actor> = v
        .products
        .iter()
        .map(|p| Actor {
            key: keys.make("p", &p.id.value),
            id: p.id.value.clone(),
            name: clean(&p.name.value),
            lane: lane_of(p.layer.as_ref().map(|l| &l.value)),
            role: Role::Product,
        })
        .collect();
    actors.extend(v.relationships.iter().map(|r| Actor {
        key: keys.make("rel", &r.id.value),
        id: r.id.value.clone(),
        name: clean(&r.name.value),
        lane: lane_of(r.layer.as_ref().map(|l| &l.value)),
        role: Role::Relationship {
            kind: r.kind.value,
            leverage: r.leverage.as_ref().map(|l| l.value),
            crucial: r.crucial,
        },
    }));
    // Stable: products before relationships and file order within each lane.
    actors.sort_by_key(|x| x.lane);

    let holders: Vec<HolderNode> = v
        .rights_holders
        .iter()
        .map(|h| HolderNode {
            key: keys.make("rh", &h.id.value),
            id: h.id.value.clone(),
            name: clean(&h.name.value),
            vulnerable: h.vulnerable,
        })
        .collect();

    let by_id: HashMap<&str, &crate::model::Risk> =
        v.risks.iter().map(|r| (r.id.value.as_str(), r)).collect();
    let shown: Vec<(&crate::model::Risk, Band)> = ranking
        .scores
        .iter()
        .filter_map(|s| by_id.get(s.id.as_str()).map(|r| (*r, s.band)))
        .collect();
    let risks: Vec<RiskNode> = shown
        .iter()
        .enumerate()
        .map(|(i, (r, band))| RiskNode {
            key: keys.make("risk", &r.id.value),
            id: r.id.value.clone(),
            rank: i + 1,
            title: clean(&r.title.value),
            band: *band,
            involvement: r.involvement.value,
            actual: r.impact.value == Impact::Actual,
            status: r.status(),
        })
        .collect();

    let product_at: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .filter(|(_, x)| x.role == Role::Product)
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let relationship_at: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .filter(|(_, x)| x.role != Role::Product)
        .map(|(i, x)| (x.id.as_str(), i))
        .collect();
    let holder_at: HashMap<&str, usize> = holders
        .iter()
        .enumerate()
        .map(|(i, h)| (h.id.as_str(), i))
        .collect();
    let mut links = Vec::new();
    let mut affects = Vec::new();
    for (risk, (r, _)) in shown.iter().enumerate() {
        // A risk may list an id twice: one edge each.
        let mut seen = HashSet::new();
        let through = r
            .products
            .iter()
            .filter_map(|id| product_at.get(id.value.as_str()))
            .chain(
                r.relationships
                    .iter()
                    .filter_map(|id| relationship_at.get(id.value.as_str())),
            );
        for &actor in through {
            if seen.insert(actor) {
                links.push(Link { actor, risk });
            }
        }
        let mut seen = HashSet::new();
        for id in r.rights_holders.iter() {
            if let Some(&holder) = holder_at.get(id.value.as_str())
                && seen.insert(holder)
            {
                affects.push(Affects { risk, holder });
            }
        }
    }

    Map {
        title: clean(&v.assessment.title.value),
        audience,
        lanes,
        actors,
        risks,
        holders,
        links,
        affects,
    }
}

/// Stack layers in stack order, then other layers (the sort is stable: as first written),
/// then "no layer".
fn lane_order(layer: Option<&str>) -> usize {
    match layer {
        Some(l) => STACK
            .iter()
            .position(|s| s.eq_ignore_ascii_case(l))
            .unwrap_or(STACK.len()),
        None => STACK.len() + 1,
    }
}

/// Node ids: a prefix per kind, then the id with anything but ASCII letters, digits and `_`
/// turned into `_`; a suffix keeps two ids apart that would collide (`a.b`, `a-b`).
#[derive(Default)]
struct Keys {
    used: HashSet<String>,
}

impl Keys {
    fn make(&mut self, prefix: &str, id: &str) -> String {
        let base: String = std::iter::once(format!("{prefix}_"))
            .chain(id.chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c.to_string()
                } else {
                    "_".to_owned()
                }
            }))
            .collect();
        let mut key = base.clone();
        let mut n = 2;
        while !self.used.insert(key.clone()) {
            key = format!("{base}_{n}");
            n += 1;
        }
        key
    }
}

/// One line of text: control characters, line breaks and runs of spaces become one space
/// (a map label never spans lines the author did not choose, and XML refuses most controls).
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c.is_control() || c.is_whitespace() || matches!(c, '\u{fffe}' | '\u{ffff}') {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// How an involvement is written on the map.
pub const fn involvement_label(i: Involvement) -> &'static str {
    match i {
        Involvement::Cause => "cause",
        Involvement::Contribute => "contribute",
        Involvement::DirectlyLinked => "directly linked",
    }
}

/// The facts of a relationship on one line: "government · leverage low · crucial".
pub fn relationship_facts(
    kind: RelationshipKind,
    leverage: Option<Leverage>,
    crucial: Option<bool>,
) -> String {
    let mut parts = vec![kind.as_str().to_owned()];
    if let Some(l) = leverage {
        parts.push(format!("leverage {}", l.as_str()));
    }
    if crucial == Some(true) {
        parts.push("crucial".to_owned());
    }
    parts.join(" · ")
}

/// The facts of a risk on one line: "critical · actual · contribute"; potential impacts and
/// open risks, the common case, are not called out.
pub fn risk_facts(r: &RiskNode) -> String {
    let mut parts = vec![r.band.as_str()];
    if r.actual {
        parts.push("actual");
    }
    parts.push(involvement_label(r.involvement));
    if r.status != RiskStatus::Open {
        parts.push(r.status.as_str());
    }
    parts.join(" · ")
}

/// The label of an actor → risk edge: the involvement, and the leverage over a relationship.
pub fn link_label(map: &Map, link: Link) -> String {
    let mut label = involvement_label(map.risks[link.risk].involvement).to_owned();
    if let Role::Relationship {
        leverage: Some(l), ..
    } = map.actors[link.actor].role
    {
        label.push_str(&format!(" · leverage {}", l.as_str()));
    }
    label
}

/// Whether an edge is labelled in Mermaid and DOT: those from relationships, where leverage
/// matters; a product's edges show the involvement by their style, and the risk names it.
pub fn labelled(map: &Map, link: Link) -> bool {
    map.actors[link.actor].role != Role::Product
}

/// Greedy word wrap into lines of at most `width` units as measured by `measure`; a word too
/// long for a line is cut. At most `max_lines` lines: the last one shown ends in "…" when text
/// was left out.
pub fn wrap(
    text: &str,
    width: f64,
    max_lines: usize,
    measure: impl Fn(&str) -> f64,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while measure(rest) > width {
            let cut = fit(rest, width, &measure).max(1);
            let at = rest.char_indices().nth(cut).map_or(rest.len(), |(i, _)| i);
            lines.push(rest[..at].to_owned());
            rest = &rest[at..];
        }
        line = rest.to_owned();
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let mut cut = last.clone();
            // Whole words go first; a single word is cut.
            while !cut.is_empty() && measure(&format!("{cut}…")) > width {
                match cut.rfind(' ') {
                    Some(i) => cut.truncate(i),
                    None => {
                        cut.pop();
                    }
                }
            }
            *last = format!("{}…", cut.trim_end());
        }
    }
    lines
}

/// How many leading characters of `text` fit in `width`.
fn fit(text: &str, width: f64, measure: &impl Fn(&str) -> f64) -> usize {
    let mut n = 0;
    for (i, _) in text.char_indices().skip(1) {
        if measure(&text[..i]) > width {
            return n;
        }
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

    #[test]
    fn keys_are_safe_and_distinct() {
        let mut k = Keys::default();
        assert_eq!(k.make("p", "a.b-c"), "p_a_b_c");
        assert_eq!(k.make("p", "a-b.c"), "p_a_b_c_2");
        assert_eq!(k.make("p", "a_b_c"), "p_a_b_c_3");
        assert_eq!(k.make("risk", "end"), "risk_end");
    }

    #[test]
    fn clean_makes_one_line() {
        assert_eq!(clean("  a\n b\t\u{1}c  "), "a b c");
        assert_eq!(clean("x\u{ffff}y"), "x y");
    }

    #[test]
    fn wrap_breaks_words_cuts_long_ones_and_truncates() {
        assert_eq!(wrap("one two three", 7.0, 5, chars), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4.0, 5, chars), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("aa bb cc dd ee", 5.0, 2, chars), ["aa bb", "cc…"]);
        assert_eq!(wrap("aa bbbbbbbb cc", 5.0, 1, chars), ["aa…"]);
        assert_eq!(wrap("aaaaaaaa", 5.0, 1, chars), ["aaaa…"]);
        assert!(wrap("", 5.0, 2, chars).is_empty());
    }

    #[test]
    fn lanes_follow_the_stack_then_others_then_none() {
        let mut v = vec![
            None,
            Some("zeta"),
            Some("data"),
            Some("hardware"),
            Some("alpha"),
        ];
        v.sort_by_key(|l| lane_order(*l));
        assert_eq!(
            v,
            [
                Some("hardware"),
                Some("data"),
                Some("zeta"),
                Some("alpha"),
                None
            ]
        );
    }
}
