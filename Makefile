# A thin wrapper around meson; see README.md.
BUILD      ?= build
ASAN_BUILD ?= build-asan
MESON_OPTS ?= --werror -Dprofile=development
XVFB        = xvfb-run -a -s '-screen 0 1400x900x24'

.PHONY: all deps build run check test test-asan clean fuzz check-office flatpak-check

all: build

deps:
	@bash build-aux/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) $(MESON_OPTS)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	build-aux/run-profile.sh $(BUILD)

# Both runs happen even when the first fails, so one report covers everything.
# GUI tests run one at a time: windows of parallel tests on one X display
# take the keyboard focus from each other.
test: build
	rm -f $(BUILD)/meson-logs/testlog*.json
	@status=0; \
	meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite core --suite cli --suite data || status=1; \
	$(XVFB) meson test -C $(BUILD) --no-rebuild --print-errorlogs --suite gui --logbase testlog-gui --num-processes 1 || status=1; \
	exit $$status

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) $(MESON_OPTS) -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# The sanitizer build runs the core and CLI tests with LeakSanitizer on.
# ASan and UBSan make the PDF layout about four times slower: timeouts x3.
test-asan: deps $(ASAN_BUILD)/build.ninja
	meson compile -C $(ASAN_BUILD)
	rm -f $(ASAN_BUILD)/meson-logs/testlog*.json
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp:print_suppressions=0 \
	  meson test -C $(ASAN_BUILD) --no-rebuild --print-errorlogs --timeout-multiplier 3 --suite core --suite cli --logbase testlog-asan

check:
	@status=0; \
	$(MAKE) --no-print-directory test || status=1; \
	$(MAKE) --no-print-directory test-asan || status=1; \
	python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json $(BUILD)/meson-logs/testlog-gui.json \
	  $(ASAN_BUILD)/meson-logs/testlog-asan.json || status=1; \
	exit $$status

# DOCX and ODT exports rendered by LibreOffice headless: banners and
# "Page N of M" on every page, each footnote at the foot of the page that
# cites it, Hangul present (tests/export/check-office.py). Not part of check:
# LibreOffice is not a dependency (install libreoffice-writer-nogui to run
# it; without it this says so and checks nothing). The exports, their PDFs
# and PNGs of the pages are left in $(BUILD)/check-office to be looked at.
check-office: build
	/usr/bin/python3 tests/export/check-office.py --build $(BUILD) --out $(BUILD)/check-office

# The Flatpak built offline on a local stand-in for the GNOME runtime,
# installed for the user and run sandboxed (not part of check: the first
# run builds the runtime). See docs/app.md.
FLATPAK_BUILD ?= build-flatpak

flatpak-check: deps
	@bash build-aux/flatpak-check.sh $(FLATPAK_BUILD)

# libFuzzer on the HTML and text importers (clang; not part of check).
# The HTML test fixtures seed the HTML target directly, not as copies.
# Runs FUZZ_SECONDS per target; new inputs go to $(FUZZ_BUILD)/corpus-*,
# see tests/fuzz/README.md for merging the interesting ones into the repository.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_ENV      = ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/build-aux/lsan.supp
FUZZ_FLAGS    = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
                -artifact_prefix=$(FUZZ_BUILD)/artifacts/

$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dprofile=development -Dbuildtype=debugoptimized \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link

fuzz: $(FUZZ_BUILD)/build.ninja
	meson compile -C $(FUZZ_BUILD) fuzz-html fuzz-text fuzz-pdf
	mkdir -p $(FUZZ_BUILD)/artifacts $(FUZZ_BUILD)/corpus-html $(FUZZ_BUILD)/corpus-text $(FUZZ_BUILD)/corpus-pdf
	$(FUZZ_ENV) $(FUZZ_BUILD)/tests/fuzz/fuzz-html $(FUZZ_FLAGS) -dict=tests/fuzz/html.dict \
	  $(FUZZ_BUILD)/corpus-html tests/fuzz/corpus/html tests/html/data
	$(FUZZ_ENV) $(FUZZ_BUILD)/tests/fuzz/fuzz-text $(FUZZ_FLAGS) \
	  $(FUZZ_BUILD)/corpus-text tests/fuzz/corpus/text
	$(FUZZ_ENV) $(FUZZ_BUILD)/tests/fuzz/fuzz-pdf $(FUZZ_FLAGS) -dict=tests/fuzz/pdf.dict \
	  $(FUZZ_BUILD)/corpus-pdf tests/fuzz/corpus/pdf

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
