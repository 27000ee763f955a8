//! Signed packs: keys, signatures beside the pack, the trust list, updates from a folder, and
//! every way a signature can be wrong (unknown key, a changed byte, a signature for other
//! bytes, a truncated one). A refused pack changes nothing.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::util::Cli;
use crate::util::Run;

/// A pack holding one copy of the bundled record `pico` under `id`.
pub fn write_pack(cli: &Cli, file: &str, id: &str) -> PathBuf {
    let mut record = cli.json(&["list"])["interventions"]
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "pico")
        .cloned()
        .expect("pico");
    record["id"] = id.into();
    record["name"] = format!("Pakketinterventie {id}").into();
    record["aliases"] = json!([]);
    let pack = json!({
        "format": "keuzehulp-pack", "version": 2, "catalogue_version": "1.0", "date": "2026-11-01",
        "publisher": "Trimbos-instituut", "interventions": [record],
    });
    let path = cli.data.path().join(file);
    std::fs::write(&path, serde_json::to_string_pretty(&pack).expect("json")).expect("write");
    path
}

pub fn keys(cli: &Cli) -> PathBuf {
    let dir = cli.data.path().join("sleutels");
    let made = cli.json(&["pack", "keygen", "--out", dir.to_str().expect("utf-8")]);
    assert_eq!(made["key_id"].as_str().map(str::len), Some(16));
    dir
}

pub fn sign(cli: &Cli, pack: &Path, keys: &Path) {
    let key = keys.join("publisher.key");
    cli.json(&["pack", "sign", pack.to_str().expect("utf-8"), "--key", key.to_str().expect("utf-8")]);
}

/// Runs `import PACK`, expects a refusal, returns stderr; checks that nothing was imported.
fn refused(cli: &Cli, pack: &Path, id: &str) -> String {
    let before = cli.json(&["catalogue"])["content_hash"].clone();
    let out = cli.cmd().arg("import").arg(pack).run();
    assert_eq!(out.status.code(), Some(1), "refused, no panic: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cli.json(&["catalogue"])["content_hash"], before, "nothing changed");
    assert!(!cli.cmd().args(["show", id]).run().status.success(), "{id} not imported");
    String::from_utf8(out.stderr).expect("utf-8")
}

#[test]
fn a_pack_signed_with_a_trusted_key_is_credited_to_its_publisher() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let pack = write_pack(&cli, "pakket.json", "ondertekende-interventie");
    sign(&cli, &pack, &keys);
    assert!(pack.with_extension("json.minisig").is_file(), "the signature lies beside the pack");

    let err = refused(&cli, &pack, "ondertekende-interventie");
    assert!(err.contains("pakket.json.minisig") && err.contains("niet vertrouwt"), "{err}");

    let public = keys.join("publisher.pub");
    cli.json(&["trust", "add", public.to_str().expect("utf-8"), "--name", "Trimbos-instituut"]);
    let listed = cli.json(&["trust", "list"]);
    assert_eq!(listed["trusted"][0]["name"], "Trimbos-instituut");

    let report = cli.json(&["import", pack.to_str().expect("utf-8")]);
    assert_eq!(report["publisher"], "Trimbos-instituut");
    let origin = cli.json(&["show", "ondertekende-interventie"])["origin"].clone();
    assert_eq!(
        origin,
        json!({ "kind": "publisher", "name": "Trimbos-instituut", "version": "1.0", "date": "2026-11-01" })
    );

    // Once the key is no longer trusted, a new pack signed with it is refused, saying so.
    cli.json(&["trust", "remove", "Trimbos-instituut"]);
    let next = write_pack(&cli, "volgende.json", "volgende-interventie");
    sign(&cli, &next, &keys);
    let err = refused(&cli, &next, "volgende-interventie");
    assert!(err.contains("\"Trimbos-instituut\"") && err.contains("niet meer vertrouwd"), "{err}");
    let list = cli.json(&["trust", "list"]);
    assert_eq!(list["trusted"], json!([]));
    assert_eq!(list["revoked"][0]["name"], "Trimbos-instituut");
    // What was imported while the key was trusted stays, credited as it was.
    assert_eq!(cli.json(&["show", "ondertekende-interventie"])["origin"]["name"], "Trimbos-instituut");
    // Trusting it again is the user's choice, and works.
    cli.json(&["trust", "add", public.to_str().expect("utf-8"), "--name", "Trimbos-instituut"]);
    assert_eq!(cli.json(&["import", next.to_str().expect("utf-8")])["publisher"], "Trimbos-instituut");
    assert_eq!(cli.json(&["trust", "list"])["revoked"], json!([]));
}

#[test]
fn a_key_trusted_until_a_day_is_refused_after_it() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let public = keys.join("publisher.pub");
    let on = |day: &'static str| [("KEUZEHULP_TODAY", day)];
    let add = |until: &str, day: &'static str| {
        cli.cmd()
            .args(["trust", "add"])
            .arg(&public)
            .args(["--name", "Uitgever", "--until", until])
            .envs(on(day))
            .output()
    };
    // A date that is no date, or already past, is refused at `trust add`.
    for (until, says) in [("31-01-2027", "geen datum"), ("2026-12-31", "ligt voor vandaag")] {
        let out = add(until, "2027-01-01").expect("runs");
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--until") && err.contains(says), "{until}: {err}");
    }
    assert!(add("2027-01-31", "2027-01-01").expect("runs").status.success());
    assert_eq!(cli.json(&["trust", "list"])["trusted"][0]["valid_until"], "2027-01-31");

    let pack = write_pack(&cli, "pakket.json", "tijdelijk-vertrouwd");
    sign(&cli, &pack, &keys);
    // The day after the last day: refused, naming the date; nothing imported.
    let out = cli.cmd().arg("import").arg(&pack).envs(on("2027-02-01")).run();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tot en met 2027-01-31") && err.contains("niets geïmporteerd"), "{err}");
    assert!(!cli.cmd().args(["show", "tijdelijk-vertrouwd"]).run().status.success());
    // The last day itself still counts.
    let out = cli.cmd().arg("import").arg(&pack).arg("--json").envs(on("2027-01-31")).run();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(cli.json(&["show", "tijdelijk-vertrouwd"])["origin"]["name"], "Uitgever");
}

#[test]
fn a_changed_byte_or_a_signature_for_other_bytes_is_refused() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Uitgever"]);

    let pack = write_pack(&cli, "pakket.json", "gewijzigde-interventie");
    sign(&cli, &pack, &keys);
    let mut bytes = std::fs::read(&pack).expect("read");
    let at = bytes.iter().position(|b| *b == b'P').expect("a capital P in the name");
    bytes[at] = b'Q';
    std::fs::write(&pack, &bytes).expect("write");
    let err = refused(&cli, &pack, "gewijzigde-interventie");
    assert!(err.contains("past niet bij dit pakket") && err.contains("niets geïmporteerd"), "{err}");

    // A genuine signature, but of another pack.
    let other = write_pack(&cli, "ander.json", "andere-interventie");
    sign(&cli, &other, &keys);
    let pack = write_pack(&cli, "pakket.json", "gewijzigde-interventie");
    std::fs::copy(other.with_extension("json.minisig"), pack.with_extension("json.minisig")).expect("copy");
    assert!(refused(&cli, &pack, "gewijzigde-interventie").contains("past niet bij dit pakket"));
}

#[test]
fn a_truncated_or_garbled_signature_is_refused_without_a_panic() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Uitgever"]);
    let pack = write_pack(&cli, "pakket.json", "afgebroken-interventie");
    sign(&cli, &pack, &keys);
    let signature = pack.with_extension("json.minisig");
    let whole = std::fs::read_to_string(&signature).expect("read");
    for broken in [
        whole[..whole.len() - 20].to_string(),
        whole.lines().take(2).collect::<Vec<_>>().join("\n"),
        String::new(),
        "\u{0}\u{ff}garbage".to_string(),
    ] {
        std::fs::write(&signature, &broken).expect("write");
        let err = refused(&cli, &pack, "afgebroken-interventie");
        assert!(err.contains("handtekening") && err.contains("niets geïmporteerd"), "{err}");
    }
}

#[test]
fn a_publisher_name_with_control_characters_or_a_bad_key_is_refused() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let public = keys.join("publisher.pub");
    for (name, says) in [
        ("Uitgever\u{1b}[31m", "stuurteken (U+001B"),
        ("Uit\ngever", "stuurteken (U+000A"),
        // A right-to-left override would make the name read differently on screen.
        ("Trimbos\u{202e}tutitsni", "stuurteken (U+202E"),
        ("  ", "geef de uitgever een naam"),
    ] {
        let out = cli.cmd().args(["trust", "add"]).arg(&public).args(["--name", name]).run();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--name") && err.contains(says) && !err.contains('\u{1b}'), "{err:?}");
    }
    let out = cli.cmd().args(["trust", "add", "RWgeensleutel", "--name", "Uitgever"]).run();
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen openbare minisign-sleutel"));
    assert_eq!(cli.json(&["trust", "list"])["trusted"], json!([]));
    // The same key under a second name is refused by the first name.
    cli.json(&["trust", "add", public.to_str().expect("utf-8"), "--name", "Eerste"]);
    let out = cli.cmd().args(["trust", "add"]).arg(&public).args(["--name", "Tweede"]).run();
    assert!(String::from_utf8_lossy(&out.stderr).contains("al vertrouwd als \"Eerste\""));
    // A key is never overwritten.
    let out = cli.cmd().args(["pack", "keygen", "--out"]).arg(&keys).run();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("niet overschreven"));
}

#[test]
fn an_invalid_pack_is_not_signed() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let pack = cli.data.path().join("kapot.json");
    std::fs::write(&pack, r#"{"interventions": [{"id": "x"}]}"#).expect("write");
    let out = cli
        .cmd()
        .args(["pack", "sign"])
        .arg(&pack)
        .arg("--key")
        .arg(keys.join("publisher.key"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(!pack.with_extension("json.minisig").exists());
}

#[test]
fn a_signature_made_by_the_minisign_tool_itself_is_accepted() {
    // tests/fixtures/minisign: a pack signed with `minisign -S` (minisign 0.11, Debian) and
    // its public key, so the format is the tool's own and not only this program's.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minisign");
    let cli = Cli::new();
    for file in ["pakket.json", "pakket.json.minisig"] {
        std::fs::copy(fixtures.join(file), cli.data.path().join(file)).expect("copy fixture");
    }
    cli.json(&["trust", "add", fixtures.join("minisign.pub").to_str().expect("utf-8"), "--name", "Minisign-test"]);
    let report: Value = cli.json(&["import", cli.data.path().join("pakket.json").to_str().expect("utf-8")]);
    assert_eq!(report["publisher"], "Minisign-test");
}

/// An update folder: `index.json` listing `names`, each a pack written by `write_pack`.
fn update_dir(cli: &Cli, names: &[&str]) -> PathBuf {
    let dir = cli.data.path().join("update");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("index.json"), json!({ "format": "keuzehulp-index", "packs": names }).to_string())
        .expect("write index");
    dir
}

#[test]
fn update_from_a_folder_checks_every_pack_then_imports_them_in_order() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos-instituut"]);
    let dir = update_dir(&cli, &["ondertekend.json", "eigen.json"]);
    let signed = write_pack(&cli, "update/ondertekend.json", "uit-de-update");
    sign(&cli, &signed, &keys);
    write_pack(&cli, "update/eigen.json", "eigen-uit-de-update");

    let hash = cli.json(&["catalogue"])["content_hash"].clone();
    let preview = cli.json(&["update", "--from", dir.to_str().expect("utf-8"), "--dry-run"]);
    assert_eq!(preview["packs"][0]["added"], json!(["uit-de-update"]));
    assert_eq!(preview["packs"][0]["imported"], false);
    assert_eq!(cli.json(&["catalogue"])["content_hash"], hash, "a dry run changes nothing");

    let done = cli.json(&["update", "--from", dir.to_str().expect("utf-8")]);
    assert_eq!(done["packs"][0]["publisher"], "Trimbos-instituut");
    assert_eq!(done["packs"][1]["publisher"], "eigen");
    assert_eq!(cli.json(&["show", "uit-de-update"])["origin"]["kind"], "publisher");
    assert_eq!(cli.json(&["show", "eigen-uit-de-update"])["origin"]["kind"], "eigen");
    // The same folder again: nothing new.
    let again = cli.json(&["update", "--from", dir.to_str().expect("utf-8")]);
    assert_eq!((again["packs"][0]["unchanged"].as_u64(), again["packs"][1]["unchanged"].as_u64()), (Some(1), Some(1)));
}

#[test]
fn one_bad_pack_in_an_update_imports_none_and_paths_stay_in_the_folder() {
    let cli = Cli::new();
    let keys = keys(&cli);
    let dir = update_dir(&cli, &["goed.json", "onbekende-sleutel.json"]);
    write_pack(&cli, "update/goed.json", "goed-uit-de-update");
    let untrusted = write_pack(&cli, "update/onbekende-sleutel.json", "niet-vertrouwd");
    sign(&cli, &untrusted, &keys);
    let err = refused_update(&cli, &dir);
    assert!(err.contains("onbekende-sleutel.json.minisig") && err.contains("niet vertrouwt"), "{err}");
    assert!(!cli.cmd().args(["show", "goed-uit-de-update"]).run().status.success());

    for name in ["../pakket.json", "/etc/passwd", "sub/pakket.json", ""] {
        update_dir(&cli, &[name]);
        let err = refused_update(&cli, &dir);
        assert!(err.contains("packs[0]") && err.contains("geen bestandsnaam"), "{name}: {err}");
    }
}

fn refused_update(cli: &Cli, dir: &Path) -> String {
    let before = cli.json(&["catalogue"])["content_hash"].clone();
    let out = cli.cmd().args(["update", "--from"]).arg(dir).run();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(cli.json(&["catalogue"])["content_hash"], before, "nothing changed");
    String::from_utf8(out.stderr).expect("utf-8")
}
