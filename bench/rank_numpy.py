"""numpy baseline for bench/rank.ts: the same portfolio priority computation, vectorized.

Reads the columns written by bench/rank.ts from a directory (argv[1]): raw little-endian arrays named
after the PriorityColumns fields, plus meta.json with the options. Computes impact, demand (latest link
per feature and customer via one lexsort), boost, score, parking and the order, writes score.f64 and
order.i32 back for comparison, and prints one JSON line {"seconds", "cpuSeconds"}: wall and CPU time of the computation, file loading excluded.
Python is here for the baseline only; the product never runs it.
"""
import json
import os
import sys
import time

import numpy as np

d = sys.argv[1]
meta = json.load(open(os.path.join(d, "meta.json")))
types = meta["types"]
cols = {name: np.fromfile(os.path.join(d, name + ".bin"), dtype=types[name]) for name in types}
o = meta["options"]

t0 = time.perf_counter()
c0 = time.process_time()
F = len(cols["featureBase"])
S = len(cols["segmentWeight"])
C = len(cols["customerRevenue"])
w = cols["segmentWeight"]
a = o["impactWeights"]
start = cols["impactStart"]
E = start[F]
entry_feature = np.repeat(np.arange(F, dtype=np.int64), np.diff(start))
seg = cols["impactSegment"][:E]
value = (a["revenue"] * cols["impactRevenue"][:E].astype(np.float64)
         + a["retention"] * cols["impactRetention"][:E].astype(np.float64)
         + a["adoption"] * cols["impactAdoption"][:E].astype(np.float64))
impact = np.bincount(entry_feature, weights=w[seg] * value, minlength=F) / 3
is_top = cols["segmentRank"][seg] <= o["topSegments"]
top_impact = np.zeros(F)
np.maximum.at(top_impact, entry_feature[is_top], value[is_top])
targets_top = np.bincount(entry_feature, weights=is_top, minlength=F) > 0
boost = np.where(o["capacityShort"] & targets_top & (cols["featureBase"] == 0), 1 + o["segmentBoost"], 1.0)

max_w = w.max() if S else 0.0
unknown = (w.sum() / max(1, S) / max_w) if max_w > 0 else 1.0
rev = cols["customerRevenue"]
max_rev = rev.max() if C else 0.0
floor = o["minCustomerWeight"]
r = floor + (1 - floor) * (rev / max_rev if max_rev > 0 else 0 * rev)
cseg = cols["customerSegment"]
p = np.where(cseg < 0, unknown, (w[np.maximum(cseg, 0)] / max_w) if max_w > 0 else 1.0)
factor = r * p

lf = cols["linkFeature"].astype(np.int64)
lc = cols["linkCustomer"].astype(np.int64)
imp = cols["linkImportance"].astype(np.float64) / 3
lt = cols["linkTime"]
anon = lc < 0
demand = np.bincount(lf[anon], weights=imp[anon] * floor * unknown, minlength=F)
known = ~anon
kf, kc, ki, kt = lf[known], lc[known], imp[known], lt[known]
key = kf * C + kc
idx = np.arange(len(key))
order = np.lexsort((idx, kt, key))  # last of each key group = latest time, later index on ties
ks = key[order]
last = np.ones(len(ks), dtype=bool)
last[:-1] = ks[1:] != ks[:-1]
sel = order[last]
demand += np.bincount(kf[sel], weights=ki[sel] * factor[kc[sel]], minlength=F)
max_d = demand.max() if F else 0.0
norm = demand / max_d if max_d > 0 else demand * 0
score = (impact + o["demandWeight"] * norm) * boost
parked = (top_impact < o["parkThreshold"]) & (cols["featurePulledBack"] == 0)
rank_order = np.lexsort((np.arange(F), -score, parked)).astype(np.int32)
seconds = time.perf_counter() - t0
cpu_seconds = time.process_time() - c0

score.astype(np.float64).tofile(os.path.join(d, "score.f64"))
rank_order.tofile(os.path.join(d, "order.i32"))
print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds}))
