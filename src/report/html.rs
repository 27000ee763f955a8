//! The advice report as one self-contained, printable A4 HTML page; every text escaped.

use std::fmt::Write as _;

use super::ReportData;
use super::rows::{
    Covered, LEIDRAAD_NONE, LEIDRAAD_TITLE, Table, answer_lines, colophon, coverage_table, item_facts, leidraad,
    note_lines, plan_table, pva_table, source_lines, visit_facts,
};
use super::{evaluate, known, nl_date, pva, talk};

/// Escapes text for HTML (element content and attribute values).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters and direction overrides (which make text read differently
            // from what it is) are shown as `?`, as on the command line.
            c if (c.is_control() && c != '\n' && c != '\t') || crate::error::is_direction_control(c) => out.push('?'),
            other => out.push(other),
        }
    }
    out
}

/// The report as one self-contained, printable A4 HTML page.
pub fn html(data: &ReportData) -> String {
    let d = &data.dossier;
    let t = &data.taxonomy;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Adviesrapport {}</title>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<style>{CSS}</style></head><body>\n",
        esc(&d.info.org)
    );
    let _ = write!(
        o,
        "<header><p class=\"kicker\">Adviesrapport psychosociale arbeidsbelasting</p><h1>{}</h1>",
        esc(&d.info.org)
    );
    let _ = writeln!(
        o,
        "<p>{}{}</p></header>",
        esc(known(&d.info.department)),
        d.info.visit_date.as_deref().map(|x| format!(" · bezoek op {}", esc(&nl_date(x)))).unwrap_or_default()
    );
    o.push_str("<section><h2>Het bezoek</h2><table class=\"facts\">");
    for (k, v) in visit_facts(d, t) {
        let _ = write!(o, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(&v));
    }
    o.push_str("</table></section>\n<section><h2>De antwoorden</h2><table class=\"facts\">");
    for (k, v) in answer_lines(&d.answers, t) {
        let _ = write!(o, "<tr><th>{}</th><td>{}</td></tr>", esc(&k), esc(&v));
    }
    o.push_str("</table></section>\n");
    talk_section(&mut o, data);
    evaluation_section(&mut o, data);
    if !data.advice.notes.is_empty() {
        o.push_str("<section class=\"notes\">");
        for n in &data.advice.notes {
            let _ = write!(o, "<p>{}</p>", esc(n));
        }
        o.push_str("</section>\n");
    }
    let _ = write!(o, "<section><h2>{LEIDRAAD_TITLE}</h2>");
    let parts = leidraad(data);
    if parts.is_empty() {
        let _ = write!(o, "<p>{}</p>", esc(LEIDRAAD_NONE));
    }
    for part in &parts {
        let _ = write!(o, "<h3>{}</h3><ul>", esc(&part.heading));
        for item in &part.items {
            let _ = write!(o, "<li>{}</li>", esc(item));
        }
        o.push_str("</ul>");
        if let Some(remark) = &part.remark {
            let _ = write!(o, "<p class=\"remark\">{}</p>", esc(remark));
        }
    }
    o.push_str("</section>\n<section><h2>Aanbevolen interventies</h2>\n");
    for (i, item) in data.items.iter().enumerate() {
        let r = &item.record;
        let _ = write!(o, "<article class=\"item\"><h3>{}. {}</h3><p>{}</p>", i + 1, esc(&r.name), esc(&r.summary));
        if let Some(why) = &item.why {
            let _ = write!(o, "<p><strong>Waarom gekozen:</strong> {}</p>", esc(why));
        }
        if !item.reasons.is_empty() {
            o.push_str("<ul class=\"reasons\">");
            for reason in &item.reasons {
                let _ = write!(o, "<li>{}</li>", esc(reason));
            }
            o.push_str("</ul>");
        }
        o.push_str("<table class=\"facts\">");
        for (k, v) in item_facts(r, t) {
            let _ = write!(o, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(&v));
        }
        o.push_str("</table></article>\n");
    }
    if data.items.is_empty() {
        o.push_str("<p>Er zijn (nog) geen interventies gekozen.</p>");
    }
    o.push_str("</section>\n");
    if let Some(coverage) = coverage_table(data, Covered::Check) {
        o.push_str("<section><h2>Aanbod-scan: wat er al is en wat ontbreekt</h2>");
        html_table(&mut o, "matrix", &coverage);
        o.push_str("</section>\n");
    }
    o.push_str("<section><h2>Actieplan</h2>");
    if d.plan.is_empty() {
        o.push_str("<p>Nog geen actiepunten.</p>");
    } else {
        html_table(&mut o, "plan", &plan_table(data));
    }
    let _ = write!(o, "</section>\n<section class=\"pva\"><h2>{}</h2>", esc(pva::TITLE));
    for line in pva::intro(data) {
        let _ = write!(o, "<p>{}</p>", esc(&line));
    }
    if !d.plan.is_empty() {
        html_table(&mut o, "plan", &pva_table(data));
    }
    o.push_str("</section>\n");
    let notes = note_lines(data);
    if !notes.is_empty() {
        o.push_str("<section><h2>Notities</h2>");
        for (date, text) in &notes {
            let _ =
                write!(o, "<p class=\"note\"><strong>{}</strong> {}</p>", esc(date), esc(text).replace('\n', "<br>"));
        }
        o.push_str("</section>\n");
    }
    o.push_str("<section><h2>Bronnen</h2><ul>");
    for line in source_lines(data) {
        let _ = write!(o, "<li>{}</li>", esc(&line));
    }
    let _ = write!(o, "</ul></section>\n<footer><p>{}</p></footer>\n</body></html>\n", esc(&colophon(data)));
    o
}

/// The section "Gesprekken": per conversation its chart (inline SVG) and notes, where leader
/// and team differ most, and what the advice takes from them. Absent without conversations.
fn talk_section(o: &mut String, data: &ReportData) {
    let parts = talk::parts(data);
    if parts.is_empty() {
        return;
    }
    let _ = write!(o, "<section><h2>{}</h2>", talk::TITLE);
    for part in &parts {
        let _ = write!(o, "<h3>{}</h3>", esc(&part.heading));
        if let Some(measured) = &part.measured {
            let _ = write!(o, "<p class=\"remark\">{}</p>", esc(measured));
        }
        let _ =
            write!(o, "<figure>{}</figure>", talk::svg(&part.rows, &format!("Cijfers per thema: {}", part.heading)));
        if !part.notes.is_empty() {
            o.push_str("<ul>");
            for (about, text) in &part.notes {
                let _ = write!(o, "<li><strong>{}:</strong> {}</li>", esc(about), esc(text).replace('\n', "<br>"));
            }
            o.push_str("</ul>");
        }
    }
    for (line, rows) in talk::comparisons(data) {
        let _ = write!(o, "<p>{}</p>", esc(&line));
        let table = Table {
            heads: talk::COMPARISON_COLUMNS.iter().map(|h| h.to_string()).collect(),
            rows: rows.iter().map(|r| r.to_vec()).collect(),
            row_heads: true,
        };
        html_table(o, "compare", &table);
    }
    let low = talk::low_lines(data);
    if !low.is_empty() {
        let _ = write!(o, "<p>{}</p><ul>", esc(talk::LOW_INTRO));
        for line in &low {
            let _ = write!(o, "<li>{}</li>", esc(line));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>\n");
}

/// The section "Evaluatie": per source the chart of before and after (an SVG described by
/// the table beside it, hidden on screen but read by screen readers), the evaluated plan items
/// with proposal and verdict, and the new advice for what still plays. Absent without
/// evaluations or measurements to compare.
fn evaluation_section(o: &mut String, data: &ReportData) {
    if !evaluate::present(data) {
        return;
    }
    let _ = write!(o, "<section><h2>{}</h2>", evaluate::TITLE);
    for (i, group) in evaluate::groups(data).iter().enumerate() {
        let table_id = format!("voor-en-na-{}", i + 1);
        let _ = write!(o, "<h3>{}</h3><p class=\"remark\">{}</p>", esc(&group.heading), esc(&group.scale));
        let _ = write!(o, "<figure>{}</figure>", evaluate::svg(&group.rows, &group.heading, &table_id));
        let table = Table {
            heads: evaluate::COLUMNS.iter().map(|h| h.to_string()).collect(),
            rows: group.rows.iter().map(|r| r.cells.to_vec()).collect(),
            row_heads: true,
        };
        let mut t = String::new();
        html_table(&mut t, "sr-only", &table);
        o.push_str(&t.replacen(
            "<table class=\"sr-only\">",
            &format!("<table class=\"sr-only\" id=\"{table_id}\">"),
            1,
        ));
    }
    for part in evaluate::parts(data) {
        let _ = write!(o, "<h3>{}</h3><table class=\"facts\">", esc(&part.heading));
        for (k, v) in &part.facts {
            let _ = write!(o, "<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
        }
        o.push_str("</table>");
        if !part.why.is_empty() {
            o.push_str("<ul class=\"reasons\">");
            for line in &part.why {
                let _ = write!(o, "<li>{}</li>", esc(line));
            }
            o.push_str("</ul>");
        }
        if !part.indicators.is_empty() {
            let table = Table {
                heads: evaluate::INDICATOR_COLUMNS.iter().map(|h| h.to_string()).collect(),
                rows: part.indicators.iter().map(|r| r.to_vec()).collect(),
                row_heads: true,
            };
            html_table(o, "plan", &table);
        }
    }
    let (signals, advice) = evaluate::new_advice(data);
    if !signals.is_empty() {
        let _ = write!(o, "<h3>{}</h3><p>{}</p><ul>", evaluate::NEW_ADVICE, esc(evaluate::NEW_ADVICE_INTRO));
        for line in &signals {
            let _ = write!(o, "<li>{}</li>", esc(line));
        }
        o.push_str("</ul>");
        if !advice.is_empty() {
            o.push_str("<ol>");
            for name in &advice {
                let _ = write!(o, "<li>{}</li>", esc(name));
            }
            o.push_str("</ol>");
        }
    }
    o.push_str("</section>\n");
}

/// A table with a header row; every cell escaped, a row's first cell a head where the table
/// says so.
fn html_table(o: &mut String, class: &str, table: &Table) {
    let _ = write!(o, "<table class=\"{class}\"><tr>");
    for head in &table.heads {
        let _ = write!(o, "<th>{}</th>", esc(head));
    }
    o.push_str("</tr>");
    for row in &table.rows {
        o.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let tag = if i == 0 && table.row_heads { "th" } else { "td" };
            let _ = write!(o, "<{tag}>{}</{tag}>", esc(cell));
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
}

const CSS: &str = "@page{size:A4;margin:18mm}body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:10.5pt;color:#1b1f24;line-height:1.45;max-width:180mm;margin:0 auto}\
h1{font-size:20pt;margin:.2em 0}h2{font-size:14pt;border-bottom:1px solid #8a99a8;padding-bottom:2pt;margin-top:1.4em}h3{font-size:12pt;margin:.8em 0 .3em}\
.kicker{color:#1d5b79;text-transform:uppercase;letter-spacing:.05em;font-size:9pt;margin:0}table{border-collapse:collapse;width:100%;margin:.4em 0}\
th,td{border:1px solid #b8c2cc;padding:3pt 5pt;text-align:left;vertical-align:top}.facts th{width:38%;background:#f3f6f8}\
.item{page-break-inside:avoid}figure{margin:.4em 0}svg.chart{max-width:100%;height:auto;font-family:inherit}.notes p{border-left:3px solid #1d5b79;padding-left:.5em}.remark{font-style:italic}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.note{white-space:pre-wrap}footer{margin-top:2em;color:#4a5560;font-size:9pt}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(esc("<img src=x onerror=\"a\">&'"), "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
        assert_eq!(esc("a\u{7}b\u{202e}c\u{2066}d\ne"), "a?b?c?d\ne", "controls and overrides neutralised");
    }
}
