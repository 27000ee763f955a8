//! The `keuzehulp` command-line program: parses arguments and hands over to the core.

fn main() -> std::process::ExitCode {
    keuzehulp::cli::main()
}
