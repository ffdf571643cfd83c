package graph

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// PostgreSQL goes through Cayley's SQL backend (graph/sql/postgres, lib/pq):
// Cayley creates the `nodes` and `quads` tables, hashes the values and
// applies every write (ApplyDeltas, one transaction per call). Reads are
// SQL of the store's own over those tables (see "Reads" below). Beside them
// the store keeps a sequence (ipgraph_generation), an index
// (quads_label_hash_index, see pgSchema) and a connection pool of its own,
// for what Cayley does not do and a server shared by several processes
// needs:
//
//   - Writers in several processes (two `ipgraph load`, or a load beside a
//     server) are serialized by a session advisory lock held from reading a
//     document's manifest to the commit of its new quads. Without it two
//     writers of one document could both diff against the same old
//     manifest and leave two manifests behind. Bolt needs no such lock: it
//     lets one process open the file for writing.
//   - Generation sees the other processes' writes: each write bumps the
//     sequence, and a store polls it (every pgPollInterval), so a server's
//     in-memory index notices a load made by another process within about
//     a second. On Bolt and memory only this process can write.
//   - Size counts the tables itself: Cayley caches the counts and forgets
//     them only on its own writes, so they would go stale when another
//     process writes.
//
// Other differences from Bolt, documented where they live:
//
//   - ReadOnly does not lock anything: readers and one writer share the
//     database at the same time. A read-only store refuses writes itself
//     (ErrReadOnly), its sessions run with default_transaction_read_only, it
//     creates nothing, and opening one whose tables do not exist fails.
//   - Strings that contain a NUL or the four characters `\x00` are stored
//     under a private datatype (see pgEscaped): Cayley writes NUL as `\x00`
//     and reads every `\x00` back as NUL, which would corrupt them.
//   - Cayley's postgres ApplyDeltas with IgnoreDup skips a duplicate quad but
//     still counts a reference to its nodes, so such a node would never be
//     deleted. ReplaceDocument never asks for a quad that its manifest says
//     is absent, and the advisory lock keeps the manifests exact, so this
//     does not happen through Store.
//   - After a write that brings the rows written since the last ANALYZE
//     over half the table, the store runs ANALYZE (maybeAnalyze).

// pgSchema is what the store adds to Cayley's tables, created (when
// missing) by every open that may write.
var pgSchema = []string{
	`CREATE SEQUENCE IF NOT EXISTS ipgraph_generation`,
	// Cayley declares a foreign key from quads.label_hash to nodes but
	// indexes no column starting with it: every node that a write leaves
	// unreferenced (DELETE FROM nodes WHERE refs <= 0) costs a scan of all
	// quads to check the key. 80 ms per ReplaceDocument at 50k quads
	// without this index.
	`CREATE INDEX IF NOT EXISTS quads_label_hash_index ON quads (label_hash)`,
}

// pgPollInterval is how often a PostgreSQL store looks for writes made by
// other processes (Generation).
var pgPollInterval = time.Second

// pgEscaped is the datatype of strings stored escaped on PostgreSQL.
const pgEscaped = "urn:ipgraph:x-pg-escaped"

// pgExtra is what a PostgreSQL store keeps beside Cayley's QuadStore.
type pgExtra struct {
	db  *sql.DB // ipgraph's own pool: reads, locks, the generation sequence, counts
	url string  // redacted, for messages

	mu           sync.Mutex // orders writes' bumps and polls so that one write moves Generation once
	lastSeen     int64      // the sequence value this store last accounted for
	hasSeq       bool       // false on a read-only store created before the sequence existed
	sinceAnalyze int64      // deltas written since this store last ran ANALYZE
	analyzedAt   int64      // quads then

	scans map[quad.Direction]*sql.Stmt // pgScanQueries, prepared
	known map[quad.Direction]*sql.Stmt // pgKnownQueries, prepared

	stop chan struct{}
	done chan struct{}
}

func openSQL(ctx context.Context, opts Options) (cgraph.QuadStore, *pgExtra, error) {
	if opts.Path == "" {
		return nil, nil, errors.New("open postgres store: no URL given (--db postgres://USER@HOST:PORT/DB?sslmode=disable)")
	}
	addr := opts.Path
	if opts.ReadOnly {
		// The server refuses writes in these sessions too.
		var err error
		if addr, err = withPostgresParam(addr, "default_transaction_read_only", "on"); err != nil {
			return nil, nil, fmt.Errorf("open postgres store: %w", err)
		}
	}
	pg := &pgExtra{url: redactURL(opts.Path)}
	db, err := sql.Open("postgres", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("open postgres store %s: %w", pg.url, err)
	}
	// No cap on open connections (as Cayley's own pool): a reader's
	// callback may query the store while its scan holds a connection. The
	// server's max_connections is the limit.
	db.SetMaxIdleConns(8)
	pg.db = db
	fail := func(err error) (cgraph.QuadStore, *pgExtra, error) {
		db.Close()
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return fail(fmt.Errorf("open postgres store %s: %w", pg.url, explainPQ(err)))
	}
	var haveTables bool
	err = db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&haveTables)
	if err != nil {
		return fail(fmt.Errorf("open postgres store %s: %w", pg.url, explainPQ(err)))
	}
	if opts.ReadOnly {
		if !haveTables {
			return fail(fmt.Errorf("open postgres store %s read-only: it has no ipgraph tables; load documents into it first (ipgraph load --backend postgres --db URL PATH...)", pg.url))
		}
	} else {
		if !haveTables {
			// Cayley's Init logs an error when the tables exist; ask only when they do not.
			if err := cgraph.InitQuadStore(BackendPostgres, addr, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
				return fail(fmt.Errorf("initialize postgres store %s: %w", pg.url, explainPQ(err)))
			}
		}
		for _, stmt := range pgSchema {
			if _, err := db.ExecContext(ctx, stmt); err != nil && !isUniqueViolation(err) {
				return fail(fmt.Errorf("initialize postgres store %s: %w", pg.url, explainPQ(err)))
			}
		}
	}
	err = db.QueryRowContext(ctx, `SELECT to_regclass('ipgraph_generation') IS NOT NULL`).Scan(&pg.hasSeq)
	if err != nil {
		return fail(fmt.Errorf("open postgres store %s: %w", pg.url, explainPQ(err)))
	}
	if pg.hasSeq {
		if pg.lastSeen, err = pg.readGeneration(ctx); err != nil {
			return fail(fmt.Errorf("open postgres store %s: %w", pg.url, explainPQ(err)))
		}
	}
	pg.scans = make(map[quad.Direction]*sql.Stmt, len(pgScanQueries))
	pg.known = make(map[quad.Direction]*sql.Stmt, len(pgKnownQueries))
	for _, qs := range []struct {
		stmts   map[quad.Direction]*sql.Stmt
		queries map[quad.Direction]string
	}{{pg.scans, pgScanQueries}, {pg.known, pgKnownQueries}} {
		for dir, q := range qs.queries {
			if qs.stmts[dir], err = db.PrepareContext(ctx, q); err != nil {
				return fail(fmt.Errorf("open postgres store %s: prepare reads: %w", pg.url, explainPQ(err)))
			}
		}
	}
	// Cayley's pool serves only writes (and the baseline benchmarks).
	qs, err := cgraph.NewQuadStore(BackendPostgres, addr, nil)
	if err != nil {
		return fail(fmt.Errorf("open postgres store %s: %w", pg.url, explainPQ(err)))
	}
	return qs, pg, nil
}

// watch polls the generation sequence until close, bumping gen when
// another process wrote.
func (pg *pgExtra) watch(gen func()) {
	if !pg.hasSeq {
		return
	}
	pg.stop, pg.done = make(chan struct{}), make(chan struct{})
	every := pgPollInterval
	go func() {
		defer close(pg.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-pg.stop:
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), every+5*time.Second)
			pg.mu.Lock()
			v, err := pg.readGeneration(ctx)
			if err == nil && v != pg.lastSeen {
				pg.lastSeen = v
				gen()
			}
			pg.mu.Unlock()
			cancel()
			// An error (server restarting, network) is retried at the next
			// tick; the queries that need the server report it.
		}
	}()
}

func (pg *pgExtra) readGeneration(ctx context.Context) (int64, error) {
	var v int64
	var called bool
	err := pg.db.QueryRowContext(ctx, `SELECT last_value, is_called FROM ipgraph_generation`).Scan(&v, &called)
	if !called {
		v = 0
	}
	return v, err
}

// wrote records a committed write of n deltas: the sequence moves, and so
// does gen, once; and when the tables changed a lot since they were last
// analyzed, they are analyzed now (see maybeAnalyze). Errors here do not
// undo the write: other processes see it late, or plans stay stale until
// autovacuum analyzes.
func (pg *pgExtra) wrote(ctx context.Context, n int, gen func()) error {
	// The write is committed: finish this even if the caller gives up now.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	pg.mu.Lock()
	defer pg.mu.Unlock()
	gen()
	pg.maybeAnalyze(ctx, n)
	if !pg.hasSeq {
		return nil
	}
	var v int64
	if err := pg.db.QueryRowContext(ctx, `SELECT nextval('ipgraph_generation')`).Scan(&v); err != nil {
		return err
	}
	pg.lastSeen = v
	return nil
}

// maybeAnalyze runs ANALYZE on Cayley's tables when the rows written since
// the last one exceed half the quads there were then (plus 1,000).
// Without statistics (a store just loaded, before autovacuum comes by a
// minute later) the planner joins a lookup's few quads to the nodes table
// by scanning all of it: 2 ms instead of 0.1 ms per lookup, and `serve`'s
// index took 0.9 s instead of 0.1 s on the shared corpus. pg.mu is held.
func (pg *pgExtra) maybeAnalyze(ctx context.Context, n int) {
	pg.sinceAnalyze += int64(n)
	if pg.sinceAnalyze < 1000+pg.analyzedAt/2 {
		return
	}
	if _, err := pg.db.ExecContext(ctx, `ANALYZE quads, nodes`); err != nil {
		return
	}
	pg.sinceAnalyze = 0
	_ = pg.db.QueryRowContext(ctx, `SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = 'quads'::regclass`).Scan(&pg.analyzedAt)
}

// lockWrites takes the store-wide write lock (a session advisory lock
// named after the schema, so that stores in other schemas of the same
// database do not wait for each other). The lock goes with the session if
// the process dies.
func (pg *pgExtra) lockWrites(ctx context.Context) (unlock func(), err error) {
	conn, err := pg.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("lock postgres store: %w", explainPQ(err))
	}
	const key = `hashtext('ipgraph write ' || current_schema())`
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(`+key+`)`); err != nil {
		// Cancelled, the lock may still have been granted: end the session.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
		return nil, fmt.Errorf("lock postgres store: %w", explainPQ(err))
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock(`+key+`)`); err != nil {
			// Never hand a session that may still hold the lock back to
			// the pool: discarding it ends the session and the lock.
			_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}, nil
}

// size counts the tables (see the note on Size at the top of this file).
func (pg *pgExtra) size(ctx context.Context) (Size, error) {
	var sz Size
	err := pg.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quads), (SELECT count(*) FROM nodes)`).Scan(&sz.Quads, &sz.Nodes)
	if err != nil {
		return Size{}, explainPQ(err)
	}
	return sz, nil
}

func (pg *pgExtra) close() error {
	if pg.stop != nil {
		close(pg.stop)
		<-pg.done
	}
	for _, m := range []map[quad.Direction]*sql.Stmt{pg.scans, pg.known} {
		for _, st := range m {
			st.Close()
		}
	}
	return pg.db.Close()
}

// withPostgresParam adds a connection parameter to a postgres:// URL or a
// key=value connection string. lib/pq sends parameters it does not know
// to the server as run-time settings (search_path, statement_timeout, …).
func withPostgresParam(conn, key, value string) (string, error) {
	if strings.HasPrefix(conn, "postgres://") || strings.HasPrefix(conn, "postgresql://") {
		u, err := url.Parse(conn)
		if err != nil {
			return "", fmt.Errorf("bad PostgreSQL URL: %w", err)
		}
		q := u.Query()
		q.Set(key, value)
		u.RawQuery = q.Encode()
		return u.String(), nil
	}
	return strings.TrimSpace(conn) + " " + key + "='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(value) + "'", nil
}

// redactURL hides a password in a connection string for messages.
func redactURL(conn string) string {
	if u, err := url.Parse(conn); err == nil && u.Scheme != "" {
		return u.Redacted()
	}
	if strings.Contains(conn, "password") {
		return "(connection string)"
	}
	return conn
}

// explainPQ adds what to do to the errors a user meets first.
func explainPQ(err error) error {
	var pe *pq.Error
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3D000": // invalid_catalog_name
			return fmt.Errorf("%w (create the database first, e.g. createdb, or scripts/postgres.sh start DIR)", err)
		case "28000", "28P01": // invalid authorization, invalid password
			return fmt.Errorf("%w (check the user and password in the URL)", err)
		case "25006": // read_only_sql_transaction
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		}
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SSL is not enabled on the server"):
		return fmt.Errorf("%w (add ?sslmode=disable to the URL for a server without TLS)", err)
	case strings.Contains(msg, "connection refused"):
		return fmt.Errorf("%w (is PostgreSQL running there? scripts/postgres.sh start DIR starts a test server)", err)
	}
	return err
}

func isUniqueViolation(err error) bool {
	var pe *pq.Error
	// CREATE SEQUENCE IF NOT EXISTS can still collide with a concurrent creator.
	return errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "42P07")
}

// pgNeedsEscape reports whether Cayley's SQL backend would not read s back
// intact: it stores NUL as the four characters `\x00` and turns every
// `\x00` into NUL when reading.
func pgNeedsEscape(s string) bool {
	return strings.Contains(s, "\x00") || strings.Contains(s, `\x00`)
}

// pgEscape percent-encodes '%', '\' and NUL, so that the result holds
// neither NUL nor a backslash.
func pgEscape(s string) string {
	return strings.NewReplacer("%", "%25", `\`, "%5C", "\x00", "%00").Replace(s)
}

func pgUnescape(s string) string {
	return strings.NewReplacer("%25", "%", "%5C", `\`, "%00", "\x00").Replace(s)
}

// Reads. Cayley's SQL iterator selects the matching quads' hashes, and
// QuadStore.Quad then looks each of the four values up with a query of its
// own, on another connection and so in another snapshot: a value that a
// concurrent write deleted comes back nil (measured: a reader of a document
// being replaced saw its manifest without a value), and every quad costs up
// to four round trips (the value cache holds 1,024). So a PostgreSQL store
// reads quads with one statement that joins Cayley's tables, in one
// snapshot, and decodes the values as QuadStore.NameOf does
// (TestPostgresReadsMatchCayley checks that both read the same). Writes,
// the schema and hashing stay Cayley's.

// pgNodeColumns are the value columns of Cayley's nodes table, in the
// order pgNode.scanDest lists them.
var pgNodeColumns = []string{"value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// pgScanQueries[dir] selects every quad (dir quad.Any) or those whose dir
// hash is $1, with the values of their four directions. For a lookup by
// an IRI, pgKnownQueries[dir] leaves that direction's value out (NULLs):
// the caller has it, and one join less is a quarter of a lookup's time.
var pgScanQueries, pgKnownQueries = func() (map[quad.Direction]string, map[quad.Direction]string) {
	aliases := map[quad.Direction]string{quad.Subject: "s", quad.Predicate: "p", quad.Object: "o", quad.Label: "l"}
	query := func(skip quad.Direction) string {
		var cols []string
		from := "quads q"
		for _, d := range quad.Directions {
			a := aliases[d]
			for _, c := range pgNodeColumns {
				if d == skip {
					cols = append(cols, "NULL")
				} else {
					cols = append(cols, a+"."+c)
				}
			}
			switch {
			case d == skip:
			case d == quad.Label:
				from += "\n\tLEFT JOIN nodes l ON l.hash = q.label_hash"
			default:
				from += "\n\tJOIN nodes " + a + " ON " + a + ".hash = q." + d.String() + "_hash"
			}
		}
		return "SELECT " + strings.Join(cols, ", ") + " FROM " + from
	}
	all := map[quad.Direction]string{quad.Any: query(quad.Any)}
	known := map[quad.Direction]string{}
	for _, d := range quad.Directions {
		all[d] = query(quad.Any) + " WHERE q." + d.String() + "_hash = $1"
		known[d] = query(d) + " WHERE q." + d.String() + "_hash = $1"
	}
	return all, known
}()

// pgNode is one value's row of the nodes table.
type pgNode struct {
	data   []byte
	str    sql.NullString
	typ    sql.NullString
	lang   sql.NullString
	iri    sql.NullBool
	bnode  sql.NullBool
	vint   sql.NullInt64
	vbool  sql.NullBool
	vfloat sql.NullFloat64
	vtime  sql.NullTime
}

func (n *pgNode) scanDest() []any {
	return []any{&n.data, &n.str, &n.typ, &n.lang, &n.iri, &n.bnode, &n.vint, &n.vbool, &n.vfloat, &n.vtime}
}

// value decodes the row as Cayley's sql QuadStore.NameOf does; a row of
// NULLs (no label) is nil.
func (n *pgNode) value() (quad.Value, error) {
	switch {
	case n.str.Valid:
		switch {
		case n.iri.Bool:
			return quad.IRI(n.str.String), nil
		case n.bnode.Bool:
			return quad.BNode(n.str.String), nil
		case n.lang.Valid:
			return quad.LangString{Value: quad.String(pgUnescapeNull(n.str.String)), Lang: n.lang.String}, nil
		case n.typ.Valid:
			return quad.TypedString{Value: quad.String(pgUnescapeNull(n.str.String)), Type: quad.IRI(n.typ.String)}, nil
		}
		return quad.String(pgUnescapeNull(n.str.String)), nil
	case n.vint.Valid:
		return quad.Int(n.vint.Int64), nil
	case n.vbool.Valid:
		return quad.Bool(n.vbool.Bool), nil
	case n.vfloat.Valid:
		return quad.Float(n.vfloat.Float64), nil
	case n.vtime.Valid:
		return quad.Time(n.vtime.Time), nil
	case n.data == nil:
		return nil, nil
	}
	return pquads.UnmarshalValue(n.data)
}

// pgUnescapeNull is Cayley's unescapeNullByte (graph/sql/quadstore.go).
func pgUnescapeNull(s string) string { return strings.ReplaceAll(s, `\x00`, "\x00") }

// scan calls fn for every quad whose dir holds v (every quad, for v nil),
// all read in one snapshot. fn runs while the rows are read, so it may
// query the store (on another connection) but must not hold it up long.
func (pg *pgExtra) scan(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	var rows *sql.Rows
	var err error
	known, _ := v.(quad.IRI)
	switch {
	case v == nil:
		rows, err = pg.scans[quad.Any].QueryContext(ctx)
	case known != "":
		h := cgraph.HashOf(v)
		rows, err = pg.known[dir].QueryContext(ctx, h[:])
	default:
		h := cgraph.HashOf(v)
		rows, err = pg.scans[dir].QueryContext(ctx, h[:])
	}
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("read quads: %w", explainPQ(err))
	}
	defer rows.Close()
	var nodes [4]pgNode
	dest := make([]any, 0, 4*len(pgNodeColumns))
	for i := range nodes {
		dest = append(dest, nodes[i].scanDest()...)
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("read quads: %w", err)
		}
		var vals [4]quad.Value
		for i, d := range quad.Directions {
			if known != "" && d == dir {
				vals[i] = known
			} else if vals[i], err = nodes[i].value(); err != nil {
				return fmt.Errorf("read quads: decode value: %w", err)
			}
		}
		if err := fn(quad.Quad{Subject: vals[0], Predicate: vals[1], Object: vals[2], Label: vals[3]}); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read quads: %w", explainPQ(err))
	}
	return nil
}
