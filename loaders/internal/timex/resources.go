package timex

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
)

// Role says what a time expression does in its sentence.
type Role uint8

// The roles of time expressions.
const (
	// Point is a period the figures of its sentence can take, and that the
	// sentences after it carry (a multi-year span is taken but not carried).
	Point Role = iota
	// Base is a comparison base ("than in 2019", "over the same period last
	// year"): only a figure inside the phrase takes it; it is never carried.
	Base
	// Ignore is a phrase that looks like a time and is not one ("the 14th
	// Five-Year Plan" as a name, a title's "(2021-2035)").
	Ignore
	// Anchor is the date that opens a dated item of a digest: it anchors the
	// item's relative times and is a figure's period only as a last resort.
	Anchor
	// Weak is a point ("so far", "now") that a figure takes only when its
	// sentence has no other point.
	Weak
)

func (r Role) String() string {
	switch r {
	case Base:
		return "base"
	case Ignore:
		return "ignore"
	case Anchor:
		return "anchor"
	case Weak:
		return "weak"
	}
	return "point"
}

//go:embed resources/*.txt resources/*.tsv
var resources embed.FS

// rule is one line of rules.txt, compiled.
type rule struct {
	id      string
	role    Role
	source  string // the pattern as written, macros unexpanded
	re      *regexp.Regexp
	value   []piece // the value template
	capName int     // if=capname:g, or 0
	maxLen  int     // the most runes a match can take, or -1
	// before and after are how far a match reaches on either side of a
	// string of the first trigger set, in runes (see reach).
	before, after int
	// afterChange is if=afterchange: the match must follow a change's
	// words ("up 10% from 2020").
	afterChange bool
	line        int
	// anchored is re matched only at the start of its input; wordStart
	// says every match begins at \b.
	anchored  *regexp.Regexp
	wordStart bool
}

// piece is a literal of a value template or a {table:groups} slot.
type piece struct {
	lit    string
	table  string // "" for a raw group, "year", "plan", "planstart", "planend" or a norm table
	groups []int
}

// Rules is a compiled set of time rules with their word lists and
// normalization tables. It is safe for concurrent use.
type Rules struct {
	rules      []*rule
	tables     map[string]map[string]string
	cased      map[string]bool
	match      *matcher // the prefilter: trigger strings → slots
	casedMatch *matcher // the triggers that count only capitalized ("May"), on the sentence as written
	always     []int    // rules without a trigger, tried on every sentence
	slotRule   []int    // the rule of each trigger set ("slot")
	firstSlot  []bool   // whether a slot is its rule's first (the one windows are cut around)
	ruleSlots  [][]int  // the slots of each rule: all must be met
}

var (
	defaultOnce  sync.Once
	defaultRules *Rules
	defaultErr   error
)

// Default returns the built-in rules (resources/ embedded in the binary),
// compiled once. It fails only if the embedded files are broken, which a
// test of this package prevents.
func Default() (*Rules, error) {
	defaultOnce.Do(func() {
		open := func(name string) io.Reader {
			f, err := resources.Open("resources/" + name)
			if err != nil {
				defaultErr = err
				return strings.NewReader("")
			}
			return f
		}
		words, norms, rules := open("words.txt"), open("norm.tsv"), open("rules.txt")
		if defaultErr == nil {
			defaultRules, defaultErr = Parse(words, norms, rules)
		}
	})
	return defaultRules, defaultErr
}

// Parse compiles time rules from their three files: the word lists (macros
// and cased words), the normalization tables and the rules. Errors name the
// file and line.
func Parse(words, norms, rules io.Reader) (*Rules, error) {
	rs := &Rules{tables: map[string]map[string]string{}, cased: map[string]bool{}}
	macros := map[string]string{}
	var order []string
	if err := eachLine(words, func(n int, line string) error {
		switch {
		case strings.HasPrefix(line, "@"):
			name, pat, ok := strings.Cut(line[1:], " ")
			if !ok || name == "" {
				return fmt.Errorf("words.txt:%d: want \"@name pattern\"", n)
			}
			pat = expandMacros(strings.TrimSpace(pat), macros, order)
			if _, err := syntax.Parse(pat, syntax.Perl); err != nil {
				return fmt.Errorf("words.txt:%d: macro %s: %w", n, name, err)
			}
			macros[name] = pat
			order = append(order, name)
		case strings.HasPrefix(line, "!cased"):
			for _, w := range strings.Fields(line)[1:] {
				rs.cased[w] = true
			}
		default:
			return fmt.Errorf("words.txt:%d: a line starts with @ or !cased", n)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachLine(norms, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("norm.tsv:%d: want table, phrase and value separated by tabs", n)
		}
		t := rs.tables[f[0]]
		if t == nil {
			t = map[string]string{}
			rs.tables[f[0]] = t
		}
		t[f[1]] = f[2]
		return nil
	}); err != nil {
		return nil, err
	}
	ids := map[string]int{}
	if err := eachLine(rules, func(n int, line string) error {
		r, err := rs.parseRule(line, macros, order)
		if err != nil {
			return fmt.Errorf("rules.txt:%d: %w", n, err)
		}
		if prev, ok := ids[r.id]; ok {
			return fmt.Errorf("rules.txt:%d: rule id %s already used on line %d", n, r.id, prev)
		}
		ids[r.id] = n
		r.line = n
		rs.rules = append(rs.rules, r)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := rs.buildPrefilter(); err != nil {
		return nil, err
	}
	return rs, nil
}

// eachLine calls fn with every line of r that is not blank or a comment.
func eachLine(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// expandMacros replaces %name by (?:pattern), longest names first so that
// %yearref is not read as %year followed by "ref".
func expandMacros(pat string, macros map[string]string, order []string) string {
	names := append([]string(nil), order...)
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && len(names[j]) > len(names[j-1]); j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	for _, name := range names {
		pat = strings.ReplaceAll(pat, "%"+name, "(?:"+macros[name]+")")
	}
	return pat
}

// parseRule reads `id role "pattern" value [if=capname:g]`.
func (rs *Rules) parseRule(line string, macros map[string]string, order []string) (*rule, error) {
	id, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	rest = strings.TrimSpace(rest)
	roleWord, rest, _ := strings.Cut(rest, " ")
	rest = strings.TrimSpace(rest)
	r := &rule{id: id}
	switch roleWord {
	case "point":
		r.role = Point
	case "base":
		r.role = Base
	case "ignore":
		r.role = Ignore
	case "weak":
		r.role = Weak
	default:
		return nil, fmt.Errorf("rule %s: role %q is not point, weak, base or ignore", id, roleWord)
	}
	if !strings.HasPrefix(rest, `"`) {
		return nil, fmt.Errorf("rule %s: the pattern must be in double quotes", id)
	}
	end := strings.LastIndex(rest, `"`)
	if end <= 0 {
		return nil, fmt.Errorf("rule %s: the pattern's closing quote is missing", id)
	}
	r.source = rest[1:end]
	if strings.Contains(r.source, `"`) {
		return nil, fmt.Errorf("rule %s: a pattern holds no double quote", id)
	}
	if i := strings.Index(r.source, "%"); i >= 0 {
		expanded := expandMacros(r.source, macros, order)
		if j := strings.Index(expanded, "%"); j >= 0 {
			word := expanded[j:]
			if k := strings.IndexAny(word[1:], " ()|?*+[]\\"); k >= 0 {
				word = word[:k+1]
			}
			return nil, fmt.Errorf("rule %s: no macro %s in words.txt", id, word)
		}
	}
	pattern := expandMacros(r.source, macros, order)
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil, fmt.Errorf("rule %s: %w", id, err)
	}
	r.re = re
	// The anchored twin tries a match at a given start (see
	// Rules.matchesAt); its groups are numbered as re's.
	if r.anchored, err = regexp.Compile(`^(?:` + pattern + `)`); err != nil {
		return nil, fmt.Errorf("rule %s: %w", id, err)
	}
	r.wordStart = startsAtWordBoundary(pattern)
	fields := strings.Fields(rest[end+1:])
	if len(fields) == 0 {
		return nil, fmt.Errorf("rule %s: no value", id)
	}
	if r.value, err = rs.parseValue(fields[0], re.NumSubexp()); err != nil {
		return nil, fmt.Errorf("rule %s: %w", id, err)
	}
	for _, f := range fields[1:] {
		if f == "if=afterchange" {
			r.afterChange = true
			continue
		}
		g, ok := strings.CutPrefix(f, "if=capname:")
		if !ok {
			return nil, fmt.Errorf("rule %s: unknown condition %q", id, f)
		}
		n, err := strconv.Atoi(g)
		if err != nil || n < 1 || n > re.NumSubexp() {
			return nil, fmt.Errorf("rule %s: condition %q names no group", id, f)
		}
		r.capName = n
	}
	if r.role == Ignore && fields[0] != "-" {
		return nil, fmt.Errorf("rule %s: an ignore rule's value is -", id)
	}
	return r, nil
}

// parseValue splits a value template into literals and {table:groups}
// slots, checking tables and group numbers.
func (rs *Rules) parseValue(v string, groups int) ([]piece, error) {
	if v == "-" {
		return nil, nil
	}
	var out []piece
	for v != "" {
		i := strings.IndexByte(v, '{')
		if i < 0 {
			out = append(out, piece{lit: v})
			break
		}
		if i > 0 {
			out = append(out, piece{lit: v[:i]})
		}
		j := strings.IndexByte(v[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("value %q: unclosed {", v)
		}
		slot := v[i+1 : i+j]
		v = v[i+j+1:]
		table, list, ok := strings.Cut(slot, ":")
		if !ok {
			table, list = "", slot
		}
		switch table {
		case "", "year", "plan", "planstart", "planend":
		default:
			if rs.tables[table] == nil {
				return nil, fmt.Errorf("value slot {%s}: no table %s in norm.tsv", slot, table)
			}
		}
		p := piece{table: table}
		for _, g := range strings.Split(list, ",") {
			n, err := strconv.Atoi(g)
			if err != nil || n < 1 || n > groups {
				return nil, fmt.Errorf("value slot {%s}: the pattern has no group %s", slot, g)
			}
			p.groups = append(p.groups, n)
		}
		out = append(out, p)
	}
	return out, nil
}

// IDs returns the ids of the rules in priority order.
func (rs *Rules) IDs() []string {
	out := make([]string, len(rs.rules))
	for i, r := range rs.rules {
		out[i] = r.id
	}
	return out
}
