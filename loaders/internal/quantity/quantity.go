package quantity

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// Words that end a noun phrase after a number.
var npStop = toSet(`in on at for from with by to per under over into across through as than compared and or but which that who whom whose where when while
was were is are be been being has have had will would shall should can could may might must do does did
reached reach reaching stood stand stands hit totaled totalled totaling totalling amounted amounting increased increasing rose rising grew growing
fell falling dropped decreased declined exceeded exceeding surpassed accounted accounting climbed jumped doubled tripled up down
respectively year-on-year compared including included among about around nearly approximately over more less than
last this next previous following same each every such these those it its we our they their he she his her whose which also`)

// timeWords end a qualifier: time is the period's business, not the metric's.
var timeWords = toSet(`last this next year years month months january february march april may june july august september october november december
respectively year-on-year compared ranking accounting representing`)

// weakWords carry no meaning of their own in a subject phrase.
var weakWords = toSet(`figure figures representing showing indicating marking a an year-on-year annual average overall total further respectively which it that this
growth increase decrease rise jump decline drop alone only itself themselves`)

// Words that end the subject phrase before a number (the verb or the
// preposition that leads to the figure).
var leftCut = toSet(`reached reach reaches reaching stood stand stands standing hit hits totaled totalled totaling totalling amounted amounting amounts
increased increasing increase increases rose rising rise rises grew growing grow grows fell falling dropped decreased declined exceeded exceeding exceeds surpassed surpassing
accounted accounting accounts climbed jumped doubled tripled was were is are has have had will would remained remains kept keeps
saw hitting approached maintained achieved attained topped up down represents representing registering showing marking indicating
should could can may might must shall`)

// Leading words dropped from a subject phrase.
var leftLead = toSet(`and with while which as the a an its their this that these those of in also meanwhile respectively among including where whereas thus so then
there here total further besides additionally moreover furthermore we our it they he she i us`)

// reportingVerbs introduce reported speech.
var reportingVerbs = toSet(`said says noted notes stated states added adds announced announces reported reports explained explains stressed stresses
revealed reveals disclosed discloses showed shows indicated indicates estimated estimates`)

// growthWords before a percentage make it a growth rate.
var growthWords = toSet(`up increase increased increases increasing growth grew grow grows rose rise rising down decrease decreased decline declined fell drop dropped jump jumped
climbed climb climbs surged soared expanded edged slid plunged dipped slipped shrank contracted fallen risen`)

// fallWords make a change a decrease.
var fallWords = toSet(`down decrease decreased decreases decline declined declines fell fall falls drop dropped drops slid plunged dipped slipped shrank contracted fallen fewer lower less`)

// figure is a number found in a sentence.
type figure struct {
	lo, hi int // token span, scale and unit words included
	value  float64
	unit   string
	kind   string // "percent", "currency", "measure", "count"
}

// Extract finds the statistics of a document: every figure of every
// sentence that has a metric, with its unit, period and subject. It
// returns early, with ctx.Err(), when ctx is cancelled.
func Extract(ctx context.Context, doc *Doc) ([]Statistic, error) {
	x := &extraction{doc: doc}
	var out []Statistic
	lastMetric := ""  // the metric of the previous figure, for "the figure", "up 5%"
	var para []string // the metrics of the paragraph so far, for "the funds"
	for si := range doc.Sentences {
		if si%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s := &doc.Sentences[si]
		figs := x.figures(s)
		var before *Sentence // the sentence before in the same paragraph, for "The center has …"
		if si > 0 {
			if s.Break >= text.Line {
				lastMetric = "" // what "the figure" or "this" refers to stays in its paragraph
				para = nil
			} else {
				before = &doc.Sentences[si-1]
			}
		}
		var prior []priorFig // the figures of this sentence so far, with their metrics
		var masked *Sentence // s with its time phrases blanked, for the metric strategies
		var these []string   // the count and currency metrics of this sentence
		national, nationalDone := false, false
		for fi, f := range figs {
			if len(prior) > 0 && insideNP(s.Tokens, prior[len(prior)-1].f, f) {
				continue // "408 of the world's 5,000 leading brands": part of the noun phrase
			}
			if masked == nil {
				masked = maskTimes(s, figs)
			}
			c := &figCtx{x: x, s: masked, si: si, f: f, lastMetric: lastMetric, prior: prior, rest: figs[fi:], before: before}
			metric, metricRule := c.metric()
			if metric == "" {
				continue
			}
			metric = definiteAntecedent(s.Tokens, metric, para)
			if f.hi+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[f.hi].Text, "such") {
				metric = suchAntecedent(s, before, f.hi+1, metric)
			}
			para = append(para, metric)
			prior = append(prior, priorFig{f, metric})
			if f.kind == "count" || f.kind == "currency" {
				these = append(these, metric)
			}
			if f.kind != "measure" {
				lastMetric = stripGrowth(metric)
			}
			if !nationalDone {
				national, nationalDone = x.nationalCue(s), true
			}
			st := Statistic{
				Metric:     metric,
				Value:      c.f.value,
				Unit:       unitFor(c.f, metric, s.Tokens),
				Kind:       c.f.kind,
				Subject:    x.subjectOf(s, before, f, national || perCapita(metric)),
				Sentence:   si,
				MetricRule: metricRule,
				Rule:       "figure with " + f.kind + " unit; metric: " + metricRule,
			}
			st.Period, st.PeriodRule = doc.DefaultPeriod, "document default"
			if c.period != "" {
				st.Period, st.PeriodRule = c.period, "table column"
			} else if s.Time != nil {
				c := timex.Choose(s.Time, s.Tokens[f.lo].Lo, s.Tokens[f.hi-1].Hi)
				if c.Period != "" {
					st.Period, st.PeriodRule, st.PeriodRuleID = c.Period, c.Rule, c.Rule
					if c.Text != "" {
						st.PeriodRule += " (" + c.Text + ")"
					}
				}
			}
			if st.PeriodRuleID == "" {
				st.PeriodRuleID = st.PeriodRule
			}
			out = append(out, st)
		}
		if len(these) > 0 {
			x.lastFigures = these
		}
	}
	return out, nil
}

// listItemRe matches the marker of a numbered or bulleted item: "3. ",
// "(2) ", "II. ", "• ".
var listItemRe = regexp.MustCompile(`^(?:\(?\d{1,2}[.)）]|（\d{1,2}）|[IVX]{1,4}\.|[•·▪])(?:\s|$)`)

func metricSide(s *Sentence, f figure, metric string) string {
	if f.hi < len(s.Tokens) && strings.Contains(metric, s.Tokens[min(f.hi, len(s.Tokens)-1)].Text) {
		return "noun phrase after the number"
	}
	return "subject phrase before the number"
}

// subjectOf returns the entity a figure is about, by the first of these
// that the figure's clause (the sentence between semicolons) gives:
//   - a body, region or program right before the figure in "X (N)", "X
//     with N": "followed by Acme with 2,220";
//   - the nearest possessor before the figure: "Guangdong's", "the
//     academy’ holdings";
//   - the nearest body, region or program that is the subject of a verb
//     before the figure: "Acme filed 2,398 applications";
//   - a region the clause places the figure in: "in Guangdong", "across
//     Europe";
//   - the country of the gazetteer when the sentence names it or says
//     nationwide, national, domestic, Chinese or the country (national is
//     the flag the caller computed once per sentence), when the document
//     names that country (a subject is an entity of the document);
//
// else none.
func (x *extraction) subjectOf(s, before *Sentence, f figure, national bool) string {
	toks := s.Tokens
	lo, hi := 0, len(toks)
	for k := f.lo - 1; k >= 0; k-- {
		if toks[k].Text == ";" {
			lo = k + 1
			break
		}
	}
	for k := f.hi; k < len(toks); k++ {
		if toks[k].Text == ";" {
			hi = k
			break
		}
	}
	var possessor, agent, place *Mention
	for _, m := range s.Mentions {
		if m.Lo < lo {
			continue
		}
		if m.Lo >= hi {
			break
		}
		typ := m.Type
		if typ != Region && typ != Agency && typ != Organization && typ != Program {
			continue
		}
		if m.Hi <= f.lo {
			if adjacentFigure(toks, m.Hi, f.lo) {
				return m.Entity
			}
			if m.Hi < len(toks) && (text.IsPossessive(toks[m.Hi]) || toks[m.Hi].Text == "’" && m.Hi+1 < f.lo && toks[m.Hi+1].Kind == text.Word) {
				possessor = m
				continue
			}
			if typ != Region && agentOf(toks, m.Hi, f.lo) || typ == Region && agentOf(toks, m.Hi, f.lo) && (m.Lo == lo || toks[m.Lo-1].Text == ",") {
				agent = m
				continue
			}
		}
		if typ == Region && !m.Part && m.Lo > 0 && placePrep(toks[m.Lo-1].Text) && (m.Hi <= f.lo || m.Lo-f.hi <= 8) && place == nil {
			place = m
		}
	}
	switch {
	case possessor != nil:
		return possessor.Entity
	case agent != nil:
		return agent.Entity
	case place != nil:
		return place.Entity
	}
	if m := x.definiteBody(s, before, lo, f.lo); m != nil {
		return m.Entity
	}
	if national {
		return x.doc.Country
	}
	return ""
}

// definiteBody resolves a definite description that opens the figure's
// clause and is the subject of its verb ("The center has retained 115
// inspectors", "The office approved 35") to the last body named in the
// sentence before (same paragraph) whose name ends in that noun: "…, the
// Beijing IP Protection Complaints and Service Center. The center has …".
// The noun must be a lower-case head of a body's name right after "the"
// and right before the verb: a plural or a noun with modifiers ("the
// service center of Shenzhen") is not resolved.
func (x *extraction) definiteBody(s, before *Sentence, lo, figLo int) *Mention {
	toks := s.Tokens
	if before == nil || lo+2 >= figLo || !strings.EqualFold(toks[lo].Text, "the") {
		return nil
	}
	head := toks[lo+1]
	if head.Kind != text.Word || text.IsCap(head) || !bodyHeads[head.Text] {
		return nil
	}
	// The clause's first figure follows the body's verb; the figures after
	// it, in its relative clauses ("115 inspectors who have provided 1,524
	// leads, of which 79 …"), are the same body's.
	first := lo + 2
	for first < figLo && toks[first].Kind != text.Num {
		first++
	}
	if !agentOf(toks, lo+2, first) {
		return nil
	}
	for k := len(before.Mentions) - 1; k >= 0; k-- {
		m := before.Mentions[k]
		if m.Part || !(m.Type == Agency || m.Type == Organization) {
			continue
		}
		if last := before.Tokens[m.Hi-1]; strings.EqualFold(last.Text, head.Text) {
			return m
		}
	}
	return nil
}

// bodyHeads are the nouns that end the names of bodies and that a text
// uses alone, with "the", for a body it has just named.
var bodyHeads = toSet(`center centre office bureau administration commission ministry court association institute academy university company group corporation committee council agency department`)

// suchAntecedent replaces the noun of "N such <noun>" in metric with the
// phrase that named it earlier in the sentence or in the sentence before
// (same paragraph): "published lists of such works. … 38 such lists have
// been published" counts the lists of the works named before. A "such" in
// the antecedent ("lists of such works") is resolved once more, within its
// own sentence. The metric is kept when nothing names the noun.
func suchAntecedent(s, before *Sentence, k int, metric string) string {
	w := s.Tokens[k].Text
	mw := strings.Fields(metric)
	idx := slices.Index(mw, w)
	if idx < 0 {
		return metric
	}
	ante := namedBefore(s.Tokens, k-1, w, 1)
	if ante == nil && before != nil {
		ante = namedBefore(before.Tokens, len(before.Tokens), w, 1)
	}
	if len(ante) == 0 {
		return metric
	}
	return tidy(append(append(append([]string{}, mw[:idx]...), ante...), mw[idx+1:]...))
}

// namedBefore returns the last noun phrase before token end whose head is
// w and that "such" does not introduce: its modifiers, the noun and an "of"
// complement ("lists of key films and television works"), or nil.
func namedBefore(toks []text.Token, end int, w string, depth int) []string {
	for j := end - 1; j > 0; j-- {
		if toks[j].Text != w || strings.EqualFold(toks[j-1].Text, "such") {
			continue
		}
		phrase := append(phraseBefore(toks, j, 5), w)
		for len(phrase) > 1 && text.FunctionWord(strings.ToLower(phrase[0])) {
			phrase = phrase[1:] // "(efforts) for key films": the phrase starts after the preposition
		}
		if j+2 < len(toks) && strings.EqualFold(toks[j+1].Text, "of") {
			comp := j + 2
			if strings.EqualFold(toks[comp].Text, "such") && comp+1 < len(toks) && depth > 0 {
				if inner := namedBefore(toks, j, toks[comp+1].Text, depth-1); inner != nil {
					return append(append(phrase, "of"), inner...)
				}
			}
			if np, _ := nounAfter(toks, comp); len(np) > 0 && !strings.EqualFold(np[0], "such") {
				return append(append(phrase, "of"), np...)
			}
		}
		return phrase
	}
	return nil
}

// perCapita reports whether a metric is counted per head of population
// ("invention patents per 10,000 people", "GDP per capita"): with no body
// or place named, such a ratio is the country's.
func perCapita(metric string) bool {
	i := strings.LastIndex(metric, "per ")
	if i < 0 || i > 0 && metric[i-1] != ' ' {
		return false
	}
	rest := strings.Fields(metric[i+4:])
	switch {
	case len(rest) == 1:
		return rest[0] == "capita"
	case len(rest) == 2:
		if _, ok := parseNumber(rest[0]); !ok {
			return false
		}
		switch rest[1] {
		case "people", "persons", "inhabitants", "residents", "population":
			return true
		}
	}
	return false
}

// placePrep reports whether w places what follows: "in", "across",
// "throughout".
func placePrep(w string) bool { return w == "in" || w == "across" || w == "throughout" }

// adjacentFigure reports whether only "(", "with" and an approximation
// word lie between token a (just after a name) and the figure at b: "Acme
// (3,293)", "Acme with about 2,220".
func adjacentFigure(toks []text.Token, a, b int) bool {
	if a >= b || b-a > 3 {
		return false
	}
	for k := a; k < b; k++ {
		switch toks[k].Text {
		case "(", "with", "about", "nearly", "around", "approximately", "over":
		default:
			return false
		}
	}
	return toks[a].Text == "(" || toks[a].Text == "with"
}

// agentVerbs are irregular past forms that make a name the doer of a
// figure: "Acme won 12 awards".
var agentVerbs = toSet(`won held saw made set got gave sold took hit became`)

// agentOf reports whether the name ending before token a is the subject of
// a verb in the past (after an optional auxiliary or adverb) and the figure
// at b follows in the same clause: "Acme has filed 2,398", "the Office
// newly approved 35". A reporting verb ("said") does not count.
func agentOf(toks []text.Token, a, b int) bool {
	k := a
	for k < b && k-a < 3 {
		w := toks[k].Folded()
		if w == "has" || w == "have" || w == "had" || w == "also" || w == "further" || w == "newly" || (strings.HasSuffix(w, "ly") && len(w) > 4) {
			k++
			continue
		}
		break
	}
	if k >= b || toks[k].Kind != text.Word {
		return false
	}
	w := toks[k].Folded()
	if reportingVerbs[w] || !(strings.HasSuffix(w, "ed") || agentVerbs[w]) {
		return false
	}
	for j := k + 1; j < b; j++ {
		if toks[j].Text == "," || toks[j].Text == ":" || toks[j].Text == "which" || toks[j].Text == "who" {
			return false // the figure is in another clause
		}
	}
	return true
}

// nationalCue reports whether a sentence speaks of the whole country: it
// names the gazetteer's country, or says nationwide, national, domestic,
// Chinese, countrywide or "the country".
func (x *extraction) nationalCue(s *Sentence) bool {
	for k, t := range s.Tokens {
		if t.Kind != text.Word {
			continue
		}
		switch t.Folded() {
		case "nationwide", "national", "domestic", "chinese", "countrywide", "national-level":
			return true
		case "country":
			if k > 0 && s.Tokens[k-1].Text == "the" {
				return true
			}
		}
	}
	for _, m := range s.Mentions {
		if m.Country && !m.Part {
			return true
		}
	}
	return false
}

// parseNumber parses "4.425", "10,000" or "45".
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// figures finds the numbers of a sentence that can be statistics, skipping
// years, dates, list numbers, document numbers, times and ranges.
func (x *extraction) figures(s *Sentence) []figure {
	toks := s.Tokens
	var out []figure
	quoted := quotedTokens(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if f, ok := rankFigure(toks, i); ok {
			out = append(out, f)
			continue
		}
		if quoted[i] {
			continue // part of a quoted name: "100 Events with 10,000 Enterprises"
		}
		if n, ok := spelledNumbers[t.Text]; ok && i+1 < len(toks) && (!anaphoric(toks, i) || enumerated(s, i+1, n)) && !listIntro(toks, i+1) {
			// "four months", "six products were recognized"; not "two of them".
			next := toks[i+1]
			lw := strings.ToLower(next.Text)
			if next.Kind == text.Word && !text.IsCap(next) && (units.measureOf[lw] || isNounish(next)) && !timeWords[lw] && lw != "sessions" && lw != "aspects" {
				f := figure{lo: i, hi: i + 1, value: float64(n), kind: "count"}
				if units.measureOf[lw] {
					f.unit, f.kind, f.hi = lw, "measure", i+2
				}
				out = append(out, f)
				i = f.hi - 1
			}
			continue
		}
		if t.Kind != text.Num {
			continue
		}
		v, ok := parseNumber(t.Text)
		if !ok || anaphoric(toks, i) && !(v == math.Trunc(v) && v < 50 && enumerated(s, i+1, int(v))) {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1].Text
		}
		if i+1 < len(toks) {
			next = toks[i+1].Text
		}
		if prev == "." && i > 1 {
			prev = toks[i-2].Text // "No. 20"
		}
		pl := strings.ToLower(strings.TrimSuffix(prev, "."))
		// Dates and times: "July 29", "29 July", "Nov. 30", "10 a.m.".
		if text.Month(pl) > 0 || (i > 1 && toks[i-1].Text == "." && text.Month(toks[i-2].Folded()) > 0) || text.Month(strings.ToLower(next)) > 0 {
			continue
		}
		if next == "a.m." || next == "p.m." || next == "a" || next == "p" || next == ":" && i+2 < len(toks) && toks[i+2].Kind == text.Num ||
			prev == ":" && i >= 2 && toks[i-2].Kind == text.Num && toks[i-1].Lo == toks[i-2].Hi {
			continue // "at 9:30", "14:00"
		}
		if identifierPart(toks, i) {
			continue
		}
		// Document and list numbers: "No. 20", "[2015]", "(1)", "Article 5".
		if referenceWords[pl] {
			continue
		}
		if (prev == "(" || prev == "[" || prev == "（") && (next == ")" || next == "]" || next == "）") && !(prev == "(" && i > 1 && toks[i-2].Kind == text.Word && (strings.ContainsAny(t.Text, ",.") || v >= 20 && !(len(t.Text) == 4 && v >= 1900 && v <= 2100))) {
			continue // "(3)", "[2015]"; not "Japan (22,000)", "patent cases (28,528)"
		}
		if i == 0 && (next == "." || next == ")" || next == "、") || i == 0 && sectionNumber(toks) {
			continue
		}
		// Ranges and compounds: "2021-2035", "5-year", "per 10,000 people".
		glued := func(a, b int) bool { return a >= 0 && b < len(toks) && toks[b].Lo-toks[a].Hi <= 1 } // not a table's "-" cell
		if (next == "-" || next == "–" || next == "/") && glued(i, i+1) || (prev == "-" || prev == "–" || prev == "/") && glued(i-1, i) {
			continue
		}
		if pl == "per" || pl == "every" || pl == "top" {
			continue
		}
		isYear := !strings.ContainsAny(t.Text, ",.") && len(t.Text) == 4 && v >= 1900 && v <= 2100
		f := figure{lo: i, hi: i + 1, value: v, kind: "count"}
		// Currency before the number: "RMB 1.2 billion", "$3 million".
		if u, ok := units.before[pl]; ok {
			f.unit, f.kind = u, "currency"
			f.lo = i - 1
		}
		k := i + 1
		han := "" // what follows a glued Han scale in its token: "元" of "万元"
		// Scale words: "million", "hundred million", "万", "亿".
		for k < len(toks) {
			w := toks[k].Folded()
			if w == "hundred" && k+1 < len(toks) && toks[k+1].Folded() == "million" {
				f.value *= 1e8
				k += 2
				continue
			}
			if sc, ok := units.scale[w]; ok {
				f.value *= sc
				k++
				continue
			}
			if toks[k].Kind == text.CJK && toks[k].Lo == toks[k-1].Hi {
				if sc, ok := units.glued[firstRune(toks[k].Text)]; ok {
					f.value *= sc
					han = strings.TrimLeft(toks[k].Text, string(firstRune(toks[k].Text)))
				}
			}
			break
		}
		if math.IsInf(f.value, 0) {
			continue // "9 trillion trillion …": past float64, not a figure (JSON has no Inf)
		}
		if isYear && k == i+1 && f.kind == "count" && !(k < len(toks) && (toks[k].Text == "%" || strings.EqualFold(toks[k].Text, "percent"))) {
			continue
		}
		// Percent and percentage points.
		if k < len(toks) {
			w := toks[k].Folded()
			switch {
			case toks[k].Text == "%" || toks[k].Text == "％":
				f.unit, f.kind = "percent", "percent"
				k++
			case w == "percent" || (w == "per" && k+1 < len(toks) && toks[k+1].Folded() == "cent"):
				f.unit, f.kind = "percent", "percent"
				if w == "per" {
					k++
				}
				k++
			case w == "percentage" && k+1 < len(toks) && strings.HasPrefix(toks[k+1].Folded(), "point"):
				f.unit, f.kind = "percentage points", "percent"
				k += 2
			}
		}
		// Currency after the number: "15.3 trillion yuan", "15,700 U.S. dollars".
		if f.kind == "count" && k < len(toks) {
			w := toks[k].Folded()
			if units.country[w] {
				if k+1 < len(toks) {
					if u, ok := units.after[toks[k+1].Folded()]; ok {
						f.unit, f.kind = u, "currency"
						k += 2
					}
				}
			} else if u, ok := units.after[w]; ok {
				f.unit, f.kind = u, "currency"
				k++
			} else if u, ok := units.afterHan[firstRune(toks[k].Text)]; ok && toks[k].Kind == text.CJK {
				f.unit, f.kind = u, "currency"
				k++
			} else if u, ok := units.afterHan[firstRune(han)]; ok {
				f.unit, f.kind = u, "currency"
			}
		}
		if f.kind == "count" && k < len(toks) && units.measureOf[toks[k].Folded()] {
			f.unit, f.kind = toks[k].Folded(), "measure"
			k++
		}
		f.hi = k
		out = append(out, f)
		i = k - 1
	}
	return out
}

// referenceWords name a numbered thing before its number: "Article 5",
// "No. 20", "Table 3", "Annex 1", "Question 3".
var referenceWords = toSet(`no nos article art articles arts chapter chapters section sections item items paragraph paragraphs phase level batch grade class version
	table tables figure fig figures rule rules annex annexes appendix question box part step chart exhibit schedule page pages clause clauses volume vol issue`)

// identifierPart reports whether the number at i is part of an identifier
// rather than a figure: glued to the word or number before it
// ("ZL201710123456.7"), a standard's number after an acronym ("ISO
// 56005"), or a version ("Web 3.0").
func identifierPart(toks []text.Token, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.Hi == toks[i].Lo && p.Text == "." && i >= 2 && toks[i-2].Hi == p.Lo && toks[i-2].Kind != text.Punct {
		return true
	}
	if p.Kind == text.Word && text.IsAllCaps(p.Text) && len(toks[i].Text) >= 4 && !strings.ContainsAny(toks[i].Text, ",.") && (i+1 >= len(toks) || toks[i+1].Kind != text.Word || text.IsCap(toks[i+1]) || toks[i+1].Text == "standard") {
		return true
	}
	return strings.HasSuffix(toks[i].Text, ".0") && text.IsCap(p) && !strings.HasSuffix(strings.ToLower(p.Text), "s")
}

// sectionNumber reports whether a sentence is a numbered heading: "3.2
// Border enforcement", a short line of capitalized words without a verb.
func sectionNumber(toks []text.Token) bool {
	if len(toks) < 2 || len(toks) > 10 || !strings.Contains(toks[0].Text, ".") || !text.IsCap(toks[1]) {
		return false
	}
	for _, t := range toks[1:] {
		if t.Kind == text.Num || t.Text == "." {
			return false
		}
	}
	return true
}

// anaphoric reports whether the number at i refers back to something
// already counted ("the 932 patents", "these two difficulties") or is part
// of a choice ("between two agencies", "one of the three").
func anaphoric(toks []text.Token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].Folded() {
	case "the":
		if i >= 2 {
			switch toks[i-2].Folded() {
			case "over", "than", "against", "versus":
				return false // "up 20.37% over the 4,186,549 recorded in 2019": a figure compared
			case "of":
				if i == 2 {
					return false // "Of the 1,948 civil appeals the court received, …": the whole
				}
			}
		}
		return true
	case "these", "those", "top", "between", "its", "their", "our":
		return true
	}
	return false
}

// enumerated reports whether the noun phrase from token k, counted by n
// after "the", is followed in its clause by a place ("in", "at") and a list
// of exactly n names: "together with the three specialized courts in
// Beijing, Shanghai and Guangzhou". Such a phrase introduces what it
// counts, so the number is a figure, not a reference back ("the three
// courts" alone is).
func enumerated(s *Sentence, k, n int) bool {
	toks := s.Tokens
	if n < 2 || n > 20 {
		return false
	}
	j := k
	for j < len(toks) && j-k < 8 && isNounish(toks[j]) && !placePrep(toks[j].Folded()) && toks[j].Folded() != "at" {
		j++
	}
	if j == k {
		return false
	}
	if j < len(toks) && toks[j].Text == "(" { // a gloss: "courts (知识产权法院)"
		for j < len(toks) && toks[j].Text != ")" && j-k < 16 {
			j++
		}
		j++
	}
	if j >= len(toks) || !(placePrep(toks[j].Folded()) || toks[j].Folded() == "at") {
		return false
	}
	j++
	count := 0
	for _, m := range s.Mentions {
		if m.Lo < j {
			continue
		}
		if m.Lo > j {
			break
		}
		count++
		j = m.Hi
		if j < len(toks) && toks[j].Text == "," {
			j++
		}
		if j < len(toks) && toks[j].Text == "and" {
			j++
		}
	}
	return count == n
}

// listIntro reports whether the noun phrase from k announces a list ("three
// major tasks: …").
func listIntro(toks []text.Token, k int) bool {
	for j := k; j < len(toks) && j < k+5; j++ {
		if toks[j].Text == ":" {
			return true
		}
		if toks[j].Kind != text.Word {
			return false
		}
	}
	return false
}

// quotedTokens reports insideQuotes for every token of a sentence, in two
// passes instead of one scan per token.
func quotedTokens(toks []text.Token) []bool {
	out := make([]bool, len(toks))
	hasQuote := false
	for _, t := range toks {
		if t.Text == "“" || t.Text == "”" || t.Text == "\"" {
			hasQuote = true
			break
		}
	}
	if !hasQuote {
		return out // nothing is quoted; a zero slice is cheap to scan
	}
	nextClose := -1
	closeAfter := make([]int, len(toks)) // first closing quote after i, or -1
	for k := len(toks) - 1; k >= 0; k-- {
		closeAfter[k] = nextClose
		if toks[k].Text == "”" || toks[k].Text == "\"" {
			nextClose = k
		}
	}
	open := false
	for i, t := range toks {
		if open {
			if k := closeAfter[i]; k >= 0 {
				out[i] = k-i < 12
			}
		}
		switch t.Text {
		case "“":
			open = true
		case "”":
			open = false
		case "\"":
			open = !open
		}
	}
	return out
}

// spelledNumbers are small numbers written as words ("one" is left out: it
// is mostly an article).
var spelledNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// rankFigure recognizes a rank: "ranking first in the world", "rose from
// 35th in 2013 to 12th", "14th place" — an ordinal after a ranking verb or
// before "place", never an ordinal naming something ("14th Five-Year Plan").
func rankFigure(toks []text.Token, i int) (figure, bool) {
	t := toks[i]
	v := 0
	if t.Kind == text.Alnum {
		rs := strings.TrimLeft(t.Text, "0123456789")
		if rs == "st" || rs == "nd" || rs == "rd" || rs == "th" {
			n, err := strconv.Atoi(strings.TrimSuffix(t.Text, rs))
			if err == nil {
				v = n
			}
		}
	} else if t.Kind == text.Word {
		v = ordinalWords[t.Folded()]
		if v > 0 && text.IsCap(t) {
			return figure{}, false
		}
	}
	if v <= 0 {
		return figure{}, false
	}
	if i+1 < len(toks) && (text.IsCap(toks[i+1]) || toks[i+1].Text == "-") {
		return figure{}, false
	}
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].Folded()
	}
	cue := next == "place" || next == "places"
	for k := i - 1; k >= 0 && i-k <= 6 && !cue; k-- {
		w := toks[k].Folded()
		if strings.HasPrefix(w, "rank") || w == "risen" || w == "rose" || w == "jumped" || w == "climbed" || w == "moved" {
			cue = true
		}
		if toks[k].Kind == text.Punct && toks[k].Text != "," {
			break
		}
	}
	if !cue || (t.Kind == text.Word && next != "in" && next != "place" && next != "among" && next != "," && next != "." && next != "globally" && next != "worldwide") {
		return figure{}, false
	}
	hi := i + 1
	if next == "place" || next == "places" {
		hi++
	}
	return figure{lo: i, hi: hi, value: float64(v), unit: "rank", kind: "measure"}, true
}

// isNounish reports whether a token can be part of a noun phrase naming
// what a figure counts.
func isNounish(t text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	w := strings.ToLower(t.Text)
	if npStop[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	return true
}

// seriesAhead reports whether the tokens from k continue a series of
// nouns that "and" or "or" closes before any other punctuation ("civil, and
// administrative cases").
func seriesAhead(toks []text.Token, k int) bool {
	if k < len(toks) && (strings.EqualFold(toks[k].Text, "and") || strings.EqualFold(toks[k].Text, "or")) {
		return k+1 < len(toks) && isNounish(toks[k+1])
	}
	for n := k; n < len(toks) && n < k+5; n++ {
		w := toks[n].Folded()
		if w == "," && n > k && n+2 < len(toks) && (strings.EqualFold(toks[n+1].Text, "and") || strings.EqualFold(toks[n+1].Text, "or")) {
			return isNounish(toks[n+2]) // "civil, and administrative cases"
		}
		if w == "and" || w == "or" {
			return n > k && n+1 < len(toks) && isNounish(toks[n+1])
		}
		if !isNounish(toks[n]) || strings.HasSuffix(w, "ed") {
			return false
		}
	}
	return false
}

// tailPreps are the words that may open a qualifier after the noun a figure
// counts: "cases of …", "SMEs to participate in …", "disputes through …".
var tailPreps = toSet(`of for on from by under with across involving providing whose that to through in at among within into against over`)

// participleAfterHead reports whether the -ing word at j opens a
// participle phrase after the head noun before it ("batteries infringing
// the mark"), not a modifier inside the phrase ("BRI participating
// countries").
func participleAfterHead(toks []text.Token, j int) bool {
	w := toks[j].Folded()
	if !strings.HasSuffix(w, "ing") || len(w) <= 5 || ingPreps[w] || j == 0 {
		return false
	}
	prev := toks[j-1]
	if prev.Kind != text.Word || text.IsCap(prev) {
		return false
	}
	pw := prev.Folded()
	return strings.HasSuffix(pw, "s") && !strings.HasSuffix(pw, "ss") || j+1 < len(toks) && determiners[toks[j+1].Folded()]
}

// reducedRelative reads a relative clause without "that" at j: "the IP
// Court received" after "civil appeals" gives "received by the IP Court".
func reducedRelative(toks []text.Token, j int) []string {
	if j >= len(toks) || !determiners[toks[j].Folded()] || toks[j].Folded() == "a" || toks[j].Folded() == "an" {
		return nil
	}
	for k := j + 1; k < len(toks) && k <= j+5; k++ {
		t := toks[k]
		if t.Kind != text.Word {
			return nil
		}
		w := t.Folded()
		if k > j+1 && !text.IsCap(t) && (strings.HasSuffix(w, "ed") || irregularPast[w]) && !leftCut[w] && !growthWords[w] {
			if k+1 < len(toks) && toks[k+1].Kind == text.Word && !tailPreps[toks[k+1].Folded()] {
				return nil // "the court ordered Anhui …": a clause with its own object
			}
			subj := []string{}
			for _, s := range toks[j:k] {
				subj = append(subj, s.Text)
			}
			return append([]string{participleOf(w), "by"}, subj...)
		}
		if !text.IsCap(t) && !isNounWord(t.Text) {
			return nil
		}
	}
	return nil
}

// ingPreps are prepositions that look like participles.
var ingPreps = toSet(`regarding concerning including excluding according following during pending`)

// timePhraseAt reports whether a time phrase starts at token n ("in the
// first half", "by the end of", "during 2023", "since 2015"): it ends a
// qualifier, since time is the period's business.
func timePhraseAt(toks []text.Token, n int) bool {
	switch toks[n].Folded() {
	case "in", "during", "by", "since", "until", "over", "from", "as", "at", "throughout":
	default:
		return false
	}
	for k := n + 1; k < len(toks) && k <= n+3; k++ {
		w := toks[k].Folded()
		if w == "top" || w == "first" && k+1 < len(toks) && toks[k+1].Kind == text.Num {
			return false // "in the top 10" is a place in a list, not a time
		}
		if toks[k].Kind == text.Num || text.Month(w) > 0 || periodCue[w] {
			return true
		}
	}
	return false
}

// periodCue are words of time phrases.
var periodCue = toSet(`first second third fourth half quarter quarters end beginning start past last this whole previous recent years months`)

// nounAfter returns the noun phrase after a figure ("invention patents",
// "cases of counterfeiting patents") and a participle tail ("transferred to
// judicial organs").
func nounAfter(toks []text.Token, k int) (np []string, tail []string) {
	j := k
	// "11 of the funds": what is counted follows "of the".
	if j+2 < len(toks) && strings.EqualFold(toks[j].Text, "of") && (strings.EqualFold(toks[j+1].Text, "the") || strings.EqualFold(toks[j+1].Text, "these") || strings.EqualFold(toks[j+1].Text, "those")) {
		j += 2
	}
	if j+1 < len(toks) && strings.EqualFold(toks[j].Text, "such") && isNounish(toks[j+1]) {
		j++ // "38 such lists": the determiner points back (suchAntecedent)
	}
	ofUsed := false
	// A series ("partner countries, regions, and international
	// organizations") may run longer: its commas and conjunctions do not
	// count.
	for j < len(toks) && len(np) < 7+joiners(np) {
		t := toks[j]
		w := strings.ToLower(t.Text)
		if (t.Text == "'s" || t.Text == "’s") && len(np) > 0 && j+2 < len(toks) && toks[j+1].Kind == text.Num && isNounish(toks[j+2]) {
			np = append(np, t.Text, toks[j+1].Text) // "the world's 5,000 leading brands"
			j += 2
			continue
		}
		if len(np) > 0 && np[len(np)-1] != "of" && (determiners[w] || participleAfterHead(toks, j)) {
			break // "batteries infringing the same mark": a participle's tail
		}
		if len(np) > 0 && strings.HasSuffix(w, "ed") && j+1 < len(toks) && determiners[toks[j+1].Folded()] {
			break // "departments issued a notice": a verb and its object
		}
		if isNounish(t) {
			np = append(np, t.Text)
			j++
			continue
		}
		if w == "of" && !ofUsed && len(np) > 0 && j+1 < len(toks) && isNounish(toks[j+1]) {
			ofUsed = true
			np = append(np, "of")
			j++
			continue
		}
		if (w == "and" || w == "or") && len(np) > 0 && j+1 < len(toks) && isNounish(toks[j+1]) && !isIrregularPast(toks[j+1].Folded()) && (!strings.HasSuffix(toks[j+1].Folded(), "ed") || (j > 0 && toks[j-1].Text == "-") || (j+2 < len(toks) && isNounish(toks[j+2]) && !strings.HasSuffix(toks[j+2].Folded(), "ed") && !auxWords[toks[j+2].Folded()])) {
			// "small- and medium-sized enterprises": a hyphen before "and"
			// joins modifiers.
			np = append(np, w)
			j++
			continue
		}
		// A series: "criminal, civil and administrative cases", "laws,
		// regulations and treaties".
		if t.Text == "," && len(np) > 0 && seriesAhead(toks, j+1) && (!clauseAhead(toks, j+1) || slices.Contains(np, ",")) {
			np = append(np, ",")
			j++
			continue
		}
		if t.Text == "(" && len(np) > 0 && j+2 < len(toks) && toks[j+2].Text == ")" && toks[j+1].Kind == text.Word && text.IsAllCaps(toks[j+1].Text) {
			j += 3 // "geographical indication (GI) products"
			continue
		}
		if t.Text == "(" && len(np) > 0 {
			if c := glossEnd(toks, j); c > j {
				// "cities (districts)", "provinces (autonomous regions and
				// municipalities)": a gloss of the noun, part of the phrase.
				for _, g := range toks[j : c+1] {
					np = append(np, g.Text)
				}
				j = c + 1
				break // the gloss closes the phrase: "… (districts) undertaking …" is a qualifier
			}
		}
		if (t.Text == "'s" || t.Text == "’s") && len(np) > 0 && j+1 < len(toks) && (isNounish(toks[j+1]) || toks[j+1].Kind == text.Num) {
			np = append(np, t.Text)
			if toks[j+1].Kind == text.Num && j+2 < len(toks) && isNounish(toks[j+2]) {
				np = append(np, toks[j+1].Text) // "the world's 5,000 leading brands"
				j++
			}
			j++
			continue
		}
		if t.Text == "-" || t.Text == "'s" || t.Text == "’s" {
			j++
			continue
		}
		break
	}
	for len(np) > 0 && (np[len(np)-1] == "and" || np[len(np)-1] == "or" || np[len(np)-1] == "," || np[len(np)-1] == "of") {
		np = np[:len(np)-1] // "47 series and an amount …": the series is the phrase
	}
	if len(np) == 0 || timeWords[strings.ToLower(np[0])] {
		return nil, nil
	}
	if rel := reducedRelative(toks, j); len(rel) > 0 {
		return np, rel // "the 1,948 civil appeals the IP Court received"
	}
	// Qualifier: "were filed for investigation", "for model institutions",
	// "affiliated with the academy" — up to the next punctuation, figure or
	// time phrase.
	m := j
	apposed := false
	if a := appositiveEnd(toks, j); a > j {
		m, apposed = a, true // "408 Chinese brands, totaling $1.6 trillion, entered the list"
	}
	for m < len(toks) && (strings.EqualFold(toks[m].Text, "also") || strings.EqualFold(toks[m].Text, "were") || strings.EqualFold(toks[m].Text, "was") || strings.EqualFold(toks[m].Text, "being") || strings.EqualFold(toks[m].Text, "been") || strings.EqualFold(toks[m].Text, "have") || strings.EqualFold(toks[m].Text, "has") || strings.EqualFold(toks[m].Text, "had")) {
		m++
	}
	if m < len(toks) && toks[m].Kind == text.Word {
		w := toks[m].Folded()
		participle := (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "made" || w == "held" || w == "built" || w == "set") && !leftCut[w]
		prep := (m == j || apposed) && (tailPreps[w] || (strings.HasSuffix(w, "ing") && len(w) > 5 && !timeWords[w] && !npStop[w] && w != "including"))
		if participle || prep {
			for n := m; n < len(toks) && n-m < 9; n++ {
				tw := toks[n].Folded()
				adjective := n+2 < len(toks) && strings.HasSuffix(toks[n+1].Folded(), "ed") && isNounish(toks[n+2]) && !strings.HasSuffix(toks[n+2].Folded(), "ed") && !auxWords[toks[n+2].Folded()]
				if (tw == "and" || tw == ",") && n+1 < len(toks) && !adjective && (toks[n+1].Kind == text.Num || text.FunctionWord(toks[n+1].Folded()) || strings.HasSuffix(toks[n+1].Folded(), "ed")) {
					break // "and a total of …", "and 213 cases …", "and guided …": a new clause
				}
				if tailNumber(toks, n) {
					tail = append(tail, toks[n].Text) // "scored more than 90 points"
					continue
				}
				if toks[n].Kind != text.Word && toks[n].Text != "-" && toks[n].Text != "/" {
					break
				}
				if n+1 < len(toks) && (toks[n+1].Text == "'" || toks[n+1].Text == "’") && (tw == "years" || tw == "months" || tw == "days") {
					tail = append(tail, toks[n].Text+"'") // "three years' imprisonment": a term, not a time
					n++
					continue
				}
				if timeWords[tw] || (tw == "in" && n+1 < len(toks) && toks[n+1].Kind == text.Num) || timePhraseAt(toks, n) {
					break
				}
				tail = append(tail, toks[n].Text)
			}
			for len(tail) > 0 && (text.FunctionWord(strings.ToLower(tail[len(tail)-1])) || npStop[strings.ToLower(tail[len(tail)-1])]) {
				tail = tail[:len(tail)-1]
			}
		}
	}
	return np, tail
}

// openingBracket returns the index of the "(" that the ")" at k closes
// within 12 tokens, or -1.
func openingBracket(toks []text.Token, k int) int {
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		switch toks[j].Text {
		case "(":
			return j
		case ")":
			return -1
		}
	}
	return -1
}

// endsFigure reports whether token k closes a figure: a number, or the
// scale and currency words after one ("11.7 billion yuan").
func endsFigure(toks []text.Token, k int) bool {
	for n := 0; k >= 0 && n < 3; k, n = k-1, n+1 {
		if toks[k].Kind == text.Num {
			return true
		}
		w := toks[k].Folded()
		if units.scale[w] == 0 && units.after[w] == "" && toks[k].Text != "%" && w != "percent" {
			return false
		}
	}
	return false
}

// subjectBeforeFigure returns the subject phrase of the clause that leads to
// a figure: "The added value of patent-intensive industries" in "The added
// value of patent-intensive industries reached 15.3 trillion yuan".
func subjectBeforeFigure(toks []text.Token, lo int) ([]string, bool) {
	start := lo
	var gloss [2]int // a bracketed gloss skipped on the way: "Core sectors (software, …) contributed"
	for start > 0 {
		t := toks[start-1]
		if t.Text == ")" && gloss[1] == 0 {
			if open := openingBracket(toks, start-1); open > 0 && toks[open-1].Kind == text.Word {
				gloss = [2]int{open, start}
				start = open
				continue
			}
		}
		if t.Kind == text.Punct && t.Text != "-" && t.Text != "'" && t.Text != "’" && t.Text != "%" {
			break
		}
		w := strings.ToLower(t.Text)
		if w == "while" || w == "whereas" || w == "which" || w == "where" || w == "but" {
			break
		}
		if w == "and" && start >= 2 && endsFigure(toks, start-2) {
			break // "reduced by 8 and vice-ministerial agencies were reduced by 7", "11.7 billion yuan and royalty imports 43.1 billion"
		}
		start--
	}
	var words []string
	growth := false
	for k := start; k < lo; k++ {
		if k >= gloss[0] && k < gloss[1] {
			continue
		}
		words = append(words, toks[k].Text)
	}
	// Drop a reporting clause: "He said (that) exports …".
	for k := len(words) - 1; k >= 0; k-- {
		if reportingVerbs[strings.ToLower(words[k])] && !(k > 0 && strings.EqualFold(words[k-1], "value")) {
			words = words[k+1:]
			if len(words) > 0 && strings.EqualFold(words[0], "that") {
				words = words[1:]
			}
			break
		}
	}
	// Cut at the first verb.
	for k, w := range words {
		lw := strings.ToLower(w)
		if leftCut[lw] {
			for _, g := range words[k:] {
				if growthWords[strings.ToLower(g)] {
					growth = true
				}
			}
			words = words[:k]
			break
		}
	}
	// Growth words right before the figure: "an increase of", "up".
	if lo > 0 && growthWords[toks[lo-1].Folded()] {
		growth = true
	}
	if lo > 1 && strings.EqualFold(toks[lo-1].Text, "of") && growthWords[toks[lo-2].Folded()] {
		growth = true
	}
	// Drop leading function words and trailing prepositions.
	for len(words) > 0 && (leftLead[strings.ToLower(words[0])] || words[0] == "-") {
		words = words[1:]
	}
	for len(words) > 0 {
		lw := strings.ToLower(words[len(words)-1])
		if lw == "of" || lw == "to" || lw == "by" || lw == "at" || lw == "from" || lw == "about" || lw == "around" || lw == "nearly" || lw == "approximately" || lw == "over" || lw == "than" || lw == "more" || lw == "the" || lw == "a" || lw == "an" || lw == "some" || lw == "only" || lw == "record" || lw == "high" || lw == "new" || lw == "with" || lw == "and" || lw == "in" {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	if n := len(words); n >= 4 && strings.EqualFold(words[n-3], "in") && strings.EqualFold(words[n-2], "the") && strings.EqualFold(words[n-1], "amount") {
		// "made efforts to secure central government funds in the amount of":
		// the funds.
		words = words[:n-3]
		for k := len(words) - 2; k >= 0; k-- {
			lw := strings.ToLower(words[k])
			if lw == "to" {
				words = words[k+2:]
				break
			}
			if strings.HasSuffix(lw, "ed") || lw == "made" {
				words = words[k+1:]
				break
			}
		}
	}
	for len(words) >= 3 && strings.EqualFold(words[0], "number") && strings.EqualFold(words[1], "of") {
		words = words[2:]
	}
	return words, growth
}

// growthPrefixes are the labels growthLabel gives, most specific first.
var growthPrefixes = []string{"year-on-year growth of ", "average annual growth rate of ", "growth of ", "year-on-year decrease in ", "decrease in "}

// stripGrowth removes a growth label from a metric ("year-on-year growth of
// exports" → "exports").
func stripGrowth(m string) string {
	for _, p := range growthPrefixes {
		m = strings.TrimPrefix(m, p)
	}
	for strings.HasPrefix(m, "share of ") {
		m = strings.TrimPrefix(m, "share of ")
	}
	if i := strings.Index(m, " as share of "); i > 0 {
		m = m[:i]
	}
	return m
}

// growthLabel names the kind of growth a percentage near figure f states:
// "year-on-year growth of" when the clause says "year on year", "average
// annual growth rate of" for "average annual", else "growth of".
func growthLabel(toks []text.Token, f figure) string {
	lo, hi := max(0, f.lo-10), min(len(toks), f.hi+6)
	// A fall: "dropped by 14.69 percent", "down 4.1%", "fell 3%".
	fall := false
	for k := f.lo - 1; k >= 0 && k >= f.lo-3; k-- {
		w := toks[k].Folded()
		if fallWords[w] && !(k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "than")) {
			fall = true // not "grew by less than 5 percent"
		}
		if toks[k].Kind == text.Punct || toks[k].Kind == text.Num {
			break
		}
	}
	if f.hi < len(toks) && fallWords[toks[f.hi].Folded()] {
		fall = true // "a 5% decline"
	}
	if fall {
		for k := lo; k < hi; k++ {
			if w := toks[k].Folded(); w == "year-on-year" || w == "year" && k+2 < len(toks) && strings.EqualFold(toks[k+2].Text, "year") {
				return growthPrefixes[3]
			}
		}
		return growthPrefixes[4]
	}
	for k := lo; k < hi; k++ {
		w := toks[k].Folded()
		if k > f.lo && (w == ";" || w == "." || (w == "," && k > f.hi+3)) {
			break
		}
		if w == "year-on-year" || (w == "year" && k+2 < len(toks) && strings.EqualFold(toks[k+1].Text, "on") && strings.EqualFold(toks[k+2].Text, "year")) ||
			(w == "year" && k+4 < len(toks) && toks[k+1].Text == "-" && strings.EqualFold(toks[k+2].Text, "on")) {
			return growthPrefixes[0]
		}
		if w == "average" && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "annual") {
			return growthPrefixes[1]
		}
	}
	return growthPrefixes[2]
}

// clauseOpener returns the lower-cased first word of the clause that holds
// token lo (the clause starts after the last punctuation before lo).
func clauseOpener(toks []text.Token, lo int) string {
	k := lo
	for k > 0 && !(toks[k-1].Kind == text.Punct && toks[k-1].Text != "-" && toks[k-1].Text != "'" && toks[k-1].Text != "’") {
		k--
	}
	if k < lo {
		return toks[k].Folded()
	}
	return ""
}

// verbBefore returns the past-tense verb whose object a figure at token lo
// is ("interviewed 300 agencies", "trained more than 4,000 examiners"), or
// "".
func verbBefore(toks []text.Token, lo int) (string, int) {
	k := lo - 1
	for k >= 0 {
		w := toks[k].Folded()
		if w == "more" || w == "than" || w == "over" || w == "nearly" || w == "about" || w == "around" || w == "approximately" || w == "some" || w == "almost" {
			k--
			continue
		}
		// "selected a total of 122", "retained a group of 115"
		if w == "of" && k >= 2 && (toks[k-1].Text == "total" || toks[k-1].Text == "group") && (toks[k-2].Text == "a" || toks[k-2].Text == "A") {
			k -= 3
			continue
		}
		break
	}
	if k < 0 || toks[k].Kind != text.Word || text.IsCap(toks[k]) {
		return "", -1
	}
	w := toks[k].Folded()
	particle := ""
	if w == "with" && k > 0 && toks[k-1].Kind == text.Word && !text.IsCap(toks[k-1]) {
		// "dealt with 450 cases", "cooperated with 57 countries"
		p := toks[k-1].Folded()
		if isIrregularPast(p) && !growthWords[p] {
			return participleOf(p) + " with", k - 1
		}
		if strings.HasSuffix(p, "ed") && len(p) >= 5 && !leftCut[p] && !growthWords[p] && !npStop[p] {
			return p + " with", k - 1
		}
	}
	if particles[w] && k > 0 && w != "over" && w != "on" && (w != "in" || inTakers[toks[k-1].Folded()]) {
		// "took in 525,618 cases", "handed over 480 cases"
		if v, vi := verbBefore(toks, k); v != "" && vi == k-1 {
			return v + " " + w, vi
		}
		if p := toks[k-1].Folded(); irregularPast[p] && !growthWords[p] {
			return participleOf(p) + " " + w, k - 1
		}
		return "", -1
	}
	if isIrregularPast(w) && !growthWords[w] && w != "became" && w != "saw" {
		return participleOf(w) + particle, k
	}
	if strings.HasSuffix(w, "ing") && len(w) > 6 && !leftCut[w] && !growthWords[w] && !npStop[w] && !timeWords[w] {
		// "resolving 57,000 disputes", "enrolling 230 students"
		return pastParticiple(w), k
	}
	if !strings.HasSuffix(w, "ed") || len(w) < 5 || leftCut[w] || growthWords[w] {
		return "", -1
	}
	return w, k
}

// inTakers are the verbs that take "in" as a particle ("took in 525,618
// cases"); after other verbs "in" places the figure ("launched in 17
// provinces").
var inTakers = toSet(`took taken take takes brought bring handed hand turned taking bringing`)

// irregularParticiples maps -ing forms whose past participle is irregular.
var irregularParticiples = map[string]string{"making": "made", "holding": "held", "building": "built", "bringing": "brought",
	"giving": "given", "taking": "taken", "hearing": "heard", "seeking": "sought", "bearing": "borne", "winning": "won", "setting": "set", "putting": "put", "selling": "sold",
	"seeing": "seen", "paying": "paid", "finding": "found", "leading": "led", "sending": "sent", "spending": "spent"}

// pastParticiple turns an -ing form into a past participle ("resolving" →
// "resolved", "applying" → "applied").
func pastParticiple(w string) string {
	if p, ok := irregularParticiples[w]; ok {
		return p
	}
	stem := strings.TrimSuffix(w, "ing")
	if strings.HasSuffix(stem, "y") && len(stem) > 2 && !strings.ContainsRune("aeiou", rune(stem[len(stem)-2])) {
		return stem[:len(stem)-1] + "ied"
	}
	return stem + "ed"
}

// contentWords counts words that are not function words.
func contentWords(ws []string) int {
	n := 0
	for _, w := range ws {
		lw := strings.ToLower(w)
		if !text.FunctionWord(lw) && !npStop[lw] && !leftLead[lw] && len(lw) > 1 && unicode.IsLetter([]rune(lw)[0]) {
			n++
		}
	}
	return n
}

// strongWords counts content words that are not weak ("representing a
// year-on-year" has none).
func strongWords(ws []string) int {
	n := 0
	for _, w := range ws {
		lw := strings.ToLower(w)
		if !weakWords[lw] && !text.FunctionWord(lw) && !npStop[lw] && !leftLead[lw] && !timeWords[lw] && len(lw) > 1 && unicode.IsLetter([]rune(lw)[0]) {
			n++
		}
	}
	return n
}

// baseMetric names what a figure measures from the noun phrase after it or
// the subject phrase before it, or "" when nothing in the sentence does.
func (x *extraction) baseMetric(s *Sentence, f figure, lastMetric, near string, prior []priorFig) string {
	toks := s.Tokens
	np, tail := nounAfter(toks, f.hi)
	if f.kind == "count" && len(np) > 0 && len(tail) == 0 {
		np, tail = coordinated(toks, f.hi, np)
	}
	left, growth := subjectBeforeFigure(toks, f.lo)
	if f.kind == "percent" {
		for k := f.hi; k < len(toks) && k < f.hi+3; k++ {
			if growthWords[toks[k].Folded()] {
				growth = true // "a 35.2% year-on-year increase"
			}
		}
	}
	if f.unit == "rank" {
		if strongWords(left) == 0 {
			if lastMetric == "" {
				return ""
			}
			return "rank in " + lastMetric
		}
		return strings.Join(left, " ") + " rank"
	}
	if lastMetric != "" && f.lo >= 2 && text.IsCap(toks[f.lo-2]) && (toks[f.lo-1].Text == "(" || strings.EqualFold(toks[f.lo-1].Text, "with")) {
		// "followed by Siemens with 2,220", "Japan (22,000)": an item of a
		// list of the figure before.
		return lastMetric
	}
	if near != "" && f.kind != "count" && strongWords(left) <= 2 && len(left) > 0 && clauseOpener(toks, f.lo) == "with" && !growth {
		// "with turnover exceeding 1.1 trillion yuan": the turnover of what
		// came before.
		out := strings.Join(left, " ") + " of " + near
		return strings.NewReplacer(" - ", "-", " ’s", "’s", " 's", "'s", " ,", ",").Replace(out)
	}
	if f.kind == "count" && len(np) >= 1 && len(np) <= 2 && units.measureOf[strings.ToLower(np[len(np)-1])] && len(tail) == 0 {
		f.kind = "measure"
	}
	if c := clauseStart(toks, f.lo); c+1 < f.lo && lastMetric != "" && len(left) > 0 {
		switch toks[c].Folded() {
		case "this", "these":
			// "This sector has maintained a growth rate of 21%": the sector
			// the sentence before counted.
			for i, w := range left {
				if w == toks[c+1].Text {
					left = append(append(append([]string{}, left[:i]...), strings.Fields(lastMetric)...), left[i+1:]...)
					break
				}
			}
		}
	}
	if headIsSlot(toks, f) && strongWords(left) > 0 {
		return strings.Join(left, " ") + " rank change in " + toks[f.hi].Text
	}
	strong := strongWords(left)
	var metric []string
	switch {
	case f.kind == "count" && contentWords(np) > 0:
		np = sharedModifiers(toks, f, np)
		metric = append(append([]string{}, np...), tail...)
		enriched := false
		v, vi := verbBefore(toks, f.lo)
		if v != "" {
			// "we trained 4,000 examiners": "examiners trained".
			metric = append(append(append([]string{}, np...), v), tail...)
			if len(tail) == 0 {
				if ctx := verbContext(toks, vi, prior); len(ctx) > 1 {
					metric = append(metric, ctx...)
					enriched = true
				}
			}
		} else if ctx := nominalContext(toks, f.lo); len(ctx) > 0 && len(tail) == 0 {
			// "completed an inventory of 850,000 patents"
			metric = append(append([]string{}, np...), ctx...)
			enriched = true
		} else if ctx := withClauseContext(toks, f.lo); len(ctx) > 0 && len(np) <= 2 && len(tail) == 0 {
			// "X was the largest grantee, with about 3,622 patents"
			metric = append(append(append([]string{}, np...), "of"), ctx...)
			enriched = true
		} else if v := listVerb(toks, f, prior); v != "" && len(tail) == 0 {
			// "integrated 17 million pieces of A, 250 million pieces of B"
			metric = append(append([]string{}, np...), v)
		} else if totalingAfter(toks, f.lo) && near != "" && len(tail) == 0 {
			// "62,000 batches of goods were detained, totaling 56.18 million items"
			metric = append(append(append([]string{}, np...), "of"), strings.Fields(near)...)
			enriched = true
		} else if len(tail) == 0 || placeFiller(tail) {
			if ctx := prepContext(toks, f.lo); len(ctx) > 0 {
				// "set up 353 centers across 31 regions": "regions with centers".
				metric = append(append(append([]string{}, np...), "with"), ctx...)
				enriched = true
			}
		}
		if (len(np) == 1 || (len(np) > 2 && np[1] == "(")) && len(tail) == 0 && strong > 0 && !enriched && !(vi >= 0 && vi == f.lo-1 && strong == 1) {
			// one noun, maybe glossed: "provinces (autonomous regions …)"
			metric = append(append([]string{}, left...), np...)
		}
	case f.kind == "percent" && strong == 0 && len(np) >= 2 && strings.EqualFold(np[0], "of") && lastMetric != "":
		// "accounting for 12.7% of GDP": a share of the figure before.
		metric = append([]string{"share"}, np...)
		metric = append(metric, "of", lastMetric)
	case f.kind == "percent" && growth && strong == 0 && lastMetric != "":
		return growthLabel(toks, f) + lastMetric
	case f.kind == "measure" && growth && strong == 0 && near != "":
		// "reached 80.55 points, an increase of 1.44 points"
		return "increase of " + near
	case strong == 0 && f.kind != "count" && contentWords(np) == 0 && lastMetric != "":
		// "In 2020, the figure reached $8.68 billion": the metric before.
		return lastMetric
	case strong > 0:
		metric = left
		if f.kind == "percent" && strong <= 2 && near != "" && !growth {
			// "with an accuracy rate of 94.2%": the rate of what came before.
			metric = append(append([]string{}, left...), "of", near)
		}
		if !growth && (f.kind == "percent" || f.kind == "currency") {
			metric = append(metric, complementAfter(toks, f.hi)...)
		}
		if f.hi+2 < len(toks) && strings.EqualFold(toks[f.hi].Text, "per") && toks[f.hi+1].Kind == text.Num && toks[f.hi+2].Kind == text.Word {
			// "12 per 10,000 people"
			metric = append(metric, "per", toks[f.hi+1].Text, toks[f.hi+2].Text)
		}
		if f.kind == "percent" && growth {
			metric = append(strings.Fields(growthLabel(toks, f)), metric...)
		}
	case f.kind == "percent" && len(np) > 0 && growthWords[strings.ToLower(np[0])] && contentWords(tail) > 0:
		// "a 40% jump in litigation": the growth of what the tail names.
		metric = append(strings.Fields(growthLabel(toks, f)), tail[1:]...)
	case contentWords(np) > 0 && f.kind != "count":
		metric = np
	default:
		return ""
	}
	if contentWords(metric) == 0 {
		return ""
	}
	return tidy(metric)
}

// priorFig is a figure met earlier in the same sentence, with its metric.
type priorFig struct {
	f      figure
	metric string
}

// insideNP reports whether figure f stands inside the noun phrase of the
// figure p before it: "408 of the world's 5,000 leading brands".
func insideNP(toks []text.Token, p, f figure) bool {
	n := f.lo - p.hi
	if n < 3 || n > 5 || !strings.EqualFold(toks[p.hi].Text, "of") {
		return false
	}
	last := toks[f.lo-1].Text
	return last == "'s" || last == "’s"
}

// metricTidy joins the tokens of a metric the way they are written.
var metricTidy = strings.NewReplacer(" - ", "-", " ’s", "’s", " 's", "'s", " ,", ",", "( ", "(", " )", ")")

// tidy joins metric words and caps the length.
func tidy(ws []string) string {
	// A word said twice in a row is said once: "patent patent cases".
	dedup := ws[:0:0]
	for i, w := range ws {
		if i > 0 && strings.EqualFold(w, ws[i-1]) && w != "," {
			continue
		}
		dedup = append(dedup, w)
	}
	out := strings.TrimSpace(metricTidy.Replace(strings.Join(dedup, " ")))
	if len([]rune(out)) > 160 {
		out = string([]rune(out)[:160])
	}
	return out
}

// frameContext returns the frame a sentence opens with that restricts what
// its figures count: "among foreign filers" in "Among foreign filers, the
// United States had four companies in the top 10", "during Blue Sky
// campaign" in "During last year's Blue Sky campaign, we interviewed …".
// Time words are dropped; a frame that is only time, a pronoun or a clause
// ("During the period when …") gives nil.
func frameContext(toks []text.Token, f figure) []string {
	if len(toks) < 4 {
		return nil
	}
	lead := toks[0].Folded()
	if lead != "among" && lead != "during" {
		return nil
	}
	c := 1
	for c < len(toks) && c < 9 && toks[c].Text != "," {
		c++
	}
	if c >= len(toks) || toks[c].Text != "," || c >= f.lo || c == 1 {
		return nil
	}
	out := []string{lead}
	for _, t := range toks[1:c] {
		lw := strings.ToLower(t.Text)
		bare := strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
		switch {
		case t.Kind == text.Num || (t.Kind == text.Punct && t.Text != "-"):
			return nil
		case lw == "when" || lw == "which" || lw == "that" || lw == "where" || lw == "who" || auxWords[lw] || pronouns[lw] || lw == "them" || lw == "period":
			return nil
		case timeWords[bare] || text.FunctionWord(lw) || t.Text == "'s" || t.Text == "’s":
			continue
		}
		out = append(out, t.Text)
	}
	if strongWords(out[1:]) == 0 {
		return nil
	}
	return out
}

// particles end phrasal verbs ("carried out", "set up").
var particles = toSet(`out up off down away back on in over forward`)

// relativeAntecedent returns the place a relative clause puts a count in:
// "on Xi'an and Zhuhai pilot platforms" for "The Xi'an and Zhuhai pilot
// platforms, on which nearly 20,000 patents have been listed, …"; nil when
// the figure does not open such a clause.
func relativeAntecedent(toks []text.Token, f figure) []string {
	k := wordBefore(toks, f.lo)
	if k < 3 || !strings.EqualFold(toks[k].Text, "which") || toks[k-2].Text != "," {
		return nil
	}
	prep := toks[k-1].Folded()
	if !tailPreps[prep] || prep == "of" {
		return nil // "…, of which 15 were …" is a part of the whole, not a place
	}
	ante := phraseBefore(toks, k-2, 8)
	if strongWords(ante) == 0 || particles[strings.ToLower(ante[len(ante)-1])] {
		return nil // "have been carried out, in which …": no noun to point at
	}
	return append([]string{prep}, ante...)
}

// headIsSlot reports whether a count figure counts ranking places ("15
// slots").
func headIsSlot(toks []text.Token, f figure) bool {
	if f.hi >= len(toks) {
		return false
	}
	switch toks[f.hi].Folded() {
	case "slots", "spots", "positions":
		return true
	}
	return false
}

// indexNames are the last words of the name of a ranking.
var indexNames = toSet(`Index Ranking Rankings Scoreboard Ranking`)

// indexName returns the name of a ranking the sentence cites ("Global
// Innovation Index 2020"), or "".
func indexName(toks []text.Token) string {
	for i, t := range toks {
		if !indexNames[t.Text] {
			continue
		}
		lo := i
		for lo > 0 && (text.IsCap(toks[lo-1]) || (lo > 1 && text.IsCap(toks[lo-2]) && (toks[lo-1].Text == "of" || toks[lo-1].Text == "and"))) && i-lo < 6 {
			lo--
		}
		if lo == i {
			continue
		}
		hi := i + 1
		if hi < len(toks) && toks[hi].Kind == text.Num && len(toks[hi].Text) == 4 {
			hi++ // "Global Innovation Index 2020"
		}
		var ws []string
		for _, t := range toks[lo:hi] {
			ws = append(ws, t.Text)
		}
		return strings.Join(ws, " ")
	}
	return ""
}

// figureGroup returns the figures of rest (rest[0] is f) and of prior that
// form a list with f: same kind, joined only by commas and "and".
func figureGroup(toks []text.Token, f figure, prior []priorFig, rest []figure) (before int, group []figure) {
	joined := func(a, b figure) bool {
		if a.kind != b.kind || b.lo < a.hi {
			return false
		}
		for k := a.hi; k < b.lo; k++ {
			if w := toks[k].Folded(); w != "," && w != "and" {
				return false
			}
		}
		return true
	}
	k := len(prior)
	for k > 0 && joined(prior[k-1].f, func() figure {
		if k < len(prior) {
			return prior[k].f
		}
		return f
	}()) {
		k--
	}
	for _, p := range prior[k:] {
		group = append(group, p.f)
	}
	before = len(group)
	group = append(group, f)
	for _, r := range rest[1:] {
		if !joined(group[len(group)-1], r) {
			break
		}
		group = append(group, r)
	}
	return before, group
}

// respectivelyMetric pairs figures with the nouns before them in order:
// "granted 554,000 patents and 2.46 million trademarks, up 28% and 22% year
// on year, respectively".
func respectivelyMetric(toks []text.Token, f figure, prior []priorFig, rest []figure) string {
	idx, group := figureGroup(toks, f, prior, rest)
	if len(group) < 2 {
		return ""
	}
	end := group[len(group)-1].hi
	found := false
	for k := end; k < len(toks) && k < end+8; k++ {
		w := toks[k].Folded()
		if w == "respectively" {
			found = true
			break
		}
		if w == "." || w == ";" {
			break
		}
	}
	if !found && f.kind == "percent" && group[0].lo >= 2 && growthWords[strings.ToLower(toks[group[0].lo-1].Text)] && toks[group[0].lo-2].Text == "," {
		// "received 4,723 X, 3,277 Y and 15,144 Z, up 14.41 percent, 4.53
		// percent and 34.96 percent": as many rates as counts, in order.
		counts := 0
		for _, p := range prior[:len(prior)-idx] {
			if p.f.kind != "percent" && p.f.unit != "rank" {
				counts++
			}
		}
		found = counts == len(group)
	}
	if !found {
		return ""
	}
	// The figures named before the group, not percentages.
	var named []priorFig
	for _, p := range prior[:len(prior)-idx] {
		if p.f.kind != "percent" && p.f.unit != "rank" {
			named = append(named, p)
		}
	}
	if len(named) < len(group) {
		return ""
	}
	m := stripGrowth(named[len(named)-len(group)+idx].metric)
	growth := false
	for k := max(0, group[0].lo-3); k < end+6 && k < len(toks); k++ {
		if growthWords[toks[k].Folded()] {
			growth = true
		}
	}
	if growth {
		return growthLabel(toks, f) + m
	}
	return m
}

// ofWhichMetric handles ", of which 61.8% belonged to …" and ", of which
// exports were $8.68 billion": a part of what the clause before named.
func ofWhichMetric(toks []text.Token, f figure, prior []priorFig) []string {
	w := -1
	for k := f.lo - 1; k >= 2 && k >= f.lo-6; k-- {
		if strings.EqualFold(toks[k].Text, "which") && strings.EqualFold(toks[k-1].Text, "of") {
			w = k
			break
		}
		if toks[k].Kind == text.Punct {
			break
		}
	}
	if w < 0 || (toks[w-2].Text != "," && toks[w-2].Text != "(") {
		return nil
	}
	// The antecedent: the figure just before, or the noun phrase before the comma.
	var ante []string
	last := -1
	for k := len(prior) - 1; k >= 0; k-- {
		if prior[k].f.kind != "percent" {
			last = k
			break
		}
	}
	if last >= 0 && (prior[len(prior)-1].f.hi == w-2 || prior[len(prior)-1].f.kind == "percent") {
		ante = strings.Fields(stripGrowth(prior[last].metric))
	} else {
		ante = phraseBefore(toks, w-2, 10)
		if contentWords(ante) == 0 && last >= 0 {
			// "handled 515,000 cases related to IPR protection in 2021, of
			// which 36,000 …": the phrase before the comma ends in a time.
			ante = strings.Fields(stripGrowth(prior[last].metric))
		}
	}
	if contentWords(ante) == 0 {
		return nil
	}
	if w+1 < f.lo {
		// "of which exports were $8.68 billion"
		var part []string
		for _, t := range toks[w+1 : f.lo] {
			lw := strings.ToLower(t.Text)
			if leftCut[lw] || npStop[lw] || t.Kind != text.Word {
				break
			}
			part = append(part, t.Text)
		}
		if contentWords(part) == 0 {
			return nil
		}
		return append(append(part, "of"), ante...)
	}
	// "of which 61.8% belonged to the X sector", "of which 15 were recognized as Y"
	k := f.hi
	for k < len(toks) && (auxWords[toks[k].Folded()]) {
		k++
	}
	copula := k > f.hi
	var pred []string
	for ; k < len(toks) && len(pred) < 8; k++ {
		if toks[k].Kind != text.Word || timePhraseAt(toks, k) {
			break
		}
		pred = append(pred, toks[k].Text)
	}
	for len(pred) > 0 && text.FunctionWord(strings.ToLower(pred[len(pred)-1])) {
		pred = pred[:len(pred)-1]
	}
	var out []string
	if f.kind == "percent" {
		out = append([]string{"share", "of"}, ante...)
		// "belonged to the X sector" → "in X sector"
		if len(pred) > 1 && !strings.HasSuffix(strings.ToLower(pred[0]), "ed") || (len(pred) > 1 && (pred[1] == "to" || pred[1] == "in")) {
			p := pred[1:]
			for len(p) > 0 && (text.FunctionWord(strings.ToLower(p[0]))) {
				p = p[1:]
			}
			if len(p) > 0 {
				out = append(append(out, "in"), p...)
			}
			return out
		}
		return append(out, pred...)
	}
	if copula && len(pred) > 0 && isNounWord(pred[0]) && !strings.HasSuffix(strings.ToLower(pred[0]), "ing") {
		// "of which 160 were criminal cases involving …": the part named,
		// among its whole.
		np := pred
		for i, w := range pred {
			lw := strings.ToLower(w)
			if i > 0 && (tailPreps[lw] || strings.HasSuffix(lw, "ing") && len(lw) > 5) {
				np = pred[:i]
				break
			}
		}
		return append(append(append([]string{}, np...), "among"), ante...)
	}
	return append(ante, pred...)
}

// auxWords are auxiliaries skipped before a predicate.
var auxWords = toSet(`was were is are be been being has have had will would`)

// phraseBefore returns the noun phrase that ends at token end (exclusive),
// going back to a verb, punctuation or clause word, at most max words.
func phraseBefore(toks []text.Token, end, max int) []string {
	k := end
	for k > 0 && end-k < max {
		t := toks[k-1]
		lw := strings.ToLower(t.Text)
		if t.Kind == text.Punct && t.Text != "-" && t.Text != "'s" && t.Text != "’s" {
			break
		}
		valueAdded := lw == "added" && k >= 2 && strings.EqualFold(toks[k-2].Text, "value")
		if !valueAdded && ((t.Kind == text.Num && !isYearTok(t)) || leftCut[lw] || auxWords[lw] || reportingVerbs[lw] || (verbish(toks, k-1) && !text.IsCap(t)) || lw == "which" || lw == "that" || lw == "who" || lw == "where" || lw == "while") {
			break
		}
		k--
	}
	var ws []string
	for _, t := range toks[k:end] {
		ws = append(ws, t.Text)
	}
	for len(ws) > 0 && (leftLead[strings.ToLower(ws[0])] || ws[0] == "-") {
		ws = ws[1:]
	}
	return ws
}

// differenceMetric handles "4.7 percentage points higher than the growth
// rate of imports": the difference between the figure before and the
// thing compared.
func differenceMetric(toks []text.Token, f figure, near string) []string {
	if f.kind == "count" || f.hi+2 >= len(toks) || !strings.EqualFold(toks[f.hi+1].Text, "than") {
		return nil
	}
	switch toks[f.hi].Folded() {
	case "higher", "lower", "more", "less", "faster", "slower":
	default:
		return nil
	}
	var other []string
	for k := f.hi + 2; k < len(toks) && len(other) < 8; k++ {
		if toks[k].Kind != text.Word || timePhraseAt(toks, k) {
			break
		}
		other = append(other, toks[k].Text)
	}
	for len(other) > 0 && (leftLead[strings.ToLower(other[0])] || strings.EqualFold(other[0], "that")) {
		other = other[1:]
	}
	if contentWords(other) == 0 {
		return nil
	}
	onlyTime := true
	for _, w := range other {
		if lw := strings.ToLower(w); !timeWords[lw] && lw != "earlier" && lw != "before" && lw != "ago" && lw != "period" && lw != "same" && !text.FunctionWord(lw) {
			onlyTime = false
		}
	}
	if onlyTime && near != "" {
		// "0.35 percentage point more than a year earlier": the change of
		// the figure before.
		switch toks[f.hi].Folded() {
		case "lower", "less", "slower":
			return append([]string{"decrease", "in"}, strings.Fields(near)...)
		}
		return append([]string{"increase", "in"}, strings.Fields(near)...)
	}
	if near == "" {
		return append([]string{"difference", "from"}, other...)
	}
	return append([]string{"difference", "between", near, "and"}, other...)
}

// shareOfMetric handles "foreigners are parties in 20% of all cases" and
// "where up to 30% of cases are foreign related": a share of what follows
// "of", qualified by the clause.
func shareOfMetric(toks []text.Token, f figure, near string) []string {
	if f.kind != "percent" || f.hi+1 >= len(toks) || !strings.EqualFold(toks[f.hi].Text, "of") {
		return nil
	}
	// The figure must be a preposition's object, not what a verb reached.
	k := wordBefore(toks, f.lo)
	if k >= 0 {
		switch toks[k].Folded() {
		case "in", "for", "among", "where", ",", "while", "whereas", "representing", "accounting", "to", "constituting", "making", "or", "and", "equaling", "equalling", "that":
		default:
			return nil
		}
	}
	j := f.hi + 1
	for j < len(toks) && (strings.EqualFold(toks[j].Text, "the") || strings.EqualFold(toks[j].Text, "all")) {
		j++
	}
	var obj []string
	for ; j < len(toks) && len(obj) < 6 && isNounish(toks[j]); j++ {
		obj = append(obj, toks[j].Text)
	}
	if contentWords(obj) == 0 {
		return nil
	}
	out := append([]string{"share", "of"}, obj...)
	// A predicate after: "are foreign related".
	m := j
	for m < len(toks) && auxWords[toks[m].Folded()] {
		m++
	}
	if m > j {
		aux := m
		var pred []string
		for ; m < len(toks) && len(pred) < 6 && toks[m].Kind == text.Word && !timePhraseAt(toks, m); m++ {
			pred = append(pred, toks[m].Text)
		}
		if contentWords(pred) > 0 {
			out = append(out, "that")
			for _, t := range toks[j:aux] {
				out = append(out, t.Text) // "that are", "that have"
			}
			return append(out, pred...)
		}
	}
	// The clause before: "foreigners are parties in".
	if k >= 0 && (toks[k].Text == "in" || toks[k].Text == "among") {
		c := k
		for c > 0 && !(toks[c-1].Kind == text.Punct && toks[c-1].Text != "-") {
			c--
		}
		var cl []string
		for _, t := range toks[c:k] {
			cl = append(cl, t.Text)
		}
		if contentWords(cl) > 0 && len(cl) <= 8 {
			return append(append(out, "in", "which"), cl...)
		}
	}
	if near != "" && k >= 0 {
		// "representing 45% of the national total", "equal to 11.97
		// percent of GDP", "or 7.39 percent of GDP": the share of what
		// came before.
		return append(strings.Fields(near+" as"), out...)
	}
	return nil
}

// approxWords qualify a figure without naming anything.
var approxWords = toSet(`more than over nearly about around approximately some almost up to roughly`)

// ellipsisMetric handles "802 awards for invention patents and 68 for
// industrial designs": the head noun of the figure before with this
// figure's "for" phrase.
func ellipsisMetric(toks []text.Token, f figure, prior []priorFig) string {
	if f.kind != "count" || len(prior) == 0 || f.hi+1 >= len(toks) || !strings.EqualFold(toks[f.hi].Text, "for") {
		return ""
	}
	if f.lo == 0 || !strings.EqualFold(toks[f.lo-1].Text, "and") {
		return ""
	}
	pm := prior[len(prior)-1].metric
	i := strings.Index(pm, " for ")
	if i <= 0 {
		return ""
	}
	var rest []string
	for k := f.hi + 1; k < len(toks) && len(rest) < 6 && isNounish(toks[k]); k++ {
		rest = append(rest, toks[k].Text)
	}
	if contentWords(rest) == 0 {
		return ""
	}
	return pm[:i] + " for " + tidy(rest)
}

// complementAfter returns a "for …" or "during …" phrase right after a
// figure ("RMB 8.1 billion for the 20 batches of key industry funds"),
// numbers and time phrases left out.
func complementAfter(toks []text.Token, k int) []string {
	if k >= len(toks) {
		return nil
	}
	w := toks[k].Folded()
	if w != "for" && w != "during" && w != "to" || timePhraseAt(toks, k) {
		return nil
	}
	if w == "to" && (k+1 >= len(toks) || toks[k+1].Kind != text.Word || strings.EqualFold(toks[k+1].Text, "the")) {
		return nil // "to 57.5%", "to the end"
	}
	out := []string{toks[k].Text}
	for n := k + 1; n < len(toks) && len(out) < 9; n++ {
		t := toks[n]
		if t.Kind == text.Num {
			continue
		}
		if t.Kind != text.Word && t.Text != "-" || timePhraseAt(toks, n) || timeWords[strings.ToLower(t.Text)] {
			break
		}
		out = append(out, t.Text)
	}
	for len(out) > 0 && (text.FunctionWord(strings.ToLower(out[len(out)-1])) || npStop[strings.ToLower(out[len(out)-1])]) {
		out = out[:len(out)-1]
	}
	if contentWords(out) == 0 {
		return nil
	}
	return out
}

// verbContext qualifies "np verb" for a figure that is the object of the
// verb at vi: "by <subject>" for a finite verb ("universities … completed
// an inventory of"), or, for a participle after a comma ("…, benefiting
// 20,000 enterprises"), what the clause before named.
func verbContext(toks []text.Token, vi int, prior []priorFig) []string {
	w := toks[vi].Folded()
	if strings.HasSuffix(w, "ing") {
		if vi == 0 || toks[vi-1].Text != "," {
			return nil
		}
		var ctx []string
		for k := len(prior) - 1; k >= 0; k-- {
			if prior[k].f.unit != "rank" && prior[k].f.hi < vi {
				ctx = strings.Fields(stripGrowth(prior[k].metric))
				break
			}
		}
		if ctx == nil {
			ctx = objectBefore(toks, vi-1)
		}
		if contentWords(ctx) == 0 {
			return nil
		}
		prep := "in"
		switch {
		case strings.HasPrefix(w, "benefit"):
			prep = "from"
		case strings.HasPrefix(w, "invit"):
			prep = "to"
		case strings.HasPrefix(w, "match"):
			prep = "with"
		}
		return append([]string{prep}, ctx...)
	}
	subj := clauseSubject(toks, vi)
	if len(subj) == 0 {
		subj = clauseSubjectFar(toks, vi) // "Longteng Action 2019 lasted six months and yielded …"
	}
	if contentWords(subj) == 0 {
		return nil
	}
	return append([]string{"by"}, subj...)
}

// pronouns never make a subject worth naming.
var pronouns = toSet(`we i you he she it they this that these those there here our us`)

// clauseSubject returns the subject of the verb at vi when it is a noun
// phrase ("Universities and research institutions across the country"), or
// the antecedent of a relative pronoun; nil for pronouns.
func clauseSubject(toks []text.Token, vi int) []string {
	k := vi
	for k > 0 {
		lw := toks[k-1].Folded()
		if auxWords[lw] || lw == "also" || lw == "successfully" || lw == "jointly" || lw == "further" || (strings.HasSuffix(lw, "ly") && toks[k-1].Kind == text.Word && !text.IsCap(toks[k-1])) {
			k--
			continue
		}
		if lw == "and" && k >= 2 && strings.HasSuffix(toks[k-2].Folded(), "ed") && !text.IsCap(toks[k-2]) {
			k -= 2 // "formulated and published"
			continue
		}
		break
	}
	if k > 0 && strings.EqualFold(toks[k-1].Text, "and") {
		return nil // "It organized … and recognized 32": the subject is far
	}
	if k > 0 && (strings.EqualFold(toks[k-1].Text, "which") || strings.EqualFold(toks[k-1].Text, "that") || strings.EqualFold(toks[k-1].Text, "who")) {
		k--
		if k > 1 && toks[k-1].Text == "," {
			// ", which brought together 31 central bodies": the noun phrase
			// before the comma, when it ends in a noun.
			if p := toks[k-2]; p.Kind != text.Word || !isNounish(p) {
				return nil
			}
			ws := phraseBefore(toks, k-1, 8)
			if contentWords(ws) == 0 {
				return nil
			}
			return ws
		}
	}
	if k > 0 && toks[k-1].Text == "," {
		// "The platforms, on which 20,000 patents have been listed, have served"
		c := relativeOpen(toks, k-1)
		if c < 0 {
			return nil
		}
		k = c
	}
	ws := phraseBefore(toks, k, 20)
	// Keep the head part: up to "across", "in", "under" phrases of place.
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "across" || lw == "nationwide" || lw == "throughout") {
			ws = ws[:i]
			break
		}
	}
	if len(ws) == 0 || pronouns[strings.ToLower(ws[0])] || pronouns[strings.ToLower(ws[len(ws)-1])] {
		return nil // "we", "last year we"
	}
	for _, w := range ws {
		if text.Month(strings.ToLower(w)) > 0 {
			return nil
		}
	}
	if len(ws) > 8 {
		ws = ws[:8]
	}
	for len(ws) > 0 && text.FunctionWord(strings.ToLower(ws[len(ws)-1])) {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// objectBefore returns the object of the last verb of the clause ending at
// token end ("we hosted another IP forum for foreign-invested enterprises"
// → "IP forum for foreign-invested enterprises").
func objectBefore(toks []text.Token, end int) []string {
	c := end
	for c > 0 && !(toks[c-1].Kind == text.Punct && toks[c-1].Text != "-") {
		c--
	}
	v := -1
	for k := c; k < end; k++ {
		lw := toks[k].Folded()
		if toks[k].Kind == text.Word && !text.IsCap(toks[k]) && (strings.HasSuffix(lw, "ed") || lw == "made" || lw == "held" || lw == "built") && (k == c || !text.FunctionWord(toks[k-1].Folded())) {
			v = k
		}
	}
	if v < 0 {
		return nil
	}
	var ws []string
	for _, t := range toks[v+1 : end] {
		if t.Kind == text.Num {
			return nil
		}
		ws = append(ws, t.Text)
	}
	for len(ws) > 0 && (leftLead[strings.ToLower(ws[0])] || strings.EqualFold(ws[0], "another")) {
		ws = ws[1:]
	}
	if len(ws) > 9 {
		return nil
	}
	return ws
}

// prepContext returns what a verb before a figure's preposition made, set
// up or launched: "set up 353 trademark service centers across 31 regions"
// → "trademark service centers"; "pilot projects have been launched in 17
// provinces" → "pilot projects".
func prepContext(toks []text.Token, lo int) []string {
	p := wordBefore(toks, lo)
	if p < 1 {
		return nil
	}
	switch toks[p].Folded() {
	case "with", "across", "in", "for", "on", "to":
	default:
		return nil
	}
	lw := toks[p-1].Folded()
	if isIrregularPast(lw) {
		return nil // "dealt with 450 cases": a verb's particle
	}
	if toks[p-1].Kind == text.Word && !text.IsCap(toks[p-1]) && strings.HasSuffix(lw, "ed") && !growthWords[lw] {
		// Passive: "have been launched in 17 provinces".
		k := p - 1
		for k > 0 && auxWords[toks[k-1].Folded()] {
			k--
		}
		if k == p-1 {
			return nil // no auxiliary: an active verb without object
		}
		subj := phraseBefore(toks, k, 8)
		if contentWords(subj) == 0 || pronouns[strings.ToLower(subj[0])] {
			return nil
		}
		return subj
	}
	// Active: the object between the verb and the preposition.
	v := -1
	for k := p - 1; k >= 0 && p-k <= 20; k-- {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if t.Kind == text.Punct && t.Text != "(" && t.Text != ")" && t.Text != "-" {
			return nil
		}
		if t.Kind == text.Word && !text.IsCap(t) && (verbish(toks, k) || w == "up" || w == "made" || w == "built" || w == "held") {
			v = k
			break
		}
	}
	if v < 0 || (toks[v].Text != "up" && (leftCut[toks[v].Folded()] || growthWords[toks[v].Folded()])) {
		return nil
	}
	if k := v + 1; k < p && (toks[k].Text == "out" || toks[k].Text == "up") {
		v = k // "carried out", "set up"
	}
	var ws []string
	for k := v + 1; k < p; k++ {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if t.Kind == text.Num || approxWords[w] {
			continue
		}
		if t.Text == "(" && k+2 < p && toks[k+2].Text == ")" {
			k += 2
			continue
		}
		if len(ws) > 0 && (tailPreps[w] || w == "and") && contentWords(ws) > 0 && w != "and" {
			break // "the IP protection satisfaction survey for …"
		}
		if t.Kind != text.Word && t.Text != "-" {
			return nil
		}
		ws = append(ws, t.Text)
	}
	for len(ws) > 0 && leftLead[strings.ToLower(ws[0])] {
		ws = ws[1:]
	}
	if contentWords(ws) == 0 || len(ws) > 6 || tailPreps[strings.ToLower(ws[0])] {
		return nil
	}
	return ws
}

// adjPrev are words after which an -ed word is an adjective ("with
// regulated IP protection", "the registered amount").
var adjPrev = toSet(`the a an of with for in on to by its their our this these those`)

// verbish reports whether token k is an -ed verb rather than an adjective.
func verbish(toks []text.Token, k int) bool {
	w := toks[k].Folded()
	if toks[k].Kind != text.Word || !strings.HasSuffix(w, "ed") || len(w) < 4 {
		return false
	}
	return k == 0 || !adjPrev[toks[k-1].Folded()]
}

// isYearTok reports whether a number token is a year ("2017").
func isYearTok(t text.Token) bool {
	return t.Kind == text.Num && len(t.Text) == 4 && (strings.HasPrefix(t.Text, "19") || strings.HasPrefix(t.Text, "20"))
}

// clauseAhead reports whether the words after a series comma start a new
// clause ("…, and overall progress has exceeded"): a verb follows within
// four words.
func clauseAhead(toks []text.Token, k int) bool {
	for n := k; n < len(toks) && n < k+5; n++ {
		w := toks[n].Folded()
		if auxWords[w] || leftCut[w] {
			return true
		}
		if toks[n].Kind == text.Punct {
			return false
		}
	}
	return false
}

// clauseStart returns the index of the first token of the clause holding
// token lo.
func clauseStart(toks []text.Token, lo int) int {
	k := lo
	for k > 0 && !(toks[k-1].Kind == text.Punct && toks[k-1].Text != "-" && toks[k-1].Text != "'" && toks[k-1].Text != "’") {
		k--
	}
	return k
}

// relativeOpen returns, for the comma at c closing a relative clause (",
// on which …,"), the index of the comma opening it, or -1.
func relativeOpen(toks []text.Token, c int) int {
	for j := c - 1; j > 1 && c-j < 25; j-- {
		if toks[j].Kind == text.Punct && toks[j].Text != "-" {
			return -1
		}
		lw := toks[j].Folded()
		if lw == "which" || lw == "who" {
			if toks[j-1].Text == "," {
				return j - 1
			}
			if tailPreps[toks[j-1].Folded()] && toks[j-2].Text == "," {
				return j - 2
			}
			return -1
		}
	}
	return -1
}

// placeFiller reports whether a qualifier only says where in general
// ("across the country").
func placeFiller(tail []string) bool {
	if len(tail) == 0 {
		return false
	}
	switch strings.ToLower(tail[0]) {
	case "across", "around", "throughout", "nationwide":
		return contentWords(tail) <= 2
	}
	return false
}

// nominalContext handles "universities … completed an inventory of 850,000
// patents": "in inventory by universities …".
func nominalContext(toks []text.Token, lo int) []string {
	k := wordBefore(toks, lo)
	if k < 3 || !strings.EqualFold(toks[k].Text, "of") {
		return nil
	}
	noun, art, verb := toks[k-1], toks[k-2].Folded(), toks[k-3]
	vw := strings.ToLower(verb.Text)
	if (art != "a" && art != "an") || noun.Kind != text.Word || npStop[strings.ToLower(noun.Text)] || !(verbish(toks, k-3) || vw == "made" || vw == "completed") {
		return nil
	}
	out := []string{"in", noun.Text}
	if subj := clauseSubject(toks, k-3); contentWords(subj) > 0 {
		out = append(append(out, "by"), subj...)
	}
	return out
}

// withClauseContext handles "X was the largest grantee, with about 3,622
// patents": what the clause before the comma called its subject.
func withClauseContext(toks []text.Token, lo int) []string {
	c := clauseStart(toks, lo)
	if c < 2 || !strings.EqualFold(toks[c].Text, "with") || toks[c-1].Text != "," {
		return nil
	}
	p := clauseStart(toks, c-1)
	for k := p; k < c-1; k++ {
		switch toks[k].Folded() {
		case "was", "is", "were", "are", "became", "remained":
			var ws []string
			for _, t := range toks[k+1 : c-1] {
				ws = append(ws, t.Text)
			}
			for len(ws) > 0 && leftLead[strings.ToLower(ws[0])] {
				ws = ws[1:]
			}
			if contentWords(ws) == 0 || len(ws) > 8 {
				return nil
			}
			return ws
		}
	}
	return nil
}

// listVerb returns the verb before the first figure of a list that figure f
// continues ("integrated 17 million pieces of A, 250 million pieces of B").
func listVerb(toks []text.Token, f figure, prior []priorFig) string {
	next := f
	for k := len(prior) - 1; k >= 0; k-- {
		p := prior[k].f
		sep := next.lo - 1
		for sep > p.hi && approxWords[toks[sep].Folded()] {
			sep--
		}
		if sep <= p.hi || (toks[sep].Text != "," && !strings.EqualFold(toks[sep].Text, "and")) || p.kind != f.kind {
			return ""
		}
		for n := p.hi; n < sep; n++ {
			w := toks[n].Folded()
			if auxWords[w] || leftCut[w] || verbish(toks, n) || toks[n].Kind == text.Punct && toks[n].Text != "," {
				return ""
			}
		}
		if v, _ := verbBefore(toks, p.lo); v != "" {
			return v
		}
		next = p
	}
	return ""
}

// totalingAfter reports whether the figure at lo follows ", totaling".
func totalingAfter(toks []text.Token, lo int) bool {
	return lo >= 2 && toks[lo-2].Text == "," && (strings.EqualFold(toks[lo-1].Text, "totaling") || strings.EqualFold(toks[lo-1].Text, "totalling"))
}

// coordinated shares what a coordinated figure says with the figure
// before: "131 GI products and 408 GI trademarks from key counties" gives
// both "from key counties"; "four categories and 16 types of insurance
// products" gives "categories of insurance products".
func coordinated(toks []text.Token, k int, np []string) ([]string, []string) {
	j := k
	for j < len(toks) && j-k < 8 && (isNounish(toks[j]) || toks[j].Text == "-" || toks[j].Text == "(" || toks[j].Text == ")" || toks[j].Text == "'s" || toks[j].Text == "’s") && !strings.EqualFold(toks[j].Text, "and") {
		j++
	}
	if j+2 >= len(toks) || !strings.EqualFold(toks[j].Text, "and") {
		return np, nil
	}
	n := j + 1
	for n < len(toks) && approxWords[toks[n].Folded()] {
		n++
	}
	if n >= len(toks) || (toks[n].Kind != text.Num && spelledNumbers[toks[n].Folded()] == 0) {
		return np, nil
	}
	n++
	for n < len(toks) && units.scale[toks[n].Folded()] > 0 {
		n++
	}
	np2, tail2 := nounAfter(toks, n)
	if len(np) == 1 {
		for i, w := range np2 {
			if w == "of" && i > 0 && i+1 < len(np2) {
				return append(append([]string{}, np...), np2[i:]...), tail2
			}
		}
	}
	return np, tail2
}

// appositiveEnd returns the index after an appositive figure phrase that
// starts at j (", totaling $1.6 trillion,"), or j when there is none.
func appositiveEnd(toks []text.Token, j int) int {
	if j+4 < len(toks) && toks[j].Text == "," {
		// "four persons, Qin among them, to three years' imprisonment"
		for k := j + 2; k+2 < len(toks) && k < j+6 && toks[k].Kind == text.Word; k++ {
			if toks[k].Folded() == "among" && toks[k+1].Folded() == "them" && toks[k+2].Text == "," {
				return k + 3
			}
		}
	}
	if j+3 >= len(toks) || toks[j].Text != "," || !(strings.EqualFold(toks[j+1].Text, "totaling") || strings.EqualFold(toks[j+1].Text, "totalling") || strings.EqualFold(toks[j+1].Text, "worth")) {
		return j
	}
	for k := j + 2; k < len(toks) && k < j+8; k++ {
		if toks[k].Text == "," {
			return k + 1
		}
		if toks[k].Kind == text.Punct && toks[k].Text != "$" && toks[k].Text != "¥" {
			return j
		}
	}
	return j
}

// durationMetric handles "after 18 months of pilot implementation": the
// duration of what follows "of".
func durationMetric(toks []text.Token, f figure) []string {
	switch f.unit {
	case "months", "years", "days", "weeks":
	default:
		return nil
	}
	if v, vi := verbBefore(toks, f.lo); (v == "taken" || v == "needed" || v == "required") && f.hi+1 < len(toks) && strings.EqualFold(toks[f.hi].Text, "to") {
		// "civil appeals took 121.5 days to conclude": the time they took.
		subj := phraseBefore(toks, vi, 6)
		if contentWords(subj) > 0 {
			out := append(append([]string{"time"}, v, "by"), subj...)
			return append(append(out, "to"), toks[f.hi+1].Text)
		}
	}
	if f.hi+1 >= len(toks) || !strings.EqualFold(toks[f.hi].Text, "of") {
		return nil
	}
	var ws []string
	for k := f.hi + 1; k < len(toks) && len(ws) < 6 && isNounish(toks[k]); k++ {
		ws = append(ws, toks[k].Text)
	}
	if contentWords(ws) == 0 {
		return nil
	}
	return append([]string{"duration", "of"}, ws...)
}

// hasNumber reports whether a phrase holds a number ("granted 300,000").
func hasNumber(ws []string) bool {
	for _, w := range ws {
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}

// definiteAntecedent resolves a definite plural in a metric ("11 of the
// funds have been established": "funds established") to the fuller noun
// phrase an earlier metric of the paragraph gave the same noun ("key
// industry IP utilization funds"). para holds those metrics, oldest first.
func definiteAntecedent(toks []text.Token, metric string, para []string) string {
	if len(para) == 0 {
		return metric
	}
	mw := strings.Fields(metric)
	for k := 1; k < len(toks); k++ {
		switch toks[k-1].Folded() {
		case "the", "these", "those":
		default:
			continue
		}
		w := toks[k].Text
		if toks[k].Kind != text.Word || text.IsCap(toks[k]) || len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
			continue
		}
		if k+1 < len(toks) && (isNounish(toks[k+1]) || strings.EqualFold(toks[k+1].Text, "of") || toks[k+1].Text == "'s" || toks[k+1].Text == "’s") {
			continue // "the funds manager", "the cities of …": not a bare definite noun
		}
		idx := slices.Index(mw, w)
		if idx < 0 || slices.ContainsFunc(toks[:k-1], func(t text.Token) bool { return t.Text == w }) {
			continue // the sentence itself introduced the noun ("21,000 cases … the cases")
		}
		for p := len(para) - 1; p >= 0; p-- {
			ante := antecedentPhrase(para[p], w)
			if ante == "" {
				continue
			}
			if strings.Contains(metric, ante) {
				return metric
			}
			out := append(append(append([]string{}, mw[:idx]...), strings.Fields(ante)...), mw[idx+1:]...)
			return tidy(out)
		}
	}
	return metric
}

// antecedentPhrase returns the phrase of metric m that names noun w with
// more words: its modifiers ("key industry IP utilization funds" in "amount
// for the batches of key industry IP utilization funds"), or the whole
// metric when it opens with w ("projects reserved by funds"); else "".
func antecedentPhrase(m, w string) string {
	words := strings.Fields(m)
	i := -1
	for k := len(words) - 1; k >= 0; k-- {
		if words[k] == w {
			i = k
			break
		}
	}
	if i < 0 {
		return ""
	}
	start := i
	for start > 0 {
		lw := strings.ToLower(words[start-1])
		r := []rune(lw)
		if text.FunctionWord(lw) || npStop[lw] || leftLead[lw] || timeWords[lw] || !unicode.IsLetter(r[0]) || strings.HasSuffix(lw, ",") {
			break
		}
		start--
	}
	switch {
	case start < i:
		return strings.Join(words[start:i+1], " ")
	case i == 0 && len(words) > 1:
		return m
	}
	return ""
}

// glossEnd returns the index of the ")" closing a gloss of lower-case words
// opened at token j ("(districts)", "(autonomous regions and
// municipalities)"), or -1.
func glossEnd(toks []text.Token, j int) int {
	for c := j + 1; c < len(toks) && c <= j+6; c++ {
		t := toks[c]
		if t.Text == ")" {
			if c == j+1 {
				return -1
			}
			return c
		}
		if t.Kind != text.Word || text.IsCap(t) || (!isNounish(t) && !strings.EqualFold(t.Text, "and") && !strings.EqualFold(t.Text, "or")) {
			return -1
		}
	}
	return -1
}

// joiners counts the commas and conjunctions of a noun phrase.
func joiners(np []string) int {
	n := 0
	for _, w := range np {
		switch strings.ToLower(w) {
		case ",", "and", "or":
			n++
		}
	}
	return n
}

// tailNumber reports whether the number at token n belongs to a
// qualifier: a threshold on a noun ("selected over 59,000 patents", "scored
// more than 90 points") or places in a list ("in the top 10"); a year, a
// bare count, a duration or a sum of money does not.
func tailNumber(toks []text.Token, n int) bool {
	t := toks[n]
	if t.Kind != text.Num || isYearTok(t) {
		return false
	}
	if n > 0 && strings.EqualFold(toks[n-1].Text, "top") {
		return true
	}
	if n+1 >= len(toks) || !isNounish(toks[n+1]) || n == 0 || !approxWords[toks[n-1].Folded()] {
		return false // a bare count in a qualifier is a figure of its own
	}
	w := toks[n+1].Folded()
	if units.scale[w] > 0 || units.after[w] != "" || timeWords[w] {
		return false
	}
	switch w {
	case "days", "day", "weeks", "week", "hours", "hour":
		return false
	}
	return true
}

// sharedModifiers gives the second noun of "14 IP service industry
// agglomeration pilot zones and 5 model zones" the modifiers the first
// shares with it: "IP service industry agglomeration model zones". The
// first phrase must end in the same noun and be at least two words
// longer; otherwise np is returned as is.
func sharedModifiers(toks []text.Token, f figure, np []string) []string {
	k := wordBefore(toks, f.lo)
	if k < 2 || !strings.EqualFold(toks[k].Text, "and") || len(np) == 0 || slices.Contains(np, "of") || slices.Contains(np, "(") {
		return np
	}
	p := k - 1
	for p >= 0 && (isNounish(toks[p]) || toks[p].Text == "-") && k-p < 10 {
		p--
	}
	if p < 0 || toks[p].Kind != text.Num {
		return np
	}
	var first []string
	for _, t := range toks[p+1 : k] {
		first = append(first, t.Text)
	}
	n := contentWords(first)
	if n < len(np)+2 || !strings.EqualFold(first[len(first)-1], np[len(np)-1]) {
		return np
	}
	words := 0 // keep the leading words of first that np does not repeat
	cut := 0
	for i, w := range first {
		if w != "-" {
			words++
		}
		if words > len(first)-countHyphens(first)-len(np) {
			cut = i
			break
		}
	}
	return append(append([]string{}, first[:cut]...), np...)
}

// countHyphens counts the "-" tokens of ws.
func countHyphens(ws []string) int {
	n := 0
	for _, w := range ws {
		if w == "-" {
			n++
		}
	}
	return n
}

// ofCountMetric names a bare count that closes a noun phrase with "of":
// "CAS' patent holdings in China" in "a small subset of CAS' patent
// holdings in China of approximately 46,000". Nil when a noun follows the
// count or the phrase before "of" says nothing ("a total of 500").
func ofCountMetric(toks []text.Token, f figure) []string {
	if f.kind != "count" || (f.hi < len(toks) && toks[f.hi].Kind != text.Punct) {
		return nil
	}
	k := wordBefore(toks, f.lo)
	if k < 1 || !strings.EqualFold(toks[k].Text, "of") {
		return nil
	}
	ph := phraseBefore(toks, k, 10)
	if strongWords(ph) == 0 || hasNumber(ph) {
		return nil
	}
	if _, ok := nominalVerbs[strings.ToLower(ph[len(ph)-1])]; ok {
		return nil // "in possession of 410,000": what the owner holds (measure_of)
	}
	for b := k - 1; b >= 0 && toks[b].Kind != text.Punct; b-- {
		lw := toks[b].Folded()
		if leftCut[lw] && !auxWords[lw] {
			return nil // "reached a new record high of 45 million": the subject is the metric
		}
	}
	for i := len(ph) - 1; i > 0; i-- {
		if strings.EqualFold(ph[i], "of") && strongWords(ph[i+1:]) >= 2 {
			return ph[i+1:] // "a small subset of X": X
		}
	}
	return ph
}
