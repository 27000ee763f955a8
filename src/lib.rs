//! Keuzehulp's core: the catalogue of interventions against psychosocial workload, and
//! every rule for choosing among them. The command-line program (`src/main.rs`) and the
//! desktop shell (`src-tauri/`) are thin faces over [`Keuzehulp`]; see ARCHITECTURE.md.

#![warn(missing_docs)]

pub mod advisor;
pub mod app;
pub mod backup;
pub mod catalogue;
pub mod cli;
pub mod crypt;
pub mod dossier;
pub mod error;
pub mod fetch;
mod replace;
pub mod report;
pub mod search;
pub mod signing;
pub mod store;
pub mod time;
#[cfg(test)]
mod ui_types;

pub use app::{CatalogueSummary, Keuzehulp, default_data_dir};
pub use error::{Error, Result};
