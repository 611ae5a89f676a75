#!/usr/bin/env python3
"""Helpers for bench/bench-20-parse.sh (standard library only, except `trafilatura`).

  parse_bench_pages.py generate --records N --out FILE.warc.gz   small WARC of HTML pages
                                         (used only when bench/generate_warc.py is absent)
  parse_bench_pages.py extract FILE.warc.gz DIR [--limit N]       response payloads -> DIR/NNNNNN.html
  parse_bench_pages.py trafilatura DIR [--limit N] [--repeat R]   time trafilatura.extract per page
"""
import argparse
import gzip
import hashlib
import base64
import json
import os
import random
import sys
import time
import zlib

WORDS = ("warga kota aksi petisi donasi relawan kampanye pohon sungai sekolah pasar jalan banjir "
         "bersih hijau dukung bagikan tanda tangan rakyat daerah berita program target tahun kegiatan "
         "people town river school market street campaign share sign donate volunteer join").split()


def generated_page(rng, index):
    def sentence():
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 26))).capitalize() + "."
    title = " ".join(rng.choice(WORDS) for _ in range(6)).title()
    parts = ["<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>", title,
             " | Kabar Bench</title><meta property=\"og:title\" content=\"", title, "\"></head><body>",
             "<header><nav><a href=\"/\">Home</a> <a href=\"/daerah\">Daerah</a></nav></header>",
             "<div class=\"share-bar\"><span>", str(rng.randint(1, 999)), " suka</span></div>",
             "<article><h1>", title, "</h1>"]
    for p in range(rng.randint(8, 30)):
        parts.append("<p>" + " ".join(sentence() for _ in range(rng.randint(1, 4))) + "</p>")
        if p == 3:
            parts.append("<div class=\"ads\">ADVERTISEMENT</div><p>Baca juga: <a href=\"/x\">Judul lain</a></p>")
    parts.append("</article><aside class=\"related\"><ul>")
    for _ in range(8):
        parts.append("<li><a href=\"/r/%d\">%s</a></li>" % (rng.randint(1, 99999), sentence()))
    parts.append("</ul></aside><footer>Kabar Bench</footer></body></html>")
    return "".join(parts).encode("utf-8")


def warc_record(warc_type, headers, block):
    lines = ["WARC/1.1", "WARC-Type: " + warc_type] + ["%s: %s" % kv for kv in headers]
    lines.append("Content-Length: %d" % len(block))
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def gzip_member(data):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def generate(args):
    rng = random.Random(20261122)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out + ".part", "wb") as out:
        for i in range(args.records):
            body = generated_page(rng, i)
            http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n"
                    % len(body)).encode("ascii") + body
            digest = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")
            out.write(gzip_member(warc_record("response", [
                ("WARC-Target-URI", "https://bench.example.org/page/%d" % i),
                ("WARC-Date", "2024-01-01T00:00:%02dZ" % (i % 60)),
                ("WARC-Record-ID", "<urn:uuid:%08d-0000-4000-8000-000000000000>" % i),
                ("WARC-Payload-Digest", digest),
                ("Content-Type", "application/http; msgtype=response")], http)))
    os.replace(args.out + ".part", args.out)


def records(path):
    """Yields (headers, block) of each WARC record (gzip members concatenated, or plain)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            break
        head = data[pos:end].decode("utf-8", "replace").split("\r\n")
        headers = {}
        for line in head[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        length = int(headers.get("content-length", "0"))
        block = data[end + 4:end + 4 + length]
        yield headers, block
        pos = end + 4 + length
        while data[pos:pos + 2] == b"\r\n":
            pos += 2


def extract(args):
    """Writes the first --limit response payloads (all when 0) and reports totals over all."""
    os.makedirs(args.dir, exist_ok=True)
    n = written = 0
    total = written_bytes = 0
    for headers, block in records(args.warc):
        if headers.get("warc-type") != "response":
            continue
        split = block.find(b"\r\n\r\n")
        body = block[split + 4:] if split >= 0 else block
        if not args.limit or written < args.limit:
            with open(os.path.join(args.dir, "%06d.html" % n), "wb") as out:
                out.write(body)
            written += 1
            written_bytes += len(body)
        total += len(body)
        n += 1
    print(json.dumps({"pages": n, "bytes": total, "written": written, "written_bytes": written_bytes}))


def run_trafilatura(args):
    import trafilatura
    names = sorted(x for x in os.listdir(args.dir) if x.endswith(".html"))
    if args.limit:
        names = names[:args.limit]
    pages = [open(os.path.join(args.dir, x), "rb").read() for x in names]
    total = sum(len(p) for p in pages)
    runs = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        cpu = time.process_time()
        for page in pages:
            trafilatura.extract(page.decode("utf-8", "replace"))
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    runs.sort()
    seconds, cpu = runs[len(runs) // 2]  # the median run (by wall time)
    print(json.dumps({"pages": len(pages), "bytes": total, "seconds": seconds, "cpu": cpu, "runs": len(runs),
                      "version": getattr(trafilatura, "__version__", "?")}))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--records", type=int, default=1000)
    g.add_argument("--out", required=True)
    e = sub.add_parser("extract")
    e.add_argument("warc")
    e.add_argument("dir")
    e.add_argument("--limit", type=int, default=0)
    t = sub.add_parser("trafilatura")
    t.add_argument("dir")
    t.add_argument("--limit", type=int, default=0)
    t.add_argument("--repeat", type=int, default=1, help="runs over the pages; the median is reported")
    args = ap.parse_args()
    {"generate": generate, "extract": extract, "trafilatura": run_trafilatura}[args.cmd](args)


if __name__ == "__main__":
    main()
