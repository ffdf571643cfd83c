package loaders

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/graph"
)

func TestParseDocumentErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		wantErr    string
	}{
		{"pdf extension", "report.pdf", []byte("text"), "unsupported file type"},
		{"no extension", "README", []byte("text"), "unsupported file type"},
		{"invalid utf-8", "bad.txt", []byte("abc\xff\xfedef"), "not UTF-8 text: invalid byte 0xFF at offset 3 (line 1)"},
		{"binary", "blob.md", []byte("PK\x03\x04\x00\x00"), "binary file (ZIP archive"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDocument(tc.file, tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("ParseDocument(%q) error = %v, want containing %q", tc.file, err, tc.wantErr)
			}
		})
	}
}

func TestReadDocumentErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	if _, err := ReadDocument(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("missing file: error %v does not name the file", err)
	}
	bin := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(bin, []byte{0x89, 'P', 'N', 'G', 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDocument(bin); err == nil || !strings.Contains(err.Error(), bin) {
		t.Fatalf("binary file: error %v does not name the file", err)
	}
	doc := filepath.Join(dir, "notes.pdf")
	if err := os.WriteFile(doc, []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDocument(doc); err == nil || !strings.Contains(err.Error(), "notes.pdf") {
		t.Fatalf("pdf file: error %v", err)
	}
}

func TestReadDocument(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.md")
	body := "\n\n## **Quarterly Brief** on Patents\n\nDate: 2022-05-06\n\nText follows.\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := ReadDocument(path)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Name != "brief.md" || doc.Path != path {
		t.Errorf("Name, Path = %q, %q", doc.Name, doc.Path)
	}
	if doc.Title != "Quarterly Brief on Patents" {
		t.Errorf("Title = %q", doc.Title)
	}
	if doc.Date != "2022-05-06" {
		t.Errorf("Date = %q", doc.Date)
	}
	if doc.Text != body {
		t.Errorf("Text changed")
	}
	sum := sha256.Sum256([]byte(body))
	if doc.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %q", doc.Hash)
	}
}

func TestDocumentDate(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"labelled next line", "Press briefing\nDate:\nMarch 3, 2022\nBody.", "2022-03-03"},
		{"labelled same line", "Notice\nDate: 9 October 2019\nBody.", "2019-10-09"},
		{"header dateline", "Briefing on trade\nBeijing | 10 a.m. June 1, 2020\nBody mentions May 2, 2019.", "2020-06-01"},
		{"iso", "Circular\nIssued 2015-04-10 by the office.", "2015-04-10"},
		{"month in brackets", "Digest (August 2016)\nNews.", "2016-08"},
		{"date line at end", "Circular\nline one\nline two\nline three\nline four\nline five\nline six\nApril 10, 2015", "2015-04-10"},
		{"year in title", "Annual Report 2017\nNo dates here.", "2017"},
		{"chinese date", "通知\n2021年3月5日发布", "2021-03-05"},
		{"none", "Just words\nno dates", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := ParseDocument("d.txt", []byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Date != tc.want {
				t.Fatalf("Date = %q, want %q", doc.Date, tc.want)
			}
		})
	}
}

// TestLoadFileVanishes removes a file while a load runs, after the files
// were listed: that file gets a one-line error, nothing of it is in the
// store, and the files around it load.
func TestLoadFileVanishes(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var files []string
	for i := range 6 {
		path := filepath.Join(dir, fmt.Sprintf("doc%d.txt", i))
		text := fmt.Sprintf("Bulletin %d\nThe China National Intellectual Property Administration (CNIPA) granted %d patents in 2022.\n", i, 1000+i)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	listed, errs := Expand([]string{dir})
	if len(errs) > 0 || !reflect.DeepEqual(listed, files) {
		t.Fatalf("Expand = %v, %v", listed, errs)
	}
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	// One worker and a window of two: when the first result is reported,
	// files 0–2 at most have been handed out, so file 4 is read after it
	// is removed.
	vanished := files[4]
	removed := false
	results := x.LoadWith(ctx, store, listed, LoadOptions{Workers: 1, BatchQuads: 1}, func(r LoadResult) {
		if !removed {
			removed = true
			if err := os.Remove(vanished); err != nil {
				t.Error(err)
			}
		}
	})
	if len(results) != len(files) {
		t.Fatalf("%d results for %d files", len(results), len(files))
	}
	for _, r := range results {
		if r.Path == vanished {
			if r.Err == nil || r.Err.Error() != "no such file (removed during the load?)" {
				t.Errorf("%s: error %v", r.Path, r.Err)
			}
			if msg := (&FileError{r.Path, r.Err}).Error(); msg != vanished+": no such file (removed during the load?)" {
				t.Errorf("message %q", msg)
			}
			continue
		}
		if r.Err != nil || r.Change.Added == 0 {
			t.Errorf("%s: %+v", r.Path, r)
		}
	}
	for _, f := range files {
		iri := graph.DocumentIRI(filepath.Base(f))
		_, in, err := store.Manifest(ctx, iri)
		if err != nil {
			t.Fatal(err)
		}
		if in != (f != vanished) {
			t.Errorf("%s in the store: %v", f, in)
		}
	}
	gone := graph.DocumentIRI(filepath.Base(vanished))
	err = store.EachQuad(ctx, func(q graph.Quad) error {
		if q.Label == gone || q.Subject == gone || strings.Contains(q.Object.Value, filepath.Base(vanished)) {
			t.Errorf("quad of the removed document: %+v", q)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
