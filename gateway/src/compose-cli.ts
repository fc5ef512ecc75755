import 'reflect-metadata';
import fs from 'node:fs';
import { composeSupergraph } from './compose';
import { SUPERGRAPH_PATH } from './supergraph-file';

/** `npm run compose`: writes gateway/supergraph.graphql from the subgraphs' current schemas. */
composeSupergraph().then(
  (sdl) => {
    const changed = !fs.existsSync(SUPERGRAPH_PATH) || fs.readFileSync(SUPERGRAPH_PATH, 'utf8') !== sdl;
    fs.writeFileSync(SUPERGRAPH_PATH, sdl);
    console.log(`${changed ? 'wrote' : 'unchanged:'} ${SUPERGRAPH_PATH}`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
