package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" backend (see postgres.go)
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// Backends that Open accepts.
const (
	BackendBolt     = "bolt"
	BackendMemory   = "memory"
	BackendPostgres = "postgres"
)

// Errors that callers may test for with errors.Is.
var (
	// ErrLocked means another process holds the Bolt file.
	ErrLocked = errors.New("the store is held by another process")
	// ErrReadOnly means a write was attempted on a store opened read-only.
	ErrReadOnly = errors.New("the store is open read-only")
)

// Options say which store to open.
type Options struct {
	Backend     string        // BackendBolt (default), BackendMemory or BackendPostgres
	Path        string        // Bolt file path, or PostgreSQL URL; unused for memory
	ReadOnly    bool          // open without write access (Bolt: a shared lock; PostgreSQL: read-only sessions, no lock)
	LockTimeout time.Duration // how long to wait for a Bolt file held by another process; default 3s
	// BulkLoad tells a Bolt store that this process writes without
	// reading at the same time (ipgraph load): Bolt's memory map then
	// grows with the file, keeping the resident set small on large loads.
	// Otherwise the map is made large up front, because a re-map while a
	// read is running deadlocks (see boltMmapSize).
	BulkLoad bool
}

// Store is a Cayley quad store seen as a set of documents, each owning the
// quads labelled with its IRI. A Store is safe for concurrent use; writes
// are serialized.
type Store struct {
	qs       cgraph.QuadStore
	backend  string
	readOnly bool

	writeMu sync.Mutex    // one ReplaceDocument/DeleteDocument at a time
	memMu   *sync.RWMutex // non-nil for memstore, which is not safe for concurrent read and write
	pg      *pgExtra      // non-nil for PostgreSQL
	gen     atomic.Uint64 // bumped after every write that changed the store
	holder  *holder       // non-nil for a Bolt file held for writing (holder.go)
}

// Generation is a counter that every ReplaceDocument or DeleteDocument that
// changed the store increments after its transaction commits. Caches built
// from the store (e.g. an in-memory index) compare it to the value they
// were built at to know they are stale. On Bolt and memory it counts this
// process's writes, the only ones there can be; on PostgreSQL it also moves
// (once per poll, within about a second) when other processes wrote.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// Open opens (creating if needed, unless read-only) the store described by opts.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.Backend == "" {
		opts.Backend = BackendBolt
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = 3 * time.Second
	}
	s := &Store{backend: opts.Backend, readOnly: opts.ReadOnly}
	var err error
	switch opts.Backend {
	case BackendMemory:
		s.qs = memstore.New()
		s.memMu = new(sync.RWMutex)
	case BackendBolt:
		s.qs, err = openBolt(opts)
		if err == nil && !opts.ReadOnly {
			if err = s.removeStalePins(ctx); err != nil {
				s.qs.Close()
				err = fmt.Errorf("open bolt store %s: %w", opts.Path, err)
			} else {
				s.holder = claimHolder(opts.Path)
			}
		}
	case BackendPostgres:
		s.qs, s.pg, err = openSQL(ctx, opts)
	default:
		return nil, fmt.Errorf("open store: unknown backend %q (want bolt, memory or postgres)", opts.Backend)
	}
	if err != nil {
		return nil, err
	}
	if s.pg != nil {
		s.pg.watch(func() { s.gen.Add(1) })
	}
	return s, nil
}

// boltMmapSize is the initial size of a Bolt file's memory mapping when
// reads and writes may run at once.
const boltMmapSize = 64 << 30

func mmapSize(opts Options) int {
	if opts.BulkLoad || opts.ReadOnly {
		return 0 // Bolt's default: the map grows with the file
	}
	return boltMmapSize
}

func openBolt(opts Options) (cgraph.QuadStore, error) {
	if opts.Path == "" {
		return nil, errors.New("open bolt store: no file path given")
	}
	if opts.ReadOnly {
		if _, err := os.Stat(opts.Path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open bolt store %s: no such file; load documents into it first (ipgraph load --db %s PATH...)", opts.Path, opts.Path)
		} else if err != nil {
			return nil, fmt.Errorf("open bolt store %s read-only: %w", opts.Path, err)
		}
	} else if err := os.MkdirAll(filepath.Dir(opts.Path), 0o755); err != nil {
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, err)
	}
	// Cayley's own bolt registration opens with no options: an exclusive lock
	// and no timeout, so a second process would wait forever. Open the file
	// ourselves with a timeout (and a shared lock when read-only).
	// InitialMmapSize: Bolt re-maps the file when it grows past its mapping,
	// and a re-map waits for every read transaction; a Cayley scan holds one
	// while it opens more to read each quad's values, so a read during a
	// growing write deadlocked. A large mapping (address space only: pages
	// are read as used) makes re-maps rare.
	db, err := hbolt.Open(opts.Path, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly, InitialMmapSize: mmapSize(opts)})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, lockedError(opts.Path, opts.ReadOnly, opts.LockTimeout)
	}
	if err != nil {
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, err)
	}
	if !opts.ReadOnly {
		if err := kv.Init(db, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			db.Close()
			return nil, fmt.Errorf("initialize bolt store %s: %w", opts.Path, err)
		}
	}
	// no_bloom: otherwise every open scans the whole log to fill a bloom filter.
	qs, err := kv.New(db, cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, fmt.Errorf("open bolt store %s: not an ipgraph store (load documents into it first)", opts.Path)
		}
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, err)
	}
	return qs, nil
}

// Backend returns the name of the backend the store was opened with.
func (s *Store) Backend() string { return s.backend }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the store.
func (s *Store) Close() error {
	if s.holder != nil {
		s.holder.release() // before the lock goes
	}
	err := s.qs.Close()
	if s.pg != nil {
		err = errors.Join(err, s.pg.close())
	}
	if err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

func (s *Store) rlock() func() {
	if s.memMu == nil {
		return func() {}
	}
	s.memMu.RLock()
	return s.memMu.RUnlock
}

// Change reports what ReplaceDocument or DeleteDocument did.
type Change struct {
	Added   int // quads written
	Removed int // quads deleted
}

// ReplaceDocument makes triples the complete content of document doc (an
// IRI): quads of the previous version that are not in triples are deleted,
// new ones are added, and the document's manifest is rewritten, all in one
// backend transaction. Duplicate triples are stored once.
func (s *Store) ReplaceDocument(ctx context.Context, doc string, triples []Triple) (Change, error) {
	return s.write(ctx, doc, triples, false)
}

// DeleteDocument removes every quad document doc wrote. It reports whether
// the document was in the store.
func (s *Store) DeleteDocument(ctx context.Context, doc string) (bool, error) {
	ch, err := s.write(ctx, doc, nil, true)
	return ch.Removed > 0, err
}

func (s *Store) write(ctx context.Context, doc string, triples []Triple, deleting bool) (Change, error) {
	chs, err := s.writeMany(ctx, []DocumentWrite{{Doc: doc, Triples: triples}}, deleting)
	if err != nil {
		return Change{}, err
	}
	return chs[0], nil
}

// Manifest returns the triples document doc wrote, and whether it is in
// the store at all.
func (s *Store) Manifest(ctx context.Context, doc string) ([]Triple, bool, error) {
	ts, raw, err := s.manifest(ctx, doc)
	return ts, raw != "", err
}

func (s *Store) manifest(ctx context.Context, doc string) ([]Triple, string, error) {
	var raw []string
	err := s.scan(ctx, quad.Subject, quad.IRI(doc), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(PredManifest) && q.Label == quad.IRI(doc) {
			if t := fromValue(q.Object); t.Kind == KindString {
				raw = append(raw, t.Value)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("read manifest: %w", err)
	}
	switch len(raw) {
	case 0:
		return nil, "", nil
	case 1:
	default:
		return nil, "", fmt.Errorf("read manifest: document has %d manifests", len(raw))
	}
	ts, err := decodeManifest(raw[0])
	if err != nil {
		return nil, "", fmt.Errorf("read manifest: %w", err)
	}
	return ts, raw[0], nil
}

func (s *Store) manifestQuad(doc, manifest string) quad.Quad {
	return quad.Quad{Subject: quad.IRI(doc), Predicate: quad.IRI(PredManifest), Object: s.value(String(manifest)), Label: quad.IRI(doc)}
}

// A manifest is a JSON array of [subject, predicate, kind, value] rows,
// sorted, so that the same content always encodes to the same string;
// stored compressed when large (manifest.go).
func encodeManifest(ts []Triple) (string, error) {
	rows := make([][4]string, len(ts))
	for i, t := range ts {
		rows[i] = [4]string{t.Subject, t.Predicate, strconv.Itoa(int(t.Object.Kind)), t.Object.Value}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return "", err
	}
	return packManifest(b), nil
}

func decodeManifest(s string) ([]Triple, error) {
	js, err := unpackManifest(s)
	if err != nil {
		return nil, err
	}
	var rows [][4]string
	if err := json.Unmarshal(js, &rows); err != nil {
		return nil, err
	}
	ts := make([]Triple, len(rows))
	for i, r := range rows {
		k, err := strconv.Atoi(r[2])
		if err != nil || k < int(KindIRI) || k > int(KindInt) {
			return nil, fmt.Errorf("manifest row %d: bad kind %q", i, r[2])
		}
		ts[i] = Triple{Subject: r[0], Predicate: r[1], Object: Term{Kind: Kind(k), Value: r[3]}}
	}
	return ts, nil
}

// dedupe returns the distinct triples of ts, sorted.
func dedupe(ts []Triple) []Triple {
	out := make([]Triple, 0, len(ts))
	seen := make(map[Triple]bool, len(ts))
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.Object.Kind != b.Object.Kind {
			return a.Object.Kind < b.Object.Kind
		}
		return a.Object.Value < b.Object.Value
	})
	return out
}

// value is t as this store writes and looks it up: toValue, but on
// PostgreSQL strings that Cayley's SQL backend would not read back intact
// are escaped (pgEscape).
func (s *Store) value(t Term) quad.Value {
	if s.pg != nil && t.Kind == KindString && pgNeedsEscape(t.Value) {
		return quad.TypedString{Value: quad.String(pgEscape(t.Value)), Type: pgEscaped}
	}
	return toValue(t)
}

func toValue(t Term) quad.Value {
	switch t.Kind {
	case KindIRI:
		return quad.IRI(t.Value)
	case KindFloat:
		if f, err := strconv.ParseFloat(t.Value, 64); err == nil {
			return quad.Float(f)
		}
	case KindInt:
		if n, err := strconv.ParseInt(t.Value, 10, 64); err == nil {
			return quad.Int(n)
		}
	}
	return quad.String(t.Value)
}

func fromValue(v quad.Value) Term {
	switch v := v.(type) {
	case quad.IRI:
		return IRI(string(v))
	case quad.String:
		return String(string(v))
	case quad.Float:
		return Float(float64(v))
	case quad.Int:
		return Int(int64(v))
	case quad.TypedString:
		switch v.Type {
		case pgEscaped:
			return String(pgUnescape(string(v.Value)))
		case XSDDouble:
			if f, err := strconv.ParseFloat(string(v.Value), 64); err == nil {
				return Float(f)
			}
		case XSDInteger:
			if n, err := strconv.ParseInt(string(v.Value), 10, 64); err == nil {
				return Int(n)
			}
		}
		return String(string(v.Value))
	case nil:
		return Term{}
	default:
		return String(v.String())
	}
}

func (s *Store) toQuad(t Triple, label quad.Value) quad.Quad {
	return quad.Quad{Subject: quad.IRI(t.Subject), Predicate: quad.IRI(t.Predicate), Object: s.value(t.Object), Label: label}
}

func fromQuad(q quad.Quad) Quad {
	var label string
	if l, ok := q.Label.(quad.IRI); ok {
		label = string(l)
	}
	var subj, pred string
	if v, ok := q.Subject.(quad.IRI); ok {
		subj = string(v)
	}
	if v, ok := q.Predicate.(quad.IRI); ok {
		pred = string(v)
	}
	return Quad{Triple: Triple{Subject: subj, Predicate: pred, Object: fromValue(q.Object)}, Label: label}
}
