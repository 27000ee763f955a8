//! Full-text search over the catalogue: a tantivy index in the data directory with Dutch
//! analysis ([`analysis`]), field boosts, typo tolerance, prefix matching while typing, and
//! filters with facet counts. User text is never parsed as query syntax: the query is built
//! from analysed terms only.
//!
//! The index is derived data. It carries a stamp (schema version, catalogue hash, number of
//! documents) and is rebuilt when it is missing, stale, or damaged (`open.rs`). `schema.rs`
//! holds the fields and how a record becomes a document, `run.rs` one search within its
//! bounds, `query.rs` the query built from the analysed words.

pub mod analysis;
pub mod expand;
mod open;
mod query;
pub mod relevance;
mod run;
mod schema;
pub mod sweep;
pub mod thesaurus;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::{Index, IndexReader};

use crate::catalogue::Taxonomy;
use crate::error::{Error, Result};
use analysis::Analyzer;
use expand::Thesaurus;
pub(crate) use open::quietly;
use open::{FileStamp, one_line};
use schema::Fields;

/// Bump when the schema or the analysis changes: older indexes are rebuilt.
pub const SCHEMA_VERSION: u32 = 9;
/// The index directory inside the data directory.
pub const INDEX_DIR: &str = "index";
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
    /// Practice-based evidence beside the label (filled in by the façade); absent when the
    /// intervention was never chosen here.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub practice: Option<crate::catalogue::practice::Practice>,
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
    /// The way in (an entry id of the decision tree) whose question the query asks in other
    /// words ("met wie kan ik praten…" asks "Bij wie kan ik terecht met mijn zorgen?"); its
    /// records come first. Set by [`crate::Keuzehulp::search`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub way_in: Option<String>,
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

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("dir", &self.dir).finish()
    }
}

impl SearchIndex {
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
        self.search_leading(text, filters, taxonomy, today, limit, &[])
    }

    /// [`SearchIndex::search`], with the records `lead` (ids) put before every other hit when
    /// they pass the filters, whether or not they hold the words: the records a way in puts
    /// first when the query asks that way in's question. Among themselves they keep the
    /// order of their words' scores.
    pub fn search_leading(
        &self,
        text: &str,
        filters: &Filters,
        taxonomy: &Taxonomy,
        today: &str,
        limit: usize,
        lead: &[String],
    ) -> Result<SearchResult> {
        if limit > MAX_LIMIT {
            return Err(Error::InvalidInput {
                field: "limit".into(),
                message: format!("{limit} resultaten is te veel; vraag er ten hoogste {MAX_LIMIT}"),
            });
        }
        let damaged = |reason: String| Error::Index { path: self.dir.clone(), reason };
        match quietly(|| self.search_bounded(text, filters, taxonomy, today, limit, lead)) {
            Some(Ok(result)) => Ok(result),
            Some(Err(e)) => Err(damaged(format!("de zoekindex is beschadigd ({})", one_line(&e)))),
            None => Err(damaged("de zoekindex is beschadigd (onleesbaar)".into())),
        }
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
