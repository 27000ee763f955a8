//! [`Session`]: what a face holds between calls. Opening Keuzehulp may fail (a damaged or
//! encrypted database, an unusable folder); the session remembers why and answers every
//! call with that, while what works without an open store still works: listing and
//! restoring backups, unlocking with a passphrase, switching encryption. The window and the
//! command line both hold one, so neither rebuilds these rules.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::Keuzehulp;
use crate::app::with_newest_backup;
use crate::backup::{self, Backup};
use crate::crypt::{self, Passphrase};
use crate::error::{Error, Result};
use crate::time::Clock;

/// An error a session gives, shared: the one opening failed with is given to every call
/// until the store opens. `?` turns a core [`Error`] into one.
pub type SessionError = Arc<Error>;

/// The data directory, the passphrase given, and the core once opened (or why it is not).
pub struct Session {
    data_dir: std::result::Result<PathBuf, SessionError>,
    passphrase: Option<Passphrase>,
    clock: Clock,
    /// `None` until first used, and again after a restore.
    core: Option<std::result::Result<Keuzehulp, SessionError>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").field("data_dir", &self.data_dir).field("open", &self.is_open()).finish()
    }
}

impl Session {
    /// A session over `data_dir` (or the error finding it gave), with the passphrase when the
    /// user gave one. Nothing is opened yet: see [`Session::open`].
    pub fn new(data_dir: Result<PathBuf>, passphrase: Option<&str>) -> Self {
        Self::with_clock(data_dir, passphrase, Clock::system())
    }

    /// [`Session::new`] with the clock that dates changes, backups and deletions.
    pub fn with_clock(data_dir: Result<PathBuf>, passphrase: Option<&str>, clock: Clock) -> Self {
        Session { data_dir: data_dir.map_err(Arc::new), passphrase: passphrase.map(Passphrase::new), clock, core: None }
    }

    /// A session over a core opened already (or the error opening it gave; then there is no
    /// data directory either).
    pub fn from_core(core: Result<Keuzehulp>) -> Self {
        match core {
            Ok(core) => Session {
                data_dir: Ok(core.data_dir().to_path_buf()),
                passphrase: None,
                clock: core.clock().clone(),
                core: Some(Ok(core)),
            },
            Err(err) => {
                let err = Arc::new(err);
                Session { data_dir: Err(err.clone()), passphrase: None, clock: Clock::system(), core: Some(Err(err)) }
            }
        }
    }

    /// Opens the core when it is not open yet; a failure is remembered and given again by
    /// every call until the store opens (see [`Session::unlock`], [`Session::restore`]).
    pub fn open(&mut self) -> std::result::Result<&mut Keuzehulp, SessionError> {
        let opened = match self.core.take() {
            Some(opened) => opened,
            None => self.open_now(),
        };
        self.core.insert(opened).as_mut().map_err(|err| err.clone())
    }

    /// [`Session::open`] leaving the start-up work that can wait (the trash's purge, the
    /// daily backup) to [`Session::maintain`]: how the window opens the store while its page
    /// loads. When the core is open already, it is given as it is.
    pub fn open_deferred(&mut self) -> std::result::Result<&mut Keuzehulp, SessionError> {
        if self.core.is_none() {
            let dir = self.data_dir()?;
            self.core = Some(Keuzehulp::open_deferred(dir, self.key(), self.clock.clone()).map_err(Arc::new));
        }
        self.open()
    }

    /// Runs the start-up work [`Session::open_deferred`] left (see [`Keuzehulp::maintain`]);
    /// nothing when the core is not open.
    pub fn maintain(&mut self) {
        let passphrase = self.passphrase.as_ref().map(Passphrase::expose);
        if let Some(Ok(core)) = self.core.as_mut() {
            core.maintain(passphrase);
        }
    }

    /// The open core, taken out of the session (which then holds none until the next call).
    fn take_core(&mut self) -> std::result::Result<Keuzehulp, SessionError> {
        match self.core.take().unwrap_or_else(|| self.open_now()) {
            Ok(core) => Ok(core),
            Err(err) => {
                self.core = Some(Err(err.clone()));
                Err(err)
            }
        }
    }

    fn open_now(&self) -> std::result::Result<Keuzehulp, SessionError> {
        let dir = self.data_dir()?;
        Ok(Keuzehulp::open_with_clock(dir, self.key(), self.clock.clone())?)
    }

    /// Whether the core is open.
    pub fn is_open(&self) -> bool {
        matches!(self.core, Some(Ok(_)))
    }

    /// Runs `f` on the open core (opening it first when needed). A damaged database in
    /// `f`'s error is named with the newest good backup.
    pub fn with<T>(&mut self, f: impl FnOnce(&mut Keuzehulp) -> Result<T>) -> std::result::Result<T, SessionError> {
        let result = f(self.open()?);
        result.map_err(|err| Arc::new(self.located(err)))
    }

    /// The data directory, or why there is none.
    pub fn data_dir(&self) -> std::result::Result<&Path, SessionError> {
        self.data_dir.as_deref().map_err(Clone::clone)
    }

    /// The database file.
    pub fn database(&self) -> std::result::Result<PathBuf, SessionError> {
        Ok(self.data_dir()?.join(crate::store::DB_FILE))
    }

    /// Whether the database file is encrypted, read from the file itself: needs no
    /// passphrase and no open store.
    pub fn database_encrypted(&self) -> std::result::Result<bool, SessionError> {
        let db = self.database()?;
        Ok(db.exists() && !crypt::looks_plain(&db))
    }

    /// The backups, newest first; needs no open store.
    pub fn backups(&self) -> std::result::Result<Vec<Backup>, SessionError> {
        Ok(backup::list(self.data_dir()?)?)
    }

    /// Puts the backup `file` back (a path, or a file name in the backups folder), without
    /// opening the store: it may be damaged. An open core is closed first; it opens again at
    /// the next call.
    pub fn restore(&mut self, file: &Path) -> std::result::Result<Backup, SessionError> {
        let dir = self.data_dir()?.to_path_buf();
        let restored = match self.core.take() {
            Some(Ok(core)) => core.backup_restore(file),
            _ => backup::restore(&dir, file, self.key()),
        };
        Ok(restored?)
    }

    /// The window's restore: only a backup named in [`Session::backups`] (a file name, never a
    /// path), then the store is opened again whatever happened: the restored database, or the
    /// one that was there. Answers with the restore's failure, else the opening's.
    pub fn restore_listed(&mut self, name: &str) -> std::result::Result<Backup, SessionError> {
        let dir = self.data_dir()?.to_path_buf();
        let Some(chosen) = self.backups()?.into_iter().find(|b| b.file == name) else {
            return Err(Arc::new(Error::BackupInvalid {
                path: PathBuf::from(name),
                detail: format!("het is geen reservekopie in {}", dir.display()),
            }));
        };
        let restored = self.restore(&chosen.path);
        let opened = self.open().map(|_| ());
        let backup = restored?;
        opened?;
        Ok(backup)
    }

    /// Opens an encrypted store with `passphrase`. A wrong one changes nothing (the session
    /// stays as it was); a passphrase that opens the file is kept, also when the database
    /// then proves damaged, so that a backup can be restored with it. Nothing happens when
    /// the store is open already.
    pub fn unlock(&mut self, passphrase: &str) -> std::result::Result<(), SessionError> {
        if self.is_open() {
            return Ok(());
        }
        let dir = self.data_dir()?.to_path_buf();
        let opened = Keuzehulp::open_with_clock(&dir, Some(passphrase), self.clock.clone());
        if matches!(opened, Ok(_) | Err(Error::Damaged { .. })) {
            self.passphrase = Some(Passphrase::new(passphrase));
        }
        match opened {
            Ok(core) => {
                self.core = Some(Ok(core));
                Ok(())
            }
            Err(err @ Error::WrongPassphrase { .. }) => Err(Arc::new(err)),
            Err(err) => {
                let err = Arc::new(err);
                self.core = Some(Err(err.clone()));
                Err(err)
            }
        }
    }

    /// Turns encryption on (`Some(passphrase)`, also to change it) or off (`None`) for the
    /// store and its backups (see [`Keuzehulp::set_encryption`]), then opens the store again
    /// with the passphrase that now holds. Answers whether the store is now encrypted.
    pub fn set_encryption(&mut self, passphrase: Option<&str>) -> std::result::Result<bool, SessionError> {
        Ok(self.switch_encryption(passphrase, false)?.0)
    }

    /// [`Session::set_encryption`]; with `remove_damaged` damaged copies set aside that cannot
    /// be encrypted are removed (the user agreed; see [`Keuzehulp::set_encryption_with`]).
    /// Answers whether the store is now encrypted, and the copies removed.
    pub fn switch_encryption(
        &mut self,
        passphrase: Option<&str>,
        remove_damaged: bool,
    ) -> std::result::Result<(bool, Vec<String>), SessionError> {
        let core = self.take_core()?;
        let old = if core.encrypted() { self.passphrase.clone() } else { None };
        let changed = core.set_encryption_with(passphrase, remove_damaged);
        self.passphrase = if changed.is_ok() { passphrase.map(Passphrase::new) } else { old };
        self.core = Some(self.open_now());
        let removed = changed?;
        self.open()?;
        Ok((self.passphrase.is_some(), removed))
    }

    fn key(&self) -> Option<&str> {
        self.passphrase.as_ref().map(Passphrase::expose)
    }

    /// `err` with the newest good backup named, when it says the database is damaged.
    fn located(&self, err: Error) -> Error {
        match &self.data_dir {
            Ok(dir) => with_newest_backup(err, dir, self.key()),
            Err(_) => err,
        }
    }
}
