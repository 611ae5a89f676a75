#!/usr/bin/env bash
# Parse-stage benchmark: docs/s and MB/s of `slackscore parse` single-core and on all cores,
# peak RSS, the libxml2-alone floor on the same bytes, and trafilatura on the same pages in
# the same run.
#
#   bench/bench-20-parse.sh                 (BIN, RECORDS, TRAF_PAGES, RUNS may be set)
#
# Input: bench/work/bench.warc.gz, written by bench/generate_warc.py when present (the
# reader's generator), else by bench/parse_bench_pages.py. When the build's reader cannot
# read WARC yet (no documents come out), the pages are extracted to a folder and parsed as
# loose HTML files instead; the table says which.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-.build/release/slackscore}"
RECORDS="${RECORDS:-1000}"
TRAF_PAGES="${TRAF_PAGES:-200}"
RUNS="${RUNS:-3}"
WORK=bench/work
WARC="$WORK/bench.warc.gz"
PAGES="$WORK/parse-pages"
OUT="$WORK/parse-out"
CORES="$(nproc 2>/dev/null || echo 2)"
mkdir -p "$WORK" "$OUT"

[ -x "$BIN" ] || swift build -c release --product slackscore

if [ ! -s "$WARC" ]; then
  if [ -f bench/generate_warc.py ]; then
    python3 bench/generate_warc.py --records "$RECORDS" --out "$WARC"
  else
    python3 bench/parse_bench_pages.py generate --records "$RECORDS" --out "$WARC"
  fi
fi
if [ ! -d "$PAGES" ] || [ "$WARC" -nt "$PAGES" ]; then
  rm -rf "$PAGES"
  python3 bench/parse_bench_pages.py extract "$WARC" "$PAGES" >/dev/null
fi
PAGE_COUNT="$(ls "$PAGES" | wc -l)"
PAGE_BYTES="$(cat "$PAGES"/*.html | wc -c)"

# Which input form the build can read.
INPUT="$WARC"
FORM="WARC ($WARC)"
"$BIN" parse "$WARC" -o "$OUT/probe.jsonl" --jobs "$CORES" -q 2>/dev/null || true
if [ "$(wc -l < "$OUT/probe.jsonl" 2>/dev/null || echo 0)" -eq 0 ]; then
  INPUT="$PAGES"
  FORM="loose HTML files ($PAGES; this build's reader does not read WARC yet)"
fi

# best-of-RUNS wall seconds and the peak RSS (KB) of that run.
measure() {
  local best="" rss=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
      cat "$OUT/stderr.txt" >&2
      return 1
    }
    read -r secs kb < "$OUT/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best="$secs"; rss="$kb"; fi
  done
  echo "$best $rss"
}

read -r t1 r1 <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/docs-1.jsonl" --jobs 1 -q)"
read -r tn rn <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/docs-n.jsonl" --jobs "$CORES" -q)"
read -r tf rf <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/floor.jsonl" --jobs 1 --libxml2-only -q)"
cmp -s "$OUT/docs-1.jsonl" "$OUT/docs-n.jsonl" && SAME="yes" || SAME="NO"
DOCS="$(wc -l < "$OUT/docs-1.jsonl")"

# trafilatura on the first TRAF_PAGES of the same pages.
TRAF="(not run: could not install trafilatura)"
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
if "$WORK/venv/bin/python" -c "import trafilatura" 2>/dev/null || "$WORK/venv/bin/pip" install -q trafilatura lxml_html_clean >/dev/null 2>&1; then
  TRAF_JSON="$("$WORK/venv/bin/python" bench/parse_bench_pages.py trafilatura "$PAGES" --limit "$TRAF_PAGES")"
fi

python3 - "$PAGE_COUNT" "$PAGE_BYTES" "$DOCS" "$CORES" "$t1" "$r1" "$tn" "$rn" "$tf" "$rf" "$SAME" "$FORM" "${TRAF_JSON:-}" <<'PY'
import json, sys
pages, size, docs, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t1, r1, tn, rn, tf, rf = map(float, sys.argv[5:11])
same, form, traf = sys.argv[11], sys.argv[12], sys.argv[13]
mb = size / 1e6
print(f"parse benchmark: {pages} pages, {mb:.1f} MB of HTML, input: {form}")
print(f"{'run':<34}{'seconds':>9}{'docs/s':>10}{'MB/s':>8}{'peak RSS':>10}")
def row(name, t, r):
    print(f"{name:<34}{t:>9.2f}{pages / t:>10.0f}{mb / t:>8.1f}{r / 1024:>8.0f}MB")
row("slackscore parse --jobs 1", t1, r1)
row(f"slackscore parse --jobs {cores}", tn, rn)
row("libxml2 alone (--libxml2-only, 1)", tf, rf)
print(f"scaling 1 -> {cores} cores: {t1 / tn:.2f}x; full parse / libxml2 floor: {t1 / tf:.2f}x "
      f"(target < 1.5x); documents {docs}; output identical across --jobs: {same}")
if traf:
    d = json.loads(traf)
    tr = d["pages"] / d["seconds"]
    ours = pages / t1
    print(f"trafilatura {d['version']} (1 process, {d['pages']} of the same pages): {tr:.1f} docs/s, "
          f"{d['bytes'] / 1e6 / d['seconds']:.2f} MB/s; slackscore per core: {ours / tr:.1f}x (target >= 10x)")
else:
    print("trafilatura: not run (could not install it into bench/work/venv)")
PY
