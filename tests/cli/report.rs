//! `hrdd report` and `hrdd templates`: content per audience, redaction, escaping, determinism,
//! custom templates and atomic output.

use std::path::{Path, PathBuf};

use crate::support::{CONFIDENTIAL, examples, hrdd, markers, root, run, run_with};

const AUDIENCES: [&str; 3] = ["internal", "board", "public"];
const FORMATS: [&str; 2] = ["md", "html"];

/// The fixtures every report test runs over, then whatever examples exist.
fn inputs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = [
        "tests/fixtures/valid.yaml",
        "tests/fixtures/ranking.yaml",
        CONFIDENTIAL,
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    v.extend(examples());
    v
}

fn report(file: &str, format: &str, audience: &str) -> String {
    let out = run(&["report", file, "--format", format, "--audience", audience]);
    assert_eq!(out.code, 0, "{file} {format} {audience}: {}", out.stderr);
    out.stdout
}

/// The inline stylesheet is pinned once (`report_html_full`), not in every snapshot.
fn without_style(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}<style>…</style>{}", &html[..a], &html[b + 8..]),
        _ => html.to_owned(),
    }
}

#[test]
fn snapshots_of_every_audience_and_format() {
    for input in inputs() {
        let file = input.to_str().expect("utf-8");
        let stem = input.file_stem().expect("stem").to_string_lossy();
        for audience in AUDIENCES {
            for format in FORMATS {
                let text = report(file, format, audience);
                let text = if format == "html" {
                    without_style(&text)
                } else {
                    text
                };
                insta::assert_snapshot!(format!("report_{stem}_{audience}_{format}"), text);
            }
        }
    }
}

#[test]
fn full_html_with_its_stylesheet() {
    let html = report("tests/fixtures/valid.yaml", "html", "internal");
    insta::assert_snapshot!("report_html_full", html);
}

#[test]
fn confidential_markers_never_reach_public_or_board_reports() {
    let confidential = markers("CONF-MARKER-");
    let organisations = markers("ORG-MARKER-");
    let owners = markers("OWNER-MARKER-");
    let names = markers("NAME-MARKER-");
    assert!(confidential.len() >= 30, "{confidential:?}");
    assert_eq!((organisations.len(), owners.len(), names.len()), (3, 2, 1));
    let all: Vec<&String> = confidential
        .iter()
        .chain(&organisations)
        .chain(&owners)
        .chain(&names)
        .collect();
    for format in FORMATS {
        // The fixture really puts every marker into a rendered field.
        let internal = report(CONFIDENTIAL, format, "internal");
        for m in &all {
            assert!(internal.contains(m.as_str()), "internal {format} lacks {m}");
        }
        let public = report(CONFIDENTIAL, format, "public");
        for m in &all {
            assert!(!public.contains(m.as_str()), "public {format} shows {m}");
        }
        let board = report(CONFIDENTIAL, format, "board");
        for m in confidential.iter().chain(&organisations) {
            assert!(!board.contains(m.as_str()), "board {format} shows {m}");
        }
        // Owners and assessors of items that are not confidential are the board's business.
        for m in owners.iter().chain(&names) {
            assert!(board.contains(m.as_str()), "board {format} lacks {m}");
        }
        // What may be shown still is.
        for report in [&public, &board] {
            assert!(report.contains("Public risk that references confidential items"));
            assert!(report.contains("Public mitigation action"));
            assert!(report.contains("Public grievance form"));
            assert!(report.contains("M-public"), "the public warning is kept");
        }
    }
}

#[test]
fn board_counts_confidential_items_and_public_does_not() {
    let board = report(CONFIDENTIAL, "md", "board");
    assert!(
        board.contains(
            "Items marked confidential are counted, not shown: 1 risk, 1 product, 1 relationship, \
             1 rights-holder group, 1 right, 1 mitigation, 1 remedy channel, 1 engagement. \
             1 confidential risk is salient. 1 confidential action is overdue. \
             3 open warnings concern confidential items."
        ),
        "{board}"
    );
    assert!(board.contains(
        "- **Confidential links:** 1 product, 1 relationship, 1 rights-holder group, 1 right, \
         1 mitigation, 1 remedy channel, 1 engagement: not shown in this report"
    ));
    let public = report(CONFIDENTIAL, "md", "public");
    for word in ["counted", "Confidential links", "confidential risk"] {
        assert!(!public.contains(word), "public report says `{word}`");
    }
    // The confidential critical risk ranks first internally; publicly the ranks close up.
    assert!(public.contains("### 1. Public risk that references confidential items"));
    let internal = report(CONFIDENTIAL, "md", "internal");
    assert!(internal.contains("### 2. Public risk that references confidential items"));
}

#[test]
fn hostile_text_is_escaped() {
    let file = "tests/fixtures/report/xss.yaml";
    for audience in AUDIENCES {
        let html = report(file, "html", audience);
        // minijinja also escapes `/` (as `&#x2f;`).
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
            "{audience}: the title is not shown as text"
        );
        for raw in [
            "<script",
            "<img",
            "<iframe",
            "<svg onload",
            "</textarea>",
            "\" onmouseover=\"",
            "<b>",
        ] {
            assert!(!html.contains(raw), "{audience}: `{raw}` is live HTML");
        }
        let md = report(file, "md", audience);
        for raw in ["<script", "<img", "<iframe", "<svg", "</textarea>", "<b>"] {
            assert!(!md.contains(raw), "{audience}: `{raw}` is live in Markdown");
        }
        assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

#[test]
fn the_same_input_gives_byte_identical_reports() {
    let largest = inputs()
        .into_iter()
        .max_by_key(|p| std::fs::metadata(root().join(p)).map_or(0, |m| m.len()))
        .expect("an input");
    let file = largest.to_str().expect("utf-8");
    for audience in AUDIENCES {
        for format in FORMATS {
            let one = report(file, format, audience);
            let two = report(file, format, audience);
            assert!(
                one == two,
                "{file} {format} {audience} differs between runs"
            );
        }
    }
}

#[test]
fn no_date_is_printed_unless_today_is_given() {
    let mut cmd = hrdd();
    cmd.env_remove("HRDD_TODAY");
    let out = run_with(
        cmd,
        &["report", "tests/fixtures/valid.yaml", "--format", "md"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains("Overdue as of"));
    assert!(out.stdout.contains("version 2026.1.\n"), "{}", out.stdout);
    let given = report("tests/fixtures/valid.yaml", "md", "internal");
    assert!(given.contains("Overdue as of 2026-11-23."));
    assert!(given.contains("version 2026.1, on 2026-11-23.\n"));
}

#[test]
fn html_is_self_contained_and_accessible() {
    for audience in AUDIENCES {
        let html = report(CONFIDENTIAL, "html", audience);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        for external in ["<script", "src=", "href=\"http", "@import", "url(", "<link"] {
            assert!(!html.contains(external), "{audience}: `{external}`");
        }
        assert!(html.contains("@media print"));
        assert!(html.contains("<svg") && html.contains("role=\"img\""));
        // Headings never skip a level.
        let mut last = 0;
        for (i, _) in html.match_indices("<h") {
            let Some(level) = html[i + 2..].chars().next().and_then(|c| c.to_digit(10)) else {
                continue;
            };
            assert!(level <= last + 1, "{audience}: h{level} after h{last}");
            last = level;
        }
        // Every table has header cells with a scope.
        for table in html.split("<table>").skip(1) {
            let table = &table[..table.find("</table>").expect("closed")];
            assert!(table.contains("<th scope="), "{audience}: {table}");
        }
        // Bands are written out, never colour alone.
        assert!(html.contains("<span class=\"band band-high\">High · salient</span>"));
    }
}

#[test]
fn alternative_methods_carry_the_departure_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("hrdd.toml");
    std::fs::write(&cfg, "[scoring]\nmethod = \"matrix\"\n").expect("write");
    for format in FORMATS {
        for audience in AUDIENCES {
            let out = run(&[
                "--config",
                cfg.to_str().expect("utf-8"),
                "report",
                "tests/fixtures/ranking.yaml",
                "--format",
                format,
                "--audience",
                audience,
            ]);
            assert_eq!(out.code, 0, "{}", out.stderr);
            assert!(
                out.stdout.contains("departs from UNGP 24"),
                "{format} {audience}"
            );
        }
    }
    let plain = report("tests/fixtures/ranking.yaml", "html", "board");
    assert!(!plain.contains("departs from"));
}

#[test]
fn board_report_lists_changes_since_the_previous_version() {
    let out = run(&[
        "report",
        "tests/fixtures/ranking.yaml",
        "--previous",
        "tests/fixtures/report/ranking-previous.yaml",
        "--format",
        "md",
        "--audience",
        "board",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let start = out
        .stdout
        .find("### Changes since")
        .expect("a changes section");
    let end = start + out.stdout[start..].find("\n## ").expect("a next section");
    insta::assert_snapshot!("report_changes_board", &out.stdout[start..end]);
}

#[test]
fn an_invalid_assessment_is_not_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("report.html");
    let out = run(&[
        "report",
        "tests/fixtures/many-problems.yaml",
        "--format",
        "html",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("error[C001]"), "{}", out.stderr);
    assert!(!target.exists());
    let previous = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--previous",
        "tests/fixtures/many-problems.yaml",
        "--format",
        "md",
    ]);
    assert_eq!(previous.code, 1);
    assert!(previous.stdout.is_empty());
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn output_is_written_atomically_and_matches_stdout() {
    let dir = tempfile::tempdir().expect("tempdir");
    for format in FORMATS {
        let target = dir.path().join(format!("report.{format}"));
        let out = run(&[
            "report",
            "tests/fixtures/valid.yaml",
            "--format",
            format,
            "-o",
            target.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.is_empty());
        let written = std::fs::read_to_string(&target).expect("written");
        assert_eq!(
            written,
            report("tests/fixtures/valid.yaml", format, "internal")
        );
    }
    assert_eq!(file_names(dir.path()), ["report.html", "report.md"]);
}

#[test]
fn an_input_file_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("assessment.yaml");
    let original = std::fs::read(root().join("tests/fixtures/valid.yaml")).expect("fixture");
    std::fs::write(&input, &original).expect("write");
    let previous = dir.path().join("previous.yaml");
    std::fs::write(&previous, &original).expect("write");
    let spellings = [
        input.clone(),
        dir.path().join(".").join("assessment.yaml"),
        previous.clone(),
    ];
    for target in &spellings {
        let out = run(&[
            "report",
            input.to_str().expect("utf-8"),
            "--previous",
            previous.to_str().expect("utf-8"),
            "--format",
            "html",
            "-o",
            target.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stderr.contains("refusing to write"), "{}", out.stderr);
    }
    #[cfg(unix)]
    {
        let link = dir.path().join("link.yaml");
        std::os::unix::fs::symlink(&input, &link).expect("symlink");
        let out = run(&[
            "report",
            input.to_str().expect("utf-8"),
            "--format",
            "md",
            "-o",
            link.to_str().expect("utf-8"),
        ]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        std::fs::remove_file(&link).expect("remove link");
    }
    assert_eq!(std::fs::read(&input).expect("input"), original);
    assert_eq!(std::fs::read(&previous).expect("previous"), original);
    assert_eq!(file_names(dir.path()), ["assessment.yaml", "previous.yaml"]);
}

#[test]
fn output_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("missing").join("report.md");
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "md",
        "-o",
        target.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("cannot write"), "{}", out.stderr);
}

fn templates_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

#[test]
fn a_custom_template_overrides_the_built_in_one_by_name() {
    let dir = templates_dir(&[(
        "report.md.j2",
        "Custom: {{ assessment.title }} ({{ risks|length }} risks, first {{ risks[0].id }})\n",
    )]);
    let out = run(&[
        "report",
        "tests/fixtures/ranking.yaml",
        "--format",
        "md",
        "--templates",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "Custom: Ranking fixture (10 risks, first R-irreversible)\n"
    );
}

#[test]
fn a_custom_partial_is_used_inside_the_built_in_report() {
    let dir = templates_dir(&[(
        "partials/risk.md.j2",
        "RISK {{ risk.rank }} {{ risk.id }}\n",
    )]);
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "md",
        "--templates",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("RISK 1 R-1\n"), "{}", out.stdout);
    assert!(out.stdout.contains("## About this assessment"));
}

#[test]
fn templates_can_be_set_in_hrdd_toml() {
    let dir = templates_dir(&[
        ("hrdd.toml", "templates = \"my-templates\"\n"),
        (
            "my-templates/report.html.j2",
            "<p>{{ assessment.title }}</p>\n",
        ),
    ]);
    let out = run(&[
        "--config",
        dir.path().join("hrdd.toml").to_str().expect("utf-8"),
        "report",
        "tests/fixtures/report/xss.yaml",
        "--format",
        "html",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Autoescaping applies to custom HTML templates too.
    assert_eq!(
        out.stdout,
        "<p>&lt;script&gt;alert(1)&lt;&#x2f;script&gt; assessment</p>\n"
    );
}

#[test]
fn a_typo_in_a_custom_template_names_the_template_and_line() {
    let dir = templates_dir(&[
        (
            "report.md.j2",
            "# {{ assessment.title }}\n\n{{ assessment.titel }}\n",
        ),
        (
            "partials/risk.md.j2",
            "{{ risk.id }}\n{% for x in risk.mitigations %}{{ x.owner }}{% endfor %}\n",
        ),
    ]);
    let path = dir.path().to_str().expect("utf-8");
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "md",
        "--templates",
        path,
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .contains("template `report.md.j2`, line 3: undefined value"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("{{ assessment.titel }}"),
        "{}",
        out.stderr
    );

    std::fs::remove_file(dir.path().join("report.md.j2")).expect("remove");
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "md",
        "--templates",
        path,
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("template `partials/risk.md.j2`, line 2: undefined value"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_broken_or_missing_template_folder_exits_2() {
    let dir = templates_dir(&[("report.html.j2", "{% if risks %}\n<p>unclosed\n")]);
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "html",
        "--templates",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("template `report.html.j2`") && out.stderr.contains("syntax error"),
        "{}",
        out.stderr
    );
    let missing = dir.path().join("nope");
    let out = run(&[
        "report",
        "tests/fixtures/valid.yaml",
        "--format",
        "html",
        "--templates",
        missing.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("templates directory"), "{}", out.stderr);
}

#[test]
fn dumped_templates_render_the_same_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_str().expect("utf-8");
    let out = run(&["templates", "--dump", path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let listed = run(&["templates"]);
    for name in listed.stdout.lines() {
        assert!(dir.path().join(name).is_file(), "{name} not dumped");
    }
    assert!(listed.stdout.lines().any(|l| l == "report.html.j2"));

    let again = run(&["templates", "--dump", path]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    let custom = dir.path().join("report.md.j2");
    std::fs::write(&custom, "changed\n").expect("write");
    let forced = run(&["templates", "--dump", path, "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_ne!(std::fs::read_to_string(&custom).expect("read"), "changed\n");

    for format in FORMATS {
        for audience in AUDIENCES {
            let with = run(&[
                "report",
                CONFIDENTIAL,
                "--format",
                format,
                "--audience",
                audience,
                "--templates",
                path,
            ]);
            assert_eq!(with.code, 0, "{}", with.stderr);
            assert!(with.stdout == report(CONFIDENTIAL, format, audience));
        }
    }
}

/// An assessment with `n` critical risks and no mitigation, written to `dir`.
fn many_salient_risks(dir: &Path, n: usize) -> PathBuf {
    let mut yaml = String::from(
        "hrdd: 1\nassessment:\n  id: many\n  title: Many salient risks\n  organization: Example Ltd\n  \
         version: \"1\"\n  status: draft\n  assessed_on: 2026-01-01\n  next_review: 2027-01-01\n  \
         owner: Lead\nproducts:\n  - id: app\n    name: App\nrights_holders:\n  - id: users\n    \
         name: Users\nrisks:\n",
    );
    for i in 0..n {
        yaml.push_str(&format!(
            "  - id: R-{i:02}\n    title: Risk {i:02}\n    products: [app]\n    rights: [privacy]\n    \
             rights_holders: [users]\n    impact: potential\n    involvement: cause\n    severity:\n      \
             scale: 5\n      scope: 3\n      remediability: 3\n      rationale: Grave.\n    likelihood: 3\n"
        ));
    }
    let path = dir.join("many.yaml");
    std::fs::write(&path, yaml).expect("write");
    path
}

#[test]
fn the_board_summary_stays_short_with_many_salient_risks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = many_salient_risks(dir.path(), 20);
    let board = report(file.to_str().expect("utf-8"), "md", "board");
    let summary = &board[..board.find("## About this assessment").expect("about")];
    assert!(summary.contains("| 15 | Risk 14 |"), "{summary}");
    assert!(!summary.contains("| 16 |"), "{summary}");
    assert!(summary.contains("And 5 more salient risks: see the risk overview."));
    assert!(summary.contains(
        "2. Decide the response to 20 salient risks with no action planned: R-00, R-01,"
    ));
    let few = many_salient_risks(dir.path(), 2);
    let board = report(few.to_str().expect("utf-8"), "md", "board");
    assert!(
        board.contains("Decide the response to salient risk R-00 (Risk 00): no action is planned.")
    );
}

#[test]
fn dash_as_output_is_stdout_for_every_writing_command() {
    for args in [
        &["report", "tests/fixtures/valid.yaml", "--format", "md"][..],
        &["report", "examples", "--format", "md"],
        &["map", "tests/fixtures/valid.yaml"],
        &["export", "tests/fixtures/valid.yaml", "--format", "csv"],
    ] {
        let plain = run(args);
        let mut dashed = args.to_vec();
        dashed.extend(["-o", "-"]);
        let dash = run(&dashed);
        assert_eq!(dash.code, 0, "{args:?}: {}", dash.stderr);
        assert!(!plain.stdout.is_empty(), "{args:?}");
        assert_eq!(dash.stdout, plain.stdout, "{args:?}");
        assert!(
            !crate::support::root().join("-").exists(),
            "no file named `-`"
        );
    }
}
