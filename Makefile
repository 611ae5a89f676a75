# slackscore: staged batch jobs. `make run` runs the default pipeline, `make test` the tests.
# Variables: PIPELINE (default: default), SHARED (reference data, default ../shared),
# JOBS (threads, default: all cores).

SHARED   ?= ../shared
PIPELINE ?= default
OUT      ?= out/$(PIPELINE)
SWIFT    ?= swift
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE_FLAGS = -c release
BIN      := .build/release/slackscore

# Debian packages the build needs (installed by scripts/ensure-deps.sh when missing).
BUILD_DEPS := pkg-config libxml2-dev zlib1g-dev libdeflate-dev libbrotli-dev
# Extra packages for conformance (headless browser for the report test, Python for scorers).
CONFORMANCE_DEPS := chromium python3 python3-venv

.PHONY: all run test conformance bench eval format lint deps build clean help

all: run

help:
	@echo "make run          run pipeline PIPELINE=$(PIPELINE) on its inputs, outputs in $(OUT)/"
	@echo "make test         build and run the self-contained tests"
	@echo "make conformance  tests against the real-world files in SHARED=$(SHARED)"
	@echo "make bench        benchmarks against warcio, FastWARC and trafilatura"
	@echo "make eval         call-to-action detector: precision, recall, F1 on held-out data"
	@echo "make format|lint  swift format"

deps:
	@scripts/ensure-deps.sh $(BUILD_DEPS)

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product slackscore

$(BIN): deps $(shell find Sources -type f 2>/dev/null) Package.swift
	$(SWIFT) build $(RELEASE_FLAGS) --product slackscore

run: $(BIN)
	$(BIN) run --pipeline pipelines/$(PIPELINE) --out $(OUT) --jobs $(JOBS)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip Conformance

conformance: deps
	@scripts/ensure-deps.sh $(CONFORMANCE_DEPS)
	@test -d "$(SHARED)/data" || { echo "conformance: SHARED=$(SHARED) has no data/ folder; set SHARED=path/to/shared" >&2; exit 1; }
	$(SWIFT) build --build-tests
	SLACKSCORE_SHARED="$(abspath $(SHARED))" $(SWIFT) test --skip-build --filter Conformance

bench: deps $(BIN)
	@scripts/ensure-deps.sh python3 python3-venv valgrind time
	SHARED="$(SHARED)" BIN="$(BIN)" bench/run.sh

eval: deps $(BIN)
	$(BIN) eval-cta

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build out
