#!/usr/bin/env bash
# Extract throughput: documents per second of `slackscore extract`, one thread and all threads.
#
# Input, first found: $1; bench/work/documents.jsonl (the parse benchmark's output); else a file made
# by repeating the texts of $SHARED/seeds/*.txt as documents of three sites (DOCS documents, default 3000).
# Env: BIN (default .build/release/slackscore), SHARED (default ../shared), DOCS.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
DOCS="${DOCS:-3000}"
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
