//! The worker's page (`data/worker.toml`): who a worker can turn to with worries, with what
//! the sources say about each, in Dutch and English. Checked by `build.rs` (which compiles
//! this file too, so it uses only serde and toml) and bundled as JSON beside the catalogue.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// `data/worker.toml`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct WorkerFile {
    /// The people and services, in the order the page shows them.
    pub people: Vec<Lead>,
}

/// One person or service a worker can turn to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Lead {
    /// Stable id, `[a-z0-9-]`.
    pub id: String,
    /// Who, in Dutch ("Uw leidinggevende").
    pub who: String,
    /// Who, in English.
    pub who_en: String,
    /// The intervention that tells more, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub record: Option<String>,
    /// What the sources say, in paragraphs (Dutch).
    pub text: Vec<String>,
    /// The same paragraphs in English.
    pub text_en: Vec<String>,
    /// Where the facts come from; empty only when the text says the sources are silent.
    pub sources: Vec<LeadSource>,
}

/// The `document` of a source outside the seed documents: a named public web page, whose
/// `section` names the publisher and the page and whose `url` is required.
pub const WEB_SOURCE: &str = "web";

/// Where a lead's facts come from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct LeadSource {
    /// A document id of the taxonomy (`[[documents]]`), or [`WEB_SOURCE`].
    pub document: String,
    /// The part of the document.
    pub section: String,
    /// The web address the document gives for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
}

/// Parses and checks `data/worker.toml`: `documents` are the taxonomy's document ids,
/// `records` the catalogue's intervention ids. Every problem is a (field, message) pair.
pub fn parse(text: &str, documents: &[&str], records: &[&str]) -> Result<Vec<Lead>, Vec<(String, String)>> {
    let file: WorkerFile =
        toml::from_str(text).map_err(|e| vec![("toml".to_string(), e.to_string().trim().replace('\n', " "))])?;
    let mut problems = Vec::new();
    if file.people.is_empty() {
        problems.push(("people".to_string(), "noemt niemand".to_string()));
    }
    let mut seen = BTreeSet::new();
    for (i, p) in file.people.iter().enumerate() {
        let at = format!("people[{i}] ({})", p.id);
        if p.id.is_empty() || !p.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            problems.push((format!("{at}.id"), "moet uit [a-z0-9-] bestaan en mag niet leeg zijn".to_string()));
        }
        if !seen.insert(p.id.as_str()) {
            problems.push((format!("{at}.id"), "komt twee keer voor".to_string()));
        }
        for (field, value) in [("who", &p.who), ("who_en", &p.who_en)] {
            if value.trim().is_empty() {
                problems.push((format!("{at}.{field}"), "is leeg".to_string()));
            }
        }
        if p.text.is_empty() || p.text.iter().chain(&p.text_en).any(|x| x.trim().is_empty()) {
            problems.push((format!("{at}.text"), "heeft minstens één alinea nodig, geen lege".to_string()));
        }
        if p.text.len() != p.text_en.len() {
            problems.push((
                format!("{at}.text_en"),
                format!("has {} paragraphs where text has {}", p.text_en.len(), p.text.len()),
            ));
        }
        if let Some(record) = &p.record
            && !records.contains(&record.as_str())
        {
            problems.push((format!("{at}.record"), format!("er is geen interventie met id \"{record}\"")));
        }
        let says = |paragraphs: &[String], words: &str| paragraphs.iter().any(|x| x.to_lowercase().contains(words));
        if p.sources.is_empty() && !(says(&p.text, "niet bekend") && says(&p.text_en, "not known")) {
            problems.push((
                format!("{at}.sources"),
                "geen bron gegeven, dus de tekst moet zeggen dat de feiten \"niet bekend\" / \"not known\" zijn"
                    .to_string(),
            ));
        }
        for (k, s) in p.sources.iter().enumerate() {
            if s.document == WEB_SOURCE {
                if s.url.is_none() {
                    problems
                        .push((format!("{at}.sources[{k}].url"), "een webbron heeft een webadres nodig".to_string()));
                }
            } else if !documents.contains(&s.document.as_str()) {
                problems.push((
                    format!("{at}.sources[{k}].document"),
                    format!("er is geen document met id \"{}\"", s.document),
                ));
            }
            if s.section.trim().is_empty() {
                problems.push((format!("{at}.sources[{k}].section"), "is leeg".to_string()));
            }
            if s.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                problems.push((format!("{at}.sources[{k}].url"), "must start with https://".to_string()));
            }
        }
    }
    if problems.is_empty() { Ok(file.people) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::parse;

    const DOCS: &[&str] = &["leidraad"];
    const RECORDS: &[&str] = &["open-spreekuur-bedrijfsarts"];

    fn one(fields: &str) -> String {
        format!("[[people]]\n{fields}\n")
    }

    const GOOD: &str = "id = \"bedrijfsarts\"\nwho = \"De bedrijfsarts\"\nwho_en = \"The physician\"\nrecord = \"open-spreekuur-bedrijfsarts\"\ntext = [\"Een.\"]\ntext_en = [\"One.\"]\nsources = [{ document = \"leidraad\", section = \"Stap C\" }]";

    #[test]
    fn a_good_lead_is_read() {
        let people = parse(&one(GOOD), DOCS, RECORDS).expect("valid");
        assert_eq!(people[0].sources[0].document, "leidraad");
        let web = GOOD.replace("document = \"leidraad\"", "document = \"web\", url = \"https://www.113.nl\"");
        assert_eq!(parse(&one(&web), DOCS, RECORDS).expect("a named web page")[0].sources[0].document, "web");
    }

    #[test]
    fn each_broken_rule_is_named() {
        let cases: &[(&str, &str, &str)] = &[
            ("id = \"bedrijfsarts\"", "id = \"Bedrijfsarts!\"", ".id: moet uit"),
            ("record = \"open-spreekuur-bedrijfsarts\"", "record = \"nergens\"", ".record: er is geen interventie"),
            ("text_en = [\"One.\"]", "text_en = [\"One.\", \"Two.\"]", ".text_en: has 2 paragraphs"),
            ("document = \"leidraad\"", "document = \"blog\"", ".document: er is geen document"),
            ("section = \"Stap C\"", "section = \"Stap C\", url = \"http://x\"", ".url: must start"),
            ("document = \"leidraad\"", "document = \"web\"", ".url: een webbron heeft een webadres nodig"),
            ("who = \"De bedrijfsarts\"", "who = \" \"", ".who: is leeg"),
            (
                "sources = [{ document = \"leidraad\", section = \"Stap C\" }]",
                "sources = []",
                ".sources: geen bron gegeven",
            ),
            ("text = [\"Een.\"]", "text = [\"Een.\"]\nsource = \"x\"", "unknown field"),
        ];
        for (from, to, expected) in cases {
            let text = one(&GOOD.replace(from, to));
            let problems = parse(&text, DOCS, RECORDS).expect_err(to);
            assert!(
                problems.iter().any(|(field, message)| format!("{field}: {message}").contains(expected)),
                "{to}: {problems:?}"
            );
        }
        let twice = format!("{}{}", one(GOOD), one(GOOD));
        assert!(
            parse(&twice, DOCS, RECORDS)
                .expect_err("twice")
                .iter()
                .any(|(_, message)| message == "komt twee keer voor")
        );
    }

    #[test]
    fn a_lead_without_sources_says_it_is_not_known() {
        let silent = GOOD
            .replace("sources = [{ document = \"leidraad\", section = \"Stap C\" }]", "sources = []")
            .replace("[\"Een.\"]", "[\"Dat is niet bekend.\"]")
            .replace("[\"One.\"]", "[\"That is not known.\"]");
        assert!(parse(&one(&silent), DOCS, RECORDS).is_ok());
    }
}
