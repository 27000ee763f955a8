//! The files Keuzehulp writes and reads through a person's choice: what kind each is (its
//! name in a file dialog and its extensions) and the name a save dialog suggests. The
//! window's shell shows the system's dialogs with exactly these; it decides none of it.

/// A kind of file: how a file dialog names it, and its extensions (the first is the one a
/// new file gets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The name of the kind in the dialog's filter, e.g. "Word-document".
    pub label: &'static str,
    /// Its extensions without the dot, the one a new file gets first.
    pub extensions: &'static [&'static str],
}

impl FileKind {
    /// A dossier file in plain JSON.
    pub const DOSSIER: FileKind = FileKind { label: "Keuzehulp-dossier", extensions: &["json"] };
    /// A dossier file encrypted with the store's passphrase (a SQLCipher file).
    pub const DOSSIER_ENCRYPTED: FileKind =
        FileKind { label: "Versleuteld Keuzehulp-dossier", extensions: &["keuzehulp"] };
    /// A dossier file to import: plain or encrypted.
    pub const DOSSIER_ANY: FileKind = FileKind { label: "Keuzehulp-dossier", extensions: &["json", "keuzehulp"] };
    /// A catalogue pack.
    pub const PACK: FileKind = FileKind { label: "Keuzehulp-pakket", extensions: &["json"] };
    /// A pack of anonymised outcome records.
    pub const SHARE: FileKind = FileKind { label: "Praktijkpakket", extensions: &["json"] };
    /// A file of a questionnaire's answers, scored in memory.
    pub const ANSWERS: FileKind = FileKind { label: "Antwoorden (CSV)", extensions: &["csv", "txt"] };
    /// A publisher's secret key, to sign with.
    pub const SECRET_KEY: FileKind = FileKind { label: "Geheime uitgeverssleutel", extensions: &["key"] };

    /// The extension a new file of this kind gets.
    pub fn extension(&self) -> &'static str {
        self.extensions.first().copied().unwrap_or("")
    }
}

/// What a save dialog asks for: the kind of file, and the name it suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAs {
    /// The kind of file (the dialog's filter).
    pub kind: FileKind,
    /// The suggested file name, with its extension; a safe name (no folder, no odd characters).
    pub file_name: String,
}

impl SaveAs {
    /// `stem` (each part made file-name-safe with [`slug`], joined by hyphens) with the kind's
    /// extension: `SaveAs::new(FileKind::PACK, &["eigen-interventies", "2026-11-26"])`.
    pub fn new(kind: FileKind, parts: &[&str]) -> Self {
        let stem = parts.iter().map(|p| slug(p)).collect::<Vec<_>>().join("-");
        SaveAs { kind, file_name: format!("{stem}.{}", kind.extension()) }
    }
}

/// A file-name-safe form of a name: lower case letters and digits joined by hyphens ("Zorg &
/// Welzijn B.V." → "zorg-welzijn-b-v"), at most 60 characters; "dossier" when nothing is left.
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
    use super::{FileKind, SaveAs, slug};

    #[test]
    fn slugs_are_safe_file_names() {
        assert_eq!(slug("Zorg & Welzijn B.V."), "zorg-welzijn-b-v");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("   "), "dossier");
        assert_eq!(slug("Café Één"), "café-één");
        assert_eq!(slug(&"a".repeat(100)).len(), 60);
    }

    #[test]
    fn a_suggested_name_joins_safe_parts_with_the_kinds_extension() {
        let save = SaveAs::new(FileKind::DOSSIER_ENCRYPTED, &["dossier", "Zorg/Welzijn"]);
        assert_eq!(save.file_name, "dossier-zorg-welzijn.keuzehulp");
        assert_eq!(
            SaveAs::new(FileKind::PACK, &["eigen-interventies", "2026-11-26"]).file_name,
            "eigen-interventies-2026-11-26.json"
        );
    }
}
