// Command gencorpus writes a synthetic corpus of IP-policy documents
// (transcripts, report sections, circulars, news digests; see package
// loaders/synthcorpus) into a directory, deterministic from -seed, and
// prints how many files and megabytes it wrote and how fast.
//
//	go run ./scripts/gencorpus -seed 1 -docs 10000 -out /tmp/synth
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/ipgraph/ipgraph/loaders/synthcorpus"
)

func main() {
	seed := flag.Uint64("seed", 1, "random seed: the same seed writes the same documents")
	docs := flag.Int("docs", 10000, "number of documents")
	out := flag.String("out", "", "directory to write (created if needed)")
	size := flag.Int("size", synthcorpus.DefaultMeanSize, "average document size in bytes")
	workers := flag.Int("workers", 0, "documents written at a time (0: one per CPU)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-seed N] [-docs N] [-size BYTES] [-workers N] -out DIR")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	g, err := synthcorpus.New(synthcorpus.Options{Seed: *seed, Documents: *docs, MeanSize: *size, Workers: *workers})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	start := time.Now()
	files, n, err := g.WriteDir(ctx, *out)
	el := time.Since(start)
	mb := float64(n) / 1e6
	fmt.Printf("%d files, %.1f MB in %s (%.1f MB/s) to %s\n", files, mb, el.Round(time.Millisecond), mb/el.Seconds(), *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
