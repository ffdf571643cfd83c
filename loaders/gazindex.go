package loaders

import "strings"

// aliasRef is one surface form of a gazetteer entry.
type aliasRef struct {
	entry   int
	form    []string // the form's tokens as written
	acronym bool     // match case-sensitively
	capital bool     // the form starts with a capital: the text must too
}

// gazIndex finds gazetteer names in token sequences (longest match first).
type gazIndex struct {
	entries []GazetteerEntry
	byID    map[string]int
	forms   map[string][]aliasRef // folded tokens joined by spaces
	maxLen  int
}

func newGazIndex(entries []GazetteerEntry) *gazIndex {
	g := &gazIndex{byID: map[string]int{}, forms: map[string][]aliasRef{}}
	for _, e := range entries {
		if i, ok := g.byID[e.ID]; ok {
			// A later file (a user gazetteer) overrides a built-in entry but
			// keeps its aliases.
			old := g.entries[i]
			e.Aliases = append(append([]string{}, e.Aliases...), old.Name)
			e.Aliases = append(e.Aliases, old.Aliases...)
			g.entries[i] = e
			continue
		}
		g.byID[e.ID] = len(g.entries)
		g.entries = append(g.entries, e)
	}
	for i, e := range g.entries {
		for _, form := range append([]string{e.Name}, e.Aliases...) {
			toks := tokenize(form)
			if len(toks) == 0 {
				continue
			}
			ref := aliasRef{entry: i, acronym: isAcronym(form)}
			var keys []string
			for _, t := range toks {
				ref.form = append(ref.form, t.s)
				keys = append(keys, foldWord(t.s))
			}
			ref.capital = isCap(toks[0])
			key := strings.Join(keys, " ")
			g.forms[key] = append(g.forms[key], ref)
			if len(toks) > g.maxLen {
				g.maxLen = len(toks)
			}
		}
	}
	return g
}

// match returns the entry index and length of the longest gazetteer form
// starting at toks[i], or -1, 0.
func (g *gazIndex) match(toks []token, i int) (int, int) {
	max := g.maxLen
	if len(toks)-i < max {
		max = len(toks) - i
	}
	keys := make([]string, 0, max)
	for n := 0; n < max; n++ {
		keys = append(keys, foldWord(toks[i+n].s))
	}
	for n := max; n >= 1; n-- {
		refs := g.forms[strings.Join(keys[:n], " ")]
		for _, ref := range refs {
			if g.accept(ref, toks[i:i+n]) {
				return ref.entry, n
			}
		}
	}
	return -1, 0
}

func (g *gazIndex) accept(ref aliasRef, toks []token) bool {
	if ref.acronym {
		for k, t := range toks {
			if strings.ReplaceAll(t.s, "’", "'") != strings.ReplaceAll(ref.form[k], "’", "'") {
				return false
			}
		}
		return true
	}
	// A capitalized name needs a capitalized mention: "China" matches,
	// "china" (as in a web address) does not.
	return !(ref.capital && toks[0].kind == tokWord && !isCap(toks[0]))
}

// lookupName returns the entry whose name or alias normalizes to name.
func (g *gazIndex) lookupName(name string) (int, bool) {
	toks := tokenize(name)
	if len(toks) == 0 {
		return -1, false
	}
	e, n := g.match(toks, 0)
	if e >= 0 && n == len(toks) {
		return e, true
	}
	return -1, false
}
