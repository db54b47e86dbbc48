//! `hrdd schema`: the checked-in schema matches the model, and valid files validate against
//! it; `hrdd completions` and `hrdd man`.

use std::path::PathBuf;

use crate::support::{examples, findings, root, run, schema_errors};

const SCHEMA: &str = "schema/hrdd.schema.json";

#[test]
fn the_checked_in_schema_matches_the_model() {
    let out = run(&["schema"]);
    assert_eq!(out.code, 0);
    let file = std::fs::read_to_string(root().join(SCHEMA)).expect("schema file");
    assert!(
        out.stdout == file,
        "{SCHEMA} has drifted from the model: run `cargo run -- schema > {SCHEMA}` and review the change"
    );
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(SCHEMA)).expect("schema"))
        .expect("the schema is JSON")
}

/// The YAML file as JSON, as an editor's schema validation sees it.
fn as_json(path: &PathBuf) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).expect("readable");
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn yaml_under(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.strip_prefix(root()).expect("under root").to_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn every_valid_example_and_fixture_validates_against_the_schema() {
    let schema = schema();
    let mut files = examples();
    for dir in [
        "tests/fixtures",
        "tests/fixtures/diff",
        "tests/fixtures/gates",
        "tests/fixtures/rules",
    ] {
        files.extend(yaml_under(dir));
    }
    let mut valid = 0;
    for path in &files {
        let name = path.to_str().expect("utf-8");
        let (_, json) = findings(&["validate", "--format", "json", name]);
        if json["summary"]["errors"] != 0 {
            continue;
        }
        let errors = schema_errors(&schema, &as_json(path));
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        valid += 1;
    }
    assert!(
        valid >= 20 + examples().len(),
        "only {valid} valid files found"
    );
}

#[test]
fn the_schema_refuses_what_the_format_refuses() {
    let schema = schema();
    for (file, expected) in [
        (
            "tests/fixtures/rules/S004-unknown-key.yaml",
            "Additional properties",
        ),
        (
            "tests/fixtures/rules/S005-invalid-enum-value.yaml",
            "is not one of",
        ),
        ("tests/fixtures/rules/S006-out-of-range.yaml", "maximum"),
        (
            "tests/fixtures/rules/S008-invalid-id.yaml",
            "does not match",
        ),
    ] {
        let errors = schema_errors(&schema, &as_json(&PathBuf::from(file)));
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "{file}: {errors:#?}"
        );
    }
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}");
        assert!(out.stdout.contains("hrdd"), "{shell}");
        assert!(
            out.stdout.contains("validate") && out.stdout.contains("diff"),
            "{shell}"
        );
    }
    assert_eq!(run(&["completions", "tcsh"]).code, 2);
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie \\n(.g .ds Aq"),
        "roff: {}",
        &man.stdout[..80]
    );
    assert!(man.stdout.contains(".TH hrdd 1"), "{}", &man.stdout[..200]);
    assert!(man.stdout.contains("check"), "subcommands are listed");
}
