//! `hrdd validate`: formats, exit codes, I/O problems.

use predicates::prelude::*;

use crate::support::{findings, hrdd, run};

#[test]
fn json_has_exactly_the_documented_shape() {
    let (code, json) = findings(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/rules/S011-dangling-reference.yaml",
    ]);
    assert_eq!(code, 1);
    let d = &json["diagnostics"][0];
    let mut keys: Vec<&str> = d
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["code", "column", "file", "help", "level", "line", "message"]
    );
    assert_eq!(d["code"], "S011");
    assert_eq!(d["level"], "error");
    assert_eq!(d["help"], "did you mean `activists`?");
    assert_eq!(
        json["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 1, "infos": 0})
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let out = run(&[
        "validate",
        "tests/fixtures/rules/U004-salient-without-remedy.yaml",
    ]);
    assert_eq!(out.code, 0);
    assert!(out.stderr.contains("warning[U004]"), "{}", out.stderr);
    assert!(
        out.stderr.contains("0 errors, 2 warnings"),
        "{}",
        out.stderr
    );
}

#[test]
fn several_files_are_checked_and_summarised() {
    let (code, json) = findings(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/valid.yaml",
        "tests/fixtures/rules/S004-unknown-key.yaml",
    ]);
    assert_eq!(code, 1);
    assert_eq!(json["summary"]["files"], 2);
    assert_eq!(
        json["diagnostics"][0]["file"],
        "tests/fixtures/rules/S004-unknown-key.yaml"
    );
}

#[test]
fn a_missing_file_exits_2_and_names_the_path() {
    hrdd()
        .args(["validate", "no/such/file.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.yaml"));
}

#[test]
fn a_directory_is_not_a_file_for_diff() {
    hrdd()
        .args(["diff", "tests", "tests/fixtures/valid.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tests: is a directory"));
}

#[test]
fn io_problems_do_not_hide_findings_in_other_files() {
    let out = run(&[
        "validate",
        "missing.yaml",
        "tests/fixtures/rules/S004-unknown-key.yaml",
    ]);
    assert_eq!(out.code, 2, "an I/O problem outranks findings");
    assert!(out.stderr.contains("missing.yaml"));
    assert!(out.stderr.contains("error[S004]"));
}

#[test]
fn usage_errors_exit_2() {
    hrdd().args(["validate"]).assert().code(2);
    hrdd().args(["frobnicate"]).assert().code(2);
    hrdd()
        .args([
            "--today",
            "2026-02-30",
            "validate",
            "tests/fixtures/valid.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no day 30"));
}

#[test]
fn help_documents_the_exit_codes() {
    hrdd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains(
            "2  usage, configuration, I/O or git error",
        ));
    hrdd()
        .args(["validate", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"));
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let file = "tests/fixtures/rules/S004-unknown-key.yaml";
    let plain = run(&["validate", file]);
    assert!(
        !plain.stderr.contains('\u{1b}'),
        "NO_COLOR and a pipe mean no escapes"
    );
    let coloured = run(&["--color", "always", "validate", file]);
    assert!(
        coloured.stderr.contains('\u{1b}'),
        "--color always forces escapes"
    );
    let never = run(&["--color", "never", "validate", file]);
    assert!(!never.stderr.contains('\u{1b}'));
}

#[test]
fn today_comes_from_the_flag_or_the_environment() {
    let file = "tests/fixtures/rules/U011-mitigation-overdue.yaml";
    let (_, early) = findings(&[
        "--today",
        "2026-01-01",
        "validate",
        "--format",
        "json",
        file,
    ]);
    assert_eq!(
        early["diagnostics"],
        serde_json::json!([]),
        "not yet overdue on 2026-01-01"
    );
    let (_, late) = findings(&["validate", "--format", "json", file]);
    assert_eq!(
        late["diagnostics"][0]["code"], "U011",
        "HRDD_TODAY=2026-11-23 from the test harness"
    );
}

#[test]
fn an_io_error_is_said_once() {
    for args in [
        &["assess", "no/such/file.yaml"][..],
        &["map", "no/such/file.yaml"],
        &["import", "no/such/file.xlsx"],
        &[
            "--config",
            "no/such/hrdd.toml",
            "assess",
            "examples/social-platform.yaml",
        ],
    ] {
        let out = run(args);
        assert_eq!(out.code, 2, "{args:?}");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {}", out.stderr);
        assert!(
            lines[0].starts_with("hrdd: error: no/such/"),
            "{}",
            out.stderr
        );
        assert_eq!(
            lines[0].matches("No such file or directory").count(),
            1,
            "{args:?}: {}",
            out.stderr
        );
    }
}
