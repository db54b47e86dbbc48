//! Hostile and broken input: a finding or an I/O error, never a panic.

use crate::support::{findings, hrdd};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_str().expect("utf-8 path").to_owned()
}

fn only_code(path: &str) -> (i32, String, String) {
    let (code, json) = findings(&["validate", "--format", "json", path]);
    let d = &json["diagnostics"][0];
    (
        code,
        d["code"].as_str().unwrap_or_default().to_owned(),
        d["message"].as_str().unwrap_or_default().to_owned(),
    )
}

#[test]
fn alias_bomb_ends_quickly_with_a_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut prev = "a";
    for n in names {
        bomb.push_str(&format!(
            "{n}: &{n} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = n;
    }
    let path = write(&dir, "bomb.yaml", bomb.as_bytes());
    // Typed parsing stops at the first key the format does not define, before any expansion.
    let (code, rule, message) = only_code(&path);
    assert_eq!((code, rule.as_str()), (1, "S004"), "{message}");
}

#[test]
fn an_alias_flood_is_refused_by_the_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = std::fs::read_to_string(crate::support::root().join("tests/fixtures/valid.yaml"))
        .expect("fixture");
    let flood = format!("[&p {{id: a, name: b}}{}]", ", *p".repeat(500));
    let text = base.replacen(
        "products:\n  - id: messenger\n    name: Messenger app\n",
        &format!("products: {flood}\n"),
        1,
    );
    assert_ne!(text, base);
    let path = write(&dir, "flood.yaml", text.as_bytes());
    let (code, rule, message) = only_code(&path);
    assert_eq!((code, rule.as_str()), (1, "S015"), "{message}");
    assert!(message.contains("alias"), "{message}");
}

#[test]
fn deep_nesting_is_refused_by_the_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!("{}{}", "[".repeat(20_000), "]".repeat(20_000));
    let path = write(&dir, "deep.yaml", deep.as_bytes());
    let (code, rule, _) = only_code(&path);
    assert_eq!((code, rule.as_str()), (1, "S015"));
}

#[test]
fn a_file_above_the_size_limit_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "big.yaml", &vec![b'#'; 2048]);
    let cfg = write(&dir, "hrdd.toml", b"[limits]\nmax_file_bytes = 1024\n");
    let out = hrdd()
        .args(["--config", &cfg, "validate", "--format", "json", &path])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json["diagnostics"][0]["code"], "S015");
    assert!(
        json["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("1024 bytes")
    );
}

#[test]
fn broken_files_get_located_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&str, &[u8], &str); 6] = [
        ("empty.yaml", b"", "S001"),
        ("latin1.yaml", b"hrdd: 1\ntitle: caf\xe9\n", "S001"),
        ("list.yaml", b"- a\n- b\n", "S002"),
        ("scalar.yaml", b"just text\n", "S002"),
        ("tabs.yaml", b"hrdd: 1\nassessment:\n\tid: x\n", "S001"),
        ("two-docs.yaml", b"hrdd: 1\n---\nhrdd: 1\n", "S003"),
    ];
    for (name, bytes, expected) in cases {
        let path = write(&dir, name, bytes);
        let (code, json) = findings(&["validate", "--format", "json", &path]);
        assert_eq!(code, 1, "{name}");
        let d = &json["diagnostics"][0];
        assert_eq!(d["code"], expected, "{name}: {d}");
        assert!(
            d["line"].as_u64().is_some_and(|l| l >= 1),
            "{name}: located"
        );
    }
}

#[test]
fn non_utf8_is_located_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "latin1.yaml", b"hrdd: 1\ntitle: caf\xe9\n");
    let (_, json) = findings(&["validate", "--format", "json", &path]);
    assert_eq!(json["diagnostics"][0]["line"], 2);
    assert_eq!(json["diagnostics"][0]["column"], 11);
}

#[test]
fn an_unreadable_path_exits_2_and_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(&dir, "file.yaml", b"hrdd: 1\n");
    // A path that goes through a regular file cannot be read, whoever runs the test.
    let path = format!("{file}/inner.yaml");
    hrdd()
        .args(["validate", &path])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(path.as_str()));
}

#[test]
fn a_second_document_after_a_valid_one_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = std::fs::read_to_string(crate::support::root().join("tests/fixtures/valid.yaml"))
        .expect("fixture");
    let path = write(&dir, "two.yaml", format!("{base}---\nhrdd: 1\n").as_bytes());
    let (code, rule, message) = only_code(&path);
    assert_eq!((code, rule.as_str()), (1, "S001"), "{message}");
    assert!(message.contains("more than one YAML document"), "{message}");
}

#[path = "../../benches/support/corpus.rs"]
mod corpus;

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "big.yaml", corpus::assessment(5_000, 7).as_bytes());
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hrdd"))
        .args(["--today", "2026-11-23", "assess", &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("first line");
    // The reader is dropped here: hrdd writes the rest of the table into a closed pipe.
    assert!(first.contains("Synthetic assessment 7"), "{first}");
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

#[test]
fn a_legitimate_10000_risk_file_passes_the_budget() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "big.yaml", corpus::assessment(10_000, 3).as_bytes());
    let (code, json) = findings(&["validate", "--format", "json", &path]);
    assert_eq!(code, 0, "{}", json["diagnostics"][0]);
    assert_eq!(json["summary"]["errors"], 0);
}

#[test]
fn a_huge_scalar_within_the_limits_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = std::fs::read_to_string(crate::support::root().join("tests/fixtures/valid.yaml"))
        .expect("fixture");
    let title = "x".repeat(8 * 1024 * 1024);
    let text = base.replacen("Messaging app human rights impact assessment", &title, 1);
    let path = write(&dir, "huge.yaml", text.as_bytes());
    let (code, json) = findings(&["validate", "--format", "json", &path]);
    assert_eq!((code, &json["diagnostics"]), (0, &serde_json::json!([])));
}
