//! Where a record in the store came from: bundled with the program, or imported from a pack
//! (and then by which publisher, in which version). The store keeps it; `view` shows it.

/// Where a record came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Bundled with the program.
    Bundled,
    /// Imported by the user from a pack.
    Imported,
}

impl Origin {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Origin::Bundled => "bundled",
            Origin::Imported => "imported",
        }
    }
}

/// What an imported pack says about itself, kept with each of its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackOrigin {
    /// The publisher whose trusted key signed the pack; `None` for an unsigned pack ("eigen").
    pub publisher: Option<String>,
    /// The pack's own version.
    pub version: Option<String>,
    /// The pack's own date.
    pub date: Option<String>,
}

/// Where a stored record came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredOrigin {
    /// Bundled or imported.
    pub origin: Origin,
    /// For an imported record: its pack.
    pub pack: PackOrigin,
}
