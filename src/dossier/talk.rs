//! Conversations in a dossier (`dossier talk`): what a team, a team leader or a worker said
//! per theme of a conversation guide, the agreed 1–5 rating, notes (the worker's are
//! confidential unless marked otherwise), and for a group conversation the ratings as a
//! *measurement* of the team on that day, the shape the evaluation of a later visit compares.
//!
//! A conversation's answers are checked against its guide as a whole before anything is
//! written (all or nothing): an unknown guide, theme or question, a rating outside 1–5, a
//! note over [`MAX_NOTE_CHARS`] or one that names medical details is refused with every
//! problem named on its field. Storing one recomputes the dossier's answers: each theme
//! rated 1 or 2 becomes a [`Signal`] and its taxonomy themes, level and steps join the
//! answers, so the advice opens on what plays.
//!
//! One conversation per guide and day: the same guide on the same day again replaces it.

use std::collections::BTreeMap;

use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use super::{exec, sql, touch};
use crate::advisor::{Answers, Signal};
use crate::catalogue::conversation::{Conversations, LOW_RATING, RATING_MAX, RATING_MIN};
use crate::error::{Error, Result};
use crate::store::Store;

/// The longest note, in characters (a long paragraph; a conversation's notes are a summary,
/// not a transcript).
pub const MAX_NOTE_CHARS: usize = 2000;
/// The most people a group conversation can have had.
pub const MAX_PRESENT: u32 = 500;
/// The largest answers file read (far above a conversation of seven themes with a note on
/// every question).
pub const MAX_ANSWERS_BYTES: u64 = 1_000_000;

/// A conversation's answers, as the answers file (`dossier talk --answers FILE.json`) and the
/// window give them. `theme` is a theme id of the guide, or a taxonomy theme that is the main
/// theme of one of its themes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TalkInput {
    /// The guide: `team`, `leidinggevende` or `medewerker`.
    pub guide: String,
    /// The day of the conversation (YYYY-MM-DD).
    pub date: String,
    /// How many people took part (required for a group conversation).
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<u32>"))]
    pub present: Option<serde_json::Number>,
    /// The themes talked about; a theme left out was skipped.
    pub themes: Vec<ThemeInput>,
}

/// One theme of a conversation's answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ThemeInput {
    /// The guide's theme id, or its main taxonomy theme.
    pub theme: String,
    /// The agreed rating, 1 (badly) to 5 (well); none when it was not rated.
    #[serde(default)]
    #[cfg_attr(test, ts(optional, as = "Option<u8>"))]
    pub rating: Option<serde_json::Number>,
    /// A note on the theme.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub note: Option<String>,
    /// Whether the note is confidential (default: the guide's).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub confidential: Option<bool>,
    /// Notes on single questions.
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub questions: Vec<QuestionInput>,
}

/// A note on one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct QuestionInput {
    /// The question's id.
    pub question: String,
    /// The note.
    pub note: String,
    /// Whether the note is confidential (default: the guide's).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub confidential: Option<bool>,
}

/// A conversation as the dossier keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Conversation {
    /// Number within the store.
    pub id: i64,
    /// The guide.
    pub guide: String,
    /// The day (YYYY-MM-DD).
    pub date: String,
    /// How many people took part.
    pub present: Option<u32>,
    /// The themes talked about, in the guide's order.
    pub themes: Vec<ThemeAnswer>,
    /// For a group conversation: its ratings as a measurement of the team on that day.
    pub measurement: Option<Measurement>,
    /// When it was entered (UTC).
    pub created_at: String,
}

/// One theme of a stored conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ThemeAnswer {
    /// The guide's theme id.
    pub theme: String,
    /// The rating, 1 to 5, if one was given.
    pub rating: Option<u8>,
    /// The note on the theme.
    pub note: Option<TalkNote>,
    /// Notes on single questions.
    pub questions: Vec<QuestionNote>,
}

/// A note on one question of a stored conversation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct QuestionNote {
    /// The question's id.
    pub question: String,
    /// The note.
    pub note: TalkNote,
}

/// A note of a conversation. A confidential one enters a report only when the report names
/// its number (`report --talk-note N`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TalkNote {
    /// Number within the store (for `report --talk-note`).
    pub id: i64,
    /// The text.
    pub text: String,
    /// Confidential: in no report unless ticked.
    pub confidential: bool,
}

/// A measurement of a team on a day: what the evaluation of a later visit compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// Number within the store (0 in a measurement not stored yet; renumbered on import).
    #[serde(default)]
    pub id: i64,
    /// What kind of measurement.
    pub kind: MeasurementKind,
    /// Where it came from: the conversation guide's id, or the instrument's.
    pub source: String,
    /// The day (YYYY-MM-DD).
    pub date: String,
    /// The scale of the values.
    pub scale: Scale,
    /// How many people it stands for: present at the conversation, or who responded to the
    /// questionnaire (at least 10).
    pub n: Option<u32>,
    /// For a questionnaire: how many people were invited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub invited: Option<u32>,
    /// Carried over from this earlier visit of the traject (`dossier follow-up`); none when
    /// it was measured in this visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub carried_from: Option<String>,
    /// One value per key (the guide's theme ids, the instrument's scale ids), in order.
    pub values: Vec<MeasuredValue>,
}

/// The kinds of measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum MeasurementKind {
    /// The ratings a group agreed in a conversation.
    Gesprek,
    /// A team's aggregate on a questionnaire (an instrument definition's scales).
    Instrument,
}

impl MeasurementKind {
    /// The word in the store and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MeasurementKind::Gesprek => "gesprek",
            MeasurementKind::Instrument => "instrument",
        }
    }

    /// The kind for its word; none for a word this program does not know (a newer one's).
    pub fn parse(word: &str) -> Option<Self> {
        [MeasurementKind::Gesprek, MeasurementKind::Instrument].into_iter().find(|k| k.as_str() == word)
    }
}

/// A measurement's scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest value.
    pub min: f64,
    /// The highest value.
    pub max: f64,
    /// Whether a higher value is better (true for "hoe gaat het hier nu mee?").
    pub higher_is_better: bool,
}

/// One value of a measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MeasuredValue {
    /// What was measured: a theme id of the guide, or a scale id of the instrument.
    pub key: String,
    /// The value (the team's mean, for a questionnaire).
    pub value: f64,
    /// For a questionnaire: the share of respondents past the scale's cut-off, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub past_cutoff: Option<f64>,
}

/// Where a team-leader conversation and the team's differ (Guarding Minds' comparison of the
/// leaders' view with the employees').
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Comparison {
    /// The guide of one side (`leidinggevende`).
    pub guide: String,
    /// Its conversation's day.
    pub date: String,
    /// The guide it is compared with (`team`).
    pub with: String,
    /// That conversation's day.
    pub with_date: String,
    /// The themes both rated, the largest difference first.
    pub rows: Vec<ComparedTheme>,
    /// The theme ids with the largest difference (none when both views agree everywhere).
    pub largest: Vec<String>,
}

/// One theme both sides rated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ComparedTheme {
    /// The theme id.
    pub theme: String,
    /// Its short name (Dutch).
    pub label: String,
    /// Its short name (English).
    pub label_en: String,
    /// This side's rating (the leader's).
    pub rating: u8,
    /// The other side's (the team's).
    pub with_rating: u8,
    /// `rating - with_rating`: above 0, the leader sees it more brightly than the team.
    pub difference: i8,
}

/// What storing a conversation did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TalkOutcome {
    /// The dossier.
    pub id: String,
    /// The conversation as stored.
    pub conversation: Conversation,
    /// Whether it replaced one of the same guide on the same day.
    pub replaced: bool,
    /// The themes rated 1 or 2, as the advisor now uses them.
    pub low: Vec<Signal>,
    /// The dossier's answers after the conversation.
    pub answers: Answers,
}

/// A conversation checked against its guide, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    guide: String,
    date: String,
    present: Option<u32>,
    group: bool,
    themes: Vec<CheckedTheme>,
}

#[derive(Debug, Clone, PartialEq)]
struct CheckedTheme {
    theme: String,
    rating: Option<u8>,
    note: Option<(String, bool)>,
    questions: Vec<(String, String, bool)>,
}

/// Words that name medical details (a diagnosis, a condition, a treatment, a medicine): a
/// note holding one is refused. Health data of workers is not the employer's to record (the
/// Autoriteit Persoonsgegevens' rules on sick workers, see `data/conversations/sources.toml`);
/// it belongs with the occupational physician. Matched in lower case as a whole word, and the
/// longer ones also inside a compound ("depressieklachten").
const MEDICAL_WORDS: &[&str] = &[
    "gediagnosticeerd",
    "depressie",
    "depressief",
    "depressieve",
    "angststoornis",
    "paniekstoornis",
    "stoornis",
    "ptss",
    "adhd",
    "autisme",
    "autistisch",
    "bipolair",
    "psychose",
    "psychotisch",
    "schizofrenie",
    "borderline",
    "medicatie",
    "medicijn",
    "medicijnen",
    "antidepressiva",
    "antidepressivum",
    "slaappil",
    "slaappillen",
    "slaapmiddel",
    "slaapmiddelen",
    "oxazepam",
    "psychiater",
    "psychiatrisch",
    "therapie",
    "therapeut",
    "zwanger",
    "zwangerschap",
    "diagnosed",
    "depression",
    "medication",
    "psychosis",
    "therapy",
    "pregnant",
];

/// The first medical word in `text`, if any.
pub fn medical_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    MEDICAL_WORDS.iter().copied().find(|m| words.iter().any(|w| w == m || (m.len() >= 8 && w.contains(m))))
}

/// Checks a conversation's answers against its guide; every problem as (field, message) in
/// Dutch. Nothing is written here.
pub fn check(input: &TalkInput, guides: &Conversations) -> std::result::Result<Checked, Vec<(String, String)>> {
    let mut problems: Vec<(String, String)> = Vec::new();
    let Some(guide) = guides.guide(&input.guide) else {
        let known: Vec<&str> = guides.guides.iter().map(|g| g.id.as_str()).collect();
        return Err(vec![(
            "guide".into(),
            format!("\"{}\" is geen gespreksleidraad; kies uit: {}", input.guide, known.join(", ")),
        )]);
    };
    if let Err(e) = crate::time::parse_date("date", &input.date) {
        problems.push(("date".into(), without_field(&e, "date")));
    }
    let present = match &input.present {
        None if guide.group => {
            problems.push((
                "present".into(),
                format!("vul in hoeveel mensen er waren: bij {} is dat verplicht", guide.named),
            ));
            None
        }
        None => None,
        Some(n) => {
            let least = if guide.group { 2 } else { 1 };
            match n.as_u64().and_then(|n| u32::try_from(n).ok()).filter(|n| (least..=MAX_PRESENT).contains(n)) {
                Some(n) => Some(n),
                None => {
                    problems.push((
                        "present".into(),
                        format!("{n} kan niet: geef een heel getal van {least} tot en met {MAX_PRESENT}"),
                    ));
                    None
                }
            }
        }
    };
    if input.themes.is_empty() {
        problems.push(("themes".into(), "er is geen enkel thema ingevuld".into()));
    }
    let mut themes: Vec<CheckedTheme> = Vec::new();
    for (i, t) in input.themes.iter().enumerate() {
        let at = |field: &str| format!("themes[{i}].{field}");
        let theme = match guide.resolve_theme(&t.theme) {
            Ok(theme) => theme,
            Err(candidates) => {
                let message = if candidates.is_empty() {
                    format!(
                        "\"{}\" is geen thema van {}; kies uit: {}",
                        t.theme,
                        guide.named,
                        guide.themes.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(", ")
                    )
                } else {
                    format!(
                        "\"{}\" past bij meer dan één thema van {} ({}); gebruik het id van het thema",
                        t.theme,
                        guide.named,
                        candidates.join(", ")
                    )
                };
                problems.push((at("theme"), message));
                continue;
            }
        };
        if themes.iter().any(|x| x.theme == theme.id) {
            problems.push((at("theme"), format!("thema \"{}\" staat er twee keer in", theme.id)));
            continue;
        }
        let rating = match &t.rating {
            None => None,
            Some(n) => {
                match n.as_u64().and_then(|n| u8::try_from(n).ok()).filter(|n| (RATING_MIN..=RATING_MAX).contains(n)) {
                    Some(r) => Some(r),
                    None => {
                        problems.push((
                            at("rating"),
                            format!(
                                "{n} kan niet: een cijfer is een heel getal van {RATING_MIN} tot en met {RATING_MAX}"
                            ),
                        ));
                        None
                    }
                }
            }
        };
        let confidential = |flag: Option<bool>| flag.unwrap_or(guide.confidential_by_default);
        let note = match t.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            None => None,
            Some(text) => {
                if let Some(message) = note_problem(text) {
                    problems.push((at("note"), message));
                }
                Some((text.to_string(), confidential(t.confidential)))
            }
        };
        let mut questions: Vec<(String, String, bool)> = Vec::new();
        for (k, q) in t.questions.iter().enumerate() {
            let at = |field: &str| format!("themes[{i}].questions[{k}].{field}");
            if !theme.questions.iter().any(|x| x.id == q.question) {
                problems.push((
                    at("question"),
                    format!(
                        "\"{}\" is geen vraag bij thema \"{}\"; kies uit: {}",
                        q.question,
                        theme.id,
                        theme.questions.iter().map(|x| x.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
                continue;
            }
            if questions.iter().any(|(id, _, _)| id == &q.question) {
                problems.push((at("question"), format!("vraag \"{}\" staat er twee keer in", q.question)));
                continue;
            }
            let text = q.note.trim();
            if text.is_empty() {
                problems.push((at("note"), "de notitie is leeg".into()));
                continue;
            }
            if let Some(message) = note_problem(text) {
                problems.push((at("note"), message));
            }
            questions.push((q.question.clone(), text.to_string(), confidential(q.confidential)));
        }
        if rating.is_none() && note.is_none() && questions.is_empty() {
            // Skipped ("overslaan"): nothing to keep.
            continue;
        }
        themes.push(CheckedTheme { theme: theme.id.clone(), rating, note, questions });
    }
    if problems.is_empty() && themes.is_empty() {
        problems.push(("themes".into(), "geen enkel thema heeft een cijfer of een notitie".into()));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Keep the guide's order, whatever order the file had.
    let order = |id: &str| guide.themes.iter().position(|t| t.id == id).unwrap_or(usize::MAX);
    themes.sort_by_key(|t| order(&t.theme));
    for t in &mut themes {
        let theme = guide.theme(&t.theme);
        let order = |id: &str| theme.and_then(|th| th.questions.iter().position(|q| q.id == id)).unwrap_or(usize::MAX);
        t.questions.sort_by_key(|(id, _, _)| order(id));
    }
    Ok(Checked { guide: guide.id.clone(), date: input.date.clone(), present, group: guide.group, themes })
}

/// What is wrong with a note's text, if anything.
fn note_problem(text: &str) -> Option<String> {
    let length = text.chars().count();
    if length > MAX_NOTE_CHARS {
        return Some(format!("{length} tekens is te lang; een notitie heeft er ten hoogste {MAX_NOTE_CHARS}"));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return Some(format!("bevat een stuurteken (U+{:04X}) dat niet in een notitie hoort", u32::from(c)));
    }
    medical_word(text).map(|word| {
        format!(
            "noteer geen medische gegevens (\"{word}\"): schrijf op wat er in het werk speelt, niet wat iemand mankeert. Medische zaken horen bij de bedrijfsarts"
        )
    })
}

/// `crate::time::parse_date`'s message without its field name (the field is named apart).
fn without_field(e: &Error, field: &str) -> String {
    let text = e.to_string();
    text.strip_prefix(&format!("{field}: ")).map_or(text.clone(), str::to_string)
}

/// The themes rated low in the newest conversation of each guide, lowest first.
pub fn signals(conversations: &[Conversation], guides: &Conversations) -> Vec<Signal> {
    let mut latest: BTreeMap<&str, &Conversation> = BTreeMap::new();
    for c in conversations {
        let newer = latest.get(c.guide.as_str()).is_none_or(|l| (c.date.as_str(), c.id) > (l.date.as_str(), l.id));
        if newer {
            latest.insert(c.guide.as_str(), c);
        }
    }
    let mut out = Vec::new();
    for guide in &guides.guides {
        let Some(c) = latest.get(guide.id.as_str()) else { continue };
        for t in &c.themes {
            let (Some(rating), Some(theme)) = (t.rating, guide.theme(&t.theme)) else { continue };
            if rating <= LOW_RATING {
                out.push(Signal {
                    guide: guide.id.clone(),
                    named: guide.named.clone(),
                    named_en: guide.named_en.clone(),
                    theme: theme.id.clone(),
                    label: theme.short.clone(),
                    label_en: theme.short_en.clone(),
                    themes: theme.taxonomy.clone(),
                    level: theme.level.clone(),
                    steps: theme.steps.clone(),
                    rating,
                    max: RATING_MAX,
                });
            }
        }
    }
    out.sort_by_key(|s| s.rating);
    out
}

/// The dossier's answers once `signals` replace the conversations' earlier ones: the themes
/// and steps the earlier signals added make way for the new ones' (the user's own stay), and
/// the level becomes the one most low-rated themes point to (a tie: the lowest-rated theme's).
/// Without signals the level stays as it was.
pub fn steer(answers: &Answers, signals: Vec<Signal>) -> Answers {
    let mut out = answers.clone();
    let old_themes: Vec<&String> = answers.signals.iter().flat_map(|s| &s.themes).collect();
    let old_steps: Vec<&String> = answers.signals.iter().flat_map(|s| &s.steps).collect();
    out.themes.retain(|t| !old_themes.contains(&t));
    out.steps.retain(|s| !old_steps.contains(&s));
    for s in &signals {
        for t in &s.themes {
            if !out.themes.contains(t) {
                out.themes.push(t.clone());
            }
        }
        for step in &s.steps {
            if !out.steps.contains(step) {
                out.steps.push(step.clone());
            }
        }
    }
    let mut votes: Vec<(&str, usize)> = Vec::new();
    for s in &signals {
        match votes.iter_mut().find(|(level, _)| *level == s.level) {
            Some((_, n)) => *n += 1,
            None => votes.push((s.level.as_str(), 1)),
        }
    }
    // `signals` is ordered lowest rating first, so on a tie the first level seen wins.
    if let Some(most) = votes.iter().map(|(_, n)| *n).max() {
        out.level = votes.iter().find(|(_, n)| *n == most).map(|(level, _)| level.to_string());
    }
    out.signals = signals;
    out
}

/// Where each guide that is compared with another (`compare_with`) differs from it, per
/// pair of their newest conversations.
pub fn comparisons(conversations: &[Conversation], guides: &Conversations) -> Vec<Comparison> {
    let newest = |guide: &str| {
        conversations.iter().filter(|c| c.guide == guide).max_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)))
    };
    let mut out = Vec::new();
    for guide in &guides.guides {
        let Some(other) = &guide.compare_with else { continue };
        let (Some(mine), Some(theirs), Some(other_guide)) = (newest(&guide.id), newest(other), guides.guide(other))
        else {
            continue;
        };
        let rating = |c: &Conversation, theme: &str| c.themes.iter().find(|t| t.theme == theme).and_then(|t| t.rating);
        let mut rows: Vec<(usize, ComparedTheme)> = Vec::new();
        for (position, theme) in other_guide.themes.iter().enumerate() {
            let (Some(a), Some(b)) = (rating(mine, &theme.id), rating(theirs, &theme.id)) else { continue };
            rows.push((
                position,
                ComparedTheme {
                    theme: theme.id.clone(),
                    label: theme.short.clone(),
                    label_en: theme.short_en.clone(),
                    rating: a,
                    with_rating: b,
                    difference: i8::try_from(i16::from(a) - i16::from(b)).unwrap_or_default(),
                },
            ));
        }
        rows.sort_by_key(|(position, row)| (std::cmp::Reverse(row.difference.unsigned_abs()), *position));
        let rows: Vec<ComparedTheme> = rows.into_iter().map(|(_, row)| row).collect();
        let most = rows.first().map_or(0, |r| r.difference.unsigned_abs());
        let largest =
            rows.iter().filter(|r| most > 0 && r.difference.unsigned_abs() == most).map(|r| r.theme.clone()).collect();
        out.push(Comparison {
            guide: guide.id.clone(),
            date: mine.date.clone(),
            with: other.clone(),
            with_date: theirs.date.clone(),
            rows,
            largest,
        });
    }
    out
}

/// The measurement a group conversation is.
fn measurement_of(c: &Checked) -> Option<Measurement> {
    let values: Vec<MeasuredValue> = c
        .themes
        .iter()
        .filter_map(|t| {
            t.rating.map(|r| MeasuredValue { key: t.theme.clone(), value: f64::from(r), past_cutoff: None })
        })
        .collect();
    (c.group && !values.is_empty()).then(|| Measurement {
        id: 0,
        kind: MeasurementKind::Gesprek,
        source: c.guide.clone(),
        date: c.date.clone(),
        scale: Scale { min: f64::from(RATING_MIN), max: f64::from(RATING_MAX), higher_is_better: true },
        n: c.present,
        invited: None,
        carried_from: None,
        values,
    })
}

impl Checked {
    /// As a conversation (ids 0), to write with [`insert_conversation`].
    fn to_conversation(&self, created_at: &str) -> Conversation {
        let note =
            |(text, confidential): &(String, bool)| TalkNote { id: 0, text: text.clone(), confidential: *confidential };
        Conversation {
            id: 0,
            guide: self.guide.clone(),
            date: self.date.clone(),
            present: self.present,
            themes: self
                .themes
                .iter()
                .map(|t| ThemeAnswer {
                    theme: t.theme.clone(),
                    rating: t.rating,
                    note: t.note.as_ref().map(note),
                    questions: t
                        .questions
                        .iter()
                        .map(|(q, text, confidential)| QuestionNote {
                            question: q.clone(),
                            note: note(&(text.clone(), *confidential)),
                        })
                        .collect(),
                })
                .collect(),
            measurement: measurement_of(self),
            created_at: created_at.to_string(),
        }
    }
}

/// Writes a conversation (its items and its measurement) into dossier `id`; answers its new
/// id. The ids inside `c` are ignored.
pub(super) fn insert_conversation(tx: &Transaction<'_>, id: &str, c: &Conversation) -> Result<i64> {
    exec(
        tx,
        "INSERT INTO conversations (dossier_id, guide, date, present, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, c.guide, c.date, c.present, c.created_at],
    )?;
    let conversation = tx.last_insert_rowid();
    let mut position = 0_i64;
    for t in &c.themes {
        position += 1;
        exec(
            tx,
            "INSERT INTO conversation_items (conversation_id, position, theme, question, rating, note, confidential)
             VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6)",
            params![
                conversation,
                position,
                t.theme,
                t.rating,
                t.note.as_ref().map(|n| &n.text),
                t.note.as_ref().is_some_and(|n| n.confidential)
            ],
        )?;
        for q in &t.questions {
            position += 1;
            exec(
                tx,
                "INSERT INTO conversation_items (conversation_id, position, theme, question, rating, note, confidential)
                 VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6)",
                params![conversation, position, t.theme, q.question, q.note.text, q.note.confidential],
            )?;
        }
    }
    if let Some(m) = &c.measurement {
        insert_measurement(tx, id, Some(conversation), m, &c.created_at)?;
    }
    Ok(conversation)
}

/// Writes a measurement (and its values) into dossier `id`, belonging to `conversation` when
/// it is one's; answers its new id. The id inside `m` is ignored.
pub(super) fn insert_measurement(
    tx: &Transaction<'_>,
    id: &str,
    conversation: Option<i64>,
    m: &Measurement,
    created_at: &str,
) -> Result<i64> {
    exec(
        tx,
        "INSERT INTO measurements (dossier_id, conversation_id, kind, source, date, scale_min, scale_max,
                                   higher_is_better, n, invited, carried_from, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            id,
            conversation,
            m.kind.as_str(),
            m.source,
            m.date,
            m.scale.min,
            m.scale.max,
            m.scale.higher_is_better,
            m.n,
            m.invited,
            m.carried_from,
            created_at
        ],
    )?;
    let measurement = tx.last_insert_rowid();
    for v in &m.values {
        exec(
            tx,
            "INSERT INTO measurement_values (measurement_id, key, value, past_cutoff) VALUES (?1, ?2, ?3, ?4)",
            params![measurement, v.key, v.value, v.past_cutoff],
        )?;
    }
    Ok(measurement)
}

/// The conversations of dossier `id`, oldest first.
pub(super) fn conversations(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<Vec<Conversation>> {
    let mut stmt = conn.prepare(
        "SELECT id, guide, date, present, created_at FROM conversations WHERE dossier_id = ?1 ORDER BY date, id",
    )?;
    let heads = stmt
        .query_map([id], |r| {
            Ok(Conversation {
                id: r.get(0)?,
                guide: r.get(1)?,
                date: r.get(2)?,
                present: r.get(3)?,
                themes: Vec::new(),
                measurement: None,
                created_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items = conn.prepare(
        "SELECT id, theme, question, rating, note, confidential FROM conversation_items
         WHERE conversation_id = ?1 ORDER BY position, id",
    )?;
    let mut out = Vec::with_capacity(heads.len());
    for mut c in heads {
        let rows = items
            .query_map([c.id], |r| {
                let note_id: i64 = r.get(0)?;
                let note: Option<String> = r.get(4)?;
                let confidential: bool = r.get(5)?;
                Ok((
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<u8>>(3)?,
                    note.map(|text| TalkNote { id: note_id, text, confidential }),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (theme, question, rating, note) in rows {
            match question {
                None => c.themes.push(ThemeAnswer { theme, rating, note, questions: Vec::new() }),
                Some(question) => {
                    if let (Some(t), Some(note)) = (c.themes.iter_mut().rev().find(|t| t.theme == theme), note) {
                        t.questions.push(QuestionNote { question, note });
                    }
                }
            }
        }
        c.measurement = measurement(conn, c.id)?;
        out.push(c);
    }
    Ok(out)
}

/// The measurement conversation `conversation` is, if any.
fn measurement(conn: &rusqlite::Connection, conversation: i64) -> rusqlite::Result<Option<Measurement>> {
    Ok(read_measurements(conn, "conversation_id = ?1", rusqlite::params![conversation])?.into_iter().next())
}

/// The measurements of dossier `id` that belong to no conversation (a questionnaire's
/// aggregates, and those carried over from an earlier visit), oldest first.
pub(super) fn standalone_measurements(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<Vec<Measurement>> {
    read_measurements(conn, "dossier_id = ?1 AND conversation_id IS NULL", rusqlite::params![id])
}

/// The measurements matching `filter` (an SQL condition on `measurements`), by date and id.
/// A kind this program does not know (a newer one's) is left out rather than guessed.
fn read_measurements(
    conn: &rusqlite::Connection,
    filter: &str,
    args: impl rusqlite::Params,
) -> rusqlite::Result<Vec<Measurement>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, kind, source, date, scale_min, scale_max, higher_is_better, n, invited, carried_from
         FROM measurements WHERE {filter} ORDER BY date, id"
    ))?;
    let heads = stmt
        .query_map(args, |r| {
            Ok((
                r.get::<_, String>(1)?,
                Measurement {
                    id: r.get(0)?,
                    kind: MeasurementKind::Gesprek,
                    source: r.get(2)?,
                    date: r.get(3)?,
                    scale: Scale { min: r.get(4)?, max: r.get(5)?, higher_is_better: r.get(6)? },
                    n: r.get(7)?,
                    invited: r.get(8)?,
                    carried_from: r.get(9)?,
                    values: Vec::new(),
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut values = conn
        .prepare("SELECT key, value, past_cutoff FROM measurement_values WHERE measurement_id = ?1 ORDER BY rowid")?;
    let mut out = Vec::with_capacity(heads.len());
    for (kind, mut m) in heads {
        let Some(kind) = MeasurementKind::parse(&kind) else { continue };
        m.kind = kind;
        m.values = values
            .query_map([m.id], |r| Ok(MeasuredValue { key: r.get(0)?, value: r.get(1)?, past_cutoff: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(m);
    }
    Ok(out)
}

impl Store {
    /// Stores a checked conversation in dossier `id` (replacing one of the same guide on the
    /// same day) and the answers it steers, in one transaction; answers the outcome.
    pub fn dossier_talk(&mut self, id: &str, checked: &Checked, guides: &Conversations) -> Result<TalkOutcome> {
        let head = self.head(id)?;
        let now = self.clock().now_utc();
        let conversation = checked.to_conversation(&now);
        let mut all = self.dossier(id)?.conversations;
        let replaced = all.iter().any(|c| c.guide == checked.guide && c.date == checked.date);
        all.retain(|c| !(c.guide == checked.guide && c.date == checked.date));
        all.push(Conversation { id: i64::MAX, ..conversation.clone() });
        let low = signals(&all, guides);
        let answers = steer(&head.answers, low.clone());
        let json = serde_json::to_string(&answers).map_err(Error::json("de antwoorden"))?;
        let new_id = self.write(|tx| {
            touch(tx, id, &now)?;
            exec(
                tx,
                "DELETE FROM conversations WHERE dossier_id = ?1 AND guide = ?2 AND date = ?3",
                params![id, checked.guide, checked.date],
            )?;
            let new_id = insert_conversation(tx, id, &conversation)?;
            exec(tx, "UPDATE dossiers SET answers = ?2 WHERE id = ?1", params![id, json])?;
            Ok(new_id)
        })?;
        let stored = conversations(self.conn(), id)
            .map_err(sql)?
            .into_iter()
            .find(|c| c.id == new_id)
            .ok_or_else(|| super::not_found(id))?;
        Ok(TalkOutcome { id: id.to_string(), conversation: stored, replaced, low, answers })
    }

    /// Removes conversation `conversation` (and its measurement) from dossier `id`, and steers
    /// the answers by the conversations that remain.
    pub fn dossier_untalk(&mut self, id: &str, conversation: i64, guides: &Conversations) -> Result<Answers> {
        let head = self.head(id)?;
        let mut all = self.dossier(id)?.conversations;
        if !all.iter().any(|c| c.id == conversation) {
            return Err(Error::InvalidInput {
                field: "gesprek".into(),
                message: format!("dossier {id} heeft geen gesprek {conversation} (zie de nummers in dossier show)"),
            });
        }
        all.retain(|c| c.id != conversation);
        let answers = steer(&head.answers, signals(&all, guides));
        let json = serde_json::to_string(&answers).map_err(Error::json("de antwoorden"))?;
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            exec(tx, "DELETE FROM conversations WHERE id = ?1 AND dossier_id = ?2", params![conversation, id])?;
            exec(tx, "UPDATE dossiers SET answers = ?2 WHERE id = ?1", params![id, json])
        })?;
        Ok(answers)
    }
}

/// A dossier's conversations as the window and the report show them: per conversation
/// every theme of its guide with its rating (for the chart) and the notes, where a team
/// leader's and a team's views differ, and what the advice now takes from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TalkSummary {
    /// The conversations, oldest first.
    pub conversations: Vec<TalkView>,
    /// Where a compared guide's newest conversation differs from the other's.
    pub comparisons: Vec<Comparison>,
    /// The themes rated 1 or 2 in the newest conversation of each guide, lowest first.
    pub low: Vec<Signal>,
}

/// One conversation, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TalkView {
    /// Number within the store.
    pub id: i64,
    /// The guide's id.
    pub guide: String,
    /// The guide's title (Dutch).
    pub title: String,
    /// The guide's title (English).
    pub title_en: String,
    /// The day (YYYY-MM-DD).
    pub date: String,
    /// How many people took part.
    pub present: Option<u32>,
    /// Whether its ratings are a measurement of the team.
    pub measured: bool,
    /// Every theme of the guide, in its order, rated or not.
    pub ratings: Vec<RatedTheme>,
    /// Its notes, in the guide's order.
    pub notes: Vec<NoteView>,
}

/// One theme's rating, for the chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RatedTheme {
    /// The theme id.
    pub theme: String,
    /// Its heading (Dutch).
    pub label: String,
    /// Its heading (English).
    pub label_en: String,
    /// The rating, none when skipped.
    pub rating: Option<u8>,
    /// Rated 1 or 2.
    pub low: bool,
}

/// One note, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NoteView {
    /// Its number (for `report --talk-note`).
    pub id: i64,
    /// The theme's heading (Dutch).
    pub theme: String,
    /// The question it belongs to (Dutch), if any.
    pub question: Option<String>,
    /// The text.
    pub text: String,
    /// Confidential: in no report unless ticked.
    pub confidential: bool,
}

/// A dossier's conversations as the window and the report show them.
pub fn summary(conversations: &[Conversation], guides: &Conversations) -> TalkSummary {
    let views = conversations
        .iter()
        .map(|c| {
            let guide = guides.guide(&c.guide);
            let rated = |theme: &str| c.themes.iter().find(|t| t.theme == theme).and_then(|t| t.rating);
            let ratings = guide
                .map(|g| {
                    g.themes
                        .iter()
                        .map(|t| {
                            let rating = rated(&t.id);
                            RatedTheme {
                                theme: t.id.clone(),
                                label: t.label.clone(),
                                label_en: t.label_en.clone(),
                                rating,
                                low: rating.is_some_and(|r| r <= LOW_RATING),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut notes = Vec::new();
            for t in &c.themes {
                let theme = guide.and_then(|g| g.theme(&t.theme));
                let label = theme.map_or(t.theme.clone(), |x| x.label.clone());
                if let Some(n) = &t.note {
                    notes.push(NoteView {
                        id: n.id,
                        theme: label.clone(),
                        question: None,
                        text: n.text.clone(),
                        confidential: n.confidential,
                    });
                }
                for q in &t.questions {
                    let question = theme.and_then(|x| x.questions.iter().find(|x| x.id == q.question));
                    notes.push(NoteView {
                        id: q.note.id,
                        theme: label.clone(),
                        question: Some(question.map_or(q.question.clone(), |x| x.text.clone())),
                        text: q.note.text.clone(),
                        confidential: q.note.confidential,
                    });
                }
            }
            TalkView {
                id: c.id,
                guide: c.guide.clone(),
                title: guide.map_or(c.guide.clone(), |g| g.title.clone()),
                title_en: guide.map_or(c.guide.clone(), |g| g.title_en.clone()),
                date: c.date.clone(),
                present: c.present,
                measured: c.measurement.is_some(),
                ratings,
                notes,
            }
        })
        .collect();
    TalkSummary {
        conversations: views,
        comparisons: comparisons(conversations, guides),
        low: signals(conversations, guides),
    }
}

#[cfg(test)]
mod tests;
