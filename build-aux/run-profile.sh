#!/usr/bin/env bash
# Starts the app from the build tree in a throwaway profile: every XDG
# directory lives under build/profile and is made afresh each run, seeded
# with the project's own sample articles.
set -euo pipefail

build=${1:-build}
shift || true
top=$(cd "$(dirname "$0")/.." && pwd)
profile="$top/$build/profile"

rm -rf "$profile"
mkdir -p "$profile"/{data,config,cache,state,runtime}
chmod 700 "$profile/runtime"

export XDG_DATA_HOME="$profile/data"
export XDG_CONFIG_HOME="$profile/config"
export XDG_CACHE_HOME="$profile/cache"
export XDG_STATE_HOME="$profile/state"
export GSETTINGS_SCHEMA_DIR="$top/$build/data"
export GSETTINGS_BACKEND=keyfile
# Translations built in the build tree (LANGUAGE=ko make run shows the Korean interface).
export DOSSIER_LOCALEDIR="$top/$build/po"

# Seed the library with the bundled samples.
if "$top/$build/src/cli/dossier-cli" --help | grep -q '^  library'; then
  # No --library: the CLI uses $XDG_DATA_HOME/dossier/library.db, the
  # profile's, exactly as the app does. A failed seed must not stop the app.
  "$top/$build/src/cli/dossier-cli" library add "$top"/data/samples/*.txt >/dev/null ||
    echo "run-profile: could not seed the library with every sample" >&2
fi

echo "run-profile: starting Dossier with a throwaway profile in $profile"
exec "$top/$build/src/app/dossier" "$@"
