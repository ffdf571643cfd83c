package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// A figure stated with a referent has the referent's metric, narrowed by
// what the clause says of it: "closed 524,387 of them" (the cases taken in
// before), "Of these, 361,000 went to domestic applicants", "Of the 1,948
// civil appeals the court received, 754 were utility model disputes". An
// object without a noun ("… and concluded 442,722") counts what the
// figure before counted.

// referentWords are what "of …" points back with.
var referentWords = toSet(`them these those which`)

// antecedent returns the metric a referent points back to: the figure
// before in the sentence, else the figure before in the paragraph — the
// whole, when that figure was a part of one ("patents among cases
// accepted" → "cases accepted").
func (c *figCtx) antecedent() string {
	m := c.lastMetric
	for k := len(c.prior) - 1; k >= 0; k-- {
		if p := c.prior[k]; p.f.unit != "rank" && p.f.kind != "percent" {
			m = stripGrowth(p.metric)
			break
		}
	}
	if i := strings.LastIndex(m, " among "); i >= 0 {
		m = m[i+len(" among "):]
	}
	return m
}

// nounPart cuts a metric at its first participle or verb: the thing
// counted ("first-instance civil IP cases received by local courts" →
// "first-instance civil IP cases").
func nounPart(metric string) string {
	ws := strings.Fields(metric)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (strings.HasSuffix(lw, "ed") && len(lw) > 4 || irregularParticiple[lw] || lw == "by" || lw == "that" || lw == "which" || lw == "among") {
			return strings.Join(ws[:i], " ")
		}
	}
	return metric
}

// irregularParticiple are participles nounPart cuts at: those of
// irregularPast.
var irregularParticiple = func() map[string]bool {
	out := map[string]bool{}
	for past := range irregularPast {
		out[participleOf(past)] = true
	}
	return out
}()

// referentMetric handles "N of them", "Of these, N …", "Of the N X, M …"
// and "among them, N …".
func referentMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.unit == "rank" {
		return ""
	}
	after := f.hi+1 < len(toks) && strings.EqualFold(toks[f.hi].Text, "of") && referentWords[toks[f.hi+1].Folded()]
	framed := !after && referentFrame(toks, f.lo)
	if !after && !framed {
		return ""
	}
	ante := c.antecedent()
	if framed {
		if np := frameNP(toks); len(np) > 0 {
			ante = tidy(np)
		}
	}
	if ante == "" || contentWords(strings.Fields(ante)) == 0 {
		return ""
	}
	if f.kind == "percent" {
		return "share of " + ante
	}
	if v, vi := verbBefore(toks, f.lo); v != "" && after {
		// "and closed 524,387 of them": the antecedent, closed (by the
		// subject of the verbs).
		m := append(strings.Fields(nounPart(ante)), strings.Fields(v)...)
		subj := clauseSubject(toks, vi)
		if len(subj) == 0 {
			subj = clauseSubjectFar(toks, vi)
		}
		if len(subj) > 0 {
			m = append(append(m, "by"), subj...)
		}
		return tidy(m)
	}
	if share := accountedFor(toks, f.lo); len(share) > 0 {
		// "Patents accounted for 2,830 of them": patents among them.
		return tidy(append(append(share, "among"), strings.Fields(ante)...))
	}
	start := f.hi
	if after {
		start = f.hi + 2
	}
	if pred := predicateOf(toks, start); len(pred) > 0 {
		if pred[len(pred)-1] == "among" {
			return tidy(append(pred, strings.Fields(ante)...)) // "utility model disputes among civil appeals"
		}
		return tidy(append(strings.Fields(ante), pred...)) // "invention patents granted to domestic applicants"
	}
	return ""
}

// referentFrame reports whether the figure's clause opens a sentence that
// starts "Of these,", "Of them,", "Among them,", "Of the N X …," (the
// figure after the frame's comma).
func referentFrame(toks []text.Token, lo int) bool {
	if len(toks) < 3 {
		return false
	}
	first := toks[0].Folded()
	if first != "of" && first != "among" {
		return false
	}
	comma := -1
	for k := 1; k < lo; k++ {
		if toks[k].Text == "," && !(k+1 < len(toks) && toks[k+1].Kind == text.Num && k > 0 && toks[k-1].Kind == text.Num) {
			comma = k
			break
		}
	}
	if comma < 0 {
		return false
	}
	second := toks[1].Folded()
	return referentWords[second] || second == "the" || second == "all"
}

// frameNP returns the noun phrase of an "Of the 1,948 civil appeals the
// court received, …" frame without its number, or nil for "Of these".
func frameNP(toks []text.Token) []string {
	if !strings.EqualFold(toks[1].Text, "the") && !strings.EqualFold(toks[1].Text, "all") {
		return nil
	}
	var np []string
	for _, t := range toks[2:] {
		if t.Text == "," {
			break
		}
		if t.Kind == text.Num || approxWords[strings.ToLower(t.Text)] {
			continue
		}
		np = append(np, t.Text)
	}
	if contentWords(np) == 0 {
		return nil
	}
	return np
}

// accountedFor returns X of "X accounted for N" or, in a clause that goes
// on from one, the gapped "…, X for N": what the figure counts within its
// whole.
func accountedFor(toks []text.Token, lo int) []string {
	k := wordBefore(toks, lo)
	if k < 1 || !strings.EqualFold(toks[k].Text, "for") {
		return nil
	}
	end := k
	if w := toks[k-1].Folded(); w == "accounted" || w == "account" || w == "accounts" || w == "accounting" {
		end = k - 1
	} else {
		gapped := false
		for j := 0; j < k-1; j++ {
			if strings.HasPrefix(toks[j].Folded(), "account") && strings.EqualFold(toks[j+1].Text, "for") {
				gapped = true
			}
		}
		if !gapped {
			return nil
		}
	}
	np := phraseBefore(toks, end, 6)
	for len(np) > 0 && (strings.EqualFold(np[0], "and") || strings.EqualFold(np[0], "while")) {
		np = np[1:]
	}
	if contentWords(np) == 0 {
		return nil
	}
	return np
}

// predicateOf turns what a clause says of its subject into a qualifier:
// "went to domestic applicants" → "to domestic applicants", "concerned
// trademarks" → "concerning trademarks", "were utility model disputes" →
// "utility model disputes among".
func predicateOf(toks []text.Token, k int) []string {
	for k < len(toks) && (auxWords[toks[k].Folded()] && !copulas[toks[k].Folded()] || strings.EqualFold(toks[k].Text, "also")) {
		k++
	}
	if k >= len(toks) || toks[k].Kind != text.Word {
		return nil
	}
	v := toks[k].Folded()
	var words []string
	if tailPreps[v] && v != "that" && v != "whose" {
		// "4.797 million of them for domestic owners"
		words = append(words, toks[k].Text)
		v = ""
	}
	for j := k + 1; j < len(toks) && len(words) < 7; j++ {
		t := toks[j]
		lw := strings.ToLower(t.Text)
		if t.Kind != text.Word || timePhraseAt(toks, j) || lw == "and" || lw == "while" || lw == "but" || lw == "which" {
			break
		}
		words = append(words, t.Text)
	}
	for len(words) > 0 && (text.FunctionWord(strings.ToLower(words[len(words)-1])) || npStop[strings.ToLower(words[len(words)-1])]) {
		words = words[:len(words)-1]
	}
	if contentWords(words) == 0 {
		return nil
	}
	switch {
	case v == "":
		return words
	case copulas[v]:
		return append(words, "among")
	case v == "went" || v == "came" || v == "belonged" || v == "goes" || v == "go":
		return words // "to domestic applicants", "from abroad"
	case strings.HasSuffix(v, "ed") && !strings.HasSuffix(v, "eed"):
		return append([]string{ingForm(v)}, words...)
	}
	return nil
}

// copulas link a subject to a noun phrase that names it.
var copulas = toSet(`were was are is`)

// ingForm turns a past form into its -ing form: "concerned" →
// "concerning", "involved" → "involving", "related" → "relating".
func ingForm(v string) string {
	stem := strings.TrimSuffix(v, "ed")
	switch {
	case strings.HasSuffix(v, "ied"):
		return strings.TrimSuffix(v, "ied") + "ying"
	case len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && !strings.ContainsRune("aeiouldsf", rune(stem[len(stem)-1])):
		return stem[:len(stem)-1] + "ing" // "transferred" → "transferring"
	}
	return stem + "ing"
}

// elidedObjectMetric handles a verb whose object is only the figure: "and
// concluded 442,722, an increase of …", "They received 869 criminal
// appeals and closed 854": the thing the figure before counted, with this
// figure's verb.
func elidedObjectMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "count" || f.unit != "" {
		return ""
	}
	if f.hi < len(toks) {
		n := toks[f.hi]
		if n.Kind == text.Word && isNounish(n) && !strings.EqualFold(n.Text, "and") && !strings.EqualFold(n.Text, "or") && !growthWords[strings.ToLower(n.Text)] {
			return ""
		}
		if n.Kind == text.Num || n.Text == "(" {
			return ""
		}
	}
	v, vi := verbBefore(toks, f.lo)
	if v == "" || vi == 0 || !strings.EqualFold(toks[vi-1].Text, "and") && toks[vi-1].Text != "," {
		return ""
	}
	ante := ""
	for k := len(c.prior) - 1; k >= 0; k-- {
		if p := c.prior[k]; p.f.kind == "count" && p.f.unit != "rank" {
			ante = nounPart(stripGrowth(p.metric))
			break
		}
	}
	if ante == "" || contentWords(strings.Fields(ante)) == 0 {
		return ""
	}
	m := append(strings.Fields(ante), strings.Fields(v)...)
	if subj := clauseSubjectFar(toks, vi); len(subj) > 0 {
		m = append(append(m, "by"), subj...)
	}
	return tidy(m)
}

// clauseSubjectFar returns the subject of a verb coordinated with an
// earlier one ("Local courts received … and concluded …"): the subject of
// the first verb of the clause chain, when it is a noun phrase.
func clauseSubjectFar(toks []text.Token, vi int) []string {
	for k := vi - 1; k > 0; k-- {
		if toks[k].Text == ";" || toks[k].Text == "." {
			return nil
		}
		if v, i := verbBefore(toks, k+1); v != "" && i == k && k > 0 && !strings.EqualFold(toks[k-1].Text, "and") && toks[k-1].Text != "," && toks[k-1].Kind != text.Num && units.scale[toks[k-1].Folded()] == 0 {
			return clauseSubject(toks, k)
		}
	}
	return nil
}

// accountedForMetric handles "service inventions accounted for 344,000 of
// the domestic grants": the part among the whole ("service inventions
// among domestic grants"); without a whole, the figure before is it.
func accountedForMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	part := accountedFor(toks, f.lo)
	if len(part) == 0 || f.kind == "percent" {
		return ""
	}
	var whole []string
	if f.hi+1 < len(toks) && strings.EqualFold(toks[f.hi].Text, "of") {
		k := f.hi + 1
		for k < len(toks) && (strings.EqualFold(toks[k].Text, "the") || strings.EqualFold(toks[k].Text, "all")) {
			k++
		}
		for ; k < len(toks) && len(whole) < 6 && isNounish(toks[k]); k++ {
			whole = append(whole, toks[k].Text)
		}
	}
	if contentWords(whole) == 0 {
		if a := c.antecedent(); a != "" {
			whole = strings.Fields(a)
		}
	}
	if len(whole) == 0 {
		return ""
	}
	return tidy(append(append(part, "among"), whole...))
}
