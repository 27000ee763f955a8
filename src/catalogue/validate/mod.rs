//! Loading and validating catalogue files: a data directory (TOML) or a pack (JSON).
//!
//! Also compiled into `build.rs` (through `#[path]`), so it uses only `serde`, `toml`,
//! `serde_json`, the standard library and `src/time/date.rs`. Every problem names the file, the field (or the
//! record id and field) and what is wrong; nothing here panics on bad input.
//!
//! The checks themselves: `record.rs` (an intervention, in a data directory or a pack) and
//! `parts.rs` (the edition, the taxonomy, the step guides and the decision tree).

mod parts;
mod record;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::time::date::is_date;

use super::model::{Catalogue, DecisionTree, Edition, Intervention, Pack, StepGuide, Taxonomy, UNKNOWN};
pub use parts::taxonomy_list;
use parts::{check_edition, check_step, check_taxonomy, check_tree};
pub use record::Found;
use record::{Vocabulary, check_intervention};

/// One thing wrong with a catalogue file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or pack) it is in.
    pub file: String,
    /// The field, record or line it concerns.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.field, self.message)
    }
}

impl Problem {
    fn new(file: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { file: file.into(), field: field.into(), message: message.into() }
    }
}

/// The largest pack file read (bytes): ten thousand full records fit, a runaway file does not.
pub const MAX_PACK_BYTES: u64 = 32_000_000;
/// The most records in one pack.
pub const MAX_PACK_RECORDS: usize = 20_000;
/// The longest text in one field of a record (characters); the longest in the bundled
/// catalogue has some 1,400.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest name, alias, id or other short field (characters).
pub const MAX_SHORT_CHARS: usize = 300;
/// The most entries in one list of a record (aliases, references, developers, sources).
pub const MAX_LIST_ITEMS: usize = 100;

/// The step slugs in order; each must have a file in data/steps.
pub const STEP_ORDER: [&str; 5] = ["A", "B1", "B2", "C", "D"];

/// Reads and validates a data directory. Returns the catalogue with interventions sorted
/// by id and steps in leidraad order, or every problem found.
pub fn load_dir(dir: &Path) -> Result<Catalogue, Vec<Problem>> {
    let mut problems = Vec::new();
    let edition_path = dir.join("catalogue.toml");
    let edition: Option<Edition> = parse_toml(&edition_path, &mut problems);
    if let Some(edition) = &edition {
        problems.extend(
            check_edition(edition)
                .into_iter()
                .map(|(field, message)| Problem::new(display(&edition_path), field, message)),
        );
    }
    let taxonomy_path = dir.join("taxonomy.toml");
    let taxonomy: Option<Taxonomy> = parse_toml(&taxonomy_path, &mut problems);

    let mut interventions = Vec::new();
    let records_dir = dir.join("interventions");
    for path in toml_files(&records_dir, &mut problems) {
        if let Some(record) = parse_toml::<Intervention>(&path, &mut problems) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if record.id != stem {
                problems.push(Problem::new(
                    display(&path),
                    "id",
                    format!("het id \"{}\" moet gelijk zijn aan de bestandsnaam \"{stem}\"", record.id),
                ));
            }
            problems.extend(
                missing_in_file(&path, "evidence", &["assessed_on", "scheme"])
                    .into_iter()
                    .map(|(field, message)| Problem::new(display(&path), field, message)),
            );
            interventions.push((display(&path), record));
        }
    }

    let mut steps = Vec::new();
    let steps_dir = dir.join("steps");
    for path in toml_files(&steps_dir, &mut problems) {
        if let Some(step) = parse_toml::<StepGuide>(&path, &mut problems) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if step.step != stem {
                problems.push(Problem::new(
                    display(&path),
                    "step",
                    format!("de stap \"{}\" moet gelijk zijn aan de bestandsnaam \"{stem}\"", step.step),
                ));
            }
            steps.push((display(&path), step));
        }
    }

    let tree_path = dir.join("tree.toml");
    let tree: Option<DecisionTree> = parse_toml(&tree_path, &mut problems);

    let Some(taxonomy) = taxonomy else {
        return Err(problems);
    };
    if let Some(tree) = &tree {
        problems.extend(check_tree(&taxonomy, tree).into_iter().map(|(f, m)| Problem::new(display(&tree_path), f, m)));
        for (i, entry) in tree.entries.iter().enumerate() {
            for id in entry.lead_with.iter().filter(|id| !interventions.iter().any(|(_, r)| &r.id == *id)) {
                problems.push(Problem::new(
                    display(&tree_path),
                    format!("entries[{i}].lead_with"),
                    format!("er is geen interventie met id \"{id}\""),
                ));
            }
        }
    }
    problems.extend(check_taxonomy(&display(&taxonomy_path), &taxonomy));
    let vocab = Vocabulary::new(&taxonomy);
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (file, record) in &interventions {
        if let Some(first) = seen.insert(record.id.clone(), file.clone()) {
            problems.push(Problem::new(
                file.clone(),
                "id",
                format!("het id \"{}\" komt twee keer voor (ook in {first})", record.id),
            ));
        }
        problems.extend(
            check_intervention(&vocab, record)
                .into_iter()
                .map(|found| Problem::new(file.clone(), found.field, found.nl)),
        );
        if record.evidence.level != UNKNOWN && record.evidence.scheme == UNKNOWN {
            problems.push(Problem::new(
                file.clone(),
                "evidence.scheme",
                format!(
                    "evidence level \"{}\" needs the scheme it was judged by (not \"onbekend\")",
                    record.evidence.level
                ),
            ));
        }
    }
    if let Some(edition) = &edition
        && let Some((file, newest)) = interventions.iter().max_by(|a, b| a.1.last_reviewed.cmp(&b.1.last_reviewed))
        && newest.last_reviewed > edition.date
    {
        problems.push(Problem::new(
            display(&edition_path),
            "date",
            format!(
                "\"{}\" is older than the newest last_reviewed, \"{}\" in {file}: raise the date and the version",
                edition.date, newest.last_reviewed
            ),
        ));
    }
    let ids: BTreeSet<&str> = interventions.iter().map(|(_, r)| r.id.as_str()).collect();
    let steps_dir_name = display(&steps_dir);
    for wanted in STEP_ORDER {
        if !steps.iter().any(|(_, s)| s.step == wanted) {
            problems.push(Problem::new(
                steps_dir_name.clone(),
                wanted,
                format!("het bestand {wanted}.toml voor stap {wanted} ontbreekt"),
            ));
        }
    }
    for (file, step) in &steps {
        problems.extend(
            check_step(&vocab, &ids, step)
                .into_iter()
                .map(|(field, message)| Problem::new(file.clone(), field, message)),
        );
    }
    let (Some(tree), Some(edition)) = (tree, edition) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut interventions: Vec<Intervention> = interventions.into_iter().map(|(_, r)| r).collect();
    interventions.sort_by(|a, b| a.id.cmp(&b.id));
    let mut steps: Vec<StepGuide> = steps.into_iter().map(|(_, s)| s).collect();
    steps.sort_by_key(|s| STEP_ORDER.iter().position(|w| *w == s.step));
    Ok(Catalogue { edition, taxonomy, interventions, steps, tree })
}

/// Parses a pack (the JSON printed by `keuzehulp list --json`) and validates every record
/// against `taxonomy`. Problems name the file, the record's id and the field.
pub fn load_pack(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<Pack, Vec<Problem>> {
    let file = display(path);
    // Windows editors start a UTF-8 file with a byte order mark: it is no part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let pack: Pack = match serde_json::from_str(text) {
        Ok(pack) => pack,
        Err(err) => {
            let field = format!("{}:{}", err.line(), err.column());
            return Err(vec![Problem::new(
                file,
                field,
                format!("geen geldig pakket: {}", dutch_parse_error(&err.to_string())),
            )]);
        }
    };
    let problems = check_pack(&file, &pack, taxonomy);
    if problems.is_empty() { Ok(pack) } else { Err(problems) }
}

/// What is wrong with one record, per field (as the catalogue files name it), in Dutch and
/// in English: the checks [`check_pack`] makes of each of its records.
pub fn check_record(record: &Intervention, taxonomy: &Taxonomy) -> Vec<Found> {
    check_intervention(&Vocabulary::new(taxonomy), record)
}

/// Validates the records of an already parsed pack.
pub fn check_pack(file: &str, pack: &Pack, taxonomy: &Taxonomy) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(format) = &pack.format
        && format != "keuzehulp-pack"
    {
        problems.push(Problem::new(file, "format", format!("\"{format}\" is niet \"keuzehulp-pack\"")));
    }
    if let Some(version) = pack.version
        && !(1..=PACK_VERSION).contains(&version)
    {
        problems.push(Problem::new(
            file,
            "version",
            format!("pakketversie {version} wordt niet ondersteund (dit programma leest versie 1 t/m {PACK_VERSION})"),
        ));
    }
    if pack.interventions.len() > MAX_PACK_RECORDS {
        problems.push(Problem::new(
            file,
            "interventions",
            format!(
                "{} interventies is te veel voor één pakket; ten hoogste {MAX_PACK_RECORDS}",
                pack.interventions.len()
            ),
        ));
        return problems;
    }
    if let Some(version) = &pack.catalogue_version
        && let Some(message) = name_problem(version, 64)
    {
        problems.push(Problem::new(file, "catalogue_version", message));
    }
    if let Some(date) = &pack.date
        && !is_date(date)
    {
        problems.push(Problem::new(file, "date", format!("\"{date}\" is geen datum (JJJJ-MM-DD)")));
    }
    if let Some(publisher) = &pack.publisher
        && let Some(message) = name_problem(publisher, MAX_NAME)
    {
        problems.push(Problem::new(file, "publisher", message));
    }
    let vocab = Vocabulary::new(taxonomy);
    let mut seen = BTreeSet::new();
    for (index, record) in pack.interventions.iter().enumerate() {
        let label = if record.id.is_empty() {
            format!("interventions[{index}]")
        } else {
            format!("interventions[{index}] (id \"{}\")", record.id)
        };
        if !seen.insert(record.id.as_str()) {
            problems.push(Problem::new(
                file,
                format!("{label}.id"),
                format!("het id \"{}\" komt twee keer voor", record.id),
            ));
        }
        for found in check_intervention(&vocab, record) {
            problems.push(Problem::new(file, format!("{label}.{}", found.field), found.nl));
        }
    }
    let themes: Vec<&str> = taxonomy.themes.iter().map(|t| t.id.as_str()).collect();
    let mut instrument_ids = BTreeSet::new();
    for (index, instrument) in pack.instruments.iter().enumerate() {
        let label = format!("instruments[{index}] (id \"{}\").", instrument.id);
        if !instrument_ids.insert(instrument.id.as_str()) {
            problems.push(Problem::new(
                file,
                format!("{label}id"),
                format!("het id \"{}\" komt twee keer voor", instrument.id),
            ));
        }
        for (_, field, message) in super::instrument::check(file, &label, instrument, &themes) {
            problems.push(Problem::new(file, field, message));
        }
    }
    problems
}

/// The pack format this program writes; it reads every version from 1 up to this one.
/// Version 2 added the evidence's `assessed_on`, `valid_until` and `scheme`, and the pack's
/// `date` and `publisher`; version 3 the instrument definitions (`instruments`).
pub const PACK_VERSION: u32 = 3;

/// The longest publisher name accepted.
pub const MAX_NAME: usize = 120;

/// What is wrong with a name or version that people will read (a publisher, a key name):
/// blank, too long, or holding control characters (which could rewrite a terminal line).
pub fn name_problem(text: &str, max: usize) -> Option<String> {
    if text.trim().is_empty() {
        return Some("is leeg".to_string());
    }
    if text.chars().count() > max {
        return Some(format!("is langer dan {max} tekens"));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Some(format!("bevat een stuurteken (U+{:04X}); gebruik gewone tekst", u32::from(c)));
    }
    None
}

/// Fields of table `table` that the TOML file at `path` does not write out. Used for fields
/// that packs may leave out (older packs) but the hand-written catalogue must state.
fn missing_in_file(path: &Path, table: &str, fields: &[&str]) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
    let Ok(value) = toml::from_str::<toml::Table>(&text) else { return Vec::new() };
    let Some(found) = value.get(table).and_then(|t| t.as_table()) else { return Vec::new() };
    fields
        .iter()
        .filter(|field| !found.contains_key(**field))
        .map(|field| {
            (format!("{table}.{field}"), "ontbreekt; schrijf \"onbekend\" als geen bron het geeft".to_string())
        })
        .collect()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn toml_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::new(display(dir), "-", format!("de map kan niet worden gelezen: {err}")));
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    files
}

/// The parser's (serde's) English for the common mistakes, in Dutch; anything else as it is.
pub fn dutch_parse_error(message: &str) -> String {
    const PHRASES: [(&str, &str); 12] = [
        ("missing field", "het veld ontbreekt:"),
        ("unknown field", "onbekend veld"),
        ("expected one of", "bekende velden:"),
        ("invalid type:", "verkeerd type:"),
        ("invalid value:", "ongeldige waarde:"),
        ("invalid length", "verkeerde lengte"),
        ("duplicate field", "dubbel veld"),
        ("EOF while parsing", "het bestand houdt halverwege op, in"),
        ("trailing characters", "er staat nog tekst na het einde"),
        ("expected value", "hier hoort een waarde"),
        (", expected", ", verwacht:"),
        (" at line ", " op regel "),
    ];
    let mut out = message.to_string();
    for (english, dutch) in PHRASES {
        out = out.replace(english, dutch);
    }
    out.replace(" column ", ", kolom ")
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Vec<Problem>) -> Option<T> {
    // Only a regular file: opening a named pipe would wait for a writer that never comes.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        problems.push(Problem::new(display(path), "-", "is geen gewoon bestand (maar een map, apparaat of pipe)"));
        return None;
    }
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            problems.push(Problem::new(display(path), "-", format!("het bestand kan niet worden gelezen: {err}")));
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    match toml::from_str::<T>(&text) {
        Ok(value) => Some(value),
        Err(err) => {
            let place = match err.span() {
                Some(span) => {
                    let (line, col) = line_col(&text, span.start);
                    format!("{line}:{col}")
                }
                None => "-".to_string(),
            };
            let message = dutch_parse_error(err.message().trim());
            problems.push(Problem::new(display(path), place, message));
            None
        }
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
