#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes one short report with a table three ways, and truth.json, its
exact ground truth (the table's rows as "cell | cell | …"). The text is
written for Dossier.

    python3 make.py
    soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export libreoffice-ruled.html
    weasyprint weasyprint-unruled.html weasyprint-unruled.pdf
    weasyprint weasyprint-columns.html weasyprint-columns.pdf
"""
import json
from html import escape

TITLE = "Replacing Water Meters in the Eastern Districts"
AUTHORS = ["Mira Example", "Tom Field"]
DATE_TEXT = "June 9, 2026"
PUBLISHED = "2026-06-09"

BEFORE = [
    ("Background", [
        "The utility began replacing the old mechanical water meters in the eastern districts two years "
        "ago, after a survey found that one meter in five under-read by more than a tenth.",
        "Crews were sent to the districts in the order in which their meters had been installed, oldest "
        "first, and each crew replaced about forty meters on a good day.",
        "Leaks found behind the meters were repaired on the spot when they were small, and reported to "
        "the network team when they were not.",
    ]),
    ("Progress", [
        "By the end of last year the crews had replaced a little under half of the meters the programme "
        "set out to replace. The districts differ more than the plan expected.",
    ]),
]
CAPTION = "Table 2. Meters replaced by district, 2025"
TABLE = [("District", "Meters", "Leaks", "Crews"),
         ("Old Harbour", "1,240", "86", "3"),
         ("Hill Road", "980", "41", "2"),
         ("Riverside", "1,515", "112", "4"),
         ("Mill Lane", "610", "19", "1")]
AFTER = [
    (None, [
        "Riverside had the most leaks because its houses are the oldest and its pipes run under gardens "
        "rather than under the street, so crews there needed longer for each meter.",
        "Mill Lane was finished first. Its single crew replaced every meter in the district in eleven "
        "weeks, helped by a street plan that keeps the meters at the front of each house.",
    ]),
    ("Next steps", [
        "The programme should move the crews that finish early to the districts that run late, rather "
        "than send them to the next district on the list, and should report leaks in the same way in "
        "every district so that the figures can be compared.",
        "A second survey of the meters already replaced would show whether the new meters read as well "
        "after two winters as they did when they were fitted.",
        "Finally, the districts still waiting for their crews should be told when to expect them. Several "
        "households in Hill Road wrote to ask why their neighbours in the next street had new meters and "
        "they did not, and a letter sent a month ahead would answer that question before it is asked.",
    ]),
]

CSS_COMMON = """
@page { size: Letter; margin: 1in; }
body { font-family: 'Liberation Serif'; font-size: 11pt; line-height: 1.3; }
h1 { font-family: 'Liberation Sans'; font-size: 20pt; margin: 0 0 6pt; }
h2 { font-family: 'Liberation Sans'; font-size: 13pt; margin: 14pt 0 4pt; }
p { margin: 0 0 6pt; }
p.caption { font-family: 'Liberation Sans'; font-size: 9pt; font-style: italic; margin-top: 8pt; }
table { font-family: 'Liberation Sans'; font-size: 9pt; border-collapse: collapse; margin: 0 0 10pt; }
th { text-align: left; font-weight: bold; }
td, th { padding: 2pt 10pt 2pt 0; }
"""

VARIANTS = {
    # LibreOffice draws an HTML table with border="1" ruled.
    "libreoffice-ruled.html": ("", ' border="1" cellpadding="3"'),
    "weasyprint-unruled.html": ("", ""),
    # Two columns: the table stands in the left column, beside the right
    # column's running text.
    "weasyprint-columns.html": ("body { columns: 2; column-gap: 0.3in; text-align: justify; }\n"
                                "h1, p.head { column-span: all; }\n"
                                "div.table { break-inside: avoid; }\n", ""),
}


def html(extra_css, table_attrs):
    x = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
         "<title>%s</title>" % escape(TITLE), "<style>%s%s</style></head><body>" % (CSS_COMMON, extra_css)]
    x.append("<h1>%s</h1>" % escape(TITLE))
    x.append('<p class="head">By %s</p>' % escape(" and ".join(AUTHORS)))
    x.append('<p class="head">%s</p>' % escape(DATE_TEXT))

    def sections(parts):
        for heading, ps in parts:
            if heading:
                x.append("<h2>%s</h2>" % escape(heading))
            for p in ps:
                x.append("<p>%s</p>" % escape(p))

    sections(BEFORE)
    x.append('<div class="table"><p class="caption">%s</p>' % escape(CAPTION))
    x.append("<table%s>" % table_attrs)
    for i, row in enumerate(TABLE):
        tag = "th" if i == 0 else "td"
        x.append("<tr>" + "".join("<%s>%s</%s>" % (tag, escape(c), tag) for c in row) + "</tr>")
    x.append("</table></div>")
    sections(AFTER)
    x.append("</body></html>")
    return "\n".join(x) + "\n"


def main():
    for name, (css, attrs) in VARIANTS.items():
        with open(name, "w") as f:
            f.write(html(css, attrs))
    paragraphs = []
    for heading, ps in BEFORE:
        paragraphs.append({"kind": "heading", "text": heading})
        paragraphs += [{"text": p} for p in ps]
    paragraphs.append({"text": CAPTION})
    paragraphs += [{"kind": "table", "text": " | ".join(row)} for row in TABLE]
    for heading, ps in AFTER:
        if heading:
            paragraphs.append({"kind": "heading", "text": heading})
        paragraphs += [{"text": p} for p in ps]
    truth = {"title": TITLE, "subtitle": None, "authors": AUTHORS, "published": PUBLISHED,
             "paragraphs": paragraphs, "footnotes": []}
    with open("truth.json", "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)


main()
