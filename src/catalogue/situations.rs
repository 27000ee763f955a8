//! The situations per record (`data/situations.toml`): how the people a record is for tell
//! the situation it helps with, in their own everyday words ("ik durf het niet aan mijn
//! leidinggevende te vertellen"). The records speak the sources' formal language; a told
//! situation meets these phrases instead. Only the search reads them (a text field of its own);
//! they are not shown. Checked by `build.rs` (which compiles this file too, so it uses only
//! serde and toml) and bundled as JSON beside the catalogue.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Fewest phrases per record.
pub const MIN_PHRASES: usize = 1;
/// Most phrases per record: a few ways of telling the record's own situation, not a word list.
pub const MAX_PHRASES: usize = 12;
/// Fewest and most words per phrase.
pub const PHRASE_WORDS: (usize, usize) = (2, 12);

/// One record's situations.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Situations {
    /// The phrases, lower case, as a person would type them.
    pub situations: Vec<String>,
    /// Which part of the record they rest on (its target group, purpose, roles).
    pub basis: String,
}

/// The phrases per record id.
pub type ById = BTreeMap<String, Vec<String>>;

/// Every problem as a (field, message) pair.
pub type Problems = Vec<(String, String)>;

/// Parses and checks `data/situations.toml`: one table per record id of `records` (with
/// `every`, one for each of them). Returns the phrases per record id, or every problem as a
/// (field, message) pair.
pub fn parse(text: &str, records: &[&str], every: bool) -> Result<ById, Problems> {
    let file: BTreeMap<String, Situations> =
        toml::from_str(text).map_err(|e| vec![("toml".to_string(), e.to_string().trim().replace('\n', " "))])?;
    let mut problems = Vec::new();
    let mut out = BTreeMap::new();
    for (id, entry) in file {
        if !records.contains(&id.as_str()) {
            problems.push((id.clone(), "is geen record van de catalogus".to_string()));
        }
        if entry.basis.trim().is_empty() {
            problems.push((format!("{id}.basis"), "is leeg".to_string()));
        }
        let n = entry.situations.len();
        if !(MIN_PHRASES..=MAX_PHRASES).contains(&n) {
            problems.push((
                format!("{id}.situations"),
                format!("heeft {n} zinnen; het moeten er {MIN_PHRASES} tot {MAX_PHRASES} zijn"),
            ));
        }
        for (i, phrase) in entry.situations.iter().enumerate() {
            let words = phrase.split_whitespace().count();
            if !(PHRASE_WORDS.0..=PHRASE_WORDS.1).contains(&words) {
                problems.push((
                    format!("{id}.situations[{i}]"),
                    format!(
                        "\"{phrase}\" heeft {words} woorden; een zin heeft er {} tot {}",
                        PHRASE_WORDS.0, PHRASE_WORDS.1
                    ),
                ));
            }
            if entry.situations[..i].contains(phrase) {
                problems.push((format!("{id}.situations[{i}]"), format!("\"{phrase}\" staat er twee keer")));
            }
        }
        out.insert(id, entry.situations);
    }
    if every {
        for id in records.iter().filter(|id| !out.contains_key(**id)) {
            problems.push((id.to_string(), "heeft geen situaties".to_string()));
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_phrase_for_a_record_that_does_not_exist_is_named() {
        let text = "[geen-record]\nsituations = [\"ik ben op\"]\nbasis = \"summary\"\n";
        let problems = parse(text, &["open-spreekuur-bedrijfsarts"], false).expect_err("unknown id");
        assert_eq!(problems[0].0, "geen-record");
    }

    #[test]
    fn a_one_word_phrase_and_a_repeated_one_are_refused_with_their_place() {
        let text = "[a]\nsituations = [\"op\", \"ik ben op\", \"ik ben op\"]\nbasis = \"summary\"\n";
        let problems = parse(text, &["a"], false).expect_err("bad phrases");
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["a.situations[0]", "a.situations[2]"]);
    }

    #[test]
    fn the_bundled_file_is_valid() {
        let catalogue = crate::catalogue::bundled().expect("the bundled catalogue loads");
        let ids: Vec<&str> = catalogue.interventions.iter().map(|i| i.id.as_str()).collect();
        let parsed = parse(include_str!("../../data/situations.toml"), &ids, true).expect("valid");
        assert_eq!(parsed.len(), ids.len());
        assert_eq!(crate::catalogue::situations().expect("bundled"), parsed);
    }

    #[test]
    fn a_record_without_situations_is_named_when_every_record_needs_them() {
        let text = "[a]\nsituations = [\"ik ben op\"]\nbasis = \"summary\"\n";
        let problems = parse(text, &["a", "b"], true).expect_err("b has none");
        assert_eq!(problems, [("b".to_string(), "heeft geen situaties".to_string())]);
    }
}
