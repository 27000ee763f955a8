//! Every check of the conversation guides, as a table: a mutation of the real guides in
//! `data/conversations/` and the `file:field: message` it must give, run through [`parse`],
//! the one entry point `build.rs` and `keuzehulp validate` use.

use std::path::Path;

use super::{Conversations, Vocabulary, parse, read_dir};
use crate::catalogue::bundled;

type Mutation = fn(&mut toml::Table);

/// The problems after `mutate` changed the guide file `file` (or `sources.toml`), each as
/// `file:field: message` with the file's name only.
fn problems_after(file: &str, mutate: Mutation) -> Vec<String> {
    match parse_after(file, mutate) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

fn parse_after(file: &str, mutate: Mutation) -> Result<Conversations, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/conversations");
    let (mut references, mut guides) = read_dir(&dir).expect("the guides");
    let name = |path: &str| Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path).to_string();
    let change = |text: &mut String| {
        let mut table: toml::Table = toml::from_str(text).expect("valid TOML");
        mutate(&mut table);
        *text = toml::to_string(&table).expect("TOML again");
    };
    references.0 = name(&references.0);
    if references.0 == file {
        change(&mut references.1);
    }
    for (path, text) in &mut guides {
        *path = name(path);
        if path.as_str() == file {
            change(text);
        }
    }
    let catalogue = bundled().expect("the bundled catalogue");
    let t = &catalogue.taxonomy;
    let documents: Vec<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    let themes: Vec<&str> = t.themes.iter().map(|x| x.id.as_str()).collect();
    let levels: Vec<&str> = t.levels.iter().map(|x| x.id.as_str()).collect();
    let steps: Vec<&str> = t.steps.iter().map(|x| x.id.as_str()).collect();
    let vocabulary = Vocabulary { documents: &documents, themes: &themes, levels: &levels, steps: &steps };
    parse((&references.0, &references.1), &guides, vocabulary)
        .map_err(|problems| problems.iter().map(|(f, field, message)| format!("{f}:{field}: {message}")).collect())
}

fn at<'a>(table: &'a mut toml::Table, path: &[&str]) -> &'a mut toml::Value {
    let (first, rest) = path.split_first().expect("a path");
    let mut value = table.get_mut(*first).unwrap_or_else(|| panic!("no {first}"));
    for key in rest {
        value = match key.parse::<usize>() {
            Ok(i) => &mut value.as_array_mut().expect("an array")[i],
            Err(_) => value.get_mut(*key).unwrap_or_else(|| panic!("no {key}")),
        };
    }
    value
}

fn question(table: &mut toml::Table) -> &mut toml::Value {
    at(table, &["themes", "0", "questions", "0"])
}

const Q: &str = "team.toml:themes[0] (werkdruk).questions[0] (team-werkdruk-hoeveelheid)";
const T: &str = "team.toml:themes[0] (werkdruk)";

/// (what is broken, in which file, how, a fragment of the problem it must give).
fn cases() -> Vec<(&'static str, &'static str, Mutation, String)> {
    vec![
        (
            "a question without a source",
            "team.toml",
            |t| question(t)["sources"] = toml::Value::Array(Vec::new()),
            format!("{Q}.sources: none given: every question says where it comes from"),
        ),
        (
            "a source nobody knows",
            "team.toml",
            |t| question(t)["sources"][0]["document"] = "een-blog".into(),
            format!("{Q}.sources[0].document: no taxonomy document or reference (sources.toml) has id \"een-blog\""),
        ),
        (
            "a source without a section",
            "team.toml",
            |t| question(t)["sources"][0]["section"] = " ".into(),
            format!("{Q}.sources[0].section: is empty"),
        ),
        (
            "a source address that is no web address",
            "team.toml",
            |t| {
                let source = question(t)["sources"][0].as_table_mut().expect("a table");
                source.insert("url".into(), "www.hse.gov.uk".into());
            },
            format!("{Q}.sources[0].url: must be a web address"),
        ),
        (
            "an English follow-up missing",
            "team.toml",
            |t| question(t)["follow_up_en"] = toml::Value::Array(vec!["Only one.".into()]),
            format!("{Q}.follow_up_en: has 1 where the Dutch has 2"),
        ),
        (
            "no follow-up at all",
            "team.toml",
            |t| {
                question(t)["follow_up"] = toml::Value::Array(Vec::new());
                question(t)["follow_up_en"] = toml::Value::Array(Vec::new());
            },
            format!("{Q}.follow_up: needs at least one"),
        ),
        (
            "an empty English question",
            "team.toml",
            |t| question(t)["text_en"] = "".into(),
            format!("{Q}.text_en: is empty"),
        ),
        (
            "a figure only in Dutch",
            "team.toml",
            |t| question(t)["text"] = "Lukt het werk in 36 uur?".into(),
            format!("{Q}.text_en: holds the figures [] where the Dutch holds [\"36\"]"),
        ),
        (
            "a question id twice, across guides",
            "leidinggevende.toml",
            |t| question(t)["id"] = "team-werkdruk-hoeveelheid".into(),
            "team.toml:themes[0] (werkdruk).questions[0] (team-werkdruk-hoeveelheid).id: appears twice (also in leidinggevende.toml)"
                .into(),
        ),
        (
            "a question id that is no slug",
            "team.toml",
            |t| question(t)["id"] = "Vraag 1".into(),
            "team.toml:themes[0] (werkdruk).questions[0] (Vraag 1).id: must be [a-z0-9-], not empty".into(),
        ),
        (
            "a theme id twice",
            "team.toml",
            |t| at(t, &["themes", "1"])["id"] = "werkdruk".into(),
            "team.toml:themes[1] (werkdruk).id: appears twice".into(),
        ),
        (
            "a theme outside the taxonomy",
            "team.toml",
            |t| at(t, &["themes", "0", "taxonomy"])[1] = "geluk".into(),
            format!("{T}.taxonomy: \"geluk\" is not a theme of the taxonomy"),
        ),
        (
            "a theme named like a taxonomy theme that is not its main one",
            "team.toml",
            |t| at(t, &["themes", "0", "taxonomy"])[0] = "administratiedruk".into(),
            format!("{T}.taxonomy: the theme id is the taxonomy theme \"werkdruk\", so that must come first"),
        ),
        (
            "a level outside the taxonomy",
            "team.toml",
            |t| at(t, &["themes", "0"])["level"] = "afdeling".into(),
            format!("{T}.level: \"afdeling\" is not a level of the taxonomy"),
        ),
        (
            "a step outside the taxonomy",
            "team.toml",
            |t| at(t, &["themes", "0", "steps"])[0] = "E".into(),
            format!("{T}.steps: \"E\" is not a step of the taxonomy"),
        ),
        (
            "two questions only",
            "team.toml",
            |t| at(t, &["themes", "0", "questions"]).as_array_mut().expect("array").truncate(2),
            format!("{T}.questions: has 2 questions; a theme has 3 to 5"),
        ),
        (
            "an empty short name",
            "team.toml",
            |t| at(t, &["themes", "0"])["short_en"] = "".into(),
            format!("{T}.short_en: is empty"),
        ),
        (
            "a guide id other than its file name",
            "team.toml",
            |t| t["id"] = "teams".into(),
            "team.toml:id: must equal the file name \"team\"".into(),
        ),
        (
            "a misspelt field",
            "team.toml",
            |t| {
                t.insert("titel".into(), "x".into());
            },
            "unknown field `titel`".into(),
        ),
        (
            "an intro paragraph without its translation",
            "team.toml",
            |t| at(t, &["intro_en"]).as_array_mut().expect("array").pop().map(|_| ()).unwrap_or_default(),
            "team.toml:intro_en: has 2 where the Dutch has 3".into(),
        ),
        (
            "a guide without sources",
            "team.toml",
            |t| t["sources"] = toml::Value::Array(Vec::new()),
            "team.toml:sources: none given".into(),
        ),
        (
            "confidential notes without the visible rule",
            "medewerker.toml",
            |t| {
                t["rules"] = toml::Value::Array(vec!["Wees aardig.".into()]);
                t["rules_en"] = toml::Value::Array(vec!["Be kind.".into()]);
            },
            "medewerker.toml:rules: a guide with confidential notes must show the rule \"geen medische gegevens\"".into(),
        ),
        (
            "a comparison with a guide that does not exist",
            "leidinggevende.toml",
            |t| {
                t.insert("compare_with".into(), "directie".into());
            },
            "leidinggevende.toml:compare_with: no guide has id \"directie\"".into(),
        ),
        (
            "a compared theme the other guide lacks",
            "leidinggevende.toml",
            |t| at(t, &["themes", "0"])["id"] = "tempo".into(),
            "leidinggevende.toml:themes (tempo).id: guide \"team\" (compare_with) has no theme \"tempo\"".into(),
        ),
        (
            "a reference without a note",
            "sources.toml",
            |t| at(t, &["references", "0"])["note"] = "".into(),
            "sources.toml:references[0] (hse-management-standards).note: is empty".into(),
        ),
        (
            "a reference read nowhere",
            "sources.toml",
            |t| at(t, &["references", "0"])["read_at"] = "mondeling".into(),
            "sources.toml:references[0] (hse-management-standards).read_at: must be a web address".into(),
        ),
        (
            "a reference with a taxonomy document's id",
            "sources.toml",
            |t| at(t, &["references", "0"])["id"] = "leidraad".into(),
            "sources.toml:references[0] (leidraad).id: appears twice (or is a taxonomy document id)".into(),
        ),
    ]
}

#[test]
fn the_bundled_guides_pass_every_check() {
    let guides = parse_after("none", |_| {}).expect("the guides in data/conversations are valid");
    let ids: Vec<&str> = guides.guides.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids, ["leidinggevende", "medewerker", "team"]);
    let team = guides.guide("team").expect("team");
    assert_eq!(team.themes.len(), 7, "about seven themes for the team");
    assert!(team.themes.iter().all(|t| (3..=5).contains(&t.questions.len())));
    // Under workload, the Signaleringsmethode's sources are the follow-ups.
    let workload = team.theme("werkdruk").expect("werkdruk");
    assert!(workload.questions.iter().any(|q| q.sources.iter().any(|s| s.document == "signaleringsmethode-werkdruk")));
    let worker = guides.guide("medewerker").expect("worker");
    assert!(worker.confidential_by_default && !worker.group);
    assert!(worker.rules.iter().any(|r| r.contains("Geen medische gegevens")));
}

#[test]
fn each_broken_rule_is_named_with_file_and_field() {
    for (what, file, mutate, expected) in cases() {
        let problems = problems_after(file, mutate);
        assert!(problems.iter().any(|p| p.contains(&expected)), "{what}: expected {expected:?}, got {problems:?}");
    }
}

#[test]
fn a_theme_is_found_by_its_own_id_or_its_main_taxonomy_theme() {
    let guides = parse_after("none", |_| {}).expect("valid");
    let team = guides.guide("team").expect("team");
    assert_eq!(team.resolve_theme("regelmogelijkheden").map(|t| t.id.as_str()), Ok("regelmogelijkheden"));
    assert_eq!(team.resolve_theme("roosters-autonomie").map(|t| t.id.as_str()), Ok("regelmogelijkheden"));
    // Two themes have "leiderschap-cultuur" as their main theme: the name is ambiguous.
    let candidates = team.resolve_theme("leiderschap-cultuur").expect_err("ambiguous");
    assert!(candidates.contains(&"steun-leidinggevende") && candidates.contains(&"duidelijkheid"), "{candidates:?}");
    assert!(team.resolve_theme("geluk").expect_err("unknown").is_empty());
    // A taxonomy theme only one theme has, though not first, finds that theme.
    assert_eq!(team.resolve_theme("administratiedruk").map(|t| t.id.as_str()), Ok("werkdruk"));
}
