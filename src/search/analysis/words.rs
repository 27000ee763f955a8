//! Words as written: splitting a text into words (hyphenated and `&`-joined words whole and
//! in pieces), lower-casing and folding accents.

use super::lists::MAX_ABBREVIATION_PIECE;

/// A word as written: its joined form and, for "burn-out" or "RI&E", its pieces.
pub(super) struct Word {
    pub(super) joined: String,
    pub(super) pieces: Vec<String>,
}

impl Word {
    /// A separable verb joined with its particle: one word, whose pieces are not its parts
    /// ("buiten" + "sluiten" is not *buit* + *sluit*; the words were typed apart only
    /// because Dutch splits the verb).
    pub(super) fn rejoined(joined: String) -> Word {
        Word { pieces: vec![joined.clone()], joined }
    }

    pub(super) fn has_parts(&self) -> bool {
        self.pieces.len() > 1
    }

    pub(super) fn parts(&self) -> impl Iterator<Item = String> + '_ {
        self.pieces.iter().filter(|p| p.chars().count() >= 2).cloned()
    }

    /// The word's first `max_chars` letters, with the pieces that fall within them.
    pub(super) fn cut(self, max_chars: usize) -> Word {
        let mut left = max_chars;
        let mut pieces = Vec::new();
        for piece in self.pieces {
            if left == 0 {
                break;
            }
            let kept: String = piece.chars().take(left).collect();
            left -= kept.chars().count();
            pieces.push(kept);
        }
        Word { joined: pieces.concat(), pieces }
    }
}

pub(super) fn is_connector(c: char) -> bool {
    matches!(c, '-' | '&' | '\'' | '\u{2019}' | '/' | '_')
}

/// Splits text into folded words. Brackets inside a word vanish ("[Ont]regel" → "ontregel").
/// An abbreviation written with "&" or "/" between short pieces keeps its sign ("RI&E" →
/// `ri&e`, "P&O" → `p&o`, "24/7"), so that it does not meet another abbreviation of the same
/// letters ("PO", primair onderwijs); "/" between longer words separates them ("PMO/PAGO" →
/// `pmo`, `pago`).
pub(super) fn split_words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut pieces: Vec<String> = Vec::new();
    let mut signs: Vec<char> = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            push_folded(&mut current, c);
        } else if matches!(c, '[' | ']') {
            // Part of a word when written inside one.
        } else if is_connector(c) && (!current.is_empty()) && chars.peek().is_some_and(|n| n.is_alphanumeric()) {
            pieces.push(std::mem::take(&mut current));
            signs.push(c);
        } else {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
            flush_word(&mut words, std::mem::take(&mut pieces), std::mem::take(&mut signs));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    flush_word(&mut words, pieces, signs);
    words
}

/// Joins the pieces of one written word (`signs[k]` stands between piece k and k + 1).
pub(super) fn flush_word(words: &mut Vec<Word>, pieces: Vec<String>, signs: Vec<char>) {
    let mut joined = String::new();
    let mut kept: Vec<String> = Vec::new();
    let short = |p: &str| p.chars().count() <= MAX_ABBREVIATION_PIECE;
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            let sign = signs.get(k - 1).copied().unwrap_or('-');
            let abbreviation = matches!(sign, '&' | '/') && short(&pieces[k - 1]) && short(piece);
            if abbreviation {
                joined.push(sign);
            } else if sign == '/' {
                words.push(Word { joined: std::mem::take(&mut joined), pieces: std::mem::take(&mut kept) });
            }
        }
        joined.push_str(piece);
        kept.push(piece.clone());
    }
    if !kept.is_empty() {
        words.push(Word { joined, pieces: kept });
    }
}

/// Lower-cases and folds accents into `out`.
pub(super) fn push_folded(out: &mut String, c: char) {
    for lower in c.to_lowercase() {
        match lower {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => out.push('a'),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => out.push('i'),
            'ñ' | 'ń' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'š' | 'ś' => out.push('s'),
            'ž' | 'ź' | 'ż' => out.push('z'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ĳ' => out.push_str("ij"),
            other => out.push(other),
        }
    }
}

/// Lower-cases and folds a whole string (no splitting).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(&mut out, c);
    }
    out
}

/// The folded, unstemmed words of `text` (for prefix search while typing).
pub fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in split_words(text) {
        if word.has_parts() {
            out.extend(word.parts());
        }
        out.push(word.joined);
    }
    out
}

/// The words of `text` as written, folded ("Bij wie kan ik terecht?" → bij, wie, kan, ik,
/// terecht): for finding a phrase in it with [`holds_phrase`].
pub fn folded_words(text: &str) -> Vec<String> {
    split_words(text).into_iter().map(|w| w.joined).collect()
}

/// Whether the words of `phrase` stand side by side, in that order, among `words` (from
/// [`folded_words`]).
pub fn holds_phrase(words: &[String], phrase: &str) -> bool {
    let wanted = folded_words(phrase);
    !wanted.is_empty() && words.windows(wanted.len()).any(|run| run == wanted.as_slice())
}

/// The adjectives a comparative or superlative may be made from, longest suffix first:
/// "gestrester" → "gestrest", "drukste" → "druk" (a doubled last letter undone: "drukker" →
/// "druk"). Only words of at least three letters remain; a caller checks which is a word.
pub fn degree_bases(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["ere", "ste", "er", "st"] {
        let Some(base) = word.strip_suffix(suffix) else { continue };
        let chars: Vec<char> = base.chars().collect();
        if chars.len() < 3 {
            continue;
        }
        out.push(base.to_string());
        if let [.., a, b] = chars[..]
            && a == b
            && !"aeiou".contains(a)
        {
            out.push(chars[..chars.len() - 1].iter().collect());
        }
    }
    out
}
