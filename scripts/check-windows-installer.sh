#!/usr/bin/env bash
# Checks a Windows installer made by scripts/package.sh, in a fresh wine prefix:
#  1. its listing (7-Zip reads NSIS installers) holds the program, the command-line program
#     and the uninstaller, and every DLL the shipped programs import is either in the
#     installer or a DLL every Windows 10/11 has (the list below);
#  2. a silent install into a folder with a space and non-ASCII letters puts the program,
#     the uninstaller and the Start-menu shortcut in place and registers the uninstaller;
#  3. the installed command-line program answers with the right version and keeps a dossier
#     in the user's data folder (%APPDATA%\Keuzehulp\keuzehulp\data);
#  4. a silent uninstall removes the program, the shortcut and the registration, and the
#     user's data survives it.
#  5. the installed window program loads all its DLLs and, finding no WebView2 runtime (wine
#     has none), says so in Dutch in a message box and stops: no panic, no missing DLL.
# The window itself cannot be shown under wine; the release workflow's Windows runner runs
# the end-to-end tests on the installed program.
#   bash scripts/check-windows-installer.sh INSTALLER.exe VERSION
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
installer=$(realpath "${1:?usage: check-windows-installer.sh INSTALLER.exe VERSION}")
version=${2:?usage: check-windows-installer.sh INSTALLER.exe VERSION}

fail() { echo "check-windows-installer: FAIL: $*" >&2; exit 1; }
ok() { echo "  ok: $*"; }

echo "listing of $(basename "$installer"):"
listing=$(7z l -ba "$installer")
echo "$listing" | awk '{print "    " $NF}'
for file in keuzehulp-desktop.exe keuzehulp.exe uninstall.exe; do
  grep -q "$file\$" <<<"$listing" || fail "the installer does not hold $file"
done
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
7z x -y -o"$unpacked" "$installer" '*.exe' '*.dll' -x'!uninstall.exe' >/dev/null

# DLLs that ship with every Windows 10 and 11 (System32), so the installer need not carry
# them. Anything else a program imports must be in the installer. (bcryptprimitives.dll,
# combase.dll and the api-ms-win-* API sets are Windows' own since Windows 8; Debian's wine 8 lacks it, see scripts/wine-runner.sh.)
system_dlls=" advapi32.dll bcrypt.dll bcryptprimitives.dll combase.dll comctl32.dll comdlg32.dll crypt32.dll
  d2d1.dll d3d11.dll dbghelp.dll dwmapi.dll dwrite.dll dxgi.dll gdi32.dll gdiplus.dll imm32.dll
  iphlpapi.dll kernel32.dll msimg32.dll msvcrt.dll ncrypt.dll netapi32.dll ntdll.dll ole32.dll
  oleacc.dll oleaut32.dll powrprof.dll propsys.dll rpcrt4.dll secur32.dll setupapi.dll
  shell32.dll shlwapi.dll user32.dll userenv.dll uxtheme.dll version.dll windowscodecs.dll
  winmm.dll winspool.drv ws2_32.dll wtsapi32.dll api-ms-win-core-synch-l1-2-0.dll
  api-ms-win-core-winrt-l1-1-0.dll api-ms-win-core-winrt-error-l1-1-0.dll
  api-ms-win-core-winrt-string-l1-1-0.dll "
system_dlls=" $(tr -s '[:space:]' ' ' <<<"$system_dlls") "
shipped=" $(find "$unpacked" -maxdepth 1 -iname '*.dll' -printf '%f\n' | tr '[:upper:]' '[:lower:]' | tr '\n' ' ') "
for exe in "$unpacked"/*.exe; do
  imports=$(bash "$root/scripts/windows-imports.sh" "$exe")
  [[ -n $imports ]] || fail "no imports read from $(basename "$exe")"
  for dll in $imports; do
    [[ $system_dlls == *" $dll "* || $shipped == *" $dll "* ]] \
      || fail "$(basename "$exe") imports $dll, which is neither in the installer nor a Windows system DLL"
  done
  echo "  $(basename "$exe") imports: $(tr '\n' ' ' <<<"$imports")"
done
ok "the installer holds the program, the command line, the uninstaller and every DLL they import beyond Windows' own"

export WINEPREFIX="$root/target/wine-install-check"
rm -rf "$WINEPREFIX" "$WINEPREFIX.lock"
run() { "$root/scripts/wine-runner.sh" "$@"; }
drive_c="$WINEPREFIX/drive_c"

# A folder name with a space, an apostrophe and accents, as on a Dutch laptop.
instdir_win="C:\\Programma's van José Müller\\Keuzehulp"
instdir="$drive_c/Programma's van José Müller/Keuzehulp"
# NSIS wants /D= last and unquoted, also with spaces; wine would quote a separate argument,
# so the installer is started through cmd with the command line as written.
run cmd /c ver >/dev/null   # makes the prefix
cp "$installer" "$drive_c/keuzehulp-setup.exe"
run cmd /c "C:\\keuzehulp-setup.exe /S /D=$instdir_win" >/dev/null
wineserver -w
rm -f "$drive_c/keuzehulp-setup.exe"
for file in keuzehulp-desktop.exe keuzehulp.exe uninstall.exe icon.ico; do
  [[ -f "$instdir/$file" ]] || fail "after installing, $instdir/$file is missing"
done
ok "installed into $instdir_win: the program, the command line, the uninstaller"
user_dir=$(find "$drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -n 1)
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Keuzehulp.lnk"
[[ -f "$shortcut" ]] || fail "no Start-menu shortcut at $shortcut"
ok "Start-menu shortcut: ${shortcut#"$drive_c/"}"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Keuzehulp'
registered=$(run reg query "$key" /v DisplayVersion 2>/dev/null || true)
grep -q "$version" <<<"$registered" || fail "the uninstaller is not registered with version $version"
ok "registered for Apps & features, version $version"

got=$(run "$instdir/keuzehulp.exe" --version | tr -d '\r')
[[ $got == "keuzehulp $version" ]] || fail "keuzehulp.exe --version says '$got', expected 'keuzehulp $version'"
ok "keuzehulp.exe --version: $got"
made=$(run "$instdir/keuzehulp.exe" dossier new --org "Zorggroep José" --json | tr -d '\r')
grep -q '"id"' <<<"$made" || fail "the installed program could not make a dossier"
data="$user_dir/AppData/Roaming/Keuzehulp/keuzehulp/data"
[[ -f "$data/keuzehulp.sqlite3" ]] || fail "no store in the user's data folder $data"
ok "a dossier made with the installed program is kept in ${data#"$drive_c/"}"

# The window program, installed, on a computer without the WebView2 runtime: a Dutch message
# box, then exit 1. Run on a private X display; the box is found by its title and answered.
desktop_log="$WINEPREFIX/desktop-stderr.log"
# Wine's session (its server and desktop process) outlives the commands above by a few seconds
# and has no X display; the program must start a new one on the virtual display below.
wineserver -k 2>/dev/null || true
wineserver -w 2>/dev/null || true
outcome=$(xvfb-run -a -s "-screen 0 1024x768x24" bash -c '
  "$1" "$2" 2>"$3" >/dev/null &
  pid=$!
  box=$(timeout 120 xdotool search --sync --name "^Keuzehulp kan niet starten" 2>/dev/null | head -n 1)
  if [[ -z $box ]]; then kill "$pid" 2>/dev/null; wait "$pid"; echo "no-box"; exit 0; fi
  xdotool windowfocus --sync "$box" 2>/dev/null; xdotool key Return
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid"; echo "box-stays"; exit 0; fi
  wait "$pid"; echo "box exit=$?"
' _ "$root/scripts/wine-runner.sh" "$instdir/keuzehulp-desktop.exe" "$desktop_log" | tail -n 1)
wineserver -w 2>/dev/null || true
stderr_text=$(tr -d '\r' <"$desktop_log")
if grep -qiE "panicked|Library .* not found|importing dlls failed|failed to create window" <<<"$stderr_text"; then
  fail "the installed window program did not stop cleanly: $stderr_text"
fi
[[ $outcome == "box exit=1" ]] || fail "the installed window program showed no Dutch message box and exit 1 ($outcome): $stderr_text"
grep -q "WebView2 nodig" <<<"$stderr_text" || fail "the program's stderr does not name the missing WebView2 runtime in Dutch: $stderr_text"
ok "without WebView2 the installed window program says so in Dutch (\"Keuzehulp kan niet starten\") and exits 1"

run "$instdir/uninstall.exe" /S
wineserver -w
[[ ! -e "$instdir/keuzehulp-desktop.exe" && ! -e "$instdir/uninstall.exe" ]] || fail "the uninstaller left the program in $instdir"
[[ ! -e "$shortcut" ]] || fail "the uninstaller left the Start-menu shortcut"
if run reg query "$key" >/dev/null 2>&1; then fail "the uninstaller left its registration"; fi
ok "uninstalled: program, shortcut and registration gone"
[[ -f "$data/keuzehulp.sqlite3" ]] || fail "the user's data was removed by a silent uninstall"
ok "the user's data survives the uninstall"
wineserver -k 2>/dev/null || true
rm -rf "$WINEPREFIX" "$WINEPREFIX.lock" 2>/dev/null || true
echo "check-windows-installer: all checks passed"
