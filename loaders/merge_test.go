package loaders

import (
	"os"
	"path/filepath"
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
