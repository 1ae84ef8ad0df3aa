#!/usr/bin/env bash
# Builds a TEST STAND-IN for org.gnome.Platform/org.gnome.Sdk from Debian 12
# packages and installs it in the user's Flatpak installation, so that the
# Flatpak manifest can be built and run on machines that cannot reach
# Flathub (see `make flatpak-check` and docs/app.md). It is not the GNOME
# runtime: same GTK/libadwaita/GLib versions as the rest of our testing
# (Debian 12), laid out as a Flatpak runtime.
#
#   org.dossier.LocalSdk       the Debian tree with the build tools
#   org.dossier.LocalPlatform  the same tree (hard links; not slimmed down)
#
# Usage: flatpak-local-runtime.sh BUILD_DIR
# The tree, the OSTree repository and a stamp live in BUILD_DIR/runtime;
# a second run with the same package set only checks the installation.
set -euo pipefail

build_dir=$(realpath -m "${1:?usage: $0 BUILD_DIR}")
work=$build_dir/runtime
repo=$work/repo
remote=dossier-local
branch=1
arch=$(flatpak --default-arch)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

# What the GNOME runtime provides that Dossier builds against or uses, from
# Debian 12. Deliberately absent, because the manifest's own modules must
# provide them: libstemmer, libhyphen and its dictionaries, the hunspell
# dictionaries, and the memo fonts (Liberation, Nanum, Noto CJK).
packages=(
  # SDK: toolchain, and what flatpak-builder runs inside the SDK
  build-essential meson ninja-build pkg-config gettext python3 binutils xz-utils
  gawk   # hyphen's build regenerates hyph_en_US.dic with it; the GNOME SDK has it
  appstream-util appstream desktop-file-utils elfutils debugedit
  # SDK: the libraries' development files (these pull in the libraries)
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libxml2-dev libsqlite3-dev libcairo2-dev libpango1.0-dev libsoup-3.0-dev libenchant-2-dev
  # SDK: what the manifest's poppler and libzip modules build with (the GNOME
  # SDK has all of these)
  cmake libjpeg-dev liblcms2-dev libtiff-dev libopenjp2-7-dev zlib1g-dev libbz2-dev liblzma-dev libzstd-dev
  # Platform: what a GTK app finds in the GNOME runtime
  libglib2.0-bin shared-mime-info gsettings-desktop-schemas adwaita-icon-theme
  hicolor-icon-theme librsvg2-common fontconfig fonts-cantarell fonts-dejavu-core
  ca-certificates
)
stamp_text="stand-in v1 ${mirror} ${packages[*]}"

log() { printf 'flatpak-local-runtime: %s\n' "$*"; }

mkdir -p "$work"
if [ "$(cat "$work/stamp" 2>/dev/null)" != "$stamp_text" ]; then
  start=$SECONDS
  # The repository is kept: exporting a changed tree adds only what changed.
  rm -rf "$work/sdk" "$work/platform" "$work/stamp"

  # debootstrap removes /debootstrap from the tree when it has finished.
  if [ ! -f "$work/rootfs/etc/debian_version" ] || [ -d "$work/rootfs/debootstrap" ]; then
    # An interrupted debootstrap leaves /proc and /sys mounted in the tree.
    for mount in proc sys; do
      if mountpoint -q "$work/rootfs/$mount"; then umount -l "$work/rootfs/$mount"; fi
    done
    rm -rf --one-file-system "$work/rootfs"
    log "debootstrap --variant=minbase bookworm (Debian 12)"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
      { tail -20 "$work/debootstrap.log"; exit 1; }
  fi

  # apt inside the new tree, with bubblewrap rather than chroot: it needs
  # no mounts on the host and leaves nothing mounted when it fails.
  log "installing ${#packages[@]} packages into the tree"
  bwrap --bind "$work/rootfs" / --dev /dev --proc /proc --tmpfs /tmp \
        --ro-bind /etc/resolv.conf /etc/resolv.conf \
        --setenv DEBIAN_FRONTEND noninteractive --setenv PATH /usr/sbin:/usr/bin:/sbin:/bin \
        sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends "$@" && apt-get clean' \
        sh "${packages[@]}" >"$work/apt.log" 2>&1 ||
    { tail -30 "$work/apt.log"; exit 1; }

  for kind in sdk platform; do
    mkdir -p "$work/$kind"
    # A Flatpak runtime is /usr; its /etc travels as /usr/etc.
    cp -al "$work/rootfs/usr" "$work/$kind/files"
    cp -a "$work/rootfs/etc" "$work/$kind/files/etc"
    # libenchant-2-2 pulls in hunspell-en-us. The GNOME runtime has its
    # dictionaries in the Locale extension, installed only for the
    # languages Flatpak is configured for: without them here, the check
    # shows that the app's own en_US is the one found.
    rm -rf "$work/$kind/files/share/hunspell"
    # Fonts: /app/share/fonts as in the freedesktop SDK's 50-flatpak.conf.
    # Unlike the real runtime, the host's fonts (/run/host/fonts) are left
    # out, so that a font the Flatpak lacks shows up as missing here.
    cat >"$work/$kind/files/etc/fonts/conf.d/50-flatpak.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/app/share/fonts</dir>
  <include ignore_missing="yes">/app/etc/fonts/local.conf</include>
</fontconfig>
XML
    # Flatpak regenerates the linker cache with the runtime's ldconfig,
    # looked for in the PATH; Debian keeps it in /sbin.
    ln -sf ../sbin/ldconfig "$work/$kind/files/bin/ldconfig"
    # The app's libraries in /app/lib, as in the freedesktop runtime.
    cat >"$work/$kind/files/etc/ld.so.conf" <<'CONF'
include /run/flatpak/ld.so.conf.d/app-*.conf
/app/lib
include /app/etc/ld.so.conf
include /etc/ld.so.conf.d/*.conf
CONF
  done

  cat >"$work/sdk/metadata" <<EOF
[Runtime]
name=org.dossier.LocalSdk
runtime=org.dossier.LocalPlatform/$arch/$branch
sdk=org.dossier.LocalSdk/$arch/$branch
EOF
  cat >"$work/platform/metadata" <<EOF
[Runtime]
name=org.dossier.LocalPlatform
runtime=org.dossier.LocalPlatform/$arch/$branch
sdk=org.dossier.LocalSdk/$arch/$branch
EOF

  log "exporting to the OSTree repository $repo"
  for kind in platform sdk; do
    flatpak build-export --runtime --files=files --no-update-summary "$repo" "$work/$kind" "$branch" >/dev/null
  done
  flatpak build-update-repo "$repo" >/dev/null
  # The exported trees are in the repository now; keep only the debootstrap
  # tree (for apt-get source and debugging).
  rm -rf "$work/sdk" "$work/platform"
  printf '%s' "$stamp_text" >"$work/stamp"
  log "runtime built in $((SECONDS - start)) s"
fi

if ! flatpak --user remotes --columns=name | grep -qx "$remote"; then
  flatpak --user remote-add --no-gpg-verify "$remote" "file://$repo"
fi
for ref in org.dossier.LocalPlatform org.dossier.LocalSdk; do
  full="runtime/$ref/$arch/$branch"
  want=$(ostree --repo="$repo" rev-parse "$full")
  have=$(flatpak --user info --show-commit "$ref//$branch" 2>/dev/null || true)
  if [ "$have" = "$want" ]; then
    continue
  fi
  log "installing $ref ($want)"
  if [ -n "$have" ]; then
    flatpak --user update -y --noninteractive "$ref//$branch" >/dev/null
  else
    flatpak --user install -y --noninteractive "$remote" "$full" >/dev/null
  fi
done
log "org.dossier.LocalPlatform and org.dossier.LocalSdk $branch are installed (user)"
