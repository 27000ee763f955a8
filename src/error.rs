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
    #[error("er is geen interventie met id \"{}\"{hint}", short(.id))]
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
    /// A conversation's answers (`dossier talk`) do not fit their guide; nothing was stored.
    #[error(
        "de gespreksantwoorden uit {} zijn niet opgeslagen ({}); er is niets veranderd:\n{}",
        .path.display(),
        count_problems(.problems.len()),
        format_problems(.problems)
    )]
    InvalidAnswers {
        /// The answers file (or "gesprek" for answers from the window).
        path: PathBuf,
        /// Every problem found, each on its field.
        problems: Vec<Problem>,
    },
    /// An evaluation (`dossier evaluate`) has problems; nothing was stored.
    #[error(
        "de evaluatie is niet opgeslagen ({}); er is niets veranderd:\n{}",
        count_problems(.problems.len()),
        field_problems(.problems)
    )]
    InvalidEvaluation {
        /// Every problem: (field, message).
        problems: Vec<(String, String)>,
    },
    /// A measurement (`dossier measure`) has problems; nothing was stored.
    #[error(
        "de meting{} is niet opgeslagen ({}); er is niets veranderd:\n{}",
        .path.as_ref().map(|p| format!(" uit {}", p.display())).unwrap_or_default(),
        count_problems(.problems.len()),
        field_problems(.problems)
    )]
    InvalidMeasurement {
        /// The file of answers, when the measurement came from one.
        path: Option<PathBuf>,
        /// Every problem: (field, message).
        problems: Vec<(String, String)>,
    },
    /// A team aggregate of fewer than the minimum number of respondents: refused, so that no
    /// one can be recognised in it.
    #[error(
        "{}{responded} respondenten is te weinig: Keuzehulp bewaart alleen teamcijfers van ten minste {minimum} mensen, zodat niemand erin te herkennen is. Er is niets opgeslagen.",
        .scale.as_ref().map(|s| format!("{s}: ")).unwrap_or_default()
    )]
    TooFewRespondents {
        /// How many responded.
        responded: u32,
        /// The fewest accepted.
        minimum: u32,
        /// The scale, when one was named.
        scale: Option<String>,
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
    Bundled(serde_json::Error),
    /// Something of the program's own could not be written as JSON (a program defect, never
    /// the user's data); names what.
    #[error("{what} kon niet als JSON worden geschreven: {source}")]
    Json {
        /// What was being written, in Dutch.
        what: &'static str,
        /// The cause.
        source: serde_json::Error,
    },
    /// The database could not be read or written.
    #[error("de database {} gaf een fout: {}{}", .path.display(), printable(&.source.to_string()), sqlite_hint(.source))]
    Store {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The store is encrypted and no passphrase was given.
    #[error(
        "de gegevens in {} zijn versleuteld: geef het wachtwoord (in de app, of op de opdrachtregel in de omgevingsvariabele KEUZEHULP_PASSPHRASE)",
        .path.display()
    )]
    PassphraseRequired {
        /// The database file.
        path: PathBuf,
    },
    /// The passphrase does not open the store.
    #[error("het wachtwoord opent {} niet; probeer het opnieuw. Het bestand is niet gewijzigd.", .path.display())]
    WrongPassphrase {
        /// The database file.
        path: PathBuf,
    },
    /// The database was written by a newer Keuzehulp.
    #[error(
        "de database {} is gemaakt door een nieuwere versie van Keuzehulp (schema {found}; deze versie kent t/m {supported}). Werk Keuzehulp bij; het bestand is niet gewijzigd.",
        .path.display()
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest version this program knows.
        supported: u32,
    },
    /// The database is damaged. It has not been written to; `backup` is the newest backup
    /// that passes SQLite's integrity check, if there is one.
    #[error("{}", damaged_message(.path, .detail, .backup.as_deref()))]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// What is wrong (SQLite's words, or which record cannot be read).
        detail: String,
        /// The newest good backup.
        backup: Option<PathBuf>,
    },
    /// A file offered for restoring is not a good Keuzehulp backup.
    #[error("{} is geen bruikbare reservekopie ({detail}). Er is niets gewijzigd.", .path.display())]
    BackupInvalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        detail: String,
    },
    /// Another process has the store open (the window, a script), so its file cannot be
    /// replaced now; or the store is being replaced by another process.
    #[error(
        "Keuzehulp is nog open in een ander venster of programma: de database {} is daar in gebruik. Sluit dat venster of programma en probeer het opnieuw; er is niets gewijzigd.",
        .path.display()
    )]
    InUse {
        /// The database file.
        path: PathBuf,
    },
    /// The search index could not be built or read.
    #[error("de zoekindex in {} werkt niet: {reason}", .path.display())]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// A value outside the taxonomy (a level, step, role, theme or sector).
    #[error("onbekende {what} \"{}\"; kies uit: {allowed}", short(.value))]
    UnknownValue {
        /// What kind of value (Dutch, e.g. "stap").
        what: &'static str,
        /// The value given.
        value: String,
        /// The allowed values, comma-separated.
        allowed: String,
    },
    /// No dossier has this id.
    #[error("er is geen dossier met id \"{}\"", short(.id))]
    UnknownDossier {
        /// The id asked for.
        id: String,
    },
    /// The dossier is in the trash: it must be put back before it can be used.
    #[error("dossier \"{}\" staat in de prullenbak; zet het eerst terug (dossier undelete {})", short(.id), short(.id))]
    DossierInTrash {
        /// The id asked for.
        id: String,
    },
    /// A value given by the user is not acceptable.
    #[error("{field}: {message}")]
    InvalidInput {
        /// The field or flag.
        field: String,
        /// What is wrong.
        message: String,
    },
    /// A file could not be written.
    #[error("kan {} niet schrijven: {source}{}", .path.display(), io_hint(.source))]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An existing file the user asked to replace is marked read-only.
    #[error(
        "{} is alleen-lezen: Keuzehulp vervangt het niet. Kies een andere naam, of haal het kenmerk alleen-lezen weg (bij de eigenschappen van het bestand); er is niets gewijzigd.",
        .path.display()
    )]
    ReadOnlyFile {
        /// The file.
        path: PathBuf,
    },
    /// The store's database file is marked read-only; Keuzehulp must be able to write it.
    #[error(
        "de database {} is alleen-lezen, en Keuzehulp moet erin kunnen schrijven. Haal het kenmerk alleen-lezen weg (bij de eigenschappen van het bestand) of zet de map op een plek waar u mag schrijven; er is niets gewijzigd.",
        .path.display()
    )]
    StoreReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// Another program holds the file open, so it cannot be replaced (Windows).
    #[error(
        "kan {} niet vervangen: het bestand is geopend in een ander programma. Sluit het daar en probeer het opnieuw; er is niets gewijzigd.",
        .path.display()
    )]
    FileInUse {
        /// The file.
        path: PathBuf,
    },
    /// The report could not be typeset.
    #[error("het rapport kon niet worden gemaakt: {reason}")]
    Report {
        /// What went wrong.
        reason: String,
    },
    /// An export has nothing to show (a dossier without a plan, a plan without dates, no own
    /// interventions yet); said before the save dialog opens.
    #[error("{}{reason}; er is geen bestand geschreven", .id.as_deref().map(|id| format!("dossier {}: ", short(id))).unwrap_or_default())]
    NothingToExport {
        /// The dossier, when the export is of one.
        id: Option<String>,
        /// What is missing.
        reason: String,
    },
    /// A pack is to be imported, but none was chosen and looked at first.
    #[error("kies eerst een pakket en bekijk het; er is nog niets om te importeren")]
    NoPackChosen,
    /// An earlier call stopped halfway (the program's own defect), so the state it left
    /// cannot be trusted; nothing more is done until the program starts again.
    #[error(
        "een eerdere opdracht is halverwege afgebroken; sluit Keuzehulp en start het opnieuw. Wat al was opgeslagen, blijft bewaard."
    )]
    Interrupted,
    /// The output file exists and may not be replaced.
    #[error(
        "{} bestaat al; kies een andere naam, of vervang het bestand (op de opdrachtregel met --force). Er is niets geschreven.",
        .path.display()
    )]
    FileExists {
        /// The file.
        path: PathBuf,
    },
    /// A pack's signature is not accepted; nothing was imported.
    #[error("de handtekening {} wordt niet aanvaard: {reason}. Er is niets geïmporteerd.", .path.display())]
    Signature {
        /// The signature file.
        path: PathBuf,
        /// Why not, in Dutch.
        reason: String,
    },
    /// A key file cannot be made, read or used.
    #[error("sleutel {}: {reason}", .path.display())]
    Key {
        /// The key file.
        path: PathBuf,
        /// What is wrong, in Dutch.
        reason: String,
    },
    /// An update source on the web cannot be reached (offline, an unknown name, refused, no
    /// connection in time); nothing was fetched or changed.
    #[error(
        "kan {} niet bereiken: {reason}. Controleer de netwerkverbinding en het adres; er is niets gewijzigd.",
        printable(&crate::fetch::redact(.url))
    )]
    Unreachable {
        /// The address tried.
        url: String,
        /// Why not, in Dutch.
        reason: String,
    },
    /// An update source on the web answered, but not with what was asked for (an error
    /// status, a web page, too much, too slowly, a redirect to plain http); nothing changed.
    #[error("{}: {reason}. Er is niets geïmporteerd.", printable(&crate::fetch::redact(.url)))]
    Fetch {
        /// The address fetched.
        url: String,
        /// What was wrong, in Dutch.
        reason: String,
    },
    /// Damaged copies of the database set aside in the data directory cannot be encrypted;
    /// they may hold dossiers in the clear, so they go only with the user's consent.
    #[error(
        "in de gegevensmap staan beschadigde kopieën van de database die niet versleuteld kunnen worden en dossiers leesbaar kunnen bevatten: {}. Geef toestemming om ze te verwijderen (op de opdrachtregel met --remove-damaged) en probeer het opnieuw; er is niets gewijzigd.",
        .files.join(", ")
    )]
    DamagedCopies {
        /// Their file names.
        files: Vec<String>,
    },
    /// A pack holds records it may not change; nothing was imported.
    #[error(
        "{} wordt niet geïmporteerd ({}):\n{}\nEr is niets geïmporteerd.",
        .path.display(),
        count_refusals(.refusals.len()),
        .refusals.iter().map(|r| format!("  {}: {}", short(&r.id), r.message)).collect::<Vec<_>>().join("\n")
    )]
    ImportRefused {
        /// The pack.
        path: PathBuf,
        /// Each record refused, with why and what to do.
        refusals: Vec<crate::catalogue::Refusal>,
    },
    /// The pack file changed after it was looked at; nothing was imported.
    #[error(
        "{} is veranderd sinds u het bekeek (of de handtekening ernaast). Er is niets geïmporteerd; bekijk het pakket opnieuw voordat u het importeert.",
        .path.display()
    )]
    PackChanged {
        /// The pack.
        path: PathBuf,
    },
    /// A file the program was asked to read is no regular file (a folder, a device, a pipe).
    #[error(
        "{} is geen gewoon bestand (maar een map, apparaat of pipe); Keuzehulp leest alleen gewone bestanden. Er is niets gewijzigd.",
        .path.display()
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A file would be written over Keuzehulp's own files in the data directory (the store,
    /// a backup, a file already there); never done, not even with `--force`.
    #[error(
        "{} is een bestand van Keuzehulp zelf in de gegevensmap ({}); daar schrijft Keuzehulp geen export of rapport overheen, ook niet met --force. Kies een andere plek; er is niets geschreven.",
        .path.display(),
        .data_dir.display()
    )]
    InsideDataDir {
        /// The file asked for.
        path: PathBuf,
        /// The data directory.
        data_dir: PathBuf,
    },
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
            Error::InvalidAnswers { .. } => "invalid_answers",
            Error::InvalidEvaluation { .. } => "invalid_evaluation",
            Error::InvalidMeasurement { .. } => "invalid_measurement",
            Error::TooFewRespondents { .. } => "too_few_respondents",
            Error::Read { .. } => "read",
            Error::Bundled(_) => "bundled_catalogue",
            Error::Json { .. } => "json",
            Error::NotYetAvailable(_) => "not_yet_available",
            Error::Store { .. } => "store",
            Error::TooNew { .. } => "store_too_new",
            Error::PassphraseRequired { .. } => "passphrase_required",
            Error::WrongPassphrase { .. } => "wrong_passphrase",
            Error::Damaged { .. } => "database_damaged",
            Error::BackupInvalid { .. } => "backup_invalid",
            Error::InUse { .. } => "database_in_use",
            Error::Index { .. } => "index",
            Error::UnknownValue { .. } => "unknown_value",
            Error::UnknownDossier { .. } => "unknown_dossier",
            Error::DossierInTrash { .. } => "dossier_in_trash",
            Error::InvalidInput { .. } => "invalid_input",
            Error::Write { .. } => "write",
            Error::ReadOnlyFile { .. } => "read_only_file",
            Error::FileInUse { .. } => "file_in_use",
            Error::StoreReadOnly { .. } => "store_read_only",
            Error::Report { .. } => "report",
            Error::NothingToExport { .. } => "nothing_to_export",
            Error::NoPackChosen => "no_pack_chosen",
            Error::Interrupted => "interrupted",
            Error::FileExists { .. } => "file_exists",
            Error::Signature { .. } => "signature_refused",
            Error::Key { .. } => "key",
            Error::Unreachable { .. } => "unreachable",
            Error::Fetch { .. } => "fetch",
            Error::DamagedCopies { .. } => "damaged_copies",
            Error::ImportRefused { .. } => "import_refused",
            Error::PackChanged { .. } => "pack_changed",
            Error::NotAFile { .. } => "not_a_file",
            Error::InsideDataDir { .. } => "inside_data_dir",
        }
    }
}

impl Error {
    /// Turns a JSON error while writing `what` into [`Error::Json`].
    pub fn json(what: &'static str) -> impl FnOnce(serde_json::Error) -> Error {
        move |source| Error::Json { what, source }
    }

    /// A database error at `path`.
    pub fn store(path: &std::path::Path, source: rusqlite::Error) -> Self {
        Error::Store { path: path.to_path_buf(), source }
    }

    /// The database at `path` is damaged: `detail` says how. The error carries no backup yet;
    /// the façade, which knows the data directory and the passphrase, looks up the newest
    /// good one once, when the error reaches it (`Keuzehulp`, `Session`).
    pub fn damaged(path: &std::path::Path, detail: impl Into<String>) -> Self {
        Error::Damaged { path: path.to_path_buf(), detail: detail.into(), backup: None }
    }
}

fn damaged_message(path: &std::path::Path, detail: &str, backup: Option<&std::path::Path>) -> String {
    let head =
        format!("de database {} is beschadigd ({}). Er is niets overschreven.", path.display(), printable(detail));
    match backup {
        Some(backup) => {
            let dir = path.parent().map(|d| format!(" --data-dir \"{}\"", d.display())).unwrap_or_default();
            format!(
                "{head} Herstel de nieuwste goede reservekopie: keuzehulp{dir} backup restore \"{}\"",
                backup.display()
            )
        }
        None => format!("{head} Er is geen goede reservekopie; het bestand blijft zoals het is."),
    }
}

/// `text` as it can be shown: control characters, bytes that were not text (U+FFFD) and
/// direction overrides each become `?`, runs of them one `?`, and at most 300 characters are
/// kept. SQLite quotes names from a damaged page as they are, binary or not.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1_200));
    let mut count = 0;
    for c in text.chars() {
        if count == 300 {
            out.push('…');
            break;
        }
        let bad = c == '\u{fffd}' || (c.is_control() && c != '\n') || is_direction_control(c);
        if bad {
            if !out.ends_with('?') {
                out.push('?');
                count += 1;
            }
        } else {
            out.push(c);
            count += 1;
        }
    }
    out
}

/// Unicode's bidirectional embedding, override and isolate characters: they can make text
/// on a terminal read differently from what it is.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// What a person can do about a disk that is full or read-only (SQLite's side).
fn sqlite_hint(err: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode;
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => DISK_FULL,
        Some(ErrorCode::ReadOnly) => READ_ONLY,
        Some(ErrorCode::SystemIoFailure | ErrorCode::CannotOpen) => DISK_PROBLEM,
        _ => "",
    }
}

/// What a person can do about a disk that is full or read-only (a file's side).
fn io_hint(err: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => DISK_FULL,
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied => READ_ONLY,
        ErrorKind::NotFound => NO_FOLDER,
        ErrorKind::IsADirectory => IS_FOLDER,
        _ => "",
    }
}

const DISK_FULL: &str = ". De schijf is vol: maak ruimte vrij en probeer het opnieuw; er is niets verloren gegaan.";
const READ_ONLY: &str = ". Hier mag niet worden geschreven (alleen-lezen): kies een andere plek of controleer de rechten; er is niets verloren gegaan.";
const NO_FOLDER: &str = ". De map bestaat niet: kies een bestaande map; er is niets geschreven.";
const IS_FOLDER: &str = ". Dit is een map: geef een bestandsnaam; er is niets geschreven.";
const DISK_PROBLEM: &str =
    ". Controleer of de schijf vol of alleen-lezen is; wat al was opgeslagen, is niet veranderd.";

/// The most characters of an id or value a message repeats: an id pasted wrong, or a file
/// made to overflow a terminal, is cut there.
pub const MAX_SHOWN_CHARS: usize = 80;

/// `text` for a message: at most [`MAX_SHOWN_CHARS`] characters (then "…" and how long it
/// was), with control and direction characters shown as `?` (see [`printable`]).
pub fn short(text: &str) -> String {
    // An id or value is one line: a line break in it is a control character like any other.
    let one_line = |t: &str| printable(&t.replace('\n', "\r"));
    let count = text.chars().count();
    if count <= MAX_SHOWN_CHARS {
        return one_line(text);
    }
    let head: String = text.chars().take(MAX_SHOWN_CHARS).collect();
    format!("{}… ({count} tekens)", one_line(&head))
}

fn count_refusals(n: usize) -> String {
    if n == 1 { "1 interventie geweigerd".into() } else { format!("{n} interventies geweigerd") }
}

fn count_problems(n: usize) -> String {
    if n == 1 { "1 probleem".into() } else { format!("{n} problemen") }
}

fn field_problems(problems: &[(String, String)]) -> String {
    problems.iter().map(|(field, message)| format!("  {field}: {message}")).collect::<Vec<_>>().join("\n")
}

fn format_problems(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One of every error, with the code the front end knows it by. A new variant does not
    /// compile until it is added to `listed` below, and so to this table.
    pub(crate) fn every_error() -> Vec<(Error, &'static str)> {
        let path = || PathBuf::from("keuzehulp.sqlite3");
        let io = || std::io::Error::other("schijf");
        let json = serde_json::from_str::<u8>("x").expect_err("not JSON");
        vec![
            (Error::DataDir { path: path(), reason: "r".into() }, "data_dir"),
            (Error::UnknownIntervention { id: "x".into(), hint: String::new() }, "unknown_intervention"),
            (Error::Invalid { path: path(), problems: Vec::new() }, "invalid_catalogue"),
            (Error::InvalidAnswers { path: path(), problems: Vec::new() }, "invalid_answers"),
            (Error::InvalidEvaluation { problems: vec![("f".into(), "m".into())] }, "invalid_evaluation"),
            (Error::InvalidMeasurement { path: None, problems: vec![("f".into(), "m".into())] }, "invalid_measurement"),
            (Error::TooFewRespondents { responded: 9, minimum: 10, scale: None }, "too_few_respondents"),
            (Error::Read { path: path(), source: io() }, "read"),
            (Error::Bundled(serde_json::from_str::<u8>("x").expect_err("not JSON")), "bundled_catalogue"),
            (Error::Json { what: "de uitvoer", source: json }, "json"),
            (Error::Store { path: path(), source: rusqlite::Error::InvalidQuery }, "store"),
            (Error::PassphraseRequired { path: path() }, "passphrase_required"),
            (Error::WrongPassphrase { path: path() }, "wrong_passphrase"),
            (Error::TooNew { path: path(), found: 9, supported: 5 }, "store_too_new"),
            (Error::Damaged { path: path(), detail: "d".into(), backup: None }, "database_damaged"),
            (Error::BackupInvalid { path: path(), detail: "d".into() }, "backup_invalid"),
            (Error::InUse { path: path() }, "database_in_use"),
            (Error::Index { path: path(), reason: "r".into() }, "index"),
            (Error::UnknownValue { what: "niveau", value: "v".into(), allowed: "a".into() }, "unknown_value"),
            (Error::UnknownDossier { id: "d".into() }, "unknown_dossier"),
            (Error::DossierInTrash { id: "d".into() }, "dossier_in_trash"),
            (Error::InvalidInput { field: "f".into(), message: "m".into() }, "invalid_input"),
            (Error::Write { path: path(), source: io() }, "write"),
            (Error::ReadOnlyFile { path: path() }, "read_only_file"),
            (Error::StoreReadOnly { path: path() }, "store_read_only"),
            (Error::FileInUse { path: path() }, "file_in_use"),
            (Error::Report { reason: "r".into() }, "report"),
            (Error::NothingToExport { id: Some("d".into()), reason: "r".into() }, "nothing_to_export"),
            (Error::NoPackChosen, "no_pack_chosen"),
            (Error::Interrupted, "interrupted"),
            (Error::FileExists { path: path() }, "file_exists"),
            (Error::Signature { path: path(), reason: "r".into() }, "signature_refused"),
            (Error::Key { path: path(), reason: "r".into() }, "key"),
            (Error::Unreachable { url: "https://x".into(), reason: "r".into() }, "unreachable"),
            (Error::Fetch { url: "https://x".into(), reason: "r".into() }, "fetch"),
            (Error::DamagedCopies { files: vec!["beschadigd-x.sqlite3".into()] }, "damaged_copies"),
            (Error::ImportRefused { path: path(), refusals: Vec::new() }, "import_refused"),
            (Error::PackChanged { path: path() }, "pack_changed"),
            (Error::NotAFile { path: path() }, "not_a_file"),
            (Error::InsideDataDir { path: path(), data_dir: path() }, "inside_data_dir"),
            (Error::NotYetAvailable("iets"), "not_yet_available"),
        ]
    }

    /// Compiles only while every variant is named: the table above cannot fall behind.
    fn listed(e: &Error) {
        match e {
            Error::DataDir { .. }
            | Error::UnknownIntervention { .. }
            | Error::Invalid { .. }
            | Error::InvalidAnswers { .. }
            | Error::InvalidEvaluation { .. }
            | Error::InvalidMeasurement { .. }
            | Error::TooFewRespondents { .. }
            | Error::Read { .. }
            | Error::Bundled(_)
            | Error::Json { .. }
            | Error::Store { .. }
            | Error::PassphraseRequired { .. }
            | Error::WrongPassphrase { .. }
            | Error::TooNew { .. }
            | Error::Damaged { .. }
            | Error::BackupInvalid { .. }
            | Error::InUse { .. }
            | Error::Index { .. }
            | Error::UnknownValue { .. }
            | Error::UnknownDossier { .. }
            | Error::DossierInTrash { .. }
            | Error::InvalidInput { .. }
            | Error::Write { .. }
            | Error::ReadOnlyFile { .. }
            | Error::StoreReadOnly { .. }
            | Error::FileInUse { .. }
            | Error::Report { .. }
            | Error::NothingToExport { .. }
            | Error::NoPackChosen
            | Error::Interrupted
            | Error::FileExists { .. }
            | Error::Signature { .. }
            | Error::Key { .. }
            | Error::Unreachable { .. }
            | Error::Fetch { .. }
            | Error::DamagedCopies { .. }
            | Error::ImportRefused { .. }
            | Error::PackChanged { .. }
            | Error::NotAFile { .. }
            | Error::InsideDataDir { .. }
            | Error::NotYetAvailable(_) => {}
        }
    }

    #[test]
    fn a_long_id_is_cut_in_a_message_and_a_short_one_is_not() {
        assert_eq!(short("pico"), "pico");
        let long = "a".repeat(5_000_000);
        let shown = Error::UnknownDossier { id: long }.to_string();
        assert!(shown.len() < 200, "{} bytes", shown.len());
        assert!(shown.contains("… (5000000 tekens)"), "{shown}");
        assert_eq!(short("d-1\r\nATTACH:x"), "d-1?ATTACH:x", "no line break reaches a message");
    }

    #[test]
    fn every_error_has_its_own_stable_code_and_a_message() {
        let all = every_error();
        let mut codes: Vec<&str> = Vec::new();
        for (error, code) in &all {
            listed(error);
            assert_eq!(error.code(), *code, "{error:?}");
            assert!(!error.to_string().trim().is_empty(), "{code} has no message");
            codes.push(code);
        }
        let count = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), count, "two errors share a code");
    }
}
