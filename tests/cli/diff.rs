//! `hrdd diff`: files and git revisions, every format, `--fail-on`, audiences.

use std::path::Path;
use std::process::Command;

use crate::support::{hrdd, root, run, run_with};

const V1: &str = "tests/fixtures/diff/v1.yaml";
const V2: &str = "tests/fixtures/diff/v2.yaml";

#[test]
fn table() {
    let out = run(&["diff", V1, V2]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("diff_table", out.stdout);
}

#[test]
fn markdown_for_a_pull_request() {
    let out = run(&["diff", "--format", "markdown", V1, V2]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("diff_markdown", out.stdout);
}

#[test]
fn json_shape() {
    let out = run(&["diff", "--format", "json", V1, V2]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    for list in [
        "products",
        "relationships",
        "rights_holders",
        "rights",
        "risks",
        "mitigations",
        "remedy_channels",
        "engagements",
    ] {
        for part in ["added", "removed", "changed"] {
            let entries = d[list][part].as_array().expect("a list");
            for e in entries {
                assert!(e["id"].is_string(), "{list}.{part}: {e}");
            }
        }
    }
    let a = &d["assessment"];
    assert_eq!(
        a["version"],
        serde_json::json!({"old": "2026.1", "new": "2026.2"})
    );
    assert_eq!(
        a["status"],
        serde_json::json!({"old": "approved", "new": "in-review"})
    );
    assert_eq!(a["approval"]["new"], serde_json::Value::Null);
    let r = &d["risks"];
    assert_eq!(
        r["newly_salient"],
        serde_json::json!(["R-deepfake", "R-harassment"])
    );
    assert_eq!(r["band_up"], serde_json::json!(["R-harassment"]));
    assert_eq!(r["removed"][0]["id"], "R-spam");
    let harassment = r["changed"]
        .as_array()
        .expect("changed")
        .iter()
        .find(|c| c["id"] == "R-harassment")
        .expect("R-harassment changed");
    assert_eq!(
        harassment["band"],
        serde_json::json!({"old": "medium", "new": "high"})
    );
    assert_eq!(
        harassment["status"],
        serde_json::json!({"old": "open", "new": "monitoring"})
    );
    assert_eq!(
        harassment["severity"][0],
        serde_json::json!({"dimension": "scale", "old": 3, "new": 4, "direction": "up"})
    );
    assert!(
        harassment["fields"]
            .as_array()
            .expect("fields")
            .contains(&serde_json::json!({"field": "severity.scale", "old": 3, "new": 4}))
    );
    insta::assert_snapshot!("diff_json", out.stdout);
}

#[test]
fn identical_versions_have_no_differences() {
    let out = run(&["diff", "--fail-on", "any", V1, V1]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("No differences."), "{}", out.stdout);
}

#[test]
fn fail_on_conditions() {
    for (old, new, condition, code) in [
        (V1, V2, "new-salient", 1),
        (V1, V2, "band-up", 1),
        (V1, V2, "removed-risk", 1),
        (V1, V2, "any", 1),
        (V2, V1, "new-salient", 0),
        (V2, V1, "band-up", 0),
        (V2, V1, "removed-risk", 1),
        (V1, V1, "any", 0),
    ] {
        let out = run(&["diff", "--fail-on", condition, old, new]);
        assert_eq!(
            out.code, code,
            "{old} → {new} --fail-on {condition}: {}",
            out.stderr
        );
        if code == 1 {
            assert!(
                out.stderr
                    .contains(&format!("--fail-on {condition}: the condition holds")),
                "{}",
                out.stderr
            );
        }
    }
    let out = run(&["diff", "--fail-on", "band-up,removed-risk", V2, V1]);
    assert_eq!(out.code, 1, "comma-separated conditions");
}

/// What may never appear in a diff for the public, by id or text.
const CONFIDENTIAL: [&str; 9] = [
    "R-exploit",
    "Spyware",
    "M-canary",
    "exploit canaries",
    "Local defenders network",
    "Women in Media Safety Collective",
    "Security Engineering",
    "Trust and Safety",
    "Legal",
];

#[test]
fn nothing_confidential_reaches_a_public_diff_in_any_format() {
    for format in ["table", "markdown", "json"] {
        for (old, new) in [(V1, V2), (V2, V1)] {
            let out = run(&["diff", "--audience", "public", "--format", format, old, new]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            for secret in CONFIDENTIAL {
                assert!(
                    !out.stdout.contains(secret) && !out.stderr.contains(secret),
                    "`{secret}` in the public {format} diff:\n{}",
                    out.stdout
                );
            }
        }
    }
}

#[test]
fn the_board_sees_confidential_changes_as_counts_only() {
    let out = run(&["diff", "--audience", "board", "--format", "json", V1, V2]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for secret in &CONFIDENTIAL[..6] {
        assert!(!out.stdout.contains(secret), "`{secret}` in the board diff");
    }
    let d: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(
        d["risks"]["confidential"],
        serde_json::json!({"added": 0, "removed": 0, "changed": 1})
    );
    assert_eq!(
        d["mitigations"]["confidential"],
        serde_json::json!({"added": 0, "removed": 0, "changed": 1})
    );
    assert!(
        out.stdout.contains("Trust and Safety"),
        "the board sees owners"
    );
    let internal = run(&["diff", "--format", "json", V1, V2]);
    assert!(internal.stdout.contains("R-exploit") && internal.stdout.contains("M-canary"));
    assert!(
        !internal.stdout.contains("\"confidential\": {"),
        "counts are for the board"
    );
}

#[test]
fn a_side_with_errors_is_not_compared() {
    let out = run(&[
        "diff",
        V1,
        "tests/fixtures/rules/S011-dangling-reference.yaml",
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("error[S011]"), "{}", out.stderr);
    assert!(out.stderr.contains("cannot compare"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn a_missing_file_exits_2() {
    let out = run(&["diff", V1, "no/such.yaml"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no/such.yaml"), "{}", out.stderr);
}

/// A git repository with two commits of `assessments/chat.yaml` (v1, then v2) and a third
/// commit that breaks it.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=hrdd", "-c", "user.email=hrdd@example.org"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", dir.path())
            .output()
            .expect("git runs");
        assert!(status.status.success(), "git {args:?}: {status:?}");
    };
    let file = dir.path().join("assessments/chat.yaml");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
    git(&["init", "-q"]);
    for (from, message) in [
        (V1, "v1"),
        (V2, "v2"),
        (
            "tests/fixtures/rules/S011-dangling-reference.yaml",
            "broken",
        ),
    ] {
        std::fs::copy(root().join(from), &file).expect("copy");
        git(&["add", "."]);
        git(&["commit", "-q", "-m", message]);
    }
    std::fs::copy(root().join(V2), &file).expect("copy");
    dir
}

fn in_dir(dir: &Path, args: &[&str]) -> crate::support::Output {
    let mut cmd = hrdd();
    cmd.current_dir(dir);
    run_with(cmd, args)
}

#[test]
fn revisions_are_read_from_git() {
    let repo = repository();
    let by_rev = in_dir(
        repo.path(),
        &[
            "diff",
            "--format",
            "json",
            "HEAD~2:assessments/chat.yaml",
            "HEAD~1:assessments/chat.yaml",
        ],
    );
    assert_eq!(by_rev.code, 0, "{}", by_rev.stderr);
    let files = run(&["diff", "--format", "json", V1, V2]);
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).expect("JSON");
        let sources = (
            v["assessment"]["old"]["source"].take(),
            v["assessment"]["new"]["source"].take(),
        );
        (v, sources)
    };
    let (a, sources) = strip(&by_rev.stdout);
    let (b, _) = strip(&files.stdout);
    assert_eq!(a, b, "a revision diffs like the file it holds");
    assert_eq!(sources.0, "HEAD~2:assessments/chat.yaml");
    assert_eq!(sources.1, "HEAD~1:assessments/chat.yaml");
}

#[test]
fn a_revision_and_the_working_tree_from_a_subfolder() {
    let repo = repository();
    let out = in_dir(
        &repo.path().join("assessments"),
        &["diff", "--fail-on", "any", "HEAD~1:chat.yaml", "chat.yaml"],
    );
    assert_eq!(
        out.code, 0,
        "the working tree holds v2 again: {}",
        out.stderr
    );
    assert!(out.stdout.contains("No differences."), "{}", out.stdout);
}

#[test]
fn findings_in_a_revision_name_rev_and_path() {
    let repo = repository();
    let out = in_dir(
        repo.path(),
        &[
            "diff",
            "HEAD~1:assessments/chat.yaml",
            "HEAD:assessments/chat.yaml",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("--> HEAD:assessments/chat.yaml:38:29"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_path_or_bad_revision_exits_2_with_gits_reason() {
    let repo = repository();
    let out = in_dir(
        repo.path(),
        &[
            "diff",
            "HEAD~1:assessments/nope.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("HEAD~1:assessments/nope.yaml: git cannot read it"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("does not exist in 'HEAD~1'"),
        "git's own reason: {}",
        out.stderr
    );
    let out = in_dir(
        repo.path(),
        &[
            "diff",
            "no-such-rev:assessments/chat.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("no-such-rev:assessments/chat.yaml: git cannot read it"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("fatal:"),
        "git's own reason: {}",
        out.stderr
    );
}

#[test]
fn a_revision_never_reaches_a_shell_or_an_option() {
    let repo = repository();
    for rev in ["--output=pwned", "$(touch pwned)", "`touch pwned`;x"] {
        let out = in_dir(
            repo.path(),
            &[
                "diff",
                &format!("{rev}:assessments/chat.yaml"),
                "assessments/chat.yaml",
            ],
        );
        assert_eq!(out.code, 2, "{rev}: {}", out.stderr);
        assert!(!repo.path().join("pwned").exists(), "{rev}");
    }
}

#[test]
fn an_existing_file_with_a_colon_is_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(root().join(V1), dir.path().join("v1:old.yaml")).expect("copy");
    std::fs::copy(root().join(V1), dir.path().join("new.yaml")).expect("copy");
    let out = in_dir(dir.path(), &["diff", "v1:old.yaml", "new.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn without_git_a_revision_exits_2_saying_so() {
    let repo = repository();
    let empty = tempfile::tempdir().expect("tempdir");
    let mut cmd = hrdd();
    cmd.current_dir(repo.path()).env("PATH", empty.path());
    let out = run_with(
        cmd,
        &[
            "diff",
            "HEAD~1:assessments/chat.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("needs the `git` program"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_report_compares_with_a_previous_version_from_git() {
    let repo = repository();
    let by_rev = in_dir(
        repo.path(),
        &[
            "report",
            "--format",
            "md",
            "--audience",
            "board",
            "--previous",
            "HEAD~2:assessments/chat.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(by_rev.code, 0, "{}", by_rev.stderr);
    let v1 = repo.path().join("v1.yaml");
    std::fs::copy(root().join(V1), &v1).expect("copy");
    let by_file = in_dir(
        repo.path(),
        &[
            "report",
            "--format",
            "md",
            "--audience",
            "board",
            "--previous",
            "v1.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(by_file.code, 0, "{}", by_file.stderr);
    assert_eq!(
        by_rev.stdout, by_file.stdout,
        "a revision reads like the file it holds"
    );
    assert!(
        by_rev.stdout.contains("### Changes since version"),
        "{}",
        by_rev.stdout
    );
    let bad = in_dir(
        repo.path(),
        &[
            "report",
            "--format",
            "md",
            "--previous",
            "nope:assessments/chat.yaml",
            "assessments/chat.yaml",
        ],
    );
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}
