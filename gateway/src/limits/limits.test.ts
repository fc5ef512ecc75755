import { ApolloGateway } from '@apollo/gateway';
import { REPO_ROOT } from '@sangathan/common';
import {
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  Kind,
  parse,
  print,
  type DocumentNode,
  type GraphQLEnumType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { readCommittedSupergraph } from '../supergraph-file';
import { DEFAULT_LIMITS, type OperationLimits } from './config';
import { checkOperation, checkTokens, countRootFields, operationCost } from './operation-limits';

let schema: GraphQLSchema;
beforeAll(async () => {
  const gateway = new ApolloGateway({ supergraphSdl: readCommittedSupergraph() });
  schema = (await gateway.load()).schema;
  await gateway.stop();
});

const operationOf = (document: DocumentNode) =>
  document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return operationCost(schema, document, operationOf(document), variables);
};

describe('the cost model', () => {
  it('counts a page’s selection once per row of its page.limit, 25 rows when no limit is given', () => {
    // members 1 + 25 × (items 1 + id 1)
    expect(cost('{ members { items { id } } }')).toBe(51);
    expect(cost('{ members(page: { limit: 500 }) { items { id } } }')).toBe(1001);
    expect(cost('query ($page: PageInput) { members(page: $page) { items { id } } }', { page: { limit: 2 } })).toBe(5);
  });

  it('makes 500 members’ enrolments cost about 500 times one member’s', () => {
    const one = cost('{ members(page: { limit: 1 }) { items { enrollments { id status } } } }');
    const many = cost('{ members(page: { limit: 500 }) { items { enrollments { id status } } } }');
    expect(many / one).toBeGreaterThan(450);
    expect(many / one).toBeLessThanOrEqual(500);
  });

  it('counts nested pages by their own limits, a `limit` argument as a page, and introspection as nothing', () => {
    // orgUnits 1 + 10 × (items 1 + children (1 + 20 × (items 1 + id 1)))
    expect(cost('{ orgUnits(page: { limit: 10 }) { items { children(page: { limit: 20 }) { items { id } } } } }')).toBe(1 + 10 * (1 + 41));
    expect(cost('{ unitChanges(limit: 7) { seq } }')).toBe(8);
    expect(cost(getIntrospectionQuery())).toBe(0);
  });
});

describe('root fields', () => {
  it('counts aliases and fragments, not __typename', () => {
    const document = parse('{ a: me { id } b: me { id } __typename ...More } fragment More on Query { c: me { id } }');
    expect(countRootFields(document, operationOf(document))).toBe(3);
  });
});

/** Half of every default: what real clients send must stay well inside the limits. */
const HALF: OperationLimits = Object.fromEntries(
  Object.entries(DEFAULT_LIMITS.operations).map(([name, value]) => [name, Math.floor(value / 2)]),
) as unknown as OperationLimits;

/** A value of the variable's type, so that page sizes given as variables are counted. */
function sampleValue(type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) return sampleValue(type.type);
  if (type.kind === Kind.LIST_TYPE) return [sampleValue(type.type)];
  const samples: Record<string, unknown> = { ID: '00000000-0000-4000-8000-000000000000', String: 'district', Boolean: true, Int: 1 };
  return type.name.value in samples ? samples[type.name.value] : {};
}

/** Each operation of a document as its own document, with sample variables; `variables` replaces them. */
function operations(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const single: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
      const sample = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, sampleValue(definition.type)]),
      );
      return { source: print(single), document: single, operation, variables: variables ?? sample };
    });
}

function expectWellInside(source: string, variables?: Record<string, unknown>) {
  for (const operation of operations(source, variables)) {
    expect(() => checkTokens(operation.source, HALF.maxTokens)).not.toThrow();
    expect(() => checkOperation(HALF, schema, operation.document, operation.operation, operation.variables)).not.toThrow();
    expect(operationCost(schema, operation.document, operation.operation, operation.variables)).toBeLessThan(HALF.maxCost);
  }
}

const read = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('what the console, the playground and the README send', () => {
  it('stays within half of every default limit: the playground’s example tabs', () => {
    const tabs = [...read('admin/src/playground/examples.ts').matchAll(/query: `([\s\S]*?)`/g)].map((match) => match[1]);
    expect(tabs).toHaveLength(3);
    for (const query of tabs) expectWellInside(query);
  });

  it('stays within half of every default limit: the README’s examples', () => {
    const readme = read('README.md');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
    const curl = [...readme.matchAll(/"(\{ members\(.*\})"\}'/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    expect(curl).toHaveLength(1);
    for (const source of [...blocks, ...curl]) expectWellInside(source);
  });

  it('stays within half of every default limit: the dashboard’s queries', () => {
    const files = fs.readdirSync(path.join(REPO_ROOT, 'admin/src/dashboard')).filter((file) => file.endsWith('.tsx'));
    const sources = [read('admin/src/common/training.ts'), ...files.map((file) => read(`admin/src/dashboard/${file}`))];
    // The selections the queries interpolate (`const COVERAGE = '…'`).
    const constants = new Map(sources.flatMap((source) => [...source.matchAll(/const (\w+) = '([^']*)'/g)].map((m) => [m[1], m[2]])));
    const queries = sources.flatMap((source) =>
      [...source.matchAll(/\/\* GraphQL \*\/ `([\s\S]*?)`/g)].map((match) =>
        match[1].replace(/\$\{(\w+)\}/g, (_, name: string) => constants.get(name)!),
      ),
    );
    expect(queries).toHaveLength(5);
    for (const query of queries) expectWellInside(query);
    // MemberStatusWidget builds its query: one aliased `members { total }` per member status.
    const statuses = schema.getType('MemberStatus') as GraphQLEnumType;
    const counts = statuses
      .getValues()
      .map(
        ({ name }) => `${name}: members(filter: { organizationId: $organizationId, statuses: [${name}] }, page: { limit: 1 }) { total }`,
      );
    expectWellInside(`query DashboardMemberStatuses($organizationId: ID!) { ${counts.join(' ')} }`);
  });

  it('stays within half of every default limit: the console’s audit queries (history, audit log, its 500-entry export pages)', () => {
    const source = read('admin/src/audit/queries.ts');
    const constants = new Map([...source.matchAll(/const (\w+) =\s*'([^']*)'/g)].map((m) => [m[1], m[2]]));
    const queries = [...source.matchAll(/\/\* GraphQL \*\/ `([\s\S]*?)`/g)].map((match) =>
      match[1].replace(/\$\{(\w+)\}/g, (_, name: string) => constants.get(name)!),
    );
    // One per service, each asking for its own log's entries with their changes.
    expect(queries.map((query) => /\{\s*(\w+)\(/.exec(query)![1])).toEqual([
      'membershipAuditEntries',
      'itcellAuditEntries',
      'trainingAuditEntries',
    ]);
    for (const query of queries) {
      expect(query).toContain('changes { field oldValue newValue }');
      expectWellInside(query, { filter: { recordTypes: ['Member'] }, page: { limit: 500 } });
    }
  });

  it('stays within half of every default limit: the console’s 500-row list and export pages of every resource', () => {
    const lists = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'page'));
    expect(lists.length).toBeGreaterThan(15);
    for (const list of lists) {
      const item = getNamedType((getNamedType(list.type) as GraphQLObjectType).getFields().items.type) as GraphQLObjectType;
      const fields = Object.values(item.getFields());
      const plain = fields.filter((field) => !field.args.length && isLeafType(getNamedType(field.type))).map((field) => field.name);
      // The nested records the console's resources add (data.extraFields): a unit, a member, progress.
      const nested = fields
        .filter((field) => ['unit', 'member', 'cadre', 'camp', 'team'].includes(field.name))
        .map((field) => `${field.name} { id }`);
      const query = `query ($page: PageInput) { ${list.name}(page: $page) { items { ${[...plain, ...nested].join(' ')} } total nextCursor } }`;
      expectWellInside(query, { page: { limit: 500 } });
    }
  });
});
