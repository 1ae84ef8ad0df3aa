#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparison benchmark: two 500-paragraph documents, compared as
perspectives, as versions and in auto mode, plus the perspectives matrix.

    bench/compare/run.py [--build build] [--paragraphs 500] [--runs 9] [--keep DIR]

Generates its own documents (random but plausible policy prose; nothing is
downloaded): a pair of different articles on overlapping topics, and a
pair of versions of one article (about 3 % of the words edited, some
paragraphs added and removed). Builds bench-compare.c against the build
tree's libdossier-core.a, times the comparison core (import excluded) and
the whole `dossier-cli compare --json` process, and prints a Markdown block
for bench/RESULTS.md. Goal: under 200 ms for two 500-paragraph documents.
"""

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

SUBJECTS = """Washington|Seoul|Pyongyang|Beijing|Tokyo|the alliance|the administration|Congress|
the Treasury|the regime|the National Assembly|the Unification Ministry|the Security Council|
negotiators|analysts|the military|aid groups|the opposition party|the president""".replace("\n", "").split("|")

VERBS = """should enforce|has expanded|refuses to discuss|must reconsider|cannot ignore|quietly supports|
openly rejects|will likely revisit|has delayed|continues to fund|ought to resume|has weakened|
keeps monitoring|is reviewing|underestimates""".replace("\n", "").split("|")

TOPICS = """sanctions enforcement|humanitarian exemptions|missile launches|nuclear testing|
denuclearization talks|family reunions|Chinese banks|money laundering|ship-to-ship transfers|
military exercises|extended deterrence|inter-Korean cooperation|border closures|food shortages|
cyber theft|cryptocurrency heists|human rights accountability|arms control|confidence building|
export controls|alliance cost sharing|troop deployments|satellite launches|defector policy|
energy assistance|maritime interdiction|diplomatic outreach|working-level talks|
a grand bargain|a peace declaration""".replace("\n", "").split("|")

FILLER = """in the coming months|despite repeated warnings|as the evidence shows|according to recent reports|
without a clear strategy|at considerable cost|under domestic pressure|with allied support|
after the last summit|before the next election""".replace("\n", "").split("|")


def sentence(rng, topic):
    return "{} {} {} {}.".format(rng.choice(SUBJECTS), rng.choice(VERBS), topic,
                                 rng.choice(FILLER)).capitalize()


def paragraph(rng, topic):
    others = rng.sample(TOPICS, 2)
    parts = [sentence(rng, topic) for _ in range(3)] + [sentence(rng, t) for t in others]
    rng.shuffle(parts)
    return " ".join(parts)


def article(rng, title, author, n):
    paras = [paragraph(rng, TOPICS[rng.randrange(len(TOPICS))]) for _ in range(n)]
    return title, author, paras


def write(path, title, author, paras):
    with open(path, "w", encoding="utf-8") as f:
        f.write("{}\n\nBy {}\n\n".format(title, author))
        f.write("\n\n".join(paras))
        f.write("\n")


def edit(rng, paras):
    out = []
    for p in paras:
        r = rng.random()
        if r < 0.02:
            continue                              # paragraph removed
        words = p.split(" ")
        for _ in range(max(1, len(words) // 30)):
            i = rng.randrange(len(words))
            words[i] = rng.choice(["notably", "however", "still", "again", words[i].upper()])
        out.append(" ".join(words))
        if r > 0.98:
            out.append(paragraph(rng, rng.choice(TOPICS)))   # paragraph added
    return out


def build_bench(build, out):
    pkgs = "glib-2.0 gio-2.0 json-glib-1.0 libxml-2.0 sqlite3 cairo cairo-pdf pango libsoup-3.0 poppler-glib libzip"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", *pkgs.split()],
                           capture_output=True, text=True, check=True).stdout.split()
    cmd = ["cc", "-O2", "-o", out, os.path.join(HERE, "bench-compare.c"),
           "-I", os.path.join(TOP, "src"), "-I", os.path.join(TOP, build), "-I", os.path.join(TOP, build, "src"),
           "-I", TOP, os.path.join(TOP, build, "src", "libdossier-core.a"), *flags, "-lstemmer", "-lm"]
    subprocess.run(cmd, check=True)


def time_cli(cli, a, b, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([cli, "compare", "--json", a, b], stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--paragraphs", type=int, default=500)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--keep")
    args = ap.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="dossier-bench-compare-")
    os.makedirs(work, exist_ok=True)
    rng = random.Random(20261124)
    n = args.paragraphs

    a = os.path.join(work, "perspective-a.txt")
    b = os.path.join(work, "perspective-b.txt")
    v1 = os.path.join(work, "version-1.txt")
    v2 = os.path.join(work, "version-2.txt")
    title, author, paras = article(rng, "Pressure and Its Limits", "Avery Stone", n)
    write(a, title, author, paras)
    write(b, *article(rng, "The Case for Engagement", "Jin-woo Han", n))
    write(v1, title, author, paras)
    write(v2, title, author, edit(rng, paras))

    bench = os.path.join(work, "bench-compare")
    build_bench(args.build, bench)
    cli = os.path.join(TOP, args.build, "src", "cli", "dossier-cli")

    rows = []
    for label, x, y in (("perspectives pair", a, b), ("versions pair", v1, v2)):
        out = subprocess.run([bench, str(args.runs), x, y], capture_output=True, text=True, check=True).stdout
        lines = out.strip().split("\n")
        sizes = lines[0].split()[1:]
        for line in lines[1:]:
            mode, median, best, cpu, links, changes = line.split()
            rows.append((label, "×".join(sizes), mode, float(median), float(best), float(cpu), links, changes))
        rows.append((label, "×".join(sizes), "whole `dossier-cli compare --json`",
                     time_cli(cli, x, y, max(3, args.runs // 2)), None, None, "", ""))

    print("`bench/compare/run.py --build {} --paragraphs {} --runs {}` ({}, {} CPUs)\n".format(
        args.build, n, args.runs, platform.platform(terse=True), os.cpu_count()))
    load = os.getloadavg()[0]
    print("Load average during the run: {:.1f}.\n".format(load))
    print("| pair | paragraphs | mode (asked→used) | median wall | best wall | median CPU | links / topics | changes |")
    print("|---|---|---|---|---|---|---|---|")
    for label, sizes, mode, median, best, cpu, links, changes in rows:
        print("| {} | {} | {} | {:.1f} ms | {} | {} | {} | {} |".format(
            label, sizes, mode, median, "{:.1f} ms".format(best) if best is not None else "",
            "{:.1f} ms".format(cpu) if cpu is not None else "", links, changes))

    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
