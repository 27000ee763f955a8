//! Cleaning up what a crash can leave in the index directory: tantivy's temporary files
//! (`.tmpXXXXXX`, from its atomic writes), our own `*.tmp` (the stamp), and segment files
//! that `meta.json` does not reference (a commit or merge that never finished).
//!
//! Cheap when there is nothing to do: one directory listing and a read of `meta.json`.
//! Only when something is found is tantivy's writer lock taken (through an `IndexWriter`,
//! so no other process is writing meanwhile), tantivy's own garbage collection run, and the
//! rest removed. Files younger than a minute are left alone: they may belong to a writer
//! that is at work right now. Nothing is rebuilt here; a damaged index is rebuilt when it is
//! next opened for a search.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use tantivy::{Index, TantivyDocument};

use super::INDEX_DIR;

/// A stray file younger than this may still be in use.
const MIN_AGE: Duration = Duration::from_secs(60);
/// tantivy's smallest writer budget; nothing is indexed with it.
const WRITER_BUDGET: usize = 15_000_000;

/// Removes stray files from `data_dir/index`; returns the names of the files removed.
/// Never fails: a file that cannot be removed stays, and the index repairs itself later.
pub fn sweep(data_dir: &Path) -> Vec<String> {
    let dir = data_dir.join(INDEX_DIR);
    if candidates(&dir, living_from_meta(&dir).as_ref()).is_empty() {
        return Vec::new();
    }
    super::quietly(|| sweep_locked(&dir)).unwrap_or_default()
}

fn sweep_locked(dir: &Path) -> Vec<String> {
    let Ok(index) = Index::open_in_dir(dir) else { return Vec::new() };
    // Holding the writer lock means no other writer (in any process) is at work.
    let Ok(writer) = index.writer_with_num_threads::<TantivyDocument>(1, WRITER_BUDGET) else { return Vec::new() };
    let mut removed: Vec<String> = writer
        .garbage_collect_files()
        .wait()
        .map(|result| result.deleted_files.iter().map(|p| p.display().to_string()).collect())
        .unwrap_or_default();
    // Read the living segments again, now that no writer can change them.
    let living = index.searchable_segment_ids().ok().map(|ids| ids.iter().map(|id| id.uuid_string()).collect());
    for path in candidates(dir, living.as_ref()) {
        if std::fs::remove_file(&path).is_ok()
            && let Some(name) = path.file_name()
        {
            removed.push(name.to_string_lossy().into_owned());
        }
    }
    drop(writer);
    removed.sort();
    removed.dedup();
    removed
}

/// The segment ids (32 hex digits) that `meta.json` references; `None` when it cannot be
/// read (then no segment file counts as stray).
fn living_from_meta(dir: &Path) -> Option<HashSet<String>> {
    let text = std::fs::read_to_string(dir.join("meta.json")).ok()?;
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    let segments = meta.get("segments")?.as_array()?;
    Some(
        segments
            .iter()
            .filter_map(|s| s.get("segment_id")?.as_str())
            .map(|id| id.replace('-', "").to_ascii_lowercase())
            .collect(),
    )
}

/// The stray files in `dir` older than [`MIN_AGE`].
fn candidates(dir: &Path, living: Option<&HashSet<String>>) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { return false };
            let stray = is_temp(name) || segment_id(name).is_some_and(|id| living.is_some_and(|l| !l.contains(id)));
            stray && entry.file_type().is_ok_and(|t| t.is_file()) && is_old(entry)
        })
        .map(|entry| entry.path())
        .collect()
}

/// tantivy's temporary files (`.tmp` + random, from the `tempfile` crate) and ours (`*.tmp`).
fn is_temp(name: &str) -> bool {
    name.starts_with(".tmp") || name.ends_with(".tmp")
}

/// The segment id of a segment file (`<32 hex digits>.<component>`).
fn segment_id(name: &str) -> Option<&str> {
    let id = name.get(..32)?;
    let is_id = id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (is_id && name[32..].starts_with('.')).then_some(id)
}

fn is_old(entry: &std::fs::DirEntry) -> bool {
    entry.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|age| age > MIN_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_names_are_recognised() {
        assert!(is_temp(".tmpAb12Cd"));
        assert!(is_temp("keuzehulp-stamp.json.tmp"));
        assert!(!is_temp("meta.json"));
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(segment_id(&format!("{id}.idx")), Some(id));
        assert_eq!(segment_id(&format!("{id}.12.del")), Some(id));
        assert_eq!(segment_id(".managed.json"), None);
        assert_eq!(segment_id("0123456789ABCDEF0123456789ABCDEF.idx"), None);
        assert_eq!(segment_id(id), None);
    }
}
