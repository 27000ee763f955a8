//! The Keuzehulp desktop program. All logic lives in the `keuzehulp` core; see src/lib.rs.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    keuzehulp_desktop::run();
}
