#!/usr/bin/env python3
"""Code-size figures for the health targets in ARCHITECTURE.md.

Prints, for shipped code (tests, benches, generated files and the e2e
workspace left out):
  - files over 800 and over 1,000 lines (Rust, TypeScript);
  - Rust functions over 80 lines, longest first.

Rust test code is recognised as `#[cfg(test)]` items (counted out of the
file's length) and files under `tests/` or named `tests.rs`. The function
length is the span from the `fn` line to its closing brace, measured by
brace matching that skips strings, chars and comments: good enough for
figures, not a parser.

Usage: python3 scripts/code-metrics.py [--list]
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FN_RE = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+\"C\"\s+)?fn\s+(\w+)")


def shipped_files():
    for top in ("crates", "src-tauri/src", "ui/src"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = [d for d in dirnames if d not in ("node_modules", "target", "tests", "benches", "bindings", "gen")]
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT)
                if name.endswith(".rs"):
                    if name == "tests.rs" or name.endswith("_tests.rs"):
                        continue
                elif name.endswith((".ts", ".tsx")):
                    if ".test." in name or name.endswith(".d.ts"):
                        continue
                else:
                    continue
                yield rel


def code_chars(lines):
    """Yield (index, line with strings/comments blanked) for Rust source."""
    in_block = 0
    in_str = False
    raw_hashes = None
    for i, line in enumerate(lines):
        out = []
        j = 0
        n = len(line)
        while j < n:
            c = line[j]
            if in_block:
                if line.startswith("*/", j):
                    in_block -= 1
                    j += 2
                    continue
                if line.startswith("/*", j):
                    in_block += 1
                    j += 2
                    continue
                j += 1
                continue
            if raw_hashes is not None:
                end = '"' + "#" * raw_hashes
                if line.startswith(end, j):
                    raw_hashes = None
                    j += len(end)
                else:
                    j += 1
                continue
            if in_str:
                if c == "\\":
                    j += 2
                    continue
                if c == '"':
                    in_str = False
                j += 1
                continue
            if line.startswith("//", j):
                break
            if line.startswith("/*", j):
                in_block += 1
                j += 2
                continue
            m = re.match(r'b?r(#*)"', line[j:])
            if m and (j == 0 or not (line[j - 1].isalnum() or line[j - 1] == "_")):
                raw_hashes = len(m.group(1))
                j += len(m.group(0))
                continue
            if c == '"':
                in_str = True
                j += 1
                continue
            if c == "'":
                m = re.match(r"'(\\.|[^\\'])'|'\\u\{[0-9a-fA-F]+\}'", line[j:])
                if m:
                    j += len(m.group(0))
                    continue
            out.append(c)
            j += 1
        yield i, "".join(out)


def rust_items(lines):
    """Return (test_lines, functions[(name, start, length)])."""
    clean = list(code_chars(lines))
    test_lines = 0
    functions = []
    pending_test = False
    i = 0
    stack = []  # (kind, name, start, depth)
    depth = 0
    test_depth = None
    for idx, code in clean:
        stripped = lines[idx].strip()
        if stripped.startswith("#[cfg(test)]"):
            pending_test = True
        m = FN_RE.match(code)
        if m and test_depth is None:
            stack.append((m.group(7), idx, depth))
        for ch in code:
            if ch == "{":
                if pending_test and test_depth is None:
                    test_depth = depth
                    test_start = idx
                    pending_test = False
                depth += 1
            elif ch == "}":
                depth -= 1
                if test_depth is not None and depth == test_depth:
                    test_lines += idx - test_start + 1
                    test_depth = None
                while stack and stack[-1][2] >= depth + 1 and False:
                    pass
                if stack and depth == stack[-1][2]:
                    name, start, _ = stack.pop()
                    functions.append((name, start + 1, idx - start + 1))
            elif ch == ";":
                # a declaration without body (trait method) ends here
                if stack and depth == stack[-1][2]:
                    stack.pop()
                if pending_test and test_depth is None:
                    pending_test = False
    return test_lines, functions


def main():
    listing = "--list" in sys.argv
    over800, over1000, long_fns = [], [], []
    for rel in sorted(shipped_files()):
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            lines = f.read().split("\n")
        count = len(lines) - (1 if lines and lines[-1] == "" else 0)
        if rel.endswith(".rs"):
            test_lines, functions = rust_items(lines)
            count -= test_lines
            long_fns += [(length, f"{rel}:{start}", name) for name, start, length in functions if length > 80]
        if count > 800:
            over800.append((count, rel))
        if count > 1000:
            over1000.append((count, rel))
    long_fns.sort(reverse=True)
    print(f"files over 800 lines: {len(over800)}")
    print(f"files over 1000 lines: {len(over1000)}")
    print(f"Rust functions over 80 lines: {len(long_fns)}")
    if listing:
        print("\nfiles over 800 lines (tests left out):")
        for count, rel in sorted(over800, reverse=True):
            print(f"  {count:5}  {rel}")
        print("\nRust functions over 80 lines:")
        for length, where, name in long_fns:
            print(f"  {length:5}  {name}  {where}")


if __name__ == "__main__":
    main()
