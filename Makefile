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
BUILD_DEPS := pkg-config libxml2-dev zlib1g-dev libdeflate-dev libbrotli-dev libssl-dev
# Extra packages for conformance (headless browser for the report test, Python for scorers).
CONFORMANCE_DEPS := chromium python3 python3-venv

.PHONY: all run test conformance bench eval train-cta format lint deps build clean help

all: run

help:
	@echo "make run          run pipeline PIPELINE=$(PIPELINE) on its inputs, outputs in $(OUT)/"
	@echo "make test         build and run the self-contained tests"
	@echo "make conformance  tests against the real-world files in SHARED=$(SHARED)"
	@echo "make conformance-fetch  fetch from a local test server, check the WARC with warcio"
	@echo "make bench        benchmarks against warcio, FastWARC and trafilatura"
	@echo "make eval         call-to-action detector: P, R, F1 on real held-out data per kind and language"
	@echo "make train-cta    retrain the call-to-action weights (real labels: training/cta-real + CTA_LABELS=$(CTA_LABELS), text from SHARED)"
	@echo "make format|lint  swift format"

deps:
	@scripts/ensure-deps.sh $(BUILD_DEPS)

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product slackscore

# `deps` is order-only: checking the system packages must not make the binary look stale.
$(BIN): $(shell find Sources -type f 2>/dev/null) Package.swift | deps
	@$(SWIFT) build $(RELEASE_FLAGS) --product slackscore $(if $(VERBOSE),,--quiet)

# ---- The pipeline as file targets: a rerun redoes only what changed. --------------------------
# Quiet unless something fails (cron mails only then); VERBOSE=1 shows the build and each stage.
# `make run` takes out/NAME/.lock (the same lock `slackscore run` takes), so an overlapping cron
# run exits at once with code 75. Fetch runs first when the pipeline has a fetch: section.
PIPELINE_DIR := pipelines/$(PIPELINE)
STAGE_FLAGS := $(if $(VERBOSE),--verbose,)
PIPELINE_FILES := $(wildcard $(PIPELINE_DIR)/*)

run: $(BIN)
	@mkdir -p $(OUT)
	@flock -n -E 75 $(OUT)/.lock $(MAKE) -s --no-print-directory pipeline-stages || { \
	  status=$$?; [ $$status = 75 ] && echo "make run: another run of $(PIPELINE) holds $(OUT)/.lock; nothing done" >&2; \
	  exit $$status; }

.PHONY: pipeline-stages pipeline-fetch
pipeline-stages: pipeline-fetch
	@$(MAKE) -s --no-print-directory $(OUT)/report.html $(OUT)/run.json

pipeline-fetch:
	@if $(BIN) inputs --pipeline $(PIPELINE_DIR) --fetch; then $(BIN) fetch --pipeline $(PIPELINE_DIR) --out $(OUT); fi

ifneq ($(filter $(OUT)/%,$(MAKECMDGOALS)),)
INPUT_FILES := $(shell $(BIN) inputs --pipeline $(PIPELINE_DIR))
endif

$(OUT)/documents.jsonl: $(INPUT_FILES) $(PIPELINE_FILES) $(BIN)
	@$(BIN) parse $(INPUT_FILES) -o $@ --rejects $(OUT)/rejects.jsonl --jobs $(JOBS) --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/ctas.jsonl: $(OUT)/documents.jsonl $(BIN)
	@$(BIN) extract $< -o $@ --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/campaigns.json: $(OUT)/documents.jsonl $(OUT)/ctas.jsonl $(PIPELINE_FILES) $(BIN)
	@$(BIN) score --pipeline $(PIPELINE_DIR) --documents $(OUT)/documents.jsonl --ctas $(OUT)/ctas.jsonl --out $(OUT) --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/report.html: $(OUT)/campaigns.json $(BIN)
	@$(BIN) report $< -o $@ --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/run.json: $(OUT)/report.html
	@touch $@

.PHONY: score
score: $(BIN)
	$(BIN) score --pipeline pipelines/$(PIPELINE) --out $(OUT)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip Conformance

conformance: deps
	@scripts/ensure-deps.sh $(CONFORMANCE_DEPS)
	@test -d "$(SHARED)/data" || { echo "conformance: SHARED=$(SHARED) has no data/ folder; set SHARED=path/to/shared" >&2; exit 1; }
	$(SWIFT) build --build-tests
	SLACKSCORE_SHARED="$(abspath $(SHARED))" $(SWIFT) test --skip-build --filter Conformance
	SWIFT="$(SWIFT)" scripts/conformance-fetch.sh

# The fetch stage's WARC files read back and digest-checked by warcio (venv in .venv-conformance/).
.PHONY: conformance-fetch
conformance-fetch: deps
	@scripts/ensure-deps.sh python3 python3-venv
	$(SWIFT) build --build-tests
	SWIFT="$(SWIFT)" scripts/conformance-fetch.sh

bench: deps $(BIN)
	@scripts/ensure-deps.sh python3 python3-venv valgrind time
	SHARED="$(SHARED)" BIN="$(BIN)" bench/run.sh

# Call-to-action model (docs/extract.md, "Training and evaluation"). Real labelled data: page-sentence
# labels in training/cta-real (ids only) and the tweet labels in CTA_LABELS, which stay outside the
# repository (the tweet data's licence forbids copying labels made of it); both are joined with the
# text in SHARED into out/cta-real/*.jsonl. Plus the project's own sentences (CTA_DATA) and the
# Reddit collective-action set in SHARED.
CTA_DATA   ?= training/cta
CTA_LABELS ?= ../cta-labels
CTA_REAL   ?= out/cta-real
CTA_REDDIT := $(wildcard $(SHARED)/data/cta/reddit-collective-action-train.csv)
CTA_MODEL  := Sources/CTAExtraction/Resources/cta-model.json
CTA_THRESHOLD ?= 0.2

.PHONY: cta-real
cta-real:
	@test -d "$(SHARED)/data" || { echo "cta-real: SHARED=$(SHARED) has no data/ folder; set SHARED=path/to/shared" >&2; exit 1; }
	@test -d "$(CTA_LABELS)" || echo "cta-real: CTA_LABELS=$(CTA_LABELS) is missing: no tweet labels (id-tweets.csv, en-crisis-tweets.csv); only page sentences and Reddit are real data" >&2
	-@python3 training/cta-real/materialise.py --labels "$(CTA_LABELS)" --shared "$(SHARED)" --out "$(CTA_REAL)"
	@test -z "$(CTA_REDDIT)" && echo "cta-real: $(SHARED)/data/cta/reddit-collective-action-train.csv missing: no Reddit figures" >&2 || true

eval: deps $(BIN) cta-real
	$(BIN) eval-cta --data $(CTA_DATA) --data $(CTA_REAL) $(if $(CTA_REDDIT),--reddit $(CTA_REDDIT))

train-cta: deps $(BIN) cta-real
	$(BIN) train-cta --data $(CTA_DATA) --data $(CTA_REAL) $(if $(CTA_REDDIT),--reddit $(CTA_REDDIT)) --threshold $(CTA_THRESHOLD) -o $(CTA_MODEL)
	$(SWIFT) build $(RELEASE_FLAGS) --product slackscore

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build out

.PHONY: corpus
corpus:  # rebuild corpus/warc/*.warc.gz from corpus/pages + corpus/manifest.csv (check: python3 corpus/pack.py --check)
	python3 corpus/pack.py
