//! Instrument definitions (`data/instruments/*.toml`, and the `instruments` of a pack): what a
//! questionnaire measures (its scales, each mapped onto the taxonomy's themes), its response
//! scale, how a scale is scored, cut-offs with the source they were read in, who holds the
//! rights and under which licence, and whether the item texts are included.
//!
//! A definition is what lets a team's aggregate (`dossier measure`) be checked and compared:
//! a mean outside the response scale is refused, a scale is named by its id, a cut-off is
//! never a guess. Most questionnaires' manuals reserve all rights, so a bundled definition
//! holds no item text (`items_included = false`, no `[[items]]`); an arbodienst that holds a
//! licence may load a definition with the texts, signed, in a pack.
//!
//! Checked by `build.rs` (which compiles this file too, so it uses only serde and toml) and
//! by `keuzehulp validate` and the pack import, with the same code. Every problem is
//! `(file, field, message)`.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// One instrument definition.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Stable id, `[a-z0-9-]`, equal to the file name.
    pub id: String,
    /// Its name (Dutch).
    pub name: String,
    /// Its name (English).
    pub name_en: String,
    /// The version this definition describes, as its makers number it.
    pub version: String,
    /// What it measures, in our own words (Dutch).
    pub about: String,
    /// The same in English.
    pub about_en: String,
    /// Who holds the rights.
    pub rights_holder: String,
    /// The licence as the rights holder states it, in our words, with where it was read.
    pub licence: String,
    /// Whether this definition holds the item texts (only where the licence allows it).
    pub items_included: bool,
    /// How many items the questionnaire has, when a source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub item_count: Option<u32>,
    /// The answers' scale; absent when no source we read gives it ("niet bekend").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub response: Option<ResponseScale>,
    /// How a scale's score is made from the answers.
    pub scoring: Scoring,
    /// The scales, in the questionnaire's order.
    pub scales: Vec<InstrumentScale>,
    /// Cut-offs, each with where it was read; none when no source we read gives one.
    #[serde(default)]
    pub cutoffs: Vec<Cutoff>,
    /// The sources this definition was written from.
    pub sources: Vec<InstrumentSource>,
    /// The item texts, only with `items_included = true`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub items: Vec<ItemText>,
}

/// The scale of the answers to one item.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ResponseScale {
    /// The lowest answer.
    pub min: i32,
    /// The highest answer.
    pub max: i32,
    /// What the lowest answer means (Dutch).
    pub low: String,
    /// The same in English.
    pub low_en: String,
    /// What the highest answer means (Dutch).
    pub high: String,
    /// The same in English.
    pub high_en: String,
}

/// How a scale's score is made from the answers.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Scoring {
    /// The mean of the answers to the scale's items.
    Gemiddelde,
    /// No source we read says; a team's score can be typed in, not computed.
    Onbekend,
}

/// One scale of an instrument.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct InstrumentScale {
    /// Stable id within the instrument, `[a-z0-9-]`.
    pub id: String,
    /// Its name (Dutch).
    pub label: String,
    /// Its name (English).
    pub label_en: String,
    /// The taxonomy themes it says something about, the main one first.
    pub themes: Vec<String>,
    /// Whether a higher score is better (engagement) or worse (burnout complaints).
    pub higher_is_better: bool,
    /// The item numbers scored into it; empty when the definition does not include the
    /// scoring key (then a file of answers cannot be scored for it).
    #[serde(default)]
    pub items: Vec<u32>,
}

/// A cut-off of one scale, read in a named source.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Cutoff {
    /// The scale.
    pub scale: String,
    /// The value: a score at or beyond it counts as past the cut-off.
    pub value: f64,
    /// What a score past it means (Dutch).
    pub meaning: String,
    /// The same in English.
    pub meaning_en: String,
    /// The source's id (`sources`).
    pub source: String,
    /// Where in the source (table, page).
    pub section: String,
}

/// A source an instrument definition was written from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct InstrumentSource {
    /// Id within the definition, `[a-z0-9-]`.
    pub id: String,
    /// The title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year, or "zonder jaartal".
    pub year: String,
    /// Where we read it.
    pub read_at: String,
    /// What we took from it and what not.
    pub note: String,
}

/// One item's text (only in a definition whose licence allows it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ItemText {
    /// The item's number.
    pub number: u32,
    /// The text (Dutch).
    pub text: String,
    /// The text (English).
    pub text_en: String,
}

/// One problem: (file, field, message).
pub type Problem = (String, String, String);

/// The longest text in a definition (characters).
pub const MAX_TEXT: usize = 4_000;
/// The most scales, items and cut-offs one definition may hold.
pub const MAX_PARTS: usize = 500;

impl Instrument {
    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&InstrumentScale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The cut-off of scale `scale`, if the definition gives one.
    pub fn cutoff(&self, scale: &str) -> Option<&Cutoff> {
        self.cutoffs.iter().find(|c| c.scale == scale)
    }

    /// Whether a score is past `cutoff` on `scale` (beyond it in the bad direction).
    pub fn past(scale: &InstrumentScale, cutoff: &Cutoff, score: f64) -> bool {
        if scale.higher_is_better { score <= cutoff.value } else { score >= cutoff.value }
    }
}

/// Reads every `*.toml` file in `dir`, in file-name order: (path, text).
pub fn read_dir(dir: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .map(|text| (p.display().to_string(), text))
                .map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// Parses and checks the definition files `(file, text)`; `themes` are the taxonomy's theme
/// ids. Every problem names the file and the field.
pub fn parse(files: &[(String, String)], themes: &[&str]) -> Result<Vec<Instrument>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (file, text) in files {
        match toml::from_str::<Instrument>(text) {
            Ok(instrument) => {
                let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).trim_end_matches(".toml");
                if instrument.id != stem {
                    problems.push((
                        file.clone(),
                        "id".into(),
                        format!("moet gelijk zijn aan de bestandsnaam \"{stem}\""),
                    ));
                }
                problems.extend(check(file, "", &instrument, themes));
                out.push(instrument);
            }
            Err(e) => problems.push((file.clone(), "toml".into(), e.to_string().trim().replace('\n', " "))),
        }
    }
    let mut ids = BTreeSet::new();
    for (i, instrument) in out.iter().enumerate() {
        if !ids.insert(instrument.id.as_str()) {
            problems.push((files[i].0.clone(), "id".into(), format!("\"{}\" komt twee keer voor", instrument.id)));
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

/// Checks one definition; `at` prefixes every field (a pack's `instruments[3] (id "x").`).
pub fn check(file: &str, at: &str, d: &Instrument, themes: &[&str]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = Vec::new();
    let mut problem =
        |field: String, message: String| problems.push((file.to_string(), format!("{at}{field}"), message));
    if !is_slug(&d.id) {
        problem("id".into(), "alleen [a-z0-9-], niet leeg".into());
    }
    let texts: [(&str, &str); 7] = [
        ("name", &d.name),
        ("name_en", &d.name_en),
        ("version", &d.version),
        ("about", &d.about),
        ("about_en", &d.about_en),
        ("rights_holder", &d.rights_holder),
        ("licence", &d.licence),
    ];
    for (field, value) in texts {
        if let Some(message) = text_problem(value) {
            problem(field.into(), message);
        }
    }
    if d.scales.len() > MAX_PARTS || d.items.len() > MAX_PARTS || d.cutoffs.len() > MAX_PARTS {
        problem("scales".into(), format!("meer dan {MAX_PARTS} schalen, items of afkappunten"));
        return problems;
    }
    if let Some(r) = &d.response {
        if r.min >= r.max {
            problem("response".into(), format!("min {} moet lager zijn dan max {}", r.min, r.max));
        }
        for (field, value) in [("low", &r.low), ("low_en", &r.low_en), ("high", &r.high), ("high_en", &r.high_en)] {
            if let Some(message) = text_problem(value) {
                problem(format!("response.{field}"), message);
            }
        }
    }
    if d.sources.is_empty() {
        problem("sources".into(), "geen bron: een definitie zegt waar haar feiten gelezen zijn".into());
    }
    let mut source_ids = BTreeSet::new();
    for (i, s) in d.sources.iter().enumerate() {
        let f = |x: &str| format!("sources[{i}].{x}");
        if !is_slug(&s.id) || !source_ids.insert(s.id.as_str()) {
            problem(f("id"), "alleen [a-z0-9-], niet leeg en uniek".into());
        }
        for (field, value) in [("title", &s.title), ("publisher", &s.publisher), ("year", &s.year), ("note", &s.note)] {
            if let Some(message) = text_problem(value) {
                problem(f(field), message);
            }
        }
        if !is_web_address(&s.read_at) {
            problem(f("read_at"), "moet een webadres zijn (https:// of http://)".into());
        }
    }
    if d.scales.is_empty() {
        problem("scales".into(), "noemt geen enkele schaal".into());
    }
    let mut scale_ids = BTreeSet::new();
    for (i, s) in d.scales.iter().enumerate() {
        let f = |x: &str| format!("scales[{i}] ({}).{x}", s.id);
        if !is_slug(&s.id) {
            problem(f("id"), "alleen [a-z0-9-], niet leeg".into());
        }
        if !scale_ids.insert(s.id.as_str()) {
            problem(f("id"), "komt twee keer voor".into());
        }
        for (field, value) in [("label", &s.label), ("label_en", &s.label_en)] {
            if let Some(message) = text_problem(value) {
                problem(f(field), message);
            }
        }
        if s.themes.is_empty() {
            problem(f("themes"), "noemt geen thema uit de taxonomie".into());
        }
        for theme in &s.themes {
            if !themes.contains(&theme.as_str()) {
                problem(f("themes"), format!("\"{theme}\" is geen thema van de taxonomie"));
            }
        }
        let mut seen = BTreeSet::new();
        for n in &s.items {
            if *n == 0 || d.item_count.is_some_and(|count| *n > count) {
                problem(
                    f("items"),
                    format!(
                        "item {n} bestaat niet (de items zijn genummerd 1 tot en met {})",
                        d.item_count.unwrap_or(0)
                    ),
                );
            }
            if !seen.insert(*n) {
                problem(f("items"), format!("item {n} komt twee keer voor"));
            }
        }
        if !s.items.is_empty() && d.item_count.is_none() {
            problem(f("items"), "een scoringssleutel heeft item_count nodig".into());
        }
    }
    for (i, c) in d.cutoffs.iter().enumerate() {
        let f = |x: &str| format!("cutoffs[{i}].{x}");
        if d.scale(&c.scale).is_none() {
            problem(f("scale"), format!("\"{}\" is geen schaal van dit instrument", c.scale));
        }
        if !c.value.is_finite() {
            problem(f("value"), "is geen getal".into());
        }
        match &d.response {
            None => problem(f("value"), "een afkappunt heeft de antwoordschaal nodig (response)".into()),
            Some(r) if c.value < f64::from(r.min) || c.value > f64::from(r.max) => {
                problem(
                    f("value"),
                    format!("{} ligt buiten de antwoordschaal {} tot en met {}", c.value, r.min, r.max),
                );
            }
            Some(_) => {}
        }
        if !d.sources.iter().any(|s| s.id == c.source) {
            problem(
                f("source"),
                format!("\"{}\" is geen bron van deze definitie: een afkappunt is nooit een gok", c.source),
            );
        }
        for (field, value) in [("meaning", &c.meaning), ("meaning_en", &c.meaning_en), ("section", &c.section)] {
            if let Some(message) = text_problem(value) {
                problem(f(field), message);
            }
        }
    }
    if !d.items_included && !d.items.is_empty() {
        problem(
            "items".into(),
            "bevat itemteksten terwijl items_included false is: neem geen itemtekst op tenzij de licentie dat toestaat"
                .into(),
        );
    }
    if d.items_included {
        let mut numbers = BTreeSet::new();
        for (i, item) in d.items.iter().enumerate() {
            let f = |x: &str| format!("items[{i}].{x}");
            if !numbers.insert(item.number) || item.number == 0 || d.item_count.is_some_and(|c| item.number > c) {
                problem(f("number"), format!("{} is geen nieuw itemnummer binnen item_count", item.number));
            }
            for (field, value) in [("text", &item.text), ("text_en", &item.text_en)] {
                if let Some(message) = text_problem(value) {
                    problem(f(field), message);
                }
            }
        }
        for s in &d.scales {
            for n in &s.items {
                if !numbers.contains(n) {
                    problem("items".into(), format!("item {n} (schaal {}) heeft geen tekst", s.id));
                }
            }
        }
    }
    problems
}

fn text_problem(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("is leeg".into());
    }
    if text.chars().count() > MAX_TEXT {
        return Some(format!("is langer dan {MAX_TEXT} tekens"));
    }
    text.chars().any(|c| c.is_control() && c != '\n').then(|| "bevat een stuurteken".to_string())
}

fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_web_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(char::is_whitespace)
}

// Beside this file, not below it: `build.rs` compiles this file by path too.
#[cfg(test)]
#[path = "instrument_tests.rs"]
mod tests;
