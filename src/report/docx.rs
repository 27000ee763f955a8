//! The advice report as a Word document (DOCX), written with docx-rs: the same sections as
//! the PDF, with Word's own heading styles ("heading 1" to "heading 3", so the navigation
//! pane and a company template's styles work), real tables, bulleted lists and a footer
//! with page numbers. Text is passed to docx-rs as text; it escapes it for XML.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc, LevelText, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::rows::{
    Covered, LEIDRAAD_NONE, LEIDRAAD_TITLE, Table as Rows, answer_lines, colophon, coverage_table, item_facts,
    leidraad, note_lines, plan_table, pva_table, source_lines, visit_facts,
};
use super::{ReportData, known, pva, talk};
use crate::error::{Error, Result};

/// A4 in twentieths of a point, and 18 mm margins.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_020;
/// The text width between the margins, for table widths.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_020;
/// Our bullet list's numbering (docx-rs writes its own decimal numbering as number 1).
const BULLETS: usize = 2;

/// The report as the bytes of a `.docx` file.
pub fn docx(data: &ReportData) -> Result<Vec<u8>> {
    let d = &data.dossier;
    let t = &data.taxonomy;
    let mut doc = base();

    doc = doc.add_paragraph(styled("Subtitle", "Adviesrapport psychosociale arbeidsbelasting"));
    doc = doc.add_paragraph(styled("Title", &d.info.org));
    doc = doc.add_paragraph(para(&format!(
        "{}{}",
        known(&d.info.department),
        d.info.visit_date.as_deref().map(|x| format!(" · bezoek op {}", super::nl_date(x))).unwrap_or_default()
    )));

    doc = doc.add_paragraph(heading(1, "Het bezoek"));
    doc = doc.add_table(facts(visit_facts(d, t).into_iter().map(|(k, v)| (k.to_string(), v))));
    doc = doc.add_paragraph(heading(1, "De antwoorden"));
    doc = doc.add_table(facts(answer_lines(&d.answers, t).into_iter()));
    doc = talk_section(doc, data);
    for note in &data.advice.notes {
        doc = doc.add_paragraph(para(note).italic());
    }

    doc = doc.add_paragraph(heading(1, LEIDRAAD_TITLE));
    let parts = leidraad(data);
    if parts.is_empty() {
        doc = doc.add_paragraph(para(LEIDRAAD_NONE));
    }
    for part in &parts {
        doc = doc.add_paragraph(heading(2, &part.heading));
        for item in &part.items {
            doc = doc.add_paragraph(bullet(item));
        }
        if let Some(remark) = &part.remark {
            doc = doc.add_paragraph(para(remark).italic());
        }
    }

    doc = doc.add_paragraph(heading(1, "Aanbevolen interventies"));
    if data.items.is_empty() {
        doc = doc.add_paragraph(para("Er zijn (nog) geen interventies gekozen."));
    }
    for (i, item) in data.items.iter().enumerate() {
        let r = &item.record;
        doc = doc.add_paragraph(heading(2, &format!("{}. {}", i + 1, r.name)));
        doc = doc.add_paragraph(para(&r.summary));
        if let Some(why) = &item.why {
            doc = doc.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text("Waarom gekozen: ").bold()).add_run(text_run(why)),
            );
        }
        for reason in &item.reasons {
            doc = doc.add_paragraph(bullet(reason));
        }
        doc = doc.add_table(facts(item_facts(r, t).into_iter().map(|(k, v)| (k.to_string(), v))));
    }

    if let Some(coverage) = coverage_table(data, Covered::Word) {
        doc = doc.add_paragraph(heading(1, "Aanbod-scan: wat er al is en wat ontbreekt"));
        doc = doc.add_table(grid(&coverage));
    }

    doc = doc.add_paragraph(heading(1, "Actieplan"));
    if d.plan.is_empty() {
        doc = doc.add_paragraph(para("Nog geen actiepunten."));
    } else {
        doc = doc.add_table(grid(&plan_table(data)));
    }

    doc = doc.add_paragraph(heading(1, pva::TITLE));
    for line in pva::intro(data) {
        doc = doc.add_paragraph(para(&line));
    }
    if !d.plan.is_empty() {
        doc = doc.add_table(grid(&pva_table(data)));
    }

    let notes = note_lines(data);
    if !notes.is_empty() {
        doc = doc.add_paragraph(heading(1, "Notities"));
        for (date, text) in &notes {
            doc = doc.add_paragraph(
                Paragraph::new().add_run(Run::new().add_text(format!("{date}: ")).bold()).add_run(text_run(text)),
            );
        }
    }

    doc = doc.add_paragraph(heading(1, "Bronnen"));
    for line in source_lines(data) {
        doc = doc.add_paragraph(bullet(&line));
    }
    doc = doc.add_paragraph(para(&colophon(data)).size(18));

    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(16)
            .add_run(text_run(&format!("Adviesrapport {} · pagina ", d.info.org)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" van "))
            .add_num_pages(NumPages::new()),
    );
    doc = doc.footer(footer);

    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| Error::Report { reason: format!("het schrijven van het Word-bestand mislukte: {e}") })?;
    Ok(bytes.into_inner())
}

/// The section "Gesprekken": per conversation its chart as a table (the theme, five cells of
/// which the first `rating` are shaded, and the value: a bar chart Word shows, prints and
/// reads out without an image), its notes, where leader and team differ most, and what the
/// advice takes from them.
fn talk_section(mut doc: Docx, data: &ReportData) -> Docx {
    let parts = talk::parts(data);
    if parts.is_empty() {
        return doc;
    }
    doc = doc.add_paragraph(heading(1, talk::TITLE));
    for part in &parts {
        doc = doc.add_paragraph(heading(2, &part.heading));
        if let Some(measured) = &part.measured {
            doc = doc.add_paragraph(para(measured).italic());
        }
        doc = doc.add_table(chart(&part.rows));
        for (about, text) in &part.notes {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{}: ", xml_safe(about))).bold())
                    .add_run(text_run(text))
                    .style("ListBullet")
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            );
        }
    }
    for (line, rows) in talk::comparisons(data) {
        doc = doc.add_paragraph(para(&line));
        let table = Rows {
            heads: talk::COMPARISON_COLUMNS.iter().map(|h| h.to_string()).collect(),
            rows: rows.iter().map(|r| r.to_vec()).collect(),
            row_heads: false,
        };
        doc = doc.add_table(grid(&table));
    }
    let low = talk::low_lines(data);
    if !low.is_empty() {
        doc = doc.add_paragraph(para(talk::LOW_INTRO));
        for line in &low {
            doc = doc.add_paragraph(bullet(line));
        }
    }
    doc
}

/// A bar chart as a table: the theme, one cell per point of the scale (the first `rating`
/// shaded, red for a low rating), and the value.
fn chart(rows: &[talk::ChartRow]) -> Table {
    let points = usize::from(crate::catalogue::conversation::RATING_MAX);
    let label = TEXT_WIDTH * 38 / 100;
    let value = TEXT_WIDTH * 17 / 100;
    let point = (TEXT_WIDTH - label - value) / points;
    let mut all = Vec::with_capacity(rows.len());
    for r in rows {
        let mut cells = vec![cell(&r.label).width(label, WidthType::Dxa)];
        let filled = usize::from(r.rating.unwrap_or(0));
        let colour = if r.low { "B3261E" } else { "1D5B79" };
        for i in 0..points {
            let c = TableCell::new().add_paragraph(Paragraph::new()).width(point, WidthType::Dxa);
            cells.push(if i < filled { c.shading(Shading::new().fill(colour)) } else { c });
        }
        cells.push(cell(&r.value).width(value, WidthType::Dxa));
        all.push(TableRow::new(cells));
    }
    let mut columns = vec![label];
    columns.extend(std::iter::repeat_n(point, points));
    columns.push(value);
    Table::new(all).set_grid(columns).style("TableGrid").width(TEXT_WIDTH, WidthType::Dxa)
}

/// The document with page set-up, Word's built-in style names and the bullet list.
fn base() -> Docx {
    let heading_style = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .size(size)
            .bold()
            .color("1D5B79")
    };
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(MARGIN).bottom(MARGIN + 200).left(MARGIN).right(MARGIN))
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri").east_asia("Calibri"))
        .default_size(21)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal").q_format(true))
        .add_style(
            Style::new("Title", StyleType::Paragraph).name("Title").based_on("Normal").q_format(true).size(40).bold(),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .q_format(true)
                .size(17)
                .color("1D5B79"),
        )
        .add_style(heading_style(1, 28))
        .add_style(heading_style(2, 24))
        .add_style(heading_style(3, 22))
        .add_style(Style::new("ListBullet", StyleType::Paragraph).name("List Bullet").based_on("Normal").q_format(true))
        .add_style(Style::new("TableGrid", StyleType::Table).name("Table Grid"))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(0, Start::new(1), NumberFormat::new("bullet"), LevelText::new("•"), LevelJc::new("left"))
                    .indent(Some(360), Some(SpecialIndentType::Hanging(240)), None, None),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// Text as a run: characters XML cannot hold are dropped, line breaks become breaks.
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(xml_safe(line));
    }
    run
}

/// Drops what XML 1.0 does not allow (control characters other than tab; lone surrogates
/// cannot occur in a Rust string).
fn xml_safe(text: &str) -> String {
    text.chars().filter(|&c| c == '\t' || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')).collect()
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text))
}

fn styled(style: &str, text: &str) -> Paragraph {
    para(text).style(style)
}

fn heading(level: usize, text: &str) -> Paragraph {
    styled(&format!("Heading{level}"), text).keep_next(true)
}

fn bullet(text: &str) -> Paragraph {
    para(text).style("ListBullet").numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
}

fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(para(text))
}

fn head_cell(text: &str) -> TableCell {
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(text_run(text).bold()))
        .shading(Shading::new().fill("F3F6F8"))
}

/// A two-column table of facts: the label in the first column.
fn facts(rows: impl Iterator<Item = (String, String)>) -> Table {
    let first = TEXT_WIDTH * 36 / 100;
    Table::new(rows.map(|(k, v)| TableRow::new(vec![head_cell(&k).width(first, WidthType::Dxa), cell(&v)])).collect())
        .set_grid(vec![first, TEXT_WIDTH - first])
        .style("TableGrid")
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A table with a header row.
fn grid(table: &Rows) -> Table {
    let heads = &table.heads;
    let mut all = vec![TableRow::new(heads.iter().map(|h| head_cell(h)).collect())];
    all.extend(table.rows.iter().map(|row| TableRow::new(row.iter().map(|c| cell(c)).collect())));
    // Readers (pandoc among them) need the grid to see the columns.
    let column = TEXT_WIDTH / heads.len().max(1);
    Table::new(all).set_grid(vec![column; heads.len()]).style("TableGrid").width(TEXT_WIDTH, WidthType::Dxa)
}

#[cfg(test)]
mod tests {
    use super::xml_safe;

    #[test]
    fn text_keeps_everything_xml_can_hold() {
        assert_eq!(xml_safe("a\u{0}b\u{1b}c\td é 😀 שלום \u{7f}"), "abc\td é 😀 שלום \u{7f}");
    }
}
