//! Instrument definitions imported from packs (`instruments` of a pack, version 3): kept whole
//! as JSON with the pack's origin; one with a bundled definition's id takes its place.

use rusqlite::{Transaction, params};

use super::Store;
use crate::catalogue::PackOrigin;
use crate::catalogue::instrument::Instrument;
use crate::error::{Error, Result};

/// Adds or replaces `instruments` (checked already) in the transaction of a pack's import.
pub(super) fn put(tx: &Transaction<'_>, instruments: &[Instrument], origin: &PackOrigin, now: &str) -> Result<()> {
    let fail = |e| Error::store(std::path::Path::new(super::DB_FILE), e);
    for i in instruments {
        let json = serde_json::to_string(i).map_err(Error::json("een instrumentdefinitie"))?;
        tx.execute(
            "INSERT INTO instruments (id, definition, publisher, pack_version, pack_date, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT(id) DO UPDATE SET definition = excluded.definition, publisher = excluded.publisher,
             pack_version = excluded.pack_version, pack_date = excluded.pack_date, imported_at = excluded.imported_at",
            params![i.id, json, origin.publisher, origin.version, origin.date, now],
        )
        .map_err(fail)?;
    }
    Ok(())
}

impl Store {
    /// The imported instrument definitions with the publisher that signed their pack (`None`:
    /// unsigned, "eigen"), by id.
    pub fn imported_instruments(&self) -> Result<Vec<(Instrument, Option<String>)>> {
        let fail = |e| Error::store(&self.path, e);
        let mut stmt =
            self.conn.prepare("SELECT id, definition, publisher FROM instruments ORDER BY id").map_err(fail)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))
            .map_err(fail)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(fail)?;
        rows.into_iter()
            .map(|(id, json, publisher)| {
                let instrument: Instrument = serde_json::from_str(&json).map_err(|e| {
                    Error::damaged(
                        &self.path,
                        format!("de opgeslagen instrumentdefinitie \"{id}\" is onleesbaar ({e})"),
                    )
                })?;
                Ok((instrument, publisher))
            })
            .collect()
    }
}
