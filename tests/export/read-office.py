#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads dossier-cli's DOCX and ODT exports back with independent readers.

python-docx and odfpy (Debian's python3-docx, python3-odf) open the files
as a word processor's library would: paragraphs and their named styles,
footnote texts, header and footer, document properties, Korean runs.
`unzip -t` checks the archives and `xmllint --noout` every XML part.
Prints TAP; skips only what is not installed.

    read-office.py DOSSIER_CLI MEMO
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

KOREAN = "서울의 한 연구자는"
TITLE = "(SBU) Sequencing Sanctions Relief for a Verified Freeze"
AUTHOR = "Bureau of East Asian Affairs, Jordan Lee"
MARKING = "SENSITIVE BUT UNCLASSIFIED"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

results = []


def check(name, condition, detail=""):
    results.append((name, bool(condition), detail))


def skip(name, reason):
    results.append((name, None, reason))


def export(cli, memo, out):
    run = subprocess.run([cli, "export", memo, "-o", out, "--paper=letter", "-q"],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        raise SystemExit(f"Bail out! dossier-cli export failed: {run.stderr}")


def check_archive(path, label):
    if shutil.which("unzip"):
        run = subprocess.run(["unzip", "-t", path], capture_output=True, text=True)
        check(f"{label}: unzip -t", run.returncode == 0 and "No errors detected" in run.stdout, run.stdout[-300:])
    else:
        skip(f"{label}: unzip -t", "unzip is not installed")
    if shutil.which("xmllint"):
        with zipfile.ZipFile(path) as archive:
            bad = []
            for name in archive.namelist():
                if name == "mimetype":
                    continue
                run = subprocess.run(["xmllint", "--noout", "--nonet", "-"], input=archive.read(name),
                                     capture_output=True)
                if run.returncode != 0:
                    bad.append(f"{name}: {run.stderr.decode(errors='replace')[:200]}")
            check(f"{label}: every part is well-formed XML (xmllint)", not bad, "; ".join(bad))
    else:
        skip(f"{label}: xmllint", "xmllint is not installed")


def read_docx(path):
    try:
        import docx
    except ImportError:
        skip("docx: python-docx", "python3-docx is not installed")
        return

    document = docx.Document(path)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    check("docx: section headings are Heading 1",
          headings == ["(SBU) Bottom Line Up Front", "(SBU) Recommendation", "(U) Background"], headings)
    check("docx: bullets are in the List Bullet style",
          sum(1 for style, _ in paragraphs if style == "List Bullet") == 2, paragraphs)
    check("docx: the quotation is in the Quote style",
          any(style == "Quote" and text.startswith("A freeze is a floor") for style, text in paragraphs),
          paragraphs)
    body = [text for style, text in paragraphs if style in ("Normal", "Body Text")]
    check("docx: body text in a named style", any(t.startswith("A verified freeze") for t in body), paragraphs)
    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    check("docx: bold and italic runs",
          runs.get("achievable") is not None and runs["achievable"].bold
          and runs.get("phased") is not None and runs["phased"].italic)
    check("docx: decision line", any("Approve" in t and "Disapprove" in t for _, t in paragraphs), paragraphs)

    styles = {s.name for s in document.styles}
    wanted = {"Normal", "Heading 1", "Heading 2", "Quote", "footnote text", "List Bullet"}
    names = {n.lower() for n in styles}
    check("docx: named styles", all(n.lower() in names for n in wanted), sorted(styles))

    header_table = document.tables[0]
    labels = [row.cells[0].text for row in header_table.rows]
    check("docx: header block as a table", labels == ["ACTION MEMO FOR", "FROM:", "DATE:", "SUBJECT:"], labels)

    properties = document.core_properties
    check("docx: title, author, subject, language",
          (properties.title, properties.author, properties.subject, properties.language)
          == (TITLE, AUTHOR, TITLE, "en-US"),
          (properties.title, properties.author, properties.subject, properties.language))

    section = document.sections[0]
    check("docx: Letter, 1-inch margins",
          (round(section.page_width.inches, 2), round(section.page_height.inches, 2),
           round(section.left_margin.inches, 2), round(section.top_margin.inches, 2)) == (8.5, 11.0, 1.0, 1.0),
          (section.page_width, section.page_height))
    header_text = "\n".join(p.text for p in section.header.paragraphs)
    footer_xml = section.footer._element.xml
    check("docx: banner in the page header", header_text == MARKING, header_text)
    check("docx: banner and Page N of M fields in the footer",
          MARKING in "".join(p.text for p in section.footer.paragraphs)
          and " PAGE " in footer_xml and " NUMPAGES " in footer_xml, footer_xml[:500])

    korean = [r for p in document.paragraphs for r in p.runs if KOREAN in r.text]
    langs = [r._r.find(f"{W}rPr/{W}lang") for r in korean]
    check("docx: the Korean run is tagged ko-KR",
          korean and all(l is not None and l.get(f"{W}eastAsia") == "ko-KR" and l.get(f"{W}val") == "ko-KR"
                         for l in langs))
    english = [r for p in document.paragraphs for r in p.runs if "verified freeze" in r.text]
    check("docx: English runs are not tagged Korean",
          english and all(r._r.find(f"{W}rPr/{W}lang") is None for r in english))

    # python-docx 0.8 has no footnote API: read the part it loaded.
    from lxml import etree
    part = next((p for p in document.part.package.iter_parts() if p.partname == "/word/footnotes.xml"), None)
    check("docx: footnotes part related to the document", part is not None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    notes = [n for n in root.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")) for n in notes]
    references = document.element.body.findall(f".//{W}footnoteReference")
    check("docx: one real footnote per reference (9)", len(notes) == len(references) == 9,
          (len(notes), len(references)))
    check("docx: the first note in full, Chicago style",
          texts and texts[0].startswith("Avery Stone, “Phased Relief and the Freeze,” Harbor Policy Institute"),
          texts[:1])
    check("docx: a repeat is a short note", len(texts) > 2 and texts[2] == "Stone, “Phased Relief and the Freeze.”",
          texts[2:3])
    links = [rel.target_ref for rel in part.rels.values() if rel.is_external]
    check("docx: the notes' addresses are hyperlinks", "https://harbor.example.org/phased-relief" in links, links)


def read_odt(path):
    try:
        from odf import opendocument, text, style, dc
        from odf.namespaces import TEXTNS, STYLENS
    except ImportError:
        skip("odt: odfpy", "python3-odf is not installed")
        return

    document = opendocument.load(path)
    check("odt: mimetype", document.getMediaType() == "application/vnd.oasis.opendocument.text",
          document.getMediaType())

    headings = [str(h) for h in document.getElementsByType(text.H)]
    check("odt: section headings",
          headings == ["(SBU) Bottom Line Up Front", "(SBU) Recommendation", "(U) Background"], headings)
    levels = {h.getAttrNS(TEXTNS, "outline-level") for h in document.getElementsByType(text.H)}
    check("odt: headings are outline level 1", levels == {"1"}, levels)

    notes = document.getElementsByType(text.Note)
    check("odt: 9 real footnotes", len(notes) == 9 and all(
        n.getAttrNS(TEXTNS, "note-class") == "footnote" for n in notes), len(notes))
    bodies = [str(n.getElementsByType(text.NoteBody)[0]) for n in notes]
    check("odt: the first note in full",
          bodies and bodies[0].startswith("Avery Stone, “Phased Relief and the Freeze,” Harbor Policy Institute"),
          bodies[:1])
    check("odt: a repeat is a short note", len(bodies) > 2 and bodies[2] == "Stone, “Phased Relief and the Freeze.”",
          bodies[2:3])
    hrefs = [a.getAttribute("href") for n in notes for a in n.getElementsByType(text.A)]
    check("odt: the notes' addresses are links", "https://harbor.example.org/phased-relief" in hrefs, hrefs)

    items = document.getElementsByType(text.ListItem)
    check("odt: bullets are a real list", len(items) == 2, len(items))

    named = {s.getAttrNS(STYLENS, "display-name") or s.getAttrNS(STYLENS, "name")
             for s in document.styles.getElementsByType(style.Style)}
    wanted = {"Standard", "Text body", "Heading 1", "Heading 2", "Quotations", "Footnote", "List Bullet"}
    check("odt: named styles", wanted <= named, sorted(named))

    masters = document.masterstyles.getElementsByType(style.MasterPage)
    header = str(masters[0].getElementsByType(style.Header)[0]) if masters else ""
    footer = masters[0].getElementsByType(style.Footer)[0] if masters else None
    check("odt: banner in the page header", header == MARKING, header)
    check("odt: banner and Page N of M fields in the footer",
          footer is not None and MARKING in str(footer)
          and footer.getElementsByType(text.PageNumber) and footer.getElementsByType(text.PageCount))

    meta = document.meta
    title = [str(t) for t in meta.getElementsByType(dc.Title)]
    creator = [str(t) for t in meta.getElementsByType(dc.Creator)]
    language = [str(t) for t in meta.getElementsByType(dc.Language)]
    check("odt: title, author, language", (title, creator, language) == ([TITLE], [AUTHOR], ["en-US"]),
          (title, creator, language))

    automatic = {s.getAttrNS(STYLENS, "name"): s for s in document.automaticstyles.getElementsByType(style.Style)}
    spans = [s for s in document.getElementsByType(text.Span) if str(s).startswith(KOREAN)]
    tagged = []
    for span in spans:
        properties = automatic[span.getAttrNS(TEXTNS, "style-name")].getElementsByType(style.TextProperties)[0]
        tagged.append((properties.getAttribute("language"), properties.getAttribute("country"),
                       properties.getAttribute("languageasian"), properties.getAttribute("countryasian")))
    check("odt: the Korean run is tagged ko-KR", tagged and all(t == ("ko", "KR", "ko", "KR") for t in tagged), tagged)


def main():
    cli, memo = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="dossier-read-office-") as folder:
        docx_path = os.path.join(folder, "memo.docx")
        odt_path = os.path.join(folder, "memo.odt")
        export(cli, memo, docx_path)
        export(cli, memo, odt_path)
        check_archive(docx_path, "docx")
        check_archive(odt_path, "odt")
        read_docx(docx_path)
        read_odt(odt_path)

    print(f"1..{len(results)}")
    failed = 0
    for number, (name, ok, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {number} {name} # SKIP {detail}")
        elif ok:
            print(f"ok {number} {name}")
        else:
            failed += 1
            print(f"not ok {number} {name}")
            for line in str(detail).splitlines() or [""]:
                print(f"# {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
