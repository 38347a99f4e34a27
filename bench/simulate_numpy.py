"""numpy baseline for bench/simulate.ts: the same Monte Carlo, vectorized over trials.

Reads the generated problem JSON (argv[1]), trials (argv[2]) and seed (argv[3]); runs the simulation
with numpy's default generator (PCG64) and `Generator.triangular`, items outer / trials vectorized,
and prints one JSON line: {"seconds", "mean", "stdev", "p10", "p50", "p90", "probabilityOfTarget"}.
Python is here for the baseline only; the product never runs it.
"""
import json
import sys
import time

import numpy as np


def simulate(problem, trials, seed):
    rng = np.random.default_rng(seed)
    r = problem["discountRate"]
    values = np.zeros(trials)
    for item in problem["items"]:
        first, last = item["benefitPeriods"]
        annuity = sum((1 + r) ** -t for t in range(first, last + 1))
        dc = (1 + r) ** -item.get("costPeriod", 0)
        c, b = item["cost"], item["benefit"]
        cost = rng.triangular(c["low"], c["likely"], c["high"], trials) if c["high"] > c["low"] else np.full(trials, c["low"])
        benefit = rng.triangular(b["low"], b["likely"], b["high"], trials) if b["high"] > b["low"] else np.full(trials, b["low"])
        success = rng.random(trials) < item["probability"]
        values += np.where(success, benefit * annuity, 0.0) - cost * dc
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
