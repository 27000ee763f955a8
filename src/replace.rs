//! Putting a finished file in place of another, the same way on every platform. On Unix a
//! rename replaces the old file even while a program has it open (that program keeps the old
//! contents). On Windows a file that a program opened without sharing — a PDF viewer, Word,
//! a backup tool — cannot be replaced until it lets go, and virus scanners and the search
//! indexer hold fresh files for a moment. Both platforms refuse to replace a file marked
//! read-only (Windows would refuse anyway, Unix would not, and root ignores the mark).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How long a rename keeps trying while Windows says the target is in use.
#[cfg(windows)]
const RETRY: std::time::Duration = std::time::Duration::from_millis(100);
#[cfg(windows)]
const ATTEMPTS: u32 = 10;

/// Refuses a target that exists and is marked read-only: it is not Keuzehulp's to replace.
pub(crate) fn refuse_read_only(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => {
            Err(Error::ReadOnlyFile { path: path.to_path_buf() })
        }
        _ => Ok(()),
    }
}

/// Renames `from` over `to`. On Windows, retries for about a second while the target is
/// held by another program, then gives [`Error::FileInUse`]; other failures are
/// [`Error::Write`].
pub(crate) fn rename_over(from: &Path, to: &Path) -> Result<()> {
    #[cfg(windows)]
    {
        let mut attempt = 1;
        loop {
            match std::fs::rename(from, to) {
                Ok(()) => return Ok(()),
                Err(err) if held_by_another_program(&err, to) => {
                    if attempt >= ATTEMPTS {
                        return Err(Error::FileInUse { path: to.to_path_buf() });
                    }
                    attempt += 1;
                    std::thread::sleep(RETRY);
                }
                Err(source) => return Err(Error::Write { path: to.to_path_buf(), source }),
            }
        }
    }
    #[cfg(not(windows))]
    std::fs::rename(from, to).map_err(|source| Error::Write { path: to.to_path_buf(), source })
}

/// Whether a failed rename onto `to` means another program holds `to` open: Windows says
/// "access denied" (5) or "sharing violation" (32) for an existing, writable target.
#[cfg(windows)]
fn held_by_another_program(err: &std::io::Error, to: &Path) -> bool {
    const ERROR_ACCESS_DENIED: i32 = 5;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    matches!(err.raw_os_error(), Some(ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION))
        && std::fs::metadata(to).is_ok_and(|m| m.is_file() && !m.permissions().readonly())
}

/// Writes `bytes` to `path`. A regular file (also one reached through a symbolic link) is
/// written to a temporary file beside it, synced and renamed into place: it appears whole or
/// not at all, and a link stays a link. A device or a named pipe (`/dev/stdout`, a FIFO) is
/// written directly, so that its errors ("disk full" from `/dev/full`) reach the user.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    match target_of(path)? {
        Target::Special => write_special(path, |file| file.write_all(bytes)),
        Target::Regular(target) => via_temp_file_at(path, &target, |tmp| {
            std::fs::write(tmp, bytes).map_err(|source| Error::Write { path: path.to_path_buf(), source })
        }),
    }
}

/// [`write_atomically`] for a file the user names (a report, an export): a folder is refused,
/// and so is an existing file unless `replace`, before anything is written.
pub(crate) fn write_new(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    check_target(path, replace)?;
    write_atomically(path, bytes)
}

/// Whether `path` may be written as a new file (see [`write_new`]); call it before the
/// work of making the file, so a refusal comes at once. Links are followed: a link to a file
/// that does not exist yet is new; a device or pipe is not "an existing file".
pub(crate) fn check_target(path: &Path, replace: bool) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::Write {
            path: path.to_path_buf(),
            source: std::io::Error::from(std::io::ErrorKind::IsADirectory),
        }),
        Ok(meta) if meta.is_file() && !replace => Err(Error::FileExists { path: path.to_path_buf() }),
        _ => Ok(()),
    }
}

/// Where writing `path` would land: links followed (also one to a file that does not exist
/// yet), the folder made absolute; `None` when its folder cannot be found.
pub(crate) fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(next) => {
                at = match at.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                }
            }
            Err(_) => break,
        }
    }
    let name = at.file_name()?.to_owned();
    let parent = at.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// Where the bytes for `path` go.
enum Target {
    /// A regular file (existing or new) at this path, links resolved.
    Regular(PathBuf),
    /// A device, named pipe or socket: written in place.
    Special,
}

/// Resolves `path` for writing: follows symbolic links (also one whose target does not exist
/// yet), and refuses a directory.
fn target_of(path: &Path) -> Result<Target> {
    let refuse = |message: String| Error::InvalidInput { field: path.display().to_string(), message };
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(refuse("dit is een map; geef een bestandsnaam".into())),
        Ok(meta) if !meta.is_file() => Ok(Target::Special),
        Ok(_) => {
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if !is_link {
                return Ok(Target::Regular(path.to_path_buf()));
            }
            std::fs::canonicalize(path)
                .map(Target::Regular)
                .map_err(|source| Error::Write { path: path.to_path_buf(), source })
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            // Missing, or a link to a file that does not exist yet: follow the links by hand.
            let mut at = path.to_path_buf();
            for _ in 0..40 {
                match std::fs::read_link(&at) {
                    Ok(next) => {
                        at = match at.parent() {
                            Some(dir) if next.is_relative() => dir.join(next),
                            _ => next,
                        }
                    }
                    Err(_) => return Ok(Target::Regular(at)),
                }
            }
            Err(refuse("te veel symbolische koppelingen na elkaar".into()))
        }
        Err(source) => Err(Error::Write { path: path.to_path_buf(), source }),
    }
}

/// Opens the special file `path` for writing (no truncation, no creation) and has `write`
/// write to it.
fn write_special(path: &Path, write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) -> Result<()> {
    let fail = |source| Error::Write { path: path.to_path_buf(), source };
    let mut file = std::fs::OpenOptions::new().write(true).open(path).map_err(fail)?;
    write(&mut file).and_then(|()| file.flush()).map_err(fail)
}

/// Has `fill` write a whole file for `path` to a temporary path, then puts it in place (see
/// [`write_atomically`]); the temporary file never stays behind.
pub(crate) fn via_temp_file(path: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    match target_of(path)? {
        Target::Regular(target) => via_temp_file_at(path, &target, fill),
        Target::Special => {
            // Filled in the system's temporary directory, then copied into the device or pipe.
            let nanos =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
            let tmp = std::env::temp_dir().join(format!(".keuzehulp-{}-{nanos}.tmp", std::process::id()));
            let result = fill(&tmp).and_then(|()| {
                let bytes = std::fs::read(&tmp).map_err(|source| Error::Read { path: tmp.clone(), source })?;
                write_special(path, |file| file.write_all(&bytes))
            });
            let _ = std::fs::remove_file(&tmp);
            result
        }
    }
}

/// [`via_temp_file`] for the regular file `target` (what `path` names, links resolved).
fn via_temp_file_at(path: &Path, target: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "bestand".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    refuse_read_only(path)?;
    let _ = std::fs::remove_file(&tmp);
    let result = fill(&tmp).and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.sync_all())
            .map_err(|source| Error::Write { path: path.to_path_buf(), source })?;
        rename_over(&tmp, target)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
