//! The evaluation dates of the action plan as an iCalendar file (RFC 5545): one all-day
//! event per action that has an evaluation date, with a reminder the day before, so the
//! professional's own agenda reminds her.
//!
//! Each event's UID is the dossier id and the action's place in the plan, so exporting again
//! (also after moving the dossier to another laptop) updates the same events instead of
//! adding new ones; SEQUENCE is the dossier's revision, which grows with every change, so a
//! calendar takes the newer version. Plan items are never removed, so a place stays the same.
//!
//! The format is small enough to write directly: escaping (§3.3.11), line folding at 75
//! octets on character boundaries (§3.1), CRLF line ends. The tests read it back with an
//! independent parser.

use super::ReportData;
use super::rows::plan_name;
use crate::dossier::PlanItem;
use crate::error::{Error, Result};

/// The plan items with an evaluation date (a day the calendar has: nothing else ever reaches
/// a date line), with their place in the plan; [`Error::NothingToExport`] when there are none.
pub fn check_dated(data: &ReportData) -> Result<Vec<(usize, &PlanItem, &str)>> {
    let d = &data.dossier;
    let dated: Vec<(usize, &PlanItem, &str)> = d
        .plan
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.evaluation_date.as_deref().map(|date| (i + 1, p, date)))
        .filter(|(_, _, date)| crate::time::is_date(date))
        .collect();
    if dated.is_empty() {
        return Err(Error::NothingToExport {
            id: Some(d.id.clone()),
            reason: "geen enkel actiepunt heeft een evaluatiedatum, dus er staat niets in de agenda".into(),
        });
    }
    Ok(dated)
}

/// The calendar as the bytes of an `.ics` file; `now` is the export time
/// (`YYYY-MM-DDTHH:MM:SSZ`) for DTSTAMP.
pub fn ics(data: &ReportData, now: &str) -> Result<Vec<u8>> {
    let d = &data.dossier;
    let dated = check_dated(data)?;
    let mut o = Ical::default();
    o.line("BEGIN:VCALENDAR");
    o.line("VERSION:2.0");
    o.line(&format!("PRODID:-//Keuzehulp//Keuzehulp {}//NL", data.program_version));
    o.line("CALSCALE:GREGORIAN");
    o.line("METHOD:PUBLISH");
    o.prop("X-WR-CALNAME", &format!("Evaluaties {}", d.info.org));
    let stamp = ical_utc(now);
    for (nr, p, date) in dated {
        let day = date.replace('-', "");
        let name = plan_name(data, p);
        o.line("BEGIN:VEVENT");
        o.prop("UID", &format!("{}-actiepunt-{nr}@keuzehulp", d.id));
        o.line(&format!("DTSTAMP:{stamp}"));
        if crate::time::parse_utc(&d.updated_at).is_some() {
            o.line(&format!("LAST-MODIFIED:{}", ical_utc(&d.updated_at)));
        }
        o.line(&format!("SEQUENCE:{}", d.revision.max(0)));
        o.line(&format!("DTSTART;VALUE=DATE:{day}"));
        o.line(&format!("DTEND;VALUE=DATE:{}", next_day(date).unwrap_or(day)));
        o.prop("SUMMARY", &format!("Evaluatie: {name} ({})", d.info.org));
        let description = format!(
            "Wat: {}\nWie: {}\nHoe evalueren: {}\nStatus: {}\nOrganisatie: {}\nDossier: {}",
            p.what, p.who, p.evaluation_method, p.status, d.info.org, d.id
        );
        o.prop("DESCRIPTION", &description);
        o.line("TRANSP:TRANSPARENT");
        o.line("BEGIN:VALARM");
        o.line("ACTION:DISPLAY");
        o.line("TRIGGER:-P1D");
        o.prop("DESCRIPTION", &format!("Morgen evalueren: {name}"));
        o.line("END:VALARM");
        o.line("END:VEVENT");
    }
    o.line("END:VCALENDAR");
    Ok(o.0.into_bytes())
}

#[derive(Default)]
struct Ical(String);

impl Ical {
    /// One content line, folded at 75 octets without splitting a character. A content line
    /// holds no control character (RFC 5545 §3.1): any that reached here is dropped, so no
    /// value can end a line and start a property of its own.
    fn line(&mut self, line: &str) {
        let mut width = 0;
        for c in line.chars().filter(|c| !c.is_control()) {
            if width + c.len_utf8() > 75 {
                self.0.push_str("\r\n ");
                width = 1;
            }
            self.0.push(c);
            width += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }

    /// A property with a text value, escaped.
    fn prop(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape(value)));
    }
}

/// Escapes a TEXT value (RFC 5545 §3.3.11: backslash, semicolon, comma, a line end as `\n`);
/// other control characters are dropped, since the format does not allow them.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SSZ` as `YYYYMMDDTHHMMSSZ`.
fn ical_utc(time: &str) -> String {
    time.chars().filter(|c| !matches!(c, '-' | ':')).collect()
}

/// The day after `YYYY-MM-DD`, as `YYYYMMDD` (DTEND of an all-day event is exclusive).
fn next_day(date: &str) -> Option<String> {
    let next = crate::time::next_day(crate::time::date::parse(date)?)?;
    Some(next.strftime("%Y%m%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_after_crosses_months_years_and_leap_days() {
        assert_eq!(next_day("2027-03-01").as_deref(), Some("20270302"));
        assert_eq!(next_day("2027-12-31").as_deref(), Some("20280101"));
        assert_eq!(next_day("2028-02-28").as_deref(), Some("20280229"));
        assert_eq!(next_day("2027-02-28").as_deref(), Some("20270301"));
        assert_eq!(next_day("2027-02-29"), None, "not a day: no event end is made up");
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(escape("a;b,c\\d\ne\u{7}"), "a\\;b\\,c\\\\d\\ne");
        assert_eq!(escape("x\r\nATTACH:y.exe"), "x\\nATTACH:y.exe", "a line break stays inside the value");
        let mut o = Ical::default();
        o.line("UID:d-1\r\nATTACH:y.exe");
        assert_eq!(o.0, "UID:d-1ATTACH:y.exe\r\n", "no raw line end in a content line");
        let mut o = Ical::default();
        o.prop("SUMMARY", &"😀".repeat(40));
        for line in o.0.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = o.0.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "😀".repeat(40)));
    }
}
