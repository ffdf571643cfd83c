package schema

import (
	"github.com/graphql-go/graphql"

	"github.com/ipgraph/ipgraph/queries"
)

// relatedField is a field of a typed entity object resolved from its
// relations, such as Agency.officials: the entities at the other end of
// predicates followed in dir, of types.
type relatedField struct {
	name        string
	description string
	predicates  []string
	dir         queries.Direction
	types       []string // kept entity types; with exactly one the field has that object type
	single      bool     // one entity is expected: the field is nullable; more are reported in extensions.truncated
}

// typedFields are the relation fields of each entity object type, beside
// the fields of the Entity interface. Each list field has a sibling count
// named name+"Count".
var typedFields = map[string][]relatedField{
	"Agency": {
		{name: "officials", description: "Persons who are members of this agency (memberOf).",
			predicates: []string{"memberOf"}, dir: queries.In, types: []string{"Person"}},
		{name: "programs", description: "Programs this agency runs (runs).",
			predicates: []string{"runs"}, dir: queries.Out, types: []string{"Program"}},
		{name: "issued", description: "Laws and instruments this agency issued (issued).",
			predicates: []string{"issued"}, dir: queries.Out, types: []string{"Law"}},
		{name: "successors", description: "Bodies this agency became or was merged into (succeededBy, mergedInto).",
			predicates: []string{"succeededBy", "mergedInto"}, dir: queries.Out},
		{name: "predecessors", description: "Bodies that became this agency or were merged into it (succeededBy, mergedInto).",
			predicates: []string{"succeededBy", "mergedInto"}, dir: queries.In},
		{name: "parent", description: "The body this agency is part of (partOf); when the graph holds several, the first by name, and the field is named in extensions.truncated.",
			predicates: []string{"partOf"}, dir: queries.Out, single: true},
		{name: "units", description: "Bodies that are part of this agency (partOf).",
			predicates: []string{"partOf"}, dir: queries.In},
		{name: "partners", description: "Bodies this agency cooperates with, in either direction (cooperatesWith).",
			predicates: []string{"cooperatesWith"}, dir: queries.Both},
	},
	"Region": {
		{name: "programs", description: "Programs located in or concerning this region (locatedIn, concerns).",
			predicates: []string{"locatedIn", "concerns"}, dir: queries.In, types: []string{"Program"}},
		{name: "parent", description: "The region this region is part of (partOf); when the graph holds several, the first by name, and the field is named in extensions.truncated.",
			predicates: []string{"partOf", "locatedIn"}, dir: queries.Out, types: []string{"Region"}, single: true},
	},
	"Person": {
		{name: "positions", description: "Agencies and organizations this person is a member of (memberOf).",
			predicates: []string{"memberOf"}, dir: queries.Out, types: []string{"Agency", "Organization"}},
	},
	"Law": {
		{name: "issuedBy", description: "Who issued this law or instrument (issued).",
			predicates: []string{"issued"}, dir: queries.In},
		{name: "amends", description: "Laws this one amends (amends).",
			predicates: []string{"amends"}, dir: queries.Out, types: []string{"Law"}},
		{name: "amendedBy", description: "Laws that amend this one (amends).",
			predicates: []string{"amends"}, dir: queries.In, types: []string{"Law"}},
		{name: "implementedBy", description: "Programs and instruments that implement this law (implements).",
			predicates: []string{"implements"}, dir: queries.In},
	},
	"Program": {
		{name: "runBy", description: "Who runs this program (runs).",
			predicates: []string{"runs"}, dir: queries.In},
		{name: "regions", description: "Regions this program is located in or concerns (locatedIn, concerns).",
			predicates: []string{"locatedIn", "concerns"}, dir: queries.Out, types: []string{"Region"}},
		{name: "implements", description: "Laws this program implements (implements).",
			predicates: []string{"implements"}, dir: queries.Out, types: []string{"Law"}},
	},
	"Organization": {
		{name: "members", description: "Persons who are members of this organization (memberOf).",
			predicates: []string{"memberOf"}, dir: queries.In, types: []string{"Person"}},
	},
}

// objectFields are the fields of the object type of one entity type: the
// Entity interface's and that type's relation fields.
func (b *builder) objectFields(typ string) graphql.Fields {
	fields := b.entityFields()
	if typ == "Person" {
		// positions (a typed field below) lists the bodies; roles adds the
		// title each is held with.
		fields["roles"] = &graphql.Field{Type: list(b.position), Args: pageArgs(nil),
			Description: "The positions the person holds (memberOf), each with its body, the title the documents give (\"deputy commissioner\") and the sentences that state it, sorted by body.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				ps, err := b.svc.Positions(p.Context, entityOf(p).IRI)
				if err != nil {
					return wrap(nil, err)
				}
				return page(p, ps), nil
			}}
	}
	for _, rf := range typedFields[typ] {
		rf := rf
		related := func(p graphql.ResolveParams) ([]queries.Entity, error) {
			return b.svc.Related(p.Context, entityOf(p).IRI, rf.predicates, rf.dir, rf.types)
		}
		var of graphql.Output = b.entity
		if len(rf.types) == 1 {
			of = b.objects[rf.types[0]]
		}
		if rf.single {
			fields[rf.name] = &graphql.Field{Type: of, Description: rf.description,
				Resolve: func(p graphql.ResolveParams) (interface{}, error) {
					es, err := related(p)
					if err != nil || len(es) == 0 {
						return wrap(nil, err)
					}
					if len(es) > 1 {
						markTruncated(p, len(es))
					}
					return &es[0], nil
				}}
			continue
		}
		fields[rf.name] = &graphql.Field{Type: list(of), Description: rf.description + " Sorted by name.", Args: pageArgs(nil),
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				es, err := related(p)
				if err != nil {
					return wrap(nil, err)
				}
				return entityList(page(p, es)), nil
			}}
		fields[rf.name+"Count"] = &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Description: "How many " + rf.name + " there are.",
			Resolve: func(p graphql.ResolveParams) (interface{}, error) {
				es, err := related(p)
				return wrap(len(es), err)
			}}
	}
	return fields
}
