package loaders

import (
	"github.com/ipgraph/ipgraph/graph"
)

// Triples returns the graph form of x: the document node, its entities with
// names, aliases and lookup keys, the sentences that mention them, its
// statistics and its relations, each relation also as an rdf:Statement
// carrying its evidence sentence. All are meant to be stored under the
// document's IRI (graph.DocumentIRI(x.Doc)) with Store.ReplaceDocument.
func (x *Extraction) Triples() []graph.Triple {
	doc := graph.DocumentIRI(x.Doc)
	var ts []graph.Triple
	add := func(s, p string, o graph.Term) { ts = append(ts, graph.Triple{Subject: s, Predicate: p, Object: o}) }
	addString := func(s, p, v string) {
		if v != "" {
			add(s, p, graph.String(v))
		}
	}

	add(doc, graph.RDFType, graph.IRI(graph.TypeDocument))
	addString(doc, graph.DCIdentifier, x.Doc)
	addString(doc, graph.DCTitle, x.Title)
	addString(doc, graph.DCDate, x.Date)
	if x.Source != nil {
		addString(doc, graph.DCSource, x.Source.Path)
		addString(doc, graph.PredHash, x.Source.Hash)
	}

	sentence := func(text string, offset int) string {
		iri := graph.SentenceIRI(x.Doc, offset)
		add(iri, graph.RDFType, graph.IRI(graph.TypeSentence))
		add(iri, graph.PredText, graph.String(text))
		add(iri, graph.PredOffset, graph.Int(int64(offset)))
		add(iri, graph.ProvDerived, graph.IRI(doc))
		return iri
	}

	for _, e := range x.Entities {
		iri := graph.EntityIRI(e.ID)
		add(iri, graph.RDFType, graph.IRI(graph.TypeIRI(string(e.Type))))
		addString(iri, graph.RDFSLabel, e.Name)
		addString(iri, graph.PredKey, graph.NameKey(e.Name))
		for _, a := range e.Aliases {
			addString(iri, graph.SKOSAltLabel, a)
			addString(iri, graph.PredKey, graph.NameKey(a))
		}
		add(doc, graph.PredMentions, graph.IRI(iri))
		for _, m := range e.Mentions {
			add(sentence(m.Text, m.Offset), graph.PredRefersTo, graph.IRI(iri))
		}
	}

	for i, s := range x.Statistics {
		iri := graph.StatisticIRI(x.Doc, i+1)
		add(iri, graph.RDFType, graph.IRI(graph.TypeStatistic))
		addString(iri, graph.PredMetric, s.Metric)
		add(iri, graph.PredValue, graph.Float(s.Value))
		addString(iri, graph.PredUnit, s.Unit)
		addString(iri, graph.PredPeriod, s.Period)
		if s.Subject != "" {
			add(iri, graph.PredSubject, graph.IRI(graph.EntityIRI(s.Subject)))
		}
		if s.ReportedBy != "" {
			add(iri, graph.PredReportedBy, graph.IRI(graph.EntityIRI(s.ReportedBy)))
		}
		add(iri, graph.PredEvidence, graph.IRI(sentence(s.Sentence, s.Offset)))
		add(iri, graph.ProvDerived, graph.IRI(doc))
	}

	for i, r := range x.Relations {
		subj, obj := graph.EntityIRI(r.Subject), graph.EntityIRI(r.Object)
		pred := graph.PredicateIRI(r.Predicate)
		add(subj, pred, graph.IRI(obj))
		st := graph.StatementIRI(x.Doc, i+1)
		add(st, graph.RDFType, graph.IRI(graph.RDFStatement))
		add(st, graph.RDFSubject, graph.IRI(subj))
		add(st, graph.RDFPredicate, graph.IRI(pred))
		add(st, graph.RDFObject, graph.IRI(obj))
		if r.KnownFrom != "" {
			add(st, graph.PredKnownFrom, graph.String(r.KnownFrom)) // background: no sentence
		} else {
			add(st, graph.PredEvidence, graph.IRI(sentence(r.Sentence, r.Offset)))
		}
		addString(st, graph.PredNote, r.Note)
		add(st, graph.ProvDerived, graph.IRI(doc))
	}
	return ts
}
