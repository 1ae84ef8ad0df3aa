/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the HTML importer only; see dossier-html-importer.c. */

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "model/dossier-document.h"

G_BEGIN_DECLS

/* Per-element facts, stored in xmlNode._private as an index + 1. */
enum {
  FLAG_NOISE      = 1 << 0,   /* boilerplate, inherited by descendants */
  FLAG_SKIP       = 1 << 1,   /* consumed elsewhere (note, key points …) */
  FLAG_REF        = 1 << 2,   /* a footnote reference, see ref_number */
  FLAG_NOTES      = 1 << 3,   /* a notes container ("footnotes" class) */
  FLAG_INVISIBLE  = 1 << 4,   /* script, style and the like */
  FLAG_TENTATIVE  = 1 << 6,   /* a marker that is a reference if its note is found */
  FLAG_IN_BODY    = 1 << 5,   /* <body> or inside it */
};

typedef struct {
  guint text;        /* non-space characters inside */
  guint links;       /* of which inside <a> */
  guint para;        /* of which inside <p> */
  guint direct;      /* in text nodes that are direct children */
  guint nodes;       /* nodes below it that reading its text visits */
  double score;      /* paragraph density, for finding the article */
  guint flags;
  guint ref_number;
} NodeInfo;

typedef struct {
  GString *text;
  guint n_chars;
  gboolean pending_space;
  gboolean last_was_br;
  GArray *refs;          /* DossierFootnoteRef, from links */
  GArray *tentative;     /* DossierFootnoteRef, from bare <sup>n</sup> */
  GPtrArray *hrefs;
  guint link_chars;
  guint strong_chars;
  guint heading_level;   /* 1–6 for <hN>, 0 otherwise */
  int list_number;       /* number of an <ol> item, 0 otherwise */
  gboolean list_item;
  gboolean in_notes;
  gboolean in_quote;
  gboolean quote_cite;    /* in a quote, opened with a <cite>: maybe its attribution */
  gsize br_at;            /* length of text at the last <br>, 0 if none */
  char *attribution;      /* of the <blockquote> it came from, or NULL */
  gboolean before_title;  /* above the <h1> inside the article: kickers, breadcrumbs */
  gboolean outside_root;  /* from a notes list outside the article, never body text */
} Block;

typedef struct {
  guint number;
  char *text;
  GPtrArray *urls;
  GHashTable *url_set;   /* the same, for finding repeats */
} Note;

/* Where a title candidate came from; see dossier-html-title.c. */
typedef enum {
  TITLE_LD_HEADLINE,
  TITLE_LD_NAME,
  TITLE_CITATION,      /* citation_title, DC.title */
  TITLE_OPEN_GRAPH,    /* og:title, twitter:title */
  TITLE_H1_HEADLINE,   /* <h1 itemprop="headline"> */
  TITLE_H1_ARTICLE,    /* an <h1> in the article */
  TITLE_H1,            /* another <h1> */
  TITLE_HEADING,       /* a lower heading: confirms, never chosen */
  TITLE_DOCUMENT,      /* <title> */
} TitleSource;

typedef struct {
  htmlDocPtr doc;
  xmlXPathContextPtr xpath;
  xmlNode *body;
  xmlNode *root;
  xmlNode *root_saved;
  GArray *info;               /* NodeInfo */
  GHashTable *ids;            /* id or a@name → xmlNode */
  GPtrArray *elements;        /* every measured element, in document order */
  guint n_elements;

  /* metadata, each from the most trusted source that had it */
  char *title;
  GPtrArray *title_candidates; /* what each source says, see dossier-html-title.c */
  char *h1;
  xmlNode *h1_node;
  gboolean title_pending;     /* walking the article and not yet past its <h1> */
  gboolean walking_notes;     /* walking a notes list outside the article */
  char *subtitle;
  char *date;
  char *date_created;         /* JSON-LD dateCreated, after the meta tags' dates */
  char *publisher;
  char *source_url;
  char *site_name;
  GPtrArray *author_names;    /* char*, in byline order */
  GHashTable *author_keys;    /* collation keys of author_names */
  GPtrArray *bio_authors;     /* DossierAuthor from JSON-LD and author cards */
  GPtrArray *bio_paragraphs;  /* char*, from "About the author" sections */
  GPtrArray *key_points;
  GPtrArray *pull_quotes;
  GPtrArray *notes;           /* Note */
  GHashTable *notes_by_number; /* number → Note, borrowed from notes */
  gboolean linked_notes;

  GPtrArray *blocks;          /* Block */
  Block *current;
  GArray *lists;              /* int: next number of the open <ol>, or -1 for <ul> */
  guint link_depth;
  guint strong_depth;
  guint quote_depth;
  guint quote_first_block;    /* index in blocks of the open outermost <blockquote>'s first */
  char *quote_attribution;    /* its <footer>, once seen */
  guint notes_depth;

  GRegex *noise_class;
  GRegex *notes_heading;
  GRegex *author_heading;
  GRegex *key_points_heading;
  GRegex *skip_heading;
  GRegex *boilerplate_text;
  GRegex *pull_quote_class;
  GRegex *key_points_class;
  GRegex *dek_class;
  GRegex *author_card_class;
  GRegex *body_class;
  GRegex *notes_class;
  GRegex *byline_class;
  GRegex *date_class;
  GRegex *bracket_marker;
  GRegex *chrome_class;
  GRegex *related_prefix;
  GRegex *logo_class;
  GRegex *tags_line;
  GRegex *furniture_text;
  GRegex *shortcode;
  guint64 text_visits;
} Importer;

#define MAX_NOTE_CHARS 5000
/* Text set aside whole (a note, a key point, a pull quote, a bio) comes
 * from an element this small, read once in full; larger ones stay in the
 * article's text. Bounding the nodes bounds the cost of reading it. */
#define MAX_READ_NODES 20000
#define MAX_KEY_POINTS_CHARS 5000
#define MAX_PULL_QUOTE_CHARS 1500
#define MAX_AUTHOR_CARD_CHARS 4000
#define MAX_BIO_CHARS 20000
#define MAX_DEK_CHARS 600
#define MAX_ATTRIBUTION_CHARS 1000
/* Element visits spent reading text, all calls together: hostile nesting
 * makes text reading quadratic, so it stops here (about a second). */
#define MAX_TEXT_VISITS 20000000
/* Elements of one kind (bylines, dates, deks …) examined at most: each
 * costs a look at its subtree and its ancestors. */
#define MAX_CANDIDATES 100

typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

typedef struct {
  Importer *self;
  GString *out;
  gboolean pending_space;
  xmlNode *exclude;        /* a subtree left out, or NULL */
  guint skip_flags;        /* leave out elements with any of these flags */
  gboolean skip_refs;
  gsize limit;
  gboolean whole;          /* read all of it, outside the page's budget */
} TextCollector;

typedef gboolean (*ElementFilter) (Importer *self, xmlNode *node);

/* Items read whole from a small element: list items, paragraphs. */
typedef struct {
  Importer *self;
  GPtrArray *items;
} ItemState;

extern const char * const dossier_html_invisible_tags[];

/* dossier-html-dom.c */
gboolean dossier_html_is_space_char (gunichar c);
gboolean dossier_html_is_invisible_char (gunichar c);
gboolean dossier_html_tag_is (xmlNode    *node,
                              const char *name);
gboolean dossier_html_tag_in (xmlNode            *node,
                              const char * const *names);
int dossier_html_heading_level (xmlNode *node);
char *dossier_html_get_attr (xmlNode    *node,
                             const char *name);
gboolean dossier_html_attr_equals (xmlNode    *node,
                                   const char *name,
                                   const char *value);
char *dossier_html_class_and_id (xmlNode *node);
gboolean dossier_html_class_matches (xmlNode *node,
                                     GRegex  *regex);
NodeInfo *dossier_html_info_of (Importer *self,
                                xmlNode  *node);
gboolean dossier_html_is_measured (Importer *self,
                                   xmlNode  *node);
guint dossier_html_text_of (Importer *self,
                            xmlNode  *node);
guint dossier_html_flags_of (Importer *self,
                             xmlNode  *node);
void dossier_html_add_flags (Importer *self,
                             xmlNode  *node,
                             guint     flags);
gboolean dossier_html_is_ancestor (xmlNode *ancestor,
                                   xmlNode *node);
void dossier_html_traverse (xmlNode   *root,
                            EnterFunc  enter,
                            LeaveFunc  leave,
                            gpointer   data);
void dossier_html_append_collapsed (GString    *out,
                                    gboolean   *pending_space,
                                    const char *text);
gboolean dossier_html_collect_enter (xmlNode  *node,
                                     gpointer  data);
void dossier_html_collect_leave (xmlNode  *node,
                                 gpointer  data);
char *dossier_html_node_text (Importer *self,
                              xmlNode  *node);
gboolean dossier_html_is_small (Importer *self,
                                xmlNode  *node,
                                guint     max_chars);
char *dossier_html_node_text_whole (Importer *self,
                                    xmlNode  *node,
                                    xmlNode  *exclude);
guint dossier_html_count_words (const char *text);
gboolean dossier_html_ends_sentence (const char *text);
gboolean dossier_html_has_hangul (const char *text);
xmlXPathObjectPtr dossier_html_xpath (Importer   *self,
                                      const char *expression);
guint dossier_html_nodeset_len (xmlXPathObjectPtr result);
xmlNode *dossier_html_nodeset_item (xmlXPathObjectPtr result,
                                    guint             i);
xmlXPathObjectPtr dossier_html_select_elements (Importer      *self,
                                                ElementFilter  filter);
gboolean dossier_html_in_body (Importer *self,
                               xmlNode  *node);
gboolean dossier_html_filter_meta (Importer *self,
                                   xmlNode  *node);
gboolean dossier_html_filter_script (Importer *self,
                                     xmlNode  *node);
gboolean dossier_html_filter_classed (Importer *self,
                                      xmlNode  *node);
gboolean dossier_html_filter_labels (Importer *self,
                                     xmlNode  *node);
gboolean dossier_html_filter_quotes (Importer *self,
                                     xmlNode  *node);
gboolean dossier_html_filter_authors (Importer *self,
                                      xmlNode  *node);
gboolean dossier_html_filter_dates (Importer *self,
                                    xmlNode  *node);

/* dossier-html-decode.c */
GBytes *dossier_html_unwrap_mhtml (const char  *data,
                                   gsize        length,
                                   char       **charset,
                                   char       **location);
char *dossier_html_saved_from_url (const char *text);

/* dossier-html-metadata.c */
char *dossier_html_clean_value (const char *value);
char *dossier_html_normalize_date (const char *text);
gboolean dossier_html_looks_like_name (const char *text);
void dossier_html_add_byline (Importer   *self,
                              const char *byline);
void dossier_html_read_json_ld (Importer *self);
void dossier_html_read_meta_tags (Importer *self);
gboolean dossier_html_in_site_chrome (Importer *self,
                                      xmlNode  *node);
xmlNode *dossier_html_first_matching (Importer   *self,
                                      xmlNode    *container,
                                      const char *expression);

/* dossier-html-highlights.c */
xmlNode *dossier_html_next_element (xmlNode *node);
gboolean dossier_html_list_items_enter (xmlNode  *node,
                                        gpointer  data);
gboolean dossier_html_paragraphs_enter (xmlNode  *node,
                                        gpointer  data);
gboolean dossier_html_is_label_element (Importer *self,
                                        xmlNode  *node,
                                        GRegex   *regex);
void dossier_html_find_key_points (Importer *self);
void dossier_html_find_pull_quotes (Importer *self);
void dossier_html_find_author_cards (Importer *self);
void dossier_html_find_visible_metadata (Importer *self);

/* dossier-html-title.c */
GPtrArray *dossier_html_title_candidates_new (void);
void dossier_html_add_title_candidate (Importer    *self,
                                       TitleSource  source,
                                       const char  *text,
                                       const char  *raw,
                                       xmlNode     *node);
void dossier_html_choose_title (Importer *self);

/* dossier-html-notes.c */
gboolean dossier_html_parse_marker_number (const char *text,
                                           guint      *number);
void dossier_html_note_free (gpointer data);
Note *dossier_html_find_note (Importer *self,
                              guint     number);
void dossier_html_find_linked_notes (Importer *self);
void dossier_html_convert_text_markers (Importer *self,
                                        Block    *block);
void dossier_html_settle_tentative_refs (Importer *self,
                                         Block    *block);
void dossier_html_find_plain_notes (Importer  *self,
                                    gboolean  *is_note);
int dossier_html_compare_notes (gconstpointer a,
                                gconstpointer b);

/* dossier-html-article.c */
guint dossier_html_useful_text (Importer *self,
                                xmlNode  *node);
void dossier_html_mark_boilerplate (Importer *self);
xmlNode *dossier_html_find_root (Importer *self);

/* dossier-html-importer.c */
void dossier_html_block_free (gpointer data);

/* dossier-html-document.c */
Block *dossier_html_block_at (Importer *self,
                              guint     i);
gboolean dossier_html_is_heading_block (Block *block);
gboolean dossier_html_is_byline_text (const char *text);
void dossier_html_sort_blocks (Importer *self);
DossierDocument *dossier_html_assemble (Importer    *self,
                                        const char  *name_hint,
                                        GError     **error);

G_END_DECLS
