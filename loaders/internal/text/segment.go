package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that, followed by a full stop, do not end a
// sentence (compared lower-case, without the stop).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"no": true, "nos": true, "art": true, "arts": true, "para": true, "paras": true,
	"vol": true, "vols": true, "pp": true, "p": true, "cf": true, "vs": true, "v": true,
	"e.g": true, "i.e": true, "etc": false, "approx": true, "fig": true, "figs": true,
	"co": true, "corp": true, "inc": true, "ltd": true, "jr": true, "sr": true, "gen": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "ch": true, "sec": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"u.s": true, "u.k": true, "p.r": true, "u.n": true, "e.u": true, "hon": true,
}

// MaxSentenceRunes bounds a sentence; longer spans are cut (see splitLong).
const MaxSentenceRunes = 600

// Segment splits text into sentences. Offsets are rune offsets into text and
// each Sentence.Text is an exact substring of text, trimmed of surrounding
// whitespace (and of a leading list bullet). Line breaks always end a
// sentence, so headings, list items and speaker turns ("Xing Huina:") stand
// alone. Within a line a sentence ends at . ! ? (and the Chinese 。！？)
// unless the stop belongs to an abbreviation (Mr., No., U.S., e.g.), an
// initial, or a decimal number, or the next word starts in lower case.
func Segment(text string) []Sentence { return SegmentRunes(text, []rune(text)) }

// SegmentRunes is Segment for a caller that already has text as runes.
func SegmentRunes(text string, rs []rune) []Sentence {
	var out []Sentence
	// Sentence texts are slices of text: sentences come in order, so the
	// byte offset of rune i is tracked forward (see tokenizeRunes).
	valid := utf8.ValidString(text)
	atRune, atByte := 0, 0
	byteOf := func(i int) int {
		for ; atRune < i; atRune++ {
			atByte += utf8.RuneLen(rs[atRune])
		}
		return atByte
	}
	slice := func(i, j int) string {
		if !valid {
			return string(rs[i:j])
		}
		b := byteOf(i)
		return text[b:byteOf(j)]
	}
	var emit func(start, end int)
	emit = func(start, end int) {
		for start < end && (IsBlank(rs[start]) || isBullet(rs, start)) {
			start++
		}
		for end > start && IsBlank(rs[end-1]) {
			end--
		}
		if start >= end {
			return
		}
		if end-start > MaxSentenceRunes {
			cut := splitLong(rs, start, end)
			if cut > start && cut < end {
				emit(start, cut)
				emit(cut, end)
				return
			}
		}
		out = append(out, Sentence{Text: slice(start, end), Offset: start})
	}
	start := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029':
			emit(start, i)
			start = i + 1
		case r == '。' || r == '！' || r == '？':
			j := i + 1
			for j < len(rs) && isClosing(rs[j]) {
				j++
			}
			emit(start, j)
			start = j
			i = j - 1
		case r == '.' || r == '!' || r == '?':
			if end, ok := sentenceEnd(rs, i); ok {
				emit(start, end)
				start = end
				i = end - 1
			}
		}
	}
	emit(start, len(rs))
	return out
}

func isBullet(rs []rune, i int) bool {
	switch rs[i] {
	case '•', '·', '▪', '●', '◆', '■', '–':
		return true
	case '-', '*':
		return i+1 < len(rs) && rs[i+1] == ' '
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '”', '’', '」', '』', '）', '*':
		return true
	}
	return false
}

// sentenceEnd decides whether the stop at rs[i] ends a sentence and, if so,
// returns the index just after the stop and any closing quotes.
func sentenceEnd(rs []rune, i int) (int, bool) {
	j := i + 1
	for j < len(rs) && (rs[j] == '.' || rs[j] == '!' || rs[j] == '?') {
		j++ // "..." or "?!"
	}
	for j < len(rs) && isClosing(rs[j]) {
		j++
	}
	if j < len(rs) && !IsBlank(rs[j]) {
		return 0, false // "4.425", "U.S.-China", "worldip.cn"
	}
	// Next non-blank character on the same line.
	k := j
	for k < len(rs) && IsBlank(rs[k]) && rs[k] != '\n' {
		k++
	}
	if k >= len(rs) || rs[k] == '\n' {
		return j, true
	}
	next := rs[k]
	if unicode.IsLower(next) {
		return 0, false
	}
	if rs[i] != '.' {
		return j, true
	}
	// The word before the stop.
	w := i
	for w > 0 && !IsBlank(rs[w-1]) && rs[w-1] != '(' && rs[w-1] != '"' && rs[w-1] != '“' {
		w--
	}
	word := strings.ToLower(strings.TrimLeft(string(rs[w:i]), "(\"“'‘"))
	if abbreviations[word] {
		// "No. 8", "Mr. Shen", "Nov. 30"; but "in the U.S. The …" ends.
		if (word == "u.s" || word == "u.k" || word == "e.u") && unicode.IsUpper(next) && !nextIsNameLike(rs, k) {
			return j, true
		}
		return 0, false
	}
	// A single capital letter: an initial ("G. Z. F."), unless the text before
	// it is a lower-case word, as in "Plan B."
	if len([]rune(word)) == 1 && unicode.IsUpper(rs[w]) {
		return 0, false
	}
	return j, true
}

// nextIsNameLike reports whether the word at rs[k] looks like a continuation
// of a proper name after "U.S." (e.g. "U.S. Department", "U.S. Patent").
func nextIsNameLike(rs []rune, k int) bool {
	e := k
	for e < len(rs) && unicode.IsLetter(rs[e]) {
		e++
	}
	switch string(rs[k:e]) {
	case "Department", "Patent", "Trade", "Congress", "Government", "President", "Court", "Supreme", "Copyright", "Chamber", "Senate", "House", "Embassy", "dollars", "Dollars", "Secretary", "Treasury", "Customs", "International", "National", "Food", "Federal", "Commerce", "China", "Section":
		return true
	}
	return false
}

// splitLong returns an index in (start, end) where an over-long span can be
// cut: after the semicolon or comma nearest to its middle, else after the
// blank nearest to it, else at the middle.
func splitLong(rs []rune, start, end int) int {
	mid := (start + end) / 2
	best := -1
	for _, sep := range []rune{';', '；', ','} {
		for i := start + 1; i < end-1; i++ {
			if rs[i] == sep && IsBlank(rs[i+1]) {
				if best < 0 || abs(i-mid) < abs(best-mid) {
					best = i
				}
			}
		}
		if best >= 0 {
			return best + 1
		}
	}
	// No separator: after the blank nearest the middle, else at the middle,
	// so that the bound holds for any text (a sentence's statistics cost
	// grows with the square of its length).
	for i := start + 1; i < end-1; i++ {
		if IsBlank(rs[i]) && (best < 0 || abs(i-mid) < abs(best-mid)) {
			best = i
		}
	}
	if best >= 0 {
		return best + 1
	}
	return mid
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// JoinBroken rejoins a sentence that a page or line break cut in
// two ("… published the Annual Plan for the National" + blank lines + "IP
// Strategy and …"), so that names running over the break are found whole.
// A part is joined to the next when it ends in a word (no stop, colon or
// quote), only white space with a line break lies between them, the next
// part starts with a letter, and the first part is not a heading: it
// starts inside its line or is long.
func JoinBroken(rs []rune, sents []Sentence) []Sentence {
	if len(sents) < 2 {
		return sents
	}
	out := make([]Sentence, 0, len(sents))
	cur := sents[0]
	for _, next := range sents[1:] {
		if canJoin(rs, cur, next) {
			cur = Sentence{Text: string(rs[cur.Offset : next.Offset+utf8.RuneCountInString(next.Text)]), Offset: cur.Offset}
			continue
		}
		out = append(out, cur)
		cur = next
	}
	return append(out, cur)
}

func canJoin(rs []rune, a, b Sentence) bool {
	na, nb := utf8.RuneCountInString(a.Text), utf8.RuneCountInString(b.Text)
	aEnd := a.Offset + na
	if na == 0 || nb == 0 || aEnd > b.Offset || b.Offset > len(rs) || na+nb+(b.Offset-aEnd) > MaxSentenceRunes {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(a.Text)
	first, _ := utf8.DecodeRuneInString(b.Text)
	if !unicode.IsLetter(last) || IsHan(last) || !unicode.IsLetter(first) || IsHan(first) {
		return false
	}
	// Only white space with a line break between the two. Across a blank
	// line (a paragraph or page break) the second part must go on in lower
	// case: "the Guidelines for Licensing Seeds\n\n\nin Mountain Regions",
	// not a heading followed by a new paragraph.
	newlines := 0
	for _, r := range rs[aEnd:b.Offset] {
		if !unicode.IsSpace(r) {
			return false
		}
		if r == '\n' {
			newlines++
		}
	}
	if newlines == 0 || (newlines > 1 && !unicode.IsLower(first)) {
		return false
	}
	lineStart := a.Offset == 0 || rs[a.Offset-1] == '\n'
	if lineStart && na < 150 {
		return false
	}
	// The next part must not be a heading: a whole short line without a stop.
	bEnd := b.Offset + nb
	wholeLine := bEnd >= len(rs) || rs[bEnd] == '\n' || rs[bEnd] == '\r'
	end, _ := utf8.DecodeLastRuneInString(b.Text)
	if wholeLine && nb < 100 && !strings.ContainsRune(".!?;:。", end) {
		return false
	}
	return true
}

// IsBlank reports whether r is whitespace, including non-breaking and
// ideographic spaces.
func IsBlank(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }

// Sentence is a span of a Document's text.
type Sentence struct {
	Text   string `json:"text"`   // exactly as it stands in the document
	Offset int    `json:"offset"` // rune offset of the first character in Document.Text
}
