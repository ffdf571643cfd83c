// Command ipgraph builds a knowledge graph of intellectual-property policy
// from documents and serves it over GraphQL.
//
//	ipgraph load    [--db PATH|URL] [--backend bolt|memory|postgres] [--gazetteer FILE] PATH...
//	ipgraph load    --server URL [--token-file FILE] PATH...
//	ipgraph extract [--json] [--explain] [--gazetteer FILE] FILE...
//	ipgraph serve   [--db PATH|URL] [--backend …] [--addr HOST:PORT] [--read-only]
//	ipgraph export  [--db PATH|URL] --format graphml|gexf|cyjs|dot|nquads|csv [--root ID --depth N --types T,…] [-o FILE]
//	ipgraph stats   [--db PATH|URL] [--json] [--root ID --depth N --types T,…]
//	ipgraph verify  [--db PATH|URL]
//	ipgraph eval    [--json] [--verbose] GOLD_DIR FILE...
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// exitError carries an exit status out of a command.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = []command{
	{"load", "load documents into the store", runLoad},
	{"extract", "run the loaders on files and print what they find", runExtract},
	{"serve", "serve GraphQL, the explorer and the viewer", runServe},
	{"export", "write the graph or a subgraph as GraphML, GEXF, Cytoscape JSON, DOT, N-Quads or CSV", runExport},
	{"stats", "print counts of the store", runStats},
	{"verify", "check that every document in the store is complete", runVerify},
	{"eval", "score the loaders against gold annotations (shared/gold rules)", runEval},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	slog.SetDefault(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelInfo})))
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, args[1:], stdout, stderr)
			var ee exitError
			switch {
			case err == nil:
				return 0
			case errors.As(err, &ee):
				if ee.msg != "" {
					fmt.Fprintln(stderr, "ipgraph "+c.name+":", ee.msg)
				}
				return ee.code
			default:
				fmt.Fprintln(stderr, "ipgraph "+c.name+":", err)
				return 1
			}
		}
	}
	fmt.Fprintf(stderr, "ipgraph: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: ipgraph COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\n'ipgraph COMMAND --help' lists a command's flags.")
}
