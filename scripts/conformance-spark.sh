#!/usr/bin/env bash
# Conformance of the Spark job (spark/slackscore_spark.py) with a real pyspark (PyPI, in the
# conformance venv) in Spark's local mode on Java 17: the default pipeline through
# `slackscore run` and through the job (parse + extract per archive as Spark tasks, score over
# the shard list) must give byte-identical campaigns.json, campaigns.csv, documents.jsonl,
# rejects.jsonl and ctas.jsonl.
#   usage: scripts/conformance-spark.sh   (after `swift build`; needs python3-venv and java)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv-conformance}"
SWIFT="${SWIFT:-swift}"
PYSPARK_VERSION="${PYSPARK_VERSION:->=4,<5}"
scripts/venv.sh "$VENV" spark-submit "pyspark$PYSPARK_VERSION"
BIN="$($SWIFT build --show-bin-path)/slackscore"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
fail() { echo "conformance-spark: $*" >&2; exit 1; }

"$BIN" run --pipeline pipelines/default --out "$dir/run" >"$dir/run.log" 2>&1 || { cat "$dir/run.log" >&2; exit 1; }
PYSPARK_PYTHON="$(cd "$VENV" && pwd)/bin/python" "$VENV/bin/spark-submit" --master "local[2]" \
  --conf spark.ui.enabled=false --conf spark.log.level=WARN spark/slackscore_spark.py --pipeline pipelines/default --binary "$BIN" \
  --out "$dir/spark" --named-as "$dir/run" >"$dir/spark.log" 2>&1 || { cat "$dir/spark.log" >&2; exit 1; }
for name in campaigns.json campaigns.csv documents.jsonl rejects.jsonl ctas.jsonl; do
  cmp -s "$dir/run/$name" "$dir/spark/$name" || fail "$name differs between slackscore run and the Spark job"
done
archives=$("$BIN" inputs --pipeline pipelines/default | wc -l)
[ "$(wc -l <"$dir/spark/shards.list")" = "$archives" ] || fail "shards.list does not list one shard per archive"
echo "conformance-spark: the Spark job (local mode, $archives archives) gives slackscore run's outputs byte for byte"
