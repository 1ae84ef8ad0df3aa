#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""DOCX and ODT exports rendered by LibreOffice (`make check-office`).

Writes a memo of several pages with footnotes and a Korean paragraph,
exports it with `dossier-cli export` to DOCX and ODT, has LibreOffice
headless render both to PDF, and checks each page with pdftotext: the
banner is the first and the last line, "Page N of M" is right, every note
is on the page of its reference and below all of that page's body text,
and the Hangul is there. The pages are left as PNGs (pdftoppm) in --out to
be looked at. Not part of `make check`: LibreOffice is large and slow to
start, and is not among the project's dependencies; without it this says
so and stops.

    check-office.py --build build --out build/check-office
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARKING = "SENSITIVE BUT UNCLASSIFIED"
KOREAN = "서울의 연구자들은 단계적 접근이 검증과 함께 가야 한다고 본다"
N_SECTIONS = 6
N_PARAGRAPHS = 5
SURNAMES = ("Avery", "Okafor", "Lind", "Park", "Stone", "Moreau", "Tanaka")


def body_word(n):
    return "Bodymark%02d" % n


def note_word(n):
    return "Notemark%02d" % n


def write_memo(path):
    """Each paragraph ends with a unique word and a reference to a
    citation whose title holds another unique word: where one is, the
    other's note must be on the same page."""
    citations = []
    sections = []
    n = 0
    for s in range(N_SECTIONS):
        blocks = []
        for p in range(N_PARAGRAPHS):
            n += 1
            citations.append({
                "id": "c%d" % n, "quote": None, "locator": "p. %d" % n, "library_id": None,
                "document": {"title": "%s on verification and sequencing" % note_word(n),
                             "authors": ["Jordan %s" % SURNAMES[n % len(SURNAMES)]], "publisher": "Policy Institute",
                             "published": "2024-05-%02d" % (n % 28 + 1),
                             "source_url": "https://example.org/report/%d" % n}})
            text = ("Allies in the region have weighed the pace of the negotiations, and several "
                    "institutes have proposed frameworks that stress verification, the sequencing of "
                    "relief and measures that build confidence between the parties over time, "
                    "with *phased* steps and **reversible** relief; the analysts differ on the order "
                    "of these steps and on what would count as progress %s.[^c%d]" % (body_word(n), n))
            blocks.append({"type": "paragraph", "text": text})
        if s == 1:
            blocks.append({"type": "bullets", "items": ["Relief in tranches.", "Snap-back agreed in advance."]})
            blocks.append({"type": "quote", "text": "A freeze is a floor, not a reward.", "cite": "c1"})
        if s == 2:
            blocks.append({"type": "paragraph", "text": KOREAN + ".[^c2]"})
        sections.append({"title": "(U) Section %d" % (s + 1), "blocks": blocks})

    memo = {
        "format": "dossier-memo", "version": 1, "kind": "information",
        "header": {"marking": MARKING, "to": "The Under Secretary", "from": "Policy Planning Staff",
                   "date": "2025-03-04", "subject": "(SBU) Rendering Check for Word and OpenDocument"},
        "sections": sections,
        "citations": citations,
    }
    with open(path, "w", encoding="utf-8") as f:
        json.dump(memo, f, ensure_ascii=False, indent=1)
    return n


def pages_text(pdf):
    count = 0
    for line in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout.splitlines():
        if line.startswith("Pages:"):
            count = int(line.split()[1])
    texts = []
    for page in range(1, count + 1):
        texts.append(subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                                    capture_output=True, text=True, check=True).stdout)
    return texts


def check_pages(label, pdf, n_notes, failures):
    texts = pages_text(pdf)
    total = len(texts)
    if total < 2:
        failures.append("%s: %d page(s); the memo should take several" % (label, total))
    body_page = {}
    note_page = {}
    for index, text in enumerate(texts, 1):
        lines = [l.strip() for l in text.splitlines() if l.strip()]
        if not lines or lines[0] != MARKING or lines[-1] != MARKING:
            failures.append("%s page %d: the banner is not the first and last line (%r … %r)"
                            % (label, index, lines[:1], lines[-1:]))
        if not any(re.fullmatch(r"Page %d of %d" % (index, total), l) for l in lines):
            failures.append("%s page %d: no \"Page %d of %d\"" % (label, index, index, total))
        last_body_line = -1
        for number, line in enumerate(lines):
            for word in re.findall(r"Bodymark(\d\d)", line):
                body_page[int(word)] = index
                last_body_line = max(last_body_line, number)
        for number, line in enumerate(lines):
            for word in re.findall(r"Notemark(\d\d)", line):
                note_page.setdefault(int(word), index)
                if number < last_body_line:
                    failures.append("%s page %d: note %s above the body text" % (label, index, word))
    for n in range(1, n_notes + 1):
        if n not in body_page or note_page.get(n) != body_page[n]:
            failures.append("%s: note %s on page %s, its reference on page %s"
                            % (label, note_word(n), note_page.get(n), body_page.get(n)))
    if not any(KOREAN[:10] in t for t in texts):
        failures.append("%s: the Hangul paragraph is missing" % label)
    return total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default="build")
    parser.add_argument("--out", default="build/check-office")
    args = parser.parse_args()

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        print("check-office: LibreOffice is not installed (libreoffice-writer-nogui); nothing checked")
        return 0
    for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit("check-office: %s is missing (poppler-utils)" % tool)
    cli = os.path.join(args.build, "src", "cli", "dossier-cli")
    if not os.access(cli, os.X_OK):
        sys.exit("check-office: %s not found; build first" % cli)

    os.makedirs(args.out, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory(prefix="dossier-check-office-") as work:
        memo = os.path.join(work, "check.dossier-memo")
        n_notes = write_memo(memo)
        profile = "file://" + os.path.join(work, "lo-profile")
        for fmt in ("docx", "odt"):
            exported = os.path.join(args.out, "memo.%s" % fmt)
            subprocess.run([cli, "export", memo, "-o", exported, "--paper=letter", "-q"], check=True)
            outdir = os.path.join(work, fmt)
            subprocess.run([office, "-env:UserInstallation=" + profile, "--headless",
                            "--convert-to", "pdf", "--outdir", outdir, exported],
                           check=True, capture_output=True, timeout=300)
            pdf = os.path.join(args.out, "memo-%s.pdf" % fmt)
            shutil.move(os.path.join(outdir, "memo.pdf"), pdf)
            pages = check_pages(fmt.upper(), pdf, n_notes, failures)
            for old in os.listdir(args.out):
                if old.startswith("memo-%s-page" % fmt) and old.endswith(".png"):
                    os.remove(os.path.join(args.out, old))
            subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(args.out, "memo-%s-page" % fmt)],
                           check=True)
            print("check-office: %s rendered by LibreOffice: %d pages, %d notes; PDF and PNGs in %s"
                  % (fmt.upper(), pages, n_notes, args.out))

    for failure in failures:
        print("FAIL " + failure)
    print("check-office: %s" % ("all pages as the PDF lays them out" if not failures
                                else "%d failure(s)" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
