//! Schema migrations over `PRAGMA user_version`. Each step runs in its own transaction
//! together with the version bump, so a crash leaves the database at a whole version.

use std::path::Path;

use rusqlite::Connection;

use crate::error::Error;

/// Every schema step, in order: `MIGRATIONS[i]` brings version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the catalogue.
    "CREATE TABLE meta (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
     );
     CREATE TABLE interventions (
         id         TEXT PRIMARY KEY,
         origin     TEXT NOT NULL CHECK (origin IN ('bundled', 'imported')),
         record     TEXT NOT NULL,
         updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
     );",
    // 2: dossiers of company visits, with shortlist, dated notes and an action plan.
    "CREATE TABLE dossiers (
         id           TEXT PRIMARY KEY,
         org          TEXT NOT NULL,
         sector       TEXT,
         size_band    TEXT,
         department   TEXT,
         visit_date   TEXT,
         contact_name TEXT,
         contact_role TEXT,
         professional TEXT,
         answers      TEXT NOT NULL DEFAULT '{}',
         created_at   TEXT NOT NULL,
         updated_at   TEXT NOT NULL,
         revision     INTEGER NOT NULL DEFAULT 1
     );
     CREATE TABLE shortlist (
         dossier_id      TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
         intervention_id TEXT NOT NULL,
         why             TEXT,
         added_at        TEXT NOT NULL,
         PRIMARY KEY (dossier_id, intervention_id)
     );
     CREATE TABLE notes (
         id         INTEGER PRIMARY KEY,
         dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
         text       TEXT NOT NULL,
         created_at TEXT NOT NULL
     );
     CREATE INDEX notes_by_dossier ON notes(dossier_id, id);
     CREATE TABLE plan_items (
         id                INTEGER PRIMARY KEY,
         dossier_id        TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
         intervention_id   TEXT NOT NULL,
         what              TEXT NOT NULL DEFAULT '',
         who               TEXT NOT NULL DEFAULT '',
         start_date        TEXT,
         evaluation_date   TEXT,
         evaluation_method TEXT NOT NULL DEFAULT '',
         status            TEXT NOT NULL DEFAULT 'gepland'
                           CHECK (status IN ('gepland', 'lopend', 'afgerond', 'gestopt'))
     );
     CREATE INDEX plan_by_dossier ON plan_items(dossier_id, id);",
    // 3: where an imported record came from: the publisher whose trusted key signed its pack
    // (NULL: bundled, or unsigned and so "eigen"), and the pack's own version and date.
    "ALTER TABLE interventions ADD COLUMN publisher TEXT;
     ALTER TABLE interventions ADD COLUMN pack_version TEXT;
     ALTER TABLE interventions ADD COLUMN pack_date TEXT;",
    // 4: the publishers' keys the user trusts to sign catalogue packs.
    "CREATE TABLE trusted_keys (
         name       TEXT PRIMARY KEY,
         key_id     TEXT NOT NULL UNIQUE,
         public_key TEXT NOT NULL,
         added_at   TEXT NOT NULL
     );",
    // 5: the trash: when a dossier was deleted (NULL: not deleted). A deleted dossier keeps
    // all its rows until it is erased, by the user or after thirty days.
    "ALTER TABLE dossiers ADD COLUMN deleted_at TEXT;
     CREATE INDEX dossiers_in_trash ON dossiers(deleted_at) WHERE deleted_at IS NOT NULL;",
    // 6: a last day of trust for a key (NULL: none), and the keys removed from the trust
    // list, so that a pack one of them signed is refused as revoked rather than unknown.
    "ALTER TABLE trusted_keys ADD COLUMN valid_until TEXT;
     CREATE TABLE revoked_keys (
         key_id     TEXT PRIMARY KEY,
         name       TEXT NOT NULL,
         revoked_at TEXT NOT NULL
     );",
    // 7: conversations held in a dossier (one per guide and day), their themes, ratings and
    // notes (a theme's own row has no question), and measurements: a group conversation's
    // ratings as a measurement of the team on that day (kind, source, date, scale, n, one
    // value per key), the shape the evaluation of a later visit compares. Everything goes
    // with its dossier (erase, and so the backups' erasure) by cascade.
    "CREATE TABLE conversations (
         id         INTEGER PRIMARY KEY,
         dossier_id TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
         guide      TEXT NOT NULL,
         date       TEXT NOT NULL,
         present    INTEGER,
         created_at TEXT NOT NULL,
         UNIQUE (dossier_id, guide, date)
     );
     CREATE TABLE conversation_items (
         id              INTEGER PRIMARY KEY,
         conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
         position        INTEGER NOT NULL,
         theme           TEXT NOT NULL,
         question        TEXT,
         rating          INTEGER CHECK (rating BETWEEN 1 AND 5),
         note            TEXT,
         confidential    INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1))
     );
     CREATE INDEX conversation_items_by_conversation ON conversation_items(conversation_id, position);
     CREATE TABLE measurements (
         id               INTEGER PRIMARY KEY,
         dossier_id       TEXT NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
         conversation_id  INTEGER REFERENCES conversations(id) ON DELETE CASCADE,
         kind             TEXT NOT NULL,
         source           TEXT NOT NULL,
         date             TEXT NOT NULL,
         scale_min        REAL NOT NULL,
         scale_max        REAL NOT NULL,
         higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1)),
         n                INTEGER,
         created_at       TEXT NOT NULL
     );
     CREATE INDEX measurements_by_dossier ON measurements(dossier_id, date);
     CREATE INDEX measurements_by_conversation ON measurements(conversation_id);
     CREATE TABLE measurement_values (
         measurement_id INTEGER NOT NULL REFERENCES measurements(id) ON DELETE CASCADE,
         key            TEXT NOT NULL,
         value          REAL NOT NULL,
         PRIMARY KEY (measurement_id, key)
     );",
];

/// The schema version this program writes.
pub fn current_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// What can go wrong while migrating; turned into an [`Error`] naming the file.
#[derive(Debug)]
pub enum MigrationError {
    /// The database is from a newer program.
    TooNew {
        /// Its version.
        found: u32,
    },
    /// SQLite refused.
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for MigrationError {
    fn from(err: rusqlite::Error) -> Self {
        MigrationError::Sqlite(err)
    }
}

impl MigrationError {
    /// The error for the database at `path`.
    pub fn at(self, path: &Path) -> Error {
        match self {
            MigrationError::TooNew { found } => {
                Error::TooNew { path: path.to_path_buf(), found, supported: current_version() }
            }
            MigrationError::Sqlite(err) => Error::store(path, err),
        }
    }
}

/// The database's schema version (`PRAGMA user_version`; 0 for a new, empty file).
pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the database up to [`current_version`]; refuses a newer one.
pub fn migrate(conn: &mut Connection) -> Result<u32, MigrationError> {
    migrate_to(conn, current_version())
}

/// Brings the database up to `target` (tests use this to build every earlier version).
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<u32, MigrationError> {
    let found = version(conn)?;
    if found > current_version() {
        return Err(MigrationError::TooNew { found });
    }
    for version in found..target.min(current_version()) {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[version as usize])?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
    Ok(target.min(current_version()).max(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(conn: &Connection) -> u32 {
        conn.query_row("PRAGMA user_version", [], |row| row.get(0)).expect("version")
    }

    #[test]
    fn every_earlier_version_migrates_to_the_current_one() {
        for start in 0..=current_version() {
            let mut conn = Connection::open_in_memory().expect("db");
            migrate_to(&mut conn, start).expect("build the earlier version");
            assert_eq!(version(&conn), start);
            migrate(&mut conn).expect("migrate");
            assert_eq!(version(&conn), current_version(), "from version {start}");
            conn.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')", []).expect("schema usable");
        }
    }

    #[test]
    fn a_newer_database_is_refused_and_left_alone() {
        let mut conn = Connection::open_in_memory().expect("db");
        conn.pragma_update(None, "user_version", current_version() + 1).expect("set");
        match migrate(&mut conn) {
            Err(MigrationError::TooNew { found }) => assert_eq!(found, current_version() + 1),
            other => panic!("expected TooNew, got {other:?}"),
        }
        assert_eq!(version(&conn), current_version() + 1);
    }
}
