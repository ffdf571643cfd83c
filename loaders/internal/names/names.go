package names

import (
	_ "embed" // resources
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed resources/surnames.txt
var surnamesText string

//go:embed resources/syllables.txt
var syllablesText string

var (
	surnames  = words(surnamesText, false)
	syllables = words(syllablesText, true)
)

// longestSyllable is the length in bytes of the longest pinyin syllable
// ("zhuang").
const longestSyllable = 6

func words(text string, lower bool) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			if lower {
				w = strings.ToLower(w)
			}
			m[w] = true
		}
	}
	return m
}

// IsSurname reports whether w is a Chinese surname as written in an English
// text: capitalized ("Zhang", "Ouyang"), from the closed list.
func IsSurname(w string) bool { return surnames[w] }

// Syllables splits a lower-case word into pinyin syllables ("changyu" →
// chang, yu; "xi'an" → xi, an), or returns nil when it is not pinyin.
// Apostrophes and hyphens mark syllable boundaries. Where a word splits in
// more than one way the split with the fewest syllables wins. Inside a run
// of letters no syllable after the first starts with a, e or o: pinyin
// writes "Xi'an", so "tea" is not te+a.
func Syllables(w string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '\'' || r == '-' || r == '’' }) {
		s := split(part)
		if s == nil {
			return nil
		}
		out = append(out, s...)
	}
	return out
}

// split segments one run of letters by dynamic programming over its
// prefixes: best[i] is the shortest split of w[:i].
func split(w string) []string {
	if w == "" {
		return nil
	}
	best := make([][]string, len(w)+1)
	best[0] = []string{}
	for i := 1; i <= len(w); i++ {
		for j := i - 1; j >= 0 && i-j <= longestSyllable; j-- {
			if best[j] == nil || !syllables[w[j:i]] {
				continue
			}
			if j > 0 && strings.IndexByte("aeo", w[j]) >= 0 {
				continue // inside a word a vowel starts a syllable only after an apostrophe ("Xi'an")
			}
			if best[i] == nil || len(best[j])+1 < len(best[i]) {
				best[i] = append(append([]string{}, best[j]...), w[j:i])
			}
		}
	}
	return best[len(w)]
}

// IsGivenName reports whether w can be a Chinese given name: a capitalized
// word ("Changyu", "Chang-yu", "Shu") of one or two pinyin syllables.
func IsGivenName(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w[n:] {
		if !(unicode.IsLower(c) || c == '-' || c == '\'' || c == '’') {
			return false
		}
	}
	s := Syllables(strings.ToLower(w))
	return len(s) == 1 || len(s) == 2
}

// IsChineseName reports whether the two words are a Chinese name in English
// order: a surname, then a given name.
func IsChineseName(surname, given string) bool {
	return IsSurname(surname) && IsGivenName(given)
}
