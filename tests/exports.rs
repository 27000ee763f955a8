//! Editable exports, read back with readers that share no code with the writers: the report
//! as Word (pandoc, and the zip's own XML for styles and page numbers), the action plan as
//! XLSX (calamine), CSV (the csv crate's reader) and iCalendar (the icalendar crate's
//! parser). Every field is looked for where it belongs, with text that tends to break files.

use std::path::{Path, PathBuf};
#[cfg(not(windows))]
use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::util::Cli;
use crate::util::Run;

/// Quotes, ampersands, markup, separators, emoji and right-to-left script in one line.
const TRICKY: &str = "Zeg \"nee\" & 'ja' <b>niet vet</b>; a,b \\ =SOM(A1) 😀👩🏽‍⚕️ שלום עולם مرحبا بالعالم";
/// Excel's serial number of 2027-03-01 (days since 1899-12-30).
const MARCH_1_2027: f64 = 46_447.0;

fn long_text() -> String {
    let mut text = String::from("Lang verslag: ");
    while text.chars().count() < 5_000 {
        text.push_str("werkdruk & regelruimte \"besproken\" 😀 שלום; ");
    }
    text.chars().take(5_000).collect()
}

struct Visit {
    id: String,
    // Read only by the report tests, which need Linux's pandoc and unzip.
    #[cfg_attr(windows, allow(dead_code))]
    notes: Vec<i64>,
}

/// A dossier with answers, a shortlist, three actions (one with the tricky text, one with a
/// 5,000-character text and no evaluation date) and three notes.
fn visit(cli: &Cli) -> Visit {
    let id = cli.json(&[
        "dossier",
        "new",
        "--org",
        "Zorggroep \"De Linde\" & Co",
        "--sector",
        "zorg-vvt",
        "--department",
        "Team Noord",
        "--date",
        "2026-11-20",
        "--professional",
        "A. de Vries",
    ])["id"]
        .as_str()
        .expect("id")
        .to_string();
    cli.json(&[
        "dossier",
        "answer",
        &id,
        "--role",
        "leidinggevende",
        "--level",
        "team",
        "--step",
        "B2",
        "--theme",
        "werkdruk",
        "--have",
        "open-spreekuur-bedrijfsarts",
    ]);
    cli.json(&["dossier", "shortlist", &id, "regelmogelijkheden-autonomie", "--why", TRICKY]);
    cli.json(&[
        "dossier",
        "plan",
        &id,
        "--intervention",
        "regelmogelijkheden-autonomie",
        "--what",
        "Pilot zelfroosteren",
        "--who",
        "Teamleider",
        "--start",
        "2027-01-10",
        "--evaluate-on",
        "2027-03-01",
        "--evaluation",
        "Teamgesprek",
        "--status",
        "lopend",
    ]);
    cli.json(&[
        "dossier",
        "plan",
        &id,
        "--intervention",
        "regelmogelijkheden-autonomie",
        "--what",
        TRICKY,
        "--who",
        "HR & OR",
        "--evaluate-on",
        "2027-12-31",
        "--evaluation",
        "Enquête; daarna gesprek",
    ]);
    let long = long_text();
    cli.json(&["dossier", "plan", &id, "--intervention", "regelmogelijkheden-autonomie", "--what", &long]);
    let mut notes = Vec::new();
    for text in [TRICKY, long.as_str(), "Deze notitie blijft buiten het rapport"] {
        notes.push(cli.json(&["dossier", "note", &id, text])["id"].as_i64().expect("note id"));
    }
    Visit { id, notes }
}

fn out_path(cli: &Cli, name: &str) -> PathBuf {
    cli.out.path().join(name)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[cfg(not(windows))]
fn pandoc(path: &Path, to: &str) -> String {
    let out = Command::new("pandoc")
        .args(["--from", "docx", "--to", to, "--wrap=none"])
        .arg(path)
        .output()
        .expect("pandoc runs (Debian's pandoc, installed by scripts/setup.sh --test)");
    assert!(out.status.success(), "pandoc reads the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// One part of the .docx (a zip), read with unzip.
#[cfg(not(windows))]
fn docx_part(path: &Path, part: &str) -> String {
    let out = Command::new("unzip").arg("-p").arg(path).arg(part).output().expect("unzip runs");
    assert!(out.status.success(), "{part} is in the file");
    String::from_utf8(out.stdout).expect("utf-8")
}

// pandoc, unzip and pdftotext are Linux packages (scripts/setup.sh --test); where this binary
// runs for Windows under wine, the Windows side cannot start them. The spreadsheet and
// calendar tests below read with Rust crates and run on every platform.
#[cfg(not(windows))]
#[test]
fn the_word_report_has_real_headings_tables_page_numbers_and_every_section() {
    let cli = Cli::new();
    let v = visit(&cli);
    let path = out_path(&cli, "rapport.docx");
    let notes: Vec<String> = v.notes[..2].iter().map(|n| n.to_string()).collect();
    cli.json(&["report", &v.id, "--format", "docx", "-o", s(&path), "--note", &notes[0], "--note", &notes[1]]);

    // Structure, as a reader of Word files sees it.
    let html = pandoc(&path, "html");
    for heading in [
        "Het bezoek",
        "De antwoorden",
        "Advies uit de leidraad",
        "Aanbevolen interventies",
        "Aanbod-scan: wat er al is en wat ontbreekt",
        "Actieplan",
        "Plan van aanpak (RI&amp;E): psychosociale arbeidsbelasting",
        "Notities",
        "Bronnen",
    ] {
        assert!(html.contains(&format!(">{heading}</h1>")), "a level-1 heading {heading:?}");
    }
    assert!(html.contains(">1. Meer regelmogelijkheden en autonomie</h2>"), "each intervention a level-2 heading");
    assert!(html.contains(">Stap B2: hanteerbare werkdruk (leidinggevende)</h2>") || html.contains(">Stap B2:"));
    assert!(html.matches("<table").count() >= 6, "visit, answers, facts, scan, plan and plan van aanpak are tables");
    assert!(html.contains("<li>"), "reasons and advice are lists");

    // Content, as text.
    let text = pandoc(&path, "plain");
    for wanted in [
        "Zorggroep \"De Linde\" & Co",
        "A. de Vries",
        "Team Noord",
        "Leidinggevende",
        "Wat u eraan hebt",
        "Niet bekend",
        "Bewijs",
        "Pilot zelfroosteren",
        "Teamgesprek",
        "Teamleider",
        "01-03-2027",
        "Arbeidsomstandighedenwet, artikel 5, derde lid",
        "nog invullen",
        "catalogusversie",
        "Gemaakt met Keuzehulp",
    ] {
        assert!(text.contains(wanted), "the Word report shows {wanted:?}");
    }
    assert!(text.contains(&format!("Waarom gekozen: {TRICKY}")), "why, with every odd character intact");
    assert!(text.contains(TRICKY), "the chosen note with quotes, ampersand, emoji and right-to-left script");
    assert!(text.contains(&long_text()), "the 5,000-character note, whole");
    assert!(!text.contains("Deze notitie blijft buiten het rapport"), "a note not chosen stays out");

    // Word's own style names (so a template's styles apply) and page numbers in the footer.
    let styles = docx_part(&path, "word/styles.xml");
    assert!(styles.contains("w:val=\"heading 1\"") && styles.contains("w:val=\"heading 2\""), "built-in heading names");
    let footer = docx_part(&path, "word/footer1.xml");
    assert!(footer.contains(">PAGE<") && footer.contains("NUMPAGES"), "page x of y in the footer: {footer}");
}

#[cfg(not(windows))]
#[test]
fn every_report_format_has_the_leidraad_the_plan_van_aanpak_and_only_the_chosen_notes() {
    let cli = Cli::new();
    let v = visit(&cli);
    for format in ["html", "md"] {
        let path = out_path(&cli, &format!("rapport.{format}"));
        cli.json(&["report", &v.id, "--format", format, "-o", s(&path), "--note", &v.notes[0].to_string()]);
        let text = std::fs::read_to_string(&path).expect("written");
        for wanted in ["Advies uit de leidraad", "Plan van aanpak (RI", "artikel 5, derde lid", "Notities", "😀"] {
            assert!(text.contains(wanted), "{format} shows {wanted:?}");
        }
        assert!(!text.contains("Deze notitie blijft buiten"), "{format}: a note not chosen stays out");
    }
    let path = out_path(&cli, "rapport.pdf");
    cli.json(&["report", &v.id, "--format", "pdf", "-o", s(&path), "--all-notes"]);
    let out = Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext");
    let text = String::from_utf8_lossy(&out.stdout);
    for wanted in ["Advies uit de leidraad", "Plan van aanpak", "Notities", "Deze notitie blijft buiten het rapport"] {
        assert!(text.contains(wanted), "the PDF shows {wanted:?}");
    }
    let err = cli
        .cmd()
        .args(["report", &v.id, "--format", "md", "--note", "999999", "-o"])
        .arg(out_path(&cli, "x.md"))
        .output();
    let err = err.expect("runs");
    assert!(!err.status.success());
    assert!(String::from_utf8_lossy(&err.stderr).contains("geen notitie 999999"));
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => format!("{other}"),
    }
}

#[test]
fn the_xlsx_has_the_plan_with_real_dates_and_the_plan_van_aanpak_on_sheet_two() {
    let cli = Cli::new();
    let v = visit(&cli);
    let path = out_path(&cli, "actieplan.xlsx");
    cli.json(&["dossier", "export-plan", &v.id, "--format", "xlsx", "-o", s(&path)]);
    let mut book: Xlsx<_> = open_workbook(&path).expect("calamine opens the file");
    assert_eq!(book.sheet_names(), vec!["Actieplan".to_string(), "Plan van aanpak".to_string()]);

    let plan = book.worksheet_range("Actieplan").expect("sheet 1");
    let rows: Vec<&[Data]> = plan.rows().collect();
    let head: Vec<String> = rows[0].iter().map(cell_text).collect();
    assert_eq!(head, ["Interventie", "Wat", "Wie", "Start", "Evaluatie", "Hoe evalueren", "Status"]);
    assert_eq!(rows.len(), 4, "a header and one row per action");
    assert_eq!(cell_text(&rows[1][0]), "Meer regelmogelijkheden en autonomie");
    assert_eq!(cell_text(&rows[1][1]), "Pilot zelfroosteren");
    assert_eq!(cell_text(&rows[1][2]), "Teamleider");
    match &rows[1][4] {
        Data::DateTime(date) => assert_eq!(date.as_f64(), MARCH_1_2027, "the evaluation date is 1 March 2027"),
        other => panic!("the evaluation date is a real date, not {other:?}"),
    }
    assert!(matches!(rows[1][3], Data::DateTime(_)), "the start date is a real date");
    assert_eq!(cell_text(&rows[1][5]), "Teamgesprek");
    assert_eq!(cell_text(&rows[1][6]), "lopend");
    assert_eq!(cell_text(&rows[2][1]), TRICKY, "odd characters survive");
    assert_eq!(cell_text(&rows[2][2]), "HR & OR");
    assert_eq!(cell_text(&rows[3][1]), long_text(), "5,000 characters survive");
    assert!(matches!(rows[3][4], Data::Empty), "no evaluation date: an empty cell");

    let pva = book.worksheet_range("Plan van aanpak").expect("sheet 2");
    let rows: Vec<&[Data]> = pva.rows().collect();
    assert!(cell_text(&rows[0][0]).starts_with("Plan van aanpak (RI&E)"));
    assert!(rows.iter().any(|r| cell_text(&r[0]).contains("artikel 5, derde lid")), "names the legal ground");
    let head = rows.iter().position(|r| cell_text(&r[0]) == "Nr.").expect("a header row");
    let heads: Vec<String> = rows[head].iter().map(cell_text).collect();
    assert_eq!(
        heads,
        [
            "Nr.",
            "Knelpunt (risico)",
            "Maatregel",
            "Uitvoerder",
            "Start",
            "Gereed of evalueren op",
            "Hoe geëvalueerd",
            "Status"
        ]
    );
    let first = rows[head + 1];
    assert_eq!(cell_text(&first[1]), "Psychosociale arbeidsbelasting: Werkdruk en werkstress");
    assert_eq!(cell_text(&first[2]), "Meer regelmogelijkheden en autonomie: Pilot zelfroosteren");
    assert_eq!(cell_text(&first[3]), "Teamleider");
    assert!(matches!(&first[5], Data::DateTime(d) if d.as_f64() == MARCH_1_2027), "by when, as a date");
    let third = rows[head + 3];
    assert_eq!(cell_text(&third[3]), "nog invullen", "a missing 'who' is there to fill in");
    assert_eq!(cell_text(&third[5]), "nog invullen");
}

#[test]
fn the_csv_opens_in_dutch_excel_bom_semicolons_and_every_field() {
    let cli = Cli::new();
    let v = visit(&cli);
    let path = out_path(&cli, "actieplan.csv");
    cli.json(&["dossier", "export-plan", &v.id, "--format", "csv", "-o", s(&path)]);
    let bytes = std::fs::read(&path).expect("written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBFInterventie;Wat;Wie;Start;Evaluatie;Hoe evalueren;Status\r\n"),
        "BOM, header"
    );
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("valid CSV");
    assert_eq!(rows.len(), 3);
    assert_eq!(
        rows[0].iter().collect::<Vec<_>>(),
        [
            "Meer regelmogelijkheden en autonomie",
            "Pilot zelfroosteren",
            "Teamleider",
            "2027-01-10",
            "2027-03-01",
            "Teamgesprek",
            "lopend"
        ]
    );
    assert_eq!(&rows[1][1], TRICKY);
    assert_eq!(&rows[1][5], "Enquête; daarna gesprek", "a semicolon inside a field stays inside it");
    assert_eq!(&rows[2][1], long_text());
}

#[test]
fn the_calendar_has_one_all_day_event_per_evaluation_and_a_second_export_updates_them() {
    let cli = Cli::new();
    let v = visit(&cli);
    let path = out_path(&cli, "evaluaties.ics");
    cli.json(&["dossier", "export-plan", &v.id, "--format", "ics", "-o", s(&path)]);
    let text = std::fs::read_to_string(&path).expect("written");
    assert!(text.lines().all(|l| l.len() <= 76), "lines folded at 75 octets (plus CR)");
    let unfolded = icalendar::parser::unfold(&text);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let events: Vec<_> = calendar.components.iter().filter(|c| c.name == "VEVENT").collect();
    assert_eq!(events.len(), 2, "the action without an evaluation date has no event");
    let prop = |e: &icalendar::parser::Component, name: &str| {
        e.properties.iter().find(|p| p.name == name).map(|p| p.val.as_str().to_string()).unwrap_or_default()
    };
    let start = events[0].properties.iter().find(|p| p.name == "DTSTART").expect("DTSTART");
    assert_eq!(start.val.as_str(), "20270301");
    assert!(
        start.params.iter().any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| v.as_str() == "DATE")),
        "all day"
    );
    assert_eq!(prop(events[0], "DTEND"), "20270302");
    assert_eq!(prop(events[1], "DTSTART"), "20271231");
    assert_eq!(prop(events[1], "DTEND"), "20280101");
    assert!(prop(events[0], "SUMMARY").contains("Meer regelmogelijkheden en autonomie"));
    assert!(prop(events[0], "SUMMARY").contains("Zorggroep \"De Linde\" & Co"));
    let description = prop(events[1], "DESCRIPTION");
    assert!(description.contains(&format!("Wat: {TRICKY}\n")), "escaped text reads back whole: {description}");
    assert!(description.contains("Wie: HR & OR") && description.contains("Hoe evalueren: Enquête; daarna gesprek"));
    assert!(events[0].components.iter().any(|a| a.name == "VALARM"), "a reminder");
    let uids: Vec<String> = events.iter().map(|e| prop(e, "UID")).collect();
    let sequence: i64 = prop(events[0], "SEQUENCE").parse().expect("a number");

    // A change, and the same file again: the same events, a higher sequence.
    cli.json(&["dossier", "plan", &v.id, "--item", "1", "--evaluate-on", "2027-03-08"]);
    cli.json(&["dossier", "export-plan", &v.id, "--format", "ics", "-o", s(&path), "--force"]);
    let again = std::fs::read_to_string(&path).expect("written");
    let unfolded = icalendar::parser::unfold(&again);
    let calendar = icalendar::parser::read_calendar(&unfolded).expect("a valid calendar");
    let events: Vec<_> = calendar.components.iter().filter(|c| c.name == "VEVENT").collect();
    assert_eq!(events.iter().map(|e| prop(e, "UID")).collect::<Vec<_>>(), uids, "stable UIDs");
    assert_eq!(prop(events[0], "DTSTART"), "20270308");
    assert!(prop(events[0], "SEQUENCE").parse::<i64>().expect("a number") > sequence, "the newer version wins");
}

fn fails(cli: &Cli, args: &[&str]) -> String {
    let out = cli.cmd().args(args).run();
    assert!(!out.status.success(), "keuzehulp {args:?} should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The files in `dir`, so a test can see that nothing (not even a temporary file) was left.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn bad_targets_and_empty_plans_give_clear_messages_and_write_nothing() {
    let cli = Cli::new();
    let v = visit(&cli);
    let out = tempfile::tempdir().expect("temp dir");

    // A folder that does not exist.
    let missing = out.path().join("bestaat-niet").join("plan.xlsx");
    let err = fails(&cli, &["dossier", "export-plan", &v.id, "--format", "xlsx", "-o", s(&missing)]);
    assert!(err.contains(s(&missing)) && err.contains("De map bestaat niet"), "{err}");
    let missing = out.path().join("bestaat-niet").join("rapport.docx");
    let err = fails(&cli, &["report", &v.id, "--format", "docx", "-o", s(&missing)]);
    assert!(err.contains("De map bestaat niet"), "{err}");

    // An existing file stays as it was, unless --force.
    let existing = out.path().join("rapport.docx");
    std::fs::write(&existing, b"van iemand anders").expect("write");
    let err = fails(&cli, &["report", &v.id, "--format", "docx", "-o", s(&existing)]);
    assert!(err.contains("bestaat al") && err.contains("--force"), "{err}");
    let err = fails(&cli, &["dossier", "export-plan", &v.id, "--format", "csv", "-o", s(&existing)]);
    assert!(err.contains("bestaat al"), "{err}");
    assert_eq!(std::fs::read(&existing).expect("read"), b"van iemand anders");
    cli.json(&["report", &v.id, "--format", "docx", "-o", s(&existing), "--force"]);
    assert!(std::fs::read(&existing).expect("read").starts_with(b"PK"), "replaced by a docx (a zip)");

    // A folder given as the file.
    let err = fails(&cli, &["dossier", "export-plan", &v.id, "--format", "csv", "-o", s(out.path()), "--force"]);
    assert!(err.contains("Dit is een map"), "{err}");

    // A dossier without a plan, and a plan without evaluation dates.
    let bare = cli.json(&["dossier", "new", "--org", "Leeg"])["id"].as_str().expect("id").to_string();
    for format in ["xlsx", "csv", "ics"] {
        let target = out.path().join(format!("leeg.{format}"));
        let err = fails(&cli, &["dossier", "export-plan", &bare, "--format", format, "-o", s(&target)]);
        assert!(err.contains("nog geen actiepunten") && err.contains("geen bestand geschreven"), "{err}");
    }
    cli.json(&["dossier", "plan", &bare, "--intervention", "pico", "--what", "Starten"]);
    let err = fails(&cli, &["dossier", "export-plan", &bare, "--format", "ics", "-o", s(&out.path().join("x.ics"))]);
    assert!(err.contains("evaluatiedatum"), "{err}");
    assert_eq!(listing(out.path()), ["rapport.docx"], "nothing else was written, no temporary file left");

    // The report is not the plan: a format of the one is refused by the other.
    let err = fails(&cli, &["dossier", "export-plan", &v.id, "--format", "docx", "-o", s(&out.path().join("y"))]);
    assert!(err.contains("docx"), "{err}");
}
