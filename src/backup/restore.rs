//! Putting a backup back without opening the store (it may be damaged): the current
//! database is kept first, as a `voor-herstel` backup or moved aside when damaged.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

use super::*;
use crate::error::{Error, Result};
use crate::store::{self, DB_FILE, migrations};
use crate::time::{self, Clock};

/// Puts the backup `file` back as the database of `data_dir`, without opening the store
/// (it may be damaged), and returns that backup; `key` reads an encrypted store and backup.
///
/// 0. No other process (or open store in this one) may have the store open: the process
///    claim is taken exclusively ([`crate::claim`]), else [`Error::InUse`].
/// 1. `file` (a path, or the name of a file in `data_dir/backups`) is copied to a temporary
///    file in `data_dir`, synced and checked (integrity, a Keuzehulp schema, not newer than
///    this program). A bad file changes nothing.
/// 2. A readable current database is first saved as a `voor-herstel` backup; it must not be
///    in use by another program. A damaged one is never deleted or overwritten: it is moved
///    aside with its `-wal` and `-shm` as `beschadigd-<time>.sqlite3`.
/// 3. The copy is renamed over `keuzehulp.sqlite3`, and no old `-wal` or `-shm` stays
///    behind to be applied to it.
pub fn restore(data_dir: &Path, file: &Path, key: Option<&str>) -> Result<Backup> {
    std::fs::create_dir_all(data_dir).map_err(|e| Error::DataDir {
        path: data_dir.to_path_buf(),
        reason: format!("de map kan niet worden aangemaakt ({e})"),
    })?;
    // No other process may have the store open while its file is replaced: it would go on
    // writing into the old one. Taken before anything is read.
    let _claim = crate::claim::Claim::exclusive(data_dir, &data_dir.join(DB_FILE))?;
    let file = resolve(data_dir, file);
    let metadata = std::fs::metadata(&file).map_err(|source| Error::Read { path: file.clone(), source })?;
    if !metadata.is_file() {
        return Err(Error::BackupInvalid { path: file, detail: "dit is geen bestand".into() });
    }
    let restored = describe(&file, &metadata);
    let tmp = temp_path(data_dir, "herstel");
    let result = (|| {
        copy_synced(&file, &tmp)?;
        match check_file(&tmp, key) {
            Ok(_) => {}
            Err(Problem::TooNew(found)) => {
                return Err(Error::TooNew { path: file.clone(), found, supported: migrations::current_version() });
            }
            Err(Problem::Invalid(detail)) => return Err(Error::BackupInvalid { path: file.clone(), detail }),
        }
        // Reading a copy of a WAL-mode file leaves an empty -wal and -shm beside it.
        remove_side_files(&tmp);
        let db = data_dir.join(DB_FILE);
        if db.exists() {
            save_current(data_dir, &db, key)?;
        }
        replace_database(&tmp, &db)
    })();
    if result.is_err() {
        remove_temp_database(&tmp);
    }
    result?;
    prune(data_dir);
    Ok(restored)
}

/// A bare file name that does not exist as given means a file in `data_dir/backups`.
fn resolve(data_dir: &Path, file: &Path) -> PathBuf {
    let bare = file.parent().is_none_or(|p| p.as_os_str().is_empty());
    if bare && !file.exists() { data_dir.join(BACKUP_DIR).join(file) } else { file.to_path_buf() }
}

/// The [`Backup`] a file stands for: from its name, or from its time of change.
fn describe(path: &Path, metadata: &std::fs::Metadata) -> Backup {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let (created_at, kind) = match Name::parse(&file) {
        Some(name) => (name.created_at, name.kind.into()),
        None => {
            let changed = metadata
                .modified()
                .ok()
                .and_then(|t| time::Timestamp::try_from(t).ok())
                .unwrap_or(time::Timestamp::UNIX_EPOCH);
            (time::utc_string(changed), BackupKind::Extern)
        }
    };
    Backup { path: path.to_path_buf(), file, created_at, kind, size: metadata.len() }
}

/// Before a restore: saves a readable current database as a `voor-herstel` backup, or
/// moves a damaged one aside.
fn save_current(data_dir: &Path, db: &Path, key: Option<&str>) -> Result<()> {
    if store::emptied(db, || list(data_dir).is_ok_and(|b| !b.is_empty())) {
        return move_aside(data_dir, db);
    }
    let conn = match crate::crypt::open(db, key) {
        Ok(conn) => conn,
        Err(e) if store::damage(&e).is_some() => return move_aside(data_dir, db),
        Err(e) => return Err(Error::store(db, e)),
    };
    match store::check_health(&conn, db) {
        Ok(()) => {}
        Err(Error::Damaged { .. }) => {
            drop(conn);
            return move_aside(data_dir, db);
        }
        Err(err) => return Err(err),
    }
    let fail = |e| Error::store(db, e);
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false).map_err(fail)?;
    // Another program with the database open holds a shared lock on it; taking an exclusive
    // lock proves there is none, and keeps others out until the copy is made.
    conn.busy_timeout(std::time::Duration::from_secs(2)).map_err(fail)?;
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE").map_err(fail)?;
    if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;") {
        return Err(match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::InUse { path: db.to_path_buf() },
            _ => Error::store(db, e),
        });
    }
    if migrations::version(&conn).map_err(fail)? > 0 {
        create_from(&conn, db, key, data_dir, Kind::VoorHerstel, &Clock::system())?;
    }
    // Closing the last connection checkpoints the WAL and removes it.
    conn.close().map_err(|(_, e)| Error::store(db, e))
}

/// Moves a damaged database and its `-wal` and `-shm` to `beschadigd-<time>.sqlite3`
/// (+ `-wal`, `-shm`) in `data_dir`, unchanged.
fn move_aside(data_dir: &Path, db: &Path) -> Result<()> {
    let target = store::set_aside_name(data_dir);
    std::fs::rename(db, &target).map_err(|source| Error::Write { path: target.clone(), source })?;
    for suffix in ["-wal", "-shm"] {
        let side = side_file(db, suffix);
        if side.exists() {
            let to = side_file(&target, suffix);
            if let Err(source) = std::fs::rename(&side, &to) {
                // Put the database back with its WAL rather than leave them apart.
                let _ = std::fs::rename(&target, db);
                return Err(Error::Write { path: to, source });
            }
        }
    }
    sync_dir(data_dir);
    Ok(())
}
