#!/usr/bin/env python3
"""Scale archives: the documents of make_scale_documents.py written back as HTML pages into WARC
files, with a pipeline.yml whose inputs are those files, so `slackscore run` and the Spark job
(spark/slackscore_spark.py) can be compared on a pipeline of any size. Deterministic: the same
seeds, N, --archives and --seed give byte-identical files.

Each document becomes one `response` record (HTTP 200, text/html, UTF-8) captured at its
`captured_at`, its own gzip member: a page with the document's title, its paragraphs in
`<article>`, its main-content links in a last paragraph and its other links in a `<nav>`; a
petition page carries its signature count in a `petisi:signature_count` meta tag, as the sample
corpus's petition pages do. Document i goes to archive i * K // N, so the archives are equal in
size and in input order.

Usage: make_scale_archives.py --count N --out DIR SEED.jsonl... [--archives 20]
Writes DIR/pipeline/pipeline.yml and DIR/pipeline/warc/scale-NNNNN.warc.gz.
"""

import argparse
import base64
import hashlib
import html
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_scale_documents as documents  # noqa: E402


def page(doc):
    """The HTML page of one scale document."""
    title = html.escape(doc.get("title") or doc["url"])
    head = [
        "<!doctype html>",
        f'<html lang="{html.escape(doc.get("lang") or "en")}"><head><meta charset="utf-8">',
        f"<title>{title}</title>",
        f'<link rel="canonical" href="{html.escape(doc["url"])}">',
    ]
    if doc.get("published_at"):
        head.append(f'<meta property="article:published_time" content="{doc["published_at"]}">')
    for counter in doc.get("counters") or []:
        if counter["kind"] == "signatures" and counter["origin"] == "meta":
            head.append(f'<meta name="petisi:signature_count" content="{counter["value"]}">')
    body = ["</head><body>", "<nav>"]
    outside = [link for link in doc.get("links") or [] if not link.get("in_main")]
    inside = [link for link in doc.get("links") or [] if link.get("in_main")]
    body += [f'<a href="{html.escape(l["url"])}">{html.escape(l.get("text") or "link")}</a>' for l in outside]
    body += ["</nav><main><article>", f"<h1>{title}</h1>"]
    body += [f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n") if p.strip()]
    if inside:
        anchors = " ".join(f'<a href="{html.escape(l["url"])}">{html.escape(l.get("text") or "link")}</a>' for l in inside)
        body.append(f"<p>{anchors}</p>")
    body.append("</article></main></body></html>\n")
    return "\n".join(head + body).encode("utf-8")


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def warc_record(fields, block):
    lines = ["WARC/1.1"] + [f"{k}: {v}" for k, v in fields] + [f"Content-Length: {len(block)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def response_record(doc):
    """One gzip member holding the document's WARC response record."""
    body = page(doc)
    http = (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("ascii") + body
    digest = hashlib.sha256(doc["id"].encode()).hexdigest()
    record_id = f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"
    fields = [
        ("WARC-Type", "response"),
        ("WARC-Record-ID", record_id),
        ("WARC-Date", doc["captured_at"]),
        ("WARC-Target-URI", doc["url"]),
        ("Content-Type", "application/http; msgtype=response"),
        ("WARC-Payload-Digest", sha1_b32(body)),
        ("WARC-Block-Digest", sha1_b32(http)),
    ]
    return gzip_member(warc_record(fields, http))


def gzip_member(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return compressor.compress(data) + compressor.flush()


def write_pipeline(folder, campaigns):
    documents.write_pipeline(folder, campaigns)
    path = os.path.join(folder, "pipeline.yml")
    text = open(path, encoding="utf-8").read()
    text = text.replace("inputs: []", "inputs:\n  - warc/*.warc.gz").replace(
        "Scale benchmark: replicated and perturbed parse output", "Scale benchmark: replicated and perturbed pages in WARC files"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    documents.add_arguments(parser, "folder for pipeline/ (pipeline.yml and warc/)")
    parser.add_argument("--archives", type=int, default=20)
    args = parser.parse_args()
    rng, seeds, vocabulary, campaigns = documents.setup(args)
    folder = os.path.join(args.out, "pipeline")
    os.makedirs(os.path.join(folder, "warc"), exist_ok=True)
    write_pipeline(folder, campaigns)
    current, handle, part = -1, None, None
    for i in range(args.count):
        doc = documents.make_document(i, seeds, vocabulary, campaigns, args.sites, rng)
        archive = i * args.archives // args.count
        if archive != current:
            if handle:
                handle.close()
                os.replace(part, part[: -len(".part")])
            current = archive
            part = os.path.join(folder, "warc", f"scale-{archive:05d}.warc.gz.part")
            handle = open(part, "wb")
        handle.write(response_record(doc))
    if handle:
        handle.close()
        os.replace(part, part[: -len(".part")])


if __name__ == "__main__":
    main()
