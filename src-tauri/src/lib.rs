//! The desktop shell: Tauri commands that each call one method of the core
//! ([`keuzehulp::Keuzehulp`]) and map its error to `{code, message}`. No rules live here.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use keuzehulp::advisor::{Advice, Answers};
use keuzehulp::app::{Export, TreeView};
use keuzehulp::catalogue::Taxonomy;
use keuzehulp::catalogue::conversation::Conversations;
use keuzehulp::catalogue::view::RecordView;
use keuzehulp::dossier::file::ImportOutcome;
use keuzehulp::dossier::talk::{TalkInput, TalkOutcome, TalkSummary};
use keuzehulp::dossier::{Dossier, DossierSummary, Note, PlanChange, PlanItem, Trashed, VisitInfo};
use keuzehulp::files::FileKind;
use keuzehulp::report::{PlanFormat, ReportFormat, ReportOptions, SheetFormat};
use keuzehulp::search::{Filters, SearchResult};
use keuzehulp::{Backup, CatalogueSummary, Erasure, Keuzehulp, Session, SessionError};
use serde::Serialize;
use tauri::{AppHandle, Builder, Runtime, State};

mod catalogue;
mod evaluate;
mod files;
mod startup;
pub use files::Files;

/// An error as the front end receives it: a stable code and a Dutch message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ApiError {
    /// Machine-readable code (see `keuzehulp::Error::code`).
    pub code: String,
    /// A message a person can read.
    pub message: String,
}

impl From<keuzehulp::Error> for ApiError {
    fn from(err: keuzehulp::Error) -> Self {
        ApiError { code: err.code().to_string(), message: err.to_string() }
    }
}

/// The session the window holds: the core as opened at start-up, or why it could not be
/// opened (every command then answers with that error, so the window can show it instead of
/// failing blank), and what still works then: backups, unlocking, restoring.
pub struct AppState {
    session: Mutex<Session>,
}

impl From<SessionError> for ApiError {
    fn from(err: SessionError) -> Self {
        ApiError { code: err.code().to_string(), message: err.to_string() }
    }
}

impl AppState {
    /// Wraps an opened (or failed) core.
    pub fn new(core: Result<Keuzehulp, keuzehulp::Error>) -> Self {
        AppState { session: Mutex::new(Session::from_core(core)) }
    }

    /// Opens the core in `data_dir` (or says why there is none).
    pub fn open(data_dir: Result<PathBuf, keuzehulp::Error>) -> Self {
        let mut session = Session::new(data_dir, None);
        if let Err(err) = session.open() {
            eprintln!("keuzehulp: {err}");
        }
        AppState { session: Mutex::new(session) }
    }

    /// The session for `data_dir`, not opened yet: the first command opens it, or
    /// [`AppState::open_now`] from a thread of its own while the window is being made.
    pub fn unopened(data_dir: Result<PathBuf, keuzehulp::Error>) -> Self {
        AppState { session: Mutex::new(Session::new(data_dir, None)) }
    }

    /// Opens the core unless a command did already: whoever takes the session's lock first
    /// opens it, and a command that comes meanwhile waits for it. The start-up work that can
    /// wait (the trash's 30-day purge, the daily backup) is left to [`AppState::maintain`].
    pub fn open_now(&self) {
        if let Ok(mut session) = self.session.lock()
            && let Err(err) = session.open_deferred()
        {
            eprintln!("keuzehulp: {err}");
        }
    }

    /// The start-up work [`AppState::open_now`] left, run a few seconds after the first screen.
    pub fn maintain(&self) {
        if let Ok(mut session) = self.session.lock() {
            session.maintain();
        }
    }

    /// Runs `f` on the session.
    fn session<T>(&self, f: impl FnOnce(&mut Session) -> Result<T, SessionError>) -> Result<T, ApiError> {
        let mut session = self.session.lock().map_err(|_| keuzehulp::Error::Interrupted)?;
        f(&mut session).map_err(ApiError::from)
    }

    /// Runs `f` on the open core.
    fn with<T>(&self, f: impl FnOnce(&mut Keuzehulp) -> Result<T, keuzehulp::Error>) -> Result<T, ApiError> {
        self.session(|session| session.with(f))
    }

    /// Asks where to save `export` (the core says what to ask, or refuses first: then no
    /// dialog opens), writes it there with `write`, and opens a file for reading with the
    /// system's program. Answers with the path and what `write` gave; `None`: cancelled.
    fn save<R: Runtime, T>(
        &self,
        app: &AppHandle<R>,
        files: &Files,
        export: Export<'_>,
        write: impl FnOnce(&mut Keuzehulp, &Path) -> Result<T, keuzehulp::Error>,
    ) -> Result<Option<(String, T)>, ApiError> {
        let asked = self.with(|core| core.save_as(&export))?;
        let Some(path) = files.save(app, &asked) else { return Ok(None) };
        let done = self.with(|core| write(core, &path))?;
        if export.opens() {
            files.show(app, &path);
        }
        Ok(Some((path.display().to_string(), done)))
    }

    /// [`AppState::save`] of a file that is all its writing gives: answers with its path.
    fn save_path<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        files: &Files,
        export: Export<'_>,
        write: impl FnOnce(&mut Keuzehulp, &Path) -> Result<(), keuzehulp::Error>,
    ) -> Result<Option<String>, ApiError> {
        Ok(self.save(app, files, export, write)?.map(|(path, ())| path))
    }
}

/// How many interventions the catalogue holds, and the level × step matrix.
#[tauri::command(async)]
fn catalogue_summary(state: State<'_, AppState>) -> Result<CatalogueSummary, ApiError> {
    state.with(|core| core.summary())
}

/// The vocabulary with Dutch and English labels.
#[tauri::command(async)]
fn taxonomy(state: State<'_, AppState>) -> Result<Taxonomy, ApiError> {
    state.with(|core| Ok(core.taxonomy().clone()))
}

/// The decision tree.
#[tauri::command(async)]
fn tree(state: State<'_, AppState>) -> Result<TreeView, ApiError> {
    state.with(|core| Ok(core.tree()))
}

/// Search as you type.
#[tauri::command(async)]
fn search(state: State<'_, AppState>, query: String, filters: Filters, limit: usize) -> Result<SearchResult, ApiError> {
    state.with(|core| core.search(&query, &filters, limit))
}

/// One intervention with every field, its origin and whether its evidence has lapsed.
#[tauri::command(async)]
fn intervention(state: State<'_, AppState>, id: String) -> Result<RecordView, ApiError> {
    state.with(|core| core.show(&id))
}

/// Recommendations for the answers to the decision tree.
#[tauri::command(async)]
fn advise(state: State<'_, AppState>, answers: Answers, limit: usize) -> Result<Advice, ApiError> {
    state.with(|core| core.advise(&answers, limit))
}

/// The dossiers, most recently changed first, optionally filtered by text; each with its
/// overdue evaluations.
#[tauri::command(async)]
fn dossiers(state: State<'_, AppState>, filter: Option<String>) -> Result<Vec<DossierSummary>, ApiError> {
    state.with(|core| core.dossiers(filter.as_deref()))
}

/// One whole dossier.
#[tauri::command(async)]
fn dossier(state: State<'_, AppState>, id: String) -> Result<Dossier, ApiError> {
    state.with(|core| core.dossier(&id))
}

/// Opens a new dossier; answers with its id.
#[tauri::command(async)]
fn dossier_new(state: State<'_, AppState>, info: VisitInfo) -> Result<String, ApiError> {
    state.with(|core| core.dossier_new(&info))
}

/// Saves a dossier's visit facts (autosave).
#[tauri::command(async)]
fn dossier_update(state: State<'_, AppState>, id: String, info: VisitInfo) -> Result<(), ApiError> {
    state.with(|core| core.dossier_update(&id, &info))
}

/// Keeps the advisor's answers in a dossier.
#[tauri::command(async)]
fn dossier_answer(state: State<'_, AppState>, id: String, answers: Answers) -> Result<(), ApiError> {
    state.with(|core| core.dossier_answer(&id, &answers))
}

/// Puts an intervention on the shortlist, or changes why it is there.
#[tauri::command(async)]
fn dossier_shortlist(
    state: State<'_, AppState>,
    id: String,
    intervention: String,
    why: Option<String>,
) -> Result<(), ApiError> {
    state.with(|core| core.dossier_shortlist(&id, &intervention, why.as_deref()))
}

/// Takes an intervention off the shortlist.
#[tauri::command(async)]
fn dossier_unshortlist(state: State<'_, AppState>, id: String, intervention: String) -> Result<(), ApiError> {
    state.with(|core| core.dossier_unshortlist(&id, &intervention))
}

/// Adds a dated note.
#[tauri::command(async)]
fn dossier_note(state: State<'_, AppState>, id: String, text: String) -> Result<Note, ApiError> {
    state.with(|core| core.dossier_note(&id, &text))
}

/// Adds or changes a line of the action plan.
#[tauri::command(async)]
fn dossier_plan(state: State<'_, AppState>, id: String, change: PlanChange) -> Result<PlanItem, ApiError> {
    state.with(|core| core.dossier_plan(&id, &change))
}

/// Copies a dossier as a template; answers with the new id.
#[tauri::command(async)]
fn dossier_duplicate(state: State<'_, AppState>, id: String) -> Result<String, ApiError> {
    state.with(|core| core.dossier_duplicate(&id))
}

/// Moves a dossier to the trash; `dossier_undelete` brings it back.
#[tauri::command(async)]
fn dossier_delete(state: State<'_, AppState>, id: String) -> Result<(), ApiError> {
    state.with(|core| core.dossier_delete(&id))
}

/// The dossiers in the trash, most recently deleted first.
#[tauri::command(async)]
fn dossier_trash(state: State<'_, AppState>) -> Result<Vec<Trashed>, ApiError> {
    state.with(|core| core.dossier_trash())
}

/// Puts a dossier from the trash back, whole.
#[tauri::command(async)]
fn dossier_undelete(state: State<'_, AppState>, id: String) -> Result<(), ApiError> {
    state.with(|core| core.dossier_undelete(&id))
}

/// Erases a dossier for good, from the store and from every backup that holds it; with
/// `remove_damaged` (the user agreed) a damaged copy of the database set aside that cannot
/// be rewritten is removed.
#[tauri::command(async)]
fn dossier_erase(state: State<'_, AppState>, id: String, remove_damaged: Option<bool>) -> Result<Erasure, ApiError> {
    state.with(|core| core.dossier_erase_with(&id, remove_damaged.unwrap_or(false)))
}

/// Asks where to save dossier `id` and writes it there; answers with the path, or nothing
/// when the user cancelled. The web view never names a path itself. From an encrypted store
/// the file is encrypted too, unless `in_the_clear`. A conversation's confidential notes go
/// along only `with_confidential` (ticked by the professional).
#[tauri::command]
async fn dossier_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    id: String,
    in_the_clear: bool,
    with_confidential: Option<bool>,
) -> Result<Option<String>, ApiError> {
    let export = Export::Dossier { id: &id, in_the_clear };
    let confidential = with_confidential.unwrap_or(false);
    state.save_path(&app, &files, export, |core, path| core.dossier_export(&id, path, in_the_clear, confidential, true))
}

/// Asks which dossier file to import and imports it; a different dossier with the same id is
/// kept beside it, never overwritten. An encrypted file opens with `passphrase`, or without
/// one typed, with the store's. Answers with the outcome, or nothing when cancelled.
#[tauri::command]
async fn dossier_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    passphrase: Option<String>,
) -> Result<Option<ImportOutcome>, ApiError> {
    let Some(path) = files.open(&app, FileKind::DOSSIER_ANY) else { return Ok(None) };
    state.with(|core| core.dossier_import_typed(&path, passphrase.as_deref())).map(Some)
}

/// Asks where to save the advice report of dossier `id` in `format`, with the notes numbered
/// in `notes` (and the confidential conversation notes in `talk_notes`), writes it and opens
/// it with the system's viewer. Answers with the path, or nothing when cancelled. The save
/// dialog has asked before replacing a file, so an existing file is replaced.
#[tauri::command]
async fn report_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    id: String,
    format: ReportFormat,
    notes: Option<Vec<i64>>,
    talk_notes: Option<Vec<i64>>,
) -> Result<Option<String>, ApiError> {
    let options = ReportOptions::ticked(notes.unwrap_or_default(), talk_notes.unwrap_or_default());
    state.save_path(&app, &files, Export::Report { id: &id, format }, |core, path| {
        core.report_with(&id, format, path, &options)
    })
}

/// The conversation guides (team, team leader, worker) with the references they cite.
#[tauri::command(async)]
fn conversation_guides(state: State<'_, AppState>) -> Result<Conversations, ApiError> {
    state.with(|core| core.conversation_guides().cloned())
}

/// Stores a conversation's answers in dossier `id`, all or nothing; the themes rated 1 or 2
/// become the dossier's answers.
#[tauri::command(async)]
fn dossier_talk(state: State<'_, AppState>, id: String, answers: TalkInput) -> Result<TalkOutcome, ApiError> {
    state.with(|core| core.dossier_talk(&id, &answers))
}

/// Takes conversation `conversation` out of dossier `id`; answers the dossier's answers.
#[tauri::command(async)]
fn dossier_untalk(state: State<'_, AppState>, id: String, conversation: i64) -> Result<Answers, ApiError> {
    state.with(|core| core.dossier_untalk(&id, conversation))
}

/// Dossier `id`'s conversations: the ratings for the chart, the notes, where leader and team
/// differ most, and what the advice takes from them.
#[tauri::command(async)]
fn talk_summary(state: State<'_, AppState>, id: String) -> Result<TalkSummary, ApiError> {
    state.with(|core| core.talk_summary(&id))
}

/// Asks where to save the printable A4 sheet of guide `guide` in `format`, writes it and
/// opens it. Answers with the path, or nothing when cancelled.
#[tauri::command]
async fn conversation_sheet_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    guide: String,
    format: SheetFormat,
) -> Result<Option<String>, ApiError> {
    state.save_path(&app, &files, Export::Sheet { guide: &guide, format }, |core, path| {
        core.conversation_sheet(&guide, format, path, true)
    })
}

/// Asks where to save the action plan of dossier `id` in `format` (a workbook with the plan
/// van aanpak on a second sheet, CSV, or the evaluation dates for the agenda), writes it and
/// opens it with the system's program for it. Answers with the path, or nothing when
/// cancelled; a dossier without a plan (or without dates, for the agenda) is refused first.
#[tauri::command]
async fn plan_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    id: String,
    format: PlanFormat,
) -> Result<Option<String>, ApiError> {
    state.save_path(&app, &files, Export::Plan { id: &id, format }, |core, path| {
        core.export_plan(&id, format, path, true)
    })
}

/// The backups in the data directory, newest first; works also when the database is damaged.
#[tauri::command(async)]
fn backups(state: State<'_, AppState>) -> Result<Vec<Backup>, ApiError> {
    state.session(|session| session.backups())
}

/// Makes a backup now.
#[tauri::command(async)]
fn backup_create(state: State<'_, AppState>) -> Result<Backup, ApiError> {
    state.with(|core| core.backup_create())
}

/// Puts back the backup named `file` (a name from `backups`, never a path), then opens the
/// restored database. The current database is kept first: as a backup when it is readable,
/// moved aside when it is damaged.
#[tauri::command(async)]
fn backup_restore(state: State<'_, AppState>, file: String) -> Result<Backup, ApiError> {
    state.session(|session| session.restore_listed(&file))
}

/// Opens an encrypted store with its passphrase; a wrong one changes nothing.
#[tauri::command(async)]
fn unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), ApiError> {
    state.session(|session| session.unlock(&passphrase))
}

/// Whether the store is encrypted.
#[tauri::command(async)]
fn encryption_status(state: State<'_, AppState>) -> Result<bool, ApiError> {
    state.with(|core| Ok(core.encrypted()))
}

/// Turns encryption on (with `passphrase`, also to change it) or off (`null`), for the store
/// and its backups, and opens the store again. With `remove_damaged` (the user agreed),
/// damaged copies of the database that cannot be encrypted are removed; without it they
/// refuse the switch with `damaged_copies`, naming them.
#[tauri::command(async)]
fn encryption_set(
    state: State<'_, AppState>,
    passphrase: Option<String>,
    remove_damaged: Option<bool>,
) -> Result<bool, ApiError> {
    state.session(|session| {
        session.switch_encryption(passphrase.as_deref(), remove_damaged.unwrap_or(false)).map(|(on, _)| on)
    })
}

/// Registers the state and the commands on any runtime (the real one, or the mock one in
/// tests). `files` decides how save and open locations are chosen.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState, files: Files) -> Builder<R> {
    builder
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(files)
        .manage(catalogue::ChosenPack::default())
        .invoke_handler(tauri::generate_handler![
            catalogue_summary,
            taxonomy,
            tree,
            search,
            intervention,
            advise,
            dossiers,
            dossier,
            dossier_new,
            dossier_update,
            dossier_answer,
            dossier_shortlist,
            dossier_unshortlist,
            dossier_note,
            dossier_plan,
            dossier_duplicate,
            dossier_delete,
            dossier_trash,
            dossier_undelete,
            dossier_erase,
            dossier_export,
            dossier_import,
            report_save,
            plan_export,
            conversation_guides,
            dossier_talk,
            dossier_untalk,
            talk_summary,
            conversation_sheet_save,
            backups,
            backup_create,
            backup_restore,
            unlock,
            encryption_status,
            encryption_set,
            catalogue::pack_preview,
            catalogue::pack_import,
            catalogue::catalogue_remove,
            catalogue::trust_list,
            catalogue::trust_add,
            catalogue::trust_remove,
            catalogue::update_from,
            catalogue::own_records,
            catalogue::own_save,
            catalogue::own_export,
            evaluate::instruments,
            evaluate::dossier_measure,
            evaluate::dossier_measure_file,
            evaluate::dossier_unmeasure,
            evaluate::dossier_follow_up,
            evaluate::traject,
            evaluate::before_after,
            evaluate::evaluation_draft,
            evaluate::dossier_evaluate,
            evaluate::evaluation_advice,
            evaluate::practice,
            evaluate::share_export,
            evaluate::share_import,
            evaluate::share_import_file
        ])
}

/// WebKitGTK settings this program runs with unless the user has set them, measured with
/// `tests/e2e/measure.mjs` (PSS of the app and WebKit's helper processes, bundled catalogue):
/// - Accelerated compositing roughly doubles the web process (351 → 205 MB resident at 10,000
///   interventions) and shows a blank window on some virtual machines and older GPUs; these
///   pages are static forms and lists that gain nothing from it.
/// - JavaScriptCore's JIT costs the web process about 25 MB (136 → 111 MB PSS) and buys
///   nothing measurable for a UI this small: key press → results painted stayed at a median of
///   12–14 ms, and 21 ms at 10,000 interventions.
/// - Without the DMA-BUF renderer the app process was about 4 MB smaller (101 → 97 MB PSS);
///   it is also the usual cure for a blank window on some GPU drivers.
///
/// Together the whole program went from 262–267 MB to 234–235 MB PSS with the bundled
/// catalogue (239–243 MB at 10,000 interventions once idle).
///
/// Where the rest goes (2026-11-26, release build, bundled catalogue, Xvfb, per-mapping
/// PSS from `/proc/PID/smaps`; 237 MB in all by `measure.mjs --bundled`):
/// - the app process, about 96 MB: Mesa's LLVM (`libLLVM-15`, loaded with the software GL
///   driver both by GDK's GLX check and by WebKit's EGL display) 20 MB, our own binary's
///   code and data 17–20 MB, WebKit's UI side 13 MB, heap and other anonymous memory 13 MB,
///   GTK 3.5 MB, the X server's shared images 2–4 MB;
/// - the web process, about 103–111 MB: WebKit 40 MB, the same LLVM 20 MB, JavaScriptCore
///   12 MB, flite's speech voices (linked by WebKit) 5 MB;
/// - the network process, 28 MB.
///
/// Tried and not kept: `MALLOC_ARENA_MAX` 1 or 2 (no change), `GDK_GL=disable` and
/// `WEBKIT_SKIA_ENABLE_CPU_RENDERING` (1–3 MB, within noise), the DMA-BUF renderer with
/// shared memory (no change), compositing back on (+62 MB). Without a GL driver at all
/// (`LIBGL_DRIVERS_PATH` or `__EGL_VENDOR_LIBRARY_FILENAMES` pointing nowhere) WebKitGTK
/// 2.50's web process does not start ("Could not create surfaceless EGL display"), so the
/// 40 MB of LLVM stay while WebKit needs EGL. `GALLIUM_DRIVER=softpipe` keeps LLVM loaded
/// and touched (no change). Keeping the GL driver out of the app process alone moves LLVM's
/// shared pages onto the web process (92 + 101 → 73 + 128 MB: no gain).
///
/// The floor under all of this is WebKitGTK itself: `measure.mjs --floor` runs Debian's
/// MiniBrowser with these settings and measures 182 MB on a blank page and 192 MB on our
/// built pages without the core (2026-11-26). So the whole program at ≤ 200 MB would leave
/// 8 MB for the core, its data and the results on screen, where our binary's code alone is
/// 16 MB resident: not reachable on this platform.
#[cfg(target_os = "linux")]
const WEBKIT_DEFAULTS: &[(&str, &str)] =
    &[("WEBKIT_DISABLE_COMPOSITING_MODE", "1"), ("JSC_useJIT", "false"), ("WEBKIT_DISABLE_DMABUF_RENDERER", "1")];

#[cfg(target_os = "linux")]
fn set_webkit_defaults() {
    for (name, value) in WEBKIT_DEFAULTS {
        if std::env::var_os(name).is_none() {
            // SAFETY: called first thing in `run`, from `main`, before any other thread exists,
            // so nothing can read the environment concurrently. WebKit's helper processes
            // inherit it.
            #[allow(unsafe_code)]
            unsafe {
                std::env::set_var(name, value);
            }
        }
    }
}

/// The arguments for the command line when this program was started as the command line:
/// under the name `keuzehulp` (the link the Debian package installs as /usr/bin/keuzehulp),
/// or with `--cli` first (what keuzehulp.exe, the Windows launcher, does). `None` starts the
/// window. The first argument becomes `keuzehulp`, so help and errors name that program.
pub fn command_line(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Vec<std::ffi::OsString>> {
    let mut args = args.into_iter();
    let program = std::path::PathBuf::from(args.next()?);
    let rest: Vec<_> = args.collect();
    let named =
        program.file_stem().and_then(|stem| stem.to_str()).is_some_and(|stem| stem.eq_ignore_ascii_case("keuzehulp"));
    let flagged = rest.first().is_some_and(|first| first == "--cli");
    let skip = usize::from(flagged);
    (named || flagged).then(|| std::iter::once("keuzehulp".into()).chain(rest.into_iter().skip(skip)).collect())
}

/// The title of every message the program shows before (or instead of) its window.
#[cfg(windows)]
const CANNOT_START: &str = "Keuzehulp kan niet starten";

/// What a user on Windows reads when the WebView2 runtime, which draws the window, is not on
/// the computer (Windows 10 without Edge updates, or a locked-down image).
#[cfg(windows)]
const NO_WEBVIEW2: &str = "Keuzehulp heeft Microsoft Edge WebView2 nodig om zijn venster te tonen, en dat \
     onderdeel van Windows ontbreekt op deze computer.\n\n\
     Vraag uw IT-afdeling om de \"WebView2 Runtime\" van Microsoft te installeren, of installeer \
     hem zelf: zoek op microsoft.com naar \"WebView2 Runtime\". Daarna start Keuzehulp gewoon.\n\n\
     Uw dossiers zijn niet aangeraakt. Het opdrachtregelprogramma keuzehulp.exe werkt ook zonder \
     WebView2.";

/// Tells the user why the program stops, where they can read it: on Windows the window
/// program has no console, so a system message box; everywhere also on stderr, for a log.
fn tell_user(message: &str) {
    eprintln!("keuzehulp: {message}");
    #[cfg(windows)]
    {
        use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};
        let wide = |text: &str| text.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
        let (text, title) = (wide(message), wide(CANNOT_START));
        // SAFETY: both pointers are to NUL-terminated UTF-16 buffers that outlive the call;
        // a null owner window is allowed.
        #[allow(unsafe_code)]
        unsafe {
            MessageBoxW(std::ptr::null_mut(), text.as_ptr(), title.as_ptr(), MB_OK | MB_ICONERROR);
        }
    }
}

/// A failure the program did not foresee reaches the user as a Dutch message, not as Rust's
/// panic text; the technical detail goes to stderr for whoever reads the log.
fn tell_user_on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
        let detail = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tell_user(&format!(
            "Er ging iets mis dat Keuzehulp niet had voorzien, en het programma stopt. Uw opgeslagen \
             dossiers zijn niet aangeraakt. Start Keuzehulp opnieuw; gebeurt dit weer, geef dan deze \
             melding door aan wie Keuzehulp beheert.\n\nTechnische details: {detail}{place}"
        ));
    }));
}

/// How long after start-up the trash's purge and the daily backup run: after the first
/// screen, before anyone is likely to have typed a note worth a backup.
const MAINTENANCE_AFTER: std::time::Duration = std::time::Duration::from_secs(3);

/// Opens the core in the default data directory and runs the window. Call it from `main`
/// before starting any thread.
pub fn run() {
    startup::mark("main");
    #[cfg(target_os = "linux")]
    set_webkit_defaults();
    tell_user_on_panic();
    // Without the WebView2 runtime, Tauri cannot make a window and would panic ("failed to
    // create window"); ask first and say what to do.
    #[cfg(windows)]
    if let Err(err) = tauri::webview_version() {
        tell_user(&format!("{NO_WEBVIEW2}\n\nTechnische details: {err}"));
        std::process::exit(1);
    }
    // The store opens (and makes the daily backup when one is due) while the window is made
    // and its page loads, not before: the page's first call waits for it if it must.
    let state = AppState::unopened(keuzehulp::default_data_dir());
    let result = build_app(tauri::Builder::default(), state, Files::from_env())
        .setup(|app| {
            startup::mark("setup");
            let handle = app.handle().clone();
            // Should the thread not start, the first command opens the store instead.
            let _ = std::thread::Builder::new().name("open-store".into()).spawn(move || {
                let state = tauri::Manager::state::<AppState>(&handle);
                state.open_now();
                startup::mark("store-open");
                std::thread::sleep(MAINTENANCE_AFTER);
                state.maintain();
            });
            #[cfg(target_os = "linux")]
            if let Some(window) = tauri::Manager::get_webview_window(app, "main") {
                // One page, no browsing history: WebKit's document-viewer cache model keeps
                // no page cache and small memory caches.
                let _ = window.with_webview(|webview| {
                    use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
                    if let Some(context) = webview.inner().context() {
                        context.set_cache_model(CacheModel::DocumentViewer);
                    }
                });
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        tell_user(&format!(
            "Het venster van Keuzehulp kan niet worden geopend. Uw dossiers zijn niet aangeraakt.\n\n({err})"
        ));
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;
