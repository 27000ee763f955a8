//! The thesaurus in `data/thesaurus.toml`: groups of words people use for the same thing,
//! read and checked. Shared with `build.rs` (which refuses a broken file), so it depends on
//! serde and toml only. How a query uses the groups is in [`super::expand`].

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    group: Vec<Group>,
}

/// One concept: its preferred Dutch term, the words that mean the same, narrower words,
/// wider groups and English words, and where the equivalence comes from.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable slug.
    pub id: String,
    /// The Dutch preferred term.
    pub preferred: String,
    /// Dutch terms with the same sense for a search.
    #[serde(default)]
    pub equivalent: Vec<String>,
    /// More specific terms (Dutch or English): they reach the group, for less.
    #[serde(default)]
    pub narrower: Vec<String>,
    /// Ids of wider groups.
    #[serde(default)]
    pub broader: Vec<String>,
    /// English terms with the same sense.
    #[serde(default)]
    pub english: Vec<String>,
    /// Where the equivalence comes from.
    pub source: String,
}

impl Group {
    /// The Dutch terms a query may be widened to: the preferred term, then the equivalents.
    pub fn dutch(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.preferred.as_str()).chain(self.equivalent.iter().map(String::as_str))
    }
}

/// The most terms one group may hold, and the longest term: a bound on the work per query.
pub const MAX_TERMS_PER_GROUP: usize = 80;
/// The longest term, in characters.
pub const MAX_TERM_CHARS: usize = 80;

/// Reads and checks the thesaurus. On failure: one line per problem, naming the group and
/// the field (`group 'werkdruk': broader: unknown group 'wrkdruk'`).
pub fn parse(text: &str) -> Result<Vec<Group>, Vec<String>> {
    let file: File = toml::from_str(text).map_err(|e| vec![format!("not valid TOML: {}", e.to_string().trim())])?;
    let groups = file.group;
    let mut problems = Vec::new();
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, g) in groups.iter().enumerate() {
        let at = format!("group {} ('{}')", i + 1, g.id);
        let slug = !g.id.is_empty() && g.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug {
            problems.push(format!("{at}: id: '{}' is not a slug of a-z, 0-9 and '-'", g.id));
        }
        if ids.insert(&g.id, i).is_some() {
            problems.push(format!("{at}: id: '{}' is used by an earlier group", g.id));
        }
        if g.source.trim().is_empty() {
            problems.push(format!("{at}: source: empty; name where the equivalence comes from"));
        }
        let count = 1 + g.equivalent.len() + g.narrower.len() + g.english.len();
        if count > MAX_TERMS_PER_GROUP {
            problems.push(format!("{at}: {count} terms; at most {MAX_TERMS_PER_GROUP}"));
        }
        let fields: [(&str, &[String]); 4] = [
            ("preferred", std::slice::from_ref(&g.preferred)),
            ("equivalent", &g.equivalent),
            ("narrower", &g.narrower),
            ("english", &g.english),
        ];
        for (field, terms) in fields {
            let mut seen = BTreeSet::new();
            for term in terms {
                if term.trim().is_empty() || !term.chars().any(char::is_alphanumeric) {
                    problems.push(format!("{at}: {field}: an empty term"));
                } else if term.chars().count() > MAX_TERM_CHARS {
                    problems.push(format!("{at}: {field}: '{term}' is longer than {MAX_TERM_CHARS} characters"));
                } else if !seen.insert(key(term)) {
                    problems.push(format!("{at}: {field}: '{term}' appears twice"));
                }
            }
        }
    }
    // Every term belongs to one group (a group may repeat a Dutch term in `english`).
    let mut owner: BTreeMap<String, &str> = BTreeMap::new();
    for g in &groups {
        let mut own: BTreeSet<String> = BTreeSet::new();
        for term in g.dutch().chain(g.narrower.iter().map(String::as_str)).chain(g.english.iter().map(String::as_str)) {
            let k = key(term);
            if !own.insert(k.clone()) {
                continue;
            }
            match owner.get(&k) {
                Some(other) if *other != g.id => problems.push(format!(
                    "group '{}': '{term}' is also a term of group '{other}'; a term belongs to one group",
                    g.id
                )),
                _ => {
                    owner.insert(k, &g.id);
                }
            }
        }
    }
    for g in &groups {
        for b in &g.broader {
            if b == &g.id {
                problems.push(format!("group '{}': broader: names the group itself", g.id));
            } else if !ids.contains_key(b.as_str()) {
                problems.push(format!("group '{}': broader: unknown group '{b}'", g.id));
            }
        }
    }
    if let Some(cycle) = find_cycle(&groups, &ids) {
        problems.push(format!("broader: a cycle: {}", cycle.join(" → ")));
    }
    if problems.is_empty() { Ok(groups) } else { Err(problems) }
}

/// How terms are compared when checking: lower case, single spaces.
fn key(term: &str) -> String {
    term.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A cycle in the `broader` links, as the ids along it, or `None`.
fn find_cycle(groups: &[Group], ids: &BTreeMap<&str, usize>) -> Option<Vec<String>> {
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; groups.len()];
    fn visit(
        i: usize,
        groups: &[Group],
        ids: &BTreeMap<&str, usize>,
        state: &mut [u8],
        path: &mut Vec<usize>,
    ) -> Option<Vec<String>> {
        state[i] = 1;
        path.push(i);
        for b in &groups[i].broader {
            let Some(&j) = ids.get(b.as_str()) else { continue };
            if j == i {
                continue;
            }
            if state[j] == 1 {
                let start = path.iter().position(|&p| p == j).unwrap_or(0);
                let mut cycle: Vec<String> = path[start..].iter().map(|&p| groups[p].id.clone()).collect();
                cycle.push(groups[j].id.clone());
                return Some(cycle);
            }
            if state[j] == 0
                && let Some(cycle) = visit(j, groups, ids, state, path)
            {
                return Some(cycle);
            }
        }
        path.pop();
        state[i] = 2;
        None
    }
    for i in 0..groups.len() {
        if state[i] == 0
            && let Some(cycle) = visit(i, groups, ids, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: &str, preferred: &str, extra: &str) -> String {
        format!("[[group]]\nid = \"{id}\"\npreferred = \"{preferred}\"\nsource = \"redactie: test\"\n{extra}\n")
    }

    fn problems(text: &str) -> Vec<String> {
        parse(text).err().unwrap_or_default()
    }

    #[test]
    fn the_bundled_thesaurus_is_valid() {
        let groups = parse(include_str!("../../data/thesaurus.toml")).expect("valid");
        assert!(groups.len() >= 100, "{} groups", groups.len());
    }

    #[test]
    fn each_kind_of_mistake_is_named_with_its_group_and_field() {
        let cases: &[(&str, String, &str)] = &[
            ("duplicate id", group("a", "een", "") + &group("a", "twee", ""), "is used by an earlier group"),
            ("not a slug", group("Werk Druk", "werkdruk", ""), "id: 'Werk Druk' is not a slug"),
            ("unknown broader", group("a", "een", "broader = [\"zz\"]"), "broader: unknown group 'zz'"),
            ("self as broader", group("a", "een", "broader = [\"a\"]"), "names the group itself"),
            (
                "cycle",
                group("a", "een", "broader = [\"b\"]") + &group("b", "twee", "broader = [\"a\"]"),
                "a cycle: a → b → a",
            ),
            (
                "term in two groups",
                group("a", "een", "equivalent = [\"Stress\"]") + &group("b", "twee", "narrower = [\"stress\"]"),
                "'stress' is also a term of group 'a'",
            ),
            ("twice in a list", group("a", "een", "english = [\"x\", \"X\"]"), "english: 'X' appears twice"),
            ("empty term", group("a", "een", "equivalent = [\" \"]"), "equivalent: an empty term"),
            (
                "empty source",
                "[[group]]\nid = \"a\"\npreferred = \"een\"\nsource = \"\"\n".to_string(),
                "source: empty",
            ),
            ("unknown field", group("a", "een", "synonym = [\"x\"]"), "not valid TOML"),
        ];
        for (what, text, expected) in cases {
            let found = problems(text);
            assert!(found.iter().any(|p| p.contains(expected)), "{what}: expected '{expected}' in {found:?}");
        }
    }

    #[test]
    fn english_may_repeat_a_dutch_term_of_its_own_group() {
        let text = group("burn-out", "burn-out", "english = [\"burn-out\", \"burnout\"]");
        assert_eq!(parse(&text).map(|g| g.len()), Ok(1));
    }
}
