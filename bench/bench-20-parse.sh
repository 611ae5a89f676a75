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
RUNS="${RUNS:-5}"
SHARED="${SHARED:-../shared}"
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

# RUNS runs per configuration, full parse and libxml2 floor interleaved (so that a noisy
# neighbour hits both alike). Per configuration: median wall seconds, median and minimum CPU
# seconds (user+sys), peak RSS. CPU seconds are what the floor ratio compares: wall time is
# unreliable on a shared machine.
measure_runs() {  # LABEL FILE -- command...: appends "LABEL wall cpu rss" lines to FILE
  local label="$1" file="$2"
  shift 3
  /usr/bin/time -f "%e %M %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/stderr.txt" || {
    cat "$OUT/stderr.txt" >&2
    return 1
  }
  read -r secs kb user sys < "$OUT/time.txt"
  echo "$label $secs $(awk "BEGIN{print $user + $sys}") $kb" >> "$file"
}
pair_ratio() {  # FILE: median over the iterations of (full CPU / floor CPU) within one iteration
  python3 - "$1" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
one = [float(r[2]) for r in rows if r[0] == "one"]
floor = [float(r[2]) for r in rows if r[0] == "floor"]
print(statistics.median(a / b for a, b in zip(one, floor)))
PY
}
summary() {  # LABEL FILE: "median-wall median-cpu min-cpu peak-rss-kb"
  python3 - "$1" "$2" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[2]) if l.split()[0] == sys.argv[1]]
wall = [float(r[1]) for r in rows]; cpu = [float(r[2]) for r in rows]; rss = [int(r[3]) for r in rows]
print(statistics.median(wall), statistics.median(cpu), min(cpu), max(rss))
PY
}

RUNS_FILE="$OUT/runs.txt"
: > "$RUNS_FILE"
for _ in $(seq "$RUNS"); do
  measure_runs one "$RUNS_FILE" -- "$BIN" parse "$INPUT" -o "$OUT/docs-1.jsonl" --jobs 1 -q
  measure_runs floor "$RUNS_FILE" -- "$BIN" parse "$INPUT" -o "$OUT/floor.jsonl" --jobs 1 --libxml2-only -q
  measure_runs all "$RUNS_FILE" -- "$BIN" parse "$INPUT" -o "$OUT/docs-n.jsonl" --jobs "$CORES" -q
done
read -r t1 c1 m1 r1 <<<"$(summary one "$RUNS_FILE")"
read -r tf cf mf rf <<<"$(summary floor "$RUNS_FILE")"
read -r tn cn mn rn <<<"$(summary all "$RUNS_FILE")"
PAIRED="$(pair_ratio "$RUNS_FILE")"
cmp -s "$OUT/docs-1.jsonl" "$OUT/docs-n.jsonl" && SAME="yes" || SAME="NO"
DOCS="$(wc -l < "$OUT/docs-1.jsonl")"

# The same floor comparison on a second, independent input: the WARC that
# $SHARED/tools/make_warc.py writes (English campaign pages with CSS, scripts, lists and
# forms), when the reference folder is there.
SECOND=""
if [ -f "$SHARED/tools/make_warc.py" ]; then
  SECOND_WARC="$WORK/shared-gen-$RECORDS.warc.gz"
  [ -s "$SECOND_WARC" ] || python3 "$SHARED/tools/make_warc.py" --out "$SECOND_WARC" --records "$RECORDS" --seed 1 >/dev/null
  : > "$OUT/runs2.txt"
  for _ in $(seq "$RUNS"); do
    measure_runs one "$OUT/runs2.txt" -- "$BIN" parse "$SECOND_WARC" -o "$OUT/second.jsonl" --jobs 1 -q
    measure_runs floor "$OUT/runs2.txt" -- "$BIN" parse "$SECOND_WARC" -o "$OUT/second-floor.jsonl" --jobs 1 --libxml2-only -q
  done
  read -r _ s1 sm1 _ <<<"$(summary one "$OUT/runs2.txt")"
  read -r _ sf smf _ <<<"$(summary floor "$OUT/runs2.txt")"
  SECOND="$SECOND_WARC $s1 $sm1 $sf $smf $(wc -l < "$OUT/second.jsonl") $(pair_ratio "$OUT/runs2.txt")"
fi

# trafilatura on the first TRAF_PAGES of the same pages.
TRAF="(not run: could not install trafilatura)"
if [ ! -x "$WORK/venv/bin/python" ]; then python3 -m venv "$WORK/venv"; fi
if "$WORK/venv/bin/python" -c "import trafilatura" 2>/dev/null || "$WORK/venv/bin/pip" install -q trafilatura lxml_html_clean >/dev/null 2>&1; then
  TRAF_JSON="$("$WORK/venv/bin/python" bench/parse_bench_pages.py trafilatura "$PAGES" --limit "$TRAF_PAGES")"
fi

python3 - "$PAGE_COUNT" "$PAGE_BYTES" "$DOCS" "$CORES" "$t1" "$r1" "$c1" "$m1" "$tn" "$rn" "$cn" "$tf" "$rf" "$cf" "$mf" "$SAME" "$FORM" "$RUNS" "${TRAF_JSON:-}" "$SECOND" "$PAIRED" <<'PY'
import json, sys
pages, size, docs, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t1, r1, c1, m1, tn, rn, cn, tf, rf, cf, mf = map(float, sys.argv[5:16])
same, form, runs, traf, second = sys.argv[16], sys.argv[17], sys.argv[18], sys.argv[19], sys.argv[20]
paired = float(sys.argv[21])
mb = size / 1e6
print(f"parse benchmark: {pages} pages, {mb:.1f} MB of HTML, input: {form}; medians of {runs} runs")
print(f"{'run':<34}{'wall s':>8}{'docs/s':>9}{'MB/s':>7}{'CPU s':>8}{'docs/CPU-s':>11}{'peak RSS':>10}")
def row(name, t, r, c):
    print(f"{name:<34}{t:>8.2f}{pages / t:>9.0f}{mb / t:>7.1f}{c:>8.2f}{pages / max(c, 0.001):>11.0f}{r / 1024:>8.0f}MB")
row("slackscore parse --jobs 1", t1, r1, c1)
row(f"slackscore parse --jobs {cores}", tn, rn, cn)
row("libxml2 alone (--libxml2-only, 1)", tf, rf, cf)
print(f"scaling 1 -> {cores} jobs (wall): {t1 / tn:.2f}x; documents {docs}; identical across --jobs: {same}")
print(f"full parse / libxml2 floor, CPU: {paired:.2f}x (median of the {runs} paired runs; target < 1.5x); "
      f"{c1 / max(cf, 0.001):.2f}x of medians, {m1 / max(mf, 0.001):.2f}x of the best runs")
if second:
    path, s1, sm1, sf, smf, sdocs, spaired = second.split()
    s1, sm1, sf, smf, spaired = map(float, (s1, sm1, sf, smf, spaired))
    print(f"second input {path} ({sdocs} documents): full / floor CPU {spaired:.2f}x paired median, "
          f"{s1 / max(sf, 0.001):.2f}x of medians, {sm1 / max(smf, 0.001):.2f}x of the best runs "
          f"({s1:.2f} s vs {sf:.2f} s)")
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
