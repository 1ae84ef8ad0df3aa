#!/usr/bin/env bash
# Every GUI test starts GTK and libadwaita the way the app does, through
# dossier_test_gui_init() (tests/dossier-test-gui.c). A test that calls
# gtk_test_init() on its own builds libadwaita widgets without adw_init(),
# which crashed GTK 4.8 on a fresh machine (the spell checker test).
#   check-gui-tests.sh TOP
set -euo pipefail
top=${1:-$(dirname "$0")/..}
cd "$top/tests"

status=0
for file in $(grep -rl --include='*.c' 'gtk_test_init' . | grep -v '^./dossier-test-gui.c$' || true); do
  echo "$file: calls gtk_test_init(); use dossier_test_gui_init() instead"
  status=1
done
# A test with a main() that includes GTK or libadwaita is a GUI test.
for file in $(grep -rlE --include='*.c' '#include [<"](gtk/gtk|adwaita|dossier-test-gui)\.h' . || true); do
  if grep -q '^main (' "$file" && ! grep -q 'dossier_test_gui_init (' "$file"; then
    echo "$file: its main() never calls dossier_test_gui_init()"
    status=1
  fi
done
exit $status
