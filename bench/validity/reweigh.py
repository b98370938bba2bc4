#!/usr/bin/env python3
"""Re-score a validity dump (mimesis_validity_bench --pairs FILE) with other weights or shape
references, and print AUROC per movement against plain DTW, without rebuilding the scorer.

The overall score is a weighted mean of metric scores, each 100*exp(-error/reference)
(SCORE_REPORT.md), so a different weight or a shape reference scaled per pair can be applied to
the dumped metric scores exactly. The dump's own `score` column is reproduced with the
default weights (checked on every run: the script stops if it is not).

  reweigh.py PAIRS.csv                               # the dumped scorer, re-computed
  reweigh.py PAIRS.csv --weights rhythm=0.2,posture=0
  reweigh.py PAIRS.csv --factor e_speed/e_reach:0.25  # shape ref *= (x/median x)^0.25
  reweigh.py PAIRS.csv --subjects 4,5                # a held-out half
  reweigh.py PAIRS.csv --grid                        # weight grid: best worst gap to DTW
Standard library only (no numpy on the CI machines).
"""
import argparse
import csv
import itertools
import math
import sys
from collections import defaultdict

METRICS = ["shape", "posture", "placement", "timing", "rhythm", "smoothness", "coverage", "match"]
DEFAULT_WEIGHTS = dict(shape=0.62, posture=0.05, placement=0.05, timing=0.03, rhythm=0.15, smoothness=0.0,
                       coverage=0.10, match=1.0)  # ScoreWeights in ScoringConfig.hpp


def auroc(pos, neg):
    """P(positive > negative), ties half (as UiPrmdPairProtocol.hpp)."""
    neg = sorted(neg)
    import bisect
    wins = 0.0
    for p in pos:
        lo, hi = bisect.bisect_left(neg, p), bisect.bisect_right(neg, p)
        wins += lo + 0.5 * (hi - lo)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.5


def load(path):
    rows = []
    with open(path) as f:
        for r in csv.DictReader(f):
            row = {k: float(v) for k, v in r.items()}
            s = max(row["s_shape"], 1e-12)
            # The pair's own shape reference, recovered from its score: s = 100 exp(-e / ref).
            row["shape_ref"] = -row["shape_mm"] / math.log(s / 100.0) if 0 < s < 100 else float("inf")
            rows.append(row)
    return rows


def column(row, expr):
    """`a` or `a/b` over dump columns."""
    if "/" in expr:
        a, b = expr.split("/")
        return row[a] / row[b]
    return row[expr]


def scorer(rows, weights, factors):
    medians = {}
    for expr, _ in factors:
        xs = sorted(column(r, expr) for r in rows)
        medians[expr] = xs[len(xs) // 2]
    def score(r):
        s = {m: r["s_" + m] for m in METRICS}
        # A metric the scorer did not measure (dumped as -1: the body pose match of a clip
        # without a body) is left out of the weighted mean, as combineScores does.
        present = [m for m in METRICS if s[m] >= 0]
        total = sum(weights[m] for m in present)
        if factors:
            f = 1.0
            for expr, q in factors:
                f *= (column(r, expr) / medians[expr]) ** q
            s["shape"] = 100.0 * math.exp(-r["shape_mm"] / (r["shape_ref"] * f))
        return sum(weights[m] * s[m] for m in present) / total
    return score


def per_movement(rows, fn):
    by = defaultdict(lambda: ([], []))
    for r in rows:
        by[int(r["movement"])][0 if r["correct"] else 1].append(fn(r))
    return {m: auroc(*by[m]) for m in sorted(by)}


def summary(a, dtw):
    gaps = [a[m] - dtw[m] for m in a]
    return sum(a.values()) / len(a), min(gaps), sum(g < 0 for g in gaps)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pairs")
    ap.add_argument("--weights", default="", help="metric=weight,... (others keep the defaults)")
    ap.add_argument("--factor", action="append", default=[], help="COLUMN[/COLUMN]:EXPONENT, repeatable")
    ap.add_argument("--subjects", default="", help="comma-separated subject numbers to keep")
    ap.add_argument("--grid", action="store_true", help="search posture/placement/timing/rhythm weights")
    args = ap.parse_args()

    rows = load(args.pairs)
    if args.subjects:
        keep = {int(s) for s in args.subjects.split(",")}
        rows = [r for r in rows if int(r["subject"]) in keep]
    if not rows:
        sys.exit(f"{args.pairs}: no pairs")
    check = scorer(rows, DEFAULT_WEIGHTS, [])
    worst = max(abs(check(r) - r["score"]) for r in rows)
    if worst > 0.01:
        sys.exit(f"{args.pairs}: re-computed scores differ from the dump by {worst:.4f}: weights out of date?")

    weights = dict(DEFAULT_WEIGHTS)
    for kv in filter(None, args.weights.split(",")):
        k, v = kv.split("=")
        if k not in weights:
            sys.exit(f"--weights: unknown metric '{k}' (one of {', '.join(METRICS)})")
        weights[k] = float(v)
    factors = []
    for spec in args.factor:
        expr, q = spec.rsplit(":", 1)
        factors.append((expr, float(q)))
        column(rows[0], expr)  # a KeyError names an unknown column

    dtw = per_movement(rows, lambda r: -r["dtw"])
    dumped = per_movement(rows, lambda r: r["score"])
    ours = per_movement(rows, scorer(rows, weights, factors))
    print(f"{'movement':10s}{'dumped':>9s}{'re-scored':>11s}{'plain DTW':>11s}{'re-DTW':>9s}")
    for m in ours:
        print(f"m{m:02d}{'':7s}{dumped[m]:9.4f}{ours[m]:11.4f}{dtw[m]:11.4f}{ours[m] - dtw[m]:+9.4f}")
    mean, gap, below = summary(ours, dtw)
    print(f"mean{'':6s}{sum(dumped.values()) / len(dumped):9.4f}{mean:11.4f}"
          f"{sum(dtw.values()) / len(dtw):11.4f}{mean - sum(dtw.values()) / len(dtw):+9.4f}")
    print(f"worst gap to plain DTW {gap:+.4f}; movements below it: {below}")

    if args.grid:
        best = []
        for p, pl, t, rh in itertools.product([0, 0.05, 0.1], [0, 0.05, 0.1], [0, 0.03], [0.05, 0.1, 0.15, 0.2]):
            w = dict(weights, posture=p, placement=pl, timing=t, rhythm=rh)
            mean, gap, below = summary(per_movement(rows, scorer(rows, w, factors)), dtw)
            best.append((gap, mean, below, (p, pl, t, rh)))
        best.sort(reverse=True)
        print("grid (posture, placement, timing, rhythm): best worst gaps")
        for gap, mean, below, w in best[:5]:
            print(f"  {w}: worst gap {gap:+.4f}, mean {mean:.4f}, {below} below DTW")


if __name__ == "__main__":
    main()
