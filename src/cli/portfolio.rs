//! Reading a folder of assessments as a portfolio (`hrdd assess DIR`, `hrdd report DIR`).

use std::path::{Path, PathBuf};

use super::findings::{self, human};
use super::{Ctx, Error, Status, err};
use crate::config::Config;
use crate::diagnostic::Summary;
use crate::model::Audience;
use crate::pipeline::Checked;
use crate::portfolio::{self, Member, Portfolio};

/// The assessments of a folder: the valid ones, and what was left out.
pub(super) struct Folder {
    checked: Vec<Checked>,
    /// Files with errors, shown with their findings on stderr and left out.
    excluded: Vec<String>,
    /// The exit status the reading alone calls for.
    pub(super) status: Status,
}

/// Reads and validates every assessment under `dir` (on all cores, in path order). Files with
/// errors are reported and left out, so that one broken file does not hide the rest.
pub(super) fn read(ctx: &Ctx, config: &Config, dir: &Path) -> Result<Folder, Error> {
    let run = findings::check_all(ctx, config, &[dir.to_path_buf()], None)?;
    let mut status = if run.failed {
        Status::Failure
    } else {
        Status::Success
    };
    let (valid, invalid): (Vec<Checked>, Vec<Checked>) =
        run.checked.into_iter().partition(|c| c.valid().is_some());
    if !invalid.is_empty() {
        let all: Vec<_> = invalid
            .iter()
            .flat_map(|c| c.diagnostics.iter().cloned())
            .collect();
        human(&invalid, &[], &Summary::of(invalid.len(), &all))?;
        status = status.worst(Status::Findings);
    }
    for path in &run.skipped {
        err(&format!(
            "hrdd: skipped {}: no top-level `hrdd:` key, not an assessment\n",
            path.display()
        ))?;
    }
    let excluded: Vec<String> = invalid.iter().map(name).collect();
    let warnings: usize = valid.iter().map(|c| c.diagnostics.len()).sum();
    if warnings > 0 {
        err(&format!(
            "hrdd: {warnings} warning{} in {}; `hrdd validate {}` shows them\n",
            if warnings == 1 { "" } else { "s" },
            dir.display(),
            dir.display()
        ))?;
    }
    if valid.is_empty() {
        return Err(Error::Usage(format!(
            "no valid assessment in {}: fix the errors above",
            dir.display()
        )));
    }
    Ok(Folder {
        checked: valid,
        excluded,
        status,
    })
}

fn name(c: &Checked) -> String {
    c.source.as_ref().map_or_else(
        || {
            c.diagnostics
                .first()
                .map_or_else(String::new, |d| d.file.clone())
        },
        |s| s.name.clone(),
    )
}

impl Folder {
    /// The portfolio view for `audience`.
    pub(super) fn portfolio(&self, ctx: &Ctx, config: &Config, audience: Audience) -> Portfolio {
        let names: Vec<String> = self.checked.iter().map(name).collect();
        let members: Vec<Member<'_>> = self
            .checked
            .iter()
            .zip(&names)
            .filter_map(|(c, file)| {
                Some(Member {
                    file,
                    assessment: c.valid()?,
                })
            })
            .collect();
        portfolio::build(&portfolio::Inputs {
            members: &members,
            excluded: &self.excluded,
            method: &config.method,
            audience,
            today: ctx.today,
            generated_on: ctx.today_given.then_some(ctx.today),
        })
    }

    /// The files read, which an output file must never replace.
    pub(super) fn paths(&self) -> Vec<PathBuf> {
        self.checked
            .iter()
            .map(|c| PathBuf::from(name(c)))
            .collect()
    }
}
