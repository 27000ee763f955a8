//! Reading a file a person names (a pack, its signature, an update's `index.json`, a
//! dossier file, a key): only a regular file is opened, since opening a named pipe waits
//! for a writer that may never come and a device may never end; at most a stated number of
//! bytes is read; and text may start with a UTF-8 byte order mark, as Windows editors write.

use std::io::Read as _;
use std::path::Path;

use crate::error::{Error, Result};

/// What a person typed in a field that may be left empty: `None` when it is missing or only
/// blanks, else the text without the blanks around it. Every optional text a face passes in
/// goes through here, so an empty field means "not given" the same way on every face.
pub fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

/// Opens `path` for reading when it is a regular file (a link to one counts); a folder, a
/// device or a pipe is [`Error::NotAFile`], without opening it.
pub fn open_regular(path: &Path) -> Result<std::fs::File> {
    let read = |source| Error::Read { path: path.to_path_buf(), source };
    let not_a_file = || Error::NotAFile { path: path.to_path_buf() };
    if !std::fs::metadata(path).map_err(read)?.is_file() {
        return Err(not_a_file());
    }
    let file = std::fs::File::open(path).map_err(read)?;
    // The name may point elsewhere by now: look at what was opened.
    if !file.metadata().map_err(read)?.is_file() {
        return Err(not_a_file());
    }
    Ok(file)
}

/// The bytes of the regular file `path`, when there are at most `limit`; otherwise
/// `too_big(size)` (the size as announced, or `limit + 1` for a file that grew while read).
pub fn read_limited(path: &Path, limit: u64, too_big: impl FnOnce(u64) -> Error) -> Result<Vec<u8>> {
    let file = open_regular(path)?;
    let read = |source| Error::Read { path: path.to_path_buf(), source };
    let size = file.metadata().map_err(read)?.len();
    if size > limit {
        return Err(too_big(size));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(read)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// `text` without a leading UTF-8 byte order mark (U+FEFF).
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read_and_only_up_to_the_limit() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("pakket.json");
        std::fs::write(&file, b"0123456789").expect("write");
        let too_big = |size| Error::InvalidInput { field: "f".into(), message: format!("{size}") };
        assert_eq!(read_limited(&file, 10, too_big).expect("read"), b"0123456789");
        assert!(matches!(read_limited(&file, 9, too_big), Err(Error::InvalidInput { message, .. }) if message == "10"));
        assert!(matches!(open_regular(dir.path()), Err(Error::NotAFile { .. })));
        assert!(matches!(open_regular(&dir.path().join("er-niet")), Err(Error::Read { .. })));
        assert_eq!(without_bom("\u{feff}{}"), "{}");
        assert_eq!(without_bom("{}"), "{}");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_at_once_instead_of_waited_for() {
        let dir = tempfile::tempdir().expect("dir");
        let fifo = dir.path().join("pakket.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        assert!(matches!(open_regular(&fifo), Err(Error::NotAFile { .. })));
    }
}
