#!/usr/bin/env bash
# Builds Keuzehulp's installable packages into target/dist/ (release work; not a test):
#   keuzehulp_<version>_amd64.deb          the desktop program and the `keuzehulp` command
#   Keuzehulp_<version>_x64-setup.exe      the Windows installer (per user; NSIS)
#   SHA256SUMS                             over everything above
# Each carries the engine once: the window program answers the command line too
# (/usr/bin/keuzehulp is a link to it; keuzehulp.exe is a small launcher beside it).
# and checks them: the .deb's contents and Depends, the installer's listing, and the
# installer run under wine (install, use, uninstall; the user's data survives).
#
#   bash scripts/package.sh                        everything, release build
#   bash scripts/package.sh --deb                  only the .deb
#   bash scripts/package.sh --windows              only the Windows installer
#   bash scripts/package.sh --deb --profile debug --out DIR    (scripts/test.sh: the .deb of
#                                                  the debug build it already made, for the
#                                                  installed-program test; --windows likewise,
#                                                  for the installer's checks under wine)
#
# Everything is built in a staging folder first; target/dist/ (or --out) is replaced only
# when every step succeeded, so a failed step leaves no half-written file there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

want_deb=0 want_windows=0 profile=release out="$root/target/dist" skip_setup=0
while (($#)); do
  case $1 in
    --deb) want_deb=1 ;;
    --windows) want_windows=1 ;;
    --profile) profile=${2:?--profile needs release or debug}; shift ;;
    --out) out=${2:?--out needs a folder}; shift ;;
    --no-setup) skip_setup=1 ;;
    -h | --help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "package.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
((want_deb || want_windows)) || { want_deb=1; want_windows=1; }
case $profile in
  release) cargo_profile=(--release); profile_dir=release ;;
  debug) cargo_profile=(); profile_dir=debug ;;
  *) echo "package.sh: --profile must be release or debug, not '$profile'" >&2; exit 2 ;;
esac
[[ $out = /* ]] || out="$root/$out"

current_step="start"
step() { current_step="$*"; printf '\n\033[1m== package: %s\033[0m\n' "$*"; }
staging="$out.staging.$$"
cleanup() {
  local rc=$?
  rm -rf "$staging"
  if ((rc != 0)); then
    echo "package.sh: FAILED at step \"$current_step\" (exit $rc); $out was left as it was" >&2
  fi
}
trap cleanup EXIT
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
SECONDS=0

if ((!skip_setup)); then
  step "install what is missing"
  bash scripts/setup.sh --package
fi
for tool in cargo npm dpkg-deb dpkg-shlibdeps sha256sum; do
  command -v "$tool" >/dev/null || { echo "package.sh: '$tool' is missing (bash scripts/setup.sh --package installs it)" >&2; exit 1; }
done
if ((want_windows)); then
  for tool in makensis x86_64-w64-mingw32-gcc x86_64-w64-mingw32-strip 7z; do
    command -v "$tool" >/dev/null || { echo "package.sh: '$tool' is missing (bash scripts/setup.sh --package installs it)" >&2; exit 1; }
  done
fi

step "version"
version=$(cargo metadata --no-deps --format-version 1 --offline 2>/dev/null \
  | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"]=="keuzehulp"))')
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "package.sh: unexpected version '$version' in Cargo.toml" >&2; exit 1; }
echo "Keuzehulp $version ($profile build)"
rm -rf "$staging"
mkdir -p "$staging"

step "front end"
(cd ui && npm run build --silent)

if ((want_deb)); then
  step "Linux build ($profile)"
  cargo build "${cargo_profile[@]}" -p keuzehulp-desktop --bin keuzehulp-desktop

  step "Debian package"
  deb_root="$staging/deb-root"
  install -d "$deb_root/DEBIAN" "$deb_root/usr/bin" "$deb_root/usr/share/applications" \
    "$deb_root/usr/share/icons/hicolor/256x256/apps" "$deb_root/usr/share/doc/keuzehulp"
  install -m 0755 "target/$profile_dir/keuzehulp-desktop" "$deb_root/usr/bin/keuzehulp-desktop"
  strip --strip-unneeded "$deb_root/usr/bin/keuzehulp-desktop"
  # One engine: started as `keuzehulp`, the window program is the command line.
  ln -s keuzehulp-desktop "$deb_root/usr/bin/keuzehulp"
  install -m 0644 packaging/linux/keuzehulp.desktop "$deb_root/usr/share/applications/keuzehulp.desktop"
  install -m 0644 src-tauri/icons/icon.png "$deb_root/usr/share/icons/hicolor/256x256/apps/keuzehulp.png"
  install -m 0644 packaging/linux/copyright "$deb_root/usr/share/doc/keuzehulp/copyright"
  # The runtime libraries the binaries link, as Debian names them (libwebkit2gtk-4.1-0,
  # never a -dev package): dpkg-shlibdeps reads them off the ELF files.
  shlibs="$staging/shlibs"
  mkdir -p "$shlibs/debian"
  printf 'Source: keuzehulp\n\nPackage: keuzehulp\nArchitecture: amd64\n' >"$shlibs/debian/control"
  depends=$(cd "$shlibs" && dpkg-shlibdeps -O -e"$deb_root/usr/bin/keuzehulp-desktop" 2>/dev/null \
    | sed -n 's/^shlibs:Depends=//p')
  [[ $depends == *libwebkit2gtk-4.1-0* ]] || { echo "package.sh: dpkg-shlibdeps found no WebKitGTK runtime: '$depends'" >&2; exit 1; }
  size=$(du -sk --exclude=DEBIAN "$deb_root" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" -e "s/@DEPENDS@/$depends/" packaging/linux/control.in >"$deb_root/DEBIAN/control"
  (cd "$deb_root" && find usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
  compress=(-Zxz)
  [[ $profile == debug ]] && compress=(-Zgzip -z1)
  dpkg-deb --root-owner-group "${compress[@]}" --build "$deb_root" "$staging/keuzehulp_${version}_amd64.deb" >/dev/null
  rm -rf "$deb_root" "$shlibs"
  dpkg-deb --info "$staging/keuzehulp_${version}_amd64.deb" | sed -n '/Package:/,$p'
  dpkg-deb --contents "$staging/keuzehulp_${version}_amd64.deb" | awk '{print $1, $3, $6}'
fi

if ((want_windows)); then
  win=x86_64-pc-windows-gnu
  step "Windows build ($profile, $win)"
  cargo build "${cargo_profile[@]}" --target "$win" -p keuzehulp-desktop --bin keuzehulp-desktop --bin keuzehulp-launcher

  step "Windows installer"
  stage="$staging/windows-stage"
  mkdir -p "$stage"
  cp "target/$win/$profile_dir/keuzehulp-desktop.exe" "$stage/keuzehulp-desktop.exe"
  cp "target/$win/$profile_dir/keuzehulp-launcher.exe" "$stage/keuzehulp.exe"
  for exe in "$stage"/*.exe; do x86_64-w64-mingw32-strip --strip-unneeded "$exe"; done
  # With the GNU toolchain, wry loads WebView2Loader.dll through the import table; it is shipped
  # beside the program (the MSVC build links it statically). webview2-com-sys carries
  # Microsoft's copy. scripts/check-windows-installer.sh then checks every import.
  # The imports are read whole into a variable first: grep -q on a pipe ends the writer early.
  imports=$(bash scripts/windows-imports.sh "$stage/keuzehulp-desktop.exe")
  if grep -qx 'webview2loader.dll' <<<"$imports"; then
    loader=$(find "$root/target/$win/$profile_dir/build" -path '*webview2-com-sys*' -name WebView2Loader.dll -path '*x64*' | head -n 1)
    [[ -n $loader ]] || loader=$(find "${CARGO_HOME:-$HOME/.cargo}/registry/src" -path '*webview2-com-sys*/x64/WebView2Loader.dll' | sort | tail -n 1)
    [[ -n $loader ]] || { echo "package.sh: keuzehulp-desktop.exe needs WebView2Loader.dll, which was not found" >&2; exit 1; }
    cp "$loader" "$stage/WebView2Loader.dll"
  fi
  cp src-tauri/icons/icon.ico "$stage/icon.ico"
  # The debug build's installer (scripts/test.sh) is compressed fast: it is never shipped.
  compressor=()
  [[ $profile == debug ]] && compressor=(-DFAST)
  makensis -V2 -INPUTCHARSET UTF8 "${compressor[@]}" -DVERSION="$version" -DSTAGE="$stage" \
    -DOUTFILE="$staging/Keuzehulp_${version}_x64-setup.exe" packaging/windows/keuzehulp.nsi
  rm -rf "$stage"

  step "Windows installer: check under wine (install, use, uninstall)"
  bash scripts/check-windows-installer.sh "$staging/Keuzehulp_${version}_x64-setup.exe" "$version"
fi

step "checksums"
(cd "$staging" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum >SHA256SUMS)
cat "$staging/SHA256SUMS"

step "into place: $out"
rm -rf "$out.old"
[[ -e $out ]] && mv "$out" "$out.old"
mv "$staging" "$out"
rm -rf "$out.old"
(cd "$out" && find . -type f | sort | xargs ls -l | awk '{printf "%12d  %s\n", $5, $9}')
echo "package.sh: done in ${SECONDS}s"
