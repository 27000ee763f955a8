//! What the evaluation loop prints: `instruments`, `dossier measure`, `dossier follow-up`,
//! `dossier evaluate` (with "Nieuw advies voor wat nog speelt"), the traject and the
//! measurements before and after in `dossier show`, `practice`, and `share`.

use std::fmt::Write as _;

use serde_json::json;

use crate::Keuzehulp;
use crate::app::{InstrumentView, NewAdvice, ShareExport, ShareImported};
use crate::dossier::Dossier;
use crate::dossier::evaluate::{Change, EvaluateOutcome, EvaluationDraft, Proposal, number};
use crate::dossier::measure::MeasureOutcome;
use crate::dossier::traject::{FollowUp, Practice, TrajectView};
use crate::error::{Error, Result};
use crate::time::{nl_date, nl_date_or_unknown};

use super::{Out, for_terminal};

impl Out {
    /// `keuzehulp instruments`.
    pub fn instruments(&mut self, list: &[InstrumentView]) -> Result<()> {
        if self.json {
            // The command line's JSON names the origin with one word ("bundled", "eigen" or the name).
            let mut listed = serde_json::to_value(list).map_err(crate::Error::json("de instrumenten"))?;
            for (value, view) in listed.as_array_mut().into_iter().flatten().zip(list) {
                value["origin"] = view.origin.word().into();
            }
            return self.put_json(&json!({ "instruments": listed }));
        }
        for view in list {
            let i = &view.instrument;
            let t = &mut self.text;
            let _ = writeln!(
                t,
                "{}  {}  (versie {}; herkomst: {})",
                i.id,
                for_terminal(&i.name),
                for_terminal(&i.version),
                for_terminal(view.origin.word())
            );
            let response = i.response.as_ref().map_or("niet bekend".to_string(), |r| {
                format!("{} ({}) tot {} ({})", r.min, for_terminal(&r.low), r.max, for_terminal(&r.high))
            });
            let _ = writeln!(
                t,
                "    antwoorden: {response}; scoring: {}",
                match i.scoring {
                    crate::catalogue::instrument::Scoring::Gemiddelde => "gemiddelde van de items",
                    crate::catalogue::instrument::Scoring::Onbekend => "niet bekend",
                }
            );
            for s in &i.scales {
                let cutoff = i
                    .cutoff(&s.id)
                    .map(|c| format!("; afkappunt {}: {}", number(c.value), for_terminal(&c.meaning)))
                    .unwrap_or_default();
                let _ = writeln!(
                    t,
                    "    - {} [{}] ({}){cutoff}",
                    for_terminal(&s.label),
                    s.id,
                    if s.higher_is_better { "hoger is beter" } else { "hoger is slechter" }
                );
            }
            let _ = writeln!(t, "    rechthebbende: {}", for_terminal(&i.rights_holder));
            let _ = writeln!(
                t,
                "    itemteksten: {}",
                if i.items_included { "opgenomen (de licentie staat het toe)" } else { "niet opgenomen" }
            );
            if i.cutoffs.is_empty() {
                let _ = writeln!(t, "    afkappunten: niet opgenomen (geen bron gelezen die ze geeft)");
            }
            let _ = writeln!(t);
        }
        Ok(())
    }

    /// `keuzehulp dossier measure`.
    pub fn measured(&mut self, outcome: &MeasureOutcome, app: &Keuzehulp) -> Result<()> {
        if self.json {
            return self.put_json(outcome);
        }
        let m = &outcome.measurement;
        let name = app.instrument(&m.source).map(|i| i.name).unwrap_or(m.source.clone());
        let t = &mut self.text;
        let _ = writeln!(
            t,
            "Meting {} opgeslagen: {} op {}, {} respondenten{}.",
            m.id,
            for_terminal(&name),
            nl_date(&m.date),
            m.n.unwrap_or(0),
            m.invited.map(|i| format!(" van {i} genodigden")).unwrap_or_default()
        );
        for v in &m.values {
            let past = v.past_cutoff.map(|p| format!(", {}% voorbij het afkappunt", number(p))).unwrap_or_default();
            let _ = writeln!(t, "  {}: gemiddeld {}{past}", v.key, number(v.value));
        }
        if let Some(scored) = outcome.scored {
            let _ = writeln!(
                t,
                "Uit het bestand: {} van {} rijen meegeteld. Alleen het teamgemiddelde is bewaard; het bestand niet.",
                scored.counted, scored.rows
            );
        }
        for w in &outcome.warnings {
            let _ = writeln!(t, "Let op: {w}.");
        }
        Ok(())
    }

    /// `keuzehulp dossier follow-up`.
    pub fn followed_up(&mut self, made: &FollowUp) -> Result<()> {
        if self.json {
            return self.put_json(made);
        }
        let t = &mut self.text;
        let _ = writeln!(t, "Vervolgbezoek {} aangemaakt (traject {}).", made.id, made.traject);
        let _ = writeln!(t, "Overgenomen actiepunten: {}", made.carried_over.len());
        for p in &made.carried_over {
            let _ = writeln!(t, "  {}. {} — {} ({})", p.id, p.intervention_id, for_terminal(&p.what), p.status);
        }
        if !made.closed.is_empty() {
            let _ = writeln!(t, "Afgesloten in het vorige bezoek (niet overgenomen):");
            for p in &made.closed {
                let _ = writeln!(t, "  {} — {} ({})", p.intervention_id, for_terminal(&p.what), p.status);
            }
        }
        for m in &made.measurements {
            let _ = writeln!(
                t,
                "Meting overgenomen: {} van {} (n = {}).",
                m.source,
                nl_date(&m.date),
                m.n.map_or("niet bekend".into(), |n| n.to_string())
            );
        }
        Ok(())
    }

    fn proposal_lines(&mut self, proposal: &Proposal) {
        let t = &mut self.text;
        let _ = writeln!(t, "Voorstel van Keuzehulp: {}", proposal.label());
        for line in &proposal.why {
            let _ = writeln!(t, "  - {}", for_terminal(line));
        }
    }

    /// `keuzehulp dossier evaluate --propose`.
    pub fn evaluation_draft(&mut self, draft: &EvaluationDraft) -> Result<()> {
        if self.json {
            return self.put_json(draft);
        }
        let _ = writeln!(
            self.text,
            "Actiepunt {}: {} — {} (evaluatie {})",
            draft.item.id,
            for_terminal(&draft.intervention),
            for_terminal(&draft.item.what),
            nl_date_or_unknown(draft.item.evaluation_date.as_deref())
        );
        self.proposal_lines(&draft.proposal);
        let _ = writeln!(self.text, "Er is niets opgeslagen. Uw oordeel geeft u met --verdict (en --reason).");
        Ok(())
    }

    /// `keuzehulp dossier evaluate`: the evaluation as stored, and the new advice.
    pub fn evaluated(&mut self, outcome: &EvaluateOutcome, advice: &NewAdvice) -> Result<()> {
        if self.json {
            let mut value = serde_json::to_value(outcome).map_err(Error::json("de evaluatie"))?;
            if let Some(map) = value.as_object_mut() {
                map.insert("new_advice".into(), serde_json::to_value(advice).map_err(Error::json("het advies"))?);
            }
            return self.put_json(&value);
        }
        let e = &outcome.evaluation;
        let _ = writeln!(
            self.text,
            "Evaluatie {} van actiepunt {} {} op {}: {}, oordeel: {}{}.",
            e.id,
            e.item,
            if outcome.replaced { "vervangen" } else { "opgeslagen" },
            nl_date(&e.date),
            e.carried_out.label(),
            e.verdict.label(),
            e.reason.as_deref().map(|r| format!(" ({})", for_terminal(r))).unwrap_or_default()
        );
        self.proposal_lines(&e.proposal);
        let _ = writeln!(self.text, "Status van het actiepunt: {}.", outcome.status);
        self.new_advice(advice);
        Ok(())
    }

    fn new_advice(&mut self, advice: &NewAdvice) {
        let t = &mut self.text;
        if advice.signals.is_empty() {
            return;
        }
        let _ = writeln!(t, "\nNieuw advies voor wat nog speelt:");
        for s in &advice.signals {
            let _ = writeln!(t, "  nog niet verbeterd: {}", for_terminal(&s.reason()));
        }
        for r in advice.advice.recommendations.iter().take(5) {
            let _ = writeln!(t, "  → {}  ({})", for_terminal(&r.name), r.id);
        }
    }

    /// The traject, the evaluations and the measurements before and after, in `dossier show`.
    pub(super) fn evaluation_loop(&mut self, d: &Dossier, traject: &TrajectView, changes: &[Change]) {
        let t = &mut self.text;
        if traject.visits.len() > 1 {
            let _ = writeln!(t, "\nTraject ({} bezoeken):", traject.visits.len());
            for v in &traject.visits {
                let here = if v.id == d.id { "  ← dit bezoek" } else { "" };
                let _ = writeln!(t, "  {}  bezoek {}{here}", v.id, nl_date_or_unknown(v.visit_date.as_deref()));
            }
            let _ = writeln!(t, "Actiepunten in dit traject:");
            for m in &traject.plan {
                let _ = writeln!(
                    t,
                    "  [{}] {} — {} ({})",
                    m.mark.label(),
                    m.item.intervention_id,
                    for_terminal(&m.item.what),
                    m.item.status
                );
            }
        }
        if !d.measurements.is_empty() {
            let _ = writeln!(t, "\nMetingen:");
            for m in &d.measurements {
                let carried = m.carried_from.as_ref().map(|_| " (overgenomen)").unwrap_or_default();
                let values: Vec<String> = m.values.iter().map(|v| format!("{} {}", v.key, number(v.value))).collect();
                let _ = writeln!(
                    t,
                    "  {}. {} op {}, n = {}{carried}: {}",
                    m.id,
                    m.source,
                    nl_date(&m.date),
                    m.n.map_or("niet bekend".into(), |n| n.to_string()),
                    values.join(", ")
                );
            }
        }
        if !changes.is_empty() {
            let _ = writeln!(t, "\nVoor en na:");
            for c in changes {
                let _ = writeln!(
                    t,
                    "  {} ({}): {} (n = {}) → {} (n = {}), {}",
                    for_terminal(&c.label),
                    for_terminal(&c.source_name),
                    number(c.before.value),
                    c.before.n.map_or("?".into(), |n| n.to_string()),
                    number(c.after.value),
                    c.after.n.map_or("?".into(), |n| n.to_string()),
                    c.direction.label()
                );
            }
        }
        if !d.evaluations.is_empty() {
            let _ = writeln!(t, "\nEvaluaties:");
            for e in &d.evaluations {
                let _ = writeln!(
                    t,
                    "  actiepunt {} op {}: {}; voorstel: {}; oordeel: {}{}",
                    e.item,
                    nl_date(&e.date),
                    e.carried_out.label(),
                    e.proposal.label(),
                    e.verdict.label(),
                    e.reason.as_deref().map(|r| format!(" ({})", for_terminal(r))).unwrap_or_default()
                );
            }
        }
    }

    /// `keuzehulp practice [ID]`.
    pub fn practice(&mut self, list: &[Practice], app: &Keuzehulp) -> Result<()> {
        if self.json {
            let items: Vec<serde_json::Value> = list
                .iter()
                .map(|p| {
                    let name = app.intervention(&p.id).map(|r| r.name).ok();
                    json!({
                        "id": p.id,
                        "name": name,
                        "chosen": p.own.chosen,
                        "evaluated": p.own.evaluated,
                        "verdicts": p.own.verdicts,
                        "werkte": p.own.verdicts.werkte,
                        "onduidelijk": p.own.verdicts.onduidelijk,
                        "werkte-niet": p.own.verdicts.werkte_niet,
                        "niet-uitgevoerd": p.own.verdicts.niet_uitgevoerd,
                        "trajecten": p.own.trajecten,
                        "text": p.text,
                        "shared": p.shared,
                        "shared_text": p.shared_text,
                    })
                })
                .collect();
            return self.put_json(&json!({ "practice": items }));
        }
        if list.is_empty() {
            let _ = writeln!(self.text, "Nog geen eigen praktijk: er staat nog geen interventie in een actieplan.");
        }
        for p in list {
            let name = app.intervention(&p.id).map(|r| r.name).unwrap_or(p.id.clone());
            let _ = writeln!(self.text, "{}  ({})\n  {}", for_terminal(&name), p.id, for_terminal(&p.text));
            if let Some(shared) = &p.shared_text {
                let _ = writeln!(self.text, "  {}", for_terminal(shared));
            }
        }
        for (publisher, records, trajecten) in app.shared_sources()? {
            let _ = writeln!(
                self.text,
                "Gedeeld door {}: {records} uitkomsten uit {trajecten} trajecten.",
                for_terminal(&publisher)
            );
        }
        Ok(())
    }

    /// `keuzehulp share export`.
    pub fn shared_export(&mut self, done: &ShareExport) -> Result<()> {
        if self.json {
            return self.put_json(done);
        }
        let _ = writeln!(
            self.text,
            "{} uitkomsten uit {} trajecten geschreven naar {} (zonder organisatie, notities of namen).",
            done.records,
            done.trajecten,
            done.path.display()
        );
        match &done.signature {
            Some(sig) => {
                let _ = writeln!(self.text, "Ondertekend: {}", sig.display());
            }
            None => {
                let _ = writeln!(
                    self.text,
                    "Niet ondertekend: collega's lezen het pas in als u het ondertekent (--key publisher.key)."
                );
            }
        }
        Ok(())
    }

    /// `keuzehulp share import`.
    pub fn shared_import(&mut self, done: &[ShareImported]) -> Result<()> {
        if self.json {
            return self.put_json(&json!({ "packs": done }));
        }
        for p in done {
            let _ = writeln!(
                self.text,
                "{}: {} uitkomsten van {} ({} nieuw, {} bijgewerkt)",
                for_terminal(&p.file),
                p.records,
                for_terminal(&p.publisher),
                p.added,
                p.replaced
            );
        }
        if done.is_empty() {
            let _ = writeln!(self.text, "De index noemt geen pakketten.");
        }
        Ok(())
    }
}
