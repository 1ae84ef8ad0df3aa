#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a large synthetic news page (12 MB, 40,000 paragraphs, 800 section
headings, a logo <h1>, a byline, a related-links aside) for timing the HTML
importer against `xmllint --html` as the parse floor:

    bench/html-import/gen-page.py > /tmp/page.html
    /usr/bin/time -f '%U s' build/src/cli/dossier-cli import /tmp/page.html > /dev/null
    /usr/bin/time -f '%U s' xmllint --html --noout /tmp/page.html
"""
import random
import sys

random.seed(7)
words = ("the council port harbour treaty vote ferry orchard tram bridge pollen library market roof "
         "survey engineers residents weather trade shippers analysts minister report").split()
out = sys.stdout
out.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bench Page | Site</title>'
          '<meta property="og:title" content="Bench Page"></head><body><header><h1><a href="/">Site</a>'
          '</h1><nav><a href="/a">A</a></nav></header><main><article><h1>Bench Page</h1>'
          '<p class="byline">By Ana Silva</p>')
for i in range(40000):
    n = random.randint(15, 60)
    out.write('<p>' + ' '.join(random.choice(words) for _ in range(n)) + ' <a href="/x%d">link</a>.</p>' % i)
    if i % 50 == 0:
        out.write('<h2>Section %d</h2>' % i)
out.write('</article><aside class="related"><ul>' +
          ''.join('<li><a href="/r%d">Related %d</a></li>' % (i, i) for i in range(500)) +
          '</ul></aside></main></body></html>')
