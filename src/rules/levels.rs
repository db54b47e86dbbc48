//! Rule levels as configured in `hrdd.toml`.

use std::collections::HashMap;

use serde::Deserialize;

use super::{Family, Rule};
use crate::diagnostic::Level;

/// A level as written in `hrdd.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LevelSetting {
    Error,
    #[serde(alias = "warning")]
    Warn,
    Info,
    Off,
}

impl LevelSetting {
    fn level(self) -> Option<Level> {
        match self {
            LevelSetting::Error => Some(Level::Error),
            LevelSetting::Warn => Some(Level::Warning),
            LevelSetting::Info => Some(Level::Info),
            LevelSetting::Off => None,
        }
    }
}

/// The level of every rule: its default unless `hrdd.toml` says otherwise.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    overrides: HashMap<Rule, Option<Level>>,
}

impl Levels {
    /// Sets a configurable rule's level; structure rules cannot be changed.
    pub fn set(&mut self, rule: Rule, setting: LevelSetting) -> Result<(), String> {
        if rule.family() == Family::Gate {
            return Err(format!(
                "{} ({}) is a gate of `hrdd check`: turn it on or off under [check]",
                rule.code(),
                rule.name()
            ));
        }
        if !rule.configurable() {
            return Err(format!(
                "{} ({}) is a structure rule and is always an error",
                rule.code(),
                rule.name()
            ));
        }
        self.overrides.insert(rule, setting.level());
        Ok(())
    }

    /// The level of `rule`, or `None` when it is off.
    pub fn level(&self, rule: Rule) -> Option<Level> {
        match self.overrides.get(&rule) {
            Some(level) => *level,
            None => rule.default_level(),
        }
    }
}
