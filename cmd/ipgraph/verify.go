package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/graph"
)

func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("verify", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	if err := parse(fs, args, stderr, "verify [--db PATH|URL]"); err != nil {
		return err
	}
	store, err := sf.openForReading(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := store.Verify(ctx)
	if err != nil {
		return err
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stdout, "problem: %s: %s\n", graph.LocalID(p.Document), p.Detail)
	}
	fmt.Fprintf(stdout, "%d documents, %d quads checked, %d problems\n", rep.Documents, rep.Quads, len(rep.Problems))
	if len(rep.Problems) > 0 {
		return exitError{1, "the store is not consistent"}
	}
	return nil
}
