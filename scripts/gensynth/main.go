// Command gensynth writes a synthetic ipgraph store for benchmarks: about
// -quads quads of documents in ipgraph's real shape (see
// loaderstest.Synth), deterministic from -seed, into a Bolt file, one
// document per transaction through graph.Store.ReplaceDocument. It prints
// the id of the agency that runs the most programs (ties: the first by
// id), a well-connected start for benchmark queries.
//
//	go run ./scripts/gensynth -db /tmp/synth.db -quads 1000000
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/loaderstest"
)

func main() {
	db := flag.String("db", "", "Bolt file to write (created; must not exist unless -force)")
	quads := flag.Int("quads", 1_000_000, "quads to write (at least)")
	seed := flag.Uint64("seed", 1, "random seed")
	force := flag.Bool("force", false, "remove an existing file first")
	flag.Parse()
	if err := run(*db, *quads, *seed, *force); err != nil {
		fmt.Fprintln(os.Stderr, "gensynth:", err)
		os.Exit(1)
	}
}

func run(db string, quads int, seed uint64, force bool) error {
	if db == "" {
		return fmt.Errorf("-db is required")
	}
	if _, err := os.Stat(db); err == nil {
		if !force {
			return fmt.Errorf("%s exists (use -force to replace it)", db)
		}
		if err := os.Remove(db); err != nil {
			return err
		}
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Path: db})
	if err != nil {
		return err
	}
	start := time.Now()
	s := loaderstest.NewSynth(seed, quads)
	runs := map[string]map[string]bool{} // agency → programs it runs
	docs, added, err := loaderstest.WriteSynth(ctx, store, s, quads, func(docs, added int, ex *loaders.Extraction) {
		for _, r := range ex.Relations {
			if r.Predicate == "runs" {
				if runs[r.Subject] == nil {
					runs[r.Subject] = map[string]bool{}
				}
				runs[r.Subject][r.Object] = true
			}
		}
		if docs%500 == 0 {
			fmt.Fprintf(os.Stderr, "gensynth: %d documents, %d quads, %s\n", docs, added, time.Since(start).Round(time.Second))
		}
	})
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "gensynth: wrote %d documents, %d quads to %s in %s (%.0f quads/s)\n",
		docs, added, db, el.Round(time.Millisecond), float64(added)/el.Seconds())
	best := s.Agency(0)
	for a, ps := range runs {
		if n := len(ps); n > len(runs[best]) || (n == len(runs[best]) && a < best) {
			best = a
		}
	}
	fmt.Println(best)
	return nil
}
