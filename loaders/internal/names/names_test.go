package names

import (
	"reflect"
	"testing"
)

func TestSyllables(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"changyu", []string{"chang", "yu"}},
		{"xi'an", []string{"xi", "an"}},
		{"chang-yu", []string{"chang", "yu"}},
		{"zhuang", []string{"zhuang"}},
		{"guanghai", []string{"guang", "hai"}},
		{"hogan", nil},
		{"kwok", nil},
		{"tea", nil},
		{"", nil},
	} {
		if got := Syllables(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Syllables(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestIsChineseName(t *testing.T) {
	for _, c := range []struct {
		s, g string
		want bool
	}{
		{"Shen", "Changyu", true},
		{"Ge", "Shu", true},
		{"Ouyang", "Zhongcan", true},
		{"Hu", "Wen-hui", true},
		{"Zhang", "Changyuguo", false}, // three syllables
		{"Phil", "Hogan", false},
		{"Anji", "White", false},
		{"Shen", "changyu", false}, // not capitalized
		{"Shen", "CHANGYU", false},
		{"Smith", "Jin", false},
	} {
		if got := IsChineseName(c.s, c.g); got != c.want {
			t.Errorf("IsChineseName(%q, %q) = %v, want %v", c.s, c.g, got, c.want)
		}
	}
}

func TestListsAreLoaded(t *testing.T) {
	if len(surnames) < 240 {
		t.Errorf("%d surnames, want the few hundred in use", len(surnames))
	}
	if len(syllables) < 390 {
		t.Errorf("%d syllables, want the whole pinyin table", len(syllables))
	}
}
