package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/queries"
)

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("stats", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(fs, args, stderr, "stats [--db PATH|URL] [--json]"); err != nil {
		return err
	}
	store, err := sf.openForReading(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := queries.New(store).Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	fmt.Fprintf(stdout, "quads       %d\nnodes       %d\ndocuments   %d\nstatistics  %d\nentities\n", st.Quads, st.Nodes, st.Documents, st.Statistics)
	for _, t := range graph.EntityTypeNames {
		fmt.Fprintf(stdout, "  %-14s %d\n", t, st.Entities[t])
	}
	fmt.Fprintln(stdout, "relations")
	for _, p := range graph.RelationPredicates {
		fmt.Fprintf(stdout, "  %-14s %d\n", p, st.Relations[p])
	}
	return nil
}
