package loaders

import (
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// runWords are the one-word phrases of frame runs.active ("launched").
var runWords = frameWords("runs.active")

// yearEnd returns the end of a year or a range of years at toks[k]
// ("2022", "2018-2020"), or k.
func yearEnd(toks []text.Token, k int) int {
	if k >= len(toks) || !isYear(toks[k]) {
		return k
	}
	if k+2 < len(toks) && (toks[k+1].Text == "-" || toks[k+1].Text == "–") && isYear(toks[k+2]) {
		return k + 3
	}
	return k + 1
}

// recognizeEditions (stage "editions") names the yearly editions of
// campaigns and plans: a program followed by its year is that year's
// program ("Longteng Action 2022", "Strategic Framework for Customs
// Cooperation 2018-2020"), and a single capitalized word with a year that
// a body launches or runs is a program ("The MPS launched Kunlun 2021").
func (x *Extractor) recognizeEditions(si int, s *sentInfo) {
	toks := s.toks
	for _, m := range s.mentions {
		if (m.c.typ != Program && m.c.typ != Law) || m.hi >= len(toks) {
			continue
		}
		end := yearEnd(toks, m.hi)
		if end == m.hi || (end < len(toks) && (toks[end].Kind == text.Num || toks[end].Text == "-")) {
			continue
		}
		year := s.spanText(m.hi, end)
		m.c.alias = m.c.name
		m.c.name = s.spanText(m.lo, end)
		if m.c.gaz >= 0 {
			// One edition however it is called: "Jianwang 2020" and "Sword
			// Net 2020" are the gazetteer's name with the year.
			m.c.alias = m.c.name
			m.c.name = x.gaz.entries[m.c.gaz].Name + " " + year
		}
		m.hi = end
		m.c.gaz = -1
		m.c.rule += ", with its year"
	}
	for k := 1; k+1 < len(toks); k++ {
		t := toks[k]
		if !isYear(toks[k+1]) || t.Kind != text.Word || !text.IsCap(t) || nonStarters[t.Text] || s.covered(k) {
			continue
		}
		if !runWords[toks[k-1].Folded()] && !(k >= 2 && runWords[toks[k-2].Folded()] && toks[k-1].Text == "the") {
			continue
		}
		end := yearEnd(toks, k+1)
		s.addMention(&mention{sent: si, lo: k, hi: end, c: &candidate{gaz: -1, typ: Program, name: s.spanText(k, end), rule: "structure: name and year after a verb of running"}})
	}
}
