//! `hrdd explain [CODE]`

use comfy_table::{ContentArrangement, Table, presets};

use super::{Error, Status, out};
use crate::rules::{Family, Rule};
use crate::suggest;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A rule code (`U003`) or name (`salient-without-mitigation`).
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

pub(super) fn run(args: &Args) -> Result<Status, Error> {
    let Some(code) = &args.code else {
        out(&list())?;
        return Ok(Status::Success);
    };
    match Rule::find(code) {
        Some(rule) => {
            out(rule.explanation())?;
            Ok(Status::Success)
        }
        None => {
            let candidates = Rule::ALL.iter().flat_map(|r| [r.code(), r.name()]);
            let hint = suggest::help(code, candidates)
                .unwrap_or_else(|| "`hrdd explain` lists every rule".to_owned());
            Err(Error::Usage(format!("unknown rule `{code}`: {hint}")))
        }
    }
}

/// Every rule with its default level and summary.
pub fn list() -> String {
    let mut table = Table::new();
    table.load_style(presets::NOTHING);
    table.set_content_arrangement(ContentArrangement::Disabled);
    table.set_header(["Code", "Name", "Default", "Summary"]);
    for rule in Rule::ALL {
        let level = rule.default_level().map_or("off", |l| l.as_str());
        let level = if rule.family() == Family::Gate {
            format!("{level} (gate)")
        } else if rule.configurable() {
            level.to_owned()
        } else {
            format!("{level} (fixed)")
        };
        table.add_row([rule.code(), rule.name(), &level, rule.summary()]);
    }
    let mut s: String = table
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    s.push_str("\nRun `hrdd explain CODE` for what a rule checks, why, and how to fix it.\n");
    s
}
