//! Widening a query with the thesaurus ([`super::thesaurus`]): the words a person types are
//! matched against the thesaurus's terms (longest run of words first), and a match adds the
//! Dutch words of its group to the query, each for less than the person's own word:
//!
//! | the typed word is …                                    | adds                           | weight          |
//! |--------------------------------------------------------|--------------------------------|-----------------|
//! | its own word                                           | —                              | 1.0             |
//! | a preferred, equivalent or English term of a group     | the group's Dutch terms        | [`SAME`]        |
//! | a narrower term of a group                             | the group's Dutch terms        | [`FROM_NARROWER`] |
//! | a preferred, equivalent or English term of a group     | the Dutch terms of its wider groups | [`BROADER`] |
//!
//! English terms are only ever matched, never added: the records are found by their Dutch
//! words, and no English word is shown as a record's text.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::analysis::Analyzer;
use super::thesaurus::{self, Group};

/// The weight of a synonym or translation of the typed word.
pub const SAME: f32 = 0.5;
/// The weight of a group's words when the typed word is narrower than the group.
pub const FROM_NARROWER: f32 = 0.3;
/// The weight of a wider group's words.
pub const BROADER: f32 = 0.2;
/// The factor on every weight above when no record holds the typed words: the thesaurus's
/// phrases are then the only way those words count, so a synonym counts as much as a word
/// typed would (and a narrower or wider word for less), not less than a common word beside
/// it ("ik lig te *piekeren* over mijn werk").
pub const STANDS_IN: f32 = 2.0;
/// Possessive and reflexive pronouns: in a term they stand for whoever it happens to ("op *mijn*
/// tenen lopen", "lopen op *hun* tenen", "voor *hun* ouders zorgen"), so a term is matched with
/// any of them in their place (they are compared as one key, [`PRONOUN`]).
const PRONOUNS: &[&str] =
    &["mijn", "m'n", "je", "jouw", "zijn", "z'n", "haar", "ons", "onze", "jullie", "hun", "uw", "me", "mij", "zich"];

/// Personal pronouns, subject or object: a question puts its subject between the verb and
/// the rest ("hoe voorkomen *we* dat hij uitvalt"), a sentence its object ("hij zet *hem*
/// onder druk"). A run with one of them, or with a word of [`PRONOUNS`], that is no term is
/// looked up without it.
const PERSONAL: &[&str] = &["ik", "jij", "u", "hij", "zij", "ze", "we", "wij", "hem", "hen", "men"];

/// The key every word of [`PRONOUNS`] is compared as.
const PRONOUN: &str = "\u{0}pronoun";

/// The most phrases one match adds (its own group's first, then the wider groups'); the
/// query also has a budget of terms, and only phrases found in some record count for it.
pub const MAX_PHRASES_PER_MATCH: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    Same,
    Narrower,
}

/// A term whose verb may stand apart from its other words ([`Thesaurus::verb_first`]): its
/// group, how it relates to it, and the verb as a query may hold it (its key and its plain
/// stem).
#[derive(Debug)]
struct MovedVerb {
    group: usize,
    relation: Relation,
    forms: [String; 2],
}

/// The thesaurus, ready for matching queries.
pub struct Thesaurus {
    groups: Vec<Group>,
    /// A Dutch term's keys (the Dutch stems of its words) → its group and how it relates to
    /// it.
    entries: HashMap<Vec<String>, (usize, Relation)>,
    /// A Dutch term of several words by its keys in sorted order: Dutch moves the verb
    /// ("op mijn tenen lopen", "ik loop op mijn tenen"; "ik zit er doorheen", "dat ze er
    /// doorheen zitten"), so a run of the query with the same words in another order is the
    /// same term.
    any_order: HashMap<Vec<String>, (usize, Relation)>,
    /// A Dutch term of three words or more that ends or begins with its verb, an infinitive
    /// ("aan het werk houden", "zorgen voor mijn moeder"), by the keys of its other words in
    /// sorted order, with the verb's key: a main clause puts the finite verb second, ahead of
    /// the rest and often far ("hoe *houd* ik een medewerker met klachten *aan het werk*?",
    /// "ik *zorg* naast mijn baan *voor mijn moeder*"), so the rest of the term with its verb
    /// earlier in the query is the same term. Several terms can share the rest ("aan het
    /// werk blijven", "aan het werk houden").
    verb_first: HashMap<Vec<String>, Vec<MovedVerb>>,
    /// An English term's keys (the English stems of its words, see
    /// [`Analyzer::english_keys`]) → its group. English words go their own way: the Dutch
    /// stemmer would join English words of different families.
    english: HashMap<Vec<String>, usize>,
    /// The most words of any term.
    longest: usize,
    by_id: HashMap<String, usize>,
    /// Every single-word term, folded, with its length in characters: for spelling.
    words: Vec<(String, usize)>,
    /// Every key any Dutch term uses.
    used: std::collections::HashSet<String>,
    /// The keys of [`PRONOUNS`].
    pronouns: std::collections::HashSet<String>,
    /// The keys of [`PERSONAL`] and [`PRONOUN`]: the words a run is also looked up without.
    passed_over: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Thesaurus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Thesaurus")
            .field("groups", &self.groups.len())
            .field("terms", &(self.entries.len() + self.english.len()))
            .finish()
    }
}

/// A run of query words that is a thesaurus term, and the Dutch phrases it widens to.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The first word of the run, counted over the query's words (stop words included).
    pub start: usize,
    /// One past the last word of the run.
    pub end: usize,
    /// The group matched.
    pub group: String,
    /// The phrases added, as the thesaurus writes them, with their weight; best first.
    pub phrases: Vec<(String, f32)>,
}

impl Thesaurus {
    /// The thesaurus bundled with the program (`data/thesaurus.toml`, checked by build.rs),
    /// built once per process: its keys depend only on the stemmer, which every analyzer
    /// shares.
    pub fn bundled(analyzer: &Analyzer) -> Arc<Thesaurus> {
        static BUNDLED: OnceLock<Arc<Thesaurus>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                // build.rs refuses a file that does not parse; an empty thesaurus is the safe
                // answer should it ever not.
                let groups = thesaurus::parse(include_str!("../../data/thesaurus.toml")).unwrap_or_default();
                Arc::new(Thesaurus::new(groups, analyzer))
            })
            .clone()
    }

    /// A thesaurus of `groups`, keyed with `analyzer`.
    pub fn new(groups: Vec<Group>, analyzer: &Analyzer) -> Thesaurus {
        let pronouns: std::collections::HashSet<String> = PRONOUNS.iter().map(|w| analyzer.stem(w)).collect();
        let mut entries = HashMap::new();
        let mut any_order = HashMap::new();
        let mut verb_first = HashMap::new();
        let mut english = HashMap::new();
        let mut longest = 0;
        for (i, g) in groups.iter().enumerate() {
            for term in &g.english {
                let keys = analyzer.english_content_keys(term);
                if !keys.is_empty() {
                    longest = longest.max(keys.len());
                    english.entry(keys).or_insert(i);
                }
            }
            let same = g.dutch().map(|t| (t, Relation::Same));
            let narrower = g.narrower.iter().map(|t| (t.as_str(), Relation::Narrower));
            for (term, relation) in same.chain(narrower) {
                let keys: Vec<String> =
                    analyzer.keys(term).iter().map(|k| as_matched(&pronouns, k).to_string()).collect();
                if keys.is_empty() {
                    continue;
                }
                longest = longest.max(keys.len());
                if keys.len() > 1 {
                    any_order.entry(sorted(&keys)).or_insert((i, relation));
                }
                // The verb as the query may hold it: its key, or its plain stem where the key
                // is a protected form ("zorgen", worries; "ik *zorg* voor mijn moeder").
                let words: Vec<&str> = term.split_whitespace().collect();
                let verb = |w: Option<&&str>| {
                    w.filter(|w| w.ends_with("en")).map(|w| analyzer.plain_stem(&super::analysis::fold(w)))
                };
                let last = (verb(words.last()), keys.split_last().map(|(v, rest)| (v, rest.to_vec())));
                let first = (verb(words.first()), keys.split_first().map(|(v, rest)| (v, rest.to_vec())));
                for (plain, split) in [last, first] {
                    if let (Some(plain), Some((key, rest))) = (plain, split)
                        && rest.len() >= 2
                        && key != PRONOUN
                        && !analyzer.is_stop_key(key)
                    {
                        let forms = [key.clone(), plain];
                        let moved = MovedVerb { group: i, relation, forms };
                        verb_first.entry(sorted(&rest)).or_insert_with(Vec::new).push(moved);
                    }
                }
                // Two terms with one stem: the first (and a same-sense one) wins.
                entries.entry(keys).or_insert((i, relation));
            }
        }
        let by_id = groups.iter().enumerate().map(|(i, g)| (g.id.clone(), i)).collect();
        let mut words: Vec<(String, usize)> = Vec::new();
        for g in &groups {
            let all =
                g.dutch().chain(g.narrower.iter().map(String::as_str)).chain(g.english.iter().map(String::as_str));
            for term in all.filter(|t| !t.contains(char::is_whitespace)) {
                // As a query's word is read: folded, and joined where it has a hyphen
                // ("check-in" is typed and read as "checkin").
                let folded = match &super::analysis::folded_words(term)[..] {
                    [word] => word.clone(),
                    _ => super::analysis::fold(term),
                };
                if !words.iter().any(|(w, _)| *w == folded) {
                    let length = folded.chars().count();
                    words.push((folded, length));
                }
            }
        }
        let used = entries.keys().flatten().cloned().collect();
        let passed_over =
            PERSONAL.iter().map(|w| analyzer.stem(w)).chain(std::iter::once(PRONOUN.to_string())).collect();
        Thesaurus {
            groups,
            entries,
            any_order,
            verb_first,
            english,
            longest,
            by_id,
            words,
            used,
            pronouns,
            passed_over,
        }
    }

    /// Whether some Dutch term of the thesaurus has a word with this key ("meer" in "geen
    /// zin meer in werk").
    pub fn uses(&self, key: &str) -> bool {
        self.used.contains(self.as_matched(key))
    }

    /// `key` as terms are matched on: a pronoun as [`PRONOUN`].
    fn as_matched<'k>(&self, key: &'k str) -> &'k str {
        as_matched(&self.pronouns, key)
    }

    /// The matches of Dutch terms in a query's word keys (Dutch stems), left to right, the
    /// longest run first; each word belongs to at most one match. A run of several words
    /// also matches a term with the same words in another order (the verb moved), or, for a
    /// term that ends in its verb, with the verb earlier in the query (a main clause's
    /// second place); the run is then the term's other words.
    pub fn expansions(&self, keys: &[&str], analyzer: &Analyzer) -> Vec<Expansion> {
        let keys: Vec<&str> = keys.iter().map(|k| self.as_matched(k)).collect();
        let keys = &keys[..];
        // A verb in the present tense ends in -t, which the stemmer keeps ("hij *maakt* me
        // belachelijk", "ze *houdt*"): where a run does not match as typed, it is tried with
        // such a word read as its verb's stem, when some term uses that stem.
        let finite: Vec<Option<String>> = keys
            .iter()
            .map(|k| {
                let verb = k.strip_suffix('t').filter(|v| v.chars().count() >= 3)?;
                Some(analyzer.stem(verb)).filter(|stem| self.used.contains(stem))
            })
            .collect();
        self.scan(keys.len(), analyzer, keys, |start, n| {
            let typed: Vec<String> = keys[start..start + n].iter().map(|k| (*k).to_string()).collect();
            self.lookup(&typed, &keys[..start]).or_else(|| {
                let read: Vec<String> =
                    (start..start + n).map(|i| finite[i].clone().unwrap_or_else(|| keys[i].to_string())).collect();
                (read != typed).then(|| self.lookup(&read, &keys[..start])).flatten()
            })
        })
    }

    /// The term a run of keys is, if any: as it stands; without one pronoun; in any order; or
    /// with its verb among the keys `before` it.
    fn lookup(&self, run: &[String], before: &[&str]) -> Option<(usize, Relation)> {
        if let Some(found) = self.entries.get(run) {
            return Some(*found);
        }
        if run.len() < 2 {
            return None;
        }
        // A pronoun sits between a verb and the rest ("maakt *me* belachelijk", "hoe
        // voorkomen *we* dat hij uitvalt"): a run with one that is not a term is looked up
        // without it, one at a time.
        if run.len() >= 3 {
            for gap in (0..run.len()).filter(|&i| self.passed_over.contains(&run[i])) {
                let without: Vec<String> =
                    run.iter().enumerate().filter(|&(i, _)| i != gap).map(|(_, k)| k.clone()).collect();
                let found = self.entries.get(&without).or_else(|| self.any_order.get(&sorted(&without))).copied();
                if found.is_some() {
                    return found;
                }
            }
        }
        let run = sorted(run);
        self.any_order.get(&run).copied().or_else(|| {
            self.verb_first
                .get(&run)?
                .iter()
                .find(|moved| moved.forms.iter().any(|verb| before.contains(&verb.as_str())))
                .map(|moved| (moved.group, moved.relation))
        })
    }

    /// The matches of English terms only in a query's English keys, given without the
    /// joining words ([`super::analysis::ENGLISH_JOINING_WORDS`]).
    pub fn english_expansions(&self, english: &[&str], analyzer: &Analyzer) -> Vec<Expansion> {
        self.scan(english.len(), analyzer, english, |start, n| {
            let run: Vec<String> = english[start..start + n].iter().map(|k| (*k).to_string()).collect();
            self.english.get(&run).map(|&group| (group, Relation::Same))
        })
    }

    /// Left to right, the longest run of `len` words first that `find` knows.
    fn scan(
        &self,
        len: usize,
        analyzer: &Analyzer,
        keys: &[&str],
        find: impl Fn(usize, usize) -> Option<(usize, Relation)>,
    ) -> Vec<Expansion> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < len {
            let found = (1..=self.longest.min(len - start)).rev().find_map(|n| find(start, n).map(|(g, r)| (n, g, r)));
            match found {
                Some((n, group, relation)) => {
                    let own: Vec<String> = keys[start..start + n].iter().map(|k| (*k).to_string()).collect();
                    out.push(Expansion {
                        start,
                        end: start + n,
                        group: self.groups[group].id.clone(),
                        phrases: self.phrases(group, relation, &own, analyzer),
                    });
                    start += n;
                }
                None => start += 1,
            }
        }
        out
    }

    fn phrases(&self, group: usize, relation: Relation, own: &[String], analyzer: &Analyzer) -> Vec<(String, f32)> {
        let g = &self.groups[group];
        let mut out: Vec<(String, f32)> = Vec::new();
        let add = |term: &str, weight: f32, out: &mut Vec<(String, f32)>| {
            if out.len() < MAX_PHRASES_PER_MATCH
                && analyzer.keys(term).iter().map(|k| self.as_matched(k)).ne(own.iter().map(String::as_str))
                && !out.iter().any(|(t, _)| t.eq_ignore_ascii_case(term))
            {
                out.push((term.to_string(), weight));
            }
        };
        let weight = match relation {
            Relation::Same => SAME,
            Relation::Narrower => FROM_NARROWER,
        };
        for term in g.dutch() {
            add(term, weight, &mut out);
        }
        // The wider groups: for a narrower word ("slaappillen") one step further away still,
        // but there, so that a word whose own group no record names finds something.
        let wider_weight = match relation {
            Relation::Same => BROADER,
            Relation::Narrower => BROADER * FROM_NARROWER / SAME,
        };
        for wider in g.broader.iter().filter_map(|id| self.by_id.get(id)) {
            for term in self.groups[*wider].dutch() {
                add(term, wider_weight, &mut out);
            }
        }
        out
    }

    /// The thesaurus's single word nearest to `word` (folded) by spelling: one edit, or two
    /// from eight letters with the same first letter (a swap of two letters is one edit; in a
    /// word under [`SHORT_WORD`] letters a changed letter is none), and the number of edits;
    /// `None` when none is that near, or `word` is itself a term. Only words of a length
    /// within reach are compared.
    pub fn nearest(&self, word: &str) -> Option<(String, usize)> {
        let length = word.chars().count();
        if length < 4 {
            return None;
        }
        let max = if length >= 8 { 2 } else { 1 };
        let mut best: Option<(usize, &str)> = None;
        for (term, n) in &self.words {
            if n.abs_diff(length) > max {
                continue;
            }
            let d = strsim::osa_distance(word, term);
            if d == 0 {
                return None;
            }
            // Two edits reach other real words ("dementie" → "retentie"): then the first
            // letter must agree, which a typo seldom changes.
            if d > 1 && word.chars().next() != term.chars().next() {
                continue;
            }
            // In a short word one letter for another is as likely another word ("baan", a
            // job, is "baas" with one letter changed): there only a letter left out, added or
            // swapped is a typo; in a word of four letters only a swap ("drie" is "rie" with
            // a letter more). An abbreviation (three letters or fewer) is never a typo's
            // target: too many words are near it.
            let swap = *n == length && swapped(word, term);
            if d == 1 && length < SHORT_WORD && *n == length && !swap || length < TINY_WORD && !swap || *n <= 3 {
                continue;
            }
            if d <= max && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, term));
            }
        }
        best.map(|(d, term)| (term.to_string(), d))
    }

    /// The group `id` and every group wider than it, by id ("juf" → leraar, onderwijs,
    /// medewerker): the broader links are checked to have no cycles.
    pub fn with_wider(&self, id: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut todo: Vec<usize> = self.by_id.get(id).copied().into_iter().collect();
        while let Some(g) = todo.pop() {
            let group = &self.groups[g];
            if out.contains(&group.id) {
                continue;
            }
            out.push(group.id.clone());
            todo.extend(group.broader.iter().filter_map(|b| self.by_id.get(b)));
        }
        out
    }

    /// Whether `word` (folded) is a single-word term of the thesaurus.
    pub fn is_term(&self, word: &str) -> bool {
        self.words.iter().any(|(w, _)| w == word)
    }

    /// The number of groups.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no groups.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Below this many letters, a word with one letter changed is not read as a misspelt term
/// ([`Thesaurus::nearest`]).
const SHORT_WORD: usize = 6;

/// Below this many letters, a word is read as a misspelt term only with two letters swapped
/// ([`Thesaurus::nearest`]).
const TINY_WORD: usize = 5;

/// Whether `a` is `b` with two neighbouring letters swapped (both of one length).
fn swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let differ: Vec<usize> = (0..a.len().min(b.len())).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

/// `key` as terms are matched on: one of `pronouns` (the keys of [`PRONOUNS`]) as [`PRONOUN`].
fn as_matched<'k>(pronouns: &std::collections::HashSet<String>, key: &'k str) -> &'k str {
    if pronouns.contains(key) { PRONOUN } else { key }
}

/// `keys` in sorted order.
fn sorted(keys: &[String]) -> Vec<String> {
    let mut keys = keys.to_vec();
    keys.sort_unstable();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> (Arc<Thesaurus>, Analyzer) {
        let analyzer = Analyzer::new(std::iter::empty());
        (Thesaurus::bundled(&analyzer), analyzer)
    }

    fn expand(text: &str) -> Vec<Expansion> {
        let (t, a) = bundled();
        let keys = a.keys(text);
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let english = a.english_content_keys(text);
        let english: Vec<&str> = english.iter().map(String::as_str).collect();
        let mut found = t.expansions(&keys, &a);
        found.extend(t.english_expansions(&english, &a));
        found
    }

    #[test]
    fn the_bundled_thesaurus_loads_every_group() {
        let (t, _) = bundled();
        let t = &*t;
        assert!(t.len() >= 100, "{t:?}");
    }

    #[test]
    fn a_colloquial_word_widens_to_the_catalogue_word_for_less() {
        let found = expand("opgebrand");
        let burnout = found.iter().find(|e| e.group == "burn-out").expect("opgebrand is in the burn-out group");
        let weight = burnout.phrases.iter().find(|(t, _)| t == "burn-out").map(|(_, w)| *w);
        assert_eq!(weight, Some(SAME));
    }

    #[test]
    fn the_longest_run_of_words_wins_and_no_word_is_matched_twice() {
        let found = expand("ik ben emotioneel uitgeput");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].start, found[0].end, found[0].group.as_str()), (2, 4, "burn-out"));
    }

    #[test]
    fn what_the_four_audiences_want_to_do_reaches_the_group_of_its_sense() {
        // Issue #26: how a bedrijfsarts, an HR adviser, a team leader and a worker say what
        // they want to do, in their own order.
        let cases = [
            ("ik wil er vroeg bij zijn", "signaleren"),
            ("voordat ze uitvallen", "werkbehoud"),
            ("we willen een peiling doen", "medewerkersonderzoek"),
            ("waar de werkdruk vandaan komt", "rie"),
            ("hoe begin ik het gesprek", "bespreekbaar-maken"),
            ("ik weet niet hoe ik mijn medewerker kan helpen", "handelingsverlegenheid"),
            ("hulp zonder dat mijn baas het weet", "privacy"),
            ("ik wil weer beginnen na ziekte", "re-integratie"),
            ("ik zorg naast mijn werk voor mijn moeder", "mantelzorg"),
        ];
        for (text, group) in cases {
            let found = expand(text);
            assert!(found.iter().any(|e| e.group == group), "{text}: {found:?}");
        }
    }

    #[test]
    fn a_term_is_found_with_its_verb_moved() {
        // The thesaurus writes "zit er doorheen"; a subordinate clause puts the verb last.
        let found = expand("ik zie dat mijn mensen er doorheen zitten");
        let over = found.iter().find(|e| e.group == "overbelasting").expect("the verb-last form is the same term");
        assert_eq!((over.start, over.end), (5, 8), "{found:?}");
        // Only all of its words, side by side: a part of it is not the term.
        assert!(expand("zij kwam er doorheen").iter().all(|e| e.group != "overbelasting"));
    }

    #[test]
    fn a_term_ending_in_its_verb_is_found_with_the_verb_second() {
        // "aan het werk houden": a main clause puts "houd" second and the rest at its end.
        let found = expand("hoe houd ik een medewerker met klachten aan het werk");
        let kept = found.iter().find(|e| e.group == "werkbehoud").expect("the verb-second form is the same term");
        assert_eq!((kept.start, kept.end), (7, 10), "{found:?}");
        // Without the verb the rest is no term; nor with the verb after it (that is another
        // sentence: "aan het werk; houd vol").
        assert!(expand("hoe ik een medewerker met klachten aan het werk").iter().all(|e| e.group != "werkbehoud"));
        assert!(expand("aan het werk en houd vol").iter().all(|e| e.group != "werkbehoud"));
    }

    #[test]
    fn a_real_word_two_letters_from_a_term_is_not_respelt_into_it() {
        let (t, _) = bundled();
        // "dementie" is two edits from "retentie" (keeping staff): not a typo of it.
        assert_eq!(t.nearest("dementie"), None);
        // Two typos that keep the first letter are still read as the term.
        assert_eq!(t.nearest("mantlzorgr").map(|(w, _)| w).as_deref(), Some("mantelzorg"));
    }

    #[test]
    fn a_term_beginning_with_its_verb_is_found_with_words_between() {
        // "zorgen voor mijn moeder": the verb second, the rest after what else she does.
        let found = expand("ik zorg naast mijn fulltime baan voor mijn moeder");
        assert!(found.iter().any(|e| e.group == "mantelzorg"), "{found:?}");
    }

    #[test]
    fn a_pronoun_between_the_verb_and_the_rest_is_passed_over() {
        // "belachelijk maken": "ze maken me belachelijk", and in the present tense "hij maakt
        // me belachelijk" (a "-t" the stemmer keeps).
        for text in ["ze maken me belachelijk", "hij maakt me belachelijk"] {
            assert!(expand(text).iter().any(|e| e.group == "pesten"), "{text}: {:?}", expand(text));
        }
        // Without the rest of the term, the pronoun finds nothing.
        assert!(expand("ze maken me blij").iter().all(|e| e.group != "pesten"));
        // A question puts its subject there: "voorkomen dat hij uitvalt".
        let found = expand("hoe voorkomen we dat hij uitvalt");
        assert!(found.iter().any(|e| e.group == "werkbehoud"), "{found:?}");
    }

    #[test]
    fn a_short_real_word_one_letter_from_a_term_is_not_respelt_into_it() {
        let (t, _) = bundled();
        // "baan" (a job) is "baas" (a boss) with one letter changed: a word of its own.
        assert_eq!(t.nearest("baan"), None);
        // A letter left out, or two swapped, is still a typo of a short term.
        assert_eq!(t.nearest("stres").map(|(w, _)| w).as_deref(), Some("stress"));
        assert_eq!(t.nearest("abas").map(|(w, _)| w).as_deref(), Some("baas"));
        assert!(swapped("abas", "baas") && !swapped("baan", "baas") && !swapped("abcd", "badc"));
        // "drie" (three) is not "rie" (an abbreviation) with a letter more.
        assert_eq!(t.nearest("drie"), None);
        // A hyphenated term is typed and read without its hyphen: it is itself, no typo.
        assert_eq!(t.nearest("checkin"), None);
    }

    #[test]
    fn a_programme_is_not_a_programmer() {
        // The English stem of "programme" is that of "programmer" (the ICT sector).
        for text in ["wellness programme", "programme"] {
            assert!(expand(text).iter().all(|e| e.group != "ict"), "{text}: {:?}", expand(text));
        }
    }

    #[test]
    fn a_term_is_found_whoever_it_happens_to() {
        // The thesaurus writes "over mijn grenzen"; told of someone else, it is the same.
        for text in ["ze gaat over haar grenzen", "we gaan over onze grenzen", "over mijn grenzen"] {
            assert!(expand(text).iter().any(|e| e.group == "overbelasting"), "{text}: {:?}", expand(text));
        }
        // The pronoun alone is no term, and the term still needs its own words.
        assert!(expand("haar grenzen").iter().all(|e| e.group != "overbelasting"));
    }

    #[test]
    fn an_english_word_adds_dutch_words_only() {
        let found = expand("harassment");
        assert!(!found.is_empty());
        for (phrase, _) in &found[0].phrases {
            assert_ne!(phrase, "harassment");
        }
        assert!(found[0].phrases.iter().any(|(p, _)| p == "ongewenst gedrag"), "{found:?}");
    }

    #[test]
    fn a_narrower_word_reaches_its_group_for_less_than_a_synonym() {
        let found = expand("tijdsdruk");
        assert_eq!(found.first().map(|e| e.group.as_str()), Some("werkdruk"));
        // The group's own words for less than a synonym would get; its wider groups' for
        // less again.
        let (own, wider): (Vec<_>, Vec<_>) = found[0].phrases.iter().partition(|(_, w)| *w == FROM_NARROWER);
        assert!(own.iter().any(|(t, _)| t == "werkdruk"), "{found:?}");
        assert!(!wider.is_empty() && wider.iter().all(|(_, w)| *w < BROADER), "{found:?}");
    }

    #[test]
    fn a_wider_group_counts_for_less_again() {
        let found = expand("werkdruk");
        let weights: Vec<f32> = found[0].phrases.iter().map(|(_, w)| *w).collect();
        assert!(weights.contains(&BROADER), "{found:?}");
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "best first: {weights:?}");
    }
}
