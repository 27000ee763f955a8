//! What a conversation found, as the advisor uses it: each theme a group (or a leader, or a
//! worker) rated low is a [`Signal`]. The conversation's taxonomy themes, level and steps are
//! already among the answers, so they count in the ranking like any answer; a signal adds
//! the reason a person recognises, "uit het teamgesprek: regelmogelijkheden 2 van 5", to
//! each recommendation that addresses it.

use serde::{Deserialize, Serialize};

use super::Recommendation;
use crate::catalogue::{Taxonomy, check_term};
use crate::error::{Error, Result};

/// A theme a conversation rated low.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// The conversation guide (`team`, `leidinggevende`, `medewerker`).
    pub guide: String,
    /// How the reason names the conversation: "het teamgesprek".
    pub named: String,
    /// The guide's theme id.
    pub theme: String,
    /// The theme's short name for the reason: "regelmogelijkheden".
    pub label: String,
    /// The taxonomy themes it maps onto, the main one first.
    pub themes: Vec<String>,
    /// The level it points to.
    pub level: String,
    /// The steps it points to.
    pub steps: Vec<String>,
    /// The rating given.
    pub rating: u8,
    /// The top of the scale (5).
    pub max: u8,
}

impl Signal {
    /// The reason shown with a recommendation that addresses this theme.
    pub fn reason(&self) -> String {
        format!("uit {}: {} {} van {}", self.named, self.label, self.rating, self.max)
    }

    /// The same reason in English (the theme's short name is the guide's own, in Dutch).
    pub fn reason_en(&self) -> String {
        let named = match self.guide.as_str() {
            "team" => "the team conversation",
            "leidinggevende" => "the conversation with the team leader",
            "medewerker" => "the conversation with a worker",
            _ => "a conversation",
        };
        format!("from {named}: {} {} of {}", self.label, self.rating, self.max)
    }
}

/// Checks signals against the taxonomy (a dossier file may carry them).
pub fn check(signals: &[Signal], taxonomy: &Taxonomy) -> Result<()> {
    for s in signals {
        for theme in &s.themes {
            check_term("thema", Some(theme), &taxonomy.themes)?;
        }
        check_term("niveau", Some(&s.level), &taxonomy.levels)?;
        for step in &s.steps {
            check_term("stap", Some(step), &taxonomy.steps)?;
        }
        if s.max == 0 || s.rating == 0 || s.rating > s.max {
            return Err(Error::InvalidInput {
                field: "signalen".into(),
                message: format!("cijfer {} van {} bij thema \"{}\" kan niet", s.rating, s.max, s.theme),
            });
        }
    }
    Ok(())
}

/// Puts the conversations' reasons first on every recommendation whose record addresses one
/// of the signals' themes, the lowest rating first.
pub(super) fn explain(recommendations: &mut [Recommendation], signals: &[Signal]) {
    let mut ordered: Vec<&Signal> = signals.iter().collect();
    ordered.sort_by_key(|s| s.rating);
    for r in recommendations {
        let addressed: Vec<&&Signal> =
            ordered.iter().filter(|s| s.themes.iter().any(|t| r.themes.contains(t))).collect();
        r.reasons.splice(0..0, addressed.iter().map(|s| s.reason()));
        r.reasons_en.splice(0..0, addressed.iter().map(|s| s.reason_en()));
    }
}
