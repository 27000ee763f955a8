//! The façade's evaluation loop: the instrument definitions, a questionnaire's team
//! aggregates (`dossier measure`), a follow-up visit (`dossier follow-up`) and the traject,
//! an evaluation per plan item with the program's proposal (`dossier evaluate`), the
//! measurements before and after, "Nieuw advies voor wat nog speelt", and the practice
//! counts beside each record's evidence label.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use super::Keuzehulp;
use crate::advisor::{Advice, Answers, Signal};
use crate::catalogue::instrument::Instrument;
use crate::catalogue::view::Credit;
use crate::dossier::evaluate::{
    self, Change, EvaluateOutcome, EvaluationDraft, EvaluationInput, Lookup, Proposal, before_after, propose, relevant,
};
use crate::dossier::measure::{self, MeasureInput, MeasureOutcome};
use crate::dossier::traject::{FollowUp, Practice, PracticeCount, TrajectView};
use crate::dossier::{PlanItem, talk};
use crate::error::{Error, Result};

/// An instrument definition with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InstrumentView {
    /// The definition.
    #[serde(flatten)]
    pub instrument: Instrument,
    /// `bundled`, the publisher that signed its pack, or `eigen` (an unsigned pack).
    pub origin: Credit,
}

/// "Nieuw advies voor wat nog speelt": the themes that did not improve, the answers they
/// make, and the advice for those answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NewAdvice {
    /// The themes that stayed the same or got worse, lowest first.
    pub signals: Vec<Signal>,
    /// The dossier's answers steered by them (not stored: the window may save them).
    pub answers: Answers,
    /// The advice for those answers.
    pub advice: Advice,
}

impl Keuzehulp {
    /// Every instrument definition: the bundled ones, with an imported one in the place of a
    /// bundled one of the same id.
    pub fn instruments(&self) -> Result<Vec<InstrumentView>> {
        let mut out: BTreeMap<String, InstrumentView> = crate::catalogue::instruments()?
            .into_iter()
            .map(|i| (i.id.clone(), InstrumentView { instrument: i, origin: Credit::Bundled }))
            .collect();
        for (i, publisher) in self.store.imported_instruments()? {
            out.insert(i.id.clone(), InstrumentView { instrument: i, origin: Credit::of_pack(publisher) });
        }
        Ok(out.into_values().collect())
    }

    /// One instrument definition; an unknown id names the known ones.
    pub fn instrument(&self, id: &str) -> Result<Instrument> {
        let all = self.instruments()?;
        let known = all.iter().map(|i| i.instrument.id.as_str()).collect::<Vec<_>>().join(", ");
        all.iter().find(|i| i.instrument.id == id).map(|i| i.instrument.clone()).ok_or_else(|| Error::UnknownValue {
            what: "instrument",
            value: id.to_string(),
            allowed: known,
        })
    }

    pub(super) fn definitions(&self) -> Result<Vec<Instrument>> {
        Ok(self.instruments()?.into_iter().map(|i| i.instrument).collect())
    }

    /// Stores a team's aggregate on one scale of a questionnaire in dossier `id`: at least 10
    /// respondents, a mean within the response scale; a response under 30% is stored with a
    /// warning.
    pub fn dossier_measure(&mut self, id: &str, input: &MeasureInput) -> Result<MeasureOutcome> {
        self.store.dossier(id)?;
        let instrument = self.instrument(&input.instrument)?;
        let checked = measure::check(input, &instrument, &self.today())?;
        self.store.dossier_measure(id, &checked)
    }

    /// Whether a file of answers for `instrument` could go into dossier `id`: both exist.
    /// The window asks this before it asks for the file.
    pub fn measure_file_check(&self, id: &str, instrument: &str) -> Result<()> {
        self.store.dossier(id)?;
        self.instrument(instrument).map(|_| ())
    }

    /// Scores a file of individual answers (CSV) to `instrument` in memory and stores only
    /// the team's aggregate per scale in dossier `id`; the file is never copied.
    pub fn dossier_measure_file(
        &mut self,
        id: &str,
        instrument: &str,
        path: &Path,
        invited: Option<f64>,
        date: Option<&str>,
    ) -> Result<MeasureOutcome> {
        self.store.dossier(id)?;
        let instrument = self.instrument(instrument)?;
        let checked = measure::score_file(path, &instrument, invited, crate::input::given(date), &self.today())?;
        self.store.dossier_measure(id, &checked)
    }

    /// Takes measurement `measurement` (not a conversation's) out of dossier `id`.
    pub fn dossier_unmeasure(&mut self, id: &str, measurement: i64) -> Result<()> {
        self.store.dossier_unmeasure(id, measurement)
    }

    /// Makes the next visit of dossier `id`'s traject on `date` (default today), carrying
    /// over the open plan items and the newest measurement of each source.
    pub fn dossier_follow_up(&mut self, id: &str, date: Option<&str>) -> Result<FollowUp> {
        let date = crate::input::given(date).map(str::to_string).unwrap_or_else(|| self.today());
        crate::time::parse_date("date", &date)?;
        let existing: Option<String> = self.store.follow_up_of(id)?;
        if let Some(next) = existing {
            return Err(Error::InvalidInput {
                field: "dossier".into(),
                message: format!(
                    "dossier {id} heeft al een vervolgbezoek ({next}); maak het volgende bezoek vanuit dat dossier"
                ),
            });
        }
        self.store.dossier_follow_up(id, &date)
    }

    /// Dossier `id`'s place in its traject: visits, plan items and measurements, marked.
    pub fn traject(&self, id: &str) -> Result<TrajectView> {
        self.store.traject_view(id)
    }

    /// The measurements before and after across dossier `id`'s traject, per source and key
    /// (the baseline is the oldest, the re-measurement the newest).
    pub fn before_after(&self, id: &str) -> Result<Vec<Change>> {
        let measurements = self.store.traject_measurements(id)?;
        let instruments = self.definitions()?;
        let lookup = Lookup { guides: self.conversation_guides()?, instruments: &instruments };
        Ok(before_after(&measurements, lookup, None, None))
    }

    /// The relevant measurements before and after plan item `item` of dossier `id`, up to
    /// `until`, and whether a relevant baseline exists (a measurement on or before the start).
    pub(super) fn item_changes(&self, id: &str, item: &PlanItem, until: &str) -> Result<(Vec<Change>, bool)> {
        let measurements = self.store.traject_measurements(id)?;
        let instruments = self.definitions()?;
        let lookup = Lookup { guides: self.conversation_guides()?, instruments: &instruments };
        let themes = self.intervention(&item.intervention_id).map(|r| r.themes).unwrap_or_default();
        Ok(item_changes_in(&measurements, lookup, &themes, item, until))
    }

    fn proposal_for(&self, id: &str, item: &PlanItem, checked: &evaluate::Checked) -> Result<(Proposal, Vec<Change>)> {
        let (changes, measured) = self.item_changes(id, item, &checked.date)?;
        let proposal = propose(
            checked.carried_out,
            checked.team_changed,
            &changes,
            measured,
            (checked.reached, checked.reach_of),
            &checked.indicators,
        );
        Ok((proposal, changes))
    }

    /// What the evaluation screen shows before the verdict: the item, the proposal for the
    /// answers so far (`input`'s verdict and reason are not looked at; an empty
    /// `carried_out` counts as "ja"), and the measurements before and after.
    pub fn evaluation_draft(&self, id: &str, input: &EvaluationInput) -> Result<EvaluationDraft> {
        let dossier = self.store.dossier(id)?;
        let item = self.plan_item(&dossier, input.item)?;
        let mut draft = input.clone();
        draft.verdict = "onduidelijk".into();
        if draft.carried_out.trim().is_empty() {
            draft.carried_out = "ja".into();
        }
        let checked =
            evaluate::check(&draft, &self.today()).map_err(|problems| Error::InvalidEvaluation { problems })?;
        let (proposal, changes) = self.proposal_for(id, &item, &checked)?;
        let intervention =
            self.intervention(&item.intervention_id).map(|r| r.name).unwrap_or(item.intervention_id.clone());
        let earlier = dossier.evaluations.iter().filter(|e| e.item == item.id).cloned().collect();
        Ok(EvaluationDraft { item, intervention, proposal, changes, earlier })
    }

    fn plan_item(&self, dossier: &crate::dossier::Dossier, item: i64) -> Result<PlanItem> {
        dossier.plan.iter().find(|p| p.id == item).cloned().ok_or_else(|| Error::InvalidEvaluation {
            problems: vec![(
                "item".into(),
                format!(
                    "dossier {} heeft geen actiepunt {item}; kies uit: {}",
                    dossier.id,
                    dossier.plan.iter().map(|p| p.id.to_string()).collect::<Vec<_>>().join(", ")
                ),
            )],
        })
    }

    /// Evaluates a plan item of dossier `id`: checks the fields (every problem named), makes
    /// the proposal from the measurements before and after, and stores the professional's
    /// verdict beside it (a verdict that departs from the proposal needs a reason).
    pub fn dossier_evaluate(&mut self, id: &str, input: &EvaluationInput) -> Result<EvaluateOutcome> {
        let dossier = self.store.dossier(id)?;
        let checked =
            evaluate::check(input, &self.today()).map_err(|problems| Error::InvalidEvaluation { problems })?;
        let item = self.plan_item(&dossier, checked.item)?;
        let (proposal, changes) = self.proposal_for(id, &item, &checked)?;
        let (evaluation, replaced) = self.store.dossier_evaluate(id, &checked, proposal)?;
        let status = self.store.dossier(id)?.plan.iter().find(|p| p.id == item.id).map_or(item.status, |p| p.status);
        Ok(EvaluateOutcome { id: id.to_string(), evaluation, replaced, status, changes })
    }

    /// "Nieuw advies voor wat nog speelt": the advisor run again on dossier `id`'s answers
    /// with the themes that did not improve between the baseline and the newest measurement.
    pub fn evaluation_advice(&self, id: &str, limit: usize) -> Result<NewAdvice> {
        let dossier = self.store.dossier(id)?;
        let signals = evaluate::still_playing(&self.before_after(id)?, self.conversation_guides()?);
        let mut answers = talk::steer(&dossier.answers, signals.clone());
        if answers.sector.is_none() {
            answers.sector = dossier.info.sector.clone();
        }
        let mut advice = self.advise(&answers, limit)?;
        self.attach_practice(&mut advice)?;
        Ok(NewAdvice { signals, answers, advice })
    }

    /// The practice counts per intervention (own trajecten, and shared when imported); with
    /// `id`, only that intervention's (an unknown id is an error).
    pub fn practice(&self, id: Option<&str>) -> Result<Vec<Practice>> {
        let id = crate::input::given(id);
        if let Some(id) = id {
            self.intervention(id)?;
        }
        let own = self.store.own_practice()?;
        let shared = self.store.shared_practice()?;
        let mut ids: Vec<&String> = own.keys().chain(shared.keys()).collect();
        ids.sort();
        ids.dedup();
        let mut out: Vec<Practice> = ids
            .into_iter()
            .filter(|i| id.is_none_or(|wanted| wanted == i.as_str()))
            .map(|i| Practice::new(i, own.get(i).cloned().unwrap_or_default(), shared.get(i).cloned()))
            .collect();
        if out.is_empty()
            && let Some(id) = id
        {
            out.push(Practice::new(id, PracticeCount::default(), None));
        }
        Ok(out)
    }

    /// The colleagues' shared outcome records kept here, per publisher: (publisher, records,
    /// trajecten).
    pub fn shared_sources(&self) -> Result<Vec<(String, u32, u32)>> {
        self.store.shared_summary()
    }

    /// The practice of every intervention that has any, by id; empty (without counting) when
    /// nothing was planned or shared yet.
    pub(super) fn practice_map(&self) -> Result<BTreeMap<String, Practice>> {
        if !self.store.has_practice()? {
            return Ok(BTreeMap::new());
        }
        Ok(self.practice(None)?.into_iter().map(|p| (p.id.clone(), p)).collect())
    }

    /// Puts the practice beside each recommendation's evidence label.
    pub(super) fn attach_practice(&self, advice: &mut Advice) -> Result<()> {
        let practice = self.practice_map()?;
        for r in &mut advice.recommendations {
            r.practice = practice.get(&r.id).cloned();
        }
        Ok(())
    }
}

/// [`Keuzehulp::item_changes`] over measurements and definitions already read (`share
/// export` asks it for every evaluation of a traject); `themes` are the intervention's.
pub(super) fn item_changes_in(
    measurements: &[talk::Measurement],
    lookup: Lookup<'_>,
    themes: &[String],
    item: &PlanItem,
    until: &str,
) -> (Vec<Change>, bool) {
    let measurements: Vec<talk::Measurement> =
        measurements.iter().filter(|m| m.date.as_str() <= until).cloned().collect();
    // A baseline: a relevant measurement on or before the start (any, without a start).
    let since = item.start_date.as_deref();
    let measured = measurements.iter().filter(|m| since.is_none_or(|s| m.date.as_str() <= s)).any(|m| {
        m.values.iter().any(|v| {
            let info = lookup.info(m, &v.key);
            themes.is_empty() || info.themes.iter().any(|t| themes.contains(t))
        })
    });
    let changes: Vec<Change> =
        before_after(&measurements, lookup, since, Some(until)).into_iter().filter(|c| relevant(c, themes)).collect();
    (changes, measured)
}
