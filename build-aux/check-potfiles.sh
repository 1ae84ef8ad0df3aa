#!/usr/bin/env bash
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
#   check-potfiles.sh [TOP]           check
#   check-potfiles.sh --update [TOP]  rewrite po/POTFILES.in from the sources
set -euo pipefail
update=false
if [ "${1:-}" = "--update" ]; then
  update=true
  shift
fi
top=${1:-$(dirname "$0")/..}
cd "$top"

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort)
found=$( { grep -rlE '(^|[^A-Za-z0-9_])(N?_|C_|ngettext)\s*\(' --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' ui || true;
           ls data/*.desktop.in.in data/*.metainfo.xml.in.in 2>/dev/null || true; } | sort -u)

if $update; then
  echo "$found" > po/POTFILES.in
  echo "po/POTFILES.in: $(echo "$found" | wc -l) files"
  exit 0
fi

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
