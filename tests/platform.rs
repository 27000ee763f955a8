//! What differs between the platforms our users run: Windows above all (scripts/test.sh also
//! runs this whole binary for x86_64-pc-windows-gnu under wine). The data folder's place,
//! folder names with spaces and accents, a file another program holds open, two processes
//! on one store, CRLF line ends in what users import, and read-only files. Each test states
//! the behaviour on every platform; where Windows behaves differently, the test says how.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use crate::util::Run;
use crate::util::{Cli, copy_of_data};

/// A fresh dossier in `cli`'s store; returns its id.
fn new_dossier(cli: &Cli, org: &str) -> String {
    cli.json(&["dossier", "new", "--org", org, "--sector", "zorg"])["id"].as_str().expect("id").to_string()
}

/// Runs `keuzehulp` with `args` in `cli`'s data directory and expects failure; returns stderr.
fn fails(cli: &Cli, args: &[&str], out_path: Option<&Path>) -> String {
    let mut cmd = cli.cmd();
    cmd.args(args);
    if let Some(path) = out_path {
        cmd.arg(path);
    }
    let out = cmd.run();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?} should fail with exit 1: {stderr}");
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    stderr
}

/// Files in `dir` whose name marks them as temporary.
fn temporary_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp") || name.contains(".tmp-") || name.starts_with(".~"))
        .collect()
}

#[test]
fn the_default_data_folder_is_the_platforms_own() {
    // With no --data-dir and no KEUZEHULP_DATA_DIR, dossiers live where each platform keeps
    // a program's data: %APPDATA%\Keuzehulp\keuzehulp\data on Windows (roaming with the
    // user's profile), $XDG_DATA_HOME/keuzehulp on Linux, Application Support on macOS.
    #[cfg(windows)]
    {
        // SAFETY of the test: reading the folder does not create it; nothing is written.
        let appdata = PathBuf::from(std::env::var_os("APPDATA").expect("APPDATA is set on Windows"));
        let dir = temp_env_free_default_dir();
        assert_eq!(dir, appdata.join("Keuzehulp").join("keuzehulp").join("data"));
    }
    #[cfg(target_os = "linux")]
    {
        let home = tempfile::tempdir().expect("temp dir");
        let bin = assert_cmd::cargo::cargo_bin("keuzehulp");
        let out = StdCommand::new(bin)
            .env_remove("KEUZEHULP_DATA_DIR")
            .env("XDG_DATA_HOME", home.path())
            .args(["dossier", "new", "--org", "Zorggroep Oost", "--json"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(
            home.path().join("keuzehulp").join("keuzehulp.sqlite3").is_file(),
            "the store is in $XDG_DATA_HOME/keuzehulp"
        );
    }
}

/// The default data folder as the core computes it, without KEUZEHULP_DATA_DIR.
#[cfg(windows)]
fn temp_env_free_default_dir() -> PathBuf {
    assert!(std::env::var_os(keuzehulp::app::DATA_DIR_ENV).is_none(), "the test runs without KEUZEHULP_DATA_DIR");
    keuzehulp::default_data_dir().expect("a data folder")
}

#[test]
fn folders_with_spaces_and_accents_work_everywhere() {
    // As on a Dutch laptop: C:\Users\José Müller\… — a store, a backup and its restore, a
    // report, and a dossier file carried to a second store, all under such names.
    let root = tempfile::tempdir().expect("temp dir");
    let home = root.path().join("José Müller").join("Documenten (werk)");
    let data = home.join("Keuzehulp gegevens");
    let bin = assert_cmd::cargo::cargo_bin("keuzehulp");
    let run = |data: &Path, args: &[&str]| -> serde_json::Value {
        let out = StdCommand::new(&bin)
            .env_remove("KEUZEHULP_DATA_DIR")
            .arg("--data-dir")
            .arg(data)
            .args(args)
            .arg("--json")
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let id =
        run(&data, &["dossier", "new", "--org", "Zorggroep Zeeuws-Vlaanderen"])["id"].as_str().expect("id").to_string();
    run(&data, &["dossier", "note", &id, "Gesprek met de OR over roosters — één week later"]);
    let backup = run(&data, &["backup", "create"]);
    let backup_path = PathBuf::from(backup["path"].as_str().expect("path"));
    assert!(backup_path.starts_with(&data), "the backup is in the data folder: {}", backup_path.display());
    assert!(backup_path.is_file());
    run(&data, &["dossier", "note", &id, "na de reservekopie"]);
    run(&data, &["backup", "restore", backup_path.to_str().expect("utf-8")]);
    let notes = run(&data, &["dossier", "show", &id])["notes"].as_array().expect("notes").len();
    assert_eq!(notes, 1, "the restore brought back the state of the backup");

    let reports = home.join("Rapporten voor Zoë");
    std::fs::create_dir_all(&reports).expect("mkdir");
    let pdf = reports.join("advies café ’t Hoekje.pdf");
    run(&data, &["report", &id, "--format", "pdf", "-o", pdf.to_str().expect("utf-8")]);
    assert!(std::fs::read(&pdf).expect("the report is there").starts_with(b"%PDF"));

    let file = reports.join("dossier José.json");
    run(&data, &["dossier", "export", &id, "-o", file.to_str().expect("utf-8")]);
    let other = root.path().join("Ånother laptop").join("gegevens");
    run(&other, &["dossier", "import", file.to_str().expect("utf-8")]);
    let list = run(&other, &["dossier", "list"]);
    assert_eq!(list["dossiers"][0]["org"], "Zorggroep Zeeuws-Vlaanderen");
    assert!(temporary_files(&reports).is_empty(), "no temporary files left: {:?}", temporary_files(&reports));
}

#[test]
fn a_file_open_in_another_program_is_replaced_or_named() {
    // A report the client still has open in a PDF viewer. On Linux and macOS the new file
    // simply takes the name (the viewer keeps the old one). On Windows a program that opened
    // it without sharing (as Acrobat and Word do) keeps anyone from replacing it: then the
    // command says which file and what to do, leaves the old file as it was and leaves no
    // temporary file behind; once the program lets go, the same command works.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("rapport.pdf");
    std::fs::write(&pdf, b"oude versie").expect("write");

    let holder = hold_open(&pdf);
    let out = cli.cmd().args(["report", &id, "--format", "pdf", "--force", "-o"]).arg(&pdf).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if cfg!(windows) {
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("rapport.pdf") && stderr.contains("geopend in een ander programma"), "{stderr}");
        assert_eq!(std::fs::read(&pdf).expect("read"), b"oude versie", "the old file is untouched");
    } else {
        assert!(out.status.success(), "{stderr}");
        assert!(std::fs::read(&pdf).expect("read").starts_with(b"%PDF"));
    }
    assert!(temporary_files(dir.path()).is_empty(), "{:?}", temporary_files(dir.path()));
    drop(holder);
    cli.cmd().args(["report", &id, "--format", "pdf", "--force", "-o"]).arg(&pdf).assert().success();
    assert!(std::fs::read(&pdf).expect("read").starts_with(b"%PDF"));
}

/// Opens `path` the way a document viewer or word processor does: on Windows without
/// FILE_SHARE_DELETE, so nobody may replace or delete the file while it is open.
fn hold_open(path: &Path) -> std::fs::File {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ: u32 = 0x1;
        options.share_mode(FILE_SHARE_READ);
    }
    options.open(path).expect("open")
}

#[test]
fn a_backup_held_open_elsewhere_does_not_stop_the_next_backup() {
    // Someone looks inside an old backup with another program while Keuzehulp makes a new
    // one and thins out the old ones: on Windows that backup cannot be deleted now. The new
    // backup is made all the same, and the held one is left for a later round.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let mut first = None;
    for i in 0..10 {
        cli.json(&["dossier", "note", &id, &format!("notitie {i}")]);
        let backup = cli.json(&["backup", "create"]);
        if first.is_none() {
            first = Some(PathBuf::from(backup["path"].as_str().expect("path")));
        }
    }
    let first = first.expect("a first backup");
    let holder = hold_open(&first);
    cli.json(&["dossier", "note", &id, "nog één"]);
    let newest = cli.json(&["backup", "create"]);
    assert!(Path::new(newest["path"].as_str().expect("path")).is_file());
    let listed = cli.json(&["backup", "list"]);
    let count = listed.as_array().expect("backups").iter().filter(|b| b["kind"] == "handmatig").count();
    if cfg!(windows) {
        assert!(first.exists(), "the held backup could not be deleted now");
        assert_eq!(count, 11, "ten kept, plus the held one");
    } else {
        assert!(!first.exists(), "the oldest manual backup was thinned out");
        assert_eq!(count, 10);
    }
    drop(holder);
    cli.json(&["dossier", "note", &id, "en nog één"]);
    cli.json(&["backup", "create"]);
    assert!(!first.exists(), "once let go, the old backup is thinned out");
}

#[test]
fn a_restore_while_another_program_has_the_store_open_is_refused_by_name() {
    // A second Keuzehulp (the window, say) has the store open: restoring now would pull the
    // database from under it. The restore is refused with a message that says so, nothing
    // changes, and it works once the other program has closed.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let backup = cli.json(&["backup", "create"]);
    let backup = backup["path"].as_str().expect("path").to_string();
    cli.json(&["dossier", "note", &id, "na de reservekopie"]);

    // Another program with the store open: here the core itself, opened in this process.
    let other = keuzehulp::Keuzehulp::open(cli.data.path()).expect("the other program opens the store");
    assert_eq!(other.summary().expect("it reads").program_version, env!("CARGO_PKG_VERSION"));

    let stderr = fails(&cli, &["backup", "restore", &backup], None);
    assert!(stderr.contains("in gebruik"), "{stderr}");
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().expect("notes").len(), 1, "nothing changed");

    drop(other);
    cli.json(&["backup", "restore", &backup]);
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().expect("notes").len(), 0);
}

#[test]
fn switching_encryption_while_another_process_has_the_store_open_is_refused_and_loses_nothing() {
    // The window stays open while a script switches encryption on: the switch puts a new file
    // in the database's place, and the window would go on writing into the old, unlinked one,
    // report success, and lose it. Every process that opens the store holds a claim on it,
    // so the switch is refused by name until the other lets go (the same on Windows, where
    // the lock is LockFileEx instead of flock).
    const PASS: &str = "correct paard batterij";
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    cli.json(&["dossier", "note", &id, "voor de omzetting"]);

    let mut window = keuzehulp::Keuzehulp::open(cli.data.path()).expect("the window opens the store");
    for args in [vec!["encryption", "on"], vec!["backup", "restore", "niet-nodig.sqlite3"]] {
        let out = cli.cmd().env("KEUZEHULP_PASSPHRASE", PASS).args(&args).run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("Keuzehulp is nog open in een ander venster of programma"), "{args:?}: {stderr}");
    }
    let status = cli.json(&["encryption", "status"]);
    assert_eq!(status["encrypted"], false, "nothing changed");
    window.dossier_note(&id, "in het venster, na de poging").expect("the window still writes");
    drop(window);

    let on = cli.cmd().env("KEUZEHULP_PASSPHRASE", PASS).args(["encryption", "on", "--json"]).run();
    assert!(on.status.success(), "once the window is closed: {}", String::from_utf8_lossy(&on.stderr));
    let mut window = keuzehulp::Keuzehulp::open_with_passphrase(cli.data.path(), Some(PASS)).expect("opens again");
    let notes: Vec<String> = window.dossier(&id).expect("dossier").notes.into_iter().map(|n| n.text).collect();
    assert_eq!(notes, ["voor de omzetting", "in het venster, na de poging"], "no write was lost");

    // And the other way round: switching off while the window is open.
    let out = cli.cmd().env("KEUZEHULP_PASSPHRASE", PASS).args(["encryption", "off"]).run();
    assert!(String::from_utf8_lossy(&out.stderr).contains("nog open in een ander venster"));
    window.dossier_note(&id, "nog een").expect("the window still writes");
    drop(window);
    let off = cli.cmd().env("KEUZEHULP_PASSPHRASE", PASS).args(["encryption", "off"]).run();
    assert!(off.status.success(), "{}", String::from_utf8_lossy(&off.stderr));
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().expect("notes").len(), 3);
}

#[test]
fn two_processes_write_to_one_store_and_lose_nothing() {
    // The window and a script, or two windows: SQLite's file locks (fcntl on Unix, LockFileEx
    // on Windows) keep them apart; every note that was acknowledged is there.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let bin = assert_cmd::cargo::cargo_bin("keuzehulp");
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let bin = bin.clone();
            let data = cli.data.path().to_path_buf();
            let id = id.clone();
            std::thread::spawn(move || {
                (0..5)
                    .map(|n| {
                        StdCommand::new(&bin)
                            .env_remove("KEUZEHULP_DATA_DIR")
                            .arg("--data-dir")
                            .arg(&data)
                            .args(["dossier", "note", &id, &format!("schrijver {w}, notitie {n}")])
                            .output()
                            .expect("runs")
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for writer in writers {
        for out in writer.join().expect("writer thread") {
            assert!(out.status.success(), "every write succeeds: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
    let notes = cli.json(&["dossier", "show", &id])["notes"].as_array().expect("notes").len();
    assert_eq!(notes, 20);
}

#[test]
fn crlf_line_ends_in_imported_files_are_read_as_usual() {
    // Files that went through Windows (Notepad, a mail attachment, git with autocrlf) have
    // CRLF line ends: a catalogue folder, a pack and a dossier file all read the same.
    let catalogue = copy_of_data();
    to_crlf(catalogue.path());
    let cli = Cli::new();
    let checked = cli.cmd().arg("validate").arg(catalogue.path()).run();
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));

    let pack = cli.cmd().args(["list", "--json"]).run().stdout;
    let dir = tempfile::tempdir().expect("temp dir");
    let pack_path = dir.path().join("pakket.json");
    std::fs::write(&pack_path, String::from_utf8(pack).expect("utf-8").replace('\n', "\r\n")).expect("write");
    let imported = cli.cmd().arg("import").arg(&pack_path).arg("--json").run();
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));

    let id = new_dossier(&cli, "Zorggroep Oost");
    cli.json(&["dossier", "note", &id, "regel één"]);
    let file = dir.path().join("dossier.json");
    cli.cmd().args(["dossier", "export", &id, "-o"]).arg(&file).assert().success();
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, text.replace('\n', "\r\n")).expect("write");
    let other = Cli::new();
    other.cmd().args(["dossier", "import"]).arg(&file).assert().success();
    let shown = other.json(&["dossier", "show", &id]);
    assert_eq!(shown["notes"][0]["text"], "regel één", "the note comes across without a stray CR");
}

fn to_crlf(dir: &Path) {
    for entry in std::fs::read_dir(dir).expect("read dir").filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.is_dir() {
            to_crlf(&path);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, text.replace("\r\n", "\n").replace('\n', "\r\n")).expect("write");
        }
    }
}

#[test]
fn a_read_only_target_file_is_named_not_replaced() {
    // A report or dossier file marked read-only (by the user, or a sync tool) is not silently
    // replaced: Windows would refuse the replacement anyway, and Linux would allow it. On
    // every platform the command names the file and says it is read-only, and leaves it.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let dir = tempfile::tempdir().expect("temp dir");
    for (args, name) in [
        (vec!["report", &id, "--format", "html", "--force", "-o"], "rapport.html"),
        (vec!["dossier", "export", &id, "--force", "-o"], "dossier.json"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, b"van de klant").expect("write");
        set_read_only(&path, true);
        let stderr = fails(&cli, &args, Some(&path));
        assert!(stderr.contains(name) && stderr.contains("alleen-lezen"), "{stderr}");
        assert_eq!(std::fs::read(&path).expect("read"), b"van de klant");
        set_read_only(&path, false);
        let mut cmd = cli.cmd();
        cmd.args(&args).arg(&path).assert().success();
    }
    assert!(temporary_files(dir.path()).is_empty(), "{:?}", temporary_files(dir.path()));
}

#[test]
fn a_read_only_store_is_named_and_left_alone() {
    // A store marked read-only (copied from a read-only medium, or by a sync tool): Keuzehulp
    // needs to write to it (WAL, backups), so it says which file and how to fix it, and
    // changes nothing; the same on every platform, also for an administrator or root, who
    // could otherwise write past the mark. Once the mark is gone, everything is there.
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    cli.json(&["dossier", "note", &id, "eerste"]);
    let db = cli.data.path().join("keuzehulp.sqlite3");
    set_read_only(&db, true);
    let before = std::fs::read(&db).expect("read");
    for args in [vec!["dossier", "list"], vec!["dossier", "note", &id, "tweede"]] {
        let stderr = fails(&cli, &args, None);
        assert!(stderr.contains("keuzehulp.sqlite3") && stderr.contains("alleen-lezen"), "{stderr}");
    }
    assert_eq!(std::fs::read(&db).expect("read"), before, "the store is untouched");
    set_read_only(&db, false);
    cli.json(&["dossier", "note", &id, "tweede"]);
    assert_eq!(cli.json(&["dossier", "show", &id])["notes"].as_array().expect("notes").len(), 2);
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(path).expect("metadata").permissions();
    #[allow(clippy::permissions_set_readonly_false, reason = "the test gives the file back its write bit")]
    permissions.set_readonly(read_only);
    std::fs::set_permissions(path, permissions).expect("set permissions");
}
