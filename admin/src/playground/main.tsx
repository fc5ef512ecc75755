// Must come first: tells Monaco where its bundled web workers are before any editor starts.
import './setupWorkers';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './playground.css';

import { explorerPlugin } from '@graphiql/plugin-explorer';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { buildClientSchema } from 'graphql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import apiSchema from 'virtual:api-schema';
import { session, type Account } from '../auth/session';
import { exampleTabs, HEADERS_HINT } from './examples';
import { SessionBar } from './SessionBar';

// The gateway serves this page at /playground and answers GraphQL on the same origin. Requests carry the
// signed-in session's access token (the console's refresh cookie is the playground's too), unless the
// headers pane sets an Authorization header of its own, e.g. a partner token's.
const url = new URL('/graphql', location.origin).toString();
const fetcher = createGraphiQLFetcher({ url, fetch: session.authFetch });
// The schema built with the playground, from the gateway's supergraph: GraphiQL does not introspect (the gateway
// does not answer introspection unless GRAPHQL_INTROSPECTION is on), and it is the same for every account.
const schema = buildClientSchema({ __schema: apiSchema });

// Docs are GraphiQL's built-in reference pane; the explorer builds queries by ticking fields.
const plugins = [explorerPlugin(), HISTORY_PLUGIN];

/**
 * GraphiQL 5 fills its editors from its own `query` and `variables` storage keys, which it writes only after an edit;
 * until then it opens the active tab with an empty variables editor (so the first example would fail). Seed the missing
 * keys from the active tab: the first example on a first visit, else the tab GraphiQL stored as active.
 */
function seedEditorStorage() {
  const key = (name: string) => `graphiql:${name}`;
  let active = exampleTabs[0];
  try {
    const stored = JSON.parse(localStorage.getItem(key('tabState')) ?? 'null');
    active = stored?.tabs?.[stored.activeTabIndex] ?? active;
  } catch {
    // unreadable tab state: GraphiQL starts again from the examples
  }
  if (localStorage.getItem(key('query')) === null) localStorage.setItem(key('query'), active.query ?? '');
  if (localStorage.getItem(key('variables')) === null) localStorage.setItem(key('variables'), active.variables ?? '');
}
seedEditorStorage();

function Playground() {
  // undefined: still asking the server whether the refresh cookie holds a session.
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  useEffect(() => {
    void session.restore().then(setAccount);
    return session.subscribe(setAccount);
  }, []);
  if (account === undefined) return null;
  return (
    <div className="sangathan-playground">
      <SessionBar account={account} />
      <GraphiQL
        fetcher={fetcher}
        schema={schema}
        plugins={plugins}
        defaultTabs={exampleTabs}
        defaultHeaders={HEADERS_HINT}
        defaultEditorToolsVisibility="variables"
      >
        <GraphiQL.Logo>
          <span className="sangathan-logo">
            <a href="/admin/" title="Back to the Sangathan console">
              ← Console
            </a>
            <span>Sangathan API</span>
          </span>
        </GraphiQL.Logo>
      </GraphiQL>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
