package timex

import (
	"fmt"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The prefilter is derived from the rules, never kept by hand: for each
// rule, a set of strings at least one of which any match contains (its
// triggers). One pass of an Aho-Corasick automaton over the lower-cased
// sentence finds the triggers present, and only their rules run. Most
// sentences hold no time at all and cost that one pass.

// maxTriggers bounds a rule's trigger set; a product of alternatives larger
// than this is not worth enumerating.
const maxTriggers = 64

// triggers returns strings one of which every match of re contains, or nil
// when no such set was found (the rule then runs on every sentence). exact
// says that every match is one of the strings, prefix that every match
// starts with one: an exact set may be joined to what follows it in a
// concatenation, a prefix set to what precedes it.
func triggers(re *syntax.Regexp) (set []string, exact bool) {
	set, exact, _ = triggerSet(re)
	return set, exact
}

func triggerSet(re *syntax.Regexp) (set []string, exact, prefix bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		return []string{string(re.Rune)}, true, true
	case syntax.OpCharClass:
		// A small class: each of its characters.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
				if len(out) > 12 {
					return nil, false, false
				}
			}
		}
		return out, true, true
	case syntax.OpCapture:
		return triggerSet(re.Sub[0])
	case syntax.OpPlus:
		t, _, p := triggerSet(re.Sub[0])
		return t, false, p
	case syntax.OpRepeat:
		if re.Min >= 1 {
			t, ex, p := triggerSet(re.Sub[0])
			return t, ex && re.Min == 1 && re.Max == 1, p
		}
		return nil, false, false
	case syntax.OpAlternate:
		var out []string
		exact, prefix = true, true
		for _, sub := range re.Sub {
			t, ex, p := triggerSet(sub)
			if t == nil {
				return nil, false, false
			}
			out = append(out, t...)
			exact = exact && ex
			prefix = prefix && p
		}
		return dedupe(out), exact, prefix
	case syntax.OpConcat:
		return concatTriggers(re.Sub)
	}
	return nil, false, false
}

// concatTriggers takes the products of runs of parts of a concatenation
// ("j" then "anuary|une|uly" is january, june, july; "ju" then "n.?|l.?"
// is jun, jul) and keeps the best set found: the one whose shortest string
// is longest. A run goes on through exact parts and ends with a part whose
// set is only a prefix of its matches.
func concatTriggers(subs []*syntax.Regexp) ([]string, bool, bool) {
	var best, run, startRun []string
	consider := func(set []string) {
		if set != nil && better(set, best) {
			best = set
		}
	}
	exact := true
	fromStart := true // the current run began at the first part
	end := func() {
		consider(run)
		if fromStart {
			startRun = run
		}
		run, exact, fromStart = nil, false, false
	}
	for _, sub := range subs {
		switch sub.Op {
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpEmptyMatch:
			continue // zero-width: the run goes on
		}
		t, ex, pre := triggerSet(sub)
		consider(t)
		if t == nil || !ex && !pre {
			// Its strings (if any) stand somewhere in a match, not next
			// to the neighbours' strings.
			end()
			continue
		}
		switch {
		case run == nil:
			run = t
		case len(run)*len(t) <= maxTriggers:
			var prod []string
			for _, a := range run {
				for _, b := range t {
					prod = append(prod, a+b)
				}
			}
			run = dedupe(prod)
		default:
			end()
			run = t
		}
		if !ex {
			end() // a prefix set ends the run: what follows it is not adjacent
		}
	}
	wasExact := exact && run != nil
	full := run
	end()
	if wasExact && best != nil && sameSet(best, full) {
		return best, true, true
	}
	return best, false, startRun != nil && sameSet(best, startRun)
}

func sameSet(a, b []string) bool { return len(a) == len(b) && slices.Equal(a, b) }

// better reports whether trigger set a is more selective than b.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := selectivity(a), selectivity(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

// commonWords are in nearly every sentence: as triggers they select
// nothing.
var commonWords = map[string]bool{"in": true, "on": true, "of": true, "to": true, "by": true, "for": true, "as": true,
	"at": true, "the": true, "and": true, "from": true, "over": true, "with": true, "a": true, "an": true, "this": true,
	"that": true, "is": true, "was": true, "were": true, "are": true, "it": true, "its": true,
	"during": true, "throughout": true, "across": true, "within": true, "through": true, "until": true, "since": true}

// selectivity is how rare a trigger set's strings are: the letters of the
// shortest string's words that are not common words.

func selectivity(set []string) int {
	m := -1
	for _, s := range set {
		n := 0
		ws := strings.Fields(s)
		for _, w := range ws {
			switch {
			case len(ws) > 1 && strings.ContainsAny(w, "0123456789"):
				n += max(len(w), 3) // a digit after words ("over the 5") is rare
			case !commonWords[w]:
				n += len(w)
			case len(ws) > 1:
				n++ // a common word in a phrase still narrows it: "up from"
			}
		}
		if n == 0 {
			n = 1
		}
		if m < 0 || n < m {
			m = n
		}
	}
	return m
}

func minLen(ss []string) int {
	m := -1
	for _, s := range ss {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

func dedupe(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}

// maxSets bounds the trigger sets a rule must all meet.
const maxSets = 4

// requiredSets returns trigger sets that a match must each meet: the best
// set of the whole pattern and, for a concatenation, the set of each part
// ("on " and a month for "on March 11"; a preposition and a year for "in
// 2019"). A rule runs only on a sentence that holds a string of every set.
func requiredSets(re *syntax.Regexp) [][]string {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	var sets [][]string
	if best, _ := triggers(re); best != nil && minLen(best) > 0 {
		sets = append(sets, best)
	}
	if re.Op == syntax.OpConcat {
		for _, sub := range re.Sub {
			// A further set must be selective: one of common words costs
			// more in the scan than it saves.
			if t, _ := triggers(sub); t != nil && selectivity(t) >= 3 {
				sets = append(sets, t)
			}
		}
	}
	seen := map[string]bool{}
	var out [][]string
	for _, set := range sets {
		k := strings.Join(set, "\x00")
		if !seen[k] {
			seen[k] = true
			out = append(out, set)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return better(out[a], out[b]) })
	if len(out) > maxSets {
		out = out[:maxSets]
	}
	return out
}

// reach returns how far a match can extend before and after a string of
// the first trigger set, in runes: when that set is the set of one part of
// the top concatenation, what the parts before and after it can take (plus
// the part's own room around the string); else the whole match's width on
// either side. -1 when a match has no bound.
func reach(re *syntax.Regexp, first []string) (before, after int) {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	all := maxWidth(re)
	if all < 0 {
		return -1, -1
	}
	if re.Op != syntax.OpConcat {
		return all, all
	}
	for k, sub := range re.Sub {
		t, _ := triggers(sub)
		if t == nil || !sameSet(t, first) {
			continue
		}
		room := maxWidth(sub) - minLen(first)
		b, a := room, room
		for _, s := range re.Sub[:k] {
			b += maxWidth(s)
		}
		for _, s := range re.Sub[k+1:] {
			a += maxWidth(s)
		}
		return b, a
	}
	return all, all
}

// triggerTable collects the automaton's strings, each with the slots it
// stands for.
type triggerTable struct {
	index  map[string]int
	pats   []string
	owners [][]hit
}

// add records that string p stands for h.
func (tt *triggerTable) add(p string, h hit) {
	k, ok := tt.index[p]
	if !ok {
		if tt.index == nil {
			tt.index = map[string]int{}
		}
		k = len(tt.pats)
		tt.index[p] = k
		tt.pats = append(tt.pats, p)
		tt.owners = append(tt.owners, nil)
	}
	tt.owners[k] = append(tt.owners[k], h)
}

// buildPrefilter computes every rule's trigger sets and the automaton.
func (rs *Rules) buildPrefilter() error {
	var plain, cased triggerTable
	rs.always = nil
	rs.slotRule = nil
	rs.firstSlot = nil
	rs.ruleSlots = make([][]int, len(rs.rules))
	for i, r := range rs.rules {
		re, err := syntax.Parse(r.re.String(), syntax.Perl)
		var sets [][]string
		r.maxLen = -1
		if err == nil {
			sets = requiredSets(re.Simplify())
			r.maxLen = maxWidth(re.Simplify())
			if len(sets) > 0 {
				r.before, r.after = reach(re.Simplify(), sets[0])
			}
		}
		if len(sets) == 0 {
			rs.always = append(rs.always, i)
			continue
		}
		for k, set := range sets {
			slot := len(rs.slotRule)
			rs.firstSlot = append(rs.firstSlot, k == 0)
			rs.slotRule = append(rs.slotRule, i)
			rs.ruleSlots[i] = append(rs.ruleSlots[i], slot)
			for _, t := range set {
				t = strings.ToLower(t)
				if rs.cased[strings.TrimRight(t, ".")] {
					// A month counts only capitalized: the trigger "May" is
					// looked for in the sentence as written, not the verb "may".
					c := strings.ToUpper(t[:1]) + t[1:]
					cased.add(c, hit{slot, len(c)})
					continue
				}
				plain.add(t, hit{slot, len(t)})
			}
		}
	}
	var err error
	if rs.match, err = newMatcher(plain.pats, plain.owners); err != nil {
		return err
	}
	rs.casedMatch, err = newMatcher(cased.pats, cased.owners)
	return err
}

// span is a byte range of a sentence.
type span struct{ lo, hi int }

// hit is a trigger string's slot and length.
type hit struct{ slot, n int }

// scanState is the scratch of one candidates call: which slots were met,
// and where the strings of each met slot stand.
type scanState struct {
	met     []bool
	spans   [][]span
	touched []int
	cands   []int
	buf     []byte // the lower-cased sentence
}

func (rs *Rules) newScanState() *scanState {
	return &scanState{met: make([]bool, len(rs.slotRule)), spans: make([][]span, len(rs.slotRule))}
}

func (st *scanState) reset() {
	for _, s := range st.touched {
		st.met[s] = false
		st.spans[s] = st.spans[s][:0]
	}
	st.touched = st.touched[:0]
}

// candidates returns the rules whose every trigger set has a string in the
// sentence (lower is it lower-cased; cased triggers are looked for in the
// sentence as written), in priority order, and records in st where each
// set's strings stand.
func (rs *Rules) candidates(sentence, lower string, st *scanState) []int {
	st.reset()
	mark := func(end int, hits []hit) {
		for _, h := range hits {
			if !st.met[h.slot] {
				st.met[h.slot] = true
				st.touched = append(st.touched, h.slot)
			}
			st.spans[h.slot] = append(st.spans[h.slot], span{end + 1 - h.n, end + 1})
		}
	}
	rs.match.scan(lower, mark)
	rs.casedMatch.scan(sentence, mark)
	if len(st.touched) == 0 && len(rs.always) == 0 {
		return nil
	}
	// Only the rules of met slots can run: count their met slots.
	out := append(st.cands[:0], rs.always...)
	for _, slot := range st.touched {
		i := rs.slotRule[slot]
		if rs.firstSlot[slot] {
			ok := true
			for _, s := range rs.ruleSlots[i] {
				if !st.met[s] {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	st.cands = out
	return out
}

// windows returns the parts of lower where rule i can match: around each
// string of its first trigger set, as far as the rule's longest match
// reaches, widened to word boundaries and merged; nil means the whole
// sentence. A match holds a string of that set and is at most maxLen long,
// so it lies inside one window, and the regular expression finds the same
// matches there as in the whole sentence.
func (rs *Rules) windows(i int, lower string, st *scanState, buf []span) []span {
	r := rs.rules[i]
	if r.maxLen <= 0 || r.before < 0 || len(rs.ruleSlots[i]) == 0 || r.before+r.after >= len(lower) { // runes ≤ bytes: a short sentence is one window
		return nil
	}
	out := buf[:0]
	for _, sp := range st.spans[rs.ruleSlots[i][0]] {
		// The reach counts runes: step back and forth rune by rune.
		lo, hi := sp.lo, sp.hi
		for n := 0; n < r.before && lo > 0; n++ {
			_, w := utf8.DecodeLastRuneInString(lower[:lo])
			lo -= w
		}
		for n := 0; n < r.after && hi < len(lower); n++ {
			_, w := utf8.DecodeRuneInString(lower[hi:])
			hi += w
		}
		for lo > 0 && isWordByte(lower[lo-1]) {
			lo--
		}
		for hi < len(lower) && isWordByte(lower[hi]) {
			hi++
		}
		if !othersWithin(rs.ruleSlots[i][1:], st, lo, hi) {
			continue // a match needs a string of every set, inside it
		}
		if n := len(out); n > 0 && lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, hi)
			continue
		}
		out = append(out, span{lo, hi})
	}
	if len(out) == 0 {
		return []span{} // no window: nothing to run (nil would mean the whole sentence)
	}
	return out
}

// othersWithin reports whether each of slots has a string inside [lo, hi).
func othersWithin(slots []int, st *scanState, lo, hi int) bool {
	for _, s := range slots {
		ok := false
		for _, sp := range st.spans[s] {
			if sp.lo >= lo && sp.hi <= hi {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// isWordByte is an ASCII word character, as \b sees it.
func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// maxWidth returns the most runes a match of re can take, or -1 when it
// has no bound.
func maxWidth(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture:
		return maxWidth(re.Sub[0])
	case syntax.OpQuest:
		return maxWidth(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		w := maxWidth(re.Sub[0])
		if w < 0 {
			return -1
		}
		return w * re.Max
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w < 0 {
				return -1
			}
			n += w
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			w := maxWidth(sub)
			if w < 0 {
				return -1
			}
			n = max(n, w)
		}
		return n
	}
	return 0 // empty and zero-width matches
}

// matcher is an Aho-Corasick automaton over bytes, made a full
// transition table so that a scan is one lookup per byte. Bytes that no
// pattern holds share one class, so the table has a column per byte class,
// not per byte: it stays small enough to stay in cache.
type matcher struct {
	class   [256]uint8
	classes int
	delta   []uint16 // state*classes + class → next state (states fit in 16 bits: a small table stays in cache)
	out     [][]hit  // the trigger strings that end at a state, its failure chain's included
}

func newMatcher(pats []string, owners [][]hit) (*matcher, error) {
	m := &matcher{}
	m.classes = 1 // class 0: a byte of no pattern
	for _, pat := range pats {
		for i := 0; i < len(pat); i++ {
			if m.class[pat[i]] == 0 {
				m.class[pat[i]] = uint8(m.classes)
				m.classes++
			}
		}
	}
	type node struct {
		next map[uint8]int32
		fail int32
	}
	nodes := []node{{next: map[uint8]int32{}}}
	out := [][]hit{nil}
	for p, pat := range pats {
		s := int32(0)
		for i := 0; i < len(pat); i++ {
			c := m.class[pat[i]]
			t, ok := nodes[s].next[c]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{next: map[uint8]int32{}})
				out = append(out, nil)
				nodes[s].next[c] = t
			}
			s = t
		}
		out[s] = append(out[s], owners[p]...)
	}
	n := m.classes
	if len(nodes) > 1<<16 {
		return nil, fmt.Errorf("the rules' trigger strings need %d prefilter states, more than %d", len(nodes), 1<<16)
	}
	m.delta = make([]uint16, len(nodes)*n)
	m.out = out
	// Breadth first, so that a state's failure state is complete before it.
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := 0; c < n; c++ {
			t, ok := nodes[s].next[uint8(c)]
			if !ok {
				if s != 0 {
					m.delta[int(s)*n+c] = m.delta[int(nodes[s].fail)*n+c]
				}
				continue
			}
			m.delta[int(s)*n+c] = uint16(t)
			if s != 0 {
				nodes[t].fail = int32(m.delta[int(nodes[s].fail)*n+c])
			}
			m.out[t] = append(m.out[t], m.out[nodes[t].fail]...)
			queue = append(queue, t)
		}
	}
	return m, nil
}

// scan calls fn with the byte index where strings end and the strings
// that end there, for every occurrence in s.
func (m *matcher) scan(s string, fn func(end int, hits []hit)) {
	state := 0
	n := m.classes
	for i := 0; i < len(s); i++ {
		state = int(m.delta[state*n+int(m.class[s[i]])])
		if o := m.out[state]; o != nil {
			fn(i, o)
		}
	}
}

// startsAtWordBoundary reports whether every match of pattern begins with
// \b: then a match cannot start just after a word character.
func startsAtWordBoundary(pattern string) bool {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return false
	}
	var first func(re *syntax.Regexp) bool
	first = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpWordBoundary:
			return true
		case syntax.OpCapture:
			return first(re.Sub[0])
		case syntax.OpConcat:
			return len(re.Sub) > 0 && first(re.Sub[0])
		case syntax.OpAlternate:
			for _, sub := range re.Sub {
				if !first(sub) {
					return false
				}
			}
			return len(re.Sub) > 0
		}
		return false
	}
	return first(re)
}

// matchesIn finds rule i's matches inside window w as the whole-window
// search would, trying its anchored twin only where a match can start: at
// most r.before runes ahead of a string of the rule's first trigger set,
// at a word boundary when every match starts with one. Matches are
// leftmost first and do not overlap; offsets are in lower.
func (rs *Rules) matchesIn(i int, lower string, st *scanState, w span, out [][]int) [][]int {
	r := rs.rules[i]
	next := w.lo // the first start still open: past the last match
	for _, sp := range st.spans[rs.ruleSlots[i][0]] {
		if sp.lo < w.lo || sp.hi > w.hi || sp.lo < next && sp.hi <= next {
			continue
		}
		lo := sp.lo
		for n := 0; n < r.before && lo > w.lo; n++ {
			_, size := utf8.DecodeLastRuneInString(lower[:lo])
			lo -= size
		}
		p := max(lo, next)
		for p <= sp.lo {
			if !utf8.RuneStart(lower[p]) || r.wordStart && p > w.lo && isWordByte(lower[p-1]) {
				p++
				continue
			}
			m := r.anchored.FindStringSubmatchIndex(lower[p:w.hi])
			if m == nil {
				p++
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += p
				}
			}
			out = append(out, m)
			p = max(m[1], p+1) // the next match starts after this one
		}
		next = max(next, p)
	}
	return out
}
