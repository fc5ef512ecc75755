/// <reference types="vite/client" />
/** The gateway's API schema as introspection JSON, built from gateway/supergraph.graphql by api-schema.ts at every build. */
declare module 'virtual:api-schema' {
  const schema: import('graphql').IntrospectionSchema;
  export default schema;
}
declare module 'jsonexport/dist' {
  const jsonExport: (data: unknown, callback: (error: Error | null, csv: string) => void) => void;
  export default jsonExport;
}
