// Entry point of the explorer bundle served at /graphiql.
//
// The page (rendered by the Go package) contains <div id="graphiql"
// data-endpoint="/graphql">; this script mounts GraphiQL there and sends
// every operation as a same-origin POST with a JSON body.

import './workers.js';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const mount = document.getElementById('graphiql');
const endpoint = mount.dataset.endpoint || '/graphql';

async function fetcher(params, options) {
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      Accept: 'application/graphql-response+json, application/json',
      'Content-Type': 'application/json',
      ...(options && options.headers),
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (a proxy error page, say): show it rather than fail silently.
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

const defaultQuery = `# ipgraph: a knowledge graph of intellectual-property policy.
# Open the documentation (book icon) to browse the schema;
# run with Ctrl-Enter or the play button.

{
  documents(first: 5) {
    title
    date
  }
}
`;

createRoot(mount).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />,
);
