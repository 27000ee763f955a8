//! The checks of the catalogue's other files: the edition (`catalogue.toml`), the taxonomy,
//! the leidraad's step guides (`steps/*.toml`) and the decision tree (`tree.toml`).

use std::collections::BTreeSet;

use super::super::model::{DecisionTree, Edition, Finding, QuestionKind, StepGuide, Taxonomy, Term};
use super::record::{Vocabulary, check_text};
use super::{MAX_NAME, Problem, STEP_ORDER, name_problem};
use crate::time::date::is_date;

/// The answer fields a question may fill, with the kind it must have and the taxonomy list
/// its options must come from.
const ANSWER_FIELDS: &[(&str, QuestionKind, Option<&str>)] = &[
    ("role", QuestionKind::Single, Some("roles")),
    ("level", QuestionKind::Single, Some("levels")),
    ("steps", QuestionKind::Multi, Some("steps")),
    ("themes", QuestionKind::Multi, Some("themes")),
    ("sector", QuestionKind::Single, Some("sectors")),
    ("risk_group", QuestionKind::Single, Some("risk_groups")),
    ("min_evidence", QuestionKind::Single, Some("evidence_levels")),
    ("free", QuestionKind::YesNo, None),
    ("max_time", QuestionKind::Single, Some("time_classes")),
];

/// Checks data/catalogue.toml.
pub(super) fn check_edition(edition: &Edition) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(message) = name_problem(&edition.version, 64) {
        out.push(("version".into(), message));
    }
    if !is_date(&edition.date) {
        out.push(("date".into(), format!("\"{}\" is geen datum (JJJJ-MM-DD)", edition.date)));
    }
    if let Some(message) = name_problem(&edition.publisher, MAX_NAME) {
        out.push(("publisher".into(), message));
    }
    out
}

fn check_findings(vocab: &Vocabulary<'_>, name: &str, findings: &[Finding], out: &mut Vec<(String, String)>) {
    for (i, finding) in findings.iter().enumerate() {
        check_text(&format!("{name}[{i}].heading"), &finding.heading, out);
        check_text(&format!("{name}[{i}].text"), &finding.text, out);
        vocab.check_sources(&format!("{name}[{i}].sources"), &finding.sources, out);
    }
}

pub(super) fn check_step(vocab: &Vocabulary<'_>, ids: &BTreeSet<&str>, s: &StepGuide) -> Vec<(String, String)> {
    let t = vocab.taxonomy;
    let mut out = Vec::new();
    vocab.check("step", &t.steps, &s.step, &mut out);
    check_text("title", &s.title, &mut out);
    check_text("summary", &s.summary, &mut out);
    for id in &s.good_practices {
        if !ids.contains(id.as_str()) {
            out.push(("good_practices".into(), format!("\"{id}\" is geen id van een interventie")));
        }
    }
    if s.why.is_empty() {
        out.push(("why".into(), "heeft minstens één bevinding nodig".into()));
    }
    check_findings(vocab, "why", &s.why, &mut out);
    check_findings(vocab, "rationale", &s.rationale, &mut out);
    for role in &t.roles {
        let count = s.advice.iter().filter(|a| a.role == role.id).count();
        if count != 1 {
            out.push((
                "advice".into(),
                format!("heeft precies één advies nodig voor rol \"{}\", gevonden: {count}", role.id),
            ));
        }
    }
    for (i, advice) in s.advice.iter().enumerate() {
        let field = format!("advice[{i}]");
        vocab.check(&format!("{field}.role"), &t.roles, &advice.role, &mut out);
        check_text(&format!("{field}.audience"), &advice.audience, &mut out);
        if advice.items.is_empty() {
            out.push((format!("{field}.items"), "heeft minstens één punt nodig".into()));
        }
        for (j, item) in advice.items.iter().enumerate() {
            check_text(&format!("{field}.items[{j}]"), item, &mut out);
        }
        for id in &advice.interventions {
            if !ids.contains(id.as_str()) {
                out.push((format!("{field}.interventions"), format!("\"{id}\" is geen id van een interventie")));
            }
        }
        vocab.check_sources(&format!("{field}.sources"), &advice.sources, &mut out);
    }
    out
}

/// The taxonomy list called `name`.
pub fn taxonomy_list<'a>(t: &'a Taxonomy, name: &str) -> Option<&'a [Term]> {
    Some(match name {
        "levels" => &t.levels,
        "steps" => &t.steps,
        "roles" => &t.roles,
        "themes" => &t.themes,
        "sectors" => &t.sectors,
        "risk_groups" => &t.risk_groups,
        "evidence_levels" => &t.evidence_levels,
        "evidence_schemes" => &t.evidence_schemes,
        "kinds" => &t.kinds,
        "cost_classes" => &t.cost_classes,
        "time_classes" => &t.time_classes,
        _ => return None,
    })
}

pub(super) fn check_tree(t: &Taxonomy, tree: &DecisionTree) -> Vec<(String, String)> {
    let vocab = Vocabulary::new(t);
    let mut out = Vec::new();
    if tree.entries.len() != 4 {
        out.push((
            "entries".into(),
            format!("heeft de vier vragen van de leidraad nodig, gevonden: {}", tree.entries.len()),
        ));
    }
    for (i, entry) in tree.entries.iter().enumerate() {
        let field = format!("entries[{i}]");
        check_text(&format!("{field}.question"), &entry.question, &mut out);
        check_text(&format!("{field}.question_en"), &entry.question_en, &mut out);
        if let Some(role) = &entry.presets.role {
            vocab.check(&format!("{field}.presets.role"), &t.roles, role, &mut out);
        }
        if let Some(level) = &entry.presets.level {
            vocab.check(&format!("{field}.presets.level"), &t.levels, level, &mut out);
        }
        vocab.check_list(&format!("{field}.presets.steps"), &t.steps, &entry.presets.steps, 0, &mut out);
        for (j, phrase) in entry.asked_as.iter().enumerate() {
            let words = phrase.split_whitespace().count();
            let message = if words < 3 {
                Some("moet minstens drie woorden hebben (een los woord is een zoekwoord, geen vraag)".to_string())
            } else if phrase.to_lowercase() != *phrase
                || phrase.split_whitespace().collect::<Vec<_>>().join(" ") != *phrase
            {
                Some("moet in kleine letters, met één spatie tussen de woorden".to_string())
            } else {
                tree.entries[..i]
                    .iter()
                    .find(|other| other.asked_as.contains(phrase))
                    .map(|other| format!("\"{phrase}\" staat ook bij \"{}\"", other.id))
                    .or_else(|| {
                        entry.asked_as[..j].contains(phrase).then(|| format!("\"{phrase}\" komt twee keer voor"))
                    })
            };
            if let Some(message) = message {
                out.push((format!("{field}.asked_as[{j}]"), message));
            }
        }
    }
    let mut seen = BTreeSet::new();
    for (i, q) in tree.questions.iter().enumerate() {
        let field = format!("questions[{i}]");
        if !seen.insert(q.id.as_str()) {
            out.push((format!("{field}.id"), format!("\"{}\" komt twee keer voor", q.id)));
        }
        check_text(&format!("{field}.prompt"), &q.prompt, &mut out);
        check_text(&format!("{field}.prompt_en"), &q.prompt_en, &mut out);
        match ANSWER_FIELDS.iter().find(|(name, _, _)| *name == q.answer) {
            None => {
                let allowed: Vec<&str> = ANSWER_FIELDS.iter().map(|(n, _, _)| *n).collect();
                out.push((
                    format!("{field}.answer"),
                    format!("\"{}\" is niet toegestaan; toegestaan: {}", q.answer, allowed.join(", ")),
                ));
            }
            Some((_, kind, options)) => {
                if q.kind != *kind {
                    out.push((format!("{field}.kind"), format!("moet \"{kind}\" zijn voor antwoord \"{}\"", q.answer)));
                }
                if q.options_from.as_deref() != *options {
                    out.push((
                        format!("{field}.options_from"),
                        format!("moet {options:?} zijn voor antwoord \"{}\"", q.answer),
                    ));
                }
            }
        }
    }
    out
}

pub(super) fn check_taxonomy(file: &str, t: &Taxonomy) -> Vec<Problem> {
    let mut problems = Vec::new();
    let lists: [(&str, &[Term]); 11] = [
        ("levels", &t.levels),
        ("steps", &t.steps),
        ("roles", &t.roles),
        ("themes", &t.themes),
        ("sectors", &t.sectors),
        ("risk_groups", &t.risk_groups),
        ("evidence_levels", &t.evidence_levels),
        ("evidence_schemes", &t.evidence_schemes),
        ("kinds", &t.kinds),
        ("cost_classes", &t.cost_classes),
        ("time_classes", &t.time_classes),
    ];
    for (name, terms) in lists {
        let mut seen = BTreeSet::new();
        for term in terms {
            if !seen.insert(term.id.as_str()) {
                problems.push(Problem::new(file, name, format!("\"{}\" is twee keer gedefinieerd", term.id)));
            }
            if term.label.trim().is_empty() || term.label_en.trim().is_empty() {
                problems.push(Problem::new(
                    file,
                    format!("{name}.{}", term.id),
                    "heeft een Nederlands en een Engels label nodig",
                ));
            }
        }
    }
    for sector in &t.sectors {
        if let Some(parent) = &sector.parent
            && !t.sectors.iter().any(|s| &s.id == parent && s.parent.is_none())
        {
            problems.push(Problem::new(
                file,
                format!("sectors.{}.parent", sector.id),
                format!("\"{parent}\" is geen hoofdsector"),
            ));
        }
    }
    for level in &t.evidence_levels {
        if level.rank.is_none() {
            problems.push(Problem::new(file, format!("evidence_levels.{}.rank", level.id), "ontbreekt"));
        }
    }
    for wanted in STEP_ORDER {
        if !t.steps.iter().any(|s| s.id == wanted) {
            problems.push(Problem::new(file, "steps", format!("stap \"{wanted}\" ontbreekt")));
        }
    }
    for (name, wanted) in [
        ("cost_classes", "onbekend"),
        ("time_classes", "onbekend"),
        ("evidence_levels", "onbekend"),
        ("evidence_schemes", "onbekend"),
    ] {
        let terms = lists.iter().find(|(n, _)| *n == name).map(|(_, t)| *t).unwrap_or(&[]);
        if !terms.iter().any(|t| t.id == wanted) {
            problems.push(Problem::new(file, name, format!("\"{wanted}\" moet gedefinieerd zijn")));
        }
    }
    problems
}
