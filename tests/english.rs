//! What the core writes for the window's English interface (issue #27): the evaluation
//! proposal's lines (`why_en`), the own-intervention form's problems from the validator
//! (`message_en`) and a conversation's reason on a recommendation (`reasons_en`, with the
//! theme's English name). Each is said in English for a set of cases, with no Dutch word
//! left; the Dutch beside it stays as it was.

use keuzehulp::Keuzehulp;
use keuzehulp::advisor::{Answers, Signal};
use keuzehulp::catalogue::conversation::Conversations;
use keuzehulp::dossier::evaluate::{
    CarriedOut, Change, Indicator, IndicatorValue, Lookup, Period, Proposal, before_after, propose,
};
use keuzehulp::dossier::talk::{MeasuredValue, Measurement, MeasurementKind, Scale};

/// Dutch words the core's sentences use (and that are no English words).
const DUTCH: &[&str] = &[
    "geen",
    "conclusie",
    "mogelijk",
    "nulmeting",
    "hermeting",
    "nog",
    "het",
    "de",
    "een",
    "van",
    "op",
    "uit",
    "bij",
    "er",
    "niet",
    "bekend",
    "uitgevoerd",
    "deels",
    "gestopt",
    "bereik",
    "beter",
    "slechter",
    "gelijk",
    "veranderd",
    "drempel",
    "onbekend",
    "voorstel",
    "werkte",
    "onduidelijk",
    "thema",
    "mensen",
    "weinig",
    "verschil",
    "zegt",
    "maatregel",
    "teamgesprek",
    "gesprek",
    "leidinggevende",
    "medewerker",
    "interventie",
    "tekens",
    "lang",
    "hoogste",
    "leeg",
    "schrijf",
    "waarde",
    "waarden",
    "toegestaan",
    "datum",
    "ligt",
    "voor",
    "webadres",
    "bron",
    "minstens",
    "één",
    "nodig",
    "kies",
    "ander",
    "hoort",
    "meegeleverde",
    "catalogus",
    "uitgever",
    "eigen",
    "dit",
    "met",
    "en",
    "telt",
    "mee",
    "hangt",
    "af",
    "dan",
    "meer",
    "veel",
    "wijzen",
    "werkdruk",
    "omgang",
    "elkaar",
    "regelmogelijkheden",
    "verzuimpercentage",
    "meldingsfrequentie",
    "verloop",
    "deelname",
    "referentie",
    "bewijsniveau",
    "staat",
    "twee",
    "keer",
    "lijst",
    "tijd",
    "maar",
];

/// The Dutch words in `text`, leaving out what is quoted back (a value as typed, or a word
/// the user must type, such as "onbekend") and the catalogue's own ids after "allowed:".
fn dutch_words(text: &str) -> Vec<String> {
    let sentence = text.split("allowed:").next().unwrap_or_default();
    let unquoted: String = sentence.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    let lower = unquoted.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).collect();
    DUTCH.iter().filter(|d| words.contains(d)).map(|d| (*d).to_string()).collect()
}

fn english(lines: &[String]) {
    for line in lines {
        assert!(dutch_words(line).is_empty(), "Dutch {:?} in the English: {line}", dutch_words(line));
    }
}

#[test]
fn the_dutch_word_check_finds_dutch() {
    assert_eq!(
        dutch_words("Geen conclusie mogelijk: te weinig mensen"),
        ["geen", "conclusie", "mogelijk", "mensen", "weinig"]
    );
    assert!(dutch_words("No conclusion possible: write \"onbekend\" (unknown); allowed: werkdruk").is_empty());
}

fn guides() -> Conversations {
    keuzehulp::catalogue::conversations().expect("guides")
}

fn measured(guide: &str, date: &str, n: u32, values: &[(&str, f64)]) -> Measurement {
    Measurement {
        id: 0,
        kind: MeasurementKind::Gesprek,
        source: guide.into(),
        date: date.into(),
        scale: Scale { min: 1.0, max: 5.0, higher_is_better: true },
        n: Some(n),
        invited: None,
        carried_from: None,
        values: values.iter().map(|(k, v)| MeasuredValue { key: (*k).into(), value: *v, past_cutoff: None }).collect(),
    }
}

/// Every theme of every guide, from `before` to `after`, with `n` people.
fn every_theme(before: f64, after: f64, n: u32) -> Vec<Change> {
    let g = guides();
    let mut ms = Vec::new();
    for guide in &g.guides {
        let keys: Vec<(&str, f64)> = guide.themes.iter().map(|t| (t.id.as_str(), before)).collect();
        ms.push(measured(&guide.id, "2026-01-10", n, &keys));
        let keys: Vec<(&str, f64)> = guide.themes.iter().map(|t| (t.id.as_str(), after)).collect();
        ms.push(measured(&guide.id, "2026-06-10", n, &keys));
    }
    before_after(&ms, Lookup { guides: &g, instruments: &[] }, None, None)
}

fn period(from: &str, to: &str) -> Period {
    Period { from: from.into(), to: to.into() }
}

fn in_both(p: &Proposal) {
    assert_eq!(p.why_en.len(), p.why.len(), "{:?} / {:?}", p.why, p.why_en);
    english(&p.why_en);
    for (nl, en) in p.why.iter().zip(&p.why_en) {
        assert_ne!(nl, en);
    }
}

#[test]
fn every_line_of_a_proposal_is_said_in_english_too() {
    let better = every_theme(2.0, 4.0, 12);
    let worse = every_theme(3.0, 2.0, 12);
    let indicators: Vec<IndicatorValue> =
        [Indicator::Verzuimpercentage, Indicator::Meldingsfrequentie, Indicator::Verloop, Indicator::Deelname]
            .into_iter()
            .map(|indicator| IndicatorValue {
                indicator,
                before: 5.25,
                after: 4.5,
                before_period: period("2026-01-01", "2026-03-31"),
                after_period: period("2026-07-01", "2026-09-30"),
            })
            .collect();
    let mut mixed = every_theme(2.0, 4.0, 12);
    mixed.extend(every_theme(3.0, 2.0, 12).into_iter().take(2));
    let cases = [
        propose(CarriedOut::Ja, false, &[], false, (None, None), &[]),
        propose(CarriedOut::Ja, false, &[], true, (None, None), &[]),
        propose(CarriedOut::Ja, true, &better, true, (None, None), &[]),
        propose(CarriedOut::Ja, false, &every_theme(2.0, 4.0, 8), true, (None, None), &[]),
        propose(CarriedOut::Ja, false, &better, true, (Some(9), Some(12)), &indicators),
        propose(CarriedOut::Deels, false, &worse, true, (None, None), &[]),
        propose(CarriedOut::Ja, false, &mixed, true, (None, None), &[]),
        propose(CarriedOut::Gestopt, false, &better, true, (None, None), &[]),
        propose(CarriedOut::Gestopt, false, &worse, true, (None, None), &[]),
        propose(CarriedOut::Nee, false, &better, true, (None, None), &[]),
    ];
    for p in &cases {
        in_both(p);
    }
    // The deciding line, then one line per theme in its English name, the reach, the figures.
    assert_eq!(
        cases[0].why_en[0],
        "No conclusion possible: there is no baseline of this intervention's themes (a team conversation or questionnaire before the start)."
    );
    assert!(cases[3].why_en[0].contains("too few people (n = 8)"), "{:?}", cases[3].why_en);
    let worked = &cases[4];
    assert_eq!(worked.why[0].split(':').next(), Some("Voorstel werkte"), "the Dutch as it was");
    assert!(worked.why_en[0].starts_with("Proposal worked: every measured theme is at least one point better"));
    assert!(
        worked.why_en.contains(&"Workload and task demands (the team conversation): 2 on 10-01-2026 (n = 12) → 4 on 10-06-2026 (n = 12): better".to_string()),
        "{:?}",
        worked.why_en
    );
    assert!(worked.why_en.contains(&"Reach: 9 of 12 (75%).".to_string()), "{:?}", worked.why_en);
    assert!(
        worked.why_en.iter().any(|l| l.starts_with("Sickness absence rate: 5.25 (01-01-2026 to 31-03-2026) → 4.5")),
        "{:?}",
        worked.why_en
    );
    assert!(worked.why.iter().any(|l| l.starts_with("Verzuimpercentage: 5,25 (01-01-2026 t/m 31-03-2026) → 4,5")));
}

fn own_record(app: &Keuzehulp, id: &str) -> keuzehulp::catalogue::Intervention {
    let mut record = app.interventions().expect("records").iter().find(|r| r.id == "pico").expect("pico").clone();
    record.id = id.into();
    record.name = "Eigen overleg".into();
    record
}

#[test]
fn the_own_intervention_forms_problems_from_the_validator_are_said_in_english_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Keuzehulp::open(dir.path()).expect("opens");
    let mut bad = own_record(&app, "eigen-overleg");
    bad.url = Some("www.example.org".into());
    bad.levels = vec!["afdeling".into()];
    bad.themes = vec!["werkdruk".into(), "werkdruk".into()];
    bad.sectors = Vec::new();
    bad.evidence.level = "effectief".into();
    bad.evidence.references = Vec::new();
    bad.evidence.valid_until = Some("morgen".into());
    bad.sources[0].section = " ".into();
    bad.benefits = Some(" ".into());
    bad.developed_by = Some(Vec::new());
    bad.time = None;
    bad.time_class = "dag".into();
    bad.last_reviewed = "gisteren".into();
    let mut cases = vec![app.own_save(&bad, true).expect("answers").problems];
    cases.push(app.own_save(&own_record(&app, "pico"), true).expect("answers").problems);
    cases.push(app.own_save(&own_record(&app, "bestaat-nog-niet"), false).expect("answers").problems);
    let mut long = own_record(&app, "lang");
    long.name = "x".repeat(400);
    cases.push(app.own_save(&long, true).expect("answers").problems);
    let saved = app.own_save(&own_record(&app, "eigen-overleg"), true).expect("saved");
    assert!(saved.problems.is_empty(), "{:?}", saved.problems);
    cases.push(app.own_save(&own_record(&app, "eigen-overleg"), true).expect("answers").problems);

    let all: Vec<_> = cases.iter().flatten().collect();
    let fields: Vec<String> = cases[0].iter().map(|p| p.field.replace("[0]", "")).collect();
    for field in [
        "url",
        "levels",
        "themes",
        "sectors",
        "evidence.references",
        "evidence.valid_until",
        "sources.section",
        "benefits",
        "developed_by",
        "time_class",
        "last_reviewed",
    ] {
        assert!(fields.iter().any(|f| f == field), "{field} in {fields:?}");
    }
    for case in &cases[1..] {
        assert!(!case.is_empty(), "a problem for each case");
    }
    for p in &all {
        assert_ne!(p.message, p.message_en, "{p:?}");
        english(std::slice::from_ref(&p.message_en));
    }
    let said = |field: &str, case: usize| -> (String, String) {
        let p = cases[case].iter().find(|p| p.field == field).unwrap_or_else(|| panic!("{field}"));
        (p.message.clone(), p.message_en.clone())
    };
    assert_eq!(
        said("url", 0),
        (
            "\"www.example.org\" is geen webadres (http:// of https://)".into(),
            "\"www.example.org\" is not a web address (http:// or https://)".into()
        )
    );
    assert_eq!(
        said("id", 1),
        (
            "dit id hoort bij een interventie uit de meegeleverde catalogus; kies een ander id".into(),
            "this id belongs to an intervention of the bundled catalogue; choose another id".into()
        )
    );
    assert_eq!(said("id", 4).1, "there already is an own intervention with this id; choose another id");
}

fn signal(guide: &str, theme: &str, rating: u8, english_names: bool) -> Signal {
    let g = guides();
    let guide = g.guide(guide).expect("guide");
    let t = guide.theme(theme).expect("theme");
    Signal {
        guide: guide.id.clone(),
        named: guide.named.clone(),
        named_en: if english_names { guide.named_en.clone() } else { String::new() },
        theme: t.id.clone(),
        label: t.short.clone(),
        label_en: if english_names { t.short_en.clone() } else { String::new() },
        themes: t.taxonomy.clone(),
        level: t.level.clone(),
        steps: t.steps.clone(),
        rating,
        max: 5,
    }
}

#[test]
fn a_conversations_reason_names_the_theme_in_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Keuzehulp::open(dir.path()).expect("opens");
    let g = guides();
    for guide in &g.guides {
        for (i, theme) in guide.themes.iter().enumerate() {
            // A signal as made now, and one stored before the English names were kept.
            let s = signal(&guide.id, &theme.id, 2, i % 2 == 0);
            let answers = Answers { themes: s.themes.clone(), signals: vec![s.clone()], ..Answers::default() };
            let advice = app.advise(&answers, 10).expect("advice");
            let heard = format!("uit {}: {} 2 van 5", guide.named, theme.short);
            let said = format!("from {}: {} 2 of 5", guide.named_en, theme.short_en);
            let r = advice
                .recommendations
                .iter()
                .find(|r| r.reasons.contains(&heard))
                .unwrap_or_else(|| panic!("a recommendation for {}/{}", guide.id, theme.id));
            let at = r.reasons.iter().position(|x| *x == heard).expect("the reason");
            assert_eq!(r.reasons_en[at], said, "{}/{}", guide.id, theme.id);
            english(&r.reasons_en[at..=at]);
        }
    }
}
