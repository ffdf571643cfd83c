package queries

// Entity is an agency, law, program, region, person or organization.
type Entity struct {
	IRI     string
	ID      string // the short id users see (graph.LocalID)
	Name    string
	Type    string // one of graph.EntityTypeNames
	Aliases []string
}

// Relation is a typed link between two entities, as stated in at least one
// document.
type Relation struct {
	Predicate string // e.g. "runs"
	Source    string // entity IRI
	Target    string // entity IRI
}

// Evidence is the sentence a fact was read from, or, for background
// knowledge (Kind EvidenceBackground), where the fact is known from.
type Evidence struct {
	IRI       string // the sentence's IRI, "" when unknown or background
	Document  string // document IRI
	Sentence  string // "" for background knowledge
	Offset    int    // rune offset of the sentence in its document; -1 for background knowledge
	Kind      string // EvidenceSentence or EvidenceBackground
	KnownFrom string // for background knowledge: the gazetteer row ("gazetteer agencies.tsv:14")
	Note      string // what the sentence adds to the relation: a memberOf's title
}

// The kinds of Evidence.
const (
	EvidenceSentence   = "sentence"   // a sentence of a document states the fact
	EvidenceBackground = "background" // no sentence states it; a gazetteer row does
)

// Statistic is a figure stated in a document.
type Statistic struct {
	IRI        string
	ID         string
	Metric     string
	Value      float64
	Unit       string
	Period     string
	Subject    string // entity IRI or ""
	ReportedBy string // entity IRI or ""
	Evidence   Evidence
}

// Document is a loaded source document.
type Document struct {
	IRI    string
	ID     string // the document's name
	Title  string
	Date   string
	Source string
	Hash   string
}

// Subgraph is a set of entities and the relations among them.
type Subgraph struct {
	Nodes     []Entity
	Relations []Relation
}

// Path is a chain of relations from one entity to another; relations may
// be followed against their direction.
type Path struct {
	Nodes     []Entity
	Relations []Relation
}

// Direction selects which relations of an entity to follow.
type Direction int

// Directions: Out follows relations whose source is the entity, In those
// whose target is, Both either.
const (
	Both Direction = iota
	Out
	In
)

// Stats are the counts of a store, as `ipgraph stats` prints them.
type Stats struct {
	Quads      int64          `json:"quads"`
	Nodes      int64          `json:"nodes"`
	Documents  int            `json:"documents"`
	Entities   map[string]int `json:"entities"` // per entity type
	Statistics int            `json:"statistics"`
	Relations  map[string]int `json:"relations"` // distinct source–target pairs per predicate
	// ExportQuads are the quads an N-Quads export of the whole store
	// holds: all of them but the internal manifests (one per document).
	ExportQuads int64 `json:"exportQuads"`
	// Links counts statistics' links to entities ("subject", "reportedBy").
	Links map[string]int `json:"links"`
	// Graph is what a whole-graph export holds: entities and statistics
	// as nodes, relations and links as edges.
	Graph GraphCounts `json:"graph"`
}

// GraphCounts are the node and edge counts of the exported graph.
type GraphCounts struct {
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
}
