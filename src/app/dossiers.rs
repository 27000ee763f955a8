//! The façade's dossiers: visits, answers, shortlist, notes, plan, the trash, dossier files,
//! and what is made from a dossier: the advice report and the action plan's exports.

use std::path::Path;

use super::backups::erase;
use super::{Keuzehulp, PROGRAM_VERSION};
use crate::advisor::{self, Answers};
use crate::backup;
use crate::catalogue;
use crate::dossier::file::ImportOutcome;
use crate::dossier::{self, Dossier, DossierSummary, Note, PlanChange, PlanItem, Trashed, VisitInfo};
use crate::error::{Error, Result};
use crate::report::{self, PlanFormat, ReportData, ReportFormat, ReportItem, ReportOptions};

impl Keuzehulp {
    /// Opens a new dossier; returns its id.
    pub fn dossier_new(&mut self, info: &VisitInfo) -> Result<String> {
        catalogue::check_term("sector", info.sector.as_deref(), &self.bundled.taxonomy.sectors)?;
        self.store.dossier_create(info)
    }

    /// The dossiers, most recently changed first, optionally filtered by text.
    pub fn dossiers(&self, filter: Option<&str>) -> Result<Vec<DossierSummary>> {
        self.store.dossier_list(crate::input::given(filter))
    }

    /// One whole dossier.
    pub fn dossier(&self, id: &str) -> Result<Dossier> {
        self.store.dossier(id)
    }

    /// Changes a dossier's visit facts.
    pub fn dossier_update(&mut self, id: &str, info: &VisitInfo) -> Result<()> {
        catalogue::check_term("sector", info.sector.as_deref(), &self.bundled.taxonomy.sectors)?;
        self.store.dossier_update_info(id, info)
    }

    /// Stores the advisor's answers in a dossier (checked against the taxonomy).
    pub fn dossier_answer(&mut self, id: &str, answers: &Answers) -> Result<()> {
        advisor::check(answers, &self.bundled.taxonomy)?;
        self.store.dossier_set_answers(id, answers)
    }

    /// Puts an intervention on a dossier's shortlist, with why.
    pub fn dossier_shortlist(&mut self, id: &str, intervention: &str, why: Option<&str>) -> Result<()> {
        self.intervention(intervention)?;
        self.store.dossier_shortlist(id, intervention, crate::input::given(why))
    }

    /// Takes an intervention off the shortlist.
    pub fn dossier_unshortlist(&mut self, id: &str, intervention: &str) -> Result<()> {
        self.store.dossier_unshortlist(id, intervention)
    }

    /// Adds a dated note.
    pub fn dossier_note(&mut self, id: &str, text: &str) -> Result<Note> {
        self.store.dossier_note(id, text)
    }

    /// Adds or changes an action-plan item.
    pub fn dossier_plan(&mut self, id: &str, change: &PlanChange) -> Result<PlanItem> {
        if let Some(intervention) = &change.intervention_id {
            self.intervention(intervention)?;
        }
        self.store.dossier_plan(id, change)
    }

    /// Moves a dossier to the trash (see [`Keuzehulp::dossier_trash`]): it is gone from the
    /// list and the search, and comes back whole with [`Keuzehulp::dossier_undelete`] until
    /// it is erased, by the user or [`dossier::TRASH_DAYS`] days later at start-up.
    pub fn dossier_delete(&mut self, id: &str) -> Result<()> {
        self.store.dossier_delete(id)
    }

    /// The dossiers in the trash, most recently deleted first.
    pub fn dossier_trash(&self) -> Result<Vec<Trashed>> {
        self.store.dossier_trash()
    }

    /// Puts a dossier from the trash back, with everything it held.
    pub fn dossier_undelete(&mut self, id: &str) -> Result<()> {
        self.store.dossier_undelete(id)
    }

    /// Erases a dossier for good, in the trash or not: from the store (`secure_delete`, WAL
    /// truncated), then from every backup that holds it. The dossier is gone from the store
    /// when this returns `Ok`; the [`Erasure`](backup::Erasure) names any backup that could
    /// not be rewritten.
    pub fn dossier_erase(&mut self, id: &str) -> Result<backup::Erasure> {
        self.dossier_erase_with(id, false)
    }

    /// [`Keuzehulp::dossier_erase`]; with `remove_damaged` a damaged copy of the database set
    /// aside (`beschadigd-…`) that cannot be rewritten or checked is removed (the user agreed),
    /// instead of named in [`Erasure::failed`](backup::Erasure::failed).
    pub fn dossier_erase_with(&mut self, id: &str, remove_damaged: bool) -> Result<backup::Erasure> {
        erase(&mut self.store, &self.data_dir, id, remove_damaged)
    }

    /// Copies a dossier as a template; returns the new id.
    pub fn dossier_duplicate(&mut self, id: &str) -> Result<String> {
        self.store.dossier_duplicate(id)
    }

    /// Exports a dossier to one file. From an encrypted store the file is encrypted with the
    /// same passphrase, unless `in_the_clear` (the user's explicit choice): then plain JSON.
    /// A conversation's confidential notes stay out of the file unless `with_confidential`
    /// (ticked by the professional). An existing file stays unless `replace`; a file inside
    /// the data directory is never written.
    pub fn dossier_export(
        &self,
        id: &str,
        path: &Path,
        in_the_clear: bool,
        with_confidential: bool,
        replace: bool,
    ) -> Result<()> {
        self.check_output(path, replace)?;
        let key = if self.export_encrypted(in_the_clear) { self.store.key() } else { None };
        dossier::file::export(&self.store, id, path, key, with_confidential)
    }

    /// Whether a file the user named may be written: never over Keuzehulp's own files in the
    /// data directory (the store, a backup; see `refuse_own_files`), not even with `--force`,
    /// and an existing file only with `replace`.
    pub(super) fn check_output(&self, path: &Path, replace: bool) -> Result<()> {
        super::refuse_own_files(path, &self.data_dir)?;
        crate::replace::check_target(path, replace)
    }

    /// Imports a dossier file; a different dossier with the same id is kept unless `replace`.
    pub fn dossier_import(&mut self, path: &Path, replace: bool) -> Result<ImportOutcome> {
        let key = self.store.key().map(str::to_string);
        self.dossier_import_with_key(path, replace, key.as_deref())
    }

    /// The window's import of a dossier file: an encrypted file opens with `passphrase`, or,
    /// when none is typed (missing or empty), with the store's own.
    pub fn dossier_import_typed(&mut self, path: &Path, passphrase: Option<&str>) -> Result<ImportOutcome> {
        match passphrase.filter(|p| !p.is_empty()) {
            Some(key) => self.dossier_import_with_key(path, false, Some(key)),
            None => self.dossier_import(path, false),
        }
    }

    /// [`Keuzehulp::dossier_import`] of a file that may be encrypted with `key`.
    pub fn dossier_import_with_key(&mut self, path: &Path, replace: bool, key: Option<&str>) -> Result<ImportOutcome> {
        let ids: Vec<String> = self.interventions()?.iter().map(|r| r.id.clone()).collect();
        let file = dossier::file::read(path, &self.bundled.taxonomy, &ids, key)?;
        dossier::file::import(&mut self.store, &file, replace)
    }

    /// Everything the advice report of dossier `id` shows, without notes.
    pub fn report_data(&self, id: &str) -> Result<ReportData> {
        self.report_data_with(id, &ReportOptions::default())
    }

    /// Everything the advice report of dossier `id` shows, with the notes `options` names;
    /// a note number the dossier does not have is an error naming it.
    pub fn report_data_with(&self, id: &str, options: &ReportOptions) -> Result<ReportData> {
        let mut dossier = self.store.dossier(id)?;
        // Whatever the store holds (a store from before the limits), a report shows at most
        // what a dossier may hold: its cost stays bounded.
        dossier::limits::clip(&mut dossier);
        if let Some(missing) = options.notes.iter().find(|n| !dossier.notes.iter().any(|x| x.id == **n)) {
            return Err(Error::InvalidInput {
                field: "notitie".into(),
                message: format!("dossier {id} heeft geen notitie {missing} (zie de nummers in dossier show)"),
            });
        }
        // A confidential conversation note enters the report only when it is ticked; it is
        // taken out of the report's copy of the dossier itself, so no format can show it.
        let talk_note_ids: Vec<i64> = dossier
            .conversations
            .iter()
            .flat_map(|c| &c.themes)
            .flat_map(|t| t.note.iter().chain(t.questions.iter().map(|q| &q.note)))
            .map(|n| n.id)
            .collect();
        if let Some(missing) = options.talk_notes.iter().find(|n| !talk_note_ids.contains(n)) {
            return Err(Error::InvalidInput {
                field: "gespreksnotitie".into(),
                message: format!("dossier {id} heeft geen gespreksnotitie {missing} (zie de nummers in dossier show)"),
            });
        }
        let shown = |n: &dossier::talk::TalkNote| !n.confidential || options.talk_notes.contains(&n.id);
        for t in dossier.conversations.iter_mut().flat_map(|c| c.themes.iter_mut()) {
            t.note = t.note.take().filter(shown);
            t.questions.retain(|q| shown(&q.note));
        }
        let talk = dossier::talk::summary(&dossier.conversations, self.conversation_guides()?);
        let notes =
            dossier.notes.iter().filter(|n| options.all_notes || options.notes.contains(&n.id)).cloned().collect();
        // The visit's sector counts when the answers left it open.
        let mut answers = dossier.answers.clone();
        if answers.sector.is_none() {
            answers.sector = dossier.info.sector.clone();
        }
        let advice = self.advise(&answers, 200)?;
        let records = self.interventions()?;
        let reasons = |rid: &str| {
            advice.recommendations.iter().find(|r| r.id == rid).map(|r| r.reasons.clone()).unwrap_or_default()
        };
        let items: Vec<ReportItem> = if dossier.shortlist.is_empty() {
            advice
                .recommendations
                .iter()
                .take(5)
                .filter_map(|r| records.iter().find(|x| x.id == r.id))
                .map(|record| ReportItem { record: record.clone(), why: None, reasons: reasons(&record.id) })
                .collect()
        } else {
            dossier
                .shortlist
                .iter()
                .filter_map(|s| records.iter().find(|x| x.id == s.intervention_id).map(|r| (s, r)))
                .map(|(s, record)| ReportItem {
                    record: record.clone(),
                    why: s.why.clone(),
                    reasons: reasons(&record.id),
                })
                .collect()
        };
        let plan_records =
            records.iter().filter(|r| dossier.plan.iter().any(|p| p.intervention_id == r.id)).cloned().collect();
        let changes = self.before_after(id)?;
        let signals = dossier::evaluate::still_playing(&changes, self.conversation_guides()?);
        let new_advice = if signals.is_empty() {
            Vec::new()
        } else {
            let again = dossier::talk::steer(&answers, signals.clone());
            self.advise(&again, 5)?.recommendations.into_iter().map(|r| r.name).collect()
        };
        let evaluation = report::EvaluationData { changes, signals, advice: new_advice };
        Ok(ReportData {
            coverage: advice.coverage.clone(),
            dossier,
            items,
            advice,
            notes,
            talk,
            evaluation,
            plan_records,
            taxonomy: self.bundled.taxonomy.clone(),
            date: self.today(),
            catalogue_version: self.version()?,
            program_version: PROGRAM_VERSION.to_string(),
        })
    }

    /// Writes the advice report of dossier `id` to `path` as `html`, `md`, `pdf` or `docx`,
    /// with the notes `options` names. The file appears whole or not at all; an existing
    /// file stays unless `options.replace`; the dossier is not changed.
    pub fn report_with(&self, id: &str, format: ReportFormat, path: &Path, options: &ReportOptions) -> Result<()> {
        self.check_output(path, options.replace)?;
        let data = self.report_data_with(id, options)?;
        let bytes = match format {
            ReportFormat::Html => report::html(&data).into_bytes(),
            ReportFormat::Md => report::markdown(&data).into_bytes(),
            ReportFormat::Docx => report::docx::docx(&data)?,
            ReportFormat::Pdf => report::pdf::pdf(&data)?,
        };
        crate::replace::write_new(path, &bytes, options.replace)
    }

    /// Dossier `id` when it has an action plan to export; else [`Error::NothingToExport`]. The
    /// window asks this before it asks where to save.
    pub fn dossier_with_plan(&self, id: &str) -> Result<Dossier> {
        let dossier = self.store.dossier(id)?;
        if dossier.plan.is_empty() {
            return Err(no_plan(id));
        }
        Ok(dossier)
    }

    /// Writes the action plan of dossier `id` to `path` as `xlsx` (the plan, and the plan
    /// van aanpak on a second sheet), `csv` (for Dutch Excel) or `ics` (the evaluation dates
    /// as all-day events). A dossier without a plan, or (for `ics`) without evaluation dates,
    /// is an error and writes nothing; an existing file stays unless `replace`.
    pub fn export_plan(&self, id: &str, format: PlanFormat, path: &Path, replace: bool) -> Result<()> {
        self.check_output(path, replace)?;
        let data = self.report_data(id)?;
        if data.dossier.plan.is_empty() {
            return Err(no_plan(id));
        }
        let bytes = match format {
            PlanFormat::Xlsx => report::sheet::xlsx(&data)?,
            PlanFormat::Csv => report::sheet::csv(&data)?,
            PlanFormat::Ics => report::ics::ics(&data, &self.clock().now_utc())?,
        };
        crate::replace::write_new(path, &bytes, replace)
    }
}

/// Dossier `id` has no action plan to export.
pub(super) fn no_plan(id: &str) -> Error {
    Error::NothingToExport {
        id: Some(id.to_string()),
        reason: "het dossier heeft nog geen actiepunten, dus er is geen actieplan om te exporteren".into(),
    }
}
