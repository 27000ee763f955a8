//! What the window's "Catalogus" screen needs beyond the command line's methods: a pack
//! looked at before it is imported (who signed it, what it changes), and own interventions
//! made in a form, checked by the same validator as the catalogue files and shared with
//! colleagues as a pack.

use std::path::Path;

use serde::Serialize;

use super::{ImportDiff, Keuzehulp};
use crate::catalogue::view::Credit;
use crate::catalogue::{self, Intervention, Pack, validate};
use crate::catalogue::{Origin, PackOrigin};
use crate::error::{Error, Result};

/// A pack file as checked before importing it: its signature, its records, and what it
/// would change. Nothing has been written.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PackPreview {
    /// The file's name (no folder: the window never shows or sends paths).
    pub file: String,
    /// The trusted publisher that signed it, or "eigen" when it is not signed.
    pub publisher: Credit,
    /// Whether it is signed by a trusted key.
    pub signed: bool,
    /// The pack's own version, when it gives one.
    pub version: Option<String>,
    /// The pack's own date (YYYY-MM-DD), when it gives one.
    pub date: Option<String>,
    /// What importing it would change, and the records it may not write.
    #[serde(flatten)]
    pub diff: ImportDiff,
    /// The SHA-256 of the pack's bytes and its signature's: the window imports exactly these
    /// with [`Keuzehulp::import_previewed`].
    pub digest: String,
}

/// One problem with a field of an own intervention, as the form shows it: on the field and
/// in the error summary.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field as the catalogue files name it: `name`, `evidence.level`, `sources[0].section`.
    pub field: String,
    /// The validator's message.
    pub message: String,
    /// The same in English (the window's English interface), beside the Dutch.
    pub message_en: String,
}

impl FieldProblem {
    fn new(field: &str, nl: String, en: String) -> Self {
        FieldProblem { field: field.to_string(), message: nl, message_en: en }
    }
}

/// What saving an own intervention did: saved (its id), or not, with every problem.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OwnSaved {
    /// The id it was saved under; `None` when there were problems and nothing was saved.
    pub id: Option<String>,
    /// The problems, per field; empty when saved.
    pub problems: Vec<FieldProblem>,
}

impl Keuzehulp {
    /// Reads and checks the pack file at `path` as [`Keuzehulp::import`] would (its
    /// signature against the trust list, every record), and says what importing it would
    /// change, which records it may not write, and who signed it, with the digest of what
    /// was read. Writes nothing.
    pub fn pack_preview(&self, path: &Path) -> Result<PackPreview> {
        let (pack, publisher, digest) = self.read_pack(path)?;
        let diff = self.diff_of(&pack, publisher.as_deref(), &mut self.store.origins()?)?;
        Ok(PackPreview {
            file: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            signed: publisher.is_some(),
            publisher: Credit::of_pack(publisher),
            version: pack.catalogue_version,
            date: pack.date,
            diff,
            digest,
        })
    }

    /// The problems of `record` as an own intervention, per field, in Dutch and English, from
    /// the same validator as the catalogue files and packs ([`validate::check_record`]). `new`: it is being added
    /// (its id must be free); otherwise an own intervention with that id is being changed.
    /// An id of the bundled catalogue or of a publisher's record is never an own record's.
    pub fn own_problems(&self, record: &Intervention, new: bool) -> Result<Vec<FieldProblem>> {
        let mut problems: Vec<FieldProblem> = validate::check_record(record, &self.bundled.taxonomy)
            .into_iter()
            .map(|found| FieldProblem::new(&found.field, found.nl, found.en))
            .collect();
        if !record.id.is_empty() && !problems.iter().any(|p| p.field == "id") {
            let problem = match self.store.origin(&record.id)? {
                Some(stored) if stored.origin == Origin::Bundled => Some((
                    "dit id hoort bij een interventie uit de meegeleverde catalogus; kies een ander id".to_string(),
                    "this id belongs to an intervention of the bundled catalogue; choose another id".to_string(),
                )),
                Some(stored) if stored.pack.publisher.is_some() => {
                    let publisher = stored.pack.publisher.unwrap_or_default();
                    Some((
                        format!("dit id hoort bij een interventie van uitgever {publisher}; kies een ander id"),
                        format!("this id belongs to an intervention of publisher {publisher}; choose another id"),
                    ))
                }
                Some(_) if new => Some((
                    "er is al een eigen interventie met dit id; kies een ander id".to_string(),
                    "there already is an own intervention with this id; choose another id".to_string(),
                )),
                None if !new => Some((
                    "er is geen eigen interventie met dit id".to_string(),
                    "there is no own intervention with this id".to_string(),
                )),
                _ => None,
            };
            if let Some((nl, en)) = problem {
                problems.push(FieldProblem::new("id", nl, en));
            }
        }
        Ok(problems)
    }

    /// Adds (`new`) or changes an own intervention: checked first ([`Keuzehulp::own_problems`]);
    /// with any problem nothing is saved. Saved as an unsigned import, so its origin is
    /// "eigen", dated today.
    pub fn own_save(&mut self, record: &Intervention, new: bool) -> Result<OwnSaved> {
        let problems = self.own_problems(record, new)?;
        if !problems.is_empty() {
            return Ok(OwnSaved { id: None, problems });
        }
        let pack = Pack { interventions: vec![record.clone()], ..Pack::default() };
        let origin = PackOrigin { publisher: None, version: None, date: Some(self.today()) };
        self.store.import(&pack, &origin)?;
        self.records = std::cell::OnceCell::new();
        self.index = None;
        Ok(OwnSaved { id: Some(record.id.clone()), problems })
    }

    /// The own interventions (origin "eigen": made in the window or imported unsigned),
    /// sorted by id.
    pub fn own_records(&self) -> Result<Vec<Intervention>> {
        let mut own = Vec::new();
        for record in self.interventions()? {
            if let Some(stored) = self.store.origin(&record.id)?
                && stored.origin == Origin::Imported
                && stored.pack.publisher.is_none()
            {
                own.push(record.clone());
            }
        }
        Ok(own)
    }

    /// The own interventions as a pack to share with colleagues (unsigned: they import it
    /// as "eigen", or a publisher signs it first).
    pub fn own_pack(&self) -> Result<Pack> {
        let mut pack = catalogue::pack_of(&self.own_records()?, format!("eigen-{}", self.today()));
        pack.date = Some(self.today());
        Ok(pack)
    }

    /// Writes [`Keuzehulp::own_pack`] to `path` (the save dialog has asked about replacing a
    /// file); answers with the number of records. Without own interventions nothing is
    /// written.
    pub fn own_export(&self, path: &Path) -> Result<usize> {
        let pack = self.own_pack()?;
        if pack.interventions.is_empty() {
            return Err(super::save::no_own_records());
        }
        self.check_output(path, true)?;
        let json = serde_json::to_string_pretty(&pack).map_err(Error::json("het pakket"))?;
        crate::replace::write_new(path, json.as_bytes(), true)?;
        Ok(pack.interventions.len())
    }
}
