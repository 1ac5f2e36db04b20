#!/usr/bin/env bash
# Installs what is missing, then runs every check and test of Tisserand:
# formatting, lints, Rust unit/store/scenario tests, the TypeScript bindings'
# freshness, the UI's lint, types and unit tests, and the real-window
# WebDriver tests under Xvfb. Exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1;34m==>\033[0m %s\n' "$*"; }

scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"

say "Rust formatting"
cargo fmt --all -- --check

say "UI: npm lint, types, unit tests, build"
(cd ui && npm run --silent lint && npm run --silent typecheck && npm test --silent && npm run --silent build)

say "Rust lints (clippy, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

say "Rust tests (domain, store, app, CLI scenarios, desktop shell)"
cargo test --workspace --locked

say "TypeScript bindings are up to date"
if git rev-parse --git-dir >/dev/null 2>&1; then
  if ! git diff --exit-code --stat -- ui/src/bindings || [ -n "$(git ls-files --others --exclude-standard ui/src/bindings)" ]; then
    echo "ui/src/bindings is stale: the Rust types changed. Commit the regenerated files." >&2
    exit 1
  fi
fi

say "Desktop window tests (WebDriver, Xvfb)"
# The window embeds ui/dist when the shell compiles, and a new dist alone
# does not always make cargo rebuild it: test the window just built.
touch src-tauri/src/main.rs
cargo build -p tisserand-desktop --locked
export TISSERAND_APP="$PWD/target/debug/tisserand-desktop"
(cd tests/e2e && xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- cargo test --locked -- --test-threads=1)
