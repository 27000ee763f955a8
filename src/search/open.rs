//! Opening the index, and building it afresh: the stamp (schema version, catalogue hash,
//! number of documents), the checksum of every file of every living segment, and reading
//! tantivy's files without letting one of its panics reach the user ([`quietly`]).

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::analysis::Analyzer;
use super::expand::Thesaurus;
use super::schema::{build_schema, document, register_tokenizers};
use super::{INDEX_DIR, SCHEMA_VERSION, SearchIndex};
use crate::catalogue::{Intervention, Taxonomy};
use crate::error::{Error, Result};

const STAMP_FILE: &str = "keuzehulp-stamp.json";

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Stamp {
    schema: u32,
    catalogue: String,
    docs: u64,
}

/// A file of the index as it was: name, size, time of change.
pub(super) type FileStamp = (std::ffi::OsString, u64, Option<std::time::SystemTime>);

/// Size and time of change of every file in `dir` but tantivy's (empty) lock files.
pub(super) fn file_stamps(dir: &Path) -> Vec<FileStamp> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut stamps: Vec<FileStamp> = entries
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".lock"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((e.file_name(), meta.len(), meta.modified().ok()))
        })
        .collect();
    stamps.sort();
    stamps
}

thread_local! {
    /// Set while [`quietly`] runs on this thread: a panic then prints nothing.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, which reads the index, and turns a panic inside it (tantivy panics on some
/// damaged files) into `None`, without panic text on stderr: the caller says in one Dutch
/// line what happened and rebuilds the index. Panics elsewhere are reported as before.
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|quiet| quiet.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(was));
    result.ok()
}

/// An error's text on one line, at most 200 characters (tantivy's can span lines).
pub(super) fn one_line(err: &dyn std::fmt::Display) -> String {
    let text: String = err.to_string().split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// The files of the living segments whose checksum does not match (or that cannot be read).
fn damaged_files(dir: &Path, index: &Index) -> std::result::Result<Vec<String>, String> {
    let ids: Vec<String> = index
        .searchable_segment_metas()
        .map_err(|e| one_line(&e))?
        .iter()
        .map(|meta| meta.id().uuid_string())
        .collect();
    let entries = std::fs::read_dir(dir).map_err(|e| one_line(&e))?;
    let mut damaged = Vec::new();
    for entry in entries {
        let name = entry.map_err(|e| one_line(&e))?.file_name().to_string_lossy().into_owned();
        let Some((id, _)) = name.split_once('.') else { continue };
        if !ids.iter().any(|living| living == id) || name.contains("tmp") {
            continue;
        }
        if !matches!(index.directory().validate_checksum(Path::new(&name)), Ok(true)) {
            damaged.push(name);
        }
    }
    damaged.sort();
    Ok(damaged)
}

/// What the index is stamped with: the catalogue's hash and that of the bundled situations
/// (`data/situations.toml`), which the index holds too.
fn stamped(catalogue_hash: &str) -> String {
    format!("{catalogue_hash}+{}", crate::catalogue::SITUATIONS_HASH)
}

impl SearchIndex {
    /// Opens the index in `data_dir/index`, stamped for `catalogue_hash`. When it is missing,
    /// stale or damaged it is rebuilt from `records()`; the reason is returned so the caller
    /// can tell the user.
    pub fn open(
        data_dir: &Path,
        catalogue_hash: &str,
        analyzer: Analyzer,
        taxonomy: &Taxonomy,
        records: impl FnOnce() -> Result<Vec<Intervention>>,
    ) -> Result<(SearchIndex, Option<String>)> {
        let dir = data_dir.join(INDEX_DIR);
        match Self::try_open(&dir, catalogue_hash, analyzer.clone()) {
            Ok(index) => Ok((index, None)),
            Err(reason) => {
                let records = records()?;
                let index = Self::build(&dir, catalogue_hash, analyzer, taxonomy, &records)?;
                Ok((index, Some(reason)))
            }
        }
    }

    fn try_open(dir: &Path, catalogue_hash: &str, analyzer: Analyzer) -> std::result::Result<SearchIndex, String> {
        let stamp_text =
            std::fs::read_to_string(dir.join(STAMP_FILE)).map_err(|_| "de zoekindex ontbreekt".to_string())?;
        let stamp: Stamp =
            serde_json::from_str(&stamp_text).map_err(|_| "het stempel van de zoekindex is beschadigd".to_string())?;
        if stamp.schema != SCHEMA_VERSION {
            return Err(format!("de zoekindex heeft een ouder schema ({})", stamp.schema));
        }
        if stamp.catalogue != stamped(catalogue_hash) {
            return Err("de catalogus is gewijzigd".to_string());
        }
        let opened = quietly(|| -> std::result::Result<(Index, IndexReader, u64), String> {
            let index = Index::open_in_dir(dir).map_err(|e| one_line(&e))?;
            if index.schema() != build_schema().0 {
                return Err("het schema in meta.json klopt niet".into());
            }
            // Every file of every segment carries a checksum: damage shows now, not as a
            // wrong answer or a panic in the middle of a search.
            let damaged = damaged_files(dir, &index)?;
            if !damaged.is_empty() {
                return Err(format!("het controlegetal klopt niet in {}", damaged.join(", ")));
            }
            register_tokenizers(&index, &analyzer);
            let reader: IndexReader =
                index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(|e| one_line(&e))?;
            let count = reader.searcher().num_docs();
            Ok((index, reader, count))
        });
        match opened {
            Some(Ok((index, reader, count))) if count == stamp.docs => {
                let (_, fields) = build_schema();
                let files = file_stamps(dir);
                let thesaurus = Thesaurus::bundled(&analyzer);
                Ok(SearchIndex { dir: dir.to_path_buf(), reader, fields, analyzer, index, files, thesaurus })
            }
            Some(Ok((_, _, count))) => {
                Err(format!("de zoekindex bevat {count} in plaats van {} documenten", stamp.docs))
            }
            Some(Err(why)) => Err(format!("de zoekindex is beschadigd ({why})")),
            None => Err("de zoekindex is beschadigd (onleesbaar)".to_string()),
        }
    }

    /// Builds a fresh index in `dir` from `records` (one commit), then writes the stamp.
    pub fn build(
        dir: &Path,
        catalogue_hash: &str,
        analyzer: Analyzer,
        taxonomy: &Taxonomy,
        records: &[Intervention],
    ) -> Result<SearchIndex> {
        let fail = |reason: String| Error::Index { path: dir.to_path_buf(), reason };
        if dir.exists() {
            std::fs::remove_dir_all(dir)
                .map_err(|e| fail(format!("de oude index kan niet worden verwijderd ({e})")))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| fail(format!("de map kan niet worden aangemaakt ({e})")))?;
        let (schema, fields) = build_schema();
        let index = Index::create_in_dir(dir, schema).map_err(|e| fail(e.to_string()))?;
        register_tokenizers(&index, &analyzer);
        let mut writer = index.writer_with_num_threads(1, 32_000_000).map_err(|e| fail(e.to_string()))?;
        let situations = crate::catalogue::situations()?;
        for record in records {
            let doc = document(&fields, record, taxonomy, situations.get(&record.id));
            writer.add_document(doc).map_err(|e| fail(e.to_string()))?;
        }
        writer.commit().map_err(|e| fail(e.to_string()))?;
        writer.wait_merging_threads().map_err(|e| fail(e.to_string()))?;
        let stamp = Stamp { schema: SCHEMA_VERSION, catalogue: stamped(catalogue_hash), docs: records.len() as u64 };
        let tmp = dir.join(format!("{STAMP_FILE}.tmp"));
        std::fs::write(&tmp, serde_json::to_string(&stamp).map_err(Error::json("het stempel van de zoekindex"))?)
            .map_err(|e| fail(e.to_string()))?;
        std::fs::rename(&tmp, dir.join(STAMP_FILE)).map_err(|e| fail(e.to_string()))?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e: tantivy::TantivyError| fail(e.to_string()))?;
        let files = file_stamps(dir);
        let thesaurus = Thesaurus::bundled(&analyzer);
        Ok(SearchIndex { dir: dir.to_path_buf(), reader, fields, analyzer, index, files, thesaurus })
    }

    /// Whether a file of the index changed, appeared or went since it was opened (another
    /// process rebuilt it, or something wrote into it): then open it again, which checks it.
    /// A few `stat` calls.
    pub fn changed_on_disk(&self) -> bool {
        file_stamps(&self.dir) != self.files
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_quietly_becomes_none_and_later_code_runs_as_before() {
        let caught = quietly(|| -> u32 { panic!("index out of bounds: the len is 0 but the index is 7") });
        assert_eq!(caught, None);
        assert_eq!(quietly(|| 7), Some(7));
        assert!(!QUIET.with(Cell::get), "the quiet flag is reset after a panic");
    }

    #[test]
    fn an_error_is_one_short_line() {
        let long = format!("eerste regel\ntweede   regel\t{}", "x".repeat(500));
        let line = one_line(&long);
        assert!(!line.contains('\n') && !line.contains('\t') && line.starts_with("eerste regel tweede regel"));
        assert_eq!(line.chars().count(), 201);
    }
}
