package export

import (
	"context"
	"io"
	"strconv"
	"strings"
)

const gexfHeader = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft"
    xmlns:viz="http://www.gexf.net/1.2draft/viz"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd"
    version="1.2">
`

// gexfType is the GEXF type of an attribute type. Evidence is a JSON
// string: GEXF has no type for a list of records.
func gexfType(t attrType) string {
	switch t {
	case typeDouble:
		return "double"
	case typeInt:
		return "integer"
	case typeStrings:
		return "liststring"
	}
	return "string"
}

// gexfList joins a liststring's values with '|', dropping any '|' inside
// a value: GEXF has no escape for it.
func gexfList(vs []string) string {
	clean := make([]string, len(vs))
	for i, v := range vs {
		clean[i] = strings.ReplaceAll(v, "|", "")
	}
	return strings.Join(clean, "|")
}

// writeGEXF writes g as GEXF 1.2draft, a dynamic graph whose spells place
// nodes and edges on Gephi's timeline: a statistic at its period, an
// entity at the dates of the documents that mention it, an edge at the
// dates of its evidence.
func writeGEXF(ctx context.Context, w io.Writer, g *Graph) error {
	if _, err := checkGraph(g); err != nil {
		return err
	}
	o := newOutput(ctx, w)
	o.WriteString(gexfHeader)
	o.WriteString("  <meta")
	if validDate(g.Created) {
		xmlAttr(o, "lastmodifieddate", g.Created)
	}
	o.WriteString(">\n    <creator>ipgraph</creator>\n")
	o.WriteString("    <description>IP-policy knowledge graph: entities and statistics, relations with their evidence</description>\n")
	o.WriteString("  </meta>\n")
	o.WriteString(`  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">` + "\n")
	nodeAttrs, edgeAttrs := attributesFor("node"), attributesFor("edge")
	for _, class := range []struct {
		name  string
		attrs []attribute
	}{{"node", nodeAttrs}, {"edge", edgeAttrs}} {
		o.WriteString(`    <attributes class="` + class.name + `" mode="static">` + "\n")
		for _, a := range class.attrs {
			if a.Native {
				continue
			}
			o.WriteString("      <attribute")
			xmlAttr(o, "id", a.Name)
			xmlAttr(o, "title", a.Name)
			xmlAttr(o, "type", gexfType(a.Type))
			o.WriteString("/>\n")
		}
		o.WriteString("    </attributes>\n")
	}

	o.WriteString("    <nodes>\n")
	for i := range g.Nodes {
		if err := o.tick(); err != nil {
			return err
		}
		n := &g.Nodes[i]
		o.WriteString("      <node")
		xmlAttr(o, "id", n.ID)
		xmlAttr(o, "label", n.Label)
		o.WriteString(">\n")
		gexfAttValues(o, nodeAttrs, n)
		gexfSpells(o, nodeSpells(n))
		r, gr, b := rgb(typeColor(n.Type))
		o.WriteString(`        <viz:color r="` + strconv.Itoa(r) + `" g="` + strconv.Itoa(gr) + `" b="` + strconv.Itoa(b) + `"/>` + "\n")
		o.WriteString("      </node>\n")
	}
	o.WriteString("    </nodes>\n    <edges>\n")
	for i := range g.Edges {
		if err := o.tick(); err != nil {
			return err
		}
		e := &g.Edges[i]
		o.WriteString("      <edge")
		xmlAttr(o, "id", e.ID)
		xmlAttr(o, "source", e.Source)
		xmlAttr(o, "target", e.Target)
		xmlAttr(o, "label", e.Predicate)
		// kind (GEXF 1.3, read by Gephi whatever the version) keeps
		// parallel edges with different predicates apart.
		xmlAttr(o, "kind", e.Predicate)
		xmlAttr(o, "weight", strconv.Itoa(weight(e)))
		o.WriteString(">\n")
		gexfAttValues(o, edgeAttrs, e)
		gexfSpells(o, edgeSpells(e))
		o.WriteString("      </edge>\n")
	}
	o.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return o.flush()
}

// gexfAttValues writes the attvalues of node or edge x.
func gexfAttValues(o *output, attrs []attribute, x any) {
	open := false
	for i := range attrs {
		a := &attrs[i]
		if a.Native {
			continue
		}
		v := a.value(x)
		if !present(v) {
			continue
		}
		var text string
		switch v := v.(type) {
		case []string:
			text = gexfList(v)
		case []Evidence:
			text = jsonText(v)
		default:
			text = scalarText(v)
		}
		if !open {
			o.WriteString("        <attvalues>\n")
			open = true
		}
		o.WriteString("          <attvalue")
		xmlAttr(o, "for", a.Name)
		xmlAttr(o, "value", text)
		o.WriteString("/>\n")
	}
	if open {
		o.WriteString("        </attvalues>\n")
	}
}

func gexfSpells(o *output, spells []spell) {
	if len(spells) == 0 {
		return
	}
	o.WriteString("        <spells>\n")
	for _, s := range spells {
		o.WriteString(`          <spell start="` + s.Start + `" end="` + s.End + `"/>` + "\n")
	}
	o.WriteString("        </spells>\n")
}
