//! The evaluation loop through the command line: a traject of three visits (a baseline
//! conversation, a plan, follow-up visits, evaluations, re-measurements) with the verdicts,
//! charts and practice counts it must give; a questionnaire's team aggregate (n = 9
//! refused, a low response warned) and a file of individual answers of which nothing but
//! the aggregate is kept anywhere; bad input named in Dutch; the dossier file; shared,
//! signed outcome packs; instrument definitions in packs.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::util::{Cli, Run};

const TODAY: &str = "2026-12-01";

fn run(cli: &Cli, args: &[&str]) -> std::process::Output {
    cli.cmd().env("KEUZEHULP_TODAY", TODAY).args(args).arg("--json").run()
}

fn ok(cli: &Cli, args: &[&str]) -> Value {
    let out = run(cli, args);
    assert!(out.status.success(), "keuzehulp {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// A command that must fail: its JSON error, after checking it names no panic.
fn refused(cli: &Cli, args: &[&str]) -> Value {
    let out = run(cli, args);
    assert!(!out.status.success(), "keuzehulp {args:?} must fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    serde_json::from_str(stderr.trim()).unwrap_or_else(|_| panic!("a JSON error: {stderr}"))
}

fn message(err: &Value) -> String {
    err["error"]["message"].as_str().unwrap_or_default().to_string()
}

fn id_of(v: &Value) -> String {
    v["id"].as_str().expect("id").to_string()
}

/// A team conversation on `date` with `present` people and these ratings.
fn talk(cli: &Cli, id: &str, date: &str, present: u32, ratings: &[(&str, u8)]) {
    let themes: Vec<Value> = ratings.iter().map(|(t, r)| json!({ "theme": t, "rating": r })).collect();
    let answers = json!({ "guide": "team", "date": date, "present": present, "themes": themes });
    let path = cli.data.path().join(format!("gesprek-{date}.json"));
    std::fs::write(&path, answers.to_string()).expect("answers");
    ok(cli, &["dossier", "talk", id, "--guide", "team", "--answers", path.to_str().expect("utf-8")]);
    std::fs::remove_file(path).expect("the user's own file");
}

fn plan(cli: &Cli, id: &str, intervention: &str) -> String {
    let item = ok(
        cli,
        &[
            "dossier",
            "plan",
            id,
            "--intervention",
            intervention,
            "--start",
            "2026-01-15",
            "--evaluate-on",
            "2026-05-01",
        ],
    );
    item["id"].as_i64().expect("item").to_string()
}

/// The plan item of `id` that puts `intervention` into practice.
fn item_of(cli: &Cli, id: &str, intervention: &str) -> String {
    let d = ok(cli, &["dossier", "show", id]);
    let item = d["plan"].as_array().expect("plan").iter().find(|p| p["intervention_id"] == intervention).cloned();
    item.expect("in the plan")["id"].as_i64().expect("id").to_string()
}

/// Visit 1: baseline (12 present), two plan items. Visit 2 (follow-up): re-measurement (11
/// present), both evaluated. Visit 3 (follow-up): the unfinished item carried over again,
/// a third conversation (13 present), evaluated again. Answers the three dossier ids.
fn three_visits(cli: &Cli) -> [String; 3] {
    let first = id_of(&ok(
        cli,
        &[
            "dossier",
            "new",
            "--org",
            "Zorggroep Oost",
            "--sector",
            "zorg-vvt",
            "--size",
            "50-249",
            "--date",
            "2026-01-10",
        ],
    ));
    talk(cli, &first, "2026-01-10", 12, &[("regelmogelijkheden", 2), ("omgang", 2), ("werkdruk", 3)]);
    plan(cli, &first, "regelmogelijkheden-autonomie");
    plan(cli, &first, "pico");

    let second = ok(cli, &["dossier", "follow-up", &first, "--date", "2026-05-10"]);
    let second_id = id_of(&second);
    assert_eq!(second["carried_over"].as_array().map(Vec::len), Some(2), "{second}");
    assert_eq!(second["measurements"][0]["carried_from"], first.as_str());
    talk(cli, &second_id, "2026-05-10", 11, &[("regelmogelijkheden", 4), ("omgang", 2), ("werkdruk", 4)]);
    let regel = item_of(cli, &second_id, "regelmogelijkheden-autonomie");
    let done = ok(
        cli,
        &[
            "dossier",
            "evaluate",
            &second_id,
            "--item",
            &regel,
            "--carried-out",
            "ja",
            "--reach",
            "10/12",
            "--verdict",
            "werkte",
            "--date",
            "2026-05-12",
        ],
    );
    assert_eq!(done["evaluation"]["proposal"]["verdict"], "werkte", "{done}");
    let pico = item_of(cli, &second_id, "pico");
    let done = ok(
        cli,
        &[
            "dossier",
            "evaluate",
            &second_id,
            "--item",
            &pico,
            "--carried-out",
            "deels",
            "--verdict",
            "werkte-niet",
            "--team-says",
            "Nog niet iedereen durft het te zeggen",
            "--date",
            "2026-05-12",
        ],
    );
    assert_eq!(done["evaluation"]["proposal"]["verdict"], "werkte-niet", "omgang stayed at 2: {done}");
    assert_eq!(done["status"], "lopend", "partly done goes on");

    let third = ok(cli, &["dossier", "follow-up", &second_id, "--date", "2026-11-10"]);
    let third_id = id_of(&third);
    let carried: Vec<&str> =
        third["carried_over"].as_array().expect("items").iter().filter_map(|p| p["intervention_id"].as_str()).collect();
    assert_eq!(carried, ["pico"], "only the unfinished item goes on");
    let closed: Vec<&str> =
        third["closed"].as_array().expect("items").iter().filter_map(|p| p["intervention_id"].as_str()).collect();
    assert_eq!(closed, ["regelmogelijkheden-autonomie"]);
    talk(cli, &third_id, "2026-11-10", 13, &[("regelmogelijkheden", 4), ("omgang", 4), ("werkdruk", 4)]);
    let pico = item_of(cli, &third_id, "pico");
    let done = ok(
        cli,
        &[
            "dossier",
            "evaluate",
            &third_id,
            "--item",
            &pico,
            "--carried-out",
            "ja",
            "--verdict",
            "werkte",
            "--date",
            "2026-11-12",
        ],
    );
    assert_eq!(done["evaluation"]["proposal"]["verdict"], "werkte", "omgang 2 → 4 since the start: {done}");
    [first, second_id, third_id]
}

/// A questionnaire's aggregate and an evaluation of a new plan item in dossier `id`, what the
/// team says holding `canary`: for the trash, erase, backup and encryption tests.
pub(crate) fn evaluation_with(cli: &Cli, id: &str, canary: &str) {
    let item = cli.json(&["dossier", "plan", id, "--intervention", "regelmogelijkheden-autonomie"])["id"].to_string();
    cli.json(&[
        "dossier",
        "measure",
        id,
        "--instrument",
        "bat",
        "--scale",
        "totaal",
        "--n",
        "20",
        "--responded",
        "12",
        "--mean",
        "2.4",
        "--date",
        "2026-11-20",
    ]);
    cli.json(&[
        "dossier",
        "evaluate",
        id,
        "--item",
        &item,
        "--carried-out",
        "deels",
        "--verdict",
        "onduidelijk",
        "--reason",
        "nog geen hermeting",
        "--team-says",
        canary,
        "--date",
        "2026-12-01",
    ]);
}

#[test]
fn a_traject_of_three_visits_gives_the_verdicts_charts_and_practice_counts() {
    let cli = Cli::new();
    let [first, second, third] = three_visits(&cli);

    // The traject, seen from the third visit: three visits, marks, measurements.
    let shown = ok(&cli, &["dossier", "show", &third]);
    let view = &shown["traject_view"];
    let visits: Vec<&str> =
        view["visits"].as_array().expect("visits").iter().filter_map(|v| v["id"].as_str()).collect();
    assert_eq!(visits, [first.as_str(), second.as_str(), third.as_str()]);
    let marks: Vec<(&str, &str)> = view["plan"]
        .as_array()
        .expect("plan")
        .iter()
        .map(|m| (m["mark"].as_str().expect("mark"), m["item"]["intervention_id"].as_str().expect("id")))
        .collect();
    assert_eq!(marks, [("overgenomen", "pico"), ("afgesloten", "regelmogelijkheden-autonomie")]);
    assert_eq!(shown["traject"], first.as_str());
    assert_eq!(shown["follows"], second.as_str());

    // Before and after across the traject: the first baseline against the newest.
    let pairs: Vec<(&str, f64, u64, f64, u64, &str)> = shown["before_after"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|c| {
            (
                c["key"].as_str().expect("key"),
                c["before"]["value"].as_f64().expect("before"),
                c["before"]["n"].as_u64().expect("n"),
                c["after"]["value"].as_f64().expect("after"),
                c["after"]["n"].as_u64().expect("n"),
                c["direction"].as_str().expect("direction"),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("werkdruk", 3.0, 12, 4.0, 13, "beter"),
            ("regelmogelijkheden", 2.0, 12, 4.0, 13, "beter"),
            ("omgang", 2.0, 12, 4.0, 13, "beter"),
        ]
    );

    // The verdicts as stored, beside the proposals.
    let second_shown = ok(&cli, &["dossier", "show", &second]);
    let verdicts: Vec<(&str, &str)> = second_shown["evaluations"]
        .as_array()
        .expect("evaluations")
        .iter()
        .map(|e| (e["proposal"]["verdict"].as_str().expect("proposal"), e["verdict"].as_str().expect("verdict")))
        .collect();
    assert_eq!(verdicts, [("werkte", "werkte"), ("werkte-niet", "werkte-niet")]);

    // Practice: each intervention once per traject, with its newest verdict.
    let practice = ok(&cli, &["practice"]);
    let rows: Vec<(&str, u64, u64, u64, u64)> = practice["practice"]
        .as_array()
        .expect("practice")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id"),
                p["chosen"].as_u64().expect("chosen"),
                p["evaluated"].as_u64().expect("evaluated"),
                p["verdicts"]["werkte"].as_u64().expect("werkte"),
                p["verdicts"]["werkte-niet"].as_u64().expect("werkte-niet"),
            )
        })
        .collect();
    assert_eq!(rows, [("pico", 1, 1, 1, 0), ("regelmogelijkheden-autonomie", 1, 1, 1, 0)]);
    let one = ok(&cli, &["practice", "pico"]);
    assert_eq!(one["practice"][0]["text"], "Eigen praktijk: 1 keer ingezet, 1 keer werkte");
    // Beside the label, never in it: show, search and advise carry it as its own field.
    let record = ok(&cli, &["show", "pico"]);
    assert_eq!(record["practice"]["text"], "Eigen praktijk: 1 keer ingezet, 1 keer werkte");
    assert_eq!(record["evidence"]["level"], ok(&Cli::new(), &["show", "pico"])["evidence"]["level"]);
    let hits = ok(&cli, &["search", "pico"]);
    let hit = hits["hits"].as_array().expect("hits").iter().find(|h| h["id"] == "pico").cloned().expect("pico found");
    assert_eq!(hit["practice"]["own"]["chosen"], 1);
    let advice =
        ok(&cli, &["advise", "--role", "leidinggevende", "--theme", "ongewenste-omgangsvormen", "--limit", "50"]);
    let rec = advice["recommendations"].as_array().expect("recs").iter().find(|r| r["id"] == "pico").cloned();
    assert_eq!(rec.expect("pico recommended")["practice"]["own"]["evaluated"], 1);

    // The charts in every report format, with n; the workbook's sheet "Evaluatie".
    let dir = cli.data.path();
    for format in ["html", "md", "pdf", "docx"] {
        let out = dir.join(format!("rapport.{format}"));
        ok(&cli, &["report", &third, "--format", format, "-o", out.to_str().expect("utf-8")]);
    }
    let html = std::fs::read_to_string(dir.join("rapport.html")).expect("html");
    assert!(html.contains("<h2>Evaluatie</h2>"), "the section");
    assert!(html.contains("role=\"img\" aria-describedby=\"voor-en-na-1\""), "the chart names its table");
    assert!(html.contains("<table class=\"sr-only\" id=\"voor-en-na-1\">"), "the table behind it");
    assert!(html.contains("<td>2 op 10-01-2026</td><td>12</td><td>4 op 10-11-2026</td><td>13</td>"), "figures with n");
    let md = std::fs::read_to_string(dir.join("rapport.md")).expect("md");
    assert!(
        md.contains("| Hoe we met elkaar omgaan | ■■■■□□□□□□ 2 (n = 12) | ■■■■■■■■□□ 4 (n = 13) | +2 (beter) |"),
        "{md}"
    );
    let pdf = std::fs::read(dir.join("rapport.pdf")).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let xml = crate::util::zip_part(&dir.join("rapport.docx"), "word/document.xml");
    assert!(xml.contains("Voor en na: het teamgesprek"), "the Word chart's heading");
    assert!(xml.contains("w:fill=\"1D5B79\""), "shaded cells");
    let xlsx = dir.join("plan.xlsx");
    ok(&cli, &["dossier", "export-plan", &second, "--format", "xlsx", "-o", xlsx.to_str().expect("utf-8")]);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).expect("xlsx");
    use calamine::Reader as _;
    assert!(book.sheet_names().contains(&"Evaluatie".to_string()), "{:?}", book.sheet_names());
    let sheet = book.worksheet_range("Evaluatie").expect("sheet");
    let cells: Vec<String> = sheet.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    for expected in ["Meer regelmogelijkheden en autonomie", "werkte niet", "Hoe we met elkaar omgaan", "Nulmeting"] {
        assert!(cells.iter().any(|c| c == expected), "{expected} in {cells:?}");
    }

    // "Nieuw advies voor wat nog speelt", after the second visit: omgang stayed at 2.
    let pico = item_of(&cli, &second, "pico");
    let again = ok(&cli, &["dossier", "evaluate", &second, "--item", &pico, "--date", "2026-05-12", "--propose"]);
    assert_eq!(again["proposal"]["verdict"], "werkte-niet");
    let out = run(&cli, &["report", &second, "--format", "md", "-o", dir.join("tweede.md").to_str().expect("utf-8")]);
    assert!(out.status.success());
    let md = std::fs::read_to_string(dir.join("tweede.md")).expect("md");
    assert!(md.contains("### Nieuw advies voor wat nog speelt"), "{md}");
    assert!(md.contains("- uit de hermeting: omgang met elkaar 2 van 5"), "{md}");
}

#[test]
fn no_conclusion_without_a_baseline_with_a_changed_team_or_with_too_few_people() {
    let cli = Cli::new();
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Gemeente Westdorp", "--date", "2026-01-10"]));
    let item = plan(&cli, &id, "pico");
    let draft = ok(&cli, &["dossier", "evaluate", &id, "--item", &item, "--carried-out", "ja", "--propose"]);
    assert_eq!(draft["proposal"]["verdict"], Value::Null);
    assert!(draft["proposal"]["why"][0].as_str().is_some_and(|w| w.contains("er is geen nulmeting")), "{draft}");
    // A verdict without a conclusion to lean on needs the professional's reason.
    let err =
        refused(&cli, &["dossier", "evaluate", &id, "--item", &item, "--carried-out", "ja", "--verdict", "werkte"]);
    assert_eq!(err["error"]["code"], "invalid_evaluation");
    assert!(
        message(&err).contains("reason: uw oordeel (werkte) wijkt af van het voorstel (geen conclusie mogelijk)"),
        "{err}"
    );
    assert_eq!(ok(&cli, &["dossier", "show", &id])["evaluations"], json!([]), "nothing stored");

    talk(&cli, &id, "2026-01-20", 8, &[("omgang", 2)]);
    talk(&cli, &id, "2026-06-01", 9, &[("omgang", 4)]);
    let draft = ok(&cli, &["dossier", "evaluate", &id, "--item", &item, "--carried-out", "ja", "--propose"]);
    assert!(
        draft["proposal"]["why"][0].as_str().is_some_and(|w| w.contains("er is geen nulmeting")),
        "the baseline after the start does not count: {draft}"
    );
    let item2 =
        ok(&cli, &["dossier", "plan", &id, "--intervention", "pico", "--start", "2026-02-01"])["id"].to_string();
    let draft = ok(&cli, &["dossier", "evaluate", &id, "--item", &item2, "--carried-out", "ja", "--propose"]);
    assert!(draft["proposal"]["why"][0].as_str().is_some_and(|w| w.contains("te weinig mensen (n = 8)")), "{draft}");
    let draft =
        ok(&cli, &["dossier", "evaluate", &id, "--item", &item2, "--carried-out", "ja", "--team-changed", "--propose"]);
    assert!(draft["proposal"]["why"][0].as_str().is_some_and(|w| w.contains("het team is veranderd")), "{draft}");
    let stored = ok(
        &cli,
        &[
            "dossier",
            "evaluate",
            &id,
            "--item",
            &item2,
            "--carried-out",
            "ja",
            "--verdict",
            "onduidelijk",
            "--reason",
            "klein team; de teamleider ziet wel verschil",
        ],
    );
    assert_eq!(stored["evaluation"]["proposal"]["verdict"], Value::Null);
    assert_eq!(stored["evaluation"]["reason"], "klein team; de teamleider ziet wel verschil");
}

#[test]
fn a_group_of_nine_is_refused_and_a_low_response_is_warned() {
    let cli = Cli::new();
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Zorggroep Oost"]));
    let err = refused(
        &cli,
        &[
            "dossier",
            "measure",
            &id,
            "--instrument",
            "bat",
            "--scale",
            "totaal",
            "--n",
            "40",
            "--responded",
            "9",
            "--mean",
            "2.1",
        ],
    );
    assert_eq!(err["error"]["code"], "too_few_respondents");
    assert!(message(&err).contains("9 respondenten is te weinig"), "{err}");
    assert_eq!(ok(&cli, &["dossier", "show", &id])["measurements"], json!([]), "nothing stored");

    let done = ok(
        &cli,
        &[
            "dossier",
            "measure",
            &id,
            "--instrument",
            "bat",
            "--scale",
            "totaal",
            "--n",
            "40",
            "--responded",
            "11",
            "--mean",
            "2.1",
            "--date",
            "2026-11-01",
        ],
    );
    assert!(done["warnings"][0].as_str().is_some_and(|w| w.starts_with("lage respons: 11 van 40 (28%")), "{done}");
    let m = &ok(&cli, &["dossier", "show", &id])["measurements"][0];
    assert_eq!((m["kind"].as_str(), m["n"].as_u64(), m["invited"].as_u64()), (Some("instrument"), Some(11), Some(40)));
    assert_eq!(m["values"], json!([{ "key": "totaal", "value": 2.1 }]));
    assert_eq!(m["scale"]["higher_is_better"], false, "more burnout complaints are worse");
}

#[test]
fn bad_input_gets_a_dutch_error_naming_the_field_and_stores_nothing() {
    let cli = Cli::new();
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Zorggroep Oost"]));
    let item = plan(&cli, &id, "pico");
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec!["dossier", "evaluate", &id, "--item", "99", "--carried-out", "ja", "--verdict", "werkte"],
            "invalid_evaluation",
            "item: dossier",
        ),
        (
            vec!["dossier", "evaluate", &id, "--item", &item, "--carried-out", "half", "--verdict", "werkte"],
            "invalid_evaluation",
            "carried_out: \"half\" kan niet; kies uit: ja, deels, nee, gestopt",
        ),
        (
            vec!["dossier", "evaluate", &id, "--item", &item, "--carried-out", "ja", "--verdict", "prima"],
            "invalid_evaluation",
            "verdict: \"prima\" kan niet; kies uit: werkte, onduidelijk, werkte-niet, niet-uitgevoerd",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--reach",
                "twaalf",
            ],
            "invalid_evaluation",
            "--reach: \"twaalf\" kan niet",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--reach",
                "14/12",
            ],
            "invalid_evaluation",
            "reached: 14 bereikt van 12 kan niet",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--indicator",
                "verzuimpercentage=6,2:4,8",
            ],
            "invalid_evaluation",
            "--before: een indicator heeft de periodes nodig",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--indicator",
                "geluk=1:2",
                "--before",
                "2026-01-01..2026-03-31",
                "--after",
                "2026-04-01..2026-06-30",
            ],
            "invalid_evaluation",
            "indicators[0].indicator: \"geluk\" kan niet",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--indicator",
                "verloop=3:2",
                "--before",
                "2026-03-31..2026-01-01",
                "--after",
                "2026-04-01..2026-06-30",
            ],
            "invalid_evaluation",
            "indicators[0].before_period: 2026-03-31 ligt na 2026-01-01",
        ),
        (
            vec![
                "dossier",
                "evaluate",
                &id,
                "--item",
                &item,
                "--carried-out",
                "ja",
                "--verdict",
                "werkte",
                "--reason",
                "Hij slikt nu antidepressiva",
            ],
            "invalid_evaluation",
            "reason: noteer geen medische gegevens",
        ),
        (
            vec![
                "dossier",
                "measure",
                &id,
                "--instrument",
                "bat",
                "--scale",
                "energie",
                "--responded",
                "12",
                "--mean",
                "2",
            ],
            "invalid_measurement",
            "scale: \"energie\" is geen schaal van \"bat\"; kies uit: uitputting",
        ),
        (
            vec![
                "dossier",
                "measure",
                &id,
                "--instrument",
                "bat",
                "--scale",
                "totaal",
                "--responded",
                "12",
                "--mean",
                "7",
            ],
            "invalid_measurement",
            "mean: 7 kan niet: het gemiddelde van \"totaal\" ligt tussen 1 en 5",
        ),
        (
            vec![
                "dossier",
                "measure",
                &id,
                "--instrument",
                "bat",
                "--scale",
                "totaal",
                "--n",
                "10",
                "--responded",
                "12",
                "--mean",
                "2",
            ],
            "invalid_measurement",
            "responded: 12 respondenten van 10 genodigden kan niet",
        ),
        (
            vec!["dossier", "measure", &id, "--instrument", "bat", "--responded", "12", "--mean", "2"],
            "invalid_measurement",
            "scale: \"bat\" heeft meer schalen; kies er een met --scale",
        ),
        (
            vec![
                "dossier",
                "measure",
                &id,
                "--instrument",
                "bat",
                "--scale",
                "totaal",
                "--responded",
                "12",
                "--mean",
                "2",
                "--past-cutoff",
                "20",
            ],
            "invalid_measurement",
            "past_cutoff: de definitie van \"bat\" noemt voor \"totaal\" geen afkappunt",
        ),
        (
            vec![
                "dossier",
                "measure",
                &id,
                "--instrument",
                "uwes-9",
                "--scale",
                "totaal",
                "--responded",
                "12",
                "--mean",
                "3",
            ],
            "invalid_measurement",
            "instrument: de antwoordschaal van \"uwes-9\" staat niet in deze definitie (niet bekend)",
        ),
        (
            vec!["dossier", "measure", &id, "--instrument", "vbba", "--responded", "12", "--mean", "3"],
            "unknown_value",
            "onbekende instrument \"vbba\"; kies uit: bat, teamthermometer, uwes-9",
        ),
        (vec!["dossier", "follow-up", &id, "--date", "2026-02-31"], "invalid_input", "date"),
    ];
    for (args, code, expected) in cases {
        let err = refused(&cli, &args);
        assert_eq!(err["error"]["code"], code, "{args:?}: {err}");
        assert!(message(&err).contains(expected), "{args:?}: expected {expected:?} in {}", message(&err));
    }
    let d = ok(&cli, &["dossier", "show", &id]);
    assert_eq!((d["evaluations"].clone(), d["measurements"].clone()), (json!([]), json!([])), "nothing stored");
    ok(&cli, &["dossier", "follow-up", &id]);
    let err = refused(&cli, &["dossier", "follow-up", &id]);
    assert!(message(&err).contains("heeft al een vervolgbezoek"), "{err}");
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

/// A file of twelve people's answers to the team thermometer; each row names its person
/// with `canary` and says something in a free-text column.
fn answers_file(dir: &Path, canary: &str) -> PathBuf {
    let mut csv = String::from("respondent;1;2;3;4;5;6;7;toelichting\n");
    for i in 0..12 {
        let low = if i < 6 { 2 } else { 3 };
        csv.push_str(&format!("{canary}-{i};3;{low};4;4;2;3;4;{canary} zegt iets\n"));
    }
    let path = dir.join("antwoorden.csv");
    std::fs::write(&path, csv).expect("csv");
    path
}

#[test]
fn the_canary_answer_appears_in_no_store_backup_export_report_or_share() {
    const CANARY: &str = "KANARIE-respondent-8812";
    let cli = Cli::new();
    let outside = tempfile::tempdir().expect("dir");
    let csv = answers_file(outside.path(), CANARY);
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Zorggroep Oost", "--date", "2026-01-10"]));
    let done = ok(
        &cli,
        &[
            "dossier",
            "measure",
            &id,
            "--instrument",
            "teamthermometer",
            "--csv",
            csv.to_str().expect("utf-8"),
            "--n",
            "15",
            "--date",
            "2026-01-10",
        ],
    );
    assert_eq!(done["scored"], json!({ "rows": 12, "counted": 12 }));
    let values = &done["measurement"]["values"];
    assert_eq!(values[1], json!({ "key": "regelmogelijkheden", "value": 2.5 }), "the team's mean only");
    assert!(!done.to_string().contains(CANARY));

    // Everything Keuzehulp writes: the store, a backup, the dossier file, every report,
    // the plan's exports and a share pack.
    let item = plan(&cli, &id, "regelmogelijkheden-autonomie");
    ok(
        &cli,
        &[
            "dossier",
            "evaluate",
            &id,
            "--item",
            &item,
            "--carried-out",
            "ja",
            "--verdict",
            "onduidelijk",
            "--reason",
            "nog geen hermeting",
        ],
    );
    ok(&cli, &["backup", "create"]);
    let out = outside.path();
    let file = |name: &str| out.join(name).to_str().expect("utf-8").to_string();
    ok(&cli, &["dossier", "export", &id, "-o", &file("dossier.json")]);
    for format in ["html", "md", "pdf", "docx"] {
        ok(&cli, &["report", &id, "--format", format, "-o", &file(&format!("rapport.{format}"))]);
    }
    for format in ["xlsx", "csv", "ics"] {
        ok(&cli, &["dossier", "export-plan", &id, "--format", format, "-o", &file(&format!("plan.{format}"))]);
    }
    ok(&cli, &["share", "export", "--since", "2026-01-01", "-o", &file("praktijk.json")]);
    std::fs::remove_file(&csv).expect("the user's own file");
    assert_eq!(files_holding(cli.data.path(), CANARY), Vec::<String>::new(), "data directory, backups included");
    assert_eq!(files_holding(out, CANARY), Vec::<String>::new(), "exports, reports, share pack");
    assert_eq!(files_holding(cli.data.path(), "respondent"), Vec::<String>::new(), "not even the column's name");
    // No table holds a row per respondent: twelve people, one measurement of seven values.
    let d = ok(&cli, &["dossier", "show", &id]);
    assert_eq!(d["measurements"].as_array().map(Vec::len), Some(1));
    assert_eq!(d["measurements"][0]["values"].as_array().map(Vec::len), Some(7));

    // With encryption on, the same; and an answer hidden in an item's cell is refused
    // without being repeated in the message.
    let enc = Cli::new();
    let id = id_of(&ok(&enc, &["dossier", "new", "--org", "Gemeente Westdorp"]));
    let csv = answers_file(outside.path(), CANARY);
    let mut cmd = enc.cmd();
    cmd.env("KEUZEHULP_PASSPHRASE", "correct paard batterij").args(["encryption", "on"]);
    assert!(cmd.run().status.success());
    let mut cmd = enc.cmd();
    cmd.env("KEUZEHULP_PASSPHRASE", "correct paard batterij").args([
        "dossier",
        "measure",
        &id,
        "--instrument",
        "teamthermometer",
        "--csv",
        csv.to_str().expect("utf-8"),
    ]);
    assert!(cmd.run().status.success());
    let bad = outside.path().join("fout.csv");
    std::fs::write(&bad, format!("1;2;3;4;5;6;7\n{}\n", [CANARY; 7].join(";"))).expect("csv");
    let mut cmd = enc.cmd();
    cmd.env("KEUZEHULP_PASSPHRASE", "correct paard batterij").args([
        "dossier",
        "measure",
        &id,
        "--instrument",
        "teamthermometer",
        "--csv",
        bad.to_str().expect("utf-8"),
        "--json",
    ]);
    let refused = cmd.run();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("rij 2, kolom 1: geen antwoord van 1 tot en met 5") && !stderr.contains(CANARY),
        "{stderr}"
    );
    let mut cmd = enc.cmd();
    cmd.env("KEUZEHULP_PASSPHRASE", "correct paard batterij").args(["backup", "create"]);
    assert!(cmd.run().status.success());
    std::fs::remove_file(&csv).expect("the user's own file");
    std::fs::remove_file(&bad).expect("the user's own file");
    assert_eq!(files_holding(enc.data.path(), CANARY), Vec::<String>::new(), "encrypted store and backups");
}

#[test]
fn the_dossier_file_carries_the_loop_and_leaves_confidential_notes_out_unless_asked() {
    let cli = Cli::new();
    let [_, second, _] = three_visits(&cli);
    let worker = json!({ "guide": "medewerker", "date": "2026-05-11",
        "themes": [{ "theme": "signalen", "note": "KANARIE-vertrouwelijk slaapt slecht door het rooster" }] });
    let path = cli.data.path().join("medewerker.json");
    std::fs::write(&path, worker.to_string()).expect("answers");
    ok(&cli, &["dossier", "talk", &second, "--guide", "medewerker", "--answers", path.to_str().expect("utf-8")]);
    let out = tempfile::tempdir().expect("dir");
    let plain = out.path().join("dossier.json");
    ok(&cli, &["dossier", "export", &second, "-o", plain.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&plain).expect("file");
    assert!(!text.contains("KANARIE-vertrouwelijk"), "left out by default");
    let file: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(file["version"], 3);
    assert_eq!(file["dossier"]["evaluations"].as_array().map(Vec::len), Some(2));
    assert_eq!(file["dossier"]["measurements"][0]["carried_from"].as_str().map(|s| s.starts_with("d-")), Some(true));
    let with = out.path().join("met.json");
    ok(&cli, &["dossier", "export", &second, "-o", with.to_str().expect("utf-8"), "--with-confidential"]);
    assert!(std::fs::read_to_string(&with).expect("file").contains("KANARIE-vertrouwelijk"), "only when ticked");

    // On another laptop: the evaluations name their items, the measurements their source.
    let other = Cli::new();
    let imported = ok(&other, &["dossier", "import", plain.to_str().expect("utf-8")]);
    let d = ok(&other, &["dossier", "show", &id_of(&imported)]);
    let items: Vec<i64> = d["plan"].as_array().expect("plan").iter().filter_map(|p| p["id"].as_i64()).collect();
    for e in d["evaluations"].as_array().expect("evaluations") {
        assert!(items.contains(&e["item"].as_i64().expect("item")), "{e}");
    }
    assert_eq!(d["evaluations"][1]["verdict"], "werkte-niet");
    // A version 2 file (before the loop) still reads.
    let mut old = file.clone();
    old["version"] = json!(2);
    for key in ["evaluations", "measurements", "traject", "follows"] {
        old["dossier"].as_object_mut().expect("dossier").remove(key);
    }
    for p in old["dossier"]["plan"].as_array_mut().expect("plan") {
        p.as_object_mut().expect("item").retain(|k, _| k != "carried_from" && k != "carried_to");
    }
    old["dossier"]["id"] = json!("d-versie2");
    let v2 = out.path().join("v2.json");
    std::fs::write(&v2, old.to_string()).expect("v2");
    assert_eq!(ok(&other, &["dossier", "import", v2.to_str().expect("utf-8")])["result"], "new");
    // A file whose evaluation names no item of its plan is refused, naming the field.
    let mut broken = file.clone();
    broken["dossier"]["evaluations"][0]["item"] = json!(4242);
    broken["dossier"]["id"] = json!("d-kapot");
    let bad = out.path().join("kapot.json");
    std::fs::write(&bad, broken.to_string()).expect("broken");
    let err = refused(&other, &["dossier", "import", bad.to_str().expect("utf-8")]);
    assert!(message(&err).contains("dossier.evaluations[0].item: actiepunt 4242 staat niet in het actieplan"), "{err}");
}

#[test]
fn colleagues_share_signed_anonymised_outcomes_and_practice_shows_them_beside_the_own() {
    let alice = Cli::new();
    let [first, ..] = three_visits(&alice);
    ok(&alice, &["dossier", "note", &first, "KANARIE-notitie-7"]);
    let keys = tempfile::tempdir().expect("keys");
    let keys_dir = keys.path().to_str().expect("utf-8");
    ok(&alice, &["pack", "keygen", "--out", keys_dir]);
    let share = tempfile::tempdir().expect("share");
    let pack = share.path().join("arbo-west.json");
    let done = ok(
        &alice,
        &[
            "share",
            "export",
            "--since",
            "2026-01-01",
            "-o",
            pack.to_str().expect("utf-8"),
            "--key",
            keys.path().join("publisher.key").to_str().expect("utf-8"),
        ],
    );
    assert_eq!((done["records"].as_u64(), done["trajecten"].as_u64()), (Some(2), Some(1)));
    let text = std::fs::read_to_string(&pack).expect("pack");
    for secret in ["Zorggroep Oost", "KANARIE", "Nog niet iedereen", first.as_str()] {
        assert!(!text.contains(secret), "{secret} in the shared pack");
    }
    let shared: Value = serde_json::from_str(&text).expect("json");
    let o = &shared["outcomes"][0];
    assert_eq!(
        (o["intervention"].as_str(), o["sector"].as_str(), o["size_band"].as_str()),
        (Some("pico"), Some("zorg-vvt"), Some("50-249"))
    );
    assert_eq!(o["change"]["n_before"], 12);
    std::fs::write(share.path().join("index.json"), r#"{"format": "keuzehulp-index", "packs": ["arbo-west.json"]}"#)
        .expect("index");

    // A colleague who does not trust the key gets nothing; who does, sees it beside her own.
    let bob = Cli::new();
    let from = share.path().to_str().expect("utf-8");
    assert_eq!(refused(&bob, &["share", "import", from])["error"]["code"], "signature_refused");
    ok(
        &bob,
        &["trust", "add", keys.path().join("publisher.pub").to_str().expect("utf-8"), "--name", "Arbodienst West"],
    );
    let imported = ok(&bob, &["share", "import", from]);
    assert_eq!(imported["packs"][0]["publisher"], "Arbodienst West");
    assert_eq!(imported["packs"][0]["added"], 2);
    let practice = ok(&bob, &["practice", "pico"]);
    assert_eq!(practice["practice"][0]["chosen"], 0, "her own practice");
    assert_eq!(
        practice["practice"][0]["shared_text"],
        "Praktijk in onze arbodienst (1 traject): 1 keer ingezet, 1 keer werkte"
    );
    // Imported again: replaced, not counted twice.
    assert_eq!(ok(&bob, &["share", "import", from])["packs"][0]["replaced"], 2);
    assert_eq!(ok(&bob, &["practice", "pico"])["practice"][0]["shared"]["chosen"], 1);

    // An unsigned pack, or one changed after signing, is refused and changes nothing.
    let unsigned = share.path().join("los.json");
    std::fs::copy(&pack, &unsigned).expect("copy");
    assert_eq!(
        refused(&bob, &["share", "import", unsigned.to_str().expect("utf-8")])["error"]["code"],
        "signature_refused"
    );
    std::fs::write(&pack, text.replace("\"werkte\"", "\"werkte-niet\"")).expect("tamper");
    assert_eq!(refused(&bob, &["share", "import", from])["error"]["code"], "signature_refused");
}

#[test]
fn an_instrument_definition_travels_in_a_pack_and_is_used_from_then_on() {
    let cli = Cli::new();
    let pack = cli.json(&["list"]);
    let mut definition: Value = cli.json(&["instruments"])["instruments"]
        .as_array()
        .expect("instruments")
        .iter()
        .find(|i| i["id"] == "uwes-9")
        .cloned()
        .expect("uwes-9");
    definition.as_object_mut().expect("definition").remove("origin");
    definition["response"] =
        json!({ "min": 0, "max": 6, "low": "nooit", "low_en": "never", "high": "altijd", "high_en": "always" });
    definition["version"] = json!("licentie van de arbodienst");
    let own = json!({ "format": "keuzehulp-pack", "version": 3, "interventions": [], "instruments": [definition] });
    let file = cli.data.path().join("uwes.json");
    std::fs::write(&file, own.to_string()).expect("pack");
    // Unsigned, it may not take the place of the bundled definition.
    let err = refused(&cli, &["import", file.to_str().expect("utf-8")]);
    assert!(message(&err).contains("\"uwes-9\" is een instrumentdefinitie van Keuzehulp"), "{err}");
    // Signed by the arbodienst that holds the licence, it may.
    let keys = tempfile::tempdir().expect("keys");
    let key = |name: &str| keys.path().join(name).to_str().expect("utf-8").to_string();
    ok(&cli, &["pack", "keygen", "--out", keys.path().to_str().expect("utf-8")]);
    ok(&cli, &["trust", "add", &key("publisher.pub"), "--name", "Arbodienst West"]);
    ok(&cli, &["pack", "sign", file.to_str().expect("utf-8"), "--key", &key("publisher.key")]);
    let done = ok(&cli, &["import", file.to_str().expect("utf-8")]);
    assert_eq!(done["instruments"], 1, "{done}");
    let list = ok(&cli, &["instruments"]);
    let uwes =
        list["instruments"].as_array().expect("list").iter().find(|i| i["id"] == "uwes-9").cloned().expect("uwes");
    assert_eq!((uwes["origin"].as_str(), uwes["response"]["max"].as_i64()), (Some("Arbodienst West"), Some(6)));
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Zorggroep Oost"]));
    ok(
        &cli,
        &[
            "dossier",
            "measure",
            &id,
            "--instrument",
            "uwes-9",
            "--scale",
            "totaal",
            "--responded",
            "12",
            "--mean",
            "4.1",
        ],
    );
    // A definition with item texts while it says they are not included is refused whole.
    let mut bad = own.clone();
    bad["instruments"][0]["items"] = json!([{ "number": 1, "text": "Een vraag", "text_en": "A question" }]);
    std::fs::write(&file, bad.to_string()).expect("pack");
    std::fs::remove_file(keuzehulp::signing::signature_path(&file)).expect("the old signature");
    let err = refused(&cli, &["import", file.to_str().expect("utf-8")]);
    assert!(
        message(&err)
            .contains("instruments[0] (id \"uwes-9\").items: bevat itemteksten terwijl items_included false is"),
        "{err}"
    );
    assert_eq!(pack["interventions"], cli.json(&["list"])["interventions"], "nothing else changed");
}

#[test]
fn the_evaluation_migration_keeps_every_dossier_and_backs_up_first() {
    let cli = Cli::new();
    let id = id_of(&ok(&cli, &["dossier", "new", "--org", "Zorggroep Oost", "--date", "2026-01-10"]));
    talk(&cli, &id, "2026-01-10", 12, &[("omgang", 2)]);
    plan(&cli, &id, "pico");
    let before = ok(&cli, &["dossier", "show", &id]);
    {
        let conn = rusqlite::Connection::open(cli.data.path().join("keuzehulp.sqlite3")).expect("open");
        conn.execute_batch(crate::util::BACK_TO_VERSION_7).expect("back to version 7");
    }
    assert_eq!(ok(&cli, &["dossier", "show", &id]), before, "everything is still there after the migration");
    let saved: Vec<Value> = ok(&cli, &["backup", "list"])
        .as_array()
        .expect("list")
        .iter()
        .filter(|b| b["kind"] == "voor-migratie")
        .cloned()
        .collect();
    assert_eq!(saved.len(), 1, "a safety backup before the migration");
    let old = rusqlite::Connection::open(saved[0]["path"].as_str().expect("path")).expect("open backup");
    let version: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, 7, "the backup is the database as it was");
    let next = ok(&cli, &["dossier", "follow-up", &id, "--date", "2026-06-01"]);
    assert_eq!(next["carried_over"].as_array().map(Vec::len), Some(1), "and it takes the loop");
}
