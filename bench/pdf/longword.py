#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Long unbreakable text: exports a memo whose one paragraph is a single
"word" of N kilobytes (no spaces), and one whose paragraph is a URL-like
string of that length, with `dossier-cli export-pdf`; prints the wall
time and page count of each. A one-off measurement for bench/RESULTS.md.

    bench/pdf/longword.py [--build build] [--sizes 20,60,250]

A memo block is at most 256 KiB, hence 250 KB at most."""
import argparse
import json
import os
import subprocess
import tempfile
import time


def memo(text):
    return {
        "format": "dossier-memo", "version": 1, "kind": "information",
        "header": {"marking": "UNCLASSIFIED", "to": "The Secretary", "from": "Staff",
                   "date": "2025-03-04", "subject": "Long words"},
        "sections": [{"title": "One", "blocks": [{"type": "paragraph", "text": text}]}],
        "citations": [],
    }


def pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return next(int(l.split()[1]) for l in out.splitlines() if l.startswith("Pages:"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--sizes", default="20,60,250")
    parser.add_argument("--cli", help="a dossier-cli to use instead of the build's")
    args = parser.parse_args()
    cli = args.cli or os.path.join(args.build, "src", "cli", "dossier-cli")
    with tempfile.TemporaryDirectory() as work:
        for kb in (int(s) for s in args.sizes.split(",")):
            n = kb * 1000
            word = ("abcdefghij" * (n // 10 + 1))[:n]
            url = "https://example.org/" + "/".join("segment%d.part_%d?q=%d&x=y" % (i, i, i)
                                                    for i in range(n // 30 + 1))
            for name, text in (("word", word), ("url", url[:n])):
                src = os.path.join(work, "%s-%d.dossier-memo" % (name, kb))
                out = os.path.join(work, "%s-%d.pdf" % (name, kb))
                with open(src, "w", encoding="utf-8") as f:
                    json.dump(memo(text), f)
                start = time.perf_counter()
                subprocess.run([cli, "export-pdf", src, "-o", out], check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - start
                print("%-4s %4d KB: %7.3f s, %d pages" % (name, kb, wall, pages(out)))


if __name__ == "__main__":
    main()
