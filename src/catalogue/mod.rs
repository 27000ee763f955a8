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

/// Reads a pack file as text, refusing one larger than [`validate::MAX_PACK_BYTES`] before
/// reading it (a gigabyte file would cost gigabytes of memory and minutes of indexing).
pub fn read_pack_file(path: &std::path::Path) -> Result<String> {
    use std::io::Read as _;
    let read = |source| crate::error::Error::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(read)?;
    let too_big = |size: u64| crate::error::Error::InvalidInput {
        field: path.display().to_string(),
        message: format!(
            "het pakket is {} MB; een pakket mag ten hoogste {} MB zijn",
            size.div_ceil(1_000_000),
            validate::MAX_PACK_BYTES / 1_000_000
        ),
    };
    let size = file.metadata().map_err(read)?.len();
    if size > validate::MAX_PACK_BYTES {
        return Err(too_big(size));
    }
    let mut bytes = Vec::new();
    // A file that grows while it is read (or a pipe) stops one byte past the limit.
    file.take(validate::MAX_PACK_BYTES + 1).read_to_end(&mut bytes).map_err(read)?;
    if bytes.len() as u64 > validate::MAX_PACK_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        read(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("het bestand is geen geldige UTF-8-tekst (byte {})", e.utf8_error().valid_up_to() + 1),
        ))
    })
}

/// Parses the bundled catalogue.
pub fn bundled() -> Result<Catalogue> {
    Ok(serde_json::from_str(BUNDLED_JSON)?)
}

impl Catalogue {
    /// The catalogue version: the newest review date and the content hash.
    pub fn version(&self) -> String {
        let newest = self.interventions.iter().map(|i| i.last_reviewed.as_str()).max().unwrap_or("0000-00-00");
        format!("{newest}+{}", &BUNDLED_HASH[..BUNDLED_HASH.len().min(8)])
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id == id)
    }
}

/// A catalogue version: the newest review date of `records` and the first 8 characters of
/// the content hash.
pub fn version_of(records: &[Intervention], hash: &str) -> String {
    let newest = records.iter().map(|i| i.last_reviewed.as_str()).max().unwrap_or("0000-00-00");
    format!("{newest}+{}", hash.get(..8).unwrap_or(hash))
}

/// The pack that holds `records`, as printed by `keuzehulp list --json`.
pub fn pack_of(records: &[Intervention], version: String) -> Pack {
    Pack {
        format: Some("keuzehulp-pack".into()),
        version: Some(1),
        catalogue_version: Some(version),
        interventions: records.to_vec(),
    }
}

/// Checks that `value` (if given) is one of `terms`; the error names the value and lists
/// the allowed ones.
pub fn check_term(what: &'static str, value: Option<&str>, terms: &[Term]) -> Result<()> {
    match value {
        Some(value) if !terms.iter().any(|t| t.id == value) => Err(crate::error::Error::UnknownValue {
            what,
            value: value.to_string(),
            allowed: terms.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", "),
        }),
        _ => Ok(()),
    }
}

/// The sector slugs a record may carry to fit `sector`: the sector itself, its parent, its
/// sub-sectors, and `algemeen` (meant for every sector).
pub fn sectors_fitting(taxonomy: &Taxonomy, sector: &str) -> Vec<String> {
    let mut out = vec![sector.to_string(), "algemeen".to_string()];
    if let Some(parent) = taxonomy.sectors.iter().find(|s| s.id == sector).and_then(|s| s.parent.clone()) {
        out.push(parent);
    }
    out.extend(taxonomy.sectors.iter().filter(|s| s.parent.as_deref() == Some(sector)).map(|s| s.id.clone()));
    out.sort();
    out.dedup();
    out
}
