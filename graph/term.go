package graph

import (
	"strconv"
)

// Kind tells what a Term holds.
type Kind uint8

// The kinds of Term.
const (
	KindIRI    Kind = iota // a node, named by an IRI
	KindString             // a plain string literal
	KindFloat              // a floating-point literal (xsd:double)
	KindInt                // an integer literal (xsd:integer)
)

// Term is the object of a triple: an IRI or a literal. Subjects and
// predicates are always IRIs and are plain strings in Triple.
type Term struct {
	Kind  Kind
	Value string // the IRI, or the literal's lexical form
}

// IRI returns a Term naming a node.
func IRI(iri string) Term { return Term{Kind: KindIRI, Value: iri} }

// String returns a string literal Term.
func String(s string) Term { return Term{Kind: KindString, Value: s} }

// Float returns a floating-point literal Term.
func Float(f float64) Term {
	return Term{Kind: KindFloat, Value: strconv.FormatFloat(f, 'g', -1, 64)}
}

// Int returns an integer literal Term.
func Int(n int64) Term { return Term{Kind: KindInt, Value: strconv.FormatInt(n, 10)} }

// IsIRI reports whether t names a node.
func (t Term) IsIRI() bool { return t.Kind == KindIRI }

// Number returns the numeric value of a Float or Int literal.
func (t Term) Number() (float64, bool) {
	if t.Kind != KindFloat && t.Kind != KindInt {
		return 0, false
	}
	f, err := strconv.ParseFloat(t.Value, 64)
	return f, err == nil
}

// Triple is one statement of a document: Subject and Predicate are IRIs.
type Triple struct {
	Subject   string
	Predicate string
	Object    Term
}

// Quad is a Triple stored under a label: the IRI of the document that
// stated it.
type Quad struct {
	Triple
	Label string
}
