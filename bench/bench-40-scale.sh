#!/usr/bin/env bash
# Scale: wall time, CPU time and peak RSS of `slackscore extract` and `slackscore score` as the number
# of documents grows, with the growth factor of CPU time per document between sizes (1.0 = linear).
#
# Inputs: the documents `slackscore parse` reads from $SHARED/data/warc and corpus/warc (real parse
# output), replicated and perturbed by bench/make_scale_documents.py into N documents over five
# campaigns (deterministic; cached in bench/work/scale-N/).
# Env: BIN (default .build/release/slackscore), SHARED (default ../shared),
#      SCALE_SIZES (default "10000 100000 1000000"; the million needs about 8 GB of disk in
#        SCALE_WORK and 25-45 minutes: 5.8 GB of documents made once, then extract and score;
#        SCALE_SIZES="10000 100000" for a quick run),
#      SCALE_REPEAT (runs per stage and size, the median is shown; default 1),
#      SCALE_STAGES (default "extract score"), SCALE_WORK (folder for inputs and outputs, default bench/work).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/slackscore}"
SHARED="${SHARED:-../shared}"
SCALE_SIZES="${SCALE_SIZES:-10000 100000 1000000}"
SCALE_REPEAT="${SCALE_REPEAT:-1}"
SCALE_STAGES="${SCALE_STAGES:-extract score}"
WORK="${SCALE_WORK:-bench/work}"
SEED="$WORK/scale-seed"
[[ -x "$BIN" ]] || { echo "bench-40-scale: $BIN not built (make build)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench-40-scale: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
[[ -d "$SHARED/data/warc" ]] || { echo "bench-40-scale: no $SHARED/data/warc; set SHARED" >&2; exit 1; }

mkdir -p "$SEED"
if [[ ! -s "$SEED/shared.jsonl" || ! -s "$SEED/corpus.jsonl" ]]; then
  "$BIN" parse "$SHARED/data/warc" -o "$SEED/shared.jsonl" --rejects "$SEED/shared-rejects.jsonl" -q 2>/dev/null || true
  "$BIN" parse corpus/warc -o "$SEED/corpus.jsonl" --rejects "$SEED/corpus-rejects.jsonl" -q 2>/dev/null || true
fi
sizes=""
for n in $SCALE_SIZES; do
  # About 8 KB of disk a document: documents.jsonl (5.8 KB), ctas.jsonl, score's scratch files.
  need_kb=$((n * 8))
  free_kb=$(df -Pk "$WORK" | awk 'NR == 2 {print $4}')
  if [[ ! -s "$WORK/scale-$n/documents.jsonl" && "$free_kb" -lt "$need_kb" ]]; then
    echo "bench-40-scale: SKIPPED $n documents: needs about $((need_kb / 1048576 + 1)) GB free in $WORK, $((free_kb / 1048576)) GB free (set SCALE_WORK to a larger disk)" >&2
    continue
  fi
  sizes="$sizes $n"
  if [[ ! -s "$WORK/scale-$n/documents.jsonl" ]]; then
    python3 bench/make_scale_documents.py --count "$n" --out "$WORK/scale-$n" "$SEED/shared.jsonl" "$SEED/corpus.jsonl"
  fi
done

[[ -n "$sizes" ]] || { echo "bench-40-scale: no size to run" >&2; exit 1; }
python3 - "$BIN" "$WORK" "$SCALE_REPEAT" "$SCALE_STAGES" $sizes <<'PY'
import os, re, statistics, subprocess, sys, time
binary, work, repeat, stages, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(), [int(s) for s in sys.argv[5:]]

def measure(args):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run, from /usr/bin/time -v."""
    start = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v"] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"bench-40-scale: {' '.join(args)} failed:\n{run.stderr[-2000:]}")
    field = lambda name: float(re.search(name + r": ([0-9.]+)", run.stderr).group(1))
    cpu = field(r"User time \(seconds\)") + field(r"System time \(seconds\)")
    return wall, cpu, field(r"Maximum resident set size \(kbytes\)") / 1024

def command(stage, folder):
    docs, ctas = f"{folder}/documents.jsonl", f"{folder}/ctas.jsonl"
    if stage == "extract":
        return [binary, "extract", docs, "-o", ctas, "-q"]
    return [binary, "score", "--pipeline", f"{folder}/pipeline", "--documents", docs, "--ctas", ctas, "--out", folder, "-q"]

rows = []
for n in sizes:
    folder = f"{work}/scale-{n}"
    for stage in stages:
        runs = [measure(command(stage, folder)) for _ in range(repeat)]
        rows.append((stage, n, statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
                     max(r[2] for r in runs)))

print(f"{'stage':8} {'documents':>10} {'wall s':>8} {'cpu s':>8} {'cpu us/doc':>10} {'growth':>7} {'peak RSS MiB':>13}")
previous = {}
for stage, n, wall, cpu, rss in rows:
    per_doc = cpu / n * 1e6
    growth = f"{per_doc / previous[stage]:.2f}" if stage in previous else "-"
    previous[stage] = per_doc
    print(f"{stage:8} {n:>10} {wall:>8.1f} {cpu:>8.1f} {per_doc:>10.0f} {growth:>7} {rss:>13.0f}")
print("growth: CPU time per document relative to the previous size (1.00 = linear); wall time depends on the machine's load")

# Issue 18's bars, at the largest size run: extract + score under 30 minutes of wall time, peak RSS
# under 1 GiB, CPU per document within 1.5x of the previous size.
largest = max(sizes)
at = [r for r in rows if r[1] == largest]
if largest < 1_000_000:
    print("issue 18's bars are for 1,000,000 documents: add 1000000 to SCALE_SIZES")
elif {r[0] for r in at} >= {"extract", "score"}:
    wall, rss = sum(r[2] for r in at), max(r[4] for r in at)
    verdict = lambda ok: "met" if ok else "NOT MET"
    print(f"at {largest} documents: extract + score {wall / 60:.1f} min of wall time "
          f"({verdict(wall < 1800)}: the bar is 30 minutes); "
          f"peak RSS {rss:.0f} MiB ({verdict(rss < 1024)}: the bar is 1 GiB)")
    if len(sizes) > 1:
        base = sorted(sizes)[-2]
        for stage in ("extract", "score"):
            a = [r for r in rows if r[0] == stage and r[1] == base]
            b = [r for r in rows if r[0] == stage and r[1] == largest]
            if a and b:
                g = (b[0][3] / largest) / (a[0][3] / base)
                print(f"  {stage}: CPU per document {g:.2f}x of {base} ({verdict(g <= 1.5)}: the bar is 1.5x)")
PY
