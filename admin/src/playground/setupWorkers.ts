// Monaco's web workers (editor, JSON, GraphQL), bundled by Vite: emitted under /admin/assets, never fetched from a CDN.
// The same as `graphiql/setup-workers/vite`, but in our own source: Vite's dependency optimizer (dev server) cannot
// pre-bundle `?worker` imports that live inside node_modules, so importing that file would break `vite` dev.
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};
