//! The façade's conversations: the guides (`conversation list|show`), a printable sheet of a
//! guide for a paper session, a conversation's answers into a dossier (`dossier talk`, from a
//! file or from the window), taking one out again, and a dossier's conversations as the
//! window and the report show them.

use std::path::{Path, PathBuf};

use super::Keuzehulp;
use crate::advisor::Answers;
use crate::catalogue::conversation::{Conversations, Guide};
use crate::catalogue::validate::Problem;
use crate::dossier::talk::{self, MAX_ANSWERS_BYTES, TalkInput, TalkOutcome, TalkSummary};
use crate::error::{Error, Result};
use crate::report::{self, SheetFormat};

/// How the window's answers are named in an error (they come from no file).
const FROM_WINDOW: &str = "het venster";

impl Keuzehulp {
    /// The conversation guides (team, team leader, worker) and the references they cite.
    pub fn conversation_guides(&self) -> Result<&Conversations> {
        if let Some(guides) = self.guides.get() {
            return Ok(guides);
        }
        let guides = crate::catalogue::conversations()?;
        Ok(self.guides.get_or_init(|| guides))
    }

    /// One guide by id; an unknown id names the known ones.
    pub fn conversation_guide(&self, id: &str) -> Result<&Guide> {
        let guides = self.conversation_guides()?;
        guides.guide(id).ok_or_else(|| Error::UnknownValue {
            what: "gespreksleidraad",
            value: id.to_string(),
            allowed: guides.guides.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", "),
        })
    }

    /// Stores a conversation's answers in dossier `id`: checked against the guide as a
    /// whole first, so one problem stores nothing (every problem named on its field). The
    /// themes rated 1 or 2 become the dossier's answers (see [`talk::steer`]).
    pub fn dossier_talk(&mut self, id: &str, input: &TalkInput) -> Result<TalkOutcome> {
        // An unknown dossier, or one in the trash, is named before the answers are.
        self.store.dossier(id)?;
        self.talk_from(id, input, Path::new(FROM_WINDOW))
    }

    /// [`Keuzehulp::dossier_talk`] with the answers read from a JSON file (`dossier talk
    /// --guide G --answers FILE.json`): at most [`MAX_ANSWERS_BYTES`], named in every error.
    /// With `guide`, the file's `guide` must be that one.
    pub fn dossier_talk_file(&mut self, id: &str, guide: Option<&str>, path: &Path) -> Result<TalkOutcome> {
        self.store.dossier(id)?;
        let input = read_answers(path)?;
        if let Some(guide) = guide
            && guide != input.guide
        {
            self.conversation_guide(guide)?;
            return Err(Error::InvalidAnswers {
                path: path.to_path_buf(),
                problems: vec![Problem {
                    file: path.display().to_string(),
                    field: "guide".into(),
                    message: format!("het bestand is voor \"{}\", maar --guide zegt \"{guide}\"", input.guide),
                }],
            });
        }
        self.talk_from(id, &input, path)
    }

    fn talk_from(&mut self, id: &str, input: &TalkInput, path: &Path) -> Result<TalkOutcome> {
        let guides = self.conversation_guides()?.clone();
        let checked = talk::check(input, &guides).map_err(|problems| Error::InvalidAnswers {
            path: path.to_path_buf(),
            problems: problems
                .into_iter()
                .map(|(field, message)| Problem { file: path.display().to_string(), field, message })
                .collect(),
        })?;
        self.store.dossier_talk(id, &checked, &guides)
    }

    /// Takes conversation `conversation` out of dossier `id` (a wrong entry); the answers
    /// follow the conversations that remain. Answers the dossier's answers.
    pub fn dossier_untalk(&mut self, id: &str, conversation: i64) -> Result<Answers> {
        let guides = self.conversation_guides()?.clone();
        self.store.dossier_untalk(id, conversation, &guides)
    }

    /// Dossier `id`'s conversations as the window shows them: the ratings per theme for the
    /// chart, the notes (confidential ones marked), where a team leader's and a team's views
    /// differ most, and the themes the advice now takes from them.
    pub fn talk_summary(&self, id: &str) -> Result<TalkSummary> {
        let dossier = self.store.dossier(id)?;
        Ok(talk::summary(&dossier.conversations, self.conversation_guides()?))
    }

    /// Writes the printable A4 sheet of guide `guide` (its questions, follow-ups, a rating row
    /// and room for notes per theme) for a paper session, as `html` or `pdf`. An existing file
    /// stays unless `replace`; nothing is written over Keuzehulp's own files in the data
    /// directory.
    pub fn conversation_sheet(&self, guide: &str, format: SheetFormat, path: &Path, replace: bool) -> Result<()> {
        self.check_output(path, replace)?;
        let guides = self.conversation_guides()?;
        let guide = self.conversation_guide(guide)?;
        let sheet =
            report::talk::Sheet::new(guide, guides, &self.bundled.taxonomy, &self.today(), super::PROGRAM_VERSION);
        let bytes = match format {
            SheetFormat::Html => report::talk::sheet_html(&sheet).into_bytes(),
            SheetFormat::Pdf => report::talk::sheet_pdf(&sheet)?,
        };
        crate::replace::write_new(path, &bytes, replace)
    }
}

/// Reads an answers file: bounded, UTF-8, JSON in the shape of [`TalkInput`].
fn read_answers(path: &Path) -> Result<TalkInput> {
    use std::io::Read as _;
    let read = |source| Error::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(read)?;
    let invalid = |field: &str, message: String| Error::InvalidAnswers {
        path: PathBuf::from(path),
        problems: vec![Problem { file: path.display().to_string(), field: field.into(), message }],
    };
    let mut bytes = Vec::new();
    file.take(MAX_ANSWERS_BYTES + 1).read_to_end(&mut bytes).map_err(read)?;
    if bytes.len() as u64 > MAX_ANSWERS_BYTES {
        return Err(invalid(
            "bestand",
            format!("groter dan {} kB; een antwoordenbestand is veel kleiner", MAX_ANSWERS_BYTES / 1000),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        invalid("bestand", format!("geen geldige UTF-8-tekst (byte {})", e.utf8_error().valid_up_to() + 1))
    })?;
    serde_json::from_str(&text).map_err(|e| {
        invalid(
            &format!("{}:{}", e.line(), e.column()),
            format!(
                "niet de vorm van gespreksantwoorden ({e}); verwacht {{\"guide\", \"date\", \"present\", \"themes\": [{{\"theme\", \"rating\", \"note\"}}]}}"
            ),
        )
    })
}
