package graph

import (
	"context"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

func TestPinDeltas(t *testing.T) {
	doc, other := quad.IRI("urn:doc"), quad.IRI("urn:other")
	q := func(s, o string, label quad.Value) quad.Quad {
		return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI("urn:p"), Object: quad.String(o), Label: label}
	}
	add := func(qq quad.Quad) cgraph.Delta { return cgraph.Delta{Action: cgraph.Add, Quad: qq} }
	del := func(qq quad.Quad) cgraph.Delta { return cgraph.Delta{Action: cgraph.Delete, Quad: qq} }
	tests := []struct {
		name   string
		deltas []cgraph.Delta
		want   map[quad.Value]int // pins per node
	}{
		{"adds only", []cgraph.Delta{add(q("urn:a", "x", doc))}, nil},
		{"deletes only", []cgraph.Delta{del(q("urn:a", "x", doc)), del(q("urn:b", "y", doc))}, nil},
		{"shrinking document", []cgraph.Delta{
			del(q("urn:a", "x", doc)), del(q("urn:b", "y", doc)), del(q("urn:c", "z", doc)),
			add(q("urn:a", "w", doc)),
		}, map[quad.Value]int{doc: 2, quad.IRI("urn:p"): 2}},
		{"a node only deletes touch", []cgraph.Delta{
			del(q("urn:a", "x", other)), del(q("urn:b", "y", other)), add(q("urn:c", "z", doc)),
		}, map[quad.Value]int{quad.IRI("urn:p"): 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[quad.Value]int{}
			labels := map[quad.Value]bool{}
			for _, p := range pinDeltas(tc.deltas) {
				if p.Action != cgraph.Add || !isPin(p.Quad) || labels[p.Quad.Label] {
					t.Errorf("bad pin %+v", p)
				}
				labels[p.Quad.Label] = true
				got[p.Quad.Object]++
			}
			if len(got) != len(tc.want) {
				t.Fatalf("pins %v, want %v", got, tc.want)
			}
			for v, n := range tc.want {
				if got[v] != n {
					t.Errorf("%v: %d pins, want %d", v, got[v], n)
				}
			}
		})
	}
}

// Pins left by a crash between a write and its unpin are invisible to
// reads and removed when the store is next opened for writing.
func TestStalePinsRemovedOnOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s := mustOpen(t, Options{Path: path})
	a := DocumentIRI("a.txt")
	mustReplace(t, s, a, docTriples("a.txt", "cnipa"))
	before := mustSize(t, s)
	stale := pinDeltas([]cgraph.Delta{
		{Action: cgraph.Delete, Quad: quad.Quad{Subject: quad.IRI(a), Predicate: quad.IRI(RDFSLabel), Object: quad.String("gone"), Label: quad.IRI(a)}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: quad.IRI("urn:x"), Predicate: quad.IRI("urn:y"), Object: quad.IRI(a)}},
	})
	stale = append(stale, pinDeltas([]cgraph.Delta{
		{Action: cgraph.Delete, Quad: quad.Quad{Subject: quad.IRI(a), Predicate: quad.IRI(RDFSLabel), Object: quad.String("gone"), Label: quad.IRI(a)}},
		{Action: cgraph.Delete, Quad: quad.Quad{Subject: quad.IRI(a), Predicate: quad.IRI(RDFSLabel), Object: quad.String("gone2"), Label: quad.IRI(a)}},
		{Action: cgraph.Add, Quad: quad.Quad{Subject: quad.IRI("urn:x"), Predicate: quad.IRI("urn:y"), Object: quad.IRI(a)}},
	})...)
	if len(stale) == 0 {
		t.Fatal("no pins to plant")
	}
	if err := s.qs.ApplyDeltas(stale, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	to, err := s.QuadsTo(ctx, IRI(a))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range to {
		if q.Subject == pinSubject {
			t.Errorf("a read shows a pin: %+v", q)
		}
	}
	if rep, err := s.Verify(ctx); err != nil || len(rep.Problems) > 0 {
		t.Errorf("verify with stale pins: %+v %v", rep, err)
	}
	s.Close()
	s = mustOpen(t, Options{Path: path})
	if after := mustSize(t, s); after.Quads != before.Quads {
		t.Errorf("%d quads after reopening, %d before the pins", after.Quads, before.Quads)
	}
}
