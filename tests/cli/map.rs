//! `hrdd map`: each format, the audience rule, escaping, well-formed SVG and atomic output.

use crate::support::{CONFIDENTIAL, examples, hrdd, root, run, run_with};

const FORMATS: [&str; 3] = ["mermaid", "dot", "svg"];
const AUDIENCES: [&str; 3] = ["internal", "board", "public"];
const XSS: &str = "tests/fixtures/report/xss.yaml";

fn map(file: &str, format: &str, audience: &str) -> String {
    let out = run(&["map", file, "--format", format, "--audience", audience]);
    assert_eq!(out.code, 0, "{file} {format} {audience}: {}", out.stderr);
    out.stdout
}

/// DOT labels are wrapped with `\n`: joined again for searching.
fn unwrapped(dot: &str) -> String {
    dot.replace("\\n", " ")
}

#[test]
fn snapshots_of_each_format() {
    let examples = examples();
    assert!(!examples.is_empty(), "the shipped examples");
    for input in &examples {
        let file = input.to_str().expect("utf-8");
        let stem = input.file_stem().expect("stem").to_string_lossy();
        insta::assert_snapshot!(
            format!("map_{stem}_mermaid"),
            map(file, "mermaid", "internal")
        );
    }
    let file = "examples/telecom-operator.yaml";
    insta::assert_snapshot!("map_telecom-operator_dot", map(file, "dot", "internal"));
    insta::assert_snapshot!("map_telecom-operator_svg", map(file, "svg", "internal"));
    insta::assert_snapshot!(
        "map_telecom-operator_public_mermaid",
        map(file, "mermaid", "public")
    );
}

#[test]
fn mermaid_is_the_default_and_output_is_deterministic() {
    let file = "examples/social-platform.yaml";
    let out = run(&["map", file]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("flowchart LR"));
    assert_eq!(out.stdout, map(file, "mermaid", "internal"));
    for format in FORMATS {
        assert_eq!(map(file, format, "public"), map(file, format, "public"));
    }
}

/// The map's nodes and edges follow the assessment: every product, relationship, risk (by
/// rank) and rights-holder, the layers in stack order, and involvement and leverage on edges.
#[test]
fn the_mermaid_map_shows_layers_risks_involvement_and_leverage() {
    let m = map("examples/telecom-operator.yaml", "mermaid", "internal");
    let lanes: Vec<&str> = m
        .lines()
        .filter(|l| l.trim_start().starts_with("subgraph lane_"))
        .map(|l| l.split('"').nth(1).expect("a lane label"))
        .collect();
    assert_eq!(
        lanes,
        ["hardware", "network", "infrastructure", "data", "service"]
    );
    assert!(m.contains(
        "rel_k_security_services -->|\"contribute · leverage low\"| risk_network_shutdowns"
    ));
    assert!(
        m.contains("p_subscriber_data ==> risk_excess_retention"),
        "cause is thick"
    );
    assert!(m.contains(
        "rel_component_subsupplier -.->|\"directly linked · leverage low\"| risk_supply_chain_forced_labour"
    ));
    assert!(m.contains("risk_network_shutdowns --> rh_northern_residents"));
    assert!(m.contains("(\"Refugees, asylum seekers and migrants without a national identity document<br/>vulnerable\")"));
    assert!(m.contains("[\"1. Interception used to surveil"));
    assert!(m.contains("class risk_intercept_hrds,risk_biometric_sharing critical"));
    assert!(m.contains("government · leverage low · crucial"));
}

/// Markers in every confidential field of the fixture (and the confidential relationship of
/// the telecom example) never reach a board or public map, in any format, even as node ids.
#[test]
fn confidential_items_never_reach_a_board_or_public_map() {
    for format in FORMATS {
        let internal = map(CONFIDENTIAL, format, "internal");
        assert!(
            internal.contains("CONF-MARKER-08"),
            "{format}: the fixture is mapped"
        );
        if format != "svg" {
            assert!(
                internal.contains("CONF_MARKER_07"),
                "{format}: ids become node ids"
            );
        }
        for audience in ["board", "public"] {
            let text = unwrapped(&map(CONFIDENTIAL, format, audience));
            for needle in ["CONF-MARKER", "CONF_MARKER", "ORG-MARKER", "OWNER-MARKER"] {
                assert!(!text.contains(needle), "{audience} {format} shows {needle}");
            }
            assert!(text.contains("Public risk that references confidential items"));
            assert!(text.contains("Enterprise customers"));
        }
        let telecom = map("examples/telecom-operator.yaml", format, "public");
        assert!(!telecom.contains("security and intelligence services"));
        assert!(!telecom.contains("k_security_services"));
    }
    // Ranks close up over the risks shown: the confidential risk ranked first internally.
    assert!(map(CONFIDENTIAL, "mermaid", "internal").contains("[\"2. Public risk"));
    assert!(map(CONFIDENTIAL, "mermaid", "public").contains("[\"1. Public risk"));
}

#[test]
fn the_svg_is_well_formed_accessible_and_complete() {
    let mut inputs: Vec<String> = examples()
        .iter()
        .map(|p| p.to_str().expect("utf-8").to_owned())
        .collect();
    inputs.push(CONFIDENTIAL.to_owned());
    inputs.push(XSS.to_owned());
    for file in &inputs {
        for audience in AUDIENCES {
            let svg = map(file, "svg", audience);
            let doc = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|e| panic!("{file} {audience}: not well-formed XML: {e}"));
            let root_el = doc.root_element();
            assert_eq!(root_el.tag_name().name(), "svg");
            assert_eq!(
                root_el.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert_eq!(root_el.attribute("role"), Some("img"));
            assert!(root_el.attribute("viewBox").is_some());
            let title = root_el
                .children()
                .find(|n| n.has_tag_name("title"))
                .expect("a title");
            assert!(title.text().expect("text").starts_with("Ecosystem map: "));
            assert!(root_el.children().any(|n| n.has_tag_name("desc")));
            // Self-contained: nothing is fetched or run.
            for n in doc.descendants() {
                assert!(!n.has_tag_name("script") && !n.has_tag_name("image"));
                assert!(n.attribute("href").is_none());
            }
            // One node per risk, each with its rank in the badge and full text in a tooltip.
            let assess = run(&["assess", "--format", "json", file]);
            let json: serde_json::Value = serde_json::from_str(&assess.stdout).expect("json");
            let risks = json["risks"].as_array().expect("risks").len();
            let risk_nodes = doc
                .descendants()
                .filter(|n| n.attribute("class") == Some("map-risk"))
                .inspect(|n| {
                    let tip = n.first_element_child().and_then(|t| t.text()).unwrap_or("");
                    assert!(tip.starts_with("Rank "), "{tip}");
                })
                .count();
            if audience == "internal" {
                assert_eq!(risk_nodes, risks, "{file}: a node per risk");
            } else {
                assert!(risk_nodes <= risks);
            }
        }
    }
}

#[test]
fn hostile_text_stays_text_in_every_format() {
    let svg = map(XSS, "svg", "internal");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    assert!(
        doc.descendants()
            .any(|n| n.text().is_some_and(|t| t.contains("<script>alert(1)"))),
        "the title is shown as text"
    );
    assert!(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"));

    let mermaid = map(XSS, "mermaid", "internal");
    for raw in ["<script", "<img", "<b>", "&amp;", "\" onmouseover"] {
        assert!(!mermaid.contains(raw), "mermaid: `{raw}` is live");
    }
    assert!(mermaid.contains("#lt;script#gt;alert(1)#lt;/script#gt; #quot; onmouseover=#quot;"));
    // Every label is one quoted string: no line has a stray quote.
    for line in mermaid.lines() {
        assert_eq!(line.matches('"').count() % 2, 0, "{line}");
    }

    let dot = map(XSS, "dot", "internal");
    for line in dot.lines() {
        let unescaped = line
            .char_indices()
            .filter(|&(i, c)| c == '"' && !line[..i].ends_with('\\'))
            .count();
        assert_eq!(unescaped % 2, 0, "{line}");
    }
    assert!(unwrapped(&dot).contains(r#"\" onmouseover=\"alert(2)"#));
}

#[test]
fn an_invalid_file_is_not_mapped() {
    let out = run(&["map", "tests/fixtures/many-problems.yaml"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("error["), "{}", out.stderr);
    let out = run(&["map", "no-such-file.yaml"]);
    assert_eq!(out.code, 2);
    let out = run(&["map", "examples/social-platform.yaml", "--format", "png"]);
    assert_eq!(out.code, 2);
}

#[test]
fn output_is_written_atomically_and_never_over_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("map.svg");
    let file = "examples/welfare-ai-procurement.yaml";
    let out = run(&[
        "map",
        file,
        "--format",
        "svg",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&target).expect("written");
    assert_eq!(written, map(file, "svg", "internal"));

    let input = dir.path().join("assessment.yaml");
    let original =
        std::fs::read_to_string(root().join("examples/social-platform.yaml")).expect("example");
    std::fs::write(&input, &original).expect("copy");
    let path = input.to_str().expect("utf-8");
    let out = run_with(hrdd(), &["map", path, "-o", path]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&input).expect("kept"), original);
}
