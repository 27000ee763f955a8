//! Opt-in encryption at rest: the store and its backups encrypted with a passphrase by
//! SQLCipher (AES-256 pages with an HMAC, key from the passphrase by PBKDF2; see
//! ARCHITECTURE.md for why this and not a home-made scheme).
//!
//! Whether a database file is encrypted is read from the file itself: a plain SQLite file
//! starts with `SQLite format 3\0`, an encrypted one with random salt. The marker file
//! [`MARKER`] in the data directory says that the user asked for encryption; it tells an
//! encrypted store (marker present) from a damaged one (marker absent), and makes Keuzehulp
//! ask for the passphrase, and encrypt again a plain file put back in its place.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, params};

/// The environment variable the command line reads the passphrase from.
pub const PASSPHRASE_ENV: &str = "KEUZEHULP_PASSPHRASE";

/// The file in the data directory whose presence means: encrypt the store.
pub const MARKER: &str = "versleuteld";

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE: usize = 8;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A passphrase. Its `Debug` shows no character of it, so it never reaches a log, a panic
/// message or a `{:?}` of whatever holds it.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// Keeps `text` as a passphrase.
    pub fn new(text: impl Into<String>) -> Self {
        Passphrase(text.into())
    }

    /// The passphrase itself, for the one call that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

/// Whether `path` is missing, empty or a plain (unencrypted) SQLite file.
pub fn looks_plain(path: &Path) -> bool {
    let mut head = [0u8; 16];
    match std::fs::File::open(path) {
        Ok(mut file) => match file.read(&mut head) {
            Ok(0) => true,
            Ok(n) => n == 16 && &head == MAGIC,
            Err(_) => true,
        },
        Err(_) => true,
    }
}

/// Whether the user asked for encryption in `data_dir`.
pub fn wanted(data_dir: &Path) -> bool {
    data_dir.join(MARKER).exists()
}

/// Opens `path`, with `key` when the file is encrypted. SQLCipher's own logging to stderr is
/// switched off: errors reach the user through [`crate::Error`].
pub fn open(path: &Path, key: Option<&str>) -> rusqlite::Result<Connection> {
    open_with_flags(path, key, OpenFlags::default())
}

/// [`open`] with flags.
pub fn open_with_flags(path: &Path, key: Option<&str>, flags: OpenFlags) -> rusqlite::Result<Connection> {
    let encrypted = !looks_plain(path);
    let conn = Connection::open_with_flags(path, flags)?;
    // HMAC-SHA256 per page (SQLCipher's default is SHA512): as safe for page authentication,
    // and it brings the cost of a save within bounds (see benches/backup.rs). Set as the
    // default, so that attached copies (`export`) use it too.
    conn.execute_batch("PRAGMA cipher_log_level = NONE; PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256;")?;
    if let (true, Some(key)) = (encrypted, key) {
        conn.pragma_update(None, "key", key)?;
    }
    Ok(conn)
}

/// Whether the database file `path` is encrypted and opens with `key` (its first page
/// decrypts); read-only, changes nothing.
pub fn opens_with(path: &Path, key: &str) -> bool {
    if looks_plain(path) {
        return false;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    open_with_flags(path, Some(key), flags)
        .is_ok_and(|conn| conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).is_ok())
}

/// Creates the new database `path`, encrypted with `key`.
pub fn create_encrypted(path: &Path, key: &str) -> rusqlite::Result<Connection> {
    let conn = open(path, None)?;
    conn.pragma_update(None, "key", key)?;
    Ok(conn)
}

/// Writes the whole database open on `conn` to the new file `target`, encrypted with `key`,
/// or plain when `key` is empty, keeping the schema version.
pub fn export(conn: &Connection, target: &Path, key: &str) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
    let target = target.to_str().ok_or_else(|| rusqlite::Error::InvalidPath(target.to_path_buf()))?;
    conn.execute("ATTACH DATABASE ?1 AS uitvoer KEY ?2", params![target, key])?;
    let result = (|| {
        conn.query_row("SELECT sqlcipher_export('uitvoer')", [], |_| Ok(()))?;
        conn.execute_batch(&format!("PRAGMA uitvoer.user_version = {version};"))
    })();
    let detached = conn.execute_batch("DETACH DATABASE uitvoer");
    result.and(detached)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_copy_hides_its_text_and_opens_only_with_the_key() {
        let dir = tempfile::tempdir().expect("dir");
        let plain = dir.path().join("plain.sqlite3");
        let secret = dir.path().join("secret.sqlite3");
        let conn = open(&plain, None).expect("open");
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES ('KANARIE-7'); PRAGMA user_version = 3;")
            .expect("write");
        assert!(looks_plain(&plain));
        export(&conn, &secret, "lang genoeg").expect("export");
        let bytes = std::fs::read(&secret).expect("read");
        assert!(!bytes.windows(9).any(|w| w == b"KANARIE-7"), "the text is not readable in the file");
        assert!(!looks_plain(&secret));
        let right = open(&secret, Some("lang genoeg")).expect("open");
        let version: i64 = right.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(version, 3, "the schema version travels along");
        let wrong = open(&secret, Some("verkeerd wachtwoord")).expect("open");
        let err = wrong.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0)).expect_err("wrong key");
        assert_eq!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::NotADatabase));
        assert_eq!(std::fs::read(&secret).expect("read"), bytes, "a wrong key changes nothing");
    }
}
