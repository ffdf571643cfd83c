package export

import (
	"context"
	"io"
)

const dotHeader = `digraph ipgraph {
  graph [charset="UTF-8", rankdir="LR", overlap="false", fontname="Helvetica"];
  node [shape="box", style="rounded,filled", fillcolor="` + otherColor + `", fontname="Helvetica", fontsize="10"];
  edge [color="#666666", fontname="Helvetica", fontsize="8"];
`

// kindShapes gives each node kind its shape.
var kindShapes = map[string]string{
	KindEntity:    "box",
	KindStatistic: "note",
}

// writeDOT writes g as a Graphviz digraph. Every id and value is a quoted
// string; nodes are filled with their type's colour and shaped by kind;
// attributes that are not Graphviz's own (iri, type, aliases, …) are
// kept as extra attributes, lists as JSON arrays.
func writeDOT(ctx context.Context, w io.Writer, g *Graph) error {
	if _, err := checkGraph(g); err != nil {
		return err
	}
	o := newOutput(ctx, w)
	o.WriteString(dotHeader)
	nodeAttrs, edgeAttrs := attributesFor("node"), attributesFor("edge")
	for i := range g.Nodes {
		if err := o.tick(); err != nil {
			return err
		}
		n := &g.Nodes[i]
		o.WriteString("  ")
		dotQuote(o, n.ID)
		o.WriteString(" [")
		sep := dotAttrs(o, "", nodeAttrs, n)
		if shape, ok := kindShapes[n.Kind]; ok {
			sep = dotAttr(o, sep, "shape", shape)
			if n.Kind == KindStatistic {
				sep = dotAttr(o, sep, "style", "filled")
			}
		}
		dotAttr(o, sep, "fillcolor", typeColor(n.Type))
		o.WriteString("];\n")
	}
	for i := range g.Edges {
		if err := o.tick(); err != nil {
			return err
		}
		e := &g.Edges[i]
		o.WriteString("  ")
		dotQuote(o, e.Source)
		o.WriteString(" -> ")
		dotQuote(o, e.Target)
		o.WriteString(" [")
		sep := dotAttr(o, "", "id", e.ID)
		if e.Predicate != "" {
			sep = dotAttr(o, sep, "label", e.Predicate)
		}
		dotAttrs(o, sep, edgeAttrs, e)
		o.WriteString("];\n")
	}
	o.WriteString("}\n")
	return o.flush()
}

// dotAttrs writes the non-empty attributes of node or edge x, the first
// one preceded by sep; it returns the separator of what follows.
func dotAttrs(o *output, sep string, attrs []attribute, x any) string {
	for i := range attrs {
		a := &attrs[i]
		v := a.value(x)
		if !present(v) {
			continue
		}
		switch v.(type) {
		case []string, []Evidence:
			sep = dotAttr(o, sep, a.Name, jsonText(v))
		default:
			sep = dotAttr(o, sep, a.Name, scalarText(v))
		}
	}
	return sep
}

// dotAttr writes sep and `name="value"`, and returns the separator of the
// next attribute.
func dotAttr(o *output, sep, name, value string) string {
	o.WriteString(sep)
	o.WriteString(name)
	o.WriteByte('=')
	dotQuote(o, value)
	return ", "
}
