//! Output of the command line: text for people, JSON with `--json`. Everything is gathered
//! in memory and written at the end, so a closed pipe (`keuzehulp list | head`) ends the
//! program quietly instead of with a panic.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use serde_json::json;

use crate::Backup;
use crate::advisor::Advice;
use crate::app::TreeView;
use crate::catalogue::model::Entry;
use crate::catalogue::worker::Lead;
use crate::catalogue::{Pack, Taxonomy};
use crate::dossier::evaluate::Change;
use crate::dossier::talk::TalkSummary;
use crate::dossier::traject::TrajectView;
use crate::dossier::{Dossier, DossierSummary, Trashed};
use crate::error::{Error, Result};
use crate::search::SearchResult;
use crate::time::{nl_date_or_unknown, nl_dates_in, nl_moment};

/// Collected output of one command.
#[derive(Debug, Default)]
pub struct Out {
    json: bool,
    text: String,
}

// What `import`, `update`, `trust`, `catalogue` and `show` print: the catalogue's side.
mod catalogue;
// What `conversation` and `dossier talk` print, and the conversations in `dossier show`.
mod talk;
// What the evaluation loop prints: instruments, measure, follow-up, evaluate, practice, share.
mod evaluate;

const NOT_KNOWN: &str = "niet bekend";

impl Out {
    /// Output in JSON (`true`) or text.
    pub fn new(json: bool) -> Self {
        Out { json, text: String::new() }
    }

    fn put_json<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.text.push_str(&serde_json::to_string_pretty(value).map_err(Error::json("de uitvoer"))?);
        self.text.push('\n');
        Ok(())
    }

    /// `keuzehulp list`.
    pub fn list(&mut self, pack: &Pack) -> Result<()> {
        if self.json {
            return self.put_json(pack);
        }
        let width = pack.interventions.iter().map(|i| i.id.len()).max().unwrap_or(0);
        for record in &pack.interventions {
            let _ = writeln!(
                self.text,
                "{:width$}  {}  [{}; stap {}]",
                record.id,
                record.name,
                record.levels.join(", "),
                record.steps.join(", "),
            );
        }
        let version = nl_dates_in(pack.catalogue_version.as_deref().unwrap_or_default());
        let _ = writeln!(self.text, "\n{} interventies (catalogus {version})", pack.interventions.len());
        Ok(())
    }

    /// `keuzehulp search`.
    pub fn search(&mut self, result: &SearchResult, way_in: Option<&Entry>) -> Result<()> {
        if self.json {
            return self.put_json(result);
        }
        if let Some(entry) = way_in {
            let _ = writeln!(
                self.text,
                "Uw vraag lijkt op de startvraag \"{}\": keuzehulp advise --entry {} loopt die met u door.\n",
                entry.question, entry.id
            );
        }
        for cut in &result.cut {
            let _ = writeln!(self.text, "Let op: {cut}.");
        }
        if let Some(suggestion) = &result.suggestion {
            let _ = writeln!(self.text, "Bedoelde u: {suggestion}?");
        }
        if result.hits.is_empty() {
            let _ = writeln!(self.text, "Niets gevonden voor \"{}\".", result.query);
            if !result.nearest.is_empty() {
                let _ = writeln!(self.text, "Wat er het dichtst bij komt:");
                for hit in &result.nearest {
                    let _ = writeln!(self.text, "  {}  ({})", hit.name, hit.id);
                }
            }
            return Ok(());
        }
        for (i, hit) in result.hits.iter().enumerate() {
            let _ = writeln!(
                self.text,
                "{:>2}. {}  ({})  [{}; stap {}]",
                i + 1,
                hit.name,
                hit.id,
                hit.levels.join(", "),
                hit.steps.join(", ")
            );
            if !hit.via.is_empty() {
                let via: Vec<String> = hit.via.iter().map(|v| format!("{} → {}", v.from, v.to)).collect();
                let _ = writeln!(self.text, "    gevonden via: {}", via.join("; "));
            }
        }
        let _ = writeln!(self.text, "\n{} van {} resultaten", result.hits.len(), result.total);
        Ok(())
    }

    /// `keuzehulp advise --entry zorgen-terecht` (text only): who a worker can turn to, with
    /// what the sources say about each and where that comes from, before the interventions.
    pub fn leads(&mut self, leads: &[Lead], taxonomy: &Taxonomy) {
        if self.json || leads.is_empty() {
            return;
        }
        let t = &mut self.text;
        let _ = writeln!(t, "Bij wie kunt u terecht?");
        for lead in leads {
            let _ = writeln!(t, "\n  {}", lead.who);
            for paragraph in &lead.text {
                let _ = writeln!(t, "    {paragraph}");
            }
            for source in &lead.sources {
                let url = source.url.as_deref().map(|u| format!(" ({u})")).unwrap_or_default();
                if source.document == crate::catalogue::worker::WEB_SOURCE {
                    let _ = writeln!(t, "    Bron: {}{url}", source.section);
                    continue;
                }
                let title = taxonomy
                    .documents
                    .iter()
                    .find(|d| d.id == source.document)
                    .map_or(source.document.as_str(), |d| d.title.as_str());
                let _ = writeln!(t, "    Bron: {title} — {}{url}", source.section);
            }
            if let Some(record) = &lead.record {
                let _ = writeln!(t, "    Meer: keuzehulp show {record}");
            }
        }
        let _ = writeln!(t, "\nInterventies:");
    }

    /// `keuzehulp advise`.
    pub fn advice(&mut self, advice: &Advice, taxonomy: &Taxonomy) -> Result<()> {
        if self.json {
            return self.put_json(advice);
        }
        let t = &mut self.text;
        for note in advice.user_notes.iter().chain(&advice.notes) {
            let _ = writeln!(t, "Let op: {}", nl_dates_in(note));
        }
        if !advice.notes.is_empty() || !advice.user_notes.is_empty() {
            let _ = writeln!(t);
        }
        for (i, r) in advice.recommendations.iter().enumerate() {
            let _ = writeln!(t, "{:>2}. {}  ({})", i + 1, r.name, r.id);
            for reason in &r.reasons {
                let _ = writeln!(t, "      + {}", nl_dates_in(reason));
            }
            for mismatch in &r.mismatches {
                let _ = writeln!(t, "      - {}", nl_dates_in(mismatch));
            }
        }
        for a in &advice.advice {
            let step = taxonomy.steps.iter().find(|s| s.id == a.step).map_or(a.step.as_str(), |s| s.label.as_str());
            let _ = writeln!(t, "\nAdvies van de leidraad, stap {} ({step}):", a.step);
            for item in &a.items {
                let _ = writeln!(t, "  • {item}");
            }
        }
        if let Some(coverage) = &advice.coverage {
            let _ = writeln!(t, "\nAanbod-scan (x = al aangeboden, . = gat):");
            let _ = write!(t, "{:<12}", "");
            for step in &taxonomy.steps {
                let _ = write!(t, "{:>4}", step.id);
            }
            let _ = writeln!(t);
            for level in &taxonomy.levels {
                let _ = write!(t, "{:<12}", level.id);
                for step in &taxonomy.steps {
                    let covered = coverage
                        .cells
                        .iter()
                        .any(|c| c.level == level.id && c.step == step.id && !c.covered_by.is_empty());
                    let _ = write!(t, "{:>4}", if covered { "x" } else { "." });
                }
                let _ = writeln!(t);
            }
            if !coverage.unknown.is_empty() {
                let _ = writeln!(t, "Onbekende ids genegeerd: {}", coverage.unknown.join(", "));
            }
        }
        Ok(())
    }

    /// A value as JSON, or a one-line message as text.
    pub fn value<T: Serialize>(&mut self, value: &T, text: &str) -> Result<()> {
        if self.json {
            return self.put_json(value);
        }
        let _ = writeln!(self.text, "{text}");
        Ok(())
    }

    /// `keuzehulp backup list`.
    pub fn backups(&mut self, list: &[Backup]) -> Result<()> {
        if self.json {
            return self.put_json(&list);
        }
        if list.is_empty() {
            let _ = writeln!(self.text, "Nog geen reservekopieën.");
        }
        for b in list {
            let _ = writeln!(
                self.text,
                "{}  {:<13}  {:>9}  {}",
                nl_moment(&b.created_at),
                b.kind.as_str(),
                size(b.size),
                b.path.display()
            );
        }
        Ok(())
    }

    /// `keuzehulp dossier list`.
    pub fn dossiers(&mut self, list: &[DossierSummary]) -> Result<()> {
        if self.json {
            return self.put_json(&json!({ "dossiers": list }));
        }
        if list.is_empty() {
            let _ = writeln!(self.text, "Nog geen dossiers.");
        }
        for d in list {
            let _ = writeln!(
                self.text,
                "{}  {}{}  (bezoek {}, {} notities, {} op de shortlist{})",
                d.id,
                d.org,
                d.department.as_deref().map(|x| format!(" — {x}")).unwrap_or_default(),
                nl_date_or_unknown(d.visit_date.as_deref()),
                d.notes,
                d.shortlist,
                if d.overdue.is_empty() {
                    String::new()
                } else {
                    format!(", {} evaluatie(s) te laat", d.overdue.len())
                }
            );
        }
        Ok(())
    }

    /// `keuzehulp dossier trash`.
    pub fn trash(&mut self, list: &[Trashed]) -> Result<()> {
        if self.json {
            return self.put_json(&json!({ "trash": list }));
        }
        if list.is_empty() {
            let _ = writeln!(self.text, "De prullenbak is leeg.");
        }
        for d in list {
            let _ = writeln!(
                self.text,
                "{}  {}{}  (verwijderd {}, wordt gewist op {}, {} notities)",
                d.id,
                d.org,
                d.department.as_deref().map(|x| format!(" — {x}")).unwrap_or_default(),
                nl_moment(&d.deleted_at),
                nl_date_or_unknown(d.erased_on.as_deref()),
                d.notes,
            );
        }
        Ok(())
    }

    /// `keuzehulp dossier show`: with `--json` the dossier, and where a team leader's and a
    /// team's ratings differ (`comparisons`).
    pub fn dossier(
        &mut self,
        d: &Dossier,
        talk: &TalkSummary,
        traject: &TrajectView,
        changes: &[Change],
    ) -> Result<()> {
        if self.json {
            let mut value = serde_json::to_value(d).map_err(Error::json("het dossier"))?;
            if let Some(map) = value.as_object_mut() {
                map.insert("comparisons".into(), json!(talk.comparisons));
                map.insert("traject_view".into(), json!(traject));
                map.insert("before_after".into(), json!(changes));
            }
            return self.put_json(&value);
        }
        let t = &mut self.text;
        let known = |v: &Option<String>| v.clone().unwrap_or_else(|| NOT_KNOWN.to_string());
        let _ = writeln!(t, "{}  ({})", d.info.org, d.id);
        let _ = writeln!(
            t,
            "Sector: {}   Afdeling: {}   Bezoek: {}",
            known(&d.info.sector),
            known(&d.info.department),
            nl_date_or_unknown(d.info.visit_date.as_deref())
        );
        let _ = writeln!(
            t,
            "Contactpersoon: {} ({})   Professional: {}",
            known(&d.info.contact_name),
            known(&d.info.contact_role),
            known(&d.info.professional)
        );
        let _ = writeln!(t, "\nShortlist:");
        for s in &d.shortlist {
            let _ = writeln!(
                t,
                "  - {}{}",
                s.intervention_id,
                s.why.as_deref().map(|w| format!(": {w}")).unwrap_or_default()
            );
        }
        let _ = writeln!(t, "\nActieplan:");
        for p in &d.plan {
            let _ = writeln!(
                t,
                "  {}. {} — {} (wie: {}; start {}; evaluatie {} via {}; {})",
                p.id,
                p.intervention_id,
                p.what,
                p.who,
                nl_date_or_unknown(p.start_date.as_deref()),
                nl_date_or_unknown(p.evaluation_date.as_deref()),
                p.evaluation_method,
                p.status
            );
        }
        let _ = writeln!(t, "\nNotities:");
        for n in &d.notes {
            let _ = writeln!(t, "  [{}] {}", nl_moment(&n.created_at), n.text);
        }
        if !talk.conversations.is_empty() {
            self.conversations(talk);
        }
        self.evaluation_loop(d, traject, changes);
        Ok(())
    }

    /// `keuzehulp tree`.
    pub fn tree(&mut self, tree: &TreeView) -> Result<()> {
        if self.json {
            return self.put_json(tree);
        }
        let _ = writeln!(self.text, "Ingangen:");
        for entry in &tree.entries {
            let _ = writeln!(self.text, "  - {}  ({})", entry.question, entry.id);
        }
        let _ = writeln!(self.text, "\nVragen (elke vraag mag worden overgeslagen):");
        for (i, q) in tree.questions.iter().enumerate() {
            let options: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
            let choices = if options.is_empty() { "ja / nee".to_string() } else { options.join(", ") };
            let _ = writeln!(self.text, "  {}. {}  [{}]", i + 1, q.prompt, choices);
        }
        Ok(())
    }

    /// One compact JSON value on its own line (`search --stdin`).
    pub fn json_line<T: Serialize>(&mut self, value: &T) -> Result<()> {
        self.text.push_str(&serde_json::to_string(value).map_err(Error::json("de uitvoer"))?);
        self.text.push('\n');
        Ok(())
    }

    /// `keuzehulp validate PATH` succeeded.
    pub fn valid(&mut self, path: &Path, count: usize) -> Result<()> {
        if self.json {
            return self.put_json(&json!({ "valid": true, "path": path, "interventions": count }));
        }
        let _ = writeln!(self.text, "{} is geldig: {count} interventies", path.display());
        Ok(())
    }

    /// Writes the output; a closed stdout is not an error. Text for people passes through
    /// [`for_terminal`] (JSON escapes control characters itself).
    pub fn finish(self) -> ExitCode {
        let text = if self.json { self.text } else { for_terminal(&self.text) };
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        }
    }

    /// Reports `err` on stderr (as `{"error": {code, message}}` with `--json`) and fails.
    /// Output gathered before the error (the answered lines of `search --stdin`) is written
    /// first.
    pub fn fail(self, err: &Error) -> ExitCode {
        if !self.text.is_empty() {
            let text = if self.json { self.text.clone() } else { for_terminal(&self.text) };
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
        }
        let message = if self.json {
            json!({ "error": { "code": err.code(), "message": err.to_string() } }).to_string()
        } else {
            for_terminal(&format!("keuzehulp: {err}"))
        };
        let _ = writeln!(std::io::stderr().lock(), "{message}");
        ExitCode::FAILURE
    }
}

/// Text for a terminal: control characters (escape sequences that recolour, move the cursor
/// or retitle the window), except line breaks and tabs, and Unicode direction overrides are
/// shown as `?`. Notes, names and imported records may hold them; the reports filter them too.
pub fn for_terminal(text: &str) -> String {
    text.chars()
        .map(|c| {
            let bad = (c.is_control() && c != '\n' && c != '\t') || crate::error::is_direction_control(c);
            if bad { '?' } else { c }
        })
        .collect()
}

/// A file size for people: `812 B`, `45,3 kB`, `2,1 MB` (decimal comma).
fn size(bytes: u64) -> String {
    let (value, unit) = match bytes {
        0..1_000 => return format!("{bytes} B"),
        1_000..1_000_000 => (bytes as f64 / 1e3, "kB"),
        _ => (bytes as f64 / 1e6, "MB"),
    };
    format!("{value:.1} {unit}").replace('.', ",")
}
