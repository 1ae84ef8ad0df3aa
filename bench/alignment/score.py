#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores the perspectives alignment against hand-judged paragraph pairs.

    bench/alignment/score.py [--build build] [--set DIR_OR_JSON ...] [--verbose]

Reads ../shared/alignment-dev/alignment.json (the development set; skipped
when absent) and tests/comparison/data/alignment-own.json (the project's own
judged pairs), imports both files of each pair with `dossier-cli import`,
runs `dossier-cli compare --mode=perspectives --json`, maps the reported
paragraph indices to body paragraph numbers through the 8-word keys, and
prints per pair and pooled: strong recall, recall of all listed links,
precision (predicted links that are listed, strong or weak) and F1 of
strong recall with precision. The same figures as the C test
/dossier/comparison/alignment/dev-set, for quick iteration.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def key_of(text):
    return " ".join(text.replace("\u00a0", " ").split()[:8])


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True)
    return json.loads(out.stdout.decode("utf-8"))


def body_numbers(cli, path):
    doc = run_json([cli, "import", path])
    numbers = {}
    n = 0
    for index, par in enumerate(doc["paragraphs"]):
        if par.get("kind") == "heading":
            continue
        n += 1
        numbers[index] = key_of(par["text"])
    return numbers


def load_sets(paths):
    sets = []
    for path in paths:
        if os.path.isdir(path):
            path = os.path.join(path, "alignment.json")
        if not os.path.exists(path):
            print("skipped (absent): " + path, file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        sets.append((os.path.dirname(path), data))
    return sets


def score_pair(cli, base, pair, verbose, extra_args):
    docs = pair["documents"]
    pa = os.path.join(base, docs["a"]["file"])
    pb = os.path.join(base, docs["b"]["file"])
    key_to_n = {}
    for side in ("a", "b"):
        key_to_n[side] = {p["key"]: p["n"] for p in docs[side]["paragraphs"]}
    idx_a = body_numbers(cli, pa)
    idx_b = body_numbers(cli, pb)
    result = run_json([cli, "compare", "--mode=perspectives", "--json"] + extra_args + [pa, pb])
    judged = {(j["a"], j["b"]): j["strength"] for j in pair["judged_pairs"]}
    predicted = set()
    wrong_target = 0
    for link in result["alignments"]:
        na = key_to_n["a"].get(idx_a.get(link["a"]))
        nb = key_to_n["b"].get(idx_b.get(link["b"]))
        if na is None or nb is None:
            wrong_target += 1
            predicted.add(("?", link["a"], link["b"]))
            continue
        predicted.add((na, nb))
    strong = {k for k, v in judged.items() if v == "strong"}
    listed = set(judged)
    tp_strong = len(strong & predicted)
    tp_all = len(listed & predicted)
    r = {
        "pair": pair["pair"],
        "strong": len(strong), "listed": len(listed), "predicted": len(predicted),
        "tp_strong": tp_strong, "tp_all": tp_all,
    }
    if verbose:
        for k in sorted(predicted, key=str):
            print("   %s %s" % (k, judged.get(k, "WRONG")))
        for k in sorted(strong - predicted):
            print("   missed strong %s" % (k,))
    return r


def fmt(name, r):
    rs = r["tp_strong"] / r["strong"] if r["strong"] else 0.0
    ra = r["tp_all"] / r["listed"] if r["listed"] else 0.0
    p = r["tp_all"] / r["predicted"] if r["predicted"] else 0.0
    f1 = 2 * p * rs / (p + rs) if p + rs else 0.0
    return "| %s | %d | %d | %d | %.2f | %.2f | %.2f | %.2f |" % (
        name, r["strong"], r["listed"], r["predicted"], rs, ra, p, f1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(TOP, "build"))
    ap.add_argument("--set", action="append")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("extra", nargs="*", help="extra arguments for dossier-cli compare")
    args = ap.parse_args()
    cli = os.path.join(args.build, "src", "cli", "dossier-cli")
    sets = args.set or [os.path.join(TOP, "..", "shared", "alignment-dev"),
                        os.path.join(TOP, "tests", "comparison", "data", "alignment-own.json")]
    rows = []
    for base, data in load_sets(sets):
        for pair in data["document_pairs"]:
            if args.verbose:
                print(pair["pair"])
            rows.append(score_pair(cli, base, pair, args.verbose, args.extra))
    print("| pair | strong | listed | predicted | strong R | all R | P | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    pooled = {k: 0 for k in ("strong", "listed", "predicted", "tp_strong", "tp_all")}
    for r in rows:
        print(fmt(r["pair"], r))
        for k in pooled:
            pooled[k] += r[k]
    print(fmt("pooled", pooled))


if __name__ == "__main__":
    main()
