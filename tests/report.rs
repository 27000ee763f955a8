//! The advice report: what it must hold, escaping of every text, and a path that cannot be
//! written.

use crate::util::Cli;
use crate::util::Run;

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
        "helpt bij: hanteerbare werkdruk",
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
    let out = cli.cmd().args(["report", &id, "--format", "html", "-o"]).arg(&path).run();
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
    assert!(user_notes.iter().any(|n| n.contains("richt zich bij ‘directie geeft het goede voorbeeld")), "{advice}");
    let dir = tempfile::tempdir().expect("dir");
    for format in ["html", "md"] {
        let path = dir.path().join(format!("rapport.{format}"));
        cli.json(&["report", &id, "--format", format, "-o", path.to_str().expect("utf-8")]);
        let text = std::fs::read_to_string(&path).expect("report written");
        assert!(text.contains("Bouwbedrijf Noord"), "{format}");
        assert!(!text.contains("richt zich bij"), "{format}: the note about the user's role is in the report");
    }
}

/// The report's text as a reader sees it, per format: HTML without tags, Markdown without
/// escapes, Word's paragraphs (read from the zip with unzip), the PDF through pdftotext.
#[cfg(not(windows))]
pub(crate) fn report_text(cli: &Cli, id: &str, format: &str) -> String {
    let path = cli.data.path().join(format!("rapport.{format}"));
    cli.json(&["report", id, "--format", format, "-o", path.to_str().expect("utf-8"), "--force"]);
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program).args(args).arg(&path).args(["-"]).output().expect(program);
        assert!(out.status.success(), "{program}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let without_tags = |text: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in text.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push('\n');
                }
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
    };
    match format {
        "html" => without_tags(&std::fs::read_to_string(&path).expect("written")),
        "md" => std::fs::read_to_string(&path).expect("written").replace('\\', "").replace("**", ""),
        "docx" => {
            let out = std::process::Command::new("unzip").arg("-p").arg(&path).arg("word/document.xml").output();
            without_tags(&String::from_utf8(out.expect("unzip").stdout).expect("utf-8").replace("</w:p>", "\n<x>"))
        }
        _ => run("pdftotext", &[]),
    }
}

// pandoc, unzip and pdftotext are Linux packages (scripts/setup.sh --test); under wine the
// Windows side cannot start them.
#[cfg(not(windows))]
#[test]
fn every_report_format_shows_the_same_visit_facts_and_plan_rows() {
    let cli = Cli::new();
    let id = cli.json(&[
        "dossier",
        "new",
        "--org",
        "Bouwbedrijf Zuid",
        "--sector",
        "industrie",
        "--size",
        "50-249",
        "--department",
        "Werkplaats",
        "--date",
        "2026-11-20",
        "--contact-name",
        "Jansen",
        "--contact-role",
        "Preventiemedewerker",
        "--professional",
        "Vries",
    ])["id"]
        .as_str()
        .expect("id")
        .to_string();
    for (what, start) in [("Zelfroosteren", Some("2027-01-10")), ("Buddygesprek", None)] {
        let mut args = vec!["dossier", "plan", &id, "--intervention", "buddysysteem", "--what", what];
        args.extend(["--who", "Teamleider", "--evaluate-on", "2027-03-01", "--evaluation", "Teamgesprek"]);
        if let Some(start) = start {
            args.extend(["--start", start]);
        }
        cli.json(&args);
    }
    let visit = [
        ("Organisatie", "Bouwbedrijf Zuid"),
        ("Sector", "Industrie"),
        ("Grootte", "50-249"),
        ("Afdeling of team", "Werkplaats"),
        ("Datum van het bezoek", "20-11-2026"),
        ("Contactpersoon", "Jansen"),
        ("Rol contactpersoon", "Preventiemedewerker"),
        ("Adviseur", "Vries"),
    ];
    let rows = [
        ["Buddysysteem", "Zelfroosteren", "Teamleider", "10-01-2027", "01-03-2027", "Teamgesprek", "gepland"],
        ["Buddysysteem", "Buddygesprek", "Teamleider", "niet bekend", "01-03-2027", "Teamgesprek", "gepland"],
    ];
    for format in ["html", "md", "docx", "pdf"] {
        let text = report_text(&cli, &id, format);
        let visit_section =
            &text[text.find("Het bezoek").expect("visit")..text.find("De antwoorden").expect("answers")];
        for (label, value) in visit {
            assert!(visit_section.contains(label), "{format}: the visit fact {label:?}: {visit_section}");
            assert!(visit_section.contains(value), "{format}: the visit fact {label:?} = {value:?}: {visit_section}");
        }
        // The action plan's own section: up to the plan van aanpak, which repeats its facts.
        let end = text.find("Plan van aanpak (RI").expect("plan van aanpak");
        let plan = &text[text[..end].rfind("Actieplan").expect("action plan")..end];
        for row in &rows {
            // Each row's cells in order (a line of the Markdown table, or cells one after another).
            let mut rest = plan.find(row[1]).map(|i| &plan[i..]).unwrap_or_else(|| panic!("{format}: {row:?}: {plan}"));
            for cell in &row[1..] {
                let at = rest.find(cell).unwrap_or_else(|| panic!("{format}: {cell:?} of {row:?}: {plan}"));
                rest = &rest[at + cell.len()..];
            }
            assert!(plan.contains(row[0]), "{format}: {plan}");
        }
    }
}
