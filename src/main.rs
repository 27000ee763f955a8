//! The `keuzehulp` command-line program: parses arguments and hands over to the core.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
