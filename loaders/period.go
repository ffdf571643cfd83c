package loaders

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// periodExpr is a time expression found in a sentence, resolved to an
// absolute period, with its rune position.
type periodExpr struct {
	period string
	at     int
	end    int
	rank   int // higher is more specific
}

var (
	reMonthRange  = regexp.MustCompile(`\bfrom (january|february|march|april|may|june|july|august|september|october|november|december) to (january|february|march|april|may|june|july|august|september|october|november|december)(?:,?\s+(?:of\s+)?((?:19|20)\d{2}|this year|last year))?`)
	reMonthDash   = regexp.MustCompile(`\b(january|february|march|april|may|june|july|august|september|october|november|december)\s*[-–]\s*(january|february|march|april|may|june|july|august|september|october|november|december)(?:,?\s+(?:of\s+)?((?:19|20)\d{2}|this year|last year))?`)
	reFirstMonths = regexp.MustCompile(`\b(?:in )?the first (two|three|four|five|six|seven|eight|nine|ten|eleven) months(?: of ((?:19|20)\d{2}|this year|last year|the year))?`)
	reHalf        = regexp.MustCompile(`\b(first|second) half of (?:the year |this year |last year |((?:19|20)\d{2}))?`)
	reHalfYear    = regexp.MustCompile(`\b(first|second) half of (this|last|the) year`)
	reQuarter     = regexp.MustCompile(`\b(first|second|third|fourth) quarter(?: of ((?:19|20)\d{2}|this year|last year))?`)
	reQuarters3   = regexp.MustCompile(`\bfirst three quarters(?: of ((?:19|20)\d{2}|this year|last year))?`)
	reAsOfMonth   = regexp.MustCompile(`\b(?:as of|by the end of|at the end of|end of|as at|by|until|up to) (?:this |last )?(january|february|march|april|may|june|july|august|september|october|november|december)(?:,?\s+(?:of\s+)?((?:19|20)\d{2}|this year|last year))?`)
	reThisMonth   = regexp.MustCompile(`\b(this|last) (january|february|march|april|may|june|july|august|september|october|november|december)\b`)
	reMonthYear   = regexp.MustCompile(`\b(?:in |of |since )?(january|february|march|april|may|june|july|august|september|october|november|december),? ((?:19|20)\d{2})\b`)
	reYearRange   = regexp.MustCompile(`\b((?:19|20)\d{2})\s*(?:[-–]|to)\s*((?:19|20)\d{2})\b`)
	reFromTo      = regexp.MustCompile(`\bfrom ((?:19|20)\d{2}) to ((?:19|20)\d{2})\b`)
	reInYear      = regexp.MustCompile(`\b(?:in|during|for|of|as of|throughout|by|since) ((?:19|20)\d{2})\b`)
	reYearEnd     = regexp.MustCompile(`\b(?:by the end of|at the end of|end of|by end-|as at the end of) ((?:19|20)\d{2})\b`)
	reBetween     = regexp.MustCompile(`\bbetween ((?:19|20)\d{2}) and ((?:19|20)\d{2})\b`)
	reThisMonthP  = regexp.MustCompile(`\bthis month\b`)
	reYearSaw     = regexp.MustCompile(`\b((?:19|20)\d{2}) (?:saw|witnessed|recorded)\b`)
	reLastYear    = regexp.MustCompile(`\b(last year|past year)\b`)
	reThisYear    = regexp.MustCompile(`\b(this year|so far this year)\b`)
	reNow         = regexp.MustCompile(`\b(now|currently|so far|to date|at present)\b`)
	rePastYears   = regexp.MustCompile(`\b(?:over|in|during|for|throughout) the (?:past|last|previous) (two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) years\b`)
	reSinceFYP    = regexp.MustCompile(`\bsince the (?:start|beginning|launch) of the (\d{1,2})(?:st|nd|rd|th) five-year plan`)
	reFYP         = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th) five-year plan period`)
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// asciiLower lower-cases ASCII letters only, so that the result has the
// same byte offsets as s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// periodWords gives each word that a period expression needs a bit;
// periodWordsIn sets the bits of the words a sentence holds, in one pass.
var periodWords = map[string]uint64{}

// monthWordBits are the bits of the month names.
var monthWordBits uint64

func init() {
	vocab := strings.Fields(`from months quarters quarter half this month last year past years five plan period
		saw witnessed recorded end between to now currently so far date at present previous since`)
	months := strings.Fields(`january february march april may june july august september october november december`)
	for i, w := range append(vocab, months...) {
		periodWords[w] = 1 << uint(i)
	}
	for _, m := range months {
		monthWordBits |= periodWords[m]
	}
	for w := range periodWords {
		periodWordStart[w[0]] = true
	}
}

// periodWordStart marks the first letters of periodWords: most words of a
// sentence are skipped without a map lookup.
var periodWordStart [256]bool

// periodWordsIn returns the periodWords bits of the ASCII words of text,
// lower-cased; "may" counts only as "May", since the modal verb is common.
func periodWordsIn(text string) uint64 {
	var bits uint64
	var buf [16]byte
	for i := 0; i < len(text); {
		if notASCIILetter(rune(text[i])) {
			i++
			continue
		}
		j := i
		for j < len(text) && !notASCIILetter(rune(text[j])) {
			j++
		}
		if n := j - i; n <= len(buf) {
			for k := 0; k < n; k++ {
				c := text[i+k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			if n >= 2 && n <= 10 && periodWordStart[buf[0]] {
				if b, ok := periodWords[string(buf[:n])]; ok && !(string(buf[:n]) == "may" && text[i] == 'm') {
					bits |= b
				}
			}
		}
		i = j
	}
	return bits
}

var phraseBitsCache sync.Map // phrase → uint64

// phraseBits returns the periodWords bits of every word of phrase (0 when a
// word has no bit), cached.
func phraseBits(phrase string) uint64 {
	if v, ok := phraseBitsCache.Load(phrase); ok {
		return v.(uint64)
	}
	var bits uint64
	for _, w := range strings.FieldsFunc(phrase, notASCIILetter) {
		b, ok := periodWords[strings.ToLower(w)]
		if !ok {
			bits = 0
			break
		}
		bits |= b
	}
	phraseBitsCache.Store(phrase, bits)
	return bits
}

func notASCIILetter(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }

// inYearPrepositions may stand before a year in "in 2019", "as of 2019".
var inYearPrepositions = map[string]bool{"in": true, "during": true, "for": true, "of": true, "throughout": true, "by": true, "since": true}

// inYearMatches finds what reInYear finds in lower — a preposition and a
// year, "during 2019", "as of 2020" — with a scan for the years instead of
// the regexp, which was the costliest of a sentence's period expressions.
// Each match is [start, end, yearStart, yearEnd], as
// FindAllStringSubmatchIndex gives them.
func inYearMatches(lower string, ok bool) [][]int {
	if !ok {
		return nil
	}
	var out [][]int
	for i := 2; i+4 <= len(lower); i++ {
		if !((lower[i] == '1' && lower[i+1] == '9') || (lower[i] == '2' && lower[i+1] == '0')) ||
			!isDigit(lower[i+2]) || !isDigit(lower[i+3]) ||
			(i+4 < len(lower) && isWordByte(lower[i+4])) || lower[i-1] != ' ' {
			continue
		}
		k := i - 1
		for k > 0 && 'a' <= lower[k-1] && lower[k-1] <= 'z' {
			k--
		}
		if !inYearPrepositions[lower[k:i-1]] || (k > 0 && isWordByte(lower[k-1])) {
			continue
		}
		start := k
		if lower[k:i-1] == "of" && k >= 3 && lower[k-3:k] == "as " && (k == 3 || !isWordByte(lower[k-4])) {
			start = k - 3
		}
		out = append(out, []int{start, i + 4, i, i + 4})
		i += 3
	}
	return out
}

// isWordByte is an ASCII word character, as \b in a regexp sees it.
func isWordByte(b byte) bool {
	return b == '_' || isDigit(b) || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// yearThenRange reports whether a year 19xx/20xx is followed, after
// spaces, by a dash or "to": what reYearRange needs.
func yearThenRange(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if !((text[i] == '1' && text[i+1] == '9') || (text[i] == '2' && text[i+1] == '0')) || !isDigit(text[i+2]) || !isDigit(text[i+3]) {
			continue
		}
		j := i + 4
		for j < len(text) && unicode.IsSpace(rune(text[j])) {
			j++
		}
		rest := text[j:]
		if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(strings.ToLower(rest[:min(2, len(rest))]), "to") {
			return true
		}
	}
	return false
}

// containsYear reports whether text holds four digits starting 19 or 20.
func containsYear(text string) bool {
	for i := 0; i+4 <= len(text); i++ {
		if (text[i] == '1' && text[i+1] == '9' || text[i] == '2' && text[i+1] == '0') &&
			isDigit(text[i+2]) && isDigit(text[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// docYearMonth splits a document date into year and month (0 when unknown).
func docYearMonth(date string) (int, int) {
	y, m := 0, 0
	if len(date) >= 4 {
		y, _ = strconv.Atoi(date[:4])
	}
	if len(date) >= 7 {
		m, _ = strconv.Atoi(date[5:7])
	}
	return y, m
}

// resolveYear turns "2024", "this year", "last year", "the year" or "" into
// a year, given the document year.
func resolveYear(s string, docYear int) int {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "", "this year", "the year":
		return docYear
	case "last year":
		return docYear - 1
	}
	y, err := strconv.Atoi(s)
	if err != nil {
		return docYear
	}
	return y
}

// findPeriods returns the time expressions of a sentence, resolved against
// the document date ("2024-07-29", "2018-03", "2017" or "").
func findPeriods(text, docDate string) []periodExpr {
	dy, dm := docYearMonth(docDate)
	var out []periodExpr
	var cur []int
	add := func(p string, at, rank int) {
		if p != "" && !strings.HasPrefix(p, "0") {
			end := at
			if cur != nil {
				end = cur[1]
			}
			out = append(out, periodExpr{p, runeIndex(text, at), runeIndex(text, end), rank})
		}
	}
	// Each expression runs only where its key word occurs: most sentences
	// have no time phrase, and the case-insensitive regexps are costly.
	// lower is made only when an expression has to run.
	var lowerText string
	lowered := false
	lower := func() string {
		if !lowered {
			lowerText, lowered = asciiLower(text), true
		}
		return lowerText
	}
	words := periodWordsIn(text)
	// has reports whether every word of a key phrase occurs in the
	// sentence: a cheap, loose test before the regexp itself.
	has := func(phrase string) bool {
		need := phraseBits(phrase)
		return need != 0 && words&need == need
	}
	hasMonth := words&monthWordBits != 0
	hasYear := containsYear(text)
	hasNow := has("now") || has("currently") || has("so far") || has("to date") || has("at present")
	all := func(re *regexp.Regexp, ok bool) [][]int {
		if !ok {
			return nil
		}
		// The expressions are written in lower case and run on lower, whose
		// byte offsets are those of text.
		return re.FindAllStringSubmatchIndex(lower(), -1)
	}
	yearOK := func(y int) bool { return y > 1900 }
	for _, m := range all(reMonthRange, hasMonth && has("from ")) {
		cur = m
		y := resolveYear(sub(text, m, 3), dy)
		if yearOK(y) {
			add(fmt.Sprintf("%d-%02d/%d-%02d", y, monthOf(sub(text, m, 1)), y, monthOf(sub(text, m, 2))), m[0], 5)
		}
	}
	for _, m := range all(reMonthDash, hasMonth && strings.ContainsAny(text, "-–")) {
		cur = m
		y := resolveYear(sub(text, m, 3), dy)
		if yearOK(y) {
			add(fmt.Sprintf("%d-%02d/%d-%02d", y, monthOf(sub(text, m, 1)), y, monthOf(sub(text, m, 2))), m[0], 5)
		}
	}
	for _, m := range all(reFirstMonths, has("months")) {
		cur = m
		y := resolveYear(sub(text, m, 2), dy)
		if n := numberWords[strings.ToLower(sub(text, m, 1))]; n > 0 && yearOK(y) {
			add(fmt.Sprintf("%d-01/%d-%02d", y, y, n), m[0], 5)
		}
	}
	for _, m := range all(reQuarters3, has("quarters")) {
		cur = m
		if y := resolveYear(sub(text, m, 1), dy); yearOK(y) {
			add(fmt.Sprintf("%d-01/%d-09", y, y), m[0], 5)
		}
	}
	for _, m := range all(reHalfYear, has("half")) {
		cur = m
		y := resolveYear(sub(text, m, 2)+" year", dy)
		if yearOK(y) {
			add(fmt.Sprintf("%d-H%d", y, ordinal(sub(text, m, 1))), m[0], 5)
		}
	}
	for _, m := range all(reHalf, has("half")) {
		cur = m
		if y := sub(text, m, 2); y != "" {
			add(fmt.Sprintf("%s-H%d", y, ordinal(sub(text, m, 1))), m[0], 5)
		}
	}
	for _, m := range all(reQuarter, has("quarter")) {
		cur = m
		if y := resolveYear(sub(text, m, 2), dy); yearOK(y) {
			add(fmt.Sprintf("%d-Q%d", y, ordinal(sub(text, m, 1))), m[0], 5)
		}
	}
	for _, m := range all(reAsOfMonth, hasMonth) {
		cur = m
		y := dy
		if ys := sub(text, m, 2); ys != "" {
			y = resolveYear(ys, dy)
		} else if strings.Contains(strings.ToLower(text[m[0]:m[1]]), "last ") {
			y = dy - 1
		}
		if yearOK(y) {
			add(fmt.Sprintf("%d-%02d", y, monthOf(sub(text, m, 1))), m[0], 6)
		}
	}
	for _, m := range all(reThisMonth, hasMonth && (has("this") || has("last"))) {
		cur = m
		y := dy
		if strings.EqualFold(sub(text, m, 1), "last") {
			y = dy - 1
		}
		if yearOK(y) {
			add(fmt.Sprintf("%d-%02d", y, monthOf(sub(text, m, 2))), m[0], 6)
		}
	}
	for _, m := range all(reMonthYear, hasMonth && hasYear) {
		cur = m
		add(fmt.Sprintf("%s-%02d", sub(text, m, 2), monthOf(sub(text, m, 1))), m[0], 4)
	}
	for _, m := range all(reFromTo, hasYear && has("from ")) {
		cur = m
		add(sub(text, m, 1)+"/"+sub(text, m, 2), m[0], 3)
	}
	for _, m := range all(reYearRange, hasYear && yearThenRange(text)) {
		cur = m
		add(sub(text, m, 1)+"/"+sub(text, m, 2), m[0], 2)
	}
	for _, m := range all(reFYP, has("five-year plan period")) {
		cur = m
		if n, err := strconv.Atoi(sub(text, m, 1)); err == nil && n >= 3 {
			s := 1966 + 5*(n-3)
			add(fmt.Sprintf("%d/%d", s, s+4), m[0], 3)
		}
	}
	if dy > 0 {
		// "over the past five years" in a 2024 document: 2019/2023, the
		// five full years before the document's.
		for _, m := range all(rePastYears, has("years") && (has("past") || has("last") || has("previous"))) {
			cur = m
			w := strings.ToLower(sub(text, m, 1))
			n := numberWords[w]
			if n == 0 {
				n, _ = strconv.Atoi(w)
			}
			if n >= 2 && n <= 30 {
				add(fmt.Sprintf("%d/%d", dy-n, dy-1), m[0], 4)
			}
		}
		// "since the start of the 14th Five-Year Plan": from the plan's
		// first year to the document's year.
		for _, m := range all(reSinceFYP, has("since five-year")) {
			cur = m
			if n, err := strconv.Atoi(sub(text, m, 1)); err == nil && n >= 3 {
				if s := 1966 + 5*(n-3); s < dy {
					add(fmt.Sprintf("%d/%d", s, dy), m[0], 4)
				}
			}
		}
	}
	for _, m := range all(reYearEnd, hasYear && has("end")) {
		cur = m
		add(sub(text, m, 1)+"-12", m[0], 4)
	}
	for _, m := range all(reBetween, hasYear && has("between")) {
		cur = m
		add(sub(text, m, 1)+"/"+sub(text, m, 2), m[0], 4)
	}
	if dy > 0 && dm > 0 {
		for _, m := range all(reThisMonthP, has("this month")) {
			cur = m
			add(fmt.Sprintf("%d-%02d", dy, dm), m[0], 4)
		}
	}
	var inYear [][]int
	if hasYear {
		inYear = inYearMatches(lower(), true)
	}
	for _, m := range inYear {
		cur = m
		add(sub(text, m, 1), m[0], 3)
	}
	for _, m := range all(reYearSaw, hasYear && (has(" saw") || has(" witnessed") || has(" recorded"))) {
		cur = m
		add(sub(text, m, 1), m[0], 3)
	}
	if dy > 0 {
		for _, m := range all(reLastYear, has("last year") || has("past year")) {
			cur = m
			add(strconv.Itoa(dy-1), m[0], 3)
		}
		for _, m := range all(reThisYear, has("this year")) {
			cur = m
			add(strconv.Itoa(dy), m[0], 2)
		}
		if dm > 0 {
			for _, m := range all(reNow, hasNow) {
				cur = m
				add(fmt.Sprintf("%d-%02d", dy, dm), m[0], 1)
			}
		}
	}
	// An expression inside a more specific one ("this year" in "the first
	// half of this year") is not a period of its own.
	var keep []periodExpr
	for i, p := range out {
		inside := false
		for j, q := range out {
			if i != j && q.rank > p.rank && q.at <= p.at && p.end <= q.end {
				inside = true
				break
			}
		}
		if !inside {
			keep = append(keep, p)
		}
	}
	return keep
}

// pickPeriod chooses the period for a figure at rune position pos: among
// the expressions of the sentence, the nearest one before the figure (more
// specific ones winning at the same place), else the nearest after it.
func pickPeriod(ps []periodExpr, pos int) string {
	best := -1
	score := func(p periodExpr) int {
		d := pos - p.at
		if d < 0 {
			d = -d + 1000
		}
		return d*10 - p.rank
	}
	for i, p := range ps {
		if best < 0 || score(p) < score(ps[best]) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	// Overlapping expressions at (nearly) the same place: the most specific.
	bp := ps[best]
	for _, p := range ps {
		if abs(p.at-bp.at) <= 12 && p.rank > bp.rank {
			bp = p
		}
	}
	return bp.period
}

// figurePeriod chooses the period of a figure spanning runes [lo, hi) of a
// sentence: a time phrase right after the figure ("12th in 2023", "23,000
// in the first half of this year"); else the nearest one before it; else
// the period carried from earlier sentences; else the nearest one after.
func figurePeriod(ps []periodExpr, lo, hi int, carry string) string {
	var before, after []periodExpr
	for _, p := range ps {
		if p.at < lo {
			before = append(before, p)
		} else {
			after = append(after, p)
		}
	}
	for _, p := range after {
		if p.at-hi <= 8 {
			return pickPeriod(after, p.at)
		}
	}
	if len(before) > 0 {
		return pickPeriod(before, lo)
	}
	if carry != "" {
		return carry
	}
	return pickPeriod(after, lo)
}

func ordinal(s string) int {
	switch strings.ToLower(s) {
	case "first":
		return 1
	case "second":
		return 2
	case "third":
		return 3
	case "fourth":
		return 4
	}
	return 0
}

func sub(s string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return s[m[2*g]:m[2*g+1]]
}

// runeIndex converts a byte index into a rune index.
func runeIndex(s string, b int) int {
	if b > len(s) {
		b = len(s)
	}
	return len([]rune(s[:b]))
}
