package loaders

import "github.com/ipgraph/ipgraph/loaders/internal/text"

// EntityType is the kind of a named entity, spelled as in the gold set
// (shared/gold/README.md): Agency, Law, Program, Region, Person, Organization.
type EntityType string

// The entity types the loaders recognize.
const (
	Agency       EntityType = "Agency"
	Law          EntityType = "Law"
	Program      EntityType = "Program"
	Region       EntityType = "Region"
	Person       EntityType = "Person"
	Organization EntityType = "Organization"
)

// EntityTypes lists every EntityType in a fixed order.
var EntityTypes = []EntityType{Agency, Law, Program, Region, Person, Organization}

// Document is one source file, decoded to text.
type Document struct {
	Name  string // base name of the file, e.g. "001_report.txt"; the document's identity
	Path  string // path the document was read from
	Title string // first non-empty line, cleaned of markup
	Date  string // publication date as found in the text: "2024-07-29", "2024-07", "2024" or ""
	Text  string // the whole text; offsets count runes (Unicode code points) into it
	Hash  string // hex SHA-256 of the file's bytes
}

// Entity is an agency, law, program, region, person or organization found
// in one document. ID is a canonical key: the same real-world entity gets the
// same ID in every document (gazetteer id, or a slug of the canonical name),
// so the store can merge it across documents.
type Entity struct {
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Name     string     `json:"name"`
	Aliases  []string   `json:"aliases"`
	Mentions []Sentence `json:"mentions,omitempty"` // sentences that name it, in document order
	Rule     string     `json:"rule,omitempty"`     // why it was recognized: the gazetteer entry or pattern
}

// Statistic is a figure stated in a document, with the sentence it came from.
type Statistic struct {
	ID         string  `json:"id"`
	Metric     string  `json:"metric"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit,omitempty"`
	Period     string  `json:"period,omitempty"`
	Subject    string  `json:"subject,omitempty"`     // Entity.ID
	ReportedBy string  `json:"reported_by,omitempty"` // Entity.ID
	Sentence   string  `json:"sentence"`
	Offset     int     `json:"offset"`                // rune offset of Sentence in the document
	Rule       string  `json:"rule,omitempty"`        // why it was extracted
	MetricRule string  `json:"metric_rule,omitempty"` // the id of the metric strategy that named Metric
	PeriodRule string  `json:"period_rule,omitempty"` // the id of the time rule that gave Period, "carried", "table column" or "document default"
}

// Relation links two entities of the same document with one of the
// predicates of the graph model (succeededBy, mergedInto, partOf, issued,
// implements, amends, runs, cooperatesWith, locatedIn, memberOf, concerns).
// Its Sentence states it, or, for background knowledge, KnownFrom says
// which gazetteer row gives it.
type Relation struct {
	Subject   string `json:"subject"` // Entity.ID
	Predicate string `json:"predicate"`
	Object    string `json:"object"` // Entity.ID
	Sentence  string `json:"sentence"`
	Offset    int    `json:"offset"`         // rune offset of Sentence in the document
	Rule      string `json:"rule,omitempty"` // why it was extracted
	Note      string `json:"note,omitempty"` // what the sentence adds: the title of a memberOf ("deputy commissioner")
	// KnownFrom is set on background knowledge: a relation no sentence of
	// the document states but a gazetteer row gives ("gazetteer
	// agencies.tsv:14"). Such a relation has no Sentence and Offset -1.
	KnownFrom string `json:"known_from,omitempty"`
}

// Extraction is everything the loaders found in one document. Its JSON form
// is the contract scored by shared/tools/score.py.
type Extraction struct {
	Doc        string      `json:"doc"`
	Title      string      `json:"title,omitempty"`
	Date       string      `json:"date"`
	Entities   []Entity    `json:"entities"`
	Statistics []Statistic `json:"statistics"`
	Relations  []Relation  `json:"relations"`
	Source     *Document   `json:"-"`
}

// Sentence is a span of a Document's text: its Text exactly as it stands
// in the document and the rune offset of its first character.
type Sentence = text.Sentence

// Segment splits text into sentences (see the text stage for the rules):
// each Sentence.Text is an exact substring of text at its rune Offset.
func Segment(s string) []Sentence { return text.Segment(s) }
