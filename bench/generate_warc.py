#!/usr/bin/env python3
"""Writes a large, deterministic WARC/1.1 file for the read benchmark.

One warcinfo record, then N HTML `response` records (about 52 KB each uncompressed),
each record its own gzip member (WARC Annex D). The same arguments always give the
same bytes: pages come from a seeded generator and dates from a fixed clock.

    bench/generate_warc.py --records 20000 --out bench/work/bench-20k.warc.gz
"""
import argparse
import base64
import hashlib
import os
import random
import uuid
import zlib

SYLLABLES = ("ka ta ra na ma sa la pa da ga ba ja wa ya ha ce ki ti ri ni mi si li pi di gi bi ji "
             "ku tu ru nu mu su lu pu du gu bu ju ke te re ne me se le pe de ge be je ko to ro no "
             "mo so lo po do go bo jo an in un en ang ing ung").split()
TOPICS = ("petisi", "donasi", "relawan", "aksi", "kampanye", "dukung", "bagikan", "tanda tangan",
          "share", "sign", "donate", "volunteer", "join", "march", "vote", "rally")


def make_words(rng, count):
    words = []
    for _ in range(count):
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return words


def page(rng, words, index, target_bytes):
    title = " ".join(rng.choice(words) for _ in range(6))
    parts = [
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">",
        f"<title>{title} #{index}</title>",
        "<meta name=\"viewport\" content=\"width=device-width\"></head><body>",
        f"<header><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav></header><main><h1>{title}</h1>",
    ]
    size = sum(len(p) for p in parts)
    while size < target_bytes:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
        if rng.random() < 0.15:
            sentence += f" — {rng.choice(TOPICS)} <a href=\"https://example.org/c/{rng.randint(1, 9999)}\">sekarang</a>"
        chunk = f"<p>{sentence.capitalize()}.</p>\n"
        parts.append(chunk)
        size += len(chunk)
    parts.append("</main><footer>Generated page for the slackscore read benchmark.</footer></body></html>\n")
    return "".join(parts).encode("utf-8")


def record(warc_type, headers, block):
    lines = ["WARC/1.1", f"WARC-Type: {warc_type}"] + [f"{k}: {v}" for k, v in headers]
    lines.append(f"Content-Length: {len(block)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def gzip_member(data, level):
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--page-kb", type=int, default=52, help="average HTML size in KB")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--level", type=int, default=6, help="gzip level")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    ids = random.Random(args.seed + 1)
    words = make_words(rng, 4000)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    tmp = args.out + ".part"
    uncompressed = 0
    base = 1_700_000_000
    with open(tmp, "wb") as out:
        info = b"software: slackscore bench/generate_warc.py\r\nformat: WARC File Format 1.1\r\n"
        data = record("warcinfo", [("WARC-Date", "2026-11-22T00:00:00Z"),
                                   ("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=ids.getrandbits(128))}>"),
                                   ("Content-Type", "application/warc-fields")], info)
        uncompressed += len(data)
        out.write(gzip_member(data, args.level))
        for i in range(args.records):
            target = int(args.page_kb * 1024 * rng.uniform(0.5, 1.5))
            body = page(rng, words, i, target)
            seconds = base + i * 7
            day = seconds // 86400
            http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\nServer: bench\r\n\r\n").encode("ascii") + body
            digest = "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")
            hh, mm, ss = (seconds % 86400) // 3600, (seconds % 3600) // 60, seconds % 60
            date = f"2023-{1 + day % 12:02d}-{1 + day % 28:02d}T{hh:02d}:{mm:02d}:{ss:02d}Z"
            data = record("response", [
                ("WARC-Target-URI", f"https://kampanye.example.org/page/{i}"),
                ("WARC-Date", date),
                ("WARC-Record-ID", f"<urn:uuid:{uuid.UUID(int=ids.getrandbits(128))}>"),
                ("WARC-Payload-Digest", digest),
                ("Content-Type", "application/http; msgtype=response"),
            ], http)
            uncompressed += len(data)
            out.write(gzip_member(data, args.level))
    os.replace(tmp, args.out)
    print(f"{args.out}: {args.records + 1} records, {uncompressed / 1e6:.1f} MB uncompressed, "
          f"{os.path.getsize(args.out) / 1e6:.1f} MB on disk")


if __name__ == "__main__":
    main()
