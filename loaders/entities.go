package loaders

import (
	"sort"
	"strings"
	"unicode"
)

// candidate is one recognized name in one sentence, before aliases are
// merged into entities.
type candidate struct {
	gaz     int // gazetteer entry, or -1
	typ     EntityType
	name    string // surface text
	rule    string
	xAlias  string   // "Patent Bureau" of "Patent Bureau of the CNIPA"
	acronym string   // defined by "Full Name (ACR)"
	suffix  *mention // "the CNIPA" of "Patent Bureau of the CNIPA"
	ent     int      // entity index after assembly
}

// mention is a candidate's place: sentence index and token span.
type mention struct {
	sent   int
	lo, hi int
	c      *candidate
}

// sentInfo is a sentence with its tokens and the mentions found in it.
type sentInfo struct {
	Sentence
	runes    []rune
	toks     []token
	mentions []*mention
}

func (s *sentInfo) spanText(lo, hi int) string {
	if lo >= hi || hi > len(s.toks) {
		return ""
	}
	return string(s.runes[s.toks[lo].lo:s.toks[hi-1].hi])
}

func (s *sentInfo) addMention(m *mention) { s.mentions = append(s.mentions, m) }

// mentionAt returns the longest mention starting at token i.
func (s *sentInfo) mentionAt(i int) *mention {
	var best *mention
	for _, m := range s.mentions {
		if m.lo == i && (best == nil || m.hi > best.hi) {
			best = m
		}
	}
	return best
}

// mentionEndingAt returns the longest mention ending at token i (exclusive).
func (s *sentInfo) mentionEndingAt(i int) *mention {
	var best *mention
	for _, m := range s.mentions {
		if m.hi == i && (best == nil || m.lo < best.lo) {
			best = m
		}
	}
	return best
}

func (s *sentInfo) covered(i int) bool {
	for _, m := range s.mentions {
		if m.lo <= i && i < m.hi {
			return true
		}
	}
	return false
}

func (s *sentInfo) sortMentions() {
	sort.SliceStable(s.mentions, func(a, b int) bool {
		ma, mb := s.mentions[a], s.mentions[b]
		if ma.lo != mb.lo {
			return ma.lo < mb.lo
		}
		return ma.hi > mb.hi
	})
}

// recognizeGazetteer adds the longest gazetteer matches of a sentence.
func (x *Extractor) recognizeGazetteer(si int, s *sentInfo) {
	for i := 0; i < len(s.toks); {
		if s.toks[i].kind == tokPunct || s.toks[i].kind == tokNum {
			i++
			continue
		}
		e, n := x.gaz.match(s.toks, i)
		if e < 0 {
			i++
			continue
		}
		entry := x.gaz.entries[e]
		s.addMention(&mention{sent: si, lo: i, hi: i + n, c: &candidate{gaz: e, typ: entry.Type, name: s.spanText(i, i+n), rule: "gazetteer " + entry.Source}})
		i += n
	}
}

func isConnector(t token) bool { return t.kind == tokWord && connectors[t.s] }

func isPossessive(t token) bool {
	return t.kind == tokWord && len([]rune(t.s)) == 2 && isApostrophe([]rune(t.s)[0])
}

// nameWord reports whether t can be part of a capitalized name.
func nameWord(t token) bool {
	return isCap(t) || isPossessive(t)
}

// phraseEnd extends a capitalized phrase starting at i and returns its end.
func phraseEnd(toks []token, i int) int {
	j := i
	for j < len(toks) && j-i < 30 {
		t := toks[j]
		switch {
		case nameWord(t):
			j++
		case t.kind == tokAlnum && j+1 < len(toks) && isCap(toks[j+1]):
			j++ // "the 14th Five-Year Plan" inside a title
		case t.kind == tokNum && j > i && j+1 < len(toks) && isCap(toks[j+1]) && len(t.s) == 4:
			j++
		case t.s == "(" && j+2 < len(toks) && toks[j+1].kind == tokWord && isAllCaps(toks[j+1].s) && toks[j+2].s == ")" && j+3 < len(toks) && isCap(toks[j+3]) && !nonStarters[toks[j+3].s]:
			j += 3 // "Communist Party of China (CPC) Central Committee"
		case isConnector(t) && j > i:
			k := j + 1
			if strings.EqualFold(t.s, "and") || t.s == "&" {
				// "Science and Technology" joins; "Education and the Academy" does not.
				if k < len(toks) && isCap(toks[k]) && !nonStarters[toks[k].s] {
					j = k
					continue
				}
				return trimConnectors(toks, i, j)
			}
			for k < len(toks) && k-j < 3 && isConnector(toks[k]) && !isCap(toks[k]) {
				k++
			}
			if k < len(toks) && (isCap(toks[k]) || (toks[k].kind == tokAlnum && k+1 < len(toks) && isCap(toks[k+1])) || (toks[k].kind == tokNum && len(toks[k].s) == 4 && k+1 < len(toks) && isCap(toks[k+1]))) {
				j = k
				continue
			}
			return trimConnectors(toks, i, j)
		default:
			return trimConnectors(toks, i, j)
		}
	}
	return trimConnectors(toks, i, j)
}

func trimConnectors(toks []token, i, j int) int {
	for j > i && (isConnector(toks[j-1]) || toks[j-1].s == "(") {
		j--
	}
	return j
}

// classifyPhrase types a capitalized phrase toks[lo:hi] by its head or lead
// word. It returns the (possibly shortened) end and the type, or "" when
// the phrase names nothing the loaders know how to type.
func classifyPhrase(toks []token, lo, hi int) (int, EntityType) {
	// The first run: words up to the first connector other than "and".
	run := lo
	for run < hi && (nameWord(toks[run]) || toks[run].s == "and" || toks[run].s == "&" || toks[run].s == "And" || toks[run].kind == tokAlnum || toks[run].kind == tokNum) {
		run++
	}
	for k := run - 1; k >= lo; k-- {
		if t, ok := headTypes[toks[k].s]; ok {
			if k < run-1 {
				return k + 1, t // "Supreme People's Court Vice President …" → "… Court"
			}
			if lt, ok := leadTypes[toks[lo].s]; ok && k == lo && hi > run {
				return hi, lt
			}
			return hi, t
		}
	}
	if t, ok := leadTypes[toks[lo].s]; ok && hi > run {
		return hi, t
	}
	return hi, ""
}

// ofSuffixes returns the starts of the named parts that follow "of (the)"
// inside a phrase.
func ofSuffixes(toks []token, lo, hi int) []int {
	var out []int
	for k := lo + 1; k < hi; k++ {
		if toks[k].s == "of" || toks[k].s == "at" || toks[k].s == "under" {
			n := k + 1
			for n < hi && (toks[n].s == "the" || toks[n].s == "this") {
				n++
			}
			if n < hi && isCap(toks[n]) {
				out = append(out, n)
			}
		}
	}
	return out
}

// recognizePatterns adds typed capitalized phrases that no gazetteer lists.
func (x *Extractor) recognizePatterns(si int, s *sentInfo) {
	toks := s.toks
	var added []*mention
	var phrase func(lo, hi int, depth int) *mention
	phrase = func(lo, hi int, depth int) *mention {
		end, typ := classifyPhrase(toks, lo, hi)
		var suffix *mention
		if end > lo && typ != "" {
			for _, st := range ofSuffixes(toks, lo, end) {
				if depth < 4 {
					if m := phrase(st, end, depth+1); m != nil {
						suffix = m
						break
					}
				}
			}
		}
		if typ == "" || end <= lo {
			return nil
		}
		// Law and Program titles may end with a year or a range in brackets.
		if (typ == Law || typ == Program) && end+2 < len(toks) && toks[end].s == "(" {
			k := end + 1
			for k < len(toks) && k-end < 6 && (toks[k].kind == tokNum || toks[k].s == "-" || toks[k].s == "–") {
				k++
			}
			if k < len(toks) && k > end+1 && toks[k].s == ")" {
				end = k + 1
			}
		}
		// A phrase that is a gazetteer name is already there.
		for _, m := range s.mentions {
			if m.c.gaz >= 0 && m.lo <= lo && end <= m.hi {
				if m.lo == lo && m.hi == end {
					return m
				}
				return nil
			}
		}
		name := s.spanText(lo, end)
		c := &candidate{gaz: -1, typ: typ, name: name, rule: "pattern: capitalized phrase with head word"}
		if e, ok := x.gaz.lookupName(stripParenAcronyms(name)); ok {
			c.gaz, c.typ = e, x.gaz.entries[e].Type
			c.rule = "pattern resolved to gazetteer " + x.gaz.entries[e].Source
		}
		if suffix != nil {
			c.suffix = suffix
			// The part before "of": "Patent Bureau" of "Patent Bureau of the CNIPA".
			k := lo
			for k < end && toks[k].s != "of" && toks[k].s != "at" && toks[k].s != "under" {
				k++
			}
			if k-lo >= 2 && (typ == Agency || typ == Organization) {
				c.xAlias = s.spanText(lo, k)
			}
		}
		m := &mention{sent: si, lo: lo, hi: end, c: c}
		added = append(added, m)
		s.addMention(m)
		return m
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !isCap(t) || nonStarters[t.s] {
			continue
		}
		if i > 0 && (isCap(toks[i-1]) || isPossessive(toks[i-1])) && !nonStarters[toks[i-1].s] {
			continue // not the start of a run
		}
		hi := phraseEnd(toks, i)
		if hi <= i {
			continue
		}
		phrase(i, hi, 0)
		// A run that starts with an honorific or a verb may hold a name
		// later on ("Supreme People's Court Vice President …" is handled by
		// the head rule); nothing more to do here.
	}
	// Gazetteer regions inside a typed phrase are part of its name
	// ("Duke Kunshan University"), not mentions of the region.
	if len(added) > 0 {
		keep := s.mentions[:0]
		for _, m := range s.mentions {
			drop := false
			if m.c.gaz >= 0 && m.c.typ == Region {
				for _, p := range added {
					if p.c.gaz < 0 && p.lo <= m.lo && m.hi <= p.hi && (p.hi-p.lo) > (m.hi-m.lo) && !isOfSuffixStart(toks, p, m) {
						drop = true
						break
					}
				}
			}
			if !drop {
				keep = append(keep, m)
			}
		}
		s.mentions = keep
	}
}

// isOfSuffixStart reports whether m follows "of"/"in" inside p, as China in
// "Bank of China": still part of the name, so it returns false unless the
// region is the whole tail after "in".
func isOfSuffixStart(toks []token, p, m *mention) bool {
	return m.lo > p.lo && toks[m.lo-1].s == "in" && m.hi == p.hi
}

// stripParenAcronyms removes "(ACR)" insertions from a name.
func stripParenAcronyms(name string) string {
	for {
		i := strings.Index(name, " (")
		if i < 0 {
			return name
		}
		j := strings.Index(name[i:], ")")
		if j < 0 {
			return name
		}
		inner := name[i+2 : i+j]
		if !isAllCaps(inner) || strings.Contains(inner, " ") {
			return name
		}
		name = name[:i] + name[i+j+1:]
	}
}

// acronymFits reports whether acr can be read off the initials of words
// (a word may give more than one letter: "MoST" from "Ministry of Science
// and Technology"; function words may be skipped).
func acronymFits(words []string, acr string) bool {
	var parts []string
	for _, w := range words {
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '.' }) {
			if p != "" {
				parts = append(parts, strings.ToLower(p))
			}
		}
	}
	var letters []rune
	for _, r := range strings.ToLower(acr) {
		if unicode.IsLetter(r) {
			letters = append(letters, r)
		}
	}
	if len(letters) < 2 || len(parts) == 0 {
		return false
	}
	var fit func(ai, wi int, steps int) bool
	fit = func(ai, wi int, steps int) bool {
		if steps > 5000 {
			return false
		}
		if ai == len(letters) {
			for ; wi < len(parts); wi++ {
				if !functionWord(parts[wi]) {
					return false
				}
			}
			return true
		}
		if wi == len(parts) {
			return false
		}
		w := []rune(parts[wi])
		if functionWord(parts[wi]) && fit(ai, wi+1, steps+1) {
			return true
		}
		for k := 1; k <= len(w) && ai+k <= len(letters); k++ {
			if w[k-1] != letters[ai+k-1] {
				break
			}
			if fit(ai+k, wi+1, steps+1) {
				return true
			}
		}
		return false
	}
	return fit(0, 0, 0)
}

func functionWord(w string) bool {
	switch w {
	case "of", "and", "the", "for", "on", "in", "to", "'s", "’s", "&", "at", "a", "an":
		return true
	}
	return false
}

// recognizeAcronyms handles "Full Name (ACR)": the acronym becomes an alias
// of the name before the bracket, and the bracketed acronym a mention of it.
func (x *Extractor) recognizeAcronyms(si int, s *sentInfo) {
	toks := s.toks
	for p := 1; p+2 < len(toks); p++ {
		if toks[p].s != "(" || toks[p+2].s != ")" || toks[p+1].kind != tokWord || !isAllCaps(toks[p+1].s) {
			continue
		}
		acr := toks[p+1].s
		prev := s.mentionEndingAt(p)
		if prev != nil {
			words := tokenTexts(toks[prev.lo:prev.hi])
			if !acronymFits(words, acr) {
				continue
			}
			inner := s.mentionAt(p + 1)
			if inner != nil && inner.c.gaz >= 0 && prev.c.gaz < 0 {
				// "Some Long Name (KNOWN)": the long name is that known body.
				if x.gaz.entries[inner.c.gaz].Type == prev.c.typ {
					prev.c.gaz = inner.c.gaz
				}
				continue
			}
			if inner == nil {
				prev.c.acronym = acr
				s.addMention(&mention{sent: si, lo: p + 1, hi: p + 2, c: prev.c})
			}
			continue
		}
		if s.mentionAt(p+1) != nil {
			continue
		}
		// No recognized name before the bracket: find the longest run of
		// capitalized words whose initials give the acronym.
		for lo := p - 12; lo < p; lo++ {
			if lo < 0 || !isCap(toks[lo]) || nonStarters[toks[lo].s] {
				continue
			}
			ok := true
			for k := lo; k < p; k++ {
				if !nameWord(toks[k]) && !isConnector(toks[k]) {
					ok = false
					break
				}
			}
			if !ok || !acronymFits(tokenTexts(toks[lo:p]), acr) {
				continue
			}
			_, typ := classifyPhrase(toks, lo, p)
			if typ == "" {
				typ = typeFromLastWord(toks[p-1].s)
			}
			if typ == "" {
				break
			}
			c := &candidate{gaz: -1, typ: typ, name: s.spanText(lo, p), acronym: acr, rule: "pattern: Full Name (ACRONYM)"}
			s.addMention(&mention{sent: si, lo: lo, hi: p, c: c})
			s.addMention(&mention{sent: si, lo: p + 1, hi: p + 2, c: c})
			break
		}
	}
}

func typeFromLastWord(w string) EntityType {
	switch w {
	case "Conference", "Congress", "Summit":
		return Program
	case "Organization", "Organisation":
		return Agency
	}
	return ""
}

func tokenTexts(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.s
	}
	return out
}
