//! Keuzehulp's core: the catalogue of interventions against psychosocial workload, and
//! every rule for choosing among them. The command-line program (`src/main.rs`, `src/cli/`)
//! and the desktop shell (`src-tauri/`) are thin faces over [`Keuzehulp`] and [`Session`];
//! see ARCHITECTURE.md. The store, its backups and its encryption are private: the faces see
//! only the few types re-exported here.

#![warn(missing_docs)]

pub mod advisor;
pub mod app;
mod backup;
pub mod catalogue;
mod claim;
pub mod cli;
mod crypt;
pub mod dossier;
pub mod error;
pub mod fetch;
pub mod files;
mod input;
mod replace;
pub mod report;
pub mod search;
pub mod session;
pub mod signing;
mod store;
pub mod time;
#[cfg(test)]
mod ui_types;

pub use app::{CatalogueSummary, Keuzehulp, default_data_dir};
pub use backup::{Backup, BackupKind, Erasure, Unerased};
pub use crypt::{PASSPHRASE_ENV, Passphrase};
pub use error::{Error, Result};
pub use session::{Session, SessionError};
pub use store::{DB_FILE, ImportReport};

/// For the fuzz targets only (`fuzz/`, feature `fuzzing`): the store they drive directly,
/// below the façade. Not part of what the faces may use.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::store::Store;

    /// Opens (creating) a plain store in `dir` and brings its schema up to date.
    pub fn open_store(dir: &std::path::Path) -> crate::Result<Store> {
        Store::open(dir, None, crate::time::Clock::system(), || false)?.migrate()
    }

    /// [`crate::dossier::file`]'s import of a checked dossier file into `store`.
    pub fn import_dossier(
        store: &mut Store,
        file: &crate::dossier::file::DossierFile,
        replace: bool,
    ) -> crate::Result<crate::dossier::file::ImportOutcome> {
        crate::dossier::file::import(store, file, replace)
    }

    /// [`crate::dossier::file`]'s export of dossier `id` as plain JSON to `path`, with every
    /// note.
    pub fn export_dossier(store: &Store, id: &str, path: &std::path::Path) -> crate::Result<()> {
        crate::dossier::file::export(store, id, path, None, true)
    }
}
