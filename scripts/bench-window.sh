#!/usr/bin/env bash
# Measures the release window: cold start to a usable window, and memory
# (proportional set size summed over the app and its WebKit processes) with
# the directory open on 100,000 actors and 200,000 contacts, against an empty
# Tauri 2 window measured the same way. Prints figures; asserts nothing.
# Usage: scripts/bench-window.sh [ACTORS] [CONTACTS]
set -euo pipefail
cd "$(dirname "$0")/.."
actors="${1:-100000}"
contacts="${2:-200000}"

scripts/setup.sh test >/dev/null
export PATH="$HOME/.cargo/bin:$PATH"
(cd ui && npm run --silent build >/dev/null)
cargo build --release --quiet -p tisserand-desktop --features custom-protocol
cargo build --release --quiet -p tisserand-cli

work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
Xvfb :95 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:95 LIBGL_ALWAYS_SOFTWARE=1
sleep 1

descendants() {
  local pid=$1
  echo "$pid"
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do descendants "$child"; done
}

pss_mb() {
  local total=0 kb
  for pid in $(descendants "$1"); do
    kb=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "scale=1; $total / 1024" | bc
}

# Runs a window for a while and prints its summed PSS in MB (the breakdown
# per process goes to stderr).
measure() {
  local settle=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$settle"
  for p in $(descendants "$pid"); do
    printf '    %-28s %6s MB\n' "$(ps -o comm= -p "$p")" \
      "$(echo "scale=1; $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0) / 1024" | bc)" >&2
  done
  pss_mb "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

echo "Generating $actors actors and $contacts contacts…"
mkdir -p "$work/data"
target/release/tisserand bench --actors "$actors" --contacts "$contacts" --keep "$work/data/tisserand.sqlite3" | sed 's/^/  /'

empty=$(measure 8 target/release/empty-window)
echo "Empty Tauri 2 window (WebKit defaults):   ${empty} MB PSS"
# Tisserand turns WebKitGTK's DMA-BUF renderer off (src-tauri/src/main.rs);
# the same empty window with the same setting, for a like-for-like figure.
empty_same=$(measure 8 env WEBKIT_DISABLE_DMABUF_RENDERER=1 target/release/empty-window)
echo "Empty Tauri 2 window (Tisserand's setting): ${empty_same} MB PSS"

# Cold start: a fresh data folder's log says when the page first called the core.
for run in 1 2 3; do
  rm -f "$work/data/tisserand.log"
  TISSERAND_DATA_DIR="$work/data" target/release/tisserand-desktop >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do grep -q "window ready" "$work/data/tisserand.log" 2>/dev/null && break; sleep 0.1; done
  ms=$(grep -o 'ms=[0-9]*' "$work/data/tisserand.log" | head -1 | cut -d= -f2)
  echo "Start to usable window (run $run):        ${ms:-?} ms"
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done

full=$(measure 10 env TISSERAND_DATA_DIR="$work/data" target/release/tisserand-desktop)
echo "Tisserand, directory of $actors actors:  ${full} MB PSS"
echo "Above the empty window, WebKit defaults:  $(echo "$full - $empty" | bc) MB"
echo "Above the empty window, same setting:     $(echo "$full - $empty_same" | bc) MB"
