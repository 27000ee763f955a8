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
