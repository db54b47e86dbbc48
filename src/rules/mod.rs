//! Validation rules: structure, consistency and UNGP expectations.
//!
//! [`check`] runs every rule over a parsed assessment and returns all findings at once;
//! [`gates::check`] adds the gates of `hrdd check`.

mod consistency;
pub mod gates;
mod index;
mod levels;
mod registry;
mod structure;
mod ungp;

pub use gates::{CoverageGate, Gates};
pub use index::Index;
pub use levels::{LevelSetting, Levels};
pub use registry::{Family, Rule};

use crate::diagnostic::Diagnostic;
use crate::model::{Assessment, Date};
use crate::score::Method;

/// What the rules need besides the file.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The day overdue checks compare against.
    pub today: Date,
    /// The scoring method, which decides which risks are salient.
    pub method: &'a Method,
    /// Levels set in `hrdd.toml`.
    pub levels: &'a Levels,
}

/// Runs every rule; findings come back sorted by position, at their configured level.
pub fn check(assessment: &Assessment, ctx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if assessment.hrdd.value != 1 {
        out.push(
            Diagnostic::new(
                Rule::UnsupportedVersion,
                assessment.hrdd.pos,
                format!("format version {} is not supported", assessment.hrdd.value),
            )
            .label("this hrdd reads format version 1")
            .help("write `hrdd: 1`, or use the hrdd release that reads this version"),
        );
        return out;
    }
    let index = Index::new(assessment);
    structure::check(assessment, &index, &mut out);
    consistency::check(assessment, &mut out);
    ungp::check(assessment, &index, ctx, &mut out);
    let mut out: Vec<Diagnostic> = out
        .into_iter()
        .filter_map(|mut d| {
            d.level = ctx.levels.level(d.rule)?;
            Some(d)
        })
        .collect();
    out.sort_by_key(|a| (a.pos, a.rule));
    out
}
