//! `validate DIR` and `check DIR`: recursive search, hidden folders, `exclude`, summary,
//! problems met on the way.

use std::path::Path;

use crate::support::{examples, hrdd, root, run, run_with};

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
    std::fs::copy(root().join(from), to).expect("copy");
}

/// A project with assessments in several folders, and files that must be left alone.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    copy(
        "tests/fixtures/valid.yaml",
        &p.join("assessments/a/valid.yaml"),
    );
    copy(
        "tests/fixtures/rules/S004-unknown-key.yaml",
        &p.join("assessments/b/nested/bad.yml"),
    );
    copy(
        "tests/fixtures/rules/S004-unknown-key.yaml",
        &p.join("assessments/.hidden/bad.yaml"),
    );
    copy(
        "tests/fixtures/rules/S004-unknown-key.yaml",
        &p.join("assessments/drafts/draft.yaml"),
    );
    std::fs::create_dir_all(p.join("assessments/ci")).expect("mkdir");
    std::fs::write(
        p.join("assessments/ci/workflow.yml"),
        "name: CI\non: [push]\njobs: {}\n",
    )
    .expect("write");
    std::fs::write(p.join("assessments/notes.txt"), "not YAML").expect("write");
    std::fs::write(
        p.join("hrdd.toml"),
        "[files]\nexclude = [\"assessments/drafts/**\"]\n",
    )
    .expect("write");
    dir
}

#[test]
fn a_folder_is_searched_recursively_skipping_hidden_excluded_and_other_yaml() {
    let dir = project();
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(cmd, &["validate", "assessments"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let e = &out.stderr;
    assert!(e.contains("error[S004]"), "{e}");
    assert!(e.contains("assessments/b/nested/bad.yml:"), "{e}");
    assert!(!e.contains(".hidden"), "hidden folders are skipped: {e}");
    assert!(!e.contains("drafts"), "excluded folders are skipped: {e}");
    let a = e
        .find("assessments/a/valid.yaml: ok")
        .expect("a line per file");
    let b = e
        .find("assessments/b/nested/bad.yml: 1 error, 0 warnings")
        .expect("a line per file");
    assert!(a < b, "files in path order: {e}");
    assert!(
        e.contains("skipped assessments/ci/workflow.yml: no top-level `hrdd:` key"),
        "{e}"
    );
    assert!(
        e.trim_end()
            .ends_with("2 files checked: 1 error, 0 warnings"),
        "{e}"
    );
}

#[test]
fn json_reports_every_file_of_a_folder() {
    let dir = project();
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(cmd, &["check", "--format", "json", "."]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(json["summary"]["files"], 2);
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["file"].as_str())
        .collect();
    assert_eq!(
        files,
        ["assessments/b/nested/bad.yml"],
        "`.` gives plain relative names"
    );
}

#[test]
fn exclude_globs_are_relative_to_hrdd_toml_wherever_hrdd_runs() {
    let dir = project();
    let mut cmd = hrdd();
    cmd.current_dir(dir.path().join("assessments"));
    let out = run_with(cmd, &["validate", "."]);
    assert!(!out.stderr.contains("draft"), "{}", out.stderr);
    assert!(out.stderr.contains("2 files checked"), "{}", out.stderr);
}

#[test]
fn a_file_named_on_the_command_line_is_always_checked() {
    let dir = project();
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(
        cmd,
        &[
            "validate",
            "assessments/drafts/draft.yaml",
            "assessments/ci/workflow.yml",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("assessments/drafts/draft.yaml:"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("assessments/ci/workflow.yml:"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_reported_without_stopping_the_walk() {
    let dir = project();
    let p = dir.path().join("assessments");
    std::os::unix::fs::symlink(&p, p.join("a/loop")).expect("symlink");
    std::os::unix::fs::symlink(p.join("nowhere.yaml"), p.join("a/gone.yaml")).expect("symlink");
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(cmd, &["validate", "assessments"]);
    assert_eq!(out.code, 2, "I/O problems exit 2: {}", out.stderr);
    assert!(out.stderr.contains("assessments/a/loop"), "{}", out.stderr);
    assert!(out.stderr.contains("symbolic link loop"), "{}", out.stderr);
    assert!(
        out.stderr.contains("assessments/a/gone.yaml"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("error[S004]"),
        "the walk went on: {}",
        out.stderr
    );
    assert!(out.stderr.contains("2 files checked"), "{}", out.stderr);
}

#[test]
fn a_folder_without_assessments_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ci.yml"), "name: CI\n").expect("write");
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(cmd, &["validate", "."]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no assessment files found in ."),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("1 YAML file without a top-level `hrdd:` key"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_exclude_glob_exits_2_naming_the_line() {
    let dir = project();
    std::fs::write(
        dir.path().join("hrdd.toml"),
        "[files]\nexclude = [\"a/{b\"]\n",
    )
    .expect("write");
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let out = run_with(cmd, &["validate", "assessments"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("hrdd.toml:2:"), "{}", out.stderr);
    assert!(out.stderr.contains("not a valid glob"), "{}", out.stderr);
}

#[test]
fn the_examples_folder_passes_check() {
    if examples().is_empty() {
        return;
    }
    let out = run(&["check", "examples"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(&format!("{} files checked: 0 errors", examples().len())),
        "{}",
        out.stderr
    );
}

#[test]
fn paths_ignored_by_git_are_skipped_inside_a_work_tree() {
    let dir = project();
    let p = dir.path();
    copy(
        "tests/fixtures/rules/S004-unknown-key.yaml",
        &p.join("assessments/build/generated.yaml"),
    );
    std::fs::write(p.join(".gitignore"), "build/\n").expect("write");
    let mut cmd = hrdd();
    cmd.current_dir(p);
    let outside = run_with(cmd, &["validate", "assessments"]);
    assert!(
        outside.stderr.contains("build/generated.yaml"),
        "no work tree, no ignoring: {}",
        outside.stderr
    );
    let init = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(p)
        .output()
        .expect("git runs");
    assert!(init.status.success());
    let mut cmd = hrdd();
    cmd.current_dir(p);
    let inside = run_with(cmd, &["validate", "assessments"]);
    assert!(
        !inside.stderr.contains("generated.yaml"),
        "{}",
        inside.stderr
    );
    assert!(
        inside.stderr.contains("2 files checked"),
        "{}",
        inside.stderr
    );
}

#[test]
fn a_large_folder_is_checked_in_parallel_with_a_stable_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let valid = std::fs::read_to_string(crate::support::root().join("tests/fixtures/valid.yaml"))
        .expect("fixture");
    let broken = std::fs::read_to_string(
        crate::support::root().join("tests/fixtures/rules/S011-dangling-reference.yaml"),
    )
    .expect("fixture");
    for i in 0..60 {
        let text = if i % 7 == 3 { &broken } else { &valid };
        std::fs::write(dir.path().join(format!("a-{i:02}.yaml")), text).expect("write");
    }
    let folder = dir.path().to_str().expect("utf-8");
    let first = crate::support::run(&["validate", "--format", "json", folder]);
    let second = crate::support::run(&["validate", "--format", "json", folder]);
    assert_eq!(first.code, 1);
    assert_eq!(first.stdout, second.stdout, "byte-identical across runs");
    let json: serde_json::Value = serde_json::from_str(&first.stdout).expect("json");
    assert_eq!(json["summary"]["files"], 60);
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "S011")
        .map(|d| d["file"].as_str().expect("file"))
        .collect();
    let mut sorted = files.clone();
    sorted.sort_unstable();
    assert_eq!(files, sorted, "findings follow the sorted file order");
    assert_eq!(files.len(), 9);
}
