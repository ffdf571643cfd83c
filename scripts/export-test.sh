#!/usr/bin/env bash
# Round-trip test of the exports: loads a corpus, exports the whole graph
# in every format and reads each file with the tools people open it in
# (networkx, pandas, xmllint, rapper, Graphviz), comparing counts with
# `ipgraph stats`. Usage: export-test.sh BIN CORPUS [ROOT]
set -euo pipefail
bin=${1:?binary}; corpus=${2:?corpus}; root=${3:-cnipa}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tool in xmllint rapper dot /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "export-test: $tool is missing (apt: libxml2-utils raptor2-utils graphviz python3-networkx)"; exit 1; }
done

db="$tmp/g.db"
"$bin" load --quiet --db "$db" "$corpus"
"$bin" stats --json --db "$db" >"$tmp/stats.json"
for f in graphml gexf cyjs nquads; do
  "$bin" export --db "$db" --format "$f" -o "$tmp/graph.$f" 2>>"$tmp/export.log" || { cat "$tmp/export.log"; exit 1; }
done
"$bin" export --db "$db" --format csv -o "$tmp/graph.zip" 2>>"$tmp/export.log" || { cat "$tmp/export.log"; exit 1; }

echo "export-test: $corpus"
xmllint --noout "$tmp/graph.graphml" "$tmp/graph.gexf"
echo "graphml  xmllint --noout                    well formed"
echo "gexf     xmllint --noout                    well formed"

/usr/bin/python3 scripts/export_check.py "$tmp" "$tmp/stats.json"

want_quads=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["exportQuads"])' "$tmp/stats.json")
got_quads=$(rapper -i nquads -c "file://$tmp/graph.nquads" 2>&1 | sed -n 's/.*returned \([0-9]*\) .*/\1/p')
printf 'nquads   %-34s quads %6s (stats: %s)\n' "rapper -i nquads -c" "$got_quads" "$want_quads"
[ "$got_quads" = "$want_quads" ] || { echo "export-test: rapper counted $got_quads quads, stats says $want_quads"; exit 1; }

node scripts/oxigraph-check.mjs "$tmp/graph.nquads" "$want_quads"

# A 2-hop subgraph rendered by Graphviz: every exported node is drawn.
"$bin" export --db "$db" --format dot --root "$root" --depth 2 -o "$tmp/sub.dot" 2>>"$tmp/export.log" || { cat "$tmp/export.log"; exit 1; }
"$bin" stats --json --db "$db" --root "$root" --depth 2 >"$tmp/sub.json"
dot -Tsvg "$tmp/sub.dot" -o "$tmp/sub.svg"
want_nodes=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["nodes"])' "$tmp/sub.json")
drawn=$(grep -c 'class="node"' "$tmp/sub.svg" || true)
printf 'dot      %-34s nodes %6s (stats: %s)\n' "dot -Tsvg, 2 hops around $root" "$drawn" "$want_nodes"
[ "$drawn" = "$want_nodes" ] && [ "$drawn" -gt 1 ] || { echo "export-test: dot drew $drawn nodes, stats says $want_nodes"; exit 1; }
if [ -n "${ARTIFACTS_DIR:-}" ]; then
  mkdir -p "$ARTIFACTS_DIR" && cp "$tmp/sub.svg" "$ARTIFACTS_DIR/export-$root-2hop.svg"
fi
echo "export-test: all readers agree"
