//! `hrdd init [-o FILE] [--kind KIND]`

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Ctx, Error, Status, err, out};
use crate::output::write::write_atomic;
use crate::scaffold::{self, Fill, Kind};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write the new assessment to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// What is assessed: each kind starts with the products, rights-holders and risks typical of it.
    #[arg(long, value_enum, default_value_t = KindArg::AiSystem)]
    pub kind: KindArg,
    /// Where the editor finds the JSON Schema, relative to FILE or a URL (`hrdd schema` prints it).
    #[arg(long, value_name = "PATH|URL", default_value = "hrdd.schema.json")]
    pub schema: String,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

/// The kinds of starting assessment, as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// An AI model or system and the decisions taken on its outputs.
    AiSystem,
    /// An online platform: content moderation, recommender systems, advertising.
    Platform,
    /// A telecommunications network: government requests, shutdowns, surveillance.
    Telecom,
    /// A public authority procuring technology from a vendor, with leverage through the contract.
    Procurement,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::AiSystem => Kind::AiSystem,
            KindArg::Platform => Kind::Platform,
            KindArg::Telecom => Kind::Telecom,
            KindArg::Procurement => Kind::Procurement,
        }
    }
}

pub(super) fn run(ctx: &Ctx, args: &Args) -> Result<Status, Error> {
    // The value goes into a comment line: a line break would end the comment.
    if args.schema.contains(['\n', '\r']) {
        return Err(Error::Usage(
            "--schema must be one line: a path relative to the file, or a URL".into(),
        ));
    }
    let file = args
        .output
        .as_ref()
        .map_or_else(|| "FILE".to_owned(), |p| p.display().to_string());
    let text = scaffold::starter(
        args.kind.into(),
        &Fill {
            today: ctx.today,
            schema: &args.schema,
            file: &file,
        },
    );
    let Some(target) = &args.output else {
        return out(&text).map(|()| Status::Success);
    };
    if target.exists() && !args.force {
        return Err(Error::Usage(format!(
            "refusing to overwrite {}: it exists; pass --force to replace it",
            target.display()
        )));
    }
    write_atomic(target, text.as_bytes(), &[])?;
    let mut note = format!("wrote {file}; next: `hrdd validate {file}`\n");
    if !args.schema.contains("://") {
        let schema = target.with_file_name(&args.schema);
        note.push_str(&format!(
            "for completion in your editor: `hrdd schema > {}`\n",
            schema.display()
        ));
    }
    err(&note)?;
    Ok(Status::Success)
}
