package export

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Format names an export format, as given to `ipgraph export --format` and
// to GET /export?format=.
type Format string

// The export formats.
const (
	GraphML   Format = "graphml" // GraphML 1.0 (yEd, Gephi, networkx)
	GEXF      Format = "gexf"    // GEXF 1.2draft with spells (Gephi's timeline)
	Cytoscape Format = "cyjs"    // Cytoscape.js JSON (Cytoscape, networkx cytoscape_graph)
	DOT       Format = "dot"     // Graphviz
	NQuads    Format = "nquads"  // the store's quads, document IRI as graph label
	CSV       Format = "csv"     // nodes.csv and edges.csv in one zip archive
)

// Formats lists every format in a stable order.
var Formats = []Format{GraphML, GEXF, Cytoscape, DOT, NQuads, CSV}

// ParseFormat returns the Format named s, or an error listing the known
// formats.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Formats, f) {
		return f, nil
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown export format %q (want one of %s)", s, strings.Join(names, ", "))
}

// ContentType is the media type an HTTP response in format f carries.
func (f Format) ContentType() string {
	switch f {
	case GraphML:
		return "application/graphml+xml; charset=utf-8"
	case GEXF:
		return "application/gexf+xml; charset=utf-8"
	case Cytoscape:
		return "application/json; charset=utf-8"
	case DOT:
		return "text/vnd.graphviz; charset=utf-8"
	case NQuads:
		return "application/n-quads; charset=utf-8"
	case CSV:
		return "application/zip"
	}
	return "application/octet-stream"
}

// Extension is the file name extension (without the dot) for format f.
func (f Format) Extension() string {
	switch f {
	case Cytoscape:
		return "cyjs"
	case CSV:
		return "zip"
	}
	return string(f)
}

// Node kinds.
const (
	KindEntity    = "entity"
	KindStatistic = "statistic"
)

// Graph is what every graph format (all but NQuads) serializes: entities
// and statistics as nodes, relations and statistic links as edges. Every
// edge's Source and Target are IDs of nodes in Nodes.
type Graph struct {
	Nodes []Node
	Edges []Edge
	// Quads are the store's quads of the exported part, for NQuads.
	// Graph formats ignore them.
	Quads []Quad
	// Created is the export's date, YYYY-MM-DD: GEXF's lastmodifieddate
	// and the time stamp of the CSV archive's entries. "" leaves the date
	// out of GEXF and stamps the archive 1980-01-01, so that the same
	// Graph always gives the same bytes.
	Created string
}

// Node is an entity or a statistic.
type Node struct {
	ID      string   // short id: "cnipa", "a.txt#stat3"
	IRI     string   // full IRI
	Kind    string   // KindEntity or KindStatistic
	Type    string   // Agency, Law, Program, Region, Person, Organization or Statistic
	Label   string   // the entity's canonical name; a statistic's "metric: value unit (period)"
	Aliases []string // other names of an entity, sorted; nil for statistics

	// Statistic fields (Kind == KindStatistic); Amount is the value with
	// scale words applied.
	Metric string
	Amount float64
	Unit   string
	Period string // "2024", "2024-06", "2024-H1", "2024-Q3", or ""

	// Documents are the IDs of the documents that mention the node (an
	// entity) or state it (a statistic), sorted; Dates are their dates
	// (YYYY-MM-DD), in the same order, "" where a document has none.
	Documents []string
	Dates     []string

	// Evidence is a statistic's sentence; nil for entities.
	Evidence []Evidence
}

// Edge is a relation between two entities ("runs", "issued", …) or a
// statistic's link to an entity ("subject", "reportedBy"). There is one
// edge per (Source, Predicate, Target).
type Edge struct {
	ID        string // unique in the export: "e1", "e2", …
	Source    string // node ID
	Target    string // node ID
	Predicate string
	// Evidence lists the sentences that state the relation, sorted by
	// document and offset; its length is the edge's weight.
	Evidence []Evidence
}

// Evidence is a sentence a fact was read from.
type Evidence struct {
	Document  string // document ID (file name)
	Date      string // the document's date, YYYY-MM-DD, or ""
	Offset    int    // in Unicode code points from the start of the document; -1 for background knowledge
	Sentence  string // "" for background knowledge
	Kind      string // "sentence", or "background" when a gazetteer row, not a sentence, gives the fact
	KnownFrom string // for background knowledge: the gazetteer row ("gazetteer agencies.tsv:14")
	Note      string // what the sentence adds: a memberOf's title
}

// Quad is one quad for the NQuads format, already in N-Quads terms.
type Quad struct {
	Subject   string // IRI
	Predicate string // IRI
	// Object is an IRI when ObjectIsIRI, else a literal's lexical form
	// with Datatype (an IRI, "" for a plain string) and Lang.
	Object      string
	ObjectIsIRI bool
	Datatype    string
	Lang        string
	Label       string // the document IRI the quad came from; "" for none
}

// Write serializes g to w in format f. It writes as it goes; on error the
// output is incomplete. ctx is checked between elements.
func Write(ctx context.Context, w io.Writer, f Format, g *Graph) error {
	switch f {
	case GraphML:
		return writeGraphML(ctx, w, g)
	case GEXF:
		return writeGEXF(ctx, w, g)
	case Cytoscape:
		return writeCytoscape(ctx, w, g)
	case DOT:
		return writeDOT(ctx, w, g)
	case NQuads:
		return writeNQuads(ctx, w, g)
	case CSV:
		return writeCSV(ctx, w, g)
	}
	_, err := ParseFormat(string(f))
	return err
}
