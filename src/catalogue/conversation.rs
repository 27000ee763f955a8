//! The conversation guides (`data/conversations/`): what a professional asks a team, a worker
//! or a team leader, theme by theme, with follow-up prompts, the 1–5 rating "hoe gaat het hier
//! nu mee?", and for every question where it came from. Checked by `build.rs` (which compiles
//! this file too, so it uses only serde and toml) and bundled as JSON beside the catalogue.
//!
//! Every theme maps onto the taxonomy (themes, a level, steps), so a theme a group rates low
//! becomes the advisor's answers. Every question names at least one source: a document of the
//! taxonomy (`[[documents]]`) or a public reference listed in `sources.toml`, with the section
//! it came from. Dutch and English carry the same content: the same number of follow-ups and
//! paragraphs, and the same figures.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The lowest rating.
pub const RATING_MIN: u8 = 1;
/// The highest rating.
pub const RATING_MAX: u8 = 5;
/// A rating at or below this is low: the theme becomes one of the advisor's answers.
pub const LOW_RATING: u8 = 2;

/// Every guide with the public references their questions cite.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Conversations {
    /// The public references (`sources.toml`).
    pub references: Vec<Reference>,
    /// The guides, in file-name order.
    pub guides: Vec<Guide>,
}

/// `sources.toml`: the public documents the questions cite besides the taxonomy's own.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ReferencesFile {
    references: Vec<Reference>,
}

/// A public document a question cites.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Stable id, `[a-z0-9-]`, used as a question source's `document`.
    pub id: String,
    /// The document's title as its publisher gives it.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year or version as the document gives it, or "zonder jaartal".
    pub year: String,
    /// The publisher's own web address for it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
    /// The web address where we read it (the publisher's, or a public copy).
    pub read_at: String,
    /// What we took from it and what not (copyright, what could not be read).
    pub note: String,
}

/// One conversation guide (`data/conversations/<id>.toml`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// Stable id, equal to the file name: `team`, `medewerker`, `leidinggevende`.
    pub id: String,
    /// The title (Dutch).
    pub title: String,
    /// The title (English).
    pub title_en: String,
    /// Who takes part (Dutch).
    pub audience: String,
    /// Who takes part (English).
    pub audience_en: String,
    /// How to lead the conversation, in paragraphs (Dutch).
    pub intro: Vec<String>,
    /// The same paragraphs in English.
    pub intro_en: Vec<String>,
    /// Rules shown visibly on every screen and sheet of this guide (Dutch).
    pub rules: Vec<String>,
    /// The same rules in English.
    pub rules_en: Vec<String>,
    /// The rating question (Dutch), e.g. "Hoe gaat het hier nu mee?".
    pub rating_question: String,
    /// The rating question (English).
    pub rating_question_en: String,
    /// What 1 means (Dutch).
    pub rating_low: String,
    /// What 1 means (English).
    pub rating_low_en: String,
    /// What 5 means (Dutch).
    pub rating_high: String,
    /// What 5 means (English).
    pub rating_high_en: String,
    /// The ratings are one group's agreed view, so they are stored as a measurement of the
    /// team on that day, and the number of people present is required.
    pub group: bool,
    /// Notes are confidential unless the professional says otherwise (the worker's guide).
    pub confidential_by_default: bool,
    /// The guide whose ratings these are compared with (the team leader's with the team's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub compare_with: Option<String>,
    /// How an advisor's reason names this conversation: "het teamgesprek".
    pub named: String,
    /// The same in English.
    pub named_en: String,
    /// Where the introduction and the rules come from.
    pub sources: Vec<Source>,
    /// The themes, in the order of the conversation.
    pub themes: Vec<GuideTheme>,
}

/// One theme of a guide.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct GuideTheme {
    /// Stable id within the guide, `[a-z0-9-]`.
    pub id: String,
    /// The heading (Dutch).
    pub label: String,
    /// The heading (English).
    pub label_en: String,
    /// A short name for reasons and charts ("regelmogelijkheden").
    pub short: String,
    /// The same in English.
    pub short_en: String,
    /// Taxonomy themes it maps onto, the main one first.
    pub taxonomy: Vec<String>,
    /// The taxonomy level a low rating points to.
    pub level: String,
    /// The leidraad's steps a low rating points to.
    pub steps: Vec<String>,
    /// Three to five questions.
    pub questions: Vec<GuideQuestion>,
}

/// One question, with follow-up prompts and where it came from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct GuideQuestion {
    /// Stable id, unique across all guides, `[a-z0-9-]`.
    pub id: String,
    /// The question (Dutch), in our own words.
    pub text: String,
    /// The question (English).
    pub text_en: String,
    /// Follow-up prompts (Dutch).
    pub follow_up: Vec<String>,
    /// The same prompts in English.
    pub follow_up_en: Vec<String>,
    /// Where its content comes from; at least one.
    pub sources: Vec<Source>,
}

/// Where a question's content comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A taxonomy document id or a reference id (`sources.toml`).
    pub document: String,
    /// The part of the document.
    pub section: String,
    /// A web address for that part, when the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
}

/// The vocabulary the guides are checked against (ids from the taxonomy).
#[derive(Debug, Clone, Copy)]
pub struct Vocabulary<'a> {
    /// `[[documents]]`.
    pub documents: &'a [&'a str],
    /// `[[themes]]`.
    pub themes: &'a [&'a str],
    /// `[[levels]]`.
    pub levels: &'a [&'a str],
    /// `[[steps]]`.
    pub steps: &'a [&'a str],
}

/// One problem: (file, field, message).
pub type Problem = (String, String, String);

impl Conversations {
    /// The guide with this id.
    pub fn guide(&self, id: &str) -> Option<&Guide> {
        self.guides.iter().find(|g| g.id == id)
    }

    /// The reference with this id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }
}

impl Guide {
    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&GuideTheme> {
        self.themes.iter().find(|t| t.id == id)
    }

    /// The theme a file names: its own id, or a taxonomy theme that is the main theme of
    /// exactly one of its themes. `Err` lists the guide's theme ids that could be meant.
    pub fn resolve_theme(&self, name: &str) -> Result<&GuideTheme, Vec<&str>> {
        if let Some(theme) = self.theme(name) {
            return Ok(theme);
        }
        // A taxonomy theme: the one theme that has it first, or else the one theme that has it.
        let main: Vec<&GuideTheme> =
            self.themes.iter().filter(|t| t.taxonomy.first().is_some_and(|m| m == name)).collect();
        let any: Vec<&GuideTheme> = self.themes.iter().filter(|t| t.taxonomy.iter().any(|x| x == name)).collect();
        match (main.as_slice(), any.as_slice()) {
            ([one], _) | ([], [one]) => Ok(*one),
            ([], many) | (many, _) => Err(many.iter().map(|t| t.id.as_str()).collect()),
        }
    }
}

/// The (path, text) of `sources.toml` and of every other `.toml` file in `dir`, in file-name
/// order: what [`parse`] checks.
pub fn read_dir(dir: &std::path::Path) -> Result<(NamedText, Vec<NamedText>), String> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .map(|text| (path.display().to_string(), text))
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let references = read(&dir.join(SOURCES_FILE))?;
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.file_name().is_some_and(|n| n != SOURCES_FILE))
        .collect();
    paths.sort();
    let guides = paths.iter().map(|p| read(p)).collect::<Result<_, String>>()?;
    Ok((references, guides))
}

/// A file's path (as named in problems) and its text.
pub type NamedText = (String, String);

/// The file of the public references, beside the guides.
pub const SOURCES_FILE: &str = "sources.toml";

/// Reads and checks the guides: `references` is the text of `sources.toml`, `guides` the
/// (file name, text) of every other `.toml` file in the directory. Every problem names the
/// file and the field.
pub fn parse(
    references: (&str, &str),
    guides: &[(String, String)],
    vocabulary: Vocabulary<'_>,
) -> Result<Conversations, Vec<Problem>> {
    let mut problems = Vec::new();
    let (ref_file, ref_text) = references;
    let refs: Vec<Reference> = match toml::from_str::<ReferencesFile>(ref_text) {
        Ok(file) => file.references,
        Err(e) => {
            problems.push((ref_file.to_string(), "toml".to_string(), one_line(&e.to_string())));
            Vec::new()
        }
    };
    let mut seen = BTreeSet::new();
    for (i, r) in refs.iter().enumerate() {
        let at = |field: &str| (ref_file.to_string(), format!("references[{i}] ({}).{field}", r.id));
        if !is_slug(&r.id) {
            problems.push(with(at("id"), "must be [a-z0-9-], not empty"));
        }
        if !seen.insert(r.id.as_str()) || vocabulary.documents.contains(&r.id.as_str()) {
            problems.push(with(at("id"), "appears twice (or is a taxonomy document id)"));
        }
        for (field, value) in [("title", &r.title), ("publisher", &r.publisher), ("year", &r.year), ("note", &r.note)] {
            if value.trim().is_empty() {
                problems.push(with(at(field), "is empty"));
            }
        }
        for (field, value) in [("url", r.url.as_ref()), ("read_at", Some(&r.read_at))] {
            if value.is_some_and(|u| !is_web_address(u)) {
                problems.push(with(at(field), "must be a web address (https://, or http:// for a page without https)"));
            }
        }
    }
    let documents: Vec<&str> = vocabulary.documents.iter().copied().chain(refs.iter().map(|r| r.id.as_str())).collect();
    let mut parsed = Vec::new();
    for (file, text) in guides {
        match toml::from_str::<Guide>(text) {
            Ok(guide) => parsed.push((file.clone(), guide)),
            Err(e) => problems.push((file.clone(), "toml".to_string(), one_line(&e.to_string()))),
        }
    }
    let mut question_ids: BTreeMap<String, String> = BTreeMap::new();
    for (file, guide) in &parsed {
        check_guide(file, guide, &documents, vocabulary, &mut question_ids, &mut problems);
    }
    for (file, guide) in &parsed {
        if let Some(other) = &guide.compare_with {
            match parsed.iter().find(|(_, g)| &g.id == other) {
                None => problems.push((file.clone(), "compare_with".into(), format!("no guide has id \"{other}\""))),
                Some((_, other_guide)) => {
                    for theme in &guide.themes {
                        if other_guide.theme(&theme.id).is_none() {
                            problems.push((
                                file.clone(),
                                format!("themes ({}).id", theme.id),
                                format!("guide \"{other}\" (compare_with) has no theme \"{}\"", theme.id),
                            ));
                        }
                    }
                }
            }
        }
    }
    if parsed.is_empty() && problems.is_empty() {
        problems.push(("conversations".into(), "guides".into(), "no guide found".into()));
    }
    if problems.is_empty() {
        Ok(Conversations { references: refs, guides: parsed.into_iter().map(|(_, g)| g).collect() })
    } else {
        Err(problems)
    }
}

fn check_guide(
    file: &str,
    g: &Guide,
    documents: &[&str],
    vocabulary: Vocabulary<'_>,
    question_ids: &mut BTreeMap<String, String>,
    problems: &mut Vec<Problem>,
) {
    let mut problem = |field: String, message: String| problems.push((file.to_string(), field, message));
    let stem = file.rsplit(['/', '\\']).next().unwrap_or(file).trim_end_matches(".toml");
    if g.id != stem {
        problem("id".into(), format!("must equal the file name \"{stem}\""));
    }
    if !is_slug(&g.id) {
        problem("id".into(), "must be [a-z0-9-], not empty".into());
    }
    let pairs: [(&str, &str, &str); 6] = [
        ("title", &g.title, &g.title_en),
        ("audience", &g.audience, &g.audience_en),
        ("rating_question", &g.rating_question, &g.rating_question_en),
        ("rating_low", &g.rating_low, &g.rating_low_en),
        ("rating_high", &g.rating_high, &g.rating_high_en),
        ("named", &g.named, &g.named_en),
    ];
    for (field, nl, en) in pairs {
        text_pair(&mut problem, field, nl, en);
    }
    paragraphs(&mut problem, "intro", &g.intro, &g.intro_en, true);
    paragraphs(&mut problem, "rules", &g.rules, &g.rules_en, false);
    if g.confidential_by_default && !g.rules.iter().any(|r| r.to_lowercase().contains("geen medische gegevens")) {
        problem("rules".into(), "a guide with confidential notes must show the rule \"geen medische gegevens\"".into());
    }
    if g.sources.is_empty() {
        problem("sources".into(), "none given: the introduction and the rules say where they come from".into());
    }
    sources(&mut problem, "sources", &g.sources, documents);
    if g.themes.is_empty() {
        problem("themes".into(), "lists no theme".into());
    }
    let mut theme_ids = BTreeSet::new();
    for (i, t) in g.themes.iter().enumerate() {
        let at = format!("themes[{i}] ({})", t.id);
        if !is_slug(&t.id) {
            problem(format!("{at}.id"), "must be [a-z0-9-], not empty".into());
        }
        if !theme_ids.insert(t.id.as_str()) {
            problem(format!("{at}.id"), "appears twice".into());
        }
        text_pair(&mut problem, &format!("{at}.label"), &t.label, &t.label_en);
        text_pair(&mut problem, &format!("{at}.short"), &t.short, &t.short_en);
        if t.taxonomy.is_empty() {
            problem(format!("{at}.taxonomy"), "names no taxonomy theme".into());
        }
        for theme in &t.taxonomy {
            if !vocabulary.themes.contains(&theme.as_str()) {
                problem(format!("{at}.taxonomy"), format!("\"{theme}\" is not a theme of the taxonomy"));
            }
        }
        if vocabulary.themes.contains(&t.id.as_str()) && t.taxonomy.first() != Some(&t.id) {
            problem(
                format!("{at}.taxonomy"),
                format!("the theme id is the taxonomy theme \"{}\", so that must come first", t.id),
            );
        }
        if !vocabulary.levels.contains(&t.level.as_str()) {
            problem(format!("{at}.level"), format!("\"{}\" is not a level of the taxonomy", t.level));
        }
        if t.steps.is_empty() {
            problem(format!("{at}.steps"), "names no step".into());
        }
        for step in &t.steps {
            if !vocabulary.steps.contains(&step.as_str()) {
                problem(format!("{at}.steps"), format!("\"{step}\" is not a step of the taxonomy"));
            }
        }
        if !(3..=5).contains(&t.questions.len()) {
            problem(format!("{at}.questions"), format!("has {} questions; a theme has 3 to 5", t.questions.len()));
        }
        for (k, q) in t.questions.iter().enumerate() {
            let at = format!("{at}.questions[{k}] ({})", q.id);
            if !is_slug(&q.id) {
                problem(format!("{at}.id"), "must be [a-z0-9-], not empty".into());
            }
            if let Some(other) = question_ids.insert(q.id.clone(), file.to_string()) {
                problem(format!("{at}.id"), format!("appears twice (also in {other})"));
            }
            text_pair(&mut problem, &format!("{at}.text"), &q.text, &q.text_en);
            paragraphs(&mut problem, &format!("{at}.follow_up"), &q.follow_up, &q.follow_up_en, true);
            if q.sources.is_empty() {
                problem(format!("{at}.sources"), "none given: every question says where it comes from".into());
            }
            sources(&mut problem, &format!("{at}.sources"), &q.sources, documents);
        }
    }
}

/// A Dutch and an English text: both filled, with the same figures.
fn text_pair(problem: &mut impl FnMut(String, String), field: &str, nl: &str, en: &str) {
    if nl.trim().is_empty() {
        problem(field.to_string(), "is empty".into());
    }
    if en.trim().is_empty() {
        problem(format!("{field}_en"), "is empty".into());
    }
    if figures(nl) != figures(en) {
        problem(
            format!("{field}_en"),
            format!("holds the figures {:?} where the Dutch holds {:?}", figures(en), figures(nl)),
        );
    }
}

/// Paragraphs in Dutch and English: the same number, none empty, each pair with the same
/// figures; at least one when `required`.
fn paragraphs(problem: &mut impl FnMut(String, String), field: &str, nl: &[String], en: &[String], required: bool) {
    if required && nl.is_empty() {
        problem(field.to_string(), "needs at least one".into());
    }
    if nl.len() != en.len() {
        problem(format!("{field}_en"), format!("has {} where the Dutch has {}", en.len(), nl.len()));
        return;
    }
    for (i, (a, b)) in nl.iter().zip(en).enumerate() {
        text_pair(problem, &format!("{field}[{i}]"), a, b);
    }
}

fn sources(problem: &mut impl FnMut(String, String), field: &str, list: &[Source], documents: &[&str]) {
    for (k, s) in list.iter().enumerate() {
        if !documents.contains(&s.document.as_str()) {
            problem(
                format!("{field}[{k}].document"),
                format!("no taxonomy document or reference (sources.toml) has id \"{}\"", s.document),
            );
        }
        if s.section.trim().is_empty() {
            problem(format!("{field}[{k}].section"), "is empty".into());
        }
        if s.url.as_deref().is_some_and(|u| !is_web_address(u)) {
            problem(format!("{field}[{k}].url"), "must be a web address (https://, or http://)".into());
        }
    }
}

/// The runs of digits in a text, in order: a translation carries the same figures.
fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

fn is_slug(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_web_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(char::is_whitespace)
}

fn with((file, field): (String, String), message: &str) -> Problem {
    (file, field, message.to_string())
}

fn one_line(text: &str) -> String {
    text.trim().replace('\n', " ")
}

// Beside this file, not below it: `build.rs` compiles this file by path too.
#[cfg(test)]
#[path = "conversation_tests.rs"]
mod tests;
