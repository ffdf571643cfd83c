package export_test

import (
	"context"
	"fmt"
	"os"

	"github.com/ipgraph/ipgraph/queries/export"
)

func ExampleWrite() {
	g := &export.Graph{
		Nodes: []export.Node{
			{ID: "sipo", Kind: export.KindEntity, Type: "Agency", Label: "SIPO"},
			{ID: "cnipa", Kind: export.KindEntity, Type: "Agency", Label: "CNIPA",
				Aliases: []string{"国家知识产权局"}},
		},
		Edges: []export.Edge{{ID: "e1", Source: "sipo", Target: "cnipa", Predicate: "succeededBy",
			Evidence: []export.Evidence{{Document: "a.txt", Date: "2018-03-13", Offset: 42,
				Sentence: `SIPO became "CNIPA".`}}}},
	}
	if err := export.Write(context.Background(), os.Stdout, export.DOT, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// digraph ipgraph {
	//   graph [charset="UTF-8", rankdir="LR", overlap="false", fontname="Helvetica"];
	//   node [shape="box", style="rounded,filled", fillcolor="#d9d9d9", fontname="Helvetica", fontsize="10"];
	//   edge [color="#666666", fontname="Helvetica", fontsize="8"];
	//   "sipo" [kind="entity", type="Agency", label="SIPO", shape="box", fillcolor="#8dd3c7"];
	//   "cnipa" [kind="entity", type="Agency", label="CNIPA", aliases="[\"国家知识产权局\"]", shape="box", fillcolor="#8dd3c7"];
	//   "sipo" -> "cnipa" [id="e1", label="succeededBy", predicate="succeededBy", weight="1", evidence="[{\"document\":\"a.txt\",\"date\":\"2018-03-13\",\"offset\":42,\"sentence\":\"SIPO became \\\"CNIPA\\\".\"}]"];
	// }
}
