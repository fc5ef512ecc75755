import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { SUBGRAPHS } from './subgraphs';

/** The committed supergraph the gateway serves (any federation-2 router can serve it too). */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

/** Composes every subgraph's SDL into a supergraph; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => ({
      name: subgraph.name,
      url: subgraph.defaultUrl,
      typeDefs: parse(printSubgraphSchema(await subgraph.buildSchema())),
    })),
  );
  const result = composeServices(subgraphs);
  if (result.errors?.length) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl!.trim()}\n`;
}

export function readCommittedSupergraph(): string {
  if (!fs.existsSync(SUPERGRAPH_PATH)) {
    throw new Error(`${SUPERGRAPH_PATH} is missing: run \`npm run compose\``);
  }
  return fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
}
