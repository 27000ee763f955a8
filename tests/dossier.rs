//! Dossiers of company visits through the command line: the whole visit, reopening, copies,
//! erasing for good, moving to another laptop, bad files, and writes that survive a kill.

use std::process::Command as StdCommand;

use crate::util::{Cli, Run};

/// The answers of the visit in the first test: stored in the dossier, and asked again.
const VISIT_ANSWERS: &[&str] = &[
    "--role",
    "leidinggevende",
    "--level",
    "team",
    "--step",
    "B2",
    "--theme",
    "werkdruk",
    "--have",
    "open-spreekuur-bedrijfsarts",
];

fn new_dossier(cli: &Cli, org: &str) -> String {
    let value = cli.json(&[
        "dossier",
        "new",
        "--org",
        org,
        "--sector",
        "zorg-vvt",
        "--department",
        "Team Noord",
        "--date",
        "2026-11-20",
    ]);
    value["id"].as_str().expect("id").to_string()
}

#[test]
fn a_visit_is_kept_whole_and_reopening_gives_the_same_results() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    cli.json(&[&["dossier", "answer", &id][..], VISIT_ANSWERS].concat());
    cli.json(&[
        "dossier",
        "shortlist",
        &id,
        "regelmogelijkheden-autonomie",
        "--why",
        "Het team wil inspraak in het rooster",
    ]);
    cli.json(&["dossier", "note", &id, "Roosterdruk is het grootste punt"]);
    let item = cli.json(&[
        "dossier",
        "plan",
        &id,
        "--intervention",
        "regelmogelijkheden-autonomie",
        "--what",
        "Pilot zelfroosteren",
        "--who",
        "Teamleider",
        "--start",
        "2026-12-01",
        "--evaluate-on",
        "2027-03-01",
        "--evaluation",
        "Teamgesprek en verzuimcijfers",
    ]);
    let d = cli.json(&["dossier", "show", &id]);
    assert_eq!(d["org"], "Zorggroep Oost");
    assert_eq!(d["department"], "Team Noord");
    assert_eq!(d["answers"]["role"], "leidinggevende");
    assert_eq!(d["answers"]["have"][0], "open-spreekuur-bedrijfsarts");
    assert_eq!(d["shortlist"][0]["why"], "Het team wil inspraak in het rooster");
    assert_eq!(d["notes"][0]["text"], "Roosterdruk is het grootste punt");
    assert!(d["notes"][0]["created_at"].as_str().is_some_and(|t| t.len() == 20), "notes are dated");
    assert_eq!(d["plan"][0]["who"], "Teamleider");
    // Change the status of the item.
    let number = item["id"].as_i64().expect("item id").to_string();
    cli.json(&["dossier", "plan", &id, "--item", &number, "--status", "lopend"]);
    assert_eq!(cli.json(&["dossier", "show", &id])["plan"][0]["status"], "lopend");
    // An empty evaluation date clears it (the desktop form sends this when a field is emptied).
    cli.json(&["dossier", "plan", &id, "--item", &number, "--evaluate-on", ""]);
    let plan = &cli.json(&["dossier", "show", &id])["plan"][0];
    assert!(plan["evaluation_date"].is_null(), "{plan}");
    assert_eq!(plan["start_date"], "2026-12-01", "other fields stay");
    // The stored answers give the same advice as asking again.
    let stored = &d["answers"];
    let again = cli.json(&[&["advise"][..], VISIT_ANSWERS].concat());
    let mut flags = vec!["advise".to_string(), "--role".into(), stored["role"].as_str().expect("role").into()];
    flags.extend([
        "--level".into(),
        stored["level"].as_str().expect("level").into(),
        "--step".into(),
        "B2".into(),
        "--theme".into(),
        "werkdruk".into(),
    ]);
    flags.extend(["--have".into(), "open-spreekuur-bedrijfsarts".into()]);
    let from_dossier = cli.json(&flags.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(again["recommendations"], from_dossier["recommendations"]);
}

#[test]
fn dossiers_are_listed_found_and_copied_as_templates() {
    let cli = Cli::new();
    let a = new_dossier(&cli, "Zorggroep Oost");
    new_dossier(&cli, "Basisschool De Linde");
    cli.json(&["dossier", "note", &a, "alleen in het origineel"]);
    cli.json(&["dossier", "shortlist", &a, "pico"]);
    let found = cli.json(&["dossier", "list", "--search", "linde"]);
    assert_eq!(found["dossiers"].as_array().map(Vec::len), Some(1));
    assert_eq!(found["dossiers"][0]["org"], "Basisschool De Linde");
    let copy = cli.json(&["dossier", "duplicate", &a])["id"].as_str().expect("id").to_string();
    let d = cli.json(&["dossier", "show", &copy]);
    assert_eq!(d["org"], "Zorggroep Oost");
    assert_eq!(d["shortlist"][0]["intervention_id"], "pico");
    assert_eq!(d["notes"].as_array().map(Vec::len), Some(0), "a template starts without notes");
    assert!(d["visit_date"].is_null());
}

#[test]
fn saving_unchanged_answers_or_facts_is_not_a_change() {
    let cli = Cli::new();
    let a = new_dossier(&cli, "Zorggroep Oost");
    cli.json(&[&["dossier", "answer", &a][..], VISIT_ANSWERS].concat());
    new_dossier(&cli, "Basisschool De Linde");
    let before = cli.json(&["dossier", "show", &a]);
    let order = cli.json(&["dossier", "list"]);
    // A clock set years ahead: any write would carry a time stamp of its own.
    let clock = keuzehulp::time::Clock::fixed_at("2040-01-01T09:00:00Z").expect("clock");
    let mut app = keuzehulp::Keuzehulp::open_with_clock(cli.data.path(), None, clock).expect("opens");
    // Showing the results again stores the same answers: the dossier must not move to the
    // top of the recent list, nor gain a revision.
    let answers = app.dossier(&a).expect("dossier").answers;
    app.dossier_answer(&a, &answers).expect("same answers saved");
    assert_eq!(cli.json(&["dossier", "list"]), order, "the list of recent dossiers keeps its order");
    let again = cli.json(&["dossier", "show", &a]);
    assert_eq!(again["revision"], before["revision"]);
    assert_eq!(again["updated_at"], before["updated_at"]);

    let info = app.dossier(&a).expect("dossier").info;
    app.dossier_update(&a, &info).expect("same facts saved");
    assert_eq!(app.dossier(&a).expect("dossier").revision, before["revision"].as_i64().expect("revision"));
    let changed = keuzehulp::dossier::VisitInfo { department: Some("Team Zuid".into()), ..info };
    app.dossier_update(&a, &changed).expect("new facts saved");
    assert_eq!(app.dossier(&a).expect("dossier").revision, before["revision"].as_i64().expect("revision") + 1);
    assert_eq!(app.dossier(&a).expect("dossier").updated_at, "2040-01-01T09:00:00Z", "dated by the clock");
    assert_eq!(app.dossiers(None).expect("list")[0].id, a, "a real change moves it up");
    drop(app);

    cli.json(&["dossier", "answer", &a, "--role", "medewerker"]);
    let changed = cli.json(&["dossier", "show", &a]);
    assert_eq!(changed["revision"], before["revision"].as_i64().expect("revision") + 2, "new answers are a change");
}

#[test]
fn overdue_evaluations_show_in_the_list() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Fabriek West");
    cli.json(&[
        "dossier",
        "plan",
        &id,
        "--intervention",
        "pico",
        "--evaluate-on",
        "2020-01-01",
        "--what",
        "Dialoogsessies",
    ]);
    let list = cli.json(&["dossier", "list"]);
    assert_eq!(list["dossiers"][0]["overdue"][0]["what"], "Dialoogsessies");
    cli.json(&["dossier", "plan", &id, "--item", "1", "--status", "afgerond"]);
    assert_eq!(cli.json(&["dossier", "list"])["dossiers"][0]["overdue"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_dossier_moves_to_another_laptop_and_import_never_overwrites_silently() {
    let here = Cli::new();
    let id = new_dossier(&here, "Zorggroep Oost");
    here.json(&["dossier", "note", &id, "eerste notitie"]);
    let file = here.data.path().join("dossier.json");
    here.json(&["dossier", "export", &id, "-o", file.to_str().expect("path")]);
    let there = Cli::new();
    let result = there.json(&["dossier", "import", file.to_str().expect("path")]);
    assert_eq!(result["result"], "new");
    let moved = there.json(&["dossier", "show", &id]);
    let original = here.json(&["dossier", "show", &id]);
    assert_eq!(moved["notes"][0]["text"], original["notes"][0]["text"]);
    assert_eq!(moved["org"], original["org"]);
    // The same file again changes nothing.
    assert_eq!(there.json(&["dossier", "import", file.to_str().expect("path")])["result"], "unchanged");
    // A different version of the same dossier is kept beside it.
    there.json(&["dossier", "note", &id, "alleen daar"]);
    let both = there.json(&["dossier", "import", file.to_str().expect("path")]);
    assert_eq!(both["result"], "kept-both");
    assert_ne!(both["id"], id.as_str());
    assert_eq!(
        there.json(&["dossier", "show", &id])["notes"].as_array().map(Vec::len),
        Some(2),
        "the local copy is untouched"
    );
    // Unless replacing is asked for.
    assert_eq!(there.json(&["dossier", "import", file.to_str().expect("path"), "--replace"])["result"], "replaced");
    assert_eq!(there.json(&["dossier", "show", &id])["notes"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_truncated_tampered_or_newer_file_is_refused_and_nothing_is_imported() {
    let here = Cli::new();
    let id = new_dossier(&here, "Zorggroep Oost");
    let file = here.data.path().join("dossier.json");
    here.json(&["dossier", "export", &id, "-o", file.to_str().expect("path")]);
    let text = std::fs::read_to_string(&file).expect("read");
    let there = Cli::new();
    let cases: Vec<(&str, String, &str)> = vec![
        ("truncated", text[..text.len() / 2].to_string(), "dossier"),
        (
            "newer",
            text.replacen(
                &format!("\"version\": {}", keuzehulp::dossier::file::VERSION),
                &format!("\"version\": {}", keuzehulp::dossier::file::VERSION + 5),
                1,
            ),
            "nieuwere",
        ),
        ("tampered status", text.replacen("\"answers\"", "\"plan\": [{\"id\": 1, \"intervention_id\": \"pico\", \"what\": \"\", \"who\": \"\", \"evaluation_method\": \"\", \"status\": \"vergeten\"}], \"answers\"", 1).replacen("\"plan\": [],", "", 1), "status"),
        ("unknown intervention", text.replacen("\"shortlist\": []", "\"shortlist\": [{\"intervention_id\": \"bestaat-niet\", \"added_at\": \"x\"}]", 1), "bestaat-niet"),
        ("not a dossier", "{\"interventions\": []}".to_string(), "format"),
        // Found by the fuzzer (fuzz/regressions/dossier_file/): it used to pass the checks
        // and fail in SQLite with a bare constraint error.
        (
            "shortlist twice",
            text.replacen(
                "\"shortlist\": []",
                "\"shortlist\": [{\"intervention_id\": \"pico\", \"added_at\": \"x\"}, {\"intervention_id\": \"pico\", \"added_at\": \"y\"}]",
                1,
            ),
            "dossier.shortlist[1]",
        ),
        ("binary, not text", String::new(), "kan"),
    ];
    for (name, content, expected) in cases {
        let path = there.data.path().join(format!("{}.json", name.replace(' ', "-")));
        let bytes = if name == "binary, not text" { vec![0u8, 0xff, 0xfe, 0x00, 0x81] } else { content.into_bytes() };
        std::fs::write(&path, bytes).expect("write");
        let out = there.cmd().arg("dossier").arg("import").arg(&path).run();
        assert!(!out.status.success(), "{name} must be refused");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{name}: {err}");
    }
    assert_eq!(there.json(&["dossier", "list"])["dossiers"].as_array().map(Vec::len), Some(0), "nothing imported");
}

#[test]
fn bad_values_are_named() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    for (args, expected) in [
        (vec!["dossier", "plan", &id, "--intervention", "pico", "--start", "morgen"], "\"morgen\""),
        (vec!["dossier", "plan", &id, "--intervention", "pico", "--status", "klaar"], "\"klaar\""),
        (vec!["dossier", "shortlist", &id, "bestaat-niet"], "\"bestaat-niet\""),
        (vec!["dossier", "note", "d-bestaat-niet", "tekst"], "\"d-bestaat-niet\""),
        (vec!["dossier", "new", "--org", "X", "--sector", "maan"], "\"maan\""),
    ] {
        let out = cli.cmd().args(&args).run();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(expected),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let file = cli.data.path().join("geen-map").join("x.json");
    let out = cli.cmd().args(["dossier", "export", &id, "-o"]).arg(&file).run();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen-map"), "the path is named");
}

/// Writers killed with SIGKILL at random moments: every note whose command reported success
/// is still there, and the store opens and passes SQLite's integrity check.
#[test]
fn acknowledged_notes_survive_a_killed_writer() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let bin = assert_cmd::cargo::cargo_bin("keuzehulp");
    let mut acknowledged = Vec::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..60 {
        let text = format!("notitie-{round}");
        let mut child = StdCommand::new(&bin)
            .args(["--data-dir"])
            .arg(cli.data.path())
            .args(["dossier", "note", &id, &text])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Kill some writers at a random moment in their first ~15 ms; let the others finish.
        if round % 2 == 0 {
            std::thread::sleep(std::time::Duration::from_micros(seed % 15_000));
            let _ = child.kill();
        }
        let status = child.wait().expect("wait");
        if status.success() {
            acknowledged.push(text);
        }
    }
    assert!(acknowledged.len() >= 30, "the writers that were not killed all succeeded ({})", acknowledged.len());
    let d = cli.json(&["dossier", "show", &id]);
    let notes: Vec<&str> = d["notes"].as_array().expect("notes").iter().filter_map(|n| n["text"].as_str()).collect();
    for text in &acknowledged {
        assert!(notes.contains(&text.as_str()), "acknowledged note {text} is lost");
    }
    let db = rusqlite::Connection::open(cli.data.path().join("keuzehulp.sqlite3")).expect("opens");
    let check: String = db.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check");
    assert_eq!(check, "ok");
}

/// Every input the fuzzers ever found a problem with (fuzz/regressions/) gets a clear, named
/// refusal: no panic, nothing imported.
#[test]
fn fuzzer_findings_are_refused_by_name() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join("regressions");
    let mut seen = 0;
    for (target, command) in [("dossier_file", ["dossier", "import"]), ("pack", ["import", "--"])] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else { continue };
        for entry in entries.filter_map(|e| e.ok()) {
            let cli = Cli::new();
            let out = cli.cmd().args(command).arg(entry.path()).run();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{}: {stderr}", entry.path().display());
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(stderr.contains(&*entry.file_name().to_string_lossy()), "the file is named: {stderr}");
            seen += 1;
        }
    }
    assert!(seen >= 1, "the reproducers are found");
}

/// Runs a command that must fail; returns its stderr.
fn fails(cli: &Cli, args: &[&str]) -> String {
    let out = cli.cmd().args(args).run();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "keuzehulp {args:?} must fail: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_writes_the_target_and_keeps_the_link() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let out = tempfile::tempdir().expect("dir");
    let target = out.path().join("echt.json");
    std::fs::write(&target, b"oud").expect("old file");
    let link = out.path().join("koppeling.json");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    // The link's target exists: replaced only when asked (`--force`), like any file.
    cli.json(&["dossier", "export", &id, "--force", "-o", link.to_str().expect("utf-8")]);
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "the link stays a link");
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).expect("target")).expect("json");
    assert_eq!(written["dossier"]["id"], id.as_str(), "the target holds the export");
    // A link to a file that does not exist yet: the file is made where the link points.
    let dangling = out.path().join("nog-niet.json");
    let new_target = out.path().join("sub").join("nieuw.html");
    std::fs::create_dir(out.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("sub/nieuw.html", &dangling).expect("symlink");
    cli.json(&["report", &id, "--format", "html", "-o", dangling.to_str().expect("utf-8")]);
    assert!(std::fs::symlink_metadata(&dangling).expect("link").file_type().is_symlink());
    assert!(std::fs::read_to_string(&new_target).expect("report").contains("Zorggroep Oost"));
    let names: Vec<String> = std::fs::read_dir(out.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into())
        .collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "no temporary file stays: {names:?}");
}

#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_is_written_into_the_pipe() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let out = tempfile::tempdir().expect("dir");
    let fifo = out.path().join("pijp");
    assert!(StdCommand::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    for (args, marker) in [
        (vec!["dossier", "export", id.as_str(), "-o"], "keuzehulp-dossier"),
        (vec!["report", id.as_str(), "--format", "md", "-o"], "Zorggroep Oost"),
    ] {
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).expect("read the pipe"))
        };
        let mut all = args.clone();
        all.push(fifo.to_str().expect("utf-8"));
        cli.json(&all);
        let read = reader.join().expect("reader");
        assert!(String::from_utf8_lossy(&read).contains(marker), "{args:?} went through the pipe");
    }
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo(), "the pipe is still a pipe");
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_device_says_the_disk_is_full_and_leaves_the_device() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let stderr = fails(&cli, &["dossier", "export", &id, "-o", "/dev/full"]);
    assert!(stderr.contains("/dev/full") && stderr.contains("vol"), "{stderr}");
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::symlink_metadata("/dev/full").expect("/dev/full");
    assert!(meta.file_type().is_char_device(), "/dev/full is still the device");
    // /dev/null takes it without complaint.
    cli.json(&["report", &id, "--format", "md", "-o", "/dev/null"]);
    assert!(std::fs::symlink_metadata("/dev/null").expect("/dev/null").file_type().is_char_device());
}

#[test]
fn output_to_a_directory_is_refused_by_name() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let dir = tempfile::tempdir().expect("dir");
    let stderr = fails(&cli, &["dossier", "export", &id, "-o", dir.path().to_str().expect("utf-8")]);
    assert!(stderr.contains("is een map") && stderr.contains(&dir.path().display().to_string()), "{stderr}");
}

#[test]
fn dossier_show_shows_no_terminal_escape_sequences() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorg\u{1b}[2JGroep");
    let note = "rood \u{1b}[31mgevaar\u{1b}[0m \u{1b}]0;titel\u{7} \u{202e}tsket\u{9b}2J";
    cli.json(&["dossier", "note", &id, note]);
    for args in [vec!["dossier", "show", id.as_str()], vec!["dossier", "list"]] {
        let out = cli.cmd().args(&args).run();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(
            !text.chars().any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)),
            "{args:?}: {text:?}"
        );
        assert!(text.contains("Zorg?[2JGroep"), "the rest of the text is shown: {text}");
    }
    // JSON keeps the text exactly (escaped), for programs.
    let value = cli.json(&["dossier", "show", &id]);
    assert_eq!(value["notes"][0]["text"], note);
}

#[test]
fn a_long_or_odd_dossier_search_is_answered_in_dutch() {
    let cli = Cli::new();
    new_dossier(&cli, "Zorggroep 100% Oost");
    new_dossier(&cli, "Basisschool De Linde");
    // 20,000 characters: far past the limit, and still within what a Windows command line
    // can carry (32,767 characters in all).
    let long = "x".repeat(20_000);
    let stderr = fails(&cli, &["dossier", "list", "--search", &long]);
    assert!(stderr.contains("20000 tekens is te lang") && stderr.contains("200"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("like") && !stderr.contains("pattern"), "{stderr}");
    let found = |text: &str| cli.json(&["dossier", "list", "--search", text])["dossiers"].as_array().map(Vec::len);
    assert_eq!(found("100%"), Some(1), "% is a character, not a wildcard");
    assert_eq!(found("%"), Some(1));
    assert_eq!(found("_"), Some(0), "_ is a character, not a wildcard");
    assert_eq!(found("linde"), Some(1));
}

#[test]
fn a_day_the_calendar_does_not_have_is_refused_by_name() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let plan = ["dossier", "plan", &id, "--intervention", "pico", "--evaluate-on"];
    let cases: [(&[&str], &str); 4] = [
        (&["dossier", "new", "--org", "Zorggroep Oost", "--date", "2026-02-31"], "2026-02-31"),
        (&["dossier", "new", "--org", "Zorggroep Oost", "--date", "2027-02-29"], "2027-02-29"),
        (&[&plan[..], &["2026-04-31"]].concat(), "2026-04-31"),
        (&["dossier", "plan", &id, "--intervention", "pico", "--start", "2026-13-01"], "2026-13-01"),
    ];
    for (args, value) in cases {
        let out = cli.cmd().args(args).run();
        assert!(!out.status.success(), "{args:?} was accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(value) && stderr.contains("geen bestaande datum"), "{args:?}: {stderr}");
    }
    // A leap day that exists is a date like any other.
    let made = cli.json(&["dossier", "new", "--org", "Zorggroep Oost", "--date", "2028-02-29"]);
    let shown = cli.json(&["dossier", "show", made["id"].as_str().expect("id")]);
    assert_eq!(shown["visit_date"], "2028-02-29");
    let listed = cli.json(&["dossier", "list"]);
    assert_eq!(listed["dossiers"].as_array().map(Vec::len), Some(2), "a refused command made nothing: {listed}");
}

/// The keuzelijst keeps the order the professional chose in, also for items added within
/// the same second (a click, then the next), not the order of their ids.
#[test]
fn the_shortlist_keeps_the_order_things_were_chosen_in() {
    let cli = Cli::new();
    let id = new_dossier(&cli, "Zorggroep Oost");
    let chosen = ["regelmogelijkheden-autonomie", "administratiedruk-verminderen", "pico", "intervisie"];
    for intervention in chosen {
        cli.json(&["dossier", "shortlist", &id, intervention]);
    }
    let d = cli.json(&["dossier", "show", &id]);
    let order: Vec<&str> =
        d["shortlist"].as_array().expect("shortlist").iter().filter_map(|s| s["intervention_id"].as_str()).collect();
    assert_eq!(order, chosen);
}
