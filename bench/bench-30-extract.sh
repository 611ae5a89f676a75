#!/usr/bin/env bash
# Extract throughput: documents per second of `slackscore extract`, one thread and all threads; then
# extract against parse per core (issue 13: extract must keep up with parse).
#
# Input of the throughput lines, first found: $1; bench/work/documents.jsonl (the parse benchmark's
# output); else a file made by repeating the texts of $SHARED/seeds/*.txt as documents of three sites
# (DOCS documents, default 3000).
# Extract against parse: CPU seconds (user + sys, median of RUNS interleaved runs, --jobs 1) of
# `parse` on an archive and of `extract` on parse's output, and their ratio, for the reference
# generator's WARC ($SHARED/tools/make_warc.py --seed 1, RECORDS pages: long filler pages with many
# asks) and for real pages ($SHARED/data/warc, the shared WARC test files; and the 330 pages of
# $SHARED/data/extraction-multilingual-dev). A ratio at or under 1.00 means extract keeps up.
# Env: BIN (default .build/release/slackscore), SHARED (default ../shared), DOCS, RECORDS (1000), RUNS (5).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
DOCS="${DOCS:-3000}"
RECORDS="${RECORDS:-1000}"
RUNS="${RUNS:-5}"
WORK=bench/work
mkdir -p "$WORK"

input="${1:-}"
if [[ -z "$input" && -s "$WORK/documents.jsonl" ]]; then input="$WORK/documents.jsonl"; fi
if [[ -z "$input" ]]; then
  input="$WORK/extract-input.jsonl"
  python3 - "$SHARED/seeds" "$DOCS" "$input" <<'PY'
import glob, json, sys
seeds, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
texts = [open(p, encoding="utf-8", errors="replace").read() for p in sorted(glob.glob(seeds + "/*.txt"))]
if not texts:
    sys.exit(f"bench-30-extract: no seed texts in {seeds}; pass a documents.jsonl as $1")
promo = "\nIkuti saluran WhatsApp kami untuk kabar terbaru."
with open(out, "w", encoding="utf-8") as f:
    for i in range(count):
        site = f"site{i % 3}.example"
        doc = {"id": f"d{i}", "url": f"https://{site}/{i}", "text": texts[i % len(texts)] + promo, "lang": "id"}
        f.write(json.dumps(doc, ensure_ascii=False) + "\n")
PY
fi

[[ -x "$BIN" ]] || { echo "bench-30-extract: $BIN not built (make build)" >&2; exit 1; }
python3 - "$BIN" "$input" "$WORK/extract-ctas.jsonl" <<'PY'
import os, resource, subprocess, sys, time
binary, source, out = sys.argv[1:4]
docs = sum(1 for line in open(source, encoding="utf-8") if line.strip())
size = os.path.getsize(source) / 1e6
for jobs in ("1", "0"):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "extract", source, "-o", out, "--jobs", jobs, "-q"], check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    ctas = sum(1 for _ in open(out, encoding="utf-8"))
    label = "all cores" if jobs == "0" else "1 thread"
    print(f"extract ({label}): {docs} docs, {size:.1f} MB: wall {wall:.2f} s = {docs / wall:.0f} docs/s; "
          f"cpu {cpu:.2f} s = {docs / cpu:.0f} docs/s per core; {ctas} CTAs")
PY

# Extract against parse, per core.
inputs=()
REFERENCE_WARC="$WORK/shared-gen-$RECORDS.warc.gz"
if [[ -f "$SHARED/tools/make_warc.py" ]]; then
  [[ -s "$REFERENCE_WARC" ]] || python3 "$SHARED/tools/make_warc.py" --out "$REFERENCE_WARC" --records "$RECORDS" --seed 1 >/dev/null
  inputs+=("reference generator, $RECORDS pages=$REFERENCE_WARC")
fi
[[ -d "$SHARED/data/warc" ]] && inputs+=("real: shared WARC test files=$SHARED/data/warc")
[[ -d "$SHARED/data/extraction-multilingual-dev/html" ]] \
  && inputs+=("real: extraction-multilingual-dev pages=$SHARED/data/extraction-multilingual-dev/html")
[[ ${#inputs[@]} -gt 0 ]] || { echo "extract vs parse: no inputs in $SHARED; skipped"; exit 0; }
python3 - "$BIN" "$WORK" "$RUNS" "${inputs[@]}" <<'PY'
import os, resource, statistics, subprocess, sys
binary, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])

def cpu(args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

print(f"extract against parse per core (--jobs 1, CPU seconds, median of {runs} interleaved runs):")
for n, spec in enumerate(sys.argv[4:]):
    label, source = spec.split("=", 1)
    docs, ctas = f"{work}/vs-parse-{n}-documents.jsonl", f"{work}/vs-parse-{n}-ctas.jsonl"
    parse = [binary, "parse", source, "-o", docs, "--rejects", f"{work}/vs-parse-{n}-rejects.jsonl", "--jobs", "1", "-q"]
    extract = [binary, "extract", docs, "-o", ctas, "--jobs", "1", "-q"]
    parse_cpu, extract_cpu = [], []
    for _ in range(runs):
        parse_cpu.append(cpu(parse))
        extract_cpu.append(cpu(extract))
    pages = sum(1 for _ in open(docs, encoding="utf-8"))
    p, e = statistics.median(parse_cpu), statistics.median(extract_cpu)
    print(f"  {label} ({pages} documents): parse {p:.2f} s, extract {e:.2f} s: "
          f"extract/parse {e / p:.2f}{'' if e <= p else ' (extract slower than parse)'}")
PY
