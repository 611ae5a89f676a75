#!/usr/bin/env bash
# The Spark job against `slackscore run` on a large pipeline (issue 18): N generated documents
# (bench/make_scale_archives.py: real parse output of the shared WARCs and the sample corpus,
# replicated and perturbed, written as HTML pages into ARCHIVES WARC files over five campaigns)
# through `slackscore run` and through spark/slackscore_spark.py in local mode; campaigns.json,
# campaigns.csv, documents.jsonl, rejects.jsonl and ctas.jsonl must be byte-identical. Prints
# the wall time, CPU time and peak RSS of both. Too slow for `make conformance` at 100k (about
# half an hour of CPU each way); `make conformance` runs the same comparison on the default
# pipeline (scripts/conformance-spark.sh).
#   usage: scripts/spark-scale.sh   (make spark-scale; needs java 17, python3-venv, /usr/bin/time)
# Env: BIN (default .build/release/slackscore), SHARED (default ../shared), DOCS (100000),
#      ARCHIVES (20), WORK (bench/work), JOBS (local[JOBS] and run --jobs; default 2), VENV.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
DOCS="${DOCS:-100000}"
ARCHIVES="${ARCHIVES:-20}"
WORK="${WORK:-bench/work}"
JOBS="${JOBS:-2}"
VENV="${VENV:-.venv-conformance}"
PYSPARK_VERSION="${PYSPARK_VERSION:->=4,<5}"
fail() { echo "spark-scale: $*" >&2; exit 1; }
[[ -x "$BIN" ]] || fail "$BIN not built (swift build -c release --product slackscore)"
[[ -x /usr/bin/time ]] || fail "/usr/bin/time missing (apt-get install time)"
[[ -d "$SHARED/data/warc" ]] || fail "no $SHARED/data/warc; set SHARED"
scripts/venv.sh "$VENV" spark-submit "pyspark$PYSPARK_VERSION"

seed="$WORK/scale-seed"
mkdir -p "$seed"
if [[ ! -s "$seed/shared.jsonl" || ! -s "$seed/corpus.jsonl" ]]; then
  "$BIN" parse "$SHARED/data/warc" -o "$seed/shared.jsonl" --rejects "$seed/shared-rejects.jsonl" -q 2>/dev/null || true
  "$BIN" parse corpus/warc -o "$seed/corpus.jsonl" --rejects "$seed/corpus-rejects.jsonl" -q 2>/dev/null || true
fi
data="$WORK/scale-archives-$DOCS-$ARCHIVES"
if [[ ! -s "$data/pipeline/pipeline.yml" ]]; then
  python3 bench/make_scale_archives.py --count "$DOCS" --archives "$ARCHIVES" --out "$data" \
    "$seed/shared.jsonl" "$seed/corpus.jsonl"
fi
rm -rf "$data/run" "$data/spark"

# Wall s, CPU s (user + system) and peak RSS (MiB, of the largest process) of one command.
measure() {
  local label="$1" log="$2"
  shift 2
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v "$@" >"$log" 2>&1 || { tail -40 "$log" >&2; fail "$label failed (log: $log)"; }
  end=$(date +%s.%N)
  python3 - "$label" "$start" "$end" "$log" <<'PY'
import re, sys
label, start, end, log = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), open(sys.argv[4]).read()
field = lambda name: float(re.findall(name + r": ([0-9.]+)", log)[-1])
cpu = field(r"User time \(seconds\)") + field(r"System time \(seconds\)")
rss = field(r"Maximum resident set size \(kbytes\)") / 1024
print(f"{label:16} wall {end - start:8.1f} s   cpu {cpu:8.1f} s   peak RSS {rss:7.0f} MiB")
PY
}

echo "spark-scale: $DOCS documents in $ARCHIVES archives ($(du -sh "$data/pipeline/warc" | cut -f1)), load $(cut -d' ' -f1-3 /proc/loadavg)"
measure "slackscore run" "$data/run.log" "$BIN" run --pipeline "$data/pipeline" --out "$data/run" --jobs "$JOBS"
measure "Spark local[$JOBS]" "$data/spark.log" env PYSPARK_PYTHON="$(cd "$VENV" && pwd)/bin/python" \
  "$VENV/bin/spark-submit" --master "local[$JOBS]" --conf spark.ui.enabled=false --conf spark.log.level=WARN \
  spark/slackscore_spark.py --pipeline "$data/pipeline" --binary "$BIN" --out "$data/spark" --named-as "$data/run"
for name in campaigns.json campaigns.csv documents.jsonl rejects.jsonl ctas.jsonl; do
  cmp -s "$data/run/$name" "$data/spark/$name" || fail "$name differs between slackscore run and the Spark job ($data/run, $data/spark)"
done
echo "spark-scale: the Spark line's CPU time misses the slackscore processes of Spark's Python workers (not reaped by the driver); compare wall times"
documents=$(wc -l <"$data/run/documents.jsonl")
echo "spark-scale: byte-identical campaigns.json, campaigns.csv, documents.jsonl, rejects.jsonl and ctas.jsonl ($documents documents)"
