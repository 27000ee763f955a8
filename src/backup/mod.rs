//! Backups of the store, in `<data_dir>/backups/`.
//!
//! A backup is one compact SQLite file made with `VACUUM INTO` (a consistent snapshot that
//! includes what is still in the WAL, without a WAL of its own). It is written under a
//! temporary name, synced, checked with `PRAGMA integrity_check`, and only then renamed to
//! its final name; a file that fails the check is deleted and the backup fails.
//!
//! The name says when and why: `keuzehulp-2026-11-22T13-05-00Z-handmatig.sqlite3` (UTC;
//! a second backup of the same kind in the same second gets `-2`, `-3`, ...). Kinds:
//! `handmatig` (asked for), `dagelijks` (at most one a day, on opening, when the dossiers
//! changed), `voor-migratie` (before a schema migration) and `voor-herstel` (the database as
//! it was just before a restore).
//!
//! [`restore`] works without opening the store, because the store may be damaged. A
//! damaged database is never written to or deleted: it is moved aside as
//! `beschadigd-<time>.sqlite3` (with its `-wal` and `-shm`).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{self, Store, migrations};
use crate::time::{self, Clock};

mod erase;
mod restore;
mod schedule;

pub use erase::{Erasure, Unerased, erase_dossier};
pub use restore::restore;
pub use schedule::{daily_if_due, prune};

/// The backup directory inside the data directory.
pub const BACKUP_DIR: &str = "backups";
/// Daily backups kept: the newest this many...
pub const KEEP_DAILY: usize = 7;
/// ...plus the newest daily backup of each of this many older ISO weeks.
pub const KEEP_WEEKLY: usize = 4;
/// Backups of every other kind kept: the newest this many of each.
pub const KEEP_EACH: usize = 10;

const PREFIX: &str = "keuzehulp-";
const EXTENSION: &str = ".sqlite3";
/// Temporary files of a backup or restore in progress start with this.
const TEMP_PREFIX: &str = ".keuzehulp-";
const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file older than this is left over from a crash and may be removed.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(3600);

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Asked for by the user.
    Handmatig,
    /// Made automatically, at most once a day, when the dossiers changed.
    Dagelijks,
    /// Made just before a schema migration.
    VoorMigratie,
    /// The database as it was just before a restore.
    VoorHerstel,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 4] = [Kind::Handmatig, Kind::Dagelijks, Kind::VoorMigratie, Kind::VoorHerstel];

    /// The kind as it appears in file names and in [`Backup::kind`].
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Handmatig => "handmatig",
            Kind::Dagelijks => "dagelijks",
            Kind::VoorMigratie => "voor-migratie",
            Kind::VoorHerstel => "voor-herstel",
        }
    }
}

/// What a listed backup is ([`Backup::kind`]): one of the kinds made here, or `extern`, a
/// file restored from elsewhere whose name does not say. In JSON the words of the file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum BackupKind {
    /// Asked for by the user.
    Handmatig,
    /// The daily backup.
    Dagelijks,
    /// Made just before a schema migration.
    VoorMigratie,
    /// The database as it was just before a restore.
    VoorHerstel,
    /// Restored from a file whose name is not a backup's: made elsewhere, kind unknown.
    Extern,
    /// A damaged database set aside in the data directory (`beschadigd-<time>.sqlite3`, by a
    /// restore, or with its damaged WAL): not a backup, but it may hold dossiers, so it is
    /// listed, erased from and encrypted like one.
    Beschadigd,
}

impl BackupKind {
    /// Every kind, the ones made here first.
    pub const ALL: [BackupKind; 6] = [
        BackupKind::Handmatig,
        BackupKind::Dagelijks,
        BackupKind::VoorMigratie,
        BackupKind::VoorHerstel,
        BackupKind::Extern,
        BackupKind::Beschadigd,
    ];

    /// Its word in JSON and in the command line's list (a made kind's as in its file name).
    pub fn as_str(self) -> &'static str {
        match (self, self.made()) {
            (_, Some(kind)) => kind.as_str(),
            (BackupKind::Beschadigd, None) => "beschadigd",
            (_, None) => "extern",
        }
    }

    /// The kind it was made as, unless it came from elsewhere.
    pub fn made(self) -> Option<Kind> {
        match self {
            BackupKind::Handmatig => Some(Kind::Handmatig),
            BackupKind::Dagelijks => Some(Kind::Dagelijks),
            BackupKind::VoorMigratie => Some(Kind::VoorMigratie),
            BackupKind::VoorHerstel => Some(Kind::VoorHerstel),
            BackupKind::Extern | BackupKind::Beschadigd => None,
        }
    }
}

impl From<Kind> for BackupKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Handmatig => BackupKind::Handmatig,
            Kind::Dagelijks => BackupKind::Dagelijks,
            Kind::VoorMigratie => BackupKind::VoorMigratie,
            Kind::VoorHerstel => BackupKind::VoorHerstel,
        }
    }
}

impl std::fmt::Display for BackupKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One backup file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// Its file name.
    pub file: String,
    /// When it was made (UTC), `YYYY-MM-DDTHH:MM:SSZ`.
    pub created_at: String,
    /// Why it was made, or `extern` for a file restored from elsewhere whose name does not say.
    pub kind: BackupKind,
    /// Size in bytes.
    pub size: u64,
}

/// The parts of a backup file name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    created_at: String,
    kind: Kind,
    /// 1 for the first backup of its kind in its second, then 2, 3, ...
    seq: u32,
}

impl Name {
    fn file(&self) -> String {
        let stamp = self.created_at.replace(':', "-");
        let seq = if self.seq > 1 { format!("-{}", self.seq) } else { String::new() };
        format!("{PREFIX}{stamp}-{}{seq}{EXTENSION}", self.kind.as_str())
    }

    fn parse(file: &str) -> Option<Name> {
        let rest = file.strip_prefix(PREFIX)?.strip_suffix(EXTENSION)?;
        let stamp = rest.get(..20)?;
        let created_at = stamp_to_utc(stamp)?;
        let rest = rest.get(20..)?.strip_prefix('-')?;
        Kind::ALL.into_iter().find_map(|kind| {
            let tail = rest.strip_prefix(kind.as_str())?;
            let seq = match tail {
                "" => 1,
                _ => {
                    let digits = tail.strip_prefix('-')?;
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    digits.parse().ok()?
                }
            };
            Some(Name { created_at: created_at.clone(), kind, seq })
        })
    }
}

/// `2026-11-22T13-05-00Z` → `2026-11-22T13:05:00Z`, if it is a moment the calendar has.
fn stamp_to_utc(stamp: &str) -> Option<String> {
    let b = stamp.as_bytes();
    if b.len() != 20 || b[13] != b'-' || b[16] != b'-' {
        return None;
    }
    let utc = format!("{}:{}:{}", stamp.get(..13)?, stamp.get(14..16)?, stamp.get(17..)?);
    time::parse_utc(&utc).map(|_| utc)
}

/// Sort key: newest first means the largest key first.
fn order_key(backup: &Backup) -> (String, u32, String) {
    let seq = Name::parse(&backup.file).map_or(0, |n| n.seq);
    (backup.created_at.clone(), seq, backup.file.clone())
}

/// The backups in `data_dir/backups`, newest first. Needs no open store; files with other
/// names are not backups and are left out.
pub fn list(data_dir: &Path) -> Result<Vec<Backup>> {
    let dir = data_dir.join(BACKUP_DIR);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Read { path: dir, source }),
    };
    let mut backups = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read { path: dir.clone(), source })?;
        let Some(file) = entry.file_name().to_str().map(str::to_string) else { continue };
        let Some(name) = Name::parse(&file) else { continue };
        let Ok(metadata) = entry.metadata() else { continue };
        if !metadata.is_file() {
            continue;
        }
        backups.push(Backup {
            path: entry.path(),
            file,
            created_at: name.created_at,
            kind: name.kind.into(),
            size: metadata.len(),
        });
    }
    backups.extend(set_aside(data_dir));
    backups.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
    Ok(backups)
}

/// The damaged databases set aside in `data_dir` (`beschadigd-<time>[-n].sqlite3`), each
/// with the size of its `-wal` added.
fn set_aside(data_dir: &Path) -> Vec<Backup> {
    let Ok(entries) = std::fs::read_dir(data_dir) else { return Vec::new() };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Some(file) = entry.file_name().to_str().map(str::to_string) else { continue };
        let Some(rest) = file.strip_prefix(store::SET_ASIDE_PREFIX).and_then(|r| r.strip_suffix(EXTENSION)) else {
            continue;
        };
        let Some(created_at) = rest.get(..20).and_then(stamp_to_utc) else { continue };
        let seq = rest.get(20..).unwrap_or_default();
        if !(seq.is_empty()
            || seq.strip_prefix('-').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())))
        {
            continue;
        }
        let Ok(metadata) = entry.metadata() else { continue };
        if !metadata.is_file() {
            continue;
        }
        let path = entry.path();
        let wal = std::fs::metadata(side_file(&path, "-wal")).map_or(0, |m| m.len());
        found.push(Backup { path, file, created_at, kind: BackupKind::Beschadigd, size: metadata.len() + wal });
    }
    found
}

/// Makes a backup of `kind` of the open store.
pub fn create(store: &Store, data_dir: &Path, kind: Kind) -> Result<Backup> {
    create_from(store.conn(), store.path(), store.key(), data_dir, kind, store.clock())
}

fn create_from(
    conn: &Connection,
    db: &Path,
    key: Option<&str>,
    data_dir: &Path,
    kind: Kind,
    clock: &Clock,
) -> Result<Backup> {
    create_unless(conn, db, key, data_dir, kind, clock, |_| false)?.ok_or_else(|| Error::BackupInvalid {
        path: data_dir.join(BACKUP_DIR),
        detail: "de reservekopie is niet gemaakt".into(),
    })
}

/// The lock file in the backup directory. Held while a backup is made (from the first page
/// read to its final name), while a dossier is erased from the store and the backups, and
/// while the database's file is replaced: so an erase never runs while a backup that still
/// holds the dossier is being made, and two processes never take the same name or both
/// make the day's daily backup.
const LOCK_FILE: &str = ".vergrendeling";

/// Holds the backup directory's lock until dropped (see [`lock`]).
#[derive(Debug)]
pub struct BackupLock(std::fs::File);

/// Takes the backup directory's lock in `data_dir`, waiting for another process that holds
/// it (a backup being made, an erase). Not reentrant: one holder per process at a time.
pub fn lock(data_dir: &Path) -> Result<BackupLock> {
    let dir = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&dir).map_err(|source| Error::Write { path: dir.clone(), source })?;
    let path = dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|source| Error::Write { path: path.clone(), source })?;
    file.lock().map_err(|source| Error::Write { path, source })?;
    Ok(BackupLock(file))
}

impl Drop for BackupLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Removes what a backup, erase, restore or switch of encryption broken off (a killed
/// process) left behind in `data_dir` and its backups: temporary copies that may hold a
/// dossier. Call it holding the backup lock ([`lock`]) and the store open (its claim): then
/// no such operation is under way in any process, and every one of these files is left
/// over. Returns the files removed; one that cannot be removed is named by the next call.
pub fn remove_leftovers(data_dir: &Path, _held: &BackupLock) -> Vec<PathBuf> {
    let mut removed = Vec::new();
    let db_temp = format!("{}.omzetten", store::DB_FILE);
    for (dir, backups) in [(data_dir.to_path_buf(), false), (data_dir.join(BACKUP_DIR), true)] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let base = name.trim_end_matches("-wal").trim_end_matches("-shm").trim_end_matches("-journal");
            let converting = base.ends_with(".omzetten")
                && (base == db_temp
                    || (backups && base.starts_with(PREFIX))
                    || (!backups && base.starts_with(store::SET_ASIDE_PREFIX)));
            let leftover = (base.starts_with(TEMP_PREFIX) && base.ends_with(TEMP_SUFFIX)) || converting;
            if leftover && entry.file_type().is_ok_and(|t| t.is_file()) && std::fs::remove_file(entry.path()).is_ok() {
                removed.push(entry.path());
            }
        }
    }
    removed
}

/// Makes a backup of `kind` of the database open on `conn` (the file `db`): `VACUUM INTO` a
/// temporary file, sync, integrity check, rename, all under the backup directory's lock
/// ([`lock`]); when `unless(backups)` holds for the backups already there (another
/// process made the same backup meanwhile), the new file is dropped and `None` returned.
/// A backup of an encrypted store is encrypted with the same key (`VACUUM INTO` keeps it).
fn create_unless(
    conn: &Connection,
    db: &Path,
    key: Option<&str>,
    data_dir: &Path,
    kind: Kind,
    clock: &Clock,
    unless: impl FnOnce(&[Backup]) -> bool,
) -> Result<Option<Backup>> {
    let dir = data_dir.join(BACKUP_DIR);
    std::fs::create_dir_all(&dir).map_err(|source| Error::Write { path: dir.clone(), source })?;
    let created_at = clock.now_utc();
    let tmp = temp_path(&dir, kind.as_str());
    let Some(tmp_text) = tmp.to_str() else {
        return Err(Error::Write {
            path: tmp.clone(),
            source: std::io::Error::other("het pad van de gegevensmap is geen geldige tekst (UTF-8)"),
        });
    };
    // Held from the first page read: an erase waits until this backup has its name, and then
    // finds it; or this backup waits until the erase is done, and does not hold the dossier.
    let _lock = lock(data_dir)?;
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [tmp_text]).map_err(|e| match store::damage(&e) {
            Some(detail) => Error::damaged(db, detail),
            None => Error::store(db, e),
        })?;
        sync_file(&tmp).map_err(|source| Error::Write { path: tmp.clone(), source })?;
        check_file(&tmp, key).map_err(|problem| Error::BackupInvalid {
            path: tmp.clone(),
            detail: format!("de nieuwe reservekopie kwam niet door de controle: {}", problem.detail()),
        })?;
        if unless(&list(data_dir)?) {
            return Ok(None);
        }
        let mut name = Name { created_at: created_at.clone(), kind, seq: 1 };
        while dir.join(name.file()).exists() {
            name.seq += 1;
        }
        let path = dir.join(name.file());
        std::fs::rename(&tmp, &path).map_err(|source| Error::Write { path: path.clone(), source })?;
        sync_dir(&dir);
        let size = std::fs::metadata(&path).map_err(|source| Error::Read { path: path.clone(), source })?.len();
        let file = name.file();
        Ok(Some(Backup { path, file, created_at: created_at.clone(), kind: kind.into(), size }))
    })();
    if !matches!(result, Ok(Some(_))) {
        remove_temp_database(&tmp);
    }
    result
}

/// What is wrong with a file that should be a Keuzehulp database.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// Not a database, damaged, or not Keuzehulp's.
    Invalid(String),
    /// Written by a newer Keuzehulp (its schema version).
    TooNew(u32),
}

impl Problem {
    fn detail(&self) -> String {
        match self {
            Problem::Invalid(detail) => detail.clone(),
            Problem::TooNew(found) => format!("schema {found} is nieuwer dan deze versie kent"),
        }
    }
}

/// Checks the database file `path` read-only: `PRAGMA integrity_check`, a Keuzehulp schema,
/// and a schema version this program knows. Returns that version.
fn check_file(path: &Path, key: Option<&str>) -> std::result::Result<u32, Problem> {
    let invalid = |e: rusqlite::Error| Problem::Invalid(store::damage(&e).unwrap_or_else(|| e.to_string()));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = crate::crypt::open_with_flags(path, key, flags).map_err(invalid)?;
    if let Some(detail) = store::integrity_check(&conn).map_err(invalid)? {
        return Err(Problem::Invalid(detail));
    }
    let version = migrations::version(&conn).map_err(invalid)?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'interventions')",
            [],
            |row| row.get(0),
        )
        .map_err(invalid)?;
    if version == 0 || tables != 2 {
        return Err(Problem::Invalid("dit is geen database van Keuzehulp".into()));
    }
    if version > migrations::current_version() {
        return Err(Problem::TooNew(version));
    }
    Ok(version)
}

/// The newest backup in `data_dir/backups` that passes the integrity check and that this
/// version can open (encrypted backups with `key`).
pub fn newest_good(data_dir: &Path, key: Option<&str>) -> Option<PathBuf> {
    list(data_dir)
        .ok()?
        .into_iter()
        .filter(|b| b.kind != BackupKind::Beschadigd)
        .find(|b| check_file(&b.path, key).is_ok())
        .map(|b| b.path)
}

/// `path` with `suffix` appended to its file name (`x.sqlite3` → `x.sqlite3-wal`).
fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes what SQLite may leave beside the database file `path` (`-wal`, `-shm`,
/// `-journal`); best effort.
fn remove_side_files(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(side_file(path, suffix));
    }
}

/// Removes the temporary database `path` of a failed backup step, with its side files.
fn remove_temp_database(path: &Path) {
    let _ = std::fs::remove_file(path);
    remove_side_files(path);
}

/// A fresh temporary file name in `dir`.
fn temp_path(dir: &Path, what: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    dir.join(format!("{TEMP_PREFIX}{what}-{}-{nanos}{TEMP_SUFFIX}", std::process::id()))
}

/// Copies `from` to the new file `to` and syncs it.
fn copy_synced(from: &Path, to: &Path) -> Result<()> {
    let mut source = std::fs::File::open(from).map_err(|source| Error::Read { path: from.to_path_buf(), source })?;
    let write = |source| Error::Write { path: to.to_path_buf(), source };
    let mut target = std::fs::OpenOptions::new().write(true).create_new(true).open(to).map_err(write)?;
    std::io::copy(&mut source, &mut target).map_err(|source| Error::Read { path: from.to_path_buf(), source })?;
    target.flush().map_err(write)?;
    target.sync_all().map_err(write)
}

/// Puts the database file `tmp` in place of `db`, durably: syncs `tmp`, removes `db`'s `-wal`
/// and `-shm` (an old WAL must never be applied to the new file), renames, and syncs the
/// directory. Used by restore and by switching encryption on or off.
pub(crate) fn replace_database(tmp: &Path, db: &Path) -> Result<()> {
    sync_file(tmp).map_err(|source| Error::Write { path: tmp.to_path_buf(), source })?;
    for suffix in ["-wal", "-shm"] {
        let side = side_file(db, suffix);
        match std::fs::remove_file(&side) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::Write { path: side, source: err });
            }
            _ => {}
        }
    }
    std::fs::rename(tmp, db).map_err(|source| Error::Write { path: db.to_path_buf(), source })?;
    if let Some(dir) = db.parent() {
        sync_dir(dir);
    }
    Ok(())
}

/// Writes the damaged copy set aside at `path` (with its `-wal`) anew as
/// `<path without .sqlite3>.omzetten`, encrypted with `to` (plain when empty), read with
/// `from` when it is encrypted; checked like a backup. Answers the new file, to be put in
/// place with [`replace_database`]; or why it cannot be done (it is damaged past reading,
/// or its log is). The copy itself is not changed.
pub(crate) fn convert_set_aside(path: &Path, from: Option<&str>, to: &str) -> std::result::Result<PathBuf, String> {
    if let Some(detail) = store::wal::damage_beside(path) {
        return Err(format!("het logbestand ernaast is beschadigd ({detail})"));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let work = temp_path(dir, "omzetten");
    let target = path.with_extension("omzetten");
    let result = (|| {
        copy_synced(path, &work).map_err(|e| e.to_string())?;
        let wal = side_file(path, "-wal");
        if wal.exists() {
            copy_synced(&wal, &side_file(&work, "-wal")).map_err(|e| e.to_string())?;
        }
        let key = if crate::crypt::looks_plain(&work) { None } else { from };
        let conn = crate::crypt::open(&work, key).map_err(|e| e.to_string())?;
        conn.execute_batch("PRAGMA journal_mode = DELETE").map_err(|e| e.to_string())?;
        crate::crypt::export(&conn, &target, to).map_err(|e| e.to_string())?;
        conn.close().map_err(|(_, e)| e.to_string())?;
        let key = (!to.is_empty()).then_some(to);
        check_file(&target, key).map_err(|problem| problem.detail())?;
        remove_side_files(&target);
        Ok(target.clone())
    })();
    remove_temp_database(&work);
    if result.is_err() {
        remove_temp_database(&target);
    }
    result
}

/// Removes the database file `path` with its `-wal`, `-shm` and `-journal`; answers whether
/// it is gone.
pub(crate) fn remove_database(path: &Path) -> bool {
    let _ = std::fs::remove_file(path);
    remove_side_files(path);
    !path.exists()
}

fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new().read(true).write(true).open(path)?.sync_all()
}

/// Makes a rename in `dir` durable where the platform allows syncing a directory; best
/// effort (Windows cannot open a directory as a file).
fn sync_dir(dir: &Path) {
    if let Ok(handle) = std::fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests;
