package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/schema"
)

// loadThroughServer is `ipgraph load --server URL PATH...`: each file is
// sent to the server's POST /admin/documents, which extracts and writes it
// (while `serve` holds a Bolt file, no other process can write to it).
// Files go one at a time, in the order `load` reads them.
func loadThroughServer(ctx context.Context, flags *pflag.FlagSet, server, tokenFile string, quiet bool, stdout, stderr io.Writer) error {
	for _, f := range []string{"db", "backend", "gazetteer"} {
		if flags.Changed(f) {
			return exitError{2, fmt.Sprintf("--%s does not go with --server: the server loads into its own store with its own gazetteers", f)}
		}
	}
	token, err := adminToken(tokenFile, "--token-file")
	if err != nil {
		return exitError{2, err.Error()}
	}
	if token == "" {
		return exitError{2, "--server needs the server's admin token: --token-file FILE or " + tokenEnv}
	}
	files, walkErrs := loaders.Expand(flags.Args())
	for _, e := range walkErrs {
		fmt.Fprintln(stderr, "error:", e)
	}
	client := &schema.AdminClient{BaseURL: server, Token: token}
	progress := newProgress(stdout, len(files), quiet)
	start := time.Now()
	seen := map[string]string{}
	var loaded, added, removed int
	var fatal error
	for _, path := range files {
		r := loadOneRemote(ctx, client, path, seen)
		var ae *schema.AdminError
		if errors.As(r.Err, &ae) && ae.Fatal() {
			fatal = ae
			break
		}
		if r.Err != nil {
			progress.clear()
			fmt.Fprintf(stderr, "error: %s: %v\n", r.Path, r.Err)
		} else {
			loaded++
			added += r.Change.Added
			removed += r.Change.Removed
		}
		progress.step(r)
		if ctx.Err() != nil {
			fatal = ctx.Err()
			break
		}
	}
	progress.finish()
	if fatal != nil {
		return exitError{1, fmt.Sprintf("%v; loaded %d of %d documents before stopping", fatal, loaded, len(files))}
	}
	total := len(files) + len(walkErrs)
	if !quiet {
		fmt.Fprintf(stdout, "loaded %d of %d documents through %s in %s: %d quads added, %d removed\n",
			loaded, total, server, time.Since(start).Round(time.Millisecond), added, removed)
	}
	if failed := total - loaded; failed > 0 {
		return exitError{1, fmt.Sprintf("%d of %d inputs failed (listed above)", failed, total)}
	}
	return nil
}

// loadOneRemote uploads one file; the result reads as a local load's.
func loadOneRemote(ctx context.Context, client *schema.AdminClient, path string, seen map[string]string) loaders.LoadResult {
	name := filepath.Base(path)
	r := loaders.LoadResult{Path: path, Doc: name}
	if first, dup := seen[name]; dup {
		r.Err = fmt.Errorf("same document name as %s (documents are identified by file name)", first)
		return r
	}
	seen[name] = path
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is said once, in the error line
		}
		r.Err = err
		return r
	}
	res, err := client.Upload(ctx, name, path, data)
	if err != nil {
		r.Err = err
		return r
	}
	if res.Error != "" {
		r.Err = errors.New(res.Error)
		return r
	}
	r.Doc, r.Entities, r.Stats = res.Name, res.Entities, res.Statistics
	r.Change = graph.Change{Added: res.Added, Removed: res.Removed}
	return r
}
