//! The instrument-definition checks, breaking the bundled definitions field by field.

use super::*;

const THEMES: &[&str] = &["burn-out", "werkdruk", "duurzame-inzetbaarheid"];

fn file(name: &str) -> (String, String) {
    let path = format!("{}/data/instruments/{name}.toml", env!("CARGO_MANIFEST_DIR"));
    (format!("data/instruments/{name}.toml"), std::fs::read_to_string(path).expect("bundled definition"))
}

fn problems_of(name: &str, edit: impl FnOnce(&mut toml::Table)) -> Vec<String> {
    let (path, text) = file(name);
    let mut table: toml::Table = toml::from_str(&text).expect("toml");
    edit(&mut table);
    let themes: Vec<&str> = THEMES
        .iter()
        .copied()
        .chain(["administratiedruk", "roosters-autonomie", "leiderschap-cultuur", "signaleren-klachten"])
        .chain(["ingrijpende-gebeurtenissen", "ongewenste-omgangsvormen", "taboe-stigma", "werkbehoud"])
        .collect();
    match parse(&[(path, toml::to_string(&table).expect("toml out"))], &themes) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.into_iter().map(|(_, field, message)| format!("{field}: {message}")).collect(),
    }
}

#[test]
fn the_bundled_definitions_pass_and_hold_no_item_text_of_a_protected_questionnaire() {
    for name in ["bat", "uwes-9", "teamthermometer"] {
        assert_eq!(problems_of(name, |_| {}), Vec::<String>::new(), "{name}");
    }
    for name in ["bat", "uwes-9"] {
        let (_, text) = file(name);
        let d: Instrument = toml::from_str(&text).expect("definition");
        assert!(!d.items_included && d.items.is_empty(), "{name} ships no item text");
        assert!(d.cutoffs.is_empty(), "{name}: no cut-off was read in a source, so none is shipped");
    }
}

#[test]
fn each_broken_field_is_named() {
    type Edit = fn(&mut toml::Table);
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "bat",
            |t| {
                t.insert("id".into(), "BAT!".into());
            },
            "id: alleen [a-z0-9-]",
        ),
        (
            "bat",
            |t| {
                t.insert("licence".into(), " ".into());
            },
            "licence: is leeg",
        ),
        (
            "bat",
            |t| {
                t.insert("sources".into(), toml::Value::Array(Vec::new()));
            },
            "sources: geen bron",
        ),
        (
            "bat",
            |t| {
                let mut item = toml::Table::new();
                item.insert("number".into(), 1.into());
                item.insert("text".into(), "Een vraag".into());
                item.insert("text_en".into(), "A question".into());
                t.insert("items".into(), toml::Value::Array(vec![item.into()]));
            },
            "items: bevat itemteksten terwijl items_included false is",
        ),
        (
            "bat",
            |t| {
                let mut c = toml::Table::new();
                c.insert("scale".into(), "totaal".into());
                c.insert("value".into(), 2.5.into());
                c.insert("meaning".into(), "risico".into());
                c.insert("meaning_en".into(), "risk".into());
                c.insert("source".into(), "gegokt".into());
                c.insert("section".into(), "tabel 2".into());
                t.insert("cutoffs".into(), toml::Value::Array(vec![c.into()]));
            },
            "cutoffs[0].source: \"gegokt\" is geen bron van deze definitie: een afkappunt is nooit een gok",
        ),
        (
            "uwes-9",
            |t| {
                let mut c = toml::Table::new();
                c.insert("scale".into(), "totaal".into());
                c.insert("value".into(), 3.0.into());
                c.insert("meaning".into(), "laag".into());
                c.insert("meaning_en".into(), "low".into());
                c.insert("source".into(), "lovakov-2017".into());
                c.insert("section".into(), "tabel".into());
                t.insert("cutoffs".into(), toml::Value::Array(vec![c.into()]));
            },
            "cutoffs[0].value: een afkappunt heeft de antwoordschaal nodig",
        ),
        (
            "teamthermometer",
            |t| {
                if let Some(toml::Value::Array(scales)) = t.get_mut("scales")
                    && let Some(toml::Value::Table(first)) = scales.first_mut()
                {
                    first.insert("items".into(), toml::Value::Array(vec![9.into()]));
                }
            },
            "scales[0] (werkdruk).items: item 9 bestaat niet",
        ),
        (
            "teamthermometer",
            |t| {
                if let Some(toml::Value::Array(scales)) = t.get_mut("scales")
                    && let Some(toml::Value::Table(first)) = scales.first_mut()
                {
                    first.insert("themes".into(), toml::Value::Array(vec!["geluk".into()]));
                }
            },
            "scales[0] (werkdruk).themes: \"geluk\" is geen thema van de taxonomie",
        ),
    ];
    for (name, edit, expected) in cases {
        let problems = problems_of(name, edit);
        assert!(problems.iter().any(|p| p.starts_with(expected)), "{name}: expected {expected:?} in {problems:?}");
    }
}
