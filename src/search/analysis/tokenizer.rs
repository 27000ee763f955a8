//! The tantivy tokenizers: the analysis as tantivy calls it for the stemmed fields, names
//! and aliases, their parts, and the plain (prefix) field.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::Analyzer;
use super::words::plain_words;

/// The tantivy tokenizer for the stemmed fields.
#[derive(Clone)]
pub struct DutchTokenizer(pub Analyzer);

/// The tantivy tokenizer for names and aliases: [`Analyzer::whole_terms`].
#[derive(Clone)]
pub struct DutchWholeTokenizer(pub Analyzer);

/// The tantivy tokenizer for the parts of names and aliases: [`Analyzer::part_terms`].
#[derive(Clone)]
pub struct DutchPartsTokenizer(pub Analyzer);

impl Tokenizer for DutchWholeTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(self.0.whole_terms(text))
    }
}

impl Tokenizer for DutchPartsTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(self.0.part_terms(text))
    }
}

/// The tantivy tokenizer for the plain (prefix) field.
#[derive(Clone)]
pub struct PlainTokenizer;

/// Tokens produced up front.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl VecTokenStream {
    fn new(terms: Vec<String>) -> Self {
        let tokens = terms
            .into_iter()
            .enumerate()
            .map(|(position, text)| Token { offset_from: 0, offset_to: 0, position, text, position_length: 1 })
            .collect();
        VecTokenStream { tokens, index: 0 }
    }
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.index < self.tokens.len() {
            self.index += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index.saturating_sub(1).min(self.tokens.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let i = self.index.saturating_sub(1).min(self.tokens.len().saturating_sub(1));
        &mut self.tokens[i]
    }
}

impl Tokenizer for DutchTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(self.0.terms(text))
    }
}

impl Tokenizer for PlainTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream::new(plain_words(text))
    }
}
