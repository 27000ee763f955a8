//! What the window's save dialog asks, decided before it opens: the kind of file and the
//! name it suggests ([`SaveAs`]), or a refusal when there is nothing to write (a dossier
//! without a plan, a plan without evaluation dates, no own interventions yet, an unknown
//! dossier or guide). The shell shows the dialog with this and decides nothing itself.

use super::Keuzehulp;
use crate::error::{Error, Result};
use crate::files::{FileKind, SaveAs};
use crate::report::{PlanFormat, ReportFormat, SheetFormat};
use crate::time::Day;

/// A file the window can save, with what it is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export<'a> {
    /// Dossier `id`'s advice report.
    Report {
        /// The dossier.
        id: &'a str,
        /// The format.
        format: ReportFormat,
    },
    /// Dossier `id`'s action plan (or its evaluation dates, as iCalendar).
    Plan {
        /// The dossier.
        id: &'a str,
        /// The format.
        format: PlanFormat,
    },
    /// Dossier `id` as a dossier file: encrypted from an encrypted store unless `in_the_clear`.
    Dossier {
        /// The dossier.
        id: &'a str,
        /// The user chose plain JSON.
        in_the_clear: bool,
    },
    /// Guide `guide`'s printable sheet.
    Sheet {
        /// The guide.
        guide: &'a str,
        /// The format.
        format: SheetFormat,
    },
    /// The own interventions as a pack.
    Own,
    /// The outcome records since a day.
    Share {
        /// The first day.
        since: &'a Day,
    },
}

impl Export<'_> {
    /// Whether the saved file is for reading now, so the window opens it with the system's
    /// program (a report, a plan, a sheet); a file for moving elsewhere (a dossier, a pack)
    /// is not opened.
    pub fn opens(&self) -> bool {
        matches!(self, Export::Report { .. } | Export::Plan { .. } | Export::Sheet { .. })
    }
}

impl Keuzehulp {
    /// What the save dialog for `export` asks: the kind of file and a suggested name (the
    /// dossier's organisation and today, made file-name-safe); or why nothing can be saved,
    /// before anyone is asked where.
    pub fn save_as(&self, export: &Export) -> Result<SaveAs> {
        let today = self.today();
        Ok(match *export {
            Export::Report { id, format } => {
                let org = self.dossier(id)?.info.org;
                SaveAs::new(format.kind(), &["adviesrapport", &org, &today])
            }
            Export::Plan { id, format } => {
                let data = self.report_data(id)?;
                if data.dossier.plan.is_empty() {
                    return Err(super::dossiers::no_plan(id));
                }
                if format == PlanFormat::Ics {
                    crate::report::ics::check_dated(&data)?;
                }
                let stem = if format == PlanFormat::Ics { "evaluaties" } else { "actieplan" };
                SaveAs::new(format.kind(), &[stem, &data.dossier.info.org, &today])
            }
            Export::Dossier { id, in_the_clear } => {
                let org = self.dossier(id)?.info.org;
                let kind =
                    if self.export_encrypted(in_the_clear) { FileKind::DOSSIER_ENCRYPTED } else { FileKind::DOSSIER };
                SaveAs::new(kind, &["dossier", &org])
            }
            Export::Sheet { guide, format } => {
                self.conversation_guide(guide)?;
                SaveAs::new(format.kind(), &["gespreksformulier", guide])
            }
            Export::Own => {
                if self.own_records()?.is_empty() {
                    return Err(no_own_records());
                }
                SaveAs::new(FileKind::PACK, &["eigen-interventies", &today])
            }
            Export::Share { .. } => SaveAs::new(FileKind::SHARE, &["praktijk", &today]),
        })
    }

    /// Whether a dossier export is encrypted: from an encrypted store it is (with the same
    /// passphrase), unless the user chose plain JSON (`in_the_clear`). The one place for this
    /// rule: the export and the save dialog's kind of file both ask it.
    pub fn export_encrypted(&self, in_the_clear: bool) -> bool {
        !in_the_clear && self.store.key().is_some()
    }
}

/// There are no own interventions to share yet.
pub(super) fn no_own_records() -> Error {
    Error::NothingToExport { id: None, reason: "er zijn nog geen eigen interventies om te delen".into() }
}
