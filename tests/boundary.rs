//! The window's boundary, ruled by the core: what a save dialog asks (the kind of file, its
//! extensions, a safe suggested name) or why it is not asked at all, the encryption of a
//! dossier export decided in one place, a blank field meaning "not given", and dates that
//! cross as checked days.

use keuzehulp::Keuzehulp;
use keuzehulp::app::Export;
use keuzehulp::dossier::{PlanChange, VisitInfo};
use keuzehulp::files::FileKind;
use keuzehulp::report::{PlanFormat, ReportFormat, SheetFormat};
use keuzehulp::time::Day;

use crate::util::Cli;

fn open(cli: &Cli) -> Keuzehulp {
    let mut core = Keuzehulp::open(cli.data.path()).expect("opens");
    core.set_today("2026-11-26").expect("a day");
    core
}

fn new_dossier(core: &mut Keuzehulp, org: &str) -> String {
    core.dossier_new(&VisitInfo { org: org.into(), sector: Some("zorg".into()), ..VisitInfo::default() })
        .expect("dossier")
}

#[test]
fn nothing_to_export_is_said_before_the_save_dialog_and_names_what_is_missing() {
    let cli = Cli::new();
    let mut core = open(&cli);
    let id = new_dossier(&mut core, "Zorg & Co");

    // No plan yet: no plan file, no calendar.
    for format in PlanFormat::ALL {
        let err = core.save_as(&Export::Plan { id: &id, format }).expect_err("no plan");
        assert_eq!(err.code(), "nothing_to_export");
        assert!(err.to_string().contains("nog geen actiepunten"), "{err}");
    }
    // A plan without evaluation dates: the workbook yes, the calendar not.
    let change = PlanChange { intervention_id: Some("pico".into()), who: Some("HR".into()), ..PlanChange::default() };
    core.dossier_plan(&id, &change).expect("planned");
    assert!(core.save_as(&Export::Plan { id: &id, format: PlanFormat::Xlsx }).is_ok());
    let err = core.save_as(&Export::Plan { id: &id, format: PlanFormat::Ics }).expect_err("no dates");
    assert!(err.to_string().contains("evaluatiedatum"), "{err}");

    // No own interventions: said without a dossier's id.
    let err = core.save_as(&Export::Own).expect_err("none of our own");
    assert_eq!(err.code(), "nothing_to_export");
    assert_eq!(err.to_string(), "er zijn nog geen eigen interventies om te delen; er is geen bestand geschreven");

    // An unknown dossier or guide is named before anyone is asked where to save.
    let err = core.save_as(&Export::Report { id: "bestaat-niet", format: ReportFormat::Pdf }).expect_err("unknown");
    assert_eq!(err.code(), "unknown_dossier");
    let err = core.save_as(&Export::Sheet { guide: "directie", format: SheetFormat::Pdf }).expect_err("no guide");
    assert!(err.to_string().contains("directie"), "{err}");
}

#[test]
fn each_format_has_its_own_file_filter_and_a_safe_suggested_name() {
    let cli = Cli::new();
    let mut core = open(&cli);
    let id = new_dossier(&mut core, "Zorg & Welzijn B.V./Noord");
    let change = PlanChange {
        intervention_id: Some("pico".into()),
        evaluation_date: Some("2027-03-01".into()),
        ..PlanChange::default()
    };
    core.dossier_plan(&id, &change).expect("planned");

    let report = |format| core.save_as(&Export::Report { id: &id, format }).expect("asks");
    let expected = [
        (ReportFormat::Pdf, "PDF", &["pdf"][..]),
        (ReportFormat::Html, "HTML", &["html", "htm"][..]),
        (ReportFormat::Md, "Markdown", &["md"][..]),
        (ReportFormat::Docx, "Word-document", &["docx"][..]),
    ];
    for (format, label, extensions) in expected {
        let asked = report(format);
        assert_eq!((asked.kind.label, asked.kind.extensions), (label, extensions), "{format}");
        assert_eq!(asked.file_name, format!("adviesrapport-zorg-welzijn-b-v-noord-2026-11-26.{}", extensions[0]));
        assert_eq!(format.kind().label, label);
    }
    let plan = |format| core.save_as(&Export::Plan { id: &id, format }).expect("asks");
    let expected = [
        (PlanFormat::Xlsx, "Excel-werkmap", "actieplan-zorg-welzijn-b-v-noord-2026-11-26.xlsx"),
        (PlanFormat::Csv, "CSV (puntkomma's)", "actieplan-zorg-welzijn-b-v-noord-2026-11-26.csv"),
        (PlanFormat::Ics, "Agenda (iCalendar)", "evaluaties-zorg-welzijn-b-v-noord-2026-11-26.ics"),
    ];
    for (format, label, name) in expected {
        let asked = plan(format);
        assert_eq!((asked.kind.label, asked.file_name.as_str()), (label, name), "{format}");
        assert_eq!(format.kind().extensions, [format.as_str()]);
    }
    let sheet = core.save_as(&Export::Sheet { guide: "team", format: SheetFormat::Pdf }).expect("asks");
    assert_eq!((sheet.kind, sheet.file_name.as_str()), (SheetFormat::Pdf.kind(), "gespreksformulier-team.pdf"));

    // A plain store exports plain JSON.
    let dossier = core.save_as(&Export::Dossier { id: &id, in_the_clear: false }).expect("asks");
    assert_eq!((dossier.kind, dossier.file_name.as_str()), (FileKind::DOSSIER, "dossier-zorg-welzijn-b-v-noord.json"));
    let since = Day::parse("since", "2026-01-01").expect("a day");
    let share = core.save_as(&Export::Share { since: &since }).expect("asks");
    assert_eq!((share.kind, share.file_name.as_str()), (FileKind::SHARE, "praktijk-2026-11-26.json"));
}

#[test]
fn a_dossier_export_from_an_encrypted_store_is_encrypted_unless_asked_in_the_clear() {
    let cli = Cli::new();
    let mut session = keuzehulp::Session::new(Ok(cli.data.path().to_path_buf()), None);
    session.open().expect("opens");
    session.switch_encryption(Some("een lang wachtwoord"), false).expect("encrypted");
    let id = session.with(|core| core.dossier_new(&VisitInfo { org: "Team Zuid".into(), ..VisitInfo::default() }));
    let id = id.expect("dossier");
    let (asked, clear) = session
        .with(|core| {
            Ok((
                core.save_as(&Export::Dossier { id: &id, in_the_clear: false })?,
                core.save_as(&Export::Dossier { id: &id, in_the_clear: true })?,
            ))
        })
        .expect("asks");
    assert_eq!((asked.kind, asked.file_name.as_str()), (FileKind::DOSSIER_ENCRYPTED, "dossier-team-zuid.keuzehulp"));
    assert_eq!(clear.kind, FileKind::DOSSIER);
    // What is written is what the dialog said.
    let encrypted = cli.out.path().join(&asked.file_name);
    let plain = cli.out.path().join(&clear.file_name);
    session.with(|core| core.dossier_export(&id, &encrypted, false, false, true)).expect("exported");
    session.with(|core| core.dossier_export(&id, &plain, true, false, true)).expect("exported");
    let bytes = std::fs::read(&encrypted).expect("written");
    assert!(!bytes.windows(9).any(|w| w == b"Team Zuid"), "the encrypted file shows no dossier text");
    assert!(std::fs::read_to_string(&plain).expect("written").contains("Team Zuid"));
}

#[test]
fn a_blank_field_is_treated_as_not_given() {
    let cli = Cli::new();
    let mut core = open(&cli);
    let id = new_dossier(&mut core, "Zorg & Co");
    new_dossier(&mut core, "Bouw BV");

    // An empty search lists every dossier, as no search does.
    assert_eq!(core.dossiers(Some("   ")).expect("list").len(), 2);
    assert_eq!(core.dossiers(Some(" bouw ")).expect("list").len(), 1, "blanks around a word are not searched for");
    // A blank reason is no reason.
    core.dossier_shortlist(&id, "pico", Some("  ")).expect("chosen");
    assert_eq!(core.dossier(&id).expect("dossier").shortlist[0].why, None);
    // A blank day is no day: the follow-up visit is today, the practice counts cover all.
    let next = core.dossier_follow_up(&id, Some("")).expect("follow-up");
    let visit = core.dossier(&next.id).expect("next visit").info.visit_date;
    assert_eq!(visit.as_deref(), Some("2026-11-26"));
    assert!(core.practice(Some(" ")).is_ok(), "a blank id asks for every intervention");
    // A blank end of trust is no end.
    let keys = keuzehulp::signing::keygen(&cli.out.path().join("sleutels")).expect("keys");
    let public = std::fs::read_to_string(&keys.public_key).expect("public key");
    let trusted = core.trust_add(&public, "Arbodienst West", Some(" ")).expect("trusted");
    assert_eq!(trusted.valid_until, None);
}

#[test]
fn a_day_crosses_as_yyyy_mm_dd_and_a_day_the_calendar_lacks_is_refused_by_name() {
    let day: Day = serde_json::from_str("\"2027-03-01\"").expect("a day");
    assert_eq!(serde_json::to_string(&day).expect("json"), "\"2027-03-01\"");
    let err = serde_json::from_str::<Day>("\"2026-02-31\"").expect_err("no such day").to_string();
    assert!(err.contains("\"2026-02-31\" is geen bestaande datum"), "{err}");
    assert!(serde_json::from_str::<Day>("\"01-03-2027\"").is_err(), "only YYYY-MM-DD crosses");
}
