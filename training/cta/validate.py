#!/usr/bin/env python3
"""Validate the labelled call-to-action sentences in this directory.

Usage:
  python3 training/cta/validate.py                 # check id.jsonl and en.jsonl, print counts
  python3 training/cta/validate.py --markdown      # counts as Markdown tables (for GUIDELINES.md)
  python3 training/cta/validate.py --seeds DIR     # also report 9-word overlaps with the *.txt files in DIR

Checks: every line is a JSON object with the required fields and allowed values; `lang` matches the
file; positives have a category and negatives `null`; no duplicate texts (after case/space/punctuation
folding) within or across files; 4-40 words per text; near-identical variants (word-set Jaccard >= 0.6)
not split across train and test; test share per stratum (label/category) near 25%;
at least 20 positives per category per language. Exit status 1 on any error; warnings do not fail.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

CATEGORIES = ["share", "follow", "hashtag", "sign", "donate", "attend", "vote", "contact", "volunteer",
              "boycott", "buy"]
SOURCE_KINDS = {"campaign_page", "social_post", "news_report", "opinion", "publisher_promo", "comment"}
REQUIRED = {"text", "lang", "label", "category", "split", "source_kind"}
OPTIONAL = {"note"}
MIN_PER_CATEGORY = 20
MIN_WORDS, MAX_WORDS = 4, 40
SHINGLE = 9
NEAR_DUPLICATE = 0.6  # word-set Jaccard above which two texts count as variants of one template


def fold(text):
  """Duplicate key: lower case, letters and digits only, single spaces."""
  text = unicodedata.normalize("NFKC", text).lower()
  return " ".join(re.findall(r"\w+", text))


def words(text):
  return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def load(path, lang, errors):
  rows = []
  for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    where = f"{path.name}:{number}"
    try:
      obj = json.loads(line)
    except json.JSONDecodeError as error:
      errors.append(f"{where}: invalid JSON ({error})")
      continue
    if not isinstance(obj, dict):
      errors.append(f"{where}: not an object")
      continue
    keys = set(obj)
    if REQUIRED - keys:
      errors.append(f"{where}: missing {sorted(REQUIRED - keys)}")
      continue
    if keys - REQUIRED - OPTIONAL:
      errors.append(f"{where}: unknown fields {sorted(keys - REQUIRED - OPTIONAL)}")
    if not isinstance(obj["text"], str) or not obj["text"].strip() or obj["text"] != obj["text"].strip():
      errors.append(f"{where}: text empty or with surrounding spaces")
    if obj["lang"] != lang:
      errors.append(f"{where}: lang {obj['lang']!r} in {path.name}")
    if obj["label"] not in (0, 1) or isinstance(obj["label"], bool):
      errors.append(f"{where}: label must be 0 or 1")
    if obj["label"] == 1 and obj["category"] not in CATEGORIES:
      errors.append(f"{where}: positive with category {obj['category']!r}")
    if obj["label"] == 0 and obj["category"] is not None:
      errors.append(f"{where}: negative with category {obj['category']!r}")
    if obj["split"] not in ("train", "test"):
      errors.append(f"{where}: split {obj['split']!r}")
    if obj["source_kind"] not in SOURCE_KINDS:
      errors.append(f"{where}: source_kind {obj['source_kind']!r}")
    if "note" in obj and (not isinstance(obj["note"], str) or not obj["note"].strip()):
      errors.append(f"{where}: note must be a non-empty string")
    obj["_where"] = where
    rows.append(obj)
  return rows


def stratum(row):
  return row["category"] if row["label"] == 1 else "negative"


def check(rows_by_lang, errors, warnings):
  seen = {}
  for lang, rows in rows_by_lang.items():
    for row in rows:
      if not isinstance(row.get("text"), str):
        continue
      key = fold(row["text"])
      if key in seen:
        errors.append(f"{row['_where']}: duplicate of {seen[key]}")
      else:
        seen[key] = row["_where"]
      count = len(words(row["text"]))
      if not MIN_WORDS <= count <= MAX_WORDS:
        warnings.append(f"{row['_where']}: {count} words (outside {MIN_WORDS}-{MAX_WORDS})")
    categories = Counter(row["category"] for row in rows if row["label"] == 1)
    for category in CATEGORIES:
      if categories[category] < MIN_PER_CATEGORY:
        warnings.append(f"{lang}: only {categories[category]} positives for {category}")
    by_stratum = defaultdict(Counter)
    for row in rows:
      by_stratum[stratum(row)][row["split"]] += 1
    for name, splits in sorted(by_stratum.items()):
      total = sum(splits.values())
      share = splits["test"] / total if total else 0
      if total >= 8 and not 0.15 <= share <= 0.35:
        warnings.append(f"{lang}/{name}: test share {share:.2f} ({splits['test']}/{total})")


def straddling_variants(rows_by_lang, warnings):
  """Warn when two near-identical texts (word-set Jaccard >= NEAR_DUPLICATE) sit in different splits."""
  for lang, rows in rows_by_lang.items():
    sets = [set(words(row["text"])) for row in rows]
    for i in range(len(rows)):
      for j in range(i + 1, len(rows)):
        if rows[i]["split"] == rows[j]["split"]:
          continue
        union = sets[i] | sets[j]
        if union and len(sets[i] & sets[j]) / len(union) >= NEAR_DUPLICATE:
          warnings.append(f"{rows[i]['_where']} and {rows[j]['_where']}: near-identical texts in different splits")


def overlaps(rows_by_lang, seeds_dir):
  """Texts sharing a run of SHINGLE words with any seed file."""
  shingles = set()
  for path in sorted(Path(seeds_dir).glob("*.txt")):
    tokens = words(path.read_text(encoding="utf-8", errors="replace"))
    shingles.update(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))
  found = []
  for rows in rows_by_lang.values():
    for row in rows:
      tokens = words(row["text"])
      if any(tuple(tokens[i:i + SHINGLE]) in shingles for i in range(len(tokens) - SHINGLE + 1)):
        found.append(f"{row['_where']}: shares {SHINGLE} words with a seed: {row['text']}")
  return found


def report(rows_by_lang, markdown):
  lines = []
  header = ["lang", "total", "positive", "negative", "pos %", "train", "test", "test %"]
  table = []
  for lang, rows in rows_by_lang.items():
    total = len(rows)
    positive = sum(row["label"] == 1 for row in rows)
    test = sum(row["split"] == "test" for row in rows)
    table.append([lang, total, positive, total - positive, f"{100 * positive / max(total, 1):.0f}",
                  total - test, test, f"{100 * test / max(total, 1):.0f}"])
  lines += format_table(header, table, markdown)
  lines.append("")
  header = ["category (effort)", *[f"{lang} train/test" for lang in rows_by_lang]]
  table = []
  effort = {"share": 1, "follow": 1, "hashtag": 1, "sign": 2, "boycott": 2, "buy": 2, "donate": 3,
            "contact": 3, "volunteer": 4, "vote": 4, "attend": 5}
  for name in [*CATEGORIES, "negative"]:
    cells = [f"{name} ({effort[name]})" if name in effort else name]
    for rows in rows_by_lang.values():
      splits = Counter(row["split"] for row in rows if stratum(row) == name)
      cells.append(f"{splits['train'] + splits['test']} = {splits['train']} / {splits['test']}")
    table.append(cells)
  lines += format_table(header, table, markdown)
  lines.append("")
  header = ["source_kind", *[f"{lang} pos/neg" for lang in rows_by_lang]]
  table = []
  for kind in sorted(SOURCE_KINDS):
    cells = [kind]
    for rows in rows_by_lang.values():
      positive = sum(row["source_kind"] == kind and row["label"] == 1 for row in rows)
      negative = sum(row["source_kind"] == kind and row["label"] == 0 for row in rows)
      cells.append(f"{positive} / {negative}")
    table.append(cells)
  lines += format_table(header, table, markdown)
  return "\n".join(lines)


def format_table(header, table, markdown):
  if markdown:
    out = ["| " + " | ".join(map(str, header)) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(map(str, row)) + " |" for row in table]
    return out
  widths = [max(len(str(row[i])) for row in [header, *table]) for i in range(len(header))]
  return ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)) for row in [header, *table]]


def main():
  parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
  parser.add_argument("--dir", default=str(Path(__file__).resolve().parent), help="directory with id/en.jsonl")
  parser.add_argument("--markdown", action="store_true", help="print the counts as Markdown tables")
  parser.add_argument("--seeds", help="directory of seed *.txt files to check for copied word runs")
  args = parser.parse_args()
  errors, warnings = [], []
  rows_by_lang = {}
  for lang in ("id", "en"):
    path = Path(args.dir) / f"{lang}.jsonl"
    if not path.exists():
      errors.append(f"{path.name}: missing")
      continue
    rows_by_lang[lang] = load(path, lang, errors)
  check(rows_by_lang, errors, warnings)
  straddling_variants(rows_by_lang, warnings)
  if args.seeds:
    errors += overlaps(rows_by_lang, args.seeds)
  print(report(rows_by_lang, args.markdown))
  for message in warnings:
    print(f"warning: {message}", file=sys.stderr)
  for message in errors:
    print(f"error: {message}", file=sys.stderr)
  print(f"{len(errors)} errors, {len(warnings)} warnings", file=sys.stderr)
  return 1 if errors else 0


if __name__ == "__main__":
  sys.exit(main())
