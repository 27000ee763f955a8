//! The checks of one intervention record, the same for the data directory and a pack: its
//! sizes first (an oversized value is not checked further, nor quoted back), then every field
//! against the taxonomy and the rules for dates, texts and evidence.

use std::collections::BTreeSet;

use super::super::model::{Intervention, SourceRef, Taxonomy, Term};
use super::{MAX_LIST_ITEMS, MAX_SHORT_CHARS, MAX_TEXT_CHARS};
use crate::time::date::is_date;

/// What is wrong with one field of a record, in Dutch and in English: the window's form for
/// an own intervention speaks the interface's language. Both are written here, side by
/// side, so they cannot drift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The field, as the catalogue files name it: `name`, `sources[0].section`.
    pub field: String,
    /// In Dutch.
    pub nl: String,
    /// In English.
    pub en: String,
}

/// Where the checks say what they find: every `(field, message)` list of the data directory's
/// checks keeps the Dutch; a record's own list ([`Found`]) keeps both.
pub(super) trait Sink {
    fn say(&mut self, field: String, nl: String, en: String);
}

impl Sink for Vec<(String, String)> {
    fn say(&mut self, field: String, nl: String, _en: String) {
        self.push((field, nl));
    }
}

impl Sink for Vec<Found> {
    fn say(&mut self, field: String, nl: String, en: String) {
        self.push(Found { field, nl, en });
    }
}

/// The taxonomy's slugs, for quick membership tests and helpful messages.
pub(super) struct Vocabulary<'a> {
    pub(super) taxonomy: &'a Taxonomy,
}

impl<'a> Vocabulary<'a> {
    pub(super) fn new(taxonomy: &'a Taxonomy) -> Self {
        Vocabulary { taxonomy }
    }

    pub(super) fn check(&self, field: &str, terms: &[Term], value: &str, out: &mut impl Sink) {
        if !terms.iter().any(|t| t.id == value) {
            let allowed = terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
            out.say(
                field.to_string(),
                format!("\"{value}\" is niet toegestaan; toegestaan: {allowed}"),
                format!("\"{value}\" is not allowed; allowed: {allowed}"),
            );
        }
    }

    pub(super) fn check_list(&self, field: &str, terms: &[Term], values: &[String], min: usize, out: &mut impl Sink) {
        if values.len() < min {
            out.say(field.to_string(), "heeft minstens één waarde nodig".into(), "needs at least one value".into());
        }
        let mut seen = BTreeSet::new();
        for value in values {
            self.check(field, terms, value, out);
            if !seen.insert(value) {
                out.say(
                    field.to_string(),
                    format!("\"{value}\" staat er twee keer in"),
                    format!("\"{value}\" is in it twice"),
                );
            }
        }
    }

    pub(super) fn check_sources(&self, field: &str, sources: &[SourceRef], out: &mut impl Sink) {
        if sources.is_empty() {
            out.say(field.to_string(), "heeft minstens één bron nodig".into(), "needs at least one source".into());
        }
        for source in sources {
            if !self.taxonomy.documents.iter().any(|d| d.id == source.document) {
                let allowed = self.taxonomy.documents.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ");
                let document = &source.document;
                out.say(
                    format!("{field}.document"),
                    format!("\"{document}\" is geen bekend document; toegestaan: {allowed}"),
                    format!("\"{document}\" is not a known document; allowed: {allowed}"),
                );
            }
            if source.section.trim().is_empty() {
                out.say(format!("{field}.section"), "is leeg".into(), "is empty".into());
            }
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether `text` is a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: as precise as the
/// source is.
fn is_partial_date(text: &str) -> bool {
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

pub(super) fn check_text(field: &str, value: &str, out: &mut impl Sink) {
    if value.trim().is_empty() {
        out.say(field.to_string(), "is leeg".into(), "is empty".into());
    }
}

fn check_known_text(field: &str, value: &Option<String>, out: &mut Vec<Found>) {
    if let Some(text) = value
        && text.trim().is_empty()
    {
        out.say(
            field.to_string(),
            "is leeg; schrijf \"onbekend\" als geen bron het geeft".into(),
            "is empty; write \"onbekend\" (unknown) when no source gives it".into(),
        );
    }
}

/// A text longer than `max` characters is a problem (it would cost memory and search time
/// out of all proportion).
fn check_length(field: &str, value: &str, max: usize, out: &mut Vec<Found>) {
    // Counting stops at the first character past the limit.
    if value.len() > max && value.chars().nth(max).is_some() {
        let count = value.chars().count();
        out.say(
            field.to_string(),
            format!("is {count} tekens lang; ten hoogste {max}"),
            format!("is {count} characters long; at most {max}"),
        );
    }
}

fn check_items(field: &str, count: usize, out: &mut Vec<Found>) {
    if count > MAX_LIST_ITEMS {
        out.say(
            field.to_string(),
            format!("heeft {count} waarden; ten hoogste {MAX_LIST_ITEMS}"),
            format!("has {count} values; at most {MAX_LIST_ITEMS}"),
        );
    }
}

/// The size limits of one record.
fn check_sizes(r: &Intervention, out: &mut Vec<Found>) {
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

/// Checks one record; returns what is wrong, per field, in Dutch and English.
pub(super) fn check_intervention(vocab: &Vocabulary<'_>, r: &Intervention) -> Vec<Found> {
    let t = vocab.taxonomy;
    let mut out = Vec::new();
    check_sizes(r, &mut out);
    if !out.is_empty() {
        // Oversized values are not checked further (or quoted back in full).
        return out;
    }
    if !is_slug(&r.id) {
        out.say(
            "id".into(),
            format!("\"{}\" is geen slug (kleine letters, cijfers en losse koppeltekens)", r.id),
            format!("\"{}\" is not a slug (small letters, digits and single hyphens)", r.id),
        );
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
        out.say(
            "url".into(),
            format!("\"{url}\" is geen webadres (http:// of https://)"),
            format!("\"{url}\" is not a web address (http:// or https://)"),
        );
    }
    if let Some(names) = &r.developed_by {
        if names.is_empty() {
            out.say(
                "developed_by".into(),
                "is een lege lijst; schrijf \"onbekend\" als geen bron een ontwikkelaar noemt".into(),
                "is an empty list; write \"onbekend\" (unknown) when no source names a developer".into(),
            );
        }
        for (i, name) in names.iter().enumerate() {
            check_text(&format!("developed_by[{i}]"), name, &mut out);
        }
    }
    vocab.check("kind", &t.kinds, &r.kind, &mut out);
    vocab.check("time_class", &t.time_classes, &r.time_class, &mut out);
    vocab.check("cost_class", &t.cost_classes, &r.cost_class, &mut out);
    if r.time.is_none() && r.time_class != "onbekend" {
        out.say(
            "time_class".into(),
            format!("is \"{}\", maar er staat geen tijd bij", r.time_class),
            format!("is \"{}\", but no time is given with it", r.time_class),
        );
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
        out.say(
            "evidence.references".into(),
            format!("bewijsniveau \"{}\" heeft minstens één referentie nodig", r.evidence.level),
            format!("evidence level \"{}\" needs at least one reference", r.evidence.level),
        );
    }
    for (i, reference) in r.evidence.references.iter().enumerate() {
        check_text(&format!("evidence.references[{i}]"), reference, &mut out);
    }
    vocab.check("evidence.scheme", &t.evidence_schemes, &r.evidence.scheme, &mut out);
    if let Some(on) = &r.evidence.assessed_on
        && !is_partial_date(on)
    {
        out.say(
            "evidence.assessed_on".into(),
            format!(
                "\"{on}\" is geen datum (JJJJ-MM-DD, of JJJJ-MM of JJJJ, zo precies als de bron) en geen \"onbekend\""
            ),
            format!(
                "\"{on}\" is not a date (YYYY-MM-DD, or YYYY-MM or YYYY, as precise as the source) nor \"onbekend\" (unknown)"
            ),
        );
    }
    if let Some(until) = &r.evidence.valid_until {
        if !is_date(until) {
            out.say(
                "evidence.valid_until".into(),
                format!("\"{until}\" is geen datum (JJJJ-MM-DD)"),
                format!("\"{until}\" is not a date (YYYY-MM-DD)"),
            );
        } else if let Some(on) = &r.evidence.assessed_on
            && until.as_str() < on.as_str()
        {
            out.say(
                "evidence.valid_until".into(),
                format!("\"{until}\" ligt voor assessed_on \"{on}\""),
                format!("\"{until}\" is before assessed_on \"{on}\""),
            );
        }
    }
    vocab.check_sources("sources", &r.sources, &mut out);
    if !is_date(&r.last_reviewed) {
        out.say(
            "last_reviewed".into(),
            format!("\"{}\" is geen datum (JJJJ-MM-DD)", r.last_reviewed),
            format!("\"{}\" is not a date (YYYY-MM-DD)", r.last_reviewed),
        );
    }
    out
}
