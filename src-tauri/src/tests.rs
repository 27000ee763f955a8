//! The commands on Tauri's mock runtime: answers, errors as `{code, message}`, dialogs
//! through a folder, and the capability against what the front end invokes.

use super::*;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

/// Invokes `cmd` with `args` on a mock window, as the front end does.
pub(crate) fn call_on(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
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

fn invoke(state: AppState, cmd: &str) -> Result<serde_json::Value, serde_json::Value> {
    invoke_with(state, cmd, serde_json::json!({}))
}

fn invoke_with(state: AppState, cmd: &str, args: serde_json::Value) -> Result<serde_json::Value, serde_json::Value> {
    let app = build_app(mock_builder(), state, Files::Folder(std::env::temp_dir()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    call_on(&webview, cmd, args)
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
    let args =
        serde_json::json!({ "answers": { "role": "leidinggevende", "level": "team", "steps": ["B2"] }, "limit": 3 });
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
fn a_dossier_made_in_the_window_is_kept_and_its_report_saved_where_chosen() {
    let (dir, core) = open_core();
    let files = dir.join("bestanden");
    std::fs::create_dir_all(&files).expect("files dir");
    let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Folder(files.clone()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id = call("dossier_new", serde_json::json!({ "info": { "org": "Zorg & Co", "sector": "zorg" } }))
        .expect("new dossier");
    let id = id.as_str().expect("id is a string").to_string();
    call("dossier_note", serde_json::json!({ "id": id, "text": "Afspraak met OR" })).expect("note");
    call("dossier_shortlist", serde_json::json!({ "id": id, "intervention": "pico", "why": "korte lijnen" }))
        .expect("shortlist");
    let list = call("dossiers", serde_json::json!({ "filter": "zorg" })).expect("list");
    assert_eq!(list[0]["id"], id.as_str());
    let shown = call("dossier", serde_json::json!({ "id": id })).expect("show");
    assert_eq!(shown["notes"][0]["text"], "Afspraak met OR");
    assert_eq!(shown["shortlist"][0]["why"], "korte lijnen");

    let saved = call("report_save", serde_json::json!({ "id": id, "format": "html" })).expect("report");
    let path = std::path::PathBuf::from(saved.as_str().expect("a path"));
    assert_eq!(path.parent(), Some(files.as_path()));
    let name = path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(name.starts_with("adviesrapport-zorg-co-") && name.ends_with(".html"), "{name}");
    let html = std::fs::read_to_string(&path).expect("report written");
    assert!(html.contains("Zorg &amp; Co") && html.contains("korte lijnen"), "the report names the client and why");

    // A format outside the closed set does not reach the core: the command takes the type.
    let err = call("report_save", serde_json::json!({ "id": id, "format": "odt" })).expect_err("bad format");
    assert!(err.as_str().is_some_and(|m| m.contains("format") && m.contains("odt")), "{err}");

    // Word, with the note the user ticked; a note not ticked stays out.
    let note = call("dossier_note", serde_json::json!({ "id": id, "text": "Alleen voor mij" })).expect("note");
    let first = shown["notes"][0]["id"].clone();
    let saved =
        call("report_save", serde_json::json!({ "id": id, "format": "docx", "notes": [first] })).expect("word report");
    let path = std::path::PathBuf::from(saved.as_str().expect("a path"));
    assert!(path.extension().is_some_and(|e| e == "docx"), "{path:?}");
    let bytes = std::fs::read(&path).expect("report written");
    assert!(bytes.starts_with(b"PK"), "a docx is a zip");
    assert!(note["id"].as_i64().is_some());

    // The action plan: refused without a plan, then the three formats beside each other.
    let err = call("plan_export", serde_json::json!({ "id": id, "format": "xlsx" })).expect_err("no plan yet");
    assert_eq!(err["code"], "nothing_to_export");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("actiepunten")), "{err}");
    let planned = call(
        "dossier_plan",
        serde_json::json!({ "id": id, "change": { "intervention_id": "pico", "who": "HR", "evaluation_date": "2027-03-01" } }),
    )
    .expect("plan");
    assert_eq!(planned["status"], "gepland");
    // A status outside the closed set is the core's own error, not the window's argument parsing.
    let item = &planned["id"];
    let err = call("dossier_plan", serde_json::json!({ "id": id, "change": { "item": item, "status": "klaar" } }))
        .expect_err("not a status");
    assert_eq!(err["code"], "invalid_input", "{err}");
    assert_eq!(err["message"], "status: \"klaar\" is geen status; kies uit: gepland, lopend, afgerond, gestopt");
    let changed = call("dossier_plan", serde_json::json!({ "id": id, "change": { "item": item, "status": "lopend" } }))
        .expect("a status");
    assert_eq!(changed["status"], "lopend");
    for format in ["xlsx", "csv", "ics"] {
        let saved = call("plan_export", serde_json::json!({ "id": id, "format": format })).expect("export");
        let path = std::path::PathBuf::from(saved.as_str().expect("a path"));
        assert_eq!(path.parent(), Some(files.as_path()));
        assert!(path.extension().is_some_and(|e| e == format), "{path:?}");
        assert!(std::fs::metadata(&path).expect("written").len() > 0);
    }
    let ics = std::fs::read_to_string(
        files.join(format!("evaluaties-zorg-co-{}.ics", keuzehulp::time::Clock::system().today())),
    )
    .expect("calendar");
    assert!(ics.contains("DTSTART;VALUE=DATE:20270301"), "{ics}");
    let err = call("plan_export", serde_json::json!({ "id": id, "format": "docx" })).expect_err("not a plan format");
    assert!(err.as_str().is_some_and(|m| m.contains("format") && m.contains("docx")), "{err}");
    let err = call("dossier", serde_json::json!({ "id": "bestaat-niet" })).expect_err("unknown dossier");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("bestaat-niet")), "{err}");

    call("dossier_delete", serde_json::json!({ "id": id })).expect("delete");
    assert_eq!(call("dossiers", serde_json::json!({})).expect("list"), serde_json::json!([]));
    let err = call("dossier", serde_json::json!({ "id": id })).expect_err("in the trash");
    assert_eq!(err["code"], "dossier_in_trash", "{err}");
    let trash = call("dossier_trash", serde_json::json!({})).expect("trash");
    assert_eq!(trash[0]["id"], id.as_str(), "{trash}");
    assert_eq!(trash[0]["org"], "Zorg & Co");
    assert!(trash[0]["deleted_at"].is_string() && trash[0]["erased_on"].is_string(), "{trash}");
    call("dossier_undelete", serde_json::json!({ "id": id })).expect("undelete");
    let back = call("dossier", serde_json::json!({ "id": id })).expect("back");
    assert_eq!(back["notes"].as_array().map(Vec::len), Some(2), "its notes came back: {back}");
    assert_eq!(back["plan"].as_array().map(Vec::len), Some(1), "and its plan: {back}");
    call("dossier_delete", serde_json::json!({ "id": id })).expect("delete again");
    let erased = call("dossier_erase", serde_json::json!({ "id": id })).expect("erase");
    assert_eq!(erased["failed"], serde_json::json!([]), "{erased}");
    assert_eq!(call("dossier_trash", serde_json::json!({})).expect("trash"), serde_json::json!([]));
    let err = call("dossier_undelete", serde_json::json!({ "id": id })).expect_err("gone for good");
    assert_eq!(err["code"], "unknown_dossier", "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_damaged_database_can_be_restored_from_the_window_by_backup_name_only() {
    let (dir, mut core) = open_core();
    let id = core.dossier_new(&keuzehulp::dossier::VisitInfo { org: "Zorggroep Oost".into(), ..Default::default() });
    let id = id.expect("dossier");
    for i in 0..200 {
        core.dossier_note(&id, &format!("notitie {i} {}", "x".repeat(200))).expect("note");
    }
    let made = core.backup_create().expect("backup");
    drop(core);
    // Damage the middle of the database.
    let db = dir.join("keuzehulp.sqlite3");
    let mut bytes = std::fs::read(&db).expect("db");
    let middle = bytes.len() / 2 / 4096 * 4096;
    bytes[middle..middle + 8192].fill(0xA5);
    std::fs::write(&db, &bytes).expect("damage");

    let state = AppState::open(Ok(dir.clone()));
    let app = build_app(mock_builder(), state, Files::Folder(std::env::temp_dir()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let err = call("dossiers", serde_json::json!({})).expect_err("the store is damaged");
    assert_eq!(err["code"], "database_damaged");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("keuzehulp.sqlite3")), "{err}");
    let list = call("backups", serde_json::json!({})).expect("backups are listed without a store");
    assert_eq!(list[0]["file"], made.file.as_str());
    // Only names from the list: no path reaches the restore.
    for bad in ["../keuzehulp.sqlite3", "/etc/passwd", "bestaat-niet.sqlite3"] {
        let err = call("backup_restore", serde_json::json!({ "file": bad })).expect_err("refused");
        assert_eq!(err["code"], "backup_invalid", "{bad}");
    }
    assert_eq!(std::fs::read(&db).expect("db"), bytes, "nothing was written to the damaged file");
    call("backup_restore", serde_json::json!({ "file": made.file })).expect("restore");
    let shown = call("dossier", serde_json::json!({ "id": id })).expect("the restored store answers");
    assert_eq!(shown["notes"].as_array().map(Vec::len), Some(200));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn encryption_is_not_switched_while_another_program_has_the_store_open_and_the_window_goes_on() {
    let (dir, mut core) = open_core();
    let info = keuzehulp::dossier::VisitInfo { org: "Zorggroep Oost".into(), ..Default::default() };
    let id = core.dossier_new(&info).expect("dossier");
    // A script (here: a second core in this process) has the store open too.
    let mut other = Keuzehulp::open(&dir).expect("the other program");
    let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Folder(std::env::temp_dir()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let err = call("encryption_set", serde_json::json!({ "passphrase": "correct paard batterij" }))
        .expect_err("refused while another program has it open");
    assert_eq!(err["code"], "database_in_use", "{err}");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("nog open in een ander venster")), "{err}");
    // The window still works, and the other program's write is kept.
    other.dossier_note(&id, "van het script").expect("the script writes");
    call("dossier_note", serde_json::json!({ "id": id, "text": "van het venster" })).expect("the window writes");
    assert_eq!(call("encryption_status", serde_json::json!({})).expect("status"), false);
    drop(other);
    assert_eq!(
        call("encryption_set", serde_json::json!({ "passphrase": "correct paard batterij", "removeDamaged": false }))
            .expect("alone now"),
        true
    );
    let shown = call("dossier", serde_json::json!({ "id": id })).expect("reopened with the passphrase");
    assert_eq!(shown["notes"].as_array().map(Vec::len), Some(2), "{shown}");
    let erased = call("dossier_erase", serde_json::json!({ "id": id, "removeDamaged": true })).expect("erase");
    assert_eq!((erased["removed"].clone(), erased["wal_pending"].clone()), (serde_json::json!([]), false.into()));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_conversation_entered_in_the_window_steers_the_answers_and_bad_answers_name_their_field() {
    let (dir, core) = open_core();
    let files = dir.join("bestanden");
    std::fs::create_dir_all(&files).expect("files dir");
    let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Folder(files.clone()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id = call("dossier_new", serde_json::json!({ "info": { "org": "Zorggroep Oost" } })).expect("new dossier");
    let id = id.as_str().expect("id").to_string();
    let guides = call("conversation_guides", serde_json::json!({})).expect("guides");
    assert_eq!(guides["guides"].as_array().map(Vec::len), Some(3));

    let answers = serde_json::json!({ "guide": "team", "date": "2026-11-20", "present": 8,
        "themes": [{ "theme": "regelmogelijkheden", "rating": 2, "note": "Rooster komt laat" }] });
    let outcome = call("dossier_talk", serde_json::json!({ "id": id, "answers": answers })).expect("talk");
    assert_eq!(outcome["low"][0]["theme"], "regelmogelijkheden");
    assert_eq!(outcome["answers"]["themes"], serde_json::json!(["roosters-autonomie", "werkdruk"]));
    let summary = call("talk_summary", serde_json::json!({ "id": id })).expect("summary");
    let ratings = &summary["conversations"][0]["ratings"];
    assert_eq!(ratings.as_array().map(Vec::len), Some(7), "every theme of the guide, for the chart");
    assert_eq!((ratings[1]["rating"].as_u64(), ratings[1]["low"].as_bool()), (Some(2), Some(true)));
    assert_eq!(ratings[0]["rating"], serde_json::Value::Null, "skipped");

    let bad = serde_json::json!({ "guide": "team", "date": "2026-11-21", "present": 8,
        "themes": [{ "theme": "regelmogelijkheden", "rating": 9 }] });
    let err = call("dossier_talk", serde_json::json!({ "id": id, "answers": bad })).expect_err("a rating of 9");
    assert_eq!(err["code"], "invalid_answers");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("themes[0].rating: 9 kan niet")), "{err}");
    let conversations = call("dossier", serde_json::json!({ "id": id })).expect("dossier")["conversations"].clone();
    assert_eq!(conversations.as_array().map(Vec::len), Some(1), "nothing stored");

    let saved =
        call("conversation_sheet_save", serde_json::json!({ "guide": "team", "format": "html" })).expect("sheet");
    let path = std::path::PathBuf::from(saved.as_str().expect("a path"));
    assert_eq!(path.parent(), Some(files.as_path()));
    assert!(std::fs::read_to_string(&path).expect("sheet").contains("Hoe gaat het hier nu mee?"));
    let err = call("conversation_sheet_save", serde_json::json!({ "guide": "directie", "format": "pdf" }))
        .expect_err("unknown guide");
    assert_eq!(err["code"], "unknown_value");

    let conversation = conversations[0]["id"].clone();
    let answers =
        call("dossier_untalk", serde_json::json!({ "id": id, "conversation": conversation })).expect("untalk");
    assert_eq!(answers["themes"], serde_json::json!([]));
    let _ = std::fs::remove_dir_all(dir);
}

/// The window's evaluation flow, as the start screen leads it: the overdue item, its draft
/// (the proposal before a verdict), the verdict, the new advice; a group of 9 refused with
/// its own code; a file of answers chosen through the shell, kept only as the aggregate.
#[test]
fn from_the_overdue_item_to_the_verdict_and_the_new_advice() {
    let (dir, mut core) = open_core();
    core.set_today("2026-06-20").expect("today");
    let files = dir.join("bestanden");
    std::fs::create_dir_all(&files).expect("files dir");
    let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Folder(files.clone()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id =
        call("dossier_new", serde_json::json!({ "info": { "org": "Zorggroep Oost", "visit_date": "2026-01-10" } }))
            .expect("new dossier");
    let id = id.as_str().expect("id").to_string();
    let team = |date: &str, n: u32, regel: u8, omgang: u8| {
        serde_json::json!({ "guide": "team", "date": date, "present": n, "themes": [
            { "theme": "regelmogelijkheden", "rating": regel }, { "theme": "omgang", "rating": omgang }] })
    };
    call("dossier_talk", serde_json::json!({ "id": id, "answers": team("2026-01-10", 12, 2, 2) })).expect("baseline");
    let item = call(
        "dossier_plan",
        serde_json::json!({ "id": id, "change": { "intervention_id": "regelmogelijkheden-autonomie",
            "start_date": "2026-01-15", "evaluation_date": "2026-06-01" } }),
    )
    .expect("plan");
    let next = call("dossier_follow_up", serde_json::json!({ "id": id, "date": "2026-06-10" })).expect("follow-up");
    let id2 = next["id"].as_str().expect("id").to_string();
    assert_eq!(next["carried_over"].as_array().map(Vec::len), Some(1));
    call("dossier_talk", serde_json::json!({ "id": id2, "answers": team("2026-06-10", 11, 4, 2) })).expect("again");
    // The start screen's overdue items (evaluation date 01-06-2026, before the system's today):
    // the carried-over item is due in the follow-up, no longer in the first visit.
    let overdue = |dossier: &str| -> usize {
        let list = call("dossiers", serde_json::json!({})).expect("dossiers");
        let d = list.as_array().expect("list").iter().find(|d| d["id"] == dossier).cloned().expect("listed");
        d["overdue"].as_array().map_or(0, Vec::len)
    };
    assert_eq!((overdue(&id), overdue(&id2)), (0, 1));
    let carried = call("dossier", serde_json::json!({ "id": id2 })).expect("dossier")["plan"][0].clone();
    assert_eq!(carried["carried_from"]["item"], item["id"]);

    let input = serde_json::json!({ "item": carried["id"], "carried_out": "ja", "verdict": "" });
    let draft = call("evaluation_draft", serde_json::json!({ "id": id2, "input": input })).expect("draft");
    assert_eq!(draft["proposal"]["verdict"], "werkte", "{draft}");
    assert_eq!(draft["changes"].as_array().map(Vec::len), Some(1), "regelmogelijkheden, not omgang: {draft}");
    let done = call(
        "dossier_evaluate",
        serde_json::json!({ "id": id2, "input": { "item": carried["id"], "carried_out": "ja", "verdict": "werkte", "reached": 10, "reach_of": 12 } }),
    )
    .expect("evaluate");
    assert_eq!((done["evaluation"]["verdict"].as_str(), done["status"].as_str()), (Some("werkte"), Some("afgerond")));
    assert_eq!(overdue(&id2), 0, "evaluated, so no longer overdue");
    let advice = call("evaluation_advice", serde_json::json!({ "id": id2, "limit": 5 })).expect("advice");
    assert_eq!(advice["signals"][0]["theme"], "omgang", "omgang stayed at 2: {advice}");
    let chart = call("before_after", serde_json::json!({ "id": id2 })).expect("before/after");
    assert_eq!(chart.as_array().map(Vec::len), Some(2));
    let practice = call("practice", serde_json::json!({ "id": "regelmogelijkheden-autonomie" })).expect("practice");
    assert_eq!(practice[0]["text"], "Eigen praktijk: 1 keer ingezet, 1 keer werkte");

    let err = call(
        "dossier_measure",
        serde_json::json!({ "id": id2, "input": { "instrument": "bat", "scale": "totaal", "responded": 9, "mean": 2.1 } }),
    )
    .expect_err("nine people");
    assert_eq!(err["code"], "too_few_respondents");
    let mut csv = String::from("1;2;3;4;5;6;7;naam\n");
    for i in 0..10 {
        csv.push_str(&format!("3;4;3;3;2;3;4;KANARIE-{i}\n"));
    }
    std::fs::write(files.join("antwoorden.csv"), csv).expect("csv");
    let measured =
        call("dossier_measure_file", serde_json::json!({ "id": id2, "instrument": "teamthermometer", "invited": 14 }))
            .expect("scored");
    assert_eq!(measured["measurement"]["n"], 10);
    assert!(!measured.to_string().contains("KANARIE"), "no answer leaves the scoring");

    // "Praktijk delen": the outcomes since a date, signed with the key the shell lets the user
    // choose, saved where it lets them save; then read in again as a colleague's pack.
    let keys = keuzehulp::signing::keygen(&files).expect("keys");
    let shared = call("share_export", serde_json::json!({ "since": "2026-01-01", "sign": true })).expect("export");
    assert_eq!((shared["records"].as_u64(), shared["trajecten"].as_u64()), (Some(1), Some(1)), "{shared}");
    assert!(shared["signature"].is_string(), "{shared}");
    assert!(!std::fs::read_to_string(files.join("praktijk-2026-06-20.json")).expect("pack").contains("Zorggroep"));
    let err = call("share_import_file", serde_json::json!({})).expect_err("not trusted yet");
    assert_eq!(err["code"], "signature_refused", "{err}");
    let public = std::fs::read_to_string(&keys.public_key).expect("public key");
    call("trust_add", serde_json::json!({ "key": public, "name": "Arbodienst Oost", "until": null })).expect("trusted");
    let read = call("share_import_file", serde_json::json!({})).expect("imported");
    assert_eq!(
        (read[0]["publisher"].as_str(), read[0]["added"].as_u64()),
        (Some("Arbodienst Oost"), Some(1)),
        "{read}"
    );
    let practice = call("practice", serde_json::json!({ "id": "regelmogelijkheden-autonomie" })).expect("practice");
    assert_eq!(practice[0]["shared_text"], "Praktijk in onze arbodienst (1 traject): 1 keer ingezet, 1 keer werkte");
    let _ = std::fs::remove_dir_all(dir);
}

/// The capability grants exactly the commands the front end invokes, and the build script
/// makes a permission for exactly those.
#[test]
fn the_capability_lists_exactly_the_commands_the_ui_calls() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).expect(p);
    let api = read("../ui/src/api.ts");
    // `call` sends the store's commands in order; `invoke` the ones that run beside them.
    let mut used: Vec<String> = ["invoke<", "call<"]
        .iter()
        .flat_map(|sent| api.split(sent).skip(1))
        .filter_map(|rest| {
            rest.split_once(">(\"").and_then(|(_, r)| r.split_once('"')).map(|(name, _)| name.to_string())
        })
        .collect();
    used.sort();
    used.dedup();
    let capability: serde_json::Value = serde_json::from_str(&read("capabilities/default.json")).expect("json");
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    granted.sort();
    let build = read("build.rs");
    let list = build.split_once("const COMMANDS").and_then(|(_, r)| r.split_once("];")).expect("COMMANDS").0;
    let mut built: Vec<String> = list.split('"').skip(1).step_by(2).map(str::to_string).collect();
    built.sort();
    assert!(used.len() >= 20, "found the invoked commands: {used:?}");
    assert_eq!(granted, used, "capabilities/default.json vs ui/src/api.ts");
    assert_eq!(built, used, "build.rs COMMANDS vs ui/src/api.ts");
    // Beyond app commands, the only grant is opening web links.
    let others: Vec<&serde_json::Value> =
        capability["permissions"].as_array().expect("permissions").iter().filter(|p| !p.is_string()).collect();
    assert_eq!(others.len(), 1);
    assert_eq!(others[0]["identifier"], "opener:allow-open-url");
}

#[test]
fn a_core_that_failed_to_open_answers_with_code_and_dutch_message() {
    let err = keuzehulp::Error::DataDir { path: "/geen/toegang".into(), reason: "geen schrijfrechten".into() };
    let value = invoke(AppState::new(Err(err)), "catalogue_summary").expect_err("command fails");
    assert_eq!(value["code"], "data_dir");
    let message = value["message"].as_str().expect("message");
    assert!(message.contains("/geen/toegang") && message.contains("gegevensmap"), "{message}");
}

/// A window over a fresh core whose dialogs are written down instead of shown.
fn recorded() -> (std::path::PathBuf, tauri::App<tauri::test::MockRuntime>, std::sync::Arc<Mutex<Vec<files::Asked>>>) {
    let (dir, mut core) = open_core();
    core.set_today("2026-11-26").expect("a day");
    let out = dir.join("bestanden");
    std::fs::create_dir_all(&out).expect("files dir");
    let asked = std::sync::Arc::new(Mutex::new(Vec::new()));
    let app = build_app(mock_builder(), AppState::new(Ok(core)), Files::Recording(out, asked.clone()))
        .build(mock_context(noop_assets()))
        .expect("mock app builds");
    (dir, app, asked)
}

fn asked_so_far(asked: &Mutex<Vec<files::Asked>>) -> Vec<files::Asked> {
    asked.lock().expect("log").clone()
}

#[test]
fn no_dialog_opens_when_there_is_nothing_to_export() {
    let (dir, app, asked) = recorded();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id = call("dossier_new", serde_json::json!({ "info": { "org": "Zorg & Co" } })).expect("new dossier");

    for format in ["xlsx", "csv", "ics"] {
        let err = call("plan_export", serde_json::json!({ "id": id, "format": format })).expect_err("no plan");
        assert_eq!(err["code"], "nothing_to_export", "{err}");
    }
    let err = call("own_export", serde_json::json!({})).expect_err("no own interventions");
    assert_eq!(
        (err["code"].as_str(), err["message"].as_str()),
        (
            Some("nothing_to_export"),
            Some("er zijn nog geen eigen interventies om te delen; er is geen bestand geschreven")
        )
    );
    let err = call("report_save", serde_json::json!({ "id": "weg", "format": "pdf" })).expect_err("no dossier");
    assert_eq!(err["code"], "unknown_dossier");
    let err = call("conversation_sheet_save", serde_json::json!({ "guide": "directie", "format": "pdf" }))
        .expect_err("no guide");
    assert!(err["message"].as_str().is_some_and(|m| m.contains("directie")), "{err}");
    let err = call("dossier_measure_file", serde_json::json!({ "id": id, "instrument": "geen" })).expect_err("no such");
    assert_eq!(err["code"], "unknown_value", "{err}");
    assert_eq!(asked_so_far(&asked), Vec::<files::Asked>::new(), "no dialog was opened");

    // With something to export, exactly one dialog asks.
    call("report_save", serde_json::json!({ "id": id, "format": "md" })).expect("saved");
    assert_eq!(asked_so_far(&asked).len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn each_save_and_open_dialog_filters_on_its_own_kind_of_file() {
    let (dir, app, asked) = recorded();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id = call("dossier_new", serde_json::json!({ "info": { "org": "Zorg & Co" } })).expect("new dossier");
    let change = serde_json::json!({ "intervention_id": "pico", "evaluation_date": "2027-03-01" });
    call("dossier_plan", serde_json::json!({ "id": id, "change": change })).expect("plan");

    for format in ["pdf", "html", "md", "docx"] {
        call("report_save", serde_json::json!({ "id": id, "format": format })).expect("report");
    }
    for format in ["xlsx", "csv", "ics"] {
        call("plan_export", serde_json::json!({ "id": id, "format": format })).expect("plan");
    }
    call("conversation_sheet_save", serde_json::json!({ "guide": "team", "format": "html" })).expect("sheet");
    call("dossier_export", serde_json::json!({ "id": id, "inTheClear": false })).expect("dossier");
    call("dossier_import", serde_json::json!({ "passphrase": "" })).expect("imported, a blank passphrase is none");
    let shown: Vec<(String, Vec<String>, Option<String>)> = asked_so_far(&asked);
    let ext = |list: &[&str]| list.iter().map(|e| e.to_string()).collect::<Vec<_>>();
    let name = |n: &str| Some(n.to_string());
    let expected = vec![
        ("PDF".into(), ext(&["pdf"]), name("adviesrapport-zorg-co-2026-11-26.pdf")),
        ("HTML".into(), ext(&["html", "htm"]), name("adviesrapport-zorg-co-2026-11-26.html")),
        ("Markdown".into(), ext(&["md"]), name("adviesrapport-zorg-co-2026-11-26.md")),
        ("Word-document".into(), ext(&["docx"]), name("adviesrapport-zorg-co-2026-11-26.docx")),
        ("Excel-werkmap".into(), ext(&["xlsx"]), name("actieplan-zorg-co-2026-11-26.xlsx")),
        ("CSV (puntkomma's)".into(), ext(&["csv"]), name("actieplan-zorg-co-2026-11-26.csv")),
        ("Agenda (iCalendar)".into(), ext(&["ics"]), name("evaluaties-zorg-co-2026-11-26.ics")),
        ("HTML".into(), ext(&["html"]), name("gespreksformulier-team.html")),
        ("Keuzehulp-dossier".into(), ext(&["json"]), name("dossier-zorg-co.json")),
        ("Keuzehulp-dossier".into(), ext(&["json", "keuzehulp"]), None),
    ];
    assert_eq!(shown, expected);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_day_crosses_checked_and_a_blank_filter_is_no_filter() {
    let (dir, app, _) = recorded();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("mock window");
    let call = |cmd: &str, args: serde_json::Value| call_on(&webview, cmd, args);
    let id = call("dossier_new", serde_json::json!({ "info": { "org": "Zorg & Co" } })).expect("new dossier");
    // A day the calendar lacks does not reach the core.
    let err = call("dossier_follow_up", serde_json::json!({ "id": id, "date": "2026-02-31" })).expect_err("no day");
    assert!(err.as_str().is_some_and(|m| m.contains("2026-02-31")), "{err}");
    let list = call("dossiers", serde_json::json!({ "filter": "  " })).expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    call("dossier_shortlist", serde_json::json!({ "id": id, "intervention": "pico", "why": " " })).expect("chosen");
    let shown = call("dossier", serde_json::json!({ "id": id })).expect("dossier");
    assert_eq!(shown["shortlist"][0]["why"], serde_json::Value::Null);
    let next = call("dossier_follow_up", serde_json::json!({ "id": id, "date": "2026-12-01" })).expect("follow-up");
    let visit = call("dossier", serde_json::json!({ "id": next["id"] })).expect("next");
    assert_eq!(visit["visit_date"], "2026-12-01");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_call_that_broke_off_halfway_is_named_and_asks_for_a_restart() {
    let (dir, core) = open_core();
    let state = AppState::new(Ok(core));
    // A call that panics while it holds the session leaves it poisoned.
    let _ = std::thread::scope(|s| {
        s.spawn(|| {
            let _held = state.session.lock();
            panic!("a defect halfway through a call");
        })
        .join()
    });
    let err = state.with(|core| core.dossiers(None)).expect_err("not trusted any more");
    assert_eq!(err.code, "interrupted");
    assert!(err.message.contains("start het opnieuw"), "{}", err.message);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_window_program_answers_as_the_command_line_by_name_or_flag() {
    use std::ffi::OsString;
    let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
    let cli = |list: &[&str]| crate::command_line(args(list));
    // The Debian package's /usr/bin/keuzehulp is a link to the window program.
    assert_eq!(cli(&["/usr/bin/keuzehulp", "search", "werkdruk"]), Some(args(&["keuzehulp", "search", "werkdruk"])));
    // keuzehulp.exe on Windows starts keuzehulp-desktop.exe --cli …
    assert_eq!(
        cli(&["C:/Keuzehulp/keuzehulp-desktop.exe", "--cli", "--version"]),
        Some(args(&["keuzehulp", "--version"]))
    );
    assert_eq!(cli(&["C:/Keuzehulp/KEUZEHULP.EXE", "--version"]), Some(args(&["keuzehulp", "--version"])));
    // Anything else opens the window, whatever it is given.
    assert_eq!(cli(&["/usr/bin/keuzehulp-desktop"]), None);
    assert_eq!(cli(&["/usr/bin/keuzehulp-desktop", "search"]), None);
    assert_eq!(cli(&[]), None);
}

#[test]
fn the_store_opens_beside_the_window_and_a_command_that_comes_first_waits_for_it() {
    let dir = std::env::temp_dir().join(format!("keuzehulp-desktop-lazy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A command before the opening thread ran: it opens the store itself.
    let value = invoke(AppState::unopened(Ok(dir.clone())), "catalogue_summary").expect("command succeeds");
    assert!(value["count"].as_u64().is_some_and(|n| n >= 45), "{value}");
    // The opening thread first, then a command: the same answer, from the one open store.
    let state = AppState::unopened(Ok(dir.clone()));
    std::thread::scope(|scope| {
        scope.spawn(|| state.open_now());
    });
    let again = invoke(state, "catalogue_summary").expect("command succeeds");
    assert_eq!(again["count"], value["count"]);
    assert!(dir.join("keuzehulp.sqlite3").exists(), "the store was made in the data directory");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_command_runs_on_the_main_thread() {
    // Tauri runs a command declared as a plain `fn` on the main thread, where the window is
    // drawn. Every command takes the store's lock, which start-up maintenance (the daily
    // backup, the trash's purge) or a long switch of encryption can hold for seconds: on the
    // main thread such a command froze the whole window meanwhile. So each is an `async fn`
    // or `#[tauri::command(async)]`, which Tauri runs on its own threads.
    let sources = [
        ("lib.rs", include_str!("lib.rs")),
        ("catalogue.rs", include_str!("catalogue.rs")),
        ("evaluate.rs", include_str!("evaluate.rs")),
    ];
    let mut on_main = Vec::new();
    let mut commands = 0;
    for (file, source) in sources {
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.trim_start().starts_with("#[tauri::command") {
                continue;
            }
            commands += 1;
            let signature = lines[i + 1..].iter().find(|l| !l.trim_start().starts_with("#[")).copied().unwrap_or("");
            let is_async = line.contains("(async)") || signature.contains("async fn");
            if !is_async {
                on_main.push(format!("{file}:{}: {}", i + 2, signature.trim()));
            }
        }
    }
    assert!(commands >= 50, "{commands} commands found: the scan no longer sees them");
    assert!(on_main.is_empty(), "commands on the main thread:\n{}", on_main.join("\n"));
}
