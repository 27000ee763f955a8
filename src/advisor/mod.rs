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

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Intervention, StepGuide, Taxonomy, Term, check_term, evidence_lapse};
use crate::error::Result;

mod coverage;
mod score;
mod talk;

pub use coverage::{Coverage, CoverageCell, coverage};
pub use score::{Leidraad, WEIGHTS, Weights};
use score::{Scored, Scorer};
pub use talk::Signal;

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
    /// What does not fit the answers, in Dutch; empty for an exact fit.
    pub mismatches: Vec<String>,
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
    /// Notes about the user's own role ("the leidraad does not address arboprofessionals at
    /// step C"): for the user on screen, never printed in the client's report.
    pub user_notes: Vec<String>,
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

fn rank(terms: &[Term], id: &str) -> u8 {
    terms.iter().find(|t| t.id == id).and_then(|t| t.rank).unwrap_or(0)
}

/// Dutch plural of a role for "voor …" reasons.
fn role_plural(role: &str) -> &'static str {
    match role {
        "beleidsmaker" => "beleidsmakers",
        "werkgever" => "werkgevers (directie, HRM, OR)",
        "leidinggevende" => "leidinggevenden",
        "medewerker" => "medewerkers",
        "arboprofessional" => "arboprofessionals",
        _ => "deze rol",
    }
}

fn level_phrase(level: &str) -> &'static str {
    match level {
        "individu" => "gericht op het individu",
        "team" => "gericht op teamniveau",
        "organisatie" => "gericht op organisatieniveau",
        _ => "gericht op dit niveau",
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
    let mut ranked: Vec<(i32, &Intervention)> =
        records.iter().filter_map(|r| scorer.score(r, false).map(|s| (s.score, r))).collect();
    // Equal scores: the more certain judgement first (a lapsed or undated one after), then by id.
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| score::certainty(b.1, today).cmp(&score::certainty(a.1, today)))
            .then(a.1.id.cmp(&b.1.id))
    });
    ranked.truncate(limit.max(1));
    let mut scored: Vec<Recommendation> = ranked
        .into_iter()
        .filter_map(|(_, r)| {
            let Scored { score, reasons, mismatches } = scorer.score(r, true)?;
            Some(Recommendation {
                id: r.id.clone(),
                name: r.name.clone(),
                score,
                reasons,
                mismatches,
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
    scored.sort_by_key(|r| std::cmp::Reverse(r.score));
    scored.truncate(limit.max(1));
    talk::explain(&mut scored, &answers.signals);
    let exact = scored.iter().any(|r| r.mismatches.is_empty());

    let user_notes = role_notes(guides, answers, &steps);
    let mut notes = conflicts(records, taxonomy, answers, today);
    if !exact && !scored.is_empty() {
        notes.insert(
            0,
            "Geen interventie past precies bij alle antwoorden; dit zijn de dichtstbijzijnde, met wat er niet past."
                .to_string(),
        );
    }
    if scored.is_empty() {
        let level = answers.level.as_deref().map_or("dit niveau", |l| label(&taxonomy.levels, l));
        notes.push(format!("De catalogus heeft nog niets op {level} dat u niet al aanbiedt."));
    }
    let advice = step_advice(guides, answers, &steps);
    Ok(Advice { recommendations: scored, advice, coverage, exact, notes, user_notes })
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

/// Where the leidraad does not address the user's role at a chosen step.
fn role_notes(guides: &[StepGuide], answers: &Answers, steps: &[String]) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(role) = &answers.role {
        for guide in guides.iter().filter(|g| steps.contains(&g.step)) {
            if guide.advice.iter().any(|a| &a.role == role && !a.from_leidraad) {
                notes.push(format!(
                    "De leidraad richt zich bij stap {} niet op {}; het advies hieronder komt uit andere bronnen of ontbreekt.",
                    guide.step,
                    role_plural(role)
                ));
            }
        }
    }
    notes
}

/// Answers that pull against each other, named.
fn conflicts(records: &[Intervention], taxonomy: &Taxonomy, answers: &Answers, today: &str) -> Vec<String> {
    let mut notes = Vec::new();
    if answers.free && answers.min_evidence.is_some() {
        let min = answers.min_evidence.as_deref().map_or(0, |e| rank(&taxonomy.evidence_levels, e));
        let both = records.iter().any(|r| r.cost_class == "gratis" && counted_rank(taxonomy, r, today) >= min);
        if !both {
            notes.push(format!(
                "Tegenstrijdig: gratis én minstens \"{}\" komt in de catalogus niet samen voor; de lijst weegt beide mee.",
                label(&taxonomy.evidence_levels, answers.min_evidence.as_deref().unwrap_or_default()).to_lowercase()
            ));
        }
    }
    if let (Some(role), Some(level)) = (&answers.role, &answers.level)
        && !records.iter().any(|r| r.levels.contains(level) && r.roles.contains(role))
    {
        notes.push(format!(
            "Tegenstrijdig: de catalogus heeft niets voor {} op {}niveau.",
            role_plural(role),
            label(&taxonomy.levels, level).to_lowercase()
        ));
    }
    notes
}
