"""Search latency over the API: typical queries, each sent N times in turn; prints p50, p95 and max.

Usage: python catalog_search.py BASE_URL TOKEN [ROUNDS]
"""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request

base, token = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
QUERIES = {
    "one word": ["history", "poetry", "war", "music", "women", "children", "science", "law", "art", "religion"],
    "two words": ["civil war", "united states", "world history", "american poetry", "french revolution", "social life"],
    "author surname": ["smith", "lincoln", "shakespeare", "dickens", "tolstoy", "johnson", "brown", "miller"],
    "prefix": ["hist", "poe", "educ", "philos", "amer", "chem", "biogr", "lit"],
}


def fetch(q):
    url = base + "/api/v1/catalog?" + urllib.parse.urlencode({"q": q})
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        body = json.load(r)
    return (time.perf_counter() - start) * 1000, body["total"]


for q in sum(QUERIES.values(), []):  # warm-up
    fetch(q)
all_times = []
for kind, queries in QUERIES.items():
    times = []
    for _ in range(rounds):
        for q in queries:
            ms, _ = fetch(q)
            times.append(ms)
    all_times += times
    times.sort()
    print(f"{kind:15s} n={len(times):4d}  p50={statistics.median(times):6.1f} ms  p95={times[int(len(times) * 0.95) - 1]:6.1f} ms  max={times[-1]:6.1f} ms")
all_times.sort()
print(f"{'all':15s} n={len(all_times):4d}  p50={statistics.median(all_times):6.1f} ms  p95={all_times[int(len(all_times) * 0.95) - 1]:6.1f} ms  max={all_times[-1]:6.1f} ms")
