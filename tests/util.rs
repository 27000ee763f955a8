//! Shared helpers for the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `keuzehulp` binary with a fresh, private data directory, and a folder outside it for
/// the files commands write (Keuzehulp never writes over a file in its data directory).
pub struct Cli {
    pub data: tempfile::TempDir,
    pub out: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Self {
        Cli { data: tempfile::tempdir().expect("temp dir"), out: tempfile::tempdir().expect("temp dir") }
    }

    /// A command with `--data-dir` set to this test's directory.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("keuzehulp").expect("binary built");
        cmd.env_remove("KEUZEHULP_DATA_DIR").arg("--data-dir").arg(self.data.path());
        cmd
    }

    /// Runs with `--json`, expects success, parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let output = self.cmd().args(args).arg("--json").run();
        assert!(output.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
    }
}

/// Runs `start` and returns its output. Under wine (the Windows run of these tests), starting
/// a process now and then fails with ERROR_INTERNAL_ERROR (1359) when the machine is busy;
/// that start, never the command's own result, is tried again, up to three times.
fn started(mut start: impl FnMut() -> std::io::Result<std::process::Output>) -> std::process::Output {
    const ERROR_INTERNAL_ERROR: i32 = 1359;
    for _ in 0..3 {
        match start() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(ERROR_INTERNAL_ERROR) => {
                std::thread::sleep(std::time::Duration::from_millis(250));
            }
            result => return result.expect("runs"),
        }
    }
    start().expect("runs")
}

/// Runs a command to completion and returns its output, with a start that failed under wine
/// tried again (see [`started`]): what every test that runs a program calls.
pub trait Run {
    fn run(&mut self) -> std::process::Output;
}

impl Run for Command {
    fn run(&mut self) -> std::process::Output {
        started(|| self.output())
    }
}

impl Run for std::process::Command {
    fn run(&mut self) -> std::process::Output {
        started(|| self.output())
    }
}

/// SQL that takes a store back from schema 8 (the evaluation loop) to 7, as an older
/// Keuzehulp left it; the migration tests of earlier steps run it first.
pub const BACK_TO_VERSION_7: &str = "DROP TABLE shared_outcomes; DROP TABLE instruments; \
     DROP TABLE evaluation_indicators; DROP TABLE evaluations; \
     ALTER TABLE measurement_values DROP COLUMN past_cutoff; ALTER TABLE measurements DROP COLUMN carried_from; \
     ALTER TABLE measurements DROP COLUMN invited; ALTER TABLE plan_items DROP COLUMN carried_to; \
     ALTER TABLE plan_items DROP COLUMN carried_from_item; ALTER TABLE plan_items DROP COLUMN carried_from; \
     DROP INDEX dossiers_by_traject; ALTER TABLE dossiers DROP COLUMN follows; ALTER TABLE dossiers DROP COLUMN traject; \
     PRAGMA user_version = 7;";

/// One part of a zip file (a .docx's `word/document.xml`), read in this process so that the
/// Windows run under wine checks it too.
pub fn zip_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut archive = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{} is a zip: {e}", path.display()));
    let mut entry = archive.by_name(part).unwrap_or_else(|e| panic!("{part} in {}: {e}", path.display()));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap_or_else(|e| panic!("{part} is UTF-8: {e}"));
    text
}

/// The repository's data/ directory.
pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of data/ in a temporary directory, to break on purpose.
pub fn copy_of_data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&data_dir(), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
