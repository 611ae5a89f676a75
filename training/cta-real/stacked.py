#!/usr/bin/env python3
"""A learned second stage over the detector's verdicts on page sentences: does it carry to unseen pages?

Every labelled English page sentence (the kept page sets, out/cta-real/extra-freshpg*.jsonl, and
SHARED's page sentences, both splits) is judged in its page by a given build of `slackscore`
(`eval-cta --show-errors` on a copy in which every sentence is marked an ask, so that every verdict
is printed with the gate's view). A logistic regression then learns, from every set but the one held
out, the labels from the sentence's words (1-2-grams) and what the detector said of it: its cues, its
acts, whether it addresses the reader, its exclusion, whether it was emitted and the model's
probability (in tenths), and its first word. The held-out set is scored by the rules alone and by the
second stage at several thresholds ("only": the stage decides; "or": it adds asks to the rules').

Held out honestly, the build must predate the held-out set's labels: `--test freshpg70 --bin` a build
of c007069, `--test freshpg68` of 404210f, `--test freshpg69` of 27d1d9a (the first-look builds of
docs/extract-figures.md), and `--exclude` the sets labelled after the build.

Not part of `make`: it needs scikit-learn from PyPI
(python3 -m venv .venv-baseline && .venv-baseline/bin/pip install scikit-learn).

Several sets, each with its own build, are held out in turn and pooled with `--case SET=BUILD`
(repeatable) instead of `--bin` and `--test`: the table of docs/extract-figures.md (twenty-eighth
session, five sets, every other set in training) is

    stacked.py --thresholds 0.8,0.85,0.9 --case freshpg70=S37/slackscore --case freshpg71=S37/slackscore \
        --case freshpg72=S37/slackscore --case freshpg68=S36/slackscore --case freshpg69=P27/slackscore

with S37, S36 and P27 builds of c007069, 404210f and 27d1d9a.

Usage: stacked.py (--bin BUILD/slackscore --test SET | --case SET=BUILD ...) [--exclude SET ...]
                  [--real out/cta-real] [--thresholds 0.7,0.8,0.85,0.9,0.95]
"""

import argparse
import glob
import json
import os
import re
import subprocess
import tempfile

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

VIEW = re.compile(r"addr=(\d) act=(\S*) excl=(\S*) cues=(\S*)")


def labelled_page_sentences(real):
    """(set, id, label, item with label 1) of every English page sentence of the materialised data."""
    files = sorted(glob.glob(os.path.join(real, "extra-*.jsonl"))) + [os.path.join(real, "page-sentences.jsonl")]
    out = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                if item.get("source_kind") != "page_sentence" or item.get("lang") != "en":
                    continue
                name = item.get("set") or "shared"
                key = f"{name}|{item['split']}|{item['id']}"
                marked = dict(item, id=key, label=1, category="hashtag", split="test", set="all")
                out.append((name, key, item["label"], marked))
    return out


def verdicts(binary, items):
    """The build's verdict on every item: key → (emitted, probability, addr, acts, exclusion, cues)."""
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(work, "extra-all.jsonl"), "w", encoding="utf-8") as f:
            for _, _, _, marked in items:
                f.write(json.dumps(marked, ensure_ascii=False) + "\n")
        printed = subprocess.run([binary, "eval-cta", "-q", "--data", work, "--show-errors"],
                                 capture_output=True, text=True, check=True).stdout
    out = {}
    for line in printed.splitlines():
        fields = line.split("\t")
        if len(fields) < 8 or fields[0] not in ("fn", "category"):
            continue
        view = VIEW.match(fields[6])
        out[fields[2]] = (fields[0] == "category", int(fields[3][2:]), view[1], view[2], view[3], view[4])
    return out


def features(text, verdict):
    emitted, probability, addr, acts, exclusion, cues = verdict
    words = re.findall(r"[a-z']+", text.lower())
    meta = [f"C_{c}" for c in cues.split(",") if c] + [f"A_{a}" for a in acts.split("+") if a]
    meta += [f"ADDR{addr}", f"EX_{exclusion}", f"PRED{int(emitted)}", f"P{probability // 10}",
             f"F_{words[0] if words else '-'}"]
    return text.lower(), " ".join(meta)


def score(emitted, gold):
    hits = int((emitted & (gold == 1)).sum())
    return f"P {hits / max(int(emitted.sum()), 1):.3f} R {hits / int(gold.sum()):.3f} ({hits} of {int(emitted.sum())} emitted, {int(gold.sum())} asks)"


def held_out(items, seen, test_set, exclude, thresholds):
    """(gold, rules' verdicts, the stage's verdict per threshold) of `test_set`, the stage trained on the rest."""
    train = [(features(m["text"], seen[k]), y) for s, k, y, m in items
             if s != test_set and s not in exclude and k in seen]
    test = [(features(m["text"], seen[k]), y, seen[k][0]) for s, k, y, m in items if s == test_set and k in seen]
    words = CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True)
    meta = CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False)
    x = hstack([words.fit_transform([f[0] for f, _ in train]), meta.fit_transform([f[1] for f, _ in train])]).tocsr()
    xt = hstack([words.transform([f[0] for f, _, _ in test]), meta.transform([f[1] for f, _, _ in test])]).tocsr()
    model = LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced")
    model.fit(x, np.array([y for _, y in train]))
    p = model.predict_proba(xt)[:, 1]
    gold = np.array([y for _, y, _ in test])
    rules = np.array([e for _, _, e in test])
    return gold, rules, {t: p >= t for t in thresholds}


def report(name, gold, rules, stage):
    print(f"{name}: rules alone {score(rules, gold)}")
    for t, emitted in stage.items():
        print(f"  stage p >= {t:.2f}: only {score(emitted, gold)} | or {score(rules | emitted, gold)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", help="a slackscore build that predates the held-out set's labels")
    ap.add_argument("--test", help="the set held out (e.g. freshpg70)")
    ap.add_argument("--case", action="append", default=[], metavar="SET=BUILD",
                    help="a set held out with its build (repeatable; the results are pooled too)")
    ap.add_argument("--exclude", nargs="*", default=[], help="sets left out of training (labelled after the build)")
    ap.add_argument("--real", default="out/cta-real", help="materialised real data (make cta-real)")
    ap.add_argument("--thresholds", default="0.7,0.8,0.85,0.9,0.95")
    args = ap.parse_args()
    cases = [tuple(c.split("=", 1)) for c in args.case]
    if args.test and args.bin:
        cases.append((args.test, args.bin))
    if not cases:
        ap.error("give --bin and --test, or --case SET=BUILD")
    thresholds = [float(v) for v in args.thresholds.split(",")]
    items = labelled_page_sentences(args.real)
    seen_by_build = {}
    pooled = None
    for test_set, binary in cases:
        if binary not in seen_by_build:
            seen_by_build[binary] = verdicts(binary, items)
        gold, rules, stage = held_out(items, seen_by_build[binary], test_set, args.exclude, thresholds)
        report(test_set, gold, rules, stage)
        if pooled is None:
            pooled = (gold, rules, stage)
        else:
            pooled = (np.concatenate([pooled[0], gold]), np.concatenate([pooled[1], rules]),
                      {t: np.concatenate([pooled[2][t], stage[t]]) for t in thresholds})
    if len(cases) > 1:
        report(f"the {len(cases)} pooled", *pooled)


if __name__ == "__main__":
    main()
