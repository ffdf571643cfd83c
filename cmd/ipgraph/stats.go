package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
)

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("stats", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	var sel selectionFlags
	sel.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args, stderr, "stats [--db PATH|URL] [--json] [--root ID --depth N --types T,…]"); err != nil {
		return err
	}
	store, err := sf.openForReading(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := queries.New(store)
	if sel.partial() {
		// The counts of what `export` with the same flags writes.
		g, _, err := svc.ExportGraph(ctx, sel.selection())
		if err != nil {
			return err
		}
		return printSubgraphStats(stdout, queries.Counts(g), *asJSON)
	}
	st, err := svc.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(stdout, st)
	}
	fmt.Fprintf(stdout, "quads       %d\nnodes       %d\ndocuments   %d\nstatistics  %d\nentities\n", st.Quads, st.Nodes, st.Documents, st.Statistics)
	for _, t := range graph.EntityTypeNames {
		fmt.Fprintf(stdout, "  %-14s %d\n", t, st.Entities[t])
	}
	fmt.Fprintln(stdout, "relations")
	for _, p := range graph.RelationPredicates {
		fmt.Fprintf(stdout, "  %-14s %d\n", p, st.Relations[p])
	}
	fmt.Fprintf(stdout, "links\n  %-14s %d\n  %-14s %d\n", "subject", st.Links["subject"], "reportedBy", st.Links["reportedBy"])
	fmt.Fprintf(stdout, "graph\n  %-14s %d\n  %-14s %d\n", "nodes", st.Graph.Nodes, "edges", st.Graph.Edges)
	return nil
}

func printSubgraphStats(w io.Writer, c queries.ExportCounts, asJSON bool) error {
	if asJSON {
		return printJSON(w, c)
	}
	fmt.Fprintf(w, "nodes       %d\nedges       %d\nstatistics  %d\nentities\n", c.Nodes, c.Edges, c.Statistics)
	for _, t := range graph.EntityTypeNames {
		fmt.Fprintf(w, "  %-14s %d\n", t, c.Entities[t])
	}
	fmt.Fprintln(w, "edges by predicate")
	for _, p := range slices.Sorted(maps.Keys(c.Relations)) {
		fmt.Fprintf(w, "  %-14s %d\n", p, c.Relations[p])
	}
	return nil
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
