#!/usr/bin/env bash
# What Swift's overflow and bounds checks cost (the shipped build keeps them): the same source
# built with -Ounchecked into .build-unchecked/ against the release binary, on the reference
# generator's WARC (or the project's own), in the same run.
#   1. CPU seconds (user + sys) of parse, index and extract, each build run RUNS times,
#      interleaved (checked, unchecked, checked, ...), medians compared;
#   2. the record-by-record CPU ratio of `parse --paired-floor` (our parse against libxml2
#      alone on the same records), median of three per build.
# Instruction counts would be steadier, but valgrind 3.19 (Debian 12) dies inside libdispatch
# when an async Swift main parks its main thread, before counting anything; `perf stat` has no
# hardware counters on these machines.
# Only with CHECKS_COST=1 (the extra release build takes minutes).
#   env: BIN (release binary), SHARED, RECORDS (default 1000), RUNS (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${CHECKS_COST:-0}" != 1 ]; then
  echo "checks cost: skipped (CHECKS_COST=1 make bench builds an -Ounchecked copy and compares)"
  exit 0
fi
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
RECORDS="${RECORDS:-1000}"
RUNS="${RUNS:-5}"
work=bench/work/checks
mkdir -p "$work"
UNCHECKED=.build-unchecked/release/slackscore
swift build -c release --product slackscore --scratch-path .build-unchecked -Xswiftc -Ounchecked --quiet
input="$work/gen-$RECORDS.warc.gz"
if [ ! -s "$input" ]; then
  if [ -f "$SHARED/tools/make_warc.py" ]; then
    python3 "$SHARED/tools/make_warc.py" --out "$input" --records "$RECORDS" --seed 1 >/dev/null
  else
    python3 bench/generate_warc.py --records "$RECORDS" --out "$input"
  fi
fi
"$BIN" parse "$input" -o "$work/docs.jsonl" --jobs 1 -q

cpu_seconds() {  # BIN ARGS...: user + sys CPU seconds of one run
  local t; t=$(mktemp)
  /usr/bin/time -o "$t" -f "%U %S" "$@" >/dev/null 2>&1
  awk '{print $1 + $2}' "$t"; rm -f "$t"
}
median() { python3 -c 'import statistics, sys; print(statistics.median(float(l) for l in sys.stdin))'; }

printf '%-34s %12s %14s %8s\n' "stage (input)" "checked s" "-Ounchecked s" "cost"
row() {  # LABEL SUBCOMMAND ARGS...
  local label="$1"; shift
  local a="" b=""
  for _ in $(seq "$RUNS"); do
    a+="$(cpu_seconds "$BIN" "$@")"$'\n'
    b+="$(cpu_seconds "$UNCHECKED" "$@")"$'\n'
  done
  a=$(printf '%s' "$a" | median); b=$(printf '%s' "$b" | median)
  printf '%-34s %12.3f %14.3f %7.1f%%\n' "$label" "$a" "$b" "$(awk "BEGIN{print ($a / $b - 1) * 100}")"
}
row "parse --jobs 1 ($RECORDS pages)" parse "$input" -o "$work/out.jsonl" --jobs 1 -q
row "index ($RECORDS records)" index "$input" --summary -q
row "extract --jobs 1 ($RECORDS documents)" extract "$work/docs.jsonl" -o "$work/ctas.jsonl" --jobs 1 -q
for bin in "$BIN" "$UNCHECKED"; do
  ratio=$(for _ in 1 2 3; do "$bin" parse "$input" -o "$work/paired.jsonl" --paired-floor -q 2>&1 >/dev/null | sed -n 's/.*ratio //p'; done | median)
  echo "parse / libxml2 floor, CPU record by record, $bin: ${ratio}x (median of 3)"
done
echo "(medians of $RUNS interleaved runs per build; CPU seconds, so other load on the machine matters less than wall time)"
