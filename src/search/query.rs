//! Building the query from what a person typed: per word its stem, compound parts, spelling
//! neighbours and the thesaurus's phrases; and the helpers that look into the index's
//! vocabulary (prefixes, document frequencies, spelling corrections, matched words).

use std::collections::{BTreeMap, HashSet};

use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, EnableScoring, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Term};

use super::schema::WEIGHTED;
use super::{MAX_CORRECTED_WORDS, MAX_QUERY_TERMS, SearchIndex, analysis};

/// "Bedoelde u …?" is offered only when the words the query knows find fewer records than
/// this: a query that already finds plenty is not second-guessed.
const FEW_FOUND: u64 = 3;

/// The statistics BM25 weighs a word with: how many records hold it in *any* text field,
/// not in the one field matched. A word found in most records ("werk", "team") is then weak
/// everywhere, also in the few names that hold it; a word few records hold (the word that
/// carries a situation: "pesten", "mantelzorg") is strong in every field.
pub(super) struct CatalogueStats<'a> {
    pub(super) searcher: &'a tantivy::Searcher,
    pub(super) fields: [Field; 7],
    cache: std::cell::RefCell<BTreeMap<String, u64>>,
}

impl<'a> CatalogueStats<'a> {
    pub(super) fn new(searcher: &'a tantivy::Searcher, fields: [Field; 7]) -> Self {
        CatalogueStats { searcher, fields, cache: std::cell::RefCell::new(BTreeMap::new()) }
    }
}

impl tantivy::query::Bm25StatisticsProvider for CatalogueStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        tantivy::query::Bm25StatisticsProvider::total_num_tokens(self.searcher, field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        tantivy::query::Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let value = term.value();
        let text = match value.as_str() {
            Some(text) if self.fields.contains(&term.field()) => text.to_string(),
            _ => return self.searcher.doc_freq(term),
        };
        if let Some(df) = self.cache.borrow().get(&text) {
            return Ok(*df);
        }
        let mut max = 0;
        for field in self.fields {
            max = max.max(self.searcher.doc_freq(&Term::from_field_text(field, &text))?);
        }
        self.cache.borrow_mut().insert(text, max);
        Ok(max)
    }
}

/// One phrase of the thesaurus added to a query word.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Phrase {
    /// As the thesaurus writes it.
    pub text: String,
    /// Its analysed terms (the stem of each word).
    pub terms: Vec<String>,
    /// Its weight against the person's own word (1.0).
    pub weight: f32,
    /// Which expansion it came from.
    pub expansion: usize,
}

/// How much a word counts in the other fields that hold it, beside the best one: a word
/// counts as its best field (boosted by field) and this share of each other field's score.
/// Summed in full, a word that a record holds everywhere (a record *about* burn-out, with
/// it in its name, aliases, summary, labels, body and situations) outweighed a record that
/// holds more of a sentence's words once each ("komt na een burn-out weer aan het werk");
/// as the best field alone, where else a record holds a word would not count at all.
/// Chosen among 1.0 (the sum), 0.7, 0.5, 0.35 and 0.2 on the judged and development sets
/// and the first three unread sets; the fourth measured the choice (see the README).
const OTHER_FIELDS: f32 = 0.5;

impl SearchIndex {
    /// The query for the words. Per word: its stem on every text field (boosted by field);
    /// for a word the index does not know, its compound parts and its spelling neighbours
    /// from the index's own vocabulary (edit distance 1, or 2 for long words; more when
    /// `loose`). Words found in most documents only refine the ranking of documents that
    /// match a rarer word. Documents holding every word, and names holding every word, rank
    /// first. The word being typed also matches as a prefix. Only the first
    /// [`MAX_CORRECTED_WORDS`] unknown words are corrected; the rest are noted in `cut`.
    ///
    /// `widen[g]` holds the thesaurus's phrases for word `g` (see [`super::expand`]): each is
    /// one more way for the word to match, for its weight. A word the thesaurus knows is not
    /// corrected: it is not a typo. `word_dfs[g]` is how many records hold word `g`'s stem,
    /// looked up once by the caller. The words `score_only` (group indexes) only add score,
    /// as a common word does: they do not decide which records match.
    // The per-word inputs (groups, their document frequencies, the thesaurus's phrases) are
    // parallel slices of one query; bundling them would only move the list.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn text_query(
        &self,
        searcher: &tantivy::Searcher,
        groups: &[Vec<String>],
        word_dfs: &[u64],
        score_only: &[usize],
        widen: &[Vec<Phrase>],
        prefix: Option<&str>,
        loose: u8,
        cut: &mut Vec<String>,
    ) -> tantivy::Result<Option<Box<dyn Query>>> {
        let f = &self.fields;
        let common = (searcher.num_docs() / 2).max(1);
        let mut rare: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut frequent: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut per_word: Vec<Box<dyn Query>> = Vec::new();
        let mut name_terms: Vec<Vec<String>> = Vec::new();
        let mut corrected = 0;
        let mut uncorrected = 0;
        let mut budget = MAX_QUERY_TERMS;
        let mut over_budget = 0;
        for (g, group) in groups.iter().enumerate() {
            // The word still being typed is matched as a prefix, not corrected.
            let typing = match prefix {
                Some(p) if g + 1 == groups.len() => self.has_prefix(searcher, p)?,
                _ => false,
            };
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut terms: Vec<(String, f32)> = Vec::new();
            let Some((word, parts)) = group.split_first() else { return Ok(None) };
            let word_df = match word_dfs.get(g) {
                Some(df) => *df,
                None => self.max_doc_freq(searcher, word)?,
            };
            if word_df > 0 {
                terms.push((word.clone(), 1.0));
            }
            let widened = widen.get(g).map_or(&[][..], Vec::as_slice);
            if word_df == 0 || loose > 1 {
                for part in parts {
                    let df = self.max_doc_freq(searcher, part)?;
                    if df > 0 && df <= common {
                        terms.push((part.clone(), 0.5));
                    }
                }
                let distance = match word.chars().count() {
                    0..=4 => 0,
                    5..=9 => loose,
                    _ => loose + 1,
                }
                .min(2);
                if distance > 0 && !typing && corrected >= MAX_CORRECTED_WORDS {
                    uncorrected += 1;
                } else if distance > 0 && !typing && widened.is_empty() {
                    corrected += 1;
                    for correction in self.corrections(searcher, word, distance)? {
                        if !terms.iter().any(|(t, _)| t == &correction) {
                            terms.push((correction, 0.6));
                        }
                    }
                }
            }
            // The thesaurus's phrases count as their best one, not their sum: a record that
            // holds many synonyms must not outrank one that holds the word as typed.
            let mut phrases: Vec<Box<dyn Query>> = Vec::new();
            for phrase in widened {
                if let Some(q) = self.phrase_query(searcher, &phrase.terms, phrase.weight)? {
                    phrases.push(q);
                }
            }
            if !phrases.is_empty() {
                alternatives.push((Occur::Should, Box::new(DisjunctionMaxQuery::new(phrases))));
            }
            if terms.is_empty() && alternatives.is_empty() {
                continue;
            }
            if budget < terms.len() {
                over_budget += terms.len() - budget;
                terms.truncate(budget);
                if terms.is_empty() && alternatives.is_empty() {
                    continue;
                }
            }
            budget -= terms.len();
            for (term, weight) in &terms {
                let mut in_fields: Vec<Box<dyn Query>> = Vec::new();
                for (field, boost) in WEIGHTED.iter().map(|(name, boost)| (self.field(name), *boost)) {
                    let t = Term::from_field_text(field, term);
                    if searcher.doc_freq(&t)? == 0 {
                        continue;
                    }
                    let q = TermQuery::new(t, IndexRecordOption::WithFreqs);
                    in_fields.push(Box::new(BoostQuery::new(Box::new(q), boost * weight)));
                }
                if !in_fields.is_empty() {
                    let best = DisjunctionMaxQuery::with_tie_breaker(in_fields, OTHER_FIELDS);
                    alternatives.push((Occur::Should, Box::new(best)));
                }
            }
            name_terms.push(terms.into_iter().map(|(t, _)| t).collect());
            let word_query: Box<dyn Query> = Box::new(BooleanQuery::new(alternatives));
            per_word.push(word_query.box_clone());
            if word_df > common || score_only.contains(&g) {
                frequent.push((Occur::Should, word_query))
            } else {
                rare.push((Occur::Should, word_query))
            }
        }
        let mut extra: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if per_word.len() > 1 {
            // Documents that contain every word rank above those with only some.
            let all: Vec<(Occur, Box<dyn Query>)> = per_word.into_iter().map(|q| (Occur::Must, q)).collect();
            extra.push((Occur::Should, Box::new(BooleanQuery::new(all))));
            // And names or aliases that hold every word rank first.
            for (field, boost) in [(f.name, 8.0_f32), (f.aliases, 6.0)] {
                let in_field: Vec<(Occur, Box<dyn Query>)> = name_terms
                    .iter()
                    .map(|terms| {
                        let any: Vec<(Occur, Box<dyn Query>)> = terms
                            .iter()
                            .map(|t| -> (Occur, Box<dyn Query>) {
                                let q = TermQuery::new(Term::from_field_text(field, t), IndexRecordOption::Basic);
                                (Occur::Should, Box::new(q))
                            })
                            .collect();
                        (Occur::Must, Box::new(BooleanQuery::new(any)) as Box<dyn Query>)
                    })
                    .collect();
                extra.push((Occur::Should, Box::new(BoostQuery::new(Box::new(BooleanQuery::new(in_field)), boost))));
            }
        }
        if let Some(prefix) = prefix {
            let q = FuzzyTermQuery::new_prefix(Term::from_field_text(f.plain, prefix), 0, false);
            let q: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(q), 1.5));
            // With other words present the prefix only adds score; alone, it matches.
            if rare.is_empty() && frequent.is_empty() {
                rare.push((Occur::Should, q))
            } else {
                extra.push((Occur::Should, q))
            }
        }
        if uncorrected > 0 {
            cut.push(format!(
                "de spelling is alleen verbeterd bij de eerste {MAX_CORRECTED_WORDS} onbekende woorden; {uncorrected} niet"
            ));
        }
        if over_budget > 0 {
            cut.push(format!(
                "alleen de eerste {MAX_QUERY_TERMS} zoektermen (stammen, woorddelen en verbeteringen) zijn gebruikt; {over_budget} niet"
            ));
        }
        if rare.is_empty() && frequent.is_empty() {
            // Words that meet nothing in the index match nothing (not everything).
            return Ok((!groups.is_empty()).then(|| Box::new(EmptyQuery) as Box<dyn Query>));
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if rare.is_empty() {
            clauses.extend(frequent);
        } else {
            // The rare words decide which documents match; frequent ones only add score,
            // through the every-word clause (an intersection, cheap to evaluate).
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(rare))));
            drop(frequent);
        }
        clauses.extend(extra);
        Ok(Some(Box::new(BooleanQuery::new(clauses))))
    }

    /// The query for one phrase of the thesaurus: every one of its `terms` somewhere in the
    /// text fields (boosted by field), the whole for `weight`. `None` when a term is in no
    /// document, or when every term is so common that it would only add noise.
    fn phrase_query(
        &self,
        searcher: &tantivy::Searcher,
        terms: &[String],
        weight: f32,
    ) -> tantivy::Result<Option<Box<dyn Query>>> {
        let common = (searcher.num_docs() / 2).max(1);
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut rare = false;
        for term in terms {
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut df = 0;
            for (field, boost) in WEIGHTED.iter().map(|(name, boost)| (self.field(name), *boost)) {
                let t = Term::from_field_text(field, term);
                let n = searcher.doc_freq(&t)?;
                if n == 0 {
                    continue;
                }
                df = df.max(n);
                let q = TermQuery::new(t, IndexRecordOption::WithFreqs);
                any.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
            if any.is_empty() {
                return Ok(None);
            }
            rare |= df <= common;
            all.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if !rare {
            return Ok(None);
        }
        Ok(Some(Box::new(BoostQuery::new(Box::new(BooleanQuery::new(all)), weight))))
    }

    /// Which of `docs` match `query`: one pass per segment over the documents in order.
    pub(super) fn matching(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        docs: &[DocAddress],
    ) -> tantivy::Result<HashSet<DocAddress>> {
        let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let mut by_segment: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for d in docs {
            by_segment.entry(d.segment_ord).or_default().push(d.doc_id);
        }
        let mut out = HashSet::new();
        for (segment, mut ids) in by_segment {
            ids.sort_unstable();
            let mut scorer = weight.scorer(searcher.segment_reader(segment), 1.0)?;
            for id in ids {
                if scorer.doc() < id {
                    scorer.seek(id);
                }
                if scorer.doc() == id {
                    out.insert(DocAddress::new(segment, id));
                }
            }
        }
        Ok(out)
    }

    /// The query for a person's own words `groups` (each word's stem or compound parts, in
    /// any text field), all of them required.
    pub(super) fn own_words_query(&self, groups: &[Vec<String>]) -> Box<dyn Query> {
        let all: Vec<(Occur, Box<dyn Query>)> = groups
            .iter()
            .map(|terms| {
                let any: Vec<(Occur, Box<dyn Query>)> = terms
                    .iter()
                    .flat_map(|t| {
                        WEIGHTED.iter().map(move |(name, _)| -> (Occur, Box<dyn Query>) {
                            let term = Term::from_field_text(self.field(name), t);
                            (Occur::Should, Box::new(TermQuery::new(term, IndexRecordOption::Basic)))
                        })
                    })
                    .collect();
                (Occur::Must, Box::new(BooleanQuery::new(any)) as Box<dyn Query>)
            })
            .collect();
        Box::new(BooleanQuery::new(all))
    }

    /// A phrase's query for [`SearchIndex::matching`], without the check for common words.
    pub(super) fn phrase_match_query(&self, terms: &[String]) -> Box<dyn Query> {
        let groups: Vec<Vec<String>> = terms.iter().map(|t| vec![t.clone()]).collect();
        self.own_words_query(&groups)
    }

    /// The stemmed text fields, in the order of [`WEIGHTED`].
    pub(super) fn text_fields(&self) -> [Field; 7] {
        WEIGHTED.map(|(name, _)| self.field(name))
    }

    fn field(&self, name: &str) -> Field {
        let f = &self.fields;
        match name {
            "name" => f.name,
            "aliases" => f.aliases,
            "name_parts" => f.name_parts,
            "summary" => f.summary,
            "labels" => f.labels,
            "situations" => f.situations,
            _ => f.body,
        }
    }

    /// Whether some word in the index starts with `prefix` (so it may be a word being typed
    /// rather than a typo).
    fn has_prefix(&self, searcher: &tantivy::Searcher, prefix: &str) -> tantivy::Result<bool> {
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.plain)?;
            let mut stream = inverted.terms().range().ge(prefix.as_bytes()).into_stream()?;
            if stream.advance() && stream.key().starts_with(prefix.as_bytes()) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// The highest document frequency of `term` over the text fields.
    pub(super) fn max_doc_freq(&self, searcher: &tantivy::Searcher, term: &str) -> tantivy::Result<u64> {
        let mut max = 0;
        for (name, _) in WEIGHTED {
            max = max.max(searcher.doc_freq(&Term::from_field_text(self.field(name), term))?);
        }
        Ok(max)
    }

    /// Terms of the index within `distance` edits of `term` (the most frequent first, at
    /// most eight): the index's own vocabulary corrects the spelling.
    pub(super) fn corrections(
        &self,
        searcher: &tantivy::Searcher,
        term: &str,
        distance: u8,
    ) -> tantivy::Result<Vec<String>> {
        let dfa = FuzzyTermQuery::new(Term::from_field_text(self.fields.body, term), distance, true).automaton()?;
        let mut found: BTreeMap<String, u64> = BTreeMap::new();
        for segment in searcher.segment_readers() {
            for (name, _) in WEIGHTED {
                let inverted = segment.inverted_index(self.field(name))?;
                let mut stream = inverted.terms().search(&dfa).into_stream()?;
                while stream.advance() {
                    if let Ok(text) = std::str::from_utf8(stream.key()) {
                        *found.entry(text.to_string()).or_default() += u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        let mut ranked: Vec<(String, u64)> = found.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Ok(ranked.into_iter().take(8).map(|(t, _)| t).collect())
    }

    /// The words of `text`, as written, whose analysis meets `terms` or that start with the
    /// word being typed.
    pub(super) fn matched_words(&self, text: &str, terms: &[String], prefix: Option<&str>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        // A word can only meet a term if it contains the term's first letters (stems and
        // compound parts are pieces of the word); only those words are analysed.
        let heads: Vec<&str> = terms
            .iter()
            .filter_map(|t| t.char_indices().nth(3).map_or(Some(t.as_str()), |(i, _)| t.get(..i)))
            .filter(|h| h.chars().count() >= 2)
            .collect();
        for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '&')) {
            let raw = raw.trim_matches('-');
            if raw.chars().count() < 2 || out.iter().any(|w| w == raw) {
                continue;
            }
            let folded = analysis::fold(raw);
            let hit_prefix = prefix.is_some_and(|p| folded.starts_with(p));
            let hit_term =
                heads.iter().any(|h| folded.contains(h)) && self.analyzer.terms(raw).iter().any(|t| terms.contains(t));
            if hit_term || hit_prefix {
                out.push(raw.to_string());
            }
        }
        out
    }

    /// "Bedoelde u …?": the query's words with each unknown one (in no record, not in the
    /// thesaurus) replaced by the nearest known word, or `None` when no word was unknown or
    /// none has a near one. At most [`MAX_CORRECTED_WORDS`] words are looked up.
    pub(super) fn suggestion(
        &self,
        searcher: &tantivy::Searcher,
        words: &analysis::QueryWords,
        word_dfs: &[u64],
        covered: &[bool],
    ) -> tantivy::Result<Option<String>> {
        // What the query finds by the words it knows (their own records, or the thesaurus):
        // when that is plenty, an unknown word is more likely a real word the catalogue does
        // not use than a typo, and "correcting" it into another word misleads.
        let mut found = 0u64;
        for (i, word) in words.words.iter().enumerate() {
            let Some(df) = word.group.and_then(|g| word_dfs.get(g).copied()) else { continue };
            found = found.max(if covered.get(i).copied().unwrap_or(false) { u64::MAX } else { df });
        }
        if found >= FEW_FOUND {
            return Ok(None);
        }
        let mut out: Vec<String> = Vec::with_capacity(words.words.len());
        let mut looked_up = 0;
        let mut changed = false;
        for (i, word) in words.words.iter().enumerate() {
            let df = word.group.and_then(|g| word_dfs.get(g).copied());
            let unknown = match df {
                Some(df) if !covered.get(i).copied().unwrap_or(false) => df == 0,
                _ => false,
            };
            if unknown && looked_up < MAX_CORRECTED_WORDS && word.folded.chars().count() >= 4 {
                looked_up += 1;
                if let Some(better) = self.nearest_word(searcher, &word.folded)?
                    && self.finds_more(searcher, &better, found)?
                {
                    out.push(better);
                    changed = true;
                    continue;
                }
            }
            out.push(word.folded.clone());
        }
        Ok(changed.then(|| out.join(" ")))
    }

    /// Whether `word` would find more than `found` records: a word of the thesaurus (which
    /// widens to the catalogue's words), or one more records hold.
    fn finds_more(&self, searcher: &tantivy::Searcher, word: &str, found: u64) -> tantivy::Result<bool> {
        if self.thesaurus.is_term(word) {
            return Ok(true);
        }
        Ok(self.max_doc_freq(searcher, &self.analyzer.stem(word))? > found)
    }

    /// The known word nearest to `word` (one edit, or two from eight letters): the fewest
    /// edits first, then a word of the thesaurus, then the word in most records.
    fn nearest_word(&self, searcher: &tantivy::Searcher, word: &str) -> tantivy::Result<Option<String>> {
        let max = if word.chars().count() >= 8 { 2 } else { 1 };
        let mut best: Option<(usize, u8, std::cmp::Reverse<u64>, String)> = None;
        let mut consider = |candidate: (usize, u8, std::cmp::Reverse<u64>, String)| {
            if candidate.0 > 0 && candidate.0 <= usize::from(max) && best.as_ref().is_none_or(|b| candidate < *b) {
                best = Some(candidate);
            }
        };
        if let Some((term, edits)) = self.thesaurus.nearest(word) {
            consider((edits, 0, std::cmp::Reverse(0), term));
        }
        let dfa = FuzzyTermQuery::new(Term::from_field_text(self.fields.plain, word), max, true).automaton()?;
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.plain)?;
            let mut stream = inverted.terms().search(&dfa).into_stream()?;
            while stream.advance() {
                if let Ok(text) = std::str::from_utf8(stream.key()) {
                    let df = u64::from(stream.value().doc_freq);
                    consider((strsim::osa_distance(word, text), 1, std::cmp::Reverse(df), text.to_string()));
                }
            }
        }
        Ok(best.map(|(_, _, _, word)| word))
    }
}
