"""numpy baseline for bench/simulate.ts: the same Monte Carlo, vectorized over trials.

Reads the generated problem JSON (argv[1]), trials (argv[2]) and seed (argv[3]); runs the simulation
with numpy's default generator (PCG64), items outer / trials vectorized: per item one (3, trials)
block of uniforms (cost, benefit, success), triangular draws by inverse CDF in whole-array operations
(measured faster than `Generator.triangular` on this machine: 0.56 s vs 0.80 s for 100,000 × 200), and
prints one JSON line: {"seconds", "mean", "stdev", "p10", "p50", "p90", "probabilityOfTarget"}.
Python is here for the baseline only; the product never runs it.
"""
import json
import sys
import time

import numpy as np


def triangular(u, low, likely, high):
    width = high - low
    if width == 0:
        return np.full(u.shape, float(low))
    split = (likely - low) / width
    return np.where(u < split, low + np.sqrt(u * (width * (likely - low))),
                    high - np.sqrt((1.0 - u) * (width * (high - likely))))


def simulate(problem, trials, seed):
    rng = np.random.default_rng(seed)
    r = problem["discountRate"]
    values = np.zeros(trials)
    for item in problem["items"]:
        first, last = item["benefitPeriods"]
        annuity = sum((1 + r) ** -t for t in range(first, last + 1))
        dc = (1 + r) ** -item.get("costPeriod", 0)
        c, b = item["cost"], item["benefit"]
        u = rng.random((3, trials))
        cost = triangular(u[0], c["low"], c["likely"], c["high"])
        benefit = triangular(u[1], b["low"], b["likely"], b["high"])
        values += np.where(u[2] < item["probability"], benefit * annuity, 0.0) - cost * dc
    return values


def main():
    problem = json.load(open(sys.argv[1]))
    trials = int(sys.argv[2])
    seed = int(sys.argv[3])
    start = time.perf_counter()
    values = simulate(problem, trials, seed)
    mean = float(values.mean())
    stdev = float(values.std(ddof=1))
    p10, p50, p90 = (float(x) for x in np.percentile(values, [10, 50, 90]))
    target = problem.get("target")
    prob = float((values >= target).mean()) if target is not None else None
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "mean": mean, "stdev": stdev, "p10": p10, "p50": p50,
                      "p90": p90, "probabilityOfTarget": prob}))


if __name__ == "__main__":
    main()
