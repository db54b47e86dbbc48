//! `hrdd coverage`: framework crosswalks in every format, engagement coverage, audiences.

use crate::support::{CONFIDENTIAL, run};

const WELFARE: &str = "examples/welfare-ai-procurement.yaml";
const SOCIAL: &str = "examples/social-platform.yaml";
const TELECOM: &str = "examples/telecom-operator.yaml";

fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    out.stdout
}

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("JSON")
}

/// (element id, status) of every item of the first framework in a JSON document.
fn statuses(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["frameworks"][0]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().expect("id").to_owned(),
                i["status"].as_str().expect("status").to_owned(),
            )
        })
        .collect()
}

#[test]
fn table_for_two_frameworks() {
    insta::assert_snapshot!(
        "coverage_table_ai_act",
        ok(&["coverage", WELFARE, "--framework", "eu-ai-act-fria"])
    );
    insta::assert_snapshot!(
        "coverage_table_dsa",
        ok(&["coverage", SOCIAL, "--framework", "dsa-systemic-risk"])
    );
}

#[test]
fn markdown_for_two_frameworks() {
    insta::assert_snapshot!(
        "coverage_markdown_gdpr",
        ok(&[
            "coverage",
            WELFARE,
            "--framework",
            "gdpr-dpia",
            "--format",
            "markdown"
        ])
    );
    insta::assert_snapshot!(
        "coverage_markdown_csddd",
        ok(&[
            "coverage",
            SOCIAL,
            "--framework",
            "csddd",
            "--format",
            "markdown"
        ])
    );
}

#[test]
fn json_for_two_frameworks() {
    let ungp = json(&["coverage", TELECOM, "--framework", "ungp"]);
    insta::assert_snapshot!(
        "coverage_json_ungp",
        serde_json::to_string_pretty(&ungp).expect("json")
    );
    let ai = json(&["coverage", WELFARE, "--framework", "eu-ai-act-fria"]);
    insta::assert_snapshot!(
        "coverage_json_ai_act",
        serde_json::to_string_pretty(&ai).expect("json")
    );
    assert_eq!(ai["frameworks"][0]["framework"], "eu-ai-act-fria");
    let ids: Vec<String> = statuses(&ai).into_iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids,
        [
            "ai-act-27-1-a",
            "ai-act-27-1-b",
            "ai-act-27-1-c",
            "ai-act-27-1-d",
            "ai-act-27-1-e",
            "ai-act-27-1-f"
        ]
    );
    // Format v1 has no field for the period and frequency of use: never more than partial.
    assert!(statuses(&ai).contains(&("ai-act-27-1-b".into(), "partial".into())));
    let counts = &ai["frameworks"][0]["counts"];
    let total: u64 = ["evidenced", "partial", "missing", "not_assessable"]
        .iter()
        .map(|k| counts[k].as_u64().expect("count"))
        .sum();
    assert_eq!(total, 6);
    for item in ai["frameworks"][0]["items"].as_array().expect("items") {
        let cite = item["citation"].as_str().expect("citation");
        assert!(
            cite.starts_with("Regulation (EU) 2024/1689 (AI Act), Art. 27(1)("),
            "{cite}"
        );
        // What to add is given exactly when the element is not evidenced.
        assert_eq!(
            item["add"].is_string(),
            item["status"] != "evidenced",
            "{item}"
        );
    }
}

#[test]
fn every_element_of_every_framework_cites_its_source() {
    for framework in [
        "eu-ai-act-fria",
        "dsa-systemic-risk",
        "gdpr-dpia",
        "csddd",
        "ungp",
    ] {
        let doc = json(&["coverage", SOCIAL, "--framework", framework]);
        let items = doc["frameworks"][0]["items"].as_array().expect("items");
        assert!(!items.is_empty(), "{framework}");
        for i in items {
            assert!(
                !i["citation"].as_str().expect("citation").trim().is_empty(),
                "{i}"
            );
            assert!(
                !i["requirement"]
                    .as_str()
                    .expect("requirement")
                    .trim()
                    .is_empty(),
                "{i}"
            );
            assert!(
                !i["reason"].as_str().expect("reason").trim().is_empty(),
                "{i}"
            );
        }
    }
}

#[test]
fn without_a_framework_the_declared_ones_are_checked_and_oecd_is_named_not_covered() {
    let doc = json(&["coverage", SOCIAL]);
    let got: Vec<&str> = doc["frameworks"]
        .as_array()
        .expect("frameworks")
        .iter()
        .map(|f| f["framework"].as_str().expect("framework"))
        .collect();
    assert_eq!(got, ["ungp", "dsa-systemic-risk", "csddd"]);
    assert_eq!(doc["not_covered"], serde_json::json!(["oecd"]));
    let text = ok(&["coverage", SOCIAL]);
    assert!(
        text.contains("oecd: no crosswalk in this version of hrdd"),
        "{text}"
    );
}

#[test]
fn usage_errors_exit_2_and_invalid_files_exit_1() {
    let out = run(&["coverage", SOCIAL, "--framework", "oecd"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no crosswalk for `oecd`"),
        "{}",
        out.stderr
    );
    let out = run(&["coverage", "tests/fixtures/valid.yaml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("declares no framework"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--framework"), "{}", out.stderr);
    let out = run(&["coverage", SOCIAL, "--engagement", "--framework", "ungp"]);
    assert_eq!(out.code, 2);
    let out = run(&[
        "coverage",
        "tests/fixtures/many-problems.yaml",
        "--framework",
        "ungp",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn engagement_coverage_in_every_format() {
    insta::assert_snapshot!(
        "coverage_engagement_table",
        ok(&["coverage", WELFARE, "--engagement"])
    );
    insta::assert_snapshot!(
        "coverage_engagement_markdown",
        ok(&["coverage", SOCIAL, "--engagement", "--format", "markdown"])
    );
    let doc = json(&["coverage", TELECOM, "--engagement"]);
    insta::assert_snapshot!(
        "coverage_engagement_json",
        serde_json::to_string_pretty(&doc).expect("json")
    );
}

#[test]
fn engagement_coverage_finds_unengaged_groups_and_missing_outcomes() {
    let doc = json(&[
        "coverage",
        "tests/fixtures/coverage/engagement.yaml",
        "--engagement",
    ]);
    let e = &doc["engagement"];
    let never: Vec<&str> = e["vulnerable_not_engaged"]
        .as_array()
        .expect("list")
        .iter()
        .map(|g| g["id"].as_str().expect("id"))
        .collect();
    // `elders` is vulnerable and affected only by a low risk; `renters` is not vulnerable.
    assert_eq!(never, ["migrants"]);
    let no_outcome: Vec<&str> = e["without_outcome"]
        .as_array()
        .expect("list")
        .iter()
        .map(|x| x["id"].as_str().expect("id"))
        .collect();
    assert_eq!(no_outcome, ["E-expert", "E-survey"]);
    let indirect: Vec<&str> = e["indirect"]
        .as_array()
        .expect("list")
        .iter()
        .map(|x| x["id"].as_str().expect("id"))
        .collect();
    assert_eq!(indirect, ["E-expert"]);
    let renters = &e["groups"][1];
    assert_eq!(renters["id"], "renters");
    assert_eq!(renters["engaged"], true);
    assert_eq!(renters["engagements"][0]["date"], "2026-03-02");
    assert_eq!(renters["engagements"][0]["method"], "survey");
    assert_eq!(
        e["groups"][0]["salient_risks"],
        serde_json::json!(["R-evict"])
    );
    // The public is not told who was never engaged: a confidential engagement may be the only one.
    let public = json(&[
        "coverage",
        "tests/fixtures/coverage/engagement.yaml",
        "--engagement",
        "--audience",
        "public",
    ]);
    assert!(public["engagement"]["vulnerable_not_engaged"].is_null());
    assert!(public["engagement"]["groups"][0]["engaged"].is_null());
}

#[test]
fn confidential_markers_never_reach_board_or_public_coverage() {
    let mut outputs = Vec::new();
    for audience in ["internal", "board", "public"] {
        for format in ["table", "json", "markdown"] {
            let mut text = String::new();
            for framework in [
                "eu-ai-act-fria",
                "dsa-systemic-risk",
                "gdpr-dpia",
                "csddd",
                "ungp",
            ] {
                text.push_str(&ok(&[
                    "coverage",
                    CONFIDENTIAL,
                    "--framework",
                    framework,
                    "--audience",
                    audience,
                    "--format",
                    format,
                ]));
            }
            text.push_str(&ok(&[
                "coverage",
                CONFIDENTIAL,
                "--engagement",
                "--audience",
                audience,
                "--format",
                format,
            ]));
            outputs.push((audience, format, text));
        }
    }
    for (audience, format, text) in &outputs {
        let leaks = [
            "CONF-MARKER-",
            "ORG-MARKER-",
            "OWNER-MARKER-",
            "NAME-MARKER-",
        ];
        for marker in leaks {
            let found = text.contains(marker);
            match (*audience, marker) {
                // The internal view shows confidential ids, which proves the test can see them.
                ("internal", "CONF-MARKER-") => assert!(found, "{audience} {format}"),
                (_, _) => assert!(!found, "{audience} {format}: {marker} leaked"),
            }
        }
    }
}
