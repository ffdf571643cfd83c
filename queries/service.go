package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/graph"
)

// Service answers queries over one store.
type Service struct {
	store *graph.Store
	ix    indexState // optional in-memory index (UseIndex)
}

// New returns a Service reading from store.
func New(store *graph.Store) *Service { return &Service{store: store} }

// Store returns the store the service reads.
func (s *Service) Store() *graph.Store { return s.store }

// Entity returns the entity named by id (a short id or an IRI), or nil when
// there is none.
func (s *Service) Entity(ctx context.Context, id string) (*Entity, error) {
	iri := graph.ExpandEntityID(id)
	if ix := s.index(ctx); ix != nil {
		// An entity the index lacks may be new: a write can commit between
		// the caller's read that named it (e.g. a document's mentions) and
		// this lookup. The store has it then.
		if e := ix.entity(iri); e != nil {
			return e, nil
		}
	}
	quads, err := s.store.QuadsFrom(ctx, iri)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", id, err)
	}
	return entityFromQuads(iri, quads), nil
}

// entityFromQuads builds an Entity from its outgoing quads; nil if none of
// them gives it an entity type. The canonical name is the label most
// documents agree on (ties: the longest); other labels become aliases.
func entityFromQuads(iri string, quads []graph.Quad) *Entity {
	e := &Entity{IRI: iri, ID: graph.LocalID(iri)}
	labels := map[string]int{}
	aliases := map[string]bool{}
	typeRank := len(graph.EntityTypeNames)
	for _, q := range quads {
		switch q.Predicate {
		case graph.RDFType:
			if name, ok := graph.VocabName(q.Object.Value); ok {
				for i, t := range graph.EntityTypeNames {
					if t == name && i < typeRank {
						typeRank, e.Type = i, t
					}
				}
			}
		case graph.RDFSLabel:
			labels[q.Object.Value]++
		case graph.SKOSAltLabel:
			aliases[q.Object.Value] = true
		}
	}
	if e.Type == "" {
		return nil
	}
	for l, n := range labels {
		best := labels[e.Name]
		if e.Name == "" || n > best || (n == best && (len(l) > len(e.Name) || (len(l) == len(e.Name) && l < e.Name))) {
			e.Name = l
		}
	}
	for l := range labels {
		aliases[l] = true
	}
	delete(aliases, e.Name)
	e.Aliases = sortedKeys(aliases)
	if e.Name == "" {
		e.Name = e.ID
	}
	return e
}

// EntityByName returns the entity whose canonical name or any alias equals
// name after normalization (graph.NameKey), or nil. When several entities
// share the name, the most mentioned one wins.
func (s *Service) EntityByName(ctx context.Context, name string) (*Entity, error) {
	iris, err := s.store.Subjects(ctx, graph.PredKey, graph.String(graph.NameKey(name)))
	if err != nil {
		return nil, fmt.Errorf("entity named %q: %w", name, err)
	}
	var best *Entity
	bestDocs := -1
	for _, iri := range iris {
		e, err := s.Entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		if e == nil {
			continue
		}
		docs, err := s.store.Subjects(ctx, graph.PredMentions, graph.IRI(iri))
		if err != nil {
			return nil, err
		}
		if len(docs) > bestDocs || (len(docs) == bestDocs && e.IRI < best.IRI) {
			best, bestDocs = e, len(docs)
		}
	}
	return best, nil
}

// Entities returns the entities of one type (all types when typ is ""),
// limited to those a document mentions when doc is not "", sorted by name.
func (s *Service) Entities(ctx context.Context, typ, doc string) ([]Entity, error) {
	var iris []string
	var err error
	if doc != "" {
		var objs []graph.Term
		objs, err = s.store.Objects(ctx, graph.ExpandDocumentID(doc), graph.PredMentions)
		for _, o := range objs {
			iris = append(iris, o.Value)
		}
	} else {
		types := graph.EntityTypeNames
		if typ != "" {
			types = []string{typ}
		}
		for _, t := range types {
			var some []string
			some, err = s.store.Subjects(ctx, graph.RDFType, graph.IRI(graph.TypeIRI(t)))
			if err != nil {
				break
			}
			iris = append(iris, some...)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	out, err := s.entities(ctx, uniq(iris))
	if err != nil {
		return nil, err
	}
	if typ != "" {
		kept := out[:0]
		for _, e := range out {
			if e.Type == typ {
				kept = append(kept, e)
			}
		}
		out = kept
	}
	sortEntities(out)
	return out, nil
}

// entities loads each IRI that is an entity, skipping the others.
func (s *Service) entities(ctx context.Context, iris []string) ([]Entity, error) {
	out := make([]Entity, 0, len(iris))
	for _, iri := range iris {
		e, err := s.Entity(ctx, iri)
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, *e)
		}
	}
	return out, nil
}

// Search returns the entities whose names or aliases match text, best
// first. Matching ignores case, accents and punctuation (graph.NameKey) and
// ranks, from best: the whole name; the name starting with text as whole
// words, or as a prefix; text as whole words inside the name; text at the
// start of a word inside the name (or anywhere, for Chinese and other
// scripts written without spaces); every word of text a word of the name,
// in any order; every word of text the start of a word of the name; and
// last, text matching with the spaces removed ("openlicensing" finds
// "open-licensing"). At the same rank a match on the canonical name beats
// one on an alias, then shorter names come first. types, when not empty,
// restricts the entity types.
func (s *Service) Search(ctx context.Context, text string, types []string) ([]Entity, error) {
	key := graph.NameKey(text)
	if key == "" {
		return nil, nil
	}
	words := strings.Fields(key)
	all, err := s.Entities(ctx, "", "")
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	allowed := setOf(types)
	type hit struct {
		e    Entity
		rank int
	}
	var hits []hit
	for _, e := range all {
		if len(allowed) > 0 && !allowed[e.Type] {
			continue
		}
		rank := 2 * matchRank(graph.NameKey(e.Name), key, words)
		if rank > 0 {
			rank++ // the canonical name
		}
		for _, n := range e.Aliases {
			if r := 2 * matchRank(graph.NameKey(n), key, words); r > rank {
				rank = r
			}
		}
		if rank > 0 {
			hits = append(hits, hit{e, rank})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank > hits[j].rank
		}
		return len(hits[i].e.Name) < len(hits[j].e.Name)
	})
	out := make([]Entity, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out, nil
}

// matchRank scores how well a normalized name matches a normalized query
// (see Search), from 8 (equal) down to 1; 0 is no match.
func matchRank(name, key string, words []string) int {
	padded := " " + name + " "
	switch {
	case name == "":
		return 0
	case name == key:
		return 8
	case strings.HasPrefix(name, key+" "):
		return 7
	case strings.HasPrefix(name, key):
		return 6
	case strings.Contains(padded, " "+key+" "):
		return 5
	case strings.Contains(padded, " "+key) || (hasUnspaced(key) && strings.Contains(name, key)):
		return 4
	}
	nameWords := strings.Fields(name)
	whole, prefix := true, true
	for _, w := range words {
		foundWhole, foundPrefix := false, false
		for _, n := range nameWords {
			foundWhole = foundWhole || n == w
			foundPrefix = foundPrefix || strings.HasPrefix(n, w) || (hasUnspaced(w) && strings.Contains(n, w))
		}
		whole = whole && foundWhole
		prefix = prefix && foundPrefix
	}
	switch {
	case len(words) == 0:
		return 0
	case whole:
		return 3
	case prefix:
		return 2
	}
	// Spaces removed: "open licensing" and "openlicensing" both find
	// "open-licensing", "covid19" finds "COVID-19"; from a word start only.
	compactKey := strings.ReplaceAll(key, " ", "")
	if len(compactKey) < 3 {
		return 0
	}
	for i := 0; i < len(name); i++ {
		if (i == 0 || name[i-1] == ' ') && strings.HasPrefix(strings.ReplaceAll(name[i:], " ", ""), compactKey) {
			return 1
		}
	}
	return 0
}

// hasUnspaced reports whether s contains a character of a script written
// without spaces between words (Han, Hiragana, Katakana, Thai…), where a
// query may match inside a "word".
func hasUnspaced(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return true
		}
	}
	return false
}

// Relations returns the relations of an entity in the given direction,
// restricted to predicates when that is not empty, sorted by predicate and
// then by the other entity's IRI.
func (s *Service) Relations(ctx context.Context, id string, predicates []string, dir Direction) ([]Relation, error) {
	iri := graph.ExpandEntityID(id)
	if ix := s.index(ctx); ix != nil {
		return ix.relations(iri, predicates, dir), nil
	}
	allowed := map[string]bool{}
	for _, p := range predicates {
		allowed[p] = true
	}
	seen := map[Relation]bool{}
	var out []Relation
	collect := func(quads []graph.Quad) {
		for _, q := range quads {
			name, ok := graph.VocabName(q.Predicate)
			if !ok || !graph.IsRelationPredicate(name) || !q.Object.IsIRI() {
				continue
			}
			if len(allowed) > 0 && !allowed[name] {
				continue
			}
			r := Relation{Predicate: name, Source: q.Subject, Target: q.Object.Value}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	if dir == Both || dir == Out {
		quads, err := s.store.QuadsFrom(ctx, iri)
		if err != nil {
			return nil, fmt.Errorf("relations of %s: %w", id, err)
		}
		collect(quads)
	}
	if dir == Both || dir == In {
		quads, err := s.store.QuadsTo(ctx, graph.IRI(iri))
		if err != nil {
			return nil, fmt.Errorf("relations of %s: %w", id, err)
		}
		collect(quads)
	}
	sortRelations(out)
	return out, nil
}

// RelationEvidence returns the sentences that state r, in every document.
func (s *Service) RelationEvidence(ctx context.Context, r Relation) ([]Evidence, error) {
	stmts, err := s.statementsFrom(ctx, r.Source)
	if err != nil {
		return nil, err
	}
	return s.statementEvidence(ctx, stmts[r])
}

// Position is a body a person is a member of, with the title the
// documents give ("deputy commissioner"), from the person's memberOf
// relations.
type Position struct {
	Body     string // entity IRI
	Title    string // the first title the evidence gives, "" when none does
	Evidence []Evidence
}

// Positions returns the memberOf relations of a person as positions,
// sorted by body.
func (s *Service) Positions(ctx context.Context, id string) ([]Position, error) {
	rs, err := s.Relations(ctx, id, []string{"memberOf"}, Out)
	if err != nil {
		return nil, err
	}
	var out []Position
	for _, r := range rs {
		evs, err := s.RelationEvidence(ctx, r)
		if err != nil {
			return nil, err
		}
		p := Position{Body: r.Target, Evidence: evs}
		for _, ev := range evs {
			if ev.Note != "" {
				p.Title = ev.Note
				break
			}
		}
		out = append(out, p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Body < out[b].Body })
	return out, nil
}

// statement is one rdf:Statement recording a relation: its IRI and the
// IRI of the sentence it was read from.
type statement struct {
	IRI       string
	Sentence  string
	KnownFrom string // background knowledge: no sentence
	Note      string
	Document  string
}

// statementsFrom returns the statements of every relation whose source is
// source, grouped by relation, in one pass over the source's statements.
func (s *Service) statementsFrom(ctx context.Context, source string) (map[Relation][]statement, error) {
	iris, err := s.store.Subjects(ctx, graph.RDFSubject, graph.IRI(source))
	if err != nil {
		return nil, fmt.Errorf("statements about %s: %w", source, err)
	}
	out := map[Relation][]statement{}
	for _, iri := range iris {
		quads, err := s.store.QuadsFrom(ctx, iri)
		if err != nil {
			return nil, fmt.Errorf("statement %s: %w", iri, err)
		}
		r := Relation{Source: source}
		st := statement{IRI: iri}
		for _, q := range quads {
			switch q.Predicate {
			case graph.RDFPredicate:
				r.Predicate, _ = graph.VocabName(q.Object.Value)
			case graph.RDFObject:
				r.Target = q.Object.Value
			case graph.PredEvidence:
				st.Sentence = q.Object.Value
			case graph.PredKnownFrom:
				st.KnownFrom = q.Object.Value
			case graph.PredNote:
				st.Note = q.Object.Value
			case graph.ProvDerived:
				st.Document = q.Object.Value
			}
		}
		if r.Predicate != "" && r.Target != "" && (st.Sentence != "" || st.KnownFrom != "") {
			out[r] = append(out[r], st)
		}
	}
	return out, nil
}

// statementEvidence reads the sentences of stmts, sorted and without
// repeats.
func (s *Service) statementEvidence(ctx context.Context, stmts []statement) ([]Evidence, error) {
	var out []Evidence
	for _, st := range stmts {
		if st.Sentence == "" {
			out = append(out, Evidence{Document: st.Document, Offset: -1, Kind: EvidenceBackground, KnownFrom: st.KnownFrom})
			continue
		}
		ev, err := s.sentence(ctx, st.Sentence)
		if err != nil {
			return nil, err
		}
		ev.Note = st.Note
		out = append(out, ev)
	}
	sortEvidence(out)
	return uniqEvidence(out), nil
}

// EntityEvidence returns the sentences that mention an entity.
func (s *Service) EntityEvidence(ctx context.Context, id string) ([]Evidence, error) {
	sents, err := s.store.Subjects(ctx, graph.PredRefersTo, graph.IRI(graph.ExpandEntityID(id)))
	if err != nil {
		return nil, fmt.Errorf("evidence of %s: %w", id, err)
	}
	out := make([]Evidence, 0, len(sents))
	for _, iri := range sents {
		ev, err := s.sentence(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, ev)
	}
	sortEvidence(out)
	return out, nil
}

func (s *Service) sentence(ctx context.Context, iri string) (Evidence, error) {
	quads, err := s.store.QuadsFrom(ctx, iri)
	if err != nil {
		return Evidence{}, fmt.Errorf("sentence %s: %w", iri, err)
	}
	ev := Evidence{IRI: iri, Kind: EvidenceSentence}
	for _, q := range quads {
		switch q.Predicate {
		case graph.PredText:
			ev.Sentence = q.Object.Value
		case graph.PredOffset:
			if n, ok := q.Object.Number(); ok {
				ev.Offset = int(n)
			}
		case graph.ProvDerived:
			ev.Document = q.Object.Value
		}
	}
	return ev, nil
}

// SentenceEntities returns the entities an evidence sentence names, sorted
// by name, keeping only those of types when types is not empty. It lets an
// analyst go from a figure or a relation to everything its sentence
// mentions (the companies behind a ranking, the co-issuers of a circular).
func (s *Service) SentenceEntities(ctx context.Context, sentence string, types []string) ([]Entity, error) {
	if sentence == "" {
		return nil, nil
	}
	quads, err := s.store.QuadsFrom(ctx, sentence)
	if err != nil {
		return nil, fmt.Errorf("entities of sentence %s: %w", sentence, err)
	}
	var iris []string
	for _, q := range quads {
		if q.Predicate == graph.PredRefersTo {
			iris = append(iris, q.Object.Value)
		}
	}
	es, err := s.entities(ctx, uniq(iris))
	if err != nil {
		return nil, err
	}
	sortEntities(es)
	if len(types) == 0 {
		return es, nil
	}
	keep := setOf(types)
	out := es[:0]
	for _, e := range es {
		if keep[e.Type] {
			out = append(out, e)
		}
	}
	return out, nil
}

// EntityDocuments returns the documents that mention an entity.
func (s *Service) EntityDocuments(ctx context.Context, id string) ([]Document, error) {
	docs, err := s.store.Subjects(ctx, graph.PredMentions, graph.IRI(graph.ExpandEntityID(id)))
	if err != nil {
		return nil, fmt.Errorf("documents of %s: %w", id, err)
	}
	return s.documents(ctx, docs)
}

func sortEntities(es []Entity) {
	sort.Slice(es, func(i, j int) bool {
		if es[i].Name != es[j].Name {
			return es[i].Name < es[j].Name
		}
		return es[i].IRI < es[j].IRI
	})
}

func sortEvidence(evs []Evidence) {
	sort.Slice(evs, func(i, j int) bool {
		if evs[i].Document != evs[j].Document {
			return evs[i].Document < evs[j].Document
		}
		return evs[i].Offset < evs[j].Offset
	})
}

func uniqEvidence(evs []Evidence) []Evidence {
	out := evs[:0]
	for i, e := range evs {
		if i == 0 || e != evs[i-1] {
			out = append(out, e)
		}
	}
	return out
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
