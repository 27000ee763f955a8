//! Dossiers of company visits: the client organisation, the advisor's answers (including
//! what the organisation already offers), a shortlist with reasons, dated notes and an
//! action plan. Every change is one committed transaction before it returns.
//!
//! By design a dossier holds no health data about employees: no field asks for it, and the
//! contact person is a name and a role only.

pub mod file;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::advisor::Answers;
use crate::error::{Error, Result};
use crate::store::Store;

/// The statuses of an action-plan item.
pub const STATUSES: &[&str] = &["gepland", "lopend", "afgerond", "gestopt"];

/// The facts about a visit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(deny_unknown_fields)]
pub struct VisitInfo {
    /// Client organisation.
    pub org: String,
    /// Sector (taxonomy slug).
    #[serde(default)]
    pub sector: Option<String>,
    /// Size band, e.g. "50-249".
    #[serde(default)]
    pub size_band: Option<String>,
    /// Department or team visited.
    #[serde(default)]
    pub department: Option<String>,
    /// Date of the visit (YYYY-MM-DD).
    #[serde(default)]
    pub visit_date: Option<String>,
    /// Contact person: name only.
    #[serde(default)]
    pub contact_name: Option<String>,
    /// Contact person: role only.
    #[serde(default)]
    pub contact_role: Option<String>,
    /// The visiting professional.
    #[serde(default)]
    pub professional: Option<String>,
}

/// One intervention on the shortlist, with why it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ShortlistItem {
    /// Intervention id.
    pub intervention_id: String,
    /// Why it was chosen.
    #[serde(default)]
    pub why: Option<String>,
    /// When it was added (UTC).
    pub added_at: String,
}

/// A dated note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Number within the store.
    pub id: i64,
    /// The text.
    pub text: String,
    /// When it was written (UTC).
    pub created_at: String,
}

/// One line of the action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// Number within the store.
    pub id: i64,
    /// The intervention it puts into practice.
    pub intervention_id: String,
    /// What will be done.
    pub what: String,
    /// Who is responsible.
    pub who: String,
    /// Start date (YYYY-MM-DD).
    #[serde(default)]
    pub start_date: Option<String>,
    /// When it will be evaluated (YYYY-MM-DD).
    #[serde(default)]
    pub evaluation_date: Option<String>,
    /// How it will be evaluated.
    pub evaluation_method: String,
    /// gepland, lopend, afgerond or gestopt.
    pub status: String,
}

/// A whole dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// Stable id.
    pub id: String,
    /// The visit.
    #[serde(flatten)]
    pub info: VisitInfo,
    /// The advisor's answers, including what the organisation already offers (`have`).
    pub answers: Answers,
    /// The shortlist.
    pub shortlist: Vec<ShortlistItem>,
    /// Dated notes, oldest first.
    pub notes: Vec<Note>,
    /// The action plan.
    pub plan: Vec<PlanItem>,
    /// Created (UTC).
    pub created_at: String,
    /// Last changed (UTC).
    pub updated_at: String,
    /// Increases with every change.
    pub revision: i64,
}

/// A line in the list of dossiers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DossierSummary {
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
    /// Last changed.
    pub updated_at: String,
    /// Number of notes.
    pub notes: i64,
    /// Number of shortlisted interventions.
    pub shortlist: i64,
    /// Plan items whose evaluation date has passed and that are not finished.
    pub overdue: Vec<PlanItem>,
}

/// Changes to one plan item (unset fields stay as they are).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(default)]
pub struct PlanChange {
    /// Update this item instead of adding one.
    pub item: Option<i64>,
    /// The intervention (required for a new item).
    pub intervention_id: Option<String>,
    /// What.
    pub what: Option<String>,
    /// Who.
    pub who: Option<String>,
    /// Start date; an empty string clears it.
    pub start_date: Option<String>,
    /// Evaluation date; an empty string clears it.
    pub evaluation_date: Option<String>,
    /// How it will be evaluated.
    pub evaluation_method: Option<String>,
    /// Status.
    pub status: Option<String>,
}

fn check_date(field: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(date) => crate::time::parse_date(field, date).map(|_| ()),
        None => Ok(()),
    }
}

fn not_found(id: &str) -> Error {
    Error::UnknownDossier { id: id.to_string() }
}

/// The error for a dossier that is not there to use: in the trash, or unknown.
fn missing(conn: &rusqlite::Connection, id: &str) -> Error {
    let trashed = conn
        .query_row("SELECT 1 FROM dossiers WHERE id = ?1 AND deleted_at IS NOT NULL", [id], |_| Ok(()))
        .optional()
        .is_ok_and(|r| r.is_some());
    if trashed { Error::DossierInTrash { id: id.to_string() } } else { not_found(id) }
}

fn exists(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT 1 FROM dossiers WHERE id = ?1", [id], |_| Ok(())).optional().map(|r| r.is_some())
}

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

/// The longest text `dossier list --search` looks for (an organisation, department or
/// sector is never longer).
pub const MAX_FILTER_CHARS: usize = 200;

impl Store {
    /// Creates a dossier; returns its id.
    pub fn dossier_create(&mut self, info: &VisitInfo) -> Result<String> {
        if info.org.trim().is_empty() {
            return Err(Error::InvalidInput {
                field: "org".into(),
                message: "de naam van de organisatie ontbreekt".into(),
            });
        }
        check_date("visit_date", &info.visit_date)?;
        let id = format!("d-{}", uuid::Uuid::new_v4().simple());
        let now = self.clock().now_utc();
        self.write(|tx| {
            insert_dossier(tx, &id, info, &Answers::default(), &now, &now, 1)?;
            Ok(())
        })?;
        Ok(id)
    }

    /// Runs `f` in one transaction and commits it; nothing is written when it fails.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let path = self.path().to_path_buf();
        let tx = self.conn_mut().transaction().map_err(|e| Error::store(&path, e))?;
        let value = f(&tx)?;
        crate::store::mark_changed(&tx).map_err(|e| Error::store(&path, e))?;
        tx.commit().map_err(|e| Error::store(&path, e))?;
        Ok(value)
    }

    /// Every dossier, most recently changed first; `filter` matches organisation,
    /// department or sector (case-insensitive).
    pub fn dossier_list(&self, filter: Option<&str>) -> Result<Vec<DossierSummary>> {
        let fail = |e| Error::store(self.path(), e);
        let pattern = filter.unwrap_or_default().to_lowercase();
        let length = pattern.chars().count();
        if length > MAX_FILTER_CHARS {
            return Err(Error::InvalidInput {
                field: "zoektekst".into(),
                message: format!(
                    "{length} tekens is te lang om dossiers op te zoeken; gebruik er ten hoogste {MAX_FILTER_CHARS}"
                ),
            });
        }
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT d.id, d.org, d.sector, d.department, d.visit_date, d.updated_at,
                        (SELECT COUNT(*) FROM notes n WHERE n.dossier_id = d.id),
                        (SELECT COUNT(*) FROM shortlist s WHERE s.dossier_id = d.id)
                 FROM dossiers d
                 WHERE d.deleted_at IS NULL
                   AND instr(lower(d.org || ' ' || ifnull(d.department, '') || ' ' || ifnull(d.sector, '')), ?1) > 0
                 ORDER BY d.updated_at DESC, d.id",
            )
            .map_err(fail)?;
        let rows = stmt
            .query_map([&pattern], |r| {
                Ok(DossierSummary {
                    id: r.get(0)?,
                    org: r.get(1)?,
                    sector: r.get(2)?,
                    department: r.get(3)?,
                    visit_date: r.get(4)?,
                    updated_at: r.get(5)?,
                    notes: r.get(6)?,
                    shortlist: r.get(7)?,
                    overdue: Vec::new(),
                })
            })
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        let today = self.clock().today().to_string();
        let mut out = Vec::with_capacity(rows.len());
        for mut row in rows {
            row.overdue =
                plan_items(self.conn(), &row.id).map_err(fail)?.into_iter().filter(|p| is_overdue(p, &today)).collect();
            out.push(row);
        }
        Ok(out)
    }

    /// A dossier's own row: the visit facts, the answers and the bookkeeping.
    fn head(&self, id: &str) -> Result<Head> {
        let row = self
            .conn()
            .query_row(
                "SELECT org, sector, size_band, department, visit_date, contact_name, contact_role, professional,
                        answers, created_at, updated_at, revision FROM dossiers WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |r| {
                    Ok((
                        VisitInfo {
                            org: r.get(0)?,
                            sector: r.get(1)?,
                            size_band: r.get(2)?,
                            department: r.get(3)?,
                            visit_date: r.get(4)?,
                            contact_name: r.get(5)?,
                            contact_role: r.get(6)?,
                            professional: r.get(7)?,
                        },
                        r.get::<_, String>(8)?,
                        r.get::<_, String>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, i64>(11)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| Error::store(self.path(), e))?
            .ok_or_else(|| missing(self.conn(), id))?;
        let (info, answers, created_at, updated_at, revision) = row;
        let answers: Answers = serde_json::from_str(&answers).map_err(|e| {
            Error::damaged(self.path(), format!("de antwoorden van dossier {id} zijn onleesbaar ({e})"))
        })?;
        Ok(Head { info, answers, created_at, updated_at, revision })
    }

    /// One whole dossier.
    pub fn dossier(&self, id: &str) -> Result<Dossier> {
        let fail = |e| Error::store(self.path(), e);
        let conn = self.conn();
        let Head { info, answers, created_at, updated_at, revision } = self.head(id)?;
        let mut stmt = conn
            .prepare("SELECT intervention_id, why, added_at FROM shortlist WHERE dossier_id = ?1 ORDER BY added_at, intervention_id")
            .map_err(fail)?;
        let shortlist = stmt
            .query_map([id], |r| Ok(ShortlistItem { intervention_id: r.get(0)?, why: r.get(1)?, added_at: r.get(2)? }))
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        let mut stmt =
            conn.prepare("SELECT id, text, created_at FROM notes WHERE dossier_id = ?1 ORDER BY id").map_err(fail)?;
        let notes = stmt
            .query_map([id], |r| Ok(Note { id: r.get(0)?, text: r.get(1)?, created_at: r.get(2)? }))
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        let plan = plan_items(conn, id).map_err(fail)?;
        Ok(Dossier { id: id.to_string(), info, answers, shortlist, notes, plan, created_at, updated_at, revision })
    }

    /// Replaces the visit facts.
    /// Saving the same facts again writes nothing: the dossier keeps its revision and its
    /// place in the list of recent dossiers.
    pub fn dossier_update_info(&mut self, id: &str, info: &VisitInfo) -> Result<()> {
        check_date("visit_date", &info.visit_date)?;
        if info.org.trim().is_empty() {
            return Err(Error::InvalidInput {
                field: "org".into(),
                message: "de naam van de organisatie ontbreekt".into(),
            });
        }
        if self.head(id)?.info == *info {
            return Ok(());
        }
        let now = self.clock().now_utc();
        self.write(|tx| {
            exec(
                tx,
                "UPDATE dossiers SET org = ?2, sector = ?3, size_band = ?4, department = ?5, visit_date = ?6,
                        contact_name = ?7, contact_role = ?8, professional = ?9 WHERE id = ?1",
                params![
                    id,
                    info.org,
                    info.sector,
                    info.size_band,
                    info.department,
                    info.visit_date,
                    info.contact_name,
                    info.contact_role,
                    info.professional
                ],
            )?;
            touch(tx, id, &now)
        })
    }

    /// Stores the advisor's answers (reopening the dossier gives the same results). The same
    /// answers again write nothing: showing the results does not count as a change.
    pub fn dossier_set_answers(&mut self, id: &str, answers: &Answers) -> Result<()> {
        if self.head(id)?.answers == *answers {
            return Ok(());
        }
        let json = serde_json::to_string(answers).map_err(Error::json("de antwoorden"))?;
        let now = self.clock().now_utc();
        self.write(|tx| {
            exec(tx, "UPDATE dossiers SET answers = ?2 WHERE id = ?1", params![id, json])?;
            touch(tx, id, &now)
        })
    }

    /// Puts an intervention on the shortlist (or updates why).
    pub fn dossier_shortlist(&mut self, id: &str, intervention: &str, why: Option<&str>) -> Result<()> {
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            exec(
                tx,
                "INSERT INTO shortlist (dossier_id, intervention_id, why, added_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(dossier_id, intervention_id) DO UPDATE SET why = excluded.why",
                params![id, intervention, why, now],
            )
        })
    }

    /// Takes an intervention off the shortlist.
    pub fn dossier_unshortlist(&mut self, id: &str, intervention: &str) -> Result<()> {
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            exec(tx, "DELETE FROM shortlist WHERE dossier_id = ?1 AND intervention_id = ?2", params![id, intervention])
        })
    }

    /// Adds a dated note; returns it.
    pub fn dossier_note(&mut self, id: &str, text: &str) -> Result<Note> {
        if text.trim().is_empty() {
            return Err(Error::InvalidInput { field: "text".into(), message: "de notitie is leeg".into() });
        }
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            exec(tx, "INSERT INTO notes (dossier_id, text, created_at) VALUES (?1, ?2, ?3)", params![id, text, now])?;
            Ok(Note { id: tx.last_insert_rowid(), text: text.to_string(), created_at: now.clone() })
        })
    }

    /// Adds or changes an action-plan item; returns it.
    pub fn dossier_plan(&mut self, id: &str, change: &PlanChange) -> Result<PlanItem> {
        // An empty date clears it.
        let non_empty = |d: &Option<String>| d.clone().filter(|d| !d.is_empty());
        check_date("start", &non_empty(&change.start_date))?;
        check_date("evaluation_date", &non_empty(&change.evaluation_date))?;
        if let Some(status) = &change.status
            && !STATUSES.contains(&status.as_str())
        {
            return Err(Error::InvalidInput {
                field: "status".into(),
                message: format!("\"{status}\" is geen status; kies uit: {}", STATUSES.join(", ")),
            });
        }
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            let item_id = match change.item {
                Some(item) => {
                    let exists: Option<i64> = tx
                        .query_row(
                            "SELECT id FROM plan_items WHERE id = ?1 AND dossier_id = ?2",
                            params![item, id],
                            |r| r.get(0),
                        )
                        .optional()
                        .map_err(sql)?;
                    exists.ok_or_else(|| Error::InvalidInput {
                        field: "item".into(),
                        message: format!("dossier {id} heeft geen actiepunt {item}"),
                    })?
                }
                None => {
                    let intervention = change.intervention_id.as_deref().ok_or_else(|| Error::InvalidInput {
                        field: "intervention".into(),
                        message: "een nieuw actiepunt hoort bij een interventie".into(),
                    })?;
                    exec(
                        tx,
                        "INSERT INTO plan_items (dossier_id, intervention_id) VALUES (?1, ?2)",
                        params![id, intervention],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            let set = |column: &str, value: &Option<String>| -> Result<()> {
                if let Some(value) = value {
                    exec(tx, &format!("UPDATE plan_items SET {column} = ?2 WHERE id = ?1"), params![item_id, value])?;
                }
                Ok(())
            };
            set("intervention_id", &change.intervention_id)?;
            set("what", &change.what)?;
            set("who", &change.who)?;
            let set_date = |column: &str, value: &Option<String>| -> Result<()> {
                if value.is_some() {
                    let date = non_empty(value);
                    exec(tx, &format!("UPDATE plan_items SET {column} = ?2 WHERE id = ?1"), params![item_id, date])?;
                }
                Ok(())
            };
            set_date("start_date", &change.start_date)?;
            set_date("evaluation_date", &change.evaluation_date)?;
            set("evaluation_method", &change.evaluation_method)?;
            set("status", &change.status)?;
            plan_items(tx, id).map_err(sql)?.into_iter().find(|p| p.id == item_id).ok_or_else(|| not_found(id))
        })
    }

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
    /// trash or not.
    pub fn dossier_erase(&mut self, id: &str) -> Result<()> {
        let path = self.path().to_path_buf();
        // `secure_delete` is on for every connection of the store (see `Store::configure`).
        self.write(|tx| {
            let n = tx.execute("DELETE FROM dossiers WHERE id = ?1", [id]).map_err(sql)?;
            if n == 0 { Err(not_found(id)) } else { Ok(()) }
        })?;
        // Move the erased pages out of the WAL as well.
        self.conn().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).map_err(|e| Error::store(&path, e))
    }

    /// A copy of a dossier as a template: visit facts, answers and shortlist; no notes, no
    /// plan, no visit date. Returns the new id.
    pub fn dossier_duplicate(&mut self, id: &str) -> Result<String> {
        let original = self.dossier(id)?;
        let new_id = format!("d-{}", uuid::Uuid::new_v4().simple());
        let now = self.clock().now_utc();
        let info = VisitInfo { visit_date: None, ..original.info.clone() };
        self.write(|tx| {
            insert_dossier(tx, &new_id, &info, &original.answers, &now, &now, 1)?;
            for item in &original.shortlist {
                insert_shortlisted(tx, &new_id, &ShortlistItem { added_at: now.clone(), ..item.clone() })?;
            }
            Ok(())
        })?;
        Ok(new_id)
    }

    /// Writes a whole dossier (as read from a file) under `id`, replacing one with that id.
    pub(crate) fn dossier_put(&mut self, id: &str, d: &Dossier) -> Result<()> {
        self.write(|tx| {
            exec(tx, "DELETE FROM dossiers WHERE id = ?1", params![id])?;
            insert_dossier(tx, id, &d.info, &d.answers, &d.created_at, &d.updated_at, d.revision)?;
            for item in &d.shortlist {
                insert_shortlisted(tx, id, item)?;
            }
            for note in &d.notes {
                exec(tx, "INSERT INTO notes (dossier_id, text, created_at) VALUES (?1, ?2, ?3)", params![id, note.text, note.created_at])?;
            }
            for p in &d.plan {
                exec(
                    tx,
                    "INSERT INTO plan_items (dossier_id, intervention_id, what, who, start_date, evaluation_date, evaluation_method, status)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![id, p.intervention_id, p.what, p.who, p.start_date, p.evaluation_date, p.evaluation_method, p.status],
                )?;
            }
            Ok(())
        })
    }

    /// Whether a dossier with this id exists.
    pub fn dossier_exists(&self, id: &str) -> Result<bool> {
        self.conn()
            .query_row("SELECT 1 FROM dossiers WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| Error::store(self.path(), e))
    }
}

fn sql(e: rusqlite::Error) -> Error {
    Error::store(std::path::Path::new("keuzehulp.sqlite3"), e)
}

/// Adds a whole shortlist entry to dossier `id` (copying or importing a dossier).
fn insert_shortlisted(tx: &Transaction<'_>, id: &str, item: &ShortlistItem) -> Result<()> {
    exec(
        tx,
        "INSERT INTO shortlist (dossier_id, intervention_id, why, added_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, item.intervention_id, item.why, item.added_at],
    )
}

fn exec(tx: &Transaction<'_>, query: &str, params: impl rusqlite::Params) -> Result<()> {
    tx.execute(query, params).map(|_| ()).map_err(sql)
}

/// A dossier's own row, without its notes, shortlist and plan.
struct Head {
    info: VisitInfo,
    answers: Answers,
    created_at: String,
    updated_at: String,
    revision: i64,
}

/// Marks a dossier changed; fails when it does not exist.
fn touch(tx: &Transaction<'_>, id: &str, now: &str) -> Result<()> {
    let n = tx
        .execute(
            "UPDATE dossiers SET updated_at = ?2, revision = revision + 1 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now],
        )
        .map_err(sql)?;
    if n == 0 { Err(missing(tx, id)) } else { Ok(()) }
}

fn insert_dossier(
    tx: &Transaction<'_>,
    id: &str,
    info: &VisitInfo,
    answers: &Answers,
    created_at: &str,
    updated_at: &str,
    revision: i64,
) -> Result<()> {
    exec(
        tx,
        "INSERT INTO dossiers (id, org, sector, size_band, department, visit_date, contact_name, contact_role,
                               professional, answers, created_at, updated_at, revision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            info.org,
            info.sector,
            info.size_band,
            info.department,
            info.visit_date,
            info.contact_name,
            info.contact_role,
            info.professional,
            serde_json::to_string(answers).map_err(Error::json("de antwoorden"))?,
            created_at,
            updated_at,
            revision
        ],
    )
}

fn plan_items(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<Vec<PlanItem>> {
    let mut stmt = conn.prepare(
        "SELECT id, intervention_id, what, who, start_date, evaluation_date, evaluation_method, status
         FROM plan_items WHERE dossier_id = ?1 ORDER BY id",
    )?;
    stmt.query_map([id], |r| {
        Ok(PlanItem {
            id: r.get(0)?,
            intervention_id: r.get(1)?,
            what: r.get(2)?,
            who: r.get(3)?,
            start_date: r.get(4)?,
            evaluation_date: r.get(5)?,
            evaluation_method: r.get(6)?,
            status: r.get(7)?,
        })
    })?
    .collect()
}

/// Whether an evaluation is due and the item not finished.
pub fn is_overdue(item: &PlanItem, today: &str) -> bool {
    item.evaluation_date.as_deref().is_some_and(|d| d < today)
        && !matches!(item.status.as_str(), "afgerond" | "gestopt")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_means_past_and_unfinished() {
        let mut item = PlanItem {
            id: 1,
            intervention_id: "pico".into(),
            what: String::new(),
            who: String::new(),
            start_date: None,
            evaluation_date: Some("2026-01-01".into()),
            evaluation_method: String::new(),
            status: "lopend".into(),
        };
        assert!(is_overdue(&item, "2026-02-01"));
        assert!(!is_overdue(&item, "2025-12-31"));
        item.status = "afgerond".into();
        assert!(!is_overdue(&item, "2026-02-01"));
    }
}
