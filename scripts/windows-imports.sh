#!/usr/bin/env bash
# Prints the DLLs a Windows program imports, one per line, lower case, sorted:
#   bash scripts/windows-imports.sh PROGRAM.exe
# objdump's whole output is read (about 64 MB for the window program: its function table);
# a `grep -q` would stop at the first match and kill objdump with SIGPIPE, which under
# `set -o pipefail` made the test false and left WebView2Loader.dll out of the installer.
set -euo pipefail
exe=${1:?usage: windows-imports.sh PROGRAM.exe}
[[ -f $exe ]] || { echo "windows-imports: no such file: $exe" >&2; exit 1; }
listing=$(mktemp)
trap 'rm -f "$listing"' EXIT
x86_64-w64-mingw32-objdump -p "$exe" >"$listing"
sed -n 's/^[[:space:]]*DLL Name: //p' "$listing" | tr '[:upper:]' '[:lower:]' | tr -d '\r' | sort -u
