# slackscore: staged batch jobs. `make run` runs the default pipeline, `make test` the tests.
# Variables: PIPELINE (default: default), SHARED (reference data, default ../shared),
# JOBS (threads, default: all cores), STRICT=1 (warnings fail `make run`).

SHARED   ?= ../shared
PIPELINE ?= default
OUT      ?= out/$(PIPELINE)
SWIFT    ?= swift
# SwiftPM leaves a few TemporaryDirectory.* folders in TMPDIR on every build: these go under .build
# (the conformance scripts that call swift get the same TMPDIR).
SWIFT_TMP := $(abspath .build/swift-tmp)
SWIFT_BUILD = mkdir -p $(SWIFT_TMP) && TMPDIR="$(SWIFT_TMP)" $(SWIFT) build
SHELL    := /bin/bash
JOBS     ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE_FLAGS = -c release
RELEASE_BIN := .build/release/slackscore
# Python tools for the conformance tests (py-wacz's `wacz`, warcio, Datasette) live here.
VENV     ?= .venv-conformance
BIN      := $(RELEASE_BIN)

# Debian packages the build needs (installed by scripts/ensure-deps.sh when missing); the `zstd`
# tool makes the .warc.zst files the reader's tests read.
BUILD_DEPS := pkg-config libxml2-dev zlib1g-dev libdeflate-dev libbrotli-dev libssl-dev libzstd-dev zstd
# Extra packages for conformance (headless browser for the report test, Python for scorers).
CONFORMANCE_DEPS := chromium python3 python3-venv sqlite3 curl iproute2 openssl openjdk-17-jre-headless

.PHONY: all run test conformance bench bench-scale eval train-cta format lint deps build clean help export

all: run

help:
	@echo "make run          run pipeline PIPELINE=$(PIPELINE) on its inputs, outputs in $(OUT)/"
	@echo "make test         build and run the self-contained tests"
	@echo "make conformance  tests against the real-world files in SHARED=$(SHARED)"
	@echo "make conformance-fetch  fetch from a local test server, check the WARC with warcio"
	@echo "make conformance-pywb   fetch from a real pywb on 127.0.0.1 loaded with SHARED's WARCs"
	@echo "make spark-local  the Spark job in local mode (pyspark in $(VENV)), outputs in $(OUT)-spark/"
	@echo "make spark-scale  the Spark job against slackscore run on SPARK_SCALE_DOCS=$(SPARK_SCALE_DOCS) generated documents"
	@echo "make export       run PIPELINE, then $(OUT)/slackscore.sqlite + .metadata.json for Datasette"
	@echo "make bench        benchmarks against warcio, FastWARC and trafilatura"
	@echo "make bench-scale  extract and score time and peak RSS at SCALE_SIZES documents (default 10000 100000 1000000; about 8 GB of disk, 25-45 min)"
	@echo "make eval         call-to-action detector: P, R, F1 on real held-out data per kind and language (CTA_EXTRA=\"DIR ...\": also real sets kept outside SHARED)"
	@echo "make eval-counters  counters on the kept page sets' real pages against hand labels (pages in CTA_LABELS)"
	@echo "make train-cta    retrain the call-to-action weights (real labels: training/cta-real + CTA_LABELS=$(CTA_LABELS), text from SHARED)"
	@echo "make train-page-stage  retrain only the page stage of the shipped weights (the kept page sets' pages in CTA_LABELS)"
	@echo "make relabel-prepare|relabel-candidates|relabel-combine  make the tweet labels in CTA_LABELS again (training/cta-real/relabel.py)"
	@echo "make fuzz         fuzz the parsers with libFuzzer, FUZZ_TIME=$(FUZZ_TIME) seconds per target"
	@echo "make format|lint  swift format"

deps:
	@scripts/ensure-deps.sh $(BUILD_DEPS)

build: deps
	$(SWIFT_BUILD) $(RELEASE_FLAGS) --product slackscore

# `deps` is order-only: checking the system packages must not make the binary look stale.
# A BIN given on the command line (another build, the tests' debug binary) is used as it is.
ifeq ($(BIN),$(RELEASE_BIN))
$(BIN): $(shell find Sources -type f 2>/dev/null) Package.swift | deps
	@$(SWIFT_BUILD) $(RELEASE_FLAGS) --product slackscore $(if $(VERBOSE),,--quiet)
endif

# ---- The pipeline as file targets: a rerun redoes only what changed. --------------------------
# Each stage depends only on what it reads: parse on the archives (and the list of them),
# extract on documents.jsonl, score on documents, CTAs, pipeline.yml and the CSVs, report on
# campaigns.json. Editing outcomes.csv re-runs score and report only.
# Quiet unless something is wrong (cron mails only then): the config and every file it names
# are checked first (one line and exit 78 on a problem), and the last step prints every stage's
# diagnostics as one block; STRICT=1 makes warnings fail the run. VERBOSE=1 shows each stage.
# `make run` takes out/PIPELINE/.lock (the same lock `slackscore run` takes; the stages it starts
# know it holds it), so an overlapping cron run exits at once with code 75. Fetch runs first when
# the pipeline has a fetch: section.
PIPELINE_DIR := pipelines/$(PIPELINE)
STAGE_FLAGS := $(if $(VERBOSE),--verbose,)

run: $(BIN)
	@$(BIN) inputs --pipeline $(PIPELINE_DIR) > /dev/null
	@mkdir -p $(OUT)
	@SLACKSCORE_LOCK_HELD=$(OUT)/.lock flock -n -E 75 $(OUT)/.lock $(MAKE) -s --no-print-directory pipeline-stages 2>&1 >&2 \
	  | grep -v '^make\(\[[0-9]*\]\)\?: \*\*\*' >&2; status=$${PIPESTATUS[0]}; \
	  [ $$status = 75 ] && echo "slackscore run: another run of $(PIPELINE) holds $(OUT)/.lock; nothing done" >&2; \
	  [ $$status != 0 ] && [ $$status != 75 ] && $(BIN) finish-run --run-json $(OUT)/run.json --failed "a stage failed (see the line above)"; \
	  exit $$status

.PHONY: pipeline-stages pipeline-fetch FORCE
pipeline-stages: pipeline-fetch
	@$(MAKE) -s --no-print-directory $(OUT)/report.html
	@$(BIN) finish-run --run-json $(OUT)/run.json --pipeline $(PIPELINE_DIR) $(if $(STRICT),--strict)

pipeline-fetch:
	@if $(BIN) inputs --pipeline $(PIPELINE_DIR) --fetch; then $(BIN) fetch --pipeline $(PIPELINE_DIR) --out $(OUT); fi

ifneq ($(filter $(OUT)/%,$(MAKECMDGOALS)),)
INPUT_FILES := $(shell $(BIN) inputs --pipeline $(PIPELINE_DIR))
SCORE_FILES := $(shell $(BIN) inputs --pipeline $(PIPELINE_DIR) --score)
endif

# The list of archives, rewritten only when it changes (an entry added or removed re-runs parse).
$(OUT)/.inputs: FORCE
	@$(BIN) inputs --pipeline $(PIPELINE_DIR) > $@.new && { cmp -s $@.new $@ || mv $@.new $@; }; rm -f $@.new

# Parse and extract keep one shard per archive in $(OUT)/shards/ (named by its content digest):
# adding an archive parses and searches that archive only; the merge writes the files below.
$(OUT)/documents.jsonl: $(INPUT_FILES) $(OUT)/.inputs $(BIN)
	@$(BIN) parse --shards $(OUT)/shards $(INPUT_FILES) -o $@ --rejects $(OUT)/rejects.jsonl --jobs $(JOBS) --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/ctas.jsonl: $(OUT)/documents.jsonl $(BIN)
	@$(BIN) extract --shards $(OUT)/shards $(INPUT_FILES) -o $@ --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/campaigns.json: $(OUT)/documents.jsonl $(OUT)/ctas.jsonl $(SCORE_FILES) $(BIN)
	@$(BIN) score --pipeline $(PIPELINE_DIR) --documents $(OUT)/documents.jsonl --ctas $(OUT)/ctas.jsonl --out $(OUT) --run-json $(OUT)/run.json $(STAGE_FLAGS)

$(OUT)/report.html: $(OUT)/campaigns.json $(BIN)
	@$(BIN) report $< -o $@ --pipeline $(PIPELINE_DIR) --run-json $(OUT)/run.json $(STAGE_FLAGS)

.PHONY: score
score: $(BIN)
	$(BIN) score --pipeline pipelines/$(PIPELINE) --out $(OUT)

# The tests' scratch folders (and SwiftPM's own) go here instead of /tmp, emptied at the start of each
# run, so that runs leave nothing behind in /tmp and the last run's files stay there to be looked at.
TEST_TMP := .build/test-tmp
EMPTY_TEST_TMP = rm -rf $(TEST_TMP) && mkdir -p $(TEST_TMP)

test: deps
	$(SWIFT_BUILD) --build-tests
	@$(EMPTY_TEST_TMP)
	TMPDIR="$(abspath $(TEST_TMP))" $(SWIFT) test --skip-build --skip Conformance
	@regressions="$$(find Fuzz/Regressions -type f ! -name '.*' | sort)"; \
	  if [ -n "$$regressions" ]; then .build/debug/slackscore-fuzz all $$regressions; fi

conformance: deps
	@scripts/ensure-deps.sh $(CONFORMANCE_DEPS)
	@test -d "$(SHARED)/data" || { echo "conformance: SHARED=$(SHARED) has no data/ folder; set SHARED=path/to/shared" >&2; exit 1; }
	$(SWIFT_BUILD) --build-tests
	@scripts/venv.sh $(VENV) wacz wacz
	@$(EMPTY_TEST_TMP)
	SLACKSCORE_SHARED="$(abspath $(SHARED))" SLACKSCORE_WACZ="$(abspath $(VENV))/bin/wacz" \
	  TMPDIR="$(abspath $(TEST_TMP))" $(SWIFT) test --skip-build --filter Conformance
	TMPDIR="$(SWIFT_TMP)" SWIFT="$(SWIFT)" scripts/conformance-fetch.sh
	scripts/conformance-tls.sh
	SHARED="$(SHARED)" scripts/conformance-pywb.sh
	TMPDIR="$(SWIFT_TMP)" SWIFT="$(SWIFT)" scripts/conformance-export.sh
	TMPDIR="$(SWIFT_TMP)" SWIFT="$(SWIFT)" scripts/conformance-spark.sh
	SHARED="$(SHARED)" SWIFT="$(SWIFT)" scripts/fuzz.sh $(FUZZ_SMOKE_TIME) $(FUZZ_TARGETS)

# The Spark job (spark/slackscore_spark.py) in Spark's local mode, pyspark from PyPI in $(VENV):
# parse and extract per archive as Spark tasks, score over the shards; outputs in $(OUT)-spark/,
# campaigns.json byte-identical to `make run`'s (documents named as in $(OUT)/).
PYSPARK_VERSION ?= >=4,<5
.PHONY: spark-local
spark-local: $(BIN)
	@scripts/venv.sh $(VENV) spark-submit "pyspark$(PYSPARK_VERSION)"
	@mkdir -p $(OUT)-spark
	@PYSPARK_PYTHON=$(abspath $(VENV))/bin/python $(VENV)/bin/spark-submit --master "local[$(JOBS)]" \
	  --conf spark.ui.enabled=false --conf spark.log.level=WARN spark/slackscore_spark.py \
	  --pipeline $(PIPELINE_DIR) --binary $(BIN) --out $(OUT)-spark --named-as $(OUT)

# The Spark job against `slackscore run` on SPARK_SCALE_DOCS generated documents in WARC files:
# byte-identical outputs, time and peak RSS of both (scripts/spark-scale.sh; 100k: about an hour).
SPARK_SCALE_DOCS ?= 100000
.PHONY: spark-scale
spark-scale: deps $(BIN)
	@SHARED="$(SHARED)" BIN="$(BIN)" DOCS=$(SPARK_SCALE_DOCS) JOBS=$(JOBS) VENV=$(VENV) scripts/spark-scale.sh

# The SQLite export of a run, for Datasette (`datasette $(OUT)/slackscore.sqlite -m $(OUT)/slackscore.metadata.json`).
export: run
	@$(BIN) export $(OUT) --sqlite $(OUT)/slackscore.sqlite

# ---- Fuzzing (libFuzzer + AddressSanitizer, build in .build-fuzz/) ------------------------------
# `make fuzz` runs every target for FUZZ_TIME seconds; `make conformance` a short smoke of each.
# A crash fails the run and leaves its input in out/fuzz/crashes/; commit it under
# Fuzz/Regressions/TARGET/ and `make test` replays it from then on.
FUZZ_TARGETS    := archive http html json numbers config csv documents
FUZZ_TIME       ?= 1800
FUZZ_SMOKE_TIME ?= 15
.PHONY: fuzz
fuzz: deps
	SHARED="$(SHARED)" SWIFT="$(SWIFT)" scripts/fuzz.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

# The fetch stage's WARC files read back and digest-checked by warcio (venv in .venv-conformance/).
.PHONY: conformance-fetch
conformance-fetch: deps
	@scripts/ensure-deps.sh python3 python3-venv
	$(SWIFT_BUILD) --build-tests
	TMPDIR="$(SWIFT_TMP)" SWIFT="$(SWIFT)" scripts/conformance-fetch.sh
	scripts/conformance-tls.sh

# HTTPS with a private certificate authority (openssl + a python3 ssl server on 127.0.0.1): refused
# until fetch.ca_file names the authority.
.PHONY: conformance-tls
conformance-tls: deps
	@scripts/ensure-deps.sh python3 openssl
	$(SWIFT_BUILD) --build-tests
	scripts/conformance-tls.sh

# Fetch against a real pywb (PyPI, in .venv-conformance/) on 127.0.0.1, loaded with SHARED's WARCs.
.PHONY: conformance-pywb
conformance-pywb: deps
	@scripts/ensure-deps.sh python3 python3-venv
	$(SWIFT_BUILD) --build-tests
	SHARED="$(SHARED)" scripts/conformance-pywb.sh

bench: deps $(BIN)
	@scripts/ensure-deps.sh python3 python3-venv valgrind time
	SHARED="$(SHARED)" BIN="$(BIN)" bench/run.sh

# Only the scale run of `make bench` (bench/bench-40-scale.sh); SCALE_SIZES="10000 100000" for a quick run.
bench-scale: deps $(BIN)
	@scripts/ensure-deps.sh python3 time
	SHARED="$(SHARED)" BIN="$(BIN)" bench/bench-40-scale.sh

# Call-to-action model (docs/extract.md, "Training and evaluation"). Real labelled data: page-sentence
# labels in training/cta-real (ids only) and the tweet labels in CTA_LABELS, which stay outside the
# repository (the tweet data's licence forbids copying labels made of it); both are joined with the
# text in SHARED into out/cta-real/*.jsonl. Plus the project's own sentences (CTA_DATA) and the
# Reddit collective-action set in SHARED.
CTA_DATA   ?= training/cta
CTA_LABELS ?= ../cta-labels
CTA_REAL   ?= out/cta-real
# Folders of real posts collected and labelled outside SHARED (posts.tsv + labels.csv each; docs/extract.md,
# "Real sets outside SHARED"), joined into CTA_REAL too; space-separated. By default every folder of
# CTA_LABELS that holds a labels.csv (none on a fresh machine).
CTA_EXTRA  ?= $(sort $(patsubst %/labels.csv,%,$(wildcard $(CTA_LABELS)/*/labels.csv)) \
  $(filter $(wildcard $(CTA_LABELS)/*),$(addprefix $(CTA_LABELS)/,$(notdir $(patsubst %/,%,$(CTA_KEPT))))))
# Page sets and sets of posts kept in the repository (training/cta-real/kept/SET: sources and labels,
# no text). With its pages or rows fetched again into CTA_LABELS/SET, `make cta-real` restores its
# labels.csv (fresh.py restore checks every page byte for byte, every post by its text's hash);
# without them it says which set is missing.
CTA_KEPT   := $(wildcard training/cta-real/kept/*/)
CTA_REDDIT := $(wildcard $(SHARED)/data/cta/reddit-collective-action-train.csv)
CTA_MODEL  := Sources/CTAExtraction/Resources/cta-model.json
# Decision threshold stored in the model for every language; empty = the trainer's defaults (CTATrainingOptions: 0.07, Indonesian 0.15).
CTA_THRESHOLD ?=

.PHONY: cta-real
cta-real:
	@test -d "$(SHARED)/data" || { echo "cta-real: SHARED=$(SHARED) has no data/ folder; set SHARED=path/to/shared" >&2; exit 1; }
	@test -d "$(CTA_LABELS)" || echo "cta-real: CTA_LABELS=$(CTA_LABELS) is missing: no tweet labels (id-tweets.csv, en-crisis-tweets.csv); only page sentences and Reddit are real data" >&2
	-@for kept in $(CTA_KEPT); do set=$$(basename $$kept); \
	  if [ -d "$(CTA_LABELS)/$$set" ]; then python3 training/cta-real/fresh.py restore "$$kept" "$(CTA_LABELS)/$$set" 2>&1 | tail -n 1; \
	  else echo "cta-real: kept set $$set (training/cta-real/kept) has no pages or posts in $(CTA_LABELS)/$$set: not scored (training/cta-real/kept/README.md says how to fetch them)" >&2; fi; done
	-@python3 training/cta-real/materialise.py --labels "$(CTA_LABELS)" --shared "$(SHARED)" $(foreach d,$(CTA_EXTRA),--extra "$(d)") --out "$(CTA_REAL)"
	@test -z "$(CTA_REDDIT)" && echo "cta-real: $(SHARED)/data/cta/reddit-collective-action-train.csv missing: no Reddit figures" >&2 || true

eval: deps $(BIN) cta-real
	$(BIN) eval-cta --data $(CTA_DATA) --data $(CTA_REAL) $(if $(CTA_REDDIT),--reddit $(CTA_REDDIT)) --first-looks training/cta-real/kept

# Counters on real pages no counter rule was first written on: the kept page sets' pages (fetched
# again into CTA_LABELS/SET/raw-X/html) against hand labels (training/counters-real/README.md).
COUNTER_PAGES = $(wildcard $(CTA_LABELS)/freshpg*/raw-*/html)
.PHONY: eval-counters
eval-counters: deps $(BIN)
	@test -n "$(COUNTER_PAGES)" || { echo "eval-counters: no kept page set's pages in CTA_LABELS=$(CTA_LABELS) (training/cta-real/kept/README.md says how to fetch them)" >&2; exit 1; }
	$(BIN) eval-counters -q --labels training/counters-real/labels.json --first-looks training/counters-real/firstlook.csv --root "$(CTA_LABELS)" $(COUNTER_PAGES)

# Retraining without the tweet labels would overwrite the shipped weights with a model that never saw
# a real tweet: refused unless CTA_WITHOUT_TWEETS=1 says it is meant.
train-cta: deps $(BIN) cta-real
	@{ test -f "$(CTA_LABELS)/id-tweets.csv" && test -f "$(CTA_LABELS)/en-crisis-tweets.csv"; } || [ "$(CTA_WITHOUT_TWEETS)" = 1 ] || { \
	  echo "train-cta: no tweet labels in CTA_LABELS=$(CTA_LABELS) (id-tweets.csv, en-crisis-tweets.csv); retraining now would replace $(CTA_MODEL) with weights that never saw a real tweet. Point CTA_LABELS at the labels, or make them again (make relabel-prepare; docs/extract.md, \"The tweet labels\"), or run 'make train-cta CTA_WITHOUT_TWEETS=1' if that is what you want." >&2; exit 1; }
	$(BIN) train-cta --data $(CTA_DATA) --data $(CTA_REAL) $(if $(CTA_REDDIT),--reddit $(CTA_REDDIT)) $(if $(CTA_THRESHOLD),--threshold $(CTA_THRESHOLD)) -o $(CTA_MODEL)
	$(SWIFT_BUILD) $(RELEASE_FLAGS) --product slackscore

# The page stage alone, trained again on the shipped rules' weights (docs/extract.md, "The page
# stage"): how the shipped model file got its stage. Needs the kept page sets' pages in CTA_LABELS.
.PHONY: train-page-stage
train-page-stage: deps $(BIN) cta-real
	$(BIN) train-cta --data $(CTA_DATA) --data $(CTA_REAL) $(if $(CTA_REDDIT),--reddit $(CTA_REDDIT)) --page-stage-on $(CTA_MODEL) -o $(CTA_MODEL)
	$(SWIFT_BUILD) $(RELEASE_FLAGS) --product slackscore

# Making the tweet labels again on a machine without them (training/cta-real/LABELLING.md; people read
# every tweet, these targets only page, gather and combine): prepare pages the tweets into
# RELABEL_WORK for the first pass; candidates gathers the blind passes' tweets (first-pass lists, the
# shipped detector's flags, a fixed sample); combine writes the majority of the three passes to
# CTA_LABELS.
RELABEL_WORK ?= $(CTA_LABELS)/work
RELABEL     := python3 training/cta-real/relabel.py
.PHONY: relabel-prepare relabel-candidates relabel-combine
relabel-prepare:
	$(RELABEL) prepare --shared "$(SHARED)" --work "$(RELABEL_WORK)"
relabel-candidates: deps $(BIN)
	$(RELABEL) flags-input --work "$(RELABEL_WORK)" --flags "$(RELABEL_WORK)/flags"
	for lang in id en; do $(BIN) eval-cta --data "$(RELABEL_WORK)/flags/$$lang" --show-errors > "$(RELABEL_WORK)/flags/$$lang/errors.txt" || exit 1; done
	$(RELABEL) flags-collect --work "$(RELABEL_WORK)" --flags "$(RELABEL_WORK)/flags"
	$(RELABEL) candidates --work "$(RELABEL_WORK)" --flags "$(RELABEL_WORK)/flags"
relabel-combine:
	$(RELABEL) combine --work "$(RELABEL_WORK)" --labels "$(CTA_LABELS)"

format:
	$(SWIFT) format format --in-place --recursive --parallel Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --parallel Sources Tests Package.swift

clean:
	rm -rf .build out

.PHONY: corpus
corpus:  # rebuild corpus/warc/*.warc.gz from corpus/pages + corpus/manifest.csv (check: python3 corpus/pack.py --check)
	python3 corpus/pack.py
