//! Tells how far the inputs in a corpus get: how many are UTF-8, how many the reader
//! accepts and, for dossier files, what the import did with them. A fuzz target only
//! proves something about the code its inputs reach; this shows whether they reach it.
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --example corpus-stats -- pack fuzz/corpus/pack
//! cargo run --manifest-path fuzz/Cargo.toml --example corpus-stats -- dossier_file fuzz/corpus/dossier_file
//! ```

use std::collections::BTreeMap;
use std::error::Error;
use std::path::{Path, PathBuf};


type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [target, dir] = args.as_slice() else {
        return Err("usage: corpus-stats pack|dossier_file DIR".into());
    };
    let cat = keuzehulp::catalogue::bundled()?;
    let known: Vec<String> = cat.interventions.iter().map(|i| i.id.clone()).collect();
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<std::io::Result<_>>()?;
    paths.sort();

    let tmp = std::env::temp_dir().join(format!("keuzehulp-corpus-stats-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    let mut store = keuzehulp::fuzzing::open_store(&tmp)?;

    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut bump = |key: &str| *counts.entry(key.to_string()).or_default() += 1;
    for path in &paths {
        bump("files");
        let bytes = std::fs::read(path)?;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            bump("not utf-8");
            continue;
        };
        let parsed = serde_json::from_str::<serde_json::Value>(text).is_ok();
        bump(if parsed { "json" } else { "not json" });
        match target.as_str() {
            "pack" => match keuzehulp::catalogue::validate::load_pack(Path::new("x"), text, &cat.taxonomy) {
                Ok(_) => bump("accepted"),
                Err(problems) if problems.len() == 1 && problems[0].message.starts_with("geen geldig pakket") => {
                    bump("refused: parse")
                }
                Err(_) => bump("refused: validation"),
            },
            "dossier_file" => {
                let Ok(file) = keuzehulp::dossier::file::parse(Path::new("x"), text, &cat.taxonomy, &known) else {
                    bump("refused");
                    continue;
                };
                bump("accepted");
                match keuzehulp::fuzzing::import_dossier(&mut store, &file, false) {
                    Ok(o) => bump(&format!("import: {}", o.result)),
                    Err(e) => bump(&format!("import error: {e}")),
                }
                match keuzehulp::fuzzing::import_dossier(&mut store, &file, true) {
                    Ok(o) => bump(&format!("import --replace: {}", o.result)),
                    Err(e) => bump(&format!("import --replace error: {e}")),
                }
            }
            other => return Err(format!("unknown target {other}").into()),
        }
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&tmp);
    for (key, n) in &counts {
        println!("{n:>8}  {key}");
    }
    Ok(())
}
