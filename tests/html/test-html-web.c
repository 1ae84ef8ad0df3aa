/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "importers/dossier-import.h"

/* The HTML importer on the open web: each fixture in tests/html/data/web/
 * is a small page written for this test that reproduces one structure met
 * on real sites (issue 17), with what a reader would call its title,
 * authors, date and dek, text that must be kept and furniture that must
 * not. The last test scores the whole set, as a dev set for the rules. */

typedef struct {
  const char *fixture;
  const char *title;
  const char *authors;      /* "; "-separated, in order; "" for none, NULL: not checked */
  const char *date;         /* NULL: not checked */
  const char *subtitle;     /* "" for none, NULL: not checked */
  const char *kept[4];      /* each in some paragraph */
  const char *dropped[4];   /* in no paragraph, no note, not the subtitle */
} WebCase;

static const WebCase cases[] = {
  /* ---- titles ---- */
  { "title-logo-h1.html", "Harbour Dredging Plan Divides the Town Council", "Morag Lindsay", NULL, NULL,
    { "six to five", NULL }, { "The Coastline Courier", NULL } },
  { "title-section-h1.html", "Pollen Counts Rise Early This Spring", NULL, NULL, NULL,
    { "two weeks earlier", NULL }, { NULL } },
  { "title-ld-description.html", "Self-adjoint operator", NULL, "2021-03-04", "",
    { "conjugate transpose", NULL }, { NULL } },
  { "title-permalink.html", "Configuring the Cache", NULL, NULL, NULL,
    { "Size limits", "256 entries", NULL }, { "¶", NULL } },

  /* ---- bylines ---- */
  { "byline-chinese.html", "城市雨水花园试点扩大到十个街区", "王晓明; 欧阳丽华", NULL, NULL,
    { "雨水花园", NULL }, { "王晓明", NULL } },
  { "byline-french.html", "Les péniches électriques arrivent sur le canal", "Jean-Marc Dupuis; Claire Lefèvre", NULL, NULL,
    { "Trois bateliers", NULL }, { "Par Jean-Marc", NULL } },
  { "byline-jr.html", "What the Rail Strike Means for Freight", "Robert E. Hale Jr.", NULL, NULL,
    { "diverting containers", NULL }, { "By Robert", NULL } },
  { "byline-data-attributes.html", "Night Trains Return to the Alpine Route", "Tomas Berg; Ines Ortega", NULL, NULL,
    { "first train leaves", NULL }, { "By Tomas", NULL } },
  { "byline-teasers.html", "Library Opens a Tool Lending Shelf", "Priya Nair", NULL, NULL,
    { "tool when it comes back", NULL }, { "Oskar Lind", NULL } },
  { "byline-ui-strings.html", "Faster Builds With Incremental Linking", "", NULL, NULL,
    { "forty seconds", NULL }, { "View my complete profile", NULL } },

  /* ---- dates ---- */
  { "date-ld-array-cdata.html", "Ferry Timetable Changes for Winter", "Jonas Eriksen", "2023-11-05", NULL,
    { "four times a day", NULL }, { NULL } },
  { "date-local-time.html", "Snowplough Fleet Doubles Before the Storm", NULL, "2024-02-09", NULL,
    { "forty private ploughs", NULL }, { NULL } },

  /* ---- deks that are not summaries ---- */
  { "dek-paywall.html", "River Authority Approves Flood Barrier", NULL, NULL, "",
    { "movable flood barrier", NULL }, { "As low as", NULL } },
  { "dek-call-to-action.html", "A Field Guide to Urban Beekeeping", NULL, NULL, "",
    { "Rooftop hives", NULL }, { "Free Download", "Read Article", NULL } },
  { "dek-byline.html", "Twelve Houseplants That Forgive Neglect", "Ellie Hall", NULL, "",
    { "Snake plants", NULL }, { "by Ellie Hall", NULL } },
  { "dek-dateline.html", "Port Workers Vote to Accept Pay Offer", NULL, "2024-03-03", "",
    { "Dock workers voted", NULL }, { "4:05", NULL } },
  { "dek-mentions-date.html", "The Valley Votes Again", NULL, NULL, "How the March 3, 2024 vote redrew the valley's map",
    { "bus timetable", NULL }, { NULL } },

  /* ---- class and id names matched as whole names ---- */
  { "class-main-content-left.html", "Cycle Counters Show Record Summer", NULL, NULL, NULL,
    { "river bridge", NULL }, { "reader poll", "Last week's poll", NULL } },
  { "class-modal-suffix.html", "Orchard Harvest Comes in Early", NULL, NULL, NULL,
    { "Apple growers", "Seasonal pickers", NULL }, { "reader one", NULL } },
  { "class-heading-id.html", "Plans and Sharing", NULL, NULL, NULL,
    { "Sharing with a single developer", "one other developer", "work account", NULL }, { NULL } },

  /* ---- choosing the article's element ---- */
  { "article-teaser-list.html", "Closed for the Holidays", NULL, NULL, NULL,
    { "peaceful break", NULL }, { "Beech is the classic", "Sharpening a Hand Plane", NULL } },
  { "article-body-class-sidebar.html", "Tram Line Extension Opens", NULL, NULL, NULL,
    { "five stops", "eight thousand passengers", NULL }, { "events guide", "monthly gallery", NULL } },
  { "article-howto-steps.html", "How to Bleed a Radiator", NULL, NULL, NULL,
    { "radiator key", "Step 2: Open the valve", "below one bar", NULL }, { NULL } },
  { "hidden-background-stream.html", "Lighthouse Keeper's Cottage Reopens", NULL, NULL, NULL,
    { "lamp room", "three winters", NULL }, { "Earlier today", NULL } },
  { "gallery-of-links.html", "Market Hall Gets a New Roof", NULL, NULL, NULL,
    { "leaking glass roof", "marquees", NULL }, { "Harbour seals", NULL } },

  /* ---- short furniture ---- */
  { "furniture-short.html", "Community Orchard Plants Its Hundredth Tree", NULL, NULL, NULL,
    { "vicarage garden", "beside the railway", "autumn picking days", NULL },
    { "Advert", "[button", "DON'T MISS", "Tags:" } },
  { "caption-outside-figure.html", "Salt Marsh Returns Where the Sea Wall Was Breached", NULL, NULL, NULL,
    { "Samphire and sea lavender", "drainage ditches", "four hundred avocets", "graze sheep" },
    { "seen from the footpath", "Avocets feeding", "Harbour Trust archive", "Mina Okafor" } },
  { "video-settings-menu.html", "Inside the Bell Foundry's Last Summer", NULL, NULL, NULL,
    { "a small treble", "tuned each bell", "metal workshop", "bell pit" },
    { "1080p", "Playback Rate", "Subtitles", "Quality" } },
  { "hover-card-names.html", "Committee Backs Funding for Rural Bus Routes", NULL, NULL, NULL,
    { "led by Rep. Maria Lopez and two colleagues", "came from Sen. Daniel Ward, who argued",
      "put forward by Councillor Ana Kim would trial", "from Dr. Lena Fischer suggest" },
    { "4th District", "Hill County", "Member since", "Transport economist" } },
  { "furniture-comments.html", "Community Orchard Plants Its Hundredth Tree", NULL, NULL, NULL,
    { "vicarage garden", NULL }, { "comments\n", "Your email address", NULL } },

  /* ---- content that was lost ---- */
  { "mathml-inline.html", "Why the Pendulum Keeps Time", NULL, NULL, NULL,
    { "the period is T=2π√L/g whatever the weight", "each way, T approximately 2 seconds for the full swing", NULL },
    { "\\sqrt", NULL } },
  { "embedded-post.html", "Mayor Promises Answer on Bridge Closure", NULL, NULL, NULL,
    { "publish their report in full", "trade has fallen", NULL }, { "Email this story", NULL } },
};

static DossierDocument *
import_case (const WebCase *c)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "html", "data", "web", c->fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DossierDocument *document = dossier_import_file (file, DOSSIER_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
authors_of (DossierDocument *document)
{
  GListModel *authors = dossier_document_get_authors (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (authors); i++)
    {
      g_autoptr(DossierAuthor) author = g_list_model_get_item (authors, i);

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, dossier_author_get_name (author));
    }

  return g_string_free (out, FALSE);
}

/* Every paragraph's text, one per line. */
static char *
text_of (DossierDocument *document)
{
  GListModel *paragraphs = dossier_document_get_paragraphs (document);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(DossierParagraph) p = g_list_model_get_item (paragraphs, i);

      g_string_append (out, dossier_paragraph_get_text (p));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

typedef struct {
  guint titles, authors, dates, subtitles, kept, dropped;
  guint n_titles, n_authors, n_dates, n_subtitles, n_kept, n_dropped;
} Score;

/* Scores one case; with @strict, fails on the first wrong field. */
static void
score_case (const WebCase *c,
            Score         *score,
            gboolean       strict)
{
  g_autoptr(DossierDocument) document = import_case (c);
  g_autofree char *authors = authors_of (document);
  g_autofree char *text = text_of (document);
  const char *subtitle = dossier_document_get_subtitle (document);

  score->n_titles++;
  if (g_strcmp0 (dossier_document_get_title (document), c->title) == 0)
    score->titles++;
  else if (strict)
    g_assert_cmpstr (dossier_document_get_title (document), ==, c->title);

  if (c->authors != NULL)
    {
      score->n_authors++;
      if (g_strcmp0 (authors, c->authors) == 0)
        score->authors++;
      else if (strict)
        g_assert_cmpstr (authors, ==, c->authors);
    }

  if (c->date != NULL)
    {
      score->n_dates++;
      if (g_strcmp0 (dossier_document_get_published (document), c->date) == 0)
        score->dates++;
      else if (strict)
        g_assert_cmpstr (dossier_document_get_published (document), ==, c->date);
    }

  if (c->subtitle != NULL)
    {
      const char *expected = *c->subtitle != '\0' ? c->subtitle : NULL;

      score->n_subtitles++;
      if (g_strcmp0 (subtitle, expected) == 0)
        score->subtitles++;
      else if (strict)
        g_assert_cmpstr (subtitle, ==, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (c->kept) && c->kept[i] != NULL; i++)
    {
      score->n_kept++;
      if (strstr (text, c->kept[i]) != NULL)
        score->kept++;
      else if (strict)
        g_error ("%s: “%s” was lost; the text is:\n%s", c->fixture, c->kept[i], text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (c->dropped) && c->dropped[i] != NULL; i++)
    {
      score->n_dropped++;
      if (strstr (text, c->dropped[i]) == NULL && g_strcmp0 (subtitle, c->dropped[i]) != 0)
        score->dropped++;
      else if (strict)
        g_error ("%s: “%s” was kept; the text is:\n%s", c->fixture, c->dropped[i], text);
    }
}

static void
test_case (gconstpointer data)
{
  Score score = { 0 };

  score_case (data, &score, TRUE);
}

/* The whole set, as a table to read with --verbose (-> bench/RESULTS.md). */
static void
test_score (void)
{
  Score score = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    score_case (&cases[i], &score, FALSE);

  g_test_message ("web fixtures: titles %u/%u, authors %u/%u, dates %u/%u, deks %u/%u, kept %u/%u, dropped %u/%u",
                  score.titles, score.n_titles, score.authors, score.n_authors, score.dates, score.n_dates,
                  score.subtitles, score.n_subtitles, score.kept, score.n_kept, score.dropped, score.n_dropped);
  g_assert_cmpuint (score.titles + score.authors + score.dates + score.subtitles + score.kept + score.dropped, ==,
                    score.n_titles + score.n_authors + score.n_dates + score.n_subtitles + score.n_kept + score.n_dropped);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup (cases[i].fixture);
      g_autofree char *path = NULL;

      *strrchr (name, '.') = '\0';
      path = g_strconcat ("/dossier/html/web/", name, NULL);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/dossier/html/web/score", test_score);

  return g_test_run ();
}
