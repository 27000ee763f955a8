//! Who may change which record (ARCHITECTURE.md, "Invariants"): an unsigned pack adds and
//! changes only its own records ("eigen"); a trusted publisher changes only its own records
//! and adds new ones, and never with an older edition than the one imported; the bundled
//! catalogue changes only with a newer bundled edition (a new program). Every refusal says
//! why and what to do, in Dutch.

use serde::Serialize;

use super::{Origin, StoredOrigin};

/// Why a record of a pack is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum RefusalCode {
    /// The id is a record of the bundled catalogue.
    BundledRecord,
    /// The id is another publisher's record, or a publisher's record and the pack unsigned.
    PublisherRecord,
    /// The id is an own ("eigen") record, and the pack is signed by a publisher.
    OwnRecord,
    /// The pack is an older edition of the publisher's than the one imported (a replay).
    OlderEdition,
}

/// One record of a pack that is not imported, and why; the whole pack then imports nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Refusal {
    /// The record's id.
    pub id: String,
    /// Its name in the pack.
    pub name: String,
    /// What kind of refusal.
    pub code: RefusalCode,
    /// Why, and what to do, in Dutch.
    pub message: String,
}

/// The pack a record would come from: signed by `publisher` (`None`: unsigned, "eigen"),
/// dated `date` and versioned `version` as it says.
#[derive(Debug, Clone, Copy)]
pub struct Incoming<'a> {
    /// The trusted publisher that signed it.
    pub publisher: Option<&'a str>,
    /// The pack's date (YYYY-MM-DD).
    pub date: Option<&'a str>,
    /// The pack's version.
    pub version: Option<&'a str>,
}

/// Whether a pack `incoming` may write the record `id`, stored now as `current` (`None`: a
/// new id). `Err` with the refusal's code and Dutch message.
pub fn may_write(
    id: &str,
    current: Option<&StoredOrigin>,
    incoming: Incoming<'_>,
) -> Result<(), (RefusalCode, String)> {
    let Some(current) = current else { return Ok(()) };
    let id = crate::error::short(id);
    if current.origin == Origin::Bundled {
        let who = match incoming.publisher {
            Some(publisher) => {
                format!("uitgever {publisher} mag die niet vervangen; vraag de uitgever om een eigen id")
            }
            None => "geef uw versie een eigen id".to_string(),
        };
        return Err((
            RefusalCode::BundledRecord,
            format!(
                "\"{id}\" is een interventie uit de meegeleverde catalogus; die verandert alleen met een nieuwe versie van Keuzehulp. {}",
                capitalised(&who)
            ),
        ));
    }
    match (current.pack.publisher.as_deref(), incoming.publisher) {
        (None, None) => Ok(()),
        (None, Some(publisher)) => Err((
            RefusalCode::OwnRecord,
            format!(
                "\"{id}\" is een eigen interventie op deze computer; een pakket van uitgever {publisher} neemt die niet over. Wilt u de versie van {publisher}, verwijder dan eerst uw eigen: keuzehulp catalogue remove {id}"
            ),
        )),
        (Some(owner), None) => Err((
            RefusalCode::PublisherRecord,
            format!(
                "\"{id}\" is van uitgever {owner}; alleen een pakket dat met de sleutel van {owner} is ondertekend, mag het wijzigen. Dit pakket is niet ondertekend: vraag {owner} om het ondertekende pakket (met het .minisig-bestand ernaast), of geef uw versie een eigen id"
            ),
        )),
        (Some(owner), Some(publisher)) if owner != publisher => Err((
            RefusalCode::PublisherRecord,
            format!(
                "\"{id}\" is van uitgever {owner}; uitgever {publisher} mag het niet wijzigen. Vraag {publisher} om een eigen id, of {owner} om de wijziging"
            ),
        )),
        (Some(owner), Some(_)) => match older(incoming, current) {
            Some(why) => Err((
                RefusalCode::OlderEdition,
                format!(
                    "dit pakket van {owner} is {why} dan de editie die al is geïmporteerd voor \"{id}\"; een oudere editie wordt niet opnieuw ingelezen (het kan een oude kopie zijn die iemand terugzet). Vraag {owner} om de nieuwste editie"
                ),
            )),
            None => Ok(()),
        },
    }
}

/// How the incoming pack is older than the stored record's edition, in words; `None` when
/// it is not older (or nothing says so).
fn older(incoming: Incoming<'_>, current: &StoredOrigin) -> Option<String> {
    let stored = &current.pack;
    match (incoming.date, stored.date.as_deref()) {
        (Some(new), Some(old)) if new < old => return Some(format!("van {new}, ouder")),
        (None, Some(_)) => return Some("zonder datum, en dus niet nieuwer".to_string()),
        (Some(new), Some(old)) if new > old => return None,
        _ => {}
    }
    // The same day (or no dates): the version decides when both are numbers with dots.
    match (incoming.version.and_then(numbers), stored.version.as_deref().and_then(numbers)) {
        (Some(new), Some(old)) if new < old => Some(format!("versie {}, ouder", incoming.version.unwrap_or_default())),
        _ => None,
    }
}

/// `2027.1.3` as `[2027, 1, 3]`; `None` when it is not numbers separated by dots.
fn numbers(version: &str) -> Option<Vec<u64>> {
    version.split('.').map(|part| part.parse().ok()).collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::PackOrigin;

    fn stored(origin: Origin, publisher: Option<&str>, date: Option<&str>, version: Option<&str>) -> StoredOrigin {
        StoredOrigin {
            origin,
            pack: PackOrigin {
                publisher: publisher.map(str::to_string),
                version: version.map(str::to_string),
                date: date.map(str::to_string),
            },
        }
    }

    fn pack<'a>(publisher: Option<&'a str>, date: Option<&'a str>, version: Option<&'a str>) -> Incoming<'a> {
        Incoming { publisher, date, version }
    }

    fn code(current: &StoredOrigin, incoming: Incoming<'_>) -> Option<RefusalCode> {
        may_write("indialoog", Some(current), incoming).err().map(|(code, _)| code)
    }

    #[test]
    fn who_may_write_which_record() {
        let bundled = stored(Origin::Bundled, None, None, None);
        let eigen = stored(Origin::Imported, None, Some("2026-11-01"), None);
        let trimbos = stored(Origin::Imported, Some("Trimbos"), Some("2027-01-01"), Some("2027.1"));
        let unsigned = pack(None, None, None);
        let by_trimbos = pack(Some("Trimbos"), Some("2027-02-01"), Some("2027.2"));
        let by_other = pack(Some("Arbodienst West"), Some("2027-02-01"), None);

        assert_eq!(may_write("nieuw", None, unsigned), Ok(()), "a new id: anyone");
        assert_eq!(code(&bundled, unsigned), Some(RefusalCode::BundledRecord));
        assert_eq!(code(&bundled, by_trimbos), Some(RefusalCode::BundledRecord));
        assert_eq!(code(&eigen, unsigned), None, "an own record: changed by an unsigned pack");
        assert_eq!(code(&eigen, by_trimbos), Some(RefusalCode::OwnRecord));
        assert_eq!(code(&trimbos, unsigned), Some(RefusalCode::PublisherRecord));
        assert_eq!(code(&trimbos, by_other), Some(RefusalCode::PublisherRecord));
        assert_eq!(code(&trimbos, by_trimbos), None, "a newer edition of the publisher's own");

        let (_, message) = may_write("indialoog", Some(&trimbos), unsigned).expect_err("refused");
        assert!(message.contains("Trimbos") && message.contains("ondertekend"), "names the publisher: {message}");
        let (_, message) = may_write("indialoog", Some(&eigen), by_trimbos).expect_err("refused");
        assert!(message.contains("keuzehulp catalogue remove indialoog"), "{message}");
    }

    #[test]
    fn an_older_edition_of_the_same_publisher_is_a_replay() {
        let trimbos = stored(Origin::Imported, Some("Trimbos"), Some("2027-01-01"), Some("2027.2"));
        let older_date = pack(Some("Trimbos"), Some("2026-12-01"), Some("2027.3"));
        let same_day_older_version = pack(Some("Trimbos"), Some("2027-01-01"), Some("2027.1"));
        let same = pack(Some("Trimbos"), Some("2027-01-01"), Some("2027.2"));
        let undated = pack(Some("Trimbos"), None, None);
        assert_eq!(code(&trimbos, older_date), Some(RefusalCode::OlderEdition));
        assert_eq!(code(&trimbos, same_day_older_version), Some(RefusalCode::OlderEdition));
        assert_eq!(code(&trimbos, same), None, "the same edition again");
        assert_eq!(code(&trimbos, undated), Some(RefusalCode::OlderEdition), "an undated one cannot be newer");
        let (_, message) = may_write("indialoog", Some(&trimbos), older_date).expect_err("refused");
        assert!(message.contains("2026-12-01") && message.contains("ouder"), "{message}");
    }
}
