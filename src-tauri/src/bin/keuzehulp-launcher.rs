//! `keuzehulp.exe` in the Windows installer: the command line, answered by the window program
//! beside it (`keuzehulp-desktop.exe --cli …`), so the installer carries the engine once.
//! Windows gives a window program no console of its own; this small console program has one,
//! hands its standard input, output and error to the engine, waits, and passes on its exit
//! code. A Ctrl+C stops this program; the engine finishes the one command it was given.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let engine = std::env::current_exe()
        .ok()
        .and_then(|me| me.parent().map(PathBuf::from))
        .map(|dir| dir.join(if cfg!(windows) { "keuzehulp-desktop.exe" } else { "keuzehulp-desktop" }));
    let Some(engine) = engine else {
        eprintln!("keuzehulp: de map van dit programma is niet te vinden");
        return ExitCode::from(1);
    };
    match Command::new(&engine).arg("--cli").args(std::env::args_os().skip(1)).status() {
        Ok(status) => ExitCode::from(status.code().and_then(|code| u8::try_from(code).ok()).unwrap_or(1)),
        Err(err) => {
            eprintln!("keuzehulp: {} kan niet worden gestart ({err}); installeer Keuzehulp opnieuw", engine.display());
            ExitCode::from(1)
        }
    }
}
