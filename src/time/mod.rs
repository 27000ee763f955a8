//! Time: the one place that reads the clock and parses dates.
//!
//! Dates are `jiff` civil dates, written `YYYY-MM-DD` in files, JSON and the store; moments
//! are UTC, written `YYYY-MM-DDTHH:MM:SSZ`. Every part of the core that needs "now" or
//! "today" asks a [`Clock`]: the system's, or a fixed one that tests set and move forward,
//! so that no test waits for time to pass.

pub mod date;
mod nl;

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

pub use date::{Date, is_date};
pub use jiff::Timestamp;
pub use nl::{nl_date, nl_date_or_unknown, nl_dates_in, nl_moment};

use crate::error::{Error, Result};

/// Parses a date that a person or a file gave for `field`; the error names the field and
/// the value, also for a day the calendar does not have (`2026-02-31`).
pub fn parse_date(field: &str, text: &str) -> Result<Date> {
    date::parse(text).ok_or_else(|| Error::InvalidInput {
        field: field.to_string(),
        message: format!("\"{text}\" is geen bestaande datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2027-03-01"),
    })
}

/// A date as it crosses into the core from the window: a day the calendar has, written
/// `YYYY-MM-DD` in JSON (a string in TypeScript). Reading checks it (`2026-02-31` is refused,
/// naming the value), so a command that takes a `Day` never sees anything else.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Day(#[cfg_attr(test, ts(type = "string"))] String);

impl Day {
    /// `text` as a day, checked; the error names `field` and the value.
    pub fn parse(field: &str, text: &str) -> Result<Day> {
        parse_date(field, text).map(|_| Day(text.to_string()))
    }

    /// The day written `YYYY-MM-DD`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Day, D::Error> {
        let text = String::deserialize(d)?;
        Day::parse("datum", &text).map_err(serde::de::Error::custom)
    }
}

/// A moment as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
pub fn utc_string(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `YYYY-MM-DDTHH:MM:SSZ` as a moment; `None` for any other shape or a moment that does not
/// exist.
pub fn parse_utc(text: &str) -> Option<Timestamp> {
    text.parse::<Timestamp>().ok().filter(|at| utc_string(*at) == text)
}

/// The date (UTC) of a `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DD` text.
pub fn day_of(text: &str) -> Option<Date> {
    date::parse(text.get(..10)?)
}

/// The ISO week (year, week; weeks start on Monday) that `day` falls in.
pub fn iso_week(day: Date) -> (i16, i8) {
    let week = day.iso_week_date();
    (week.year(), week.week())
}

/// The day after `day`; `None` past the end of the calendar `jiff` knows (year 9999).
pub fn next_day(day: Date) -> Option<Date> {
    day.tomorrow().ok()
}

/// Where "now" comes from: the system clock, or a fixed moment (tests) that only moves when
/// told to. Clones share the moment, so a test moves the clock of the store it opened.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    /// Seconds since the Unix epoch, when fixed.
    fixed: Option<Arc<AtomicI64>>,
}

impl Clock {
    /// The system clock.
    pub fn system() -> Self {
        Clock { fixed: None }
    }

    /// A clock standing still at `at` until [`Clock::advance`] moves it.
    pub fn fixed(at: Timestamp) -> Self {
        Clock { fixed: Some(Arc::new(AtomicI64::new(at.as_second()))) }
    }

    /// A fixed clock at `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn fixed_at(text: &str) -> Result<Self> {
        parse_utc(text).map(Clock::fixed).ok_or_else(|| Error::InvalidInput {
            field: "tijd".into(),
            message: format!("\"{text}\" is geen tijdstip; schrijf JJJJ-MM-DDTUU:MM:SSZ"),
        })
    }

    /// Moves a fixed clock `seconds` forward; the system clock cannot be moved.
    pub fn advance(&self, seconds: i64) {
        if let Some(fixed) = &self.fixed {
            fixed.fetch_add(seconds, Ordering::SeqCst);
        }
    }

    /// Now.
    pub fn now(&self) -> Timestamp {
        match &self.fixed {
            Some(fixed) => Timestamp::from_second(fixed.load(Ordering::SeqCst)).unwrap_or(Timestamp::UNIX_EPOCH),
            None => Timestamp::now(),
        }
    }

    /// Now as `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn now_utc(&self) -> String {
        utc_string(self.now())
    }

    /// Today's date (UTC).
    pub fn today(&self) -> Date {
        self.now().to_zoned(jiff::tz::TimeZone::UTC).date()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_the_calendar_has_are_dates() {
        for good in ["2026-02-28", "2028-02-29", "2000-02-29", "1970-01-01", "2026-12-31"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-02-31",
            "2027-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        for bad in ["2026-01-01T00:00:00Z", " 2026-01-01", "2026/01/01", "", "２０２６-01-01"] {
            assert!(!is_date(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_refused_date_is_named_in_the_message() {
        let err = parse_date("visit_date", "2026-02-31").expect_err("no 31 February");
        assert!(err.to_string().contains("2026-02-31"), "{err}");
        assert!(err.to_string().contains("visit_date"), "{err}");
    }

    #[test]
    fn moments_are_written_and_read_to_the_second() {
        let at = parse_utc("2026-11-22T13:05:00Z").expect("a moment");
        assert_eq!(utc_string(at), "2026-11-22T13:05:00Z");
        assert_eq!(parse_utc("2026-11-22T13:05:00.5Z"), None);
        assert_eq!(parse_utc("2026-02-31T13:05:00Z"), None);
        assert_eq!(parse_utc("2026-11-22T13:05:00+01:00"), None);
    }

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let clock = Clock::fixed_at("2026-12-31T23:59:30Z").expect("clock");
        let shared = clock.clone();
        assert_eq!(clock.now_utc(), "2026-12-31T23:59:30Z");
        shared.advance(40);
        assert_eq!(clock.now_utc(), "2027-01-01T00:00:10Z");
        assert_eq!(clock.today().to_string(), "2027-01-01");
    }

    #[test]
    fn weeks_and_next_days_follow_the_calendar() {
        let d = |t: &str| date::parse(t).expect("date");
        assert_eq!(iso_week(d("2026-11-22")), (2026, 47));
        assert_eq!(iso_week(d("2027-01-01")), (2026, 53));
        assert_eq!(next_day(d("2028-02-28")), Some(d("2028-02-29")));
        assert_eq!(next_day(d("2027-12-31")), Some(d("2028-01-01")));
    }
}
