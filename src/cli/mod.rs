//! The `keuzehulp` command line: argument parsing (clap, `args.rs`) and output
//! (`output.rs`). Every command is a thin call into [`crate::Session`] and
//! [`crate::Keuzehulp`]; this module only turns results into text or JSON.

mod args;
// Reading `dossier evaluate`'s reach and indicator flags.
mod evaluate_args;
mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::app::TODAY_ENV;
use crate::dossier::PlanChange;
use crate::dossier::file::ImportResult;
use crate::error::{Error, Result};
use crate::report::ReportOptions;
use crate::search::Filters;
use crate::{Keuzehulp, PASSPHRASE_ENV, Session, SessionError, default_data_dir};
use args::{
    BackupCommand, CatalogueCommand, Cli, Command, ConversationCommand, DossierCommand, EncryptionCommand, PackCommand,
    SearchArgs, ShareCommand, TrustCommand,
};
use output::Out;

/// Runs the program with the process's arguments; returns the exit code.
pub fn main() -> ExitCode {
    main_from(std::env::args_os())
}

/// Runs the program with `args` (the first one is the program's name, as in `argv`); the
/// window program calls this when it is started as the command line (see
/// `keuzehulp_desktop::command_line`).
pub fn main_from(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints usage errors to stderr (exit 2) and --help/--version to stdout (exit 0).
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() { 2 } else { 0 });
        }
    };
    let mut out = Out::new(cli.json);
    match run(&cli, &mut out) {
        Ok(()) => out.finish(),
        Err(err) => out.fail(&err),
    }
}

/// Runs one parsed command, writing its output to `out`.
fn run(cli: &Cli, out: &mut Out) -> std::result::Result<(), SessionError> {
    let session = || Session::new(data_dir(cli), passphrase(PASSPHRASE_ENV).as_deref());
    match &cli.command {
        Command::Validate { path } => Ok(validate_path(path, out)?),
        Command::Pack(command) => Ok(pack(command, data_dir(cli).ok().as_deref(), out)?),
        Command::Backup(command) => backup(&mut session(), command, out),
        Command::Encryption(command) => encryption(cli, command, out),
        command => {
            let mut session = session();
            open(&mut session, out)?;
            session.with(|app| on_core(app, command, out))
        }
    }
}

/// The commands that work on the open core.
fn on_core(app: &mut Keuzehulp, command: &Command, out: &mut Out) -> Result<()> {
    match command {
        Command::List => out.list(&app.pack()?),
        Command::Show { id } => {
            let view = app.show(id)?;
            out.show(&view, app.taxonomy())
        }
        Command::Catalogue { command: None } => out.catalogue(&app.catalogue_info()?),
        Command::Catalogue { command: Some(CatalogueCommand::Remove { id }) } => {
            let removed = app.catalogue_remove(id)?;
            out.value(
                &removed,
                &if removed.bundled_back {
                    format!("\"{}\" ({}) verwijderd; de meegeleverde interventie is terug", removed.id, removed.name)
                } else {
                    format!("\"{}\" ({}) verwijderd", removed.id, removed.name)
                },
            )
        }
        Command::Search(args) => {
            let result = search(app, args, out);
            out.notices(app.take_notices());
            result
        }
        Command::Import { path, dry_run: true } => out.import_preview(path, &app.import_preview(path)?),
        Command::Import { path, dry_run: false } => {
            let report = app.import(path)?;
            out.imported(path, &report)
        }
        Command::Advise(args) => {
            let advice = app.advise(&app.with_presets(args.answers())?, args.limit)?;
            // A worker's way in answers "bij wie" first, as the window's worker page does.
            let tree = app.tree();
            let worker = |id: &String| {
                tree.entries.iter().any(|e| &e.id == id && e.presets.role.as_deref() == Some("medewerker"))
            };
            if args.entry.as_ref().is_some_and(worker) {
                out.leads(&tree.worker, app.taxonomy());
            }
            out.advice(&advice, app.taxonomy())
        }
        Command::Tree => out.tree(&app.tree()),
        Command::Dossier(command) => dossier(app, command, out),
        Command::Conversation(command) => conversation(app, command, out),
        Command::Report { dossier, format, output, notes, all_notes, talk_notes, force } => {
            let options = ReportOptions {
                notes: notes.clone(),
                all_notes: *all_notes,
                talk_notes: talk_notes.clone(),
                replace: *force,
            };
            app.report_with(dossier, *format, output, &options)?;
            out.value(
                &serde_json::json!({ "path": output, "format": format }),
                &format!("Rapport geschreven: {}", output.display()),
            )
        }
        Command::Update { from, dry_run } => {
            let updates = app.update_from(from, *dry_run)?;
            // A user name or password in the address is never shown.
            out.updated(&crate::fetch::redact(from), &updates, *dry_run)
        }
        Command::Trust(command) => trust(app, command, out),
        Command::Instruments => out.instruments(&app.instruments()?),
        Command::Practice { id } => {
            let practice = app.practice(id.as_deref())?;
            out.practice(&practice, app)
        }
        Command::Share(ShareCommand::Export { since, output, key, force }) => {
            let done = app.share_export(since, output, key.as_deref(), *force)?;
            out.shared_export(&done)
        }
        Command::Share(ShareCommand::Import { from }) => {
            let done = app.share_import(from)?;
            out.shared_import(&done)
        }
        Command::Validate { .. } | Command::Pack(_) | Command::Backup(_) | Command::Encryption(_) => {
            unreachable!("answered without the core in `run`")
        }
    }
}

/// The passphrase from the environment, if set and not empty.
fn passphrase(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|p| !p.is_empty())
}

fn encryption(cli: &Cli, command: &EncryptionCommand, out: &mut Out) -> std::result::Result<(), SessionError> {
    let key = passphrase(PASSPHRASE_ENV);
    let db = Session::new(data_dir(cli), None).database()?;
    let status = |encrypted: bool| serde_json::json!({ "encrypted": encrypted, "path": db });
    match command {
        EncryptionCommand::Status => {
            let encrypted = Session::new(data_dir(cli), None).database_encrypted()?;
            Ok(out.value(
                &status(encrypted),
                if encrypted { "De gegevens zijn versleuteld." } else { "De gegevens zijn niet versleuteld." },
            )?)
        }
        EncryptionCommand::On { remove_damaged } => {
            let new = key.ok_or_else(|| Error::InvalidInput {
                field: PASSPHRASE_ENV.into(),
                message: "zet het nieuwe wachtwoord in deze omgevingsvariabele".into(),
            })?;
            let old = passphrase("KEUZEHULP_OLD_PASSPHRASE").unwrap_or_else(|| new.clone());
            let (_, removed) =
                Session::new(data_dir(cli), Some(&old)).switch_encryption(Some(&new), *remove_damaged)?;
            let mut text = "De gegevens en de reservekopieën zijn versleuteld.".to_string();
            if !removed.is_empty() {
                text.push_str(&format!(
                    "\nVerwijderd, omdat ze niet versleuteld konden worden: {}",
                    removed.join(", ")
                ));
            }
            let mut value = status(true);
            value["damaged_removed"] = serde_json::json!(removed);
            Ok(out.value(&value, &text)?)
        }
        EncryptionCommand::Off => {
            let mut session = Session::new(data_dir(cli), key.as_deref());
            open(&mut session, out)?;
            session.set_encryption(None)?;
            Ok(out.value(&status(false), "De gegevens en de reservekopieën zijn niet meer versleuteld.")?)
        }
    }
}

/// `pack keygen` and `pack sign` need no data directory: a publisher may have none. When
/// there is one, a signature is never written inside it.
fn pack(command: &PackCommand, data_dir: Option<&Path>, out: &mut Out) -> Result<()> {
    match command {
        PackCommand::Keygen { out: dir } => {
            let files = crate::signing::keygen(dir)?;
            out.value(
                &files,
                &format!(
                    "Sleutelpaar gemaakt (sleutel-id {}).\nGeheim, alleen voor u: {}\nOpenbaar, voor wie uw pakketten importeert: {}\n(keuzehulp trust add {} --name \"Uw naam\")",
                    files.key_id,
                    files.secret_key.display(),
                    files.public_key.display(),
                    files.public_key.display()
                ),
            )
        }
        PackCommand::Sign { pack, key, force } => {
            // Only a valid pack is signed: a signature vouches for what it covers.
            let (signature, key_id) = crate::app::sign_pack(pack, key, *force, data_dir)?;
            out.value(
                &serde_json::json!({ "pack": pack, "signature": signature, "key_id": key_id }),
                &format!("Ondertekend met sleutel {key_id}: {}", signature.display()),
            )
        }
    }
}

fn trust(app: &mut Keuzehulp, command: &TrustCommand, out: &mut Out) -> Result<()> {
    match command {
        TrustCommand::Add { pubkey, name, until } => {
            // A path to a .pub file, or the key itself.
            let path = Path::new(pubkey);
            let text = if path.is_file() {
                std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?
            } else {
                pubkey.clone()
            };
            let key = app.trust_add(&text, name, until.as_deref())?;
            let until = key
                .valid_until
                .as_deref()
                .map(|d| format!(" tot en met {}", crate::time::nl_date(d)))
                .unwrap_or_default();
            out.value(&key, &format!("Sleutel {} wordt vertrouwd als \"{}\"{until}", key.key_id, key.name))
        }
        TrustCommand::List => out.trusted(&app.trust_list()?),
        TrustCommand::Remove { name } => {
            app.trust_remove(name)?;
            out.value(
                &serde_json::json!({ "removed": name }),
                &format!("\"{name}\" wordt niet meer vertrouwd; wat al geïmporteerd is, blijft staan"),
            )
        }
    }
}

/// `backup list` and `backup restore` do not open the store: it may be damaged.
fn backup(session: &mut Session, command: &BackupCommand, out: &mut Out) -> std::result::Result<(), SessionError> {
    match command {
        BackupCommand::Create => {
            open(session, out)?;
            let made = session.with(|app| app.backup_create())?;
            Ok(out.value(&made, &format!("Reservekopie gemaakt: {}", made.path.display()))?)
        }
        BackupCommand::List => Ok(out.backups(&session.backups()?)?),
        BackupCommand::Restore { file } => {
            let restored = session.restore(file)?;
            Ok(out.value(
                &restored,
                &format!(
                    "Reservekopie {} (van {}) teruggezet in {}",
                    restored.path.display(),
                    crate::time::nl_moment(&restored.created_at),
                    session.database()?.display()
                ),
            )?)
        }
    }
}

fn conversation(app: &mut Keuzehulp, command: &ConversationCommand, out: &mut Out) -> Result<()> {
    match command {
        ConversationCommand::List => out.guides(app.conversation_guides()?),
        ConversationCommand::Show { id } => {
            let guide = app.conversation_guide(id)?;
            out.guide(guide, app.conversation_guides()?, app.taxonomy())
        }
        ConversationCommand::Sheet { id, format, output, force } => {
            app.conversation_sheet(id, *format, output, *force)?;
            out.value(
                &serde_json::json!({ "guide": id, "path": output, "format": format }),
                &format!("Gespreksformulier geschreven: {}", output.display()),
            )
        }
    }
}

fn dossier(app: &mut Keuzehulp, command: &DossierCommand, out: &mut Out) -> Result<()> {
    match command {
        DossierCommand::Talk { id, remove: Some(conversation), .. } => {
            let answers = app.dossier_untalk(id, *conversation)?;
            out.value(
                &serde_json::json!({ "id": id, "removed": conversation, "answers": answers }),
                &format!("Gesprek {conversation} is uit dossier {id} gehaald"),
            )
        }
        DossierCommand::Talk { id, guide, answers, remove: None } => {
            let (Some(guide), Some(answers)) = (guide, answers) else {
                return Err(Error::InvalidInput {
                    field: "--answers".into(),
                    message: "geef --guide en --answers (of --remove NR)".into(),
                });
            };
            let outcome = app.dossier_talk_file(id, Some(guide), answers)?;
            out.talked(&outcome, app.conversation_guides()?)
        }
        DossierCommand::New(visit) => {
            let id = app.dossier_new(&visit.info())?;
            out.value(&serde_json::json!({ "id": id }), &format!("Dossier {id} aangemaakt"))
        }
        DossierCommand::List { search } => out.dossiers(&app.dossiers(search.as_deref())?),
        DossierCommand::Show { id } => {
            let dossier = app.dossier(id)?;
            let talk = app.talk_summary(id)?;
            let traject = app.traject(id)?;
            let changes = app.before_after(id)?;
            out.dossier(&dossier, &talk, &traject, &changes)
        }
        DossierCommand::Evaluate {
            id,
            item,
            carried_out,
            verdict,
            reason,
            date,
            reach,
            team_says,
            team_changed,
            indicators,
            before,
            after,
            propose,
        } => {
            let (reached, reach_of) = match reach {
                Some(r) => evaluate_args::reach(r)?,
                None => (None, None),
            };
            let input = crate::dossier::evaluate::EvaluationInput {
                item: *item,
                date: date.clone(),
                carried_out: carried_out.clone().unwrap_or_default(),
                reached,
                reach_of,
                team_says: team_says.clone(),
                team_changed: *team_changed,
                indicators: evaluate_args::indicators(indicators, before.as_deref(), after.as_deref())?,
                verdict: verdict.clone().unwrap_or_default(),
                reason: reason.clone(),
            };
            if *propose {
                let draft = app.evaluation_draft(id, &input)?;
                return out.evaluation_draft(&draft);
            }
            if carried_out.is_none() {
                return Err(Error::InvalidEvaluation {
                    problems: vec![(
                        "carried_out".into(),
                        "geef aan of het is uitgevoerd: --carried-out ja, deels, nee of gestopt".into(),
                    )],
                });
            }
            let outcome = app.dossier_evaluate(id, &input)?;
            let advice = app.evaluation_advice(id, 5)?;
            out.evaluated(&outcome, &advice)
        }
        DossierCommand::Measure { id, remove: Some(measurement), .. } => {
            app.dossier_unmeasure(id, *measurement)?;
            out.value(
                &serde_json::json!({ "id": id, "removed": measurement }),
                &format!("Meting {measurement} is uit dossier {id} gehaald"),
            )
        }
        DossierCommand::Measure { id, instrument, scale, n, responded, mean, past_cutoff, date, csv, remove: None } => {
            let Some(instrument) = instrument else {
                return Err(Error::InvalidInput {
                    field: "--instrument".into(),
                    message: "geef het instrument".into(),
                });
            };
            let outcome = match csv {
                Some(file) => app.dossier_measure_file(id, instrument, file, *n, date.as_deref())?,
                None => {
                    let (Some(responded), Some(mean)) = (responded, mean) else {
                        return Err(Error::InvalidMeasurement {
                            path: None,
                            problems: vec![(
                                "--responded".into(),
                                "geef --responded (hoeveel mensen invulden) en --mean (het teamgemiddelde), of --csv met de antwoorden".into(),
                            )],
                        });
                    };
                    let input = crate::dossier::measure::MeasureInput {
                        instrument: instrument.clone(),
                        scale: scale.clone(),
                        date: date.clone(),
                        invited: *n,
                        responded: *responded,
                        mean: *mean,
                        past_cutoff: *past_cutoff,
                    };
                    app.dossier_measure(id, &input)?
                }
            };
            out.measured(&outcome, app)
        }
        DossierCommand::FollowUp { id, date } => {
            let made = app.dossier_follow_up(id, date.as_deref())?;
            out.followed_up(&made)
        }
        DossierCommand::Answer { id, answers } => {
            let answers = app.with_presets(answers.answers())?;
            app.dossier_answer(id, &answers)?;
            out.value(&serde_json::json!({ "id": id, "answers": answers }), "Antwoorden opgeslagen")
        }
        DossierCommand::Shortlist { id, intervention, why, remove } => {
            if *remove {
                app.dossier_unshortlist(id, intervention)?;
            } else {
                app.dossier_shortlist(id, intervention, why.as_deref())?;
            }
            out.value(
                &serde_json::json!({ "id": id, "intervention": intervention, "removed": remove }),
                "Shortlist bijgewerkt",
            )
        }
        DossierCommand::Note { id, text } => {
            let note = app.dossier_note(id, text)?;
            out.value(&note, &format!("Notitie {} opgeslagen", note.id))
        }
        DossierCommand::Plan { id, item, intervention, what, who, start, evaluate_on, evaluation, status } => {
            let change = PlanChange {
                item: *item,
                intervention_id: intervention.clone(),
                what: what.clone(),
                who: who.clone(),
                start_date: start.clone(),
                evaluation_date: evaluate_on.clone(),
                evaluation_method: evaluation.clone(),
                status: status.clone(),
            };
            let saved = app.dossier_plan(id, &change)?;
            out.value(&saved, &format!("Actiepunt {} opgeslagen", saved.id))
        }
        DossierCommand::Duplicate { id } => {
            let new_id = app.dossier_duplicate(id)?;
            out.value(&serde_json::json!({ "id": new_id }), &format!("Kopie {new_id} aangemaakt"))
        }
        DossierCommand::Delete { id } => {
            app.dossier_delete(id)?;
            out.value(
                &serde_json::json!({ "id": id, "trashed": true }),
                &format!(
                    "Dossier {id} staat in de prullenbak; terugzetten: keuzehulp dossier undelete {id}. Na {} dagen wordt het definitief gewist.",
                    crate::dossier::TRASH_DAYS
                ),
            )
        }
        DossierCommand::Trash => out.trash(&app.dossier_trash()?),
        DossierCommand::Undelete { id } => {
            app.dossier_undelete(id)?;
            out.value(&serde_json::json!({ "id": id, "restored": true }), &format!("Dossier {id} is teruggezet"))
        }
        DossierCommand::Erase { id, remove_damaged } => {
            let erasure = app.dossier_erase_with(id, *remove_damaged)?;
            let mut text = match erasure.cleaned.len() {
                0 => format!("Dossier {id} gewist"),
                1 => format!("Dossier {id} gewist, ook uit 1 reservekopie"),
                n => format!("Dossier {id} gewist, ook uit {n} reservekopieën"),
            };
            for left in &erasure.failed {
                text.push_str(&if left.file.starts_with("beschadigd-") {
                    format!(
                        "\nLet op: de beschadigde kopie {} kan het dossier nog bevatten ({}).",
                        left.file, left.reason
                    )
                } else {
                    format!(
                        "\nLet op: reservekopie {} bevat het dossier nog ({}); verwijder die zelf uit de map backups.",
                        left.file, left.reason
                    )
                });
            }
            if !erasure.removed.is_empty() {
                text.push_str(&format!("\nBeschadigde kopieën verwijderd: {}", erasure.removed.join(", ")));
            }
            if erasure.wal_pending {
                text.push_str(
                    "\nLet op: een ander programma leest de database nog, dus het dossier staat nog in het logbestand (keuzehulp.sqlite3-wal). Het wordt daaruit gewist zodra dat programma klaar is: bij de volgende wijziging of start van Keuzehulp.",
                );
            }
            out.value(
                &serde_json::json!({
                    "id": id,
                    "erased": true,
                    "backups_cleaned": erasure.cleaned,
                    "backups_failed": erasure.failed,
                    "damaged_removed": erasure.removed,
                    "wal_pending": erasure.wal_pending,
                }),
                &text,
            )
        }
        DossierCommand::Export { id, output, plain, with_confidential, force } => {
            app.dossier_export(id, output, *plain, *with_confidential, *force)?;
            out.value(
                &serde_json::json!({ "id": id, "path": output }),
                &format!("Dossier geëxporteerd naar {}", output.display()),
            )
        }
        DossierCommand::ExportPlan { id, format, output, force } => {
            app.export_plan(id, *format, output, *force)?;
            out.value(
                &serde_json::json!({ "id": id, "path": output, "format": format }),
                &format!("Actieplan geëxporteerd naar {}", output.display()),
            )
        }
        DossierCommand::Import { file, replace } => {
            // An encrypted file takes KEUZEHULP_PASSPHRASE, or else the store's own passphrase.
            let outcome = match passphrase(PASSPHRASE_ENV) {
                Some(key) => app.dossier_import_with_key(file, *replace, Some(&key))?,
                None => app.dossier_import(file, *replace)?,
            };
            let text = match outcome.result {
                ImportResult::Unchanged => format!("Dossier {} was al aanwezig en is gelijk", outcome.id),
                ImportResult::KeptBoth => format!(
                    "Er bestond al een ander dossier met dit id; beide zijn bewaard, de import heet {}",
                    outcome.id
                ),
                ImportResult::Replaced => format!("Dossier {} vervangen", outcome.id),
                ImportResult::New => format!("Dossier {} geïmporteerd", outcome.id),
            };
            out.value(&outcome, &text)
        }
    }
}

fn search(app: &mut Keuzehulp, args: &SearchArgs, out: &mut Out) -> Result<()> {
    let filters = Filters {
        level: args.level.clone(),
        step: args.step.clone(),
        role: args.role.clone(),
        theme: args.theme.clone(),
        sector: args.sector.clone(),
        evidence: None,
        cost: None,
    };
    if args.stdin {
        return search_lines(app, &filters, args.limit, out);
    }
    let query = args.query.clone().unwrap_or_default();
    let result = app.search(&query, &filters, args.limit)?;
    let tree = app.tree();
    let way_in = result.way_in.as_deref().and_then(|id| tree.entries.iter().find(|e| e.id == id));
    out.search(&result, way_in)
}

/// The most bytes of one `search --stdin` line that are kept; the rest of the line is read
/// and dropped (the search uses at most [`crate::search::MAX_QUERY_CHARS`] characters).
const MAX_LINE_BYTES: usize = 16 * 1024;

/// `search --stdin`: one query per line in, one JSON line per query out (batch use and
/// benchmarks). A line that is not UTF-8 is answered with an error line naming it; the
/// other lines are answered, and the command fails at the end.
fn search_lines(app: &mut Keuzehulp, filters: &Filters, limit: usize, out: &mut Out) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut bad = Vec::new();
    let mut number = 0;
    while let Some(line) = read_line_bounded(&mut input, MAX_LINE_BYTES)? {
        number += 1;
        let text = match std::str::from_utf8(&line.kept) {
            Ok(text) => text,
            // Cut inside a character: keep the whole characters before it.
            Err(e) if line.chars > line.kept.len() && e.error_len().is_none() => {
                std::str::from_utf8(&line.kept[..e.valid_up_to()]).unwrap_or_default()
            }
            Err(e) => {
                let message = format!(
                    "regel {number} is geen geldige UTF-8-tekst (byte {}); deze regel is overgeslagen",
                    e.valid_up_to() + 1
                );
                out.json_line(&serde_json::json!({
                    "line": number,
                    "error": { "code": "invalid_input", "message": message },
                }))?;
                bad.push(number.to_string());
                continue;
            }
        };
        let text = text.trim_end_matches('\r');
        let mut result = app.search(text, filters, limit)?;
        if line.chars > crate::search::MAX_QUERY_CHARS
            && let Some(first) = result.cut.first_mut()
        {
            *first = crate::search::query_cut_note(line.chars);
        }
        out.json_line(&result)?;
    }
    if bad.is_empty() {
        return Ok(());
    }
    Err(Error::InvalidInput {
        field: "stdin".into(),
        message: if bad.len() == 1 {
            format!("regel {} is geen geldige UTF-8-tekst en is overgeslagen; de andere regels zijn beantwoord", bad[0])
        } else {
            format!(
                "regels {} zijn geen geldige UTF-8-tekst en zijn overgeslagen; de andere regels zijn beantwoord",
                bad.join(", ")
            )
        },
    })
}

/// One line read with at most `max` bytes kept.
struct Line {
    kept: Vec<u8>,
    /// The number of characters in the whole line (UTF-8 lead bytes), without the newline.
    chars: usize,
}

/// Reads one line (without its `\n`), keeping its first `max` bytes and dropping the rest,
/// so a line of a gigabyte costs no more memory than a short one. `None` at the end.
fn read_line_bounded(input: &mut impl std::io::BufRead, max: usize) -> Result<Option<Line>> {
    let fail = |source| Error::Read { path: PathBuf::from("<stdin>"), source };
    let mut line = Line { kept: Vec::new(), chars: 0 };
    let mut any = false;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(fail(e)),
        };
        if buffer.is_empty() {
            return Ok(any.then_some(line));
        }
        any = true;
        let (chunk, done) = match buffer.iter().position(|&b| b == b'\n') {
            Some(end) => (&buffer[..end], true),
            None => (buffer, false),
        };
        let room = max.saturating_sub(line.kept.len());
        line.kept.extend_from_slice(&chunk[..chunk.len().min(room)]);
        line.chars += chunk.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        let used = chunk.len() + usize::from(done);
        input.consume(used);
        if done {
            return Ok(Some(line));
        }
    }
}

fn data_dir(cli: &Cli) -> Result<PathBuf> {
    match &cli.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => default_data_dir(),
    }
}

/// Opens the data directory and passes on what was repaired on the way (stderr).
fn open(session: &mut Session, out: &mut Out) -> std::result::Result<(), SessionError> {
    session.with(|app| {
        if let Some(today) = std::env::var(TODAY_ENV).ok().filter(|d| !d.is_empty()) {
            app.set_today(&today)?;
        }
        out.notices(app.take_notices());
        Ok(())
    })
}

fn validate_path(path: &Path, out: &mut Out) -> Result<()> {
    out.valid(path, crate::app::validate(path)?)
}
