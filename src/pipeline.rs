//! The one-way path from a file to validated findings: read → parse → rules.

use std::path::Path;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level};
use crate::load::{self, ReadError, SourceFile};
use crate::model::{Assessment, Date};
use crate::rules::{self, Context, Family, Gates};

/// One file after validation.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The text, when it could be decoded (for snippets).
    pub source: Option<SourceFile>,
    /// The model, when the file parsed.
    pub assessment: Option<Assessment>,
    /// Every finding, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }

    /// The model, when the file parsed and no rule reported an error.
    pub fn valid(&self) -> Option<&Assessment> {
        self.assessment.as_ref().filter(|_| !self.has_errors())
    }
}

/// Reads, parses and validates one file.
pub fn check_file(path: &Path, config: &Config, today: Date) -> Result<Checked, ReadError> {
    Ok(match load::read_file(path, config.max_file_bytes)? {
        Ok(source) => check_source(source, config, today),
        Err(d) => Checked {
            source: None,
            assessment: None,
            diagnostics: vec![d],
        },
    })
}

/// Parses and validates text already read.
pub fn check_source(source: SourceFile, config: &Config, today: Date) -> Checked {
    match load::parse(&source) {
        Ok(assessment) => {
            let ctx = Context {
                today,
                method: &config.method,
                levels: &config.levels,
            };
            let mut diagnostics = rules::check(&assessment, &ctx);
            for d in &mut diagnostics {
                d.file.clone_from(&source.name);
            }
            Checked {
                source: Some(source),
                assessment: Some(assessment),
                diagnostics,
            }
        }
        Err(d) => Checked {
            source: Some(source),
            assessment: None,
            diagnostics: vec![d],
        },
    }
}

/// Adds the findings of the gates of `hrdd check` to a checked file; says whether they ran.
///
/// Gates run only on a file that parsed without structure errors: on a file that does not
/// follow the format, their findings would be noise.
pub fn apply_gates(checked: &mut Checked, config: &Config, today: Date, gates: &Gates) -> bool {
    let Some(assessment) = &checked.assessment else {
        return false;
    };
    let broken = checked
        .diagnostics
        .iter()
        .any(|d| d.level == Level::Error && d.rule.family() == Family::Structure);
    if broken {
        return false;
    }
    let ctx = Context {
        today,
        method: &config.method,
        levels: &config.levels,
    };
    let name = checked.source.as_ref().map_or("", |s| s.name.as_str());
    let mut found = rules::gates::check(assessment, gates, &ctx);
    for d in &mut found {
        d.file = name.to_owned();
    }
    checked.diagnostics.extend(found);
    checked.diagnostics.sort_by_key(|d| (d.pos, d.rule));
    true
}
