//! The catalogue: its model, the checks every catalogue file must pass, and the catalogue
//! bundled into the binary at build time.

pub mod conversation;
pub mod instrument;
pub mod model;
mod origin;
pub mod practice;
pub mod rules;
pub mod situations;
pub mod validate;
pub mod view;
pub mod worker;

pub use model::{Catalogue, Edition, Evidence, Intervention, Pack, StepGuide, Taxonomy, Term};
pub use origin::{Origin, PackOrigin, StoredOrigin};
pub use rules::{Refusal, RefusalCode};

use crate::error::Result;

/// The validated catalogue that `build.rs` bundled from `data/`.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// A short content hash of the bundled catalogue; changes whenever `data/` changes.
pub const BUNDLED_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.hash"));

/// Reads a pack file as text, refusing one larger than [`validate::MAX_PACK_BYTES`] before
/// reading it (a gigabyte file would cost gigabytes of memory and minutes of indexing).
pub fn read_pack_file(path: &std::path::Path) -> Result<String> {
    let too_big = |size: u64| crate::error::Error::InvalidInput {
        field: path.display().to_string(),
        message: format!(
            "het pakket is {} MB; een pakket mag ten hoogste {} MB zijn",
            size.div_ceil(1_000_000),
            validate::MAX_PACK_BYTES / 1_000_000
        ),
    };
    // Only a regular file (a pipe would never end); a file that grows while it is read stops
    // one byte past the limit.
    let bytes = crate::input::read_limited(path, validate::MAX_PACK_BYTES, too_big)?;
    pack_text(path, bytes)
}

/// A pack's bytes (read from a file, or fetched) as text; `path` names it in the error. A
/// byte order mark stays in the text (a signature covers it); the parser passes over it.
pub fn pack_text(path: &std::path::Path, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| crate::error::Error::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("het bestand is geen geldige UTF-8-tekst (byte {})", e.utf8_error().valid_up_to() + 1),
        ),
    })
}

/// Every record's situations in people's own words (`data/situations.toml`), checked by
/// `build.rs`.
const SITUATIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/situations.json"));

/// A short content hash of the bundled situations: the search index is rebuilt when it changes.
pub const SITUATIONS_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/situations.hash"));

/// The situations per record id (`data/situations.toml`), for the search.
pub fn situations() -> Result<std::collections::BTreeMap<String, Vec<String>>> {
    serde_json::from_str(SITUATIONS_JSON).map_err(crate::error::Error::Bundled)
}

/// The worker's page (`data/worker.toml`), checked by `build.rs`.
const WORKER_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/worker.json"));

/// The people and services a worker can turn to (`data/worker.toml`).
pub fn worker_leads() -> Result<Vec<worker::Lead>> {
    serde_json::from_str(WORKER_JSON).map_err(crate::error::Error::Bundled)
}

/// Checks `<dir>/worker.toml`, when there is one, against a catalogue loaded from `dir`: the
/// same checks `build.rs` makes, as problems of `keuzehulp validate`.
pub fn check_worker_file(
    dir: &std::path::Path,
    catalogue: &Catalogue,
) -> std::result::Result<(), Vec<validate::Problem>> {
    let path = dir.join("worker.toml");
    let Ok(text) = std::fs::read_to_string(&path) else { return Ok(()) };
    let documents: Vec<&str> = catalogue.taxonomy.documents.iter().map(|d| d.id.as_str()).collect();
    let records: Vec<&str> = catalogue.interventions.iter().map(|i| i.id.as_str()).collect();
    worker::parse(&text, &documents, &records).map(|_| ()).map_err(|problems| {
        problems
            .into_iter()
            .map(|(field, message)| validate::Problem { file: path.display().to_string(), field, message })
            .collect()
    })
}

/// The conversation guides (`data/conversations/`), checked by `build.rs`.
const CONVERSATIONS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/conversations.json"));

/// The bundled conversation guides (`data/conversations/`) with the references they cite.
pub fn conversations() -> Result<conversation::Conversations> {
    serde_json::from_str(CONVERSATIONS_JSON).map_err(crate::error::Error::Bundled)
}

/// Checks `<dir>/conversations/`, when there is one, against a catalogue loaded from `dir`:
/// the same checks `build.rs` makes, as problems of `keuzehulp validate`.
pub fn check_conversation_dir(
    dir: &std::path::Path,
    catalogue: &Catalogue,
) -> std::result::Result<(), Vec<validate::Problem>> {
    let dir = dir.join("conversations");
    if !dir.is_dir() {
        return Ok(());
    }
    let problem = |file: String, field: String, message: String| validate::Problem { file, field, message };
    let (references, guides) =
        conversation::read_dir(&dir).map_err(|e| vec![problem(dir.display().to_string(), "bestand".into(), e)])?;
    let t = &catalogue.taxonomy;
    fn ids(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|x| x.id.as_str()).collect()
    }
    let documents: Vec<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    let (themes, levels, steps) = (ids(&t.themes), ids(&t.levels), ids(&t.steps));
    let vocabulary =
        conversation::Vocabulary { documents: &documents, themes: &themes, levels: &levels, steps: &steps };
    conversation::parse((&references.0, &references.1), &guides, vocabulary)
        .map(|_| ())
        .map_err(|problems| problems.into_iter().map(|(file, field, message)| problem(file, field, message)).collect())
}

/// The instrument definitions (`data/instruments/`), checked by `build.rs`.
const INSTRUMENTS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/instruments.json"));

/// The bundled instrument definitions (`data/instruments/`), in file-name order.
pub fn instruments() -> Result<Vec<instrument::Instrument>> {
    serde_json::from_str(INSTRUMENTS_JSON).map_err(crate::error::Error::Bundled)
}

/// Checks `<dir>/instruments/`, when there is one, against a catalogue loaded from `dir`: the
/// same checks `build.rs` makes, as problems of `keuzehulp validate`.
pub fn check_instrument_dir(
    dir: &std::path::Path,
    catalogue: &Catalogue,
) -> std::result::Result<(), Vec<validate::Problem>> {
    let dir = dir.join("instruments");
    if !dir.is_dir() {
        return Ok(());
    }
    let problem = |file: String, field: String, message: String| validate::Problem { file, field, message };
    let files =
        instrument::read_dir(&dir).map_err(|e| vec![problem(dir.display().to_string(), "bestand".into(), e)])?;
    let themes: Vec<&str> = catalogue.taxonomy.themes.iter().map(|t| t.id.as_str()).collect();
    instrument::parse(&files, &themes)
        .map(|_| ())
        .map_err(|problems| problems.into_iter().map(|(file, field, message)| problem(file, field, message)).collect())
}

/// Parses the bundled catalogue.
pub fn bundled() -> Result<Catalogue> {
    serde_json::from_str(BUNDLED_JSON).map_err(crate::error::Error::Bundled)
}

impl Catalogue {
    /// The edition's version (data/catalogue.toml).
    pub fn version(&self) -> String {
        self.edition.version.clone()
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id == id)
    }
}

/// A catalogue version: the newest review date of `records` and the first 8 characters of
/// the content hash.
pub fn version_of(records: &[Intervention], hash: &str) -> String {
    let newest = records.iter().map(|i| i.last_reviewed.as_str()).max().unwrap_or("0000-00-00");
    format!("{newest}+{}", hash.get(..8).unwrap_or(hash))
}

/// The pack that holds `records`, as printed by `keuzehulp list --json`.
pub fn pack_of(records: &[Intervention], version: String) -> Pack {
    Pack {
        format: Some("keuzehulp-pack".into()),
        version: Some(validate::PACK_VERSION),
        catalogue_version: Some(version),
        interventions: records.to_vec(),
        ..Pack::default()
    }
}

/// How many years an evidence judgement holds without a `valid_until`.
pub const EVIDENCE_YEARS: i32 = 5;

/// Why the evidence judgement no longer counts on `today` (YYYY-MM-DD), in Dutch, or `None`
/// when it still holds, when there is no judgement (level `onbekend`), or when nobody knows
/// when it was made.
///
/// A judgement is lapsed once it is certainly older than [`EVIDENCE_YEARS`] years, or once
/// an explicit `valid_until` has passed. A date as coarse as its source (`2021`, `2021-03`)
/// counts from the last day it can mean, so "ouder dan vijf jaar" is never said too early.
pub fn evidence_lapse(evidence: &Evidence, today: &str) -> Option<String> {
    if evidence.level == model::UNKNOWN {
        return None;
    }
    if let Some(until) = &evidence.valid_until
        && until.as_str() < today
    {
        return Some(format!("bewijs geldig tot {until}; die datum is voorbij"));
    }
    let (year, holds_through) = holds_by_age(evidence.assessed_on.as_deref()?)?;
    (holds_through.as_str() < today).then(|| format!("bewijs beoordeeld in {year}; ouder dan vijf jaar"))
}

/// For a judgement made `on` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): its year, and the last day
/// it holds by age, [`EVIDENCE_YEARS`] after the last day `on` can mean.
fn holds_by_age(on: &str) -> Option<(i32, String)> {
    let year: i32 = on.get(..4)?.parse().ok()?;
    let rest = on.get(4..)?;
    let last_day = match rest.len() {
        0 => "-12-31".to_string(),
        3 => format!("{rest}-31"),
        _ => rest.to_string(),
    };
    Some((year, format!("{:04}{last_day}", year + EVIDENCE_YEARS)))
}

/// The last day (YYYY-MM-DD, compared as text like [`evidence_lapse`] does) on which the
/// evidence judgement still counts, or `None` when it cannot lapse (no judgement, or no date
/// and no `valid_until`). [`evidence_lapse`] says something exactly when this day lies before
/// today; the search index keeps this day, so its counts need no rebuild as days pass.
pub fn evidence_holds_through(evidence: &Evidence) -> Option<String> {
    if evidence.level == model::UNKNOWN {
        return None;
    }
    let by_age = evidence.assessed_on.as_deref().and_then(holds_by_age).map(|(_, day)| day);
    match (evidence.valid_until.clone(), by_age) {
        (Some(until), Some(age)) => Some(until.min(age)),
        (until, age) => until.or(age),
    }
}

/// Whether a judgement (a level other than `onbekend`) has no date to age by: no
/// `assessed_on` and no `valid_until`. It never lapses, so it must not count as timeless:
/// the advisor weighs it as the least certain of all (below a lapsed one).
pub fn evidence_undated(evidence: &Evidence) -> bool {
    evidence.level != model::UNKNOWN && evidence_holds_through(evidence).is_none()
}

/// Checks that `value` (if given) is one of `terms`; the error names the value and lists
/// the allowed ones.
pub fn check_term(what: &'static str, value: Option<&str>, terms: &[Term]) -> Result<()> {
    match value {
        Some(value) if !terms.iter().any(|t| t.id == value) => Err(crate::error::Error::UnknownValue {
            what,
            value: value.to_string(),
            allowed: terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", "),
        }),
        _ => Ok(()),
    }
}

/// The sector slugs a record may carry to fit `sector`: the sector itself, its parent, its
/// sub-sectors, and `algemeen` (meant for every sector).
pub fn sectors_fitting(taxonomy: &Taxonomy, sector: &str) -> Vec<String> {
    let mut out = vec![sector.to_string(), "algemeen".to_string()];
    if let Some(parent) = taxonomy.sectors.iter().find(|s| s.id == sector).and_then(|s| s.parent.clone()) {
        out.push(parent);
    }
    out.extend(taxonomy.sectors.iter().filter(|s| s.parent.as_deref() == Some(sector)).map(|s| s.id.clone()));
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(level: &str, on: Option<&str>, until: Option<&str>) -> Evidence {
        Evidence {
            level: level.into(),
            basis: None,
            references: Vec::new(),
            recognition: None,
            assessed_on: on.map(str::to_string),
            valid_until: until.map(str::to_string),
            scheme: "uitgever".into(),
        }
    }

    #[test]
    fn a_judgement_lapses_the_day_after_it_is_five_years_old() {
        let e = judged("onderbouwd", Some("2020-03-15"), None);
        assert_eq!(evidence_lapse(&e, "2025-03-15"), None);
        assert_eq!(evidence_lapse(&e, "2025-03-16").as_deref(), Some("bewijs beoordeeld in 2020; ouder dan vijf jaar"));
    }

    #[test]
    fn a_coarse_date_counts_from_the_last_day_it_can_mean() {
        let year = judged("effectief", Some("2021"), None);
        assert_eq!(evidence_lapse(&year, "2026-12-31"), None);
        assert!(evidence_lapse(&year, "2027-01-01").is_some());
        let month = judged("effectief", Some("2021-02"), None);
        assert_eq!(evidence_lapse(&month, "2026-02-28"), None);
        assert!(evidence_lapse(&month, "2026-03-01").is_some());
    }

    #[test]
    fn valid_until_ends_a_judgement_early_and_unknowns_never_lapse() {
        let e = judged("praktijkvoorbeeld", Some("2024-01-01"), Some("2024-06-30"));
        assert_eq!(evidence_lapse(&e, "2024-06-30"), None);
        assert_eq!(
            evidence_lapse(&e, "2024-07-01").as_deref(),
            Some("bewijs geldig tot 2024-06-30; die datum is voorbij")
        );
        assert_eq!(evidence_lapse(&judged("onbekend", Some("2001"), None), "2030-01-01"), None);
        assert_eq!(evidence_lapse(&judged("effectief", None, None), "2030-01-01"), None);
    }

    #[test]
    fn holds_through_is_the_last_day_before_the_judgement_lapses() {
        let cases = [
            judged("onderbouwd", Some("2020-03-15"), None),
            judged("effectief", Some("2021"), None),
            judged("effectief", Some("2021-02"), None),
            judged("praktijkvoorbeeld", Some("2024-01-01"), Some("2024-06-30")),
            judged("praktijkvoorbeeld", Some("2010"), Some("2030-01-01")),
            judged("effectief", None, Some("2025-05-05")),
            judged("effectief", None, None),
            judged("onbekend", Some("2001"), None),
        ];
        let days = ["2024-06-30", "2024-07-01", "2025-03-15", "2025-03-16", "2026-02-28", "2026-03-01", "2027-01-01"];
        for e in &cases {
            for today in days {
                let through = evidence_holds_through(e);
                assert_eq!(
                    evidence_lapse(e, today).is_some(),
                    through.as_deref().is_some_and(|t| t < today),
                    "{e:?} on {today}"
                );
            }
        }
    }
}
