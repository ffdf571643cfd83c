package synthcorpus

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ipgraph/ipgraph/loaders"
)

// Genre is the kind of a generated document.
type Genre int

// The genres of the corpus, in the order Document cycles through them.
const (
	Transcript    Genre = iota // a press-conference transcript: speakers, chairperson, questions and answers
	ReportSection              // a section of an annual report: headings, numbered sub-sections, year-on-year figures
	Circular                   // a circular issued by one or two agencies: document number, articles, effective date
	Digest                     // a news digest: several short dated items
)

// Genres lists every Genre in the order Document cycles through them.
var Genres = []Genre{Transcript, ReportSection, Circular, Digest}

var genreNames = [...]string{"transcript", "report", "circular", "digest"}

// String returns the genre's name as it appears in file names:
// "transcript", "report", "circular" or "digest".
func (g Genre) String() string {
	if g < 0 || int(g) >= len(genreNames) {
		return fmt.Sprintf("Genre(%d)", int(g))
	}
	return genreNames[g]
}

// Options configure a Generator.
type Options struct {
	// Seed chooses the corpus: the same seed gives the same documents.
	Seed uint64
	// Documents is how many documents WriteDir writes (numbers 0 to
	// Documents-1). Document accepts any number ≥ 0 whatever it is.
	Documents int
	// MeanSize is the average size of a document in bytes; 0 means
	// DefaultMeanSize. Sizes vary from about MeanSize/5 to 3×MeanSize.
	MeanSize int
	// Workers is how many documents WriteDir generates and writes at a
	// time; 0 means runtime.GOMAXPROCS(0).
	Workers int
}

// DefaultMeanSize is the average document size when Options.MeanSize is
// 0: about 5 KB, so that 10,000 documents make about 50 MB.
const DefaultMeanSize = 5000

// Generator produces synthetic documents. It is read-only once built and
// safe for concurrent use.
type Generator struct {
	opts Options
	p    *pools
}

// New returns a Generator drawing names from the loaders' built-in
// gazetteers (loaders.BuiltinGazetteer). It fails if the options are out
// of range or if the gazetteers lack a kind of name the genres need.
func New(opts Options) (*Generator, error) {
	if opts.Documents < 0 {
		return nil, fmt.Errorf("synthcorpus: Documents is %d, want ≥ 0", opts.Documents)
	}
	if opts.MeanSize == 0 {
		opts.MeanSize = DefaultMeanSize
	}
	if opts.MeanSize < 1000 || opts.MeanSize > 1<<20 {
		return nil, fmt.Errorf("synthcorpus: MeanSize is %d, want between 1000 and %d bytes", opts.MeanSize, 1<<20)
	}
	if opts.Workers < 0 {
		return nil, fmt.Errorf("synthcorpus: Workers is %d, want ≥ 0", opts.Workers)
	}
	if opts.Workers == 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	entries, err := loaders.BuiltinGazetteer()
	if err != nil {
		return nil, fmt.Errorf("synthcorpus: %w", err)
	}
	p, err := newPools(entries)
	if err != nil {
		return nil, err
	}
	return &Generator{opts: opts, p: p}, nil
}

// Options returns the generator's options, defaults filled in.
func (g *Generator) Options() Options { return g.opts }

// GenreOf returns the genre of document i: the genres in turn.
func (g *Generator) GenreOf(i int) Genre { return Genres[i%len(Genres)] }

// Name returns the file name of document i: "synth-000123-transcript.txt".
func (g *Generator) Name(i int) string {
	return fmt.Sprintf("synth-%06d-%s.txt", i, g.GenreOf(i))
}

// Document returns the file name and text of document i (i ≥ 0). The text
// depends only on the Seed and i, so documents can be made in any order,
// in parallel, and any one of them made again.
func (g *Generator) Document(i int) (name string, text []byte) {
	if i < 0 {
		panic(fmt.Sprintf("synthcorpus: document %d, want ≥ 0", i))
	}
	w := g.writer(i)
	switch g.GenreOf(i) {
	case Transcript:
		w.transcript()
	case ReportSection:
		w.report()
	case Circular:
		w.circular()
	default:
		w.digest()
	}
	return g.Name(i), w.b
}

// Reader returns document i's text as a reader, for benchmarks that do
// not touch the disk.
func (g *Generator) Reader(i int) io.Reader {
	_, text := g.Document(i)
	return bytes.NewReader(text)
}

// sizeSigma spreads document sizes (log-normal); sizeBias corrects for the
// header and the last block, which every document writes beyond its target.
const (
	sizeSigma = 0.6
	sizeBias  = 0.875
)

// writer prepares the random source, date, cast and target size of
// document i.
func (g *Generator) writer(i int) *writer {
	r := rand.New(rand.NewPCG(g.opts.Seed, uint64(i)))
	w := &writer{p: g.p, r: r, intro: map[string]bool{}}
	mean := float64(g.opts.MeanSize)
	t := mean * sizeBias * math.Exp(sizeSigma*r.NormFloat64()-sizeSigma*sizeSigma/2)
	w.target = int(min(max(t, mean/5), mean*3*sizeBias))
	w.b = make([]byte, 0, w.target+2048)

	w.year, w.month, w.day = 2015+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28)
	w.repYear = w.year - 1
	w.metrics = r.Perm(len(metrics))

	w.main = g.p.era(pick(r, g.p.core), w.year)
	for w.other = pick(r, g.p.ministry); w.other.id == w.main.id; w.other = pick(r, g.p.ministry) {
	}
	w.other = g.p.era(w.other, w.year)
	w.city = pick(r, g.p.cities)
	if r.IntN(2) == 0 {
		w.home = named{name: w.city.parent}
	} else {
		w.home = pick(r, g.p.provinces)
	}

	chairAt := w.main
	if b, ok := g.p.byID["scio"]; ok && r.IntN(2) == 0 {
		chairAt = b
	}
	w.people = append(w.people, w.newPerson("spokesperson", chairAt))
	w.people = append(w.people, w.newPerson(headTitle(w.main), w.main))
	for range 1 + r.IntN(3) {
		title := "deputy " + headTitle(w.main)
		if r.IntN(2) == 0 {
			title = "director general of the " + pick(r, departments) + " Department"
		}
		w.people = append(w.people, w.newPerson(title, w.main))
	}
	if r.IntN(2) == 0 {
		w.people = append(w.people, w.newPerson(headTitle(w.other), w.other))
	}
	w.spokes = w.newPerson("spokesperson", w.other)
	return w
}

// headTitle is the title of the head of a body of that kind.
func headTitle(b body) string {
	switch b.kind {
	case "ministry":
		return "head"
	case "court", "procuratorate":
		return "vice president"
	case "commission":
		return "director"
	case "administration", "office":
		return "commissioner"
	default:
		return "director"
	}
}

// WriteDir writes documents 0 to Options.Documents-1 into dir (created if
// needed), several at a time, and returns how many files and bytes it
// wrote. It stops at the first error or when ctx is cancelled.
func (g *Generator) WriteDir(ctx context.Context, dir string) (files int, size int64, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, err
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next, nfiles, nbytes atomic.Int64
	var wg sync.WaitGroup
	for range g.opts.Workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= g.opts.Documents {
					return
				}
				name, text := g.Document(i)
				if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
					cancel(err)
					return
				}
				nfiles.Add(1)
				nbytes.Add(int64(len(text)))
			}
		})
	}
	wg.Wait()
	return int(nfiles.Load()), nbytes.Load(), context.Cause(ctx)
}
