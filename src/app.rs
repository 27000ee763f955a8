//! [`Keuzehulp`]: the one entry point that the command line and the desktop shell share.
//! It owns the data directory and the catalogue; every capability is a method here, so
//! whatever the window can do, a test can do without a window.

use std::path::{Path, PathBuf};

use std::cell::OnceCell;

use crate::advisor::{self, Advice, Answers};
use crate::backup;
use crate::catalogue::view::{RecordOrigin, RecordView};
use crate::catalogue::{self, Catalogue, Edition, Intervention, Pack, StepGuide, Taxonomy};
use crate::crypt;
use crate::error::{Error, Result};
use crate::search::analysis::Analyzer;
use crate::search::{Filters, SearchIndex, SearchResult};
use crate::store::Store;
use crate::time::{self, Clock, Date};

// The façade's seams, each in its own file with access to the façade's private parts.
mod backups;
mod dossiers;
// The evaluation loop: instruments, measurements, follow-up visits, evaluations, practice.
mod evaluate;
mod import;
// `update --from DIR_OR_URL`.
// The window's catalogue screen: a pack looked at before import, own interventions.
mod own;
// What the window's save dialog asks: the kind of file, a suggested name, or a refusal first.
mod save;
// Outcome records shared between colleagues: `share export`, `share import`.
mod share;
// Conversations: the guides, a dossier's conversations, the paper sheet.
mod talk;
mod update;
mod views;

pub(crate) use backups::with_newest_backup;
use backups::{open_store, purge_trash};
pub use evaluate::{InstrumentView, NewAdvice};
pub use import::{AddedRecord, ChangedRecord, ImportDiff, Removed, sign_pack, validate};
pub use own::{FieldProblem, OwnSaved, PackPreview};
pub use save::Export;
pub use share::{ShareExport, ShareImported};
pub use update::{PackUpdate, UPDATE_INDEX};
pub use views::{CatalogueInfo, CatalogueSummary, MatrixCell, MatrixRow, OptionView, QuestionView, TreeView};

/// The environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "KEUZEHULP_DATA_DIR";

/// The environment variable that fixes "today" for the command line (YYYY-MM-DD): for tests,
/// and to see how the catalogue's evidence will stand on a later day.
pub const TODAY_ENV: &str = "KEUZEHULP_TODAY";

/// The platform's data directory for Keuzehulp (e.g. `~/.local/share/keuzehulp` on
/// Linux), or `$KEUZEHULP_DATA_DIR` when set.
pub fn default_data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("nl", "Keuzehulp", "keuzehulp").map(|dirs| dirs.data_dir().to_path_buf()).ok_or_else(
        || Error::DataDir {
            path: PathBuf::from("~"),
            reason: "er is geen thuismap gevonden; geef een map op met --data-dir".into(),
        },
    )
}

/// An open Keuzehulp: a usable data directory, the store, the catalogue, and (opened on
/// first use) the search index.
pub struct Keuzehulp {
    data_dir: PathBuf,
    /// Taxonomy and leidraad steps (bundled); the records live in the store.
    bundled: Catalogue,
    store: Store,
    records: OnceCell<Vec<Intervention>>,
    analyzer: OnceCell<Analyzer>,
    /// The conversation guides (bundled), read on first use.
    guides: OnceCell<catalogue::conversation::Conversations>,
    index: Option<SearchIndex>,
    notices: Vec<String>,
    /// "Today" when fixed (tests, `KEUZEHULP_TODAY`); else the clock's UTC date.
    today: Option<Date>,
}

impl std::fmt::Debug for Keuzehulp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Keuzehulp").field("data_dir", &self.data_dir).finish()
    }
}

/// Keuzehulp's version, as `keuzehulp --version`, the window's about line and the packages
/// name it.
pub const PROGRAM_VERSION: &str = env!("CARGO_PKG_VERSION");

impl Keuzehulp {
    /// Opens Keuzehulp with its data in `data_dir`, creating the directory if needed and
    /// loading the bundled catalogue into the store when it is new or changed. Fails with an
    /// error naming the directory when it cannot be read or written, and with
    /// [`Error::Damaged`] when the database is damaged (it is then left as it is).
    ///
    /// After a successful open it makes the daily backup when one is due (see
    /// [`backup::daily_if_due`]) and sweeps stray files from the search index; both are
    /// reported in the notices, and neither stops the opening when it fails.
    pub fn open(data_dir: &Path) -> Result<Self> {
        Self::open_with_passphrase(data_dir, None)
    }

    /// [`Keuzehulp::open`] for a store that may be encrypted (see [`crate::crypt`]): without
    /// the passphrase an encrypted store gives [`Error::PassphraseRequired`], with a wrong one
    /// [`Error::WrongPassphrase`]. A plain database found where encryption was asked for (a
    /// plain backup put back, an interrupted switch) is encrypted again at once.
    pub fn open_with_passphrase(data_dir: &Path, passphrase: Option<&str>) -> Result<Self> {
        Self::open_with_clock(data_dir, passphrase, Clock::system())
    }

    /// [`Keuzehulp::open_with_passphrase`] with the clock that dates every change, backup
    /// and deletion, and decides what is due at opening: tests pass a fixed [`Clock`] and
    /// move it forward instead of waiting.
    pub fn open_with_clock(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Self> {
        let mut core = Self::open_deferred(data_dir, passphrase, clock)?;
        core.maintain(passphrase);
        Ok(core)
    }

    /// [`Keuzehulp::open_with_clock`] without the start-up work a first screen does not need:
    /// the trash's 30-day purge, the daily backup and the index sweep wait for
    /// [`Keuzehulp::maintain`]. The window opens the store this way and maintains it a few
    /// seconds later, so a backup of a large store never delays the first screen.
    pub fn open_deferred(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Self> {
        prepare_data_dir(data_dir)?;
        let db = data_dir.join(crate::store::DB_FILE);
        if crypt::wanted(data_dir) && db.exists() && crypt::looks_plain(&db) {
            let Some(passphrase) = passphrase else { return Err(Error::PassphraseRequired { path: db }) };
            Self::open_unchecked(data_dir, None, clock.clone())?.set_encryption(Some(passphrase))?;
        }
        Self::open_unchecked(data_dir, passphrase, clock)
    }

    /// The start-up work that can wait: erases what lay in the trash for 30 days, makes the
    /// daily backup when one is due and sweeps stray files from the search index. Failures
    /// become notices; none stops the program. `passphrase` names the newest good backup
    /// when the store turns out damaged.
    pub fn maintain(&mut self, passphrase: Option<&str>) {
        match purge_trash(&mut self.store, &self.data_dir) {
            Ok(purge) => self.notices.extend(purge.notices()),
            Err(err) => self.notices.push(format!("de prullenbak is niet geleegd: {err}")),
        }
        if let Err(err) = backup::daily_if_due(&self.store, &self.data_dir) {
            let err = with_newest_backup(err, &self.data_dir, passphrase);
            self.notices.push(format!("de dagelijkse reservekopie is niet gelukt: {err}"));
        }
        let swept = crate::search::sweep::sweep(&self.data_dir);
        if !swept.is_empty() {
            self.notices.push(format!("zoekindex opgeruimd na een onderbreking; verwijderd: {}", swept.join(", ")));
        }
    }

    fn open_unchecked(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Self> {
        let bundled = catalogue::bundled()?;
        let mut store =
            open_store(data_dir, passphrase, clock).map_err(|e| with_newest_backup(e, data_dir, passphrase))?;
        store.sync_bundled(catalogue::BUNDLED_HASH, || Ok(bundled.interventions.clone()))?;
        let notices = store.take_notices();
        Ok(Keuzehulp {
            data_dir: data_dir.to_path_buf(),
            bundled,
            store,
            records: OnceCell::new(),
            analyzer: OnceCell::new(),
            guides: OnceCell::new(),
            index: None,
            notices,
            today: None,
        })
    }

    /// Fixes "today" (YYYY-MM-DD) for everything that depends on the date: whether evidence
    /// has lapsed, and the report's date. Tests use it; so does `KEUZEHULP_TODAY`.
    pub fn set_today(&mut self, date: &str) -> Result<()> {
        self.today = Some(time::parse_date(TODAY_ENV, date)?);
        Ok(())
    }

    /// Today (YYYY-MM-DD): the fixed day, or the clock's UTC date.
    pub fn today(&self) -> String {
        self.today.unwrap_or_else(|| self.store.clock().today()).to_string()
    }

    /// The clock that dates changes, backups and deletions.
    pub fn clock(&self) -> &Clock {
        self.store.clock()
    }

    /// The bundled catalogue's edition: version, date, publisher.
    pub fn edition(&self) -> &Edition {
        &self.bundled.edition
    }

    /// The data directory in use.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The fixed vocabulary.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.bundled.taxonomy
    }

    /// The leidraad's content per step.
    pub fn steps(&self) -> &[StepGuide] {
        &self.bundled.steps
    }

    /// Messages for the user about repairs done on the way (e.g. a rebuilt index); taken
    /// once.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Every intervention (bundled and imported), sorted by id.
    pub fn interventions(&self) -> Result<&[Intervention]> {
        if let Some(records) = self.records.get() {
            return Ok(records);
        }
        let records = self.store.interventions()?;
        Ok(self.records.get_or_init(|| records))
    }

    /// One intervention by id; an unknown id gives an error with the nearest id as hint.
    /// Reads just that record, so looking one up does not load the whole catalogue.
    pub fn intervention(&self, id: &str) -> Result<Intervention> {
        if let Some(record) = self.records.get().and_then(|all| all.iter().find(|r| r.id == id)) {
            return Ok(record.clone());
        }
        match self.store.intervention(id)? {
            Some(record) => Ok(record),
            None => {
                let ids = self.store.ids()?;
                Err(Error::UnknownIntervention {
                    id: id.to_string(),
                    hint: nearest_id(id, ids.iter().map(String::as_str))
                        .map(|near| format!(" (bedoelt u \"{near}\"?)"))
                        .unwrap_or_default(),
                })
            }
        }
    }

    /// The catalogue version as the report names it: the bundled edition, plus how many
    /// imported records there are besides it.
    pub fn version(&self) -> Result<String> {
        let edition = &self.bundled.edition;
        let mut version = format!("{} van {} ({})", edition.version, edition.date, edition.publisher);
        match self.store.imported_count()? {
            0 => {}
            1 => version.push_str(", met 1 geïmporteerde interventie"),
            n => version.push_str(&format!(", met {n} geïmporteerde interventies")),
        }
        Ok(version)
    }

    /// Every intervention as a pack (the `list --json` output), named after the bundled
    /// edition.
    pub fn pack(&self) -> Result<Pack> {
        let mut pack = catalogue::pack_of(self.interventions()?, self.bundled.edition.version.clone());
        pack.date = Some(self.bundled.edition.date.clone());
        Ok(pack)
    }

    /// One intervention as `show` presents it: with its origin and whether its evidence has
    /// lapsed today.
    pub fn show(&self, id: &str) -> Result<RecordView> {
        let record = self.intervention(id)?;
        let stored = self
            .store
            .origin(id)?
            .ok_or_else(|| Error::UnknownIntervention { id: id.to_string(), hint: String::new() })?;
        let mut view = RecordView::new(record, RecordOrigin::of(&stored, &self.bundled.edition), &self.today());
        view.practice = self.practice_map()?.remove(id);
        Ok(view)
    }

    /// The ids whose evidence judgement has lapsed today, sorted.
    pub fn lapsed(&self) -> Result<Vec<String>> {
        let today = self.today();
        Ok(self
            .store
            .evidence_dates()?
            .into_iter()
            .filter(|(_, evidence)| catalogue::evidence_lapse(evidence, &today).is_some())
            .map(|(id, _)| id)
            .collect())
    }

    fn analyzer(&self) -> &Analyzer {
        self.analyzer.get_or_init(|| {
            let records = &self.bundled.interventions;
            let names = records
                .iter()
                .flat_map(|r| std::iter::once(r.name.as_str()).chain(r.aliases.iter().map(String::as_str)));
            Analyzer::new(catalogue_texts(records)).with_names(names)
        })
    }

    /// Searches the catalogue. Any text is accepted; filters are checked against the
    /// taxonomy. The index is opened (and repaired if needed) on first use, and again when
    /// its files changed since. When the index fails during the search, it is rebuilt from
    /// the store and the query asked again; the notices say so in one line.
    pub fn search(&mut self, text: &str, filters: &Filters, limit: usize) -> Result<SearchResult> {
        filters.check(&self.bundled.taxonomy)?;
        if self.index.as_ref().is_some_and(SearchIndex::changed_on_disk) {
            // Opened again, with every check: damage since it was opened is found now.
            self.index = None;
        }
        self.open_index()?;
        let way_in = way_in_asked(&self.bundled.tree.entries, text);
        let lead: Vec<String> = way_in.map(|e| e.lead_with.clone()).unwrap_or_default();
        let way_in = way_in.map(|e| e.id.clone());
        let first = match &self.index {
            Some(index) => index.search_leading(text, filters, &self.bundled.taxonomy, &self.today(), limit, &lead),
            None => Err(self.not_open()),
        };
        let mut result = match first {
            Err(Error::Index { reason, .. }) => {
                self.index = None;
                self.rebuild_index()?;
                self.notices.push(format!("zoekindex opnieuw opgebouwd: {reason}"));
                match &self.index {
                    Some(index) => {
                        index.search_leading(text, filters, &self.bundled.taxonomy, &self.today(), limit, &lead)
                    }
                    None => Err(self.not_open()),
                }
            }
            other => other,
        }?;
        result.way_in = way_in;
        let practice = self.practice_map()?;
        if !practice.is_empty() {
            for hit in &mut result.hits {
                hit.practice = practice.get(&hit.id).cloned();
            }
        }
        Ok(result)
    }

    fn not_open(&self) -> Error {
        Error::Index { path: self.data_dir.join(crate::search::INDEX_DIR), reason: "niet geopend".into() }
    }

    fn open_index(&mut self) -> Result<()> {
        if self.index.is_none() {
            let hash = self.store.catalogue_hash()?;
            let analyzer = self.analyzer().clone();
            let (index, rebuilt) = SearchIndex::open(&self.data_dir, &hash, analyzer, &self.bundled.taxonomy, || {
                self.store.interventions()
            })?;
            if let Some(reason) = rebuilt {
                self.notices.push(format!("zoekindex opnieuw opgebouwd: {reason}"));
            }
            self.index = Some(index);
        }
        Ok(())
    }

    fn rebuild_index(&mut self) -> Result<()> {
        let hash = self.store.catalogue_hash()?;
        let analyzer = self.analyzer().clone();
        let records = self.store.interventions()?;
        let dir = self.data_dir.join(crate::search::INDEX_DIR);
        self.index = Some(SearchIndex::build(&dir, &hash, analyzer, &self.bundled.taxonomy, &records)?);
        Ok(())
    }

    /// `answers` with what their way in presets (tree.toml `presets`) where the user gave
    /// nothing: the role, the level and the steps. What was given stays, as in the window,
    /// where choosing a way in fills the same answers and the user may change them.
    pub fn with_presets(&self, mut answers: Answers) -> Result<Answers> {
        let Some(id) = answers.entry.as_deref() else { return Ok(answers) };
        let entry = self.entry(id)?;
        advisor::preset(&mut answers, &entry.presets);
        Ok(answers)
    }

    /// The way in `id`, or an error naming the ones there are.
    fn entry(&self, id: &str) -> Result<&catalogue::model::Entry> {
        let entries = &self.bundled.tree.entries;
        entries.iter().find(|e| e.id == id).ok_or_else(|| Error::UnknownValue {
            what: "ingang",
            value: id.to_string(),
            allowed: entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", "),
        })
    }

    /// Ranked recommendations with reasons, the leidraad's advice for the chosen steps and
    /// role, and (with `answers.have`) the aanbod-scan.
    pub fn advise(&self, answers: &Answers, limit: usize) -> Result<Advice> {
        // A conversation's signals stored before their English names were kept get them now.
        let named;
        let answers = if answers.signals.iter().any(|s| s.label_en.is_empty() || s.named_en.is_empty()) {
            let mut copy = answers.clone();
            advisor::name_in_english(&mut copy.signals, self.conversation_guides()?);
            named = copy;
            &named
        } else {
            answers
        };
        // The way in the user took may put some records first (tree.toml `lead_with`).
        let entries = &self.bundled.tree.entries;
        let lead = match answers.entry.as_deref() {
            // No way in taken: the one made for this role and level still says who the
            // records are for (a worker asking for themself: the people to turn to).
            None => entries
                .iter()
                .find(|e| {
                    !e.lead_with.is_empty()
                        && answers.role.is_some()
                        && e.presets.role == answers.role
                        && (answers.level.is_none() || e.presets.level == answers.level)
                })
                .map(|e| advisor::Leading { ids: &e.lead_with, by_entry: false })
                .unwrap_or_default(),
            Some(id) => advisor::Leading { ids: &self.entry(id)?.lead_with, by_entry: true },
        };
        let mut advice = advisor::advise_leading(
            self.interventions()?,
            &self.bundled.taxonomy,
            &self.bundled.steps,
            answers,
            lead,
            limit,
            &self.today(),
        )?;
        self.attach_practice(&mut advice)?;
        Ok(advice)
    }
}

/// All the text of `records`, for the decompounding dictionary.
fn catalogue_texts(records: &[Intervention]) -> impl Iterator<Item = &str> {
    records.iter().flat_map(|r| {
        [Some(&r.name), Some(&r.summary), r.benefits.as_ref(), r.involves.as_ref(), r.evidence.basis.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(r.aliases.iter().map(String::as_str))
    })
}

/// Refuses to write `path` when, links followed, it would land on Keuzehulp's own files in
/// the data directory `data_dir`: over any file that exists there, or at a name Keuzehulp
/// keeps for itself (the store and its WAL, the marker, the lock files, a damaged copy,
/// anything in `backups/` or the index). Not even with `--force`. A new file of the user's
/// own name elsewhere in the folder is allowed.
pub(crate) fn refuse_own_files(path: &Path, data_dir: &Path) -> Result<()> {
    let (Ok(dir), Some(target)) = (std::fs::canonicalize(data_dir), crate::replace::resolved(path)) else {
        return Ok(());
    };
    let Ok(inside) = target.strip_prefix(&dir) else { return Ok(()) };
    let name = inside.to_string_lossy();
    let first = inside.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    let reserved = first == crate::backup::BACKUP_DIR
        || first == crate::search::INDEX_DIR
        || name.starts_with("keuzehulp")
        || name.starts_with(crate::store::SET_ASIDE_PREFIX)
        || name.starts_with('.')
        || name == crypt::MARKER;
    if reserved || std::fs::symlink_metadata(&target).is_ok() {
        return Err(Error::InsideDataDir { path: path.to_path_buf(), data_dir: data_dir.to_path_buf() });
    }
    Ok(())
}

/// Creates `dir` if missing and proves it can be written, leaving nothing behind.
fn prepare_data_dir(dir: &Path) -> Result<()> {
    let fail = |reason: String| Error::DataDir { path: dir.to_path_buf(), reason };
    if dir.exists() && !dir.is_dir() {
        return Err(fail("dit is geen map".into()));
    }
    std::fs::create_dir_all(dir).map_err(|e| fail(format!("de map kan niet worden aangemaakt ({e})")))?;
    std::fs::read_dir(dir).map_err(|e| fail(format!("de map kan niet worden gelezen ({e})")))?;
    let probe = dir.join(format!(".schrijftest-{}", std::process::id()));
    std::fs::write(&probe, b"").map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen".to_string(),
            std::io::ErrorKind::StorageFull => "de schijf is vol".to_string(),
            std::io::ErrorKind::PermissionDenied => "geen schrijfrechten".to_string(),
            _ => e.to_string(),
        };
        fail(format!("er kan niet in de map worden geschreven ({why}); wat er al in staat, is niet veranderd"))
    })?;
    std::fs::remove_file(&probe).map_err(|e| fail(format!("een testbestand kan niet worden verwijderd ({e})")))?;
    Ok(())
}

/// The way in whose question `text` asks in other words: the first entry with an
/// `asked_as` phrase whose words stand, in that order and side by side, among the words of
/// `text` (compared folded: lower case, no accents).
fn way_in_asked<'a>(entries: &'a [catalogue::model::Entry], text: &str) -> Option<&'a catalogue::model::Entry> {
    use crate::search::analysis::{folded_words, holds_phrase};
    let words = folded_words(text);
    entries.iter().find(|e| e.asked_as.iter().any(|phrase| holds_phrase(&words, phrase)))
}

/// The candidate closest to `wanted` by edit distance, if it is reasonably close.
fn nearest_id<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // An id far longer than any record's is no typo of one (and would cost seconds to compare).
    if wanted.chars().nth(crate::error::MAX_SHOWN_CHARS).is_some() {
        return None;
    }
    let limit = (wanted.chars().count() / 3).max(2);
    candidates.map(|c| (edit_distance(wanted, c), c)).filter(|(d, _)| *d <= limit).min().map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(row[j]).min(cur) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests;
