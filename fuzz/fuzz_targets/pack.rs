//! Fuzz target `pack`: the catalogue-pack reader and validator
//! (`keuzehulp::catalogue::validate::load_pack`) on arbitrary bytes.
//!
//! The property: no panic, no crash, no hang. Rejecting the input is fine.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use keuzehulp::catalogue::Taxonomy;
use libfuzzer_sys::fuzz_target;

/// The bundled taxonomy, parsed once per process.
fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| keuzehulp::catalogue::bundled().expect("the bundled catalogue parses").taxonomy)
}

fuzz_target!(|data: &[u8]| {
    // The program reads a pack with `read_to_string`, which refuses invalid UTF-8 before
    // the parser sees it.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = keuzehulp::catalogue::validate::load_pack(Path::new("fuzz.json"), text, taxonomy());
});
