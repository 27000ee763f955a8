//! The command-line contract: usage errors, the data directory, list and show.

use predicates::prelude::*;

use crate::util::Cli;
use crate::util::Run;

#[test]
fn an_unknown_command_is_a_usage_error() {
    Cli::new().cmd().arg("galaxy").assert().code(2).stderr(predicate::str::contains("Usage"));
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    Cli::new().cmd().args(["list", "--galaxy"]).assert().code(2).stderr(predicate::str::contains("--galaxy"));
}

#[test]
fn a_data_dir_that_is_a_file_is_named_and_nothing_is_written() {
    let cli = Cli::new();
    let file = cli.data.path().join("gewoon-een-bestand");
    std::fs::write(&file, "inhoud").expect("write");
    let mut cmd = assert_cmd::Command::cargo_bin("keuzehulp").expect("binary");
    cmd.arg("--data-dir").arg(&file).arg("list");
    cmd.assert()
        .failure()
        .stderr(predicate::str::contains(file.display().to_string()).and(predicate::str::contains("geen map")));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "inhoud", "the file is untouched");
}

#[test]
fn a_data_dir_that_cannot_be_created_is_named() {
    let cli = Cli::new();
    let file = cli.data.path().join("bestand");
    std::fs::write(&file, "").expect("write");
    let impossible = file.join("sub");
    let mut cmd = assert_cmd::Command::cargo_bin("keuzehulp").expect("binary");
    cmd.arg("--data-dir").arg(&impossible).arg("--json").arg("list");
    let out = cmd.run();
    assert!(!out.status.success());
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("JSON error on stderr with --json");
    assert_eq!(err["error"]["code"], "data_dir");
    assert!(err["error"]["message"].as_str().unwrap_or_default().contains(&impossible.display().to_string()));
}

#[test]
fn list_prints_every_intervention() {
    let cli = Cli::new();
    let value = cli.json(&["list"]);
    let items = value["interventions"].as_array().expect("array");
    assert!(items.len() >= 45);
    let text = cli.cmd().arg("list").run();
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(text.contains("pmo-psychische-gezondheid") && text.contains(&format!("{} interventies", items.len())));
}

#[test]
fn show_prints_a_record_with_unknowns_as_niet_bekend() {
    let cli = Cli::new();
    let value = cli.json(&["show", "pico"]);
    assert_eq!(value["id"], "pico");
    let text = cli.cmd().args(["show", "pico"]).run();
    let text = String::from_utf8(text.stdout).expect("utf-8");
    assert!(text.contains("Wat u eraan hebt:") && text.contains("Privacy:"), "{text}");
    if value["privacy"].is_null() {
        assert!(text.contains("Privacy: niet bekend"), "{text}");
    }
}

#[test]
fn show_with_an_unknown_id_names_it_and_suggests_the_nearest() {
    Cli::new()
        .cmd()
        .args(["show", "picoo"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"picoo\"").and(predicate::str::contains("bedoelt u \"pico\"")));
}
