//! The advisor: turns the answers to the decision tree into ranked recommendations, each
//! with concrete Dutch reasons, plus the leidraad's advice for the chosen steps and role and,
//! given what an organisation already offers, the level × step coverage (the *aanbod-scan*).
//!
//! Pure code: no I/O, no clock, no randomness. The same answers on the same day give the
//! same order; "today" is passed in, so an evidence judgement over five years old (see
//! [`evidence_lapse`]) is named in the reasons and no longer counts as evidence.
//!
//! Ranking: the requested level is a hard condition (every recommendation fits it). Step,
//! role, themes, sector, risk group and the constraints add to or take from a score; a
//! recommendation that misses one keeps its place in the list with the mismatch named, so
//! the list is never silently empty.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Intervention, StepGuide, Taxonomy, Term, check_term, evidence_lapse, sectors_fitting};
use crate::error::Result;

/// The answers to the decision tree. Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// One recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// The leidraad's advice for one step and role.
#[derive(Debug, Clone, PartialEq, Serialize)]
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

/// One cell of the level × step coverage matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageCell {
    /// Level.
    pub level: String,
    /// Step.
    pub step: String,
    /// What the organisation already offers here.
    pub covered_by: Vec<String>,
    /// How many interventions in the catalogue fit here.
    pub available: usize,
}

/// The aanbod-scan: what is covered and what is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Every cell, level by level, step by step.
    pub cells: Vec<CoverageCell>,
    /// The cells nothing covers yet.
    pub gaps: Vec<(String, String)>,
    /// Ids given as already offered that the catalogue does not know.
    pub unknown: Vec<String>,
}

/// The advisor's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    Ok(())
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

/// Reasons or mismatches, built only when they will be shown.
struct Notes {
    on: bool,
    list: Vec<String>,
}

impl Notes {
    fn new(on: bool) -> Self {
        Notes { on, list: Vec::new() }
    }

    fn push(&mut self, text: impl FnOnce() -> String) {
        if self.on {
            self.list.push(text());
        }
    }

    fn push_first(&mut self, text: impl FnOnce() -> String) {
        if self.on {
            self.list.insert(0, text());
        }
    }
}

/// The duration classes from short to long; `onbekend` is outside the order.
const TIME_ORDER: [&str; 3] = ["kort", "middel", "lang"];

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
    advise_leading(records, taxonomy, guides, answers, &[], limit, today)
}

/// How much a record the way in puts first ([`crate::catalogue::Entry::lead_with`]) gains:
/// enough to come before every record that only fits the answers.
const LEAD_WEIGHT: i32 = 40;

/// [`advise`], with the records the chosen way in puts first (`lead`, by id): for the
/// worker's "Bij wie kan ik terecht?", the people and services a worker can turn to.
#[allow(clippy::too_many_arguments)]
pub fn advise_leading(
    records: &[Intervention],
    taxonomy: &Taxonomy,
    guides: &[StepGuide],
    answers: &Answers,
    lead: &[String],
    limit: usize,
    today: &str,
) -> Result<Advice> {
    check(answers, taxonomy)?;
    let steps = wanted_steps(answers, taxonomy);
    let have: BTreeSet<&str> = answers.have.iter().map(String::as_str).collect();
    let coverage = (!answers.have.is_empty()).then(|| coverage(records, taxonomy, &answers.have));
    let gaps: BTreeSet<(&str, &str)> =
        coverage.as_ref().map(|c| c.gaps.iter().map(|(l, s)| (l.as_str(), s.as_str())).collect()).unwrap_or_default();
    let sector_fit = answers.sector.as_deref().map(|s| sectors_fitting(taxonomy, s));
    let min_rank = answers.min_evidence.as_deref().map(|e| rank(&taxonomy.evidence_levels, e));
    // The leidraad was written for zorg; its naming of an intervention weighs less elsewhere
    // (it "may contain generic elements", says the 2021 letter).
    let leidraad_weight = match &sector_fit {
        Some(fit) if !fit.iter().any(|s| s == "zorg") => 2,
        _ => 5,
    };

    // Scoring without explanations first (cheap), explanations for the top ones only.
    let evaluate = |r: &Intervention, explain: bool| -> Option<(i32, Vec<String>, Vec<String>)> {
        if have.contains(r.id.as_str()) {
            return None;
        }
        if let Some(level) = &answers.level
            && !r.levels.contains(level)
        {
            return None;
        }
        let mut score: i32 = 0;
        let mut reasons = Notes::new(explain);
        let mut mismatches = Notes::new(explain);
        if lead.contains(&r.id) {
            score += LEAD_WEIGHT;
            reasons.push(|| "hier kunt u zelf terecht".to_string());
        }

        // Step: the record's first step is its main one.
        if !steps.is_empty() {
            match steps.iter().filter_map(|s| r.steps.iter().position(|rs| rs == s).map(|p| (p, s))).min() {
                Some((position, step)) => {
                    score += if position == 0 { 30 } else { 22 };
                    reasons.push(|| format!("past bij stap {step}: {}", label(&taxonomy.steps, step).to_lowercase()));
                    for guide in guides.iter().filter(|g| steps.contains(&g.step)) {
                        if guide.good_practices.contains(&r.id) {
                            score += leidraad_weight * 8 / 5;
                            reasons.push(|| format!("goed praktijkvoorbeeld in de leidraad bij stap {}", guide.step));
                            break;
                        }
                    }
                }
                None => mismatches
                    .push(|| format!("past niet bij stap {} (wel bij stap {})", steps.join("/"), r.steps.join(", "))),
            }
        }
        if let Some(level) = &answers.level {
            score += 5;
            reasons.push(|| level_phrase(level).to_string());
        }
        // Role, and whether the leidraad names it in its advice for that role.
        if let Some(role) = &answers.role {
            if r.roles.contains(role) {
                score += 15;
                reasons.push(|| format!("voor {}", role_plural(role)));
            } else if role != "arboprofessional" {
                // An arbo professional advises on every intervention, also those meant for
                // others: that is no mismatch to name on each of them.
                mismatches.push(|| format!("niet specifiek voor {}", role_plural(role)));
            }
            let named = guides.iter().filter(|g| steps.is_empty() || steps.contains(&g.step)).find(|g| {
                g.advice.iter().any(|a| &a.role == role && a.from_leidraad && a.interventions.contains(&r.id))
            });
            if let Some(guide) = named {
                score += if steps.is_empty() { leidraad_weight } else { leidraad_weight * 2 };
                reasons.push(|| {
                    format!("genoemd in het advies van de leidraad voor {} bij stap {}", role_plural(role), guide.step)
                });
            }
        }
        // Themes.
        if !answers.themes.is_empty() {
            let matched: Vec<&String> = answers.themes.iter().filter(|t| r.themes.contains(t)).collect();
            if matched.is_empty() {
                score -= 15;
                mismatches.push(|| "geen van de gekozen thema's".to_string());
            } else {
                score += 25 + 8 * (matched.len().min(3) as i32 - 1);
                for theme in matched {
                    reasons.push(|| format!("thema: {}", label(&taxonomy.themes, theme).to_lowercase()));
                }
            }
        }
        // Sector.
        if let (Some(sector), Some(fit)) = (&answers.sector, &sector_fit) {
            if r.sectors.iter().any(|s| s == sector) {
                score += 20;
                reasons.push(|| format!("voor de sector {}", label(&taxonomy.sectors, sector).to_lowercase()));
            } else if let Some(s) = r.sectors.iter().find(|s| *s != "algemeen" && fit.contains(s)) {
                score += 16;
                reasons.push(|| format!("voor de sector {}", label(&taxonomy.sectors, s).to_lowercase()));
            } else if r.sectors.iter().any(|s| s == "algemeen") {
                score += 6;
                reasons.push(|| "voor alle sectoren".to_string());
            } else {
                score -= 15;
                let theirs: Vec<String> =
                    r.sectors.iter().map(|s| label(&taxonomy.sectors, s).to_lowercase()).collect();
                mismatches.push(|| format!("bedoeld voor een andere sector ({})", theirs.join(", ")));
            }
        }
        // Risk group.
        if let Some(group) = &answers.risk_group {
            if r.risk_groups.contains(group) {
                score += 14;
                reasons.push(|| format!("voor {}", label(&taxonomy.risk_groups, group).to_lowercase()));
            } else {
                mismatches
                    .push(|| format!("niet specifiek voor {}", label(&taxonomy.risk_groups, group).to_lowercase()));
            }
        }
        // Evidence, always stated; a lapsed judgement is named and counts for nothing.
        let lapse = evidence_lapse(&r.evidence, today);
        let evidence_rank = if lapse.is_some() { 0 } else { rank(&taxonomy.evidence_levels, &r.evidence.level) };
        score += i32::from(evidence_rank) * 3;
        let first_reference = r.evidence.references.first();
        match (r.evidence.level.as_str(), first_reference) {
            _ if lapse.is_some() => reasons.push(|| lapse.clone().unwrap_or_default()),
            ("effectief", Some(reference)) => {
                reasons.push(|| format!("effect aangetoond: {}", short_reference(reference)))
            }
            ("onderbouwd", Some(reference)) => reasons.push(|| format!("onderbouwd: {}", short_reference(reference))),
            ("praktijkvoorbeeld", _) => reasons.push(|| "goed praktijkvoorbeeld, effect niet onderzocht".to_string()),
            _ => reasons.push(|| "niet beoordeeld op effect".to_string()),
        }
        if let Some(min) = min_rank
            && evidence_rank < min
        {
            score -= 25;
            mismatches.push(|| {
                if lapse.is_some() {
                    "bewijs zwakker dan gevraagd (het oordeel is verlopen)".to_string()
                } else {
                    format!(
                        "bewijs zwakker dan gevraagd ({})",
                        label(&taxonomy.evidence_levels, &r.evidence.level).to_lowercase()
                    )
                }
            });
        }
        // Cost.
        match r.cost_class.as_str() {
            "gratis" => {
                reasons.push(|| "gratis".to_string());
                if answers.free {
                    score += 8;
                }
            }
            "betaald" if answers.free => {
                score -= 25;
                mismatches.push(|| "niet gratis".to_string());
            }
            "onbekend" if answers.free => {
                score -= 8;
                mismatches.push(|| "kosten niet bekend".to_string());
            }
            _ => {}
        }
        // Time.
        if let Some(max) = &answers.max_time {
            let limit_at = TIME_ORDER.iter().position(|t| t == max);
            let theirs = TIME_ORDER.iter().position(|t| *t == r.time_class);
            match (limit_at, theirs) {
                (Some(l), Some(t)) if t <= l => {
                    reasons.push(|| format!("tijd: {}", label(&taxonomy.time_classes, &r.time_class).to_lowercase()))
                }
                (Some(_), Some(_)) => {
                    score -= 15;
                    mismatches.push(|| {
                        format!("kost meer tijd ({})", label(&taxonomy.time_classes, &r.time_class).to_lowercase())
                    });
                }
                _ => {
                    score -= 3;
                    mismatches.push(|| "tijdsduur niet bekend".to_string());
                }
            }
        }
        // Aanbod-scan: fill the gaps first.
        if !gaps.is_empty() {
            let filled = r.levels.iter().find_map(|l| {
                let wanted_level = answers.level.as_ref().is_none_or(|x| x == l);
                r.steps
                    .iter()
                    .find(|s| {
                        wanted_level
                            && (steps.is_empty() || steps.contains(s))
                            && gaps.contains(&(l.as_str(), s.as_str()))
                    })
                    .map(|s| (l, s))
            });
            if let Some((level, step)) = filled {
                score += 20;
                reasons.push_first(|| {
                    format!(
                        "vult een gat in het aanbod: {} × stap {step}",
                        label(&taxonomy.levels, level).to_lowercase()
                    )
                });
            }
        }
        Some((score, reasons.list, mismatches.list))
    };
    let mut ranked: Vec<(i32, &Intervention)> =
        records.iter().filter_map(|r| evaluate(r, false).map(|(score, _, _)| (score, r))).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    ranked.truncate(limit.max(1));
    let mut scored: Vec<Recommendation> = ranked
        .into_iter()
        .filter_map(|(_, r)| {
            let (score, reasons, mismatches) = evaluate(r, true)?;
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
            })
        })
        .collect();
    scored.sort_by(|a, b| b.score.cmp(&a.score).then(a.id.cmp(&b.id)));
    scored.truncate(limit.max(1));
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

/// "Ketelaar et al. (2013), Mental Vitality @ Work, …" → "Ketelaar et al. (2013)".
fn short_reference(reference: &str) -> String {
    let cut = ["),", "):", ")."].iter().filter_map(|m| reference.find(m)).min().map_or(reference.len(), |i| i + 1);
    let short = reference[..cut].replace(" et al.", " e.a.");
    let short = short.trim();
    if short.chars().count() > 90 {
        format!("{}…", short.chars().take(88).collect::<String>().trim_end())
    } else {
        short.to_string()
    }
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

/// The aanbod-scan over the level × step matrix.
pub fn coverage(records: &[Intervention], taxonomy: &Taxonomy, have: &[String]) -> Coverage {
    let levels: Vec<&str> = taxonomy.levels.iter().map(|t| t.id.as_str()).collect();
    let steps: Vec<&str> = taxonomy.steps.iter().map(|t| t.id.as_str()).collect();
    let cell_of = |level: &str, step: &str| -> Option<usize> {
        Some(levels.iter().position(|l| *l == level)? * steps.len() + steps.iter().position(|s| *s == step)?)
    };
    let mut available = vec![0usize; levels.len() * steps.len()];
    let mut covered_by: Vec<Vec<String>> = vec![Vec::new(); levels.len() * steps.len()];
    let mut known = BTreeSet::new();
    for r in records {
        let offered = have.contains(&r.id);
        if offered {
            known.insert(r.id.as_str());
        }
        for level in &r.levels {
            for step in &r.steps {
                if let Some(cell) = cell_of(level, step) {
                    available[cell] += 1;
                    if offered {
                        covered_by[cell].push(r.id.clone());
                    }
                }
            }
        }
    }
    let unknown = have.iter().filter(|id| !known.contains(id.as_str())).cloned().collect();
    let mut cells = Vec::new();
    let mut gaps = Vec::new();
    for (li, level) in levels.iter().enumerate() {
        for (si, step) in steps.iter().enumerate() {
            let cell = li * steps.len() + si;
            let covered_by = std::mem::take(&mut covered_by[cell]);
            if covered_by.is_empty() {
                gaps.push((level.to_string(), step.to_string()));
            }
            cells.push(CoverageCell {
                level: level.to_string(),
                step: step.to_string(),
                covered_by,
                available: available[cell],
            });
        }
    }
    Coverage { cells, gaps, unknown }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_reference_keeps_author_and_year() {
        assert_eq!(short_reference("Ketelaar et al. (2013), Mental Vitality @ Work, JOEM"), "Ketelaar e.a. (2013)");
        assert_eq!(short_reference("Bronkhorst (2018)"), "Bronkhorst (2018)");
    }
}
