package export

import (
	"context"
	"io"
)

// writeCytoscape writes g as Cytoscape.js JSON, one element per line.
// Beside the shared attributes a node carries "value" (its id, which
// networkx's cytoscape_graph needs) and "name" (its label, Cytoscape
// desktop's name column); an edge carries "key" (its predicate, networkx's
// multigraph key), "interaction" (the predicate, Cytoscape desktop's
// column) and "label" (the predicate again). Every attribute is written,
// empty or not, except "amount" on entities; lists stay JSON arrays.
func writeCytoscape(ctx context.Context, w io.Writer, g *Graph) error {
	repeated, err := checkGraph(g)
	if err != nil {
		return err
	}
	o := newOutput(ctx, w)
	o.WriteString(`{"data":{"name":"ipgraph"},"directed":true,"multigraph":true,"elements":{"nodes":[`)
	field := func(name string, v any) {
		o.WriteByte(',')
		o.writeJSON(name)
		o.WriteByte(':')
		o.writeJSON(v)
	}
	nodeAttrs, edgeAttrs := attributesFor("node"), attributesFor("edge")
	for i := range g.Nodes {
		if err := o.tick(); err != nil {
			return err
		}
		n := &g.Nodes[i]
		if i > 0 {
			o.WriteByte(',')
		}
		o.WriteString("\n" + `{"data":{"id":`)
		o.writeJSON(n.ID)
		field("value", n.ID)
		field("name", n.Label)
		cyjsFields(field, nodeAttrs, n)
		o.WriteString("}}")
	}
	o.WriteString("\n" + `],"edges":[`)
	for i := range g.Edges {
		if err := o.tick(); err != nil {
			return err
		}
		e := &g.Edges[i]
		if i > 0 {
			o.WriteByte(',')
		}
		key := e.Predicate
		if repeated[i] {
			// Keys must differ between two edges with the same
			// ends; the Graph contract says this does not happen.
			key += "#" + e.ID
		}
		o.WriteString("\n" + `{"data":{"id":`)
		o.writeJSON(e.ID)
		field("source", e.Source)
		field("target", e.Target)
		field("key", key)
		field("interaction", e.Predicate)
		field("label", e.Predicate)
		cyjsFields(field, edgeAttrs, e)
		o.WriteString("}}")
	}
	o.WriteString("\n]}}\n")
	return o.flush()
}

// cyjsFields writes the attributes of node or edge x.
func cyjsFields(field func(string, any), attrs []attribute, x any) {
	for i := range attrs {
		a := &attrs[i]
		v := a.value(x)
		if v == nil {
			continue
		}
		field(a.Name, v)
	}
}
