package loaders

import (
	"context"
	"math"
	"testing"
)

var testExtractor *Extractor

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	if testExtractor == nil {
		x, err := NewExtractor()
		if err != nil {
			t.Fatal(err)
		}
		testExtractor = x
	}
	return testExtractor
}

// extractText runs x (or the built-in extractor) on a document made of text.
func extractText(t testing.TB, x *Extractor, text string) *Extraction {
	t.Helper()
	if x == nil {
		x = newTestExtractor(t)
	}
	doc, err := ParseDocument("test.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ext, err := x.Extract(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return ext
}

func findEntity(ext *Extraction, id string) *Entity {
	for i := range ext.Entities {
		if ext.Entities[i].ID == id {
			return &ext.Entities[i]
		}
	}
	return nil
}

func hasRelation(ext *Extraction, s, p, o string) bool {
	for _, r := range ext.Relations {
		if r.Subject == s && r.Predicate == p && r.Object == o {
			return true
		}
	}
	return false
}

// statisticWithValue extracts a dated briefing made of text and returns its
// last statistic with the given value, failing the test when there is none.
func statisticWithValue(t *testing.T, text string, value float64) *Statistic {
	t.Helper()
	ext := extractText(t, nil, "Briefing\nDate: July 29, 2024\n"+text)
	var found *Statistic
	for i := range ext.Statistics {
		if math.Abs(ext.Statistics[i].Value-value) < 1e-6*math.Max(1, value) {
			found = &ext.Statistics[i]
		}
	}
	if found == nil {
		t.Fatalf("no statistic with value %v in %+v", value, ext.Statistics)
	}
	return found
}
