package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// openLocked opens path for writing while it is held, and returns the
// error, checking that it is ErrLocked and came within seconds.
func openLocked(t *testing.T, opts Options) string {
	t.Helper()
	start := time.Now()
	s, err := Open(context.Background(), opts)
	if err == nil {
		s.Close()
		t.Fatal("second open succeeded while the file is held")
	}
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open = %v, want ErrLocked", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second open took %s, want a few seconds at most", d)
	}
	return err.Error()
}

// Bolt's flock conflicts between two descriptors of one file even in one
// process, so the holder and the second opener can both be this test.
func TestLockedErrorNamesTheHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	held, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + holderSuffix); err != nil {
		t.Fatalf("no sidecar while the store is held: %v", err)
	}
	msg := openLocked(t, Options{Path: path, LockTimeout: 300 * time.Millisecond})
	t.Log(msg)
	for _, want := range []string{
		"held by another process (`" + filepath.Base(os.Args[0]),
		fmt.Sprintf("`, pid %d, since ", os.Getpid()),
		"waited 300ms",
		"point --db at another file",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}

	if !regexp.MustCompile(`since \d\d:\d\d:\d\d\)`).MatchString(msg) {
		t.Errorf("message lacks the time the holder opened the store:\n%s", msg)
	}

	// A server says where it serves, and the message says to load through it.
	held.SetServing("http://127.0.0.1:8080")
	msg = openLocked(t, Options{Path: path, LockTimeout: 300 * time.Millisecond})
	t.Log(msg)
	for _, want := range []string{"serving http://127.0.0.1:8080)", "ipgraph load --server http://127.0.0.1:8080"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	// A read-only opener that waits for the writer is told to ask the server.
	msg = openLocked(t, Options{Path: path, ReadOnly: true, LockTimeout: 200 * time.Millisecond})
	for _, want := range []string{fmt.Sprintf("pid %d", os.Getpid()), "ask it over HTTP (http://127.0.0.1:8080/graphql"} {
		if !strings.Contains(msg, want) {
			t.Errorf("read-only message lacks %q:\n%s", want, msg)
		}
	}

	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + holderSuffix); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("sidecar still there after Close: %v", err)
	}
	s := mustOpen(t, Options{Path: path, LockTimeout: 300 * time.Millisecond})
	s.Close()
}

// A sidecar left by a holder that died does not name it: the file is held
// by someone else (here, read-only openers, which write no sidecar).
func TestLockedErrorIgnoresAStaleHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	s := mustOpen(t, Options{Path: path})
	s.Close()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no `true` command:", err)
	}
	host, _ := os.Hostname()
	b, _ := json.Marshal(holderInfo{PID: dead.Process.Pid, Host: host, Command: "ipgraph load x", Since: time.Now()})
	if err := os.WriteFile(path+holderSuffix, b, 0o644); err != nil {
		t.Fatal(err)
	}
	mustOpen(t, Options{Path: path, ReadOnly: true})
	msg := openLocked(t, Options{Path: path, LockTimeout: 200 * time.Millisecond})
	t.Log(msg)
	if strings.Contains(msg, "ipgraph load x") || !strings.Contains(msg, "does not say which") {
		t.Errorf("message for a stale sidecar:\n%s", msg)
	}
}
