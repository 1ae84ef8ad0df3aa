/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-document.h"

G_BEGIN_DECLS

/*
 * The largest value each field of a document, a highlight and a memo's
 * header and sources may hold, in one place: the JSON readers, the end
 * of every import and the library all check against these (docs/formats.md
 * lists them). Sizes are bytes of UTF-8 text. They are far beyond what
 * real articles need, and small enough that a hostile file cannot make
 * every later view of the library slow or huge.
 */

/* Bibliographic data: shown in lists, on one or a few lines. */
#define DOSSIER_LIMIT_TITLE              (4 * 1024)
#define DOSSIER_LIMIT_SUBTITLE           (16 * 1024)
#define DOSSIER_LIMIT_PUBLISHER          1024
/* Web servers refuse request lines past 8 KiB (Apache, nginx), so a
 * longer address could not be opened anyway. */
#define DOSSIER_LIMIT_URL                (8 * 1024)
/* What a reference manager keeps beside those: a CSL item type, a DOI
 * (the longest registered are a few hundred bytes), a date, and a volume,
 * issue, page range or edition ("2nd rev. ed."). A container title is
 * bounded as a title, a place as a publisher. */
#define DOSSIER_LIMIT_ITEM_TYPE          64
#define DOSSIER_LIMIT_DOI                1024
#define DOSSIER_LIMIT_DATE               10
#define DOSSIER_LIMIT_NUMBERING          256

/* Authors are in the library's list, all of them for every document, and
 * their names are joined on one line of it: 200 names of 512 bytes still
 * draw at once, 1,000 of 1 KiB took seconds. */
#define DOSSIER_LIMIT_AUTHORS            200
#define DOSSIER_LIMIT_AUTHOR_NAME        512   /* and each of its parts */
#define DOSSIER_LIMIT_AUTHOR_POSITION    1024
#define DOSSIER_LIMIT_AUTHOR_AFFILIATION 1024
#define DOSSIER_LIMIT_AUTHOR_BIO         (8 * 1024)

#define DOSSIER_LIMIT_KEY_POINTS         256
#define DOSSIER_LIMIT_KEY_POINT          (16 * 1024)
#define DOSSIER_LIMIT_PULL_QUOTES        256
#define DOSSIER_LIMIT_PULL_QUOTE         (16 * 1024)

/* The body: a book-length report has a few thousand paragraphs. */
#define DOSSIER_LIMIT_PARAGRAPHS         100000
#define DOSSIER_LIMIT_PARAGRAPH          (1024 * 1024)
#define DOSSIER_LIMIT_ATTRIBUTION        (2 * 1024)
#define DOSSIER_LIMIT_FOOTNOTE_REFS      4096    /* markers in one paragraph */
/* Pages of a paginated source (PDF): a page number, the label a document
 * prints for a page ("xii", "A-3"), the pages one paragraph runs onto. */
#define DOSSIER_LIMIT_PAGE               1000000
#define DOSSIER_LIMIT_PAGE_LABEL         256
#define DOSSIER_LIMIT_PAGE_BREAKS        4096

#define DOSSIER_LIMIT_FOOTNOTES          20000
#define DOSSIER_LIMIT_FOOTNOTE           (64 * 1024)
#define DOSSIER_LIMIT_FOOTNOTE_URLS      256     /* web addresses in one note */

/* A highlight lies within one paragraph; its note is the user's. */
#define DOSSIER_LIMIT_HIGHLIGHT          DOSSIER_LIMIT_PARAGRAPH
#define DOSSIER_LIMIT_HIGHLIGHT_NOTE     (64 * 1024)

/* A memo's header and its sources (the citations' copies of the
 * bibliographic data use the document limits above). The header is typed
 * by the analyst, so its bounds are far past anything typed: a memo the
 * app saves must open again. A quote is part of one paragraph. */
#define DOSSIER_LIMIT_MEMO_MARKING       (4 * 1024)
#define DOSSIER_LIMIT_MEMO_TO            (16 * 1024)
#define DOSSIER_LIMIT_MEMO_FROM          (16 * 1024)
#define DOSSIER_LIMIT_MEMO_SUBJECT       (16 * 1024)
#define DOSSIER_LIMIT_CITATIONS          10000
#define DOSSIER_LIMIT_CITATION_QUOTE     DOSSIER_LIMIT_PARAGRAPH
#define DOSSIER_LIMIT_CITATION_LOCATOR   1024
#define DOSSIER_LIMIT_LIBRARY_ID         1024

/* JSON files: json-glib keeps 80 to 300 bytes per value, so a 64 MiB
 * file of "{}," would take 7 GB. A document of 100,000 paragraphs with
 * two footnote markers each has 900,000 values. */
#define DOSSIER_LIMIT_JSON_VALUES        1000000

#define DOSSIER_LIMIT_ERROR (dossier_limit_error_quark ())

/**
 * DossierLimitError:
 * @DOSSIER_LIMIT_ERROR_TOO_LONG: a text is longer than its limit
 * @DOSSIER_LIMIT_ERROR_TOO_MANY: a list has more items than its limit
 * @DOSSIER_LIMIT_ERROR_NOT_UTF8: a text is not valid UTF-8
 */
typedef enum {
  DOSSIER_LIMIT_ERROR_TOO_LONG,
  DOSSIER_LIMIT_ERROR_TOO_MANY,
  DOSSIER_LIMIT_ERROR_NOT_UTF8,
} DossierLimitError;

GQuark    dossier_limit_error_quark       (void);

char     *dossier_limit_format_count      (guint64             count);
char     *dossier_limit_format_size       (guint64             bytes);
char     *dossier_limit_dup_too_long      (const char         *what,
                                           gsize               length,
                                           gsize               limit);
char     *dossier_limit_dup_too_many      (const char         *what,
                                           guint64             count,
                                           guint64             limit);
gboolean  dossier_limit_check_text        (const char         *what,
                                           const char         *text,
                                           gsize               limit,
                                           GError            **error);
gboolean  dossier_limit_check_count       (const char         *what,
                                           guint64             count,
                                           guint64             limit,
                                           GError            **error);
char     *dossier_limit_dup_not_shown     (gsize               length);

gboolean  dossier_document_check_limits   (DossierDocument    *document,
                                           GError            **error);

G_END_DECLS
