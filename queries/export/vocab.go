package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"time"
)

// attrType is the type of an attribute's value.
type attrType int

const (
	typeString   attrType = iota // one string
	typeDouble                   // one float64
	typeInt                      // one int
	typeStrings                  // a list of strings
	typeEvidence                 // a list of Evidence
)

func (t attrType) String() string {
	switch t {
	case typeString:
		return "string"
	case typeDouble:
		return "double"
	case typeInt:
		return "int"
	case typeStrings:
		return "list of strings"
	case typeEvidence:
		return "list of evidence"
	}
	return "?"
}

// attribute is one attribute of a node or an edge. The table attributes
// is the one vocabulary that every graph format writes; doc.go documents
// it for people.
type attribute struct {
	// Name is the attribute's name: a GraphML attr.name, a GEXF attribute
	// title, a CSV column, a Cytoscape data field, a DOT attribute.
	Name string
	// Item is, for a list, the GraphML key whose data element is repeated
	// once per value ("alias" for "aliases"); "" for scalars and evidence.
	Item string
	For  string // "node" or "edge"
	Type attrType
	// Native marks what GEXF writes as the element's own XML attribute
	// (a node's label, an edge's weight) rather than as an attvalue.
	Native bool
	Doc    string

	// node or edge returns the attribute's value: a string, float64, int,
	// []string or []Evidence; nil when the element has none.
	node func(n *Node) any
	edge func(e *Edge) any
}

// attributes is the shared attribute vocabulary, in output order.
var attributes = []attribute{
	{Name: "iri", For: "node", Type: typeString,
		Doc:  "the node's full IRI, as in the N-Quads export",
		node: func(n *Node) any { return n.IRI }},
	{Name: "kind", For: "node", Type: typeString,
		Doc:  "\"entity\" or \"statistic\"",
		node: func(n *Node) any { return n.Kind }},
	{Name: "type", For: "node", Type: typeString,
		Doc:  "Agency, Law, Program, Region, Person, Organization or Statistic",
		node: func(n *Node) any { return n.Type }},
	{Name: "label", For: "node", Type: typeString, Native: true,
		Doc:  "the entity's canonical name; a statistic's \"metric: value unit (period)\"",
		node: func(n *Node) any { return n.Label }},
	{Name: "aliases", Item: "alias", For: "node", Type: typeStrings,
		Doc:  "the entity's other names, sorted",
		node: func(n *Node) any { return n.Aliases }},
	{Name: "metric", For: "node", Type: typeString,
		Doc:  "a statistic's normalized metric",
		node: func(n *Node) any { return n.Metric }},
	{Name: "amount", For: "node", Type: typeDouble,
		Doc: "a statistic's value, scale words applied (statistics only)",
		node: func(n *Node) any {
			if n.Kind != KindStatistic || math.IsNaN(n.Amount) || math.IsInf(n.Amount, 0) {
				return nil
			}
			return n.Amount
		}},
	{Name: "unit", For: "node", Type: typeString,
		Doc:  "a statistic's unit",
		node: func(n *Node) any { return n.Unit }},
	{Name: "period", For: "node", Type: typeString,
		Doc:  "a statistic's period: 2024, 2024-06, 2024-H1 or 2024-Q3",
		node: func(n *Node) any { return n.Period }},
	{Name: "documents", Item: "document", For: "node", Type: typeStrings,
		Doc:  "the documents that mention the entity or state the statistic, sorted",
		node: func(n *Node) any { return n.Documents }},
	{Name: "dates", Item: "date", For: "node", Type: typeStrings,
		Doc:  "those documents' dates (YYYY-MM-DD), in the same order; \"\" where a document has none",
		node: func(n *Node) any { return n.Dates }},
	{Name: "evidence", For: "node", Type: typeEvidence,
		Doc:  "a statistic's sentence: document, date, offset, sentence",
		node: func(n *Node) any { return n.Evidence }},

	{Name: "predicate", For: "edge", Type: typeString,
		Doc:  "the relation: runs, issued, partOf, coMentioned, … or a statistic's subject / reportedBy",
		edge: func(e *Edge) any { return e.Predicate }},
	{Name: "weight", For: "edge", Type: typeInt, Native: true,
		Doc:  "the number of evidence sentences, at least 1",
		edge: func(e *Edge) any { return weight(e) }},
	{Name: "evidence", For: "edge", Type: typeEvidence,
		Doc:  "the sentences that state the relation (document, date, offset, sentence, kind \"sentence\", the title as note), or background knowledge (kind \"background\", known_from the gazetteer row, no sentence)",
		edge: func(e *Edge) any { return e.Evidence }},
}

// attributesFor returns the attributes of nodes ("node") or edges ("edge").
func attributesFor(class string) []attribute {
	var out []attribute
	for _, a := range attributes {
		if a.For == class {
			out = append(out, a)
		}
	}
	return out
}

// value returns a's value on the node or edge x.
func (a *attribute) value(x any) any {
	switch x := x.(type) {
	case *Node:
		return a.node(x)
	case *Edge:
		return a.edge(x)
	}
	return nil
}

// evidenceFields are the parts of one evidence, in the order GraphML
// repeats them and the order of the JSON objects' fields.
var evidenceFields = []struct {
	Suffix string // GraphML key: "evidence" + Suffix
	Type   attrType
	get    func(ev *Evidence) string
}{
	{"", typeString, func(ev *Evidence) string { return ev.Sentence }},
	{"_document", typeString, func(ev *Evidence) string { return ev.Document }},
	{"_date", typeString, func(ev *Evidence) string { return ev.Date }},
	{"_offset", typeInt, func(ev *Evidence) string { return strconv.Itoa(ev.Offset) }},
	{"_kind", typeString, func(ev *Evidence) string { return ev.Kind }},
	{"_known_from", typeString, func(ev *Evidence) string { return ev.KnownFrom }},
	{"_note", typeString, func(ev *Evidence) string { return ev.Note }},
}

// present reports whether an attribute value is worth writing.
func present(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case string:
		return v != ""
	case []string:
		return len(v) > 0
	case []Evidence:
		return len(v) > 0
	}
	return true
}

// scalarText is a scalar value's text.
func scalarText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return formatFloat(v)
	case int:
		return strconv.Itoa(v)
	}
	return ""
}

// weight is an edge's weight: its number of evidence sentences, at
// least 1.
func weight(e *Edge) int {
	return max(1, len(e.Evidence))
}

// formatFloat writes f without an exponent for ordinary magnitudes, as
// encoding/json does.
func formatFloat(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// evidenceJSON is one evidence as a JSON object.
type evidenceJSON struct {
	Document  string `json:"document"`
	Date      string `json:"date"`
	Offset    int    `json:"offset"`
	Sentence  string `json:"sentence"`
	Kind      string `json:"kind,omitempty"`
	KnownFrom string `json:"known_from,omitempty"`
	Note      string `json:"note,omitempty"`
}

// jsonText is v in compact JSON, without HTML escaping. Lists are never
// null: an empty list is [].
func jsonText(v any) string {
	j := jsonEncode(v)
	defer jsonEncoders.Put(j)
	return string(j.buf.Bytes())
}

// writeJSON writes v as jsonText does.
func (o *output) writeJSON(v any) {
	j := jsonEncode(v)
	defer jsonEncoders.Put(j)
	o.Write(j.buf.Bytes())
}

// jsonEncode encodes v into a pooled encoder's buffer, without the final
// newline; the caller puts the encoder back.
func jsonEncode(v any) *jsonEncoder {
	switch x := v.(type) {
	case []string:
		if x == nil {
			v = []string{}
		}
	case []Evidence:
		objs := make([]evidenceJSON, len(x))
		for i, ev := range x {
			objs[i] = evidenceJSON{ev.Document, ev.Date, ev.Offset, ev.Sentence, ev.Kind, ev.KnownFrom, ev.Note}
		}
		v = objs
	}
	j := jsonEncoders.Get().(*jsonEncoder)
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		// Only unsupported values (NaN, ±Inf) fail; attributes filter them.
		j.buf.Reset()
		j.buf.WriteString("null")
	}
	j.buf.Truncate(len(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))))
	return j
}

// jsonEncoder is a reusable encoder that does not escape HTML.
type jsonEncoder struct {
	buf bytes.Buffer
	enc *json.Encoder
}

var jsonEncoders = sync.Pool{New: func() any {
	j := new(jsonEncoder)
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}}

// checkEvery is how many elements a writer writes between checks of its
// context and of its output's error.
const checkEvery = 256

// output is a buffered writer shared by the serializers. Writes are not
// checked one by one: bufio.Writer keeps its first error, which check and
// flush report.
type output struct {
	*bufio.Writer
	ctx context.Context
	n   int
}

func newOutput(ctx context.Context, w io.Writer) *output {
	return &output{Writer: bufio.NewWriterSize(w, 64<<10), ctx: ctx}
}

// tick counts one element and, every checkEvery elements, reports a
// cancelled context or a failed write.
func (o *output) tick() error {
	o.n++
	if o.n%checkEvery != 0 {
		return nil
	}
	return o.check()
}

// check reports a cancelled context or a failed write.
func (o *output) check() error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
	_, err := o.Write(nil) // returns the writer's sticky error
	return err
}

// flush checks the context and flushes.
func (o *output) flush() error {
	if err := o.ctx.Err(); err != nil {
		return err
	}
	return o.Flush()
}

// checkGraph verifies what every graph format relies on: non-empty,
// unique node and edge ids, and edges between nodes of g. It returns the
// indexes of edges that repeat an earlier (source, predicate, target).
func checkGraph(g *Graph) (repeated map[int]bool, err error) {
	nodes := make(map[string]bool, len(g.Nodes))
	for i := range g.Nodes {
		id := g.Nodes[i].ID
		if id == "" {
			return nil, fmt.Errorf("export: node %d has no id", i)
		}
		if nodes[id] {
			return nil, fmt.Errorf("export: two nodes have the id %q", id)
		}
		nodes[id] = true
	}
	edges := make(map[string]bool, len(g.Edges))
	triples := make(map[[3]string]bool, len(g.Edges))
	for i := range g.Edges {
		e := &g.Edges[i]
		switch {
		case e.ID == "":
			return nil, fmt.Errorf("export: edge %d (%s %s %s) has no id", i, e.Source, e.Predicate, e.Target)
		case edges[e.ID]:
			return nil, fmt.Errorf("export: two edges have the id %q", e.ID)
		case !nodes[e.Source]:
			return nil, fmt.Errorf("export: edge %q starts at %q, which is not a node", e.ID, e.Source)
		case !nodes[e.Target]:
			return nil, fmt.Errorf("export: edge %q ends at %q, which is not a node", e.ID, e.Target)
		}
		edges[e.ID] = true
		t := [3]string{e.Source, e.Predicate, e.Target}
		if triples[t] {
			if repeated == nil {
				repeated = map[int]bool{}
			}
			repeated[i] = true
		}
		triples[t] = true
	}
	return repeated, nil
}

// Time spells (GEXF).

// spell is a closed interval of dates, YYYY-MM-DD.
type spell struct{ Start, End string }

var periodRE = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-([HhQq])(\d))?$`)

// periodSpell turns a statistic's period into the dates it covers:
// 2024 → the year, 2024-06 → the month, 2024-H1 → the half, 2024-Q3 → the
// quarter, 2024-06-15 → the day. ok is false for anything else.
func periodSpell(p string) (s spell, ok bool) {
	m := periodRE.FindStringSubmatch(p)
	if m == nil {
		return spell{}, false
	}
	year, _ := strconv.Atoi(m[1])
	first, months := 1, 12 // the first month and the number of months
	switch {
	case m[3] != "":
		d, err := time.Parse("2006-01-02", p)
		if err != nil {
			return spell{}, false
		}
		day := d.Format("2006-01-02")
		return spell{day, day}, true
	case m[2] != "":
		first, _ = strconv.Atoi(m[2])
		months = 1
	case m[4] == "H" || m[4] == "h":
		n, _ := strconv.Atoi(m[5])
		first, months = 6*(n-1)+1, 6
	case m[4] == "Q" || m[4] == "q":
		n, _ := strconv.Atoi(m[5])
		first, months = 3*(n-1)+1, 3
	}
	if first < 1 || first > 12 {
		return spell{}, false
	}
	start := time.Date(year, time.Month(first), 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, months, -1)
	return spell{start.Format("2006-01-02"), end.Format("2006-01-02")}, true
}

// validDate reports whether d is a real YYYY-MM-DD date.
func validDate(d string) bool {
	if len(d) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", d)
	return err == nil
}

// dateSpells turns dates into one-day spells, sorted, without repeats,
// skipping what is not a YYYY-MM-DD date.
func dateSpells(dates []string) []spell {
	var ds []string
	for _, d := range dates {
		if validDate(d) {
			ds = append(ds, d)
		}
	}
	slices.Sort(ds)
	ds = slices.Compact(ds)
	out := make([]spell, len(ds))
	for i, d := range ds {
		out[i] = spell{d, d}
	}
	return out
}

// nodeSpells are a node's spells: a statistic's period, or the dates of
// the documents that mention an entity.
func nodeSpells(n *Node) []spell {
	if n.Kind == KindStatistic {
		if s, ok := periodSpell(n.Period); ok {
			return []spell{s}
		}
		return nil
	}
	return dateSpells(n.Dates)
}

// edgeSpells are the dates of an edge's evidence documents.
func edgeSpells(e *Edge) []spell {
	dates := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		dates[i] = ev.Date
	}
	return dateSpells(dates)
}

// Colours and shapes (DOT, GEXF).

// typeColors is a fixed palette, one colour per node type.
var typeColors = map[string]string{
	"Agency":       "#8dd3c7",
	"Law":          "#ffffb3",
	"Program":      "#bebada",
	"Region":       "#fb8072",
	"Person":       "#80b1d3",
	"Organization": "#fdb462",
	"Statistic":    "#b3de69",
}

// otherColor is the colour of a type the palette does not know.
const otherColor = "#d9d9d9"

func typeColor(t string) string {
	if c, ok := typeColors[t]; ok {
		return c
	}
	return otherColor
}

// rgb splits "#rrggbb".
func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
