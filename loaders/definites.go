package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/names"
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// definiteHeads are the head words that "the <Head>" may use to refer back
// to an entity of the document named with that head ("the Outline", "the
// Plan", "the tribunal"); lower-case forms are accepted only for units.
var definiteHeads = toSet(`Outline Plan Administration Office Commission Tribunal Branch Court Bureau Department Decision
Strategy Campaign Action Programme Program Framework Regulations Measures Provisions Opinions Interpretation Code
tribunal branch court bureau department`)

// headWordsOf returns the words of an entity's name that "the <Head>" may
// use: the head of its first run of capitalized words ("Plan" of "14th
// Five-Year Plan for …", "Office" of "Office of …") and its last word.
func headWordsOf(name string) []string {
	ws := strings.Fields(name)
	for len(ws) > 0 && strings.HasPrefix(ws[len(ws)-1], "(") {
		ws = ws[:len(ws)-1] // "(2021-2035)"
	}
	if len(ws) == 0 {
		return nil
	}
	out := []string{ws[len(ws)-1]}
	for _, w := range ws {
		if connectors[w] {
			break
		}
		if definiteHeads[w] {
			out = append(out, w)
		}
	}
	return out
}

// resolveDefinites (stage "definites", after assembly) links "the <Head>"
// to the entity it refers back to: of the document's entities whose name
// has that head word, the one mentioned last before the sentence, or the
// only one. "the Office" is left to the document's own body when that is
// an office.
func (d *docState) resolveDefinites() {
	byHead := map[string][]int{}
	byShort := map[string][]int{} // merge keys of the short forms ("ip court" of "Intellectual Property Court")
	for i, e := range d.ents {
		if d.find(i) != i || e.typ == Person || e.typ == Region {
			continue
		}
		for _, xa := range e.xAliases {
			if k := d.mergeKey(xa); !containsInt(byShort[k], i) {
				byShort[k] = append(byShort[k], i)
			}
		}
		for _, h := range headWordsOf(e.name) {
			if k := strings.ToLower(h); definiteHeads[h] && !containsInt(byHead[k], i) {
				byHead[k] = append(byHead[k], i)
			}
		}
	}
	if len(byHead) == 0 {
		return
	}
	// last[e] is where a candidate entity was last mentioned (sentence,
	// token, length), -1 before its first mention.
	last := make([]int, len(d.ents))
	for i := range last {
		last[i] = -1
	}
	for si, s := range d.sents {
		added := false
		for i := 0; i+1 < len(s.toks); i++ {
			if s.toks[i].Text != "the" && s.toks[i].Text != "The" {
				continue
			}
			w := s.toks[i+1].Text
			span := 1
			var cands []int
			// "the IP Court": a modifier and a head, the short form of a
			// name the document used ("Intellectual Property Court of …").
			if i+2 < len(s.toks) && definiteHeads[s.toks[i+2].Text] && text.IsCap(s.toks[i+1]) && !s.covered(i+1) && !s.covered(i+2) &&
				!(i+3 < len(s.toks) && (text.IsCap(s.toks[i+3]) || s.toks[i+3].Text == "of")) {
				if cs := byShort[d.mergeKey(s.spanText(i+1, i+3))]; len(cs) > 0 {
					w, span, cands = s.toks[i+2].Text, 2, cs
				}
			}
			if span == 1 {
				if !definiteHeads[w] || s.covered(i+1) || (i+2 < len(s.toks) && (text.IsCap(s.toks[i+2]) || s.toks[i+2].Text == "of")) {
					continue
				}
				cands = byHead[strings.ToLower(w)]
			}
			best, bestAt := -1, -1
			for _, c := range cands {
				if at := last[d.find(c)]; at >= 0 && at > bestAt {
					best, bestAt = d.find(c), at
				}
			}
			if best < 0 && len(cands) == 1 {
				best = d.find(cands[0])
			}
			if best < 0 || (w == "Office" && d.main >= 0 && strings.Contains(d.ents[d.main].name, "Office")) {
				continue
			}
			rule := "definite description: the " + w
			if span == 2 {
				rule = "definite description: a short form"
			}
			c := &candidate{gaz: -1, typ: d.ents[best].typ, name: s.spanText(i, i+1+span), rule: rule, ent: best}
			s.addMention(&mention{sent: si, lo: i + 1, hi: i + 1 + span, c: c})
			d.ents[best].sents[si] = true
			added = true
		}
		if added {
			s.sortMentions()
		}
		for _, m := range s.mentions {
			last[d.find(m.c.ent)] = si*1_000_000 + m.lo*100 + min(m.hi-m.lo, 99)
		}
	}
}

// propagateSurnames (stage "definites") links a bare surname ("Shen, as
// commissioner of …") to the one person of the document whose Chinese
// name starts with it. Surnames spelled like English words ("He", "Long")
// and surnames shared by two persons are left alone.
func (d *docState) propagateSurnames() {
	bySurname := map[string][]int{}
	for i, e := range d.ents {
		if d.find(i) != i || e.typ != Person {
			continue
		}
		ws := strings.Fields(e.name)
		if len(ws) == 2 && names.IsChineseName(ws[0], ws[1]) && !englishSurnames[ws[0]] {
			bySurname[ws[0]] = append(bySurname[ws[0]], i)
		}
	}
	if len(bySurname) == 0 {
		return
	}
	var first [256]bool
	for sn := range bySurname {
		first[sn[0]] = true
	}
	for si, s := range d.sents {
		added := false
		for i, t := range s.toks {
			if t.Text == "" || !first[t.Text[0]] || len(t.Text) > 9 {
				continue
			}
			ps := bySurname[t.Text]
			if len(ps) != 1 || s.covered(i) {
				continue
			}
			if (i > 0 && text.IsCap(s.toks[i-1]) && !nonStarters[s.toks[i-1].Text]) || (i+1 < len(s.toks) && text.IsCap(s.toks[i+1])) {
				continue
			}
			e := d.find(ps[0])
			c := &candidate{gaz: -1, typ: Person, name: t.Text, rule: "surname of a known person", ent: e}
			s.addMention(&mention{sent: si, lo: i, hi: i + 1, c: c})
			d.ents[e].sents[si] = true
			added = true
		}
		if added {
			s.sortMentions()
		}
	}
}
