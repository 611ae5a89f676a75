"""The posts.tsv format of real posts kept outside SHARED and of labelling pages: one post per line,
`id<TAB>text`, a line break inside a post written as " ⏎ " and a tab as a space; and the labellers'
CSV files that go with them (`id,label,category,…`).

Shared by fresh.py (builds and splits the files, combines labels), relabel.py (writes labelling pages,
combines labels) and materialise.py (reads them back). Standard library only.
"""
import csv
import os
import re

LINE_BREAK = " \u23ce "
_LINE_BREAK = re.compile(" ?\u23ce ?")


def encode(text):
    """One line of text: line breaks as " ⏎ ", tabs (and carriage returns) as spaces."""
    return text.replace("\r\n", "\n").replace("\r", " ").replace("\t", " ").replace("\n", LINE_BREAK)


def decode(text):
    """The post with its line breaks back."""
    return _LINE_BREAK.sub("\n", text).strip()


def read(path):
    """The (id, text as stored) pairs of a posts.tsv file, in order; lines without a tab are skipped."""
    with open(path, encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in f if "\t" in line]


def write(path, rows):
    """Writes (id, text) pairs, each text encoded."""
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(f"{ident}\t{encode(text)}\n" for ident, text in rows)


def read_labels(path):
    """A labeller's CSV as {id: row}; {} when the file does not exist (yet)."""
    if not os.path.exists(path):
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}
