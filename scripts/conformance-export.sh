#!/usr/bin/env bash
# Conformance of `slackscore export --sqlite` with the sqlite3 CLI and a real Datasette: the
# default pipeline runs into a temporary folder, its export must pass SQLite's integrity and
# foreign-key checks, and Datasette (from PyPI, in the conformance venv) serving it on
# 127.0.0.1 must answer queries and show the metadata's descriptions.
#   usage: scripts/conformance-export.sh   (after `swift build`)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv-conformance}"
SWIFT="${SWIFT:-swift}"
scripts/venv.sh "$VENV" datasette "datasette<1"
BIN="$($SWIFT build --show-bin-path)/slackscore"
dir="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
"$BIN" run --pipeline pipelines/default --out "$dir/out" >"$dir/run.log" 2>&1 || { cat "$dir/run.log" >&2; exit 1; }
"$BIN" export "$dir/out" --sqlite "$dir/slackscore.sqlite" >"$dir/export.log" 2>&1 \
  || { cat "$dir/export.log" >&2; exit 1; }
db="$dir/slackscore.sqlite"
fail() { echo "conformance-export: $*" >&2; exit 1; }

# sqlite3 CLI: integrity, keys, one row per document behind every total.
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check failed"
[ -z "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" ] || fail "foreign keys violated"
for t in campaigns ratios indices outcomes outcome_points interactions interaction_totals documents counters \
  ctas evidence caveats diagnostics campaign_documents; do
  sqlite3 "$db" "SELECT count(*) FROM $t" >/dev/null || fail "no table $t"
done
[ "$(sqlite3 "$db" 'SELECT count(*) FROM campaigns')" = \
  "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["campaigns"]))' "$dir/out/campaigns.json")" ] \
  || fail "campaign count differs from campaigns.json"
missing=$(sqlite3 "$db" "SELECT count(*) FROM outcomes o WHERE o.value IS NOT NULL AND NOT EXISTS
  (SELECT 1 FROM outcome_points p WHERE p.outcome_id = o.id AND p.is_latest AND p.used)")
[ "$missing" = 0 ] || fail "$missing outcome total(s) without a latest point behind them"
pages=$(sqlite3 "$db" "SELECT count(*) FROM interaction_totals t WHERE t.from_pages > 0 AND NOT EXISTS
  (SELECT 1 FROM interactions i WHERE i.campaign_id = t.campaign_id AND i.kind = t.kind)")
[ "$pages" = 0 ] || fail "$pages page-counted interaction total(s) without per-document rows"
[ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'")" -gt 10 ] \
  || fail "indexes missing"

# Datasette on a free loopback port.
port=$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$VENV/bin/datasette" serve "$db" -m "$dir/slackscore.metadata.json" -h 127.0.0.1 -p "$port" \
  >"$dir/datasette.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/-/versions.json" >/dev/null && break
  sleep 0.5
done
"$VENV/bin/python" - "http://127.0.0.1:$port" <<'PY' || { cat "$dir/datasette.log" >&2; exit 1; }
import json, sys, urllib.parse, urllib.request
base = sys.argv[1]
def get(path):
    with urllib.request.urlopen(base + path, timeout=20) as r:
        return json.load(r)
problems = []
tables = {t["name"] for t in get("/slackscore.json")["tables"]}
for t in ["campaigns", "ratios", "indices", "outcomes", "outcome_points", "interactions", "documents", "counters",
          "ctas", "evidence", "caveats", "diagnostics"]:
    if t not in tables: problems.append(f"datasette lacks table {t}")
sql = ("select c.name, r.name as ratio, r.numerator, r.denominator, r.value, r.ci95_low, r.ci95_high "
       "from ratios r join campaigns c on c.id = r.campaign_id where r.ci95_low is not null order by r.id limit 5")
rows = get("/slackscore.json?_shape=array&sql=" + urllib.parse.quote(sql))
if not rows: problems.append("no ratio with an interval")
for r in rows:
    if not (r["ci95_low"] <= r["value"] <= r["ci95_high"]): problems.append(f"value outside its interval: {r}")
    if abs(r["numerator"] / r["denominator"] * 1000 - r["value"]) > 1e-3 * max(1, r["value"]):
        problems.append(f"value is not numerator/denominator x 1000: {r}")
meta = get("/-/metadata.json")
tables_meta = meta["databases"]["slackscore"]["tables"]
if "numerator" not in tables_meta["ratios"]["columns"] or "Unit:" not in tables_meta["ratios"]["columns"]["value"]:
    problems.append("metadata lacks column descriptions with units")
page = urllib.request.urlopen(base + "/slackscore/ratios", timeout=20).read().decode()
if tables_meta["ratios"]["description"][:40] not in page: problems.append("table description not shown")
if problems:
    print("conformance-export: " + "\n  ".join(problems), file=sys.stderr); sys.exit(1)
print(f"conformance-export: {len(tables)} tables served by datasette, {len(rows)} ratios checked")
PY
