package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NameKey normalizes a name for lookup: compatibility-decomposed, accents
// and punctuation dropped, lower-cased, spaces collapsed, a leading "the "
// removed. "The State Intellectual Property Office" and "state
// intellectual-property office" have the same key; CJK characters are kept.
func NameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
			// "People's" → "peoples"
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}
