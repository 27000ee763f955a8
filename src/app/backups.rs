//! The façade's backups and encryption: opening the store (with the `voor-migratie` backup
//! a migration asks for first), naming the newest good backup in a "damaged" error, making
//! and restoring backups, emptying the trash, switching encryption.

use std::path::Path;

use super::Keuzehulp;
use crate::backup::{self, Backup, BackupKind};
use crate::claim::Claim;
use crate::crypt;
use crate::dossier;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::time::Clock;

/// Erases dossier `id` from the store, then from every backup that holds it, under the
/// backup lock: a backup being made meanwhile either finishes first (and is rewritten
/// here) or waits (and never holds the dossier). Temporary copies a broken-off backup, erase
/// or restore left behind are removed. With `remove_damaged`, a damaged copy set aside that
/// cannot be rewritten is removed (the user agreed).
pub(super) fn erase(store: &mut Store, data_dir: &Path, id: &str, remove_damaged: bool) -> Result<backup::Erasure> {
    let lock = backup::lock(data_dir)?;
    let wal_emptied = store.dossier_erase(id)?;
    let mut erasure = backup::erase_dossier(store, data_dir, id, remove_damaged)?;
    backup::remove_leftovers(data_dir, &lock);
    erasure.wal_pending = !wal_emptied;
    Ok(erasure)
}

/// What emptying the trash at start-up did.
#[derive(Debug, Default)]
pub(super) struct Purge {
    erased: usize,
    failed: Vec<backup::Unerased>,
}

impl Purge {
    /// One Dutch line for the user per thing worth saying.
    pub(super) fn notices(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.erased > 0 {
            let days = dossier::TRASH_DAYS;
            out.push(match self.erased {
                1 => format!("1 dossier stond {days} dagen in de prullenbak en is nu definitief gewist"),
                n => format!("{n} dossiers stonden {days} dagen in de prullenbak en zijn nu definitief gewist"),
            });
        }
        for u in &self.failed {
            out.push(format!("reservekopie {} bevat nog een verwijderd dossier: {}", u.file, u.reason));
        }
        out
    }
}

/// Erases every dossier that has been in the trash for [`dossier::TRASH_DAYS`] days by the
/// store's clock.
pub(super) fn purge_trash(store: &mut Store, data_dir: &Path) -> Result<Purge> {
    let mut purge = Purge::default();
    for id in store.dossier_trash_due()? {
        let erasure = erase(store, data_dir, &id, false)?;
        purge.erased += 1;
        purge.failed.extend(erasure.failed);
    }
    Ok(purge)
}

/// Opens the store in `data_dir` and brings its schema up to date; before migrating a
/// database that holds data, makes a `voor-migratie` backup of it (when that fails, nothing
/// is migrated).
pub(super) fn open_store(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Store> {
    let had_backups = || backup::list(data_dir).is_ok_and(|b| !b.is_empty());
    let found = Store::open(data_dir, passphrase, clock, had_backups)?;
    if found.needs_migration()? {
        backup::create(found.as_found(), data_dir, backup::Kind::VoorMigratie)?;
        backup::prune(data_dir);
    }
    found.migrate()
}

/// `err`, and when it says the database is damaged, with the newest backup in `data_dir`
/// that passes the integrity check (encrypted ones read with `passphrase`), so the message
/// can say which one to restore. Looked up here, once, for an error that reaches the user.
pub(crate) fn with_newest_backup(err: Error, data_dir: &Path, passphrase: Option<&str>) -> Error {
    match err {
        Error::Damaged { path, detail, backup: None } => {
            let backup = backup::newest_good(data_dir, passphrase);
            Error::Damaged { path, detail, backup }
        }
        other => other,
    }
}

impl Keuzehulp {
    /// Makes a backup now (kind `handmatig`) and applies the rolling schedule.
    pub fn backup_create(&self) -> Result<Backup> {
        let made = backup::create(&self.store, &self.data_dir, backup::Kind::Handmatig)?;
        backup::prune(&self.data_dir);
        Ok(made)
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        backup::list(&self.data_dir)
    }

    /// Closes this Keuzehulp and puts the backup `file` back (see [`backup::restore`]);
    /// open the data directory again afterwards.
    pub fn backup_restore(self, file: &Path) -> Result<Backup> {
        let data_dir = self.data_dir.clone();
        let key = self.store.key().map(str::to_string);
        drop(self);
        backup::restore(&data_dir, file, key.as_deref())
    }

    /// Whether the store is encrypted.
    pub fn encrypted(&self) -> bool {
        self.store.key().is_some()
    }

    /// Turns encryption on (`Some(passphrase)`, also to change the passphrase) or off
    /// (`None`), for the store and every backup; see [`Keuzehulp::set_encryption_with`].
    pub fn set_encryption(self, passphrase: Option<&str>) -> Result<()> {
        self.set_encryption_with(passphrase, false).map(|_| ())
    }

    /// Turns encryption on (`Some(passphrase)`, also to change the passphrase) or off
    /// (`None`), for the store, every backup and every damaged copy set aside; closes this
    /// Keuzehulp, so open the data directory again afterwards (with the new passphrase).
    /// Answers the damaged copies removed.
    ///
    /// No other process may have the store open: it would go on writing into the old file.
    /// The process claim is taken exclusively first, else [`Error::InUse`] and nothing changes.
    /// A damaged copy that cannot be encrypted is removed only with `remove_damaged` (the
    /// user agreed); without it [`Error::DamagedCopies`] names them and nothing changes.
    ///
    /// Each file is written anew beside the old one, synced and renamed over it, so a crash
    /// leaves either the old or the new file. The marker is written before encrypting and
    /// removed after decrypting, so an interruption is finished at the next open. Temporary
    /// copies a broken-off operation left behind are removed.
    pub fn set_encryption_with(self, passphrase: Option<&str>, remove_damaged: bool) -> Result<Vec<String>> {
        if let Some(p) = passphrase
            && p.chars().count() < crypt::MIN_PASSPHRASE
        {
            return Err(Error::InvalidInput {
                field: "wachtwoord".into(),
                message: format!("kies een wachtwoord van minstens {} tekens", crypt::MIN_PASSPHRASE),
            });
        }
        if passphrase.is_none() && !self.encrypted() {
            return Err(Error::InvalidInput {
                field: "versleuteling".into(),
                message: "de gegevens zijn niet versleuteld".into(),
            });
        }
        let data_dir = self.data_dir.clone();
        let from = self.store.key().map(str::to_string);
        let to = passphrase.unwrap_or("");
        let db = self.store.path().to_path_buf();
        // This process lets go of its own claim, then takes it alone.
        drop(self);
        let _claim = Claim::exclusive(&data_dir, &db)?;
        let lock = backup::lock(&data_dir)?;
        let listed = backup::list(&data_dir)?;
        let (set_aside, backups): (Vec<Backup>, Vec<Backup>) =
            listed.into_iter().partition(|b| b.kind == BackupKind::Beschadigd);

        // Damaged copies first: one that stays readable needs the user's consent to go.
        let mut converted = Vec::new();
        let mut unconvertible = Vec::new();
        if passphrase.is_some() {
            for b in set_aside {
                // A damaged file cannot be told from an encrypted one by its first bytes:
                // only one that opens with the old passphrase is known to be encrypted.
                let sealed = from.as_deref().is_some_and(|f| crypt::opens_with(&b.path, f));
                if sealed && from.as_deref() == Some(to) {
                    continue;
                }
                match backup::convert_set_aside(&b.path, from.as_deref(), to) {
                    Ok(tmp) => converted.push((b, tmp)),
                    // Encrypted with the old passphrase it stays so: nothing readable.
                    Err(_) if sealed => {}
                    Err(_) => unconvertible.push(b),
                }
            }
            if !unconvertible.is_empty() && !remove_damaged {
                for (_, tmp) in &converted {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(Error::DamagedCopies { files: unconvertible.into_iter().map(|b| b.file).collect() });
            }
        }

        if passphrase.is_some() {
            let marker = data_dir.join(crypt::MARKER);
            crate::replace::write_atomically(&marker, "Keuzehulp versleutelt de gegevens in deze map.\n".as_bytes())?;
        }
        let tmp = data_dir.join(format!("{}.omzetten", crate::store::DB_FILE));
        let exported = crypt::open(&db, from.as_deref())
            .and_then(|conn| {
                conn.busy_timeout(std::time::Duration::from_secs(5))?;
                crypt::export(&conn, &tmp, to)?;
                conn.close().map_err(|(_, e)| e)
            })
            .map_err(|e| Error::store(&db, e));
        if let Err(err) = exported.and_then(|()| backup::replace_database(&tmp, &db)) {
            let _ = std::fs::remove_file(&tmp);
            for (_, tmp) in &converted {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(err);
        }
        let mut failed = Vec::new();
        for b in backups {
            let plain = crypt::looks_plain(&b.path);
            let needed = match passphrase {
                None => !plain,
                // Encrypted backups keep their key unless the passphrase changes.
                Some(to) => plain || from.as_deref().is_some_and(|f| f != to),
            };
            if !needed {
                continue;
            }
            let tmp = b.path.with_extension("omzetten");
            let converted = crypt::open(&b.path, from.as_deref())
                .and_then(|conn| crypt::export(&conn, &tmp, to))
                .map_err(|e| Error::store(&b.path, e))
                .and_then(|()| backup::replace_database(&tmp, &b.path));
            if converted.is_err() {
                let _ = std::fs::remove_file(&tmp);
                failed.push(b.file);
            }
        }
        for (b, tmp) in converted {
            if backup::replace_database(&tmp, &b.path).is_err() {
                let _ = std::fs::remove_file(&tmp);
                failed.push(b.file);
            }
        }
        let mut removed = Vec::new();
        for b in unconvertible {
            if backup::remove_database(&b.path) {
                removed.push(b.file);
            } else {
                failed.push(b.file);
            }
        }
        backup::remove_leftovers(&data_dir, &lock);
        if passphrase.is_none() {
            let marker = data_dir.join(crypt::MARKER);
            std::fs::remove_file(&marker).map_err(|source| Error::Write { path: marker, source })?;
        }
        if !failed.is_empty() {
            return Err(Error::InvalidInput {
                field: "reservekopieën".into(),
                message: format!(
                    "de database is omgezet, maar deze reservekopieën niet (verwijder ze, of probeer het opnieuw): {}",
                    failed.join(", ")
                ),
            });
        }
        Ok(removed)
    }
}
