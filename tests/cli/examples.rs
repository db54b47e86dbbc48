//! Every shipped example validates clean.

use crate::support::{examples, findings};

#[test]
fn there_are_at_least_three_examples() {
    assert!(examples().len() >= 3, "{:?}", examples());
}

#[test]
fn every_example_validates_clean() {
    for example in examples() {
        let path = example.to_str().expect("utf-8");
        let (code, json) = findings(&["validate", "--format", "json", path]);
        assert_eq!(code, 0, "{path}");
        assert_eq!(
            json["diagnostics"],
            serde_json::json!([]),
            "{path} has findings"
        );
    }
}

#[test]
fn every_example_has_salient_risks_and_explains_each_rank() {
    for example in examples() {
        let path = example.to_str().expect("utf-8");
        let (code, json) = findings(&["assess", "--format", "json", path]);
        assert_eq!(code, 0, "{path}");
        let risks = json["risks"].as_array().expect("risks");
        assert!(
            risks.iter().any(|r| r["salient"] == true),
            "{path}: no salient risk"
        );
        for r in risks {
            let id = r["id"].as_str().expect("id");
            let out = crate::support::run(&["assess", path, "--explain", id]);
            assert_eq!(out.code, 0);
            assert!(
                out.stdout
                    .contains(&format!("Rank {} of {}", r["rank"], risks.len())),
                "{}",
                out.stdout
            );
        }
    }
}
