//! Loading and validating catalogue files: a data directory (TOML) or a pack (JSON).
//!
//! Also compiled into `build.rs` (through `#[path]`), so it uses only `serde`, `toml`,
//! `serde_json` and the standard library. Every problem names the file, the field (or the
//! record id and field) and what is wrong; nothing here panics on bad input.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::time::date::is_date;

use super::model::{
    Catalogue, DecisionTree, Edition, Finding, Intervention, Pack, SourceRef, StepGuide, Taxonomy, Term, UNKNOWN,
};

/// The answer fields a question may fill, with the kind it must have and the taxonomy list
/// its options must come from.
pub const ANSWER_FIELDS: &[(&str, &str, Option<&str>)] = &[
    ("role", "single", Some("roles")),
    ("level", "single", Some("levels")),
    ("steps", "multi", Some("steps")),
    ("themes", "multi", Some("themes")),
    ("sector", "single", Some("sectors")),
    ("risk_group", "single", Some("risk_groups")),
    ("min_evidence", "single", Some("evidence_levels")),
    ("free", "yes-no", None),
    ("max_time", "single", Some("time_classes")),
];

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
                .map(|(field, message)| Problem::new(file.clone(), field, message)),
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
                format!("the file {wanted}.toml for step {wanted} is missing"),
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
        for (field, message) in check_intervention(&vocab, record) {
            problems.push(Problem::new(file, format!("{label}.{field}"), message));
        }
    }
    problems
}

/// The taxonomy's slugs, for quick membership tests and helpful messages.
struct Vocabulary<'a> {
    taxonomy: &'a Taxonomy,
}

impl<'a> Vocabulary<'a> {
    fn new(taxonomy: &'a Taxonomy) -> Self {
        Vocabulary { taxonomy }
    }

    fn check(&self, field: &str, terms: &[Term], value: &str, out: &mut Vec<(String, String)>) {
        if !terms.iter().any(|t| t.id == value) {
            let allowed: Vec<&str> = terms.iter().map(|t| t.id.as_str()).collect();
            out.push((
                field.to_string(),
                format!("\"{value}\" is niet toegestaan; toegestaan: {}", allowed.join(", ")),
            ));
        }
    }

    fn check_list(&self, field: &str, terms: &[Term], values: &[String], min: usize, out: &mut Vec<(String, String)>) {
        if values.len() < min {
            out.push((field.to_string(), "heeft minstens één waarde nodig".to_string()));
        }
        let mut seen = BTreeSet::new();
        for value in values {
            self.check(field, terms, value, out);
            if !seen.insert(value) {
                out.push((field.to_string(), format!("\"{value}\" staat er twee keer in")));
            }
        }
    }

    fn check_sources(&self, field: &str, sources: &[SourceRef], out: &mut Vec<(String, String)>) {
        if sources.is_empty() {
            out.push((field.to_string(), "heeft minstens één bron nodig".to_string()));
        }
        for source in sources {
            if !self.taxonomy.documents.iter().any(|d| d.id == source.document) {
                let allowed: Vec<&str> = self.taxonomy.documents.iter().map(|d| d.id.as_str()).collect();
                out.push((
                    format!("{field}.document"),
                    format!("\"{}\" is geen bekend document; toegestaan: {}", source.document, allowed.join(", ")),
                ));
            }
            if source.section.trim().is_empty() {
                out.push((format!("{field}.section"), "is leeg".to_string()));
            }
        }
    }
}

/// The pack format this program writes; it reads every version from 1 up to this one.
/// Version 2 added the evidence's `assessed_on`, `valid_until` and `scheme`, and the pack's
/// `date` and `publisher`.
pub const PACK_VERSION: u32 = 2;

/// The longest publisher name accepted.
pub const MAX_NAME: usize = 120;

/// What is wrong with a name or version that people will read (a publisher, a key name):
/// blank, too long, or holding control characters (which could rewrite a terminal line).
pub fn name_problem(text: &str, max: usize) -> Option<String> {
    if text.trim().is_empty() {
        return Some("is empty".to_string());
    }
    if text.chars().count() > max {
        return Some(format!("is longer than {max} characters"));
    }
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Some(format!("holds a control character (U+{:04X}); use plain text", u32::from(c)));
    }
    None
}

/// Checks data/catalogue.toml.
fn check_edition(edition: &Edition) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(message) = name_problem(&edition.version, 64) {
        out.push(("version".into(), message));
    }
    if !is_date(&edition.date) {
        out.push(("date".into(), format!("\"{}\" is not a date (YYYY-MM-DD)", edition.date)));
    }
    if let Some(message) = name_problem(&edition.publisher, MAX_NAME) {
        out.push(("publisher".into(), message));
    }
    out
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
        .map(|field| (format!("{table}.{field}"), "is missing; write \"onbekend\" when no source gives it".to_string()))
        .collect()
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether `text` is a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the
/// source is.
pub fn is_partial_date(text: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match text.len() {
        4 => digits(text, 4),
        7 => {
            digits(&text[..4], 4)
                && text.as_bytes()[4] == b'-'
                && digits(&text[5..], 2)
                && (1..=12).contains(&text[5..].parse::<u32>().unwrap_or(0))
        }
        _ => is_date(text),
    }
}

fn check_text(field: &str, value: &str, out: &mut Vec<(String, String)>) {
    if value.trim().is_empty() {
        out.push((field.to_string(), "is leeg".to_string()));
    }
}

fn check_known_text(field: &str, value: &Option<String>, out: &mut Vec<(String, String)>) {
    if let Some(text) = value
        && text.trim().is_empty()
    {
        out.push((field.to_string(), "is leeg; schrijf \"onbekend\" als geen bron het geeft".to_string()));
    }
}

/// A text longer than `max` characters is a problem (it would cost memory and search time
/// out of all proportion).
fn check_length(field: &str, value: &str, max: usize, out: &mut Vec<(String, String)>) {
    // Counting stops at the first character past the limit.
    if value.len() > max && value.chars().nth(max).is_some() {
        out.push((field.to_string(), format!("is {} tekens lang; ten hoogste {max}", value.chars().count())));
    }
}

fn check_items(field: &str, count: usize, out: &mut Vec<(String, String)>) {
    if count > MAX_LIST_ITEMS {
        out.push((field.to_string(), format!("heeft {count} waarden; ten hoogste {MAX_LIST_ITEMS}")));
    }
}

/// The size limits of one record.
fn check_sizes(r: &Intervention, out: &mut Vec<(String, String)>) {
    let short = [("id", &r.id), ("name", &r.name), ("kind", &r.kind), ("last_reviewed", &r.last_reviewed)];
    for (field, value) in short {
        check_length(field, value, MAX_SHORT_CHARS, out);
    }
    let long = [
        ("summary", Some(&r.summary)),
        ("benefits", r.benefits.as_ref()),
        ("involves", r.involves.as_ref()),
        ("time", r.time.as_ref()),
        ("cost", r.cost.as_ref()),
        ("privacy", r.privacy.as_ref()),
        ("url", r.url.as_ref()),
        ("evidence.basis", r.evidence.basis.as_ref()),
    ];
    for (field, value) in long {
        if let Some(value) = value {
            check_length(field, value, MAX_TEXT_CHARS, out);
        }
    }
    let lists: [(&str, &[String], usize); 10] = [
        ("aliases", &r.aliases, MAX_SHORT_CHARS),
        ("developed_by", r.developed_by.as_deref().unwrap_or_default(), MAX_SHORT_CHARS),
        ("evidence.references", &r.evidence.references, MAX_TEXT_CHARS),
        ("levels", &r.levels, MAX_SHORT_CHARS),
        ("steps", &r.steps, MAX_SHORT_CHARS),
        ("roles", &r.roles, MAX_SHORT_CHARS),
        ("themes", &r.themes, MAX_SHORT_CHARS),
        ("sectors", &r.sectors, MAX_SHORT_CHARS),
        ("risk_groups", &r.risk_groups, MAX_SHORT_CHARS),
        ("time_class", std::slice::from_ref(&r.time_class), MAX_SHORT_CHARS),
    ];
    for (field, values, max) in lists {
        check_items(field, values.len(), out);
        for (i, value) in values.iter().enumerate() {
            check_length(&format!("{field}[{i}]"), value, max, out);
        }
    }
    check_length("cost_class", &r.cost_class, MAX_SHORT_CHARS, out);
    check_length("evidence.level", &r.evidence.level, MAX_SHORT_CHARS, out);
    check_items("sources", r.sources.len(), out);
    for (i, source) in r.sources.iter().enumerate() {
        check_length(&format!("sources[{i}].document"), &source.document, MAX_SHORT_CHARS, out);
        check_length(&format!("sources[{i}].section"), &source.section, MAX_TEXT_CHARS, out);
        if let Some(note) = &source.note {
            check_length(&format!("sources[{i}].note"), note, MAX_TEXT_CHARS, out);
        }
    }
}

/// Checks one record; returns (field, message) pairs.
fn check_intervention(vocab: &Vocabulary<'_>, r: &Intervention) -> Vec<(String, String)> {
    let t = vocab.taxonomy;
    let mut out = Vec::new();
    check_sizes(r, &mut out);
    if !out.is_empty() {
        // Oversized values are not checked further (or quoted back in full).
        return out;
    }
    if !is_slug(&r.id) {
        out.push(("id".into(), format!("\"{}\" is geen slug (kleine letters, cijfers en losse koppeltekens)", r.id)));
    }
    check_text("name", &r.name, &mut out);
    check_text("summary", &r.summary, &mut out);
    for (i, alias) in r.aliases.iter().enumerate() {
        check_text(&format!("aliases[{i}]"), alias, &mut out);
    }
    check_known_text("benefits", &r.benefits, &mut out);
    check_known_text("involves", &r.involves, &mut out);
    check_known_text("time", &r.time, &mut out);
    check_known_text("cost", &r.cost, &mut out);
    check_known_text("privacy", &r.privacy, &mut out);
    check_known_text("url", &r.url, &mut out);
    if let Some(url) = &r.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        out.push(("url".into(), format!("\"{url}\" is geen webadres (http:// of https://)")));
    }
    if let Some(names) = &r.developed_by {
        if names.is_empty() {
            out.push((
                "developed_by".into(),
                "is een lege lijst; schrijf \"onbekend\" als geen bron een ontwikkelaar noemt".into(),
            ));
        }
        for (i, name) in names.iter().enumerate() {
            check_text(&format!("developed_by[{i}]"), name, &mut out);
        }
    }
    vocab.check("kind", &t.kinds, &r.kind, &mut out);
    vocab.check("time_class", &t.time_classes, &r.time_class, &mut out);
    vocab.check("cost_class", &t.cost_classes, &r.cost_class, &mut out);
    if r.time.is_none() && r.time_class != "onbekend" {
        out.push(("time_class".into(), format!("is \"{}\", maar er staat geen tijd bij", r.time_class)));
    }
    vocab.check_list("levels", &t.levels, &r.levels, 1, &mut out);
    vocab.check_list("steps", &t.steps, &r.steps, 1, &mut out);
    vocab.check_list("roles", &t.roles, &r.roles, 1, &mut out);
    vocab.check_list("themes", &t.themes, &r.themes, 1, &mut out);
    vocab.check_list("sectors", &t.sectors, &r.sectors, 1, &mut out);
    vocab.check_list("risk_groups", &t.risk_groups, &r.risk_groups, 0, &mut out);
    vocab.check("evidence.level", &t.evidence_levels, &r.evidence.level, &mut out);
    check_known_text("evidence.basis", &r.evidence.basis, &mut out);
    if matches!(r.evidence.level.as_str(), "effectief" | "onderbouwd") && r.evidence.references.is_empty() {
        out.push((
            "evidence.references".into(),
            format!("bewijsniveau \"{}\" heeft minstens één referentie nodig", r.evidence.level),
        ));
    }
    for (i, reference) in r.evidence.references.iter().enumerate() {
        check_text(&format!("evidence.references[{i}]"), reference, &mut out);
    }
    vocab.check("evidence.scheme", &t.evidence_schemes, &r.evidence.scheme, &mut out);
    if let Some(on) = &r.evidence.assessed_on
        && !is_partial_date(on)
    {
        out.push((
            "evidence.assessed_on".into(),
            format!("\"{on}\" is not a date (YYYY-MM-DD, or YYYY-MM or YYYY as precise as the source) or \"onbekend\""),
        ));
    }
    if let Some(until) = &r.evidence.valid_until {
        if !is_date(until) {
            out.push(("evidence.valid_until".into(), format!("\"{until}\" is not a date (YYYY-MM-DD)")));
        } else if let Some(on) = &r.evidence.assessed_on
            && until.as_str() < on.as_str()
        {
            out.push(("evidence.valid_until".into(), format!("\"{until}\" lies before assessed_on \"{on}\"")));
        }
    }
    vocab.check_sources("sources", &r.sources, &mut out);
    if !is_date(&r.last_reviewed) {
        out.push(("last_reviewed".into(), format!("\"{}\" is geen datum (JJJJ-MM-DD)", r.last_reviewed)));
    }
    out
}

fn check_findings(vocab: &Vocabulary<'_>, name: &str, findings: &[Finding], out: &mut Vec<(String, String)>) {
    for (i, finding) in findings.iter().enumerate() {
        check_text(&format!("{name}[{i}].heading"), &finding.heading, out);
        check_text(&format!("{name}[{i}].text"), &finding.text, out);
        vocab.check_sources(&format!("{name}[{i}].sources"), &finding.sources, out);
    }
}

fn check_step(vocab: &Vocabulary<'_>, ids: &BTreeSet<&str>, s: &StepGuide) -> Vec<(String, String)> {
    let t = vocab.taxonomy;
    let mut out = Vec::new();
    vocab.check("step", &t.steps, &s.step, &mut out);
    check_text("title", &s.title, &mut out);
    check_text("summary", &s.summary, &mut out);
    for id in &s.good_practices {
        if !ids.contains(id.as_str()) {
            out.push(("good_practices".into(), format!("\"{id}\" is geen id van een interventie")));
        }
    }
    if s.why.is_empty() {
        out.push(("why".into(), "needs at least one finding".into()));
    }
    check_findings(vocab, "why", &s.why, &mut out);
    check_findings(vocab, "rationale", &s.rationale, &mut out);
    for role in &t.roles {
        let count = s.advice.iter().filter(|a| a.role == role.id).count();
        if count != 1 {
            out.push(("advice".into(), format!("needs exactly one advice for role \"{}\", found {count}", role.id)));
        }
    }
    for (i, advice) in s.advice.iter().enumerate() {
        let field = format!("advice[{i}]");
        vocab.check(&format!("{field}.role"), &t.roles, &advice.role, &mut out);
        check_text(&format!("{field}.audience"), &advice.audience, &mut out);
        if advice.items.is_empty() {
            out.push((format!("{field}.items"), "needs at least one item".into()));
        }
        for (j, item) in advice.items.iter().enumerate() {
            check_text(&format!("{field}.items[{j}]"), item, &mut out);
        }
        for id in &advice.interventions {
            if !ids.contains(id.as_str()) {
                out.push((format!("{field}.interventions"), format!("\"{id}\" is geen id van een interventie")));
            }
        }
        vocab.check_sources(&format!("{field}.sources"), &advice.sources, &mut out);
    }
    out
}

/// The taxonomy list called `name`.
pub fn taxonomy_list<'a>(t: &'a Taxonomy, name: &str) -> Option<&'a [Term]> {
    Some(match name {
        "levels" => &t.levels,
        "steps" => &t.steps,
        "roles" => &t.roles,
        "themes" => &t.themes,
        "sectors" => &t.sectors,
        "risk_groups" => &t.risk_groups,
        "evidence_levels" => &t.evidence_levels,
        "evidence_schemes" => &t.evidence_schemes,
        "kinds" => &t.kinds,
        "cost_classes" => &t.cost_classes,
        "time_classes" => &t.time_classes,
        _ => return None,
    })
}

fn check_tree(t: &Taxonomy, tree: &DecisionTree) -> Vec<(String, String)> {
    let vocab = Vocabulary::new(t);
    let mut out = Vec::new();
    if tree.entries.len() != 4 {
        out.push(("entries".into(), format!("needs the leidraad's four questions, found {}", tree.entries.len())));
    }
    for (i, entry) in tree.entries.iter().enumerate() {
        let field = format!("entries[{i}]");
        check_text(&format!("{field}.question"), &entry.question, &mut out);
        check_text(&format!("{field}.question_en"), &entry.question_en, &mut out);
        if let Some(role) = &entry.presets.role {
            vocab.check(&format!("{field}.presets.role"), &t.roles, role, &mut out);
        }
        if let Some(level) = &entry.presets.level {
            vocab.check(&format!("{field}.presets.level"), &t.levels, level, &mut out);
        }
        vocab.check_list(&format!("{field}.presets.steps"), &t.steps, &entry.presets.steps, 0, &mut out);
    }
    let mut seen = BTreeSet::new();
    for (i, q) in tree.questions.iter().enumerate() {
        let field = format!("questions[{i}]");
        if !seen.insert(q.id.as_str()) {
            out.push((format!("{field}.id"), format!("\"{}\" is used twice", q.id)));
        }
        check_text(&format!("{field}.prompt"), &q.prompt, &mut out);
        check_text(&format!("{field}.prompt_en"), &q.prompt_en, &mut out);
        match ANSWER_FIELDS.iter().find(|(name, _, _)| *name == q.answer) {
            None => {
                let allowed: Vec<&str> = ANSWER_FIELDS.iter().map(|(n, _, _)| *n).collect();
                out.push((
                    format!("{field}.answer"),
                    format!("\"{}\" is not allowed; allowed: {}", q.answer, allowed.join(", ")),
                ));
            }
            Some((_, kind, options)) => {
                if q.kind != *kind {
                    out.push((format!("{field}.kind"), format!("must be \"{kind}\" for answer \"{}\"", q.answer)));
                }
                if q.options_from.as_deref() != *options {
                    out.push((
                        format!("{field}.options_from"),
                        format!("must be {options:?} for answer \"{}\"", q.answer),
                    ));
                }
            }
        }
    }
    out
}

fn check_taxonomy(file: &str, t: &Taxonomy) -> Vec<Problem> {
    let mut problems = Vec::new();
    let lists: [(&str, &[Term]); 11] = [
        ("levels", &t.levels),
        ("steps", &t.steps),
        ("roles", &t.roles),
        ("themes", &t.themes),
        ("sectors", &t.sectors),
        ("risk_groups", &t.risk_groups),
        ("evidence_levels", &t.evidence_levels),
        ("evidence_schemes", &t.evidence_schemes),
        ("kinds", &t.kinds),
        ("cost_classes", &t.cost_classes),
        ("time_classes", &t.time_classes),
    ];
    for (name, terms) in lists {
        let mut seen = BTreeSet::new();
        for term in terms {
            if !seen.insert(term.id.as_str()) {
                problems.push(Problem::new(file, name, format!("\"{}\" is defined twice", term.id)));
            }
            if term.label.trim().is_empty() || term.label_en.trim().is_empty() {
                problems.push(Problem::new(file, format!("{name}.{}", term.id), "needs a Dutch and an English label"));
            }
        }
    }
    for sector in &t.sectors {
        if let Some(parent) = &sector.parent
            && !t.sectors.iter().any(|s| &s.id == parent && s.parent.is_none())
        {
            problems.push(Problem::new(
                file,
                format!("sectors.{}.parent", sector.id),
                format!("\"{parent}\" is not a top-level sector"),
            ));
        }
    }
    for level in &t.evidence_levels {
        if level.rank.is_none() {
            problems.push(Problem::new(file, format!("evidence_levels.{}.rank", level.id), "is missing"));
        }
    }
    for wanted in STEP_ORDER {
        if !t.steps.iter().any(|s| s.id == wanted) {
            problems.push(Problem::new(file, "steps", format!("step \"{wanted}\" is missing")));
        }
    }
    for (name, wanted) in [
        ("cost_classes", "onbekend"),
        ("time_classes", "onbekend"),
        ("evidence_levels", "onbekend"),
        ("evidence_schemes", "onbekend"),
    ] {
        let terms = lists.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or(&[]);
        if !terms.iter().any(|t| t.id == wanted) {
            problems.push(Problem::new(file, name, format!("\"{wanted}\" must be defined")));
        }
    }
    problems
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

fn toml_files(dir: &Path, problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(Problem::new(display(dir), "-", format!("cannot read the folder: {err}")));
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
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            problems.push(Problem::new(display(path), "-", format!("cannot read the file: {err}")));
            return None;
        }
    };
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
