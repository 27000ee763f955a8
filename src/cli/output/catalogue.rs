//! What the catalogue's commands print: `import` (and its dry run), `update`, `trust list`,
//! `catalogue` and `show`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use serde_json::json;

use crate::ImportReport;
use crate::app::{CatalogueInfo, ImportDiff, PackUpdate};
use crate::catalogue::view::RecordView;
use crate::catalogue::{Taxonomy, Term};
use crate::error::Result;
use crate::signing::TrustList;
use crate::time::{nl_date, nl_date_or_unknown, nl_dates_in, nl_moment};

use super::{NOT_KNOWN, Out, for_terminal};

impl Out {
    /// `keuzehulp import`.
    pub fn imported(&mut self, path: &Path, report: &ImportReport) -> Result<()> {
        let publisher = report.publisher.as_deref().unwrap_or("eigen");
        if self.json {
            return self.put_json(
                &json!({ "path": path, "added": report.added, "updated": report.updated, "publisher": publisher,
                         "instruments": report.instruments }),
            );
        }
        let from = match &report.publisher {
            Some(name) => format!("ondertekend door {name}"),
            None => "niet ondertekend, gemarkeerd als eigen".to_string(),
        };
        let _ = writeln!(
            self.text,
            "{} geïmporteerd ({from}): {} nieuw, {} bijgewerkt",
            path.display(),
            report.added,
            report.updated
        );
        if report.instruments > 0 {
            let _ = writeln!(self.text, "Instrumentdefinities: {} toegevoegd of bijgewerkt", report.instruments);
        }
        Ok(())
    }

    /// `keuzehulp update --from DIR`.
    pub fn updated(&mut self, from: &str, packs: &[PackUpdate], dry_run: bool) -> Result<()> {
        if self.json {
            // The command line's JSON names the publisher with one word ("eigen" or the name).
            let mut listed = serde_json::to_value(packs).map_err(crate::Error::json("de pakketten"))?;
            for (value, pack) in listed.as_array_mut().into_iter().flatten().zip(packs) {
                value["publisher"] = pack.publisher.word().into();
            }
            return self.put_json(&json!({ "from": from, "dry_run": dry_run, "packs": listed }));
        }
        let t = &mut self.text;
        if packs.is_empty() {
            let _ = writeln!(t, "{from}: de index noemt geen pakketten.");
        }
        for p in packs {
            let _ = writeln!(
                t,
                "{} ({}): {} nieuw, {} gewijzigd, {} gelijk{}{}",
                p.file,
                match &p.publisher {
                    crate::catalogue::view::Credit::Publisher(name) => format!("ondertekend door {name}"),
                    _ => "niet ondertekend, eigen".to_string(),
                },
                p.diff.added.len(),
                p.diff.changed.len(),
                p.diff.unchanged,
                match p.diff.refused.len() {
                    0 => String::new(),
                    n => format!(", {n} geweigerd"),
                },
                if p.imported { "; geïmporteerd" } else { "" }
            );
            diff_lines(t, &p.diff);
        }
        if packs.iter().any(|p| !p.diff.refused.is_empty()) {
            let _ = writeln!(t, "Met een geweigerde interventie wordt geen enkel pakket geïmporteerd.");
        }
        if dry_run {
            let _ = writeln!(t, "Er is niets gewijzigd (--dry-run).");
        }
        Ok(())
    }

    /// `keuzehulp trust list`.
    pub fn trusted(&mut self, list: &TrustList) -> Result<()> {
        if self.json {
            return self.put_json(list);
        }
        if list.trusted.is_empty() {
            let _ = writeln!(self.text, "Er worden nog geen uitgeverssleutels vertrouwd.");
        }
        for k in &list.trusted {
            let until = k.valid_until.as_deref().map(|d| format!(", tot en met {}", nl_date(d))).unwrap_or_default();
            let _ = writeln!(
                self.text,
                "{}  (sleutel-id {}, toegevoegd {}{until})",
                k.name,
                k.key_id,
                nl_moment(&k.added_at)
            );
        }
        for k in &list.revoked {
            let _ = writeln!(
                self.text,
                "niet meer vertrouwd: {}  (sleutel-id {}, verwijderd {})",
                k.name,
                k.key_id,
                nl_moment(&k.revoked_at)
            );
        }
        Ok(())
    }

    /// `keuzehulp import PACK --dry-run`.
    pub fn import_preview(&mut self, path: &Path, diff: &ImportDiff) -> Result<()> {
        if self.json {
            return self.put_json(diff);
        }
        let t = &mut self.text;
        let _ = writeln!(
            t,
            "{} zou toevoegen: {} nieuw, {} gewijzigd, {} gelijk{}. Er is niets gewijzigd.",
            path.display(),
            diff.added.len(),
            diff.changed.len(),
            diff.unchanged,
            match diff.refused.len() {
                0 => String::new(),
                n => format!("; {n} geweigerd, dus importeren zou niets doen"),
            }
        );
        diff_lines(t, diff);
        Ok(())
    }

    /// Messages about repairs, on stderr (they are not the command's output).
    pub fn notices(&mut self, notices: Vec<String>) {
        let mut stderr = std::io::stderr().lock();
        for notice in notices {
            let _ = writeln!(stderr, "keuzehulp: {}", for_terminal(&notice));
        }
    }

    /// `keuzehulp catalogue`.
    pub fn catalogue(&mut self, info: &CatalogueInfo) -> Result<()> {
        if self.json {
            return self.put_json(info);
        }
        let t = &mut self.text;
        let _ =
            writeln!(t, "Catalogus {} van {} ({})", nl_dates_in(&info.version), nl_date(&info.date), info.publisher);
        let _ = writeln!(t, "{} interventies, waarvan {} geïmporteerd", info.records, info.imported);
        if info.lapsed.is_empty() {
            let _ = writeln!(t, "Geen verlopen bewijsoordelen op {}.", nl_date(&info.today));
        } else {
            let _ = writeln!(
                t,
                "Bewijsoordeel verlopen op {} (ouder dan vijf jaar of voorbij de geldigheidsdatum): {}",
                nl_date(&info.today),
                info.lapsed.join(", ")
            );
        }
        Ok(())
    }

    /// `keuzehulp show ID`.
    pub fn show(&mut self, view: &RecordView, taxonomy: &Taxonomy) -> Result<()> {
        if self.json {
            return self.put_json(view);
        }
        let r = &view.record;
        let known = |v: &Option<String>| v.clone().unwrap_or_else(|| NOT_KNOWN.to_string());
        let labels = |terms: &[Term], ids: &[String]| -> String {
            if ids.is_empty() {
                return "—".into();
            }
            ids.iter()
                .map(|id| terms.iter().find(|t| &t.id == id).map_or(id.clone(), |t| t.label.clone()))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let label = |terms: &[Term], id: &str| labels(terms, &[id.to_string()]);
        let t = &mut self.text;
        let _ = writeln!(t, "{}  ({})", r.name, r.id);
        if !r.aliases.is_empty() {
            let _ = writeln!(t, "Ook bekend als: {}", r.aliases.join("; "));
        }
        let _ = writeln!(t, "Soort: {}\n", label(&taxonomy.kinds, &r.kind));
        let _ = writeln!(t, "{}\n", r.summary);
        for (heading, value) in [
            ("Wat u eraan hebt", known(&r.benefits)),
            ("Wat het inhoudt", known(&r.involves)),
            ("Hoeveel tijd het kost", known(&r.time)),
            ("Kosten", known(&r.cost)),
            ("Privacy", known(&r.privacy)),
        ] {
            let _ = writeln!(t, "{heading}: {value}");
        }
        let _ = writeln!(
            t,
            "\nBewijs: {} — {}",
            label(&taxonomy.evidence_levels, &r.evidence.level),
            known(&r.evidence.basis)
        );
        let scheme = label(&taxonomy.evidence_schemes, &r.evidence.scheme);
        let _ = writeln!(
            t,
            "Beoordeeld: {} (door: {scheme}){}",
            nl_date_or_unknown(r.evidence.assessed_on.as_deref()),
            r.evidence.valid_until.as_deref().map(|u| format!(", geldig tot {}", nl_date(u))).unwrap_or_default()
        );
        if let Some(lapse) = &view.lapse {
            let _ = writeln!(
                t,
                "Let op: beoordeling verlopen ({}). Wat de bron zegt, staat hierboven; als bewijs telt het niet meer.",
                nl_dates_in(lapse)
            );
        } else if crate::catalogue::evidence_undated(&r.evidence) {
            let _ = writeln!(t, "Let op: deze beoordeling heeft geen datum; ze telt daarom het minst zwaar mee.");
        }
        for reference in &r.evidence.references {
            let _ = writeln!(t, "  - {reference}");
        }
        let developers = r.developed_by.as_ref().map_or(NOT_KNOWN.to_string(), |d| d.join("; "));
        let _ = writeln!(t, "\nOntwikkeld door: {developers}");
        let _ = writeln!(t, "Website: {}", known(&r.url));
        let _ = writeln!(t, "Niveau: {}", labels(&taxonomy.levels, &r.levels));
        let _ = writeln!(t, "Stappen: {}", r.steps.join(", "));
        let _ = writeln!(t, "Voor: {}", labels(&taxonomy.roles, &r.roles));
        let _ = writeln!(t, "Thema's: {}", labels(&taxonomy.themes, &r.themes));
        let _ = writeln!(t, "Sectoren: {}", labels(&taxonomy.sectors, &r.sectors));
        let _ = writeln!(t, "Risicogroepen: {}", labels(&taxonomy.risk_groups, &r.risk_groups));
        let _ = writeln!(t, "\nBronnen:");
        for source in &r.sources {
            let title = taxonomy
                .documents
                .iter()
                .find(|d| d.id == source.document)
                .map_or(source.document.as_str(), |d| d.title.as_str());
            let _ = writeln!(t, "  - {title} — {}", source.section);
        }
        let _ = writeln!(t, "Laatst gecontroleerd: {}", nl_date(&r.last_reviewed));
        let _ = writeln!(t, "Herkomst: {}", nl_dates_in(&view.origin.describe()));
        Ok(())
    }
}

/// One line per record an import would add, change or refuse: its name, where it would come
/// from, and why a refused one is refused.
fn diff_lines(t: &mut String, diff: &ImportDiff) {
    for added in &diff.added_records {
        let _ = writeln!(t, "  + {} ({}), {}", added.id, added.name, added.origin.describe());
    }
    for change in &diff.changed {
        let origin = if change.from == change.to {
            String::new()
        } else {
            format!("; herkomst: {} → {}", change.from.describe(), change.to.describe())
        };
        let _ = writeln!(t, "  ~ {} ({}): {}{origin}", change.id, change.name, change.fields.join(", "));
    }
    for refused in &diff.refused {
        let _ = writeln!(t, "  ! {} ({}): {}", refused.id, refused.name, refused.message);
    }
}
