package timex

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	transcriptRe = regexp.MustCompile(`(?i)\b(press conference|news conference|briefing|transcript|interview|q ?& ?a|press release of the conference)\b`)
	reportRe     = regexp.MustCompile(`(?i)\b(annual report|annual review|report on|white paper|yearbook|year book|review \d{4}|statistical bulletin|status report|chapter \d+)\b`)
	circularRe   = regexp.MustCompile(`(?i)^\W*(circular|notice|opinions|measures|provisions|regulations|decision|guidelines)\b`)
	speakerRe    = regexp.MustCompile(`^(?:Speakers?|Reporter|Host|Moderator|Q|A|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):\s*$|^(?:Speakers?|Chairperson)\s*$`)
	periodLineRe = regexp.MustCompile(`(?i)\breporting period\b[^\n]*?\b((?:19|20)\d\d)\s*$`)
	titleYearRe  = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
)

// Classify returns a document's genre from its title and first lines, and
// for a report the year it covers: the last year of a "Reporting period"
// line, else the one year its title names ("Annual Review 2021").
func Classify(title string, head []string) (Genre, int) {
	speakers := 0
	for _, l := range head {
		if speakerRe.MatchString(strings.TrimSpace(l)) {
			speakers++
		}
	}
	year := 0
	for _, l := range head {
		if !containsFold(l, "reporting period") {
			continue // the regexp is slow on long lines; most have no such label
		}
		if m := periodLineRe.FindStringSubmatch(strings.TrimSpace(l)); m != nil {
			year, _ = strconv.Atoi(m[1])
		}
	}
	switch {
	case transcriptRe.MatchString(title) || speakers >= 2:
		return Transcript, 0
	case reportRe.MatchString(title) || year > 0:
		if year == 0 {
			if ys := titleYearRe.FindAllString(title, -1); len(ys) == 1 {
				year, _ = strconv.Atoi(ys[0])
			}
		}
		return Report, year
	case circularRe.MatchString(title):
		return Circular, 0
	}
	return News, 0
}

// containsFold reports whether s contains the lower-case ASCII word w in
// any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}
