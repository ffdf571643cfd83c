package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// industryWords end the name of a Chinese company after its place and
// brand: "Jiaxing Zhonghua Chemical", "Guangzhou Tinci Materials
// Technology".
var industryWords = toSet(`Technology Technologies Chemical Chemicals Materials Industries Industry Appliances Appliance
Beverage Beverages Pharmaceutical Pharmaceuticals Trading Electronics Electric Network Networks Communications
Telecommunications Mobile Software Media Culture Foods Food Textile Textiles Garments Apparel Logistics Machinery
Equipment Biotech Biotechnology Energy Holdings Motors Automotive Optical Cosmetics Steel Printing Publishing
Information Entertainment Games Internet Health Medical Devices Instruments Semiconductor Products Commerce Investment`)

// placeBodyHeads make a place followed by them a body of that place
// ("Ningbo Customs").
var placeBodyHeads = map[string]EntityType{"Customs": Agency}

// legalSuffixEnd returns the end of a company's legal form starting at
// toks[i] ("Co., Ltd.", "Corp.", "Inc.", "Ltd."), or i when there is none.
func legalSuffixEnd(toks []text.Token, i int) int {
	j := i
	dot := func() {
		if j < len(toks) && toks[j].Text == "." {
			j++
		}
	}
	if j < len(toks) && (toks[j].Text == "Co" || toks[j].Text == "Corp" || toks[j].Text == "Inc") {
		j++
		dot()
		if j+1 < len(toks) && toks[j].Text == "," && (toks[j+1].Text == "Ltd" || toks[j+1].Text == "Limited") {
			j++
		}
	}
	if j < len(toks) && (toks[j].Text == "Ltd" || toks[j].Text == "Limited" || toks[j].Text == "LLC") {
		j++
		dot()
	}
	return j
}

// recognizeCompanies (stage "companies") names companies by the structure
// of their names: a place, a brand and an industry word, with an optional
// legal form ("Zhuhai Yunfeifan Trading Co., Ltd."). A name that carries a
// legal form keeps the bare name as an alias and resolves to the
// gazetteer through it. "Beijing-based" before a name is not part of it,
// and a place followed by "Customs" is that place's customs district.
func (x *Extractor) recognizeCompanies(si int, s *sentInfo) {
	toks := s.toks
	// Extend organization names over their legal form.
	var placed []*mention
	defer func() { s.mentions = append(s.mentions, placed...) }()
	for _, m := range s.mentions {
		if m.c.typ != Organization || m.c.gaz >= 0 {
			continue
		}
		lo := m.lo
		if strings.HasSuffix(toks[lo].Text, "-based") && m.hi-lo > 2 {
			// "Beijing-based Red Bull …": the place is a mention of its own.
			place := strings.TrimSuffix(toks[lo].Text, "-based")
			if e, ok := x.gaz.lookupName(place); ok && x.gaz.entries[e].Type == Region {
				entry := x.gaz.entries[e]
				placed = append(placed, &mention{sent: si, lo: lo, hi: lo + 1, form: place, c: &candidate{gaz: e, typ: Region, name: place, rule: gazRule(entry) + " (before -based)"}})
			}
			lo++
		}
		hi := m.hi
		for hi < len(toks) && industryWords[toks[hi].Text] && !s.covered(hi) {
			hi++ // "Shanghai Zhizhen Intelligent Network" + "Technology"
		}
		if toks[hi-1].Text == "Co" || toks[hi-1].Text == "Corp" || toks[hi-1].Text == "Inc" {
			hi--
		}
		end := legalSuffixEnd(toks, hi)
		if end == hi && hi > m.hi {
			end = hi
		}
		if end == m.hi && lo == m.lo {
			continue
		}
		bare := s.spanText(lo, hi)
		m.lo, m.hi = lo, end
		m.c.name = s.spanText(lo, end)
		if end > hi {
			m.c.xAlias = bare
		}
		if e, ok := x.gaz.lookupName(bare); ok {
			m.c.gaz, m.c.typ = e, x.gaz.entries[e].Type
			m.c.rule += ", resolved to " + gazRule(x.gaz.entries[e])
		}
	}
	for _, r := range append([]*mention(nil), s.mentions...) {
		if r.c.typ != Region || r.c.gaz < 0 || r.hi >= len(toks) {
			continue
		}
		// "Ningbo Customs".
		if t, ok := placeBodyHeads[toks[r.hi].Text]; ok && !s.covered(r.hi) {
			x.replaceWith(si, s, r.lo, r.hi+1, &candidate{gaz: -1, typ: t, name: s.spanText(r.lo, r.hi+1), rule: "structure: place + " + toks[r.hi].Text})
			continue
		}
		// Place, brand, industry word.
		k := r.hi
		brand := 0
		for k < len(toks) && k-r.hi < 7 && toks[k].Kind == text.Word && text.IsCap(toks[k]) && !nonStarters[toks[k].Text] && !s.coveredBy(k, func(m *mention) bool { return m.c.gaz >= 0 }) {
			if !industryWords[toks[k].Text] {
				if brand > 0 && industryWords[toks[k-1].Text] {
					break
				}
				brand++
			}
			k++
			if k+1 < len(toks) && toks[k].Text == "and" && industryWords[toks[k+1].Text] {
				k++
			}
		}
		if brand == 0 || k == r.hi || !industryWords[toks[k-1].Text] {
			continue
		}
		end := legalSuffixEnd(toks, k)
		c := &candidate{gaz: -1, typ: Organization, name: s.spanText(r.lo, end), rule: "structure: place, brand, industry"}
		if end > k {
			c.xAlias = s.spanText(r.lo, k)
		}
		x.replaceWith(si, s, r.lo, end, c)
	}
}

// coveredBy reports whether a mention that satisfies ok covers toks[i].
func (s *sentInfo) coveredBy(i int, ok func(*mention) bool) bool {
	for _, m := range s.mentions {
		if m.lo <= i && i < m.hi && ok(m) {
			return true
		}
	}
	return false
}

// replaceWith adds c over toks[lo:hi] and removes every mention that
// overlaps it.
func (x *Extractor) replaceWith(si int, s *sentInfo, lo, hi int, c *candidate) {
	s.dropMentions(func(m *mention) bool { return m.lo < hi && lo < m.hi })
	s.addMention(&mention{sent: si, lo: lo, hi: hi, c: c})
}
