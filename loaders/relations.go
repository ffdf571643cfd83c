package loaders

import (
	"strings"
)

// relBuilder collects relations, one per (subject, predicate, object).
type relBuilder struct {
	d    *docState
	seen map[string]bool
	out  []Relation
}

func (rb *relBuilder) add(subj int, pred string, obj int, si int, rule string) {
	if subj < 0 || obj < 0 {
		return
	}
	s, o := rb.d.entityID(subj), rb.d.entityID(obj)
	if s == "" || o == "" || s == o {
		return
	}
	key := s + "\x00" + pred + "\x00" + o
	if rb.seen[key] {
		return
	}
	rb.seen[key] = true
	sent := rb.d.sents[si].Sentence
	rb.out = append(rb.out, Relation{Subject: s, Predicate: pred, Object: o, Sentence: sent.Text, Offset: sent.Offset, Rule: rule})
}

func (d *docState) typeOf(m *mention) EntityType { return d.ents[d.find(m.c.ent)].typ }

func (d *docState) entOf(m *mention) int { return d.find(m.c.ent) }

func isBody(t EntityType) bool { return t == Agency || t == Organization }

// appositionBodies returns the bodies named in the apposition after a
// person mention: "Ge Shu, deputy director general of the Patent Bureau of
// the CNIPA, and director general of the Strategic Planning Department"
// gives the Patent Bureau chain and the department.
func (d *docState) appositionBodies(s *sentInfo, p *mention) []*mention {
	toks := s.toks
	k := p.hi
	if k+2 < len(toks) && toks[k].s == "(" && toks[k+2].s == ")" {
		k += 3
	} else if k < len(toks) && toks[k].kind == tokCJK {
		k++
	}
	if k+1 >= len(toks) || toks[k].s != "," || !appositionTitles[strings.ToLower(toks[k+1].s)] {
		return nil
	}
	var out []*mention
	for k++; k < len(toks); k++ {
		t := toks[k].s
		if t == ";" || t == ":" {
			break
		}
		if m := s.mentionAt(k); m != nil && d.typeOf(m) == Person {
			break
		}
		if t == "," && k+1 < len(toks) {
			// "Dai Nian, Research Associate, Duke Kunshan University"
			if m := s.mentionAt(k + 1); m != nil && isBody(d.typeOf(m)) {
				out = append(out, m)
				k = m.hi - 1
				continue
			}
		}
		if t == "of" || t == "at" || t == "from" || t == "under" {
			n := k + 1
			for n < len(toks) && (toks[n].s == "the" || toks[n].s == "this") {
				n++
			}
			if m := s.mentionAt(n); m != nil && isBody(d.typeOf(m)) {
				out = append(out, m)
				k = m.hi - 1
			}
		}
	}
	return out
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
				b := bs[0]
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

// subjectBefore finds the agent of a verb at token v: the nearest body
// mention before it in the same clause, or "we"/"the Office" meaning the
// document's issuing agency.
func (d *docState) subjectBefore(s *sentInfo, v int) []int {
	toks := s.toks
	var out []int
	for k := v - 1; k >= 0 && v-k <= 16; k-- {
		t := toks[k].s
		if t == ";" || t == ":" {
			break
		}
		if m := s.mentionEndingAt(k + 1); m != nil {
			typ := d.typeOf(m)
			if isBody(typ) {
				out = append(out, d.entOf(m))
				// "the General Office of the Party and the General Office of
				// the Council issued": collect bodies joined by "and".
				j := m.lo - 1
				for j >= 0 && (toks[j].s == "the" || toks[j].s == "The") {
					j--
				}
				if j >= 0 && (toks[j].s == "and" || toks[j].s == ",") {
					k = j
					continue
				}
				return out
			}
			if typ == Person {
				return out
			}
			k = m.lo
			continue
		}
		if (t == "We" || t == "we") && d.main >= 0 {
			return append(out, d.main)
		}
		if (t == "It" || (t == "it" && k > 0 && toks[k-1].s == ",")) && d.main >= 0 && k+1 < len(toks) && (strings.HasSuffix(toks[k+1].s, "ed") || toks[k+1].s == "has" || toks[k+1].s == "also" || toks[k+1].s == "had") {
			return append(out, d.main) // "It formulated and published …" in the issuer's report
		}
		if (t == "Office" || t == "Administration") && k > 0 && (toks[k-1].s == "The" || toks[k-1].s == "the" || toks[k-1].s == "This" || toks[k-1].s == "this") && d.main >= 0 && !s.covered(k) {
			return append(out, d.main)
		}
	}
	return out
}

// objectAfter returns the first mention of one of the types within n tokens
// after token v.
func (d *docState) objectAfter(s *sentInfo, v, n int, types ...EntityType) *mention {
	for k := v + 1; k < len(s.toks) && k-v <= n; k++ {
		if s.toks[k].s == ";" {
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
		t := s.toks[k].s
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
	issueVerbs     = toSet(`issued issues issue published publishes released releases promulgated promulgates formulated formulates adopted adopts enacted enacts unveiled unveils introduced introduces drafted drafts prepared prepares`)
	runVerbs       = toSet(`launched launches launch organized organizes organize organised held holds hold ran runs run conducted conducts conduct hosted hosts host initiated initiates initiate started starts established establishes set carried continued operates operated operate built builds completed promoted`)
	implementVerbs = toSet(`implemented implements implement implementing`)
	amendVerbs     = toSet(`amended amends revised revises`)
	coopWords      = toSet(`collaborated cooperated cooperating cooperation collaboration coordination partnered worked joined signed renewed along together jointly between`)
	successionWord = map[string]string{"renamed": "succeededBy", "reorganized": "succeededBy", "reorganised": "succeededBy", "replaced": "succeededBy", "succeeded": "succeededBy",
		"merged": "mergedInto", "folded": "mergedInto", "incorporated": "mergedInto", "combined": "mergedInto", "absorbed": "mergedInto"}
	// successorFirst are succession verbs whose active subject is the new
	// body ("the CNIPA replaced the SIPO"): the link runs object → subject
	// unless the verb is passive ("the SIPO was replaced by the CNIPA").
	successorFirst = toSet(`replaced succeeded absorbed`)
	beVerbs        = toSet(`was were is are been being be`)
	titleAgency    = map[string]string{"Premier": "state_council", "Councilor": "state_council", "Vice Premier": "state_council", "Chief Justice": "spc"}
)

// relations applies the relation rules to the document.
func (d *docState) relations() []Relation {
	rb := &relBuilder{d: d, seen: map[string]bool{}}
	for si, s := range d.sents {
		toks := s.toks
		for _, m := range s.mentions {
			typ := d.typeOf(m)
			// memberOf from appositions.
			if typ == Person {
				for _, b := range d.appositionBodies(s, m) {
					rb.add(d.entOf(m), "memberOf", d.entOf(b), si, "apposition: person, title of body")
				}
				// "Ouyang Zhongcan from the Chinese Academy of Sciences", "Fu Yiqin at Yale".
				if k := m.hi; k < len(toks) && (toks[k].s == "from" || toks[k].s == "at" || toks[k].s == "of") {
					n := k + 1
					for n < len(toks) && toks[n].s == "the" {
						n++
					}
					if b := s.mentionAt(n); b != nil && isBody(d.typeOf(b)) {
						rb.add(d.entOf(m), "memberOf", d.entOf(b), si, "pattern: person from/at body")
					}
				}
				// "Supreme People's Court Vice President Tao Kaiyuan".
				k := m.lo - 1
				for k >= 0 && (titleWord(toks[k]) || toks[k].s == "Vice" || toks[k].s == "Deputy" || toks[k].s == "Chief" || toks[k].s == "General" || toks[k].s == "State" || toks[k].s == "." || toks[k].s == "Councilor") {
					if b := s.mentionEndingAt(k); b != nil && isBody(d.typeOf(b)) && k < m.lo {
						rb.add(d.entOf(m), "memberOf", d.entOf(b), si, "pattern: body, title, person")
						break
					}
					k--
				}
				// Titles that imply a body: "Premier Li Keqiang".
				if m.lo >= 1 {
					title := toks[m.lo-1].s
					if m.lo >= 2 {
						if _, ok := titleAgency[toks[m.lo-2].s+" "+title]; ok {
							title = toks[m.lo-2].s + " " + title
						}
					}
					if id, ok := titleAgency[title]; ok {
						if e, ok := d.x.gaz.byID[id]; ok {
							if b, ok := d.byGaz[e]; ok {
								rb.add(d.entOf(m), "memberOf", d.find(b), si, "title implies body: "+title)
							}
						}
					}
				}
			}
			// "the Patent Management Department of this Office".
			if isBody(typ) && m.c.suffix == nil && m.hi+2 < len(toks) && toks[m.hi].s == "of" && (toks[m.hi+1].s == "this" || toks[m.hi+1].s == "the") && toks[m.hi+2].s == "Office" && d.main >= 0 {
				rb.add(d.entOf(m), "partOf", d.main, si, "pattern: unit of this Office")
			}
			// Regions: "Xuhui District, Shanghai Municipality", "Beijing Haidian District".
			if typ == Region {
				if k := m.hi; k+1 < len(toks) && toks[k].s == "," {
					if r := s.mentionAt(k + 1); r != nil && d.typeOf(r) == Region && d.regionRank(m) < d.regionRank(r) {
						rb.add(d.entOf(m), "partOf", d.entOf(r), si, "pattern: place, larger place")
					}
				}
				if r := s.mentionAt(m.hi); r != nil && d.typeOf(r) == Region && d.regionRank(r) < d.regionRank(m) {
					rb.add(d.entOf(r), "partOf", d.entOf(m), si, "pattern: larger place before place")
				}
			}
			// partOf from "X of Y" chains.
			if m.c.suffix != nil && isBody(typ) && isBody(d.typeOf(m.c.suffix)) {
				rb.add(d.entOf(m), "partOf", d.entOf(m.c.suffix), si, "pattern: body of body")
			}
			// issued from "Opinions of the CCCPC and the State Council".
			if typ == Law {
				for k := m.lo; k < m.hi; k++ {
					if toks[k].s != "of" && toks[k].s != "by" {
						continue
					}
					for n := k + 1; n < m.hi; n++ {
						if b := s.mentionAt(n); b != nil && b != m && d.typeOf(b) == Agency {
							rb.add(d.entOf(b), "issued", d.entOf(m), si, "pattern: instrument of body")
							n = b.hi - 1
						} else if toks[n].s != "and" && toks[n].s != "the" && toks[n].s != "," && !(b != nil) {
							break
						}
					}
					break
				}
			}
		}
		// "the Central Committee … with Comrade Xi Jinping at its core".
		for k := 0; k+2 < len(toks); k++ {
			if toks[k].s == "with" && toks[k+1].s == "Comrade" {
				if p := s.mentionAt(k + 2); p != nil && d.typeOf(p) == Person {
					if b := d.bodyBefore(s, k); b != nil {
						rb.add(d.entOf(p), "memberOf", d.entOf(b), si, "pattern: body with Comrade X at its core")
					}
				}
			}
		}
		// Verb rules.
		for v, t := range toks {
			w := strings.ToLower(t.s)
			switch {
			case issueVerbs[w]:
				subs := d.subjectBefore(s, v)
				for _, o := range d.objectList(s, v, 14, Law, Program) {
					for _, sub := range subs {
						rb.add(sub, "issued", d.entOf(o), si, "verb: "+t.s)
					}
				}
			case runVerbs[w]:
				if w == "established" || w == "set" || w == "establishes" {
					if o := d.objectAfter(s, v, 6, Agency, Organization); o != nil {
						for _, sub := range d.subjectBefore(s, v) {
							if d.ents[sub].typ == Agency {
								rb.add(d.entOf(o), "partOf", sub, si, "verb: "+t.s+" (a body sets up a unit)")
							}
						}
					}
					for _, sub := range d.subjectBefore(s, v) {
						for k := v + 1; k < len(toks) && k-v < 10; k++ {
							if toks[k].s == "in" {
								if r := s.mentionAt(k + 1 + boolInt(k+1 < len(toks) && toks[k+1].s == "the")); r != nil && d.typeOf(r) == Region {
									rb.add(sub, "locatedIn", d.entOf(r), si, "verb: "+t.s+" … in Region")
								}
								break
							}
						}
					}
				}
				if o := d.objectAfter(s, v, 10, Program); o != nil {
					for _, sub := range d.subjectBefore(s, v) {
						rb.add(sub, "runs", d.entOf(o), si, "verb: "+t.s)
					}
				}
			case implementVerbs[w]:
				if o := d.objectAfter(s, v, 12, Law, Program); o != nil {
					for _, sub := range d.subjectBefore(s, v) {
						rb.add(sub, "implements", d.entOf(o), si, "verb: "+t.s)
					}
				}
			case amendVerbs[w]:
				if o := d.objectAfter(s, v, 6, Law); o != nil {
					for _, sub := range d.subjectBefore(s, v) {
						if d.ents[sub].typ == Law {
							rb.add(sub, "amends", d.entOf(o), si, "verb: "+t.s)
						}
					}
				}
			case coopWords[w]:
				if w == "between" {
					// "between China and the EU", "between SIPO and the Zhejiang Provincial Government"
					a := d.objectAfter(s, v, 3, Agency, Organization, Region)
					if a != nil {
						if b := d.objectAfter(s, a.hi-1, 3, Agency, Organization, Region); b != nil && a.hi < len(toks) && toks[a.hi].s == "and" {
							rb.add(d.entOf(a), "cooperatesWith", d.entOf(b), si, "pattern: between X and Y")
						}
					}
					continue
				}
				subs := d.subjectBefore(s, v)
				if len(subs) == 0 {
					subs = d.regionsBefore(s, v)
				}
				if len(subs) > 1 && (w == "jointly" || strings.HasPrefix(w, "cooperat") || strings.HasPrefix(w, "collaborat")) {
					// "China and the United States have been cooperating"
					for _, o := range subs[1:] {
						rb.add(subs[0], "cooperatesWith", o, si, "verb: "+t.s)
					}
				}
				if len(subs) == 0 {
					continue
				}
				for k := v + 1; k < len(toks) && k-v < 40; k++ {
					if toks[k].s == ";" {
						break
					}
					if m := s.mentionAt(k); m != nil {
						if typ := d.typeOf(m); isBody(typ) || (typ == Region && d.ents[subs[0]].typ != Region && withBefore(toks, v, k)) || (typ == Region && d.ents[subs[0]].typ == Region) {
							for _, sub := range subs {
								rb.add(sub, "cooperatesWith", d.entOf(m), si, "verb: "+t.s+" with")
							}
						}
						k = m.hi - 1
					}
				}
			case successionWord[w] != "":
				pred := successionWord[w]
				before := d.bodyBefore(s, v)
				after := d.objectAfter(s, v, 8, Agency)
				if before != nil && after != nil {
					older, newer := d.entOf(before), d.entOf(after)
					if successorFirst[w] && (v == 0 || !beVerbs[strings.ToLower(toks[v-1].s)]) {
						older, newer = newer, older
					}
					rb.add(older, pred, newer, si, "verb: "+t.s)
				}
			case w == "in" || w == "located" || w == "based":
				d.locatedIn(rb, si, s, v)
			}
		}
	}
	d.gazetteerLinks(rb)
	return rb.out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// withBefore reports whether "with" stands between tokens v and k.
func withBefore(toks []token, v, k int) bool {
	for i := v; i < k; i++ {
		if toks[i].s == "with" {
			return true
		}
	}
	return false
}

// regionsBefore returns regions joined by "and" right before token v
// ("China and the United States have been cooperating").
func (d *docState) regionsBefore(s *sentInfo, v int) []int {
	var out []int
	k := v
	for k > 0 && v-k < 8 {
		m := s.mentionEndingAt(k)
		if m == nil {
			k--
			if k >= 0 && (s.toks[k].s == "have" || s.toks[k].s == "has" || s.toks[k].s == "been" || s.toks[k].s == "the" || s.toks[k].s == "and" || s.toks[k].s == "," || s.toks[k].s == "are" || s.toks[k].s == "will") {
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
	return out
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

// locatedIn handles "<program or body> in Region, Region and Region".
func (d *docState) locatedIn(rb *relBuilder, si int, s *sentInfo, v int) {
	toks := s.toks
	if toks[v].s != "in" {
		return
	}
	subj := s.mentionEndingAt(v)
	if subj == nil {
		if v > 0 && (toks[v-1].s == "\"" || toks[v-1].s == "”") {
			subj = s.mentionEndingAt(v - 1)
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
	for k < len(toks) && toks[k].s == "the" {
		k++
	}
	for k < len(toks) {
		m := s.mentionAt(k)
		if m == nil || d.typeOf(m) != Region {
			return
		}
		rb.add(d.entOf(subj), "locatedIn", d.entOf(m), si, "pattern: X in Region")
		k = m.hi
		if k < len(toks) && toks[k].s == "," {
			k++
		}
		if k < len(toks) && toks[k].s == "and" {
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
			si := d.sharedSentence(e, te)
			if si < 0 {
				si = d.ents[d.find(e)].first
			}
			rb.add(d.find(e), link.pred, d.find(te), si, "gazetteer: "+entry.ID+" "+link.pred+" "+link.target)
		}
	}
	// Deterministic order regardless of map iteration.
	sortRelations(rb.out)
}

func (d *docState) sharedSentence(a, b int) int {
	ea, eb := d.ents[d.find(a)], d.ents[d.find(b)]
	best := -1
	for s := range ea.sents {
		if eb.sents[s] && (best < 0 || s < best) {
			best = s
		}
	}
	return best
}
