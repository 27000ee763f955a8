//! The advice report in Markdown; every text escaped.

use std::fmt::Write as _;

use super::ReportData;
use super::rows::{
    Covered, LEIDRAAD_NONE, LEIDRAAD_TITLE, Table, answer_lines, colophon, coverage_table, item_facts, leidraad,
    note_lines, plan_table, pva_table, source_lines, visit_facts,
};
use super::{evaluate, pva, talk};

/// Escapes text for Markdown and keeps it on one line. Control characters (an escape
/// sequence that recolours a terminal showing the file) and Unicode direction overrides
/// (which make text read differently from what it is) become `?`, as on the command line.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(match c {
            '\n' | '\t' => ' ',
            c if c.is_control() || crate::error::is_direction_control(c) => '?',
            c => c,
        });
    }
    out
}

/// A Markdown table with a header row; every cell escaped and kept on one line.
fn md_table(o: &mut String, table: &Table) {
    let _ = writeln!(o, "| {} |\n|{}", table.heads.join(" | "), "---|".repeat(table.heads.len()));
    for row in &table.rows {
        let _ = writeln!(o, "| {} |", row.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
    }
    let _ = writeln!(o);
}

/// The report in Markdown.
pub fn markdown(data: &ReportData) -> String {
    let d = &data.dossier;
    let t = &data.taxonomy;
    let mut o = String::new();
    let _ = writeln!(o, "# Adviesrapport: {}\n", md(&d.info.org));
    let _ = writeln!(o, "## Het bezoek\n");
    for (k, v) in visit_facts(d, t) {
        let _ = writeln!(o, "- **{k}:** {}", md(&v));
    }
    let _ = writeln!(o, "\n## De antwoorden\n");
    for (k, v) in answer_lines(&d.answers, t) {
        let _ = writeln!(o, "- **{k}:** {}", md(&v));
    }
    talk_section(&mut o, data);
    evaluation_section(&mut o, data);
    for note in &data.advice.notes {
        let _ = writeln!(o, "\n> {}", md(note));
    }
    let _ = writeln!(o, "\n## {LEIDRAAD_TITLE}\n");
    let parts = leidraad(data);
    if parts.is_empty() {
        let _ = writeln!(o, "{}\n", md(LEIDRAAD_NONE));
    }
    for part in &parts {
        let _ = writeln!(o, "### {}\n", md(&part.heading));
        for item in &part.items {
            let _ = writeln!(o, "- {}", md(item));
        }
        if let Some(remark) = &part.remark {
            let _ = writeln!(o, "\n*{}*", md(remark));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## Aanbevolen interventies\n");
    for (i, item) in data.items.iter().enumerate() {
        let r = &item.record;
        let _ = writeln!(o, "### {}. {}\n\n{}\n", i + 1, md(&r.name), md(&r.summary));
        if let Some(why) = &item.why {
            let _ = writeln!(o, "**Waarom gekozen:** {}\n", md(why));
        }
        for reason in &item.reasons {
            let _ = writeln!(o, "- {}", md(reason));
        }
        let _ = writeln!(o);
        for (k, v) in item_facts(r, t) {
            let _ = writeln!(o, "- **{k}:** {}", md(&v));
        }
        let _ = writeln!(o);
    }
    if let Some(coverage) = coverage_table(data, Covered::Check) {
        let _ = writeln!(o, "## Aanbod-scan\n");
        md_table(&mut o, &coverage);
    }
    let _ = writeln!(o, "## Actieplan\n");
    if d.plan.is_empty() {
        let _ = writeln!(o, "Nog geen actiepunten.\n");
    } else {
        md_table(&mut o, &plan_table(data));
    }
    let _ = writeln!(o, "## {}\n", pva::TITLE);
    for line in pva::intro(data) {
        let _ = writeln!(o, "{}\n", md(&line));
    }
    if !d.plan.is_empty() {
        md_table(&mut o, &pva_table(data));
    }
    let notes = note_lines(data);
    if !notes.is_empty() {
        let _ = writeln!(o, "## Notities\n");
        for (date, text) in &notes {
            let _ = writeln!(o, "- **{}:** {}", md(date), md(text));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## Bronnen\n");
    for line in source_lines(data) {
        let _ = writeln!(o, "- {}", md(&line));
    }
    let _ = writeln!(o, "\n---\n{}", md(&colophon(data)));
    o
}

/// The section "Gesprekken": per conversation a table with a text bar per theme, the notes,
/// where leader and team differ most, and what the advice takes from them.
fn talk_section(o: &mut String, data: &ReportData) {
    let parts = talk::parts(data);
    if parts.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n## {}", talk::TITLE);
    for part in &parts {
        let _ = writeln!(o, "\n### {}\n", md(&part.heading));
        if let Some(measured) = &part.measured {
            let _ = writeln!(o, "*{}*\n", md(measured));
        }
        let rows = part.rows.iter().map(|r| vec![r.label.clone(), talk::text_bar(r), r.value.clone()]).collect();
        md_table(o, &Table { heads: vec!["Thema".into(), "Balk".into(), "Cijfer".into()], rows, row_heads: false });
        for (about, text) in &part.notes {
            let _ = writeln!(o, "- **{}:** {}", md(about), md(text));
        }
    }
    for (line, rows) in talk::comparisons(data) {
        let _ = writeln!(o, "\n{}\n", md(&line));
        let table = Table {
            heads: talk::COMPARISON_COLUMNS.iter().map(|h| h.to_string()).collect(),
            rows: rows.iter().map(|r| r.to_vec()).collect(),
            row_heads: false,
        };
        md_table(o, &table);
    }
    let low = talk::low_lines(data);
    if !low.is_empty() {
        let _ = writeln!(o, "\n{}\n", md(talk::LOW_INTRO));
        for line in &low {
            let _ = writeln!(o, "- {}", md(line));
        }
    }
}

/// The section "Evaluatie": per source a table with text bars before and after, the
/// evaluated plan items, and the new advice for what still plays.
fn evaluation_section(o: &mut String, data: &ReportData) {
    if !evaluate::present(data) {
        return;
    }
    let _ = writeln!(o, "\n## {}", evaluate::TITLE);
    for group in evaluate::groups(data) {
        let _ = writeln!(o, "\n### {}\n\n*{}*\n", md(&group.heading), md(&group.scale));
        let rows = group
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    format!("{} {}", evaluate::text_bar(r.before_share), r.before),
                    format!("{} {}", evaluate::text_bar(r.after_share), r.after),
                    r.cells[5].clone(),
                ]
            })
            .collect();
        let heads = vec!["Thema of schaal".into(), "Voor".into(), "Na".into(), "Verandering".into()];
        md_table(o, &Table { heads, rows, row_heads: false });
    }
    for part in evaluate::parts(data) {
        let _ = writeln!(o, "\n### {}\n", md(&part.heading));
        for (k, v) in &part.facts {
            let _ = writeln!(o, "- **{}:** {}", md(k), md(v));
        }
        for line in &part.why {
            let _ = writeln!(o, "  - {}", md(line));
        }
        if !part.indicators.is_empty() {
            let _ = writeln!(o);
            let table = Table {
                heads: evaluate::INDICATOR_COLUMNS.iter().map(|h| h.to_string()).collect(),
                rows: part.indicators.iter().map(|r| r.to_vec()).collect(),
                row_heads: false,
            };
            md_table(o, &table);
        }
    }
    let (signals, advice) = evaluate::new_advice(data);
    if !signals.is_empty() {
        let _ = writeln!(o, "\n### {}\n\n{}\n", evaluate::NEW_ADVICE, md(evaluate::NEW_ADVICE_INTRO));
        for line in &signals {
            let _ = writeln!(o, "- {}", md(line));
        }
        for (i, name) in advice.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", i + 1, md(name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_defuses_links_and_html() {
        assert_eq!(md("[klik](javascript:x) <b>"), "\\[klik\\](javascript:x) \\<b\\>");
        assert_eq!(md("a\u{1b}[31mb\u{202e}cba\r\nz"), "a?\\[31mb?cba? z", "no escape sequence or override");
    }
}
