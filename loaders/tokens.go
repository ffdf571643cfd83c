package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Token kinds.
const (
	tokWord  = 'w' // letters, with inner apostrophes, hyphens, dots and digits
	tokNum   = 'n' // digits with inner , and . ("4.425", "10,000")
	tokAlnum = 'a' // digits followed by letters ("14th", "5G")
	tokPunct = 'p' // one punctuation or symbol rune
	tokCJK   = 'c' // a run of Han characters
)

// token is a word, number, punctuation mark or CJK run of a sentence, with
// rune offsets into the sentence text.
type token struct {
	s      string
	lo, hi int
	kind   byte
	fold   string // foldWord(s), set by tokenize; see folded
}

// folded returns foldWord(t.s), computed once by tokenize for the tokens it
// makes.
func (t token) folded() string {
	if t.fold != "" || t.s == "" {
		return t.fold
	}
	return foldWord(t.s)
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// tokenize splits a sentence into tokens.
func tokenize(s string) []token { return tokenizeRunes(nil, s, []rune(s)) }

// tokenizeRunes appends the tokens of s, whose runes are rs, to dst: a
// caller tokenizing many sentences can share one slab.
func tokenizeRunes(dst []token, s string, rs []rune) []token {
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
		out = make([]token, 0, len(rs)/5+4)
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isBlankRune(r):
			i++
		case isHan(r):
			j := i
			for j < len(rs) && isHan(rs[j]) {
				j++
			}
			out = append(out, token{s: text(i, j), lo: i, hi: j, kind: tokCJK})
			i = j
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && (unicode.IsDigit(rs[j]) || ((rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j-1]))) {
				j++
			}
			kind := byte(tokNum)
			if j < len(rs) && unicode.IsLetter(rs[j]) && !isHan(rs[j]) {
				for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) && !isHan(rs[j]) {
					j++
				}
				kind = tokAlnum
			}
			out = append(out, token{s: text(i, j), lo: i, hi: j, kind: kind})
			i = j
		case unicode.IsLetter(r):
			j := i + 1
			for j < len(rs) {
				c := rs[j]
				if (unicode.IsLetter(c) && !isHan(c)) || unicode.IsDigit(c) {
					j++
					continue
				}
				if isApostrophe(c) && j+1 < len(rs) && (rs[j+1] == 's' || rs[j+1] == 'S') && (j+2 >= len(rs) || !unicode.IsLetter(rs[j+2])) {
					break // possessive: "China’s" is "China" + "’s"
				}
				if (isApostrophe(c) || c == '-' || c == '.' || c == '&') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) && !isHan(rs[j+1]) {
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
			if j < len(rs) && rs[j] == '.' && isInitialism(rs[i:j]) {
				j++
				// "U.S.-China" stays one word.
				if j+1 < len(rs) && rs[j] == '-' && unicode.IsLetter(rs[j+1]) {
					j++
					for j < len(rs) && (unicode.IsLetter(rs[j]) && !isHan(rs[j])) {
						j++
					}
				}
			}
			out = append(out, token{s: text(i, j), lo: i, hi: j, kind: tokWord})
			i = j
		case isApostrophe(r) && i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 >= len(rs) || !unicode.IsLetter(rs[i+2])) && len(out) > first && out[len(out)-1].hi == i:
			out = append(out, token{s: text(i, i+2), lo: i, hi: i + 2, kind: tokWord})
			i += 2
		default:
			out = append(out, token{s: text(i, i+1), lo: i, hi: i + 1, kind: tokPunct})
			i++
		}
	}
	foldTokens(out[first:])
	return out
}

// isInitialism reports whether rs looks like "U.S" or "P.R" (single letters
// joined by dots).
func isInitialism(rs []rune) bool {
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

// foldWord lower-cases a token and folds curly apostrophes, for
// case-insensitive matching.
func foldWord(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‘") {
		s = quoteFolder.Replace(s)
	}
	return s
}

// foldTokens sets every token's fold. A token already in folded form keeps
// its own text; the others are folded into one buffer per sentence, so a
// sentence costs one allocation instead of one per capitalized word.
func foldTokens(toks []token) {
	// First the size of the buffer, then one buffer, written once per
	// token and never changed after, so its strings can share it.
	n := 0
	for i := range toks {
		if t := &toks[i]; t.kind != tokNum && !isFolded(t.s) && isASCII(t.s) {
			n += len(t.s)
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
		case t.kind == tokNum || isFolded(t.s):
			t.fold = t.s
		case !isASCII(t.s):
			t.fold = foldWord(t.s)
		default:
			w := buf[pos : pos+len(t.s)]
			for k := 0; k < len(t.s); k++ {
				c := t.s[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				w[k] = c
			}
			t.fold = unsafe.String(&w[0], len(w))
			pos += len(t.s)
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

// isCap reports whether a word token starts with a capital letter.
func isCap(t token) bool {
	if t.kind != tokWord {
		return false
	}
	for _, r := range t.s {
		return unicode.IsUpper(r)
	}
	return false
}

// isAllCaps reports whether a word is an acronym-like token: at least two
// capitals and no run of lower-case letters longer than two ("CNIPA", "MoST").
func isAllCaps(s string) bool {
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

// normName normalizes a name the way the scorer compares names: lower case,
// straight quotes, letters, digits, CJK and single spaces, no leading "the".
func normName(s string) string {
	s = foldWord(s)
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
