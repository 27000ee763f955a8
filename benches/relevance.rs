//! How well the search finds what a professional expects, over the judged query set in
//! tests/search/queries.toml: hit@1/3/5/10, MRR@5 and MRR@10 per kind of query and overall, then
//! the queries with no expected record in the first five.
//!
//!   cargo bench --bench relevance               (the table)
//!   cargo bench --bench relevance -- --misses   (and every miss, with what came instead)

use keuzehulp::Keuzehulp;
use keuzehulp::search::Filters;
use keuzehulp::search::relevance::{self, Judged};

fn main() {
    let show_misses = std::env::args().any(|a| a == "--misses");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/queries.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let queries: Vec<Judged> = relevance::parse(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let dir = std::env::temp_dir().join(format!("keuzehulp-relevance-{}", std::process::id()));
    let mut app = Keuzehulp::open(&dir).unwrap_or_else(|e| fail(&e.to_string()));
    let report = relevance::measure(&queries, |q| {
        app.search(q, &Filters::default(), 10).map(|r| r.hits.into_iter().map(|h| h.id).collect())
    })
    .unwrap_or_else(|e| fail(&e.to_string()));
    let _ = std::fs::remove_dir_all(&dir);
    println!("judged query set: {} ({} queries)\n", path.display(), queries.len());
    print!("{report}");
    println!("\n{} queries with no expected record in the first five", report.misses.len());
    if show_misses {
        for (q, expected, found) in &report.misses {
            println!("  {q:?}\n    expected {}\n    found    {}", expected.join(", "), found.join(", "));
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("relevance: {message}");
    std::process::exit(1)
}
