#!/usr/bin/env bash
# Installs what Keuzehulp needs on Debian 12 / Ubuntu and is not there yet. Idempotent:
# a second run installs nothing. Sourced by scripts/run.sh and scripts/test.sh.
#   setup.sh          what the desktop program needs to build and run
#   setup.sh --test     also what the tests need (Xvfb, WebKitWebDriver, tauri-driver, cargo-audit; pandoc
#                       and unzip read the Word report back; mingw-w64 + wine for the core's
#                       tests on Windows)
#   setup.sh --package  also what scripts/package.sh needs (dpkg-dev, mingw-w64, NSIS, 7-Zip;
#                       Xvfb and xdotool answer the installed program's message box under wine)
#   The tests build and check the Windows installer too, so --test installs all of it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_test=0 want_package=0
for arg in "$@"; do
  case $arg in
    --test) want_test=1 ;;
    --package) want_package=1 ;;
    *) echo "setup.sh: unknown option '$arg' (use --test or --package)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- system packages (apt) -------------------------------------------------------------
packages=(build-essential pkg-config curl wget file libssl-dev libwebkit2gtk-4.1-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev)
if (( want_test )); then
  packages+=(xvfb xauth webkit2gtk-driver imagemagick poppler-utils pandoc unzip locales)
fi
# Windows from Debian: mingw-w64 links for x86_64-pc-windows-gnu; wine runs the core's tests
# (and, when packaging, the installer); NSIS makes the installer; 7-Zip lists it.
if (( want_test || want_package )); then
  packages+=(gcc-mingw-w64-x86-64 wine wine64 p7zip-full)
fi
if (( want_test || want_package )); then
  packages+=(dpkg-dev nsis xvfb xauth xdotool)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for pkg in "${packages[@]}"; do
  # Read into a variable, never `| grep -q`: under pipefail a writer killed by SIGPIPE after
  # grep's first match would make a present package look missing.
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == *"install ok installed"* ]] || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  say "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "apt: everything present"
fi

# An English-locale system for the end-to-end test that dates do not follow the locale.
locales=$(locale -a 2>/dev/null || true)
if (( want_test )) && ! grep -qix 'en_US\.utf-\?8' <<<"$locales"; then
  say "locale: generating en_US.UTF-8"
  as_root localedef -i en_US -f UTF-8 en_US.UTF-8
fi

# --- Rust --------------------------------------------------------------------------------
if ! command -v cargo >/dev/null 2>&1; then
  [[ -x "$HOME/.cargo/bin/cargo" ]] || {
    say "rust: installing rustup (stable toolchain)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
  }
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if (( want_test || want_package )); then
  targets=$(rustup target list --installed 2>/dev/null || true)
  if ! grep -qx x86_64-pc-windows-gnu <<<"$targets"; then
    say "rust: adding the x86_64-pc-windows-gnu target"
    rustup target add x86_64-pc-windows-gnu
  else
    say "rust: Windows target present"
  fi
fi

# --- front end (npm) -----------------------------------------------------------------------
# Reinstall only when package-lock.json changed since the last install.
npm_install() {
  local dir=$1 stamp=$1/node_modules/.keuzehulp-lock
  if [[ -f "$stamp" ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    say "npm ($dir): up to date"
  else
    say "npm ($dir): installing"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
npm_install ui
if (( want_test )); then
  npm_install tests/e2e
  # --- tauri-driver (WebDriver bridge for the real window) -------------------------------
  if ! command -v tauri-driver >/dev/null 2>&1 && [[ ! -x "$HOME/.cargo/bin/tauri-driver" ]]; then
    say "cargo: installing tauri-driver"
    cargo install tauri-driver --locked --quiet
  else
    say "tauri-driver: present"
  fi
  # --- cargo-audit (RustSec advisories against the snapshot in audit/advisory-db) --------
  # Built from crates.io: 21 minutes measured on the 2-core machine while it was busy with
  # other builds (load 8-10, niced); a one-off, kept in ~/.cargo/bin.
  if ! command -v cargo-audit >/dev/null 2>&1 && [[ ! -x "$HOME/.cargo/bin/cargo-audit" ]]; then
    say "cargo: installing cargo-audit"
    cargo install cargo-audit --locked --quiet
  else
    say "cargo-audit: present"
  fi
  # --- zizmor (the release workflow's security lints; a prebuilt wheel from PyPI) ---------
  if [[ $(zizmor --version 2>/dev/null || true) != 'zizmor 1.33.1' ]]; then
    say "pip: installing zizmor"
    python3 -m pip install --quiet --disable-pip-version-check zizmor==1.33.1
  else
    say "zizmor: present"
  fi
fi
