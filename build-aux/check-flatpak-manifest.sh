#!/usr/bin/env bash
# Offline check of the Flatpak manifest: flatpak-builder parses it (with
# fatal warnings, so unknown keys fail), and it keeps the sandbox minimal.
set -euo pipefail
manifest=$1

python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"].startswith("io.github.dossier.Dossier"), "app id"
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk", "GNOME runtime"
args = set(m["finish-args"])
allowed = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
           "--share=network", "--env=G_DEBUG=fatal-criticals"}
extra = args - allowed
assert not extra, f"finish-args beyond the minimal set: {sorted(extra)}"
assert not any(a.startswith("--filesystem") for a in args), "no file system access: files come through portals"
assert not any(a.startswith("--env=G_DEBUG") for a in args), \
    "G_DEBUG in finish-args: fatal criticals belong in the tests, not in what users run"
assert m["modules"][-1]["name"] == "dossier", "the app is the last module"
# Built offline too (make flatpak-check): every download is pinned by sha256.
for module in m["modules"]:
    for source in module.get("sources", []):
        if "url" in source:
            assert source.get("sha256"), f"{module['name']}: {source['url']} has no sha256"
        assert source["type"] != "git", f"{module['name']}: git sources cannot be built offline"
print(f"manifest: {m['id']} on {m['runtime']} {m['runtime-version']}, finish-args {sorted(args)}")
PY

if command -v flatpak-builder >/dev/null; then
  G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$manifest" >/dev/null
  echo "flatpak-builder parses the manifest"
else
  echo "flatpak-builder is not installed; checked the JSON only"
fi
