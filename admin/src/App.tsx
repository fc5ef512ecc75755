import { useEffect, useState } from 'react';
import { Admin, CustomRoutes, Loading, Resource, nanoDarkTheme, nanoLightTheme } from 'react-admin';
import { Route } from 'react-router-dom';
import { IntrospectionContext } from './common';
import { buildDataProvider, type SangathanDataProvider } from './dataProvider';
import { Dashboard } from './dashboard';
import { i18nProvider } from './i18n';
import { Layout } from './layout/Layout';
import { resources } from './resources';
import { UnitTree } from './orgUnits/UnitTree';

export function App() {
  const [dataProvider, setDataProvider] = useState<SangathanDataProvider | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    buildDataProvider(resources).then(setDataProvider, (reason: Error) => {
      console.error(reason);
      setError(reason.message);
    });
  }, []);
  if (error) return <p role="alert">The console cannot reach the gateway ({error}). Is `npm start` running?</p>;
  if (!dataProvider) return <Loading loadingPrimary="Sangathan" loadingSecondary="" />;
  return (
    <IntrospectionContext.Provider value={dataProvider.introspection}>
      <Admin
        title="Sangathan"
        dataProvider={dataProvider}
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
        </CustomRoutes>
      </Admin>
    </IntrospectionContext.Provider>
  );
}
