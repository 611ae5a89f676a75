"""Checks of scripts/conformance-pywb.sh on the folder it made (see there)."""
import base64
import collections
import glob
import hashlib
import json
import os
import re
import sys

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader

folder, port, warcs, isolation = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4]
base = f"http://127.0.0.1:{port}/"
problems = []


def b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def listing():
    """Every capture the collection's index lists, as (url, timestamp) -> CDX fields."""
    found = {}
    for path in glob.glob(folder + "/collections/demo/indexes/*.cdxj"):
        for line in open(path):
            _, stamp, fields = line.split(" ", 2)
            fields = json.loads(fields)
            found.setdefault((fields["url"], stamp), fields)
    return found


def original_digests(fields):
    """The original record's payload digest as written, and of its body de-chunked (or None)."""
    with open(os.path.join(folder, "collections/demo/archive", fields["filename"]), "rb") as stream:
        stream.seek(int(fields["offset"]))
        record = next(iter(ArchiveIterator(stream)))
        raw = record.raw_stream.read()
        written = record.rec_headers.get_header("WARC-Payload-Digest") or b32(raw)
        chunked = record.http_headers and "chunked" in (record.http_headers.get_header("Transfer-Encoding") or "")
        if chunked and raw:
            import io
            return written, b32(ChunkedDataReader(io.BytesIO(raw), decomp_type=None).read())
        return written, None


listed = listing()
wanted = {key: f for key, f in listed.items() if int(f.get("status", "0") or 0) < 400}
report = {}
for collection in ("demo", "paged"):
    summary = json.load(open(f"{folder}/fetch-{collection}.json"))
    fetched = collections.Counter()
    digest_equal = digest_dechunked = 0
    kinds = collections.Counter()
    for path in sorted(glob.glob(f"{folder}/out-{collection}/raw/*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, check_digests="raise"):
                h = record.rec_headers
                kinds[record.rec_type] += 1
                source = h.get_header("WARC-Source-URI")
                if source is not None and not source.startswith(base):
                    problems.append(f"{collection}: a capture came from {source}, outside {base}")
                if record.rec_type not in ("response", "revisit", "resource"):
                    continue
                stamp = "".join(c for c in h.get_header("WARC-Date") if c.isdigit())[:14]
                key = (h.get_header("WARC-Target-URI"), stamp)
                fetched[key] += 1
                if key not in wanted:
                    problems.append(f"{collection}: fetched {key}, which pywb does not list")
                    continue
                written, dechunked = original_digests(wanted[key])
                got = h.get_header("WARC-Payload-Digest")
                if got == written:
                    digest_equal += 1
                elif got == dechunked:
                    digest_dechunked += 1
                else:
                    problems.append(f"{collection}: payload digest of {key} is {got}, the original's {written}")
    # pywb serves some captures as another one (the target of an archived redirect to the same
    # page, e.g. http -> https); fetch says so with a capture-substituted warning.
    substituted = {}
    for line in open(f"{folder}/fetch-{collection}.log"):
        found = re.search(r"asked for (\S+) at (\d{14}), the replay server served (\S+) at (\d{14})", line)
        if found:
            substituted[(found[1], found[2])] = (found[3], found[4])
    missing = sorted(set(wanted) - set(fetched) - set(substituted))
    twice = sorted(k for k, n in fetched.items() if n > 1)
    if missing:
        problems.append(f"{collection}: {len(missing)} listed captures not fetched, e.g. {missing[:3]}")
    if twice:
        problems.append(f"{collection}: {len(twice)} captures fetched more than once, e.g. {twice[:3]}")
    report[collection] = (len(fetched), digest_equal, digest_dechunked, dict(kinds), summary, len(substituted))


def documents(path):
    docs = {}
    for line in open(path):
        doc = json.loads(line)
        docs[(doc["url"], doc.get("captured_at"))] = (doc.get("title"), doc.get("text"))
    return docs


originals = documents(f"{folder}/originals.jsonl")
for collection in ("demo", "paged"):
    fetched_docs = documents(f"{folder}/fetched-{collection}.jsonl")
    keys = set(originals) & {k for k in originals if (k[0], "".join(c for c in (k[1] or "") if c.isdigit())[:14]) in wanted}
    differ = [k for k in keys if fetched_docs.get(k) != originals[k]]
    extra = set(fetched_docs) - set(originals)
    if differ:
        problems.append(f"{collection}: {len(differ)} of {len(keys)} documents differ from the originals', e.g. {sorted(differ)[:2]}")
    if extra:
        problems.append(f"{collection}: {len(extra)} documents not among the originals', e.g. {sorted(extra)[:2]}")
    report[collection] += (len(keys), len(fetched_docs))

if problems:
    print("conformance-pywb:\n  " + "\n  ".join(problems[:40]), file=sys.stderr)
    sys.exit(1)
print(f"conformance-pywb: pywb on 127.0.0.1 ({isolation}), WARCs from SHARED/data/warc: {', '.join(warcs)}")
print(f"  pywb lists {len(listed)} captures ({len(wanted)} with a status below 400)")
for collection, (count, equal, dechunked, kinds, summary, substituted, docs, fetched_docs) in report.items():
    label = "plain CDXJ index" if collection == "demo" else "paged zipnum index"
    print(
        f"  {label}: fetched {count} captures once each ({kinds}); {substituted} served by pywb as another "
        f"listed capture (capture-substituted); payload digest equal to the original record's: "
        f"{equal}, equal to its de-chunked body: {dechunked}; parse: {docs} documents equal to the originals' "
        f"({fetched_docs} from the fetched WARCs); fetch summary: fetched {summary['fetched']}, "
        f"failed {summary['failed']}, CDX digests matched {summary['digests_matched']}, "
        f"de-chunked {summary['digests_dechunked']}, differed {summary['digest_mismatches']}")
print("  warcio check and our reader (slackscore index) accepted every file")
