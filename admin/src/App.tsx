import { useSyncExternalStore } from 'react';
import { Admin, CustomRoutes, localStorageStore, Resource, nanoDarkTheme, nanoLightTheme, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import { AuditLog } from './audit';
import { buildAuthProvider } from './auth/authProvider';
import { Connection } from './auth/connection';
import { LoginPage } from './auth/LoginPage';
import { session } from './auth/session';
import { IntrospectionContext } from './common';
import { Dashboard } from './dashboard';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { resources } from './resources';
import { UnitTree } from './orgUnits/UnitTree';

const connection = new Connection(session, resources);
const authProvider = buildAuthProvider(session, connection, Object.fromEntries(resources.map(({ name, access }) => [name, access])));

/**
 * Signing out clears react-admin's store (list filters, columns…) but keeps the reader's language and theme.
 * Those keys are left alone rather than removed and written back: a language that changes, even to the same
 * value, makes react-admin render the whole admin afresh, which would sign out again, and again.
 */
function keepPreferences(store: Store): Store {
  const KEPT = new Set(['locale', 'theme']);
  return {
    ...store,
    reset() {
      if (!store.listItems) return store.reset();
      for (const key of Object.keys(store.listItems())) if (!KEPT.has(key)) store.removeItem(key);
    },
  };
}
const store = keepPreferences(localStorageStore());

/**
 * Every page checks the session itself (react-admin's views call checkAuth; not signed in, they go to the login
 * page). Not `requireAuth`: with it, an unauthenticated page load signs out over and over for seconds (react-admin
 * remounts its sign-out while the store resets) before the login page appears.
 */
export function App() {
  // The schema arrives with the first sign-in; another account taking over (another tab) starts the admin afresh.
  const { introspection, generation } = useSyncExternalStore(connection.subscribe, connection.getSnapshot);
  return (
    <IntrospectionContext.Provider value={introspection}>
      <Admin
        key={generation}
        title="Sangathan"
        dataProvider={connection.dataProvider}
        authProvider={authProvider}
        loginPage={LoginPage}
        store={store}
        i18nProvider={i18nProvider}
        dashboard={Dashboard}
        layout={Layout}
        theme={nanoLightTheme}
        darkTheme={nanoDarkTheme}
        disableTelemetry
      >
        {resources.map(({ name, definition }) => (
          <Resource key={name} name={name} {...definition} />
        ))}
        <CustomRoutes>
          <Route path="/unit-tree" element={<UnitTree />} />
          <Route path="/audit-log" element={<AuditLog />} />
        </CustomRoutes>
      </Admin>
    </IntrospectionContext.Provider>
  );
}
