//! The whole command-line contract as clap definitions: commands, flags and their Dutch help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::advisor::Answers;
use crate::dossier::VisitInfo;
use crate::report::{PlanFormat, ReportFormat, SheetFormat};

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
    /// De catalogus: versie, datum, uitgever, aantal interventies en welke bewijsoordelen verlopen zijn
    Catalogue {
        /// Een geïmporteerde interventie verwijderen
        #[command(subcommand)]
        command: Option<CatalogueCommand>,
    },
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
        /// Alleen tonen wat er zou veranderen; er wordt niets gewijzigd
        #[arg(long)]
        dry_run: bool,
    },
    /// Dossiers van bedrijfsbezoeken
    #[command(subcommand)]
    Dossier(DossierCommand),
    /// De gespreksleidraden: teamgesprek, gesprek met de leidinggevende, gesprek met een medewerker
    #[command(subcommand)]
    Conversation(ConversationCommand),
    /// Het adviesrapport van een dossier
    Report {
        /// Het id van het dossier
        dossier: String,
        /// html, pdf, md of docx (Word)
        #[arg(long)]
        format: ReportFormat,
        /// Het bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Deze notitie in het rapport opnemen (nummer uit dossier show; herhaalbaar)
        #[arg(long = "note", value_name = "NR")]
        notes: Vec<i64>,
        /// Alle notities in het rapport opnemen (niet de vertrouwelijke gespreksnotities)
        #[arg(long, conflicts_with = "notes")]
        all_notes: bool,
        /// Deze vertrouwelijke gespreksnotitie toch in het rapport opnemen (nummer uit dossier show; herhaalbaar)
        #[arg(long = "talk-note", value_name = "NR")]
        talk_notes: Vec<i64>,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Reservekopieën
    #[command(subcommand)]
    Backup(BackupCommand),
    /// Pakketten importeren die een map of webadres opsomt in index.json (handtekeningen gecontroleerd)
    Update {
        /// De map met index.json en de pakketten, of het webadres ervan (https://…)
        #[arg(long, value_name = "DIR_OR_URL")]
        from: String,
        /// Alleen tonen wat er zou veranderen; er wordt niets gewijzigd
        #[arg(long)]
        dry_run: bool,
    },
    /// Cataloguspakketten ondertekenen (voor uitgevers)
    #[command(subcommand)]
    Pack(PackCommand),
    /// De uitgeverssleutels die u vertrouwt voor ondertekende pakketten
    #[command(subcommand)]
    Trust(TrustCommand),
    /// Versleuteling van de gegevens met een wachtwoord (uit KEUZEHULP_PASSPHRASE)
    #[command(subcommand)]
    Encryption(EncryptionCommand),
    /// De instrumentdefinities: schalen, antwoordschaal, scoring, afkappunten (itemteksten alleen waar de licentie dat toestaat)
    Instruments,
    /// Eigen praktijk per interventie: hoe vaak gekozen, geëvalueerd en elk oordeel (ook de gedeelde praktijk van collega's)
    Practice {
        /// Alleen deze interventie
        id: Option<String>,
    },
    /// Praktijk delen met collega's: geanonimiseerde, ondertekende uitkomsten
    #[command(subcommand)]
    Share(ShareCommand),
}

/// `keuzehulp share ...`
#[derive(Debug, Subcommand)]
pub enum ShareCommand {
    /// De geëvalueerde actiepunten vanaf een datum als geanonimiseerde uitkomsten schrijven
    Export {
        /// De eerste evaluatiedag (JJJJ-MM-DD)
        #[arg(long, value_name = "JJJJ-MM-DD")]
        since: String,
        /// Het bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Ondertekenen met deze geheime sleutel (publisher.key); de handtekening komt ernaast
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Ondertekende uitkomsten van collega's inlezen uit een map of webadres (index.json), of één pakket
    Import {
        /// De map, het webadres (https://…) of het pakket
        from: String,
    },
}

/// `keuzehulp catalogue ...`
#[derive(Debug, Subcommand)]
pub enum CatalogueCommand {
    /// Een geïmporteerde interventie verwijderen; de meegeleverde met hetzelfde id (als die er is) komt terug
    Remove {
        /// Het id van de interventie
        id: String,
    },
}

/// `keuzehulp conversation ...`
#[derive(Debug, Subcommand)]
pub enum ConversationCommand {
    /// De gespreksleidraden
    List,
    /// Eén leidraad: thema's, vragen, doorvragen en bronnen
    Show {
        /// Het id van de leidraad: team, leidinggevende of medewerker
        id: String,
    },
    /// Een A4-formulier met de vragen, om op papier te gebruiken
    Sheet {
        /// Het id van de leidraad
        id: String,
        /// pdf of html
        #[arg(long, default_value = "pdf")]
        format: SheetFormat,
        /// Het bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
}

/// `keuzehulp pack ...`
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Een nieuw sleutelpaar maken: DIR/publisher.key (geheim houden) en DIR/publisher.pub (uitdelen)
    Keygen {
        /// De map voor de sleutels
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Een pakket ondertekenen; de handtekening komt ernaast (PACK.minisig)
    Sign {
        /// Het pakket (JSON)
        pack: PathBuf,
        /// De geheime sleutel (publisher.key)
        #[arg(long, value_name = "FILE")]
        key: PathBuf,
        /// Een bestaande handtekening vervangen
        #[arg(long)]
        force: bool,
    },
}

/// `keuzehulp trust ...`
#[derive(Debug, Subcommand)]
pub enum TrustCommand {
    /// Een openbare sleutel vertrouwen: pakketten die ermee ondertekend zijn, krijgen deze uitgever als herkomst
    Add {
        /// De openbare sleutel: het bestand publisher.pub, of de regel die met RW begint
        pubkey: String,
        /// De naam van de uitgever
        #[arg(long)]
        name: String,
        /// De laatste dag (JJJJ-MM-DD) waarop pakketten met deze sleutel worden aanvaard
        #[arg(long, value_name = "JJJJ-MM-DD")]
        until: Option<String>,
    },
    /// De vertrouwde sleutels (en de verwijderde)
    List,
    /// Een sleutel niet meer vertrouwen
    Remove {
        /// De naam van de uitgever
        name: String,
    },
}

/// `keuzehulp encryption ...`
#[derive(Debug, Subcommand)]
pub enum EncryptionCommand {
    /// Of de gegevens versleuteld zijn
    Status,
    /// Versleutelen met het wachtwoord in KEUZEHULP_PASSPHRASE (ook: een nieuw wachtwoord, met het oude in KEUZEHULP_OLD_PASSPHRASE)
    On {
        /// Beschadigde kopieën van de database die niet versleuteld kunnen worden, verwijderen
        #[arg(long)]
        remove_damaged: bool,
    },
    /// Ontsleutelen (het wachtwoord in KEUZEHULP_PASSPHRASE)
    Off,
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
    /// Wie u bent (zonder --role: de rol van de ingang)
    #[arg(long, required_unless_present = "entry")]
    pub role: Option<String>,
    /// Niveau: individu, team of organisatie (zonder --level: dat van de ingang)
    #[arg(long)]
    pub level: Option<String>,
    /// Stappen: A, B1, B2, C of D; herhaalbaar of met komma's (zonder --step: die van de ingang)
    #[arg(long, value_delimiter = ',')]
    pub step: Vec<String>,
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
    /// De vraag waarmee u begon (een van de vier ingangen, bijvoorbeeld zorgen-terecht)
    #[arg(long)]
    pub entry: Option<String>,
}

impl AdviseArgs {
    /// The flags as advisor answers, before the way in's presets (see
    /// [`crate::app::Keuzehulp::with_presets`]).
    pub fn answers(&self) -> Answers {
        Answers {
            entry: self.entry.clone(),
            role: self.role.clone(),
            level: self.level.clone(),
            steps: self.step.clone(),
            themes: self.theme.clone(),
            sector: self.sector.clone(),
            risk_group: self.risk_group.clone(),
            min_evidence: self.min_evidence.clone(),
            free: self.free,
            max_time: self.time.clone(),
            have: self.have.clone(),
            signals: Vec::new(),
        }
    }
}

/// The facts of a visit, as flags.
#[derive(Debug, Args)]
pub struct VisitArgs {
    /// De klantorganisatie
    #[arg(long)]
    pub org: String,
    /// De sector
    #[arg(long)]
    pub sector: Option<String>,
    /// Grootteklasse, bijvoorbeeld 50-249
    #[arg(long)]
    pub size: Option<String>,
    /// Afdeling of team
    #[arg(long)]
    pub department: Option<String>,
    /// Datum van het bezoek (JJJJ-MM-DD)
    #[arg(long)]
    pub date: Option<String>,
    /// Contactpersoon: naam
    #[arg(long)]
    pub contact_name: Option<String>,
    /// Contactpersoon: rol
    #[arg(long)]
    pub contact_role: Option<String>,
    /// De bezoekende professional
    #[arg(long)]
    pub professional: Option<String>,
}

impl VisitArgs {
    /// The flags as visit facts.
    pub fn info(&self) -> VisitInfo {
        VisitInfo {
            org: self.org.clone(),
            sector: self.sector.clone(),
            size_band: self.size.clone(),
            department: self.department.clone(),
            visit_date: self.date.clone(),
            contact_name: self.contact_name.clone(),
            contact_role: self.contact_role.clone(),
            professional: self.professional.clone(),
        }
    }
}

/// `keuzehulp dossier ...`
#[derive(Debug, Subcommand)]
pub enum DossierCommand {
    /// Een nieuw dossier
    New(VisitArgs),
    /// Alle dossiers
    List {
        /// Alleen dossiers waarvan organisatie, afdeling of sector dit bevat
        #[arg(long)]
        search: Option<String>,
    },
    /// Eén dossier, met alles erin
    Show {
        /// Het id van het dossier
        id: String,
    },
    /// De antwoorden in een dossier vastleggen (dezelfde vlaggen als advise)
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
        /// Van de shortlist halen
        #[arg(long)]
        remove: bool,
    },
    /// Een gedateerde notitie toevoegen (geen medische gegevens)
    Note {
        /// Het id van het dossier
        id: String,
        /// De notitie
        text: String,
    },
    /// De antwoorden van een gesprek vastleggen (alles of niets): de thema's met een 1 of 2
    /// worden de antwoorden voor het advies
    Talk {
        /// Het id van het dossier
        id: String,
        /// De leidraad: team, leidinggevende of medewerker
        #[arg(long, required_unless_present = "remove")]
        guide: Option<String>,
        /// Het antwoordenbestand (JSON): {"guide", "date", "present", "themes": [{"theme", "rating", "note"}]}
        #[arg(long, value_name = "FILE", required_unless_present = "remove", conflicts_with = "remove")]
        answers: Option<PathBuf>,
        /// Dit gesprek weer uit het dossier halen (nummer uit dossier show)
        #[arg(long, value_name = "NR")]
        remove: Option<i64>,
    },
    /// Een actiepunt evalueren: uitgevoerd, bereik, wat het team zegt, indicatoren, en uw oordeel
    /// (Keuzehulp stelt een oordeel voor en beslist nooit)
    Evaluate {
        /// Het id van het dossier
        id: String,
        /// Het actiepunt (nummer uit dossier show)
        #[arg(long)]
        item: i64,
        /// ja, deels, nee of gestopt
        #[arg(long, value_name = "ja|deels|nee|gestopt")]
        carried_out: Option<String>,
        /// werkte, onduidelijk, werkte-niet of niet-uitgevoerd
        #[arg(long, value_name = "OORDEEL", required_unless_present = "propose")]
        verdict: Option<String>,
        /// Waarom (verplicht als uw oordeel afwijkt van het voorstel)
        #[arg(long)]
        reason: Option<String>,
        /// De dag van de evaluatie (JJJJ-MM-DD; standaard vandaag)
        #[arg(long, value_name = "JJJJ-MM-DD")]
        date: Option<String>,
        /// Bereik: hoeveel van hoeveel mensen, bijvoorbeeld 12/20
        #[arg(long, value_name = "N/M")]
        reach: Option<String>,
        /// Wat het team erover zegt (geen namen, geen medische gegevens)
        #[arg(long)]
        team_says: Option<String>,
        /// Het team is sinds de nulmeting sterk veranderd (mensen vertrokken of gekomen)
        #[arg(long)]
        team_changed: bool,
        /// Een indicator voor en na: verzuimpercentage=6.2:4.8 (ook meldingsfrequentie, verloop, deelname; herhaalbaar)
        #[arg(long = "indicator", value_name = "NAAM=VOOR:NA")]
        indicators: Vec<String>,
        /// De periode van de waarden ervoor: JJJJ-MM-DD..JJJJ-MM-DD
        #[arg(long, value_name = "VAN..TOT")]
        before: Option<String>,
        /// De periode van de waarden erna: JJJJ-MM-DD..JJJJ-MM-DD
        #[arg(long, value_name = "VAN..TOT")]
        after: Option<String>,
        /// Alleen het voorstel tonen; er wordt niets opgeslagen
        #[arg(long)]
        propose: bool,
    },
    /// Een vragenlijst als teamcijfer vastleggen (alleen groepen van 10 of meer): met --mean per
    /// schaal, of uit een bestand met losse antwoorden (--csv, alleen het teamgemiddelde wordt bewaard)
    Measure {
        /// Het id van het dossier
        id: String,
        /// Het instrument (keuzehulp instruments)
        #[arg(long, required_unless_present = "remove")]
        instrument: Option<String>,
        /// De schaal van het instrument
        #[arg(long)]
        scale: Option<String>,
        /// Hoeveel mensen zijn uitgenodigd
        #[arg(long, value_name = "N")]
        n: Option<f64>,
        /// Hoeveel mensen hebben ingevuld (ten minste 10)
        #[arg(long, value_name = "N", conflicts_with = "csv")]
        responded: Option<f64>,
        /// Het teamgemiddelde op de schaal
        #[arg(long, value_name = "X", conflicts_with = "csv")]
        mean: Option<f64>,
        /// Het percentage voorbij het afkappunt van de schaal (alleen als de definitie er een noemt)
        #[arg(long, value_name = "PCT", conflicts_with = "csv")]
        past_cutoff: Option<f64>,
        /// De dag van de afname (JJJJ-MM-DD; standaard vandaag)
        #[arg(long, value_name = "JJJJ-MM-DD")]
        date: Option<String>,
        /// Een CSV met losse antwoorden (één rij per persoon, kolommen per itemnummer): in het geheugen gescoord, niet bewaard
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Deze losse meting weer uit het dossier halen (nummer uit dossier show)
        #[arg(long, value_name = "NR", conflicts_with_all = ["instrument", "csv", "mean"])]
        remove: Option<i64>,
    },
    /// Het volgende bezoek van het traject: een nieuw dossier met de open actiepunten en de laatste meting
    FollowUp {
        /// Het id van het dossier
        id: String,
        /// De datum van het nieuwe bezoek (JJJJ-MM-DD; standaard vandaag)
        #[arg(long, value_name = "JJJJ-MM-DD")]
        date: Option<String>,
    },
    /// Een actiepunt toevoegen of wijzigen
    Plan {
        /// Het id van het dossier
        id: String,
        /// Dit actiepunt wijzigen (nummer uit dossier show)
        #[arg(long)]
        item: Option<i64>,
        /// De interventie
        #[arg(long)]
        intervention: Option<String>,
        /// Wat er gebeurt
        #[arg(long)]
        what: Option<String>,
        /// Wie verantwoordelijk is
        #[arg(long)]
        who: Option<String>,
        /// Startdatum (JJJJ-MM-DD)
        #[arg(long)]
        start: Option<String>,
        /// Evaluatiedatum (JJJJ-MM-DD)
        #[arg(long)]
        evaluate_on: Option<String>,
        /// Hoe er geëvalueerd wordt
        #[arg(long)]
        evaluation: Option<String>,
        /// gepland, lopend, afgerond of gestopt
        #[arg(long)]
        status: Option<String>,
    },
    /// Een dossier als sjabloon kopiëren
    Duplicate {
        /// Het id van het dossier
        id: String,
    },
    /// Een dossier naar de prullenbak verplaatsen (terug te zetten met undelete)
    Delete {
        /// Het id van het dossier
        id: String,
    },
    /// De dossiers in de prullenbak, met wanneer ze zijn verwijderd
    Trash,
    /// Een dossier uit de prullenbak terugzetten, met alles wat erin stond
    Undelete {
        /// Het id van het dossier
        id: String,
    },
    /// Een dossier definitief wissen, ook uit elke reservekopie (niet terug te halen)
    Erase {
        /// Het id van het dossier
        id: String,
        /// Beschadigde kopieën van de database die niet kunnen worden nagekeken, verwijderen
        #[arg(long)]
        remove_damaged: bool,
    },
    /// Een dossier naar één bestand exporteren
    Export {
        /// Het id van het dossier
        id: String,
        /// Het bestand
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Onversleuteld, ook als de gegevens versleuteld zijn (anders is het bestand dan
        /// versleuteld met hetzelfde wachtwoord): het bestand is voor iedereen leesbaar
        #[arg(long)]
        plain: bool,
        /// Ook de vertrouwelijke gespreksnotities meenemen (standaard blijven ze weg)
        #[arg(long)]
        with_confidential: bool,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Het actieplan exporteren: xlsx (met het plan van aanpak voor de RI&E op het tweede
    /// blad), csv (voor Nederlandse Excel) of ics (de evaluatiedata voor de agenda)
    ExportPlan {
        /// Het id van het dossier
        id: String,
        /// xlsx, csv of ics
        #[arg(long)]
        format: PlanFormat,
        /// Het bestand om te schrijven
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Een bestaand bestand vervangen
        #[arg(long)]
        force: bool,
    },
    /// Een dossierbestand importeren (een ander dossier met hetzelfde id blijft bestaan)
    Import {
        /// Het bestand
        file: PathBuf,
        /// Een bestaand dossier met hetzelfde id vervangen
        #[arg(long)]
        replace: bool,
    },
}

/// `keuzehulp backup ...`
#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Nu een reservekopie maken
    Create,
    /// De reservekopieën
    List,
    /// Een reservekopie terugzetten (ook als de database beschadigd is)
    Restore {
        /// De reservekopie: een pad, of een bestandsnaam uit `backup list`
        file: PathBuf,
    },
}
