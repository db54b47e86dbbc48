//! Portfolios: `hrdd assess DIR` and `hrdd report DIR` over many assessments.

use std::path::Path;

use crate::support::{hrdd, root, run, run_with};

fn json(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

#[test]
fn assess_folder_table_over_the_examples() {
    let out = run(&["assess", "examples"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("portfolio_assess_table", out.stdout);
}

#[test]
fn assess_folder_markdown_with_overdue_actions() {
    let out = run(&[
        "--today",
        "2027-06-01",
        "assess",
        "examples",
        "--format",
        "markdown",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("warnings in examples"),
        "{}",
        out.stderr
    );
    insta::assert_snapshot!("portfolio_assess_markdown_late", out.stdout);
}

#[test]
fn board_report_over_the_examples() {
    let out = run(&[
        "report",
        "examples",
        "--format",
        "md",
        "--audience",
        "board",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("portfolio_report_board_md", out.stdout);
}

#[test]
fn html_report_over_the_examples() {
    let out = run(&["report", "examples", "--format", "html"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for heading in [
        "Salient risks across the portfolio",
        "Overdue actions by owner",
        "Rights most at risk",
        "Coverage by framework",
    ] {
        assert!(out.stdout.contains(heading), "{heading}");
    }
    assert!(!out.stdout.contains("{{") && !out.stdout.contains("{%"));
    insta::assert_snapshot!("portfolio_report_internal_html", out.stdout);
}

#[test]
fn salient_risks_are_ranked_on_one_scale_severity_first() {
    let p = json(&["assess", "examples", "--format", "json"]);
    let rows = p["salient"].as_array().expect("salient");
    assert!(rows.len() >= 10);
    let files: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["assessment"].as_str().expect("id"))
        .collect();
    assert_eq!(files.len(), 3, "salient risks of every example: {files:?}");
    // Severity-first: the highest dimension, then the sum, never rises down the list.
    let key = |r: &serde_json::Value| {
        let d = [&r["scale"], &r["scope"], &r["remediability"]].map(|v| v.as_u64().expect("n"));
        (d.iter().max().copied().expect("max"), d.iter().sum::<u64>())
    };
    for pair in rows.windows(2) {
        assert!(key(&pair[0]).0 >= key(&pair[1]).0, "{pair:?}");
        assert!(pair[0]["rank"].as_u64() < pair[1]["rank"].as_u64());
    }
    // Totals agree with the per-assessment rows.
    let sum = |k: &str| -> u64 {
        p["assessments"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|a| a[k].as_u64().expect("n"))
            .sum()
    };
    assert_eq!(p["totals"]["risks"].as_u64(), Some(sum("risks")));
    assert_eq!(p["totals"]["salient"].as_u64(), Some(sum("salient")));
    assert_eq!(p["totals"]["salient"].as_u64(), Some(rows.len() as u64));
    // Every declared framework with a crosswalk has a coverage row with the same counts as
    // `hrdd coverage`.
    let single = json(&[
        "coverage",
        "examples/welfare-ai-procurement.yaml",
        "--framework",
        "eu-ai-act-fria",
        "--format",
        "json",
    ]);
    let row = p["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| {
            c["assessment"] == "valmere-welfare-risk-scoring" && c["framework"] == "eu-ai-act-fria"
        })
        .expect("the FRIA the procurement example declares");
    let counts = &single["frameworks"][0]["counts"];
    for k in ["evidenced", "partial", "missing", "not_assessable"] {
        assert_eq!(row[k], counts[k], "{k}: {single}");
    }
}

#[test]
fn overdue_actions_are_grouped_by_owner_latest_first() {
    let p = json(&[
        "--today",
        "2027-06-01",
        "assess",
        "examples",
        "--format",
        "json",
    ]);
    let groups = p["overdue"].as_array().expect("groups");
    let owners: Vec<&str> = groups
        .iter()
        .map(|g| g["owner"].as_str().expect("owner"))
        .collect();
    let mut sorted = owners.clone();
    sorted.sort_unstable();
    assert_eq!(owners, sorted, "owners in a stable order");
    let director = groups
        .iter()
        .find(|g| g["owner"] == "Director of Social Services")
        .expect("the Valmere director has overdue actions");
    let first = &director["actions"][0];
    assert_eq!(first["id"], "pilot-redress");
    assert_eq!(first["due"], "2026-12-31");
    assert_eq!(first["days_overdue"], 152);
    let total: usize = groups
        .iter()
        .map(|g| g["actions"].as_array().expect("actions").len())
        .sum();
    assert_eq!(p["totals"]["overdue_actions"].as_u64(), Some(total as u64));
    assert_eq!(p["totals"]["reviews_overdue"], 3);

    let public = json(&[
        "--today",
        "2027-06-01",
        "assess",
        "examples",
        "--format",
        "json",
        "--audience",
        "public",
    ]);
    let groups = public["overdue"].as_array().expect("groups");
    assert_eq!(groups.len(), 1, "one group without owners");
    assert!(groups[0]["owner"].is_null());
}

/// A folder holding a copy of each named fixture.
fn folder(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in files {
        let name = Path::new(f).file_name().expect("name");
        std::fs::copy(root().join(f), dir.path().join(name)).expect("copy");
    }
    dir
}

#[test]
fn a_file_with_errors_is_reported_and_left_out() {
    let dir = folder(&[
        "tests/fixtures/valid.yaml",
        "tests/fixtures/many-problems.yaml",
    ]);
    let path = dir.path().to_str().expect("utf-8");
    let out = run(&["assess", path, "--format", "json"]);
    assert_eq!(out.code, 1, "findings: one file has errors");
    assert!(out.stderr.contains("error["), "{}", out.stderr);
    let p: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(p["totals"]["assessments"], 1);
    assert_eq!(p["totals"]["excluded"], 1);
    assert!(
        p["excluded"][0]
            .as_str()
            .expect("path")
            .ends_with("many-problems.yaml")
    );
    let md = run(&["report", path, "--format", "md"]);
    assert_eq!(md.code, 1);
    assert!(md.stdout.contains("Left out, with errors"), "{}", md.stdout);
}

#[test]
fn yaml_that_is_not_an_assessment_is_skipped_and_named() {
    let dir = folder(&["tests/fixtures/valid.yaml"]);
    std::fs::write(dir.path().join("workflow.yml"), "on: push\njobs: {}\n").expect("write");
    let out = run(&[
        "assess",
        dir.path().to_str().expect("utf-8"),
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("workflow.yml: no top-level `hrdd:` key"),
        "{}",
        out.stderr
    );
    let p: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(p["totals"]["assessments"], 1);
    assert_eq!(p["totals"]["excluded"], 0);
}

#[test]
fn a_folder_with_no_valid_assessment_is_an_error() {
    let dir = folder(&["tests/fixtures/many-problems.yaml"]);
    let out = run(&["assess", dir.path().to_str().expect("utf-8")]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no valid assessment"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn options_for_one_file_are_refused_for_a_folder() {
    for args in [
        &["assess", "examples", "--explain", "x"][..],
        &["assess", "examples", "--residual"],
        &[
            "report",
            "examples",
            "--format",
            "md",
            "--previous",
            "x.yaml",
        ],
    ] {
        let out = run(args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains("is a folder"), "{}", out.stderr);
    }
}

#[test]
fn confidential_material_stays_out_of_public_and_board_portfolios() {
    let dir = folder(&[
        "tests/fixtures/report/confidential.yaml",
        "tests/fixtures/valid.yaml",
    ]);
    let path = dir.path().to_str().expect("utf-8");
    let outputs = |audience: &str| -> Vec<String> {
        let mut v = Vec::new();
        for format in ["table", "json", "markdown"] {
            let out = run(&[
                "--today",
                "2028-01-01",
                "assess",
                path,
                "--format",
                format,
                "--audience",
                audience,
            ]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            v.push(out.stdout);
        }
        for format in ["md", "html"] {
            let out = run(&[
                "--today",
                "2028-01-01",
                "report",
                path,
                "--format",
                format,
                "--audience",
                audience,
            ]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            v.push(out.stdout);
        }
        v
    };
    let internal = outputs("internal");
    assert!(
        internal.iter().all(|o| o.contains("CONF-MARKER-")),
        "the fixture's confidential items reach the internal portfolio"
    );
    for o in outputs("public") {
        for marker in [
            "CONF-MARKER-",
            "ORG-MARKER-",
            "OWNER-MARKER-",
            "NAME-MARKER-",
        ] {
            assert!(!o.contains(marker), "public shows {marker}:\n{o}");
        }
    }
    for o in outputs("board") {
        for marker in ["CONF-MARKER-", "ORG-MARKER-"] {
            assert!(!o.contains(marker), "board shows {marker}:\n{o}");
        }
    }
}

#[test]
fn report_file_is_written_atomically_and_never_over_an_input() {
    let dir = folder(&["tests/fixtures/valid.yaml"]);
    let input = dir.path().join("valid.yaml");
    let before = std::fs::read_to_string(&input).expect("read");
    let out = run(&[
        "report",
        dir.path().to_str().expect("utf-8"),
        "--format",
        "md",
        "-o",
        input.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("refusing to write"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&input).expect("read"), before);

    let target = dir.path().join("portfolio.html");
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(
        cmd,
        &["report", ".", "--format", "html", "-o", "portfolio.html"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::read_to_string(&target)
            .expect("written")
            .contains("Human rights portfolio")
    );
}
