#!/usr/bin/env bash
# Real-pages benchmark: `slackscore parse --jobs 1` against trafilatura (its evaluation settings:
# no comments, tables kept, fallbacks on) on the same real pages in the same run, CPU seconds per
# page, and the ratio per core (trafilatura's CPU seconds / ours).
#
#   bench/bench-25-real-pages.sh            (BIN, RUNS, SHARED may be set)
#
# Inputs: the real page sets of the reference folder, read in place:
#   $SHARED/data/extraction-dev/html (60 pages), $SHARED/data/extraction-id-smoke/html (10),
#   $SHARED/data/extraction-multilingual-dev/html (330).
# The pages are decompressed once into bench/work/ before any clock starts, so that both tools
# read the same plain bytes (trafilatura's clock never included gunzip; ours did until
# 2026-12-04, about 5 % of our time on extraction-multilingual-dev).
# Runs alternate (ours, trafilatura, ours, ...) so that a noisy neighbour slows both alike; the
# medians of RUNS runs are compared. Our figure is the whole process (start-up, reading the
# files, libxml2, writing documents.jsonl); trafilatura's excludes Python's start-up, the
# import and reading the files.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-.build/release/slackscore}"
RUNS="${RUNS:-5}"
SHARED="${SHARED:-../shared}"
WORK=bench/work
OUT="$WORK/real-pages"
mkdir -p "$OUT"

[ -x "$BIN" ] || swift build -c release --product slackscore
scripts/venv.sh "$WORK/venv" trafilatura trafilatura lxml_html_clean >/dev/null 2>&1 || {
  echo "real pages: not run (could not install trafilatura into $WORK/venv)"
  exit 0
}

echo "real pages: slackscore parse --jobs 1 vs trafilatura, CPU seconds, median of $RUNS alternating runs"
printf '%-30s %6s %9s %12s %12s %9s\n' "set" "pages" "MB" "ours ms/page" "traf ms/page" "per core"
for set in extraction-dev extraction-id-smoke extraction-multilingual-dev; do
  source="$SHARED/data/$set/html"
  if [ ! -d "$source" ]; then
    echo "$set: not run ($source missing; set SHARED)"
    continue
  fi
  dir="$OUT/pages/$set"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 - "$source" "$dir" <<'PY'
import gzip, os, sys
source, target = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(source)):
    data = open(os.path.join(source, name), "rb").read()
    if name.endswith(".gz"):
        data, name = gzip.decompress(data), name[:-3]
    if name.endswith((".html", ".htm")):
        open(os.path.join(target, name), "wb").write(data)
PY
  : > "$OUT/$set.runs"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%U %S" -o "$OUT/time.txt" "$BIN" parse --jobs 1 --quiet "$dir" -o "$OUT/$set.jsonl" \
      2>"$OUT/stderr.txt" >/dev/null || { cat "$OUT/stderr.txt" >&2; exit 1; }
    echo "ours $(awk '{print $1 + $2}' "$OUT/time.txt")" >> "$OUT/$set.runs"
    "$WORK/venv/bin/python" bench/time_trafilatura_pages.py "$dir" > "$OUT/traf.json"
    echo "traf $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["cpu"], d["pages"], d["bytes"], d["version"])' "$OUT/traf.json")" >> "$OUT/$set.runs"
  done
  python3 - "$set" "$OUT/$set.runs" <<'PY'
import statistics, sys
name, rows = sys.argv[1], [l.split() for l in open(sys.argv[2])]
ours = statistics.median(float(r[1]) for r in rows if r[0] == "ours")
traf_rows = [r for r in rows if r[0] == "traf"]
traf = statistics.median(float(r[1]) for r in traf_rows)
pages, size, version = int(traf_rows[0][2]), int(traf_rows[0][3]), traf_rows[0][4]
print(f"{name:<30} {pages:>6} {size / 1e6:>9.1f} {ours / pages * 1e3:>12.2f} {traf / pages * 1e3:>12.2f} {traf / ours:>8.1f}x"
      f"   (trafilatura {version})")
PY
done
