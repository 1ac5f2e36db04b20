#!/usr/bin/env bash
# Takes the pictures README.md shows, from the real window on the demo
# territory, into docs/screenshots/: directory, board, overview and room
# through WebDriver under Xvfb (the ignored e2e test `readme_screenshots`),
# and brief.png, the first page of a brief printed by the command line.
# Usage: scripts/screenshots.sh   (then look at them before committing)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"
out="$PWD/docs/screenshots"
mkdir -p "$out"

(cd ui && npm run --silent build)
cargo build -p tisserand-desktop --locked
cargo build -p tisserand-cli --locked

export TISSERAND_APP="$PWD/target/debug/tisserand-desktop"
export TISSERAND_SCREENSHOTS_DIR="$out"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  cargo test --locked --test window -- --ignored --exact readme_screenshots --test-threads=1)

# The brief of a partnership with a mécénat balance, page 1, at 70 dpi.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli=(target/debug/tisserand --db "$tmp/demo.sqlite3")
"${cli[@]}" demo >/dev/null
title="Équipe handisport soutenue par la Fondation Hardt Mécanique"
id=$("${cli[@]}" partnerships list --text "$title" --format json |
  node -e 'const t = process.argv[1]; let s = "";
    process.stdin.on("data", (d) => (s += d)).on("end", () => {
      const p = JSON.parse(s).find((x) => x.title === t);
      if (!p) { console.error(`no demo partnership titled « ${t} »`); process.exit(1); }
      console.log(p.id);
    });' "$title")
"${cli[@]}" brief "$id" -o "$tmp/brief.pdf" >/dev/null
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$tmp/brief.pdf" "$out/brief"

echo "Written: $(cd "$out" && ls ./*.png | tr '\n' ' ')"
