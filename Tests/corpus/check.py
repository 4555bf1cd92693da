#!/usr/bin/env python3
"""Scores `brief normalize --json` on the shared real corpus and compares each file with the baseline.

usage: check.py BRIEF CORPUS_DIR SCORER BASELINE [--update]

Fails (exit 1) when any file's paragraph, heading or title score is more than TOLERANCE below its
baseline, or a file of the baseline is missing; --update rewrites the baseline with today's scores
(do that with every improvement, and commit it).
"""
import importlib.util
import json
import os
import sys

TOLERANCE = 0.02
METRICS = ("pf1", "hf1", "title")
NAMES = {"pf1": "paragraph F1", "hf1": "heading F1", "title": "title"}


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_normalize", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(scorer, brief, corpus):
    gold_dir = os.path.join(corpus, "gold")
    result = {}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".json"):
            continue
        gold = json.load(open(os.path.join(gold_dir, name)))
        source = os.path.join(corpus, gold.get("source") or name[:-5] + ".txt")
        if not os.path.exists(source):
            continue
        got, error = scorer.run(brief, source)
        if got is None:
            result[name[:-5]] = {"error": error}
            continue
        s = scorer.score(gold, got)
        result[name[:-5]] = {k: round(s[k], 3) for k in METRICS}
    return result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    brief, corpus, scorer_path, baseline_path = args
    today = scores(load_scorer(scorer_path), brief, corpus)
    if "--update" in sys.argv:
        with open(baseline_path, "w") as f:
            json.dump(today, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"corpus: baseline written for {len(today)} files")
        return 0
    baseline = json.load(open(baseline_path))
    failures = []
    for stem, expected in sorted(baseline.items()):
        got = today.get(stem)
        if got is None or "error" in got:
            failures.append(f"{stem}: {'missing' if got is None else 'failed: ' + got['error']}")
            continue
        for metric in METRICS:
            if got[metric] < expected[metric] - TOLERANCE:
                failures.append(f"{stem}: {NAMES[metric]} {got[metric]:.2f}, baseline {expected[metric]:.2f}")
    n = len(today) or 1
    means = "  ".join(f"{NAMES[m]} {sum(v.get(m, 0) for v in today.values()) / n:.3f}" for m in METRICS)
    print(f"corpus: {len(today)} files  {means}")
    for line in failures:
        print("corpus: worse than the baseline: " + line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
