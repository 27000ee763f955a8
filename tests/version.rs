//! One version for everything a user sees: `keuzehulp --version`, the window's about line
//! (the core's `PROGRAM_VERSION`), the Tauri configuration, the front end's package, and the
//! package and installer names (scripts/package.sh and the release workflow read it from
//! Cargo.toml). A version written anywhere else would drift; these tests keep it in one place.

use std::path::Path;

use crate::util::Cli;
use crate::util::Run;

fn repo(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn the_command_line_and_the_window_name_the_version_of_cargo_toml() {
    let out = Cli::new().cmd().arg("--version").run();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("keuzehulp {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(keuzehulp::app::PROGRAM_VERSION, env!("CARGO_PKG_VERSION"));
    let cli = Cli::new();
    let core = keuzehulp::Keuzehulp::open(cli.data.path()).expect("opens");
    assert_eq!(core.summary().expect("summary").program_version, env!("CARGO_PKG_VERSION"), "the window's about line");
}

#[test]
fn the_version_is_written_in_cargo_toml_only() {
    let root: toml::Table = repo("Cargo.toml").parse().expect("Cargo.toml");
    let workspace_version = root["workspace"]["package"]["version"].as_str().expect("[workspace.package] version");
    assert_eq!(workspace_version, env!("CARGO_PKG_VERSION"));
    for manifest in ["Cargo.toml", "src-tauri/Cargo.toml"] {
        let table: toml::Table = repo(manifest).parse().expect("manifest");
        assert_eq!(
            table["package"]["version"].as_table().and_then(|t| t.get("workspace")).and_then(|v| v.as_bool()),
            Some(true),
            "{manifest} takes version.workspace = true"
        );
    }
    // Without a "version" of its own, Tauri takes the desktop crate's (= the workspace's).
    let tauri: serde_json::Value = serde_json::from_str(&repo("src-tauri/tauri.conf.json")).expect("tauri.conf.json");
    assert!(tauri.get("version").is_none(), "tauri.conf.json must not carry a version of its own");
    let ui: serde_json::Value = serde_json::from_str(&repo("ui/package.json")).expect("ui/package.json");
    assert_eq!(ui["version"], env!("CARGO_PKG_VERSION"), "ui/package.json follows Cargo.toml");
    // The packaging reads the version; it never spells one.
    for script in ["scripts/package.sh", "packaging/windows/keuzehulp.nsi", ".github/workflows/release.yml"] {
        let text = repo(script);
        assert!(!text.contains(env!("CARGO_PKG_VERSION")), "{script} spells the version; read it from Cargo.toml");
    }
    assert!(repo("scripts/package.sh").contains("cargo metadata"));
    assert!(repo(".github/workflows/release.yml").contains("cargo metadata"));
}
