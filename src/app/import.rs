//! The façade's catalogue packs: checking and signing a pack file, reading a pack with its
//! signature, the trusted publishers' keys, and importing (or previewing) a pack.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Keuzehulp;
use crate::catalogue::rules::{self, Incoming, RefusalCode};
use crate::catalogue::view::RecordOrigin;
use crate::catalogue::{self, Intervention, Origin, Pack, PackOrigin, Refusal, StoredOrigin, validate};
use crate::error::{Error, Result};
use crate::signing::{self, TrustList, TrustedKey};
use crate::store::ImportReport;

/// Checks a catalogue directory (such as `data/`) or a pack file as `keuzehulp validate`
/// does; answers the number of records. Needs no data directory.
pub fn validate(path: &Path) -> Result<usize> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let invalid = |problems| Error::Invalid { path: path.to_path_buf(), problems };
    if metadata.is_dir() {
        let catalogue = validate::load_dir(path).map_err(invalid)?;
        catalogue::check_worker_file(path, &catalogue).map_err(invalid)?;
        catalogue::check_conversation_dir(path, &catalogue).map_err(invalid)?;
        catalogue::check_instrument_dir(path, &catalogue).map_err(invalid)?;
        return Ok(catalogue.interventions.len());
    }
    let text = catalogue::read_pack_file(path)?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    Ok(validate::load_pack(path, &text, &taxonomy).map_err(invalid)?.interventions.len())
}

/// Signs the pack file `pack` with the secret key file `key`, when the pack is valid: a
/// signature vouches for what it covers. Answers the signature file and the key id. Needs
/// no data directory (a publisher may have none); when there is one (`data_dir`), the
/// signature is never written over its files. An existing signature stays unless `replace`.
pub fn sign_pack(pack: &Path, key: &Path, replace: bool, data_dir: Option<&Path>) -> Result<(PathBuf, String)> {
    let signature = signing::signature_path(pack);
    if let Some(dir) = data_dir {
        super::refuse_own_files(&signature, dir)?;
    }
    crate::replace::check_target(&signature, replace)?;
    let text = catalogue::read_pack_file(pack)?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    validate::load_pack(pack, &text, &taxonomy)
        .map_err(|problems| Error::Invalid { path: pack.to_path_buf(), problems })?;
    signing::sign(pack, key)
}

/// A pack file as read from disk, once: its text, its signature (file, text) when one lies
/// beside it, and the digest of both (what the window showed, so it imports the same).
pub(super) struct PackFile {
    pub(super) text: String,
    pub(super) signature: Option<(PathBuf, String)>,
    pub(super) digest: String,
}

impl PackFile {
    /// Reads the pack `path` and its signature `PATH.minisig`, size-limited and only as
    /// regular files (see `catalogue::read_pack_file`); the signature covers exactly these
    /// bytes.
    pub(super) fn read(path: &Path) -> Result<PackFile> {
        let text = catalogue::read_pack_file(path)?;
        let signature_file = signing::signature_path(path);
        let signature = signing::read_signature_file(&signature_file)?.map(|text| (signature_file, text));
        let digest = digest(&text, signature.as_ref().map(|(_, s)| s.as_str()));
        Ok(PackFile { text, signature, digest })
    }
}

/// SHA-256 over a pack's text and its signature (if any), in hexadecimal.
fn digest(text: &str, signature: Option<&str>) -> String {
    use sha2::Digest as _;
    let mut hash = sha2::Sha256::new();
    hash.update(text.as_bytes());
    if let Some(signature) = signature {
        hash.update([0xff]);
        hash.update(signature.as_bytes());
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

impl Keuzehulp {
    /// Reads a pack file once, checks its signature when one lies beside it (`PACK.minisig`),
    /// and validates it: see [`Keuzehulp::check_pack`].
    pub(super) fn read_pack(&self, path: &Path) -> Result<(Pack, Option<String>, String)> {
        let file = PackFile::read(path)?;
        let signature = file.signature.as_ref().map(|(name, text)| (name.as_path(), text.as_str()));
        let (pack, publisher) = self.check_pack(path, &file.text, signature)?;
        Ok((pack, publisher, file.digest))
    }

    /// Checks a pack held in memory (read from a file or fetched from the web, under the same
    /// size limit), named `name` in messages: its signature `(file, text)` when it has one,
    /// then its records. Returns the pack and the trusted publisher that signed it (`None`:
    /// unsigned). A signature that is damaged, made with a key the user does not trust (or
    /// no longer, or no longer on this day), or not over these bytes refuses the pack; the
    /// error names the file, record id and field of every problem in an invalid pack.
    pub(super) fn check_pack(
        &self,
        name: &Path,
        text: &str,
        signature: Option<(&Path, &str)>,
    ) -> Result<(Pack, Option<String>)> {
        let publisher = match signature {
            Some((file, signature)) => {
                let trust = self.store.trust_list()?;
                Some(signing::verify(text.as_bytes(), file, signature, &trust, &self.today())?.name.clone())
            }
            None => None,
        };
        let pack = validate::load_pack(name, text, &self.bundled.taxonomy)
            .map_err(|problems| Error::Invalid { path: name.to_path_buf(), problems })?;
        Ok((pack, publisher))
    }

    /// The keys trusted to sign packs.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>> {
        self.store.trusted_keys()
    }

    /// The keys trusted to sign packs, and those removed from the list.
    pub fn trust_list(&self) -> Result<TrustList> {
        self.store.trust_list()
    }

    /// Trusts the public key `key` (a minisign `.pub` file's text, or its base64 line) as the
    /// publisher `name`: records from packs it signs are credited to that name. With
    /// `valid_until` (YYYY-MM-DD, today or later), packs it signed are refused after that day.
    pub fn trust_add(&mut self, key: &str, name: &str, valid_until: Option<&str>) -> Result<TrustedKey> {
        let valid_until = crate::input::given(valid_until);
        if let Some(c) = name.chars().find(|c| c.is_control() || crate::error::is_direction_control(*c)) {
            return Err(Error::InvalidInput {
                field: "--name".into(),
                message: format!(
                    "de naam bevat een stuurteken (U+{:04X}, zoals een regelovergang, escape of schrijfrichtingteken) dat de naam op het scherm anders kan laten lijken; gebruik gewone tekst",
                    u32::from(c)
                ),
            });
        }
        if let Some(message) = validate::name_problem(name, validate::MAX_NAME) {
            let message = match message.as_str() {
                "is leeg" => "geef de uitgever een naam".to_string(),
                _ => format!("gebruik hoogstens {} tekens", validate::MAX_NAME),
            };
            return Err(Error::InvalidInput { field: "--name".into(), message });
        }
        if let Some(until) = valid_until {
            if !crate::time::is_date(until) {
                return Err(Error::InvalidInput {
                    field: "--until".into(),
                    message: format!("{until:?} is geen datum; schrijf JJJJ-MM-DD"),
                });
            }
            let today = self.today();
            if until < today.as_str() {
                return Err(Error::InvalidInput {
                    field: "--until".into(),
                    message: format!("{until} ligt voor vandaag ({today}); de sleutel zou meteen verlopen zijn"),
                });
            }
        }
        let (public, line) = signing::parse_public_key(key).ok_or_else(|| Error::InvalidInput {
            field: "PUBKEY".into(),
            message: "dit is geen openbare minisign-sleutel (het bestand publisher.pub, of de regel die met RW begint)"
                .into(),
        })?;
        let trusted = TrustedKey {
            name: name.to_string(),
            key_id: signing::key_id(&public),
            public_key: line,
            added_at: self.clock().now_utc(),
            valid_until: valid_until.map(str::to_string),
        };
        self.store.trust(&trusted)?;
        Ok(trusted)
    }

    /// No longer trusts the key called `name`.
    pub fn trust_remove(&mut self, name: &str) -> Result<()> {
        if self.store.distrust(name, &self.clock().now_utc())? {
            return Ok(());
        }
        let names: Vec<String> = self.store.trusted_keys()?.into_iter().map(|k| k.name).collect();
        Err(Error::InvalidInput {
            field: "NAME".into(),
            message: if names.is_empty() {
                format!("er is geen vertrouwde sleutel met de naam {name:?}; er zijn er nog geen")
            } else {
                format!("er is geen vertrouwde sleutel met de naam {name:?}; wel: {}", names.join(", "))
            },
        })
    }

    /// What importing the pack file at `path` would change, without changing anything: the
    /// new records, the changed ones with the fields that differ and where they came from
    /// and would come from, how many are the same, and the records refused, each with why.
    pub fn import_preview(&self, path: &Path) -> Result<ImportDiff> {
        let (pack, publisher, _) = self.read_pack(path)?;
        self.diff_of(&pack, publisher.as_deref(), &mut self.store.origins()?)
    }

    /// What importing `pack` (signed by `publisher`, `None`: unsigned) would change now;
    /// `origins` is where each record comes from at that moment, and afterwards where it
    /// would come from (an update looks at its packs one after the other).
    pub(super) fn diff_of(
        &self,
        pack: &Pack,
        publisher: Option<&str>,
        origins: &mut HashMap<String, StoredOrigin>,
    ) -> Result<ImportDiff> {
        let current: HashMap<&str, &Intervention> = self.interventions()?.iter().map(|r| (r.id.as_str(), r)).collect();
        let incoming = Incoming { publisher, date: pack.date.as_deref(), version: pack.catalogue_version.as_deref() };
        let becomes = StoredOrigin {
            origin: Origin::Imported,
            pack: PackOrigin {
                publisher: publisher.map(str::to_string),
                version: pack.catalogue_version.clone(),
                date: pack.date.clone(),
            },
        };
        let to = RecordOrigin::of(&becomes, &self.bundled.edition);
        let mut diff = ImportDiff::default();
        for record in &pack.interventions {
            let old = current.get(record.id.as_str());
            // A record exactly as it is changes nothing, whoever sent it.
            if old.is_some_and(|old| *old == record) {
                diff.unchanged += 1;
                continue;
            }
            let stored = origins.get(&record.id);
            if let Err((code, message)) = rules::may_write(&record.id, stored, incoming) {
                diff.refused.push(Refusal { id: record.id.clone(), name: record.name.clone(), code, message });
                continue;
            }
            match (old, stored) {
                (Some(old), Some(stored)) => diff.changed.push(ChangedRecord {
                    id: record.id.clone(),
                    name: record.name.clone(),
                    fields: changed_fields(
                        &serde_json::to_value(old).map_err(Error::json("een interventie"))?,
                        &serde_json::to_value(record).map_err(Error::json("een interventie"))?,
                    ),
                    from: RecordOrigin::of(stored, &self.bundled.edition),
                    to: to.clone(),
                }),
                _ => {
                    diff.added.push(record.id.clone());
                    diff.added_records.push(AddedRecord {
                        id: record.id.clone(),
                        name: record.name.clone(),
                        origin: to.clone(),
                    });
                }
            }
        }
        diff.refused.extend(self.instrument_refusals(pack, publisher)?);
        if diff.refused.is_empty() {
            for id in diff.written() {
                origins.insert(id.to_string(), becomes.clone());
            }
        }
        Ok(diff)
    }

    /// The instrument definitions of `pack` it may not write, by the same rule as records:
    /// an unsigned pack adds and changes only its own ("eigen") definitions; a trusted
    /// publisher changes only its own, and may put a definition in the place of a bundled
    /// one (a licensed definition with the item texts and scoring key the bundled one lacks).
    fn instrument_refusals(&self, pack: &Pack, publisher: Option<&str>) -> Result<Vec<Refusal>> {
        if pack.instruments.is_empty() {
            return Ok(Vec::new());
        }
        let imported = self.store.imported_instruments()?;
        let bundled = catalogue::instruments()?;
        let mut out = Vec::new();
        for i in &pack.instruments {
            let id = crate::error::short(&i.id);
            let owner = imported.iter().find(|(x, _)| x.id == i.id).map(|(_, owner)| owner.as_deref());
            let refusal = match (owner, publisher) {
                (None, None) if bundled.iter().any(|b| b.id == i.id) => Some((
                    RefusalCode::BundledRecord,
                    format!(
                        "\"{id}\" is een instrumentdefinitie van Keuzehulp; alleen een pakket dat een vertrouwde uitgever ondertekende, mag die vervangen. Geef uw versie een eigen id"
                    ),
                )),
                (None, _) | (Some(None), None) => None,
                (Some(None), Some(p)) => Some((
                    RefusalCode::OwnRecord,
                    format!(
                        "\"{id}\" is een eigen instrumentdefinitie op deze computer; een pakket van uitgever {p} neemt die niet over"
                    ),
                )),
                (Some(Some(o)), None) => Some((
                    RefusalCode::PublisherRecord,
                    format!(
                        "\"{id}\" is van uitgever {o}; alleen een pakket dat met de sleutel van {o} is ondertekend, mag het wijzigen"
                    ),
                )),
                (Some(Some(o)), Some(p)) if o != p => Some((
                    RefusalCode::PublisherRecord,
                    format!("\"{id}\" is van uitgever {o}; uitgever {p} mag het niet wijzigen"),
                )),
                (Some(Some(_)), Some(_)) => None,
            };
            if let Some((code, message)) = refusal {
                out.push(Refusal { id: i.id.clone(), name: i.name.clone(), code, message });
            }
        }
        Ok(out)
    }

    /// Imports a pack file: all records or none. The error names the file, record id and
    /// field of every problem, or every record the pack may not write (see
    /// [`catalogue::rules`]).
    pub fn import(&mut self, path: &Path) -> Result<ImportReport> {
        let (pack, publisher, _) = self.read_pack(path)?;
        self.import_pack(path, &pack, publisher)
    }

    /// [`Keuzehulp::import`] of the pack the window showed: only when its bytes (and its
    /// signature's) are still those of the preview, by `digest` ([`PackPreview::digest`]);
    /// else [`Error::PackChanged`] and nothing is imported.
    pub fn import_previewed(&mut self, path: &Path, digest: &str) -> Result<ImportReport> {
        let file = PackFile::read(path)?;
        if file.digest != digest {
            return Err(Error::PackChanged { path: path.to_path_buf() });
        }
        let signature = file.signature.as_ref().map(|(name, text)| (name.as_path(), text.as_str()));
        let (pack, publisher) = self.check_pack(path, &file.text, signature)?;
        self.import_pack(path, &pack, publisher)
    }

    /// Imports a checked `pack` (named `name` in messages) signed by `publisher`, unless it
    /// holds a record it may not write: then [`Error::ImportRefused`] and nothing changes.
    pub(super) fn import_pack(&mut self, name: &Path, pack: &Pack, publisher: Option<String>) -> Result<ImportReport> {
        let diff = self.diff_of(pack, publisher.as_deref(), &mut self.store.origins()?)?;
        if !diff.refused.is_empty() {
            return Err(Error::ImportRefused { path: name.to_path_buf(), refusals: diff.refused });
        }
        let origin = PackOrigin { publisher, version: pack.catalogue_version.clone(), date: pack.date.clone() };
        // Only what is new or changed is written: a record already exactly so keeps its origin.
        let written: std::collections::HashSet<&str> = diff.written().collect();
        let pack = Pack {
            interventions: pack.interventions.iter().filter(|r| written.contains(r.id.as_str())).cloned().collect(),
            ..pack.clone()
        };
        let mut report = self.store.import(&pack, &origin)?;
        report.unchanged = diff.unchanged;
        self.records = OnceCell::new();
        self.index = None;
        Ok(report)
    }

    /// Removes the imported record `id` (`keuzehulp catalogue remove ID`): a publisher's or
    /// an own record goes, and the bundled record with that id, if there is one, returns. A
    /// bundled record itself is not removed.
    pub fn catalogue_remove(&mut self, id: &str) -> Result<Removed> {
        let record = self.intervention(id)?;
        let bundled = self.bundled.interventions.iter().find(|r| r.id == id);
        if !self.store.remove_imported(id, bundled)? {
            return Err(Error::InvalidInput {
                field: "ID".into(),
                message: format!(
                    "\"{}\" komt uit de meegeleverde catalogus; alleen geïmporteerde interventies kunnen worden verwijderd",
                    crate::error::short(id)
                ),
            });
        }
        self.records = OnceCell::new();
        self.index = None;
        Ok(Removed { id: id.to_string(), name: record.name, bundled_back: bundled.is_some() })
    }
}

/// What `catalogue remove` did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Removed {
    /// The record's id.
    pub id: String,
    /// The name of the record removed.
    pub name: String,
    /// Whether the bundled record with that id is back in its place.
    pub bundled_back: bool,
}

/// What an import would change (`import --dry-run`): `added`, `changed` and `unchanged` as
/// the command-line contract fixes them, and beside them each new record's name and origin,
/// each change's origin before and after, and each record refused with why.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportDiff {
    /// Ids not in the catalogue yet, in pack order.
    pub added: Vec<String>,
    /// Records that would change, in pack order.
    pub changed: Vec<ChangedRecord>,
    /// How many records are already exactly as in the pack.
    pub unchanged: usize,
    /// The new records (as `added`), with their names and the origin they would get.
    pub added_records: Vec<AddedRecord>,
    /// Records the pack may not write; when there is one, importing it imports nothing.
    pub refused: Vec<Refusal>,
}

impl ImportDiff {
    /// The ids an import writes: the new and the changed records.
    pub fn written(&self) -> impl Iterator<Item = &str> {
        self.added.iter().map(String::as_str).chain(self.changed.iter().map(|c| c.id.as_str()))
    }
}

/// One record an import would add.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AddedRecord {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it would come from.
    pub origin: RecordOrigin,
}

/// One record an import would change.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChangedRecord {
    /// Its id.
    pub id: String,
    /// The fields that differ, sorted; inside `evidence` as `evidence.level` and so on.
    pub fields: Vec<String>,
    /// Its name in the pack.
    pub name: String,
    /// Where it comes from now.
    pub from: RecordOrigin,
    /// Where it would come from after the import.
    pub to: RecordOrigin,
}

/// The top-level fields in which two records' JSON differs; a differing object (evidence) is
/// named field by field.
fn changed_fields(old: &serde_json::Value, new: &serde_json::Value) -> Vec<String> {
    let empty = serde_json::Map::new();
    let (old, new) = (old.as_object().unwrap_or(&empty), new.as_object().unwrap_or(&empty));
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut fields = Vec::new();
    for key in keys {
        let (a, b) = (old.get(key), new.get(key));
        if a == b {
            continue;
        }
        match (a.and_then(|v| v.as_object()), b.and_then(|v| v.as_object())) {
            (Some(_), Some(_)) => fields.extend(
                changed_fields(a.unwrap_or(&serde_json::Value::Null), b.unwrap_or(&serde_json::Value::Null))
                    .into_iter()
                    .map(|sub| format!("{key}.{sub}")),
            ),
            _ => fields.push(key.clone()),
        }
    }
    fields
}
