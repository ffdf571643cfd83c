package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The tests in this file run the tools users open exports with. They skip
// when a tool is missing, except under CI=true, where CI installs them.

// needTool returns the path of a program, skipping the test when it is
// missing (failing it under CI=true).
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" is not on PATH")
	}
	return path
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: the tool must be installed)", why)
	}
	t.Skip(why)
}

// writeFile writes g in format f into dir and returns the file's path.
func writeFile(t *testing.T, dir string, f Format, g *Graph) string {
	t.Helper()
	path := filepath.Join(dir, "graph."+f.Extension())
	if err := os.WriteFile(path, write(t, f, g), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func run(t *testing.T, name string, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

func TestXmllint(t *testing.T) {
	xmllint := needTool(t, "xmllint")
	dir := t.TempDir()
	for _, f := range []Format{GraphML, GEXF} {
		path := writeFile(t, dir, f, testGraph())
		if _, stderr := run(t, xmllint, "--noout", path); stderr != "" {
			t.Errorf("xmllint %s: %s", f, stderr)
		}
	}
}

func TestRapper(t *testing.T) {
	rapper := needTool(t, "rapper")
	g := testGraph()
	path := writeFile(t, t.TempDir(), NQuads, g)
	_, stderr := run(t, rapper, "-i", "nquads", "-c", path)
	m := regexp.MustCompile(`returned (\d+) (triples|statements)`).FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("rapper said: %s", stderr)
	}
	if n, _ := strconv.Atoi(m[1]); n != len(g.Quads) {
		t.Errorf("rapper counted %d quads, want %d: %s", n, len(g.Quads), stderr)
	}
	if strings.Contains(stderr, "Error") || strings.Contains(stderr, "Warning") {
		t.Errorf("rapper: %s", stderr)
	}
}

func TestGraphviz(t *testing.T) {
	dot := needTool(t, "dot")
	g := testGraph()
	path := writeFile(t, t.TempDir(), DOT, g)
	svg, stderr := run(t, dot, "-Tsvg", path)
	if stderr != "" {
		t.Errorf("dot: %s", stderr)
	}
	for _, want := range []string{"<svg", chineseLaw, "cooperatesWith", "CNIPA &quot;the Office&quot;"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if got := strings.Count(svg, `class="node"`); got != len(g.Nodes) {
		t.Errorf("the SVG has %d nodes, want %d", got, len(g.Nodes))
	}
	if got := strings.Count(svg, `class="edge"`); got != len(g.Edges) {
		t.Errorf("the SVG has %d edges, want %d", got, len(g.Edges))
	}
}

// networkxScript reads the three files networkx can read and reports what
// it found.
const networkxScript = `
import json, sys, warnings
warnings.simplefilter("error")
import networkx as nx

def describe(G):
    edges = {d.get("id", k): d for u, v, k, d in G.edges(keys=True, data=True)}
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "multigraph": G.is_multigraph(), "directed": G.is_directed(),
            "node": {n: {k: v for k, v in d.items() if k != "spells"} for n, d in G.nodes(data=True)},
            "edge": {str(k): {kk: vv for kk, vv in d.items() if kk != "spells"} for k, d in edges.items()}}

graphml, gexf, cyjs = sys.argv[1:4]
out = {"graphml": describe(nx.read_graphml(graphml)),
       "gexf": describe(nx.read_gexf(gexf, version="1.2draft"))}
with open(cyjs, encoding="utf-8") as f:
    out["cyjs"] = describe(nx.cytoscape_graph(json.load(f)))
json.dump(out, sys.stdout)
`

type nxGraph struct {
	Nodes      int                       `json:"nodes"`
	Edges      int                       `json:"edges"`
	Multigraph bool                      `json:"multigraph"`
	Directed   bool                      `json:"directed"`
	Node       map[string]map[string]any `json:"node"`
	Edge       map[string]map[string]any `json:"edge"`
}

func TestNetworkx(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		python = needTool(t, "python3")
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		missing(t, python+" has no networkx")
	}
	g := testGraph()
	dir := t.TempDir()
	stdout, _ := run(t, python, "-c", networkxScript,
		writeFile(t, dir, GraphML, g), writeFile(t, dir, GEXF, g), writeFile(t, dir, Cytoscape, g))
	var got map[string]nxGraph
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	for format, nx := range got {
		if nx.Nodes != len(g.Nodes) || nx.Edges != len(g.Edges) {
			t.Errorf("%s: networkx read %d nodes and %d edges, want %d and %d", format, nx.Nodes, nx.Edges, len(g.Nodes), len(g.Edges))
		}
		if !nx.Directed || !nx.Multigraph {
			t.Errorf("%s: directed %v multigraph %v", format, nx.Directed, nx.Multigraph)
		}
		if law := nx.Node["patent-law"]; law["label"] != chineseLaw {
			t.Errorf("%s: the law's label is %q", format, law["label"])
		}
		if cnipa := nx.Node["cnipa"]; cnipa["label"] != xmlClean(nastyLabel) || cnipa["type"] != "Agency" {
			t.Errorf("%s: cnipa is %v", format, cnipa)
		}
		if stat := nx.Node["a.txt#stat1"]; stat["amount"] != 1.5e6 || stat["period"] != "2024" {
			t.Errorf("%s: the statistic is %v", format, stat)
		}
		if e2 := nx.Edge["e2"]; e2["predicate"] != "cooperatesWith" {
			t.Errorf("%s: e2 is %v", format, e2)
		}
		if e3 := nx.Edge["e3"]; e3["weight"] != 2.0 {
			t.Errorf("%s: e3's weight is %v", format, e3["weight"])
		}
	}
	// Aliases: networkx keeps the last of GraphML's repeated values, the
	// whole list from GEXF (as text) and from Cytoscape JSON.
	if a, _ := got["graphml"].Node["cnipa"]["alias"].(string); a == "" {
		t.Errorf("graphml: no alias recovered")
	}
	if a, _ := got["gexf"].Node["cnipa"]["aliases"].(string); a != "SIPOState IP Office|the\nOffice|国家知识产权局" {
		t.Errorf("gexf: aliases %q", a)
	}
	if a, _ := got["cyjs"].Node["cnipa"]["aliases"].([]any); len(a) != 3 || a[2] != "国家知识产权局" {
		t.Errorf("cyjs: aliases %v", a)
	}
	if ev, _ := got["cyjs"].Edge["e3"]["evidence"].([]any); len(ev) != 2 {
		t.Errorf("cyjs: e3's evidence %v", ev)
	}
}
