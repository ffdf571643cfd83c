package export

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// csvEpoch stamps the archive's entries when the Graph has no Created
// date: the earliest time a zip (MS-DOS) date can hold.
var csvEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// writeCSV writes g as a zip archive of nodes.csv, edges.csv (RFC 4180,
// UTF-8, a header row) and README.txt. Lists are JSON arrays in one cell,
// always written ("[]" when empty); other empty values are empty cells.
func writeCSV(ctx context.Context, w io.Writer, g *Graph) error {
	if _, err := checkGraph(g); err != nil {
		return err
	}
	o := newOutput(ctx, w)
	modified := csvEpoch
	if validDate(g.Created) {
		modified, _ = time.Parse("2006-01-02", g.Created)
	}
	z := zip.NewWriter(o)
	create := func(name string) (io.Writer, error) {
		return z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
	}

	nodeAttrs, edgeAttrs := attributesFor("node"), attributesFor("edge")
	f, err := create("nodes.csv")
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	header := []string{"id"}
	for _, a := range nodeAttrs {
		header = append(header, a.Name)
	}
	cw.Write(header)
	row := make([]string, len(header))
	for i := range g.Nodes {
		if err := o.tick(); err != nil {
			return err
		}
		n := &g.Nodes[i]
		row[0] = csvText(n.ID)
		csvCells(row[1:], nodeAttrs, n)
		cw.Write(row)
	}
	if cw.Flush(); cw.Error() != nil {
		return cw.Error()
	}

	if f, err = create("edges.csv"); err != nil {
		return err
	}
	cw = csv.NewWriter(f)
	header = []string{"id", "source", "target"}
	for _, a := range edgeAttrs {
		header = append(header, a.Name)
	}
	cw.Write(header)
	row = make([]string, len(header))
	for i := range g.Edges {
		if err := o.tick(); err != nil {
			return err
		}
		e := &g.Edges[i]
		row[0], row[1], row[2] = csvText(e.ID), csvText(e.Source), csvText(e.Target)
		csvCells(row[3:], edgeAttrs, e)
		cw.Write(row)
	}
	if cw.Flush(); cw.Error() != nil {
		return cw.Error()
	}

	if f, err = create("README.txt"); err != nil {
		return err
	}
	if _, err := io.WriteString(f, csvReadme()); err != nil {
		return err
	}
	if err := z.Close(); err != nil {
		return err
	}
	return o.flush()
}

// csvCells fills cells with the attributes of node or edge x.
func csvCells(cells []string, attrs []attribute, x any) {
	for i := range attrs {
		a := &attrs[i]
		v := a.value(x)
		switch v.(type) {
		case []string, []Evidence:
			cells[i] = jsonText(v)
		default:
			cells[i] = csvText(scalarText(v))
		}
	}
}

// csvText makes s valid UTF-8, which is all CSV asks.
func csvText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// csvReadme describes the archive's columns, from the attribute table.
func csvReadme() string {
	var b strings.Builder
	b.WriteString("ipgraph export: nodes.csv and edges.csv\n\n")
	b.WriteString("CSV as in RFC 4180, UTF-8 without a byte order mark, one header row.\n")
	b.WriteString("Cells holding a list are JSON arrays (\"[]\" when empty); evidence is a\n")
	b.WriteString("JSON array of {\"document\", \"date\", \"offset\", \"sentence\"} objects.\n")
	b.WriteString("In pandas: df[\"aliases\"] = df[\"aliases\"].map(json.loads).\n\n")
	column := func(name, typ, doc string) {
		b.WriteString("  " + name + strings.Repeat(" ", max(1, 11-len(name))) + "(" + typ + ") " + doc + "\n")
	}
	b.WriteString("nodes.csv\n")
	column("id", "string", "the node's id, unique in the export")
	for _, a := range attributesFor("node") {
		column(a.Name, a.Type.String(), a.Doc)
	}
	b.WriteString("\nedges.csv\n")
	column("id", "string", "the edge's id, unique in the export")
	column("source", "string", "the id of the node the edge starts from")
	column("target", "string", "the id of the node the edge points to")
	for _, a := range attributesFor("edge") {
		column(a.Name, a.Type.String(), a.Doc)
	}
	return b.String()
}
