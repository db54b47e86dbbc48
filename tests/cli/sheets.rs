//! `hrdd export` and `hrdd import`: the workbook round trip of every example, the CSV
//! register, the layout, redaction per audience, determinism, and import errors placed at
//! their sheet, row and column.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::Workbook;

use crate::support::{CONFIDENTIAL, examples, hrdd, markers, root, run, run_with};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary directory")
}

fn export(file: &str, format: &str, audience: &str, out: &Path) {
    let o = out.to_str().expect("utf-8");
    let r = run(&[
        "export",
        file,
        "--format",
        format,
        "--audience",
        audience,
        "-o",
        o,
    ]);
    assert_eq!(r.code, 0, "export {file} {format} {audience}: {}", r.stderr);
}

/// The YAML hrdd itself writes for a file: what an import should reproduce.
fn canonical_yaml(file: &Path) -> String {
    let text = std::fs::read_to_string(root().join(file)).expect("readable");
    let source = hrdd::load::SourceFile {
        name: file.display().to_string(),
        text,
    };
    let a = hrdd::load::parse(&source).expect("parses");
    hrdd::load::to_yaml(&a).expect("writes")
}

/// Every sheet as rows of cell texts.
fn workbook(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let bytes = std::fs::read(path).expect("workbook");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}

#[test]
fn every_example_round_trips_through_a_workbook() {
    let dir = tmp();
    let mut inputs: Vec<PathBuf> = examples();
    inputs.push(CONFIDENTIAL.into());
    inputs.push("tests/fixtures/ranking.yaml".into());
    inputs.push("tests/fixtures/sheets/awkward-text.yaml".into());
    assert!(inputs.len() >= 6);
    for input in inputs {
        let file = input.to_str().expect("utf-8");
        let stem = input.file_stem().expect("stem").to_string_lossy();
        let xlsx = dir.path().join(format!("{stem}.xlsx"));
        let yaml = dir.path().join(format!("{stem}.yaml"));
        export(file, "xlsx", "internal", &xlsx);
        let r = run(&[
            "import",
            xlsx.to_str().expect("utf-8"),
            "-o",
            yaml.to_str().expect("utf-8"),
        ]);
        assert_eq!(r.code, 0, "import {file}: {}", r.stderr);
        // The same model, written the same way: nothing lost, nothing added.
        let back = std::fs::read_to_string(&yaml).expect("written");
        assert_eq!(back, canonical_yaml(&input), "{file}: the YAML differs");
        // And so the same ranking.
        let before = run(&["assess", "--format", "json", file]);
        let after = run(&["assess", "--format", "json", yaml.to_str().expect("utf-8")]);
        assert_eq!((before.code, after.code), (0, 0), "{}", after.stderr);
        assert_eq!(before.stdout, after.stdout, "{file}: the ranking differs");
    }
}

#[test]
fn import_writes_to_stdout_without_output() {
    let dir = tmp();
    let xlsx = dir.path().join("a.xlsx");
    export("tests/fixtures/valid.yaml", "xlsx", "internal", &xlsx);
    let r = run(&["import", xlsx.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        canonical_yaml(Path::new("tests/fixtures/valid.yaml"))
    );
}

#[test]
fn workbook_has_a_sheet_per_part_with_headers() {
    let dir = tmp();
    let xlsx = dir.path().join("social.xlsx");
    export("examples/social-platform.yaml", "xlsx", "internal", &xlsx);
    let sheets = workbook(&xlsx);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Metadata",
            "Assessors",
            "Products",
            "Relationships",
            "Rights-holders",
            "Rights",
            "Risks",
            "Mitigations",
            "Indicators",
            "Remedy channels",
            "Engagements",
            "Organisations"
        ]
    );
    let headers: Vec<String> = sheets
        .iter()
        .map(|(n, rows)| format!("{n}: {}", rows[0].join(" | ")))
        .collect();
    insta::assert_snapshot!("sheets_headers", headers.join("\n"));
    let sheet = |name: &str| &sheets.iter().find(|(n, _)| n == name).expect(name).1;
    let metadata = sheet("Metadata");
    assert_eq!(metadata[1], ["hrdd", "1"]);
    assert_eq!(metadata[2], ["id", "agora-moderation-recommender"]);
    // Rank and band are computed: the first-ranked risk is critical or high.
    let risks = sheet("Risks");
    let first = risks.iter().find(|r| r[0] == "1").expect("rank 1");
    assert!(
        ["critical", "high"].contains(&first[1].as_str()),
        "{first:?}"
    );
    // A confidential organisation keeps its flag on its own sheet.
    let orgs = sheet("Organisations");
    assert!(orgs.iter().any(|r| r[2] == "true"), "{orgs:?}");
}

#[test]
fn two_exports_are_byte_identical() {
    let dir = tmp();
    for format in ["xlsx", "csv"] {
        for audience in ["internal", "public"] {
            let a = dir.path().join(format!("a-{audience}.{format}"));
            let b = dir.path().join(format!("b-{audience}.{format}"));
            export("examples/telecom-operator.yaml", format, audience, &a);
            export("examples/telecom-operator.yaml", format, audience, &b);
            let (x, y) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
            assert!(x == y, "{format} {audience}: two exports differ");
        }
    }
}

#[test]
fn csv_register_in_rank_order() {
    let r = run(&["export", "tests/fixtures/ranking.yaml", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("sheets_csv_ranking", r.stdout);
    let ranks: Vec<&str> = r
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("rank"))
        .collect();
    let expected: Vec<String> = (1..=ranks.len()).map(|i| i.to_string()).collect();
    assert_eq!(ranks, expected);
}

fn all_text(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "csv") {
        return std::fs::read_to_string(path).expect("csv");
    }
    workbook(path)
        .into_iter()
        .flat_map(|(_, rows)| rows.into_iter().flatten())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn nothing_confidential_reaches_a_public_or_board_spreadsheet() {
    let confidential = markers("CONF-MARKER-");
    let organisations = markers("ORG-MARKER-");
    let people: Vec<String> = markers("OWNER-MARKER-")
        .into_iter()
        .chain(markers("NAME-MARKER-"))
        .collect();
    assert!(confidential.len() >= 30);
    let dir = tmp();
    for format in ["xlsx", "csv"] {
        let path = |audience: &str| dir.path().join(format!("{audience}.{format}"));
        for audience in ["internal", "board", "public"] {
            export(CONFIDENTIAL, format, audience, &path(audience));
        }
        let internal = all_text(&path("internal"));
        let board = all_text(&path("board"));
        let public = all_text(&path("public"));
        if format == "xlsx" {
            // The internal workbook really holds every marker (the CSV only the risks).
            for m in confidential.iter().chain(&organisations).chain(&people) {
                assert!(internal.contains(m.as_str()), "internal lacks {m}");
            }
            assert!(public.contains("withheld"));
        }
        for m in confidential.iter().chain(&organisations) {
            assert!(!board.contains(m.as_str()), "board {format} shows {m}");
            assert!(!public.contains(m.as_str()), "public {format} shows {m}");
        }
        for m in &people {
            assert!(!public.contains(m.as_str()), "public {format} shows {m}");
        }
        assert!(public.contains("Public risk that references confidential items"));
    }
    // A public workbook is still a valid assessment.
    let yaml = dir.path().join("public.yaml");
    let r = run(&[
        "import",
        dir.path().join("public.xlsx").to_str().expect("utf-8"),
        "-o",
        yaml.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// A workbook written cell by cell: (sheet, rows of cells; `#n` is a number).
fn build(path: &Path, sheets: &[(&str, &[&[&str]])]) {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                match cell.strip_prefix('#').and_then(|n| n.parse::<f64>().ok()) {
                    Some(n) => ws.write_number(r as u32, c as u16, n),
                    None => ws.write_string(r as u32, c as u16, *cell),
                }
                .expect("cell");
            }
        }
    }
    wb.save(path).expect("saved");
}

const METADATA: &[&[&str]] = &[
    &["field", "value"],
    &["hrdd", "#1"],
    &["id", "team-register"],
    &["title", "Team register"],
    &["organization", "Example Co"],
    &["version", "1"],
    &["status", "draft"],
    &["assessed_on", "2026-10-01"],
    &["next_review", "2027-04-01"],
    &["owner", "Human Rights Lead"],
];
const PRODUCTS: &[&[&str]] = &[&["id", "name"], &["app", "The app"]];
const HOLDERS: &[&[&str]] = &[&["id", "name"], &["users", "Users"]];
const RISK_HEADER: &[&str] = &[
    "id",
    "title",
    "products",
    "rights",
    "rights_holders",
    "impact",
    "involvement",
    "severity.scale",
    "severity.scope",
    "severity.remediability",
    "likelihood",
];

#[test]
fn import_reports_every_problem_with_sheet_row_and_column() {
    let dir = tmp();
    let path = dir.path().join("team.xlsx");
    let metadata: Vec<&[&str]> = METADATA
        .iter()
        .copied()
        .map(|row| match row[0] {
            "status" => &["status", "aproved"][..],
            "title" => &["titel", "Team register"][..],
            _ => row,
        })
        .collect();
    let risks: &[&[&str]] = &[
        &[
            "id",
            "title",
            "products",
            "rights",
            "rights_holders",
            "impact",
            "involvement",
            "severity.scale",
            "severity.scope",
            "likelyhood",
        ],
        &[
            "R1",
            "Harm",
            "app",
            "privacy",
            "users",
            "potential",
            "cause",
            "#4",
            "#3",
            "high",
        ],
        &[
            "R2", "", "app", "privacy", "users", "possible", "cause", "four", "#3", "#2",
        ],
    ];
    let mitigations: &[&[&str]] = &[
        &["id", "action", "type", "owner", "status"],
        &["M1", "Do it", "prevent", "Lead", "implemented"],
    ];
    let indicators: &[&[&str]] = &[
        &["mitigation", "name", "kind"],
        &["M2", "Complaints", "quantitative"],
    ];
    build(
        &path,
        &[
            ("Metadata", &metadata),
            ("Products", PRODUCTS),
            ("Risks", risks),
            ("Mitigations", mitigations),
            ("Indicators", indicators),
            ("Notes", &[&["anything"]]),
        ],
    );
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let r = run_with(cmd, &["import", "team.xlsx", "-o", "team.yaml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!dir.path().join("team.yaml").exists(), "nothing written");
    assert!(
        r.stderr.contains(
            "team.xlsx: sheet \"Risks\", row 3, column H (severity.scale): expected a whole number, found \"four\""
        ),
        "{}",
        r.stderr
    );
    insta::assert_snapshot!("sheets_import_errors", r.stderr);
}

#[test]
fn findings_of_the_rules_point_at_their_cells() {
    let dir = tmp();
    let path = dir.path().join("team.xlsx");
    let risks: &[&[&str]] = &[
        RISK_HEADER,
        &[
            "R1",
            "Harm",
            "app; nope",
            "privacy",
            "users",
            "potential",
            "cause",
            "#4",
            "#3",
            "#2",
            "#7",
        ],
    ];
    build(
        &path,
        &[
            ("Metadata", METADATA),
            ("Products", PRODUCTS),
            ("Rights-holders", HOLDERS),
            ("Risks", risks),
        ],
    );
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let r = run_with(cmd, &["import", "team.xlsx", "-o", "team.yaml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!dir.path().join("team.yaml").exists());
    insta::assert_snapshot!("sheets_import_rule_findings", r.stderr);

    // Fixed, the same workbook imports into a valid file.
    let risks: &[&[&str]] = &[
        RISK_HEADER,
        &[
            "R1",
            "Harm",
            "app",
            "privacy",
            "users",
            "potential",
            "cause",
            "#4",
            "#3",
            "#2",
            "#3",
        ],
    ];
    build(
        &path,
        &[
            ("Metadata", METADATA),
            ("Products", PRODUCTS),
            ("Rights-holders", HOLDERS),
            ("Risks", risks),
        ],
    );
    let mut cmd = hrdd();
    cmd.current_dir(dir.path());
    let r = run_with(cmd, &["import", "team.xlsx", "-o", "team.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let yaml = std::fs::read_to_string(dir.path().join("team.yaml")).expect("written");
    insta::assert_snapshot!("sheets_import_minimal_yaml", yaml);
}

#[test]
fn missing_sheets_are_reported() {
    let dir = tmp();
    let path = dir.path().join("empty.xlsx");
    build(&path, &[("Metadata", METADATA)]);
    let r = run(&["import", path.to_str().expect("utf-8")]);
    assert_eq!(r.code, 1);
    for sheet in ["Products", "Rights-holders", "Risks"] {
        assert!(
            r.stderr
                .contains(&format!("sheet \"{sheet}\": the required sheet is missing")),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn hostile_or_wrong_files_get_clear_errors() {
    let dir = tmp();
    let not_zip = dir.path().join("notes.xlsx");
    std::fs::write(&not_zip, "hrdd: 1\nassessment: {}\n").expect("write");
    let corrupt = dir.path().join("corrupt.xlsx");
    let mut bytes = std::fs::read(root().join("tests/fixtures/valid.yaml")).expect("read");
    bytes.splice(0..0, *b"PK\x03\x04");
    std::fs::write(&corrupt, bytes).expect("write");
    for path in [&not_zip, &corrupt] {
        let r = run(&["import", path.to_str().expect("utf-8")]);
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(
            r.stderr.contains("not a readable XLSX workbook"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
    // A cell at the far corner of a sheet costs nothing and is placed exactly.
    let far = dir.path().join("far.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Products").expect("name");
    ws.write_string(0, 0, "id").expect("cell");
    ws.write_string(1_048_575, 16_383, "x").expect("cell");
    wb.save(&far).expect("saved");
    let started = std::time::Instant::now();
    let r = run(&["import", far.to_str().expect("utf-8")]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "sheet \"Products\", row 1, column XFD: this column has values but no header"
        ),
        "{}",
        r.stderr
    );
    assert!(started.elapsed().as_secs() < 10);
    // An assessment with errors is not exported.
    let r = run(&[
        "export",
        "tests/fixtures/many-problems.yaml",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // A missing file is an I/O error.
    let r = run(&["import", "no/such.xlsx"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // An XLSX workbook is not written to a terminal or without -o.
    let r = run(&["export", "tests/fixtures/valid.yaml", "--format", "xlsx"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("-o PATH"), "{}", r.stderr);
}

#[test]
fn import_never_writes_over_its_input() {
    let dir = tmp();
    let xlsx = dir.path().join("a.xlsx");
    export("tests/fixtures/valid.yaml", "xlsx", "internal", &xlsx);
    let before = std::fs::read(&xlsx).expect("a");
    let p = xlsx.to_str().expect("utf-8");
    let r = run(&["import", p, "-o", p]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("refusing to write"), "{}", r.stderr);
    assert_eq!(std::fs::read(&xlsx).expect("a"), before);
}

#[test]
fn a_csv_register_imports_onto_a_base_assessment() {
    let dir = tmp();
    let file = "examples/welfare-ai-procurement.yaml";
    let csv = dir.path().join("register.csv");
    export(file, "csv", "internal", &csv);
    let c = csv.to_str().expect("utf-8");
    // Without a base, it says what is missing instead of inventing it.
    let r = run(&["import", c]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--base"), "{}", r.stderr);
    let yaml = dir.path().join("back.yaml");
    let r = run(&[
        "import",
        c,
        "--base",
        file,
        "-o",
        yaml.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = run(&["assess", "--format", "json", file]);
    let after = run(&["assess", "--format", "json", yaml.to_str().expect("utf-8")]);
    assert_eq!(before.stdout, after.stdout, "the ranking differs");
}

#[test]
fn a_broken_csv_register_is_reported_by_row_and_column() {
    let dir = tmp();
    let csv = dir.path().join("register.csv");
    std::fs::write(
        &csv,
        "rank,id,title,products,rights,rights_holders,impact,involvement,severity.scale,severity.scope,severity.remediability,likelihood\n\
         1,R1,Harm,app,privacy,users,potential,cause,4,3,2,high\n",
    )
    .expect("write");
    let r = run(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--base",
        "tests/fixtures/valid.yaml",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("row 2, column L (likelihood): expected a whole number, found \"high\""),
        "{}",
        r.stderr
    );
}

#[test]
fn formula_like_text_is_guarded_in_csv_and_comes_back_as_written() {
    let dir = tmp();
    let yaml = dir.path().join("formulas.yaml");
    let text = std::fs::read_to_string(root().join("tests/fixtures/sheets/awkward-text.yaml"))
        .expect("fixture")
        .replace(
            "title: Second",
            r#"title: "=HYPERLINK(\"http://x\",\"click\")""#,
        )
        .replace("\"Trailing spaces   \"", "\"'quoted' and -1\"");
    std::fs::write(&yaml, text).expect("write");
    let y = yaml.to_str().expect("utf-8");
    let csv = dir.path().join("register.csv");
    export(y, "csv", "internal", &csv);
    let register = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        register.contains(r#""'=HYPERLINK(""http://x"",""click"")""#),
        "{register}"
    );
    assert!(register.contains("''quoted' and -1"), "{register}");
    assert!(!register.contains(",=HYPERLINK"), "{register}");

    let back = dir.path().join("back.yaml");
    let r = run(&[
        "import",
        csv.to_str().expect("utf-8"),
        "--base",
        y,
        "-o",
        back.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(canonical_yaml(&back), canonical_yaml(&yaml));
}

/// Found by `cargo fuzz run import`: a sheet whose `<dimension>` range is inverted made the
/// XLSX reader panic (with overflow checks on). It must be an error about the file.
#[test]
fn a_workbook_that_crashes_the_reader_is_an_error_not_a_panic() {
    let r = run(&[
        "import",
        "tests/fixtures/sheets/fuzz-inverted-dimension.xlsx",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "sheet \"Organisations\": cannot read the sheet (the reader failed on malformed data)"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
}
