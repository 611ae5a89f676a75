"""Reads a WARC with FastWARC the way `slackscore index` does: every record, its type,
target URI, date, HTTP status and content type. Prints `records N html M`."""
import sys

from fastwarc.warc import ArchiveIterator

records = html = 0
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream, parse_http=True):
        records += 1
        headers = record.headers
        _ = (headers.get("WARC-Target-URI"), headers.get("WARC-Date"), headers.get("WARC-Payload-Digest"),
             record.record_id)
        if record.http_headers is not None:
            _ = record.http_headers.status_code
            if "html" in (record.http_headers.get("Content-Type") or ""):
                html += 1
print(f"records {records} html {html}")
