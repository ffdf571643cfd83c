package loaders

import (
	"sort"
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
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
	unit    bool     // found by its structure: a unit (xAlias) of its suffix, identified by both
	alias   string   // one more name of the entity ("General Office of the Supreme People's Court" for "SPC's General Office")
	place   int      // 1 + the gazetteer place a body is "of" ("Intellectual Property Court of Hainan Free Trade Port"); 0 when none
	ent     int      // entity index after assembly
}

// mention is a candidate's place: sentence index and token span.
type mention struct {
	sent   int
	lo, hi int
	c      *candidate
	form   string // surface form when it is not the whole span ("Africa" of "China-Africa")
}

// sentInfo is a sentence with its tokens and the mentions found in it.
type sentInfo struct {
	Sentence
	runes    []rune
	toks     []text.Token
	mentions []*mention
}

func (s *sentInfo) spanText(lo, hi int) string {
	if lo >= hi || hi > len(s.toks) {
		return ""
	}
	t := string(s.runes[s.toks[lo].Lo:s.toks[hi-1].Hi])
	if strings.ContainsAny(t, "\n\r\t") || strings.Contains(t, "  ") {
		t = strings.Join(strings.Fields(t), " ")
	}
	return t
}

func (s *sentInfo) addMention(m *mention) { s.mentions = append(s.mentions, m) }

// dropMentions removes the mentions for which drop reports true, in place.
func (s *sentInfo) dropMentions(drop func(*mention) bool) {
	keep := s.mentions[:0]
	for _, m := range s.mentions {
		if !drop(m) {
			keep = append(keep, m)
		}
	}
	s.mentions = keep
}

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
		if s.toks[i].Kind == text.Punct || s.toks[i].Kind == text.Num {
			i++
			continue
		}
		e, n := x.gaz.match(s.toks, i)
		if e < 0 {
			if end := x.hyphenRegions(si, s, i); end > i {
				i = end
				continue
			}
			i++
			continue
		}
		entry := x.gaz.entries[e]
		s.addMention(&mention{sent: si, lo: i, hi: i + n, c: &candidate{gaz: e, typ: entry.Type, name: s.spanText(i, i+n), rule: gazRule(entry)}})
		i += n
	}
}

// hyphenRegions splits a hyphenated compound of places ("China-Africa",
// "China-Central Asia", "Shenzhen-Hong Kong") into one mention per place.
// Every part must be a gazetteer region; only the last part may run on into
// the following tokens. It returns the end of the tokens used, or i.
func (x *Extractor) hyphenRegions(si int, s *sentInfo, i int) int {
	t := s.toks[i]
	if t.Kind != text.Word || !strings.Contains(t.Text, "-") {
		return i
	}
	first, _, _ := strings.Cut(t.Text, "-")
	if x.gaz.root.child(text.FoldWord(first), false) == nil {
		return i // no place name starts like this: "high-quality", "year-on-year"
	}
	parts := strings.Split(t.Text, "-")
	syn := make([]text.Token, 0, len(parts)+x.gaz.maxLen)
	for _, p := range parts {
		if p == "" {
			return i
		}
		syn = append(syn, text.Token{Text: p, Kind: text.Word})
	}
	for k := i + 1; k < len(s.toks) && k <= i+x.gaz.maxLen; k++ {
		syn = append(syn, s.toks[k])
	}
	type hit struct{ e, hi int }
	var hits []hit
	end := i + 1
	for k := 0; k < len(parts); {
		e, n := x.gaz.match(syn, k)
		if e < 0 || x.gaz.entries[e].Type != Region || (k+n > len(parts) && k != len(parts)-1) {
			return i
		}
		hi := i + 1
		if k+n > len(parts) {
			hi = i + 1 + (k + n - len(parts))
		}
		hits = append(hits, hit{e, hi})
		if hi > end {
			end = hi
		}
		k += n
	}
	if len(hits) < 2 {
		return i
	}
	for k, h := range hits {
		entry := x.gaz.entries[h.e]
		form := parts[k]
		if h.hi > i+1 {
			form = parts[len(parts)-1] + " " + s.spanText(i+1, h.hi)
		}
		s.addMention(&mention{sent: si, lo: i, hi: h.hi, form: form,
			c: &candidate{gaz: h.e, typ: entry.Type, name: form, rule: gazRule(entry) + " (part of a hyphenated compound)"}})
	}
	return end
}

func isConnector(t text.Token) bool { return t.Kind == text.Word && connectors[t.Text] }

// nameWord reports whether t can be part of a capitalized name.
func nameWord(t text.Token) bool {
	return text.IsCap(t) || text.IsPossessive(t)
}

// coreConnectors join the words of any name; titleConnectors only the
// words of a title (a Law or Program: "Opinions on … in IP Trial").
var (
	coreConnectors  = toSet(`of for and & 's ’s`)
	titleConnectors = toSet(`of for and & on in to with regarding concerning through by against a an the into under between Of For And On In To Concerning Regarding`)
	afterHeadStops  = toSet(`with by from at`)
	stopAfterConn   = toSet(`Comrade January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
)

// firstRunEnd returns the end of the run of capitalized words (joined by
// "and" when both sides are capitalized) that starts at i.
func firstRunEnd(toks []text.Token, i int, known map[int]bool) int {
	j := i
	for j < len(toks) {
		t := toks[j]
		switch {
		case nameWord(t) || (t.Kind == text.Alnum && j+1 < len(toks) && text.IsCap(toks[j+1])):
			j++
		case (t.Text == "and" || t.Text == "&") && j > i && j+1 < len(toks) && text.IsCap(toks[j+1]) && !nonStarters[toks[j+1].Text] && headTypes[toks[j-1].Text] == "" && !known[j] && !text.IsAllCaps(toks[j-1].Text):
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
func phraseEnd(toks []text.Token, i int, known map[int]bool) int {
	run := firstRunEnd(toks, i, known)
	if run <= i {
		return i
	}
	_, typ := classifyPhrase(toks, i, run)
	if typ == "" {
		if lt, ok := leadTypes[toks[i].Text]; ok {
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
		case t.Kind == text.Alnum && j+1 < len(toks) && text.IsCap(toks[j+1]):
			j++ // "the 14th Five-Year Plan" inside a title
		case title && t.Kind == text.Num && len(t.Text) == 4 && j+1 < len(toks) && text.IsCap(toks[j+1]):
			j++
		case title && t.Kind == text.Num && len(t.Text) == 4 && j > i && text.IsCap(toks[j-1]):
			return j + 1 // "… Development Strategy 2017"
		case t.Text == "(" && j+2 < len(toks) && toks[j+1].Kind == text.Word && (text.IsAllCaps(toks[j+1].Text) || text.IsCap(toks[j+1])) && toks[j+2].Text == ")" && j+3 < len(toks) && text.IsCap(toks[j+3]) && !nonStarters[toks[j+3].Text]:
			j += 3 // "Communist Party of China (CPC) Central Committee", "Cultural Industry (Group) Company"
		case title && isQuoteMark(t.Text):
			q := closingQuote(toks, j)
			if q > 0 && q+1 < len(toks) && text.IsCap(toks[q+1]) && !nonStarters[toks[q+1].Text] {
				j = q + 1 // "Work Plan … in Facilitating the "Belt and Road" Initiative"
				continue
			}
			return trimConnectors(toks, i, j)
		case t.Kind == text.Word && (coreConnectors[t.Text] || (title && titleConnectors[t.Text])):
			if afterHeadStops[t.Text] && j > i {
				if _, ok := headType(toks[j-1].Text); ok {
					// "the Green Seedling Program with the Ministry of …":
					// a title that has reached its head word ends before
					// "with", "by", "from" or "at".
					return trimConnectors(toks, i, j)
				}
			}
			k := j + 1
			if t.Text == "and" || t.Text == "&" {
				for title && k < len(toks) && k-j < 3 && (toks[k].Text == "the" || toks[k].Text == "to" || toks[k].Text == "for" || toks[k].Text == "on") {
					k++
				}
				if k < len(toks) && text.IsCap(toks[k]) && !nonStarters[toks[k].Text] && !stopAfterConn[toks[k].Text] && !startsNewName(toks, i, j, k, title, known) && !(known[j] && !title) {
					j = k
					continue
				}
				return trimConnectors(toks, i, j)
			}
			if title && t.Text == "in" && k < len(toks) && toks[k].Kind == text.Num && len(toks[k].Text) == 4 && headTypes[toks[j-1].Text] != Law {
				return k + 1 // "… Project in 2017", "… Pledge Financing in 2017", not "the Trademark Law in 2013"
			}
			for k < len(toks) && k-j < 3 && (toks[k].Text == "the" || toks[k].Text == "a" || toks[k].Text == "an" || toks[k].Text == "this") {
				k++
			}
			if title && k < len(toks) && isQuoteMark(toks[k].Text) && closingQuote(toks, k) > 0 {
				j = k
				continue
			}
			if k < len(toks) && !stopAfterConn[toks[k].Text] && (text.IsCap(toks[k]) || (toks[k].Kind == text.Alnum && k+1 < len(toks) && text.IsCap(toks[k+1])) || (title && toks[k].Kind == text.Num && len(toks[k].Text) == 4 && k+1 < len(toks) && text.IsCap(toks[k+1]))) {
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
func startsNewName(toks []text.Token, i, j, k int, title bool, known map[int]bool) bool {
	r := firstRunEnd(toks, k, known)
	for n := k; n < r; n++ {
		ht, ok := headType(toks[n].Text)
		if !ok {
			if lt, ok := leadTypes[toks[n].Text]; ok && n == k && (lt == Law) == title {
				return true
			}
			continue
		}
		if title {
			if ht == Law || ht == Program {
				// "… and the Feasible Operational Rules for …": "the" after
				// "and" starts a second title.
				return n == k || toks[k].Text == "Implementing" || (k > j+1 && toks[j+1].Text == "the")
			}
			continue
		}
		for m := i; m < j; m++ {
			if _, ok := headTypes[toks[m].Text]; ok {
				return true
			}
			if _, ok := leadTypes[toks[m].Text]; ok {
				return true
			}
		}
	}
	return false
}

// isQuoteMark reports whether s is a straight or curly double quote.
func isQuoteMark(s string) bool { return s == "\"" || s == "“" || s == "”" }

// closingQuote returns the index of the quote mark closing the one at
// toks[j] when what lies between is a short run of capitalized words and
// connectors ("Belt and Road"), or -1.
func closingQuote(toks []text.Token, j int) int {
	for k := j + 1; k < len(toks) && k-j <= 10; k++ {
		t := toks[k]
		if isQuoteMark(t.Text) {
			if k == j+1 {
				return -1
			}
			return k
		}
		if !(nameWord(t) || isConnector(t) || t.Kind == text.Num || t.Kind == text.Alnum || t.Text == "-") {
			return -1
		}
	}
	return -1
}

func trimConnectors(toks []text.Token, i, j int) int {
	for j > i && (isConnector(toks[j-1]) || toks[j-1].Text == "(") {
		j--
	}
	return j
}

// classifyPhrase types a capitalized phrase toks[lo:hi] by its head or lead
// word. It returns the (possibly shortened) end and the type, or "" when
// the phrase names nothing the loaders know how to type.
func classifyPhrase(toks []text.Token, lo, hi int) (int, EntityType) {
	// The first run: words up to the first connector other than "and".
	run := lo
	for run < hi {
		if nameWord(toks[run]) || toks[run].Text == "and" || toks[run].Text == "&" || toks[run].Text == "And" || toks[run].Kind == text.Alnum || toks[run].Kind == text.Num {
			run++
			continue
		}
		if toks[run].Text == "(" && run+3 < hi && toks[run+2].Text == ")" && text.IsCap(toks[run+3]) {
			run += 3 // "… Innovation (HengQin) Pilot Platform"
			continue
		}
		break
	}
	for k := run - 1; k >= lo; k-- {
		if t, ok := headType(toks[k].Text); ok {
			if k < run-1 && !capConnectors[toks[k+1].Text] {
				return k + 1, t // "Supreme People's Court Vice President …" → "… Court"
			}
			if lt, ok := leadTypes[toks[lo].Text]; ok && k == lo && hi > run {
				return hi, lt
			}
			return hi, t
		}
	}
	if t, ok := leadTypes[toks[lo].Text]; ok && hi > run {
		return hi, t
	}
	return hi, ""
}

// leadingParticiples say what became of a body or an act; a name does not
// start with them.
var leadingParticiples = toSet(`Renamed Reorganized Reorganised Restructured Merged Abolished Dissolved Former Formerly`)

// amendModifiers before a law's name say which version of it is meant;
// the law is still the law ("the Amended Patent Law" amends nothing new).
var amendModifiers = toSet(`Amended Revised New Newly`)

// capConnectors are connectors written in title case inside a name
// ("National Office Against Pornographic and Illegal Publications").
var capConnectors = toSet(`Against For On Of`)

// headType types a head word; a hyphenated word is typed by its last part
// ("Process-Guidelines" is a Guidelines).
func headType(w string) (EntityType, bool) {
	if t, ok := headTypes[w]; ok {
		return t, true
	}
	if i := strings.LastIndex(w, "-"); i > 0 && i+1 < len(w) {
		t, ok := headTypes[w[i+1:]]
		return t, ok
	}
	return "", false
}

// ofSuffixes returns the starts of the named parts that follow "of (the)"
// inside a phrase.
func ofSuffixes(toks []text.Token, lo, hi int) []int {
	var out []int
	for k := lo + 1; k < hi; k++ {
		if toks[k].Text == "of" || toks[k].Text == "at" || toks[k].Text == "under" {
			n := k + 1
			for n < hi && (toks[n].Text == "the" || toks[n].Text == "this") {
				n++
			}
			if n < hi && text.IsCap(toks[n]) {
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
					if se-st < 2 && !text.IsAllCaps(toks[st].Text) {
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
		if (typ == Law || typ == Program) && end+2 < len(toks) && toks[end].Text == "(" {
			k := end + 1
			for k < len(toks) && k-end < 6 && (toks[k].Kind == text.Num || toks[k].Text == "-" || toks[k].Text == "–") {
				k++
			}
			if k < len(toks) && k > end+1 && toks[k].Text == ")" {
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
		// "the 2017 Annual Plan for …": a year before a title is part of it.
		if (typ == Law || typ == Program) && lo > 0 && isYear(toks[lo-1]) && (lo < 2 || toks[lo-2].Text == "the" || toks[lo-2].Text == "its" || toks[lo-2].Kind == text.Punct) {
			lo--
		}
		if genericPhrase(toks[lo:end]) {
			return nil // "General Administration", "Protection and Administration", "IP Law"
		}
		name := s.spanText(lo, end)
		c := &candidate{gaz: -1, typ: typ, name: name, rule: "pattern: capitalized phrase with head word"}
		if lt, ok := leadTypes[toks[lo].Text]; ok && lt == typ {
			c.rule = "pattern: " + toks[lo].Text + " …"
		} else if t, ok := headType(toks[end-1].Text); ok && t == typ {
			c.rule = "pattern: … " + toks[end-1].Text
		}
		e, ok := x.gaz.lookupName(baseName(name))
		if !ok && typ == Agency {
			e, ok = x.gaz.lookupName(stripInnerOrdinals(baseName(name)))
		}
		if ok {
			c.gaz, c.typ = e, x.gaz.entries[e].Type
			// "Standing Committee of the 13th National People's Congress" is
			// one known body: the NPC inside is part of its name.
			keep := s.mentions[:0]
			for _, m := range s.mentions {
				if !(c.typ == Agency && m.c.typ == Agency && m.c.gaz >= 0 && lo <= m.lo && m.hi <= end && m.hi-m.lo < end-lo) {
					keep = append(keep, m)
				}
			}
			s.mentions = keep
			c.rule = c.rule + ", resolved to " + gazRule(x.gaz.entries[e])
		}
		if suffix != nil {
			c.suffix = suffix
			// The part before "of": "Patent Bureau" of "Patent Bureau of the CNIPA".
			k := lo
			for k < end && toks[k].Text != "of" && toks[k].Text != "at" && toks[k].Text != "under" {
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
		if !(text.IsCap(t) || (t.Kind == text.Alnum && i+1 < len(toks) && text.IsCap(toks[i+1]))) || nonStarters[t.Text] {
			continue
		}
		if i > 0 && (text.IsCap(toks[i-1]) || text.IsPossessive(toks[i-1])) && !nonStarters[toks[i-1].Text] {
			continue // not the start of a run
		}
		// "Renamed IP Office" in a heading: a participle says what became of
		// a body, it does not start a name.
		if leadingParticiples[t.Text] {
			continue
		}
		// "the Amended Patent Law" is the Patent Law: the modifier is not
		// part of a new name.
		if amendModifiers[t.Text] && i+1 < len(toks) {
			if m := s.mentionAt(i + 1); m != nil && m.c.gaz >= 0 && m.c.typ == Law {
				continue
			}
		}
		// "China's Patent Law": the owner is not part of the name.
		if i+1 < len(toks) && text.IsPossessive(toks[i+1]) {
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
func isOfSuffixStart(toks []text.Token, p, m *mention) bool {
	return m.lo > p.lo && toks[m.lo-1].Text == "in" && m.hi == p.hi
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
	f := strings.Fields(n)
	if len(f) > 2 && (isOrdinalWord(f[0]) || f[0][0] >= '0' && f[0][0] <= '9') {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// stripInnerOrdinals drops an ordinal after "the" inside a name: "… of the
// 13th National People's Congress" names the same body in every term.
func stripInnerOrdinals(n string) string {
	f := strings.Fields(n)
	for k := 1; k+1 < len(f); k++ {
		if (f[k-1] == "the" || f[k-1] == "The") && isOrdinalWord(f[k]) {
			f = append(f[:k:k], f[k+1:]...)
		}
	}
	return strings.Join(f, " ")
}

// refineType adjusts a head-word type for a few heads whose type depends
// on the rest of the name.
func refineType(toks []text.Token, lo, hi int, typ EntityType) EntityType {
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
	case typ == Program && has("Joint") && (has("Conference") || has("Meeting")):
		return Agency // an inter-ministerial joint conference is a standing body
	case (has("Center") || has("Centre")) && !has("of") && (has("IP") || has("IPR") || has("Intellectual") || has("Patent") || has("Trademark") || has("Copyright") || has("Complaints") || has("Aiding") || has("Assistance") || has("Enforcement") || has("Examination")):
		return Agency // public IP protection and service centers
	case (last == "Conference") && (has("Joint") || has("Consultative")):
		return Agency
	case has("Congress") && toks[lo].Kind == text.Alnum:
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
		if !text.IsAllCaps(inner) || strings.Contains(inner, " ") {
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
				if !text.FunctionWord(parts[wi]) {
					return false
				}
			}
			return true
		}
		if wi == len(parts) {
			return false
		}
		w := []rune(parts[wi])
		if text.FunctionWord(parts[wi]) && fit(ai, wi+1, steps+1) {
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

// recognizeAcronyms handles "Full Name (ACR)": the acronym becomes an alias
// of the name before the bracket, and the bracketed acronym a mention of it.
func (x *Extractor) recognizeAcronyms(si int, s *sentInfo) {
	toks := s.toks
	for p := 1; p+2 < len(toks); p++ {
		if toks[p].Text != "(" || toks[p+2].Text != ")" || toks[p+1].Kind != text.Word || !text.IsAllCaps(toks[p+1].Text) {
			continue
		}
		acr := toks[p+1].Text
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
			if lo < 0 || !text.IsCap(toks[lo]) || nonStarters[toks[lo].Text] {
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
				typ = typeFromLastWord(toks[p-1].Text)
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

func tokenTexts(toks []text.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// isYear reports whether t is a four-digit year between 1900 and 2099.
func isYear(t text.Token) bool {
	return t.Kind == text.Num && len(t.Text) == 4 && (strings.HasPrefix(t.Text, "19") || strings.HasPrefix(t.Text, "20"))
}

// descriptorHeads end a lower-case description after a quoted name
// ("“15 + 3” intellectual property protection program"); the value is the
// type the whole name then has.
var descriptorHeads = map[string]EntityType{
	"program": Program, "programme": Program, "project": Program, "campaign": Program,
	"initiative": Program, "action": Program, "event": Program, "series": Program,
	"operation": Program, "activity": Program, "competition": Program, "award": Program,
	"fund": Program, "platform": Program, "pilot": Program, "plan": Program, "forum": Program,
	"conference": Program, "week": Program, "tour": Program,
	"agreement": Law, "treaty": Law, "regulations": Law, "measures": Law, "opinions": Law,
	"guidelines": Law, "rules": Law, "convention": Law,
}

// quoteContext are words that, just before a quoted name, say it names a
// campaign or series: code named "Convoy", the series "Promoting …".
var quoteContext = toSet(`named called dubbed codenamed code-named series campaign campaigns operation operations initiative initiatives program programs programme project projects action actions activity activities event events themed titled entitled`)

// programWords in a sentence make a quoted title-case phrase there a
// program name ("initiatives such as … "100 Events with 10,000 Enterprises"").
var programWords = toSet(`initiative initiatives campaign campaigns program programs programme project projects activities events action actions operation operations series`)

// recognizeQuoted adds names given in quotation marks: a quoted name with
// a lower-case description ending in a program or instrument word, a
// quoted name after a word like "named" or "series", a quoted title-case
// phrase in a sentence about initiatives, and a quoted lower-case phrase
// that itself ends in a program word ("grass-root IP campaign to …").
func (x *Extractor) recognizeQuoted(si int, s *sentInfo) {
	toks := s.toks
	qualified := -1 // end of the last quoted name found, for "A" and "B"
	sentenceHasProgramWord := false
	for _, t := range toks {
		if programWords[t.Folded()] {
			sentenceHasProgramWord = true
			break
		}
	}
	for j := 0; j < len(toks); j++ {
		if !isQuoteMark(toks[j].Text) || toks[j].Text == "”" || s.covered(j) {
			continue
		}
		q := -1
		for k := j + 1; k < len(toks) && k-j <= 16; k++ {
			if isQuoteMark(toks[k].Text) {
				q = k
				break
			}
		}
		if q < 0 || q == j+1 {
			continue
		}
		inLo, inHi := j+1, q
		for inHi > inLo && (toks[inHi-1].Text == "." || toks[inHi-1].Text == ",") {
			inHi--
		}
		if inHi <= inLo {
			j = q
			continue
		}
		known := s.coveredSpan(inLo, inHi)
		content, titled, stopped, sawFunc := 0, 0, false, false
		headIn := EntityType("")
		for k := inLo; k < inHi; k++ {
			t := toks[k]
			if t.Kind == text.Punct && t.Text != "+" && t.Text != "-" && t.Text != "," && t.Text != "&" && t.Text != "/" {
				stopped = true
				break
			}
			if t.Kind == text.Punct || isConnector(t) {
				if t.Kind == text.Word && t.Text != "and" {
					sawFunc = true
				}
				continue
			}
			content++
			if text.IsCap(t) || t.Kind == text.Num || t.Kind == text.Alnum || (t.Kind == text.Word && text.IsAllCaps(t.Text)) {
				titled++
			}
			if ht, ok := descriptorHeads[strings.ToLower(t.Text)]; ok && k > inLo && !sawFunc && headIn == "" {
				headIn = ht // the head comes before any preposition: "… campaign to …"
			}
		}
		if stopped || content == 0 || content > 10 {
			j = q
			continue
		}
		inner := s.spanText(inLo, inHi)
		titleCase := titled*10 >= content*7 && (text.IsCap(toks[inLo]) || toks[inLo].Kind == text.Num || toks[inLo].Kind == text.Alnum)
		// A lower-case description after the closing quote.
		end, typ := -1, EntityType("")
		for k := q + 1; k < len(toks) && k-q <= 7; k++ {
			t := toks[k]
			if t.Kind != text.Word || (text.IsCap(t) && !text.IsAllCaps(t.Text)) || text.FunctionWord(strings.ToLower(t.Text)) && t.Text != "and" {
				break
			}
			if ht, ok := descriptorHeads[strings.ToLower(t.Text)]; ok {
				end, typ = k+1, ht
				if k+1 < len(toks) && toks[k+1].Text == "of" {
					continue // "protection of intellectual property structure"
				}
				break
			}
		}
		if end > 0 && typ == Law && end+1 < len(toks) && (toks[end].Text == "on" || toks[end].Text == "for") {
			k := end + 1
			for k < len(toks) && k-end <= 4 && toks[k].Kind == text.Word && !text.FunctionWord(strings.ToLower(toks[k].Text)) && !isConnector(toks[k]) && !connectors[strings.ToLower(toks[k].Text)] && toks[k].Text != "with" {
				k++
			}
			if k > end+1 {
				end = k // "… intergovernmental agreement on IPR cooperation"
			}
		}
		if known && end < 0 {
			j = q
			continue
		}
		rule := ""
		var lo, hi int
		switch {
		case end > 0 && (titleCase || content <= 3):
			lo, hi, rule = j, end, "pattern: quoted name with description"
		case titleCase && (j > 0 && quoteContext[strings.ToLower(toks[j-1].Text)] || j > 1 && quoteContext[strings.ToLower(toks[j-2].Text)] || q+1 < len(toks) && quoteContext[strings.ToLower(toks[q+1].Text)]):
			lo, hi, typ, rule = inLo, inHi, Program, "pattern: quoted name after a campaign word"
		case titleCase && qualified >= 0 && j-qualified <= 3 && (toks[j-1].Text == "and" || toks[j-1].Text == ","):
			lo, hi, typ, rule = inLo, inHi, Program, "pattern: quoted name in a list of quoted names"
		case titleCase && content >= 2 && sentenceHasProgramWord:
			lo, hi, typ, rule = inLo, inHi, Program, "pattern: quoted title-case name in a sentence about programs"
		case !titleCase && headIn == Program && content >= 3 && !text.IsCap(toks[inLo]):
			lo, hi, typ, rule = inLo, inHi, Program, "pattern: quoted phrase ending in a program word"
		default:
			j = q
			continue
		}
		name := s.spanText(lo, hi)
		if e, ok := x.gaz.lookupName(inner); ok && lo == inLo {
			c := &candidate{gaz: e, typ: x.gaz.entries[e].Type, name: name, rule: gazRule(x.gaz.entries[e])}
			s.addMention(&mention{sent: si, lo: lo, hi: hi, c: c})
		} else {
			c := &candidate{gaz: -1, typ: typ, name: name, rule: rule}
			if lo == j {
				c.xAlias = inner
			}
			s.addMention(&mention{sent: si, lo: lo, hi: hi, c: c})
		}
		qualified = hi
		if hi < q+1 {
			qualified = q + 1
		}
		j = qualified - 1
	}
}

// coveredSpan reports whether one mention covers all of toks[lo:hi].
func (s *sentInfo) coveredSpan(lo, hi int) bool {
	for _, m := range s.mentions {
		if m.lo <= lo && hi <= m.hi {
			return true
		}
	}
	return false
}

// webTLDs end the host names recognized as web sites.
var webTLDs = []string{".cn", ".com", ".org", ".net", ".gov", ".edu", ".int", ".info", ".io"}

// recognizeWebsites adds host names such as "worldip.cn": a media outlet
// (Organization) when it is a speaker turn or names a reporter's outlet,
// otherwise an online platform (Program).
func (x *Extractor) recognizeWebsites(si int, s *sentInfo) {
	toks := s.toks
	for i, t := range toks {
		if t.Kind != text.Word || !strings.Contains(t.Text, ".") || s.covered(i) || (i > 0 && toks[i-1].Text == "@") {
			continue
		}
		low := t.Folded()
		ok := false
		for _, tld := range webTLDs {
			if strings.HasSuffix(low, tld) && len(low) > len(tld)+1 {
				ok = true
				break
			}
		}
		if !ok || text.IsInitialism([]rune(strings.TrimSuffix(t.Text, "."))) {
			continue
		}
		if strings.HasPrefix(low, "www.") || strings.Contains(low, ".gov.") || strings.HasSuffix(low, ".gov") {
			continue // an address to visit, not the name of an outlet or a platform
		}
		typ, rule := Program, "pattern: web site (online platform)"
		if i+1 < len(toks) && toks[i+1].Text == ":" && i+2 == len(toks) {
			typ, rule = Organization, "pattern: web site as a speaker turn (media outlet)"
		} else if i+1 < len(toks) && (toks[i+1].Text == "reporter" || toks[i+1].Text == "correspondent" || toks[i+1].Text == "News") {
			typ, rule = Organization, "pattern: web site of a media outlet"
		} else if i > 0 && (toks[i-1].Text == "from" || toks[i-1].Text == "with") && i > 1 && (toks[i-2].Text == "reporter" || toks[i-2].Text == "journalist") {
			typ, rule = Organization, "pattern: web site of a media outlet"
		}
		s.addMention(&mention{sent: si, lo: i, hi: i + 1, c: &candidate{gaz: -1, typ: typ, name: t.Text, rule: rule}})
	}
}

// isOrdinalWord reports whether w is an ordinal: "13th", "2nd", "Third".
func isOrdinalWord(w string) bool {
	switch strings.ToLower(w) {
	case "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth":
		return true
	}
	if len(w) < 3 || w[0] < '0' || w[0] > '9' {
		return false
	}
	suf := strings.ToLower(w[len(w)-2:])
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return false
	}
	return strings.Trim(w[:len(w)-2], "0123456789") == ""
}

// genericWords name no particular body or instrument on their own: a
// phrase made only of them and head words ("General Administration",
// "Central Government", "IP Law", "Five-Year Plan") is a fragment or a
// common noun phrase, not an entity.
var genericWords = toSet(`General Central National State Local Provincial Municipal People People's Government Several Relevant Related
Main Key Major New Five-Year Annual Latest IP IPR Intellectual Property Rights Protection Administration Management Enforcement Work Special
Overall Public Service Services Implementation Development Reform Directly Competent Higher Lower Such Other Certain Some`)

func genericPhrase(toks []text.Token) bool {
	n := 0
	for _, t := range toks {
		if t.Kind == text.Punct || isConnector(t) {
			continue
		}
		if n++; n > 2 {
			return false // longer names are specific enough
		}
		if t.Kind != text.Word || isOrdinalWord(t.Text) {
			return false
		}
		if genericWords[t.Text] {
			continue
		}
		if _, ok := headTypes[t.Text]; ok {
			continue
		}
		if _, ok := leadTypes[t.Text]; ok {
			continue
		}
		return false
	}
	return true
}

// Lower-case program names ("the patent open-license pilot program", "data
// IP pilot projects", pilot "three in one") are recognized by
// recognizeLowerPrograms from the words below.
var (
	// lowerProgramHeads end a lower-case program name; "program" and
	// "project" count only after "pilot".
	lowerProgramHeads = toSet(`system reform campaign plan program programs programme project projects`)
	// pilotHeads follow "pilot" in "pilot program", "pilot projects".
	pilotHeads = toSet(`program programs programme project projects`)
	// launchVerbs introduce a program: "carried out a … pilot program".
	launchVerbs = toSet(`launch launched launches launching carry carried carries carrying implement implemented implements implementing
promote promoted promotes promoting explore explored explores exploring establish established establishes establishing
run runs ran running conduct conducted conducts conducting initiate initiated initiates introduce introduced introduces
start started starts roll rolled rolls deepen deepened deepens pilot piloted organize organized organizes organise organised
adopt adopted adopts expand expanded expands advance advanced advances
implementation launch promotion operation establishment introduction rollout piloting`)
	// launchedAfter follow a program name in "… pilot projects have been launched".
	launchedAfter = toSet(`launched implemented introduced initiated started conducted piloted established`)
	// genericHyphenParts make a hyphenated modifier an ordinary adjective
	// ("high-standard", "national-level", "long-term"), not a distinctive
	// part of a name.
	genericHyphenParts = toSet(`high low level term long short based oriented related scale standard quality value year day round sized
wide making driven intensive type new all well large small medium full top first second third multi cross self non so on`)
	// programNameEnd may follow the head of a program name.
	programNameEnd = toSet(`next this last nationwide is was are were has have had will would to which that and in of for with by as at on from since has been be shall should can could`)
)

// distinctiveHyphen reports whether w is a hyphenated term that is not an
// ordinary adjective ("open-license", not "high-standard" or "year-on-year").
func distinctiveHyphen(w string) bool {
	if !strings.Contains(w, "-") || strings.HasPrefix(w, "-") || strings.HasSuffix(w, "-") {
		return false
	}
	for _, p := range strings.Split(strings.ToLower(w), "-") {
		if p == "" || genericHyphenParts[p] || !isLetters(p) {
			return false
		}
	}
	return true
}

// isLetters reports whether w is made of letters only.
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// isAcronymTok reports whether t is an acronym like "IP", "SME", "SMEs", "GI".
func isAcronymTok(t text.Token) bool {
	if t.Kind != text.Word || len(t.Text) < 2 || len(t.Text) > 6 {
		return false
	}
	w := strings.TrimSuffix(t.Text, "s")
	return len(w) >= 2 && text.IsAllCaps(w) && isLetters(w)
}

// launchedBefore reports whether the words before token k (the article of a
// program name) are a launch verb, allowing "out" of "carry out", an
// adverb in -ly, "the 1st batch of" and "the … of" after a nominal
// ("implementation of").
func launchedBefore(toks []text.Token, k int) bool {
	for n := 0; k > 0 && n < 5; n++ {
		k--
		w := toks[k].Folded()
		switch {
		case launchVerbs[w]:
			return true
		case w == "out" || w == "of" || w == "batch" || w == "the" || strings.HasSuffix(w, "ly") || toks[k].Kind == text.Alnum:
			continue
		default:
			return false
		}
	}
	return false
}

// recognizeLowerPrograms adds lower-case names of programs, pilots,
// systems and reforms that a sentence introduces as such:
//   - an article and a launch verb before a phrase of lower-case words
//     ending in pilot program/project(s), plan, system, reform or campaign,
//     with a distinctive modifier: a hyphenated term ("open-license"), or
//     for pilots an acronym ("data IP pilot projects"), or for a plan a
//     bracketed acronym in its purpose ("… plan to help small firms
//     (SMEs)"); the phrase may also open a clause and be followed by "have
//     been launched";
//   - "pilot programs on|for …" after a launch verb;
//   - a quoted lower-case term after "pilot" or "trial", or before a
//     program head (pilot "two in one", the "one window" reform).
//
// The name keeps the words as written, without the article.
func (x *Extractor) recognizeLowerPrograms(si int, s *sentInfo) {
	toks := s.toks
	for i := 1; i < len(toks); i++ {
		t := toks[i]
		if t.Kind != text.Word {
			continue
		}
		h := t.Folded()
		if isQuoteMark(toks[i-1].Text) {
			continue
		}
		if !lowerProgramHeads[h] && h != "pilot" {
			continue
		}
		if h == "pilot" {
			if i+2 < len(toks) && pilotHeads[toks[i+1].Folded()] && (toks[i+2].Text == "for" || toks[i+2].Text == "on") {
				x.pilotOn(si, s, i)
			}
			continue
		}
		pilot := pilotHeads[h]
		end := i // first token of the head
		if pilot {
			if toks[i-1].Folded() != "pilot" {
				continue
			}
			end = i - 1
		}
		if i+1 < len(toks) && toks[i+1].Kind == text.Word && !programNameEnd[toks[i+1].Folded()] {
			continue // "the … system concept": the head is further on
		}
		// The modifiers before the head: lower-case words and acronyms.
		k := end
		for k > 0 && end-k < 5 {
			p := toks[k-1]
			if p.Kind != text.Word || (text.IsCap(p) && !isAcronymTok(p)) || text.FunctionWord(p.Folded()) || s.covered(k-1) || launchVerbs[p.Folded()] {
				break
			}
			k--
		}
		if k == end {
			continue
		}
		distinct, acr := false, false
		for j := k; j < end; j++ {
			if distinctiveHyphen(toks[j].Text) {
				distinct = true
			}
			if isAcronymTok(toks[j]) {
				acr = true
			}
		}
		if pilot && acr {
			distinct = true
		}
		if !distinct && h == "plan" && end-k >= 2 && purposeAcronym(toks, i+1) {
			distinct = true
		}
		if !distinct {
			continue
		}
		art := k > 0 && (toks[k-1].Text == "the" || toks[k-1].Text == "a" || toks[k-1].Text == "an")
		ok := art && launchedBefore(toks, k-1)
		if !ok && (k == 0 || toks[k-1].Text == "," || art && k == 1) {
			// "…, data IP pilot projects have been launched in …"
			for n := i + 1; n < len(toks) && n <= i+3; n++ {
				if launchedAfter[toks[n].Folded()] {
					ok = true
					break
				}
			}
		}
		if !ok {
			continue
		}
		s.addMention(&mention{sent: si, lo: k, hi: i + 1, c: &candidate{gaz: -1, typ: Program, name: s.spanText(k, i+1), rule: "pattern: lower-case program name with a distinctive modifier"}})
	}
	x.quotedPilots(si, s)
}

// purposeAcronym reports whether the words from k are a purpose or
// beneficiary ("to …", "for …") that names a bracketed acronym before the
// clause ends: "plan to support small firms (SMEs)".
func purposeAcronym(toks []text.Token, k int) bool {
	if k >= len(toks) || (toks[k].Text != "to" && toks[k].Text != "for") {
		return false
	}
	for n := k + 1; n < len(toks) && n <= k+14; n++ {
		switch toks[n].Text {
		case ",", ";", ".", ":":
			return false
		case "(":
			return n+2 < len(toks) && isAcronymTok(toks[n+1]) && toks[n+2].Text == ")"
		}
	}
	return false
}

// pilotOn adds "pilot programs on|for …" at token i ("pilot") when a launch
// verb introduces it; the name runs to the end of the clause, at most six
// words.
func (x *Extractor) pilotOn(si int, s *sentInfo, i int) {
	toks := s.toks
	k := i
	if k > 0 && (toks[k-1].Text == "the" || toks[k-1].Text == "a") {
		k--
	}
	if !launchedBefore(toks, k) || s.covered(i) {
		return
	}
	end := i + 3
	for end < len(toks) && end-i-3 < 6 {
		t := toks[end]
		if t.Kind != text.Word || t.Text == "and" || launchVerbs[t.Folded()] || programNameEnd[t.Folded()] && t.Text != "of" && t.Text != "the" {
			break
		}
		end++
	}
	for end > i+3 && text.FunctionWord(toks[end-1].Folded()) {
		end--
	}
	if end == i+3 {
		return
	}
	s.addMention(&mention{sent: si, lo: i, hi: end, c: &candidate{gaz: -1, typ: Program, name: s.spanText(i, end), rule: "pattern: pilot programs on a topic"}})
}

// quotedPilots adds a quoted lower-case term that names a pilot or reform:
// pilot "two in one", the "one window" reform.
func (x *Extractor) quotedPilots(si int, s *sentInfo) {
	toks := s.toks
	for j := 1; j+2 < len(toks); j++ {
		if !isQuoteMark(toks[j].Text) && toks[j].Text != "‘" || toks[j].Text == "”" {
			continue
		}
		q := -1
		for k := j + 1; k < len(toks) && k-j <= 6; k++ {
			if isQuoteMark(toks[k].Text) || toks[k].Text == "’" {
				q = k
				break
			}
		}
		if q < j+3 {
			continue
		}
		plain := true
		for k := j + 1; k < q; k++ {
			if toks[k].Kind != text.Word || text.IsCap(toks[k]) || s.covered(k) {
				plain = false
				break
			}
		}
		if !plain {
			continue
		}
		before := toks[j-1].Folded()
		hi := -1
		switch {
		case before == "pilot" || before == "trial":
			hi = q + 1
		default:
			for n := q + 1; n < len(toks) && n <= q+2; n++ {
				w := toks[n].Folded()
				if w == "reform" || w == "pilot" || w == "campaign" {
					hi = n + 1
					break
				}
				if toks[n].Kind != text.Word || text.IsCap(toks[n]) || text.FunctionWord(w) {
					break
				}
			}
		}
		if hi < 0 {
			j = q
			continue
		}
		s.addMention(&mention{sent: si, lo: j, hi: hi, c: &candidate{gaz: -1, typ: Program, name: s.spanText(j, hi), rule: "pattern: quoted term of a pilot or reform"}})
		j = hi - 1
	}
}
