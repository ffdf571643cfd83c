package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/eval"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	verbose := fs.Bool("verbose", false, "list, per document, what was missed and what matched nothing")
	byRule := fs.Bool("by-rule", false, "print the precision of every rule (entity, relation, metric strategy, time rule)")
	gazetteers := fs.StringArray("gazetteer", nil, "extra gazetteer TSV file (repeatable)")
	if err := parse(fs, args, stderr, "eval [--json] [--verbose] [--by-rule] GOLD_DIR FILE...   (FILE: a document to extract, or the JSON `extract --json` printed)"); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return exitError{2, "give the gold directory and at least one file"}
	}
	golds, err := eval.ReadGoldDir(fs.Arg(0))
	if err != nil {
		return err
	}
	var x *loaders.Extractor
	var exs []loaders.Extraction
	for _, path := range fs.Args()[1:] {
		if strings.EqualFold(filepath.Ext(path), ".json") {
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("read extractions: %w", err)
			}
			some, err := loaders.ReadExtractions(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			exs = append(exs, some...)
			continue
		}
		if x == nil {
			if x, err = loaders.NewExtractor(*gazetteers...); err != nil {
				return err
			}
		}
		doc, err := loaders.ReadDocument(path)
		if err != nil {
			return err
		}
		ex, err := x.Extract(ctx, doc)
		if err != nil {
			return fmt.Errorf("extract %s: %w", path, err)
		}
		exs = append(exs, *ex)
	}
	rep := eval.Score(golds, exs)
	if *verbose {
		for _, d := range rep.Documents {
			fmt.Fprintln(stdout, "==", d.Doc)
			fmt.Fprintf(stdout, "  missed entities: %q\n", d.MissedEntities)
			fmt.Fprintf(stdout, "  false-positive entities: %q\n", d.FalseEntities)
			fmt.Fprintf(stdout, "  missed statistics: %q\n", d.MissedStatistics)
			fmt.Fprintf(stdout, "  missed relations: %q\n", d.MissedRelations)
		}
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rep)
	}
	for _, row := range []struct {
		name string
		v    float64
	}{
		{"entity_recall", rep.EntityRecall}, {"entity_precision", rep.EntityPrecision},
		{"statistic_recall", rep.StatisticRecall}, {"statistic_precision", rep.StatisticPrecision},
		{"period_accuracy", rep.PeriodAccuracy}, {"unit_accuracy", rep.UnitAccuracy},
		{"metric_accuracy", rep.MetricAccuracy}, {"relation_recall", rep.RelationRecall},
	} {
		fmt.Fprintf(stdout, "%-22s %.3f\n", row.name, row.v)
	}
	counts, _ := json.Marshal(rep.Counts)
	fmt.Fprintf(stdout, "counts %s\n", counts)
	if *byRule {
		fmt.Fprintf(stdout, "\n%-9s %6s %7s %9s  %s\n", "kind", "items", "correct", "precision", "rule")
		for _, r := range rep.ByRule {
			fmt.Fprintf(stdout, "%-9s %6d %7d %9.3f  %s\n", r.Kind, r.Items, r.Correct, r.Precision, r.Rule)
		}
	}
	return nil
}
