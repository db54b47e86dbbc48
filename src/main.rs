use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match hrdd::cli::run(std::env::args_os()) {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let e = anyhow::Error::from(e);
            let _ = writeln!(std::io::stderr(), "hrdd: error: {e:#}");
            ExitCode::from(hrdd::cli::Status::Failure.code())
        }
    }
}
