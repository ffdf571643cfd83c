package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Values that every format must carry through.
const (
	nastyLabel  = `CNIPA "the Office" <&> 'x'`
	chineseLaw  = "中华人民共和国专利法"
	controlName = "Huawei\x01 Technologies\nCo."
	weirdID     = `weird id "<&>" \ end`
	pipeAlias   = "SIPO|State IP Office"
	invalidUTF8 = "bad byte \xff here"
)

// testGraph is a small graph with every difficulty the writers face:
// quotes, markup characters, newlines, a control character, invalid
// UTF-8, Chinese, an alias with '|', every kind of period, parallel
// edges, an edge with two sentences from two documents, an entity
// without documents, and an id full of special characters.
func testGraph() *Graph {
	g := &Graph{Created: "2024-05-01"}
	g.Nodes = []Node{
		{ID: "cnipa", IRI: "urn:ipgraph:cnipa", Kind: KindEntity, Type: "Agency", Label: nastyLabel,
			Aliases:   []string{pipeAlias, "the\nOffice", "国家知识产权局"},
			Documents: []string{"a.txt", "b.txt", "d.txt"}, Dates: []string{"2024-01-15", "2023-06-30", "2024-01-15"}},
		{ID: "huawei", IRI: "urn:ipgraph:huawei", Kind: KindEntity, Type: "Organization", Label: controlName,
			Aliases:   []string{"华为", "Tab\tname"},
			Documents: []string{"a.txt", "c.txt"}, Dates: []string{"2024-01-15", ""}},
		{ID: "patent-law", IRI: "urn:ipgraph:patent-law", Kind: KindEntity, Type: "Law", Label: chineseLaw},
		{ID: weirdID, IRI: "urn:ipgraph:weird id", Kind: KindEntity, Type: "Person", Label: "Back\\slash " + invalidUTF8,
			Aliases: []string{"\r\nCRLF"}, Documents: []string{"c.txt"}, Dates: []string{"2022-02-02"}},
	}
	periods := []struct{ period, unit string }{{"2024", "件"}, {"2024-06", "%"}, {"2024-H1", ""}, {"2024-Q3", "yuan"}, {"", ""}, {"around 2020", "x"}}
	amounts := []float64{1.5e6, 12.3, 0, -4, 1e-9, 3}
	for i, p := range periods {
		id := fmt.Sprintf("a.txt#stat%d", i+1)
		ev := Evidence{Document: "a.txt", Date: "2024-01-15", Offset: 100 * i,
			Sentence: fmt.Sprintf("Statistic %d said \"%v\" & <more>.", i+1, amounts[i])}
		g.Nodes = append(g.Nodes, Node{ID: id, IRI: "urn:ipgraph:doc:" + id, Kind: KindStatistic, Type: "Statistic",
			Label: fmt.Sprintf("patents: %v %s (%s)", amounts[i], p.unit, p.period), Metric: "invention patents",
			Amount: amounts[i], Unit: p.unit, Period: p.period,
			Documents: []string{"a.txt"}, Dates: []string{"2024-01-15"}, Evidence: []Evidence{ev}})
	}
	two := []Evidence{
		{Document: "a.txt", Date: "2024-01-15", Offset: 12, Sentence: "CNIPA implements the \"Patent Law\" <art. 1> & more.\nNext line\r\nand a tab\t."},
		{Document: "b.txt", Date: "2023-06-30", Offset: 3456, Sentence: "国家知识产权局负责实施专利法。 control\x01 " + invalidUTF8},
	}
	g.Edges = []Edge{
		{Source: "cnipa", Target: "huawei", Predicate: "concerns", Evidence: two[:1]},
		{Source: "cnipa", Target: "huawei", Predicate: "cooperatesWith", Evidence: two[1:]},
		{Source: "cnipa", Target: "patent-law", Predicate: "implements", Evidence: two},
		{Source: "huawei", Target: "cnipa", Predicate: "memberOf"},
		{Source: weirdID, Target: "huawei", Predicate: "coMentioned", Evidence: []Evidence{{Document: "c.txt", Offset: 7, Sentence: "Weird & Huawei"}}},
		{Source: "a.txt#stat1", Target: "cnipa", Predicate: "subject", Evidence: g.Nodes[4].Evidence},
		{Source: "a.txt#stat1", Target: "cnipa", Predicate: "reportedBy", Evidence: g.Nodes[4].Evidence},
		{Source: "a.txt#stat2", Target: "huawei", Predicate: "subject", Evidence: g.Nodes[5].Evidence},
	}
	for i := range g.Edges {
		g.Edges[i].ID = fmt.Sprintf("e%d", i+1)
	}
	xsd := "http://www.w3.org/2001/XMLSchema#"
	g.Quads = []Quad{
		{Subject: "urn:ipgraph:cnipa", Predicate: "http://www.w3.org/2000/01/rdf-schema#label", Object: nastyLabel, Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "urn:ipgraph:cnipa", Predicate: "http://www.w3.org/2004/02/skos/core#altLabel", Object: "国家知识产权局", Lang: "zh-Hans", Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "urn:ipgraph:huawei", Predicate: "http://www.w3.org/2000/01/rdf-schema#label", Object: controlName + "\r\t\\ \x7f", Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "urn:ipgraph:weird id", Predicate: "urn:ipgraph:p<{|}>^`\\\"", Object: "urn:ipgraph:x y\x01z", ObjectIsIRI: true},
		{Subject: "urn:ipgraph:doc:a.txt#stat1", Predicate: "urn:ipgraph:value", Object: "1500000", Datatype: xsd + "double", Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "urn:ipgraph:doc:a.txt#stat1", Predicate: "urn:ipgraph:offset", Object: "0", Datatype: xsd + "integer", Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "urn:ipgraph:doc:a.txt", Predicate: "urn:ipgraph:title", Object: "plain", Datatype: xsd + "string", Label: "urn:ipgraph:doc:a.txt"},
		{Subject: "_:b0", Predicate: "urn:ipgraph:note", Object: invalidUTF8, Lang: "not a tag!"},
		{Subject: "urn:ipgraph:doc:b.txt", Predicate: "urn:ipgraph:date", Object: "2023-06-30", Datatype: xsd + "date", Label: "_:g1"},
	}
	return g
}

func write(t *testing.T, f Format, g *Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(context.Background(), &b, f, g); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return b.Bytes()
}

// xmlClean is what XML can hold of s: invalid UTF-8 and the control
// characters XML 1.0 forbids become U+FFFD.
func xmlClean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}

func xmlCleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = xmlClean(s)
	}
	return out
}

// utf8Clean is what JSON and CSV hold of s.
func utf8Clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

func utf8CleanEvidence(evs []Evidence) []Evidence {
	out := slices.Clone(evs)
	for i := range out {
		out[i].Sentence = utf8Clean(out[i].Sentence)
	}
	if out == nil {
		out = []Evidence{}
	}
	return out
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// checkIDs checks that got lists exactly the node or edge ids of want, in
// order and without repeats.
func checkIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range got {
		if seen[id] {
			t.Errorf("%s id %q appears twice", what, id)
		}
		seen[id] = true
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s ids = %q, want %q", what, got, want)
	}
}

func nodeIDs(g *Graph, clean func(string) string) []string {
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, clean(n.ID))
	}
	return ids
}

func edgeIDs(g *Graph) []string {
	var ids []string
	for _, e := range g.Edges {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestDeterministic(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			a, b := write(t, f, testGraph()), write(t, f, testGraph())
			if !bytes.Equal(a, b) {
				t.Errorf("two writes of the same graph differ")
			}
			if len(a) == 0 {
				t.Errorf("empty output")
			}
			if f != CSV && !utf8.Valid(a) {
				t.Errorf("output is not valid UTF-8")
			}
		})
	}
}

func TestEmptyGraph(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			out := write(t, f, &Graph{})
			switch f {
			case GraphML, GEXF:
				if err := xml.Unmarshal(out, new(struct{})); err != nil {
					t.Errorf("not XML: %v", err)
				}
			case Cytoscape:
				if !json.Valid(out) {
					t.Errorf("not JSON: %s", out)
				}
			case NQuads:
				if len(out) != 0 {
					t.Errorf("N-Quads of no quads = %q", out)
				}
			}
		})
	}
}

// GraphML

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlElem struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlElem `xml:"node"`
		Edges       []gmlElem `xml:"edge"`
	} `xml:"graph"`
}

// values groups an element's data by key, in order.
func (e gmlElem) values() map[string][]string {
	m := map[string][]string{}
	for _, d := range e.Data {
		m[d.Key] = append(m[d.Key], d.Value)
	}
	return m
}

func gmlEvidence(t *testing.T, v map[string][]string, prefix string) []Evidence {
	t.Helper()
	s, d, dt, o := v[prefix+"evidence"], v[prefix+"evidence_document"], v[prefix+"evidence_date"], v[prefix+"evidence_offset"]
	if len(s) != len(d) || len(s) != len(dt) || len(s) != len(o) {
		t.Fatalf("evidence keys of unequal lengths: %d %d %d %d", len(s), len(d), len(dt), len(o))
	}
	var out []Evidence
	for i := range s {
		off, err := strconv.Atoi(o[i])
		if err != nil {
			t.Fatalf("evidence_offset %q: %v", o[i], err)
		}
		out = append(out, Evidence{Document: d[i], Date: dt[i], Offset: off, Sentence: s[i]})
	}
	return out
}

func xmlCleanEvidence(evs []Evidence) []Evidence {
	var out []Evidence
	for _, ev := range evs {
		ev.Sentence = xmlClean(ev.Sentence)
		out = append(out, ev)
	}
	return out
}

func TestGraphML(t *testing.T) {
	g := testGraph()
	out := write(t, GraphML, g)
	if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("no XML declaration")
	}
	if !bytes.Contains(out, []byte(`xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns `)) {
		t.Errorf("no schemaLocation")
	}
	var doc gmlDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", doc.Graph.EdgeDefault)
	}
	keys := map[string]string{} // id → for
	names := map[string]string{}
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key %q declared twice", k.ID)
		}
		if k.Name == "" || !slices.Contains([]string{"string", "double", "int"}, k.Type) {
			t.Errorf("key %q: attr.name %q attr.type %q", k.ID, k.Name, k.Type)
		}
		keys[k.ID] = k.For
		names[k.For+" "+k.Name] = k.Type
	}
	for _, want := range []string{"node label", "node iri", "node kind", "node type", "node alias", "node metric",
		"node unit", "node period", "node document", "node date", "node evidence_offset",
		"edge label", "edge predicate", "edge evidence", "edge evidence_document", "edge evidence_date"} {
		if names[want] != "string" && !strings.HasSuffix(want, "offset") {
			t.Errorf("no string key %q", want)
		}
	}
	for want, typ := range map[string]string{"node amount": "double", "edge weight": "int", "edge evidence_offset": "int"} {
		if names[want] != typ {
			t.Errorf("key %q has type %q, want %q", want, names[want], typ)
		}
	}
	var gotNodes, gotEdges []string
	for _, n := range doc.Graph.Nodes {
		gotNodes = append(gotNodes, n.ID)
	}
	for _, e := range doc.Graph.Edges {
		gotEdges = append(gotEdges, e.ID)
	}
	checkIDs(t, "node", gotNodes, nodeIDs(g, xmlClean))
	checkIDs(t, "edge", gotEdges, edgeIDs(g))

	for i, el := range doc.Graph.Nodes {
		n := g.Nodes[i]
		for _, d := range el.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data key %q is not a declared node key", n.ID, d.Key)
			}
		}
		v := el.values()
		one := func(key, want string) {
			t.Helper()
			if want == "" {
				if len(v[key]) != 0 {
					t.Errorf("node %s: empty %s written as %q", n.ID, key, v[key])
				}
				return
			}
			if !slices.Equal(v[key], []string{xmlClean(want)}) {
				t.Errorf("node %s: %s = %q, want %q", n.ID, key, v[key], xmlClean(want))
			}
		}
		one("label", n.Label)
		one("iri", n.IRI)
		one("kind", n.Kind)
		one("type", n.Type)
		one("metric", n.Metric)
		one("unit", n.Unit)
		one("period", n.Period)
		for key, want := range map[string][]string{"alias": n.Aliases, "document": n.Documents, "date": n.Dates} {
			if !slices.Equal(v[key], xmlCleanAll(want)) && len(v[key])+len(want) > 0 {
				t.Errorf("node %s: %s = %q, want %q", n.ID, key, v[key], want)
			}
		}
		if n.Kind == KindStatistic {
			if len(v["amount"]) != 1 {
				t.Errorf("node %s: amount = %q", n.ID, v["amount"])
			} else if f, err := strconv.ParseFloat(v["amount"][0], 64); err != nil || f != n.Amount {
				t.Errorf("node %s: amount %q, want %v", n.ID, v["amount"][0], n.Amount)
			}
		} else if len(v["amount"]) != 0 {
			t.Errorf("entity %s has an amount", n.ID)
		}
		if got, want := gmlEvidence(t, v, ""), xmlCleanEvidence(n.Evidence); !reflect.DeepEqual(got, want) {
			t.Errorf("node %s: evidence = %+v, want %+v", n.ID, got, want)
		}
	}
	for i, el := range doc.Graph.Edges {
		e := g.Edges[i]
		if el.Source != xmlClean(e.Source) || el.Target != xmlClean(e.Target) {
			t.Errorf("edge %s: %s → %s", e.ID, el.Source, el.Target)
		}
		for _, d := range el.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge %s: data key %q is not a declared edge key", e.ID, d.Key)
			}
		}
		v := el.values()
		if !slices.Equal(v["e_label"], []string{e.Predicate}) || !slices.Equal(v["e_predicate"], []string{e.Predicate}) {
			t.Errorf("edge %s: label %q predicate %q", e.ID, v["e_label"], v["e_predicate"])
		}
		if want := strconv.Itoa(max(1, len(e.Evidence))); !slices.Equal(v["e_weight"], []string{want}) {
			t.Errorf("edge %s: weight %q, want %s", e.ID, v["e_weight"], want)
		}
		if got, want := gmlEvidence(t, v, "e_"), xmlCleanEvidence(e.Evidence); !reflect.DeepEqual(got, want) {
			t.Errorf("edge %s: evidence = %+v, want %+v", e.ID, got, want)
		}
	}
}

// GEXF

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type gexfElem struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Kind      string         `xml:"kind,attr"`
	Weight    string         `xml:"weight,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
	Spells    []gexfSpell    `xml:"spells>spell"`
	Color     *struct {
		R int `xml:"r,attr"`
	} `xml:"http://www.gexf.net/1.2draft/viz color"`
}

type gexfDoc struct {
	XMLName xml.Name `xml:"http://www.gexf.net/1.2draft gexf"`
	Version string   `xml:"version,attr"`
	Meta    struct {
		LastModified string `xml:"lastmodifieddate,attr"`
		Creator      string `xml:"creator"`
	} `xml:"meta"`
	Graph struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Mode            string `xml:"mode,attr"`
		TimeFormat      string `xml:"timeformat,attr"`
		Attributes      []struct {
			Class     string `xml:"class,attr"`
			Attribute []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []gexfElem `xml:"nodes>node"`
		Edges []gexfElem `xml:"edges>edge"`
	} `xml:"graph"`
}

func (e gexfElem) values() map[string]string {
	m := map[string]string{}
	for _, a := range e.AttValues {
		m[a.For] = a.Value
	}
	return m
}

func gexfListWant(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = xmlClean(strings.ReplaceAll(v, "|", ""))
	}
	return strings.Join(out, "|")
}

func decodeEvidence(t *testing.T, s string) []Evidence {
	t.Helper()
	var objs []struct {
		Document  string `json:"document"`
		Date      string `json:"date"`
		Offset    *int   `json:"offset"`
		Sentence  string `json:"sentence"`
		Kind      string `json:"kind"`
		KnownFrom string `json:"known_from"`
		Note      string `json:"note"`
	}
	if err := json.Unmarshal([]byte(s), &objs); err != nil {
		t.Fatalf("evidence %q: %v", s, err)
	}
	out := []Evidence{}
	for _, o := range objs {
		if o.Offset == nil {
			t.Fatalf("evidence without offset: %s", s)
		}
		out = append(out, Evidence{o.Document, o.Date, *o.Offset, o.Sentence, o.Kind, o.KnownFrom, o.Note})
	}
	return out
}

func TestGEXF(t *testing.T) {
	g := testGraph()
	out := write(t, GEXF, g)
	var doc gexfDoc
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if doc.Version != "1.2" || doc.Meta.Creator != "ipgraph" || doc.Meta.LastModified != "2024-05-01" {
		t.Errorf("version %q creator %q lastmodifieddate %q", doc.Version, doc.Meta.Creator, doc.Meta.LastModified)
	}
	gr := doc.Graph
	if gr.DefaultEdgeType != "directed" || gr.Mode != "dynamic" || gr.TimeFormat != "date" {
		t.Errorf("graph %q %q %q", gr.DefaultEdgeType, gr.Mode, gr.TimeFormat)
	}
	types := map[string]string{} // "class id" → type
	for _, as := range gr.Attributes {
		for _, a := range as.Attribute {
			if a.ID != a.Title {
				t.Errorf("attribute id %q title %q", a.ID, a.Title)
			}
			types[as.Class+" "+a.ID] = a.Type
		}
	}
	for key, want := range map[string]string{"node kind": "string", "node type": "string", "node aliases": "liststring",
		"node iri": "string", "node metric": "string", "node amount": "double", "node unit": "string", "node period": "string",
		"node documents": "liststring", "node dates": "liststring", "node evidence": "string",
		"edge predicate": "string", "edge evidence": "string"} {
		if types[key] != want {
			t.Errorf("attribute %s: type %q, want %q", key, types[key], want)
		}
	}
	var gotNodes, gotEdges []string
	for _, n := range gr.Nodes {
		gotNodes = append(gotNodes, n.ID)
	}
	for _, e := range gr.Edges {
		gotEdges = append(gotEdges, e.ID)
	}
	checkIDs(t, "node", gotNodes, nodeIDs(g, xmlClean))
	checkIDs(t, "edge", gotEdges, edgeIDs(g))

	wantSpells := map[string][]gexfSpell{
		"cnipa":       {{"2023-06-30", "2023-06-30"}, {"2024-01-15", "2024-01-15"}},
		"huawei":      {{"2024-01-15", "2024-01-15"}},
		"a.txt#stat1": {{"2024-01-01", "2024-12-31"}},
		"a.txt#stat2": {{"2024-06-01", "2024-06-30"}},
		"a.txt#stat3": {{"2024-01-01", "2024-06-30"}},
		"a.txt#stat4": {{"2024-07-01", "2024-09-30"}},
		weirdID:       {{"2022-02-02", "2022-02-02"}},
		"e1":          {{"2024-01-15", "2024-01-15"}},
		"e2":          {{"2023-06-30", "2023-06-30"}},
		"e3":          {{"2023-06-30", "2023-06-30"}, {"2024-01-15", "2024-01-15"}},
		"e6":          {{"2024-01-15", "2024-01-15"}},
		"e7":          {{"2024-01-15", "2024-01-15"}},
		"e8":          {{"2024-01-15", "2024-01-15"}},
	}
	for i, el := range gr.Nodes {
		n := g.Nodes[i]
		if el.Label != xmlClean(n.Label) {
			t.Errorf("node %s: label %q, want %q", n.ID, el.Label, xmlClean(n.Label))
		}
		v := el.values()
		for _, a := range el.AttValues {
			if types["node "+a.For] == "" {
				t.Errorf("node %s: attvalue for undeclared %q", n.ID, a.For)
			}
		}
		if got, want := v["aliases"], gexfListWant(n.Aliases); got != want {
			t.Errorf("node %s: aliases %q, want %q", n.ID, got, want)
		}
		if got, want := len(strings.Split(v["aliases"], "|")), len(n.Aliases); v["aliases"] != "" && got != want {
			t.Errorf("node %s: %d aliases, want %d", n.ID, got, want)
		}
		if got, want := v["documents"], gexfListWant(n.Documents); got != want {
			t.Errorf("node %s: documents %q, want %q", n.ID, got, want)
		}
		for key, want := range map[string]string{"kind": n.Kind, "type": n.Type, "iri": n.IRI, "period": n.Period, "unit": n.Unit} {
			if v[key] != xmlClean(want) {
				t.Errorf("node %s: %s %q, want %q", n.ID, key, v[key], want)
			}
		}
		if _, ok := v["label"]; ok {
			t.Errorf("node %s: label also an attvalue", n.ID)
		}
		if n.Kind == KindStatistic {
			if f, err := strconv.ParseFloat(v["amount"], 64); err != nil || f != n.Amount {
				t.Errorf("node %s: amount %q, want %v", n.ID, v["amount"], n.Amount)
			}
			if got := decodeEvidence(t, v["evidence"]); !reflect.DeepEqual(got, utf8CleanEvidence(n.Evidence)) {
				t.Errorf("node %s: evidence %v", n.ID, got)
			}
		} else if _, ok := v["amount"]; ok {
			t.Errorf("entity %s has an amount", n.ID)
		}
		if !reflect.DeepEqual(el.Spells, wantSpells[n.ID]) {
			t.Errorf("node %s: spells %v, want %v", n.ID, el.Spells, wantSpells[n.ID])
		}
		if el.Color == nil {
			t.Errorf("node %s: no viz:color", n.ID)
		}
	}
	for i, el := range gr.Edges {
		e := g.Edges[i]
		v := el.values()
		if el.Label != e.Predicate || el.Kind != e.Predicate || v["predicate"] != e.Predicate {
			t.Errorf("edge %s: label %q kind %q predicate %q", e.ID, el.Label, el.Kind, v["predicate"])
		}
		if el.Source != xmlClean(e.Source) || el.Target != xmlClean(e.Target) {
			t.Errorf("edge %s: %s → %s", e.ID, el.Source, el.Target)
		}
		if want := strconv.Itoa(max(1, len(e.Evidence))); el.Weight != want {
			t.Errorf("edge %s: weight %q, want %s", e.ID, el.Weight, want)
		}
		if len(e.Evidence) > 0 {
			if got := decodeEvidence(t, v["evidence"]); !reflect.DeepEqual(got, utf8CleanEvidence(e.Evidence)) {
				t.Errorf("edge %s: evidence %+v, want %+v", e.ID, got, e.Evidence)
			}
		}
		if !reflect.DeepEqual(el.Spells, wantSpells[e.ID]) {
			t.Errorf("edge %s: spells %v, want %v", e.ID, el.Spells, wantSpells[e.ID])
		}
	}

	// Without a Created date, no lastmodifieddate.
	g.Created = ""
	if out := write(t, GEXF, g); bytes.Contains(out, []byte("lastmodifieddate")) {
		t.Errorf("lastmodifieddate without a date")
	}
}

// Cytoscape

type cyjsDoc struct {
	Data       map[string]any `json:"data"`
	Directed   bool           `json:"directed"`
	Multigraph bool           `json:"multigraph"`
	Elements   struct {
		Nodes []struct {
			Data struct {
				ID        string          `json:"id"`
				Value     string          `json:"value"`
				Name      string          `json:"name"`
				Label     string          `json:"label"`
				IRI       string          `json:"iri"`
				Kind      string          `json:"kind"`
				Type      string          `json:"type"`
				Aliases   []string        `json:"aliases"`
				Metric    string          `json:"metric"`
				Amount    *float64        `json:"amount"`
				Unit      string          `json:"unit"`
				Period    string          `json:"period"`
				Documents []string        `json:"documents"`
				Dates     []string        `json:"dates"`
				Evidence  json.RawMessage `json:"evidence"`
			} `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data struct {
				ID          string          `json:"id"`
				Source      string          `json:"source"`
				Target      string          `json:"target"`
				Key         string          `json:"key"`
				Predicate   string          `json:"predicate"`
				Interaction string          `json:"interaction"`
				Weight      int             `json:"weight"`
				Evidence    json.RawMessage `json:"evidence"`
			} `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func TestCytoscape(t *testing.T) {
	g := testGraph()
	out := write(t, Cytoscape, g)
	var doc cyjsDoc
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("parse: %v\n%s", err, out)
	}
	if !doc.Directed || !doc.Multigraph || doc.Data["name"] != "ipgraph" {
		t.Errorf("header: %v %v %v", doc.Directed, doc.Multigraph, doc.Data)
	}
	var gotNodes, gotEdges []string
	for _, n := range doc.Elements.Nodes {
		gotNodes = append(gotNodes, n.Data.ID)
	}
	for _, e := range doc.Elements.Edges {
		gotEdges = append(gotEdges, e.Data.ID)
	}
	checkIDs(t, "node", gotNodes, nodeIDs(g, utf8Clean))
	checkIDs(t, "edge", gotEdges, edgeIDs(g))
	for i, el := range doc.Elements.Nodes {
		n, d := g.Nodes[i], el.Data
		label := utf8Clean(n.Label)
		if d.Value != d.ID || d.Name != label || d.Label != label || d.IRI != n.IRI || d.Kind != n.Kind ||
			d.Type != n.Type || d.Metric != n.Metric || d.Unit != n.Unit || d.Period != n.Period {
			t.Errorf("node %s: %+v", n.ID, d)
		}
		if !slices.Equal(d.Aliases, nonNil(n.Aliases)) || d.Aliases == nil {
			t.Errorf("node %s: aliases %q, want %q", n.ID, d.Aliases, n.Aliases)
		}
		if !slices.Equal(d.Documents, nonNil(n.Documents)) || !slices.Equal(d.Dates, nonNil(n.Dates)) || d.Documents == nil {
			t.Errorf("node %s: documents %q dates %q", n.ID, d.Documents, d.Dates)
		}
		if (d.Amount != nil) != (n.Kind == KindStatistic) || d.Amount != nil && *d.Amount != n.Amount {
			t.Errorf("node %s: amount %v", n.ID, d.Amount)
		}
		if got := decodeEvidence(t, string(d.Evidence)); !reflect.DeepEqual(got, utf8CleanEvidence(n.Evidence)) {
			t.Errorf("node %s: evidence %v", n.ID, got)
		}
	}
	keys := map[[3]string]bool{}
	for i, el := range doc.Elements.Edges {
		e, d := g.Edges[i], el.Data
		if d.Source != utf8Clean(e.Source) || d.Target != utf8Clean(e.Target) || d.Predicate != e.Predicate ||
			d.Interaction != e.Predicate || d.Key != e.Predicate || d.Weight != max(1, len(e.Evidence)) {
			t.Errorf("edge %s: %+v", e.ID, d)
		}
		k := [3]string{d.Source, d.Target, d.Key}
		if keys[k] {
			t.Errorf("edge %s: key %q repeats between %s and %s", e.ID, d.Key, d.Source, d.Target)
		}
		keys[k] = true
		if got := decodeEvidence(t, string(d.Evidence)); !reflect.DeepEqual(got, utf8CleanEvidence(e.Evidence)) {
			t.Errorf("edge %s: evidence %+v, want %+v", e.ID, got, e.Evidence)
		}
	}
}

func TestCytoscapeRepeatedTriple(t *testing.T) {
	g := &Graph{Nodes: []Node{{ID: "a"}, {ID: "b"}}, Edges: []Edge{
		{ID: "e1", Source: "a", Target: "b", Predicate: "runs"},
		{ID: "e2", Source: "a", Target: "b", Predicate: "runs"},
	}}
	var doc cyjsDoc
	if err := json.Unmarshal(write(t, Cytoscape, g), &doc); err != nil {
		t.Fatal(err)
	}
	if k1, k2 := doc.Elements.Edges[0].Data.Key, doc.Elements.Edges[1].Data.Key; k1 == k2 {
		t.Errorf("two edges a→b share the key %q", k1)
	}
}

// DOT

// dotToken reads DOT tokens: quoted strings (unescaped), punctuation and
// bare words.
var dotToken = regexp.MustCompile(`\s*("(?:[^"\\]|\\.)*"|->|[{}\[\];,=]|[A-Za-z0-9_.#]+)`)

type dotStmt struct {
	from, to string // to is "" for a node
	attrs    map[string]string
}

func dotUnquote(s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// parseDOT reads the statements of the writer's DOT output.
func parseDOT(t *testing.T, src []byte) []dotStmt {
	t.Helper()
	var toks []string
	rest := string(src)
	for strings.TrimSpace(rest) != "" {
		m := dotToken.FindStringSubmatchIndex(rest)
		if m == nil || m[0] != 0 {
			t.Fatalf("DOT: cannot read %.40q", rest)
		}
		toks = append(toks, rest[m[2]:m[3]])
		rest = rest[m[1]:]
	}
	if len(toks) < 4 || toks[0] != "digraph" || toks[2] != "{" || toks[len(toks)-1] != "}" {
		t.Fatalf("DOT: not a digraph: %q", toks)
	}
	var out []dotStmt
	toks = toks[3 : len(toks)-1]
	for len(toks) > 0 {
		var st dotStmt
		st.from = dotUnquote(toks[0])
		toks = toks[1:]
		if toks[0] == "->" {
			st.to = dotUnquote(toks[1])
			toks = toks[2:]
		}
		if toks[0] != "[" {
			t.Fatalf("DOT: want [, got %q", toks[0])
		}
		st.attrs = map[string]string{}
		toks = toks[1:]
		for toks[0] != "]" {
			if toks[1] != "=" || !strings.HasPrefix(toks[2], `"`) {
				t.Fatalf("DOT: attribute %q %q %q", toks[0], toks[1], toks[2])
			}
			st.attrs[toks[0]] = dotUnquote(toks[2])
			toks = toks[3:]
			if toks[0] == "," {
				toks = toks[1:]
			}
		}
		if toks[1] != ";" {
			t.Fatalf("DOT: want ;, got %q", toks[1])
		}
		toks = toks[2:]
		out = append(out, st)
	}
	return out
}

// dotClean is what DOT holds of s.
func dotClean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return -1
		}
		return r
	}, s)
}

func TestDOT(t *testing.T) {
	g := testGraph()
	out := write(t, DOT, g)
	stmts := parseDOT(t, out)
	var nodes, edges []dotStmt
	for _, st := range stmts {
		switch {
		case st.from == "graph" || st.from == "node" || st.from == "edge":
		case st.to == "":
			nodes = append(nodes, st)
		default:
			edges = append(edges, st)
		}
	}
	if len(nodes) != len(g.Nodes) || len(edges) != len(g.Edges) {
		t.Fatalf("%d nodes and %d edges, want %d and %d", len(nodes), len(edges), len(g.Nodes), len(g.Edges))
	}
	for i, st := range nodes {
		n := g.Nodes[i]
		if st.from != dotClean(n.ID) || st.attrs["label"] != dotClean(n.Label) || st.attrs["type"] != n.Type ||
			st.attrs["kind"] != n.Kind || st.attrs["fillcolor"] == "" || st.attrs["shape"] == "" {
			t.Errorf("node %q: %q %q", n.ID, st.from, st.attrs)
		}
		if len(n.Aliases) > 0 {
			var aliases []string
			if err := json.Unmarshal([]byte(st.attrs["aliases"]), &aliases); err != nil || len(aliases) != len(n.Aliases) {
				t.Errorf("node %q: aliases %q: %v", n.ID, st.attrs["aliases"], err)
			}
		}
	}
	for i, st := range edges {
		e := g.Edges[i]
		if st.from != dotClean(e.Source) || st.to != e.Target || st.attrs["label"] != e.Predicate ||
			st.attrs["id"] != e.ID || st.attrs["weight"] != strconv.Itoa(max(1, len(e.Evidence))) {
			t.Errorf("edge %s: %q → %q %q", e.ID, st.from, st.to, st.attrs)
		}
	}
}

// N-Quads

var (
	nqIRIRE     = `<[^\x00-\x20<>"{}|^` + "`" + `\\]*>`
	nqBlankRE   = `_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?`
	nqLiteralRE = `"((?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)"(?:@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)|\^\^(` + nqIRIRE + `))?`
	nqResRE     = `(` + nqIRIRE + `|` + nqBlankRE + `)`
	nqLine      = regexp.MustCompile(`^` + nqResRE + ` (` + nqIRIRE + `) (?:` + nqResRE + `|` + nqLiteralRE + `)(?: ` + nqResRE + `)? \.$`)
)

func nqUnescape(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'u', 'U':
			n := 4
			if s[i] == 'U' {
				n = 8
			}
			r, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil {
				t.Fatalf("bad escape in %q", s)
			}
			b.WriteRune(rune(r))
			i += n
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func TestNQuads(t *testing.T) {
	g := testGraph()
	out := write(t, NQuads, g)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(g.Quads) {
		t.Fatalf("%d lines for %d quads:\n%s", len(lines), len(g.Quads), out)
	}
	wantDatatype := map[int]string{4: "double", 5: "integer", 8: "date"}
	for i, line := range lines {
		q := g.Quads[i]
		if strings.ContainsFunc(line, unicode.IsControl) {
			t.Errorf("quad %d: control character in %q", i, line)
		}
		m := nqLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("quad %d: not N-Quads: %q", i, line)
			continue
		}
		// m: 1 subject, 2 predicate, 3 object resource, 4 literal text,
		// 5 lang, 6 datatype, 7 label.
		if q.ObjectIsIRI != (m[3] != "") {
			t.Errorf("quad %d: object %q", i, line)
		}
		if !q.ObjectIsIRI {
			if got := nqUnescape(t, m[4]); got != utf8Clean(q.Object) {
				t.Errorf("quad %d: literal %q, want %q", i, got, q.Object)
			}
		}
		if want := q.Lang; want != "" && langTag.MatchString(want) != (m[5] == want) {
			t.Errorf("quad %d: lang %q in %q", i, q.Lang, line)
		}
		if dt, ok := wantDatatype[i]; ok != (m[6] != "") || ok && !strings.HasSuffix(m[6], "#"+dt+">") {
			t.Errorf("quad %d: datatype %q in %q", i, m[6], line)
		}
		if (q.Label != "") != (m[7] != "") {
			t.Errorf("quad %d: label in %q", i, line)
		}
	}
	if !strings.Contains(lines[3], "<urn:ipgraph:weird%20id>") || !strings.Contains(lines[3], "<urn:ipgraph:x%20y%01z>") {
		t.Errorf("IRIs not %%-encoded: %s", lines[3])
	}
	if strings.Contains(lines[6], "^^") {
		t.Errorf("xsd:string written: %s", lines[6])
	}
}

// CSV

func readZip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		files[f.Name] = data
	}
	return files
}

func readCSV(t *testing.T, b []byte) (header []string, rows []map[string]string) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v", err)
	}
	header = records[0]
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return header, rows
}

func jsonList(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil || out == nil {
		t.Fatalf("list %q: %v", s, err)
	}
	return out
}

func TestCSV(t *testing.T) {
	g := testGraph()
	files := readZip(t, write(t, CSV, g))
	if len(files["README.txt"]) == 0 {
		t.Errorf("no README.txt")
	}
	header, nodes := readCSV(t, files["nodes.csv"])
	wantHeader := []string{"id", "iri", "kind", "type", "label", "aliases", "metric", "amount", "unit", "period", "documents", "dates", "evidence"}
	if !slices.Equal(header, wantHeader) {
		t.Errorf("nodes.csv header %q, want %q", header, wantHeader)
	}
	if len(nodes) != len(g.Nodes) {
		t.Fatalf("%d nodes, want %d", len(nodes), len(g.Nodes))
	}
	var ids []string
	for i, row := range nodes {
		n := g.Nodes[i]
		ids = append(ids, row["id"])
		if row["label"] != utf8Clean(n.Label) || row["iri"] != n.IRI || row["kind"] != n.Kind || row["type"] != n.Type ||
			row["metric"] != n.Metric || row["unit"] != n.Unit || row["period"] != n.Period {
			t.Errorf("node %s: %q", n.ID, row)
		}
		if got := jsonList(t, row["aliases"]); !slices.Equal(got, nonNil(n.Aliases)) {
			t.Errorf("node %s: aliases %q, want %q", n.ID, got, n.Aliases)
		}
		if got := jsonList(t, row["documents"]); !slices.Equal(got, nonNil(n.Documents)) {
			t.Errorf("node %s: documents %q", n.ID, got)
		}
		if got := jsonList(t, row["dates"]); !slices.Equal(got, nonNil(n.Dates)) {
			t.Errorf("node %s: dates %q", n.ID, got)
		}
		if got := decodeEvidence(t, row["evidence"]); !reflect.DeepEqual(got, utf8CleanEvidence(n.Evidence)) {
			t.Errorf("node %s: evidence %+v", n.ID, got)
		}
		if n.Kind == KindStatistic {
			if f, err := strconv.ParseFloat(row["amount"], 64); err != nil || f != n.Amount {
				t.Errorf("node %s: amount %q", n.ID, row["amount"])
			}
		} else if row["amount"] != "" {
			t.Errorf("entity %s: amount %q", n.ID, row["amount"])
		}
	}
	checkIDs(t, "node", ids, nodeIDs(g, utf8Clean))

	header, edges := readCSV(t, files["edges.csv"])
	if want := []string{"id", "source", "target", "predicate", "weight", "evidence"}; !slices.Equal(header, want) {
		t.Errorf("edges.csv header %q, want %q", header, want)
	}
	ids = nil
	for i, row := range edges {
		e := g.Edges[i]
		ids = append(ids, row["id"])
		if row["source"] != utf8Clean(e.Source) || row["target"] != e.Target || row["predicate"] != e.Predicate ||
			row["weight"] != strconv.Itoa(max(1, len(e.Evidence))) {
			t.Errorf("edge %s: %q", e.ID, row)
		}
		if got := decodeEvidence(t, row["evidence"]); !reflect.DeepEqual(got, utf8CleanEvidence(e.Evidence)) {
			t.Errorf("edge %s: evidence %+v, want %+v", e.ID, got, e.Evidence)
		}
	}
	checkIDs(t, "edge", ids, edgeIDs(g))
}

func TestCSVTimestamp(t *testing.T) {
	for created, want := range map[string]string{"2024-05-01": "2024-05-01", "": "1980-01-01", "May 2024": "1980-01-01"} {
		g := testGraph()
		g.Created = created
		b := write(t, CSV, g)
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			if got := f.Modified.UTC().Format("2006-01-02 15:04:05"); got != want+" 00:00:00" {
				t.Errorf("Created %q: %s is stamped %s, want %s", created, f.Name, got, want)
			}
		}
		if want := []string{"nodes.csv", "edges.csv", "README.txt"}; !slices.Equal(names, want) {
			t.Errorf("archive holds %q, want %q", names, want)
		}
	}
}

// Errors and limits

func TestBadGraph(t *testing.T) {
	ok := func() *Graph {
		return &Graph{Nodes: []Node{{ID: "a"}, {ID: "b"}}, Edges: []Edge{{ID: "e1", Source: "a", Target: "b"}}}
	}
	tests := []struct {
		name  string
		spoil func(g *Graph)
	}{
		{"node without id", func(g *Graph) { g.Nodes[1].ID = "" }},
		{"two nodes with one id", func(g *Graph) { g.Nodes[1].ID = "a" }},
		{"edge without id", func(g *Graph) { g.Edges[0].ID = "" }},
		{"two edges with one id", func(g *Graph) { g.Edges = append(g.Edges, Edge{ID: "e1", Source: "b", Target: "a"}) }},
		{"unknown source", func(g *Graph) { g.Edges[0].Source = "x" }},
		{"unknown target", func(g *Graph) { g.Edges[0].Target = "x" }},
	}
	for _, tt := range tests {
		for _, f := range Formats {
			if f == NQuads {
				continue
			}
			t.Run(tt.name+"/"+string(f), func(t *testing.T) {
				g := ok()
				var b bytes.Buffer
				if err := Write(context.Background(), &b, f, g); err != nil {
					t.Fatalf("valid graph: %v", err)
				}
				tt.spoil(g)
				b.Reset()
				if err := Write(context.Background(), &b, f, g); err == nil {
					t.Errorf("no error")
				}
				if b.Len() != 0 {
					t.Errorf("wrote %d bytes before failing", b.Len())
				}
			})
		}
	}
	if err := Write(context.Background(), io.Discard, Format("pdf"), &Graph{}); err == nil {
		t.Errorf("unknown format: no error")
	}
}

func bigGraph(n int) *Graph {
	g := &Graph{}
	for i := range n {
		id := strconv.Itoa(i)
		g.Nodes = append(g.Nodes, Node{ID: id, Kind: KindEntity, Label: "n" + id})
		g.Edges = append(g.Edges, Edge{ID: "e" + id, Source: id, Target: "0", Predicate: "runs"})
		g.Quads = append(g.Quads, Quad{Subject: "urn:x:" + id, Predicate: "urn:p", Object: id})
	}
	return g
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range Formats {
		for _, size := range []int{1, 3 * checkEvery} {
			t.Run(fmt.Sprint(f, size), func(t *testing.T) {
				if err := Write(ctx, io.Discard, f, bigGraph(size)); !errors.Is(err, context.Canceled) {
					t.Errorf("err = %v, want context.Canceled", err)
				}
			})
		}
	}
}

// failWriter fails once it has taken n bytes.
type failWriter struct{ n int }

var errFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			if err := Write(context.Background(), &failWriter{n: 100}, f, bigGraph(5000)); !errors.Is(err, errFull) {
				t.Errorf("err = %v, want %v", err, errFull)
			}
		})
	}
}

func TestPeriodSpell(t *testing.T) {
	tests := []struct {
		period     string
		start, end string // "" when there is no spell
	}{
		{"2024", "2024-01-01", "2024-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-02", "2023-02-01", "2023-02-28"},
		{"2024-12", "2024-12-01", "2024-12-31"},
		{"2024-H1", "2024-01-01", "2024-06-30"},
		{"2024-H2", "2024-07-01", "2024-12-31"},
		{"2024-Q1", "2024-01-01", "2024-03-31"},
		{"2024-Q3", "2024-07-01", "2024-09-30"},
		{"2024-Q4", "2024-10-01", "2024-12-31"},
		{"2024-06-15", "2024-06-15", "2024-06-15"},
		{"", "", ""},
		{"2024-13", "", ""},
		{"2024-00", "", ""},
		{"2024-H3", "", ""},
		{"2024-Q0", "", ""},
		{"2024-Q5", "", ""},
		{"2024-02-30", "", ""},
		{"around 2020", "", ""},
		{"20245", "", ""},
	}
	for _, tt := range tests {
		s, ok := periodSpell(tt.period)
		if ok != (tt.start != "") || s.Start != tt.start || s.End != tt.end {
			t.Errorf("periodSpell(%q) = %v, %v; want %s..%s", tt.period, s, ok, tt.start, tt.end)
		}
	}
}

func TestFormatFloat(t *testing.T) {
	for f, want := range map[float64]string{0: "0", 1.5e6: "1500000", 12.3: "12.3", -4: "-4", 1e-9: "1e-09", 1e22: "1e+22", 0.25: "0.25"} {
		if got := formatFloat(f); got != want {
			t.Errorf("formatFloat(%v) = %q, want %q", f, got, want)
		}
		if got, err := strconv.ParseFloat(formatFloat(f), 64); err != nil || got != f {
			t.Errorf("formatFloat(%v) does not read back: %v %v", f, got, err)
		}
	}
	for _, a := range attributesFor("node") {
		if a.Name == "amount" && present(a.node(&Node{Kind: KindStatistic, Amount: math.NaN()})) {
			t.Errorf("NaN amount is written")
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct {
		in, attr, text, dot string
	}{
		{"plain 中文", "plain 中文", "plain 中文", `"plain 中文"`},
		{`<a href="x">&'`, "&lt;a href=&quot;x&quot;&gt;&amp;&apos;", "&lt;a href=&quot;x&quot;&gt;&amp;&apos;", `"<a href=\"x\">&'"`},
		{"a\nb\tc\rd\r\ne", "a&#xA;b&#x9;c&#xD;d&#xD;&#xA;e", "a\nb\tc&#xD;d&#xD;\ne", `"a\nb` + "\t" + `c\nd\ne"`},
		{"ctl\x01\x1f\u0085 \uFFFE bad\xff", "ctl\uFFFD\uFFFD\u0085 \uFFFD bad\uFFFD", "ctl\uFFFD\uFFFD\u0085 \uFFFD bad\uFFFD", "\"ctl \uFFFE bad\uFFFD\""},
		{`back\slash\`, `back\slash\`, `back\slash\`, `"back\\slash\\"`},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			name string
			f    func(*output, string)
			want string
		}{
			{"attr", func(o *output, s string) { xmlEscape(o, s, true) }, tt.attr},
			{"text", xmlText, tt.text},
			{"dot", dotQuote, tt.dot},
		} {
			var b bytes.Buffer
			o := newOutput(context.Background(), &b)
			c.f(o, tt.in)
			o.Flush()
			if b.String() != c.want {
				t.Errorf("%s(%q) = %q, want %q", c.name, tt.in, b.String(), c.want)
			}
		}
	}
}

// TestDocCoversAttributes keeps doc.go's attribute list and the attribute
// table in step.
func TestDocCoversAttributes(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	word := map[attrType]string{typeString: "string", typeDouble: "double", typeInt: "int",
		typeStrings: "strings", typeEvidence: "evidence"}
	for _, a := range attributes {
		re := regexp.MustCompile(`(?m)^//\t` + regexp.QuoteMeta(a.Name) + ` +` + word[a.Type] + ` `)
		if !re.Match(src) {
			t.Errorf("doc.go does not list %s %s attribute %q (%s)", a.For, word[a.Type], a.Name, a.Doc)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	g := bigGraph(10000)
	for i := range g.Nodes {
		g.Nodes[i].Aliases = []string{"alias one", "alias <two>"}
		g.Nodes[i].Documents, g.Nodes[i].Dates = []string{"a.txt"}, []string{"2024-01-02"}
	}
	for i := range g.Edges {
		g.Edges[i].Evidence = []Evidence{{Document: "a.txt", Date: "2024-01-02", Offset: i, Sentence: "A sentence of ordinary length, with \"quotes\" & <markup>."}}
	}
	for _, f := range Formats {
		b.Run(string(f), func(b *testing.B) {
			for b.Loop() {
				if err := Write(context.Background(), io.Discard, f, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
