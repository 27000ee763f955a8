//! The trash: `dossier delete` moves a dossier there (gone from the list and the search,
//! recoverable), `undelete` brings it back whole, `erase` removes every byte of it from the
//! data directory and its backups, and thirty days in the trash erase it at start-up. Time
//! is moved with a fixed clock, never waited for.

use std::path::Path;

use keuzehulp::Keuzehulp;
use keuzehulp::time::Clock;
use serde_json::Value;

use crate::util::{Cli, Run};

const CANARY: &str = "KANARIE-prullenbak-4412";
/// In a conversation's note and in its answers file.
const TALK_CANARY: &str = "KANARIE-gesprek-5521";
const ORG: &str = "Geheime Organisatie Kanarie";
/// In what the team says about an evaluated plan item.
const EVAL_CANARY: &str = "KANARIE-evaluatie-6631";

/// A dossier with facts, answers, a shortlist, a plan, a note holding [`CANARY`] and a team
/// conversation (with its measurement) whose note holds [`TALK_CANARY`].
fn full_dossier(cli: &Cli) -> String {
    let id = cli.json(&["dossier", "new", "--org", ORG, "--sector", "zorg-vvt", "--date", "2026-11-20"])["id"]
        .as_str()
        .expect("id")
        .to_string();
    cli.json(&["dossier", "answer", &id, "--role", "leidinggevende", "--level", "team", "--step", "B2"]);
    cli.json(&["dossier", "note", &id, CANARY]);
    cli.json(&["dossier", "shortlist", &id, "pico", "--why", "dialoog in het team"]);
    cli.json(&["dossier", "plan", &id, "--intervention", "pico", "--who", "Teamleider", "--evaluate-on", "2027-03-01"]);
    let answers = crate::talk::team_conversation_with(cli, &id, TALK_CANARY);
    // The answers file is the user's own; what is erased is what Keuzehulp keeps.
    std::fs::remove_file(answers).expect("remove the answers file");
    id
}

/// [`full_dossier`] with a questionnaire's aggregate and an evaluation whose "what the team
/// says" holds [`EVAL_CANARY`].
fn evaluated_dossier(cli: &Cli) -> String {
    let id = full_dossier(cli);
    crate::evaluate::evaluation_with(cli, &id, EVAL_CANARY);
    id
}

/// The error code of a command that must fail.
fn error_code(cli: &Cli, args: &[&str]) -> String {
    let out = cli.cmd().args(args).arg("--json").run();
    assert!(!out.status.success(), "keuzehulp {args:?} must fail");
    let err: Value = serde_json::from_slice(&out.stderr).expect("JSON error");
    err["error"]["code"].as_str().expect("code").to_string()
}

/// Every file below `dir` whose bytes hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_holding(&path, needle));
        } else if std::fs::read(&path).expect("read").windows(needle.len()).any(|w| w == needle.as_bytes()) {
            found.push(path.display().to_string());
        }
    }
    found
}

#[test]
fn a_deleted_dossier_leaves_the_list_and_comes_back_whole() {
    let cli = Cli::new();
    let id = evaluated_dossier(&cli);
    let other = cli.json(&["dossier", "new", "--org", "Basisschool De Linde"])["id"].as_str().expect("id").to_string();
    let before = cli.json(&["dossier", "show", &id]);

    let done = cli.json(&["dossier", "delete", &id]);
    assert_eq!(done["trashed"], true);
    let ids = |list: &Value| -> Vec<String> {
        list["dossiers"].as_array().expect("list").iter().map(|d| d["id"].as_str().expect("id").to_string()).collect()
    };
    assert_eq!(ids(&cli.json(&["dossier", "list"])), vec![other.clone()], "gone from the list");
    assert_eq!(ids(&cli.json(&["dossier", "list", "--search", "kanarie"])), Vec::<String>::new(), "and the search");
    let trash = cli.json(&["dossier", "trash"]);
    assert_eq!(trash["trash"][0]["id"], id.as_str(), "{trash}");
    assert_eq!(trash["trash"][0]["org"], ORG);
    assert!(trash["trash"][0]["deleted_at"].as_str().is_some_and(|t| t.ends_with('Z')), "{trash}");
    assert_eq!(trash["trash"].as_array().map(Vec::len), Some(1));
    // Until it is put back it cannot be used, and says why.
    assert_eq!(error_code(&cli, &["dossier", "show", &id]), "dossier_in_trash");
    assert_eq!(error_code(&cli, &["dossier", "note", &id, "nog iets"]), "dossier_in_trash");
    assert_eq!(error_code(&cli, &["dossier", "delete", &id]), "dossier_in_trash");
    // The note is still in the data directory: deleting is not erasing.
    assert!(!files_holding(cli.data.path(), CANARY).is_empty(), "the note can still be recovered");

    let text = cli.cmd().args(["dossier", "trash"]).run();
    assert!(String::from_utf8_lossy(&text.stdout).contains(ORG), "the text list names the organisation");

    assert_eq!(cli.json(&["dossier", "undelete", &id])["restored"], true);
    assert_eq!(
        cli.json(&["dossier", "show", &id]),
        before,
        "facts, answers, shortlist, notes, plan and conversations are back"
    );
    assert_eq!(before["conversations"][0]["measurement"]["n"], 8, "with the measurement");
    assert_eq!(before["evaluations"][0]["team_says"], EVAL_CANARY, "with the evaluation");
    assert_eq!(before["measurements"][0]["n"], 12, "and the questionnaire's aggregate");
    assert_eq!(ids(&cli.json(&["dossier", "list"])).len(), 2);
    assert_eq!(cli.json(&["dossier", "trash"])["trash"], serde_json::json!([]));
    assert_eq!(error_code(&cli, &["dossier", "undelete", &id]), "invalid_input", "it is not in the trash");
    assert_eq!(error_code(&cli, &["dossier", "undelete", "d-bestaat-niet"]), "unknown_dossier");
    assert_eq!(error_code(&cli, &["dossier", "delete", "d-bestaat-niet"]), "unknown_dossier");
}

#[test]
fn erasing_leaves_no_byte_of_a_note_in_any_file_of_the_data_directory() {
    let cli = Cli::new();
    let id = evaluated_dossier(&cli);
    let kept = cli.json(&["dossier", "new", "--org", "Basisschool De Linde"])["id"].as_str().expect("id").to_string();
    cli.json(&["backup", "create"]);
    cli.json(&["dossier", "delete", &id]);
    cli.json(&["backup", "create"]);
    assert!(files_holding(cli.data.path(), CANARY).len() >= 3, "the store and two backups hold the note");
    assert!(files_holding(cli.data.path(), TALK_CANARY).len() >= 3, "and the conversation's note");
    assert!(files_holding(cli.data.path(), EVAL_CANARY).len() >= 3, "and the evaluation");

    let done = cli.json(&["dossier", "erase", &id]);
    assert_eq!(done["erased"], true);
    assert_eq!(done["backups_failed"], serde_json::json!([]), "{done}");
    for needle in [CANARY, TALK_CANARY, EVAL_CANARY, ORG] {
        assert_eq!(files_holding(cli.data.path(), needle), Vec::<String>::new(), "{needle} is still on disk");
    }
    assert_eq!(cli.json(&["dossier", "trash"])["trash"], serde_json::json!([]));
    assert_eq!(error_code(&cli, &["dossier", "undelete", &id]), "unknown_dossier");
    assert_eq!(cli.json(&["dossier", "show", &kept])["org"], "Basisschool De Linde", "the other dossier stays");
}

#[test]
fn thirty_days_in_the_trash_erase_a_dossier_at_start_up() {
    let cli = Cli::new();
    let old = evaluated_dossier(&cli);
    let recent = cli.json(&["dossier", "new", "--org", "Basisschool De Linde"])["id"].as_str().expect("id").to_string();
    cli.json(&["backup", "create"]);
    let clock = Clock::fixed_at("2030-03-01T10:00:00Z").expect("clock");
    let open = || Keuzehulp::open_with_clock(cli.data.path(), None, clock.clone()).expect("opens");

    let mut app = open();
    app.dossier_delete(&old).expect("to the trash");
    assert_eq!(app.dossier_trash().expect("trash")[0].erased_on.as_deref(), Some("2030-03-31"));
    clock.advance(20 * 86_400);
    app.dossier_delete(&recent).expect("to the trash");
    drop(app);

    // One second short of thirty days: nothing is erased yet.
    clock.advance(10 * 86_400 - 1);
    let mut app = open();
    assert!(app.take_notices().iter().all(|n| !n.contains("prullenbak")));
    assert_eq!(app.dossier_trash().expect("trash").len(), 2);
    drop(app);

    clock.advance(1);
    let mut app = open();
    let notices = app.take_notices();
    assert!(notices.iter().any(|n| n.contains("1 dossier stond 30 dagen in de prullenbak")), "{notices:?}");
    let trash: Vec<String> = app.dossier_trash().expect("trash").into_iter().map(|t| t.id).collect();
    assert_eq!(trash, vec![recent.clone()], "only the one deleted thirty days ago is erased");
    drop(app);
    assert_eq!(files_holding(cli.data.path(), CANARY), Vec::<String>::new(), "erased from store and backups");
    assert_eq!(files_holding(cli.data.path(), TALK_CANARY), Vec::<String>::new(), "the conversation too");
    assert_eq!(files_holding(cli.data.path(), EVAL_CANARY), Vec::<String>::new(), "and the evaluation");

    let mut app = open();
    app.dossier_undelete(&recent).expect("the recent one still comes back");
    assert_eq!(app.dossiers(None).expect("list").len(), 1);
}

#[test]
fn the_window_opens_the_store_first_and_purges_and_backs_up_a_moment_later() {
    let cli = Cli::new();
    let old = cli.json(&["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    let clock = Clock::fixed_at("2030-03-01T10:00:00Z").expect("clock");
    let mut app = Keuzehulp::open_with_clock(cli.data.path(), None, clock.clone()).expect("opens");
    app.dossier_delete(&old).expect("to the trash");
    drop(app);
    // A change since the last daily backup, so that the next one is due.
    cli.json(&["dossier", "new", "--org", "Basisschool De Linde"]);

    // Thirty days on: the window's opening leaves the trash and the day's backup alone...
    clock.advance(30 * 86_400);
    let mut session = keuzehulp::Session::with_clock(Ok(cli.data.path().to_path_buf()), None, clock.clone());
    let app = session.open_deferred().expect("opens");
    assert_eq!(app.dossier_trash().expect("trash").len(), 1, "not purged while the first screen loads");
    let made_today = |session: &keuzehulp::Session| {
        session.backups().expect("backups").iter().any(|b| b.created_at.starts_with("2030-03-31"))
    };
    assert!(!made_today(&session), "no backup made while the first screen loads");
    // ...until the moment after.
    session.maintain();
    assert!(made_today(&session), "the day's backup made after");
    let app = session.open().expect("open");
    assert!(app.dossier_trash().expect("trash").is_empty(), "purged after");
    assert!(app.take_notices().iter().any(|n| n.contains("30 dagen in de prullenbak")));
}

#[test]
fn the_trash_migration_keeps_every_dossier_and_backs_up_first() {
    let cli = Cli::new();
    let id = full_dossier(&cli);
    // A version 4 store had no conversations: take this one out first.
    let conversation = cli.json(&["dossier", "show", &id])["conversations"][0]["id"].to_string();
    cli.json(&["dossier", "talk", &id, "--remove", &conversation]);
    let before = cli.json(&["dossier", "show", &id]);
    // Take the store back to the schema before the trash, as an older Keuzehulp left it.
    {
        let conn = rusqlite::Connection::open(cli.data.path().join("keuzehulp.sqlite3")).expect("open");
        conn.execute_batch(&format!(
            "{} DROP TABLE measurement_values; DROP TABLE measurements; DROP TABLE conversation_items; \
             DROP TABLE conversations; \
             DROP TABLE revoked_keys; ALTER TABLE trusted_keys DROP COLUMN valid_until; \
             DROP INDEX dossiers_in_trash; ALTER TABLE dossiers DROP COLUMN deleted_at; PRAGMA user_version = 4;",
            crate::util::BACK_TO_VERSION_7
        ))
        .expect("back to version 4");
    }
    assert_eq!(cli.json(&["dossier", "show", &id]), before, "everything is still there after the migration");
    let saved: Vec<Value> = cli
        .json(&["backup", "list"])
        .as_array()
        .expect("list")
        .iter()
        .filter(|b| b["kind"] == "voor-migratie")
        .cloned()
        .collect();
    assert_eq!(saved.len(), 1, "a safety backup before the migration");
    let old = rusqlite::Connection::open(saved[0]["path"].as_str().expect("path")).expect("open backup");
    let version: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 4, "the backup is the database as it was");
    cli.json(&["dossier", "delete", &id]);
    cli.json(&["dossier", "undelete", &id]);
    assert_eq!(cli.json(&["dossier", "show", &id]), before);
}
