//! Practice-based evidence: per intervention, how often it was chosen in the user's own
//! trajecten (put in a plan), how often evaluated, and each verdict; and the same over the
//! outcome records colleagues shared (`share import`). Shown *beside* the source's evidence
//! label (`show`, search hits, the advisor's recommendations), never merged into it: the
//! label says what a source found, this says what happened in practice here. The dossier
//! layer counts; these are the shapes every layer may carry.

use serde::Serialize;

/// How often an intervention was chosen and evaluated, and each verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PracticeCount {
    /// The trajecten (or dossiers on their own) it was in.
    pub trajecten: u32,
    /// How often it was chosen: put in a plan, once per traject.
    pub chosen: u32,
    /// How often it was evaluated (the newest evaluation per traject counts).
    pub evaluated: u32,
    /// The verdicts of those evaluations.
    pub verdicts: Verdicts,
}

/// A count per verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Verdicts {
    /// It worked.
    pub werkte: u32,
    /// Unclear.
    pub onduidelijk: u32,
    /// It did not work.
    #[serde(rename = "werkte-niet")]
    pub werkte_niet: u32,
    /// Not carried out.
    #[serde(rename = "niet-uitgevoerd")]
    pub niet_uitgevoerd: u32,
}

impl Verdicts {
    /// Counts one verdict by its word (`werkte`, `onduidelijk`, `werkte-niet`,
    /// `niet-uitgevoerd`); answers whether it was one.
    pub fn add(&mut self, verdict: &str) -> bool {
        let slot = match verdict {
            "werkte" => &mut self.werkte,
            "onduidelijk" => &mut self.onduidelijk,
            "werkte-niet" => &mut self.werkte_niet,
            "niet-uitgevoerd" => &mut self.niet_uitgevoerd,
            _ => return false,
        };
        *slot += 1;
        true
    }
}

impl PracticeCount {
    /// The line beside the evidence label: "3 keer ingezet, 2 keer werkte".
    pub fn summary(&self) -> String {
        let times = |n: u32| if n == 1 { "1 keer".to_string() } else { format!("{n} keer") };
        let mut parts = vec![format!("{} ingezet", times(self.chosen))];
        if self.evaluated == 0 {
            parts.push("nog niet geëvalueerd".into());
        }
        let v = &self.verdicts;
        for (n, word) in [
            (v.werkte, "werkte"),
            (v.onduidelijk, "onduidelijk"),
            (v.werkte_niet, "werkte niet"),
            (v.niet_uitgevoerd, "niet uitgevoerd"),
        ] {
            if n > 0 {
                parts.push(format!("{} {word}", times(n)));
            }
        }
        parts.join(", ")
    }
}

/// Practice-based evidence for one intervention: the user's own, and (after `share import`)
/// the arbodienst's, beside the source's evidence label and never merged into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Practice {
    /// The intervention.
    pub id: String,
    /// The user's own trajecten.
    pub own: PracticeCount,
    /// "Eigen praktijk: 3 keer ingezet, 2 keer werkte".
    pub text: String,
    /// The colleagues' shared outcome records, when any name it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub shared: Option<PracticeCount>,
    /// "Praktijk in onze arbodienst (4 trajecten): 4 keer ingezet, 3 keer werkte".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub shared_text: Option<String>,
}

impl Practice {
    /// The practice of intervention `id` from its own and shared counts.
    pub fn new(id: &str, own: PracticeCount, shared: Option<PracticeCount>) -> Self {
        let text = format!("Eigen praktijk: {}", own.summary());
        let shared_text = shared.as_ref().map(|s| {
            let trajecten =
                if s.trajecten == 1 { "1 traject".to_string() } else { format!("{} trajecten", s.trajecten) };
            format!("Praktijk in onze arbodienst ({trajecten}): {}", s.summary())
        });
        Practice { id: id.to_string(), own, text, shared, shared_text }
    }
}
