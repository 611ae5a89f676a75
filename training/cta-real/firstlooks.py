#!/usr/bin/env python3
"""The first looks of the kept sets of Indonesian posts, each and pooled.

A set's first look is its figure printed once, with a build of the rules read off the sets before it,
before anyone read its posts or errors (docs/extract-figures.md): the figure that says how the detector
does on posts it was not developed on. `make eval` scores the kept sets with today's rules, most of
them read off those very sets; this prints the first looks as they were, from each kept set's
`firstlook.csv` (one row: build, posts, asks, found, false_asks), and pools them over the sessions.

Usage: firstlooks.py [KEPT_DIR]   (default training/cta-real/kept)
Prints one line per set and per session, and the pooled line, with a 95% interval: a seeded bootstrap
over posts within each set, as eval-cta's pooled line. Standard library only.
"""

import csv
import glob
import os
import random
import sys

HEADER = ["session", "build", "posts", "asks", "found", "false_asks"]
ROUNDS = 2000


def f1(tp, fp, fn):
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def interval(sets, rounds=ROUNDS, seed=1):
    """95% bootstrap interval of the pooled F1: each set's posts are drawn again with replacement."""
    rng = random.Random(seed)
    values = []
    for _ in range(rounds):
        tp = fp = fn = 0
        for s in sets:
            # A post is a found ask, a false ask, a missed ask or neither.
            for x in rng.choices(range(s["posts"]), k=s["posts"]):
                if x < s["found"]:
                    tp += 1
                elif x < s["found"] + s["false_asks"]:
                    fp += 1
                elif x < s["asks"] + s["false_asks"]:
                    fn += 1
        values.append(f1(tp, fp, fn))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def line(name, sets, with_interval=True):
    tp = sum(s["found"] for s in sets)
    fp = sum(s["false_asks"] for s in sets)
    asks = sum(s["asks"] for s in sets)
    posts = sum(s["posts"] for s in sets)
    fn = asks - tp
    text = f"  {name}: {len(sets)} set(s), {posts} posts, {asks} asks: "
    if asks == 0:
        return text + f"no ask to find; {fp} false ask(s) ({1000 * fp / posts:.1f} per 1,000 posts)"
    text += f"F1={f1(tp, fp, fn):.3f}"
    if with_interval:
        low, high = interval(sets)
        text += f" [{low:.2f}, {high:.2f}]"
    p = tp / (tp + fp) if tp + fp else 0.0
    return text + f" P={p:.3f} R={tp / asks:.3f} ({1000 * fp / posts:.1f} false asks per 1,000 posts)"


def main():
    kept = sys.argv[1] if len(sys.argv) > 1 else "training/cta-real/kept"
    sets = []
    for path in sorted(glob.glob(os.path.join(kept, "*", "firstlook.csv"))):
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        if not rows or rows[0] != HEADER or len(rows) != 2:
            sys.exit(f"firstlooks: {path}: expected the header {','.join(HEADER)} and one row")
        row = dict(zip(HEADER, rows[1]))
        s = {k: int(row[k]) for k in ["session", "posts", "asks", "found", "false_asks"]}
        s["name"], s["build"] = os.path.basename(os.path.dirname(path)), row["build"]
        if not (0 <= s["found"] <= s["asks"] and s["asks"] + s["false_asks"] <= s["posts"]):
            sys.exit(f"firstlooks: {path}: found, asks, false_asks and posts do not add up")
        sets.append(s)
    if not sets:
        sys.exit(f"firstlooks: no firstlook.csv under {kept}")
    print("first looks of the kept Indonesian post sets (each printed once, before its own rules):")
    for s in sets:
        print(line(f"tweet/id@{s['name']} (session {s['session']}, build {s['build']})", [s], False))
    for session in sorted({s["session"] for s in sets}):
        print(line(f"session {session} pooled", [s for s in sets if s["session"] == session]))
    print(line("all pooled", sets))


if __name__ == "__main__":
    main()
