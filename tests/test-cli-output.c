/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-output"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "dossier-test-cli.h"
#include "dossier-test-files.h"

/* What dossier-cli writes, as a user runs it: `-o FILE` on a full disk
 * and onto files that are not regular files, `-o -`, and a standard
 * output that cannot be written. */

#define MOUNTED "dossier-test: tmpfs mounted"

typedef struct
{
  char *dir;
  char *db;
  char *big_id;     /* a document whose JSON is some 300 KB */
  char *small_id;
  char *memo;       /* a memo (its PDF is some 60 KB) */
} Fixture;

static char *
first_field (const char *line)
{
  const char *tab = strchr (line, '\t');

  g_assert_nonnull (tab);
  return g_strndup (line, tab - line);
}

static char *
add_document (Fixture    *fixture,
              const char *name,
              const char *text)
{
  g_auto(DossierTestCliRun) run = { 0 };
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  dossier_test_cli_run (&run, "library", "--library", fixture->db, "add", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_unlink (path);
  return first_field (run.out);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) big = g_string_new ("A Long Report on Harbour Policy\n\n");
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dossier-cli-output-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "library.db", NULL);
  for (guint i = 0; big->len < 300 * 1024; i++)
    g_string_append_printf (big, "Paragraph %u. Small harbours move a surprising share of regional "
                                 "freight, yet they rarely appear in national transport plans.\n\n", i);
  fixture->big_id = add_document (fixture, "big.txt", big->str);
  fixture->small_id = add_document (fixture, "small.txt",
                                    "Lighthouse Keepers\n\nA short note on automated lights.\n");
  fixture->memo = g_test_build_filename (G_TEST_DIST, "export", "data", "decision.dossier-memo", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dossier_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->big_id);
  g_free (fixture->small_id);
  g_free (fixture->memo);
}

/* One line on stderr, naming @target. */
static void
assert_one_line_error (const DossierTestCliRun *run,
                       const char              *target)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (dossier_test_cli_count_lines (run->err), ==, 1);
  if (target != NULL)
    g_assert_nonnull (strstr (run->err, target));
  g_assert_null (strstr (run->err, ".part"));
  g_assert_null (strstr (run->err, "goutputstream"));
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_true (memcmp (contents, expected, length) == 0);
}

/* Each command that writes a file, the file it writes over, a size
 * between the two for the file size limit, and whether it needs --force. */
typedef struct {
  const char *name;
  const char *old;
  gsize limit;
} Writer;

static const Writer writers[] = {
  { "library-export", "{\n  \"format\" : \"dossier-document\",\n  \"old\" : true\n}\n", 64 * 1024 },
  { "export-pdf", "%PDF-1.5\n% an older export\n", 16 * 1024 },
  { "memo-new", "{\n  \"format\" : \"dossier-memo\",\n  \"old\" : true\n}\n", 512 },
};

/* The arguments that make writer @i write @target. */
static GStrv
writer_args (Fixture    *fixture,
             guint       i,
             const char *target)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv args;

  switch (i)
    {
    case 0:
      g_strv_builder_add_many (builder, "library", "--library", fixture->db, "export", fixture->big_id,
                               "-o", target, NULL);
      break;
    case 1:
      g_strv_builder_add_many (builder, "export-pdf", fixture->memo, "-o", target, NULL);
      break;
    default:
      g_strv_builder_add_many (builder, "memo", "new", "--template=decision", "--force", "-o", target, NULL);
      break;
    }
  args = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return args;
}

/* A full disk (a file size limit: no privileges needed): exit 1, one
 * line naming the file, the old file byte for byte, no temporary file.
 * g_file_replace_contents() left the first 64 KB of the new file. */
static void
test_full_disk_rlimit (Fixture       *fixture,
                       gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autofree char *dir = g_build_filename (fixture->dir, writers[i].name, NULL);
      g_autofree char *target = g_build_filename (dir, "target", NULL);
      g_auto(GStrv) args = writer_args (fixture, i, target);
      g_autofree char *names = NULL;
      DossierTestCliOptions options = { NULL, NULL, writers[i].limit };

      g_test_message ("%s", writers[i].name);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (target, writers[i].old, -1, NULL));

      dossier_test_cli_runv_with (&run, &options, (const char * const *)args);
      assert_one_line_error (&run, target);
      assert_file_is (target, writers[i].old);
      names = dossier_test_list_dir (dir);
      g_assert_cmpstr (names, ==, "target");

      /* Without the limit it is written. */
      dossier_test_cli_runv (&run, (const char * const *)args);
      g_assert_cmpint (run.status, ==, 0);
    }
}

/* A really full disk: a tiny tmpfs in a user namespace of our own (or a
 * mount namespace when root), filled up after the old file is put on it.
 * The whole run happens in there; what was left on the tmpfs is copied
 * out for the checks. */
static void
test_full_disk_tmpfs (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *script =
    "disk=$1; out=$2; shift 2\n"
    "mount -t tmpfs -o size=32k dossier-test \"$disk\" || exit 1\n"
    "echo '" MOUNTED "'\n"
    "cp \"$out/old\" \"$disk/target\" || exit 1\n"
    "cat /dev/zero > \"$disk/filler\" 2> /dev/null\n"
    "\"$@\" > /dev/null 2> \"$out/stderr\"\n"
    "echo $? > \"$out/status\"\n"
    "ls -A \"$disk\" > \"$out/listing\"\n"
    "cp \"$disk/target\" \"$out/after\"\n";
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  gboolean mounted_once = FALSE;

  if (unshare == NULL)
    {
      g_test_skip ("unshare (util-linux) is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *disk = g_strdup_printf ("%s/disk-%u", fixture->dir, i);
      g_autofree char *out = g_strdup_printf ("%s/out-%u", fixture->dir, i);
      g_autofree char *old = g_build_filename (out, "old", NULL);
      g_autofree char *target = g_build_filename (disk, "target", NULL);
      g_auto(GStrv) args = writer_args (fixture, i, target);
      gboolean done = FALSE;

      g_assert_cmpint (g_mkdir (disk, 0700), ==, 0);
      g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
      g_assert_true (g_file_set_contents (old, writers[i].old, -1, NULL));

      for (guint ns = 0; ns < 2 && !done; ns++)
        {
          g_autoptr(GPtrArray) argv = g_ptr_array_new ();
          g_autoptr(GSubprocess) process = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *stdout_text = NULL;
          g_autofree char *status_path = g_build_filename (out, "status", NULL);
          g_autofree char *status = NULL;
          g_autofree char *stderr_text = NULL;
          g_autofree char *stderr_path = g_build_filename (out, "stderr", NULL);
          g_autofree char *listing = NULL;
          g_autofree char *listing_path = g_build_filename (out, "listing", NULL);
          g_autofree char *after = g_build_filename (out, "after", NULL);

          if (ns == 1 && geteuid () != 0)
            break;
          g_ptr_array_add (argv, unshare);
          if (ns == 0)
            {
              g_ptr_array_add (argv, "--user");
              g_ptr_array_add (argv, "--map-root-user");
            }
          g_ptr_array_add (argv, "--mount");
          g_ptr_array_add (argv, "sh");
          g_ptr_array_add (argv, "-c");
          g_ptr_array_add (argv, (char *)script);
          g_ptr_array_add (argv, "sh");
          g_ptr_array_add (argv, disk);
          g_ptr_array_add (argv, out);
          g_ptr_array_add (argv, (char *)g_getenv ("DOSSIER_CLI"));
          for (guint a = 0; args[a] != NULL; a++)
            g_ptr_array_add (argv, args[a]);
          g_ptr_array_add (argv, NULL);

          process = g_subprocess_newv ((const char * const *)argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);
          g_assert_no_error (error);
          g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, NULL, &error);
          g_assert_no_error (error);
          if (strstr (stdout_text, MOUNTED) == NULL)
            {
              g_test_message ("no tmpfs: %s", stdout_text);
              continue;
            }
          g_assert_true (g_subprocess_get_if_exited (process));
          g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
          done = mounted_once = TRUE;

          g_test_message ("%s on a full tmpfs", writers[i].name);
          assert_file_is (after, writers[i].old);
          g_assert_true (g_file_get_contents (listing_path, &listing, NULL, NULL));
          g_assert_cmpstr (listing, ==, "filler\ntarget\n");
          g_assert_true (g_file_get_contents (status_path, &status, NULL, NULL));
          g_assert_cmpstr (status, ==, "1\n");
          g_assert_true (g_file_get_contents (stderr_path, &stderr_text, NULL, NULL));
          g_assert_cmpuint (dossier_test_cli_count_lines (stderr_text), ==, 1);
          g_assert_nonnull (strstr (stderr_text, "the disk is full"));
        }
    }

  if (!mounted_once)
    g_test_skip ("no tmpfs can be mounted here (no user or mount namespaces)");
}

/* Only regular files and new names are written; everything else is
 * refused in one line and stays what it was. A named pipe hung, and a
 * device, a socket or a link was replaced by a regular file. */
static void
test_special_files (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  g_autofree char *sock_path = g_build_filename (fixture->dir, "socket", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling", NULL);
  g_autofree char *to_device = g_build_filename (fixture->dir, "to-device", NULL);
  g_autofree char *real = g_build_filename (fixture->dir, "real", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link", NULL);
  g_autofree char *device = dossier_test_make_device (fixture->dir);
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  const struct {
    const char *path;
    const char *words;
    mode_t type;
  } refused[] = {
    { device, "device", S_IFCHR },
    { fifo, "named pipe", S_IFIFO },
    { sock_path, "socket", S_IFSOCK },
    { folder, "folder", S_IFDIR },
    { dangling, "does not exist", S_IFLNK },
    { to_device, "device", S_IFLNK },
  };
  int sock;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (sock, >=, 0);
  g_strlcpy (address.sun_path, sock_path, sizeof address.sun_path);
  g_assert_cmpint (bind (sock, (struct sockaddr *)&address, sizeof address), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (symlink ("nowhere/none", dangling), ==, 0);
  g_assert_cmpint (symlink (device, to_device), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    for (guint j = 0; j < G_N_ELEMENTS (refused); j++)
      {
        g_auto(DossierTestCliRun) run = { 0 };
        g_auto(GStrv) args = writer_args (fixture, i, refused[j].path);
        struct stat st;

        g_test_message ("%s -o %s", writers[i].name, refused[j].path);
        dossier_test_cli_runv (&run, (const char * const *)args);
        g_assert_cmpint (lstat (refused[j].path, &st), ==, 0);
        g_assert_cmpint (st.st_mode & S_IFMT, ==, refused[j].type);
        assert_one_line_error (&run, refused[j].path);
        g_assert_nonnull (strstr (run.err, refused[j].words));
      }
  close (sock);

  /* A link to a regular file is written through and stays a link. */
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_auto(GStrv) args = writer_args (fixture, i, link);
      g_autofree char *contents = NULL;
      struct stat st;

      g_unlink (link);
      g_assert_true (g_file_set_contents (real, writers[i].old, -1, NULL));
      g_assert_cmpint (symlink ("real", link), ==, 0);
      dossier_test_cli_runv (&run, (const char * const *)args);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpint (lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
      g_assert_true (strcmp (contents, writers[i].old) != 0);
    }
}

/* "-o -" is standard output for the commands that write data; no file
 * named "-" appears. */
static void
test_dash_is_stdout (Fixture       *fixture,
                     gconstpointer  data)
{
  DossierTestCliOptions options = { NULL, fixture->dir, 0 };
  g_autofree char *dash = g_build_filename (fixture->dir, "-", NULL);

  {
    g_auto(DossierTestCliRun) run = { 0 };
    g_auto(DossierTestCliRun) plain = { 0 };

    dossier_test_cli_run_with (&run, &options, "library", "--library", fixture->db, "export",
                               fixture->small_id, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    dossier_test_cli_run (&plain, "library", "--library", fixture->db, "export", fixture->small_id, NULL);
    g_assert_cmpstr (run.out, ==, plain.out);
    g_assert_nonnull (strstr (run.out, "Lighthouse Keepers"));
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    dossier_test_cli_run_with (&run, &options, "memo", "new", "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "\"format\" : \"dossier-memo\""));
  }
  {
    g_auto(DossierTestCliRun) run = { 0 };

    /* The PDF alone: no "Wrote …" line mixed into it. */
    dossier_test_cli_run_with (&run, &options, "export-pdf", fixture->memo, "-o", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
    g_assert_cmpstr (run.err, ==, "");
  }
  g_assert_false (g_file_test (dash, G_FILE_TEST_EXISTS));
}

/* Every command, its standard output on a full disk: exit 1 and one
 * line, not exit 0 (text-mode library list/search/add did). */
static void
test_stdout_full (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierTestCliOptions options = { "/dev/full", NULL, 0 };
  g_autofree char *sample = g_build_filename (fixture->dir, "sample.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.txt", NULL);
  g_autofree char *memo_copy = g_build_filename (fixture->dir, "memo.dossier-memo", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "memo.pdf", NULL);
  g_autofree char *memo_text = NULL;
  const char *db = fixture->db;
  const char *big = fixture->big_id;
  const char *small = fixture->small_id;
  const char *commands[][12] = {
    { "--help" },
    { "--version" },
    { "library", "--help" },
    { "import", sample },
    { "import", "--format=text", sample },
    { "library", "--library", db, "add", other },
    { "library", "--library", db, "list" },
    { "library", "--library", db, "list", "--json" },
    { "library", "--library", db, "search", "harbours" },
    { "library", "--library", db, "search", "--json", "harbours" },
    { "library", "--library", db, "export", small },
    { "library", "--library", db, "export", small, "-o", "-" },
    { "compare", sample, other },
    { "compare", "--json", sample, other },
    { "compare", "--library", db, big, small },
    { "matrix", sample, other },
    { "matrix", "--json", sample, other },
    { "memo", "new" },
    { "memo", "new", "-o", "-" },
    { "memo", "show", memo_copy },
    { "memo", "check", "--no-library", memo_copy },
    { "export-pdf", memo_copy },
    { "export-pdf", memo_copy, "-o", "-" },
    { "library", "--library", db, "remove", small },
    { "library", "--library", db, "trash", "list" },
    { "library", "--library", db, "trash", "list", "--json" },
  };

  g_assert_true (g_file_set_contents (sample, "Harbour Lights\n\nSmall harbours move freight.\n\n"
                                               "Lights were automated decades ago.\n", -1, NULL));
  g_assert_true (g_file_set_contents (other, "Coastal Trade\n\nCoastal trade moves freight between "
                                              "small harbours.\n\nThe keepers left.\n", -1, NULL));
  g_assert_true (g_file_get_contents (fixture->memo, &memo_text, NULL, NULL));
  g_assert_true (g_file_set_contents (memo_copy, memo_text, -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(DossierTestCliRun) run = { 0 };
      g_autofree char *line = g_strjoinv (" ", (char **)commands[i]);

      g_test_message ("dossier-cli %s > /dev/full", line);
      dossier_test_cli_runv_with (&run, &options, commands[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpuint (dossier_test_cli_count_lines (run.err), ==, 1);
      g_assert_nonnull (strstr (run.err, "Could not write the output"));
      g_assert_nonnull (strstr (run.err, "No space left on device"));
    }

  /* What went to a file is still written. */
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier/cli/output/full-disk/rlimit", Fixture, NULL,
              fixture_set_up, test_full_disk_rlimit, fixture_tear_down);
  g_test_add ("/dossier/cli/output/full-disk/tmpfs", Fixture, NULL,
              fixture_set_up, test_full_disk_tmpfs, fixture_tear_down);
  g_test_add ("/dossier/cli/output/special-files", Fixture, NULL,
              fixture_set_up, test_special_files, fixture_tear_down);
  g_test_add ("/dossier/cli/output/dash-is-stdout", Fixture, NULL,
              fixture_set_up, test_dash_is_stdout, fixture_tear_down);
  g_test_add ("/dossier/cli/output/stdout-full", Fixture, NULL,
              fixture_set_up, test_stdout_full, fixture_tear_down);

  return g_test_run ();
}
