#!/usr/bin/env bash
# Cargo runner for x86_64-pc-windows-gnu (see .cargo/config.toml): runs a Windows program
# under wine in a private prefix, target/wine-prefix, made on first use. The prefix gets a
# test-harness shim for bcryptprimitives.dll (scripts/wine/bcryptprimitives.c), which
# Debian's wine 8 lacks and Rust's standard library needs; it is never shipped.
#   scripts/wine-runner.sh PROGRAM.exe [ARGS...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WINEPREFIX="${WINEPREFIX:-$root/target/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No wine pop-ups and no Mono/Gecko install prompts in a headless run.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=;winemenubuilder.exe=d}"
wine=$(command -v wine64 || command -v wine || true)
[[ -n "$wine" ]] || { echo "wine-runner: wine is not installed (bash scripts/setup.sh --windows)" >&2; exit 127; }
# Debian installs the 64-bit loader outside PATH.
[[ -x /usr/lib/wine/wine64 ]] && wine=/usr/lib/wine/wine64

stamp="$WINEPREFIX/.keuzehulp-ready"
if [[ ! -f "$stamp" ]]; then
  mkdir -p "$(dirname "$WINEPREFIX")"
  exec 9>"$WINEPREFIX.lock"
  flock 9
  if [[ ! -f "$stamp" ]]; then
    echo "wine-runner: preparing the wine prefix $WINEPREFIX" >&2
    "$wine" wineboot --init >/dev/null 2>&1 || true
    wineserver -w 2>/dev/null || true
    dll="$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dll" "$root/scripts/wine/bcryptprimitives.c" -ladvapi32
    touch "$stamp"
  fi
  exec 9>&-
fi
exec "$wine" "$@"
