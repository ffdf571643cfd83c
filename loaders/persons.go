package loaders

import (
	"strings"
	"unicode"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// nameToken reports whether t can be one word of a personal name: a
// capitalized word of letters (optionally hyphenated) that is not a common
// title-case word.
func (x *Extractor) nameToken(t text.Token) bool {
	// The cheap tests of the word's shape first, then the word lists.
	if t.Kind != text.Word || len(t.Text) < 2 || len(t.Text) > 4*14 || !text.IsCap(t) {
		return false
	}
	n := 0
	for k, r := range t.Text {
		if k > 0 && !(unicode.IsLower(r) || r == '-' || r == '\'') {
			return false // also rules out an all-capitals word
		}
		n++
	}
	if n < 2 || n > 14 || nameStop[t.Text] || (nonStarters[t.Text] && !surnameStarters[t.Text]) {
		return false
	}
	if _, ok := headTypes[t.Text]; ok {
		return false
	}
	if e, n := x.gaz.match([]text.Token{t}, 0); e >= 0 && n == 1 {
		return false
	}
	return true
}

// surnameStarters are Chinese surnames spelled like English function words;
// they start a name only when a given name follows.
var surnameStarters = toSet(`He An Hu Yu Ma`)

// nameWords tells, token by token, whether each can be one word of a
// personal name (nameToken), computed once per sentence.
type nameWords struct {
	x    *Extractor
	toks []text.Token
	is   []int8 // 0 not asked yet, 1 yes, -1 no
}

func (w *nameWords) at(i int) bool {
	if w.is[i] == 0 {
		w.is[i] = -1
		if w.x.nameToken(w.toks[i]) {
			w.is[i] = 1
		}
	}
	return w.is[i] > 0
}

// nameAt returns the end of a 2–3 word personal name starting at toks[i],
// or i when there is none.
func (w *nameWords) nameAt(i int) int {
	toks := w.toks
	j := i
	for j < len(toks) && j-i < 3 && w.at(j) {
		j++
	}
	if j-i < 2 {
		return i
	}
	if surnameStarters[toks[i].Text] && !w.at(i+1) {
		return i
	}
	// "Senior Associate" is a position, not a name.
	roles := 0
	for k := i; k < j; k++ {
		if isRoleWord(toks[k].Text) {
			roles++
		}
	}
	if roles == j-i {
		return i
	}
	// "Harbourview Liang & Partners": the start of a firm's name.
	if j < len(toks) && (toks[j].Text == "&" || (toks[j].Text == "and" && j+1 < len(toks) && headTypes[toks[j+1].Text] != "")) {
		return i
	}
	// A name is not followed by a head word ("Zhang Wei Institute").
	if j < len(toks) && text.IsCap(toks[j]) {
		if _, ok := headTypes[toks[j].Text]; ok {
			return i
		}
	}
	return j
}

// titleShape marks the first bytes and lengths of personTitles (and of
// their forms with a final "."), so that most words are ruled out without
// a map lookup.
var titleShape = func() (m [256][24]bool) {
	for w := range personTitles {
		if len(w) < 23 {
			m[w[0]][len(w)] = true
			m[w[0]][len(w)+1] = true
		}
	}
	return m
}()

func titleWord(t text.Token) bool {
	if t.Text == "" || len(t.Text) >= 24 || !titleShape[t.Text[0]][len(t.Text)] {
		return false // most words: no map lookup
	}
	return personTitles[t.Text] || (strings.HasSuffix(t.Text, ".") && personTitles[t.Text[:len(t.Text)-1]])
}

// recognizePersons adds persons named after a title ("Premier Li Keqiang",
// "Mr. Shen Changyu"), before an apposition ("Hu Wenhui, deputy
// commissioner of …"), as a speaker turn ("Xing Huina:") or in a list of
// three or more names ("edited by A B, C D and E F").
func (x *Extractor) recognizePersons(si int, s *sentInfo) {
	toks := s.toks
	nw := &nameWords{x: x, toks: toks, is: make([]int8, len(toks))}
	add := func(lo, hi int, rule string) {
		for k := lo; k < hi; k++ {
			if s.covered(k) {
				return
			}
		}
		s.addMention(&mention{sent: si, lo: lo, hi: hi, c: &candidate{gaz: -1, typ: Person, name: s.spanText(lo, hi), rule: rule}})
	}
	// Speaker turn: the whole sentence is "Name:".
	if n := len(toks); n >= 3 && toks[n-1].Text == ":" {
		if e := nw.nameAt(0); e == n-1 {
			add(0, e, "pattern: speaker turn")
			return
		}
	}
	for i := 0; i < len(toks); i++ {
		// Title + name.
		if titleWord(toks[i]) {
			k := i + 1
			if k < len(toks) && toks[k].Text == "." {
				k++
			}
			if e := nw.nameAt(k); e > k {
				add(k, e, "pattern: title "+toks[i].Text+" before a name")
				i = e - 1
				continue
			}
		}
		// Name + apposition: "Name, deputy commissioner of …" or
		// "Name (汉字), minister of …".
		if i == 0 || !text.IsCap(toks[i-1]) {
			if e := nw.nameAt(i); e > i {
				k := e
				if k+2 < len(toks) && toks[k].Text == "(" && toks[k+1].Kind == text.CJK && toks[k+2].Text == ")" {
					k += 3
				} else if k < len(toks) && toks[k].Kind == text.CJK {
					k++
				}
				if k+2 < len(toks) && toks[k].Text == "," && (toks[k+1].Text == "a" || toks[k+1].Text == "an") && toks[k+2].Kind == text.Word && !text.IsCap(toks[k+2]) && (i == 0 || !text.IsCap(toks[i-1])) {
					add(i, e, "pattern: name, a description") // "Ding Zhen, a social media influencer"
					i = e - 1
					continue
				}
				if k+1 < len(toks) && toks[k].Text == "," && (appositionTitles[strings.ToLower(toks[k+1].Text)] || appositionRole(toks, k+1)) {
					add(i, e, "pattern: name with apposition")
					i = e - 1
					continue
				}
				if k < len(toks) && (toks[k].Text == "at" || toks[k].Text == "from") {
					n := k + 1
					if n < len(toks) && toks[n].Text == "the" {
						n++
					}
					if b := s.mentionAt(n); b != nil && (b.c.typ == Organization || b.c.typ == Agency) {
						add(i, e, "pattern: name at/from a body")
						i = e - 1
						continue
					}
				}
				if k > e {
					add(i, e, "pattern: name with Chinese characters")
					i = e - 1
					continue
				}
			}
		}
	}
	// Lists of names: three or more names separated by commas or "and".
	for i := 0; i < len(toks); i++ {
		var spans [][2]int
		k := i
		for k < len(toks) {
			e := nw.nameAt(k)
			if e == k {
				break
			}
			spans = append(spans, [2]int{k, e})
			k = e
			if k < len(toks) && toks[k].Text == "," {
				k++
			}
			if k < len(toks) && toks[k].Text == "and" {
				k++
			}
		}
		if len(spans) >= 3 {
			for _, sp := range spans {
				add(sp[0], sp[1], "pattern: list of names")
			}
			i = k
		}
	}
}

// appositionRole reports whether the phrase at toks[k:] names a position
// within a few words, before any punctuation: "the European Commission's
// agriculture commissioner", "then deputy director general of …".
func appositionRole(toks []text.Token, k int) bool {
	for n := k; n < len(toks) && n-k < 7; n++ {
		t := toks[n]
		if t.Kind == text.Punct && !text.IsPossessive(t) {
			return false
		}
		if isRoleWord(t.Text) {
			return true
		}
	}
	return false
}
