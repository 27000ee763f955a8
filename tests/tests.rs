//! The integration tests of the core and the `keuzehulp` command line, in one binary.

// Helpers: running the CLI, temporary data directories, copies of data/.
mod util;

// The bundled catalogue: required records, fields, steps, taxonomy use.
mod catalogue;
// Validation of broken catalogue directories and packs, and the pack round trip.
mod validate;
// The command-line contract: usage errors, data directory errors, list and show.
mod cli;
// Search: Dutch queries, odd input, filters, facets, index repair.
mod search;
// Search in everyday words: the thesaurus, questions, English, "Bedoelde u", the judged set.
mod words;
// Importing catalogue packs into the store.
mod import;
// The catalogue's edition, each record's origin, and evidence that lapses with time.
mod edition;
// Signed packs: keys, signatures, the trust list, and refusals that change nothing.
mod signing;
// Updates from a web address, against a small HTTP server on 127.0.0.1.
mod update;
// The window's catalogue screen through the façade: pack previews, own interventions.
mod own;
// The advisor: scenarios, reasons, coverage, the decision tree.
mod advise;
// Dossiers: visits, notes, plan, copies, erasing, moving, durability.
mod dossier;
// The trash: delete, undelete, erase (no byte left), thirty days, the migration.
mod trash;
// The advice report.
mod report;
// Conversations: the guides, a team conversation into a dossier, its measurement and advice,
// leader vs team, bad answers refused whole, confidential notes, the dossier file, the sheet.
mod talk;
// The evaluation loop: a traject of visits, measurements (aggregates only), evaluations with a
// proposed verdict, before-and-after charts, practice counts, shared outcomes, instruments.
mod evaluate;
// What the core writes for the window's English interface: the proposal's lines, the own
// intervention form's problems, a conversation's reason.
mod english;
// Dates in the command line's text output (dd-mm-jjjj) and in JSON (ISO).
mod dates;
// Editable exports: the report as Word, the action plan as XLSX, CSV and iCalendar.
mod exports;
// Backups: making, listing, restoring; a damaged database; daily and pre-migration backups.
mod backup;
// Disk faults: a full file system and a read-only one (tmpfs; needs root). Linux only: the
// faults are made with mount(8), which Windows does not have.
#[cfg(target_os = "linux")]
mod faults;
// Encryption at rest (SQLCipher): canary, passphrases, exports, on and off.
mod crypt;
// What differs on Windows (run there under wine too): data folder, paths, open and read-only
// files, two processes on one store, CRLF.
mod platform;
// Data safety, second round: the process claim's neighbours (erase, backups, damaged copies,
// the WAL), packs that change only their own records, bounded dossier files, file writing.
mod safety;
// The window's boundary ruled by the core: save dialogs asked or refused first, file filters,
// blank fields, days.
mod boundary;
// The core's layers point one way.
mod layers;
// One version everywhere: the command line, the window, Tauri, the packages.
mod version;
