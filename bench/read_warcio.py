"""Reads a WARC with warcio the way `slackscore index` does: every record, its type,
target URI, date, HTTP status and content type. Prints `records N html M`."""
import sys

from warcio.archiveiterator import ArchiveIterator

records = html = 0
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream):
        records += 1
        headers = record.rec_headers
        _ = (headers.get_header("WARC-Target-URI"), headers.get_header("WARC-Date"),
             headers.get_header("WARC-Payload-Digest"), headers.get_header("WARC-Record-ID"))
        if record.rec_type == "response" and record.http_headers is not None:
            _ = record.http_headers.get_statuscode()
            if "html" in (record.http_headers.get_header("Content-Type") or ""):
                html += 1
print(f"records {records} html {html}")
