#!/usr/bin/env bash
# Part of flatpak-check.sh, run inside xvfb-run and dbus-run-session: no
# document portal or file chooser portal runs on this bus, as on a desktop
# without xdg-desktop-portal. Starts the installed app sandboxed, waits for
# its window, opens Import and takes a screenshot of each.
set -euo pipefail
app=$1
check=$2

# Spins until "$@" succeeds; gives up after a minute (a slow machine, not
# a timing assumption: nothing here waits a fixed time for the app).
wait_for() {
  for _ in $(seq 600); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "flatpak-check-gui: gave up waiting for: $*" >&2
  return 1
}

# Drawn: more than a background's few colours.
drawn() {
  test "$(import -window "$1" -format '%k' info: 2>/dev/null)" -gt 16
}

flatpak run "$app" >"$check/app.log" 2>&1 &
runner=$!
trap 'flatpak kill "$app" 2>/dev/null || true; wait "$runner" 2>/dev/null || true' EXIT

wait_for xdotool search --onlyvisible --name 'Dossier'
window=$(xdotool search --onlyvisible --name 'Dossier' | head -1)
# The first frame is drawn after the window is mapped.
wait_for drawn "$window"
import -window root "$check/app.png"
echo "flatpak-check-gui: the app's window is up: $check/app.png"

# The empty library's "Import Articles…" button, at the middle of the
# content pane of the default-sized window. (Ctrl+O sent with xdotool does
# not reach the window here: no window manager gives it the focus.)
xdotool mousemove --window "$window" 760 522 click 1
wait_for sh -c "xdotool search --onlyvisible --name . | grep -vx '$window' | grep -q ."
chooser=$(xdotool search --onlyvisible --name . | grep -vx "$window" | head -1)
wait_for drawn "$chooser"
import -window root "$check/import.png"
echo "flatpak-check-gui: Import opened “$(xdotool getwindowname "$chooser")”: $check/import.png"
if ! kill -0 "$runner" 2>/dev/null; then
  echo "flatpak-check-gui: the app has quit" >&2
  exit 1
fi
if grep -E "CRITICAL|WARNING" "$check/app.log"; then
  echo "flatpak-check-gui: the app logged warnings (above, $check/app.log)" >&2
  exit 1
fi
