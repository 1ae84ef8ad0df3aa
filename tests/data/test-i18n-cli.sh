#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The command-line tool follows the locale: with LANGUAGE=ko it prints its
# help in Korean from the catalogue built in the build tree, and in English
# without it.
#   test-i18n-cli.sh DOSSIER-CLI LOCALEDIR
set -u
cli=$1
localedir=$2
status=0

if [ ! -f "$localedir/ko/LC_MESSAGES/dossier.mo" ]; then
  echo "not built: $localedir/ko/LC_MESSAGES/dossier.mo"
  exit 1
fi

check () {
  # check DESCRIPTION EXPECTED OUTPUT
  case "$3" in
    *"$2"*) echo "ok: $1" ;;
    *) echo "FAIL: $1: expected “$2” in:"; echo "$3" | sed 's/^/  | /'; status=1 ;;
  esac
}

out=$(LANGUAGE=ko LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" --help 2>&1)
check "Korean usage line" "사용법: dossier-cli COMMAND" "$out"
check "Korean description" "명령줄에서 정책 글과 브리핑 메모를 다룹니다." "$out"
check "Korean command summary (N_ strings)" "브리핑 메모를 PDF로 내보내기" "$out"

# An error on stderr, with a format argument, goes through the catalogue too.
out=$(LANGUAGE=ko LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" no-such-command 2>&1)
check "Korean error with an argument" "알 수 없는 명령 “no-such-command”" "$out"

# A language without a catalogue falls back to the English strings.
out=$(LANGUAGE=xx LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" --help 2>&1)
check "English without a Korean locale" "Usage: dossier-cli COMMAND" "$out"

# A memo made from the English template is checked in a Korean session
# (the app's Check list and Export's question use the same check): its
# prompts are still unfinished work.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
LANGUAGE=xx LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" memo new --template=policy-brief \
  -o "$tmp/brief.dossier-memo" >/dev/null 2>&1
out=$(LANGUAGE=ko LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" memo check --strict "$tmp/brief.dossier-memo" 2>&1)
check "English template prompt found in Korean" "“[Title of the brief]”" "$out"
check "English section prompt found in Korean" "“[what it is]”" "$out"

# And the other way: a memo made from the Korean template is checked in an
# English session (LANGUAGE=xx, no catalogue) and in one whose language has
# no Dossier catalogue (LANGUAGE=de): its Korean prompts are found too.
LANGUAGE=ko LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" memo new --template=policy-brief \
  -o "$tmp/brief-ko.dossier-memo" >/dev/null 2>&1
for language in xx de; do
  out=$(LANGUAGE=$language LC_ALL=C.UTF-8 DOSSIER_LOCALEDIR="$localedir" "$cli" memo check --strict "$tmp/brief-ko.dossier-memo" 2>&1)
  check "Korean template prompt found in English ($language)" "“[브리프 제목]”" "$out"
  check "Korean section prompt found in English ($language)" "“[내용]”" "$out"
done

exit $status
