//! Signed catalogue packs: publisher keys, detached signatures beside the pack
//! (`PACK.minisig`, the minisign format, so the ordinary `minisign -V` checks them too), and
//! checking a signature against the keys the user trusts.
//!
//! Nothing here trusts a signature's own words: the key id in a signature only picks which
//! trusted key to try, and the pack's bytes are checked with that key.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use minisign::{KeyPair, PublicKey, SecretKeyBox, SignatureBox};
use serde::Serialize;

use crate::error::{Error, Result};

/// The secret key's file name in the directory `pack keygen --out` writes.
pub const SECRET_KEY_FILE: &str = "publisher.key";
/// The public key's file name beside it.
pub const PUBLIC_KEY_FILE: &str = "publisher.pub";

/// The detached signature of `pack`: the same path with `.minisig` added, as minisign writes
/// it.
pub fn signature_path(pack: &Path) -> PathBuf {
    let mut name = pack.as_os_str().to_os_string();
    name.push(".minisig");
    PathBuf::from(name)
}

/// A key the user trusts to sign packs, with the name records are credited to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct TrustedKey {
    /// The publisher's name as the user gave it.
    pub name: String,
    /// The key id, 16 hexadecimal digits (as minisign prints it).
    pub key_id: String,
    /// The public key, base64 (the second line of a minisign `.pub` file).
    pub public_key: String,
    /// When it was added (UTC).
    pub added_at: String,
    /// The last day (YYYY-MM-DD) on which packs it signed are accepted; `None`: no end.
    pub valid_until: Option<String>,
}

/// A key the user no longer trusts (`trust remove`): kept so that a pack it signed is
/// refused with that reason, not as a key never seen.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RevokedKey {
    /// The name it was trusted under.
    pub name: String,
    /// The key id.
    pub key_id: String,
    /// When it was removed (UTC).
    pub revoked_at: String,
}

/// The keys trusted to sign packs, and those trusted before but removed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct TrustList {
    /// Trusted now.
    pub trusted: Vec<TrustedKey>,
    /// Removed with `trust remove` (and not trusted again since).
    pub revoked: Vec<RevokedKey>,
}

/// The largest signature file read: a minisign signature is a few hundred bytes.
pub const MAX_SIGNATURE_BYTES: u64 = 64_000;

/// Reads the signature file `path` when there is one (`None`: the pack is unsigned), at most
/// [`MAX_SIGNATURE_BYTES`].
pub fn read_signature_file(path: &Path) -> Result<Option<String>> {
    match std::fs::symlink_metadata(path) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(Error::Read { path: path.to_path_buf(), source }),
        Ok(_) => {}
    }
    // Only a regular file: a pipe in its place would never end.
    let raw = crate::input::read_limited(path, MAX_SIGNATURE_BYTES, |_| too_big(path))?;
    signature_text(path, raw).map(Some)
}

fn too_big(path: &Path) -> Error {
    Error::Signature {
        path: path.to_path_buf(),
        reason: format!(
            "dit bestand is groter dan {} kB en dus geen minisign-handtekening",
            MAX_SIGNATURE_BYTES / 1000
        ),
    }
}

/// A signature's bytes as text; refuses one over [`MAX_SIGNATURE_BYTES`].
pub fn signature_text(path: &Path, raw: Vec<u8>) -> Result<String> {
    if raw.len() as u64 > MAX_SIGNATURE_BYTES {
        return Err(too_big(path));
    }
    // A byte order mark (a Windows editor saved it) is no part of the signature.
    Ok(crate::input::without_bom(&String::from_utf8_lossy(&raw)).to_string())
}

/// What `pack keygen` wrote.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct KeyFiles {
    /// The secret key: keep it private.
    pub secret_key: PathBuf,
    /// The public key: give it to those who import the packs.
    pub public_key: PathBuf,
    /// The key id.
    pub key_id: String,
}

fn key_id_of(keynum: &[u8]) -> String {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(keynum) {
        *to = *from;
    }
    format!("{:016X}", u64::from_le_bytes(bytes))
}

fn key_error(path: &Path, reason: impl Into<String>) -> Error {
    Error::Key { path: path.to_path_buf(), reason: reason.into() }
}

/// Makes a new key pair in `dir`: `publisher.key` (secret, readable by the owner only, not
/// protected by a password) and `publisher.pub`. An existing key is never overwritten.
pub fn keygen(dir: &Path) -> Result<KeyFiles> {
    let secret = dir.join(SECRET_KEY_FILE);
    let public = dir.join(PUBLIC_KEY_FILE);
    for path in [&secret, &public] {
        if path.exists() {
            return Err(key_error(path, "hier staat al een sleutel; die wordt niet overschreven. Kies een andere map"));
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Write { path: dir.to_path_buf(), source })?;
    let pair = KeyPair::generate_unencrypted_keypair().map_err(|e| key_error(&secret, e.to_string()))?;
    let key_id = key_id_of(pair.pk.keynum());
    let comment = format!("minisign public key {key_id} (Keuzehulp)");
    let public_text = pair.pk.to_box().map_err(|e| key_error(&public, e.to_string()))?.to_string();
    // minisign's box starts with its own comment line; keep its format, name the program.
    let public_text = match public_text.split_once('\n') {
        Some((_, rest)) => format!("untrusted comment: {comment}\n{rest}"),
        None => public_text,
    };
    let secret_text = pair
        .sk
        .to_box(Some("minisign secret key (Keuzehulp)"))
        .map_err(|e| key_error(&secret, e.to_string()))?
        .to_string();
    write_private(&secret, secret_text.as_bytes())?;
    crate::replace::write_atomically(&public, public_text.as_bytes())?;
    Ok(KeyFiles { secret_key: secret, public_key: public, key_id })
}

/// Writes a new file that only its owner can read (on Unix), refusing to replace one.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let write = |options: &std::fs::OpenOptions| -> std::io::Result<()> {
        let mut file = options.open(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    write(&options).map_err(|source| Error::Write { path: path.to_path_buf(), source })
}

/// Signs the file `pack` with the secret key at `key`; writes `PACK.minisig` and returns its
/// path with the key id.
pub fn sign(pack: &Path, key: &Path) -> Result<(PathBuf, String)> {
    let key_bytes = crate::input::read_limited(key, MAX_SIGNATURE_BYTES, |_| {
        key_error(key, "dit bestand is te groot voor een geheime sleutel van `keuzehulp pack keygen`")
    })?;
    let key_text = String::from_utf8_lossy(&key_bytes).into_owned();
    let secret = SecretKeyBox::from_string(&key_text)
        .and_then(SecretKeyBox::into_unencrypted_secret_key)
        .map_err(|_| {
            key_error(
                key,
                "dit is geen geheime sleutel van `keuzehulp pack keygen` (een met een wachtwoord beveiligde sleutel wordt niet ondersteund)",
            )
        })?;
    let bytes =
        crate::input::read_limited(pack, crate::catalogue::validate::MAX_PACK_BYTES, |size| Error::InvalidInput {
            field: pack.display().to_string(),
            message: format!("het pakket is {} MB; een pakket mag ten hoogste 32 MB zijn", size.div_ceil(1_000_000)),
        })?;
    let name = pack.file_name().map(|n| n.to_string_lossy().replace(['\t', '\n', '\r'], " ")).unwrap_or_default();
    let trusted = format!("timestamp:{}\tfile:{name}\thashed", crate::time::Clock::system().now().as_second());
    let signature = minisign::sign(
        None,
        &secret,
        Cursor::new(&bytes),
        Some(&trusted),
        Some("signature from a Keuzehulp publisher key"),
    )
    .map_err(|e| key_error(key, e.to_string()))?;
    let path = signature_path(pack);
    crate::replace::write_atomically(&path, signature.to_string().as_bytes())?;
    Ok((path, key_id_of(secret.keynum())))
}

/// Reads a public key: the text of a minisign `.pub` file, or just its base64 line.
pub fn parse_public_key(text: &str) -> Option<(PublicKey, String)> {
    let line = text.lines().map(str::trim).rfind(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))?;
    // A minisign key starts with the algorithm "Ed", which is "RW" in base64.
    if !line.starts_with("RW") {
        return None;
    }
    let key = PublicKey::from_base64(line).ok()?;
    Some((key, line.to_string()))
}

/// The key id of a public key.
pub fn key_id(key: &PublicKey) -> String {
    key_id_of(key.keynum())
}

/// Checks the detached signature `signature_text` (from `signature_file`) over `bytes` (the
/// pack, read once) against the trust list on the day `today` (YYYY-MM-DD); returns the key
/// that signed it. A key removed from the list, or trusted only until a day before `today`,
/// refuses the pack like a key never trusted, saying so. Every refusal says why in Dutch and
/// names the signature file.
pub fn verify<'a>(
    bytes: &[u8],
    signature_file: &Path,
    signature_text: &str,
    trust: &'a TrustList,
    today: &str,
) -> Result<&'a TrustedKey> {
    let refuse = |reason: String| Error::Signature { path: signature_file.to_path_buf(), reason };
    if !well_formed(signature_text) {
        return Err(refuse(
            "dit is geen volledige minisign-handtekening (afgebroken of beschadigd); vraag de uitgever om het pakket en de handtekening opnieuw".into(),
        ));
    }
    let signature = SignatureBox::from_string(signature_text)
        .map_err(|_| refuse("dit is geen geldige minisign-handtekening (beschadigd of een ander formaat)".into()))?;
    let id = key_id_of(signature.keynum());
    let Some(key) = trust.trusted.iter().find(|k| k.key_id == id) else {
        if let Some(revoked) = trust.revoked.iter().find(|k| k.key_id == id) {
            return Err(refuse(format!(
                "het pakket is ondertekend met de sleutel van \"{}\" (sleutel-id {id}), en die sleutel wordt sinds {} niet meer vertrouwd (verwijderd met `keuzehulp trust remove`)",
                revoked.name,
                revoked.revoked_at.get(..10).unwrap_or(&revoked.revoked_at)
            )));
        }
        return Err(refuse(format!(
            "het pakket is ondertekend met een sleutel die u niet vertrouwt (sleutel-id {id}). Vertrouw die sleutel pas met `keuzehulp trust add` als u zeker weet van welke uitgever hij is"
        )));
    };
    if let Some(until) = key.valid_until.as_deref() {
        // Compared as days, not as text: a hand-edited "31-12-2027" or "2027-1-5" never
        // sorts after today by accident.
        let Some(last) = crate::time::date::parse(until) else {
            return Err(refuse(format!(
                "de laatste dag van vertrouwen in de sleutel van \"{}\" (sleutel-id {id}) is {:?}, en dat is geen datum (JJJJ-MM-DD). Vertrouw de sleutel opnieuw: `keuzehulp trust remove` en `keuzehulp trust add … --until JJJJ-MM-DD`",
                key.name,
                crate::error::short(until)
            )));
        };
        let today = crate::time::date::parse(today).ok_or_else(|| refuse(format!("{today:?} is geen datum")))?;
        if last < today {
            return Err(refuse(format!(
                "de sleutel van \"{}\" (sleutel-id {id}) werd vertrouwd tot en met {until}; die datum is voorbij. Vraag de uitgever om een nieuwe sleutel, of vertrouw deze opnieuw met `keuzehulp trust remove` en `keuzehulp trust add … --until`",
                key.name
            )));
        }
    }
    let public = parse_public_key(&key.public_key)
        .map(|(k, _)| k)
        .ok_or_else(|| refuse(format!("de vertrouwde sleutel van {} is onleesbaar; voeg hem opnieuw toe", key.name)))?;
    minisign::verify(&public, &signature, Cursor::new(bytes), true, false, false).map_err(|_| {
        refuse(format!(
            "de handtekening van {} past niet bij dit pakket: het pakket is na het ondertekenen gewijzigd, of de handtekening hoort bij een ander bestand",
            key.name
        ))
    })?;
    Ok(key)
}

/// Whether `text` has the shape of a minisign signature: an untrusted comment, a base64
/// signature of 74 bytes, a trusted comment and a base64 global signature of 64 bytes. The
/// minisign crate slices the global signature without checking its length, so a truncated
/// file must be stopped here.
fn well_formed(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let base64 = |s: &str, len: usize| {
        s.len() == len && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    // 74 bytes are 100 base64 characters, 64 bytes are 88.
    lines.len() >= 4
        && lines[0].starts_with("untrusted comment: ")
        && base64(lines[1].trim(), 100)
        && lines[2].starts_with("trusted comment: ")
        && base64(lines[3].trim(), 88)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_path_adds_minisig() {
        assert_eq!(signature_path(Path::new("/x/pakket.json")), Path::new("/x/pakket.json.minisig"));
    }

    #[test]
    fn truncated_or_garbled_signatures_are_not_well_formed() {
        let good = "untrusted comment: x\nRU".to_string()
            + &"A".repeat(98)
            + "\ntrusted comment: t\n"
            + &"B".repeat(86)
            + "==\n";
        assert!(well_formed(&good));
        assert!(!well_formed(&good[..good.len() - 10]));
        assert!(!well_formed("untrusted comment: x\n"));
        assert!(!well_formed(""));
    }
}
