package loaders

import (
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// normName normalizes a name the way the scorer compares names: lower case,
// straight quotes, letters, digits, CJK and single spaces, no leading "the".
func normName(s string) string {
	s = text.FoldWord(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	out := b.String()
	return strings.TrimPrefix(out, "the ")
}

// mergeKey is normName with common variants folded, used to recognise two
// spellings of one body inside a document ("Intellectual Property" and "IP",
// "Department at the X" and "Department of the X").
func mergeKey(s string) string {
	k := " " + normName(s) + " "
	k = strings.ReplaceAll(k, " intellectual property rights ", " ip ")
	k = strings.ReplaceAll(k, " intellectual property ", " ip ")
	k = strings.ReplaceAll(k, " ipr ", " ip ")
	k = strings.ReplaceAll(k, " at the ", " of the ")
	k = strings.ReplaceAll(k, " of the ", " of ")
	k = strings.ReplaceAll(k, " under the ", " of ")
	return strings.TrimSpace(k)
}

// slug makes an entity id from a canonical name: lower case, words joined by
// underscores.
func slug(name string) string {
	n := normName(name)
	n = strings.ReplaceAll(n, " ", "_")
	if rs := []rune(n); len(rs) > 80 {
		n = strings.TrimRight(string(rs[:80]), "_")
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
