#!/usr/bin/env python3
"""Times read commands over one WARC: interleaved runs, medians of wall time,
records/s, MB/s (uncompressed) and peak RSS (from /usr/bin/time), then ratios
against the first tool, then the first tool on a half-size file (peak RSS must not
grow with the file size)."""
import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import zlib


def uncompressed_size_and_records(path):
    size = 0
    records = 0
    with open(path, "rb") as f:
        d = zlib.decompressobj(31)
        while True:
            chunk = f.read(1 << 22)
            if not chunk:
                break
            while chunk:
                out = d.decompress(chunk)
                size += len(out)
                records += out.count(b"WARC/1.")
                if d.eof:
                    chunk = d.unused_data
                    d = zlib.decompressobj(31)
                else:
                    chunk = b""
    return size, records


def run(command):
    with tempfile.NamedTemporaryFile("r") as t:
        argv = ["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + shlex.split(command)
        out = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if out.returncode != 0:
            sys.exit(f"failed: {command}\n{out.stderr}")
        wall, user, sys_, rss = t.read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss) / 1024.0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--file", required=True)
    p.add_argument("--half")
    p.add_argument("--tool", action="append", required=True, help="name=command with {file}")
    a = p.parse_args()
    tools = [t.split("=", 1) for t in a.tool]
    size, records = uncompressed_size_and_records(a.file)
    mb = size / 1e6
    print(f"file: {a.file}  records: {records}  uncompressed: {mb:.1f} MB  runs: {a.runs} (interleaved)")
    results = {name: [] for name, _ in tools}
    for _ in range(a.runs):
        for name, command in tools:
            results[name].append(run(command.format(file=a.file)))
    print(f"{'tool':<11} {'wall s':>7} {'rec/s':>8} {'MB/s':>7} {'CPU s':>7} {'rec/CPU-s':>9} {'peak RSS MB':>11}")
    medians = {}
    for name, _ in tools:
        wall = statistics.median(r[0] for r in results[name])
        cpu = statistics.median(r[1] for r in results[name])
        rss = statistics.median(r[2] for r in results[name])
        medians[name] = (wall, cpu, rss)
        print(f"{name:<11} {wall:7.2f} {records / wall:8.0f} {mb / wall:7.0f} {cpu:7.2f} {records / cpu:9.0f} {rss:11.1f}")
    first = tools[0][0]
    for name, _ in tools[1:]:
        print(f"ratio {first}/{name}: records/s (wall) x{medians[name][0] / medians[first][0]:.2f}, "
              f"per CPU-second x{medians[name][1] / medians[first][1]:.2f}")
    if a.half:
        command = tools[0][1].format(file=a.half)
        half = [run(command) for _ in range(a.runs)]
        half_rss = statistics.median(r[2] for r in half)
        half_size, half_records = uncompressed_size_and_records(a.half)
        print(f"{first} peak RSS: {half_rss:.1f} MB on {half_size / 1e6:.0f} MB ({half_records} records), "
              f"{medians[first][2]:.1f} MB on {mb:.0f} MB ({records} records)")


if __name__ == "__main__":
    main()
