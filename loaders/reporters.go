package loaders

import (
	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// reportVerbs say that their subject states a figure ("the court said",
// "the ministry released").
var reportVerbs = toSet(`said says announced announces reported reports released releases disclosed discloses showed shows revealed reveals published publishes noted notes stated states told`)

// reportedBy returns the entity ID of the body that states the figures of
// a sentence, when the sentence says so: "according to the SPC", "the
// Shanghai High People's Court said", "a white paper released by the SPC",
// "…, said Zhang Wei, director of the bureau" (the person's body, from
// members). It returns "" when the sentence names no one; the document's
// own body is then the reporter.
func (d *docState) reportedBy(s *sentInfo, members map[string]string) string {
	toks := s.toks
	who := func(m *mention) string {
		if m == nil {
			return ""
		}
		id := d.entityID(d.entOf(m))
		switch d.typeOf(m) {
		case Agency, Organization:
			return id
		case Person:
			return members[id]
		}
		return ""
	}
	for k, t := range toks {
		w := t.Folded()
		switch {
		case w == "according" && k+1 < len(toks) && toks[k+1].Text == "to":
			n := k + 2
			for n < len(toks) && isArticle(toks[n].Text) {
				n++
			}
			if id := who(s.mentionAt(n)); id != "" {
				return id
			}
		case reportVerbs[w]:
			// "X said", "X, …, said" (the nearest mention before, skipping an apposition).
			if m := s.mentionEndingAt(k); m != nil {
				if id := who(m); id != "" {
					return id
				}
			}
			// "said X", "released by X".
			n := k + 1
			if n < len(toks) && toks[n].Text == "by" {
				n++
			}
			for n < len(toks) && isArticle(toks[n].Text) {
				n++
			}
			if n < len(toks) && toks[n].Kind != text.Punct {
				if id := who(s.mentionAt(n)); id != "" {
					return id
				}
			}
		}
	}
	return ""
}

// memberBodies maps each person to the first body the relations make it a
// member of.
func memberBodies(rs []Relation) map[string]string {
	out := map[string]string{}
	for _, r := range rs {
		if r.Predicate == "memberOf" {
			if _, ok := out[r.Subject]; !ok {
				out[r.Subject] = r.Object
			}
		}
	}
	return out
}
