#!/usr/bin/env bash
# Installs what Tisserand needs on a Debian/Ubuntu machine, skipping what is
# already there. Usage: scripts/setup.sh [build|test]
#   build: system libraries for the desktop window, Rust, Node, the UI's packages
#   test:  the same, plus Xvfb, WebKitWebDriver, tauri-driver, poppler and ImageMagick
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-build}"
say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

BUILD_PACKAGES=(libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev libjavascriptcoregtk-4.1-dev
  librsvg2-dev libayatana-appindicator3-dev build-essential pkg-config libssl-dev file xdg-utils curl ca-certificates)
RUN_PACKAGES=(xvfb xauth x11-utils dbus-x11 at-spi2-core fonts-dejavu-core)
TEST_PACKAGES=(xdotool imagemagick poppler-utils webkit2gtk-driver sqlite3 bc procps)

packages=("${BUILD_PACKAGES[@]}")
if [ "$what" = "test" ]; then packages+=("${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  if [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "Installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
fi

node_major() { node -e 'console.log(process.versions.node.split(".")[0])' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 20 ]; then
  say "Installing Node.js and npm"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  if [ "$(node_major)" -lt 20 ]; then
    echo "Node.js 20 or newer is needed (found $(node --version 2>/dev/null || echo none)); install it from your distribution's backports." >&2
    exit 1
  fi
fi

# The UI's packages, reinstalled only when the lock file changed.
stamp=ui/node_modules/.tisserand-lock
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  say "Installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi

if [ "$what" = "test" ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "Installing tauri-driver (WebDriver for the desktop window)"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi
