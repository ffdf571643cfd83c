package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/ipgraph/ipgraph/loaders"
)

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("load", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	gazetteers := fs.StringArray("gazetteer", nil, "extra gazetteer TSV file (repeatable)")
	quiet := fs.BoolP("quiet", "q", false, "print only errors")
	server := fs.String("server", "", "load through the `URL` of a running ipgraph serve (its POST /admin/documents) instead of opening the store")
	tokenFile := fs.String("token-file", "", "with --server: `FILE` holding the server's admin token (default $"+tokenEnv+")")
	if err := parse(fs, args, stderr, "load [--db PATH|URL] [--backend bolt|memory|postgres] [--gazetteer FILE] PATH...\n       ipgraph load --server URL [--token-file FILE] PATH..."); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return exitError{2, "give at least one file or directory to load"}
	}
	if *server != "" {
		return loadThroughServer(ctx, fs, *server, *tokenFile, *quiet, stdout, stderr) // remote.go
	}
	x, err := loaders.NewExtractor(*gazetteers...)
	if err != nil {
		return err
	}
	files, walkErrs := loaders.Expand(fs.Args())
	for _, e := range walkErrs {
		fmt.Fprintln(stderr, "error:", e)
	}
	sf.bulkLoad = true // no reads run beside the load's writes
	store, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()

	progress := newProgress(stdout, len(files), *quiet)
	start := time.Now()
	results := x.Load(ctx, store, files, func(r loaders.LoadResult) {
		if r.Err != nil {
			progress.clear()
			fmt.Fprintf(stderr, "error: %s: %v\n", r.Path, r.Err)
		}
		progress.step(r)
	})
	progress.finish()

	var failed, added, removed int
	for _, r := range results {
		if r.Err != nil {
			failed++
		}
		added += r.Change.Added
		removed += r.Change.Removed
	}
	failed += len(walkErrs)
	if !*quiet {
		fmt.Fprintf(stdout, "loaded %d of %d documents into %s in %s: %d quads added, %d removed\n",
			len(results)-(failed-len(walkErrs)), len(results)+len(walkErrs), sf.db, time.Since(start).Round(time.Millisecond), added, removed)
	}
	if failed > 0 {
		return exitError{1, fmt.Sprintf("%d of %d inputs failed (listed above)", failed, len(results)+len(walkErrs))}
	}
	return nil
}

// progress shows a bar when stdout is a terminal, and a line per document
// otherwise.
type progress struct {
	bar   *progressbar.ProgressBar
	out   io.Writer
	quiet bool
}

func newProgress(stdout io.Writer, total int, quiet bool) *progress {
	p := &progress{out: stdout, quiet: quiet}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !quiet {
		p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stdout), progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
	}
	return p
}

func (p *progress) step(r loaders.LoadResult) {
	switch {
	case p.bar != nil:
		p.bar.Add(1)
	case !p.quiet && r.Err == nil:
		fmt.Fprintf(p.out, "%s: %d entities, %d statistics, +%d −%d quads\n", r.Path, r.Entities, r.Stats, r.Change.Added, r.Change.Removed)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
