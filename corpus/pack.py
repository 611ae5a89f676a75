#!/usr/bin/env python3
"""Pack the sample corpus (pages/ + manifest.csv) into WARC/1.1 files under warc/.

Deterministic: the same inputs give byte-identical files (no clocks, no randomness; gzip
members carry mtime 0 and are made with one fixed zlib level). Standard library only.

    python3 corpus/pack.py            # (re)write corpus/warc/*.warc.gz
    python3 corpus/pack.py --check    # rebuild in memory, compare with the committed files,
                                      # then read every committed member back and verify it

What goes into each file, in manifest order (see README.md in this folder):
  * one `warcinfo` record first;
  * per capture a `request` record and a `response` record (application/http), or, for a
    manifest row with record=revisit, a `request` and a `revisit` record
    (identical-payload-digest profile, HTTP headers only, pointing at the earlier capture),
    or, for record=resource, a lone `resource` record holding the page bytes (no HTTP);
  * each record in its own gzip member.
The HTTP body is the page file, gzip-encoded when the row says `Content-Encoding: gzip` and
then chunked when it says `Transfer-Encoding: chunked` (in that order, as a server does).
WARC-Payload-Digest is the sha1 (base32) of the body as transmitted, i.e. still chunked and
compressed, which is what warcio and FastWARC compute. WARC-Block-Digest covers the whole block.

One record is damaged on purpose: the row whose note starts with "DAMAGED" must be the last of
its file, and its gzip member is cut to half its length (a crawler that died mid-write).
"""

import argparse
import base64
import csv
import gzip
import hashlib
import os
import sys
import uuid
import zlib
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "manifest.csv")
WARC_DIR = os.path.join(HERE, "warc")
GZIP_LEVEL = 9          # gzip level of the WARC members
HTTP_GZIP_LEVEL = 6     # gzip level of `Content-Encoding: gzip` bodies
CHUNK = 4096            # Transfer-Encoding chunk size
USER_AGENT = "slackscore-sample-crawler/1.0 (+mailto:data-desk@example.org)"
REVISIT_PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
REASONS = {"200": "OK", "301": "Moved Permanently", "302": "Found", "404": "Not Found"}
CRLF = b"\r\n"


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record_id(kind, url, date):
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url} {date}')}>"


def http_date(iso):
    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return format_datetime(dt, usegmt=True)


def ip_for(host):
    """A documentation address (192.0.2.0/24) chosen from the host name."""
    return "192.0.2." + str(1 + int(hashlib.sha1(host.encode()).hexdigest(), 16) % 254)


def chunked(body, padded):
    out = bytearray()
    for i in range(0, len(body), CHUNK):
        part = body[i:i + CHUNK]
        size = f"{len(part):08X}" if padded else f"{len(part):x}"
        out += size.encode() + CRLF + part + CRLF
    out += (b"00000000" if padded else b"0") + CRLF + CRLF
    return bytes(out)


def redirect_body(location):
    return ("<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n"
            "<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n").encode()


def http_response(row):
    """(HTTP head bytes, transmitted body bytes) for one manifest row."""
    extra = [h.split(": ", 1) for h in row["extra_headers"].split("|") if h]
    if row["file"]:
        with open(os.path.join(HERE, row["file"]), "rb") as f:
            body = f.read()
    else:
        body = redirect_body(dict(extra).get("Location", ""))
    headers = [("Date", http_date(row["captured_at"])), ("Server", row["server"]),
               ("Content-Type", row["content_type"])]
    headers += [(k, v) for k, v in extra]
    if row["content_encoding"] == "gzip":
        body = gzip.compress(body, compresslevel=HTTP_GZIP_LEVEL, mtime=0)
        headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
    if row["transfer_encoding"] == "chunked":
        body = chunked(body, row["chunks"] == "padded")
        headers.append(("Transfer-Encoding", "chunked"))
    else:
        headers.append(("Content-Length", str(len(body))))
    headers += [("Connection", "close"), ("Cache-Control", "max-age=60, public")]
    status = row["status"]
    head = f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}\r\n".encode()
    head += b"".join(f"{k}: {v}\r\n".encode("utf-8") for k, v in headers) + CRLF
    return head, body


def http_request(url):
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return (f"GET {path} HTTP/1.1\r\nHost: {parts.netloc}\r\nUser-Agent: {USER_AGENT}\r\n"
            "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
            "Accept-Language: id-ID,id;q=0.9,en;q=0.8\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n").encode()


def warc_record(fields, block):
    """Serialise one record: header lines, blank line, block, two CRLFs."""
    head = b"WARC/1.1\r\n"
    for k, v in fields + [("Content-Length", str(len(block)))]:
        head += f"{k}: {v}\r\n".encode("utf-8")
    return head + CRLF + block + CRLF + CRLF


def gz_member(data):
    c = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)  # wbits 31: gzip wrapper, mtime 0
    return c.compress(data) + c.flush()


def warcinfo(name, rows):
    """The warcinfo record that opens file `name` (dated at its first capture)."""
    first = min(r["captured_at"] for r in rows)
    info = (f"software: corpus/pack.py (slackscore sample corpus)\r\nformat: WARC File Format 1.1\r\n"
            f"conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
            f"isPartOf: slackscore-sample-corpus\r\nrecords: {len(rows)} captures\r\n"
            f"description: Fictional pages written for the slackscore project; see corpus/README.md\r\n").encode()
    return warc_record([
        ("WARC-Type", "warcinfo"), ("WARC-Date", first), ("WARC-Filename", name),
        ("WARC-Record-ID", record_id("warcinfo", name, first)), ("Content-Type", "application/warc-fields")], info)


def capture_records(r, originals):
    """The serialised records of one manifest row, in file order.

    `originals` maps (url, file) to (record id, date, payload digest) of the first response
    with that payload; responses add to it, revisits read from it.
    """
    url, date = r["url"], r["captured_at"]
    if r["record"] == "resource":
        with open(os.path.join(HERE, r["file"]), "rb") as f:
            block = f.read()
        return [warc_record([
            ("WARC-Type", "resource"), ("WARC-Target-URI", url), ("WARC-Date", date),
            ("WARC-Record-ID", record_id("resource", url, date)), ("WARC-Payload-Digest", sha1_b32(block)),
            ("WARC-Block-Digest", sha1_b32(block)), ("Content-Type", r["content_type"])], block)]
    head, body = http_response(r)
    common = [("WARC-Target-URI", url), ("WARC-Date", date)]
    ip = ("WARC-IP-Address", ip_for(urlsplit(url).hostname))
    if r["record"] == "revisit":
        orig_id, orig_date, digest = originals[(url, r["file"])]
        rid = record_id("revisit", url, date)
        block = head
        fields = [("WARC-Type", "revisit")] + common + [
            ("WARC-Record-ID", rid), ip, ("WARC-Profile", REVISIT_PROFILE), ("WARC-Refers-To", orig_id),
            ("WARC-Refers-To-Target-URI", url), ("WARC-Refers-To-Date", orig_date), ("WARC-Payload-Digest", digest)]
    else:
        rid = record_id("response", url, date)
        block = head + body
        digest = sha1_b32(body)
        originals.setdefault((url, r["file"]), (rid, date, digest))
        fields = [("WARC-Type", "response")] + common + [("WARC-Record-ID", rid), ip, ("WARC-Payload-Digest", digest)]
    fields += [("WARC-Block-Digest", sha1_b32(block)), ("Content-Type", "application/http; msgtype=response")]
    if r["record"] == "response" and r["file"]:
        fields.append(("WARC-Identified-Payload-Type", "text/html"))
    req = http_request(url)
    request = warc_record([("WARC-Type", "request")] + common + [
        ("WARC-Record-ID", record_id("request", url, date)), ("WARC-Concurrent-To", rid),
        ("WARC-Block-Digest", sha1_b32(req)), ("Content-Type", "application/http; msgtype=request")], req)
    return [request, warc_record(fields, block)]


def build(rows):
    """{warc file name: bytes} for all manifest rows, one gzip member per record."""
    by_file = {}
    for r in rows:
        by_file.setdefault(r["warc"], []).append(r)
    out = {}
    originals = {}
    for name, frows in by_file.items():
        members = [gz_member(warcinfo(name, frows))]
        for i, r in enumerate(frows):
            records = [gz_member(rec) for rec in capture_records(r, originals)]
            if r["note"].startswith("DAMAGED"):
                if i != len(frows) - 1:
                    sys.exit(f"pack.py: the damaged row {r['file']} must be the last of {name}")
                records[-1] = records[-1][: len(records[-1]) // 2]
            members += records
        out[name] = b"".join(members)
    return out


def read_rows():
    with open(MANIFEST, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def members(data):
    """Yield (offset, decompressed bytes, complete?) for each gzip member of `data`."""
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(31)
        try:
            raw = d.decompress(data[pos:])
        except zlib.error:
            yield pos, b"", False
            return
        if not d.eof:
            yield pos, raw, False
            return
        used = len(data) - pos - len(d.unused_data)
        yield pos, raw, True
        pos += used


def parse_record(raw):
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("utf-8").split("\r\n")
    fields = dict(line.split(": ", 1) for line in lines[1:])
    n = int(fields["Content-Length"])
    return lines[0], fields, rest[:n], rest[n:]


def dechunk(body):
    out, pos = bytearray(), 0
    while True:
        eol = body.index(CRLF, pos)
        size = int(body[pos:eol].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += body[eol + 2:eol + 2 + size]
        pos = eol + 2 + size + 2


def decoded_payload(block):
    """The entity body of an HTTP response block with transfer and content codings undone."""
    head, _, body = block.partition(b"\r\n\r\n")
    headers = {k.lower(): v for k, _, v in (ln.partition(": ") for ln in head.decode("latin-1").split("\r\n")[1:])}
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return body


def verify(name, data, rows):
    """Read a WARC file back; return (counts by type, list of problems)."""
    pages = {(r["url"], r["captured_at"]): r["file"] for r in rows if r["warc"] == name}
    counts, problems = {}, []
    for off, raw, complete in members(data):
        if not complete:
            problems.append(f"{name}@{off}: gzip member truncated ({len(raw)} bytes inflated)")
            continue
        version, fields, block, trailer = parse_record(raw)
        kind = fields["WARC-Type"]
        counts[kind] = counts.get(kind, 0) + 1
        if version != "WARC/1.1" or trailer != CRLF + CRLF or len(block) != int(fields["Content-Length"]):
            problems.append(f"{name}@{off}: bad framing")
        if "WARC-Block-Digest" in fields and fields["WARC-Block-Digest"] != sha1_b32(block):
            problems.append(f"{name}@{off}: block digest mismatch")
        if kind in ("response", "resource"):
            body = block.partition(b"\r\n\r\n")[2] if kind == "response" else block
            if fields["WARC-Payload-Digest"] != sha1_b32(body):
                problems.append(f"{name}@{off}: payload digest mismatch")
            page = pages.get((fields["WARC-Target-URI"], fields["WARC-Date"]))
            if page:
                with open(os.path.join(HERE, page), "rb") as f:
                    if (decoded_payload(block) if kind == "response" else block) != f.read():
                        problems.append(f"{name}@{off}: decoded payload differs from {page}")
    return counts, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="verify the committed files instead of writing them")
    args = ap.parse_args()
    rows = read_rows()
    built = build(rows)
    if not args.check:
        os.makedirs(WARC_DIR, exist_ok=True)
        for name, data in built.items():
            path = os.path.join(WARC_DIR, name)
            tmp = path + ".part"
            with open(tmp, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
            print(f"{os.path.relpath(path)}: {len(data)} bytes", file=sys.stderr)
        return 0
    failed = False
    on_disk = sorted(n for n in os.listdir(WARC_DIR) if n.endswith(".warc.gz"))
    if on_disk != sorted(built):
        print(f"warc/ holds {on_disk}, the manifest makes {sorted(built)}")
        failed = True
    damaged = 0
    for name in sorted(built):
        path = os.path.join(WARC_DIR, name)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        bad = False
        if data != built[name]:
            if [m[1] for m in members(data)] == [m[1] for m in members(built[name])]:
                print(f"{name}: same records, different gzip bytes (zlib {zlib.ZLIB_RUNTIME_VERSION} here)")
            else:
                print(f"{name}: differs from a fresh build (edit pages/ or manifest.csv, then rerun pack.py)")
                bad = True
        counts, problems = verify(name, data, rows)
        for p in problems:
            print(("expected: " if "truncated" in p else "") + p)
        damaged += sum("truncated" in p for p in problems)
        bad |= any("truncated" not in p for p in problems)
        failed |= bad
        print(f"{name}: {'FAILED' if bad else 'ok'}, " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    if damaged != 1:
        print(f"expected exactly one damaged record, found {damaged}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
