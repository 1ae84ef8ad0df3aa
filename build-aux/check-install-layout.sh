#!/usr/bin/env bash
# Installs the project with --prefix=/app into a staging directory, as a
# Flatpak build does, and checks that everything a Flatpak exports is there
# and named after the application ID.
set -euo pipefail
top=$1
app_id=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

meson setup "$work/build" "$top" --prefix=/app -Dprofile=development -Dbuildtype=plain >/dev/null
meson compile -C "$work/build" >/dev/null
DESTDIR="$work/dest" meson install -C "$work/build" --no-rebuild >/dev/null
root="$work/dest/app"

expected=(
  "bin/dossier"
  "bin/dossier-cli"
  "share/applications/$app_id.desktop"
  "share/metainfo/$app_id.metainfo.xml"
  "share/icons/hicolor/scalable/apps/$app_id.svg"
  "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "share/glib-2.0/schemas/io.github.dossier.Dossier.gschema.xml"
  "share/mime/packages/$app_id.xml"
)
for lang in $(grep -v '^#' "$top/po/LINGUAS" || true); do
  expected+=("share/locale/$lang/LC_MESSAGES/dossier.mo")
done

status=0
for path in "${expected[@]}"; do
  if [ -e "$root/$path" ]; then
    echo "ok   /app/$path"
  else
    echo "MISSING /app/$path"
    status=1
  fi
done

# Flatpak exports only desktop files, metainfo, icons and MIME packages that
# are named after the app ID; anything else there would be silently dropped.
for dir in share/applications share/metainfo share/mime/packages share/icons/hicolor/scalable/apps share/icons/hicolor/symbolic/apps; do
  for file in "$root/$dir"/*; do
    [ -e "$file" ] || continue
    case "$(basename "$file")" in
      "$app_id"*) ;;
      *) echo "NOT EXPORTABLE /app/$dir/$(basename "$file")"; status=1 ;;
    esac
  done
done

# The installed CLI runs from /app-like locations without the build tree.
"$root/bin/dossier-cli" --version >/dev/null && echo "ok   installed dossier-cli runs"
exit $status
