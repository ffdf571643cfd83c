// Package eval scores extractions against gold annotations with the rules
// of shared/gold/README.md, so that users who annotate their own documents
// can measure the loaders on them (`ipgraph eval GOLD_DIR FILE...`). It
// gives the same figures as shared/tools/score.py.
package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/ipgraph/ipgraph/loaders"
)

// Gold is one annotated document.
type Gold struct {
	Doc        string          `json:"doc"`
	Title      string          `json:"title"`
	Date       string          `json:"date"`
	Entities   []GoldEntity    `json:"entities"`
	Statistics []GoldStatistic `json:"statistics"`
	Relations  []GoldRelation  `json:"relations"`
}

// GoldEntity is an annotated entity; Types lists the acceptable types.
type GoldEntity struct {
	ID      string   `json:"id"`
	Types   []string `json:"types"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Must    bool     `json:"must"`
}

// GoldStatistic is an annotated figure; Quote is where the text states it.
type GoldStatistic struct {
	ID     string  `json:"id"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Period string  `json:"period"`
	Quote  string  `json:"quote"`
	Must   bool    `json:"must"`
}

// GoldRelation is an annotated relation between two gold entity ids.
type GoldRelation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Quote     string `json:"quote"`
	Must      bool   `json:"must"`
}

// ReadGoldDir reads every *.json file of dir except questions_*.json,
// sorted by file name.
func ReadGoldDir(dir string) ([]Gold, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("read gold %s: %w", dir, err)
	}
	sort.Strings(names)
	var golds []Gold
	for _, name := range names {
		if strings.HasPrefix(filepath.Base(name), "questions") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read gold %s: %w", name, err)
		}
		var g Gold
		if err := json.Unmarshal(data, &g); err != nil {
			return nil, fmt.Errorf("read gold %s: %w", name, err)
		}
		golds = append(golds, g)
	}
	if len(golds) == 0 {
		return nil, fmt.Errorf("read gold %s: no annotation files", dir)
	}
	return golds, nil
}

// Counts are the tallies behind the summary ratios, named as score.py
// names them.
type Counts struct {
	EntMust    int `json:"ent_must"`
	EntMustHit int `json:"ent_must_hit"`
	EntExt     int `json:"ent_ext"`
	EntTP      int `json:"ent_tp"`
	StMust     int `json:"st_must"`
	StMustHit  int `json:"st_must_hit"`
	StExt      int `json:"st_ext"`
	StTP       int `json:"st_tp"`
	PerN       int `json:"per_n"`
	PerOK      int `json:"per_ok"`
	UnitOK     int `json:"unit_ok"`
	MetOK      int `json:"met_ok"`
	RelMust    int `json:"rel_must"`
	RelMustHit int `json:"rel_must_hit"`
	RelExt     int `json:"rel_ext"`
}

func (c *Counts) add(o Counts) {
	c.EntMust += o.EntMust
	c.EntMustHit += o.EntMustHit
	c.EntExt += o.EntExt
	c.EntTP += o.EntTP
	c.StMust += o.StMust
	c.StMustHit += o.StMustHit
	c.StExt += o.StExt
	c.StTP += o.StTP
	c.PerN += o.PerN
	c.PerOK += o.PerOK
	c.UnitOK += o.UnitOK
	c.MetOK += o.MetOK
	c.RelMust += o.RelMust
	c.RelMustHit += o.RelMustHit
	c.RelExt += o.RelExt
}

// RuleScore is how one rule of the loaders did: the items it gave that
// could be judged, and how many were right.
type RuleScore struct {
	Kind      string  `json:"kind"` // entity, relation, metric or period
	Rule      string  `json:"rule"` // the rule's id
	Items     int     `json:"items"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
}

// ruleTally counts the items and right items of each (kind, rule).
type ruleTally map[[2]string]*[2]int

func (t ruleTally) add(kind, rule string, ok bool) {
	if rule == "" {
		rule = "(none)"
	}
	k := [2]string{kind, rule}
	n := t[k]
	if n == nil {
		n = new([2]int)
		t[k] = n
	}
	n[0]++
	if ok {
		n[1]++
	}
}

// RuleID is the id a rule text of the loaders is counted under: a
// gazetteer match by its file ("gazetteer regions.tsv"), a pattern or
// relation rule by its name, without what it resolved to.
func RuleID(rule string) string {
	if i := strings.Index(rule, ", resolved to"); i >= 0 {
		rule = rule[:i]
	}
	if strings.HasPrefix(rule, "gazetteer ") {
		if i := strings.Index(rule, ":"); i >= 0 {
			rule = rule[:i]
		}
	}
	return strings.TrimSpace(rule)
}

// DocReport is the score of one document, with what was missed.
type DocReport struct {
	Doc                string
	Counts             Counts
	rules              ruleTally
	MissedEntities     []string // names of must entities not found
	FalseEntities      []string // "name:type" of extracted entities matching nothing
	MissedStatistics   []string // quotes of must statistics not found
	MissedRelations    []string // "subject predicate object" of must relations not found
	DuplicatedEntities []string // extracted entities that matched an already matched gold entity
}

// Report is the score over all gold documents.
type Report struct {
	EntityRecall       float64 `json:"entity_recall"`
	EntityPrecision    float64 `json:"entity_precision"`
	StatisticRecall    float64 `json:"statistic_recall"`
	StatisticPrecision float64 `json:"statistic_precision"`
	PeriodAccuracy     float64 `json:"period_accuracy"`
	UnitAccuracy       float64 `json:"unit_accuracy"`
	MetricAccuracy     float64 `json:"metric_accuracy"`
	RelationRecall     float64 `json:"relation_recall"`
	Counts             Counts  `json:"counts"`
	// ByRule is the precision of every rule, by kind, most items first:
	// for entities and relations the share of what a rule gave that the
	// gold has; for metrics the share of a strategy's statistics that match
	// a gold statistic with the right metric; for periods the share of a
	// time rule's statistics (matched, with a gold period) whose period is
	// right.
	ByRule    []RuleScore `json:"by_rule"`
	Documents []DocReport `json:"-"`
}

// Score scores extractions against golds. An extraction is matched to a
// gold document by base name (with or without extension); a gold document
// with no extraction scores as an empty one.
func Score(golds []Gold, extractions []loaders.Extraction) Report {
	byDoc := map[string]*loaders.Extraction{}
	for i := range extractions {
		byDoc[filepath.Base(extractions[i].Doc)] = &extractions[i]
	}
	var rep Report
	all := ruleTally{}
	for _, g := range golds {
		ex := byDoc[g.Doc]
		if ex == nil {
			ex = byDoc[strings.TrimSuffix(g.Doc, filepath.Ext(g.Doc))]
		}
		if ex == nil {
			ex = &loaders.Extraction{Doc: g.Doc}
		}
		d := scoreDoc(g, ex)
		rep.Counts.add(d.Counts)
		for k, n := range d.rules {
			m := all[k]
			if m == nil {
				m = new([2]int)
				all[k] = m
			}
			m[0] += n[0]
			m[1] += n[1]
		}
		rep.Documents = append(rep.Documents, d)
	}
	for k, n := range all {
		rep.ByRule = append(rep.ByRule, RuleScore{Kind: k[0], Rule: k[1], Items: n[0], Correct: n[1], Precision: ratio(n[1], n[0], 0)})
	}
	kindOrder := map[string]int{"entity": 0, "relation": 1, "metric": 2, "period": 3}
	sort.Slice(rep.ByRule, func(a, b int) bool {
		ra, rb := rep.ByRule[a], rep.ByRule[b]
		if ra.Kind != rb.Kind {
			return kindOrder[ra.Kind] < kindOrder[rb.Kind]
		}
		if ra.Items != rb.Items {
			return ra.Items > rb.Items
		}
		return ra.Rule < rb.Rule
	})
	c := rep.Counts
	rep.EntityRecall = ratio(c.EntMustHit, c.EntMust, 1)
	rep.EntityPrecision = ratio(c.EntTP, c.EntExt, 0)
	rep.StatisticRecall = ratio(c.StMustHit, c.StMust, 1)
	rep.StatisticPrecision = ratio(c.StTP, c.StExt, 0)
	rep.PeriodAccuracy = ratio(c.PerOK, c.PerN, 0)
	rep.UnitAccuracy = ratio(c.UnitOK, c.StTP, 0)
	rep.MetricAccuracy = ratio(c.MetOK, c.StTP, 0)
	rep.RelationRecall = ratio(c.RelMustHit, c.RelMust, 1)
	return rep
}

func ratio(a, b int, empty float64) float64 {
	if b == 0 {
		return empty
	}
	return float64(a) / float64(b)
}

func scoreDoc(g Gold, ex *loaders.Extraction) DocReport {
	d := DocReport{Doc: g.Doc, rules: ruleTally{}}
	c := &d.Counts

	// Entities: the first gold entity sharing a type and a name matches; a
	// second extracted entity for the same gold entity is a duplicate.
	gnames := make([]map[string]bool, len(g.Entities))
	gtypes := make([]map[string]bool, len(g.Entities))
	for i, ge := range g.Entities {
		gnames[i] = names(ge.Name, ge.Aliases)
		gtypes[i] = map[string]bool{}
		for _, t := range ge.Types {
			gtypes[i][strings.ToLower(t)] = true
		}
	}
	matched := map[int]bool{}
	toGold := map[string]string{}
	for _, e := range ex.Entities {
		en := names(e.Name, e.Aliases)
		et := strings.ToLower(string(e.Type))
		hit := -1
		for i := range g.Entities {
			if gtypes[i][et] && intersects(en, gnames[i]) {
				hit = i
				break
			}
		}
		d.rules.add("entity", RuleID(e.Rule), hit >= 0 && !matched[hit])
		switch {
		case hit >= 0 && !matched[hit]:
			matched[hit] = true
			toGold[e.ID] = g.Entities[hit].ID
			c.EntTP++
		case hit >= 0:
			if _, ok := toGold[e.ID]; !ok {
				toGold[e.ID] = g.Entities[hit].ID
			}
			d.DuplicatedEntities = append(d.DuplicatedEntities, e.Name)
			d.FalseEntities = append(d.FalseEntities, e.Name+":"+string(e.Type))
		default:
			d.FalseEntities = append(d.FalseEntities, e.Name+":"+string(e.Type))
		}
	}
	c.EntExt = len(ex.Entities)
	for i, ge := range g.Entities {
		if ge.Must {
			c.EntMust++
			if matched[i] {
				c.EntMustHit++
			} else {
				d.MissedEntities = append(d.MissedEntities, ge.Name)
			}
		}
	}

	// Statistics: value within 0.5% and quote and evidence overlapping.
	used := map[int]bool{}
	for _, s := range ex.Statistics {
		sent := s.Sentence
		metricRight := false
		for j, gs := range g.Statistics {
			if used[j] {
				continue
			}
			if math.Abs(s.Value-gs.Value) <= 0.005*math.Abs(gs.Value)+1e-9 && len([]rune(sent)) <= 1000 &&
				(strings.Contains(sent, gs.Quote) || (sent != "" && strings.Contains(gs.Quote, sent))) {
				used[j] = true
				c.StTP++
				if gs.Period != "" {
					c.PerN++
					if s.Period == gs.Period {
						c.PerOK++
					}
					d.rules.add("period", s.PeriodRule, s.Period == gs.Period)
				}
				if UnitClass(s.Unit) == UnitClass(gs.Unit) {
					c.UnitOK++
				}
				if MetricOK(s.Metric, gs.Metric) {
					c.MetOK++
					metricRight = true
				}
				break
			}
		}
		d.rules.add("metric", s.MetricRule, metricRight)
	}
	c.StExt = len(ex.Statistics)
	for j, gs := range g.Statistics {
		if gs.Must {
			c.StMust++
			if used[j] {
				c.StMustHit++
			} else {
				d.MissedStatistics = append(d.MissedStatistics, gs.Quote)
			}
		}
	}

	// Relations: same predicate between the gold entities the extracted
	// subject and object matched.
	found := map[[3]string]bool{}
	goldRel := map[[3]string]bool{}
	for _, gr := range g.Relations {
		goldRel[[3]string{gr.Subject, gr.Predicate, gr.Object}] = true
	}
	for _, r := range ex.Relations {
		s, o := toGold[r.Subject], toGold[r.Object]
		if s != "" && o != "" {
			found[[3]string{s, r.Predicate, o}] = true
		}
		d.rules.add("relation", RuleID(r.Rule), s != "" && o != "" && goldRel[[3]string{s, r.Predicate, o}])
	}
	c.RelExt = len(ex.Relations)
	for _, gr := range g.Relations {
		if gr.Must {
			c.RelMust++
			if found[[3]string{gr.Subject, gr.Predicate, gr.Object}] {
				c.RelMustHit++
			} else {
				d.MissedRelations = append(d.MissedRelations, gr.Subject+" "+gr.Predicate+" "+gr.Object)
			}
		}
	}
	return d
}

func names(name string, aliases []string) map[string]bool {
	out := map[string]bool{Norm(name): true}
	for _, a := range aliases {
		out[Norm(a)] = true
	}
	delete(out, "")
	return out
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// Norm normalizes a name as the gold rules say: NFKC, lower-case, curly
// quotes straightened, every character that is not a letter, digit, CJK
// ideograph or space dropped, spaces collapsed, a leading "the " removed.
func Norm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || r == ' ' || (r >= '\u4e00' && r <= '\u9fff') {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	return strings.TrimPrefix(out, "the ")
}

// UnitClass sorts a unit into percent, currency, other or count.
func UnitClass(u string) string {
	u = strings.ToLower(u)
	has := func(keys ...string) bool {
		for _, k := range keys {
			if strings.Contains(u, k) {
				return true
			}
		}
		return false
	}
	switch {
	case has("percent", "%", "percentage"):
		return "percent"
	case has("yuan", "rmb", "cny", "dollar", "usd", "$", "euro"):
		return "currency"
	case has("rank", "place", "point", "score", "ratio", "per ", "times", "month", "year", "day"):
		return "other"
	}
	return "count"
}

var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the of in on at to for by and or with from as its their this that these those number total amount share value per") {
		stop[w] = true
	}
}

func metricTokens(m string) map[string]bool {
	out := map[string]bool{}
	for _, t := range strings.Fields(Norm(m)) {
		if stop[t] {
			continue
		}
		if strings.HasSuffix(t, "s") && len([]rune(t)) > 3 {
			t = t[:len(t)-1]
		}
		out[t] = true
	}
	return out
}

// MetricOK reports whether at least half of the gold metric's content
// words (stop words dropped, plural "s" dropped) are in the extracted one.
func MetricOK(extracted, gold string) bool {
	g := metricTokens(gold)
	if len(g) == 0 {
		return true
	}
	e := metricTokens(extracted)
	n := 0
	for t := range g {
		if e[t] {
			n++
		}
	}
	return float64(n)/float64(len(g)) >= 0.5
}
