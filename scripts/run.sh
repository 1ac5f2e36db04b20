#!/usr/bin/env bash
# Installs what is missing, builds Tisserand and opens its window.
# Usage: scripts/run.sh [--demo] [--release]
#   --demo     open the demo territory (a separate database; yours is untouched)
#   --release  an optimised build (slower to build, faster to run)
# With no display (a server, CI), the window opens in a virtual display (Xvfb)
# and a screenshot is written to target/tisserand-window.png.
set -euo pipefail
cd "$(dirname "$0")/.."

app_args=()
profile=debug
cargo_flags=()
for arg in "$@"; do
  case "$arg" in
    --demo) app_args+=(--demo) ;;
    --release) profile=release; cargo_flags=(--release --features custom-protocol) ;;
    *) echo "Unknown option: $arg (use --demo or --release)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run --silent build)
cargo build -p tisserand-desktop "${cargo_flags[@]}"
binary="target/$profile/tisserand-desktop"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$binary" "${app_args[@]}"
fi

scripts/setup.sh test >/dev/null
echo "No display found: opening Tisserand in a virtual display (Xvfb :97)."
Xvfb :97 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=:97 "$binary" "${app_args[@]}" &
app=$!
sleep "${TISSERAND_SHOT_DELAY:-6}"
DISPLAY=:97 import -window root target/tisserand-window.png && echo "Screenshot: target/tisserand-window.png"
echo "Tisserand is running in the virtual display (pid $app). Press Ctrl+C to stop."
wait $app
