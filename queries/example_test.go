package queries_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/queries"
)

// How is a commissioner connected to WIPO? Paths follow relations in either
// direction and each relation carries the sentence that states it.
func ExampleService_Paths() {
	ctx := context.Background()
	store, _ := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	defer store.Close()
	sentence := "Commissioner Shen Changyu of the CNIPA signed a plan with WIPO."
	loaders.Write(ctx, store, &loaders.Extraction{
		Doc: "note.txt",
		Entities: []loaders.Entity{
			{ID: "shen_changyu", Type: loaders.Person, Name: "Shen Changyu"},
			{ID: "cnipa", Type: loaders.Agency, Name: "CNIPA"},
			{ID: "wipo", Type: loaders.Agency, Name: "WIPO"},
		},
		Relations: []loaders.Relation{
			{Subject: "shen_changyu", Predicate: "memberOf", Object: "cnipa", Sentence: sentence},
			{Subject: "cnipa", Predicate: "cooperatesWith", Object: "wipo", Sentence: sentence},
		},
	})

	svc := queries.New(store)
	paths, _, _ := svc.Paths(ctx, "shen_changyu", "wipo", 4, 1)
	for _, p := range paths {
		var names []string
		for _, n := range p.Nodes {
			names = append(names, n.Name)
		}
		fmt.Println(strings.Join(names, " → "))
		for _, r := range p.Relations {
			evs, _ := svc.RelationEvidence(ctx, r)
			fmt.Printf("  %s: %q\n", r.Predicate, evs[0].Sentence)
		}
	}
	// Output:
	// Shen Changyu → CNIPA → WIPO
	//   memberOf: "Commissioner Shen Changyu of the CNIPA signed a plan with WIPO."
	//   cooperatesWith: "Commissioner Shen Changyu of the CNIPA signed a plan with WIPO."
}
