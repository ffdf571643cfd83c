package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/queries/export"
)

// selectionFlags choose the part of the graph that export (and stats)
// work on; the whole graph when --root and --ids are not given.
type selectionFlags struct {
	root       string
	depth      int
	types      []string
	predicates []string
	ids        []string
}

func (s *selectionFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&s.root, "root", "", "export the neighborhood of this entity (id, IRI or name)")
	fs.IntVar(&s.depth, "depth", 1, fmt.Sprintf("with --root: relations to follow (1..%d)", queries.MaxDepth))
	fs.StringSliceVar(&s.types, "types", nil, "keep only these entity types (and Statistic for statistics), comma-separated")
	fs.StringSliceVar(&s.predicates, "predicates", nil, "keep only relations with these predicates, comma-separated")
	fs.StringSliceVar(&s.ids, "ids", nil, "export exactly these entities, comma-separated")
}

func (s *selectionFlags) selection() queries.ExportSelection {
	return queries.ExportSelection{Root: s.root, Depth: s.depth, Types: s.types, Predicates: s.predicates, IDs: s.ids}
}

// partial reports whether a subgraph was asked for.
func (s *selectionFlags) partial() bool {
	return s.root != "" || len(s.ids) > 0 || len(s.types) > 0 || len(s.predicates) > 0
}

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("export", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	var sel selectionFlags
	sel.register(fs)
	formatName := fs.String("format", "", "graphml, gexf, cyjs, dot, nquads or csv (a zip of nodes.csv and edges.csv)")
	out := fs.StringP("output", "o", "", "write to this file instead of standard output")
	if err := parse(fs, args, stderr, "export [--db PATH|URL] --format graphml|gexf|cyjs|dot|nquads|csv [--root ID --depth N --types T,…] [-o FILE]"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return exitError{code: 2, msg: "unexpected arguments: " + strings.Join(fs.Args(), " ")}
	}
	format, err := export.ParseFormat(*formatName)
	if err != nil {
		return exitError{code: 2, msg: err.Error()}
	}
	store, err := sf.openForReading(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	s := sel.selection()
	s.Quads = format == export.NQuads
	g, truncated, err := queries.New(store).ExportGraph(ctx, s)
	if err != nil {
		return err
	}
	if truncated {
		fmt.Fprintf(stderr, "export: the neighborhood of %s was cut at the traversal budget\n", sel.root)
	}
	if *out == "" {
		return export.Write(ctx, stdout, format, g)
	}
	if err := writeFileAtomic(*out, func(w io.Writer) error { return export.Write(ctx, w, format, g) }); err != nil {
		return fmt.Errorf("export to %s: %w", *out, err)
	}
	c := queries.Counts(g)
	fmt.Fprintf(stderr, "export: wrote %s: %d nodes, %d edges", *out, c.Nodes, c.Edges)
	if format == export.NQuads {
		fmt.Fprintf(stderr, ", %d quads", c.Quads)
	}
	fmt.Fprintln(stderr)
	return nil
}

// writeFileAtomic writes path through a temporary file in the same
// directory, renamed into place only when write succeeds, so that a failed
// export leaves no partial file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
