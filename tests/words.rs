//! Search in the words people use (issue #15): everyday Dutch and synonyms through the
//! thesaurus, English, questions and sentences, "Bedoelde u …?", "gevonden via", and the
//! judged query set in tests/search/queries.toml.

use keuzehulp::Keuzehulp;
use keuzehulp::search::relevance;
use keuzehulp::search::{Filters, SearchResult};

use crate::util::Cli;
use crate::util::Run;

fn open() -> (tempfile::TempDir, Keuzehulp) {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = Keuzehulp::open(dir.path()).expect("opens");
    (dir, app)
}

fn search(app: &mut Keuzehulp, q: &str) -> SearchResult {
    app.search(q, &Filters::default(), 10).expect("search")
}

fn top(result: &SearchResult, n: usize) -> Vec<&str> {
    result.hits.iter().take(n).map(|h| h.id.as_str()).collect()
}

#[test]
fn words_the_records_do_not_contain_find_them_through_the_thesaurus() {
    let (_dir, mut app) = open();
    // (query, a record expected in the first five)
    let cases = [
        ("opgebrand", "burnout-assessment-tool"),
        ("emotioneel uitgeput", "burnout-assessment-tool"),
        ("harassment", "vertrouwenspersoon"),
        ("harassment", "gedragscode-ongewenste-omgangsvormen"),
        ("workplace bullying", "vertrouwenspersoon"),
        // A record about burn-out. The instrument that measures it was among the first five
        // while a word counted in full in every field; since it counts as its best field,
        // records about prevention come before it.
        ("burnout prevention", "nip-whitepaper-burn-out"),
        // A word of the thesaurus that no record holds; its wider group (burn-out) does.
        ("uitgeblust", "burnout-assessment-tool"),
    ];
    let mut failures = Vec::new();
    for (q, id) in cases {
        let result = search(&mut app, q);
        if !top(&result, 5).contains(&id) {
            failures.push(format!("{q:?}: expected {id} in the first five, got {:?}", top(&result, 5)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_record_found_through_a_synonym_says_which() {
    let (_dir, mut app) = open();
    let result = search(&mut app, "opgebrand");
    let hit = result.hits.iter().find(|h| h.id == "nip-whitepaper-burn-out").expect("found");
    assert!(
        hit.via.iter().any(|v| v.from == "opgebrand" && v.to.to_lowercase().starts_with("burn")),
        "via: {:?}",
        hit.via
    );
    // A record that holds the typed word itself is not "found via" anything.
    let result = search(&mut app, "burn-out");
    let hit = result.hits.iter().find(|h| h.id == "burnout-assessment-tool").expect("found");
    assert!(hit.via.is_empty(), "via: {:?}", hit.via);
}

#[test]
fn a_synonym_counts_for_less_than_the_word_as_typed() {
    let (_dir, mut app) = open();
    // "gedragscode" is the record's own word; the thesaurus's wider words must not push
    // records that only hold those above it.
    let result = search(&mut app, "gedragscode");
    assert_eq!(top(&result, 1), ["gedragscode-ongewenste-omgangsvormen"]);
}

#[test]
fn a_question_is_reduced_to_the_words_that_carry_it() {
    let (_dir, mut app) = open();
    // The same words without the question's (who asks, a team leader, stays in both).
    let short = search(&mut app, "gepest op mijn afdeling");
    let question = search(&mut app, "Wat kan ik doen als iemand op mijn afdeling gepest wordt?");
    assert!(!short.hits.is_empty());
    assert_eq!(top(&question, 3)[..1], top(&short, 3)[..1], "the question finds what its meaning finds");
    // A query of nothing but question words still asks something.
    assert!(search(&mut app, "bij wie kan ik terecht").total > 0);
}

#[test]
fn english_words_never_become_the_records_text() {
    let (_dir, mut app) = open();
    let result = search(&mut app, "harassment");
    for hit in &result.hits {
        assert!(!hit.name.to_lowercase().contains("harassment") || hit.id == "iao-verdrag-190", "{}", hit.name);
        for via in &hit.via {
            assert_ne!(via.to, "harassment");
        }
    }
}

#[test]
fn a_misspelt_word_gets_a_did_you_mean() {
    let (_dir, mut app) = open();
    for (typed, meant) in
        [("harasment", "harassment"), ("vertrouwenspesoon", "vertrouwenspersoon"), ("overspanen", "overspannen")]
    {
        let result = search(&mut app, typed);
        assert_eq!(result.suggestion.as_deref(), Some(meant), "{typed}");
    }
    // Known words get no suggestion.
    assert_eq!(search(&mut app, "werkdruk").suggestion, None);
    assert_eq!(search(&mut app, "opgebrand").suggestion, None);
}

#[test]
fn the_cli_says_did_you_mean_and_found_via() {
    let cli = Cli::new();
    let out = cli.cmd().args(["search", "harasment"]).run();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Bedoelde u: harassment?"), "{text}");
    let out = cli.cmd().args(["search", "opgebrand"]).run();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("gevonden via: opgebrand →"), "{text}");
    let out = cli.cmd().args(["search", "opgebrand", "--json"]).run();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(json["hits"][0]["via"].is_array(), "{json}");
    assert!(json.get("suggestion").is_some(), "{json}");
}

#[test]
fn a_separable_verb_split_over_a_sentence_meets_its_word() {
    let (_dir, mut app) = open();
    // "wegpesten" is in the thesaurus's group for bullying; "uitval" in the records.
    let bullied = search(&mut app, "ze pesten hem weg");
    let joined = search(&mut app, "wegpesten");
    assert_eq!(top(&bullied, 3), top(&joined, 3), "the split verb finds what the joined one finds");
    assert!(top(&bullied, 3).contains(&"vertrouwenspersoon"), "{:?}", top(&bullied, 3));
    let excluded = search(&mut app, "twee collega's sluiten haar steeds buiten");
    assert!(top(&excluded, 5).contains(&"pico"), "buitensluiten: {:?}", top(&excluded, 5));
    let out = search(&mut app, "ik val bijna uit");
    let joined = search(&mut app, "uitval");
    assert!(top(&out, 5).contains(&top(&joined, 1)[0]), "{:?} / {:?}", top(&out, 5), top(&joined, 1));
}

#[test]
fn worries_do_not_lead_to_the_care_sector() {
    let (_dir, mut app) = open();
    let result = search(&mut app, "Bij wie kan ik terecht met mijn zorgen?");
    // "zorgen" (worries) is not widened with the care sector's words.
    for hit in &result.hits {
        assert!(hit.via.iter().all(|v| v.from != "zorgen" || !v.to.starts_with("zorg")), "{}: {:?}", hit.id, hit.via);
    }
    let care_only = ["extra-handen-voor-de-zorg", "nationale-zorgklas", "ontregel-de-zorg", "actie-leer-netwerk"];
    assert!(top(&result, 3).iter().all(|id| !care_only.contains(id)), "{:?}", top(&result, 3));
}

#[test]
fn the_leidraads_own_question_in_other_words_opens_its_way_in() {
    let (_dir, mut app) = open();
    let people = ["open-spreekuur-bedrijfsarts", "vertrouwenspersoon", "buddysysteem", "anonieme-e-healthregeling"];
    for q in [
        "Bij wie kan ik terecht met mijn zorgen?",
        "met wie kan ik praten over wat me dwarszit op het werk",
        "Who can I turn to with my worries?",
    ] {
        let result = search(&mut app, q);
        assert_eq!(result.way_in.as_deref(), Some("zorgen-terecht"), "{q}");
        let mut first = top(&result, 4);
        first.sort_unstable();
        let mut expected = people.to_vec();
        expected.sort_unstable();
        assert_eq!(first, expected, "{q}: the people a worker can turn to come first");
        assert!(result.hits.iter().all(|h| h.score < 1_000.0), "{q}: a score as the words give it");
    }
    // The other ways in are recognised too, but put nothing first (they lead with no records).
    let team = search(&mut app, "hoe voorkom ik werkstress bij mijn team");
    assert_eq!(team.way_in.as_deref(), Some("werkstress-team"));
    // Words of the question without the question are a search like any other.
    for q in ["zorgen over werkdruk", "terecht", "praten met collega's", "wie kan ik"] {
        assert_eq!(search(&mut app, q).way_in, None, "{q}");
    }
    // The filters still hold for the records put first.
    let filters = Filters { level: Some("organisatie".into()), ..Filters::default() };
    let filtered = app.search("bij wie kan ik terecht met mijn zorgen", &filters, 10).expect("search");
    for hit in &filtered.hits {
        assert!(hit.levels.iter().any(|l| l == "organisatie"), "{}: {:?}", hit.id, hit.levels);
    }
}

#[test]
fn a_word_only_one_record_holds_also_brings_its_wider_groups_records_after_it() {
    let (_dir, mut app) = open();
    // "overwerken" is in one record's text; overtime is a form of workload (thesaurus group
    // overwerk, broader werkdruk): the records about workload follow it, found through it.
    let result = search(&mut app, "overwerken");
    assert_eq!(top(&result, 1), ["inwerktraject-jonge-professionals"], "the record holding the word stays first");
    assert!(result.total >= 5, "{} records", result.total);
    let through_workload = result.hits.iter().filter(|h| h.via.iter().any(|v| v.to == "werkdruk")).count();
    assert!(through_workload >= 3, "{:?}", result.hits.iter().map(|h| (&h.id, &h.via)).collect::<Vec<_>>());
    // A word many records hold is not widened: its own records are answer enough.
    let plenty = search(&mut app, "werkdruk");
    assert!(plenty.hits.iter().all(|h| h.via.iter().all(|v| v.to != "psychosociale arbeidsbelasting")), "{plenty:?}");
}

#[test]
fn an_english_term_is_found_whichever_small_words_join_it() {
    let (_dir, mut app) = open();
    // "return to work" is an English term of the re-integration group; "to" only joins.
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/thesaurus.toml"))
        .expect("the thesaurus is in the repository");
    let groups = keuzehulp::search::thesaurus::parse(&text).expect("parses");
    let group = groups.iter().find(|g| g.id == "re-integratie").expect("a group for re-integration");
    let dutch: Vec<String> = group.dutch().map(str::to_lowercase).collect();
    for q in ["return to work", "returning to work", "return back to work"] {
        let result = search(&mut app, q);
        let to: Vec<&str> = result.hits.iter().flat_map(|h| h.via.iter().map(|v| v.to.as_str())).collect();
        assert!(!to.is_empty() && to.iter().all(|t| dutch.contains(&t.to_lowercase())), "{q}: {to:?}");
    }
    // A term that would keep one word only is not that word alone: "talk about" is not every
    // "talk".
    let talk = search(&mut app, "talk");
    assert!(talk.hits.iter().all(|h| h.via.iter().all(|v| v.from != "talk")), "{talk:?}");
}

#[test]
fn a_narrower_word_whose_own_group_no_record_names_reaches_the_wider_group() {
    let (_dir, mut app) = open();
    // "slaappillen" (sleeping pills) is a narrower word of sleeping badly, which no record
    // names; sleeping badly is a form of stress, which records do name.
    let result = search(&mut app, "slaappillen");
    assert!(result.total > 0, "{result:?}");
    assert!(result.hits.iter().all(|h| !h.via.is_empty()), "found through the thesaurus: {result:?}");
}

#[test]
fn a_sentence_told_by_a_team_leader_puts_the_records_for_team_leaders_higher() {
    let (_dir, mut app) = open();
    // The same words, once from someone who speaks of "my team": the records meant for team
    // leaders gain, the others stay where the words put them.
    let told = search(&mut app, "mijn team heeft het zwaar");
    let plain = search(&mut app, "het team heeft het zwaar");
    let mut checked = 0;
    for hit in &told.hits {
        let Some(before) = plain.hits.iter().find(|h| h.id == hit.id) else { continue };
        let for_leaders = app.show(&hit.id).expect("a record").record.roles.iter().any(|r| r == "leidinggevende");
        let gain = hit.score - before.score;
        assert!(if for_leaders { gain > 1.0 } else { gain.abs() < 0.01 }, "{}: {gain}", hit.id);
        checked += 1;
    }
    assert!(checked >= 5, "{checked}");
}

#[test]
fn what_one_can_act_on_comes_before_a_manifesto_on_the_same_words() {
    let (_dir, mut app) = open();
    let kind = |app: &Keuzehulp, id: &str| app.show(id).expect("a record").record.kind;
    // A guide and a manifesto both carry "burn-out" in their name: the guide, something to
    // act on, comes first.
    let found = search(&mut app, "burn-out");
    let place = |id: &str| found.hits.iter().position(|h| h.id == id).unwrap_or_else(|| panic!("{id}: {found:?}"));
    assert!(place("nip-whitepaper-burn-out") < place("manifest-blinde-vlek-burn-out"), "{:?}", top(&found, 5));
    assert_eq!(kind(&app, "manifest-blinde-vlek-burn-out"), "campagne");
    assert_eq!(kind(&app, "nip-whitepaper-burn-out"), "handreiking");
    // It only weighs where the words fit alike: asked for a manifesto, the manifestos lead.
    let manifests = search(&mut app, "manifest");
    for hit in manifests.hits.iter().take(2) {
        assert_eq!(kind(&app, &hit.id), "campagne", "{:?}", top(&manifests, 5));
    }
}

#[test]
fn the_second_reading_s_wrong_senses_stay_fixed() {
    let text = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/thesaurus.toml"))
        .expect("the thesaurus is in the repository");
    let groups = keuzehulp::search::thesaurus::parse(&text).expect("parses");
    let words_of = |id: &str| -> Vec<String> {
        let group = groups.iter().find(|g| g.id == id).unwrap_or_else(|| panic!("no group {id}"));
        group.dutch().map(str::to_lowercase).collect()
    };
    let (_dir, mut app) = open();
    // (query, a typed word, the group it must not be widened to): the second reading of the
    // thesaurus (data/README.md) found each sending a searcher to another meaning.
    let cases = [
        // Not letting go of work is rumination, not a critical incident.
        ("ik kan het werk 's avonds niet loslaten", "loslaten", "ingrijpende-gebeurtenis"),
        // A worker's GP is not a junior doctor.
        ("huisarts", "huisarts", "arts-in-opleiding"),
        // A care organisation's supervisory board is not the labour inspectorate.
        ("raad van toezicht", "toezicht", "inspectie-szw"),
        // Vitaal Bedrijf's scan looks at the employer's policy, not at workers' health.
        ("oriëntatiescan", "scan", "screening"),
        // The re-integration plan is not the RI&E's.
        ("plan van aanpak na ziekmelding", "plan van aanpak", "rie"),
        // Science is not the university sector.
        ("wetenschap", "wetenschap", "universiteit"),
        // Colleagues' support in general is not the peer support after an incident.
        ("collegiale ondersteuning", "collegiale ondersteuning", "collegiale-opvang"),
        // Employers and workers are not their organisations (cao partners).
        ("wat kunnen werkgevers en werknemers doen", "werkgevers en werknemers", "sociale-partners"),
        // The everyday-language pass's second reading: something drastic that happened is not
        // "ingrijpen" (stepping in) when complaints are noticed.
        ("ik heb iets ingrijpends meegemaakt", "ingrijpend", "signaleren"),
        // A colleague's suicide is a critical incident, not the worker's own thoughts of it.
        ("zelfmoord van een collega", "zelfmoord van een collega", "suicidaliteit"),
    ];
    let mut failures = Vec::new();
    for (query, from, wrong) in cases {
        let wrong_words = words_of(wrong);
        let result = search(&mut app, query);
        for hit in &result.hits {
            for via in hit.via.iter().filter(|v| v.from.contains(from)) {
                if wrong_words.contains(&via.to.to_lowercase()) {
                    failures.push(format!("{query:?}: {} via {} → {} ({wrong})", hit.id, via.from, via.to));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The scan still finds the record that names it.
    assert_eq!(top(&search(&mut app, "oriëntatiescan"), 1), ["vitaal-bedrijf"]);
}

#[test]
fn a_name_typed_run_together_finds_its_record() {
    let (_dir, mut app) = open();
    let result = search(&mut app, "huisvanwerkvermogen");
    assert_eq!(top(&result, 1), ["huis-van-werkvermogen"]);
    assert_eq!(result.suggestion, None);
}

#[test]
fn an_abbreviation_with_a_sign_is_not_another_abbreviation() {
    let (_dir, mut app) = open();
    // P&O is personnel (HR); PO is primary education.
    let hr = search(&mut app, "P&O");
    assert!(!top(&hr, 3).contains(&"werkdrukakkoord-po"), "{:?}", top(&hr, 3));
    let po = search(&mut app, "PO");
    assert_eq!(top(&po, 1), ["werkdrukakkoord-po"]);
}

#[test]
fn a_situation_told_in_people_s_own_words_meets_the_situations_of_its_record() {
    let (_dir, mut app) = open();
    // data/situations.toml tells per record, in its audiences' words, what it helps with.
    // Without it, "intimideert" met only the records about bullying policy (a programme, a
    // code of conduct) and the confidential counsellor came fourth or later; "lopen weg"
    // (staff leaving) met nothing of the record on keeping care staff; "anderen die ook
    // opgebrand zijn" met only the records about burn-out, not the peer groups.
    let result = search(&mut app, "mijn chef intimideert mij");
    assert_eq!(top(&result, 1), ["vertrouwenspersoon"], "{:?}", top(&result, 5));
    let result = search(&mut app, "onze verpleegkundigen lopen weg");
    assert_eq!(top(&result, 1), ["merkbaar-beter"], "{:?}", top(&result, 5));
    let result = search(&mut app, "ik zoek anderen die ook opgebrand zijn");
    assert!(top(&result, 3).contains(&"mind-lotgenotencontact"), "{:?}", top(&result, 5));
}

#[test]
fn a_teacher_s_situation_puts_records_for_schools_or_everyone_before_those_for_care() {
    let (_dir, mut app) = open();
    // "leraar" and "docenten" name the education sector through the thesaurus; a record for
    // care only is for someone else. Without the sector counted, a training for care team
    // leaders came third for both.
    for q in ["ik ben leraar en heb te veel werk", "docenten met te veel werk"] {
        let result = search(&mut app, q);
        for hit in result.hits.iter().take(3) {
            let sectors = app.intervention(&hit.id).expect("a hit is a record").sectors;
            assert!(
                sectors.iter().any(|s| s == "algemeen" || s.starts_with("onderwijs")),
                "{q:?}: {} ({sectors:?}) in the first three: {:?}",
                hit.id,
                top(&result, 5)
            );
        }
    }
    // The schools are where she works, not the training the verb "scholen" names: "op school
    // zijn" read as "zich scholen" sent her to trainings for care.
    let result = search(&mut app, "mijn collega's op school zijn uitgeput");
    let mut first = top(&result, 2);
    first.sort_unstable();
    assert_eq!(first, ["vervangingsfonds-voion", "werkdrukakkoord-po"], "{:?}", top(&result, 5));
}

#[test]
fn a_span_of_time_in_a_sentence_does_not_lead_to_the_week_of_work_stress() {
    let (_dir, mut app) = open();
    // "al weken", "vorige week" say when, not what: they met the name of the Week van de
    // Werkstress, first and second for these two.
    for q in
        ["een collega zit al weken ziek thuis en de rest draait op", "vorige week ben ik uitgescholden door een klant"]
    {
        let result = search(&mut app, q);
        assert!(!top(&result, 3).contains(&"week-van-de-werkstress"), "{q:?}: {:?}", top(&result, 5));
    }
    // The campaign itself is still found by its name.
    for q in ["week van de werkstress", "week werkstress"] {
        assert_eq!(top(&search(&mut app, q), 1), ["week-van-de-werkstress"], "{q:?}");
    }
}

#[test]
fn time_lost_to_paperwork_and_a_carer_s_sick_husband_reach_their_records() {
    let (_dir, mut app) = open();
    // "kwijt aan registreren", "registreren en rapporteren": how a care team leader says where
    // the time goes. Without them in `administratiedruk`, neither record on it was among the
    // first four.
    let q = "mijn verpleegkundigen zijn de halve dienst kwijt aan registreren en rapporteren";
    let result = search(&mut app, q);
    let on_paperwork = ["administratiedruk-verminderen", "ontregel-de-zorg"];
    assert!(top(&result, 3).iter().any(|id| on_paperwork.contains(id)), "{q:?}: {:?}", top(&result, 5));
    // A worker who cares for her sick husband is a working carer ("zieke man" in
    // `mantelzorg`): a record for carers first, not the care sector's programme.
    let q = "ik zorg naast mijn baan voor mijn zieke man en hou het niet vol";
    let result = search(&mut app, q);
    let for_carers = ["eigen-regie-model", "mantelzorgvriendelijke-werkgever", "awvn-interventiekaart"];
    assert!(for_carers.contains(&top(&result, 1)[0]), "{q:?}: {:?}", top(&result, 5));
}

#[test]
fn a_word_counts_as_its_best_field_not_as_often_as_a_record_repeats_it() {
    let (_dir, mut app) = open();
    // With each word's score summed over every field that holds it, a record on workability
    // came before the confidential counsellor; counted as its best field and half of each
    // other one, the counsellor comes first.
    let result = search(&mut app, "mijn baas maakt opmerkingen over mijn lichaam");
    assert_eq!(top(&result, 1), ["vertrouwenspersoon"], "{:?}", top(&result, 5));
}

#[test]
fn a_worker_who_names_her_own_manager_finds_how_to_talk_not_records_for_managers() {
    let (_dir, mut app) = open();
    // "mijn leidinggevende" is the one she talks to: before, the records for managers filled
    // the first five (a team coach, a training for managers) and the conversation guide came
    // sixth or seventh.
    for q in
        ["Hoe begin ik het gesprek over stress met mijn leidinggevende?", "how do I talk to my manager about stress"]
    {
        let result = search(&mut app, q);
        assert!(top(&result, 5).contains(&"gespreksleidraad-werkstress"), "{q}: {:?}", top(&result, 10));
    }
    // Named without "mijn", a manager is what the records are to be about.
    let managers = search(&mut app, "training voor leidinggevenden over werkdruk");
    assert_eq!(top(&managers, 1), ["training-psa-leidinggevenden"]);
}

#[test]
fn a_team_leader_s_mensen_do_not_lead_to_records_that_only_mention_people() {
    let (_dir, mut app) = open();
    // "mensen" (people) is as general as "iemand": it used to decide the answer, so two care
    // staffing records that speak of extra people came first and the conversation guide
    // fourth.
    // Since the second round of situations per record the training that teaches team
    // leaders to see the signals comes first, and the guide fifth.
    let result = search(&mut app, "hoe zie ik aan mijn mensen dat ze het niet meer trekken");
    let first = top(&result, 2);
    assert!(!first.contains(&"extra-handen-voor-de-zorg") && !first.contains(&"nationale-zorgklas"), "{first:?}");
    assert_eq!(top(&result, 1), ["training-psa-leidinggevenden"], "{:?}", top(&result, 10));
    assert!(top(&result, 5).contains(&"gespreksleidraad-werkstress"), "{:?}", top(&result, 10));
}

#[test]
fn a_hyphenated_term_typed_as_written_is_found_and_not_corrected_into_itself() {
    let (_dir, mut app) = open();
    // "check-in" is an English term of the daily start: it found nothing and offered
    // "Bedoelde u: check-in?", because the typed word lost its hyphen and the term did not.
    let result = search(&mut app, "check-in");
    assert_eq!(top(&result, 1), ["dagopening-dagsluiting"], "{:?}", top(&result, 5));
    assert_eq!(result.suggestion, None);
}

#[test]
fn a_comparative_is_read_as_its_adjective_not_as_a_typo() {
    let (_dir, mut app) = open();
    // "gestrester" (more stressed) was respelt two letters away into "gepester" (bullied).
    let result = search(&mut app, "een medewerker die steeds gestrester lijkt");
    let to: Vec<&str> = result
        .hits
        .iter()
        .flat_map(|h| h.via.iter().filter(|v| v.from == "gestrester").map(|v| v.to.as_str()))
        .collect();
    assert!(!to.is_empty() && !to.contains(&"pesten"), "{to:?}");
    assert!(to.contains(&"stress"), "{to:?}");
}

#[test]
fn a_short_everyday_word_is_not_read_as_a_misspelt_term() {
    let (_dir, mut app) = open();
    // "drie" (three) was read as "rie" with a letter more, "baan" (a job) as "baas" (a boss).
    for (q, word) in [("na drie maanden thuis met overspannenheid", "drie"), ("naast mijn fulltime baan", "baan")] {
        let result = search(&mut app, q);
        let from: Vec<&str> = result.hits.iter().flat_map(|h| h.via.iter().map(|v| v.from.as_str())).collect();
        assert!(!from.contains(&word), "{q}: {from:?}");
    }
}

#[test]
fn a_thesaurus_term_of_a_common_and_a_rare_word_finds_the_records_of_its_synonyms() {
    let (_dir, mut app) = open();
    // "aan het werk houden" (werkbehoud): "werk" is in most records, "houd" in few. The
    // synonyms ("aan het werk blijven") used to join the common word only, which decides
    // nothing, so only the five records holding "houd" were found. (Records whose situations
    // hold the words themselves come before it.)
    let result = search(&mut app, "aan het werk houden");
    assert!(top(&result, 5).contains(&"tijdelijke-werkaanpassingen"), "{:?}", top(&result, 10));
    assert!(result.total > 5, "{}", result.total);
}

#[test]
fn a_real_word_in_a_query_that_finds_plenty_is_not_corrected() {
    let (_dir, mut app) = open();
    // "gedoe" (hassle) is Dutch but in no record; the rest of the query finds records, so no
    // "Bedoelde u".
    let result = search(&mut app, "werkdruk en gedoe");
    assert!(result.total > 0);
    assert_eq!(result.suggestion, None);
}

/// The figures measured over the whole set (cargo bench --bench relevance), the situations of
/// #26 included;
/// a change that makes the search find less than this fails.
const FLOOR_HIT5: f64 = 0.95;
const FLOOR_MRR10: f64 = 0.85;
/// The situations told in everyday words (issue #26) on their own.
const FLOOR_SITUATION_HIT1: f64 = 0.76;
const FLOOR_SITUATION_HIT5: f64 = 0.92;
const FLOOR_SITUATION_MRR5: f64 = 0.83;

/// The judged queries of `tests/search/<file>`.
fn judged(file: &str) -> Vec<relevance::Judged> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    relevance::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `queries` run through the search as a person types them, scored; with `show_misses`, the
/// queries with nothing expected in the first five are printed with what came instead.
fn measured(queries: &[relevance::Judged], show_misses: bool) -> relevance::Report {
    let (_dir, mut app) = open();
    let report = relevance::measure(queries, |q| {
        app.search(q, &Filters::default(), 10).map(|r| r.hits.into_iter().map(|h| h.id).collect::<Vec<_>>())
    })
    .expect("every query answers");
    println!("{report}");
    for (q, expected, found) in report.misses.iter().filter(|_| show_misses) {
        println!("miss {q:?}: expected {expected:?}, found {found:?}");
    }
    report
}

#[test]
fn the_judged_query_set_scores_at_least_as_measured() {
    let queries = judged("queries.toml");
    assert!(queries.len() >= 150, "{} queries", queries.len());
    let report = measured(&queries, true);
    assert!(report.overall.hit5 >= FLOOR_HIT5, "hit@5 {:.3} < {FLOOR_HIT5}\n{report}", report.overall.hit5);
    assert!(report.overall.mrr10 >= FLOOR_MRR10, "MRR@10 {:.3} < {FLOOR_MRR10}\n{report}", report.overall.mrr10);
    let situation = report.by_category["situation"];
    assert!(situation.hit1 >= FLOOR_SITUATION_HIT1, "situation hit@1 {:.3}\n{report}", situation.hit1);
    assert!(situation.hit5 >= FLOOR_SITUATION_HIT5, "situation hit@5 {:.3}\n{report}", situation.hit5);
    assert!(situation.mrr5 >= FLOOR_SITUATION_MRR5, "situation MRR@5 {:.3}\n{report}", situation.mrr5);
}

/// The held-out situations (tests/search/held-out.toml: written by a writer who never saw the
/// search's vocabulary, the judged set or any result; never read, its totals used to choose
/// between versions), measured first on 2026-12-07 (raised with later rules and with the
/// situations per record, data/situations.toml); a change that makes the search find less
/// than this fails.
const HELD_OUT_HIT1: f64 = 0.75;
const HELD_OUT_HIT5: f64 = 0.91;
const HELD_OUT_MRR5: f64 = 0.81;

/// The queries of `tests/search/<file>` with each one's audience as its category, so that a
/// report gives one line per audience.
fn by_audience(file: &str) -> Vec<relevance::Judged> {
    judged(file)
        .into_iter()
        .map(|mut j| {
            j.category = j.audience.clone().unwrap_or_default();
            j
        })
        .collect()
}

/// Fails unless the whole of `report` reaches hit@1, hit@5 and MRR@5 `floors`.
fn assert_at_least(set: &str, report: &relevance::Report, (hit1, hit5, mrr5): (f64, f64, f64)) {
    let all = report.overall;
    assert!(all.hit1 >= hit1, "{set} hit@1 {:.3} < {hit1}\n{report}", all.hit1);
    assert!(all.hit5 >= hit5, "{set} hit@5 {:.3} < {hit5}\n{report}", all.hit5);
    assert!(all.mrr5 >= mrr5, "{set} MRR@5 {:.3} < {mrr5}\n{report}", all.mrr5);
}

/// The query set `tests/search/<set>.toml` scores at least `floors` (hit@1, hit@5, MRR@5).
/// An unread set's misses are never printed: they are not to be read while changing the
/// search.
fn unread_set_at_least(set: &str, floors: (f64, f64, f64)) {
    assert_at_least(set, &measured(&by_audience(&format!("{set}.toml")), false), floors);
}

/// As [`unread_set_at_least`], for a set that is read while changing the search: its misses
/// are printed.
fn read_set_at_least(set: &str, floors: (f64, f64, f64)) {
    assert_at_least(set, &measured(&by_audience(&format!("{set}.toml")), true), floors);
}

#[test]
fn the_held_out_situations_score_at_least_as_first_measured() {
    unread_set_at_least("held-out", (HELD_OUT_HIT1, HELD_OUT_HIT5, HELD_OUT_MRR5));
}

/// The development queries (tests/search/development.toml: written apart from the search by
/// two writers, read while changing it), measured on 2026-12-07 after the changes they led
/// to; a change that makes the search find less than this fails.
const DEVELOPMENT_HIT1: f64 = 0.81;
const DEVELOPMENT_HIT5: f64 = 0.97;
const DEVELOPMENT_MRR5: f64 = 0.88;

#[test]
fn the_development_queries_score_at_least_as_measured() {
    read_set_at_least("development", (DEVELOPMENT_HIT1, DEVELOPMENT_HIT5, DEVELOPMENT_MRR5));
}

/// The second development set (tests/search/development-2.toml: 64 situations by two more
/// writers, read while changing the search), measured on 2026-12-07 after the changes it led
/// to.
const DEVELOPMENT_2_HIT1: f64 = 0.71;
const DEVELOPMENT_2_HIT5: f64 = 0.90;
const DEVELOPMENT_2_MRR5: f64 = 0.79;

#[test]
fn the_second_development_queries_score_at_least_as_measured() {
    read_set_at_least("development-2", (DEVELOPMENT_2_HIT1, DEVELOPMENT_2_HIT5, DEVELOPMENT_2_MRR5));
}

/// The fresh situations (tests/search/fresh.toml: written by two more writers who saw neither
/// the search's vocabulary, the situations per record, the other sets nor any result; never
/// read; from the second evening of 2026-12-07 its totals were used to choose between
/// versions, like the held-out set's), measured on 2026-12-07; a change that makes the search
/// find less than this fails.
const FRESH_HIT1: f64 = 0.72;
const FRESH_HIT5: f64 = 0.87;
const FRESH_MRR5: f64 = 0.76;

#[test]
fn the_fresh_situations_score_at_least_as_first_measured() {
    unread_set_at_least("fresh", (FRESH_HIT1, FRESH_HIT5, FRESH_MRR5));
}

/// The third unread situations (tests/search/third.toml: 64, by two more writers under the
/// same rules; never read), measured on 2026-12-07 (their totals, not their queries, were
/// then used to choose between versions, as were the held-out and fresh sets'); a change
/// that makes the search find less than this fails.
const THIRD_HIT1: f64 = 0.60;
const THIRD_HIT5: f64 = 0.89;
const THIRD_MRR5: f64 = 0.71;

#[test]
fn the_third_unread_situations_score_at_least_as_first_measured() {
    unread_set_at_least("third", (THIRD_HIT1, THIRD_HIT5, THIRD_MRR5));
}

/// The fourth unread situations (tests/search/fourth.toml: 64, by two more writers; never
/// read): run on the search as it stood before the changes of 2026-12-07 (late evening) and
/// after them, then (that night) its totals used to choose, like the other unread sets'; a
/// change that makes the search find less than the second run fails.
const FOURTH_HIT1: f64 = 0.64;
const FOURTH_HIT5: f64 = 0.95;
const FOURTH_MRR5: f64 = 0.76;

#[test]
fn the_fourth_unread_situations_score_at_least_as_first_measured() {
    unread_set_at_least("fourth", (FOURTH_HIT1, FOURTH_HIT5, FOURTH_MRR5));
}

/// The fifth unread situations (tests/search/fifth.toml: 64, by two more writers; never
/// read): first run on the search as it stood at the end of 2026-12-07, then its totals used
/// to choose that night's thesaurus changes (which left them as they were); a change that makes
/// the search find less than that fails.
const FIFTH_HIT1: f64 = 0.75;
const FIFTH_HIT5: f64 = 0.87;
const FIFTH_MRR5: f64 = 0.79;

#[test]
fn the_fifth_unread_situations_score_at_least_as_first_measured() {
    unread_set_at_least("fifth", (FIFTH_HIT1, FIFTH_HIT5, FIFTH_MRR5));
}

/// The sixth unread situations (tests/search/sixth.toml: 64, by two more writers; never read,
/// never used to choose between versions): run once, at the end of 2026-12-07, on the search
/// before and after that night's changes (the same figures); a change that makes the search
/// find less than that fails.
const SIXTH_HIT1: f64 = 0.60;
const SIXTH_HIT5: f64 = 0.87;
const SIXTH_MRR5: f64 = 0.71;

#[test]
fn the_sixth_unread_situations_score_at_least_as_first_measured() {
    unread_set_at_least("sixth", (SIXTH_HIT1, SIXTH_HIT5, SIXTH_MRR5));
}

#[test]
fn every_judged_query_names_records_that_exist() {
    let queries = judged("queries.toml");
    let held_out = judged("held-out.toml");
    let development = judged("development.toml");
    let fresh = judged("fresh.toml");
    let third = judged("third.toml");
    let fourth = judged("fourth.toml");
    let fifth = judged("fifth.toml");
    let sixth = judged("sixth.toml");
    let development_2 = judged("development-2.toml");
    let (_dir, app) = open();
    let categories =
        ["catalogue-words", "colloquial", "english", "typo", "question", "developer", "sector-profession", "situation"];
    let audiences = ["bedrijfsarts", "hr-adviseur", "teamleider", "medewerker"];
    for judged in queries
        .iter()
        .chain(&held_out)
        .chain(&development)
        .chain(&fresh)
        .chain(&third)
        .chain(&fourth)
        .chain(&fifth)
        .chain(&sixth)
        .chain(&development_2)
    {
        assert!(categories.contains(&judged.category.as_str()), "{}: category {}", judged.q, judged.category);
        if judged.category == "situation" {
            let audience = judged.audience.as_deref().unwrap_or("");
            assert!(audiences.contains(&audience), "{}: audience {audience:?}", judged.q);
        }
        assert!((1..=5).contains(&judged.relevant.len()), "{}", judged.q);
        for id in &judged.relevant {
            assert!(app.show(id).is_ok(), "{:?}: no record {id}", judged.q);
        }
    }
    // Issue #26: at least 60 situations, from each of the four audiences.
    let situations: Vec<_> = queries.iter().filter(|j| j.category == "situation").collect();
    assert!(situations.len() >= 60, "{} situations", situations.len());
    for audience in audiences {
        assert!(situations.iter().filter(|j| j.audience.as_deref() == Some(audience)).count() >= 10, "{audience}");
        // The unread sets: situations only, as many from each audience.
        for (set, each) in [
            (&held_out, 12),
            (&fresh, 12),
            (&third, 16),
            (&fourth, 16),
            (&fifth, 16),
            (&sixth, 16),
            (&development_2, 16),
        ] {
            assert_eq!(set.iter().filter(|j| j.audience.as_deref() == Some(audience)).count(), each, "{audience}");
        }
    }
    assert!(
        held_out
            .iter()
            .chain(&fresh)
            .chain(&third)
            .chain(&fourth)
            .chain(&fifth)
            .chain(&sixth)
            .all(|j| j.category == "situation")
    );
}

#[test]
fn odd_queries_through_the_thesaurus_answer_plainly() {
    let (_dir, mut app) = open();
    // Arabic script ("harassment at work"): letters like any other, no match, no suggestion.
    let arabic = search(&mut app, "التحرش في العمل");
    assert_eq!((arabic.total, arabic.suggestion.as_deref()), (0, None), "{arabic:?}");
    // Only stop words (typed to the end, so no word is still being typed): nothing to look
    // for, so the answer is that of an empty search box (every record, by name), not a guess.
    let empty = search(&mut app, "");
    let stop = search(&mut app, "de het een van ");
    assert_eq!((stop.total, top(&stop, 5)), (empty.total, top(&empty, 5)));
    // 10,000 characters of thesaurus words: cut, named, and still answered.
    let long = search(&mut app, &"opgebrand uitgeput harassment ".repeat(340));
    assert!(!long.cut.is_empty(), "the cut is named");
    assert!(long.hits.iter().any(|h| h.id == "burnout-assessment-tool"), "{:?}", top(&long, 5));
}

#[test]
fn a_word_many_records_hold_does_not_outweigh_the_word_that_carries_the_situation() {
    let (_dir, mut app) = open();
    // "team" and "werk" are in many records, and in the names of a few ("Sterk in je werk";
    // "Teamcoach" as a part of a compound), which made such a name outrank the records about
    // the other word. The first hit holds that word (it is found for the word alone).
    let mut failures = Vec::new();
    for (query, word) in [
        ("pesten in het team", "pesten"),
        ("agressie in het team", "agressie"),
        ("mantelzorg en werk", "mantelzorg"),
        ("rouw op het werk", "rouw"),
    ] {
        let alone = search(&mut app, word);
        let holding: Vec<&str> = top(&alone, 20);
        let result = search(&mut app, query);
        if !top(&result, 1).iter().all(|id| holding.contains(id)) {
            failures.push(format!("{query:?}: {:?}", top(&result, 3)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_words_that_tell_how_do_not_change_what_is_found() {
    let (_dir, mut app) = open();
    // "vaak", "steeds", "weet", "meer" stem into words of another sense ("vak", "wet",
    // "mer") and would meet records by chance; in a sentence they are left out.
    let told = search(&mut app, "een collega wordt vaak en steeds weer gepest, ik weet het niet meer");
    let plain = search(&mut app, "een collega wordt gepest");
    assert_eq!(top(&told, 5), top(&plain, 5));
    // Inside a phrase of the thesaurus they are skipped: the phrase still matches.
    let filled = search(&mut app, "ik ben emotioneel echt uitgeput");
    let phrase = search(&mut app, "ik ben emotioneel uitgeput");
    assert_eq!(top(&filled, 5), top(&phrase, 5));
    assert!(filled.hits[0].via.iter().any(|v| v.from.contains("echt")), "{:?}", filled.hits[0].via);
}
