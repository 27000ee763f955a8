//! What the faces show about a record beyond its own fields: where it came from, and whether
//! its evidence judgement still counts on a given day.

use serde::{Serialize, Serializer};

use super::{Edition, Intervention, Origin, StoredOrigin, evidence_lapse};

/// What kind of source a record came from.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum OriginKind {
    /// With the program.
    Bundled,
    /// A pack signed with a trusted publisher's key.
    Publisher,
    /// An unsigned pack: made in the window or imported without a signature.
    Eigen,
}

/// Who a pack's records (or an instrument definition) are credited to: the program's own
/// catalogue, a trusted publisher by the name the user gave its key, or "eigen" (an unsigned
/// pack: made here or imported without a signature). A value, so no publisher's name can be
/// mistaken for "eigen".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Credit {
    /// With the program.
    Bundled,
    /// A trusted publisher, by the name its key was given.
    Publisher(String),
    /// An unsigned pack.
    Eigen,
}

impl Credit {
    /// A pack signed by `publisher` (`None`: unsigned, "eigen").
    pub fn of_pack(publisher: Option<String>) -> Self {
        publisher.map_or(Credit::Eigen, Credit::Publisher)
    }

    /// The word the command line prints and its JSON carries: "bundled", the publisher's
    /// name, or "eigen".
    pub fn word(&self) -> &str {
        match self {
            Credit::Bundled => "bundled",
            Credit::Publisher(name) => name,
            Credit::Eigen => "eigen",
        }
    }
}

/// Where a record came from, as `show --json` and the detail screen name it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecordOrigin {
    /// `bundled` (with the program), `publisher` (a pack signed with a trusted key) or
    /// `eigen` (an unsigned pack).
    pub kind: OriginKind,
    /// Who: the bundled catalogue's publisher, the trusted publisher's name, or `eigen`.
    pub name: String,
    /// The catalogue edition or the pack's own version, when known.
    pub version: Option<String>,
    /// The edition's or the pack's date, when known.
    pub date: Option<String>,
}

impl RecordOrigin {
    /// The origin of a stored record; bundled records carry the bundled `edition`.
    pub fn of(stored: &StoredOrigin, edition: &Edition) -> Self {
        match (&stored.origin, &stored.pack.publisher) {
            (Origin::Bundled, _) => RecordOrigin {
                kind: OriginKind::Bundled,
                name: edition.publisher.clone(),
                version: Some(edition.version.clone()),
                date: Some(edition.date.clone()),
            },
            (Origin::Imported, Some(publisher)) => RecordOrigin {
                kind: OriginKind::Publisher,
                name: publisher.clone(),
                version: stored.pack.version.clone(),
                date: stored.pack.date.clone(),
            },
            (Origin::Imported, None) => RecordOrigin {
                kind: OriginKind::Eigen,
                name: "eigen".into(),
                version: stored.pack.version.clone(),
                date: stored.pack.date.clone(),
            },
        }
    }

    /// One Dutch line for people, e.g. "meegeleverde catalogus 2026.1 van 2026-11-25 (Keuzehulp)".
    pub fn describe(&self) -> String {
        let edition = match (&self.version, &self.date) {
            (Some(v), Some(d)) => format!(" {v} van {d}"),
            (Some(v), None) => format!(" {v}"),
            (None, Some(d)) => format!(" van {d}"),
            (None, None) => String::new(),
        };
        match self.kind {
            OriginKind::Bundled => format!("meegeleverde catalogus{edition} ({})", self.name),
            OriginKind::Publisher => format!("uitgever {} (ondertekend pakket{edition})", self.name),
            OriginKind::Eigen => format!("eigen import (niet ondertekend pakket{edition})"),
        }
    }
}

/// One record as `show` presents it: its fields, its origin, and why its evidence no longer
/// counts (if so) on the day it was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordView {
    /// The record.
    pub record: Intervention,
    /// Where it came from.
    pub origin: RecordOrigin,
    /// Why the evidence judgement has lapsed, in Dutch; `None` while it holds.
    pub lapse: Option<String>,
    /// Practice-based evidence (own trajecten, the arbodienst's), beside the label; `None`
    /// when the intervention was never chosen here.
    pub practice: Option<super::practice::Practice>,
}

impl RecordView {
    /// The view of `record` on `today`.
    pub fn new(record: Intervention, origin: RecordOrigin, today: &str) -> Self {
        let lapse = evidence_lapse(&record.evidence, today);
        RecordView { record, origin, lapse, practice: None }
    }

    /// The record's JSON with `origin` added, and `evidence.lapsed` (with
    /// `evidence.lapsed_because`, the reason in Dutch, or `null`).
    pub fn to_json(&self) -> serde_json::Result<serde_json::Value> {
        let mut value = serde_json::to_value(&self.record)?;
        if let Some(evidence) = value.get_mut("evidence").and_then(|e| e.as_object_mut()) {
            evidence.insert("lapsed".into(), self.lapse.is_some().into());
            evidence.insert("lapsed_because".into(), self.lapse.clone().into());
        }
        if let Some(object) = value.as_object_mut() {
            object.insert("origin".into(), serde_json::to_value(&self.origin)?);
            if let Some(practice) = &self.practice {
                object.insert("practice".into(), serde_json::to_value(practice)?);
            }
        }
        Ok(value)
    }
}

impl Serialize for RecordView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().map_err(serde::ser::Error::custom)?.serialize(s)
    }
}
