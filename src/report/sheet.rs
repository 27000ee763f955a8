//! The action plan as a spreadsheet: XLSX (rust_xlsxwriter) with the plan on the first
//! sheet and the plan van aanpak (`pva.rs`) on the second, and CSV (the csv crate) as Dutch
//! Excel opens it: UTF-8 with a byte-order mark, semicolons, CRLF line ends.
//!
//! One row per action under a header row. In XLSX dates are real dates (a number with a
//! date format), so they sort and filter; an unknown date is an empty cell.

use rust_xlsxwriter::{Chart, ChartType, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::rows::{PLAN_COLUMNS, PlanRow, plan};
use super::{ReportData, evaluate, pva};
use crate::error::{Error, Result};

/// Excel's limit for the text in one cell.
const CELL_LIMIT: usize = 32_767;

fn fail(e: XlsxError) -> Error {
    Error::Report { reason: format!("het schrijven van het Excel-bestand mislukte: {e}") }
}

/// The action plan's rows as text, dates as YYYY-MM-DD or empty.
fn rows(data: &ReportData) -> Vec<[String; 7]> {
    plan(data).iter().map(PlanRow::cells).collect()
}

/// `YYYY-MM-DD` as an Excel date; `None` for anything else.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let date = crate::time::date::parse(text)?;
    let year = u16::try_from(date.year()).ok()?;
    let (month, day) = (u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?);
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// Text within Excel's cell limit (longer text is cut, and says so).
fn cell_text(text: &str) -> String {
    if text.chars().count() <= CELL_LIMIT {
        return text.to_string();
    }
    let mark = " … (ingekort)";
    let mut cut: String = text.chars().take(CELL_LIMIT - mark.chars().count()).collect();
    cut.push_str(mark);
    cut
}

struct Formats {
    head: Format,
    text: Format,
    date: Format,
    title: Format,
}

fn formats() -> Formats {
    Formats {
        head: Format::new().set_bold().set_background_color("F3F6F8").set_text_wrap().set_align(FormatAlign::Top),
        text: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        date: Format::new().set_num_format("dd-mm-yyyy").set_align(FormatAlign::Top).set_align(FormatAlign::Left),
        title: Format::new().set_bold().set_font_size(14),
    }
}

/// Writes a text cell, or a date cell when `date` and the text is a date.
fn put(sheet: &mut Worksheet, f: &Formats, row: u32, col: u16, text: &str, date: bool) -> Result<()> {
    match excel_date(text).filter(|_| date) {
        Some(day) => sheet.write_datetime_with_format(row, col, &day, &f.date),
        None if text.is_empty() => return Ok(()),
        None => sheet.write_string_with_format(row, col, cell_text(text), &f.text),
    }
    .map(|_| ())
    .map_err(fail)
}

/// The action plan as the bytes of an `.xlsx` file: "Actieplan" and "Plan van aanpak".
pub fn xlsx(data: &ReportData) -> Result<Vec<u8>> {
    let f = formats();
    let mut book = Workbook::new();
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(format!("Actieplan {}", data.dossier.info.org))
        .set_company("Keuzehulp");
    book.set_properties(&props);

    let sheet = book.add_worksheet().set_name("Actieplan").map_err(fail)?;
    let widths = [30.0, 40.0, 20.0, 12.0, 12.0, 30.0, 11.0];
    for (col, head) in PLAN_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *head, &f.head).map_err(fail)?;
        sheet.set_column_width(col as u16, widths[col]).map_err(fail)?;
    }
    let plan = rows(data);
    for (i, row) in plan.iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            put(sheet, &f, i as u32 + 1, col as u16, value, matches!(col, 3 | 4))?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    if !plan.is_empty() {
        sheet.autofilter(0, 0, plan.len() as u32, PLAN_COLUMNS.len() as u16 - 1).map_err(fail)?;
    }
    sheet.set_landscape().set_paper_size(9);

    let sheet = book.add_worksheet().set_name("Plan van aanpak").map_err(fail)?;
    sheet.write_string_with_format(0, 0, pva::TITLE, &f.title).map_err(fail)?;
    let intro = pva::intro(data);
    for (i, line) in intro.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, cell_text(line)).map_err(fail)?;
    }
    let head_row = intro.len() as u32 + 2;
    let widths = [5.0, 30.0, 45.0, 20.0, 12.0, 14.0, 30.0, 11.0];
    for (col, head) in pva::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(head_row, col as u16, *head, &f.head).map_err(fail)?;
        sheet.set_column_width(col as u16, widths[col]).map_err(fail)?;
    }
    for (i, row) in pva::rows(data).iter().enumerate() {
        let r = head_row + 1 + i as u32;
        sheet.write_number_with_format(r, 0, row.nr as f64, &f.text).map_err(fail)?;
        for (col, value) in row.cells().iter().enumerate().skip(1) {
            put(sheet, &f, r, col as u16, value, matches!(col, 4 | 5))?;
        }
    }
    sheet.set_freeze_panes(head_row + 1, 0).map_err(fail)?;
    sheet.set_landscape().set_paper_size(9);
    if evaluate::present(data) {
        evaluation_sheet(&mut book, &f, data)?;
    }
    book.save_to_buffer().map_err(fail)
}

/// The name of the evaluation sheet.
pub const EVALUATION_SHEET: &str = "Evaluatie";

/// The columns of the evaluation sheet's first table.
pub const EVALUATION_COLUMNS: [&str; 10] = [
    "Nr",
    "Interventie",
    "Evaluatiedatum",
    "Uitgevoerd",
    "Bereikt",
    "Van",
    "Wat het team zegt",
    "Voorstel van Keuzehulp",
    "Oordeel",
    "Reden",
];

/// The columns of the before-and-after table.
pub const PAIR_COLUMNS: [&str; 9] =
    ["Bron", "Thema of schaal", "Nulmeting", "n", "Waarde voor", "Hermeting", "n", "Waarde na", "Verandering"];

/// The sheet "Evaluatie": the evaluated plan items, then per source and key the baseline and
/// the re-measurement (real dates and numbers), with a bar chart of before and after per source.
fn evaluation_sheet(book: &mut Workbook, f: &Formats, data: &ReportData) -> Result<()> {
    let d = &data.dossier;
    let name = |id: &str| data.plan_records.iter().find(|r| r.id == id).map_or(id.to_string(), |r| r.name.clone());
    let sheet = book.add_worksheet().set_name(EVALUATION_SHEET).map_err(fail)?;
    sheet.write_string_with_format(0, 0, evaluate::TITLE, &f.title).map_err(fail)?;
    let widths = [5.0, 34.0, 13.0, 16.0, 9.0, 9.0, 36.0, 22.0, 16.0, 40.0];
    for (col, head) in EVALUATION_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, col as u16, *head, &f.head).map_err(fail)?;
        sheet.set_column_width(col as u16, widths[col]).map_err(fail)?;
    }
    let mut row = 3u32;
    for (nr, item) in d.plan.iter().enumerate() {
        for e in d.evaluations.iter().filter(|e| e.item == item.id) {
            sheet.write_number_with_format(row, 0, (nr + 1) as f64, &f.text).map_err(fail)?;
            put(sheet, f, row, 1, &name(&item.intervention_id), false)?;
            put(sheet, f, row, 2, &e.date, true)?;
            put(sheet, f, row, 3, e.carried_out.label(), false)?;
            if let (Some(r), Some(of)) = (e.reached, e.reach_of) {
                sheet.write_number(row, 4, f64::from(r)).map_err(fail)?;
                sheet.write_number(row, 5, f64::from(of)).map_err(fail)?;
            }
            put(sheet, f, row, 6, e.team_says.as_deref().unwrap_or_default(), false)?;
            put(sheet, f, row, 7, e.proposal.label(), false)?;
            put(sheet, f, row, 8, e.verdict.label(), false)?;
            put(sheet, f, row, 9, e.reason.as_deref().unwrap_or_default(), false)?;
            row += 1;
        }
    }
    row += 2;
    for (col, head) in PAIR_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *head, &f.head).map_err(fail)?;
    }
    row += 1;
    let first_pair = row;
    let changes = &data.evaluation.changes;
    for c in changes {
        put(sheet, f, row, 0, &c.source_name, false)?;
        put(sheet, f, row, 1, &c.label, false)?;
        put(sheet, f, row, 2, &c.before.date, true)?;
        if let Some(n) = c.before.n {
            sheet.write_number(row, 3, f64::from(n)).map_err(fail)?;
        }
        sheet.write_number(row, 4, c.before.value).map_err(fail)?;
        put(sheet, f, row, 5, &c.after.date, true)?;
        if let Some(n) = c.after.n {
            sheet.write_number(row, 6, f64::from(n)).map_err(fail)?;
        }
        sheet.write_number(row, 7, c.after.value).map_err(fail)?;
        put(sheet, f, row, 8, c.direction.label(), false)?;
        row += 1;
    }
    // One chart per source, beside the table.
    let mut chart_row = first_pair;
    let mut start = 0usize;
    while start < changes.len() {
        let end = changes[start..]
            .iter()
            .position(|c| c.kind != changes[start].kind || c.source != changes[start].source)
            .map_or(changes.len(), |p| start + p);
        let (r1, r2) = (first_pair + start as u32, first_pair + end as u32 - 1);
        let mut chart = Chart::new(ChartType::Bar);
        chart.title().set_name(&format!("Voor en na: {}", changes[start].source_name));
        for (label, col) in [("Voor", 4u16), ("Na", 7u16)] {
            chart.add_series().set_name(label).set_categories((EVALUATION_SHEET, r1, 1, r2, 1)).set_values((
                EVALUATION_SHEET,
                r1,
                col,
                r2,
                col,
            ));
        }
        sheet.insert_chart(chart_row, 10, &chart).map_err(fail)?;
        chart_row += 16;
        start = end;
    }
    sheet.set_landscape().set_paper_size(9);
    Ok(())
}

/// A cell that Excel would read as a formula (`=`, `+`, `-`, `@`, or a tab or return first)
/// gets a leading apostrophe, so it shows as the text it is and never runs.
fn defused(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The action plan as the bytes of a `.csv` file for Dutch Excel.
pub fn csv(data: &ReportData) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::Report { reason: format!("het schrijven van het CSV-bestand mislukte: {e}") };
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    out.write_record(PLAN_COLUMNS).map_err(fail)?;
    for row in rows(data) {
        out.write_record(row.iter().map(|c| defused(c))).map_err(fail)?;
    }
    out.into_inner().map_err(|e| Error::Report { reason: format!("het schrijven van het CSV-bestand mislukte: {e}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_become_excel_dates() {
        assert!(excel_date("2027-03-01").is_some());
        assert!(excel_date("2027-02-30").is_none());
        assert!(excel_date("morgen").is_none());
    }

    #[test]
    fn formulas_are_shown_as_text() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("- overleg"), "'- overleg");
        assert_eq!(defused("Teamleider"), "Teamleider");
    }

    #[test]
    fn text_over_the_cell_limit_is_cut_and_says_so() {
        let long = "é".repeat(CELL_LIMIT + 10);
        let cut = cell_text(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with("(ingekort)"));
    }
}
