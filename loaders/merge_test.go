package loaders

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A name found by a pattern that is also a gazetteer entry's name or alias
// is that entry, not a second entity.
func TestPatternNameMergesIntoGazetteerEntry(t *testing.T) {
	tsv := filepath.Join(t.TempDir(), "mine.tsv")
	row := "id\ttype\tname\taliases\tkind\tparent\tsucceeded_by\tmerged_into\n" +
		"green_shoots\tProgram\tGreen Shoots campaign\tGreen Shoots\tcampaign\t\t\t\n"
	if err := os.WriteFile(tsv, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(tsv)
	if err != nil {
		t.Fatal(err)
	}
	tests := []string{
		"The county launched the “Green Shoots” campaign in May. The Green Shoots campaign trained 300 farmers.",
		"The \"Green Shoots\" campaign is new. Officials praised the Green Shoots campaign.",
	}
	for _, text := range tests {
		ext := extractText(t, x, text)
		n := 0
		for _, e := range ext.Entities {
			if e.Type == Program {
				n++
				if e.ID != "green_shoots" {
					t.Errorf("%q: program %q (%s), want the gazetteer entry", text, e.Name, e.ID)
				}
			}
		}
		if n != 1 {
			t.Errorf("%q: %d programs, want 1: %+v", text, n, ext.Entities)
		}
	}
}

// A title that has reached its head word ends before "with", "by", "from"
// or "at"; one that has not goes on.
func TestTitleStopsAfterHeadWord(t *testing.T) {
	tests := []struct{ text, want string }{
		{"This Office also launched the Green Seedling Program with the Ministry of Agriculture.", "Green Seedling Program"},
		{"The bureau opened the Seed Quality Campaign by the river in Hubei.", "Seed Quality Campaign"},
		{"The county adopted the Plan for Seed Cooperation with Neighbouring Counties last week.", "Plan for Seed Cooperation with Neighbouring Counties"},
	}
	for _, tc := range tests {
		ext := extractText(t, nil, tc.text)
		found := false
		for _, e := range ext.Entities {
			if e.Type == Program || e.Type == Law {
				found = found || e.Name == tc.want
			}
		}
		if !found {
			t.Errorf("%q: want %q among %+v", tc.text, tc.want, ext.Entities)
		}
	}
}

// A heading stays its own sentence: the evidence of a fact in the next
// paragraph does not begin with it.
func TestHeadingIsNotJoinedToTheNextParagraph(t *testing.T) {
	doc, err := ParseDocument("report.md", []byte("# Seed report\n\n### 1. The new office\n\nUnder the plan adopted in 2018, the Zhongshan Seed Bureau was renamed the Zhongshan Provincial Seed Administration.\n"))
	if err != nil {
		t.Fatal(err)
	}
	ext, err := newTestExtractor(t).Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range ext.Relations {
		if r.Predicate == "succeededBy" {
			found = true
			if strings.Contains(r.Sentence, "new office") {
				t.Errorf("evidence %q starts with the heading", r.Sentence)
			}
		}
	}
	if !found {
		t.Errorf("no succeededBy relation in %+v", ext.Relations)
	}
}
