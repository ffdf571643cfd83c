package queries

import (
	"context"
	"fmt"
	"sort"

	"github.com/ipgraph/ipgraph/graph"
)

// Documents returns every loaded document, sorted by name.
func (s *Service) Documents(ctx context.Context) ([]Document, error) {
	iris, err := s.store.Subjects(ctx, graph.RDFType, graph.IRI(graph.TypeDocument))
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	return s.documents(ctx, iris)
}

// Document returns the document with the given id (its name or IRI), or
// nil when it is not loaded.
func (s *Service) Document(ctx context.Context, id string) (*Document, error) {
	docs, err := s.documents(ctx, []string{graph.ExpandDocumentID(id)})
	if err != nil || len(docs) == 0 {
		return nil, err
	}
	return &docs[0], nil
}

func (s *Service) documents(ctx context.Context, iris []string) ([]Document, error) {
	out := make([]Document, 0, len(iris))
	for _, iri := range iris {
		quads, err := s.store.QuadsFrom(ctx, iri)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", iri, err)
		}
		d := Document{IRI: iri, ID: graph.LocalID(iri)}
		isDoc := false
		for _, q := range quads {
			switch q.Predicate {
			case graph.RDFType:
				isDoc = isDoc || q.Object.Value == graph.TypeDocument
			case graph.DCTitle:
				d.Title = q.Object.Value
			case graph.DCDate:
				d.Date = q.Object.Value
			case graph.DCSource:
				d.Source = q.Object.Value
			case graph.PredHash:
				d.Hash = q.Object.Value
			}
		}
		if isDoc {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
