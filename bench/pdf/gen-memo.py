#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a long briefing memo (.dossier-memo) and the same content as
HTML, for the PDF export benchmark. Deterministic: the same arguments
give the same files."""
import argparse
import html
import json
import random

WORDS = ("the alliance regional deterrence verification sanctions relief sequencing "
         "negotiations envoy freeze inspection capability missile program partners "
         "allies dialogue pressure incentives framework talks summit proposal option "
         "analysts argue evidence suggests policy makers should consider whether "
         "interim steps could reduce risk while preserving leverage over time").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sections", type=int, default=65)
    parser.add_argument("--paragraphs", type=int, default=6)
    parser.add_argument("--citations", type=int, default=60)
    parser.add_argument("memo")
    parser.add_argument("html")
    args = parser.parse_args()
    rng = random.Random(42)

    citations = []
    for i in range(args.citations):
        citations.append({
            "id": "c%d" % i, "quote": None, "locator": "p. %d" % (i % 30 + 1), "library_id": None,
            "document": {
                "title": "Report %d on %s" % (i, sentence(rng, 4)[:-1]),
                "authors": ["Author%d Family%d" % (i, i)],
                "publisher": "Institute %d" % (i % 7),
                "published": "2024-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
                "source_url": "https://example.org/reports/%d" % i,
            },
        })

    sections = []
    for s in range(args.sections):
        blocks = []
        for p in range(args.paragraphs):
            parts = []
            for k in range(4):
                text = sentence(rng, rng.randint(10, 22))
                if p == 0 and k == 0:
                    text = "**" + text[:-1] + "**."
                if p == 1 and k == 1:
                    text = "*" + text[:-1] + "*."
                if rng.random() < 0.45:
                    text += "[^c%d]" % rng.randrange(args.citations)
                parts.append(text)
            blocks.append({"type": "paragraph", "text": " ".join(parts)})
        blocks.append({"type": "bullets", "items": [sentence(rng, 12) + "[^c%d]" % rng.randrange(args.citations)
                                                    for _ in range(3)]})
        blocks.append({"type": "quote", "text": sentence(rng, 20), "cite": "c%d" % rng.randrange(args.citations)})
        sections.append({"title": "Section %d: %s" % (s + 1, sentence(rng, 4)[:-1]), "blocks": blocks})

    used = set()
    for section in sections:
        for block in section["blocks"]:
            texts = block.get("items", [block.get("text", "")])
            for t in texts:
                for part in t.split("[^")[1:]:
                    used.add(part.split("]")[0])
            if block["type"] == "quote":
                used.add(block["cite"])
    citations = [c for c in citations if c["id"] in used]

    memo = {
        "format": "dossier-memo", "version": 1, "kind": "information",
        "header": {"marking": "UNCLASSIFIED", "to": "The Secretary", "from": "Policy Planning Staff",
                   "date": "2025-03-04", "subject": "A Long Review of Regional Deterrence Options"},
        "sections": sections, "citations": citations,
    }
    with open(args.memo, "w", encoding="utf-8") as f:
        json.dump(memo, f, ensure_ascii=False, indent=1)

    # The same content as HTML: references as superscripts, notes listed
    # at the end (what an HTML rendering of the memo can say).
    number = 0
    notes = []
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title>"
           "<style>body{font-family:'Liberation Serif';font-size:12pt} h2{font-family:'Liberation Sans';"
           "font-size:12pt}</style></head><body>" % html.escape(memo["header"]["subject"])]
    out.append("<p align='center'><b>UNCLASSIFIED</b></p><table>")
    for label, value in (("INFORMATION MEMO FOR", "The Secretary"), ("FROM:", "Policy Planning Staff"),
                         ("DATE:", "March 4, 2025"), ("SUBJECT:", memo["header"]["subject"])):
        out.append("<tr><td><b>%s</b></td><td>%s</td></tr>" % (label, html.escape(value)))
    out.append("</table><hr>")

    def inline(text):
        nonlocal number
        result = []
        pieces = text.split("[^")
        result.append(pieces[0])
        for piece in pieces[1:]:
            cid, rest = piece.split("]", 1)
            number += 1
            notes.append(cid)
            result.append("<sup>%d</sup>" % number + rest)
        s = html.escape("".join(result), quote=False).replace("&lt;sup&gt;", "<sup>").replace("&lt;/sup&gt;", "</sup>")
        while "**" in s:
            s = s.replace("**", "<b>", 1).replace("**", "</b>", 1)
        while "*" in s:
            s = s.replace("*", "<i>", 1).replace("*", "</i>", 1)
        return s

    for section in sections:
        out.append("<h2>%s</h2>" % html.escape(section["title"]))
        for block in section["blocks"]:
            if block["type"] == "paragraph":
                out.append("<p>%s</p>" % inline(block["text"]))
            elif block["type"] == "bullets":
                out.append("<ul>%s</ul>" % "".join("<li>%s</li>" % inline(i) for i in block["items"]))
            else:
                out.append("<blockquote>%s</blockquote>" % inline(block["text"] + "[^%s]" % block["cite"]))
    by_id = {c["id"]: c for c in citations}
    out.append("<hr><ol>")
    for cid in notes:
        d = by_id[cid]["document"]
        out.append("<li>%s, “%s,” %s, %s, <a href='%s'>%s</a>.</li>" % (
            html.escape(d["authors"][0]), html.escape(d["title"]), html.escape(d["publisher"]),
            d["published"], d["source_url"], d["source_url"]))
    out.append("</ol></body></html>")
    with open(args.html, "w", encoding="utf-8") as f:
        f.write("\n".join(out))

    print("notes: %d" % number)


if __name__ == "__main__":
    main()
