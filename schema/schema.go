package schema

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
)

// Page sizes of every list field.
const (
	DefaultFirst = 100
	MaxFirst     = 1000
)

// New builds the GraphQL schema over svc.
func New(svc *queries.Service) (graphql.Schema, error) {
	b := &builder{svc: svc}
	return b.build()
}

type builder struct {
	svc *queries.Service

	entity        *graphql.Interface
	objects       map[string]*graphql.Object
	relation      *graphql.Object
	statistic     *graphql.Object
	evidence      *graphql.Object
	evidenceKind  *graphql.Enum
	position      *graphql.Object
	document      *graphql.Object
	entityTypeEnm *graphql.Enum
	direction     *graphql.Enum
}

// optString is s, or null when s is empty.
func optString(s string) interface{} {
	if s == "" {
		return nil
	}
	return s
}

// userError is an error caused by the request, reported with code
// BAD_USER_INPUT.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

// Extensions implements gqlerrors.ExtendedError.
func (e userError) Extensions() map[string]interface{} {
	return map[string]interface{}{"code": "BAD_USER_INPUT"}
}

// internalError hides a store failure's details behind a stable code.
type internalError struct{ err error }

func (e internalError) Error() string { return e.err.Error() }

// Extensions implements gqlerrors.ExtendedError.
func (e internalError) Extensions() map[string]interface{} {
	code := "INTERNAL_SERVER_ERROR"
	if errors.Is(e.err, context.DeadlineExceeded) {
		code = "TIMEOUT"
	}
	return map[string]interface{}{"code": code}
}

func wrap(v interface{}, err error) (interface{}, error) {
	if err != nil {
		var u userError
		if errors.As(err, &u) {
			return nil, u
		}
		return nil, internalError{err}
	}
	return v, nil
}

func (b *builder) build() (graphql.Schema, error) {
	enumValues := graphql.EnumValueConfigMap{}
	for _, t := range graph.EntityTypeNames {
		enumValues[strings.ToUpper(t)] = &graphql.EnumValueConfig{Value: t, Description: "An entity of type " + t + "."}
	}
	b.entityTypeEnm = graphql.NewEnum(graphql.EnumConfig{Name: "EntityType", Values: enumValues,
		Description: "The kinds of entity in the graph."})
	b.direction = graphql.NewEnum(graphql.EnumConfig{Name: "Direction", Description: "Which relations of an entity to follow.",
		Values: graphql.EnumValueConfigMap{
			"OUT":  {Value: queries.Out, Description: "Relations whose source is this entity."},
			"IN":   {Value: queries.In, Description: "Relations whose target is this entity."},
			"BOTH": {Value: queries.Both, Description: "Either."},
		}})

	b.evidenceKind = graphql.NewEnum(graphql.EnumConfig{Name: "EvidenceKind", Description: "Where a fact comes from.",
		Values: graphql.EnumValueConfigMap{
			"SENTENCE":   {Value: queries.EvidenceSentence, Description: "A sentence of the document states it."},
			"BACKGROUND": {Value: queries.EvidenceBackground, Description: "No sentence states it: background knowledge from a gazetteer row (knownFrom), recorded with the document that names both ends."},
		}})
	b.evidence = graphql.NewObject(graphql.ObjectConfig{Name: "Evidence", Description: "The sentence a fact was read from, or, for background knowledge, the gazetteer row it is known from.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"kind": {Type: graphql.NewNonNull(b.evidenceKind), Description: "SENTENCE, or BACKGROUND when no sentence states the fact (sentence is then empty and offset -1).",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						if k := p.Source.(queries.Evidence).Kind; k != "" {
							return k, nil
						}
						return queries.EvidenceSentence, nil
					}},
				"knownFrom": {Type: graphql.String, Description: "For background knowledge: the gazetteer file and row that give the fact (\"gazetteer agencies.tsv:14\").",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						return optString(p.Source.(queries.Evidence).KnownFrom), nil
					}},
				"note": {Type: graphql.String, Description: "What the sentence adds to the relation: the title of a memberOf (\"deputy commissioner\").",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						return optString(p.Source.(queries.Evidence).Note), nil
					}},
				"document": {Type: graphql.NewNonNull(b.document), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					ev := p.Source.(queries.Evidence)
					return wrap(b.documentOrStub(p.Context, ev.Document))
				}},
				"sentence": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return p.Source.(queries.Evidence).Sentence, nil
				}},
				"offset": {Type: graphql.NewNonNull(graphql.Int), Description: "Offset of the sentence in its document, in Unicode code points.",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) { return p.Source.(queries.Evidence).Offset, nil }},
				"entities": {Type: list(b.entity), Description: "The entities the sentence names, sorted by name.",
					Args: pageArgs(graphql.FieldConfigArgument{"types": {Type: graphql.NewList(graphql.NewNonNull(b.entityTypeEnm))}}),
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						es, err := b.svc.SentenceEntities(p.Context, p.Source.(queries.Evidence).IRI, stringList(p, "types"))
						if err != nil {
							return wrap(nil, err)
						}
						return entityList(page(p, es)), nil
					}},
			}
		})})

	b.position = graphql.NewObject(graphql.ObjectConfig{Name: "Position", Description: "A body a person is a member of, with the title the documents give.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"title": {Type: graphql.String, Description: "The title, as the first sentence that gives one writes it (\"deputy commissioner\"); null when none does.",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						return optString(p.Source.(queries.Position).Title), nil
					}},
				"body": {Type: graphql.NewNonNull(b.entity), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return wrap(b.entityByIRI(p.Context, p.Source.(queries.Position).Body))
				}},
				"evidence": {Type: list(b.evidence), Args: pageArgs(nil), Description: "The sentences that state the position.",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						return page(p, p.Source.(queries.Position).Evidence), nil
					}},
			}
		})})

	entityFields := graphql.FieldsThunk(func() graphql.Fields { return b.entityFields() })
	b.entity = graphql.NewInterface(graphql.InterfaceConfig{Name: "Entity",
		Description: "An agency, law, program, region, person or organization.",
		Fields:      entityFields,
		ResolveType: func(p graphql.ResolveTypeParams) *graphql.Object {
			if e, ok := p.Value.(*queries.Entity); ok {
				return b.objects[e.Type]
			}
			return nil
		}})
	b.objects = map[string]*graphql.Object{}
	var types []graphql.Type
	for _, t := range graph.EntityTypeNames {
		b.objects[t] = graphql.NewObject(graphql.ObjectConfig{Name: t, Interfaces: []*graphql.Interface{b.entity},
			Description: "An entity of type " + t + ".",
			Fields:      graphql.FieldsThunk(func() graphql.Fields { return b.objectFields(t) })})
		types = append(types, b.objects[t])
	}

	b.relation = graphql.NewObject(graphql.ObjectConfig{Name: "Relation", Description: "A typed link between two entities.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			return graphql.Fields{
				"predicate": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return p.Source.(queries.Relation).Predicate, nil
				}},
				"source": {Type: graphql.NewNonNull(b.entity), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return wrap(b.entityByIRI(p.Context, p.Source.(queries.Relation).Source))
				}},
				"target": {Type: graphql.NewNonNull(b.entity), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return wrap(b.entityByIRI(p.Context, p.Source.(queries.Relation).Target))
				}},
				"evidence": {Type: list(b.evidence), Args: pageArgs(nil), Description: "Every sentence that states this relation; background knowledge (kind BACKGROUND) where no sentence does.",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						evs, err := b.svc.RelationEvidence(p.Context, p.Source.(queries.Relation))
						if err != nil {
							return wrap(nil, err)
						}
						return page(p, evs), nil
					}},
				"evidenceCount": {Type: graphql.NewNonNull(graphql.Int), Description: "How many evidence entries this relation has (sentences, and background knowledge where no sentence states it).",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						evs, err := b.svc.RelationEvidence(p.Context, p.Source.(queries.Relation))
						return wrap(len(evs), err)
					}},
			}
		})})

	b.statistic = graphql.NewObject(graphql.ObjectConfig{Name: "Statistic", Description: "A figure stated in a document.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			st := func(p graphql.ResolveParams) queries.Statistic { return p.Source.(queries.Statistic) }
			return graphql.Fields{
				"id":     {Type: graphql.NewNonNull(graphql.ID), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return st(p).ID, nil }},
				"metric": {Type: graphql.NewNonNull(graphql.String), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return st(p).Metric, nil }},
				"value":  {Type: graphql.NewNonNull(graphql.Float), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return st(p).Value, nil }},
				"unit":   {Type: graphql.String, Resolve: func(p graphql.ResolveParams) (interface{}, error) { return optString(st(p).Unit), nil }},
				"period": {Type: graphql.String, Description: "Absolute period: 2024, 2024-06, 2024-H1, 2024-Q2 or a range 2016/2020.",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) { return optString(st(p).Period), nil }},
				"subject": {Type: b.entity, Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return wrap(b.entityByIRI(p.Context, st(p).Subject))
				}},
				"reportedBy": {Type: b.entity, Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					return wrap(b.entityByIRI(p.Context, st(p).ReportedBy))
				}},
				"evidence": {Type: graphql.NewNonNull(b.evidence), Resolve: func(p graphql.ResolveParams) (interface{}, error) { return st(p).Evidence, nil }},
			}
		})})

	b.document = graphql.NewObject(graphql.ObjectConfig{Name: "Document", Description: "A loaded source document.",
		Fields: graphql.FieldsThunk(func() graphql.Fields {
			doc := func(p graphql.ResolveParams) queries.Document { return p.Source.(queries.Document) }
			str := func(get func(queries.Document) string) graphql.FieldResolveFn {
				return func(p graphql.ResolveParams) (interface{}, error) {
					if v := get(doc(p)); v != "" {
						return v, nil
					}
					return nil, nil
				}
			}
			return graphql.Fields{
				"id":     {Type: graphql.NewNonNull(graphql.ID), Description: "The document's file name.", Resolve: str(func(d queries.Document) string { return d.ID })},
				"title":  {Type: graphql.String, Resolve: str(func(d queries.Document) string { return d.Title })},
				"date":   {Type: graphql.String, Resolve: str(func(d queries.Document) string { return d.Date })},
				"source": {Type: graphql.NewNonNull(graphql.String), Description: "The path it was loaded from.", Resolve: func(p graphql.ResolveParams) (interface{}, error) { return doc(p).Source, nil }},
				"sha256": {Type: graphql.String, Description: "Hash of the file's bytes.", Resolve: str(func(d queries.Document) string { return d.Hash })},
				"entities": {Type: list(b.entity), Args: pageArgs(graphql.FieldConfigArgument{"type": {Type: b.entityTypeEnm}}),
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						typ, _ := p.Args["type"].(string)
						es, err := b.svc.Entities(p.Context, typ, doc(p).IRI)
						if err != nil {
							return wrap(nil, err)
						}
						return entityList(page(p, es)), nil
					}},
				"entityCount": {Type: graphql.NewNonNull(graphql.Int), Args: graphql.FieldConfigArgument{"type": {Type: b.entityTypeEnm}},
					Description: "How many entities the document mentions (of one type, when given).",
					Resolve: func(p graphql.ResolveParams) (interface{}, error) {
						typ, _ := p.Args["type"].(string)
						es, err := b.svc.Entities(p.Context, typ, doc(p).IRI)
						return wrap(len(es), err)
					}},
				"statistics": {Type: list(b.statistic), Args: pageArgs(nil), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					sts, err := b.svc.Statistics(p.Context, queries.StatisticFilter{Document: doc(p).IRI})
					if err != nil {
						return wrap(nil, err)
					}
					return page(p, sts), nil
				}},
				"statisticCount": {Type: graphql.NewNonNull(graphql.Int), Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					sts, err := b.svc.Statistics(p.Context, queries.StatisticFilter{Document: doc(p).IRI})
					return wrap(len(sts), err)
				}},
			}
		})})

	query := b.queryType()
	types = append(types, b.statistic, b.document, b.relation, b.evidence)
	return graphql.NewSchema(graphql.SchemaConfig{Query: query, Types: types})
}

// list is [T!]!.
func list(t graphql.Type) graphql.Type {
	return graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(t)))
}

func pageArgs(extra graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	args := graphql.FieldConfigArgument{
		"first":  {Type: graphql.Int, Description: fmt.Sprintf("How many items to return (default %d, at most %d).", DefaultFirst, MaxFirst)},
		"offset": {Type: graphql.Int, Description: "How many items to skip.", DefaultValue: 0},
	}
	for k, v := range extra {
		args[k] = v
	}
	return args
}

// page cuts items by the field's first/offset arguments and records the
// field in extensions.truncated when items remain after the page.
func page[T any](p graphql.ResolveParams, items []T) []T {
	first := DefaultFirst
	if f, ok := p.Args["first"].(int); ok {
		first = f
	}
	first = min(max(first, 0), MaxFirst)
	offset, _ := p.Args["offset"].(int)
	offset = max(offset, 0)
	if offset >= len(items) {
		return []T{}
	}
	items = items[offset:]
	if len(items) > first {
		markTruncated(p, len(items)+offset)
		items = items[:first]
	}
	return items
}

func entityList(es []queries.Entity) []*queries.Entity {
	out := make([]*queries.Entity, len(es))
	for i := range es {
		out[i] = &es[i]
	}
	return out
}

// requestState is what one GraphQL request accumulates across resolvers.
type requestState struct {
	mu        sync.Mutex
	truncated []map[string]interface{}
	entities  map[string]*queries.Entity
}

type stateKey struct{}

func withState(ctx context.Context) (context.Context, *requestState) {
	st := &requestState{entities: map[string]*queries.Entity{}}
	return context.WithValue(ctx, stateKey{}, st), st
}

func stateOf(ctx context.Context) *requestState {
	st, _ := ctx.Value(stateKey{}).(*requestState)
	return st
}

func markTruncated(p graphql.ResolveParams, total int) {
	st := stateOf(p.Context)
	if st == nil {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.truncated = append(st.truncated, map[string]interface{}{"path": p.Info.Path.AsArray(), "total": total})
}

// entityByIRI loads an entity once per request.
func (b *builder) entityByIRI(ctx context.Context, iri string) (interface{}, error) {
	if iri == "" {
		return nil, nil
	}
	st := stateOf(ctx)
	if st != nil {
		st.mu.Lock()
		e, ok := st.entities[iri]
		st.mu.Unlock()
		if ok {
			return nilIfEmpty(e), nil
		}
	}
	e, err := b.svc.Entity(ctx, iri)
	if err != nil {
		return nil, err
	}
	if st != nil {
		st.mu.Lock()
		st.entities[iri] = e
		st.mu.Unlock()
	}
	return nilIfEmpty(e), nil
}

// nilIfEmpty keeps a nil *Entity from becoming a non-nil interface value.
func nilIfEmpty(e *queries.Entity) interface{} {
	if e == nil {
		return nil
	}
	return e
}

// documentOrStub returns the document, or a stub naming it when it is gone.
func (b *builder) documentOrStub(ctx context.Context, iri string) (interface{}, error) {
	d, err := b.svc.Document(ctx, iri)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return queries.Document{IRI: iri, ID: graph.LocalID(iri)}, nil
	}
	return *d, nil
}
