package loaders

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// unitHeads are the words that make a capitalized phrase a unit of a larger
// body: "General Office", "Department of Laws and Regulations",
// "No. 3 Civil Adjudication Tribunal", "Shijingshan Branch".
var unitHeads = toSet(`Department Office Bureau Division Tribunal Branch Section Secretariat Center Centre Court Committee
Commission Team Unit Service Station Directorate Chamber Panel Group Council Board Administration`)

// unitConnectors may stand inside a unit's name between capitalized words.
var unitConnectors = toSet(`of and for on against the &`)

// recognizeUnits finds units of bodies by their structure (stage "units"):
// "<unit> of|under the <body>" and "<body>'s <unit>". The unit is named in
// full ("General Office of the Supreme People's Court"), keeps its short
// form as an alias ("General Office", "SPC's General Office") and carries
// the body as its suffix, which gives it partOf the body. Its type is the
// body's. Mentions inside the unit's words (a place in "Shijingshan
// Branch", a fragment such as "Laws and Regulations") are dropped.
func (x *Extractor) recognizeUnits(si int, s *sentInfo) {
	toks := s.toks
	for _, m := range append([]*mention(nil), s.mentions...) {
		x.acronymUnit(si, s, m)
	}
	x.itsUnits(si, s)
	for _, b := range append([]*mention(nil), s.mentions...) {
		if b.c.typ != Agency && b.c.typ != Organization {
			continue
		}
		// "<unit> of the <body>": the unit ends before "of"/"under".
		k := b.lo - 1
		if k >= 0 && toks[k].Text == "the" {
			k--
		}
		if k >= 1 && (toks[k].Text == "of" || toks[k].Text == "under") {
			end := k
			// "the No. 3 Civil Adjudication Tribunal (the IP division) of the SPC"
			if toks[end-1].Text == ")" {
				for p := end - 2; p > 0 && p > end-10; p-- {
					if toks[p].Text == "(" {
						end = p
						break
					}
				}
			}
			if lo := unitStart(toks, end); lo >= 0 && !s.knownSpan(lo, b.hi) {
				x.addUnit(si, s, lo, end, b, lo, b.hi, "structure: unit "+toks[k].Text+" body")
			}
		}
		// "<body>'s <unit>".
		if b.hi+1 < len(toks) && text.IsPossessive(toks[b.hi]) {
			if hi := unitEnd(toks, b.hi+1); hi > b.hi+1 && !s.knownSpan(b.hi+1, hi) {
				x.addUnit(si, s, b.hi+1, hi, b, b.hi+1, hi, "structure: body's unit")
			}
		}
	}
}

// itsUnits finds "…; its Office (NLGO) runs …": a unit of the body named
// last before "its" in the sentence, when nothing else is named between.
func (x *Extractor) itsUnits(si int, s *sentInfo) {
	toks := s.toks
	for k := 1; k+1 < len(toks); k++ {
		if toks[k].Text != "its" || (toks[k-1].Text != ";" && toks[k-1].Text != ",") {
			continue
		}
		var b *mention
		for _, m := range s.mentions {
			if m.hi <= k && (b == nil || m.hi > b.hi) {
				b = m
			}
		}
		if b == nil || (b.c.typ != Agency && b.c.typ != Organization) || bodyNounBetween(toks, b.hi, k) {
			continue
		}
		if hi := unitEnd(toks, k+1); hi > k+1 && !s.knownSpan(k+1, hi) {
			x.addUnit(si, s, k+1, hi, b, k+1, hi, "structure: its unit")
		}
	}
}

// bodyNouns name a body in lower case ("set up a steering group; its
// Secretariat …"): "its" then refers to that group, not to a name before.
var bodyNouns = toSet(`group groups committee committees office offices team teams council councils body bodies agency agencies center centre unit units bureau department task force panel`)

// bodyNounBetween reports whether a body is named in lower case in
// toks[lo:hi].
func bodyNounBetween(toks []text.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if bodyNouns[toks[k].Text] {
			return true
		}
	}
	return false
}

// unitStart walks back from the "of" at toks[of] over a capitalized unit
// name and returns its first token, or -1 when the words before "of" hold
// no unit head.
func unitStart(toks []text.Token, of int) int {
	lo := of
	for lo > 0 {
		t := toks[lo-1]
		switch {
		case t.Kind == text.Word && text.IsCap(t) && !nonStarters[t.Text]:
		case t.Kind == text.Num && lo >= 2 && (toks[lo-2].Text == "No" || toks[lo-2].Text == "No." || (toks[lo-2].Text == "." && lo >= 3 && toks[lo-3].Text == "No")):
		case (t.Text == "No" || t.Text == "No.") && lo < of && (toks[lo].Kind == text.Num || toks[lo].Text == "."):
		case t.Text == "." && lo >= 2 && toks[lo-2].Text == "No":
		case unitConnectors[t.Text] && lo >= 2 && text.IsCap(toks[lo-2]) && text.IsCap(toks[lo]):
		default:
			return checkUnit(toks, lo, of)
		}
		lo--
	}
	return checkUnit(toks, lo, of)
}

// unitEnd walks forward from toks[lo] over a unit name and returns its end,
// or lo when the words hold no unit head.
func unitEnd(toks []text.Token, lo int) int {
	hi := lo
	for hi < len(toks) {
		t := toks[hi]
		switch {
		case t.Kind == text.Word && text.IsCap(t) && !(hi == lo && nonStarters[t.Text]):
		case (t.Text == "No" || t.Text == "No.") && hi+1 < len(toks) && (toks[hi+1].Kind == text.Num || toks[hi+1].Text == "."):
		case t.Text == "." && hi > lo && toks[hi-1].Text == "No":
		case t.Kind == text.Num && hi > lo && (toks[hi-1].Text == "No" || toks[hi-1].Text == "No." || toks[hi-1].Text == "."):
		case unitConnectors[t.Text] && t.Text != "the" && hi > lo && hi+1 < len(toks) && text.IsCap(toks[hi+1]):
		case t.Text == "the" && hi > lo && toks[hi-1].Text == "of" && hi+1 < len(toks) && text.IsCap(toks[hi+1]):
		default:
			goto done
		}
		hi++
	}
done:
	for hi > lo && unitConnectors[toks[hi-1].Text] {
		hi--
	}
	if checkUnit(toks, lo, hi) < 0 {
		return lo
	}
	return hi
}

// checkUnit returns lo when toks[lo:hi] is a unit's name: a head word
// among its words, the first word not a connector.
func checkUnit(toks []text.Token, lo, hi int) int {
	for lo < hi && unitConnectors[toks[lo].Text] {
		lo++
	}
	if hi-lo < 1 {
		return -1
	}
	for k := lo; k < hi; k++ {
		if unitHeads[toks[k].Text] {
			if hi-lo == 1 && (toks[k].Text == "Group" || toks[k].Text == "Council" || toks[k].Text == "Board" || toks[k].Text == "Administration" || toks[k].Text == "Committee" || toks[k].Text == "Commission" || toks[k].Text == "Court") {
				return -1 // "Council of …", "Court of …": a body of its own
			}
			return lo
		}
	}
	return -1
}

// knownSpan reports whether a gazetteer mention covers toks[lo:hi] exactly
// or a longer gazetteer mention contains it: the name is known already.
func (s *sentInfo) knownSpan(lo, hi int) bool {
	for _, m := range s.mentions {
		if m.c.gaz >= 0 && m.lo <= lo && hi <= m.hi {
			return true
		}
	}
	return false
}

// addUnit adds the unit toks[ulo:uhi] of body b as one mention over
// toks[lo:hi] (the unit's own words when the body stands before it, so
// that the body keeps its mention), replacing what other recognizers found inside the unit's
// words.
func (x *Extractor) addUnit(si int, s *sentInfo, ulo, uhi int, b *mention, lo, hi int, rule string) {
	short := s.spanText(ulo, uhi)
	if genericPhrase(s.toks[ulo:uhi]) && uhi-ulo > 1 && !unitHeads[s.toks[ulo].Text] && !unitHeads[s.toks[uhi-1].Text] {
		return
	}
	bodyName := s.spanText(b.lo, b.hi)
	if b.c.gaz >= 0 {
		bodyName = x.gaz.entries[b.c.gaz].Name
	}
	replaced := map[*candidate]bool{}
	s.dropMentions(func(m *mention) bool {
		inUnit := m != b && m.lo < uhi && ulo < m.hi
		overBoth := m != b && m.lo <= ulo && b.hi <= m.hi && m.c.gaz < 0 // an older, cut reading of the same words
		if inUnit || overBoth {
			replaced[m.c] = true
		}
		return inUnit || overBoth
	})
	full := short + " of the " + strings.TrimPrefix(bodyName, "the ")
	c := &candidate{gaz: -1, typ: b.c.typ, name: full, rule: rule, xAlias: short, suffix: b, unit: true}
	if lo == ulo && hi > uhi {
		c.name, c.alias = s.spanText(lo, hi), full // as written: "Department of … of the CNIPA"
	}
	if uhi+2 < len(s.toks) && s.toks[uhi].Text == "(" && s.toks[uhi+2].Text == ")" && text.IsAllCaps(s.toks[uhi+1].Text) {
		c.acronym = s.toks[uhi+1].Text // "its Office (NLGO)"
	}
	for _, o := range s.mentions {
		if replaced[o.c] {
			o.c = c // "(TPO)" read as the acronym of the words the unit replaces
		}
	}
	m := &mention{sent: si, lo: lo, hi: hi, c: c}
	if lo == b.hi+1 {
		m.form = s.spanText(b.lo, hi) // "CNIPA's Department of …" as written
	}
	s.addMention(m)
}

// courtWords may stand before "Court" in a court's name.
var courtWords = toSet(`People's Intermediate Higher High Primary Basic Supreme Intellectual Property IP IPR Internet Maritime
Railway Financial Military Municipal District County Provincial Special Commercial Civil`)

// recognizeCourts (stage "courts") names courts by their pattern: a place
// and court words before "Court" ("Shanghai No. 3 Intermediate People's
// Court", "Shanghai IPR court"), or "Court of" a place ("People's Court of
// Haidian District", "Intellectual Property Court of Hainan Free Trade
// Port"). Places inside the name are part of it.
func (x *Extractor) recognizeCourts(si int, s *sentInfo) {
	toks := s.toks
	for k := 1; k < len(toks); k++ {
		w := toks[k].Text
		if w != "Court" && !(w == "court" && (toks[k-1].Text == "IP" || toks[k-1].Text == "IPR")) {
			continue
		}
		lo := k
		words := 0
		for lo > 0 {
			t := toks[lo-1].Text
			switch {
			case courtWords[t] || (t == "'s" && lo >= 2 && toks[lo-2].Text == "People"), t == "People" && lo < k && toks[lo].Text == "'s":
				words++
			case toks[lo-1].Kind == text.Num && lo >= 2 && (toks[lo-2].Text == "No" || toks[lo-2].Text == "." || toks[lo-2].Text == "No."):
			case (t == "No" || t == "No.") && (toks[lo].Kind == text.Num || toks[lo].Text == "."):
			case t == "." && lo >= 2 && toks[lo-2].Text == "No":
			default:
				goto left
			}
			lo--
		}
	left:
		place := false
		if r := s.mentionEndingAt(lo); r != nil && r.c.typ == Region && r.c.gaz >= 0 {
			lo, place = r.lo, true
		}
		hi := k + 1
		of := 0 // 1 + the gazetteer place of "Court of <place>"
		if hi+1 < len(toks) && toks[hi].Text == "of" {
			n := hi + 1
			if n < len(toks) && toks[n].Text == "the" {
				n++
			}
			if r := s.mentionAt(n); r != nil && r.c.typ == Region {
				hi, place, of = r.hi, true, r.c.gaz+1
			} else if e, l := x.gaz.match(toks, n); e >= 0 && x.gaz.entries[e].Type == Region {
				hi, place, of = n+l, true, e+1 // a place another recognizer took into a longer name
			}
		}
		if words == 0 || !place || s.knownSpan(lo, hi) {
			continue
		}
		x.replaceWith(si, s, lo, hi, &candidate{gaz: -1, typ: Agency, name: s.spanText(lo, hi), rule: "structure: court of a place", place: of})
		k = hi - 1
	}
}

// acronymUnit splits "MPS Food and Drug Crime Investigation Bureau" into
// the body its first word abbreviates and the unit of that body.
func (x *Extractor) acronymUnit(si int, s *sentInfo, m *mention) {
	toks := s.toks
	if m.c.gaz >= 0 || m.c.suffix != nil || (m.c.typ != Agency && m.c.typ != Organization) || m.hi-m.lo < 3 || !text.IsAllCaps(toks[m.lo].Text) {
		return
	}
	e, n := x.gaz.match(toks, m.lo)
	if e < 0 || n != 1 {
		return
	}
	entry := x.gaz.entries[e]
	if entry.Type != Agency && entry.Type != Organization || checkUnit(toks, m.lo+1, m.hi) < 0 {
		return
	}
	var b *mention
	for _, o := range s.mentions {
		if o.lo == m.lo && o.hi == m.lo+1 && o.c.gaz == e {
			b = o // the gazetteer stage found the acronym already
		}
	}
	if b == nil {
		b = &mention{sent: si, lo: m.lo, hi: m.lo + 1, c: &candidate{gaz: e, typ: entry.Type, name: toks[m.lo].Text, rule: gazRule(entry)}}
		s.addMention(b)
	}
	short := s.spanText(m.lo+1, m.hi)
	m.form = s.spanText(m.lo, m.hi)
	m.lo++
	m.c.name, m.c.alias, m.c.xAlias, m.c.suffix, m.c.unit = short+" of the "+entry.Name, m.form, short, b, true
	m.c.rule = "structure: body's acronym before its unit"
}
