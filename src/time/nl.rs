//! Dates for people: dd-mm-jjjj, whatever the system's locale. Text for people (the report,
//! the command line's text output) goes through here; files for other programs and JSON keep
//! ISO (`YYYY-MM-DD`, UTC moments `YYYY-MM-DDTHH:MM:SSZ`).

/// A date as the window shows it: "2027-03-15" (or a moment starting so) → "15-03-2027".
/// Anything else is returned as it is.
pub fn nl_date(iso: &str) -> String {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if b.len() >= 10 && digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) {
        format!("{}-{}-{}", &iso[8..10], &iso[5..7], &iso[..4])
    } else {
        iso.to_string()
    }
}

/// A UTC moment for people: "2026-11-22T10:05:00Z" → "22-11-2026 10:05 UTC" (the time is
/// said to be UTC: the core knows no time zones). A date alone or anything else goes as
/// [`nl_date`] does.
pub fn nl_moment(text: &str) -> String {
    match super::parse_utc(text) {
        Some(at) => format!("{} UTC", at.strftime("%d-%m-%Y %H:%M")),
        None => nl_date(text),
    }
}

/// An optional date for people, or "niet bekend".
pub fn nl_date_or_unknown(value: Option<&str>) -> String {
    value.map_or_else(|| "niet bekend".to_string(), nl_date)
}

/// Every ISO date inside a line of text (the catalogue's edition, "2026.1 van 2026-11-25",
/// or "bewijs geldig tot 2025-12-31") as dd-mm-jjjj. Digits around a date (a longer number)
/// leave it as it is.
pub fn nl_dates_in(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        // Only ASCII bytes match, so slicing at i + 10 is on a character boundary.
        let iso = |w: &[u8]| {
            w.iter().enumerate().all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() })
        };
        let starts = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i..i + 10).is_some_and(iso)
            && !b.get(i + 10).is_some_and(u8::is_ascii_digit);
        if starts {
            out.push_str(&nl_date(&text[i..i + 10]));
            i += 10;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_for_people_read_day_month_year() {
        assert_eq!(nl_date("2027-03-15"), "15-03-2027");
        assert_eq!(nl_date("2026-11-25T10:15:00Z"), "25-11-2026");
        assert_eq!(nl_date("2027"), "2027");
        assert_eq!(nl_date("15-03-2027"), "15-03-2027");
        assert_eq!(nl_date("2027-3-15"), "2027-3-15");
        assert_eq!(nl_moment("2026-11-25T10:15:00Z"), "25-11-2026 10:15 UTC");
        assert_eq!(nl_moment("2026-11-25"), "25-11-2026");
        assert_eq!(nl_date_or_unknown(None), "niet bekend");
        assert_eq!(nl_dates_in("2026.1 van 2026-11-25 (Keuzehulp)"), "2026.1 van 25-11-2026 (Keuzehulp)");
        assert_eq!(nl_dates_in("é 12026-11-25 2026-11-251"), "é 12026-11-25 2026-11-251");
    }
}
