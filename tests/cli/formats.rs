//! CI formats for findings: github, sarif, junit, gitlab and json; `--output-file`.

use crate::support::{hrdd, root, run, run_with, schema_errors};

/// A clean file, one with an error and warnings, and one with warnings only.
const FILES: [&str; 3] = [
    "tests/fixtures/valid.yaml",
    "tests/fixtures/rules/S011-dangling-reference.yaml",
    "tests/fixtures/rules/U004-salient-without-remedy.yaml",
];

fn validate(format: &str) -> crate::support::Output {
    let mut args = vec!["validate", "--format", format];
    args.extend(FILES);
    run(&args)
}

#[test]
fn github_annotations() {
    let out = validate("github");
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "", "machine formats alone on stdout");
    for line in out.stdout.lines() {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line}"
        );
        let (props, message) = line
            .split_once(' ')
            .and_then(|(_, rest)| rest.split_once("::"))
            .expect("::level props::message");
        assert!(props.contains(",title="), "{line}");
        assert!(!message.contains('\n') && !message.contains('\r'));
    }
    insta::assert_snapshot!("findings_github", out.stdout);
}

#[test]
fn github_escapes_what_the_runner_would_misread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = dir.path().join("odd, name: 100%.yaml");
    std::fs::copy(root().join(FILES[1]), &name).expect("copy");
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(
        cmd,
        &["validate", "--format", "github", "odd, name: 100%.yaml"],
    );
    let first = out.stdout.lines().next().expect("an annotation");
    assert!(
        first.starts_with("::error file=odd%2C name%3A 100%25.yaml,line="),
        "{first}"
    );
    assert!(first.contains("%0Ahelp: "), "{first}");
}

/// The SARIF log with its (long) rule descriptors reduced to their ids.
fn sarif(out: &str) -> serde_json::Value {
    let mut log: serde_json::Value = serde_json::from_str(out).expect("SARIF is JSON");
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["version"] = "[version]".into();
    driver["semanticVersion"] = "[version]".into();
    let ids: Vec<serde_json::Value> = driver["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|r| r["id"].clone())
        .collect();
    driver["rules"] = ids.into();
    log
}

#[test]
fn sarif_log() {
    let out = validate("sarif");
    assert_eq!(out.code, 1);
    insta::assert_json_snapshot!("findings_sarif", sarif(&out.stdout));
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    // The official OASIS schema (errata 01), vendored from oasis-tcs/sarif-spec.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json"))
            .expect("schema"),
    )
    .expect("schema is JSON");
    for args in [
        validate("sarif"),
        run(&[
            "check",
            "--config",
            "tests/fixtures/gates/hrdd.toml",
            "--format",
            "sarif",
            "tests/fixtures/gates/G002-salient-unmitigated.yaml",
            "tests/fixtures/rules/S001-yaml-syntax.yaml",
        ]),
    ] {
        let log: serde_json::Value = serde_json::from_str(&args.stdout).expect("JSON");
        let errors = schema_errors(&schema, &log);
        assert!(errors.is_empty(), "{errors:#?}");
        let driver = &log["runs"][0]["tool"]["driver"];
        let rules = driver["rules"].as_array().expect("rules");
        assert_eq!(rules.len(), hrdd::rules::Rule::ALL.len());
        for r in rules {
            for key in ["shortDescription", "fullDescription"] {
                assert!(
                    !r[key]["text"].as_str().unwrap_or_default().is_empty(),
                    "{r}"
                );
            }
            assert!(
                r["help"]["markdown"]
                    .as_str()
                    .unwrap_or_default()
                    .starts_with("# ")
            );
        }
        for result in log["runs"][0]["results"].as_array().expect("results") {
            let index = result["ruleIndex"].as_u64().expect("index") as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            let region = &result["locations"][0]["physicalLocation"]["region"];
            assert!(
                region["startLine"].as_u64().is_some_and(|l| l >= 1),
                "{result}"
            );
        }
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }
}

#[test]
fn junit_report() {
    let out = validate("junit");
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("findings_junit", out.stdout);
}

#[test]
fn junit_is_well_formed_with_a_suite_per_file_and_a_case_per_rule() {
    let out = validate("junit");
    let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    let root_el = doc.root_element();
    assert_eq!(root_el.tag_name().name(), "testsuites");
    let suites: Vec<_> = root_el
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let names: Vec<&str> = suites.iter().filter_map(|s| s.attribute("name")).collect();
    assert_eq!(names, FILES);
    let checked = hrdd::rules::Rule::ALL
        .iter()
        .filter(|r| r.family() != hrdd::rules::Family::Gate)
        .count();
    for suite in &suites {
        let cases = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .count();
        assert_eq!(cases, checked, "one test case per rule that ran");
    }
    let failures: Vec<&str> = suites[1]
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .filter_map(|n| n.attribute("type"))
        .collect();
    assert_eq!(failures, ["S011"], "errors fail; warnings do not");
    assert_eq!(
        suites[2]
            .descendants()
            .filter(|n| n.has_tag_name("failure"))
            .count(),
        0
    );
    let out = run(&[
        "check",
        "--fail-on",
        "warning",
        "--format",
        "junit",
        "tests/fixtures/rules/U004-salient-without-remedy.yaml",
    ]);
    let doc = roxmltree::Document::parse(&out.stdout).expect("well-formed XML");
    let failing: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .filter_map(|n| n.attribute("type"))
        .collect();
    assert_eq!(
        failing,
        ["U004", "U013", "G003"],
        "--fail-on warning fails warnings"
    );
}

#[test]
fn gitlab_code_quality() {
    let out = validate("gitlab");
    assert_eq!(out.code, 1);
    let issues: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let issues = issues.as_array().expect("a list");
    let mut prints: Vec<&str> = issues
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    prints.sort_unstable();
    prints.dedup();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    assert_eq!(validate("gitlab").stdout, out.stdout, "and stable");
    insta::assert_snapshot!("findings_gitlab", out.stdout);
}

#[test]
fn json_findings() {
    let out = validate("json");
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("findings_json", out.stdout);
}

#[test]
fn check_gate_findings_in_json() {
    let out = run(&[
        "check",
        "--config",
        "tests/fixtures/gates/hrdd.toml",
        "--format",
        "json",
        "tests/fixtures/gates/G003-salient-unreachable-remedy.yaml",
    ]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("check_json", out.stdout);
}

#[test]
fn output_file_gets_the_machine_format_and_stderr_the_human_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = dir.path().join("reports/hrdd.sarif");
    std::fs::create_dir_all(report.parent().expect("parent")).expect("mkdir");
    std::fs::write(&report, "old content").expect("write");
    let path = report.to_str().expect("utf-8");
    let mut args = vec!["validate", "--format", "sarif", "--output-file", path];
    args.extend(FILES);
    let out = run(&args);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("error[S011]"), "{}", out.stderr);
    assert!(out.stderr.contains("3 files checked"), "{}", out.stderr);
    let written = std::fs::read_to_string(&report).expect("written");
    assert_eq!(written, validate("sarif").stdout);
    let leftovers: Vec<_> = std::fs::read_dir(report.parent().expect("parent"))
        .expect("dir")
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn output_file_never_overwrites_an_input_and_needs_a_machine_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("a.yaml");
    std::fs::copy(root().join(FILES[0]), &input).expect("copy");
    let before = std::fs::read_to_string(&input).expect("read");
    let path = input.to_str().expect("utf-8");
    let out = run(&["validate", "--format", "json", "--output-file", path, path]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("refusing to write"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&input).expect("read"), before);
    let out = run(&["validate", "--output-file", "x.txt", FILES[0]]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("needs a machine format"),
        "{}",
        out.stderr
    );
    let out = run(&[
        "validate",
        "--format",
        "json",
        "--output-file",
        "/nonexistent-dir/x.json",
        FILES[0],
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("cannot write /nonexistent-dir/x.json"),
        "{}",
        out.stderr
    );
}
