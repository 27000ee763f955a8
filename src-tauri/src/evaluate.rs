//! The window's calls for the evaluation loop, each one line over the core: the instrument
//! definitions, a questionnaire's team aggregate (typed in, or scored from a file of answers
//! the shell asks for), a follow-up visit and the traject, an evaluation's draft proposal and
//! the evaluation itself, the measurements before and after, "Nieuw advies voor wat nog
//! speelt", the practice counts, and shared outcome packs.
//!
//! The flow from the start screen: `dossiers` (the overdue items) → `evaluation_draft` (the
//! item, the proposal so far, before and after) → `dossier_evaluate` (the verdict) →
//! `evaluation_advice` (the new advice), with `before_after` for the chart.

use keuzehulp::app::Export;
use keuzehulp::app::{InstrumentView, NewAdvice, ShareExport, ShareImported};
use keuzehulp::dossier::evaluate::{Change, EvaluateOutcome, EvaluationDraft, EvaluationInput};
use keuzehulp::dossier::measure::{MeasureInput, MeasureOutcome};
use keuzehulp::dossier::traject::{FollowUp, Practice, TrajectView};
use keuzehulp::files::FileKind;
use keuzehulp::time::Day;
use tauri::{AppHandle, Runtime, State};

use crate::{ApiError, AppState, Files};

/// The instrument definitions (bundled, and imported from packs).
#[tauri::command(async)]
pub fn instruments(state: State<'_, AppState>) -> Result<Vec<InstrumentView>, ApiError> {
    state.with(|core| core.instruments())
}

/// Stores a team's aggregate on one scale (at least 10 respondents; a low response warns).
#[tauri::command(async)]
pub fn dossier_measure(
    state: State<'_, AppState>,
    id: String,
    input: MeasureInput,
) -> Result<MeasureOutcome, ApiError> {
    state.with(|core| core.dossier_measure(&id, &input))
}

/// Asks which file of answers (CSV) to score for `instrument`, scores it in memory and
/// stores only the team's aggregate per scale; the file is not copied. Nothing when
/// cancelled.
#[tauri::command]
pub async fn dossier_measure_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    id: String,
    instrument: String,
    invited: Option<f64>,
    date: Option<Day>,
) -> Result<Option<MeasureOutcome>, ApiError> {
    // An unknown dossier or instrument is named before asking for the file.
    state.with(|core| core.measure_file_check(&id, &instrument))?;
    let Some(path) = files.open(&app, FileKind::ANSWERS) else { return Ok(None) };
    let date = date.as_ref().map(Day::as_str);
    state.with(|core| core.dossier_measure_file(&id, &instrument, &path, invited, date)).map(Some)
}

/// Takes a measurement (not a conversation's) out of a dossier.
#[tauri::command(async)]
pub fn dossier_unmeasure(state: State<'_, AppState>, id: String, measurement: i64) -> Result<(), ApiError> {
    state.with(|core| core.dossier_unmeasure(&id, measurement))
}

/// "Vervolgbezoek": the next visit of the traject, with the open items and the newest
/// measurement of each source carried over.
#[tauri::command(async)]
pub fn dossier_follow_up(state: State<'_, AppState>, id: String, date: Option<Day>) -> Result<FollowUp, ApiError> {
    state.with(|core| core.dossier_follow_up(&id, date.as_ref().map(Day::as_str)))
}

/// A dossier's place in its traject: the visits, its items and measurements marked new,
/// carried over or closed.
#[tauri::command(async)]
pub fn traject(state: State<'_, AppState>, id: String) -> Result<TrajectView, ApiError> {
    state.with(|core| core.traject(&id))
}

/// The measurements before and after across the dossier's traject, for the chart.
#[tauri::command(async)]
pub fn before_after(state: State<'_, AppState>, id: String) -> Result<Vec<Change>, ApiError> {
    state.with(|core| core.before_after(&id))
}

/// What the evaluation screen shows before the verdict: the item, the proposal for the
/// answers so far, and the measurements before and after. Stores nothing.
#[tauri::command(async)]
pub fn evaluation_draft(
    state: State<'_, AppState>,
    id: String,
    input: EvaluationInput,
) -> Result<EvaluationDraft, ApiError> {
    state.with(|core| core.evaluation_draft(&id, &input))
}

/// Stores an evaluation with the professional's verdict beside the proposal
/// (`invalid_evaluation` names every field; a departing verdict needs a reason).
#[tauri::command(async)]
pub fn dossier_evaluate(
    state: State<'_, AppState>,
    id: String,
    input: EvaluationInput,
) -> Result<EvaluateOutcome, ApiError> {
    state.with(|core| core.dossier_evaluate(&id, &input))
}

/// "Nieuw advies voor wat nog speelt": the advice for the themes that did not improve.
#[tauri::command(async)]
pub fn evaluation_advice(state: State<'_, AppState>, id: String, limit: usize) -> Result<NewAdvice, ApiError> {
    state.with(|core| core.evaluation_advice(&id, limit))
}

/// The practice counts (own and shared), of one intervention or all.
#[tauri::command(async)]
pub fn practice(state: State<'_, AppState>, id: Option<String>) -> Result<Vec<Practice>, ApiError> {
    state.with(|core| core.practice(id.as_deref()))
}

/// Asks where to save the outcome records since `since` (and, with `sign`, first which
/// publisher key signs them), writes them; nothing when cancelled.
#[tauri::command]
pub async fn share_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    since: Day,
    sign: bool,
) -> Result<Option<ShareExport>, ApiError> {
    let key = match sign.then(|| files.open(&app, FileKind::SECRET_KEY)) {
        Some(None) => return Ok(None),
        key => key.flatten(),
    };
    let export = Export::Share { since: &since };
    Ok(state
        .save(&app, &files, export, |core, path| core.share_export(since.as_str(), path, key.as_deref(), true))?
        .map(|(_, done)| done))
}

/// Reads colleagues' signed outcome packs from a folder or web address (`index.json`).
#[tauri::command]
pub async fn share_import(state: State<'_, AppState>, from: String) -> Result<Vec<ShareImported>, ApiError> {
    state.with(|core| core.share_import(&from))
}

/// Asks which colleague's outcome pack to read (its signature beside it), and reads it;
/// nothing when cancelled.
#[tauri::command]
pub async fn share_import_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
) -> Result<Option<Vec<ShareImported>>, ApiError> {
    let Some(path) = files.open(&app, FileKind::SHARE) else { return Ok(None) };
    state.with(|core| core.share_import(&path.to_string_lossy())).map(Some)
}
