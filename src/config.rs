//! `hrdd.toml`: scoring method, rule levels, limits, files and gates. Every setting has a default.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Level;
use crate::load::DEFAULT_MAX_FILE_BYTES;
use crate::rules::{CoverageGate, Gates, LevelSetting, Levels, Rule};
use crate::score::{Matrix, Method, Weighted};
use crate::suggest;

/// The file name looked up from the current directory upwards.
pub const FILE_NAME: &str = "hrdd.toml";

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the settings came from, when a file was used.
    pub path: Option<PathBuf>,
    pub method: Method,
    pub levels: Levels,
    pub max_file_bytes: u64,
    /// Globs of files and folders that folder walks skip (`[files] exclude`).
    pub exclude: Exclude,
    /// What `hrdd check` enforces (`[check]`).
    pub gates: Gates,
    /// Report templates that override the built-in ones, resolved against the config's folder.
    pub templates: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            method: Method::SeverityFirst,
            levels: Levels::default(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            exclude: Exclude::default(),
            gates: Gates::default(),
            templates: None,
        }
    }
}

impl Config {
    /// The folder that `exclude` globs are relative to: the config file's, if any.
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// The `[files] exclude` globs, compiled.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    set: GlobSet,
    /// The globs as written.
    pub patterns: Vec<String>,
}

impl Exclude {
    /// Compiles `patterns`; the error names the first bad glob.
    pub fn new(patterns: &[String]) -> Result<Exclude, String> {
        let mut builder = GlobSetBuilder::new();
        for p in patterns {
            let glob =
                Glob::new(p).map_err(|e| format!("`{p}` is not a valid glob: {}", e.kind()))?;
            builder.add(glob);
        }
        let set = builder
            .build()
            .map_err(|e| format!("the exclude globs cannot be compiled: {e}"))?;
        Ok(Exclude {
            set,
            patterns: patterns.to_vec(),
        })
    }

    /// Whether a path (relative to the base folder, `/`-separated) is excluded.
    pub fn matches(&self, relative: &Path) -> bool {
        !self.patterns.is_empty() && self.set.is_match(relative)
    }
}

/// A configuration file that cannot be used (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// A folder of report templates; relative paths start at the config file's folder.
    #[serde(default)]
    templates: Option<PathBuf>,
    #[serde(default)]
    scoring: Option<Scoring>,
    #[serde(default)]
    rules: toml::Table,
    #[serde(default)]
    limits: Option<Limits>,
    #[serde(default)]
    files: Option<Files>,
    #[serde(default)]
    check: Option<Check>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Files {
    #[serde(default)]
    exclude: Option<toml::Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    #[serde(default)]
    fail_on: Option<FailOn>,
    #[serde(default)]
    max_open_critical: Option<u32>,
    #[serde(default)]
    salient_need_mitigation: Option<bool>,
    #[serde(default)]
    salient_need_remedy: Option<bool>,
    #[serde(default)]
    review_not_overdue: Option<bool>,
    #[serde(default)]
    require_approved: Option<bool>,
    #[serde(default)]
    coverage: Option<CoverageSetting>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum CoverageSetting {
    Off,
    NoMissing,
    Evidenced,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum FailOn {
    Error,
    Warning,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scoring {
    #[serde(default)]
    method: Option<toml::Spanned<MethodName>>,
    #[serde(default)]
    matrix: Option<Matrix>,
    #[serde(default)]
    weighted: Option<toml::Spanned<Weighted>>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum MethodName {
    SeverityFirst,
    Matrix,
    Weighted,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Limits {
    #[serde(default)]
    max_file_bytes: Option<u64>,
}

impl Config {
    /// Loads `explicit` if given, else the first `hrdd.toml` from `start` upwards, else defaults.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Config::load(path),
            None => match start
                .ancestors()
                .map(|d| d.join(FILE_NAME))
                .find(|p| p.is_file())
            {
                Some(path) => Config::load(&path),
                None => Ok(Config::default()),
            },
        }
    }

    /// Loads one configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
            path: name.clone(),
            error,
        })?;
        Config::parse(&name, &text).map(|mut c| {
            if let Some(dir) = c.templates.take() {
                let base = path.parent().unwrap_or(Path::new(""));
                c.templates = Some(base.join(dir));
            }
            c.path = Some(path.to_owned());
            c
        })
    }

    /// Parses the text of a configuration file named `name`.
    pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
        let invalid = |span: Option<std::ops::Range<usize>>, message: String| {
            let (line, column) = line_col(text, span.map_or(0, |s| s.start));
            ConfigError::Invalid {
                path: name.to_owned(),
                line,
                column,
                message,
            }
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_owned();
            let message = match unknown_field(&message) {
                Some((field, expected)) => {
                    match suggest::did_you_mean(field, expected.iter().map(String::as_str)) {
                        Some(s) => format!("{message}; did you mean `{s}`?"),
                        None => message,
                    }
                }
                None => message,
            };
            invalid(e.span(), message)
        })?;

        let mut config = Config::default();
        if let Some(scoring) = file.scoring {
            let name = scoring.method.as_ref().map(|m| *m.get_ref());
            config.method = match name {
                None | Some(MethodName::SeverityFirst) => Method::SeverityFirst,
                Some(MethodName::Matrix) => Method::Matrix(scoring.matrix.unwrap_or_default()),
                Some(MethodName::Weighted) => {
                    let (weighted, span) = match scoring.weighted {
                        Some(w) => {
                            let span = w.span();
                            (w.into_inner(), Some(span))
                        }
                        None => (Weighted::default(), None),
                    };
                    weighted
                        .check()
                        .map_err(|m| invalid(span, format!("[scoring.weighted]: {m}")))?;
                    Method::Weighted(weighted)
                }
            };
        }
        for (key, value) in &file.rules {
            let span = key_span(text, key);
            let rule = Rule::find(key).ok_or_else(|| {
                let names = Rule::ALL.iter().map(|r| r.name());
                let hint = suggest::help(key, names).map_or_else(
                    || " (`hrdd explain` lists every rule)".to_owned(),
                    |h| format!("; {h}"),
                );
                invalid(
                    span.clone(),
                    format!("unknown rule `{key}` in [rules]{hint}"),
                )
            })?;
            let setting = value
                .as_str()
                .and_then(|v| LevelSetting::deserialize(toml::Value::String(v.to_owned())).ok())
                .ok_or_else(|| {
                    invalid(
                        span.clone(),
                        format!("[rules] {key} = {value}: the level must be \"error\", \"warn\", \"info\" or \"off\""),
                    )
                })?;
            config
                .levels
                .set(rule, setting)
                .map_err(|m| invalid(span.clone(), m))?;
        }
        if let Some(limit) = file.limits.and_then(|l| l.max_file_bytes) {
            config.max_file_bytes = limit;
        }
        if let Some(exclude) = file.files.and_then(|f| f.exclude) {
            let span = exclude.span();
            config.exclude = Exclude::new(exclude.get_ref())
                .map_err(|m| invalid(Some(span), format!("[files] exclude: {m}")))?;
        }
        if let Some(check) = file.check {
            let g = &mut config.gates;
            if let Some(level) = check.fail_on {
                g.fail_on = match level {
                    FailOn::Error => Level::Error,
                    FailOn::Warning => Level::Warning,
                };
            }
            g.max_open_critical = check.max_open_critical.or(g.max_open_critical);
            g.salient_need_mitigation = check
                .salient_need_mitigation
                .unwrap_or(g.salient_need_mitigation);
            g.salient_need_remedy = check.salient_need_remedy.unwrap_or(g.salient_need_remedy);
            g.review_not_overdue = check.review_not_overdue.unwrap_or(g.review_not_overdue);
            g.require_approved = check.require_approved.unwrap_or(g.require_approved);
            if let Some(c) = check.coverage {
                g.coverage = match c {
                    CoverageSetting::Off => CoverageGate::Off,
                    CoverageSetting::NoMissing => CoverageGate::NoMissing,
                    CoverageSetting::Evidenced => CoverageGate::Evidenced,
                };
            }
        }
        config.templates = file.templates;
        Ok(config)
    }
}

/// Finds `field` and the expected names in toml's "unknown field" message.
fn unknown_field(message: &str) -> Option<(&str, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    Some((field, expected))
}

/// Where a `[rules]` key is written, for the error position.
fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let bare = t.strip_prefix('"').unwrap_or(t);
        if bare.starts_with(key) {
            let start = offset + (line.len() - t.len());
            return Some(start..start + key.len());
        }
        offset += line.len();
    }
    None
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_settings() {
        let c = Config::parse("hrdd.toml", "").unwrap();
        assert_eq!(c.method, Method::SeverityFirst);
        assert_eq!(c.max_file_bytes, DEFAULT_MAX_FILE_BYTES);
    }

    #[test]
    fn unknown_key_names_line_and_suggestion() {
        let e = Config::parse("hrdd.toml", "[scoring]\nmethd = \"matrix\"\n").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("hrdd.toml:2:1: unknown field `methd`"), "{s}");
        assert!(s.contains("did you mean `method`?"), "{s}");
    }

    #[test]
    fn rule_levels_by_code_or_name() {
        let c = Config::parse(
            "hrdd.toml",
            "[rules]\nU003 = \"error\"\nreview-overdue = \"off\"\n",
        )
        .unwrap();
        assert_eq!(
            c.levels.level(Rule::SalientWithoutMitigation),
            Some(crate::diagnostic::Level::Error)
        );
        assert_eq!(c.levels.level(Rule::ReviewOverdue), None);
    }

    #[test]
    fn structure_rules_cannot_be_silenced() {
        let e = Config::parse("hrdd.toml", "[rules]\n\nS004 = \"off\"\n").unwrap_err();
        assert!(e.to_string().starts_with("hrdd.toml:3:1:"), "{e}");
    }

    #[test]
    fn files_and_gates_have_defaults_and_can_be_set() {
        let c = Config::parse("hrdd.toml", "").unwrap();
        assert_eq!(c.gates, Gates::default());
        assert!(!c.exclude.matches(Path::new("drafts/a.yaml")));
        let c = Config::parse(
            "hrdd.toml",
            "[files]\nexclude = [\"drafts/**\"]\n[check]\nfail_on = \"warning\"\nmax_open_critical = 2\nrequire_approved = true\nsalient_need_remedy = false\n",
        )
        .unwrap();
        assert!(c.exclude.matches(Path::new("drafts/a.yaml")));
        assert!(!c.exclude.matches(Path::new("final/a.yaml")));
        assert_eq!(c.gates.fail_on, Level::Warning);
        assert_eq!(c.gates.max_open_critical, Some(2));
        assert!(c.gates.require_approved && !c.gates.salient_need_remedy);
        assert!(c.gates.salient_need_mitigation && c.gates.review_not_overdue);
        assert_eq!(c.gates.coverage, CoverageGate::Off);
        let c = Config::parse("hrdd.toml", "[check]\ncoverage = \"no-missing\"\n").unwrap();
        assert_eq!(c.gates.coverage, CoverageGate::NoMissing);
        let e = Config::parse("hrdd.toml", "[check]\ncoverage = \"all\"\n").unwrap_err();
        assert!(e.to_string().starts_with("hrdd.toml:2:"), "{e}");
    }

    #[test]
    fn bad_globs_and_gate_values_name_the_line() {
        let e = Config::parse("hrdd.toml", "[files]\nexclude = [\"a/[b\"]\n").unwrap_err();
        assert!(e.to_string().starts_with("hrdd.toml:2:"), "{e}");
        assert!(e.to_string().contains("`a/[b` is not a valid glob"), "{e}");
        let e = Config::parse("hrdd.toml", "[check]\nfail_on = \"sometimes\"\n").unwrap_err();
        assert!(e.to_string().starts_with("hrdd.toml:2:"), "{e}");
        let e = Config::parse("hrdd.toml", "[check]\nmax_open_critical = -1\n").unwrap_err();
        assert!(e.to_string().starts_with("hrdd.toml:2:"), "{e}");
    }

    #[test]
    fn templates_folder_is_relative_to_the_config_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hrdd.toml");
        std::fs::write(&path, "templates = \"my-templates\"\n[scoring]\n").unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(c.templates, Some(dir.path().join("my-templates")));
    }

    #[test]
    fn bad_weights_are_refused() {
        let e = Config::parse(
            "hrdd.toml",
            "[scoring]\nmethod = \"weighted\"\n[scoring.weighted]\nthresholds = { critical = 2.0, high = 3.0, medium = 1.0 }\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("critical > high > medium"), "{e}");
    }
}
