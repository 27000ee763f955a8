//! Data safety, second round (issue 25): erase, backups and restore ordered by one lock;
//! every copy in the data directory that can hold a dossier (a damaged database set aside,
//! a kept-aside WAL, temporary copies) reached by erase and by encryption, or removed with
//! the user's consent; the WAL emptied after an erase or the delay said; packs that may
//! change only their own records; dossier files from outside bounded and unable to inject a
//! calendar; files written only where they may be; the rough edges.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use keuzehulp::Keuzehulp;

use crate::signing::{keys, sign, write_pack};
use crate::util::{Cli, Run};

const PASS: &str = "correct paard batterij";

/// A new dossier with one note holding `canary`; returns its id.
fn dossier_with(cli: &Cli, org: &str, canary: &str) -> String {
    let id = cli.json(&["dossier", "new", "--org", org])["id"].as_str().expect("id").to_string();
    cli.json(&["dossier", "note", &id, canary]);
    id
}

/// Runs a command that must fail; returns the `{"error": {code, message}}` from stderr.
fn error(cli: &Cli, pass: Option<&str>, args: &[&str]) -> Value {
    let mut cmd = cli.cmd();
    match pass {
        Some(p) => cmd.env("KEUZEHULP_PASSPHRASE", p),
        None => cmd.env_remove("KEUZEHULP_PASSPHRASE"),
    };
    let out = cmd.args(args).arg("--json").run();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "keuzehulp {args:?} must fail: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_str::<Value>(stderr.trim()).unwrap_or_else(|_| panic!("JSON error: {stderr}"))["error"].clone()
}

fn ok_with(cli: &Cli, pass: &str, args: &[&str]) -> Value {
    let out = cli.cmd().env("KEUZEHULP_PASSPHRASE", pass).args(args).arg("--json").run();
    assert!(out.status.success(), "keuzehulp {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Every file under `dir`, the search index left out (it holds catalogue text only).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "index") {
                    todo.push(path);
                }
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn holds(path: &Path, needle: &str) -> bool {
    std::fs::read(path).is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

/// The files under `dir` that hold `needle` in the clear.
fn holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    files_in(dir).into_iter().filter(|f| holds(f, needle)).collect()
}

/// Damages the database beyond SQLite's reading: its header is overwritten, the rest (with
/// the dossiers' text) left as it was.
fn damage_header(db: &Path) {
    let mut bytes = std::fs::read(db).expect("read db");
    bytes[..100].fill(0xA5);
    std::fs::write(db, bytes).expect("write");
}

/// A store whose database was damaged and then replaced by a restore: the damaged file is
/// set aside as `beschadigd-…`, holding every canary written before the backup... and after.
fn with_a_damaged_copy(cli: &Cli, canaries: &[&str]) -> (Vec<String>, PathBuf) {
    let ids: Vec<String> =
        canaries.iter().enumerate().map(|(i, c)| dossier_with(cli, &format!("Organisatie {i}"), c)).collect();
    let backup = cli.json(&["backup", "create"])["path"].as_str().expect("path").to_string();
    let db = cli.data.path().join(keuzehulp::DB_FILE);
    damage_header(&db);
    cli.json(&["backup", "restore", &backup]);
    let copy = std::fs::read_dir(cli.data.path())
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("beschadigd-")))
        .expect("the damaged database was set aside");
    for canary in canaries {
        assert!(holds(&copy, canary), "the damaged copy holds {canary} in the clear");
    }
    (ids, copy)
}

#[test]
fn a_damaged_copy_is_listed_and_goes_only_with_consent_when_erasing() {
    let cli = Cli::new();
    let (ids, copy) = with_a_damaged_copy(&cli, &["KANARIE-een", "KANARIE-twee"]);
    let name = copy.file_name().expect("name").to_string_lossy().into_owned();
    let listed = cli.json(&["backup", "list"]);
    let entry = listed.as_array().expect("list").iter().find(|b| b["file"] == name.as_str()).cloned();
    assert_eq!(entry.map(|b| b["kind"].clone()), Some(json!("beschadigd")), "backup list shows it: {listed}");
    let text = cli.cmd().args(["backup", "list"]).run();
    assert!(String::from_utf8_lossy(&text.stdout).contains("beschadigd"));

    // Without consent: erased from the store and the backups, and the copy named.
    let erased = cli.json(&["dossier", "erase", &ids[0]]);
    let failed = erased["backups_failed"].as_array().expect("failed");
    assert!(failed.iter().any(|f| f["file"] == name.as_str()), "the damaged copy is named: {erased}");
    let reason = failed[0]["reason"].as_str().expect("reason");
    assert!(reason.contains("--remove-damaged"), "{reason}");
    let text = cli.cmd().args(["dossier", "erase", &ids[1]]).run();
    assert!(text.status.success());
    assert!(String::from_utf8_lossy(&text.stdout).contains(&name), "the text names it too");
    assert!(copy.exists(), "without consent it stays");

    // With consent: removed, and no file holds either dossier any more.
    let id = dossier_with(&cli, "Nog een", "KANARIE-drie");
    let erased = cli.json(&["dossier", "erase", &id, "--remove-damaged"]);
    assert_eq!(erased["damaged_removed"], json!([name]));
    assert!(!copy.exists());
    for canary in ["KANARIE-een", "KANARIE-twee", "KANARIE-drie"] {
        assert_eq!(holding(cli.data.path(), canary), Vec::<PathBuf>::new(), "{canary} is nowhere");
    }
}

#[test]
fn encryption_reaches_a_damaged_copy_or_removes_it_with_consent() {
    let cli = Cli::new();
    let (_, copy) = with_a_damaged_copy(&cli, &["KANARIE-versleutel"]);
    let name = copy.file_name().expect("name").to_string_lossy().into_owned();
    // A copy SQLite cannot read cannot be encrypted: named, and nothing changes.
    let err = error(&cli, Some(PASS), &["encryption", "on"]);
    assert_eq!(err["code"], "damaged_copies", "{err}");
    let message = err["message"].as_str().expect("message");
    assert!(message.contains(&name) && message.contains("--remove-damaged"), "{message}");
    assert_eq!(cli.json(&["encryption", "status"])["encrypted"], false, "nothing changed");
    assert!(copy.exists());

    let on = ok_with(&cli, PASS, &["encryption", "on", "--remove-damaged"]);
    assert_eq!(on["damaged_removed"], json!([name]));
    assert_eq!(holding(cli.data.path(), "KANARIE-versleutel"), Vec::<PathBuf>::new(), "no copy in the clear");
}

#[test]
fn a_readable_copy_set_aside_is_encrypted_with_the_rest() {
    // A copy kept aside because of a damaged WAL is itself readable: it is encrypted too.
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "KANARIE-aside");
    let copy = cli.data.path().join("beschadigd-2026-11-20T10-00-00Z.sqlite3");
    std::fs::copy(cli.data.path().join(keuzehulp::DB_FILE), &copy).expect("a copy set aside");
    assert!(holds(&copy, "KANARIE-aside"));
    ok_with(&cli, PASS, &["encryption", "on"]);
    assert!(copy.exists(), "kept, encrypted");
    assert_eq!(holding(cli.data.path(), "KANARIE-aside"), Vec::<PathBuf>::new());
    // And the erase reaches into it with the store's passphrase.
    let erased = ok_with(&cli, PASS, &["dossier", "erase", &id]);
    let cleaned = erased["backups_cleaned"].as_array().expect("cleaned");
    assert!(cleaned.iter().any(|c| c == "beschadigd-2026-11-20T10-00-00Z.sqlite3"), "{erased}");
}

#[test]
fn temporary_copies_a_killed_backup_left_are_erased_with_the_dossier() {
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "KANARIE-tijdelijk");
    cli.json(&["backup", "create"]);
    let db = cli.data.path().join(keuzehulp::DB_FILE);
    // What a backup, a restore and a switch of encryption leave when they are killed.
    let left = [
        cli.data.path().join("backups").join(".keuzehulp-handmatig-4242-17.tmp"),
        cli.data.path().join(".keuzehulp-herstel-4242-18.tmp"),
        cli.data.path().join("keuzehulp.sqlite3.omzetten"),
    ];
    for file in &left {
        std::fs::copy(&db, file).expect("a leftover copy");
        assert!(holds(file, "KANARIE-tijdelijk"));
    }
    let erased = cli.json(&["dossier", "erase", &id]);
    assert_eq!(erased["erased"], true);
    for file in &left {
        assert!(!file.exists(), "{} is gone", file.display());
    }
    assert_eq!(holding(cli.data.path(), "KANARIE-tijdelijk"), Vec::<PathBuf>::new());
}

#[test]
fn a_backup_made_while_a_dossier_is_erased_never_keeps_it() {
    // `backup create & dossier erase ID`: whichever comes first, no backup holds the dossier
    // afterwards. Two processes, several rounds, a store large enough that a backup takes a
    // moment.
    let cli = Cli::new();
    let filler = dossier_with(&cli, "Vulling", "vulling");
    let long = "tekst om de database groter te maken ".repeat(100);
    let mut core = Keuzehulp::open(cli.data.path()).expect("opens");
    for _ in 0..200 {
        core.dossier_note(&filler, &long).expect("note");
    }
    drop(core);
    let bin = assert_cmd::cargo::cargo_bin("keuzehulp");
    let run = |args: Vec<String>| {
        let mut cmd = std::process::Command::new(&bin);
        cmd.env_remove("KEUZEHULP_DATA_DIR").arg("--data-dir").arg(cli.data.path()).args(args);
        cmd
    };
    for round in 0..3 {
        let canary = format!("KANARIE-ronde-{round}");
        let id = dossier_with(&cli, "Zorggroep Oost", &canary);
        let mut backup = run(vec!["backup".into(), "create".into()]).spawn().expect("backup starts");
        let erase = run(vec!["dossier".into(), "erase".into(), id.clone()]).run();
        let backed_up = backup.wait().expect("backup ends");
        assert!(erase.status.success(), "{}", String::from_utf8_lossy(&erase.stderr));
        assert!(backed_up.success());
        assert_eq!(holding(cli.data.path(), &canary), Vec::<PathBuf>::new(), "round {round}");
    }
}

#[test]
fn the_wal_is_emptied_after_an_erase_as_soon_as_a_reader_lets_go() {
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "KANARIE-wal");
    let other = dossier_with(&cli, "Ander", "ander");
    // The window stays open, and another program holds a read transaction.
    let mut window = Keuzehulp::open(cli.data.path()).expect("the window");
    let reader = rusqlite::Connection::open(cli.data.path().join(keuzehulp::DB_FILE)).expect("reader");
    reader.execute_batch("BEGIN; SELECT count(*) FROM notes;").expect("a read transaction");

    let erased = cli.json(&["dossier", "erase", &id]);
    assert_eq!(erased["wal_pending"], true, "said, not hidden: {erased}");

    // Once the reader lets go, the next change empties the WAL (the window is still open).
    reader.execute_batch("COMMIT").expect("end");
    drop(reader);
    window.dossier_note(&other, "een wijziging").expect("a change in the window");
    assert_eq!(holding(cli.data.path(), "KANARIE-wal"), Vec::<PathBuf>::new(), "not in the WAL nor the file");
    drop(window);

    // Without a reader, erase says nothing of the sort.
    let id = dossier_with(&cli, "Zorggroep Oost", "KANARIE-wal-2");
    assert_eq!(cli.json(&["dossier", "erase", &id])["wal_pending"], false);
}

#[test]
fn a_damaged_wal_is_kept_aside_and_said() {
    // A crash leaves the WAL beside the database; then a byte in its first frame turns bad
    // (a failing disk). SQLite would drop every transaction after it without a word.
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "eerste");
    let mut core = Keuzehulp::open(cli.data.path()).expect("open");
    for n in 0..3 {
        core.dossier_note(&id, &format!("notitie {n} in de WAL")).expect("note");
    }
    // The state a crash leaves: the database and its WAL as they are now, in a new folder.
    let crashed = tempfile::tempdir().expect("dir");
    let db = keuzehulp::DB_FILE;
    std::fs::copy(cli.data.path().join(db), crashed.path().join(db)).expect("db");
    let mut wal = std::fs::read(cli.data.path().join(format!("{db}-wal"))).expect("a WAL with frames");
    drop(core);
    wal[32 + 24 + 200] ^= 0xff;
    std::fs::write(crashed.path().join(format!("{db}-wal")), &wal).expect("wal");

    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("keuzehulp"))
        .env_remove("KEUZEHULP_DATA_DIR")
        .arg("--data-dir")
        .arg(crashed.path())
        .args(["dossier", "list", "--json"])
        .run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("logbestand") && stderr.contains("beschadigd-"), "said: {stderr}");
    let kept: Vec<PathBuf> = files_in(crashed.path())
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("beschadigd-")))
        .collect();
    let wal_copy = kept.iter().find(|p| p.to_string_lossy().ends_with("-wal")).expect("the WAL kept aside");
    assert_eq!(std::fs::read(wal_copy).expect("read"), wal, "kept as it was");
    let listed = std::process::Command::new(assert_cmd::cargo::cargo_bin("keuzehulp"))
        .env_remove("KEUZEHULP_DATA_DIR")
        .arg("--data-dir")
        .arg(crashed.path())
        .args(["backup", "list", "--json"])
        .run();
    let listed: Value = serde_json::from_slice(&listed.stdout).expect("json");
    assert!(listed.as_array().expect("list").iter().any(|b| b["kind"] == "beschadigd"), "{listed}");
}

// ---- Packs: who may change which record. ----

/// A pack holding the bundled record `id`, with `edit` applied.
fn bundled_pack(cli: &Cli, file: &str, id: &str, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut record = cli.json(&["show", id]);
    for view_only in ["origin", "evidence_lapsed"] {
        record.as_object_mut().expect("object").remove(view_only);
    }
    if let Some(evidence) = record["evidence"].as_object_mut() {
        evidence.remove("lapsed");
        evidence.remove("lapsed_because");
    }
    edit(&mut record);
    let pack = json!({ "format": "keuzehulp-pack", "version": 2, "date": "2026-11-01", "interventions": [record] });
    let path = cli.data.path().join(file);
    std::fs::write(&path, pack.to_string()).expect("write");
    path
}

#[test]
fn an_unsigned_pack_cannot_rewrite_a_bundled_record() {
    let cli = Cli::new();
    let url = cli.json(&["show", "indialoog"])["url"].clone();
    let pack = bundled_pack(&cli, "phishing.json", "indialoog", |r| r["url"] = "https://phishing.example/".into());
    let preview = cli.json(&["import", pack.to_str().expect("utf-8"), "--dry-run"]);
    assert_eq!(preview["added"], json!([]));
    assert_eq!(preview["changed"], json!([]));
    assert_eq!(preview["refused"][0]["id"], "indialoog");
    assert_eq!(preview["refused"][0]["code"], "bundled_record");
    assert!(preview["refused"][0]["name"].as_str().is_some_and(|n| !n.is_empty()));
    let err = error(&cli, None, &["import", pack.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "import_refused");
    assert!(err["message"].as_str().expect("message").contains("meegeleverde catalogus"), "{err}");
    assert_eq!(cli.json(&["show", "indialoog"])["url"], url, "unchanged");
    // The same record unchanged is no change: a whole `list --json` imports as before.
    let same = bundled_pack(&cli, "gelijk.json", "indialoog", |_| {});
    let report = cli.json(&["import", same.to_str().expect("utf-8")]);
    assert_eq!((report["added"].as_u64(), report["updated"].as_u64()), (Some(0), Some(0)));
    assert_eq!(cli.json(&["show", "indialoog"])["origin"]["kind"], "bundled", "keeps its origin");
}

#[test]
fn a_publisher_changes_only_its_own_records_and_never_with_an_older_edition() {
    let cli = Cli::new();
    let trimbos = keys(&cli);
    cli.json(&["trust", "add", trimbos.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos"]);
    let other = cli.data.path().join("andere-sleutels");
    cli.json(&["pack", "keygen", "--out", other.to_str().expect("utf-8")]);
    cli.json(&["trust", "add", other.join("publisher.pub").to_str().expect("utf-8"), "--name", "Arbodienst West"]);

    // Trimbos publishes a record of its own.
    let first = write_pack(&cli, "trimbos.json", "trimbos-training");
    sign(&cli, &first, &trimbos);
    cli.json(&["import", first.to_str().expect("utf-8")]);

    let edit = |file: &str, date: &str, summary: &str| {
        let path = write_pack(&cli, file, "trimbos-training");
        let mut pack: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        pack["date"] = date.into();
        pack["interventions"][0]["summary"] = summary.into();
        std::fs::write(&path, pack.to_string()).expect("write");
        path
    };
    // Another publisher, or no signature at all: refused, naming the owner.
    let hijack = edit("west.json", "2026-12-01", "Overgenomen door een ander.");
    sign(&cli, &hijack, &other);
    let refused = cli.json(&["import", hijack.to_str().expect("utf-8"), "--dry-run"]);
    assert_eq!(refused["refused"][0]["code"], "publisher_record");
    assert!(refused["refused"][0]["message"].as_str().expect("message").contains("Trimbos"));
    let unsigned = edit("unsigned.json", "2026-12-01", "Zonder handtekening.");
    let err = error(&cli, None, &["import", unsigned.to_str().expect("utf-8")]);
    let message = err["message"].as_str().expect("message");
    assert!(message.contains("Trimbos") && message.contains("niet ondertekend"), "names whose key: {message}");

    // Trimbos's own newer edition: changed, and the preview says from what to what.
    let newer = edit("trimbos-2.json", "2026-12-01", "Bijgewerkt door Trimbos.");
    sign(&cli, &newer, &trimbos);
    let preview = cli.json(&["import", newer.to_str().expect("utf-8"), "--dry-run"]);
    let change = &preview["changed"][0];
    assert_eq!((change["id"].as_str(), change["fields"].clone()), (Some("trimbos-training"), json!(["summary"])));
    assert_eq!(change["name"], "Pakketinterventie trimbos-training");
    assert_eq!(
        (change["from"]["name"].as_str(), change["from"]["date"].as_str()),
        (Some("Trimbos"), Some("2026-11-01"))
    );
    assert_eq!(change["to"]["date"], "2026-12-01");
    cli.json(&["import", newer.to_str().expect("utf-8")]);
    // An older signed edition again (a replay): refused.
    let err = error(&cli, None, &["import", first.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "import_refused");
    assert!(err["message"].as_str().expect("message").contains("ouder"), "{err}");
    assert_eq!(cli.json(&["show", "trimbos-training"])["summary"], "Bijgewerkt door Trimbos.");
}

#[test]
fn an_own_record_is_not_taken_over_and_imported_records_can_be_removed() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos"]);
    let own = write_pack(&cli, "eigen.json", "mijn-overleg");
    cli.json(&["import", own.to_str().expect("utf-8")]);
    let signed = write_pack(&cli, "overname.json", "mijn-overleg");
    let mut pack: Value = serde_json::from_str(&std::fs::read_to_string(&signed).expect("read")).expect("json");
    pack["interventions"][0]["summary"] = "De versie van Trimbos.".into();
    std::fs::write(&signed, pack.to_string()).expect("write");
    sign(&cli, &signed, &keys);
    let err = error(&cli, None, &["import", signed.to_str().expect("utf-8")]);
    assert!(err["message"].as_str().expect("message").contains("catalogue remove mijn-overleg"), "{err}");

    let removed = cli.json(&["catalogue", "remove", "mijn-overleg"]);
    assert_eq!((removed["id"].as_str(), removed["bundled_back"].as_bool()), (Some("mijn-overleg"), Some(false)));
    assert!(!cli.cmd().args(["show", "mijn-overleg"]).run().status.success(), "gone");
    cli.json(&["import", signed.to_str().expect("utf-8")]);
    assert_eq!(cli.json(&["show", "mijn-overleg"])["origin"]["name"], "Trimbos");

    // A bundled record is not removed.
    let err = error(&cli, None, &["catalogue", "remove", "pico"]);
    assert!(err["message"].as_str().expect("message").contains("meegeleverde catalogus"), "{err}");
    // `catalogue` alone still prints the edition.
    assert!(cli.json(&["catalogue"])["records"].as_u64().is_some_and(|n| n > 0));
}

#[test]
fn a_bundled_record_rewritten_before_the_rule_returns_when_the_import_is_removed() {
    // A store from before the rule: an unsigned pack replaced InDialoog with a phishing link.
    let cli = Cli::new();
    let url = cli.json(&["show", "indialoog"])["url"].clone();
    let db = rusqlite::Connection::open(cli.data.path().join(keuzehulp::DB_FILE)).expect("db");
    db.execute(
        "UPDATE interventions SET origin = 'imported',
                record = json_set(record, '$.url', 'https://phishing.example/') WHERE id = 'indialoog'",
        [],
    )
    .expect("the old rewrite");
    drop(db);
    assert_eq!(cli.json(&["show", "indialoog"])["url"], "https://phishing.example/");
    let removed = cli.json(&["catalogue", "remove", "indialoog"]);
    assert_eq!(removed["bundled_back"], true);
    let shown = cli.json(&["show", "indialoog"]);
    assert_eq!((shown["url"].clone(), shown["origin"]["kind"].clone()), (url, json!("bundled")));
}

#[test]
fn an_update_with_a_refused_record_imports_nothing_and_its_dry_run_says_why() {
    let cli = Cli::new();
    let dir = cli.data.path().join("usb");
    std::fs::create_dir_all(&dir).expect("dir");
    write_pack(&cli, "usb/goed.json", "nieuw-van-usb");
    bundled_pack(&cli, "usb/kwaad.json", "indialoog", |r| r["url"] = "https://phishing.example/".into());
    std::fs::write(dir.join("index.json"), json!({ "packs": ["goed.json", "kwaad.json"] }).to_string()).expect("index");
    let dry = cli.json(&["update", "--from", dir.to_str().expect("utf-8"), "--dry-run"]);
    assert_eq!(dry["packs"][0]["added"], json!(["nieuw-van-usb"]));
    assert_eq!(dry["packs"][1]["refused"][0]["code"], "bundled_record");
    let text = cli.cmd().args(["update", "--from"]).arg(&dir).arg("--dry-run").run();
    assert!(String::from_utf8_lossy(&text.stdout).contains("geweigerd"));
    let err = error(&cli, None, &["update", "--from", dir.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "import_refused");
    assert!(err["message"].as_str().expect("message").contains("kwaad.json"), "{err}");
    assert!(!cli.cmd().args(["show", "nieuw-van-usb"]).run().status.success(), "one refusal imports none");
}

#[test]
fn the_window_imports_only_the_bytes_it_showed() {
    let cli = Cli::new();
    let pack = write_pack(&cli, "pakket.json", "getoond");
    let mut core = Keuzehulp::open(cli.data.path()).expect("open");
    let preview = core.pack_preview(&pack).expect("preview");
    assert_eq!(preview.digest.len(), 64, "a SHA-256 in hexadecimal");
    // Swapped after the preview: refused, nothing imported.
    let mut text = std::fs::read_to_string(&pack).expect("read");
    text = text.replace("Pakketinterventie getoond", "Iets anders");
    std::fs::write(&pack, &text).expect("swap");
    let err = core.import_previewed(&pack, &preview.digest).expect_err("changed since the preview");
    assert_eq!(err.code(), "pack_changed", "{err}");
    assert!(core.intervention("getoond").is_err());
    let again = core.pack_preview(&pack).expect("looked at again");
    core.import_previewed(&pack, &again.digest).expect("the bytes shown");
    assert_eq!(core.intervention("getoond").expect("imported").name, "Iets anders");
}

// ---- Dossier files from outside, and typing: bounded. ----

/// A change to a dossier file's JSON.
type Edit<'a> = Box<dyn FnOnce(&mut Value) + 'a>;

/// A dossier file with one plan action (valid but for what `edit` changes).
fn dossier_file(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut file = json!({
        "format": "keuzehulp-dossier", "version": 1, "exported_at": "2026-11-01T10:00:00Z",
        "dossier": {
            "id": "d-van-buiten", "org": "Zorggroep Oost", "answers": {}, "shortlist": [],
            "notes": [{ "id": 1, "text": "een notitie", "created_at": "2026-11-01T10:00:00Z" }],
            "plan": [{ "id": 1, "intervention_id": "pico", "what": "overleg", "who": "Teamleider",
                       "start_date": null, "evaluation_date": "2027-03-01", "evaluation_method": "gesprek",
                       "status": "gepland" }],
            "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z", "revision": 1
        }
    });
    edit(&mut file);
    let path = dir.join("dossier.json");
    std::fs::write(&path, file.to_string()).expect("write");
    path
}

#[test]
fn a_dossier_file_is_bounded_field_by_field_and_in_size() {
    let cli = Cli::new();
    let dir = tempfile::tempdir().expect("dir");
    let cases: Vec<(&str, Edit)> = vec![
        ("dossier.plan[0].what", Box::new(|f| f["dossier"]["plan"][0]["what"] = "x".repeat(5_001).into())),
        ("dossier.notes[0].text", Box::new(|f| f["dossier"]["notes"][0]["text"] = "x".repeat(5_001).into())),
        ("dossier.org", Box::new(|f| f["dossier"]["org"] = "x".repeat(301).into())),
        (
            "dossier.notes",
            Box::new(|f| {
                let note = json!({ "id": 1, "text": "n", "created_at": "2026-11-01T10:00:00Z" });
                f["dossier"]["notes"] = Value::Array(vec![note; 501]);
            }),
        ),
    ];
    for (field, edit) in cases {
        let path = dossier_file(dir.path(), edit);
        let err = error(&cli, None, &["dossier", "import", path.to_str().expect("utf-8")]);
        let message = err["message"].as_str().expect("message");
        assert!(message.contains(field) && message.contains("ten hoogste"), "{field}: {message}");
    }
    // A file past the size limit is refused before it is read into memory.
    let huge = dossier_file(dir.path(), |f| f["dossier"]["notes"][0]["text"] = " ".repeat(17_000_000).into());
    let err = error(&cli, None, &["dossier", "import", huge.to_str().expect("utf-8")]);
    assert!(err["message"].as_str().expect("message").contains("ten hoogste 16 MB"), "{err}");
    assert_eq!(cli.json(&["dossier", "list"])["dossiers"], json!([]), "nothing imported");
    // Exactly at the limits: accepted.
    let full = dossier_file(dir.path(), |f| f["dossier"]["plan"][0]["what"] = "x".repeat(5_000).into());
    cli.json(&["dossier", "import", full.to_str().expect("utf-8")]);
}

#[test]
fn typing_past_a_limit_is_refused_naming_the_field_and_the_limit() {
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "eerste");
    let err = error(&cli, None, &["dossier", "note", &id, &"x".repeat(5_001)]);
    assert!(err["message"].as_str().expect("message").contains("de notitie is 5001 tekens lang; ten hoogste 5000"));
    let err = error(&cli, None, &["dossier", "plan", &id, "--intervention", "pico", "--what", &"w".repeat(5_001)]);
    assert!(err["message"].as_str().expect("message").contains("wat er gebeurt"), "{err}");
    let err = error(&cli, None, &["dossier", "new", "--org", &"o".repeat(301)]);
    assert!(err["message"].as_str().expect("message").contains("ten hoogste 300"), "{err}");
    cli.json(&["dossier", "note", &id, &"x".repeat(5_000)]);

    // The most notes a dossier holds: one more is refused.
    let dir = tempfile::tempdir().expect("dir");
    let full = dossier_file(dir.path(), |f| {
        let note = json!({ "id": 1, "text": "n", "created_at": "2026-11-01T10:00:00Z" });
        f["dossier"]["notes"] = Value::Array(vec![note; 500]);
    });
    cli.json(&["dossier", "import", full.to_str().expect("utf-8")]);
    let err = error(&cli, None, &["dossier", "note", "d-van-buiten", "nog één"]);
    assert!(err["message"].as_str().expect("message").contains("500 notities"), "{err}");
}

#[test]
fn a_report_stays_bounded_whatever_the_store_holds() {
    // A note written before the limits (or by hand): the report shows its first part.
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "kort");
    let db = rusqlite::Connection::open(cli.data.path().join(keuzehulp::DB_FILE)).expect("db");
    db.execute("UPDATE notes SET text = ?1 WHERE dossier_id = ?2", rusqlite::params!["lang ".repeat(400_000), id])
        .expect("a giant note");
    drop(db);
    let out = tempfile::tempdir().expect("dir");
    let md = out.path().join("rapport.md");
    cli.json(&["report", &id, "--format", "md", "--all-notes", "-o", md.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&md).expect("report");
    assert!(text.contains("(ingekort)"), "the note is cut, and says so");
    assert!(text.len() < 100_000, "{} bytes", text.len());
}

// ---- Calendar injection. ----

#[test]
fn a_dossier_file_cannot_inject_calendar_lines() {
    let cli = Cli::new();
    let dir = tempfile::tempdir().expect("dir");
    let injected = "\r\nATTACH:https://kwaad.example/x.exe\r\nX-A:";
    let cases: Vec<(&str, Edit)> = vec![
        ("dossier.id", Box::new(|f| f["dossier"]["id"] = format!("d-1{injected}").into())),
        (
            "dossier.updated_at",
            Box::new(|f| f["dossier"]["updated_at"] = format!("2026-11-01T10:00:00Z{injected}").into()),
        ),
        (
            "dossier.plan[0].evaluation_date",
            Box::new(|f| f["dossier"]["plan"][0]["evaluation_date"] = format!("2027-03-01{injected}").into()),
        ),
        ("exported_at", Box::new(|f| f["exported_at"] = "gisteren".into())),
    ];
    for (field, edit) in cases {
        let path = dossier_file(dir.path(), edit);
        let err = error(&cli, None, &["dossier", "import", path.to_str().expect("utf-8")]);
        let message = err["message"].as_str().expect("message");
        assert!(message.contains(field), "{field}: {message}");
        assert!(!message.contains('\r'), "the value is not echoed raw");
    }
    // Text fields may hold anything; in the calendar they stay inside their value.
    let path = dossier_file(dir.path(), |f| {
        f["dossier"]["org"] = format!("Zorg{injected}").into();
        f["dossier"]["plan"][0]["what"] = format!("overleg{injected}").into();
    });
    cli.json(&["dossier", "import", path.to_str().expect("utf-8")]);
    let ics = dir.path().join("evaluaties.ics");
    cli.json(&["dossier", "export-plan", "d-van-buiten", "--format", "ics", "-o", ics.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&ics).expect("ics");
    let unfolded = text.replace("\r\n ", "");
    for line in unfolded.split("\r\n") {
        assert!(!line.starts_with("ATTACH") && !line.starts_with("X-A"), "an injected line: {line:?}");
    }
    assert!(unfolded.contains("overleg\\nATTACH"), "kept as text, escaped");
}

// ---- Writing files: never over one without --force, never inside the data directory. ----

#[test]
fn an_export_replaces_nothing_without_force_and_nothing_in_the_data_directory() {
    let cli = Cli::new();
    let id = dossier_with(&cli, "Zorggroep Oost", "notitie");
    cli.json(&["backup", "create"]);
    let out = tempfile::tempdir().expect("dir");
    let file = out.path().join("dossier.json");
    std::fs::write(&file, b"van de klant").expect("existing");
    let err = error(&cli, None, &["dossier", "export", &id, "-o", file.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "file_exists");
    assert_eq!(std::fs::read(&file).expect("read"), b"van de klant");
    cli.json(&["dossier", "export", &id, "--force", "-o", file.to_str().expect("utf-8")]);
    assert!(std::fs::read_to_string(&file).expect("read").contains("keuzehulp-dossier"));

    let data = cli.data.path();
    let backup = files_in(&data.join("backups"))
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .expect("a backup");
    let before = files_in(data).into_iter().map(|f| (f.clone(), std::fs::read(&f).ok())).collect::<Vec<_>>();
    let wal = data.join(format!("{}-wal", keuzehulp::DB_FILE));
    for target in [data.join(keuzehulp::DB_FILE), backup, wal.clone(), data.join("backups").join("nieuw.json")] {
        let target = target.to_str().expect("utf-8");
        for args in [
            vec!["dossier", "export", &id, "--force", "-o", target],
            vec!["report", &id, "--format", "html", "--force", "-o", target],
            vec!["dossier", "export-plan", &id, "--format", "csv", "--force", "-o", target],
        ] {
            let err = error(&cli, None, &args);
            assert_eq!(err["code"], "inside_data_dir", "{args:?}: {err}");
            assert!(err["message"].as_str().expect("message").contains("gegevensmap"), "{err}");
        }
    }
    let after = files_in(data).into_iter().map(|f| (f.clone(), std::fs::read(&f).ok())).collect::<Vec<_>>();
    let changed: Vec<&PathBuf> = after.iter().filter(|a| !before.contains(a)).map(|(f, _)| f).collect();
    assert_eq!(changed, Vec::<&PathBuf>::new(), "nothing in the data directory was written");
    assert!(!wal.exists(), "no WAL made up beside the store");
    // A file of the user's own, new, in the folder itself: allowed, once.
    let own = data.join("mijn-export.json");
    cli.json(&["dossier", "export", &id, "-o", own.to_str().expect("utf-8")]);
    let err = error(&cli, None, &["dossier", "export", &id, "--force", "-o", own.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "inside_data_dir", "not over it again, even with --force");
    #[cfg(unix)]
    {
        // A link outside that points inside is followed and refused too.
        let link = out.path().join("koppeling.json");
        std::os::unix::fs::symlink(data.join(keuzehulp::DB_FILE), &link).expect("symlink");
        let err = error(&cli, None, &["dossier", "export", &id, "--force", "-o", link.to_str().expect("utf-8")]);
        assert_eq!(err["code"], "inside_data_dir");
    }
}

#[test]
fn a_signature_is_not_replaced_without_force() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let dir = tempfile::tempdir().expect("dir");
    let pack = dir.path().join("pakket.json");
    std::fs::copy(write_pack(&cli, "pakket.json", "ondertekend"), &pack).expect("pack");
    let key = keys.join("publisher.key");
    let sign = |force: bool| {
        let mut cmd = cli.cmd();
        cmd.args(["pack", "sign"]).arg(&pack).arg("--key").arg(&key);
        if force {
            cmd.arg("--force");
        }
        cmd.run()
    };
    assert!(sign(false).status.success());
    let first = std::fs::read(dir.path().join("pakket.json.minisig")).expect("signature");
    let again = sign(false);
    assert!(String::from_utf8_lossy(&again.stderr).contains("bestaat al"), "refused without --force");
    assert_eq!(std::fs::read(dir.path().join("pakket.json.minisig")).expect("signature"), first);
    assert!(sign(true).status.success());
}

// ---- The rough edges. ----

#[cfg(unix)]
#[test]
fn a_named_pipe_given_as_a_file_is_refused_at_once() {
    let cli = Cli::new();
    let dir = tempfile::tempdir().expect("dir");
    let fifo = |name: &str| {
        let path = dir.path().join(name);
        assert!(std::process::Command::new("mkfifo").arg(&path).status().expect("mkfifo").success());
        path
    };
    let guard = std::time::Duration::from_secs(60);
    let pack_pipe = fifo("pijp.json");
    let dossier_pipe = fifo("dossier-pijp.json");
    for args in [
        vec!["import".to_string(), pack_pipe.display().to_string()],
        vec!["validate".to_string(), pack_pipe.display().to_string()],
        vec!["dossier".to_string(), "import".to_string(), dossier_pipe.display().to_string()],
    ] {
        let out = cli.cmd().args(&args).arg("--json").timeout(guard).run();
        let err: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|_| panic!("{args:?}: no hang, an error"));
        assert_eq!(err["error"]["code"], "not_a_file", "{args:?}");
    }
    // A pipe as the signature beside a pack, and as an update's index.
    let pack = write_pack(&cli, "pakket.json", "met-pijp");
    let signature = cli.data.path().join("pakket.json.minisig");
    assert!(std::process::Command::new("mkfifo").arg(&signature).status().expect("mkfifo").success());
    let out = cli.cmd().arg("import").arg(&pack).arg("--json").timeout(guard).run();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not_a_file"));
    let update = tempfile::tempdir().expect("dir");
    assert!(
        std::process::Command::new("mkfifo").arg(update.path().join("index.json")).status().expect("mkfifo").success()
    );
    let out = cli.cmd().args(["update", "--from"]).arg(update.path()).arg("--json").timeout(guard).run();
    assert!(String::from_utf8_lossy(&out.stderr).contains("not_a_file"));
}

#[cfg(unix)]
#[test]
fn an_update_folder_cannot_reach_outside_itself_through_a_link() {
    let cli = Cli::new();
    let outside = write_pack(&cli, "buiten.json", "van-buiten");
    let dir = cli.data.path().join("usb");
    std::fs::create_dir_all(&dir).expect("dir");
    std::os::unix::fs::symlink(&outside, dir.join("pakket.json")).expect("symlink");
    std::fs::write(dir.join("index.json"), json!({ "packs": ["pakket.json"] }).to_string()).expect("index");
    let err = error(&cli, None, &["update", "--from", dir.to_str().expect("utf-8")]);
    assert!(err["message"].as_str().expect("message").contains("buiten de map"), "{err}");
    assert!(!cli.cmd().args(["show", "van-buiten"]).run().status.success());
    // A link inside the folder is fine.
    std::fs::remove_file(dir.join("pakket.json")).expect("rm");
    std::fs::copy(&outside, dir.join("echt.json")).expect("copy");
    std::os::unix::fs::symlink(dir.join("echt.json"), dir.join("pakket.json")).expect("symlink");
    cli.json(&["update", "--from", dir.to_str().expect("utf-8")]);
}

#[test]
fn credentials_in_an_update_address_are_never_echoed() {
    let cli = Cli::new();
    // Nothing listens on port 9 here; plain http is allowed to this computer only.
    for address in ["http://jan:geheim123@127.0.0.1:9/map", "ftp://jan:geheim123@uitgever.example/map"] {
        let out = cli.cmd().args(["update", "--from", address]).env("KEUZEHULP_HTTP_TIMEOUT", "2").run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(!stderr.contains("geheim123") && !stderr.contains("jan:"), "{stderr}");
        assert!(stderr.contains("***@"), "the address is still recognisable: {stderr}");
    }
}

#[test]
fn reports_neutralise_control_characters_and_direction_overrides() {
    let cli = Cli::new();
    let id =
        cli.json(&["dossier", "new", "--org", "Zorg\u{202e}gnikcab\u{1b}[31m"])["id"].as_str().expect("id").to_string();
    cli.json(&["dossier", "note", &id, "let op\u{1b}]0;titel\u{7} \u{2066}omgekeerd\u{2069}"]);
    let out = tempfile::tempdir().expect("dir");
    for format in ["md", "html"] {
        let path = out.path().join(format!("rapport.{format}"));
        cli.json(&["report", &id, "--format", format, "--all-notes", "-o", path.to_str().expect("utf-8")]);
        let text = std::fs::read_to_string(&path).expect("report");
        for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert!(!text.contains(bad), "{format} holds U+{:04X}", u32::from(bad));
        }
        assert!(text.contains("omgekeerd"), "the text itself stays");
    }
}

#[test]
fn a_byte_order_mark_in_a_pack_an_index_or_a_dossier_file_is_accepted() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos"]);
    let bom = |path: &Path| {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(std::fs::read(path).expect("read"));
        std::fs::write(path, bytes).expect("write");
    };
    let pack = write_pack(&cli, "pakket.json", "met-bom");
    bom(&pack);
    sign(&cli, &pack, &keys);
    assert_eq!(cli.json(&["import", pack.to_str().expect("utf-8")])["publisher"], "Trimbos", "signed over the mark");

    let dir = cli.data.path().join("usb");
    std::fs::create_dir_all(&dir).expect("dir");
    write_pack(&cli, "usb/a.json", "met-bom-2");
    std::fs::write(dir.join("index.json"), json!({ "packs": ["a.json"] }).to_string()).expect("index");
    bom(&dir.join("index.json"));
    bom(&dir.join("a.json"));
    cli.json(&["update", "--from", dir.to_str().expect("utf-8")]);

    let file = dossier_file(cli.data.path(), |_| {});
    bom(&file);
    cli.json(&["dossier", "import", file.to_str().expect("utf-8")]);
}

#[test]
fn a_hand_edited_end_of_trust_is_compared_as_a_date() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos"]);
    let pack = write_pack(&cli, "pakket.json", "na-de-einddatum");
    sign(&cli, &pack, &keys);
    // Written by hand as a Dutch date: as text it sorts after every ISO day, so it never ended.
    let db = rusqlite::Connection::open(cli.data.path().join(keuzehulp::DB_FILE)).expect("db");
    db.execute("UPDATE trusted_keys SET valid_until = '31-12-2020'", []).expect("hand edit");
    drop(db);
    let err = error(&cli, None, &["import", pack.to_str().expect("utf-8")]);
    assert_eq!(err["code"], "signature_refused");
    assert!(err["message"].as_str().expect("message").contains("geen datum"), "{err}");
    assert!(!cli.cmd().args(["show", "na-de-einddatum"]).run().status.success());
}

#[test]
fn a_very_long_id_is_cut_in_the_message() {
    let cli = Cli::new();
    // 30,000 characters: Windows passes at most 32,767 on a command line.
    let id = "x".repeat(30_000);
    for args in [vec!["show", id.as_str()], vec!["dossier", "show", id.as_str()]] {
        let out = cli.cmd().args(&args).run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr.len() < 1_000, "{} bytes of message", stderr.len());
        assert!(stderr.contains("(30000 tekens)"), "{stderr}");
    }
}
