//! The files a repository copies to run hrdd in CI: pre-commit hooks, a GitHub workflow.

use crate::support::{root, run};

#[test]
fn pre_commit_hooks_run_real_commands() {
    #[derive(serde::Deserialize)]
    struct Hook {
        id: String,
        entry: String,
        language: String,
        files: String,
    }
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).expect("hooks");
    let hooks: Vec<Hook> = serde_saphyr::from_str(&text).expect("hooks parse");
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["hrdd-validate", "hrdd-check"]);
    for h in &hooks {
        assert_eq!(h.language, "rust");
        assert!(h.files.contains(r"\.ya?ml"), "{}", h.files);
        let command = h.entry.strip_prefix("hrdd ").expect("runs hrdd");
        let out = run(&[command, "--help"]);
        assert_eq!(out.code, 0, "`{}` is a command", h.entry);
    }
}

#[test]
fn the_example_workflow_is_not_taken_for_an_assessment() {
    let out = run(&["validate", "examples/ci"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("1 YAML file without a top-level `hrdd:` key skipped"),
        "{}",
        out.stderr
    );
    let text =
        std::fs::read_to_string(root().join("examples/ci/github-workflow.yml")).expect("workflow");
    for step in [
        "hrdd check --format sarif --output-file hrdd.sarif",
        "github/codeql-action/upload-sarif",
        "hrdd diff \"origin/$BASE:$f\" \"$f\" --format markdown",
    ] {
        assert!(text.contains(step), "the workflow has `{step}`");
    }
}
