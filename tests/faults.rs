//! Faults of the disk: a data directory on a full file system, and one that became
//! read-only. Each test mounts a small tmpfs of its own (this needs root, as `scripts/test.sh`
//! and CI run; the mount is taken down when the test ends, also when it fails).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use assert_cmd::cargo::CommandCargoExt;

struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().expect("temp dir");
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "mounting a tmpfs needs root (CAP_SYS_ADMIN); run the tests as scripts/test.sh does");
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "remount {mode}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

fn run(data: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("keuzehulp")
        .expect("binary built")
        .env_remove("KEUZEHULP_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("runs")
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let out = run(data, &all);
    assert!(out.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The command failed with a readable message that names `needle` (a path), and no panic.
fn fails_naming(out: &Output, needle: &str, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{what} should fail");
    assert!(!stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"), "{what}: no panic: {stderr}");
    assert!(stderr.contains(needle), "{what}: the message names {needle}: {stderr}");
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Fills the file system with one file until it says no more; returns the file.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("vulsel");
    let mut file = std::fs::File::create(&path).expect("filler");
    let chunk = vec![0u8; 64 * 1024];
    while file.write_all(&chunk).is_ok() {}
    // Then the last few bytes.
    while file.write_all(&[0u8; 512]).is_ok() {}
    let _ = file.sync_all();
    path
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check")
}

#[test]
fn a_full_disk_gives_a_clear_message_and_loses_nothing() {
    let fs = Tmpfs::mount("4m");
    let data = fs.path().join("data");
    let data_s = data.to_str().expect("utf-8 path");
    let id = json(&data, &["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    for i in 0..3 {
        json(&data, &["dossier", "note", &id, &format!("notitie {i}")]);
    }
    // Let the day's automatic backup happen now, while there is room.
    json(&data, &["dossier", "list"]);
    let before = json(&data, &["dossier", "show", &id]);
    let found = json(&data, &["search", "onder"]);
    let before_files = files_in(&data);
    let before_backups = files_in(&data.join("backups"));
    let filler = fill(fs.path());

    // Reading needs no free space: showing, listing and searching answer as before.
    assert_eq!(json(&data, &["dossier", "show", &id]), before, "dossier show on a full disk");
    assert_eq!(json(&data, &["search", "onder"]), found, "search on a full disk");
    json(&data, &["dossier", "list"]);
    json(&data, &["show", "pico"]);
    json(&data, &["backup", "list"]);

    // The longest note a dossier takes.
    let big = "x".repeat(5_000);
    let out = run(&data, &["dossier", "note", &id, &big]);
    fails_naming(&out, "keuzehulp.sqlite3", "a note on a full disk");
    fails_naming(&out, "schijf is vol", "a note on a full disk");
    let out = run(&data, &["dossier", "new", "--org", "Nieuw"]);
    assert!(!out.status.success(), "a new dossier on a full disk fails (or is refused)");

    let export = fs.path().join("export.json");
    // Writing a file fails, naming the file and saying the disk is full.
    let mount = fs.path().to_str().expect("utf-8");
    let out = run(&data, &["dossier", "export", &id, "-o", export.to_str().expect("utf-8")]);
    fails_naming(&out, mount, "an export to a full disk");
    fails_naming(&out, "vol", "an export to a full disk");
    let report = fs.path().join("rapport.pdf");
    let out = run(&data, &["report", &id, "--format", "pdf", "-o", report.to_str().expect("utf-8")]);
    fails_naming(&out, mount, "a report to a full disk");
    assert_eq!(files_in(fs.path()), vec!["data".to_string(), "vulsel".to_string()], "no partial file is left");
    let out = run(&data, &["backup", "create"]);
    fails_naming(&out, data_s, "a backup on a full disk");
    // SQLite's own -wal and -shm may stay beside the database (they are part of it).
    let now: Vec<String> =
        files_in(&data).into_iter().filter(|f| !f.ends_with("-wal") && !f.ends_with("-shm")).collect();
    assert_eq!(now, before_files, "no partial backup or stray file in the data directory");
    assert_eq!(files_in(&data.join("backups")), before_backups, "no half-made backup is kept");

    // A little room: enough to open the store and read, not enough for a dossier of a
    // hundred long notes from a file. The transaction fails as a whole; no half dossier, and
    // the dossier reads as before.
    let len = std::fs::metadata(&filler).expect("filler").len();
    std::fs::OpenOptions::new().write(true).open(&filler).expect("filler").set_len(len - 64 * 1024).expect("shrink");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let file = elsewhere.path().join("groot.json");
    let notes: Vec<serde_json::Value> = (0..100)
        .map(|n| serde_json::json!({ "id": n + 1, "text": big, "created_at": "2026-11-20T10:00:00Z" }))
        .collect();
    let dossier = serde_json::json!({
        "format": "keuzehulp-dossier", "version": 1, "exported_at": "2026-11-20T10:00:00Z",
        "dossier": { "id": "d-groot", "org": "Groot", "answers": {}, "shortlist": [], "notes": notes, "plan": [],
                     "created_at": "2026-11-20T10:00:00Z", "updated_at": "2026-11-20T10:00:00Z", "revision": 1 }
    });
    std::fs::write(&file, dossier.to_string()).expect("write");
    let out = run(&data, &["dossier", "import", file.to_str().expect("utf-8")]);
    fails_naming(&out, "keuzehulp.sqlite3", "a dossier that does not fit");
    assert_eq!(json(&data, &["dossier", "show", &id]), before, "no partial note");
    assert_eq!(json(&data, &["dossier", "list"])["dossiers"].as_array().map(Vec::len), Some(1), "no half dossier");

    // Room again: everything is as it was, and work goes on.
    std::fs::remove_file(filler).expect("free space");
    assert_eq!(json(&data, &["dossier", "show", &id]), before, "the dossier is exactly as before");
    assert_eq!(integrity(&data.join("keuzehulp.sqlite3")), "ok");
    json(&data, &["dossier", "note", &id, "weer ruimte"]);
    assert_eq!(json(&data, &["dossier", "show", &id])["notes"].as_array().map(Vec::len), Some(4));
}

#[test]
fn a_read_only_data_directory_gives_a_clear_message_and_loses_nothing() {
    let fs = Tmpfs::mount("8m");
    let data = fs.path().join("data");
    let id = json(&data, &["dossier", "new", "--org", "Gemeente Westdorp"])["id"].as_str().expect("id").to_string();
    json(&data, &["dossier", "note", &id, "eerste notitie"]);
    json(&data, &["dossier", "list"]);
    let before = json(&data, &["dossier", "show", &id]);
    fs.remount("ro");

    let out = run(&data, &["dossier", "note", &id, "tweede notitie"]);
    fails_naming(&out, data.to_str().expect("utf-8"), "a note in a read-only data directory");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("alleen-lezen"), "says why: {stderr}");
    let export = fs.path().join("export.json");
    let out = run(&data, &["dossier", "export", &id, "-o", export.to_str().expect("utf-8")]);
    assert!(!out.status.success(), "an export onto a read-only file system fails");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));

    fs.remount("rw");
    assert_eq!(json(&data, &["dossier", "show", &id]), before, "the dossier is exactly as before");
    assert_eq!(integrity(&data.join("keuzehulp.sqlite3")), "ok");
    json(&data, &["dossier", "note", &id, "tweede notitie"]);
}

#[test]
fn exports_into_a_read_only_folder_say_so_and_leave_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let id = json(&data, &["dossier", "new", "--org", "Gemeente Westdorp"])["id"].as_str().expect("id").to_string();
    json(&data, &["dossier", "plan", &id, "--intervention", "pico", "--who", "HR", "--evaluate-on", "2027-03-01"]);
    let fs = Tmpfs::mount("1m");
    fs.remount("ro");
    for args in [
        vec!["report", &id, "--format", "docx"],
        vec!["dossier", "export-plan", &id, "--format", "xlsx"],
        vec!["dossier", "export-plan", &id, "--format", "csv"],
        vec!["dossier", "export-plan", &id, "--format", "ics"],
    ] {
        let target = fs.path().join(format!("uitvoer.{}", args[args.len() - 1]));
        let mut all = args.clone();
        all.extend(["-o", target.to_str().expect("utf-8")]);
        let out = run(&data, &all);
        fails_naming(&out, target.to_str().expect("utf-8"), "an export into a read-only folder");
        assert!(String::from_utf8_lossy(&out.stderr).contains("alleen-lezen"), "says why");
    }
    fs.remount("rw");
    assert!(files_in(fs.path()).is_empty(), "no file and no temporary file was left");
}
