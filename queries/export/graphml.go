package export

import (
	"context"
	"io"
)

const graphmlHeader = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

// graphmlKey is one GraphML <key>: an attribute, one of a list's repeated
// values, or one part of an evidence.
type graphmlKey struct {
	ID, Name, For, Type string
}

// graphmlKeyID is the key id of attribute a (or of its repeated item).
// Node keys are named after the attribute; edge keys carry an "e_"
// prefix, since one id cannot serve both.
func graphmlKeyID(a *attribute, name string) string {
	if a.For == "edge" {
		return "e_" + name
	}
	return name
}

// graphmlType is the attr.type of an attribute type.
func graphmlType(t attrType) string {
	switch t {
	case typeDouble:
		return "double"
	case typeInt:
		return "int"
	}
	return "string"
}

// graphmlKeys lists the keys of attribute a.
func graphmlKeys(a *attribute) []graphmlKey {
	switch a.Type {
	case typeStrings:
		return []graphmlKey{{graphmlKeyID(a, a.Item), a.Item, a.For, "string"}}
	case typeEvidence:
		keys := make([]graphmlKey, len(evidenceFields))
		for i, f := range evidenceFields {
			name := a.Name + f.Suffix
			keys[i] = graphmlKey{graphmlKeyID(a, name), name, a.For, graphmlType(f.Type)}
		}
		return keys
	}
	return []graphmlKey{{graphmlKeyID(a, a.Name), a.Name, a.For, graphmlType(a.Type)}}
}

// edgeLabelKey is the edges' "label": the predicate again, under the name
// yEd and Gephi show.
var edgeLabelKey = graphmlKey{"e_label", "label", "edge", "string"}

// writeGraphML writes g as GraphML 1.0: one typed <key> per attribute,
// one <data> per value; a list repeats its <data> element once per value
// and an evidence list repeats the four evidence keys once per sentence.
func writeGraphML(ctx context.Context, w io.Writer, g *Graph) error {
	if _, err := checkGraph(g); err != nil {
		return err
	}
	o := newOutput(ctx, w)
	o.WriteString(graphmlHeader)
	writeKey := func(k graphmlKey) {
		o.WriteString("  <key")
		xmlAttr(o, "id", k.ID)
		xmlAttr(o, "for", k.For)
		xmlAttr(o, "attr.name", k.Name)
		xmlAttr(o, "attr.type", k.Type)
		o.WriteString("/>\n")
	}
	nodeAttrs, edgeAttrs := attributesFor("node"), attributesFor("edge")
	for i := range nodeAttrs {
		for _, k := range graphmlKeys(&nodeAttrs[i]) {
			writeKey(k)
		}
	}
	writeKey(edgeLabelKey)
	for i := range edgeAttrs {
		for _, k := range graphmlKeys(&edgeAttrs[i]) {
			writeKey(k)
		}
	}
	o.WriteString(`  <graph id="ipgraph" edgedefault="directed">` + "\n")
	for i := range g.Nodes {
		if err := o.tick(); err != nil {
			return err
		}
		n := &g.Nodes[i]
		o.WriteString("    <node")
		xmlAttr(o, "id", n.ID)
		o.WriteString(">\n")
		graphmlData(o, nodeAttrs, n)
		o.WriteString("    </node>\n")
	}
	for i := range g.Edges {
		if err := o.tick(); err != nil {
			return err
		}
		e := &g.Edges[i]
		o.WriteString("    <edge")
		xmlAttr(o, "id", e.ID)
		xmlAttr(o, "source", e.Source)
		xmlAttr(o, "target", e.Target)
		o.WriteString(">\n")
		if e.Predicate != "" {
			graphmlDatum(o, edgeLabelKey.ID, e.Predicate)
		}
		graphmlData(o, edgeAttrs, e)
		o.WriteString("    </edge>\n")
	}
	o.WriteString("  </graph>\n</graphml>\n")
	return o.flush()
}

// graphmlData writes the <data> elements of node or edge x.
func graphmlData(o *output, attrs []attribute, x any) {
	for i := range attrs {
		a := &attrs[i]
		v := a.value(x)
		if !present(v) {
			continue
		}
		switch v := v.(type) {
		case []string:
			id := graphmlKeyID(a, a.Item)
			for _, s := range v {
				graphmlDatum(o, id, s)
			}
		case []Evidence:
			// All four parts of every evidence, even empty ones, so
			// that the i-th elements of each key belong together.
			for j := range v {
				for _, f := range evidenceFields {
					graphmlDatum(o, graphmlKeyID(a, a.Name+f.Suffix), f.get(&v[j]))
				}
			}
		default:
			graphmlDatum(o, graphmlKeyID(a, a.Name), scalarText(v))
		}
	}
}

func graphmlDatum(o *output, key, value string) {
	o.WriteString("      <data")
	xmlAttr(o, "key", key)
	o.WriteByte('>')
	xmlText(o, value)
	o.WriteString("</data>\n")
}
