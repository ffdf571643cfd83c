package graph

import (
	"context"
	"fmt"
	"sort"
)

// Problem is one inconsistency Verify found.
type Problem struct {
	Document string // document IRI, or the orphan quad's label
	Detail   string
}

// VerifyReport is the outcome of Verify.
type VerifyReport struct {
	Documents int       // documents with a manifest
	Quads     int       // quads checked, manifests excluded
	Problems  []Problem // empty when the store is consistent
}

// Verify checks that every document is complete (each triple of its
// manifest is stored under its label, and nothing else is) and that no quad
// belongs to no document. It reads the whole store.
func (s *Store) Verify(ctx context.Context) (VerifyReport, error) {
	var rep VerifyReport
	byLabel := map[string]map[Triple]bool{}
	err := s.EachQuad(ctx, func(q Quad) error {
		rep.Quads++
		set := byLabel[q.Label]
		if set == nil {
			set = map[Triple]bool{}
			byLabel[q.Label] = set
		}
		set[q.Triple] = true
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("verify: %w", err)
	}
	var docs []string
	err = s.EachWithPredicate(ctx, PredManifest, func(q Quad) error {
		docs = append(docs, q.Label)
		return nil
	})
	if err != nil {
		return rep, fmt.Errorf("verify: %w", err)
	}
	sort.Strings(docs)
	rep.Documents = len(docs)
	for _, doc := range docs {
		want, _, err := s.manifest(ctx, doc)
		if err != nil {
			rep.Problems = append(rep.Problems, Problem{doc, err.Error()})
			continue
		}
		have := byLabel[doc]
		missing := 0
		for _, t := range want {
			if !have[t] {
				missing++
			}
			delete(have, t)
		}
		if missing > 0 {
			rep.Problems = append(rep.Problems, Problem{doc, fmt.Sprintf("%d of %d quads of its manifest are missing", missing, len(want))})
		}
		if len(have) > 0 {
			rep.Problems = append(rep.Problems, Problem{doc, fmt.Sprintf("%d quads are not in its manifest", len(have))})
		}
		delete(byLabel, doc)
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	for _, l := range labels {
		rep.Problems = append(rep.Problems, Problem{l, fmt.Sprintf("%d quads belong to no loaded document", len(byLabel[l]))})
	}
	return rep, nil
}
