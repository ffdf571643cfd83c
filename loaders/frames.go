package loaders

import (
	_ "embed" // frames.tsv
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

//go:embed frames.tsv
var framesTSV string

// frame is one row of frames.tsv: a way a clause states a relation.
type frame struct {
	id          string
	rule        string // "frame " + id, the rule of what it extracts
	form        string
	anchored    bool // matched where its phrase starts (anchoredForms) or at a copula
	predicate   string
	subject     map[EntityType]bool
	object      map[EntityType]bool
	phrases     [][]string // the word sequences of the words column; an empty one matches nothing written
	window      int
	anyType     bool         // subject "*": any entity type
	objectTypes []EntityType // the object column as a list
	// Options (the options column).
	reverse       bool     // the object is the relation's subject ("A established B": B partOf A)
	list          bool     // every object of a coordination, not only the first
	forInstrument string   // the predicate when the object follows "for"/"implementing" ("published the division of tasks for the Opinions")
	notAfter      []string // skip an object right after these words ("implementation of")
	objectAfter   string   // the object follows this word after the phrase ("established … in Beijing")
	adjacent      bool     // the object follows the phrase at once (after articles)
}

// clauseStops end the search for a frame's object: a new clause begins.
var clauseStops = toSet(`; : , that which who whose where when because while`)

// frames is the table, parsed once; a malformed row is a build error
// caught by TestFramesTable.
var frames, framesErr = parseFrames(framesTSV)

// anchoredForms are matched at a token that starts one of their phrases;
// the other forms start from a mention.
var anchoredForms = toSet(`active passive passive_at noun_passive`)

// wordFrames are the frames a word may anchor: those whose phrases start
// with it, and the copula frames for "is", "are", "remains".
type wordFrames struct {
	anchored []int
	copula   bool
	verbs    int // the word's verb classes for the rules of relations.go (verbClasses)
}

// framesByWord indexes the anchored frames by the first word of each of
// their phrases, so that a sentence costs one map lookup per token.
var framesByWord = func() map[string]*wordFrames {
	m := map[string]*wordFrames{}
	at := func(w string) *wordFrames {
		if m[w] == nil {
			m[w] = &wordFrames{}
		}
		return m[w]
	}
	for i, f := range frames {
		if !anchoredForms[f.form] {
			continue
		}
		for _, p := range f.phrases {
			if len(p) > 0 && !containsInt(at(p[0]).anchored, i) {
				at(p[0]).anchored = append(at(p[0]).anchored, i)
			}
		}
	}
	for w := range beVerbs {
		at(w).copula = true
	}
	at("remains").copula, at("remain").copula = true, true
	for w, c := range verbClasses {
		at(w).verbs = c
	}
	return m
}()

// wordsOf looks every token of a sentence up in framesByWord once, for the
// frames and for the verb rules of relations.go; nil where a word anchors
// nothing.
func wordsOf(s *sentInfo, buf []*wordFrames) []*wordFrames {
	buf = buf[:0]
	for _, t := range s.toks {
		buf = append(buf, framesByWord[t.Folded()])
	}
	return buf
}

// frameForms are the forms frames.go knows how to match.
var frameForms = toSet(`active passive passive_at apposition copula possessive possessive_with prefix pair title noun_passive role succession shared_title`)

func parseFrames(src string) ([]frame, error) {
	var out []frame
	header := true
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("frames.tsv:%d: %d columns, want 8", n+1, len(f))
		}
		if !frameForms[f[1]] {
			return nil, fmt.Errorf("frames.tsv:%d: unknown form %q", n+1, f[1])
		}
		w, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("frames.tsv:%d: window: %w", n+1, err)
		}
		fr := frame{id: f[0], rule: "frame " + f[0], form: f[1], anchored: anchoredForms[f[1]] || f[1] == "copula", predicate: f[2], subject: typeSet(f[3]), object: typeSet(f[4]), window: w, anyType: f[3] == "*"}
		for _, t := range EntityTypes {
			if fr.object[t] {
				fr.objectTypes = append(fr.objectTypes, t)
			}
		}
		for _, o := range strings.Split(f[7], ",") {
			k, v, _ := strings.Cut(strings.TrimSpace(o), "=")
			switch k {
			case "":
			case "reverse":
				fr.reverse = true
			case "list":
				fr.list = true
			case "adjacent":
				fr.adjacent = true
			case "for_instrument":
				fr.forInstrument = v
			case "not_after":
				fr.notAfter = strings.Fields(v)
			case "object_after":
				fr.objectAfter = v
			default:
				return nil, fmt.Errorf("frames.tsv:%d: unknown option %q", n+1, k)
			}
		}
		if f[5] != "" {
			for _, p := range strings.Split(f[5], "|") {
				fr.phrases = append(fr.phrases, strings.Fields(strings.ToLower(p)))
			}
		}
		out = append(out, fr)
	}
	return out, nil
}

// frameWords returns the one-word phrases of the frame id.
func frameWords(id string) map[string]bool {
	m := map[string]bool{}
	for _, f := range frames {
		if f.id == id {
			for _, p := range f.phrases {
				if len(p) == 1 {
					m[p[0]] = true
				}
			}
		}
	}
	return m
}

func typeSet(s string) map[EntityType]bool {
	m := map[EntityType]bool{}
	for _, t := range strings.Split(s, "|") {
		if t != "" {
			m[EntityType(t)] = true
		}
	}
	return m
}

// phraseAt returns the end of the longest of the frame's phrases that
// matches toks[k:] (case-insensitively), or -1. An empty phrase matches
// with end k.
func (f *frame) phraseAt(toks []text.Token, k int) int {
	best := -1
	for _, p := range f.phrases {
		if k+len(p) > len(toks) {
			continue
		}
		ok := true
		for i, w := range p {
			if toks[k+i].Folded() != w {
				ok = false
				break
			}
		}
		if ok && k+len(p) > best {
			best = k + len(p)
		}
	}
	return best
}

// frameFillers may stand between a frame's parts without changing it.
var frameFillers = toSet(`the a an its their this these then former now currently also all both still jointly together formally officially first later`)

// typedAt returns the mention of one of types that starts at toks[k] after
// articles and fillers, or nil.
func (d *docState) typedAt(s *sentInfo, k int, types map[EntityType]bool) *mention {
	for k < len(s.toks) && frameFillers[strings.ToLower(s.toks[k].Text)] && !s.covered(k) {
		k++
	}
	if m := s.mentionAt(k); m != nil && types[d.typeOf(m)] {
		return m
	}
	return nil
}

// typedWithin returns the first mention of one of types that starts within
// n tokens of toks[k], stopping at a clause boundary.
func (d *docState) typedWithin(s *sentInfo, k, n int, types map[EntityType]bool) *mention {
	for i := k; i < len(s.toks) && i <= k+n; i++ {
		if t := s.toks[i].Text; t == ";" || t == ":" {
			return nil
		}
		if m := s.mentionAt(i); m != nil {
			if types[d.typeOf(m)] {
				return m
			}
			i = m.hi - 1
		}
	}
	return nil
}

// typedList returns the coordination of mentions of types that starts at
// toks[k] ("the CPC Central Committee and the State Council").
func (d *docState) typedList(s *sentInfo, k int, types map[EntityType]bool) []*mention {
	var out []*mention
	for {
		m := d.typedAt(s, k, types)
		if m == nil {
			return out
		}
		out = append(out, m)
		k = m.hi
		if k+2 < len(s.toks) && s.toks[k].Text == "(" && s.toks[k+2].Text == ")" {
			k += 3 // "(CPC)"
		}
		if k < len(s.toks) && s.toks[k].Text == "," {
			k++
		}
		if k < len(s.toks) && (s.toks[k].Text == "and" || s.toks[k].Text == "&") {
			k++
		} else if k == m.hi || s.toks[k-1].Text == ")" {
			return out
		}
	}
}

// typedListEndingAt returns the coordination of mentions of types that ends
// just before toks[k] ("The GACC, SAMR and the MPS are …"), in order.
func (d *docState) typedListEndingAt(s *sentInfo, k int, types map[EntityType]bool) []*mention {
	var out []*mention
	for k > 0 {
		m := s.mentionEndingAt(k)
		if m == nil || !types[d.typeOf(m)] {
			break
		}
		out = append([]*mention{m}, out...)
		k = m.lo
		for k > 0 && (s.toks[k-1].Text == "the" || s.toks[k-1].Text == "The") {
			k--
		}
		if k > 0 && (s.toks[k-1].Text == "and" || s.toks[k-1].Text == ",") {
			k--
			if k > 0 && s.toks[k-1].Text == "," {
				k--
			}
			continue
		}
		break
	}
	return out
}

// passiveGap are the words between an object and its passive verb.
var passiveGap = toSet(`was were is are been be being has have had jointly first later also formally officially , program programme campaign initiative project platform " “ ”`)

// applyFrames runs every frame of the table over one sentence: the
// anchored ones at the tokens that start their phrases, the others once.
func (d *docState) applyFrames(rb *relBuilder, s *sentInfo, words []*wordFrames) {
	for v, wf := range words {
		if wf == nil {
			continue
		}
		for _, i := range wf.anchored {
			d.anchoredFrame(rb, s, &frames[i], v)
		}
		if wf.copula {
			for _, i := range copulaFrames {
				d.copulaFrame(rb, s, &frames[i], v)
			}
		}
	}
	for i := range frames {
		f := &frames[i]
		if f.anchored {
			continue
		}
		rule := f.rule
		switch f.form {
		case "role":
			for _, p := range s.mentions {
				if d.typeOf(p) != Person {
					continue
				}
				for _, b := range d.appositionBodies(s, p) {
					if f.object[d.typeOf(b.m)] {
						rb.addNote(d.entOf(p), f.predicate, d.entOf(b.m), s, rule, b.role)
					}
				}
			}
		case "title":
			for _, m := range s.mentions {
				if f.subject[d.typeOf(m)] {
					d.titleFrame(rb, s, m, f)
				}
			}
		case "shared_title":
			d.sharedTitleFrame(rb, s, f)
		case "prefix":
			d.prefixFrame(rb, s, f)
		case "pair":
			d.pairFrame(rb, s, f)
		default:
			d.clauseFrame(rb, s, f)
		}
	}
}

// clauseFrame matches the forms anchored on one of the frame's phrases or
// on a subject mention.
func (d *docState) clauseFrame(rb *relBuilder, s *sentInfo, f *frame) {
	rule := f.rule
	toks := s.toks
	emit := func(subs, objs []*mention) {
		for _, a := range subs {
			for _, o := range objs {
				rb.add(d.entOf(a), f.predicate, d.entOf(o), s, rule)
			}
		}
	}
	switch f.form {
	case "apposition", "possessive", "possessive_with", "succession":
		possessive := f.form == "possessive" || f.form == "possessive_with"
		for _, m := range s.mentions {
			// The word after the mention first: most mentions are followed
			// by neither a comma nor "'s".
			if m.hi >= len(toks) || (possessive && !text.IsPossessive(toks[m.hi])) || (!possessive && toks[m.hi].Text != ",") {
				continue
			}
			if !f.subject[d.typeOf(m)] {
				continue
			}
			switch f.form {
			case "apposition":
				if toks[m.hi].Text != "," {
					continue
				}
				e := f.phraseAt(toks, m.hi+1)
				if len(f.phrases) == 0 {
					e = m.hi + 1
				}
				if e < 0 {
					continue
				}
				o := d.typedAt(s, e, f.object)
				if o == nil || o == m {
					continue
				}
				if e == m.hi+1 && !appositionEnds(toks, o.hi) {
					continue // "A, B and C": a list, not an apposition
				}
				if d.typeOf(m) == Region && d.typeOf(o) == Region && d.regionRank(m) >= d.regionRank(o) {
					continue
				}
				emit([]*mention{m}, []*mention{o})
			case "possessive":
				if !text.IsPossessive(toks[m.hi]) {
					continue
				}
				if o := d.typedWithin(s, m.hi+1, f.window, f.object); o != nil {
					emit([]*mention{m}, []*mention{o})
				}
			case "possessive_with":
				if !text.IsPossessive(toks[m.hi]) {
					continue
				}
				for k := m.hi + 1; k < len(toks) && k <= m.hi+4; k++ {
					if f.phraseAt(toks, k) < 0 {
						continue
					}
					for w := k + 1; w < len(toks) && w <= k+f.window; w++ {
						if toks[w].Text == "with" {
							if o := d.typedAt(s, w+1, f.object); o != nil {
								emit([]*mention{m}, []*mention{o})
							}
							break
						}
					}
					break
				}
			case "succession":
				if toks[m.hi].Text != "," {
					continue
				}
				e := f.phraseAt(toks, m.hi+1)
				if e < 0 {
					continue
				}
				old := d.typedAt(s, e, f.object)
				if old == nil {
					continue
				}
				emit([]*mention{old}, []*mention{m})
				// "… who succeeded Zhang Mao at the head of SAMR".
				for k := old.hi; k < len(toks) && k <= old.hi+f.window+3; k++ {
					if toks[k].Text == "of" {
						if b := d.typedAt(s, k+1, map[EntityType]bool{Agency: true, Organization: true}); b != nil {
							rb.addNote(d.entOf(m), "memberOf", d.entOf(b), s, rule, "head")
							rb.addNote(d.entOf(old), "memberOf", d.entOf(b), s, rule, "head")
						}
						break
					}
				}
			}
		}
	}
}

// copulaFrames are the frames of form copula, matched at every "is",
// "are", "remains".
var copulaFrames = func() (out []int) {
	for i, f := range frames {
		if f.form == "copula" {
			out = append(out, i)
		}
	}
	return out
}()

// previousSubject returns the body the sentence before s opens with (its
// first mention, when that is an agency or organization within the first
// few words), or nil.
func (d *docState) previousSubject(s *sentInfo) *mention {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Offset >= s.Offset })
	if i <= 0 || i > len(d.sents) {
		return nil
	}
	prev := d.sents[i-1]
	for _, m := range prev.mentions {
		if m.lo > 4 {
			return nil
		}
		if isBody(d.typeOf(m)) {
			return m
		}
		return nil
	}
	return nil
}

// copulaFrame matches "A, B and C are all member units of D" at the verb
// toks[v].
func (d *docState) copulaFrame(rb *relBuilder, s *sentInfo, f *frame, v int) {
	toks := s.toks
	subs := d.typedListEndingAt(s, v, f.subject)
	if len(subs) == 0 && v > 0 && (toks[v-1].Text == "It" || (toks[v-1].Text == "it" && v > 1 && toks[v-2].Text == ",")) {
		// "It is part of the Publicity Department": the body the previous
		// sentence is about.
		if a := d.previousSubject(s); a != nil && f.subject[d.typeOf(a)] {
			subs = []*mention{a}
		}
	}
	if len(subs) == 0 {
		return
	}
	k := v + 1
	for k < len(toks) && (toks[k].Text == "all" || toks[k].Text == "also" || toks[k].Text == "both" || toks[k].Text == "now" || toks[k].Text == "still") {
		k++
	}
	if e := f.phraseAt(toks, k); e >= 0 {
		if o := d.typedAt(s, e, f.object); o != nil {
			for _, a := range subs {
				rb.add(d.entOf(a), f.predicate, d.entOf(o), s, f.rule)
			}
		}
	}
}

// anchoredFrame matches a verb-anchored frame at toks[v], where one of its
// phrases may start.
func (d *docState) anchoredFrame(rb *relBuilder, s *sentInfo, f *frame, v int) {
	toks := s.toks
	rule := f.rule
	e := f.phraseAt(toks, v)
	if e <= v {
		return
	}
	emit := func(subs []*mention, o *mention) {
		for _, a := range subs {
			rb.add(d.entOf(a), f.predicate, d.entOf(o), s, rule)
		}
	}
	switch f.form {
	case "active":
		d.activeFrame(rb, s, f, v, e)
	case "passive":
		if v == 0 || (!beVerbs[toks[v-1].Folded()] && toks[v-1].Kind != text.Punct && !passiveGap[toks[v-1].Text] && s.mentionEndingAt(v) == nil) {
			return
		}
		k := e
		for k < len(toks) && frameFillers[toks[k].Text] {
			k++
		}
		if k >= len(toks) || toks[k].Text != "by" {
			return
		}
		if o := d.objectBefore(s, v, f.object); o != nil {
			emit(d.typedList(s, k+1, f.subject), o)
		}
	case "passive_at":
		if v == 0 || !beVerbs[toks[v-1].Folded()] || e >= len(toks) || toks[e].Text != "at" {
			return
		}
		if a := d.typedWithin(s, e+1, f.window, f.subject); a != nil {
			if o := d.objectBefore(s, v, f.object); o != nil {
				emit([]*mention{a}, o)
			}
		}
	case "noun_passive":
		o := d.typedAt(s, e, f.object)
		if o == nil {
			return
		}
		k := o.hi
		if k < len(toks) && toks[k].Text == "," {
			k++
		}
		if k+1 < len(toks) && issuePassives[toks[k].Text] && toks[k+1].Text == "by" {
			emit(d.typedList(s, k+2, f.subject), o)
		}
	}
}

// issuePassives are the verbs that make a body the author of an amendment
// ("The amendment to the Trademark Law, adopted by …").
var issuePassives = toSet(`adopted passed approved enacted promulgated made issued`)

// appositionEnds reports whether an apposition's last mention ends its
// phrase at toks[k]: punctuation, the end, or a verb, not "and".
func appositionEnds(toks []text.Token, k int) bool {
	return k >= len(toks) || (toks[k].Kind == text.Punct && toks[k].Text != "," && toks[k].Text != "-") ||
		(toks[k].Text == "," && !(k+1 < len(toks) && text.IsCap(toks[k+1])))
}

// activeFrame matches "SUBJ… WORDS OBJ…" with the phrase at toks[v:e]:
// the subjects of the clause (coordination, "we", the clause's subject),
// the object within the window (stopping at a body), or every object of a
// coordination with the list option.
func (d *docState) activeFrame(rb *relBuilder, s *sentInfo, f *frame, v, e int) {
	toks := s.toks
	var objs []*mention
	switch {
	case f.objectAfter != "":
		for n := e; n < len(toks) && n-e < f.window && !clauseStops[toks[n].Text]; n++ {
			if toks[n].Folded() == f.objectAfter {
				if o := d.typedAt(s, n+1, f.object); o != nil {
					objs = []*mention{o}
				}
				break
			}
		}
	case f.adjacent:
		if o := d.typedAt(s, e, f.object); o != nil {
			objs = []*mention{o}
		}
	case f.list:
		objs = d.objectList(s, e-1, f.window, f.objectTypes...)
	default:
		if o := d.objectAfter(s, e-1, f.window, f.objectTypes...); o != nil {
			objs = []*mention{o}
		}
	}
	if len(objs) == 0 {
		return
	}
	subs := d.subjectBefore(s, v)
	// "The Civil Code amended the Copyright Law": a subject that is not a
	// body stands just before the verb.
	k := v
	for k > 0 && verbModifiers[toks[k-1].Folded()] {
		k--
	}
	if m := s.mentionEndingAt(k); m != nil && !isBody(d.typeOf(m)) && f.subject[d.typeOf(m)] {
		subs = []int{d.entOf(m)}
	}
	for _, o := range objs {
		if len(f.notAfter) > 0 && wordsBefore(toks, o.lo, f.notAfter) {
			continue // "organized the implementation of the Plan": not a program it runs
		}
		pred, rule := f.predicate, f.rule
		if f.forInstrument != "" && servesInstrument(toks, v, o.lo) {
			pred, rule = f.forInstrument, f.rule+" (for an instrument)"
		}
		for _, sub := range subs {
			if !f.anyType && !f.subject[d.ents[sub].typ] {
				continue
			}
			if f.reverse {
				rb.add(d.entOf(o), pred, sub, s, rule)
			} else {
				rb.add(sub, pred, d.entOf(o), s, rule)
			}
		}
	}
}

// wordsBefore reports whether the words ws stand just before toks[lo],
// across articles and quotation marks.
func wordsBefore(toks []text.Token, lo int, ws []string) bool {
	k := lo - 1
	for k >= 0 && (isArticle(toks[k].Text) || toks[k].Text == "*" || isQuoteMark(toks[k].Text)) {
		k--
	}
	for i := len(ws) - 1; i >= 0; i-- {
		if k < 0 || toks[k].Folded() != ws[i] {
			return false
		}
		k--
	}
	return true
}

// objectBefore returns the mention of types that a passive verb at toks[v]
// is about: the one ending just before it, across "was", "jointly", a
// comma, closing quotes and a descriptor ("the “Tianping Blockchain”
// program initiated by …").
func (d *docState) objectBefore(s *sentInfo, v int, types map[EntityType]bool) *mention {
	k := v
	for n := 0; n < 5 && k > 0; n++ {
		if m := s.mentionEndingAt(k); m != nil {
			if types[d.typeOf(m)] {
				return m
			}
			return nil
		}
		if !passiveGap[strings.ToLower(s.toks[k-1].Text)] && !passiveGap[s.toks[k-1].Text] {
			return nil
		}
		k--
	}
	return nil
}

// titleFrame gives "Decision on Amending the Copyright Law" amends the
// Copyright Law: the instrument's name is one of the frame's phrases and
// the name of a law the document knows.
func (d *docState) titleFrame(rb *relBuilder, s *sentInfo, m *mention, f *frame) {
	rule := f.rule
	toks := s.toks
	lo := m.lo
	e := f.phraseAt(toks, lo)
	if e < 0 || e >= m.hi {
		return
	}
	if toks[e].Text == "the" {
		e++
	}
	inner := s.spanText(e, m.hi)
	if g, ok := d.x.gaz.lookupName(baseName(inner)); ok {
		if t, ok := d.byGaz[g]; ok && f.object[d.ents[d.find(t)].typ] {
			rb.add(d.entOf(m), f.predicate, d.find(t), s, rule)
		}
		return
	}
	key := mergeKey(inner)
	for i, e := range d.ents {
		if d.find(i) == i && f.object[e.typ] && i != d.entOf(m) && mergeKey(e.name) == key {
			rb.add(d.entOf(m), f.predicate, i, s, rule)
			return
		}
	}
}

// placeEntity returns the document's entity for the gazetteer place named
// name, when its type is one of types, or -1.
func (d *docState) placeEntity(name string, types map[EntityType]bool) int {
	g, ok := d.x.gaz.lookupName(name)
	if !ok {
		return -1
	}
	e, ok := d.byGaz[g]
	if !ok || !types[d.ents[d.find(e)].typ] {
		return -1
	}
	return d.find(e)
}

// prefixFrame gives "Beijing-based Red Bull Vitamin Beverage" locatedIn
// Beijing.
func (d *docState) prefixFrame(rb *relBuilder, s *sentInfo, f *frame) {
	rule := f.rule
	for k, t := range s.toks {
		if strings.IndexByte(t.Text, '-') <= 0 {
			continue
		}
		for _, p := range f.phrases {
			if len(p) != 1 || !strings.HasSuffix(t.Text, p[0]) || len(t.Text) == len(p[0]) {
				continue
			}
			place := d.placeEntity(strings.TrimSuffix(t.Text, p[0]), f.object)
			if place < 0 {
				continue
			}
			if m := s.mentionAt(k + 1); m != nil && f.subject[d.typeOf(m)] {
				rb.add(d.entOf(m), f.predicate, place, s, rule)
			}
		}
	}
}

// pairFrame gives "the China-EU agreement" China cooperatesWith the EU: the
// parts of one hyphenated compound, followed by one of the frame's words —
// also inside a name ("China-EU Agreement on Geographical Indications"),
// where the parts are places the document names elsewhere.
func (d *docState) pairFrame(rb *relBuilder, s *sentInfo, f *frame) {
	rule := f.rule
	for _, m := range s.mentions {
		t := s.toks[m.lo].Text
		if m.hi-m.lo < 2 || strings.IndexByte(t, '-') <= 0 || m.form != "" {
			continue
		}
		a, b, _ := strings.Cut(t, "-")
		ea, eb := d.placeEntity(a, f.subject), d.placeEntity(b, f.object)
		if ea < 0 || eb < 0 || ea == eb {
			continue
		}
		for k := m.lo + 1; k < m.hi && k <= m.lo+f.window+1; k++ {
			if f.phraseAt(s.toks, k) > k {
				rb.add(ea, f.predicate, eb, s, rule+" (inside a name)")
				break
			}
		}
	}
	for i := 0; i < len(s.mentions); i++ {
		a := s.mentions[i]
		if a.form == "" || !f.subject[d.typeOf(a)] {
			continue
		}
		for _, b := range s.mentions[i+1:] {
			if b.lo != a.lo || b.form == "" || !f.object[d.typeOf(b)] {
				continue
			}
			hi := a.hi
			if b.hi > hi {
				hi = b.hi
			}
			for k := hi; k < len(s.toks) && k <= hi+f.window; k++ {
				if f.phraseAt(s.toks, k) > k {
					rb.add(d.entOf(a), f.predicate, d.entOf(b), s, rule)
					break
				}
			}
		}
	}
}

// sharedTitleFrame gives "CNIPA Commissioner Shen Changyu passed a question
// to Deputy Commissioner Zhao Gang" Zhao Gang memberOf the CNIPA: a title
// without a body shares the body of the same title earlier in the sentence.
func (d *docState) sharedTitleFrame(rb *relBuilder, s *sentInfo, f *frame) {
	rule := f.rule
	toks := s.toks
	bodyOf := map[string]*mention{} // last title word → the body named before it
	for _, p := range s.mentions {
		if !f.subject[d.typeOf(p)] {
			continue
		}
		k := p.lo
		for k > 0 && (titleWord(toks[k-1]) || toks[k-1].Text == "Deputy" || toks[k-1].Text == "Vice" || toks[k-1].Text == "Chief") {
			k--
		}
		if k == p.lo || !titleWord(toks[p.lo-1]) {
			continue
		}
		title := toks[p.lo-1].Text
		if b := s.mentionEndingAt(k); b != nil && f.object[d.typeOf(b)] {
			bodyOf[title] = b
			continue
		}
		if b := bodyOf[title]; b != nil {
			rb.addNote(d.entOf(p), f.predicate, d.entOf(b), s, rule, strings.ToLower(s.spanText(k, p.lo)))
		}
	}
}
