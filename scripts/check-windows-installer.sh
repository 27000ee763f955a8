#!/usr/bin/env bash
# Checks a Windows installer made by scripts/package.sh, in a fresh wine prefix:
#  1. its listing (7-Zip reads NSIS installers) holds the program, the command-line program
#     and the WebView2 loader where the program needs it;
#  2. a silent install into a folder with a space and non-ASCII letters puts the program,
#     the uninstaller and the Start-menu shortcut in place and registers the uninstaller;
#  3. the installed command-line program answers with the right version and keeps a dossier
#     in the user's data folder (%APPDATA%\Keuzehulp\keuzehulp\data);
#  4. a silent uninstall removes the program, the shortcut and the registration, and the
#     user's data survives it.
# The window itself cannot start under wine (no WebView2 runtime); that is left to the
# release workflow's Windows runner.
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
7z x -y -o"$unpacked" "$installer" keuzehulp-desktop.exe >/dev/null
if x86_64-w64-mingw32-objdump -p "$unpacked/keuzehulp-desktop.exe" | grep -qi 'DLL Name: WebView2Loader.dll'; then
  grep -q "WebView2Loader.dll\$" <<<"$listing" || fail "the program needs WebView2Loader.dll, which the installer does not hold"
  echo "  (keuzehulp-desktop.exe loads WebView2Loader.dll)"
fi
ok "the installer holds the program, the command line, the uninstaller (and the WebView2 loader the program needs)"

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
run reg query "$key" /v DisplayVersion 2>/dev/null | grep -q "$version" || fail "the uninstaller is not registered with version $version"
ok "registered for Apps & features, version $version"

got=$(run "$instdir/keuzehulp.exe" --version | tr -d '\r')
[[ $got == "keuzehulp $version" ]] || fail "keuzehulp.exe --version says '$got', expected 'keuzehulp $version'"
ok "keuzehulp.exe --version: $got"
run "$instdir/keuzehulp.exe" dossier new --org "Zorggroep José" --json | tr -d '\r' | grep -q '"id"' || fail "the installed program could not make a dossier"
data="$user_dir/AppData/Roaming/Keuzehulp/keuzehulp/data"
[[ -f "$data/keuzehulp.sqlite3" ]] || fail "no store in the user's data folder $data"
ok "a dossier made with the installed program is kept in ${data#"$drive_c/"}"

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
