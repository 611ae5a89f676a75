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
# Pages as loose files: for trafilatura, and for builds whose reader cannot read WARC yet
# (at most MAX_PAGES of them; totals are over the whole WARC).
MAX_PAGES="${MAX_PAGES:-2000}"
if [ ! -s "$WORK/parse-pages.json" ] || [ "$WARC" -nt "$WORK/parse-pages.json" ]; then
  rm -rf "$PAGES"
  python3 bench/parse_bench_pages.py extract "$WARC" "$PAGES" --limit "$MAX_PAGES" > "$WORK/parse-pages.json"
fi
read -r WARC_PAGES WARC_BYTES <<<"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["pages"], d["bytes"])' "$WORK/parse-pages.json")"
PAGE_COUNT="$WARC_PAGES"
PAGE_BYTES="$WARC_BYTES"

# Which input form the build can read.
INPUT="$WARC"
FORM="WARC ($WARC)"
"$BIN" parse "$WARC" -o "$OUT/probe.jsonl" --jobs "$CORES" -q 2>/dev/null || true
if [ "$(wc -l < "$OUT/probe.jsonl" 2>/dev/null || echo 0)" -eq 0 ]; then
  INPUT="$PAGES"
  FORM="loose HTML files ($PAGES; this build's reader does not read WARC yet)"
  PAGE_COUNT="$(ls "$PAGES" | wc -l)"
  PAGE_BYTES="$(cat "$PAGES"/*.html | wc -c)"
fi

# best-of-RUNS: wall seconds, CPU seconds (user+sys) and peak RSS (KB) of the fastest run.
# CPU seconds are reported too because wall time is unreliable on a shared machine.
measure() {
  local best="" rss="" cpu=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
      cat "$OUT/stderr.txt" >&2
      return 1
    }
    read -r secs kb user sys < "$OUT/time.txt"
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then
      best="$secs"; rss="$kb"; cpu="$(awk "BEGIN{print $user + $sys}")"
    fi
  done
  echo "$best $rss $cpu"
}

read -r t1 r1 c1 <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/docs-1.jsonl" --jobs 1 -q)"
read -r tn rn cn <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/docs-n.jsonl" --jobs "$CORES" -q)"
read -r tf rf cf <<<"$(measure "$BIN" parse "$INPUT" -o "$OUT/floor.jsonl" --jobs 1 --libxml2-only -q)"
cmp -s "$OUT/docs-1.jsonl" "$OUT/docs-n.jsonl" && SAME="yes" || SAME="NO"
DOCS="$(wc -l < "$OUT/docs-1.jsonl")"

# trafilatura on the first TRAF_PAGES of the same pages.
TRAF="(not run: could not install trafilatura)"
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
if "$WORK/venv/bin/python" -c "import trafilatura" 2>/dev/null || "$WORK/venv/bin/pip" install -q trafilatura lxml_html_clean >/dev/null 2>&1; then
  TRAF_JSON="$("$WORK/venv/bin/python" bench/parse_bench_pages.py trafilatura "$PAGES" --limit "$TRAF_PAGES")"
fi

python3 - "$PAGE_COUNT" "$PAGE_BYTES" "$DOCS" "$CORES" "$t1" "$r1" "$c1" "$tn" "$rn" "$cn" "$tf" "$rf" "$cf" "$SAME" "$FORM" "${TRAF_JSON:-}" <<'PY'
import json, sys
pages, size, docs, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t1, r1, c1, tn, rn, cn, tf, rf, cf = map(float, sys.argv[5:14])
same, form, traf = sys.argv[14], sys.argv[15], sys.argv[16]
mb = size / 1e6
print(f"parse benchmark: {pages} pages, {mb:.1f} MB of HTML, input: {form}")
print(f"{'run':<34}{'wall s':>8}{'docs/s':>9}{'MB/s':>7}{'CPU s':>8}{'docs/CPU-s':>11}{'peak RSS':>10}")
def row(name, t, r, c):
    print(f"{name:<34}{t:>8.2f}{pages / t:>9.0f}{mb / t:>7.1f}{c:>8.2f}{pages / max(c, 0.001):>11.0f}{r / 1024:>8.0f}MB")
row("slackscore parse --jobs 1", t1, r1, c1)
row(f"slackscore parse --jobs {cores}", tn, rn, cn)
row("libxml2 alone (--libxml2-only, 1)", tf, rf, cf)
print(f"scaling 1 -> {cores} jobs (wall): {t1 / tn:.2f}x; full parse / libxml2 floor: {t1 / tf:.2f}x wall, "
      f"{c1 / max(cf, 0.001):.2f}x CPU (target < 1.5x); documents {docs}; identical across --jobs: {same}")
if traf:
    d = json.loads(traf)
    tr = d["pages"] / d["seconds"]
    print(f"trafilatura {d['version']} (1 process, {d['pages']} of the same pages): {tr:.1f} docs/s, "
          f"{d['bytes'] / 1e6 / d['seconds']:.2f} MB/s, {d['pages'] / d['cpu']:.1f} docs/CPU-s; "
          f"slackscore per core: {pages / t1 / tr:.1f}x wall, {pages / c1 / (d['pages'] / d['cpu']):.1f}x CPU "
          f"(target >= 10x)")
else:
    print("trafilatura: not run (could not install it into bench/work/venv)")
PY
