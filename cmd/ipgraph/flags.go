package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/graph"
)

// storeFlags are the flags every command that opens the store takes.
type storeFlags struct {
	db       string
	backend  string
	readOnly bool
	bulkLoad bool // graph.Options.BulkLoad: the command writes without concurrent reads
}

func (s *storeFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&s.db, "db", "./data/ipgraph.db", "Bolt file path, or PostgreSQL URL with --backend postgres")
	fs.StringVar(&s.backend, "backend", graph.BackendBolt, "store backend: bolt, memory or postgres")
}

// openForReading opens the store for a command that only reads: a Bolt
// file read-only, so that it works beside a read-only server.
func (s *storeFlags) openForReading(ctx context.Context) (*graph.Store, error) {
	s.readOnly = s.backend == graph.BackendBolt
	return s.open(ctx)
}

func (s *storeFlags) open(ctx context.Context) (*graph.Store, error) {
	return graph.Open(ctx, graph.Options{Backend: s.backend, Path: s.db, ReadOnly: s.readOnly, BulkLoad: s.bulkLoad})
}

// parse parses args with fs; --help prints usage and ends the command.
func parse(fs *pflag.FlagSet, args []string, stderr io.Writer, synopsis string) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: ipgraph "+synopsis)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitError{code: 0}
		}
		return exitError{code: 2, msg: err.Error()}
	}
	return nil
}
