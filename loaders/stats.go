package loaders

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// scaleWords multiply the number before them.
var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"mln": 1e6, "bln": 1e9, "bn": 1e9,
}

// currencyAfter are currency words that follow a number, with their unit.
var currencyAfter = map[string]string{
	"yuan": "yuan", "rmb": "yuan", "cny": "yuan", "renminbi": "yuan",
	"dollars": "US dollars", "dollar": "US dollars", "usd": "US dollars",
	"euros": "euros", "euro": "euros", "eur": "euros", "yen": "yen", "won": "won",
}

// measureUnits are nouns that are units rather than things counted.
var measureUnits = toSet(`points point times months month days day years year hours hour weeks week percent places place`)

// Words that end a noun phrase after a number.
var npStop = toSet(`in on at for from with by to per under over into across through as than compared and or but which that who whom whose where when while
was were is are be been being has have had will would shall should can could may might must do does did
reached reach reaching stood stand stands hit totaled totalled totaling totalling amounted amounting increased increasing rose rising grew growing
fell falling dropped decreased declined exceeded exceeding surpassed accounted accounting climbed jumped doubled tripled up down
respectively year-on-year compared including included among about around nearly approximately over more less than
last this next previous following same each every such these those it its we our they their he she his her whose which`)

// timeWords end a qualifier: time is the period's business, not the metric's.
var timeWords = toSet(`last this next year years month months january february march april may june july august september october november december
respectively year-on-year compared ranking accounting representing`)

// weakWords carry no meaning of their own in a subject phrase.
var weakWords = toSet(`representing showing indicating marking a an year-on-year annual average overall total further respectively which it that this
growth increase decrease rise jump decline drop`)

// Words that end the subject phrase before a number (the verb or the
// preposition that leads to the figure).
var leftCut = toSet(`reached reach reaches reaching stood stand stands standing hit hits totaled totalled totaling totalling amounted amounting amounts
increased increasing increase increases rose rising rise rises grew growing grow grows fell falling dropped decreased declined exceeded exceeding exceeds surpassed surpassing
accounted accounting accounts climbed jumped doubled tripled was were is are has have had will would remained remains kept keeps
saw hitting approached maintained achieved attained topped up down`)

// Leading words dropped from a subject phrase.
var leftLead = toSet(`and with while which as the a an its their this that these those of in also meanwhile respectively among including where whereas thus so then
there here total further besides additionally moreover furthermore we our it they he she i us`)

// reportingVerbs introduce reported speech.
var reportingVerbs = toSet(`said says noted notes stated states added adds announced announces reported reports explained explains stressed stresses
revealed reveals disclosed discloses showed shows indicated indicates estimated estimates`)

// growthWords before a percentage make it a growth rate.
var growthWords = toSet(`up increase increased increases increasing growth grew grow grows rose rise rising down decrease decreased decline declined fell drop dropped jump jumped`)

// figure is a number found in a sentence.
type figure struct {
	lo, hi int // token span, scale and unit words included
	value  float64
	unit   string
	kind   string // "percent", "currency", "measure", "count"
}

// statistics finds the figures of every sentence and keeps those with a
// metric.
func (d *docState) statistics(ctx context.Context) []Statistic {
	var out []Statistic
	def := d.defaultPeriod()
	carry := ""
	prevEnd := -1
	docRunes := []rune(d.doc.Text)
	reported := ""
	if d.main >= 0 {
		reported = d.entityID(d.main)
	}
	for si, s := range d.sents {
		if si%64 == 0 && ctx.Err() != nil {
			return nil
		}
		// A new paragraph (a line break before the sentence) drops the
		// period carried from earlier sentences.
		if prevEnd >= 0 && strings.ContainsRune(string(docRunes[min(prevEnd, s.Offset):s.Offset]), '\n') {
			carry = ""
		}
		prevEnd = s.Offset + len(s.runes)
		periods := findPeriods(s.Text, d.doc.Date)
		figs := d.figures(s)
		lastMetric := ""
		for _, f := range figs {
			metric := d.metricFor(s, f, lastMetric)
			if metric == "" {
				continue
			}
			lastMetric = strings.TrimPrefix(metric, "growth of ")
			period := pickPeriod(periods, s.toks[f.lo].lo)
			if period == "" {
				period = carry
			}
			if period == "" {
				period = def
			}
			st := Statistic{
				ID:         fmt.Sprintf("s%d", len(out)+1),
				Metric:     metric,
				Value:      f.value,
				Unit:       f.unit,
				Period:     period,
				Subject:    d.subjectOf(s, f),
				ReportedBy: reported,
				Sentence:   s.Text,
				Offset:     s.Offset,
				Rule:       "figure with " + f.kind + " unit; metric from the " + metricSide(s, f, metric),
			}
			out = append(out, st)
		}
		if len(periods) > 0 {
			carry = pickPeriod(periods, len(s.runes))
		}
	}
	return out
}

func metricSide(s *sentInfo, f figure, metric string) string {
	if f.hi < len(s.toks) && strings.Contains(metric, s.toks[min(f.hi, len(s.toks)-1)].s) {
		return "noun phrase after the number"
	}
	return "subject phrase before the number"
}

// defaultPeriod is the period of a figure whose sentence and paragraph
// name no time: the year in the title of a report ("Annual Report 2017");
// for a document dated to the month, that month (an undated figure in a
// dated briefing is stated as current); else a year that most "in YYYY"
// phrases of the document name.
func (d *docState) defaultPeriod() string {
	if y := yearOnlyRe.FindString(d.doc.Title); y != "" {
		return y
	}
	if len(d.doc.Date) >= 7 {
		return d.doc.Date[:7] // a dated document: an undated figure is current
	}
	counts := map[string]int{}
	total := 0
	for _, m := range reInYear.FindAllStringSubmatch(d.doc.Text, -1) {
		counts[m[1]]++
		total++
	}
	best, bestN := "", 0
	for y, n := range counts {
		if n > bestN || (n == bestN && y > best) {
			best, bestN = y, n
		}
	}
	if bestN >= 3 && bestN*2 > total {
		return best
	}
	return ""
}

// subjectOf returns the region a figure is about, when the sentence names
// one before the figure ("in China", "China's").
func (d *docState) subjectOf(s *sentInfo, f figure) string {
	for _, m := range s.mentions {
		if m.lo >= f.lo {
			break
		}
		if d.typeOf(m) == Region {
			return d.entityID(d.entOf(m))
		}
	}
	return ""
}

// parseNumber parses "4.425", "10,000" or "45".
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// figures finds the numbers of a sentence that can be statistics, skipping
// years, dates, list numbers, document numbers, times and ranges.
func (d *docState) figures(s *sentInfo) []figure {
	toks := s.toks
	var out []figure
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if f, ok := rankFigure(toks, i); ok {
			out = append(out, f)
			continue
		}
		if insideQuotes(toks, i) {
			continue // part of a quoted name: "100 Events with 10,000 Enterprises"
		}
		if n, ok := spelledNumbers[t.s]; ok && i+1 < len(toks) && !anaphoric(toks, i) && !listIntro(toks, i+1) {
			// "four months", "six products were recognized"; not "two of them".
			next := toks[i+1]
			lw := strings.ToLower(next.s)
			if next.kind == tokWord && !isCap(next) && (measureUnits[lw] || isNounish(next)) && !timeWords[lw] && lw != "sessions" && lw != "aspects" {
				f := figure{lo: i, hi: i + 1, value: float64(n), kind: "count"}
				if measureUnits[lw] {
					f.unit, f.kind, f.hi = lw, "measure", i+2
				}
				out = append(out, f)
				i = f.hi - 1
			}
			continue
		}
		if t.kind != tokNum {
			continue
		}
		v, ok := parseNumber(t.s)
		if !ok || anaphoric(toks, i) {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = toks[i-1].s
		}
		if i+1 < len(toks) {
			next = toks[i+1].s
		}
		if prev == "." && i > 1 {
			prev = toks[i-2].s // "No. 20"
		}
		pl := strings.ToLower(strings.TrimSuffix(prev, "."))
		// Dates and times: "July 29", "29 July", "Nov. 30", "10 a.m.".
		if monthNames[pl] > 0 || (i > 1 && toks[i-1].s == "." && monthNames[strings.ToLower(toks[i-2].s)] > 0) || monthNames[strings.ToLower(next)] > 0 {
			continue
		}
		if next == "a.m." || next == "p.m." || next == "a" || next == "p" || next == ":" && i+2 < len(toks) && toks[i+2].kind == tokNum {
			continue
		}
		// Document and list numbers: "No. 20", "[2015]", "(1)", "Article 5".
		if pl == "no" || pl == "nos" || pl == "article" || pl == "art" || pl == "chapter" || pl == "section" || pl == "item" || pl == "paragraph" || pl == "phase" || pl == "level" || pl == "batch" || pl == "grade" || pl == "class" || pl == "version" {
			continue
		}
		if (prev == "(" || prev == "[" || prev == "（") && (next == ")" || next == "]" || next == "）") {
			continue
		}
		if i == 0 && (next == "." || next == ")" || next == "、") {
			continue
		}
		// Ranges and compounds: "2021-2035", "5-year", "per 10,000 people".
		if next == "-" || next == "–" || prev == "-" || prev == "–" || prev == "/" || next == "/" {
			continue
		}
		if pl == "per" || pl == "every" || pl == "top" {
			continue
		}
		isYear := !strings.ContainsAny(t.s, ",.") && len(t.s) == 4 && v >= 1900 && v <= 2100
		f := figure{lo: i, hi: i + 1, value: v, kind: "count"}
		// Currency before the number: "RMB 1.2 billion", "$3 million".
		if pl == "rmb" || pl == "cny" || pl == "¥" || pl == "￥" {
			f.unit, f.kind = "yuan", "currency"
			f.lo = i - 1
		} else if prev == "$" || pl == "usd" || pl == "us$" {
			f.unit, f.kind = "US dollars", "currency"
			f.lo = i - 1
		} else if prev == "€" || pl == "eur" {
			f.unit, f.kind = "euros", "currency"
			f.lo = i - 1
		}
		k := i + 1
		// Scale words: "million", "hundred million", "万", "亿".
		for k < len(toks) {
			w := strings.ToLower(toks[k].s)
			if w == "hundred" && k+1 < len(toks) && strings.ToLower(toks[k+1].s) == "million" {
				f.value *= 1e8
				k += 2
				continue
			}
			if sc, ok := scaleWords[w]; ok {
				f.value *= sc
				k++
				continue
			}
			if toks[k].kind == tokCJK && toks[k].lo == toks[k-1].hi {
				switch []rune(toks[k].s)[0] {
				case '万':
					f.value *= 1e4
				case '亿':
					f.value *= 1e8
				}
			}
			break
		}
		if isYear && k == i+1 && f.kind == "count" && !(k < len(toks) && (toks[k].s == "%" || strings.EqualFold(toks[k].s, "percent"))) {
			continue
		}
		// Percent and percentage points.
		if k < len(toks) {
			w := strings.ToLower(toks[k].s)
			switch {
			case toks[k].s == "%" || toks[k].s == "％":
				f.unit, f.kind = "percent", "percent"
				k++
			case w == "percent" || (w == "per" && k+1 < len(toks) && strings.ToLower(toks[k+1].s) == "cent"):
				f.unit, f.kind = "percent", "percent"
				if w == "per" {
					k++
				}
				k++
			case w == "percentage" && k+1 < len(toks) && strings.HasPrefix(strings.ToLower(toks[k+1].s), "point"):
				f.unit, f.kind = "percentage points", "percent"
				k += 2
			}
		}
		// Currency after the number: "15.3 trillion yuan", "15,700 U.S. dollars".
		if f.kind == "count" && k < len(toks) {
			w := strings.ToLower(toks[k].s)
			if w == "u.s." || w == "us" || w == "american" || w == "hong" {
				if k+1 < len(toks) {
					if u, ok := currencyAfter[strings.ToLower(toks[k+1].s)]; ok {
						f.unit, f.kind = u, "currency"
						k += 2
					}
				}
			} else if u, ok := currencyAfter[w]; ok {
				f.unit, f.kind = u, "currency"
				k++
			} else if toks[k].kind == tokCJK && strings.HasPrefix(toks[k].s, "元") {
				f.unit, f.kind = "yuan", "currency"
				k++
			}
		}
		if f.kind == "count" && k < len(toks) && measureUnits[strings.ToLower(toks[k].s)] {
			f.unit, f.kind = strings.ToLower(toks[k].s), "measure"
			k++
		}
		f.hi = k
		out = append(out, f)
		i = k - 1
	}
	return out
}

// anaphoric reports whether the number at i refers back to something
// already counted ("the 932 patents", "these two difficulties") or is part
// of a choice ("between two agencies", "one of the three").
func anaphoric(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	switch strings.ToLower(toks[i-1].s) {
	case "the", "these", "those", "top", "between", "its", "their", "our":
		return true
	}
	return false
}

// listIntro reports whether the noun phrase from k announces a list ("three
// major tasks: …").
func listIntro(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+5; j++ {
		if toks[j].s == ":" {
			return true
		}
		if toks[j].kind != tokWord {
			return false
		}
	}
	return false
}

// insideQuotes reports whether token i stands between an opening and a
// closing quotation mark of its sentence.
func insideQuotes(toks []token, i int) bool {
	open := false
	for k := 0; k < i; k++ {
		switch toks[k].s {
		case "“":
			open = true
		case "”":
			open = false
		case "\"":
			open = !open
		}
	}
	if !open {
		return false
	}
	for k := i + 1; k < len(toks); k++ {
		if toks[k].s == "”" || toks[k].s == "\"" {
			return k-i < 12
		}
	}
	return false
}

// spelledNumbers are small numbers written as words ("one" is left out: it
// is mostly an article).
var spelledNumbers = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}

var ordinalWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// rankFigure recognizes a rank: "ranking first in the world", "rose from
// 35th in 2013 to 12th", "14th place" — an ordinal after a ranking verb or
// before "place", never an ordinal naming something ("14th Five-Year Plan").
func rankFigure(toks []token, i int) (figure, bool) {
	t := toks[i]
	v := 0
	if t.kind == tokAlnum {
		rs := strings.TrimLeft(t.s, "0123456789")
		if rs == "st" || rs == "nd" || rs == "rd" || rs == "th" {
			n, err := strconv.Atoi(strings.TrimSuffix(t.s, rs))
			if err == nil {
				v = n
			}
		}
	} else if t.kind == tokWord {
		v = ordinalWords[strings.ToLower(t.s)]
		if v > 0 && isCap(t) {
			return figure{}, false
		}
	}
	if v <= 0 {
		return figure{}, false
	}
	if i+1 < len(toks) && (isCap(toks[i+1]) || toks[i+1].s == "-") {
		return figure{}, false
	}
	next := ""
	if i+1 < len(toks) {
		next = strings.ToLower(toks[i+1].s)
	}
	cue := next == "place" || next == "places"
	for k := i - 1; k >= 0 && i-k <= 6 && !cue; k-- {
		w := strings.ToLower(toks[k].s)
		if strings.HasPrefix(w, "rank") || w == "risen" || w == "rose" || w == "jumped" || w == "climbed" || w == "moved" {
			cue = true
		}
		if toks[k].kind == tokPunct && toks[k].s != "," {
			break
		}
	}
	if !cue || (t.kind == tokWord && next != "in" && next != "place" && next != "among" && next != "," && next != "." && next != "globally" && next != "worldwide") {
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
func isNounish(t token) bool {
	if t.kind != tokWord {
		return false
	}
	w := strings.ToLower(t.s)
	if npStop[w] || strings.HasSuffix(w, "ly") {
		return false
	}
	return true
}

// nounAfter returns the noun phrase after a figure ("invention patents",
// "cases of counterfeiting patents") and a participle tail ("transferred to
// judicial organs").
func nounAfter(toks []token, k int) (np []string, tail []string) {
	j := k
	ofUsed := false
	for j < len(toks) && len(np) < 7 {
		t := toks[j]
		w := strings.ToLower(t.s)
		if isNounish(t) {
			np = append(np, t.s)
			j++
			continue
		}
		if w == "of" && !ofUsed && len(np) > 0 && j+1 < len(toks) && isNounish(toks[j+1]) {
			ofUsed = true
			np = append(np, "of")
			j++
			continue
		}
		if w == "and" && len(np) > 0 && j+1 < len(toks) && isNounish(toks[j+1]) && j+2 < len(toks) && isNounish(toks[j+2]) {
			np = append(np, "and")
			j++
			continue
		}
		if t.s == "-" || t.s == "'s" || t.s == "’s" {
			j++
			continue
		}
		break
	}
	if len(np) == 0 || timeWords[strings.ToLower(np[0])] {
		return nil, nil
	}
	// Qualifier: "were filed for investigation", "for model institutions",
	// "affiliated with the academy" — up to the next punctuation, figure or
	// time phrase.
	m := j
	for m < len(toks) && (strings.EqualFold(toks[m].s, "were") || strings.EqualFold(toks[m].s, "was") || strings.EqualFold(toks[m].s, "being") || strings.EqualFold(toks[m].s, "been") || strings.EqualFold(toks[m].s, "have") || strings.EqualFold(toks[m].s, "has") || strings.EqualFold(toks[m].s, "had")) {
		m++
	}
	if m < len(toks) && toks[m].kind == tokWord {
		w := strings.ToLower(toks[m].s)
		participle := (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || w == "made" || w == "held" || w == "built" || w == "set") && !leftCut[w]
		prep := m == j && (w == "of" || w == "for" || w == "on" || w == "from" || w == "by" || w == "under" || w == "with" || w == "across" || w == "involving" || w == "providing" || w == "whose" || w == "that")
		if participle || prep {
			for n := m; n < len(toks) && n-m < 9; n++ {
				tw := strings.ToLower(toks[n].s)
				if toks[n].kind != tokWord && toks[n].s != "-" && toks[n].s != "/" {
					break
				}
				if timeWords[tw] || (tw == "in" && n+1 < len(toks) && toks[n+1].kind == tokNum) {
					break
				}
				tail = append(tail, toks[n].s)
			}
			for len(tail) > 0 && (functionWord(strings.ToLower(tail[len(tail)-1])) || npStop[strings.ToLower(tail[len(tail)-1])]) {
				tail = tail[:len(tail)-1]
			}
		}
	}
	return np, tail
}

// subjectBeforeFigure returns the subject phrase of the clause that leads to
// a figure: "The added value of patent-intensive industries" in "The added
// value of patent-intensive industries reached 15.3 trillion yuan".
func subjectBeforeFigure(toks []token, lo int) ([]string, bool) {
	start := lo
	for start > 0 {
		t := toks[start-1]
		if t.kind == tokPunct && t.s != "-" && t.s != "'" && t.s != "’" && t.s != "%" {
			break
		}
		w := strings.ToLower(t.s)
		if w == "while" || w == "whereas" || w == "which" || w == "where" || w == "but" {
			break
		}
		start--
	}
	var words []string
	growth := false
	for k := start; k < lo; k++ {
		words = append(words, toks[k].s)
	}
	// Drop a reporting clause: "He said (that) exports …".
	for k := len(words) - 1; k >= 0; k-- {
		if reportingVerbs[strings.ToLower(words[k])] {
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
	if lo > 0 && growthWords[strings.ToLower(toks[lo-1].s)] {
		growth = true
	}
	if lo > 1 && strings.EqualFold(toks[lo-1].s, "of") && growthWords[strings.ToLower(toks[lo-2].s)] {
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
	for len(words) >= 3 && strings.EqualFold(words[0], "number") && strings.EqualFold(words[1], "of") {
		words = words[2:]
	}
	return words, growth
}

// contentWords counts words that are not function words.
func contentWords(ws []string) int {
	n := 0
	for _, w := range ws {
		lw := strings.ToLower(w)
		if !functionWord(lw) && !npStop[lw] && !leftLead[lw] && len(lw) > 1 && unicode.IsLetter([]rune(lw)[0]) {
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
		if !weakWords[lw] && !functionWord(lw) && !npStop[lw] && !leftLead[lw] && !timeWords[lw] && len(lw) > 1 && unicode.IsLetter([]rune(lw)[0]) {
			n++
		}
	}
	return n
}

// metricFor names what a figure measures, or "" when nothing in the
// sentence does.
func (d *docState) metricFor(s *sentInfo, f figure, lastMetric string) string {
	toks := s.toks
	np, tail := nounAfter(toks, f.hi)
	left, growth := subjectBeforeFigure(toks, f.lo)
	if f.kind == "percent" {
		for k := f.hi; k < len(toks) && k < f.hi+3; k++ {
			if growthWords[strings.ToLower(toks[k].s)] {
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
	if f.kind == "count" && len(np) == 1 && measureUnits[strings.ToLower(np[0])] {
		f.kind = "measure"
	}
	strong := strongWords(left)
	var metric []string
	switch {
	case f.kind == "count" && contentWords(np) > 0:
		metric = append(np, tail...)
		if len(np) == 1 && len(tail) == 0 && strong > 0 {
			metric = append(append([]string{}, left...), np...)
		}
	case f.kind == "percent" && strong == 0 && len(np) >= 2 && strings.EqualFold(np[0], "of") && lastMetric != "":
		// "accounting for 12.7% of GDP": a share of the figure before.
		metric = append([]string{"share"}, np...)
		metric = append(metric, "of", lastMetric)
	case f.kind == "percent" && growth && strong == 0 && lastMetric != "":
		return "growth of " + lastMetric
	case strong > 0:
		metric = left
		if f.kind == "percent" && strong <= 2 && lastMetric != "" && !growth {
			// "with an accuracy rate of 94.2%": the rate of what came before.
			metric = append(append([]string{}, left...), "of", lastMetric)
		}
		if f.kind == "percent" && growth {
			metric = append([]string{"growth", "of"}, metric...)
		}
	case contentWords(np) > 0 && f.kind != "count":
		metric = np
	default:
		return ""
	}
	if contentWords(metric) == 0 {
		return ""
	}
	out := strings.Join(metric, " ")
	out = strings.NewReplacer(" - ", "-", " ’s", "’s", " 's", "'s", " ,", ",").Replace(out)
	if len([]rune(out)) > 160 {
		out = string([]rune(out)[:160])
	}
	return strings.TrimSpace(out)
}

func sortRelations(rs []Relation) {
	sort.SliceStable(rs, func(a, b int) bool {
		if rs[a].Offset != rs[b].Offset {
			return rs[a].Offset < rs[b].Offset
		}
		if rs[a].Subject != rs[b].Subject {
			return rs[a].Subject < rs[b].Subject
		}
		if rs[a].Predicate != rs[b].Predicate {
			return rs[a].Predicate < rs[b].Predicate
		}
		return rs[a].Object < rs[b].Object
	})
}
