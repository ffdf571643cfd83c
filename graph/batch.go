package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// DocumentWrite is one document's complete new content, for
// Store.ReplaceDocuments.
type DocumentWrite struct {
	Doc     string // the document's IRI
	Triples []Triple
}

// ReplaceDocuments is ReplaceDocument for several documents in one backend
// transaction: either all of them are written or none is. Loading in
// batches of a few thousand quads is several times faster on Bolt than one
// transaction per document. A document may appear only once per call.
func (s *Store) ReplaceDocuments(ctx context.Context, docs []DocumentWrite) ([]Change, error) {
	return s.writeMany(ctx, docs, false)
}

// what names the documents of a write in error messages.
func what(docs []DocumentWrite) string {
	if len(docs) == 1 {
		return "document " + docs[0].Doc
	}
	return fmt.Sprintf("%d documents (%s, …)", len(docs), docs[0].Doc)
}

// writeMany replaces (or, deleting, removes) each document's quads with
// one ApplyDeltas: per document, the quads its manifest lists and the new
// triples lack are deleted, the new ones added, and the manifest rewritten.
func (s *Store) writeMany(ctx context.Context, docs []DocumentWrite, deleting bool) ([]Change, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	if s.readOnly {
		return nil, fmt.Errorf("write %s: %w", what(docs), ErrReadOnly)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	next := make([][]Triple, len(docs))
	manifests := make([]string, len(docs))
	seen := make(map[string]bool, len(docs))
	for i, d := range docs {
		if seen[d.Doc] {
			return nil, fmt.Errorf("write %s: document %s is given twice", what(docs), d.Doc)
		}
		seen[d.Doc] = true
		next[i] = dedupe(d.Triples)
		m, err := encodeManifest(next[i])
		if err != nil {
			return nil, fmt.Errorf("write document %s: %w", d.Doc, err)
		}
		manifests[i] = m
	}

	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.pg != nil {
		// Other processes may write to the same database (see postgres.go).
		unlock, err := s.pg.lockWrites(ctx)
		if err != nil {
			return nil, fmt.Errorf("write %s: %w", what(docs), err)
		}
		defer unlock()
	}
	changes := make([]Change, len(docs))
	var deltas []cgraph.Delta
	for i, d := range docs {
		ds, ch, err := s.documentDeltas(ctx, d.Doc, next[i], manifests[i], deleting)
		if err != nil {
			return nil, fmt.Errorf("write document %s: %w", d.Doc, err)
		}
		deltas = append(deltas, ds...)
		changes[i] = ch
	}
	if len(deltas) == 0 {
		return changes, nil
	}
	if s.memMu != nil {
		s.memMu.Lock()
		defer s.memMu.Unlock()
	}
	var pins []cgraph.Delta
	if s.backend == BackendBolt {
		pins = pinDeltas(deltas) // see pins.go
		deltas = append(deltas, pins...)
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		if s.pg != nil {
			err = explainPQ(err)
		}
		return nil, fmt.Errorf("write %s: %w", what(docs), err)
	}
	s.unpin(pins)
	if s.pg != nil {
		// Committed; a failure to bump the sequence only delays other
		// processes' caches until the next write.
		_ = s.pg.wrote(ctx, len(deltas), func() { s.gen.Add(1) })
	} else {
		s.gen.Add(1)
	}
	return changes, nil
}

// documentDeltas returns the deltas that turn document doc's stored quads
// into next (or remove them, deleting), nothing when they are the same.
func (s *Store) documentDeltas(ctx context.Context, doc string, next []Triple, nextManifest string, deleting bool) ([]cgraph.Delta, Change, error) {
	prev, prevManifest, err := s.manifest(ctx, doc)
	if err != nil {
		return nil, Change{}, err
	}
	if !deleting && prevManifest == nextManifest {
		return nil, Change{}, nil // the same content: nothing to do
	}
	label := quad.IRI(doc)
	var deltas []cgraph.Delta
	var ch Change
	keep := make(map[Triple]bool, len(next))
	for _, t := range next {
		keep[t] = true
	}
	had := make(map[Triple]bool, len(prev))
	for _, t := range prev {
		had[t] = true
		if !keep[t] {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: s.toQuad(t, label)})
			ch.Removed++
		}
	}
	for _, t := range next {
		if !had[t] {
			deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: s.toQuad(t, label)})
			ch.Added++
		}
	}
	if prevManifest != "" {
		deltas = append(deltas, cgraph.Delta{Action: cgraph.Delete, Quad: s.manifestQuad(doc, prevManifest)})
		ch.Removed++
	}
	if !deleting {
		deltas = append(deltas, cgraph.Delta{Action: cgraph.Add, Quad: s.manifestQuad(doc, nextManifest)})
		ch.Added++
	}
	return deltas, ch, nil
}
