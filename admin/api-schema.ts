import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** The module the console and the playground import the schema from. */
export const API_SCHEMA_MODULE = 'virtual:api-schema';

/**
 * The schema clients of the gateway see (the supergraph's API schema: no join__ or link__ types, no
 * _entities), as introspection would answer it: what the gateway plans with, from the same file.
 */
export function apiSchemaIntrospection(supergraphSdl: string): IntrospectionSchema {
  // Through SDL: under Vite the federation library and this file may load different copies of graphql-js.
  const apiSdl = printSchema(Supergraph.build(supergraphSdl).apiSchema());
  return introspectionFromSchema(buildSchema(apiSdl), { descriptions: true }).__schema;
}

/**
 * Serves `virtual:api-schema`, built from the committed supergraph at every build (and dev-server load),
 * so the console and the playground need no introspection at run time, and a stale copy cannot ship:
 * there is no copy, only the supergraph file the gateway serves.
 */
export function apiSchemaPlugin(supergraphPath: string): Plugin {
  const resolved = `\0${API_SCHEMA_MODULE}`;
  return {
    name: 'sangathan-api-schema',
    resolveId: (id) => (id === API_SCHEMA_MODULE ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      this.addWatchFile(supergraphPath);
      const schema = apiSchemaIntrospection(fs.readFileSync(path.resolve(supergraphPath), 'utf8'));
      // JSON.parse of a string literal is faster for the browser than an object literal of this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(schema))});`;
    },
  };
}
