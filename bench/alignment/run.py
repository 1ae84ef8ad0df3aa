#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Builds bench/alignment/sweep.c against the build tree's libdossier-core.a
and runs it on the judged pairs: the parameter grid, the best setting on
all development pairs, leave-one-pair-out, and the defaults; with --dump,
builds dump.c instead and prints the pairs' score matrices for proto.py.

    bench/alignment/run.py [--build build] [--dump]
"""

import argparse
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--dump", action="store_true",
                    help="print the judged pairs' score matrices (dump.c) for proto.py instead")
    args = ap.parse_args()
    pkgs = "glib-2.0 gio-2.0 json-glib-1.0 libxml-2.0 sqlite3 cairo cairo-pdf pango libsoup-3.0 poppler-glib libzip"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", *pkgs.split()],
                           capture_output=True, text=True, check=True).stdout.split()
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "sweep")
        subprocess.run(["cc", "-O2", "-o", exe, os.path.join(HERE, "dump.c" if args.dump else "sweep.c"),
                        "-I", os.path.join(TOP, "src"), "-I", os.path.join(TOP, args.build),
                        "-I", os.path.join(TOP, args.build, "src"), "-I", TOP,
                        os.path.join(TOP, args.build, "src", "libdossier-core.a"), *flags, "-lstemmer", "-lm"],
                       check=True)
        subprocess.run([exe, os.path.join(TOP, "..", "shared", "alignment-dev", "alignment.json"),
                        os.path.join(TOP, "tests", "comparison", "data", "alignment-own.json")], check=True)


if __name__ == "__main__":
    main()
