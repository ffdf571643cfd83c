package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// valueOfMetric handles "worth 13.5 billion yuan", "valued at 107 million
// yuan", "with a case value of nearly 26 million yuan": the value of what
// the figure before counted.
func valueOfMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "currency" {
		return ""
	}
	k := wordBefore(toks, f.lo)
	if k < 0 {
		return ""
	}
	w := toks[k].Folded()
	switch {
	case w == "worth":
	case w == "at" && k > 0 && strings.EqualFold(toks[k-1].Text, "valued"):
	case w == "of" && k > 0 && strings.EqualFold(toks[k-1].Text, "value"):
		if k > 1 && toks[k-2].Kind == text.Word && !text.FunctionWord(toks[k-2].Folded()) && !determiners[toks[k-2].Folded()] {
			return "" // "a case value of": the phrase rule names it
		}
	default:
		return ""
	}
	base := c.antecedent()
	if base == "" {
		return ""
	}
	return "value of " + base
}

// wordBefore returns the index of the token before lo, skipping the
// approximations that may stand before a figure ("about", "nearly"), or -1.
func wordBefore(toks []text.Token, lo int) int {
	k := lo - 1
	for k >= 0 && approxWords[toks[k].Folded()] {
		k--
	}
	return k
}

// determiners open a noun phrase.
var determiners = toSet(`the a an its their this that these those`)

// amountInMetric handles "RMB 445,600 in fines and confiscations" and "74.4
// million yuan of losses": a sum named by the noun after it, with the verb
// that moved it ("losses recovered for right holders").
func amountInMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "currency" || f.hi+1 >= len(toks) {
		return ""
	}
	w := toks[f.hi].Folded()
	if w != "in" && w != "of" {
		return ""
	}
	if timePhraseAt(toks, f.hi) {
		return ""
	}
	np, tail := nounAfter(toks, f.hi+1)
	if contentWords(np) == 0 || timeWords[strings.ToLower(np[0])] {
		return ""
	}
	m := np
	if v, _ := verbBefore(toks, f.lo); v != "" {
		m = append(append([]string{}, np...), strings.Fields(v)...)
	}
	return tidy(append(m, tail...))
}

// amountInvolvedMetric handles "criminal cases involving RMB 524
// million": the sum the cases involved, "amount involved in criminal
// cases".
func amountInvolvedMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "currency" {
		return ""
	}
	k := wordBefore(toks, f.lo)
	if k < 1 || toks[k].Folded() != "involving" {
		return ""
	}
	var head []string
	for j := k - 1; j >= 0 && len(head) < 5 && isNounish(toks[j]) && !determiners[toks[j].Folded()] && !strings.HasSuffix(toks[j].Folded(), "ed"); j-- {
		head = append([]string{toks[j].Text}, head...)
	}
	if contentWords(head) == 0 {
		return ""
	}
	return tidy(append([]string{"amount", "involved", "in"}, head...))
}

// gappedGrowthMetric handles "Invention grants rose 4.8% and trademark
// registrations 27.9%": the verb of the first clause is left out of the
// second, whose noun phrase grew.
func gappedGrowthMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "percent" || len(c.prior) == 0 || c.prior[len(c.prior)-1].f.kind != "percent" {
		return ""
	}
	p := c.prior[len(c.prior)-1]
	if !strings.Contains(p.metric, "growth of") && !strings.Contains(p.metric, "decrease") {
		return ""
	}
	k := f.lo
	var np []string
	for k > p.f.hi && len(np) < 6 {
		t := toks[k-1]
		lw := strings.ToLower(t.Text)
		if lw == "and" || t.Text == "," || t.Text == ";" {
			break
		}
		if t.Kind != text.Word || !isNounish(t) || verbish(toks, k-1) || growthWords[lw] {
			return ""
		}
		np = append([]string{t.Text}, np...)
		k--
	}
	if k <= p.f.hi || contentWords(np) == 0 {
		return ""
	}
	return growthLabel(toks, f) + tidy(np)
}

// figuresRespectivelyMetric handles "The two figures were up 9.1 percent
// and 10.2 percent from a year earlier, respectively": the figures the
// sentence before gave, in order.
func figuresRespectivelyMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "percent" || len(c.x.lastFigures) == 0 {
		return ""
	}
	ref := -1
	for k := 0; k+1 < f.lo; k++ {
		w := toks[k+1].Folded()
		if (w == "figures" || w == "numbers" || w == "totals") && (strings.EqualFold(toks[k].Text, "the") || strings.EqualFold(toks[k].Text, "both") || strings.EqualFold(toks[k].Text, "two") || strings.EqualFold(toks[k].Text, "three") || strings.EqualFold(toks[k].Text, "these")) {
			ref = k + 1
			break
		}
	}
	if ref < 0 && len(toks) > 0 && (toks[0].Folded() == "both" || toks[0].Folded() == "they") && hasWord(toks[f.hi:], "respectively") {
		ref = 0 // "Both grew, by 7.3 percent and 5.8 percent respectively"
	}
	if ref < 0 {
		return ""
	}
	idx := 0
	for _, p := range c.prior {
		if p.f.kind == "percent" {
			idx++
		}
	}
	figs := c.x.lastFigures
	if idx >= len(figs) {
		return ""
	}
	return growthLabel(toks, f) + stripGrowth(figs[idx])
}

// verbSubjectMetric is the last resort for a figure that is a verb's
// object with nothing to name it: what the verb did, by its subject — "the
// amount sought by the Beijing company", "applications filed by Zhuhai
// Dianyu Trading".
func verbSubjectMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	v, vi := verbBefore(toks, f.lo)
	if v == "" {
		return ""
	}
	subj := clauseSubject(toks, vi)
	if len(subj) == 0 {
		subj = clauseSubjectFar(toks, vi)
	}
	if contentWords(subj) == 0 {
		return ""
	}
	head := "number"
	switch {
	case f.kind == "currency" && v == "added":
		return tidy(append([]string{"value", "added", "of"}, subj...)) // "the industries added RMB 7.51 trillion"
	case f.kind == "currency":
		head = "amount"
	case f.kind == "percent":
		return ""
	case f.kind == "count":
		if a := c.antecedent(); a != "" {
			head = nounPart(a)
		}
	}
	return tidy(append(append(append([]string{head}, strings.Fields(v)...), "by"), subj...))
}

// trimMetric drops the prepositions and conjunctions a metric may open
// with ("on pain of a fine …" → "pain of a fine …").
func trimMetric(m string) string {
	if m == "" {
		return ""
	}
	ws := strings.Fields(m)
	for len(ws) > 1 {
		lw := strings.ToLower(ws[0])
		if !(tailPreps[lw] || lw == "and" || lw == "or" || lw == "but") || lw == "of" {
			break
		}
		ws = ws[1:]
	}
	// Nor does it end with one, or with a clause word: "an IP action plan
	// within", "central bodies when it was set".
	for i, w := range ws {
		if i > 0 && subordinators[strings.ToLower(w)] {
			ws = ws[:i]
			break
		}
	}
	for len(ws) > 1 {
		lw := strings.ToLower(ws[len(ws)-1])
		if !(tailPreps[lw] || determiners[lw] || lw == "and" || lw == "or" || lw == "but") || lw == "that" {
			break
		}
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, " ")
}

// subordinators open a clause that a metric never takes in.
var subordinators = toSet(`when whenever because although though unless whereas`)

// validMetric refuses a metric that names nothing: one made only of
// function words, adverbs and verbs, one that opens with a preposition
// ("of GDP", "against"), or one that is only a name ("Huawei") — a figure
// then gets its metric from a later strategy, or no statistic at all.
func validMetric(c *figCtx, m string) bool {
	ws := strings.Fields(m)
	if len(ws) == 0 {
		return false
	}
	if first := strings.ToLower(ws[0]); first == "against" || first == "than" || (first == "of" && len(ws) <= 3) || len(ws) == 1 && (tailPreps[first] || comparisonPreps[first]) {
		return false // "against", "of GDP": a fragment, not a concept
	}
	nouns := 0
	for _, w := range ws {
		lw := strings.Trim(strings.ToLower(w), "(),")
		switch {
		case lw == "" || text.FunctionWord(lw) || npStop[lw] || leftLead[lw] || approxWords[lw] || pronouns[lw] || auxWords[lw]:
		case strings.HasSuffix(lw, "ly") && len(lw) > 4:
		case len(ws) <= 2 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing") || irregularPast[lw] || verbForms[lw]):
		default:
			nouns++
		}
	}
	if nouns == 0 {
		return false
	}
	// Only a name: every word capitalized and the whole a mention of the
	// sentence ("Huawei", "Beijing company" is kept: "company" is a noun).
	allCaps := true
	for _, w := range ws {
		if !text.IsCap(text.Token{Text: w, Kind: text.Word}) {
			allCaps = false
		}
	}
	if allCaps {
		for _, mn := range c.s.Mentions {
			if strings.EqualFold(phraseOf(c.s.Tokens[mn.Lo:mn.Hi]), m) {
				return false
			}
		}
	}
	return true
}

// comparisonPreps place a figure against another ("11.33 points above").
var comparisonPreps = toSet(`above below over under beyond behind ahead`)

// verbForms are present-tense verbs that name no quantity alone.
var verbForms = toSet(`allows sets touch touches brings introduces calls provides covers includes involves`)

func phraseOf(toks []text.Token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.Text
	}
	return tidy(ws)
}

// changeVerbs change a value "from A to B".
var changeVerbs = toSet(`rises rose risen raises raised goes went gone increases increased grows grew cuts cut reduces reduced lowers lowered moves moved climbs climbed jumps jumped changes changed doubles doubled lifts lifted extends extended shortens shortened`)

// changeRangeMetric handles the two figures of "the ceiling rises from RMB
// 3 million to RMB 5 million", "raises the cap on damages from 3 million
// yuan to 5 million yuan" (the previous and the new value of what changes)
// and "fines ranging from RMB 200,000 to RMB 800,000" (the minimum and the
// maximum).
func changeRangeMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	// The "from" before this figure, or before the figure this one follows
	// with "to".
	k := f.lo - 1
	for k >= 0 && approxWords[toks[k].Folded()] && !strings.EqualFold(toks[k].Text, "to") {
		k--
	}
	if k < 1 {
		return ""
	}
	role := ""
	from := -1
	switch toks[k].Folded() {
	case "from":
		role, from = "from", k
	case "to":
		for j := k - 1; j >= 0 && j >= k-12; j-- {
			if strings.EqualFold(toks[j].Text, "from") {
				from = j
				break
			}
			if toks[j].Text == ";" || toks[j].Text == "." {
				break
			}
		}
		role = "to"
	}
	if from < 1 || f.unit == "rank" {
		return ""
	}
	if role == "to" {
		// A figure of the same kind must stand between "from" and "to":
		// "from 2015 to 14th place" is a time and a rank.
		ok := false
		for _, p := range c.prior {
			if p.f.lo > from && p.f.hi <= k && p.f.kind == f.kind {
				ok = true
			}
		}
		if !ok {
			return ""
		}
	}
	if role == "from" {
		// There must be a "to" after this figure.
		ok := false
		for j := f.hi; j < len(toks) && j < f.hi+8; j++ {
			if strings.EqualFold(toks[j].Text, "to") {
				ok = true
				break
			}
		}
		if !ok {
			return ""
		}
	}
	v := toks[from-1].Folded()
	var what []string
	ranging := v == "ranging" || v == "range" || v == "ranges" || v == "varying"
	switch {
	case ranging:
		what = phraseBefore(toks, from-1, 6)
		for i := len(what) - 1; i > 0; i-- {
			if tailPreps[strings.ToLower(what[i])] {
				what = what[i+1:] // "imprisonment with fines ranging from": the fines
				break
			}
		}
	case changeVerbs[v] || strings.HasSuffix(v, "ed"):
		// "the ceiling on statutory damages rises from": the subject.
		what = phraseBefore(toks, from-1, 8)
	default:
		// "raises the cap on statutory damages from": the object.
		j := from - 1
		for j > 0 && !changeVerbs[toks[j].Folded()] && from-j < 9 && toks[j].Kind != text.Punct {
			j--
		}
		if j == 0 || !changeVerbs[toks[j].Folded()] {
			return ""
		}
		for _, t := range toks[j+1 : from] {
			what = append(what, t.Text)
		}
	}
	for len(what) > 0 && (determiners[strings.ToLower(what[0])] || leftLead[strings.ToLower(what[0])]) {
		what = what[1:]
	}
	for len(what) > 0 && (strings.HasSuffix(strings.ToLower(what[len(what)-1]), "ly") || strings.EqualFold(what[len(what)-1], "also") || strings.EqualFold(what[len(what)-1], "further") || approxWords[strings.ToLower(what[len(what)-1])]) {
		what = what[:len(what)-1] // "the top fine for serious cases also goes from …"
	}
	if contentWords(what) == 0 {
		return ""
	}
	switch {
	case ranging && role == "from":
		return "minimum " + tidy(what)
	case ranging:
		return "maximum " + tidy(what)
	case role == "from":
		return "previous " + tidy(what)
	}
	return "new " + tidy(what)
}

// comparedMetric handles the figure a comparison names: "seized 71.8
// million items …, compared with 56.18 million items in 2020", "up from
// 6,594 in 2018": what the figure it is compared with measures.
func comparedMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := wordBefore(toks, f.lo)
	if k < 1 {
		return ""
	}
	w := toks[k].Folded()
	p := toks[k-1].Folded()
	switch {
	case (w == "with" || w == "to") && p == "compared":
	case w == "from" && (p == "up" || p == "down" || p == "rising" || p == "falling"):
	case w == "against" || w == "versus":
	default:
		return ""
	}
	if c.near == "" || len(c.prior) == 0 || c.prior[len(c.prior)-1].f.kind != f.kind {
		return ""
	}
	if f.hi < len(toks) && toks[f.hi].Kind == text.Word && isNounish(toks[f.hi]) && !strings.EqualFold(toks[f.hi].Text, "in") {
		head := strings.ToLower(lastWord(headPart(nounPart(c.near))))
		if toks[f.hi].Folded() != head {
			return "" // "compared with 300 firms": another thing
		}
	}
	return c.near
}

// comparativeMetric handles "10.67 percent fewer than in 2019", "12
// percent more", "5 percent lower than a year earlier": the change of what
// the figure before measured.
func comparativeMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "percent" || f.hi >= len(toks) || c.near == "" {
		return ""
	}
	switch toks[f.hi].Folded() {
	case "fewer", "less", "lower", "smaller", "down":
		return "decrease in " + c.near
	case "more", "higher", "greater", "larger", "up":
		if f.hi+1 < len(toks) && toks[f.hi+1].Kind == text.Word && isNounish(toks[f.hi+1]) && !strings.EqualFold(toks[f.hi+1].Text, "than") {
			return "" // "12 percent more patents": the noun says what
		}
		return growthLabel(toks, f) + c.near
	}
	return ""
}

// appositionMetric handles a figure in a phrase set off after a noun
// phrase: "The amended law, consisting of 6 chapters and 67 articles, …"
// (chapters of the amended law), "The Provisions, 19 articles in all, …",
// "the trademark changes, which touch six articles, …" (articles touched by
// the trademark changes).
func appositionMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "count" || f.hi >= len(toks) {
		return ""
	}
	np, _ := nounAfter(toks, f.hi)
	if contentWords(np) == 0 {
		return ""
	}
	// The comma that opens the phrase, and the words between it and the figure.
	k := f.lo - 1
	for k >= 0 && (approxWords[toks[k].Folded()] || toks[k].Kind == text.Num || strings.EqualFold(toks[k].Text, "and")) {
		k--
	}
	// "consisting of 6 chapters and 67 articles": back over the first item.
	for k >= 2 && toks[k].Kind == text.Word && isNounish(toks[k]) && toks[k-1].Kind == text.Num && k+1 < len(toks) && strings.EqualFold(toks[k+1].Text, "and") {
		k -= 2
		for k >= 0 && approxWords[toks[k].Folded()] {
			k--
		}
	}
	verb := ""
	switch {
	case k >= 2 && strings.EqualFold(toks[k].Text, "of") && (strings.EqualFold(toks[k-1].Text, "consisting") || strings.EqualFold(toks[k-1].Text, "composed")):
		k -= 2
	case k >= 3 && strings.EqualFold(toks[k].Text, "of") && strings.EqualFold(toks[k-1].Text, "up") && strings.EqualFold(toks[k-2].Text, "made"):
		k -= 3 // "made up of 5 chapters"
	case k >= 1 && (strings.EqualFold(toks[k].Text, "comprising") || strings.EqualFold(toks[k].Text, "containing") || strings.EqualFold(toks[k].Text, "covering")):
		k--
	case k >= 2 && strings.EqualFold(toks[k-1].Text, "which") && toks[k].Kind == text.Word:
		verb = presentParticiple(toks[k].Folded())
		k -= 2
	case k >= 0 && toks[k].Text == ",":
		// "The Provisions, 19 articles in all,"
		j := f.hi + len(np)
		if j+1 >= len(toks) || !(strings.EqualFold(toks[j].Text, "in") && (strings.EqualFold(toks[j+1].Text, "all") || strings.EqualFold(toks[j+1].Text, "total"))) {
			return ""
		}
	default:
		return ""
	}
	if k < 1 || toks[k].Text != "," {
		return ""
	}
	whole := phraseBefore(toks, k, 6)
	for len(whole) > 0 && leftLead[strings.ToLower(whole[0])] {
		whole = whole[1:]
	}
	if contentWords(whole) == 0 {
		return ""
	}
	if verb != "" {
		return tidy(append(append(append([]string{}, np...), verb, "by"), whole...))
	}
	return tidy(append(append(append([]string{}, np...), "of"), whole...))
}

// presentParticiple turns a present-tense verb into its past participle:
// "touch" → "touched", "covers" → "covered", "involve" → "involved".
func presentParticiple(v string) string {
	if p, ok := irregularParticiples[v+"ing"]; ok {
		return p
	}
	v = strings.TrimSuffix(v, "es")
	if strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") {
		v = strings.TrimSuffix(v, "s")
	}
	if strings.HasSuffix(v, "e") {
		return v + "d"
	}
	return v + "ed"
}

// possessionMetric handles "Universities were in possession of 410,000":
// what the figure before counted, possessed by the clause's subject.
func possessionMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := wordBefore(toks, f.lo)
	if f.kind != "count" || k < 1 || !strings.EqualFold(toks[k].Text, "of") {
		return ""
	}
	v, ok := nominalVerbs[toks[k-1].Folded()]
	if !ok {
		return ""
	}
	ante := c.antecedent()
	if ante == "" {
		return ""
	}
	m := append(strings.Fields(nounPart(ante)), v)
	if subj := clauseSubjectOfCopula(toks, k-1); contentWords(subj) > 0 {
		m = append(append(m, "by"), subj...)
	}
	return tidy(m)
}

// measureOfMetric handles "generated value added of 12,128.9 billion
// yuan", "imposed a fine of RMB 1.5 million", "an amount of more than RMB
// 300 million": the noun before "of" names what is measured, with the
// verb that produced it and its subject.
func measureOfMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := wordBefore(toks, f.lo)
	if k < 1 || !strings.EqualFold(toks[k].Text, "of") {
		return ""
	}
	end := k
	lo := end
	for lo > 0 && end-lo < 4 {
		t := toks[lo-1]
		lw := strings.ToLower(t.Text)
		valueAdded := lw == "added" && lo >= 2 && strings.EqualFold(toks[lo-2].Text, "value")
		if t.Kind != text.Word || determiners[lw] || text.FunctionWord(lw) || !valueAdded && (npStop[lw] || reportingVerbs[lw] || verbish(toks, lo-1)) {
			break
		}
		lo--
	}
	if lo == end {
		return ""
	}
	var np []string
	for _, t := range toks[lo:end] {
		np = append(np, t.Text)
	}
	switch strings.ToLower(np[len(np)-1]) {
	case "number", "total", "group", "batch", "list", "team", "series", "set", "share", "rate", "increase", "growth":
		return "" // "a total of", "a group of", "an increase of": other rules read them
	}
	if _, ok := nominalVerbs[strings.ToLower(np[len(np)-1])]; ok && f.kind == "count" {
		return "" // possessionMetric's
	}
	m := np
	if lo > 0 && determiners[toks[lo-1].Folded()] {
		lo--
	}
	if v, vi := verbBefore(toks, lo); v != "" && vi == lo-1 {
		m = append(append([]string{}, np...), strings.Fields(v)...)
		if subj := clauseSubject(toks, vi); contentWords(subj) > 0 {
			m = append(append(m, "by"), subj...)
		}
	}
	return tidy(m)
}

// passiveSubjectMetric handles a figure that is the subject of a passive
// verb with no noun of its own: "while 43,511 were closed" — what the
// figure before counted, closed.
func passiveSubjectMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	if f.kind != "count" || f.unit != "" || f.hi+1 >= len(toks) {
		return ""
	}
	k := f.hi
	if w := toks[k].Folded(); w != "were" && w != "was" && w != "had" && w != "have" && w != "has" {
		return ""
	}
	k++
	if k < len(toks) && strings.EqualFold(toks[k].Text, "been") {
		k++
	}
	if k >= len(toks) || !verbish(toks, k) && !irregularParticiple[toks[k].Folded()] {
		return ""
	}
	ante := c.antecedent()
	if ante == "" {
		return ""
	}
	return tidy(append(strings.Fields(nounPart(ante)), toks[k].Text))
}

// linkVerbs join a subject to its figure: "Foreign-related cases …
// numbered 376".
var linkVerbs = toSet(`numbered totaled totalled reached stood came amounted hit exceeded topped`)

// farSubjectMetric handles a subject set off from its verb by a phrase in
// commas: "Foreign-related cases, including those with parties from Hong
// Kong, Macao and Taiwan, numbered 376".
func farSubjectMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := f.lo - 1
	for k >= 0 && (approxWords[toks[k].Folded()] || strings.EqualFold(toks[k].Text, "at") || strings.EqualFold(toks[k].Text, "to")) {
		k--
	}
	if k < 2 || !linkVerbs[toks[k].Folded()] || toks[k-1].Text != "," {
		return ""
	}
	// The clause's start, and its first phrase up to a comma.
	start := 0
	for j := k - 1; j >= 0; j-- {
		if toks[j].Text == ";" || toks[j].Text == ":" {
			start = j + 1
			break
		}
	}
	var np []string
	for j := start; j < k && toks[j].Text != ","; j++ {
		np = append(np, toks[j].Text)
	}
	for len(np) > 0 && leftLead[strings.ToLower(np[0])] {
		np = np[1:]
	}
	if contentWords(np) == 0 || len(np) > 8 {
		return ""
	}
	return tidy(np)
}

// superlativeMetric handles "New equipment manufacturing was the largest
// segment at 3,419.4 billion yuan": the part's share of what the sentence
// before measured ("value added of new equipment manufacturing").
func superlativeMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := wordBefore(toks, f.lo)
	if k < 4 || !(strings.EqualFold(toks[k].Text, "at") || strings.EqualFold(toks[k].Text, "with")) {
		return ""
	}
	// "… was the largest segment at": a copula, "the", a superlative.
	cop := -1
	for j := k - 1; j >= 1 && j >= k-5; j-- {
		if copulas[toks[j].Folded()] || superlativeVerbs[toks[j].Folded()] {
			cop = j
			break
		}
	}
	if cop < 1 || !strings.EqualFold(toks[cop+1].Text, "the") || cop+2 >= k || !superlative(toks[cop+2].Text) {
		return ""
	}
	if f.hi < len(toks) && toks[f.hi].Kind == text.Word && isNounish(toks[f.hi]) {
		return "" // "the largest category with 1,510,914 pieces": the noun names it
	}
	part := phraseBefore(toks, cop, 6)
	base := ""
	if n := len(c.x.lastFigures); n > 0 {
		base = c.x.lastFigures[n-1]
	}
	if contentWords(part) == 0 || base == "" {
		return ""
	}
	return tidy(append(append(strings.Fields(nounPart(base)), "of"), part...))
}

// superlativeVerbs, like copulas, lead to "the largest segment":
// "Animation formed the biggest segment, at …".
var superlativeVerbs = toSet(`formed forms constituted constitutes remained remains became becomes made makes`)

// superlative reports whether w is a superlative adjective: "largest",
// "biggest", "top", "most".
func superlative(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "est") && len(lw) > 4 || lw == "top" || lw == "most" || lw == "leading"
}

// nominalVerbs are nouns that name holding a quantity, with their verb:
// "in possession of 1.6 million" is "possessed".
var nominalVerbs = map[string]string{"possession": "possessed", "ownership": "owned", "holdings": "held", "custody": "held"}

// clauseSubjectOfCopula returns the subject of "X is (now) in possession
// of": the words between the clause's start and its copula.
func clauseSubjectOfCopula(toks []text.Token, lo int) []string {
	k := lo - 1
	for k >= 0 && (strings.EqualFold(toks[k].Text, "in") || strings.EqualFold(toks[k].Text, "now") || strings.EqualFold(toks[k].Text, "still")) {
		k--
	}
	if k < 1 || !copulas[toks[k].Folded()] {
		return nil
	}
	return phraseBefore(toks, k, 6)
}

// hasWord reports whether one of toks is w, in any case.
func hasWord(toks []text.Token, w string) bool {
	for _, t := range toks {
		if t.Folded() == w {
			return true
		}
	}
	return false
}
