//! Where files are saved and which file is opened: the system's dialogs, or, for end-to-end
//! tests that cannot click a native dialog, a fixed folder (`KEUZEHULP_FILES_DIR`).
//!
//! The web view never passes a path: the shell asks the user, so a compromised page cannot
//! write or read files of its choosing.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// How save and open locations are chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Files {
    /// Ask the user with the system's file dialogs, and open saved reports with the system viewer.
    Dialogs,
    /// Save under the suggested name in this folder, open its newest matching file, and show
    /// nothing (end-to-end tests).
    Folder(PathBuf),
}

impl Files {
    /// `Folder` when `KEUZEHULP_FILES_DIR` is set, otherwise `Dialogs`.
    pub fn from_env() -> Self {
        match std::env::var_os("KEUZEHULP_FILES_DIR") {
            Some(dir) if !dir.is_empty() => Files::Folder(PathBuf::from(dir)),
            _ => Files::Dialogs,
        }
    }

    /// Where to save a file suggested as `suggested`; `None` when the user cancelled.
    pub fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        suggested: &str,
        kind: &str,
        extensions: &[&str],
    ) -> Option<PathBuf> {
        match self {
            Files::Dialogs => app
                .dialog()
                .file()
                .set_file_name(suggested)
                .add_filter(kind, extensions)
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
            Files::Folder(dir) => Some(dir.join(suggested)),
        }
    }

    /// Which file to open; `None` when the user cancelled.
    pub fn open<R: Runtime>(&self, app: &AppHandle<R>, kind: &str, extensions: &[&str]) -> Option<PathBuf> {
        match self {
            Files::Dialogs => {
                app.dialog().file().add_filter(kind, extensions).blocking_pick_file().and_then(|p| p.into_path().ok())
            }
            Files::Folder(dir) => newest_with_extension(dir, extensions),
        }
    }

    /// Opens a saved file with the system's viewer; a failure to do so is not an error (the
    /// file is saved, and the user can open it by hand).
    pub fn show<R: Runtime>(&self, app: &AppHandle<R>, path: &Path) {
        if let Files::Dialogs = self
            && let Err(err) = app.opener().open_path(path.display().to_string(), None::<&str>)
        {
            eprintln!("keuzehulp: kan {} niet openen met het standaardprogramma: {err}", path.display());
        }
    }
}

fn newest_with_extension(dir: &Path, extensions: &[&str]) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)))
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .max()
        .map(|(_, path)| path)
}

/// A file-name-safe form of an organisation's name: lower case letters and digits joined by
/// hyphens ("Zorg & Welzijn B.V." → "zorg-welzijn-b-v").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() { "dossier".into() } else { trimmed.chars().take(60).collect() }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Zorg & Welzijn B.V."), "zorg-welzijn-b-v");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("   "), "dossier");
        assert_eq!(slug("Café Één"), "café-één");
    }
}
