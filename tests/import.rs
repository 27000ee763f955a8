//! Importing catalogue packs: all or nothing, re-import updates, imports survive a reload
//! of the bundled catalogue, and the search sees them.

use keuzehulp::Keuzehulp;
use keuzehulp::search::Filters;

use crate::util::Cli;
use crate::util::Run;

fn pack_with(cli: &Cli, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    let mut value = cli.json(&["list"]);
    let first = value["interventions"][0].clone();
    let mut record = first;
    record["id"] = "eigen-teamoverleg".into();
    record["name"] = "Eigen teamoverleg over werkplezier".into();
    record["aliases"] = serde_json::json!(["Werkplezieroverleg"]);
    value["interventions"] = serde_json::json!([record]);
    edit(&mut value);
    let path = cli.data.path().join("pack.json");
    std::fs::write(&path, value.to_string()).expect("write pack");
    path
}

#[test]
fn an_imported_record_is_listed_found_and_updated_on_reimport() {
    let cli = Cli::new();
    let before = cli.json(&["list"])["interventions"].as_array().expect("array").len();
    let pack = pack_with(&cli, |_| {});
    let report = cli.json(&["import", pack.to_str().expect("utf-8 path")]);
    assert_eq!((report["added"].as_u64(), report["updated"].as_u64()), (Some(1), Some(0)));
    assert_eq!(cli.json(&["list"])["interventions"].as_array().expect("array").len(), before + 1);
    let found = cli.json(&["search", "werkplezieroverleg"]);
    assert_eq!(found["hits"][0]["id"], "eigen-teamoverleg");

    let pack = pack_with(&cli, |v| v["interventions"][0]["name"] = "Teamoverleg over werkplezier (v2)".into());
    let report = cli.json(&["import", pack.to_str().expect("utf-8 path")]);
    assert_eq!((report["added"].as_u64(), report["updated"].as_u64()), (Some(0), Some(1)));
    assert_eq!(cli.json(&["show", "eigen-teamoverleg"])["name"], "Teamoverleg over werkplezier (v2)");
}

#[test]
fn a_pack_with_one_bad_record_changes_nothing() {
    let cli = Cli::new();
    let before = cli.json(&["list"]);
    let pack = pack_with(&cli, |v| {
        let good = v["interventions"][0].clone();
        let mut bad = good.clone();
        bad["id"] = "kapotte-interventie".into();
        bad["levels"] = serde_json::json!(["galaxy"]);
        v["interventions"] = serde_json::json!([good, bad]);
    });
    let out = cli.cmd().arg("import").arg(&pack).run();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pack.json") && err.contains("\"kapotte-interventie\"") && err.contains("levels"), "{err}");
    assert_eq!(cli.json(&["list"])["interventions"], before["interventions"], "nothing imported");
}

#[test]
fn imports_survive_a_new_bundled_catalogue() {
    let cli = Cli::new();
    let pack = pack_with(&cli, |_| {});
    cli.json(&["import", pack.to_str().expect("utf-8 path")]);
    // Simulate a program update with a different bundled catalogue: forget the bundled hash.
    let db = rusqlite::Connection::open(cli.data.path().join(keuzehulp::DB_FILE)).expect("db");
    db.execute("UPDATE meta SET value = 'older' WHERE key = 'bundled_hash'", []).expect("update");
    drop(db);
    let mut app = Keuzehulp::open(cli.data.path()).expect("opens and reloads the bundled catalogue");
    assert!(app.intervention("eigen-teamoverleg").is_ok(), "the imported record survived");
    assert!(app.intervention("pico").is_ok(), "the bundled records are back");
    let hits = app.search("werkplezieroverleg", &Filters::default(), 5).expect("search").hits;
    assert_eq!(hits[0].id, "eigen-teamoverleg");
}

#[test]
fn a_database_from_a_newer_keuzehulp_is_refused_untouched() {
    let cli = Cli::new();
    cli.json(&["list"]);
    let path = cli.data.path().join(keuzehulp::DB_FILE);
    let db = rusqlite::Connection::open(&path).expect("db");
    db.pragma_update(None, "user_version", 999).expect("set version");
    drop(db);
    let out = cli.cmd().arg("list").run();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nieuwere versie") && err.contains(&path.display().to_string()), "{err}");
    let db = rusqlite::Connection::open(&path).expect("db");
    let version: u32 = db.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 999);
}

#[test]
fn an_oversized_pack_or_field_is_refused_with_the_limit() {
    let cli = Cli::new();
    let before = cli.json(&["list"]);
    // A pack of 40 MB (sparse: its size is what counts) is refused before it is read.
    let huge = cli.data.path().join("groot.json");
    std::fs::File::create(&huge).expect("create").set_len(40_000_000).expect("grow");
    for command in ["import", "validate"] {
        let out = cli.cmd().args([command, huge.to_str().expect("utf-8")]).run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(stderr.contains("groot.json") && stderr.contains("ten hoogste 32 MB"), "{command}: {stderr}");
    }
    // One field of 20,000 characters, and a name of 1,000.
    let pack = pack_with(&cli, |v| {
        v["interventions"][0]["summary"] = "werkdruk ".repeat(2_500).into();
        v["interventions"][0]["name"] = "n".repeat(1_000).into();
    });
    let out = cli.cmd().args(["import", pack.to_str().expect("utf-8")]).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("(id \"eigen-teamoverleg\").summary: is 22500 tekens lang; ten hoogste 10000"), "{stderr}");
    assert!(stderr.contains(".name: is 1000 tekens lang; ten hoogste 300"), "{stderr}");
    assert!(stderr.len() < 2_000, "the long values are not quoted back: {} bytes", stderr.len());
    assert_eq!(cli.json(&["list"]), before, "nothing was imported");
}

#[test]
fn a_dry_run_names_what_would_change_and_changes_nothing() {
    let cli = Cli::new();
    let list = cli.json(&["list"]);
    let records = list["interventions"].as_array().expect("array");
    let same = records[0].clone();
    // An own record, imported before: an unsigned pack may change its own records.
    let mut own = records[1].clone();
    own["id"] = "eigen-record".into();
    own["name"] = "Eigen record".into();
    own["aliases"] = serde_json::json!([]);
    let first = cli.data.path().join("eerst.json");
    std::fs::write(
        &first,
        serde_json::json!({ "format": "keuzehulp-pack", "interventions": [own.clone()] }).to_string(),
    )
    .expect("write pack");
    cli.json(&["import", first.to_str().expect("utf-8 path")]);
    let mut changed = own.clone();
    changed["name"] = "Een andere naam".into();
    changed["evidence"]["basis"] = "Een ander oordeel.".into();
    let mut added = records[2].clone();
    added["id"] = "nieuw-in-het-pakket".into();
    let pack = cli.data.path().join("pakket.json");
    let value = serde_json::json!({ "format": "keuzehulp-pack", "interventions": [same, changed.clone(), added] });
    std::fs::write(&pack, value.to_string()).expect("write pack");
    let hash_before = cli.json(&["catalogue"])["content_hash"].clone();

    let diff = cli.json(&["import", pack.to_str().expect("utf-8 path"), "--dry-run"]);
    // The contract's three fields (DESIGN.md), and beside them names, origins and refusals.
    assert_eq!(diff["added"], serde_json::json!(["nieuw-in-het-pakket"]));
    assert_eq!(diff["changed"][0]["id"], "eigen-record");
    assert_eq!(diff["changed"][0]["fields"], serde_json::json!(["evidence.basis", "name"]));
    assert_eq!(diff["unchanged"], 1);
    assert_eq!(diff["changed"][0]["name"], "Een andere naam");
    assert_eq!(
        (diff["changed"][0]["from"]["kind"].as_str(), diff["changed"][0]["to"]["kind"].as_str()),
        (Some("eigen"), Some("eigen"))
    );
    assert_eq!(diff["added_records"][0]["name"], records[2]["name"]);
    assert_eq!(diff["refused"], serde_json::json!([]));
    assert_eq!(cli.json(&["catalogue"])["content_hash"], hash_before, "nothing changed");
    assert!(cli.cmd().args(["show", "nieuw-in-het-pakket"]).run().status.code() != Some(0));
    let text = cli.cmd().arg("import").arg(&pack).arg("--dry-run").run();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("1 nieuw, 1 gewijzigd, 1 gelijk") && text.contains("niets gewijzigd"), "{text}");
    assert!(text.contains("~ eigen-record (Een andere naam): evidence.basis, name"), "{text}");
}

#[test]
fn a_dry_run_of_a_bad_pack_names_the_problem() {
    let cli = Cli::new();
    let pack = pack_with(&cli, |v| v["interventions"][0]["levels"] = serde_json::json!(["galaxy"]));
    let out = cli.cmd().arg("import").arg(&pack).arg("--dry-run").run();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pack.json") && err.contains("levels") && err.contains("galaxy"), "{err}");
}
