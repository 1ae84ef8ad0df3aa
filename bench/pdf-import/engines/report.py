# SPDX-License-Identifier: GPL-3.0-or-later
"""The text of the engine fixtures, written for Dossier's tests (our own
text, no source quoted), as HTML for WeasyPrint (notes at the pages'
feet) and Chromium (an endnote list), and the ground truth."""
import html, json, sys

TITLE = "Anchorage Rules and the Grain Corridor"
SUBTITLE = "How insurers, pilots and port authorities share the risk of a contested sea lane"
AUTHORS = ["Marta Lindqvist", "Daniel Okafor"]
DATE = "2025-04-14"
DATE_SHOWN = "April 14, 2025"

SECTIONS = [
    ("Summary", [
        "Ships carrying grain out of the northern ports have kept sailing through two winters of "
        "intermittent attacks, and the arrangement that keeps them moving is less a treaty than a set of "
        "habits shared by insurers, pilots and harbour masters.[1] This report describes those habits, "
        "asks which of them would survive a change of government on either shore, and proposes three "
        "modest steps that would make the corridor less dependent on the goodwill of a few firms.",
        "The main finding is simple: the corridor works because the price of cover has been allowed to "
        "move with the risk. When premiums were capped by decree in the first month, sailings fell by a "
        "third within a fortnight; when the cap was lifted, the ships returned.[2]",
    ]),
    ("How the corridor works", [
        "Every sailing begins with a declaration to the port authority that names the vessel, its cargo "
        "and its insurer. The authority checks the declaration against a list of vessels that have "
        "called before, and a pilot boards at the outer anchorage only when the check is complete. "
        "Nothing in this sequence is written into law; it was agreed at a meeting of harbour masters "
        "and has been followed ever since because no one has found a reason to depart from it.",
        "Insurers price each sailing separately. A vessel that has called three times without incident "
        "pays about half the premium of a first-time caller, and a vessel that waits more than two days "
        "at the anchorage pays a surcharge for each further day.[3] Owners have learned to time their "
        "arrivals, and the anchorage, once crowded, now rarely holds more than a dozen ships.",
        "Pilots are the part of the system that is hardest to replace. There are fewer than forty of "
        "them, most past fifty, and the training of a new pilot takes four years. A serious incident "
        "involving a pilot boat would do more to close the corridor than any change in premiums.",
    ]),
    ("What could go wrong", [
        "Three risks stand out. The first is a change in the rules of the insurers' own reinsurers, "
        "who could withdraw cover for the whole region at short notice.[4] The second is a dispute "
        "between the port authorities of the two shores over the list of vessels, which has never been "
        "published and whose keeping depends on two officials. The third is the loss of pilots.",
        "None of these risks is new, and each has nearly come to pass at least once. What is new is "
        "that the corridor now carries a share of the region's exports large enough that its closure "
        "would be felt in the price of bread far from the sea lane itself.",
    ]),
    ("Recommendations", [
        "First, the list of vessels should be kept by a body that answers to both port authorities, "
        "with a copy held by each. Second, a reserve of retired pilots should be paid to keep their "
        "licences current. Third, governments should agree in advance not to cap premiums, and say so "
        "in public, so that owners can plan their sailings without fearing a sudden decree.[5]",
    ]),
]

NOTES = [
    "Interviews with four harbour masters and two underwriters, conducted by the authors in March 2025.",
    "Sailing counts are the authors' own tally from the port authority's daily notices.",
    "Rates quoted to the authors by two brokers; both asked not to be named.",
    "On the reinsurers' clauses, see the market's standard war-risk wording, revised in 2024.",
    "A similar pledge was made for the river ports in 2023 and has been kept.",
]

def strip(text):
    import re
    return re.sub(r"\[\d+\]", "", text)

def ground_truth():
    paragraphs = []
    for title, paras in SECTIONS:
        paragraphs.append({"kind": "heading", "text": title})
        paragraphs += [{"text": strip(p)} for p in paras]
    return {"title": TITLE, "subtitle": SUBTITLE, "authors": AUTHORS, "published": DATE,
            "paragraphs": paragraphs, "footnotes": NOTES}

def html_doc(footnotes_at_foot):
    import re
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<title>%s</title>' % html.escape(TITLE),
           '<meta name="author" content="%s">' % html.escape(", ".join(AUTHORS)),
           '<style>@page { size: Letter; margin: 1in; @bottom-center { content: counter(page); font-size: 9pt } }',
           'body { font-family: "Liberation Serif", serif; font-size: 11pt; line-height: 1.35 }',
           'h1 { font-family: "Liberation Sans", sans-serif; font-size: 22pt; margin-bottom: 4pt }',
           'p.subtitle { font-size: 14pt; font-style: italic; margin-top: 0 }',
           'h2 { font-family: "Liberation Sans", sans-serif; font-size: 14pt; margin-top: 18pt }',
           '.fn { float: footnote; font-size: 8.5pt } ::footnote-call { font-size: 7pt; vertical-align: super }',
           '::footnote-marker { content: counter(footnote) ". " }',
           'sup { font-size: 7pt; line-height: 0 }',
           '</style></head><body>',
           '<h1>%s</h1>' % html.escape(TITLE),
           '<p class="subtitle">%s</p>' % html.escape(SUBTITLE),
           '<p>By %s and %s</p><p>%s</p>' % (html.escape(AUTHORS[0]), html.escape(AUTHORS[1]), DATE_SHOWN)]
    for title, paras in SECTIONS:
        out.append("<h2>%s</h2>" % html.escape(title))
        for p in paras:
            def marker(m):
                n = int(m.group(1))
                if footnotes_at_foot:
                    return '<span class="fn">%s</span>' % html.escape(NOTES[n - 1])
                return "<sup>%d</sup>" % n
            out.append("<p>%s</p>" % re.sub(r"\[(\d+)\]", marker, html.escape(p)))
    if not footnotes_at_foot:
        out.append("<h2>Notes</h2><ol>")
        out += ["<li>%s</li>" % html.escape(n) for n in NOTES]
        out.append("</ol>")
    out.append("</body></html>")
    return "\n".join(out)

COLUMNS = ("@page { @top-center { content: 'Grain Corridor Report'; font-size: 8pt } }\n"
           "body { columns: 2; column-gap: 18pt; text-align: justify; hyphens: auto }\n"
           "h1, p.subtitle, p.byline { column-span: all }\n")

if __name__ == "__main__":
    open("report-columns.html", "w").write(html_doc(True).replace("</style>", COLUMNS + "</style>"))
    open("report-foot.html", "w").write(html_doc(True))
    open("report-end.html", "w").write(html_doc(False))
    json.dump(ground_truth(), open("truth.json", "w"), indent=1, ensure_ascii=False)
