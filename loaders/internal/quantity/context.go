package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// A metric is narrowed by its context, as an analyst reads it: a noun the
// text has already qualified keeps its qualifiers ("the industries" after
// "the copyright industries"; "trademark cases" among "first-instance
// administrative" cases), and a figure of a campaign's sentence belongs to
// the campaign ("… in Longteng Action 2019").

// scopeWords qualify what a count covers and carry over to a noun the text
// names again without them.
var scopeWords = toSet(`first-instance second-instance civil administrative criminal domestic foreign foreign-related overseas valid
	online offline national provincial local`)

// composed are the strategies whose metrics are made of metrics before,
// which have their context already.
var composed = toSet(`respectively figures_respectively list_item gapped_growth conversion`)

// withContext narrows metric m, found by strategy id, of a figure.
func (c *figCtx) withContext(m, id string) string {
	ws := strings.Fields(m)
	if len(ws) == 0 {
		return m
	}
	out := ws
	if !composed[id] {
		out = c.inheritModifiers(ws)
	}
	if p := c.programFrame(); p != "" && !strings.Contains(strings.ToLower(strings.Join(out, " ")), strings.ToLower(p)) {
		out = append(out, "in", p)
	}
	return tidy(out)
}

// inheritModifiers gives the head nouns of a metric the qualifiers the
// paragraph gave them before.
func (c *figCtx) inheritModifiers(ws []string) []string {
	out := append([]string(nil), ws...)
	for i := 0; i < len(out); i++ {
		w := out[i]
		lw := strings.ToLower(w)
		if len(lw) < 4 || !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") || text.FunctionWord(lw) || npStop[lw] {
			continue
		}
		if i+1 < len(out) && isNounWord(out[i+1]) {
			continue // not a head: "cases handled" keeps going; "patent cases" is a head at "cases"
		}
		j0 := i
		for j0 > 0 && prenominal(out[j0-1]) {
			j0--
		}
		mods := c.earlierModifiers(lw)
		if len(mods) == 0 {
			continue
		}
		// The words before the head in the metric.
		j := j0
		have := map[string]bool{}
		for _, x := range out {
			have[strings.ToLower(x)] = true
		}
		var add []string
		for _, md := range mods {
			if have[strings.ToLower(md)] {
				continue
			}
			if i == j || scopeWords[strings.ToLower(md)] {
				add = append(add, md)
			}
		}
		if len(add) == 0 {
			continue
		}
		next := append(append(append([]string{}, out[:j]...), add...), out[j:]...)
		i += len(add)
		out = next
	}
	return out
}

// modifierWord reports whether t can qualify a noun taken into another
// metric: a lower-case word that is not a number word, a verb or a
// function word.
func modifierWord(t text.Token) bool {
	lw := strings.ToLower(t.Text)
	return isNounWord(t.Text) && (!text.IsCap(t) || text.IsAllCaps(t.Text)) && !determiners[lw] && units.scale[lw] == 0 && spelledNumbers[lw] == 0 && !reportingVerbs[lw] && !approxWords[lw] && !timeWords[lw]
}

// prenominal reports whether w can qualify the noun after it: a noun word
// or a participle used as an adjective ("IP-related", "registered").
func prenominal(w string) bool {
	lw := strings.ToLower(w)
	if isNounWord(w) {
		return true
	}
	return (strings.HasSuffix(lw, "ed") || strings.Contains(lw, "-")) && !text.FunctionWord(lw) && !strings.ContainsAny(lw, "(),")
}

// isNounWord reports whether w can stand inside a noun phrase.
func isNounWord(w string) bool {
	lw := strings.ToLower(w)
	return lw != "" && !text.FunctionWord(lw) && !npStop[lw] && !tailPreps[lw] && !strings.HasSuffix(lw, "ed") && !strings.ContainsAny(lw, "(),")
}

// earlierModifiers returns the words that qualified noun w the last time
// the paragraph named it before the figure ("first-instance
// administrative IP" of "first-instance administrative IP cases"), or nil.
func (c *figCtx) earlierModifiers(w string) []string {
	doc := c.x.doc
	look := func(toks []text.Token, end int) []string {
		for k := end - 1; k > 0; k-- {
			if toks[k].Folded() != w {
				continue
			}
			lo := k
			for lo > 0 && k-lo < 4 && (toks[lo-1].Kind == text.Word && modifierWord(toks[lo-1]) || toks[lo-1].Text == "-") {
				lo--
			}
			if lo == k || lo > 0 && (strings.EqualFold(toks[lo-1].Text, "and") || strings.EqualFold(toks[lo-1].Text, "or")) {
				continue // "first- and second-instance cases": which one is open
			}
			var mods []string
			for _, t := range toks[lo:k] {
				if t.Text == "-" && len(mods) > 0 {
					mods[len(mods)-1] += "-"
					continue
				}
				if len(mods) > 0 && strings.HasSuffix(mods[len(mods)-1], "-") {
					mods[len(mods)-1] += t.Text
					continue
				}
				mods = append(mods, t.Text)
			}
			return mods
		}
		return nil
	}
	if m := look(c.s.Tokens, c.f.lo); m != nil {
		return m
	}
	for k := c.si - 1; k >= 0 && k >= c.si-4; k-- {
		s := &doc.Sentences[k]
		if m := look(s.Tokens, len(s.Tokens)); m != nil {
			return m
		}
		if s.Break == text.Section {
			break
		}
	}
	return nil
}

// campaignHeads end the names of the campaigns and actions whose figures
// an analyst reads as the campaign's.
var campaignHeads = toSet(`Action Actions Campaign Campaigns Operation Operations Program Programme Project Initiative`)

// programFrame returns the name of a campaign that the figure's sentence
// names before the figure, or the one its paragraph opened with, or "".
func (c *figCtx) programFrame() string {
	name := func(s *Sentence, before int) string {
		for _, m := range s.Mentions {
			if m.Type != Program || m.Hi > before || m.Part {
				continue
			}
			hi := m.Hi
			if hi < len(s.Tokens) && s.Tokens[hi].Kind == text.Num && len(s.Tokens[hi].Text) == 4 && s.Tokens[hi].Lo-s.Tokens[hi-1].Hi == 1 {
				hi++ // "Longteng Action 2019": the edition's year belongs to the name
			}
			toks := s.Tokens[m.Lo:hi]
			last := s.Tokens[m.Hi-1]
			if campaignHeads[last.Text] || last.Kind == text.Num && m.Hi-m.Lo > 1 && campaignHeads[s.Tokens[m.Hi-2].Text] || m.Hi-m.Lo == 2 && last.Kind == text.Num {
				return phraseOf(toks)
			}
		}
		return ""
	}
	if p := name(c.s, c.f.lo); p != "" {
		return p
	}
	for k := c.si - 1; k >= 0 && k >= c.si-3; k-- {
		s := &c.x.doc.Sentences[k]
		if s.Break >= text.Paragraph && k < c.si-1 {
			break
		}
		if p := name(s, len(s.Tokens)); p != "" {
			return p
		}
		if s.Break >= text.Line {
			break
		}
	}
	return ""
}
