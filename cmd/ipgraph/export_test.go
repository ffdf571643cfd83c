package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "g.db")
	if code, _, errOut := ipgraph(t, "load", "--quiet", "--db", db, filepath.Join("..", "..", "testdata", "corpus")); code != 0 {
		t.Fatalf("load: %d %s", code, errOut)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		file     string // written with -o, "" for none
		want     string // in the file, or in stdout when file is ""
		stderrRe string
	}{
		{"graphml to a file", []string{"--format", "graphml"}, 0, "g.graphml", "<graphml", "wrote .*g.graphml: [0-9]+ nodes, [0-9]+ edges"},
		{"nquads counts quads", []string{"--format", "nquads"}, 0, "g.nq", "<urn:ipgraph:", "[0-9]+ quads"},
		{"csv zip", []string{"--format", "csv"}, 0, "g.zip", "edges.csv", ""},
		{"dot to stdout", []string{"--format", "dot", "--root", "cnipa", "--depth", "2"}, 0, "", "digraph", ""},
		{"types filter", []string{"--format", "cyjs", "--types", "Agency"}, 0, "", `"Agency"`, ""},
		{"unknown format", []string{"--format", "pdf"}, 2, "", "", "unknown export format"},
		{"unknown root writes no file", []string{"--format", "dot", "--root", "atlantis"}, 1, "none.dot", "", "no such entity"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"export", "--db", db}, tc.args...)
			out := ""
			if tc.file != "" {
				out = filepath.Join(dir, tc.file)
				args = append(args, "-o", out)
			}
			code, stdout, stderr := ipgraph(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, stderr)
			}
			if tc.stderrRe != "" && !matches(tc.stderrRe, stderr) {
				t.Errorf("stderr %q lacks /%s/", stderr, tc.stderrRe)
			}
			got := stdout
			if out != "" {
				b, err := os.ReadFile(out)
				if tc.code != 0 {
					if err == nil {
						t.Errorf("a failed export left %s", out)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				got = string(b)
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("output lacks %q: %.200s", tc.want, got)
			}
		})
	}
	// stats with a selection counts what export writes.
	code, out, errOut := ipgraph(t, "stats", "--db", db, "--root", "cnipa", "--depth", "2")
	if code != 0 || !strings.Contains(out, "nodes") || !strings.Contains(out, "edges by predicate") {
		t.Errorf("stats --root: %d %s %s", code, out, errOut)
	}
}

func matches(re, s string) bool {
	return regexp.MustCompile(re).MatchString(s)
}
