//! The advisor: turns the answers to the decision tree into ranked recommendations, each
//! with concrete Dutch reasons, plus the leidraad's advice for the chosen steps and role and,
//! given what an organisation already offers, the level × step coverage (the *aanbod-scan*).
//!
//! Pure code: no I/O, no clock, no randomness. The same answers on the same day give the
//! same order; "today" is passed in, so an evidence judgement over five years old (see
//! [`evidence_lapse`]) is named in the reasons ("beoordeling verlopen") and counts as none
//! against a minimum asked; an undated one weighs least.
//!
//! Ranking: the requested level is a hard condition (every recommendation fits it). Step,
//! role, themes, sector, risk group and the constraints add to or take from a score; a
//! recommendation that misses one keeps its place in the list with the mismatch named, so
//! the list is never silently empty. The scorer, one method per criterion, is in `score.rs`;
//! every weight, with why it is what it is, in [`WEIGHTS`].

use std::cmp::Reverse;
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::model::Presets;
use crate::catalogue::{Intervention, StepGuide, Taxonomy, Term, check_term, evidence_lapse};
use crate::error::Result;

mod coverage;
mod score;
mod talk;

pub use coverage::{Coverage, CoverageCell, coverage};
pub use score::{Leidraad, WEIGHTS, Weights};
use score::{Scored, Scorer};
pub use talk::{Signal, name_in_english};

/// The answers to the decision tree. Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
#[serde(default)]
pub struct Answers {
    /// Which of the four ways in was taken.
    pub entry: Option<String>,
    /// Who the user is.
    pub role: Option<String>,
    /// The level to act at (a hard condition).
    pub level: Option<String>,
    /// Steps of the leidraad; `B` means B1 and B2.
    pub steps: Vec<String>,
    /// Themes.
    pub themes: Vec<String>,
    /// Sector.
    pub sector: Option<String>,
    /// A risk group.
    pub risk_group: Option<String>,
    /// Minimum evidence level.
    pub min_evidence: Option<String>,
    /// Only free interventions.
    pub free: bool,
    /// At most this much time (a time class).
    pub max_time: Option<String>,
    /// Interventions the organisation already offers (for the aanbod-scan).
    pub have: Vec<String>,
    /// The themes a conversation rated low (`dossier talk`): their taxonomy themes, level
    /// and steps are among the answers above, and each adds its reason ("uit het
    /// teamgesprek: regelmogelijkheden 2 van 5") to the recommendations that address it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub signals: Vec<Signal>,
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Recommendation {
    /// Intervention id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Fit (higher is better).
    pub score: i32,
    /// Why it is recommended, in Dutch, concrete and checkable.
    pub reasons: Vec<String>,
    /// The same reasons in English, in the same order (the window's English interface).
    pub reasons_en: Vec<String>,
    /// What does not fit the answers, in Dutch; empty for an exact fit.
    pub mismatches: Vec<String>,
    /// The same in English, in the same order.
    pub mismatches_en: Vec<String>,
    /// The record's levels (for filtering the list in the window).
    pub levels: Vec<String>,
    /// The record's steps.
    pub steps: Vec<String>,
    /// The record's roles.
    pub roles: Vec<String>,
    /// The record's themes.
    pub themes: Vec<String>,
    /// The record's sectors.
    pub sectors: Vec<String>,
    /// The record's one-line summary (what it is).
    pub summary: String,
    /// The record's time class.
    pub time: String,
    /// The record's evidence level.
    pub evidence: String,
    /// Whether that judgement has lapsed (and so did not count in the ranking).
    pub evidence_lapsed: bool,
    /// The record's cost class.
    pub cost: String,
    /// Practice-based evidence beside the evidence label (own trajecten and the
    /// arbodienst's), filled in by the façade, never part of the score; absent when the
    /// intervention was never chosen here.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub practice: Option<crate::catalogue::practice::Practice>,
}

/// The leidraad's advice for one step and role.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StepAdvice {
    /// The step.
    pub step: String,
    /// The role.
    pub role: String,
    /// The advice as one text (items on separate lines).
    pub text: String,
    /// The advice items.
    pub items: Vec<String>,
    /// Whether the leidraad itself gives it (false: other sources or none).
    pub from_leidraad: bool,
    /// Why these advices (headings of the leidraad's reasons).
    pub why: Vec<String>,
}

/// The advisor's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Advice {
    /// Ranked recommendations, best first.
    pub recommendations: Vec<Recommendation>,
    /// The leidraad's advice for the chosen steps and role.
    pub advice: Vec<StepAdvice>,
    /// The aanbod-scan, when `have` was given.
    pub coverage: Option<Coverage>,
    /// Whether at least one recommendation fits every answer.
    pub exact: bool,
    /// Notes on the answers: nothing fits exactly, conflicting answers. Printed in the report.
    pub notes: Vec<String>,
    /// The same notes in English, in the same order.
    pub notes_en: Vec<String>,
    /// Notes about the user's own role ("the leidraad does not address arboprofessionals at
    /// step C"): for the user on screen, never printed in the client's report.
    pub user_notes: Vec<String>,
    /// The same in English, in the same order.
    pub user_notes_en: Vec<String>,
}

/// A text the advisor writes for people, in Dutch (the command line, the report, the
/// window in Dutch) and in English (the window in English). Both are made in one place, so
/// they cannot drift apart; a face picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Said {
    /// In Dutch.
    pub nl: String,
    /// In English.
    pub en: String,
}

impl Said {
    pub(crate) fn new(nl: &str, en: &str) -> Self {
        Said { nl: nl.to_string(), en: en.to_string() }
    }

    /// Dutch and English lists, in the same order.
    pub(crate) fn split(list: Vec<Said>) -> (Vec<String>, Vec<String>) {
        list.into_iter().map(|s| (s.nl, s.en)).unzip()
    }
}

/// Fills what a way in presets (its role, level and steps) where `answers` give nothing;
/// an answer given stays. The window does the same when a way in is chosen.
pub fn preset(answers: &mut Answers, presets: &Presets) {
    if answers.role.is_none() {
        answers.role.clone_from(&presets.role);
    }
    if answers.level.is_none() {
        answers.level.clone_from(&presets.level);
    }
    if answers.steps.is_empty() {
        answers.steps.clone_from(&presets.steps);
    }
}

/// Checks every answer against the taxonomy; an unknown value names the allowed ones.
pub fn check(answers: &Answers, taxonomy: &Taxonomy) -> Result<()> {
    check_term("rol", answers.role.as_deref(), &taxonomy.roles)?;
    check_term("niveau", answers.level.as_deref(), &taxonomy.levels)?;
    for step in &answers.steps {
        if step != "B" {
            check_term("stap", Some(step), &taxonomy.steps)?;
        }
    }
    for theme in &answers.themes {
        check_term("thema", Some(theme), &taxonomy.themes)?;
    }
    check_term("sector", answers.sector.as_deref(), &taxonomy.sectors)?;
    check_term("risicogroep", answers.risk_group.as_deref(), &taxonomy.risk_groups)?;
    check_term("bewijsniveau", answers.min_evidence.as_deref(), &taxonomy.evidence_levels)?;
    check_term("tijdsduur", answers.max_time.as_deref(), &taxonomy.time_classes)?;
    talk::check(&answers.signals, taxonomy)
}

/// The steps asked for, with `B` expanded to B1 and B2, in taxonomy order.
fn wanted_steps(answers: &Answers, taxonomy: &Taxonomy) -> Vec<String> {
    let mut set = BTreeSet::new();
    for step in &answers.steps {
        if step == "B" {
            set.insert("B1".to_string());
            set.insert("B2".to_string());
        } else {
            set.insert(step.clone());
        }
    }
    taxonomy.steps.iter().filter(|s| set.contains(&s.id)).map(|s| s.id.clone()).collect()
}

fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
}

fn label_en<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map_or(id, |t| t.label_en.as_str())
}

fn rank(terms: &[Term], id: &str) -> u8 {
    terms.iter().find(|t| t.id == id).and_then(|t| t.rank).unwrap_or(0)
}

/// The plural of a role for "voor …" reasons, in Dutch and English.
fn role_plural(role: &str) -> (&'static str, &'static str) {
    match role {
        "beleidsmaker" => ("beleidsmakers", "policy makers"),
        "werkgever" => ("werkgevers (directie, HRM, OR)", "employers (management, HR, works council)"),
        "leidinggevende" => ("leidinggevenden", "team leaders"),
        "medewerker" => ("medewerkers", "workers"),
        "arboprofessional" => ("arboprofessionals", "occupational health professionals"),
        _ => ("deze rol", "this role"),
    }
}

fn level_phrase(level: &str) -> Said {
    match level {
        "individu" => Said::new("gericht op het individu", "aimed at the individual"),
        "team" => Said::new("gericht op teamniveau", "aimed at the team"),
        "organisatie" => Said::new("gericht op organisatieniveau", "aimed at the organisation"),
        _ => Said::new("gericht op dit niveau", "aimed at this level"),
    }
}

/// The evidence rank that counts on `today`: that of `onbekend` (0) once the judgement has
/// lapsed.
fn counted_rank(taxonomy: &Taxonomy, r: &Intervention, today: &str) -> u8 {
    if evidence_lapse(&r.evidence, today).is_some() { 0 } else { rank(&taxonomy.evidence_levels, &r.evidence.level) }
}

/// Ranks `records` for `answers` on `today` (YYYY-MM-DD). `limit` caps the recommendations
/// (at least 1).
pub fn advise(
    records: &[Intervention],
    taxonomy: &Taxonomy,
    guides: &[StepGuide],
    answers: &Answers,
    limit: usize,
    today: &str,
) -> Result<Advice> {
    advise_leading(records, taxonomy, guides, answers, Leading::default(), limit, today)
}

/// Records put forward by who asks: by the way in the user took (`by_entry`, put first), or,
/// without one, by the way in made for the same role and level (meant for the person asking,
/// so weighted less: ahead of records merely tagged with the role, not of everything).
#[derive(Debug, Clone, Copy, Default)]
pub struct Leading<'a> {
    /// The records, by id.
    pub ids: &'a [String],
    /// Whether the user took the way in that names them.
    pub by_entry: bool,
}

/// [`advise`], with the records put forward for who asks (`lead`): for the worker's "Bij wie
/// kan ik terecht?", the people and services a worker can turn to.
#[allow(clippy::too_many_arguments)]
pub fn advise_leading(
    records: &[Intervention],
    taxonomy: &Taxonomy,
    guides: &[StepGuide],
    answers: &Answers,
    lead: Leading<'_>,
    limit: usize,
    today: &str,
) -> Result<Advice> {
    check(answers, taxonomy)?;
    let steps = wanted_steps(answers, taxonomy);
    let coverage = (!answers.have.is_empty()).then(|| coverage(records, taxonomy, &answers.have));
    let gaps =
        coverage.as_ref().map(|c| c.gaps.iter().map(|(l, s)| (l.as_str(), s.as_str())).collect()).unwrap_or_default();
    let scorer = Scorer::new(taxonomy, guides, answers, lead, today, &steps, gaps);
    // Equal scores: in the order the leidraad's advice for the asker names them, then the
    // more certain judgement first (a lapsed or undated one after), then by id. Each key is
    // worked out once per record, not once per comparison.
    // The sort key: higher score, earlier in the leidraad's advice, more certain judgement.
    let mut ranked: Vec<(_, &Intervention)> = records
        .iter()
        .filter_map(|r| {
            let s = scorer.score(r, false)?;
            Some(((Reverse(s.score), scorer.leidraad_order(r), Reverse(score::certainty(r, today))), r))
        })
        .collect();
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.id.cmp(&b.1.id)));
    ranked.truncate(limit.max(1));
    let mut scored: Vec<Recommendation> = ranked
        .into_iter()
        .filter_map(|(_, r)| {
            let Scored { score, reasons, mismatches } = scorer.score(r, true)?;
            let (reasons, reasons_en) = Said::split(reasons);
            let (mismatches, mismatches_en) = Said::split(mismatches);
            Some(Recommendation {
                id: r.id.clone(),
                name: r.name.clone(),
                score,
                reasons,
                reasons_en,
                mismatches,
                mismatches_en,
                levels: r.levels.clone(),
                steps: r.steps.clone(),
                roles: r.roles.clone(),
                themes: r.themes.clone(),
                sectors: r.sectors.clone(),
                summary: r.summary.clone(),
                time: r.time_class.clone(),
                evidence: r.evidence.level.clone(),
                evidence_lapsed: evidence_lapse(&r.evidence, today).is_some(),
                cost: r.cost_class.clone(),
                practice: None,
            })
        })
        .collect();
    // Stable: equal scores keep the order above.
    scored.sort_by_key(|r| Reverse(r.score));
    scored.truncate(limit.max(1));
    talk::explain(&mut scored, &answers.signals);
    let exact = scored.iter().any(|r| r.mismatches.is_empty());

    let (user_notes, user_notes_en) = Said::split(role_notes(guides, taxonomy, answers, &steps));
    let mut notes = conflicts(records, taxonomy, answers, today);
    if !exact && !scored.is_empty() {
        notes.insert(
            0,
            Said::new(
                "Geen interventie past precies bij alle antwoorden; dit zijn de dichtstbijzijnde, met wat er niet past.",
                "No intervention fits every answer exactly; these are the closest, with what does not fit.",
            ),
        );
    }
    if scored.is_empty() {
        let level = answers.level.as_deref();
        let nl = level.map_or("dit niveau".into(), |l| format!("{}niveau", label(&taxonomy.levels, l).to_lowercase()));
        let en =
            level.map_or("this level".into(), |l| format!("{} level", label_en(&taxonomy.levels, l).to_lowercase()));
        notes.push(Said {
            nl: format!("De catalogus heeft nog niets op {nl} dat u niet al aanbiedt."),
            en: format!("The catalogue has nothing yet at {en} that you do not already offer."),
        });
    }
    let (notes, notes_en) = Said::split(notes);
    let advice = step_advice(guides, answers, &steps);
    Ok(Advice { recommendations: scored, advice, coverage, exact, notes, notes_en, user_notes, user_notes_en })
}

/// The leidraad's advice for the role at each chosen step (all steps when none was chosen).
fn step_advice(guides: &[StepGuide], answers: &Answers, steps: &[String]) -> Vec<StepAdvice> {
    let Some(role) = &answers.role else {
        return Vec::new();
    };
    guides
        .iter()
        .filter(|g| steps.is_empty() || steps.contains(&g.step))
        .filter_map(|g| {
            let advice = g.advice.iter().find(|a| &a.role == role)?;
            Some(StepAdvice {
                step: g.step.clone(),
                role: role.clone(),
                text: advice.items.join("\n"),
                items: advice.items.clone(),
                from_leidraad: advice.from_leidraad,
                why: g.rationale.iter().map(|r| r.heading.clone()).collect(),
            })
        })
        .collect()
}

/// Where the leidraad does not address the user's role at a chosen step (named by what it
/// is about, not its code).
fn role_notes(guides: &[StepGuide], taxonomy: &Taxonomy, answers: &Answers, steps: &[String]) -> Vec<Said> {
    let mut notes = Vec::new();
    if let Some(role) = &answers.role {
        let (who_nl, who_en) = role_plural(role);
        for guide in guides.iter().filter(|g| steps.contains(&g.step)) {
            if guide.advice.iter().any(|a| &a.role == role && !a.from_leidraad) {
                let step = &guide.step;
                notes.push(Said {
                    nl: format!(
                        "De leidraad richt zich bij ‘{}’ niet op {who_nl}; het advies hieronder komt uit andere bronnen of ontbreekt.",
                        label(&taxonomy.steps, step).to_lowercase()
                    ),
                    en: format!(
                        "On ‘{}’ the guideline does not address {who_en}; the advice below comes from other sources, or there is none.",
                        label_en(&taxonomy.steps, step).to_lowercase()
                    ),
                });
            }
        }
    }
    notes
}

/// Answers that pull against each other, named.
fn conflicts(records: &[Intervention], taxonomy: &Taxonomy, answers: &Answers, today: &str) -> Vec<Said> {
    let mut notes = Vec::new();
    if answers.free && answers.min_evidence.is_some() {
        let min = answers.min_evidence.as_deref().map_or(0, |e| rank(&taxonomy.evidence_levels, e));
        let both = records.iter().any(|r| r.cost_class == "gratis" && counted_rank(taxonomy, r, today) >= min);
        if !both {
            let wanted = answers.min_evidence.as_deref().unwrap_or_default();
            notes.push(Said {
                nl: format!(
                    "Tegenstrijdig: gratis én minstens \"{}\" komt in de catalogus niet samen voor; de lijst weegt beide mee.",
                    label(&taxonomy.evidence_levels, wanted).to_lowercase()
                ),
                en: format!(
                    "Conflicting: free and at least “{}” do not occur together in the catalogue; the list weighs both.",
                    label_en(&taxonomy.evidence_levels, wanted).to_lowercase()
                ),
            });
        }
    }
    if let (Some(role), Some(level)) = (&answers.role, &answers.level)
        && !records.iter().any(|r| r.levels.contains(level) && r.roles.contains(role))
    {
        let (who_nl, who_en) = role_plural(role);
        notes.push(Said {
            nl: format!(
                "Tegenstrijdig: de catalogus heeft niets voor {who_nl} op {}niveau.",
                label(&taxonomy.levels, level).to_lowercase()
            ),
            en: format!(
                "Conflicting: the catalogue has nothing for {who_en} at {} level.",
                label_en(&taxonomy.levels, level).to_lowercase()
            ),
        });
    }
    // A theme nothing at the chosen level is about: say so, and where it is found, rather than
    // let records about something else stand as the answer unexplained.
    if let Some(level) = &answers.level {
        for theme in &answers.themes {
            let about = |r: &&Intervention| r.themes.contains(theme);
            if records.iter().filter(about).any(|r| r.levels.contains(level)) {
                continue;
            }
            let elsewhere: Vec<&Term> = taxonomy
                .levels
                .iter()
                .filter(|l| records.iter().filter(about).any(|r| r.levels.contains(&l.id)))
                .collect();
            if elsewhere.is_empty() {
                continue;
            }
            let at = |l: &str, label: &str| match l {
                "individu" => "individueel niveau".to_string(),
                _ => format!("{}niveau", label.to_lowercase()),
            };
            let nl_levels: Vec<String> = elsewhere.iter().map(|l| at(&l.id, &l.label)).collect();
            let en_levels: Vec<String> =
                elsewhere.iter().map(|l| format!("{} level", l.label_en.to_lowercase())).collect();
            notes.push(Said {
                nl: format!(
                    "Op {} gaat niets in de catalogus over {}; op {} wel: kies dat niveau om die interventies te zien.",
                    at(level, label(&taxonomy.levels, level)),
                    label(&taxonomy.themes, theme).to_lowercase(),
                    nl_levels.join(" en ")
                ),
                en: format!(
                    "At {} level nothing in the catalogue is about {}; at {} there is: choose that level to see those interventions.",
                    label_en(&taxonomy.levels, level).to_lowercase(),
                    label_en(&taxonomy.themes, theme).to_lowercase(),
                    en_levels.join(" and ")
                ),
            });
        }
    }
    notes
}
