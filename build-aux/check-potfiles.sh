#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|ngettext)\s*\(' --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' ui || true;
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in 2>/dev/null || true; } | sort -u)

status=0
missing=$(comm -13 <(echo "$listed") <(echo "$found"))
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in names a file that does not exist: $file"
    status=1
  fi
done
[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(echo "$listed" | wc -l) files with translatable strings"
exit $status
