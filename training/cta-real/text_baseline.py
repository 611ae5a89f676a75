#!/usr/bin/env python3
"""A text-only baseline for the fresh sets: is a plain classifier on the words better than the gate?

For each real set kept outside SHARED (out/cta-real/extra-SET.jsonl), fit a logistic regression on
character 2-5-grams and word 1-2-grams (TF-IDF, balanced classes) of every other fresh set and the
shared Indonesian tweets (id-tweets.jsonl, all splits), with no lexicon, gate or cue, and score the
left-out set at several thresholds; pooled over the sets, as `loso.py` and `make eval` print it
(docs/extract-figures.md, "Figures (ninth session …)"). It answers whether the labels alone, without the
detector's rules, carry to a set never seen.

Not part of `make`: it needs scikit-learn from PyPI
(python3 -m venv .venv-baseline && .venv-baseline/bin/pip install scikit-learn).

Usage: text_baseline.py [--real out/cta-real] [--thresholds 0.3,0.4,0.5,0.6,0.7]
"""

import argparse
import glob
import json
import os

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_union

from loso import f1, figures


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--real", default="out/cta-real", help="materialised real data (make cta-real)")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    args = ap.parse_args()
    sets = {os.path.basename(f)[len("extra-"):-len(".jsonl")]: read(f)
            for f in sorted(glob.glob(os.path.join(args.real, "extra-*.jsonl")))}
    shared_path = os.path.join(args.real, "id-tweets.jsonl")
    shared = read(shared_path) if os.path.exists(shared_path) else []
    thresholds = [float(t) for t in args.thresholds.split(",")]
    scored = {}
    for held, test in sets.items():
        train = shared + [row for name, rows in sets.items() if name != held for row in rows]
        features = make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True),
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True))
        x = features.fit_transform([row["text"] for row in train])
        model = LogisticRegression(class_weight="balanced", max_iter=2000)
        model.fit(x, [row["label"] for row in train])
        scored[held] = list(zip(model.predict_proba(features.transform([r["text"] for r in test]))[:, 1],
                                [row["label"] for row in test]))
    for threshold in thresholds:
        tp = fp = fn = 0
        per_set = []
        for name, pairs in scored.items():
            t = sum(1 for p, y in pairs if p >= threshold and y)
            f = sum(1 for p, y in pairs if p >= threshold and not y)
            n = sum(1 for p, y in pairs if p < threshold and y)
            per_set.append(f"{name}:{f1(t, f, n):.3f}")
            tp, fp, fn = tp + t, fp + f, fn + n
        print(f"threshold {threshold}: pooled {figures(tp, fp, fn)}  " + " ".join(per_set))


if __name__ == "__main__":
    main()
