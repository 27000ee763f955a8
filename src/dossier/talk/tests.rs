//! The conversation's rules without a store: checking answers against a guide (each problem
//! on its field, as a table), the themes rated low becoming the advisor's answers, and where
//! a team leader's and a team's views differ.

use serde_json::json;

use super::*;
use crate::catalogue::conversations;

fn guides() -> Conversations {
    conversations().expect("the bundled guides")
}

fn input(value: serde_json::Value) -> TalkInput {
    serde_json::from_value(value).expect("the shape of an answers file")
}

/// A valid team conversation of seven themes.
fn team() -> serde_json::Value {
    json!({
        "guide": "team", "date": "2026-11-20", "present": 8,
        "themes": [
            { "theme": "werkdruk", "rating": 3, "note": "Veel overdrachten." },
            { "theme": "roosters-autonomie", "rating": 2, "note": "Rooster komt laat.",
              "questions": [{ "question": "team-regel-rooster", "note": "Pas twee weken vooraf bekend." }] },
            { "theme": "steun-leidinggevende", "rating": 4 },
            { "theme": "steun-collegas", "rating": 4 },
            { "theme": "omgang", "rating": 1, "note": "Schelden door bezoekers." },
            { "theme": "duidelijkheid", "rating": 3 },
            { "theme": "verandering", "rating": 3 }
        ]
    })
}

fn problems(value: serde_json::Value) -> Vec<String> {
    match check(&input(value), &guides()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.into_iter().map(|(field, message)| format!("{field}: {message}")).collect(),
    }
}

#[test]
fn a_valid_conversation_is_checked_into_the_guides_order() {
    let mut value = team();
    value["themes"].as_array_mut().expect("themes").reverse();
    let checked = check(&input(value), &guides()).expect("valid");
    let order: Vec<&str> = checked.themes.iter().map(|t| t.theme.as_str()).collect();
    assert_eq!(
        order,
        [
            "werkdruk",
            "regelmogelijkheden",
            "steun-leidinggevende",
            "steun-collegas",
            "omgang",
            "duidelijkheid",
            "verandering"
        ]
    );
    assert_eq!(checked.present, Some(8));
    let m = measurement_of(&checked).expect("a group conversation is a measurement");
    assert_eq!((m.source.as_str(), m.date.as_str(), m.n, m.values.len()), ("team", "2026-11-20", Some(8), 7));
    assert_eq!(m.values[1], MeasuredValue { key: "regelmogelijkheden".into(), value: 2.0 });
    assert_eq!((m.scale.min, m.scale.max, m.scale.higher_is_better), (1.0, 5.0, true));
}

#[test]
fn each_bad_answer_is_named_on_its_field() {
    type Change = fn(&mut serde_json::Value);
    let cases: Vec<(&str, Change, &str)> = vec![
        (
            "an unknown guide",
            |v| v["guide"] = json!("directie"),
            "guide: \"directie\" is geen gespreksleidraad; kies uit: leidinggevende, medewerker, team",
        ),
        ("a day that does not exist", |v| v["date"] = json!("2026-02-30"), "date: "),
        (
            "nobody present",
            |v| {
                v.as_object_mut().expect("object").remove("present");
            },
            "present: vul in hoeveel mensen er waren",
        ),
        (
            "one person is no group",
            |v| v["present"] = json!(1),
            "present: 1 kan niet: geef een heel getal van 2 tot en met 500",
        ),
        (
            "an unknown theme",
            |v| v["themes"][0]["theme"] = json!("geluk"),
            "themes[0].theme: \"geluk\" is geen thema van het teamgesprek; kies uit: werkdruk,",
        ),
        (
            "an ambiguous taxonomy theme",
            |v| v["themes"][0]["theme"] = json!("leiderschap-cultuur"),
            "themes[0].theme: \"leiderschap-cultuur\" past bij meer dan één thema",
        ),
        (
            "a theme twice",
            |v| v["themes"][1]["theme"] = json!("werkdruk"),
            "themes[1].theme: thema \"werkdruk\" staat er twee keer in",
        ),
        (
            "a rating of six",
            |v| v["themes"][0]["rating"] = json!(6),
            "themes[0].rating: 6 kan niet: een cijfer is een heel getal van 1 tot en met 5",
        ),
        ("a rating of zero", |v| v["themes"][0]["rating"] = json!(0), "themes[0].rating: 0 kan niet"),
        ("half a point", |v| v["themes"][0]["rating"] = json!(2.5), "themes[0].rating: 2.5 kan niet"),
        (
            "a note too long",
            |v| v["themes"][0]["note"] = json!("x".repeat(MAX_NOTE_CHARS + 1)),
            "themes[0].note: 2001 tekens is te lang; een notitie heeft er ten hoogste 2000",
        ),
        (
            "a control character",
            |v| v["themes"][0]["note"] = json!("stil\u{1b}[2J"),
            "themes[0].note: bevat een stuurteken (U+001B)",
        ),
        (
            "medical details",
            |v| v["themes"][0]["note"] = json!("Een collega heeft een depressie."),
            "themes[0].note: noteer geen medische gegevens (\"depressie\")",
        ),
        (
            "a question of another theme",
            |v| v["themes"][1]["questions"][0]["question"] = json!("team-werkdruk-kunnen"),
            "themes[1].questions[0].question: \"team-werkdruk-kunnen\" is geen vraag bij thema \"regelmogelijkheden\"",
        ),
        (
            "an empty question note",
            |v| v["themes"][1]["questions"][0]["note"] = json!(" "),
            "themes[1].questions[0].note: de notitie is leeg",
        ),
        ("no theme at all", |v| v["themes"] = json!([]), "themes: er is geen enkel thema ingevuld"),
        (
            "only skipped themes",
            |v| v["themes"] = json!([{ "theme": "werkdruk" }]),
            "themes: geen enkel thema heeft een cijfer of een notitie",
        ),
    ];
    for (what, change, expected) in cases {
        let mut value = team();
        change(&mut value);
        let found = problems(value);
        assert!(found.iter().any(|p| p.starts_with(expected)), "{what}: expected {expected:?}, got {found:?}");
    }
    // Several problems at once are all named.
    let mut value = team();
    value["themes"][0]["rating"] = json!(9);
    value["themes"][4]["note"] = json!("Iemand slikt oxazepam.");
    assert_eq!(problems(value).len(), 2);
}

#[test]
fn a_worker_s_notes_are_confidential_unless_marked_otherwise() {
    let value = json!({
        "guide": "medewerker", "date": "2026-11-21",
        "themes": [
            { "theme": "signalen", "rating": 2, "note": "Slaapt slecht door het werk." },
            { "theme": "wat-helpt", "note": "Minder diensten achter elkaar.", "confidential": false }
        ]
    });
    let checked = check(&input(value), &guides()).expect("valid");
    let c = checked.to_conversation("2026-11-21T10:00:00Z");
    assert_eq!(c.themes[0].note.as_ref().map(|n| n.confidential), Some(true));
    assert_eq!(c.themes[1].note.as_ref().map(|n| n.confidential), Some(false));
    assert_eq!(c.measurement, None, "one worker's view is no measurement of a team");
    assert_eq!(c.present, None);
}

#[test]
fn medical_words_are_found_alone_and_in_compounds_but_work_words_pass() {
    assert_eq!(medical_word("Heeft DEPRESSIEKLACHTEN"), Some("depressie"));
    assert_eq!(medical_word("gebruikt medicatie sinds mei"), Some("medicatie"));
    assert_eq!(medical_word("PTSS na een incident"), Some("ptss"));
    assert_eq!(medical_word("de werkdruk is hoog en het rooster komt laat"), None);
    assert_eq!(medical_word("ongelijke behandeling door de planning"), None);
}

fn stored(value: serde_json::Value, id: i64) -> Conversation {
    let checked = check(&input(value), &guides()).expect("valid");
    Conversation { id, ..checked.to_conversation("2026-11-20T10:00:00Z") }
}

#[test]
fn low_ratings_become_the_answers_with_their_themes_level_and_steps() {
    let guides = guides();
    let conversations = vec![stored(team(), 1)];
    let low = signals(&conversations, &guides);
    let named: Vec<(&str, u8)> = low.iter().map(|s| (s.theme.as_str(), s.rating)).collect();
    assert_eq!(named, [("omgang", 1), ("regelmogelijkheden", 2)], "lowest first");
    assert_eq!(low[1].reason(), "uit het teamgesprek: regelmogelijkheden 2 van 5");

    let before = Answers {
        role: Some("arboprofessional".into()),
        themes: vec!["mantelzorg-combinatiedruk".into()],
        ..Answers::default()
    };
    let after = steer(&before, low);
    assert_eq!(after.level.as_deref(), Some("team"));
    assert_eq!(after.steps, ["B1", "B2"]);
    assert_eq!(
        after.themes,
        ["mantelzorg-combinatiedruk", "ongewenste-omgangsvormen", "taboe-stigma", "roosters-autonomie", "werkdruk"]
    );
    assert_eq!(after.role.as_deref(), Some("arboprofessional"), "the rest of the answers stays");

    // A later conversation where only workload is low replaces what the first one added,
    // and keeps the user's own theme.
    let mut later = team();
    later["date"] = json!("2027-03-01");
    for (i, rating) in [2, 4, 4, 4, 4, 4, 4].into_iter().enumerate() {
        later["themes"][i]["rating"] = json!(rating);
    }
    let conversations = vec![stored(team(), 1), stored(later, 2)];
    let again = steer(&after, signals(&conversations, &guides));
    assert_eq!(again.themes, ["mantelzorg-combinatiedruk", "werkdruk", "administratiedruk"]);
    assert_eq!(again.steps, ["B2"]);
    assert_eq!(again.signals.len(), 1);
}

#[test]
fn the_comparison_puts_the_largest_difference_between_leader_and_team_first() {
    let guides = guides();
    let leader = json!({
        "guide": "leidinggevende", "date": "2026-11-22",
        "themes": [
            { "theme": "werkdruk", "rating": 3 },
            { "theme": "regelmogelijkheden", "rating": 5 },
            { "theme": "omgang", "rating": 4 }
        ]
    });
    let conversations = vec![stored(team(), 1), stored(leader, 2)];
    let all = comparisons(&conversations, &guides);
    assert_eq!(all.len(), 1);
    let c = &all[0];
    assert_eq!((c.guide.as_str(), c.with.as_str()), ("leidinggevende", "team"));
    let rows: Vec<(&str, u8, u8, i8)> =
        c.rows.iter().map(|r| (r.theme.as_str(), r.rating, r.with_rating, r.difference)).collect();
    assert_eq!(rows, [("regelmogelijkheden", 5, 2, 3), ("omgang", 4, 1, 3), ("werkdruk", 3, 3, 0)]);
    assert_eq!(c.largest, ["regelmogelijkheden", "omgang"]);
    // Without a team conversation there is nothing to compare.
    assert!(comparisons(&conversations[1..], &guides).is_empty());
}
