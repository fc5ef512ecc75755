import fs from 'node:fs';
import path from 'node:path';

/** The committed supergraph the gateway serves (any federation-2 router can serve it too). */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '..', 'supergraph.graphql');

export function readCommittedSupergraph(): string {
  if (!fs.existsSync(SUPERGRAPH_PATH)) {
    throw new Error(`${SUPERGRAPH_PATH} is missing: run \`npm run compose\``);
  }
  return fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
}
