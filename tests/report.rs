//! The advice report: what it must hold, escaping of every text, and a path that cannot be
//! written.

use crate::util::Cli;

fn visit(cli: &Cli) -> String {
    let id = cli.json(&[
        "dossier",
        "new",
        "--org",
        "Zorggroep <script>alert(1)</script>",
        "--sector",
        "zorg-vvt",
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
        "--have",
        "open-spreekuur-bedrijfsarts",
    ]);
    cli.json(&[
        "dossier",
        "shortlist",
        &id,
        "regelmogelijkheden-autonomie",
        "--why",
        "Inspraak in het rooster <b>nu</b>",
    ]);
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
        "--evaluate-on",
        "2027-03-01",
        "--evaluation",
        "Teamgesprek",
    ]);
    id
}

#[test]
fn the_html_report_holds_what_the_leidraad_asks_and_escapes_every_text() {
    let cli = Cli::new();
    let id = visit(&cli);
    let path = cli.data.path().join("rapport.html");
    cli.json(&["report", &id, "--format", "html", "-o", path.to_str().expect("path")]);
    let html = std::fs::read_to_string(&path).expect("report written");
    for wanted in [
        "Het bezoek",
        "De antwoorden",
        "Aanbevolen interventies",
        "Meer regelmogelijkheden en autonomie",
        "Wat u eraan hebt",
        "Wat het inhoudt",
        "Bewijs",
        // What no source gives is named once, not as a row of "niet bekend" each.
        "Niet bekend",
        "tijd, kosten, privacy, ontwikkelaar, website",
        "past bij stap B2: hanteerbare werkdruk",
        "Aanbod-scan",
        "ontbreekt",
        "Actieplan",
        "Pilot zelfroosteren",
        "Teamgesprek",
        "Bronnen",
        "catalogusversie",
        "A. de Vries",
        "@page{size:A4",
    ] {
        assert!(html.contains(wanted), "the report holds {wanted:?}");
    }
    // Dates for people read day first, as in the window; never the ISO form.
    assert!(html.contains("bezoek op 20-11-2026"), "the visit date as dd-mm-jjjj");
    assert!(html.contains("01-03-2027"), "the evaluation date as dd-mm-jjjj");
    assert!(!html.contains("2026-11-20") && !html.contains("2027-03-01"), "no ISO date in the report");
    assert!(!html.contains("<script>alert(1)"), "user text is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Inspraak in het rooster &lt;b&gt;nu&lt;/b&gt;"));
}

#[test]
fn the_markdown_report_holds_the_plan_and_the_choices() {
    let cli = Cli::new();
    let id = visit(&cli);
    let path = cli.data.path().join("rapport.md");
    cli.json(&["report", &id, "--format", "md", "-o", path.to_str().expect("path")]);
    let text = std::fs::read_to_string(&path).expect("report written");
    assert!(text.starts_with("# Adviesrapport: Zorggroep \\<script\\>"), "{}", &text[..80]);
    assert!(text.contains("| Meer regelmogelijkheden en autonomie | Pilot zelfroosteren | Teamleider |"));
    assert!(text.contains("**Waarom gekozen:** Inspraak in het rooster \\<b\\>nu\\</b\\>"));
    assert!(text.contains("**Datum van het bezoek:** 20-11-2026"), "the visit date as dd-mm-jjjj");
    assert!(text.contains("| 01-03-2027 |"), "the evaluation date as dd-mm-jjjj in the plan");
}

#[test]
fn a_report_path_that_cannot_be_written_is_named_and_the_dossier_is_untouched() {
    let cli = Cli::new();
    let id = visit(&cli);
    let before = cli.json(&["dossier", "show", &id]);
    let path = cli.data.path().join("bestaat-niet").join("rapport.html");
    let out = cli.cmd().args(["report", &id, "--format", "html", "-o"]).arg(&path).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(&path.display().to_string()));
    assert_eq!(cli.json(&["dossier", "show", &id]), before);
}

#[test]
fn the_pdf_report_is_a_real_a4_pdf_with_the_text_in_it() {
    let cli = Cli::new();
    let id = visit(&cli);
    let path = cli.data.path().join("rapport.pdf");
    cli.json(&["report", &id, "--format", "pdf", "-o", path.to_str().expect("path")]);
    let bytes = std::fs::read(&path).expect("report written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    // Every page is A4 (595.28 × 841.89 pt), read off the page objects.
    let text = String::from_utf8_lossy(&bytes);
    let pages: Vec<&str> = text.match_indices("/MediaBox [").map(|(i, _)| text.get(i..i + 40).unwrap_or("?")).collect();
    assert!(
        !pages.is_empty() && pages.iter().all(|p| p.starts_with("/MediaBox [0 0 595.2756 841.8898]")),
        "A4 pages: {pages:?}"
    );
    // The text is compressed in the PDF: poppler's pdftotext reads it. poppler-utils is a
    // Linux package (scripts/setup.sh --test); where this test runs for Windows under wine,
    // the Windows side cannot start it, and the page size above is what is checked there.
    if cfg!(windows) {
        return;
    }
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, installed by scripts/setup.sh --test)");
    let text = String::from_utf8_lossy(&out.stdout);
    for wanted in
        ["ADVIESRAPPORT", "Zorggroep <script>alert(1)</script>", "Pilot zelfroosteren", "Wat u eraan hebt", "privacy"]
    {
        assert!(text.contains(wanted), "the PDF shows {wanted:?}: {text}");
    }
}

#[test]
fn a_note_about_the_users_own_role_is_shown_to_the_user_but_not_printed_for_the_client() {
    let cli = Cli::new();
    let id = cli.json(&["dossier", "new", "--org", "Bouwbedrijf Noord"])["id"].as_str().expect("id").to_string();
    // The leidraad does not address arboprofessionals at step A (data/steps/A.toml).
    cli.json(&["dossier", "answer", &id, "--role", "arboprofessional", "--level", "organisatie", "--step", "A"]);
    let advice = cli.json(&["advise", "--role", "arboprofessional", "--level", "organisatie", "--step", "A"]);
    let user_notes: Vec<&str> =
        advice["user_notes"].as_array().expect("user_notes").iter().filter_map(|n| n.as_str()).collect();
    assert!(user_notes.iter().any(|n| n.contains("richt zich bij stap A niet op")), "{advice}");
    let dir = tempfile::tempdir().expect("dir");
    for format in ["html", "md"] {
        let path = dir.path().join(format!("rapport.{format}"));
        cli.json(&["report", &id, "--format", format, "-o", path.to_str().expect("utf-8")]);
        let text = std::fs::read_to_string(&path).expect("report written");
        assert!(text.contains("Bouwbedrijf Noord"), "{format}");
        assert!(!text.contains("richt zich bij stap"), "{format}: the note about the user's role is in the report");
    }
}
