//! `hrdd.toml`: discovery, errors with key and line.

use predicates::prelude::*;

use crate::support::{hrdd, root};

fn copy_fixture(dir: &std::path::Path) -> std::path::PathBuf {
    let target = dir.join("a.yaml");
    std::fs::copy(
        root().join("tests/fixtures/rules/U012-review-overdue.yaml"),
        &target,
    )
    .expect("copy");
    target
}

#[test]
fn hrdd_toml_is_found_in_a_parent_directory() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("hrdd.toml"),
        "[rules]\nreview-overdue = \"error\"\n",
    )
    .expect("write");
    let sub = dir.path().join("nested/deeper");
    std::fs::create_dir_all(&sub).expect("mkdir");
    copy_fixture(&sub);
    hrdd()
        .current_dir(&sub)
        .args(["validate", "a.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[U012]"));
}

#[test]
fn unknown_keys_exit_2_naming_key_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("hrdd.toml"),
        "[scoring]\nmethod = \"matrix\"\nweigths = 1\n",
    )
    .expect("write");
    copy_fixture(dir.path());
    hrdd()
        .current_dir(dir.path())
        .args(["validate", "a.yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hrdd.toml:3:1"))
        .stderr(predicate::str::contains("unknown field `weigths`"));
}

#[test]
fn unknown_rules_and_levels_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_fixture(dir.path());
    for (toml, expected) in [
        (
            "[rules]\nreview-overdu = \"off\"\n",
            "did you mean `review-overdue`?",
        ),
        (
            "[rules]\nU012 = \"loud\"\n",
            "\"error\", \"warn\", \"info\" or \"off\"",
        ),
        ("[rules]\nS011 = \"off\"\n", "always an error"),
        (
            "[scoring]\nmethod = \"gut-feeling\"\n",
            "unknown variant `gut-feeling`",
        ),
    ] {
        std::fs::write(dir.path().join("hrdd.toml"), toml).expect("write");
        hrdd()
            .current_dir(dir.path())
            .args(["validate", "a.yaml"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(expected));
    }
}

#[test]
fn an_explicit_config_that_does_not_exist_exits_2() {
    hrdd()
        .args([
            "--config",
            "nope.toml",
            "validate",
            "tests/fixtures/valid.yaml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.toml"));
}
