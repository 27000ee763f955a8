//! [`Keuzehulp`]: the one entry point that the command line and the desktop shell share.
//! It owns the data directory and the catalogue; every capability is a method here, so
//! whatever the window can do, a test can do without a window.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::catalogue::{self, Catalogue, Intervention};
use crate::error::{Error, Result};

/// The environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "KEUZEHULP_DATA_DIR";

/// The platform's data directory for Keuzehulp (e.g. `~/.local/share/keuzehulp` on
/// Linux), or `$KEUZEHULP_DATA_DIR` when set.
pub fn default_data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "Keuzehulp", "keuzehulp")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| Error::DataDir {
            path: PathBuf::from("~"),
            reason: "er is geen thuismap gevonden; geef een map op met --data-dir".into(),
        })
}

/// An open Keuzehulp: a usable data directory and the catalogue.
#[derive(Debug)]
pub struct Keuzehulp {
    data_dir: PathBuf,
    catalogue: Catalogue,
}

/// What the start screen shows about the catalogue.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CatalogueSummary {
    /// Number of interventions.
    pub count: usize,
    /// Catalogue version (newest review date + content hash).
    pub version: String,
    /// Number of interventions per level and step: `matrix[level][step]`, in taxonomy order.
    pub matrix: Vec<MatrixRow>,
}

/// One level's row of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatrixRow {
    /// The level slug.
    pub level: String,
    /// Counts per step, in taxonomy order.
    pub cells: Vec<MatrixCell>,
}

/// One cell of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatrixCell {
    /// The step slug.
    pub step: String,
    /// Interventions at this level for this step.
    pub count: usize,
}

impl Keuzehulp {
    /// Opens Keuzehulp with its data in `data_dir`, creating the directory if needed.
    /// Fails with an error naming the directory when it cannot be read or written.
    pub fn open(data_dir: &Path) -> Result<Self> {
        prepare_data_dir(data_dir)?;
        Ok(Keuzehulp {
            data_dir: data_dir.to_path_buf(),
            catalogue: catalogue::bundled()?,
        })
    }

    /// The data directory in use.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The catalogue in use.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// Every intervention, sorted by id.
    pub fn interventions(&self) -> &[Intervention] {
        &self.catalogue.interventions
    }

    /// One intervention by id; an unknown id gives an error with the nearest id as hint.
    pub fn intervention(&self, id: &str) -> Result<&Intervention> {
        self.catalogue
            .get(id)
            .ok_or_else(|| Error::UnknownIntervention {
                id: id.to_string(),
                hint: nearest_id(
                    id,
                    self.catalogue.interventions.iter().map(|i| i.id.as_str()),
                )
                .map(|near| format!(" (bedoelt u \"{near}\"?)"))
                .unwrap_or_default(),
            })
    }

    /// Counts for the start screen.
    pub fn summary(&self) -> CatalogueSummary {
        let taxonomy = &self.catalogue.taxonomy;
        let matrix = taxonomy
            .levels
            .iter()
            .map(|level| MatrixRow {
                level: level.id.clone(),
                cells: taxonomy
                    .steps
                    .iter()
                    .map(|step| MatrixCell {
                        step: step.id.clone(),
                        count: self
                            .interventions()
                            .iter()
                            .filter(|i| i.levels.contains(&level.id) && i.steps.contains(&step.id))
                            .count(),
                    })
                    .collect(),
            })
            .collect();
        CatalogueSummary {
            count: self.interventions().len(),
            version: self.catalogue.version(),
            matrix,
        }
    }
}

/// Creates `dir` if missing and proves it can be written, leaving nothing behind.
fn prepare_data_dir(dir: &Path) -> Result<()> {
    let fail = |reason: String| Error::DataDir {
        path: dir.to_path_buf(),
        reason,
    };
    if dir.exists() && !dir.is_dir() {
        return Err(fail("dit is geen map".into()));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| fail(format!("de map kan niet worden aangemaakt ({e})")))?;
    std::fs::read_dir(dir).map_err(|e| fail(format!("de map kan niet worden gelezen ({e})")))?;
    let probe = dir.join(format!(".schrijftest-{}", std::process::id()));
    std::fs::write(&probe, b"")
        .map_err(|e| fail(format!("er kan niet in de map worden geschreven ({e})")))?;
    std::fs::remove_file(&probe)
        .map_err(|e| fail(format!("een testbestand kan niet worden verwijderd ({e})")))?;
    Ok(())
}

/// The candidate closest to `wanted` by edit distance, if it is reasonably close.
fn nearest_id<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .map(|c| (edit_distance(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_id_suggests_close_ids_only() {
        let ids = ["pico", "indialoog", "buddysysteem"];
        assert_eq!(nearest_id("picoo", ids.iter().copied()), Some("pico"));
        assert_eq!(
            nearest_id("in-dialoog", ids.iter().copied()),
            Some("indialoog")
        );
        assert_eq!(nearest_id("volkomen-anders", ids.iter().copied()), None);
    }
}
