#!/usr/bin/env bash
# Read throughput: `slackscore index` against warcio and FastWARC on the same
# generated WARC (20,000 HTML responses, ~1 GB uncompressed, one gzip member per
# record), 3+ interleaved runs each; medians of records/s, MB/s (uncompressed) and
# peak RSS, and the ratios. Then slackscore on a half-size file, to show that peak
# RSS does not grow with the file size.
#   env: BIN (release binary), RUNS (default 3), RECORDS (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
RUNS="${RUNS:-3}"
RECORDS="${RECORDS:-20000}"
HALF=$((RECORDS / 2))
work=bench/work
mkdir -p "$work"

[ -x "$BIN" ] || { echo "bench-10-index: $BIN missing; run 'swift build -c release' (make bench does)" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench-10-index: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

scripts/venv.sh "$work/venv" "warcio fastwarc" warcio fastwarc

full="$work/bench-${RECORDS}.warc.gz"
half="$work/bench-${HALF}.warc.gz"
[ -s "$full" ] || python3 bench/generate_warc.py --records "$RECORDS" --out "$full"
[ -s "$half" ] || python3 bench/generate_warc.py --records "$HALF" --out "$half"

python3 bench/measure.py --runs "$RUNS" --file "$full" --half "$half" \
  --tool "slackscore=$BIN index --summary {file}" \
  --tool "fastwarc=$work/venv/bin/python bench/read_fastwarc.py {file}" \
  --tool "warcio=$work/venv/bin/python bench/read_warcio.py {file}"
