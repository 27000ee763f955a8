//! What the conversation commands print: `conversation list` and `show`, `dossier talk`, and
//! the conversations in `dossier show`.

use std::fmt::Write as _;

use serde_json::json;

use crate::catalogue::conversation::{Conversations, Guide, Reference};
use crate::catalogue::{Taxonomy, Term};
use crate::dossier::talk::{TalkOutcome, TalkSummary};
use crate::error::Result;
use crate::time::nl_date;

use super::{Out, for_terminal};

impl Out {
    /// `keuzehulp conversation list`.
    pub fn guides(&mut self, guides: &Conversations) -> Result<()> {
        if self.json {
            let list: Vec<_> = guides
                .guides
                .iter()
                .map(|g| {
                    json!({
                        "id": g.id,
                        "title": g.title,
                        "title_en": g.title_en,
                        "audience": g.audience,
                        "group": g.group,
                        "confidential_by_default": g.confidential_by_default,
                        "compare_with": g.compare_with,
                        "themes": g.themes.iter().map(|t| json!({
                            "id": t.id, "label": t.label, "questions": t.questions.len()
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            return self.put_json(&json!({ "guides": list }));
        }
        for g in &guides.guides {
            let questions: usize = g.themes.iter().map(|t| t.questions.len()).sum();
            let _ = writeln!(
                self.text,
                "{}  {}  ({} thema's, {} vragen)",
                g.id,
                for_terminal(&g.title),
                g.themes.len(),
                questions
            );
        }
        Ok(())
    }

    /// `keuzehulp conversation show ID`: the guide with the references it cites.
    pub fn guide(&mut self, g: &Guide, guides: &Conversations, taxonomy: &Taxonomy) -> Result<()> {
        let cited = cited(g, guides);
        if self.json {
            let mut value = serde_json::to_value(g).map_err(crate::error::Error::json("de leidraad"))?;
            if let Some(map) = value.as_object_mut() {
                map.insert("references".into(), json!(cited));
            }
            return self.put_json(&value);
        }
        let t = &mut self.text;
        let _ = writeln!(t, "{}\n{}\n", for_terminal(&g.title), for_terminal(&g.audience));
        for rule in &g.rules {
            let _ = writeln!(t, "! {}", for_terminal(rule));
        }
        for p in &g.intro {
            let _ = writeln!(t, "\n{}", for_terminal(p));
        }
        let _ = writeln!(
            t,
            "\nCijfer per thema: {} (1 = {}, 5 = {})",
            for_terminal(&g.rating_question),
            for_terminal(&g.rating_low),
            for_terminal(&g.rating_high)
        );
        for (i, theme) in g.themes.iter().enumerate() {
            let _ = writeln!(
                t,
                "\n{}. {}  [{}]  → thema's: {}; niveau {}; stap {}",
                i + 1,
                for_terminal(&theme.label),
                theme.id,
                theme.taxonomy.iter().map(|x| label(&taxonomy.themes, x)).collect::<Vec<_>>().join(", "),
                label(&taxonomy.levels, &theme.level).to_lowercase(),
                theme.steps.join(", ")
            );
            for q in &theme.questions {
                let _ = writeln!(t, "   - {}  [{}]", for_terminal(&q.text), q.id);
                for f in &q.follow_up {
                    let _ = writeln!(t, "       · {}", for_terminal(f));
                }
                let sources: Vec<String> = q.sources.iter().map(|s| format!("{}, {}", s.document, s.section)).collect();
                let _ = writeln!(t, "       bron: {}", for_terminal(&sources.join("; ")));
            }
        }
        let _ = writeln!(t, "\nBronnen:");
        for r in cited {
            let _ = writeln!(
                t,
                "  [{}] {} ({}, {}); gelezen op {}",
                r.id,
                for_terminal(&r.title),
                r.publisher,
                r.year,
                r.read_at
            );
        }
        Ok(())
    }

    /// `keuzehulp dossier talk`.
    pub fn talked(&mut self, outcome: &TalkOutcome, guides: &Conversations) -> Result<()> {
        if self.json {
            return self.put_json(outcome);
        }
        let c = &outcome.conversation;
        let named = guides.guide(&c.guide).map_or(c.guide.as_str(), |g| g.named.as_str());
        let present = c.present.map(|n| format!(", {n} aanwezig")).unwrap_or_default();
        let verb = if outcome.replaced { "vervangen" } else { "opgeslagen" };
        let _ = writeln!(self.text, "Gesprek {} {verb}: {named} op {}{present}.", c.id, nl_date(&c.date));
        if c.measurement.is_some() {
            let _ = writeln!(self.text, "De cijfers zijn bewaard als meting van het team op die dag.");
        }
        if outcome.low.is_empty() {
            let _ = writeln!(self.text, "Geen thema kreeg een 1 of 2.");
        } else {
            let _ = writeln!(self.text, "Laag beoordeeld, nu de antwoorden voor het advies:");
            for s in &outcome.low {
                let _ = writeln!(self.text, "  - {} {} van {}", for_terminal(&s.label), s.rating, s.max);
            }
            let _ = writeln!(
                self.text,
                "Bekijk het advies met: keuzehulp report {} --format html -o rapport.html",
                outcome.id
            );
        }
        Ok(())
    }

    /// The conversations part of `keuzehulp dossier show` in text.
    pub(super) fn conversations(&mut self, summary: &TalkSummary) {
        let t = &mut self.text;
        let _ = writeln!(t, "\nGesprekken:");
        for c in &summary.conversations {
            let present = c.present.map(|n| format!(", {n} aanwezig")).unwrap_or_default();
            let _ = writeln!(t, "  {}. {} op {}{present}", c.id, for_terminal(&c.title), nl_date(&c.date));
            for r in &c.ratings {
                let rating = r.rating.map_or("overgeslagen".to_string(), |x| format!("{x} van 5"));
                let _ =
                    writeln!(t, "     {:<36} {rating}{}", for_terminal(&r.label), if r.low { "  ← laag" } else { "" });
            }
            for n in &c.notes {
                let lock = if n.confidential { " (vertrouwelijk)" } else { "" };
                let _ =
                    writeln!(t, "     [notitie {}{lock}] {}: {}", n.id, for_terminal(&n.theme), for_terminal(&n.text));
            }
        }
        for comparison in &summary.comparisons {
            let _ = writeln!(t, "  Leidinggevende en team verschillen het meest bij:");
            for r in comparison.rows.iter().filter(|r| comparison.largest.contains(&r.theme)) {
                let _ = writeln!(
                    t,
                    "     {}: leidinggevende {}, team {} (verschil {:+})",
                    for_terminal(&r.label),
                    r.rating,
                    r.with_rating,
                    r.difference
                );
            }
        }
    }
}

/// The references a guide cites, in the order of `sources.toml`.
fn cited<'a>(g: &Guide, guides: &'a Conversations) -> Vec<&'a Reference> {
    let used = |id: &str| {
        g.sources.iter().any(|s| s.document == id)
            || g.themes.iter().flat_map(|t| &t.questions).flat_map(|q| &q.sources).any(|s| s.document == id)
    };
    guides.references.iter().filter(|r| used(&r.id)).collect()
}

fn label<'a>(terms: &'a [Term], id: &'a str) -> &'a str {
    terms.iter().find(|t| t.id == id).map_or(id, |t| t.label.as_str())
}
