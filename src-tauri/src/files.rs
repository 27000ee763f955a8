//! Where files are saved and which file is opened: the system's dialogs, or, for end-to-end
//! tests that cannot click a native dialog, a fixed folder (`KEUZEHULP_FILES_DIR`).
//!
//! The web view never passes a path: the shell asks the user, so a compromised page cannot
//! write or read files of its choosing. What the dialog asks (the kind of file, its
//! extensions, the suggested name) comes from the core ([`keuzehulp::files`]).

use std::path::{Path, PathBuf};

use keuzehulp::files::{FileKind, SaveAs};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

/// How save and open locations are chosen.
#[derive(Debug, Clone)]
pub enum Files {
    /// Ask the user with the system's file dialogs, and open saved reports with the system viewer.
    Dialogs,
    /// Save under the suggested name in this folder, open its newest matching file, and show
    /// nothing (end-to-end tests).
    Folder(PathBuf),
    /// As `Folder`, and every dialog that would have been shown is written down (tests).
    #[cfg(test)]
    Recording(PathBuf, std::sync::Arc<std::sync::Mutex<Vec<Asked>>>),
}

/// A dialog the shell would have shown (tests): the kind's label, its extensions, and the
/// suggested name of a save dialog.
#[cfg(test)]
pub type Asked = (String, Vec<String>, Option<String>);

impl Files {
    /// `Folder` when `KEUZEHULP_FILES_DIR` is set, otherwise `Dialogs`.
    pub fn from_env() -> Self {
        match std::env::var_os("KEUZEHULP_FILES_DIR") {
            Some(dir) if !dir.is_empty() => Files::Folder(PathBuf::from(dir)),
            _ => Files::Dialogs,
        }
    }

    /// Where to save the file `save` describes; `None` when the user cancelled.
    pub fn save<R: Runtime>(&self, app: &AppHandle<R>, save: &SaveAs) -> Option<PathBuf> {
        match self {
            Files::Dialogs => app
                .dialog()
                .file()
                .set_file_name(&save.file_name)
                .add_filter(save.kind.label, save.kind.extensions)
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
            Files::Folder(dir) => Some(dir.join(&save.file_name)),
            #[cfg(test)]
            Files::Recording(dir, asked) => {
                asked.lock().ok()?.push(asked_for(save.kind, Some(&save.file_name)));
                Some(dir.join(&save.file_name))
            }
        }
    }

    /// Which file of `kind` to open; `None` when the user cancelled.
    pub fn open<R: Runtime>(&self, app: &AppHandle<R>, kind: FileKind) -> Option<PathBuf> {
        match self {
            Files::Dialogs => app
                .dialog()
                .file()
                .add_filter(kind.label, kind.extensions)
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok()),
            Files::Folder(dir) => newest_with_extension(dir, kind.extensions),
            #[cfg(test)]
            Files::Recording(dir, asked) => {
                asked.lock().ok()?.push(asked_for(kind, None));
                newest_with_extension(dir, kind.extensions)
            }
        }
    }

    /// Opens a saved file with the system's viewer; a failure to do so is not an error (the
    /// file is saved, and the user can open it by hand).
    pub fn show<R: Runtime>(&self, app: &AppHandle<R>, path: &Path) {
        if matches!(self, Files::Dialogs)
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

#[cfg(test)]
fn asked_for(kind: FileKind, name: Option<&str>) -> Asked {
    (kind.label.into(), kind.extensions.iter().map(|e| e.to_string()).collect(), name.map(Into::into))
}
