//! The `keuzehulp` command line: argument parsing (clap) and output. Every command is a
//! thin call into [`crate::Keuzehulp`]; this module only turns results into text or JSON.

pub mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::advisor::Answers;
use crate::catalogue::{self, validate};
use crate::error::{Error, Result};
use crate::search::Filters;
use crate::{Keuzehulp, default_data_dir};
use output::Out;

/// Keuzehulp: interventies tegen psychosociale arbeidsbelasting kiezen, offline.
#[derive(Debug, Parser)]
#[command(name = "keuzehulp", version, about, long_about = None)]
pub struct Cli {
    /// Map voor dossiers en de zoekindex (standaard: de gegevensmap van het platform)
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Machineleesbare uitvoer (JSON) op stdout
    #[arg(long, global = true)]
    pub json: bool,
    /// Het commando
    #[command(subcommand)]
    pub command: Command,
}

/// The commands of the command-line contract (../shared/DESIGN.md).
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Alle interventies
    List,
    /// Eén interventie met al haar velden
    Show {
        /// Het id van de interventie
        id: String,
    },
    /// Zoeken in de catalogus
    Search(SearchArgs),
    /// Aanbevelingen voor een rol, niveau en stap
    Advise(AdviseArgs),
    /// De beslisboom
    Tree,
    /// Een catalogusmap of -pakket controleren
    Validate {
        /// Een map (zoals data/) of een pakket (JSON)
        path: PathBuf,
    },
    /// Interventies toevoegen of bijwerken uit een cataloguspakket
    Import {
        /// Het pakket (JSON, zoals `list --json` het schrijft)
        path: PathBuf,
    },
    /// Dossiers van bedrijfsbezoeken
    #[command(subcommand)]
    Dossier(DossierCommand),
    /// Het adviesrapport van een dossier
    Report {
        /// Het id van het dossier
        dossier: String,
        /// html, pdf of md
        #[arg(long, value_parser = ["html", "pdf", "md"])]
        format: String,
        /// Het bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Reservekopieën
    #[command(subcommand)]
    Backup(BackupCommand),
}

/// Filters shared by `search` and `advise`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Wat u zoekt
    pub query: Option<String>,
    /// Eén zoekvraag per regel van stdin, één JSON-regel per vraag terug
    #[arg(long, conflicts_with = "query")]
    pub stdin: bool,
    /// Niveau: individu, team of organisatie
    #[arg(long)]
    pub level: Option<String>,
    /// Stap: A, B1, B2, C of D
    #[arg(long)]
    pub step: Option<String>,
    /// Rol
    #[arg(long)]
    pub role: Option<String>,
    /// Thema
    #[arg(long)]
    pub theme: Option<String>,
    /// Sector
    #[arg(long)]
    pub sector: Option<String>,
    /// Hoeveel resultaten ten hoogste
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

/// The advisor's answers.
#[derive(Debug, Args)]
pub struct AdviseArgs {
    /// Wie u bent
    #[arg(long)]
    pub role: String,
    /// Niveau: individu, team of organisatie
    #[arg(long)]
    pub level: Option<String>,
    /// Stap: A, B1, B2, C of D
    #[arg(long)]
    pub step: Option<String>,
    /// Thema's (herhaalbaar)
    #[arg(long)]
    pub theme: Vec<String>,
    /// Sector
    #[arg(long)]
    pub sector: Option<String>,
    /// Risicogroep, bijvoorbeeld mantelzorgers
    #[arg(long)]
    pub risk_group: Option<String>,
    /// Minimaal bewijsniveau: effectief, onderbouwd, praktijkvoorbeeld of onbekend
    #[arg(long)]
    pub min_evidence: Option<String>,
    /// Alleen gratis interventies vooraan
    #[arg(long)]
    pub free: bool,
    /// Hoeveel tijd er is: kort, middel of lang
    #[arg(long)]
    pub time: Option<String>,
    /// Interventies die de organisatie al aanbiedt (ids, met komma's): de aanbod-scan
    #[arg(long, value_delimiter = ',')]
    pub have: Vec<String>,
    /// Hoeveel aanbevelingen ten hoogste
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

impl AdviseArgs {
    /// The flags as advisor answers.
    pub fn answers(&self) -> Answers {
        Answers {
            entry: None,
            role: Some(self.role.clone()),
            level: self.level.clone(),
            steps: self.step.iter().cloned().collect(),
            themes: self.theme.clone(),
            sector: self.sector.clone(),
            risk_group: self.risk_group.clone(),
            min_evidence: self.min_evidence.clone(),
            free: self.free,
            max_time: self.time.clone(),
            have: self.have.clone(),
        }
    }
}

/// `keuzehulp dossier ...`
#[derive(Debug, Subcommand)]
pub enum DossierCommand {
    /// Een nieuw dossier
    New {
        /// De klantorganisatie
        #[arg(long)]
        org: String,
        /// De sector
        #[arg(long)]
        sector: Option<String>,
    },
    /// Alle dossiers
    List,
    /// Eén dossier
    Show {
        /// Het id van het dossier
        id: String,
    },
    /// De antwoorden in een dossier vastleggen
    Answer {
        /// Het id van het dossier
        id: String,
        /// De antwoorden
        #[command(flatten)]
        answers: AdviseArgs,
    },
    /// Een interventie op de shortlist zetten
    Shortlist {
        /// Het id van het dossier
        id: String,
        /// Het id van de interventie
        intervention: String,
        /// Waarom deze interventie
        #[arg(long)]
        why: Option<String>,
    },
    /// Een notitie toevoegen
    Note {
        /// Het id van het dossier
        id: String,
        /// De notitie
        text: String,
    },
    /// Het actieplan bijwerken
    Plan {
        /// Het id van het dossier
        id: String,
        /// Verdere argumenten
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        rest: Vec<String>,
    },
    /// Een dossier definitief verwijderen
    Delete {
        /// Het id van het dossier
        id: String,
    },
    /// Een dossier naar één bestand exporteren
    Export {
        /// Het id van het dossier
        id: String,
        /// Het bestand
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
    },
    /// Een dossierbestand importeren
    Import {
        /// Het bestand
        file: PathBuf,
    },
}

/// `keuzehulp backup ...`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Nu een reservekopie maken
    Create,
    /// De reservekopieën
    List,
    /// Een reservekopie terugzetten
    Restore {
        /// De reservekopie
        file: PathBuf,
    },
}

/// Runs the program with the process's arguments; returns the exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
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
pub fn run(cli: &Cli, out: &mut Out) -> Result<()> {
    match &cli.command {
        Command::Validate { path } => validate_path(path, out),
        Command::List => {
            let app = open(cli)?;
            out.list(&app.pack()?)
        }
        Command::Show { id } => {
            let app = open(cli)?;
            let record = app.intervention(id)?;
            out.show(record, app.taxonomy())
        }
        Command::Search(args) => {
            let mut app = open(cli)?;
            let result = search(&mut app, args, out);
            out.notices(app.take_notices());
            result
        }
        Command::Import { path } => {
            let mut app = open(cli)?;
            let report = app.import(path)?;
            out.imported(path, &report)
        }
        Command::Advise(args) => {
            let app = open(cli)?;
            let advice = app.advise(&args.answers(), args.limit)?;
            out.advice(&advice, app.taxonomy())
        }
        Command::Tree => {
            let app = open(cli)?;
            out.tree(&app.tree())
        }
        Command::Dossier(_) => Err(Error::NotYetAvailable("keuzehulp dossier")),
        Command::Report { .. } => Err(Error::NotYetAvailable("keuzehulp report")),
        Command::Backup(_) => Err(Error::NotYetAvailable("keuzehulp backup")),
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
        // One query per line in, one JSON line per query out (batch use and benchmarks).
        let stdin = std::io::stdin();
        let mut line = String::new();
        loop {
            line.clear();
            let read = std::io::BufRead::read_line(&mut stdin.lock(), &mut line)
                .map_err(|source| Error::Read { path: PathBuf::from("<stdin>"), source })?;
            if read == 0 {
                break;
            }
            let query = line.trim_end_matches(['\n', '\r']);
            let result = app.search(query, &filters, args.limit)?;
            out.json_line(&result)?;
        }
        return Ok(());
    }
    let query = args.query.clone().unwrap_or_default();
    let result = app.search(&query, &filters, args.limit)?;
    out.search(&result)
}

fn open(cli: &Cli) -> Result<Keuzehulp> {
    let dir = match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => default_data_dir()?,
    };
    Keuzehulp::open(&dir)
}

fn validate_path(path: &Path, out: &mut Out) -> Result<()> {
    let metadata = std::fs::metadata(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    let invalid = |problems| Error::Invalid { path: path.to_path_buf(), problems };
    let count = if metadata.is_dir() {
        validate::load_dir(path).map_err(invalid)?.interventions.len()
    } else {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        let taxonomy = catalogue::bundled()?.taxonomy;
        validate::load_pack(path, &text, &taxonomy).map_err(invalid)?.interventions.len()
    };
    out.valid(path, count)
}
