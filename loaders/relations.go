package loaders

import (
	"sort"
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// relBuilder collects relations, one per (subject, predicate, object).
type relBuilder struct {
	d    *docState
	seen map[string]bool
	out  []Relation
}

func (rb *relBuilder) add(subj int, pred string, obj int, s *sentInfo, rule string) {
	rb.addNote(subj, pred, obj, s, rule, "")
}

// addBackground adds a relation no sentence states, known from source.
func (rb *relBuilder) addBackground(subj int, pred string, obj int, rule, source string) {
	if r := rb.addNote(subj, pred, obj, nil, rule, ""); r != nil {
		r.Sentence, r.Offset, r.KnownFrom = "", -1, source
	}
}

// addNote adds a relation with a note: the title of a memberOf.
func (rb *relBuilder) addNote(subj int, pred string, obj int, s *sentInfo, rule, note string) *Relation {
	if subj < 0 || obj < 0 {
		return nil
	}
	sj, o := rb.d.entityID(subj), rb.d.entityID(obj)
	if sj == "" || o == "" || sj == o {
		return nil
	}
	key := sj + "\x00" + pred + "\x00" + o
	if rb.seen[key] {
		return nil
	}
	rb.seen[key] = true
	r := Relation{Subject: sj, Predicate: pred, Object: o, Rule: rule, Note: note}
	if s != nil {
		r.Sentence, r.Offset = s.Text, s.Offset
	}
	rb.out = append(rb.out, r)
	return &rb.out[len(rb.out)-1]
}

func (d *docState) typeOf(m *mention) EntityType { return d.ents[d.find(m.c.ent)].typ }

func (d *docState) entOf(m *mention) int { return d.find(m.c.ent) }

func isBody(t EntityType) bool { return t == Agency || t == Organization }

// roleBody is a body a person holds a position in, and the position's
// words as written ("deputy director general").
type roleBody struct {
	m    *mention
	role string
}

// appositionFillers may open an apposition before the position's words.
var appositionFillers = toSet(`then a an the former now currently also as`)

// appositionBodies returns the bodies named in the apposition after a
// person mention, each with the position's words: "Ge Shu, deputy director
// general of the Patent Bureau of the CNIPA, and director general of the
// Strategic Planning Department" gives the Patent Bureau chain and the
// department; "Phil Hogan, the European Commission's agriculture
// commissioner" gives the Commission; "Hu Anqi, a division director in the
// CNIPA's Department of …" gives the department.
func (d *docState) appositionBodies(s *sentInfo, p *mention) []roleBody {
	toks := s.toks
	k := p.hi
	if k+2 < len(toks) && toks[k].Text == "(" && toks[k+2].Text == ")" {
		k += 3
	} else if k < len(toks) && toks[k].Kind == text.CJK {
		k++
	}
	if k+1 >= len(toks) || toks[k].Text != "," {
		return nil
	}
	start := k + 1
	for start < len(toks) && appositionFillers[strings.ToLower(toks[start].Text)] && !s.covered(start) {
		start++
	}
	if start >= len(toks) {
		return nil
	}
	// "the European Commission's agriculture commissioner".
	if b := s.mentionAt(start); b != nil && isBody(d.typeOf(b)) && b.hi+1 < len(toks) && text.IsPossessive(toks[b.hi]) {
		if appositionRole(toks, b.hi+1) {
			return []roleBody{{b, positionWords(s, b.hi+1, len(toks))}}
		}
		return nil
	}
	if !appositionTitles[strings.ToLower(toks[start].Text)] && !appositionRole(toks, start) {
		return nil
	}
	var out []roleBody
	roleLo := start
	for k = start; k < len(toks); k++ {
		t := toks[k].Text
		if t == ";" || t == ":" {
			break
		}
		if m := s.mentionAt(k); m != nil && d.typeOf(m) == Person {
			break
		}
		if t == "," && k+1 < len(toks) {
			// "Dai Nian, Research Associate, Duke Kunshan University"
			if m := s.mentionAt(k + 1); m != nil && isBody(d.typeOf(m)) {
				out = append(out, roleBody{m, positionWords(s, roleLo, k)})
				k = m.hi - 1
				continue
			}
		}
		if t == "and" {
			roleLo = k + 1
		}
		if t == "of" || t == "at" || t == "from" || t == "under" || t == "in" {
			n := k + 1
			for n < len(toks) && (toks[n].Text == "the" || toks[n].Text == "this" || toks[n].Text == "its") {
				n++
			}
			if m := s.mentionAt(n); m != nil && isBody(d.typeOf(m)) {
				// "of the GACC's Department of General Operations", "of the
				// MPS Food and Drug … Bureau": the unit.
				if m.hi+1 < len(toks) && text.IsPossessive(toks[m.hi]) {
					if u := s.mentionAt(m.hi + 1); u != nil && isBody(d.typeOf(u)) {
						m = u
					}
				} else if u := s.mentionAt(m.hi); u != nil && u.c.unit && u.c.suffix != nil && u.c.suffix.c == m.c {
					m = u
				}
				out = append(out, roleBody{m, positionWords(s, roleLo, k)})
				k = m.hi - 1
			}
		}
	}
	return out
}

// positionWords returns the position's words of an apposition in toks[lo:hi]:
// up to the first punctuation, lower-cased.
func positionWords(s *sentInfo, lo, hi int) string {
	k := lo
	for k < hi && k < lo+8 && s.toks[k].Kind != text.Punct && !s.covered(k) {
		k++
	}
	for lo < k && appositionFillers[strings.ToLower(s.toks[lo].Text)] {
		lo++
	}
	return strings.ToLower(s.spanText(lo, k))
}

// findMainAgency picks the document's issuing agency: the body of the first
// speaker introduced by an apposition, else the first agency of the title,
// else the agency named in the most sentences.
func (d *docState) findMainAgency() {
	for si, s := range d.sents {
		if si > 60 {
			break
		}
		for _, m := range s.mentions {
			if d.typeOf(m) != Person {
				continue
			}
			if bs := d.appositionBodies(s, m); len(bs) > 0 {
				// Prefer the top of a chain: "Patent Bureau of the CNIPA" → CNIPA.
				b := bs[0].m
				for b.c.suffix != nil && isBody(d.typeOf(b.c.suffix)) {
					b = b.c.suffix
				}
				if d.typeOf(b) == Agency {
					d.main = d.entOf(b)
					return
				}
			}
		}
	}
	if len(d.sents) > 0 {
		for _, m := range d.sents[0].mentions {
			if d.typeOf(m) == Agency {
				d.main = d.entOf(m)
				return
			}
		}
	}
	best, bestN := -1, 2
	for i, e := range d.ents {
		if d.find(i) == i && e.typ == Agency && len(e.sents) > bestN {
			best, bestN = i, len(e.sents)
		}
	}
	d.main = best
}

// subjectBefore finds the agents of a verb at token v: the nearest body
// mention before it in the same clause with the bodies listed with it
// ("A, B and C issued"), the subject of a co-agent phrase ("we joined with
// A and B to issue"), or "we"/"the Office" meaning the document's issuing
// agency. When none stands near the verb it falls back to the sentence's
// opening subject (clauseSubject). Agents are returned in text order.
func (d *docState) subjectBefore(s *sentInfo, v int) []int {
	out, blocked := d.agentsBefore(s, v)
	if len(out) == 0 && !blocked {
		if sub := d.clauseSubject(s, v); sub >= 0 {
			out = append(out, sub)
		}
	}
	return out
}

// agentsBefore is subjectBefore without the fallback; blocked reports that
// the search stopped at a clause boundary or a person.
func (d *docState) agentsBefore(s *sentInfo, v int) (out []int, blocked bool) {
	toks := s.toks
	start := v
	for k := v - 1; k >= 0 && start-k <= 16; k-- {
		t := toks[k].Text
		if t == ";" || t == ":" {
			return reverseInts(out), true
		}
		if m := s.mentionEndingAt(k + 1); m != nil {
			typ := d.typeOf(m)
			if isBody(typ) {
				out = append(out, d.entOf(m))
				// "the General Office of the Party and the General Office of
				// the Council issued": collect bodies joined by "and".
				j := m.lo - 1
				for j >= 0 && isArticle(toks[j].Text) {
					j--
				}
				if j >= 0 && (toks[j].Text == "and" || toks[j].Text == "," || toks[j].Text == "(") {
					k, start = j, j
					continue
				}
				if h := coAgentHead(toks, j); h >= 0 {
					k, start = h, h
					continue
				}
				return reverseInts(out), false
			}
			if typ == Person {
				return reverseInts(out), true
			}
			k = m.lo
			continue
		}
		if (t == "We" || t == "we") && d.main >= 0 {
			return reverseInts(append(out, d.main)), false
		}
		if (t == "It" || (t == "it" && k > 0 && toks[k-1].Text == ",")) && d.main >= 0 && k+1 < len(toks) && (strings.HasSuffix(toks[k+1].Text, "ed") || toks[k+1].Text == "has" || toks[k+1].Text == "also" || toks[k+1].Text == "had") {
			return reverseInts(append(out, d.main)), false // "It formulated and published …" in the issuer's report
		}
		if (t == "Office" || t == "Administration") && k > 0 && isArticle(toks[k-1].Text) && d.main >= 0 && !s.covered(k) {
			return reverseInts(append(out, d.main)), false
		}
	}
	return reverseInts(out), false
}

// objectAfter returns the first mention of one of the types within n tokens
// after token v.
func (d *docState) objectAfter(s *sentInfo, v, n int, types ...EntityType) *mention {
	for k := v + 1; k < len(s.toks) && k-v <= n; k++ {
		if s.toks[k].Text == ";" {
			return nil
		}
		if m := s.mentionAt(k); m != nil {
			t := d.typeOf(m)
			for _, want := range types {
				if t == want {
					return m
				}
			}
			if isBody(t) {
				return nil
			}
			k = m.hi - 1
		}
	}
	return nil
}

// objectList returns the first object after token v (see objectAfter) and
// the objects listed after it: "formulated the A, the B and the C".
func (d *docState) objectList(s *sentInfo, v, n int, types ...EntityType) []*mention {
	o := d.objectAfter(s, v, n, types...)
	if o == nil {
		return nil
	}
	out := []*mention{o}
	for k := o.hi; k < len(s.toks); {
		t := s.toks[k].Text
		if t == "," || t == "and" || t == "the" || t == "as" || t == "well" {
			k++
			continue
		}
		m := s.mentionAt(k)
		if m == nil {
			break
		}
		ok := false
		for _, want := range types {
			ok = ok || d.typeOf(m) == want
		}
		if !ok {
			break
		}
		out = append(out, m)
		k = m.hi
	}
	return out
}

var (
	coopWords      = toSet(`collaborated cooperated cooperating cooperation collaboration coordination partnered worked joined signed renewed along together jointly between`)
	successionWord = map[string]string{"renamed": "succeededBy", "reorganized": "succeededBy", "reorganised": "succeededBy", "replaced": "succeededBy", "succeeded": "succeededBy",
		"merged": "mergedInto", "folded": "mergedInto", "incorporated": "mergedInto", "combined": "mergedInto", "absorbed": "mergedInto",
		"absorb": "mergedInto", "absorbs": "mergedInto", "absorbing": "mergedInto"}
	// successorFirst are succession verbs whose active subject is the new
	// body ("the CNIPA replaced the SIPO"): the link runs object → subject
	// unless the verb is passive ("the SIPO was replaced by the CNIPA").
	successorFirst = toSet(`replaced succeeded absorbed absorb absorbs absorbing`)
	beVerbs        = toSet(`was were is are been being be`)
	titleAgency    = map[string]string{"Premier": "state_council", "Councilor": "state_council", "Vice Premier": "state_council", "Chief Justice": "spc"}
)

// Verb classes: bits of verbClasses, so that each token of a sentence costs
// one map lookup in the relation rules.
const (
	verbCoop = 1 << iota
	verbSuccession
	verbLocated
)

// verbClasses maps a lower-cased word to the verb classes it belongs to.
var verbClasses = func() map[string]int {
	m := map[string]int{}
	for _, c := range []struct {
		words map[string]bool
		bit   int
	}{{coopWords, verbCoop}} {
		for w := range c.words {
			m[w] |= c.bit
		}
	}
	for w := range successionWord {
		m[w] |= verbSuccession
	}
	for _, w := range []string{"in", "located", "based"} {
		m[w] |= verbLocated
	}
	return m
}()

// relations applies the relation rules to the document.
func (d *docState) relations() []Relation {
	rb := &relBuilder{d: d, seen: map[string]bool{}}
	var words []*wordFrames
	for _, s := range d.relationViews() {
		words = wordsOf(s, words)
		d.sentenceRelations(rb, s, words)
		d.applyFrames(rb, s, words)
	}
	d.gazetteerLinks(rb)
	return rb.out
}

// sentenceRelations applies the sentence-level rules to one sentence (or
// one run of sentences joined by relationViews).
func (d *docState) sentenceRelations(rb *relBuilder, s *sentInfo, words []*wordFrames) {
	{
		toks := s.toks
		for _, m := range s.mentions {
			typ := d.typeOf(m)
			// memberOf from appositions.
			if typ == Person {
				// "Ouyang Zhongcan from the Chinese Academy of Sciences", "Fu Yiqin at Yale".
				if k := m.hi; k < len(toks) && (toks[k].Text == "from" || toks[k].Text == "at" || toks[k].Text == "of") {
					n := k + 1
					for n < len(toks) && toks[n].Text == "the" {
						n++
					}
					if b := s.mentionAt(n); b != nil && isBody(d.typeOf(b)) {
						rb.add(d.entOf(m), "memberOf", d.entOf(b), s, "pattern: person from/at body")
					}
				}
				// "Supreme People's Court Vice President Tao Kaiyuan".
				k := m.lo - 1
				for k >= 0 && (titleWord(toks[k]) || toks[k].Text == "Vice" || toks[k].Text == "Deputy" || toks[k].Text == "Chief" || toks[k].Text == "General" || toks[k].Text == "State" || toks[k].Text == "." || toks[k].Text == "Councilor") {
					if b := s.mentionEndingAt(k); b != nil && isBody(d.typeOf(b)) && k < m.lo {
						rb.add(d.entOf(m), "memberOf", d.entOf(b), s, "pattern: body, title, person")
						break
					}
					k--
				}
				// Titles that imply a body: "Premier Li Keqiang".
				if m.lo >= 1 {
					title := toks[m.lo-1].Text
					if m.lo >= 2 {
						if _, ok := titleAgency[toks[m.lo-2].Text+" "+title]; ok {
							title = toks[m.lo-2].Text + " " + title
						}
					}
					if id, ok := titleAgency[title]; ok {
						if e, ok := d.x.gaz.byID[id]; ok {
							if b, ok := d.byGaz[e]; ok {
								rb.add(d.entOf(m), "memberOf", d.find(b), s, "title implies body: "+title)
							}
						}
					}
				}
			}
			// "the Patent Management Department of this Office", also when
			// the recognized name includes "of this Office".
			if isBody(typ) && m.c.suffix == nil && d.main >= 0 {
				if m.hi+2 < len(toks) && toks[m.hi].Text == "of" && (toks[m.hi+1].Text == "this" || toks[m.hi+1].Text == "the") && toks[m.hi+2].Text == "Office" {
					rb.add(d.entOf(m), "partOf", d.main, s, "pattern: unit of this Office")
				} else if m.hi-m.lo > 3 && toks[m.hi-3].Text == "of" && (toks[m.hi-2].Text == "this" || toks[m.hi-2].Text == "the") && toks[m.hi-1].Text == "Office" {
					rb.add(d.entOf(m), "partOf", d.main, s, "pattern: unit of this Office")
				}
			}
			if isBody(typ) {
				d.withinBody(rb, s, m)
				d.namedAfterPlace(rb, s, m)
				if m.c.place > 0 {
					// "the Intellectual Property Court of Hainan Free Trade Port"
					if e, ok := d.byGaz[m.c.place-1]; ok {
						rb.add(d.entOf(m), "locatedIn", d.find(e), s, "pattern: body of a place")
					}
				}
			}
			if typ == Law {
				d.titleTopics(rb, s, m)
			}
			// Regions: "Xuhui District, Shanghai Municipality", "Beijing Haidian District".
			if typ == Region {
				if k := m.hi; k+1 < len(toks) && toks[k].Text == "," {
					if r := s.mentionAt(k + 1); r != nil && d.typeOf(r) == Region && d.regionRank(m) < d.regionRank(r) {
						rb.add(d.entOf(m), "partOf", d.entOf(r), s, "pattern: place, larger place")
					}
				}
				if r := s.mentionAt(m.hi); r != nil && d.typeOf(r) == Region && d.regionRank(r) < d.regionRank(m) {
					rb.add(d.entOf(r), "partOf", d.entOf(m), s, "pattern: larger place before place")
				}
			}
			// partOf from "X of Y" chains.
			if m.c.suffix != nil && isBody(typ) && isBody(d.typeOf(m.c.suffix)) {
				rb.add(d.entOf(m), "partOf", d.entOf(m.c.suffix), s, "pattern: body of body")
			}
			// issued from "Opinions of the CCCPC and the State Council".
			if typ == Law {
				for k := m.lo; k < m.hi; k++ {
					if toks[k].Text != "of" && toks[k].Text != "by" {
						continue
					}
					for n := k + 1; n < m.hi; n++ {
						if b := s.mentionAt(n); b != nil && b != m && d.typeOf(b) == Agency {
							rb.add(d.entOf(b), "issued", d.entOf(m), s, "pattern: instrument of body")
							n = b.hi - 1
						} else if toks[n].Text != "and" && toks[n].Text != "the" && toks[n].Text != "," && !(b != nil) {
							break
						}
					}
					break
				}
			}
		}
		d.accordanceWith(rb, s)
		d.duringProgram(rb, s)
		// "the Central Committee … with Comrade Xi Jinping at its core".
		for k := 0; k+2 < len(toks); k++ {
			if toks[k].Text == "with" && toks[k+1].Text == "Comrade" {
				if p := s.mentionAt(k + 2); p != nil && d.typeOf(p) == Person {
					if b := d.bodyBefore(s, k); b != nil {
						rb.add(d.entOf(p), "memberOf", d.entOf(b), s, "pattern: body with Comrade X at its core")
					}
				}
			}
		}
		// Verb rules.
		for v, t := range toks {
			w := t.Folded()
			c := 0 // the verb classes, looked up once per token (wordsOf)
			if words[v] != nil {
				c = words[v].verbs
			}
			if c == 0 && w != "implementation" {
				continue
			}
			switch {
			case c&verbCoop != 0:
				if w == "between" {
					d.betweenPairs(rb, s, v)
					continue
				}
				subs := d.subjectBefore(s, v)
				if len(subs) == 0 {
					subs = d.regionsBefore(s, v)
				}
				if len(subs) > 1 && (w == "jointly" || strings.HasPrefix(w, "cooperat") || strings.HasPrefix(w, "collaborat")) {
					// "China and the United States have been cooperating"
					for _, o := range subs[1:] {
						rb.add(subs[0], "cooperatesWith", o, s, "verb: "+t.Text)
					}
				}
				if len(subs) == 0 {
					continue
				}
				for k := v + 1; k < len(toks) && k-v < 40; k++ {
					if toks[k].Text == ";" {
						break
					}
					if m := s.mentionAt(k); m != nil {
						if typ := d.typeOf(m); isBody(typ) || (typ == Region && d.ents[subs[0]].typ != Region && withBefore(toks, v, k)) || (typ == Region && d.ents[subs[0]].typ == Region) {
							for _, sub := range subs {
								rb.add(sub, "cooperatesWith", d.entOf(m), s, "verb: "+t.Text+" with")
							}
						}
						k = m.hi - 1
					}
				}
			case c&verbSuccession != 0:
				if v+2 < len(toks) && toks[v+1].Text == "to" && toks[v+2].Kind == text.Word && !s.covered(v+2) && toks[v+2].Text != "the" {
					continue // "reorganized to absorb …": the next verb says how
				}
				pred := successionWord[w]
				before := d.bodyBefore(s, v)
				if before == nil {
					continue
				}
				passive := v > 0 && beVerbs[strings.ToLower(toks[v-1].Text)]
				if successorFirst[w] && !passive {
					// "the Ministry … absorbed the A and the B": each old body
					// links to the subject.
					for _, o := range d.objectList(s, v, 8, Agency) {
						rb.add(d.entOf(o), pred, d.entOf(before), s, "verb: "+t.Text)
					}
					continue
				}
				if after := d.objectAfter(s, v, 8, Agency); after != nil {
					rb.add(d.entOf(before), pred, d.entOf(after), s, "verb: "+t.Text)
				}
			case w == "implementation" && v+1 < len(toks) && toks[v+1].Text == "of" && !s.covered(v):
				// "organized the implementation of the Plan", "Circular of the
				// Office Concerning the Implementation of the Opinions".
				if o := d.objectAfter(s, v+1, 4, Law, Program); o != nil {
					var subs []int
					if is := d.issuerBefore(s, v); is >= 0 {
						subs = []int{is}
					} else if h := implementationHead(toks, v); h >= 0 && d.subjectAdjacent(s, h) {
						subs = d.subjectBefore(s, h)
					}
					for _, sub := range subs {
						rb.add(sub, "implements", d.entOf(o), s, "noun: implementation of")
					}
				}
			case c&verbLocated != 0:
				d.locatedIn(rb, s, v)
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// withBefore reports whether "with" stands between tokens v and k.
func withBefore(toks []text.Token, v, k int) bool {
	for i := v; i < k; i++ {
		if toks[i].Text == "with" {
			return true
		}
	}
	return false
}

// regionsBefore returns regions joined by "and" right before token v, in
// text order
// ("China and the United States have been cooperating").
func (d *docState) regionsBefore(s *sentInfo, v int) []int {
	var out []int
	k := v
	for k > 0 && v-k < 8 {
		m := s.mentionEndingAt(k)
		if m == nil {
			k--
			if k >= 0 && (s.toks[k].Text == "have" || s.toks[k].Text == "has" || s.toks[k].Text == "been" || s.toks[k].Text == "the" || s.toks[k].Text == "and" || s.toks[k].Text == "," || s.toks[k].Text == "are" || s.toks[k].Text == "will") {
				continue
			}
			break
		}
		if d.typeOf(m) != Region {
			break
		}
		out = append(out, d.entOf(m))
		k = m.lo
	}
	return reverseInts(out)
}

// regionRank orders regions by size: districts and counties, cities,
// provinces and municipalities, countries and larger.
func (d *docState) regionRank(m *mention) int {
	e := d.ents[d.entOf(m)]
	kind := ""
	if e.gaz >= 0 {
		kind = d.x.gaz.entries[e.gaz].Kind
	}
	name := e.name
	switch {
	case strings.Contains(kind, "district") || strings.HasSuffix(name, "District") || strings.HasSuffix(name, "County") || strings.Contains(kind, "new area") || strings.HasSuffix(name, "Zone"):
		return 1
	case kind == "city" || strings.HasSuffix(name, "City"):
		return 2
	case strings.Contains(kind, "province") || strings.Contains(kind, "municipality") || strings.Contains(kind, "autonomous") || strings.Contains(kind, "special administrative") || strings.HasSuffix(name, "Province"):
		return 3
	case kind == "country" || strings.Contains(kind, "group") || kind == "union" || kind == "continent":
		return 5
	}
	return 4
}

// bodyBefore returns the nearest body mention ending before token v.
func (d *docState) bodyBefore(s *sentInfo, v int) *mention {
	for k := v; k > 0 && v-k < 12; k-- {
		if m := s.mentionEndingAt(k); m != nil && isBody(d.typeOf(m)) {
			return m
		}
	}
	return nil
}

// placedVerbs link a subject to the place after "in": "will be held in".
var placedVerbs = toSet(`held located based headquartered hosted`)

// locatedIn handles "<program or body> in Region, Region and Region" and
// "<program or body> will be held in Region".
func (d *docState) locatedIn(rb *relBuilder, s *sentInfo, v int) {
	toks := s.toks
	if toks[v].Text != "in" {
		return
	}
	subj := s.mentionEndingAt(v)
	if subj == nil {
		if v > 0 && (toks[v-1].Text == "\"" || toks[v-1].Text == "”") {
			subj = s.mentionEndingAt(v - 1)
		}
	}
	if subj == nil && v > 0 && placedVerbs[toks[v-1].Text] {
		// "the IPSC will be held in Berkeley", "the centre is based in Xi'an"
		k := v - 1
		for k > 0 && (beVerbs[toks[k-1].Text] || toks[k-1].Text == "will" || toks[k-1].Text == "also" || toks[k-1].Text == "to") {
			k--
		}
		if k < v-1 {
			subj = s.mentionEndingAt(k)
		}
	}
	if subj == nil {
		return
	}
	st := d.typeOf(subj)
	if st != Program && st != Organization && st != Agency {
		return
	}
	k := v + 1
	for k < len(toks) && toks[k].Text == "the" {
		k++
	}
	for k < len(toks) {
		m := s.mentionAt(k)
		if m == nil || d.typeOf(m) != Region {
			return
		}
		rb.add(d.entOf(subj), "locatedIn", d.entOf(m), s, "pattern: X in Region")
		k = m.hi
		if k < len(toks) && toks[k].Text == "," {
			k++
		}
		if k < len(toks) && toks[k].Text == "and" {
			k++
		}
	}
}

// gazetteerLinks adds succeededBy, mergedInto and partOf links that the
// gazetteer records between two entities of the document.
func (d *docState) gazetteerLinks(rb *relBuilder) {
	for g, e := range d.byGaz {
		entry := d.x.gaz.entries[g]
		for _, link := range []struct{ pred, target string }{{"succeededBy", entry.SucceededBy}, {"mergedInto", entry.MergedInto}, {"partOf", entry.Parent}} {
			if link.target == "" {
				continue
			}
			tg, ok := d.x.gaz.byID[link.target]
			if !ok {
				continue
			}
			te, ok := d.byGaz[tg]
			if !ok {
				continue
			}
			// A sentence that states the link gave it already (rb keeps
			// the first); otherwise it is background knowledge, with the
			// gazetteer row as its source and no sentence.
			rb.addBackground(d.find(e), link.pred, d.find(te), "gazetteer: "+entry.ID+" "+link.pred+" "+link.target, gazSource(entry))
		}
	}
	// Deterministic order regardless of map iteration.
	sortRelations(rb.out)
}

// continuationStarts are capitalized words that open the second line of a
// heading broken over lines ("Circular of the Office / Concerning the
// Implementation of …").
var continuationStarts = toSet(`Concerning Regarding About Of For And`)

// continues reports whether sentence b continues sentence a: a was cut at a
// comma (a long sentence split by the segmenter), or a has no final
// punctuation (a line break inside a sentence or a heading) and b opens in
// lower case or with a connecting word.
func continues(a, b *sentInfo) bool {
	if len(a.toks) == 0 || len(b.toks) == 0 {
		return false
	}
	last, first := a.toks[len(a.toks)-1].Text, b.toks[0]
	if last == "," {
		return true
	}
	if last == "." || last == "!" || last == "?" || last == ";" || last == ":" || last == "。" || a.toks[len(a.toks)-1].Kind == text.Num {
		return false
	}
	if first.Kind != text.Word {
		return false
	}
	r := []rune(first.Text)[0]
	return unicode.IsLower(r) || continuationStarts[first.Text]
}

// relationViews returns the units the sentence rules run on: each sentence,
// except that a sentence and the ones that continue it (see continues) are
// joined into one view whose text is the document's text from the first
// sentence's start to the last one's end. At most three sentences are
// joined.
func (d *docState) relationViews() []*sentInfo {
	var out []*sentInfo
	var docRunes []rune
	for i := 0; i < len(d.sents); {
		j := i
		for j+1 < len(d.sents) && j-i < 2 && continues(d.sents[j], d.sents[j+1]) {
			j++
		}
		if j == i {
			out = append(out, d.sents[i])
			i++
			continue
		}
		if docRunes == nil {
			docRunes = d.docRunes
		}
		first, last := d.sents[i], d.sents[j]
		end := last.Offset + len(last.runes)
		if first.Offset < 0 || end > len(docRunes) || first.Offset > end {
			for k := i; k <= j; k++ {
				out = append(out, d.sents[k])
			}
			i = j + 1
			continue
		}
		v := &sentInfo{Sentence: Sentence{Text: string(docRunes[first.Offset:end]), Offset: first.Offset}}
		v.runes = docRunes[first.Offset:end]
		for k := i; k <= j; k++ {
			s := d.sents[k]
			shift, base := s.Offset-first.Offset, len(v.toks)
			for _, t := range s.toks {
				v.toks = append(v.toks, text.Token{Text: t.Text, Lo: t.Lo + shift, Hi: t.Hi + shift, Kind: t.Kind})
			}
			for _, m := range s.mentions {
				v.mentions = append(v.mentions, &mention{sent: m.sent, lo: m.lo + base, hi: m.hi + base, c: m.c})
			}
		}
		out = append(out, v)
		i = j + 1
	}
	return out
}

// isArticle reports whether w is an article or demonstrative that may open
// a noun phrase before a name.
func isArticle(w string) bool {
	switch w {
	case "the", "The", "this", "This", "its", "Its", "our", "Our":
		return true
	}
	return false
}

// coAgentWords introduce bodies acting together with the subject: "we
// joined with A and B", "we, along with A, B and C, will host …", "It worked
// in collaboration with A, B and C to publish …".
var coAgentWords = toSet(`along together joined jointly collaboration cooperation conjunction partnership hands teamed partnered worked`)

// coAgentHead returns the index of the word before "with" at token j when
// toks[j] is the "with" of a co-agent phrase, else -1.
func coAgentHead(toks []text.Token, j int) int {
	if j >= 1 && toks[j].Text == "with" && coAgentWords[strings.ToLower(toks[j-1].Text)] {
		return j - 1
	}
	return -1
}

// introWords open an introductory phrase closed by a comma before the
// clause's subject: "In 2019, we …", "Last year, the CNIPA …".
var introWords = toSet(`In On Since Last This Over At From After Before By Through Meanwhile Moreover Furthermore Besides Also Additionally Since`)

// clauseSubject returns the subject that opens the sentence ("We", "the
// Office" or a body, after an optional introductory phrase), when it stands
// before token v with no person named in between; else -1. It is the
// fallback agent of a verb far from its subject: "We took measures … and
// renewed the agreement with WIPO".
func (d *docState) clauseSubject(s *sentInfo, v int) int {
	toks := s.toks
	k := 0
	if len(toks) > 0 && introWords[toks[0].Text] {
		for c := 1; c < len(toks) && c < 12 && c < v; c++ {
			if toks[c].Text == "," {
				k = c + 1
				break
			}
		}
	}
	for k < v && isArticle(toks[k].Text) {
		k++
	}
	if k >= v {
		return -1
	}
	sub := -1
	end := k + 1
	switch {
	case toks[k].Text == "We" || toks[k].Text == "we":
		sub = d.main
	case toks[k].Text == "Office" && k > 0 && isArticle(toks[k-1].Text) && !s.covered(k):
		sub = d.main
	default:
		if m := s.mentionAt(k); m != nil && isBody(d.typeOf(m)) {
			sub, end = d.entOf(m), m.hi
		}
	}
	if sub < 0 || end >= v {
		return -1
	}
	if t := toks[end].Text; t == "which" || t == "that" || t == "of" || t == "'s" || t == "’s" {
		return -1
	}
	for _, m := range s.mentions {
		if m.lo >= end && m.hi <= v && d.typeOf(m) == Person {
			return -1
		}
	}
	return sub
}

func reverseInts(xs []int) []int {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
	return xs
}

// betweenPairs handles "between X and Y", and lists of pairs: "between China
// and the EU, China and France as well as China and Thailand". The token v
// is "between".
func (d *docState) betweenPairs(rb *relBuilder, s *sentInfo, v int) {
	toks := s.toks
	k := v
	for pairs := 0; pairs < 8; pairs++ {
		a := d.objectAfter(s, k, 3, Agency, Organization, Region)
		if a == nil || a.hi >= len(toks) || toks[a.hi].Text != "and" {
			return
		}
		b := d.objectAfter(s, a.hi, 2, Agency, Organization, Region)
		if b == nil {
			return
		}
		rb.add(d.entOf(a), "cooperatesWith", d.entOf(b), s, "pattern: between X and Y")
		// Another pair follows a comma, "and" or "as well as".
		n := b.hi
		for n < len(toks) && n-b.hi < 4 && (toks[n].Text == "," || toks[n].Text == "and" || toks[n].Text == "as" || toks[n].Text == "well") {
			n++
		}
		if n == b.hi {
			return
		}
		k = n - 1
	}
}

// servesInstrument reports whether the instrument at token o, found after
// the issuing verb at token v, is not what was issued but what the issued
// text serves: "published the division of assignments and progress schedule
// for the Opinions", "formulated measures for implementing the Outline".
func servesInstrument(toks []text.Token, v, o int) bool {
	k := o - 1
	for k > v && (isArticle(toks[k].Text) || toks[k].Text == "*" || toks[k].Text == "\"" || toks[k].Text == "“") {
		k--
	}
	if k <= v+1 {
		return false
	}
	w := toks[k].Folded()
	if w == "for" || w == "implementing" || w == "implement" {
		return true
	}
	return w == "of" && strings.EqualFold(toks[k-1].Text, "implementation")
}

// withinWords may stand between a body and "within" ("the USPTO which is
// within the Department of Commerce", "will the Administration remain
// within …").
var withinWords = toSet(`which that is was are remain remains remained stay stays stayed will would be also still`)

// withinBody links a body to the agency it sits in: "this Leading Group
// within MofCOM", "the Joint Conference under the State Council".
func (d *docState) withinBody(rb *relBuilder, s *sentInfo, m *mention) {
	toks := s.toks
	k := m.hi
	if k < len(toks) && toks[k].Text == "," {
		k++
	}
	for n := 0; n < 3 && k < len(toks) && withinWords[toks[k].Text] && !s.covered(k); n++ {
		k++
	}
	if k >= len(toks) {
		return
	}
	w := toks[k].Text
	if w != "within" && !(w == "under" && k <= m.hi+1) {
		return
	}
	k++
	for k < len(toks) && isArticle(toks[k].Text) {
		k++
	}
	if b := s.mentionAt(k); b != nil && d.typeOf(b) == Agency {
		rb.add(d.entOf(m), "partOf", d.entOf(b), s, "pattern: body "+w+" agency")
	}
}

// namedAfterPlace links a body whose name opens with a city, district or
// province named in the document to that place: "Zhengzhou Intellectual
// Property Tribunal" → Zhengzhou, "Zhejiang Provincial Government" →
// Zhejiang. Countries are left out ("China National … Administration").
func (d *docState) namedAfterPlace(rb *relBuilder, s *sentInfo, m *mention) {
	for n := 2; n >= 1; n-- {
		if m.hi-m.lo <= n {
			continue
		}
		g, ok := d.x.gaz.lookupName(s.spanText(m.lo, m.lo+n))
		if !ok || d.x.gaz.entries[g].Type != Region {
			continue
		}
		e, ok := d.byGaz[g]
		if !ok {
			return
		}
		kind := d.x.gaz.entries[g].Kind
		if kind == "country" || strings.Contains(kind, "group") || kind == "union" || kind == "continent" || kind == "" {
			return
		}
		rb.add(d.entOf(m), "locatedIn", d.find(e), s, "pattern: body named after place")
		return
	}
}

// implementationOf are the words before an instrument being implemented.
var implementationOf = []string{"implementation", "of"}

// titleTopics links an instrument to the programs, instruments and places
// its title is about: "Opinions on … to Accelerate the Implementation of
// Innovation-driven Development Strategy" concerns (and implements) the
// strategy; "… Old Industrial Bases in Northeast China" concerns the region.
// Issuers ("Opinions of the State Council") are left to the issued rule.
func (d *docState) titleTopics(rb *relBuilder, s *sentInfo, m *mention) {
	toks := s.toks
	for _, n := range s.mentions {
		if n == m || n.lo <= m.lo || n.hi > m.hi {
			continue
		}
		switch d.typeOf(n) {
		case Program, Law:
			rb.add(d.entOf(m), "concerns", d.entOf(n), s, "title: instrument on topic")
			if wordsBefore(toks, n.lo, implementationOf) {
				rb.add(d.entOf(m), "implements", d.entOf(n), s, "title: implementation of")
			}
		case Region:
			k := n.lo - 1
			for k > m.lo && isArticle(toks[k].Text) {
				k--
			}
			if w := toks[k].Text; w == "in" || w == "for" || w == "on" {
				rb.add(d.entOf(m), "concerns", d.entOf(n), s, "title: instrument on place")
			}
		}
	}
}

// accordanceOpeners introduce the instrument an action carries out.
var accordanceOpeners = [][]string{
	{"in", "accordance", "with"}, {"according", "to"}, {"pursuant", "to"}, {"in", "line", "with"},
	{"to", "implement"}, {"in", "order", "to", "implement"}, {"in", "implementing"}, {"implementing"},
}

// accordanceWith handles "In accordance with the Notification of the State
// Council …, SIPO made …" and "SIPO, pursuant to the Measures, …": the
// acting body implements the instrument.
func (d *docState) accordanceWith(rb *relBuilder, s *sentInfo) {
	toks := s.toks
	for i := range toks {
		if i > 0 && toks[i-1].Text != "," {
			continue // at the start of the sentence or of a comma phrase
		}
		n := 0
		for _, op := range accordanceOpeners {
			if i+len(op) <= len(toks) {
				ok := true
				for j, w := range op {
					ok = ok && strings.EqualFold(toks[i+j].Text, w)
				}
				if ok {
					n = len(op)
					break
				}
			}
		}
		if n == 0 {
			continue
		}
		objs := d.objectList(s, i+n-1, 3, Law, Program)
		if len(objs) == 0 {
			continue
		}
		var subs []int
		if i == 0 {
			// The subject follows the phrase: "…, SIPO made …".
			k := objs[len(objs)-1].hi
			for k < len(toks) && toks[k].Text != "," && k-objs[len(objs)-1].hi < 12 {
				k++
			}
			k++
			for k < len(toks) && isArticle(toks[k].Text) {
				k++
			}
			if k < len(toks) {
				if toks[k].Text == "we" || toks[k].Text == "We" || (toks[k].Text == "Office" && !s.covered(k)) {
					subs = append(subs, d.main)
				} else if b := s.mentionAt(k); b != nil && isBody(d.typeOf(b)) {
					subs = append(subs, d.entOf(b))
				}
			}
		} else {
			subs = d.subjectBefore(s, i-1)
		}
		for _, o := range objs {
			for _, sub := range subs {
				if sub >= 0 {
					rb.add(sub, "implements", d.entOf(o), s, "pattern: in accordance with instrument")
				}
			}
		}
	}
}

// duringProgram handles "During last year's Blue Sky campaign, we
// interviewed …": the subject after the phrase runs the program.
func (d *docState) duringProgram(rb *relBuilder, s *sentInfo) {
	toks := s.toks
	if len(toks) < 4 || toks[0].Text != "During" {
		return
	}
	o := d.objectAfter(s, 0, 5, Program)
	if o == nil || o.hi >= len(toks) || toks[o.hi].Text != "," {
		return
	}
	k := o.hi + 1
	for k < len(toks) && isArticle(toks[k].Text) {
		k++
	}
	if k >= len(toks) {
		return
	}
	sub := -1
	if toks[k].Text == "we" || toks[k].Text == "We" {
		sub = d.main
	} else if b := s.mentionAt(k); b != nil && isBody(d.typeOf(b)) {
		sub = d.entOf(b)
	}
	if sub >= 0 {
		rb.add(sub, "runs", d.entOf(o), s, "pattern: during program, subject")
	}
}

// notImplementationHeads are words before "(the) implementation of" that
// make the phrase something other than the subject's own action ("with
// regard to the implementation", "the guiding document for implementation").
var notImplementationHeads = toSet(`of to with for in and or by under about from on at as their his her its our`)

// implementationHead returns the verb whose object is "(the)
// implementation" at token v ("organized the implementation of"), or -1.
func implementationHead(toks []text.Token, v int) int {
	k := v - 1
	for k >= 0 && isArticle(toks[k].Text) {
		k--
	}
	if k < 0 || toks[k].Kind != text.Word || text.IsCap(toks[k]) || notImplementationHeads[strings.ToLower(toks[k].Text)] {
		return -1
	}
	return k
}

// verbModifiers may stand between a subject and its verb.
var verbModifiers = toSet(`has have had also further actively will would continued to`)

// subjectAdjacent reports whether the verb at token h directly follows its
// subject: a body, "we", "it" or "the Office", with only adverbs and
// auxiliaries between ("SIPO sturdily organized").
func (d *docState) subjectAdjacent(s *sentInfo, h int) bool {
	k := h - 1
	for k >= 0 && (verbModifiers[strings.ToLower(s.toks[k].Text)] || strings.HasSuffix(s.toks[k].Text, "ly")) {
		k--
	}
	if k < 0 {
		return false
	}
	if m := s.mentionEndingAt(k + 1); m != nil {
		return isBody(d.typeOf(m))
	}
	switch strings.ToLower(s.toks[k].Text) {
	case "we", "it":
		return true
	case "office":
		return k > 0 && isArticle(s.toks[k-1].Text)
	}
	return false
}

// issuerBefore returns the issuing body of the instrument right before
// token v, when the instrument's name ends with it: "Circular of the State
// Intellectual Property Office Concerning the Implementation of …" gives the
// Office. It returns -1 otherwise.
func (d *docState) issuerBefore(s *sentInfo, v int) int {
	k := v - 1
	for k >= 0 && isArticle(s.toks[k].Text) {
		k--
	}
	if k < 0 || !strings.EqualFold(s.toks[k].Text, "concerning") && !strings.EqualFold(s.toks[k].Text, "regarding") && !strings.EqualFold(s.toks[k].Text, "on") {
		return -1
	}
	law := s.mentionEndingAt(k)
	if law == nil || d.typeOf(law) != Law {
		return -1
	}
	for _, m := range s.mentions {
		if m != law && m.hi == law.hi && m.lo > law.lo && isBody(d.typeOf(m)) {
			j := m.lo - 1
			for j > law.lo && isArticle(s.toks[j].Text) {
				j--
			}
			if s.toks[j].Text == "of" || s.toks[j].Text == "by" {
				return d.entOf(m)
			}
		}
	}
	return -1
}

func sortRelations(rs []Relation) {
	sort.SliceStable(rs, func(a, b int) bool {
		if rs[a].Offset != rs[b].Offset {
			return rs[a].Offset < rs[b].Offset
		}
		if rs[a].Subject != rs[b].Subject {
			return rs[a].Subject < rs[b].Subject
		}
		if rs[a].Predicate != rs[b].Predicate {
			return rs[a].Predicate < rs[b].Predicate
		}
		return rs[a].Object < rs[b].Object
	})
}
