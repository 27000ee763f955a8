//! Fuzz target `dossier_file`: the dossier-file reader (`keuzehulp::dossier::file::parse`)
//! on arbitrary bytes and, for every input it accepts, the importer
//! (`keuzehulp::dossier::file::import`) into a real SQLite store.
//!
//! The property: no panic, no crash, no hang. Rejecting the input, or an import error, is
//! fine.
//!
//! One store per process, in `$KEUZEHULP_FUZZ_STORE_DIR/keuzehulp-fuzz-<pid>` (default: the
//! system's temporary directory). The store runs with `synchronous=FULL`, so a store on
//! tmpfs (`scripts/fuzz.sh` uses /dev/shm when it exists) is much faster than one on disk.
//! The directory is removed when the process starts; libFuzzer exits without running
//! destructors, so `scripts/fuzz.sh` removes it afterwards.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use keuzehulp::catalogue::Taxonomy;
use keuzehulp::fuzzing::Store;
use libfuzzer_sys::fuzz_target;

/// Once the store holds this many dossiers it is emptied, so the store (and the time one
/// import takes) stays bounded during a long run.
const MAX_DOSSIERS: usize = 2_000;

struct Fixture {
    taxonomy: Taxonomy,
    known: Vec<String>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let catalogue = keuzehulp::catalogue::bundled().expect("the bundled catalogue parses");
        let known = catalogue.interventions.iter().map(|i| i.id.clone()).collect();
        Fixture { taxonomy: catalogue.taxonomy, known }
    })
}

fn store_dir() -> PathBuf {
    let base = std::env::var_os("KEUZEHULP_FUZZ_STORE_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
    base.join(format!("keuzehulp-fuzz-{}", std::process::id()))
}

fn store() -> &'static Mutex<Store> {
    static STORE: OnceLock<Mutex<Store>> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = store_dir();
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("the store directory can be created");
        Mutex::new(keuzehulp::fuzzing::open_store(&dir).expect("a new store opens"))
    })
}

fuzz_target!(|data: &[u8]| {
    // The program reads a dossier file with `read_to_string`, which refuses invalid UTF-8
    // before the parser sees it.
    let Ok(text) = std::str::from_utf8(data) else { return };
    let fx = fixture();
    let Ok(file) = keuzehulp::dossier::file::parse(Path::new("fuzz.json"), text, &fx.taxonomy, &fx.known) else {
        return;
    };

    // A panic inside the lock poisons it; libFuzzer stops at the first panic anyway, but
    // take the store back rather than hide the next input behind a poisoned lock.
    let mut store = store().lock().unwrap_or_else(|e| e.into_inner());
    // First as `keuzehulp dossier import` does by default (never overwrite: new,
    // unchanged or kept-both), then with --replace (replaced or unchanged).
    static ADDED: AtomicUsize = AtomicUsize::new(0);
    if let Ok(outcome) = keuzehulp::fuzzing::import_dossier(&mut store, &file, false) {
        match outcome.result.as_str() {
            "new" => {
                ADDED.fetch_add(1, Ordering::Relaxed);
            }
            // A kept-both copy gets a fresh id every time; drop it so the store stays small.
            "kept-both" => {
                let _ = store.dossier_erase(&outcome.id);
            }
            _ => {}
        }
    }
    let _ = keuzehulp::fuzzing::import_dossier(&mut store, &file, true);
    // Read it back: the importer wrote what the reader must be able to load.
    let _ = store.dossier(&file.dossier.id);

    if ADDED.load(Ordering::Relaxed) > MAX_DOSSIERS {
        ADDED.store(0, Ordering::Relaxed);
        for d in store.dossier_list(None).unwrap_or_default() {
            let _ = store.dossier_erase(&d.id);
        }
    }
});
