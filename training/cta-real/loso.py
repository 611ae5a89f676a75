#!/usr/bin/env python3
"""Leave one set out: would training on the fresh sets' labels help on a set never trained on?

For each real set kept outside SHARED (out/cta-real/extra-SET.jsonl, written by materialise.py), train
the call-to-action model on everything `make train-cta` trains on PLUS every other fresh set (all of
its posts as split=train), then score the left-out set with those weights. Pooled over the sets, this
is the figure to compare with `make eval`'s pooled line (the shipped weights, which never saw a fresh
set): if it is not higher, adding the fresh labels to training would not carry to a new set
(docs/extract-figures.md, "Figures (ninth session …)").

Usage: loso.py --bin .build/release/slackscore --real out/cta-real [--data training/cta]
               [--reddit CSV] [--work DIR] [-- TRAIN-CTA OPTIONS …]
Prints one line per set (F1, P, R) and the pooled line. Standard library only.
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def counts(errors_tsv, asks):
    """(tp, fp, fn) from eval-cta --show-errors lines of one set."""
    fp = fn = 0
    for line in errors_tsv.splitlines():
        kind = line.split("\t", 1)[0]
        fp += kind == "fp"
        fn += kind == "fn"
    return asks - fn, fp, fn


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def figures(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"F1={f1(tp, fp, fn):.3f} P={p:.3f} R={r:.3f} (tp {tp}, fp {fp}, fn {fn})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the slackscore binary")
    ap.add_argument("--real", default="out/cta-real", help="materialised real data (make cta-real)")
    ap.add_argument("--data", default="training/cta", help="the project's own sentences")
    ap.add_argument("--reddit", help="Reddit collective-action CSV, as make train-cta passes it")
    ap.add_argument("--work", help="folder for the per-set data and weights (default: a temporary one)")
    ap.add_argument("train_options", nargs="*", help="options passed on to train-cta (after --)")
    args = ap.parse_args()

    extras = sorted(glob.glob(os.path.join(args.real, "extra-*.jsonl")))
    if len(extras) < 2:
        sys.exit(f"loso: {args.real} holds {len(extras)} extra-SET.jsonl files; two or more are needed "
                 "(make cta-real with CTA_EXTRA set)")
    base = [f for f in glob.glob(os.path.join(args.real, "*.jsonl")) if f not in extras]
    work = args.work or tempfile.mkdtemp(prefix="loso-")
    total = [0, 0, 0]
    for held in extras:
        name = os.path.basename(held)[len("extra-"):-len(".jsonl")]
        train_dir = os.path.join(work, name, "train")
        test_dir = os.path.join(work, name, "test")
        for d in (train_dir, test_dir):
            shutil.rmtree(d, ignore_errors=True)
            os.makedirs(d)
        for f in base:
            shutil.copy(f, train_dir)
        for f in extras:
            if f == held:
                shutil.copy(f, test_dir)
                continue
            with open(f, encoding="utf-8") as src, \
                    open(os.path.join(train_dir, os.path.basename(f)), "w", encoding="utf-8") as dst:
                for line in src:
                    row = json.loads(line)
                    row["split"] = "train"
                    dst.write(json.dumps(row, ensure_ascii=False) + "\n")
        model = os.path.join(work, name, "model.json")
        train = [args.bin, "train-cta", "-q", "--data", args.data, "--data", train_dir, "-o", model]
        if args.reddit:
            train += ["--reddit", args.reddit]
        subprocess.run(train + args.train_options, check=True)
        shown = subprocess.run(
            [args.bin, "eval-cta", "-q", "--model", model, "--data", test_dir, "--show-errors"],
            check=True, capture_output=True, text=True).stdout
        with open(held, encoding="utf-8") as f:
            asks = sum(json.loads(line)["label"] for line in f)
        tp, fp, fn = counts(shown, asks)
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        print(f"{name}: {figures(tp, fp, fn)}", flush=True)
    print(f"pooled over {len(extras)} sets, each left out: {figures(*total)}")


if __name__ == "__main__":
    main()
