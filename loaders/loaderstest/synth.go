package loaderstest

import (
	"context"
	"fmt"
	"math/rand/v2"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
)

// Synth generates a synthetic corpus of extractions in ipgraph's real
// shape (loaders.Extraction → Triples): documents naming agencies, persons,
// programs, regions and laws, with relations among them (memberOf, runs,
// locatedIn, issued, implements, cooperatesWith, partOf), each with its
// evidence sentence, and statistics about regions and agencies. The same
// seed and size give the same documents. Entities keep their names and
// "home" relations across documents (a person is a member of the same
// agency wherever she is named), so the graph has the structure of a real
// corpus rather than of random edges.
type Synth struct {
	seed uint64
	// pool sizes
	agencies, persons, programs, regions, laws int
}

// NewSynth returns a generator whose entity pools suit a store of about
// quads quads (one entity per ~40 quads).
func NewSynth(seed uint64, quads int) *Synth {
	n := max(quads/40, 60)
	return &Synth{seed: seed, agencies: n / 10, persons: n * 4 / 10, programs: n * 3 / 10, regions: n / 10, laws: n / 10}
}

// Agency returns the entity id of the i-th agency (0 ≤ i), e.g. for a
// benchmark's start entity.
func (s *Synth) Agency(i int) string { return fmt.Sprintf("agency-%d", i%s.agencies) }

// Region returns the entity id of the i-th region.
func (s *Synth) Region(i int) string { return fmt.Sprintf("region-%d", i%s.regions) }

var synthMetrics = []struct{ metric, unit string }{
	{"invention patent applications", "applications"},
	{"invention patents granted", "patents"},
	{"trademark registrations", "registrations"},
	{"invention patents per 10,000 people", "patents per 10,000 people"},
	{"patent pledge financing", "yuan"},
	{"PCT international applications", "applications"},
}

// Doc returns the i-th synthetic document (0 ≤ i).
func (s *Synth) Doc(i int) *loaders.Extraction {
	r := rand.New(rand.NewPCG(s.seed, uint64(i)))
	year := 2015 + i%10
	ex := &loaders.Extraction{
		Doc:   fmt.Sprintf("synthetic_%06d.txt", i),
		Title: fmt.Sprintf("Synthetic report %d", i),
		Date:  fmt.Sprintf("%d-%02d-%02d", year, 1+i%12, 1+i%28),
	}
	offset := 0
	sentence := func(text string) loaders.Sentence {
		st := loaders.Sentence{Text: text, Offset: offset}
		offset += len(text) + 1
		return st
	}
	named := map[string]bool{}
	entity := func(typ loaders.EntityType, id, name, alias string) string {
		if named[id] {
			return id
		}
		named[id] = true
		ex.Entities = append(ex.Entities, loaders.Entity{
			ID: id, Type: typ, Name: name, Aliases: []string{alias},
			Mentions: []loaders.Sentence{sentence(fmt.Sprintf("The report names %s (%s).", name, alias))},
		})
		return id
	}
	agency := func(k int) string {
		k %= s.agencies
		return entity(loaders.Agency, fmt.Sprintf("agency-%d", k), fmt.Sprintf("National Office %d for Intellectual Property", k), fmt.Sprintf("NOIP-%d", k))
	}
	person := func(k int) string {
		k %= s.persons
		return entity(loaders.Person, fmt.Sprintf("person-%d", k), fmt.Sprintf("Person Number %d", k), fmt.Sprintf("Director %d", k))
	}
	program := func(k int) string {
		k %= s.programs
		return entity(loaders.Program, fmt.Sprintf("program-%d", k), fmt.Sprintf("Patent Pilot Program %d", k), fmt.Sprintf("PPP %d", k))
	}
	region := func(k int) string {
		k %= s.regions
		return entity(loaders.Region, fmt.Sprintf("region-%d", k), fmt.Sprintf("Province %d", k), fmt.Sprintf("Prov. %d", k))
	}
	law := func(k int) string {
		k %= s.laws
		return entity(loaders.Law, fmt.Sprintf("law-%d", k), fmt.Sprintf("Regulation %d on Patents", k), fmt.Sprintf("Reg. %d", k))
	}
	relate := func(subj, pred, obj string) {
		st := sentence(fmt.Sprintf("Synthetic statement: %s %s %s.", subj, pred, obj))
		ex.Relations = append(ex.Relations, loaders.Relation{Subject: subj, Predicate: pred, Object: obj, Sentence: st.Text, Offset: st.Offset})
	}
	// Home relations, the same in every document: person p is a member of
	// agency p mod A, program g is run by agency g mod A and located in
	// region g mod R, implements law g mod L; agency a issued law a mod L.
	for range 8 {
		p := r.IntN(s.persons)
		relate(person(p), "memberOf", agency(p))
	}
	for range 5 {
		g := r.IntN(s.programs)
		relate(agency(g), "runs", program(g))
		relate(program(g), "locatedIn", region(g))
		if r.IntN(2) == 0 {
			relate(program(g), "implements", law(g))
		}
	}
	for range 2 {
		a := r.IntN(s.agencies)
		relate(agency(a), "issued", law(a))
	}
	a, b := r.IntN(s.agencies), r.IntN(s.agencies)
	if a != b {
		relate(agency(a), "cooperatesWith", agency(b))
	}
	if k := r.IntN(s.regions); k > 0 {
		relate(region(k), "partOf", region(k/8))
	}
	for n := range 4 {
		m := synthMetrics[r.IntN(len(synthMetrics))]
		var subj string
		if n%2 == 0 {
			subj = region(r.IntN(s.regions))
		} else {
			subj = agency(r.IntN(s.agencies))
		}
		rep := agency(r.IntN(s.agencies))
		st := sentence(fmt.Sprintf("In %d, %s reached %d %s.", year, m.metric, 1000+r.IntN(100000), m.unit))
		ex.Statistics = append(ex.Statistics, loaders.Statistic{
			ID: fmt.Sprintf("s%d", n+1), Metric: m.metric, Value: float64(1000 + r.IntN(100000)), Unit: m.unit,
			Period: fmt.Sprint(year), Subject: subj, ReportedBy: rep, Sentence: st.Text, Offset: st.Offset,
		})
	}
	return ex
}

// WriteSynth writes synthetic documents 0, 1, … into store until it holds
// at least quads quads (counting what the writes added), and returns the
// number of documents and quads written. progress, when not nil, is
// called after each document with the counts so far and the document.
func WriteSynth(ctx context.Context, store *graph.Store, s *Synth, quads int, progress func(docs, quads int, ex *loaders.Extraction)) (int, int, error) {
	docs, added := 0, 0
	for added < quads {
		ex := s.Doc(docs)
		ch, err := loaders.Write(ctx, store, ex)
		if err != nil {
			return docs, added, err
		}
		docs++
		added += ch.Added
		if progress != nil {
			progress(docs, added, ex)
		}
	}
	return docs, added, nil
}
