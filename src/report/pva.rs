//! The action plan in the layout of a *plan van aanpak*, so that a professional can hand it
//! to the employer as the psychosocial part of the plan van aanpak of the RI&E.
//!
//! The legal ground: Arbeidsomstandighedenwet, artikel 5, derde lid (read on
//! wetten.overheid.nl, regeling BWBR0010346, artikel 5): the risico-inventarisatie en
//! -evaluatie contains a plan van aanpak that says which measures will be taken against the
//! risks found, and within which term. Those are the columns "Maatregel" and "Gereed of
//! evalueren op". The law names no "who"; the column "Uitvoerder" follows the common
//! practice of the Arbeidsinspectie's RI&E checks and issue #16, and "Status" and "Hoe
//! geëvalueerd" make the plan usable to follow up. The "Knelpunt" column names the PSA
//! themes the measure addresses, since a plan van aanpak links each measure to a risk.
//!
//! Every format uses this one layout: the report's section (HTML, Markdown, PDF, Word) and
//! the spreadsheet's second sheet.

use super::rows::{plan_name, plan_record};
use super::{ReportData, label};
use crate::dossier::{PlanItem, PlanStatus};

/// The section's and the sheet's title.
pub const TITLE: &str = "Plan van aanpak (RI&E): psychosociale arbeidsbelasting";

/// The article the layout rests on, as the report names it.
pub const LAW: &str = "Arbeidsomstandighedenwet, artikel 5, derde lid";

/// The column heads.
pub const COLUMNS: [&str; 8] = [
    "Nr.",
    "Knelpunt (risico)",
    "Maatregel",
    "Uitvoerder",
    "Start",
    "Gereed of evalueren op",
    "Hoe geëvalueerd",
    "Status",
];

/// What an empty cell says: the employer still has to fill it in.
pub const TO_FILL: &str = "nog invullen";

/// One measure of the plan van aanpak.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Number, from 1.
    pub nr: usize,
    /// The PSA risk it addresses.
    pub risk: String,
    /// The measure: the intervention, and what will be done.
    pub measure: String,
    /// Who carries it out.
    pub who: String,
    /// Start date (YYYY-MM-DD), if known.
    pub start: Option<String>,
    /// By when: the evaluation date (YYYY-MM-DD), if known.
    pub due: Option<String>,
    /// How it is evaluated.
    pub evaluation: String,
    /// Status.
    pub status: PlanStatus,
}

impl Row {
    /// The row as a report shows it to people: [`Row::cells`] with the dates as dd-mm-jjjj.
    pub fn shown_cells(&self) -> [String; 8] {
        let mut cells = self.cells();
        for cell in &mut cells[4..=5] {
            *cell = super::nl_date(cell);
        }
        cells
    }

    /// The row as text cells under [`COLUMNS`] (dates in ISO, for the workbook's date cells).
    pub fn cells(&self) -> [String; 8] {
        let or_fill = |s: &str| if s.trim().is_empty() { TO_FILL.to_string() } else { s.to_string() };
        [
            self.nr.to_string(),
            self.risk.clone(),
            self.measure.clone(),
            or_fill(&self.who),
            self.start.clone().unwrap_or_else(|| TO_FILL.into()),
            self.due.clone().unwrap_or_else(|| TO_FILL.into()),
            or_fill(&self.evaluation),
            self.status.to_string(),
        ]
    }
}

/// The plan's measures in plan van aanpak layout, in the order of the action plan.
pub fn rows(data: &ReportData) -> Vec<Row> {
    data.dossier.plan.iter().enumerate().map(|(i, p)| row(data, i + 1, p)).collect()
}

fn row(data: &ReportData, nr: usize, p: &PlanItem) -> Row {
    let t = &data.taxonomy;
    let chosen = &data.dossier.answers.themes;
    let record_themes = plan_record(data, p).map(|r| r.themes.clone()).unwrap_or_default();
    // The themes both the visit and the measure are about; else the visit's; else PSA as such.
    let mut themes: Vec<&String> = chosen.iter().filter(|th| record_themes.contains(th)).collect();
    if themes.is_empty() {
        themes = chosen.iter().collect();
    }
    let risk = if themes.is_empty() {
        "Psychosociale arbeidsbelasting".to_string()
    } else {
        format!(
            "Psychosociale arbeidsbelasting: {}",
            themes.iter().map(|th| label(&t.themes, th)).collect::<Vec<_>>().join(", ")
        )
    };
    let name = plan_name(data, p);
    let measure = if p.what.trim().is_empty() { name.to_string() } else { format!("{name}: {}", p.what) };
    Row {
        nr,
        risk,
        measure,
        who: p.who.clone(),
        start: p.start_date.clone(),
        due: p.evaluation_date.clone(),
        evaluation: p.evaluation_method.clone(),
        status: p.status,
    }
}

/// The paragraphs above the table: what this is, the legal ground, and for whom.
pub fn intro(data: &ReportData) -> Vec<String> {
    let d = &data.dossier;
    let mut lines = vec![
        format!(
            "Dit is het deel over psychosociale arbeidsbelasting (PSA) van het plan van aanpak bij de \
             risico-inventarisatie en -evaluatie (RI&E). Volgens de {LAW} staat in het plan van aanpak welke \
             maatregelen de werkgever neemt tegen de gevonden risico's en binnen welke termijn. Per maatregel staat \
             hieronder ook wie hem uitvoert en hoe hij wordt geëvalueerd; \"{TO_FILL}\" vult de werkgever nog in."
        ),
        format!(
            "Organisatie: {}{}. Opgesteld door: {}. Datum: {}.",
            d.info.org,
            d.info.department.as_deref().map(|x| format!(", {x}")).unwrap_or_default(),
            d.info.professional.as_deref().unwrap_or(super::NOT_KNOWN),
            super::nl_date(&data.date)
        ),
    ];
    if d.plan.is_empty() {
        lines.push("Er zijn nog geen maatregelen: voeg actiepunten toe aan het actieplan.".into());
    }
    lines
}
