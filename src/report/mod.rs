//! The advice report of a dossier, to hand over at the end of a visit: the visit, the
//! answers, the chosen interventions with the reasons and the four things the leidraad says
//! workers must be told (what you get, what it involves, time, privacy) plus cost and
//! evidence, the coverage matrix, the action plan, the sources, and the catalogue version.
//!
//! Rendering is pure (data in, text out); every piece of catalogue or user text is escaped.
//! What the report shows is built once (`rows.rs`: facts, tables, the plan's rows); the same
//! sections, in the same order, reach every format: HTML (`html.rs`), Markdown
//! (`markdown.rs`), PDF (`pdf.rs`), Word (`docx.rs`). The action plan also leaves as a
//! spreadsheet or a calendar (`sheet.rs`, `ics.rs`); `pva.rs` defines its plan-van-aanpak
//! layout for the RI&E.

pub mod docx;
pub mod evaluate;
mod html;
pub mod ics;
mod markdown;
pub mod pdf;
pub mod pva;
mod rows;
pub mod sheet;
pub mod talk;

use serde::Serialize;

pub use html::{esc, html};
mod format;
pub use markdown::markdown;
pub use rows::PLAN_COLUMNS;

use crate::advisor::{Advice, Coverage};
use crate::catalogue::{Intervention, Taxonomy, Term};
use crate::dossier::talk::TalkSummary;
use crate::dossier::{Dossier, Note};

pub use format::{PlanFormat, ReportFormat, SheetFormat};

/// How a report or an export is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// The notes to show in the report, by number (from `dossier show`).
    pub notes: Vec<i64>,
    /// Show every note.
    pub all_notes: bool,
    /// The confidential conversation notes to show, by number (from `dossier show`); the
    /// others never enter a report.
    pub talk_notes: Vec<i64>,
    /// Replace the output file when it exists (the system's save dialog has asked already).
    pub replace: bool,
}

impl ReportOptions {
    /// The window's report: the notes and confidential conversation notes ticked by number,
    /// replacing the file the save dialog chose (it asked already).
    pub fn ticked(notes: Vec<i64>, talk_notes: Vec<i64>) -> Self {
        ReportOptions { notes, all_notes: false, talk_notes, replace: true }
    }
}

/// Everything a report shows, gathered by the core.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// The dossier.
    pub dossier: Dossier,
    /// The interventions in the report: the shortlist, or the best recommendations when the
    /// shortlist is empty; with why (shortlist) and the advisor's reasons.
    pub items: Vec<ReportItem>,
    /// The advisor's result for the dossier's answers.
    pub advice: Advice,
    /// The coverage matrix (aanbod-scan), when the dossier says what is already offered.
    pub coverage: Option<Coverage>,
    /// The notes the user chose to show in the report (oldest first); none unless asked.
    pub notes: Vec<Note>,
    /// The conversations, without the confidential notes that were not ticked.
    pub talk: TalkSummary,
    /// The measurements before and after, and the new advice for what still plays.
    pub evaluation: EvaluationData,
    /// The records of the interventions in the action plan (for names and themes), also
    /// those not on the shortlist.
    pub plan_records: Vec<Intervention>,
    /// The vocabulary, for labels.
    pub taxonomy: Taxonomy,
    /// Date the report was made (YYYY-MM-DD).
    pub date: String,
    /// Catalogue version.
    pub catalogue_version: String,
    /// Program version.
    pub program_version: String,
}

/// What the section "Evaluatie" shows besides the dossier's evaluations.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EvaluationData {
    /// Per source and key, the baseline and the re-measurement across the traject.
    pub changes: Vec<crate::dossier::evaluate::Change>,
    /// The themes that did not improve.
    pub signals: Vec<crate::advisor::Signal>,
    /// The names of the interventions the advice gives for them (the first five).
    pub advice: Vec<String>,
}

/// One intervention in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportItem {
    /// The record.
    pub record: Intervention,
    /// Why it was chosen (from the shortlist).
    pub why: Option<String>,
    /// The advisor's reasons.
    pub reasons: Vec<String>,
}

const NOT_KNOWN: &str = "niet bekend";

fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
}

fn labels(terms: &[Term], ids: &[String]) -> String {
    if ids.is_empty() { "—".into() } else { ids.iter().map(|id| label(terms, id)).collect::<Vec<_>>().join(", ") }
}

fn known(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or(NOT_KNOWN)
}

pub(crate) use crate::time::{nl_date, nl_dates_in};

/// An optional date for people, or "niet bekend".
fn known_date(value: &Option<String>) -> String {
    value.as_deref().map_or(NOT_KNOWN.to_string(), nl_date)
}
