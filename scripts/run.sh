#!/usr/bin/env bash
# Installs what is missing, builds the front end and the desktop program, and starts it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run build --silent)
cargo build --release -p keuzehulp-desktop
# Some GPU/Wayland desktops show a blank WebKitGTK window without this.
export WEBKIT_DISABLE_DMABUF_RENDERER="${WEBKIT_DISABLE_DMABUF_RENDERER:-1}"
exec target/release/keuzehulp-desktop
