//! `hrdd check`: the gates under `[check]`, `--fail-on`, `--require-approved`.

use std::collections::BTreeSet;

use crate::rules::{expectations, found};
use crate::support::{findings, fixtures, hrdd, root, run};

const CONFIG: &str = "tests/fixtures/gates/hrdd.toml";

#[test]
fn every_gate_fixture_reports_exactly_what_it_expects() {
    let mut covered = BTreeSet::new();
    for (rel, text) in fixtures("tests/fixtures/gates") {
        let (expected, _) = expectations(&text);
        let extra: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# args: "))
            .flat_map(str::split_whitespace)
            .collect();
        let mut args = vec!["check", "--config", CONFIG, "--format", "json"];
        args.extend(&extra);
        args.push(&rel);
        let (code, json) = findings(&args);
        let diags = json["diagnostics"].as_array().expect("diagnostics");
        let got = found(diags);
        assert_eq!(got, expected, "{rel}");
        assert_eq!(code, 1, "{rel}: a gate failure fails the check");
        for d in diags
            .iter()
            .filter(|d| d["code"].as_str().is_some_and(|c| c.starts_with('G')))
        {
            assert_eq!(d["level"], "error", "{rel}: gates are errors");
            covered.insert(d["code"].as_str().expect("code").to_owned());
        }
    }
    let gates: BTreeSet<String> = hrdd::rules::Rule::ALL
        .iter()
        .filter(|r| r.family() == hrdd::rules::Family::Gate)
        .map(|r| r.code().to_owned())
        .collect();
    assert_eq!(covered, gates, "one fixture per gate");
}

#[test]
fn validate_never_runs_gates() {
    let (code, json) = findings(&[
        "validate",
        "--config",
        CONFIG,
        "--format",
        "json",
        "tests/fixtures/gates/G001-too-many-open-critical.yaml",
        "tests/fixtures/gates/G004-review-date-passed.yaml",
    ]);
    assert_eq!(code, 0, "{json}");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["U012"]);
}

#[test]
fn a_clean_file_passes_the_default_gates() {
    let out = run(&["check", "tests/fixtures/valid.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("1 file checked: 0 errors, 0 warnings"),
        "{}",
        out.stderr
    );
}

#[test]
fn fail_on_warning_fails_on_warnings_and_the_flag_beats_the_config() {
    let file = "tests/fixtures/rules/U004-salient-without-remedy.yaml";
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("hrdd.toml");
    // The U004 fixture also lacks a reachable remedy, so turn that gate off here.
    std::fs::write(&config, "[check]\nsalient_need_remedy = false\n").expect("write");
    let config = config.to_str().expect("utf-8");
    assert_eq!(run(&["check", "--config", config, file]).code, 0);
    let out = run(&["check", "--config", config, "--fail-on", "warning", file]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    std::fs::write(
        dir.path().join("hrdd.toml"),
        "[check]\nsalient_need_remedy = false\nfail_on = \"warning\"\n",
    )
    .expect("write");
    assert_eq!(run(&["check", "--config", config, file]).code, 1);
    assert_eq!(
        run(&["check", "--config", config, "--fail-on", "error", file]).code,
        0
    );
}

#[test]
fn gates_are_switched_by_the_config_and_approval_by_flag_or_config() {
    let file = "tests/fixtures/gates/G005-not-approved.yaml";
    assert_eq!(
        run(&["check", file]).code,
        0,
        "approval is not required by default"
    );
    let out = run(&["check", "--require-approved", file]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("error[G005]"), "{}", out.stderr);
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("hrdd.toml");
    std::fs::write(&config, "[check]\nrequire_approved = true\n").expect("write");
    let config = config.to_str().expect("utf-8");
    assert_eq!(run(&["check", "--config", config, file]).code, 1);
    std::fs::write(
        dir.path().join("hrdd.toml"),
        "[check]\nreview_not_overdue = false\n",
    )
    .expect("write");
    assert_eq!(
        run(&[
            "check",
            "--config",
            config,
            "tests/fixtures/gates/G004-review-date-passed.yaml"
        ])
        .code,
        0
    );
}

#[test]
fn gates_cannot_be_set_under_rules_or_misspelt() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("tests/fixtures/valid.yaml"),
        dir.path().join("a.yaml"),
    )
    .expect("copy");
    for (toml, expected) in [
        ("[rules]\nG002 = \"off\"\n", "is a gate of `hrdd check`"),
        (
            "[check]\nrequire_aproved = true\n",
            "did you mean `require_approved`?",
        ),
        ("[check]\nfail_on = \"info\"\n", "hrdd.toml:2:"),
    ] {
        std::fs::write(dir.path().join("hrdd.toml"), toml).expect("write");
        hrdd()
            .current_dir(dir.path())
            .args(["check", "a.yaml"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(expected));
    }
}

#[test]
fn a_file_with_structure_errors_gets_no_gate_findings() {
    let (code, json) = findings(&[
        "check",
        "--config",
        CONFIG,
        "--format",
        "json",
        "tests/fixtures/rules/S011-dangling-reference.yaml",
    ]);
    assert_eq!(code, 1);
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .all(|d| !d["code"].as_str().unwrap_or_default().starts_with('G')),
        "{json}"
    );
}
