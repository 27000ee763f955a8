//! The bundled catalogue holds what the sources name: the records other parts rely on, and
//! facts corrected against the sources.

use keuzehulp::catalogue;

/// The ids other parts of the product (and outside checks) rely on.
const REQUIRED_IDS: &[&str] = &[
    "pmo-psychische-gezondheid",
    "indialoog",
    "huis-van-werkvermogen",
    "werk-als-waarde",
    "samen-sterk-zonder-stigma",
    "ontregel-de-zorg",
    "merkbaar-beter",
    "training-psa-zorgmedewerkers",
    "training-psa-leidinggevenden",
    "gespreksleidraad-werkstress",
    "toolbox-werk-en-psychische-klachten",
    "sterk-in-je-werk",
    "wendbaar-aan-het-werk",
    "impactmaker-prijs",
    "gezond-leiderschap",
    "actie-leer-netwerk",
    "dagopening-dagsluiting",
    "intervisie",
    "bedrijfsopvang-peer-support",
    "open-spreekuur-bedrijfsarts",
    "buddysysteem",
    "route-naar-rie",
    "pico",
    "hey-het-is-oke",
    "week-van-de-werkstress",
    "vertrouwenspersoon",
    "praatplaat-psa",
    "vitaal-bedrijf",
    "gedragscode-ongewenste-omgangsvormen",
    "activerende-rie",
    "actieonderzoek-actieleren",
    "mantelzorgvriendelijke-werkgever",
    "de-mentaal-gezonde-zaak",
    "burnout-assessment-tool",
];

// What every record holds (every field filled or explicitly unknown, a source that exists,
// advice for every step and role) the build checks: build.rs validates data/ with the code
// of `keuzehulp validate`, so the bundled catalogue is valid by construction. The tests here
// hold what validation cannot know: which records and facts the sources require.

#[test]
fn every_required_intervention_exists() {
    let catalogue = catalogue::bundled().expect("bundled");
    assert!(catalogue.interventions.len() >= 45, "at least 45 records, found {}", catalogue.interventions.len());
    let missing: Vec<&str> = REQUIRED_IDS.iter().copied().filter(|id| catalogue.get(id).is_none()).collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn indialoog_is_found_under_its_old_name() {
    let catalogue = catalogue::bundled().expect("bundled");
    let r = catalogue.get("indialoog").expect("indialoog");
    assert!(r.aliases.iter().any(|a| a.contains("Aanpak Organisatieklimaat")), "aliases: {:?}", r.aliases);
}

#[test]
fn pmo_evidence_carries_the_studies_and_the_return_figure() {
    let catalogue = catalogue::bundled().expect("bundled");
    let r = catalogue.get("pmo-psychische-gezondheid").expect("pmo");
    assert_eq!(r.evidence.level, "effectief");
    let refs = r.evidence.references.join(" | ");
    assert!(refs.contains("Ketelaar") && refs.contains("Noben"), "{refs}");
    assert!(r.evidence.basis.as_deref().unwrap_or_default().contains("11,18"));
}

#[test]
fn the_leidraad_itself_advises_employers_at_every_step() {
    let catalogue = catalogue::bundled().expect("bundled");
    for step in &catalogue.steps {
        let werkgever = step.advice.iter().find(|a| a.role == "werkgever").expect("werkgever");
        assert!(werkgever.from_leidraad, "step {}: the leidraad advises werkgevers", step.step);
    }
}

#[test]
fn facts_corrected_against_the_sources_stay_corrected() {
    let catalogue = catalogue::bundled().expect("bundled");
    let get = |id: &str| catalogue.get(id).unwrap_or_else(|| panic!("intervention {id} is missing"));
    // The leidraad credits the € 11,18 per euro to Ketelaar et al. (2013), not to Noben.
    let pmo = get("pmo-psychische-gezondheid");
    let cost = pmo.cost.as_deref().unwrap_or_default();
    assert!(cost.contains("Ketelaar et al. (2013)") && cost.contains("11,18"), "{cost}");
    // IAO-Verdrag 190 was not ratified by the Netherlands at the time of the sources.
    let iao = get("iao-verdrag-190");
    assert_eq!(iao.kind, "verdrag", "an international convention, not a legal obligation here");
    assert_eq!(iao.roles, ["beleidsmaker"]);
    // Where a worker can turn to is meant for the worker too.
    for id in ["open-spreekuur-bedrijfsarts", "intervisie", "bedrijfsopvang-peer-support", "buddysysteem"] {
        assert!(get(id).roles.iter().any(|r| r == "medewerker"), "{id}: roles {:?}", get(id).roles);
    }
    // Temporary work adjustments are for a worker who already has complaints.
    assert_eq!(get("tijdelijke-werkaanpassingen").steps.first().map(String::as_str), Some("D"));
    // Aliases no source gives.
    for r in &catalogue.interventions {
        for alias in ["SSZS", "ORDZ", "ILO Convention 190", "House of Work Ability"] {
            assert!(!r.aliases.iter().any(|a| a == alias), "{}: alias {alias} has no source", r.id);
        }
    }
    // Seed items users look for.
    for id in ["meerjarenprogramma-depressiepreventie", "individuele-interventies-op-maat"] {
        get(id);
    }
}

#[test]
fn facts_of_the_source_check_of_issue_26_stay_corrected() {
    let catalogue = catalogue::bundled().expect("bundled");
    let get = |id: &str| catalogue.get(id).unwrap_or_else(|| panic!("intervention {id} is missing"));
    // Seed 004 is the Kamerbrief of 11 January 2021 (Kamerstuk 25 883 nr. 405), not 2020.
    let bat = get("burnout-assessment-tool");
    assert!(!bat.summary.contains("Kamerbrief van 2020"), "{}", bat.summary);
    // The HAN article is undated: no record cites it with a year.
    let autonomy = get("regelmogelijkheden-autonomie");
    for reference in &autonomy.evidence.references {
        assert!(!reference.contains("(HAN, 2020)"), "{reference}");
    }
    // No seed says the vertrouwenspersoon is "voor vragen en meldingen".
    assert!(!get("vertrouwenspersoon").summary.contains("vragen en meldingen"));
    // An alias names one record only.
    let mut seen: std::collections::BTreeMap<String, &str> = std::collections::BTreeMap::new();
    for r in &catalogue.interventions {
        for alias in &r.aliases {
            if let Some(other) = seen.insert(alias.to_lowercase(), &r.id) {
                panic!("alias {alias:?} on {other} and {}", r.id);
            }
        }
    }
}

/// Where a seed item is in the catalogue: its record, or a row of data/README.md's "Seed items
/// that are not records" with the reason.
enum Kept {
    Record(&'static str),
    Reason,
}
use Kept::{Reason, Record};

/// The seed items: each intervention, instrument, guide, network or measure the five seeds
/// name (the seeds' README and the source check of issue #26), as (the seed that names it,
/// the item, where it is). A new record names its seed item here; so does a seed item read and
/// left out, with its reason in data/README.md.
const SEED_ITEMS: &[(&str, &str, Kept)] = &[
    ("leidraad", "Actie Leer Netwerk", Record("actie-leer-netwerk")),
    ("iszw-mantelzorgers-2020", "Actieonderzoek en actieleren", Record("actieonderzoek-actieleren")),
    ("iszw-mantelzorgers-2020", "Activerende RI&E", Record("activerende-rie")),
    ("leidraad", "Administratiedruk verminderen", Record("administratiedruk-verminderen")),
    ("kamerbrief-bms-2021", "Anonieme e-healthregeling", Record("anonieme-e-healthregeling")),
    ("leidraad", "Passende arboprofessional inzetten voor preventie", Record("arboprofessional-preventie")),
    ("iszw-mantelzorgers-2020", "AWVN-interventiekaart", Record("awvn-interventiekaart")),
    (
        "leidraad",
        "Bedrijfsopvang en peer support bij ingrijpende gebeurtenissen",
        Record("bedrijfsopvang-peer-support"),
    ),
    (
        "leidraad",
        "Bewustwordingscampagne tegen het taboe op psychische klachten",
        Record("bewustwordingscampagne-taboe"),
    ),
    ("leidraad", "Buddysysteem", Record("buddysysteem")),
    ("kamerbrief-tno-burnout-2020", "Burnout Assessment Tool", Record("burnout-assessment-tool")),
    ("leidraad", "Dagopening of dagsluiting", Record("dagopening-dagsluiting")),
    ("mentaal-gezonde-zaak", "De mentaal gezonde zaak", Record("de-mentaal-gezonde-zaak")),
    ("kamerbrief-tno-burnout-2020", "Denktank mentale vooruitgang", Record("denktank-mentale-vooruitgang")),
    ("iszw-mantelzorgers-2020", "Eigen regie model", Record("eigen-regie-model")),
    ("kamerbrief-bms-2021", "Extra Handen voor de Zorg", Record("extra-handen-voor-de-zorg")),
    (
        "kamerbrief-tno-burnout-2020",
        "Handreiking voor het opstellen van een gedragscode ongewenste omgangsvormen",
        Record("gedragscode-ongewenste-omgangsvormen"),
    ),
    ("leidraad", "Gespreksleidraad Werkstress", Record("gespreksleidraad-werkstress")),
    ("leidraad", "Gezond Leiderschap", Record("gezond-leiderschap")),
    ("iszw-mantelzorgers-2020", "Grip op een positief werkklimaat", Record("grip-op-een-positief-werkklimaat")),
    ("kamerbrief-bms-2021", "Hey het is oké op de werkvloer", Record("hey-het-is-oke")),
    ("leidraad", "Het Huis van Werkvermogen", Record("huis-van-werkvermogen")),
    (
        "kamerbrief-tno-burnout-2020",
        "IAO-Verdrag 190 inzake het uitbannen van geweld en intimidatie op de werkvloer",
        Record("iao-verdrag-190"),
    ),
    ("leidraad", "Impactmaker Prijs", Record("impactmaker-prijs")),
    ("leidraad", "InDialoog", Record("indialoog")),
    ("leidraad", "Individuele interventies op maat", Record("individuele-interventies-op-maat")),
    ("leidraad", "Individuele professionele ondersteuning", Record("individuele-professionele-ondersteuning")),
    (
        "kamerbrief-bms-2021",
        "Informatieblad Professionele Vertrouwenspersoon",
        Record("informatieblad-vertrouwenspersoon"),
    ),
    ("leidraad", "Intervisie en onderlinge uitwisseling", Record("intervisie")),
    (
        "leidraad",
        "Goed inwerktraject en begeleiding voor jonge professionals",
        Record("inwerktraject-jonge-professionals"),
    ),
    (
        "kamerbrief-bms-2021",
        "Onderzoek van de Inspectie SZW naar psychosociale arbeidsbelasting bij universiteiten",
        Record("iszw-onderzoek-psa-universiteiten"),
    ),
    ("kamerbrief-bms-2021", "Kenniskring PSA", Record("kenniskring-psa")),
    ("kamerbrief-bms-2021", "Programma langdurige covid-klachten en werk", Record("long-covid-en-werk")),
    (
        "kamerbrief-tno-burnout-2020",
        "Manifest Aanpak werkstress: tijd voor actie!",
        Record("manifest-aanpak-werkstress"),
    ),
    ("kamerbrief-tno-burnout-2020", "Manifest De blinde vlek bij burn-out", Record("manifest-blinde-vlek-burn-out")),
    (
        "iszw-mantelzorgers-2020",
        "Keurmerk Mantelzorgvriendelijke werkgever",
        Record("mantelzorgvriendelijke-werkgever"),
    ),
    ("leidraad", "Meerjarenprogramma Depressiepreventie", Record("meerjarenprogramma-depressiepreventie")),
    ("leidraad", "Merkbaar Beter", Record("merkbaar-beter")),
    ("kamerbrief-bms-2021", "Lotgenotencontact en supportgroepen van MIND", Record("mind-lotgenotencontact")),
    ("kamerbrief-bms-2021", "Nationale Zorgklas", Record("nationale-zorgklas")),
    (
        "kamerbrief-tno-burnout-2020",
        "Whitepaper Burn-out, meer dan een individueel probleem",
        Record("nip-whitepaper-burn-out"),
    ),
    ("leidraad", "[Ont]regel de zorg", Record("ontregel-de-zorg")),
    ("leidraad", "Open (vertrouwelijk) spreekuur bedrijfsarts", Record("open-spreekuur-bedrijfsarts")),
    ("leidraad", "PMO of PAGO (wettelijke verplichting)", Record("pago")),
    ("kamerbrief-bms-2021", "Participatieve Interventie op Cultuur en Ongewenste omgangsvormen", Record("pico")),
    ("leidraad", "PMO Psychische Gezondheid", Record("pmo-psychische-gezondheid")),
    ("kamerbrief-bms-2021", "Praatplaat psychosociale arbeidsbelasting", Record("praatplaat-psa")),
    ("leidraad", "Meer regelmogelijkheden en autonomie", Record("regelmogelijkheden-autonomie")),
    ("kamerbrief-bms-2021", "Risico-inventarisatie en -evaluatie (RI&E) met plan van aanpak", Record("rie")),
    ("kamerbrief-bms-2021", "Route naar RI&E", Record("route-naar-rie")),
    ("leidraad", "Samen Sterk zonder Stigma", Record("samen-sterk-zonder-stigma")),
    ("leidraad", "Sterk in je werk, zorg voor jezelf", Record("sterk-in-je-werk")),
    ("leidraad", "Ondersteuning van teamleiders door een teamcoach", Record("teamcoach")),
    ("mentaal-gezonde-zaak", "Tijdelijke werkaanpassingen", Record("tijdelijke-werkaanpassingen")),
    ("leidraad", "Toolbox Werk en psychische klachten", Record("toolbox-werk-en-psychische-klachten")),
    (
        "leidraad",
        "Training aan leidinggevenden over psychosociale arbeidsbelasting (PSA) en werkdruk bij hun zorgmedewerkers",
        Record("training-psa-leidinggevenden"),
    ),
    (
        "leidraad",
        "Training aan zorgmedewerkers over psychosociale arbeidsbelasting (PSA) en werkdruk",
        Record("training-psa-zorgmedewerkers"),
    ),
    ("kamerbrief-tno-burnout-2020", "Vertrouwenspersoon ongewenste omgangsvormen", Record("vertrouwenspersoon")),
    ("kamerbrief-bms-2021", "Vervangingsfonds (po) en VOION (vo)", Record("vervangingsfonds-voion")),
    ("kamerbrief-tno-burnout-2020", "Vitaal Bedrijf", Record("vitaal-bedrijf")),
    ("kamerbrief-bms-2021", "Week van de Werkstress", Record("week-van-de-werkstress")),
    ("leidraad", "Wendbaar aan het Werk", Record("wendbaar-aan-het-werk")),
    ("leidraad", "Werk als Waarde", Record("werk-als-waarde")),
    ("kamerbrief-tno-burnout-2020", "Werkdrukakkoord primair onderwijs", Record("werkdrukakkoord-po")),
    (
        "mentaal-gezonde-zaak",
        "Werkplekonderzoek door de arbeidsdeskundige",
        Record("werkplekonderzoek-arbeidsdeskundige"),
    ),
    ("kamerbrief-bms-2021", "Verkenning Nationaal Preventieakkoord Mentale Gezondheid", Reason),
    ("kamerbrief-bms-2021", "€ 150 miljoen voor het voortgezet onderwijs (2020–2021)", Reason),
    ("kamerbrief-bms-2021", "OVA-ruimte en € 675 miljoen voor salarissen in de zorg (2022)", Reason),
    ("kamerbrief-tno-burnout-2020", "Traject met de SER over mentale vitaliteit bij thuiswerken (begin 2021)", Reason),
];

#[test]
fn every_seed_item_has_a_record_or_a_stated_reason() {
    let catalogue = catalogue::bundled().expect("bundled");
    let readme = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/README.md"))
        .expect("data/README.md is in the repository");
    let section = readme
        .split("### Seed items that are not records")
        .nth(1)
        .and_then(|rest| rest.split("\n#").next())
        .expect("data/README.md has a section 'Seed items that are not records'");
    // (item, seed and section, reason) of each row of the section's table.
    let rows: Vec<Vec<&str>> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| seed item"))
        .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
        .collect();
    let mut problems = Vec::new();
    for (document, item, kept) in SEED_ITEMS {
        match kept {
            Record(id) => match catalogue.get(id) {
                None => problems.push(format!("{item}: no record {id}")),
                Some(r) if !r.sources.iter().any(|s| s.document == *document) => {
                    problems.push(format!("{item}: record {id} does not cite {document}"));
                }
                Some(_) => {}
            },
            Reason => match rows.iter().find(|row| row.first() == Some(item)) {
                None => problems.push(format!("{item}: no record and no reason in data/README.md")),
                Some(row) if row.len() != 3 || row[2].len() < 80 => {
                    problems.push(format!("{item}: the row gives no reason: {row:?}"));
                }
                Some(_) => {}
            },
        }
    }
    // The list is complete: every bundled record is a seed item, and every stated reason is
    // for one.
    for r in &catalogue.interventions {
        if !SEED_ITEMS.iter().any(|(_, _, kept)| matches!(kept, Record(id) if *id == r.id)) {
            problems.push(format!("record {} is not in SEED_ITEMS", r.id));
        }
    }
    for row in &rows {
        if !SEED_ITEMS.iter().any(|(_, item, kept)| matches!(kept, Reason) && Some(item) == row.first()) {
            problems.push(format!("data/README.md states a reason for {:?}, which is not in SEED_ITEMS", row[0]));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
