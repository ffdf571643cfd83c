// Package loaders turns policy documents (press-conference transcripts,
// annual reports, circulars, news digests) into the entities, statistics
// and relations that the graph stores.
//
// The pipeline is: ReadDocument (or ParseDocument) → Segment into sentences →
// recognize entity mentions with gazetteers (data files under gazetteer/) and
// patterns → resolve aliases and acronyms to one Entity per real-world body →
// find statistics (numbers with scale words, units and periods) → apply
// relation rules. Extractor.Extract runs all of it on one Document.
package loaders
