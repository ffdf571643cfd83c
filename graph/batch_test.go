package graph

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"testing"
)

// quadSet lists a store's quads, sorted, for comparing stores.
func quadSet(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.EachQuad(context.Background(), func(q Quad) error {
		out = append(out, fmt.Sprintf("%s %s %v %s", q.Subject, q.Predicate, q.Object, q.Label))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func batchDoc(n, version int) DocumentWrite {
	doc := DocumentIRI(fmt.Sprintf("batch%d.txt", n))
	e := EntityIRI(fmt.Sprintf("e%d", n))
	return DocumentWrite{Doc: doc, Triples: []Triple{
		{doc, PredMentions, IRI(e)},
		{e, RDFSLabel, String(fmt.Sprintf("entity %d v%d", n, version))},
		{e, PredicateIRI("partOf"), IRI(EntityIRI("shared"))},
	}}
}

// ReplaceDocuments leaves the store as ReplaceDocument one document at a
// time would, reports the same changes, and refuses a document given twice
// without writing anything.
func TestReplaceDocumentsConformance(t *testing.T) {
	ctx := context.Background()
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			one, many := open(t), open(t)
			var want []Change
			for version := range 2 {
				docs := []DocumentWrite{batchDoc(1, version), batchDoc(2, 0), batchDoc(3, version)}
				want = want[:0]
				for _, d := range docs {
					ch, err := one.ReplaceDocument(ctx, d.Doc, d.Triples)
					if err != nil {
						t.Fatal(err)
					}
					want = append(want, ch)
				}
				got, err := many.ReplaceDocuments(ctx, docs)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("version %d: changes %v, one at a time %v", version, got, want)
				}
				if a, b := quadSet(t, one), quadSet(t, many); !reflect.DeepEqual(a, b) {
					t.Errorf("version %d: stores differ:\n%v\n%v", version, a, b)
				}
			}
			rep, err := many.Verify(ctx)
			if err != nil || len(rep.Problems) > 0 || rep.Documents != 3 {
				t.Errorf("verify: %+v, %v", rep, err)
			}
			before := quadSet(t, many)
			if _, err := many.ReplaceDocuments(ctx, []DocumentWrite{batchDoc(4, 0), batchDoc(4, 1)}); err == nil {
				t.Error("a document given twice was accepted")
			}
			if after := quadSet(t, many); !reflect.DeepEqual(before, after) {
				t.Error("a refused batch changed the store")
			}
		})
	}
}
