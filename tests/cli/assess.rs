//! `hrdd assess`: the ranking in every format, `--residual`, `--explain`.

use crate::support::{examples, hrdd, run};

#[test]
fn ranked_table_of_every_example() {
    for example in examples() {
        let path = example.to_str().expect("utf-8");
        let out = run(&["assess", path]);
        assert_eq!(out.code, 0, "{path}: {}", out.stderr);
        let name = example
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("assess_table_{name}"), out.stdout);
    }
}

#[test]
fn markdown_table_for_pull_requests() {
    let out = run(&[
        "assess",
        "--format",
        "markdown",
        "tests/fixtures/ranking.yaml",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("assess_markdown", out.stdout);
}

#[test]
fn json_lists_risks_in_rank_order() {
    let out = run(&["assess", "--format", "json", "tests/fixtures/ranking.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["method"], "severity-first");
    assert_eq!(json["departs_from_ungp24"], false);
    assert_eq!(json["assessment"]["id"], "ranking-fixture");
    let risks = json["risks"].as_array().expect("risks");
    let ids: Vec<&str> = risks
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "R-irreversible",
            "R-grave",
            "R-actual",
            "R-likely",
            "R-wide",
            "R-sum",
            "R-vulnerable",
            "R-a",
            "R-b",
            "R-minor"
        ]
    );
    for (i, r) in risks.iter().enumerate() {
        assert_eq!(r["rank"], i + 1);
        for key in [
            "title",
            "band",
            "severity",
            "likelihood",
            "residual_likelihood",
            "involvement",
            "status",
        ] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
    }
    insta::assert_json_snapshot!("assess_json", json);
}

#[test]
fn residual_ranking_uses_residual_likelihood_and_keeps_severity() {
    let out = run(&[
        "assess",
        "--format",
        "json",
        "--residual",
        "tests/fixtures/ranking.yaml",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["basis"], "residual");
    let ids: Vec<&str> = json["risks"]
        .as_array()
        .expect("risks")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    // R-likely (4 → residual 1) drops below R-wide (likelihood 2, no residual) within band high.
    let likely = ids.iter().position(|i| *i == "R-likely").expect("present");
    let wide = ids.iter().position(|i| *i == "R-wide").expect("present");
    assert!(wide < likely, "{ids:?}");
    // Severity never drops with mitigation: bands stay the same.
    let inherent = run(&["assess", "--format", "json", "tests/fixtures/ranking.yaml"]);
    let inherent: serde_json::Value = serde_json::from_str(&inherent.stdout).expect("json");
    for r in inherent["risks"].as_array().expect("risks") {
        let same = json["risks"]
            .as_array()
            .expect("risks")
            .iter()
            .find(|x| x["id"] == r["id"])
            .expect("same risk");
        assert_eq!(same["band"], r["band"]);
        assert_eq!(same["severity"], r["severity"]);
    }
}

#[test]
fn explain_prints_every_step_and_the_neighbours() {
    let out = run(&[
        "assess",
        "tests/fixtures/ranking.yaml",
        "--explain",
        "R-actual",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("explain_r_actual", out.stdout);
}

#[test]
fn explain_an_unknown_risk_suggests_the_nearest_id() {
    hrdd()
        .args([
            "assess",
            "tests/fixtures/ranking.yaml",
            "--explain",
            "R-actaul",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `R-actual`?"));
}

#[test]
fn an_invalid_file_is_not_ranked() {
    let out = run(&["assess", "tests/fixtures/many-problems.yaml"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty(), "no table for an invalid file");
    assert!(out.stderr.contains("error[C001]"));
}

#[test]
fn alternative_methods_are_labelled_as_departures() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (method, notice) in [
        ("matrix", "departs from UNGP 24"),
        ("weighted", "departs from UNGP 14 and 24"),
    ] {
        let cfg = dir.path().join(format!("{method}.toml"));
        std::fs::write(&cfg, format!("[scoring]\nmethod = \"{method}\"\n")).expect("write");
        let cfg = cfg.to_str().expect("utf-8");
        let table = run(&["--config", cfg, "assess", "tests/fixtures/ranking.yaml"]);
        assert_eq!(table.code, 0, "{}", table.stderr);
        assert!(
            table.stdout.contains(&format!("Method: {method}")),
            "{}",
            table.stdout
        );
        assert!(table.stdout.contains(notice), "{}", table.stdout);
        let md = run(&[
            "--config",
            cfg,
            "assess",
            "--format",
            "markdown",
            "tests/fixtures/ranking.yaml",
        ]);
        assert!(md.stdout.contains(notice));
        let json = run(&[
            "--config",
            cfg,
            "assess",
            "--format",
            "json",
            "tests/fixtures/ranking.yaml",
        ]);
        let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
        assert_eq!(json["method"], method);
        assert_eq!(json["departs_from_ungp24"], true);
        let explain = run(&[
            "--config",
            cfg,
            "assess",
            "tests/fixtures/ranking.yaml",
            "--explain",
            "R-minor",
        ]);
        assert!(explain.stdout.contains(notice));
    }
}

#[test]
fn matrix_lets_likelihood_lower_a_band() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("hrdd.toml");
    std::fs::write(&cfg, "[scoring]\nmethod = \"matrix\"\n").expect("write");
    let out = run(&[
        "--config",
        cfg.to_str().expect("utf-8"),
        "assess",
        "--format",
        "json",
        "tests/fixtures/ranking.yaml",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let grave = json["risks"]
        .as_array()
        .expect("risks")
        .iter()
        .find(|r| r["id"] == "R-grave")
        .expect("R-grave");
    // Severity 5, likelihood 1: critical under severity-first, medium in the default matrix.
    assert_eq!(grave["band"], "medium");
}
