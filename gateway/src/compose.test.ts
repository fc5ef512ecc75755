import { composeSupergraph } from './compose';
import { readCommittedSupergraph } from './supergraph-file';
import { SUBGRAPHS } from './subgraphs';

describe('supergraph composition', () => {
  it('composes every subgraph without errors', async () => {
    const sdl = await composeSupergraph();
    for (const subgraph of SUBGRAPHS) expect(sdl).toContain(`@join__graph(name: "${subgraph.name}"`);
    expect(sdl).toMatch(/type Member\s+@join__type\(graph: ITCELL, key: "id"\)\s+@join__type\(graph: MEMBERSHIP, key: "id"\)/);
    expect(sdl).toMatch(/socialRoles: \[TeamMember!\] @join__field\(graph: ITCELL\)/);
  });

  it('matches the committed gateway/supergraph.graphql (run `npm run compose` after a schema change)', async () => {
    expect(readCommittedSupergraph()).toBe(await composeSupergraph());
  });
});
