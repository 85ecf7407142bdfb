#!/usr/bin/env bash
# Shows that checking a plan costs time and memory in proportion to its size, for
# the shapes of file where a parser goes quadratic: one huge line, a due text full
# of dates, thousands of notes on one action, many sections, a long comment, blank
# lines. Each shape is made at 1x and 10x; the ratio of the times should be near 10.
#
#   Fuzz/scaling.sh [ACTIONPLAN BINARY]   (default: .build/release/actionplan)
#
# Not a test: it prints figures for docs/hardening.md. Needs python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/actionplan}
[ -x "$binary" ] || { echo "build it first: swift build -c release --product actionplan" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
head = "# Scaling\n## 1 Section\n### 1.1 Area\n"
action = "- [A] 1.1a Do it.\n  - Owner: Board\n  - Due: 2026-06-30\n"
shapes = {
    "long-line": lambda n: head + action + "  - Note 2026-01-01: " + "word " * (200_000 * n) + "\n",
    "due-of-dates": lambda n: head + "- [A] 1.1a Do it.\n  - Owner: Board\n  - Due: " + "2026-02-30 " * (90_000 * n) + "\n",
    "many-notes": lambda n: head + action + "  - Note 2026-01-01 (Sam): A short note.\n" * (25_000 * n),
    "many-sections": lambda n: "# Scaling\n" + "".join(
        f"## {i} S\n### {i}.1 A\n- [A] {i}.1a Do it.\n  - Owner: Board\n  - Due: 2026-06-30\n" for i in range(1, 10_000 * n + 1)),
    "long-comment": lambda n: head + "<!--\n" + "a comment line\n" * (70_000 * n) + "-->\n" + action,
    "blank-lines": lambda n: head + action + "\n" * (300_000 * n),
}
for name, make in shapes.items():
    for n in (1, 10):
        with open(f"{work}/{name}-{n}x.plan", "w") as f:
            f.write(make(n))
PY

printf '%-14s %10s %9s %9s %10s %10s %7s\n' shape "1x size" "1x s" "10x s" "1x MB RSS" "10x MB RSS" "ratio"
for file in "$work"/*-1x.plan; do
  shape=$(basename "$file" -1x.plan)
  measure() {  # seconds and peak RSS (MB) of `check` on $1
    /usr/bin/time -f "%e %M" -o "$work/time" "$binary" check --no-board-checks -q "$1" >/dev/null 2>&1 || true
    read -r seconds kilobytes < <(tail -n 1 "$work/time")  # after "Command exited with …"
    echo "$seconds $((kilobytes / 1024))"
  }
  read -r s1 m1 < <(measure "$file")
  read -r s10 m10 < <(measure "$work/$shape-10x.plan")
  size=$(( $(stat -c %s "$file") / 1000 ))
  ratio=$(python3 -c "print(f'{max($s10, 0.01) / max($s1, 0.01):.1f}')")
  printf '%-14s %8s kB %9s %9s %10s %10s %7s\n' "$shape" "$size" "$s1" "$s10" "$m1" "$m10" "$ratio"
done
