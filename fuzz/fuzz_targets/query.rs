//! Fuzz target `query`: what a person types into the search box, through the whole query
//! path: Dutch analysis (splitting, folding, stop words, decompounding, stemming), the
//! bounds on a query, spelling correction from the index's vocabulary (fuzzy expansion),
//! query building and the search itself, over the bundled catalogue.
//!
//! The property: no panic, no crash, no hang (libFuzzer's `-timeout`), and the bounds hold:
//! at most `MAX_QUERY_WORDS` words are used, no analysed term is longer than a cut word,
//! and the number of hits respects the limit. The first byte picks the limit and a filter.

#![no_main]

use std::sync::{Mutex, OnceLock};

use keuzehulp::Keuzehulp;
use keuzehulp::search::{Filters, MAX_QUERY_WORDS, MAX_WORD_CHARS};
use libfuzzer_sys::fuzz_target;

/// One Keuzehulp per process, with its store and index in a fresh directory.
fn app() -> &'static Mutex<Keuzehulp> {
    static APP: OnceLock<Mutex<Keuzehulp>> = OnceLock::new();
    APP.get_or_init(|| {
        let base = std::env::var_os("KEUZEHULP_FUZZ_STORE_DIR").map_or_else(std::env::temp_dir, Into::into);
        let dir = base.join(format!("keuzehulp-fuzz-query-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Mutex::new(Keuzehulp::open(&dir).expect("a fresh data directory opens"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    // The search box and `search --stdin` hand over text; invalid UTF-8 never gets here.
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let limit = usize::from(choice % 32);
    let filters = match choice / 32 {
        1 => Filters { level: Some("team".into()), ..Filters::default() },
        2 => Filters { step: Some("B2".into()), ..Filters::default() },
        3 => Filters { sector: Some("zorg".into()), ..Filters::default() },
        _ => Filters::default(),
    };
    let Ok(mut app) = app().lock() else { return };
    let result = app.search(text, &filters, limit).expect("a search over a good index answers");
    assert!(result.hits.len() <= limit, "{} hits for limit {limit}", result.hits.len());
    assert!(result.nearest.len() <= limit.max(1));
    // Each word gives its stem and at most a handful of compound parts, each from a cut word.
    assert!(result.terms.len() <= MAX_QUERY_WORDS * 16, "{} terms", result.terms.len());
    for term in &result.terms {
        // Folding can turn one letter into two ("ß" → "ss"), so a cut word may grow a little.
        assert!(term.chars().count() <= 2 * MAX_WORD_CHARS, "term of {} chars", term.chars().count());
    }
    assert!(result.query.chars().count() <= keuzehulp::search::MAX_QUERY_CHARS);
});
