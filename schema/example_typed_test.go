package schema_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

// Each entity type has typed fields resolved from relations: an agency's
// officials are the persons who are members of it, paged with first and
// offset and counted in officialsCount.
func ExampleNewHandler_typedFields() {
	ctx := context.Background()
	store, _ := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	defer store.Close()
	sentence := "Commissioner Shen Changyu and deputy commissioner He Zhimin serve at the CNIPA."
	loaders.Write(ctx, store, &loaders.Extraction{
		Doc: "note.txt",
		Entities: []loaders.Entity{
			{ID: "cnipa", Type: loaders.Agency, Name: "China National Intellectual Property Administration", Aliases: []string{"CNIPA", "国家知识产权局"}},
			{ID: "shen_changyu", Type: loaders.Person, Name: "Shen Changyu"},
			{ID: "he_zhimin", Type: loaders.Person, Name: "He Zhimin"},
		},
		Relations: []loaders.Relation{
			{Subject: "shen_changyu", Predicate: "memberOf", Object: "cnipa", Sentence: sentence},
			{Subject: "he_zhimin", Predicate: "memberOf", Object: "cnipa", Sentence: sentence},
		},
	})
	h, _ := schema.NewHandler(queries.New(store), schema.Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()

	query := `{ entity(name: "国家知识产权局") { ... on Agency { officialsCount officials(first: 1) { name } } } }`
	body, _ := json.Marshal(map[string]string{"query": query})
	resp, _ := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(string(body)))
	var r struct {
		Data struct {
			Entity struct {
				OfficialsCount int
				Officials      []struct{ Name string }
			}
		}
		Extensions struct {
			Truncated []struct {
				Path  []interface{}
				Total int
			}
		}
	}
	json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	fmt.Println("officials:", r.Data.Entity.OfficialsCount)
	for _, o := range r.Data.Entity.Officials {
		fmt.Println("-", o.Name)
	}
	for _, t := range r.Extensions.Truncated {
		fmt.Println("truncated:", t.Path, "of", t.Total)
	}
	// Output:
	// officials: 2
	// - He Zhimin
	// truncated: [entity officials] of 2
}
