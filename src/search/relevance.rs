//! Measuring the search against a judged query set (`tests/search/queries.toml`): for each
//! query, the records a professional would expect near the top. Reports hit@k (the share of
//! queries with an expected record in the first k) and MRR@10 (the mean of 1/rank of the
//! first expected record, 0 beyond ten), overall and per kind of query. Used by
//! `cargo bench --bench relevance` and by a test that keeps the figures from falling.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

/// The query set as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    query: Vec<Judged>,
}

/// One judged query.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Judged {
    /// The query, as typed.
    pub q: String,
    /// What kind of query: catalogue-words, colloquial, english, typo, question, developer,
    /// sector-profession.
    pub category: String,
    /// The records expected near the top, best first.
    pub relevant: Vec<String>,
    /// Who asks (for the category `situation`): bedrijfsarts, hr-adviseur, teamleider,
    /// medewerker.
    #[serde(default)]
    pub audience: Option<String>,
    /// Why.
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads a query set.
pub fn parse(text: &str) -> Result<Vec<Judged>, String> {
    toml::from_str::<File>(text).map(|f| f.query).map_err(|e| e.to_string())
}

/// Scores over a number of queries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// How many queries.
    pub queries: usize,
    /// Share with an expected record first.
    pub hit1: f64,
    /// … in the first three.
    pub hit3: f64,
    /// … in the first five.
    pub hit5: f64,
    /// … in the first ten.
    pub hit10: f64,
    /// Mean reciprocal rank of the first expected record (0 beyond five).
    pub mrr5: f64,
    /// Mean reciprocal rank of the first expected record (0 beyond ten).
    pub mrr10: f64,
}

/// What the set gave: overall, per category, and the queries with nothing expected in the
/// first five (with what came instead).
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Over all queries.
    pub overall: Scores,
    /// Per category.
    pub by_category: BTreeMap<String, Scores>,
    /// Queries with no expected record in the first five: query, expected, found.
    pub misses: Vec<(String, Vec<String>, Vec<String>)>,
}

/// Runs every query through `search` (which returns the ids of the first ten hits, best
/// first) and scores the answers.
pub fn measure<E>(queries: &[Judged], mut search: impl FnMut(&str) -> Result<Vec<String>, E>) -> Result<Report, E> {
    let mut ranks: Vec<(&str, Option<usize>)> = Vec::with_capacity(queries.len());
    let mut report = Report::default();
    for judged in queries {
        let found = search(&judged.q)?;
        let rank = found.iter().take(10).position(|id| judged.relevant.contains(id)).map(|p| p + 1);
        if rank.is_none_or(|r| r > 5) {
            report.misses.push((judged.q.clone(), judged.relevant.clone(), found.into_iter().take(5).collect()));
        }
        ranks.push((&judged.category, rank));
    }
    report.overall = scores(ranks.iter().map(|(_, r)| *r));
    let categories: std::collections::BTreeSet<&str> = ranks.iter().map(|(c, _)| *c).collect();
    for category in categories {
        let of = ranks.iter().filter(|(c, _)| *c == category).map(|(_, r)| *r);
        report.by_category.insert(category.to_string(), scores(of));
    }
    Ok(report)
}

fn scores(ranks: impl Iterator<Item = Option<usize>>) -> Scores {
    let ranks: Vec<Option<usize>> = ranks.collect();
    let n = ranks.len();
    if n == 0 {
        return Scores::default();
    }
    let share = |k: usize| ranks.iter().filter(|r| r.is_some_and(|r| r <= k)).count() as f64 / n as f64;
    let mrr =
        |k: usize| ranks.iter().map(|r| r.filter(|r| *r <= k).map_or(0.0, |r| 1.0 / r as f64)).sum::<f64>() / n as f64;
    Scores {
        queries: n,
        hit1: share(1),
        hit3: share(3),
        hit5: share(5),
        hit10: share(10),
        mrr5: mrr(5),
        mrr10: mrr(10),
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<18} {:>7} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7}",
            "queries", "n", "hit@1", "hit@3", "hit@5", "hit@10", "MRR@5", "MRR@10"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, s: &Scores| {
            writeln!(
                f,
                "{:<18} {:>7} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>7.2} {:>7.2}",
                name, s.queries, s.hit1, s.hit3, s.hit5, s.hit10, s.mrr5, s.mrr10
            )
        };
        for (category, s) in &self.by_category {
            row(f, category, s)?;
        }
        row(f, "all", &self.overall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(q: &str, category: &str, relevant: &[&str]) -> Judged {
        Judged {
            q: q.into(),
            category: category.into(),
            relevant: relevant.iter().map(|s| s.to_string()).collect(),
            audience: None,
            note: None,
        }
    }

    #[test]
    fn hit_at_k_and_mrr_follow_the_rank_of_the_first_expected_record() {
        let queries = [judged("a", "x", &["r1"]), judged("b", "x", &["r2", "r9"]), judged("c", "y", &["r3"])];
        let answers: BTreeMap<&str, Vec<String>> = [
            ("a", vec!["r1".to_string()]),
            ("b", ["q1", "q2", "q3", "r9"].map(String::from).to_vec()),
            ("c", vec!["q".to_string()]),
        ]
        .into_iter()
        .collect();
        let report = measure(&queries, |q| Ok::<_, ()>(answers[q].clone())).expect("measured");
        let all = report.overall;
        assert_eq!(all.queries, 3);
        assert!((all.hit1 - 1.0 / 3.0).abs() < 1e-9);
        assert!((all.hit5 - 2.0 / 3.0).abs() < 1e-9);
        assert!((all.mrr10 - (1.0 + 0.25) / 3.0).abs() < 1e-9);
        assert!((all.mrr5 - (1.0 + 0.25) / 3.0).abs() < 1e-9);
        assert_eq!(report.by_category["y"].hit10, 0.0);
        assert_eq!(report.misses.len(), 1);
        assert_eq!(report.misses[0].0, "c");
    }
}
