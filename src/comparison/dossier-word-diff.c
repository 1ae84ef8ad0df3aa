/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dossier-comparison"

#include "config.h"

#include <string.h>

#include "dossier-word-diff.h"

G_DEFINE_ENUM_TYPE (DossierDiffOp, dossier_diff_op,
  G_DEFINE_ENUM_VALUE (DOSSIER_DIFF_EQUAL, "equal"),
  G_DEFINE_ENUM_VALUE (DOSSIER_DIFF_DELETE, "delete"),
  G_DEFINE_ENUM_VALUE (DOSSIER_DIFF_INSERT, "insert"))

/**
 * dossier_diff_op_to_string:
 * @op: an operation
 *
 * Returns: "equal", "delete" or "insert", as the JSON formats write it
 */
const char *
dossier_diff_op_to_string (DossierDiffOp op)
{
  switch (op)
    {
    case DOSSIER_DIFF_EQUAL: return "equal";
    case DOSSIER_DIFF_DELETE: return "delete";
    case DOSSIER_DIFF_INSERT: return "insert";
    default: g_return_val_if_reached ("equal");
    }
}

/* Past this many edits the texts have little in common; the middle is
 * reported as replaced rather than spending quadratic memory on it. */
#define MAX_EDIT_DISTANCE 4096

static void
append_run (GArray        *runs,
            DossierDiffOp  op,
            guint          a_start,
            guint          a_end,
            guint          b_start,
            guint          b_end)
{
  DossierDiffRun run = { op, a_start, a_end, b_start, b_end };

  if (a_start == a_end && b_start == b_end)
    return;

  if (runs->len > 0)
    {
      DossierDiffRun *last = &g_array_index (runs, DossierDiffRun, runs->len - 1);

      if (last->op == op && last->a_end == a_start && last->b_end == b_start)
        {
          last->a_end = a_end;
          last->b_end = b_end;
          return;
        }
    }

  g_array_append_val (runs, run);
}

/* Myers' greedy O((N+M)·D) algorithm ("An O(ND) Difference Algorithm and
 * Its Variations", 1986), keeping each round's frontier for the walk back.
 * Fills @moves (from the end backwards) with one op per step. */
static gboolean
myers_middle (const guint *a,
              guint        n,
              const guint *b,
              guint        m,
              GArray      *moves)
{
  int max = n + m;
  int d_limit = MIN (max, MAX_EDIT_DISTANCE);
  g_autofree int *v = g_new0 (int, 2 * max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int offset = max + 1;
  int found_d = -1;
  int x, y;

  v[offset + 1] = 0;
  for (int d = 0; d <= d_limit && found_d < 0; d++)
    {
      /* the frontier before this round, for k in [-d-1, d+1] */
      g_ptr_array_add (trace, g_memdup2 (&v[offset - d - 1], sizeof (int) * (2 * d + 3)));

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < (int) n && y < (int) m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if (x >= (int) n && y >= (int) m)
            {
              found_d = d;
              break;
            }
        }
    }

  if (found_d < 0)
    return FALSE;

  x = n;
  y = m;
  for (int d = found_d; d >= 0; d--)
    {
      const int *vd = g_ptr_array_index (trace, d);
      int k = x - y;
      int prev_k, prev_x, prev_y;

      /* vd[0] holds k = -d-1 */
#define V_AT(kk) (vd[(kk) + d + 1])
      if (k == -d || (k != d && V_AT (k - 1) < V_AT (k + 1)))
        prev_k = k + 1;
      else
        prev_k = k - 1;
#undef V_AT
      prev_x = vd[prev_k + d + 1];
      prev_y = prev_x - prev_k;

      while (x > prev_x && y > prev_y)
        {
          DossierDiffOp op = DOSSIER_DIFF_EQUAL;
          g_array_append_val (moves, op);
          x--, y--;
        }
      if (d > 0)
        {
          DossierDiffOp op = x == prev_x ? DOSSIER_DIFF_INSERT : DOSSIER_DIFF_DELETE;
          g_array_append_val (moves, op);
        }
      x = prev_x;
      y = prev_y;
    }

  return TRUE;
}

/**
 * dossier_myers_diff:
 * @a: (array length=n_a): the left sequence, as token ids
 * @n_a: its length
 * @b: (array length=n_b): the right sequence
 * @n_b: its length
 *
 * Computes a shortest edit script from @a to @b. Each changed stretch is
 * reported as one deletion followed by one insertion, so the runs read like
 * Meld's chunks. Texts that differ in more than a few thousand places are
 * reported as one replacement (a bound for hostile input).
 *
 * Returns: (transfer full) (element-type DossierDiffRun): the runs, covering
 *   both sequences in order
 */
GArray *
dossier_myers_diff (const guint *a,
                    guint        n_a,
                    const guint *b,
                    guint        n_b)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (DossierDiffRun));
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (DossierDiffOp));
  guint prefix = 0, suffix = 0;
  guint x, y, del_start_a = 0, ins_start_b = 0;
  gboolean in_change = FALSE;

  while (prefix < n_a && prefix < n_b && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n_a - prefix && suffix < n_b - prefix &&
         a[n_a - 1 - suffix] == b[n_b - 1 - suffix])
    suffix++;

  append_run (runs, DOSSIER_DIFF_EQUAL, 0, prefix, 0, prefix);

  if (!myers_middle (a + prefix, n_a - prefix - suffix, b + prefix, n_b - prefix - suffix, moves))
    {
      append_run (runs, DOSSIER_DIFF_DELETE, prefix, n_a - suffix, prefix, prefix);
      append_run (runs, DOSSIER_DIFF_INSERT, n_a - suffix, n_a - suffix, prefix, n_b - suffix);
    }
  else
    {
      /* moves run backwards; replay them forwards, gathering each changed
       * stretch into one deletion and one insertion */
      x = y = prefix;
      for (guint i = moves->len; i > 0; i--)
        {
          DossierDiffOp op = g_array_index (moves, DossierDiffOp, i - 1);

          if (op == DOSSIER_DIFF_EQUAL)
            {
              if (in_change)
                {
                  append_run (runs, DOSSIER_DIFF_DELETE, del_start_a, x, ins_start_b, ins_start_b);
                  append_run (runs, DOSSIER_DIFF_INSERT, x, x, ins_start_b, y);
                  in_change = FALSE;
                }
              append_run (runs, DOSSIER_DIFF_EQUAL, x, x + 1, y, y + 1);
              x++, y++;
              continue;
            }

          if (!in_change)
            {
              in_change = TRUE;
              del_start_a = x;
              ins_start_b = y;
            }
          if (op == DOSSIER_DIFF_DELETE)
            x++;
          else
            y++;
        }

      if (in_change)
        {
          /* deletions keep b's position at the start of the stretch */
          append_run (runs, DOSSIER_DIFF_DELETE, del_start_a, x, ins_start_b, ins_start_b);
          append_run (runs, DOSSIER_DIFF_INSERT, x, x, ins_start_b, y);
        }
    }

  append_run (runs, DOSSIER_DIFF_EQUAL, n_a - suffix, n_a, n_b - suffix, n_b);

  return runs;
}

/**
 * dossier_split_diff_words:
 * @text: a paragraph
 * @max_words: a bound for hostile input
 *
 * Returns: (transfer full) (element-type DossierDiffWord): the paragraph's
 *   space-separated words
 */
GArray *
dossier_split_diff_words (const char *text,
                          guint       max_words)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (DossierDiffWord));
  const char *p = text;
  guint char_index = 0;

  while (*p != '\0' && words->len < max_words)
    {
      DossierDiffWord word;

      if (g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          char_index++;
          continue;
        }

      word.start = p - text;
      word.char_start = char_index;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          char_index++;
        }
      word.end = p - text;
      word.char_end = char_index;
      g_array_append_val (words, word);
    }

  return words;
}
