//! Erasing a dossier from every backup that holds it (the AVG's right to erasure holds for
//! the backups too).

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use super::{copy_synced, list, remove_side_files, remove_temp_database, replace_database, temp_path};
use crate::error::Result;
use crate::store::{self, Store};

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
