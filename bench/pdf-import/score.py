#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores an imported PDF (dossier-cli import's JSON) against the memo it
was exported from: body-text F1 over words, the section headings found as
headings, and the notes found.

    score.py MEMO.dossier-memo IMPORTED.json
"""
import collections
import json
import re
import sys

MARKUP = re.compile(r"\[\^[^\]]*\]|\*\*|\*|_")


def clean(text):
    return MARKUP.sub("", text)


def words(texts):
    return collections.Counter(w for t in texts for w in t.split())


def f1(expected, got):
    common = sum((expected & got).values())
    if common == 0:
        return 0.0, 0.0, 0.0
    precision = common / sum(got.values())
    recall = common / sum(expected.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def main():
    memo = json.load(open(sys.argv[1]))
    doc = json.load(open(sys.argv[2]))

    body, headings = [], []
    for section in memo["sections"]:
        headings.append(clean(section["title"]))
        for block in section["blocks"]:
            if block["type"] == "bullets":
                body.extend(clean(item) for item in block["items"])
            elif "text" in block:
                body.append(clean(block["text"]))

    got_body = [p["text"] for p in doc["paragraphs"] if p.get("kind") != "heading"]
    got_headings = {p["text"] for p in doc["paragraphs"] if p.get("kind") == "heading"}
    precision, recall, score = f1(words(body), words(got_body))
    found = sum(1 for h in headings if h in got_headings)
    exact = set(body) & set(got_body)
    print("body words: precision %.4f, recall %.4f, F1 %.4f" % (precision, recall, score))
    print("paragraphs given back exactly: %d of %d" % (len(exact), len(body)))
    print("section headings found as headings: %d of %d" % (found, len(headings)))
    print("notes: %d (the memo cites %d works; first references and short notes are separate notes)"
          % (len(doc["footnotes"]), len(memo.get("citations", []))))


if __name__ == "__main__":
    main()
