#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Library benchmark: bulk import, cold open, search latency and memory at
10,000 documents, against `grep -ril` over the same corpus as plain files.

    bench/library/run.py [--build build] [--documents 10000] [--keep DIR] [--cli PATH]

--search-only (with --keep) measures only the whole-process CLI figures
(search, list, export, program start) against grep and rg, --against PATH
an earlier dossier-cli in the same run.
--cli measures another dossier-cli (an earlier build, for before/after) on
the same corpus; --keep DIR keeps the corpus and reuses it on the next run.
The anchors: `grep -ril` (grep), `rg -il` (apt-get install ripgrep; left
out when missing) and the same text inserted into a bare FTS5 table through
Python's sqlite3 (the same libsqlite3).

Generates its own corpus (random but plausible policy prose with authors and
footnotes; nothing is downloaded), builds a small in-process timing program
against the build tree's libdossier-core.a, and prints the figures as a
Markdown block for bench/RESULTS.md. Not part of `make check`.
"""

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

# --- word lists -------------------------------------------------------------

FIRST = """Amara Ben Carla Dmitri Elena Farid Grace Hiroshi Ines Jonas Kavya Lars Mei Nadia
Omar Priya Quentin Rosa Samuel Tamar Umar Valeria Wen Xavier Yusuf Zofia Aidan Beatriz
Chidi Daniela Emeka Fatima Gabriel Hana Ivan Julia Kenji Leila Marco Noor Oscar Paula
Rahul Sofia Tomas Ursula Viktor Wanjiru Yara Zhang Anders Bianca Celine Diego Esther
Felix Greta Hassan Ingrid Jamal Katarina Luis Mariam Nikolai Olga Pedro Rania Stefan
Tara Uri Vera William Ximena Yosef Zainab""".split()

LAST = """Abbott Achebe Alvarez Andersson Bakker Banerjee Becker Bianchi Brennan Castillo
Chen Costa Dahl Delgado Dubois Eriksen Farouk Fischer Fontaine Gallagher Garcia Gupta
Haddad Hartmann Horvat Ibrahim Ivanova Jansen Jovanovic Kaplan Kato Khan Kowalski Larsen
Lindqvist Lopez Mahmoud Marino Mensah Moreau Nakamura Novak Nwosu Okafor Okonkwo Olsen
Park Petrov Quinn Rahman Reyes Rossi Sato Schmidt Silva Singh Sokolova Tanaka Torres
Usman Varga Vogel Wagner Weiss Yamamoto Yilmaz Zhou Zimmermann Quillfeather Renkowitz""".split()

PUBLISHERS = """Atlantic Policy Forum|Center for Strategic Futures|Institute for Global Affairs|
Northbridge Institute|Council on Economic Security|Meridian Foundation|Eastgate Policy Lab|
Pacific Security Initiative|Brookfield Policy Center|Harbor Institute for Trade|
Lakeside Council on Development|Granite Institute|Civic Futures Trust|Bellmont Center|
Riverside Institute for Peace""".replace("\n", "").split("|")

REGIONS = """North Korea|South Korea|Japan|China|Taiwan|the Taiwan Strait|Russia|Ukraine|the Black Sea|
Iran|the Gulf|Israel|Egypt|the Sahel|Nigeria|Ethiopia|Kenya|South Africa|Brazil|Mexico|
Venezuela|Colombia|India|Pakistan|Afghanistan|Indonesia|Vietnam|the Philippines|
the South China Sea|the Arctic|the Balkans|Poland|Germany|France|Turkey|Central Asia|
the Indo-Pacific|the European Union|ASEAN|the Horn of Africa""".replace("\n", "").split("|")

TOPICS = """sanctions|nuclear deterrence|export controls|semiconductor supply chains|climate finance|
energy transition|food security|migration policy|cyber norms|arms control|alliance burden sharing|
debt relief|monetary tightening|inflation|trade remedies|critical minerals|maritime security|
humanitarian access|public health preparedness|counterterrorism|election integrity|
artificial intelligence governance|water scarcity|infrastructure investment|refugee protection|
sovereign wealth funds|digital currencies|port access|missile defense|space security|
labor mobility|development finance|anti-corruption|grain exports|fisheries enforcement|
defense procurement|industrial policy|carbon pricing|rare earths|shipping insurance""".replace("\n", "").split("|")

ACTORS = """policymakers|Washington|Brussels|Beijing|Tokyo|Seoul|Moscow|New Delhi|allied governments|
regional partners|the administration|Congress|the Security Council|international lenders|
central banks|ministries of finance|defense planners|negotiators|civil society groups|
private investors|multilateral development banks|export credit agencies|the Group of Seven|
coalition members|domestic regulators|intelligence services|treasury officials""".replace("\n", "").split("|")

VERBS = """should reconsider|must strengthen|have underestimated|continue to debate|cannot ignore|
are quietly expanding|will need to coordinate|have struggled to enforce|increasingly favor|
should phase in|could credibly commit to|are likely to resist|ought to measure|have begun to revisit|
would benefit from clarifying|remain divided over|underinvest in|have yet to fund|
should make conditional|can no longer postpone""".replace("\n", "").split("|")

OBJECTS = """the enforcement of existing measures|a phased approach to {topic}|the costs of inaction|
a verification regime|the design of {topic}|incentives for compliance|the credibility of commitments|
the long-term budget implications|transparency requirements|a shared framework on {topic}|
the monitoring of ship-to-ship transfers|contingency planning for {region}|
the distributional effects of {topic}|independent audits|targeted exemptions|
dialogue channels with {region}|secondary effects on third countries|the role of {topic}|
early-warning indicators|burden sharing among partners""".replace("\n", "").split("|")

QUALIFIERS = """in the coming decade|despite mounting domestic pressure|as the evidence suggests|
according to recent field interviews|without a clear mandate|given the fiscal constraints|
after the last round of talks|in light of the panel of experts' findings|at a modest cost|
while avoiding escalation|before the next budget cycle|even as markets adjust|
with uneven results so far|under the current legal authorities|in close consultation with allies""".replace("\n", "").split("|")

CONNECTORS = """However,|Moreover,|In practice,|At the same time,|For this reason,|Historically,|
Critics argue that|Proponents note that|By contrast,|In the short run,|Over time,|
Put simply,|Nonetheless,|As a result,|Crucially,""".replace("\n", "").split("|")

EXTRA = """ombudsman|interlocutor|tranche|moratorium|stockpile|enrichment|waiver|tariff|quota|
subsidy|covenant|memorandum|escalation|deterrent|insurgency|ceasefire|corridor|
blockade|embargo|remittances|benchmark|liquidity|sovereignty|compliance|attribution|
interoperability|resilience|procurement|verification|humanitarian corridor|maximum pressure|
strategic patience|debt distress|supply shock|capital flight""".replace("\n", "").split("|")

QUERIES = [
    "sanctions", "north korea", "nuclear deterrence", "export controls semiconductor",
    "climate finance", "\"maximum pressure\"", "taiwan strait", "inflation",
    "migration policy", "cyber norms", "\"arms control\"", "burden sharing",
    "food security", "Okonkwo", "ombudsman", "humanitarian corridor",
    "energy transition", "debt relief", "monetary tightening", "verification regime",
]


def sentence(rng, pool):
    """One sentence about the document's own subjects: real articles stay
    on a few topics and regions, so a query word is not in every document."""
    topics, regions, extras = pool
    parts = []
    if rng.random() < 0.35:
        parts.append(rng.choice(CONNECTORS))
    actor = rng.choice(ACTORS)
    obj = rng.choice(OBJECTS).format(topic=rng.choice(topics), region=rng.choice(regions))
    s = f"{actor} {rng.choice(VERBS)} {obj}"
    if rng.random() < 0.6:
        s += " " + rng.choice(QUALIFIERS)
    if rng.random() < 0.25:
        s += f", particularly regarding {rng.choice(extras)} in {rng.choice(regions)}"
    s = " ".join(parts + [s])
    return s[0].upper() + s[1:] + "."


def make_document(rng, i):
    topic = rng.choice(TOPICS)
    region = rng.choice(REGIONS)
    pool = ([topic] * 3 + rng.sample(TOPICS, rng.randint(1, 3)),
            [region] * 2 + rng.sample(REGIONS, rng.randint(1, 3)),
            rng.sample(EXTRA, 4))
    title = rng.choice([
        f"Rethinking {topic.title()} in {region}",
        f"{topic.capitalize()} and the Future of {region}",
        f"Why {region} Matters for {topic.title()}",
        f"A Realistic Agenda on {topic.title()}",
        f"The Limits of {topic.title()}: Lessons from {region}",
    ]) + f" ({i})"
    publisher = rng.choice(PUBLISHERS)
    year = rng.randint(2005, 2025)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    authors = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        authors.append({
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "position": rng.choice(["Senior Fellow", "Director of Studies", "Research Associate", None]),
            "affiliation": publisher,
            "bio": None,
        })
    n_notes = rng.randint(5, 40)
    footnotes = []
    for n in range(1, n_notes + 1):
        a = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        url = f"https://www.example-{rng.randint(1, 400)}.org/{rng.choice(pool[0]).replace(' ', '-')}/{rng.randint(1000, 99999)}"
        cited = rng.choice(pool[0]) if rng.random() < 0.8 else rng.choice(TOPICS)
        text = (f"{a}, “{cited.capitalize()} after {rng.randint(1990, 2024)},” "
                f"{rng.choice(PUBLISHERS)}, {rng.randint(1, 28)} March {rng.randint(1995, 2025)}, {url}.")
        footnotes.append({"number": n, "text": text, "urls": [url]})
    paragraphs = []
    n_paragraphs = rng.randint(14, 34)
    for p in range(n_paragraphs):
        if p > 0 and rng.random() < 0.1:
            paragraphs.append({"text": f"{rng.choice(pool[2]).capitalize()} and {topic}", "kind": "heading",
                               "footnote_refs": []})
            continue
        text = " ".join(sentence(rng, pool) for _ in range(rng.randint(3, 7)))
        refs = []
        if footnotes and rng.random() < 0.5:
            refs.append({"number": rng.randint(1, n_notes), "offset": len(text)})
        paragraphs.append({"text": text, "footnote_refs": refs})
    key_points = [sentence(rng, pool) for _ in range(rng.randint(0, 4))]
    return {
        "format": "dossier-document",
        "version": 1,
        "title": title,
        "subtitle": None,
        "publisher": publisher,
        "published": published,
        "source_url": f"https://www.{publisher.lower().replace(' ', '')}.org/research/{i}",
        "key_points": key_points,
        "pull_quotes": [],
        "paragraphs": paragraphs,
        "footnotes": footnotes,
        "authors": authors,
    }


def plain_text(doc):
    lines = [doc["title"], ", ".join(a["name"] for a in doc["authors"]), doc["publisher"], ""]
    lines += doc["key_points"] + [""]
    lines += [p["text"] for p in doc["paragraphs"]] + [""]
    lines += [f"{n['number']}. {n['text']}" for n in doc["footnotes"]]
    return "\n".join(lines) + "\n"


def generate(corpus, n, seed):
    rng = random.Random(seed)
    json_dir = os.path.join(corpus, "json")
    text_dir = os.path.join(corpus, "text")
    os.makedirs(json_dir)
    os.makedirs(text_dir)
    files = []
    total = 0
    for i in range(n):
        doc = make_document(rng, i)
        path = os.path.join(json_dir, f"doc-{i:05d}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        text = plain_text(doc)
        total += len(text.encode("utf-8"))
        with open(os.path.join(text_dir, f"doc-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        files.append(path)
    return files, text_dir, total


def timed(cmd, **kwargs):
    """Runs cmd; returns (seconds, max RSS KiB, stdout)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    out, err = proc.communicate()
    elapsed = time.monotonic() - start
    # Popen.communicate reaps the child; its rusage comes from wait4 in a
    # fresh process per command, so read it via /usr/bin/time instead when needed.
    if proc.returncode not in (0, 1):
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"failed: {' '.join(cmd[:4])}…")
    return elapsed, out.decode(errors="replace"), err.decode(errors="replace")


def max_rss(cmd):
    """Max RSS (KiB) of one run of cmd, via GNU time."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, check=False)
    return int(out.stderr.decode().strip().splitlines()[-1])


KEEP_CACHES = False


def drop_caches():
    # --warm: on a machine shared with other people's builds, leave their caches alone.
    if KEEP_CACHES:
        return False
    try:
        subprocess.run(["sync"], check=False)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def build_bench(build, out):
    pkgs = "glib-2.0 gio-2.0 json-glib-1.0 libxml-2.0 sqlite3 cairo cairo-pdf pango libsoup-3.0"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", *pkgs.split()],
                           capture_output=True, text=True, check=True).stdout.split()
    cmd = ["cc", "-O2", "-o", out, os.path.join(HERE, "bench-library.c"),
           "-I", os.path.join(TOP, "src"), "-I", os.path.join(TOP, build), "-I", os.path.join(TOP, build, "src"),
           "-I", TOP, os.path.join(TOP, build, "src", "libdossier-core.a"), *flags, "-lstemmer", "-lm"]
    subprocess.run(cmd, check=True)


CHROME = ("<header class='site-header'><nav class='navbar'><ul>" +
          "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(40)) +
          "</ul></nav><div class='search'><form><input name='q'></form></div></header>"
          "<aside class='sidebar'><div class='newsletter-signup'><p>Sign up for our newsletter</p></div>"
          "<ul class='related'>" + "".join(f"<li><a href='/r/{i}'>Related analysis number {i}</a></li>"
                                          for i in range(20)) + "</ul></aside>")


def write_html_pages(files, out_dir):
    """Saved-page-like HTML (site chrome, a byline, paragraphs, notes as a
    list) from the generated documents; returns their paths and bytes."""
    os.makedirs(out_dir, exist_ok=True)
    paths, total = [], 0
    for name in files:
        with open(name, encoding="utf-8") as f:
            doc = json.load(f)
        esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;")
        body = "".join(f"<p>{esc(p['text'])}<sup><a href='#fn{n + 1}'>{n + 1}</a></sup></p>\n"
                       for n, p in enumerate(doc["paragraphs"][:len(doc["footnotes"])]))
        body += "".join(f"<p>{esc(p['text'])}</p>\n" for p in doc["paragraphs"][len(doc["footnotes"]):])
        notes = "".join(f"<li id='fn{n['number']}'>{esc(n['text'])}</li>" for n in doc["footnotes"])
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{esc(doc['title'])}</title>"
                f"<meta name='author' content='{esc(doc['authors'][0]['name'])}'>"
                f"<meta property='article:published_time' content='{doc['published']}'>"
                f"<script>{'var x = 1;' * 2000}</script><style>{'.a{color:red}' * 2000}</style></head>"
                f"<body>{CHROME}<main><article><h1>{esc(doc['title'])}</h1>"
                f"<p class='byline'>By {esc(', '.join(a['name'] for a in doc['authors']))}</p>"
                f"<div class='entry-content'>{body}</div><h2>Notes</h2><ol class='footnotes'>{notes}</ol>"
                f"</article></main><footer class='site-footer'>{CHROME}</footer></body></html>")
        path = os.path.join(out_dir, os.path.basename(name).replace(".json", ".html"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(page)
        paths.append(path)
        total += len(page.encode("utf-8"))
    return paths, total


def measure_html(cli, files, work):
    """`library add` of saved pages into a new library, in MB/s, against
    parsing them alone with `xmllint --html` (the floor)."""
    pages, total = write_html_pages(files, os.path.join(work, "html"))
    db = os.path.join(work, "html-library.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    start = time.monotonic()
    proc = subprocess.Popen([cli, "library", "--library", db, "add", *pages],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    ours = time.monotonic() - start
    ours_cpu = usage.ru_utime + usage.ru_stime
    start = time.monotonic()
    proc = subprocess.Popen(["xmllint", "--html", "--noout", "--nowarning", *pages],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    floor = time.monotonic() - start
    floor_cpu = usage.ru_utime + usage.ru_stime
    return {"pages": len(pages), "mb": total / 1e6, "ours": ours, "ours_cpu": ours_cpu,
            "floor": floor, "floor_cpu": floor_cpu}


def print_html_figures(h):
    print(f"| `library add` of {h['pages']} saved HTML pages ({h['mb']:.1f} MB) | "
          f"{h['mb'] / h['ours']:.1f} MB/s wall, {h['mb'] / h['ours_cpu']:.1f} MB/s CPU | "
          f"`xmllint --html` {h['mb'] / h['floor']:.0f} MB/s wall, {h['mb'] / h['floor_cpu']:.0f} MB/s CPU | ≥ 20 MB/s |")


def measure_import(cli, files, work, runs=3):
    """CPU time of `library add` of @files into a new library, and of the
    same text into a bare FTS5 table, alternating (median of @runs): on a
    loaded machine wall times of runs minutes apart are not comparable."""
    import resource
    db = os.path.join(work, "import-library.db")
    ours, floor = [], []
    for _ in range(runs):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        proc = subprocess.Popen([cli, "library", "--library", db, "add", *files],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        ours.append(usage.ru_utime + usage.ru_stime)
        before = resource.getrusage(resource.RUSAGE_SELF)
        bare_fts5_import(files, os.path.join(work, "bare-fts5.db"))
        after = resource.getrusage(resource.RUSAGE_SELF)
        floor.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(ours), statistics.median(floor)


def bare_fts5_import(files, path):
    """The same text as `library add` stores for search, into a bare FTS5
    table with the library's tokenizer: the floor for a bulk import."""
    import sqlite3
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    start = time.monotonic()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("CREATE VIRTUAL TABLE search USING fts5 (title, authors, key_points, body, footnotes,"
                " tokenize = 'porter unicode61 remove_diacritics 2')")
    for i in range(0, len(files), 32):
        con.execute("BEGIN")
        for name in files[i:i + 32]:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f)
            con.execute("INSERT INTO search VALUES (?, ?, ?, ?, ?)",
                        (doc["title"], "\n".join(a["name"] for a in doc["authors"]),
                         "\n".join(doc["key_points"]), "\n".join(p["text"] for p in doc["paragraphs"]),
                         "\n".join(n["text"] for n in doc["footnotes"])))
        con.execute("COMMIT")
    con.close()
    return time.monotonic() - start


def median_run(cmd, runs=5):
    """Median wall ms and CPU ms of whole-process runs (warm page cache)."""
    walls, cpus = [], []
    for _ in range(runs):
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append((time.monotonic() - start) * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
    return statistics.median(walls), statistics.median(cpus)


CLI_QUERIES = ["sanctions", "north korea", "export controls semiconductor", "Okonkwo", "verification regime"]


def measure_cli(cli, db, text_dir):
    """What a user runs: whole processes, files cached, against grep and rg."""
    figures = {"search": [], "grep": [], "rg": []}
    rg = shutil.which("rg")
    subprocess.run([cli, "library", "--library", db, "list"], stdout=subprocess.DEVNULL, check=True)
    for q in CLI_QUERIES:
        figures["search"].append(median_run([cli, "library", "--library", db, "search", q, "--limit", "50"]))
        figures["grep"].append(median_run(["grep", "-ril", "--", q, text_dir]))
        if rg:
            figures["rg"].append(median_run([rg, "-il", "--", q, text_dir]))
    figures["list"] = median_run([cli, "library", "--library", db, "list"])
    first_id = subprocess.run([cli, "library", "--library", db, "list"], capture_output=True, text=True,
                              check=True).stdout.split("\t", 1)[0]
    figures["export"] = median_run([cli, "library", "--library", db, "export", first_id[:8]])
    return figures


def print_search_only(cli, against, db, text_dir):
    """The CLI figures for this build and, right after, an earlier
    one; and what starting each program costs (`--version`, 20 runs)."""
    ours = measure_cli(cli, db, text_dir)
    before = measure_cli(against, db, text_dir) if against else None
    print(f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.1f}")
    print()
    print_cli_figures(ours)
    if before:
        print()
        print(f"Earlier build ({against}), same minutes:")
        print()
        print_cli_figures(before)
    print()
    print("| program start (`--version`, median of 20) | wall | CPU |")
    print("|---|---|---|")
    for name, cmd in [("dossier-cli", [cli, "--version"]), ("earlier dossier-cli", [against, "--version"]),
                      ("grep", ["grep", "--version"]), ("rg", ["rg", "--version"])]:
        if cmd[0] and shutil.which(cmd[0]):
            wall, cpu = median_run(cmd, runs=20)
            print(f"| `{name} --version` | {wall:.1f} ms | {cpu:.1f} ms |")


def print_cli_figures(f):
    search = statistics.median(w for w, _ in f["search"])
    search_cpu = statistics.median(c for _, c in f["search"])
    grep = statistics.median(w for w, _ in f["grep"])
    print("| whole process, files cached (median of 5 runs per query, median over "
          f"{len(CLI_QUERIES)} queries) | wall | CPU | ratio (other ÷ ours) |")
    print("|---|---|---|---|")
    print(f"| `dossier-cli library search Q --limit 50` | {search:.0f} ms | {search_cpu:.0f} ms | |")
    print(f"| `grep -ril Q` over the .txt corpus | {grep:.0f} ms | "
          f"{statistics.median(c for _, c in f['grep']):.0f} ms | {grep / search:.1f}× |")
    if f["rg"]:
        rg = statistics.median(w for w, _ in f["rg"])
        print(f"| `rg -il Q` over the .txt corpus | {rg:.0f} ms | "
              f"{statistics.median(c for _, c in f['rg']):.0f} ms | {rg / search:.1f}× |")
    else:
        print("| `rg -il Q` | not installed (apt-get install ripgrep) | | |")
    print(f"| `dossier-cli library list` (10,000 lines) | {f['list'][0]:.0f} ms | {f['list'][1]:.0f} ms | |")
    print(f"| `dossier-cli library export ID` | {f['export'][0]:.0f} ms | {f['export'][1]:.0f} ms | |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build", help="meson build directory (default: build)")
    ap.add_argument("--documents", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--keep", help="generate the corpus and library here and keep them (reused when there)")
    ap.add_argument("--cli", help="the dossier-cli to measure (default: the build's)")
    ap.add_argument("--warm", action="store_true", help="never drop the page cache (a shared machine)")
    ap.add_argument("--import-only", type=int, metavar="N",
                    help="only the CPU time of `library add` of N documents against a bare FTS5 table (needs --keep)")
    ap.add_argument("--search-only", action="store_true",
                    help="only the whole-process CLI figures (search, list, export, start) against grep and rg "
                         "(needs --keep)")
    ap.add_argument("--against", metavar="PATH",
                    help="with --search-only: an earlier dossier-cli measured right after, in the same run")
    ap.add_argument("--html-only", action="store_true",
                    help="only `library add` of 500 saved HTML pages against xmllint (needs --keep)")
    args = ap.parse_args()
    global KEEP_CACHES
    KEEP_CACHES = args.warm

    cli = args.cli or os.path.join(TOP, args.build, "src", "cli", "dossier-cli")
    if not os.path.exists(cli):
        raise SystemExit(f"{cli} is missing: build first (meson compile -C {args.build})")

    work = args.keep or tempfile.mkdtemp(prefix="dossier-bench-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus")
    reuse = args.keep and os.path.exists(os.path.join(corpus, "done"))
    if os.path.exists(corpus) and not reuse:
        shutil.rmtree(corpus)
    db = os.path.join(work, "library.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix) and not (args.import_only or args.html_only or args.search_only):
            os.unlink(db + suffix)
    bench = os.path.join(work, "bench-library")
    build_bench(args.build, bench)

    t0 = time.monotonic()
    if reuse:
        json_dir = os.path.join(corpus, "json")
        text_dir = os.path.join(corpus, "text")
        files = [os.path.join(json_dir, f) for f in sorted(os.listdir(json_dir))]
        corpus_bytes = sum(os.path.getsize(os.path.join(text_dir, f)) for f in os.listdir(text_dir))
    else:
        files, text_dir, corpus_bytes = generate(corpus, args.documents, args.seed)
        open(os.path.join(corpus, "done"), "w").close()
    gen_s = time.monotonic() - t0
    if args.import_only:
        ours, floor = measure_import(cli, files[:args.import_only], work)
        print(f"| `library add` of {args.import_only} JSON files, CPU (median of 3) | {ours:.2f} s "
              f"({args.import_only / ours:.0f} docs/s) | bare FTS5 {floor:.2f} s "
              f"({args.import_only / floor:.0f} docs/s) | {floor / ours:.2f}× | load {os.getloadavg()[0]:.1f} |")
        return
    if args.search_only:
        print_search_only(cli, args.against, db, os.path.join(corpus, "text"))
        return
    if args.html_only:
        print_html_figures(measure_html(cli, files[:500], work))
        return
    print(f"generated {len(files)} documents, {corpus_bytes / 1e6:.1f} MB of text, in {gen_s:.1f} s",
          file=sys.stderr)

    # Bulk import through the CLI, as a user would.
    import_s = 0.0
    import_rss = 0
    chunk = 2500
    for i in range(0, len(files), chunk):
        cmd = [cli, "library", "--library", db, "add", *files[i:i + chunk]]
        start = time.monotonic()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        import_s += time.monotonic() - start
        if out.returncode != 0:
            sys.stderr.write(out.stderr.decode(errors="replace")[-2000:])
            raise SystemExit("import failed")
        import_rss = max(import_rss, int(out.stderr.decode().strip().splitlines()[-1]))
    db_bytes = os.path.getsize(db)
    print(f"imported in {import_s:.1f} s", file=sys.stderr)
    fts_s = bare_fts5_import(files, os.path.join(work, "bare-fts5.db"))
    print(f"bare FTS5 in {fts_s:.1f} s", file=sys.stderr)
    cli_figures = measure_cli(cli, db, text_dir)
    html_figures = measure_html(cli, files[:500], work)

    # Cold open: a new process each time; the page cache is dropped when allowed.
    cold = drop_caches()
    opens = []
    for _ in range(5):
        if cold:
            drop_caches()
        out = subprocess.run([bench, "open", db], capture_output=True, text=True, check=True)
        opens.append(json.loads(out.stdout))
    open_ms = statistics.median(o["open_and_list_ms"] for o in opens)
    open_cpu_ms = statistics.median(o["open_and_list_cpu_ms"] for o in opens)
    warm = []
    for _ in range(5):
        out = subprocess.run([bench, "open", db], capture_output=True, text=True, check=True)
        warm.append(json.loads(out.stdout))
    warm_ms = statistics.median(o["open_and_list_ms"] for o in warm)
    open_rss = max(o["max_rss_kib"] for o in opens)
    proc_start = time.monotonic()
    subprocess.run([cli, "library", "--library", db, "list"], stdout=subprocess.DEVNULL, check=True)
    cli_list_ms = (time.monotonic() - proc_start) * 1000

    # Search, in-process.
    if cold:
        drop_caches()
    out = subprocess.run([bench, "search", db, *QUERIES], capture_output=True, text=True, check=True)
    search = json.loads(out.stdout)
    firsts = [q["first_ms"] for q in search["queries"]]
    medians = [q["median_ms"] for q in search["queries"]]

    # grep -ril for the same queries over the same corpus as plain files.
    if cold:
        drop_caches()
    grep_ms = []
    grep_cpu_ms = []
    for q in QUERIES:
        needle = q.strip('"')
        start = time.monotonic()
        proc = subprocess.Popen(["grep", "-ril", "--", needle, text_dir], stdout=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        grep_ms.append((time.monotonic() - start) * 1000)
        grep_cpu_ms.append((usage.ru_utime + usage.ru_stime) * 1000)

    cpus = [q["median_cpu_ms"] for q in search["queries"]]
    lib_cpu_median = statistics.median(cpus)
    grep_cpu_median = statistics.median(grep_cpu_ms)
    load = os.getloadavg()[0]
    lib_median = statistics.median(medians)
    lib_first_median = statistics.median(firsts)
    grep_median = statistics.median(grep_ms)

    print()
    print(f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    print(f"- Machine: {cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"SQLite via system libsqlite3; build `{args.build}`")
    print(f"- Corpus: {len(files)} generated documents, {corpus_bytes / 1e6:.1f} MB of text "
          f"(avg {corpus_bytes / len(files) / 1024:.1f} KiB); library file {db_bytes / 1e6:.1f} MB")
    print(f"- Page cache: {'dropped before each cold measurement' if cold else 'warm (could not drop caches)'}")
    print(f"- Load average at the end: {load:.1f} (other work on the machine makes wall-clock figures noisy;"
          f" CPU times are steadier)")
    print()
    print("| measure | result | goal |")
    print("|---|---|---|")
    print(f"| bulk import (`dossier-cli library add`, {len(files)} JSON files) | {import_s:.1f} s "
          f"({len(files) / import_s:.0f} docs/s), max RSS {import_rss / 1024:.0f} MiB | |")
    print(f"| cold open (open + walk the list of {opens[0]['documents']}) | median {open_ms:.1f} ms "
          f"(open alone {statistics.median(o['open_ms'] for o in opens):.1f} ms; CPU {open_cpu_ms:.1f} ms), "
          f"max RSS {open_rss / 1024:.0f} MiB | < 200 ms |")
    print(f"| open + list, new process, warm page cache | median {warm_ms:.1f} ms | |")
    print(f"| `dossier-cli library list` (whole process) | {cli_list_ms:.0f} ms | |")
    print(f"| search, 20 queries, limit 20, median of 5 runs each | median {lib_median:.2f} ms, "
          f"worst {max(medians):.2f} ms | median < 20 ms |")
    print(f"| search, first run of each query | median {lib_first_median:.2f} ms, worst {max(firsts):.2f} ms | |")
    print(f"| search process max RSS | {search['max_rss_kib'] / 1024:.0f} MiB | |")
    print(f"| `grep -ril` same queries, same corpus as .txt | median {grep_median:.0f} ms, "
          f"worst {max(grep_ms):.0f} ms | |")
    wides = [q["median_1000_ms"] for q in search["queries"]]
    print(f"| search with limit 1000 (the window's per-keystroke call) | median {statistics.median(wides):.2f} ms, "
          f"worst {max(wides):.2f} ms | |")
    print(f"| search CPU time per query | median {lib_cpu_median:.2f} ms, worst {max(cpus):.2f} ms | |")
    print(f"| `grep -ril` CPU time per query | median {grep_cpu_median:.0f} ms | |")
    print(f"| ratio grep / library (medians) | wall {grep_median / lib_median:.0f}× "
          f"(first runs: {grep_median / lib_first_median:.0f}×), CPU {grep_cpu_median / lib_cpu_median:.0f}× | ≥ 20× |")
    print(f"| bare FTS5 table, same text (Python sqlite3, transactions of 32) | {fts_s:.1f} s "
          f"({len(files) / fts_s:.0f} docs/s); ratio FTS5 time / ours {fts_s / import_s:.2f}× | ≥ 0.5× |")
    print_html_figures(html_figures)
    print()
    print_cli_figures(cli_figures)
    print()
    print("| query | library median ms | CPU ms | first run ms | limit 1000: hits, ms | grep ms | grep CPU ms |")
    print("|---|---|---|---|---|---|---|")
    for q, g, gc in zip(search["queries"], grep_ms, grep_cpu_ms):
        print(f"| `{q['query']}` | {q['median_ms']:.2f} | {q['median_cpu_ms']:.2f} | {q['first_ms']:.2f} "
              f"| {q['hits_1000']}, {q['median_1000_ms']:.1f} | {g:.0f} | {gc:.0f} |")

    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
