//! Unit tests of the façade.

use super::*;
use crate::backup::{self, Backup, BackupKind};

#[test]
fn opening_an_older_database_makes_a_pre_migration_backup() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join(crate::store::DB_FILE);
    {
        let mut conn = rusqlite::Connection::open(&db).expect("open");
        conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
        crate::store::migrations::migrate_to(&mut conn, 1).expect("version 1");
        conn.execute(
            "INSERT INTO interventions (id, origin, record) VALUES ('eigen-interventie', 'imported', '{}')",
            [],
        )
        .expect("insert");
    }
    let of_kind = |kind: BackupKind| -> Vec<Backup> {
        backup::list(dir.path()).expect("list").into_iter().filter(|b| b.kind == kind).collect()
    };
    drop(Keuzehulp::open(dir.path()).expect("opens"));
    let saved = of_kind(BackupKind::VoorMigratie);
    assert_eq!(saved.len(), 1);
    let old = rusqlite::Connection::open(&saved[0].path).expect("open backup");
    let version: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 1, "the backup is the database as it was");
    let kept: String = old.query_row("SELECT id FROM interventions", [], |r| r.get(0)).expect("row");
    assert_eq!(kept, "eigen-interventie");
    let now = rusqlite::Connection::open(&db).expect("open");
    let version: u32 = now.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, crate::store::migrations::current_version());
    drop(now);
    drop(Keuzehulp::open(dir.path()).expect("opens again"));
    assert_eq!(of_kind(BackupKind::VoorMigratie).len(), 1, "only before a migration");
}

#[test]
fn nearest_id_suggests_close_ids_only() {
    let ids = ["pico", "indialoog", "buddysysteem"];
    assert_eq!(nearest_id("picoo", ids.iter().copied()), Some("pico"));
    assert_eq!(nearest_id("in-dialoog", ids.iter().copied()), Some("indialoog"));
    assert_eq!(nearest_id("volkomen-anders", ids.iter().copied()), None);
}
