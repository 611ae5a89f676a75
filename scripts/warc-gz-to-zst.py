#!/usr/bin/env python3
"""Converts a .warc.gz to a .warc.zst in the IIPC WARC zstd profile: each gzip member (one
record, in a usual .warc.gz) becomes its own zstd frame, made by the `zstd` command-line tool.
With --dictionary, a dictionary is trained on the records (`zstd --train`), stored
zstd-compressed in a skippable frame (magic 0x184D2A5D) at the start, and used for every frame.

    usage: warc-gz-to-zst.py IN.warc.gz OUT.warc.zst [--dictionary]
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib


def members(data):
    """The decompressed bytes of each gzip member, in order."""
    while data:
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = decoder.decompress(data) + decoder.flush()
        yield out
        data = decoder.unused_data
        while data[:1] == b"\0":
            data = data[1:]


def zstd(args, data):
    return subprocess.run(["zstd", "-q", "-c", *args], input=data, stdout=subprocess.PIPE, check=True).stdout


def main():
    source, target = sys.argv[1], sys.argv[2]
    with open(source, "rb") as f:
        records = list(members(f.read()))
    out = bytearray()
    args = []
    with tempfile.TemporaryDirectory() as work:
        if "--dictionary" in sys.argv[3:]:
            samples = []
            for i, record in enumerate(records):
                path = os.path.join(work, f"sample-{i}")
                with open(path, "wb") as f:
                    f.write(record)
                samples.append(path)
            dictionary = os.path.join(work, "dictionary")
            size = max(1024, min(65536, sum(map(len, records)) // 20))
            subprocess.run(
                ["zstd", "-q", "--train", *samples, f"--maxdict={size}", "-o", dictionary],
                check=True, stderr=subprocess.DEVNULL)
            with open(dictionary, "rb") as f:
                packed = zstd([], f.read())
            out += struct.pack("<II", 0x184D2A5D, len(packed)) + packed
            args = ["-D", dictionary]
        for record in records:
            out += zstd(args, record)
    with open(target, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
