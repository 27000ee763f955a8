//! The scorer: how well one record fits the answers, criterion by criterion, each with the
//! Dutch reason or mismatch it gives. The points live in one place, [`WEIGHTS`].

use std::collections::BTreeSet;

use super::{Answers, Said, label, label_en, level_phrase, rank, role_plural};
use crate::catalogue::{Intervention, StepGuide, Taxonomy, evidence_lapse, evidence_undated, sectors_fitting};

/// What the leidraad's own words are worth, which depends on the sector (see
/// [`Weights::leidraad_in_zorg`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leidraad {
    /// The leidraad names the record in its advice for the user's role at a chosen step. In
    /// zorg its own advice for that audience and step leads: more than a good practice plus
    /// the difference between a sector's own record and one for every sector plus the whole
    /// evidence range, so a record merely tagged with the step never comes first.
    pub named_at_step: i32,
    /// The same, when no step was chosen: a weaker tie between the advice and the question.
    pub named: i32,
    /// The leidraad gives the record as a good practice at a chosen step.
    pub good_practice: i32,
}

/// The points of the ranking. Only the order they give matters; a record's score is the sum
/// of what each criterion adds or takes. A mismatch takes points, never the record away, so
/// the list is never silently empty (only the level is a hard condition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    /// A record the way in puts first ([`crate::catalogue::model::Entry::lead_with`]): enough to
    /// come before every record that only fits the answers.
    pub lead: i32,
    /// A record the way in for the asker's own role and level puts first, when the user did
    /// not take that way in: it is meant for the person asking (a worker asking for themself
    /// gets the people to turn to before a model for employers), but less than [`Weights::lead`].
    pub for_asker: i32,
    /// The chosen step is the record's main (first) step. The step is the leidraad's main
    /// axis, so this is the largest single fit.
    pub main_step: i32,
    /// The chosen step is one of the record's other steps: it fits, less squarely.
    pub other_step: i32,
    /// The leidraad was written for zorg; its naming of an intervention counts for most there.
    pub leidraad_in_zorg: Leidraad,
    /// Outside zorg the leidraad "may contain generic elements" (the 2021 letter), so its
    /// naming weighs less.
    pub leidraad_elsewhere: Leidraad,
    /// The level: a hard condition, so every ranked record gets this; it moves no record, it
    /// only lets the level be named among the reasons.
    pub level: i32,
    /// The record is meant for the user's role.
    pub role: i32,
    /// The record has the first of the chosen themes: the theme is what the visit is about,
    /// second only to the step.
    pub theme: i32,
    /// Each further chosen theme the record has, up to [`Weights::themes_counted`]: breadth
    /// helps a little.
    pub more_theme: i32,
    /// The most matched themes that count, so a record tagged with everything does not win
    /// on breadth alone.
    pub themes_counted: usize,
    /// None of the chosen themes: as much as a role fit, so a record about something else
    /// sinks below those that are about it.
    pub no_theme: i32,
    /// The record is for exactly the chosen sector.
    pub sector: i32,
    /// The record is for a sector next to it (its parent or one of its parts): nearly as good.
    pub near_sector: i32,
    /// The record is for every sector: it fits, but is not made for this one.
    pub all_sectors: i32,
    /// The record is for another sector only.
    pub other_sector: i32,
    /// The record is for the chosen risk group.
    pub risk_group: i32,
    /// Per rank of evidence (effectief 3 … onbekend 0) of a dated judgement: orders records
    /// that fit alike, without beating a fit on step or theme. A lapsed judgement keeps these
    /// points: every 2021 judgement lapses on the same day, and taking its points would let
    /// records nobody judged, or judged without a date, jump above it. The lapse is named
    /// ("beoordeling verlopen"), counts as none against a minimum asked, and puts the record
    /// after an equal one whose judgement holds ([`certainty`]).
    pub evidence_rank: i32,
    /// The same for a judgement without any date: it can never be shown to still hold, so it
    /// is the least certain of all and weighs less than a dated one, also before any lapse.
    pub evidence_rank_undated: i32,
    /// The evidence is weaker than the minimum asked: a wish, not a filter; as much as a
    /// step, so such records come after those that meet it.
    pub weaker_evidence: i32,
    /// The record is free and only free ones were asked for.
    pub free: i32,
    /// The record costs money and only free ones were asked for.
    pub paid: i32,
    /// Its cost is unknown and only free ones were asked for: it may still be free.
    pub cost_unknown: i32,
    /// The record takes more time than there is.
    pub longer: i32,
    /// Its time is unknown while a limit was given: it may still fit.
    pub time_unknown: i32,
    /// The record fills a level × step cell nothing the organisation offers covers yet: the
    /// point of the aanbod-scan.
    pub gap: i32,
}

/// The weights the advisor ranks by.
pub const WEIGHTS: Weights = Weights {
    lead: 40,
    for_asker: 20,
    main_step: 30,
    other_step: 22,
    leidraad_in_zorg: Leidraad { named_at_step: 25, named: 5, good_practice: 8 },
    leidraad_elsewhere: Leidraad { named_at_step: 4, named: 2, good_practice: 3 },
    level: 5,
    role: 15,
    theme: 25,
    more_theme: 8,
    themes_counted: 3,
    no_theme: -15,
    sector: 20,
    near_sector: 16,
    all_sectors: 6,
    other_sector: -15,
    risk_group: 14,
    evidence_rank: 3,
    evidence_rank_undated: 2,
    weaker_evidence: -25,
    free: 8,
    paid: -25,
    cost_unknown: -8,
    longer: -15,
    time_unknown: -3,
    gap: 20,
};

/// The duration classes from short to long; `onbekend` is outside the order.
const TIME_ORDER: [&str; 3] = ["kort", "middel", "lang"];

/// Reasons or mismatches, each in Dutch and English, built only when they will be shown.
struct Notes {
    on: bool,
    list: Vec<Said>,
}

impl Notes {
    fn new(on: bool) -> Self {
        Notes { on, list: Vec::new() }
    }

    fn push(&mut self, text: impl FnOnce() -> Said) {
        if self.on {
            self.list.push(text());
        }
    }

    fn push_first(&mut self, text: impl FnOnce() -> Said) {
        if self.on {
            self.list.insert(0, text());
        }
    }
}

/// One record's score so far, with its reasons and mismatches.
struct Tally {
    score: i32,
    reasons: Notes,
    mismatches: Notes,
}

impl Tally {
    /// Adds `points` with a reason.
    fn fits(&mut self, points: i32, reason: impl FnOnce() -> Said) {
        self.score += points;
        self.reasons.push(reason);
    }

    /// Adds `points` (usually negative) with a mismatch.
    fn misses(&mut self, points: i32, mismatch: impl FnOnce() -> Said) {
        self.score += points;
        self.mismatches.push(mismatch);
    }
}

/// A record's fit: its score, reasons and mismatches (those two empty unless explained).
pub(super) struct Scored {
    pub score: i32,
    pub reasons: Vec<Said>,
    pub mismatches: Vec<Said>,
}

/// Scores records against one set of answers. What the answers imply (the steps, the gaps,
/// the sectors that fit, the minimum rank) is worked out once, in [`Scorer::new`].
pub(super) struct Scorer<'a> {
    taxonomy: &'a Taxonomy,
    guides: &'a [StepGuide],
    answers: &'a Answers,
    lead: super::Leading<'a>,
    today: &'a str,
    /// The steps asked for, `B` expanded.
    steps: &'a [String],
    have: BTreeSet<&'a str>,
    /// The cells of the aanbod-scan nothing covers yet.
    gaps: BTreeSet<(&'a str, &'a str)>,
    sector_fit: Option<Vec<String>>,
    min_rank: Option<u8>,
    leidraad: Leidraad,
    weights: Weights,
}

impl<'a> Scorer<'a> {
    /// A scorer for `answers`, with `steps` already expanded and the aanbod-scan's `gaps`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        taxonomy: &'a Taxonomy,
        guides: &'a [StepGuide],
        answers: &'a Answers,
        lead: super::Leading<'a>,
        today: &'a str,
        steps: &'a [String],
        gaps: BTreeSet<(&'a str, &'a str)>,
    ) -> Self {
        let weights = WEIGHTS;
        let sector_fit = answers.sector.as_deref().map(|s| sectors_fitting(taxonomy, s));
        let leidraad = match &sector_fit {
            Some(fit) if !fit.iter().any(|s| s == "zorg") => weights.leidraad_elsewhere,
            _ => weights.leidraad_in_zorg,
        };
        Scorer {
            taxonomy,
            guides,
            answers,
            lead,
            today,
            steps,
            have: answers.have.iter().map(String::as_str).collect(),
            gaps,
            sector_fit,
            min_rank: answers.min_evidence.as_deref().map(|e| rank(&taxonomy.evidence_levels, e)),
            leidraad,
            weights,
        }
    }

    /// The record's fit, or `None` when it is out of the running (already offered, or not at
    /// the level asked). With `explain` false no text is built: ranking every record is cheap,
    /// and only the top ones are scored again with their reasons.
    pub(super) fn score(&self, r: &Intervention, explain: bool) -> Option<Scored> {
        if self.have.contains(r.id.as_str()) {
            return None;
        }
        if let Some(level) = &self.answers.level
            && !r.levels.contains(level)
        {
            return None;
        }
        let mut t = Tally { score: 0, reasons: Notes::new(explain), mismatches: Notes::new(explain) };
        self.lead(r, &mut t);
        self.step(r, &mut t);
        self.level(&mut t);
        self.role(r, &mut t);
        self.themes(r, &mut t);
        self.sector(r, &mut t);
        self.risk_group(r, &mut t);
        self.evidence(r, &mut t);
        self.cost(r, &mut t);
        self.time(r, &mut t);
        self.gap(r, &mut t);
        Some(Scored { score: t.score, reasons: t.reasons.list, mismatches: t.mismatches.list })
    }

    /// Put first by the way in.
    fn lead(&self, r: &Intervention, t: &mut Tally) {
        if self.lead.ids.contains(&r.id) {
            let points = if self.lead.by_entry { self.weights.lead } else { self.weights.for_asker };
            t.fits(points, || Said::new("hier kunt u zelf terecht", "you can turn to them yourself"));
        }
    }

    /// The step: the record's first step is its main one. A good practice the leidraad gives
    /// at a chosen step counts too (the first such step).
    fn step(&self, r: &Intervention, t: &mut Tally) {
        let steps = self.steps;
        if steps.is_empty() {
            return;
        }
        match steps.iter().filter_map(|s| r.steps.iter().position(|rs| rs == s).map(|p| (p, s))).min() {
            Some((position, step)) => {
                let points = if position == 0 { self.weights.main_step } else { self.weights.other_step };
                t.fits(points, || {
                    let (nl, en) = self.step_words(step);
                    Said { nl: format!("helpt bij: {nl}"), en: format!("helps with: {en}") }
                });
                if let Some(guide) =
                    self.guides.iter().filter(|g| steps.contains(&g.step)).find(|g| g.good_practices.contains(&r.id))
                {
                    t.fits(self.leidraad.good_practice, || {
                        let (nl, en) = self.step_words(&guide.step);
                        Said {
                            nl: format!("de leidraad geeft het als goed voorbeeld bij: {nl}"),
                            en: format!("the guideline gives it as a good example for: {en}"),
                        }
                    });
                }
            }
            // The leidraad names it in its advice for the asker at a chosen step (the PMO, a
            // step C and D record, in the advice to employers at step A): no mismatch; the
            // naming is its reason ([`Scorer::role`]).
            None if self.named_at_step(r).is_some() => {}
            None => t.misses(0, || {
                let (nl, en): (Vec<String>, Vec<String>) = steps.iter().map(|s| self.step_words(s)).unzip();
                Said {
                    nl: format!("helpt niet direct bij: {}", nl.join(" / ")),
                    en: format!("does not directly help with: {}", en.join(" / ")),
                }
            }),
        }
    }

    /// The level, a hard condition already met.
    fn level(&self, t: &mut Tally) {
        if let Some(level) = &self.answers.level {
            t.fits(self.weights.level, || level_phrase(level));
        }
    }

    /// The role, and whether the leidraad names the record in its advice for that role.
    fn role(&self, r: &Intervention, t: &mut Tally) {
        let Some(role) = &self.answers.role else { return };
        let steps = self.steps;
        if r.roles.contains(role) {
            t.fits(self.weights.role, || {
                let (nl, en) = role_plural(role);
                Said { nl: format!("voor {nl}"), en: format!("for {en}") }
            });
        } else if role != "arboprofessional" {
            // An arbo professional advises on every intervention, also those meant for
            // others: that is no mismatch to name on each of them.
            t.misses(0, || {
                let (nl, en) = role_plural(role);
                Said { nl: format!("niet specifiek voor {nl}"), en: format!("not specifically for {en}") }
            });
        }
        let named = if steps.is_empty() { self.named_by_leidraad(r, role, |_| true) } else { self.named_at_step(r) };
        if let Some(guide) = named {
            let points = if steps.is_empty() { self.leidraad.named } else { self.leidraad.named_at_step };
            t.fits(points, || {
                let (who_nl, who_en) = role_plural(role);
                let (nl, en) = self.step_words(&guide.step);
                Said {
                    nl: format!("de leidraad raadt het {who_nl} aan bij: {nl}"),
                    en: format!("the guideline recommends it to {who_en} for: {en}"),
                }
            });
        }
    }

    /// Where the leidraad's advice for the asker at a chosen step names the record (its
    /// advice lists what to do first, first); `usize::MAX` when it does not.
    pub(super) fn leidraad_order(&self, r: &Intervention) -> usize {
        let Some(role) = self.answers.role.as_deref() else { return usize::MAX };
        self.own_advice(role, |step| self.steps.iter().any(|s| s == step))
            .find_map(|(_, ids)| ids.iter().position(|id| id == &r.id))
            .unwrap_or(usize::MAX)
    }

    /// The chosen step at which the leidraad names the record in its advice for the asker's
    /// role, if any.
    fn named_at_step(&self, r: &Intervention) -> Option<&'a StepGuide> {
        let role = self.answers.role.as_ref()?;
        self.named_by_leidraad(r, role, |step| self.steps.iter().any(|s| s == step))
    }

    /// The first step guide, among the steps `at` takes, whose own advice (not another
    /// source's) for `role` names the record.
    fn named_by_leidraad(&self, r: &Intervention, role: &str, at: impl Fn(&str) -> bool) -> Option<&'a StepGuide> {
        self.own_advice(role, at).find(|(_, ids)| ids.contains(&r.id)).map(|(guide, _)| guide)
    }

    /// The leidraad's own advice (not another source's) for `role` at the steps `at` takes,
    /// in step order: each step's guide with the records that advice names.
    fn own_advice<'s>(
        &'s self,
        role: &'s str,
        at: impl Fn(&str) -> bool + 's,
    ) -> impl Iterator<Item = (&'a StepGuide, &'a [String])> + 's {
        self.guides.iter().filter(move |g| at(&g.step)).flat_map(move |g| {
            g.advice
                .iter()
                .filter(move |a| a.role == role && a.from_leidraad)
                .map(move |a| (g, a.interventions.as_slice()))
        })
    }

    /// The themes: each one matched is named.
    fn themes(&self, r: &Intervention, t: &mut Tally) {
        let themes = &self.answers.themes;
        if themes.is_empty() {
            return;
        }
        let matched: Vec<&String> = themes.iter().filter(|th| r.themes.contains(th)).collect();
        if matched.is_empty() {
            t.misses(self.weights.no_theme, || Said::new("geen van de gekozen thema's", "none of the chosen themes"));
            return;
        }
        let more = matched.len().min(self.weights.themes_counted) as i32 - 1;
        t.score += self.weights.theme + self.weights.more_theme * more;
        for theme in matched {
            t.reasons.push(|| {
                let (nl, en) = self.words(&self.taxonomy.themes, theme);
                Said { nl: format!("thema: {nl}"), en: format!("theme: {en}") }
            });
        }
    }

    /// The sector: exactly it, one next to it, every sector, or another one.
    fn sector(&self, r: &Intervention, t: &mut Tally) {
        let (Some(sector), Some(fit)) = (&self.answers.sector, &self.sector_fit) else { return };
        let sectors = &self.taxonomy.sectors;
        let for_sector = |s: &str| {
            let (nl, en) = self.words(sectors, s);
            Said { nl: format!("voor de sector {nl}"), en: format!("for the sector {en}") }
        };
        if r.sectors.iter().any(|s| s == sector) {
            t.fits(self.weights.sector, || for_sector(sector));
        } else if let Some(s) = r.sectors.iter().find(|s| *s != "algemeen" && fit.contains(s)) {
            t.fits(self.weights.near_sector, || for_sector(s));
        } else if r.sectors.iter().any(|s| s == "algemeen") {
            t.fits(self.weights.all_sectors, || Said::new("voor alle sectoren", "for every sector"));
        } else {
            t.misses(self.weights.other_sector, || {
                let (nl, en): (Vec<String>, Vec<String>) = r.sectors.iter().map(|s| self.words(sectors, s)).unzip();
                Said {
                    nl: format!("bedoeld voor een andere sector ({})", nl.join(", ")),
                    en: format!("meant for another sector ({})", en.join(", ")),
                }
            });
        }
    }

    /// The risk group.
    fn risk_group(&self, r: &Intervention, t: &mut Tally) {
        let Some(group) = &self.answers.risk_group else { return };
        let words = || self.words(&self.taxonomy.risk_groups, group);
        if r.risk_groups.contains(group) {
            t.fits(self.weights.risk_group, || {
                let (nl, en) = words();
                Said { nl: format!("voor {nl}"), en: format!("for {en}") }
            });
        } else {
            t.misses(0, || {
                let (nl, en) = words();
                Said { nl: format!("niet specifiek voor {nl}"), en: format!("not specifically for {en}") }
            });
        }
    }

    /// The evidence, always stated with what the source said. A lapsed judgement is named
    /// ("beoordeling verlopen"); an undated one is named and weighs least. Against a minimum
    /// asked, a lapsed judgement counts as none.
    fn evidence(&self, r: &Intervention, t: &mut Tally) {
        let lapse = evidence_lapse(&r.evidence, self.today);
        let undated = evidence_undated(&r.evidence);
        let level_rank = rank(&self.taxonomy.evidence_levels, &r.evidence.level);
        let per_rank = if undated { self.weights.evidence_rank_undated } else { self.weights.evidence_rank };
        t.score += i32::from(level_rank) * per_rank;
        let evidence_rank = if lapse.is_some() { 0 } else { level_rank };
        let said = || match (r.evidence.level.as_str(), r.evidence.references.first()) {
            ("effectief", Some(reference)) => Said {
                nl: format!("effect aangetoond: {}", short_reference(reference)),
                en: format!("effect shown: {}", short_reference(reference).replace(" e.a.", " et al.")),
            },
            ("onderbouwd", Some(reference)) => Said {
                nl: format!("onderbouwd: {}", short_reference(reference)),
                en: format!("underpinned: {}", short_reference(reference).replace(" e.a.", " et al.")),
            },
            ("praktijkvoorbeeld", _) => {
                Said::new("goed praktijkvoorbeeld, effect niet onderzocht", "good practice, effect not studied")
            }
            ("onbekend", _) => Said::new("niet beoordeeld op effect", "not assessed for effect"),
            (level, _) => {
                let (nl, en) = self.words(&self.taxonomy.evidence_levels, level);
                Said { nl, en }
            }
        };
        t.reasons.push(|| {
            let s = said();
            match (&lapse, undated) {
                (Some(why), _) => Said {
                    nl: format!("{} — beoordeling verlopen ({why})", s.nl),
                    en: format!("{} — judgement lapsed (too old, or past its end date)", s.en),
                },
                (None, true) => Said {
                    nl: format!("{} — beoordeling zonder datum, dus het minst zeker", s.nl),
                    en: format!("{} — judgement without a date, so the least certain", s.en),
                },
                (None, false) => s,
            }
        });
        if let Some(min) = self.min_rank
            && evidence_rank < min
        {
            t.misses(self.weights.weaker_evidence, || {
                if lapse.is_some() {
                    Said::new(
                        "bewijs zwakker dan gevraagd (het oordeel is verlopen)",
                        "weaker evidence than asked for (the judgement has lapsed)",
                    )
                } else {
                    let (nl, en) = self.words(&self.taxonomy.evidence_levels, &r.evidence.level);
                    Said {
                        nl: format!("bewijs zwakker dan gevraagd ({nl})"),
                        en: format!("weaker evidence than asked for ({en})"),
                    }
                }
            });
        }
    }

    /// The cost: "gratis" is always said; it counts only when free ones were asked for.
    fn cost(&self, r: &Intervention, t: &mut Tally) {
        let free = self.answers.free;
        match r.cost_class.as_str() {
            "gratis" => t.fits(if free { self.weights.free } else { 0 }, || Said::new("gratis", "free")),
            "betaald" if free => t.misses(self.weights.paid, || Said::new("niet gratis", "not free")),
            "onbekend" if free => {
                t.misses(self.weights.cost_unknown, || Said::new("kosten niet bekend", "cost not known"))
            }
            _ => {}
        }
    }

    /// The time, against the most there is.
    fn time(&self, r: &Intervention, t: &mut Tally) {
        let Some(max) = &self.answers.max_time else { return };
        let words = || self.words(&self.taxonomy.time_classes, &r.time_class);
        let limit_at = TIME_ORDER.iter().position(|x| x == max);
        let at = TIME_ORDER.iter().position(|x| *x == r.time_class);
        match (limit_at, at) {
            (Some(l), Some(x)) if x <= l => t.fits(0, || {
                let (nl, en) = words();
                Said { nl: format!("tijd: {nl}"), en: format!("time: {en}") }
            }),
            (Some(_), Some(_)) => t.misses(self.weights.longer, || {
                let (nl, en) = words();
                Said { nl: format!("kost meer tijd ({nl})"), en: format!("takes more time ({en})") }
            }),
            _ => t.misses(self.weights.time_unknown, || Said::new("tijdsduur niet bekend", "duration not known")),
        }
    }

    /// The aanbod-scan: filling a gap at the level and a step asked for comes first among
    /// the reasons.
    fn gap(&self, r: &Intervention, t: &mut Tally) {
        if self.gaps.is_empty() {
            return;
        }
        let steps = self.steps;
        let filled = r.levels.iter().find_map(|l| {
            let wanted_level = self.answers.level.as_ref().is_none_or(|x| x == l);
            r.steps
                .iter()
                .find(|s| {
                    wanted_level
                        && (steps.is_empty() || steps.contains(s))
                        && self.gaps.contains(&(l.as_str(), s.as_str()))
                })
                .map(|s| (l, s))
        });
        if let Some((level, step)) = filled {
            t.score += self.weights.gap;
            t.reasons.push_first(|| {
                let (level_nl, level_en) = self.words(&self.taxonomy.levels, level);
                let (nl, en) = self.step_words(step);
                Said {
                    nl: format!("vult een gat in wat u al aanbiedt: {level_nl}, bij {nl}"),
                    en: format!("fills a gap in what you already offer: {level_en}, for {en}"),
                }
            });
        }
    }
}

impl Scorer<'_> {
    /// A taxonomy term in Dutch and English, lower case, for inside a sentence.
    fn words(&self, terms: &[crate::catalogue::Term], id: &str) -> (String, String) {
        (label(terms, id).to_lowercase(), label_en(terms, id).to_lowercase())
    }

    /// A step of the leidraad as a team leader says it: what it is about ("hanteerbare
    /// werkdruk"), not its code.
    fn step_words(&self, step: &str) -> (String, String) {
        self.words(&self.taxonomy.steps, step)
    }
}

/// How certain a record's evidence judgement is on `today`, to order records with equal
/// scores: 2 a dated judgement that holds, 1 one that has lapsed, 0 an undated one or none.
pub(super) fn certainty(r: &Intervention, today: &str) -> u8 {
    if evidence_lapse(&r.evidence, today).is_some() {
        1
    } else if evidence_undated(&r.evidence) || r.evidence.level == crate::catalogue::model::UNKNOWN {
        0
    } else {
        2
    }
}

/// "Ketelaar et al. (2013), Mental Vitality @ Work, …" → "Ketelaar e.a. (2013)".
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_reference_keeps_author_and_year() {
        assert_eq!(short_reference("Ketelaar et al. (2013), Mental Vitality @ Work, JOEM"), "Ketelaar e.a. (2013)");
        assert_eq!(short_reference("Bronkhorst (2018)"), "Bronkhorst (2018)");
    }
}
