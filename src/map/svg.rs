//! The map as a self-contained, accessible SVG with hrdd's own layered layout: no Graphviz,
//! no fonts, styles or scripts from anywhere.
//!
//! Three columns: products and relationships in lanes by stack layer, risks in rank order,
//! rights-holders ordered by the risks that affect them (fewer crossings). Edges leave and
//! enter nodes at ports spread along their sides, sorted by the other end, so that lines into
//! one node do not meet in a point. Text is wrapped and cut with "…"; each node and edge has a
//! `<title>` with the full text (a tooltip in browsers, read by screen readers).

use std::fmt::Write;

use super::{Map, Role, involvement_label, link_label, relationship_facts, wrap};
use crate::model::Involvement;
use crate::render::palette::{dark, fill};
use crate::score::Band;

const WIDTH: f64 = 904.0;
const ACTOR_X: f64 = 8.0;
const ACTOR_W: f64 = 244.0;
const RISK_X: f64 = 352.0;
const RISK_W: f64 = 262.0;
const HOLDER_X: f64 = 712.0;
const HOLDER_W: f64 = 184.0;
/// Where the columns start, below the title and column headings.
const TOP: f64 = 70.0;
const GAP: f64 = 8.0;
const LANE_HEAD: f64 = 22.0;
const LANE_PAD: f64 = 8.0;
const LANE_GAP: f64 = 10.0;
const BADGE: f64 = 32.0;
const NAME_SIZE: f64 = 12.0;
const NAME_LINE: f64 = 15.0;
const FACT_SIZE: f64 = 10.5;
const FACT_LINE: f64 = 13.0;
const MAX_LINES: usize = 4;
const INK: &str = "#1a1a1a";
const MUTED: &str = "#555555";
const ALERT: &str = "#8a1c1c";

fn dash(i: Involvement) -> (&'static str, f64) {
    match i {
        Involvement::Cause => ("", 2.2),
        Involvement::Contribute => (r#" stroke-dasharray="7 4""#, 1.6),
        Involvement::DirectlyLinked => (r#" stroke-dasharray="1.5 4" stroke-linecap="round""#, 2.0),
    }
}

/// An estimate of a line's width in pixels at `size`, from typical sans-serif advance widths
/// (on the wide side, so that text fits whichever sans-serif font the viewer has).
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '!' | '|' | '.' | ',' | ':' | ';' | '\'' => 0.28,
            ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' => 0.36,
            'm' | 'w' => 0.9,
            'M' | 'W' => 0.95,
            'A'..='Z' => 0.72,
            '0'..='9' => 0.6,
            'a'..='z' => 0.58,
            c if c.is_ascii() => 0.6,
            c if is_wide(c) => 1.0,
            _ => 0.62,
        })
        .sum();
    em * size * 1.08
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// A box with wrapped text, placed in a column.
struct Node {
    x: f64,
    y: f64,
    w: f64,
    lines: Vec<String>,
    /// The facts as one line (for tooltips) and as wrapped for the box.
    facts: Option<String>,
    fact_lines: Vec<String>,
    h: f64,
}

impl Node {
    fn new(x: f64, w: f64, text_w: f64, name: &str, facts: Option<String>) -> Node {
        let mut lines = wrap(name, text_w, MAX_LINES, |t| text_width(t, NAME_SIZE));
        if lines.is_empty() {
            lines.push(String::new());
        }
        let fact_lines = facts.as_deref().map_or_else(Vec::new, |f| {
            wrap(f, text_w, 2, |t| text_width(t, FACT_SIZE))
        });
        let h = 8.0 + lines.len() as f64 * NAME_LINE + fact_lines.len() as f64 * FACT_LINE + 6.0;
        Node {
            x,
            y: 0.0,
            w,
            lines,
            facts,
            fact_lines,
            h,
        }
    }

    fn mid(&self) -> f64 {
        self.y + self.h / 2.0
    }
}

/// Ports along one side of `node` for edges whose other ends sit at `others` (y values):
/// spread evenly, in the order of the other ends, so that edges do not cross at the node.
fn ports(node: &Node, others: &[(usize, f64)]) -> Vec<(usize, f64)> {
    let mut sorted: Vec<(usize, f64)> = others.to_vec();
    sorted.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let n = sorted.len() as f64;
    let inner = (node.h - 8.0).max(0.0);
    sorted
        .iter()
        .enumerate()
        .map(|(i, (edge, _))| (*edge, node.y + 4.0 + inner * (i as f64 + 1.0) / (n + 1.0)))
        .collect()
}

/// The map as an inline SVG (also a valid standalone `.svg` file).
pub fn render(map: &Map) -> String {
    // Left column: lanes of actors.
    let mut actors: Vec<Node> = map
        .actors
        .iter()
        .map(|a| {
            let facts = match a.role {
                Role::Product => "product".to_owned(),
                Role::Relationship {
                    kind,
                    leverage,
                    crucial,
                } => relationship_facts(kind, leverage, crucial),
            };
            Node::new(
                ACTOR_X + 8.0,
                ACTOR_W - 16.0,
                ACTOR_W - 36.0,
                &a.name,
                Some(facts),
            )
        })
        .collect();
    let mut lanes: Vec<(f64, f64)> = Vec::new(); // (top, height)
    let mut y = 0.0;
    for (i, _) in map.lanes.iter().enumerate() {
        let top = y;
        y += LANE_HEAD;
        for (node, _) in actors
            .iter_mut()
            .zip(&map.actors)
            .filter(|(_, a)| a.lane == i)
        {
            node.y = y;
            y += node.h + GAP;
        }
        y += LANE_PAD - GAP;
        lanes.push((top, y - top));
        y += LANE_GAP;
    }
    let left_h = (y - LANE_GAP).max(0.0);

    // Middle column: risks by rank.
    let mut risks: Vec<Node> = map
        .risks
        .iter()
        .map(|r| {
            Node::new(
                RISK_X,
                RISK_W,
                RISK_W - BADGE - 18.0,
                &r.title,
                Some(super::risk_facts(r)),
            )
        })
        .collect();
    let mut y = 0.0;
    for node in &mut risks {
        node.y = y;
        y += node.h + GAP;
    }
    let mid_h = (y - GAP).max(0.0);

    // Right column: rights-holders.
    let mut holders: Vec<Node> = map
        .holders
        .iter()
        .map(|h| {
            Node::new(
                HOLDER_X,
                HOLDER_W,
                HOLDER_W - 20.0,
                &h.name,
                h.vulnerable.then(|| "vulnerable".to_owned()),
            )
        })
        .collect();

    // Columns are centred on the tallest one.
    let height = left_h.max(mid_h);
    let shift = |nodes: &mut [Node], h: f64| {
        for n in nodes {
            n.y += TOP + (height - h) / 2.0;
        }
    };
    shift(&mut actors, left_h);
    for lane in &mut lanes {
        lane.0 += TOP + (height - left_h) / 2.0;
    }
    shift(&mut risks, mid_h);

    // Edges by node, so that a map of thousands of risks stays linear.
    let mut links_of_actor = vec![Vec::new(); map.actors.len()];
    let mut links_of_risk = vec![Vec::new(); map.risks.len()];
    for (i, l) in map.links.iter().enumerate() {
        links_of_actor[l.actor].push(i);
        links_of_risk[l.risk].push(i);
    }
    let mut affects_of_risk = vec![Vec::new(); map.risks.len()];
    let mut affects_of_holder = vec![Vec::new(); map.holders.len()];
    for (i, e) in map.affects.iter().enumerate() {
        affects_of_risk[e.risk].push(i);
        affects_of_holder[e.holder].push(i);
    }

    // Rights-holders in the order of the mean height of the risks that affect them.
    let mut order: Vec<(usize, f64)> = affects_of_holder
        .iter()
        .enumerate()
        .map(|(h, edges)| {
            let ys: Vec<f64> = edges
                .iter()
                .map(|&i| risks[map.affects[i].risk].mid())
                .collect();
            let key = if ys.is_empty() {
                f64::INFINITY
            } else {
                ys.iter().sum::<f64>() / ys.len() as f64
            };
            (h, key)
        })
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let right_h = holders.iter().map(|n| n.h + GAP).sum::<f64>() - GAP;
    let height = height.max(right_h.max(0.0));
    let mut y = TOP + (height - right_h.max(0.0)) / 2.0;
    for &(h, _) in &order {
        holders[h].y = y;
        y += holders[h].h + GAP;
    }

    let mut s = String::with_capacity(16 * 1024);
    let legend_top = TOP + height + 28.0;
    let total_h = legend_top + 3.0 * 24.0 + 4.0;
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="ecosystem-map" viewBox="0 0 {WIDTH} {total_h}" width="{WIDTH}" height="{total_h}" role="img" aria-labelledby="ecosystem-title ecosystem-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif">"#
    );
    let _ = writeln!(
        s,
        r#"<title id="ecosystem-title">Ecosystem map: {}</title><desc id="ecosystem-desc">{}</desc>"#,
        esc(&map.title),
        esc(&describe(map))
    );
    let heading = wrap(
        &format!("Ecosystem map: {}", map.title),
        WIDTH - 16.0,
        1,
        |t| text_width(t, 15.0) * 1.05,
    );
    let _ = writeln!(
        s,
        r#"<text x="8" y="20" font-size="15" font-weight="bold" fill="{INK}">{}</text>"#,
        esc(heading.first().map_or("", String::as_str))
    );
    for (x, w, text) in [
        (ACTOR_X, ACTOR_W, "Products and relationships by layer"),
        (RISK_X, RISK_W, "Risks by priority (rank 1 first)"),
        (HOLDER_X, HOLDER_W, "Rights-holders affected"),
    ] {
        let lines = wrap(text, w, 2, |t| text_width(t, 11.0) * 1.05);
        for (i, line) in lines.iter().enumerate() {
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" font-size="11" font-weight="bold" fill="{MUTED}">{}</text>"#,
                x,
                if lines.len() == 1 {
                    54.0
                } else {
                    44.0 + 13.0 * i as f64
                },
                esc(line)
            );
        }
    }

    // Lanes behind everything.
    for (lane, (top, h)) in map.lanes.iter().zip(&lanes) {
        let _ = writeln!(
            s,
            r##"<g><title>Layer: {}</title><rect x="{ACTOR_X}" y="{}" width="{ACTOR_W}" height="{}" rx="6" fill="#f3f3f1" stroke="#c8c8c8"/><text x="{}" y="{}" font-size="11" font-weight="bold" fill="{MUTED}" letter-spacing="0.04em">{}</text></g>"##,
            esc(&lane.label),
            r(*top),
            r(*h),
            ACTOR_X + 8.0,
            r(top + 15.0),
            esc(&fit_line(
                &lane.label.to_uppercase(),
                ACTOR_W - 16.0,
                11.0 * 1.1
            ))
        );
    }

    // Edges under the nodes, each end at a port of its own.
    let mut link_from = vec![0.0; map.links.len()];
    let mut link_to = vec![0.0; map.links.len()];
    let mut affects_from = vec![0.0; map.affects.len()];
    let mut affects_to = vec![0.0; map.affects.len()];
    let place = |node: &Node, edges: &[usize], other: &dyn Fn(usize) -> f64, out: &mut [f64]| {
        let ends: Vec<(usize, f64)> = edges.iter().map(|&i| (i, other(i))).collect();
        for (i, y) in ports(node, &ends) {
            out[i] = y;
        }
    };
    for (node, edges) in actors.iter().zip(&links_of_actor) {
        place(
            node,
            edges,
            &|i| risks[map.links[i].risk].mid(),
            &mut link_from,
        );
    }
    for ((node, incoming), outgoing) in risks.iter().zip(&links_of_risk).zip(&affects_of_risk) {
        place(
            node,
            incoming,
            &|i| actors[map.links[i].actor].mid(),
            &mut link_to,
        );
        place(
            node,
            outgoing,
            &|i| holders[map.affects[i].holder].mid(),
            &mut affects_from,
        );
    }
    for (node, edges) in holders.iter().zip(&affects_of_holder) {
        place(
            node,
            edges,
            &|i| risks[map.affects[i].risk].mid(),
            &mut affects_to,
        );
    }
    s.push_str(r#"<g fill="none">"#);
    s.push('\n');
    for (i, e) in map.affects.iter().enumerate() {
        let (risk, holder) = (&map.risks[e.risk], &map.holders[e.holder]);
        let _ = writeln!(
            s,
            r##"<g class="map-affects"><title>Rank {} {} affects {}</title>{}</g>"##,
            risk.rank,
            esc(&risk.title),
            esc(&holder.name),
            curve(
                RISK_X + RISK_W,
                affects_from[i],
                HOLDER_X,
                affects_to[i],
                "#8c8c8c",
                1.3,
                ""
            )
        );
    }
    for (i, &l) in map.links.iter().enumerate() {
        let (actor, risk) = (&map.actors[l.actor], &map.risks[l.risk]);
        let (pattern, width) = dash(risk.involvement);
        let _ = writeln!(
            s,
            r##"<g class="map-link"><title>{} → rank {} {}: {}</title>{}</g>"##,
            esc(&actor.name),
            risk.rank,
            esc(&risk.title),
            esc(&link_label(map, l)),
            curve(
                ACTOR_X + ACTOR_W - 8.0,
                link_from[i],
                RISK_X,
                link_to[i],
                "#333333",
                width,
                pattern
            )
        );
    }
    s.push_str("</g>\n");

    // Nodes.
    for (a, node) in map.actors.iter().zip(&actors) {
        let (kind, fill, stroke, rx) = match a.role {
            Role::Product => ("Product", "#e3ebf6", "#35507a", 3.0),
            Role::Relationship { .. } => ("Relationship", "#ffffff", "#555555", 12.0),
        };
        let tip = format!(
            "{kind}: {} ({}); {}",
            a.name,
            a.id,
            node.facts.as_deref().unwrap_or_default()
        );
        let _ = write!(
            s,
            r#"<g class="map-{}"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>"#,
            kind.to_lowercase(),
            esc(&tip),
            node.x,
            r(node.y),
            node.w,
            r(node.h)
        );
        text_block(&mut s, node, node.x + 10.0, INK, false);
        s.push_str("</g>\n");
    }
    for (risk, node) in map.risks.iter().zip(&risks) {
        let tip = format!(
            "Rank {}, {}: {} ({}); {}",
            risk.rank,
            risk.band.as_str(),
            risk.title,
            risk.id,
            node.facts.as_deref().unwrap_or_default()
        );
        let _ = write!(
            s,
            r##"<g class="map-risk"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}" stroke="{}" stroke-width="1.2"/><rect x="{}" y="{}" width="{BADGE}" height="{}" rx="3" fill="{}"/><text x="{}" y="{}" text-anchor="middle" font-size="15" font-weight="bold" fill="#ffffff">{}</text>"##,
            esc(&tip),
            node.x,
            r(node.y),
            node.w,
            r(node.h),
            fill(risk.band),
            dark(risk.band),
            node.x,
            r(node.y),
            r(node.h),
            dark(risk.band),
            node.x + BADGE / 2.0,
            r(node.y + node.h / 2.0 + 5.0),
            risk.rank
        );
        text_block(&mut s, node, node.x + BADGE + 8.0, INK, false);
        s.push_str("</g>\n");
    }
    for (h, node) in map.holders.iter().zip(&holders) {
        let (stroke, width) = if h.vulnerable {
            (ALERT, 2.5)
        } else {
            ("#555555", 1.2)
        };
        let tip = format!(
            "Rights-holders: {} ({}){}",
            h.name,
            h.id,
            if h.vulnerable { "; vulnerable" } else { "" }
        );
        let _ = write!(
            s,
            r##"<g class="map-holder"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="8" fill="#ffffff" stroke="{stroke}" stroke-width="{width}"/>"##,
            esc(&tip),
            node.x,
            r(node.y),
            node.w,
            r(node.h)
        );
        text_block(&mut s, node, node.x + 10.0, ALERT, true);
        s.push_str("</g>\n");
    }
    if map.actors.is_empty() && map.risks.is_empty() && map.holders.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" font-size="13" fill="{MUTED}">Nothing to show.</text>"#,
            ACTOR_X,
            TOP + 16.0
        );
    }
    legend(&mut s, legend_top);
    s.push_str("</svg>");
    s
}

/// The name lines of a node, then its facts line.
fn text_block(s: &mut String, node: &Node, x: f64, fact_colour: &str, fact_bold: bool) {
    let mut y = node.y + 6.0 + NAME_SIZE;
    for line in &node.lines {
        let _ = write!(
            s,
            r#"<text x="{x}" y="{}" font-size="{NAME_SIZE}" fill="{INK}">{}</text>"#,
            r(y),
            esc(line)
        );
        y += NAME_LINE;
    }
    let colour = if fact_bold { fact_colour } else { MUTED };
    let weight = if fact_bold {
        r#" font-weight="bold""#
    } else {
        ""
    };
    for line in &node.fact_lines {
        let _ = write!(
            s,
            r#"<text x="{x}" y="{}" font-size="{FACT_SIZE}" fill="{colour}"{weight}>{}</text>"#,
            r(y - 1.0),
            esc(line)
        );
        y += FACT_LINE;
    }
}

/// A cubic curve from the right side of one column to the left side of the next.
fn curve(x1: f64, y1: f64, x2: f64, y2: f64, colour: &str, width: f64, pattern: &str) -> String {
    let dx = (x2 - x1) / 2.0;
    format!(
        r#"<path d="M{} {} C{} {} {} {} {} {}" stroke="{colour}" stroke-width="{width}" stroke-opacity="0.8"{pattern}/>"#,
        r(x1),
        r(y1),
        r(x1 + dx),
        r(y1),
        r(x2 - dx),
        r(y2),
        r(x2),
        r(y2)
    )
}

/// The legend: bands, involvement, shapes, each written out in words.
fn legend(s: &mut String, top: f64) {
    let label = |s: &mut String, x: f64, y: f64, text: &str, bold: bool| -> f64 {
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" font-size="11" fill="{INK}"{}>{}</text>"#,
            r(x),
            r(y + 11.0),
            if bold { r#" font-weight="bold""# } else { "" },
            esc(text)
        );
        x + text_width(text, 11.0) * if bold { 1.1 } else { 1.0 } + 6.0
    };
    s.push_str(r#"<g class="legend">"#);
    let mut y = top;
    let _ = write!(
        s,
        r##"<line x1="8" y1="{}" x2="{}" y2="{}" stroke="#c8c8c8"/>"##,
        r(top - 12.0),
        WIDTH - 8.0,
        r(top - 12.0)
    );
    let mut x = label(s, 8.0, y, "Risk band:", true) + 4.0;
    for band in [Band::Critical, Band::High, Band::Medium, Band::Low] {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="14" height="14" rx="2" fill="{}" stroke="{}"/>"#,
            r(x),
            r(y),
            fill(band),
            dark(band)
        );
        x = label(s, x + 18.0, y, band.as_str(), false) + 10.0;
    }
    y += 24.0;
    let mut x = label(s, 8.0, y, "How the company is involved:", true) + 4.0;
    for i in [
        Involvement::Cause,
        Involvement::Contribute,
        Involvement::DirectlyLinked,
    ] {
        let (pattern, width) = dash(i);
        let _ = write!(
            s,
            r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#333333" stroke-width="{width}"{pattern}/>"##,
            r(x),
            r(y + 7.0),
            r(x + 34.0),
            r(y + 7.0)
        );
        x = label(s, x + 40.0, y, involvement_label(i), false) + 10.0;
    }
    let _ = write!(
        s,
        r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#8c8c8c" stroke-width="1.3"/>"##,
        r(x),
        r(y + 7.0),
        r(x + 34.0),
        r(y + 7.0)
    );
    label(s, x + 40.0, y, "risk affects rights-holders", false);
    y += 24.0;
    let mut x = label(s, 8.0, y, "Boxes:", true) + 4.0;
    for (text, fill, stroke, rx, width) in [
        ("product", "#e3ebf6", "#35507a", 3.0, 1.2),
        ("business relationship", "#ffffff", "#555555", 7.0, 1.2),
        ("vulnerable group", "#ffffff", ALERT, 4.0, 2.5),
    ] {
        let _ = write!(
            s,
            r#"<rect x="{}" y="{}" width="26" height="14" rx="{rx}" fill="{fill}" stroke="{stroke}" stroke-width="{width}"/>"#,
            r(x),
            r(y)
        );
        x = label(s, x + 32.0, y, text, false) + 10.0;
    }
    label(
        s,
        x,
        y,
        "· leverage: the company's ability to change the actor's practice",
        false,
    );
    s.push_str("</g>\n");
}

/// One line cut with "…" to fit `width`.
fn fit_line(text: &str, width: f64, size: f64) -> String {
    wrap(text, width, 1, |t| text_width(t, size))
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// A sentence for `<desc>`: what the map shows, counted.
fn describe(map: &Map) -> String {
    let products = map
        .actors
        .iter()
        .filter(|a| a.role == Role::Product)
        .count();
    let n = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    format!(
        "{} and {} across {}, linked to {} they give rise to (lines show whether the company causes, contributes to or is directly linked to each), and the {} each risk affects. The tables of products, relationships and rights-holders give the same content.",
        n(products, "product", "products"),
        n(
            map.actors.len() - products,
            "business relationship",
            "business relationships"
        ),
        n(map.lanes.len(), "stack layer", "stack layers"),
        n(map.risks.len(), "risk", "risks"),
        n(
            map.holders.len(),
            "rights-holder group",
            "rights-holder groups"
        ),
    )
}

/// Rounds to a tenth of a pixel: short, stable output.
fn r(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Text and attribute values for XML.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping() {
        assert_eq!(
            esc("<a href='x'>\"&\u{1}</a>"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp; &lt;/a&gt;"
        );
    }

    #[test]
    fn an_empty_map_says_so_and_stays_well_formed() {
        let map = Map {
            title: "T & <co>".into(),
            audience: crate::model::Audience::Public,
            lanes: vec![],
            actors: vec![],
            risks: vec![],
            holders: vec![],
            links: vec![],
            affects: vec![],
        };
        let svg = render(&map);
        assert!(svg.contains("Nothing to show."));
        assert!(svg.contains("Ecosystem map: T &amp; &lt;co&gt;"));
        assert!(roxmltree::Document::parse(&svg).is_ok());
        assert!(super::super::mermaid::render(&map).contains("nothing[\"Nothing to show\"]"));
    }

    #[test]
    fn wide_text_measures_wider() {
        assert!(text_width("WWW", 12.0) > text_width("iii", 12.0) * 3.0);
        assert!(text_width("漢字", 12.0) >= 24.0);
    }
}
