#!/usr/bin/env bash
# What Swift's overflow and bounds checks cost (the shipped build keeps them): the same source
# built with -Ounchecked into .build-unchecked/ against the release binary, on the reference
# generator's WARC (or the project's own). Instruction counts under callgrind (repeatable on a
# shared machine) and the record-by-record CPU ratio of `parse --paired-floor`.
# Only with CHECKS_COST=1 (the extra release build takes minutes).
#   env: BIN (release binary), SHARED, RECORDS (default 200 for callgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${CHECKS_COST:-0}" != 1 ]; then
  echo "checks cost: skipped (CHECKS_COST=1 make bench builds an -Ounchecked copy and compares)"
  exit 0
fi
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
RECORDS="${RECORDS:-200}"
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
instructions() {  # BIN ARGS...: total instructions (Ir) of one run under callgrind
  local bin="$1"; shift
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" "$@" >/dev/null 2>"$work/cg.err"
  sed -n 's/^summary: //p' "$work/cg.out" | awk '{print $1}'
}
printf '%-34s %16s %16s %8s\n' "stage (input)" "checked Ir" "-Ounchecked Ir" "cost"
row() {  # LABEL ARGS...
  local label="$1"; shift
  local a b
  a=$(instructions "$BIN" "$@")
  b=$(instructions "$UNCHECKED" "$@")
  printf '%-34s %16s %16s %7.1f%%\n' "$label" "$a" "$b" "$(awk "BEGIN{print ($a / $b - 1) * 100}")"
}
row "parse --jobs 1 ($RECORDS pages)" parse "$input" -o "$work/docs.jsonl" --jobs 1 -q
row "index ($RECORDS records)" index "$input" --summary -q
row "extract ($RECORDS documents)" extract "$work/docs.jsonl" -o "$work/ctas.jsonl" --jobs 1 -q
for bin in "$BIN" "$UNCHECKED"; do
  ratio=$(for _ in 1 2 3; do "$bin" parse "$input" -o "$work/paired.jsonl" --paired-floor -q 2>&1 >/dev/null | sed -n 's/.*ratio //p'; done \
    | python3 -c 'import statistics, sys; print(statistics.median(float(l) for l in sys.stdin))')
  echo "parse / libxml2 floor, CPU record by record, $bin: ${ratio}x (median of 3)"
done
