//! Full-text search over the catalogue: a tantivy index in the data directory with Dutch
//! analysis ([`analysis`]), field boosts, typo tolerance, prefix matching while typing, and
//! filters with facet counts. User text is never parsed as query syntax: the query is built
//! from analysed terms only.
//!
//! The index is derived data. It carries a stamp (schema version, catalogue hash, number of
//! documents) and is rebuilt when it is missing, stale, or damaged.

pub mod analysis;
pub mod expand;
mod query;
pub mod relevance;
pub mod sweep;
pub mod thesaurus;

use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::ops::Bound;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Once};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TantivyDocument, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Index, IndexReader, ReloadPolicy, Term};

use crate::catalogue::{Intervention, Taxonomy};
use crate::error::{Error, Result};
use analysis::{Analyzer, DutchTokenizer, PlainTokenizer};
use expand::Thesaurus;
use query::Phrase;

/// Bump when the schema or the analysis changes: older indexes are rebuilt.
pub const SCHEMA_VERSION: u32 = 4;
/// The index directory inside the data directory.
pub const INDEX_DIR: &str = "index";
const STAMP_FILE: &str = "keuzehulp-stamp.json";
/// Bounds on the work of one query, so that any text anyone types or pastes is answered in
/// milliseconds: at most this many characters of a query are read...
pub const MAX_QUERY_CHARS: usize = 1_000;
/// ...at most this many words of it are used...
pub const MAX_QUERY_WORDS: usize = 32;
/// ...each cut to this many letters (longer than any Dutch compound in use)...
pub const MAX_WORD_CHARS: usize = 40;
/// ...and only this many unknown words are corrected for spelling (the fuzzy expansion).
pub const MAX_CORRECTED_WORDS: usize = 8;
/// All words together give at most this many terms (stems, compound parts, corrections),
/// each looked up in five fields: the size of the query tantivy evaluates.
pub const MAX_QUERY_TERMS: usize = 48;
/// The most terms the thesaurus may add to one query (over all its words).
pub const MAX_WIDEN_TERMS: usize = 48;
/// The most thesaurus phrases added to a run of words that records hold themselves.
pub const MAX_PHRASES_FOR_KNOWN: usize = 4;
/// The most thesaurus phrases added to a run of words that no record holds (an English
/// or everyday word): the best ones, the group's own words first.
pub const MAX_PHRASES_FOR_UNKNOWN: usize = 8;
/// The most hits one search returns.
pub const MAX_LIMIT: usize = 250;

const NL: &str = "kh_nl";
/// The stemmed text fields and their boosts: name and aliases above summary above body.
const WEIGHTED: [(&str, f32); 5] = [("name", 5.0), ("aliases", 4.0), ("summary", 2.0), ("labels", 1.5), ("body", 1.0)];
const PLAIN: &str = "kh_plain";

/// Field handles, looked up once.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    name: Field,
    aliases: Field,
    summary: Field,
    stored_summary: Field,
    body: Field,
    labels: Field,
    plain: Field,
    levels: Field,
    steps: Field,
    roles: Field,
    themes: Field,
    sectors: Field,
    evidence: Field,
    /// The last day the evidence judgement holds (`evidence_holds_through`), when it can lapse.
    holds_through: Field,
    cost: Field,
    tags: Field,
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let nl = |stored: bool| {
        let indexing = TextFieldIndexing::default().set_tokenizer(NL).set_index_option(IndexRecordOption::WithFreqs);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored { options.set_stored() } else { options }
    };
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(PLAIN).set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        name: b.add_text_field("name", nl(true)),
        aliases: b.add_text_field("aliases", nl(false)),
        summary: b.add_text_field("summary", nl(false)),
        stored_summary: b.add_text_field("summary_text", STORED),
        body: b.add_text_field("body", nl(false)),
        labels: b.add_text_field("labels", nl(false)),
        plain: b.add_text_field("plain", plain),
        levels: b.add_text_field("level", STRING | STORED),
        steps: b.add_text_field("step", STRING | STORED),
        roles: b.add_text_field("role", STRING),
        themes: b.add_text_field("theme", STRING),
        sectors: b.add_text_field("sector", STRING),
        evidence: b.add_text_field("evidence", STRING | FAST),
        holds_through: b.add_text_field("holds_through", STRING),
        cost: b.add_text_field("cost", STRING),
        tags: b.add_facet_field("tags", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// The facet groups counted for the UI, with their tag prefix.
const FACETS: &[&str] = &["level", "step", "role", "theme", "sector", "evidence", "cost", "kind"];

/// The facet group that holds, per record whose evidence can lapse, "<last day> <level>":
/// counted beside the others, so the evidence counts can treat a lapsed judgement as none
/// on the day asked, without rebuilding the index each day.
const LAPSE_FACET: &str = "lapse";

/// Filters on a search; `None` means no filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(optional_fields = nullable))]
pub struct Filters {
    /// individu, team, organisatie.
    pub level: Option<String>,
    /// A, B1, B2, C, D.
    pub step: Option<String>,
    /// A role.
    pub role: Option<String>,
    /// A theme.
    pub theme: Option<String>,
    /// A sector; matches the sector, its parent and sub-sectors, and `algemeen`.
    pub sector: Option<String>,
    /// An evidence level (exact).
    pub evidence: Option<String>,
    /// A cost class (exact).
    pub cost: Option<String>,
}

impl Filters {
    /// Whether any filter is set.
    pub fn is_empty(&self) -> bool {
        self == &Filters::default()
    }

    /// Checks every value against the taxonomy; an unknown one names the allowed values.
    pub fn check(&self, taxonomy: &Taxonomy) -> Result<()> {
        let checks: [(&'static str, &Option<String>, &[crate::catalogue::Term]); 7] = [
            ("niveau", &self.level, &taxonomy.levels),
            ("stap", &self.step, &taxonomy.steps),
            ("rol", &self.role, &taxonomy.roles),
            ("thema", &self.theme, &taxonomy.themes),
            ("sector", &self.sector, &taxonomy.sectors),
            ("bewijsniveau", &self.evidence, &taxonomy.evidence_levels),
            ("kostensoort", &self.cost, &taxonomy.cost_classes),
        ];
        for (what, value, terms) in checks {
            crate::catalogue::check_term(what, value.as_deref(), terms)?;
        }
        Ok(())
    }
}

/// Counts per facet value: `counts["level"]["team"]`.
pub type FacetCounts = BTreeMap<String, BTreeMap<String, u64>>;

/// What one run of a query gives: the hits with their place in the index, how many match
/// in all, and the facet counts.
type Ran = (Vec<(Hit, DocAddress)>, usize, FacetCounts);

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Hit {
    /// Intervention id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Relevance (higher is better).
    pub score: f32,
    /// Its levels.
    pub levels: Vec<String>,
    /// Its steps.
    pub steps: Vec<String>,
    /// Its summary.
    pub summary: String,
    /// Words of the name and summary (as written) that match the query, for highlighting.
    pub matched: Vec<String>,
    /// When the record matched through the thesaurus and not through the words as typed:
    /// which word led to which ("gevonden via: opgebrand → burn-out").
    pub via: Vec<Via>,
}

/// A record found through the thesaurus: the words as typed, and the word they led to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Via {
    /// The typed words (folded: lower case, no accents).
    pub from: String,
    /// The thesaurus's word that the record holds, as the thesaurus writes it.
    pub to: String,
}

/// The answer to one query.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SearchResult {
    /// The query as given.
    pub query: String,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
    /// How many interventions match in all.
    pub total: usize,
    /// Counts per facet value among all matches: `facets["level"]["team"]`.
    pub facets: FacetCounts,
    /// The analysed query terms, for highlighting matched words.
    pub terms: Vec<String>,
    /// When nothing matched: the nearest interventions (filters dropped or looser spelling).
    pub nearest: Vec<Hit>,
    /// What of the query was left out to bound the work, in Dutch; empty as a rule.
    pub cut: Vec<String>,
    /// "Bedoelde u …?": the query with each unknown word replaced by the nearest known one
    /// (from the records or the thesaurus), when a word was unknown and a near one exists.
    pub suggestion: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Stamp {
    schema: u32,
    catalogue: String,
    docs: u64,
}

/// An open, current search index.
pub struct SearchIndex {
    dir: PathBuf,
    reader: IndexReader,
    fields: Fields,
    analyzer: Analyzer,
    index: Index,
    /// Size and time of change of every file when the index was opened or built.
    files: Vec<FileStamp>,
    /// The thesaurus, keyed with `analyzer`.
    thesaurus: Arc<Thesaurus>,
}

/// A file of the index as it was: name, size, time of change.
type FileStamp = (std::ffi::OsString, u64, Option<std::time::SystemTime>);

/// Size and time of change of every file in `dir` but tantivy's (empty) lock files.
fn file_stamps(dir: &Path) -> Vec<FileStamp> {
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

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish()
    }
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
        if stamp.catalogue != catalogue_hash {
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
        for record in records {
            writer.add_document(document(&fields, record, taxonomy)).map_err(|e| fail(e.to_string()))?;
        }
        writer.commit().map_err(|e| fail(e.to_string()))?;
        writer.wait_merging_threads().map_err(|e| fail(e.to_string()))?;
        let stamp = Stamp { schema: SCHEMA_VERSION, catalogue: catalogue_hash.to_string(), docs: records.len() as u64 };
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

    /// Searches. `text` may be anything a person types; it is analysed, never parsed, and
    /// the work is bounded (see [`MAX_QUERY_CHARS`] and the bounds after it): what was left
    /// out is named in [`SearchResult::cut`]. `limit` may be at most [`MAX_LIMIT`].
    ///
    /// A damaged index (an error or a panic inside tantivy) gives [`Error::Index`], never a
    /// panic; the caller rebuilds the index and asks again.
    ///
    /// `today` (YYYY-MM-DD) decides which evidence judgements have lapsed: those count as
    /// "onbekend" in the evidence facet and filter, as they do in the ranking.
    pub fn search(
        &self,
        text: &str,
        filters: &Filters,
        taxonomy: &Taxonomy,
        today: &str,
        limit: usize,
    ) -> Result<SearchResult> {
        if limit > MAX_LIMIT {
            return Err(Error::InvalidInput {
                field: "limit".into(),
                message: format!("{limit} resultaten is te veel; vraag er ten hoogste {MAX_LIMIT}"),
            });
        }
        let damaged = |reason: String| Error::Index { path: self.dir.clone(), reason };
        match quietly(|| self.search_bounded(text, filters, taxonomy, today, limit)) {
            Some(Ok(result)) => Ok(result),
            Some(Err(e)) => Err(damaged(format!("de zoekindex is beschadigd ({})", one_line(&e)))),
            None => Err(damaged("de zoekindex is beschadigd (onleesbaar)".into())),
        }
    }

    fn search_bounded(
        &self,
        text: &str,
        filters: &Filters,
        taxonomy: &Taxonomy,
        today: &str,
        limit: usize,
    ) -> tantivy::Result<SearchResult> {
        let mut cut = Vec::new();
        let length = text.chars().count();
        let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((end, _)) => {
                cut.push(query_cut_note(length));
                &text[..end]
            }
            None => text,
        };
        let words = self.analyzer.query_words_bounded(text, MAX_QUERY_WORDS, MAX_WORD_CHARS);
        match words.words_cut {
            0 => {}
            1 => cut.push(format!(
                "een woord van {} tekens is ingekort tot de eerste {MAX_WORD_CHARS}",
                words.longest_cut
            )),
            n => cut.push(format!(
                "{n} woorden langer dan {MAX_WORD_CHARS} tekens (het langste {}) zijn ingekort tot de eerste {MAX_WORD_CHARS}",
                words.longest_cut
            )),
        }
        if words.words_left_out > 0 {
            cut.push(format!(
                "alleen de eerste {MAX_QUERY_WORDS} woorden zijn gebruikt; {} niet",
                words.words_left_out
            ));
        }
        // The thesaurus: each run of words it knows adds its phrases to the run's first word,
        // within a budget of terms for the whole query.
        // A word in no record may be a misspelt word of the thesaurus ("overspanen"): then
        // it is matched as that word (for at most MAX_CORRECTED_WORDS words).
        let searcher = self.reader.searcher();
        // How many records hold each word's own stem: looked up once, used for the thesaurus,
        // the query and the suggestion alike.
        let mut word_dfs: Vec<u64> = Vec::with_capacity(words.groups.len());
        for group in &words.groups {
            word_dfs.push(match group.first() {
                Some(stem) => self.max_doc_freq(&searcher, stem)?,
                None => 0,
            });
        }
        let df_of = |g: Option<usize>| g.and_then(|g| word_dfs.get(g).copied());
        let mut keys: Vec<String> = words.words.iter().map(|w| w.key.clone()).collect();
        let mut looked_up = 0;
        let mut respelt = vec![false; keys.len()];
        for (i, word) in words.words.iter().enumerate() {
            let Some(df) = df_of(word.group) else { continue };
            if looked_up < MAX_CORRECTED_WORDS && df == 0 {
                looked_up += 1;
                if let Some((term, _)) = self.thesaurus.nearest(&word.folded) {
                    keys[i] = self.analyzer.stem(&term);
                    respelt[i] = true;
                }
            }
        }
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let expansions = self.thesaurus.expansions(&keys, &self.analyzer);
        let mut widen: Vec<Vec<Phrase>> = vec![Vec::new(); words.groups.len()];
        let mut widen_terms = 0;
        let mut widen_left_out = 0;
        for (e, expansion) in expansions.iter().enumerate() {
            let span: Vec<usize> = words.words[expansion.start..expansion.end].iter().filter_map(|w| w.group).collect();
            if span.is_empty() {
                continue;
            }
            // Words that records hold themselves need the thesaurus less: only a few of
            // their own group's words are added, not the wider groups' (which would only
            // cost time on a large catalogue); a word no record holds gets them all.
            let known = span.iter().all(|&g| df_of(Some(g)).is_some_and(|df| df > 0));
            let mut added = 0;
            for (text, weight) in &expansion.phrases {
                let cap = if known { MAX_PHRASES_FOR_KNOWN } else { MAX_PHRASES_FOR_UNKNOWN };
                if added >= cap || (known && *weight <= expand::BROADER) {
                    continue;
                }
                let terms: Vec<String> =
                    self.analyzer.query_words(text).into_iter().filter_map(|g| g.into_iter().next()).collect();
                if terms.is_empty() {
                    continue;
                }
                // A phrase no record holds adds nothing.
                let mut present = true;
                for term in &terms {
                    present &= self.max_doc_freq(&searcher, term)? > 0;
                }
                if !present {
                    continue;
                }
                if widen_terms + terms.len() > MAX_WIDEN_TERMS {
                    widen_left_out += 1;
                    continue;
                }
                widen_terms += terms.len();
                added += 1;
                // The phrase joins the first word of the run only: scored once, not once per
                // word (a run of two words would otherwise count it twice and cost twice).
                widen[span[0]].push(Phrase { text: text.clone(), terms, weight: *weight, expansion: e });
            }
        }
        if widen_left_out > 0 {
            cut.push(format!(
                "alleen de eerste {MAX_WIDEN_TERMS} termen uit de thesaurus zijn gebruikt; {widen_left_out} woorden niet"
            ));
        }
        let groups = &words.groups;
        let prefix = last_word_prefix(text);
        let text_query = self.text_query(&searcher, groups, &word_dfs, &widen, prefix.as_deref(), 1, &mut cut)?;
        let filter_query = filter_query(&self.fields, filters, taxonomy, today);
        let (found, total, facets) = self.run(text_query.as_deref(), filter_query.as_deref(), today, limit)?;
        let mut nearest = Vec::new();
        if total == 0 && (text_query.is_some() || filter_query.is_some()) {
            // Nothing fits: first drop the filters, then allow looser spelling.
            if filter_query.is_some() && text_query.is_some() {
                nearest = self.run(text_query.as_deref(), None, today, limit)?.0;
            }
            if nearest.is_empty() && !groups.is_empty() {
                let loose =
                    self.text_query(&searcher, groups, &word_dfs, &widen, prefix.as_deref(), 2, &mut Vec::new())?;
                nearest = self.run(loose.as_deref(), filter_query.as_deref(), today, limit)?.0;
            }
        }
        let via = self.via(&searcher, &words, &expansions, &widen, &found)?;
        let mut terms: Vec<String> = groups.iter().flatten().cloned().collect();
        for phrase in widen.iter().flatten() {
            for term in &phrase.terms {
                if !terms.contains(term) {
                    terms.push(term.clone());
                }
            }
        }
        let mut hits: Vec<Hit> = found.into_iter().map(|(hit, _)| hit).collect();
        let mut nearest: Vec<Hit> = nearest.into_iter().map(|(hit, _)| hit).collect();
        for (hit, via) in hits.iter_mut().zip(via) {
            hit.via = via;
        }
        for hit in hits.iter_mut().chain(nearest.iter_mut()) {
            hit.matched = self.matched_words(&format!("{}\n{}", hit.name, hit.summary), &terms, prefix.as_deref());
        }
        let covered: Vec<bool> = (0..words.words.len())
            .map(|i| !respelt[i] && expansions.iter().any(|e| (e.start..e.end).contains(&i)))
            .collect();
        let suggestion = self.suggestion(&searcher, &words, &word_dfs, &covered)?;
        Ok(SearchResult { query: text.to_string(), hits, total, facets, terms, nearest, cut, suggestion })
    }

    /// Per hit: the thesaurus's words through which it matched, for each run of typed words
    /// that the record does not hold itself.
    fn via(
        &self,
        searcher: &tantivy::Searcher,
        words: &analysis::QueryWords,
        expansions: &[expand::Expansion],
        widen: &[Vec<Phrase>],
        found: &[(Hit, DocAddress)],
    ) -> tantivy::Result<Vec<Vec<Via>>> {
        let docs: Vec<DocAddress> = found.iter().map(|(_, d)| *d).collect();
        let mut out: Vec<Vec<Via>> = vec![Vec::new(); found.len()];
        if docs.is_empty() {
            return Ok(out);
        }
        for (e, expansion) in expansions.iter().enumerate() {
            let span = &words.words[expansion.start..expansion.end];
            let own: Vec<Vec<String>> =
                span.iter().filter_map(|w| w.group).filter_map(|g| words.groups.get(g).cloned()).collect();
            if own.is_empty() {
                continue;
            }
            let holds_own = self.matching(searcher, self.own_words_query(&own).as_ref(), &docs)?;
            let from = span.iter().map(|w| w.folded.as_str()).collect::<Vec<_>>().join(" ");
            let mut seen: HashSet<&str> = HashSet::new();
            for phrase in widen.iter().flatten().filter(|p| p.expansion == e) {
                if !seen.insert(&phrase.text) {
                    continue;
                }
                let holds = self.matching(searcher, self.phrase_match_query(&phrase.terms).as_ref(), &docs)?;
                for (i, doc) in docs.iter().enumerate() {
                    let already = out[i].iter().any(|v| v.from == from);
                    if !already && holds.contains(doc) && !holds_own.contains(doc) {
                        out[i].push(Via { from: from.clone(), to: phrase.text.clone() });
                    }
                }
            }
        }
        Ok(out)
    }

    fn run(
        &self,
        text: Option<&dyn Query>,
        filter: Option<&dyn Query>,
        today: &str,
        limit: usize,
    ) -> tantivy::Result<Ran> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        match text {
            Some(q) => clauses.push((Occur::Must, q.box_clone())),
            None => clauses.push((Occur::Must, Box::new(AllQuery))),
        }
        if let Some(f) = filter {
            clauses.push((Occur::Must, f.box_clone()));
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let mut facet_collector = FacetCollector::for_field("tags");
        for facet in FACETS {
            facet_collector.add_facet(format!("/{facet}").as_str());
        }
        facet_collector.add_facet(format!("/{LAPSE_FACET}").as_str());
        let top = TopDocs::with_limit(limit.max(1)).order_by_score();
        let (top, total, facet_counts) = searcher.search(&query, &(top, Count, facet_collector))?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top.into_iter().take(limit) {
            hits.push((self.hit(&searcher, address, score)?, address));
        }
        if text.is_none() {
            // Without words every hit scores alike: list them by name.
            hits.sort_by(|a, b| a.0.name.cmp(&b.0.name));
        }
        let mut facets = BTreeMap::new();
        for facet in FACETS {
            let counts: BTreeMap<String, u64> = facet_counts
                .get(format!("/{facet}").as_str())
                .filter_map(|(f, n)| f.to_path().last().map(|v| (v.to_string(), n)))
                .collect();
            facets.insert(facet.to_string(), counts);
        }
        // A judgement that has lapsed today counts as none, as in the ranking.
        let lapsed: Vec<(String, u64)> = facet_counts
            .get(format!("/{LAPSE_FACET}").as_str())
            .filter_map(|(f, n)| {
                let path = f.to_path();
                let (through, level) = path.last()?.split_once(' ')?;
                (through < today).then(|| (level.to_string(), n))
            })
            .collect();
        if let Some(evidence) = facets.get_mut("evidence") {
            for (level, n) in lapsed {
                if let Some(count) = evidence.get_mut(&level) {
                    *count = count.saturating_sub(n);
                    if *count == 0 {
                        evidence.remove(&level);
                    }
                }
                *evidence.entry(crate::catalogue::model::UNKNOWN.to_string()).or_insert(0) += n;
            }
        }
        Ok((hits, total, facets))
    }

    fn hit(&self, searcher: &tantivy::Searcher, address: DocAddress, score: f32) -> tantivy::Result<Hit> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let all = |field: Field| doc.get_all(field).filter_map(|v| v.as_str().map(str::to_string)).collect();
        Ok(Hit {
            id: text(self.fields.id),
            name: text(self.fields.name),
            score,
            levels: all(self.fields.levels),
            steps: all(self.fields.steps),
            summary: text(self.fields.stored_summary),
            matched: Vec::new(),
            via: Vec::new(),
        })
    }

    /// Whether a file of the index changed, appeared or went since it was opened (another
    /// process rebuilt it, or something wrote into it): then open it again, which checks it.
    /// A few `stat` calls.
    pub fn changed_on_disk(&self) -> bool {
        file_stamps(&self.dir) != self.files
    }

    /// The number of documents in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The underlying tantivy index (benchmarks).
    pub fn tantivy(&self) -> &Index {
        &self.index
    }
}

/// The note in [`SearchResult::cut`] for a query of `length` characters that was cut.
pub fn query_cut_note(length: usize) -> String {
    format!("de zoekvraag is ingekort tot de eerste {MAX_QUERY_CHARS} van {length} tekens")
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
fn one_line(err: &dyn std::fmt::Display) -> String {
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

fn register_tokenizers(index: &Index, analyzer: &Analyzer) {
    index.tokenizers().register(NL, TextAnalyzer::from(DutchTokenizer(analyzer.clone())));
    index.tokenizers().register(PLAIN, TextAnalyzer::from(PlainTokenizer));
}

/// The word being typed: the last word when the text does not end in a space.
fn last_word_prefix(text: &str) -> Option<String> {
    if text.ends_with(char::is_whitespace) {
        return None;
    }
    let last = analysis::plain_words(text.rsplit(char::is_whitespace).next().unwrap_or_default()).into_iter().last()?;
    (last.chars().count() >= 3 && last.chars().count() <= 40).then_some(last)
}

fn document(f: &Fields, r: &Intervention, taxonomy: &Taxonomy) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &r.id);
    doc.add_text(f.name, &r.name);
    for alias in &r.aliases {
        doc.add_text(f.aliases, alias);
    }
    doc.add_text(f.summary, &r.summary);
    doc.add_text(f.stored_summary, &r.summary);
    let mut body: Vec<&str> = Vec::new();
    for text in [&r.benefits, &r.involves, &r.time, &r.cost, &r.privacy, &r.evidence.basis].into_iter().flatten() {
        body.push(text);
    }
    body.extend(r.evidence.references.iter().map(String::as_str));
    body.extend(r.developed_by.iter().flatten().map(String::as_str));
    body.extend(r.themes.iter().map(String::as_str));
    body.extend(r.risk_groups.iter().map(String::as_str));
    body.push(&r.kind);
    doc.add_text(f.body, body.join("\n"));
    let label = |terms: &[crate::catalogue::Term], id: &str| {
        terms.iter().find(|t| t.id == id).map(|t| t.label.clone()).unwrap_or_else(|| id.to_string())
    };
    let mut labels: Vec<String> = Vec::new();
    labels.extend(r.themes.iter().map(|id| label(&taxonomy.themes, id)));
    labels.extend(r.risk_groups.iter().map(|id| label(&taxonomy.risk_groups, id)));
    labels.extend(r.steps.iter().map(|id| label(&taxonomy.steps, id)));
    labels.push(label(&taxonomy.kinds, &r.kind));
    doc.add_text(f.labels, labels.join("\n"));
    for text in std::iter::once(&r.name).chain(&r.aliases).chain(std::iter::once(&r.summary)) {
        doc.add_text(f.plain, text);
    }
    for text in body {
        doc.add_text(f.plain, text);
    }
    let tag = |doc: &mut TantivyDocument, group: &str, value: &str| {
        doc.add_facet(f.tags, Facet::from_path([group, value]));
    };
    for (field, group, values) in [
        (f.levels, "level", &r.levels),
        (f.steps, "step", &r.steps),
        (f.roles, "role", &r.roles),
        (f.themes, "theme", &r.themes),
        (f.sectors, "sector", &r.sectors),
    ] {
        for value in values {
            doc.add_text(field, value);
            tag(&mut doc, group, value);
        }
    }
    doc.add_text(f.evidence, &r.evidence.level);
    tag(&mut doc, "evidence", &r.evidence.level);
    if let Some(through) = crate::catalogue::evidence_holds_through(&r.evidence) {
        doc.add_text(f.holds_through, &through);
        tag(&mut doc, LAPSE_FACET, &format!("{through} {}", r.evidence.level));
    }
    doc.add_text(f.cost, &r.cost_class);
    tag(&mut doc, "cost", &r.cost_class);
    tag(&mut doc, "kind", &r.kind);
    doc
}

fn filter_query(f: &Fields, filters: &Filters, taxonomy: &Taxonomy, today: &str) -> Option<Box<dyn Query>> {
    let term = |field: Field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, value) in [
        (f.levels, &filters.level),
        (f.steps, &filters.step),
        (f.roles, &filters.role),
        (f.themes, &filters.theme),
        (f.cost, &filters.cost),
    ] {
        if let Some(value) = value {
            must.push((Occur::Must, term(field, value)));
        }
    }
    if let Some(level) = &filters.evidence {
        // A judgement that has lapsed today counts as "onbekend", as in the facet counts.
        let lapsed = || -> Box<dyn Query> {
            Box::new(RangeQuery::new(Bound::Unbounded, Bound::Excluded(Term::from_field_text(f.holds_through, today))))
        };
        if level == crate::catalogue::model::UNKNOWN {
            must.push((
                Occur::Must,
                Box::new(BooleanQuery::new(vec![(Occur::Should, term(f.evidence, level)), (Occur::Should, lapsed())])),
            ));
        } else {
            must.push((Occur::Must, term(f.evidence, level)));
            must.push((Occur::MustNot, lapsed()));
        }
    }
    if let Some(sector) = &filters.sector {
        let any: Vec<(Occur, Box<dyn Query>)> = crate::catalogue::sectors_fitting(taxonomy, sector)
            .iter()
            .map(|s| (Occur::Should, term(f.sectors, s)))
            .collect();
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if must.is_empty() { None } else { Some(Box::new(BooleanQuery::new(must))) }
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
