package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/names"
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// roleWords name a position a person holds; any part of a hyphenated word
// counts ("vice-president", "director-general").
var roleWords = toSet(`president vice director general deputy head chief judge justice commissioner minister secretary
chairman chairwoman chair chairperson spokesperson spokesman spokeswoman official officer partner associate counsel
attorney lawyer professor researcher expert scholar fellow manager founder ambassador governor mayor premier leader
member representative prosecutor procurator inspector analyst editor reporter correspondent engineer executive ceo
dean academician councilor adviser advisor envoy consul delegate negotiator administrator commander captain
martyr hero writer author artist actor actress singer scientist entrepreneur inventor teacher doctor farmer veteran athlete
mr mrs ms dr`)

// roleVerbs say that someone holds or takes a position ("headed by",
// "was promoted", "succeeded").
var roleVerbs = toSet(`headed led chaired presided signed appointed promoted elected named succeeded replaced nominated
heads leads chairs presides signs`)

// speechVerbs introduce or follow what someone said.
var speechVerbs = toSet(`said says told noted added stated explained stressed emphasized emphasised remarked asked answered
replied according introduced pointed urged warned revealed disclosed`)

// placeWords before a name make it a body or a place rather than a person.
var placeWords = toSet(`from at of in under within`)

// englishSurnames are surnames spelled like common English words: a bare
// "He" or "Long" is not taken for a known person.
var englishSurnames = toSet(`He An Long Ma You Fan Song Mo Pan Tan Ban Hang Man Sun Tang Tong Wan Ye E Ping Bing Che Chi Bo Pi`)

// isRoleWord reports whether w, or a part of it split on hyphens, names a
// position.
func isRoleWord(w string) bool {
	w = strings.ToLower(w)
	if roleWords[w] {
		return true
	}
	if strings.IndexByte(w, '-') > 0 {
		for _, p := range strings.Split(w, "-") {
			if roleWords[p] && p != "general" && p != "vice" {
				return true
			}
		}
	}
	return false
}

// formCue says why a name of Chinese form at toks[i:i+2] is a person in this
// sentence, or "" when the sentence gives no reason.
func formCue(toks []text.Token, i int) string {
	e := i + 2
	if i > 0 && placeWords[toks[i-1].Text] {
		return "" // "a delegate from Su Ning": a body named like a person
	}
	if i > 0 && titleWord(toks[i-1]) {
		return "title"
	}
	if e < len(toks) && toks[e].Text == ":" && i == 0 {
		return "speaker label"
	}
	for k := i - 3; k < e+3 && k < len(toks); k++ {
		if k >= 0 && (k < i || k >= e) && speechVerbs[strings.ToLower(toks[k].Text)] {
			return "speech verb"
		}
	}
	for k := i - 6; k < e+8 && k < len(toks); k++ {
		if k < 0 || (k >= i && k < e) {
			continue
		}
		w := toks[k].Text
		if isRoleWord(w) || roleVerbs[strings.ToLower(w)] {
			return "role " + strings.ToLower(w)
		}
	}
	return ""
}

// recognizeNamesByForm finds Chinese personal names by their form (see
// package names) over the whole document: a name is a person where one of
// its sentences gives a title, role, speech verb or speaker label, or where
// the document names it twice or more. A name that the document also uses
// inside a longer capitalized name ("Anji Baicha Tea") or after "of",
// "from", "in" (a firm, a place) needs a title or a role in its own
// sentence.
func (d *docState) recognizeNamesByForm() {
	type occurrence struct {
		si, lo int
		cue    string
	}
	byName := map[string][]occurrence{}
	var order []string
	embedded := map[string]bool{}  // used inside a longer capitalized name
	placeLike := map[string]bool{} // used after "of", "from", "in": a body or a place
	for si, s := range d.sents {
		toks := s.toks
		for i := 0; i+1 < len(toks); i++ {
			t, g := toks[i].Text, toks[i+1].Text
			if t == "" || g == "" || t[0] < 'A' || t[0] > 'Z' || g[0] < 'A' || g[0] > 'Z' || len(t) > 9 || !names.IsChineseName(t, g) {
				continue
			}
			key := toks[i].Text + " " + toks[i+1].Text
			if i > 0 && text.IsCap(toks[i-1]) && toks[i-1].Kind == text.Word && !titleWord(toks[i-1]) && !nonStarters[toks[i-1].Text] && !text.IsAllCaps(toks[i-1].Text) {
				embedded[key] = true
				continue
			}
			if i+2 < len(toks) && toks[i+2].Kind == text.Word && text.IsCap(toks[i+2]) && !text.IsAllCaps(toks[i+2].Text) {
				embedded[key] = true
				continue
			}
			if d.coveredByOther(s, i, i+2) {
				continue
			}
			if _, ok := byName[key]; !ok {
				order = append(order, key)
			}
			if i > 0 && placeWords[toks[i-1].Text] {
				placeLike[key] = true
			}
			byName[key] = append(byName[key], occurrence{si, i, formCue(toks, i)})
			i++
		}
	}
	for _, key := range order {
		occs := byName[key]
		cue := ""
		for _, o := range occs {
			if o.cue != "" {
				cue = o.cue
				break
			}
		}
		if cue == "" && len(occs) >= 2 {
			cue = "named twice"
		}
		if cue == "" || ((embedded[key] || placeLike[key]) && cue == "named twice") {
			continue
		}
		for _, o := range occs {
			s := d.sents[o.si]
			d.dropWithin(s, o.lo, o.lo+2)
			s.addMention(&mention{sent: o.si, lo: o.lo, hi: o.lo + 2, c: &candidate{gaz: -1, typ: Person, name: s.spanText(o.lo, o.lo+2), rule: "form: Chinese name, " + cue}})
			s.sortMentions()
		}
	}
}

// coveredByOther reports whether a gazetteer mention, a person, or a longer
// mention covers any of toks[lo:hi].
func (d *docState) coveredByOther(s *sentInfo, lo, hi int) bool {
	for _, m := range s.mentions {
		if m.lo < hi && lo < m.hi {
			if m.c.gaz >= 0 || m.c.typ == Person || m.lo < lo || m.hi > hi {
				return true
			}
		}
	}
	return false
}

// dropWithin removes the mentions that lie inside toks[lo:hi].
func (d *docState) dropWithin(s *sentInfo, lo, hi int) {
	s.dropMentions(func(m *mention) bool { return lo <= m.lo && m.hi <= hi })
}
