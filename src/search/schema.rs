//! The index's fields (stemmed text with boosts, plain words, the taxonomy's slugs and facet
//! tags), how a record becomes a document, and the filters as a query.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TantivyDocument, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Term};

use super::Filters;
use super::analysis::{Analyzer, DutchPartsTokenizer, DutchTokenizer, DutchWholeTokenizer, PlainTokenizer};
use crate::catalogue::{Intervention, Taxonomy};

pub(super) const NL: &str = "kh_nl";
/// Names and aliases: whole words only.
pub(super) const NL_WHOLE: &str = "kh_nl_whole";
/// The parts of the compounds in names and aliases.
pub(super) const NL_PARTS: &str = "kh_nl_parts";
/// The stemmed text fields and their boosts: name and aliases above summary above body. A
/// part of a compound in a name or alias ("team" in "Teamcoach") weighs as the summary. The
/// situations in people's own words weigh as the labels: more than the body, which tells
/// the same in the sources' words, less than the summary (chosen beforehand, not fitted).
pub(super) const WEIGHTED: [(&str, f32); 7] = [
    ("name", 5.0),
    ("aliases", 4.0),
    ("name_parts", 2.0),
    ("summary", 2.0),
    ("labels", 1.5),
    ("body", 1.0),
    ("situations", 1.5),
];
pub(super) const PLAIN: &str = "kh_plain";

/// Field handles, looked up once.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fields {
    pub(super) id: Field,
    pub(super) name: Field,
    pub(super) aliases: Field,
    /// The parts of the compounds in the name and aliases.
    pub(super) name_parts: Field,
    pub(super) summary: Field,
    pub(super) stored_summary: Field,
    pub(super) body: Field,
    pub(super) labels: Field,
    /// The record's situations in people's own words (`data/situations.toml`).
    pub(super) situations: Field,
    pub(super) plain: Field,
    pub(super) levels: Field,
    pub(super) steps: Field,
    pub(super) roles: Field,
    pub(super) themes: Field,
    pub(super) sectors: Field,
    pub(super) evidence: Field,
    /// The last day the evidence judgement holds (`evidence_holds_through`), when it can lapse.
    pub(super) holds_through: Field,
    pub(super) cost: Field,
    pub(super) tags: Field,
}

pub(super) fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let nl_with = |tokenizer: &str, stored: bool| {
        let indexing =
            TextFieldIndexing::default().set_tokenizer(tokenizer).set_index_option(IndexRecordOption::WithFreqs);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored { options.set_stored() } else { options }
    };
    let nl = |stored: bool| nl_with(NL, stored);
    let plain = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(PLAIN).set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        name: b.add_text_field("name", nl_with(NL_WHOLE, true)),
        aliases: b.add_text_field("aliases", nl_with(NL_WHOLE, false)),
        name_parts: b.add_text_field("name_parts", nl_with(NL_PARTS, false)),
        summary: b.add_text_field("summary", nl(false)),
        stored_summary: b.add_text_field("summary_text", STORED),
        body: b.add_text_field("body", nl(false)),
        labels: b.add_text_field("labels", nl(false)),
        situations: b.add_text_field("situations", nl(false)),
        plain: b.add_text_field("plain", plain),
        levels: b.add_text_field("level", STRING | STORED),
        steps: b.add_text_field("step", STRING | STORED),
        roles: b.add_text_field("role", STRING),
        themes: b.add_text_field("theme", STRING),
        sectors: b.add_text_field("sector", STRING),
        evidence: b.add_text_field("evidence", STRING | FAST),
        holds_through: b.add_text_field("holds_through", STRING),
        cost: b.add_text_field("cost", STRING),
        tags: b.add_facet_field("tags", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// The facet groups counted for the UI, with their tag prefix.
pub(super) const FACETS: &[&str] = &["level", "step", "role", "theme", "sector", "evidence", "cost", "kind"];

/// The facet group that holds, per record whose evidence can lapse, "<last day> <level>":
/// counted beside the others, so the evidence counts can treat a lapsed judgement as none
/// on the day asked, without rebuilding the index each day.
pub(super) const LAPSE_FACET: &str = "lapse";

pub(super) fn register_tokenizers(index: &Index, analyzer: &Analyzer) {
    index.tokenizers().register(NL, TextAnalyzer::from(DutchTokenizer(analyzer.clone())));
    index.tokenizers().register(NL_WHOLE, TextAnalyzer::from(DutchWholeTokenizer(analyzer.clone())));
    index.tokenizers().register(NL_PARTS, TextAnalyzer::from(DutchPartsTokenizer(analyzer.clone())));
    index.tokenizers().register(PLAIN, TextAnalyzer::from(PlainTokenizer));
}

/// The index's document for record `r`, with its `situations` in people's own words
/// (`data/situations.toml`), when it has them.
pub(super) fn document(
    f: &Fields,
    r: &Intervention,
    taxonomy: &Taxonomy,
    situations: Option<&Vec<String>>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(f.id, &r.id);
    doc.add_text(f.name, &r.name);
    doc.add_text(f.name_parts, &r.name);
    for alias in &r.aliases {
        doc.add_text(f.aliases, alias);
        doc.add_text(f.name_parts, alias);
    }
    doc.add_text(f.summary, &r.summary);
    doc.add_text(f.stored_summary, &r.summary);
    let mut body: Vec<&str> = Vec::new();
    for text in [&r.benefits, &r.involves, &r.time, &r.cost, &r.privacy, &r.evidence.basis].into_iter().flatten() {
        body.push(text);
    }
    body.extend(r.evidence.references.iter().map(String::as_str));
    body.extend(r.developed_by.iter().flatten().map(String::as_str));
    body.extend(r.themes.iter().map(String::as_str));
    body.extend(r.risk_groups.iter().map(String::as_str));
    body.push(&r.kind);
    doc.add_text(f.body, body.join("\n"));
    let label = |terms: &[crate::catalogue::Term], id: &str| {
        terms.iter().find(|t| t.id == id).map(|t| t.label.clone()).unwrap_or_else(|| id.to_string())
    };
    let mut labels: Vec<String> = Vec::new();
    labels.extend(r.themes.iter().map(|id| label(&taxonomy.themes, id)));
    labels.extend(r.risk_groups.iter().map(|id| label(&taxonomy.risk_groups, id)));
    labels.extend(r.steps.iter().map(|id| label(&taxonomy.steps, id)));
    labels.push(label(&taxonomy.kinds, &r.kind));
    doc.add_text(f.labels, labels.join("\n"));
    if let Some(phrases) = situations {
        doc.add_text(f.situations, phrases.join("\n"));
    }
    for text in std::iter::once(&r.name).chain(&r.aliases).chain(std::iter::once(&r.summary)) {
        doc.add_text(f.plain, text);
    }
    for text in body {
        doc.add_text(f.plain, text);
    }
    let tag = |doc: &mut TantivyDocument, group: &str, value: &str| {
        doc.add_facet(f.tags, Facet::from_path([group, value]));
    };
    for (field, group, values) in [
        (f.levels, "level", &r.levels),
        (f.steps, "step", &r.steps),
        (f.roles, "role", &r.roles),
        (f.themes, "theme", &r.themes),
        (f.sectors, "sector", &r.sectors),
    ] {
        for value in values {
            doc.add_text(field, value);
            tag(&mut doc, group, value);
        }
    }
    doc.add_text(f.evidence, &r.evidence.level);
    tag(&mut doc, "evidence", &r.evidence.level);
    if let Some(through) = crate::catalogue::evidence_holds_through(&r.evidence) {
        doc.add_text(f.holds_through, &through);
        tag(&mut doc, LAPSE_FACET, &format!("{through} {}", r.evidence.level));
    }
    doc.add_text(f.cost, &r.cost_class);
    tag(&mut doc, "cost", &r.cost_class);
    tag(&mut doc, "kind", &r.kind);
    doc
}

pub(super) fn filter_query(f: &Fields, filters: &Filters, taxonomy: &Taxonomy, today: &str) -> Option<Box<dyn Query>> {
    let term = |field: Field, value: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for (field, value) in [
        (f.levels, &filters.level),
        (f.steps, &filters.step),
        (f.roles, &filters.role),
        (f.themes, &filters.theme),
        (f.cost, &filters.cost),
    ] {
        if let Some(value) = value {
            must.push((Occur::Must, term(field, value)));
        }
    }
    if let Some(level) = &filters.evidence {
        // A judgement that has lapsed today counts as "onbekend", as in the facet counts.
        let lapsed = || -> Box<dyn Query> {
            Box::new(RangeQuery::new(Bound::Unbounded, Bound::Excluded(Term::from_field_text(f.holds_through, today))))
        };
        if level == crate::catalogue::model::UNKNOWN {
            must.push((
                Occur::Must,
                Box::new(BooleanQuery::new(vec![(Occur::Should, term(f.evidence, level)), (Occur::Should, lapsed())])),
            ));
        } else {
            must.push((Occur::Must, term(f.evidence, level)));
            must.push((Occur::MustNot, lapsed()));
        }
    }
    if let Some(sector) = &filters.sector {
        let any: Vec<(Occur, Box<dyn Query>)> = crate::catalogue::sectors_fitting(taxonomy, sector)
            .iter()
            .map(|s| (Occur::Should, term(f.sectors, s)))
            .collect();
        must.push((Occur::Must, Box::new(BooleanQuery::new(any))));
    }
    if must.is_empty() { None } else { Some(Box::new(BooleanQuery::new(must))) }
}
