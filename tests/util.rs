//! Shared helpers for the integration tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `keuzehulp` binary with a fresh, private data directory.
pub struct Cli {
    pub data: tempfile::TempDir,
}

impl Cli {
    pub fn new() -> Self {
        Cli { data: tempfile::tempdir().expect("temp dir") }
    }

    /// A command with `--data-dir` set to this test's directory.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("keuzehulp").expect("binary built");
        cmd.env_remove("KEUZEHULP_DATA_DIR").arg("--data-dir").arg(self.data.path());
        cmd
    }

    /// Runs with `--json`, expects success, parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let output = self.cmd().args(args).arg("--json").output().expect("runs");
        assert!(output.status.success(), "keuzehulp {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice(&output.stdout).expect("valid JSON on stdout")
    }
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
