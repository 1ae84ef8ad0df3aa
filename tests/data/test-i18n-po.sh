#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the translations in po/:
#  - every LINGUAS catalogue is valid: msgfmt --check (header, plural forms,
#    printf format specifiers) and --check-accelerators (one mnemonic where
#    the English has one); a failure here fails the test;
#  - completeness: each catalogue is merged with a template generated fresh
#    from po/POTFILES.in (as `meson compile dossier-pot` would make it) and
#    untranslated or fuzzy messages are listed.  New strings land in the
#    sources before their translation, so by default an incomplete catalogue
#    makes the test SKIP (exit 77, visible in the summary) rather than fail;
#    DOSSIER_STRICT_PO=1 turns it into a failure (for release checks).
#   test-i18n-po.sh TOP
set -u
top=$1
po=$top/po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
incomplete=0

langs=$(sed -e 's/#.*//' "$po/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
if [ -z "$langs" ]; then
  echo "po/LINGUAS lists no language"
  exit 1
fi

# The same keywords and flags as meson's i18n.gettext(preset: 'glib').
if ! (cd "$top" && xgettext --package-name=dossier -f po/POTFILES.in -D "$top" -k_ \
        -o "$tmp/dossier.pot" --from-code=UTF-8 --add-comments \
        --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
        --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
        --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
        --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
        --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
        --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
        --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
        --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
        --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
        2>"$tmp/xgettext.log"); then
  cat "$tmp/xgettext.log"
  echo "FAIL: xgettext could not extract the strings listed in po/POTFILES.in"
  exit 1
fi

for lang in $langs; do
  file=$po/$lang.po
  if [ ! -f "$file" ]; then
    echo "FAIL: po/LINGUAS lists $lang but po/$lang.po does not exist"
    status=1
    continue
  fi
  if ! msgfmt --check --check-accelerators=_ --statistics -o /dev/null "$file"; then
    echo "FAIL: po/$lang.po is not a valid catalogue"
    status=1
    continue
  fi
  if ! grep -q '^"Plural-Forms: nplurals=[0-9]*; plural=' "$file"; then
    echo "FAIL: po/$lang.po has no Plural-Forms header"
    status=1
  fi

  # The merge a translator would get from `meson compile dossier-update-po`.
  if ! msgmerge --quiet -o "$tmp/$lang.po" "$file" "$tmp/dossier.pot"; then
    echo "FAIL: po/$lang.po could not be merged with the current strings"
    status=1
    continue
  fi
  # msgattrib writes nothing when no message is selected.
  : >"$tmp/$lang-untranslated.po"
  : >"$tmp/$lang-fuzzy.po"
  msgattrib --untranslated --no-obsolete -o "$tmp/$lang-untranslated.po" "$tmp/$lang.po"
  msgattrib --only-fuzzy --no-obsolete -o "$tmp/$lang-fuzzy.po" "$tmp/$lang.po"
  # Entries other than the header.
  untranslated=$(grep -c '^msgid ' "$tmp/$lang-untranslated.po" 2>/dev/null)
  fuzzy=$(grep -c '^msgid ' "$tmp/$lang-fuzzy.po" 2>/dev/null)
  untranslated=$(( ${untranslated:-0} > 0 ? ${untranslated:-0} - 1 : 0 ))
  fuzzy=$(( ${fuzzy:-0} > 0 ? ${fuzzy:-0} - 1 : 0 ))
  if [ $untranslated -gt 0 ] || [ $fuzzy -gt 0 ]; then
    echo "po/$lang.po against the current sources: $untranslated untranslated, $fuzzy fuzzy" \
         "(run \`meson compile dossier-update-po\` and translate them):"
    [ -s "$tmp/$lang-untranslated.po" ] && msgattrib --no-wrap --no-location "$tmp/$lang-untranslated.po" | awk '/^msgid / { if (seen++) print }' | sed 's/^/  untranslated: /'
    [ -s "$tmp/$lang-fuzzy.po" ] && msgattrib --no-wrap --no-location "$tmp/$lang-fuzzy.po" | awk '/^msgid / { if (seen++) print }' | sed 's/^/  fuzzy: /'
    incomplete=1
  else
    echo "po/$lang.po: complete for the current sources"
  fi
done

[ $status -ne 0 ] && exit $status
if [ $incomplete -ne 0 ]; then
  [ "${DOSSIER_STRICT_PO:-0}" = 1 ] && exit 1
  exit 77
fi
exit 0
