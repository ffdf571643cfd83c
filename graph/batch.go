package graph

// DocumentWrite is one document's complete new content, for
// Store.ReplaceDocuments.
type DocumentWrite struct {
	Doc     string // the document's IRI
	Triples []Triple
}
