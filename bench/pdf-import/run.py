#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PDF import speed against pdftotext on the same file.

The report: the long memo of bench/pdf/gen-memo.py (about 100 Letter pages,
notes at the pages' feet) exported with dossier-cli export-pdf. Both tools
read the same text layer with Poppler; pdftotext only writes it out, the
importer also rebuilds paragraphs, notes and metadata.

    bench/pdf-import/run.py --build build --runs 7
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def timed(argv):
    """Wall and CPU seconds (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(argv, runs):
    timed(argv)  # warm the page cache and the font caches
    results = [timed(argv) for _ in range(runs)]
    return statistics.median(r[0] for r in results), statistics.median(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cli = os.path.join(args.build, "src", "cli", "dossier-cli")
    if not os.access(cli, os.X_OK):
        sys.exit("run.py: %s not found; build first" % cli)
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        sys.exit("run.py: pdftotext not found (apt-get install poppler-utils)")

    work = tempfile.mkdtemp(prefix="dossier-bench-pdf-import-")
    try:
        memo = os.path.join(work, "report.dossier-memo")
        page = os.path.join(work, "report.html")
        pdf = os.path.join(work, "report.pdf")
        subprocess.run([sys.executable, os.path.join(HERE, "..", "pdf", "gen-memo.py"), memo, page],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([cli, "export-pdf", "-q", "--paper=letter", memo, "-o", pdf], check=True)
        pages = pdf_pages(pdf)

        print("load average before: %.2f" % os.getloadavg()[0])
        dossier_wall, dossier_cpu = measure([cli, "import", pdf], args.runs)
        text_wall, text_cpu = measure([pdftotext, pdf, os.path.join(work, "out.txt")], args.runs)
        print("%d pages, %d KB" % (pages, os.path.getsize(pdf) // 1024))
        print("dossier-cli import:  median %.3f s wall, %.3f s CPU of %d runs (%.1f ms CPU a page)"
              % (dossier_wall, dossier_cpu, args.runs, 1000 * dossier_cpu / pages))
        print("pdftotext:           median %.3f s wall, %.3f s CPU of %d runs (%.1f ms CPU a page)"
              % (text_wall, text_cpu, args.runs, 1000 * text_cpu / pages))
        ratio = dossier_cpu / text_cpu
        print("ratio: %.2fx pdftotext's CPU time (goal within 2x: %s)" % (ratio, "met" if ratio <= 2 else "NOT met"))
        print("load average after: %.2f" % os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
