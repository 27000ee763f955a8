//! The status of an action-plan item: a closed set, stored in SQLite and written in the
//! dossier file and JSON as the same Dutch words (`gepland`, `lopend`, `afgerond`,
//! `gestopt`; the store's CHECK constraint names them too).

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Where an action-plan item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum PlanStatus {
    /// Planned, not started (a new item's status).
    Gepland,
    /// Under way.
    Lopend,
    /// Done.
    Afgerond,
    /// Stopped before it was done.
    Gestopt,
}

impl PlanStatus {
    /// Every status, in the order a plan item moves through them.
    pub const ALL: [PlanStatus; 4] =
        [PlanStatus::Gepland, PlanStatus::Lopend, PlanStatus::Afgerond, PlanStatus::Gestopt];

    /// Its word in the store, the dossier file, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Gepland => "gepland",
            PlanStatus::Lopend => "lopend",
            PlanStatus::Afgerond => "afgerond",
            PlanStatus::Gestopt => "gestopt",
        }
    }

    /// Whether the item is over (done or stopped), so its evaluation can no longer be due.
    pub fn is_finished(self) -> bool {
        matches!(self, PlanStatus::Afgerond | PlanStatus::Gestopt)
    }
}

impl FromStr for PlanStatus {
    type Err = Error;

    /// A status as a person or the window gives it; anything else is `invalid_input` naming
    /// the value and the choices.
    fn from_str(value: &str) -> Result<Self, Error> {
        Self::ALL.into_iter().find(|s| s.as_str() == value).ok_or_else(|| Error::InvalidInput {
            field: "status".into(),
            message: format!("\"{value}\" is geen status; kies uit: {}", Self::ALL.map(Self::as_str).join(", ")),
        })
    }
}

impl fmt::Display for PlanStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl ToSql for PlanStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for PlanStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        text.parse().map_err(|e: Error| FromSqlError::Other(Box::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::PlanStatus;

    #[test]
    fn every_status_reads_back_from_its_word_in_json_and_in_the_store() {
        let conn = rusqlite::Connection::open_in_memory().expect("in-memory database");
        for status in PlanStatus::ALL {
            assert_eq!(status.as_str().parse::<PlanStatus>().ok(), Some(status));
            assert_eq!(serde_json::to_value(status).ok(), Some(serde_json::json!(status.as_str())));
            assert_eq!(serde_json::from_value::<PlanStatus>(serde_json::json!(status.as_str())).ok(), Some(status));
            assert_eq!(status.to_string(), status.as_str());
            let stored: String = conn.query_row("SELECT ?1", [status], |r| r.get(0)).expect("stored as text");
            assert_eq!(stored, status.as_str());
            let read: PlanStatus = conn.query_row("SELECT ?1", [status.as_str()], |r| r.get(0)).expect("read back");
            assert_eq!(read, status);
        }
        assert!(conn.query_row("SELECT 'klaar'", [], |r| r.get::<_, PlanStatus>(0)).is_err());
    }

    #[test]
    fn an_unknown_status_is_refused_naming_it_and_the_choices() {
        for value in ["klaar", "Gepland", "", " lopend"] {
            let err = value.parse::<PlanStatus>().expect_err("not a status");
            assert_eq!(err.code(), "invalid_input");
            assert_eq!(
                err.to_string(),
                format!("status: \"{value}\" is geen status; kies uit: gepland, lopend, afgerond, gestopt")
            );
        }
    }

    #[test]
    fn only_afgerond_and_gestopt_are_finished() {
        let finished: Vec<PlanStatus> = PlanStatus::ALL.into_iter().filter(|s| s.is_finished()).collect();
        assert_eq!(finished, [PlanStatus::Afgerond, PlanStatus::Gestopt]);
    }
}
