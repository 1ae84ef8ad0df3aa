#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Snippet cost against the matches in one document.

    bench/library/snippets.py [--build build] [--cli PATH] [--sizes 1000,10000,100000]

For each size N, writes a dossier-document with N short paragraphs that all
contain "keeper" (shorter ones from 500,000 on, to stay under the importer's
64 MiB), adds it to a new library with `dossier-cli library add`,
and times `dossier-cli library search keeper` (whole process, median of 3),
plus FTS5's own snippet() and highlight() over the same library through
Python's sqlite3 module (the same system libsqlite3) for reference. --cli
names another dossier-cli, e.g. one built from an earlier commit, to compare.
Not part of `make check`.
"""

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def write_document(path, n):
    doc = {
        "format": "dossier-document",
        "version": 1,
        "title": f"Lighthouse Logbook ({n} entries)",
        "subtitle": None,
        "publisher": None,
        "published": None,
        "source_url": None,
        "key_points": [],
        "pull_quotes": [],
        # A million of the longer paragraphs would pass the importer's 64 MiB.
        "paragraphs": [{"text": f"Lamp {i} lit at dusk by the keeper." if n < 500000 else f"Lamp {i}: keeper.",
                        "footnote_refs": []} for i in range(n)],
        "footnotes": [],
        "authors": [],
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))


def timed(cmd, timeout):
    start = time.monotonic()
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - start


def timed_sql(db, sql, timeout):
    con = sqlite3.connect(db)
    start = time.monotonic()
    deadline = start + timeout
    con.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 1000)
    try:
        con.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    return time.monotonic() - start


def fmt(seconds, timeout):
    return f"> {timeout:.0f} s" if seconds is None else f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--cli", help="the dossier-cli to measure (default: the build's)")
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--timeout", type=float, default=150.0, help="give up on one run after this many seconds")
    ap.add_argument("--no-reference", action="store_true", help="skip FTS5's own snippet() and highlight()")
    args = ap.parse_args()

    cli = args.cli or os.path.join(TOP, args.build, "src", "cli", "dossier-cli")
    work = tempfile.mkdtemp(prefix="dossier-snippets-")
    print(f"| matching paragraphs | `library search keeper` (whole process) | FTS5 `snippet()` | FTS5 `highlight()` |")
    print("|---|---|---|---|")
    for n in (int(s) for s in args.sizes.split(",")):
        doc = os.path.join(work, f"logbook-{n}.json")
        db = os.path.join(work, f"library-{n}.db")
        write_document(doc, n)
        subprocess.run([cli, "library", "--library", db, "add", doc], stdout=subprocess.DEVNULL, check=True)
        runs = []
        for _ in range(3):
            runs.append(timed([cli, "library", "--library", db, "search", "keeper"], args.timeout))
            if runs[-1] is None:
                break
        search = None if None in runs else statistics.median(runs)
        snippet = highlight = None
        if not args.no_reference:
            snippet = timed_sql(db, "SELECT snippet(search, 3, '[', ']', '…', 24) FROM search WHERE search MATCH 'keeper'",
                                args.timeout)
            highlight = timed_sql(db, "SELECT length(highlight(search, 3, '[', ']')) FROM search WHERE search MATCH 'keeper'",
                                  args.timeout)
        reference = ("not measured", "not measured") if args.no_reference else \
            (fmt(snippet, args.timeout), fmt(highlight, args.timeout))
        print(f"| {n:,} | {fmt(search, args.timeout)} | {reference[0]} | {reference[1]} |")
        sys.stdout.flush()
        for path in (doc, db, db + "-wal", db + "-shm"):
            if os.path.exists(path):
                os.unlink(path)
    os.rmdir(work)
    print(f"\nload average {os.getloadavg()[0]:.1f}; {cli}")


if __name__ == "__main__":
    main()
