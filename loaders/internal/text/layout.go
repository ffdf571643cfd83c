package text

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Break says what separates a sentence from the one before it.
type Break uint8

// The breaks between sentences, weakest first.
const (
	// Same: the sentence goes on the same line as the one before.
	Same Break = iota
	// Line: a line break, the start of a new paragraph of plain text.
	Line
	// Paragraph: a blank line.
	Paragraph
	// Section: a new topic starts — the sentence before was a heading, a
	// speaker's label ("Hu Wenhui:") or a question, or this sentence is a
	// heading, a question or a numbered item.
	Section
)

// listItemRe matches the marker of a numbered or bulleted item: "3. ",
// "(2) ", "II. ", "3.2 ", "• ".
var listItemRe = regexp.MustCompile(`^(?:\(?\d{1,2}[.)）]|（\d{1,2}）|[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})+|[•·▪])(?:\s|$)`)

// Breaks returns, for every sentence of a document whose runes are rs,
// what separates it from the sentence before (the first gets Section).
func Breaks(rs []rune, sents []Sentence) []Break {
	out := make([]Break, len(sents))
	prevEnd, prevTopic := -1, true
	for i, s := range sents {
		n := utf8.RuneCountInString(s.Text)
		b := Section
		if prevEnd >= 0 && !prevTopic {
			b = Same
			newlines := 0
			for _, r := range rs[min(prevEnd, s.Offset):s.Offset] {
				if r == '\n' {
					newlines++
				}
			}
			switch {
			case newlines >= 2:
				b = Paragraph
			case newlines == 1:
				b = Line
			}
			if b != Same && startsTopic(s.Text) {
				b = Section
			}
		}
		if b != Section && isQuestion(s.Text) {
			b = Section
		}
		out[i] = b
		prevEnd = s.Offset + n
		prevTopic = endsTopic(rs, s.Offset, s.Text)
	}
	return out
}

// startsTopic reports whether a sentence that opens a line is a heading or
// a numbered item.
func startsTopic(s string) bool {
	t := strings.TrimSpace(s)
	if len(t) > 12 {
		t = t[:12] // the marker is at the start: the regexp need not see the rest
	}
	return t == "" || listItemRe.MatchString(t)
}

// endsTopic reports whether the sentence at rune offset off is a heading or
// a speaker line (a whole line without closing punctuation, or ending in a
// colon) or a question, after which a new topic starts.
func endsTopic(rs []rune, off int, s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || isQuestion(t) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == ':' || last == '：' {
		return true
	}
	end := off + utf8.RuneCountInString(s)
	lineStart := off == 0 || rs[off-1] == '\n'
	lineEnd := end >= len(rs) || rs[end] == '\n' || rs[end] == '\r'
	if !lineStart || !lineEnd {
		return false
	}
	switch last {
	case '.', '!', '。', ';', '”', '"', ')', '）', '’', '\'', '*':
		return false
	}
	return true
}

func isQuestion(s string) bool {
	t := strings.TrimRight(strings.TrimSpace(s), `"”’'`)
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？")
}
