package queries_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
)

// cliqueGraph is a store where hub-a and hub-b are joined by one path,
// hub-a – bridge – hub-b, and a clique of offices all cooperating with
// each other hangs off hanger (an entity id of the graph), which
// cooperates with every office. Walks into the clique are dead ends.
func cliqueGraph(t *testing.T, clique int, hanger string) *queries.Service {
	t.Helper()
	ex := &loaders.Extraction{Doc: "clique.txt", Title: "Clique", Date: "2024"}
	offset := 0
	entity := func(typ loaders.EntityType, id string) string {
		name := "Entity " + id
		ex.Entities = append(ex.Entities, loaders.Entity{ID: id, Type: typ, Name: name, Aliases: []string{},
			Mentions: []loaders.Sentence{{Text: name + ".", Offset: offset}}})
		offset += len(name) + 2
		return id
	}
	relate := func(s, o string) {
		text := s + " cooperates with " + o + "."
		ex.Relations = append(ex.Relations, loaders.Relation{Subject: s, Predicate: "cooperatesWith", Object: o, Sentence: text, Offset: offset})
		offset += len(text) + 1
	}
	a, bridge, b := entity(loaders.Agency, "hub-a"), entity(loaders.Agency, "bridge"), entity(loaders.Agency, "hub-b")
	relate(a, bridge)
	relate(bridge, b)
	offices := make([]string, clique)
	for i := range offices {
		offices[i] = entity(loaders.Organization, fmt.Sprintf("office-%d", i))
		relate(hanger, offices[i])
	}
	for i := range offices {
		for j := i + 1; j < len(offices); j++ {
			relate(offices[i], offices[j])
		}
	}
	store := loaderstest.MemoryStore(t)
	if _, err := loaders.Write(context.Background(), store, ex); err != nil {
		t.Fatal(err)
	}
	return queries.New(store)
}

func withIndex(t *testing.T, svc *queries.Service, index bool) *queries.Service {
	t.Helper()
	if index {
		if _, err := svc.UseIndex(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return svc
}

// TestPathsBudget checks that a search whose distances do not bound it
// (a clique off the only path's middle entity: about 60^4 dead-end walks
// of length 8) stops at its step budget, well within a request's time,
// with the path it found and truncated set.
func TestPathsBudget(t *testing.T) {
	for _, index := range []bool{false, true} {
		t.Run(fmt.Sprintf("index=%v", index), func(t *testing.T) {
			svc := withIndex(t, cliqueGraph(t, 60, "bridge"), index)
			for _, first := range []int{5, 1000} {
				start := time.Now()
				ps, truncated, err := svc.Paths(context.Background(), "hub-a", "hub-b", queries.MaxPathLength, first)
				d := time.Since(start)
				if err != nil {
					t.Fatal(err)
				}
				if len(ps) != 1 || len(ps[0].Relations) != 2 || !truncated {
					t.Errorf("first %d: %d paths, truncated %v; want the one path of length 2, truncated", first, len(ps), truncated)
				}
				if d > time.Second {
					t.Errorf("first %d: took %s", first, d)
				}
				t.Logf("first %d: %d paths, truncated %v, in %s", first, len(ps), truncated, d)
			}
		})
	}
}

// TestPathsSkipWhatHangsOffTheSource checks that a clique reachable only
// through the source is not searched at all: the search is complete.
func TestPathsSkipWhatHangsOffTheSource(t *testing.T) {
	svc := withIndex(t, cliqueGraph(t, 60, "hub-a"), true)
	start := time.Now()
	ps, truncated, err := svc.Paths(context.Background(), "hub-a", "hub-b", queries.MaxPathLength, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || truncated {
		t.Errorf("%d paths, truncated %v; want 1, complete", len(ps), truncated)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Errorf("took %s", d)
	}
	// The other way round the clique hangs off the target, through which
	// alone it could be entered.
	ps, _, err = svc.Paths(context.Background(), "hub-b", "hub-a", queries.MaxPathLength, 1000)
	if err != nil || len(ps) != 1 {
		t.Errorf("hub-b → hub-a: %d paths, %v", len(ps), err)
	}
}

// TestPathsStopAtDeadline checks that a search stops with the context's
// error once its deadline has passed.
func TestPathsStopAtDeadline(t *testing.T) {
	svc := withIndex(t, cliqueGraph(t, 60, "bridge"), true)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, _, err := svc.Paths(ctx, "hub-a", "hub-b", queries.MaxPathLength, 1000)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want a deadline", err)
	}
}
