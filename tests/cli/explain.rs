//! `hrdd explain`: every rule has a stable code and a long explanation.

use predicates::prelude::*;

use crate::support::{hrdd, run};

#[test]
fn the_list_of_rule_codes_is_pinned() {
    let out = run(&["explain"]);
    assert_eq!(out.code, 0);
    insta::assert_snapshot!("rule_codes", out.stdout);
}

#[test]
fn every_rule_explains_itself_with_examples_and_its_basis() {
    for rule in hrdd::rules::Rule::ALL {
        for key in [rule.code(), rule.name()] {
            let out = run(&["explain", key]);
            assert_eq!(out.code, 0, "{key}");
            assert!(
                out.stdout
                    .starts_with(&format!("# {} {}", rule.code(), rule.name())),
                "{key}"
            );
            for section in [
                "Default level:",
                "Rests on:",
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## Fix",
                "```yaml",
            ] {
                assert!(out.stdout.contains(section), "{key}: no `{section}`");
            }
        }
    }
}

#[test]
fn an_unknown_code_suggests_the_nearest() {
    hrdd()
        .args(["explain", "U03"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean"));
    hrdd()
        .args(["explain", "salient-without-mitigaton"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean `salient-without-mitigation`?",
        ));
}
