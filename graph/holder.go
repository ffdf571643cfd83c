package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// A Bolt file has one writer at a time (an exclusive flock). The process
// that holds it for writing says who it is in a small file beside it,
// <db>.lock-info, written after it took the lock and removed before it lets
// go, so that a process that finds the file held can say by whom instead
// of only "another process".

// holderSuffix names the sidecar file: <db>.lock-info.
const holderSuffix = ".lock-info"

// holderInfo is the content of the sidecar file.
type holderInfo struct {
	PID     int       `json:"pid"`
	Host    string    `json:"host,omitempty"`
	Command string    `json:"command"`           // the holder's command line, argv[0] shortened to its base name
	Since   time.Time `json:"since"`             // when it opened the store
	Serving string    `json:"serving,omitempty"` // base URL, when the holder is a server (Store.SetServing)
}

// holder is this process's claim on a Bolt file it opened for writing.
type holder struct {
	path string // the sidecar file
	mu   sync.Mutex
	info holderInfo
	done bool
}

// maxHolderCommand bounds the command line kept in the sidecar.
const maxHolderCommand = 200

// claimHolder records this process as the holder of the Bolt file db. It
// is best effort: a directory that cannot be written only costs the
// better error message.
func claimHolder(db string) *holder {
	host, _ := os.Hostname()
	args := append([]string{filepath.Base(os.Args[0])}, os.Args[1:]...)
	cmd := strings.Join(args, " ")
	if len(cmd) > maxHolderCommand {
		cmd = cmd[:maxHolderCommand] + "…"
	}
	h := &holder{path: db + holderSuffix, info: holderInfo{PID: os.Getpid(), Host: host, Command: cmd, Since: time.Now()}}
	h.write()
	return h
}

// write (re)writes the sidecar atomically: a temporary file renamed over it.
func (h *holder) write() {
	b, err := json.Marshal(h.info)
	if err != nil {
		return
	}
	tmp := fmt.Sprintf("%s.%d.tmp", h.path, h.info.PID)
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return
	}
	if err := os.Rename(tmp, h.path); err != nil {
		os.Remove(tmp)
	}
}

// setServing adds the server's base URL to the sidecar.
func (h *holder) setServing(url string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		return
	}
	h.info.Serving = url
	h.write()
}

// release removes the sidecar; call it before the lock is let go, so that
// the next holder's sidecar is never removed.
func (h *holder) release() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		return
	}
	h.done = true
	os.Remove(h.path)
}

// SetServing records, beside a Bolt file this store holds for writing,
// that the process serves it at url (e.g. "http://localhost:8080"), so
// that a command that finds the file held can say to load through the
// server. It does nothing for other stores.
func (s *Store) SetServing(url string) {
	if s.holder != nil {
		s.holder.setServing(url)
	}
}

// lockedError is the error of an open that waited for the Bolt file db for
// waited: it names the holder when the sidecar says who it is and that
// process is still there, and says what to do.
func lockedError(db string, readOnly bool, waited time.Duration) error {
	who, serving := describeHolder(db)
	var hint string
	switch {
	case serving != "" && readOnly:
		hint = fmt.Sprintf("stop it, or ask it over HTTP (%s/graphql, %s/export)", serving, serving)
	case serving != "":
		hint = fmt.Sprintf("stop it, load through it (ipgraph load --server %s PATH..., which needs serve's --admin-token-file), or point --db at another file", serving)
	default:
		hint = "stop the other ipgraph process (e.g. `ipgraph serve`), or point --db at another file"
	}
	return fmt.Errorf("open bolt store %s: %w %s (waited %s); %s", db, ErrLocked, who, waited, hint)
}

// describeHolder reads db's sidecar: "(`CMD`, pid N, since T)" and the URL
// the holder serves, or a note that nothing says who holds it.
func describeHolder(db string) (who, serving string) {
	const unknown = "(one that does not say which: readers such as `ipgraph serve --read-only`, `stats`, `export` and `verify` share the file and keep writers out)"
	b, err := os.ReadFile(db + holderSuffix)
	if err != nil {
		return unknown, ""
	}
	var info holderInfo
	if err := json.Unmarshal(b, &info); err != nil || info.PID <= 0 {
		return unknown, ""
	}
	host, _ := os.Hostname()
	sameHost := info.Host == "" || info.Host == host
	if sameHost && !processAlive(info.PID) {
		// Left behind by a holder that died; the lock is someone else's.
		return unknown, ""
	}
	since := info.Since.Local()
	when := since.Format("15:04:05")
	if y, m, d := since.Date(); y != time.Now().Year() || m != time.Now().Month() || d != time.Now().Day() {
		when = since.Format("2006-01-02 15:04:05")
	}
	who = fmt.Sprintf("(`%s`, pid %d", info.Command, info.PID)
	if !sameHost {
		who += " on " + info.Host
	}
	who += ", since " + when
	if info.Serving != "" {
		who += ", serving " + info.Serving
	}
	return who + ")", info.Serving
}

// processAlive reports whether process pid may still run (errors other
// than "it has exited", e.g. no permission to signal it, count as alive).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	defer p.Release()
	err = p.Signal(syscall.Signal(0))
	return err == nil || !errors.Is(err, os.ErrProcessDone)
}
