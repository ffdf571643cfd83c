//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"

	"github.com/ipgraph/ipgraph/graph"
)

// nobodyID is the unprivileged user (nobody) the load runs as when the tests run as
// root (root reads a chmod 000 file).
const nobodyID = 65534

// TestLoadBadInput loads a directory of bad inputs, made here at test time,
// beside good documents: each bad file gets one line "error: PATH: reason",
// every good one loads (UTF-16 decoded, HTML stripped of its markup), the
// exit status is 1, the store verifies and holds nothing of a refused file.
func TestLoadBadInput(t *testing.T) {
	base := worldReadableTempDir(t)
	dir := filepath.Join(base, "corpus")
	mustNoErr(t, os.Mkdir(dir, 0o755))
	p := func(name string) string { return filepath.Join(dir, name) }
	write := func(name string, data []byte) { t.Helper(); mustNoErr(t, os.WriteFile(p(name), data, 0o644)) }

	// Good: three sample documents, and three that need decoding.
	good := []string{"annual_report_2019.md", "circular_2020.txt", "news_digest_2021.txt"}
	for _, name := range good {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
		mustNoErr(t, err)
		write(name, data)
	}
	write("utf16_notice.txt", utf16LE("Notice on Utf16 Filings\r\nDate: March 3, 2022\r\n\r\n"+
		"The China National Intellectual Property Administration (CNIPA) received 1.6 million invention patent applications in 2021.\r\n"))
	write("bom_brief.md", []byte("\ufeff# Bom Brief\n\nThe CNIPA met the World Intellectual Property Organization (WIPO) in Geneva.\n"))
	write("web_page.html", []byte(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Htmlpage Bulletin</title>
<style>.x { color: red }</style>
<script>var SCRIPTSECRET = "<p>The State Council abolished the CNIPA.</p>";</script></head>
<body><nav><a href="/">Home</a></nav>
<h1>Htmlpage Bulletin</h1>
<p>The <b>China National Intellectual Property Administration</b> (CNIPA) and the
World Intellectual Property Organization (WIPO) signed a cooperation agreement in Beijing&nbsp;on June 1,&#32;2020.</p>
<noscript>NOSCRIPTSECRET</noscript>
<script>document.write("SCRIPTSECRET")</script>
</body></html>`))
	good = append(good, "utf16_notice.txt", "bom_brief.md", "web_page.html")

	// Bad: file name → the reason its error line must give.
	bad := map[string]string{
		"binary.txt":        "binary file (PDF document), not text",
		"nul.md":            "binary file (contains NUL bytes), not text",
		"latin1.txt":        "not UTF-8 text: invalid byte 0xE9 at offset 25 (line 2); save the file as UTF-8",
		"utf16_nobom.txt":   "UTF-16 text without a byte-order mark",
		"empty.txt":         "empty file",
		"blank.md":          "empty document (only blank characters)",
		"scripts_only.html": "empty document (no text outside the HTML markup)",
		"huge.txt":          "too large: 200 MiB (209715200 bytes), over the 64 MiB limit",
		"loop.txt":          "too many levels of symbolic links (a symbolic link loop?)",
		"dangling.txt":      "broken symbolic link (its target does not exist)",
		"pipe.txt":          "not a regular file (a named pipe)",
		"unreadable.txt":    "permission denied",
	}
	write("binary.txt", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	write("nul.md", []byte("The CNIPA\x00\x00\x00 granted patents."))
	write("latin1.txt", []byte("Latin-1 report (1999)\nCaf\xe9 owners asked the CNIPA about trademarks.\n"))
	write("utf16_nobom.txt", utf16LE("The CNIPA granted 798,000 invention patents in 2022.")[2:])
	write("empty.txt", nil)
	write("blank.md", []byte("\n  \t\r\n\n"))
	write("scripts_only.html", []byte("<html><head><script>alert('SCRIPTSECRET')</script><style>p{}</style></head><body><!-- nothing --></body></html>"))
	// 200 MB that take no disk: refused by its size, before reading (the
	// loaders' TestReadDocumentHugeTextNotRead refuses a real one).
	write("huge.txt", nil)
	mustNoErr(t, os.Truncate(p("huge.txt"), 200<<20))
	// A loop through a name Expand does not list (.lnk), so one error.
	mustNoErr(t, os.Symlink("loop.lnk", p("loop.txt")))
	mustNoErr(t, os.Symlink("loop.txt", p("loop.lnk")))
	mustNoErr(t, os.Symlink("no_such_target.txt", p("dangling.txt")))
	mustNoErr(t, syscall.Mkfifo(p("pipe.txt"), 0o644))
	write("unreadable.txt", []byte("The CNIPA granted patents.\n"))
	mustNoErr(t, os.Chmod(p("unreadable.txt"), 0))

	dbDir := filepath.Join(base, "db")
	mustNoErr(t, os.Mkdir(dbDir, 0o755))
	db := filepath.Join(dbDir, "g.db")
	code, stdout, stderr := loadUnprivileged(t, base, dbDir, "load", "--db", db, dir)

	t.Logf("stderr of the load:\n%s", stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	// Exactly one "error: PATH: reason" line per bad file.
	lineRe := regexp.MustCompile(`^error: (.+?): (.+)$`)
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(line, "ipgraph load: ") {
			if want := "ipgraph load: 12 of 18 inputs failed (listed above)"; line != want {
				t.Errorf("summary %q, want %q", line, want)
			}
			continue
		}
		m := lineRe.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("stderr line is not an error line: %q", line)
			continue
		}
		name := filepath.Base(m[1])
		seen[name]++
		if m[1] != p(name) {
			t.Errorf("error line names %q, want the path %q", m[1], p(name))
		}
		want, ok := bad[name]
		switch {
		case !ok:
			t.Errorf("error for a good file: %q", line)
		case !strings.Contains(m[2], want):
			t.Errorf("%s: reason %q, want containing %q", name, m[2], want)
		}
	}
	for name := range bad {
		if seen[name] != 1 {
			t.Errorf("%s: %d error lines, want 1\nstderr:\n%s", name, seen[name], stderr)
		}
	}
	for _, name := range good {
		if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(p(name)) + `: \d+ entities`).MatchString(stdout) {
			t.Errorf("%s not reported as loaded:\n%s", name, stdout)
		}
	}
	if !strings.Contains(stdout, "loaded 6 of 18 documents") {
		t.Errorf("summary: %s", stdout)
	}

	// The store: the six good documents, consistent, nothing else.
	if st := stats(t, db); st["documents"].(float64) != float64(len(good)) {
		t.Errorf("documents = %v, want %d", st["documents"], len(good))
	}
	if code, out, errOut := ipgraph(t, "verify", "--db", db); code != 0 || !strings.Contains(out, "6 documents") || !strings.Contains(out, " 0 problems") {
		t.Errorf("verify: %d %s %s", code, out, errOut)
	}
	code, nq, errOut := ipgraph(t, "export", "--db", db, "--format", "nquads")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	for name := range bad {
		if strings.Contains(nq, graph.DocumentIRI(name)) {
			t.Errorf("the store holds something of the refused %s", name)
		}
	}
	for _, s := range []string{"SCRIPTSECRET", "NOSCRIPTSECRET", "abolished", "color: red", "<p>", "<b>", "&nbsp;", "\\uFEFF", "\\ufeff"} {
		if strings.Contains(nq, s) {
			t.Errorf("the store holds %q", s)
		}
	}
	labels := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(nq), "\n") {
		if m := regexp.MustCompile(`<([^<>]*)> \.$`).FindStringSubmatch(line); m != nil {
			labels[m[1]] = true
		}
	}
	wantLabels := map[string]bool{}
	for _, name := range good {
		wantLabels[graph.DocumentIRI(name)] = true
	}
	if !reflect.DeepEqual(labels, wantLabels) {
		t.Errorf("quads are labelled with the documents\n%v\nwant\n%v", labels, wantLabels)
	}
	for _, want := range []string{
		// Titles and sentences of the decoded documents, as text.
		`"Notice on Utf16 Filings"`,
		`"The China National Intellectual Property Administration (CNIPA) received 1.6 million invention patent applications in 2021."`,
		`"Bom Brief"`,
		`"Htmlpage Bulletin"`,
		`"The China National Intellectual Property Administration (CNIPA) and the World Intellectual Property Organization (WIPO) signed a cooperation agreement in Beijing on June 1, 2020."`,
	} {
		if !strings.Contains(nq, want) {
			t.Errorf("the store lacks %s", want)
		}
	}
}

// utf16LE encodes s as UTF-16, little endian, with a byte-order mark.
func utf16LE(s string) []byte {
	units := append([]uint16{0xfeff}, utf16.Encode([]rune(s))...)
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// worldReadableTempDir is a temporary directory that another user can
// enter (t.TempDir's parent is private to the owner).
func worldReadableTempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "ipgraph-badinput-")
	mustNoErr(t, err)
	t.Cleanup(func() {
		filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
			if err == nil && info.Mode().IsRegular() && info.Mode().Perm() == 0 {
				os.Chmod(path, 0o600)
			}
			return nil
		})
		os.RemoveAll(dir)
	})
	mustNoErr(t, os.Chmod(dir, 0o755))
	return dir
}

// loadUnprivileged runs ipgraph with args as a user who cannot read a
// chmod 000 file: in this process when the tests do not run as root, and
// otherwise in a copy of this test binary (under base) run as nobody, which
// gets dbDir to write in.
func loadUnprivileged(t *testing.T, base, dbDir string, args ...string) (int, string, string) {
	t.Helper()
	if os.Geteuid() != 0 {
		return ipgraph(t, args...)
	}
	self, err := os.Executable()
	mustNoErr(t, err)
	bin := filepath.Join(base, "ipgraph.test")
	copyTestBinary(t, self, bin, 0o755)
	mustNoErr(t, os.Chown(dbDir, nobodyID, nobodyID))
	argv, _ := json.Marshal(args)
	cmd := exec.Command(bin, "-test.run=^TestHelperRunAsNobody$")
	cmd.Env = append(os.Environ(), "IPGRAPH_HELPER_ARGS="+string(argv), "HOME="+dbDir, "TMPDIR="+dbDir)
	cmd.Dir = base
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobodyID, Gid: nobodyID}}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("cannot run the load as uid %d: %v", nobodyID, err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// TestHelperRunAsNobody is not a test: it is the process loadUnprivileged
// starts, which runs the command given in IPGRAPH_HELPER_ARGS and exits
// with its status.
func TestHelperRunAsNobody(t *testing.T) {
	raw := os.Getenv("IPGRAPH_HELPER_ARGS")
	if raw == "" {
		return
	}
	var args []string
	if err := json.Unmarshal([]byte(raw), &args); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != nobodyID {
		t.Fatalf("helper runs as uid %d, want %d", os.Geteuid(), nobodyID)
	}
	os.Exit(run(context.Background(), args, os.Stdout, os.Stderr))
}

func copyTestBinary(t *testing.T, from, to string, perm os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	mustNoErr(t, err)
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, perm)
	mustNoErr(t, err)
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	mustNoErr(t, out.Close())
}
