package loaders

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseGazetteerErrors(t *testing.T) {
	tests := []struct {
		name, data, wantErr string
	}{
		{"too few columns", "id\ttype\tname\nabc\tAgency\n", "g.tsv:2: want at least 3"},
		{"too many columns", "x\tAgency\tX\t\t\t\t\t\textra\n", "g.tsv:1: 9 columns"},
		{"unknown type", "# comment\nx\tCountry\tXland\n", `g.tsv:2: unknown type "Country"`},
		{"empty name", "x\tRegion\t\n", "g.tsv:1: empty id or name"},
		{"space in id", "my id\tRegion\tSomewhere\n", "must not contain spaces"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGazetteer("g.tsv", strings.NewReader(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want containing %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseGazetteer(t *testing.T) {
	data := "# a comment\nid\ttype\tname\taliases\tkind\tparent\tsucceeded_by\tmerged_into\n\nold_office\tagency\tOld Office\tOO|The Old One\toffice\t\tnew_office\t\n"
	got, err := ParseGazetteer("g.tsv", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d entries", len(got))
	}
	e := got[0]
	if e.ID != "old_office" || e.Type != Agency || e.Name != "Old Office" || len(e.Aliases) != 2 || e.SucceededBy != "new_office" || e.Source != "g.tsv:4" {
		t.Fatalf("entry = %+v", e)
	}
}

func TestBuiltinGazetteers(t *testing.T) {
	entries, err := loadBuiltinGazetteers()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, e := range entries {
		if ids[e.ID] {
			t.Errorf("duplicate id %s (%s)", e.ID, e.Source)
		}
		ids[e.ID] = true
	}
	for _, e := range entries {
		for _, ref := range []string{e.Parent, e.SucceededBy, e.MergedInto} {
			if ref != "" && !ids[ref] {
				t.Errorf("%s (%s) refers to unknown id %q", e.ID, e.Source, ref)
			}
		}
	}
	for _, id := range []string{"cnipa", "sipo", "state_council", "wipo", "patent_law", "pct", "beijing", "xinjiang", "hong_kong"} {
		if !ids[id] {
			t.Errorf("built-in gazetteers lack %s", id)
		}
	}
}

func TestNewExtractorUserGazetteer(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "extra.tsv")
	if err := os.WriteFile(path, []byte("id\ttype\tname\taliases\nwidget_bureau\tAgency\tWidget Bureau\tWB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := NewExtractor(path)
	if err != nil {
		t.Fatal(err)
	}
	ext := extractText(t, x, "The WB approved the design.")
	if e := findEntity(ext, "widget_bureau"); e == nil || e.Type != Agency {
		t.Fatalf("user gazetteer entry not found: %+v", ext.Entities)
	}
	if _, err := NewExtractor(filepath.Join(dir, "none.tsv")); err == nil || !strings.Contains(err.Error(), "none.tsv") {
		t.Fatalf("missing gazetteer: error %v", err)
	}
	bad := filepath.Join(dir, "bad.tsv")
	os.WriteFile(bad, []byte("x\tThing\tX\n"), 0o644)
	if _, err := NewExtractor(bad); err == nil || !strings.Contains(err.Error(), "bad.tsv:1") {
		t.Fatalf("bad gazetteer: error %v", err)
	}
}

func TestAcronymFits(t *testing.T) {
	tests := []struct {
		name string
		acr  string
		want bool
	}{
		{"China National Intellectual Property Administration", "CNIPA", true},
		{"Ministry of Science and Technology", "MoST", true},
		{"Ministry of Science and Technology", "MOST", true},
		{"State Council Information Office", "SCIO", true},
		{"U.S.-China Clean Energy Research Center", "CERC", true},
		{"Patent Cooperation Treaty", "PCT", true},
		{"World Trade Organization", "WIPO", false},
		{"Press Bureau", "SCIO", false},
		{"National Bureau of Statistics", "NBS", true},
	}
	for _, tc := range tests {
		if got := acronymFits(strings.Fields(tc.name), tc.acr); got != tc.want {
			t.Errorf("acronymFits(%q, %q) = %v, want %v", tc.name, tc.acr, got, tc.want)
		}
	}
}
