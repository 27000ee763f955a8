//! What a conversation found, as the advisor uses it: each theme a group (or a leader, or a
//! worker) rated low is a [`Signal`]. The conversation's taxonomy themes, level and steps are
//! already among the answers, so they count in the ranking like any answer; a signal adds
//! the reason a person recognises, "uit het teamgesprek: regelmogelijkheden 2 van 5", to
//! each recommendation that addresses it.

use serde::{Deserialize, Serialize};

use super::Recommendation;
use crate::catalogue::conversation::Conversations;
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
    /// The same in English: "the team conversation". Empty in a signal stored before it
    /// was kept; then the guide's id says it ([`Signal::reason_en`]).
    #[serde(default)]
    pub named_en: String,
    /// The guide's theme id.
    pub theme: String,
    /// The theme's short name for the reason: "regelmogelijkheden".
    pub label: String,
    /// The same in English: "autonomy". Empty in a signal stored before it was kept; the
    /// façade fills it in from the guides before advising ([`name_in_english`]).
    #[serde(default)]
    pub label_en: String,
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

    /// The same reason in English: "from the team conversation: autonomy 2 of 5".
    pub fn reason_en(&self) -> String {
        let named = if self.named_en.is_empty() {
            match self.guide.as_str() {
                _ if self.named == "de hermeting" => "the re-measurement",
                "team" => "the team conversation",
                "leidinggevende" => "the conversation with the team leader",
                "medewerker" => "the conversation with a worker",
                _ => "a conversation",
            }
        } else {
            self.named_en.as_str()
        };
        let label = if self.label_en.is_empty() { &self.label } else { &self.label_en };
        format!("from {named}: {label} {} of {}", self.rating, self.max)
    }
}

/// Gives signals stored before their English names were kept those names, from the guides
/// (the theme's `short_en`, the guide's `named_en`); a theme no guide knows keeps its own.
pub fn name_in_english(signals: &mut [Signal], guides: &Conversations) {
    for s in signals.iter_mut().filter(|s| s.label_en.is_empty() || s.named_en.is_empty()) {
        let Some(guide) = guides.guide(&s.guide) else { continue };
        if s.label_en.is_empty()
            && let Some(theme) = guide.theme(&s.theme)
        {
            s.label_en = theme.short_en.clone();
        }
        if s.named_en.is_empty() && s.named == guide.named {
            s.named_en = guide.named_en.clone();
        }
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
