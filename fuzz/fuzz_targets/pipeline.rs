//! Load, validate, score and render arbitrary bytes: nothing may panic.
#![no_main]

use hrdd::config::Config;
use hrdd::load;
use hrdd::output;
use hrdd::pipeline;
use hrdd::score::{self, Basis, Method};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = load::from_bytes("fuzz.yaml".into(), data.to_vec()) else {
        return;
    };
    let today = hrdd::model::Date::constant(2026, 11, 23);
    let checked = pipeline::check_source(source, &Config::default(), today);
    for d in &checked.diagnostics {
        assert!(d.pos.line >= 1, "unlocated finding: {d:?}");
    }
    let Some(assessment) = checked.valid() else {
        return;
    };
    for method in [
        Method::SeverityFirst,
        Method::Matrix(Default::default()),
        Method::Weighted(Default::default()),
    ] {
        for basis in [Basis::Inherent, Basis::Residual] {
            let ranking = score::rank(assessment, &method, basis);
            let _ = output::assess::text(assessment, &ranking, Some(100));
            let _ = output::assess::markdown(assessment, &ranking);
            let _ = output::assess::json(assessment, &ranking);
            for s in &ranking.scores {
                let _ = score::explain(assessment, &ranking, &s.id);
            }
        }
    }
});
