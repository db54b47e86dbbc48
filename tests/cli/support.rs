//! A small builder so a test reads as: arguments, then what comes out.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root: tests run there and name files relative to it.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shipped examples, sorted (none while `examples/` holds no assessment).
pub fn examples() -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(root().join("examples")) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = dir
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.strip_prefix(root()).expect("under root").to_owned())
        .collect();
    v.sort();
    v
}

/// `hrdd` run from the repository root with a fixed date and no colour.
pub fn hrdd() -> Command {
    let mut cmd = Command::cargo_bin("hrdd").expect("the hrdd binary builds");
    cmd.current_dir(root())
        .env("HRDD_TODAY", "2026-11-23")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// What a run printed and how it ended.
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `hrdd ARGS` and captures everything.
pub fn run(args: &[&str]) -> Output {
    run_with(hrdd(), args)
}

/// Runs a prepared command with `args`.
pub fn run_with(mut cmd: Command, args: &[&str]) -> Output {
    let out = cmd.args(args).output().expect("hrdd runs");
    Output {
        code: out
            .status
            .code()
            .expect("hrdd exits, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `--format json` findings of one run.
pub fn findings(args: &[&str]) -> (i32, serde_json::Value) {
    let out = run(args);
    let json = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("stdout is JSON ({e}): {}\n{}", out.stdout, out.stderr));
    (out.code, json)
}

/// Every way `instance` breaks `schema` (formats checked too), as `path: error` lines.
pub fn schema_errors(schema: &serde_json::Value, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The YAML fixtures of a folder under the root, sorted: each as (relative path, text).
pub fn fixtures(dir: &str) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("fixture folder")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let rel = path
                .strip_prefix(root())
                .expect("under root")
                .to_str()
                .expect("utf-8 path")
                .to_owned();
            let text = std::fs::read_to_string(&path).expect("fixture readable");
            (rel, text)
        })
        .collect()
}

/// The fixture whose confidential fields, organisations, owners and assessors' names each
/// hold a unique marker (`CONF-MARKER-nn`, `ORG-MARKER-nn`, `OWNER-MARKER-nn`, `NAME-MARKER-nn`).
pub const CONFIDENTIAL: &str = "tests/fixtures/report/confidential.yaml";

/// Every marker string of [`CONFIDENTIAL`] with `prefix`, found by pattern rather than listed
/// by hand.
pub fn markers(prefix: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join(CONFIDENTIAL)).expect("fixture");
    let mut found: Vec<String> = text
        .match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &text[i + prefix.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (!digits.is_empty()).then(|| format!("{prefix}{digits}"))
        })
        .collect();
    found.sort();
    found.dedup();
    found
}
