package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind is the kind of a Token.
type Kind byte

// Token kinds.
const (
	Word  Kind = 'w' // letters, with inner apostrophes, hyphens, dots and digits
	Num   Kind = 'n' // digits with inner , and . ("4.425", "10,000")
	Alnum Kind = 'a' // digits followed by letters ("14th", "5G")
	Punct Kind = 'p' // one punctuation or symbol rune
	CJK   Kind = 'c' // a run of Han characters
)

// Token is a word, number, punctuation mark or CJK run of a sentence, with
// rune offsets into the sentence text.
type Token struct {
	Text   string
	Lo, Hi int
	Kind   Kind
	Fold   string // foldWord(s), set by tokenize; see folded
}

// Folded returns foldWord(t.s), computed once by tokenize for the tokens it
// makes.
func (t Token) Folded() string {
	if t.Fold != "" || t.Text == "" {
		return t.Fold
	}
	return FoldWord(t.Text)
}

// IsHan reports whether r is a Chinese character (no Han character comes
// before U+2E80, so most text is ruled out without a table lookup).
func IsHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// wordRune reports whether r continues a word: a letter that is not Han,
// or a digit. ASCII is decided without the Unicode tables.
func wordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return (unicode.IsLetter(r) && !IsHan(r)) || unicode.IsDigit(r)
}

func IsApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// Tokenize splits a sentence into tokens.
func Tokenize(s string) []Token { return TokenizeRunes(nil, s, []rune(s)) }

// TokenizeRunes appends the tokens of s, whose runes are rs, to dst: a
// caller tokenizing many sentences can share one slab.
func TokenizeRunes(dst []Token, s string, rs []rune) []Token {
	// Token texts are slices of s. Tokens come in order, so the byte offset
	// of rune i is tracked forward from the last one asked for; text that
	// is not valid UTF-8 (where runes and bytes do not line up) is copied.
	valid := utf8.ValidString(s)
	atRune, atByte := 0, 0
	byteOf := func(i int) int {
		for ; atRune < i; atRune++ {
			atByte += utf8.RuneLen(rs[atRune])
		}
		return atByte
	}
	text := func(i, j int) string {
		if !valid {
			return string(rs[i:j])
		}
		b := byteOf(i)
		return s[b:byteOf(j)]
	}
	out := dst
	first := len(dst)
	if out == nil {
		out = make([]Token, 0, len(rs)/5+4)
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case IsBlank(r):
			i++
		case IsHan(r):
			j := i
			for j < len(rs) && IsHan(rs[j]) {
				j++
			}
			out = append(out, Token{Text: text(i, j), Lo: i, Hi: j, Kind: CJK})
			i = j
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || ((rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j-1]))) {
				j++
			}
			kind := Num
			if j < len(rs) && unicode.IsLetter(rs[j]) && !IsHan(rs[j]) {
				for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) && !IsHan(rs[j]) {
					j++
				}
				kind = Alnum
			}
			out = append(out, Token{Text: text(i, j), Lo: i, Hi: j, Kind: kind})
			i = j
		case unicode.IsLetter(r):
			j := i + 1
			for j < len(rs) {
				c := rs[j]
				if wordRune(c) {
					j++
					continue
				}
				if IsApostrophe(c) && j+1 < len(rs) && (rs[j+1] == 's' || rs[j+1] == 'S') && (j+2 >= len(rs) || !unicode.IsLetter(rs[j+2])) {
					break // possessive: "China’s" is "China" + "’s"
				}
				if (IsApostrophe(c) || c == '-' || c == '.' || c == '&') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) && !IsHan(rs[j+1]) {
					j++
					continue
				}
				if c == '-' && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) {
					j++
					continue
				}
				break
			}
			// Initialisms keep their final stop: "U.S.", "P.R.".
			if j < len(rs) && rs[j] == '.' && IsInitialism(rs[i:j]) {
				j++
				// "U.S.-China" stays one word.
				if j+1 < len(rs) && rs[j] == '-' && unicode.IsLetter(rs[j+1]) {
					j++
					for j < len(rs) && (unicode.IsLetter(rs[j]) && !IsHan(rs[j])) {
						j++
					}
				}
			}
			out = append(out, Token{Text: text(i, j), Lo: i, Hi: j, Kind: Word})
			i = j
		case IsApostrophe(r) && i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 >= len(rs) || !unicode.IsLetter(rs[i+2])) && len(out) > first && out[len(out)-1].Hi == i:
			out = append(out, Token{Text: text(i, i+2), Lo: i, Hi: i + 2, Kind: Word})
			i += 2
		default:
			out = append(out, Token{Text: text(i, i+1), Lo: i, Hi: i + 1, Kind: Punct})
			i++
		}
	}
	foldTokens(out[first:])
	return out
}

// IsInitialism reports whether rs looks like "U.S" or "P.R" (single letters
// joined by dots).
func IsInitialism(rs []rune) bool {
	if len(rs) < 3 {
		return false
	}
	for k, r := range rs {
		if k%2 == 0 && !unicode.IsLetter(r) {
			return false
		}
		if k%2 == 1 && r != '.' {
			return false
		}
	}
	return true
}

// FoldWord lower-cases a token and folds curly apostrophes, for
// case-insensitive matching.
func FoldWord(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = quoteFolder.Replace(s)
	}
	return s
}

// foldTokens sets every token's fold. A token already in folded form keeps
// its own text; the others are folded into one buffer per sentence, so a
// sentence costs one allocation instead of one per capitalized word.
func foldTokens(toks []Token) {
	// First the size of the buffer, then one buffer, written once per
	// token and never changed after, so its strings can share it.
	n := 0
	for i := range toks {
		if t := &toks[i]; t.Kind != Num && !isFolded(t.Text) && isASCII(t.Text) {
			n += len(t.Text)
		}
	}
	var buf []byte
	if n > 0 {
		buf = make([]byte, n)
	}
	pos := 0
	for i := range toks {
		t := &toks[i]
		switch {
		case t.Kind == Num || isFolded(t.Text):
			t.Fold = t.Text
		case !isASCII(t.Text):
			t.Fold = FoldWord(t.Text)
		default:
			w := buf[pos : pos+len(t.Text)]
			for k := 0; k < len(t.Text); k++ {
				c := t.Text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w[k] = c
			}
			t.Fold = unsafe.String(&w[0], len(w))
			pos += len(t.Text)
		}
	}
}

// isFolded reports whether foldWord would return s unchanged: ASCII with
// no capital letter.
func isFolded(s string) bool {
	for k := 0; k < len(s); k++ {
		if c := s[k]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= 0x80 {
			return false
		}
	}
	return true
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'")

// IsCap reports whether a word token starts with a capital letter.
func IsCap(t Token) bool {
	if t.Kind != Word {
		return false
	}
	for _, r := range t.Text {
		return unicode.IsUpper(r)
	}
	return false
}

// IsAllCaps reports whether a word is an acronym-like token: at least two
// capitals and no run of lower-case letters longer than two ("CNIPA", "MoST").
func IsAllCaps(s string) bool {
	up, lowRun := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
			lowRun = 0
		case unicode.IsLower(r):
			lowRun++
			if lowRun > 2 {
				return false
			}
		}
	}
	return up >= 2
}

// IsPossessive reports whether t is the possessive "'s" (or "’s").
func IsPossessive(t Token) bool {
	return t.Kind == Word && len([]rune(t.Text)) == 2 && IsApostrophe([]rune(t.Text)[0])
}

// FunctionWord reports whether a lower-case word is one of the short words
// that join the words of a name: "of", "and", "the", "for", "'s", ….
func FunctionWord(w string) bool {
	switch w {
	case "of", "and", "the", "for", "on", "in", "to", "'s", "’s", "&", "at", "a", "an":
		return true
	}
	return false
}

// monthNumbers gives the month of a lower-case month name or abbreviation.
var monthNumbers = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// Month returns the month (1–12) a lower-case word names, or 0.
func Month(w string) int { return monthNumbers[w] }
