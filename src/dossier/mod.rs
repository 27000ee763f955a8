//! Dossiers of company visits: the client organisation, the advisor's answers (including
//! what the organisation already offers), a shortlist with reasons, dated notes and an
//! action plan. Every change is one committed transaction before it returns.
//!
//! By design a dossier holds no health data about employees: no field asks for it, and the
//! contact person is a name and a role only.
//!
//! Here the types and the SQL both sides share; `read.rs` reads dossiers, `change.rs` changes
//! them (each change one transaction), `trash.rs` the trash and erasing for good, `file.rs`
//! the dossier file, `status.rs` a plan item's status, `talk.rs` the conversations held with
//! a team, a team leader or a worker, and their measurements; `measure.rs` a questionnaire's
//! team aggregates (typed in, or scored in memory from a file of answers), `traject.rs` the
//! visits of one traject (a follow-up visit, what it carries over) and the practice counts,
//! `evaluate.rs` an evaluation per plan item with the program's proposal and the
//! professional's verdict, and the measurements before and after; `share.rs` the anonymised
//! outcome records that colleagues exchange.

mod change;
pub mod evaluate;
pub mod file;
pub mod limits;
pub mod measure;
mod read;
pub mod share;
mod status;
pub mod talk;
pub mod traject;
mod trash;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

pub use status::PlanStatus;
pub use trash::{TRASH_DAYS, Trashed};

use crate::advisor::Answers;
use crate::error::{Error, Result};

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
    /// Where it stands.
    pub status: PlanStatus,
    /// Carried over from an earlier visit of the traject (`dossier follow-up`): that visit's
    /// dossier and the item's number there. None: new in this visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub carried_from: Option<CarriedFrom>,
    /// Carried over into this later visit (its dossier id): the item goes on there, so it is
    /// no longer due here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub carried_to: Option<String>,
}

/// Where a carried-over plan item came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct CarriedFrom {
    /// The earlier visit's dossier.
    pub dossier: String,
    /// The item's number there.
    pub item: i64,
}

/// A whole dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The conversations held (`dossier talk`), oldest first; absent from a dossier file of
    /// version 1.
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub conversations: Vec<talk::Conversation>,
    /// The traject this visit belongs to (the first visit's dossier id); none for a dossier
    /// on its own. Absent from a dossier file before version 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub traject: Option<String>,
    /// The visit this one follows up (`dossier follow-up`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub follows: Option<String>,
    /// Measurements that belong to no conversation: a questionnaire's team aggregates
    /// (`dossier measure`) and the measurements carried over from the previous visit.
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub measurements: Vec<talk::Measurement>,
    /// The evaluations of plan items (`dossier evaluate`), by item and date.
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub evaluations: Vec<evaluate::Evaluation>,
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

/// Writes a dossier's conversations (copying or importing a dossier).
fn insert_conversations(tx: &Transaction<'_>, id: &str, conversations: &[talk::Conversation]) -> Result<()> {
    for c in conversations {
        talk::insert_conversation(tx, id, c)?;
    }
    Ok(())
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
    /// Status, one of [`PlanStatus`]'s words. Text as given, like the dates: the core parses
    /// it, so a wrong one is the same `invalid_input` error on the command line and in the
    /// window (a typed field would be refused by the window's argument parsing, without a
    /// code). The front end's type is the closed set.
    #[cfg_attr(test, ts(as = "Option<PlanStatus>"))]
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

/// The longest text `dossier list --search` looks for (an organisation, department or
/// sector is never longer).
pub const MAX_FILTER_CHARS: usize = 200;

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
        "SELECT id, intervention_id, what, who, start_date, evaluation_date, evaluation_method, status,
                carried_from, carried_from_item, carried_to
         FROM plan_items WHERE dossier_id = ?1 ORDER BY id",
    )?;
    stmt.query_map([id], |r| {
        let from: Option<String> = r.get(8)?;
        let from_item: Option<i64> = r.get(9)?;
        Ok(PlanItem {
            id: r.get(0)?,
            intervention_id: r.get(1)?,
            what: r.get(2)?,
            who: r.get(3)?,
            start_date: r.get(4)?,
            evaluation_date: r.get(5)?,
            evaluation_method: r.get(6)?,
            status: r.get(7)?,
            carried_from: from.map(|dossier| CarriedFrom { dossier, item: from_item.unwrap_or_default() }),
            carried_to: r.get(10)?,
        })
    })?
    .collect()
}

/// Whether an evaluation is due and the item not finished.
pub fn is_overdue(item: &PlanItem, today: &str) -> bool {
    item.evaluation_date.as_deref().is_some_and(|d| d < today) && !item.status.is_finished()
}

/// The plan items of dossier `id` that are overdue today: past their evaluation date, not
/// finished, not evaluated on or after that date, and not carried over into a later visit
/// that is still there (not in the trash).
fn overdue_items(conn: &rusqlite::Connection, id: &str, today: &str) -> rusqlite::Result<Vec<PlanItem>> {
    let mut out = Vec::new();
    for item in plan_items(conn, id)? {
        if !is_overdue(&item, today) {
            continue;
        }
        let evaluated: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM evaluations WHERE plan_item_id = ?1 AND date >= ?2)",
            params![item.id, item.evaluation_date],
            |r| r.get(0),
        )?;
        let carried: bool = match &item.carried_to {
            None => false,
            Some(to) => conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM dossiers WHERE id = ?1 AND deleted_at IS NULL)",
                [to],
                |r| r.get(0),
            )?,
        };
        if !evaluated && !carried {
            out.push(item);
        }
    }
    Ok(out)
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
            status: PlanStatus::Lopend,
            carried_from: None,
            carried_to: None,
        };
        assert!(is_overdue(&item, "2026-02-01"));
        assert!(!is_overdue(&item, "2025-12-31"));
        item.status = PlanStatus::Afgerond;
        assert!(!is_overdue(&item, "2026-02-01"));
        item.status = PlanStatus::Gestopt;
        assert!(!is_overdue(&item, "2026-02-01"));
    }
}
