//! Every check of a pack, as a table: a mutation of a valid pack and the `file:field: message`
//! it must give, run through one helper ([`problems_after`]) on the real entry point,
//! [`load_pack`]. The data directory's own files are broken the same way through the
//! command line in `tests/validate.rs`.

use std::path::Path;
use std::sync::OnceLock;

use serde_json::{Value, json};

use super::load_pack;
use crate::catalogue::{Catalogue, bundled, pack_of};

/// The record every case starts from: judged "effectief", with references, sources and a
/// web address, so that every check has something to break.
const BASE: &str = "pmo-psychische-gezondheid";
/// Where the problems say they are.
const FILE: &str = "pakket.json";
/// What the record's problems start with.
const RECORD: &str = "pakket.json:interventions[0] (id \"pmo-psychische-gezondheid\")";

/// The problems `load_pack` finds after `mutate` changed a valid pack (as JSON), one
/// `file:field: message` line each. The unchanged pack has none.
fn problems_after(mutate: impl FnOnce(&mut Value)) -> Vec<String> {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    let catalogue = CATALOGUE.get_or_init(|| bundled().expect("the bundled catalogue"));
    let record = catalogue.get(BASE).expect("the base record").clone();
    let mut pack = serde_json::to_value(pack_of(&[record], "2026.1".into())).expect("a pack as JSON");
    mutate(&mut pack);
    match load_pack(Path::new(FILE), &pack.to_string(), &catalogue.taxonomy) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn record(pack: &mut Value) -> &mut Value {
    &mut pack["interventions"][0]
}

type Mutation = fn(&mut Value);

/// (what is broken, how, a fragment of the one problem it must give).
fn cases() -> Vec<(&'static str, Mutation, String)> {
    let r = |field: &str, message: &str| format!("{RECORD}.{field}: {message}");
    vec![
        // The pack itself.
        ("another format", |p| p["format"] = json!("iets-anders"), format!("{FILE}:format: \"iets-anders\" is niet")),
        ("a newer version", |p| p["version"] = json!(99), format!("{FILE}:version: pakketversie 99 wordt niet")),
        (
            "an empty version name",
            |p| p["catalogue_version"] = json!(" "),
            format!("{FILE}:catalogue_version: is leeg"),
        ),
        (
            "a date that is no day",
            |p| p["date"] = json!("2026-02-31"),
            format!("{FILE}:date: \"2026-02-31\" is geen datum"),
        ),
        (
            "a control character in the publisher",
            |p| p["publisher"] = json!("Uitgever\u{1b}[2J"),
            format!("{FILE}:publisher: bevat een stuurteken (U+001B)"),
        ),
        (
            "too many records",
            |p| {
                // Short texts keep the pack small (some 10 MB of JSON).
                let mut small = p["interventions"][0].clone();
                for field in ["summary", "benefits", "involves", "cost", "privacy", "url"] {
                    small[field] = json!("x");
                }
                small["evidence"]["basis"] = json!("x");
                small["sources"] = json!([{ "document": "leidraad", "section": "x" }]);
                p["interventions"] = Value::Array(vec![small; 20_001]);
            },
            format!("{FILE}:interventions: 20001 interventies is te veel voor één pakket; ten hoogste 20000"),
        ),
        (
            "one id twice",
            |p| {
                let copy = p["interventions"][0].clone();
                p["interventions"].as_array_mut().expect("records").push(copy);
            },
            format!("{FILE}:interventions[1] (id \"{BASE}\").id: het id \"{BASE}\" komt twee keer voor"),
        ),
        // What the parser refuses, with the place in the file.
        ("not JSON", |p| *p = json!("{"), format!("{FILE}:1:")),
        (
            "a missing field",
            |p| _ = record(p).as_object_mut().expect("record").remove("kind"),
            "geen geldig pakket: het veld ontbreekt: `kind`".into(),
        ),
        ("an unknown field", |p| record(p)["galaxy"] = json!(5), "geen geldig pakket: onbekend veld `galaxy`".into()),
        // One record's fields.
        (
            "an id that is no slug",
            |p| record(p)["id"] = json!("Pmo X"),
            "(id \"Pmo X\").id: \"Pmo X\" is geen slug".into(),
        ),
        ("an empty name", |p| record(p)["name"] = json!(" "), r("name", "is leeg")),
        ("an empty alias", |p| record(p)["aliases"] = json!([""]), r("aliases[0]", "is leeg")),
        ("an empty known fact", |p| record(p)["benefits"] = json!(" "), r("benefits", "is leeg; schrijf \"onbekend\"")),
        (
            "a web address that is none",
            |p| record(p)["url"] = json!("ftp://x"),
            r("url", "\"ftp://x\" is geen webadres"),
        ),
        ("no developers", |p| record(p)["developed_by"] = json!([]), r("developed_by", "is een lege lijst")),
        ("an empty developer", |p| record(p)["developed_by"] = json!(["  "]), r("developed_by[0]", "is leeg")),
        ("a kind outside the taxonomy", |p| record(p)["kind"] = json!("app"), r("kind", "\"app\" is niet toegestaan")),
        (
            "a time class without a time",
            |p| record(p)["time_class"] = json!("kort"),
            r("time_class", "is \"kort\", maar er staat geen tijd bij"),
        ),
        ("a cost class outside", |p| record(p)["cost_class"] = json!("duur"), r("cost_class", "\"duur\" is niet")),
        ("no level", |p| record(p)["levels"] = json!([]), r("levels", "heeft minstens één waarde nodig")),
        (
            "a level twice",
            |p| record(p)["levels"] = json!(["team", "team"]),
            r("levels", "\"team\" staat er twee keer in"),
        ),
        (
            "a step outside the taxonomy",
            |p| record(p)["steps"] = json!(["Z9"]),
            r("steps", "\"Z9\" is niet toegestaan; toegestaan: A, B1, B2, C, D"),
        ),
        ("no role", |p| record(p)["roles"] = json!([]), r("roles", "heeft minstens één waarde nodig")),
        ("a theme outside", |p| record(p)["themes"] = json!(["ruimtevaart"]), r("themes", "\"ruimtevaart\" is niet")),
        ("no sector", |p| record(p)["sectors"] = json!([]), r("sectors", "heeft minstens één waarde nodig")),
        ("a risk group outside", |p| record(p)["risk_groups"] = json!(["piraten"]), r("risk_groups", "\"piraten\"")),
        (
            "an evidence level outside",
            |p| record(p)["evidence"]["level"] = json!("wonderbaarlijk"),
            r("evidence.level", "\"wonderbaarlijk\" is niet toegestaan"),
        ),
        (
            "effect claimed without a reference",
            |p| record(p)["evidence"]["references"] = json!([]),
            r("evidence.references", "bewijsniveau \"effectief\" heeft minstens één referentie nodig"),
        ),
        (
            "an empty reference",
            |p| record(p)["evidence"]["references"] = json!([""]),
            r("evidence.references[0]", "is leeg"),
        ),
        (
            "a scheme outside",
            |p| record(p)["evidence"]["scheme"] = json!("horoscoop"),
            r("evidence.scheme", "\"horoscoop\" is niet toegestaan"),
        ),
        (
            "a judgement date that is none",
            |p| record(p)["evidence"]["assessed_on"] = json!("gisteren"),
            r("evidence.assessed_on", "\"gisteren\" is geen datum"),
        ),
        (
            "a month that is none",
            |p| record(p)["evidence"]["assessed_on"] = json!("2024-13"),
            r("evidence.assessed_on", "\"2024-13\" is geen datum"),
        ),
        (
            "an end of validity that is no day",
            |p| record(p)["evidence"]["valid_until"] = json!("2026-02-31"),
            r("evidence.valid_until", "\"2026-02-31\" is geen datum"),
        ),
        (
            "an end of validity before the judgement",
            |p| {
                record(p)["evidence"]["assessed_on"] = json!("2024-05-01");
                record(p)["evidence"]["valid_until"] = json!("2023-01-01");
            },
            r("evidence.valid_until", "\"2023-01-01\" ligt voor assessed_on \"2024-05-01\""),
        ),
        ("no source", |p| record(p)["sources"] = json!([]), r("sources", "heeft minstens één bron nodig")),
        (
            "a source that is no document",
            |p| record(p)["sources"][0]["document"] = json!("krant"),
            r("sources.document", "\"krant\" is geen bekend document"),
        ),
        (
            "a source without a section",
            |p| record(p)["sources"][0]["section"] = json!(" "),
            r("sources.section", "is leeg"),
        ),
        (
            "a review date that is no day",
            |p| record(p)["last_reviewed"] = json!("2026-02-31"),
            r("last_reviewed", "\"2026-02-31\" is geen datum"),
        ),
        // Sizes: named with the limit, the value not quoted back.
        (
            "a text past the limit",
            |p| record(p)["summary"] = json!("werkdruk ".repeat(2_500)),
            r("summary", "is 22500 tekens lang; ten hoogste 10000"),
        ),
        (
            "a name past the limit",
            |p| record(p)["name"] = json!("n".repeat(301)),
            r("name", "is 301 tekens lang; ten hoogste 300"),
        ),
        (
            "too many aliases",
            |p| record(p)["aliases"] = json!(vec!["PMO"; 101]),
            r("aliases", "heeft 101 waarden; ten hoogste 100"),
        ),
    ]
}

#[test]
fn the_unchanged_pack_is_valid() {
    assert_eq!(problems_after(|_| {}), Vec::<String>::new());
}

#[test]
fn every_broken_field_is_named_with_file_field_and_message() {
    let mut failures = Vec::new();
    for (what, mutate, wanted) in cases() {
        let problems = problems_after(mutate);
        if !problems.iter().any(|p| p.contains(&wanted)) {
            failures.push(format!("{what}: wanted {wanted:?}, found {problems:#?}"));
        }
        if problems.len() > 2 || problems.iter().any(|p| p.chars().count() > 400) {
            failures.push(format!("{what}: one short problem, not {problems:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
