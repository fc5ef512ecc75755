import { buildMembershipSchema } from '@sangathan/membership';
import type { GraphQLSchema } from 'graphql';

export interface SubgraphDefinition {
  name: string;
  /** Builds the subgraph's schema without a database, for composition. */
  buildSchema: () => Promise<GraphQLSchema>;
  urlVariable: string;
  defaultUrl: string;
}

/** Every subgraph the gateway composes; adding a service means adding it here. */
export const SUBGRAPHS = [
  { name: 'membership', buildSchema: buildMembershipSchema, urlVariable: 'MEMBERSHIP_URL', defaultUrl: 'http://localhost:4001/graphql' },
] as const satisfies readonly SubgraphDefinition[];

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
