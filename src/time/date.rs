//! Calendar dates written `YYYY-MM-DD`, checked against the real calendar by `jiff`.
//!
//! This file is shared with `build.rs` (which checks the catalogue's dates with it), so it
//! uses nothing from the crate: only `jiff`.

pub use jiff::civil::Date;

/// `YYYY-MM-DD` as a date the calendar has; `None` for any other shape and for a day that
/// does not exist (`2026-02-31`, `2027-02-29`).
pub fn parse(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit());
    if !shape {
        return None;
    }
    let year: i16 = text.get(..4)?.parse().ok()?;
    let month: i8 = text.get(5..7)?.parse().ok()?;
    let day: i8 = text.get(8..)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Whether `text` is a date written `YYYY-MM-DD` that the calendar has.
pub fn is_date(text: &str) -> bool {
    parse(text).is_some()
}
