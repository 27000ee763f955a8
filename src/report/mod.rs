//! The advice report of a dossier, to hand over at the end of a visit: the visit, the
//! answers, the chosen interventions with the reasons and the four things the leidraad says
//! workers must be told (what you get, what it involves, time, privacy) plus cost and
//! evidence, the coverage matrix, the action plan, the sources, and the catalogue version.
//!
//! Rendering is pure (data in, text out); every piece of catalogue or user text is escaped.
//! The same sections, in the same order, reach every format: HTML and Markdown here, PDF
//! (`pdf.rs`), Word (`docx.rs`). The action plan also leaves as a spreadsheet or a calendar
//! (`sheet.rs`, `ics.rs`); `pva.rs` defines its plan-van-aanpak layout for the RI&E.

pub mod docx;
pub mod ics;
pub mod pdf;
pub mod pva;
pub mod sheet;

use std::fmt::Write as _;

use serde::Serialize;

use crate::advisor::{Advice, Answers, Coverage};
use crate::catalogue::model::Document;
use crate::catalogue::{Intervention, Taxonomy, Term};
use crate::dossier::{Dossier, Note, PlanItem};

/// The formats of the advice report.
pub const REPORT_FORMATS: &[&str] = &["html", "pdf", "md", "docx"];

/// The formats the action plan is exported in.
pub const PLAN_FORMATS: &[&str] = &["xlsx", "csv", "ics"];

/// How a report or an export is made.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct ReportOptions {
    /// The notes to show in the report, by number (from `dossier show`).
    pub notes: Vec<i64>,
    /// Show every note.
    pub all_notes: bool,
    /// Replace the output file when it exists (the system's save dialog has asked already).
    pub replace: bool,
}

/// Everything a report shows, gathered by the core.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// The dossier.
    pub dossier: Dossier,
    /// The interventions in the report: the shortlist, or the best recommendations when the
    /// shortlist is empty; with why (shortlist) and the advisor's reasons.
    pub items: Vec<ReportItem>,
    /// The advisor's result for the dossier's answers.
    pub advice: Advice,
    /// The coverage matrix (aanbod-scan), when the dossier says what is already offered.
    pub coverage: Option<Coverage>,
    /// The notes the user chose to show in the report (oldest first); none unless asked.
    pub notes: Vec<Note>,
    /// The records of the interventions in the action plan (for names and themes), also
    /// those not on the shortlist.
    pub plan_records: Vec<Intervention>,
    /// The vocabulary, for labels.
    pub taxonomy: Taxonomy,
    /// Date the report was made (YYYY-MM-DD).
    pub date: String,
    /// Catalogue version.
    pub catalogue_version: String,
    /// Program version.
    pub program_version: String,
}

/// One intervention in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportItem {
    /// The record.
    pub record: Intervention,
    /// Why it was chosen (from the shortlist).
    pub why: Option<String>,
    /// The advisor's reasons.
    pub reasons: Vec<String>,
}

const NOT_KNOWN: &str = "niet bekend";

fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
}

fn labels(terms: &[Term], ids: &[String]) -> String {
    if ids.is_empty() { "—".into() } else { ids.iter().map(|id| label(terms, id)).collect::<Vec<_>>().join(", ") }
}

fn known(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or(NOT_KNOWN)
}

pub(crate) use crate::time::{nl_date, nl_dates_in};

/// An optional date for people, or "niet bekend".
fn known_date(value: &Option<String>) -> String {
    value.as_deref().map_or(NOT_KNOWN.to_string(), nl_date)
}

/// The answers as (question, answer) lines in Dutch.
pub fn answer_lines(answers: &Answers, t: &Taxonomy) -> Vec<(String, String)> {
    let one = |terms: &[Term], v: &Option<String>| {
        v.as_deref().map_or(NOT_KNOWN.to_string(), |x| label(terms, x).to_string())
    };
    let many = |terms: &[Term], v: &[String]| if v.is_empty() { NOT_KNOWN.to_string() } else { labels(terms, v) };
    vec![
        ("Rol".into(), one(&t.roles, &answers.role)),
        ("Niveau".into(), one(&t.levels, &answers.level)),
        ("Stap".into(), if answers.steps.is_empty() { NOT_KNOWN.into() } else { answers.steps.join(", ") }),
        ("Thema's".into(), many(&t.themes, &answers.themes)),
        ("Sector".into(), one(&t.sectors, &answers.sector)),
        ("Risicogroep".into(), one(&t.risk_groups, &answers.risk_group)),
        ("Minimaal bewijs".into(), one(&t.evidence_levels, &answers.min_evidence)),
        ("Alleen gratis".into(), if answers.free { "ja".into() } else { "nee".into() }),
        ("Beschikbare tijd".into(), one(&t.time_classes, &answers.max_time)),
        ("Al aangeboden".into(), if answers.have.is_empty() { "—".into() } else { answers.have.join(", ") }),
    ]
}

/// What the report says about one intervention: the leidraad's four things (what you get,
/// what it involves, time, privacy) plus cost, evidence, developer and web address. The facts
/// no source gives are not each a row of "niet bekend" but named together on one last row,
/// "Niet bekend: tijd, kosten, privacy", as the window shows them.
pub(crate) fn item_facts(r: &Intervention, t: &Taxonomy) -> Vec<(&'static str, String)> {
    let facts: [(&'static str, &'static str, Option<String>); 7] = [
        ("Wat u eraan hebt", "wat u eraan hebt", r.benefits.clone()),
        ("Wat het inhoudt", "wat het inhoudt", r.involves.clone()),
        ("Hoeveel tijd het kost", "tijd", r.time.clone()),
        ("Kosten", "kosten", r.cost.clone()),
        ("Privacy", "privacy", r.privacy.clone()),
        ("Ontwikkeld door", "ontwikkelaar", r.developed_by.as_ref().map(|x| x.join("; "))),
        ("Website", "website", r.url.clone()),
    ];
    let mut rows: Vec<(&'static str, String)> =
        facts.iter().filter_map(|(name, _, value)| value.clone().map(|v| (*name, v))).collect();
    rows.push(("Bewijs", format!("{} — {}", label(&t.evidence_levels, &r.evidence.level), known(&r.evidence.basis))));
    let unknown: Vec<&str> = facts.iter().filter(|(_, _, value)| value.is_none()).map(|(_, short, _)| *short).collect();
    if !unknown.is_empty() {
        rows.push(("Niet bekend", unknown.join(", ")));
    }
    rows
}

/// The facts of the visit, as rows.
pub(crate) fn visit_facts(d: &Dossier, t: &Taxonomy) -> Vec<(&'static str, String)> {
    vec![
        ("Organisatie", d.info.org.clone()),
        ("Sector", d.info.sector.as_deref().map_or(NOT_KNOWN.to_string(), |s| label(&t.sectors, s).to_string())),
        ("Grootte", known(&d.info.size_band).to_string()),
        ("Afdeling of team", known(&d.info.department).to_string()),
        ("Datum van het bezoek", known_date(&d.info.visit_date)),
        ("Contactpersoon", known(&d.info.contact_name).to_string()),
        ("Rol contactpersoon", known(&d.info.contact_role).to_string()),
        ("Adviseur", known(&d.info.professional).to_string()),
    ]
}

fn documents_used(data: &ReportData) -> Vec<&Document> {
    let mut ids: Vec<&str> =
        data.items.iter().flat_map(|i| i.record.sources.iter().map(|s| s.document.as_str())).collect();
    ids.sort_unstable();
    ids.dedup();
    data.taxonomy.documents.iter().filter(|d| ids.contains(&d.id.as_str())).collect()
}

fn plan_name<'a>(data: &'a ReportData, p: &'a PlanItem) -> &'a str {
    plan_record(data, p).map_or(p.intervention_id.as_str(), |r| r.name.as_str())
}

fn plan_record<'a>(data: &'a ReportData, p: &PlanItem) -> Option<&'a Intervention> {
    data.items.iter().map(|i| &i.record).chain(&data.plan_records).find(|r| r.id == p.intervention_id)
}

/// The column heads of the action plan, in every format.
pub const PLAN_COLUMNS: [&str; 7] = ["Interventie", "Wat", "Wie", "Start", "Evaluatie", "Hoe evalueren", "Status"];

/// The action plan as rows of [`PLAN_COLUMNS`]; a missing date reads "niet bekend".
pub(crate) fn plan_rows(data: &ReportData) -> Vec<[String; 7]> {
    data.dossier
        .plan
        .iter()
        .map(|p| {
            [
                plan_name(data, p).to_string(),
                p.what.clone(),
                p.who.clone(),
                known_date(&p.start_date),
                known_date(&p.evaluation_date),
                p.evaluation_method.clone(),
                p.status.clone(),
            ]
        })
        .collect()
}

/// One step of the leidraad's advice for the dossier's role.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LeidraadPart {
    /// "Stap B2: hanteerbare werkdruk (leidinggevende)".
    pub heading: String,
    /// The advice items.
    pub items: Vec<String>,
    /// Said when the advice comes from other sources than the leidraad itself.
    pub remark: Option<String>,
}

/// The leidraad's advice for the chosen steps and the dossier's role.
pub(crate) fn leidraad(data: &ReportData) -> Vec<LeidraadPart> {
    let t = &data.taxonomy;
    data.advice
        .advice
        .iter()
        .map(|a| LeidraadPart {
            heading: format!("Stap {}: {} ({})", a.step, label(&t.steps, &a.step), label(&t.roles, &a.role)),
            items: a.items.clone(),
            remark: (!a.from_leidraad).then(|| {
                "De leidraad geeft hier zelf geen advies voor deze rol; dit komt uit de andere bronnen.".into()
            }),
        })
        .collect()
}

/// The heading of the leidraad section, and what it says when there is nothing to show.
pub const LEIDRAAD_TITLE: &str = "Advies uit de leidraad";
const LEIDRAAD_NONE: &str =
    "Geen: kies in de antwoorden een rol (en eventueel een stap) om het advies van de leidraad te zien.";

/// The chosen notes as (date, text).
pub(crate) fn note_lines(data: &ReportData) -> Vec<(String, String)> {
    data.notes.iter().map(|n| (nl_date(&n.created_at), n.text.clone())).collect()
}

/// The line at the end of every report: program, date and catalogue version.
pub(crate) fn colophon(data: &ReportData) -> String {
    format!(
        "Gemaakt met Keuzehulp {} op {} · catalogusversie {}. Dit rapport bevat geen gezondheidsgegevens van medewerkers.",
        data.program_version,
        nl_date(&data.date),
        nl_dates_in(&data.catalogue_version)
    )
}

/// The sources used, one line each.
pub(crate) fn source_lines(data: &ReportData) -> Vec<String> {
    documents_used(data).iter().map(|doc| format!("{} ({}, {})", doc.title, doc.publisher, doc.year)).collect()
}

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
    if let Some(coverage) = &data.coverage {
        o.push_str(
            "<section><h2>Aanbod-scan: wat er al is en wat ontbreekt</h2><table class=\"matrix\"><tr><th>Niveau</th>",
        );
        for step in &t.steps {
            let _ = write!(o, "<th>{}</th>", esc(&step.id));
        }
        o.push_str("</tr>");
        for level in &t.levels {
            let _ = write!(o, "<tr><th>{}</th>", esc(&level.label));
            for step in &t.steps {
                let cell = coverage.cells.iter().find(|c| c.level == level.id && c.step == step.id);
                let text = match cell {
                    Some(c) if !c.covered_by.is_empty() => format!("✓ {}", c.covered_by.join(", ")),
                    _ => "ontbreekt".to_string(),
                };
                let _ = write!(o, "<td>{}</td>", esc(&text));
            }
            o.push_str("</tr>");
        }
        o.push_str("</table></section>\n");
    }
    o.push_str("<section><h2>Actieplan</h2>");
    if d.plan.is_empty() {
        o.push_str("<p>Nog geen actiepunten.</p>");
    } else {
        html_table(&mut o, "plan", &PLAN_COLUMNS, plan_rows(data).iter().map(|r| r.as_slice()));
    }
    let _ = write!(o, "</section>\n<section class=\"pva\"><h2>{}</h2>", esc(pva::TITLE));
    for line in pva::intro(data) {
        let _ = write!(o, "<p>{}</p>", esc(&line));
    }
    if !d.plan.is_empty() {
        html_table(
            &mut o,
            "plan",
            &pva::COLUMNS,
            pva::rows(data).iter().map(|r| r.shown_cells()).collect::<Vec<_>>().iter().map(|r| r.as_slice()),
        );
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

/// A table with a header row; every cell escaped.
fn html_table<'a>(o: &mut String, class: &str, heads: &[&str], rows: impl Iterator<Item = &'a [String]>) {
    let _ = write!(o, "<table class=\"{class}\"><tr>");
    for head in heads {
        let _ = write!(o, "<th>{}</th>", esc(head));
    }
    o.push_str("</tr>");
    for row in rows {
        o.push_str("<tr>");
        for cell in row {
            let _ = write!(o, "<td>{}</td>", esc(cell));
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
}

const CSS: &str = "@page{size:A4;margin:18mm}body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:10.5pt;color:#1b1f24;line-height:1.45;max-width:180mm;margin:0 auto}\
h1{font-size:20pt;margin:.2em 0}h2{font-size:14pt;border-bottom:1px solid #8a99a8;padding-bottom:2pt;margin-top:1.4em}h3{font-size:12pt;margin:.8em 0 .3em}\
.kicker{color:#1d5b79;text-transform:uppercase;letter-spacing:.05em;font-size:9pt;margin:0}table{border-collapse:collapse;width:100%;margin:.4em 0}\
th,td{border:1px solid #b8c2cc;padding:3pt 5pt;text-align:left;vertical-align:top}.facts th{width:38%;background:#f3f6f8}\
.item{page-break-inside:avoid}.notes p{border-left:3px solid #1d5b79;padding-left:.5em}.remark{font-style:italic}.note{white-space:pre-wrap}footer{margin-top:2em;color:#4a5560;font-size:9pt}";

/// Escapes text for Markdown (and keeps it on one line where asked).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// A Markdown table with a header row; every cell escaped and kept on one line.
fn md_table<'a>(o: &mut String, heads: &[&str], rows: impl Iterator<Item = &'a [String]>) {
    let _ = writeln!(o, "| {} |\n|{}", heads.join(" | "), "---|".repeat(heads.len()));
    for row in rows {
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
    let visit_date = known_date(&d.info.visit_date);
    for (k, v) in [
        ("Sector", d.info.sector.as_deref().map_or(NOT_KNOWN, |s| label(&t.sectors, s))),
        ("Afdeling of team", known(&d.info.department)),
        ("Datum van het bezoek", visit_date.as_str()),
        ("Contactpersoon", known(&d.info.contact_name)),
        ("Adviseur", known(&d.info.professional)),
    ] {
        let _ = writeln!(o, "- **{k}:** {}", md(v));
    }
    let _ = writeln!(o, "\n## De antwoorden\n");
    for (k, v) in answer_lines(&d.answers, t) {
        let _ = writeln!(o, "- **{k}:** {}", md(&v));
    }
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
    if let Some(coverage) = &data.coverage {
        let _ = writeln!(o, "## Aanbod-scan\n");
        let _ = writeln!(o, "| Niveau | {} |", t.steps.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(" | "));
        let _ = writeln!(o, "|---|{}", "---|".repeat(t.steps.len()));
        for level in &t.levels {
            let cells: Vec<String> = t
                .steps
                .iter()
                .map(|step| {
                    let covered = coverage
                        .cells
                        .iter()
                        .find(|c| c.level == level.id && c.step == step.id)
                        .map(|c| c.covered_by.join(", "));
                    match covered {
                        Some(c) if !c.is_empty() => format!("✓ {}", md(&c)),
                        _ => "ontbreekt".into(),
                    }
                })
                .collect();
            let _ = writeln!(o, "| {} | {} |", md(&level.label), cells.join(" | "));
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## Actieplan\n");
    if d.plan.is_empty() {
        let _ = writeln!(o, "Nog geen actiepunten.\n");
    } else {
        md_table(&mut o, &PLAN_COLUMNS, plan_rows(data).iter().map(|r| r.as_slice()));
    }
    let _ = writeln!(o, "## {}\n", pva::TITLE);
    for line in pva::intro(data) {
        let _ = writeln!(o, "{}\n", md(&line));
    }
    if !d.plan.is_empty() {
        md_table(
            &mut o,
            &pva::COLUMNS,
            pva::rows(data).iter().map(|r| r.shown_cells()).collect::<Vec<_>>().iter().map(|r| r.as_slice()),
        );
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escaping_covers_markup_and_quotes() {
        assert_eq!(esc("<img src=x onerror=\"a\">&'"), "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn markdown_escaping_defuses_links_and_html() {
        assert_eq!(md("[klik](javascript:x) <b>"), "\\[klik\\](javascript:x) \\<b\\>");
    }
}
