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

// coreConnectors join the words of any name; titleConnectors only the
// words of a title (a Law or Program: "Opinions on … in IP Trial").
var (
	coreConnectors  = toSet(`of for and & 's ’s`)
	titleConnectors = toSet(`of for and & on in to with regarding concerning through by against a an the Of For And On In To Concerning Regarding`)
	stopAfterConn   = toSet(`Comrade January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
)

// firstRunEnd returns the end of the run of capitalized words (joined by
// "and" when both sides are capitalized) that starts at i.
func firstRunEnd(toks []token, i int, known map[int]bool) int {
	j := i
	for j < len(toks) {
		t := toks[j]
		switch {
		case nameWord(t) || (t.kind == tokAlnum && j+1 < len(toks) && isCap(toks[j+1])):
			j++
		case (t.s == "and" || t.s == "&") && j > i && j+1 < len(toks) && isCap(toks[j+1]) && !nonStarters[toks[j+1].s] && headTypes[toks[j-1].s] == "" && !known[j] && !isAllCaps(toks[j-1].s):
			j++
		default:
			return j
		}
	}
	return j
}

// phraseEnd extends a capitalized phrase starting at i and returns its end.
// Which connectors may continue it depends on the type its first run
// suggests: titles of laws and programs take prepositions, bodies only
// "of", "for" and "and".
//
// known marks token positions where a gazetteer name ends: "and" right
// after a known name ("SIPO and Zhejiang Provincial Government") starts a
// new name.
func phraseEnd(toks []token, i int, known map[int]bool) int {
	run := firstRunEnd(toks, i, known)
	if run <= i {
		return i
	}
	_, typ := classifyPhrase(toks, i, run)
	if typ == "" {
		if lt, ok := leadTypes[toks[i].s]; ok {
			typ = lt
		}
	}
	title := typ == Law || typ == Program
	j := run
	for j < len(toks) && j-i < 40 {
		t := toks[j]
		switch {
		case nameWord(t):
			j++
		case t.kind == tokAlnum && j+1 < len(toks) && isCap(toks[j+1]):
			j++ // "the 14th Five-Year Plan" inside a title
		case title && t.kind == tokNum && len(t.s) == 4 && j+1 < len(toks) && isCap(toks[j+1]):
			j++
		case title && t.kind == tokNum && len(t.s) == 4 && j > i && isCap(toks[j-1]):
			return j + 1 // "… Development Strategy 2017"
		case t.s == "(" && j+2 < len(toks) && toks[j+1].kind == tokWord && isAllCaps(toks[j+1].s) && toks[j+2].s == ")" && j+3 < len(toks) && isCap(toks[j+3]) && !nonStarters[toks[j+3].s]:
			j += 3 // "Communist Party of China (CPC) Central Committee"
		case t.kind == tokWord && (coreConnectors[t.s] || (title && titleConnectors[t.s])):
			k := j + 1
			if t.s == "and" || t.s == "&" {
				for title && k < len(toks) && k-j < 3 && (toks[k].s == "the" || toks[k].s == "to" || toks[k].s == "for" || toks[k].s == "on") {
					k++
				}
				if k < len(toks) && isCap(toks[k]) && !nonStarters[toks[k].s] && !stopAfterConn[toks[k].s] && !startsNewName(toks, i, j, k, title, known) && !(known[j] && !title) {
					j = k
					continue
				}
				return trimConnectors(toks, i, j)
			}
			if title && t.s == "in" && k < len(toks) && toks[k].kind == tokNum && len(toks[k].s) == 4 {
				return k + 1 // "… Project in 2017"
			}
			for k < len(toks) && k-j < 3 && (toks[k].s == "the" || toks[k].s == "a" || toks[k].s == "an" || toks[k].s == "this") {
				k++
			}
			if k < len(toks) && !stopAfterConn[toks[k].s] && (isCap(toks[k]) || (toks[k].kind == tokAlnum && k+1 < len(toks) && isCap(toks[k+1])) || (title && toks[k].kind == tokNum && len(toks[k].s) == 4 && k+1 < len(toks) && isCap(toks[k+1]))) {
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

// startsNewName reports whether the words after "and" at k begin a second
// name rather than continue the first: a body phrase that already has its
// head word meets another headed run ("General Office of the Party and
// General Office of the Council"); a title meets another title
// ("Measures for … and the Regulations for …").
func startsNewName(toks []token, i, j, k int, title bool, known map[int]bool) bool {
	r := firstRunEnd(toks, k, known)
	for n := k; n < r; n++ {
		ht, ok := headTypes[toks[n].s]
		if !ok {
			if lt, ok := leadTypes[toks[n].s]; ok && n == k && (lt == Law) == title {
				return true
			}
			continue
		}
		if title {
			if ht == Law || ht == Program {
				return n == k || toks[k].s == "Implementing"
			}
			continue
		}
		for m := i; m < j; m++ {
			if _, ok := headTypes[toks[m].s]; ok {
				return true
			}
			if _, ok := leadTypes[toks[m].s]; ok {
				return true
			}
		}
	}
	return false
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
	known := map[int]bool{}
	for _, m := range s.mentions {
		if m.c.gaz >= 0 {
			known[m.hi] = true
		}
	}
	var added []*mention
	var phrase func(lo, hi int, depth int) *mention
	phrase = func(lo, hi int, depth int) *mention {
		end, typ := classifyPhrase(toks, lo, hi)
		var suffix *mention
		if end > lo && typ != "" {
			for _, st := range ofSuffixes(toks, lo, end) {
				if g := s.mentionAt(st); g != nil && g.c.gaz >= 0 && g.hi <= end {
					suffix = g // "… of the CNIPA"
					break
				}
				if depth < 4 {
					se := phraseEnd(toks, st, known)
					if se > end {
						se = end
					}
					if se-st < 2 && !isAllCaps(toks[st].s) {
						continue
					}
					if m := phrase(st, se, depth+1); m != nil {
						suffix = m
						break
					}
				}
			}
		}
		if typ == "" || end <= lo+1 {
			return nil
		}
		typ = refineType(toks, lo, end, typ)
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
		// "Beijing Haidian District": two known places, not a new one.
		if typ == Region {
			for _, a := range s.mentions {
				if a.c.gaz >= 0 && a.lo == lo && a.c.typ == Region {
					for _, b := range s.mentions {
						if b.c.gaz >= 0 && b.lo == a.hi && b.hi == end && b.c.typ == Region {
							return nil
						}
					}
				}
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
		if e, ok := x.gaz.lookupName(baseName(name)); ok {
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
		if !(isCap(t) || (t.kind == tokAlnum && i+1 < len(toks) && isCap(toks[i+1]))) || nonStarters[t.s] {
			continue
		}
		if i > 0 && (isCap(toks[i-1]) || isPossessive(toks[i-1])) && !nonStarters[toks[i-1].s] {
			continue // not the start of a run
		}
		// "China's Patent Law": the owner is not part of the name.
		if i+1 < len(toks) && isPossessive(toks[i+1]) {
			continue
		}
		hi := phraseEnd(toks, i, known)
		if hi <= i+1 {
			continue // a single word is never typed by its head alone
		}
		if phrase(i, hi, 0) != nil {
			i = hi - 1
		}
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

// baseName strips what varies between mentions of one name: an ordinal
// ("19th CPC Central Committee"), "(ACR)" insertions and a trailing year
// range ("(2021-2035)").
func baseName(name string) string {
	n := stripParenAcronyms(name)
	if i := strings.LastIndex(n, " ("); i > 0 && strings.HasSuffix(n, ")") {
		inner := n[i+2 : len(n)-1]
		if strings.Trim(inner, "0123456789-–/ ") == "" {
			n = n[:i]
		}
	}
	if f := strings.Fields(n); len(f) > 2 && f[0] != "" && f[0][0] >= '0' && f[0][0] <= '9' {
		n = strings.Join(f[1:], " ")
	}
	return n
}

// refineType adjusts a head-word type for a few heads whose type depends
// on the rest of the name.
func refineType(toks []token, lo, hi int, typ EntityType) EntityType {
	words := tokenTexts(toks[lo:hi])
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	last := words[len(words)-1]
	switch {
	case (has("Center") || has("Centre")) && (words[0] == "National" || words[0] == "State" || has("Protection") || has("Service") || has("Guidance") || has("Arbitration") || has("Mediation") || has("Administrative")):
		return Agency
	case has("Leading") && (has("Group") || has("Members")):
		return Agency
	case (last == "Conference") && (has("Joint") || has("Consultative")):
		return Agency
	case has("Congress") && toks[lo].kind == tokAlnum:
		return Program // "the 19th CPC National Congress", a numbered meeting
	}
	return typ
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
func acronymFits(words []string, acr string) bool { return fitAcronym(words, acr, false) }

// acronymFitsWhole is acronymFits without skipping leading words.
func acronymFitsWhole(words []string, acr string) bool { return fitAcronym(words, acr, true) }

func fitAcronym(words []string, acr string, whole bool) bool {
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
	for start := 0; start < len(parts); start++ {
		if fit(0, start, 0) {
			return true
		}
		if whole {
			break
		}
		if len(parts)-start <= len(letters)/2 {
			break
		}
	}
	return false
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
			inner := s.mentionAt(p + 1)
			if inner != nil && inner.c.gaz >= 0 {
				// A known acronym: the long name must spell it out whole,
				// and nothing is to do when a known name already ends here.
				known := false
				for _, m := range s.mentions {
					if m.hi == p && m.c.gaz == inner.c.gaz {
						known = true
					}
				}
				if known || !acronymFitsWhole(words, acr) {
					continue
				}
			} else if !acronymFits(words, acr) {
				continue
			}
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
