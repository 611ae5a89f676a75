#!/usr/bin/env bash
# Quick main-text evaluation loop: `slackscore parse` over the three shared extraction sets, each
# scored with the benchmark's own score.py (the same scorers `make conformance` runs), in about a
# minute with a debug build. Prints P, R and F1 per set; writes the documents, the scorers' full
# output (worst pages of extraction-dev and extraction-id-smoke) and extraction-multilingual-dev's
# per-page misses (`misses.jsonl`: snippets missed and kept wrongly) to OUT.
#
#   scripts/extraction-eval.sh            (BIN, SHARED, OUT may be set)
#
# Compare two runs with `diff` on their misses.jsonl, or on the documents of a set.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-.build/debug/slackscore}"
SHARED="${SHARED:-../shared}"
OUT="${OUT:-out/extraction-eval}"
data="$SHARED/data"
[ -x "$BIN" ] || { echo "extraction-eval: $BIN missing; run swift build --product slackscore (or set BIN)" >&2; exit 1; }
[ -d "$data" ] || { echo "extraction-eval: $data missing; set SHARED=path/to/shared" >&2; exit 1; }
mkdir -p "$OUT"

for set in extraction-dev extraction-id-smoke extraction-multilingual-dev; do
  "$BIN" parse --quiet "$data/$set/html" -o "$OUT/$set.jsonl" --rejects "$OUT/$set.rejects.jsonl"
done

# extraction-dev's scorer reads {"<id>": {"articleBody": text}}; the id is the file name.
for set in extraction-dev extraction-id-smoke; do
  python3 - "$OUT/$set.jsonl" "$OUT/$set.predictions.json" <<'PY'
import json, os, sys
predictions = {}
for line in open(sys.argv[1], encoding="utf-8"):
    document = json.loads(line)
    name = os.path.basename(document["source"]["path"])
    predictions[name[: -len(".html.gz")]] = {"articleBody": document["text"]}
json.dump(predictions, open(sys.argv[2], "w", encoding="utf-8"), sort_keys=True)
PY
  python3 "$data/extraction-dev/score.py" "$OUT/$set.predictions.json" --gt "$data/$set/ground-truth.json" \
    --worst 60 > "$OUT/$set.score.txt"
  echo "$set: $(grep -E '^(precision|recall|F1):' "$OUT/$set.score.txt" | tr -s ' ' | tr '\n' ' ')"
done
set=extraction-multilingual-dev
python3 "$data/$set/score.py" "$OUT/$set.jsonl" --misses "$OUT/misses.jsonl" > "$OUT/$set.score.txt"
echo "$set: $(grep -E '^(tp|precision|recall|F1) ' "$OUT/$set.score.txt" | tr '\n' ' ')"
