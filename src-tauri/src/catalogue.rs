//! The "Catalogus" screen's commands: a pack looked at before it is imported, the trust
//! list, updates from a folder or a web address, and own interventions. Each calls the core
//! ([`keuzehulp::Keuzehulp`]); the web view never names a path: the shell asks.

use std::path::PathBuf;
use std::sync::Mutex;

use keuzehulp::ImportReport;
use keuzehulp::app::Export;
use keuzehulp::app::{OwnSaved, PackPreview, PackUpdate, Removed};
use keuzehulp::catalogue::Intervention;
use keuzehulp::files::FileKind;
use keuzehulp::signing::{TrustList, TrustedKey};
use keuzehulp::time::Day;
use tauri::{AppHandle, Runtime, State};

use crate::{ApiError, AppState, Files};

/// The pack file the user chose and looked at (`pack_preview`), until it is imported or
/// another is chosen. Only the shell knows its path; the window holds the digest of what it
/// was shown, and the import checks the file against it.
#[derive(Debug, Default)]
pub struct ChosenPack(Mutex<Option<PathBuf>>);

impl ChosenPack {
    fn set(&self, path: Option<PathBuf>) {
        if let Ok(mut chosen) = self.0.lock() {
            *chosen = path;
        }
    }

    fn take(&self) -> Result<PathBuf, ApiError> {
        Ok(self.0.lock().ok().and_then(|mut c| c.take()).ok_or(keuzehulp::Error::NoPackChosen)?)
    }
}

/// Asks which pack file to import, checks it (signature, records) and answers with what
/// importing it would change and who signed it; nothing is imported. `None`: cancelled.
#[tauri::command]
pub async fn pack_preview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
    chosen: State<'_, ChosenPack>,
) -> Result<Option<PackPreview>, ApiError> {
    chosen.set(None);
    let Some(path) = files.open(&app, FileKind::PACK) else { return Ok(None) };
    let preview = state.with(|core| core.pack_preview(&path))?;
    chosen.set(Some(path));
    Ok(Some(preview))
}

/// Imports the pack looked at with `pack_preview`, read and checked again: all or nothing,
/// and only when its bytes are still those shown (`digest`, from the preview); otherwise
/// `pack_changed` and nothing is imported.
#[tauri::command(async)]
pub fn pack_import(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPack>,
    digest: String,
) -> Result<ImportReport, ApiError> {
    let path = chosen.take()?;
    state.with(|core| core.import_previewed(&path, &digest))
}

/// Removes an imported record (a publisher's or an own one); the bundled record with that
/// id, if there is one, returns.
#[tauri::command(async)]
pub fn catalogue_remove(state: State<'_, AppState>, id: String) -> Result<Removed, ApiError> {
    state.with(|core| core.catalogue_remove(&id))
}

/// The trusted publishers' keys, and those removed.
#[tauri::command(async)]
pub fn trust_list(state: State<'_, AppState>) -> Result<TrustList, ApiError> {
    state.with(|core| core.trust_list())
}

/// Trusts a public key (the `.pub` file's text or its key line) as publisher `name`, until
/// the day `until` when given.
#[tauri::command(async)]
pub fn trust_add(
    state: State<'_, AppState>,
    key: String,
    name: String,
    until: Option<Day>,
) -> Result<TrustedKey, ApiError> {
    state.with(|core| core.trust_add(&key, &name, until.as_ref().map(Day::as_str)))
}

/// No longer trusts the publisher `name`: its packs are refused from now on.
#[tauri::command(async)]
pub fn trust_remove(state: State<'_, AppState>, name: String) -> Result<(), ApiError> {
    state.with(|core| core.trust_remove(&name))
}

/// Reads and checks the packs of a folder or web address (`index.json`), and answers with
/// what each would change; with `apply` it imports them too (checked again, all first).
#[tauri::command]
pub async fn update_from(state: State<'_, AppState>, from: String, apply: bool) -> Result<Vec<PackUpdate>, ApiError> {
    state.with(|core| core.update_from(&from, !apply))
}

/// The own interventions ("eigen"), whole, for the form.
#[tauri::command(async)]
pub fn own_records(state: State<'_, AppState>) -> Result<Vec<Intervention>, ApiError> {
    state.with(|core| core.own_records())
}

/// Adds (`new`) or changes an own intervention; with problems nothing is saved and each is
/// named with its field.
#[tauri::command(async)]
pub fn own_save(state: State<'_, AppState>, record: Intervention, new: bool) -> Result<OwnSaved, ApiError> {
    state.with(|core| core.own_save(&record, new))
}

/// Asks where to save the own interventions as a pack and writes it; answers with the
/// number of records, or nothing when cancelled. Without own interventions nothing is asked.
#[tauri::command]
pub async fn own_export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    files: State<'_, Files>,
) -> Result<Option<usize>, ApiError> {
    Ok(state.save(&app, &files, Export::Own, |core, path| core.own_export(path))?.map(|(_, n)| n))
}

#[cfg(test)]
mod tests {
    use tauri::test::{mock_builder, mock_context, noop_assets};

    use crate::tests::call_on;
    use crate::{AppState, Files, build_app};

    /// A temporary folder, removed at the end.
    struct Dir(std::path::PathBuf);

    impl Dir {
        fn path(&self) -> &std::path::Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_pack_is_looked_at_then_imported_and_own_records_are_checked_saved_and_shared() {
        let root = std::env::temp_dir().join(format!("keuzehulp-desktop-catalogue-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dir = Dir(root);
        let data = dir.path().join("data");
        let files = dir.path().join("bestanden");
        std::fs::create_dir_all(&files).expect("files dir");
        let mut core = keuzehulp::Keuzehulp::open(&data).expect("core opens");
        core.set_today("2026-11-26").expect("a day");
        let mut record = serde_json::to_value(core.intervention("pico").expect("pico")).expect("json");
        record["id"] = "uit-pakket".into();
        record["name"] = "Overleg uit een pakket".into();
        record["aliases"] = serde_json::json!([]);
        let pack = serde_json::json!({ "format": "keuzehulp-pack", "version": 2, "interventions": [record.clone()] });
        std::fs::write(files.join("pakket.json"), pack.to_string()).expect("pack");
        let keys = keuzehulp::signing::keygen(&dir.path().join("sleutels")).expect("keys");
        keuzehulp::signing::sign(&files.join("pakket.json"), &keys.secret_key).expect("signed");
        let public = std::fs::read_to_string(&keys.public_key).expect("public key");

        let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Folder(files.clone()))
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
        let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);

        // No own records yet: nothing to share, and no dialog asked.
        let err = call("own_export", serde_json::json!({})).expect_err("nothing to share yet");
        assert_eq!(err["code"], "nothing_to_export");
        // Nothing looked at yet: nothing to import.
        let err = call("pack_import", serde_json::json!({ "digest": "0" })).expect_err("nothing chosen");
        assert_eq!(err["code"], "no_pack_chosen");
        // An untrusted signature refuses the pack.
        let err = call("pack_preview", serde_json::json!({})).expect_err("untrusted");
        assert_eq!(err["code"], "signature_refused", "{err}");
        assert!(
            call("pack_import", serde_json::json!({ "digest": "0" })).is_err(),
            "a refused pack is not kept for import"
        );

        let err =
            call("trust_add", serde_json::json!({ "key": public, "name": "", "until": null })).expect_err("no name");
        assert!(err["message"].as_str().is_some_and(|m| m.starts_with("--name: ")), "{err}");
        let added =
            call("trust_add", serde_json::json!({ "key": public, "name": "Arbodienst West", "until": "2099-12-31" }))
                .expect("trusted");
        assert_eq!(added["valid_until"], "2099-12-31");
        let list = call("trust_list", serde_json::json!({})).expect("list");
        assert_eq!(list["trusted"][0]["name"], "Arbodienst West");

        let preview = call("pack_preview", serde_json::json!({})).expect("preview");
        assert_eq!(preview["publisher"], serde_json::json!({ "kind": "publisher", "name": "Arbodienst West" }));
        assert_eq!(preview["added"], serde_json::json!(["uit-pakket"]));
        assert_eq!(preview["file"], "pakket.json", "a file name, never a path");
        assert_eq!(preview["added_records"][0]["origin"]["name"], "Arbodienst West", "{preview}");
        // The file changed after it was shown: refused, nothing imported; looked at again, it imports.
        let original = std::fs::read(files.join("pakket.json")).expect("pack");
        std::fs::write(files.join("pakket.json"), b"{}").expect("swapped");
        let err = call("pack_import", serde_json::json!({ "digest": preview["digest"] })).expect_err("swapped");
        assert_eq!(err["code"], "pack_changed", "{err}");
        std::fs::write(files.join("pakket.json"), original).expect("put back");
        let preview = call("pack_preview", serde_json::json!({})).expect("preview");
        let done = call("pack_import", serde_json::json!({ "digest": preview["digest"] })).expect("import");
        assert_eq!((done["added"].as_u64(), done["publisher"].as_str()), (Some(1), Some("Arbodienst West")));
        let shown = call("intervention", serde_json::json!({ "id": "uit-pakket" })).expect("shown");
        assert_eq!(shown["origin"]["name"], "Arbodienst West");

        // An update from a folder: looked at, then applied.
        let folder = dir.path().join("update");
        std::fs::create_dir_all(&folder).expect("folder");
        record["id"] = "uit-update".into();
        let update = serde_json::json!({ "format": "keuzehulp-pack", "version": 2, "interventions": [record.clone()] });
        std::fs::write(folder.join("a.json"), update.to_string()).expect("pack");
        std::fs::write(folder.join("index.json"), r#"{"packs": ["a.json"]}"#).expect("index");
        let from = folder.display().to_string();
        let looked = call("update_from", serde_json::json!({ "from": from, "apply": false })).expect("dry run");
        assert_eq!(
            (looked[0]["added"].clone(), looked[0]["imported"].clone()),
            (serde_json::json!(["uit-update"]), false.into())
        );
        assert!(call("intervention", serde_json::json!({ "id": "uit-update" })).is_err(), "a dry run imports nothing");
        let applied = call("update_from", serde_json::json!({ "from": from, "apply": true })).expect("update");
        assert_eq!(applied[0]["imported"], true);
        let err = call(
            "update_from",
            serde_json::json!({ "from": dir.path().join("bestaat-niet").display().to_string(), "apply": false }),
        )
        .expect_err("no such folder");
        assert!(err["message"].as_str().is_some_and(|m| m.contains("index.json")), "{err}");

        // An own intervention: problems by field, then saved as "eigen" and shared.
        record["id"] = "eigen-overleg".into();
        record["summary"] = "".into();
        let saved = call("own_save", serde_json::json!({ "record": record, "new": true })).expect("answers");
        assert_eq!(saved["id"], serde_json::Value::Null);
        assert_eq!(
            saved["problems"][0],
            serde_json::json!({ "field": "summary", "message": "is leeg", "message_en": "is empty" })
        );
        record["summary"] = "Een kort overleg.".into();
        let saved = call("own_save", serde_json::json!({ "record": record, "new": true })).expect("saved");
        assert_eq!(saved["id"], "eigen-overleg");
        let own = call("own_records", serde_json::json!({})).expect("own");
        let ids: Vec<&str> = own.as_array().expect("array").iter().filter_map(|r| r["id"].as_str()).collect();
        assert_eq!(ids, ["eigen-overleg", "uit-update"], "an unsigned update is 'eigen' too");
        assert_eq!(call("own_export", serde_json::json!({})).expect("shared"), 2);
        let shared = std::fs::read_to_string(files.join("eigen-interventies-2026-11-26.json")).expect("written");
        assert!(shared.contains("\"eigen-overleg\""), "{shared}");

        // An imported record removed from the window; a bundled one stays.
        let removed = call("catalogue_remove", serde_json::json!({ "id": "uit-pakket" })).expect("removed");
        assert_eq!((removed["id"].as_str(), removed["bundled_back"].as_bool()), (Some("uit-pakket"), Some(false)));
        assert!(call("intervention", serde_json::json!({ "id": "uit-pakket" })).is_err(), "gone");
        let err = call("catalogue_remove", serde_json::json!({ "id": "pico" })).expect_err("bundled");
        assert_eq!(err["code"], "invalid_input", "{err}");
    }
}
