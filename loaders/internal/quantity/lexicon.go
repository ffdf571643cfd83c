package quantity

import (
	"bufio"
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed resources/units.txt
var unitsFile string

// lexicon is the parsed resources/units.txt: scale words, currency words
// before and after a number, and units of measure.
type lexicon struct {
	scale     map[string]float64 // "million" → 1e6
	glued     map[rune]float64   // "万" → 1e4, when glued to the number
	before    map[string]string  // "rmb" → "yuan"
	after     map[string]string  // "dollars" → "US dollars"
	afterHan  map[rune]string    // "元" → "yuan"
	country   map[string]bool    // "u.s." in "5 U.S. dollars"
	measureOf map[string]bool    // "points", "times", "days"
}

// units is the lexicon every extraction uses.
var units = mustParseLexicon(unitsFile)

func mustParseLexicon(src string) *lexicon {
	lx, err := parseLexicon(src)
	if err != nil {
		panic(fmt.Sprintf("quantity: resources/units.txt: %v", err)) // embedded at build time; a test parses it
	}
	return lx
}

// parseLexicon reads the lexicon format documented at the top of
// resources/units.txt; errors name the line.
func parseLexicon(src string) (*lexicon, error) {
	lx := &lexicon{
		scale: map[string]float64{}, glued: map[rune]float64{},
		before: map[string]string{}, after: map[string]string{}, afterHan: map[rune]string{},
		country: map[string]bool{}, measureOf: map[string]bool{},
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: %q: want a kind and a word", n, line)
		}
		kind, word := f[0], strings.ToLower(f[1])
		rest := strings.Join(f[2:], " ")
		han, size := utf8.DecodeRuneInString(word)
		single := size == len(word) && size > 1
		switch kind {
		case "scale":
			v, err := strconv.ParseFloat(rest, 64)
			if err != nil || v <= 0 {
				return nil, fmt.Errorf("line %d: scale %s: factor %q is not a positive number", n, word, rest)
			}
			if single {
				lx.glued[han] = v
			} else {
				lx.scale[word] = v
			}
		case "before", "after":
			if rest == "" {
				return nil, fmt.Errorf("line %d: %s %s: no unit", n, kind, word)
			}
			switch {
			case kind == "before":
				lx.before[word] = rest
			case single:
				lx.afterHan[han] = rest
			default:
				lx.after[word] = rest
			}
		case "country", "measure":
			if rest != "" {
				return nil, fmt.Errorf("line %d: %s takes one word, got %q", n, kind, line)
			}
			if kind == "country" {
				lx.country[word] = true
			} else {
				lx.measureOf[word] = true
			}
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q (want scale, before, after, country or measure)", n, kind)
		}
	}
	return lx, sc.Err()
}

// firstRune is s's first character, or utf8.RuneError for "".
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
