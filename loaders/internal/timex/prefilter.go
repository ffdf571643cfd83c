package timex

import (
	"regexp/syntax"
	"slices"
	"strings"
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
// when no such set was found (the rule then runs on every sentence); exact
// says that every match is one of the strings, so that the set may be
// joined to its neighbours' in a concatenation.
func triggers(re *syntax.Regexp) (set []string, exact bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		// A small class: each of its characters.
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, string(r))
				if len(out) > 12 {
					return nil, false
				}
			}
		}
		return out, true
	case syntax.OpCapture:
		return triggers(re.Sub[0])
	case syntax.OpPlus:
		t, _ := triggers(re.Sub[0])
		return t, false
	case syntax.OpRepeat:
		if re.Min >= 1 {
			t, ex := triggers(re.Sub[0])
			return t, ex && re.Min == 1 && re.Max == 1
		}
		return nil, false
	case syntax.OpAlternate:
		var out []string
		exact = true
		for _, sub := range re.Sub {
			t, ex := triggers(sub)
			if t == nil {
				return nil, false
			}
			out = append(out, t...)
			exact = exact && ex
		}
		return dedupe(out), exact
	case syntax.OpConcat:
		return concatTriggers(re.Sub)
	}
	return nil, false
}

// concatTriggers takes the products of runs of exactly known parts of a
// concatenation ("j" then "anuary|une|uly" is january, june, july) and
// keeps the best set found: the one whose shortest string is longest.
func concatTriggers(subs []*syntax.Regexp) ([]string, bool) {
	var best, run []string
	consider := func(set []string) {
		if set != nil && better(set, best) {
			best = set
		}
	}
	exact := true
	for _, sub := range subs {
		switch sub.Op {
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpEmptyMatch:
			continue // zero-width: the run goes on
		}
		t, ex := triggers(sub)
		consider(t)
		if t == nil || !ex {
			// Its strings (if any) stand somewhere in a match, not next
			// to the neighbours' strings.
			consider(run)
			run, exact = nil, false
			continue
		}
		if run == nil {
			run = t
		} else if len(run)*len(t) <= maxTriggers {
			var prod []string
			for _, a := range run {
				for _, b := range t {
					prod = append(prod, a+b)
				}
			}
			run = dedupe(prod)
		} else {
			consider(run)
			run, exact = t, false
		}
		consider(run)
	}
	consider(run)
	if exact && best != nil && len(run) > 0 && sameSet(best, run) {
		return best, true
	}
	return best, false
}

func sameSet(a, b []string) bool { return len(a) == len(b) && slices.Equal(a, b) }

// better reports whether trigger set a is more selective than b.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
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

// buildPrefilter computes every rule's triggers and the automaton.
func (rs *Rules) buildPrefilter() {
	var pats []string
	var owners [][]int
	index := map[string]int{}
	rs.always = nil
	for i, r := range rs.rules {
		re, err := syntax.Parse(r.re.String(), syntax.Perl)
		var ts []string
		if err == nil {
			ts, _ = triggers(re.Simplify())
		}
		if len(ts) == 0 || minLen(ts) == 0 {
			rs.always = append(rs.always, i)
			continue
		}
		for _, t := range ts {
			t = strings.ToLower(t)
			k, ok := index[t]
			if !ok {
				k = len(pats)
				index[t] = k
				pats = append(pats, t)
				owners = append(owners, nil)
			}
			owners[k] = append(owners[k], i)
		}
	}
	rs.match = newMatcher(pats, owners)
}

// candidates returns the rules whose triggers occur in lower, in priority
// order.
func (rs *Rules) candidates(lower string, buf []bool) []int {
	hit := buf[:len(rs.rules)]
	clear(hit)
	for _, i := range rs.always {
		hit[i] = true
	}
	any := len(rs.always) > 0
	rs.match.scan(lower, func(owners []int) {
		for _, i := range owners {
			hit[i] = true
		}
		any = true
	})
	if !any {
		return nil
	}
	var out []int
	for i, h := range hit {
		if h {
			out = append(out, i)
		}
	}
	return out
}

// matcher is an Aho-Corasick automaton over bytes, made a full
// transition table so that a scan is one lookup per byte.
type matcher struct {
	delta [][256]int32
	out   [][]int // owners of the patterns that end at a state, its failure chain's included
}

func newMatcher(pats []string, owners [][]int) *matcher {
	type node struct {
		next map[byte]int32
		fail int32
	}
	nodes := []node{{next: map[byte]int32{}}}
	out := [][]int{nil}
	for p, pat := range pats {
		s := int32(0)
		for i := 0; i < len(pat); i++ {
			t, ok := nodes[s].next[pat[i]]
			if !ok {
				t = int32(len(nodes))
				nodes = append(nodes, node{next: map[byte]int32{}})
				out = append(out, nil)
				nodes[s].next[pat[i]] = t
			}
			s = t
		}
		out[s] = append(out[s], owners[p]...)
	}
	m := &matcher{delta: make([][256]int32, len(nodes)), out: out}
	// Breadth first, so that a state's failure state is complete before it.
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c := 0; c < 256; c++ {
			t, ok := nodes[s].next[byte(c)]
			if !ok {
				if s != 0 {
					m.delta[s][c] = m.delta[nodes[s].fail][c]
				}
				continue
			}
			m.delta[s][c] = t
			if s != 0 {
				nodes[t].fail = m.delta[nodes[s].fail][c]
			}
			m.out[t] = append(m.out[t], m.out[nodes[t].fail]...)
			queue = append(queue, t)
		}
	}
	return m
}

// scan calls fn with the owners of every pattern occurrence in s.
func (m *matcher) scan(s string, fn func(owners []int)) {
	state := int32(0)
	for i := 0; i < len(s); i++ {
		state = m.delta[state][s[i]]
		if o := m.out[state]; o != nil {
			fn(o)
		}
	}
}
