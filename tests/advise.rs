//! The advisor: visit scenarios (an expert's expectation near the top), the promises every
//! answer keeps (level fits, reasons given, deterministic), and bad or conflicting answers.

use keuzehulp::Keuzehulp;
use keuzehulp::advisor::Answers;

use crate::util::Cli;
use crate::util::Run;

fn open() -> (tempfile::TempDir, Keuzehulp) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Keuzehulp::open(dir.path()).expect("opens");
    (dir, app)
}

fn answers(role: &str, level: Option<&str>, steps: &[&str], themes: &[&str], sector: Option<&str>) -> Answers {
    Answers {
        role: Some(role.into()),
        level: level.map(Into::into),
        steps: steps.iter().map(|s| s.to_string()).collect(),
        themes: themes.iter().map(|s| s.to_string()).collect(),
        sector: sector.map(Into::into),
        ..Answers::default()
    }
}

struct Scenario {
    situation: &'static str,
    answers: Answers,
    /// At least one of these must be in the top `n`.
    expected: &'static [&'static str],
    n: usize,
}

fn scenarios() -> Vec<Scenario> {
    let with = |mut a: Answers, f: &dyn Fn(&mut Answers)| {
        f(&mut a);
        a
    };
    vec![
        Scenario {
            situation: "teamleider in de zorg over werkdruk",
            answers: answers("leidinggevende", Some("team"), &["B2"], &["werkdruk"], Some("zorg-vvt")),
            expected: &["regelmogelijkheden-autonomie", "administratiedruk-verminderen", "merkbaar-beter"],
            n: 3,
        },
        Scenario {
            situation: "directie wil het taboe op psychische klachten doorbreken",
            answers: answers("werkgever", Some("organisatie"), &["B1"], &["taboe-stigma"], None),
            expected: &["bewustwordingscampagne-taboe", "samen-sterk-zonder-stigma", "indialoog"],
            n: 3,
        },
        Scenario {
            situation: "bedrijfsarts zoekt bewezen effectieve individuele ondersteuning",
            answers: with(answers("arboprofessional", Some("individu"), &["D"], &[], Some("zorg")), &|a| {
                a.min_evidence = Some("effectief".into())
            }),
            expected: &["pmo-psychische-gezondheid"],
            n: 1,
        },
        Scenario {
            situation: "HR wil pesten aanpakken",
            answers: answers("werkgever", Some("organisatie"), &[], &["ongewenste-omgangsvormen"], None),
            expected: &["pico", "gedragscode-ongewenste-omgangsvormen", "vertrouwenspersoon"],
            n: 3,
        },
        Scenario {
            situation: "werkgever met werkende mantelzorgers",
            answers: with(answers("werkgever", None, &[], &["mantelzorg-combinatiedruk"], None), &|a| {
                a.risk_group = Some("mantelzorgers".into())
            }),
            expected: &["mantelzorgvriendelijke-werkgever", "eigen-regie-model", "awvn-interventiekaart"],
            n: 3,
        },
        Scenario {
            situation: "zorgmedewerker met beginnende klachten zoekt waar hij terecht kan",
            answers: answers("medewerker", Some("individu"), &["C"], &["signaleren-klachten"], Some("zorg")),
            expected: &["open-spreekuur-bedrijfsarts", "training-psa-zorgmedewerkers", "huis-van-werkvermogen"],
            n: 5,
        },
        Scenario {
            situation: "bestuurder wil dat de directie het goede voorbeeld geeft",
            answers: answers("werkgever", Some("organisatie"), &["A"], &["leiderschap-cultuur"], Some("zorg")),
            expected: &["gezond-leiderschap", "impactmaker-prijs", "actie-leer-netwerk", "arboprofessional-preventie"],
            n: 3,
        },
        Scenario {
            situation: "leidinggevende wil klachten in het team eerder zien",
            answers: answers("leidinggevende", Some("team"), &["C"], &["signaleren-klachten"], None),
            expected: &["training-psa-leidinggevenden", "gespreksleidraad-werkstress", "teamcoach"],
            n: 3,
        },
        Scenario {
            situation: "team na een ingrijpende gebeurtenis",
            answers: answers("werkgever", Some("team"), &[], &["ingrijpende-gebeurtenissen"], Some("zorg")),
            expected: &["bedrijfsopvang-peer-support"],
            n: 1,
        },
        Scenario {
            situation: "schoolbestuur primair onderwijs over werkdruk",
            answers: answers("werkgever", None, &["B2"], &["werkdruk"], Some("onderwijs-po")),
            expected: &["werkdrukakkoord-po", "vervangingsfonds-voion"],
            n: 3,
        },
        Scenario {
            situation: "kleine werkgever zoekt gratis steun voor vitaliteitsbeleid",
            answers: with(
                answers("werkgever", Some("organisatie"), &[], &["duurzame-inzetbaarheid"], Some("ict")),
                &|a| a.free = true,
            ),
            expected: &["vitaal-bedrijf"],
            n: 3,
        },
        Scenario {
            situation: "arbeidsdeskundige wil een medewerker met psychische klachten aan het werk houden",
            answers: answers("arboprofessional", None, &[], &["werkbehoud"], None),
            expected: &[
                "werkplekonderzoek-arbeidsdeskundige",
                "tijdelijke-werkaanpassingen",
                "de-mentaal-gezonde-zaak",
            ],
            // These rest on the undated HAN article: grounded, but the least certain, so the
            // dated records on the same theme may come first.
            n: 4,
        },
        Scenario {
            situation: "werkgever moet PSA in de RI&E opnemen",
            answers: answers("werkgever", Some("organisatie"), &["A"], &["rie-beleid"], None),
            expected: &["rie", "route-naar-rie", "activerende-rie"],
            n: 3,
        },
        Scenario {
            situation: "startende verpleegkundigen lopen vast",
            answers: with(answers("leidinggevende", None, &["C"], &[], Some("zorg-ziekenhuis")), &|a| {
                a.risk_group = Some("jonge-professionals".into())
            }),
            expected: &["inwerktraject-jonge-professionals", "buddysysteem"],
            n: 3,
        },
        Scenario {
            situation: "arbodienst wil weten wat de organisatie mist (aanbod-scan)",
            answers: with(answers("arboprofessional", Some("team"), &[], &[], Some("zorg")), &|a| {
                a.have = vec!["pmo-psychische-gezondheid".into(), "open-spreekuur-bedrijfsarts".into()]
            }),
            expected: &[
                "intervisie",
                "dagopening-dagsluiting",
                "bedrijfsopvang-peer-support",
                "teamcoach",
                "werk-als-waarde",
            ],
            n: 5,
        },
    ]
}

#[test]
fn visit_scenarios_put_what_an_expert_expects_near_the_top() {
    let (_dir, app) = open();
    let mut failures = Vec::new();
    let all = scenarios();
    for s in &all {
        let advice = app.advise(&s.answers, 10).expect("advice");
        let top: Vec<&str> = advice.recommendations.iter().take(s.n).map(|r| r.id.as_str()).collect();
        if !s.expected.iter().any(|e| top.contains(e)) {
            let shown: Vec<&str> = advice.recommendations.iter().take(6).map(|r| r.id.as_str()).collect();
            failures.push(format!("{}: expected one of {:?} in top {}, got {shown:?}", s.situation, s.expected, s.n));
        }
    }
    assert!(failures.is_empty(), "{} of {} scenarios failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn every_recommendation_fits_the_level_and_gives_reasons() {
    let (_dir, app) = open();
    for s in scenarios() {
        let advice = app.advise(&s.answers, 20).expect("advice");
        assert!(!advice.recommendations.is_empty(), "{}: never empty", s.situation);
        for r in &advice.recommendations {
            assert!(!r.reasons.is_empty(), "{}: {} has reasons", s.situation, r.id);
            if let Some(level) = &s.answers.level {
                let record = app.intervention(&r.id).expect("exists");
                assert!(record.levels.contains(level), "{}: {} fits level {level}", s.situation, r.id);
            }
        }
    }
}

#[test]
fn the_same_answers_give_the_same_order() {
    let (_dir, app) = open();
    for s in scenarios() {
        let a = app.advise(&s.answers, 20).expect("advice");
        let b = app.advise(&s.answers, 20).expect("advice");
        assert_eq!(a, b, "{}", s.situation);
    }
}

#[test]
fn reasons_are_concrete_and_checkable() {
    let (_dir, app) = open();
    let advice =
        app.advise(&answers("leidinggevende", Some("team"), &["B2"], &["werkdruk"], None), 10).expect("advice");
    let first = &advice.recommendations[0];
    assert!(first.reasons.iter().any(|r| r == "helpt bij: hanteerbare werkdruk"), "{:?}", first.reasons);
    assert!(first.reasons.iter().any(|r| r == "gericht op teamniveau"), "{:?}", first.reasons);
    assert!(first.reasons.iter().any(|r| r == "voor leidinggevenden"), "{:?}", first.reasons);
    // The same reasons in English, in the same order, for the English interface.
    assert_eq!(first.reasons_en.len(), first.reasons.len());
    let at = |r: &str| first.reasons.iter().position(|x| x == r).expect("the reason");
    assert_eq!(first.reasons_en[at("helpt bij: hanteerbare werkdruk")], "helps with: manageable workload");
    assert_eq!(first.reasons_en[at("voor leidinggevenden")], "for team leaders");
    // In words a team leader uses: no codes of the leidraad's steps, in either language.
    for r in advice.recommendations.iter().flat_map(|r| r.reasons.iter().chain(&r.reasons_en).chain(&r.mismatches)) {
        assert!(!r.contains("stap B") && !r.contains("step B") && !r.contains("stap A"), "{r}");
    }
    let pmo = app
        .advise(&answers("arboprofessional", Some("individu"), &["D"], &[], None), 20)
        .expect("advice")
        .recommendations
        .into_iter()
        .find(|r| r.id == "pmo-psychische-gezondheid")
        .expect("pmo recommended");
    assert!(pmo.reasons.iter().any(|r| r == "effect aangetoond: Ketelaar e.a. (2013)"), "{:?}", pmo.reasons);
}

#[test]
fn the_leidraad_advice_for_the_step_and_role_comes_along() {
    let (_dir, app) = open();
    let advice = app.advise(&answers("leidinggevende", None, &["B2"], &[], None), 5).expect("advice");
    assert_eq!(advice.advice.len(), 1);
    assert_eq!((advice.advice[0].step.as_str(), advice.advice[0].role.as_str()), ("B2", "leidinggevende"));
    assert!(advice.advice[0].from_leidraad);
    assert!(advice.advice[0].text.to_lowercase().contains("administratie"), "{}", advice.advice[0].text);
    let b = app.advise(&answers("werkgever", None, &["B"], &[], None), 5).expect("advice");
    let steps: Vec<&str> = b.advice.iter().map(|a| a.step.as_str()).collect();
    assert_eq!(steps, ["B1", "B2"], "step B means B1 and B2");
}

#[test]
fn when_nothing_fits_exactly_the_nearest_come_with_the_mismatch_named() {
    let (_dir, app) = open();
    let mut a = answers("beleidsmaker", Some("individu"), &["A"], &["mantelzorg-combinatiedruk"], Some("ict"));
    a.min_evidence = Some("effectief".into());
    a.free = true;
    let advice = app.advise(&a, 5).expect("advice");
    assert!(!advice.recommendations.is_empty());
    assert!(!advice.exact);
    assert!(advice.notes.iter().any(|n| n.contains("Geen interventie past precies")), "{:?}", advice.notes);
    assert!(advice.recommendations.iter().all(|r| !r.mismatches.is_empty()));
    assert!(
        advice.notes.iter().any(|n| n.contains("Tegenstrijdig")),
        "conflicting answers are named: {:?}",
        advice.notes
    );
}

#[test]
fn the_aanbod_scan_shows_gaps_and_fills_them_first() {
    let (_dir, app) = open();
    let mut a = answers("werkgever", None, &[], &[], None);
    a.have = vec!["pmo-psychische-gezondheid".into(), "sterk-in-je-werk".into(), "geen-bestaand-id".into()];
    let advice = app.advise(&a, 5).expect("advice");
    let coverage = advice.coverage.expect("coverage");
    assert_eq!(coverage.cells.len(), 15);
    let cell = coverage.cells.iter().find(|c| c.level == "individu" && c.step == "D").expect("cell");
    assert!(cell.covered_by.contains(&"pmo-psychische-gezondheid".to_string()));
    assert!(coverage.gaps.contains(&("team".into(), "B1".into())), "team interventions are usually missing");
    assert_eq!(coverage.unknown, vec!["geen-bestaand-id".to_string()]);
    assert!(
        advice.recommendations.iter().all(|r| r.id != "pmo-psychische-gezondheid"),
        "offered ones are not recommended again"
    );
    assert!(
        advice.recommendations[0].reasons[0].starts_with("vult een gat in wat u al aanbiedt"),
        "{:?}",
        advice.recommendations[0].reasons
    );
}

#[test]
fn the_cli_prints_the_designed_shape_and_names_bad_values() {
    let cli = Cli::new();
    let value = cli.json(&[
        "advise",
        "--role",
        "leidinggevende",
        "--level",
        "team",
        "--step",
        "B2",
        "--theme",
        "werkdruk",
        "--limit",
        "3",
    ]);
    let first = &value["recommendations"][0];
    for field in ["id", "name", "score", "reasons"] {
        assert!(first.get(field).is_some(), "recommendation has {field}");
    }
    assert_eq!(value["recommendations"].as_array().expect("array").len(), 3);
    assert_eq!(value["advice"][0]["step"], "B2");
    assert!(value["advice"][0]["text"].as_str().is_some_and(|t| !t.is_empty()));
    let coverage = cli.json(&["advise", "--role", "werkgever", "--have", "pico,intervisie"]);
    assert!(coverage["coverage"]["gaps"].as_array().is_some_and(|g| !g.is_empty()));
    for (flag, value, allowed) in [
        ("--role", "astronaut", "beleidsmaker, werkgever"),
        ("--level", "galaxy", "individu, team, organisatie"),
        ("--step", "Z", "A, B1, B2, C, D"),
        ("--theme", "ruimtevaart", "werkdruk"),
        ("--sector", "maan", "zorg"),
    ] {
        let mut args = vec!["advise", "--role", "werkgever"];
        if flag == "--role" {
            args = vec!["advise"];
        }
        args.extend([flag, value]);
        let out = cli.cmd().args(&args).run();
        assert_eq!(out.status.code(), Some(1), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("\"{value}\"")) && err.contains(allowed), "{flag}: {err}");
    }
}

#[test]
fn the_tree_has_the_four_ways_in_and_skippable_questions() {
    let cli = Cli::new();
    let tree = cli.json(&["tree"]);
    let entries: Vec<&str> =
        tree["entries"].as_array().expect("entries").iter().filter_map(|e| e["question"].as_str()).collect();
    assert_eq!(
        entries,
        [
            "Hoe houd ik mijn organisatie mentaal gezond?",
            "Hoe voorkom ik werkstress bij mijn team?",
            "Bij wie kan ik terecht met mijn zorgen?",
            "Hoe organiseer ik de juiste ondersteuning?"
        ]
    );
    let questions = tree["questions"].as_array().expect("questions");
    let answers: Vec<&str> = questions.iter().filter_map(|q| q["answer"].as_str()).collect();
    for wanted in ["role", "level", "steps", "themes", "sector", "risk_group", "min_evidence", "free", "max_time"] {
        assert!(answers.contains(&wanted), "the tree asks for {wanted}");
    }
    assert!(questions.iter().all(|q| q["skippable"] == true));
    let role = questions.iter().find(|q| q["answer"] == "role").expect("role question");
    assert_eq!(role["options"].as_array().expect("options").len(), 5);
}

#[test]
fn the_workers_question_leads_with_people_and_services_a_worker_can_turn_to() {
    let cli = Cli::new();
    let ids = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["advise", "--role", "medewerker", "--level", "individu", "--step", "C", "--limit", "8"];
        args.extend_from_slice(extra);
        let advice = cli.json(&args);
        advice["recommendations"]
            .as_array()
            .expect("recommendations")
            .iter()
            .filter_map(|r| r["id"].as_str().map(str::to_string))
            .collect()
    };
    let lead = ["open-spreekuur-bedrijfsarts", "vertrouwenspersoon", "buddysysteem", "anonieme-e-healthregeling"];
    // Through "Bij wie kan ik terecht met mijn zorgen?": those four first, whatever else fits.
    let asked = ids(&["--entry", "zorgen-terecht"]);
    let mut first: Vec<&str> = asked.iter().take(4).map(String::as_str).collect();
    first.sort_unstable();
    let mut expected = lead.to_vec();
    expected.sort_unstable();
    assert_eq!(first, expected, "{asked:?}");
    // A worker asking for themself without that way in still gets the people to turn to
    // before the Huis van Werkvermogen (a model for employers): who a record is for counts.
    let plain = ids(&[]);
    let mut first: Vec<&str> = plain.iter().take(4).map(String::as_str).collect();
    first.sort_unstable();
    assert_eq!(first, expected, "{plain:?}");
    let model = plain.iter().position(|x| x == "huis-van-werkvermogen").expect("the model still comes");
    assert!(model >= 4, "{plain:?}");
    // The way in weighs more than the role alone: the same records, further ahead.
    let score = |extra: &[&str], id: &str| -> i64 {
        let mut args = vec!["advise", "--role", "medewerker", "--level", "individu", "--step", "C"];
        args.extend_from_slice(extra);
        let advice = cli.json(&args);
        let recs = advice["recommendations"].as_array().expect("recommendations").clone();
        recs.iter().find(|r| r["id"] == id).and_then(|r| r["score"].as_i64()).expect("scored")
    };
    assert!(score(&["--entry", "zorgen-terecht"], "buddysysteem") > score(&[], "buddysysteem"));
    // Another role asking has no such list: a team leader's top is not the worker's people.
    let leader =
        cli.json(&["advise", "--role", "leidinggevende", "--level", "individu", "--step", "C", "--limit", "4"]);
    let reasons = leader["recommendations"].to_string();
    assert!(!reasons.contains("hier kunt u zelf terecht"), "{reasons}");
    // An unknown way in is named with the ones there are.
    let out = cli.cmd().args(["advise", "--role", "medewerker", "--entry", "zorgen"]).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && stderr.contains("zorgen-terecht"), "{stderr}");
}

#[test]
fn the_workers_way_in_answers_bij_wie_first_in_text_and_gives_the_leads_with_the_tree() {
    let cli = Cli::new();
    let text = |args: &[&str]| {
        let out = cli.cmd().args(args).run();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let worker = text(&["advise", "--role", "medewerker", "--entry", "zorgen-terecht"]);
    let (leads, rest) = worker.split_once("\nInterventies:\n").expect("the leads, then the interventions");
    assert!(leads.starts_with("Bij wie kunt u terecht?"), "{worker}");
    for who in [
        "Hebt u nu dringend hulp nodig?",
        "Uw collega's",
        "Uw leidinggevende",
        "Het open spreekuur van de bedrijfsarts",
        "De vertrouwenspersoon",
        "De huisarts",
    ] {
        assert!(leads.contains(&format!("\n  {who}\n")), "{who}: {leads}");
    }
    // Urgent help comes first, from a named public source.
    let urgent = leads.split("\n  Uw collega's\n").next().expect("before the colleagues");
    assert!(urgent.contains("Bel dan 113 of 0800-0113"), "{urgent}");
    assert!(
        urgent.contains("Bron: 113 Zelfmoordpreventie (stichting), www.113.nl")
            && urgent.contains("(https://www.113.nl)")
    );
    // Each person leads with what to do; the manager need not hear what is wrong.
    let manager = leads.split("\n  Uw leidinggevende\n").nth(1).expect("manager");
    assert!(manager.trim_start().starts_with("Maak een afspraak met uw leidinggevende."), "{manager}");
    assert!(manager.contains("U hoeft uw leidinggevende niet te vertellen wat u mankeert."), "{manager}");
    let physician = leads.split("\n  Het open spreekuur van de bedrijfsarts\n").nth(1).expect("physician");
    assert!(physician.trim_start().starts_with("Maak een afspraak bij het open spreekuur"), "{physician}");
    assert!(!leads.contains("Praat op tijd met uw leidinggevende over uw klachten"), "{leads}");
    // Each fact with its source; where the sources are silent, it says so.
    assert!(leads.contains("Bron: Mentale klachten voorkomen bij zorgmedewerkers"), "{leads}");
    assert!(leads.contains("Meer: keuzehulp show open-spreekuur-bedrijfsarts"), "{leads}");
    assert!(leads.contains("niet bekend"), "{leads}");
    assert!(rest.contains("open-spreekuur-bedrijfsarts"), "{rest}");
    // Another way in, or none, has no such list; JSON stays the advice alone.
    let leader = text(&["advise", "--role", "leidinggevende", "--entry", "werkstress-team"]);
    assert!(!leader.contains("Bij wie kunt u terecht?"), "{leader}");
    let json = cli.json(&["advise", "--role", "medewerker", "--entry", "zorgen-terecht"]);
    assert!(json.get("recommendations").is_some() && json.get("worker").is_none());
    // The window gets the leads with the tree, in both languages, each with its sources.
    let tree = cli.json(&["tree"]);
    let people = tree["worker"].as_array().expect("worker");
    assert_eq!(people.len(), 6);
    for p in people {
        assert_eq!(p["text"].as_array().map(Vec::len), p["text_en"].as_array().map(Vec::len), "{p}");
    }
    assert_eq!(people[0]["id"], "dringend");
    assert_eq!(people[0]["sources"][0]["document"], "web");
    assert_eq!(people[1]["id"], "collegas");
    assert_eq!(people[3]["record"], "open-spreekuur-bedrijfsarts");
    assert_eq!(people[3]["sources"][0]["document"], "leidraad");
}

#[test]
fn validate_checks_the_workers_page_as_the_build_does() {
    let dir = crate::util::copy_of_data();
    let path = dir.path().join("worker.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("record = \"vertrouwenspersoon\"", "record = \"nergens\"")).expect("write");
    let out = Cli::new().cmd().arg("validate").arg(dir.path()).run();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("worker.toml:people[4] (vertrouwenspersoon).record: er is geen interventie met id \"nergens\""),
        "{stderr}"
    );
}

/// How well founded a record's evidence is on the day asked: (level rank, certainty), where a
/// dated judgement that holds is 2, a lapsed one 1 and an undated one 0.
fn founded(app: &Keuzehulp, id: &str) -> (u8, u8) {
    let shown = app.show(id).expect("shown").to_json().expect("json");
    let e = &shown["evidence"];
    let level = match e["level"].as_str() {
        Some("effectief") => 3,
        Some("onderbouwd") => 2,
        Some("praktijkvoorbeeld") => 1,
        _ => 0,
    };
    let dated = e["assessed_on"].as_str().is_some() || e["valid_until"].as_str().is_some();
    let certainty = if e["lapsed"] == true {
        1
    } else if dated {
        2
    } else {
        0
    };
    (level, certainty)
}

#[test]
fn after_the_2021_judgements_lapse_no_undated_or_lapsed_record_jumps_above_a_better_founded_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Keuzehulp::open(dir.path()).expect("opens");
    let order = |app: &Keuzehulp, a: &Answers| -> Vec<String> {
        app.advise(a, 200).expect("advice").recommendations.into_iter().map(|r| r.id).collect()
    };
    let mut jumps = Vec::new();
    let mut lapsed_seen = 0;
    for s in scenarios() {
        app.set_today("2026-12-06").expect("a day");
        let before = order(&app, &s.answers);
        app.set_today("2027-01-02").expect("a day");
        let after = order(&app, &s.answers);
        let place = |list: &[String], id: &str| list.iter().position(|x| x == id);
        for (i, a) in after.iter().enumerate() {
            let fa = founded(&app, a);
            if fa.1 == 2 {
                continue;
            }
            lapsed_seen += usize::from(fa.1 == 1);
            for b in &after[i + 1..] {
                let fb = founded(&app, b);
                let better = fb.0 >= fa.0 && fb.1 >= fa.1 && fb != fa;
                let was_above = matches!((place(&before, b), place(&before, a)), (Some(pb), Some(pa)) if pb < pa);
                if better && was_above {
                    jumps.push(format!("{}: {a} {fa:?} jumped above {b} {fb:?}", s.situation));
                }
            }
        }
    }
    assert!(lapsed_seen > 0, "on 2027-01-02 the 2021 judgements have lapsed");
    assert!(jumps.is_empty(), "{}", jumps.join("\n"));
}

#[test]
fn an_undated_judgement_weighs_least_and_a_lapsed_one_keeps_its_label_and_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = Keuzehulp::open(dir.path()).expect("opens");
    app.set_today("2027-01-02").expect("a day");
    // The arbeidsdeskundige's question: the PMO (effect shown, judged 2021, now lapsed) and the
    // records resting on the undated HAN article.
    let a = answers("arboprofessional", Some("individu"), &[], &["werkbehoud", "signaleren-klachten"], None);
    let advice = app.advise(&a, 200).expect("advice");
    let rec = |id: &str| advice.recommendations.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("{id}"));
    let pmo = rec("pmo-psychische-gezondheid");
    assert!(pmo.evidence_lapsed);
    let said = pmo.reasons.join(" | ");
    assert!(said.contains("effect aangetoond: Ketelaar e.a. (2013)"), "{said}");
    assert!(said.contains("beoordeling verlopen (bewijs beoordeeld in 2021; ouder dan vijf jaar)"), "{said}");
    let han = rec("werkplekonderzoek-arbeidsdeskundige");
    assert!(!han.evidence_lapsed, "an undated judgement is not called lapsed");
    assert!(han.reasons.join(" | ").contains("beoordeling zonder datum"), "{:?}", han.reasons);
}

/// The leidraad's own advice for the asker at the chosen step leads, in its own order: a
/// board in mental-health care at step A first gets what the leidraad advises employers
/// there, not a good practice or a manifesto merely tagged with the step.
#[test]
fn the_leidraads_own_advice_for_the_asker_and_step_leads() {
    let (_dir, app) = open();
    let guide = app.steps().iter().find(|g| g.step == "A").expect("step A");
    let advice = guide.advice.iter().find(|a| a.role == "werkgever" && a.from_leidraad).expect("advice");
    for sector in [Some("zorg-ggz"), Some("zorg"), None] {
        let got = app.advise(&answers("werkgever", Some("organisatie"), &["A"], &[], sector), 10).expect("advice");
        let ids: Vec<&str> = got.recommendations.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids[0], advice.interventions[0], "{sector:?}: the leidraad's first advice first, got {ids:?}");
        // Every record the advice names and the record gives step A for comes before every
        // record it does not name.
        let named_with_step: Vec<&str> = got
            .recommendations
            .iter()
            .filter(|r| advice.interventions.contains(&r.id) && r.steps.iter().any(|s| s == "A"))
            .map(|r| r.id.as_str())
            .collect();
        assert!(named_with_step.len() >= 3, "{sector:?}: {ids:?}");
        let last_named = ids.iter().rposition(|id| named_with_step.contains(id)).expect("named");
        let first_other = ids.iter().position(|id| !advice.interventions.iter().any(|n| n == id)).expect("others");
        assert!(last_named < first_other, "{sector:?}: named {named_with_step:?} must lead, got {ids:?}");
        // A named record whose own steps do not include A is not told it "does not help".
        let pmo = got.recommendations.iter().find(|r| r.id == "pmo-psychische-gezondheid").expect("PMO listed");
        assert!(pmo.mismatches.is_empty(), "{:?}", pmo.mismatches);
        assert!(pmo.reasons.iter().any(|r| r.contains("de leidraad raadt het werkgevers")), "{:?}", pmo.reasons);
    }
}

/// A team leader asking about burn-out at team level, where no record is about it, is told
/// so and where such records are, instead of getting records about something else as if
/// they were the answer.
#[test]
fn a_theme_nothing_at_the_level_is_about_is_named_with_the_levels_where_it_is() {
    let (_dir, app) = open();
    let got =
        app.advise(&answers("leidinggevende", Some("team"), &["B1", "B2"], &["burn-out"], None), 10).expect("advice");
    let note = got.notes.iter().find(|n| n.contains("burn-out")).unwrap_or_else(|| panic!("{:?}", got.notes));
    assert!(note.starts_with("Op teamniveau gaat niets in de catalogus over burn-out"), "{note}");
    assert!(note.contains("organisatieniveau") && note.contains("individueel niveau"), "{note}");
    let en = got.notes_en.iter().find(|n| n.contains("burnout")).expect("English note");
    assert!(en.starts_with("At team level nothing in the catalogue is about burnout"), "{en}");
    // At a level where records about it exist, no such note.
    let org =
        app.advise(&answers("leidinggevende", Some("organisatie"), &[], &["burn-out"], None), 10).expect("advice");
    assert!(!org.notes.iter().any(|n| n.contains("gaat niets in de catalogus over")), "{:?}", org.notes);
    assert!(org.recommendations[0].themes.iter().any(|t| t == "burn-out"), "{:?}", org.recommendations[0].id);
}

/// `advise --entry` asks the tree the way the window does: the way in fills the role, level
/// and steps the user did not give, several steps may be given, and a flag given wins.
#[test]
fn the_command_line_takes_a_way_ins_presets_and_several_steps() {
    let cli = Cli::new();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["advise", "--limit", "8"];
        all.extend(args);
        let value = cli.json(&all);
        value["recommendations"]
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    let by_entry = ids(&["--entry", "werkstress-team"]);
    let spelled_out =
        ids(&["--entry", "werkstress-team", "--role", "leidinggevende", "--level", "team", "--step", "B2,B1"]);
    assert_eq!(by_entry, spelled_out, "the entry's presets are used");
    assert_ne!(by_entry, ids(&["--role", "leidinggevende"]), "without the presets the list differs");
    assert_eq!(
        ids(&["--role", "werkgever", "--step", "A", "--step", "D"]),
        ids(&["--role", "werkgever", "--step", "A,D"])
    );
    let advice = cli.json(&["advise", "--entry", "werkstress-team"]);
    let steps: Vec<&str> =
        advice["advice"].as_array().expect("advice").iter().filter_map(|a| a["step"].as_str()).collect();
    assert_eq!(steps, ["B1", "B2"], "the leidraad's advice for both preset steps");
    // A flag given wins over the preset.
    let org = cli.json(&["advise", "--entry", "werkstress-team", "--level", "organisatie", "--limit", "5"]);
    for r in org["recommendations"].as_array().expect("array") {
        assert!(r["levels"].as_array().expect("levels").iter().any(|l| l == "organisatie"), "{r}");
    }
    // The stored answers of a dossier are those the advice used.
    let id = cli.json(&["dossier", "new", "--org", "Zorggroep Oost"])["id"].as_str().expect("id").to_string();
    let stored = cli.json(&["dossier", "answer", &id, "--entry", "werkstress-team"]);
    assert_eq!(stored["answers"]["role"], "leidinggevende");
    assert_eq!(stored["answers"]["steps"], serde_json::json!(["B2", "B1"]));
    // No role and no way in; an unknown way in.
    let out = cli.cmd().args(["advise", "--level", "team"]).run();
    assert_eq!(out.status.code(), Some(2), "a usage error: {}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--role"));
    let out = cli.cmd().args(["advise", "--entry", "ruimtevaart"]).run();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(1) && err.contains("\"ruimtevaart\"") && err.contains("werkstress-team"),
        "{err}"
    );
}
