// Package export writes a part of the graph in the formats of graph and
// RDF tools: GraphML, GEXF, Cytoscape.js JSON, Graphviz DOT, N-Quads and
// CSV.
//
// The caller (package queries) collects a [Graph]; [Write] serializes it.
// Writers stream: they write through a buffer as they go, check the
// context every few hundred elements, and give the same bytes for the
// same Graph. Before writing a graph format, Write checks that node and
// edge ids are non-empty and unique and that every edge joins two nodes
// of the Graph, and fails without writing anything otherwise.
//
// # Formats
//
//   - graphml: GraphML 1.0, for yEd, Gephi and networkx
//     (read_graphml). One typed <key> per attribute.
//   - gexf: GEXF 1.2draft, for Gephi and networkx (read_gexf). A dynamic
//     graph with date spells, so that Gephi's timeline can play it.
//   - cyjs: Cytoscape.js JSON, for Cytoscape, Cytoscape.js and networkx
//     (cytoscape_graph).
//   - dot: Graphviz. Nodes coloured by type and shaped by kind.
//   - nquads: the store's quads themselves ([Graph.Quads]), each labelled
//     with the IRI of the document it came from; reads in any RDF tool.
//   - csv: a zip archive holding nodes.csv, edges.csv and a README.txt
//     describing their columns; for spreadsheets and pandas.
//
// # Nodes and edges
//
// A node is an entity (an agency, law, program, region, person or
// organization: kind "entity") or a statistic (kind "statistic"). An edge
// is a relation between two entities (runs, issued, partOf, coMentioned,
// …) or a statistic's link to the entity it is about ("subject") or to
// the one that reported it ("reportedBy"). Edges are directed, and two
// nodes may be joined by several edges with different predicates, so the
// graph is a directed multigraph. Each edge keeps its evidence: the
// sentences that state it, with their document, the document's date and
// the sentence's offset (in code points) in the document.
//
// # Attributes
//
// Every graph format writes the same attributes, from one table in this
// package. Besides its id, a node has:
//
//	iri        string   the node's full IRI, as in the N-Quads export
//	kind       string   "entity" or "statistic"
//	type       string   Agency, Law, Program, Region, Person,
//	                    Organization or Statistic
//	label      string   the entity's canonical name; a statistic's
//	                    "metric: value unit (period)"
//	aliases    strings  the entity's other names, sorted
//	metric     string   a statistic's normalized metric
//	amount     double   a statistic's value, scale words applied
//	                    (statistics only)
//	unit       string   a statistic's unit
//	period     string   a statistic's period: 2024, 2024-06, 2024-H1,
//	                    2024-Q3
//	documents  strings  the documents that mention the entity or state
//	                    the statistic, sorted
//	dates      strings  those documents' dates (YYYY-MM-DD), in the same
//	                    order; "" where a document has none
//	evidence   evidence a statistic's sentence
//
// Besides its id, source and target, an edge has:
//
//	predicate  string   the relation
//	weight     int      the number of evidence sentences, at least 1
//	evidence   evidence the sentences that state the relation
//
// An evidence is a list of records with four fields: document (the
// document's id), date (YYYY-MM-DD or ""), offset (int) and sentence.
//
// # Lists in each format
//
// Lists (aliases, documents, dates, evidence) are written whole, in the
// form each format allows:
//
//   - GraphML repeats the <data> element once per value, under the
//     singular key "alias", "document" or "date" (an empty date too, so
//     that documents and dates stay aligned). Evidence repeats four
//     keys per sentence, always all four and in this order: "evidence"
//     (the sentence), "evidence_document", "evidence_date" and
//     "evidence_offset" (int); the i-th value of each belongs to the i-th
//     sentence. Edge keys carry an "e_" prefix in their id (e_predicate,
//     e_evidence, …) but the same attr.name; an edge also has "label",
//     its predicate, which yEd and Gephi display. Readers that keep one
//     value per key (networkx, Gephi) keep the last one: for every value
//     use GEXF, cyjs or CSV. yEd shows the data in its Properties view;
//     Edit ▸ Properties Mapper turns "label" into node labels.
//   - GEXF uses its liststring type for aliases, documents and dates:
//     values joined by '|' (a '|' inside a value is dropped, GEXF having
//     no escape for it). Evidence is a string attribute holding a JSON
//     array of {"document", "date", "offset", "sentence"} objects. A
//     node's label and an edge's weight are the GEXF element's own label
//     and weight; an edge's label and kind are its predicate (Gephi keeps
//     parallel edges of different kinds apart). Spells: a statistic lives
//     during its period (2024 is 2024-01-01 to 2024-12-31; 2024-06,
//     2024-H1 and 2024-Q3 are that month, half and quarter; none when the
//     period is empty or unreadable); an entity on the dates of the
//     documents that mention it, one day each; an edge on the dates of
//     its evidence. Nodes are coloured by type (viz:color).
//   - Cytoscape JSON keeps lists as JSON arrays and evidence as an array
//     of objects. A node also has "value" (its id) and "name" (its
//     label); an edge has "key" (its predicate, networkx's multigraph
//     key), "interaction" (its predicate, Cytoscape's column) and
//     "label". Every attribute is present, "" or [] when empty, except
//     amount, which only statistics have.
//   - DOT writes every attribute that has a value as a quoted attribute,
//     lists and evidence as JSON text; label, weight and id are also the
//     Graphviz attributes of those names.
//   - CSV writes lists and evidence as JSON text in one cell ("[]" when
//     empty), which json.loads reads back; amount is empty for entities.
//     nodes.csv has the columns id and the node attributes above, in that
//     order; edges.csv has id, source, target, predicate, weight and
//     evidence.
//
// # Text
//
// Every value is made valid for its format. XML (GraphML, GEXF) cannot
// hold control characters other than tab, newline and carriage return,
// nor invalid UTF-8: those become U+FFFD; newlines and tabs in attribute
// values are written as character references so that parsers keep them.
// DOT strings escape '"' and '\' and write line breaks as \n, dropping
// other control characters. JSON and CSV keep every character, invalid
// UTF-8 becoming U+FFFD.
//
// N-Quads literals use the grammar's escapes (\\ \" \n \r \t) and \u00XX
// for other control characters; characters that an IRI cannot hold
// (space, controls, <>"{}|^`\) are %-encoded as UTF-8 bytes. A term
// starting with "_:" is a blank node. A plain string has no datatype
// (xsd:string is never written); a language-tagged string is "text"@lang.
package export
