//! The desktop shell: Tauri commands that each call one method of the core
//! ([`keuzehulp::Keuzehulp`]) and map its error to `{code, message}`. No rules live here.

use std::sync::Mutex;

use keuzehulp::advisor::{Advice, Answers};
use keuzehulp::app::TreeView;
use keuzehulp::catalogue::{Intervention, Taxonomy};
use keuzehulp::search::{Filters, SearchResult};
use keuzehulp::{CatalogueSummary, Keuzehulp};
use serde::Serialize;
use tauri::{Builder, Runtime, State};

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

/// The core as opened at start-up; if it could not be opened, every command answers
/// with that error so the window can show it instead of failing blank.
pub struct AppState(Mutex<Result<Keuzehulp, ApiError>>);

impl AppState {
    /// Wraps the result of opening the core.
    pub fn new(core: Result<Keuzehulp, keuzehulp::Error>) -> Self {
        AppState(Mutex::new(core.map_err(ApiError::from)))
    }

    fn with<T>(&self, f: impl FnOnce(&mut Keuzehulp) -> Result<T, keuzehulp::Error>) -> Result<T, ApiError> {
        let mut guard = self.0.lock().map_err(|_| ApiError {
            code: "internal".into(),
            message: "een eerdere opdracht is mislukt; start Keuzehulp opnieuw".into(),
        })?;
        match guard.as_mut() {
            Ok(core) => f(core).map_err(ApiError::from),
            Err(err) => Err(err.clone()),
        }
    }
}

/// How many interventions the catalogue holds, and the level × step matrix.
#[tauri::command]
fn catalogue_summary(state: State<'_, AppState>) -> Result<CatalogueSummary, ApiError> {
    state.with(|core| core.summary())
}

/// The vocabulary with Dutch and English labels.
#[tauri::command]
fn taxonomy(state: State<'_, AppState>) -> Result<Taxonomy, ApiError> {
    state.with(|core| Ok(core.taxonomy().clone()))
}

/// The decision tree.
#[tauri::command]
fn tree(state: State<'_, AppState>) -> Result<TreeView, ApiError> {
    state.with(|core| Ok(core.tree()))
}

/// Search as you type.
#[tauri::command]
fn search(state: State<'_, AppState>, query: String, filters: Filters, limit: usize) -> Result<SearchResult, ApiError> {
    state.with(|core| core.search(&query, &filters, limit))
}

/// One intervention with every field.
#[tauri::command]
fn intervention(state: State<'_, AppState>, id: String) -> Result<Intervention, ApiError> {
    state.with(|core| core.intervention(&id))
}

/// Recommendations for the answers to the decision tree.
#[tauri::command]
fn advise(state: State<'_, AppState>, answers: Answers, limit: usize) -> Result<Advice, ApiError> {
    state.with(|core| core.advise(&answers, limit))
}

/// Registers the state and the commands on any runtime (the real one, or the mock one in
/// tests).
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder.manage(state).invoke_handler(tauri::generate_handler![
        catalogue_summary,
        taxonomy,
        tree,
        search,
        intervention,
        advise
    ])
}

/// Opens the core in the default data directory and runs the window.
pub fn run() {
    let core = keuzehulp::default_data_dir().and_then(|dir| Keuzehulp::open(&dir));
    if let Err(err) = &core {
        eprintln!("keuzehulp: {err}");
    }
    let result = build_app(tauri::Builder::default(), AppState::new(core)).run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("keuzehulp: het venster kan niet worden geopend: {err}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
    use tauri::webview::InvokeRequest;

    fn invoke(state: AppState, cmd: &str) -> Result<serde_json::Value, serde_json::Value> {
        invoke_with(state, cmd, serde_json::json!({}))
    }

    fn invoke_with(
        state: AppState,
        cmd: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let app = build_app(mock_builder(), state).build(mock_context(noop_assets())).expect("mock app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
        get_ipc_response(
            &webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                // On Linux the request URL must be tauri://localhost (see ECOSYSTEM.md).
                url: "tauri://localhost".parse().expect("valid url"),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<serde_json::Value>().expect("json body"))
    }

    #[test]
    fn catalogue_summary_reports_the_bundled_catalogue() {
        let dir = std::env::temp_dir().join(format!("keuzehulp-desktop-test-{}", std::process::id()));
        let core = Keuzehulp::open(&dir).expect("core opens");
        let expected = core.interventions().expect("records").len();
        let value = invoke(AppState::new(Ok(core)), "catalogue_summary").expect("command succeeds");
        assert_eq!(value["count"].as_u64(), Some(expected as u64));
        assert!(expected >= 45, "the bundled catalogue has at least 45 interventions, found {expected}");
        let rows = value["matrix"].as_array().expect("matrix");
        assert_eq!(rows.len(), 3, "one row per level");
        let _ = std::fs::remove_dir_all(dir);
    }

    fn open_core() -> (std::path::PathBuf, Keuzehulp) {
        let dir = std::env::temp_dir().join(format!("keuzehulp-desktop-test-{}-{}", std::process::id(), rand_suffix()));
        let core = Keuzehulp::open(&dir).expect("core opens");
        (dir, core)
    }

    fn rand_suffix() -> u64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static N: AtomicU64 = AtomicU64::new(0);
        N.fetch_add(1, Ordering::SeqCst)
    }

    #[test]
    fn search_answers_with_hits_and_facets() {
        let (dir, core) = open_core();
        let args = serde_json::json!({ "query": "Ilmarinen", "filters": {}, "limit": 5 });
        let value = invoke_with(AppState::new(Ok(core)), "search", args).expect("search");
        assert_eq!(value["hits"][0]["id"], "huis-van-werkvermogen");
        assert!(value["facets"]["level"].is_object());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn advise_and_intervention_answer_from_the_core() {
        let (dir, core) = open_core();
        let state = AppState::new(Ok(core));
        let args = serde_json::json!({ "answers": { "role": "leidinggevende", "level": "team", "steps": ["B2"] }, "limit": 3 });
        let value = invoke_with(state, "advise", args).expect("advise");
        assert_eq!(value["recommendations"].as_array().map(Vec::len), Some(3));
        assert!(value["recommendations"][0]["reasons"].as_array().is_some_and(|r| !r.is_empty()));
        let (dir2, core2) = open_core();
        let err = invoke_with(AppState::new(Ok(core2)), "intervention", serde_json::json!({ "id": "bestaat-niet" }))
            .expect_err("unknown id");
        assert_eq!(err["code"], "unknown_intervention");
        let _ = std::fs::remove_dir_all(dir);
        let _ = std::fs::remove_dir_all(dir2);
    }

    #[test]
    fn a_core_that_failed_to_open_answers_with_code_and_dutch_message() {
        let err = keuzehulp::Error::DataDir { path: "/geen/toegang".into(), reason: "geen schrijfrechten".into() };
        let value = invoke(AppState::new(Err(err)), "catalogue_summary").expect_err("command fails");
        assert_eq!(value["code"], "data_dir");
        let message = value["message"].as_str().expect("message");
        assert!(message.contains("/geen/toegang") && message.contains("gegevensmap"), "{message}");
    }
}
