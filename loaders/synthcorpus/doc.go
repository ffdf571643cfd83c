// Package synthcorpus generates a synthetic corpus of IP-policy documents
// for benchmarks and scale tests: press-conference transcripts, sections of
// annual reports, circulars and news digests, in the genres of the seed
// corpus but with sentences of its own.
//
// The documents are filled from the loaders' gazetteers (agencies with
// their acronyms in apposition, laws, treaties, programs, provinces and
// cities, companies, universities and media) and with generated persons,
// policy instruments and programs, figures with units and periods
// (counts, yuan, "per 10,000 people", shares, months; whole years, halves,
// quarters, "last year", "by the end of 2022") and relation sentences
// (issued, implements, runs, cooperates with, located in, merged into,
// succeeded by, partOf and memberOf appositions), so that extraction on
// them does the work it does on real text.
//
// A document depends only on the seed and its number, so a corpus of any
// size can be made in parallel, and any document made again:
//
//	g, err := synthcorpus.New(synthcorpus.Options{Seed: 1, Documents: 10000})
//	name, text := g.Document(121)            // "synth-000121-report.txt"
//	files, size, err := g.WriteDir(ctx, dir) // all 10,000, about 50 MB
//
// The corpus is not shipped as data; `go run ./scripts/gencorpus` writes
// one.
package synthcorpus
