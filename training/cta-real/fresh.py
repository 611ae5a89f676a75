#!/usr/bin/env python3
"""Fresh real sets outside SHARED: build posts.tsv from collectors' raw files, combine blind labels.

A fresh set is a folder SET with raw-*/PREFIX.txt (one source row per line, `ROW␟TEXT` or
`ROW␟LANG␟TEXT`, written by collectors following prompts/collect.md), then posts.tsv, the labellers'
CSVs in SET/out/ (prompts/fresh-label.md) and labels.csv, which `make eval CTA_EXTRA=SET` reads
(docs/extract.md, "Real sets outside SHARED"). People copy and read every post; this script only
filters, splits and combines.

  fresh.py build SET [EXCLUDE ...]     posts.tsv + build_stats.json: tabs/CR to spaces, <U+XXXX>
                                       decoded, a lang column kept only for in/id, drop empty posts,
                                       < 3 words, exact duplicates, copy duplicates (RT prefix and URLs
                                       removed, casefolded) across the set and against EXCLUDE
                                       (posts.tsv of earlier sets, the shared id-tweets.csv)
  fresh.py pages SET LANG              posts.tsv of page sentences instead: every sentence of every
                                       SET/raw-*/html/*.htm[l] (saved pages, prompts/collect-pages.md) as
                                       page_sentences.py segments it, id `raw-X/html/FILE#SID`; pages.json
                                       marks the set as page sentences of LANG (labels of kind page-sentence)
  fresh.py split SET                   half1.tsv, half2.tsv: alternate lines of posts.tsv (alternate
                                       pages of a page set)
  fresh.py combine SET HALF [dis|final]  kappa of SET/out/HALF-A.csv and -B.csv; `dis` writes the
                                       disagreements (label or category) to disagree-HALF.tsv, `final`
                                       the labels (A where A = B, else SET/out/disagree-C.csv) to
                                       labels-HALF.csv
  fresh.py labels SET                  labels.csv: every labels-*.csv of SET, in posts.tsv order
  fresh.py keep SET KEPT               a set of posts: KEPT/sources.csv (each raw file's repository, path,
                                       commit, column and selection rule, from SET/raw-*/SOURCES.tsv) and
                                       KEPT/labels.csv (every post's id, label and text hash; no text).
                                       A page set: KEPT/sources.csv (where each saved page came from: repository,
                                       path, commit, sha256; from the "## Rows" of SET/raw-*/SOURCES.md)
                                       with how each page was segmented, and KEPT/labels.csv (the ids,
                                       labels and a hash of every sentence that is an ask or a
                                       reported ask; no text): what the repository keeps of a page set
                                       (training/cta-real/kept/SET), so that losing the machine loses
                                       no labels
  fresh.py restore KEPT SET            the other way: for posts, reads the raw files copied again into SET
                                       (prompts/collect.md), checks every kept post's text and writes
                                       posts.tsv and labels.csv; for pages, checks that the pages fetched again into SET
                                       (by a person, from the addresses in KEPT/sources.csv) are
                                       byte-exact, segments them (checking each page's sentences)
                                       and writes SET/labels.csv; names every page still to fetch

Standard library only.
"""
import collections
import csv
import glob
import hashlib
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import page_sentences  # noqa: E402
import posts_tsv  # noqa: E402

SEP = "\u241f"
URL = re.compile(r"https?:\\?/\\?/\S+")
RT = re.compile(r"^RT @\w+:\s*")
UESC = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
LANG = re.compile(r"^[a-z]{2,3}$")


def nwords(text):
    return sum(1 for w in text.split() if re.search(r"\w", w))


def norm_key(text):
    text = RT.sub("", text.replace(posts_tsv.LINE_BREAK, " "))
    text = URL.sub("", text)
    return " ".join(text.split()).casefold()


def excluded_keys(paths):
    keys = set()
    for path in paths:
        if path.endswith(".tsv"):
            keys.update(norm_key(text) for _, text in posts_tsv.read(path))
        else:
            with open(path, encoding="utf-8") as f:
                keys.update(norm_key(row["text"].replace("\\n", " ")) for row in csv.DictReader(f))
    return keys


def raw_rows(path):
    """(row number, text) of each row of a collector's raw file (`ROW␟TEXT` or `ROW␟LANG␟TEXT`), the
    text as posts.tsv holds it (tabs and CRs to spaces, <U+XXXX> decoded, stripped); text None for a
    row in another language than Indonesian."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            fields = line.split(SEP)
            if len(fields) >= 3 and (fields[1] == "" or LANG.match(fields[1])):
                if fields[1] not in ("in", "id", ""):
                    yield int(fields[0]), None
                    continue
                text = SEP.join(fields[2:])
            else:
                text = SEP.join(fields[1:])
            yield int(fields[0]), UESC.sub(lambda m: chr(int(m.group(1), 16)),
                                           text.replace("\t", " ").replace("\r", " ")).strip()


def post_id(prefix, row):
    """A post's id: the raw file's name and the row's number in its source file."""
    return f"{prefix}-{row:05d}"


def build(setdir, excludes):
    earlier = excluded_keys(excludes)
    seen_key, seen_exact = set(earlier), set()
    out, stats = [], collections.OrderedDict()
    for path in sorted(glob.glob(os.path.join(setdir, "raw-*", "*.txt"))):
        prefix = os.path.splitext(os.path.basename(path))[0]
        st = collections.Counter()
        for row, text in raw_rows(path):
            st["rows_read"] += 1
            if text is None:
                st["dropped_lang"] += 1
                continue
            key = norm_key(text)
            reason = ("dropped_empty" if not text else "dropped_short" if nwords(text) < 3
                      else "dropped_exact_dup" if text in seen_exact
                      else "dropped_in_earlier_set" if key in earlier
                      else "dropped_copy_dup" if key in seen_key else None)
            if reason:
                st[reason] += 1
                continue
            seen_exact.add(text)
            seen_key.add(key)
            out.append((post_id(prefix, row), text))
            st["kept"] += 1
        stats[prefix] = dict(st)
    posts_tsv.write(os.path.join(setdir, "posts.tsv"), out)
    with open(os.path.join(setdir, "build_stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1)
    for prefix, st in stats.items():
        print(prefix, st, file=sys.stderr)
    print(f"fresh: {len(out)} posts", file=sys.stderr)


def pages(setdir, lang):
    out = []
    files = sorted(glob.glob(os.path.join(setdir, "raw-*", "html", "*.htm")) +
                   glob.glob(os.path.join(setdir, "raw-*", "html", "*.html")))
    for path in files:
        name = os.path.relpath(path, setdir)
        sentences = list(page_sentences.page_sentences(path))
        out.extend((f"{name}#{sid}", text) for sid, text in sentences)
        print(f"fresh: {name}: {len(sentences)} sentences", file=sys.stderr)
    posts_tsv.write(os.path.join(setdir, "posts.tsv"), out)
    with open(os.path.join(setdir, "pages.json"), "w", encoding="utf-8") as f:
        json.dump({"lang": lang, "kind": "page-sentence"}, f)
    print(f"fresh: {len(out)} sentences of {len(files)} pages", file=sys.stderr)


def set_kind(setdir):
    """(lang, kind) of the set's labels: page sentences of pages.json's language, or Indonesian posts."""
    path = os.path.join(setdir, "pages.json")
    if not os.path.exists(path):
        return "id", ""
    with open(path, encoding="utf-8") as f:
        meta = json.load(f)
    return meta["lang"], meta["kind"]


def split(setdir):
    posts = posts_tsv.read(os.path.join(setdir, "posts.tsv"))
    if set_kind(setdir)[1]:
        # Page sentences: whole pages alternate, so that a labeller reads each page in order.
        def page(ident):
            return ident.split("#")[0]
        half_of = {name: n % 2 for n, name in enumerate(dict.fromkeys(page(ident) for ident, _ in posts))}
        halves = [[p for p in posts if half_of[page(p[0])] == n] for n in (0, 1)]
    else:
        halves = [posts[0::2], posts[1::2]]
    for half, rows in zip(("half1", "half2"), halves):
        posts_tsv.write(os.path.join(setdir, half + ".tsv"), rows)


def label_of(rows, ident):
    label = int(rows[ident]["label"] or 0)
    return label, rows[ident]["category"] if label else ""


def combine(setdir, half, mode):
    a = posts_tsv.read_labels(os.path.join(setdir, "out", half + "-A.csv"))
    b = posts_tsv.read_labels(os.path.join(setdir, "out", half + "-B.csv"))
    c = posts_tsv.read_labels(os.path.join(setdir, "out", "disagree-C.csv"))
    texts = dict(posts_tsv.read(os.path.join(setdir, half + ".tsv")))
    missing = [i for i in texts if i not in a or i not in b]
    if missing:
        sys.exit(f"fresh: no label for {len(missing)} posts, e.g. {missing[:3]}")
    disagree = [i for i in texts if label_of(a, i) != label_of(b, i)]
    la = [label_of(a, i)[0] for i in texts]
    lb = [label_of(b, i)[0] for i in texts]
    n = len(texts)
    po = sum(x == y for x, y in zip(la, lb)) / n
    pa, pb = sum(la) / n, sum(lb) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    print(f"fresh: {half}: {n} posts, asks A {sum(la)} B {sum(lb)}, kappa {kappa:.2f}, "
          f"{len(disagree)} disagreements", file=sys.stderr)
    if mode == "dis":
        posts_tsv.write(os.path.join(setdir, f"disagree-{half}.tsv"), [(i, texts[i]) for i in disagree])
    elif mode == "final":
        lang, kind = set_kind(setdir)
        with open(os.path.join(setdir, f"labels-{half}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["id", "label", "category", "reported", "lang", "split"] + (["kind"] if kind else []))
            for i in texts:
                rows = c if i in disagree else a
                if i not in rows:
                    sys.exit(f"fresh: no third label for {i} in out/disagree-C.csv")
                label, category = label_of(rows, i)
                reported = 0 if label else int(rows[i].get("reported") or 0)
                w.writerow([i, label, category, reported, lang, "test"] + ([kind] if kind else []))


def labels(setdir):
    order = {ident: n for n, (ident, _) in enumerate(posts_tsv.read(os.path.join(setdir, "posts.tsv")))}
    rows = []
    fields = ["id", "label", "category", "reported", "lang", "split"]
    for path in sorted(glob.glob(os.path.join(setdir, "labels-*.csv"))):
        with open(path, encoding="utf-8") as f:
            reader = csv.DictReader(f)
            rows.extend(reader)
            fields = reader.fieldnames
    unknown = [r["id"] for r in rows if r["id"] not in order]
    if unknown:
        sys.exit(f"fresh: {len(unknown)} labelled ids are not in posts.tsv, e.g. {unknown[:3]}")
    rows.sort(key=lambda r: order[r["id"]])
    with open(os.path.join(setdir, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    print(f"fresh: {len(rows)} labels of {len(order)} posts, {sum(int(r['label']) for r in rows)} asks", file=sys.stderr)


SOURCE_FIELDS = ["file", "repo", "path", "commit", "kind", "chars", "sha256", "sentences", "sentences_sha256"]
KEPT_FIELDS = ["id", "label", "category", "reported", "text_sha"]


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def text_sha(text):
    """A short hash of a sentence as posts.tsv stores it: detects a changed segmentation, holds no text."""
    return sha256_hex(text.encode("utf-8"))[:12]


def page_digests(posts):
    """{page file: (number of sentences, sha256 of its `id TAB text` lines)}: how the page was segmented."""
    lines = collections.defaultdict(list)
    for ident, text in posts:
        lines[ident.split("#")[0]].append(f"{ident}\t{text}\n")
    return {page: (len(rows), sha256_hex("".join(rows).encode("utf-8"))) for page, rows in lines.items()}


def source_rows(setdir):
    """The `FILE,REPO,PATH,COMMIT,KIND,CHARS,SHA256` rows under "## Rows" of each SET/raw-*/SOURCES.md,
    with FILE as the path inside SET (raw-X/html/NN-name.html)."""
    rows = []
    for path in sorted(glob.glob(os.path.join(setdir, "raw-*", "SOURCES.md"))):
        raw = os.path.basename(os.path.dirname(path))
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("## Rows", 1)[-1].splitlines()
        for row in csv.reader(line.strip().strip("`") for line in lines if line.count(",") >= 6):
            if len(row) == 7 and row[0] != "FILE" and re.fullmatch(r"[0-9a-f]{64}", row[6].strip()):
                row = [x.strip() for x in row]
                rows.append([f"{raw}/html/{os.path.basename(row[0])}"] + row[1:])
    return rows


def keep(setdir, kept):
    """keep_pages or keep_posts, by the set's kind."""
    (keep_pages if set_kind(setdir)[1] else keep_posts)(setdir, kept)


def restore(kept, setdir):
    """restore_pages or restore_posts, by the kind of set kept/sources.csv describes."""
    with open(os.path.join(kept, "sources.csv"), newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    (restore_posts if header == POST_SOURCE_FIELDS else restore_pages)(kept, setdir)


POST_SOURCE_FIELDS = ["file", "repo", "path", "commit", "column", "rule", "rows", "posts", "posts_sha256"]


def post_sources(setdir):
    """The rows of each SET/raw-*/SOURCES.tsv (prefix, repo, path, commit, column, rule, rows; written by
    the collector, prompts/collect.md), keyed by the raw file inside SET (raw-X/PREFIX.txt)."""
    sources = {}
    for path in sorted(glob.glob(os.path.join(setdir, "raw-*", "SOURCES.tsv"))):
        raw = os.path.basename(os.path.dirname(path))
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
                sources[f"{raw}/{row['prefix']}.txt"] = row
    return sources


def prefix_of(ident):
    return ident.rsplit("-", 1)[0]


def keep_posts(setdir, kept):
    """What the repository keeps of a finished set of posts: where each raw file's rows came from
    (sources.csv: repository, path, commit, text column, selection rule, with the number and a digest
    of the posts taken from it) and every post's id, label and text hash (labels.csv; the id names the
    raw file and the row of the source file). No text."""
    sources = post_sources(setdir)
    posts = posts_tsv.read(os.path.join(setdir, "posts.tsv"))
    by_prefix = {os.path.splitext(os.path.basename(f))[0]: f for f in sources}
    missing = sorted({prefix_of(i) for i, _ in posts} - set(by_prefix))
    if missing:
        sys.exit(f"fresh: no SOURCES.tsv row for the raw files {missing}")
    with open(os.path.join(setdir, "labels.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    texts = dict(posts)
    if len(rows) != len(texts) or {r["id"] for r in rows} != set(texts):
        sys.exit("fresh: labels.csv does not label every post of posts.tsv once")
    if {r["lang"] for r in rows} != {"id"} or any(r.get("kind") for r in rows):
        sys.exit("fresh: keep_posts is for sets of Indonesian posts (lang id, no kind)")
    lines = collections.defaultdict(list)
    for ident, text in posts:
        lines[by_prefix[prefix_of(ident)]].append(f"{ident}\t{text}\n")
    os.makedirs(kept, exist_ok=True)
    with open(os.path.join(kept, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(POST_SOURCE_FIELDS)
        for file, r in sources.items():
            if lines[file]:
                w.writerow([file, r["repo"], r["path"], r["commit"], r["column"], r["rule"], r["rows"],
                            len(lines[file]), sha256_hex("".join(lines[file]).encode("utf-8"))])
    with open(os.path.join(kept, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=KEPT_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(dict(r, text_sha=text_sha(texts[r["id"]])))
    print(f"fresh: kept {len(rows)} labels of posts from {len(lines)} raw files in {kept}", file=sys.stderr)


def restore_posts(kept, setdir):
    """The posts and labels of a kept set written back into SET/posts.tsv and SET/labels.csv from the raw
    files copied again (by a person, from sources.csv, as prompts/collect.md says) into SET: every kept
    post must find its row with the same text (text_sha). Exits naming what is missing or changed."""
    with open(os.path.join(kept, "sources.csv"), newline="", encoding="utf-8") as f:
        sources = list(csv.DictReader(f))
    to_fetch = [f"  {r['file']}: repository {r['repo']}, path {r['path']}, commit {r['commit']}, column "
                f"{r['column']}, rows: {r['rule']}" for r in sources if not os.path.exists(os.path.join(setdir, r["file"]))]
    if to_fetch:
        sys.exit("\n".join(to_fetch) + f"\nfresh: {len(to_fetch)} of {len(sources)} raw files of {setdir} to copy "
                 f"again (fresh.py restore {kept} {setdir} lists each: repository, path, commit, column, rows)")
    texts = {}
    for r in sources:
        prefix = os.path.splitext(os.path.basename(r["file"]))[0]
        texts.update((post_id(prefix, row), text) for row, text in raw_rows(os.path.join(setdir, r["file"])))
    with open(os.path.join(kept, "labels.csv"), newline="", encoding="utf-8") as f:
        marked = list(csv.DictReader(f))
    wrong = [r["id"] for r in marked if texts.get(r["id"]) is None or text_sha(texts[r["id"]]) != r["text_sha"]]
    if wrong:
        sys.exit(f"fresh: {len(wrong)} kept posts are not in the raw files as labelled, e.g. {wrong[:3]}")
    posts_tsv.write(os.path.join(setdir, "posts.tsv"), [(r["id"], texts[r["id"]]) for r in marked])
    with open(os.path.join(setdir, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "category", "reported", "lang", "split"])
        for r in marked:
            w.writerow([r["id"], r["label"], r["category"], r["reported"], "id", "test"])
    print(f"fresh: restored {len(marked)} posts and their labels into {setdir}", file=sys.stderr)


def keep_pages(setdir, kept):
    """What the repository keeps of a finished page set: where each page came from and how it was
    segmented (sources.csv), and the label of every sentence that is not a plain 0 (labels.csv; every
    other sentence of the pages is a 0, not reported)."""
    sources = source_rows(setdir)
    posts = posts_tsv.read(os.path.join(setdir, "posts.tsv"))
    texts = dict(posts)
    digests = page_digests(posts)
    missing = sorted(set(digests) - {r[0] for r in sources})
    if missing:
        sys.exit(f"fresh: no source row (## Rows of SOURCES.md) for {missing}")
    for row in sources:
        with open(os.path.join(setdir, row[0]), "rb") as f:
            if sha256_hex(f.read()) != row[6]:
                sys.exit(f"fresh: {row[0]}: the file's sha256 is not the one in SOURCES.md")
    with open(os.path.join(setdir, "labels.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if len(rows) != len(texts) or {r["id"] for r in rows} != set(texts):
        sys.exit("fresh: labels.csv does not label every sentence of posts.tsv once")
    if {(r["lang"], r.get("kind", "")) for r in rows} != {("en", "page-sentence")}:
        sys.exit("fresh: keep is for English page sets (lang en, kind page-sentence)")
    os.makedirs(kept, exist_ok=True)
    with open(os.path.join(kept, "sources.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(SOURCE_FIELDS)
        w.writerows(r + list(digests[r[0]]) for r in sources if r[0] in digests)
    with open(os.path.join(kept, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=KEPT_FIELDS, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            if r["label"] != "0" or r.get("reported", "0") not in ("", "0"):
                w.writerow(dict(r, text_sha=text_sha(texts[r["id"]])))
    print(f"fresh: kept {len(rows)} labels of {len(digests)} pages in {kept}", file=sys.stderr)


def restore_pages(kept, setdir):
    """The labels of a kept page set written back into SET/labels.csv: every page fetched again must be
    byte-exact (sha256 of sources.csv) and segmented as when it was labelled (sentence count and digest);
    every kept label must find its sentence (text_sha). Exits naming what is missing or changed."""
    with open(os.path.join(kept, "sources.csv"), newline="", encoding="utf-8") as f:
        sources = list(csv.DictReader(f))
    to_fetch = []
    for r in sources:
        path = os.path.join(setdir, r["file"])
        data = open(path, "rb").read() if os.path.exists(path) else None
        if data is None or sha256_hex(data) != r["sha256"]:
            state = "missing" if data is None else "not byte-exact"
            to_fetch.append(f"  {r['file']} ({state}): repository {r['repo']}, path {r['path']}, "
                            f"commit {r['commit']}, {r['chars']} characters")
    if to_fetch:
        # The summary comes last, so that `make cta-real` can show it alone (tail -n 1).
        sys.exit("\n".join(to_fetch) + f"\nfresh: {len(to_fetch)} of {len(sources)} pages of {setdir} to fetch "
                 f"again, byte for byte (fresh.py restore {kept} {setdir} lists each: repository, path, commit)")
    pages(setdir, "en")
    posts = posts_tsv.read(os.path.join(setdir, "posts.tsv"))
    digests = page_digests(posts)
    changed = [r["file"] for r in sources if digests.get(r["file"]) != (int(r["sentences"]), r["sentences_sha256"])]
    if changed:
        sys.exit(f"fresh: {len(changed)} pages are not segmented as when labelled (page_sentences.py changed?), "
                 f"e.g. {changed[:3]}")
    with open(os.path.join(kept, "labels.csv"), newline="", encoding="utf-8") as f:
        marked = {r["id"]: r for r in csv.DictReader(f)}
    texts = dict(posts)
    wrong = [i for i, r in marked.items() if i not in texts or text_sha(texts[i]) != r["text_sha"]]
    if wrong:
        sys.exit(f"fresh: {len(wrong)} labelled sentences are not in the pages as segmented, e.g. {wrong[:3]}")
    with open(os.path.join(setdir, "labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "category", "reported", "lang", "split", "kind"])
        for ident, _ in posts:
            r = marked.get(ident, {"label": "0", "category": "", "reported": "0"})
            w.writerow([ident, r["label"], r["category"], r["reported"], "en", "test", "page-sentence"])
    print(f"fresh: restored the labels of {len(posts)} sentences ({len(marked)} asks or reported) into {setdir}",
          file=sys.stderr)


COMMANDS = ("build", "pages", "split", "combine", "labels", "keep", "restore")


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in COMMANDS or (sys.argv[1] in ("keep", "restore") and len(sys.argv) < 4):
        sys.exit(__doc__)
    command, setdir = sys.argv[1], sys.argv[2]
    if command == "keep":
        keep(setdir, sys.argv[3])
        return
    if command == "restore":
        restore(setdir, sys.argv[3])
        return
    if command == "build":
        build(setdir, sys.argv[3:])
    elif command == "pages":
        pages(setdir, sys.argv[3] if len(sys.argv) > 3 else "en")
    elif command == "split":
        split(setdir)
    elif command == "labels":
        labels(setdir)
    else:
        combine(setdir, sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")


if __name__ == "__main__":
    main()
