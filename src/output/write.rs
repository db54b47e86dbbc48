//! Writing an output file atomically, never over an input.

use std::io::Write;
use std::path::{Path, PathBuf};

/// A file that could not be written (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write {}: it is the input file {}; choose another output path", target.display(), input.display())]
    SameAsInput { target: PathBuf, input: PathBuf },
    #[error("cannot write {}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// Writes `bytes` to `target` through a temporary file beside it, renamed on success.
///
/// Refuses (before touching anything) when `target` is one of `inputs`, by path or by file
/// identity (hard links, symbolic links). On any error the target is left as it was and the
/// temporary file is removed.
pub fn write_atomic(target: &Path, bytes: &[u8], inputs: &[&Path]) -> Result<(), WriteError> {
    for input in inputs {
        if same_file(target, input) {
            return Err(WriteError::SameAsInput {
                target: target.to_owned(),
                input: input.to_path_buf(),
            });
        }
    }
    let io = |error| WriteError::Io {
        path: target.to_owned(),
        error: without_temporary_path(error),
    };
    if target.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hrdd-").suffix(".tmp");
    // A report is an ordinary document: the usual permissions (subject to the umask), not
    // the owner-only ones of a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    file.as_file().sync_all().map_err(io)?;
    file.persist(target).map_err(|e| io(e.error))?;
    Ok(())
}

/// The error as the operating system gave it: tempfile adds the random name of the temporary
/// file, which means nothing to the user (the message already names the target).
fn without_temporary_path(error: std::io::Error) -> std::io::Error {
    // tempfile's error type is private; its message is "{error} at path {path:?}".
    let text = error.to_string();
    match (error.get_ref(), text.rfind(" at path \"")) {
        (Some(_), Some(at)) => std::io::Error::new(error.kind(), &text[..at]),
        _ => error,
    }
}

/// Whether two paths name the same file: equal once canonicalised, or the same inode.
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (canonical(a), canonical(b))
        && x == y
    {
        return true;
    }
    same_file::is_same_file(a, b).unwrap_or(false)
}

/// The canonical path, also for a file that does not exist yet (its directory is resolved).
fn canonical(p: &Path) -> std::io::Result<PathBuf> {
    match p.canonicalize() {
        Ok(c) => Ok(c),
        Err(e) => {
            let name = p.file_name().ok_or(e)?;
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            Ok(dir.canonicalize()?.join(name))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_an_input_by_another_spelling_and_leaves_it_alone() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.yaml");
        std::fs::write(&input, "original").unwrap();
        let other = dir.path().join(".").join("a.yaml");
        let e = write_atomic(&other, b"new", &[&input]).unwrap_err();
        assert!(matches!(e, WriteError::SameAsInput { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_hard_link_to_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.yaml");
        std::fs::write(&input, "original").unwrap();
        let link = dir.path().join("b.yaml");
        std::fs::hard_link(&input, &link).unwrap();
        assert!(write_atomic(&link, b"new", &[&input]).is_err());
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "original");
    }

    #[test]
    fn writes_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.md");
        write_atomic(&target, b"one", &[]).unwrap();
        write_atomic(&target, b"two", &[]).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["out.md"]);
    }

    #[test]
    fn a_missing_folder_is_named_without_the_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("no-such-folder").join("report.md");
        let e = write_atomic(&target, b"x", &[]).expect_err("the folder does not exist");
        let text = e.to_string();
        assert!(
            text.starts_with(&format!("cannot write {}: ", target.display())),
            "{text}"
        );
        assert!(!text.contains(".hrdd-"), "{text}");
        assert!(!text.contains("at path"), "{text}");
    }
}
