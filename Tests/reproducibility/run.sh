#!/usr/bin/env bash
# Builds one generated site three times from scratch — twice on all cores, once with BRIEF_JOBS=1 —
# and fails unless the three Site/ folders are byte-identical (`diff -r`) and the diagnostics match.
#
#   BRIEF=.build/debug/brief Tests/reproducibility/run.sh
#
# The content: the 300-briefing corpus of ../shared/bench/gen_corpus.py (messy scraped sources), or,
# where that generator is missing, 300 plain sources written here; plus 40 Markdown and text sources
# full of autolinks, tables and strikethrough, which cmark-gfm parsers racing on shared tables broke.
# BRIEF=/path/to/brief uses that binary (default: `swift build`, then .build/debug/brief).
# KEEP=1 keeps the temporary folder and prints where it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
generator="$repo/../shared/bench/gen_corpus.py"

if [[ -z "${BRIEF:-}" ]]; then
    (cd "$repo" && swift build --product brief)
    BRIEF="$repo/.build/debug/brief"
fi
BRIEF="$(cd "$(dirname "$BRIEF")" && pwd)/$(basename "$BRIEF")"

work="$(mktemp -d "${TMPDIR:-/tmp}/brief-reproducible.XXXXXX")"
if [[ -n "${KEEP:-}" ]]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

site="$work/site"
mkdir -p "$site/Content"
if [[ -f "$generator" ]]; then
    python3 "$generator" --n 300 --seed 1 --out "$work/corpus" >/dev/null
    cp -R "$work/corpus/brief/Content/." "$site/Content/"
else
    echo "reproducibility: $generator not found; writing 300 plain sources instead"
fi
python3 - "$site/Content" "$([[ -f "$generator" ]] && echo 0 || echo 300)" <<'EOF'
import os, sys
content, plain = sys.argv[1], int(sys.argv[2])
companies = ["Tesla", "Nvidia", "Microsoft", "Apple", "Amazon", "Xiaomi", "BYD", "Toyota", "Intel", "Samsung"]
for i in range(plain):
    a, b = companies[i % 10], companies[(i * 3 + 1) % 10]
    text = f"{a} and {b} Strike Deal {i}\n\n{a} said it would work with {b}, a deal worth {i + 2} billion dollars.\n\n"
    text += f"{b} Shares Rise {i}\n\nAnalysts expect {b} to lower costs by {i % 30} percent next year.\n"
    open(os.path.join(content, f"2024-{1 + i % 12:02}-{1 + i % 28:02}-plain-{i}.txt"), "w").write(text)
for i in range(40):
    md = f"---\ntitle: Links {i}\ndate: 2024-02-{1 + i % 28:02}\n---\n"
    for s in range(3):
        md += f"\n## Links {i}.{s} and {companies[(i + s) % 10]}\n\n"
        for p in range(4):
            md += f"See https://example.com/a{i}/{s}/{p} and www.example.org/b{i}-{p}, ~~old~~ new.\n\n"
        md += f"| site | was |\n|---|---|\n| www.x{i}.com | ~~{s}~~ |\n\n"
    open(os.path.join(content, f"links-{i}.md"), "w").write(md)
    text = f"Plain links {i}\n\nVisit https://example.com/x{i} today and www.example.org/y{i} too.\n"
    open(os.path.join(content, f"links-{i}.txt"), "w").write(text)
EOF
printf 'title: Reproducible\nbase_url: https://example.org/\n' > "$site/brief.yml"
for copy in b c; do cp -R "$site" "$work/$copy"; done

build() {  # folder, BRIEF_JOBS or "" for all cores
    (cd "$1" && if [[ -n "$2" ]]; then export BRIEF_JOBS="$2"; fi && "$BRIEF" build --clean >/dev/null 2>"$1/diagnostics.txt")
}
start=$(date +%s)
build "$site" ""
build "$work/b" ""
build "$work/c" 1
files=$(find "$site/Site" -type f | wc -l)

status=0
for copy in b c; do
    diff -r "$site/Site" "$work/$copy/Site" >"$work/diff-$copy.txt" || status=1
    diff "$site/diagnostics.txt" "$work/$copy/diagnostics.txt" >>"$work/diff-$copy.txt" || status=1
done
if [[ $status -ne 0 ]]; then
    echo "reproducibility: FAILED — the builds differ (second build on all cores, then BRIEF_JOBS=1):" >&2
    head -n 40 "$work/diff-b.txt" "$work/diff-c.txt" >&2
    exit 1
fi
echo "reproducibility: 3 clean builds of $(ls "$site/Content" | wc -l) sources ($files files each)" \
    "are byte-identical; $(($(date +%s) - start)) s"
