package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// headLines is how many lines of a document Classify reads.
const headLines = 15

// times runs the time stage over the document's sentences: every time
// expression recognized and resolved against the document's anchors, and
// the document's default period.
func (d *docState) times() ([]timex.Sentence, string) {
	texts := make([]string, len(d.sents))
	sents := make([]text.Sentence, len(d.sents))
	for i, s := range d.sents {
		texts[i], sents[i] = s.Text, s.Sentence
	}
	var head []string
	rest := d.doc.Text
	for len(head) < headLines && rest != "" {
		line, more, _ := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) != "" {
			head = append(head, line)
		}
		rest = more
	}
	genre, year := timex.Classify(d.doc.Title, head)
	anchor := d.doc.Date
	if anchor == "" {
		// An undated document: its relative times ("last year", "now") are
		// read against the first full date of its text, the best estimate
		// of when it was written. Document.Date stays empty.
		anchor = firstDate(d.doc.Text)
	}
	return d.x.times.Analyze(timex.Doc{Date: anchor, Genre: genre, Year: year}, texts, text.Breaks(d.docRunes, sents))
}

// firstDate returns the first full date of a text, looking only at the
// lines that hold a year, among its first 200 lines.
func firstDate(text string) string {
	for n := 0; text != "" && n < 200; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		if containsYear(line) && (isoLike(line) || strings.Contains(line, "年") || hasMonthName(line)) {
			if d, _ := parseDateIn(line); d != "" {
				return d
			}
		}
		text = rest
	}
	return ""
}

// containsYear reports whether s holds four digits starting 19 or 20.
func containsYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && s[i+2] >= '0' && s[i+2] <= '9' && s[i+3] >= '0' && s[i+3] <= '9' {
			return true
		}
	}
	return false
}

// hasMonthName reports whether s names a month, in a cheap scan for the
// capitals that month names and abbreviations start with.
func hasMonthName(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		switch s[i] {
		case 'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D':
			if text.Month(strings.ToLower(s[i:i+3])) > 0 {
				return true
			}
		}
	}
	return false
}

// isoLike reports whether s holds a year followed by -, / or . and a
// digit: the start of "2024-07-29".
func isoLike(s string) bool {
	for i := 0; i+6 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(s[i+4] == '-' || s[i+4] == '/' || s[i+4] == '.') && isDigit(s[i+5]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
