//! The bundled catalogue holds what the sources name, with every field filled or explicitly
//! unknown, and the leidraad's advice for every step and role.

use keuzehulp::catalogue::{self, validate};

use crate::util;

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

#[test]
fn the_bundled_catalogue_is_data_as_validated() {
    let bundled = catalogue::bundled().expect("bundled catalogue parses");
    let from_disk = validate::load_dir(&util::data_dir()).expect("data/ is valid");
    assert_eq!(bundled, from_disk, "the binary bundles exactly what data/ holds");
}

#[test]
fn every_required_intervention_exists_with_its_fields() {
    let catalogue = catalogue::bundled().expect("bundled");
    assert!(catalogue.interventions.len() >= 45, "at least 45 records, found {}", catalogue.interventions.len());
    for id in REQUIRED_IDS {
        let r = catalogue.get(id).unwrap_or_else(|| panic!("intervention {id} is missing"));
        assert!(!r.name.trim().is_empty() && !r.summary.trim().is_empty(), "{id}: name and summary");
        assert!(!r.levels.is_empty() && !r.steps.is_empty() && !r.roles.is_empty(), "{id}: levels, steps, roles");
        assert!(!r.themes.is_empty() && !r.sectors.is_empty(), "{id}: themes and sectors");
        assert!(!r.sources.is_empty(), "{id}: sources");
        // Unknown facts are None (explicitly "onbekend" in the file); known ones are never blank.
        for (field, value) in [
            ("benefits", &r.benefits),
            ("involves", &r.involves),
            ("time", &r.time),
            ("cost", &r.cost),
            ("privacy", &r.privacy),
            ("url", &r.url),
        ] {
            if let Some(text) = value {
                assert!(!text.trim().is_empty(), "{id}: {field} is blank");
            }
        }
    }
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
fn every_record_cites_a_seed_document_that_exists() {
    let catalogue = catalogue::bundled().expect("bundled");
    let seeds = util::data_dir().join("../../shared/seeds");
    for document in &catalogue.taxonomy.documents {
        if seeds.is_dir() {
            assert!(seeds.join(&document.file).is_file(), "seed {} exists", document.file);
        }
    }
    for r in &catalogue.interventions {
        for s in &r.sources {
            assert!(catalogue.taxonomy.documents.iter().any(|d| d.id == s.document), "{}: {}", r.id, s.document);
        }
    }
}

#[test]
fn every_step_has_advice_for_every_role_and_the_leidraad_speaks_where_it_should() {
    let catalogue = catalogue::bundled().expect("bundled");
    let steps: Vec<&str> = catalogue.steps.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(steps, ["A", "B1", "B2", "C", "D"]);
    for step in &catalogue.steps {
        for role in &catalogue.taxonomy.roles {
            let advice = step.advice.iter().find(|a| a.role == role.id);
            let advice = advice.unwrap_or_else(|| panic!("step {} has no advice for {}", step.step, role.id));
            assert!(!advice.items.is_empty(), "step {} role {}: items", step.step, role.id);
        }
        assert!(!step.why.is_empty(), "step {}: why", step.step);
    }
    // The leidraad itself addresses employers at every step.
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
