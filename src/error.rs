//! The core's error type. Messages are Dutch, because they reach users as they are; each
//! error also has a stable `code` for the desktop front end.

use std::path::PathBuf;

use crate::catalogue::validate::Problem;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data directory cannot be created, read or written.
    #[error("de gegevensmap {path} is niet bruikbaar: {reason}")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// Why not.
        reason: String,
    },
    /// No intervention has this id.
    #[error("er is geen interventie met id \"{id}\"{hint}")]
    UnknownIntervention {
        /// The id asked for.
        id: String,
        /// A suggestion such as ` (bedoelt u "pico"?)`, or empty.
        hint: String,
    },
    /// A catalogue directory or pack has problems.
    #[error("{} is niet geldig ({}):\n{}", .path.display(), count_problems(.problems.len()), format_problems(.problems))]
    Invalid {
        /// The directory or pack checked.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// A file could not be read.
    #[error("kan {} niet lezen: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The catalogue built into the program could not be read (a build defect).
    #[error("de ingebouwde catalogus is onleesbaar: {0}")]
    Bundled(#[from] serde_json::Error),
    /// The command exists in the design but is not built yet.
    #[error("{0}: nog niet beschikbaar in deze versie van Keuzehulp")]
    NotYetAvailable(&'static str),
}

impl Error {
    /// A stable, machine-readable code for the front end.
    pub fn code(&self) -> &'static str {
        match self {
            Error::DataDir { .. } => "data_dir",
            Error::UnknownIntervention { .. } => "unknown_intervention",
            Error::Invalid { .. } => "invalid_catalogue",
            Error::Read { .. } => "read",
            Error::Bundled(_) => "bundled_catalogue",
            Error::NotYetAvailable(_) => "not_yet_available",
        }
    }
}

fn count_problems(n: usize) -> String {
    if n == 1 {
        "1 probleem".into()
    } else {
        format!("{n} problemen")
    }
}

fn format_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
