//! Start-up marks for `tests/e2e/measure.mjs`: with `KEUZEHULP_STARTUP_MARKS=FILE` set, each
//! moment the program reaches on its way to the first screen is appended to FILE as a
//! "name milliseconds-since-1970" line, so the bench can say where the time goes (process
//! start → `main` → Tauri's setup → the store open; the page adds its own
//! `performance.mark`s). Without the variable nothing is done; a mark that cannot be
//! written is dropped, never an error for the user.

use std::io::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

/// The variable naming the marks file.
pub const MARKS_ENV: &str = "KEUZEHULP_STARTUP_MARKS";

/// Appends the mark `name` with the time now, when the bench asked for marks.
pub fn mark(name: &str) {
    if let Some(path) = std::env::var_os(MARKS_ENV) {
        mark_to(std::path::Path::new(&path), name);
    }
}

/// Appends the mark `name` with the time now to `path`.
fn mark_to(path: &std::path::Path, name: &str) {
    let ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    let file = std::fs::OpenOptions::new().create(true).append(true).open(path);
    let _ = file.and_then(|mut f| writeln!(f, "{name} {ms:.1}"));
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_are_lines_of_a_name_and_a_time_in_the_file_named() {
        let file = std::env::temp_dir().join(format!("keuzehulp-marks-{}.txt", std::process::id()));
        let _ = std::fs::remove_file(&file);
        super::mark_to(&file, "main");
        super::mark_to(&file, "store-open");
        let text = std::fs::read_to_string(&file).expect("marks written");
        let _ = std::fs::remove_file(&file);
        let names: Vec<&str> = text.lines().filter_map(|l| l.split(' ').next()).collect();
        assert_eq!(names, ["main", "store-open"]);
        let times: Vec<f64> = text.lines().filter_map(|l| l.split(' ').nth(1)?.parse().ok()).collect();
        assert!(times.len() == 2 && times[0] > 1.7e12 && times[1] >= times[0], "{text}");
    }
}
