package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// figCtx is what a metric strategy sees of a figure.
type figCtx struct {
	x          *extraction
	s          *Sentence
	f          figure
	lastMetric string     // the metric of the figure before in the paragraph
	prior      []priorFig // the figures of the sentence before f, with their metrics
	rest       []figure   // the figures of the sentence from f on
	before     *Sentence  // the sentence before, when in the same paragraph
	near       string     // the metric the figure may qualify: the sentence's own figure first
	si         int        // the sentence's index in the document
	period     string     // a period the layout gives (a table column headed by a year), or ""
}

// metricStrategy names what a figure measures in one way, or gives "".
type metricStrategy struct {
	id   string
	find func(c *figCtx) string
}

// metricStrategies are tried in this order; the first that gives a metric
// wins, and its id is the statistic's MetricRule. The order is that of the
// quantity extractors in the literature (a list head or bracket first,
// then "N percent of X", quantifier patterns, the subject of the verb, the
// noun the number modifies), with what they lack — antecedents, lists and
// conversions — placed before the general rules they would otherwise lose
// to.
var metricStrategies = []metricStrategy{
	{"table_cell", tableMetric},
	{"change_range", changeRangeMetric},
	{"range_bound", rangeBoundMetric},
	{"label", labelMetric},
	{"superlative", superlativeMetric},
	{"list_item", listMetricStrategy},
	{"conversion", conversionMetric},
	{"respectively", func(c *figCtx) string { return respectivelyMetric(c.s.Tokens, c.f, c.prior, c.rest) }},
	{"of_which", func(c *figCtx) string { return tidy(ofWhichMetric(c.s.Tokens, c.f, c.prior)) }},
	{"referent", referentMetric},
	{"compared", comparedMetric},
	{"elided_object", elidedObjectMetric},
	{"accounted_for", accountedForMetric},
	{"apposition", appositionMetric},
	{"difference", func(c *figCtx) string {
		near := c.near
		if c.f.unit == "percentage points" && len(c.prior) > 0 && c.prior[len(c.prior)-1].f.kind == "percent" {
			near = c.prior[len(c.prior)-1].metric // a change of a share is of the share
		}
		return tidy(differenceMetric(c.s.Tokens, c.f, near))
	}},
	{"comparative", comparativeMetric},
	{"share_of", func(c *figCtx) string { return tidy(shareOfMetric(c.s.Tokens, c.f, c.near)) }},
	{"ellipsis_for", func(c *figCtx) string { return ellipsisMetric(c.s.Tokens, c.f, c.prior) }},
	{"value_totaling", func(c *figCtx) string {
		if c.f.kind == "currency" && totalingAfter(c.s.Tokens, c.f.lo) && c.near != "" {
			return "value of " + c.near // "408 Chinese brands, totaling $1.6 trillion"
		}
		return ""
	}},
	{"duration", func(c *figCtx) string { return tidy(durationMetric(c.s.Tokens, c.f)) }},
	{"of_count", func(c *figCtx) string { return tidy(ofCountMetric(c.s.Tokens, c.f)) }},
	{"value_of", valueOfMetric},

	{"amount_in", amountInMetric},
	{"container", containerMetric},
	{"amount_involved", amountInvolvedMetric},
	{"gapped_growth", gappedGrowthMetric},
	{"figures_respectively", figuresRespectivelyMetric},
	{"possession", possessionMetric},
	{"phrase", func(c *figCtx) string { return c.phraseMetric() }},
	{"measure_of", measureOfMetric},
	{"passive_subject", passiveSubjectMetric},
	{"far_subject", farSubjectMetric},
	{"verb_subject", verbSubjectMetric},
}

// MetricRules returns the ids of the metric strategies, in the order they
// are tried.
func MetricRules() []string {
	ids := make([]string, len(metricStrategies))
	for i, st := range metricStrategies {
		ids[i] = st.id
	}
	return ids
}

// metric returns the figure's metric and the id of the strategy that gave
// it, or "" when none does: a figure without a metric is not a statistic.
func (c *figCtx) metric() (string, string) {
	c.near = c.lastMetric
	for k := len(c.prior) - 1; k >= 0; k-- {
		if c.prior[k].f.unit != "rank" {
			c.near = stripGrowth(c.prior[k].metric)
			break
		}
	}
	for _, st := range metricStrategies {
		if m := trimMetric(st.find(c)); m != "" && validMetric(c, m) {
			m = c.withContext(m, st.id)
			if rate := rateAfter(c.s.Tokens, c.f.hi+1); c.f.kind == "count" && rate != nil && !strings.Contains(m, " per ") {
				m = tidy(append(strings.Fields(m), rate...)) // "marks for every 10,000 market entities"
			}
			return m, st.id
		}
	}
	return "", ""
}

// phraseMetric is the general rule: the noun phrase after the number or
// the subject phrase before it (baseMetric), with the ranking, place and
// frame the sentence gives.
func (c *figCtx) phraseMetric() string {
	toks, f := c.s.Tokens, c.f
	m := c.x.baseMetric(c.s, f, c.lastMetric, c.near, c.prior)
	if m == "" {
		return ""
	}
	if f.unit == "rank" || f.unit == "places" || f.unit == "place" || headIsSlot(toks, f) {
		if idx := indexName(toks); idx != "" && !strings.Contains(strings.ToLower(m), strings.ToLower(idx)) {
			m += " in " + idx
		}
	}
	if f.kind == "count" {
		if ctx := relativeAntecedent(toks, f); len(ctx) > 1 && !strings.Contains(strings.ToLower(m), strings.ToLower(tidy(ctx[1:]))) {
			m = tidy(append(strings.Fields(m), ctx...))
		}
	}
	if fr := frameContext(toks, f); len(fr) > 0 && !strings.Contains(strings.ToLower(m), strings.ToLower(tidy(fr[1:]))) {
		m = tidy(append(strings.Fields(m), fr...))
	}
	return m
}

// conversionMetric gives a currency figure that converts the one before
// it ("3.753 billion yuan ($577 million)", "100,000 yuan (about 15,700
// U.S. dollars)", "RMB 3 million (roughly USD 425,000)") that figure's
// metric, marked as the equivalent in its own unit.
func conversionMetric(c *figCtx) string {
	if c.f.kind != "currency" || len(c.prior) == 0 {
		return ""
	}
	p := c.prior[len(c.prior)-1]
	if p.f.kind != "currency" || p.f.unit == c.f.unit {
		return ""
	}
	toks := c.s.Tokens
	k := c.f.lo - 1
	for k >= p.f.hi && (approxWords[toks[k].Folded()] || conversionWords[toks[k].Folded()]) {
		k--
	}
	if k != p.f.hi-1 && !(k == p.f.hi && (toks[k].Text == "(" || toks[k].Text == ",")) {
		return ""
	}
	return stripGrowth(p.metric) + " (" + c.f.unit + " equivalent)"
}

// conversionWords may stand between a figure and its conversion.
var conversionWords = toSet(`or equivalent equivalently to equal roughly about some approximately around nearly over`)

// maskTimes returns a copy of s whose time phrases that open a clause ("In
// the first quarter of 2019 the CNIPA accepted …", "In January-August
// alone the total was …") read as commas: the metric strategies, which stop
// at punctuation, then never take them into a subject phrase. Phrases
// inside a clause, comparison bases and ignored phrases ("year on year")
// stay, for the strategies that read them.
func maskTimes(s *Sentence, figs []figure) *Sentence {
	m := *s
	if s.Time == nil || len(s.Time.Exprs) == 0 {
		return &m
	}
	var toks []text.Token
	for _, e := range s.Time.Exprs {
		if e.Role != timex.Point && e.Role != timex.Anchor || e.Rule == "year_name" {
			continue // a year that names an edition is part of a name: "Global Innovation Index 2021"
		}
		holds := false
		for _, f := range figs {
			if s.Tokens[f.lo].Lo >= e.Lo && s.Tokens[f.hi-1].Hi <= e.Hi {
				holds = true // "since 2017, … had seized 3.55 million items … by March 2020"
			}
		}
		if holds || !opensClause(s.Tokens, e.Lo, e.Hi) {
			continue
		}
		for k, t := range s.Tokens {
			if t.Lo >= e.Lo && t.Hi <= e.Hi {
				if toks == nil {
					toks = append([]text.Token(nil), s.Tokens...)
				}
				toks[k] = text.Token{Text: ",", Lo: t.Lo, Hi: t.Hi, Kind: text.Punct, Fold: ","}
			}
		}
	}
	if toks != nil {
		m.Tokens = toks
	}
	return &m
}

// opensClause reports whether the time phrase at runes [lo, hi) starts its
// sentence or follows punctuation, and is not a possessive ("last year's
// campaign").
func opensClause(toks []text.Token, lo, hi int) bool {
	for k, t := range toks {
		if t.Lo < lo {
			continue
		}
		if t.Lo != lo {
			return false
		}
		if k > 0 && toks[k-1].Kind != text.Punct {
			return false
		}
		for j := k; j < len(toks) && toks[j].Lo < hi; j++ {
			if j+1 < len(toks) && toks[j].Hi == hi && text.IsPossessive(toks[j+1]) {
				return false
			}
		}
		return true
	}
	return false
}

// rateAfter reads a rate's base at k: "per 10,000 people", "for every
// 10,000 market entities" give "per 10,000 …"; anything else gives nil.
func rateAfter(toks []text.Token, k int) []string {
	if k+2 >= len(toks) || !(strings.EqualFold(toks[k].Text, "per") || strings.EqualFold(toks[k].Text, "for") && strings.EqualFold(toks[k+1].Text, "every")) {
		return nil
	}
	j := k + 1
	if strings.EqualFold(toks[k].Text, "for") {
		j++
	}
	if j+1 >= len(toks) || toks[j].Kind != text.Num {
		return nil
	}
	end := j + 1
	for end < len(toks) && end < j+4 && isNounish(toks[end]) && toks[end].Kind == text.Word {
		end++
	}
	return append([]string{"per"}, phraseTexts(toks[j:end])...)
}

// unitFor gives a figure its unit: the unit found with it ("yuan",
// "percent", "rank"); for a count, a ratio's "per 10,000 people" or, as
// the gold convention has it, the plural noun it counts ("cases",
// "patents", "registrations").
func unitFor(f figure, metric string, toks []text.Token) string {
	if f.unit != "" || f.kind != "count" {
		return f.unit
	}
	if f.hi < len(toks) {
		if w := toks[f.hi]; w.Kind == text.Word && isNounish(w) && !text.IsCap(w) && len(w.Text) > 3 && strings.HasSuffix(w.Text, "s") && !strings.HasSuffix(w.Text, "ss") {
			// "5.007 million registrations", "1,004,676 pieces", "1,724 marks for every 10,000 market entities"
			if rate := rateAfter(toks, f.hi+1); rate != nil {
				return tidy(append([]string{w.Text}, rate...))
			}
			return w.Text
		}
	}
	if i := strings.Index(metric, " per "); i >= 0 {
		head := lastWord(nounPart(metric[:i]))
		return strings.TrimSpace(head + metric[i:])
	}
	if f.hi+2 < len(toks) && strings.EqualFold(toks[f.hi].Text, "per") && toks[f.hi+1].Kind == text.Num {
		return "per " + toks[f.hi+1].Text + " " + toks[f.hi+2].Text
	}
	head := lastWord(headPart(nounPart(stripGrowth(metric))))
	if len(head) > 3 && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && head == strings.ToLower(head) {
		return head
	}
	return ""
}

// lastWord returns the last word of a phrase before a bracket.
func lastWord(p string) string {
	if i := strings.Index(p, " ("); i >= 0 {
		p = p[:i]
	}
	f := strings.Fields(p)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// headPart cuts a noun phrase at its first preposition: "copyright
// registrations across the nation" → "copyright registrations".
func headPart(np string) string {
	ws := strings.Fields(np)
	for i, w := range ws {
		if i > 0 && tailPreps[strings.ToLower(w)] {
			return strings.Join(ws[:i], " ")
		}
	}
	return np
}

// rangeBoundMetric names the upper end of a range that qualifies a noun
// before "of": "punitive damages of one to five times for malicious
// misappropriation" gives 5 the metric "maximum punitive damages for
// malicious misappropriation".
func rangeBoundMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	lo := f.lo - 2
	if lo < 1 || !strings.EqualFold(toks[f.lo-1].Text, "to") || !numberWord(toks[lo]) {
		return ""
	}
	if strings.EqualFold(toks[lo-1].Text, "from") || strings.EqualFold(toks[lo-1].Text, "between") {
		lo-- // "of from one to five times"
	}
	if lo < 1 || !strings.EqualFold(toks[lo-1].Text, "of") {
		return ""
	}
	var head []string
	for k := lo - 2; k >= 0 && len(head) < 5 && isNounish(toks[k]) && !verbForms[toks[k].Folded()] && !leftCut[toks[k].Folded()]; k-- {
		head = append([]string{toks[k].Text}, head...)
	}
	if contentWords(head) == 0 {
		return ""
	}
	out := append([]string{"maximum"}, head...)
	if k := f.hi; k+1 < len(toks) && strings.EqualFold(toks[k].Text, "for") {
		out = append(out, "for")
		for k++; k < len(toks) && k <= f.hi+4 && toks[k].Kind == text.Word && !tailPreps[toks[k].Folded()]; k++ {
			out = append(out, toks[k].Text) // "for intentional infringement"
		}
	}
	return tidy(out)
}

// numberWord reports whether t is a number, written in figures or words.
func numberWord(t text.Token) bool {
	if t.Kind == text.Num {
		return true
	}
	_, ok := spelledNumbers[t.Folded()]
	return ok || t.Folded() == "one"
}

// containerMetric handles "663 products in 47 series": the second figure
// counts what holds the first, "series of products involved".
func containerMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "count" || f.lo < 3 || len(c.prior) == 0 || !strings.EqualFold(toks[f.lo-1].Text, "in") {
		return ""
	}
	p := c.prior[len(c.prior)-1]
	gap := f.lo - 1 - p.f.hi
	if p.f.kind != "count" || gap < 1 || gap > 3 || p.metric == "" {
		return ""
	}
	for _, t := range toks[p.f.hi : f.lo-1] {
		if !isNounish(t) || text.IsCap(t) {
			return ""
		}
	}
	np, tail := nounAfter(toks, f.hi)
	if len(np) == 0 || len(np) > 2 || len(tail) > 0 || text.IsCap(toks[f.hi]) {
		return ""
	}
	if k := f.hi + len(np); k < len(toks) && toks[k].Kind == text.Word && !strings.EqualFold(toks[k].Text, "and") {
		return "" // "… in 42,000 batches came through the post": a clause goes on
	}
	return tidy(append(append(np, "of"), strings.Fields(stripGrowth(p.metric))...))
}
