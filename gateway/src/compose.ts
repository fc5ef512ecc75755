import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildItcellSchema } from '@sangathan/itcell';
import { buildMembershipSchema } from '@sangathan/membership';
import { buildTrainingSchema } from '@sangathan/training';
import { parse, type GraphQLSchema } from 'graphql';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

/** How to build each subgraph's schema without a database; only composition (build time) needs it. */
const SCHEMA_BUILDERS: Record<SubgraphName, () => Promise<GraphQLSchema>> = {
  membership: buildMembershipSchema,
  itcell: buildItcellSchema,
  training: buildTrainingSchema,
};

/** Composes every subgraph's SDL into a supergraph; throws with every composition error. */
export async function composeSupergraph(): Promise<string> {
  const subgraphs = await Promise.all(
    SUBGRAPHS.map(async (subgraph) => ({
      name: subgraph.name,
      url: subgraph.defaultUrl,
      typeDefs: parse(printSubgraphSchema(await SCHEMA_BUILDERS[subgraph.name]())),
    })),
  );
  const result = composeServices(subgraphs);
  if (result.errors?.length) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return `${result.supergraphSdl!.trim()}\n`;
}
