//! Writes the benchmark corpus and runs the bare-parse baseline as a whole process.
//!
//!     cargo run --release --example bench-tool -- risks 10000 > big.yaml
//!     cargo run --release --example bench-tool -- folder 300 DIR
//!     cargo run --release --example bench-tool -- parse FILE...

#[path = "bare.rs"]
mod bare;
#[path = "corpus.rs"]
mod corpus;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["risks", n] => n.parse().map_err(|e| format!("risks: {e}")).and_then(|n| {
            std::io::stdout()
                .write_all(corpus::assessment(n, 1).as_bytes())
                .map_err(|e| e.to_string())
        }),
        ["folder", n, dir] => n
            .parse::<u64>()
            .map_err(|e| format!("folder: {e}"))
            .and_then(|n| {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                (0..n).try_for_each(|i| {
                    let path = std::path::Path::new(dir).join(format!("assessment-{i:04}.yaml"));
                    std::fs::write(path, corpus::assessment(50, i)).map_err(|e| e.to_string())
                })
            }),
        ["parse", files @ ..] if !files.is_empty() => files.iter().try_for_each(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?;
            bare::parse(&text)
                .map(|_| ())
                .map_err(|e| format!("{f}: {e}"))
        }),
        _ => Err("usage: bench-tool risks N | folder N DIR | parse FILE...".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench-tool: {e}");
            ExitCode::from(2)
        }
    }
}
