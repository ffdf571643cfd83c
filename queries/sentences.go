package queries

import (
	"context"
	"fmt"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
)

// SearchEvidence returns the sentences, in every document or in doc (a
// document name or IRI) when it is not empty, that contain every content
// word of text (case, punctuation, plurals and small words ignored),
// sorted by document and offset. It finds what the recognizers left as
// plain text ("the patent open-license system"), and each sentence leads
// on to the entities it names (SentenceEntities).
func (s *Service) SearchEvidence(ctx context.Context, text, doc string) ([]Evidence, error) {
	words := metricWords(text)
	if len(words) == 0 {
		return nil, fmt.Errorf("sentences: give some words to look for")
	}
	iris, err := s.store.Subjects(ctx, graph.RDFType, graph.IRI(graph.TypeSentence))
	if err != nil {
		return nil, fmt.Errorf("sentences: %w", err)
	}
	var docPrefix string
	if doc != "" {
		docPrefix = graph.ExpandDocumentID(doc) + "#"
	}
	var out []Evidence
	for _, iri := range iris {
		if docPrefix != "" && !strings.HasPrefix(iri, docPrefix) {
			continue
		}
		ev, err := s.sentence(ctx, iri)
		if err != nil {
			return nil, err
		}
		if containsAll(metricWords(ev.Sentence), words) {
			out = append(out, ev)
		}
	}
	sortEvidence(out)
	return uniqEvidence(out), nil
}
