package quantity

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// Tables and labelled lines name their figures by their layout: a cell's
// metric is its column's head and its row's label ("Grants (Invention)"),
// a column headed by a year gives the figure its period, and a line
// "Trademark registrations: 6.18 million" gives its figure the label.

// cellSep splits a table row: a bar, a tab, or a run of two or more spaces.
var cellSep = regexp.MustCompile(`\s*\|\s*|\t+|\s{2,}`)

// cells splits a line into its cells with their rune offsets, or nil when
// the line is not a row of at least two cells.
func cells(line string) ([]string, []int) {
	if !strings.ContainsAny(line, "|\t") && !strings.Contains(line, "  ") {
		return nil, nil // most lines: no separator, no regexp
	}
	locs := cellSep.FindAllStringIndex(line, -1)
	if len(locs) == 0 {
		return nil, nil
	}
	var out []string
	var at []int
	prev := 0
	add := func(lo, hi int) {
		if c := strings.TrimSpace(line[lo:hi]); c != "" {
			out = append(out, c)
			at = append(at, utf8.RuneCountInString(line[:lo]))
		}
	}
	for _, l := range locs {
		add(prev, l[0])
		prev = l[1]
	}
	add(prev, len(line))
	if len(out) < 2 {
		return nil, nil
	}
	return out, at
}

// numericCell reports whether a cell is only a figure ("6,280", "+31.3%",
// "nearly 31 million", "-").
var numericCellRe = regexp.MustCompile(`^(?:about |nearly |over |around |some |approximately )?[+−-]?[\d.,]+\s*(?:%|percent|million|billion|trillion|thousand)?(?:\s+\w+)?$|^[-–—]$`)

func numericCell(c string) bool { return numericCellRe.MatchString(strings.ToLower(c)) }

// yearCell reports whether a header cell names a year ("2020").
func yearCell(c string) (string, bool) {
	f := strings.Fields(strings.ToLower(c))
	if len(f) == 0 || len(f) > 2 || len(f[0]) != 4 || !(strings.HasPrefix(f[0], "19") || strings.HasPrefix(f[0], "20")) {
		return "", false
	}
	if len(f) == 2 && f[1] != "target" && f[1] != "goal" && f[1] != "forecast" && f[1] != "(target)" && f[1] != "estimate" {
		return "", false
	}
	return f[0], true
}

// tableMetric names a figure that stands alone in a cell of a table row,
// by the row's label and the column's head (the nearest line above with as
// many cells and no figures but years); a year heading the column becomes
// the period.
func tableMetric(c *figCtx) string {
	s := c.s
	row, at := cells(s.Text)
	if row == nil {
		return ""
	}
	figLo := s.Tokens[c.f.lo].Lo
	col := -1
	for i := range row {
		if at[i] <= figLo && (i+1 == len(row) || figLo < at[i+1]) {
			col = i
		}
	}
	if col <= 0 || !numericCell(row[col]) {
		return ""
	}
	label := ""
	if !numericCell(row[0]) {
		label = row[0]
	}
	head := c.tableHead(len(row))
	colHead := ""
	if head != nil && col < len(head) {
		colHead = head[col]
	}
	if y, ok := yearCell(colHead); ok {
		c.period = y
		colHead = ""
	}
	if colHead != "" && isChangeHead(colHead) && col >= 2 && head != nil {
		colHead = strings.ToLower(colHead) + " of " + head[col-1]
	}
	c.unitFromLabel(label + " " + colHead)
	rowIsTime := label != "" && c.labelIsTime()
	switch {
	case colHead != "" && (label == "" || rowIsTime):
		return colHead
	case colHead != "" && c.mentionAt(0, labelTokens(s.Tokens, label)) != nil:
		return colHead
	case colHead != "":
		return colHead + " (" + label + ")"
	case label != "" && !rowIsTime:
		return label
	}
	return ""
}

// isChangeHead reports whether a column head names a change of the column
// before it ("Change", "Growth", "YoY").
func isChangeHead(h string) bool {
	switch strings.ToLower(strings.TrimSpace(h)) {
	case "change", "growth", "yoy", "y-o-y", "increase", "year-on-year", "growth (%)", "change (%)":
		return true
	}
	return false
}

// labelIsTime reports whether the row's label is a time phrase
// ("January-April").
func (c *figCtx) labelIsTime() bool {
	t := c.s.Time
	if t == nil {
		return false
	}
	for _, e := range t.Exprs {
		if e.Lo == 0 {
			return true
		}
	}
	return false
}

// labelTokens returns how many tokens the label spans at the row's start.
func labelTokens(toks []text.Token, label string) int {
	n := utf8.RuneCountInString(label)
	k := 0
	for k < len(toks) && toks[k].Hi <= n {
		k++
	}
	return k
}

// tableHead returns the head row of the table the figure's row is in: the
// nearest line above, within the table's lines, with n cells (or n-1, a
// head without a label column) and no figure but years.
func (c *figCtx) tableHead(n int) []string {
	doc := c.x.doc
	for k := c.si - 1; k >= 0 && k >= c.si-12; k-- {
		row, _ := cells(doc.Sentences[k].Text)
		if row == nil {
			return nil
		}
		if len(row) != n && len(row) != n-1 {
			continue
		}
		head := true
		for _, cell := range row {
			if _, y := yearCell(cell); numericCell(cell) && !y {
				head = false
				break
			}
		}
		if head {
			if len(row) == n-1 {
				row = append([]string{""}, row...)
			}
			return row
		}
	}
	return nil
}

// labelMetric names the figure of a labelled line: "Trademark
// registrations: 6.18 million", "- Criminal IP cases concluded: 5,544",
// "Geographical indication products approved — 2,391".
func labelMetric(c *figCtx) string {
	toks, f := c.s.Tokens, c.f
	k := wordBefore(toks, f.lo)
	if k < 1 || (toks[k].Text != ":" && toks[k].Text != "—" && toks[k].Text != "–") {
		return ""
	}
	lo := k
	for lo > 0 && toks[lo-1].Text != ":" && toks[lo-1].Text != ";" && toks[lo-1].Text != "•" && !(toks[lo-1].Kind == text.Punct && lo-1 == 0) && k-lo < 10 {
		lo--
	}
	var label []string
	for _, t := range toks[lo:k] {
		if t.Kind == text.Punct && t.Text != "-" {
			continue
		}
		label = append(label, t.Text)
	}
	for len(label) > 0 && leftLead[strings.ToLower(label[0])] {
		label = label[1:]
	}
	if contentWords(label) == 0 || len(label) > 9 {
		return ""
	}
	m := tidy(label)
	if n := f.hi; n < len(toks) && toks[n].Kind == text.Word && isNounish(toks[n]) && !strings.Contains(strings.ToLower(m), toks[n].Folded()) {
		m += " (" + toks[n].Text + ")" // "special-sign users — 9,479 enterprises"
	}
	return m
}

// labelUnitRe finds the unit a table's label or head gives in brackets:
// "(%)", "(points)", "(billion yuan)".
var labelUnitRe = regexp.MustCompile(`\((%|percent|points?|(?:(thousand|million|billion|trillion|100 million) )?(yuan|rmb|us dollars|usd|dollars))\)`)

// unitFromLabel applies the unit a label gives to the figure of its cell.
func (c *figCtx) unitFromLabel(label string) {
	m := labelUnitRe.FindStringSubmatch(strings.ToLower(label))
	if m == nil || c.f.kind != "count" {
		return
	}
	switch {
	case m[1] == "%" || m[1] == "percent":
		c.f.unit, c.f.kind = "percent", "percent"
	case strings.HasPrefix(m[1], "point"):
		c.f.unit, c.f.kind = "points", "measure"
	default:
		if m[2] == "100 million" {
			c.f.value *= 1e8
		} else if sc, ok := units.scale[m[2]]; ok {
			c.f.value *= sc
		}
		c.f.unit, c.f.kind = units.after[strings.TrimPrefix(m[3], "us ")], "currency"
	}
}
