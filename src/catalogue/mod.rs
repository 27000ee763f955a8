//! The catalogue: its model, the checks every catalogue file must pass, and the catalogue
//! bundled into the binary at build time.

pub mod model;
pub mod validate;

pub use model::{Catalogue, Intervention, Pack, StepGuide, Taxonomy, Term};

use crate::error::Result;

/// The validated catalogue that `build.rs` bundled from `data/`.
const BUNDLED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// A short content hash of the bundled catalogue; changes whenever `data/` changes.
pub const BUNDLED_HASH: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.hash"));

/// Parses the bundled catalogue.
pub fn bundled() -> Result<Catalogue> {
    Ok(serde_json::from_str(BUNDLED_JSON)?)
}

impl Catalogue {
    /// The catalogue version: the newest review date and the content hash.
    pub fn version(&self) -> String {
        let newest = self
            .interventions
            .iter()
            .map(|i| i.last_reviewed.as_str())
            .max()
            .unwrap_or("0000-00-00");
        format!("{newest}+{}", &BUNDLED_HASH[..BUNDLED_HASH.len().min(8)])
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id == id)
    }

    /// The pack that holds every intervention, as printed by `keuzehulp list --json`.
    pub fn to_pack(&self) -> Pack {
        Pack {
            format: Some("keuzehulp-pack".into()),
            version: Some(1),
            catalogue_version: Some(self.version()),
            interventions: self.interventions.clone(),
        }
    }
}
