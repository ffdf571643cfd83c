package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ipgraph/ipgraph/graph"
	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/loaders/synthcorpus"
)

// TestLoadSurvivesSIGKILL is issue 7's crash test. A real `ipgraph load`
// process (built from this package without -race) loads a synthetic corpus
// into a Bolt file and is killed with SIGKILL at a point drawn from a
// seeded RNG: once it has reported a number of documents spread over the
// load (stratified across trials), plus a random delay of up to about one
// batch's time; one trial's point is in process start-up (the store being
// created or opened), before any report. After each kill:
//
//   - `ipgraph verify` passes: every document in the store is complete (its
//     quads are exactly its manifest) and no quad belongs to no document;
//   - each document's manifest is either what it was before the run or what
//     a clean load of the same files wrote (the reference), nothing else;
//   - every document the child reported on stdout (it prints a line only
//     after the document's transaction committed) is in the store in its
//     new version;
//   - the documents the run changed form a prefix of the files in load
//     order, and those committed but not reported (killed between the
//     commit and the print) fit in one transaction: with batching, "the
//     document in flight" is the one transaction being written, which may
//     hold several documents. A batch is closed as soon as its triples
//     reach loaders.DefaultBatchQuads, so all its documents but the last
//     hold fewer triples than that; the test asserts exactly this of the
//     committed-but-unreported documents;
//   - the documents still missing (not in their new version) are the ones
//     from there on: not yet committed when the process died.
//
// Then a second `ipgraph load` of the same files exits 0, `verify` passes,
// every manifest equals the reference, and `ipgraph stats --json` equals
// the clean load's, including the store's exact quad and node counts (no
// pin quads or orphan nodes left).
//
// Trials alternate between a fresh store and re-loading over a complete
// load of an earlier version of the corpus in which some documents were
// generated from another seed (so documents grow and shrink: deletes, where
// the Cayley kv pin workaround of graph/pins.go is exercised); every third
// trial kills a second load before the completing one.
//
// The default (12 trials, 80 documents) is sized for `go test` in CI.
// IPGRAPH_CRASH_TRIALS and IPGRAPH_CRASH_DOCS make a longer run, e.g.
// IPGRAPH_CRASH_TRIALS=50 IPGRAPH_CRASH_DOCS=600; IPGRAPH_CRASH_SEED picks
// other kill points; IPGRAPH_CRASH_DIR puts the stores on another file
// system than /dev/shm (see crashDir). A failed run keeps its stores.
func TestLoadSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: starts and kills dozens of processes")
	}
	if runtime.GOOS == "windows" {
		t.Skip("crash test: SIGKILL is a Unix signal")
	}
	trials := crashEnvInt(t, "IPGRAPH_CRASH_TRIALS", 12)
	docs := crashEnvInt(t, "IPGRAPH_CRASH_DOCS", 80)
	seed := uint64(crashEnvInt(t, "IPGRAPH_CRASH_SEED", 7))
	start := time.Now()
	bin := crashBuild(t, t.TempDir())
	tmp := crashDir(t)

	// Corpus A, and B: A with every 8th document and the last made from
	// another seed under the same name.
	dirA, dirB := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	genA, err := synthcorpus.New(synthcorpus.Options{Seed: 1, Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := genA.WriteDir(context.Background(), dirA); err != nil {
		t.Fatal(err)
	}
	genB, err := synthcorpus.New(synthcorpus.Options{Seed: 2, Documents: docs})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := genA.WriteDir(context.Background(), dirB); err != nil {
		t.Fatal(err)
	}
	changed := 0
	for i := 0; i < docs; i++ {
		if i%8 == 3 || i == docs-1 {
			name, text := genB.Document(i)
			if err := os.WriteFile(filepath.Join(dirB, name), text, 0o644); err != nil {
				t.Fatal(err)
			}
			changed++
		}
	}

	// Load order: the loader writes files in the order Expand returns them.
	files, errs := loaders.Expand([]string{dirA})
	if len(errs) > 0 || len(files) != docs {
		t.Fatalf("expand: %d files, errors %v", len(files), errs)
	}
	order := make([]string, len(files)) // document IRIs in load order
	for i, f := range files {
		order[i] = graph.DocumentIRI(filepath.Base(f))
	}

	// References: clean loads of A and of B into fresh stores. The first
	// also times a load, which spreads the kill delays.
	refA, refB := filepath.Join(tmp, "ref-a.db"), filepath.Join(tmp, "ref-b.db")
	t0 := time.Now()
	crashMust(t, bin, "load", "-q", "--db", refA, dirA)
	loadTime := time.Since(t0)
	crashMust(t, bin, "load", "-q", "--db", refB, dirB)
	statsA, statsB := crashGo(bin, "stats", "--json", "--db", refA), crashGo(bin, "stats", "--json", "--db", refB)
	wantA, errA := crashStates(refA, order)
	wantB, errB := crashStates(refB, order)
	triplesA, errTA := crashTriples(refA, order)
	triplesB, errTB := crashTriples(refB, order)
	if err := errors.Join(errA, errB, errTA, errTB); err != nil {
		t.Fatal(err)
	}
	statsOfA, statsOfB := (<-statsA).must(t), (<-statsB).must(t)
	for i, doc := range order {
		if !wantA[i].present || !wantB[i].present {
			t.Fatalf("reference load lacks %s", doc)
		}
	}
	grew, shrank, totalA := 0, 0, 0
	for i := range order {
		totalA += triplesA[i]
		switch {
		case triplesB[i] > triplesA[i]:
			grew++
		case triplesB[i] < triplesA[i]:
			shrank++
		}
	}
	t.Logf("corpus: %d documents, %d triples; version B changes %d of them (%d grow, %d shrink); clean load %s; stores in %s",
		docs, totalA, changed, grew, shrank, loadTime.Round(time.Millisecond), tmp)

	// Where to kill: after the child has reported `after` documents,
	// plus a random delay of up to about one batch's time, so that the
	// kill falls anywhere in the cycle of extracting, writing and
	// committing a batch whatever the machine's speed. Trial slices are
	// stratified over the load and shuffled; one trial kills during
	// start-up (gazetteers, opening or creating the store), before any
	// report.
	batchTime := time.Duration(float64(loadTime) * float64(loaders.DefaultBatchQuads) / float64(totalA))
	rng := rand.New(rand.NewPCG(seed, 0x1eaf))
	points := make([]killPoint, trials)
	for i := range points {
		if i == 0 {
			points[i] = killPoint{after: 0, delay: time.Duration(rng.Float64() * float64(150*time.Millisecond))}
			continue
		}
		lo, hi := float64(i-1)/float64(trials-1), float64(i)/float64(trials-1)
		points[i] = killPoint{after: int((lo + rng.Float64()*(hi-lo)) * float64(docs)),
			delay: time.Duration(rng.Float64() * float64(batchTime))}
	}
	rng.Shuffle(len(points), func(i, j int) { points[i], points[j] = points[j], points[i] })

	absent := make([]docState, len(order))
	for trial := 0; trial < trials; trial++ {
		trialStart := time.Now()
		reload := trial%2 == 1
		db := filepath.Join(tmp, fmt.Sprintf("trial-%02d.db", trial))
		dir, before, want, wantTriples, wantStats := dirA, absent, wantA, triplesA, statsOfA
		kind := "fresh"
		if reload {
			// A complete load of A, re-loaded with B.
			crashCopy(t, refA, db)
			dir, before, want, wantTriples, wantStats = dirB, wantA, wantB, triplesB, statsOfB
			kind = "reload"
		}
		kills := 1
		if trial%3 == 2 {
			kills = 2
		}
		for k := 0; k < kills; k++ {
			p := points[trial]
			if k > 0 {
				p = killPoint{after: rng.IntN(docs), delay: time.Duration(rng.Float64() * float64(batchTime))}
			}
			r := crashKill(t, bin, db, dir, p, order)
			after, verdict := crashCheck(t, bin, db, order, before, want, wantTriples, r)
			t.Logf("trial %2d %-6s kill %d/%d after %3d reports + %5s (at %6s): %s", trial, kind, k+1, kills,
				p.after, p.delay.Round(time.Millisecond), r.at.Round(time.Millisecond), verdict)
			before = after
		}
		// The second load completes it.
		out := crashMust(t, bin, "load", "--db", db, dir)
		if !strings.Contains(out, fmt.Sprintf("loaded %d of %d documents", docs, docs)) {
			t.Errorf("trial %d: completing load: %s", trial, crashLastLine(out))
		}
		verify, stats := crashGo(bin, "verify", "--db", db), crashGo(bin, "stats", "--json", "--db", db)
		got, err := crashStates(db, order)
		if err != nil {
			t.Fatal(err)
		}
		vout := (<-verify).must(t)
		if n := crashVerifiedDocuments(t, vout); n != len(order) {
			t.Errorf("trial %d: after the completing load verify counts %d documents, want %d", trial, n, len(order))
		}
		for i := range order {
			if got[i] != want[i] {
				t.Errorf("trial %d: after the completing load, %s is %s, want %s", trial, order[i], got[i], want[i])
			}
		}
		if st := (<-stats).must(t); st != wantStats {
			t.Errorf("trial %d: stats after the completing load differ from a clean load:\n%s\nwant\n%s", trial, st, wantStats)
		}
		t.Logf("trial %2d %-6s completed: %s; stats equal to a clean load's (trial took %s)",
			trial, kind, crashLastLine(vout), time.Since(trialStart).Round(time.Millisecond))
		if !t.Failed() {
			os.Remove(db)
		}
	}
	t.Logf("%d trials in %s", trials, time.Since(start).Round(time.Millisecond))
}

// docState is one document's manifest in a store: absent, or the hash of
// its stored form. The store encodes a manifest deterministically from the
// document's sorted triples (it relies on that to skip unchanged
// documents), so equal hashes mean equal triples.
type docState struct {
	present bool
	hash    [sha256.Size]byte
}

func (s docState) String() string {
	if !s.present {
		return "absent"
	}
	return fmt.Sprintf("manifest %x", s.hash[:6])
}

// killPoint is when a trial kills the load: once the child has reported
// after documents, and delay later.
type killPoint struct {
	after int
	delay time.Duration
}

// crashRun is what one killed load reported.
type crashRun struct {
	reported int           // documents printed as loaded, in load order
	status   string        // how the process ended
	at       time.Duration // from start to kill
}

// crashKill starts `ipgraph load --db db dir`, kills it with SIGKILL
// (Process.Kill) at p unless it exited before, and returns what it had
// reported.
func crashKill(t *testing.T, bin, db, dir string, p killPoint, order []string) crashRun {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "load", "--db", db, dir)
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// One line per document, in load order, printed after its
	// transaction committed; a line cut by the kill does not count.
	var lines []string
	reached, eof := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(eof)
		br := bufio.NewReader(stdout)
		n := 0
		if p.after == 0 {
			close(reached)
		}
		for {
			l, err := br.ReadString('\n')
			if err != nil {
				return
			}
			lines = append(lines, l)
			if n++; n == p.after {
				close(reached)
			}
		}
	}()
	select {
	case <-reached:
		select {
		case <-time.After(p.delay):
		case <-eof:
		}
	case <-eof:
	}
	run := crashRun{at: time.Since(start)}
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	<-eof
	err = cmd.Wait()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && !ee.Exited():
		run.status = "killed"
	case err == nil:
		run.status = "exited before the kill"
	default:
		t.Fatalf("load failed before the kill: %v\n%s", err, stderr.String())
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "loaded ") {
			continue
		}
		path, _, ok := strings.Cut(l, ": ")
		if !ok || run.reported >= len(order) || graph.DocumentIRI(filepath.Base(path)) != order[run.reported] {
			t.Fatalf("unexpected progress line %q after %d documents", l, run.reported)
		}
		run.reported++
	}
	return run
}

// crashCheck checks the store after a killed load and returns its
// documents' states and a summary.
func crashCheck(t *testing.T, bin, db string, order []string, before, want []docState, wantTriples []int, run crashRun) ([]docState, string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("%s, reported %d: "+format, append([]any{run.status, run.reported}, args...)...)
	}
	after := make([]docState, len(order))
	verdict := "no store file"
	if _, err := os.Stat(db); err == nil {
		verify := crashGo(bin, "verify", "--db", db)
		states, serr := crashStates(db, order)
		v := <-verify
		switch {
		case v.err != nil:
			t.Fatal(v.err)
		case v.code == 0 && strings.Contains(v.stdout, " 0 problems"):
			if serr != nil {
				t.Fatal(serr)
			}
			verdict = "verify: " + crashLastLine(v.stdout)
			after = states
			present := 0
			for _, s := range after {
				if s.present {
					present++
				}
			}
			if n := crashVerifiedDocuments(t, v.stdout); n != present {
				fail("verify counts %d documents, %d of the corpus are in the store", n, present)
			}
		case v.code != 0 && strings.Contains(v.stderr, "not an ipgraph store"):
			// Killed after Bolt created the file, before Cayley
			// initialized it: an empty store the next load initializes.
			verdict = "store file not initialized yet"
		default:
			fail("verify exited %d:\n%s%s", v.code, v.stdout, v.stderr)
			return before, "verify FAILED"
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	if verdict == "no store file" || verdict == "store file not initialized yet" {
		for i := range before {
			if before[i].present {
				fail("the store lost its documents (%s)", verdict)
				break
			}
		}
	}

	changedLast := -1 // last document whose manifest the run changed
	present := 0
	for i, s := range after {
		if s.present {
			present++
		}
		switch {
		case s == before[i]:
		case s == want[i]:
			changedLast = i
		default:
			fail("%s is %s: neither its state before the load (%s) nor its new version (%s)", order[i], s, before[i], want[i])
		}
	}
	committed := max(run.reported, changedLast+1) // the documents the run wrote: a prefix
	for i := 0; i < committed; i++ {
		if after[i] != want[i] {
			if i < run.reported {
				fail("%s was reported loaded but is %s, want %s", order[i], after[i], want[i])
			} else {
				fail("%s (load position %d) is %s although a later document was committed", order[i], i, after[i])
			}
		}
	}
	// Committed but not reported: at most one transaction's documents.
	unreported := committed - run.reported
	if unreported > 0 {
		n := 0
		for i := run.reported; i < committed-1; i++ {
			n += wantTriples[i]
		}
		if n >= loaders.DefaultBatchQuads {
			fail("documents %d..%d were committed but not reported: %d triples before the last, more than one transaction of %d",
				run.reported, committed-1, n, loaders.DefaultBatchQuads)
		}
	}
	missing := 0
	for i := committed; i < len(order); i++ {
		if after[i] != want[i] {
			missing++
		}
	}
	return after, fmt.Sprintf("%-22s reported %3d, in store %3d, new version %3d (committed unreported %d), still to load %3d; %s",
		run.status+",", run.reported, present, len(order)-missing, unreported, missing, verdict)
}

// crashStates reads the manifest of each document of order from the Bolt
// store at db, opened read-only, in one scan; a document of no file of the
// corpus, or with two manifests, is an error. It does not use t: it runs
// beside child processes.
func crashStates(db string, order []string) ([]docState, error) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendBolt, Path: db, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	index := make(map[string]int, len(order))
	for i, doc := range order {
		index[doc] = i
	}
	states := make([]docState, len(order))
	err = s.EachWithPredicate(ctx, graph.PredManifest, func(q graph.Quad) error {
		i, ok := index[q.Label]
		switch {
		case !ok || q.Subject != q.Label:
			return fmt.Errorf("%s: manifest %s of no document of the corpus", db, q.Label)
		case states[i].present:
			return fmt.Errorf("%s: %s has two manifests", db, q.Label)
		}
		states[i] = docState{present: true, hash: sha256.Sum256([]byte(q.Object.Value))}
		return nil
	})
	return states, err
}

// crashTriples returns the number of triples each document of order wrote
// in the store at db.
func crashTriples(db string, order []string) ([]int, error) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.BackendBolt, Path: db, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	n := make([]int, len(order))
	for i, doc := range order {
		ts, ok, err := s.Manifest(ctx, doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", doc, err)
		}
		if !ok {
			return nil, fmt.Errorf("%s: no document %s", db, doc)
		}
		n[i] = len(ts)
	}
	return n, nil
}

// crashVerifiedDocuments returns the number of documents (manifests)
// `ipgraph verify` counted.
func crashVerifiedDocuments(t *testing.T, out string) int {
	t.Helper()
	var n, quads, problems int
	if _, err := fmt.Sscanf(crashLastLine(out), "%d documents, %d quads checked, %d problems", &n, &quads, &problems); err != nil {
		t.Fatalf("verify printed %q: %v", crashLastLine(out), err)
	}
	return n
}

// crashDir returns a folder for the corpus and the stores, removed at the
// end: IPGRAPH_CRASH_DIR if set, else one in /dev/shm where there is one.
// A SIGKILL loses what the process had not handed to the kernel, never
// what it had written, so the kernel's page cache stands for the disk and
// a tmpfs tests the same thing; Bolt's fsync per commit is free there,
// which keeps the test from waiting on a disk other jobs share.
func crashDir(t *testing.T) string {
	t.Helper()
	parent := os.Getenv("IPGRAPH_CRASH_DIR")
	if parent == "" {
		if st, err := os.Stat("/dev/shm"); err != nil || !st.IsDir() {
			return t.TempDir()
		}
		parent = "/dev/shm"
	}
	dir, err := os.MkdirTemp(parent, "ipgraph-crash-")
	if err != nil {
		if os.Getenv("IPGRAPH_CRASH_DIR") != "" {
			t.Fatal(err)
		}
		return t.TempDir()
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("kept %s for inspection", dir)
			return
		}
		os.RemoveAll(dir)
	})
	return dir
}

// crashBuild builds the ipgraph binary, without -race, into dir.
func crashBuild(t *testing.T, dir string) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, err := os.Stat(goTool); err != nil {
			t.Fatalf("the crash test builds ipgraph and needs the go tool: not on PATH nor in %s", filepath.Dir(goTool))
		}
	}
	bin := filepath.Join(dir, "ipgraph")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashResult is how a child process ended.
type crashResult struct {
	args           []string
	stdout, stderr string
	code           int
	err            error // it could not run
}

// must returns the standard output, failing the test unless the command
// exited 0.
func (r crashResult) must(t *testing.T) string {
	t.Helper()
	if r.err != nil || r.code != 0 {
		t.Fatalf("ipgraph %s: exit %d %v\n%s%s", strings.Join(r.args, " "), r.code, r.err, crashLastLine(r.stdout), r.stderr)
	}
	return r.stdout
}

func crashRunCmd(bin string, args ...string) crashResult {
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	r := crashResult{args: args}
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	default:
		r.err = err
	}
	r.stdout, r.stderr = out.String(), errOut.String()
	return r
}

// crashGo runs the binary in the background.
func crashGo(bin string, args ...string) <-chan crashResult {
	ch := make(chan crashResult, 1)
	go func() { ch <- crashRunCmd(bin, args...) }()
	return ch
}

// crashMust runs the binary and fails the test unless it exits 0.
func crashMust(t *testing.T, bin string, args ...string) string {
	t.Helper()
	return crashRunCmd(bin, args...).must(t)
}

func crashCopy(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

func crashLastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

func crashEnvInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// A Bolt store created but never written to (a load killed before its
// first commit, or a load of no files) has no size in Cayley's metadata
// yet; stats and verify still work on it.
func TestStatsOfStoreNeverWritten(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	if code, _, errOut := ipgraph(t, "load", "--db", db, t.TempDir()); code != 0 {
		t.Fatalf("load of an empty folder: %d %s", code, errOut)
	}
	if st := stats(t, db); st["documents"].(float64) != 0 || st["quads"].(float64) != 0 {
		t.Errorf("stats of an empty store: %v", st)
	}
	if code, out, errOut := ipgraph(t, "verify", "--db", db); code != 0 || !strings.Contains(out, "0 documents, 0 quads checked, 0 problems") {
		t.Errorf("verify of an empty store: %d %s%s", code, out, errOut)
	}
}
