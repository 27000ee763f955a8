//! Outcome records an arbodienst shares (`share export`, `share import`): per evaluated plan
//! item the intervention, the sector, the size band, the level and step, whether it was
//! carried out, the verdict, the change in the measurement it was judged on and the period.
//! Anonymised by construction: no organisation, department, person, note, reason or what the
//! team said has a field here, the format refuses unknown fields, a size band outside the
//! fixed bands is left out, and a change is only shared when both measurements stand for at
//! least [`MIN_GROUP`] people. A traject is named by a key no colleague can trace back: a
//! SHA-256 of the traject id and a secret that never leaves this computer.
//!
//! Imported records are kept read-only, per publisher (the trusted key that signed the pack)
//! and record; a newer pack of the same publisher replaces its records.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::evaluate::{CarriedOut, MIN_GROUP, Verdict};
use super::traject::PracticeCount;
use super::{exec, sql};
use crate::error::{Error, Result};
use crate::store::Store;

/// The `format` of an outcome pack.
pub const FORMAT: &str = "keuzehulp-praktijk";
/// The outcome-pack version this program writes and reads.
pub const VERSION: u32 = 1;
/// The most records one pack may hold.
pub const MAX_RECORDS: usize = 100_000;
/// The size bands a record may name (the window's choices); any other text is left out.
pub const SIZE_BANDS: [&str; 5] = ["1-9", "10-49", "50-249", "250-999", "1000+"];

/// An outcome pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomePack {
    /// Always `keuzehulp-praktijk`.
    pub format: String,
    /// The pack version (1).
    pub version: u32,
    /// When it was written (UTC).
    pub exported_at: String,
    /// The first evaluation day it covers.
    pub since: String,
    /// The records.
    pub outcomes: Vec<Outcome>,
}

/// One evaluated plan item, anonymised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// A key for this record (the same evaluation exported again has the same key).
    pub record: String,
    /// A key for its traject (records of one traject share it).
    pub traject: String,
    /// The intervention.
    pub intervention: String,
    /// The sector (taxonomy slug), when known.
    pub sector: Option<String>,
    /// The size band, when it is one of [`SIZE_BANDS`].
    pub size_band: Option<String>,
    /// The level it was applied at.
    pub level: Option<String>,
    /// The leidraad's step.
    pub step: Option<String>,
    /// Whether it was carried out.
    pub carried_out: CarriedOut,
    /// The professional's verdict.
    pub verdict: Verdict,
    /// The change in the measurement it was judged on; none without one of at least 10.
    pub change: Option<SharedChange>,
    /// The period: from the plan item's start (or the baseline) to the evaluation.
    pub period: super::evaluate::Period,
}

/// A change in a team aggregate, both sides standing for at least 10 people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SharedChange {
    /// The kind: `gesprek` or `instrument`.
    pub kind: super::talk::MeasurementKind,
    /// The guide or instrument.
    pub source: String,
    /// The theme or scale.
    pub key: String,
    /// The baseline.
    pub before: f64,
    /// The re-measurement.
    pub after: f64,
    /// The baseline's n.
    pub n_before: u32,
    /// The re-measurement's n.
    pub n_after: u32,
}

/// The secret that keys the traject and record keys (made once, kept in the store).
pub(crate) fn share_secret(store: &Store) -> Result<String> {
    if let Some(secret) = store.meta("share_secret")? {
        return Ok(secret);
    }
    let secret = format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple());
    store
        .conn()
        .execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('share_secret', ?1)", [&secret])
        .map_err(sql)?;
    Ok(store.meta("share_secret")?.unwrap_or(secret))
}

/// A key no colleague can trace back: SHA-256 of the secret and the parts, hex, 32 chars.
pub fn key(secret: &str, parts: &[&str]) -> String {
    let mut hash = Sha256::new();
    hash.update(secret.as_bytes());
    for p in parts {
        hash.update([0u8]);
        hash.update(p.as_bytes());
    }
    hash.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Checks an outcome pack's records (the publisher's signature is checked before): the
/// closed sets, dates, the n ≥ 10 of every change, keys and slugs. Every problem names the
/// record and the field.
pub fn check_pack(pack: &OutcomePack) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    if pack.format != FORMAT {
        problems.push(("format".into(), format!("\"{}\" is niet \"{FORMAT}\"", pack.format)));
    }
    if pack.version != VERSION {
        problems.push((
            "version".into(),
            format!("versie {} wordt niet gelezen (deze Keuzehulp leest {VERSION})", pack.version),
        ));
    }
    if !crate::time::is_date(&pack.since) {
        problems.push(("since".into(), format!("\"{}\" is geen datum", pack.since)));
    }
    if pack.outcomes.len() > MAX_RECORDS {
        problems.push(("outcomes".into(), format!("meer dan {MAX_RECORDS} uitkomsten")));
        return problems;
    }
    let slug = |s: &str| {
        !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let hex = |s: &str| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let mut records = BTreeSet::new();
    for (i, o) in pack.outcomes.iter().enumerate() {
        let at = |f: &str| format!("outcomes[{i}].{f}");
        if !hex(&o.record) || !records.insert(o.record.as_str()) {
            problems.push((at("record"), "geen geldige of een dubbele sleutel".into()));
        }
        if !hex(&o.traject) {
            problems.push((at("traject"), "geen geldige sleutel".into()));
        }
        if !slug(&o.intervention) {
            problems.push((at("intervention"), "geen geldig id van een interventie".into()));
        }
        for (f, v) in [("sector", &o.sector), ("level", &o.level), ("step", &o.step)] {
            if v.as_deref().is_some_and(|s| !(slug(s) || s.bytes().all(|b| b.is_ascii_alphanumeric())) || s.len() > 40)
            {
                problems.push((at(f), "geen geldige waarde".into()));
            }
        }
        if o.size_band.as_deref().is_some_and(|b| !SIZE_BANDS.contains(&b)) {
            problems.push((at("size_band"), format!("kies uit: {}", SIZE_BANDS.join(", "))));
        }
        for (f, d) in [("period.from", &o.period.from), ("period.to", &o.period.to)] {
            if !crate::time::is_date(d) {
                problems.push((at(f), format!("\"{d}\" is geen datum")));
            }
        }
        if let Some(c) = &o.change {
            if c.n_before < MIN_GROUP || c.n_after < MIN_GROUP {
                problems.push((
                    at("change"),
                    format!("een verandering wordt alleen gedeeld bij ten minste {MIN_GROUP} mensen voor en na"),
                ));
            }
            if !c.before.is_finite() || !c.after.is_finite() || !slug(&c.source) || !slug(&c.key) {
                problems.push((at("change"), "geen geldige meting".into()));
            }
        }
    }
    problems
}

impl Store {
    /// Stores the checked records of a pack signed by `publisher`, replacing that
    /// publisher's records with the same keys; answers (added, replaced).
    pub fn share_import(&mut self, publisher: &str, outcomes: &[Outcome]) -> Result<(usize, usize)> {
        let now = self.clock().now_utc();
        self.write(|tx| {
            let (mut added, mut replaced) = (0, 0);
            for o in outcomes {
                let json = serde_json::to_string(o).map_err(Error::json("een uitkomst"))?;
                let gone = tx
                    .execute("DELETE FROM shared_outcomes WHERE publisher = ?1 AND record = ?2", [publisher, &o.record])
                    .map_err(sql)?;
                if gone > 0 {
                    replaced += 1;
                } else {
                    added += 1;
                }
                exec(
                    tx,
                    "INSERT INTO shared_outcomes (publisher, record, traject, outcome, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    rusqlite::params![publisher, o.record, o.traject, json, now],
                )?;
            }
            Ok((added, replaced))
        })
    }

    /// The shared practice per intervention: trajecten (distinct per publisher), chosen and
    /// evaluated (each record), and each verdict.
    pub fn shared_practice(&self) -> Result<BTreeMap<String, PracticeCount>> {
        let mut stmt = self.conn().prepare("SELECT publisher, traject, outcome FROM shared_outcomes").map_err(sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))
            .map_err(sql)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql)?;
        let mut out: BTreeMap<String, PracticeCount> = BTreeMap::new();
        let mut trajecten: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
        for (publisher, traject, json) in rows {
            let Ok(o) = serde_json::from_str::<Outcome>(&json) else { continue };
            let count = out.entry(o.intervention.clone()).or_default();
            count.chosen += 1;
            count.evaluated += 1;
            count.verdicts.add(o.verdict.as_str());
            trajecten.entry(o.intervention).or_default().insert((publisher, traject));
        }
        for (intervention, set) in trajecten {
            if let Some(count) = out.get_mut(&intervention) {
                count.trajecten = set.len() as u32;
            }
        }
        Ok(out)
    }

    /// How many shared records and trajecten are kept, per publisher.
    pub fn shared_summary(&self) -> Result<Vec<(String, u32, u32)>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT publisher, COUNT(*), COUNT(DISTINCT traject) FROM shared_outcomes GROUP BY publisher ORDER BY publisher",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql)?;
        Ok(rows)
    }
}
