import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { ConfigError, EnvReader } from './config';
import { DEFAULT_SERVICE_LIMITS, overlongMutationLists, readServiceLimits } from './limits';

describe('service limits', () => {
  it('default to 10,000 rows of offset, 2,000 units per roll-up and 500 items per list', () => {
    expect(readServiceLimits(new EnvReader({}))).toEqual({ maxPageOffset: 10_000, maxRollupUnits: 2_000, maxBulkItems: 500 });
    expect(readServiceLimits(new EnvReader({}))).toEqual(DEFAULT_SERVICE_LIMITS);
    expect(readServiceLimits(new EnvReader({ MAX_PAGE_OFFSET: '0', MAX_ROLLUP_UNITS: '80', MAX_BULK_ITEMS: '100' }))).toEqual({
      maxPageOffset: 0,
      maxRollupUnits: 80,
      maxBulkItems: 100,
    });
  });

  it('fail fast naming the bad variable', () => {
    expect(() => readServiceLimits(new EnvReader({ MAX_BULK_ITEMS: '0' }))).toThrow(
      new ConfigError('MAX_BULK_ITEMS', 'must be a whole number from 1 to 1000000, got "0"'),
    );
    expect(() => readServiceLimits(new EnvReader({ MAX_PAGE_OFFSET: 'deep' }))).toThrow(/MAX_PAGE_OFFSET must be a whole number/);
  });
});

describe('over-long lists in a mutation', () => {
  const schema = buildSchema(`
    type Query { ok: Boolean }
    input Session { title: String, speakerIds: [ID!] }
    input MeetingInput { title: String!, attendeeIds: [ID!], sessions: [Session!] }
    type Mutation { deleteThings(ids: [ID!]!): Boolean, createMeeting(input: MeetingInput!): Boolean }
  `);
  const find = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return overlongMutationLists(schema, document, operation, variables, 2);
  };

  it('names each list past the bound, inline or in variables, at any depth of an input', () => {
    expect(find('mutation { deleteThings(ids: ["a", "b"]) }')).toEqual({});
    expect(find('mutation { deleteThings(ids: ["a", "b", "c"]) }')).toEqual({ ids: 'at most 2 items in one request, got 3' });
    expect(find('mutation ($ids: [ID!]!) { deleteThings(ids: $ids) }', { ids: ['a', 'b', 'c'] })).toEqual({
      ids: 'at most 2 items in one request, got 3',
    });
    expect(
      find('mutation ($input: MeetingInput!) { createMeeting(input: $input) }', {
        input: { title: 't', attendeeIds: ['a', 'b', 'c'], sessions: [{ title: 's', speakerIds: ['a'] }, { speakerIds: ['a', 'b', 'c'] }] },
      }),
    ).toEqual({
      'input.attendeeIds': 'at most 2 items in one request, got 3',
      'input.sessions.1.speakerIds': 'at most 2 items in one request, got 3',
    });
  });

  it('leaves queries and variables of the wrong type alone (execution reports those)', () => {
    expect(find('query { ok }')).toEqual({});
    expect(find('mutation ($ids: [ID!]!) { deleteThings(ids: $ids) }', { ids: [{ not: 'an id' }, 'b', 'c'] })).toEqual({});
  });
});
