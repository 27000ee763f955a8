//! Dates in the command line's text output read dd-mm-jjjj (as the window and the report
//! show them); `--json` and files keep ISO (YYYY-MM-DD, UTC moments).

use crate::util::{Cli, Run};

/// Runs a command in text mode, expects success, returns stdout.
fn text(cli: &Cli, args: &[&str]) -> String {
    let output = cli.cmd().env("KEUZEHULP_TODAY", "2027-01-02").args(args).run();
    assert!(output.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Every ISO date (`YYYY-MM-DD`) in a text.
fn iso_dates(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(9))
        .filter(|&i| {
            b[i..i + 10].iter().enumerate().all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() })
        })
        .map(|i| &text[i..i + 10])
        .collect()
}

/// A dd-mm-jjjj date, optionally followed by "HH:MM UTC".
fn has_nl_moment(text: &str, prefix: &str) -> bool {
    text.lines().any(|line| {
        line.find(prefix).is_some_and(|at| {
            let rest = &line[at + prefix.len()..];
            let b = rest.as_bytes();
            b.len() >= 20
                && b[..10]
                    .iter()
                    .enumerate()
                    .all(|(k, c)| if k == 2 || k == 5 { *c == b'-' } else { c.is_ascii_digit() })
                && rest[10..].starts_with(' ')
                && rest[16..].starts_with(" UTC")
        })
    })
}

#[test]
fn a_dossier_in_text_shows_dutch_dates_and_in_json_iso() {
    let cli = Cli::new();
    let id = cli.json(&["dossier", "new", "--org", "Zorggroep Oost", "--date", "2027-03-15"])["id"]
        .as_str()
        .expect("id")
        .to_string();
    cli.json(&[
        "dossier",
        "plan",
        &id,
        "--intervention",
        "pico",
        "--what",
        "Pilot",
        "--who",
        "Teamleider",
        "--start",
        "2027-04-01",
        "--evaluate-on",
        "2027-06-30",
    ]);
    cli.json(&["dossier", "note", &id, "Eerste gesprek"]);

    let list = text(&cli, &["dossier", "list"]);
    assert!(list.contains("bezoek 15-03-2027"), "{list}");
    let shown = text(&cli, &["dossier", "show", &id]);
    assert!(shown.contains("Bezoek: 15-03-2027"), "{shown}");
    assert!(shown.contains("start 01-04-2027; evaluatie 30-06-2027"), "{shown}");
    assert!(has_nl_moment(&shown, "  ["), "a note's moment as dd-mm-jjjj HH:MM UTC: {shown}");
    for out in [&list, &shown] {
        assert_eq!(iso_dates(out), Vec::<&str>::new(), "no ISO date in text output: {out}");
    }

    let json = cli.json(&["dossier", "show", &id]);
    assert_eq!(json["visit_date"], "2027-03-15");
    assert_eq!(json["plan"][0]["evaluation_date"], "2027-06-30");
    assert_eq!(cli.json(&["dossier", "list"])["dossiers"][0]["visit_date"], "2027-03-15");

    cli.json(&["dossier", "delete", &id]);
    let trash = text(&cli, &["dossier", "trash"]);
    assert!(has_nl_moment(&trash, "verwijderd "), "{trash}");
    assert!(trash.contains("wordt gewist op "), "{trash}");
    assert_eq!(iso_dates(&trash), Vec::<&str>::new(), "{trash}");
    let json = cli.json(&["dossier", "trash"]);
    assert_eq!(iso_dates(json["trash"][0]["erased_on"].as_str().expect("erased_on")).len(), 1);
}

#[test]
fn the_catalogue_and_a_record_in_text_show_dutch_dates() {
    let cli = Cli::new();
    let catalogue = text(&cli, &["catalogue"]);
    assert!(catalogue.contains("op 02-01-2027"), "today as dd-mm-jjjj: {catalogue}");
    assert_eq!(iso_dates(&catalogue), Vec::<&str>::new(), "{catalogue}");
    let json = cli.json(&["catalogue"]);
    assert_eq!(iso_dates(json["date"].as_str().expect("date")).len(), 1, "JSON keeps ISO");

    let shown = text(&cli, &["show", "open-spreekuur-bedrijfsarts"]);
    assert!(shown.contains("Laatst gecontroleerd: "), "{shown}");
    assert_eq!(iso_dates(&shown), Vec::<&str>::new(), "{shown}");
}

#[test]
fn backups_in_text_show_their_moment_the_dutch_way() {
    let cli = Cli::new();
    cli.json(&["dossier", "new", "--org", "Fabriek West"]);
    cli.json(&["backup", "create"]);
    let list = text(&cli, &["backup", "list"]);
    // The moment leads each line; the file name keeps its ISO time.
    assert!(list.lines().all(|l| has_nl_moment(l, "")), "{list}");
}
