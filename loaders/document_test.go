package loaders

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDocumentErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		wantErr    string
	}{
		{"pdf extension", "report.pdf", []byte("text"), "unsupported file type"},
		{"no extension", "README", []byte("text"), "unsupported file type"},
		{"invalid utf-8", "bad.txt", []byte("abc\xff\xfedef"), "invalid UTF-8 at byte 3"},
		{"binary", "blob.md", []byte("PK\x03\x04\x00\x00"), "binary content"},
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
	doc := filepath.Join(dir, "notes.html")
	if err := os.WriteFile(doc, []byte("<p>hi</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDocument(doc); err == nil || !strings.Contains(err.Error(), "notes.html") {
		t.Fatalf("html file: error %v", err)
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
