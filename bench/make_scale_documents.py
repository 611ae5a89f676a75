#!/usr/bin/env python3
"""Scale inputs for bench-40-scale.sh: N documents (documents.jsonl, as `slackscore parse` writes
them) made by replicating and perturbing real parse output, spread over a handful of campaigns,
plus the pipeline.yml that configures those campaigns. Deterministic: the same seeds, N and
--seed give byte-identical files.

Each output document copies one seed document (chosen at random among those with text) and
changes it the way a large archive does:
  - a new id, URL and record offset, on one of --sites sites (so extract's per-site boilerplate
    pass sees recurring lines);
  - its text perturbed: a share of its words (0-60%, so some copies are near-duplicates, some
    share half their shingles, most are distinct) replaced by words of other seed documents,
    paragraphs sometimes dropped or shuffled;
  - a capture time spread over one year;
  - counters rescaled (same kinds, raw strings and origins);
  - for about one document in three, one of --campaigns campaigns: its hashtag in the text and
    hashtags, a link to its petition page, and on the petition page itself a signature counter
    that grows with the capture time.

Usage: make_scale_documents.py --count N --out DIR SEED.jsonl... [--campaigns 5] [--sites 200]
Writes DIR/documents.jsonl and DIR/pipeline/pipeline.yml.
"""

import argparse
import hashlib
import json
import os
import random
import sys

START = 1704067200  # 2024-01-01T00:00:00Z
YEAR = 366 * 86400


def iso(seconds):
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def load_seeds(paths):
    seeds = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                doc = json.loads(line)
                if len(doc.get("text") or "") >= 200:
                    seeds.append(doc)
    if not seeds:
        sys.exit("make_scale_documents: no seed document with at least 200 characters of text")
    seeds.sort(key=lambda d: d["id"])
    return seeds


def perturb(text, rng, vocabulary):
    paragraphs = text.split("\n")
    if len(paragraphs) > 3 and rng.random() < 0.3:
        paragraphs = [p for p in paragraphs if rng.random() > 0.2] or paragraphs[:1]
    if len(paragraphs) > 3 and rng.random() < 0.2:
        rng.shuffle(paragraphs)
    share = rng.choice((0.0, 0.02, 0.1, 0.3, 0.45, 0.6, 0.6, 0.6))
    draw, pick = rng.random, rng.choice  # the same draws in the same order, without the lookups
    out = []
    for p in paragraphs:
        words = p.split(" ")
        for i in range(len(words)):
            if draw() < share:
                words[i] = pick(vocabulary)
        out.append(" ".join(words))
    return "\n".join(out)


def campaign_list(count):
    return [
        {
            "id": f"scale-campaign-{c + 1}",
            "tag": f"ScaleCampaign{c + 1}",
            "petition": f"https://petisi.example.id/p/scale-campaign-{c + 1}",
        }
        for c in range(count)
    ]


def write_pipeline(folder, campaigns):
    os.makedirs(folder, exist_ok=True)
    lines = [
        "# Written by bench/make_scale_documents.py: the campaigns of the scale benchmark.",
        "name: scale",
        'description: "Scale benchmark: replicated and perturbed parse output"',
        "inputs: []",
        "currency:",
        "  base: IDR",
        "scoring:",
        "  low_effort_max: 2",
        "  bootstrap_samples: 1000",
        "  seed: 20240601",
        "  min_coverage: 0.5",
        "campaigns:",
    ]
    for c in campaigns:
        lines += [
            f"  - id: {c['id']}",
            f"    name: \"{c['tag']}\"",
            '    period: { from: "2024-01-01", to: "2024-12-31" }',
            f"    hashtags: [\"#{c['tag']}\"]",
            "    keywords: []",
            f"    url_patterns: [\"{c['petition'][len('https://'):]}*\"]",
            f"    petition_urls: [\"{c['petition']}\"]",
            "    donation_urls: []",
            "    event_urls: []",
        ]
    with open(os.path.join(folder, "pipeline.yml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def make_document(i, seeds, vocabulary, campaigns, sites, rng):
    seed = seeds[rng.randrange(len(seeds))]
    # A shallow copy: every field changed below is replaced, except the counters (copied here).
    doc = dict(seed)
    if seed.get("counters"):
        doc["counters"] = [dict(counter) for counter in seed["counters"]]
    digest = hashlib.sha256(f"scale-{i}".encode()).hexdigest()
    site = f"s{rng.randrange(sites)}.example.org"
    path = (seed.get("url") or "/").split("://", 1)[-1].split("/", 1)[-1].split("?")[0][:60]
    doc["id"] = digest[:32]
    doc["url"] = f"https://{site}/{path}/{i}".replace("//", "/").replace("https:/", "https://")
    doc["canonical_url"] = doc["url"] if seed.get("canonical_url") else None
    doc["site_name"] = site
    captured = START + rng.randrange(YEAR)
    doc["captured_at"] = iso(captured)
    doc["published_at"] = iso(captured - rng.randrange(30 * 86400)) if seed.get("published_at") else None
    doc["text"] = perturb(seed["text"][:12000], rng, vocabulary)
    doc["source"] = {
        "path": "bench/scale.warc.gz",
        "offset": i * 4096,
        "record_id": f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>",
        "payload_digest": "sha1:" + digest[32:64].upper(),
    }
    factor = 0.5 + rng.random() * 2
    for counter in doc.get("counters") or []:
        counter["value"] = round(counter["value"] * factor)
    doc["hashtags"] = list(doc.get("hashtags") or [])
    doc["links"] = list(doc.get("links") or [])[:40]
    roll = rng.random()
    if roll < 0.33:
        c = campaigns[rng.randrange(len(campaigns))]
        doc["hashtags"].append("#" + c["tag"])
        doc["text"] += f"\nDukung #{c['tag']}: tandatangani petisinya di {c['petition']}"
        doc["links"].append({"in_main": True, "text": "petisi", "url": c["petition"]})
    elif roll < 0.35:
        # A capture of a campaign's petition page: its signature count grows over the year.
        c = campaigns[rng.randrange(len(campaigns))]
        signatures = 100 + (captured - START) // 3600
        doc["url"] = c["petition"]
        doc["canonical_url"] = c["petition"]
        doc["counters"] = [
            {
                "currency": None,
                "kind": "signatures",
                "origin": "meta",
                "primary": True,
                "raw": str(signatures),
                "subject": "page",
                "value": signatures,
            }
        ]
    return doc


def add_arguments(parser, out_help):
    """The arguments this script and make_scale_archives.py share."""
    parser.add_argument("seeds", nargs="+", help="documents.jsonl files from `slackscore parse`")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", required=True, help=out_help)
    parser.add_argument("--campaigns", type=int, default=5)
    parser.add_argument("--sites", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)


def setup(args):
    """The random generator, seed documents, replacement vocabulary and campaigns of a run."""
    seeds = load_seeds(args.seeds)
    vocabulary = sorted({w for d in seeds for w in d["text"].split() if w.isalpha() and len(w) < 16})
    return random.Random(args.seed), seeds, vocabulary, campaign_list(args.campaigns)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_arguments(parser, "folder for documents.jsonl and pipeline/")
    args = parser.parse_args()
    rng, seeds, vocabulary, campaigns = setup(args)
    os.makedirs(args.out, exist_ok=True)
    write_pipeline(os.path.join(args.out, "pipeline"), campaigns)
    target = os.path.join(args.out, "documents.jsonl")
    with open(target + ".part", "w", encoding="utf-8") as f:
        for i in range(args.count):
            doc = make_document(i, seeds, vocabulary, campaigns, args.sites, rng)
            f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    os.replace(target + ".part", target)


if __name__ == "__main__":
    main()
