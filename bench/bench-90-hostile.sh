#!/usr/bin/env bash
# Peak memory on hostile input (not a timed test): every case must stay under 1 GiB and end
# with a message, never a signal.
#   1. a loose .html.gz that inflates to 2 GiB (gzip bomb) through parse;
#   2. documents.jsonl with one 100 MB line between two ordinary ones, through extract and score;
#   3. the 20,000-record benchmark WARC (about 1 GB uncompressed) through parse.
#   env: BIN (release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
work=bench/work/hostile
mkdir -p "$work"
[ -x "$BIN" ] || { echo "bench-90-hostile: $BIN missing" >&2; exit 1; }

python3 - "$work" <<'PY'
import gzip, json, os, sys, zlib
work = sys.argv[1]
bomb = os.path.join(work, "bomb.html.gz")
if not os.path.exists(bomb):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    with open(bomb, "wb") as f:
        f.write(c.compress(b"<html><body><p>"))
        block = b"a" * (1 << 20)
        for _ in range(2048):
            f.write(c.compress(block))
        f.write(c.compress(b"</p></body></html>") + c.flush())
big = os.path.join(work, "big-line.jsonl")
if not os.path.exists(big):
    with open(big, "w") as f:
        f.write(json.dumps({"id": "a", "text": "Tanda tangani petisi ini sekarang juga!"}) + "\n")
        f.write('{"id": "huge", "text": "' + ("Yuk sebarkan. " * (100_000_000 // 14)) + '"}\n')
        f.write(json.dumps({"id": "b", "text": "Please sign the petition today."}) + "\n")
PY

printf '%-44s %10s %6s  %s\n' "case" "peak MB" "exit" "verdict"
status=0
run_case() {  # LABEL command...
  local label="$1"; shift
  local t; t=$(mktemp)
  set +e
  /usr/bin/time -o "$t" -f "%M" "$@" >"$work/last.out" 2>"$work/last.err"
  local code=$?
  set -e
  local kb; kb=$(tail -1 "$t"); rm -f "$t"
  local mb=$((kb / 1024))
  local verdict="ok"
  if [ "$mb" -ge 1024 ]; then verdict="OVER 1 GiB"; status=1; fi
  if [ "$code" -gt 128 ]; then verdict="KILLED BY SIGNAL $((code - 128))"; status=1; fi
  printf '%-44s %10s %6s  %s\n' "$label" "$mb" "$code" "$verdict"
}
run_case "parse: gzip bomb (.html.gz, 2 GiB inflated)" "$BIN" parse "$work/bomb.html.gz" -o "$work/bomb.jsonl" -q
run_case "extract: one 100 MB line among 3" "$BIN" extract "$work/big-line.jsonl" -o "$work/big-ctas.jsonl" -q
run_case "score: one 100 MB line among 3" "$BIN" score --pipeline pipelines/default \
  --documents "$work/big-line.jsonl" --ctas "$work/big-ctas.jsonl" --out "$work/score" -q
warc=bench/work/bench-20000.warc.gz
if [ -s "$warc" ]; then
  run_case "parse: 20,000-record WARC (--jobs 2)" "$BIN" parse "$warc" -o "$work/big.jsonl" --jobs 2 -q
else
  echo "(no $warc: run bench-10-index.sh first for the 20,000-record case)"
fi
exit $status
