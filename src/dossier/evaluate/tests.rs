use super::*;
use crate::dossier::talk::MeasuredValue;

fn guides() -> Conversations {
    crate::catalogue::conversations().expect("guides")
}

fn team(date: &str, n: u32, values: &[(&str, f64)]) -> Measurement {
    Measurement {
        id: 0,
        kind: MeasurementKind::Gesprek,
        source: "team".into(),
        date: date.into(),
        scale: Scale { min: 1.0, max: 5.0, higher_is_better: true },
        n: Some(n),
        invited: None,
        carried_from: None,
        values: values.iter().map(|(k, v)| MeasuredValue { key: (*k).into(), value: *v, past_cutoff: None }).collect(),
    }
}

fn changes(ms: &[Measurement]) -> Vec<Change> {
    let g = guides();
    before_after(ms, Lookup { guides: &g, instruments: &[] }, None, None)
}

#[test]
fn a_point_better_on_every_theme_proposes_werkte_and_the_same_proposes_werkte_niet() {
    let ms = [
        team("2026-01-10", 12, &[("regelmogelijkheden", 2.0), ("omgang", 2.0)]),
        team("2026-06-10", 11, &[("regelmogelijkheden", 4.0), ("omgang", 3.0)]),
    ];
    let c = changes(&ms);
    assert_eq!(c.iter().map(|c| c.direction).collect::<Vec<_>>(), [Direction::Beter, Direction::Beter]);
    let p = propose(CarriedOut::Ja, false, &c, true, (Some(9), Some(12)), &[]);
    assert_eq!(p.verdict, Some(Verdict::Werkte), "{:?}", p.why);
    assert!(p.why.iter().any(|l| l.contains("Bereik: 9 van 12 (75%)")), "{:?}", p.why);

    let same = [team("2026-01-10", 12, &[("omgang", 2.0)]), team("2026-06-10", 12, &[("omgang", 2.0)])];
    assert_eq!(
        propose(CarriedOut::Deels, false, &changes(&same), true, (None, None), &[]).verdict,
        Some(Verdict::WerkteNiet)
    );
    let mixed = [
        team("2026-01-10", 12, &[("omgang", 2.0), ("werkdruk", 3.0)]),
        team("2026-06-10", 12, &[("omgang", 3.0), ("werkdruk", 2.0)]),
    ];
    assert_eq!(
        propose(CarriedOut::Ja, false, &changes(&mixed), true, (None, None), &[]).verdict,
        Some(Verdict::Onduidelijk)
    );
}

#[test]
fn without_a_baseline_with_a_changed_team_or_too_few_people_no_conclusion_is_possible() {
    let none = propose(CarriedOut::Ja, false, &[], false, (None, None), &[]);
    assert_eq!(none.verdict, None);
    assert!(none.why[0].starts_with("Geen conclusie mogelijk: er is geen nulmeting"), "{:?}", none.why);
    let once = propose(CarriedOut::Ja, false, &[], true, (None, None), &[]);
    assert!(once.why[0].contains("nog geen hermeting"), "{:?}", once.why);

    let ms = [team("2026-01-10", 12, &[("omgang", 2.0)]), team("2026-06-10", 12, &[("omgang", 4.0)])];
    let changed = propose(CarriedOut::Ja, true, &changes(&ms), true, (None, None), &[]);
    assert_eq!(changed.verdict, None);
    assert!(changed.why[0].contains("het team is veranderd"), "{:?}", changed.why);

    let small = [team("2026-01-10", 9, &[("omgang", 2.0)]), team("2026-06-10", 12, &[("omgang", 4.0)])];
    let few = propose(CarriedOut::Ja, false, &changes(&small), true, (None, None), &[]);
    assert_eq!(few.verdict, None);
    assert!(few.why[0].contains("te weinig mensen (n = 9)"), "{:?}", few.why);
    assert_eq!(few.label(), "geen conclusie mogelijk");
}

#[test]
fn not_carried_out_proposes_niet_uitgevoerd_whatever_was_measured() {
    let ms = [team("2026-01-10", 12, &[("omgang", 2.0)]), team("2026-06-10", 12, &[("omgang", 4.0)])];
    assert_eq!(
        propose(CarriedOut::Nee, false, &changes(&ms), true, (None, None), &[]).verdict,
        Some(Verdict::NietUitgevoerd)
    );
}

#[test]
fn the_baseline_is_the_last_measurement_before_the_start() {
    let ms = [
        team("2026-01-10", 12, &[("omgang", 1.0)]),
        team("2026-03-01", 12, &[("omgang", 2.0)]),
        team("2026-06-10", 12, &[("omgang", 3.0)]),
    ];
    let g = guides();
    let c = before_after(&ms, Lookup { guides: &g, instruments: &[] }, Some("2026-03-15"), None);
    assert_eq!((c[0].before.value, c[0].after.value), (2.0, 3.0));
    let c = before_after(&ms, Lookup { guides: &g, instruments: &[] }, Some("2025-12-01"), None);
    assert!(c.is_empty(), "nothing before the start: no baseline");
}

#[test]
fn the_themes_that_did_not_improve_become_signals_for_new_advice() {
    let ms = [
        team("2026-01-10", 12, &[("regelmogelijkheden", 2.0), ("omgang", 2.0)]),
        team("2026-06-10", 12, &[("regelmogelijkheden", 4.0), ("omgang", 2.0)]),
    ];
    let signals = still_playing(&changes(&ms), &guides());
    assert_eq!(signals.iter().map(|s| s.theme.as_str()).collect::<Vec<_>>(), ["omgang"]);
    assert_eq!(signals[0].reason(), "uit de hermeting: omgang met elkaar 2 van 5");
}

#[test]
fn bad_fields_are_named_each_in_dutch() {
    let input = EvaluationInput {
        item: 1,
        date: Some("2026-02-31".into()),
        carried_out: "misschien".into(),
        reached: Some(12.0),
        reach_of: Some(10.0),
        verdict: "geweldig".into(),
        indicators: vec![IndicatorInput {
            indicator: "geluk".into(),
            before: -1.0,
            after: 2.0,
            before_period: Period { from: "2026-03-01".into(), to: "2026-01-01".into() },
            after_period: Period { from: "2026-04-01".into(), to: "2026-06-30".into() },
        }],
        ..EvaluationInput::default()
    };
    let problems = check(&input, "2026-07-01").expect_err("all wrong");
    let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        [
            "date",
            "carried_out",
            "verdict",
            "reached",
            "indicators[0].indicator",
            "indicators[0].before",
            "indicators[0].before_period"
        ]
    );
    assert!(problems[1].1.contains("kies uit: ja, deels, nee, gestopt"), "{problems:?}");
}
