//! `keuzehulp validate` on broken catalogue directories and packs: each error names the file,
//! the field (or record id) and what is wrong; the round trip list → validate succeeds.

use std::path::Path;

use crate::util::{self, Cli};

/// Runs `validate PATH`, expects failure, returns stderr.
fn invalid(path: &Path) -> String {
    let output = Cli::new().cmd().arg("validate").arg(path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1), "validate must fail on {}", path.display());
    assert!(output.stdout.is_empty(), "nothing on stdout when invalid");
    String::from_utf8(output.stderr).expect("utf-8")
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).expect("read");
    std::fs::write(path, f(text)).expect("write");
}

#[test]
fn the_data_directory_is_valid() {
    let out = Cli::new().cmd().arg("validate").arg(util::data_dir()).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is geldig"));
}

#[test]
fn a_truncated_file_names_the_file_and_line() {
    let dir = util::copy_of_data();
    let file = dir.path().join("interventions/pico.toml");
    edit(&file, |text| text[..text.len() / 2].to_string() + "\nname = \"");
    let err = invalid(dir.path());
    assert!(err.contains("pico.toml:"), "{err}");
    assert!(
        // After the file name (a Windows path has a colon of its own: C:\...).
        err.lines().any(|l| l
            .split_once("pico.toml:")
            .and_then(|(_, rest)| rest.split(':').next())
            .is_some_and(|n| n.trim().parse::<u32>().is_ok())),
        "line number: {err}"
    );
}

#[test]
fn a_missing_required_field_is_named() {
    let dir = util::copy_of_data();
    let file = dir.path().join("interventions/pico.toml");
    edit(&file, |text| text.lines().filter(|l| !l.starts_with("kind ")).collect::<Vec<_>>().join("\n"));
    let err = invalid(dir.path());
    assert!(err.contains("pico.toml") && err.contains("het veld ontbreekt: `kind`"), "{err}");
}

#[test]
fn a_value_outside_the_taxonomy_names_the_value_and_the_allowed_ones() {
    let dir = util::copy_of_data();
    let file = dir.path().join("interventions/buddysysteem.toml");
    edit(&file, |text| {
        text.lines()
            .map(|l| if l.starts_with("levels ") { "levels = [\"galaxy\"]".to_string() } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let err = invalid(dir.path());
    assert!(err.contains("buddysysteem.toml:levels: \"galaxy\" is niet toegestaan"), "{err}");
    assert!(err.contains("individu, team, organisatie"), "allowed values listed: {err}");
}

#[test]
fn two_records_with_one_id_name_the_id() {
    let dir = util::copy_of_data();
    let from = dir.path().join("interventions/pico.toml");
    let copy = dir.path().join("interventions/pico-kopie.toml");
    std::fs::copy(&from, &copy).expect("copy");
    let err = invalid(dir.path());
    assert!(err.contains("\"pico\""), "{err}");
    assert!(err.contains("moet gelijk zijn aan de bestandsnaam") || err.contains("komt twee keer voor"), "{err}");
}

#[test]
fn an_unknown_field_is_named() {
    let dir = util::copy_of_data();
    let file = dir.path().join("interventions/intervisie.toml");
    edit(&file, |text| format!("galaxy_rating = 5\n{text}"));
    let err = invalid(dir.path());
    assert!(err.contains("intervisie.toml") && err.contains("onbekend veld `galaxy_rating`"), "{err}");
}

#[test]
fn a_step_without_advice_for_a_role_is_named() {
    let dir = util::copy_of_data();
    let file = dir.path().join("steps/C.toml");
    edit(&file, |text| text.replace("role = \"medewerker\"", "role = \"leidinggevende\""));
    let err = invalid(dir.path());
    assert!(err.contains("C.toml:advice") && err.contains("\"medewerker\""), "{err}");
}

#[test]
fn the_list_output_is_a_valid_pack() {
    let cli = Cli::new();
    let out = cli.cmd().args(["list", "--json"]).output().expect("runs");
    assert!(out.status.success());
    let pack = cli.data.path().join("pack.json");
    std::fs::write(&pack, &out.stdout).expect("write pack");
    let check = cli.cmd().arg("validate").arg(&pack).output().expect("runs");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &value["interventions"][0];
    for field in [
        "id",
        "name",
        "aliases",
        "kind",
        "summary",
        "benefits",
        "involves",
        "time",
        "time_class",
        "cost",
        "cost_class",
        "privacy",
        "developed_by",
        "url",
        "levels",
        "steps",
        "roles",
        "themes",
        "sectors",
        "risk_groups",
        "evidence",
        "sources",
        "last_reviewed",
    ] {
        assert!(first.get(field).is_some(), "list --json has field {field}");
    }
}

#[test]
fn a_broken_pack_names_the_record_id_and_field() {
    let cli = Cli::new();
    let mut value = cli.json(&["list"]);
    value["interventions"][3]["steps"] = serde_json::json!(["Z9"]);
    let id = value["interventions"][3]["id"].as_str().expect("id").to_string();
    let pack = cli.data.path().join("broken.json");
    std::fs::write(&pack, value.to_string()).expect("write");
    let err = invalid(&pack);
    assert!(
        err.contains("broken.json") && err.contains(&format!("(id \"{id}\").steps")) && err.contains("\"Z9\""),
        "{err}"
    );
}

#[test]
fn a_malformed_pack_names_the_file_and_position() {
    let cli = Cli::new();
    let pack = cli.data.path().join("kapot.json");
    std::fs::write(&pack, "{\"interventions\": [ {\"id\": ").expect("write");
    let err = invalid(&pack);
    assert!(err.contains("kapot.json:1:"), "{err}");
}

#[test]
fn a_way_in_that_leads_with_an_unknown_record_is_named() {
    let dir = util::copy_of_data();
    edit(&dir.path().join("tree.toml"), |text| text.replace("\"buddysysteem\"", "\"buddy-systeem\""));
    let err = invalid(dir.path());
    assert!(err.contains("tree.toml:entries[2].lead_with: er is geen interventie met id \"buddy-systeem\""), "{err}");
}
