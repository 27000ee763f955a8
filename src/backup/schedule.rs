//! The rolling schedule (7 daily, 4 weekly, 10 of each other kind) and the daily backup made
//! on opening when the data changed.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::OpenFlags;

use super::*;
use crate::error::{Error, Result};
use crate::store::{self, Store};
use crate::time;

/// The backups that the rolling schedule lets go, newest first: of the daily backups the
/// newest [`KEEP_DAILY`] stay, plus the newest of each of the [`KEEP_WEEKLY`] most recent ISO
/// weeks older than those that are not already represented among them; of every other
/// kind the newest [`KEEP_EACH`]. A backup whose kind or date cannot be read is kept.
pub fn to_prune(backups: &[Backup]) -> Vec<Backup> {
    let mut sorted: Vec<&Backup> = backups.iter().collect();
    sorted.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
    let mut keep: HashSet<&str> = HashSet::new();
    for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
        keep.extend(sorted.iter().filter(|b| b.kind == kind.into()).take(KEEP_EACH).map(|b| b.file.as_str()));
    }
    let daily: Vec<&Backup> = sorted.iter().copied().filter(|b| b.kind == BackupKind::Dagelijks).collect();
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
    sorted.into_iter().filter(|b| b.kind.made().is_some() && !keep.contains(b.file.as_str())).cloned().collect()
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
    let newest = list(data_dir)?.into_iter().find(|b| b.kind == BackupKind::Dagelijks);
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
        backups.iter().any(|b| b.kind == BackupKind::Dagelijks && b.created_at.get(..10) == Some(today.as_str()))
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

fn is_older_than(entry: &std::fs::DirEntry, age: std::time::Duration) -> bool {
    entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|elapsed| elapsed > age)
}
