package timex

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Expr is a time expression found in a sentence.
type Expr struct {
	Lo, Hi int    // rune offsets of the phrase in the sentence text
	Text   string // the phrase as written
	Rule   string // the id of the rule that found it
	Role   Role
	// Value is the period as recognized, before resolution: it may name
	// the anchor's year (REF), the year last talked about (TOPIC) or a year
	// the text leaves open (UNDEF): "REF[-1]", "UNDEF-H1", "2019-12".
	Value string
	// Period is the absolute period after Resolve ("2018", "2024-H1",
	// "2016/2020"), or "" when there is none.
	Period string
}

// found is a match before arbitration.
type found struct {
	lo, hi int // byte offsets
	rule   int
	value  string
}

// scratch holds a scanState per goroutine between calls.
var scratch sync.Pool

// windowed is false only in tests that compare windowed recognition with
// recognition over whole sentences.
var windowed = true

// Recognize returns the time expressions of one sentence, left to right,
// with their values unresolved (Period is empty; see Resolve). Where two
// matches overlap, the longer one wins, then the rule written first.
func (rs *Rules) Recognize(sentence string) []Expr {
	st, _ := scratch.Get().(*scanState)
	if st == nil || len(st.met) != len(rs.slotRule) {
		st = rs.newScanState()
	}
	defer scratch.Put(st)
	// lower lives in st's buffer, reused by the next call: nothing kept
	// from a Recognize call may point into it (values are built afresh,
	// texts are cut from sentence).
	lower := st.lower(sentence)
	cands := rs.candidates(sentence, lower, st)
	if len(cands) == 0 {
		return nil
	}
	var all []found
	var wbuf []span
	for _, i := range cands {
		r := rs.rules[i]
		var matches [][]int
		if ws := rs.windows(i, lower, st, wbuf); windowed && ws != nil {
			wbuf = ws
			for _, w := range ws {
				matches = rs.matchesIn(i, lower, st, w, matches)
			}
		} else {
			matches = r.re.FindAllStringSubmatchIndex(lower, -1)
		}
		for _, m := range matches {
			if m[1] == m[0] || !rs.casedOK(sentence, m[0], m[1]) {
				continue
			}
			if r.capName > 0 && !capitalizedName(sentence, m, r.capName) {
				continue
			}
			if r.afterChange && !afterChange(lower[:m[0]]) {
				continue
			}
			v, ok := rs.evalValue(r, lower, m)
			if !ok {
				continue
			}
			all = append(all, found{m[0], m[1], i, v})
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		la, lb := all[a].hi-all[a].lo, all[b].hi-all[b].lo
		if la != lb {
			return la > lb
		}
		if all[a].rule != all[b].rule {
			return all[a].rule < all[b].rule
		}
		return all[a].lo < all[b].lo
	})
	var kept []found
	for _, f := range all {
		overlaps := false
		for _, k := range kept {
			if f.lo < k.hi && k.lo < f.hi {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, f)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].lo < kept[b].lo })
	out := make([]Expr, len(kept))
	runeAt, byteAt := 0, 0
	toRune := func(b int) int { // offsets come in increasing order per call site
		if b < byteAt {
			runeAt, byteAt = 0, 0
		}
		runeAt += utf8.RuneCountInString(sentence[byteAt:b])
		byteAt = b
		return runeAt
	}
	for i, f := range kept {
		r := rs.rules[f.rule]
		role := r.role
		if role == Point {
			if c := cueBefore(lower[:f.lo], lower[f.lo:f.hi]); c >= 0 {
				role, f.lo = Base, c // "than in 2019", "on 2019": a comparison base
			}
		}
		if role == Base {
			f.hi = whenClause(lower, f.hi) // "compared with 2021, when 4,100 filings were refused"
		}
		lo := toRune(f.lo)
		hi := toRune(f.hi)
		out[i] = Expr{Lo: lo, Hi: hi, Text: sentence[f.lo:f.hi], Rule: r.id, Role: role, Value: f.value}
	}
	return out
}

// comparisonCues are the words that make the time right after them a
// comparison base: "38% more than in 2019", "up 20 percent on 2019", "the
// same share as in 2019", "11 points above the last year of the plan".
var comparisonCues = []string{"than", "above", "below", "over", "on", "against", "versus", "vs.", "vs",
	"compared with", "compared to", "relative to", "as", "like", "up from", "down from"}

// cueFillers may stand between a cue and the time: "than that of 2019".
var cueFillers = []string{"that of", "those of", "the level of", "the levels of", "the figure for", "the figures for", "the level in", "the figure in"}

// cueBefore returns the byte offset where a comparison cue starts, if
// before (the text up to the time phrase expr) ends with one and a space,
// else -1.
func cueBefore(before, expr string) int {
	t := strings.TrimRight(before, " ")
	if len(t) == len(before) {
		return -1
	}
	for _, f := range cueFillers {
		if strings.HasSuffix(t, f) && (len(t) == len(f) || t[len(t)-len(f)-1] == ' ') {
			t = strings.TrimRight(t[:len(t)-len(f)], " ")
			break
		}
	}
	if strings.HasSuffix(t, " from") && afterChange(strings.TrimSuffix(t, "from")) {
		return len(t) - len("from") // "up 14% from the end of 2019"
	}
	for _, c := range comparisonCues {
		if strings.HasSuffix(t, c) && (len(t) == len(c) || !isASCIILetter(t[len(t)-len(c)-1])) {
			if (c == "as" || c == "like") && !strings.HasPrefix(expr, "in ") {
				return -1 // "as in 2019" is a base; "as 2019 ended" is not
			}
			return len(t) - len(c)
		}
	}
	return -1
}

// changeWords end the words of a change before its base: "up 10%", "rose",
// "down 4 percent".
var changeWords = map[string]bool{"up": true, "down": true, "%": true, "percent": true, "points": true, "point": true,
	"rose": true, "fell": true, "increased": true, "decreased": true, "grew": true, "dropped": true, "declined": true,
	"climbed": true, "jumped": true, "slipped": true, "rising": true, "falling": true}

// afterChange reports whether before (the text up to a "from") ends with
// a change: "up 10% ", "rose ", "down 4 percent ".
func afterChange(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(f[len(f)-1], ",")
	return changeWords[w] || strings.HasSuffix(w, "%")
}

// whenClause extends a base that a "when" clause describes ("… in 2020,
// when 59 million were seized") to the clause's end: the figures in it are
// the base's.
func whenClause(lower string, hi int) int {
	rest := lower[hi:]
	skip := 0
	if strings.HasPrefix(rest, ",") {
		skip = 1
	}
	if !strings.HasPrefix(strings.TrimLeft(rest[skip:], " "), "when ") {
		return hi
	}
	end := len(lower)
	for i := hi + skip + 1; i < len(lower); i++ {
		if c := lower[i]; c == ',' && !(i+1 < len(lower) && lower[i+1] >= '0' && lower[i+1] <= '9') || c == ';' || c == '.' && !(i+1 < len(lower) && lower[i+1] >= '0' && lower[i+1] <= '9') {
			end = i
			break
		}
	}
	return end
}

// casedOK reports whether every cased word (a month name) in
// sentence[lo:hi] is written with a capital: "in May" is a month, "may" a
// verb.
func (rs *Rules) casedOK(sentence string, lo, hi int) bool {
	s := sentence[lo:hi]
	for i := 0; i < len(s); {
		if !isASCIILetter(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIILetter(s[j]) {
			j++
		}
		whole := (lo+i == 0 || !isASCIILetter(sentence[lo+i-1])) && (lo+j >= len(sentence) || !isASCIILetter(sentence[lo+j]))
		if rs.cased[strings.ToLower(s[i:j])] && (s[i] >= 'a' && s[i] <= 'z' || !whole) {
			// A lower-case month is no month; nor is one cut by the match's
			// edge ("mayyear").
			return false
		}
		i = j
	}
	return true
}

// functionWords are capitalized words that do not name an edition ("In
// 2019", "By 2025"), checked by if=capname.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`in on at by for from to of during since until till through throughout as and or than the a an
		this that these those its their our his her early late mid before after over under about around nearly almost
		year years end close beginning start middle half quarter first second third fourth last past next previous
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter
		between within across into among per versus vs up down total`) {
		functionWords[w] = true
	}
}

// capitalizedName reports whether group g of match m is a capitalized word
// that is not a function word: "Longteng Action 2019", "Index 2021".
func capitalizedName(sentence string, m []int, g int) bool {
	lo, hi := m[2*g], m[2*g+1]
	if lo < 0 || lo >= hi {
		return false
	}
	w := sentence[lo:hi]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !functionWords[strings.ToLower(w)]
}

// evalValue fills the rule's value template from match m of lower.
func (rs *Rules) evalValue(r *rule, lower string, m []int) (string, bool) {
	if r.value == nil {
		return "-", true
	}
	var b strings.Builder
	for _, p := range r.value {
		if p.table == "" && p.groups == nil {
			b.WriteString(p.lit)
			continue
		}
		text := ""
		for _, g := range p.groups {
			if m[2*g] >= 0 && m[2*g+1] > m[2*g] {
				text = strings.Join(strings.Fields(lower[m[2*g]:m[2*g+1]]), " ")
				break
			}
		}
		switch p.table {
		case "":
			if text == "" {
				return "", false
			}
			b.WriteString(text)
		case "year":
			switch {
			case text == "":
				b.WriteString("UNDEF")
			case isYear(text):
				b.WriteString(text)
			default:
				v, ok := rs.tables["year"][text]
				if !ok {
					return "", false
				}
				b.WriteString(v)
			}
		case "plan", "planstart", "planend":
			n := planNumber(text, rs.tables["plan"])
			if n < 3 {
				return "", false
			}
			start := 1966 + 5*(n-3)
			switch p.table {
			case "plan":
				b.WriteString(strconv.Itoa(start) + "/" + strconv.Itoa(start+4))
			case "planstart":
				b.WriteString(strconv.Itoa(start))
			default:
				b.WriteString(strconv.Itoa(start + 4))
			}
		default:
			v, ok := rs.tables[p.table][text]
			if !ok {
				return "", false
			}
			b.WriteString(v)
		}
	}
	return b.String(), true
}

// planNumber reads "13th" or "thirteenth" as 13 (0 when it cannot).
func planNumber(s string, words map[string]string) int {
	if v, ok := words[s]; ok {
		n, _ := strconv.Atoi(v)
		return n
	}
	n := 0
	for i := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func isYear(s string) bool {
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9'
}

func isASCIILetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// lower returns s lower-cased (ASCII letters only, so that offsets stay)
// in the state's buffer.
func (st *scanState) lower(s string) string {
	if cap(st.buf) < len(s) {
		st.buf = make([]byte, len(s), 2*len(s))
	}
	b := st.buf[:len(s)]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// asciiLower lower-cases ASCII letters only, so that the result has the
// same byte offsets as s.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
