package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

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
	root    *formNode // a trie of the forms' folded tokens
	maxLen  int       // tokens in the longest form

	// mergeKeys[i] are the merge keys (mergeKey) of entry i's name and
	// aliases, computed once for every document's entity resolution.
	mergeKeys [][]string

	// firstShape marks the first bytes and lengths of the forms' first
	// tokens, so that most words are ruled out without a map lookup.
	firstShape [256][firstShapeLen]bool
}

// firstShapeLen bounds the lengths firstShape tells apart; longer first
// tokens share the last slot.
const firstShapeLen = 24

func shapeLen(n int) int { return min(n, firstShapeLen-1) }

// formNode is a trie node: the forms whose folded tokens spell the path to
// it, and the tokens that continue some longer form.
type formNode struct {
	next map[string]*formNode
	refs []aliasRef
}

func (n *formNode) child(key string, create bool) *formNode {
	c := n.next[key]
	if c == nil && create {
		if n.next == nil {
			n.next = map[string]*formNode{}
		}
		c = &formNode{}
		n.next[key] = c
	}
	return c
}

func newGazIndex(entries []GazetteerEntry) *gazIndex {
	g := &gazIndex{byID: map[string]int{}, root: &formNode{}}
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
	g.mergeKeys = make([][]string, len(g.entries))
	for i, e := range g.entries {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := mergeKey(cleanName(n)); k != "" {
				g.mergeKeys[i] = append(g.mergeKeys[i], k)
			}
		}
		for _, form := range formVariants(append([]string{e.Name}, e.Aliases...)) {
			toks := text.Tokenize(form)
			if len(toks) == 0 {
				continue
			}
			ref := aliasRef{entry: i, acronym: isAcronym(form)}
			node := g.root
			for _, t := range toks {
				ref.form = append(ref.form, t.Text)
				node = node.child(text.FoldWord(t.Text), true)
			}
			ref.capital = text.IsCap(toks[0])
			node.refs = append(node.refs, ref)
			if len(toks) > g.maxLen {
				g.maxLen = len(toks)
			}
		}
	}
	for k := range g.root.next {
		if k != "" {
			g.firstShape[k[0]][shapeLen(len(k))] = true
		}
	}
	return g
}

// match returns the entry index and length of the longest gazetteer form
// starting at toks[i], or -1, 0. It walks the trie only as far as some form
// continues, so most positions cost one map lookup.
func (g *gazIndex) match(toks []text.Token, i int) (int, int) {
	type candidate struct {
		n    int
		refs []aliasRef
	}
	if i >= len(toks) {
		return -1, 0
	}
	if f := toks[i].Folded(); f == "" || !g.firstShape[f[0]][shapeLen(len(f))] {
		return -1, 0
	}
	var found [8]candidate
	cands := found[:0]
	node := g.root
	for n := 0; i+n < len(toks); n++ {
		if node = node.child(toks[i+n].Folded(), false); node == nil {
			break
		}
		if len(node.refs) > 0 {
			cands = append(cands, candidate{n + 1, node.refs})
		}
	}
	for k := len(cands) - 1; k >= 0; k-- {
		c := cands[k]
		for _, ref := range c.refs {
			if g.accept(ref, toks[i:i+c.n]) || g.lowerStatute(ref, toks, i, c.n) || g.lowerRegulation(ref, toks[i:i+c.n]) {
				return ref.entry, c.n
			}
		}
	}
	return -1, 0
}

func (g *gazIndex) accept(ref aliasRef, toks []text.Token) bool {
	if ref.acronym {
		for k, t := range toks {
			if strings.ReplaceAll(t.Text, "’", "'") != strings.ReplaceAll(ref.form[k], "’", "'") {
				return false
			}
		}
		return true
	}
	// A capitalized name needs a capitalized mention: "China" matches,
	// "china" (as in a web address) does not.
	return !(ref.capital && toks[0].Kind == text.Word && !text.IsCap(toks[0]))
}

// lookupName returns the entry whose name or alias normalizes to name.
func (g *gazIndex) lookupName(name string) (int, bool) {
	toks := text.Tokenize(name)
	if len(toks) == 0 {
		return -1, false
	}
	e, n := g.match(toks, 0)
	if e >= 0 && n == len(toks) {
		return e, true
	}
	return -1, false
}

// ipVariants spell "Intellectual Property (Rights)" the short ways documents
// also use, so that a gazetteer form matches either spelling.
var ipVariants = []struct{ long, short string }{
	{"Intellectual Property Rights", "IPR"},
	{"Intellectual Property Rights", "IP"},
	{"Intellectual Property", "IP"},
	{"intellectual property rights", "IPR"},
	{"intellectual property", "IP"},
}

// formVariants returns the forms plus their IP/IPR short spellings, without
// repeats.
func formVariants(forms []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range forms {
		add(f)
		if isAcronym(f) {
			continue
		}
		for _, v := range ipVariants {
			if strings.Contains(f, v.long) {
				add(strings.ReplaceAll(f, v.long, v.short))
			}
		}
	}
	return out
}

// lowerStatute accepts a statute's name written in lower case ("revise the
// company law, the patent law, etc.") when it has two or more words and
// ends a phrase: a punctuation mark, "and", "or" or "etc" follows.
func (g *gazIndex) lowerStatute(ref aliasRef, toks []text.Token, i, n int) bool {
	if ref.acronym || n < 2 || g.entries[ref.entry].Kind != "statute" || !strings.EqualFold(ref.form[n-1], "law") {
		return false
	}
	if i+n == len(toks) {
		return true
	}
	next := toks[i+n]
	return next.Kind == text.Punct || next.Text == "and" || next.Text == "or" || next.Text == "etc"
}

// lowerRegulation accepts the name of a statute's implementing regulation
// whose generic head is written in lower case when the statute it names
// keeps its capitals: "the newly revised implementing regulations of the
// Patent Law". The capitals of the statute's name ("… Law") carry the
// proper noun; "implementing regulations of the patent law" is not
// accepted.
func (g *gazIndex) lowerRegulation(ref aliasRef, toks []text.Token) bool {
	if ref.acronym || !ref.capital || len(toks) < 4 || g.entries[ref.entry].Kind != "regulation" || text.IsCap(toks[0]) {
		return false
	}
	n := len(toks)
	return toks[n-1].Text == "Law" && text.IsCap(toks[n-2])
}
