//! The core's layers point one way (ARCHITECTURE.md, "Layers"): no file of a lower layer
//! names a module of a higher one (`crate::backup`, `use crate::{app, …}`), in code or in
//! its doc links. The faces (`src/main.rs`, `src/cli/`, `src-tauri/`) sit above them all and
//! are not checked here: the compiler keeps them to the library's public items.

use std::path::{Path, PathBuf};

/// The core's top-level modules, lowest layer first; a module may name its own layer and
/// those before it.
const LAYERS: &[&[&str]] = &[
    // The catalogue, and the leaves every part may use.
    &["catalogue", "error", "time", "replace", "crypt", "signing", "fetch", "claim", "input", "files"],
    // What is kept and searched, and the advice over it.
    &["store", "search", "advisor"],
    // What is made from the store: dossiers, reports, backups.
    &["dossier", "report", "backup"],
    // The façade, and the session the faces hold; the test that generates the front end's
    // TypeScript types from the types the façade hands out.
    &["app", "session", "ui_types"],
    // A face: the command line (its place is the binary).
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").map(|e| e.expect("entry").path()) {
        if entry.is_dir() {
            rust_files(&entry, out);
        } else if entry.extension().is_some_and(|e| e == "rs") {
            out.push(entry);
        }
    }
}

/// The top-level modules `text` names as `crate::x` or inside `crate::{x, y::z}`.
fn named_modules(text: &str) -> Vec<String> {
    let ident = |s: &str| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>();
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                // The first identifier of each item at the group's top level.
                let mut depth = 0;
                let mut start = true;
                for (i, c) in group.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => start = true,
                        c if start && !c.is_whitespace() => {
                            out.push(ident(&group[i..]));
                            start = false;
                        }
                        _ => {}
                    }
                }
            }
            None => out.push(ident(rest)),
        }
    }
    out
}

#[test]
fn no_lower_layer_names_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative.components().next().and_then(|c| c.as_os_str().to_str()).expect("name");
        let module = top.trim_end_matches(".rs");
        let Some(own) = layer_of(module) else { continue };
        checked += 1;
        let text = std::fs::read_to_string(file).expect("read");
        for named in named_modules(&text) {
            if layer_of(&named).is_some_and(|theirs| theirs > own) {
                wrong.push(format!("{} names crate::{named}", relative.display()));
            }
        }
    }
    assert!(checked > 40, "the layers cover the core's files ({checked})");
    assert!(wrong.is_empty(), "a lower layer names a higher one:\n{}", wrong.join("\n"));
}

#[test]
fn every_module_of_the_core_has_a_layer() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs");
    for line in lib.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("mod ")) else { continue };
        // A module in a file of its own (`fuzzing`, written inline, is for the fuzz targets).
        let Some(module) = rest.strip_suffix(';') else { continue };
        assert!(layer_of(module).is_some(), "src/lib.rs: module {module} has no layer in tests/layers.rs");
    }
}

#[test]
fn the_check_reads_grouped_paths() {
    assert_eq!(named_modules("use crate::{app::Keuzehulp, backup, store::{self, Store}};"), ["app", "backup", "store"]);
    assert_eq!(named_modules("crate::backup::list(dir)"), ["backup"]);
}
