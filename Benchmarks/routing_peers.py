"""Compares Knigonosha's stop order (nearest neighbour + 2-opt) with OR-Tools on the same runs.

Reads the JSON lines of `route-bench` and, for each run, solves the same open route (start at the
branch, end anywhere) with OR-Tools' routing solver: first the cheapest-arc construction alone, then
guided local search for a fixed time, which comes close to the optimum on runs of this size.
Prints one row per run size: mean length and time for each, and our gap to the best found.
"""
import json, math, statistics, sys, time

from ortools.constraint_solver import pywrapcp, routing_enums_pb2


def km(a, b):
    r = 6371.0
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * r * math.asin(min(1, math.sqrt(h)))


def solve(start, points, seconds):
    nodes = [start] + points
    n = len(nodes)
    # Node n is a free end: reaching it costs nothing, so the route is open.
    def cost(i, j):
        if i == n or j == n:
            return 0
        return int(km(nodes[i], nodes[j]) * 1000)
    manager = pywrapcp.RoutingIndexManager(n + 1, 1, [0], [n])
    routing = pywrapcp.RoutingModel(manager)
    cb = routing.RegisterTransitCallback(lambda a, b: cost(manager.IndexToNode(a), manager.IndexToNode(b)))
    routing.SetArcCostEvaluatorOfAllVehicles(cb)
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    if seconds:
        params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        params.time_limit.FromMilliseconds(int(seconds * 1000))
    t0 = time.perf_counter()
    solution = routing.SolveWithParameters(params)
    elapsed = time.perf_counter() - t0
    order, index = [], routing.Start(0)
    while not routing.IsEnd(index):
        node = manager.IndexToNode(index)
        if 0 < node < n:
            order.append(node - 1)
        index = solution.Value(routing.NextVar(index))
    length, here = 0.0, start
    for i in order:
        length += km(here, points[i])
        here = points[i]
    return length, elapsed


def main(path, gls_seconds):
    rows = {}
    for line in open(path):
        r = json.loads(line)
        cheap = solve(r["start"], r["points"], 0)
        best = solve(r["start"], r["points"], gls_seconds)
        rows.setdefault(r["size"], []).append((r["km"], r["us"] / 1e6, cheap[0], cheap[1], best[0], best[1]))
    print(f"| Stops | Runs | Ours (NN + 2-opt) km | Ours time | OR-Tools cheapest arc km | time | OR-Tools GLS {gls_seconds:g} s km | Our gap to GLS |")
    print("|---|---|---|---|---|---|---|---|")
    for size in sorted(rows):
        rs = rows[size]
        ours, ours_t = statistics.mean(x[0] for x in rs), statistics.mean(x[1] for x in rs)
        cheap, cheap_t = statistics.mean(x[2] for x in rs), statistics.mean(x[3] for x in rs)
        best = statistics.mean(x[4] for x in rs)
        gap = statistics.mean((x[0] - x[4]) / x[4] * 100 for x in rs)
        print(f"| {size} | {len(rs)} | {ours:.2f} | {ours_t * 1000:.2f} ms | {cheap:.2f} | {cheap_t * 1000:.1f} ms | {best:.2f} | {gap:+.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1.0)
