package corpustest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestUnmark(t *testing.T) {
	cases := []struct {
		in, text, spans string
	}{
		{"no marks", "no marks", "[]"},
		{"up [[5%]] in [[2021]]", "up 5% in 2021", "[[3 5] [9 13]]"},
		{"中国[[3.2万]]件", "中国3.2万件", "[[2 6]]"},
		{"open [[5 here", "open [[5 here", "[]"},
		{"a ]] b [[c]]", "a ]] b c", "[[7 8]]"},
	}
	for _, c := range cases {
		text, spans := Unmark(c.in)
		if text != c.text || fmt.Sprint(spans) != c.spans {
			t.Errorf("Unmark(%q) = %q %v, want %q %s", c.in, text, spans, c.text, c.spans)
		}
	}
}

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.txt")
	src := "# a comment\n\n== date=2021-03 genre=news\nUp [[5%]] in 2020.\n\nSecond paragraph.\n=> 2020\n=> again\n\n# between cases\n== genre=alert\nNothing here.\n=> none\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := Read(t, path)
	if len(got) != 2 {
		t.Fatalf("%d cases, want 2: %+v", len(got), got)
	}
	a, b := got[0], got[1]
	checks := []struct {
		name string
		ok   bool
	}{
		{"first line", a.Line == 3},
		{"first header", a.Header["date"] == "2021-03" && a.Header["genre"] == "news"},
		{"first text", a.Text == "Up 5% in 2020.\n\nSecond paragraph."},
		{"first marks", fmt.Sprint(a.Marks) == "[[3 5]]"},
		{"first results", fmt.Sprint(a.Results) == "[2020 again]"},
		{"second", b.Line == 11 && b.Header["genre"] == "alert" && b.Text == "Nothing here." && fmt.Sprint(b.Results) == "[none]"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: got %+v", c.name, got)
		}
	}
}
