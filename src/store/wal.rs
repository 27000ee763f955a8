//! The database's write-ahead log (`keuzehulp.sqlite3-wal`) read as a file, before SQLite
//! opens it. SQLite applies a WAL up to its first frame whose checksum fails and silently
//! drops everything after it, committed transactions included. When that would happen,
//! the database and its WAL are first copied aside as a damaged database is
//! (`beschadigd-<time>.sqlite3` with its `-wal`), so nothing is lost, and the user is told.
//!
//! Only looked at while no other process has the store open (see [`crate::claim`]): a WAL
//! another process is writing can hold a frame that is half written for a moment.
//!
//! The format (sqlite.org/fileformat.html, "WAL file format"): a 32-byte header (magic,
//! version, page size, checkpoint sequence, two salts, a checksum over the first 24 bytes),
//! then frames of a 24-byte header (page number, the database size after a commit or 0, the
//! salts, a running checksum over the frame header's first 8 bytes and the page) and a page.

use std::path::{Path, PathBuf};

const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
const MAGIC_LE: u32 = 0x377f_0682;
const MAGIC_BE: u32 = 0x377f_0683;

/// What is wrong with a WAL that SQLite would recover only in part, in Dutch; `None` when it
/// is whole (or empty, or holds only a transaction that was never committed).
pub(crate) fn damage(wal: &[u8]) -> Option<String> {
    let frames_possible = wal.len() >= HEADER + FRAME_HEADER + 512;
    if wal.len() < HEADER {
        return None;
    }
    let word = |at: usize| u32::from_be_bytes([wal[at], wal[at + 1], wal[at + 2], wal[at + 3]]);
    let magic = word(0);
    let big_endian = match magic {
        MAGIC_BE => true,
        MAGIC_LE => false,
        _ if frames_possible => return Some("de kop van het logbestand is onleesbaar".into()),
        _ => return None,
    };
    let header_sum = checksum(&wal[..24], (0, 0), big_endian);
    if header_sum != (word(24), word(28)) {
        return frames_possible.then(|| "de kop van het logbestand klopt niet met zijn controlegetal".into());
    }
    let page_size = word(8) as usize;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return frames_possible.then(|| format!("het logbestand noemt een onmogelijke paginagrootte ({page_size})"));
    }
    let salts = (word(16), word(20));
    let frame = FRAME_HEADER + page_size;
    let mut sum = header_sum;
    let mut at = HEADER;
    let mut index = 0;
    while at + frame <= wal.len() {
        let frame_salts = (word(at + 8), word(at + 12));
        if frame_salts != salts {
            // Frames of an earlier round of the log: SQLite ends here, and rightly.
            return None;
        }
        let mut data = Vec::with_capacity(8 + page_size);
        data.extend_from_slice(&wal[at..at + 8]);
        data.extend_from_slice(&wal[at + FRAME_HEADER..at + frame]);
        sum = checksum(&data, sum, big_endian);
        let page = word(at);
        if page == 0 || sum != (word(at + 16), word(at + 20)) {
            // From here on SQLite reads nothing. That loses committed work when a later frame
            // of this round ends a transaction (it carries the database size).
            let mut later = at + frame;
            while later + frame <= wal.len() {
                if (word(later + 8), word(later + 12)) == salts && word(later + 4) != 0 {
                    return Some(format!(
                        "frame {} van het logbestand is beschadigd, en er staan daarna nog vastgelegde wijzigingen",
                        index + 1
                    ));
                }
                later += frame;
            }
            return None;
        }
        at += frame;
        index += 1;
    }
    None
}

/// SQLite's WAL checksum over `data` (a multiple of 8 bytes), continuing from `(s1, s2)`.
fn checksum(data: &[u8], (mut s1, mut s2): (u32, u32), big_endian: bool) -> (u32, u32) {
    let read = |b: &[u8]| {
        let bytes = [b[0], b[1], b[2], b[3]];
        if big_endian { u32::from_be_bytes(bytes) } else { u32::from_le_bytes(bytes) }
    };
    for pair in data.chunks_exact(8) {
        s1 = s1.wrapping_add(read(&pair[..4])).wrapping_add(s2);
        s2 = s2.wrapping_add(read(&pair[4..])).wrapping_add(s1);
    }
    (s1, s2)
}

/// What is wrong with the WAL beside the database file `db`, if there is one and it is
/// damaged (see [`damage`]).
pub(crate) fn damage_beside(db: &Path) -> Option<String> {
    std::fs::read(wal_of(db)).ok().and_then(|bytes| damage(&bytes))
}

/// The WAL of the database `db`.
pub(crate) fn wal_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push("-wal");
    PathBuf::from(name)
}

/// When the WAL beside `db` (in `dir`) is damaged so that SQLite would drop committed work:
/// copies the database and the WAL aside as a damaged database (`beschadigd-<time>.sqlite3`
/// and its `-wal`), leaves both where they are (SQLite then recovers what it can), and
/// returns the copy's name and what is wrong. `Ok(None)` when there is nothing to keep.
pub(crate) fn keep_aside_if_damaged(dir: &Path, db: &Path) -> std::io::Result<Option<(String, String)>> {
    let wal = wal_of(db);
    let bytes = match std::fs::read(&wal) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(err),
    };
    let Some(detail) = damage(&bytes) else { return Ok(None) };
    let target = super::set_aside_name(dir);
    let copy = |from: &Path, to: &Path| -> std::io::Result<()> {
        let mut source = std::fs::File::open(from)?;
        let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(to)?;
        std::io::copy(&mut source, &mut file)?;
        file.sync_all()
    };
    let result = (|| {
        if db.exists() {
            copy(db, &target)?;
        } else {
            std::fs::OpenOptions::new().write(true).create_new(true).open(&target)?;
        }
        // Written and synced through one handle with write access (Windows syncs no other).
        let mut wal_copy = std::fs::OpenOptions::new().write(true).create_new(true).open(wal_of(&target))?;
        std::io::Write::write_all(&mut wal_copy, &bytes)?;
        wal_copy.sync_all()
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&target);
        let _ = std::fs::remove_file(wal_of(&target));
        return Err(err);
    }
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some((name, detail)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store with WAL frames left behind: written, then its connection forgotten so no
    /// checkpoint runs. Returns the database path.
    fn store_with_wal(dir: &Path) -> PathBuf {
        let db = dir.join("db.sqlite3");
        let conn = rusqlite::Connection::open(&db).expect("open");
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t(x);
             INSERT INTO t VALUES ('een'); INSERT INTO t VALUES ('twee'); INSERT INTO t VALUES ('drie');",
        )
        .expect("write");
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).expect("config");
        drop(conn);
        db
    }

    #[test]
    fn a_whole_wal_passes_and_a_flipped_byte_before_a_commit_is_found() {
        let dir = tempfile::tempdir().expect("dir");
        let db = store_with_wal(dir.path());
        let wal = std::fs::read(wal_of(&db)).expect("a WAL");
        assert!(wal.len() > 4 * 4096, "several frames: {}", wal.len());
        assert_eq!(damage(&wal), None);
        assert_eq!(damage(&[]), None);

        // A byte in the first frame's page: the commits after it would be dropped.
        let mut broken = wal.clone();
        broken[HEADER + FRAME_HEADER + 100] ^= 0xff;
        let found = damage(&broken).expect("damage found");
        assert!(found.contains("frame 1"), "{found}");
        // The last frame torn (the last transaction): nothing committed after it is lost.
        let mut torn = wal.clone();
        let last = torn.len() - 10;
        torn[last] ^= 0xff;
        assert_eq!(damage(&torn), None);
        // A garbled header.
        let mut header = wal;
        header[0] = 0;
        assert!(damage(&header).is_some());
    }

    #[test]
    fn a_damaged_wal_is_copied_aside_with_its_database_and_left_in_place() {
        let dir = tempfile::tempdir().expect("dir");
        let db = store_with_wal(dir.path());
        assert_eq!(keep_aside_if_damaged(dir.path(), &db).expect("looked"), None, "a whole WAL stays");
        let mut wal = std::fs::read(wal_of(&db)).expect("wal");
        wal[HEADER + FRAME_HEADER + 100] ^= 0xff;
        std::fs::write(wal_of(&db), &wal).expect("break it");
        let (name, detail) = keep_aside_if_damaged(dir.path(), &db).expect("looked").expect("kept aside");
        assert!(name.starts_with("beschadigd-") && name.ends_with(".sqlite3"), "{name}");
        assert!(detail.contains("frame 1"), "{detail}");
        let copy = dir.path().join(&name);
        assert_eq!(std::fs::read(wal_of(&copy)).expect("copied WAL"), wal);
        assert_eq!(std::fs::read(&copy).expect("copied db"), std::fs::read(&db).expect("db"));
        assert_eq!(std::fs::read(wal_of(&db)).expect("still there"), wal, "the WAL itself stays for SQLite");
    }
}
