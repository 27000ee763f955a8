//! Conversations on paper: the report's section "Gesprekken" (per conversation its ratings as
//! a chart, its notes that may be shown, where a team leader's and a team's views differ most,
//! and what the advice takes from them), and a guide's printable A4 sheet for a paper session.
//!
//! The chart is drawn by each format itself from the same rows ([`ChartRow`]): an inline SVG
//! in HTML, typst's own rectangles in the PDF, a table of proportionally shaded cells in Word
//! (docx-rs writes no charts, and a picture would need an image renderer the program does not
//! have), and a table with a text bar in Markdown. Every text is escaped or passed as data.

use std::fmt::Write as _;

use serde::Serialize;

use super::html::esc;
use super::{ReportData, nl_date};
use crate::catalogue::Taxonomy;
use crate::catalogue::conversation::{Conversations, Guide, RATING_MAX};
use crate::dossier::talk::{Comparison, TalkView};
use crate::error::Result;

/// The heading of the section.
pub const TITLE: &str = "Gesprekken";

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartRow {
    /// The theme's heading.
    pub label: String,
    /// The rating, none when the theme was skipped.
    pub rating: Option<u8>,
    /// Rated 1 or 2 (drawn in the warning colour).
    pub low: bool,
    /// The value as people read it: "2 van 5", or "overgeslagen".
    pub value: String,
    /// The bar's length as a share of the whole (0 when skipped).
    pub share: f64,
}

/// One conversation as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TalkPart {
    /// "Teamgesprek: … — 20-11-2026, 8 aanwezig".
    pub heading: String,
    /// Said of a group conversation's ratings.
    pub measured: Option<String>,
    /// The chart's bars, in the guide's order.
    pub rows: Vec<ChartRow>,
    /// The notes that may be shown: (theme, or theme and question, text).
    pub notes: Vec<(String, String)>,
}

/// The section's conversations, in order.
pub fn parts(data: &ReportData) -> Vec<TalkPart> {
    data.talk.conversations.iter().map(part).collect()
}

fn part(c: &TalkView) -> TalkPart {
    let present = c.present.map(|n| format!(", {n} aanwezig")).unwrap_or_default();
    TalkPart {
        heading: format!("{} — {}{present}", c.title, nl_date(&c.date)),
        measured: c.measured.then(|| {
            "De cijfers zijn door de groep samen gegeven en bewaard als meting van het team op deze dag.".to_string()
        }),
        rows: c
            .ratings
            .iter()
            .map(|r| ChartRow {
                label: r.label.clone(),
                rating: r.rating,
                low: r.low,
                value: r.rating.map_or("overgeslagen".to_string(), |x| format!("{x} van {RATING_MAX}")),
                share: r.rating.map_or(0.0, |x| f64::from(x) / f64::from(RATING_MAX)),
            })
            .collect(),
        notes: c
            .notes
            .iter()
            .map(|n| {
                let about = match &n.question {
                    Some(q) => format!("{} — {q}", n.theme),
                    None => n.theme.clone(),
                };
                (about, n.text.clone())
            })
            .collect(),
    }
}

/// The heads of the comparison table.
pub const COMPARISON_COLUMNS: [&str; 4] = ["Thema", "Leidinggevende", "Team", "Verschil"];

/// Where a team leader's and a team's ratings differ, largest difference first: a line
/// naming the largest, and the rows under [`COMPARISON_COLUMNS`].
pub fn comparisons(data: &ReportData) -> Vec<(String, Vec<[String; 4]>)> {
    data.talk.comparisons.iter().filter(|c| !c.rows.is_empty()).map(comparison).collect()
}

fn comparison(c: &Comparison) -> (String, Vec<[String; 4]>) {
    let largest: Vec<String> = c
        .rows
        .iter()
        .filter(|r| c.largest.contains(&r.theme))
        .map(|r| format!("{} (leidinggevende {}, team {})", r.label, r.rating, r.with_rating))
        .collect();
    let line = if largest.is_empty() {
        format!(
            "Leidinggevende ({}) en team ({}) geven bij elk thema hetzelfde cijfer.",
            nl_date(&c.date),
            nl_date(&c.with_date)
        )
    } else {
        format!(
            "Het gesprek met de leidinggevende ({}) en het teamgesprek ({}) verschillen het meest bij: {}.",
            nl_date(&c.date),
            nl_date(&c.with_date),
            largest.join("; ")
        )
    };
    let rows = c
        .rows
        .iter()
        .map(|r| [r.label.clone(), r.rating.to_string(), r.with_rating.to_string(), format!("{:+}", r.difference)])
        .collect();
    (line, rows)
}

/// What the advice takes from the conversations, one line each ("uit het teamgesprek:
/// regelmogelijkheden 2 van 5"); empty when nothing was rated low.
pub fn low_lines(data: &ReportData) -> Vec<String> {
    data.talk.low.iter().map(crate::advisor::Signal::reason).collect()
}

/// The line above the low themes.
pub const LOW_INTRO: &str =
    "Advies voor wat speelt: deze thema's kregen een 1 of 2 en zijn de antwoorden voor het advies.";

/// The chart as an inline SVG: one labelled bar per theme, the value beside it; a title
/// names it for screen readers.
pub fn svg(rows: &[ChartRow], title: &str) -> String {
    const ROW: usize = 24;
    const LABEL: usize = 250;
    const BAR: usize = 300;
    let height = rows.len() * ROW + 8;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 640 {height}\" width=\"640\" height=\"{height}\"><title>{}</title>",
        esc(title)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 4 + i * ROW;
        let fill = if r.low { "#b3261e" } else { "#1d5b79" };
        // Whole numbers of the scale: ticks at each step.
        let width = (r.share * BAR as f64).round() as usize;
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"14\" fill=\"#eef2f5\"/>",
            y + 14,
            esc(&r.label),
            y + 3
        );
        if width > 0 {
            let _ = write!(o, "<rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"14\" fill=\"{fill}\"/>", y + 3);
        }
        for step in 1..RATING_MAX {
            let x = LABEL + BAR * usize::from(step) / usize::from(RATING_MAX);
            let _ = write!(o, "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"#ffffff\"/>", y + 3, y + 17);
        }
        let _ = write!(o, "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>", LABEL + BAR + 8, y + 14, esc(&r.value));
    }
    o.push_str("</svg>");
    o
}

/// The text bar of the Markdown table: one filled block per point.
pub fn text_bar(r: &ChartRow) -> String {
    let filled = usize::from(r.rating.unwrap_or(0));
    format!("{}{}", "■".repeat(filled), "□".repeat(usize::from(RATING_MAX) - filled))
}

/// A guide's printable sheet, everything already in Dutch.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    /// The guide's title.
    pub title: String,
    /// Who takes part.
    pub audience: String,
    /// The visible rules.
    pub rules: Vec<String>,
    /// How to lead it.
    pub intro: Vec<String>,
    /// "Hoe gaat het hier nu mee?"
    pub rating_question: String,
    /// "1 = …, 5 = …".
    pub scale: String,
    /// Whether the number present is asked for.
    pub group: bool,
    /// The themes with their questions and follow-ups.
    pub themes: Vec<SheetTheme>,
    /// The sources, one line each.
    pub sources: Vec<String>,
    /// The line at the foot.
    pub footer: String,
}

/// One theme on the sheet.
#[derive(Debug, Clone, Serialize)]
pub struct SheetTheme {
    /// "1. Werkdruk en taakeisen".
    pub heading: String,
    /// (question, follow-ups).
    pub questions: Vec<(String, Vec<String>)>,
}

impl Sheet {
    /// The sheet of `guide`, made on `date` by program `version`.
    pub fn new(guide: &Guide, guides: &Conversations, taxonomy: &Taxonomy, date: &str, version: &str) -> Self {
        let used = |id: &str| {
            guide.sources.iter().any(|s| s.document == id)
                || guide.themes.iter().flat_map(|t| &t.questions).flat_map(|q| &q.sources).any(|s| s.document == id)
        };
        let mut sources: Vec<String> = taxonomy
            .documents
            .iter()
            .filter(|d| used(&d.id))
            .map(|d| format!("{} ({}, {})", d.title, d.publisher, d.year))
            .collect();
        sources.extend(
            guides.references.iter().filter(|r| used(&r.id)).map(|r| {
                format!("{} ({}, {}); {}", r.title, r.publisher, r.year, r.url.as_deref().unwrap_or(&r.read_at))
            }),
        );
        Sheet {
            title: guide.title.clone(),
            audience: guide.audience.clone(),
            rules: guide.rules.clone(),
            intro: guide.intro.clone(),
            rating_question: guide.rating_question.clone(),
            scale: format!("1 = {}, {RATING_MAX} = {}", guide.rating_low, guide.rating_high),
            group: guide.group,
            themes: guide
                .themes
                .iter()
                .enumerate()
                .map(|(i, t)| SheetTheme {
                    heading: format!("{}. {}", i + 1, t.label),
                    questions: t.questions.iter().map(|q| (q.text.clone(), q.follow_up.clone())).collect(),
                })
                .collect(),
            sources,
            footer: format!(
                "Gemaakt met Keuzehulp {version} op {}. Vragen in eigen woorden; de bronnen staan hierboven. Vul de antwoorden daarna in bij het dossier.",
                nl_date(date)
            ),
        }
    }
}

/// The sheet as one printable A4 HTML page.
pub fn sheet_html(s: &Sheet) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{}</title>\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<style>{SHEET_CSS}</style></head><body>\n",
        esc(&s.title)
    );
    let _ = writeln!(
        o,
        "<header><p class=\"kicker\">Gespreksformulier</p><h1>{}</h1><p>{}</p></header>",
        esc(&s.title),
        esc(&s.audience)
    );
    o.push_str("<table class=\"fill\"><tr><th>Organisatie en team</th><td></td></tr><tr><th>Datum</th><td></td></tr>");
    if s.group {
        o.push_str("<tr><th>Aantal aanwezig</th><td></td></tr>");
    }
    o.push_str("</table>\n<section class=\"rules\">");
    for rule in &s.rules {
        let _ = write!(o, "<p><strong>{}</strong></p>", esc(rule));
    }
    o.push_str("</section>\n");
    for p in &s.intro {
        let _ = write!(o, "<p>{}</p>", esc(p));
    }
    for theme in &s.themes {
        let _ = write!(o, "<section class=\"theme\"><h2>{}</h2><ol>", esc(&theme.heading));
        for (q, follow) in &theme.questions {
            let _ = write!(o, "<li>{}", esc(q));
            if !follow.is_empty() {
                o.push_str("<ul>");
                for f in follow {
                    let _ = write!(o, "<li>{}</li>", esc(f));
                }
                o.push_str("</ul>");
            }
            o.push_str("</li>");
        }
        let _ = writeln!(
            o,
            "</ol><p class=\"rating\"><strong>{}</strong> <span class=\"boxes\">☐ 1 &nbsp; ☐ 2 &nbsp; ☐ 3 &nbsp; ☐ 4 &nbsp; ☐ 5</span></p><p class=\"scale\">{}</p><p class=\"lines\">Notities</p></section>",
            esc(&s.rating_question),
            esc(&s.scale)
        );
    }
    o.push_str("<section class=\"sources\"><h2>Bronnen</h2><ul>");
    for line in &s.sources {
        let _ = write!(o, "<li>{}</li>", esc(line));
    }
    let _ = write!(o, "</ul></section>\n<footer><p>{}</p></footer>\n</body></html>\n", esc(&s.footer));
    o
}

/// The sheet as PDF, typeset by typst like the report.
pub fn sheet_pdf(s: &Sheet) -> Result<Vec<u8>> {
    super::pdf::typeset(SHEET_TEMPLATE, "gespreksformulier.typ", s)
}

/// The typst template of the sheet; it reads `data.json`.
const SHEET_TEMPLATE: &str = include_str!("talk_sheet.typ");

const SHEET_CSS: &str = "@page{size:A4;margin:16mm}body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:10.5pt;color:#1b1f24;line-height:1.4;max-width:180mm;margin:0 auto}\
h1{font-size:18pt;margin:.2em 0}h2{font-size:13pt;border-bottom:1px solid #8a99a8;padding-bottom:2pt;margin:1.2em 0 .4em}\
.kicker{color:#1d5b79;text-transform:uppercase;letter-spacing:.05em;font-size:9pt;margin:0}table.fill{border-collapse:collapse;width:100%}\
table.fill th{text-align:left;width:35%;padding:6pt 4pt;border-bottom:1px solid #b8c2cc}table.fill td{border-bottom:1px solid #b8c2cc}\
.rules{border:2px solid #b3261e;padding:4pt 8pt;margin:1em 0}.theme{page-break-inside:avoid}ol li{margin-bottom:.3em}\
.rating{margin:.6em 0 0}.boxes{font-size:13pt;margin-left:1em}.scale{font-size:9pt;color:#4a5560;margin:0}\
.lines{height:26mm;border-bottom:1px solid #b8c2cc;background:repeating-linear-gradient(transparent,transparent 6.2mm,#d5dce2 6.2mm,#d5dce2 6.5mm);color:#4a5560;font-size:9pt}\
.sources{font-size:9pt}footer{margin-top:1.5em;color:#4a5560;font-size:9pt}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_escapes_labels_and_draws_a_bar_in_proportion() {
        let rows = vec![
            ChartRow { label: "<b>Regels</b>".into(), rating: Some(2), low: true, value: "2 van 5".into(), share: 0.4 },
            ChartRow { label: "Omgang".into(), rating: None, low: false, value: "overgeslagen".into(), share: 0.0 },
        ];
        let svg = svg(&rows, "Teamgesprek & cijfers");
        assert!(svg.contains("&lt;b&gt;Regels&lt;/b&gt;") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("<title>Teamgesprek &amp; cijfers</title>"));
        // 2 of 5 on a 300 wide track: 120 wide, in the warning colour.
        assert!(svg.contains("width=\"120\" height=\"14\" fill=\"#b3261e\""), "{svg}");
        assert_eq!(
            svg.matches("fill=\"#b3261e\"").count() + svg.matches("fill=\"#1d5b79\"").count(),
            1,
            "no bar when skipped"
        );
        assert_eq!(text_bar(&rows[0]), "■■□□□");
        assert_eq!(text_bar(&rows[1]), "□□□□□");
    }
}
