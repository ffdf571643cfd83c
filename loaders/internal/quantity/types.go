package quantity

import (
	"strings"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
	"github.com/ipgraph/ipgraph/loaders/internal/timex"
)

// Entity types, as the recognition stage spells them.
const (
	Agency       = "Agency"
	Law          = "Law"
	Program      = "Program"
	Region       = "Region"
	Person       = "Person"
	Organization = "Organization"
)

// Mention is an entity named in a sentence.
type Mention struct {
	Lo, Hi  int    // token span in the sentence
	Entity  string // the entity's id
	Type    string // its type: Agency, Region, …
	Country bool   // it is the home country ("China")
	// Part is true when the mention is only part of its span, as "Africa"
	// of "China-Africa".
	Part bool
}

// Sentence is one sentence as the stages before hand it on.
type Sentence struct {
	text.Sentence
	Runes    []rune       // the sentence's runes
	Tokens   []text.Token // its tokens
	Mentions []*Mention   // its entity mentions, in token order
	Break    text.Break   // what separates it from the sentence before
	Time     *timex.Sentence
}

// Doc is a document's sentences and what the stages before know of it.
type Doc struct {
	Sentences     []Sentence
	DefaultPeriod string // the period of a figure whose context names no time
	// Country is the id of the home country when the document names it:
	// the subject of a national figure ("nationwide", "China's").
	Country string
}

// Statistic is a figure found in a sentence.
type Statistic struct {
	Metric     string
	Value      float64
	Unit       string
	Kind       string // percent, currency, measure or count
	Period     string
	PeriodRule string // the time rule (or "carried", "document default") that gave the period, with its phrase
	// PeriodRuleID is PeriodRule without the phrase: a rule id of the time
	// stage, "carried", "table column" or "document default".
	PeriodRuleID string
	MetricRule   string // the metric strategy that named the metric
	Subject      string // entity id, or ""
	Sentence     int    // index in Doc.Sentences
	Rule         string // why it was extracted
}

// extraction is the state of one Extract call.
type extraction struct {
	doc *Doc
	// lastFigures are the metrics of the count and currency figures of
	// the last sentence that had figures, for "the two figures".
	lastFigures []string
}

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
