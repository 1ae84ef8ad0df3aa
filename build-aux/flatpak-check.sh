#!/usr/bin/env bash
# `make flatpak-check`: builds the Flatpak offline on the local stand-in
# runtime (flatpak-local-runtime.sh), installs it for the user and runs it
# sandboxed: the CLI imports an article, checks a memo and exports it to
# PDF (fonts, Hangul, hyphenation and notes checked in the PDF), and the
# app starts under Xvfb and opens Import without access to the home folder.
# Screenshots and the PDF are left in BUILD_DIR/check. Not part of
# `make check`: the first run builds a runtime and takes a while.
#
# Usage: flatpak-check.sh [BUILD_DIR]     (default: build-flatpak)
set -euo pipefail

src=$(realpath "$(dirname "$0")/..")
out=$(realpath -m "${1:-$src/build-flatpak}")
app=io.github.dossier.Dossier.Devel
manifest=$src/flatpak/$app.json
check=$out/check
start=$SECONDS

step() { printf '\nflatpak-check: %s (%d s)\n' "$*" "$((SECONDS - start))"; }
fail() { printf 'flatpak-check: FAILED: %s\n' "$*" >&2; exit 1; }

step "the stand-in runtime"
"$src/build-aux/flatpak-local-runtime.sh" "$out"

step "the manifest and its sources"
python3 "$src/build-aux/flatpak-local-manifest.py" "$manifest" "$out"

# In a network namespace of its own, with no network: the sources are
# those flatpak-local-manifest.py fetched into the state folder, or none.
step "flatpak-builder --disable-download, without a network (log: $out/flatpak-builder.log)"
unshare --net -- flatpak-builder --user --install --force-clean --disable-download --disable-updates \
  --state-dir="$out/state" "$out/app" "$out/$app.json" >"$out/flatpak-builder.log" 2>&1 ||
  { tail -40 "$out/flatpak-builder.log"; fail "flatpak-builder"; }
flatpak --user info "$app" | grep -E '^ *(Ref|Runtime|Commit|Installed):'

rm -rf "$check"
mkdir -p "$check"
cp "$src/tests/flatpak/article.html" "$src/tests/flatpak/memo.dossier-memo" "$check/"
# The CLI is given the check folder, nothing else of the host.
run_cli() { flatpak run --filesystem="$check" --command=dossier-cli "$app" "$@"; }

step "what the Flatpak ships"
flatpak run --command=sh "$app" -c '
  set -e
  ls -l /app/share/hyphen/hyph_en_US.dic /app/share/hunspell/en_US.dic /app/share/hunspell/en_US.aff /app/share/hunspell/ko_KR.dic /app/share/hunspell/ko_KR.aff
  fc-list : family file | grep "^/app/" | sort
  test -z "$(fc-list : file | grep -v "^/app/\|^/usr/share/fonts/")" || { echo "fonts from outside the Flatpak"; exit 1; }
  if test -e /usr/share/hyphen || test -e /usr/share/hunspell; then echo "dictionaries in the runtime"; exit 1; fi
  if ldd /app/libexec/dossier-cli-full | grep -q "stemmer\|/usr/lib/.*hyphen"; then echo "stemmer or hyphen from the runtime"; exit 1; fi
  ldd /app/libexec/dossier-cli-full | grep hyphen' || fail "the Flatpak lacks something it needs"
# The spell checker asks Enchant, as here; Enchant finds /app/share/hunspell
# through XDG_DATA_DIRS.
flatpak run --command=python3 "$app" -c '
import ctypes, sys
enchant = ctypes.CDLL("libenchant-2.so.2")
enchant.enchant_broker_init.restype = ctypes.c_void_p
enchant.enchant_broker_dict_exists.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
broker = enchant.enchant_broker_init()
found = [tag for tag in ("en_US", "ko_KR") if enchant.enchant_broker_dict_exists(broker, tag.encode())]
print("Enchant in the sandbox:", ", ".join(found) or "no dictionary", "found")
sys.exit(0 if len(found) == 2 else 1)' || fail "no spelling dictionary"

step "dossier-cli import"
run_cli import "$check/article.html" >"$check/article.json" || fail "import"
python3 - "$check/article.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["title"] == "Harbour Cranes and Export Controls", doc["title"]
texts = [p["text"] for p in doc["paragraphs"]]
assert "항만 크레인과 수출 통제" in texts, texts
print(f"imported “{doc['title']}”: {len(texts)} paragraphs, Hangul heading kept")
PY

step "dossier-cli memo check"
run_cli memo check "$check/memo.dossier-memo" | tee "$check/memo-check.txt"
grep -q ": 0 errors" "$check/memo-check.txt" || fail "memo check"

step "dossier-cli export-pdf"
run_cli export-pdf "$check/memo.dossier-memo" --paper=letter -o "$check/memo.pdf" || fail "export-pdf"
# The same memo without hyphenation dictionaries, to show that the hyphens
# in the first PDF come from the Flatpak's dictionary.
flatpak run --filesystem="$check" --env=DOSSIER_HYPHEN_DIR=/nonexistent --command=dossier-cli "$app" \
  export-pdf "$check/memo.dossier-memo" --paper=letter -q -o "$check/memo-no-hyphens.pdf" || fail "export-pdf"
pdffonts "$check/memo.pdf" | tee "$check/memo-fonts.txt"
pdftotext -layout "$check/memo.pdf" "$check/memo.txt"
pdftotext -layout "$check/memo-no-hyphens.pdf" "$check/memo-no-hyphens.txt"
python3 - "$check" <<'PY'
import re, sys
check = sys.argv[1]
fonts = open(f"{check}/memo-fonts.txt").read()
text = open(f"{check}/memo.txt").read()
plain = open(f"{check}/memo-no-hyphens.txt").read()
assert "LiberationSerif" in fonts, "Liberation Serif is not embedded"
assert "NanumMyeongjo" in fonts, "Nanum Myeongjo is not embedded"
assert "세 대륙의 항만 당국이" in text, "the Hangul text is missing"
# Pango draws U+2010 where it breaks a line at a soft hyphen.
hyphenated = re.findall(r"(\w+)[\u2010\u00ad]\s*$", text, re.M)
assert hyphenated, "no line ends in a hyphenated word"
assert not re.search(r"[\u2010\u00ad]\s*$", plain, re.M), "hyphens without a dictionary"
assert re.search(r"^\s*1\. Mirela Kovač, “Harbour Cranes and Export Controls,”", text, re.M), "note 1 is missing"
assert re.search(r"^\s*2\. Kovač, “Harbour Cranes", text, re.M), "note 2 is missing"
print(f"PDF: Liberation Serif and Nanum Myeongjo embedded, Hangul present, "
      f"{len(hyphenated)} lines end in a hyphen ({', '.join(w + '‐' for w in hyphenated)}), notes 1 and 2 present")
PY

step "dossier-cli import of the exported PDF (the Flatpak's poppler)"
run_cli import "$check/memo.pdf" >"$check/memo-pdf.json" || fail "PDF import"
python3 - "$check/memo-pdf.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
texts = [p["text"] for p in doc["paragraphs"]]
assert any("세 대륙의 항만 당국이" in t for t in texts), texts
assert all(p.get("page") == 1 for p in doc["paragraphs"]), "paragraphs without page 1"
assert len(doc.get("footnotes", [])) == 2, doc.get("footnotes")
print(f"imported the memo PDF: {len(texts)} paragraphs on page 1, Hangul kept, 2 notes")
PY

step "the app under Xvfb, Import without home access"
xvfb-run -a -s '-screen 0 1400x900x24' dbus-run-session -- \
  "$src/build-aux/flatpak-check-gui.sh" "$app" "$check" || fail "the app"

step "passed in $((SECONDS - start)) s; screenshots and PDFs in $check"
