// The viewer's conversation with the server: GraphQL over same-origin POST
// and the export URL. All URLs are relative, so the page works wherever the
// server mounts it.

const endpoint = 'graphql';

// How many evidence sentences each relation brings along; the panel says
// when a relation has more.
export const EVIDENCE_SHOWN = 25;

// relationCount lets the graph mark entities that have relations not shown.
const ENTITY_FIELDS = 'id name type aliases relationCount';

const SEARCH = `query ViewerSearch($text: String!) {
  search(text: $text, first: 20) { ${ENTITY_FIELDS} }
  searchCount(text: $text)
}`;

// One hop around an entity, with each relation's evidence, so that the
// evidence panel never waits and never has to match a relation again.
const NEIGHBORS = `query ViewerNeighbors($id: ID!) {
  neighbors(id: $id, depth: 1) {
    nodes { ${ENTITY_FIELDS} }
    relations {
      predicate
      source { id }
      target { id }
      evidenceCount
      evidence(first: ${EVIDENCE_SHOWN}) { kind knownFrom note sentence offset document { id title date source } }
    }
  }
}`;

// gql posts one operation and returns { data, truncated }, where truncated
// lists the paths of cut lists (extensions.truncated). It throws an Error
// with a readable message on network, HTTP or GraphQL errors.
export async function gql(query, variables) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new Error(`cannot reach the server (${err.message})`);
  }
  let payload;
  try {
    payload = await response.json();
  } catch {
    throw new Error(`the server answered ${response.status} without JSON`);
  }
  if (payload.errors?.length) {
    throw new Error(payload.errors.map((e) => e.message).join('; '));
  }
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return { data: payload.data, truncated: payload.extensions?.truncated || [] };
}

// search returns { entities, total } for a name or alias.
export async function search(text) {
  const { data } = await gql(SEARCH, { text });
  return { entities: data.search || [], total: data.searchCount ?? 0 };
}

// neighbors returns { nodes, relations, truncated } one hop around id.
export async function neighbors(id) {
  const { data, truncated } = await gql(NEIGHBORS, { id });
  const sub = data.neighbors || { nodes: [], relations: [] };
  return { nodes: sub.nodes || [], relations: sub.relations || [], truncated: truncated.length > 0 };
}

export const EXPORT_FORMATS = [
  { value: 'graphml', label: 'GraphML (yEd, Gephi, networkx)', ext: 'graphml' },
  { value: 'gexf', label: 'GEXF (Gephi)', ext: 'gexf' },
  { value: 'cyjs', label: 'Cytoscape JSON', ext: 'cyjs' },
  { value: 'dot', label: 'DOT (Graphviz)', ext: 'dot' },
  { value: 'nquads', label: 'N-Quads (RDF)', ext: 'nq' },
  { value: 'csv', label: 'CSV', ext: 'csv' },
];

// exportURL names the server's export of the given entities; predicates,
// when given, restricts the relations (null means all).
export function exportURL(format, ids, predicates) {
  const params = new URLSearchParams({ format, ids: ids.join(',') });
  if (predicates) params.set('predicates', predicates.join(','));
  return `export?${params}`;
}
