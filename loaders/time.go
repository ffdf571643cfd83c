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
		anchor, _ = parseDateIn(d.doc.Text)
	}
	return d.x.times.Analyze(timex.Doc{Date: anchor, Genre: genre, Year: year}, texts, text.Breaks(d.docRunes, sents))
}
