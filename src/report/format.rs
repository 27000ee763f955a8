//! The formats a report or an action plan is written in: one closed set each, shared by the
//! command line (`--format`, parsed with [`std::str::FromStr`]), the window's commands and
//! the core, so a format none of them knows cannot reach the writers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::files::FileKind;

/// A format of the advice report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum ReportFormat {
    /// Printable A4 HTML.
    Html,
    /// PDF (typst).
    Pdf,
    /// Markdown.
    Md,
    /// Word.
    Docx,
}

/// A format the action plan is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum PlanFormat {
    /// An Excel workbook: the plan, and the plan van aanpak on a second sheet.
    Xlsx,
    /// CSV for Dutch Excel (semicolons).
    Csv,
    /// The evaluation dates as iCalendar events.
    Ics,
}

/// A format of a conversation guide's printable sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum SheetFormat {
    /// Printable A4 HTML.
    Html,
    /// PDF (typst).
    Pdf,
}

impl SheetFormat {
    /// Every sheet format, in the order the help lists them.
    pub const ALL: [SheetFormat; 2] = [SheetFormat::Pdf, SheetFormat::Html];

    /// Its name on the command line and in JSON, which is also the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            SheetFormat::Html => "html",
            SheetFormat::Pdf => "pdf",
        }
    }

    /// The kind of file it is written as: how a file dialog names it, and its extensions
    /// (the one a new file gets first).
    pub fn kind(self) -> FileKind {
        match self {
            SheetFormat::Html => FileKind { label: "HTML", extensions: &["html"] },
            SheetFormat::Pdf => FileKind { label: "PDF", extensions: &["pdf"] },
        }
    }
}

impl FromStr for SheetFormat {
    type Err = Error;

    fn from_str(value: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == value)
            .ok_or_else(|| unknown(value, "het gespreksformulier", &Self::ALL.map(Self::as_str)))
    }
}

impl fmt::Display for SheetFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ReportFormat {
    /// Every report format, in the order the help lists them.
    pub const ALL: [ReportFormat; 4] = [ReportFormat::Html, ReportFormat::Pdf, ReportFormat::Md, ReportFormat::Docx];

    /// Its name on the command line and in JSON, which is also the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Md => "md",
            ReportFormat::Docx => "docx",
        }
    }

    /// The kind of file it is written as: how a file dialog names it, and its extensions
    /// (the one a new file gets first).
    pub fn kind(self) -> FileKind {
        match self {
            ReportFormat::Html => FileKind { label: "HTML", extensions: &["html", "htm"] },
            ReportFormat::Pdf => FileKind { label: "PDF", extensions: &["pdf"] },
            ReportFormat::Md => FileKind { label: "Markdown", extensions: &["md"] },
            ReportFormat::Docx => FileKind { label: "Word-document", extensions: &["docx"] },
        }
    }
}

impl PlanFormat {
    /// Every plan format, in the order the help lists them.
    pub const ALL: [PlanFormat; 3] = [PlanFormat::Xlsx, PlanFormat::Csv, PlanFormat::Ics];

    /// Its name on the command line and in JSON, which is also the file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanFormat::Xlsx => "xlsx",
            PlanFormat::Csv => "csv",
            PlanFormat::Ics => "ics",
        }
    }

    /// The kind of file it is written as: how a file dialog names it, and its extensions
    /// (the one a new file gets first).
    pub fn kind(self) -> FileKind {
        match self {
            PlanFormat::Xlsx => FileKind { label: "Excel-werkmap", extensions: &["xlsx"] },
            PlanFormat::Csv => FileKind { label: "CSV (puntkomma's)", extensions: &["csv"] },
            PlanFormat::Ics => FileKind { label: "Agenda (iCalendar)", extensions: &["ics"] },
        }
    }
}

fn unknown(value: &str, what: &str, known: &[&str]) -> Error {
    let (last, rest) = known.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
    Error::InvalidInput {
        field: "format".into(),
        message: format!("\"{value}\" is geen formaat voor {what}; kies {} of {last}", rest.join(", ")),
    }
}

impl FromStr for ReportFormat {
    type Err = Error;

    fn from_str(value: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == value)
            .ok_or_else(|| unknown(value, "het rapport", &Self::ALL.map(Self::as_str)))
    }
}

impl FromStr for PlanFormat {
    type Err = Error;

    fn from_str(value: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|f| f.as_str() == value)
            .ok_or_else(|| unknown(value, "het actieplan", &Self::ALL.map(Self::as_str)))
    }
}

impl fmt::Display for ReportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for PlanFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{PlanFormat, ReportFormat, SheetFormat};

    #[test]
    fn each_format_reads_back_from_its_name_and_an_unknown_one_is_named() {
        for f in ReportFormat::ALL {
            assert_eq!(f.as_str().parse::<ReportFormat>().ok(), Some(f));
            assert_eq!(serde_json::to_value(f).ok(), Some(serde_json::json!(f.as_str())));
        }
        for f in PlanFormat::ALL {
            assert_eq!(f.as_str().parse::<PlanFormat>().ok(), Some(f));
        }
        let err = "odt".parse::<ReportFormat>().expect_err("odt is no report format").to_string();
        assert!(err.contains("\"odt\" is geen formaat voor het rapport; kies html, pdf, md of docx"), "{err}");
        for f in SheetFormat::ALL {
            assert_eq!(f.as_str().parse::<SheetFormat>().ok(), Some(f));
        }
        let err = "docx".parse::<SheetFormat>().expect_err("no sheet in Word").to_string();
        assert!(err.contains("kies pdf of html"), "{err}");
        let err = "pdf".parse::<PlanFormat>().expect_err("pdf is no plan format").to_string();
        assert!(err.contains("kies xlsx, csv of ics"), "{err}");
    }
}
