#!/usr/bin/env python3
"""Times trafilatura on a folder of real pages (.html or .html.gz), for bench/bench-25-real-pages.sh.

  time_trafilatura_pages.py DIR        prints {"pages", "bytes", "cpu", "seconds", "version"} as JSON

The settings are those of trafilatura's own evaluation (no comments, tables kept, the fallback
extractors on), and pages are given as bytes so that trafilatura detects their encoding itself.
Pages are read and decompressed before the clock starts; importing trafilatura is not timed.
"""
import gzip
import json
import os
import sys
import time

import trafilatura


def main():
    folder = sys.argv[1]
    names = sorted(n for n in os.listdir(folder) if n.endswith((".html", ".htm", ".html.gz", ".htm.gz")))
    pages = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        pages.append(gzip.decompress(data) if name.endswith(".gz") else data)
    start, cpu = time.perf_counter(), time.process_time()
    for page in pages:
        trafilatura.extract(page, include_comments=False, include_tables=True, no_fallback=False)
    print(json.dumps({"pages": len(pages), "bytes": sum(map(len, pages)),
                      "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                      "version": getattr(trafilatura, "__version__", "?")}))


if __name__ == "__main__":
    main()
