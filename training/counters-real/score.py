#!/usr/bin/env python3
"""Counters of real pages against hand labels (training/counters-real/labels.json).

  score.py DOCUMENTS ROOT [LABELS]

DOCUMENTS is `slackscore parse` output for the labelled pages, ROOT the folder their keys are relative
to (CTA_LABELS: a key is SET/raw-X/html/FILE). Prints, as CounterConformanceTests does for the shared
pages: interaction precision and recall (page counters against the page's own values), the same for
outcome kinds (signatures, goals, funds, donors, attendees, volunteers), the page's own value right per
page x kind (`primary`), and traps read as the page's; then every error. Standard library only.
"""
import json
import os
import sys

INTERACTIONS = {"likes", "shares", "comments", "views", "reactions", "retweets", "followers"}
OUTCOMES = {"signatures", "signature_goal", "donors", "funds_raised", "funds_goal", "attendees", "volunteers"}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    documents, root = sys.argv[1], os.path.abspath(sys.argv[2])
    labels_path = sys.argv[3] if len(sys.argv) == 4 else os.path.join(os.path.dirname(__file__), "labels.json")
    labels = json.load(open(labels_path, encoding="utf-8"))["pages"]
    counters = {}
    for line in open(documents, encoding="utf-8"):
        doc = json.loads(line)
        path = os.path.abspath(doc["source"]["path"])
        if path.startswith(root + os.sep):
            counters[os.path.relpath(path, root)] = doc["counters"]
    missing = sorted(set(labels) - set(counters))
    print(f"counters on {len(counters)} of {len(labels)} labelled pages" + (f" ({len(missing)} not parsed)" if missing else ""))
    if not counters:
        return

    def own(kinds):
        return {(p, v["kind"], float(v["value"])) for p, lab in labels.items() if p in counters
                for v in lab["own"] if v["kind"] in kinds}

    def read(kinds):
        return {(p, c["kind"], float(c["value"])) for p, cs in counters.items() if p in labels
                for c in cs if c["subject"] == "page" and c["kind"] in kinds}

    errors = []
    for name, kinds in (("interactions", INTERACTIONS), ("outcomes", OUTCOMES)):
        truth, found = own(kinds), read(kinds)
        hits = len(truth & found)
        print(f"{name}: precision {hits / max(len(found), 1):.3f} ({hits}/{len(found)}), "
              f"recall {hits / max(len(truth), 1):.3f} ({hits}/{len(truth)})")
        errors += [f"  not the page's: {p} {k} {v:g}" for p, k, v in sorted(found - truth)]
        errors += [f"  missed: {p} {k} {v:g}" for p, k, v in sorted(truth - found)]
    truth_primary = {(p, v["kind"]): float(v["value"]) for p, lab in labels.items() if p in counters
                     for v in lab["own"] if v.get("primary")}
    read_primary = {(p, c["kind"]): float(c["value"]) for p, cs in counters.items() if p in labels
                    for c in cs if c.get("primary")}
    slots = set(truth_primary) | set(read_primary)
    right = sum(1 for s in slots if truth_primary.get(s) == read_primary.get(s))
    print(f"page's own value right: {right}/{len(slots)} page x kind")
    traps = {(p, v["kind"], float(v["value"])) for p, lab in labels.items() if p in counters
             for v in lab.get("traps", [])}
    taken = traps & read(INTERACTIONS | OUTCOMES)
    print(f"traps read as the page's: {len(taken)} of {len(traps)}")
    errors += [f"  trap taken: {p} {k} {v:g}" for p, k, v in sorted(taken)]
    print("\n".join(errors))


if __name__ == "__main__":
    main()
