//! Reading dossiers: the list (with a search and overdue plan items), one whole dossier.

use rusqlite::OptionalExtension;

use super::{
    Dossier, DossierSummary, Head, MAX_FILTER_CHARS, Note, ShortlistItem, VisitInfo, exists, missing, plan_items,
};
use crate::advisor::Answers;
use crate::error::{Error, Result};
use crate::store::Store;

impl Store {
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
            row.overdue = super::overdue_items(self.conn(), &row.id, &today).map_err(fail)?;
            out.push(row);
        }
        Ok(out)
    }

    /// A dossier's own row: the visit facts, the answers and the bookkeeping.
    pub(super) fn head(&self, id: &str) -> Result<Head> {
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
            .prepare(
                "SELECT intervention_id, why, added_at FROM shortlist WHERE dossier_id = ?1 ORDER BY added_at, rowid",
            )
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
        let conversations = super::talk::conversations(conn, id).map_err(fail)?;
        let measurements = super::talk::standalone_measurements(conn, id).map_err(fail)?;
        let evaluations = super::evaluate::evaluations(conn, id).map_err(fail)?;
        let (traject, follows): (Option<String>, Option<String>) = conn
            .query_row("SELECT traject, follows FROM dossiers WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(fail)?;
        Ok(Dossier {
            id: id.to_string(),
            info,
            answers,
            shortlist,
            notes,
            plan,
            conversations,
            traject,
            follows,
            measurements,
            evaluations,
            created_at,
            updated_at,
            revision,
        })
    }

    /// Whether a dossier with this id exists.
    pub fn dossier_exists(&self, id: &str) -> Result<bool> {
        exists(self.conn(), id).map_err(|e| Error::store(self.path(), e))
    }
}
