//! `dossier evaluate`'s compact flags read into the core's input: `--reach 12/20`, and
//! `--indicator verzuimpercentage=6.2:4.8` with the periods `--before VAN..TOT` and
//! `--after VAN..TOT`. A flag that does not read is an error naming it; the values
//! themselves are checked by the core.

use crate::dossier::evaluate::{IndicatorInput, Period};
use crate::error::{Error, Result};

fn bad(flag: &str, message: String) -> Error {
    Error::InvalidEvaluation { problems: vec![(flag.to_string(), message)] }
}

/// A number as people type it: a decimal point or comma.
fn number(flag: &str, text: &str) -> Result<f64> {
    text.trim().replace(',', ".").parse::<f64>().map_err(|_| bad(flag, format!("\"{text}\" is geen getal")))
}

/// `--reach 12/20`: (reached, of).
pub fn reach(text: &str) -> Result<(Option<f64>, Option<f64>)> {
    let (a, b) = text.split_once('/').ok_or_else(|| {
        bad("--reach", format!("\"{text}\" kan niet: schrijf hoeveel van hoeveel, bijvoorbeeld 12/20"))
    })?;
    Ok((Some(number("--reach", a)?), Some(number("--reach", b)?)))
}

/// `VAN..TOT`.
fn period(flag: &str, text: Option<&str>) -> Result<Period> {
    let text = text.ok_or_else(|| {
        bad(flag, "een indicator heeft de periodes nodig: --before VAN..TOT en --after VAN..TOT (JJJJ-MM-DD)".into())
    })?;
    let (from, to) = text
        .split_once("..")
        .ok_or_else(|| bad(flag, format!("\"{text}\" kan niet: schrijf de periode als JJJJ-MM-DD..JJJJ-MM-DD")))?;
    Ok(Period { from: from.trim().to_string(), to: to.trim().to_string() })
}

/// Every `--indicator NAAM=VOOR:NA`, with the periods `before` and `after`.
pub fn indicators(flags: &[String], before: Option<&str>, after: Option<&str>) -> Result<Vec<IndicatorInput>> {
    let mut out = Vec::new();
    for flag in flags {
        let form = || {
            bad(
                "--indicator",
                format!("\"{flag}\" kan niet: schrijf NAAM=VOOR:NA, bijvoorbeeld verzuimpercentage=6,2:4,8"),
            )
        };
        let (name, values) = flag.split_once('=').ok_or_else(form)?;
        let (b, a) = values.split_once(':').ok_or_else(form)?;
        out.push(IndicatorInput {
            indicator: name.trim().to_string(),
            before: number("--indicator", b)?,
            after: number("--indicator", a)?,
            before_period: period("--before", before)?,
            after_period: period("--after", after)?,
        });
    }
    Ok(out)
}
