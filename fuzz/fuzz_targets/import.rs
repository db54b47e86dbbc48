//! Import arbitrary bytes as a workbook and as a CSV register: nothing may panic, and an
//! import either gives a model or says why not.
#![no_main]

use hrdd::load::{self, SourceFile};
use hrdd::sheets;
use libfuzzer_sys::fuzz_target;

const BASE: &str = include_str!("../../tests/fixtures/valid.yaml");

fuzz_target!(|data: &[u8]| {
    let imported = sheets::from_xlsx("fuzz.xlsx", data.to_vec());
    assert!(imported.assessment.is_some() || !imported.problems.is_empty());
    if let Ok(text) = std::str::from_utf8(data) {
        let source = SourceFile {
            name: "base.yaml".into(),
            text: BASE.into(),
        };
        if let Ok(base) = load::parse(&source) {
            let imported = sheets::from_csv("fuzz.csv", text, base);
            assert!(imported.assessment.is_some() || !imported.problems.is_empty());
        }
    }
});
