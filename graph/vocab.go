package graph

import (
	"net/url"
	"strconv"
	"strings"
)

// Base is the prefix of every IRI minted by ipgraph.
const Base = "urn:ipgraph:"

// Prefixes of the IRIs ipgraph mints for each kind of node.
const (
	EntityPrefix   = Base + "entity:"
	DocumentPrefix = Base + "doc:"
	VocabPrefix    = Base + "vocab:"
)

// Standard vocabularies reused so that the N-Quads export reads in RDF tools.
const (
	RDFType        = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFStatement   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"
	RDFSubject     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
	RDFPredicate   = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
	RDFObject      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"
	RDFSLabel      = "http://www.w3.org/2000/01/rdf-schema#label"
	SKOSAltLabel   = "http://www.w3.org/2004/02/skos/core#altLabel"
	ProvDerived    = "http://www.w3.org/ns/prov#wasDerivedFrom"
	DCTitle        = "http://purl.org/dc/terms/title"
	DCDate         = "http://purl.org/dc/terms/date"
	DCSource       = "http://purl.org/dc/terms/source"
	DCIdentifier   = "http://purl.org/dc/terms/identifier"
	XSDDouble      = "http://www.w3.org/2001/XMLSchema#double"
	XSDInteger     = "http://www.w3.org/2001/XMLSchema#integer"
	ipgVocabPrefix = VocabPrefix
)

// ipgraph's own predicates.
const (
	PredKey        = ipgVocabPrefix + "key"        // entity → normalized name or alias, for lookup
	PredMentions   = ipgVocabPrefix + "mentions"   // document → entity it names
	PredRefersTo   = ipgVocabPrefix + "refersTo"   // sentence → entity it names
	PredText       = ipgVocabPrefix + "text"       // sentence → its exact text
	PredOffset     = ipgVocabPrefix + "offset"     // sentence → rune offset in its document
	PredEvidence   = ipgVocabPrefix + "evidence"   // statement or statistic → sentence
	PredKnownFrom  = ipgVocabPrefix + "knownFrom"  // statement → where background knowledge came from ("gazetteer agencies.tsv:14")
	PredNote       = ipgVocabPrefix + "note"       // statement → what its sentence adds (a memberOf's title)
	PredHash       = ipgVocabPrefix + "sha256"     // document → content hash
	PredMetric     = ipgVocabPrefix + "metric"     // statistic → normalized metric text
	PredValue      = ipgVocabPrefix + "value"      // statistic → number
	PredUnit       = ipgVocabPrefix + "unit"       // statistic → unit
	PredPeriod     = ipgVocabPrefix + "period"     // statistic → absolute period
	PredSubject    = ipgVocabPrefix + "subject"    // statistic → entity it is about
	PredReportedBy = ipgVocabPrefix + "reportedBy" // statistic → entity that stated it
	PredManifest   = ipgVocabPrefix + "manifest"   // document → the quads it wrote (internal)
)

// Node types that are not entities.
const (
	TypeDocument  = ipgVocabPrefix + "Document"
	TypeSentence  = ipgVocabPrefix + "Sentence"
	TypeStatistic = ipgVocabPrefix + "Statistic"
)

// EntityTypeNames are the entity types of the graph model, in a fixed order.
var EntityTypeNames = []string{"Agency", "Law", "Program", "Region", "Person", "Organization"}

// RelationPredicates is the closed set of predicates that link two entities.
var RelationPredicates = []string{
	"succeededBy", "mergedInto", "partOf", "issued", "implements", "amends",
	"runs", "cooperatesWith", "locatedIn", "memberOf", "concerns",
}

// TypeIRI returns the IRI of an entity or node type name such as "Agency".
func TypeIRI(name string) string { return ipgVocabPrefix + name }

// PredicateIRI returns the IRI of a relation predicate name such as "runs".
func PredicateIRI(name string) string { return ipgVocabPrefix + name }

// VocabName returns the local name of an IRI in ipgraph's vocabulary
// ("urn:ipgraph:vocab:runs" → "runs"), and false for any other IRI.
func VocabName(iri string) (string, bool) {
	if strings.HasPrefix(iri, ipgVocabPrefix) {
		return iri[len(ipgVocabPrefix):], true
	}
	return "", false
}

// IsRelationPredicate reports whether name is one of RelationPredicates.
func IsRelationPredicate(name string) bool {
	for _, p := range RelationPredicates {
		if p == name {
			return true
		}
	}
	return false
}

// IsEntityType reports whether name is one of EntityTypeNames.
func IsEntityType(name string) bool {
	for _, t := range EntityTypeNames {
		if t == name {
			return true
		}
	}
	return false
}

// EntityIRI returns the IRI of the entity with the canonical key id.
func EntityIRI(id string) string { return EntityPrefix + escape(id) }

// DocumentIRI returns the IRI of the document with the given name (the
// file's base name).
func DocumentIRI(name string) string { return DocumentPrefix + escape(name) }

// SentenceIRI returns the IRI of the sentence at a rune offset of a document.
func SentenceIRI(doc string, offset int) string {
	return DocumentIRI(doc) + "#s" + strconv.Itoa(offset)
}

// StatisticIRI returns the IRI of the n-th statistic of a document.
func StatisticIRI(doc string, n int) string { return DocumentIRI(doc) + "#stat" + strconv.Itoa(n) }

// StatementIRI returns the IRI of the n-th relation statement of a document.
func StatementIRI(doc string, n int) string { return DocumentIRI(doc) + "#rel" + strconv.Itoa(n) }

// LocalID shortens an IRI minted by ipgraph to the identifier users see:
// "urn:ipgraph:entity:cnipa" → "cnipa", "urn:ipgraph:doc:a.txt#stat3" →
// "a.txt#stat3". Other IRIs are returned unchanged.
func LocalID(iri string) string {
	for _, p := range []string{EntityPrefix, DocumentPrefix} {
		if strings.HasPrefix(iri, p) {
			if s, err := url.PathUnescape(iri[len(p):]); err == nil {
				return s
			}
			return iri[len(p):]
		}
	}
	return iri
}

// ExpandEntityID turns a user-supplied entity identifier (a local id or a
// full IRI) into an entity IRI.
func ExpandEntityID(id string) string {
	if strings.HasPrefix(id, Base) {
		return id
	}
	return EntityIRI(id)
}

// ExpandDocumentID turns a user-supplied document identifier (its name, a
// statistic id within it, or a full IRI) into an IRI.
func ExpandDocumentID(id string) string {
	if strings.HasPrefix(id, Base) {
		return id
	}
	name, frag, hasFrag := strings.Cut(id, "#")
	if hasFrag {
		return DocumentIRI(name) + "#" + frag
	}
	return DocumentIRI(name)
}

func escape(s string) string { return url.PathEscape(s) }
