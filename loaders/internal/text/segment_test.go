package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "The office opened. It hired staff.", []string{"The office opened.", "It hired staff."}},
		{"honorific", "Mr. Li Wei spoke first. Ms. Zhao followed.", []string{"Mr. Li Wei spoke first.", "Ms. Zhao followed."}},
		{"doctor and number", "Dr. Fang filed Document No. 12 today. Nothing else happened.", []string{"Dr. Fang filed Document No. 12 today.", "Nothing else happened."}},
		{"initialism inside", "Trade with the U.S. Department of Commerce grew. Exports fell.", []string{"Trade with the U.S. Department of Commerce grew.", "Exports fell."}},
		{"initialism at end", "Firms moved to the U.S. The rest stayed.", []string{"Firms moved to the U.S.", "The rest stayed."}},
		{"e.g. and Art.", "Some courts, e.g. Xiamen, agree. See Art. 5 of the rules.", []string{"Some courts, e.g. Xiamen, agree.", "See Art. 5 of the rules."}},
		{"decimal", "Output rose to 3.75 million tons. Prices held.", []string{"Output rose to 3.75 million tons.", "Prices held."}},
		{"line breaks", "Heading\nFirst line of text\n\n- a list item\n* another item", []string{"Heading", "First line of text", "a list item", "another item"}},
		{"speaker turn", "Zhou Ming:\nThank you. Next question.", []string{"Zhou Ming:", "Thank you.", "Next question."}},
		{"chinese stops", "专利数量增加。商标也增加！好吗？", []string{"专利数量增加。", "商标也增加！", "好吗？"}},
		{"closing quote", `He said "we agree." Then he left.`, []string{`He said "we agree."`, "Then he left."}},
		{"lower case after stop", "It cost approx. ten yuan.", []string{"It cost approx. ten yuan."}},
		{"month abbreviation", "On Nov. 30, 2020, the group met. It ended.", []string{"On Nov. 30, 2020, the group met.", "It ended."}},
		{"question", "Why now? Because the plan ends.", []string{"Why now?", "Because the plan ends."}},
		{"empty", "  \n \n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Segment(tc.text)
			var texts []string
			for _, s := range got {
				texts = append(texts, s.Text)
			}
			if !reflect.DeepEqual(texts, tc.want) {
				t.Fatalf("Segment(%q)\n got %q\nwant %q", tc.text, texts, tc.want)
			}
			checkOffsets(t, tc.text, got)
		})
	}
}

// checkOffsets verifies that every sentence stands in text at its rune offset.
func checkOffsets(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	rs := []rune(text)
	for _, s := range ss {
		n := utf8.RuneCountInString(s.Text)
		if s.Offset < 0 || s.Offset+n > len(rs) || string(rs[s.Offset:s.Offset+n]) != s.Text {
			t.Fatalf("sentence %q not found at rune offset %d", s.Text, s.Offset)
		}
		if s.Text != strings.TrimSpace(s.Text) {
			t.Fatalf("sentence %q not trimmed", s.Text)
		}
	}
}

func TestSegmentLongSpanIsCut(t *testing.T) {
	text := strings.Repeat("word, ", 300) + "end"
	ss := Segment(text)
	if len(ss) < 2 {
		t.Fatalf("a %d-rune sentence was not cut", len(text))
	}
	for _, s := range ss {
		if utf8.RuneCountInString(s.Text) > 1000 {
			t.Fatalf("sentence of %d runes", utf8.RuneCountInString(s.Text))
		}
	}
	checkOffsets(t, text, ss)
}
