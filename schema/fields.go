package schema

import (
	"fmt"
	"github.com/graphql-go/graphql"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
)

func entityOf(p graphql.ResolveParams) *queries.Entity { return p.Source.(*queries.Entity) }

func stringList(p graphql.ResolveParams, name string) []string {
	raw, _ := p.Args[name].([]interface{})
	out := make([]string, 0, len(raw))
	for _, v := range raw {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// entityFields are the fields of the Entity interface and of every object
// type that implements it.
func (b *builder) entityFields() graphql.Fields {
	relArgs := graphql.FieldConfigArgument{
		"predicates": {Type: graphql.NewList(graphql.NewNonNull(graphql.String)), Description: "Only these predicates (default: all)."},
		"direction":  {Type: b.direction, DefaultValue: queries.Both},
	}
	relations := func(p graphql.ResolveParams) ([]queries.Relation, error) {
		dir, _ := p.Args["direction"].(queries.Direction)
		return b.svc.Relations(p.Context, entityOf(p).IRI, stringList(p, "predicates"), dir)
	}
	return graphql.Fields{
		"id": {Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return entityOf(p).ID, nil }},
		"iri": {Type: graphql.NewNonNull(graphql.String), Description: "The entity's IRI in the N-Quads export.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) { return entityOf(p).IRI, nil }},
		"name": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return entityOf(p).Name, nil }},
		"type": {Type: graphql.NewNonNull(b.entityTypeEnm), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return entityOf(p).Type, nil }},
		"aliases": {Type: list(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			if a := entityOf(p).Aliases; a != nil {
				return a, nil
			}
			return []string{}, nil
		}},
		"relations": {Type: list(b.relation), Args: pageArgs(relArgs), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			rs, err := relations(p)
			if err != nil {
				return wrap(nil, err)
			}
			return page(p, rs), nil
		}},
		"relationCount": {Type: graphql.NewNonNull(graphql.Int), Args: relArgs, Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			rs, err := relations(p)
			return wrap(len(rs), err)
		}},
		"statistics": {Type: list(b.statistic), Args: pageArgs(entityStatArgs()),
			Description: "Statistics about this entity, sorted by period; with mentioned, also those whose evidence sentence names it.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				sts, err := b.entityStatistics(p)
				if err != nil {
					return wrap(nil, err)
				}
				return page(p, sts), nil
			}},
		"statisticCount": {Type: graphql.NewNonNull(graphql.Int), Args: entityStatArgs(),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				sts, err := b.entityStatistics(p)
				return wrap(len(sts), err)
			}},
		"documents": {Type: list(b.document), Args: pageArgs(nil), Description: "Documents that mention this entity.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				ds, err := b.svc.EntityDocuments(p.Context, entityOf(p).IRI)
				if err != nil {
					return wrap(nil, err)
				}
				return page(p, ds), nil
			}},
		"documentCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many documents mention this entity.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				ds, err := b.svc.EntityDocuments(p.Context, entityOf(p).IRI)
				return wrap(len(ds), err)
			}},
		"evidence": {Type: list(b.evidence), Args: pageArgs(nil), Description: "Sentences that mention this entity.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				evs, err := b.svc.EntityEvidence(p.Context, entityOf(p).IRI)
				if err != nil {
					return wrap(nil, err)
				}
				return page(p, evs), nil
			}},
		"evidenceCount": {Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			evs, err := b.svc.EntityEvidence(p.Context, entityOf(p).IRI)
			return wrap(len(evs), err)
		}},
	}
}

func (b *builder) queryType() *graphql.Object {
	path := graphql.NewObject(graphql.ObjectConfig{Name: "Path", Description: "A chain of relations between two entities.",
		Fields: graphql.Fields{
			"length": {Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return len(p.Source.(queries.Path).Relations), nil
			}},
			"nodes": {Type: list(b.entity), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return entityList(p.Source.(queries.Path).Nodes), nil
			}},
			"relations": {Type: list(b.relation), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return p.Source.(queries.Path).Relations, nil
			}},
		}})
	subgraph := graphql.NewObject(graphql.ObjectConfig{Name: "Subgraph", Description: "Entities and the relations among them.",
		Fields: graphql.Fields{
			"nodes": {Type: list(b.entity), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return entityList(p.Source.(queries.Subgraph).Nodes), nil
			}},
			"relations": {Type: list(b.relation), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return p.Source.(queries.Subgraph).Relations, nil
			}},
		}})
	count := graphql.NewObject(graphql.ObjectConfig{Name: "Count", Description: "A name and how many.",
		Fields: graphql.Fields{
			"name":  {Type: graphql.NewNonNull(graphql.String)},
			"count": {Type: graphql.NewNonNull(graphql.Int)},
		}})
	counts := func(m map[string]int, order []string) []map[string]interface{} {
		out := make([]map[string]interface{}, 0, len(order))
		for _, k := range order {
			out = append(out, map[string]interface{}{"name": k, "count": m[k]})
		}
		return out
	}
	stats := graphql.NewObject(graphql.ObjectConfig{Name: "Stats", Description: "What the store holds (as `ipgraph stats`).",
		Fields: graphql.Fields{
			"quads":      {Type: graphql.NewNonNull(graphql.Float), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return p.Source.(queries.Stats).Quads, nil }},
			"nodes":      {Type: graphql.NewNonNull(graphql.Float), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return p.Source.(queries.Stats).Nodes, nil }},
			"documents":  {Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return p.Source.(queries.Stats).Documents, nil }},
			"statistics": {Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return p.Source.(queries.Stats).Statistics, nil }},
			"entities": {Type: list(count), Description: "Entities per type.", Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return counts(p.Source.(queries.Stats).Entities, entityTypeOrder), nil
			}},
			"relations": {Type: list(count), Description: "Distinct source–target pairs per predicate.", Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				return counts(p.Source.(queries.Stats).Relations, relationOrder), nil
			}},
		}})

	metric := b.metricType()

	return graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: graphql.Fields{
		"entity": {Type: b.entity, Description: "One entity by id, or by its canonical name or any alias (case- and punctuation-insensitive).",
			Args: graphql.FieldConfigArgument{"id": {Type: graphql.ID}, "name": {Type: graphql.String}},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				id, _ := p.Args["id"].(string)
				name, _ := p.Args["name"].(string)
				switch {
				case id != "":
					e, err := b.svc.Entity(p.Context, id)
					return wrap(nilIfEmpty(e), err)
				case name != "":
					e, err := b.svc.EntityByName(p.Context, name)
					return wrap(nilIfEmpty(e), err)
				}
				return nil, userError{"entity: give id or name"}
			}},
		"search": {Type: list(b.entity), Description: "Entities whose names or aliases match text, best first.",
			Args: pageArgs(graphql.FieldConfigArgument{
				"text":  {Type: graphql.NewNonNull(graphql.String)},
				"types": {Type: graphql.NewList(graphql.NewNonNull(b.entityTypeEnm))},
			}),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				es, err := b.svc.Search(p.Context, text, stringList(p, "types"))
				if err != nil {
					return wrap(nil, err)
				}
				return entityList(page(p, es)), nil
			}},
		"searchCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many entities search finds for the same text and types.",
			Args: graphql.FieldConfigArgument{
				"text":  {Type: graphql.NewNonNull(graphql.String)},
				"types": {Type: graphql.NewList(graphql.NewNonNull(b.entityTypeEnm))},
			},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				es, err := b.svc.Search(p.Context, text, stringList(p, "types"))
				return wrap(len(es), err)
			}},
		"entityCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many entities there are, optionally of one type or mentioned in one document.",
			Args: graphql.FieldConfigArgument{"type": {Type: b.entityTypeEnm}, "document": {Type: graphql.ID}},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				typ, _ := p.Args["type"].(string)
				doc, _ := p.Args["document"].(string)
				es, err := b.svc.Entities(p.Context, typ, doc)
				return wrap(len(es), err)
			}},
		"entities": {Type: list(b.entity), Description: "Entities sorted by name, optionally of one type or mentioned in one document. `after` takes the id of the last entity of the previous page.",
			Args: pageArgs(graphql.FieldConfigArgument{
				"type":     {Type: b.entityTypeEnm},
				"document": {Type: graphql.ID},
				"after":    {Type: graphql.String},
			}),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				typ, _ := p.Args["type"].(string)
				doc, _ := p.Args["document"].(string)
				es, err := b.svc.Entities(p.Context, typ, doc)
				if err != nil {
					return wrap(nil, err)
				}
				if after, _ := p.Args["after"].(string); after != "" {
					for i, e := range es {
						if e.ID == after || e.IRI == after {
							es = es[i+1:]
							break
						}
					}
				}
				return entityList(page(p, es)), nil
			}},
		"neighbors": {Type: graphql.NewNonNull(subgraph), Description: "The entities within depth relations of an entity (either direction), and the relations among them.",
			Args: graphql.FieldConfigArgument{
				"id":         {Type: graphql.NewNonNull(graphql.ID)},
				"depth":      {Type: graphql.Int, DefaultValue: 1, Description: "1 to 3."},
				"predicates": {Type: graphql.NewList(graphql.NewNonNull(graphql.String))},
				"types":      {Type: graphql.NewList(graphql.NewNonNull(b.entityTypeEnm))},
			},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				depth, _ := p.Args["depth"].(int)
				if depth < 1 || depth > queries.MaxDepth {
					return nil, userError{"neighbors: depth must be between 1 and 3"}
				}
				g, truncated, err := b.svc.Neighbors(p.Context, p.Args["id"].(string), depth, stringList(p, "predicates"), stringList(p, "types"))
				if truncated {
					markTruncated(p, -1)
				}
				return wrap(g, err)
			}},
		"paths": {Type: list(path), Description: "The shortest paths between two entities, following relations in either direction, shortest first.",
			Args: graphql.FieldConfigArgument{
				"from":      {Type: graphql.NewNonNull(graphql.ID)},
				"to":        {Type: graphql.NewNonNull(graphql.ID)},
				"maxLength": {Type: graphql.Int, DefaultValue: 4},
				"predicates": {Type: graphql.NewList(graphql.NewNonNull(graphql.String)),
					Description: "Follow only these relation predicates (default: all)."},
				"types": {Type: graphql.NewList(graphql.NewNonNull(b.entityTypeEnm)),
					Description: "Pass only through entities of these types (the two ends are always allowed)."},
				"first": {Type: graphql.Int, DefaultValue: 5},
			},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				maxLen, _ := p.Args["maxLength"].(int)
				first, _ := p.Args["first"].(int)
				if maxLen < 1 || maxLen > queries.MaxPathLength {
					return nil, userError{"paths: maxLength must be between 1 and 8"}
				}
				first = min(max(first, 1), MaxFirst)
				ps, truncated, err := b.svc.PathsFiltered(p.Context, p.Args["from"].(string), p.Args["to"].(string), maxLen, first,
					queries.PathFilter{Predicates: stringList(p, "predicates"), Types: stringList(p, "types")})
				if truncated {
					markTruncated(p, -1)
				}
				if ps == nil {
					ps = []queries.Path{}
				}
				return wrap(ps, err)
			}},
		"statistics": {Type: list(b.statistic), Description: "Statistics sorted by period. metric matches by words; from/to compare periods (\"2018\" covers 2018-06 and 2018-H1; a statistic over a range such as 2016/2020 is kept when the whole range is inside; from and to may be ranges too).",
			Args: pageArgs(statArgs()),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				sts, err := b.svc.Statistics(p.Context, statFilter(p))
				if err != nil {
					return nil, userError{err.Error()}
				}
				return page(p, sts), nil
			}},
		"statisticCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many statistics statistics finds with the same filters.",
			Args: statArgs(),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				sts, err := b.svc.Statistics(p.Context, statFilter(p))
				if err != nil {
					return nil, userError{err.Error()}
				}
				return len(sts), nil
			}},
		"metrics": {Type: list(metric), Description: "The normalized metrics of the statistics, most measured first; text matches by words, as statistics(metric:) does.",
			Args: pageArgs(graphql.FieldConfigArgument{"text": {Type: graphql.String}}),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				ms, err := b.svc.Metrics(p.Context, queries.StatisticFilter{Metric: text})
				if err != nil {
					return wrap(nil, err)
				}
				return page(p, ms), nil
			}},
		"metricCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many metrics metrics finds for the same text.",
			Args: graphql.FieldConfigArgument{"text": {Type: graphql.String}},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				ms, err := b.svc.Metrics(p.Context, queries.StatisticFilter{Metric: text})
				return wrap(len(ms), err)
			}},
		"sentences": {Type: list(b.evidence), Description: "Evidence sentences containing every content word of text (case, punctuation, plurals and small words ignored), sorted by document and offset; each leads on to the entities it names.",
			Args: pageArgs(graphql.FieldConfigArgument{
				"text":     {Type: graphql.NewNonNull(graphql.String)},
				"document": {Type: graphql.ID, Description: "Only sentences of this document."},
			}),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				doc, _ := p.Args["document"].(string)
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				evs, err := b.svc.SearchEvidence(p.Context, text, doc)
				if err != nil {
					return nil, userError{err.Error()}
				}
				return page(p, evs), nil
			}},
		"sentenceCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many sentences sentences finds for the same text and document.",
			Args: graphql.FieldConfigArgument{"text": {Type: graphql.NewNonNull(graphql.String)}, "document": {Type: graphql.ID}},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				doc, _ := p.Args["document"].(string)
				text, err := textArg(p)
				if err != nil {
					return nil, err
				}
				evs, err := b.svc.SearchEvidence(p.Context, text, doc)
				if err != nil {
					return nil, userError{err.Error()}
				}
				return len(evs), nil
			}},
		"documentCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many documents are loaded.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				ds, err := b.svc.Documents(p.Context)
				return wrap(len(ds), err)
			}},
		"documents": {Type: list(b.document), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			ds, err := b.svc.Documents(p.Context)
			if err != nil {
				return wrap(nil, err)
			}
			return page(p, ds), nil
		}},
		"document": {Type: b.document, Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				d, err := b.svc.Document(p.Context, p.Args["id"].(string))
				if err != nil || d == nil {
					return wrap(nil, err)
				}
				return *d, nil
			}},
		"stats": {Type: graphql.NewNonNull(stats), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
			return wrap(b.svc.Stats(p.Context))
		}},
	}})
}

// maxTextArg bounds the text of search, sentences and metrics, in
// characters: longer texts are refused before any work starts (a name or
// a phrase is never this long; a 1 MB text once cost 75 CPU-seconds).
const maxTextArg = 1000

// textArg returns the text argument, or a BAD_USER_INPUT error when it is
// longer than maxTextArg characters.
func textArg(p graphql.ResolveParams) (string, error) {
	text, _ := p.Args["text"].(string)
	if n := utf8.RuneCountInString(text); n > maxTextArg {
		return "", userError{fmt.Sprintf("text is %d characters long; at most %d are searched", n, maxTextArg)}
	}
	return text, nil
}

// statArgs are the filters of Query.statistics and Query.statisticCount.
func statArgs() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"metric":   {Type: graphql.String, Description: "Every content word must appear in the metric (case, plurals and small words ignored)."},
		"subject":  {Type: graphql.ID, Description: "The entity the statistics are about."},
		"unit":     {Type: graphql.String},
		"from":     {Type: graphql.String, Description: "Earliest period: 2018, 2018-06, 2018-H1, 2018-Q2 or a range 2016/2018 (its start)."},
		"to":       {Type: graphql.String, Description: "Latest period, in the same forms (a range: its end)."},
		"document": {Type: graphql.ID, Description: "Only statistics stated in this document."},
		"mentions": {Type: graphql.ID, Description: "Only statistics about this entity, reported by it, or whose evidence sentence names it."},
	}
}

func statFilter(p graphql.ResolveParams) queries.StatisticFilter {
	arg := func(k string) string { s, _ := p.Args[k].(string); return s }
	return queries.StatisticFilter{Metric: arg("metric"), Subject: arg("subject"),
		Unit: arg("unit"), From: arg("from"), To: arg("to"), Document: arg("document"), Mentions: arg("mentions")}
}

// metricType is a normalized metric with its count and its series.
func (b *builder) metricType() *graphql.Object {
	m := func(p graphql.ResolveParams) queries.Metric { return p.Source.(queries.Metric) }
	series := func(p graphql.ResolveParams) ([]queries.Statistic, error) {
		f := statFilter(p)
		f.Metric, f.Exact = m(p).Metric, true
		return b.svc.Statistics(p.Context, f)
	}
	seriesArgs := graphql.FieldConfigArgument{
		"subject": {Type: graphql.ID}, "unit": {Type: graphql.String},
		"from": {Type: graphql.String}, "to": {Type: graphql.String}, "document": {Type: graphql.ID}, "mentions": {Type: graphql.ID},
	}
	return graphql.NewObject(graphql.ObjectConfig{Name: "Metric", Description: "A normalized metric and the statistics that measure it.",
		Fields: graphql.Fields{
			"metric": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return m(p).Metric, nil }},
			"count": {Type: graphql.NewNonNull(graphql.Int), Description: "How many statistics have this metric.",
				Resolve: func(p graphql.ResolveParams) (interface{}, error) { return m(p).Count, nil }},
			"units": {Type: list(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				if u := m(p).Units; u != nil {
					return u, nil
				}
				return []string{}, nil
			}},
			"firstPeriod": {Type: graphql.String, Description: "The earliest period measured.",
				Resolve: func(p graphql.ResolveParams) (interface{}, error) { return optString(m(p).FirstPeriod), nil }},
			"lastPeriod": {Type: graphql.String, Description: "The latest period measured.",
				Resolve: func(p graphql.ResolveParams) (interface{}, error) { return optString(m(p).LastPeriod), nil }},
			"statistics": {Type: list(b.statistic), Description: "The series: statistics with exactly this metric, sorted by period.",
				Args: pageArgs(seriesArgs),
				Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					sts, err := series(p)
					if err != nil {
						return nil, userError{err.Error()}
					}
					return page(p, sts), nil
				}},
		}})
}

var (
	entityTypeOrder = graph.EntityTypeNames
	relationOrder   = graph.RelationPredicates
)

// entityStatArgs are the filters of Entity.statistics.
func entityStatArgs() graphql.FieldConfigArgument {
	return graphql.FieldConfigArgument{
		"metric": {Type: graphql.String, Description: "Every content word must appear in the metric."},
		"from":   {Type: graphql.String, Description: "Earliest period, as in Query.statistics."},
		"to":     {Type: graphql.String, Description: "Latest period, as in Query.statistics."},
		"mentioned": {Type: graphql.Boolean, DefaultValue: false,
			Description: "Also statistics reported by this entity or whose evidence sentence names it (many figures have no subject)."},
	}
}

// entityStatistics resolves Entity.statistics and Entity.statisticCount.
func (b *builder) entityStatistics(p graphql.ResolveParams) ([]queries.Statistic, error) {
	e := entityOf(p)
	metric, _ := p.Args["metric"].(string)
	from, _ := p.Args["from"].(string)
	to, _ := p.Args["to"].(string)
	mentioned, _ := p.Args["mentioned"].(bool)
	if metric == "" && from == "" && to == "" && !mentioned {
		return b.svc.EntityStatistics(p.Context, e.IRI)
	}
	f := queries.StatisticFilter{Metric: metric, From: from, To: to, Subject: e.IRI}
	if mentioned {
		f.Subject, f.Mentions = "", e.IRI
	}
	sts, err := b.svc.Statistics(p.Context, f)
	if err != nil {
		return nil, userError{err.Error()}
	}
	return sts, nil
}
