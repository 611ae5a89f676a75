"""Builds a ZipNum (paged) CDX index from CDXJ files, as pywb and the Wayback Machine serve it.

usage: zipnum-index.py OUT_FOLDER LINES_PER_BLOCK INDEX.cdxj...

Writes OUT_FOLDER/index.idx (the summary: first key of each block, TAB, shard, offset, length,
block number), OUT_FOLDER/index.loc (shard name TAB path) and OUT_FOLDER/index-shard.cdx.gz
(the sorted lines, one gzip member per block). A pywb collection whose indexes/ folder holds
index.idx serves it as a zipnum index: `showNumPages=true` counts pages and `page=N` reads one.
"""
import gzip
import os
import sys

out, per_block, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
lines = sorted(line for path in sources for line in open(path, "rb") if line.strip() and not line.startswith(b"!"))
os.makedirs(out, exist_ok=True)
shard = "index-shard.cdx.gz"
summary, offset = [], 0
with open(os.path.join(out, shard), "wb") as stream:
    for number, start in enumerate(range(0, len(lines), per_block)):
        block = b"".join(lines[start : start + per_block])
        member = gzip.compress(block, mtime=0)
        key = b" ".join(lines[start].split(b" ", 2)[:2]).decode()
        summary.append(f"{key}\t{shard}\t{offset}\t{len(member)}\t{number}\n")
        stream.write(member)
        offset += len(member)
with open(os.path.join(out, "index.idx"), "w") as stream:
    stream.writelines(summary)
with open(os.path.join(out, "index.loc"), "w") as stream:
    stream.write(f"{shard}\t{os.path.abspath(os.path.join(out, shard))}\n")
print(f"zipnum-index: {len(lines)} lines in {len(summary)} blocks of {per_block}")
