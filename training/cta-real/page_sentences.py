#!/usr/bin/env python3
"""Deterministic sentence segmentation of saved web pages, for CTA labelling.

Labels for real pages are stored as ids, never as page text: an id is
``SET/FILE#SID`` where SET is a folder under ``SHARED_DIR/data`` (for example
``extraction-dev``), FILE a page in ``SET/html`` and SID the first 16 hex digits
of the SHA-1 of the NFC-normalised sentence text.  Anyone with the shared data
can recompute the sentences of a page and find the text for an id again.

Library use::

    from page_sentences import page_sentences
    for sid, text in page_sentences("/path/page.html.gz"):
        ...

Command line::

    python3 page_sentences.py list PAGE                 # print sid<TAB>text for one page
    python3 page_sentences.py materialise LABELS.csv SHARED_DIR OUT.jsonl

``materialise`` reads a label CSV (header ``source,id,label,category,reported,
kind,lang,note``), keeps the rows with ``source=page``, recomputes the sentences
of ``SHARED_DIR/data/SET/html/FILE`` and writes one JSON object per found row:
``{"id", "text", "lang", "label", "category", "reported", "source_kind":
"page_sentence"}``.  Ids that cannot be found (page missing, or the page or this
script changed) are reported on stderr and skipped.

The algorithm is deliberately simple and must stay stable, because changing it
changes the sids:

1. decode: gunzip if the name ends in ``.gz``; charset from ``<meta charset>``
   or ``<meta http-equiv content="...charset=...">`` in the first 4 KiB, else
   UTF-8; undecodable bytes are replaced (U+FFFD);
2. visible text: content of ``script, style, noscript, template, svg, head``
   (and of ``title``) is skipped; block elements start a new line;
3. each line: whitespace collapsed, NFC; split into sentences after ``.``, ``!``
   or ``?`` (optionally followed by closing quotes/brackets) when followed by
   whitespace and an upper-case letter, a digit or an opening quote;
4. sentences with fewer than 3 or more than 80 whitespace-separated words are
   dropped; duplicates within a page are kept once (first occurrence).

Standard library only.
"""

import codecs
import csv
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser

__all__ = ["page_sentences", "decode_page", "visible_lines", "split_sentences", "sentence_id"]

SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
BLOCK_TAGS = frozenset({
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "td", "th", "tr", "table", "br", "hr", "section", "article", "header", "footer",
    "nav", "aside", "form", "button", "blockquote", "pre", "figure", "figcaption",
    "main", "address", "option", "select", "label",
})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                       "meta", "param", "source", "track", "wbr"})

MIN_WORDS = 3
MAX_WORDS = 80

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACE = re.compile(r"\s+")
# End punctuation, optional closing quotes/brackets, whitespace, then a capital,
# digit or opening quote.  The split point is the whitespace.
_BOUNDARY = re.compile(r"""(?<=[.!?])(?:["'”’»)\]]*)\s+(?=["'“‘«(\[]?[A-Z0-9\u00C0-\u00DE])""")


def decode_page(path):
    """Return the text of an HTML file (gzip-compressed if the name ends in .gz)."""
    with open(path, "rb") as f:
        raw = f.read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    encoding = "utf-8"
    m = _META_CHARSET.search(raw[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").strip().lower()
        try:
            encoding = codecs.lookup(name).name
        except LookupError:
            pass
    return raw.decode(encoding, errors="replace")


class _TextCollector(HTMLParser):
    """Collects visible text, starting a new line at every block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self._buf = []
        self._skip = []  # stack of open skipped tags

    def _flush(self):
        if self._buf:
            self.lines.append("".join(self._buf))
            self._buf = []

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "body" and "head" in self._skip:
            # a <head> never closed (a page that opens with markup before <html>) ends at <body>
            del self._skip[self._skip.index("head"):]
        if tag in SKIP_TAGS:
            if tag not in VOID_TAGS:
                self._skip.append(tag)
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag, attrs):
        if tag.lower() in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in SKIP_TAGS:
            # close the innermost matching skipped tag (tolerates sloppy HTML)
            for i in range(len(self._skip) - 1, -1, -1):
                if self._skip[i] == tag:
                    del self._skip[i:]
                    break
            return
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skip:
            self._buf.append(data)

    def close(self):
        super().close()
        self._flush()


def visible_lines(html):
    """Visible text of an HTML string as a list of non-empty, whitespace-collapsed NFC lines."""
    parser = _TextCollector()
    parser.feed(html)
    parser.close()
    out = []
    for line in parser.lines:
        line = unicodedata.normalize("NFC", _SPACE.sub(" ", line).strip())
        if line:
            out.append(line)
    return out


def split_sentences(line):
    """Split one line into sentences (simple punctuation + capital heuristic)."""
    return [s.strip() for s in _BOUNDARY.split(line) if s.strip()]


def sentence_id(text):
    """First 16 hex digits of the SHA-1 of the NFC-normalised text."""
    text = unicodedata.normalize("NFC", text)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def page_sentences(path):
    """Return [(sid, text)] for the page at path, in page order, without duplicates."""
    seen = set()
    result = []
    for line in visible_lines(decode_page(path)):
        for sent in split_sentences(line):
            n = len(sent.split())
            if n < MIN_WORDS or n > MAX_WORDS:
                continue
            sid = sentence_id(sent)
            if sid in seen:
                continue
            seen.add(sid)
            result.append((sid, sent))
    return result


def materialise(labels_csv, shared_dir, out_jsonl):
    """Write the text of every page label row to out_jsonl; return (written, missing)."""
    cache = {}
    written = missing = 0
    with open(labels_csv, newline="", encoding="utf-8") as f, \
            open(out_jsonl, "w", encoding="utf-8") as out:
        for row in csv.DictReader(f):
            if row.get("source") != "page":
                continue
            ident = row["id"]
            try:
                page_ref, sid = ident.split("#", 1)
                set_name, file_name = page_ref.split("/", 1)
            except ValueError:
                print(f"warning: malformed id {ident!r}", file=sys.stderr)
                missing += 1
                continue
            path = f"{shared_dir.rstrip('/')}/data/{set_name}/html/{file_name}"
            if path not in cache:
                try:
                    cache[path] = dict(page_sentences(path))
                except OSError as e:
                    print(f"warning: cannot read {path}: {e}", file=sys.stderr)
                    cache[path] = {}
            text = cache[path].get(sid)
            if text is None:
                print(f"warning: id not found: {ident}", file=sys.stderr)
                missing += 1
                continue
            label = int(row["label"])
            record = {
                "id": ident,
                "text": text,
                "lang": row["lang"],
                "label": label,
                "category": (row.get("category") or None) if label == 1 else None,
                "reported": int(row.get("reported") or 0),
                "source_kind": "page_sentence",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return written, missing


def main(argv):
    if len(argv) == 3 and argv[1] == "list":
        for sid, text in page_sentences(argv[2]):
            print(f"{sid}\t{text}")
        return 0
    if len(argv) == 5 and argv[1] == "materialise":
        written, missing = materialise(argv[2], argv[3], argv[4])
        print(f"wrote {written} records, {missing} ids not found", file=sys.stderr)
        return 0 if missing == 0 else 1
    print(__doc__.split("Command line::")[1].split("``materialise``")[0].rstrip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
