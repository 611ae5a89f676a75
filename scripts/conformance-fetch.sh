#!/usr/bin/env bash
# Conformance of the fetch stage's WARC files with warcio (the reference Python WARC library):
# a Swift test fetches from its own HTTP server into a temporary folder, then warcio must
# index it, verify every block and payload digest, and read back what we expect.
#   usage: scripts/conformance-fetch.sh   (after `swift build --build-tests`)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv-conformance}"
SWIFT="${SWIFT:-swift}"
scripts/venv.sh "$VENV" warcio warcio
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
SLACKSCORE_FETCH_EXPORT="$dir" "$SWIFT" test --skip-build --filter FetchConformanceExport >"$dir/test.log" 2>&1 \
  || { cat "$dir/test.log" >&2; exit 1; }
shopt -s nullglob
files=("$dir"/*.warc.gz)
[ ${#files[@]} -gt 0 ] || { echo "conformance-fetch: the export test wrote no WARC file" >&2; exit 1; }
for f in "${files[@]}"; do
  "$VENV/bin/warcio" index -f warc-type,warc-target-uri,warc-date,http:status,length,offset "$f" >>"$dir/index.jsonl"
  "$VENV/bin/warcio" check -v "$f" >"$dir/check.txt" || { cat "$dir/check.txt" >&2; exit 1; }
done
"$VENV/bin/python" - "$dir" <<'PY'
import base64, hashlib, json, sys, glob
from warcio.archiveiterator import ArchiveIterator

folder = sys.argv[1]
counts, problems = {}, []
def b32(data): return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()
for path in sorted(glob.glob(folder + "/*.warc.gz")):
    with open(path, "rb") as stream:
        it = ArchiveIterator(stream, check_digests="raise")
        for record in it:
            kind = record.rec_type
            counts[kind] = counts.get(kind, 0) + 1
            h = record.rec_headers
            if h.protocol != "WARC/1.1": problems.append(f"{path}: version {h.protocol}")
            for field in ("WARC-Record-ID", "WARC-Date", "Content-Length"):
                if not h.get_header(field): problems.append(f"{kind}: no {field}")
            if kind in ("request", "response"):
                if not h.get_header("WARC-Target-URI"): problems.append(f"{kind}: no WARC-Target-URI")
            if kind == "response":
                body = record.raw_stream.read()
                if h.get_header("WARC-Payload-Digest") != b32(body):
                    problems.append(f"payload digest differs for {h.get_header('WARC-Target-URI')}")
                if record.http_headers is None: problems.append("response without HTTP headers")
                if not h.get_header("WARC-Source-URI") and not h.get_header("WARC-Concurrent-To"):
                    problems.append("live response without WARC-Concurrent-To")
            if kind == "request" and not h.get_header("WARC-Concurrent-To"):
                problems.append("request without WARC-Concurrent-To")
            # warcio verifies WARC-Block-Digest / WARC-Payload-Digest itself (check_digests="raise").
            if kind == "revisit":
                for field in ("WARC-Refers-To", "WARC-Refers-To-Target-URI", "WARC-Refers-To-Date", "WARC-Profile"):
                    if not h.get_header(field): problems.append(f"revisit without {field}")
expected = {"warcinfo": 3, "request": 10, "response": 12, "revisit": 1, "metadata": 3}
if counts != expected: problems.append(f"record counts {counts}, expected {expected}")
if problems:
    print("conformance-fetch: " + "\n  ".join(problems), file=sys.stderr); sys.exit(1)
print(f"conformance-fetch: warcio read {sum(counts.values())} records {counts}; all digests verified")
PY
lines=$(wc -l <"$dir/index.jsonl")
echo "conformance-fetch: warcio index listed $lines records; warcio check passed"
