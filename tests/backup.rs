//! Backups through the command line: making, listing and restoring them, a damaged database
//! that is named and never written, bad files offered as backups, the daily backup, and
//! stray search-index files swept at start-up. (The pre-migration backup is a unit test of
//! the façade, `app::tests`: it needs a database in an old schema.)

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::util::Cli;
use crate::util::Run;

const DB: &str = "keuzehulp.sqlite3";

/// A dossier with notes, a shortlist and a plan item; returns its id.
fn full_dossier(cli: &Cli, org: &str) -> String {
    let id = cli.json(&["dossier", "new", "--org", org, "--sector", "zorg-vvt", "--date", "2026-11-20"])["id"]
        .as_str()
        .expect("id")
        .to_string();
    cli.json(&["dossier", "note", &id, "Roosterdruk is het grootste punt"]);
    cli.json(&["dossier", "note", &id, "Teamleider wil een pilot"]);
    cli.json(&["dossier", "shortlist", &id, "pico", "--why", "dialoog in het team"]);
    cli.json(&["dossier", "plan", &id, "--intervention", "pico", "--who", "Teamleider", "--evaluate-on", "2027-03-01"]);
    id
}

/// Runs a command that must fail; returns the parsed `{"error": ...}` from stderr.
fn error(cli: &Cli, args: &[&str]) -> Value {
    let output = cli.cmd().args(args).arg("--json").run();
    assert_eq!(output.status.code(), Some(1), "keuzehulp {args:?} must fail");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let value: Value = serde_json::from_slice(&output.stderr).expect("JSON error on stderr");
    value["error"].clone()
}

fn backups(cli: &Cli) -> Vec<Value> {
    cli.json(&["backup", "list"]).as_array().expect("array").clone()
}

fn of_kind(cli: &Cli, kind: &str) -> Vec<Value> {
    backups(cli).into_iter().filter(|b| b["kind"] == kind).collect()
}

/// Every file in the data directory (recursively, except the search index) with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "index") {
                    todo.push(path);
                }
            } else {
                let bytes = std::fs::read(&path).expect("read");
                files.push((path, bytes));
            }
        }
    }
    files.sort();
    files
}

/// Overwrites two pages in the middle of the file with a pattern.
fn damage_middle(path: &Path) {
    let mut bytes = std::fs::read(path).expect("read db");
    let middle = bytes.len() / 2 / 4096 * 4096;
    assert!(bytes.len() >= middle + 8192, "the database is big enough to damage");
    bytes[middle..middle + 8192].fill(0xA5);
    std::fs::write(path, bytes).expect("write");
}

fn set_old(path: &Path) {
    let file = std::fs::OpenOptions::new().write(true).open(path).expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(3600)).expect("set mtime");
}

#[test]
fn a_damaged_database_is_named_left_alone_and_restored_from_the_backup() {
    let cli = Cli::new();
    let a = full_dossier(&cli, "Zorggroep Oost");
    let b = full_dossier(&cli, "Basisschool De Linde");
    let before_a = cli.json(&["dossier", "show", &a]);
    let before_b = cli.json(&["dossier", "show", &b]);
    let made = cli.json(&["backup", "create"]);
    let backup = PathBuf::from(made["path"].as_str().expect("path"));
    assert!(backup.is_file());
    assert_eq!(made["kind"], "handmatig");
    assert_eq!(backups(&cli)[0]["path"], made["path"], "newest first");

    let db = cli.data.path().join(DB);
    damage_middle(&db);
    let damaged = std::fs::read(&db).expect("read");
    for args in [vec!["dossier", "show", a.as_str()], vec!["dossier", "list"], vec!["list"]] {
        let err = error(&cli, &args);
        assert_eq!(err["code"], "database_damaged", "{args:?}");
        let message = err["message"].as_str().expect("message");
        assert!(message.contains(&db.display().to_string()), "names the database: {message}");
        assert!(message.contains(&backup.display().to_string()), "names the backup: {message}");
        assert!(message.contains("backup restore"), "says what to do: {message}");
    }
    // In text, too.
    let output = cli.cmd().args(["dossier", "show", &a]).run();
    assert!(String::from_utf8_lossy(&output.stderr).contains("is beschadigd"));
    assert_eq!(std::fs::read(&db).expect("read"), damaged, "the damaged file is not written to");
    // Listing backups does not need the store.
    assert_eq!(backups(&cli)[0]["path"], made["path"]);

    let restored = cli.json(&["backup", "restore", backup.to_str().expect("path")]);
    assert_eq!(restored["path"], made["path"]);
    assert_eq!(cli.json(&["dossier", "show", &a]), before_a);
    assert_eq!(cli.json(&["dossier", "show", &b]), before_b);
    // The damaged file was moved aside, byte for byte, not deleted.
    let aside: Vec<PathBuf> = std::fs::read_dir(cli.data.path())
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("beschadigd-") && n.ends_with(".sqlite3"))
        })
        .collect();
    assert_eq!(aside.len(), 1, "one damaged file kept aside");
    assert_eq!(std::fs::read(&aside[0]).expect("read"), damaged);
    // A damaged database gets no voor-herstel backup: it cannot be read.
    assert!(of_kind(&cli, "voor-herstel").is_empty());
}

#[test]
fn a_truncated_database_is_refused_and_there_may_be_no_backup_yet() {
    let cli = Cli::new();
    cli.json(&["dossier", "new", "--org", "Fabriek West"]);
    // No dossier existed when the first command opened the store, so no backup yet.
    let backups_dir = cli.data.path().join("backups");
    let _ = std::fs::remove_dir_all(&backups_dir);
    let db = cli.data.path().join(DB);
    let bytes = std::fs::read(&db).expect("read");
    std::fs::write(&db, &bytes[..bytes.len() / 3]).expect("truncate");
    let err = error(&cli, &["dossier", "list"]);
    assert_eq!(err["code"], "database_damaged");
    let message = err["message"].as_str().expect("message");
    assert!(message.contains("geen goede reservekopie"), "{message}");
    assert_eq!(std::fs::read(&db).expect("read"), &bytes[..bytes.len() / 3], "left as it is");
}

#[test]
fn a_file_that_is_no_good_backup_is_refused_and_nothing_changes() {
    let cli = Cli::new();
    let id = full_dossier(&cli, "Zorggroep Oost");
    let made = cli.json(&["backup", "create"]);
    let good = std::fs::read(made["path"].as_str().expect("path")).expect("read backup");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, bytes: &[u8]| {
        let path = elsewhere.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    };
    let newer = write("nieuwer.sqlite3", &good);
    {
        let conn = rusqlite::Connection::open(&newer).expect("open");
        conn.pragma_update(None, "user_version", 99).expect("set version");
    }
    let other_db = elsewhere.path().join("ander-programma.sqlite3");
    {
        let conn = rusqlite::Connection::open(&other_db).expect("open");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("create");
    }
    let cases: Vec<(PathBuf, &str)> = vec![
        (write("tekst.sqlite3", b"dit is geen database"), "backup_invalid"),
        (write("half.sqlite3", &good[..good.len() / 2]), "backup_invalid"),
        (write("leeg.sqlite3", b""), "backup_invalid"),
        (other_db, "backup_invalid"),
        (newer, "store_too_new"),
        (elsewhere.path().join("bestaat-niet.sqlite3"), "read"),
    ];
    let before = snapshot(cli.data.path());
    for (file, code) in cases {
        let err = error(&cli, &["backup", "restore", file.to_str().expect("path")]);
        assert_eq!(err["code"], code, "{}", file.display());
        let message = err["message"].as_str().expect("message");
        assert!(message.contains(&file.display().to_string()), "names the file: {message}");
        assert!(snapshot(cli.data.path()) == before, "{}: nothing in the data directory changed", file.display());
    }
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().map(Vec::len), Some(2));
}

#[test]
fn restoring_over_a_good_database_saves_it_first() {
    let cli = Cli::new();
    let id = full_dossier(&cli, "Zorggroep Oost");
    let made = cli.json(&["backup", "create"]);
    cli.json(&["dossier", "note", &id, "na de reservekopie"]);
    let with_note = cli.json(&["dossier", "show", &id]);
    // A bare file name means a file in the backups directory.
    cli.json(&["backup", "restore", made["file"].as_str().expect("file")]);
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().map(Vec::len), Some(2));
    let saved = of_kind(&cli, "voor-herstel");
    assert_eq!(saved.len(), 1);
    cli.json(&["backup", "restore", saved[0]["path"].as_str().expect("path")]);
    assert_eq!(cli.json(&["dossier", "show", &id]), with_note, "the state before the restore is back");
    for side in ["-wal", "-shm"] {
        assert!(!cli.data.path().join(format!("{DB}{side}")).exists(), "no stale {side} beside the database");
    }
}

#[test]
fn restore_refuses_while_another_program_has_the_database_open() {
    let cli = Cli::new();
    full_dossier(&cli, "Zorggroep Oost");
    let made = cli.json(&["backup", "create"]);
    let db = cli.data.path().join(DB);
    let other = rusqlite::Connection::open(&db).expect("open");
    other.query_row("SELECT count(*) FROM dossiers", [], |r| r.get::<_, i64>(0)).expect("read");
    let before = std::fs::read(&db).expect("read");
    let err = error(&cli, &["backup", "restore", made["path"].as_str().expect("path")]);
    assert_eq!(err["code"], "database_in_use");
    assert_eq!(std::fs::read(&db).expect("read"), before);
    drop(other);
    cli.json(&["backup", "restore", made["path"].as_str().expect("path")]);
}

/// Renames a backup so that it seems to be made at `stamp` (`2020-01-01T09-00-00Z`).
fn backdate(backup: &Value, stamp: &str) {
    let path = PathBuf::from(backup["path"].as_str().expect("path"));
    let kind = backup["kind"].as_str().expect("kind");
    let to = path.with_file_name(format!("keuzehulp-{stamp}-{kind}.sqlite3"));
    std::fs::rename(&path, to).expect("rename");
}

#[test]
fn the_daily_backup_is_made_once_a_day_and_only_after_a_change() {
    let cli = Cli::new();
    cli.json(&["dossier", "list"]);
    assert!(backups(&cli).is_empty(), "no backup of a store without dossiers");
    let id = cli.json(&["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    cli.json(&["dossier", "list"]);
    let daily = of_kind(&cli, "dagelijks");
    assert_eq!(daily.len(), 1, "the first open with a dossier makes one");
    cli.json(&["dossier", "note", &id, "vandaag"]);
    cli.json(&["dossier", "list"]);
    assert_eq!(of_kind(&cli, "dagelijks").len(), 1, "at most one a day");

    // Yesterday's backup, and a change since: a new one.
    backdate(&daily[0], "2020-01-01T09-00-00Z");
    cli.json(&["dossier", "list"]);
    let daily = of_kind(&cli, "dagelijks");
    assert_eq!(daily.len(), 2, "a change since yesterday's backup");
    // Yesterday's again, but no change since: none.
    backdate(&daily[0], "2020-01-02T09-00-00Z");
    cli.json(&["dossier", "list"]);
    cli.json(&["dossier", "show", &id]);
    assert_eq!(of_kind(&cli, "dagelijks").len(), 2, "nothing changed, nothing to save");
    // A change: one more.
    cli.json(&["dossier", "note", &id, "morgen"]);
    cli.json(&["dossier", "list"]);
    let daily = of_kind(&cli, "dagelijks");
    assert_eq!(daily.len(), 3);
    assert!(!daily[0]["created_at"].as_str().expect("date").starts_with("2020"), "the new one is today's");
}

#[test]
fn a_new_store_gets_no_pre_migration_backup() {
    let cli = Cli::new();
    cli.json(&["list"]);
    assert!(backups(&cli).is_empty());
}

#[test]
fn stray_search_index_files_are_swept_at_start_up() {
    let cli = Cli::new();
    assert!(!cli.json(&["search", "werkdruk"])["hits"].as_array().expect("hits").is_empty());
    let index = cli.data.path().join("index");
    let stray = [
        index.join(".tmpAb12Cd"),
        index.join("keuzehulp-stamp.json.tmp"),
        index.join("0123456789abcdef0123456789abcdef.idx"),
    ];
    for path in &stray {
        std::fs::write(path, b"half geschreven").expect("write");
        set_old(path);
    }
    let fresh = index.join(".tmpNu1234");
    std::fs::write(&fresh, b"wordt nog geschreven").expect("write");
    let output = cli.cmd().args(["dossier", "list"]).run();
    assert!(output.status.success());
    let notices = String::from_utf8_lossy(&output.stderr);
    for path in &stray {
        assert!(!path.exists(), "{} is removed", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(notices.contains(name), "the notice names {name}: {notices}");
    }
    assert!(fresh.exists(), "a file that may still be written is left alone");
    // The index itself is intact: no rebuild.
    let output = cli.cmd().args(["search", "werkdruk", "--json"]).run();
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("opnieuw opgebouwd"), "not rebuilt");
    let result: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(!result["hits"].as_array().expect("hits").is_empty());
}

#[test]
fn erasing_a_dossier_erases_it_from_the_backups_too() {
    const CANARY: &str = "KANARIE-7731-wissen";
    const TALK_CANARY: &str = "KANARIE-7732-gesprek";
    let cli = Cli::new();
    let kept = full_dossier(&cli, "Basisschool De Linde");
    let before = cli.json(&["backup", "create"]);
    let erased = full_dossier(&cli, "Zorggroep Oost");
    cli.json(&["dossier", "note", &erased, CANARY]);
    let answers = crate::talk::team_conversation_with(&cli, &erased, TALK_CANARY);
    std::fs::remove_file(answers).expect("remove the answers file");
    cli.json(&["backup", "create"]);
    cli.json(&["backup", "create"]);
    let untouched = std::fs::read(before["path"].as_str().expect("path")).expect("read");

    let done = cli.json(&["dossier", "erase", &erased]);
    assert_eq!(done["erased"], true);
    assert_eq!(done["backups_cleaned"].as_array().map(Vec::len), Some(2), "{done}");
    assert_eq!(done["backups_failed"], serde_json::json!([]));
    for backup in backups(&cli) {
        let bytes = std::fs::read(backup["path"].as_str().expect("path")).expect("read");
        let holds = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
        assert!(!holds(CANARY) && !holds("Zorggroep Oost"), "{} still holds the erased dossier", backup["file"]);
        assert!(!holds(TALK_CANARY), "{} still holds the erased dossier's conversation", backup["file"]);
        assert!(holds("Basisschool De Linde"), "{} lost the other dossier", backup["file"]);
    }
    assert_eq!(
        std::fs::read(before["path"].as_str().expect("path")).expect("read"),
        untouched,
        "a backup without the dossier is not rewritten"
    );

    // The rewritten backups are good backups: restoring one gives the other dossier whole.
    let newest = backups(&cli)[0]["path"].as_str().expect("path").to_string();
    cli.json(&["backup", "restore", &newest]);
    let list = cli.json(&["dossier", "list"]);
    assert_eq!(list["dossiers"].as_array().map(Vec::len), Some(1), "{list}");
    let d = cli.json(&["dossier", "show", &kept]);
    assert_eq!(d["notes"].as_array().map(Vec::len), Some(2));
    assert_eq!(d["plan"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_backup_that_cannot_be_rewritten_is_named_and_the_dossier_is_still_erased() {
    let cli = Cli::new();
    let id = full_dossier(&cli, "Zorggroep Oost");
    let made = cli.json(&["backup", "create"]);
    let path = Path::new(made["path"].as_str().expect("path")).to_path_buf();
    damage_middle(&path);
    let damaged = std::fs::read(&path).expect("read");

    let output = cli.cmd().args(["dossier", "erase", &id]).run();
    assert!(output.status.success(), "the dossier itself is erased");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains(made["file"].as_str().expect("file")) && text.contains("bevat het dossier nog"), "{text}");
    assert_eq!(std::fs::read(&path).expect("read"), damaged, "a backup that fails is left as it was");
    assert_eq!(cli.json(&["dossier", "list"])["dossiers"], serde_json::json!([]));
    let left: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("read dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name.starts_with(".keuzehulp-"))
        .collect();
    assert_eq!(left, Vec::<String>::new(), "no temporary file is left behind");
}

#[test]
fn an_emptied_database_is_damaged_not_new_and_the_backup_is_named() {
    let cli = Cli::new();
    let id = full_dossier(&cli, "Zorggroep Oost");
    let before = cli.json(&["dossier", "show", &id]);
    let newest = cli.json(&["backup", "create"]);
    let daily = [newest];
    // A sync tool or a bad copy leaves a file of 0 bytes.
    let db = cli.data.path().join(DB);
    std::fs::write(&db, b"").expect("empty the database");
    let files = snapshot(cli.data.path());
    for args in [vec!["dossier", "list"], vec!["dossier", "new", "--org", "Nieuw"], vec!["search", "onder"]] {
        let err = error(&cli, &args);
        assert_eq!(err["code"], "database_damaged", "{args:?}");
        let message = err["message"].as_str().expect("message");
        assert!(message.contains("leeg (0 bytes)"), "says what is wrong: {message}");
        assert!(message.contains(daily[0]["path"].as_str().expect("path")), "names the backup: {message}");
    }
    assert_eq!(snapshot(cli.data.path()), files, "nothing is written until the user chooses");
    cli.json(&["backup", "restore", daily[0]["file"].as_str().expect("file")]);
    assert_eq!(cli.json(&["dossier", "show", &id]), before, "every dossier is back");
}

#[test]
fn an_empty_database_file_without_backups_is_a_start_that_was_broken_off() {
    let cli = Cli::new();
    std::fs::write(cli.data.path().join(DB), b"").expect("empty file");
    assert_eq!(cli.json(&["dossier", "list"])["dossiers"].as_array().map(Vec::len), Some(0));
}

#[test]
fn processes_opening_at_once_make_one_daily_backup() {
    let cli = Cli::new();
    cli.json(&["dossier", "new", "--org", "Zorggroep Oost"]);
    assert!(backups(&cli).is_empty());
    let children: Vec<std::process::Child> = (0..6)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("keuzehulp"))
                .env_remove("KEUZEHULP_DATA_DIR")
                .arg("--data-dir")
                .arg(cli.data.path())
                .args(["dossier", "list", "--json"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    assert_eq!(of_kind(&cli, "dagelijks").len(), 1, "one daily backup, however many processes start");
}

#[test]
fn a_damaged_schema_page_is_described_without_binary_text() {
    let cli = Cli::new();
    full_dossier(&cli, "Zorggroep Oost");
    let db = cli.data.path().join(DB);
    let mut bytes = std::fs::read(&db).expect("read");
    // The schema's text: on page 1 while it fits there, else on the first leaf page of the
    // schema's tree (page 1 then holds only pointers); the program reads it at every start.
    let at = bytes.windows(12).position(|w| w == b"CREATE TABLE").expect("the schema's text");
    bytes[at + 13..at + 19].copy_from_slice(b"\x1b[7m\xff\x07");
    std::fs::write(&db, &bytes).expect("damage");
    for json in [false, true] {
        let mut cmd = cli.cmd();
        cmd.args(["dossier", "list"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.run();
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).expect("the message is text");
        assert!(stderr.contains("beschadigd"), "{stderr}");
        let message = if json {
            let value: Value = serde_json::from_str(&stderr).expect("json");
            value["error"]["message"].as_str().expect("message").to_string()
        } else {
            stderr
        };
        assert!(
            !message.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{fffd}'),
            "no binary text: {message:?}"
        );
    }
}
