//! The report's section "Evaluatie": per theme or scale the baseline against the
//! re-measurement with n (a chart, and the same figures as a table), per evaluated plan item
//! what happened, the program's proposal and the professional's verdict with the reason, the
//! indicators before and after, and "Nieuw advies voor wat nog speelt".
//!
//! Like the conversations' chart (`talk.rs`), every format draws the same rows itself: an
//! inline SVG in HTML with the table behind it for screen readers, typst's rectangles in the
//! PDF, a table of shaded cells in Word, a text bar in Markdown.

use std::fmt::Write as _;

use serde::Serialize;

use super::html::esc;
use super::{ReportData, nl_date};
use crate::dossier::evaluate::{Change, Direction, number};

/// The section's heading.
pub const TITLE: &str = "Evaluatie";
/// The heading of "Nieuw advies voor wat nog speelt".
pub const NEW_ADVICE: &str = "Nieuw advies voor wat nog speelt";
/// The columns of the before-and-after table.
pub const COLUMNS: [&str; 6] = ["Thema of schaal", "Nulmeting", "n", "Hermeting", "n", "Verandering"];
/// The columns of the indicators table.
pub const INDICATOR_COLUMNS: [&str; 5] = ["Indicator", "Ervoor", "Periode ervoor", "Erna", "Periode erna"];

/// One theme or scale before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairRow {
    /// The theme's or scale's name.
    pub label: String,
    /// The baseline's value as people read it.
    pub before: String,
    /// The re-measurement's.
    pub after: String,
    /// The bars' lengths as shares of the whole.
    pub before_share: f64,
    /// .
    pub after_share: f64,
    /// Worse than the baseline (drawn in the warning colour).
    pub worse: bool,
    /// The table's cells, under [`COLUMNS`].
    pub cells: [String; 6],
}

/// The pairs of one source (a conversation guide, a questionnaire).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairGroup {
    /// "Voor en na: het teamgesprek (10-01-2026 en 10-06-2026)".
    pub heading: String,
    /// "Schaal 1 tot 5; hoger is beter."
    pub scale: String,
    /// Its rows.
    pub rows: Vec<PairRow>,
}

/// One evaluated plan item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvaluationPart {
    /// "Actiepunt 2: Meer regelmogelijkheden — geëvalueerd op 20-06-2026".
    pub heading: String,
    /// (what, value) rows: carried out, reach, what the team says, the proposal, the verdict.
    pub facts: Vec<(String, String)>,
    /// Why the program proposed what it did.
    pub why: Vec<String>,
    /// The indicators, under [`INDICATOR_COLUMNS`].
    pub indicators: Vec<[String; 5]>,
}

/// The before-and-after groups, one per source.
pub fn groups(data: &ReportData) -> Vec<PairGroup> {
    let mut out: Vec<PairGroup> = Vec::new();
    let mut sources: Vec<(&str, &str)> = Vec::new();
    for c in &data.evaluation.changes {
        if !sources.contains(&(c.kind.as_str(), c.source.as_str())) {
            sources.push((c.kind.as_str(), c.source.as_str()));
        }
    }
    for (kind, source) in sources {
        let changes: Vec<&Change> =
            data.evaluation.changes.iter().filter(|c| c.kind.as_str() == kind && c.source == source).collect();
        let Some(first) = changes.first() else { continue };
        let dates = |f: fn(&Change) -> &str| {
            let mut d: Vec<&str> = changes.iter().map(|c| f(c)).collect();
            d.sort_unstable();
            d.dedup();
            d.iter().map(|x| nl_date(x)).collect::<Vec<_>>().join(", ")
        };
        out.push(PairGroup {
            heading: format!(
                "Voor en na: {} (nulmeting {}, hermeting {})",
                first.source_name,
                dates(|c| &c.before.date),
                dates(|c| &c.after.date)
            ),
            scale: format!(
                "Schaal {} tot {}; {}.",
                number(first.scale.min),
                number(first.scale.max),
                if first.scale.higher_is_better { "hoger is beter" } else { "hoger is slechter" }
            ),
            rows: changes.iter().map(|c| pair_row(c)).collect(),
        });
    }
    out
}

fn pair_row(c: &Change) -> PairRow {
    let share = |v: f64| {
        let (min, max) = (c.scale.min, c.scale.max);
        let s = if min >= 0.0 && max > 0.0 { v / max } else { (v - min) / (max - min) };
        if s.is_finite() { s.clamp(0.0, 1.0) } else { 0.0 }
    };
    let n = |n: Option<u32>| n.map_or("niet bekend".to_string(), |n| n.to_string());
    let difference =
        format!("{}{} ({})", if c.difference > 0.0 { "+" } else { "" }, number(c.difference), c.direction.label());
    PairRow {
        label: c.label.clone(),
        before: format!("{} (n = {})", number(c.before.value), n(c.before.n)),
        after: format!("{} (n = {})", number(c.after.value), n(c.after.n)),
        before_share: share(c.before.value),
        after_share: share(c.after.value),
        worse: c.direction == Direction::Slechter,
        cells: [
            c.label.clone(),
            format!("{} op {}", number(c.before.value), nl_date(&c.before.date)),
            n(c.before.n),
            format!("{} op {}", number(c.after.value), nl_date(&c.after.date)),
            n(c.after.n),
            difference,
        ],
    }
}

/// The evaluated plan items, in the plan's order, each item's evaluations by date.
pub fn parts(data: &ReportData) -> Vec<EvaluationPart> {
    let d = &data.dossier;
    let name = |id: &str| data.plan_records.iter().find(|r| r.id == id).map_or(id.to_string(), |r| r.name.clone());
    let mut out = Vec::new();
    for (nr, item) in d.plan.iter().enumerate() {
        for e in d.evaluations.iter().filter(|e| e.item == item.id) {
            let mut facts = vec![
                ("Uitgevoerd".to_string(), e.carried_out.label().to_string()),
                (
                    "Bereik".to_string(),
                    match (e.reached, e.reach_of) {
                        (Some(r), Some(of)) if of > 0 => {
                            format!("{r} van {of} ({:.0}%)", f64::from(r) * 100.0 / f64::from(of))
                        }
                        _ => "niet bekend".to_string(),
                    },
                ),
            ];
            if let Some(says) = &e.team_says {
                facts.push(("Wat het team zegt".into(), says.clone()));
            }
            if e.team_changed {
                facts.push(("Team".into(), "sterk veranderd sinds de nulmeting".into()));
            }
            facts.push(("Voorstel van Keuzehulp".into(), e.proposal.label().to_string()));
            facts.push(("Oordeel van de professional".into(), e.verdict.label().to_string()));
            if let Some(reason) = &e.reason {
                facts.push(("Reden".into(), reason.clone()));
            }
            out.push(EvaluationPart {
                heading: format!(
                    "Actiepunt {}: {} — geëvalueerd op {}",
                    nr + 1,
                    name(&item.intervention_id),
                    nl_date(&e.date)
                ),
                facts,
                why: e.proposal.why.clone(),
                indicators: e
                    .indicators
                    .iter()
                    .map(|i| {
                        [
                            i.indicator.label().to_string(),
                            number(i.before),
                            format!("{} t/m {}", nl_date(&i.before_period.from), nl_date(&i.before_period.to)),
                            number(i.after),
                            format!("{} t/m {}", nl_date(&i.after_period.from), nl_date(&i.after_period.to)),
                        ]
                    })
                    .collect(),
            });
        }
    }
    out
}

/// "Nieuw advies voor wat nog speelt": the themes not improved, then the interventions for
/// them; empty when every measured theme improved.
pub fn new_advice(data: &ReportData) -> (Vec<String>, Vec<String>) {
    let signals: Vec<String> = data.evaluation.signals.iter().map(crate::advisor::Signal::reason).collect();
    if signals.is_empty() {
        return (Vec::new(), Vec::new());
    }
    (signals, data.evaluation.advice.clone())
}

/// The line above the new advice.
pub const NEW_ADVICE_INTRO: &str = "Deze thema's zijn tussen de nulmeting en de hermeting niet verbeterd; het advies is opnieuw gezocht met alleen deze thema's:";

/// Whether the section has anything to show.
pub fn present(data: &ReportData) -> bool {
    !data.evaluation.changes.is_empty() || !data.dossier.evaluations.is_empty()
}

/// The chart of a group as an inline SVG: per row a pale bar for the baseline and a dark one
/// for the re-measurement (red when worse), the values beside them. Named for screen readers
/// by `title`, and described by the table with id `table_id`.
pub fn svg(rows: &[PairRow], title: &str, table_id: &str) -> String {
    const ROW: usize = 36;
    const LABEL: usize = 230;
    const BAR: usize = 260;
    let height = rows.len() * ROW + 8;
    let mut o = String::new();
    let _ = write!(
        o,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-describedby=\"{}\" viewBox=\"0 0 640 {height}\" width=\"640\" height=\"{height}\"><title>{}</title>",
        esc(table_id),
        esc(title)
    );
    for (i, r) in rows.iter().enumerate() {
        let y = 4 + i * ROW;
        let w = |share: f64| (share * BAR as f64).round() as usize;
        let after_fill = if r.worse { "#b3261e" } else { "#1d5b79" };
        let _ = write!(
            o,
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"12\" fill=\"#eef2f5\"/><rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"#9fb3c2\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">voor {}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"12\" fill=\"#eef2f5\"/><rect x=\"{LABEL}\" y=\"{}\" width=\"{}\" height=\"12\" fill=\"{after_fill}\"/><text x=\"{}\" y=\"{}\" font-size=\"11\">na {}</text>",
            y + 16,
            esc(&r.label),
            y + 2,
            y + 2,
            w(r.before_share),
            LABEL + BAR + 8,
            y + 12,
            esc(&r.before),
            y + 16,
            y + 16,
            w(r.after_share),
            LABEL + BAR + 8,
            y + 26,
            esc(&r.after),
        );
    }
    o.push_str("</svg>");
    o
}

/// The text bars of the Markdown table: ten blocks for the whole scale.
pub fn text_bar(share: f64) -> String {
    let filled = (share * 10.0).round().clamp(0.0, 10.0) as usize;
    format!("{}{}", "■".repeat(filled), "□".repeat(10 - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_draws_both_bars_in_proportion_and_names_its_table() {
        let rows = vec![PairRow {
            label: "<Regels>".into(),
            before: "2 (n = 12)".into(),
            after: "4 (n = 11)".into(),
            before_share: 0.4,
            after_share: 0.8,
            worse: false,
            cells: Default::default(),
        }];
        let svg = svg(&rows, "Voor & na", "tabel-1");
        assert!(svg.contains("aria-describedby=\"tabel-1\"") && svg.contains("<title>Voor &amp; na</title>"), "{svg}");
        assert!(svg.contains("&lt;Regels&gt;") && !svg.contains("<Regels>"));
        // 0.4 and 0.8 of a 260 wide track.
        assert!(svg.contains("width=\"104\" height=\"12\" fill=\"#9fb3c2\""), "{svg}");
        assert!(svg.contains("width=\"208\" height=\"12\" fill=\"#1d5b79\""), "{svg}");
        assert_eq!(text_bar(0.4), "■■■■□□□□□□");
    }
}
