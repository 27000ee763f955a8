//! [`Keuzehulp`]: the one entry point that the command line and the desktop shell share.
//! It owns the data directory and the catalogue; every capability is a method here, so
//! whatever the window can do, a test can do without a window.

use std::path::{Path, PathBuf};

use serde::Serialize;

use std::cell::OnceCell;

use crate::advisor::{self, Advice, Answers};
use crate::backup::{self, Backup};
use crate::catalogue::PackOrigin;
use crate::catalogue::model::Entry;
use crate::catalogue::view::{RecordOrigin, RecordView};
use crate::catalogue::{self, Catalogue, Edition, Intervention, Pack, StepGuide, Taxonomy, validate};
use crate::crypt;
use crate::dossier::file::ImportOutcome;
use crate::dossier::{self, Dossier, DossierSummary, Note, PlanChange, PlanItem, Trashed, VisitInfo};
use crate::error::{Error, Result};
use crate::report::{self, ReportData, ReportItem, ReportOptions};
use crate::search::analysis::Analyzer;
use crate::search::{Filters, SearchIndex, SearchResult};
use crate::signing::{self, TrustList, TrustedKey};
use crate::store::{ImportReport, Store};
use crate::time::{self, Clock, Date};

// `update --from DIR_OR_URL`: its own file, with access to the façade's private parts.
mod update;
// The window's catalogue screen: a pack looked at before import, own interventions.
mod own;
pub use own::{FieldProblem, OwnSaved, PackPreview};
pub use update::{PackUpdate, UPDATE_INDEX};

/// The environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "KEUZEHULP_DATA_DIR";

/// The environment variable that fixes "today" for the command line (YYYY-MM-DD): for tests,
/// and to see how the catalogue's evidence will stand on a later day.
pub const TODAY_ENV: &str = "KEUZEHULP_TODAY";

/// Erases dossier `id` from the store, then from every backup that holds it.
fn erase(store: &mut Store, data_dir: &Path, id: &str) -> Result<backup::Erasure> {
    store.dossier_erase(id)?;
    backup::erase_dossier(store, data_dir, id)
}

/// What emptying the trash at start-up did.
#[derive(Debug, Default)]
struct Purge {
    erased: usize,
    failed: Vec<backup::Unerased>,
}

impl Purge {
    /// One Dutch line for the user per thing worth saying.
    fn notices(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.erased > 0 {
            let days = dossier::TRASH_DAYS;
            out.push(match self.erased {
                1 => format!("1 dossier stond {days} dagen in de prullenbak en is nu definitief gewist"),
                n => format!("{n} dossiers stonden {days} dagen in de prullenbak en zijn nu definitief gewist"),
            });
        }
        for u in &self.failed {
            out.push(format!("reservekopie {} bevat nog een verwijderd dossier: {}", u.file, u.reason));
        }
        out
    }
}

/// Erases every dossier that has been in the trash for [`dossier::TRASH_DAYS`] days by the
/// store's clock.
fn purge_trash(store: &mut Store, data_dir: &Path) -> Result<Purge> {
    let mut purge = Purge::default();
    for id in store.dossier_trash_due()? {
        let erasure = erase(store, data_dir, &id)?;
        purge.erased += 1;
        purge.failed.extend(erasure.failed);
    }
    Ok(purge)
}

/// Opens the store in `data_dir` and brings its schema up to date; before migrating a
/// database that holds data, makes a `voor-migratie` backup of it (when that fails, nothing
/// is migrated).
fn open_store(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Store> {
    let had_backups = || backup::list(data_dir).is_ok_and(|b| !b.is_empty());
    let found = Store::open(data_dir, passphrase, clock, had_backups)?;
    if found.needs_migration()? {
        backup::create(found.as_found(), data_dir, backup::Kind::VoorMigratie)?;
        backup::prune(data_dir);
    }
    found.migrate()
}

/// `err`, and when it says the database is damaged, with the newest backup in `data_dir`
/// that passes the integrity check (encrypted ones read with `passphrase`), so the message
/// can say which one to restore. Looked up here, once, for an error that reaches the user.
pub(crate) fn with_newest_backup(err: Error, data_dir: &Path, passphrase: Option<&str>) -> Error {
    match err {
        Error::Damaged { path, detail, backup: None } => {
            let backup = backup::newest_good(data_dir, passphrase);
            Error::Damaged { path, detail, backup }
        }
        other => other,
    }
}

/// Checks a catalogue directory (such as `data/`) or a pack file as `keuzehulp validate`
/// does; answers the number of records. Needs no data directory.
pub fn validate(path: &Path) -> Result<usize> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let invalid = |problems| Error::Invalid { path: path.to_path_buf(), problems };
    if metadata.is_dir() {
        let catalogue = validate::load_dir(path).map_err(invalid)?;
        catalogue::check_worker_file(path, &catalogue).map_err(invalid)?;
        return Ok(catalogue.interventions.len());
    }
    let text = catalogue::read_pack_file(path)?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    Ok(validate::load_pack(path, &text, &taxonomy).map_err(invalid)?.interventions.len())
}

/// Signs the pack file `pack` with the secret key file `key`, when the pack is valid: a
/// signature vouches for what it covers. Answers the signature file and the key id. Needs
/// no data directory: a publisher may have none.
pub fn sign_pack(pack: &Path, key: &Path) -> Result<(PathBuf, String)> {
    let text = std::fs::read_to_string(pack).map_err(|source| Error::Read { path: pack.to_path_buf(), source })?;
    let taxonomy = catalogue::bundled()?.taxonomy;
    validate::load_pack(pack, &text, &taxonomy)
        .map_err(|problems| Error::Invalid { path: pack.to_path_buf(), problems })?;
    signing::sign(pack, key)
}

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

/// What the start screen shows about the catalogue.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CatalogueSummary {
    /// Number of interventions.
    pub count: usize,
    /// The bundled catalogue's version (data/catalogue.toml).
    pub version: String,
    /// The program's own version (one version, from Cargo.toml, for the command line, the
    /// window and the installers).
    pub program_version: String,
    /// Its date (YYYY-MM-DD).
    pub date: String,
    /// Its publisher.
    pub publisher: String,
    /// Number of imported interventions.
    pub imported: usize,
    /// Number of interventions whose evidence judgement has lapsed today.
    pub lapsed: usize,
    /// Number of interventions per level and step: `matrix[level][step]`, in taxonomy order.
    pub matrix: Vec<MatrixRow>,
}

/// What `keuzehulp catalogue` prints: the edition, the number of records and the ids whose
/// evidence judgement has lapsed today.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CatalogueInfo {
    /// The bundled catalogue's version.
    pub version: String,
    /// Its date (YYYY-MM-DD).
    pub date: String,
    /// Its publisher.
    pub publisher: String,
    /// Number of interventions in the store (bundled and imported).
    pub records: usize,
    /// Ids of the interventions whose evidence has lapsed, sorted.
    pub lapsed: Vec<String>,
    /// Of those records, how many were imported.
    pub imported: usize,
    /// The day the lapses were judged on.
    pub today: String,
    /// A content hash of every record in the store (changes with each import).
    pub content_hash: String,
}

/// One level's row of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MatrixRow {
    /// The level slug.
    pub level: String,
    /// Counts per step, in taxonomy order.
    pub cells: Vec<MatrixCell>,
}

/// One cell of the level × step matrix.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MatrixCell {
    /// The step slug.
    pub step: String,
    /// Interventions at this level for this step.
    pub count: usize,
}

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
        prepare_data_dir(data_dir)?;
        let db = data_dir.join(crate::store::DB_FILE);
        if crypt::wanted(data_dir) && db.exists() && crypt::looks_plain(&db) {
            let Some(passphrase) = passphrase else { return Err(Error::PassphraseRequired { path: db }) };
            Self::open_unchecked(data_dir, None, clock.clone())?.set_encryption(Some(passphrase))?;
        }
        Self::open_unchecked(data_dir, passphrase, clock)
    }

    fn open_unchecked(data_dir: &Path, passphrase: Option<&str>, clock: Clock) -> Result<Self> {
        let bundled = catalogue::bundled()?;
        let mut store =
            open_store(data_dir, passphrase, clock).map_err(|e| with_newest_backup(e, data_dir, passphrase))?;
        store.sync_bundled(catalogue::BUNDLED_HASH, || Ok(bundled.interventions.clone()))?;
        let mut notices = Vec::new();
        match purge_trash(&mut store, data_dir) {
            Ok(purge) => notices.extend(purge.notices()),
            Err(err) => notices.push(format!("de prullenbak is niet geleegd: {err}")),
        }
        if let Err(err) = backup::daily_if_due(&store, data_dir) {
            let err = with_newest_backup(err, data_dir, passphrase);
            notices.push(format!("de dagelijkse reservekopie is niet gelukt: {err}"));
        }
        let swept = crate::search::sweep::sweep(data_dir);
        if !swept.is_empty() {
            notices.push(format!("zoekindex opgeruimd na een onderbreking; verwijderd: {}", swept.join(", ")));
        }
        Ok(Keuzehulp {
            data_dir: data_dir.to_path_buf(),
            bundled,
            store,
            records: OnceCell::new(),
            analyzer: OnceCell::new(),
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

    /// Makes a backup now (kind `handmatig`) and applies the rolling schedule.
    pub fn backup_create(&self) -> Result<Backup> {
        let made = backup::create(&self.store, &self.data_dir, backup::Kind::Handmatig)?;
        backup::prune(&self.data_dir);
        Ok(made)
    }

    /// The backups, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        backup::list(&self.data_dir)
    }

    /// Closes this Keuzehulp and puts the backup `file` back (see [`backup::restore`]);
    /// open the data directory again afterwards.
    pub fn backup_restore(self, file: &Path) -> Result<Backup> {
        let data_dir = self.data_dir.clone();
        let key = self.store.key().map(str::to_string);
        drop(self);
        backup::restore(&data_dir, file, key.as_deref())
    }

    /// Whether the store is encrypted.
    pub fn encrypted(&self) -> bool {
        self.store.key().is_some()
    }

    /// Turns encryption on (`Some(passphrase)`, also to change the passphrase) or off
    /// (`None`), for the store and every backup; closes this Keuzehulp, so open the data
    /// directory again afterwards (with the new passphrase).
    ///
    /// Each file is written anew beside the old one, synced and renamed over it, so a crash
    /// leaves either the old or the new file. The marker is written before encrypting and
    /// removed after decrypting, so an interruption is finished at the next open.
    pub fn set_encryption(self, passphrase: Option<&str>) -> Result<()> {
        if let Some(p) = passphrase
            && p.chars().count() < crypt::MIN_PASSPHRASE
        {
            return Err(Error::InvalidInput {
                field: "wachtwoord".into(),
                message: format!("kies een wachtwoord van minstens {} tekens", crypt::MIN_PASSPHRASE),
            });
        }
        if passphrase.is_none() && !self.encrypted() {
            return Err(Error::InvalidInput {
                field: "versleuteling".into(),
                message: "de gegevens zijn niet versleuteld".into(),
            });
        }
        let data_dir = self.data_dir.clone();
        let from = self.store.key().map(str::to_string);
        let to = passphrase.unwrap_or("");
        if passphrase.is_some() {
            let marker = data_dir.join(crypt::MARKER);
            crate::replace::write_atomically(&marker, "Keuzehulp versleutelt de gegevens in deze map.\n".as_bytes())?;
        }
        let db = self.store.path().to_path_buf();
        let tmp = data_dir.join(format!("{}.omzetten", crate::store::DB_FILE));
        let exported = crypt::export(self.store.conn(), &tmp, to).map_err(|e| Error::store(&db, e));
        drop(self);
        if let Err(err) = exported.and_then(|()| backup::replace_database(&tmp, &db)) {
            let _ = std::fs::remove_file(&tmp);
            return Err(err);
        }
        let mut failed = Vec::new();
        for b in backup::list(&data_dir)? {
            let plain = crypt::looks_plain(&b.path);
            let needed = match passphrase {
                None => !plain,
                // Encrypted backups keep their key unless the passphrase changes.
                Some(to) => plain || from.as_deref().is_some_and(|f| f != to),
            };
            if !needed {
                continue;
            }
            let tmp = b.path.with_extension("omzetten");
            let converted = crypt::open(&b.path, from.as_deref())
                .and_then(|conn| crypt::export(&conn, &tmp, to))
                .map_err(|e| Error::store(&b.path, e))
                .and_then(|()| backup::replace_database(&tmp, &b.path));
            if converted.is_err() {
                let _ = std::fs::remove_file(&tmp);
                failed.push(b.file);
            }
        }
        if passphrase.is_none() {
            let marker = data_dir.join(crypt::MARKER);
            std::fs::remove_file(&marker).map_err(|source| Error::Write { path: marker, source })?;
        }
        if !failed.is_empty() {
            return Err(Error::InvalidInput {
                field: "reservekopieën".into(),
                message: format!(
                    "de database is omgezet, maar deze reservekopieën niet (verwijder ze, of probeer het opnieuw): {}",
                    failed.join(", ")
                ),
            });
        }
        Ok(())
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
        Ok(RecordView::new(record, RecordOrigin::of(&stored, &self.bundled.edition), &self.today()))
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

    /// `keuzehulp catalogue`: the edition, the record count, and the lapsed ids.
    pub fn catalogue_info(&self) -> Result<CatalogueInfo> {
        let edition = &self.bundled.edition;
        Ok(CatalogueInfo {
            version: edition.version.clone(),
            date: edition.date.clone(),
            publisher: edition.publisher.clone(),
            records: self.store.matrix()?.total,
            lapsed: self.lapsed()?,
            imported: self.store.imported_count()?,
            today: self.today(),
            content_hash: self.store.catalogue_hash()?,
        })
    }

    /// Counts for the start screen, straight from the store.
    pub fn summary(&self) -> Result<CatalogueSummary> {
        let counts = self.store.matrix()?;
        let taxonomy = &self.bundled.taxonomy;
        let matrix = taxonomy
            .levels
            .iter()
            .map(|level| MatrixRow {
                level: level.id.clone(),
                cells: taxonomy
                    .steps
                    .iter()
                    .map(|step| MatrixCell {
                        step: step.id.clone(),
                        count: counts.cells.iter().find(|(l, s, _)| *l == level.id && *s == step.id).map_or(0, |c| c.2),
                    })
                    .collect(),
            })
            .collect();
        let edition = &self.bundled.edition;
        Ok(CatalogueSummary {
            count: counts.total,
            version: edition.version.clone(),
            program_version: PROGRAM_VERSION.to_string(),
            date: edition.date.clone(),
            publisher: edition.publisher.clone(),
            imported: self.store.imported_count()?,
            lapsed: self.lapsed()?.len(),
            matrix,
        })
    }

    fn analyzer(&self) -> &Analyzer {
        self.analyzer.get_or_init(|| Analyzer::new(catalogue_texts(&self.bundled.interventions)))
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
        let first = match &self.index {
            Some(index) => index.search(text, filters, &self.bundled.taxonomy, &self.today(), limit),
            None => Err(self.not_open()),
        };
        match first {
            Err(Error::Index { reason, .. }) => {
                self.index = None;
                self.rebuild_index()?;
                self.notices.push(format!("zoekindex opnieuw opgebouwd: {reason}"));
                match &self.index {
                    Some(index) => index.search(text, filters, &self.bundled.taxonomy, &self.today(), limit),
                    None => Err(self.not_open()),
                }
            }
            other => other,
        }
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

    /// Ranked recommendations with reasons, the leidraad's advice for the chosen steps and
    /// role, and (with `answers.have`) the aanbod-scan.
    pub fn advise(&self, answers: &Answers, limit: usize) -> Result<Advice> {
        // The way in the user took may put some records first (tree.toml `lead_with`).
        let entries = &self.bundled.tree.entries;
        let lead = match answers.entry.as_deref() {
            None => &[][..],
            Some(id) => match entries.iter().find(|e| e.id == id) {
                Some(entry) => entry.lead_with.as_slice(),
                None => {
                    return Err(Error::UnknownValue {
                        what: "ingang",
                        value: id.to_string(),
                        allowed: entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>().join(", "),
                    });
                }
            },
        };
        advisor::advise_leading(
            self.interventions()?,
            &self.bundled.taxonomy,
            &self.bundled.steps,
            answers,
            lead,
            limit,
            &self.today(),
        )
    }

    /// The decision tree with every question's options resolved from the taxonomy.
    pub fn tree(&self) -> TreeView {
        let taxonomy = &self.bundled.taxonomy;
        let questions = self
            .bundled
            .tree
            .questions
            .iter()
            .map(|q| QuestionView {
                id: q.id.clone(),
                prompt: q.prompt.clone(),
                prompt_en: q.prompt_en.clone(),
                help: q.help.clone(),
                help_en: q.help_en.clone(),
                kind: q.kind.clone(),
                answer: q.answer.clone(),
                skippable: true,
                refinement: q.refinement,
                options: q
                    .options_from
                    .as_deref()
                    .and_then(|list| validate::taxonomy_list(taxonomy, list))
                    .unwrap_or_default()
                    .iter()
                    .map(|t| OptionView { value: t.id.clone(), label: t.label.clone(), label_en: t.label_en.clone() })
                    .collect(),
            })
            .collect();
        // The worker's page was checked and written by build.rs; it cannot fail to parse.
        let worker = catalogue::worker_leads().unwrap_or_default();
        TreeView { entries: self.bundled.tree.entries.clone(), questions, worker }
    }

    /// Opens a new dossier; returns its id.
    pub fn dossier_new(&mut self, info: &VisitInfo) -> Result<String> {
        catalogue::check_term("sector", info.sector.as_deref(), &self.bundled.taxonomy.sectors)?;
        self.store.dossier_create(info)
    }

    /// The dossiers, most recently changed first, optionally filtered by text.
    pub fn dossiers(&self, filter: Option<&str>) -> Result<Vec<DossierSummary>> {
        self.store.dossier_list(filter)
    }

    /// One whole dossier.
    pub fn dossier(&self, id: &str) -> Result<Dossier> {
        self.store.dossier(id)
    }

    /// Changes a dossier's visit facts.
    pub fn dossier_update(&mut self, id: &str, info: &VisitInfo) -> Result<()> {
        catalogue::check_term("sector", info.sector.as_deref(), &self.bundled.taxonomy.sectors)?;
        self.store.dossier_update_info(id, info)
    }

    /// Stores the advisor's answers in a dossier (checked against the taxonomy).
    pub fn dossier_answer(&mut self, id: &str, answers: &Answers) -> Result<()> {
        advisor::check(answers, &self.bundled.taxonomy)?;
        self.store.dossier_set_answers(id, answers)
    }

    /// Puts an intervention on a dossier's shortlist, with why.
    pub fn dossier_shortlist(&mut self, id: &str, intervention: &str, why: Option<&str>) -> Result<()> {
        self.intervention(intervention)?;
        self.store.dossier_shortlist(id, intervention, why)
    }

    /// Takes an intervention off the shortlist.
    pub fn dossier_unshortlist(&mut self, id: &str, intervention: &str) -> Result<()> {
        self.store.dossier_unshortlist(id, intervention)
    }

    /// Adds a dated note.
    pub fn dossier_note(&mut self, id: &str, text: &str) -> Result<Note> {
        self.store.dossier_note(id, text)
    }

    /// Adds or changes an action-plan item.
    pub fn dossier_plan(&mut self, id: &str, change: &PlanChange) -> Result<PlanItem> {
        if let Some(intervention) = &change.intervention_id {
            self.intervention(intervention)?;
        }
        self.store.dossier_plan(id, change)
    }

    /// Moves a dossier to the trash (see [`Keuzehulp::dossier_trash`]): it is gone from the
    /// list and the search, and comes back whole with [`Keuzehulp::dossier_undelete`] until
    /// it is erased, by the user or [`dossier::TRASH_DAYS`] days later at start-up.
    pub fn dossier_delete(&mut self, id: &str) -> Result<()> {
        self.store.dossier_delete(id)
    }

    /// The dossiers in the trash, most recently deleted first.
    pub fn dossier_trash(&self) -> Result<Vec<Trashed>> {
        self.store.dossier_trash()
    }

    /// Puts a dossier from the trash back, with everything it held.
    pub fn dossier_undelete(&mut self, id: &str) -> Result<()> {
        self.store.dossier_undelete(id)
    }

    /// Erases a dossier for good, in the trash or not: from the store (`secure_delete`, WAL
    /// truncated), then from every backup that holds it. The dossier is gone from the store
    /// when this returns `Ok`; the [`Erasure`](backup::Erasure) names any backup that could
    /// not be rewritten.
    pub fn dossier_erase(&mut self, id: &str) -> Result<backup::Erasure> {
        erase(&mut self.store, &self.data_dir, id)
    }

    /// Copies a dossier as a template; returns the new id.
    pub fn dossier_duplicate(&mut self, id: &str) -> Result<String> {
        self.store.dossier_duplicate(id)
    }

    /// Exports a dossier to one file. From an encrypted store the file is encrypted with the
    /// same passphrase, unless `in_the_clear` (the user's explicit choice): then plain JSON.
    pub fn dossier_export(&self, id: &str, path: &Path, in_the_clear: bool) -> Result<()> {
        let key = if in_the_clear { None } else { self.store.key() };
        dossier::file::export(&self.store, id, path, key)
    }

    /// Imports a dossier file; a different dossier with the same id is kept unless `replace`.
    pub fn dossier_import(&mut self, path: &Path, replace: bool) -> Result<ImportOutcome> {
        let key = self.store.key().map(str::to_string);
        self.dossier_import_with_key(path, replace, key.as_deref())
    }

    /// [`Keuzehulp::dossier_import`] of a file that may be encrypted with `key`.
    pub fn dossier_import_with_key(&mut self, path: &Path, replace: bool, key: Option<&str>) -> Result<ImportOutcome> {
        let ids: Vec<String> = self.interventions()?.iter().map(|r| r.id.clone()).collect();
        let file = dossier::file::read(path, &self.bundled.taxonomy, &ids, key)?;
        dossier::file::import(&mut self.store, &file, replace)
    }

    /// Everything the advice report of dossier `id` shows, without notes.
    pub fn report_data(&self, id: &str) -> Result<ReportData> {
        self.report_data_with(id, &ReportOptions::default())
    }

    /// Everything the advice report of dossier `id` shows, with the notes `options` names;
    /// a note number the dossier does not have is an error naming it.
    pub fn report_data_with(&self, id: &str, options: &ReportOptions) -> Result<ReportData> {
        let dossier = self.store.dossier(id)?;
        if let Some(missing) = options.notes.iter().find(|n| !dossier.notes.iter().any(|x| x.id == **n)) {
            return Err(Error::InvalidInput {
                field: "notitie".into(),
                message: format!("dossier {id} heeft geen notitie {missing} (zie de nummers in dossier show)"),
            });
        }
        let notes =
            dossier.notes.iter().filter(|n| options.all_notes || options.notes.contains(&n.id)).cloned().collect();
        // The visit's sector counts when the answers left it open.
        let mut answers = dossier.answers.clone();
        if answers.sector.is_none() {
            answers.sector = dossier.info.sector.clone();
        }
        let advice = self.advise(&answers, 200)?;
        let records = self.interventions()?;
        let reasons = |rid: &str| {
            advice.recommendations.iter().find(|r| r.id == rid).map(|r| r.reasons.clone()).unwrap_or_default()
        };
        let items: Vec<ReportItem> = if dossier.shortlist.is_empty() {
            advice
                .recommendations
                .iter()
                .take(5)
                .filter_map(|r| records.iter().find(|x| x.id == r.id))
                .map(|record| ReportItem { record: record.clone(), why: None, reasons: reasons(&record.id) })
                .collect()
        } else {
            dossier
                .shortlist
                .iter()
                .filter_map(|s| records.iter().find(|x| x.id == s.intervention_id).map(|r| (s, r)))
                .map(|(s, record)| ReportItem {
                    record: record.clone(),
                    why: s.why.clone(),
                    reasons: reasons(&record.id),
                })
                .collect()
        };
        let plan_records =
            records.iter().filter(|r| dossier.plan.iter().any(|p| p.intervention_id == r.id)).cloned().collect();
        Ok(ReportData {
            coverage: advice.coverage.clone(),
            dossier,
            items,
            advice,
            notes,
            plan_records,
            taxonomy: self.bundled.taxonomy.clone(),
            date: self.today(),
            catalogue_version: self.version()?,
            program_version: PROGRAM_VERSION.to_string(),
        })
    }

    /// Writes the advice report of dossier `id` to `path` as `html`, `md`, `pdf` or `docx`,
    /// without notes, replacing a file that is there (the window's save dialog asked).
    pub fn report(&self, id: &str, format: &str, path: &Path) -> Result<()> {
        self.report_with(id, format, path, &ReportOptions { replace: true, ..ReportOptions::default() })
    }

    /// Writes the advice report of dossier `id` to `path` as `html`, `md`, `pdf` or `docx`,
    /// with the notes `options` names. The file appears whole or not at all; an existing
    /// file stays unless `options.replace`; the dossier is not changed.
    pub fn report_with(&self, id: &str, format: &str, path: &Path, options: &ReportOptions) -> Result<()> {
        if !report::REPORT_FORMATS.contains(&format) {
            return Err(Error::InvalidInput {
                field: "format".into(),
                message: format!("\"{format}\" is geen formaat voor het rapport; kies html, pdf, md of docx"),
            });
        }
        crate::replace::check_target(path, options.replace)?;
        let data = self.report_data_with(id, options)?;
        let bytes = match format {
            "html" => report::html(&data).into_bytes(),
            "md" => report::markdown(&data).into_bytes(),
            "docx" => report::docx::docx(&data)?,
            _ => report::pdf::pdf(&data)?,
        };
        crate::replace::write_new(path, &bytes, options.replace)
    }

    /// Dossier `id` when it has an action plan to export; else [`Error::NothingToExport`]. The
    /// window asks this before it asks where to save.
    pub fn dossier_with_plan(&self, id: &str) -> Result<Dossier> {
        let dossier = self.store.dossier(id)?;
        if dossier.plan.is_empty() {
            return Err(no_plan(id));
        }
        Ok(dossier)
    }

    /// Writes the action plan of dossier `id` to `path` as `xlsx` (the plan, and the plan
    /// van aanpak on a second sheet), `csv` (for Dutch Excel) or `ics` (the evaluation dates
    /// as all-day events). A dossier without a plan, or (for `ics`) without evaluation dates,
    /// is an error and writes nothing; an existing file stays unless `replace`.
    pub fn export_plan(&self, id: &str, format: &str, path: &Path, replace: bool) -> Result<()> {
        if !report::PLAN_FORMATS.contains(&format) {
            return Err(Error::InvalidInput {
                field: "format".into(),
                message: format!("\"{format}\" is geen formaat voor het actieplan; kies xlsx, csv of ics"),
            });
        }
        crate::replace::check_target(path, replace)?;
        let data = self.report_data(id)?;
        if data.dossier.plan.is_empty() {
            return Err(no_plan(id));
        }
        let bytes = match format {
            "xlsx" => report::sheet::xlsx(&data)?,
            "csv" => report::sheet::csv(&data)?,
            _ => report::ics::ics(&data, &self.clock().now_utc())?,
        };
        crate::replace::write_new(path, &bytes, replace)
    }

    /// Reads a pack file once, checks its signature when one lies beside it (`PACK.minisig`),
    /// and validates it: see [`Keuzehulp::check_pack`].
    fn read_pack(&self, path: &Path) -> Result<(Pack, Option<String>)> {
        // Size-limited and UTF-8 (see `catalogue::read_pack_file`); the signature covers
        // exactly these bytes.
        let text = catalogue::read_pack_file(path)?;
        let signature_file = signing::signature_path(path);
        let signature = signing::read_signature_file(&signature_file)?;
        self.check_pack(path, &text, signature.as_deref().map(|s| (signature_file.as_path(), s)))
    }

    /// Checks a pack held in memory (read from a file or fetched from the web, under the same
    /// size limit), named `name` in messages: its signature `(file, text)` when it has one,
    /// then its records. Returns the pack and the trusted publisher that signed it (`None`:
    /// unsigned). A signature that is damaged, made with a key the user does not trust (or
    /// no longer, or no longer on this day), or not over these bytes refuses the pack; the
    /// error names the file, record id and field of every problem in an invalid pack.
    fn check_pack(&self, name: &Path, text: &str, signature: Option<(&Path, &str)>) -> Result<(Pack, Option<String>)> {
        let publisher = match signature {
            Some((file, signature)) => {
                let trust = self.store.trust_list()?;
                Some(signing::verify(text.as_bytes(), file, signature, &trust, &self.today())?.name.clone())
            }
            None => None,
        };
        let pack = validate::load_pack(name, text, &self.bundled.taxonomy)
            .map_err(|problems| Error::Invalid { path: name.to_path_buf(), problems })?;
        Ok((pack, publisher))
    }

    /// The keys trusted to sign packs.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>> {
        self.store.trusted_keys()
    }

    /// The keys trusted to sign packs, and those removed from the list.
    pub fn trust_list(&self) -> Result<TrustList> {
        self.store.trust_list()
    }

    /// Trusts the public key `key` (a minisign `.pub` file's text, or its base64 line) as the
    /// publisher `name`: records from packs it signs are credited to that name. With
    /// `valid_until` (YYYY-MM-DD, today or later), packs it signed are refused after that day.
    pub fn trust_add(&mut self, key: &str, name: &str, valid_until: Option<&str>) -> Result<TrustedKey> {
        if let Some(c) = name.chars().find(|c| c.is_control() || crate::error::is_direction_control(*c)) {
            return Err(Error::InvalidInput {
                field: "--name".into(),
                message: format!(
                    "de naam bevat een stuurteken (U+{:04X}, zoals een regelovergang, escape of schrijfrichtingteken) dat de naam op het scherm anders kan laten lijken; gebruik gewone tekst",
                    u32::from(c)
                ),
            });
        }
        if let Some(message) = validate::name_problem(name, validate::MAX_NAME) {
            let message = match message.as_str() {
                "is empty" => "geef de uitgever een naam".to_string(),
                _ => format!("gebruik hoogstens {} tekens", validate::MAX_NAME),
            };
            return Err(Error::InvalidInput { field: "--name".into(), message });
        }
        if let Some(until) = valid_until {
            if !crate::time::is_date(until) {
                return Err(Error::InvalidInput {
                    field: "--until".into(),
                    message: format!("{until:?} is geen datum; schrijf JJJJ-MM-DD"),
                });
            }
            let today = self.today();
            if until < today.as_str() {
                return Err(Error::InvalidInput {
                    field: "--until".into(),
                    message: format!("{until} ligt voor vandaag ({today}); de sleutel zou meteen verlopen zijn"),
                });
            }
        }
        let (public, line) = signing::parse_public_key(key).ok_or_else(|| Error::InvalidInput {
            field: "PUBKEY".into(),
            message: "dit is geen openbare minisign-sleutel (het bestand publisher.pub, of de regel die met RW begint)"
                .into(),
        })?;
        let trusted = TrustedKey {
            name: name.to_string(),
            key_id: signing::key_id(&public),
            public_key: line,
            added_at: self.clock().now_utc(),
            valid_until: valid_until.map(str::to_string),
        };
        self.store.trust(&trusted)?;
        Ok(trusted)
    }

    /// No longer trusts the key called `name`.
    pub fn trust_remove(&mut self, name: &str) -> Result<()> {
        if self.store.distrust(name, &self.clock().now_utc())? {
            return Ok(());
        }
        let names: Vec<String> = self.store.trusted_keys()?.into_iter().map(|k| k.name).collect();
        Err(Error::InvalidInput {
            field: "NAME".into(),
            message: if names.is_empty() {
                format!("er is geen vertrouwde sleutel met de naam {name:?}; er zijn er nog geen")
            } else {
                format!("er is geen vertrouwde sleutel met de naam {name:?}; wel: {}", names.join(", "))
            },
        })
    }

    /// What importing the pack file at `path` would change, without changing anything: the
    /// new ids, the changed records with the fields that differ, and how many are the same.
    pub fn import_preview(&self, path: &Path) -> Result<ImportDiff> {
        let (pack, _) = self.read_pack(path)?;
        self.diff_of(&pack)
    }

    /// What importing `pack` would change now.
    fn diff_of(&self, pack: &Pack) -> Result<ImportDiff> {
        let current: std::collections::HashMap<&str, &Intervention> =
            self.interventions()?.iter().map(|r| (r.id.as_str(), r)).collect();
        let mut diff = ImportDiff { added: Vec::new(), changed: Vec::new(), unchanged: 0 };
        for record in &pack.interventions {
            match current.get(record.id.as_str()) {
                None => diff.added.push(record.id.clone()),
                Some(old) if *old == record => diff.unchanged += 1,
                Some(old) => diff.changed.push(ChangedRecord {
                    id: record.id.clone(),
                    fields: changed_fields(
                        &serde_json::to_value(old).map_err(Error::json("een interventie"))?,
                        &serde_json::to_value(record).map_err(Error::json("een interventie"))?,
                    ),
                }),
            }
        }
        Ok(diff)
    }

    /// Imports a pack file: all records or none. The error names the file, record id and
    /// field of every problem.
    pub fn import(&mut self, path: &Path) -> Result<ImportReport> {
        let (pack, publisher) = self.read_pack(path)?;
        self.import_pack(&pack, publisher)
    }

    fn import_pack(&mut self, pack: &Pack, publisher: Option<String>) -> Result<ImportReport> {
        let origin = PackOrigin { publisher, version: pack.catalogue_version.clone(), date: pack.date.clone() };
        let report = self.store.import(pack, &origin)?;
        self.records = OnceCell::new();
        self.index = None;
        Ok(report)
    }
}

/// Dossier `id` has no action plan to export.
fn no_plan(id: &str) -> Error {
    Error::NothingToExport {
        id: id.to_string(),
        reason: "het dossier heeft nog geen actiepunten, dus er is geen actieplan om te exporteren".into(),
    }
}

/// What an import would change (`import --dry-run`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportDiff {
    /// Ids not in the catalogue yet, in pack order.
    pub added: Vec<String>,
    /// Records that would change, in pack order.
    pub changed: Vec<ChangedRecord>,
    /// How many records are already exactly as in the pack.
    pub unchanged: usize,
}

/// One record an import would change.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangedRecord {
    /// Its id.
    pub id: String,
    /// The fields that differ, sorted; inside `evidence` as `evidence.level` and so on.
    pub fields: Vec<String>,
}

/// The top-level fields in which two records' JSON differs; a differing object (evidence) is
/// named field by field.
fn changed_fields(old: &serde_json::Value, new: &serde_json::Value) -> Vec<String> {
    let empty = serde_json::Map::new();
    let (old, new) = (old.as_object().unwrap_or(&empty), new.as_object().unwrap_or(&empty));
    let keys: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut fields = Vec::new();
    for key in keys {
        let (a, b) = (old.get(key), new.get(key));
        if a == b {
            continue;
        }
        match (a.and_then(|v| v.as_object()), b.and_then(|v| v.as_object())) {
            (Some(_), Some(_)) => fields.extend(
                changed_fields(a.unwrap_or(&serde_json::Value::Null), b.unwrap_or(&serde_json::Value::Null))
                    .into_iter()
                    .map(|sub| format!("{key}.{sub}")),
            ),
            _ => fields.push(key.clone()),
        }
    }
    fields
}

/// The decision tree as the front end and `keuzehulp tree --json` show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TreeView {
    /// The four ways in.
    pub entries: Vec<Entry>,
    /// The questions, in order, with their options.
    pub questions: Vec<QuestionView>,
    /// Who a worker can turn to with worries (`data/worker.toml`).
    pub worker: Vec<catalogue::worker::Lead>,
}

/// One question with its options.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuestionView {
    /// Stable id.
    pub id: String,
    /// Dutch prompt.
    pub prompt: String,
    /// English prompt.
    pub prompt_en: String,
    /// Explanation.
    pub help: String,
    /// Explanation in English.
    pub help_en: String,
    /// `single`, `multi` or `yes-no`.
    pub kind: String,
    /// The answer field it fills.
    pub answer: String,
    /// Always true: every question may be skipped.
    pub skippable: bool,
    /// An optional refinement, offered beside the results instead of as a question.
    pub refinement: bool,
    /// The options (empty for yes-no).
    pub options: Vec<OptionView>,
}

/// One option of a question.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OptionView {
    /// The value stored in the answers.
    pub value: String,
    /// Dutch label.
    pub label: String,
    /// English label.
    pub label_en: String,
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

/// The candidate closest to `wanted` by edit distance, if it is reasonably close.
fn nearest_id<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
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
mod tests {
    use super::*;

    #[test]
    fn opening_an_older_database_makes_a_pre_migration_backup() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join(crate::store::DB_FILE);
        {
            let mut conn = rusqlite::Connection::open(&db).expect("open");
            conn.pragma_update(None, "journal_mode", "WAL").expect("wal");
            crate::store::migrations::migrate_to(&mut conn, 1).expect("version 1");
            conn.execute(
                "INSERT INTO interventions (id, origin, record) VALUES ('eigen-interventie', 'imported', '{}')",
                [],
            )
            .expect("insert");
        }
        let of_kind = |kind: &str| -> Vec<Backup> {
            backup::list(dir.path()).expect("list").into_iter().filter(|b| b.kind == kind).collect()
        };
        drop(Keuzehulp::open(dir.path()).expect("opens"));
        let saved = of_kind("voor-migratie");
        assert_eq!(saved.len(), 1);
        let old = rusqlite::Connection::open(&saved[0].path).expect("open backup");
        let version: u32 = old.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(version, 1, "the backup is the database as it was");
        let kept: String = old.query_row("SELECT id FROM interventions", [], |r| r.get(0)).expect("row");
        assert_eq!(kept, "eigen-interventie");
        let now = rusqlite::Connection::open(&db).expect("open");
        let version: u32 = now.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(version, crate::store::migrations::current_version());
        drop(now);
        drop(Keuzehulp::open(dir.path()).expect("opens again"));
        assert_eq!(of_kind("voor-migratie").len(), 1, "only before a migration");
    }

    #[test]
    fn nearest_id_suggests_close_ids_only() {
        let ids = ["pico", "indialoog", "buddysysteem"];
        assert_eq!(nearest_id("picoo", ids.iter().copied()), Some("pico"));
        assert_eq!(nearest_id("in-dialoog", ids.iter().copied()), Some("indialoog"));
        assert_eq!(nearest_id("volkomen-anders", ids.iter().copied()), None);
    }
}
