#!/usr/bin/env python3
"""Writes the manifest for the local stand-in runtime and fetches its sources.

Usage: flatpak-local-manifest.py MANIFEST BUILD_DIR

The manifest written to BUILD_DIR differs from MANIFEST only in its
runtime lines (org.dossier.LocalPlatform/LocalSdk, see
flatpak-local-runtime.sh) and in the app's own `dir` source, which points
at this source tree. Every downloaded source is fetched once into
BUILD_DIR/state/downloads/SHA256/ (where flatpak-builder keeps what it
downloads) and checked against the manifest's sha256, so that
`flatpak-builder --disable-download --state-dir=BUILD_DIR/state` builds it
without the network.
"""

import hashlib
import json
import os
import sys
import urllib.request

LOCAL_RUNTIME = {
    "runtime": "org.dossier.LocalPlatform",
    "runtime-version": "1",
    "sdk": "org.dossier.LocalSdk",
}


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fetch(url, sha256, sources_dir):
    # Where flatpak-builder --state-dir=BUILD_DIR/state keeps downloads.
    path = os.path.join(sources_dir, "downloads", sha256, os.path.basename(url))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path) and sha256_of(path) == sha256:
        return "cached"
    partial = path + ".partial"
    with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as out:
        while chunk := response.read(1 << 20):
            out.write(chunk)
    got = sha256_of(partial)
    if got != sha256:
        os.unlink(partial)
        sys.exit(f"{url}: sha256 is {got}, the manifest says {sha256}")
    os.replace(partial, path)
    return "fetched"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    manifest_path, build_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    manifest_dir = os.path.dirname(os.path.abspath(manifest_path))
    sources_dir = os.path.join(build_dir, "state")
    os.makedirs(sources_dir, exist_ok=True)

    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest.update(LOCAL_RUNTIME)

    for module in manifest["modules"]:
        for source in module.get("sources", []):
            if "url" in source:
                state = fetch(source["url"], source["sha256"], sources_dir)
                print(f"flatpak-local-manifest: {module['name']}: {os.path.basename(source['url'])} {state}")
            elif source["type"] == "dir":
                source["path"] = os.path.normpath(os.path.join(manifest_dir, source["path"]))

    out_path = os.path.join(build_dir, os.path.basename(manifest_path))
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"flatpak-local-manifest: wrote {out_path}")


if __name__ == "__main__":
    main()
