//! The dossier file: one JSON file per dossier, to move it to another laptop or keep it.
//! Versioned (`format`, `version`) and validated like a catalogue pack before anything is
//! written; an import never overwrites a different dossier silently.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Dossier, PlanStatus};
use crate::catalogue::Taxonomy;
use crate::error::{Error, Result};
use crate::replace::{via_temp_file, write_atomically};
use crate::store::Store;
use crate::time::is_date;

/// The `format` value of a dossier file.
pub const FORMAT: &str = "keuzehulp-dossier";
/// The newest dossier-file version this program reads and writes. Version 2 added the
/// conversations (`dossier.conversations`); version 3 the traject (`traject`, `follows`, a
/// plan item's `carried_from` and `carried_to`), the questionnaires' and carried-over
/// `measurements` and the `evaluations`. Versions 1 and 2 still read, without them.
pub const VERSION: u32 = 3;
/// The oldest dossier-file version this program reads.
pub const OLDEST_VERSION: u32 = 1;

/// A dossier file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    /// Always `keuzehulp-dossier`.
    pub format: String,
    /// The file version.
    pub version: u32,
    /// When it was exported (UTC).
    pub exported_at: String,
    /// The dossier.
    pub dossier: Dossier,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportOutcome {
    /// The id the dossier has now.
    pub id: String,
    /// What happened to it.
    pub result: ImportResult,
}

/// What importing a dossier file did with it (`result` in JSON, kebab-case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ImportResult {
    /// It was not there: added.
    New,
    /// Already present and identical: nothing changed.
    Unchanged,
    /// A different dossier with the same id exists: both are kept, the import got a new id.
    KeptBoth,
    /// A different dossier with the same id was replaced (`--replace`).
    Replaced,
}

/// Writes dossier `id` to `path`; the file appears whole or not at all. With `key` the file
/// is encrypted: a SQLCipher database whose one table holds the same JSON, so it takes the
/// same passphrase and the same checks on import. A conversation's confidential notes are
/// left out unless `with_confidential` (the professional's explicit choice).
pub(crate) fn export(store: &Store, id: &str, path: &Path, key: Option<&str>, with_confidential: bool) -> Result<()> {
    let mut dossier = store.dossier(id)?;
    if !with_confidential {
        for t in dossier.conversations.iter_mut().flat_map(|c| c.themes.iter_mut()) {
            t.note = t.note.take().filter(|n| !n.confidential);
            t.questions.retain(|q| !q.note.confidential);
        }
    }
    let file = DossierFile { format: FORMAT.into(), version: VERSION, exported_at: store.clock().now_utc(), dossier };
    let json = serde_json::to_string_pretty(&file).map_err(Error::json("het dossierbestand"))?;
    match key {
        None => write_atomically(path, json.as_bytes()),
        Some(key) => write_encrypted(path, &json, key),
    }
}

const ENCRYPTED_TABLE: &str = "dossierbestand";

fn write_encrypted(path: &Path, json: &str, key: &str) -> Result<()> {
    via_temp_file(path, |tmp| {
        let conn = crate::crypt::create_encrypted(tmp, key).map_err(|e| Error::store(tmp, e))?;
        conn.execute_batch(&format!("CREATE TABLE {ENCRYPTED_TABLE} (json TEXT NOT NULL);"))
            .and_then(|()| conn.execute(&format!("INSERT INTO {ENCRYPTED_TABLE} (json) VALUES (?1)"), [json]))
            .map_err(|e| Error::store(tmp, e))?;
        conn.close().map_err(|(_, e)| Error::store(tmp, e))
    })
}

/// The JSON inside an encrypted dossier file.
fn read_encrypted(path: &Path, key: Option<&str>) -> Result<String> {
    let Some(key) = key else { return Err(Error::PassphraseRequired { path: path.to_path_buf() }) };
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = crate::crypt::open_with_flags(path, Some(key), flags).map_err(|e| Error::store(path, e))?;
    conn.query_row(&format!("SELECT json FROM {ENCRYPTED_TABLE}"), [], |r| r.get(0)).map_err(|e| {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => Error::WrongPassphrase { path: path.to_path_buf() },
            _ => Error::Invalid {
                path: path.to_path_buf(),
                problems: vec![crate::catalogue::validate::Problem {
                    file: path.display().to_string(),
                    field: ENCRYPTED_TABLE.into(),
                    message: format!("geen versleuteld dossierbestand van Keuzehulp: {e}"),
                }],
            },
        }
    })
}

/// Reads and checks a dossier file, plain JSON or encrypted (then with `key`).
pub fn read(
    path: &Path,
    taxonomy: &Taxonomy,
    known_interventions: &[String],
    key: Option<&str>,
) -> Result<DossierFile> {
    // Only a regular file (a pipe would never end), and no larger than the largest dossier.
    let bytes = crate::input::read_limited(path, super::limits::MAX_FILE_BYTES, |size| Error::InvalidInput {
        field: path.display().to_string(),
        message: format!(
            "het dossierbestand is {} MB; een dossierbestand is ten hoogste {} MB",
            size.div_ceil(1_000_000),
            super::limits::MAX_FILE_BYTES / 1_000_000
        ),
    })?;
    // A byte order mark (a Windows editor saved the file) is no part of the JSON.
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    // A dossier file in the clear is JSON, so UTF-8 text. An encrypted one is at least one
    // SQLCipher page that starts with a random salt: its first byte may be anything, even
    // `{`, so only bytes that are no text at all are taken for an encrypted file.
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if e.as_bytes().len() >= 4096 && !crate::crypt::looks_plain(path) => read_encrypted(path, key)?,
        Err(e) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            });
        }
    };
    parse(path, &text, taxonomy, known_interventions)
}

/// Checks the text of a dossier file (`path` only names it in errors); every problem names
/// the field. The fuzz target `dossier_file` drives this with arbitrary text.
pub fn parse(path: &Path, text: &str, taxonomy: &Taxonomy, known_interventions: &[String]) -> Result<DossierFile> {
    let invalid = |field: String, message: String| Error::Invalid {
        path: path.to_path_buf(),
        problems: vec![crate::catalogue::validate::Problem { file: path.display().to_string(), field, message }],
    };
    // Look at format and version first, so a newer file gets a clear message.
    let head: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| invalid(format!("{}:{}", e.line(), e.column()), format!("geen geldig dossierbestand: {e}")))?;
    if head.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(invalid("format".into(), format!("dit is geen Keuzehulp-dossier (verwacht \"{FORMAT}\")")));
    }
    match head.get("version").and_then(|v| v.as_u64()) {
        Some(v) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&v) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(invalid(
                "version".into(),
                format!(
                    "gemaakt door een nieuwere Keuzehulp (versie {v}; deze versie leest t/m {VERSION}); werk Keuzehulp bij"
                ),
            ));
        }
        other => return Err(invalid("version".into(), format!("onbekende versie {other:?}"))),
    }
    // A plan status outside the closed set fails the typed read. It is named on its field like
    // every other problem, and the rest of the file is still checked: with it set aside.
    let unknown_statuses = unknown_statuses(&head);
    let typed = if unknown_statuses.is_empty() {
        serde_json::from_str(text)
    } else {
        serde_json::from_value(set_aside(head, &unknown_statuses)).or_else(|_| serde_json::from_str(text))
    };
    let file: DossierFile = typed.map_err(|e: serde_json::Error| {
        invalid(format!("{}:{}", e.line(), e.column()), format!("het dossier is onvolledig of beschadigd: {e}"))
    })?;
    let d = &file.dossier;
    let mut problems = Vec::new();
    let mut problem = |field: &str, message: String| {
        problems.push(crate::catalogue::validate::Problem {
            file: path.display().to_string(),
            field: field.into(),
            message,
        });
    };
    if d.id.trim().is_empty() {
        problem("dossier.id", "ontbreekt".into());
    } else if !super::limits::is_id(&d.id) {
        problem(
            "dossier.id",
            format!(
                "\"{}\" is geen geldig dossier-id (1 tot {} letters, cijfers, - of _)",
                crate::error::short(&d.id),
                super::limits::MAX_ID_CHARS
            ),
        );
    }
    // Moments as the program writes them; nothing else (a line break, a calendar line) passes.
    let moments = [
        ("exported_at".to_string(), &file.exported_at),
        ("dossier.created_at".to_string(), &d.created_at),
        ("dossier.updated_at".to_string(), &d.updated_at),
    ]
    .into_iter()
    .chain(d.notes.iter().enumerate().map(|(i, n)| (format!("dossier.notes[{i}].created_at"), &n.created_at)))
    .chain(d.shortlist.iter().enumerate().map(|(i, s)| (format!("dossier.shortlist[{i}].added_at"), &s.added_at)));
    for (field, moment) in moments {
        if crate::time::parse_utc(moment).is_none() {
            problem(&field, format!("\"{}\" is geen tijdstip (JJJJ-MM-DDTUU:MM:SSZ)", crate::error::short(moment)));
        }
    }
    if d.revision < 0 {
        problem("dossier.revision", format!("{} is geen versienummer", d.revision));
    }
    let mut bounds = Vec::new();
    super::limits::dossier(d, &mut bounds);
    for (field, message) in bounds {
        problem(&field, message);
    }
    if d.info.org.trim().is_empty() {
        problem("dossier.org", "ontbreekt".into());
    }
    if let Some(sector) = &d.info.sector
        && crate::catalogue::check_term("sector", Some(sector), &taxonomy.sectors).is_err()
    {
        problem("dossier.sector", format!("\"{sector}\" is geen sector"));
    }
    if let Err(e) = crate::advisor::check(&d.answers, taxonomy) {
        problem("dossier.answers", e.to_string());
    }
    for (field, date) in [("dossier.visit_date", &d.info.visit_date)] {
        if let Some(date) = date
            && !is_date(date)
        {
            problem(field, format!("\"{}\" is geen datum", crate::error::short(date)));
        }
    }
    for (i, item) in d.shortlist.iter().enumerate() {
        if !known_interventions.contains(&item.intervention_id) {
            problem(&format!("dossier.shortlist[{i}]"), format!("onbekende interventie \"{}\"", item.intervention_id));
        }
        // Found by the fuzzer: a repeated entry passed here and failed in SQLite.
        if d.shortlist[..i].iter().any(|earlier| earlier.intervention_id == item.intervention_id) {
            problem(
                &format!("dossier.shortlist[{i}]"),
                format!("\"{}\" staat twee keer op de shortlist", item.intervention_id),
            );
        }
    }
    for (i, p) in d.plan.iter().enumerate() {
        if let Some(status) = unknown_statuses.get(&i) {
            problem(&format!("dossier.plan[{i}].status"), format!("\"{status}\" is geen status"));
        }
        for (name, date) in [("start_date", &p.start_date), ("evaluation_date", &p.evaluation_date)] {
            if let Some(date) = date
                && !is_date(date)
            {
                problem(
                    &format!("dossier.plan[{i}].{name}"),
                    format!("\"{}\" is geen datum", crate::error::short(date)),
                );
            }
        }
    }
    check_conversations(&d.conversations, &mut problem);
    check_evaluation_loop(d, &mut problem);
    if problems.is_empty() { Ok(file) } else { Err(Error::Invalid { path: path.to_path_buf(), problems }) }
}

/// The traject, the measurements and the evaluations of a dossier file: what `dossier
/// measure`, `follow-up` and `evaluate` made sure of (a questionnaire's aggregate stands for
/// at least 10 people, an evaluation names a plan item of the file, words from the closed
/// sets, dates, bounded texts), so the store never holds what the program would refuse.
fn check_evaluation_loop(d: &super::Dossier, problem: &mut impl FnMut(&str, String)) {
    use super::evaluate::{MAX_TEXT_CHARS, MIN_GROUP};
    use super::talk::MeasurementKind;
    let guides = crate::catalogue::conversations().ok();
    for (i, p) in d.plan.iter().enumerate() {
        if let Some(c) = &p.carried_from
            && c.dossier.trim().is_empty()
        {
            problem(&format!("dossier.plan[{i}].carried_from.dossier"), "ontbreekt".into());
        }
    }
    for (i, m) in d.measurements.iter().enumerate() {
        let at = |f: &str| format!("dossier.measurements[{i}].{f}");
        if !is_date(&m.date) {
            problem(&at("date"), format!("\"{}\" is geen datum", m.date));
        }
        if m.values.is_empty() || m.values.iter().any(|v| !v.value.is_finite()) {
            problem(&at("values"), "geen waarden, of een waarde die geen getal is".into());
        }
        if !(m.scale.min.is_finite() && m.scale.max.is_finite() && m.scale.min < m.scale.max)
            || m.values.iter().any(|v| v.value < m.scale.min || v.value > m.scale.max)
        {
            problem(&at("values"), "een waarde ligt buiten de schaal".into());
        }
        match m.kind {
            MeasurementKind::Instrument => {
                if m.n.is_none_or(|n| n < MIN_GROUP) {
                    problem(&at("n"), format!("een vragenlijst telt alleen met ten minste {MIN_GROUP} respondenten"));
                }
            }
            MeasurementKind::Gesprek => {
                let guide = guides.as_ref().and_then(|g| g.guide(&m.source));
                if guide.is_none_or(|g| m.values.iter().any(|v| g.theme(&v.key).is_none())) {
                    problem(&at("source"), format!("\"{}\" is geen gespreksleidraad met deze thema's", m.source));
                }
            }
        }
    }
    let items: Vec<i64> = d.plan.iter().map(|p| p.id).collect();
    for (i, e) in d.evaluations.iter().enumerate() {
        let at = |f: &str| format!("dossier.evaluations[{i}].{f}");
        if !items.contains(&e.item) {
            problem(&at("item"), format!("actiepunt {} staat niet in het actieplan van dit dossier", e.item));
        }
        if !is_date(&e.date) {
            problem(&at("date"), format!("\"{}\" is geen datum", e.date));
        }
        if d.evaluations[..i].iter().any(|o| o.item == e.item && o.date == e.date) {
            problem(&at("date"), "twee evaluaties van hetzelfde actiepunt op dezelfde dag".into());
        }
        for (f, t) in [("team_says", &e.team_says), ("reason", &e.reason)] {
            if t.as_deref().is_some_and(|t| t.chars().count() > MAX_TEXT_CHARS) {
                problem(&at(f), format!("langer dan {MAX_TEXT_CHARS} tekens"));
            }
        }
        for (k, ind) in e.indicators.iter().enumerate() {
            for d in [&ind.before_period.from, &ind.before_period.to, &ind.after_period.from, &ind.after_period.to] {
                if !is_date(d) {
                    problem(&at(&format!("indicators[{k}]")), format!("\"{d}\" is geen datum"));
                }
            }
        }
    }
}

/// The conversations of a dossier file against the bundled guides: what `dossier talk`
/// made sure of (known guide, theme and question, ratings 1–5, notes within bounds, one per
/// guide and day), so the store never holds what the program cannot show.
fn check_conversations(conversations: &[super::talk::Conversation], problem: &mut impl FnMut(&str, String)) {
    use super::talk::MAX_NOTE_CHARS;
    use crate::catalogue::conversation::{RATING_MAX, RATING_MIN};
    if conversations.is_empty() {
        return;
    }
    let Ok(guides) = crate::catalogue::conversations() else { return };
    for (i, c) in conversations.iter().enumerate() {
        let at = |field: &str| format!("dossier.conversations[{i}].{field}");
        if !is_date(&c.date) {
            problem(&at("date"), format!("\"{}\" is geen datum", c.date));
        }
        if conversations[..i].iter().any(|e| e.guide == c.guide && e.date == c.date) {
            problem(&at("date"), format!("twee gesprekken \"{}\" op dezelfde dag", c.guide));
        }
        let Some(guide) = guides.guide(&c.guide) else {
            problem(&at("guide"), format!("\"{}\" is geen gespreksleidraad", c.guide));
            continue;
        };
        for (k, t) in c.themes.iter().enumerate() {
            let at = |field: &str| format!("dossier.conversations[{i}].themes[{k}].{field}");
            let Some(theme) = guide.theme(&t.theme) else {
                problem(&at("theme"), format!("\"{}\" is geen thema van {}", t.theme, guide.named));
                continue;
            };
            if t.rating.is_some_and(|r| !(RATING_MIN..=RATING_MAX).contains(&r)) {
                problem(
                    &at("rating"),
                    format!("{} ligt niet tussen {RATING_MIN} en {RATING_MAX}", t.rating.unwrap_or(0)),
                );
            }
            let notes = t.note.iter().chain(t.questions.iter().map(|q| &q.note));
            if notes.clone().any(|n| n.text.chars().count() > MAX_NOTE_CHARS) {
                problem(&at("note"), format!("een notitie is langer dan {MAX_NOTE_CHARS} tekens"));
            }
            for q in &t.questions {
                if !theme.questions.iter().any(|x| x.id == q.question) {
                    problem(&at("questions"), format!("\"{}\" is geen vraag bij thema \"{}\"", q.question, theme.id));
                }
            }
        }
        let twice = |m: &super::talk::Measurement| {
            m.values.iter().enumerate().any(|(k, v)| m.values[..k].iter().any(|e| e.key == v.key))
        };
        if let Some(m) = &c.measurement
            && (m.source != c.guide
                || m.date != c.date
                || m.values.iter().any(|v| guide.theme(&v.key).is_none())
                || twice(m))
        {
            problem(&at("measurement"), "hoort niet bij dit gesprek (leidraad, datum of thema's wijken af)".into());
        }
    }
}

/// The plan items whose status is a text that is no [`PlanStatus`], by their place in the plan.
fn unknown_statuses(head: &serde_json::Value) -> BTreeMap<usize, String> {
    let plan = head.pointer("/dossier/plan").and_then(serde_json::Value::as_array);
    plan.into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, item)| {
            let status = item.get("status")?.as_str()?;
            status.parse::<PlanStatus>().is_err().then(|| (i, status.to_string()))
        })
        .collect()
}

/// The file with those statuses set to one that reads, so the typed read can check the rest;
/// the file is refused all the same, with each of them named.
fn set_aside(mut head: serde_json::Value, statuses: &BTreeMap<usize, String>) -> serde_json::Value {
    for i in statuses.keys() {
        if let Some(status) = head.pointer_mut(&format!("/dossier/plan/{i}/status")) {
            *status = serde_json::Value::from(PlanStatus::Gepland.as_str());
        }
    }
    head
}

/// Imports a checked dossier file. A dossier with the same id that differs is kept, and the
/// import gets a new id (`kept-both`), unless `replace` is set.
pub(crate) fn import(store: &mut Store, file: &DossierFile, replace: bool) -> Result<ImportOutcome> {
    let d = &file.dossier;
    if store.dossier_exists(&d.id)? {
        let current = store.dossier(&d.id)?;
        if same_content(&current, d) {
            return Ok(ImportOutcome { id: d.id.clone(), result: ImportResult::Unchanged });
        }
        if replace {
            store.dossier_put(&d.id, d)?;
            return Ok(ImportOutcome { id: d.id.clone(), result: ImportResult::Replaced });
        }
        let new_id = format!("d-{}", uuid::Uuid::new_v4().simple());
        store.dossier_put(&new_id, d)?;
        return Ok(ImportOutcome { id: new_id, result: ImportResult::KeptBoth });
    }
    store.dossier_put(&d.id, d)?;
    Ok(ImportOutcome { id: d.id.clone(), result: ImportResult::New })
}

/// Equal apart from store-local numbering.
fn same_content(a: &Dossier, b: &Dossier) -> bool {
    let strip = |d: &Dossier| {
        let mut d = d.clone();
        for n in &mut d.notes {
            n.id = 0;
        }
        for m in &mut d.measurements {
            m.id = 0;
        }
        for e in &mut d.evaluations {
            e.id = 0;
            e.item = d.plan.iter().position(|p| p.id == e.item).map_or(-1, |i| i as i64);
        }
        for p in &mut d.plan {
            p.id = 0;
        }
        for c in &mut d.conversations {
            c.id = 0;
            if let Some(m) = &mut c.measurement {
                m.id = 0;
            }
            for t in &mut c.themes {
                if let Some(n) = &mut t.note {
                    n.id = 0;
                }
                for q in &mut t.questions {
                    q.note.id = 0;
                }
            }
        }
        d
    };
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::json;

    use super::{FORMAT, VERSION, parse};
    use crate::error::Error;

    /// A dossier file whose plan has the given items (everything else valid but the org).
    fn file_with_plan(plan: serde_json::Value) -> String {
        json!({
            "format": FORMAT,
            "version": VERSION,
            "exported_at": "2026-11-01T10:00:00Z",
            "dossier": {
                "id": "d-1", "org": " ", "answers": {}, "shortlist": [], "notes": [], "plan": plan,
                "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z", "revision": 1
            }
        })
        .to_string()
    }

    fn problems(text: &str) -> Vec<String> {
        let catalogue = crate::catalogue::bundled().expect("the bundled catalogue");
        match parse(Path::new("d.json"), text, &catalogue.taxonomy, &["pico".to_string()]) {
            Ok(_) => Vec::new(),
            Err(Error::Invalid { problems, .. }) => {
                problems.iter().map(|p| format!("{}: {}", p.field, p.message)).collect()
            }
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn an_unknown_plan_status_is_named_on_its_field_beside_the_other_problems() {
        let item = |status: &str, start: &str| {
            json!({ "id": 1, "intervention_id": "pico", "what": "", "who": "", "start_date": start,
                    "evaluation_method": "", "status": status })
        };
        let text =
            file_with_plan(json!([item("vergeten", "2026-12-01"), item("lopend", "morgen"), item("", "2026-12-01")]));
        assert_eq!(
            problems(&text),
            [
                "dossier.org: ontbreekt",
                "dossier.plan[0].status: \"vergeten\" is geen status",
                "dossier.plan[1].start_date: \"morgen\" is geen datum",
                "dossier.plan[2].status: \"\" is geen status",
            ]
        );
        // A status that is no text at all is a broken file, named by its place.
        let text = file_with_plan(json!([{ "id": 1, "intervention_id": "pico", "what": "", "who": "",
                                           "evaluation_method": "", "status": 3 }]));
        let found = problems(&text);
        assert!(found.len() == 1 && found[0].contains("het dossier is onvolledig of beschadigd"), "{found:?}");
    }
}
