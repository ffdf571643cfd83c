package loaders

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// Extractor holds the gazetteers used to recognize entities. It is safe for
// concurrent use by several goroutines once built.
type Extractor struct {
	gaz     *gazIndex
	times   *timex.Rules
	country int // gazetteer entry of the country the corpus is about ("nationwide"), or -1
}

// NewExtractor loads the built-in gazetteers (the TSV files embedded from
// loaders/gazetteer/) plus optional user gazetteer files in the same format,
// given by path; this is what `ipgraph load --gazetteer FILE` passes. A user
// entry with the id of a built-in entry replaces it (keeping its aliases).
func NewExtractor(gazetteerFiles ...string) (*Extractor, error) {
	entries, err := loadBuiltinGazetteers()
	if err != nil {
		return nil, err
	}
	for _, path := range gazetteerFiles {
		more, err := loadGazetteerFile(path)
		if err != nil {
			return nil, err
		}
		entries = append(entries, more...)
	}
	g := newGazIndex(entries)
	country := -1
	if e, ok := g.lookupName(homeCountry); ok && g.entries[e].Kind == "country" {
		country = e
	}
	times, err := timex.Default()
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: g, times: times, country: country}, nil
}

// homeCountry names the gazetteer's country that "nationwide", "national",
// "domestic" and "the country" refer to.
const homeCountry = "China"

// entBuild is an entity being assembled from candidates.
type entBuild struct {
	gaz      int
	typ      EntityType
	name     string
	forms    []string
	sents    map[int]bool
	first    int // first sentence
	xAliases []string
	rule     string
	unitOf   *mention // the body of a unit found by its structure
	unitName string   // the unit's own words ("General Office")
	// headForms are the xAliases that are the head of an "X of Y" name
	// ("Intellectual Property Court"): short forms, not names to merge by.
	headForms map[string]bool
}

// docState is everything known about one document during extraction.
type docState struct {
	x      *Extractor
	keys   map[string]string // mergeKey of names, memoized
	ids    []string          // entityID of each root, once entities are final (freezeIDs); "" not computed yet
	doc    *Document
	sents  []*sentInfo
	ents   []*entBuild
	parent []int
	byGaz  map[int]int
	byKey  map[string]int
	main   int // index of the document's issuing agency, or -1

	docRunes []rune // doc.Text as runes, made once: offsets count runes
}

// docBuffers are the large per-document slices, kept in a pool between
// documents.
type docBuffers struct {
	runes []rune
	toks  []text.Token
}

var docBuffersPool = sync.Pool{New: func() any { return new(docBuffers) }}

// release empties the buffers (so that they hold no strings of the
// document) and returns them to the pool.
func (b *docBuffers) release() {
	clear(b.toks[:cap(b.toks)])
	b.runes, b.toks = b.runes[:0], b.toks[:0]
	docBuffersPool.Put(b)
}

func (d *docState) find(i int) int {
	for d.parent[i] != i {
		d.parent[i] = d.parent[d.parent[i]]
		i = d.parent[i]
	}
	return i
}

func (d *docState) union(a, b int) {
	a, b = d.find(a), d.find(b)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	d.parent[b] = a
	ea, eb := d.ents[a], d.ents[b]
	if ea.gaz < 0 && eb.gaz >= 0 {
		ea.gaz, ea.name, ea.typ = eb.gaz, eb.name, eb.typ
	} else if ea.gaz < 0 && len(ea.xAliases) == 0 && len(eb.xAliases) > 0 {
		ea.name = eb.name // the full "X of Y" form names the entity
	}
	ea.forms = append(ea.forms, eb.forms...)
	ea.xAliases = append(ea.xAliases, eb.xAliases...)
	for f := range eb.headForms {
		if ea.headForms == nil {
			ea.headForms = map[string]bool{}
		}
		ea.headForms[f] = true
	}
	for s := range eb.sents {
		ea.sents[s] = true
	}
	if eb.first < ea.first {
		ea.first = eb.first
	}
}

// mergeKey is mergeKey(s), computed once per name and document: entity
// resolution asks for the same names many times.
func (d *docState) mergeKey(s string) string {
	if k, ok := d.keys[s]; ok {
		return k
	}
	if d.keys == nil {
		d.keys = map[string]string{}
	}
	k := mergeKey(s)
	d.keys[s] = k
	return k
}

func (d *docState) newEnt(c *candidate, sent int) int {
	e := &entBuild{gaz: c.gaz, typ: c.typ, name: c.name, sents: map[int]bool{}, first: sent, rule: c.rule}
	if c.gaz >= 0 {
		e.name = d.x.gaz.entries[c.gaz].Name
	}
	if c.unit && c.suffix != nil {
		e.unitOf, e.unitName = c.suffix, c.xAlias
	}
	d.ents = append(d.ents, e)
	d.parent = append(d.parent, len(d.ents)-1)
	return len(d.ents) - 1
}

// Extract runs the loaders on one document: segmentation, entity
// recognition and resolution, statistics and relations. It never panics on
// any input (an internal failure is returned as an error) and stops early
// with ctx.Err() when ctx is cancelled.
func (x *Extractor) Extract(ctx context.Context, doc *Document) (ext *Extraction, err error) {
	if doc == nil {
		return nil, fmt.Errorf("extract: nil document")
	}
	defer func() {
		if r := recover(); r != nil {
			ext, err = nil, fmt.Errorf("extract %s: internal error: %v", doc.Name, r)
		}
	}()
	// The document's runes and tokens live in buffers reused across
	// documents: nothing of them is in the Extraction returned.
	buf := docBuffersPool.Get().(*docBuffers)
	defer buf.release()
	for _, r := range doc.Text {
		buf.runes = append(buf.runes, r)
	}
	d := &docState{x: x, doc: doc, byGaz: map[int]int{}, byKey: map[string]int{}, main: -1, docRunes: buf.runes}
	slab := buf.toks
	if cap(slab) < len(d.docRunes)/5+16 {
		slab = make([]text.Token, 0, len(d.docRunes)/5+16)
	}
	for _, s := range text.JoinBroken(d.docRunes, text.SegmentRunes(doc.Text, d.docRunes)) {
		// A sentence's runes are a read-only window on the document's.
		n := utf8.RuneCountInString(s.Text)
		rs := d.docRunes[s.Offset : s.Offset+n : s.Offset+n]
		// The tokens of all sentences share slabs; each sentence's window
		// is capped so that an append cannot run into the next one's.
		start := len(slab)
		slab = text.TokenizeRunes(slab, s.Text, rs)
		d.sents = append(d.sents, &sentInfo{Sentence: s, runes: rs, toks: slab[start:len(slab):len(slab)]})
	}
	buf.toks = slab
	for i, s := range d.sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		x.recognizeGazetteer(i, s)
		x.recognizePatterns(i, s)
		x.recognizeQuoted(i, s)
		x.recognizeWebsites(i, s)
		x.recognizeLowerPrograms(i, s)
		x.recognizeAcronyms(i, s)
		x.recognizeCompanies(i, s)
		x.recognizePersons(i, s)
		x.recognizeEditions(i, s)
		x.recognizeCourts(i, s)
		x.recognizeUnits(i, s)
		s.sortMentions()
	}
	d.recognizeNamesByForm()
	d.assemble()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.secondPass()
	d.findMainAgency()
	d.resolveDefinites()
	d.propagateSurnames()
	d.freezeIDs()
	ext = &Extraction{Doc: doc.Name, Title: doc.Title, Date: doc.Date, Source: doc}
	ext.Entities = d.entities()
	ext.Relations = d.relations()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ext.Statistics, err = d.statistics(ctx, memberBodies(ext.Relations)); err != nil {
		return nil, err
	}
	if ext.Entities == nil {
		ext.Entities = []Entity{}
	}
	if ext.Statistics == nil {
		ext.Statistics = []Statistic{}
	}
	if ext.Relations == nil {
		ext.Relations = []Relation{}
	}
	return ext, nil
}

type pendingMention struct {
	m    *mention
	sent int
}

// assemble merges candidates into entities: gazetteer matches by id,
// pattern names by normalized keys, acronyms by their letters, and short
// forms ("Patent Bureau") into the one longer name they abbreviate.
func (d *docState) assemble() {
	// A suffix whose mention a recognizer dropped afterwards (the region of
	// "Trade Office of Japan", part of the name) gets no entity: forget it,
	// or its c.ent, never set, would name entity 0 — merging "Trade Office
	// of Korea" into "Trade Office of Japan", making either partOf an
	// unrelated agency, or failing when there is no entity 0.
	for _, s := range d.sents {
		for _, m := range s.mentions {
			if m.c.suffix != nil && !slices.Contains(s.mentions, m.c.suffix) {
				m.c.suffix = nil
			}
		}
	}
	var pats []pendingMention
	for si, s := range d.sents {
		for _, m := range s.mentions {
			if m.c.gaz >= 0 {
				e, ok := d.byGaz[m.c.gaz]
				if !ok {
					e = d.newEnt(m.c, si)
					d.byGaz[m.c.gaz] = e
				}
				m.c.ent = e
				continue
			}
			pats = append(pats, pendingMention{m, si})
		}
	}
	sort.SliceStable(pats, func(a, b int) bool {
		return pats[a].m.hi-pats[a].m.lo < pats[b].m.hi-pats[b].m.lo
	})
	seen := map[*candidate]bool{}
	for _, p := range pats {
		c := p.m.c
		if seen[c] {
			continue
		}
		seen[c] = true
		if c.gaz >= 0 { // resolved to a gazetteer entry by an acronym
			e, ok := d.byGaz[c.gaz]
			if !ok {
				e = d.newEnt(c, p.sent)
				d.byGaz[c.gaz] = e
			}
			c.ent = e
			continue
		}
		keys := d.candKeys(c)
		e := -1
		for _, k := range keys {
			if v, ok := d.byKey[k]; ok {
				e = d.find(v)
				break
			}
		}
		if e < 0 {
			e = d.newEnt(c, p.sent)
		}
		for _, k := range keys {
			if _, ok := d.byKey[k]; !ok {
				d.byKey[k] = e
			}
		}
		c.ent = e
		if c.xAlias != "" {
			d.ents[e].xAliases = append(d.ents[e].xAliases, c.xAlias)
			if c.suffix != nil || c.unit || strings.HasPrefix(c.name, c.xAlias+" ") {
				if d.ents[e].headForms == nil {
					d.ents[e].headForms = map[string]bool{}
				}
				d.ents[e].headForms[c.xAlias] = true
			}
		}
		if c.alias != "" {
			d.ents[e].xAliases = append(d.ents[e].xAliases, c.alias)
		}
	}
	// Short forms: an entity named exactly like the head part of one chain
	// ("Patent Bureau" and "Patent Bureau of the CNIPA") is that chain.
	xmap := map[string][]int{}
	for i, e := range d.ents {
		if d.find(i) != i {
			continue
		}
		for _, xa := range e.xAliases {
			k := string(e.typ) + "|" + d.mergeKey(xa)
			if !containsInt(xmap[k], i) {
				xmap[k] = append(xmap[k], i)
			}
		}
	}
	for i, e := range d.ents {
		if e.gaz >= 0 || d.find(i) != i || len(e.xAliases) > 0 {
			continue
		}
		if t := xmap[string(e.typ)+"|"+d.mergeKey(e.name)]; len(t) == 1 && t[0] != i {
			d.union(t[0], i)
		}
	}
	d.mergeSameNames()
	d.recordMentions()
}

// mergeSameNames makes one entity of two of the same type when a name or
// surface form of one normalizes (mergeKey) to a name or alias of the
// other: the quoted-name pattern's "“Blue Sky” campaign" is the gazetteer's
// Blue Sky campaign. Gazetteer entities claim their names first; two
// gazetteer entries are never merged with each other.
func (d *docState) mergeSameNames() {
	memo := map[int][]string{} // keys of a root, until it absorbs another
	keysOf := func(r int) []string {
		if k, ok := memo[r]; ok {
			return k
		}
		e := d.ents[r]
		// Not the heads of "X of Y" names: "Intellectual Property Court" of
		// Hainan and of the SPC are two courts.
		names := append([]string{e.name}, e.forms...)
		for _, xa := range e.xAliases {
			if !e.headForms[xa] {
				names = append(names, xa)
			}
		}
		keys := make([]string, 0, len(names))
		seen := make(map[string]bool, len(names))
		for _, n := range names {
			if seen[n] {
				continue // the same surface form, mentioned again
			}
			seen[n] = true
			if k := d.mergeKey(cleanName(n)); k != "" {
				keys = append(keys, string(e.typ)+"|"+k)
			}
		}
		if e.gaz >= 0 {
			for _, k := range d.x.gaz.mergeKeys[e.gaz] {
				keys = append(keys, string(e.typ)+"|"+k)
			}
		}
		memo[r] = keys
		return keys
	}
	var roots []int
	for i := range d.ents {
		if d.find(i) == i {
			roots = append(roots, i)
		}
	}
	sort.SliceStable(roots, func(a, b int) bool { return d.ents[roots[a]].gaz >= 0 && d.ents[roots[b]].gaz < 0 })
	owner := map[string]int{}
	for _, r := range roots {
		r = d.find(r)
		for _, k := range keysOf(r) {
			o, ok := owner[k]
			if !ok {
				continue
			}
			if o = d.find(o); o != r && (d.ents[o].gaz < 0 || d.ents[r].gaz < 0) {
				d.union(o, r)
				delete(memo, o)
				delete(memo, r)
				r = d.find(r)
				break
			}
		}
		for _, k := range keysOf(r) {
			if _, ok := owner[k]; !ok {
				owner[k] = r
			}
		}
	}
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func (d *docState) candKeys(c *candidate) []string {
	t := string(c.typ) + "|"
	keys := []string{t + d.mergeKey(c.name)}
	if s := baseName(c.name); s != c.name {
		keys = append(keys, t+d.mergeKey(s))
	}
	if c.acronym != "" {
		keys = append(keys, "acr|"+c.acronym)
	}
	if c.suffix != nil && c.xAlias != "" {
		keys = append(keys, t+d.mergeKey(c.xAlias)+" of #"+fmt.Sprint(d.find(c.suffix.c.ent)))
	}
	return keys
}

// recordMentions stores every mention's sentence and surface form on its
// entity.
func (d *docState) recordMentions() {
	for si, s := range d.sents {
		for _, m := range s.mentions {
			e := d.ents[d.find(m.c.ent)]
			e.sents[si] = true
			if si < e.first {
				e.first = si
			}
			f := m.form
			if f == "" {
				f = s.spanText(m.lo, m.hi)
			}
			e.forms = append(e.forms, f)
		}
	}
}

// secondPass finds later mentions of names learned in this document (a
// person's full name, an acronym defined once, a pattern name) where no
// rule fired, and resolves "Mr. Shen" to the one known person named Shen.
func (d *docState) secondPass() {
	type form struct {
		toks []string
		ent  int
	}
	lex := map[string][]form{}
	maxLen := 0
	for i, e := range d.ents {
		if d.find(i) != i || e.gaz >= 0 {
			continue
		}
		for _, f := range uniqueStrings(e.forms) {
			toks := tokenTexts(text.Tokenize(f))
			if len(toks) == 0 || (len(toks) == 1 && !text.IsAllCaps(toks[0])) {
				continue
			}
			lex[toks[0]] = append(lex[toks[0]], form{toks, i})
			if len(toks) > maxLen {
				maxLen = len(toks)
			}
		}
	}
	persons := map[string][]int{}
	for i, e := range d.ents {
		if d.find(i) == i && e.typ == Person {
			ws := strings.Fields(e.name)
			if len(ws) >= 2 {
				for _, w := range []string{ws[0], ws[len(ws)-1]} {
					if !containsInt(persons[w], i) {
						persons[w] = append(persons[w], i)
					}
				}
			}
		}
	}
	for si, s := range d.sents {
		for i := 0; i < len(s.toks); i++ {
			if s.covered(i) {
				continue
			}
			best, bestLen := -1, 0
			for _, f := range lex[s.toks[i].Text] {
				n := len(f.toks)
				if i+n > len(s.toks) || n <= bestLen {
					continue
				}
				ok := true
				for k := 0; k < n; k++ {
					if s.toks[i+k].Text != f.toks[k] || (k > 0 && s.covered(i+k)) {
						ok = false
						break
					}
				}
				if ok {
					best, bestLen = f.ent, n
				}
			}
			if best >= 0 {
				c := &candidate{gaz: -1, typ: d.ents[best].typ, name: s.spanText(i, i+bestLen), rule: "name known from this document", ent: best}
				s.addMention(&mention{sent: si, lo: i, hi: i + bestLen, c: c})
				d.ents[d.find(best)].sents[si] = true
				i += bestLen - 1
				continue
			}
			// "Mr. Shen" → Shen Changyu.
			if titleWord(s.toks[i]) && i+1 < len(s.toks) {
				k := i + 1
				if s.toks[k].Text == "." && k+1 < len(s.toks) {
					k++
				}
				if ps := persons[s.toks[k].Text]; len(ps) == 1 && !s.covered(k) && (k+1 >= len(s.toks) || !text.IsCap(s.toks[k+1])) {
					e := d.find(ps[0])
					c := &candidate{gaz: -1, typ: Person, name: s.spanText(i, k+1), rule: "honorific and surname of a known person", ent: e}
					s.addMention(&mention{sent: si, lo: k, hi: k + 1, c: c})
					d.ents[e].sents[si] = true
					d.ents[e].forms = append(d.ents[e].forms, c.name)
				}
			}
		}
		s.sortMentions()
	}
}

func uniqueStrings(xs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range xs {
		x = strings.TrimSpace(x)
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// entityID returns the canonical id of an entity root.
func (d *docState) entityID(i int) string {
	if d.ids != nil {
		r := d.find(i)
		if d.ids[r] == "" {
			d.ids[r] = d.computeID(r)
		}
		return d.ids[r]
	}
	return d.computeID(i)
}

// freezeIDs memoizes entityID from now on: no entity is merged any more.
func (d *docState) freezeIDs() { d.ids = make([]string, len(d.ents)) }

func (d *docState) computeID(i int) string {
	e := d.ents[d.find(i)]
	if e.gaz >= 0 {
		return d.x.gaz.entries[e.gaz].ID
	}
	if e.unitOf != nil && e.unitName != "" && d.find(e.unitOf.c.ent) != d.find(i) {
		// A unit is known by its words and its body, however it is written:
		// "general_office_of_spc".
		if body := d.entityID(e.unitOf.c.ent); body != "" {
			return slug(e.unitName) + "_of_" + body
		}
	}
	return slug(cleanName(e.name))
}

// cleanName trims a leading article and surrounding punctuation from a name.
func cleanName(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	t := strings.Trim(s, " ,;:\"“”'")
	if t != s && strings.ContainsAny(t, "\"“”") {
		// "“15 + 3” … program": the quote belongs to the name.
		return strings.Trim(s, " ,;:'")
	}
	return t
}

// entities returns the document's entities in order of first mention.
func (d *docState) entities() []Entity {
	var roots []int
	for i := range d.ents {
		if d.find(i) == i {
			roots = append(roots, i)
		}
	}
	// Order by first mention: sentence, then position in the sentence.
	firstAt := map[int]int{}
	for si, s := range d.sents {
		for _, m := range s.mentions {
			r := d.find(m.c.ent)
			pos := si*1_000_000 + m.lo
			if v, ok := firstAt[r]; !ok || pos < v {
				firstAt[r] = pos
			}
		}
	}
	for _, r := range roots {
		if _, ok := firstAt[r]; !ok {
			firstAt[r] = d.ents[r].first * 1_000_000
		}
	}
	sort.SliceStable(roots, func(a, b int) bool { return firstAt[roots[a]] < firstAt[roots[b]] })
	var out []Entity
	ids := map[string]bool{}
	for _, r := range roots {
		e := d.ents[r]
		id := d.entityID(r)
		if id == "" || ids[id] {
			continue
		}
		ids[id] = true
		name := cleanName(e.name)
		var aliases []string
		if e.gaz >= 0 {
			aliases = append(aliases, d.x.gaz.entries[e.gaz].Aliases...)
		}
		for _, f := range e.forms {
			aliases = append(aliases, cleanName(f))
		}
		aliases = append(aliases, e.xAliases...)
		var keep []string
		for _, a := range uniqueStrings(aliases) {
			if a != name {
				keep = append(keep, a)
			}
		}
		sort.Strings(keep)
		if keep == nil {
			keep = []string{}
		}
		var ms []Sentence
		var sents []int
		for s := range e.sents {
			sents = append(sents, s)
		}
		sort.Ints(sents)
		for _, s := range sents {
			ms = append(ms, d.sents[s].Sentence)
		}
		rule := e.rule
		if e.gaz >= 0 && !strings.Contains(rule, "gazetteer") {
			rule += ", resolved to " + gazRule(d.x.gaz.entries[e.gaz])
		}
		out = append(out, Entity{ID: id, Type: e.typ, Name: name, Aliases: keep, Mentions: ms, Rule: strings.TrimPrefix(rule, ", ")})
	}
	return out
}
