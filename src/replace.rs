//! Putting a finished file in place of another, the same way on every platform. On Unix a
//! rename replaces the old file even while a program has it open (that program keeps the old
//! contents). On Windows a file that a program opened without sharing — a PDF viewer, Word,
//! a backup tool — cannot be replaced until it lets go, and virus scanners and the search
//! indexer hold fresh files for a moment. Both platforms refuse to replace a file marked
//! read-only (Windows would refuse anyway, Unix would not, and root ignores the mark).

use std::path::Path;

use crate::error::{Error, Result};

/// How long a rename keeps trying while Windows says the target is in use.
#[cfg(windows)]
const RETRY: std::time::Duration = std::time::Duration::from_millis(100);
#[cfg(windows)]
const ATTEMPTS: u32 = 10;

/// Refuses a target that exists and is marked read-only: it is not Keuzehulp's to replace.
pub(crate) fn check_target(path: &Path) -> Result<()> {
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
