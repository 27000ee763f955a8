//! Changing dossiers: creating, the visit facts, the answers, the shortlist, notes, the
//! action plan, a copy as a template, and a whole dossier from a file. Each change is one
//! committed transaction ([`Store::write`]) that marks the dossier changed.

use rusqlite::{OptionalExtension, Transaction, params};

use super::{
    Dossier, Note, PlanChange, PlanItem, PlanStatus, ShortlistItem, VisitInfo, check_date, exec, insert_conversations,
    insert_dossier, insert_shortlisted, limits, not_found, plan_items, sql, touch,
};
use crate::advisor::Answers;
use crate::error::{Error, Result};
use crate::store::Store;

/// The visit facts within [`limits`], or the first that is not.
fn check_visit(info: &VisitInfo) -> Result<()> {
    let mut problems = Vec::new();
    limits::visit("", info, &mut problems);
    limits::refuse(problems)
}

/// Refuses one more row in `table` (notes, plan items, shortlist) of dossier `id` when it
/// holds `max` already; `what` names them in Dutch.
fn full(tx: &Transaction<'_>, table: &str, id: &str, max: usize, what: &str) -> Result<()> {
    let n: i64 = tx
        .query_row(&format!("SELECT COUNT(*) FROM {table} WHERE dossier_id = ?1"), [id], |r| r.get(0))
        .map_err(sql)?;
    if n >= max as i64 {
        return Err(Error::InvalidInput {
            field: "dossier".into(),
            message: format!(
                "dit dossier heeft al {n} {what}, het hoogste aantal voor één dossier; er is niets toegevoegd"
            ),
        });
    }
    Ok(())
}

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
        check_visit(info)?;
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
        // An erased dossier still in the WAL (a reader held it then): try again, without waiting.
        self.finish_erase(false);
        Ok(value)
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
        check_visit(info)?;
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
        let mut problems = Vec::new();
        limits::answers("", answers, &mut problems);
        limits::refuse(problems)?;
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
        let mut problems = Vec::new();
        limits::why(why, &mut problems);
        limits::refuse(problems)?;
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            let listed: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM shortlist WHERE dossier_id = ?1 AND intervention_id = ?2)",
                    params![id, intervention],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            if !listed {
                full(tx, "shortlist", id, limits::MAX_SHORTLIST, "interventies op de keuzelijst")?;
            }
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
        let mut problems = Vec::new();
        limits::note(text, &mut problems);
        limits::refuse(problems)?;
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            full(tx, "notes", id, limits::MAX_NOTES, "notities")?;
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
        let status: Option<PlanStatus> = change.status.as_deref().map(str::parse).transpose()?;
        let mut problems = Vec::new();
        limits::plan_change(change, &mut problems);
        limits::refuse(problems)?;
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
                    full(tx, "plan_items", id, limits::MAX_PLAN_ITEMS, "actiepunten")?;
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
            if let Some(status) = status {
                exec(tx, "UPDATE plan_items SET status = ?2 WHERE id = ?1", params![item_id, status])?;
            }
            plan_items(tx, id).map_err(sql)?.into_iter().find(|p| p.id == item_id).ok_or_else(|| not_found(id))
        })
    }

    /// A copy of a dossier as a template: visit facts, answers and shortlist; no notes, no
    /// plan, no conversations, no visit date. The answers keep the themes the conversations
    /// gave, as the user's own. Returns the new id.
    pub fn dossier_duplicate(&mut self, id: &str) -> Result<String> {
        let original = self.dossier(id)?;
        let new_id = format!("d-{}", uuid::Uuid::new_v4().simple());
        let now = self.clock().now_utc();
        let info = VisitInfo { visit_date: None, ..original.info.clone() };
        let answers = Answers { signals: Vec::new(), ..original.answers.clone() };
        self.write(|tx| {
            insert_dossier(tx, &new_id, &info, &answers, &now, &now, 1)?;
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
            exec(tx, "UPDATE dossiers SET traject = ?2, follows = ?3 WHERE id = ?1", params![id, d.traject, d.follows])?;
            // The file's item numbers are another store's: map them to the new ones, for the
            // evaluations that name them.
            let mut items = std::collections::HashMap::new();
            for p in &d.plan {
                exec(
                    tx,
                    "INSERT INTO plan_items (dossier_id, intervention_id, what, who, start_date, evaluation_date, evaluation_method, status,
                                             carried_from, carried_from_item, carried_to)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        id,
                        p.intervention_id,
                        p.what,
                        p.who,
                        p.start_date,
                        p.evaluation_date,
                        p.evaluation_method,
                        p.status,
                        p.carried_from.as_ref().map(|c| &c.dossier),
                        p.carried_from.as_ref().map(|c| c.item),
                        p.carried_to
                    ],
                )?;
                items.insert(p.id, tx.last_insert_rowid());
            }
            insert_conversations(tx, id, &d.conversations)?;
            for m in &d.measurements {
                super::talk::insert_measurement(tx, id, None, m, &d.updated_at)?;
            }
            for e in &d.evaluations {
                let item = items.get(&e.item).copied().ok_or_else(|| Error::InvalidInput {
                    field: "evaluations".into(),
                    message: format!("een evaluatie noemt actiepunt {}, dat niet in het dossier staat", e.item),
                })?;
                super::evaluate::insert_evaluation(tx, id, item, e)?;
            }
            Ok(())
        })
    }
}
