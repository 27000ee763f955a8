//! Evaluating a plan item (`dossier evaluate`): was it carried out, whom did it reach, what
//! does the team say, how did the indicators move (typed in, with their periods), and what
//! do the measurements before and after it show. The program *proposes* a verdict and never
//! decides: without a measurement before the start, without one after it, with a changed
//! team or with fewer than 10 people it says "geen conclusie mogelijk" and why. The
//! professional's verdict is stored with the reason, beside the proposal; a verdict that
//! departs from the proposal needs a reason.
//!
//! The measurements before and after (`before_after`) are pairs per source and key (a theme
//! of a conversation guide, a scale of a questionnaire): the baseline and the newest
//! re-measurement, each with its date and n. A conversation's whole-number rating counts as
//! better or worse when it moved by a point; a questionnaire's mean has no threshold for a
//! meaningful change in any definition we ship, so its direction is shown and called
//! "onbepaald".

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::talk::{Measurement, MeasurementKind, Scale};
use super::{PlanStatus, exec, sql, touch};
use crate::advisor::Said;
use crate::catalogue::conversation::{Conversations, LOW_RATING, RATING_MAX};
use crate::catalogue::instrument::Instrument;
use crate::error::{Error, Result};
use crate::store::Store;
use crate::time::nl_date;

/// The fewest people a measurement must stand for before a change in it says anything (and
/// the fewest respondents a questionnaire's aggregate is kept for).
pub const MIN_GROUP: u32 = 10;
/// The longest free text of an evaluation (what the team says, the reason).
pub const MAX_TEXT_CHARS: usize = 2000;

/// A closed set of Dutch words, as the store, the file and JSON write them.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident, $field:literal, { $($(#[$vdoc:meta])* $variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(test, derive(ts_rs::TS))]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $word)] $variant),+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Its word in the store, the dossier file, JSON and on the command line.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),+
                }
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(value: &str) -> Result<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value).ok_or_else(|| Error::InvalidInput {
                    field: $field.into(),
                    message: format!(
                        "\"{value}\" kan niet; kies uit: {}",
                        Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

words!(
    /// Whether a plan item was carried out.
    CarriedOut, "carried_out", {
        /// Yes, as planned.
        Ja => "ja",
        /// Partly.
        Deels => "deels",
        /// Not at all.
        Nee => "nee",
        /// Started and stopped before it was done.
        Gestopt => "gestopt",
    }
);

words!(
    /// The professional's verdict on a plan item (and the program's proposal).
    Verdict, "verdict", {
        /// It worked.
        Werkte => "werkte",
        /// It is not clear whether it worked.
        Onduidelijk => "onduidelijk",
        /// It did not work.
        WerkteNiet => "werkte-niet",
        /// It was not carried out, so there is no effect to judge.
        NietUitgevoerd => "niet-uitgevoerd",
    }
);

words!(
    /// An indicator the organisation keeps, typed in before and after.
    Indicator, "indicator", {
        /// Absence percentage.
        Verzuimpercentage => "verzuimpercentage",
        /// How often people report sick.
        Meldingsfrequentie => "meldingsfrequentie",
        /// Staff turnover.
        Verloop => "verloop",
        /// Participation (in the intervention, a survey, …).
        Deelname => "deelname",
    }
);

impl Verdict {
    /// As people read it: "werkte niet".
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Werkte => "werkte",
            Verdict::Onduidelijk => "onduidelijk",
            Verdict::WerkteNiet => "werkte niet",
            Verdict::NietUitgevoerd => "niet uitgevoerd",
        }
    }
}

impl CarriedOut {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            CarriedOut::Ja => "uitgevoerd",
            CarriedOut::Deels => "deels uitgevoerd",
            CarriedOut::Nee => "niet uitgevoerd",
            CarriedOut::Gestopt => "gestopt",
        }
    }
}

impl Indicator {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Indicator::Verzuimpercentage => "Verzuimpercentage",
            Indicator::Meldingsfrequentie => "Meldingsfrequentie",
            Indicator::Verloop => "Verloop",
            Indicator::Deelname => "Deelname",
        }
    }

    /// As people read it in English (the window's words for it).
    pub fn label_en(self) -> &'static str {
        match self {
            Indicator::Verzuimpercentage => "Sickness absence rate",
            Indicator::Meldingsfrequentie => "Frequency of reported absence",
            Indicator::Verloop => "Staff turnover",
            Indicator::Deelname => "Participation",
        }
    }
}

/// A period of days, both ends included.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day (YYYY-MM-DD).
    pub from: String,
    /// The last day (YYYY-MM-DD).
    pub to: String,
}

/// An indicator before and after, each over its period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// Which indicator.
    pub indicator: Indicator,
    /// Its value before.
    pub before: f64,
    /// Its value after.
    pub after: f64,
    /// The period of the value before.
    pub before_period: Period,
    /// The period of the value after.
    pub after_period: Period,
}

/// An evaluation as the command line and the window give it. The closed sets are text here,
/// as given: the core parses them, so a wrong word is the same `invalid_evaluation` error,
/// named on its field, on the command line and in the window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct EvaluationInput {
    /// The plan item's number.
    pub item: i64,
    /// The day of the evaluation (YYYY-MM-DD); default today.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub date: Option<String>,
    /// `ja`, `deels`, `nee` or `gestopt`.
    #[cfg_attr(test, ts(as = "CarriedOut"))]
    pub carried_out: String,
    /// How many people it reached.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub reached: Option<f64>,
    /// Out of how many it was meant for.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub reach_of: Option<f64>,
    /// What the team says about it (no names, no medical details).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub team_says: Option<String>,
    /// The team changed a lot since the baseline (people left or joined).
    #[serde(default)]
    #[cfg_attr(test, ts(as = "Option<bool>", optional))]
    pub team_changed: bool,
    /// Indicators before and after.
    #[serde(default)]
    #[cfg_attr(test, ts(optional = nullable))]
    pub indicators: Vec<IndicatorInput>,
    /// `werkte`, `onduidelijk`, `werkte-niet` or `niet-uitgevoerd`.
    #[cfg_attr(test, ts(as = "Verdict"))]
    pub verdict: String,
    /// Why; required when the verdict departs from the proposal.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub reason: Option<String>,
}

/// One indicator as given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct IndicatorInput {
    /// `verzuimpercentage`, `meldingsfrequentie`, `verloop` or `deelname`.
    #[cfg_attr(test, ts(as = "Indicator"))]
    pub indicator: String,
    /// The value before.
    pub before: f64,
    /// The value after.
    pub after: f64,
    /// The period before.
    pub before_period: Period,
    /// The period after.
    pub after_period: Period,
}

/// What the program proposes: a verdict, or none ("geen conclusie mogelijk"), and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    /// The verdict proposed; none when no conclusion is possible.
    pub verdict: Option<Verdict>,
    /// Why, one line each, the deciding line first.
    pub why: Vec<String>,
    /// The same lines in English, in the same order (the window's English interface). Made
    /// with the proposal and not stored: an evaluation read back from the dossier has the
    /// Dutch lines only (the report and the command line read those).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<Vec<String>>", optional))]
    pub why_en: Vec<String>,
}

/// The words for a proposal without a verdict.
pub const NO_CONCLUSION: &str = "geen conclusie mogelijk";

impl Proposal {
    /// As people read it: "werkte", or "geen conclusie mogelijk".
    pub fn label(&self) -> &'static str {
        self.verdict.map_or(NO_CONCLUSION, Verdict::label)
    }
}

/// An evaluation as the dossier keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Number within the store.
    pub id: i64,
    /// The plan item's number.
    pub item: i64,
    /// The day (YYYY-MM-DD).
    pub date: String,
    /// Whether it was carried out.
    pub carried_out: CarriedOut,
    /// How many it reached.
    pub reached: Option<u32>,
    /// Out of how many.
    pub reach_of: Option<u32>,
    /// What the team says.
    pub team_says: Option<String>,
    /// The team changed since the baseline.
    pub team_changed: bool,
    /// Indicators before and after.
    pub indicators: Vec<IndicatorValue>,
    /// What the program proposed.
    pub proposal: Proposal,
    /// The professional's verdict.
    pub verdict: Verdict,
    /// Why.
    pub reason: Option<String>,
    /// When it was entered (UTC).
    pub created_at: String,
}

/// How a value moved between the baseline and the re-measurement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Direction {
    /// Better by at least one point of a conversation's rating.
    Beter,
    /// Worse by at least one point.
    Slechter,
    /// The same.
    Gelijk,
    /// Moved, but no threshold for a meaningful change is known (a questionnaire's mean).
    Onbepaald,
}

impl Direction {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Beter => "beter",
            Direction::Slechter => "slechter",
            Direction::Gelijk => "gelijk",
            Direction::Onbepaald => "veranderd (drempel onbekend)",
        }
    }

    /// As people read it in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Direction::Beter => "better",
            Direction::Slechter => "worse",
            Direction::Gelijk => "the same",
            Direction::Onbepaald => "changed (threshold unknown)",
        }
    }
}

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Point {
    /// The day measured.
    pub date: String,
    /// The value.
    pub value: f64,
    /// How many people it stands for.
    pub n: Option<u32>,
    /// Share past the cut-off, in percent, when known.
    pub past_cutoff: Option<f64>,
}

/// One theme or scale, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Change {
    /// The kind of measurement.
    pub kind: MeasurementKind,
    /// The guide or instrument.
    pub source: String,
    /// How people name the source: "het teamgesprek", "Teamthermometer (Keuzehulp)".
    pub source_name: String,
    /// The same in English: "the team conversation".
    pub source_name_en: String,
    /// The theme or scale id.
    pub key: String,
    /// Its name (Dutch).
    pub label: String,
    /// Its name (English).
    pub label_en: String,
    /// The taxonomy themes it says something about.
    pub themes: Vec<String>,
    /// The scale (and whether higher is better, for this key).
    pub scale: Scale,
    /// The baseline.
    pub before: Point,
    /// The re-measurement.
    pub after: Point,
    /// `after - before`.
    pub difference: f64,
    /// How it moved.
    pub direction: Direction,
}

/// What a key of a measurement is, as the guides and instrument definitions say.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyInfo {
    /// How people name the source.
    pub source_name: String,
    /// The same in English.
    pub source_name_en: String,
    /// The key's name (Dutch).
    pub label: String,
    /// The key's name (English).
    pub label_en: String,
    /// The taxonomy themes it says something about.
    pub themes: Vec<String>,
    /// Whether a higher value is better.
    pub higher_is_better: bool,
    /// Whether values are a group's whole-number rating (a conversation's): then a point
    /// of difference counts.
    pub whole_points: bool,
}

/// The guides and instrument definitions that say what a measurement's keys are.
#[derive(Debug, Clone, Copy)]
pub struct Lookup<'a> {
    /// The conversation guides.
    pub guides: &'a Conversations,
    /// The instrument definitions (bundled and imported).
    pub instruments: &'a [Instrument],
}

impl Lookup<'_> {
    /// What `key` of a measurement from `source` is; a key no guide or definition knows is
    /// shown by its id, without themes.
    pub fn info(&self, m: &Measurement, key: &str) -> KeyInfo {
        match m.kind {
            MeasurementKind::Gesprek => {
                let guide = self.guides.guide(&m.source);
                let theme = guide.and_then(|g| g.theme(key));
                KeyInfo {
                    source_name: guide.map_or(m.source.clone(), |g| g.named.clone()),
                    source_name_en: guide.map_or(m.source.clone(), |g| g.named_en.clone()),
                    label: theme.map_or(key.to_string(), |t| t.label.clone()),
                    label_en: theme.map_or(key.to_string(), |t| t.label_en.clone()),
                    themes: theme.map(|t| t.taxonomy.clone()).unwrap_or_default(),
                    higher_is_better: m.scale.higher_is_better,
                    whole_points: true,
                }
            }
            MeasurementKind::Instrument => {
                let instrument = self.instruments.iter().find(|i| i.id == m.source);
                let scale = instrument.and_then(|i| i.scale(key));
                KeyInfo {
                    source_name: instrument.map_or(m.source.clone(), |i| i.name.clone()),
                    source_name_en: instrument.map_or(m.source.clone(), |i| i.name_en.clone()),
                    label: scale.map_or(key.to_string(), |s| s.label.clone()),
                    label_en: scale.map_or(key.to_string(), |s| s.label_en.clone()),
                    themes: scale.map(|s| s.themes.clone()).unwrap_or_default(),
                    higher_is_better: scale.map_or(m.scale.higher_is_better, |s| s.higher_is_better),
                    whole_points: false,
                }
            }
        }
    }
}

/// The measurements before and after, per source and key: the baseline is the newest
/// measurement on or before `since` (without `since`: the oldest), the re-measurement the
/// newest after the baseline and on or before `until`. A key measured only once has no pair.
pub fn before_after(
    measurements: &[Measurement],
    lookup: Lookup<'_>,
    since: Option<&str>,
    until: Option<&str>,
) -> Vec<Change> {
    // (kind, source, key) → its points, by date; in the order first seen.
    type Key = (MeasurementKind, String, String);
    let mut order: Vec<Key> = Vec::new();
    let mut points: BTreeMap<Key, Vec<(Point, &Measurement)>> = BTreeMap::new();
    let mut sorted: Vec<&Measurement> = measurements.iter().collect();
    sorted.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
    for m in sorted {
        if until.is_some_and(|u| m.date.as_str() > u) {
            continue;
        }
        for v in &m.values {
            let k = (m.kind, m.source.clone(), v.key.clone());
            if !points.contains_key(&k) {
                order.push(k.clone());
            }
            let point = Point { date: m.date.clone(), value: v.value, n: m.n, past_cutoff: v.past_cutoff };
            points.entry(k).or_default().push((point, m));
        }
    }
    let mut out = Vec::new();
    for k in order {
        let Some(list) = points.get(&k) else { continue };
        let before = match since {
            Some(since) => list.iter().rfind(|(p, _)| p.date.as_str() <= since),
            None => list.first(),
        };
        let Some((before, _)) = before else { continue };
        let Some((after, m)) = list.iter().rfind(|(p, _)| p.date > before.date) else { continue };
        let info = lookup.info(m, &k.2);
        let difference = after.value - before.value;
        let gain = if info.higher_is_better { difference } else { -difference };
        let direction = if difference.abs() < 1e-9 {
            Direction::Gelijk
        } else if !info.whole_points {
            Direction::Onbepaald
        } else if gain >= 1.0 - 1e-9 {
            Direction::Beter
        } else if gain <= -1.0 + 1e-9 {
            Direction::Slechter
        } else {
            Direction::Onbepaald
        };
        out.push(Change {
            kind: k.0,
            source: k.1.clone(),
            source_name: info.source_name,
            source_name_en: info.source_name_en,
            key: k.2.clone(),
            label: info.label,
            label_en: info.label_en,
            themes: info.themes,
            scale: Scale { higher_is_better: info.higher_is_better, ..m.scale },
            before: before.clone(),
            after: after.clone(),
            difference,
            direction,
        });
    }
    out
}

/// Whether a change says something about an intervention with these taxonomy themes (all
/// changes do when the intervention's themes are not known).
pub fn relevant(change: &Change, themes: &[String]) -> bool {
    themes.is_empty() || change.themes.iter().any(|t| themes.contains(t))
}

/// What the program proposes for a plan item. `changes` are the relevant before/after
/// pairs; `measured` says whether a relevant baseline exists (so a missing pair is a
/// missing re-measurement, else a missing baseline). Every line is made in Dutch and in
/// English at once, so the two cannot drift.
pub fn propose(
    carried_out: CarriedOut,
    team_changed: bool,
    changes: &[Change],
    measured: bool,
    reach: (Option<u32>, Option<u32>),
    indicators: &[IndicatorValue],
) -> Proposal {
    let mut why = Vec::new();
    let verdict = decide(carried_out, team_changed, changes, measured, &mut why);
    let n = |n: Option<u32>, unknown: &str| n.map_or(unknown.to_string(), |n| n.to_string());
    for c in changes {
        let (before, after) = (nl_date(&c.before.date), nl_date(&c.after.date));
        why.push(Said {
            nl: format!(
                "{} ({}): {} op {before} (n = {}) → {} op {after} (n = {}): {}",
                c.label,
                c.source_name,
                number(c.before.value),
                n(c.before.n, "niet bekend"),
                number(c.after.value),
                n(c.after.n, "niet bekend"),
                c.direction.label()
            ),
            en: format!(
                "{} ({}): {} on {before} (n = {}) → {} on {after} (n = {}): {}",
                c.label_en,
                c.source_name_en,
                number_en(c.before.value),
                n(c.before.n, "not known"),
                number_en(c.after.value),
                n(c.after.n, "not known"),
                c.direction.label_en()
            ),
        });
    }
    if let (Some(reached), Some(of)) = reach
        && of > 0
    {
        let share = f64::from(reached) * 100.0 / f64::from(of);
        why.push(Said {
            nl: format!("Bereik: {reached} van {of} ({share:.0}%)."),
            en: format!("Reach: {reached} of {of} ({share:.0}%)."),
        });
    }
    for i in indicators {
        let (from_before, to_before) = (nl_date(&i.before_period.from), nl_date(&i.before_period.to));
        let (from_after, to_after) = (nl_date(&i.after_period.from), nl_date(&i.after_period.to));
        why.push(Said {
            nl: format!(
                "{}: {} ({from_before} t/m {to_before}) → {} ({from_after} t/m {to_after}); telt niet mee in het voorstel: het hangt van veel meer af dan deze maatregel.",
                i.indicator.label(),
                number(i.before),
                number(i.after),
            ),
            en: format!(
                "{}: {} ({from_before} to {to_before}) → {} ({from_after} to {to_after}); does not count in the proposal: it depends on much more than this measure.",
                i.indicator.label_en(),
                number_en(i.before),
                number_en(i.after),
            ),
        });
    }
    let (why, why_en) = Said::split(why);
    Proposal { verdict, why, why_en }
}

/// The words for "no conclusion possible" opening a line, in Dutch and English.
const NONE_NL: &str = "Geen conclusie mogelijk";
const NONE_EN: &str = "No conclusion possible";

fn decide(
    carried_out: CarriedOut,
    team_changed: bool,
    changes: &[Change],
    measured: bool,
    why: &mut Vec<Said>,
) -> Option<Verdict> {
    if carried_out == CarriedOut::Nee {
        why.push(Said::new(
            "Niet uitgevoerd: er is geen effect om te beoordelen.",
            "Not carried out: there is no effect to judge.",
        ));
        return Some(Verdict::NietUitgevoerd);
    }
    if changes.is_empty() {
        why.push(if measured {
            Said {
                nl: format!("{NONE_NL}: er is nog geen hermeting na de nulmeting van de thema's van deze interventie."),
                en: format!("{NONE_EN}: there is no re-measurement yet after the baseline of this intervention's themes."),
            }
        } else {
            Said {
                nl: format!(
                    "{NONE_NL}: er is geen nulmeting van de thema's van deze interventie (een teamgesprek of vragenlijst vóór de start)."
                ),
                en: format!(
                    "{NONE_EN}: there is no baseline of this intervention's themes (a team conversation or questionnaire before the start)."
                ),
            }
        });
        return None;
    }
    if team_changed {
        why.push(Said {
            nl: format!(
                "{NONE_NL}: het team is veranderd sinds de nulmeting, dus een verschil zegt weinig over deze maatregel."
            ),
            en: format!(
                "{NONE_EN}: the team has changed since the baseline, so a difference says little about this measure."
            ),
        });
        return None;
    }
    let fewest = changes.iter().flat_map(|c| [c.before.n, c.after.n]).map(|n| n.unwrap_or(0)).min().unwrap_or(0);
    if fewest < MIN_GROUP {
        why.push(Said {
            nl: format!(
                "{NONE_NL}: te weinig mensen (n = {fewest}); bij minder dan {MIN_GROUP} mensen zegt een verschil niet genoeg."
            ),
            en: format!(
                "{NONE_EN}: too few people (n = {fewest}); with fewer than {MIN_GROUP} people a difference does not say enough."
            ),
        });
        return None;
    }
    let count = |d: Direction| changes.iter().filter(|c| c.direction == d).count();
    let (better, worse, same) = (count(Direction::Beter), count(Direction::Slechter), count(Direction::Gelijk));
    let verdict = if better == changes.len() {
        why.push(Said {
            nl: format!("Voorstel werkte: elk gemeten thema is minstens een punt beter ({better} van {better})."),
            en: format!("Proposal worked: every measured theme is at least one point better ({better} of {better})."),
        });
        Verdict::Werkte
    } else if better == 0 && worse + same == changes.len() {
        why.push(Said {
            nl: format!("Voorstel werkte niet: geen gemeten thema is beter ({worse} slechter, {same} gelijk)."),
            en: format!("Proposal did not work: no measured theme is better ({worse} worse, {same} the same)."),
        });
        Verdict::WerkteNiet
    } else {
        let open = changes.len() - better - worse - same;
        why.push(Said {
            nl: format!(
                "Voorstel onduidelijk: de metingen wijzen niet één kant op ({better} beter, {worse} slechter, {same} gelijk, {open} zonder bekende drempel)."
            ),
            en: format!(
                "Proposal unclear: the measurements do not point one way ({better} better, {worse} worse, {same} the same, {open} without a known threshold)."
            ),
        });
        Verdict::Onduidelijk
    };
    match carried_out {
        CarriedOut::Deels => why.push(Said::new("Let op: deels uitgevoerd.", "Note: partly carried out.")),
        CarriedOut::Gestopt if verdict == Verdict::Werkte => {
            why.insert(
                0,
                Said::new(
                    "Gestopt voor het klaar was: een verbetering is dan moeilijk aan deze maatregel toe te schrijven.",
                    "Stopped before it was finished: an improvement is then hard to put down to this measure.",
                ),
            );
            return Some(Verdict::Onduidelijk);
        }
        CarriedOut::Gestopt => {
            why.push(Said::new("Let op: gestopt voor het klaar was.", "Note: stopped before it was finished."))
        }
        _ => {}
    }
    Some(verdict)
}

/// A number for people: a decimal comma, at most two decimals.
pub fn number(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// A number for people reading English: a decimal point, at most two decimals.
pub fn number_en(value: f64) -> String {
    number(value).replace(',', ".")
}

/// The themes that did not improve (the same or worse) in a conversation's ratings or a
/// 1–5 questionnaire of the team guide's themes, as signals for the advisor, lowest first:
/// "Nieuw advies voor wat nog speelt".
pub fn still_playing(changes: &[Change], guides: &Conversations) -> Vec<crate::advisor::Signal> {
    let team = guides.guides.iter().find(|g| g.group);
    let mut out: Vec<crate::advisor::Signal> = Vec::new();
    for c in changes {
        if !matches!(c.direction, Direction::Gelijk | Direction::Slechter) {
            continue;
        }
        // The guide whose theme this is: the conversation's own, or the team guide for a
        // questionnaire of its themes (the team thermometer).
        let guide = match c.kind {
            MeasurementKind::Gesprek => guides.guide(&c.source),
            MeasurementKind::Instrument => team.filter(|g| g.theme(&c.key).is_some()),
        };
        let Some(theme) = guide.and_then(|g| g.theme(&c.key)) else { continue };
        if (c.scale.min - 1.0).abs() > 1e-9 || (c.scale.max - f64::from(RATING_MAX)).abs() > 1e-9 {
            continue;
        }
        let rating = c.after.value.round().clamp(1.0, f64::from(RATING_MAX)) as u8;
        if out.iter().any(|s| s.theme == theme.id) {
            continue;
        }
        out.push(crate::advisor::Signal {
            guide: c.source.clone(),
            named: "de hermeting".into(),
            named_en: "the re-measurement".into(),
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
    out.sort_by_key(|s| s.rating);
    // A theme still rated low comes first among equals; keep the order stable otherwise.
    out.sort_by_key(|s| s.rating > LOW_RATING);
    out
}

/// An evaluation checked against its dossier, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The plan item.
    pub item: i64,
    /// The day.
    pub date: String,
    /// Carried out.
    pub carried_out: CarriedOut,
    /// Reach.
    pub reached: Option<u32>,
    /// Out of.
    pub reach_of: Option<u32>,
    /// What the team says.
    pub team_says: Option<String>,
    /// Whether the team changed.
    pub team_changed: bool,
    /// Indicators.
    pub indicators: Vec<IndicatorValue>,
    /// The verdict.
    pub verdict: Verdict,
    /// The reason.
    pub reason: Option<String>,
}

/// Checks an evaluation's fields (every problem as (field, message), in Dutch); `today` is
/// the default day. The dossier's side (the item exists, a reason where the verdict departs
/// from the proposal) is checked by the store.
pub fn check(input: &EvaluationInput, today: &str) -> std::result::Result<Checked, Vec<(String, String)>> {
    let mut problems: Vec<(String, String)> = Vec::new();
    let date = input.date.clone().filter(|d| !d.trim().is_empty()).unwrap_or_else(|| today.to_string());
    if let Err(e) = crate::time::parse_date("date", &date) {
        problems.push(("date".into(), e.to_string().trim_start_matches("date: ").to_string()));
    }
    let carried_out = input.carried_out.parse::<CarriedOut>().map_err(|e| problems.push(field_message(e))).ok();
    let verdict = input.verdict.parse::<Verdict>().map_err(|e| problems.push(field_message(e))).ok();
    let count = |field: &str, value: Option<f64>, problems: &mut Vec<(String, String)>| -> Option<u32> {
        let value = value?;
        if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= 1_000_000.0 {
            Some(value as u32)
        } else {
            problems.push((field.into(), format!("{value} kan niet: geef een heel getal van 0 of meer")));
            None
        }
    };
    let reached = count("reached", input.reached, &mut problems);
    let reach_of = count("reach_of", input.reach_of, &mut problems);
    if let (Some(r), Some(of)) = (reached, reach_of)
        && r > of
    {
        problems
            .push(("reached".into(), format!("{r} bereikt van {of} kan niet: bereikt is niet meer dan het totaal")));
    }
    if reached.is_some() != reach_of.is_some() {
        problems.push(("reach_of".into(), "geef het bereik als twee getallen: hoeveel van hoeveel".into()));
    }
    let text = |field: &str, value: &Option<String>, problems: &mut Vec<(String, String)>| -> Option<String> {
        let value = value.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
        if let Some(message) = text_problem(value) {
            problems.push((field.into(), message));
        }
        Some(value.to_string())
    };
    let team_says = text("team_says", &input.team_says, &mut problems);
    let reason = text("reason", &input.reason, &mut problems);
    let mut indicators = Vec::new();
    for (i, ind) in input.indicators.iter().enumerate() {
        let at = |f: &str| format!("indicators[{i}].{f}");
        let indicator = match ind.indicator.parse::<Indicator>() {
            Ok(x) => Some(x),
            Err(e) => {
                problems.push((at("indicator"), field_message(e).1));
                None
            }
        };
        if indicator.is_some_and(|x| input.indicators[..i].iter().any(|o| o.indicator == x.as_str())) {
            problems.push((at("indicator"), format!("{} staat er twee keer in", ind.indicator)));
        }
        for (f, v) in [("before", ind.before), ("after", ind.after)] {
            if !v.is_finite() || v < 0.0 || (indicator == Some(Indicator::Verzuimpercentage) && v > 100.0) {
                problems.push((at(f), format!("{v} kan niet: geef een getal van 0 of meer (een percentage tot 100)")));
            }
        }
        let mut period_ok = true;
        for (f, p) in [("before_period", &ind.before_period), ("after_period", &ind.after_period)] {
            for (end, d) in [("from", &p.from), ("to", &p.to)] {
                if !crate::time::is_date(d) {
                    problems.push((at(&format!("{f}.{end}")), format!("\"{d}\" is geen datum (JJJJ-MM-DD)")));
                    period_ok = false;
                }
            }
            if period_ok && p.from > p.to {
                problems.push((at(f), format!("{} ligt na {}: de periode loopt achteruit", p.from, p.to)));
                period_ok = false;
            }
        }
        if period_ok && ind.before_period.to >= ind.after_period.from {
            problems.push((at("after_period"), "de periode erna begint pas na de periode ervoor".into()));
        }
        if let Some(indicator) = indicator {
            indicators.push(IndicatorValue {
                indicator,
                before: ind.before,
                after: ind.after,
                before_period: ind.before_period.clone(),
                after_period: ind.after_period.clone(),
            });
        }
    }
    match (carried_out, verdict) {
        (Some(c), Some(v)) if problems.is_empty() => Ok(Checked {
            item: input.item,
            date,
            carried_out: c,
            reached,
            reach_of,
            team_says,
            team_changed: input.team_changed,
            indicators,
            verdict: v,
            reason,
        }),
        _ => Err(problems),
    }
}

fn field_message(e: Error) -> (String, String) {
    match e {
        Error::InvalidInput { field, message } => (field, message),
        other => ("evaluatie".into(), other.to_string()),
    }
}

/// What is wrong with a free text, if anything: too long, a control character, or medical
/// details (as in a conversation's notes).
fn text_problem(text: &str) -> Option<String> {
    let length = text.chars().count();
    if length > MAX_TEXT_CHARS {
        return Some(format!("{length} tekens is te lang; ten hoogste {MAX_TEXT_CHARS}"));
    }
    if let Some(c) = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')) {
        return Some(format!("bevat een stuurteken (U+{:04X})", u32::from(c)));
    }
    super::talk::medical_word(text)
        .map(|word| format!("noteer geen medische gegevens (\"{word}\"): schrijf op wat er in het werk speelt"))
}

/// Writes an evaluation of plan item `item` into dossier `id`; answers its new id.
pub(super) fn insert_evaluation(tx: &Transaction<'_>, id: &str, item: i64, e: &Evaluation) -> Result<i64> {
    let why = serde_json::to_string(&e.proposal.why).map_err(Error::json("het voorstel"))?;
    exec(
        tx,
        "INSERT INTO evaluations (dossier_id, plan_item_id, date, carried_out, reached, reach_of, team_says,
                                  team_changed, proposed, proposal, verdict, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            id,
            item,
            e.date,
            e.carried_out.as_str(),
            e.reached,
            e.reach_of,
            e.team_says,
            e.team_changed,
            e.proposal.verdict.map(Verdict::as_str),
            why,
            e.verdict.as_str(),
            e.reason,
            e.created_at
        ],
    )?;
    let evaluation = tx.last_insert_rowid();
    for i in &e.indicators {
        exec(
            tx,
            "INSERT INTO evaluation_indicators (evaluation_id, indicator, before, after, before_from, before_to,
                                                after_from, after_to)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                evaluation,
                i.indicator.as_str(),
                i.before,
                i.after,
                i.before_period.from,
                i.before_period.to,
                i.after_period.from,
                i.after_period.to
            ],
        )?;
    }
    Ok(evaluation)
}

/// The evaluations of dossier `id`, by item and date. A word this program does not know (a
/// newer one's) leaves the evaluation out rather than guessing.
pub(super) fn evaluations(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<Vec<Evaluation>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_item_id, date, carried_out, reached, reach_of, team_says, team_changed, proposed, proposal,
                verdict, reason, created_at
         FROM evaluations WHERE dossier_id = ?1 ORDER BY plan_item_id, date, id",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<u32>>(4)?,
                r.get::<_, Option<u32>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, String>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, String>(12)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut indicators = conn.prepare(
        "SELECT indicator, before, after, before_from, before_to, after_from, after_to
         FROM evaluation_indicators WHERE evaluation_id = ?1 ORDER BY rowid",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (eid, item, date, carried, reached, reach_of, team_says, team_changed, proposed, why, verdict, reason, at) in
        rows
    {
        let (Ok(carried_out), Ok(verdict)) = (carried.parse::<CarriedOut>(), verdict.parse::<Verdict>()) else {
            continue;
        };
        let values = indicators
            .query_map([eid], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, f64>(1)?,
                    r.get::<_, f64>(2)?,
                    Period { from: r.get(3)?, to: r.get(4)? },
                    Period { from: r.get(5)?, to: r.get(6)? },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push(Evaluation {
            id: eid,
            item,
            date,
            carried_out,
            reached,
            reach_of,
            team_says,
            team_changed,
            indicators: values
                .into_iter()
                .filter_map(|(name, before, after, before_period, after_period)| {
                    Some(IndicatorValue { indicator: name.parse().ok()?, before, after, before_period, after_period })
                })
                .collect(),
            proposal: Proposal {
                verdict: proposed.and_then(|p| p.parse().ok()),
                why: serde_json::from_str(&why).unwrap_or_default(),
                why_en: Vec::new(),
            },
            verdict,
            reason,
            created_at: at,
        });
    }
    Ok(out)
}

/// What evaluating did: the evaluation as stored, the item's status after it, and the
/// measurements before and after that the proposal looked at.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EvaluateOutcome {
    /// The dossier.
    pub id: String,
    /// The evaluation as stored.
    pub evaluation: Evaluation,
    /// Whether it replaced one of the same item on the same day.
    pub replaced: bool,
    /// The plan item's status now.
    pub status: PlanStatus,
    /// The relevant measurements before and after.
    pub changes: Vec<Change>,
}

/// What the evaluation screen shows before a verdict is given: the item, the proposal for
/// what is known so far, and the measurements before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EvaluationDraft {
    /// The plan item.
    pub item: super::PlanItem,
    /// The intervention's name.
    pub intervention: String,
    /// The proposal for these answers (carried out, team changed, reach, indicators).
    pub proposal: Proposal,
    /// The relevant measurements before and after.
    pub changes: Vec<Change>,
    /// Earlier evaluations of this item.
    pub earlier: Vec<Evaluation>,
}

impl Store {
    /// Stores an evaluation of a plan item of dossier `id` (replacing one of the same item on
    /// the same day) with `proposal`, and sets the item's status from whether it was carried
    /// out (ja: afgerond, deels: lopend, gestopt: gestopt; nee leaves it). A verdict that
    /// departs from the proposal needs a reason.
    pub fn dossier_evaluate(&mut self, id: &str, checked: &Checked, proposal: Proposal) -> Result<(Evaluation, bool)> {
        let dossier = self.dossier(id)?;
        let Some(item) = dossier.plan.iter().find(|p| p.id == checked.item) else {
            return Err(Error::InvalidEvaluation {
                problems: vec![(
                    "item".into(),
                    format!(
                        "dossier {id} heeft geen actiepunt {}{}",
                        checked.item,
                        if dossier.plan.is_empty() {
                            " (het heeft nog geen actieplan)".to_string()
                        } else {
                            format!(
                                "; kies uit: {}",
                                dossier.plan.iter().map(|p| p.id.to_string()).collect::<Vec<_>>().join(", ")
                            )
                        }
                    ),
                )],
            });
        };
        if proposal.verdict != Some(checked.verdict) && checked.reason.is_none() {
            return Err(Error::InvalidEvaluation {
                problems: vec![(
                    "reason".into(),
                    format!(
                        "uw oordeel ({}) wijkt af van het voorstel ({}); geef de reden (--reason)",
                        checked.verdict.label(),
                        proposal.label()
                    ),
                )],
            });
        }
        let now = self.clock().now_utc();
        let evaluation = Evaluation {
            id: 0,
            item: checked.item,
            date: checked.date.clone(),
            carried_out: checked.carried_out,
            reached: checked.reached,
            reach_of: checked.reach_of,
            team_says: checked.team_says.clone(),
            team_changed: checked.team_changed,
            indicators: checked.indicators.clone(),
            proposal,
            verdict: checked.verdict,
            reason: checked.reason.clone(),
            created_at: now.clone(),
        };
        let status = match checked.carried_out {
            CarriedOut::Ja => Some(PlanStatus::Afgerond),
            CarriedOut::Deels => Some(PlanStatus::Lopend),
            CarriedOut::Gestopt => Some(PlanStatus::Gestopt),
            CarriedOut::Nee => None,
        };
        let item_id = item.id;
        let (new_id, replaced) = self.write(|tx| {
            touch(tx, id, &now)?;
            let replaced = tx
                .query_row(
                    "SELECT 1 FROM evaluations WHERE plan_item_id = ?1 AND date = ?2",
                    params![item_id, checked.date],
                    |_| Ok(()),
                )
                .optional()
                .map_err(sql)?
                .is_some();
            exec(tx, "DELETE FROM evaluations WHERE plan_item_id = ?1 AND date = ?2", params![item_id, checked.date])?;
            let new_id = insert_evaluation(tx, id, item_id, &evaluation)?;
            if let Some(status) = status {
                exec(tx, "UPDATE plan_items SET status = ?2 WHERE id = ?1", params![item_id, status])?;
            }
            Ok((new_id, replaced))
        })?;
        let stored = evaluations(self.conn(), id)
            .map_err(sql)?
            .into_iter()
            .find(|e| e.id == new_id)
            .ok_or_else(|| super::not_found(id))?;
        Ok((stored, replaced))
    }
}

#[cfg(test)]
mod tests;
