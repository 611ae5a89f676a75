#!/usr/bin/env python3
"""slackscore on Spark: parse and extract per archive on the executors, score as the merge.

Each archive is one task: the executor runs `slackscore parse --shards` and `slackscore extract
--shards` on it, which write (or find already written) the archive's shards, named by its content
digest, in the shard folder. The driver then runs `slackscore score --shards` over the list of
shards in input order: it merges them into documents.jsonl, rejects.jsonl and ctas.jsonl (marking
publisher boilerplate across all archives) and scores, giving the campaigns.json `slackscore run`
gives for the same archives.

    spark-submit [--master local[2]] spark/slackscore_spark.py --pipeline pipelines/NAME \\
        --out out/NAME-spark [--binary .build/release/slackscore] [ARCHIVE ...]

Archives default to the pipeline's inputs (`slackscore inputs`). An archive given as a Hadoop URI
(hdfs://, s3a://, ...) is copied to the executor's disk with `hadoop fs -copyToLocal` first (the
`hadoop` command must be on the workers), under staged/SCHEME/HOST/PATH in its working folder.
The shard folder must be one every executor and the driver can read and write (a shared file
system); see docs/scale.md.
"""

import argparse
import os
import shutil
import subprocess
import sys


def find_binary(given):
    """The slackscore binary: the path given (installed on every worker), else the file shipped
    with `spark-submit --files slackscore`, else `slackscore` on the PATH."""
    if given and os.path.exists(given):
        return os.path.abspath(given)
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get("slackscore")
        if os.path.exists(shipped):
            os.chmod(shipped, 0o755)
            return shipped
    except Exception:  # no SparkContext on this side, or nothing shipped
        pass
    found = shutil.which("slackscore")
    if found:
        return found
    raise RuntimeError("no slackscore binary: give --binary PATH (on every worker) or ship it with --files")


def local_copy(archive):
    """A local path for `archive`: itself, or a copy of a Hadoop URI under staged/."""
    if archive.startswith("file://"):
        return archive[len("file://"):]
    if "://" not in archive:
        return archive
    scheme, rest = archive.split("://", 1)
    local = os.path.join("staged", scheme, rest.lstrip("/"))
    if not os.path.exists(local):
        os.makedirs(os.path.dirname(local), exist_ok=True)
        partial = local + ".part"
        run(["hadoop", "fs", "-copyToLocal", "-f", archive, partial])
        os.replace(partial, local)
    return local


def run(command):
    """Runs a command; its stderr goes to the task's log, a failure fails the task."""
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.stderr:
        sys.stderr.write(done.stderr)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.strip()[-2000:]}")
    return done.stdout


def make_shards(binary, shards, archive, jobs):
    """Parse and extract shards of one archive (reused when already made); its shard line."""
    path = local_copy(archive)
    threads = ["--jobs", str(jobs)]
    line = run([find_binary(binary), "parse", "--quiet", "--shards", shards, *threads, path]).strip()
    run([find_binary(binary), "extract", "--quiet", "--shards", shards, *threads, path])
    return line


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pipeline", required=True, help="the pipeline folder (pipelines/NAME)")
    parser.add_argument("--out", required=True, help="output folder (out/NAME-spark)")
    parser.add_argument("--shards", help="shard folder every executor and the driver reach (default: OUT/shards)")
    parser.add_argument("--binary", help="slackscore on every worker (default: shipped with --files, or on PATH)")
    parser.add_argument("--task-jobs", type=int, default=1, help="threads per task (default 1: a task per core)")
    parser.add_argument("--named-as", help="name OUT's files in campaigns.json as if in this folder (out/NAME)")
    parser.add_argument("archives", nargs="*", help="archive paths or URIs (default: the pipeline's inputs)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("slackscore").getOrCreate()
    context = spark.sparkContext
    binary = find_binary(args.binary)
    shards = os.path.abspath(args.shards or os.path.join(args.out, "shards"))
    os.makedirs(shards, exist_ok=True)
    archives = args.archives or run([binary, "inputs", "--pipeline", args.pipeline]).splitlines()
    if not archives:
        raise SystemExit("no archives")
    given, jobs = args.binary, args.task_jobs
    lines = (
        context.parallelize(list(enumerate(archives)), len(archives))
        .map(lambda item: (item[0], make_shards(given, shards, item[1], jobs)))
        .collect()
    )
    listing = os.path.join(args.out, "shards.list")
    with open(listing, "w", encoding="utf-8") as out:
        for _, line in sorted(lines):
            out.write(line + "\n")
    score = [binary, "score", "--quiet", "--pipeline", args.pipeline, "--out", args.out]
    score += ["--shards", shards, "--shard-list", listing]
    if args.named_as:
        score += ["--output-named-as", args.named_as]
    run(score)
    run([binary, "report", "--quiet", os.path.join(args.out, "campaigns.json"), "-o",
         os.path.join(args.out, "report.html")])
    spark.stop()
    print(f"slackscore on Spark: {len(archives)} archives; outputs in {args.out}")


if __name__ == "__main__":
    main()
