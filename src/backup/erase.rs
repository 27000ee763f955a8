//! Erasing a dossier from every backup that holds it (the AVG's right to erasure holds for
//! the backups too).

use std::path::Path;

use rusqlite::Connection;
use serde::Serialize;

use super::{
    BackupKind, copy_synced, list, remove_side_files, remove_temp_database, replace_database, side_file, temp_path,
};
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
    /// Damaged databases set aside (`beschadigd-…`) that could not be rewritten or checked,
    /// removed because the user agreed to (file names).
    pub removed: Vec<String>,
    /// Whether the dossier may still be in the database's log (`-wal`): another program was
    /// reading the database, so the log could not be emptied yet. It is emptied as soon as
    /// possible: when that program closes, at the next change, or at the next start.
    pub wal_pending: bool,
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
pub fn erase_dossier(store: &Store, data_dir: &Path, id: &str, remove_damaged: bool) -> Result<Erasure> {
    let mut erasure = Erasure::default();
    for backup in list(data_dir)? {
        let set_aside = backup.kind == BackupKind::Beschadigd;
        let outcome = match crate::store::wal::damage_beside(&backup.path) {
            Some(detail) if set_aside => Err(format!(
                "het logbestand ernaast is beschadigd ({detail}); Keuzehulp kan niet nagaan of het dossier erin staat"
            )),
            _ => erase_from(store, &backup.path, id),
        };
        match outcome {
            Ok(true) => erasure.cleaned.push(backup.file),
            Ok(false) => {}
            Err(_) if set_aside && remove_damaged => {
                let _ = std::fs::remove_file(&backup.path);
                remove_side_files(&backup.path);
                if backup.path.exists() {
                    erasure.failed.push(Unerased {
                        file: backup.file,
                        reason: "deze beschadigde kopie kon niet worden verwijderd".into(),
                    });
                } else {
                    erasure.removed.push(backup.file);
                }
            }
            Err(reason) if set_aside => erasure.failed.push(Unerased {
                file: backup.file,
                reason: format!(
                    "een beschadigde kopie van de database; {reason}. Verwijder hem met `keuzehulp dossier erase {} --remove-damaged`",
                    crate::error::short(id)
                ),
            }),
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
        // A damaged database set aside may have its log beside it: it is part of what it holds.
        let wal = side_file(path, "-wal");
        let with_wal = wal.exists();
        if with_wal {
            copy_synced(&wal, &side_file(&tmp, "-wal")).map_err(|e| e.to_string())?;
        }
        let tmp_text = tmp.to_str().ok_or("het pad van de gegevensmap is geen geldige tekst (UTF-8)")?;
        let conn = store.conn();
        let outcome = match conn.execute("ATTACH DATABASE ?1 AS wissen", [tmp_text]) {
            Ok(_) => {
                // Fold a copied log into the file, so the rewritten file holds everything.
                let folded = !with_wal || conn.execute_batch("PRAGMA wissen.journal_mode = DELETE").is_ok();
                let outcome = match holds(conn, "wissen", id) {
                    _ if !folded => None,
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
                if with_wal {
                    own.execute_batch("PRAGMA journal_mode = DELETE").map_err(erase_text)?;
                }
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
