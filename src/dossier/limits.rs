//! How much one dossier may hold: every text field, the number of notes, actions and
//! shortlisted interventions, and the size of a dossier file. Checked on every way in: typing
//! (the command line and the window, through the store's changes) and importing a file, with
//! a Dutch message naming the field and the limit. The report shows at most these amounts
//! whatever is stored ([`clip`]), so an old store with a giant note cannot make it explode.
//!
//! The limits are generous for a visit (a note of 5,000 characters is two pages of A4) and
//! keep the largest dossier's PDF report within bounds (README, "Limits").

use super::{Dossier, PlanChange, VisitInfo};
use crate::advisor::Answers;
use crate::error::{Error, Result};

/// The largest dossier file read (bytes); the largest dossier the limits below allow is
/// smaller, also with every character four bytes long.
pub const MAX_FILE_BYTES: u64 = 16_000_000;
/// The longest name, role, size band, "who" or id (characters).
pub const MAX_SHORT_CHARS: usize = 300;
/// The longest note, "what", way of evaluating or reason for a choice (characters).
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The most notes in one dossier.
pub const MAX_NOTES: usize = 500;
/// The most actions in one action plan.
pub const MAX_PLAN_ITEMS: usize = 100;
/// The most interventions on one shortlist.
pub const MAX_SHORTLIST: usize = 100;
/// The most values in one list of answers (steps, themes, what the organisation offers).
pub const MAX_ANSWER_ITEMS: usize = 200;
/// The longest dossier id: letters, digits, `-` and `_` only.
pub const MAX_ID_CHARS: usize = 100;

/// One thing too long or too many: (field, Dutch message).
pub type Problem = (String, String);

/// What is wrong with `value` in `field` (shown to people as `label`): longer than `max`
/// characters. Counting stops at the first character past the limit.
fn length(field: &str, label: &str, value: &str, max: usize, out: &mut Vec<Problem>) {
    if value.chars().nth(max).is_some() {
        let count = value.chars().count();
        out.push((field.to_string(), format!("{label} is {count} tekens lang; ten hoogste {max}. Maak het korter")));
    }
}

fn optional(field: &str, label: &str, value: &Option<String>, max: usize, out: &mut Vec<Problem>) {
    if let Some(value) = value {
        length(field, label, value, max, out);
    }
}

fn count(field: &str, label: &str, n: usize, max: usize, out: &mut Vec<Problem>) {
    if n > max {
        out.push((field.to_string(), format!("{n} {label} is te veel voor één dossier; ten hoogste {max}")));
    }
}

/// The visit facts' problems; fields prefixed with `prefix` (`""` or `"dossier."`).
pub fn visit(prefix: &str, info: &VisitInfo, out: &mut Vec<Problem>) {
    let f = |name: &str| format!("{prefix}{name}");
    length(&f("org"), "de naam van de organisatie", &info.org, MAX_SHORT_CHARS, out);
    optional(&f("size_band"), "de grootteklasse", &info.size_band, MAX_SHORT_CHARS, out);
    optional(&f("department"), "de afdeling", &info.department, MAX_SHORT_CHARS, out);
    optional(&f("contact_name"), "de naam van de contactpersoon", &info.contact_name, MAX_SHORT_CHARS, out);
    optional(&f("contact_role"), "de rol van de contactpersoon", &info.contact_role, MAX_SHORT_CHARS, out);
    optional(&f("professional"), "de naam van de professional", &info.professional, MAX_SHORT_CHARS, out);
}

/// The answers' problems (their values are checked against the taxonomy elsewhere).
pub fn answers(prefix: &str, answers: &Answers, out: &mut Vec<Problem>) {
    let f = |name: &str| format!("{prefix}{name}");
    optional(&f("entry"), "de ingang", &answers.entry, MAX_SHORT_CHARS, out);
    count(&f("steps"), "stappen", answers.steps.len(), MAX_ANSWER_ITEMS, out);
    count(&f("themes"), "thema's", answers.themes.len(), MAX_ANSWER_ITEMS, out);
    count(&f("have"), "interventies in het aanbod", answers.have.len(), MAX_ANSWER_ITEMS, out);
    for (i, id) in answers.have.iter().enumerate() {
        length(&f(&format!("have[{i}]")), "een id in het aanbod", id, MAX_SHORT_CHARS, out);
    }
}

/// A plan change's problems.
pub fn plan_change(change: &PlanChange, out: &mut Vec<Problem>) {
    optional("intervention", "het id van de interventie", &change.intervention_id, MAX_SHORT_CHARS, out);
    optional("what", "wat er gebeurt", &change.what, MAX_TEXT_CHARS, out);
    optional("who", "wie het doet", &change.who, MAX_SHORT_CHARS, out);
    optional("evaluation", "hoe er geëvalueerd wordt", &change.evaluation_method, MAX_TEXT_CHARS, out);
}

/// A note's problem.
pub fn note(text: &str, out: &mut Vec<Problem>) {
    length("text", "de notitie", text, MAX_TEXT_CHARS, out);
}

/// A reason for a choice's problem.
pub fn why(why: Option<&str>, out: &mut Vec<Problem>) {
    if let Some(why) = why {
        length("why", "de reden", why, MAX_TEXT_CHARS, out);
    }
}

/// Whether `id` may name a dossier: what a new dossier gets (`d-` and hexadecimal digits)
/// and what earlier versions made, and nothing that could break a line in a file made from
/// it (an iCalendar UID, a file name): 1 to [`MAX_ID_CHARS`] ASCII letters, digits, `-`, `_`.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Every problem of a whole dossier (from a file), fields named `dossier.…`.
pub fn dossier(d: &Dossier, out: &mut Vec<Problem>) {
    visit("dossier.", &d.info, out);
    answers("dossier.answers.", &d.answers, out);
    count("dossier.notes", "notities", d.notes.len(), MAX_NOTES, out);
    count("dossier.plan", "actiepunten", d.plan.len(), MAX_PLAN_ITEMS, out);
    count("dossier.shortlist", "interventies op de keuzelijst", d.shortlist.len(), MAX_SHORTLIST, out);
    for (i, s) in d.shortlist.iter().enumerate().take(MAX_SHORTLIST) {
        length(&format!("dossier.shortlist[{i}].intervention_id"), "het id", &s.intervention_id, MAX_SHORT_CHARS, out);
        optional(&format!("dossier.shortlist[{i}].why"), "de reden", &s.why, MAX_TEXT_CHARS, out);
    }
    for (i, n) in d.notes.iter().enumerate().take(MAX_NOTES) {
        length(&format!("dossier.notes[{i}].text"), "de notitie", &n.text, MAX_TEXT_CHARS, out);
    }
    for (i, p) in d.plan.iter().enumerate().take(MAX_PLAN_ITEMS) {
        let f = |name: &str| format!("dossier.plan[{i}].{name}");
        length(&f("intervention_id"), "het id", &p.intervention_id, MAX_SHORT_CHARS, out);
        length(&f("what"), "wat er gebeurt", &p.what, MAX_TEXT_CHARS, out);
        length(&f("who"), "wie het doet", &p.who, MAX_SHORT_CHARS, out);
        length(&f("evaluation_method"), "hoe er geëvalueerd wordt", &p.evaluation_method, MAX_TEXT_CHARS, out);
    }
}

/// The first problem as the error a change gives; `Ok` when there is none.
pub fn refuse(problems: Vec<Problem>) -> Result<()> {
    match problems.into_iter().next() {
        Some((field, message)) => Err(Error::InvalidInput { field, message }),
        None => Ok(()),
    }
}

/// `text` cut to `max` characters, saying so: for what a report shows of a store that holds
/// more than the limits allow (written before they were there).
fn clipped(text: &mut String, max: usize) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
        text.push_str(" … (ingekort)");
    }
}

/// `d` within the limits, for a report: every text cut to its limit and at most the
/// limits' number of notes, actions and choices, so that what a report costs is bounded
/// whatever the store holds.
pub fn clip(d: &mut Dossier) {
    clipped(&mut d.info.org, MAX_SHORT_CHARS);
    for text in [
        &mut d.info.size_band,
        &mut d.info.department,
        &mut d.info.contact_name,
        &mut d.info.contact_role,
        &mut d.info.professional,
    ]
    .into_iter()
    .flatten()
    {
        clipped(text, MAX_SHORT_CHARS);
    }
    d.notes.truncate(MAX_NOTES);
    d.plan.truncate(MAX_PLAN_ITEMS);
    d.shortlist.truncate(MAX_SHORTLIST);
    d.answers.have.truncate(MAX_ANSWER_ITEMS);
    for n in &mut d.notes {
        clipped(&mut n.text, MAX_TEXT_CHARS);
    }
    for s in &mut d.shortlist {
        if let Some(why) = &mut s.why {
            clipped(why, MAX_TEXT_CHARS);
        }
    }
    for p in &mut d.plan {
        clipped(&mut p.what, MAX_TEXT_CHARS);
        clipped(&mut p.who, MAX_SHORT_CHARS);
        clipped(&mut p.evaluation_method, MAX_TEXT_CHARS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_and_bounded() {
        assert!(is_id("d-0123456789abcdef0123456789abcdef"));
        assert!(is_id("dossier_2"));
        for bad in ["", "d-1\r\nATTACH:x.exe", "d 1", "d-é", &"x".repeat(MAX_ID_CHARS + 1)] {
            assert!(!is_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_text_past_its_limit_is_named_with_the_limit() {
        let mut out = Vec::new();
        note(&"a".repeat(MAX_TEXT_CHARS), &mut out);
        assert!(out.is_empty(), "exactly the limit is fine");
        note(&"a".repeat(MAX_TEXT_CHARS + 1), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].0, "text");
        assert!(out[0].1.contains("de notitie is 5001 tekens lang; ten hoogste 5000"), "{}", out[0].1);
    }

    #[test]
    fn clipping_cuts_between_characters_and_says_so() {
        let mut text = "é".repeat(10);
        clipped(&mut text, 4);
        assert_eq!(text, "éééé … (ingekort)");
        let mut short = "kort".to_string();
        clipped(&mut short, 4);
        assert_eq!(short, "kort");
    }
}
