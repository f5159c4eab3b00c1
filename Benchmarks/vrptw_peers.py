"""Solves Solomon VRPTW instances with PyVRP and OR-Tools under the DIMACS convention, and prints
the comparison table for `vrptw.sh`.

  vrptw_peers.py solve SECONDS FILE...            one JSON line per instance and solver
  vrptw_peers.py table OURS.jsonl PEERS.jsonl DIR  the Markdown table with gaps to the BKS

The convention is the one of CVRPLIB's best-known solutions: Euclidean distances truncated to one
decimal (so everything is scaled by ten and kept as integers), travel time equal to distance, the
objective is total distance, at most the instance's vehicle count, every window and the capacity
respected, and every route back at the depot by its due date. Each solver gets the same wall-clock
budget on one core (the script runs under `taskset -c 0`).
"""
import json, math, os, statistics, sys, time


def read(path):
    lines = [l.split() for l in open(path)]
    fleet = next(l for l in lines if len(l) == 2 and l[0].isdigit())
    rows = [list(map(float, l)) for l in lines if len(l) == 7 and l[0].isdigit()]
    name = next(l for l in lines if l)[0]
    return name, int(fleet[0]), int(fleet[1]), rows


def tenths(a, b):
    return int(math.isqrt(int(100 * ((a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2))))


def pyvrp_solve(vehicles, capacity, rows, seconds):
    from pyvrp import Model
    from pyvrp.stop import MaxRuntime

    m = Model()
    depot_row = rows[0]
    m.add_vehicle_type(num_available=vehicles, capacity=capacity, tw_early=int(depot_row[4] * 10), tw_late=int(depot_row[5] * 10))
    locations = [m.add_location(x=int(r[1]), y=int(r[2])) for r in rows]
    m.add_depot(locations[0], tw_early=int(depot_row[4] * 10), tw_late=int(depot_row[5] * 10))
    for k, r in enumerate(rows[1:], start=1):
        m.add_client(locations[k], delivery=int(r[3]), service_duration=int(r[6] * 10), tw_early=int(r[4] * 10), tw_late=int(r[5] * 10))
    for i, a in enumerate(rows):
        for j, b in enumerate(rows):
            if i != j:
                d = tenths(a, b)
                m.add_edge(locations[i], locations[j], distance=d, duration=d)
    res = m.solve(stop=MaxRuntime(seconds), seed=1, display=False)
    routes = list(res.best.routes())
    return res.cost() if res.is_feasible() else None, routes


def ortools_solve(vehicles, capacity, rows, seconds):
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = len(rows)
    dist = [[tenths(a, b) for b in rows] for a in rows]
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    distance = routing.RegisterTransitCallback(lambda i, j: dist[manager.IndexToNode(i)][manager.IndexToNode(j)])
    routing.SetArcCostEvaluatorOfAllVehicles(distance)
    service = [int(r[6] * 10) for r in rows]
    transit = routing.RegisterTransitCallback(
        lambda i, j: service[manager.IndexToNode(i)] + dist[manager.IndexToNode(i)][manager.IndexToNode(j)])
    horizon = int(rows[0][5] * 10)
    routing.AddDimension(transit, horizon, horizon, False, "Time")
    time_dim = routing.GetDimensionOrDie("Time")
    for node in range(1, n):
        time_dim.CumulVar(manager.NodeToIndex(node)).SetRange(int(rows[node][4] * 10), int(rows[node][5] * 10))
    for v in range(vehicles):
        time_dim.CumulVar(routing.Start(v)).SetRange(int(rows[0][4] * 10), horizon)
        time_dim.CumulVar(routing.End(v)).SetRange(int(rows[0][4] * 10), horizon)
    demand = routing.RegisterUnaryTransitCallback(lambda i: int(rows[manager.IndexToNode(i)][3]))
    routing.AddDimensionWithVehicleCapacity(demand, 0, [capacity] * vehicles, True, "Load")
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PATH_CHEAPEST_ARC
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    solution = routing.SolveWithParameters(params)
    if solution is None:
        return None, []
    routes = []
    for v in range(vehicles):
        index, route = routing.Start(v), []
        while not routing.IsEnd(index):
            node = manager.IndexToNode(index)
            if node:
                route.append(node)
            index = solution.Value(routing.NextVar(index))
        if route:
            routes.append(route)
    return sum(dist[a][b] for r in routes for a, b in zip([0] + r, r + [0])), routes


def solve(seconds, paths):
    for path in paths:
        name, vehicles, capacity, rows = read(path)
        for solver, function in (("pyvrp", pyvrp_solve), ("ortools", ortools_solve)):
            started = time.perf_counter()
            cost, routes = function(vehicles, capacity, rows, seconds)
            print(json.dumps({"instance": name, "solver": solver, "cost": None if cost is None else cost / 10,
                              "routes": len(routes), "seconds": round(time.perf_counter() - started, 2)}), flush=True)


def table(ours_path, peers_path, directory):
    ours = {r["instance"]: r for r in map(json.loads, open(ours_path))}
    peers = {(r["instance"], r["solver"]): r for r in map(json.loads, open(peers_path))}
    def bks(name):
        for line in open(os.path.join(directory, name + ".sol")):
            if line.startswith("Cost"):
                return float(line.split()[1])
    def gap(cost, best):
        return None if cost is None else 100 * (cost - best) / best
    def show(value, percent=False):
        if value is None:
            return "—"
        return f"{value:+.2f}%" if percent else f"{value:.1f}"
    print("| Instance | BKS | Ours | gap | PyVRP | gap | OR-Tools GLS | gap | Ours vs PyVRP |")
    print("|---|---|---|---|---|---|---|---|---|")
    gaps = {"ours": [], "pyvrp": [], "ortools": [], "vs": []}
    for name in ours:
        best = bks(name)
        o = ours[name]["cost"] if ours[name]["feasible"] == "yes" else None
        p = peers.get((name, "pyvrp"), {}).get("cost")
        t = peers.get((name, "ortools"), {}).get("cost")
        vs = gap(o, p) if o is not None and p is not None else None
        for key, value in (("ours", gap(o, best)), ("pyvrp", gap(p, best)), ("ortools", gap(t, best)), ("vs", vs)):
            if value is not None:
                gaps[key].append(value)
        print(f"| {name} | {best:.1f} | {show(o)} | {show(gap(o, best), True)} | {show(p)} | {show(gap(p, best), True)} "
              f"| {show(t)} | {show(gap(t, best), True)} | {show(vs, True)} |")
    mean = {k: statistics.mean(v) if v else None for k, v in gaps.items()}
    print(f"| **mean** | | | **{show(mean['ours'], True)}** | | {show(mean['pyvrp'], True)} | | {show(mean['ortools'], True)} "
          f"| {show(mean['vs'], True)} |")
    worst = max(gaps["ours"]) if gaps["ours"] else None
    def versus(name):
        o, t = ours[name], peers.get((name, "ortools"), {}).get("cost")
        return "better" if t is None or o["cost"] < t else ("tie" if o["cost"] == t else "worse")
    verdicts = [versus(n) for n in ours]
    print(f"\nWorst gap of ours: {show(worst, True)}. Against OR-Tools: better on {verdicts.count('better')}, "
          f"equal on {verdicts.count('tie')}, worse on {verdicts.count('worse')} (— means no feasible solution in the budget).")

if __name__ == "__main__":
    if sys.argv[1] == "solve":
        solve(float(sys.argv[2]), sys.argv[3:])
    else:
        table(sys.argv[2], sys.argv[3], sys.argv[4])
