//! The `keuzehulp` command-line program: the core's command line (`keuzehulp::cli`) on its own,
//! without the window. The installed packages ship one engine: the window program answers the
//! command line too (see `keuzehulp_desktop::command_line`).

fn main() -> std::process::ExitCode {
    keuzehulp::cli::main()
}
