package graph

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Cayley v0.7.7's kv backends (Bolt) net each node's reference count over
// one ApplyDeltas and resolve an added quad's nodes only among those whose
// net count is not negative. When a write removes more quads that use a
// node than it adds (a document re-loaded with fewer triples: its label;
// a predicate; an entity), every quad it adds is stored with that
// direction missing — the new manifest loses its label and the document
// its manifest.
//
// The store works around it without giving up one transaction per write:
// for every such node it adds, in the same transaction, as many "pin" quads
// <pinSubject> <pinPredicate> node <unique label> as the count falls
// short, so that no count nets below zero; a second transaction that only
// deletes (where the bug cannot strike) removes the pins right after. The
// content of the write is atomic either way; pins left by a crash between
// the two are invisible to every read (iterate skips them) and removed
// when the store is next opened for writing.
const (
	pinSubject   = Base + "internal:pins"
	pinPredicate = ipgVocabPrefix + "pin"
)

var pinSeq atomic.Uint64

// pinDeltas returns the pin quads that keep every node an added quad uses
// from a negative net reference count in deltas.
func pinDeltas(deltas []cgraph.Delta) []cgraph.Delta {
	net := map[quad.Value]int{}
	used := map[quad.Value]bool{}
	for _, d := range deltas {
		n := 1
		if d.Action == cgraph.Delete {
			n = -1
		}
		for _, dir := range quad.Directions {
			v := d.Quad.Get(dir)
			if v == nil {
				continue
			}
			net[v] += n
			if n > 0 {
				used[v] = true
			}
		}
	}
	var pins []cgraph.Delta
	write := strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.FormatUint(pinSeq.Add(1), 36)
	for v := range used {
		for k := net[v]; k < 0; k++ {
			label := quad.String(fmt.Sprintf("%s-%d", write, len(pins)))
			pins = append(pins, cgraph.Delta{Action: cgraph.Add, Quad: quad.Quad{
				Subject: quad.IRI(pinSubject), Predicate: quad.IRI(pinPredicate), Object: v, Label: label}})
		}
	}
	return pins
}

// unpin removes pins added by a write that has committed.
func (s *Store) unpin(pins []cgraph.Delta) {
	if len(pins) == 0 {
		return
	}
	dels := make([]cgraph.Delta, len(pins))
	for i, p := range pins {
		dels[i] = cgraph.Delta{Action: cgraph.Delete, Quad: p.Quad}
	}
	if err := s.qs.ApplyDeltas(dels, cgraph.IgnoreOpts{IgnoreMissing: true}); err != nil {
		// The write itself is committed; the pins are hidden from reads
		// and go at the next open for writing.
		slog.Warn("remove pin quads", "count", len(pins), "err", err)
	}
}

// removeStalePins deletes pins that a crash left behind.
func (s *Store) removeStalePins(ctx context.Context) error {
	var stale []cgraph.Delta
	err := s.iterateAll(ctx, s.quadIterator(quad.Subject, quad.IRI(pinSubject)), func(q quad.Quad) error {
		stale = append(stale, cgraph.Delta{Action: cgraph.Delete, Quad: q})
		return nil
	})
	if err != nil || len(stale) == 0 {
		return err
	}
	slog.Info("removing pin quads left by an interrupted write", "count", len(stale))
	return s.qs.ApplyDeltas(stale, cgraph.IgnoreOpts{IgnoreMissing: true})
}

// isPin reports whether q is a pin quad, which reads never show.
func isPin(q quad.Quad) bool {
	return q.Subject == quad.IRI(pinSubject)
}
