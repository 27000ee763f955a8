//! Build script: validates the catalogue in `data/` and bundles it into the binary.
//!
//! A broken catalogue or thesaurus (`data/thesaurus.toml`) fails the build with one `file:field: what is wrong` line per problem.
//! The validated catalogue is written as JSON to `$OUT_DIR/catalogue.json` (included by
//! `src/catalogue/bundled.rs`) together with a content hash that identifies this version.

use std::path::Path;

// The model and the validator are shared with the library, so the build checks exactly
// what `keuzehulp validate` checks.
#[allow(dead_code)]
#[path = "src/catalogue/conversation.rs"]
mod conversation;
#[allow(dead_code)]
#[path = "src/time/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/catalogue/instrument.rs"]
mod instrument;
#[allow(dead_code)]
#[path = "src/catalogue/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/catalogue/situations.rs"]
mod situations;
#[allow(dead_code)]
#[path = "src/search/thesaurus.rs"]
mod thesaurus;
#[allow(dead_code, unused_imports)]
#[path = "src/catalogue/validate/mod.rs"]
mod validate;
#[allow(dead_code)]
#[path = "src/catalogue/worker.rs"]
mod worker;
/// The date parser at the same path as in the library (`crate::time::date`).
mod time {
    pub(crate) use super::date;
}

fn main() {
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/catalogue/model.rs");
    println!("cargo::rerun-if-changed=src/catalogue/validate");
    println!("cargo::rerun-if-changed=src/search/thesaurus.rs");
    println!("cargo::rerun-if-changed=src/time/date.rs");
    println!("cargo::rerun-if-changed=src/catalogue/worker.rs");
    println!("cargo::rerun-if-changed=src/catalogue/situations.rs");
    println!("cargo::rerun-if-changed=src/catalogue/conversation.rs");
    println!("cargo::rerun-if-changed=src/catalogue/instrument.rs");
    let catalogue = load_or_fail(Path::new("data"));
    check_thesaurus(Path::new("data/thesaurus.toml"));
    let json =
        serde_json::to_string(&catalogue).unwrap_or_else(|err| fail(&format!("cannot serialise the catalogue: {err}")));
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let out = Path::new(&out_dir);
    write(&out.join("catalogue.json"), &json);
    write(&out.join("catalogue.hash"), &format!("{:016x}", fnv1a(json.as_bytes())));
    let worker = check_worker(Path::new("data/worker.toml"), &catalogue);
    let json =
        serde_json::to_string(&worker).unwrap_or_else(|err| fail(&format!("cannot serialise the worker page: {err}")));
    write(&out.join("worker.json"), &json);
    let situations = check_situations(Path::new("data/situations.toml"), &catalogue);
    let json = serde_json::to_string(&situations)
        .unwrap_or_else(|err| fail(&format!("cannot serialise the situations: {err}")));
    write(&out.join("situations.json"), &json);
    write(&out.join("situations.hash"), &format!("{:016x}", fnv1a(json.as_bytes())));
    let guides = check_conversations(Path::new("data/conversations"), &catalogue);
    let json = serde_json::to_string(&guides)
        .unwrap_or_else(|err| fail(&format!("cannot serialise the conversation guides: {err}")));
    write(&out.join("conversations.json"), &json);
    let instruments = check_instruments(Path::new("data/instruments"), &catalogue);
    let json = serde_json::to_string(&instruments)
        .unwrap_or_else(|err| fail(&format!("cannot serialise the instrument definitions: {err}")));
    write(&out.join("instruments.json"), &json);
}

/// Checks the instrument definitions in `data/instruments/` against the taxonomy's themes,
/// or prints every problem (`file:field: message`) and stops the build.
fn check_instruments(dir: &Path, catalogue: &model::Catalogue) -> Vec<instrument::Instrument> {
    let files = instrument::read_dir(dir).unwrap_or_else(|e| fail(&e));
    let themes: Vec<&str> = catalogue.taxonomy.themes.iter().map(|t| t.id.as_str()).collect();
    instrument::parse(&files, &themes).unwrap_or_else(|problems| {
        eprintln!("The instrument definitions in {} are not valid ({} problem(s)):", dir.display(), problems.len());
        for (file, field, message) in &problems {
            eprintln!("{file}:{field}: {message}");
        }
        std::process::exit(1);
    })
}

/// Checks the conversation guides in `data/conversations/` against the taxonomy, or prints
/// every problem (`file:field: message`) and stops the build.
fn check_conversations(dir: &Path, catalogue: &model::Catalogue) -> conversation::Conversations {
    let (references, guides) = conversation::read_dir(dir).unwrap_or_else(|e| fail(&e));
    fn ids(terms: &[model::Term]) -> Vec<&str> {
        terms.iter().map(|t| t.id.as_str()).collect()
    }
    let t = &catalogue.taxonomy;
    let documents: Vec<&str> = t.documents.iter().map(|d| d.id.as_str()).collect();
    let (themes, levels, steps) = (ids(&t.themes), ids(&t.levels), ids(&t.steps));
    let vocabulary =
        conversation::Vocabulary { documents: &documents, themes: &themes, levels: &levels, steps: &steps };
    conversation::parse((&references.0, &references.1), &guides, vocabulary).unwrap_or_else(|problems| {
        eprintln!("The conversation guides in {} are not valid ({} problem(s)):", dir.display(), problems.len());
        for (file, field, message) in &problems {
            eprintln!("{file}:{field}: {message}");
        }
        std::process::exit(1);
    })
}

/// Checks `data/worker.toml` (the worker's page) against the catalogue's documents and
/// records, or prints every problem and stops the build.
fn check_worker(path: &Path, catalogue: &model::Catalogue) -> Vec<worker::Lead> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let documents: Vec<&str> = catalogue.taxonomy.documents.iter().map(|d| d.id.as_str()).collect();
    let records: Vec<&str> = catalogue.interventions.iter().map(|i| i.id.as_str()).collect();
    or_fail(path, worker::parse(&text, &documents, &records))
}

/// Checks `data/situations.toml` (every record's situations, in people's own words), or
/// prints every problem and stops the build.
fn check_situations(path: &Path, catalogue: &model::Catalogue) -> std::collections::BTreeMap<String, Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let records: Vec<&str> = catalogue.interventions.iter().map(|i| i.id.as_str()).collect();
    or_fail(path, situations::parse(&text, &records, true))
}

/// The checked contents of the file at `path`, or every (field, message) problem printed as
/// `path:field: message` and the build stopped.
fn or_fail<T>(path: &Path, checked: Result<T, Vec<(String, String)>>) -> T {
    checked.unwrap_or_else(|problems| {
        eprintln!("{} is not valid ({} problem(s)):", path.display(), problems.len());
        for (field, message) in &problems {
            eprintln!("{}:{field}: {message}", path.display());
        }
        std::process::exit(1);
    })
}

/// Loads `data/`, or prints every problem and stops the build.
fn load_or_fail(dir: &Path) -> model::Catalogue {
    match validate::load_dir(dir) {
        Ok(catalogue) => catalogue,
        Err(problems) => {
            eprintln!("The catalogue in data/ is not valid ({} problem(s)):", problems.len());
            for problem in &problems {
                eprintln!("{problem}");
            }
            std::process::exit(1);
        }
    }
}

/// Checks the thesaurus (read by the search at run time), or prints every problem and stops
/// the build.
fn check_thesaurus(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    if let Err(problems) = thesaurus::parse(&text) {
        eprintln!("{} is not valid ({} problem(s)):", path.display(), problems.len());
        for problem in &problems {
            eprintln!("{}: {problem}", path.display());
        }
        std::process::exit(1);
    }
}

/// FNV-1a, 64 bits: a stable content hash without another build dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

fn write(path: &Path, text: &str) {
    if let Err(err) = std::fs::write(path, text) {
        fail(&format!("cannot write {}: {err}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(1)
}
