#!/usr/bin/env bash
# HTTPS with a private certificate authority: a python3 `ssl` server on 127.0.0.1 whose
# certificate is signed by an authority made here with openssl. `slackscore fetch` must refuse
# it (tls-certificate-untrusted, naming fetch.ca_file) until the pipeline names the authority in
# `ca_file`, then fetch and archive the page.
#   usage: scripts/conformance-tls.sh   (after `swift build --build-tests`)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(pwd)/${BIN:-.build/debug/slackscore}"
[ -x "$BIN" ] || { echo "conformance-tls: $BIN is missing; run swift build --build-tests first" >&2; exit 1; }
dir="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
cd "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=slackscore test authority" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 \
  -extfile server.ext 2>/dev/null
python3 - server.pem server.key >port.txt <<'PY' &
import http.server, ssl, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        found = self.path == "/page"
        body = b"<html><body><p>over TLS</p></body></html>" if found else b"not here"
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
server=$!
for _ in $(seq 50); do [ -s port.txt ] && break; sleep 0.1; done
port="$(head -1 port.txt)"
mkdir pipe
cat >pipe/pipeline.yml <<YML
name: tls
fetch:
  allow_private_addresses: true
  respect_robots: false
  retries: 0
  timeouts: { connect_ms: 3000, read_ms: 3000 }
  live: ["https://127.0.0.1:$port/page"]
YML
if "$BIN" fetch --pipeline pipe --out refused >refused.log 2>&1; then
  echo "conformance-tls: FAIL: a certificate from an unknown authority was accepted" >&2; exit 1
fi
grep -q "tls-certificate-untrusted" refused.log && grep -q "fetch.ca_file" refused.log \
  || { echo "conformance-tls: FAIL: the refusal does not say what to do:" >&2; cat refused.log >&2; exit 1; }
echo "  ca_file: $dir/ca.pem" >>pipe/pipeline.yml
"$BIN" fetch --pipeline pipe --out trusted >trusted.log 2>&1 \
  || { echo "conformance-tls: FAIL: not fetched with ca_file:" >&2; cat trusted.log >&2; exit 1; }
"$BIN" index trusted/raw/*.warc.gz | grep -q "https://127.0.0.1:$port/page" \
  || { echo "conformance-tls: FAIL: the page is not in the WARC" >&2; exit 1; }
echo "conformance-tls: refused without ca_file (tls-certificate-untrusted), fetched and archived with it"
