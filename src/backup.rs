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

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{self, DB_FILE, Store, migrations};
use crate::time::{self, Clock};

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

    /// The kind named `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
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
    /// `handmatig`, `dagelijks`, `voor-migratie` or `voor-herstel` (`extern` for a file
    /// restored from elsewhere whose name does not say).
    pub kind: String,
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
            kind: name.kind.as_str().to_string(),
            size: metadata.len(),
        });
    }
    backups.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
    Ok(backups)
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

/// The lock file in the backup directory: held while a new backup gets its name, so two
/// processes never take the same name or both make the day's daily backup.
const LOCK_FILE: &str = ".vergrendeling";

/// Holds the backup directory's lock until dropped.
struct DirLock(std::fs::File);

impl DirLock {
    fn take(dir: &Path) -> Result<DirLock> {
        let path = dir.join(LOCK_FILE);
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|source| Error::Write { path: path.clone(), source })?;
        file.lock().map_err(|source| Error::Write { path, source })?;
        Ok(DirLock(file))
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Makes a backup of `kind` of the database open on `conn` (the file `db`): `VACUUM INTO` a
/// temporary file, sync, integrity check, rename. The name is taken under the backup
/// directory's lock; when `unless(backups)` then holds for the backups already there (another
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
        let _lock = DirLock::take(&dir)?;
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
        Ok(Some(Backup { path, file, created_at: created_at.clone(), kind: kind.as_str().to_string(), size }))
    })();
    if !matches!(result, Ok(Some(_))) {
        remove_temp_database(&tmp);
    }
    result
}

/// What erasing a dossier from the backups did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Erasure {
    /// The backups that held the dossier and were rewritten without it (file names).
    pub cleaned: Vec<String>,
    /// The backups that could not be rewritten, with why; they still hold the dossier.
    pub failed: Vec<Unerased>,
}

/// A backup that still holds an erased dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Unerased {
    /// The backup's file name.
    pub file: String,
    /// Why it could not be rewritten, in Dutch.
    pub reason: String,
}

/// Erases dossier `id` from every backup that holds it: each such backup is copied, the
/// dossier deleted from the copy with `secure_delete`, the copy vacuumed (no free page keeps
/// the old text) and checked with `integrity_check`, then renamed over the backup. A backup
/// that cannot be rewritten is left as it was and named in [`Erasure::failed`].
///
/// This is what makes "erase a dossier" hold for the backups too (the AVG's right to
/// erasure); backups of other dossiers are untouched.
pub fn erase_dossier(store: &Store, data_dir: &Path, id: &str) -> Result<Erasure> {
    let mut erasure = Erasure::default();
    for backup in list(data_dir)? {
        match erase_from(store, &backup.path, id) {
            Ok(true) => erasure.cleaned.push(backup.file),
            Ok(false) => {}
            Err(reason) => erasure.failed.push(Unerased { file: backup.file, reason }),
        }
    }
    Ok(erasure)
}

/// Rewrites the backup `path` without dossier `id`; `Ok(false)` when it does not hold it.
///
/// The copy is first attached to the store's own connection: a backup made by `VACUUM INTO`
/// shares the store's key and salt, so an encrypted one opens without deriving the key again
/// (PBKDF2, about 0.17 s a file). A backup that does not open that way (one rewritten when
/// encryption was switched on has a salt of its own) is opened on its own with the passphrase.
fn erase_from(store: &Store, path: &Path, id: &str) -> std::result::Result<bool, String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = temp_path(dir, "wissen");
    let result = (|| {
        copy_synced(path, &tmp).map_err(|e| e.to_string())?;
        let tmp_text = tmp.to_str().ok_or("het pad van de gegevensmap is geen geldige tekst (UTF-8)")?;
        let conn = store.conn();
        let outcome = match conn.execute("ATTACH DATABASE ?1 AS wissen", [tmp_text]) {
            Ok(_) => {
                let outcome = match holds(conn, "wissen", id) {
                    Ok(false) => Some(Ok(false)),
                    Ok(true) => Some(delete_from(conn, "wissen", id).map(|()| true)),
                    Err(_) => None,
                };
                conn.execute("DETACH DATABASE wissen", []).map_err(erase_text)?;
                outcome
            }
            Err(_) => None,
        };
        let erased = match outcome {
            Some(outcome) => outcome?,
            None => {
                let own = crate::crypt::open(&tmp, store.key()).map_err(erase_text)?;
                own.execute_batch("PRAGMA foreign_keys = ON").map_err(erase_text)?;
                let erased = holds(&own, "main", id).map_err(erase_text)?;
                if erased {
                    delete_from(&own, "main", id)?;
                }
                own.close().map_err(|(_, e)| erase_text(e))?;
                erased
            }
        };
        if !erased {
            return Ok(false);
        }
        remove_side_files(&tmp);
        replace_database(&tmp, path).map_err(|e| e.to_string())?;
        Ok(true)
    })();
    if !matches!(result, Ok(true)) {
        remove_temp_database(&tmp);
    }
    result
}

/// Whether the database `schema` on `conn` holds dossier `id`. A backup from before dossiers
/// existed (schema 1) holds none.
fn holds(conn: &Connection, schema: &str, id: &str) -> rusqlite::Result<bool> {
    let has_table: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = 'dossiers')"),
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(false);
    }
    conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM {schema}.dossiers WHERE id = ?1)"), [id], |r| r.get(0))
}

/// Deletes dossier `id` (its notes, shortlist and plan follow by cascade) from `schema` on
/// `conn` with `secure_delete`, vacuums that database and checks it.
fn delete_from(conn: &Connection, schema: &str, id: &str) -> std::result::Result<(), String> {
    conn.execute_batch(&format!("PRAGMA {schema}.secure_delete = ON")).map_err(erase_text)?;
    conn.execute(&format!("DELETE FROM {schema}.dossiers WHERE id = ?1"), [id]).map_err(erase_text)?;
    conn.execute_batch(&format!("VACUUM {schema}")).map_err(erase_text)?;
    match store::integrity_check_of(conn, schema).map_err(erase_text)? {
        Some(detail) => Err(format!("de reservekopie is beschadigd; {detail}")),
        None => Ok(()),
    }
}

fn erase_text(e: rusqlite::Error) -> String {
    match store::damage(&e) {
        Some(detail) => format!("de reservekopie is beschadigd; {detail}"),
        None => e.to_string(),
    }
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
    list(data_dir).ok()?.into_iter().find(|b| check_file(&b.path, key).is_ok()).map(|b| b.path)
}

/// The backups that the rolling schedule lets go, newest first: of the daily backups the
/// newest [`KEEP_DAILY`] stay, plus the newest of each of the [`KEEP_WEEKLY`] most recent ISO
/// weeks older than those that are not already represented among them; of every other
/// kind the newest [`KEEP_EACH`]. A backup whose kind or date cannot be read is kept.
pub fn to_prune(backups: &[Backup]) -> Vec<Backup> {
    let mut sorted: Vec<&Backup> = backups.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
    let mut keep: HashSet<&str> = HashSet::new();
    for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
        keep.extend(sorted.iter().filter(|b| b.kind == kind.as_str()).take(KEEP_EACH).map(|b| b.file.as_str()));
    }
    let daily: Vec<&Backup> = sorted.iter().copied().filter(|b| b.kind == Kind::Dagelijks.as_str()).collect();
    let mut weeks: HashSet<(i16, i8)> = HashSet::new();
    for b in daily.iter().take(KEEP_DAILY) {
        keep.insert(&b.file);
        if let Some(day) = time::day_of(&b.created_at) {
            weeks.insert(time::iso_week(day));
        }
    }
    let mut older_weeks = 0;
    for b in daily.iter().skip(KEEP_DAILY) {
        let Some(day) = time::day_of(&b.created_at) else {
            keep.insert(&b.file);
            continue;
        };
        if older_weeks < KEEP_WEEKLY && weeks.insert(time::iso_week(day)) {
            older_weeks += 1;
            keep.insert(&b.file);
        }
    }
    sorted.into_iter().filter(|b| Kind::parse(&b.kind).is_some() && !keep.contains(b.file.as_str())).cloned().collect()
}

/// Applies the rolling schedule in `data_dir/backups` and removes temporary files left
/// by a crash. Best effort: a file that cannot be removed stays until the next time.
/// Returns the backups removed.
pub fn prune(data_dir: &Path) -> Vec<Backup> {
    let dir = data_dir.join(BACKUP_DIR);
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) && is_older_than(&entry, STALE_TEMP) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let Ok(backups) = list(data_dir) else { return Vec::new() };
    to_prune(&backups).into_iter().filter(|b| std::fs::remove_file(&b.path).is_ok()).collect()
}

/// On opening: makes a `dagelijks` backup when there are dossiers, the newest daily backup
/// is not from today (UTC), and the data changed since it was made. "Changed" compares the
/// token `meta.last_change` (renewed by every committed change of dossiers or imported
/// records) with the token inside that backup. Prunes afterwards.
pub fn daily_if_due(store: &Store, data_dir: &Path) -> Result<Option<Backup>> {
    let has_dossiers: bool = store
        .conn()
        .query_row("SELECT EXISTS (SELECT 1 FROM dossiers)", [], |row| row.get(0))
        .map_err(|e| Error::store(store.path(), e))?;
    if !has_dossiers {
        return Ok(None);
    }
    let today = store.clock().today().to_string();
    let newest = list(data_dir)?.into_iter().find(|b| b.kind == Kind::Dagelijks.as_str());
    if let Some(newest) = newest {
        if newest.created_at.get(..10) == Some(today.as_str()) {
            return Ok(None);
        }
        let now = store.meta(store::LAST_CHANGE)?;
        if last_change_in(&newest.path, store.key()).is_some_and(|then| then == now) {
            return Ok(None);
        }
    }
    // Another process may be making today's backup right now: the check is made again
    // under the backup directory's lock, and the second one is dropped.
    let made_today = |backups: &[Backup]| {
        backups.iter().any(|b| b.kind == Kind::Dagelijks.as_str() && b.created_at.get(..10) == Some(today.as_str()))
    };
    let backup =
        create_unless(store.conn(), store.path(), store.key(), data_dir, Kind::Dagelijks, store.clock(), made_today)?;
    if backup.is_some() {
        prune(data_dir);
    }
    Ok(backup)
}

/// The change token inside a backup file (encrypted with `key` when the store is); `None`
/// when the file cannot be read.
fn last_change_in(path: &Path, key: Option<&str>) -> Option<Option<String>> {
    let conn =
        crate::crypt::open_with_flags(path, key, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .ok()?;
    let mut stmt = conn.prepare("SELECT value FROM meta WHERE key = ?1").ok()?;
    let mut rows = stmt.query([store::LAST_CHANGE]).ok()?;
    match rows.next().ok()? {
        Some(row) => row.get(0).ok().map(Some),
        None => Some(None),
    }
}

/// Puts the backup `file` back as the database of `data_dir`, without opening the store
/// (it may be damaged), and returns that backup; `key` reads an encrypted store and backup.
///
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
        Some(name) => (name.created_at, name.kind.as_str().to_string()),
        None => {
            let changed = metadata
                .modified()
                .ok()
                .and_then(|t| time::Timestamp::try_from(t).ok())
                .unwrap_or(time::Timestamp::UNIX_EPOCH);
            (time::utc_string(changed), "extern".to_string())
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
    let stamp = Clock::system().now_utc().replace(':', "-");
    let mut seq = 1;
    let target = loop {
        let suffix = if seq > 1 { format!("-{seq}") } else { String::new() };
        let candidate = data_dir.join(format!("beschadigd-{stamp}{suffix}{EXTENSION}"));
        if !candidate.exists() && !side_file(&candidate, "-wal").exists() {
            break candidate;
        }
        seq += 1;
    };
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

fn is_older_than(entry: &std::fs::DirEntry, age: std::time::Duration) -> bool {
    entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|elapsed| elapsed > age)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn backup(created_at: &str, kind: Kind) -> Backup {
        let name = Name { created_at: created_at.to_string(), kind, seq: 1 };
        Backup {
            path: PathBuf::from(name.file()),
            file: name.file(),
            created_at: created_at.to_string(),
            kind: kind.as_str().to_string(),
            size: 1,
        }
    }

    /// `n` daily backups, one a day at 09:00, ending on `last` (YYYY-MM-DD), newest first.
    fn dailies(last: &str, n: i32) -> Vec<Backup> {
        let last = time::date::parse(last).expect("date");
        (0..n)
            .map(|i| {
                let day = last.checked_sub(jiff::Span::new().days(i)).expect("date");
                backup(&format!("{day}T09:00:00Z"), Kind::Dagelijks)
            })
            .collect()
    }

    fn dates(backups: &[Backup]) -> Vec<String> {
        backups.iter().map(|b| b.created_at[..10].to_string()).collect()
    }

    #[test]
    fn names_round_trip_and_other_files_are_not_backups() {
        let name = Name { created_at: "2026-11-22T13:05:00Z".into(), kind: Kind::VoorMigratie, seq: 1 };
        assert_eq!(name.file(), "keuzehulp-2026-11-22T13-05-00Z-voor-migratie.sqlite3");
        assert_eq!(Name::parse(&name.file()), Some(name.clone()));
        let second = Name { seq: 2, ..name };
        assert_eq!(second.file(), "keuzehulp-2026-11-22T13-05-00Z-voor-migratie-2.sqlite3");
        assert_eq!(Name::parse(&second.file()), Some(second));
        for other in [
            "keuzehulp.sqlite3",
            "keuzehulp-2026-11-22T13-05-00Z-later.sqlite3",
            "keuzehulp-2026-13-22T13-05-00Z-handmatig.sqlite3",
            "keuzehulp-2026-02-30T13-05-00Z-handmatig.sqlite3",
            "keuzehulp-2026-11-22T13-05-00Z-handmatig-.sqlite3",
            "keuzehulp-2026-11-22T13-05-00Z-handmatig-x.sqlite3",
            "keuzehulp-2026-11-22T13-05-00Z-handmatig.sqlite3-wal",
            ".keuzehulp-handmatig-1-2.tmp",
        ] {
            assert_eq!(Name::parse(other), None, "{other}");
        }
    }

    #[test]
    fn backups_of_one_iso_week_share_it() {
        // Sunday 2026-11-22 and Monday 2026-11-23 are in different ISO weeks; Monday to
        // Sunday share one, also across a new year (2026-12-28 .. 2027-01-03 is 2026-W53).
        let week = |d: &str| time::iso_week(time::date::parse(d).expect("date"));
        assert_ne!(week("2026-11-22"), week("2026-11-23"));
        assert_eq!(week("2026-11-23"), week("2026-11-29"));
        assert_eq!(week("2026-12-28"), week("2027-01-03"));
        assert_ne!(week("2027-01-03"), week("2027-01-04"));
    }

    #[test]
    fn pruning_keeps_seven_days_and_four_older_weeks() {
        // Forty daily backups up to Sunday 2026-11-22.
        let all = dailies("2026-11-22", 40);
        let gone = to_prune(&all);
        let kept: Vec<Backup> = all.iter().filter(|b| !gone.contains(b)).cloned().collect();
        assert_eq!(
            dates(&kept),
            [
                // The seven newest: Monday 16 to Sunday 22 November (one whole week).
                "2026-11-22",
                "2026-11-21",
                "2026-11-20",
                "2026-11-19",
                "2026-11-18",
                "2026-11-17",
                "2026-11-16",
                // The newest of each of the four weeks before: the Sundays.
                "2026-11-15",
                "2026-11-08",
                "2026-11-01",
                "2026-10-25",
            ]
        );
        assert_eq!(gone.len(), 40 - 11);
        // Applying the schedule again removes nothing more.
        assert!(to_prune(&kept).is_empty());
    }

    #[test]
    fn a_week_partly_kept_as_daily_is_not_counted_again() {
        // Up to Wednesday 2026-11-25: the seven newest reach back to Thursday 19 November,
        // so that week is represented; the weekly ones are the four weeks before it.
        let all = dailies("2026-11-25", 60);
        let gone = to_prune(&all);
        let kept: Vec<Backup> = all.iter().filter(|b| !gone.contains(b)).cloned().collect();
        assert_eq!(dates(&kept)[7..], ["2026-11-15", "2026-11-08", "2026-11-01", "2026-10-25"].map(String::from));
        assert_eq!(kept.len(), 11);
    }

    #[test]
    fn sparse_use_keeps_backups_however_old() {
        // One change a month: nothing is pruned for being old, only for being beyond the count.
        let all: Vec<Backup> =
            (0..12).map(|m| backup(&format!("2025-{:02}-03T09:00:00Z", 12 - m), Kind::Dagelijks)).collect();
        let gone = to_prune(&all);
        assert_eq!(dates(&gone), ["2025-01-03"], "7 newest + 4 older weeks = 11 of 12");
    }

    #[test]
    fn other_kinds_keep_their_newest_ten_each() {
        let mut all = Vec::new();
        for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
            for day in 1..=12 {
                all.push(backup(&format!("2026-10-{day:02}T12:00:00Z"), kind));
            }
        }
        all.extend(dailies("2026-10-12", 3));
        let gone = to_prune(&all);
        assert_eq!(gone.len(), 6);
        for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
            let of_kind: Vec<String> =
                gone.iter().filter(|b| b.kind == kind.as_str()).map(|b| b.created_at.clone()).collect();
            assert_eq!(of_kind, ["2026-10-02T12:00:00Z", "2026-10-01T12:00:00Z"], "{kind:?}");
        }
    }

    #[test]
    fn backups_in_the_same_second_sort_by_sequence() {
        let first = backup("2026-11-22T13:05:00Z", Kind::Handmatig);
        let name = Name { created_at: "2026-11-22T13:05:00Z".into(), kind: Kind::Handmatig, seq: 2 };
        let second = Backup { file: name.file(), path: PathBuf::from(name.file()), ..first.clone() };
        let mut all = vec![first.clone(), second.clone()];
        all.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
        assert_eq!(all, [second, first]);
    }
}
