//! The process claim on a data directory: every process that opens the store holds a shared
//! lock on the file [`CLAIM_FILE`] beside the database for as long as the store is open, and
//! an operation that puts another file in the database's place (switching encryption on or
//! off, restoring a backup) first takes that lock exclusively, or refuses. Without it, a
//! second process (the open window, a running `update`) would go on writing into the old,
//! unlinked file after the switch, report success, and lose what it wrote.
//!
//! The lock is the operating system's advisory file lock as the standard library takes it
//! (`File::lock_shared`/`try_lock`: `flock` on Linux and macOS, `LockFileEx` on Windows), so
//! it holds between every process on one computer the same way on every platform, and the
//! system lets go of it when a process ends, also when it is killed. The file itself stays
//! (removing a lock file races with the next process that opens it); it holds no data.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// The lock file in the data directory.
pub const CLAIM_FILE: &str = "keuzehulp.in-gebruik";

/// How long opening waits while another process holds the claim exclusively (it is
/// switching encryption or restoring a backup, which takes seconds for a large store).
const WAIT: Duration = Duration::from_secs(120);
/// How often it looks again meanwhile.
const POLL: Duration = Duration::from_millis(25);

/// A held claim; dropping it lets go.
#[derive(Debug)]
pub struct Claim {
    file: File,
    path: PathBuf,
    /// The database the claim is on, for messages.
    database: PathBuf,
}

impl Claim {
    /// Opens (creating) the lock file of `dir`, without locking it.
    fn open(dir: &Path, database: &Path) -> Result<Claim> {
        let path = dir.join(CLAIM_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Write { path: path.clone(), source })?;
        Ok(Claim { file, path, database: database.to_path_buf() })
    }

    /// A shared claim on the store `database` in `dir`: many processes may hold one at once.
    /// Waits while another process holds it exclusively, at most two minutes. (The store
    /// takes its claim with [`Claim::shared_after`].)
    #[cfg(test)]
    pub fn shared(dir: &Path, database: &Path) -> Result<Claim> {
        let claim = Claim::open(dir, database)?;
        claim.wait_shared()?;
        Ok(claim)
    }

    /// The claim exclusively, when no other process (and no other open store in this one)
    /// holds it; otherwise [`Error::InUse`] at once: "Keuzehulp is nog open in een ander
    /// venster of programma".
    pub fn exclusive(dir: &Path, database: &Path) -> Result<Claim> {
        let claim = Claim::open(dir, database)?;
        match claim.file.try_lock() {
            Ok(()) => Ok(claim),
            Err(TryLockError::WouldBlock) => Err(Error::InUse { path: database.to_path_buf() }),
            Err(TryLockError::Error(source)) => Err(Error::Write { path: claim.path.clone(), source }),
        }
    }

    /// A shared claim, and whether this process was alone with the store the moment it took
    /// it (it held the claim exclusively for that moment): then no other process is writing
    /// to the database or its WAL, and `alone` may look at them as files. `alone` runs while
    /// the claim is held exclusively.
    pub fn shared_after<T>(dir: &Path, database: &Path, alone: impl FnOnce() -> T) -> Result<(Claim, Option<T>)> {
        let claim = Claim::open(dir, database)?;
        let seen = match claim.file.try_lock() {
            Ok(()) => {
                let seen = alone();
                claim.let_go()?;
                Some(seen)
            }
            Err(TryLockError::WouldBlock) => None,
            Err(TryLockError::Error(source)) => return Err(Error::Write { path: claim.path.clone(), source }),
        };
        claim.wait_shared()?;
        Ok((claim, seen))
    }

    /// Lets go of the lock held on the file. On Windows the standard library unlocks twice
    /// (a handle may hold an exclusive and a shared lock at once), and the second call finds
    /// nothing left: Windows says ERROR_NOT_LOCKED, wine ERROR_LOCK_VIOLATION; neither means
    /// the lock is still held.
    fn let_go(&self) -> Result<()> {
        const ERROR_LOCK_VIOLATION: i32 = 33;
        const ERROR_NOT_LOCKED: i32 = 158;
        match self.file.unlock() {
            Ok(()) => Ok(()),
            Err(err)
                if cfg!(windows) && matches!(err.raw_os_error(), Some(ERROR_LOCK_VIOLATION | ERROR_NOT_LOCKED)) =>
            {
                Ok(())
            }
            Err(source) => Err(Error::Write { path: self.path.clone(), source }),
        }
    }

    fn wait_shared(&self) -> Result<()> {
        let start = Instant::now();
        loop {
            match self.file.try_lock_shared() {
                Ok(()) => return Ok(()),
                Err(TryLockError::WouldBlock) if start.elapsed() < WAIT => std::thread::sleep(POLL),
                Err(TryLockError::WouldBlock) => return Err(Error::InUse { path: self.database.clone() }),
                Err(TryLockError::Error(source)) => return Err(Error::Write { path: self.path.clone(), source }),
            }
        }
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_claims_exclude_an_exclusive_one_and_let_go_when_dropped() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("keuzehulp.sqlite3");
        let first = Claim::shared(dir.path(), &db).expect("shared");
        let second = Claim::shared(dir.path(), &db).expect("a second shared claim");
        assert!(matches!(Claim::exclusive(dir.path(), &db), Err(Error::InUse { .. })));
        drop(first);
        assert!(matches!(Claim::exclusive(dir.path(), &db), Err(Error::InUse { .. })), "one holder is enough");
        drop(second);
        let only = Claim::exclusive(dir.path(), &db).expect("nobody holds it now");
        let released = std::sync::atomic::AtomicBool::new(false);
        let waited = std::thread::scope(|s| {
            s.spawn(|| {
                std::thread::sleep(Duration::from_millis(100));
                released.store(true, std::sync::atomic::Ordering::SeqCst);
                drop(only);
            });
            Claim::shared(dir.path(), &db).expect("after the exclusive one lets go")
        });
        assert!(released.load(std::sync::atomic::Ordering::SeqCst), "it waited for the exclusive holder");
        let (held, alone) = Claim::shared_after(dir.path(), &db, || 7).expect("shared");
        assert_eq!(alone, None, "another claim is held: not alone");
        drop(waited);
        drop(held);
        let (held, alone) = Claim::shared_after(dir.path(), &db, || 7).expect("shared");
        assert_eq!(alone, Some(7), "nobody else: alone for a moment");
        assert!(matches!(Claim::exclusive(dir.path(), &db), Err(Error::InUse { .. })), "and shared after it");
        drop(held);
    }
}
