package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/loaders"
)

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("extract", pflag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print one JSON array, one object per document (the gold files' shape)")
	explain := fs.Bool("explain", false, "also give each entity's mentions and each item's rule")
	gazetteers := fs.StringArray("gazetteer", nil, "extra gazetteer TSV file (repeatable)")
	if err := parse(fs, args, stderr, "extract [--json] [--explain] FILE..."); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return exitError{2, "give at least one file"}
	}
	x, err := loaders.NewExtractor(*gazetteers...)
	if err != nil {
		return err
	}
	files, errs := loaders.Expand(fs.Args())
	total := len(files) + len(errs)
	out := []*loaders.Extraction{}
	for _, path := range files {
		doc, err := loaders.ReadDocument(path)
		if err == nil {
			var ex *loaders.Extraction
			if ex, err = x.Extract(ctx, doc); err == nil {
				if !*explain {
					for i := range ex.Entities {
						ex.Entities[i].Mentions = nil
					}
				}
				out = append(out, ex)
				continue
			}
		}
		errs = append(errs, &loaders.FileError{Path: path, Err: err})
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, "error:", e)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, ex := range out {
			printExtraction(stdout, ex, *explain)
		}
	}
	if len(errs) > 0 {
		return exitError{1, fmt.Sprintf("%d of %d inputs failed", len(errs), total)}
	}
	return nil
}

func printExtraction(w io.Writer, ex *loaders.Extraction, explain bool) {
	fmt.Fprintf(w, "== %s (%s) %s\n", ex.Doc, ex.Date, ex.Title)
	fmt.Fprintf(w, "entities (%d):\n", len(ex.Entities))
	for _, e := range ex.Entities {
		fmt.Fprintf(w, "  %-12s %s", e.Type, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(w, "  (aka %v)", e.Aliases)
		}
		if explain && e.Rule != "" {
			fmt.Fprintf(w, "  [%s]", e.Rule)
		}
		fmt.Fprintln(w)
		if explain {
			for _, m := range e.Mentions {
				fmt.Fprintf(w, "      @%d %q\n", m.Offset, m.Text)
			}
		}
	}
	fmt.Fprintf(w, "statistics (%d):\n", len(ex.Statistics))
	for _, s := range ex.Statistics {
		fmt.Fprintf(w, "  %s = %g %s [%s]\n", s.Metric, s.Value, s.Unit, s.Period)
		if explain {
			fmt.Fprintf(w, "      @%d %q\n", s.Offset, s.Sentence)
			if s.Rule != "" {
				fmt.Fprintf(w, "      rule: %s\n", s.Rule)
			}
		}
	}
	fmt.Fprintf(w, "relations (%d):\n", len(ex.Relations))
	for _, r := range ex.Relations {
		fmt.Fprintf(w, "  %s %s %s\n", r.Subject, r.Predicate, r.Object)
		if explain {
			fmt.Fprintf(w, "      @%d %q\n", r.Offset, r.Sentence)
		}
	}
}
