//! The catalogue's data model: taxonomy, intervention records and the leidraad per step.
//!
//! This file is also compiled into `build.rs` (through `#[path]`), so it depends only on
//! `serde` and the standard library. A fact that no source gives is `None` in Rust, `null`
//! in JSON and the string `"onbekend"` in the hand-written TOML files.

use serde::{Deserialize, Serialize};

/// The value that marks an unknown fact in the TOML files.
pub const UNKNOWN: &str = "onbekend";

/// The whole bundled catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Version, date and publisher of this edition (data/catalogue.toml).
    pub edition: Edition,
    /// The fixed vocabulary.
    pub taxonomy: Taxonomy,
    /// Every intervention, sorted by id.
    pub interventions: Vec<Intervention>,
    /// The leidraad's content for each step, in step order.
    pub steps: Vec<StepGuide>,
    /// The decision tree (data/tree.toml).
    pub tree: DecisionTree,
}

/// Which edition of a catalogue this is (data/catalogue.toml).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// The edition's version, e.g. `2026.1`.
    pub version: String,
    /// The day it was published (YYYY-MM-DD).
    pub date: String,
    /// Who publishes it.
    pub publisher: String,
}

/// The decision tree: the four ways in, then one question per screen.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DecisionTree {
    /// The leidraad's four cover questions.
    pub entries: Vec<Entry>,
    /// The questions, in the order they are asked.
    pub questions: Vec<Question>,
}

/// A way into the chooser.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id.
    pub id: String,
    /// The question in Dutch.
    pub question: String,
    /// The question in English.
    pub question_en: String,
    /// A line of explanation.
    pub help: String,
    /// The line of explanation in English.
    #[serde(default)]
    pub help_en: String,
    /// Answers this way in fills in (still changeable).
    pub presets: Presets,
    /// Interventions this way in puts first, by id: for "Bij wie kan ik terecht met mijn
    /// zorgen?" the people and services a worker can turn to directly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lead_with: Vec<String>,
    /// How people put this question in their own words (lower case, Dutch and English): a
    /// search that contains one of them is taken as this question, shows the way in, and puts
    /// `lead_with` first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub asked_as: Vec<String>,
}

/// Answers preset by an entry.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Presets {
    /// A role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub role: Option<String>,
    /// A level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub level: Option<String>,
    /// Steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
}

/// One question of the tree.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id.
    pub id: String,
    /// The question in Dutch.
    pub prompt: String,
    /// The question in English.
    pub prompt_en: String,
    /// A line of explanation.
    pub help: String,
    /// The line of explanation in English.
    #[serde(default)]
    pub help_en: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// An optional refinement (evidence, cost, time, risk group): not asked one by one but
    /// offered beside the results, where it re-ranks them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub refinement: bool,
    /// The answer field it fills.
    pub answer: String,
    /// The taxonomy list its options come from (not for yes-no).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options_from: Option<String>,
}

/// How a question of the tree is answered: one option, several, or yes or no.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum QuestionKind {
    /// One option (radio buttons).
    Single,
    /// Any number of options (check boxes).
    Multi,
    /// Yes or no (no options).
    YesNo,
}

impl QuestionKind {
    /// Every kind.
    pub const ALL: [QuestionKind; 3] = [QuestionKind::Single, QuestionKind::Multi, QuestionKind::YesNo];

    /// Its word in tree.toml and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multi => "multi",
            QuestionKind::YesNo => "yes-no",
        }
    }
}

impl std::str::FromStr for QuestionKind {
    type Err = String;

    /// A kind as tree.toml writes it; anything else names the field, the value and the choices
    /// (serde's own "unknown variant" would name neither the field nor, in Dutch, the choices).
    fn from_str(value: &str) -> Result<Self, String> {
        Self::ALL.into_iter().find(|k| k.as_str() == value).ok_or_else(|| {
            format!("soort \"{value}\" is niet toegestaan; toegestaan: {}", Self::ALL.map(Self::as_str).join(", "))
        })
    }
}

impl TryFrom<String> for QuestionKind {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        value.parse()
    }
}

impl std::fmt::Display for QuestionKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The fixed vocabulary (data/taxonomy.toml).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// The source documents that records cite.
    pub documents: Vec<Document>,
    /// individu, team, organisatie.
    pub levels: Vec<Term>,
    /// A, B1, B2, C, D.
    pub steps: Vec<Term>,
    /// Who the user is.
    pub roles: Vec<Term>,
    /// What the problem is about.
    pub themes: Vec<Term>,
    /// Sectors; a term with a `parent` is a sub-sector.
    pub sectors: Vec<Term>,
    /// Groups at higher risk.
    pub risk_groups: Vec<Term>,
    /// Evidence levels with their rank.
    pub evidence_levels: Vec<Term>,
    /// By which scheme an evidence level was judged.
    pub evidence_schemes: Vec<Term>,
    /// What sort of thing an intervention is.
    pub kinds: Vec<Term>,
    /// Free, paid, unknown.
    pub cost_classes: Vec<Term>,
    /// How long it takes, coarsely.
    pub time_classes: Vec<Term>,
}

/// One value of the vocabulary.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The slug used in records.
    pub id: String,
    /// Dutch label.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Longer Dutch explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub description: Option<String>,
    /// For sub-sectors: the sector they belong to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub parent: Option<String>,
    /// For evidence levels: higher is stronger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub rank: Option<u8>,
}

/// A source document (one of ../shared/seeds).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id used by records.
    pub id: String,
    /// The seed file name.
    pub file: String,
    /// Title of the document.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Year of publication.
    pub year: String,
}

/// One intervention, instrument, training, campaign or measure.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Stable slug.
    pub id: String,
    /// Name as its makers use it.
    pub name: String,
    /// Earlier names, abbreviations, English name.
    pub aliases: Vec<String>,
    /// One of the taxonomy's kinds.
    pub kind: String,
    /// What it is, in one or two sentences.
    pub summary: String,
    /// What you get from it.
    #[serde(with = "known_text")]
    pub benefits: Option<String>,
    /// What it involves.
    #[serde(with = "known_text")]
    pub involves: Option<String>,
    /// How much time it takes.
    #[serde(with = "known_text")]
    pub time: Option<String>,
    /// Coarse time class (taxonomy `time_classes`).
    pub time_class: String,
    /// What it costs.
    #[serde(with = "known_text")]
    pub cost: Option<String>,
    /// Coarse cost class (taxonomy `cost_classes`).
    pub cost_class: String,
    /// How the worker's privacy is protected.
    #[serde(with = "known_text")]
    pub privacy: Option<String>,
    /// Who developed it.
    #[serde(with = "known_list")]
    pub developed_by: Option<Vec<String>>,
    /// Web address given by a source.
    #[serde(with = "known_text")]
    pub url: Option<String>,
    /// Levels it works at.
    pub levels: Vec<String>,
    /// Steps of the leidraad, best fit first.
    pub steps: Vec<String>,
    /// Roles it is meant for.
    pub roles: Vec<String>,
    /// Themes it addresses.
    pub themes: Vec<String>,
    /// Sectors it is meant for.
    pub sectors: Vec<String>,
    /// Risk groups it is aimed at.
    pub risk_groups: Vec<String>,
    /// What is known about its effect.
    pub evidence: Evidence,
    /// Where the facts came from.
    pub sources: Vec<SourceRef>,
    /// When a person last checked it (YYYY-MM-DD).
    pub last_reviewed: String,
}

/// The evidence for an intervention.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// One of the taxonomy's evidence levels.
    pub level: String,
    /// What the source says about the effect.
    #[serde(with = "known_text")]
    pub basis: Option<String>,
    /// The studies or reports the source cites.
    pub references: Vec<String>,
    /// A Dutch recognition level, only when a source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition: Option<String>,
    /// When the level was judged: `YYYY-MM-DD`, or `YYYY-MM` or `YYYY` when the source gives
    /// no more; `None` (`"onbekend"`) when no source says. Packs written before this field
    /// existed read as unknown.
    #[serde(default, with = "known_text")]
    pub assessed_on: Option<String>,
    /// The judgement holds until this day (YYYY-MM-DD), when a source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// By which scheme the level was judged (taxonomy `evidence_schemes`); `onbekend` in
    /// packs written before this field existed.
    #[serde(default = "unknown_slug")]
    pub scheme: String,
}

fn unknown_slug() -> String {
    UNKNOWN.to_string()
}

/// A pointer into a source document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// A document id from the taxonomy.
    pub document: String,
    /// The section the facts came from.
    pub section: String,
    /// An optional remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The leidraad's content for one step.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct StepGuide {
    /// The step slug.
    pub step: String,
    /// The step's aim.
    pub title: String,
    /// What the step is about.
    pub summary: String,
    /// Interventions the leidraad gives as good practice.
    pub good_practices: Vec<String>,
    /// Why the step is needed.
    pub why: Vec<Finding>,
    /// What to do, one entry per role.
    pub advice: Vec<RoleAdvice>,
    /// Why these advices.
    pub rationale: Vec<Finding>,
}

/// A finding or argument with its sources.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Short heading.
    pub heading: String,
    /// The finding in our words.
    pub text: String,
    /// Studies and reports cited.
    pub references: Vec<String>,
    /// Where it came from.
    pub sources: Vec<SourceRef>,
}

/// The advice for one role at one step.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RoleAdvice {
    /// The role slug.
    pub role: String,
    /// The source's own name for the audience.
    pub audience: String,
    /// Whether the leidraad itself gives this advice.
    pub from_leidraad: bool,
    /// The advice items.
    pub items: Vec<String>,
    /// Interventions named in the advice.
    pub interventions: Vec<String>,
    /// Where it came from.
    pub sources: Vec<SourceRef>,
}

/// A catalogue pack: the exchange format printed by `keuzehulp list --json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Always `keuzehulp-pack` when written by Keuzehulp.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    /// The pack format version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The pack's own version (its publisher's numbering), or the version of the catalogue
    /// it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue_version: Option<String>,
    /// The day the pack was published (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who publishes the pack, in its own words. Records are credited to a publisher only
    /// through a trusted signature; this text alone proves nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The records.
    pub interventions: Vec<Intervention>,
    /// Instrument definitions (pack version 3): questionnaires' scales, scoring and
    /// cut-offs, with item texts only where their licence allows it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<super::instrument::Instrument>,
}

/// Serde for a text fact that may be unknown: `"onbekend"` or `null` is `None`.
pub mod known_text {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(text) => s.serialize_str(text),
            None => s.serialize_none(),
        }
    }

    /// Reads `"onbekend"` and `null` as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        let raw: Option<String> = Option::deserialize(d)?;
        Ok(raw.filter(|text| text != super::UNKNOWN))
    }
}

/// Serde for a list fact that may be unknown: `"onbekend"` or `null` is `None`.
pub mod known_list {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        List(Vec<String>),
    }

    /// Writes `None` as `null`.
    pub fn serialize<S: Serializer>(value: &Option<Vec<String>>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(list) => s.collect_seq(list),
            None => s.serialize_none(),
        }
    }

    /// Reads a list, or `"onbekend"`/`null` as `None`.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
        match Option::<Raw>::deserialize(d)? {
            None => Ok(None),
            Some(Raw::List(list)) => Ok(Some(list)),
            Some(Raw::Text(text)) if text == super::UNKNOWN => Ok(None),
            Some(Raw::Text(text)) => {
                Err(D::Error::custom(format!("expected a list of names or \"onbekend\", found the text \"{text}\"")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Question, QuestionKind};

    fn question(kind: &str) -> String {
        format!(
            "id = \"q\"\nprompt = \"Wie?\"\nprompt_en = \"Who?\"\nhelp = \"\"\nkind = \"{kind}\"\nanswer = \"role\"\n"
        )
    }

    #[test]
    fn every_question_kind_reads_back_from_its_word() {
        for kind in QuestionKind::ALL {
            assert_eq!(kind.as_str().parse::<QuestionKind>(), Ok(kind));
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::json!(kind.as_str())));
            assert_eq!(serde_json::from_value::<QuestionKind>(serde_json::json!(kind.as_str())).ok(), Some(kind));
            let read: Question = toml::from_str(&question(kind.as_str())).expect("a question");
            assert_eq!(read.kind, kind);
        }
    }

    #[test]
    fn an_unknown_question_kind_is_named_with_its_field_and_place() {
        let text = question("singel");
        let err = toml::from_str::<Question>(&text).expect_err("no such kind");
        assert_eq!(err.message(), "soort \"singel\" is niet toegestaan; toegestaan: single, multi, yes-no");
        assert_eq!(err.span().and_then(|span| text.get(span)), Some("\"singel\""), "the place is the value");
        let err = serde_json::from_str::<QuestionKind>("\"Yes-No\"").expect_err("words are lower case");
        assert!(err.to_string().starts_with("soort \"Yes-No\" is niet toegestaan"), "{err}");
    }
}
