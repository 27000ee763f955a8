//! A traject: the visits to one organisation's team, each a dossier. A follow-up visit
//! (`dossier follow-up`) makes the next dossier of the traject: the visit's facts, the
//! user's own answers, the open plan items (marked carried over; the item they came from
//! names the visit it went to, so it is no longer due there) and the newest measurement of
//! each source (marked carried over, keeping its date and n). The closed items of the
//! previous visit stay there and are shown as closed.
//!
//! Also the practice counts (`practice`): per intervention across the user's own trajecten,
//! how often it was chosen (put in a plan), how often evaluated, and each verdict; and the
//! same over the outcome records colleagues shared.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params;
use serde::Serialize;

use super::talk::Measurement;
use super::{Dossier, PlanItem, exec, insert_dossier, sql, touch};
pub use crate::catalogue::practice::{Practice, PracticeCount, Verdicts};
use crate::error::Result;
use crate::store::Store;

/// How a plan item or a measurement stands in a visit of a traject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Mark {
    /// New in this visit.
    Nieuw,
    /// Carried over from the previous visit.
    Overgenomen,
    /// Finished in the previous visit (done or stopped), so not carried over.
    Afgesloten,
}

impl Mark {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Nieuw => "nieuw",
            Mark::Overgenomen => "overgenomen",
            Mark::Afgesloten => "afgesloten",
        }
    }
}

/// One visit of a traject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Visit {
    /// Its dossier.
    pub id: String,
    /// The visit's day.
    pub visit_date: Option<String>,
    /// Its department or team.
    pub department: Option<String>,
    /// The visit it follows up.
    pub follows: Option<String>,
}

/// A plan item with its mark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MarkedItem {
    /// New, carried over, or closed (an item of the previous visit).
    pub mark: Mark,
    /// The item (a closed one as the previous visit holds it).
    pub item: PlanItem,
}

/// A measurement with its mark (new, or carried over).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MarkedMeasurement {
    /// New in this visit, or carried over.
    pub mark: Mark,
    /// The measurement.
    pub measurement: Measurement,
}

/// A dossier's place in its traject, as the window and `dossier show` show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TrajectView {
    /// The traject's id (the first visit's dossier id); none for a dossier on its own.
    pub traject: Option<String>,
    /// The visits, oldest first (this dossier among them).
    pub visits: Vec<Visit>,
    /// This visit's plan items and the previous visit's closed ones, each marked.
    pub plan: Vec<MarkedItem>,
    /// This visit's measurements (its conversations' and the others), each marked.
    pub measurements: Vec<MarkedMeasurement>,
}

/// What a follow-up visit made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FollowUp {
    /// The new dossier.
    pub id: String,
    /// The traject.
    pub traject: String,
    /// The visit it follows up.
    pub follows: String,
    /// The plan items carried over (as the new dossier holds them).
    pub carried_over: Vec<PlanItem>,
    /// The previous visit's finished items, not carried over.
    pub closed: Vec<PlanItem>,
    /// The measurements carried over (the newest of each source).
    pub measurements: Vec<Measurement>,
}

/// All measurements of a dossier: its conversations' and the others, by date.
pub fn all_measurements(d: &Dossier) -> Vec<Measurement> {
    let mut out: Vec<Measurement> =
        d.conversations.iter().filter_map(|c| c.measurement.clone()).chain(d.measurements.iter().cloned()).collect();
    out.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
    out
}

/// The newest measurement of each (kind, source).
fn newest_per_source(measurements: &[Measurement]) -> Vec<Measurement> {
    let mut newest: BTreeMap<(&str, &str), &Measurement> = BTreeMap::new();
    for m in measurements {
        let key = (m.kind.as_str(), m.source.as_str());
        if newest.get(&key).is_none_or(|old| (&m.date, m.id) >= (&old.date, old.id)) {
            newest.insert(key, m);
        }
    }
    let mut out: Vec<Measurement> = newest.into_values().cloned().collect();
    out.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
    out
}

impl Store {
    /// The dossier ids of the traject of dossier `id` (not in the trash), oldest visit first;
    /// just `id` for a dossier on its own.
    pub fn traject_ids(&self, id: &str) -> Result<Vec<String>> {
        let d = self.dossier(id)?;
        let Some(traject) = d.traject else { return Ok(vec![id.to_string()]) };
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT id FROM dossiers WHERE (traject = ?1 OR id = ?1) AND deleted_at IS NULL
                 ORDER BY ifnull(visit_date, substr(created_at, 1, 10)), created_at, id",
            )
            .map_err(sql)?;
        let ids = stmt
            .query_map([&traject], |r| r.get(0))
            .map_err(sql)?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(sql)?;
        Ok(ids)
    }

    /// Every measurement of the traject of dossier `id` up to and including this visit (a
    /// later visit's are not yet known to it; each visit's own, a carried-over copy only
    /// when its original is gone), oldest first.
    pub fn traject_measurements(&self, id: &str) -> Result<Vec<Measurement>> {
        let mut out: Vec<Measurement> = Vec::new();
        for visit in self.traject_ids(id)? {
            out.extend(all_measurements(&self.dossier(&visit)?));
            if visit == id {
                break;
            }
        }
        let originals: BTreeSet<(String, String, String)> = out
            .iter()
            .filter(|m| m.carried_from.is_none())
            .map(|m| (m.kind.as_str().to_string(), m.source.clone(), m.date.clone()))
            .collect();
        out.retain(|m| {
            m.carried_from.is_none()
                || !originals.contains(&(m.kind.as_str().to_string(), m.source.clone(), m.date.clone()))
        });
        // Copies carried over twice (to the second and the third visit) count once.
        let mut seen = BTreeSet::new();
        out.retain(|m| seen.insert((m.kind.as_str().to_string(), m.source.clone(), m.date.clone())));
        out.sort_by(|a, b| (&a.date, a.id).cmp(&(&b.date, b.id)));
        Ok(out)
    }

    /// Makes the next visit of the traject of dossier `id` (see the module's description),
    /// on `date`; answers what it carried over. One transaction.
    pub fn dossier_follow_up(&mut self, id: &str, date: &str) -> Result<FollowUp> {
        let previous = self.dossier(id)?;
        let new_id = format!("d-{}", uuid::Uuid::new_v4().simple());
        let traject = previous.traject.clone().unwrap_or_else(|| id.to_string());
        let now = self.clock().now_utc();
        let info = super::VisitInfo { visit_date: Some(date.to_string()), ..previous.info.clone() };
        let answers = super::talk::steer(&previous.answers, Vec::new());
        let open: Vec<&PlanItem> = previous.plan.iter().filter(|p| !p.status.is_finished()).collect();
        let closed: Vec<PlanItem> = previous.plan.iter().filter(|p| p.status.is_finished()).cloned().collect();
        let carried: Vec<Measurement> = newest_per_source(&all_measurements(&previous))
            .into_iter()
            .map(|m| Measurement {
                id: 0,
                carried_from: Some(m.carried_from.clone().unwrap_or_else(|| id.to_string())),
                ..m
            })
            .collect();
        self.write(|tx| {
            insert_dossier(tx, &new_id, &info, &answers, &now, &now, 1)?;
            exec(tx, "UPDATE dossiers SET traject = ?2, follows = ?3 WHERE id = ?1", params![new_id, traject, id])?;
            touch(tx, id, &now)?;
            exec(tx, "UPDATE dossiers SET traject = ?2 WHERE id = ?1 AND traject IS NULL", params![id, traject])?;
            for p in &open {
                exec(
                    tx,
                    "INSERT INTO plan_items (dossier_id, intervention_id, what, who, start_date, evaluation_date,
                                             evaluation_method, status, carried_from, carried_from_item)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        new_id,
                        p.intervention_id,
                        p.what,
                        p.who,
                        p.start_date,
                        p.evaluation_date,
                        p.evaluation_method,
                        p.status,
                        id,
                        p.id
                    ],
                )?;
                exec(tx, "UPDATE plan_items SET carried_to = ?2 WHERE id = ?1", params![p.id, new_id])?;
            }
            for m in &carried {
                super::talk::insert_measurement(tx, &new_id, None, m, &now)?;
            }
            Ok(())
        })?;
        let made = self.dossier(&new_id)?;
        Ok(FollowUp {
            id: new_id,
            traject,
            follows: id.to_string(),
            carried_over: made.plan,
            closed,
            measurements: made.measurements,
        })
    }

    /// Dossier `id`'s place in its traject: the visits, its plan items marked new or carried
    /// over beside the previous visit's closed ones, and its measurements marked.
    pub fn traject_view(&self, id: &str) -> Result<TrajectView> {
        let d = self.dossier(id)?;
        let mut visits = Vec::new();
        for visit in self.traject_ids(id)? {
            let v = if visit == id { d.clone() } else { self.dossier(&visit)? };
            visits.push(Visit {
                id: v.id.clone(),
                visit_date: v.info.visit_date.clone(),
                department: v.info.department.clone(),
                follows: v.follows.clone(),
            });
        }
        let mut plan: Vec<MarkedItem> = d
            .plan
            .iter()
            .map(|p| MarkedItem {
                mark: if p.carried_from.is_some() { Mark::Overgenomen } else { Mark::Nieuw },
                item: p.clone(),
            })
            .collect();
        if let Some(previous) = d.follows.as_deref()
            && let Ok(previous) = self.dossier(previous)
        {
            plan.extend(
                previous
                    .plan
                    .into_iter()
                    .filter(|p| p.status.is_finished())
                    .map(|item| MarkedItem { mark: Mark::Afgesloten, item }),
            );
        }
        let measurements = all_measurements(&d)
            .into_iter()
            .map(|m| MarkedMeasurement {
                mark: if m.carried_from.is_some() { Mark::Overgenomen } else { Mark::Nieuw },
                measurement: m,
            })
            .collect();
        Ok(TrajectView { traject: d.traject.clone(), visits, plan, measurements })
    }
}

impl Store {
    /// The user's own practice per intervention (dossiers in the trash do not count): each
    /// traject (or dossier on its own) counts once per intervention, with its newest
    /// evaluation.
    pub fn own_practice(&self) -> Result<BTreeMap<String, PracticeCount>> {
        let mut stmt = self
            .conn()
            .prepare(
                "SELECT ifnull(d.traject, d.id), p.intervention_id,
                        (SELECT e.verdict FROM evaluations e WHERE e.plan_item_id = p.id ORDER BY e.date DESC, e.id DESC LIMIT 1),
                        (SELECT max(e.date) FROM evaluations e WHERE e.plan_item_id = p.id)
                 FROM plan_items p JOIN dossiers d ON d.id = p.dossier_id
                 WHERE d.deleted_at IS NULL",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(sql)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql)?;
        // (intervention, traject) → the newest evaluation's (date, verdict).
        let mut per: BTreeMap<(String, String), Option<(String, String)>> = BTreeMap::new();
        for (traject, intervention, verdict, date) in rows {
            let entry = per.entry((intervention, traject)).or_default();
            if let (Some(v), Some(d)) = (verdict, date)
                && entry.as_ref().is_none_or(|(old, _)| d > *old)
            {
                *entry = Some((d, v));
            }
        }
        let mut out: BTreeMap<String, PracticeCount> = BTreeMap::new();
        for ((intervention, _), newest) in per {
            let count = out.entry(intervention).or_default();
            count.trajecten += 1;
            count.chosen += 1;
            if let Some((_, verdict)) = newest
                && count.verdicts.add(&verdict)
            {
                count.evaluated += 1;
            }
        }
        Ok(out)
    }

    /// The dossier that follows up dossier `id` (not in the trash), if any.
    pub fn follow_up_of(&self, id: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension as _;
        self.conn()
            .query_row("SELECT id FROM dossiers WHERE follows = ?1 AND deleted_at IS NULL LIMIT 1", [id], |r| r.get(0))
            .optional()
            .map_err(sql)
    }

    /// Whether there is any practice to show (a plan item, or a shared record): lets the
    /// search skip the counting when there is none.
    pub fn has_practice(&self) -> Result<bool> {
        self.conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM plan_items) OR EXISTS (SELECT 1 FROM shared_outcomes)", [], |r| {
                r.get(0)
            })
            .map_err(sql)
    }
}
