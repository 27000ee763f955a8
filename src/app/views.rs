//! What the faces show about the catalogue as a whole: the start screen's summary and
//! matrix, `keuzehulp catalogue`, and the decision tree with its options resolved.

use serde::Serialize;

use super::{Keuzehulp, PROGRAM_VERSION};
use crate::catalogue;
use crate::catalogue::model::{Entry, QuestionKind};
use crate::catalogue::validate;
use crate::error::Result;

/// What the start screen shows about the catalogue.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogueSummary {
    /// Number of interventions.
    pub count: usize,
    /// The bundled catalogue's version (data/catalogue.toml).
    pub version: String,
    /// The program's own version (one version, from Cargo.toml, for the command line, the
    /// window and the installers).
    pub program_version: String,
    /// Its date (YYYY-MM-DD).
    pub date: String,
    /// Its publisher.
    pub publisher: String,
    /// Number of imported interventions.
    pub imported: usize,
    /// Number of interventions whose evidence judgement has lapsed today.
    pub lapsed: usize,
    /// Number of interventions per level and step: `matrix[level][step]`, in taxonomy order.
    pub matrix: Vec<MatrixRow>,
}

/// What `keuzehulp catalogue` prints: the edition, the number of records and the ids whose
/// evidence judgement has lapsed today.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CatalogueInfo {
    /// The bundled catalogue's version.
    pub version: String,
    /// Its date (YYYY-MM-DD).
    pub date: String,
    /// Its publisher.
    pub publisher: String,
    /// Number of interventions in the store (bundled and imported).
    pub records: usize,
    /// Ids of the interventions whose evidence has lapsed, sorted.
    pub lapsed: Vec<String>,
    /// Of those records, how many were imported.
    pub imported: usize,
    /// The day the lapses were judged on.
    pub today: String,
    /// A content hash of every record in the store (changes with each import).
    pub content_hash: String,
}

/// One level's row of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MatrixRow {
    /// The level slug.
    pub level: String,
    /// Counts per step, in taxonomy order.
    pub cells: Vec<MatrixCell>,
}

/// One cell of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MatrixCell {
    /// The step slug.
    pub step: String,
    /// Interventions at this level for this step.
    pub count: usize,
}

/// The decision tree as the front end and `keuzehulp tree --json` show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TreeView {
    /// The four ways in.
    pub entries: Vec<Entry>,
    /// The questions, in order, with their options.
    pub questions: Vec<QuestionView>,
    /// Who a worker can turn to with worries (`data/worker.toml`).
    pub worker: Vec<catalogue::worker::Lead>,
}

/// One question with its options.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionView {
    /// Stable id.
    pub id: String,
    /// Dutch prompt.
    pub prompt: String,
    /// English prompt.
    pub prompt_en: String,
    /// Explanation.
    pub help: String,
    /// Explanation in English.
    pub help_en: String,
    /// How it is answered.
    pub kind: QuestionKind,
    /// The answer field it fills.
    pub answer: String,
    /// Always true: every question may be skipped.
    pub skippable: bool,
    /// An optional refinement, offered beside the results instead of as a question.
    pub refinement: bool,
    /// The options (empty for yes-no).
    pub options: Vec<OptionView>,
}

/// One option of a question.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OptionView {
    /// The value stored in the answers.
    pub value: String,
    /// Dutch label.
    pub label: String,
    /// English label.
    pub label_en: String,
}

impl Keuzehulp {
    /// `keuzehulp catalogue`: the edition, the record count, and the lapsed ids.
    pub fn catalogue_info(&self) -> Result<CatalogueInfo> {
        let edition = &self.bundled.edition;
        Ok(CatalogueInfo {
            version: edition.version.clone(),
            date: edition.date.clone(),
            publisher: edition.publisher.clone(),
            records: self.store.matrix()?.total,
            lapsed: self.lapsed()?,
            imported: self.store.imported_count()?,
            today: self.today(),
            content_hash: self.store.catalogue_hash()?,
        })
    }

    /// Counts for the start screen, straight from the store.
    pub fn summary(&self) -> Result<CatalogueSummary> {
        let counts = self.store.matrix()?;
        let taxonomy = &self.bundled.taxonomy;
        let matrix = taxonomy
            .levels
            .iter()
            .map(|level| MatrixRow {
                level: level.id.clone(),
                cells: taxonomy
                    .steps
                    .iter()
                    .map(|step| MatrixCell {
                        step: step.id.clone(),
                        count: counts.cells.iter().find(|(l, s, _)| *l == level.id && *s == step.id).map_or(0, |c| c.2),
                    })
                    .collect(),
            })
            .collect();
        let edition = &self.bundled.edition;
        Ok(CatalogueSummary {
            count: counts.total,
            version: edition.version.clone(),
            program_version: PROGRAM_VERSION.to_string(),
            date: edition.date.clone(),
            publisher: edition.publisher.clone(),
            imported: self.store.imported_count()?,
            lapsed: self.lapsed()?.len(),
            matrix,
        })
    }

    /// The decision tree with every question's options resolved from the taxonomy.
    pub fn tree(&self) -> TreeView {
        let taxonomy = &self.bundled.taxonomy;
        let questions = self
            .bundled
            .tree
            .questions
            .iter()
            .map(|q| QuestionView {
                id: q.id.clone(),
                prompt: q.prompt.clone(),
                prompt_en: q.prompt_en.clone(),
                help: q.help.clone(),
                help_en: q.help_en.clone(),
                kind: q.kind,
                answer: q.answer.clone(),
                skippable: true,
                refinement: q.refinement,
                options: q
                    .options_from
                    .as_deref()
                    .and_then(|list| validate::taxonomy_list(taxonomy, list))
                    .unwrap_or_default()
                    .iter()
                    .map(|t| OptionView { value: t.id.clone(), label: t.label.clone(), label_en: t.label_en.clone() })
                    .collect(),
            })
            .collect();
        // The worker's page was checked and written by build.rs; it cannot fail to parse.
        let worker = catalogue::worker_leads().unwrap_or_default();
        TreeView { entries: self.bundled.tree.entries.clone(), questions, worker }
    }
}
