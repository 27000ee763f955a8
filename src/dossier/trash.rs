//! The trash: deleting moves a dossier there whole, undeleting brings it back, and after
//! [`TRASH_DAYS`] (or when asked) it is erased for good.

use rusqlite::params;
use serde::Serialize;

use super::{exists, missing, not_found, sql};
use crate::error::{Error, Result};
use crate::store::Store;

/// Days a dossier stays in the trash before it is erased at start-up.
pub const TRASH_DAYS: i64 = 30;

/// When a dossier deleted at `deleted_at` (UTC) is due to be erased: [`TRASH_DAYS`] later.
fn erase_due(deleted_at: &str) -> Option<crate::time::Timestamp> {
    let at = crate::time::parse_utc(deleted_at)?;
    at.checked_add(jiff::SignedDuration::from_hours(24 * TRASH_DAYS)).ok()
}

/// The day (UTC) a dossier deleted at `deleted_at` is erased.
fn erased_on(deleted_at: &str) -> Option<String> {
    crate::time::day_of(&crate::time::utc_string(erase_due(deleted_at)?)).map(|d| d.to_string())
}

/// A dossier in the trash, as the trash lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Trashed {
    /// Id.
    pub id: String,
    /// Client organisation.
    pub org: String,
    /// Sector.
    pub sector: Option<String>,
    /// Department.
    pub department: Option<String>,
    /// Visit date.
    pub visit_date: Option<String>,
    /// When it was deleted (UTC), `YYYY-MM-DDTHH:MM:SSZ`.
    pub deleted_at: String,
    /// The day it will be erased for good (YYYY-MM-DD), [`TRASH_DAYS`] after it was deleted.
    pub erased_on: Option<String>,
    /// Number of notes it holds.
    pub notes: i64,
}

impl Store {
    /// Moves a dossier to the trash: it keeps everything, but no longer shows in the list,
    /// and nothing can be changed in it until it is put back.
    pub fn dossier_delete(&mut self, id: &str) -> Result<()> {
        let now = self.clock().now_utc();
        self.write(|tx| {
            let n = tx
                .execute("UPDATE dossiers SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL", params![id, now])
                .map_err(sql)?;
            if n == 0 { Err(missing(tx, id)) } else { Ok(()) }
        })
    }

    /// Puts a dossier from the trash back, whole: facts, answers, shortlist, notes and plan.
    pub fn dossier_undelete(&mut self, id: &str) -> Result<()> {
        self.write(|tx| {
            let n = tx
                .execute("UPDATE dossiers SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", [id])
                .map_err(sql)?;
            match n {
                0 if exists(tx, id).map_err(sql)? => Err(Error::InvalidInput {
                    field: "id".into(),
                    message: format!("dossier {id} staat niet in de prullenbak"),
                }),
                0 => Err(not_found(id)),
                _ => Ok(()),
            }
        })
    }

    /// The dossiers in the trash, most recently deleted first.
    pub fn dossier_trash(&self) -> Result<Vec<Trashed>> {
        let fail = |e| Error::store(self.path(), e);
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT d.id, d.org, d.sector, d.department, d.visit_date, d.deleted_at,
                        (SELECT COUNT(*) FROM notes n WHERE n.dossier_id = d.id)
                 FROM dossiers d WHERE d.deleted_at IS NOT NULL
                 ORDER BY d.deleted_at DESC, d.id",
            )
            .map_err(fail)?;
        let rows = stmt
            .query_map([], |r| {
                let deleted_at: String = r.get(5)?;
                Ok(Trashed {
                    id: r.get(0)?,
                    org: r.get(1)?,
                    sector: r.get(2)?,
                    department: r.get(3)?,
                    visit_date: r.get(4)?,
                    erased_on: erased_on(&deleted_at),
                    deleted_at,
                    notes: r.get(6)?,
                })
            })
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        Ok(rows)
    }

    /// The dossiers that have been in the trash for [`TRASH_DAYS`] days or longer by the
    /// store's clock: they are due to be erased.
    pub fn dossier_trash_due(&self) -> Result<Vec<String>> {
        let now = self.clock().now();
        // A time stamp that cannot be read is never a reason to erase.
        Ok(self
            .dossier_trash()?
            .into_iter()
            .filter(|t| erase_due(&t.deleted_at).is_some_and(|due| due <= now))
            .map(|t| t.id)
            .collect())
    }

    /// Erases a dossier for good (SQLite `secure_delete` overwrites the freed pages), in the
    /// trash or not, then empties the WAL, which still holds the pages as they were. Answers
    /// whether the WAL could be emptied: not while another program is reading the database
    /// (it may need those pages); then the store tries again at every later change and at
    /// every start until it succeeds ([`Store::finish_erase`]).
    pub fn dossier_erase(&mut self, id: &str) -> Result<bool> {
        // `secure_delete` is on for every connection of the store (see `Store::configure`).
        self.write(|tx| {
            let n = tx.execute("DELETE FROM dossiers WHERE id = ?1", [id]).map_err(sql)?;
            if n == 0 {
                return Err(not_found(id));
            }
            crate::store::set_meta(tx, crate::store::WAL_TO_EMPTY, "1").map_err(sql)
        })?;
        Ok(self.finish_erase(true))
    }
}
