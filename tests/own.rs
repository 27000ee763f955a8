//! The window's catalogue screen through the façade: a pack looked at before import (who
//! signed it, what it changes), and own interventions checked by the catalogue's own
//! validator, saved as "eigen" and shared as a pack.

use keuzehulp::Keuzehulp;
use keuzehulp::catalogue::Intervention;
use keuzehulp::catalogue::view::{Credit, OriginKind};

use crate::signing::write_pack;
use crate::util::Cli;

fn open(cli: &Cli) -> Keuzehulp {
    let mut core = Keuzehulp::open(cli.data.path()).expect("opens");
    core.set_today("2026-11-26").expect("a day");
    core
}

/// A copy of the bundled record `pico` as a new own record `id`.
fn own_record(core: &Keuzehulp, id: &str) -> Intervention {
    let mut record = core.intervention("pico").expect("pico");
    record.id = id.into();
    record.name = format!("Eigen overleg {id}");
    record.aliases = Vec::new();
    record
}

#[test]
fn a_pack_preview_names_the_signer_and_the_diff_and_changes_nothing() {
    let cli = Cli::new();
    let keys = cli.data.path().join("sleutels");
    let made = keuzehulp::signing::keygen(&keys).expect("keys");
    let pack = write_pack(&cli, "pakket.json", "nieuw-uit-pakket");
    let mut core = open(&cli);
    let before = core.catalogue_info().expect("info");

    // Unsigned: "eigen".
    let preview = core.pack_preview(&pack).expect("preview");
    assert_eq!(preview.publisher, Credit::Eigen);
    assert!(!preview.signed);
    assert_eq!(preview.diff.added, ["nieuw-uit-pakket"]);
    assert_eq!(preview.file, "pakket.json");
    assert_eq!((preview.version.as_deref(), preview.date.as_deref()), (Some("1.0"), Some("2026-11-01")));

    // Signed by a key not trusted: refused, nothing changes.
    keuzehulp::signing::sign(&pack, &keys.join("publisher.key")).expect("signed");
    let err = core.pack_preview(&pack).expect_err("untrusted key");
    assert_eq!(err.code(), "signature_refused", "{err}");
    let public = std::fs::read_to_string(&made.public_key).expect("public key");
    core.trust_add(&public, "Arbodienst West", Some("2027-12-31")).expect("trusted");
    let preview = core.pack_preview(&pack).expect("preview");
    assert_eq!(preview.publisher, Credit::Publisher("Arbodienst West".into()));
    assert!(preview.signed);
    assert_eq!(core.catalogue_info().expect("info").content_hash, before.content_hash, "a preview writes nothing");

    core.import(&pack).expect("import");
    assert_eq!(core.show("nieuw-uit-pakket").expect("shown").origin.name, "Arbodienst West");
    let again = core.pack_preview(&pack).expect("preview");
    assert_eq!((again.diff.added.len(), again.diff.changed.len(), again.diff.unchanged), (0, 0, 1));
}

#[test]
fn an_own_intervention_is_checked_like_the_catalogue_saved_as_eigen_and_shared_as_a_pack() {
    let cli = Cli::new();
    let mut core = open(&cli);
    let mut record = own_record(&core, "eigen-overleg");
    record.summary = "  ".into();
    record.url = Some("www.zonder-schema.nl".into());
    record.evidence.level = "heel-goed".into();
    record.sources[0].section = String::new();

    // Every problem is named with its field, as in the catalogue files; nothing is saved.
    let saved = core.own_save(&record, true).expect("answers");
    assert_eq!(saved.id, None);
    let fields: Vec<&str> = saved.problems.iter().map(|p| p.field.as_str()).collect();
    for field in ["summary", "url", "evidence.level", "sources.section"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    let level = saved.problems.iter().find(|p| p.field == "evidence.level").expect("level");
    assert!(level.message.contains("\"heel-goed\" is niet toegestaan"), "{}", level.message);
    assert!(core.intervention("eigen-overleg").is_err(), "nothing was saved");

    // Fixed: saved, with origin "eigen", found in the list and in the search.
    record.summary = "Een kort overleg over de werkdruk.".into();
    record.url = None;
    record.evidence.level = "onbekend".into();
    record.sources[0].section = "Stap B2".into();
    let saved = core.own_save(&record, true).expect("saved");
    assert_eq!((saved.id.as_deref(), saved.problems.len()), (Some("eigen-overleg"), 0), "{:?}", saved.problems);
    let shown = core.show("eigen-overleg").expect("shown");
    assert_eq!(shown.origin.kind, OriginKind::Eigen);
    assert_eq!(shown.origin.date.as_deref(), Some("2026-11-26"));
    assert_eq!(core.own_records().expect("own").iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["eigen-overleg"]);
    let found = core.search("Eigen overleg", &Default::default(), 5).expect("search");
    assert_eq!(found.hits[0].id, "eigen-overleg");

    // Adding the same id again, or taking a bundled record's id, is named on the id field.
    let again = core.own_save(&record, true).expect("answers");
    assert_eq!(again.problems[0].field, "id");
    let bundled = core.own_save(&own_record(&core, "pico"), true).expect("answers");
    assert!(bundled.problems.iter().any(|p| p.field == "id" && p.message.contains("meegeleverde")), "{bundled:?}");
    let bundled = core.own_save(&own_record(&core, "pico"), false).expect("answers");
    assert!(bundled.problems.iter().any(|p| p.field == "id"), "an edit cannot change a bundled record either");
    let missing = core.own_save(&own_record(&core, "bestaat-nog-niet"), false).expect("answers");
    assert!(missing.problems.iter().any(|p| p.field == "id"), "{missing:?}");

    // Changed.
    record.name = "Eigen overleg, gewijzigd".into();
    assert!(core.own_save(&record, false).expect("changed").problems.is_empty());
    assert_eq!(core.intervention("eigen-overleg").expect("record").name, "Eigen overleg, gewijzigd");

    // Shared as a pack; a colleague imports it as "eigen" too.
    let file = cli.data.path().join("gedeeld.json");
    assert_eq!(core.own_export(&file).expect("exported"), 1);
    let colleague = Cli::new();
    let mut theirs = open(&colleague);
    let preview = theirs.pack_preview(&file).expect("a valid pack");
    assert_eq!(
        (preview.diff.added.clone(), preview.publisher.clone()),
        (vec!["eigen-overleg".to_string()], Credit::Eigen)
    );
    theirs.import(&file).expect("imported");
    assert_eq!(theirs.show("eigen-overleg").expect("shown").origin.kind, OriginKind::Eigen);
    assert_eq!(
        theirs.intervention("eigen-overleg").expect("record"),
        core.intervention("eigen-overleg").expect("mine")
    );
}

#[test]
fn without_own_interventions_there_is_no_pack_to_share() {
    let cli = Cli::new();
    let core = open(&cli);
    let file = cli.data.path().join("leeg.json");
    let err = core.own_export(&file).expect_err("nothing to share");
    assert!(err.to_string().contains("nog geen eigen interventies"), "{err}");
    assert!(!file.exists());
}
