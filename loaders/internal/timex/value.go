package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// A recognized value is one part or two joined by "/"; a part is a year
// term, then optionally "-MM", "-H1" or "-Q1", then optionally "+NM" (N
// months from that month). A year term is four digits, REF (the anchor's
// year), TOPIC (the year last talked about), UNDEF (left open) or REFM (the
// anchor's month), each with an optional offset: REF[-1], REFM[+2].

// yearKind is what a year term refers to.
type yearKind uint8

const (
	absYear yearKind = iota
	refYear
	topicYear
	undefYear
	refMonth
	reportYear // REPORT: the year a report covers
	samePeriod // SAME: the period the sentence gave before, as a whole
)

// part is one parsed side of a value.
type part struct {
	kind   yearKind
	year   int    // absYear: the year
	offset int    // years, or months for refMonth
	sub    string // "", "MM", "H1", "Q3"
	months int    // +NM: a span of that many months from the month
}

// parseValue parses a recognized value ("-" and "" give no parts).
func parseValue(v string) ([]part, error) {
	if v == "" || v == "-" {
		return nil, nil
	}
	sides := strings.Split(v, "/")
	if len(sides) > 2 {
		return nil, fmt.Errorf("value %q: more than one /", v)
	}
	out := make([]part, 0, 2)
	for _, s := range sides {
		p, err := parsePart(s)
		if err != nil {
			return nil, fmt.Errorf("value %q: %w", v, err)
		}
		out = append(out, p)
	}
	return out, nil
}

func parsePart(s string) (part, error) {
	var p part
	switch {
	case strings.HasPrefix(s, "REPORT"):
		p.kind, s = reportYear, s[6:]
	case strings.HasPrefix(s, "SAME"):
		p.kind, s = samePeriod, s[4:]
	case strings.HasPrefix(s, "REFM"):
		p.kind, s = refMonth, s[4:]
	case strings.HasPrefix(s, "REF"):
		p.kind, s = refYear, s[3:]
	case strings.HasPrefix(s, "TOPIC"):
		p.kind, s = topicYear, s[5:]
	case strings.HasPrefix(s, "UNDEF"):
		p.kind, s = undefYear, s[5:]
	case len(s) >= 4 && isYear(s[:4]):
		p.year, _ = strconv.Atoi(s[:4])
		s = s[4:]
	default:
		return p, fmt.Errorf("part %q: no year", s)
	}
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return p, fmt.Errorf("unclosed [")
		}
		n, err := strconv.Atoi(strings.TrimPrefix(s[1:end], "+"))
		if err != nil {
			return p, fmt.Errorf("offset %q: %w", s[1:end], err)
		}
		p.offset, s = n, s[end+1:]
	}
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sub := rest
		if i := strings.IndexByte(rest, '+'); i >= 0 {
			sub = rest[:i]
		}
		if !validSub(sub) {
			return p, fmt.Errorf("%q is not a month, half or quarter", sub)
		}
		p.sub, s = sub, rest[len(sub):]
	}
	if rest, ok := strings.CutPrefix(s, "+"); ok {
		n, err := strconv.Atoi(strings.TrimSuffix(rest, "M"))
		if err != nil || !strings.HasSuffix(rest, "M") || n < 1 || p.sub == "" || p.sub[0] == 'H' || p.sub[0] == 'Q' {
			return p, fmt.Errorf("%q is not +NM after a month", s)
		}
		p.months, s = n, ""
	}
	if s != "" {
		return p, fmt.Errorf("%q left over", s)
	}
	if p.kind == samePeriod && p.sub != "" {
		return p, fmt.Errorf("SAME takes no month, half or quarter")
	}
	return p, nil
}

func validSub(s string) bool {
	switch s {
	case "H1", "H2", "Q1", "Q2", "Q3", "Q4":
		return true
	}
	n, err := strconv.Atoi(s)
	return err == nil && len(s) == 2 && n >= 1 && n <= 12
}

// explicit reports whether a value names its year: a number, or REF with an
// offset or REF itself ("last year", "this year"); not TOPIC or UNDEF.
func explicit(parts []part) bool {
	for _, p := range parts {
		if p.kind == topicYear || p.kind == undefYear || p.kind == samePeriod {
			return false
		}
	}
	return len(parts) > 0
}

// hasTopic reports whether a value names the year last talked about.
func hasTopic(parts []part) bool {
	for _, p := range parts {
		if p.kind == topicYear {
			return true
		}
	}
	return false
}

// topicAsOpen turns TOPIC into UNDEF (with its offset) in a copy of parts.
func topicAsOpen(parts []part) []part {
	out := append([]part(nil), parts...)
	for i := range out {
		if out[i].kind == topicYear {
			out[i].kind = undefYear
		}
	}
	return out
}

// hasUndef reports whether a value leaves a year open.
func hasUndef(parts []part) bool {
	for _, p := range parts {
		if p.kind == undefYear {
			return true
		}
	}
	return false
}

// ym is a year and month (month 0: the whole year).
type ym struct{ y, m int }

// years gives the years of the year terms.
type years struct {
	ref, refMonth int    // the anchor: year, and month (0 when unknown)
	topic         int    // the year last talked about (0: none)
	undef         int    // what an open year is taken to be
	report        int    // the year a report covers (0: none)
	same          string // the period the sentence gave before (for SAME)
}

// format writes the parts as an absolute period, or "" when a year is
// unknown. Month ranges that make up a half, a quarter or a whole year are
// written as such.
func format(parts []part, ys years) string {
	if len(parts) == 0 {
		return ""
	}
	if parts[0].kind == samePeriod {
		if len(parts) != 1 || ys.same == "" {
			return ""
		}
		return shiftYears(ys.same, parts[0].offset)
	}
	var pts []string
	for _, p := range parts {
		y := 0
		switch p.kind {
		case absYear:
			y = p.year
		case refYear:
			y = ys.ref
		case topicYear:
			y = ys.topic
			if y == 0 {
				y = ys.report // "during the year" in a report: the report's year
			}
			if y == 0 {
				y = ys.ref
			}
		case undefYear:
			y = ys.undef
		case reportYear:
			y = ys.report
		case refMonth:
			if ys.ref == 0 {
				return ""
			}
			if ys.refMonth == 0 {
				pts = append(pts, strconv.Itoa(ys.ref))
				continue
			}
			t := ys.ref*12 + ys.refMonth - 1 + p.offset
			pts = append(pts, fmt.Sprintf("%d-%02d", t/12, t%12+1))
			continue
		}
		if y == 0 {
			return ""
		}
		y += p.offset
		if y < 1900 || y > 2200 {
			return ""
		}
		s := strconv.Itoa(y)
		if p.sub != "" {
			s += "-" + p.sub
		}
		if p.months > 0 {
			m, _ := strconv.Atoi(p.sub)
			t := y*12 + m - 1 + p.months - 1
			return normalizeRange(fmt.Sprintf("%s/%d-%02d", s, t/12, t%12+1))
		}
		pts = append(pts, s)
	}
	if len(pts) == 1 {
		return pts[0]
	}
	if pts[0] == pts[1] {
		return pts[0]
	}
	return normalizeRange(pts[0] + "/" + pts[1])
}

// normalizeRange writes 2024-01/2024-06 as 2024-H1, 2024-04/2024-06 as
// 2024-Q2 and 2024-01/2024-12 as 2024; a range that runs backwards is no
// period.
func normalizeRange(r string) string {
	a, b, ok := strings.Cut(r, "/")
	if !ok {
		return r
	}
	if a > b && len(a) == len(b) {
		return ""
	}
	if len(a) != 7 || len(b) != 7 || a[:4] != b[:4] || a[4] != '-' || b[4] != '-' {
		return r
	}
	if a[5] == 'H' || a[5] == 'Q' || b[5] == 'H' || b[5] == 'Q' {
		return r
	}
	y := a[:4]
	switch a[5:] + "/" + b[5:] {
	case "01/06":
		return y + "-H1"
	case "07/12":
		return y + "-H2"
	case "01/03":
		return y + "-Q1"
	case "04/06":
		return y + "-Q2"
	case "07/09":
		return y + "-Q3"
	case "10/12":
		return y + "-Q4"
	case "01/12":
		return y
	}
	return r
}

// lastMonth returns the year and month a period ends in (month 12 for a
// year), or false when it cannot be read.
func lastMonth(period string) (ym, bool) {
	if i := strings.LastIndexByte(period, '/'); i >= 0 {
		period = period[i+1:]
	}
	if len(period) < 4 || !isYear(period[:4]) {
		return ym{}, false
	}
	y, _ := strconv.Atoi(period[:4])
	switch {
	case len(period) == 4:
		return ym{y, 12}, true
	case strings.HasPrefix(period[4:], "-H"):
		return ym{y, 6 * int(period[6]-'0')}, true
	case strings.HasPrefix(period[4:], "-Q"):
		return ym{y, 3 * int(period[6]-'0')}, true
	}
	m, err := strconv.Atoi(period[5:])
	if err != nil {
		return ym{}, false
	}
	return ym{y, m}, true
}

// firstYear returns the year a period starts in, or 0.
func firstYear(period string) int {
	if len(period) < 4 || !isYear(period[:4]) {
		return 0
	}
	y, _ := strconv.Atoi(period[:4])
	return y
}

// isSpan reports whether a period runs over more than one year.
func isSpan(period string) bool {
	a, b, ok := strings.Cut(period, "/")
	return ok && len(a) >= 4 && len(b) >= 4 && a[:4] != b[:4]
}

// shiftYears moves every year of a period by n: "2022-H1" by -1 is
// "2021-H1".
func shiftYears(period string, n int) string {
	var b strings.Builder
	for i := 0; i < len(period); {
		if i+4 <= len(period) && isYear(period[i:i+4]) && (i == 0 || period[i-1] == '/') {
			y, _ := strconv.Atoi(period[i : i+4])
			b.WriteString(strconv.Itoa(y + n))
			i += 4
			continue
		}
		b.WriteByte(period[i])
		i++
	}
	return b.String()
}
