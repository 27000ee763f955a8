//! A questionnaire done elsewhere, as a measurement of the team (`dossier measure`): team
//! aggregates only. Either typed in (the mean of one scale, how many were invited and how
//! many responded) or scored from a file of individual answers (CSV, one row per person): the
//! file is read into memory, scored with the instrument definition's scoring key, and only
//! the aggregate per scale is kept; no answer, no row and no copy of the file is stored.
//!
//! A group under [`MIN_GROUP`] respondents is refused (nobody should be recognisable in a
//! team's figure); a response under 30% of those invited is stored with a warning.
//!
//! One questionnaire on one day is one measurement: another scale of the same instrument and
//! day joins it (with the same numbers invited and responded), the same scale replaces its
//! value.

use std::path::Path;

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::evaluate::MIN_GROUP;
use super::talk::{MeasuredValue, Measurement, MeasurementKind, Scale, insert_measurement};
use super::{exec, sql, touch};
use crate::catalogue::instrument::{Instrument, Scoring};
use crate::error::{Error, Result};
use crate::store::Store;

/// Below this share of those invited, a response is low (a warning, not a refusal).
pub const LOW_RESPONSE: f64 = 0.30;
/// The largest file of answers read.
pub const MAX_ANSWERS_FILE_BYTES: u64 = 10_000_000;
/// The most rows a file of answers may have.
pub const MAX_ANSWER_ROWS: usize = 100_000;

/// A team's aggregate on one scale, as the command line and the window give it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct MeasureInput {
    /// The instrument's id (`keuzehulp instruments`).
    pub instrument: String,
    /// The scale's id; may be left out when the instrument has one scale.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub scale: Option<String>,
    /// The day the questionnaire was done (YYYY-MM-DD); default today.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub date: Option<String>,
    /// How many people were invited.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub invited: Option<f64>,
    /// How many responded (at least 10).
    pub responded: f64,
    /// The team's mean on the scale.
    pub mean: f64,
    /// The share past the scale's cut-off, in percent (only where the definition has one).
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub past_cutoff: Option<f64>,
}

/// What storing a measurement did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MeasureOutcome {
    /// The dossier.
    pub id: String,
    /// The measurement as stored now (all its scales).
    pub measurement: Measurement,
    /// The scales this call stored.
    pub scales: Vec<String>,
    /// Whether a value of the same scale and day was replaced.
    pub replaced: bool,
    /// Warnings (a low response); the measurement is stored all the same.
    pub warnings: Vec<String>,
    /// For a file of answers: how many rows it had, and how many were complete and counted.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub scored: Option<ScoredRows>,
}

/// How many rows of a file of answers were counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ScoredRows {
    /// Rows of answers in the file.
    pub rows: u32,
    /// Rows with every item of the scored scales answered: the respondents counted.
    pub counted: u32,
}

/// A measurement checked and ready to store: the values of one or more scales.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The instrument.
    pub instrument: String,
    /// The day.
    pub date: String,
    /// Invited.
    pub invited: Option<u32>,
    /// Responded.
    pub responded: u32,
    /// The scale's values.
    pub values: Vec<MeasuredValue>,
    /// The scale of the answers.
    pub scale: Scale,
    /// Warnings.
    pub warnings: Vec<String>,
    /// For a file of answers.
    pub scored: Option<ScoredRows>,
}

fn problem(field: &str, message: String) -> Error {
    Error::InvalidMeasurement { path: None, problems: vec![(field.into(), message)] }
}

/// The refusal of a group under [`MIN_GROUP`].
pub fn too_few(responded: u32, scale: Option<&str>) -> Error {
    Error::TooFewRespondents { responded, minimum: MIN_GROUP, scale: scale.map(str::to_string) }
}

/// The scale of the answers of `instrument`, or why a team's score cannot be checked.
fn answer_scale(instrument: &Instrument) -> Result<Scale> {
    let r = instrument.response.as_ref().ok_or_else(|| {
        problem(
            "instrument",
            format!(
                "de antwoordschaal van \"{}\" staat niet in deze definitie (niet bekend), dus een gemiddelde is niet te controleren; importeer een definitie met de antwoordschaal (een ondertekend pakket van wie de licentie heeft)",
                instrument.id
            ),
        )
    })?;
    // One direction for the measurement when every scale agrees (each key's own direction
    // comes from the definition when values are compared).
    let higher_is_better = !instrument.scales.iter().all(|s| !s.higher_is_better);
    Ok(Scale { min: f64::from(r.min), max: f64::from(r.max), higher_is_better })
}

/// A count as given: a whole number of 0 or more.
fn count(field: &str, value: f64) -> Result<u32> {
    if value.is_finite() && value >= 0.0 && value.fract() == 0.0 && value <= 10_000_000.0 {
        Ok(value as u32)
    } else {
        Err(problem(field, format!("{value} kan niet: geef een heel getal van 0 of meer")))
    }
}

/// The warning for a low response, if it is one.
fn response_warning(invited: Option<u32>, responded: u32) -> Option<String> {
    let invited = invited.filter(|n| *n > 0)?;
    let share = f64::from(responded) / f64::from(invited);
    (share < LOW_RESPONSE).then(|| {
        format!(
            "lage respons: {responded} van {invited} ({:.0}%, minder dan {:.0}%); de uitkomst zegt misschien weinig over het hele team",
            share * 100.0,
            LOW_RESPONSE * 100.0
        )
    })
}

/// Checks a typed-in aggregate against its instrument definition. A group under
/// [`MIN_GROUP`] is refused before anything else.
pub fn check(input: &MeasureInput, instrument: &Instrument, today: &str) -> Result<Checked> {
    let responded = count("responded", input.responded)?;
    if responded < MIN_GROUP {
        return Err(too_few(responded, input.scale.as_deref()));
    }
    let invited = input.invited.map(|n| count("n", n)).transpose()?;
    if let Some(invited) = invited
        && responded > invited
    {
        return Err(problem(
            "responded",
            format!(
                "{responded} respondenten van {invited} genodigden kan niet: er kunnen niet meer mensen antwoorden dan er zijn uitgenodigd"
            ),
        ));
    }
    let date = input.date.clone().filter(|d| !d.trim().is_empty()).unwrap_or_else(|| today.to_string());
    crate::time::parse_date("date", &date)?;
    let scale_id = match &input.scale {
        Some(s) => s.clone(),
        None if instrument.scales.len() == 1 => instrument.scales[0].id.clone(),
        None => {
            return Err(problem(
                "scale",
                format!(
                    "\"{}\" heeft meer schalen; kies er een met --scale: {}",
                    instrument.id,
                    instrument.scales.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    };
    let Some(scale) = instrument.scale(&scale_id) else {
        return Err(problem(
            "scale",
            format!(
                "\"{scale_id}\" is geen schaal van \"{}\"; kies uit: {}",
                instrument.id,
                instrument.scales.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
            ),
        ));
    };
    let answers = answer_scale(instrument)?;
    if !input.mean.is_finite() || input.mean < answers.min || input.mean > answers.max {
        return Err(problem(
            "mean",
            format!(
                "{} kan niet: het gemiddelde van \"{}\" ligt tussen {} en {}",
                input.mean, scale.id, answers.min, answers.max
            ),
        ));
    }
    let past_cutoff = match input.past_cutoff {
        None => None,
        Some(_) if instrument.cutoff(&scale.id).is_none() => {
            return Err(problem(
                "past_cutoff",
                format!(
                    "de definitie van \"{}\" noemt voor \"{}\" geen afkappunt; laat het percentage weg",
                    instrument.id, scale.id
                ),
            ));
        }
        Some(p) if !(0.0..=100.0).contains(&p) => {
            return Err(problem("past_cutoff", format!("{p} kan niet: een percentage ligt tussen 0 en 100")));
        }
        Some(p) => Some(p),
    };
    Ok(Checked {
        instrument: instrument.id.clone(),
        date,
        invited,
        responded,
        values: vec![MeasuredValue { key: scale.id.clone(), value: input.mean, past_cutoff }],
        scale: answers,
        warnings: response_warning(invited, responded).into_iter().collect(),
        scored: None,
    })
}

/// Scores a file of individual answers (CSV: a header row naming the item numbers, as
/// `3`, `item3` or `vraag 3`; one row per person; `;` or `,` between cells) with the
/// instrument's scoring key, in memory. A person counts when every item of the scored
/// scales is answered within the response scale; the team's mean per scale is the mean of
/// the people's scale scores. Other columns are ignored and never kept. Answers `path`'s
/// problems by row and column, never quoting a cell.
pub fn score_file(
    path: &Path,
    instrument: &Instrument,
    invited: Option<f64>,
    date: Option<&str>,
    today: &str,
) -> Result<Checked> {
    use std::io::Read as _;
    let read = |source| Error::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(read)?;
    let mut bytes = Vec::new();
    file.take(MAX_ANSWERS_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(read)?;
    let fail = |field: String, message: String| Error::InvalidMeasurement {
        path: Some(path.to_path_buf()),
        problems: vec![(field, message)],
    };
    if bytes.len() as u64 > MAX_ANSWERS_FILE_BYTES {
        return Err(fail("bestand".into(), format!("groter dan {} MB", MAX_ANSWERS_FILE_BYTES / 1_000_000)));
    }
    let scored = score(&bytes, instrument)
        .map_err(|problems| Error::InvalidMeasurement { path: Some(path.to_path_buf()), problems });
    // Whatever happened, the answers leave memory with `bytes`.
    drop(bytes);
    let (rows, counted, values) = scored?;
    if counted < MIN_GROUP {
        return Err(too_few(counted, None));
    }
    let invited = invited.map(|n| count("n", n)).transpose()?;
    if let Some(invited) = invited
        && counted > invited
    {
        return Err(problem(
            "n",
            format!(
                "{counted} ingevulde rijen van {invited} genodigden kan niet: er kunnen niet meer mensen antwoorden dan er zijn uitgenodigd"
            ),
        ));
    }
    let date = date.map(str::to_string).filter(|d| !d.trim().is_empty()).unwrap_or_else(|| today.to_string());
    crate::time::parse_date("date", &date)?;
    let mut warnings: Vec<String> = response_warning(invited, counted).into_iter().collect();
    if counted < rows {
        warnings.push(format!(
            "{} van de {rows} rijen niet meegeteld: niet elke vraag beantwoord binnen de antwoordschaal",
            rows - counted
        ));
    }
    Ok(Checked {
        instrument: instrument.id.clone(),
        date,
        invited,
        responded: counted,
        values,
        scale: answer_scale(instrument)?,
        warnings,
        scored: Some(ScoredRows { rows, counted }),
    })
}

type Scored = (u32, u32, Vec<MeasuredValue>);

/// The scoring itself: (rows, counted, the aggregates per scale).
fn score(bytes: &[u8], instrument: &Instrument) -> std::result::Result<Scored, Vec<(String, String)>> {
    let one = |field: &str, message: String| vec![(field.to_string(), message)];
    if instrument.scoring != Scoring::Gemiddelde {
        return Err(one(
            "instrument",
            format!(
                "de definitie van \"{}\" geeft geen scoringsregel; vul de teamcijfers zelf in met --mean",
                instrument.id
            ),
        ));
    }
    let response = instrument.response.as_ref().ok_or_else(|| {
        one("instrument", format!("de antwoordschaal van \"{}\" is niet bekend in deze definitie", instrument.id))
    })?;
    let scales: Vec<_> = instrument.scales.iter().filter(|s| !s.items.is_empty()).collect();
    if scales.is_empty() {
        return Err(one(
            "instrument",
            format!(
                "de definitie van \"{}\" bevat geen scoringssleutel (welke items bij welke schaal horen); vul de teamcijfers zelf in met --mean",
                instrument.id
            ),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| one("bestand", format!("geen UTF-8-tekst (byte {})", e.valid_up_to() + 1)))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| one("kopregel", format!("niet te lezen ({e})")))?.clone();
    let column_of_item = |item: u32| headers.iter().position(|h| item_number(h) == Some(item));
    let mut items: Vec<(u32, usize)> = Vec::new();
    let mut missing = Vec::new();
    for s in &scales {
        for n in &s.items {
            match column_of_item(*n) {
                Some(col) if !items.iter().any(|(x, _)| x == n) => items.push((*n, col)),
                Some(_) => {}
                None => missing.push(n.to_string()),
            }
        }
    }
    if !missing.is_empty() {
        missing.dedup();
        return Err(one(
            "kopregel",
            format!(
                "geen kolom voor item {}; de kopregel noemt elk item met zijn nummer (bijvoorbeeld 1 of item1)",
                missing.join(", ")
            ),
        ));
    }
    let mut problems = Vec::new();
    let mut rows = 0u32;
    let mut sums: Vec<f64> = vec![0.0; scales.len()];
    let mut past: Vec<u32> = vec![0; scales.len()];
    let mut counted = 0u32;
    for (r, record) in reader.records().enumerate() {
        let row = r + 2;
        let Ok(record) = record else {
            problems.push((format!("rij {row}"), "niet te lezen als CSV".into()));
            continue;
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        if rows as usize > MAX_ANSWER_ROWS {
            return Err(one("bestand", format!("meer dan {MAX_ANSWER_ROWS} rijen")));
        }
        let mut answers: Vec<(u32, f64)> = Vec::with_capacity(items.len());
        let mut complete = true;
        for (n, col) in &items {
            let cell = record.get(*col).map(str::trim).unwrap_or_default();
            if cell.is_empty() {
                complete = false;
                continue;
            }
            match cell.replace(',', ".").parse::<f64>() {
                Ok(v) if v.fract() == 0.0 && v >= f64::from(response.min) && v <= f64::from(response.max) => {
                    answers.push((*n, v));
                }
                _ => {
                    problems.push((
                        format!("rij {row}, kolom {}", headers.get(*col).unwrap_or_default()),
                        format!("geen antwoord van {} tot en met {}", response.min, response.max),
                    ));
                    complete = false;
                }
            }
        }
        if !complete {
            continue;
        }
        counted += 1;
        for (k, s) in scales.iter().enumerate() {
            let values: Vec<f64> =
                s.items.iter().filter_map(|n| answers.iter().find(|(x, _)| x == n).map(|(_, v)| *v)).collect();
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            sums[k] += mean;
            if let Some(cutoff) = instrument.cutoff(&s.id)
                && Instrument::past(s, cutoff, mean)
            {
                past[k] += 1;
            }
        }
    }
    if !problems.is_empty() {
        problems.truncate(20);
        return Err(problems);
    }
    let values = scales
        .iter()
        .enumerate()
        .map(|(k, s)| MeasuredValue {
            key: s.id.clone(),
            value: if counted == 0 { 0.0 } else { round(sums[k] / f64::from(counted)) },
            past_cutoff: (instrument.cutoff(&s.id).is_some() && counted > 0)
                .then(|| round(f64::from(past[k]) * 100.0 / f64::from(counted))),
        })
        .collect();
    Ok((rows, counted, values))
}

/// Two decimals: a team's mean is kept no finer than it is reported.
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The item number a column heading names: `3`, `item3`, `item 3`, `vraag_3`, `Q3`.
fn item_number(heading: &str) -> Option<u32> {
    let h = heading.trim().to_lowercase();
    let rest = ["item", "vraag", "q", "i", "v"].iter().find_map(|p| h.strip_prefix(p)).unwrap_or(&h);
    let rest = rest.trim_start_matches([' ', '_', '-', '.']);
    if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

impl Store {
    /// Stores a checked questionnaire measurement in dossier `id`: its values join the
    /// measurement of the same instrument and day (which must then have the same numbers
    /// invited and responded), replacing the same scale's.
    pub fn dossier_measure(&mut self, id: &str, checked: &Checked) -> Result<MeasureOutcome> {
        self.head(id)?;
        let now = self.clock().now_utc();
        let existing: Option<(i64, Option<u32>, Option<u32>)> = self
            .conn()
            .query_row(
                "SELECT id, n, invited FROM measurements
                 WHERE dossier_id = ?1 AND conversation_id IS NULL AND carried_from IS NULL
                   AND kind = 'instrument' AND source = ?2 AND date = ?3",
                params![id, checked.instrument, checked.date],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(sql)?;
        if let Some((_, n, invited)) = existing
            && (n != Some(checked.responded)
                || (invited.is_some() && checked.invited.is_some() && invited != checked.invited))
        {
            return Err(problem(
                "responded",
                format!(
                    "de meting van \"{}\" op {} heeft {} respondenten{}; een andere schaal van dezelfde afname heeft dezelfde aantallen (of kies een andere datum)",
                    checked.instrument,
                    crate::time::nl_date(&checked.date),
                    n.map_or("onbekend".to_string(), |n| n.to_string()),
                    invited.map(|i| format!(" van {i} genodigden")).unwrap_or_default()
                ),
            ));
        }
        let mut replaced = false;
        let measurement_id = self.write(|tx| {
            touch(tx, id, &now)?;
            match existing {
                Some((mid, _, _)) => {
                    for v in &checked.values {
                        let gone = tx
                            .execute(
                                "DELETE FROM measurement_values WHERE measurement_id = ?1 AND key = ?2",
                                params![mid, v.key],
                            )
                            .map_err(sql)?;
                        replaced |= gone > 0;
                        exec(
                            tx,
                            "INSERT INTO measurement_values (measurement_id, key, value, past_cutoff) VALUES (?1, ?2, ?3, ?4)",
                            params![mid, v.key, v.value, v.past_cutoff],
                        )?;
                    }
                    if checked.invited.is_some() {
                        exec(tx, "UPDATE measurements SET invited = ?2 WHERE id = ?1", params![mid, checked.invited])?;
                    }
                    Ok(mid)
                }
                None => insert_measurement(
                    tx,
                    id,
                    None,
                    &Measurement {
                        id: 0,
                        kind: MeasurementKind::Instrument,
                        source: checked.instrument.clone(),
                        date: checked.date.clone(),
                        scale: checked.scale,
                        n: Some(checked.responded),
                        invited: checked.invited,
                        carried_from: None,
                        values: checked.values.clone(),
                    },
                    &now,
                ),
            }
        })?;
        let measurement = super::talk::standalone_measurements(self.conn(), id)
            .map_err(sql)?
            .into_iter()
            .find(|m| m.id == measurement_id)
            .ok_or_else(|| super::not_found(id))?;
        Ok(MeasureOutcome {
            id: id.to_string(),
            measurement,
            scales: checked.values.iter().map(|v| v.key.clone()).collect(),
            replaced,
            warnings: checked.warnings.clone(),
            scored: checked.scored,
        })
    }

    /// Removes measurement `measurement` (one that belongs to no conversation) from dossier
    /// `id`.
    pub fn dossier_unmeasure(&mut self, id: &str, measurement: i64) -> Result<()> {
        let now = self.clock().now_utc();
        self.write(|tx| {
            touch(tx, id, &now)?;
            let n = tx
                .execute(
                    "DELETE FROM measurements WHERE id = ?1 AND dossier_id = ?2 AND conversation_id IS NULL",
                    params![measurement, id],
                )
                .map_err(sql)?;
            if n == 0 {
                return Err(Error::InvalidInput {
                    field: "meting".into(),
                    message: format!(
                        "dossier {id} heeft geen losse meting {measurement} (zie de nummers in dossier show; de meting van een gesprek gaat met het gesprek weg)"
                    ),
                });
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thermometer() -> Instrument {
        crate::catalogue::instruments()
            .expect("bundled")
            .into_iter()
            .find(|i| i.id == "teamthermometer")
            .expect("the team thermometer")
    }

    #[test]
    fn item_headings_are_read_by_their_number() {
        for (h, n) in [("3", Some(3)), ("item3", Some(3)), ("Item 12", Some(12)), ("vraag_7", Some(7)), ("Q2", Some(2))]
        {
            assert_eq!(item_number(h), n, "{h}");
        }
        for h in ["naam", "", "item", "3a", "opmerking"] {
            assert_eq!(item_number(h), None, "{h}");
        }
    }

    #[test]
    fn a_file_of_answers_becomes_the_team_means_and_incomplete_rows_do_not_count() {
        let mut csv = String::from("respondent;1;2;3;4;5;6;7;opmerking\n");
        for r in 0..10 {
            csv.push_str(&format!("p{r};2;{};4;4;1;3;5;vrije tekst {r}\n", if r < 5 { 2 } else { 3 }));
        }
        csv.push_str("p10;2;;4;4;1;3;5;\n");
        let (rows, counted, values) = score(csv.as_bytes(), &thermometer()).expect("scored");
        assert_eq!((rows, counted), (11, 10));
        let get = |k: &str| values.iter().find(|v| v.key == k).map(|v| v.value);
        assert_eq!(get("werkdruk"), Some(2.0));
        assert_eq!(get("regelmogelijkheden"), Some(2.5));
        assert_eq!(get("omgang"), Some(1.0));
    }

    #[test]
    fn a_cell_outside_the_response_scale_is_named_by_row_and_column_without_its_content() {
        let csv = "1,2,3,4,5,6,7\n2,2,4,4,1,3,5\n2,9,4,4,1,3,5\n";
        let problems = score(csv.as_bytes(), &thermometer()).expect_err("9 is no answer");
        assert_eq!(problems, [("rij 3, kolom 2".to_string(), "geen antwoord van 1 tot en met 5".to_string())]);
    }

    #[test]
    fn a_definition_without_a_scoring_key_cannot_score_a_file() {
        let bat = crate::catalogue::instruments().expect("bundled").into_iter().find(|i| i.id == "bat").expect("bat");
        let problems = score(b"1,2\n1,1\n", &bat).expect_err("no key");
        assert!(problems[0].1.contains("geen scoringssleutel"), "{problems:?}");
    }
}
