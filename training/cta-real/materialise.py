#!/usr/bin/env python3
"""Materialise the real labelled CTA data: labels (ids only) + the shared text -> JSON Lines.

The repository keeps labels as ids that point into SHARED, never the text. This script joins them
again, at train/eval time, into one JSON Lines file per source under OUT (by default
out/cta-real/), in the format `slackscore train-cta` / `eval-cta` read:

    {"id", "text", "lang", "label", "category", "reported", "split", "source_kind"}

Sources (each optional; a missing one is reported on stderr and skipped):

- LABELS/id-tweets.csv        -> SHARED/data/cta-real-dev/id-tweets.csv        (source_kind "tweet")
- LABELS/en-crisis-tweets.csv -> SHARED/data/cta-real-dev/en-crisis-tweets.csv (source_kind "tweet")
- EXTRA folders (--extra, repeatable; Makefile CTA_EXTRA): real posts collected and labelled outside
  SHARED (docs/extract.md, "Real sets outside SHARED"), each with `posts.tsv` (id TAB text, line breaks
  written as " ⏎ ") and `labels.csv` (id,label,category,reported,lang[,split][,kind]); only labelled posts are
  written, to extra-FOLDER.jsonl (source_kind "tweet", set FOLDER: eval-cta scores them as the slice
  tweet/LANG@FOLDER), split `test` unless the CSV says otherwise. Rows of kind `page-sentence` are
  sentences of pages saved outside SHARED (`fresh.py pages`), scored one by one as page/LANG@FOLDER.
- PAGES (page-sentence labels, default training/cta-real/page-sentences.csv; LABELS/page-sentences.csv
  when that is newer) -> pages in SHARED/data/SET/html (source_kind "page_sentence"), through
  page_sentences.py.

The tweet labels are NOT in the repository (the tweet data's README forbids copying labels made of
it); they stay in LABELS (Makefile: CTA_LABELS ?= ../cta-labels).

Split: a stable hash sends 30 % to `test`: of the tweet id for tweets, of the page (SET/FILE) for
page sentences, so sentences of one page never sit on both sides.

Tweets are normalised the way a reader sees them: the anonymisation placeholders USER and URL
become `@USER` and `https://URL`, `\\n` escapes become line breaks, `\\xNN` byte escapes are decoded,
HTML entities unescaped, and the stray trailing quote of the Indonesian export is dropped.

Usage: materialise.py --labels DIR --shared DIR [--pages CSV] [--extra DIR ...] [--out DIR]
Standard library only.
"""

import argparse
import csv
import hashlib
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_sentences import page_sentences  # noqa: E402
import posts_tsv  # noqa: E402

TEST_PERCENT = 30
CATEGORIES = {"share", "follow", "hashtag", "sign", "boycott", "buy", "donate", "contact", "vote",
              "volunteer", "attend"}


def split_of(key):
    h = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_PERCENT else "train"


_BYTE_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+")
_USER = re.compile(r"(?<![@\w])USER\b")
_URL = re.compile(r"(?<![/\w])URL\b")


def normalise_tweet(text):
    text = text.strip()
    if text.endswith("'") and text.count("'") % 2 == 1:
        text = text[:-1]
    text = _BYTE_ESCAPES.sub(
        lambda m: bytes(int(h, 16) for h in m.group(0).split("\\x")[1:]).decode("utf-8", "replace"), text)
    text = text.replace("\\n", "\n").replace("\\t", " ")
    text = html.unescape(text)
    text = _USER.sub("@USER", text)
    text = _URL.sub("https://URL", text)
    return text.strip()


def label_rows(path):
    """The rows of a labels CSV in file order; the file must exist (posts_tsv.read_labels, by id and
    forgiving a missing file, is for labellers' work in progress). write_posts keeps the first row of
    an id."""
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def record(row, text, split, kind):
    label = int(row["label"] or 0)
    category = (row.get("category") or "").strip() or None
    if label != 1:
        category = None
    elif category not in CATEGORIES:
        category = None
    return {
        "id": row["id"], "text": text, "lang": row.get("lang") or "en", "label": label,
        "category": category, "reported": int(row.get("reported") or 0), "split": split,
        "source_kind": kind,
    }


def write_posts(rows, texts, out_path, split_for, normalise, set_name=None):
    """Writes one record per labelled row whose id has a text (first row of an id wins)."""
    written = missing = 0
    seen = set()
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            ident = row.get("id", "")
            if ident in seen:
                continue
            seen.add(ident)
            if ident not in texts:
                missing += 1
                continue
            kind = "page_sentence" if (row.get("kind") or "").strip() == "page-sentence" else "tweet"
            rec = record(row, normalise(texts[ident]), split_for(row), kind)
            if set_name:
                rec["set"] = set_name
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
    return written, missing


def tweets(labels_csv, texts_csv, out_path):
    with open(texts_csv, newline="", encoding="utf-8") as f:
        texts = {r["id"]: r["text"] for r in csv.DictReader(f)}
    return write_posts(label_rows(labels_csv), texts, out_path,
                       lambda row: split_of("tweet:" + row["id"]), normalise_tweet)


def extra(folder, out_path):
    """A labelled set of posts kept outside SHARED: FOLDER/posts.tsv + FOLDER/labels.csv."""
    texts = dict(posts_tsv.read(os.path.join(folder, "posts.tsv")))
    return write_posts(label_rows(os.path.join(folder, "labels.csv")), texts, out_path,
                       lambda row: (row.get("split") or "test").strip(),
                       posts_tsv.decode,
                       os.path.basename(os.path.normpath(folder)))


def pages(labels_csv, shared, out_path):
    rows = [r for r in label_rows(labels_csv) if r.get("source") == "page"]
    cache = {}
    written = missing = 0
    seen = set()
    with open(out_path, "w", encoding="utf-8") as out:
        for row in rows:
            ident = row["id"]
            if ident in seen:
                continue
            seen.add(ident)
            try:
                page_ref, sid = ident.split("#", 1)
                set_name, file_name = page_ref.split("/", 1)
            except ValueError:
                missing += 1
                continue
            path = os.path.join(shared, "data", set_name, "html", file_name)
            if path not in cache:
                try:
                    cache[path] = dict(page_sentences(path))
                except OSError:
                    cache[path] = {}
            text = cache[path].get(sid)
            if text is None:
                missing += 1
                continue
            rec = record(row, text, split_of("page:" + page_ref), "page_sentence")
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
    return written, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", required=True, help="folder of the label CSVs (CTA_LABELS)")
    ap.add_argument("--shared", required=True, help="the shared data folder (SHARED)")
    ap.add_argument("--pages", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                    "page-sentences.csv"))
    ap.add_argument("--extra", action="append", default=[],
                    help="folder with posts.tsv + labels.csv of real posts kept outside SHARED (repeatable)")
    ap.add_argument("--out", default="out/cta-real")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.endswith(".jsonl"):
            os.remove(os.path.join(args.out, name))
    status = 0
    jobs = [
        ("id-tweets", os.path.join(args.labels, "id-tweets.csv"),
         os.path.join(args.shared, "data", "cta-real-dev", "id-tweets.csv")),
        ("en-crisis-tweets", os.path.join(args.labels, "en-crisis-tweets.csv"),
         os.path.join(args.shared, "data", "cta-real-dev", "en-crisis-tweets.csv")),
    ]
    for name, labels, texts in jobs:
        if not os.path.exists(labels):
            print(f"materialise: {labels} missing: no {name} labels (set CTA_LABELS=folder of the label CSVs)",
                  file=sys.stderr)
            status = 1
            continue
        if not os.path.exists(texts):
            print(f"materialise: {texts} missing (set SHARED=path/to/shared)", file=sys.stderr)
            status = 1
            continue
        written, missing = tweets(labels, texts, os.path.join(args.out, name + ".jsonl"))
        print(f"materialise: {name}: {written} labelled tweets" + (f", {missing} ids not found" if missing else ""),
              file=sys.stderr)
    for folder in args.extra:
        name = "extra-" + os.path.basename(os.path.normpath(folder))
        if not all(os.path.exists(os.path.join(folder, f)) for f in ("posts.tsv", "labels.csv")):
            print(f"materialise: {folder} has no posts.tsv and labels.csv (CTA_EXTRA)", file=sys.stderr)
            status = 1
            continue
        written, missing = extra(folder, os.path.join(args.out, name + ".jsonl"))
        print(f"materialise: {name}: {written} labelled posts" + (f", {missing} ids not found" if missing else ""),
              file=sys.stderr)
    page_labels = args.pages
    newer = os.path.join(args.labels, "page-sentences.csv")
    if os.path.exists(newer) and (not os.path.exists(page_labels)
                                  or os.path.getmtime(newer) > os.path.getmtime(page_labels)):
        page_labels = newer
    if os.path.exists(page_labels):
        written, missing = pages(page_labels, args.shared, os.path.join(args.out, "page-sentences.jsonl"))
        print(f"materialise: page sentences ({page_labels}): {written} labelled sentences"
              + (f", {missing} ids not found" if missing else ""), file=sys.stderr)
    else:
        print(f"materialise: {page_labels} missing: no page-sentence labels", file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
