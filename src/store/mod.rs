//! The SQLite store in the data directory: the catalogue (bundled and imported records) and,
//! later, the dossiers. WAL with `synchronous=FULL`: a write that returned is on disk.
//!
//! The schema is versioned with `PRAGMA user_version`; [`migrations`] holds every step. A
//! database written by a newer Keuzehulp is refused, never changed.

mod instruments;
pub mod migrations;
pub(crate) mod wal;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use crate::catalogue::{Evidence, Intervention, Origin, Pack, PackOrigin, StoredOrigin};
use crate::error::{Error, Result};
use crate::signing::{RevokedKey, TrustList, TrustedKey};
use crate::time::Clock;

/// The file name of the database inside the data directory.
pub const DB_FILE: &str = "keuzehulp.sqlite3";

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The passphrase, when the file is encrypted (see [`crate::crypt`]).
    key: Option<crate::crypt::Passphrase>,
    /// Where "now" comes from for every time stamp written.
    clock: Clock,
    /// This process's shared claim on the store, held while it is open (see [`crate::claim`]).
    _claim: crate::claim::Claim,
    /// What opening found worth saying (a damaged WAL kept aside), taken once.
    notices: Vec<String>,
}

/// The prefix of a damaged database moved or copied aside in the data directory.
pub(crate) const SET_ASIDE_PREFIX: &str = "beschadigd-";

/// A free name in `dir` for a damaged database set aside now: `beschadigd-<UTC time>.sqlite3`
/// (`-2`, `-3`, ... when taken), with no `-wal` of that name either.
pub(crate) fn set_aside_name(dir: &Path) -> PathBuf {
    let stamp = Clock::system().now_utc().replace(':', "-");
    let mut seq = 1;
    loop {
        let suffix = if seq > 1 { format!("-{seq}") } else { String::new() };
        let candidate = dir.join(format!("{SET_ASIDE_PREFIX}{stamp}{suffix}.sqlite3"));
        if !candidate.exists() && !wal::wal_of(&candidate).exists() {
            return candidate;
        }
        seq += 1;
    }
}

/// A store that is open and checked, its schema perhaps older than this program's. The one
/// way on is [`Unmigrated::migrate`]; whoever opens it first decides, with
/// [`Unmigrated::needs_migration`], whether a safety copy is due (the façade makes the
/// `voor-migratie` backup), so the store itself knows nothing of backups.
#[derive(Debug)]
pub struct Unmigrated(Store);

impl Unmigrated {
    /// Whether the database holds data in an older schema: migrating it changes what is there.
    /// A new, empty database (schema 0) needs no safety copy.
    pub fn needs_migration(&self) -> Result<bool> {
        let found = migrations::version(&self.0.conn).map_err(|e| Error::store(&self.0.path, e))?;
        Ok(found > 0 && found < migrations::current_version())
    }

    /// The store as it is, before any migration: for the safety copy.
    pub fn as_found(&self) -> &Store {
        &self.0
    }

    /// Brings the schema up to date (each step in its own transaction) and gives the store.
    pub fn migrate(self) -> Result<Store> {
        let mut store = self.0;
        migrations::migrate(&mut store.conn).map_err(|e| e.at(&store.path))?;
        Ok(store)
    }
}

/// Counts over the records in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    /// Number of records.
    pub total: usize,
    /// (level, step, number of records) for every pair that occurs.
    pub cells: Vec<(String, String, usize)>,
    /// The newest review date.
    pub newest: String,
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportReport {
    /// Records that were new.
    pub added: usize,
    /// Records that replaced an earlier one with the same id.
    pub updated: usize,
    /// Records of the pack already exactly so, not written (they keep their origin).
    pub unchanged: usize,
    /// The trusted publisher that signed the pack; `None` for an unsigned pack ("eigen").
    pub publisher: Option<String>,
    /// Instrument definitions the pack added or replaced.
    pub instruments: usize,
}

impl Store {
    /// Opens (creating if needed) the database in `dir` with the clock that dates every
    /// change; `key` is the passphrase when it may be encrypted. The schema is not brought up
    /// to date yet: see [`Unmigrated`].
    ///
    /// First `PRAGMA quick_check`: a damaged database gives [`Error::Damaged`] and is not
    /// written to (no configuration, no migration, no checkpoint on close). An empty file is
    /// damaged, not new, when `had_data()` says backups of it exist (or its WAL holds data).
    /// An encrypted store without a key gives [`Error::PassphraseRequired`], a wrong key
    /// [`Error::WrongPassphrase`]; neither changes the file.
    ///
    /// The store holds this process's shared claim ([`crate::claim`]) while it is open. When
    /// no other process has it open, a WAL that SQLite would recover only in part is first
    /// copied aside with the database ([`wal::keep_aside_if_damaged`]), and a notice says so.
    pub fn open(dir: &Path, key: Option<&str>, clock: Clock, had_data: impl FnOnce() -> bool) -> Result<Unmigrated> {
        let path = dir.join(DB_FILE);
        let (claim, alone) = crate::claim::Claim::shared_after(dir, &path, || wal::keep_aside_if_damaged(dir, &path))?;
        let mut notices = Vec::new();
        match alone {
            Some(Ok(Some((copy, detail)))) => notices.push(format!(
                "het logbestand van de database ({}-wal) was beschadigd: {detail}. Wat na de beschadiging was vastgelegd, kon SQLite niet terugzetten; de database en het logbestand zijn bewaard als {copy} (met -wal), en staan in `keuzehulp backup list`",
                DB_FILE
            )),
            Some(Err(source)) => {
                return Err(Error::damaged(
                    &path,
                    format!(
                        "het logbestand ({DB_FILE}-wal) is beschadigd en kon niet apart worden gezet ({source}); zonder dat zouden vastgelegde wijzigingen verloren gaan"
                    ),
                ));
            }
            _ => {}
        }
        // SQLite would open a file marked read-only for reading only and fail at the first
        // write (or, as root, write past the mark): say so before anything happens.
        if std::fs::metadata(&path).is_ok_and(|m| m.is_file() && m.permissions().readonly()) {
            return Err(Error::StoreReadOnly { path });
        }
        if emptied(&path, had_data) {
            // SQLite would take an empty file for a new database and fill it: a store emptied
            // by a failed copy or sync would silently start over beside its backups.
            return Err(Error::damaged(&path, EMPTIED));
        }
        let encrypted = !crate::crypt::looks_plain(&path);
        if encrypted && crate::crypt::wanted(dir) && key.is_none() {
            return Err(Error::PassphraseRequired { path });
        }
        let key = if encrypted { key } else { None };
        let mut conn = crate::crypt::open(&path, key).map_err(|e| Error::store(&path, e))?;
        let mut health = check_health(&conn, &path);
        if matches!(&health, Err(Error::Store { source, .. }) if no_room_for_shared_memory(source)) {
            // A full disk has no room for SQLite's shared-memory file (-shm): reading still
            // works with the WAL index in this process's memory, which means holding the
            // database for this process alone while it is open.
            conn = crate::crypt::open(&path, key).map_err(|e| Error::store(&path, e))?;
            conn.pragma_update(None, "locking_mode", "EXCLUSIVE").map_err(|e| Error::store(&path, e))?;
            health = check_health(&conn, &path);
        }
        match health {
            Err(Error::Damaged { .. }) if key.is_some() && crate::crypt::wanted(dir) && !key_opens(&conn) => {
                return Err(Error::WrongPassphrase { path });
            }
            other => other?,
        }
        let store = Store { conn, path, key: key.map(crate::crypt::Passphrase::new), clock, _claim: claim, notices };
        store.configure()?;
        // An erase that could not empty the WAL (another program was reading) finishes now.
        if migrations::version(&store.conn).is_ok_and(|v| v > 0) {
            store.finish_erase(false);
        }
        Ok(Unmigrated(store))
    }

    /// What opening found worth telling the user; taken once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// The passphrase of an encrypted store.
    pub fn key(&self) -> Option<&str> {
        self.key.as_ref().map(crate::crypt::Passphrase::expose)
    }

    /// The clock that dates changes and backups.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    fn configure(&self) -> Result<()> {
        let fail = |e| Error::store(&self.path, e);
        // The check passed: closing may checkpoint the WAL into the file again.
        self.conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false).map_err(fail)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(fail)?;
        self.conn.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        self.conn.pragma_update(None, "synchronous", "FULL").map_err(fail)?;
        self.conn.pragma_update(None, "foreign_keys", "ON").map_err(fail)?;
        // Freed space is overwritten with zeros: an earlier version of a row (a dossier's
        // facts before a change, or before it went to the trash) leaves no text behind, so
        // erasing a dossier erases every byte of it.
        self.conn.pragma_update(None, "secure_delete", "ON").map_err(fail)?;
        Ok(())
    }

    /// When a dossier was erased and the WAL may still hold its pages: empties the WAL
    /// (`wal_checkpoint(TRUNCATE)`) and, when that worked, forgets that it was due. Answers
    /// whether the WAL is empty of erased pages now. It cannot be emptied while another
    /// program reads the database from an older state; `wait` waits for that (the busy
    /// timeout) rather than trying once.
    pub fn finish_erase(&self, wait: bool) -> bool {
        if !matches!(self.meta(WAL_TO_EMPTY), Ok(Some(_))) {
            return true;
        }
        if !wait {
            let _ = self.conn.busy_timeout(std::time::Duration::ZERO);
        }
        let checkpoint = || {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get::<_, i64>(0))
                .is_ok_and(|busy| busy == 0)
        };
        let emptied = checkpoint();
        if emptied && self.conn.execute("DELETE FROM meta WHERE key = ?1", [WAL_TO_EMPTY]).is_ok() {
            // Forgetting it wrote a page of `meta` (no dossier) to the emptied WAL: empty it
            // again, for tidiness.
            checkpoint();
        }
        if !wait {
            let _ = self.conn.busy_timeout(std::time::Duration::from_secs(5));
        }
        emptied
    }

    pub(crate) fn meta(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0))
            .optional()
            .map_err(|e| Error::store(&self.path, e))
    }

    /// The content hash of all records now in the store; changes with every import or
    /// catalogue update. The search index is stamped with it.
    pub fn catalogue_hash(&self) -> Result<String> {
        Ok(self.meta("catalogue_hash")?.unwrap_or_default())
    }

    /// Loads the bundled catalogue when it is new or changed (by `bundled_hash`): the one way
    /// bundled records change. Imported records survive; an imported record with a bundled
    /// id (imported before packs were held to their own records) keeps its place until it
    /// is removed (`catalogue remove`), and the bundled one returns.
    /// Returns whether anything changed.
    pub fn sync_bundled(
        &mut self,
        bundled_hash: &str,
        records: impl FnOnce() -> Result<Vec<Intervention>>,
    ) -> Result<bool> {
        if self.meta("bundled_hash")?.as_deref() == Some(bundled_hash) {
            return Ok(false);
        }
        let records = records()?;
        let path = self.path.clone();
        let fail = |e| Error::store(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute("DELETE FROM interventions WHERE origin = 'bundled'", []).map_err(fail)?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO interventions (id, origin, record) VALUES (?1, 'bundled', ?2)
                     ON CONFLICT(id) DO NOTHING",
                )
                .map_err(fail)?;
            for record in &records {
                insert
                    .execute(params![record.id, serde_json::to_string(record).map_err(Error::json("een interventie"))?])
                    .map_err(fail)?;
            }
        }
        set_meta(&tx, "bundled_hash", bundled_hash).map_err(fail)?;
        update_catalogue_hash(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(true)
    }

    /// Adds or updates the records of a validated pack, all in one transaction; each record
    /// keeps `origin`.
    pub fn import(&mut self, pack: &Pack, origin: &PackOrigin) -> Result<ImportReport> {
        let path = self.path.clone();
        let fail = |e| Error::store(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        let mut report = ImportReport {
            added: 0,
            updated: 0,
            unchanged: 0,
            publisher: origin.publisher.clone(),
            instruments: pack.instruments.len(),
        };
        {
            let mut exists = tx.prepare("SELECT 1 FROM interventions WHERE id = ?1").map_err(fail)?;
            let mut upsert = tx
                .prepare(
                    "INSERT INTO interventions (id, origin, record, publisher, pack_version, pack_date)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT(id) DO UPDATE SET origin = excluded.origin, record = excluded.record,
                     publisher = excluded.publisher, pack_version = excluded.pack_version,
                     pack_date = excluded.pack_date, updated_at = CURRENT_TIMESTAMP",
                )
                .map_err(fail)?;
            for record in &pack.interventions {
                if exists.exists([&record.id]).map_err(fail)? {
                    report.updated += 1;
                } else {
                    report.added += 1;
                }
                upsert
                    .execute(params![
                        record.id,
                        Origin::Imported.as_str(),
                        serde_json::to_string(record).map_err(Error::json("een interventie"))?,
                        origin.publisher,
                        origin.version,
                        origin.date
                    ])
                    .map_err(fail)?;
            }
        }
        instruments::put(&tx, &pack.instruments, origin, &self.clock.now_utc())?;
        update_catalogue_hash(&tx).map_err(fail)?;
        mark_changed(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(report)
    }

    /// Every record, sorted by id.
    pub fn interventions(&self) -> Result<Vec<Intervention>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt = self.conn.prepare("SELECT id, record FROM interventions ORDER BY id").map_err(fail)?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))).map_err(fail)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row.map_err(fail)?;
            let record: Intervention = serde_json::from_str(&json).map_err(|e| {
                Error::damaged(&self.path, format!("de opgeslagen interventie \"{id}\" is onleesbaar ({e})"))
            })?;
            out.push(record);
        }
        Ok(out)
    }

    /// One record by id.
    pub fn intervention(&self, id: &str) -> Result<Option<Intervention>> {
        let fail = |e| Error::store(&self.path, e);
        let json: Option<String> = self
            .conn
            .query_row("SELECT record FROM interventions WHERE id = ?1", [id], |row| row.get(0))
            .optional()
            .map_err(fail)?;
        json.map(|json| {
            serde_json::from_str(&json).map_err(|e| {
                Error::damaged(&self.path, format!("de opgeslagen interventie \"{id}\" is onleesbaar ({e})"))
            })
        })
        .transpose()
    }

    /// Where the record `id` came from; `None` when there is no such record.
    pub fn origin(&self, id: &str) -> Result<Option<StoredOrigin>> {
        self.conn
            .query_row(
                "SELECT origin, publisher, pack_version, pack_date FROM interventions WHERE id = ?1",
                [id],
                |row| {
                    Ok(StoredOrigin {
                        origin: if row.get::<_, String>(0)? == "bundled" { Origin::Bundled } else { Origin::Imported },
                        pack: PackOrigin { publisher: row.get(1)?, version: row.get(2)?, date: row.get(3)? },
                    })
                },
            )
            .optional()
            .map_err(|e| Error::store(&self.path, e))
    }

    /// Where every record came from, by id.
    pub fn origins(&self) -> Result<std::collections::HashMap<String, StoredOrigin>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt = self
            .conn
            .prepare("SELECT id, origin, publisher, pack_version, pack_date FROM interventions")
            .map_err(fail)?;
        let rows = stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    StoredOrigin {
                        origin: if row.get::<_, String>(1)? == "bundled" { Origin::Bundled } else { Origin::Imported },
                        pack: PackOrigin { publisher: row.get(2)?, version: row.get(3)?, date: row.get(4)? },
                    },
                ))
            })
            .map_err(fail)?;
        rows.collect::<rusqlite::Result<_>>().map_err(fail)
    }

    /// Removes the imported record `id`, and puts `bundled` (the bundled record with that id,
    /// if there is one) back in its place, in one transaction. Answers whether there was an
    /// imported record `id`; a bundled record is never removed.
    pub fn remove_imported(&mut self, id: &str, bundled: Option<&Intervention>) -> Result<bool> {
        let path = self.path.clone();
        let fail = |e| Error::store(&path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        let removed =
            tx.execute("DELETE FROM interventions WHERE id = ?1 AND origin = 'imported'", [id]).map_err(fail)?;
        if removed == 0 {
            return Ok(false);
        }
        if let Some(record) = bundled {
            tx.execute(
                "INSERT INTO interventions (id, origin, record) VALUES (?1, 'bundled', ?2)",
                params![record.id, serde_json::to_string(record).map_err(Error::json("een interventie"))?],
            )
            .map_err(fail)?;
        }
        update_catalogue_hash(&tx).map_err(fail)?;
        mark_changed(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(true)
    }

    /// Each record's id with the parts of its evidence that say whether it has lapsed
    /// (level, assessed_on, valid_until), read without loading the whole records.
    pub fn evidence_dates(&self) -> Result<Vec<(String, Evidence)>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt = self
            .conn
            .prepare(
                "SELECT id, json_extract(record, '$.evidence.level'), json_extract(record, '$.evidence.assessed_on'),
                        json_extract(record, '$.evidence.valid_until')
                 FROM interventions ORDER BY id",
            )
            .map_err(fail)?;
        let rows = stmt
            .query_map([], |row| {
                let evidence = Evidence {
                    level: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    basis: None,
                    references: Vec::new(),
                    recognition: None,
                    assessed_on: row.get(2)?,
                    valid_until: row.get(3)?,
                    scheme: String::new(),
                };
                Ok((row.get(0)?, evidence))
            })
            .map_err(fail)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(fail)
    }

    /// The keys trusted to sign packs, by name.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt = self
            .conn
            .prepare("SELECT name, key_id, public_key, added_at, valid_until FROM trusted_keys ORDER BY name")
            .map_err(fail)?;
        let rows = stmt
            .query_map([], |row| {
                Ok(TrustedKey {
                    name: row.get(0)?,
                    key_id: row.get(1)?,
                    public_key: row.get(2)?,
                    added_at: row.get(3)?,
                    valid_until: row.get(4)?,
                })
            })
            .map_err(fail)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(fail)
    }

    /// The trusted keys, and those removed from the list, by name.
    pub fn trust_list(&self) -> Result<TrustList> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt =
            self.conn.prepare("SELECT name, key_id, revoked_at FROM revoked_keys ORDER BY name").map_err(fail)?;
        let revoked = stmt
            .query_map([], |row| Ok(RevokedKey { name: row.get(0)?, key_id: row.get(1)?, revoked_at: row.get(2)? }))
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        Ok(TrustList { trusted: self.trusted_keys()?, revoked })
    }

    /// Trusts `key`; a name or key already trusted is refused by name. A key removed earlier
    /// is trusted again: the user chose to.
    pub fn trust(&mut self, key: &TrustedKey) -> Result<()> {
        let fail = |e| Error::store(&self.path, e);
        if let Some(known) = self.trusted_keys()?.into_iter().find(|k| k.name == key.name || k.key_id == key.key_id) {
            let message = if known.key_id == key.key_id {
                format!("deze sleutel (id {}) wordt al vertrouwd als \"{}\"", key.key_id, known.name)
            } else {
                format!(
                    "er is al een sleutel met de naam \"{}\"; kies een andere naam of verwijder die eerst",
                    key.name
                )
            };
            return Err(Error::InvalidInput { field: "--name".into(), message });
        }
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "INSERT INTO trusted_keys (name, key_id, public_key, added_at, valid_until) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key.name, key.key_id, key.public_key, key.added_at, key.valid_until],
        )
        .map_err(fail)?;
        tx.execute("DELETE FROM revoked_keys WHERE key_id = ?1", [&key.key_id]).map_err(fail)?;
        mark_changed(&tx).map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// No longer trusts the key called `name`, from `revoked_at` on; returns whether there
    /// was one. The key is remembered as revoked. Records imported earlier keep their
    /// publisher: their signature was checked when they came in.
    pub fn distrust(&mut self, name: &str, revoked_at: &str) -> Result<bool> {
        let fail = |e| Error::store(&self.path, e);
        let tx = self.conn.transaction().map_err(fail)?;
        tx.execute(
            "INSERT OR REPLACE INTO revoked_keys (key_id, name, revoked_at)
             SELECT key_id, name, ?2 FROM trusted_keys WHERE name = ?1",
            params![name, revoked_at],
        )
        .map_err(fail)?;
        let removed = tx.execute("DELETE FROM trusted_keys WHERE name = ?1", [name]).map_err(fail)?;
        mark_changed(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(removed > 0)
    }

    /// The number of imported records.
    pub fn imported_count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT COUNT(*) FROM interventions WHERE origin = 'imported'", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(|e| Error::store(&self.path, e))
    }

    /// The number of records per (level, step), and the newest review date, without
    /// loading the records.
    pub fn matrix(&self) -> Result<Counts> {
        let fail = |e| Error::store(&self.path, e);
        let count: i64 = self.conn.query_row("SELECT COUNT(*) FROM interventions", [], |r| r.get(0)).map_err(fail)?;
        let newest: Option<String> = self
            .conn
            .query_row("SELECT max(json_extract(record, '$.last_reviewed')) FROM interventions", [], |r| r.get(0))
            .map_err(fail)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT l.value, s.value, COUNT(*) FROM interventions,
                        json_each(interventions.record, '$.levels') AS l,
                        json_each(interventions.record, '$.steps') AS s
                 GROUP BY l.value, s.value",
            )
            .map_err(fail)?;
        let cells = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)? as usize)))
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        Ok(Counts { total: count as usize, cells, newest: newest.unwrap_or_else(|| "0000-00-00".into()) })
    }

    /// The ids of all records, sorted.
    pub fn ids(&self) -> Result<Vec<String>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt = self.conn.prepare("SELECT id FROM interventions ORDER BY id").map_err(fail)?;
        let ids = stmt.query_map([], |row| row.get(0)).map_err(fail)?.collect::<rusqlite::Result<Vec<String>>>();
        ids.map_err(fail)
    }
}

/// What [`Error::Damaged`] says about an emptied database file.
pub(crate) const EMPTIED: &str =
    "het bestand is leeg (0 bytes); het is waarschijnlijk leeggemaakt door een mislukte kopie of synchronisatie";

/// Whether `path` is a database that was emptied: a file of 0 bytes where data was before.
/// Data was there when its WAL holds something or `had_data()` says so (the caller knows
/// whether backups of it exist); without either, an empty file is what a first start that
/// was broken off leaves, and it holds nothing to lose.
pub(crate) fn emptied(path: &Path, had_data: impl FnOnce() -> bool) -> bool {
    let empty = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0);
    if !empty {
        return false;
    }
    let mut wal = path.as_os_str().to_os_string();
    wal.push("-wal");
    let wal_holds_data = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    wal_holds_data || had_data()
}

/// Runs `PRAGMA quick_check` on a freshly opened connection to `path` before anything else
/// touches it. Until it passes, closing the connection does not checkpoint the WAL into the
/// file, so a damaged database is read, never written.
pub(crate) fn check_health(conn: &Connection, path: &Path) -> Result<()> {
    let fail = |e| Error::store(path, e);
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).map_err(fail)?;
    // Another process may hold a lock for a moment (a restore, WAL recovery): wait for it.
    conn.busy_timeout(std::time::Duration::from_secs(5)).map_err(fail)?;
    match quick_check(conn) {
        Ok(None) => Ok(()),
        Ok(Some(detail)) => Err(Error::damaged(path, detail)),
        Err(e) => match damage(&e) {
            Some(detail) => Err(Error::damaged(path, detail)),
            None => Err(Error::store(path, e)),
        },
    }
}

/// Whether `err` is SQLite failing to make or grow its shared-memory file (`-shm`), as on a
/// full disk.
fn no_room_for_shared_memory(err: &rusqlite::Error) -> bool {
    use rusqlite::ffi;
    match err {
        rusqlite::Error::SqliteFailure(e, _) => matches!(
            e.extended_code,
            ffi::SQLITE_IOERR_SHMOPEN | ffi::SQLITE_IOERR_SHMSIZE | ffi::SQLITE_IOERR_SHMMAP | ffi::SQLITE_FULL
        ),
        _ => false,
    }
}

/// Whether the key opens the database at all: page 1 decrypts. A wrong key fails here
/// before any page is checked.
pub(crate) fn key_opens(conn: &Connection) -> bool {
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_ok()
}

/// `PRAGMA quick_check`: `None` when it says "ok", else its first findings.
pub(crate) fn quick_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    check_pragma(conn, "quick_check")
}

/// `PRAGMA integrity_check`: `None` when it says "ok", else its first findings.
pub(crate) fn integrity_check(conn: &Connection) -> rusqlite::Result<Option<String>> {
    check_pragma(conn, "integrity_check")
}

/// `PRAGMA integrity_check` of one attached database, `schema`.
pub(crate) fn integrity_check_of(conn: &Connection, schema: &str) -> rusqlite::Result<Option<String>> {
    check_pragma(conn, &format!("{schema}.integrity_check"))
}

fn check_pragma(conn: &Connection, pragma: &str) -> rusqlite::Result<Option<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {pragma}"))?;
    let rows: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<rusqlite::Result<_>>()?;
    if rows.len() == 1 && rows[0] == "ok" {
        return Ok(None);
    }
    let mut detail = format!("SQLite meldt: {}", rows.iter().take(3).cloned().collect::<Vec<_>>().join("; "));
    if rows.len() > 3 {
        detail.push_str(&format!("; en {} meldingen meer", rows.len() - 3));
    }
    if rows.is_empty() {
        detail = format!("{pragma} gaf geen antwoord");
    }
    Ok(Some(detail))
}

/// SQLite's words when `err` means the file is damaged or is no database at all.
pub(crate) fn damage(err: &rusqlite::Error) -> Option<String> {
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Some("het bestand is geen SQLite-database".into()),
        Some(ErrorCode::DatabaseCorrupt) => Some(format!("SQLite meldt: {err}")),
        _ => None,
    }
}

/// Records that user data changed, with a fresh token in `meta.last_change`, inside the
/// transaction that changes it. The daily backup compares this token with the one inside
/// the newest daily backup.
pub(crate) fn mark_changed(conn: &Connection) -> rusqlite::Result<()> {
    set_meta(conn, LAST_CHANGE, &uuid::Uuid::new_v4().simple().to_string())
}

/// The `meta` key of the change token.
pub(crate) const LAST_CHANGE: &str = "last_change";

/// The `meta` key set while the WAL may still hold an erased dossier's pages: the WAL is
/// emptied at the next chance ([`Store::finish_erase`]).
pub(crate) const WAL_TO_EMPTY: &str = "wal_legen";

pub(crate) fn set_meta(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// Recomputes the content hash over all records (FNV-1a over id and JSON, in id order).
fn update_catalogue_hash(conn: &Connection) -> rusqlite::Result<()> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    {
        let mut stmt = conn.prepare("SELECT id, record FROM interventions ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let record: String = row.get(1)?;
            for byte in id.bytes().chain([0u8]).chain(record.bytes()).chain([0u8]) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    set_meta(conn, "catalogue_hash", &format!("{hash:016x}"))
}

#[cfg(test)]
mod tests;
