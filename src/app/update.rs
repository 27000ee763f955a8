//! `keuzehulp update --from DIR_OR_URL`: the packs an index lists, from a folder (a USB
//! stick, a network share) or a folder on the web (`crate::fetch`).
//!
//! The two differ only in how bytes arrive. Each file is read or fetched into memory under
//! the same limits, and from there one code path does the rest: the index is parsed, every
//! pack's signature checked and its records validated ([`Keuzehulp::check_pack`], as for
//! `import`) before the first is imported.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{ImportDiff, Keuzehulp};
use crate::catalogue::{self, Pack, validate};
use crate::error::{Error, Result};
use crate::fetch::{self, Fetched, WebSource};
use crate::signing;

/// The file in an update folder that lists its packs.
pub const UPDATE_INDEX: &str = "index.json";

/// The largest index read: it lists file names, so a megabyte is plenty.
pub const MAX_INDEX_BYTES: u64 = 1_000_000;

/// The most packs one index may list.
pub const MAX_INDEX_PACKS: usize = 100;

/// The most bytes one update reads in all (every pack is checked before the first is
/// imported, so they are all in memory at once).
pub const MAX_UPDATE_BYTES: u64 = 100_000_000;

/// `index.json`: the packs to import, in order, by file name in the same folder.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct UpdateIndex {
    /// Always `keuzehulp-index` when given.
    #[serde(default)]
    format: Option<String>,
    /// The packs' file names.
    packs: Vec<String>,
}

/// One pack of an update.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PackUpdate {
    /// Its file name.
    pub file: String,
    /// The trusted publisher that signed it, or "eigen".
    pub publisher: crate::catalogue::view::Credit,
    /// What it changes, and the records it may not write.
    #[serde(flatten)]
    pub diff: ImportDiff,
    /// Whether it was imported (false in a dry run).
    pub imported: bool,
}

/// Where an update (or a folder of shared outcome packs) comes from.
pub(super) enum Source {
    /// A folder holding `index.json` and the packs.
    Folder(PathBuf),
    /// A folder on the web.
    Web(WebSource),
}

/// A pack as it arrived, before any check: its name in messages (a path or an address), its
/// text, and its signature (name, text) when it has one.
pub(super) struct Arrived {
    pub(super) name: PathBuf,
    pub(super) text: String,
    pub(super) signature: Option<(PathBuf, String)>,
}

impl Source {
    pub(super) fn new(from: &str) -> Result<Self> {
        if fetch::is_web(from) {
            Ok(Source::Web(WebSource::new(from, UPDATE_INDEX)?))
        } else {
            Ok(Source::Folder(from.into()))
        }
    }

    /// The folder or address, as messages name it.
    pub(super) fn describe(&self) -> String {
        match self {
            Source::Folder(dir) => dir.display().to_string(),
            Source::Web(web) => fetch::redact(web.base()),
        }
    }

    /// The index's name in messages, and its text.
    pub(super) fn index(&self) -> Result<(String, String)> {
        match self {
            Source::Folder(dir) => {
                let path = inside(dir, UPDATE_INDEX)?;
                let bytes = read_capped(&path, MAX_INDEX_BYTES, "de index")?;
                Ok((path.display().to_string(), catalogue::pack_text(&path, bytes)?))
            }
            Source::Web(web) => {
                let url = web.url_of(UPDATE_INDEX);
                match web.get(&url, MAX_INDEX_BYTES, "de index van pakketten")? {
                    Fetched::Found(bytes) => {
                        let text = catalogue::pack_text(Path::new(&url), bytes)?;
                        Ok((fetch::redact(&url), text))
                    }
                    Fetched::NotFound => Err(Error::Fetch {
                        url,
                        reason: "niet gevonden (404): hier staat geen index van pakketten. Controleer het adres; het is de map waarin index.json staat".into(),
                    }),
                }
            }
        }
    }

    /// The pack `name` (a plain file name) and its signature, when it has one.
    pub(super) fn pack(&self, name: &str) -> Result<Arrived> {
        match self {
            Source::Folder(dir) => {
                let path = inside(dir, name)?;
                let text = catalogue::read_pack_file(&path)?;
                let signature_file = signing::signature_path(&path);
                if signature_file.symlink_metadata().is_ok() {
                    inside(dir, &format!("{name}.minisig"))?;
                }
                let signature = signing::read_signature_file(&signature_file)?.map(|text| (signature_file, text));
                Ok(Arrived { name: path, text, signature })
            }
            Source::Web(web) => {
                let url = web.url_of(name);
                let text = match web.get(&url, validate::MAX_PACK_BYTES, "het pakket")? {
                    Fetched::Found(bytes) => catalogue::pack_text(Path::new(&url), bytes)?,
                    Fetched::NotFound => {
                        return Err(Error::Fetch {
                            url,
                            reason: "niet gevonden (404): de index noemt dit pakket, maar de server heeft het niet"
                                .into(),
                        });
                    }
                };
                // Like a folder: no signature beside the pack means an unsigned pack.
                let signature_url = web.url_of(&format!("{name}.minisig"));
                let signature = match web.get(&signature_url, signing::MAX_SIGNATURE_BYTES, "de handtekening")? {
                    Fetched::Found(bytes) => {
                        let text = signing::signature_text(Path::new(&signature_url), bytes)?;
                        Some((PathBuf::from(fetch::redact(&signature_url)), text))
                    }
                    Fetched::NotFound => None,
                };
                Ok(Arrived { name: PathBuf::from(fetch::redact(&url)), text, signature })
            }
        }
    }
}

/// Reads at most `limit` bytes of the regular file `path`; a larger file is refused.
fn read_capped(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    crate::input::read_limited(path, limit, |_| Error::InvalidInput {
        field: path.display().to_string(),
        message: format!("{what} is groter dan {} MB; dat is geen index van pakketten", limit.div_ceil(1_000_000)),
    })
}

/// The file `name` in the update folder `dir`, when it is there and, links followed, stays
/// inside that folder: a link on a USB stick to a file elsewhere on the computer is refused.
fn inside(dir: &Path, name: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    let read = |path: &Path, source| Error::Read { path: path.to_path_buf(), source };
    let real = std::fs::canonicalize(&path).map_err(|e| read(&path, e))?;
    let folder = std::fs::canonicalize(dir).map_err(|e| read(dir, e))?;
    if !real.starts_with(&folder) {
        return Err(Error::InvalidInput {
            field: path.display().to_string(),
            message: format!(
                "dit is een koppeling naar een bestand buiten de map {}; een update leest alleen bestanden in zijn eigen map",
                dir.display()
            ),
        });
    }
    Ok(path)
}

/// The packs `index.json` of `source` lists, each checked to be a plain file name in the
/// same folder; answers the index's name (for messages) and the names.
pub(super) fn listed_packs(source: &Source) -> Result<(String, Vec<String>)> {
    let (index_name, text) = source.index()?;
    let index: UpdateIndex = serde_json::from_str(crate::input::without_bom(&text)).map_err(|e| Error::InvalidInput {
        field: index_name.clone(),
        message: format!(
            "geen geldige index ({}); verwacht {{\"format\": \"keuzehulp-index\", \"packs\": [\"pakket.json\", ...]}}",
            crate::error::printable(&e.to_string())
        ),
    })?;
    if let Some(format) = index.format.as_deref().filter(|f| *f != "keuzehulp-index") {
        return Err(Error::InvalidInput {
            field: format!("{index_name}: format"),
            message: format!("{format:?} is niet \"keuzehulp-index\""),
        });
    }
    if index.packs.len() > MAX_INDEX_PACKS {
        return Err(Error::InvalidInput {
            field: format!("{index_name}: packs"),
            message: format!(
                "{} pakketten is te veel voor één update; ten hoogste {MAX_INDEX_PACKS}",
                index.packs.len()
            ),
        });
    }
    for (i, name) in index.packs.iter().enumerate() {
        let plain = !name.is_empty()
            && !name.chars().any(char::is_control)
            && matches!(Path::new(name).components().collect::<Vec<_>>().as_slice(), [std::path::Component::Normal(_)]);
        if !plain {
            return Err(Error::InvalidInput {
                field: format!("{index_name}: packs[{i}]"),
                message: format!(
                    "{name:?} is geen bestandsnaam in {}; een index noemt alleen pakketten in zijn eigen map",
                    source.describe()
                ),
            });
        }
    }
    Ok((index_name, index.packs))
}

impl Keuzehulp {
    /// `keuzehulp update --from DIR_OR_URL`: imports the packs that `index.json` in the
    /// folder (or at the web address) lists, in order. Every pack is read or fetched, its
    /// signature checked and its records validated before anything is imported, so one bad
    /// pack (or one that cannot be fetched) imports none. Each pack's diff is taken just
    /// before it is imported; with `dry_run` nothing is imported and every diff is against
    /// the catalogue as it is now. Only a web address makes a network call.
    pub fn update_from(&mut self, from: &str, dry_run: bool) -> Result<Vec<PackUpdate>> {
        let source = Source::new(from.trim())?;
        let (index_name, names) = listed_packs(&source)?;
        let mut packs: Vec<(String, Pack, Option<String>)> = Vec::new();
        let mut total = 0u64;
        for name in &names {
            let arrived = source.pack(name)?;
            total += arrived.text.len() as u64;
            if total > MAX_UPDATE_BYTES {
                return Err(Error::InvalidInput {
                    field: index_name,
                    message: format!(
                        "de pakketten zijn samen groter dan {} MB; verdeel ze over meer updates",
                        MAX_UPDATE_BYTES / 1_000_000
                    ),
                });
            }
            let signature = arrived.signature.as_ref().map(|(file, text)| (file.as_path(), text.as_str()));
            let (pack, publisher) = self.check_pack(&arrived.name, &arrived.text, signature)?;
            packs.push((name.clone(), pack, publisher));
        }
        // Every pack's diff in order, as if the ones before it were imported: a pack that may
        // not write a record refuses the whole update before anything is imported.
        let mut origins = self.store.origins()?;
        let mut diffs = Vec::new();
        let mut refused = Vec::new();
        for (file, pack, publisher) in &packs {
            let diff = self.diff_of(pack, publisher.as_deref(), &mut origins)?;
            refused.extend(diff.refused.iter().cloned().map(|mut r| {
                r.message = format!("{file}: {}", r.message);
                r
            }));
            diffs.push(diff);
        }
        if !dry_run && !refused.is_empty() {
            return Err(Error::ImportRefused { path: PathBuf::from(source.describe()), refusals: refused });
        }
        let mut done = Vec::new();
        for ((file, pack, publisher), checked) in packs.into_iter().zip(diffs) {
            let diff =
                if dry_run { checked } else { self.diff_of(&pack, publisher.as_deref(), &mut self.store.origins()?)? };
            if !dry_run {
                self.import_pack(Path::new(&file), &pack, publisher.clone())?;
            }
            done.push(PackUpdate {
                file,
                publisher: crate::catalogue::view::Credit::of_pack(publisher),
                diff,
                imported: !dry_run,
            });
        }
        Ok(done)
    }
}
