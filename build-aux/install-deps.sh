#!/usr/bin/env bash
# Installs the Debian 12 packages Dossier needs to build, run and test,
# and only those that are missing. Used by `make run` and `make check`.
set -euo pipefail

packages=(
  # toolchain
  build-essential meson ninja-build pkg-config gettext python3
  # libraries
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev libxml2-dev
  libsqlite3-dev libcairo2-dev libpango1.0-dev libstemmer-dev libsoup-3.0-dev libhyphen-dev hyphen-en-us
  # DOCX and ODT export: their ZIP container (libzip is a module of the Flatpak manifest)
  libzip-dev
  # memo spell checking: Enchant 2 and a US English dictionary
  libenchant-2-dev hunspell-en-us hunspell-ko
  # PDF import (poppler-glib); tests: PDF checks and an encrypted PDF (qpdf), a display, validators, fonts (Times-metric memo body, Hangul serif and fallback)
  libpoppler-glib-dev poppler-utils qpdf xvfb xauth dbus desktop-file-utils appstream
  fonts-noto-cjk fonts-nanum fonts-dejavu-core fonts-liberation2 shared-mime-info libclang-rt-14-dev flatpak-builder libxml2-utils
  # DOCX and ODT export tests: independent readers and an archive check
  python3-docx python3-odf unzip
  # screenshots
  imagemagick x11-utils
  # make flatpak-check: the stand-in runtime, flatpak-builder's eu-strip, driving the sandboxed app
  debootstrap xdotool elfutils
  # rebuilding the comparison's background model (build-aux/build-comparison-model.py)
  python3-numpy
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages are present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

echo "install-deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
