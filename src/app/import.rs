//! The façade's catalogue packs: checking and signing a pack file, reading a pack with its
//! signature, the trusted publishers' keys, and importing (or previewing) a pack.

use std::cell::OnceCell;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Keuzehulp;
use crate::catalogue::{self, Intervention, Pack, PackOrigin, validate};
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
        return Ok(catalogue.interventions.len());
    }
    let text = catalogue::read_pack_file(path)?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    Ok(validate::load_pack(path, &text, &taxonomy).map_err(invalid)?.interventions.len())
}

/// Signs the pack file `pack` with the secret key file `key`, when the pack is valid: a
/// signature vouches for what it covers. Answers the signature file and the key id. Needs
/// no data directory: a publisher may have none.
pub fn sign_pack(pack: &Path, key: &Path) -> Result<(PathBuf, String)> {
    let text = std::fs::read_to_string(pack).map_err(|source| Error::Read { path: pack.to_path_buf(), source })?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    validate::load_pack(pack, &text, &taxonomy)
        .map_err(|problems| Error::Invalid { path: pack.to_path_buf(), problems })?;
    signing::sign(pack, key)
}

impl Keuzehulp {
    /// Reads a pack file once, checks its signature when one lies beside it (`PACK.minisig`),
    /// and validates it: see [`Keuzehulp::check_pack`].
    pub(super) fn read_pack(&self, path: &Path) -> Result<(Pack, Option<String>)> {
        // Size-limited and UTF-8 (see `catalogue::read_pack_file`); the signature covers
        // exactly these bytes.
        let text = catalogue::read_pack_file(path)?;
        let signature_file = signing::signature_path(path);
        let signature = signing::read_signature_file(&signature_file)?;
        self.check_pack(path, &text, signature.as_deref().map(|s| (signature_file.as_path(), s)))
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
    /// new ids, the changed records with the fields that differ, and how many are the same.
    pub fn import_preview(&self, path: &Path) -> Result<ImportDiff> {
        let (pack, _) = self.read_pack(path)?;
        self.diff_of(&pack)
    }

    /// What importing `pack` would change now.
    pub(super) fn diff_of(&self, pack: &Pack) -> Result<ImportDiff> {
        let current: std::collections::HashMap<&str, &Intervention> =
            self.interventions()?.iter().map(|r| (r.id.as_str(), r)).collect();
        let mut diff = ImportDiff { added: Vec::new(), changed: Vec::new(), unchanged: 0 };
        for record in &pack.interventions {
            match current.get(record.id.as_str()) {
                None => diff.added.push(record.id.clone()),
                Some(old) if *old == record => diff.unchanged += 1,
                Some(old) => diff.changed.push(ChangedRecord {
                    id: record.id.clone(),
                    fields: changed_fields(
                        &serde_json::to_value(old).map_err(Error::json("een interventie"))?,
                        &serde_json::to_value(record).map_err(Error::json("een interventie"))?,
                    ),
                }),
            }
        }
        Ok(diff)
    }

    /// Imports a pack file: all records or none. The error names the file, record id and
    /// field of every problem.
    pub fn import(&mut self, path: &Path) -> Result<ImportReport> {
        let (pack, publisher) = self.read_pack(path)?;
        self.import_pack(&pack, publisher)
    }

    pub(super) fn import_pack(&mut self, pack: &Pack, publisher: Option<String>) -> Result<ImportReport> {
        let origin = PackOrigin { publisher, version: pack.catalogue_version.clone(), date: pack.date.clone() };
        let report = self.store.import(pack, &origin)?;
        self.records = OnceCell::new();
        self.index = None;
        Ok(report)
    }
}

/// What an import would change (`import --dry-run`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportDiff {
    /// Ids not in the catalogue yet, in pack order.
    pub added: Vec<String>,
    /// Records that would change, in pack order.
    pub changed: Vec<ChangedRecord>,
    /// How many records are already exactly as in the pack.
    pub unchanged: usize,
}

/// One record an import would change.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangedRecord {
    /// Its id.
    pub id: String,
    /// The fields that differ, sorted; inside `evidence` as `evidence.level` and so on.
    pub fields: Vec<String>,
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
