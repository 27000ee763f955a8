//! The catalogue's edition (version, date, publisher), where each record came from, and
//! evidence judgements that lapse after five years or past their `valid_until`. "Today" is
//! fixed with `KEUZEHULP_TODAY`, so nothing here depends on the day the tests run.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::util::Run;
use crate::util::{self, Cli};

/// Runs `args` with `--json` on the fixed day `today`, expects success, parses stdout.
fn json_on(cli: &Cli, today: &str, args: &[&str]) -> Value {
    let output = cli.cmd().env("KEUZEHULP_TODAY", today).args(args).arg("--json").run();
    assert!(output.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
}

fn text_on(cli: &Cli, today: &str, args: &[&str]) -> String {
    let output = cli.cmd().env("KEUZEHULP_TODAY", today).args(args).run();
    assert!(output.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}

/// The bundled edition, read straight from data/catalogue.toml.
fn edition() -> toml::Table {
    toml::from_str(&std::fs::read_to_string(util::data_dir().join("catalogue.toml")).expect("read")).expect("toml")
}

/// A pack of copies of the bundled record `pico` under new ids, with `evidence` merged into
/// each copy's evidence, plus the pack's own `head` fields.
fn pack(cli: &Cli, head: Value, records: &[(&str, Value)]) -> PathBuf {
    let base = cli.json(&["show", "pico"]);
    let records: Vec<Value> = records
        .iter()
        .map(|(id, evidence)| {
            let mut r = base.clone();
            let object = r.as_object_mut().expect("object");
            object.remove("origin");
            object["id"] = (*id).into();
            object["name"] = format!("Testinterventie {id}").into();
            object["aliases"] = json!([]);
            let e = object["evidence"].as_object_mut().expect("evidence");
            e.remove("lapsed");
            e.remove("lapsed_because");
            for (k, v) in evidence.as_object().expect("object") {
                e.insert(k.clone(), v.clone());
            }
            r
        })
        .collect();
    let mut value = json!({ "format": "keuzehulp-pack", "version": 2, "interventions": records });
    for (k, v) in head.as_object().expect("object") {
        value[k] = v.clone();
    }
    let path = cli.data.path().join("pakket.json");
    std::fs::write(&path, value.to_string()).expect("write pack");
    path
}

#[test]
fn the_catalogue_command_names_the_bundled_edition_exactly() {
    let cli = Cli::new();
    let info = json_on(&cli, "2026-11-25", &["catalogue"]);
    let edition = edition();
    for field in ["version", "date", "publisher"] {
        assert_eq!(info[field].as_str(), edition[field].as_str(), "{field}");
    }
    let records = cli.json(&["list"])["interventions"].as_array().expect("array").len();
    assert_eq!(info["records"].as_u64(), Some(records as u64));
    assert!(info["lapsed"].is_array());
    let text = text_on(&cli, "2026-11-25", &["catalogue"]);
    assert!(text.contains(edition["version"].as_str().expect("version")), "{text}");
}

#[test]
fn bundled_judgements_dated_by_year_lapse_only_once_certainly_five_years_old() {
    // The leidraad (2021) judges many records: on the last day of 2026 they still count, on
    // the first day of 2027 they are over five years old.
    let cli = Cli::new();
    let before = json_on(&cli, "2026-12-31", &["catalogue"])["lapsed"].clone();
    let after = json_on(&cli, "2027-01-01", &["catalogue"])["lapsed"].clone();
    let has = |list: &Value, id: &str| list.as_array().expect("array").iter().any(|x| x == id);
    assert!(!has(&before, "pmo-psychische-gezondheid") && has(&after, "pmo-psychische-gezondheid"));
    assert!(!has(&before, "indialoog") && has(&after, "indialoog"));
    // A record that no one judged (level onbekend) never lapses.
    assert!(!has(&after, "rie"), "{after}");
    let shown = json_on(&cli, "2027-01-01", &["show", "indialoog"]);
    assert_eq!(shown["evidence"]["lapsed"], true);
    assert_eq!(shown["evidence"]["lapsed_because"], "bewijs beoordeeld in 2021; ouder dan vijf jaar");
    assert_eq!(json_on(&cli, "2026-12-31", &["show", "indialoog"])["evidence"]["lapsed"], false);
}

#[test]
fn show_names_a_bundled_records_origin_and_an_unsigned_packs_as_eigen() {
    let cli = Cli::new();
    let shown = cli.json(&["show", "pico"]);
    let edition = edition();
    assert_eq!(shown["origin"]["kind"], "bundled");
    assert_eq!(shown["origin"]["name"].as_str(), edition["publisher"].as_str());
    assert_eq!(shown["origin"]["version"].as_str(), edition["version"].as_str());
    assert_eq!(shown["origin"]["date"].as_str(), edition["date"].as_str());

    let head = json!({ "catalogue_version": "3.1", "date": "2026-10-01", "publisher": "Arbodienst Oost" });
    let path = pack(&cli, head, &[("eigen-werkdrukgesprek", json!({}))]);
    cli.json(&["import", path.to_str().expect("utf-8")]);
    let shown = cli.json(&["show", "eigen-werkdrukgesprek"]);
    // Without a trusted signature the pack's own publisher line proves nothing.
    assert_eq!(shown["origin"], json!({ "kind": "eigen", "name": "eigen", "version": "3.1", "date": "2026-10-01" }));
    let text = cli.cmd().args(["show", "eigen-werkdrukgesprek"]).run();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Herkomst: eigen import"), "{text}");
}

#[test]
fn imported_judgements_on_both_sides_of_the_line_rank_and_read_as_they_should() {
    let cli = Cli::new();
    let today = "2025-01-01";
    let path = pack(
        &cli,
        json!({}),
        &[
            // Six years old: lapsed.
            ("oud-bewijs", json!({ "level": "effectief", "assessed_on": "2019-03-01", "scheme": "uitgever" })),
            // Exactly five years old today: not yet older than five years.
            ("grens-bewijs", json!({ "level": "effectief", "assessed_on": "2020-01-01", "scheme": "uitgever" })),
            // Two years old: holds.
            ("vers-bewijs", json!({ "level": "effectief", "assessed_on": "2023-05-01", "scheme": "uitgever" })),
            // Recent, but its own validity ended yesterday.
            (
                "verlopen-bewijs",
                json!({ "level": "effectief", "assessed_on": "2024-01-01", "valid_until": "2024-12-31", "scheme": "erkenning" }),
            ),
        ],
    );
    cli.json(&["import", path.to_str().expect("utf-8")]);
    let lapsed = |id: &str| json_on(&cli, today, &["show", id])["evidence"].clone();
    assert_eq!(lapsed("oud-bewijs")["lapsed"], true);
    assert_eq!(lapsed("oud-bewijs")["lapsed_because"], "bewijs beoordeeld in 2019; ouder dan vijf jaar");
    assert_eq!(lapsed("grens-bewijs")["lapsed"], false);
    assert_eq!(json_on(&cli, "2025-01-02", &["show", "grens-bewijs"])["evidence"]["lapsed"], true);
    assert_eq!(lapsed("vers-bewijs")["lapsed"], false);
    assert_eq!(lapsed("verlopen-bewijs")["lapsed"], true);
    assert_eq!(lapsed("verlopen-bewijs")["lapsed_because"], "bewijs geldig tot 2024-12-31; die datum is voorbij");
    let info = json_on(&cli, today, &["catalogue"]);
    let ids: Vec<&str> = info["lapsed"].as_array().expect("array").iter().filter_map(Value::as_str).collect();
    assert!(ids.contains(&"oud-bewijs") && ids.contains(&"verlopen-bewijs"), "{ids:?}");
    assert!(!ids.contains(&"vers-bewijs") && !ids.contains(&"grens-bewijs"), "{ids:?}");

    // The records are the same but for their evidence: the lapsed ones rank lower and say why.
    let advice = json_on(&cli, today, &["advise", "--role", "werkgever", "--limit", "200"]);
    let recs = advice["recommendations"].as_array().expect("array");
    let place = |id: &str| recs.iter().position(|r| r["id"] == id).unwrap_or_else(|| panic!("{id} recommended"));
    assert!(place("vers-bewijs") < place("oud-bewijs"));
    assert!(place("vers-bewijs") < place("verlopen-bewijs"));
    let reasons = |id: &str| recs[place(id)]["reasons"].to_string();
    assert!(
        reasons("oud-bewijs").contains("bewijs beoordeeld in 2019; ouder dan vijf jaar"),
        "{}",
        reasons("oud-bewijs")
    );
    // What the source said stays visible, with "beoordeling verlopen" and the date.
    assert!(
        reasons("oud-bewijs").contains("effect aangetoond") && reasons("oud-bewijs").contains("beoordeling verlopen"),
        "{}",
        reasons("oud-bewijs")
    );
    assert!(!reasons("vers-bewijs").contains("verlopen"), "{}", reasons("vers-bewijs"));
    assert!(reasons("vers-bewijs").contains("effect aangetoond"), "{}", reasons("vers-bewijs"));
    assert_eq!(recs[place("oud-bewijs")]["evidence_lapsed"], true);
    // Asking for proven effect: the lapsed one is named as weaker than asked.
    let strict =
        json_on(&cli, today, &["advise", "--role", "werkgever", "--min-evidence", "effectief", "--limit", "200"]);
    let old = strict["recommendations"].as_array().expect("array").iter().find(|r| r["id"] == "oud-bewijs").cloned();
    assert!(old.expect("still listed")["mismatches"].to_string().contains("verlopen"));
}

#[test]
fn the_report_says_the_evidence_lapsed_and_names_the_edition_in_its_footer() {
    let cli = Cli::new();
    let today = "2025-01-01";
    let path = pack(
        &cli,
        json!({}),
        &[("oud-bewijs", json!({ "level": "effectief", "assessed_on": "2019-03-01", "scheme": "uitgever" }))],
    );
    cli.json(&["import", path.to_str().expect("utf-8")]);
    let id =
        json_on(&cli, today, &["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    json_on(&cli, today, &["dossier", "shortlist", &id, "oud-bewijs"]);
    let report = cli.data.path().join("rapport.md");
    json_on(&cli, today, &["report", &id, "--format", "md", "-o", report.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&report).expect("report");
    assert!(text.contains("bewijs beoordeeld in 2019; ouder dan vijf jaar"), "{text}");
    let version = edition()["version"].as_str().expect("version").to_string();
    let footer = text.lines().last().expect("footer");
    assert!(footer.contains(&version) && footer.contains("1 geïmporteerde interventie"), "{footer}");
    // Dated by the same clock, written day first as everywhere in the report.
    let day_first = format!("{}-{}-{}", &today[8..10], &today[5..7], &today[..4]);
    assert!(footer.contains(&day_first), "the report is dated by the same clock: {footer}");
}

#[test]
fn an_older_pack_without_judgement_dates_imports_as_not_dated() {
    let cli = Cli::new();
    let path = pack(&cli, json!({ "version": 1 }), &[("oud-pakket", json!({ "level": "effectief" }))]);
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let e = value["interventions"][0]["evidence"].as_object_mut().expect("evidence");
    e.remove("assessed_on");
    e.remove("scheme");
    std::fs::write(&path, value.to_string()).expect("write");
    cli.json(&["import", path.to_str().expect("utf-8")]);
    let shown = json_on(&cli, "2040-01-01", &["show", "oud-pakket"]);
    assert_eq!(shown["evidence"]["assessed_on"], Value::Null);
    assert_eq!(shown["evidence"]["scheme"], "onbekend");
    assert_eq!(shown["evidence"]["lapsed"], false, "an undated judgement is not called lapsed");
}

#[test]
fn bad_dates_and_names_in_a_pack_are_named_and_nothing_is_imported() {
    let cli = Cli::new();
    let before = cli.json(&["list"])["interventions"].as_array().expect("array").len();
    for (head, evidence, wanted) in [
        (json!({}), json!({ "assessed_on": "gisteren" }), "evidence.assessed_on"),
        (json!({}), json!({ "assessed_on": "2024-05-01", "valid_until": "2023-01-01" }), "evidence.valid_until"),
        (json!({}), json!({ "scheme": "horoscoop" }), "evidence.scheme"),
        (json!({ "date": "1 mei" }), json!({}), "date"),
        (json!({ "publisher": "Uitgever\u{1b}[2J" }), json!({}), "publisher"),
    ] {
        let path = pack(&cli, head, &[("slecht-pakket", evidence)]);
        let out = cli.cmd().arg("import").arg(&path).run();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("pakket.json") && err.contains(wanted), "{wanted}: {err}");
        assert!(!err.contains('\u{1b}'), "no control character reaches the terminal: {err:?}");
    }
    assert_eq!(cli.json(&["list"])["interventions"].as_array().expect("array").len(), before);
}

#[test]
fn a_bad_today_is_refused_by_name() {
    let cli = Cli::new();
    let out = cli.cmd().env("KEUZEHULP_TODAY", "morgen").arg("catalogue").run();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("KEUZEHULP_TODAY"));
}

#[test]
fn search_facets_and_the_evidence_filter_count_a_lapsed_judgement_as_none() {
    let cli = Cli::new();
    let path = pack(
        &cli,
        json!({}),
        &[
            ("oud-bewijs", json!({ "level": "effectief", "assessed_on": "2019-03-01", "scheme": "uitgever" })),
            ("grens-bewijs", json!({ "level": "effectief", "assessed_on": "2020-01-01", "scheme": "uitgever" })),
            ("vers-bewijs", json!({ "level": "effectief", "assessed_on": "2023-05-01", "scheme": "uitgever" })),
            (
                "verlopen-bewijs",
                json!({ "level": "effectief", "assessed_on": "2024-01-01", "valid_until": "2024-12-31", "scheme": "erkenning" }),
            ),
        ],
    );
    cli.json(&["import", path.to_str().expect("utf-8")]);
    let mut core = keuzehulp::Keuzehulp::open(cli.data.path()).expect("opens");
    let mut ids_and_counts = |today: &str, evidence: Option<&str>| {
        core.set_today(today).expect("a day");
        let filters = keuzehulp::search::Filters { evidence: evidence.map(str::to_string), ..Default::default() };
        let found = core.search("Testinterventie", &filters, 50).expect("search");
        let mut ids: Vec<String> =
            found.hits.iter().map(|h| h.id.clone()).filter(|id| id.ends_with("-bewijs")).collect();
        ids.sort();
        let counts = found.facets["evidence"].clone();
        (ids, counts.get("effectief").copied().unwrap_or(0), counts.get("onbekend").copied().unwrap_or(0))
    };
    // On 2025-01-01 two of the four have lapsed: they count as "onbekend", as in the ranking.
    let (all, effective, unknown) = ids_and_counts("2025-01-01", None);
    assert_eq!(all.len(), 4, "{all:?}");
    assert_eq!(effective, 2);
    assert!(unknown >= 2, "{unknown}");
    let (ids, effective, _) = ids_and_counts("2025-01-01", Some("effectief"));
    assert_eq!(ids, ["grens-bewijs", "vers-bewijs"]);
    assert_eq!(effective, 2);
    let (ids, _, _) = ids_and_counts("2025-01-01", Some("onbekend"));
    assert_eq!(ids, ["oud-bewijs", "verlopen-bewijs"]);
    // Half a year earlier only the oldest had lapsed; the same index answers both days.
    let (ids, effective, _) = ids_and_counts("2024-06-01", Some("effectief"));
    assert_eq!(ids, ["grens-bewijs", "verlopen-bewijs", "vers-bewijs"]);
    assert_eq!(effective, 3);
}

#[test]
fn show_keeps_a_lapsed_label_with_its_date_and_calls_an_undated_one_least_certain() {
    let cli = Cli::new();
    let pmo = text_on(&cli, "2027-01-02", &["show", "pmo-psychische-gezondheid"]);
    assert!(pmo.contains("Bewijs: Effect aangetoond — "), "{pmo}");
    assert!(pmo.contains("Beoordeeld: 2021"), "{pmo}");
    assert!(pmo.contains("Let op: beoordeling verlopen (bewijs beoordeeld in 2021; ouder dan vijf jaar)."), "{pmo}");
    let before = text_on(&cli, "2026-12-31", &["show", "pmo-psychische-gezondheid"]);
    assert!(!before.contains("verlopen"), "{before}");
    let han = text_on(&cli, "2026-12-31", &["show", "werkplekonderzoek-arbeidsdeskundige"]);
    assert!(han.contains("Let op: deze beoordeling heeft geen datum; ze telt daarom het minst zwaar mee."), "{han}");
}
