#!/usr/bin/env bash
# Fuzzes the parsers with libFuzzer: builds slackscore-fuzz with -sanitize=fuzzer,address into
# .build-fuzz/, seeds each target from SHARED and the sample corpus, runs each for SECONDS.
#   usage: scripts/fuzz.sh SECONDS TARGET...
#   env: FUZZ_UNIT_TIMEOUT (seconds one input may take before libFuzzer calls it a hang, default
#   20; raise it when the fuzzers run niced on a busy machine, where a starved process looks hung)
# A crash leaves its input in out/fuzz/crashes/ and fails the run: replay it with
#   .build/debug/slackscore-fuzz TARGET FILE   and commit it under Fuzz/Regressions/TARGET/.
set -euo pipefail
seconds=$1; shift
SWIFT=${SWIFT:-swift}
SHARED=${SHARED:-../shared}
out=out/fuzz
unit_timeout=${FUZZ_UNIT_TIMEOUT:-20}
bin=.build-fuzz/release/slackscore-fuzz
# AddressSanitizer reports a crash itself; Swift's own backtracer, on top, can stall a crash for minutes.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
$SWIFT build -c release --scratch-path .build-fuzz --product slackscore-fuzz --quiet \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >&2
mkdir -p "$out/crashes"

# Seeds: small real files for each target (copied into out/, never into the repository).
seed() {  # seed TARGET FILE...
  local dir="$out/seeds/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 65536 ] || continue
    cp -f "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
}
shopt -s nullglob globstar
seed archive "$SHARED"/data/warc/**/*.warc "$SHARED"/data/warc/**/*.warc.gz "$SHARED"/data/warc/**/*.arc* corpus/warc/*.warc.gz \
  "$SHARED"/data/warc/**/*.wacz
# .warc.zst seeds (one zstd frame per record, one with a dictionary) made from small real files.
mkdir -p "$out/zst"
for f in "$SHARED"/data/warc/warcio/example.warc.gz "$SHARED"/data/warc/pywb/example-wpull.warc.gz; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .warc.gz)
  scripts/warc-gz-to-zst.py "$f" "$out/zst/$name.warc.zst"
done
[ -f "$SHARED"/data/warc/pywb/dupes.warc.gz ] && scripts/warc-gz-to-zst.py "$SHARED"/data/warc/pywb/dupes.warc.gz "$out/zst/dupes-dictionary.warc.zst" --dictionary
seed archive "$out"/zst/*.warc.zst
seed http Tests/ArchiveReaderTests/*.swift
seed html "$SHARED"/data/extraction-id-smoke/html/* corpus/pages/**/*.html
seed json Tests/PageSignalsTests/*.swift
seed numbers Tests/PageSignalsTests/*.swift
seed config pipelines/*/pipeline.yml Tests/ScoringTests/Fixtures/**/*.yml
seed csv pipelines/*/*.csv Tests/ScoringTests/Fixtures/**/*.csv
# documents.jsonl lines made of the project's own labelled sentences, one line per seed file.
mkdir -p "$out/doc-lines"
python3 - "$out/doc-lines" training/cta/en.jsonl training/cta/id.jsonl <<'PY'
import json, sys
out, n = sys.argv[1], 0
for path in sys.argv[2:]:
    for line in open(path, encoding="utf-8").readlines()[:30]:
        row, n = json.loads(line), n + 1
        doc = {"id": f"d{n}" if n % 3 else n, "text": row["text"], "lang": row.get("lang"), "url": f"https://s{n % 4}.example/p/{n}",
               "site_name": None, "links": [{"url": "https://petisi.example.id/p/x", "text": "petisi", "in_main": True}]}
        open(f"{out}/line-{n:03d}", "w", encoding="utf-8").write(json.dumps(doc, ensure_ascii=n % 2 == 0))
PY
seed documents "$out"/doc-lines/*
status=0
# Each target runs with libxml2 on malloc (SLACKSCORE_LIBXML_ARENA=0: AddressSanitizer guards its
# trees); the targets that parse HTML run a second time on the shipped path, libxml2 in the
# per-page arena (LibXMLArena), where a crash or a Swift-side overflow still shows.
runs=()
for target in "$@"; do
  runs+=("$target:0")
  case "$target" in html | archive | all) runs+=("$target:1") ;; esac
done
for run in "${runs[@]}"; do
  target=${run%:*} arena=${run##*:}
  mkdir -p "$out/corpus/$target" "$out/seeds/$target" Fuzz/Regressions/"$target"
  label=$target
  [ "$arena" = 1 ] && label="$target (libxml2 arena)"
  log="$out/$target-arena$arena.log"
  echo "fuzz: $label for ${seconds}s" >&2
  if ! FUZZ_TARGET=$target SLACKSCORE_LIBXML_ARENA=$arena ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 "$bin" \
      -max_total_time="$seconds" -timeout="$unit_timeout" -rss_limit_mb=3072 -max_len=262144 -print_final_stats=1 \
      -artifact_prefix="$out/crashes/$target-" "$out/corpus/$target" "$out/seeds/$target" \
      Fuzz/Regressions/"$target" >"$log" 2>&1; then
    echo "fuzz: $label FOUND A CRASH: see $log and $out/crashes/" >&2
    tail -40 "$log" >&2
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$log" | tr '\n' ' ' | sed "s/^/fuzz: $label: /" >&2
  echo >&2
done
exit $status
