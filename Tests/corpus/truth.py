#!/usr/bin/env python3
"""Normalizes generated sources and compares them with the structure the generator says they have.

usage: truth.py BRIEF N        (generates N briefings with ../shared/bench/gen_corpus.py into a temporary folder)

Each source's title, story headings and paragraphs (without the "…" of a cut one) must be what
truth.jsonl says; prints the first differences and exits 1 when any source differs.
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    brief, count = sys.argv[1], int(sys.argv[2])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    generator = os.path.join(root, "..", "shared", "bench", "gen_corpus.py")
    if not os.path.exists(generator):
        print(f"truth: skipped: {generator} is not here")
        return 0
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, generator, "--n", str(count), "--seed", "1", "--out", out], check=True,
                       stdout=subprocess.DEVNULL)
        truth = [json.loads(line) for line in open(os.path.join(out, "truth.jsonl"))]
        files = [os.path.join(out, "brief", t["file"]) for t in truth]
        got = json.loads(subprocess.run([brief, "normalize", "--json"] + files, capture_output=True, text=True).stdout)
    differ = 0
    for expected, actual in zip(truth, got):
        want = (expected["title"], [s["heading"] for s in expected["stories"]],
                [p for s in expected["stories"] for p in s["paragraphs"]])
        have = (actual["title"], [s["heading"] for s in actual["stories"]],
                [p.removesuffix("…") for s in actual["stories"] for p in s["paragraphs"]])
        if want != have:
            differ += 1
            if differ <= 3:
                print(f"truth: {expected['file']} differs:\n  expected {want[:2]}\n  got      {have[:2]}")
    print(f"truth: {len(truth)} generated sources, {differ} differ from their structure")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
