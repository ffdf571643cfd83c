package schema_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// NewHandler serves GraphQL over HTTP; a name matches the canonical name or
// any alias, whatever its case and punctuation.
func ExampleNewHandler() {
	ctx := context.Background()
	store, _ := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	defer store.Close()
	loaders.Write(ctx, store, &loaders.Extraction{Doc: "note.txt", Entities: []loaders.Entity{
		{ID: "sipo", Type: loaders.Agency, Name: "State Intellectual Property Office", Aliases: []string{"SIPO"}},
	}})
	h, _ := schema.NewHandler(queries.New(store), schema.Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, _ := http.Post(srv.URL+"/graphql", "application/json",
		strings.NewReader(`{"query":"{ entity(name: \"the state intellectual-property office\") { id type aliases } }"}`))
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Print(resp.StatusCode, " ", string(body))
	// Output:
	// 200 {"data":{"entity":{"aliases":["SIPO"],"id":"sipo","type":"AGENCY"}}}
}
