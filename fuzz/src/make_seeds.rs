//! Writes the seed corpora in `fuzz/seeds/` from the bundled catalogue and a throw-away
//! store, so the seeds always match the formats the program writes.
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --example make-seeds
//! ```
//!
//! `fuzz/seeds/pack/`: a full pack, a pack with one record, a pack with three records, an
//! empty pack, and broken packs (truncated, a field of the wrong type, an unknown field,
//! values outside the taxonomy). `fuzz/seeds/dossier_file/`: dossier files exported by
//! `keuzehulp::dossier::file::export`, from a bare one to one with every part filled in.

use std::error::Error;
use std::path::{Path, PathBuf};

use keuzehulp::advisor::Answers;
use keuzehulp::catalogue::{self, Catalogue};
use keuzehulp::dossier::{PlanChange, VisitInfo};
use keuzehulp::fuzzing::Store;
use serde_json::{Value, json};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let cat = catalogue::bundled()?;
    packs(&cat, &root.join("pack"))?;
    dossiers(&cat, &root.join("dossier_file"))?;
    check(&cat, &root)
}

/// Checks that the valid seeds pass and the broken ones fail, so a seed reaches the code
/// it is meant for.
fn check(cat: &Catalogue, root: &Path) -> Result<()> {
    let known: Vec<String> = cat.interventions.iter().map(|i| i.id.clone()).collect();
    for dir in ["pack", "dossier_file"] {
        let mut paths: Vec<PathBuf> =
            std::fs::read_dir(root.join(dir))?.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>()?;
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path)?;
            let ok = match dir {
                "pack" => catalogue::validate::load_pack(&path, &text, &cat.taxonomy).is_ok(),
                _ => keuzehulp::dossier::file::parse(&path, &text, &cat.taxonomy, &known).is_ok(),
            };
            let broken = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("broken-"));
            if ok == broken {
                return Err(format!("{}: accepted = {ok}, expected {}", path.display(), !broken).into());
            }
        }
    }
    println!("checked: the valid seeds pass, the broken-* seeds fail");
    Ok(())
}

fn write(dir: &Path, name: &str, text: &str) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(name);
    std::fs::write(&path, text)?;
    println!("{} ({} bytes)", path.display(), text.len());
    Ok(())
}

fn packs(cat: &Catalogue, dir: &Path) -> Result<()> {
    let version = cat.version();
    let pack_json = |n: usize| -> Result<Value> {
        let records = &cat.interventions[..n.min(cat.interventions.len())];
        Ok(serde_json::to_value(catalogue::pack_of(records, version.clone()))?)
    };

    // Valid packs, as `keuzehulp list --json` prints them.
    let full = serde_json::to_string(&pack_json(usize::MAX)?)?;
    write(dir, "full.json", &full)?;
    let one = serde_json::to_string_pretty(&pack_json(1)?)?;
    write(dir, "one.json", &one)?;
    write(dir, "three.json", &serde_json::to_string_pretty(&pack_json(3)?)?)?;
    write(dir, "empty.json", r#"{"interventions":[]}"#)?;

    // Broken: cut off half-way.
    let mut cut = one.len() / 2;
    while !one.is_char_boundary(cut) {
        cut -= 1;
    }
    write(dir, "broken-truncated.json", &one[..cut])?;

    // Broken: a list field holding a string, and a number where a string belongs.
    let mut wrong = pack_json(1)?;
    wrong["interventions"][0]["levels"] = json!("team");
    wrong["version"] = json!("1");
    write(dir, "broken-wrong-type.json", &serde_json::to_string_pretty(&wrong)?)?;

    // Broken: a field the format does not have.
    let mut unknown = pack_json(1)?;
    unknown["interventions"][0]["colour"] = json!("blauw");
    write(dir, "broken-unknown-field.json", &serde_json::to_string_pretty(&unknown)?)?;

    // Broken for the validator only: parses, but its values are outside the taxonomy,
    // dates and ids are malformed, and the format and version are wrong.
    let mut invalid = pack_json(1)?;
    invalid["format"] = json!("iets-anders");
    invalid["version"] = json!(99);
    let rec = &mut invalid["interventions"][0];
    rec["id"] = json!("Niet Geldig!");
    rec["levels"] = json!(["galaxy"]);
    rec["steps"] = json!(["Z"]);
    rec["sectors"] = json!(["nergens"]);
    rec["evidence"]["level"] = json!("geloof");
    rec["last_reviewed"] = json!("2025-02-30");
    rec["sources"] = json!([{"document": "bestaat-niet", "section": ""}]);
    write(dir, "broken-invalid-values.json", &serde_json::to_string_pretty(&invalid)?)?;
    Ok(())
}

fn dossiers(cat: &Catalogue, dir: &Path) -> Result<()> {
    let tmp = std::env::temp_dir().join(format!("keuzehulp-make-seeds-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    let result = write_dossiers(cat, dir, &tmp);
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn first(terms: &[catalogue::Term]) -> Option<String> {
    terms.first().map(|t| t.id.clone())
}

fn write_dossiers(cat: &Catalogue, dir: &Path, tmp: &Path) -> Result<()> {
    let t = &cat.taxonomy;
    let mut store = keuzehulp::fuzzing::open_store(tmp)?;
    std::fs::create_dir_all(dir)?;
    let export = |store: &Store, id: &str, name: &str| -> Result<()> {
        let path: PathBuf = dir.join(name);
        keuzehulp::fuzzing::export_dossier(store, id, &path)?;
        println!("{} ({} bytes)", path.display(), std::fs::metadata(&path)?.len());
        Ok(())
    };

    // A bare dossier: the organisation only.
    let bare = store.dossier_create(&VisitInfo { org: "Bakkerij De Korrel".into(), ..Default::default() })?;
    export(&store, &bare, "bare.json")?;

    // Every part filled in.
    let full = store.dossier_create(&VisitInfo {
        org: "Gemeente Zuiderveen".into(),
        sector: t.sectors.iter().find(|s| s.parent.is_some()).or(t.sectors.first()).map(|s| s.id.clone()),
        size_band: Some("250-999".into()),
        department: Some("Klantcontactcentrum".into()),
        visit_date: Some("2025-10-14".into()),
        contact_name: Some("J. de Vries".into()),
        contact_role: Some("teamleider".into()),
        professional: Some("A. Jansen, arbeids- en organisatiedeskundige".into()),
    })?;
    let answers = Answers {
        entry: None,
        role: first(&t.roles),
        level: t.levels.get(1).map(|l| l.id.clone()),
        steps: vec!["B".into(), "C".into()],
        themes: t.themes.iter().take(2).map(|th| th.id.clone()).collect(),
        sector: first(&t.sectors),
        risk_group: first(&t.risk_groups),
        min_evidence: first(&t.evidence_levels),
        free: true,
        max_time: first(&t.time_classes),
        have: cat.interventions.iter().skip(5).take(1).map(|i| i.id.clone()).collect(),
        signals: Vec::new(),
    };
    store.dossier_set_answers(&full, &answers)?;
    let ids: Vec<&str> = cat.interventions.iter().take(3).map(|i| i.id.as_str()).collect();
    store.dossier_shortlist(&full, ids[0], Some("past bij de werkdruk in het team"))?;
    store.dossier_shortlist(&full, ids[1], None)?;
    store.dossier_note(&full, "Eerste gesprek: hoge werkdruk, veel verloop.")?;
    store.dossier_note(
        &full,
        "Tweede gesprek — \"aanbod-scan\" besproken; café\u{301} & één regel\nmet een regeleinde.",
    )?;
    store.dossier_plan(
        &full,
        &PlanChange {
            intervention_id: Some(ids[0].into()),
            what: Some("Teamsessie over taakverdeling".into()),
            who: Some("teamleider".into()),
            start_date: Some("2025-11-01".into()),
            evaluation_date: Some("2026-02-01".into()),
            evaluation_method: Some("korte vragenlijst".into()),
            status: Some("lopend".into()),
            ..Default::default()
        },
    )?;
    store.dossier_plan(
        &full,
        &PlanChange {
            intervention_id: Some(ids[2].into()),
            what: Some("Scholing leidinggevenden".into()),
            status: Some("gepland".into()),
            ..Default::default()
        },
    )?;
    export(&store, &full, "full.json")?;

    // A template copy of the full one (no notes, no plan, no visit date).
    let copy = store.dossier_duplicate(&full)?;
    export(&store, &copy, "duplicate.json")?;
    Ok(())
}
