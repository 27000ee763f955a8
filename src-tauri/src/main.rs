//! The Keuzehulp desktop program. All logic lives in the `keuzehulp` core; see src/lib.rs.
//! Started as `keuzehulp` (a link of that name) or with `--cli` first (what `keuzehulp.exe`
//! does on Windows), it is the command line instead: one engine per installed program.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match keuzehulp_desktop::command_line(std::env::args_os()) {
        Some(args) => keuzehulp::cli::main_from(args),
        None => {
            keuzehulp_desktop::run();
            std::process::ExitCode::SUCCESS
        }
    }
}
