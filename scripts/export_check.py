"""Reads ipgraph's exports with the tools their users use and checks the
counts against `ipgraph stats`.

Usage: export_check.py DIR EXPECTED_JSON
DIR holds graph.graphml, graph.gexf, graph.cyjs and graph.zip (CSV);
EXPECTED_JSON is `ipgraph stats --json`. Prints one line per reader and
exits 1 on any mismatch. Runs under Debian's python3 with python3-networkx
and python3-pandas.
"""
import io
import json
import sys
import zipfile

import networkx as nx
import pandas as pd


def main(out_dir, expected_path):
    with open(expected_path) as f:
        stats = json.load(f)
    want_nodes, want_edges = stats["graph"]["nodes"], stats["graph"]["edges"]
    failures = []

    def check(fmt, reader, nodes, edges, extra=""):
        ok = nodes == want_nodes and edges == want_edges
        print(f"{fmt:8} {reader:34} nodes {nodes:6} edges {edges:6}  {'ok' if ok else 'MISMATCH'} {extra}")
        if not ok:
            failures.append(fmt)

    g = nx.read_graphml(f"{out_dir}/graph.graphml")
    types = {d.get("type") for _, d in g.nodes(data=True)}
    labelled = sum(1 for _, d in g.nodes(data=True) if d.get("label"))
    check("graphml", "networkx.read_graphml", g.number_of_nodes(), g.number_of_edges(),
          f"({len(types)} types, {labelled} labelled)")
    if labelled != g.number_of_nodes():
        failures.append("graphml labels")

    g = nx.read_gexf(f"{out_dir}/graph.gexf")
    spells = sum(1 for _, d in g.nodes(data=True) if d.get("spells"))
    check("gexf", "networkx.read_gexf", g.number_of_nodes(), g.number_of_edges(),
          f"({spells} nodes with time spells)")
    if spells == 0:
        failures.append("gexf spells")

    with open(f"{out_dir}/graph.cyjs") as f:
        g = nx.cytoscape_graph(json.load(f))
    check("cyjs", "networkx.cytoscape_graph", g.number_of_nodes(), g.number_of_edges())

    with zipfile.ZipFile(f"{out_dir}/graph.zip") as z:
        nodes = pd.read_csv(io.BytesIO(z.read("nodes.csv")))
        edges = pd.read_csv(io.BytesIO(z.read("edges.csv")))
    aliases = nodes["aliases"].dropna().map(json.loads).map(len).sum()
    check("csv", "pandas.read_csv (nodes/edges.csv)", len(nodes), len(edges), f"({aliases} aliases)")

    if failures:
        print("export_check: mismatches in " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
