#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The desktop file and the metainfo built by i18n.merge_file carry the
# Korean strings from po/ko.po (name, comment, keywords, summary).
#   test-i18n-data.sh DESKTOP-FILE METAINFO-FILE
set -u
desktop=$1
metainfo=$2
status=0

for key in 'GenericName[ko]=' 'Comment[ko]=' 'Keywords[ko]='; do
  line=$(grep -F "$key" "$desktop" | grep -v "^#" | head -1)
  if [ -n "$line" ] && [ "$line" != "$key" ]; then
    echo "ok: $line"
  else
    echo "FAIL: no $key line in $desktop"
    status=1
  fi
done

if grep -q '<summary xml:lang="ko">..*</summary>' "$metainfo"; then
  echo "ok: $(grep '<summary xml:lang="ko">' "$metainfo" | head -1 | sed 's/^ *//')"
else
  echo "FAIL: no Korean <summary> in $metainfo"
  status=1
fi
if grep -q '<p xml:lang="ko">' "$metainfo"; then
  echo "ok: Korean description paragraphs"
else
  echo "FAIL: no Korean description in $metainfo"
  status=1
fi

exit $status
