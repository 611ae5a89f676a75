#!/usr/bin/env python3
"""Make the tweet labels again: the paperwork around the people who read the tweets.

The tweet labels live outside the repository (the tweet data's README forbids copying labels made of
it), so a new machine starts without them. This script does the parts of LABELLING.md's procedure
that are not reading: it pages the tweets into files for the first-pass labellers, gathers the
candidates for the two blind passes, and combines the three passes into the label files that
`materialise.py` reads. Every label is decided by a person reading the post; nothing here looks at
words to decide one.

    relabel.py prepare    --shared SHARED --work WORK        # WORK/id-chunk{1..5}.tsv, WORK/en-sample.tsv
    (first pass: one labeller per file writes WORK/out/id-pass1-chunkN.csv, WORK/out/en-pass1.csv)
    relabel.py candidates --work WORK --flags FLAGS_DIR
                                                           # WORK/{id,en}-blind.tsv
    (two blind passes label every line: WORK/out/{id,en}-blind{A,B}.csv)
    relabel.py combine    --work WORK --labels CTA_LABELS  # CTA_LABELS/{id-tweets,en-crisis-tweets}.csv

FLAGS_DIR holds one file per language, `id.txt` and `en.txt`, with the ids the shipped detector flags
(`slackscore eval-cta --show-errors` on the tweets labelled all negative; `make relabel-candidates`
does it). Candidates for the blind passes: every tweet a first-pass labeller listed (asks, reported
asks, close negatives), every detector flag, and a fixed-hash sample of tweets with a cue word
(150 Indonesian, 100 English): the cue words only widen the sample, they decide nothing.

The label of a candidate is the majority of the three passes (a first-pass labeller who did not list
a tweet said 0); its category the most frequent among those who said 1 (a tie goes to blind pass A's
choice, else the higher effort); every other tweet is 0. Cohen's kappa between the passes is printed.
The instructions given to the labellers are `prompts/pass1.md` and `prompts/blind.md`.
Standard library only.
"""

import argparse
import collections
import csv
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from materialise import normalise_tweet  # noqa: E402
import posts_tsv  # noqa: E402

ID_CHUNKS = 5
EN_CUED, EN_UNCUED = 800, 400
ID_EXTRA, EN_EXTRA = 150, 100
EFFORT = {"share": 1, "follow": 1, "hashtag": 1, "sign": 2, "boycott": 2, "buy": 2, "donate": 3,
          "contact": 3, "volunteer": 4, "vote": 4, "attend": 5}
FIELDS = ["id", "label", "category", "reported", "lang", "note"]

# Words that make a tweet worth a second look in the samples; never a label.
CUE = {
    "id": re.compile(r"\b(ayo|yuk|mari|pilih\w*|coblos|boikot\w*|share|sebar\w*|rt|retweet|follow|ikuti|"
                     r"donasi|sumbang\w*|bantu|datang|hadir|dukung|tanda ?tangan\w*|petisi|jangan|tolong|"
                     r"mohon|beli|gabung|relawan)\b", re.I),
    "en": re.compile(r"\b(rt|retweet|please|pls|plz|donat\w*|text|sms|give|giving|volunteer\w*|help|sign|"
                     r"join|follow|share|spread|call|contact|send|drop off|needed|need|support|vote|"
                     r"boycott|buy|attend|come|bring|visit|pray)\b", re.I),
}
# The narrower English list that picks the blind passes' extra sample.
SECOND_LOOK = {
    "id": CUE["id"],
    "en": re.compile(r"\b(rt|retweet|please|pls|donat\w*|text|give|volunteer\w*|help|sign|join|follow|share|"
                     r"spread|send|need\w*|support)\b", re.I),
}


def stable_hash(key):
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16)


def tweets(shared, name):
    path = os.path.join(shared, "data", "cta-real-dev", name)
    with open(path, newline="", encoding="utf-8") as f:
        return [(r["id"], normalise_tweet(r["text"])) for r in csv.DictReader(f)]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f if line.strip()]


def prepare(args):
    os.makedirs(os.path.join(args.work, "out"), exist_ok=True)
    ids = tweets(args.shared, "id-tweets.csv")
    size = (len(ids) + ID_CHUNKS - 1) // ID_CHUNKS
    for k in range(ID_CHUNKS):
        posts_tsv.write(os.path.join(args.work, f"id-chunk{k + 1}.tsv"), ids[k * size:(k + 1) * size])
    en = tweets(args.shared, "en-crisis-tweets.csv")
    cued = sorted((t for t in en if CUE["en"].search(t[1])), key=lambda t: stable_hash("en-cue:" + t[0]))
    uncued = sorted((t for t in en if not CUE["en"].search(t[1])), key=lambda t: stable_hash("en-nocue:" + t[0]))
    sample = sorted(cued[:EN_CUED] + uncued[:EN_UNCUED], key=lambda t: stable_hash("en-order:" + t[0]))
    posts_tsv.write(os.path.join(args.work, "en-sample.tsv"), sample)
    print(f"relabel: {len(ids)} Indonesian tweets in {ID_CHUNKS} chunks of {size}; "
          f"{len(sample)} English tweets ({EN_CUED} with a cue word, {EN_UNCUED} without)", file=sys.stderr)


def first_pass_files(work, lang):
    out = os.path.join(work, "out")
    if lang == "id":
        return [os.path.join(out, f"id-pass1-chunk{k + 1}.csv") for k in range(ID_CHUNKS)]
    return [os.path.join(out, "en-pass1.csv")]


def population(work, lang):
    if lang == "id":
        rows = []
        for k in range(ID_CHUNKS):
            rows += read_tsv(os.path.join(work, f"id-chunk{k + 1}.tsv"))
        return rows
    return read_tsv(os.path.join(work, "en-sample.tsv"))


def candidates(args):
    for lang, extra in (("id", ID_EXTRA), ("en", EN_EXTRA)):
        rows = population(args.work, lang)
        listed = set()
        for path in first_pass_files(args.work, lang):
            if not os.path.exists(path):
                sys.exit(f"relabel: {path} missing: the first pass is not finished")
            listed |= set(posts_tsv.read_labels(path))
        flag_path = os.path.join(args.flags, f"{lang}.txt")
        with open(flag_path, encoding="utf-8") as f:
            flagged = {line.strip() for line in f if line.strip()}
        chosen = listed | flagged
        rest = sorted((i for i, t in rows if i not in chosen and SECOND_LOOK[lang].search(t)),
                      key=lambda i: stable_hash(f"{lang}-b:" + i))
        chosen |= set(rest[:extra])
        texts = dict(rows)
        blind = sorted(chosen, key=lambda i: stable_hash("blind:" + i))
        posts_tsv.write(os.path.join(args.work, f"{lang}-blind.tsv"), [(i, texts[i]) for i in blind if i in texts])
        print(f"relabel: {lang}: {len(blind)} candidates ({len(listed)} listed in the first pass, "
              f"{len(flagged)} detector flags, {min(extra, len(rest))} sampled)", file=sys.stderr)


def kappa(a, b, ids):
    n = len(ids)
    agree = sum(a[i] == b[i] for i in ids) / n
    pa, pb = sum(a[i] for i in ids) / n, sum(b[i] for i in ids) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def label_of(passes, ident):
    return [int((p.get(ident) or {}).get("label") or 0) for p in passes]


def combine(args):
    os.makedirs(args.labels, exist_ok=True)
    targets = {"id": "id-tweets.csv", "en": "en-crisis-tweets.csv"}
    for lang, name in targets.items():
        first = {}
        for path in first_pass_files(args.work, lang):
            first.update(posts_tsv.read_labels(path))
        blind_a = posts_tsv.read_labels(os.path.join(args.work, "out", f"{lang}-blindA.csv"))
        blind_b = posts_tsv.read_labels(os.path.join(args.work, "out", f"{lang}-blindB.csv"))
        cands = [i for i, _ in read_tsv(os.path.join(args.work, f"{lang}-blind.tsv"))]
        missing = [i for i in cands if i not in blind_a or i not in blind_b]
        if missing:
            sys.exit(f"relabel: {lang}: {len(missing)} candidates lack a blind label (first: {missing[0]})")
        one, a, b = ({i: label_of([p], i)[0] for i in cands} for p in (first, blind_a, blind_b))
        print(f"relabel: {lang}: {len(cands)} candidates; kappa A-B {kappa(a, b, cands):.2f}, "
              f"A-first {kappa(a, one, cands):.2f}, B-first {kappa(b, one, cands):.2f}; asks first "
              f"{sum(one.values())}, A {sum(a.values())}, B {sum(b.values())}", file=sys.stderr)
        out_rows, categories, reported = [], collections.Counter(), 0
        passes = (first, blind_a, blind_b)
        for ident, _ in population(args.work, lang):
            votes = label_of(passes, ident)
            label = 1 if sum(votes) >= 2 else 0
            category = ""
            if label:
                said = collections.Counter(p[ident]["category"] for p in passes
                                           if ident in p and int(p[ident].get("label") or 0) == 1
                                           and p[ident].get("category") in EFFORT)
                top = said.most_common()
                tied = [c for c, n in top if n == top[0][1]] if top else []
                pick_a = (blind_a.get(ident) or {}).get("category")
                category = (tied[0] if len(tied) == 1 else pick_a if pick_a in tied
                            else max(tied, key=EFFORT.get) if tied else "")
                categories[category] += 1
            rep = int(not label and sum(int((p.get(ident) or {}).get("reported") or 0) for p in passes) >= 2)
            reported += rep
            out_rows.append({"id": ident, "label": label, "category": category, "reported": rep, "lang": lang,
                             "note": ""})
        path = os.path.join(args.labels, name)
        tmp = path + ".tmp"
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(out_rows)
        os.replace(tmp, path)
        asks = sum(categories.values())
        print(f"relabel: {path}: {len(out_rows)} tweets, {asks} asks "
              f"({', '.join(f'{c} {n}' for c, n in categories.most_common())}), {reported} reported",
              file=sys.stderr)


def flags_input(args):
    """Writes FLAGS_DIR/{id,en}/all.jsonl: the tweets labelled all negative, for eval-cta --show-errors."""
    os.makedirs(args.flags, exist_ok=True)
    for lang in ("id", "en"):
        path = os.path.join(args.flags, lang, "all.jsonl")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            for ident, text in population(args.work, lang):
                row = {"id": ident, "text": text.replace(" ⏎ ", "\n"), "lang": lang, "label": 0, "category": None,
                       "reported": 0, "split": "test", "source_kind": "tweet"}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def flags_collect(args):
    """Turns eval-cta's false positives (FLAGS_DIR/{id,en}/errors.txt) into FLAGS_DIR/{id,en}.txt of ids."""
    for lang in ("id", "en"):
        ids = []
        with open(os.path.join(args.flags, lang, "errors.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("fp\t"):
                    ids.append(line.split("\t")[2])
        with open(os.path.join(args.flags, f"{lang}.txt"), "w", encoding="utf-8") as f:
            f.write("".join(i + "\n" for i in ids))
        print(f"relabel: {lang}: {len(ids)} tweets flagged by the detector", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("prepare", "candidates", "combine", "flags-input", "flags-collect"):
        p = sub.add_parser(name)
        p.add_argument("--work", required=True, help="scratch folder for the labellers' files")
        if name == "prepare":
            p.add_argument("--shared", required=True, help="the shared data folder (SHARED)")
        if name in ("candidates", "flags-input", "flags-collect"):
            p.add_argument("--flags", required=True, help="folder of the detector's flags")
        if name == "combine":
            p.add_argument("--labels", required=True, help="where the label files go (CTA_LABELS)")
    args = ap.parse_args()
    {"prepare": prepare, "candidates": candidates, "combine": combine, "flags-input": flags_input,
     "flags-collect": flags_collect}[args.command](args)


if __name__ == "__main__":
    main()
