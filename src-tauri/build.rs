//! Build script of the desktop shell: generates Tauri's context and the permission for each
//! command the UI may call (`allow-<command>`); capabilities/default.json grants them.

/// The commands the front end calls. Keep in step with `generate_handler!` in src/lib.rs
/// and with capabilities/default.json.
const COMMANDS: &[&str] = &[
    "catalogue_summary",
    "taxonomy",
    "tree",
    "search",
    "intervention",
    "advise",
    "dossiers",
    "dossier",
    "dossier_new",
    "dossier_update",
    "dossier_answer",
    "dossier_shortlist",
    "dossier_unshortlist",
    "dossier_note",
    "dossier_plan",
    "dossier_duplicate",
    "dossier_delete",
    "dossier_trash",
    "dossier_undelete",
    "dossier_erase",
    "dossier_export",
    "dossier_import",
    "report_save",
    "plan_export",
    "conversation_guides",
    "dossier_talk",
    "dossier_untalk",
    "talk_summary",
    "conversation_sheet_save",
    "backups",
    "backup_create",
    "backup_restore",
    "unlock",
    "encryption_status",
    "encryption_set",
    "pack_preview",
    "pack_import",
    "catalogue_remove",
    "trust_list",
    "trust_add",
    "trust_remove",
    "update_from",
    "own_records",
    "own_save",
    "own_export",
    "instruments",
    "dossier_measure",
    "dossier_measure_file",
    "dossier_unmeasure",
    "dossier_follow_up",
    "traject",
    "before_after",
    "evaluation_draft",
    "dossier_evaluate",
    "evaluation_advice",
    "practice",
    "share_export",
    "share_import",
    "share_import_file",
];

fn main() {
    let attributes = tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {err:#}");
        std::process::exit(1);
    }
}
