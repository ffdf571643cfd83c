package schema_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// TestEvidenceKindsAndPositions checks, over GraphQL, that a relation
// a sentence states has SENTENCE evidence with the title as its note
// (and Person.roles gives it), and that a relation only a gazetteer
// row gives is BACKGROUND knowledge with that row and no sentence.
func TestEvidenceKindsAndPositions(t *testing.T) {
	ctx := context.Background()
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := loaders.ParseDocument("briefing.txt", []byte("Briefing on patents\n\n"+
		"Liu Weiping, deputy commissioner of the CNIPA, opened the briefing.\n\n"+
		"The State Administration for Market Regulation published its own figures on Monday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ex, err := x.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	store := loaderstest.MemoryStore(t)
	if _, err := loaders.Write(ctx, store, ex); err != nil {
		t.Fatal(err)
	}
	h, err := schema.NewHandler(queries.New(store), schema.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	data, err := gql(srv.URL, `{ entity(id: "liu_weiping") { ... on Person { roles { title body { id } evidence { kind note sentence } } } } }`)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(data)
	for _, want := range []string{`"title":"deputy commissioner"`, `"id":"cnipa"`, `"kind":"SENTENCE"`, `"note":"deputy commissioner"`, `Liu Weiping, deputy commissioner`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("positions: %s lacks %s", raw, want)
		}
	}

	// The CNIPA is part of the SAMR by the gazetteer; no sentence says so.
	data, err = gql(srv.URL, `{ entity(id: "cnipa") { relations(predicates: ["partOf"], direction: OUT) { target { id } evidence { kind knownFrom sentence offset } } } }`)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = json.Marshal(data)
	for _, want := range []string{`"id":"samr"`, `"kind":"BACKGROUND"`, `"knownFrom":"gazetteer agencies.tsv:`, `"sentence":""`, `"offset":-1`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("background relation: %s lacks %s", raw, want)
		}
	}
}
