import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap';
import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage, type BuildSchemaOptions } from 'type-graphql';
import { getMetadataArgsStorage, type DataSource } from 'typeorm';
import { buildFederatedSchema } from './federation';
import type { Access } from './auth/access';
import type { Identity } from './auth/identity';
import type { RequestInfo } from './auth/request-info';
import type { UnitCopyTable } from './unit-copies';

/** A service class of a module: built once per request from the request's dependencies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServiceClass = new (deps: any) => object;

/** Any class: entities, resolvers and migrations are told apart by their decorators' metadata. */
type AnyClass = abstract new (...args: never[]) => object;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReferenceResolver = (reference: { id: string }, context: any) => unknown;

/**
 * One module folder (`src/modules/<name>/`) described once: a service's entity list, request context
 * and schema are built from its list of modules, so a record type is added by its folder, its
 * migration and one line in that list.
 */
// S is not constrained to ServiceClass: checking a service's constructor against it would need the
// service's request context, which is derived from this very module list (a type cycle).
export interface ServiceModule<S extends object = Record<string, ServiceClass>> {
  /** The folder under src/modules, the entity's name in kebab case (`field-visit`). */
  name: string;
  /** TypeORM entities. */
  entities?: readonly AnyClass[];
  /** type-graphql resolver classes. */
  resolvers?: readonly AnyClass[];
  /** Federation `__resolveReference` per entity type name. */
  references?: Readonly<Record<string, ReferenceResolver>>;
  /** Services by their request-context key: the API's plural (`members`, `trainingCampaigns`). */
  services?: S;
  /** Tables holding copies of unit ancestry that follow unit moves (itcell, training). */
  unitCopyTables?: readonly UnitCopyTable[];
  /** Root fields whose access is not the default (`read` for queries, `write` for mutations). */
  access?: Readonly<Record<string, Access>>;
  /** Defined in services/common (the audit log), so it has no folder of the service's own. */
  shared?: boolean;
}

export function defineModule<S extends object = Record<never, ServiceClass>>(module: ServiceModule<S>): ServiceModule<S> {
  return module;
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The request's services of a list of modules: `{ members: MemberService, … }`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ServicesOf<M extends readonly ServiceModule<any>[]> = UnionToIntersection<
  {
    [I in keyof M]: M[I] extends ServiceModule<infer S>
      ? { [K in keyof S]: S[K] extends ServiceClass ? InstanceType<S[K]> : never }
      : never;
  }[number]
>;

/**
 * What a module's service is built from: the database, the caller (null before sign-in) and the
 * request's other services (filled before any is used).
 */
export interface ServiceDeps<S> {
  dataSource: DataSource;
  identity: Identity | null;
  request: RequestInfo;
  services: S;
}

export function entitiesOf(modules: readonly ServiceModule[]) {
  return modules.flatMap((module) => module.entities ?? []);
}

/** Every module's access exceptions; a field declared twice is a mistake. */
export function accessFieldsOf(modules: readonly ServiceModule[]): Record<string, Access> {
  const fields: Record<string, Access> = {};
  for (const module of modules) {
    for (const [field, access] of Object.entries(module.access ?? {})) {
      if (field in fields) throw new Error(`two modules declare access for ${field}`);
      fields[field] = access;
    }
  }
  return fields;
}

export function unitCopyTablesOf(modules: readonly ServiceModule[]): UnitCopyTable[] {
  return modules.flatMap((module) => module.unitCopyTables ?? []);
}

/** One request's services: every module's services, plus `extra` ones that are not modules (e.g. lookups in membership). */
export function createServices<S extends object>(
  modules: readonly ServiceModule[],
  deps: Omit<ServiceDeps<S>, 'services'> & Record<string, unknown>,
  extra: Partial<S> = {},
): S {
  const services = { ...extra } as Record<string, object>;
  const context = { ...deps, services };
  for (const module of modules) {
    for (const [key, Service] of Object.entries(module.services ?? {}) as [string, ServiceClass][]) {
      if (key in services) throw new Error(`two services are registered as "${key}"`);
      services[key] = new Service(context);
    }
  }
  return services as S;
}

/** The subgraph schema of a list of modules; needs no database, so composition can build it offline. */
export function buildModuleSchema(modules: readonly ServiceModule[]): Promise<GraphQLSchema> {
  const resolvers = modules.flatMap((module) => module.resolvers ?? []);
  if (!resolvers.length) throw new Error('a subgraph needs at least one resolver');
  const references: GraphQLResolverMap<unknown> = {};
  for (const module of modules) {
    for (const [type, resolveReference] of Object.entries(module.references ?? {})) {
      if (references[type]) throw new Error(`two modules resolve references to ${type}`);
      references[type] = { __resolveReference: resolveReference } as GraphQLResolverMap<unknown>[string];
    }
  }
  return buildFederatedSchema({ resolvers: resolvers as unknown as BuildSchemaOptions['resolvers'] }, references);
}

const sourceFiles = (dir: string, suffix: string) =>
  fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(suffix) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file));

/** The classes a source file exports (loaded synchronously, as jest loads modules). */
function exportedClasses(file: string): AnyClass[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(file) as object;
  return Object.values(exports).filter((value): value is AnyClass => typeof value === 'function');
}

/**
 * What a service forgot to register, as sentences (empty when nothing): a module folder missing from
 * its module list, an entity or resolver class a module folder exports but its module does not list,
 * a migration file missing from the migration list. Loads the source files, so run it under jest.
 */
export function unregisteredParts(srcDir: string, modules: readonly ServiceModule[], migrations: readonly AnyClass[]): string[] {
  const problems: string[] = [];
  const modulesDir = path.join(srcDir, 'modules');
  const byName = new Map(modules.map((module) => [module.name, module]));
  const folders = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  // Load every file first: a class no module imports is only registered with TypeORM/type-graphql once loaded.
  const exportsOf = new Map(
    folders.map((folder) => [folder.name, sourceFiles(path.join(modulesDir, folder.name), '.ts').flatMap(exportedClasses)]),
  );
  const entityTargets = new Set<unknown>(getMetadataArgsStorage().tables.map((table) => table.target));
  const resolverTargets = new Set<unknown>(getMetadataStorage().resolverClasses.map((resolver) => resolver.target));
  for (const folder of folders) {
    const module = byName.get(folder.name);
    if (!module) {
      problems.push(`modules/${folder.name} is not in the service's module list`);
      continue;
    }
    for (const exported of exportsOf.get(folder.name)!) {
      if (entityTargets.has(exported) && !module.entities?.includes(exported as never))
        problems.push(`entity ${exported.name} (modules/${folder.name}) is not in its module's entities`);
      if (resolverTargets.has(exported) && !module.resolvers?.includes(exported as never))
        problems.push(`resolver ${exported.name} (modules/${folder.name}) is not in its module's resolvers`);
    }
  }
  for (const module of modules)
    if (!module.shared && !fs.existsSync(path.join(modulesDir, module.name))) problems.push(`module ${module.name} has no folder`);
  for (const file of sourceFiles(path.join(srcDir, 'migrations'), '.ts')) {
    for (const exported of exportedClasses(file))
      if (!migrations.includes(exported)) problems.push(`migration ${exported.name} is not in the migration list`);
  }
  return problems;
}

/** Federation entity resolution through a service's batched loader: all references to a type in a request are one query. */
export function loadReference(serviceKey: string): ReferenceResolver {
  return (reference, context: { services: Record<string, { loader: { load(id: string): Promise<unknown> } }> }) =>
    context.services[serviceKey].loader.load(reference.id);
}

/** For an entity another service owns (Member, OrgUnit): the reference is all this service needs to add its fields. */
export const referenceStub: ReferenceResolver = (reference) => ({ id: reference.id });
