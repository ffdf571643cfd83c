package graph_test

import (
	"context"
	"fmt"

	"github.com/ipgraph/ipgraph/graph"
)

// A document owns the quads stored under its IRI: replacing it swaps them
// in one transaction, and loading the same content again changes nothing.
func ExampleStore_ReplaceDocument() {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		panic(err)
	}
	defer store.Close()

	doc := graph.DocumentIRI("briefing.txt")
	cnipa := graph.EntityIRI("cnipa")
	v1 := []graph.Triple{
		{Subject: cnipa, Predicate: graph.RDFType, Object: graph.IRI(graph.TypeIRI("Agency"))},
		{Subject: cnipa, Predicate: graph.RDFSLabel, Object: graph.String("CNIPA")},
	}
	ch, _ := store.ReplaceDocument(ctx, doc, v1)
	fmt.Printf("first load: +%d -%d\n", ch.Added, ch.Removed)
	ch, _ = store.ReplaceDocument(ctx, doc, v1)
	fmt.Printf("same again: +%d -%d\n", ch.Added, ch.Removed)

	v2 := append(v1[:1:1], graph.Triple{Subject: cnipa, Predicate: graph.RDFSLabel,
		Object: graph.String("China National Intellectual Property Administration")})
	ch, _ = store.ReplaceDocument(ctx, doc, v2)
	fmt.Printf("new label:  +%d -%d\n", ch.Added, ch.Removed) // the manifest is rewritten too
	labels, _ := store.Objects(ctx, cnipa, graph.RDFSLabel)
	fmt.Println(labels[0].Value)
	// Output:
	// first load: +3 -0
	// same again: +0 -0
	// new label:  +2 -2
	// China National Intellectual Property Administration
}
