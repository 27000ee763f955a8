//! Dutch text analysis for the search index, used for documents and queries alike.
//!
//! A word goes through: splitting (hyphenated and `&`-joined words are kept whole *and*
//! split: "burn-out" gives `burnout`, `burn`, `out`; an abbreviation keeps its sign: "RI&E"
//! gives `ri&e`, "P&O" `p&o`, not "po"), lower-casing, accent folding (é → e, ë → e),
//! stop-word removal, decompounding ("pestgedrag" also gives `pest` and `gedrag`), and the
//! Dutch (Porter) Snowball stemmer, except for protected forms ("zorgen", worries, is not
//! "zorg", care). The older Porter variant is chosen over Kraaij-Pohlmann because the latter
//! strips *ge-* ("gezin" → "zin", "gedrag" → "drag"), which makes unrelated words meet.
//!
//! A query is read a little further (issue #26): a record's name typed run together
//! ("huisvanwerkvermogen") becomes the name's words, and the particle of a separable verb is
//! joined to its verb ("ze pesten hem weg" → `wegpesten`). English terms of the thesaurus are
//! matched by their English stem ([`Analyzer::english_keys`]).

mod lists;
mod tokenizer;
mod words;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use frostem::{Algorithm, Stemmer};

use lists::*;
pub use lists::{ENGLISH_JOINING_WORDS, asker, own_counterparts};
pub use tokenizer::{DutchPartsTokenizer, DutchTokenizer, DutchWholeTokenizer, PlainTokenizer, VecTokenStream};
use words::*;
pub use words::{degree_bases, fold, folded_words, holds_phrase, plain_words};

/// The analyzer: stemmer, stop words, the decompounding dictionary and a cache of words
/// already analysed. Cheap to clone (shared state).
#[derive(Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

struct Inner {
    stemmer: Stemmer,
    english: Stemmer,
    question: HashSet<&'static str>,
    stop: HashSet<&'static str>,
    dictionary: HashSet<String>,
    /// Single words of the thesaurus (folded): a rejoined separable verb may be one of them.
    lexicon: HashSet<String>,
    /// Names and aliases of records with their letters run together ("huisvanwerkvermogen"),
    /// to the name as written.
    names: HashMap<String, String>,
    cache: Mutex<HashMap<String, Vec<String>>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("dictionary", &self.inner.dictionary.len()).finish()
    }
}

impl Analyzer {
    /// An analyzer whose decompounding dictionary holds the words of `texts` (and their
    /// stems) plus a curated list of Dutch base words.
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let stemmer = Stemmer::new(Algorithm::DutchPorter);
        let stop: HashSet<&'static str> = STOP_WORDS.iter().copied().collect();
        let mut dictionary = HashSet::new();
        let mut add = |word: &str| {
            if word.chars().count() >= MIN_PART && !stop.contains(word) {
                let stem = stemmer.stem(word).into_owned();
                if stem.chars().count() >= MIN_PART {
                    dictionary.insert(stem);
                }
                dictionary.insert(word.to_string());
            }
        };
        for line in EXTRA_WORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            add(&fold(line));
        }
        for text in texts {
            for word in split_words(text) {
                for part in word.parts() {
                    add(&part);
                }
                add(&word.joined);
            }
        }
        let question = QUESTION_WORDS.iter().chain(SNOWBALL_DUTCH).chain(TELLING_WORDS).copied().collect();
        let lexicon = match super::thesaurus::parse(include_str!("../../../data/thesaurus.toml")) {
            Ok(groups) => groups
                .iter()
                .flat_map(|g| g.dutch().chain(g.narrower.iter().map(String::as_str)).map(fold).collect::<Vec<_>>())
                .filter(|t| !t.contains(char::is_whitespace))
                .collect(),
            // build.rs refuses a thesaurus that does not parse.
            Err(_) => HashSet::new(),
        };
        Analyzer {
            inner: Arc::new(Inner {
                stemmer,
                english: Stemmer::new(Algorithm::English),
                question,
                stop,
                dictionary,
                lexicon,
                names: HashMap::new(),
                cache: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// The analyzer with the records' names and aliases, so that a name typed with its
    /// words run together ("huisvanwerkvermogen") is read as the name. Only names of two or
    /// more words, at least [`MIN_COMPOUND`] letters run together.
    pub fn with_names<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut map = HashMap::new();
        for name in names {
            let words = split_words(name);
            if words.len() < 2 {
                continue;
            }
            // "Het Huis van Werkvermogen" is typed "huisvanwerkvermogen" as often as with "het".
            let article = usize::from(matches!(words[0].joined.as_str(), "de" | "het" | "een"));
            for from in [0, article] {
                let run: String = words[from..].iter().map(|w| w.joined.as_str()).collect();
                if run.chars().count() >= MIN_COMPOUND {
                    map.entry(run).or_insert_with(|| name.to_string());
                }
            }
        }
        if let Some(inner) = Arc::get_mut(&mut self.inner) {
            inner.names = map;
        }
        self
    }

    /// The name of a record when `word` is that name with its words run together.
    pub fn name_run_together(&self, word: &str) -> Option<&str> {
        self.inner.names.get(word).map(String::as_str)
    }

    /// The index terms of `text`: stems of words and of their compound parts.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.each_word_terms(text, |terms| terms)
    }

    /// The terms of `text` that stand for whole words (and the pieces of "burn-out"), without
    /// the parts a compound is split into: for a record's name and aliases, where a part
    /// ("team" in "Teamcoach") says less than a word.
    pub fn whole_terms(&self, text: &str) -> Vec<String> {
        self.each_word_terms(text, |terms| terms.into_iter().take(1))
    }

    /// The parts compounds of `text` are split into, without the whole words: the
    /// complement of [`Analyzer::whole_terms`] in [`Analyzer::terms`].
    pub fn part_terms(&self, text: &str) -> Vec<String> {
        self.each_word_terms(text, |terms| terms.into_iter().skip(1))
    }

    /// Per word of `text`, and per piece of a word written with a hyphen ("burn-out"), the
    /// terms [`Analyzer::word_terms`] gives (the stem first, then the compound's parts), as
    /// far as `pick` keeps them.
    fn each_word_terms<I: IntoIterator<Item = String>>(
        &self,
        text: &str,
        pick: impl Fn(Vec<String>) -> I,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for word in split_words(text) {
            out.extend(pick(self.word_terms(&word.joined)));
            if word.has_parts() {
                for part in word.parts() {
                    out.extend(pick(self.word_terms(&part)));
                }
            }
        }
        out
    }

    /// The terms of one query word, grouped: the first is the word's own stem, the rest its
    /// compound parts. Empty for stop words. Unbounded: for what a person types, use
    /// [`Analyzer::query_words_bounded`].
    pub fn query_words(&self, text: &str) -> Vec<Vec<String>> {
        self.query_words_bounded(text, usize::MAX, usize::MAX).groups
    }

    /// The stems of a thesaurus phrase's words as a query holds them ([`Analyzer::query_words`]),
    /// keeping the words that in a typed sentence only tell how ([`TELLING_WORDS`]): in a
    /// phrase they are part of its sense ("zorg voor *mensen* met een beperking").
    pub fn phrase_words(&self, text: &str) -> Vec<String> {
        self.words_bounded(text, usize::MAX, usize::MAX, true)
            .groups
            .into_iter()
            .filter_map(|g| g.into_iter().next())
            .collect()
    }

    /// [`Analyzer::query_words`] with bounded work: at most `max_words` words (stop words do
    /// not count) are analysed, and each word is cut to its first `max_chars` letters before
    /// it is analysed. What was cut is counted in the answer.
    ///
    /// A question or sentence is reduced to the words that carry its meaning: question
    /// words, pronouns and auxiliary verbs ("hoe", "iemand", "kunnen") are left out, unless
    /// nothing else is left.
    pub fn query_words_bounded(&self, text: &str, max_words: usize, max_chars: usize) -> QueryWords {
        self.words_bounded(text, max_words, max_chars, false)
    }

    /// [`Analyzer::query_words_bounded`], with `keep_telling` the words of [`TELLING_WORDS`]
    /// kept.
    fn words_bounded(&self, text: &str, max_words: usize, max_chars: usize, keep_telling: bool) -> QueryWords {
        let words = self.rejoin_particles(self.unrun_names(split_words(text)));
        let left_out = |w: &str| self.is_question_word(w) && !(keep_telling && TELLING_WORDS.contains(&w));
        let meaningful = |w: &Word| !self.inner.stop.contains(w.joined.as_str()) && !left_out(&w.joined);
        let reduce = words.iter().any(meaningful);
        let see_to_it: Vec<bool> = (0..words.len())
            .map(|i| {
                let (forms, beside) = SEE_TO_IT;
                let at = |j: Option<usize>| j.and_then(|j| words.get(j)).map(|w| w.joined.as_str());
                let near = |j: Option<usize>| at(j).is_some_and(|w| beside.contains(&w));
                // "zorgen dat", "ervoor zorgen", and asked: "hoe zorgen we dat".
                let asked = at(Some(i + 1)).is_some_and(|w| self.inner.stop.contains(w)) && near(Some(i + 2));
                forms.contains(&words[i].joined.as_str()) && (near(i.checked_sub(1)) || near(Some(i + 1)) || asked)
            })
            .collect();
        let (spans, span, before) = TIME_SPANS;
        let time: Vec<bool> = (0..words.len())
            .map(|i| {
                let w = words[i].joined.as_str();
                let after = i.checked_sub(1).map(|j| words[j].joined.as_str());
                spans.contains(&w)
                    || (span.contains(&w)
                        && after.is_some_and(|a| before.contains(&a) || a.chars().all(|c| c.is_ascii_digit())))
            })
            .collect();
        let mut out = QueryWords::default();
        for (i, mut word) in words.into_iter().enumerate() {
            if out.groups.len() >= max_words {
                out.words_left_out += 1;
                continue;
            }
            let length = word.joined.chars().count();
            if length > max_chars {
                out.longest_cut = out.longest_cut.max(length);
                out.words_cut += 1;
                word = word.cut(max_chars);
            }
            let mut group = if reduce && (left_out(&word.joined) || see_to_it[i] || time[i]) {
                Vec::new()
            } else {
                let mut group = self.word_terms(&word.joined);
                if word.has_parts() {
                    for part in word.parts() {
                        group.extend(self.word_terms(&part));
                    }
                }
                group
            };
            group.dedup();
            let at = (!group.is_empty()).then_some(out.groups.len());
            if !group.is_empty() {
                out.groups.push(group);
            }
            out.words.push(QueryWord { key: self.stem(&word.joined), folded: word.joined, group: at });
        }
        out
    }

    /// Whether `word` (folded) is left out of a sentence: a question word or a word that only
    /// tells how ([`QUESTION_WORDS`], [`SNOWBALL_DUTCH`], [`TELLING_WORDS`]): "hoe",
    /// "allemaal", "steeds", "meer".
    pub fn is_telling_word(&self, word: &str) -> bool {
        self.is_question_word(word)
    }

    /// Whether `key` is a stop word's key ("aan", "het"): a word that carries no meaning.
    pub fn is_stop_key(&self, key: &str) -> bool {
        self.inner.stop.contains(key)
    }

    fn is_question_word(&self, word: &str) -> bool {
        self.inner.question.contains(word)
    }

    /// A word that is a record's name with its words run together becomes the name's words.
    fn unrun_names(&self, words: Vec<Word>) -> Vec<Word> {
        if self.inner.names.is_empty() {
            return words;
        }
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            match self.inner.names.get(&word.joined) {
                Some(name) => out.extend(split_words(name)),
                None => out.push(word),
            }
        }
        out
    }

    /// Rejoins the particle of a separable verb with its verb: "ze pesten hem weg" reads as
    /// "ze wegpesten hem", "ik val bijna uit" as "ik uitval bijna", "in te vullen" as
    /// "invullen". A particle followed by an article or a possessive is a preposition and
    /// stays. The joined word must be known (in the records or the thesaurus, as written
    /// or as a stem), else nothing changes.
    fn rejoin_particles(&self, mut words: Vec<Word>) -> Vec<Word> {
        let mut j = 0;
        while j < words.len() {
            let particle = words[j].joined.clone();
            if !PARTICLES.contains(&particle.as_str()) || words[j].has_parts() {
                j += 1;
                continue;
            }
            let next = words.get(j + 1).map(|w| w.joined.as_str());
            if next.is_some_and(|n| DETERMINERS.contains(&n)) {
                j += 1;
                continue;
            }
            // "in te vullen": the verb follows.
            if next == Some("te")
                && let Some(verb) = words.get(j + 2).filter(|w| !w.has_parts())
                && let Some(joined) = self.joinable(&particle, &verb.joined)
            {
                words[j + 2] = Word::rejoined(joined);
                words.drain(j..j + 2);
                continue;
            }
            let mut found = None;
            for i in (j.saturating_sub(PARTICLE_REACH)..j).rev() {
                let verb = &words[i];
                if CLAUSE_BREAKS.contains(&verb.joined.as_str()) {
                    break;
                }
                // An article, pronoun or other word left out of a sentence is no verb ("iets
                // *op*" after "een" is not "open").
                let word = verb.joined.as_str();
                if verb.has_parts()
                    || PARTICLES.contains(&word)
                    || self.inner.stop.contains(word)
                    || self.is_question_word(word)
                {
                    continue;
                }
                if let Some(joined) = self.joinable(&particle, &verb.joined) {
                    found = Some((i, joined));
                    break;
                }
            }
            match found {
                Some((i, joined)) => {
                    words[i] = Word::rejoined(joined);
                    words.remove(j);
                }
                None => j += 1,
            }
        }
        words
    }

    /// The word `particle` + `verb` makes, when it is known: as written ("uit" + "val"), or
    /// with the verb's stem ("uit" + "valt" → "uitval").
    fn joinable(&self, particle: &str, verb: &str) -> Option<String> {
        if verb.chars().count() < 2 || verb.chars().any(|c| !c.is_alphabetic()) {
            return None;
        }
        let stem = self.stem(verb);
        let without_t = verb.strip_suffix('t').unwrap_or(verb);
        [format!("{particle}{verb}"), format!("{particle}{without_t}"), format!("{particle}{stem}")].into_iter().find(
            |joined| {
                self.inner.lexicon.contains(joined)
                    || self.inner.dictionary.contains(joined)
                    || self.inner.dictionary.contains(&self.stem(joined))
            },
        )
    }

    /// The key of each word of `text`: the stem of the whole word, stop words included. The
    /// thesaurus is matched on keys, so that "te veel werk" stays three words.
    pub fn keys(&self, text: &str) -> Vec<String> {
        split_words(text).iter().map(|w| self.stem(&w.joined)).collect()
    }

    /// The English key of each word of `text`: its English (Snowball) stem, stop words
    /// included. English terms of the thesaurus are matched on these, not on Dutch stems,
    /// which join English words of different families.
    pub fn english_keys(&self, text: &str) -> Vec<String> {
        split_words(text).iter().map(|w| self.english_stem(&w.joined)).collect()
    }

    /// The English keys of `text` without its joining words ([`ENGLISH_JOINING_WORDS`]):
    /// what an English thesaurus term is matched on. A term that would keep one word only
    /// ("talk about", "on call") keeps them all: alone, its word means too much else.
    pub fn english_content_keys(&self, text: &str) -> Vec<String> {
        let words = split_words(text);
        let content: Vec<String> = words
            .iter()
            .filter(|w| !ENGLISH_JOINING_WORDS.contains(&w.joined.as_str()))
            .map(|w| self.english_stem(&w.joined))
            .collect();
        if content.len() < 2 && content.len() < words.len() {
            return self.english_keys(text);
        }
        content
    }

    /// The English stem of a single folded word.
    pub fn english_stem(&self, word: &str) -> String {
        self.inner.english.stem(word).into_owned()
    }

    /// The Snowball stem of a single folded word, protected forms ([`PROTECTED`]) stemmed as
    /// well: a verb's stem as its finite forms have it ("zorgen" → "zorg", as in "ik zorg").
    pub fn plain_stem(&self, word: &str) -> String {
        self.inner.stemmer.stem(word).into_owned()
    }

    /// The stem of a single folded word. Plurals in "-ies" ("interventies") lose their
    /// "s" first, which the Porter stemmer leaves alone after a vowel. A protected form
    /// ([`PROTECTED`]) stays as it is.
    pub fn stem(&self, word: &str) -> String {
        if PROTECTED.contains(&word) {
            return word.to_string();
        }
        let base = match word.strip_suffix("ies") {
            Some(base) if base.chars().count() >= 3 => &word[..word.len() - 1],
            _ => word,
        };
        let stem = self.inner.stemmer.stem(base);
        // A stem that is a stop word would make the word one of the words a query leaves
        // out ("overheid" → "over"): then the word stays as it is.
        if stem != base && self.inner.stop.contains(stem.as_ref()) && !self.inner.stop.contains(word) {
            return word.to_string();
        }
        stem.into_owned()
    }

    fn word_terms(&self, word: &str) -> Vec<String> {
        if word.is_empty() || self.inner.stop.contains(word) {
            return Vec::new();
        }
        if let Ok(cache) = self.inner.cache.lock()
            && let Some(terms) = cache.get(word)
        {
            return terms.clone();
        }
        let mut terms = vec![self.stem(word)];
        // Decompounding is quadratic in the word's length: words longer than any real
        // compound (a pasted hash, a line of x's) are kept whole.
        if (MIN_COMPOUND..=MAX_COMPOUND).contains(&word.chars().count()) {
            let mut parts = Vec::new();
            self.decompound(word, &mut parts, 0);
            for part in parts {
                let stem = self.stem(&part);
                if !terms.contains(&stem) {
                    terms.push(stem);
                }
            }
        }
        if let Ok(mut cache) = self.inner.cache.lock()
            && cache.len() < 200_000
        {
            cache.insert(word.to_string(), terms.clone());
        }
        terms
    }

    fn known(&self, part: &str) -> bool {
        part.chars().count() >= MIN_PART && !self.inner.stop.contains(part) && self.inner.dictionary.contains(part)
    }

    /// Splits `word` into known parts (recursively), appending every part found.
    fn decompound(&self, word: &str, out: &mut Vec<String>, depth: usize) {
        if depth > 3 {
            return;
        }
        if let Some(split) = self.best_split(word) {
            for part in split {
                if !out.contains(&part) {
                    out.push(part.clone());
                    if part.chars().count() >= MIN_COMPOUND {
                        self.decompound(&part, out, depth + 1);
                    }
                }
            }
        }
    }

    /// The split of `word` into two known parts, allowing a linking `s` or `e`/`en`
    /// ("gedrag-s-code", "pest-e-n"?) between them; the longest known head wins.
    fn best_split(&self, word: &str) -> Option<Vec<String>> {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        for cut in (MIN_PART..=n.saturating_sub(MIN_PART)).rev() {
            let head = text(0, cut);
            if !self.known(&head) {
                continue;
            }
            for link in ["", "s", "e", "en"] {
                let start = cut + link.chars().count();
                if start + MIN_PART > n || text(cut, start) != link {
                    continue;
                }
                let tail = text(start, n);
                if self.known(&tail) || self.known(&self.stem(&tail)) {
                    return Some(vec![head, tail]);
                }
            }
        }
        None
    }
}

/// The analysed words of a query, and what was cut to bound the work.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryWords {
    /// Per word: its stem first, then its compound parts.
    pub groups: Vec<Vec<String>>,
    /// Words beyond the maximum, not analysed.
    pub words_left_out: usize,
    /// Words cut to the maximum length.
    pub words_cut: usize,
    /// The length (in characters) of the longest word that was cut.
    pub longest_cut: usize,
    /// Every word used, stop words included, in order: for the thesaurus and for "Bedoelde
    /// u …?".
    pub words: Vec<QueryWord>,
}

/// One word of a query as used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueryWord {
    /// The word's stem (see [`Analyzer::keys`]).
    pub key: String,
    /// The word folded (lower case, no accents), as typed otherwise.
    pub folded: String,
    /// Its place in [`QueryWords::groups`]; `None` for a stop word or a question word.
    pub group: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer() -> Analyzer {
        Analyzer::new(["pesten en ongewenst gedrag", "de werkdruk verminderen", "administratie", "mantelzorgers"])
    }

    #[test]
    fn a_sentence_gives_away_who_asks_unless_it_is_about_someone_else() {
        assert_eq!(asker("Mijn team zit er doorheen"), Some("leidinggevende"));
        assert_eq!(asker("hoe houd ik mijn mensen gezond"), Some("leidinggevende"), "the team before the I");
        assert_eq!(asker("Ons personeel meldt zich vaker ziek"), Some("werkgever"));
        assert_eq!(asker("ik kan het niet meer aan"), Some("medewerker"));
        assert_eq!(asker("my manager shouts at me"), Some("medewerker"));
        assert_eq!(asker("een medewerker van mij huilt vaak"), None);
        // Whoever asks how to see it in someone else, or in the staff, is not the worker.
        assert_eq!(asker("hoe zie ik of iemand opbrandt"), None);
        assert_eq!(asker("ik wil medewerkers eerder spreken"), None);
        assert_eq!(asker("how do I know if someone is burning out"), None);
        // Someone as the one to talk to leaves the worker asking.
        assert_eq!(asker("ik wil met iemand praten"), Some("medewerker"));
        assert_eq!(asker("werkdruk in de zorg"), None);
        // Whole words only: "mijnbouw" is no "mijn", "team" alone is no one's team.
        assert_eq!(asker("mijnbouw en het team"), None);
    }

    #[test]
    fn people_in_general_are_left_out_of_a_sentence_but_not_out_of_a_thesaurus_phrase() {
        let a = analyzer();
        let stems =
            |groups: Vec<Vec<String>>| groups.into_iter().filter_map(|g| g.into_iter().next()).collect::<Vec<_>>();
        let sentence = stems(a.query_words("hoe zie ik aan mijn mensen dat ze het niet meer trekken"));
        assert!(!sentence.iter().any(|s| s.starts_with("mens")), "{sentence:?}");
        // In a phrase of the thesaurus the word is part of its sense.
        let phrase = a.phrase_words("zorg voor mensen met een beperking");
        assert!(phrase.iter().any(|s| s.starts_with("mens")), "{phrase:?}");
    }

    #[test]
    fn a_comparative_or_superlative_gives_its_adjective() {
        assert!(degree_bases("gestrester").contains(&"gestrest".to_string()));
        assert!(degree_bases("drukker").contains(&"druk".to_string()));
        assert!(degree_bases("drukste").contains(&"druk".to_string()));
        // Too short a remainder is no adjective.
        assert!(degree_bases("ster").is_empty());
    }

    #[test]
    fn a_word_of_time_only_tells_when() {
        let a = analyzer();
        let stems: Vec<String> =
            a.query_words("sinds het hybride werken weet niemand hoe het gaat").into_iter().flatten().collect();
        assert!(!stems.iter().any(|s| s.starts_with("sind")), "{stems:?}");
        assert!(stems.iter().any(|s| s.starts_with("hybrid")), "{stems:?}");
    }

    #[test]
    fn a_span_of_time_tells_when_unless_it_is_a_name() {
        let a = analyzer();
        let stems = |text: &str| -> Vec<String> { a.query_words(text).into_iter().flatten().collect() };
        // "weken" stems as "week" does: "al weken ziek" met the Week van de Werkstress.
        let (week, year) = (a.stem("week"), a.stem("jaar"));
        assert_eq!(a.stem("weken"), week);
        for text in ["een collega zit al weken ziek thuis", "vorige week uitgescholden", "al 3 jaar moe"] {
            let found = stems(text);
            assert!(!found.contains(&week) && !found.contains(&year), "{text:?}: {found:?}");
        }
        assert!(stems("al weken ziek").iter().any(|s| s.starts_with("ziek")));
        // Not after a word of time, the word stays: the name, and the campaign's own week.
        assert!(stems("week van de werkstress").contains(&week));
        assert!(stems("week werkstress").contains(&week));
        assert!(stems("jaar werkstress").contains(&year));
    }

    #[test]
    fn a_worker_s_own_manager_is_the_one_she_talks_to() {
        let at = |text: &str| {
            let words = folded_words(text);
            own_counterparts(&words.iter().map(String::as_str).collect::<Vec<_>>())
        };
        assert_eq!(at("hoe begin ik het gesprek met mijn leidinggevende"), [7]);
        assert_eq!(at("how do I tell my line manager"), [6]);
        assert_eq!(at("my boss shouts at me"), [1]);
        assert_eq!(at("een vragenlijst voor op mijn spreekuur"), [5]);
        // Naming herself says who asks, not what she looks for.
        assert_eq!(at("hoe pak ik dat aan als teamleider"), [6]);
        assert_eq!(asker("hoe pak ik dat aan als teamleider"), Some("leidinggevende"), "before the I");
        assert_eq!(asker("ik ben bedrijfsarts en zie veel stress"), Some("arboprofessional"));
        assert_eq!(asker("as a manager, how do I help"), Some("leidinggevende"));
        // "als" before another word is "if": "als iemand" names no one.
        assert_eq!(asker("wat doe je als iemand uitvalt"), None);
        // A manager who is neither hers nor herself is what she asks about.
        assert!(at("training voor de leidinggevende").is_empty());
        assert!(at("leidinggevende en medewerker in gesprek").is_empty());
    }

    #[test]
    fn zorgen_that_means_to_see_to_it_is_left_out_of_a_sentence() {
        let a = analyzer();
        let has = |text: &str| a.query_words(text).iter().any(|g| g.first().is_some_and(|t| t == "zorgen"));
        assert!(!has("hoe zorgen we dat mensen het durven te zeggen"));
        assert!(!has("ervoor zorgen dat het team minder werkdruk heeft"));
        assert!(!has("ik wil zorgen dat niemand uitvalt"));
        // The worries and the care stay.
        assert!(has("bij wie kan ik terecht met mijn zorgen"));
        assert!(has("ik maak me zorgen over een collega"));
        assert!(a.query_words("ik zorg voor mijn moeder").iter().flatten().any(|t| t == "zorg"));
    }

    #[test]
    fn a_word_is_not_stemmed_into_another_sense_or_into_a_stop_word() {
        let a = analyzer();
        // "ik slaap slecht" is not "slechts" (only); "ik voel me leeg" is not "ik leg".
        assert_ne!(a.stem("slechts"), a.stem("slecht"));
        assert_ne!(a.stem("leeg"), a.stem("leg"));
        // "oudere medewerkers" are not "ouders" (parents).
        assert_ne!(a.stem("ouders"), a.stem("oudere"));
        // "overheid" would become "over", a word every query leaves out.
        assert_eq!(a.stem("overheid"), "overheid");
        assert!(!a.query_words("de overheid").is_empty());
        // Ordinary words still meet their plural.
        assert_eq!(a.stem("werkgevers"), a.stem("werkgever"));
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Reëel ÉÉN Café"), "reeel een cafe");
    }

    #[test]
    fn keeps_hyphenated_and_ampersand_words_whole_and_split() {
        let words = plain_words("burn-out en RI&E, [Ont]regel de zorg");
        assert!(words.contains(&"burnout".to_string()), "{words:?}");
        assert!(words.contains(&"burn".to_string()) && words.contains(&"out".to_string()));
        assert!(words.contains(&"ri&e".to_string()), "{words:?}");
        assert!(words.contains(&"ontregel".to_string()), "{words:?}");
    }

    #[test]
    fn splits_compounds_into_known_parts() {
        let a = analyzer();
        let terms = a.terms("pestgedrag");
        assert!(terms.contains(&a.stem("pest")) && terms.contains(&a.stem("gedrag")), "{terms:?}");
        let terms = a.terms("werkdrukvermindering");
        assert!(
            terms.contains(&a.stem("werkdruk")) && terms.contains(&a.stem("werk")) && terms.contains(&a.stem("druk")),
            "{terms:?}"
        );
        let terms = a.terms("administratiedruk");
        assert!(terms.contains(&a.stem("administratie")) && terms.contains(&a.stem("druk")), "{terms:?}");
    }

    #[test]
    fn stems_plurals_to_the_same_term() {
        let a = analyzer();
        assert_eq!(a.terms("mantelzorgers")[0], a.terms("mantelzorger")[0]);
        assert_eq!(a.terms("interventies")[0], a.terms("interventie")[0]);
    }

    #[test]
    fn drops_stop_words() {
        let a = analyzer();
        assert!(a.terms("de het een van").is_empty());
    }

    #[test]
    fn ordinary_words_are_not_torn_apart() {
        let a = analyzer();
        assert_eq!(a.terms("bedrijf"), vec![a.stem("bedrijf")]);
    }

    fn keys_of(a: &Analyzer, text: &str) -> Vec<String> {
        a.query_words_bounded(text, 32, 40).words.into_iter().map(|w| w.key).collect()
    }

    #[test]
    fn a_separable_verb_is_rejoined_with_its_particle() {
        let a = Analyzer::new(["uitval voorkomen", "formulieren invullen"]);
        // "wegpesten" is a word of the thesaurus, "uitval" and "invullen" of the texts.
        assert!(
            keys_of(&a, "ze pesten hem weg").contains(&a.stem("wegpesten")),
            "{:?}",
            keys_of(&a, "ze pesten hem weg")
        );
        assert!(keys_of(&a, "ik val bijna uit").contains(&a.stem("uitval")), "{:?}", keys_of(&a, "ik val bijna uit"));
        assert!(keys_of(&a, "formulieren in te vullen").contains(&a.stem("invullen")));
        // Before an article or a possessive the particle is a preposition.
        assert_eq!(keys_of(&a, "ik val in de zorg").len(), 5);
        // An article is no verb: "een … op" is not "open".
        let b = Analyzer::new(["een open cultuur"]);
        assert!(!keys_of(&b, "levert een pmo iets op").contains(&b.stem("open")));
        // A joined word nobody uses is not made up.
        assert_eq!(keys_of(&a, "ze zingen hem toe"), ["ze", "zing", "hem", "toe"].map(|w| a.stem(w)));
    }

    #[test]
    fn a_sentence_keeps_the_words_that_carry_its_situation() {
        let a = analyzer();
        let groups = a.query_words("een medewerker huilt vaak en ik weet het niet meer");
        let firsts: Vec<&str> = groups.iter().map(|g| g[0].as_str()).collect();
        assert_eq!(firsts, [a.stem("medewerker"), a.stem("huilt")], "{groups:?}");
        // Alone, such a word is still looked for.
        assert_eq!(a.query_words("vaak").len(), 1);
    }

    #[test]
    fn a_name_keeps_its_words_whole_and_its_parts_apart() {
        let a = Analyzer::new(["team", "coach"]);
        assert_eq!(a.whole_terms("Teamcoach"), [a.stem("teamcoach")]);
        assert!(a.part_terms("Teamcoach").contains(&a.stem("team")), "{:?}", a.part_terms("Teamcoach"));
        // Together they are what every other field holds.
        let mut both = a.whole_terms("Teamcoach burn-out");
        both.extend(a.part_terms("Teamcoach burn-out"));
        let mut all = a.terms("Teamcoach burn-out");
        both.sort();
        all.sort();
        assert_eq!(both, all);
    }

    #[test]
    fn a_rejoined_separable_verb_is_one_word() {
        let a = Analyzer::new(["collega's buitensluiten"]);
        let groups = a.query_words("ze sluiten hem buiten");
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert_eq!(groups[0][0], a.stem("buitensluiten"));
        // The particle and the verb are not its parts ("buiten" is not "buit").
        assert!(!groups[0].contains(&a.stem("buiten")), "{groups:?}");
    }

    #[test]
    fn worries_are_not_the_care_sector() {
        let a = analyzer();
        assert_eq!(a.stem("zorgen"), "zorgen");
        assert_ne!(a.terms("zorgen"), a.terms("zorg"));
        // Other words are stemmed as before.
        assert_eq!(a.stem("zorgverleners"), a.stem("zorgverlener"));
    }

    #[test]
    fn an_abbreviation_keeps_its_sign() {
        let a = analyzer();
        assert_ne!(a.keys("P&O"), a.keys("PO"));
        assert_eq!(a.keys("RI&E"), a.keys("ri&e"));
        assert!(plain_words("24/7").contains(&"24/7".to_string()));
        // Between whole words "/" separates them.
        assert_eq!(a.keys("PMO/PAGO"), [a.stem("pmo"), a.stem("pago")]);
    }

    #[test]
    fn a_name_typed_run_together_is_read_as_the_name() {
        let a = Analyzer::new(std::iter::empty()).with_names(["Het Huis van Werkvermogen", "Vitaal Bedrijf"]);
        let groups = a.query_words("huisvanwerkvermogen");
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(groups[0][0], a.stem("huis"));
        assert_eq!(groups[1][0], a.stem("werkvermogen"));
        assert_eq!(a.query_words("vitaalbedrijf").len(), 2);
        // Other words are left alone.
        assert_eq!(a.query_words("werkvermogen").len(), 1);
    }

    #[test]
    fn english_words_have_an_english_stem() {
        let a = analyzer();
        assert_eq!(a.english_keys("caring carers"), ["care", "carer"]);
        assert_ne!(a.english_stem("career"), a.english_stem("carers"));
    }
}
