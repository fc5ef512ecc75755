import { describe, expect, it } from '@jest/globals';
import type { IntrospectionEnumType, IntrospectionObjectType, IntrospectionSchema } from 'graphql';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { API_SCHEMA_MODULE, apiSchemaIntrospection, apiSchemaPlugin } from '../../api-schema';

const SUPERGRAPH = path.resolve(__dirname, '../../../gateway/supergraph.graphql');

const typeNamed = <T>(schema: IntrospectionSchema, name: string) => schema.types.find((type) => type.name === name) as T | undefined;

/** What the plugin hands Vite for the virtual module, as the schema the console receives. */
function loadThroughPlugin(supergraphPath: string): IntrospectionSchema {
  const plugin = apiSchemaPlugin(supergraphPath);
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const load = plugin.load as (this: { addWatchFile(file: string): void }, id: string) => string | undefined;
  const id = resolveId(API_SCHEMA_MODULE)!;
  const watched: string[] = [];
  const code = load.call({ addWatchFile: (file) => watched.push(file) }, id)!;
  expect(watched).toEqual([supergraphPath]);
  const literal = /^export default JSON\.parse\((.*)\);$/s.exec(code)![1];
  return JSON.parse(JSON.parse(literal) as string) as IntrospectionSchema;
}

describe("the console's schema, built from the supergraph", () => {
  const schema = apiSchemaIntrospection(fs.readFileSync(SUPERGRAPH, 'utf8'));

  it("is the API schema clients see: every service's operations, none of federation's plumbing", () => {
    const query = typeNamed<IntrospectionObjectType>(schema, 'Query')!;
    const fields = query.fields.map((field) => field.name);
    expect(fields).toEqual(expect.arrayContaining(['members', 'member', 'socialTeams', 'camps', 'trainingCampaigns']));
    expect(fields).not.toEqual(expect.arrayContaining(['_entities']));
    expect(fields).not.toContain('_service');
    expect(schema.types.map((type) => type.name).filter((name) => /^(join__|link__)|^_Entity$|^_Any$/.test(name))).toEqual([]);
    expect(schema.directives.map((directive) => directive.name)).not.toEqual(expect.arrayContaining(['join__type']));
    const kinds = typeNamed<IntrospectionEnumType>(schema, 'MeetingKind')!;
    expect(kinds.enumValues.map((value) => value.name)).toEqual(['PLANNING_MEETING', 'WORKSHOP', 'VOLUNTEER_MEET', 'CONFERENCE']);
  });

  it('is read from the supergraph file at every build: a change to the file shows in the next build', () => {
    expect(loadThroughPlugin(SUPERGRAPH)).toEqual(schema);
    const changed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-supergraph-')), 'supergraph.graphql');
    const original = fs.readFileSync(SUPERGRAPH, 'utf8');
    const edited = original.replace(
      /(enum MeetingKind\s+@join__type\(graph: ITCELL\)\s*\{)/,
      '$1\n  TOWN_HALL @join__enumValue(graph: ITCELL)',
    );
    expect(edited).not.toBe(original);
    fs.writeFileSync(changed, edited);
    try {
      const kinds = typeNamed<IntrospectionEnumType>(loadThroughPlugin(changed), 'MeetingKind')!;
      expect(kinds.enumValues.map((value) => value.name)).toContain('TOWN_HALL');
    } finally {
      fs.rmSync(path.dirname(changed), { recursive: true });
    }
  });

  it('refuses a supergraph that is not one, failing the build', () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-supergraph-')), 'supergraph.graphql');
    fs.writeFileSync(broken, 'type Query { members: Int }');
    try {
      expect(() => loadThroughPlugin(broken)).toThrow();
    } finally {
      fs.rmSync(path.dirname(broken), { recursive: true });
    }
  });
});
