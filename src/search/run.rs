//! One search within its bounds: the text cut to size, the thesaurus's phrases within their
//! budget, the query run with the filters and facets, the nearest records when nothing fits,
//! and per hit the words it was found through ("gevonden via").

use std::collections::{BTreeMap, HashSet};

use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, TermSetQuery};
use tantivy::schema::{Facet, Field, TantivyDocument, Value};
use tantivy::{DocAddress, Term};

use super::query::{CatalogueStats, Phrase};
use super::schema::{FACETS, LAPSE_FACET, filter_query};
use super::{
    Filters, Hit, MAX_CORRECTED_WORDS, MAX_PHRASES_FOR_KNOWN, MAX_PHRASES_FOR_UNKNOWN, MAX_QUERY_CHARS,
    MAX_QUERY_WORDS, MAX_WIDEN_TERMS, MAX_WORD_CHARS, SearchIndex, SearchResult, Via, analysis, expand, query_cut_note,
};
use crate::catalogue::Taxonomy;

/// Fewer records than this for the words (but some): the words' wider groups join in.
const FEW_FOUND: usize = 5;

/// What a record gets on top of its words' score for each of three things beside the words:
/// it is for the role the sentence is asked from, it is of a kind to act on, it fits the
/// sector the query names. One value for the three, a few words' worth: first 2.0, chosen
/// beforehand; recalibrated on 2026-12-07, once a word counts as its best field (which made
/// a word worth less), among 1.5, 2, 3, 4, 5, 6, 8 and 10 on the judged and development
/// query sets and the first three unread sets (5 to 8 did best there; 2 against 6 for each
/// one alone moved little but for what one can act on). The fourth unread set measured it.
const BESIDE_THE_WORDS: f32 = 6.0;

/// What a record for the role a sentence is asked from gets on top of its words' score.
const ASKER_SCORE: f32 = BESIDE_THE_WORDS;

/// Per kind of record (taxonomy.toml's `kinds`, each named once), whether it is something to
/// do or use: a method, an instrument, a guide, a legal duty to carry out. A person who tells a
/// situation wants what she can act on; the other kinds (a campaign or manifesto, a network,
/// an award, a treaty) tell about the field, and are found as well, after what one can act on
/// when the words fit alike.
const TO_ACT_ON: &[(&str, bool)] = &[
    ("interventie", true),
    ("instrument", true),
    ("training", true),
    ("methode", true),
    ("toolbox", true),
    ("handreiking", true),
    ("wettelijke-verplichting", true),
    ("campagne", false),
    ("netwerk", false),
    ("prijs", false),
    ("verdrag", false),
];

/// What a record of a kind to act on gets on top of its words' score: as much as who asks.
const TO_ACT_ON_SCORE: f32 = BESIDE_THE_WORDS;

/// What a record for the sector a query names ("juf", "op de ic"), or for every sector, gets
/// on top of its words' score: a record for another sector is for someone else. As much as
/// who asks.
const SECTOR_SCORE: f32 = BESIDE_THE_WORDS;

/// What a record a way in puts first gets on top of its words' score.
const LEAD_SCORE: f32 = 100_000.0;

/// What one run of a query gives: the hits with their place in the index, how many match
/// in all, and the facet counts.
type Ran = (Vec<(Hit, DocAddress)>, usize, super::FacetCounts);

impl SearchIndex {
    /// [`SearchIndex::search`] inside [`super::quietly`]: a tantivy error comes back as an
    /// error, the caller turns it (and a panic) into "the index is damaged".
    pub(super) fn search_bounded(
        &self,
        text: &str,
        filters: &Filters,
        taxonomy: &Taxonomy,
        today: &str,
        limit: usize,
        lead: &[String],
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
        let mut english: Vec<String> = words.words.iter().map(|w| self.analyzer.english_stem(&w.folded)).collect();
        let mut looked_up = 0;
        let mut respelt = vec![false; keys.len()];
        for (i, word) in words.words.iter().enumerate() {
            let Some(df) = df_of(word.group) else { continue };
            if df > 0 {
                continue;
            }
            // A comparative or superlative ("gestrester", "drukste") is its adjective when that
            // is a term: no typo.
            if let Some(base) = analysis::degree_bases(&word.folded).into_iter().find(|b| self.thesaurus.is_term(b)) {
                keys[i] = self.analyzer.stem(&base);
                english[i] = self.analyzer.english_stem(&base);
                continue;
            }
            if looked_up < MAX_CORRECTED_WORDS {
                looked_up += 1;
                if let Some((term, _)) = self.thesaurus.nearest(&word.folded) {
                    keys[i] = self.analyzer.stem(&term);
                    english[i] = self.analyzer.english_stem(&term);
                    respelt[i] = true;
                }
            }
        }
        // Words that only tell how ("het wordt me *allemaal* te veel") are skipped in matching
        // the thesaurus, unless a term of it uses them: the run around them still matches.
        let kept: Vec<usize> = (0..keys.len())
            .filter(|&i| !self.analyzer.is_telling_word(&words.words[i].folded) || self.thesaurus.uses(&keys[i]))
            .collect();
        let kept_keys: Vec<&str> = kept.iter().map(|&i| keys[i].as_str()).collect();
        let in_dutch = at_query_words(self.thesaurus.expansions(&kept_keys, &self.analyzer), &kept);
        // English terms go their own way: matched on English stems, without the words that
        // only join ("return *to* work"), on either side.
        let content: Vec<usize> = (0..keys.len())
            .filter(|&i| !analysis::ENGLISH_JOINING_WORDS.contains(&words.words[i].folded.as_str()))
            .collect();
        let content_keys: Vec<&str> = content.iter().map(|&i| english[i].as_str()).collect();
        let in_english = at_query_words(self.thesaurus.english_expansions(&content_keys, &self.analyzer), &content);
        let expansions = merge_expansions(in_dutch, in_english);
        let (mut widen, widen_left_out) = self.widen(&searcher, &words, &expansions, &word_dfs, false)?;
        if widen_left_out > 0 {
            cut.push(format!(
                "alleen de eerste {MAX_WIDEN_TERMS} termen uit de thesaurus zijn gebruikt; {widen_left_out} woorden niet"
            ));
        }
        let groups = &words.groups;
        // "met mijn leidinggevende": the one a worker talks to only adds score.
        let folded: Vec<&str> = words.words.iter().map(|w| w.folded.as_str()).collect();
        let score_only: Vec<usize> =
            analysis::own_counterparts(&folded).into_iter().filter_map(|i| words.words[i].group).collect();
        let prefix = last_word_prefix(text);
        let asker = analysis::asker(text);
        let sectors = if filters.sector.is_none() { self.named_sectors(&expansions, taxonomy) } else { Vec::new() };
        // The words' query, what one can act on and what fits the sector named a little
        // higher, with the way in's records first, or else who asks counted.
        let ranked =
            |query: Option<Box<dyn Query>>| match query.map(|words| self.for_sector(self.to_act_on(words), &sectors)) {
                Some(words) if !lead.is_empty() => Some(self.leading(words, lead)),
                Some(words) => Some(self.for_asker(words, asker)),
                other => other,
            };
        // The words' query with the thesaurus's phrases `widen`, spelling as loose as `loose`.
        let words_query = |widen: &[Vec<Phrase>], loose: u8, cut: &mut Vec<String>| {
            self.text_query(&searcher, groups, &word_dfs, &score_only, widen, prefix.as_deref(), loose, cut)
        };
        let mut text_query = ranked(words_query(&widen, 1, &mut cut)?);
        let filter_query = filter_query(&self.fields, filters, taxonomy, today);
        let (mut found, mut total, mut facets) =
            self.run(text_query.as_deref(), filter_query.as_deref(), today, limit)?;
        if (1..FEW_FOUND).contains(&total) {
            // The words are in a record or two only ("overwerken"): their wider groups'
            // words join (the word's own records stay first), when that finds more.
            let (wider, _) = self.widen(&searcher, &words, &expansions, &word_dfs, true)?;
            if wider.iter().map(Vec::len).sum::<usize>() > widen.iter().map(Vec::len).sum::<usize>() {
                let query = ranked(words_query(&wider, 1, &mut Vec::new())?);
                let more = self.run(query.as_deref(), filter_query.as_deref(), today, limit)?;
                if more.1 > total {
                    (found, total, facets) = more;
                    (text_query, widen) = (query, wider);
                }
            }
        }
        for (hit, _) in &mut found {
            if hit.score >= LEAD_SCORE && lead.contains(&hit.id) {
                hit.score -= LEAD_SCORE;
            }
        }
        let mut nearest = Vec::new();
        if total == 0 && (text_query.is_some() || filter_query.is_some()) {
            // Nothing fits: first drop the filters, then allow looser spelling.
            if filter_query.is_some() && text_query.is_some() {
                nearest = self.run(text_query.as_deref(), None, today, limit)?.0;
            }
            if nearest.is_empty() && !groups.is_empty() {
                let loose = words_query(&widen, 2, &mut Vec::new())?;
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
        Ok(SearchResult { query: text.to_string(), hits, total, facets, terms, nearest, cut, suggestion, way_in: None })
    }

    /// The thesaurus's phrases per word group, within [`MAX_WIDEN_TERMS`]; and how many were
    /// left out for it. Words that records hold themselves get a few of their own group's
    /// phrases, and (only with `broader_for_known`) their wider groups' too.
    fn widen(
        &self,
        searcher: &tantivy::Searcher,
        words: &analysis::QueryWords,
        expansions: &[expand::Expansion],
        word_dfs: &[u64],
        broader_for_known: bool,
    ) -> tantivy::Result<(Vec<Vec<Phrase>>, usize)> {
        let df_of = |g: Option<usize>| g.and_then(|g| word_dfs.get(g).copied());
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
            // The phrases join the run's rarest word: the rare words decide which records
            // match at all (a common word only adds score), so on a common word ("*werk*" in
            // "aan het werk houden") a record that holds only a synonym of the run would
            // never be found.
            let at = span.iter().copied().min_by_key(|&g| df_of(Some(g)).unwrap_or(0)).unwrap_or(span[0]);
            // The wider groups' phrases count apart from the word's own group's: when the own
            // group's phrases fill the cap, the wider groups still join.
            let mut added = [0, 0];
            for (text, weight) in &expansion.phrases {
                let cap = if known { MAX_PHRASES_FOR_KNOWN } else { MAX_PHRASES_FOR_UNKNOWN };
                let wider = *weight <= expand::BROADER;
                let count = usize::from(wider && known && broader_for_known);
                if added[count] >= cap || (known && !broader_for_known && wider) {
                    continue;
                }
                let terms: Vec<String> = self.analyzer.phrase_words(text);
                if terms.is_empty() {
                    continue;
                }
                // A phrase no record holds adds nothing.
                let mut present = true;
                for term in &terms {
                    present &= self.max_doc_freq(searcher, term)? > 0;
                }
                if !present {
                    continue;
                }
                if widen_terms + terms.len() > MAX_WIDEN_TERMS {
                    widen_left_out += 1;
                    continue;
                }
                widen_terms += terms.len();
                added[count] += 1;
                // The phrase joins one word of the run only: scored once, not once per word (a
                // run of two words would otherwise count it twice and cost twice).
                // For words no record holds, the phrases are the only way the words count:
                // they stand in for them, for as much as the words would count themselves.
                let weight = if known { *weight } else { *weight * expand::STANDS_IN };
                widen[at].push(Phrase { text: text.clone(), terms, weight, expansion: e });
            }
        }
        Ok((widen, widen_left_out))
    }

    /// The query `words`, and among its records those for the role the sentence is asked
    /// from ([`analysis::asker`]) a little higher: [`ASKER_SCORE`], a few words' worth.
    fn for_asker(&self, words: Box<dyn Query>, asker: Option<&str>) -> Box<dyn Query> {
        let roles = asker.map(|role| Term::from_field_text(self.fields.roles, role));
        lifted(words, roles.into_iter().collect(), ASKER_SCORE)
    }

    /// The query `words`, and among its records those of a kind to act on ([`TO_ACT_ON`]) a
    /// little higher: [`TO_ACT_ON_SCORE`].
    fn to_act_on(&self, words: Box<dyn Query>) -> Box<dyn Query> {
        let kinds = TO_ACT_ON
            .iter()
            .filter(|(_, act)| *act)
            .map(|(kind, _)| Term::from_facet(self.fields.tags, &Facet::from(&format!("/kind/{kind}"))));
        lifted(words, kinds.collect(), TO_ACT_ON_SCORE)
    }

    /// The sectors of the taxonomy that the query's words name, through the thesaurus: a
    /// word of a sector's group or of a group under it ("juf" is a leraar, in the onderwijs);
    /// with the sectors that fit them (their parent, sub-sectors and `algemeen`).
    fn named_sectors(&self, expansions: &[expand::Expansion], taxonomy: &Taxonomy) -> Vec<String> {
        let mut fitting: Vec<String> = Vec::new();
        for expansion in expansions {
            for id in self.thesaurus.with_wider(&expansion.group) {
                if taxonomy.sectors.iter().any(|s| s.id == id) {
                    fitting.extend(crate::catalogue::sectors_fitting(taxonomy, &id));
                }
            }
        }
        fitting.sort();
        fitting.dedup();
        fitting
    }

    /// The query `words`, and among its records those that fit the `sectors` named (none:
    /// no sector named) a little higher: [`SECTOR_SCORE`].
    fn for_sector(&self, words: Box<dyn Query>, sectors: &[String]) -> Box<dyn Query> {
        let terms = sectors.iter().map(|s| Term::from_field_text(self.fields.sectors, s));
        lifted(words, terms.collect(), SECTOR_SCORE)
    }

    /// The query `words`, or one of the records `lead`, those first: their score is raised by
    /// [`LEAD_SCORE`], more than any words can give.
    fn leading(&self, words: Box<dyn Query>, lead: &[String]) -> Box<dyn Query> {
        let ids = lead.iter().map(|id| Term::from_field_text(self.fields.id, id));
        let first = BoostQuery::new(Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(ids)), 1.0)), LEAD_SCORE);
        Box::new(BooleanQuery::new(vec![(Occur::Should, words), (Occur::Should, Box::new(first))]))
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
        let stats = CatalogueStats::new(&searcher, self.text_fields());
        let (top, total, facet_counts) =
            searcher.search_with_statistics_provider(&query, &(top, Count, facet_collector), &stats)?;
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
            practice: None,
        })
    }
}

/// Matches found in a selection of the query's words (`at[i]` is the query word the i-th
/// selected word is), placed back at the query's own words.
fn at_query_words(mut expansions: Vec<expand::Expansion>, at: &[usize]) -> Vec<expand::Expansion> {
    for expansion in &mut expansions {
        expansion.start = at[expansion.start];
        expansion.end = at[expansion.end - 1] + 1;
    }
    expansions
}

/// The Dutch and the English matches of one query as one list, left to right: an English
/// match that overlaps Dutch ones replaces them when it covers more of the query's words.
fn merge_expansions(dutch: Vec<expand::Expansion>, english: Vec<expand::Expansion>) -> Vec<expand::Expansion> {
    let mut out = dutch;
    for e in english {
        let overlaps = |d: &expand::Expansion| d.start < e.end && e.start < d.end;
        let covered: usize = out.iter().filter(|d| overlaps(d)).map(|d| d.end - d.start).sum();
        if covered == 0 || e.end - e.start > covered {
            out.retain(|d| !overlaps(d));
            out.push(e);
        }
    }
    out.sort_by_key(|e| e.start);
    out
}

/// The query `words`, and among its records those that hold one of `terms` a little higher:
/// by `score`, the same for each (what who asks, the kind of record or the sector adds).
/// With no terms, `words` alone.
fn lifted(words: Box<dyn Query>, terms: Vec<Term>, score: f32) -> Box<dyn Query> {
    if terms.is_empty() {
        return words;
    }
    let theirs = ConstScoreQuery::new(Box::new(TermSetQuery::new(terms)), score);
    Box::new(BooleanQuery::new(vec![(Occur::Must, words), (Occur::Should, Box::new(theirs))]))
}

/// The word being typed: the last word when the text does not end in a space.
fn last_word_prefix(text: &str) -> Option<String> {
    if text.ends_with(char::is_whitespace) {
        return None;
    }
    let last = analysis::plain_words(text.rsplit(char::is_whitespace).next().unwrap_or_default()).into_iter().last()?;
    (last.chars().count() >= 3 && last.chars().count() <= 40).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::TO_ACT_ON;

    #[test]
    fn every_kind_of_the_taxonomy_is_said_to_be_to_act_on_or_not() {
        let catalogue = crate::catalogue::bundled().expect("the bundled catalogue loads");
        let mut kinds: Vec<&str> = catalogue.taxonomy.kinds.iter().map(|k| k.id.as_str()).collect();
        let mut listed: Vec<&str> = TO_ACT_ON.iter().map(|(kind, _)| *kind).collect();
        kinds.sort_unstable();
        listed.sort_unstable();
        assert_eq!(kinds, listed, "a kind added to taxonomy.toml is named in one list in src/search/run.rs");
    }
}
