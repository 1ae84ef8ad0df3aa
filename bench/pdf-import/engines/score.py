#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores dossier-cli import on the engine fixtures against truth.json:
fields (title, subtitle, each author, date, each heading and body
paragraph exactly, each note exactly, each paragraph's page) and the
body-text F1 over words.

    score.py DOSSIER-CLI DIR
"""
import collections, json, os, re, subprocess, sys

def words(texts):
    return collections.Counter(w for t in texts for w in t.split())

def f1(expected, got):
    common = sum((expected & got).values())
    if not common:
        return 0.0
    p = common / sum(got.values()); r = common / sum(expected.values())
    return 2 * p * r / (p + r)

def page_of(pdf, text):
    """The page whose text layer holds the paragraph's first words (a
    table row's first cell as whole words: pdftotext reads a table column
    by column)."""
    head = " ".join(text.split(" | ")[0].split()[:6])
    if " | " in text:
        head = re.compile(r"(?<!\S)" + re.escape(head) + r"(?!\S)")
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    for page in range(1, n + 1):
        layer = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True).stdout
        layer = " ".join(layer.split())
        if head.search(layer) if hasattr(head, "search") else head in layer:
            return page
    return None

def main():
    cli, folder = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(folder, "truth.json")))
    total_right = total_fields = 0
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".pdf")):
        pdf = os.path.join(folder, name)
        doc = json.loads(subprocess.run([cli, "import", pdf], capture_output=True, text=True, check=True).stdout)
        got_paras = doc["paragraphs"]
        got_texts = [p["text"] for p in got_paras]
        fields = []
        fields.append(("title", doc.get("title") == truth["title"]))
        fields.append(("subtitle", doc.get("subtitle") == truth["subtitle"]))
        names = [a["name"] for a in doc.get("authors", [])]
        fields += [("author " + a, a in names) for a in truth["authors"]]
        fields.append(("date", (doc.get("published") or "").startswith(truth["published"])))
        for p in truth["paragraphs"]:
            kind = p.get("kind", "body")
            match = [g for g in got_paras if g["text"] == p["text"] and (g.get("kind") == "heading") == (kind == "heading")]
            fields.append((kind + ": " + p["text"][:40], bool(match)))
            if kind != "heading":
                want = page_of(pdf, p["text"])
                fields.append(("page of " + p["text"][:30], bool(match) and match[0].get("page") == want))
        notes = [n["text"] for n in doc.get("footnotes", [])]
        fields += [("note: " + n[:40], n in notes) for n in truth["footnotes"]]
        body_want = [p["text"] for p in truth["paragraphs"] if p.get("kind") != "heading"]
        body_got = [g["text"] for g in got_paras if g.get("kind") != "heading"]
        score = f1(words(body_want), words(body_got))
        right = sum(ok for _, ok in fields)
        total_right += right; total_fields += len(fields)
        print("%-16s fields %2d/%2d (%3.0f%%)  body F1 %.4f" % (name, right, len(fields), 100.0 * right / len(fields), score))
        if "-v" in sys.argv:
            for what, ok in fields:
                if not ok:
                    print("    missed:", what)
    if total_fields:
        print("all              fields %d/%d (%.0f%%)" % (total_right, total_fields, 100.0 * total_right / total_fields))

main()
