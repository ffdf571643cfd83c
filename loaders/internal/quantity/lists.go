package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// A list or ranking gives every item the list's metric and the item as
// subject: "Guangdong (24,700), Beijing (7,200) and Jiangsu (6,600) filed
// the most PCT applications", "followed by Siemens with 2,220 and LG with
// 2,056", "the top three regions were Beijing (132.0), Shanghai (53.5) …",
// "followed by trademark disputes (78,157) and patent cases (28,528)".

// listItem is a figure's place in a list: the item it belongs to.
type listItem struct {
	itemLo, itemHi int // token span of the item's name or phrase
	open           int // the token that opens the figure's slot: "(", "with" or "at"
	close          int // the token after the slot (after ")" for a bracket)
}

// leadVerbs say which item leads a list: "Copyright claims led with
// 313,497 cases", "Guangdong ranked first with 240,000".
var leadVerbs = toSet(`led leads topped tops first second third next`)

// listCues introduce the items of a list after what it ranks.
var listCues = toSet(`followed by led ahead including included namely such as were was are is with top`)

// itemStops end an item's phrase going left.
var itemStops = toSet(`, ; : and or by of were was are is including included namely as followed led ahead than with the`)

// findListItem reports whether figure f stands in a list slot: right after
// "(" (its bracket closing after it), "with" or "at", with an item before.
func findListItem(toks []text.Token, f figure) (listItem, bool) {
	k := wordBefore(toks, f.lo)
	if k < 1 {
		return listItem{}, false
	}
	if toks[k].Text == "," {
		// The second figure of a slot: "(1,004,676 pieces, 30.30%)".
		for j := k - 1; j >= 0 && j >= k-5; j-- {
			if toks[j].Text == "(" {
				k = j
				break
			}
			if toks[j].Kind == text.Punct && toks[j].Text != "%" {
				break
			}
		}
	}
	open := k
	w := toks[k].Folded()
	close := -1
	switch w {
	case "(":
		for j := f.hi; j < len(toks) && j < f.hi+8; j++ {
			if toks[j].Text == ")" {
				close = j + 1
				break
			}
			if toks[j].Text == "(" {
				break
			}
		}
		if close < 0 {
			return listItem{}, false
		}
	case "with", "at":
		if pv := toks[k-1].Folded(); w == "at" && (strings.HasSuffix(pv, "ed") || linkVerbs[pv] || pv == "stood" || pv == "put" || pv == "set" || pv == "segment") {
			return listItem{}, false // "valued at 107 million", "stood at 1.2 million": not a slot
		}
		close = f.hi
		if close < len(toks) && toks[close].Kind == text.Word && isNounish(toks[close]) && !strings.EqualFold(toks[close].Text, "and") && !(k > 0 && leadVerbs[toks[k-1].Folded()]) {
			return listItem{}, false // "with 3,000 patents": a quantifier, not a slot
		}
	default:
		return listItem{}, false
	}
	// The item: back from the slot to a list separator.
	hi := open
	lo := hi
	for lo > 0 && hi-lo < 10 {
		p := toks[lo-1]
		lw := strings.ToLower(p.Text)
		if p.Kind == text.Punct && p.Text != "-" && p.Text != "&" && p.Text != "." && p.Text != "'" && p.Text != "’" && !(p.Text == ")" || p.Text == "(") {
			break
		}
		if lo == hi && (leadVerbs[lw] || lw == "ranked" || lw == "came") {
			lo-- // "Copyright claims led with …": the verb, then the item
			continue
		}
		if p.Kind == text.Num || (itemStops[lw] && lw != "of" && lw != "the") {
			break
		}
		if lw == "the" {
			lo--
			break
		}
		lo--
	}
	// "Copyright claims led with 313,497 cases": the item is what led.
	for hi > lo+1 && (leadVerbs[toks[hi-1].Folded()] || strings.EqualFold(toks[hi-1].Text, "ranked") || strings.EqualFold(toks[hi-1].Text, "came")) {
		hi--
	}
	if lo >= hi {
		return listItem{}, false
	}
	return listItem{itemLo: lo, itemHi: hi, open: open, close: close}, true
}

// isList reports whether the figure's slot belongs to a list: another
// slot of the same shape in the sentence, or a list cue before the item.
func isList(toks []text.Token, li listItem, figs []figure) bool {
	slots := 0
	for _, g := range figs {
		if _, ok := findListItem(toks, g); ok {
			slots++
		}
	}
	if slots >= 2 {
		return true
	}
	if toks[li.open].Text == "with" && li.open > 0 && leadVerbs[toks[li.open-1].Folded()] {
		return true // "Guangdong ranked first with about 240,000 registrations"
	}
	for k := li.itemLo - 1; k >= 0 && k >= li.itemLo-3; k-- {
		if listCues[toks[k].Folded()] || toks[k].Text == ":" {
			return true
		}
	}
	return false
}

// listMetric names what a list's items are counted by: the predicate
// after the list ("… filed the most PCT applications" → "PCT applications
// filed"), else the metric before it in the sentence or paragraph, with
// the list's head when one names the items ("the three largest recipients
// were …").
func (c *figCtx) listMetric(li listItem) string {
	toks := c.s.Tokens
	// The end of the list: the last slot of the same kind.
	end := li.close
	for _, g := range c.rest[1:] {
		if o, ok := findListItem(toks, g); ok && o.itemLo <= end+3 {
			end = o.close
		}
	}
	if pred := predicateAfter(toks, end); pred != "" {
		return pred
	}
	head := listHead(toks, li.itemLo)
	base := c.near
	if base == "" && len(c.prior) > 0 {
		base = stripGrowth(c.prior[len(c.prior)-1].metric)
	}
	if i := strings.Index(base, " ("); i > 0 && strings.HasSuffix(base, ")") {
		base = base[:i] // the list's metric, without the item before's name
	}
	if base == "" && li.close < len(toks) && toks[li.open].Text != "(" {
		// "Copyright claims led with 313,497 cases": the noun counted.
		if np, _ := nounAfter(toks, c.f.hi); contentWords(np) > 0 {
			base = tidy(np)
		}
	}
	switch {
	case base != "" && head != "" && !strings.Contains(base, head):
		return base + " among " + head
	case base != "":
		return base
	}
	return head
}

// predicateAfter reads "filed the most PCT applications" after a list: a
// past verb and its object, as "PCT applications filed".
func predicateAfter(toks []text.Token, k int) string {
	if k >= len(toks) || toks[k].Kind != text.Word {
		return ""
	}
	v := toks[k].Folded()
	if !verbish(toks, k) && !irregularPast[v] {
		return ""
	}
	j := k + 1
	var obj []string
	for j < len(toks) && len(obj) < 7 {
		t := toks[j]
		lw := strings.ToLower(t.Text)
		if t.Kind != text.Word || (npStop[lw] && lw != "most" && lw != "more") {
			break
		}
		if lw != "the" && lw != "a" && lw != "most" && lw != "more" {
			obj = append(obj, t.Text)
		}
		j++
	}
	if contentWords(obj) == 0 {
		return ""
	}
	if p, ok := irregularPast[v]; ok && p {
		v = participleOf(v)
	}
	return tidy(append(obj, v))
}

// listHead returns the noun phrase that a copula before the list makes the
// items' name: "the three largest recipients" of "… the three largest
// recipients were Huawei (4,510), …", or "".
func listHead(toks []text.Token, itemLo int) string {
	k := itemLo - 1
	if k < 1 {
		return ""
	}
	switch toks[k].Folded() {
	case "were", "was", "are", "is", "included", "include", "includes":
	default:
		return ""
	}
	np := phraseBefore(toks, k, 8)
	if contentWords(np) == 0 {
		return ""
	}
	return tidy(np)
}

// listMetricStrategy gives a list item the list's metric (see lists.go),
// and the item, when it is not an entity, as a part of the metric:
// "registrations (works of fine arts)". A percentage in the slot of a
// count is the item's share.
func listMetricStrategy(c *figCtx) string {
	toks := c.s.Tokens
	li, ok := findListItem(toks, c.f)
	if !ok || !isList(toks, li, append(priorFigures(c.prior), c.rest...)) {
		return ""
	}
	m := c.listMetric(li)
	if m == "" {
		return ""
	}
	m = stripGrowth(m)
	if c.mentionAt(li.itemLo, li.itemHi) == nil && c.mentionOpening(li.itemLo, li.itemHi) == nil {
		item := phraseTexts(toks[li.itemLo:li.itemHi])
		if contentWords(item) > 0 && !strings.Contains(m, tidy(item)) {
			m += " (" + tidy(item) + ")"
		}
	}
	if c.f.kind == "percent" {
		return "share of " + m
	}
	return m
}

// mentionAt returns the mention that covers tokens [lo, hi) of the
// figure's sentence, allowing a leading "the", or nil.
func (c *figCtx) mentionAt(lo, hi int) *Mention {
	for _, m := range c.s.Mentions {
		if m.Hi == hi && (m.Lo == lo || m.Lo == lo+1) {
			return m
		}
		// "the Copyright Protection Center of China (CPCC)": the acronym's
		// bracket belongs to the name.
		if hi >= 3 && c.s.Tokens[hi-1].Text == ")" && m.Hi == hi-3 && (m.Lo == lo || m.Lo == lo+1) {
			return m
		}
	}
	return nil
}

// mentionOpening returns the mention an item opens with when the rest of
// the item is its verb: "Beijing ranked first (…)", "Huawei led (…)".
func (c *figCtx) mentionOpening(lo, hi int) *Mention {
	toks := c.s.Tokens
	for _, m := range c.s.Mentions {
		if (m.Lo == lo || m.Lo == lo+1) && m.Hi < hi {
			w := toks[m.Hi].Folded()
			if verbish(toks, m.Hi) || irregularPast[w] || w == "came" || w == "ranked" || w == "was" {
				return m
			}
		}
	}
	return nil
}

func priorFigures(ps []priorFig) []figure {
	out := make([]figure, len(ps))
	for i, p := range ps {
		out[i] = p.f
	}
	return out
}

func phraseTexts(toks []text.Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if lw := strings.ToLower(t.Text); len(out) == 0 && (lw == "the" || lw == "a" || lw == "an") {
			continue
		}
		out = append(out, t.Text)
	}
	return out
}

// irregularPast are irregular past forms of verbs that take a count;
// the value says whether the participle differs.
var irregularPast = map[string]bool{"took": true, "gave": true, "saw": true, "won": false, "held": false, "made": false,
	"sold": false, "brought": false, "got": true, "drew": true, "wrote": true, "led": false, "set": false, "put": false,
	"found": false, "paid": false, "sent": false, "spent": false, "built": false, "grew": true, "rose": true, "fell": true,
	"began": true, "ran": true, "became": true, "broke": true, "chose": true, "undertook": true, "heard": false, "caught": false,
	"dealt": false, "kept": false, "lost": false, "met": false}

// isIrregularPast reports whether w is one of irregularPast's forms.
func isIrregularPast(w string) bool {
	_, ok := irregularPast[w]
	return ok
}

// participleOf gives the past participle of an irregular past form.
func participleOf(v string) string {
	switch v {
	case "took":
		return "taken"
	case "undertook":
		return "undertaken"
	case "gave":
		return "given"
	case "saw":
		return "seen"
	case "got":
		return "got"
	case "drew":
		return "drawn"
	case "wrote":
		return "written"
	case "grew":
		return "grown"
	case "rose":
		return "risen"
	case "fell":
		return "fallen"
	case "began":
		return "begun"
	case "ran":
		return "run"
	case "became":
		return "become"
	case "broke":
		return "broken"
	case "chose":
		return "chosen"
	}
	return v
}
