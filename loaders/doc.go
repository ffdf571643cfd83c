// Package loaders turns policy documents (press-conference transcripts,
// annual reports, circulars, news digests) into the entities, statistics
// and relations that the graph stores.
//
// The pipeline is: ReadDocument (or ParseDocument) → Segment into sentences →
// recognize entity mentions with gazetteers (data files under gazetteer/) and
// patterns → resolve aliases and acronyms to one Entity per real-world body →
// find statistics (numbers with scale words, units and periods) → apply
// relation rules. Extractor.Extract runs all of it on one Document.
//
// Recognition by general rules, each with a corpus of its own under
// testdata/: persons by the form of Chinese names (package names) and by
// their context, with no list of persons (persons_form.go, persons.go);
// units of bodies, courts, customs districts, companies and yearly
// editions of campaigns by the structure of their names (units.go,
// companies.go, programs.go); definite descriptions and bare surnames
// resolved over the document (definites.go).
//
// Relations come from frames kept as data (frames.tsv, matched by
// frames.go; every relation carries its frame's id as its rule) and from
// the rules of relations.go. A link a gazetteer knows but no sentence
// states is background knowledge: Relation.KnownFrom names the gazetteer
// row, and the relation has no sentence.
package loaders
