//! Opt-in encryption at rest, through the command line: the canary is never readable in
//! the database, its WAL, its backups or its exports; a wrong or missing passphrase changes
//! nothing; exports in the clear take an explicit choice; turning it off brings everything
//! back.

use std::path::{Path, PathBuf};

use crate::util::Cli;
use crate::util::Run;

const PASS: &str = "correct paard batterij";

fn with_pass(cli: &Cli, pass: Option<&str>, args: &[&str]) -> std::process::Output {
    let mut cmd = cli.cmd();
    match pass {
        Some(p) => cmd.env("KEUZEHULP_PASSPHRASE", p),
        None => cmd.env_remove("KEUZEHULP_PASSPHRASE"),
    };
    cmd.args(args).arg("--json").run()
}

fn ok(cli: &Cli, pass: Option<&str>, args: &[&str]) -> serde_json::Value {
    let out = with_pass(cli, pass, args);
    assert!(out.status.success(), "keuzehulp {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn error_code(cli: &Cli, pass: Option<&str>, args: &[&str]) -> String {
    let out = with_pass(cli, pass, args);
    assert!(!out.status.success(), "keuzehulp {args:?} should fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("ERROR CORE"), "{stderr}");
    let err: serde_json::Value = serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("JSON error: {stderr}"));
    err["error"]["code"].as_str().expect("code").to_string()
}

/// Every file of the store and its backups.
fn store_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("keuzehulp.sqlite3")))
        .collect();
    if let Ok(backups) = std::fs::read_dir(dir.join("backups")) {
        files.extend(backups.filter_map(|e| e.ok().map(|e| e.path())));
    }
    files.sort();
    files
}

fn contains(path: &Path, needle: &str) -> bool {
    std::fs::read(path).expect("read").windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn with_encryption_on_the_canary_is_in_no_file_and_the_data_opens_only_with_the_passphrase() {
    let cli = Cli::new();
    let dir = cli.data.path();
    let id = ok(&cli, None, &["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    ok(&cli, None, &["dossier", "note", &id, "KANARIE-een geheim uit het gesprek"]);
    // A conversation's note, and the measurement beside it, go the same way.
    let answers = crate::talk::team_conversation_with(&cli, &id, "KANARIE-vier uit het teamgesprek");
    std::fs::remove_file(answers).expect("remove the answers file");
    // An evaluation and a questionnaire's aggregate go the same way.
    crate::evaluate::evaluation_with(&cli, &id, "KANARIE-vijf uit de evaluatie");
    ok(&cli, None, &["backup", "create"]);
    assert!(store_files(dir).iter().any(|f| contains(f, "KANARIE-een")), "plain at first (the check can see it)");

    let on = ok(&cli, Some(PASS), &["encryption", "on"]);
    assert_eq!(on["encrypted"], true);
    ok(&cli, Some(PASS), &["dossier", "note", &id, "KANARIE-twee na het versleutelen"]);
    ok(&cli, Some(PASS), &["backup", "create"]);
    // While a program has the store open, new notes sit in the WAL: hold it open and check.
    let mut open = keuzehulp::Keuzehulp::open_with_passphrase(dir, Some(PASS)).expect("opens with the passphrase");
    open.dossier_note(&id, "KANARIE-drie in de WAL").expect("note");
    let wal = dir.join("keuzehulp.sqlite3-wal");
    assert!(std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0), "the WAL holds the last note");
    let files = store_files(dir);
    assert!(files.contains(&wal));
    assert!(files.len() >= 3, "the database and two backups: {files:?}");
    for file in &files {
        assert!(!contains(file, "KANARIE"), "{} holds the canary in the clear", file.display());
    }

    drop(open);
    let files = store_files(dir);
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).expect("read")).collect();
    assert_eq!(error_code(&cli, None, &["dossier", "show", &id]), "passphrase_required");
    assert_eq!(error_code(&cli, Some("verkeerd wachtwoord"), &["dossier", "show", &id]), "wrong_passphrase");
    let after: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).expect("read")).collect();
    assert!(before == after, "a missing or wrong passphrase changes no file");

    let shown = ok(&cli, Some(PASS), &["dossier", "show", &id]);
    assert_eq!(shown["conversations"][0]["themes"][0]["note"]["text"], "KANARIE-vier uit het teamgesprek");
    assert_eq!(shown["conversations"][0]["measurement"]["n"], 8);
    assert_eq!(shown["evaluations"][0]["team_says"], "KANARIE-vijf uit de evaluatie");
    let notes: Vec<&str> =
        shown["notes"].as_array().expect("notes").iter().filter_map(|n| n["text"].as_str()).collect();
    assert_eq!(
        notes,
        ["KANARIE-een geheim uit het gesprek", "KANARIE-twee na het versleutelen", "KANARIE-drie in de WAL"]
    );
}

#[test]
fn exports_stay_encrypted_unless_asked_and_restore_and_off_keep_everything() {
    let cli = Cli::new();
    let dir = cli.data.path();
    let id = ok(&cli, None, &["dossier", "new", "--org", "Gemeente Westdorp"])["id"].as_str().expect("id").to_string();
    ok(&cli, None, &["dossier", "note", &id, "eerste"]);
    ok(&cli, Some(PASS), &["encryption", "on"]);
    let made = ok(&cli, Some(PASS), &["backup", "create"]);
    ok(&cli, Some(PASS), &["dossier", "note", &id, "tweede"]);

    // An export stays encrypted, with the same passphrase; in the clear only when asked.
    let sealed = dir.join("export.keuzehulp");
    let sealed_s = sealed.to_str().expect("utf-8");
    ok(&cli, Some(PASS), &["dossier", "export", &id, "-o", sealed_s]);
    assert!(!contains(&sealed, "tweede") && !contains(&sealed, "Westdorp"), "the export is encrypted");
    let other = Cli::new();
    let sealed_copy = other.data.path().join("meegenomen.keuzehulp");
    std::fs::copy(&sealed, &sealed_copy).expect("copy");
    let sealed_copy_s = sealed_copy.to_str().expect("utf-8");
    assert_eq!(error_code(&other, None, &["dossier", "import", sealed_copy_s]), "passphrase_required");
    assert_eq!(error_code(&other, Some("ander wachtwoord"), &["dossier", "import", sealed_copy_s]), "wrong_passphrase");
    assert_eq!(ok(&other, None, &["dossier", "list"])["dossiers"], serde_json::json!([]), "nothing imported");
    ok(&other, Some(PASS), &["dossier", "import", sealed_copy_s]);
    assert_eq!(ok(&other, None, &["dossier", "show", &id])["notes"][1]["text"], "tweede", "moved whole");
    let export = dir.join("export.json");
    let export_s = export.to_str().expect("utf-8");
    ok(&cli, Some(PASS), &["dossier", "export", &id, "-o", export_s, "--plain"]);
    assert!(contains(&export, "tweede"), "the explicit export is plain JSON");

    // An encrypted backup restores with the passphrase.
    ok(&cli, Some(PASS), &["backup", "restore", made["path"].as_str().expect("path")]);
    let notes = ok(&cli, Some(PASS), &["dossier", "show", &id])["notes"].as_array().map(Vec::len);
    assert_eq!(notes, Some(1), "the backup's state is back");

    // Off: the store and every backup are plain again, and nothing is lost.
    ok(&cli, Some(PASS), &["encryption", "off"]);
    assert_eq!(ok(&cli, None, &["encryption", "status"])["encrypted"], false);
    for file in store_files(dir) {
        if !file.to_string_lossy().ends_with("-wal") && !file.to_string_lossy().ends_with("-shm") {
            assert!(looks_plain(&file), "{} is plain again", file.display());
        }
    }
    assert_eq!(ok(&cli, None, &["dossier", "show", &id])["notes"][0]["text"], "eerste");
    let again = dir.join("export-na-uitzetten.json");
    ok(&cli, None, &["dossier", "export", &id, "-o", again.to_str().expect("utf-8")]);
}

#[test]
fn a_plain_database_put_back_under_encryption_is_encrypted_again_and_short_passphrases_are_refused() {
    let cli = Cli::new();
    let dir = cli.data.path();
    let id = ok(&cli, None, &["dossier", "new", "--org", "Bouwbedrijf Noord"])["id"].as_str().expect("id").to_string();
    ok(&cli, None, &["dossier", "note", &id, "KANARIE-drie"]);
    let plain_copy = dir.join("oude-kopie.sqlite3");
    let made = ok(&cli, None, &["backup", "create"]);
    std::fs::copy(made["path"].as_str().expect("path"), &plain_copy).expect("copy");
    assert_eq!(error_code(&cli, Some("kort"), &["encryption", "on"]), "invalid_input");
    ok(&cli, Some(PASS), &["encryption", "on"]);
    // A plain file restored from outside: the next open encrypts it again.
    ok(&cli, Some(PASS), &["backup", "restore", plain_copy.to_str().expect("utf-8")]);
    assert_eq!(error_code(&cli, None, &["dossier", "list"]), "passphrase_required");
    assert_eq!(ok(&cli, Some(PASS), &["dossier", "show", &id])["notes"][0]["text"], "KANARIE-drie");
    assert!(!looks_plain(&dir.join("keuzehulp.sqlite3")), "encrypted again");
    assert!(!contains(&dir.join("keuzehulp.sqlite3"), "KANARIE"));
}

#[test]
fn erasing_a_dossier_from_an_encrypted_store_rewrites_its_encrypted_backups() {
    let cli = Cli::new();
    let id = ok(&cli, None, &["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    ok(&cli, None, &["dossier", "note", &id, "Roosterdruk"]);
    ok(&cli, Some(PASS), &["encryption", "on"]);
    ok(&cli, Some(PASS), &["backup", "create"]);
    // Two backups hold the dossier: the daily one from before encryption, rewritten with a
    // salt of its own when encryption went on, and a manual one that shares the store's key
    // and salt. Each is erased its own way (opened with the passphrase, or attached).
    let backups = ok(&cli, Some(PASS), &["backup", "list"]);
    assert_eq!(backups.as_array().map(Vec::len), Some(2), "{backups}");
    let done = ok(&cli, Some(PASS), &["dossier", "erase", &id]);
    assert_eq!(done["backups_cleaned"].as_array().map(Vec::len), Some(2), "{done}");
    assert_eq!(done["backups_failed"], serde_json::json!([]), "{done}");
    for backup in backups.as_array().expect("array") {
        let path = Path::new(backup["path"].as_str().expect("path"));
        assert!(!contains(path, "SQLite format 3"), "{} stays encrypted", backup["file"]);
        ok(&cli, Some(PASS), &["backup", "restore", backup["path"].as_str().expect("path")]);
        let list = ok(&cli, Some(PASS), &["dossier", "list"]);
        assert_eq!(list["dossiers"], serde_json::json!([]), "{} no longer holds the dossier", backup["file"]);
    }
}

/// How many daily backups there are.
fn dailies(app: &keuzehulp::Keuzehulp) -> usize {
    app.backups().expect("backups").iter().filter(|b| b.kind == keuzehulp::BackupKind::Dagelijks).count()
}

#[test]
fn an_encrypted_store_makes_no_new_daily_backup_when_nothing_changed() {
    for pass in [None, Some(PASS)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = keuzehulp::time::Clock::fixed_at("2026-11-20T09:00:00Z").expect("clock");
        let open = || keuzehulp::Keuzehulp::open_with_clock(dir.path(), pass, clock.clone()).expect("opens");
        let mut app = keuzehulp::Keuzehulp::open_with_clock(dir.path(), None, clock.clone()).expect("opens");
        let info = keuzehulp::dossier::VisitInfo { org: "Zorggroep Oost".into(), ..Default::default() };
        app.dossier_new(&info).expect("dossier");
        if pass.is_some() {
            app.set_encryption(pass).expect("encryption on");
        } else {
            drop(app);
        }
        clock.advance(86_400);
        assert_eq!(dailies(&open()), 1, "{pass:?}: the next day's opening makes the daily backup");
        // Days go by without a change: the backup of the first day still holds everything.
        for _ in 0..3 {
            clock.advance(86_400);
            assert_eq!(dailies(&open()), 1, "{pass:?}: no change, no new daily backup");
        }
        let mut app = open();
        let id = app.dossiers(None).expect("list")[0].id.clone();
        app.dossier_note(&id, "een wijziging").expect("note");
        drop(app);
        clock.advance(86_400);
        assert_eq!(dailies(&open()), 2, "{pass:?}: a change is backed up the next day");
    }
}

#[test]
fn no_debug_output_shows_the_passphrase() {
    let cli = Cli::new();
    ok(&cli, None, &["dossier", "new", "--org", "Zorggroep Oost"]);
    ok(&cli, Some(PASS), &["encryption", "on"]);
    let app = keuzehulp::Keuzehulp::open_with_passphrase(cli.data.path(), Some(PASS)).expect("opens");
    let mut session = keuzehulp::Session::new(Ok(cli.data.path().to_path_buf()), Some(PASS));
    session.open().expect("the session opens");
    let shown = format!("{app:?} {session:?} {:?}", keuzehulp::Passphrase::new(PASS));
    assert!(!shown.contains(PASS) && !shown.contains("paard"), "{shown}");
    assert!(app.encrypted(), "the store still has it for the calls that need it");
}

/// Whether `path` is missing, empty or a plain (unencrypted) SQLite file, read from its
/// first bytes as the core does.
fn looks_plain(path: &std::path::Path) -> bool {
    match std::fs::read(path) {
        Ok(bytes) => bytes.is_empty() || bytes.starts_with(b"SQLite format 3\0"),
        Err(_) => true,
    }
}

/// An encrypted file starts with a random salt, so about one export in 256 starts with `{`
/// (or white space and `{`) as JSON does; such a file must still ask for the passphrase.
#[test]
fn an_encrypted_export_whose_salt_starts_like_json_still_asks_for_the_passphrase() {
    let cli = Cli::new();
    let id = ok(&cli, None, &["dossier", "new", "--org", "Gemeente Westdorp"])["id"].as_str().expect("id").to_string();
    ok(&cli, Some(PASS), &["encryption", "on"]);
    let sealed = cli.data.path().join("export.keuzehulp");
    ok(&cli, Some(PASS), &["dossier", "export", &id, "-o", sealed.to_str().expect("utf-8")]);
    let bytes = std::fs::read(&sealed).expect("export");
    let other = Cli::new();
    for (n, head) in [&b"{"[..], &b" \n{"[..]].into_iter().enumerate() {
        let mut changed = bytes.clone();
        changed[..head.len()].copy_from_slice(head);
        let copy = other.data.path().join(format!("meegenomen-{n}.keuzehulp"));
        std::fs::write(&copy, &changed).expect("copy");
        let copy_s = copy.to_str().expect("utf-8");
        assert_eq!(error_code(&other, None, &["dossier", "import", copy_s]), "passphrase_required", "{head:?}");
    }
    assert_eq!(ok(&other, None, &["dossier", "list"])["dossiers"], serde_json::json!([]), "nothing imported");
}
