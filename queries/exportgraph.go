package queries

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries/export"
)

// ExportSelection chooses the part of the graph an export holds. With no
// Root and no IDs it is the whole graph.
type ExportSelection struct {
	// Root and Depth select the entities within Depth relations of Root
	// (an id, IRI or name), as Neighbors does: Depth is clamped to
	// 1..MaxDepth.
	Root  string
	Depth int
	// IDs select exactly these entities (short ids or IRIs); unknown ids
	// are ignored. Used by the viewer to download what it shows.
	IDs []string
	// Types keeps only entities of these types, and statistics only when
	// it names "Statistic"; empty keeps everything. A Root is always kept.
	Types []string
	// Predicates keeps only relations with these predicates; empty keeps
	// all. Statistic links (subject, reportedBy) are governed by Types.
	Predicates []string
	// Quads also collects the exported part's quads, for export.NQuads.
	Quads bool
}

// ErrNoEntity is returned (wrapped) when an export's Root names no entity.
var ErrNoEntity = errors.New("no such entity")

// StatisticType is the type name export selections use for statistics.
const StatisticType = "Statistic"

// ExportCounts are the sizes of an export: what a reader of the file
// should find.
type ExportCounts struct {
	Nodes      int            `json:"nodes"`
	Edges      int            `json:"edges"`
	Quads      int            `json:"quads"`
	Entities   map[string]int `json:"entities"` // per entity type
	Statistics int            `json:"statistics"`
	Relations  map[string]int `json:"relations"` // edges per predicate, statistic links included
}

// Counts returns the sizes of g.
func Counts(g *export.Graph) ExportCounts {
	c := ExportCounts{Nodes: len(g.Nodes), Edges: len(g.Edges), Quads: len(g.Quads),
		Entities: map[string]int{}, Relations: map[string]int{}}
	for _, n := range g.Nodes {
		if n.Kind == export.KindStatistic {
			c.Statistics++
		} else {
			c.Entities[n.Type]++
		}
	}
	for _, e := range g.Edges {
		c.Relations[e.Predicate]++
	}
	return c
}

// ExportGraph collects the selected part of the graph for the export
// serializers: entities and statistics as nodes, relations and statistic
// links as edges with their evidence, and (with sel.Quads) the quads.
// truncated reports that a Root traversal stopped at its visit budget.
func (s *Service) ExportGraph(ctx context.Context, sel ExportSelection) (g *export.Graph, truncated bool, err error) {
	entities, truncated, err := s.exportEntities(ctx, sel)
	if err != nil {
		return nil, false, err
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		return nil, false, err
	}
	dates := make(map[string]string, len(docs)) // document IRI → date
	latest := ""
	for _, d := range docs {
		dates[d.IRI] = exportDate(d.Date)
		latest = max(latest, dates[d.IRI])
	}
	c := exportCollector{svc: s, dates: dates, inSet: map[string]string{}, keepIRIs: map[string]bool{}}
	g = &export.Graph{Created: latest} // the data's date, so the same store exports the same bytes
	for _, e := range entities {
		c.inSet[e.IRI] = e.ID
	}
	for _, e := range entities {
		n, err := c.entityNode(ctx, e)
		if err != nil {
			return nil, false, err
		}
		g.Nodes = append(g.Nodes, n)
	}
	keepStats := len(sel.Types) == 0 || slices.Contains(sel.Types, StatisticType)
	var statEdges []export.Edge
	if keepStats {
		nodes, edges, err := c.statistics(ctx, entities, sel.Root == "" && len(sel.IDs) == 0)
		if err != nil {
			return nil, false, err
		}
		g.Nodes = append(g.Nodes, nodes...)
		statEdges = edges
	}
	relEdges, err := c.relations(ctx, entities, sel.Predicates)
	if err != nil {
		return nil, false, err
	}
	g.Edges = append(relEdges, statEdges...)
	for i := range g.Edges {
		g.Edges[i].ID = fmt.Sprintf("e%d", i+1)
	}
	if sel.Quads {
		if g.Quads, err = c.quads(ctx, sel.Root == "" && len(sel.IDs) == 0 && len(sel.Types) == 0 && len(sel.Predicates) == 0); err != nil {
			return nil, false, err
		}
	}
	return g, truncated, nil
}

// exportEntities returns the selected entities, sorted by IRI.
func (s *Service) exportEntities(ctx context.Context, sel ExportSelection) ([]Entity, bool, error) {
	var out []Entity
	truncated := false
	switch {
	case sel.Root != "":
		root, err := s.Entity(ctx, sel.Root)
		if err == nil && root == nil {
			root, err = s.EntityByName(ctx, sel.Root)
		}
		if err != nil {
			return nil, false, err
		}
		if root == nil {
			return nil, false, fmt.Errorf("export around %q: %w", sel.Root, ErrNoEntity)
		}
		sub, trunc, err := s.Neighbors(ctx, root.IRI, sel.Depth, sel.Predicates, sel.Types)
		if err != nil {
			return nil, false, err
		}
		out, truncated = sub.Nodes, trunc
	case len(sel.IDs) > 0:
		iris := make([]string, len(sel.IDs))
		for i, id := range sel.IDs {
			iris[i] = graph.ExpandEntityID(strings.TrimSpace(id))
		}
		es, err := s.entities(ctx, uniq(iris))
		if err != nil {
			return nil, false, err
		}
		out = keepTypes(es, sel.Types)
	default:
		es, err := s.Entities(ctx, "", "")
		if err != nil {
			return nil, false, err
		}
		out = keepTypes(es, sel.Types)
	}
	out = slices.Clone(out)
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out, truncated, nil
}

// keepTypes keeps the entities whose type is in types (all when types is
// empty or names only non-entity types such as Statistic).
func keepTypes(es []Entity, types []string) []Entity {
	allowed := map[string]bool{}
	for _, t := range types {
		if graph.IsEntityType(t) {
			allowed[t] = true
		}
	}
	if len(allowed) == 0 && len(types) == 0 {
		return es
	}
	out := es[:0]
	for _, e := range es {
		if allowed[e.Type] {
			out = append(out, e)
		}
	}
	return out
}

// exportCollector gathers one export's nodes and edges.
type exportCollector struct {
	svc   *Service
	dates map[string]string // document IRI → YYYY-MM-DD or ""
	inSet map[string]string // exported node IRI → its export id
	// keepIRIs are the statement and sentence nodes the export's
	// evidence uses; their quads go into a partial N-Quads export.
	keepIRIs map[string]bool
}

func (c *exportCollector) entityNode(ctx context.Context, e Entity) (export.Node, error) {
	n := export.Node{ID: e.ID, IRI: e.IRI, Kind: export.KindEntity, Type: e.Type, Label: e.Name,
		Aliases: slices.Sorted(slices.Values(e.Aliases))}
	docs, err := c.svc.store.Subjects(ctx, graph.PredMentions, graph.IRI(e.IRI))
	if err != nil {
		return n, fmt.Errorf("export %s: %w", e.ID, err)
	}
	n.Documents, n.Dates = c.documentList(docs)
	return n, nil
}

// documentList turns document IRIs into sorted ids and their dates.
func (c *exportCollector) documentList(iris []string) (ids, dates []string) {
	sort.Strings(iris)
	for _, iri := range uniq(iris) {
		ids = append(ids, graph.LocalID(iri))
		dates = append(dates, c.dates[iri])
	}
	return ids, dates
}

func (c *exportCollector) evidence(ev Evidence) export.Evidence {
	if ev.IRI != "" {
		c.keepIRIs[ev.IRI] = true
	}
	kind := ev.Kind
	if kind == "" {
		kind = EvidenceSentence
	}
	return export.Evidence{Document: graph.LocalID(ev.Document), Date: c.dates[ev.Document],
		Offset: ev.Offset, Sentence: ev.Sentence, Kind: kind, KnownFrom: ev.KnownFrom, Note: ev.Note}
}

// relations returns the edges among the exported entities, keeping only
// predicates when that is not empty.
func (c *exportCollector) relations(ctx context.Context, entities []Entity, predicates []string) ([]export.Edge, error) {
	var edges []export.Edge
	for _, e := range entities {
		rs, err := c.svc.Relations(ctx, e.IRI, predicates, Out)
		if err != nil {
			return nil, err
		}
		var stmts map[Relation][]statement
		for _, r := range rs {
			target, ok := c.inSet[r.Target]
			if !ok {
				continue
			}
			if stmts == nil {
				if stmts, err = c.svc.statementsFrom(ctx, e.IRI); err != nil {
					return nil, err
				}
			}
			evs, err := c.svc.statementEvidence(ctx, stmts[r])
			if err != nil {
				return nil, err
			}
			edge := export.Edge{Source: e.ID, Target: target, Predicate: r.Predicate}
			for _, st := range stmts[r] {
				c.keepIRIs[st.IRI] = true
			}
			for _, ev := range evs {
				edge.Evidence = append(edge.Evidence, c.evidence(ev))
			}
			edges = append(edges, edge)
		}
	}
	return edges, nil
}

// statistics returns the statistic nodes (all of them when whole is set,
// else those about an exported entity) and their links to exported
// entities.
func (c *exportCollector) statistics(ctx context.Context, entities []Entity, whole bool) ([]export.Node, []export.Edge, error) {
	var iris []string
	if whole {
		all, err := c.svc.store.Subjects(ctx, graph.RDFType, graph.IRI(graph.TypeStatistic))
		if err != nil {
			return nil, nil, fmt.Errorf("export statistics: %w", err)
		}
		iris = all
	} else {
		for _, e := range entities {
			some, err := c.svc.store.Subjects(ctx, graph.PredSubject, graph.IRI(e.IRI))
			if err != nil {
				return nil, nil, fmt.Errorf("export statistics of %s: %w", e.ID, err)
			}
			iris = append(iris, some...)
		}
	}
	sort.Strings(iris)
	var nodes []export.Node
	var edges []export.Edge
	for _, iri := range uniq(iris) {
		st, err := c.svc.Statistic(ctx, iri)
		if err != nil {
			return nil, nil, err
		}
		if st == nil {
			continue
		}
		n := export.Node{ID: st.ID, IRI: st.IRI, Kind: export.KindStatistic, Type: StatisticType,
			Label: statisticLabel(st), Metric: st.Metric, Amount: st.Value, Unit: st.Unit, Period: st.Period}
		if st.Evidence.Document != "" {
			n.Documents, n.Dates = c.documentList([]string{st.Evidence.Document})
			n.Evidence = []export.Evidence{c.evidence(st.Evidence)}
		}
		c.inSet[st.IRI] = st.ID
		nodes = append(nodes, n)
		for _, link := range []struct{ pred, target string }{{"subject", st.Subject}, {"reportedBy", st.ReportedBy}} {
			if target, ok := c.inSet[link.target]; ok && link.target != "" {
				edges = append(edges, export.Edge{Source: st.ID, Target: target, Predicate: link.pred,
					Evidence: n.Evidence})
			}
		}
	}
	return nodes, edges, nil
}

// statisticLabel reads "metric: value unit (period)".
func statisticLabel(st *Statistic) string {
	var b strings.Builder
	if st.Metric != "" {
		b.WriteString(st.Metric)
		b.WriteString(": ")
	}
	b.WriteString(fmt.Sprint(st.Value))
	if st.Unit != "" {
		b.WriteString(" " + st.Unit)
	}
	if st.Period != "" {
		b.WriteString(" (" + st.Period + ")")
	}
	return b.String()
}

// quads returns the store's quads for an N-Quads export: every quad when
// whole is set; else the quads of the exported nodes and of the statements
// and sentences their evidence uses, leaving out links to entities and
// statistics outside the export.
func (c *exportCollector) quads(ctx context.Context, whole bool) ([]export.Quad, error) {
	var out []export.Quad
	if whole {
		err := c.svc.store.EachQuad(ctx, func(q graph.Quad) error {
			out = append(out, exportQuad(q))
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("export quads: %w", err)
		}
		return out, nil
	}
	subjects := make([]string, 0, len(c.inSet)+len(c.keepIRIs))
	for iri := range c.inSet {
		subjects = append(subjects, iri)
	}
	for iri := range c.keepIRIs {
		subjects = append(subjects, iri)
	}
	sort.Strings(subjects)
	for _, iri := range subjects {
		qs, err := c.svc.store.QuadsFrom(ctx, iri)
		if err != nil {
			return nil, fmt.Errorf("export quads of %s: %w", iri, err)
		}
		for _, q := range qs {
			if q.Object.IsIRI() && c.outside(q.Object.Value) {
				continue
			}
			out = append(out, exportQuad(q))
		}
	}
	return out, nil
}

// outside reports whether iri is an entity or a statistic that the export
// does not hold.
func (c *exportCollector) outside(iri string) bool {
	if _, ok := c.inSet[iri]; ok {
		return false
	}
	return strings.HasPrefix(iri, graph.EntityPrefix) || strings.Contains(iri, "#stat")
}

func exportQuad(q graph.Quad) export.Quad {
	out := export.Quad{Subject: q.Subject, Predicate: q.Predicate, Object: q.Object.Value, Label: q.Label}
	switch q.Object.Kind {
	case graph.KindIRI:
		out.ObjectIsIRI = true
	case graph.KindFloat:
		out.Datatype = "http://www.w3.org/2001/XMLSchema#double"
	case graph.KindInt:
		out.Datatype = "http://www.w3.org/2001/XMLSchema#integer"
	}
	return out
}

var fullDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// exportDate keeps a document date when it is a full YYYY-MM-DD date.
func exportDate(d string) string {
	if fullDate.MatchString(d) {
		return d
	}
	return ""
}
