#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""App start with a large library: the CPU time `dossier` spends from
launch until it is idle (window shown, list filled and sorted), under Xvfb,
against the same app with an empty library (the floor; an empty libadwaita
window, the issue's other anchor, is not measured here).

    bench/library/app_start.py --library LIBRARY.db [--build build] [--app PATH] [--runs 3]
                               [--sort date|title|author]

LIBRARY.db is copied (the app may tidy it); `bench/library/run.py --keep DIR`
leaves one at DIR/library.db. Needs xvfb-run (apt-get install xvfb).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))


def cpu_seconds(pid):
    """User + system CPU of a live process, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def one_run(app, build, library, settle, sort):
    profile = tempfile.mkdtemp(prefix="dossier-app-start-")
    try:
        for d in ("data/dossier", "config", "cache", "state", "runtime"):
            os.makedirs(os.path.join(profile, d))
        os.chmod(os.path.join(profile, "runtime"), 0o700)
        if sort:
            keyfile = os.path.join(profile, "config", "glib-2.0", "settings", "keyfile")
            os.makedirs(os.path.dirname(keyfile))
            with open(keyfile, "w") as f:
                f.write(f"[io/github/dossier/Dossier]\nsort-order='{sort}'\n")
        if library:
            shutil.copy(library, os.path.join(profile, "data", "dossier", "library.db"))
        env = dict(os.environ,
                   XDG_DATA_HOME=os.path.join(profile, "data"),
                   XDG_CONFIG_HOME=os.path.join(profile, "config"),
                   XDG_CACHE_HOME=os.path.join(profile, "cache"),
                   XDG_STATE_HOME=os.path.join(profile, "state"),
                   XDG_RUNTIME_DIR=os.path.join(profile, "runtime"),
                   GSETTINGS_SCHEMA_DIR=os.path.join(TOP, build, "data"),
                   GSETTINGS_BACKEND="keyfile", GSK_RENDERER="cairo", NO_AT_BRIDGE="1")
        # The app runs under a private X server; its CPU time is read while
        # it idles, then it is stopped.
        proc = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", app], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        pid = None
        deadline = time.monotonic() + 30
        while pid is None and time.monotonic() < deadline:
            out = subprocess.run(["pgrep", "-s", str(proc.pid), "-x", os.path.basename(app)[:15]],
                                 capture_output=True, text=True).stdout.split()
            pid = int(out[0]) if out else None
            time.sleep(0.05)
        if pid is None:
            raise SystemExit("the app did not start")
        # Idle: its CPU time stops growing for `settle` seconds.
        last, still = -1.0, 0.0
        while still < settle:
            time.sleep(0.25)
            now = cpu_seconds(pid)
            still = still + 0.25 if now == last else 0.0
            last = now
        os.killpg(proc.pid, 15)
        proc.wait()
        return last
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--library", required=True)
    ap.add_argument("--build", default="build")
    ap.add_argument("--app", help="the dossier binary (default: the build's)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--settle", type=float, default=1.5)
    ap.add_argument("--sort", choices=("date", "title", "author"), help="the library's sort order")
    args = ap.parse_args()
    app = args.app or os.path.join(TOP, args.build, "src", "app", "dossier")

    full = [one_run(app, args.build, args.library, args.settle, args.sort) for _ in range(args.runs)]
    empty = [one_run(app, args.build, None, args.settle, args.sort) for _ in range(args.runs)]
    print(f"| `{app}`, sorted by {args.sort or 'the default (date)'} | {statistics.median(full):.2f} s CPU (10,000 articles) | "
          f"{statistics.median(empty):.2f} s CPU (empty library) | "
          f"{statistics.median(full) / statistics.median(empty):.1f}× | load {os.getloadavg()[0]:.1f} |")


if __name__ == "__main__":
    main()
