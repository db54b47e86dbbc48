//! One bad-input file per rule: each names the findings it must produce.

use std::collections::BTreeSet;

use crate::support::{findings, fixtures, run};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expected {
    pub code: String,
    pub line: u64,
    pub column: u64,
}

/// The (code, line, column) of each finding in a JSON findings array.
pub fn found(diags: &[serde_json::Value]) -> BTreeSet<Expected> {
    diags
        .iter()
        .map(|d| Expected {
            code: d["code"].as_str().expect("code").to_owned(),
            line: d["line"].as_u64().expect("line"),
            column: d["column"].as_u64().expect("column"),
        })
        .collect()
}

/// Reads `# expect: CODE LINE:COL [help: TEXT]` lines.
pub fn expectations(text: &str) -> (BTreeSet<Expected>, Vec<(String, String)>) {
    let mut set = BTreeSet::new();
    let mut helps = Vec::new();
    for line in text.lines().filter_map(|l| l.strip_prefix("# expect: ")) {
        let (spec, help) = match line.split_once(" help: ") {
            Some((s, h)) => (s, Some(h)),
            None => (line, None),
        };
        let (code, at) = spec.split_once(' ').expect("CODE LINE:COL");
        let (l, c) = at.split_once(':').expect("LINE:COL");
        set.insert(Expected {
            code: code.to_owned(),
            line: l.parse().expect("line"),
            column: c.parse().expect("column"),
        });
        if let Some(h) = help {
            helps.push((code.to_owned(), h.to_owned()));
        }
    }
    (set, helps)
}

#[test]
fn every_fixture_reports_exactly_what_it_expects() {
    let files = fixtures("tests/fixtures/rules");
    assert!(
        files.len() >= 33,
        "one fixture per rule, found {}",
        files.len()
    );
    let mut codes_covered = BTreeSet::new();
    for (rel, text) in files {
        let (expected, helps) = expectations(&text);
        assert!(!expected.is_empty(), "{rel} names no expectation");
        let (code, json) = findings(&["validate", "--format", "json", &rel]);
        let diags = json["diagnostics"].as_array().expect("diagnostics array");
        let got = found(diags);
        assert_eq!(
            got, expected,
            "{rel}: findings differ from its `# expect:` lines"
        );
        for (c, help) in helps {
            let d = diags
                .iter()
                .find(|d| d["code"] == c.as_str())
                .expect("the finding");
            let actual = d["help"].as_str().unwrap_or_default();
            assert!(
                actual.contains(&help),
                "{rel}: help of {c} is `{actual}`, expected it to contain `{help}`"
            );
        }
        let has_error = diags.iter().any(|d| d["level"] == "error");
        assert_eq!(code, i32::from(has_error), "{rel}: exit code");
        for d in diags {
            assert_eq!(d["file"], rel.as_str());
        }
        let name = rel.rsplit('/').next().unwrap_or_default();
        codes_covered.insert(name[..4].to_owned());
    }
    let all: BTreeSet<String> = hrdd::rules::Rule::ALL
        .iter()
        .filter(|r| r.family() != hrdd::rules::Family::Gate)
        .map(|r| r.code().to_owned())
        .filter(|c| c != "S015")
        .collect();
    let missing: Vec<_> = all.difference(&codes_covered).collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture: {missing:?} (S015 is tested in hostile.rs, gates in gates.rs)"
    );
}

#[test]
fn the_valid_fixture_is_clean() {
    let (code, json) = findings(&["validate", "--format", "json", "tests/fixtures/valid.yaml"]);
    assert_eq!(code, 0);
    assert_eq!(json["diagnostics"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 1);
}

#[test]
fn all_semantic_problems_are_reported_in_one_run() {
    let (code, json) = findings(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/many-problems.yaml",
    ]);
    assert_eq!(code, 1);
    let codes: BTreeSet<&str> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    for expected in [
        "C001", "C002", "C004", "S006", "S007", "S011", "U001", "U012",
    ] {
        assert!(
            codes.contains(expected),
            "{expected} missing from {codes:?}"
        );
    }
    assert_eq!(json["summary"]["errors"], 6);
    assert_eq!(json["summary"]["warnings"], 2);
}

#[test]
fn human_diagnostics_are_rustc_style() {
    let out = run(&["validate", "tests/fixtures/many-problems.yaml"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty(), "diagnostics go to stderr");
    insta::assert_snapshot!("many_problems_human", out.stderr);
}

#[test]
fn unknown_key_diagnostic_snapshot() {
    let out = run(&["validate", "tests/fixtures/rules/S004-unknown-key.yaml"]);
    insta::assert_snapshot!("unknown_key_human", out.stderr);
}

#[test]
fn a_rule_can_be_turned_off_or_raised_in_hrdd_toml() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("hrdd.toml");
    std::fs::write(
        &cfg,
        "[rules]\nreview-overdue = \"off\"\nU001 = \"error\"\n",
    )
    .expect("write");
    let cfg = cfg.to_str().expect("utf-8");
    let (code, json) = findings(&[
        "--config",
        cfg,
        "validate",
        "--format",
        "json",
        "tests/fixtures/rules/U012-review-overdue.yaml",
    ]);
    assert_eq!(
        (code, json["diagnostics"].as_array().map(Vec::len)),
        (0, Some(0))
    );
    let (code, json) = findings(&[
        "--config",
        cfg,
        "validate",
        "--format",
        "json",
        "tests/fixtures/rules/U001-expected-action-missing.yaml",
    ]);
    assert_eq!(code, 1, "U001 raised to error fails the run");
    assert_eq!(json["diagnostics"][0]["level"], "error");
}
