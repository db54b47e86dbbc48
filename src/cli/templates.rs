//! `hrdd templates [--dump DIR]`

use std::path::PathBuf;

use super::{Error, Status, out};
use crate::output::write::write_atomic;
use crate::render::BUILT_IN;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the built-in templates into DIR, as a starting point for `--templates DIR`.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,
    /// With --dump: overwrite templates that already exist in DIR.
    #[arg(long, requires = "dump")]
    pub force: bool,
}

pub(super) fn run(args: &Args) -> Result<Status, Error> {
    let Some(dir) = &args.dump else {
        let mut text = String::new();
        for (name, _) in BUILT_IN {
            text.push_str(name);
            text.push('\n');
        }
        return out(&text).map(|()| Status::Success);
    };
    if !args.force {
        let existing: Vec<String> = BUILT_IN
            .iter()
            .map(|(name, _)| dir.join(name))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Error::Usage(format!(
                "refusing to overwrite {}; pass --force to replace them",
                existing.join(", ")
            )));
        }
    }
    for (name, text) in BUILT_IN {
        let target = dir.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::Usage(format!("cannot create {}: {e}", parent.display())))?;
        }
        write_atomic(&target, text.as_bytes(), &[])?;
    }
    out(&format!(
        "wrote {} templates to {}\n",
        BUILT_IN.len(),
        dir.display()
    ))?;
    Ok(Status::Success)
}
