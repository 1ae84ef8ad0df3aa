#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PDF export benchmark: a ~100-page memo with many footnotes, exported by
`dossier-cli export-pdf` and, in the same run, the same content as HTML
converted by LibreOffice headless. Prints the times and the ratio.

    bench/pdf/run.py [--build build] [--runs 5]

LibreOffice (libreoffice-writer-nogui) is needed for the comparison only;
without it the script reports Dossier's figures alone."""
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


CPU = []  # CPU seconds (user + system) of each timed run, children included


def timed(argv, **kwargs):
    """Wall-clock seconds of one run; its CPU time goes to CPU."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def phases(build, memo, out, work):
    """In-process phase times (bench-export.c), if it can be compiled."""
    lib = os.path.join(build, "src", "libdossier-core.a")
    exe = os.path.join(work, "bench-export")
    packages = ["gio-2.0", "pangocairo", "cairo-pdf", "json-glib-1.0", "libxml-2.0", "sqlite3", "libsoup-3.0"]
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs"] + packages,
                               capture_output=True, text=True, check=True).stdout.split()
        subprocess.run(["cc", "-O2", "-I", build, "-I", "src", "-I", "src/model", "-I", os.path.join(build, "src"),
                        os.path.join(HERE, "bench-export.c"), lib, "-o", exe] + flags + ["-lstemmer", "-lhyphen", "-lm"],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        print("  (phase timings skipped: bench-export.c did not build)")
        return
    result = subprocess.run([exe, memo, out], capture_output=True, text=True, check=True).stdout
    print("  in-process phases: " + ", ".join(line.replace(" ", " ") for line in result.splitlines()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    cli = os.path.join(args.build, "src", "cli", "dossier-cli")
    if not os.access(cli, os.X_OK):
        sys.exit("run.py: %s not found; build first" % cli)

    work = tempfile.mkdtemp(prefix="dossier-bench-pdf-")
    try:
        memo = os.path.join(work, "memo.dossier-memo")
        page = os.path.join(work, "memo.html")
        out = os.path.join(work, "memo.pdf")
        notes = subprocess.run([sys.executable, os.path.join(HERE, "gen-memo.py"), memo, page],
                               capture_output=True, text=True, check=True).stdout.strip()

        # One warm-up so both tools start with the page cache warm.
        timed([cli, "export-pdf", "-q", "--paper=letter", memo, "-o", out])
        del CPU[:]
        dossier = [timed([cli, "export-pdf", "-q", "--paper=letter", memo, "-o", out])
                   for _ in range(args.runs)]
        dossier_s = statistics.median(dossier)
        dossier_cpu = statistics.median(CPU)
        print("load average before: %.2f" % os.getloadavg()[0])
        print("dossier-cli export-pdf: %d pages, %s, median %.3f s wall of %d runs (min %.3f, max %.3f), "
              "median %.3f s CPU" % (pdf_pages(out), notes, dossier_s, args.runs, min(dossier), max(dossier),
                                     dossier_cpu))
        print("  goal < 1 s: %s" % ("met" if dossier_s < 1.0 else "NOT met"))

        phases(args.build, memo, os.path.join(work, "phases.pdf"), work)

        office = shutil.which("libreoffice") or shutil.which("soffice")
        if office is None:
            print("libreoffice: not installed (apt-get install libreoffice-writer-nogui); no ratio")
            return

        profile = "file://" + os.path.join(work, "lo-profile")
        outdir = os.path.join(work, "lo")
        argv = [office, "-env:UserInstallation=" + profile, "--headless",
                "--convert-to", "pdf:writer_pdf_Export", "--outdir", outdir, page]
        # The first start creates the profile; time the runs after it.
        timed(argv)
        del CPU[:]
        runs = [timed(argv) for _ in range(max(2, args.runs // 2))]
        office_s = statistics.median(runs)
        office_cpu = statistics.median(CPU)
        print("libreoffice --headless --convert-to pdf (HTML): %d pages, median %.3f s wall of %d runs, "
              "median %.3f s CPU" % (pdf_pages(os.path.join(outdir, "memo.pdf")), office_s, len(runs), office_cpu))
        print("ratio: %.1fx faster wall, %.1fx less CPU (goal >= 10x: %s)"
              % (office_s / dossier_s, office_cpu / dossier_cpu,
                 "met" if office_s / dossier_s >= 10 else "NOT met"))
        print("load average after: %.2f" % os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
