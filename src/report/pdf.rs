//! The advice report as PDF, typeset by typst used as a library: no browser, no network,
//! fonts built into the program. The report's data reaches typst as a JSON file in a
//! virtual file system, so no catalogue or user text is ever read as typst markup.

use serde::Serialize;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::evaluate::{self, EvaluationPart, PairGroup};
use super::rows::{
    Covered, LEIDRAAD_NONE, LEIDRAAD_TITLE, LeidraadPart, Table, answer_lines, colophon, coverage_table, item_facts,
    leidraad, note_lines, plan_table, pva_table, source_lines, visit_facts,
};
use super::talk::{self, TalkPart};
use super::{ReportData, known, pva};
use crate::error::{Error, Result};

/// The typst template; it reads `data.json` and lays out an A4 report.
const TEMPLATE: &str = include_str!("report.typ");

/// What the template shows, with every label already in Dutch.
#[derive(Debug, Serialize)]
struct View {
    org: String,
    subtitle: String,
    visit: Vec<(String, String)>,
    answers: Vec<(String, String)>,
    notes: Vec<String>,
    leidraad_title: &'static str,
    leidraad: Vec<LeidraadPart>,
    leidraad_none: &'static str,
    items: Vec<ItemView>,
    coverage: Option<Table>,
    plan: Table,
    pva_title: &'static str,
    pva_intro: Vec<String>,
    pva: Table,
    chosen_notes: Vec<(String, String)>,
    talk_title: &'static str,
    talk: Vec<TalkPart>,
    comparisons: Vec<(String, Vec<[String; 4]>)>,
    comparison_heads: [&'static str; 4],
    low_intro: &'static str,
    low: Vec<String>,
    evaluation_title: &'static str,
    evaluation: bool,
    pair_groups: Vec<PairGroup>,
    pair_heads: [&'static str; 6],
    evaluations: Vec<EvaluationPart>,
    indicator_heads: [&'static str; 5],
    new_advice_title: &'static str,
    new_advice_intro: &'static str,
    new_advice_signals: Vec<String>,
    new_advice: Vec<String>,
    sources: Vec<String>,
    footer: String,
}

#[derive(Debug, Serialize)]
struct ItemView {
    name: String,
    summary: String,
    why: Option<String>,
    reasons: Vec<String>,
    facts: Vec<(String, String)>,
}

fn view(data: &ReportData) -> View {
    let d = &data.dossier;
    let t = &data.taxonomy;
    let visit = visit_facts(d, t).into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    let items = data
        .items
        .iter()
        .map(|item| {
            let r = &item.record;
            ItemView {
                name: r.name.clone(),
                summary: r.summary.clone(),
                why: item.why.clone(),
                reasons: item.reasons.clone(),
                facts: item_facts(r, t).into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            }
        })
        .collect();
    View {
        org: d.info.org.clone(),
        subtitle: format!(
            "{}{}",
            known(&d.info.department),
            d.info.visit_date.as_deref().map(|x| format!(" · bezoek op {}", super::nl_date(x))).unwrap_or_default()
        ),
        visit,
        answers: answer_lines(&d.answers, t),
        notes: data.advice.notes.clone(),
        leidraad_title: LEIDRAAD_TITLE,
        leidraad: leidraad(data),
        leidraad_none: LEIDRAAD_NONE,
        items,
        coverage: coverage_table(data, Covered::Word),
        plan: plan_table(data),
        pva_title: pva::TITLE,
        pva_intro: pva::intro(data),
        pva: pva_table(data),
        chosen_notes: note_lines(data),
        talk_title: talk::TITLE,
        talk: talk::parts(data),
        comparisons: talk::comparisons(data),
        comparison_heads: talk::COMPARISON_COLUMNS,
        low_intro: talk::LOW_INTRO,
        low: talk::low_lines(data),
        evaluation_title: evaluate::TITLE,
        evaluation: evaluate::present(data),
        pair_groups: evaluate::groups(data),
        pair_heads: evaluate::COLUMNS,
        evaluations: evaluate::parts(data),
        indicator_heads: evaluate::INDICATOR_COLUMNS,
        new_advice_title: evaluate::NEW_ADVICE,
        new_advice_intro: evaluate::NEW_ADVICE_INTRO,
        new_advice_signals: evaluate::new_advice(data).0,
        new_advice: evaluate::new_advice(data).1,
        sources: source_lines(data),
        footer: colophon(data),
    }
}

/// The world typst compiles in: the template, the data, and the bundled fonts.
struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

/// The one typeface the report and the conversation sheet use (`report.typ`,
/// `talk_sheet.typ`): Libertinus Serif in the four styles they set, unmodified, under the SIL
/// Open Font License 1.1 (fonts/OFL.txt). typst-assets' `fonts` feature would bring 17 fonts
/// (8.6 MB) of which the report uses these four (1.2 MB).
const FONTS: [&[u8]; 4] = [
    include_bytes!("fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("fonts/LibertinusSerif-BoldItalic.otf"),
];

/// Typesets the report as PDF bytes.
pub fn pdf(data: &ReportData) -> Result<Vec<u8>> {
    typeset(TEMPLATE, "rapport.typ", &view(data))
}

/// Typesets `template` (named `name` in errors) with `data` as its `data.json`: the report,
/// and a conversation guide's sheet.
pub(super) fn typeset<T: Serialize>(template: &str, name: &str, data: &T) -> Result<Vec<u8>> {
    let fail = |what: &str, detail: String| Error::Report { reason: format!("{what}: {detail}") };
    let fonts: Vec<Font> = FONTS.iter().flat_map(|bytes| Font::iter(Bytes::new(*bytes))).collect();
    let main_id = FileId::new(None, VirtualPath::new(name));
    let data_id = FileId::new(None, VirtualPath::new("data.json"));
    let json = serde_json::to_vec(data).map_err(Error::json("de gegevens van het rapport"))?;
    let world = ReportWorld {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
        main: Source::new(main_id, template.to_string()),
        data_id,
        data: Bytes::new(json),
    };
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        fail("het opmaken mislukte", errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "))
    })?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|errors| {
        fail(
            "het schrijven van de PDF mislukte",
            errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join("; "),
        )
    })
}
