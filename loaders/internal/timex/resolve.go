package timex

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// Genre is the kind of document, which decides what a year left open
// refers to.
type Genre string

// The genres.
const (
	News       Genre = "news"       // news, press releases, alerts, explainers
	Transcript Genre = "transcript" // press conferences, briefings, interviews
	Report     Genre = "report"     // annual reports and reviews, white papers
	Circular   Genre = "circular"   // circulars, notices, opinions
	Digest     Genre = "digest"     // a list of dated items
)

// Doc is what resolution needs to know of a document.
type Doc struct {
	Date  string // the document's date from its dateline or header: "2024-07-29", "2024-07", "2024" or ""
	Genre Genre
	Year  int // the year a report covers (its reporting period or title), or 0
}

// Sentence is one sentence of a document with its time expressions, as
// Resolve reads and annotates it.
type Sentence struct {
	Text  string
	Break text.Break // what separates it from the sentence before
	Exprs []Expr     // from Recognize; Resolve sets their Period
	// Carry is the period the sentences before hand on to this one (the
	// last point period of its paragraph or speaker's answer), set by
	// Resolve.
	Carry string
	// runes is Text's runes, made on first use by Choose.
	runes []rune
}

// textRunes returns s.Text's runes, made once.
func (s *Sentence) textRunes() []rune {
	if s.runes == nil {
		s.runes = []rune(s.Text)
	}
	return s.runes
}

// Resolve gives every expression of a document's sentences its absolute
// Period, in one pass in document order, and every sentence its Carry. It
// returns the document's default period: the period of a figure whose
// sentence, paragraph and answer name no time.
//
// Anchors. REF is the year of the document's date, except inside a dated
// item (a line that opens with a date — "March 3, 2022 — …", or a
// paragraph that opens "On 3 March 2022, …"), where it is the item's date.
// TOPIC ("that year", "the same year") is the year the text named last.
// A year left open (UNDEF: "in the first half", "at year-end", "in
// February") is REF's year in news, transcripts and circulars — unless the
// period would end after the anchor's date, when it is the year the
// paragraph (else the text) last named, else the year before REF; in a
// report it is the year the paragraph last named, else the report's year,
// else the year the text last named. A comparison base never names the
// topic and is never carried; a span of years is taken in its sentence and
// not carried.
func Resolve(doc Doc, sents []Sentence) string {
	docY, docM := yearMonth(doc.Date)
	refY, refM := docY, docM
	itemEnds := text.Section // what ends the current item's anchor
	itemActive := false
	docTopic, paraTopic := 0, 0
	carry := ""
	counts := map[int]int{}
	for i := range sents {
		s := &sents[i]
		if s.Break >= text.Line {
			paraTopic = 0
		}
		if s.Break == text.Section && !introduces(sents, i) {
			carry = ""
		}
		if s.Break == text.Paragraph && doc.Genre != Transcript && carry != "" {
			// A new paragraph that names no time is still about the
			// section's year, not about the last paragraph's month or half.
			carry = carry[:4]
		}
		if itemActive && s.Break >= itemEnds {
			itemActive = false
			refY, refM = docY, docM
		}
		if y, m, role, ok := itemStart(s); ok {
			refY, refM, itemActive = y, m, true
			itemEnds = text.Line
			if role == Anchor {
				itemEnds = text.Section
				s.Exprs[0].Role = Anchor
				carry = ""
			}
		}
		s.Carry = carry
		same := carry // the period a "same period a year earlier" shifts
		for k := range s.Exprs {
			e := &s.Exprs[k]
			if e.Role == Ignore {
				continue
			}
			parts, err := parseValue(e.Value)
			if err != nil || len(parts) == 0 {
				continue
			}
			ys := years{ref: refY, refMonth: refM, topic: docTopic, report: doc.Year, same: same}
			if docTopic == 0 && hasTopic(parts) {
				// "for the year as a whole" with no year named yet: the year
				// the document is about, as for a year left open.
				parts = topicAsOpen(parts)
			}
			if hasUndef(parts) {
				ys.undef = openYear(doc, parts, ys, paraTopic, docTopic, futureTense(s.Text, e.Lo, e.Hi))
			}
			e.Period = format(parts, ys)
			if e.Period == "" || e.Role == Base {
				continue
			}
			if e.Role == Point && !isSpan(e.Period) {
				same = e.Period
			}
			if explicit(parts) && !isSpan(e.Period) {
				if y := lastYear(e.Period); y > 0 {
					docTopic, paraTopic = y, y
					if e.Role == Point {
						counts[y]++
					}
				}
			}
		}
		for k := len(s.Exprs) - 1; k >= 0; k-- {
			e := s.Exprs[k]
			if e.Role == Point && e.Period != "" && !isSpan(e.Period) {
				carry = e.Period
				break
			}
		}
	}
	return defaultPeriod(doc, counts)
}

// introduces reports whether the sentence before sents[i] ends in a colon
// and names a time ("By 2025, the Outline says:"): the list it introduces
// keeps its period.
func introduces(sents []Sentence, i int) bool {
	if i == 0 {
		return false
	}
	p := sents[i-1]
	t := strings.TrimSpace(p.Text)
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") {
		return false
	}
	for _, e := range p.Exprs {
		if e.Role == Point && e.Period != "" {
			return true
		}
	}
	return false
}

// openYear is the year an open year stands for (see Resolve).
func openYear(doc Doc, parts []part, ys years, paraTopic, docTopic int, future bool) int {
	if doc.Genre == Report {
		switch {
		case paraTopic > 0:
			return paraTopic
		case doc.Year > 0:
			return doc.Year
		case docTopic > 0:
			return docTopic
		}
		return ys.ref
	}
	if ys.ref == 0 {
		if paraTopic > 0 {
			return paraTopic
		}
		return docTopic
	}
	ys.undef = ys.ref
	if ys.refMonth > 0 && !future {
		if end, ok := lastMonth(format(parts, ys)); ok && end.y*12+end.m > ys.ref*12+ys.refMonth {
			if paraTopic > 0 && paraTopic < ys.ref {
				return paraTopic
			}
			return ys.ref - 1
		}
	}
	return ys.ref
}

// futureWords mark a sentence about what is to come, whose open months
// lie ahead of its date: "The rules take effect on 1 July".
var futureWords = []string{" will ", " shall ", " take effect", " takes effect", " is to ", " are to ", " is expected", " are expected", " plans to ", " aims to ", " is scheduled", " are scheduled"}

// futureTense reports whether the clause of the phrase at runes [lo, hi)
// speaks of the future.
func futureTense(s string, lo, hi int) bool {
	rs := []rune(s)
	cl, cr := clause(rs, lo, hi)
	l := " " + strings.ToLower(string(rs[cl:cr])) + " "
	for _, w := range futureWords {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// itemStart reports whether a sentence opens a dated item: it starts a
// line with a full date (the item's anchor: "March 3, 2022 — …") or a
// paragraph with "On <date>, …" (which anchors the paragraph).
func itemStart(s *Sentence) (y, m int, role Role, ok bool) {
	if s.Break < text.Line || len(s.Exprs) == 0 {
		return 0, 0, 0, false
	}
	e := s.Exprs[0]
	if e.Lo > 0 || !strings.HasPrefix(e.Rule, "date_") || e.Role != Point {
		return 0, 0, 0, false
	}
	parts, err := parseValue(e.Value)
	if err != nil || len(parts) != 1 || parts[0].kind != absYear {
		return 0, 0, 0, false
	}
	y = parts[0].year
	m, _ = strconv.Atoi(parts[0].sub)
	rest := strings.TrimLeft(s.Text[len(e.Text):], " \t")
	switch {
	case strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "-"),
		strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "|"), strings.HasPrefix(rest, "]"):
		return y, m, Anchor, true
	case strings.HasPrefix(strings.ToLower(e.Text), "on ") && strings.HasPrefix(rest, ","):
		return y, m, Point, true
	}
	return 0, 0, 0, false
}

// defaultPeriod is the period of a figure whose sentence and paragraph name
// no time: a report's year; for a document dated to the month, that month
// (an undated figure in a dated briefing is stated as current); else a year
// that most of the text's years name.
func defaultPeriod(doc Doc, counts map[int]int) string {
	if doc.Genre == Report && doc.Year > 0 {
		return strconv.Itoa(doc.Year)
	}
	if len(doc.Date) >= 7 {
		return doc.Date[:7]
	}
	total := 0
	var ys []int
	for y, n := range counts {
		total += n
		ys = append(ys, y)
	}
	sort.Ints(ys)
	best, bestN := 0, 0
	for _, y := range ys {
		if counts[y] >= bestN {
			best, bestN = y, counts[y]
		}
	}
	if bestN >= 3 && bestN*2 > total {
		return strconv.Itoa(best)
	}
	if len(doc.Date) == 4 {
		return doc.Date
	}
	return ""
}

// PeriodAt returns the period of a figure at runes [lo, hi) of sentence s,
// by the first of these that gives one:
//   - the expression whose phrase holds the figure ("compared with 56,000
//     in 2019");
//   - a point period in the figure's clause (between commas and
//     semicolons): right after the figure ("23,000 in the first half"), else
//     the nearest before it, else the nearest after it;
//   - the nearest point period before the figure in the sentence ("In the
//     first half of this year, 23,000 …");
//   - the period carried into the sentence;
//   - the nearest point period after the figure in the sentence;
//   - the date of the item the sentence opens;
//
// else "".
func PeriodAt(s *Sentence, lo, hi int) string { return Choose(s, lo, hi).Period }

// Choice is the period a figure takes and where it came from.
type Choice struct {
	Period string
	// Rule is the id of the time rule that found the period's phrase, or
	// "carried" (from the sentences before) or "" (none).
	Rule string
	Text string // the phrase, when a phrase of the sentence gave the period
}

// Choose is PeriodAt with the reason for the choice.
func Choose(s *Sentence, lo, hi int) Choice {
	of := func(e Expr) Choice { return Choice{e.Period, e.Rule, e.Text} }
	rs := s.textRunes()
	for _, e := range s.Exprs {
		if e.Period != "" && e.Role != Ignore && e.Lo <= lo && hi <= e.Hi {
			return of(e)
		}
		// "compared with 2016's 152,000": the base's possessive holds the figure.
		if e.Role == Base && e.Period != "" && e.Hi <= lo && lo-e.Hi <= 3 && lo <= len(rs) {
			if gap := strings.TrimSpace(string(rs[e.Hi:lo])); gap == "'s" || gap == "’s" {
				return of(e)
			}
		}
	}
	cl, cr := clause(rs, lo, hi)
	pick := func(from, to int, last bool, weak bool) (Choice, bool) {
		var best Choice
		found := false
		for _, e := range s.Exprs {
			if !(e.Role == Point || weak && e.Role == Weak) || e.Period == "" || e.Lo < from || e.Hi > to {
				continue
			}
			best, found = of(e), true
			if !last {
				break
			}
		}
		return best, found
	}
	for _, e := range s.Exprs {
		if e.Role == Point && e.Period != "" && e.Lo >= hi && e.Lo-hi <= 8 && e.Hi <= cr {
			return of(e)
		}
	}
	if c, ok := pick(cl, lo, true, true); ok {
		return c // a weak point counts in the figure's own clause: "China is now in possession of 1.6 million"
	}
	if c, ok := pick(hi, cr, false, true); ok {
		return c
	}
	if c, ok := pick(0, lo, true, !pointBefore(s, lo)); ok {
		return c // a weak point opens the sentence: "At present, we have organized 17,000 …"
	}
	if s.Carry != "" {
		return Choice{Period: s.Carry, Rule: "carried"}
	}
	if c, ok := pick(hi, 1<<30, false, false); ok {
		return c
	}
	for _, e := range s.Exprs {
		if e.Role == Weak && e.Period != "" {
			return of(e)
		}
	}
	for _, e := range s.Exprs {
		if e.Role == Anchor && e.Period != "" {
			return of(e)
		}
	}
	return Choice{}
}

// pointBefore reports whether a point period of s ends before rune lo.
func pointBefore(s *Sentence, lo int) bool {
	for _, e := range s.Exprs {
		if e.Role == Point && e.Period != "" && e.Hi <= lo {
			return true
		}
	}
	return false
}

// clause returns the span of the clause of runes rs that holds [lo, hi):
// it runs between semicolons and commas (not the commas of "4,186").
func clause(rs []rune, lo, hi int) (int, int) {
	boundary := func(i int) bool {
		switch rs[i] {
		case ';', '；', ':', '，':
			return true
		case ',':
			return !(i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) && !seriesComma(rs, i)
		}
		return false
	}
	cl := 0
	for i := min(lo, len(rs)) - 1; i >= 0; i-- {
		if boundary(i) {
			cl = i + 1
			break
		}
	}
	cr := len(rs)
	for i := max(hi, 0); i < len(rs); i++ {
		if boundary(i) || i > 0 && rs[i-1] == ' ' && reportingAt(rs, i) {
			cr = i
			break
		}
	}
	return cl, cr
}

// seriesComma reports whether the comma at i separates the items of a
// series ("logos, pins, flags and sunglasses"), not clauses: a word ends
// before it, and items of one or two words follow, separated by commas,
// until "and" or "or" closes the series.
func seriesComma(rs []rune, i int) bool {
	if i == 0 || !unicode.IsLetter(rs[i-1]) {
		return false
	}
	words := 0
	inWord := false
	for j := i + 1; j < len(rs); j++ {
		r := rs[j]
		switch {
		case unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’':
			if !inWord {
				inWord = true
				words++
				if w := wordAt(rs, j); w == "and" || w == "or" {
					return words > 1 // "…, and": a clause may follow
				}
			}
		case r == ' ':
			inWord = false
		case r == ',':
			if words == 0 || words > 2 {
				return false
			}
			words, inWord = 0, false
		default:
			return false // a digit, a bracket, a stop: not a plain series
		}
		if words > 2 {
			return false
		}
	}
	return false
}

// wordAt returns the letters of the word that starts at rune j.
func wordAt(rs []rune, j int) string {
	k := j
	for k < len(rs) && unicode.IsLetter(rs[k]) {
		k++
	}
	return string(rs[j:k])
}

// reportingWords open a clause of reported speech: "… released 10 model
// cases and said it had handled 4,700 cases in 2019".
var reportingWords = []string{"said", "says", "stated", "noted", "added", "announced", "reported", "explained"}

// reportingAt reports whether a reporting verb starts at rune i.
func reportingAt(rs []rune, i int) bool {
	for _, w := range reportingWords {
		n := len(w)
		if i+n > len(rs) || i+n < len(rs) && unicode.IsLetter(rs[i+n]) {
			continue
		}
		same := true
		for k := 0; k < n; k++ {
			if rs[i+k] != rune(w[k]) {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// yearMonth splits a date into year and month (0 when absent).
func yearMonth(date string) (int, int) {
	y, m := 0, 0
	if len(date) >= 4 {
		y, _ = strconv.Atoi(date[:4])
	}
	if len(date) >= 7 {
		m, _ = strconv.Atoi(date[5:7])
	}
	return y, m
}

// lastYear is the year a period ends in.
func lastYear(period string) int {
	if e, ok := lastMonth(period); ok {
		return e.y
	}
	return 0
}

// Analyze recognizes and resolves the time expressions of a document given
// as its sentences' texts and the breaks before them (text.Breaks): the
// sentences, annotated, and the document's default period.
func (rs *Rules) Analyze(doc Doc, texts []string, breaks []text.Break) ([]Sentence, string) {
	sents := make([]Sentence, len(texts))
	for i, t := range texts {
		sents[i] = Sentence{Text: t, Break: breaks[i], Exprs: rs.Recognize(t)}
	}
	return sents, Resolve(doc, sents)
}
