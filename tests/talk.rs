//! Conversations through the command line: the guides, a team conversation of seven themes
//! into a dossier and back out of `dossier show`, its ratings as a measurement, the themes
//! rated low becoming the advice (with the reason that names the conversation), a team
//! leader's view beside the team's, bad answers refused whole, confidential worker notes
//! kept out of reports, the dossier file, and the paper sheet.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::util::{Cli, Run};

fn new_dossier(cli: &Cli) -> String {
    cli.json(&["dossier", "new", "--org", "Zorggroep Oost", "--sector", "zorg-vvt", "--date", "2026-11-20"])["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// A team conversation of seven themes, "regelmogelijkheden" rated 2 and "omgang" 1.
fn team_answers() -> Value {
    json!({
        "guide": "team", "date": "2026-11-20", "present": 8,
        "themes": [
            { "theme": "werkdruk", "rating": 3, "note": "Veel overdrachten aan het eind van de dienst." },
            { "theme": "regelmogelijkheden", "rating": 2, "note": "Het rooster komt laat.",
              "questions": [{ "question": "team-regel-rooster", "note": "Pas twee weken vooraf bekend." }] },
            { "theme": "steun-leidinggevende", "rating": 4 },
            { "theme": "steun-collegas", "rating": 4 },
            { "theme": "omgang", "rating": 1, "note": "Bezoekers schelden soms." },
            { "theme": "duidelijkheid", "rating": 3 },
            { "theme": "verandering", "rating": 4 }
        ]
    })
}

fn write(cli: &Cli, name: &str, value: &Value) -> PathBuf {
    let path = cli.data.path().join(name);
    std::fs::write(&path, value.to_string()).expect("write answers");
    path
}

fn talk(cli: &Cli, id: &str, guide: &str, answers: &Value) -> Value {
    let path = write(cli, &format!("{guide}.json"), answers);
    cli.json(&["dossier", "talk", id, "--guide", guide, "--answers", path.to_str().expect("utf-8")])
}

/// Runs a command that must fail; answers the JSON error.
fn refused(cli: &Cli, args: &[&str]) -> Value {
    let out = cli.cmd().args(args).arg("--json").run();
    assert!(!out.status.success(), "keuzehulp {args:?} must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("a JSON error: {stderr}"))
}

#[test]
fn the_guides_are_listed_and_shown_with_their_sources() {
    let cli = Cli::new();
    let list = cli.json(&["conversation", "list"]);
    let ids: Vec<&str> = list["guides"].as_array().expect("guides").iter().filter_map(|g| g["id"].as_str()).collect();
    assert_eq!(ids, ["leidinggevende", "medewerker", "team"]);
    let team = cli.json(&["conversation", "show", "team"]);
    assert_eq!(team["themes"].as_array().map(Vec::len), Some(7));
    for theme in team["themes"].as_array().expect("themes") {
        for q in theme["questions"].as_array().expect("questions") {
            assert!(!q["sources"].as_array().expect("sources").is_empty(), "{q}");
            assert!(!q["follow_up"].as_array().expect("follow-ups").is_empty(), "{q}");
        }
    }
    let cited: Vec<&str> =
        team["references"].as_array().expect("references").iter().filter_map(|r| r["id"].as_str()).collect();
    assert!(
        cited.contains(&"signaleringsmethode-werkdruk") && cited.contains(&"hse-management-standards"),
        "{cited:?}"
    );
    let worker = cli.cmd().args(["conversation", "show", "medewerker"]).run();
    let text = String::from_utf8_lossy(&worker.stdout);
    assert!(text.contains("Geen medische gegevens"), "the rule is shown: {text}");
    let err = refused(&cli, &["conversation", "show", "directie"]);
    assert_eq!(err["error"]["code"], "unknown_value");
    assert!(err["error"]["message"].as_str().is_some_and(|m| m.contains("leidinggevende, medewerker, team")), "{err}");
}

#[test]
fn a_team_conversation_goes_into_the_dossier_as_a_measurement_and_steers_the_advice() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    cli.json(&["dossier", "answer", &id, "--role", "arboprofessional", "--theme", "mantelzorg-combinatiedruk"]);
    let done = talk(&cli, &id, "team", &team_answers());
    assert_eq!(done["replaced"], false);
    let low: Vec<(&str, u64)> = done["low"]
        .as_array()
        .expect("low")
        .iter()
        .map(|s| (s["theme"].as_str().expect("theme"), s["rating"].as_u64().expect("rating")))
        .collect();
    assert_eq!(low, [("omgang", 1), ("regelmogelijkheden", 2)]);

    let d = cli.json(&["dossier", "show", &id]);
    let c = &d["conversations"][0];
    assert_eq!(
        (c["guide"].as_str(), c["date"].as_str(), c["present"].as_u64()),
        (Some("team"), Some("2026-11-20"), Some(8))
    );
    assert_eq!(c["themes"].as_array().map(Vec::len), Some(7));
    assert_eq!(c["themes"][1]["questions"][0]["note"]["text"], "Pas twee weken vooraf bekend.");
    let m = &c["measurement"];
    assert_eq!(m["kind"], "gesprek");
    assert_eq!(m["source"], "team");
    assert_eq!(m["date"], "2026-11-20");
    assert_eq!(m["n"], 8);
    assert_eq!(m["scale"], json!({ "min": 1.0, "max": 5.0, "higher_is_better": true }));
    assert_eq!(m["values"][1], json!({ "key": "regelmogelijkheden", "value": 2.0 }));
    // The low themes are the answers now, beside the user's own; the role stays.
    let answers = &d["answers"];
    let themes: Vec<&str> = answers["themes"].as_array().expect("themes").iter().filter_map(Value::as_str).collect();
    for theme in ["mantelzorg-combinatiedruk", "ongewenste-omgangsvormen", "roosters-autonomie"] {
        assert!(themes.contains(&theme), "{theme} in {themes:?}");
    }
    assert_eq!(answers["level"], "team");
    assert_eq!(answers["steps"], json!(["B1", "B2"]));
    assert_eq!(answers["role"], "arboprofessional");
    assert_eq!(d["comparisons"], json!([]));

    // The advice on those answers opens on interventions for the low themes, saying why.
    let app = keuzehulp::Keuzehulp::open(cli.data.path()).expect("opens");
    let stored: keuzehulp::advisor::Answers = serde_json::from_value(answers.clone()).expect("answers");
    let advice = app.advise(&stored, 20).expect("advice");
    let ids: Vec<&str> = advice.recommendations.iter().map(|r| r.id.as_str()).collect();
    let autonomy = advice
        .recommendations
        .iter()
        .take(10)
        .find(|r| r.id == "regelmogelijkheden-autonomie")
        .unwrap_or_else(|| panic!("in the top ten: {ids:?}"));
    assert!(
        autonomy.reasons.iter().any(|r| r == "uit het teamgesprek: regelmogelijkheden 2 van 5"),
        "{:?}",
        autonomy.reasons
    );
    let first = &advice.recommendations[0];
    assert!(
        first.reasons.first().is_some_and(|x| x.starts_with("uit het teamgesprek: ")),
        "the first recommendation addresses a low theme: {:?}",
        first.reasons
    );
    let bullying = advice.recommendations.iter().find(|r| r.themes.contains(&"ongewenste-omgangsvormen".to_string()));
    assert!(
        bullying.is_some_and(|r| r.reasons[0] == "uit het teamgesprek: omgang met elkaar 1 van 5"),
        "{bullying:?} in {ids:?}"
    );
}

#[test]
fn the_same_guide_on_the_same_day_replaces_and_a_conversation_can_be_taken_out() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    talk(&cli, &id, "team", &team_answers());
    let mut again = team_answers();
    again["themes"][1]["rating"] = json!(4);
    again["themes"][4]["rating"] = json!(4);
    let done = talk(&cli, &id, "team", &again);
    assert_eq!(done["replaced"], true);
    assert_eq!(done["low"], json!([]));
    let d = cli.json(&["dossier", "show", &id]);
    assert_eq!(d["conversations"].as_array().map(Vec::len), Some(1));
    let themes = d["answers"]["themes"].as_array().expect("themes");
    assert!(themes.is_empty(), "the first conversation's themes went with it: {themes:?}");

    let mut later = team_answers();
    later["date"] = json!("2027-03-01");
    let second = talk(&cli, &id, "team", &later)["conversation"]["id"].as_i64().expect("id");
    assert_eq!(cli.json(&["dossier", "show", &id])["conversations"].as_array().map(Vec::len), Some(2));
    let out = cli.json(&["dossier", "talk", &id, "--remove", &second.to_string()]);
    assert_eq!(out["answers"]["themes"], json!([]), "back to what the remaining conversation says");
    assert_eq!(cli.json(&["dossier", "show", &id])["conversations"].as_array().map(Vec::len), Some(1));
    let err = refused(&cli, &["dossier", "talk", &id, "--remove", &second.to_string()]);
    assert_eq!(err["error"]["code"], "invalid_input");
}

#[test]
fn bad_answers_are_refused_whole_with_the_field_named_and_nothing_stored() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    let before = cli.json(&["dossier", "show", &id]);
    type Change = fn(&mut Value);
    let cases: Vec<(&str, &str, Change, &str)> = vec![
        (
            "an unknown guide",
            "directie",
            |v| v["guide"] = json!("directie"),
            ":guide: \"directie\" is geen gespreksleidraad",
        ),
        (
            "an unknown theme",
            "team",
            |v| v["themes"][3]["theme"] = json!("geluk"),
            ":themes[3].theme: \"geluk\" is geen thema van het teamgesprek",
        ),
        (
            "an unknown question",
            "team",
            |v| v["themes"][1]["questions"][0]["question"] = json!("vraag-9"),
            ":themes[1].questions[0].question: \"vraag-9\" is geen vraag",
        ),
        (
            "a rating of 7",
            "team",
            |v| v["themes"][0]["rating"] = json!(7),
            ":themes[0].rating: 7 kan niet: een cijfer is een heel getal van 1 tot en met 5",
        ),
        (
            "a note over the limit",
            "team",
            |v| v["themes"][0]["note"] = json!("a".repeat(2001)),
            ":themes[0].note: 2001 tekens is te lang",
        ),
        (
            "no one present",
            "team",
            |v| {
                v.as_object_mut().expect("object").remove("present");
            },
            ":present: vul in hoeveel mensen er waren",
        ),
    ];
    for (what, guide, change, expected) in cases {
        let mut answers = team_answers();
        change(&mut answers);
        let path = write(&cli, "fout.json", &answers);
        let err =
            refused(&cli, &["dossier", "talk", &id, "--guide", guide, "--answers", path.to_str().expect("utf-8")]);
        assert_eq!(err["error"]["code"], "invalid_answers", "{what}: {err}");
        let message = err["error"]["message"].as_str().expect("message");
        assert!(message.contains(&format!("fout.json{expected}")), "{what}: {message}");
        assert_eq!(cli.json(&["dossier", "show", &id]), before, "{what}: nothing stored");
    }
    // A field the shape lacks: named with its place in the file.
    let mut answers = team_answers();
    answers["mood"] = json!("goed");
    let path = write(&cli, "vorm.json", &answers);
    let err = refused(&cli, &["dossier", "talk", &id, "--guide", "team", "--answers", path.to_str().expect("utf-8")]);
    let message = err["error"]["message"].as_str().expect("message");
    assert!(message.contains("vorm.json:1:") && message.contains("niet de vorm van gespreksantwoorden"), "{message}");
    assert!(message.contains("mood"), "the field is named: {message}");
    // Medical details in a worker's note: refused with the rule, in Dutch.
    let worker = json!({ "guide": "medewerker", "date": "2026-11-20",
                         "themes": [{ "theme": "signalen", "rating": 2, "note": "Slikt sinds kort antidepressiva." }] });
    let path = write(&cli, "mw.json", &worker);
    let err =
        refused(&cli, &["dossier", "talk", &id, "--guide", "medewerker", "--answers", path.to_str().expect("utf-8")]);
    let message = err["error"]["message"].as_str().expect("message");
    assert!(message.contains("themes[0].note: noteer geen medische gegevens (\"antidepressiva\")"), "{message}");
    // --guide and the file disagree.
    let path = write(&cli, "team.json", &team_answers());
    let err =
        refused(&cli, &["dossier", "talk", &id, "--guide", "medewerker", "--answers", path.to_str().expect("utf-8")]);
    assert!(
        err["error"]["message"].as_str().is_some_and(|m| m.contains(":guide: het bestand is voor \"team\"")),
        "{err}"
    );
    // Not JSON at all, and a file that is not there.
    std::fs::write(cli.data.path().join("kapot.json"), "{ \"guide\": ").expect("write");
    let broken = cli.data.path().join("kapot.json");
    let err = refused(&cli, &["dossier", "talk", &id, "--guide", "team", "--answers", broken.to_str().expect("utf-8")]);
    assert_eq!(err["error"]["code"], "invalid_answers");
    let err = refused(&cli, &["dossier", "talk", &id, "--guide", "team", "--answers", "bestaat-niet.json"]);
    assert_eq!(err["error"]["code"], "read");
    // An unknown dossier is named before the answers.
    let err =
        refused(&cli, &["dossier", "talk", "d-nergens", "--guide", "team", "--answers", path.to_str().expect("utf-8")]);
    assert_eq!(err["error"]["code"], "unknown_dossier");
    assert_eq!(cli.json(&["dossier", "show", &id]), before, "nothing stored by any of them");
}

#[test]
fn where_a_team_leader_and_the_team_differ_most_is_computed() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    talk(&cli, &id, "team", &team_answers());
    let leader = json!({
        "guide": "leidinggevende", "date": "2026-11-21",
        "themes": [
            { "theme": "werkdruk", "rating": 3 },
            { "theme": "regelmogelijkheden", "rating": 5, "note": "Het team mag zelf ruilen." },
            { "theme": "omgang", "rating": 3 }
        ]
    });
    let done = talk(&cli, &id, "leidinggevende", &leader);
    assert_eq!(done["conversation"]["measurement"], Value::Null, "one leader's view is no measurement");
    let d = cli.json(&["dossier", "show", &id]);
    let c = &d["comparisons"][0];
    assert_eq!((c["guide"].as_str(), c["with"].as_str()), (Some("leidinggevende"), Some("team")));
    assert_eq!(c["largest"], json!(["regelmogelijkheden"]));
    assert_eq!(
        c["rows"][0],
        json!({ "theme": "regelmogelijkheden", "label": "regelmogelijkheden",
                                     "label_en": "job control", "rating": 5, "with_rating": 2, "difference": 3 })
    );
    let text = String::from_utf8_lossy(&cli.cmd().args(["dossier", "show", &id]).run().stdout).to_string();
    assert!(text.contains("regelmogelijkheden: leidinggevende 5, team 2 (verschil +3)"), "{text}");
}

#[cfg(not(windows))]
#[test]
fn every_report_format_has_the_conversations_with_their_chart() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    talk(&cli, &id, "team", &team_answers());
    talk(
        &cli,
        &id,
        "leidinggevende",
        &json!({ "guide": "leidinggevende", "date": "2026-11-21", "themes": [{ "theme": "regelmogelijkheden", "rating": 5 }] }),
    );
    for format in ["html", "md", "docx", "pdf"] {
        // Lines wrap differently per format: compare with all white space as one space.
        let text = crate::report::report_text(&cli, &id, format).split_whitespace().collect::<Vec<_>>().join(" ");
        let start = text.find("Gesprekken").unwrap_or_else(|| panic!("{format}: no section Gesprekken: {text}"));
        let section = &text[start..];
        for expected in [
            "Teamgesprek: wat weegt er en wat helpt?",
            "20-11-2026, 8 aanwezig",
            "Regelmogelijkheden en autonomie",
            "2 van 5",
            "Pas twee weken vooraf bekend.",
            "verschillen het meest bij: regelmogelijkheden (leidinggevende 5, team 2)",
            "uit het teamgesprek: regelmogelijkheden 2 van 5",
        ] {
            assert!(section.contains(expected), "{format}: {expected:?} in {section}");
        }
    }
    // The chart itself: an SVG in HTML, shaded cells in Word, a text bar in Markdown.
    let html = std::fs::read_to_string(cli.data.path().join("rapport.html")).expect("html");
    assert!(html.contains("<svg") && html.contains("width=\"120\" height=\"14\" fill=\"#b3261e\""), "a red bar of 2/5");
    let md = std::fs::read_to_string(cli.data.path().join("rapport.md")).expect("md");
    assert!(md.contains("■□□□□") && md.contains("■■□□□"), "{md}");
    let docx = std::process::Command::new("unzip")
        .arg("-p")
        .arg(cli.data.path().join("rapport.docx"))
        .arg("word/document.xml")
        .output()
        .expect("unzip");
    let xml = String::from_utf8_lossy(&docx.stdout);
    assert_eq!(xml.matches("w:fill=\"B3261E\"").count(), 3, "omgang 1 + regelmogelijkheden 2 shaded red");
}

#[test]
fn confidential_worker_notes_stay_out_of_reports_unless_ticked() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    let worker = json!({
        "guide": "medewerker", "date": "2026-11-20",
        "themes": [
            { "theme": "signalen", "rating": 2, "note": "GEHEIM-ZORG-THUIS komt slecht los van het werk." },
            { "theme": "wat-helpt", "note": "Minder late diensten achter elkaar.", "confidential": false }
        ]
    });
    let done = talk(&cli, &id, "medewerker", &worker);
    let secret = done["conversation"]["themes"][0]["note"]["id"].as_i64().expect("note id");
    assert_eq!(done["conversation"]["themes"][0]["note"]["confidential"], true);
    let report = |extra: &[&str]| {
        let path = cli.out.path().join("r.html");
        let mut args = vec!["report", &id, "--format", "html", "-o", path.to_str().expect("utf-8"), "--force"];
        args.extend(extra);
        cli.json(&args);
        std::fs::read_to_string(&path).expect("report")
    };
    let plain = report(&[]);
    assert!(!plain.contains("GEHEIM-ZORG-THUIS"), "a confidential note is not in the report");
    assert!(plain.contains("Minder late diensten achter elkaar."), "a note marked shareable is");
    assert!(!report(&["--all-notes"]).contains("GEHEIM-ZORG-THUIS"), "not even with --all-notes");
    let secret = secret.to_string();
    assert!(report(&["--talk-note", &secret]).contains("GEHEIM-ZORG-THUIS"), "only when ticked");
    let err = refused(&cli, &["report", &id, "--format", "md", "-o", "x.md", "--talk-note", "9999"]);
    assert!(err["error"]["message"].as_str().is_some_and(|m| m.contains("geen gespreksnotitie 9999")), "{err}");
    // A worker's ratings are no measurement, and the sheet shows the rule.
    assert_eq!(done["conversation"]["measurement"], Value::Null);
}

#[test]
fn the_dossier_file_carries_the_conversations_and_an_old_file_still_reads() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    talk(&cli, &id, "team", &team_answers());
    let file = cli.data.path().join("dossier.json");
    cli.json(&["dossier", "export", &id, "-o", file.to_str().expect("utf-8")]);
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("file")).expect("json");
    assert_eq!(exported["version"], 3);
    assert_eq!(exported["dossier"]["conversations"][0]["measurement"]["n"], 8);

    let other = Cli::new();
    let imported = other.json(&["dossier", "import", file.to_str().expect("utf-8")]);
    assert_eq!(imported["result"], "new");
    let strip = |mut d: Value| {
        d.as_object_mut().expect("object").remove("updated_at");
        d
    };
    let shown = other.json(&["dossier", "show", &id]);
    assert_eq!(shown["conversations"][0]["measurement"], exported["dossier"]["conversations"][0]["measurement"]);
    assert_eq!(strip(shown.clone())["answers"], exported["dossier"]["answers"]);
    // Importing the same file again changes nothing, though the store numbered things anew.
    assert_eq!(other.json(&["dossier", "import", file.to_str().expect("utf-8")])["result"], "unchanged");

    // A version 1 file (before conversations) still reads.
    let mut old = exported.clone();
    old["version"] = json!(1);
    let dossier = old["dossier"].as_object_mut().expect("dossier");
    dossier.remove("conversations");
    dossier["answers"].as_object_mut().expect("answers").remove("signals");
    dossier.insert("id".into(), json!("d-oud"));
    let old_path = cli.data.path().join("oud.json");
    std::fs::write(&old_path, old.to_string()).expect("write");
    assert_eq!(other.json(&["dossier", "import", old_path.to_str().expect("utf-8")])["result"], "new");
    assert_eq!(other.json(&["dossier", "show", "d-oud"])["conversations"], json!([]));

    // A conversation the program cannot show is refused, named on its field.
    let mut bad = exported;
    bad["dossier"]["id"] = json!("d-kapot");
    bad["dossier"]["conversations"][0]["themes"][0]["rating"] = json!(9);
    bad["dossier"]["conversations"][0]["guide"] = json!("team");
    let bad_path = cli.data.path().join("kapot.json");
    std::fs::write(&bad_path, bad.to_string()).expect("write");
    let err = refused(&other, &["dossier", "import", bad_path.to_str().expect("utf-8")]);
    assert!(
        err["error"]["message"].as_str().is_some_and(|m| m.contains("dossier.conversations[0].themes[0].rating")),
        "{err}"
    );
}

#[test]
fn the_paper_sheet_holds_every_question_of_the_guide() {
    let cli = Cli::new();
    let html = cli.out.path().join("team.html");
    cli.json(&["conversation", "sheet", "team", "--format", "html", "-o", html.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&html).expect("sheet");
    let guide = cli.json(&["conversation", "show", "team"]);
    for theme in guide["themes"].as_array().expect("themes") {
        for q in theme["questions"].as_array().expect("questions") {
            let question = keuzehulp::report::esc(q["text"].as_str().expect("text"));
            assert!(text.contains(&question), "{question} on the sheet");
        }
    }
    assert!(text.contains("Hoe gaat het hier nu mee?") && text.contains("Aantal aanwezig"));
    assert!(text.contains("Signaleringsmethode Werkdruk"), "the sources are named");
    let worker = cli.out.path().join("mw.html");
    cli.json(&["conversation", "sheet", "medewerker", "--format", "html", "-o", worker.to_str().expect("utf-8")]);
    let worker = std::fs::read_to_string(&worker).expect("sheet");
    assert!(worker.contains("Geen medische gegevens") && !worker.contains("Aantal aanwezig"));
    let pdf = cli.out.path().join("team.pdf");
    cli.json(&["conversation", "sheet", "team", "-o", pdf.to_str().expect("utf-8")]);
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF"));
    // An existing file stays unless --force.
    let err = refused(&cli, &["conversation", "sheet", "team", "-o", pdf.to_str().expect("utf-8")]);
    assert_eq!(err["error"]["code"], "file_exists");
    let usage = cli.cmd().args(["conversation", "sheet", "team", "--format", "docx", "-o", "x.docx"]).run();
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("kies pdf of html"));
}

#[test]
fn the_conversation_migration_keeps_every_dossier_and_backs_up_first() {
    let cli = Cli::new();
    let id = new_dossier(&cli);
    cli.json(&["dossier", "note", &id, "Roosterdruk is het grootste punt"]);
    let before = cli.json(&["dossier", "show", &id]);
    // Take the store back to the schema before conversations, as an older Keuzehulp left it.
    {
        let conn = rusqlite::Connection::open(cli.data.path().join("keuzehulp.sqlite3")).expect("open");
        conn.execute_batch(&format!(
            "{} DROP TABLE measurement_values; DROP TABLE measurements; DROP TABLE conversation_items; \
             DROP TABLE conversations; PRAGMA user_version = 6;",
            crate::util::BACK_TO_VERSION_7
        ))
        .expect("back to version 6");
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
    assert_eq!(version, 6, "the backup is the database as it was");
    assert_eq!(
        talk(&cli, &id, "team", &team_answers())["low"].as_array().map(Vec::len),
        Some(2),
        "and it takes conversations"
    );
}

/// Puts a team conversation with `note` on its first theme into dossier `id` (for the tests
/// of erasing, backups and encryption); answers the answers file written.
pub(crate) fn team_conversation_with(cli: &Cli, id: &str, note: &str) -> PathBuf {
    let mut answers = team_answers();
    answers["themes"][0]["note"] = json!(note);
    let path = write(cli, "gesprek-met-notitie.json", &answers);
    cli.json(&["dossier", "talk", id, "--guide", "team", "--answers", path.to_str().expect("utf-8")]);
    path
}
