//! `hrdd init`: every kind writes a commented starting assessment that validates cleanly.

use crate::support::{findings, root, run, schema_errors};

const KINDS: [&str; 4] = ["ai-system", "platform", "telecom", "procurement"];

#[test]
fn every_kind_validates_without_findings_and_matches_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/hrdd.schema.json")).expect("schema"),
    )
    .expect("JSON");
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in KINDS {
        let path = dir.path().join(format!("{kind}.yaml"));
        let target = path.to_str().expect("utf-8");
        let out = run(&["init", "--kind", kind, "-o", target]);
        assert_eq!(out.code, 0, "{kind}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{kind}: the file is not echoed");
        assert!(
            out.stderr
                .contains(&format!("next: `hrdd validate {target}`"))
        );

        let text = std::fs::read_to_string(&path).expect("written");
        assert!(
            text.starts_with("# yaml-language-server: $schema=hrdd.schema.json\n"),
            "{kind}: the schema line comes first"
        );
        assert!(text.contains(&format!("hrdd init --kind {kind}")));
        // Dates come from HRDD_TODAY (2026-11-23), so the file is not born overdue.
        assert!(text.contains("assessed_on: 2026-11-23"), "{kind}");
        assert!(text.contains("next_review: 2027-11-23"), "{kind}");
        assert!(text.contains("due: 2027-02-23"), "{kind}");

        let (code, json) = findings(&["validate", "--format", "json", target]);
        assert_eq!(code, 0, "{kind}: {json}");
        assert_eq!(json["summary"]["errors"], 0, "{kind}: {json}");
        assert_eq!(json["summary"]["warnings"], 0, "{kind}: {json}");

        let instance: serde_json::Value = serde_saphyr::from_str(&text).expect("YAML");
        assert_eq!(
            schema_errors(&schema, &instance),
            Vec::<String>::new(),
            "{kind}"
        );

        let assess = run(&["assess", "--format", "json", target]);
        assert_eq!(assess.code, 0, "{kind}: {}", assess.stderr);
    }
}

#[test]
fn kinds_start_with_what_is_typical_of_them() {
    let expect = [
        ("ai-system", "layer: ai-model"),
        ("platform", "id: moderation"),
        ("telecom", "id: network-shutdown"),
        ("procurement", "type: use-leverage"),
    ];
    for (kind, text) in expect {
        let out = run(&["init", "--kind", kind]);
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains(text), "{kind} lacks `{text}`");
    }
    let default = run(&["init"]);
    assert_eq!(default.stdout, run(&["init", "--kind", "ai-system"]).stdout);
    assert!(default.stdout.contains("hrdd validate FILE"));
}

#[test]
fn the_schema_line_points_where_asked() {
    let out = run(&["init", "--schema", "https://example.org/hrdd.schema.json"]);
    assert!(
        out.stdout
            .starts_with("# yaml-language-server: $schema=https://example.org/hrdd.schema.json\n")
    );
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("mine.yaml");
    std::fs::write(&path, "my work\n").expect("write");
    let target = path.to_str().expect("utf-8");

    let out = run(&["init", "-o", target]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("refusing to overwrite"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "my work\n");

    let out = run(&["init", "-o", target, "--force"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .contains("hrdd: 1")
    );
}

#[test]
fn a_schema_value_cannot_break_out_of_its_comment() {
    let out = run(&["init", "--schema", "x.json\nhrdd: 2"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("--schema must be one line"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn force_needs_an_output_file() {
    let out = run(&["init", "--force"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--output"), "{}", out.stderr);
}
