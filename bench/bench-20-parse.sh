#!/usr/bin/env bash
# Parse-stage benchmark: docs/s and MB/s of `slackscore parse` single-core and on all cores,
# peak RSS, the libxml2-alone floor on the same bytes, and trafilatura on the same pages in
# the same run.
#
#   bench/bench-20-parse.sh                 (BIN, RECORDS, TRAF_PAGES, RUNS, SHARED may be set)
#
# Inputs, both deterministic WARCs of RECORDS HTML responses (gzip per record):
#   1. the reference generator's, $SHARED/tools/make_warc.py --seed 1 (English campaign pages
#      with CSS, scripts, lists and forms), when the reference folder is there;
#   2. the project's own, bench/generate_warc.py (pseudo-Indonesian filler text: almost no
#      real words, short paragraphs), also used by the index benchmark.
# The first available is the main input (table, trafilatura, scaling); the floor ratio is
# printed for both.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-.build/release/slackscore}"
RECORDS="${RECORDS:-1000}"
TRAF_PAGES="${TRAF_PAGES:-200}"
RUNS="${RUNS:-5}"
SHARED="${SHARED:-../shared}"
WORK=bench/work
OWN_WARC="$WORK/bench.warc.gz"
REFERENCE_WARC="$WORK/shared-gen-$RECORDS.warc.gz"
OUT="$WORK/parse-out"
CORES="$(nproc 2>/dev/null || echo 2)"
mkdir -p "$WORK" "$OUT"

[ -x "$BIN" ] || swift build -c release --product slackscore

if [ ! -s "$OWN_WARC" ]; then
  python3 bench/generate_warc.py --records "$RECORDS" --out "$OWN_WARC"
fi
if [ -f "$SHARED/tools/make_warc.py" ]; then
  [ -s "$REFERENCE_WARC" ] || python3 "$SHARED/tools/make_warc.py" --out "$REFERENCE_WARC" --records "$RECORDS" --seed 1 >/dev/null
  INPUT="$REFERENCE_WARC"
  FORM="WARC from the reference generator ($REFERENCE_WARC)"
  SECOND_WARC="$OWN_WARC"
else
  INPUT="$OWN_WARC"
  FORM="WARC from bench/generate_warc.py ($OWN_WARC)"
  SECOND_WARC=""
fi
# The main input's pages as loose files, for trafilatura (at most MAX_PAGES of them).
MAX_PAGES="${MAX_PAGES:-2000}"
PAGES="$WORK/parse-pages-$(basename "$INPUT" .warc.gz)"
if [ ! -s "$PAGES.json" ] || [ "$INPUT" -nt "$PAGES.json" ]; then
  rm -rf "$PAGES"
  python3 bench/parse_bench_pages.py extract "$INPUT" "$PAGES" --limit "$MAX_PAGES" > "$PAGES.json"
fi
read -r PAGE_COUNT PAGE_BYTES <<<"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["pages"], d["bytes"])' "$PAGES.json")"

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
interleaved_ratio() {  # WARC: median over RUNS runs of `parse --paired-floor`, which times
  # libxml2 alone and the full parse record by record on the thread CPU clock (alternating
  # which goes first), so that a noisy neighbour slows both alike
  local warc="$1"
  for _ in $(seq "$RUNS"); do
    "$BIN" parse "$warc" -o "$OUT/paired.jsonl" --paired-floor -q 2>&1 >/dev/null | sed -n 's/.*ratio //p'
  done | python3 -c 'import statistics, sys; print(statistics.median(float(l) for l in sys.stdin))'
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
INTERLEAVED="$(interleaved_ratio "$INPUT")"
cmp -s "$OUT/docs-1.jsonl" "$OUT/docs-n.jsonl" && SAME="yes" || SAME="NO"
DOCS="$(wc -l < "$OUT/docs-1.jsonl")"

# The same floor comparison on the other input.
SECOND=""
if [ -n "$SECOND_WARC" ]; then
  : > "$OUT/runs2.txt"
  for _ in $(seq "$RUNS"); do
    measure_runs one "$OUT/runs2.txt" -- "$BIN" parse "$SECOND_WARC" -o "$OUT/second.jsonl" --jobs 1 -q
    measure_runs floor "$OUT/runs2.txt" -- "$BIN" parse "$SECOND_WARC" -o "$OUT/second-floor.jsonl" --jobs 1 --libxml2-only -q
  done
  read -r _ s1 sm1 _ <<<"$(summary one "$OUT/runs2.txt")"
  read -r _ sf smf _ <<<"$(summary floor "$OUT/runs2.txt")"
  SECOND="$SECOND_WARC $s1 $sm1 $sf $smf $(wc -l < "$OUT/second.jsonl") $(pair_ratio "$OUT/runs2.txt") $(interleaved_ratio "$SECOND_WARC")"
fi

# trafilatura on the first TRAF_PAGES of the same pages.
TRAF="(not run: could not install trafilatura)"
if scripts/venv.sh "$WORK/venv" trafilatura trafilatura lxml_html_clean >/dev/null 2>&1; then
  TRAF_JSON="$("$WORK/venv/bin/python" bench/parse_bench_pages.py trafilatura "$PAGES" --limit "$TRAF_PAGES" --repeat 3)"
fi

python3 - "$PAGE_COUNT" "$PAGE_BYTES" "$DOCS" "$CORES" "$t1" "$r1" "$c1" "$m1" "$tn" "$rn" "$cn" "$tf" "$rf" "$cf" "$mf" "$SAME" "$FORM" "$RUNS" "${TRAF_JSON:-}" "$SECOND" "$PAIRED" "$INTERLEAVED" <<'PY'
import json, sys
pages, size, docs, cores = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t1, r1, c1, m1, tn, rn, cn, tf, rf, cf, mf = map(float, sys.argv[5:16])
same, form, runs, traf, second = sys.argv[16], sys.argv[17], sys.argv[18], sys.argv[19], sys.argv[20]
paired, interleaved = float(sys.argv[21]), float(sys.argv[22])
mb = size / 1e6
print(f"parse benchmark: {pages} pages, {mb:.1f} MB of HTML, input: {form}; medians of {runs} runs")
print(f"{'run':<34}{'wall s':>8}{'docs/s':>9}{'MB/s':>7}{'CPU s':>8}{'docs/CPU-s':>11}{'peak RSS':>10}")
def row(name, t, r, c):
    print(f"{name:<34}{t:>8.2f}{pages / t:>9.0f}{mb / t:>7.1f}{c:>8.2f}{pages / max(c, 0.001):>11.0f}{r / 1024:>8.0f}MB")
row("slackscore parse --jobs 1", t1, r1, c1)
row(f"slackscore parse --jobs {cores}", tn, rn, cn)
row("libxml2 alone (--libxml2-only, 1)", tf, rf, cf)
print(f"scaling 1 -> {cores} jobs (wall): {t1 / tn:.2f}x; documents {docs}; identical across --jobs: {same}")
print(f"full parse / libxml2 floor, CPU: {interleaved:.2f}x record by record (parse --paired-floor, median of "
      f"{runs} runs; target < 1.5x); separate runs: {paired:.2f}x paired median, "
      f"{c1 / max(cf, 0.001):.2f}x of medians, {m1 / max(mf, 0.001):.2f}x of the best runs")
if second:
    path, s1, sm1, sf, smf, sdocs, spaired, sinter = second.split()
    s1, sm1, sf, smf, spaired, sinter = map(float, (s1, sm1, sf, smf, spaired, sinter))
    print(f"second input {path} ({sdocs} documents): full / floor CPU {sinter:.2f}x record by record; "
          f"separate runs {spaired:.2f}x paired median, "
          f"{s1 / max(sf, 0.001):.2f}x of medians, {sm1 / max(smf, 0.001):.2f}x of the best runs "
          f"({s1:.2f} s vs {sf:.2f} s)")
if traf:
    d = json.loads(traf)
    tr = d["pages"] / d["seconds"]
    print(f"trafilatura {d['version']} (1 process, {d['pages']} of the same pages, median of {d.get('runs', 1)} runs): {tr:.1f} docs/s, "
          f"{d['bytes'] / 1e6 / d['seconds']:.2f} MB/s, {d['pages'] / d['cpu']:.1f} docs/CPU-s; "
          f"slackscore per core: {pages / t1 / tr:.1f}x wall, {pages / c1 / (d['pages'] / d['cpu']):.1f}x CPU "
          f"(target >= 10x)")
else:
    print("trafilatura: not run (could not install it into bench/work/venv)")
PY
