//! What a report shows, built once from the gathered data: the visit's facts, the answers,
//! each intervention's facts, the leidraad's advice, the action plan, the plan van aanpak, the
//! aanbod-scan, the notes and the sources. Every format (HTML, Markdown, PDF, Word) renders
//! these same rows, so no format shows a fact another one drops; the action plan's rows also
//! feed the spreadsheet and the CSV.

use serde::Serialize;

use super::{NOT_KNOWN, ReportData, known, known_date, label, labels, nl_date, nl_dates_in, pva};
use crate::advisor::Answers;
use crate::catalogue::model::Document;
use crate::catalogue::{Intervention, Taxonomy, Term};
use crate::dossier::{Dossier, PlanItem, PlanStatus};

/// The answers as (question, answer) lines in Dutch.
pub(crate) fn answer_lines(answers: &Answers, t: &Taxonomy) -> Vec<(String, String)> {
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

pub(crate) fn plan_name<'a>(data: &'a ReportData, p: &'a PlanItem) -> &'a str {
    plan_record(data, p).map_or(p.intervention_id.as_str(), |r| r.name.as_str())
}

pub(crate) fn plan_record<'a>(data: &'a ReportData, p: &PlanItem) -> Option<&'a Intervention> {
    data.items.iter().map(|i| &i.record).chain(&data.plan_records).find(|r| r.id == p.intervention_id)
}

/// The column heads of the action plan, in every format.
pub const PLAN_COLUMNS: [&str; 7] = ["Interventie", "Wat", "Wie", "Start", "Evaluatie", "Hoe evalueren", "Status"];

/// One action of the plan, built once and shown by every format: the reports for people
/// ([`PlanRow::shown_cells`]), the spreadsheet and CSV for other programs ([`PlanRow::cells`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlanRow {
    /// The intervention's name (its id when the catalogue no longer has it).
    pub intervention: String,
    /// What will be done.
    pub what: String,
    /// Who does it.
    pub who: String,
    /// Start date (YYYY-MM-DD), if known.
    pub start: Option<String>,
    /// Evaluation date (YYYY-MM-DD), if known.
    pub evaluation: Option<String>,
    /// How it is evaluated.
    pub how: String,
    /// Status.
    pub status: PlanStatus,
}

impl PlanRow {
    /// The row under [`PLAN_COLUMNS`] for people: dates as dd-mm-jjjj, a missing date "niet bekend".
    pub fn shown_cells(&self) -> [String; 7] {
        self.with_dates(known_date)
    }

    /// The row under [`PLAN_COLUMNS`] for other programs: dates in ISO, a missing date empty.
    pub fn cells(&self) -> [String; 7] {
        self.with_dates(|d| d.clone().unwrap_or_default())
    }

    fn with_dates(&self, date: impl Fn(&Option<String>) -> String) -> [String; 7] {
        [
            self.intervention.clone(),
            self.what.clone(),
            self.who.clone(),
            date(&self.start),
            date(&self.evaluation),
            self.how.clone(),
            self.status.to_string(),
        ]
    }
}

/// The action plan, in its order.
pub(crate) fn plan(data: &ReportData) -> Vec<PlanRow> {
    data.dossier
        .plan
        .iter()
        .map(|p| PlanRow {
            intervention: plan_name(data, p).to_string(),
            what: p.what.clone(),
            who: p.who.clone(),
            start: p.start_date.clone(),
            evaluation: p.evaluation_date.clone(),
            how: p.evaluation_method.clone(),
            status: p.status,
        })
        .collect()
}

/// A table as every report format renders it: column heads and rows of text for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Table {
    /// The column heads.
    pub heads: Vec<String>,
    /// The rows, a cell under each head.
    pub rows: Vec<Vec<String>>,
    /// Whether each row's first cell names the row (the level in the aanbod-scan); HTML and
    /// PDF show it as a head.
    pub row_heads: bool,
}

impl Table {
    fn new(heads: &[&str], rows: Vec<Vec<String>>) -> Self {
        Table { heads: heads.iter().map(|h| h.to_string()).collect(), rows, row_heads: false }
    }
}

/// The action plan under [`PLAN_COLUMNS`]; no rows when the plan is empty.
pub(crate) fn plan_table(data: &ReportData) -> Table {
    Table::new(&PLAN_COLUMNS, plan(data).iter().map(|r| Vec::from(r.shown_cells())).collect())
}

/// The plan van aanpak under [`pva::COLUMNS`]; no rows when the plan is empty.
pub(crate) fn pva_table(data: &ReportData) -> Table {
    Table::new(&pva::COLUMNS, pva::rows(data).iter().map(|r| Vec::from(r.shown_cells())).collect())
}

/// How a covered cell of the aanbod-scan starts, before the ids that cover it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Covered {
    /// "✓ pico, vertrouwenspersoon": the screen formats, HTML and Markdown.
    Check,
    /// "aanwezig: pico, vertrouwenspersoon": the documents, PDF and Word.
    Word,
}

/// The aanbod-scan as a level × step table ("ontbreekt" where nothing covers a cell), when
/// the dossier says what is already offered.
pub(crate) fn coverage_table(data: &ReportData, covered: Covered) -> Option<Table> {
    let coverage = data.coverage.as_ref()?;
    let t = &data.taxonomy;
    let mut heads = vec!["Niveau".to_string()];
    heads.extend(t.steps.iter().map(|s| s.id.clone()));
    let rows = t
        .levels
        .iter()
        .map(|level| {
            let mut row = vec![level.label.clone()];
            row.extend(t.steps.iter().map(|step| {
                match coverage.cells.iter().find(|c| c.level == level.id && c.step == step.id) {
                    Some(c) if !c.covered_by.is_empty() => match covered {
                        Covered::Check => format!("✓ {}", c.covered_by.join(", ")),
                        Covered::Word => format!("aanwezig: {}", c.covered_by.join(", ")),
                    },
                    _ => "ontbreekt".to_string(),
                }
            }));
            row
        })
        .collect();
    Some(Table { heads, rows, row_heads: true })
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
pub(crate) const LEIDRAAD_NONE: &str =
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
