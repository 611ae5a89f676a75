#!/usr/bin/env bash
# Fetch against a real pywb on 127.0.0.1, loaded with real WARCs from SHARED, twice: through a
# plain CDXJ index and through a paged (zipnum) index of the same captures. Checks that every
# capture pywb lists is fetched exactly once, that each payload digest equals the original
# record's, that warcio and our reader accept every file written, that nothing was asked
# outside 127.0.0.1, and that parsing the fetched WARCs gives the documents of the originals.
#   usage: scripts/conformance-pywb.sh   (after `swift build --build-tests`; needs python3-venv)
# Runs inside a network namespace of its own when it can (root): only its loopback exists.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv-conformance}"
SHARED="${SHARED:-../shared}"
BIN="${BIN:-.build/debug/slackscore}"
PYWB_VERSION="${PYWB_VERSION:-2.10.0}"
[ -x "$BIN" ] || { echo "conformance-pywb: $BIN is missing; run swift build --build-tests first" >&2; exit 1; }
scripts/venv.sh "$VENV" "wayback warcio" "pywb==$PYWB_VERSION" warcio
if [ -z "${CONFORMANCE_PYWB_ISOLATED:-}" ] && [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
  exec env CONFORMANCE_PYWB_ISOLATED=1 unshare -n bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
fi
isolation="${CONFORMANCE_PYWB_ISOLATED:+a network namespace with loopback only}"
VENV="$(cd "$VENV" && pwd)"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
SHARED="$(cd "$SHARED" && pwd)"
# Real WARCs (see SHARED/data/warc/PROVENANCE.md): a crawl with revisits and chunked bodies,
# URL-agnostic revisits, resource records, gzip-encoded bodies, a Common Crawl capture.
WARCS=(pywb/iana.warc.gz pywb/dupes.warc.gz pywb/example-extra.warc pywb/example-url-agnostic-orig.warc.gz
  pywb/example-url-agnostic-revisit.warc.gz warcio/example-resource.warc.gz py-wacz/example-resource.warc.gz
  aut/issue-493.warc commoncrawl/whirlwind.warc.gz)
dir="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${CONFORMANCE_PYWB_KEEP:-}" ] || rm -rf "$dir"' EXIT
cd "$dir"
[ -n "${CONFORMANCE_PYWB_KEEP:-}" ] && echo "conformance-pywb: working in $dir (kept)" >&2
"$VENV/bin/wb-manager" init demo >/dev/null 2>&1
"$VENV/bin/wb-manager" add demo "${WARCS[@]/#/$SHARED/data/warc/}" >wb-manager.log 2>&1 \
  || { cat wb-manager.log >&2; exit 1; }
mkdir -p collections/paged
ln -s ../demo/archive collections/paged/archive
"$VENV/bin/python" "$OLDPWD/scripts/zipnum-index.py" collections/paged/indexes 3 collections/demo/indexes/*.cdxj >/dev/null
port="$("$VENV/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$VENV/bin/wayback" -b 127.0.0.1 -p "$port" >wayback.log 2>&1 &
server=$!
for _ in $(seq 100); do
  "$VENV/bin/python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/demo/cdx?url=iana.org')" 2>/dev/null && break
  sleep 0.2
done
# One domain query per registered domain the index holds (every capture it lists).
domains="$("$VENV/bin/python" - collections/demo/indexes/*.cdxj <<'PY'
import sys
names = set()
for path in sys.argv[1:]:
    for line in open(path):
        host = line.split(")", 1)[0].split(",")
        names.add(".".join(reversed(host[:2])))
print("\n".join(sorted(names)))
PY
)"
for collection in demo paged; do
  mkdir -p "p-$collection"
  {
    echo "name: pywb-$collection"
    echo "fetch:"
    echo "  allow_private_addresses: true"
    echo "  per_host_delay_ms: 0"
    echo "  per_host_concurrency: 4"
    echo "  retries: 1"
    echo "  timeouts: { connect_ms: 2000, read_ms: 5000 }"
    echo "  cdx_server: \"http://127.0.0.1:$port/$collection/cdx\""
    echo "  replay_base: \"http://127.0.0.1:$port/$collection/\""
    echo "  cdx:"
    for domain in $domains; do echo "    - { url: \"$domain\", match: domain, collapse_digest: false }"; done
  } >"p-$collection/pipeline.yml"
  "$BIN" fetch --pipeline "p-$collection" --out "out-$collection" --json >"fetch-$collection.json" 2>"fetch-$collection.log" \
    || { cat "fetch-$collection.log" >&2; exit 1; }
  for f in out-$collection/raw/*.warc.gz; do
    "$VENV/bin/warcio" check "$f" >/dev/null || { echo "conformance-pywb: warcio check failed on $f" >&2; exit 1; }
    "$BIN" index "$f" >/dev/null 2>"index.err" || { cat index.err >&2; exit 1; }
    if [ -s index.err ]; then echo "conformance-pywb: our reader complained about $f:" >&2; cat index.err >&2; exit 1; fi
  done
  "$BIN" parse out-$collection/raw -o "fetched-$collection.jsonl" --rejects "rejects-$collection.jsonl" 2>"parse-$collection.log" || true
done
"$BIN" parse collections/demo/archive -o originals.jsonl --rejects rejects-originals.jsonl 2>parse-originals.log || true
"$VENV/bin/python" "$OLDPWD/scripts/conformance-pywb-check.py" "$dir" "$port" "${WARCS[*]}" "${isolation:-no network namespace (not root)}"
