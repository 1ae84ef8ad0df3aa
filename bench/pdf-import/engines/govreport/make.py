#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes govreport.fodt, a report shaped like a government one (a cover,
a contents page with dot leaders, running heads, notes at the pages' feet,
a two-column summary, a table, pages numbered i, ii, then 1, 2…), and
truth.json, its exact ground truth. The text is written for Dossier.

    python3 make.py
    libreoffice --headless --convert-to pdf:writer_pdf_Export govreport.fodt
"""
import json
from xml.sax.saxutils import escape

TITLE = "Harbour Security at Container Terminals"
SUBTITLE = "Options for a Rolling Inspection Schedule"
AUTHORS = ["Ana Example", "Ian Park"]
DATE_TEXT = "March 4, 2026"
PUBLISHED = "2026-03-04"
HEAD = "Harbour Security at Container Terminals"

SUMMARY = [
    "Inspections at the six container terminals follow a quarterly calendar that every operator knows a "
    "year ahead. This report weighs three ways to make the visits harder to predict without adding staff.",
    "The division recommends a rolling schedule drawn each month by lot, with two short-notice visits a "
    "year at every terminal, and a review of the results after twelve months.",
    "The costs are small: the same inspectors, the same equipment, and a little more travel between the "
    "terminals on the days when two visits fall close together.",
]

# (heading, [paragraph with ^N note markers]) ; notes in order
SECTIONS = [
    ("Background", [
        "Each terminal has been inspected four times a year since the rules were last revised, always in "
        "the second week of the quarter.^1 Operators plan around those weeks, and the inspectors have "
        "noticed that the yards they see are tidier than the ones they hear about.",
        "A predictable visit still finds faults in equipment and records, but it rarely finds the "
        "practices that the rules were written to stop, such as containers moved without a seal check.",
    ]),
    ("Options", [
        "The first option keeps the quarterly visits and adds one unannounced visit a year. It is the "
        "cheapest change, but an operator that has had its unannounced visit knows it is safe for a year.",
        "The second option draws the week of every visit by lot at the start of each month, so that no "
        "terminal knows when it will be seen next.^2 It needs a small change to the inspectors' rota and "
        "nothing else.",
        "The third option pairs the draw with two short-notice visits a year, announced the morning of the "
        "visit, at each terminal. Table 1 shows how many visits each terminal received last year.",
    ]),
    ("Costs", [
        "The rota for a rolling schedule needs no more inspectors than the quarterly calendar, because "
        "the number of visits stays the same; only their order changes. Travel costs rise a little when "
        "two visits fall in one week at terminals far apart.^3",
        "Short-notice visits cost more, since an inspector must be free on the morning of the visit. The "
        "division can cover them from the reserve it keeps for complaints, which was used on nine days last "
        "year out of the forty it allows.",
        "Operators will bear a cost too: a visit that arrives when the yard is busy slows the work for a "
        "morning. The operators' association has asked that visits avoid the days when ships are loading, "
        "and the draw can leave those days out without making the schedule predictable again.",
    ]),
    ("Risks", [
        "A draw by lot can give one terminal three visits in a quarter and another none. Capping the visits "
        "each terminal may receive in a quarter keeps the schedule fair without telling anyone when the "
        "next visit will come.",
        "The rota must be kept from the operators. Only the two officers who make the draw should see it "
        "before the month begins, and the draw should be recorded so that the review can check it was "
        "made as the rules say.^4",
        "Inspectors may find that the faults they see rise at first, because the yards are no longer "
        "tidied before each visit. That rise is the point of the change, and the review should not read it "
        "as a sign that the terminals have become less safe.",
        "Finally, the change depends on the inspectors themselves. They should be consulted on the draw "
        "and the cap before the schedule starts, since they know which terminals hide their faults best.",
    ]),
    ("Recommendation", [
        "We recommend the third option, with a review after twelve months that compares the faults found "
        "under the new schedule with those found under the old one.^5",
        "The review should be published, so that the operators and the public can see whether the change "
        "made the terminals safer, and the rota should be kept from the operators until each draw is made.",
    ]),
]

NOTES = [
    "Harbour Security Division, Inspection Rules, revised edition, 2019.",
    "A draw by lot is used for customs checks at two inland depots; see the depots' annual reports for 2024.",
    "Travel between the North Quay and the South Mole takes about an hour by road.",
    "The rules already require a record of every visit; the draw would be added to it.",
    "The division's analysts estimate that a year of visits gives enough faults to compare.",
]

TABLE_CAPTION = "Table 1. Inspections by terminal, 2025"
TABLE = [("Terminal", "Visits", "Faults"), ("North Quay", "4", "11"), ("East Basin", "4", "7"),
         ("Grain Pier", "4", "9"), ("South Mole", "4", "5")]

CONTENTS = [("Summary", "1"), ("Background", "1"), ("Options", "1"), ("Costs", "1"), ("Risks", "2"),
            ("Recommendation", "2")]


def para(style, text):
    out, i = [], 0
    parts = text.split("^")
    out.append(escape(parts[0]))
    for part in parts[1:]:
        n = ""
        while part and part[0].isdigit():
            n += part[0]
            part = part[1:]
        note = escape(NOTES[int(n) - 1])
        out.append('<text:note text:id="n%s" text:note-class="footnote"><text:note-citation>%s</text:note-citation>'
                   '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                   % (n, n, note))
        out.append(escape(part))
    return '<text:p text:style-name="%s">%s</text:p>' % (style, "".join(out))


def clean(text):
    import re
    return re.sub(r"\^\d+", "", text)


def body():
    x = []
    x.append('<text:p text:style-name="CoverTitle">%s</text:p>' % escape(TITLE))
    x.append('<text:p text:style-name="CoverSubtitle">%s</text:p>' % escape(SUBTITLE))
    x.append('<text:p text:style-name="CoverLine">Prepared by %s</text:p>' % escape(" and ".join(AUTHORS)))
    x.append('<text:p text:style-name="CoverLine">Harbour Security Division</text:p>')
    x.append('<text:p text:style-name="CoverLine">%s</text:p>' % escape(DATE_TEXT))
    x.append('<text:p text:style-name="ContentsTitle">Contents</text:p>')
    for name, page in CONTENTS:
        x.append('<text:p text:style-name="ContentsEntry">%s<text:tab/>%s</text:p>' % (escape(name), page))
    x.append('<text:h text:style-name="FirstHeading" text:outline-level="1">Summary</text:h>')
    x.append('<text:section text:style-name="TwoColumns" text:name="Summary">')
    for p in SUMMARY:
        x.append(para("Text", p))
    x.append('</text:section>')
    for heading, paragraphs in SECTIONS:
        x.append('<text:h text:style-name="Heading" text:outline-level="1">%s</text:h>' % escape(heading))
        for p in paragraphs:
            x.append(para("Text", p))
        if heading == "Options":
            x.append('<text:p text:style-name="Caption">%s</text:p>' % escape(TABLE_CAPTION))
            x.append('<table:table table:name="Table1" table:style-name="Table1">'
                     '<table:table-column table:number-columns-repeated="3"/>')
            for row in TABLE:
                x.append('<table:table-row>' + "".join(
                    '<table:table-cell office:value-type="string"><text:p text:style-name="Cell">%s</text:p>'
                    '</table:table-cell>' % escape(c) for c in row) + '</table:table-row>')
            x.append('</table:table>')
    return "\n".join(x)


STYLES = '''
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="US"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Text" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.08in" fo:line-height="125%" fo:text-align="start"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.1in" fo:margin-bottom="0.05in"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="9pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:default-outline-level="1">
  <style:paragraph-properties fo:margin-top="0.2in" fo:margin-bottom="0.08in" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:font-style="italic"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="CoverTitle" style:family="paragraph" style:master-page-name="Cover">
  <style:paragraph-properties fo:margin-top="2.5in" fo:margin-bottom="0.2in"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="26pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="CoverSubtitle" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="1in"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="16pt"/>
 </style:style>
 <style:style style:name="CoverLine" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.08in"/>
  <style:text-properties fo:font-size="12pt"/>
 </style:style>
 <style:style style:name="ContentsTitle" style:family="paragraph" style:master-page-name="Front">
  <style:paragraph-properties fo:margin-bottom="0.2in" fo:break-before="page"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="ContentsEntry" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.06in">
   <style:tab-stops><style:tab-stop style:position="6.5in" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops>
  </style:paragraph-properties>
 </style:style>
 <style:style style:name="FirstHeading" style:family="paragraph" style:parent-style-name="Heading" style:master-page-name="Body">
  <style:paragraph-properties style:page-number="1" fo:margin-top="0in" fo:break-before="page"/>
 </style:style>
 <style:style style:name="TwoColumns" style:family="section">
  <style:section-properties text:dont-balance-text-columns="false">
   <style:columns fo:column-count="2" fo:column-gap="0.3in"/>
  </style:section-properties>
 </style:style>
 <style:style style:name="Table1" style:family="table">
  <style:table-properties style:width="4.5in" table:align="left"/>
 </style:style>
 <style:page-layout style:name="Roman">
  <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" style:num-format="i"
     fo:margin-top="1in" fo:margin-bottom="0.7in" fo:margin-left="1in" fo:margin-right="1in"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0in" fo:margin-top="0.2in"/></style:footer-style>
 </style:page-layout>
 <style:page-layout style:name="Arabic">
  <style:page-layout-properties fo:page-width="8.5in" fo:page-height="11in" style:num-format="1"
     fo:margin-top="0.6in" fo:margin-bottom="0.7in" fo:margin-left="1in" fo:margin-right="1in"/>
  <style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.25in"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0in" fo:margin-top="0.2in"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Cover" style:page-layout-name="Roman" style:next-style-name="Front"/>
 <style:master-page style:name="Front" style:page-layout-name="Roman">
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
 <style:master-page style:name="Body" style:page-layout-name="Arabic">
  <style:header><text:p text:style-name="Header">@HEAD@</text:p></style:header>
  <style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current"/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
'''.replace("@HEAD@", escape(HEAD))

DOC = '''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
%s
<office:body><office:text>
%s
</office:text></office:body></office:document>
'''


def main():
    with open("govreport.fodt", "w") as f:
        f.write(DOC % (STYLES, body()))
    paragraphs = [{"kind": "heading", "text": "Summary"}] + [{"text": p} for p in SUMMARY]
    for heading, ps in SECTIONS:
        paragraphs.append({"kind": "heading", "text": heading})
        paragraphs += [{"text": clean(p)} for p in ps]
        if heading == "Options":
            paragraphs.append({"text": TABLE_CAPTION})
            # A table is read row by row, its cells joined with " | ".
            paragraphs += [{"kind": "table", "text": " | ".join(row)} for row in TABLE]
    truth = {"title": TITLE, "subtitle": SUBTITLE, "authors": AUTHORS, "published": PUBLISHED,
             "paragraphs": paragraphs, "footnotes": NOTES}
    with open("truth.json", "w") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)


main()
