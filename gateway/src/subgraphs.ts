/** Every subgraph the gateway composes and where it answers by default; adding a service starts here. */
export const SUBGRAPHS = [
  { name: 'membership', urlVariable: 'MEMBERSHIP_URL', defaultUrl: 'http://localhost:4001/graphql' },
  { name: 'itcell', urlVariable: 'ITCELL_URL', defaultUrl: 'http://localhost:4002/graphql' },
  { name: 'training', urlVariable: 'TRAINING_URL', defaultUrl: 'http://localhost:4003/graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
