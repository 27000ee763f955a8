//! `keuzehulp validate` on broken catalogue directories and packs, as a table: what is
//! broken and a fragment of the `file:field: message` line it must give, all run through one
//! helper ([`problems`]). Every check of a single record is in the unit table of
//! `src/catalogue/validate/tests.rs`; here are the files of a data directory, and a pack as
//! the command line reads it. The round trip list → validate succeeds.

use std::path::Path;

use serde_json::{Value, json};

use crate::util::Run;
use crate::util::{self, Cli};

/// What is broken on purpose.
enum Broken {
    /// One file of a copy of data/ (its path inside data/), changed by the function; `None`
    /// deletes the file.
    File(&'static str, fn(String) -> Option<String>),
    /// The pack `list --json` prints, changed by the function.
    Pack(fn(&mut Value)),
    /// A pack file with this text.
    PackText(&'static str),
}

/// Lines changed one by one: every line starting with `start` becomes `to`.
fn replace_line(text: &str, start: &str, to: &str) -> String {
    text.lines().map(|l| if l.starts_with(start) { to } else { l }).collect::<Vec<_>>().join("\n")
}

/// (what is broken, how, fragments of the problem it must give).
fn cases() -> Vec<(&'static str, Broken, &'static [&'static str])> {
    use Broken::{File, Pack, PackText};
    vec![
        (
            "a file the parser cannot read names the line and column",
            File("interventions/pico.toml", |t| Some(format!("naam = \"x\n{t}"))),
            &["pico.toml:1:10: invalid basic string"],
        ),
        (
            "a missing required field",
            File("interventions/pico.toml", |t| {
                Some(t.lines().filter(|l| !l.starts_with("kind ")).collect::<Vec<_>>().join("\n"))
            }),
            &["pico.toml:", "het veld ontbreekt: `kind`"],
        ),
        (
            "an unknown field",
            File("interventions/intervisie.toml", |t| Some(format!("galaxy_rating = 5\n{t}"))),
            &["intervisie.toml:", "onbekend veld `galaxy_rating`"],
        ),
        (
            "a value outside the taxonomy names the allowed ones",
            File("interventions/buddysysteem.toml", |t| Some(replace_line(&t, "levels ", "levels = [\"galaxy\"]"))),
            &["buddysysteem.toml:levels: \"galaxy\" is niet toegestaan; toegestaan: individu, team, organisatie"],
        ),
        (
            "an id that is not the file's name",
            File("interventions/pico.toml", |t| Some(replace_line(&t, "id = ", "id = \"pico-twee\""))),
            &["pico.toml:id: het id \"pico-twee\" moet gelijk zijn aan de bestandsnaam \"pico\""],
        ),
        (
            "two records with one id",
            File("interventions/intervisie.toml", |t| Some(replace_line(&t, "id = ", "id = \"pico\""))),
            &["pico.toml:id: het id \"pico\" komt twee keer voor (ook in ", "intervisie.toml)"],
        ),
        (
            "a judgement date the file leaves out",
            File("interventions/buddysysteem.toml", |t| Some(replace_line(&t, "assessed_on", ""))),
            &["buddysysteem.toml:evidence.assessed_on: ontbreekt; schrijf \"onbekend\""],
        ),
        (
            "an evidence level without the scheme it was judged by",
            File("interventions/buddysysteem.toml", |t| Some(replace_line(&t, "scheme = ", "scheme = \"onbekend\""))),
            &["buddysysteem.toml:evidence.scheme: evidence level \"onderbouwd\" needs the scheme"],
        ),
        (
            "an edition older than its newest record",
            File("catalogue.toml", |t| Some(replace_line(&t, "date = ", "date = \"2020-01-01\""))),
            &["catalogue.toml:date: \"2020-01-01\" is older than the newest last_reviewed"],
        ),
        (
            "a sector under a sector that is not top-level",
            File("taxonomy.toml", |t| Some(t.replacen("parent = \"zorg\"", "parent = \"zorg-vvt\"", 1))),
            &["taxonomy.toml:sectors.zorg-ziekenhuis.parent: \"zorg-vvt\" is geen hoofdsector"],
        ),
        (
            "an evidence level without its rank",
            File("taxonomy.toml", |t| Some(t.replacen("\nrank = 3\n", "\n", 1))),
            &["taxonomy.toml:evidence_levels.effectief.rank: ontbreekt"],
        ),
        ("a missing step file", File("steps/D.toml", |_| None), &["steps:D: het bestand D.toml voor stap D ontbreekt"]),
        (
            "a step file for another step",
            File("steps/C.toml", |t| Some(replace_line(&t, "step = ", "step = \"D\""))),
            &["C.toml:step: de stap \"D\" moet gelijk zijn aan de bestandsnaam \"C\""],
        ),
        (
            "a step without advice for a role",
            File("steps/C.toml", |t| Some(t.replace("role = \"medewerker\"", "role = \"leidinggevende\""))),
            &["C.toml:advice: heeft precies één advies nodig voor rol \"medewerker\", gevonden: 0"],
        ),
        (
            "a question filling an answer that does not exist",
            File("tree.toml", |t| Some(t.replacen("answer = \"role\"", "answer = \"rol\"", 1))),
            &["tree.toml:questions[0].answer: \"rol\" is niet toegestaan; toegestaan: role, level"],
        ),
        (
            "a question of a kind there is none names the field, the value and the kinds",
            File("tree.toml", |t| Some(t.replacen("kind = \"single\"", "kind = \"singel\"", 1))),
            &["tree.toml:65:8: soort \"singel\" is niet toegestaan; toegestaan: single, multi, yes-no"],
        ),
        (
            "a question of another kind than its answer takes",
            File("tree.toml", |t| Some(t.replacen("kind = \"single\"", "kind = \"multi\"", 1))),
            &["tree.toml:questions[0].kind: moet \"single\" zijn voor antwoord \"role\""],
        ),
        (
            "a way in asked as a single word, in capitals, or as another way in's question",
            File("tree.toml", |t| {
                Some(
                    t.replacen("\"bij wie kan ik aankloppen\"", "\"aankloppen\"", 1)
                        .replacen("\"waar kan ik terecht\"", "\"Waar kan ik terecht\"", 1)
                        .replacen("\"de juiste ondersteuning organiseren\"", "\"met wie kan ik praten\"", 1),
                )
            }),
            &[
                "tree.toml:entries[2].asked_as[2]: moet minstens drie woorden hebben (een los woord is een zoekwoord, geen vraag)",
                "tree.toml:entries[2].asked_as[1]: moet in kleine letters, met één spatie tussen de woorden",
                "tree.toml:entries[3].asked_as[1]: \"met wie kan ik praten\" staat ook bij \"zorgen-terecht\"",
            ],
        ),
        (
            "a way in that leads with an unknown record",
            File("tree.toml", |t| Some(t.replace("\"buddysysteem\"", "\"buddy-systeem\""))),
            &["tree.toml:entries[2].lead_with: er is geen interventie met id \"buddy-systeem\""],
        ),
        (
            "a record of a pack names its place and id",
            Pack(|v| v["interventions"][3]["steps"] = json!(["Z9"])),
            &[".json:interventions[3] (id \"", "\").steps: \"Z9\" is niet toegestaan"],
        ),
        ("a pack that is no JSON names the place", PackText("{\"interventions\": [ {\"id\": "), &[".json:1:"]),
    ]
}

/// Runs `validate` on what `broken` describes; expects exit code 1 and nothing on stdout,
/// and returns stderr. Before it breaks anything, the same directory or pack is checked to
/// be valid, so each problem comes from the break alone.
fn problems(cli: &Cli, listed: &Value, broken: &Broken) -> String {
    let validate = |path: &Path| cli.cmd().arg("validate").arg(path).run();
    let data = util::copy_of_data();
    let path = match broken {
        Broken::File(file, change) => {
            let file = data.path().join(file);
            let text = std::fs::read_to_string(&file).expect("read");
            match change(text) {
                Some(text) => std::fs::write(&file, text).expect("write"),
                None => std::fs::remove_file(&file).expect("remove"),
            }
            data.path().to_path_buf()
        }
        Broken::Pack(change) => {
            let mut pack = listed.clone();
            change(&mut pack);
            let path = data.path().join("pakket.json");
            std::fs::write(&path, pack.to_string()).expect("write");
            path
        }
        Broken::PackText(text) => {
            let path = data.path().join("pakket.json");
            std::fs::write(&path, text).expect("write");
            path
        }
    };
    let output = validate(&path);
    assert_eq!(output.status.code(), Some(1), "validate must fail on {}", path.display());
    assert!(output.stdout.is_empty(), "nothing on stdout when invalid");
    String::from_utf8(output.stderr).expect("utf-8")
}

#[test]
fn every_broken_file_or_pack_is_named_with_file_field_and_message() {
    let cli = Cli::new();
    // The controls: the unbroken directory and pack are valid.
    let control = cli.cmd().arg("validate").arg(util::copy_of_data().path()).run();
    assert!(control.status.success(), "{}", String::from_utf8_lossy(&control.stderr));
    assert!(String::from_utf8_lossy(&control.stdout).contains("is geldig"));
    let listed = cli.json(&["list"]);
    let mut failures = Vec::new();
    for (what, broken, wanted) in cases() {
        let err = problems(&cli, &listed, &broken);
        // A Windows path has separators of its own; compare with forward slashes.
        let err = err.replace('\\', "/");
        for fragment in wanted {
            if !err.contains(fragment) {
                failures.push(format!("{what}: wanted {fragment:?} in:\n{err}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_list_output_is_a_valid_pack() {
    let cli = Cli::new();
    let out = cli.cmd().args(["list", "--json"]).run();
    assert!(out.status.success());
    let pack = cli.data.path().join("pack.json");
    std::fs::write(&pack, &out.stdout).expect("write pack");
    let check = cli.cmd().arg("validate").arg(&pack).run();
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let value: Value = serde_json::from_slice(&out.stdout).expect("json");
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
