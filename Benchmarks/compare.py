#!/usr/bin/env python3
"""Times `brief build` against Hugo on the same generated corpus, side by side.

    python3 Benchmarks/compare.py [--sizes 1000,10000] [--runs 3] [--work /tmp/brief-bench] [--readme]

For each corpus size (../shared/bench/gen_corpus.py writes the messy sources for brief and the
same content as a Hugo site), it runs, alternating brief and Hugo so that both meet the disk in
the same state:
  - full builds into fresh output folders (brief with --clean, so its cache is not used),
    reporting the median wall time, pages written and peak memory (/usr/bin/time -v);
  - the raw cmark-gfm command on the corpus's Markdown, the floor for rendering;
  - brief rebuilds: with nothing changed, and after editing one source.
Old output folders are moved aside during the runs and deleted at the end, since deleting a
large folder right before a build slows file creation on ext4 for minutes.
With --readme the results replace the figures in Benchmarks/README.md.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GENERATOR = os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py")


def timed(cmd, cwd=None, env=None):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak MB, stdout)."""
    full = ["/usr/bin/time", "-v"] + cmd
    os.sync()  # the previous run's dirty pages are written back before, not during, this one
    start = time.monotonic()
    proc = subprocess.run(full, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return seconds, (int(rss.group(1)) / 1024 if rss else 0.0), proc.stdout


def count_html(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def corpus(work, n):
    out = os.path.join(work, str(n))
    info = os.path.join(out, "corpus.json")
    if os.path.exists(info) and json.load(open(info)).get("n") == n:
        return out
    subprocess.run([sys.executable, GENERATOR, "--n", str(n), "--seed", "1", "--out", out], check=True, capture_output=True)
    return out


def bench(brief, work, n, runs):
    root = corpus(work, n)
    site, hugo = os.path.join(root, "brief"), os.path.join(root, "hugo")
    trash = os.path.join(work, "trash")
    os.makedirs(trash, exist_ok=True)
    for path in [os.path.join(site, ".brief-cache")] + [os.path.join(p, d) for p in (site, hugo) for d in os.listdir(p) if d.startswith("out-")]:
        if os.path.exists(path):
            shutil.move(path, os.path.join(trash, f"{time.monotonic_ns()}"))
    env = dict(os.environ, BRIEF_JOBS=os.environ.get("BRIEF_JOBS", ""))
    results = {"brief": [], "hugo": []}
    pages = {}
    for i in range(runs):
        out = os.path.join(site, f"out-{i}")
        seconds, mb, _ = timed([brief, "build", "--clean", "--output", out], cwd=site, env=env)
        results["brief"].append((seconds, mb))
        pages["brief"] = count_html(out)
        out = os.path.join(hugo, f"out-{i}")
        seconds, mb, _ = timed(["hugo", "--quiet", "--source", hugo, "--destination", out])
        results["hugo"].append((seconds, mb))
        pages["hugo"] = count_html(out)
    cmark = [timed(["cmark-gfm", os.path.join(root, "stories.md"), "--to", "html"])[0] for _ in range(runs)]
    # Rebuilds of the last output: nothing changed, then one source edited.
    last = os.path.join(site, f"out-{runs - 1}")
    timed([brief, "build", "--output", last], cwd=site, env=env)
    unchanged = [timed([brief, "build", "--output", last], cwd=site, env=env)[0] for _ in range(runs)]
    edited = []
    names = sorted(os.listdir(os.path.join(site, "Content")))
    originals = {}
    for i in range(runs):
        path = os.path.join(site, "Content", names[(i * 7919) % len(names)])
        originals.setdefault(path, open(path, "rb").read())
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\nThe company added on Friday that it would publish more details next week, edit {i}.\n")
        seconds, _, stdout = timed([brief, "build", "--output", last], cwd=site, env=env)
        edited.append((seconds, int(re.search(r"(\d+) files? written", stdout).group(1))))
    for path, data in originals.items():  # the corpus stays as generated, for the next run
        open(path, "wb").write(data)
    med = lambda xs: statistics.median(xs)
    row = {
        "n": n,
        "brief_s": med([s for s, _ in results["brief"]]), "brief_mb": max(m for _, m in results["brief"]),
        "hugo_s": med([s for s, _ in results["hugo"]]), "hugo_mb": max(m for _, m in results["hugo"]),
        "brief_pages": pages["brief"], "hugo_pages": pages["hugo"],
        "cmark_s": med(cmark), "unchanged_s": med(unchanged),
        "edited_s": med([s for s, _ in edited]), "edited_files": med([w for _, w in edited]),
        "brief_runs": [round(s, 2) for s, _ in results["brief"]], "hugo_runs": [round(s, 2) for s, _ in results["hugo"]],
    }
    return row


def table(rows, runs):
    lines = [
        "| briefings | brief full build | Hugo full build | brief ÷ Hugo | brief peak memory | Hugo peak memory | memory ÷ | HTML pages (brief / Hugo) | cmark-gfm on the story Markdown | brief, nothing changed | brief, one source edited |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']:,} | {r['brief_s']:.2f} s | {r['hugo_s']:.2f} s | {r['brief_s'] / r['hugo_s']:.2f} "
            f"| {r['brief_mb']:.0f} MB | {r['hugo_mb']:.0f} MB | {r['brief_mb'] / r['hugo_mb']:.2f} "
            f"| {r['brief_pages']:,} / {r['hugo_pages']:,} | {r['cmark_s']:.2f} s "
            f"| {r['unchanged_s']:.2f} s ({100 * r['unchanged_s'] / r['brief_s']:.0f}%) "
            f"| {r['edited_s']:.2f} s ({100 * r['edited_s'] / r['brief_s']:.0f}%, {r['edited_files']:.0f} files written) |")
    lines.append("")
    lines.append(f"Medians of {runs} runs each. Individual full-build times: " + "; ".join(
        f"{r['n']:,}: brief {r['brief_runs']}, Hugo {r['hugo_runs']}" for r in rows) + ".")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/brief-bench")
    ap.add_argument("--brief", help="a brief binary (default: build one with swift build -c release)")
    ap.add_argument("--readme", action="store_true", help="write the results into Benchmarks/README.md")
    args = ap.parse_args()
    brief = args.brief
    if not brief:
        subprocess.run(["swift", "build", "-c", "release", "--product", "brief"], cwd=REPO, check=True)
        brief = os.path.join(REPO, ".build", "release", "brief")
    os.makedirs(args.work, exist_ok=True)
    rows = [bench(os.path.abspath(brief), args.work, int(n), args.runs) for n in args.sizes.split(",")]
    result = table(rows, args.runs)
    print(result)
    if args.readme:
        path = os.path.join(HERE, "README.md")
        text = open(path, encoding="utf-8").read()
        start, end = "<!-- results -->", "<!-- /results -->"
        stamp = f"Measured {time.strftime('%Y-%m-%d')} on this machine ({os.cpu_count()} cores), Hugo {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]}:\n\n"
        text = text[: text.index(start) + len(start)] + "\n" + stamp + result + "\n" + text[text.index(end):]
        open(path, "w", encoding="utf-8").write(text)
    # Last: deleting tens of thousands of pages can take minutes on a slow disk.
    shutil.rmtree(os.path.join(args.work, "trash"), ignore_errors=True)


if __name__ == "__main__":
    main()
